"""Log-in: the right password lets the user in; a wrong one is refused with a message, in Thai."""

from __future__ import annotations

from PySide6.QtCore import Qt

from dipdesk.ui.login import LoginDialog


def _login(qtbot, db, username: str, password: str) -> LoginDialog:  # type: ignore[no-untyped-def]
    from dipdesk.settings import Settings

    dialog = LoginDialog(db, Settings.load())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.username, username)
    qtbot.keyClicks(dialog.password, password)
    qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)
    return dialog


def test_right_password_logs_in(qtbot, seeded_db, admin_password: str) -> None:  # type: ignore[no-untyped-def]
    dialog = _login(qtbot, seeded_db, "admin", admin_password)
    assert dialog.user is not None
    assert dialog.user.username == "admin" and dialog.user.role == "admin"
    assert dialog.user.site_code == "IPC1"
    assert dialog.result() == LoginDialog.DialogCode.Accepted


def test_wrong_password_is_refused_with_a_thai_message(qtbot, seeded_db) -> None:  # type: ignore[no-untyped-def]
    dialog = _login(qtbot, seeded_db, "admin", "not the password")
    assert dialog.user is None
    assert dialog.error_label.isVisibleTo(dialog)
    assert dialog.error_label.text() == "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง"
    assert dialog.password.text() == "", "the wrong password is cleared"


def test_language_switch_rewords_the_dialog(qtbot, seeded_db) -> None:  # type: ignore[no-untyped-def]
    from dipdesk.settings import Settings

    dialog = _login(qtbot, seeded_db, "admin", "wrong")
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    assert dialog.login_button.text() == "Log in"
    assert dialog.error_label.text() == "The username or password is not correct."
    assert Settings.load().language == "en"
