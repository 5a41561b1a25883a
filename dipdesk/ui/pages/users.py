"""ผู้ใช้งาน: the administrator's page for users and roles.

Add a user (a first password is generated to hand over; they choose their own at the first log-in),
change a role, reset a forgotten password, deactivate someone who left (never delete: the history names
them), activate again. Every write runs through `dipdesk.services.users` in a worker and is audited; the
site's other laptops follow at their next sync.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dipdesk.services.errors import ServiceError
from dipdesk.store.auth import ROLES
from dipdesk.ui.changes import data_changed
from dipdesk.ui.labels import role_label
from dipdesk.ui.pages.base import AreaPage
from dipdesk.ui.widgets import NoticeBox, format_date, style_read_only_table
from dipdesk.ui.workers import Task, run_task

_Index = QModelIndex | QPersistentModelIndex


class UsersModel(QAbstractTableModel):
    """This site's users (tens, not thousands: all of them, read in a worker by the page)."""

    COLUMNS = ("username", "full_name", "role", "state", "last_login")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Any] = []

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return (
            self.tr("Username"),
            self.tr("Full name"),
            self.tr("Role"),
            self.tr("Status"),
            self.tr("Last log-in here"),
        )[section]

    def state_text(self, r: Any) -> str:
        if not r.active:
            return self.tr("Deactivated")
        parts = [self.tr("Active")]
        if r.locked_seconds:
            parts.append(self.tr("locked for %1 min").replace("%1", str(-(-r.locked_seconds // 60))))
        if r.must_change_password:
            parts.append(self.tr("must change password"))
        return ", ".join(parts)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        r = self.rows[index.row()]
        key = self.COLUMNS[index.column()]
        if key == "username":
            return r.username
        if key == "full_name":
            return r.full_name
        if key == "role":
            return role_label(r.role)
        if key == "state":
            return self.state_text(r)
        return format_date(r.last_login_at) if r.last_login_at else ""


class RoleCombo(QComboBox):
    def __init__(self, current: str = "staff", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for role in ROLES:
            self.addItem(role_label(role), role)
        self.setCurrentIndex(max(0, self.findData(current)))


class AddUserDialog(QDialog):
    """User name, name, position, role and the first password (generated, shown to hand over)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        from dipdesk.services.auth import generate_password

        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a user"))
        self.setMinimumWidth(480)
        root = QVBoxLayout(self)
        form = QFormLayout()
        self.username = QLineEdit()
        self.username.setObjectName("new_username")
        self.full_name = QLineEdit()
        self.position = QLineEdit()
        self.role = RoleCombo()
        self.password = QLineEdit(generate_password(10))
        self.password.setObjectName("first_password")
        form.addRow(self.tr("Username"), self.username)
        form.addRow(self.tr("Full name"), self.full_name)
        form.addRow(self.tr("Position"), self.position)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("First password"), self.password)
        root.addLayout(form)
        note = QLabel(
            self.tr(
                "Give the first password to the user in person: they must choose their own at the first log-in."
            )
        )
        note.setObjectName("muted")
        note.setWordWrap(True)
        root.addWidget(note)
        self.error_label = QLabel()
        self.error_label.setObjectName("errorText")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        root.addWidget(self.error_label)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Add user"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        root.addWidget(buttons)

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))


class RoleDialog(QDialog):
    def __init__(self, username: str, current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change the role of %1").replace("%1", username))
        root = QVBoxLayout(self)
        self.role = RoleCombo(current)
        form = QFormLayout()
        form.addRow(self.tr("Role"), self.role)
        root.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Change role"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        root.addWidget(buttons)


class UsersPage(AreaPage):
    view_name = "users"
    listens_to = frozenset({"users"})

    def description(self) -> str:
        return self.tr(
            "The users of this site and their roles. Users are never deleted, since the history names them: "
            "deactivate someone who has left. Changes reach the site's other computers at their next sync."
        )

    def build(self) -> None:
        self.dialog: QDialog | None = None  # the dialog open now (tests fill it in)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add user…"))
        self.role_button = QPushButton(self.tr("Change role…"))
        self.reset_button = QPushButton(self.tr("Reset password"))
        self.deactivate_button = QPushButton(self.tr("Deactivate"))
        self.activate_button = QPushButton(self.tr("Activate"))
        for b in (
            self.add_button,
            self.role_button,
            self.reset_button,
            self.deactivate_button,
            self.activate_button,
        ):
            row.addWidget(b)
        row.addStretch(1)
        self.body.addLayout(row)
        self.add_button.clicked.connect(self.open_add)
        self.role_button.clicked.connect(self.open_role)
        self.reset_button.clicked.connect(lambda: self._write("reset", self.selected_username()))
        self.deactivate_button.clicked.connect(lambda: self._write("deactivate", self.selected_username()))
        self.activate_button.clicked.connect(lambda: self._write("activate", self.selected_username()))

        self.notice = NoticeBox()
        self.notice.hide()
        self.body.addWidget(self.notice)
        self.write_error = NoticeBox(error=True)
        self.write_error.hide()
        self.body.addWidget(self.write_error)
        self.model = UsersModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        style_read_only_table(self.table)
        self.table.setMinimumHeight(360)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self.body.addWidget(self.table)
        rules = self.muted(
            self.tr(
                "A password has at least 8 characters, with both letters and digits, and is not the user name. "
                "After 3 wrong passwords the log-in slows down; after 5 the user is locked for 15 minutes on "
                "that computer (a password reset lifts the lock here)."
            )
        )
        self.body.addWidget(rules)
        self._enable()

    # --- loading ------------------------------------------------------------------------------------

    def fetch(self, task: Task) -> Any:
        from dipdesk.services.users import list_users

        with self.env.db.session() as s:
            return list_users(s, self.env.user.site_id or None)

    def show_data(self, data: Any) -> None:
        selected = self.selected_username()
        self.model.set_rows(list(data))
        self.table.resizeColumnsToContents()
        if selected:
            self.select(selected)
        self._enable()

    # --- selection ----------------------------------------------------------------------------------

    def selected_row(self) -> Any:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.rows[rows[0].row()] if rows else None

    def selected_username(self) -> str:
        r = self.selected_row()
        return r.username if r is not None else ""

    def select(self, username: str) -> bool:
        for i, r in enumerate(self.model.rows):
            if r.username == username:
                self.table.selectRow(i)
                return True
        return False

    def _enable(self) -> None:
        r = self.selected_row()
        me = r is not None and r.id == self.env.user.id
        self.role_button.setEnabled(r is not None and r.active)
        self.reset_button.setEnabled(r is not None and r.active)
        self.deactivate_button.setEnabled(r is not None and r.active and not me)
        self.activate_button.setEnabled(r is not None and not r.active)

    # --- dialogs ------------------------------------------------------------------------------------

    def open_add(self) -> None:
        dialog = AddUserDialog(self)
        self.dialog = dialog

        def chosen() -> None:
            self._write(
                "add",
                dialog.username.text().strip(),
                role=dialog.role.currentData(),
                full_name=dialog.full_name.text().strip(),
                position=dialog.position.text().strip(),
                password=dialog.password.text(),
            )

        dialog.accepted.connect(chosen)
        dialog.open()

    def open_role(self) -> None:
        r = self.selected_row()
        if r is None:
            return
        dialog = RoleDialog(r.username, r.role, self)
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._write("role", r.username, role=dialog.role.currentData()))
        dialog.open()

    # --- writing ------------------------------------------------------------------------------------

    def _write(self, action: str, username: str, **kw: Any) -> None:
        if not username:
            return
        db, me = self.env.db, self.env.user.id

        def work(task: Task) -> tuple[str, str, str]:
            from dipdesk.services import users

            with db.session() as s, s.begin():
                ctx = users.user_context(s, me)
                if action == "add":
                    users.add_user(
                        ctx,
                        username,
                        kw["password"],
                        role=kw["role"],
                        full_name=kw["full_name"],
                        position=kw["position"],
                    )
                    return action, username, kw["password"]
                if action == "role":
                    users.set_role(ctx, username, kw["role"])
                elif action == "reset":
                    _, password = users.reset_password(ctx, username)
                    return action, username, password
                elif action == "deactivate":
                    users.deactivate(ctx, username)
                elif action == "activate":
                    users.activate(ctx, username)
            return action, username, ""

        self.write_error.hide()
        run_task(work, on_done=self._written, on_error=self._write_failed, owner=self)

    def _written(self, result: tuple[str, str, str]) -> None:
        action, username, password = result
        texts = {
            "add": self.tr("%1 was added. First password: %2 (they must change it at the first log-in)."),
            "role": self.tr("The role of %1 was changed."),
            "reset": self.tr(
                "The password of %1 was reset. First password: %2 (they must change it at the next log-in)."
            ),
            "deactivate": self.tr("%1 was deactivated and can no longer log in."),
            "activate": self.tr("%1 can log in again."),
        }
        self.notice.set_text(texts[action].replace("%1", username).replace("%2", password))
        self.notice.show()
        self.last_written = result
        data_changed("users", source=self)
        self.reload()
        self.select(username)

    def _write_failed(self, exc: BaseException) -> None:
        text = exc.message(self.env.lang) if isinstance(exc, ServiceError) else str(exc)
        self.write_error.set_text(text)
        self.write_error.show()
        self.last_error = exc
        if isinstance(self.dialog, AddUserDialog):
            self.dialog.show_error(text)
