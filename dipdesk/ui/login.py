"""The log-in dialog: offline, against the argon2id hashes in the local database.

Verification runs in a worker (argon2 is deliberately slow) inside a transaction, since a successful
log-in records its time. The language can be switched here, live, before anything else is open.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dipdesk.services.errors import ServiceError
from dipdesk.settings import Settings
from dipdesk.ui import icons
from dipdesk.ui.db import Database
from dipdesk.ui.first_paint import after_first_paint
from dipdesk.ui.i18n import current_language, install_translations
from dipdesk.ui.state import CurrentUser, current_user_from
from dipdesk.ui.upgrade_notice import UpgradeNotice, UpgradeRelay
from dipdesk.ui.workers import Task, run_task

UPGRADE_WIDTH = 560  # the window's width while the database upgrade is shown (480 otherwise)


class LoginDialog(QDialog):
    """Username and password; `user` holds who logged in once the dialog is accepted."""

    logged_in = Signal(object)  # CurrentUser
    checking = Signal(str)  # the password of this user name is being checked (the app gets ready meanwhile)
    # a password is being typed for this user name: the app may get ready for them meanwhile (nothing is
    # shown or read for them before their password is checked; see dipdesk.ui.app.Prebuild)
    preparing = Signal(str)

    def __init__(
        self, db: Database, settings: Settings, username: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.settings = settings
        self.user: CurrentUser | None = None
        self.busy = False
        self._error = ""  # which message is shown, so it can be re-worded after a language switch
        self._service_message = ("", "")  # (Thai, English) of a slow-down or lock
        self._site_th = self._site_en = ""
        self._fit_pending = False  # a _fit_height is scheduled
        self._shrink = False  # … after a line was hidden to make room
        self.setWindowIcon(icons.app_icon())
        self.setMinimumWidth(480)

        root = QVBoxLayout(self)
        root.setContentsMargins(28, 24, 28, 20)
        root.setSpacing(12)
        header = QHBoxLayout()
        logo = QLabel()
        logo.setPixmap(icons.render("dipdesk", 56))
        header.addWidget(logo)
        titles = QVBoxLayout()
        titles.setSpacing(2)
        self.app_title = QLabel("dipdesk")
        self.app_title.setObjectName("pageTitle")
        self.subtitle = QLabel()
        self.subtitle.setObjectName("muted")
        self.subtitle.setWordWrap(True)
        self.site_label = QLabel()
        self.site_label.setObjectName("statTitle")
        self.site_label.setWordWrap(True)
        titles.addWidget(self.app_title)
        titles.addWidget(self.subtitle)
        titles.addWidget(self.site_label)
        header.addLayout(titles, 1)
        root.addLayout(header)
        self.upgrade = UpgradeNotice()  # shown while the database is upgraded (see follow_upgrade)
        root.addWidget(self.upgrade)

        form = QFormLayout()
        form.setVerticalSpacing(12)
        form.setHorizontalSpacing(14)
        self.username = QLineEdit(username)
        self.username.setObjectName("username")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.language = QComboBox()
        self.language.addItem("ไทย", "th")  # each language named in itself
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(current_language())))
        self.language.currentIndexChanged.connect(self._language_chosen)
        self.username_label, self.password_label, self.language_label = QLabel(), QLabel(), QLabel()
        form.addRow(self.username_label, self.username)
        form.addRow(self.password_label, self.password)
        form.addRow(self.language_label, self.language)
        root.addLayout(form)

        self.error_label = QLabel()
        self.error_label.setObjectName("errorText")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        root.addWidget(self.error_label)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.quit_button = QPushButton()
        self.quit_button.setAutoDefault(False)  # focused or not, Enter never quits (see ui/dialogs.py)
        self.quit_button.clicked.connect(self.reject)
        self.login_button = QPushButton()
        self.login_button.setDefault(True)
        self.login_button.clicked.connect(self.try_login)
        buttons.addWidget(self.quit_button)
        buttons.addWidget(self.login_button)
        root.addLayout(buttons)

        self.password.returnPressed.connect(self.try_login)
        self.password.textChanged.connect(self._password_typed)
        self.username.installEventFilter(self)  # Enter there moves on to the password (see eventFilter)
        self.retranslate()
        (self.password if username else self.username).setFocus()
        after_first_paint(self, lambda: run_task(self._read_site, on_done=self._show_site, owner=self))

    # --- texts ------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Log in to dipdesk"))
        self.subtitle.setText(self.tr("Department of Industrial Promotion, Ministry of Industry"))
        self.username_label.setText(self.tr("Username"))
        self.password_label.setText(self.tr("Password"))
        self.language_label.setText(self.tr("Language"))
        self.quit_button.setText(self.tr("Quit"))
        self._button_text()
        self.upgrade.retranslate()
        lang = current_language()
        site = self._site_en if lang == "en" and self._site_en else self._site_th
        self.site_label.setText(site)
        self.site_label.setVisible(bool(site))
        self._show_error(self._error)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Enter in the user name with no password yet: go to the password, do not try (and complain)
        if (
            watched is self.username
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not self.password.text()
        ):
            self.password.setFocus()
            return True
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _message(self, key: str) -> str:
        messages = {
            "empty": self.tr("Please enter your username and password."),
            "wrong": self.tr("The username or password is not correct."),
            "service": self._service_message[1 if current_language() == "en" else 0],
        }
        return messages.get(key, key)

    def _show_error(self, key: str) -> None:
        self._error = key
        self.error_label.setText(self._message(key) if key else "")
        self.error_label.setVisible(bool(key))

    def _button_text(self) -> None:
        if not self.busy:
            self.login_button.setText(self.tr("Log in"))
        elif self.upgrade.upgrading:
            self.login_button.setText(self.tr("Waiting for the update…"))
        else:
            self.login_button.setText(self.tr("Checking…"))

    # --- the database being upgraded meanwhile ------------------------------------------------------

    def follow_upgrade(self, relay: UpgradeRelay) -> None:
        """Show the upgrade of the database that `relay` reports (dipdesk.ui.upgrade_notice). The user may
        type and press Enter meanwhile: the check waits for the upgrade, then goes on by itself."""
        self.upgrade.follow(relay)
        relay.progress.connect(self._upgrade_progress)

    def _upgrade_progress(self, _progress: object) -> None:
        if self.upgrade.closing and not self.upgrade.upgrading:
            super().reject()  # quit was asked for during the upgrade, which is now complete
            return
        self.upgrade.set_waiting(self.busy)
        self._button_text()
        if self.minimumWidth() < UPGRADE_WIDTH:  # wider while the notice shows: fewer wrapped lines
            self.setMinimumWidth(UPGRADE_WIDTH)
        QTimer.singleShot(0, self._fit_height)

    def reject(self) -> None:
        """Quit (the button, Esc, the window's close box). During an upgrade dipdesk does not stop in
        the middle of it: the window stays, says it will close when the upgrade is done, and then does."""
        if not self.upgrade.upgrading:
            super().reject()
            return
        self.upgrade.set_closing()
        for button in (self.quit_button, self.login_button):
            button.setEnabled(False)
        QTimer.singleShot(0, self._fit_height)

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        # a line that changes while the notice shows (the site's name arriving, an error, the notice's
        # own lines) may need more height: fit again, once per turn of the event loop
        if event.type() == QEvent.Type.LayoutRequest and self.upgrade.isVisible() and not self._fit_pending:
            self._fit_pending = True
            QTimer.singleShot(0, self._fit_height)
        return handled

    def _fit_height(self) -> None:
        """Grow to the height the wrapped lines need at this width (a top-level window's layout does
        not do it by itself: the notice's lines would be squeezed over one another), inside the screen."""
        self._fit_pending = False
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        need = layout.heightForWidth(self.width()) if layout.hasHeightForWidth() else 0
        need = max(need, layout.minimumSize().height())
        start = self.height()
        if self._shrink:  # a line was given up for room: take the room back
            self._shrink = False
            self.resize(self.width(), need)
        for _ in range(3):  # at 125 % scaling the layout's own sum came out ~20 px short: add what is
            self.setMinimumHeight(need)  # still missing until every wrapped line has its height
            if self.height() < need:
                self.resize(self.width(), need)
            layout.activate()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)  # the notice's own layout
            short = sum(
                max(0, label.heightForWidth(label.width()) - label.height())
                for label in self.findChildren(QLabel)
                if label.wordWrap() and label.isVisible() and label.width() > 0
            )
            if not short:
                break
            need = self.height() + short
        screen = self.screen().availableGeometry()
        title_bar = max(30, self.frameGeometry().height() - self.height())
        if self.height() + title_bar > screen.height() and self.subtitle.isVisible():
            self.subtitle.hide()  # a short screen: the ministry's name gives its line to the notice
            self.setMinimumHeight(0)
            self._shrink = True
            QTimer.singleShot(0, self._fit_height)
            return
        grow = max(0, self.height() - start)
        frame = self.frameGeometry()
        undecorated = title_bar if frame.height() == self.height() else 0  # the title bar not there yet
        top = min(frame.top() - grow // 2, screen.bottom() + 1 - frame.height())  # grown about its middle
        top = max(top, screen.top() + undecorated)  # … inside the screen
        if top != frame.top():
            self.move(frame.left(), top)

    # --- language ---------------------------------------------------------------------------------

    def _language_chosen(self, index: int) -> None:
        lang = self.language.itemData(index)
        app = QApplication.instance()
        if not lang or app is None:
            return
        install_translations(app, lang)
        self.retranslate()  # now; the LanguageChange event Qt posts will do it again, harmlessly
        if self.upgrade.isVisible():
            QTimer.singleShot(0, self._fit_height)
        if self.settings.language != lang:
            self.settings.language = lang
            with contextlib.suppress(OSError):  # not remembered, but switched for this session
                self.settings.save()

    # --- the site, shown so the user knows which installation this is ----------------------------

    def _read_site(self, task: Task) -> tuple[str, str]:
        from dipdesk.services.context import current_site  # in the worker: the window shows first

        with self.db.session() as session:
            site = current_site(session)
            return (site.name_th, site.name_en) if site else ("", "")

    def _show_site(self, names: tuple[str, str]) -> None:
        self._site_th, self._site_en = names
        self.retranslate()

    # --- logging in -------------------------------------------------------------------------------

    def _password_typed(self, text: str) -> None:
        username = self.username.text().strip()
        if text and username and not self.busy:
            self.preparing.emit(username)

    def try_login(self) -> None:
        if self.busy:
            return
        username, password = self.username.text().strip(), self.password.text()
        if not username or not password:
            self._show_error("empty")
            return
        self._set_busy(True)
        db = self.db

        def check(task: Task) -> tuple[CurrentUser | None, str, str, str, bool]:
            from dipdesk.services.users import login

            # one transaction that commits a refusal too: wrong passwords are counted (slow-down, lock)
            with db.session() as s, s.begin():
                outcome = login(s, username, password)
                user = outcome.user
                must_change = bool(user is not None and user.must_change_password)
                return (
                    current_user_from(s, user) if user is not None else None,
                    outcome.status if not outcome.wait_seconds else "slow",
                    outcome.message("th"),
                    outcome.message("en"),
                    must_change,
                )

        run_task(check, on_done=self._checked, on_error=self._failed, owner=self)
        self.checking.emit(username)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        # read-only, not disabled: a disabled field would hand the focus (and the next Enter) on
        for field in (self.username, self.password):
            field.setReadOnly(busy)
        for w in (self.login_button, self.language):
            w.setEnabled(not busy)
        self.upgrade.set_waiting(busy)
        self._button_text()
        if self.upgrade.isVisible():
            QTimer.singleShot(0, self._fit_height)
        self.setCursor(Qt.CursorShape.BusyCursor if busy else Qt.CursorShape.ArrowCursor)

    def _checked(self, result: tuple[CurrentUser | None, str, str, str, bool]) -> None:
        user, status, message_th, message_en, must_change = result
        self._set_busy(False)
        if user is None:
            # wait N seconds / locked: the service's words, in the language shown
            self._service_message = (message_th, message_en)
            self._show_error("wrong" if status == "wrong" else "service")
            self.password.clear()
            self.password.setFocus()
            return
        if must_change:
            self._forced_change(user)
            return
        self._finish(user)

    def _finish(self, user: CurrentUser) -> None:
        self._show_error("")
        self.user = user
        self.logged_in.emit(user)
        self.accept()

    def _forced_change(self, user: CurrentUser) -> None:
        """After a reset the user chooses a new password before going on; cancelling stays here."""
        from dipdesk.ui.account import ChangePasswordDialog

        dialog = ChangePasswordDialog(self.db, user, forced=True, current=self.password.text(), parent=self)
        self.password_dialog = dialog  # tests reach it here
        dialog.accepted.connect(lambda: self._finish(user))
        dialog.rejected.connect(self._change_refused)
        dialog.open()

    def _change_refused(self) -> None:
        self.password.clear()
        self.password.setFocus()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        text = exc.message(current_language()) if isinstance(exc, ServiceError) else str(exc)
        self._show_error(self.tr("Could not check the password: %1").replace("%1", text))
