"""One's own account: change one's password (from the main window's menu, and forced at log-in after an
administrator reset it). The check and the write run in a worker (argon2 is deliberately slow)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from dipdesk.core.passwords import password_problem
from dipdesk.services.errors import ServiceError
from dipdesk.ui.db import Database
from dipdesk.ui.i18n import current_language
from dipdesk.ui.state import CurrentUser
from dipdesk.ui.workers import Task, run_task


class ChangePasswordDialog(QDialog):
    """Current password (unless the log-in just proved it), the new one twice, the rule stated."""

    def __init__(
        self,
        db: Database,
        user: CurrentUser,
        *,
        forced: bool = False,
        current: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.user = user
        self.busy = False
        self.changed = False
        self.setWindowTitle(self.tr("Change password"))
        self.setMinimumWidth(460)
        root = QVBoxLayout(self)
        intro = QLabel(
            self.tr("An administrator has set a password for you. Please choose your own password now.")
            if forced
            else self.tr("Choose a new password for %1.").replace("%1", user.display_name)
        )
        intro.setWordWrap(True)
        root.addWidget(intro)
        rule = QLabel(
            self.tr(
                "A password has at least 8 characters, with both letters and digits, and is not your user name."
            )
        )
        rule.setObjectName("muted")
        rule.setWordWrap(True)
        root.addWidget(rule)
        form = QFormLayout()
        self.current = QLineEdit(current)
        self.current.setObjectName("current_password")
        self.new = QLineEdit()
        self.new.setObjectName("new_password")
        self.again = QLineEdit()
        self.again.setObjectName("new_password_again")
        for field in (self.current, self.new, self.again):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        if not (forced and current):
            form.addRow(self.tr("Current password"), self.current)
        form.addRow(self.tr("New password"), self.new)
        form.addRow(self.tr("New password again"), self.again)
        root.addLayout(form)
        self.error_label = QLabel()
        self.error_label.setObjectName("errorText")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        root.addWidget(self.error_label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Change password"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        root.addWidget(self.buttons)
        (self.new if forced and current else self.current).setFocus()

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    def submit(self) -> None:
        if self.busy:
            return
        old, new = self.current.text(), self.new.text()
        problem = password_problem(new, self.user.username)
        if problem is not None:
            self.show_error(problem[1] if current_language() == "en" else problem[0])
            return
        if new != self.again.text():
            self.show_error(self.tr("The two new passwords are not the same."))
            return
        self.busy = True
        self.buttons.setEnabled(False)
        self.setCursor(Qt.CursorShape.BusyCursor)
        db, user_id = self.db, self.user.id

        def write(task: Task) -> None:
            from dipdesk.services.users import change_own_password, user_context

            with db.session() as s, s.begin():
                change_own_password(user_context(s, user_id), old, new)

        run_task(write, on_done=self._done, on_error=self._failed, owner=self)

    def _done(self, _result: object) -> None:
        self.busy = False
        self.changed = True
        self.unsetCursor()
        self.buttons.setEnabled(True)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self.unsetCursor()
        self.buttons.setEnabled(True)
        self.show_error(exc.message(current_language()) if isinstance(exc, ServiceError) else str(exc))
