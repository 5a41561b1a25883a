"""Starting the application: first run, log-in and the main window; a bad database file is reported."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QWizard


def test_unopenable_database_is_reported_and_exits(tmp_path: Path, dialogs: list[str]) -> None:
    from dipdesk.ui.app import main

    folder = tmp_path / "a-folder-not-a-file"
    folder.mkdir()
    assert main(["dipdesk"], db_path=str(folder)) == 1
    assert dialogs and str(folder) in dialogs[0]
    assert "ไม่สามารถเปิด" in dialogs[0] or "เปิดฐานข้อมูล" in dialogs[0]


def test_first_start_runs_the_wizard_then_login_then_the_main_window(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from dipdesk.ui.app import main
    from dipdesk.ui.first_run import FirstRunWizard
    from dipdesk.ui.login import LoginDialog
    from dipdesk.ui.main_window import MainWindow

    password = "ขอนแก่น 2569"
    seen: dict[str, str] = {}

    def finish_wizard(wizard: FirstRunWizard) -> int:
        wizard.show()
        qtbot.waitUntil(lambda: wizard.site_page.loaded, timeout=10_000)
        assert wizard.site_page.select_site("IPC5")
        wizard.next()
        page = wizard.admin_page
        page.username.setText("boss")
        page.full_name.setText("นางสาวใจดี มีสุข")
        page.password.setText(password)
        page.password2.setText(password)
        wizard.button(QWizard.WizardButton.FinishButton).click()
        qtbot.waitUntil(lambda: page.created, timeout=10_000)
        return int(QDialog.DialogCode.Accepted)

    def log_in(dialog: LoginDialog) -> int:
        assert dialog.username.text() == "boss", "the new administrator's name is filled in"
        dialog.password.setText(password)
        dialog.try_login()
        qtbot.waitUntil(lambda: dialog.user is not None, timeout=10_000)
        return int(QDialog.DialogCode.Accepted)

    def event_loop() -> int:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        assert len(windows) == 1
        seen["title"] = windows[0].windowTitle()
        seen["user"] = windows[0].user_status.text()
        windows[0].close()
        windows[0].deleteLater()
        return 0

    monkeypatch.setattr(FirstRunWizard, "exec", finish_wizard)
    monkeypatch.setattr(LoginDialog, "exec", log_in)
    monkeypatch.setattr(QApplication, "exec", staticmethod(event_loop))
    assert main(["dipdesk"], db_path=str(tmp_path / "new.sqlite3")) == 0
    assert "ภาคที่ 5" in seen["title"]
    assert "นางสาวใจดี มีสุข" in seen["user"]
