"""Enter in a dialog accepts, never quits: the log-in regression (issue 11) and the rule for every dialog."""

from __future__ import annotations

from gui_helpers import activate
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QVBoxLayout

from dipdesk.ui.login import LoginDialog


def _login_dialog(qtbot, db) -> LoginDialog:  # type: ignore[no-untyped-def]
    from dipdesk.settings import Settings

    dialog = LoginDialog(db, Settings.load())
    qtbot.addWidget(dialog)
    activate(qtbot, dialog)
    return dialog


def test_enter_in_the_password_field_logs_in(qtbot, seeded_db, admin_password: str) -> None:  # type: ignore[no-untyped-def]
    dialog = _login_dialog(qtbot, seeded_db)
    qtbot.keyClicks(dialog.username, "admin")
    QTest.keyClick(dialog.username, Qt.Key.Key_Return)
    assert dialog.password.hasFocus(), "Enter in the user name moves on to the password"
    assert not dialog.error_label.isVisibleTo(dialog), "and does not complain about the empty password"
    qtbot.keyClicks(dialog.password, admin_password)
    QTest.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.result() != QDialog.DialogCode.Rejected or dialog.isVisible(), "Enter quit dipdesk"
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)
    assert dialog.user is not None and dialog.user.username == "admin"
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_enter_with_a_wrong_password_keeps_the_dialog_open(qtbot, seeded_db) -> None:  # type: ignore[no-untyped-def]
    dialog = _login_dialog(qtbot, seeded_db)
    qtbot.keyClicks(dialog.username, "admin")
    qtbot.keyClicks(dialog.password, "not the password")
    QTest.keyClick(dialog.password, Qt.Key.Key_Return)
    QTest.keyClick(dialog.password, Qt.Key.Key_Enter)  # pressed again while the password is checked
    assert dialog.isVisible(), "Enter closed the log-in"
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)
    assert dialog.isVisible() and dialog.user is None
    assert dialog.error_label.text() == "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง"
    assert not dialog.quit_button.isDefault() and not dialog.quit_button.autoDefault()
    # focus on the Quit button: Enter still does not quit (Space would)
    dialog.quit_button.setFocus()
    QTest.keyClick(dialog.quit_button, Qt.Key.Key_Return)
    assert dialog.isVisible()


def test_every_dialog_gets_one_default_button(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = QDialog()
    qtbot.addWidget(dialog)
    lay = QVBoxLayout(dialog)
    field = QLineEdit()
    lay.addWidget(field)
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Ok)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    lay.addWidget(box)
    activate(qtbot, dialog)
    ok = box.button(QDialogButtonBox.StandardButton.Ok)
    cancel = box.button(QDialogButtonBox.StandardButton.Cancel)
    assert ok.isDefault() and not cancel.autoDefault()
    cancel.setFocus()
    QTest.keyClick(cancel, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
