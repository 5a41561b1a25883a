"""First-run wizard: which site (หน่วยงาน) this computer belongs to, and its first administrator.

The site list comes from the reference data (seeded on first use) in a worker; creating the
administrator (argon2 hashing, one transaction with the site choice) runs in a worker too. The
service's `ValidationError` names the field, and its message is shown under that field.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from dipdesk.core.passwords import MIN_PASSWORD, password_problem
from dipdesk.services.errors import ServiceError, ValidationError
from dipdesk.ui import icons, theme
from dipdesk.ui.db import Database
from dipdesk.ui.first_paint import after_first_paint
from dipdesk.ui.i18n import current_language
from dipdesk.ui.workers import Task, run_task


@dataclass(frozen=True)
class SiteChoice:
    code: str
    name_th: str
    name_en: str
    kind: str
    center_no: int | None


def _field_error() -> QLabel:
    label = QLabel()
    label.setObjectName("errorText")
    label.setWordWrap(True)
    label.hide()
    return label


def _show(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


def _message(exc: BaseException) -> str:
    return exc.message(current_language()) if isinstance(exc, ServiceError) else str(exc)


class SitePage(QWizardPage):
    """Choose this installation's site: the regional centers first, then the headquarters units."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.loaded = False
        self.setTitle(self.tr("Welcome to dipdesk"))
        self.setSubTitle(
            self.tr(
                "Choose the site this computer belongs to. Records made here belong to that site, "
                "and its code is part of every certificate and report number."
            )
        )
        lay = QVBoxLayout(self)
        self.status = QLabel(self.tr("Loading the list of sites…"))
        self.status.setObjectName("muted")
        lay.addWidget(self.status)
        self.sites = QListWidget()
        self.sites.setObjectName("sites")
        self.sites.currentItemChanged.connect(lambda *_: self.completeChanged.emit())
        lay.addWidget(self.sites, 1)
        self.error = _field_error()
        lay.addWidget(self.error)
        # once the wizard has painted: the worker opens the database (SQLAlchemy's import, the schema)
        after_first_paint(
            self, lambda: run_task(self._load, on_done=self._loaded, on_error=self._failed, owner=self)
        )

    def _load(self, task: Task) -> list[SiteChoice]:
        from dipdesk.services.setup import list_sites  # in the worker: the wizard shows first

        # list_sites seeds the reference data on first use: a write, so in a transaction
        with self.db.session() as s, s.begin():
            return [SiteChoice(x.code, x.name_th, x.name_en, x.kind, x.center_no) for x in list_sites(s)]

    def _heading(self, text: str) -> QListWidgetItem:
        """A group caption in the list: readable (not greyed out) but not selectable."""
        item = QListWidgetItem(text)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        font = QFont(self.font())
        font.setBold(True)
        item.setFont(font)
        item.setForeground(QColor(theme.colors(theme.current_theme())["primaryColor"]))
        return item

    def _loaded(self, sites: list[SiteChoice]) -> None:
        self.loaded = True
        self.status.hide()
        centers = [s for s in sites if s.kind == "center"]
        others = [s for s in sites if s.kind != "center"]
        en = current_language() == "en"
        for heading, group in (
            (self.tr("Regional Industry Promotion Centers"), centers),
            (self.tr("Headquarters bureaus and divisions"), others),
        ):
            if not group:
                continue
            self.sites.addItem(self._heading(heading))
            for site in group:
                name = site.name_en if en and site.name_en else site.name_th
                item = QListWidgetItem(f"{name}  ({site.code})")
                item.setData(Qt.ItemDataRole.UserRole, site.code)
                if site.name_en and not en:
                    item.setToolTip(site.name_en)
                self.sites.addItem(item)
        self.completeChanged.emit()

    def _failed(self, exc: BaseException) -> None:
        self.status.hide()
        _show(self.error, self.tr("The list of sites could not be loaded: %1").replace("%1", _message(exc)))

    def select_site(self, code: str) -> bool:
        for row in range(self.sites.count()):
            item = self.sites.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == code:
                self.sites.setCurrentItem(item)
                return True
        return False

    def site_code(self) -> str:
        item = self.sites.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole) or "") if item is not None else ""

    def isComplete(self) -> bool:
        return bool(self.site_code())


class AdminPage(QWizardPage):
    """The first administrator: creates other users later, from the settings."""

    def __init__(self, db: Database, site_page: SitePage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.site_page = site_page
        self.created = False
        self.busy = False
        self.setTitle(self.tr("The first administrator"))
        self.setSubTitle(
            self.tr(
                "This account manages dipdesk on this computer and adds the other users. "
                "Keep the password safe: there is no way to recover it without another administrator."
            )
        )
        self.setCommitPage(False)
        form = QFormLayout(self)
        form.setVerticalSpacing(4)
        form.setHorizontalSpacing(14)
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.username.setPlaceholderText(self.tr("letters and digits, e.g. somchai.k"))
        self.full_name = QLineEdit()
        self.full_name.setObjectName("full_name")
        self.full_name.setPlaceholderText(self.tr("e.g. นายสมชาย ใจดี"))
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("at least %1 characters").replace("%1", str(MIN_PASSWORD)))
        self.password2 = QLineEdit()
        self.password2.setObjectName("password2")
        self.password2.setEchoMode(QLineEdit.EchoMode.Password)
        self.errors = {name: _field_error() for name in ("username", "full_name", "password", "password2")}
        for label, widget, key in (
            (self.tr("Username"), self.username, "username"),
            (self.tr("Full name"), self.full_name, "full_name"),
            (self.tr("Password"), self.password, "password"),
            (self.tr("Password again"), self.password2, "password2"),
        ):
            form.addRow(label, widget)
            form.addRow("", self.errors[key])
        self.general_error = _field_error()
        form.addRow(self.general_error)
        self.progress = QLabel(self.tr("Creating the administrator…"))
        self.progress.setObjectName("muted")
        self.progress.hide()
        form.addRow(self.progress)

    def clear_errors(self) -> None:
        for label in (*self.errors.values(), self.general_error):
            _show(label, "")

    def local_errors(self) -> dict[str, str]:
        """What can be checked without the database (the service checks again)."""
        errors: dict[str, str] = {}
        if not self.username.text().strip():
            errors["username"] = self.tr("Please enter a username.")
        if not self.full_name.text().strip():
            errors["full_name"] = self.tr("Please enter the administrator's full name.")
        problem = password_problem(self.password.text(), self.username.text())
        if problem is not None:
            errors["password"] = problem[1] if current_language() == "en" else problem[0]
        elif self.password.text() != self.password2.text():
            errors["password2"] = self.tr("The two passwords are not the same.")
        return errors

    def validatePage(self) -> bool:
        if self.created:
            return True
        if self.busy:
            return False
        self.clear_errors()
        errors = self.local_errors()
        for key, text in errors.items():
            _show(self.errors[key], text)
        if errors:
            return False
        self.create_admin()
        return False  # the wizard finishes when the worker has created the account

    def create_admin(self) -> None:
        site, db = self.site_page.site_code(), self.db
        username, password = self.username.text().strip(), self.password.text()
        full_name = self.full_name.text().strip()

        def create(task: Task) -> str:
            from dipdesk.services.setup import first_run

            with db.session() as s, s.begin():
                return first_run(s, site, username, password, full_name).username

        self._set_busy(True)
        run_task(create, on_done=self._created, on_error=self._failed, owner=self)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.progress.setVisible(busy)
        for w in (self.username, self.full_name, self.password, self.password2):
            w.setEnabled(not busy)
        wizard = self.wizard()
        if wizard is not None:
            for b in (QWizard.WizardButton.FinishButton, QWizard.WizardButton.BackButton):
                button = wizard.button(b)
                if button is not None:
                    button.setEnabled(not busy)

    def _created(self, username: str) -> None:
        self._set_busy(False)
        self.created = True
        wizard = self.wizard()
        if isinstance(wizard, FirstRunWizard):
            wizard.created_username = username
            wizard.accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, ValidationError) and exc.field in self.errors:
            _show(self.errors[exc.field], _message(exc))
        else:
            _show(
                self.general_error,
                self.tr("The administrator could not be created: %1").replace("%1", _message(exc)),
            )


class FirstRunWizard(QWizard):
    """Shown once, before the first log-in, while the database has no site or administrator."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.created_username = ""
        self.setWindowIcon(icons.app_icon())
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setPixmap(QWizard.WizardPixmap.LogoPixmap, icons.render("dipdesk", 48))
        self.setMinimumSize(720, 560)
        self.site_page = SitePage(db)
        self.admin_page = AdminPage(db, self.site_page)
        self.addPage(self.site_page)
        self.addPage(self.admin_page)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Setting up dipdesk"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
