"""The main window: the areas in a navigation list on the left, their pages on the right.

The window owns no data: each page loads its own figures in a worker when first shown. The status bar
says where the user is (site), who they are (user, role), which file they work on, and, honestly,
how synchronisation stands (last sync, changes waiting, errors, conflicts; a click opens the sync page).
Sync rounds run by themselves (`BackgroundSync`), started by `start_background_sync` once the window shows.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from dipdesk import __version__
from dipdesk.ui import icons, theme, workers
from dipdesk.ui.changes import ALL, data_changed
from dipdesk.ui.dialogs import available_rect
from dipdesk.ui.labels import role_label
from dipdesk.ui.pages import AREAS, VIEW_NAMES, AreaPage, PageEnv, area_allowed, area_title
from dipdesk.ui.sync_background import BackgroundSync
from dipdesk.ui.widgets import ElidedButton, ElidedLabel

if TYPE_CHECKING:
    from dipdesk.sync import client as sync_client
    from dipdesk.ui.backup import BackupDialog

# Closing while a sync round runs: the round stops at its next batch boundary; past this, close anyway
# (the batch on the wire is sent again by the next round, which the server skips as a replay).
CLOSE_WAIT_MS = 60_000
NAV_ITEM_HEIGHT = 46  # a navigation item's height where the screen has room
NAV_ITEM_MIN = 38  # … and the least it is made on a short screen before the list scrolls

LICENCES = (
    ("dipdesk", "GPL-2.0-or-later"),
    ("Loma, Laksaman (TLWG fonts)", "GPL-2.0-or-later with the font exception"),
    ("Qt for Python (PySide6)", "LGPL-3.0"),
    ("qt-material", "BSD-2-Clause"),
    ("SQLAlchemy, Alembic, argon2-cffi", "MIT"),
    ("ReportLab", "BSD"),
)


class MainWindow(QMainWindow):
    """dipdesk's main window. `env` carries the database, the logged-in user and the preferences."""

    ready = Signal()  # the status bar's facts have been read (the pages have their own `ready`)

    def __init__(
        self,
        env: PageEnv,
        initial_view: str = "dashboard",
        parent: QWidget | None = None,
        *,
        defer_loading: bool = False,
    ) -> None:
        """`defer_loading`: build the window but read nothing from the database until `start_loading`
        (the start-up builds it while the log-in's password is still being checked)."""
        super().__init__(parent)
        self.env = env
        self._deferred = defer_loading
        self.is_ready = False
        self._closing = False  # waiting for a sync round to stop before closing
        self._close_now = False
        self._sync_warning = False  # the status bar's sync button shows the warning icon
        self.setWindowIcon(icons.app_icon())
        site = env.user.site_name(env.lang)
        self.setWindowTitle(self.tr("dipdesk – %1").replace("%1", site) if site else "dipdesk")
        self._size_to_screen()

        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self._build_sidebar())
        self.stack = QStackedWidget()
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.background = BackgroundSync(env.db, env.settings, self)
        self.background.status_changed.connect(self._show_sync_state)
        self.background.round_started.connect(self._sync_round_started)
        self.background.status_failed.connect(self._sync_state_failed)
        self.background.round_finished.connect(self._sync_round_finished)
        self.pages: dict[str, AreaPage] = {}  # built when first shown: a quick start, light re-theming
        for area in AREAS:
            item = QListWidgetItem(area_title(area))
            item.setData(Qt.ItemDataRole.UserRole, area.name)
            item.setSizeHint(QSize(0, NAV_ITEM_HEIGHT))
            self.nav.addItem(item)
            item.setHidden(not area_allowed(area, env.user.role))  # users, audit trail: by role
        self._recolor_icons(theme.current_theme())
        theme.notifier.changed.connect(self._theme_changed)
        self.nav.currentRowChanged.connect(self._show_row)

        from dipdesk.ui.history import requests as history_requests

        history_requests.requested.connect(self.open_history)  # "ประวัติการแก้ไข" on any record
        self._build_menus()
        self._build_status_bar()
        self.select_view(initial_view)

    # --- construction -----------------------------------------------------------------------------

    def _size_to_screen(self) -> None:
        """1280×800 where there is room; on a smaller screen (1366×768, or 1280×720 at 125 %: 1024×576
        logical pixels) as big as the screen's available area, maximized, so the status bar shows."""
        area = available_rect(self)
        if area.width() < 1300 + 16 or area.height() < 800 + 60:
            self.resize(area.width(), max(400, area.height() - 40))
            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)
        else:
            self.resize(1280, 800)

    def _build_sidebar(self) -> QWidget:
        side = QWidget()
        # narrower on small screens (1280×720 at 125 % leaves 1024 logical pixels for everything)
        side.setFixedWidth(262 if available_rect(self).width() >= 1200 else 224)
        col = QVBoxLayout(side)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(0)
        header = QWidget()
        header_row = QHBoxLayout(header)
        header_row.setContentsMargins(16, 14, 12, 10)
        logo = QLabel()
        logo.setPixmap(icons.render("dipdesk", 40))
        header_row.addWidget(logo)
        names = QVBoxLayout()
        names.setSpacing(0)
        app_name = QLabel("dipdesk")
        app_name.setObjectName("sectionTitle")
        department = QLabel(self.tr("Department of Industrial Promotion"))
        department.setObjectName("statNote")
        department.setWordWrap(True)
        names.addWidget(app_name)
        names.addWidget(department)
        header_row.addLayout(names, 1)
        col.addWidget(header)
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setIconSize(QSize(22, 22))
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.installEventFilter(self)  # resized: items made as tall as fit (see _fit_nav_items)
        col.addWidget(self.nav, 1)
        return side

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        change_password = QAction(self.tr("Change my &password…"), self)
        change_password.triggered.connect(self.change_password)
        file_menu.addAction(change_password)
        file_menu.addSeparator()
        self._add_backup_actions(file_menu)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        view_menu = bar.addMenu(self.tr("&View"))
        refresh = QAction(self.tr("&Refresh figures"), self)
        refresh.setShortcut(QKeySequence.StandardKey.Refresh)
        refresh.triggered.connect(self.refresh_current)
        view_menu.addAction(refresh)
        view_menu.addSeparator()
        theme_menu = view_menu.addMenu(self.tr("&Theme"))
        group = QActionGroup(self)
        group.setExclusive(True)
        self.theme_actions: dict[str, QAction] = {}
        for name, text in (("light", self.tr("&Light")), ("dark", self.tr("&Dark"))):
            action = QAction(text, self, checkable=True)
            action.setChecked(theme.current_theme() == name)
            action.triggered.connect(lambda _checked=False, n=name: theme.switch_theme(self.env.settings, n))
            group.addAction(action)
            theme_menu.addAction(action)
            self.theme_actions[name] = action

        help_menu = bar.addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About dipdesk"), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def _build_status_bar(self) -> None:
        user = self.env.user
        bar = self.statusBar()
        bar.setSizeGripEnabled(False)
        self.site_status = ElidedLabel(
            self.tr("Site: %1").replace("%1", user.site_name(self.env.lang) or self.tr("not chosen"))
        )
        self.user_status = ElidedLabel(
            self.tr("User: %1 (%2)").replace("%1", user.display_name).replace("%2", role_label(user.role))
        )
        path = self.env.db.display_path
        self.db_status = ElidedLabel(self.tr("Database: %1").replace("%1", _short_path(path)))
        self.db_status.setToolTip(path)
        self.sync_status = ElidedButton()
        self._set_sync_text(self.tr("Sync: checking…"))
        self.sync_status.setFlat(True)
        self.sync_status.setCursor(Qt.CursorShape.PointingHandCursor)
        self.sync_status.clicked.connect(lambda: self.select_view("sync"))
        for w in (self.site_status, self.user_status, self.db_status):
            bar.addWidget(w)
        bar.addPermanentWidget(self.sync_status)
        if not self._deferred:
            self.background.refresh_status()

    # --- status -----------------------------------------------------------------------------------

    def _set_sync_text(self, text: str) -> None:
        """The sync state, shortened with "…" to at most 40 % of the screen, so that a long message
        never makes the window wider than a small screen (`text()` still gives all of it)."""
        self.sync_status.set_limit(max(160, int(available_rect(self).width() * 0.4)))
        self.sync_status.setText(text)

    def start_background_sync(self) -> None:
        """Sync by itself from now on: shortly after start, on the timer, when the network returns."""
        self.background.start()
        if self.auto_backup is not None:
            self.auto_backup.start()

    # --- backup -----------------------------------------------------------------------------------

    def _add_backup_actions(self, menu: QMenu) -> None:
        from dipdesk.ui.backup import AutoBackup

        path = self.env.db.path
        self.auto_backup = AutoBackup(path, self.env.settings, self) if path is not None else None
        if self.auto_backup is not None:
            self.auto_backup.done.connect(
                lambda r: self.statusBar().showMessage(
                    self.tr("Backed up automatically: %1").replace("%1", r.path.name), 15_000
                )
            )
            self.auto_backup.failed.connect(
                lambda text: self.statusBar().showMessage(
                    self.tr("The automatic backup failed: %1").replace("%1", text)
                )
            )
        self.backup_actions: dict[str, QAction] = {}
        for name, text in (("now", self.tr("&Back up now")), ("dialog", self.tr("Backup and &restore…"))):
            action = QAction(text, self)
            action.setEnabled(path is not None)
            action.triggered.connect(lambda _checked=False, n=name: self.open_backup(start=n == "now"))
            menu.addAction(action)
            self.backup_actions[name] = action
        menu.addSeparator()

    def open_backup(self, *, start: bool = False) -> BackupDialog | None:
        """The backup dialog (non-modal); `start`: back up at once."""
        from dipdesk.ui.backup import BackupDialog

        if self.env.db.path is None:
            return None
        dialog = BackupDialog(
            self.env.db.path,
            self.env.settings,
            is_admin=self.env.user.role == "admin",
            lang=self.env.lang,
            parent=self,
        )
        dialog.prepare_restore = self._stop_sync_then
        dialog.restored.connect(self._after_restore)
        dialog.restore_failed.connect(self._resume_after_refused_restore)
        dialog.open()
        self.backup_dialog = dialog
        if start:
            dialog.back_up_now()
        return dialog

    def _stop_sync_then(self, go: Callable[[], None]) -> None:
        """Run `go` once no sync round runs (and none will start): a restore replaces the database."""
        if self.auto_backup is not None:
            self.auto_backup.stop()
        if self.background.shutdown():
            go()
        else:
            self.background.idle.connect(go, Qt.ConnectionType.SingleShotConnection)

    def _resume_after_refused_restore(self) -> None:
        """The restore was refused or failed before replacing anything: sync and backups go on."""
        self.background.resume()
        if self.auto_backup is not None:
            self.auto_backup.start()

    def _after_restore(self, result: object) -> None:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("Restore a backup"))
        box.setText(
            self.backup_dialog.restore_summary(result)
            + "\n\n"
            + self.tr("dipdesk closes now; start it again.")
        )  # type: ignore[arg-type]
        box.exec()
        self._close_now = True
        self.close()

    def _sync_round_started(self) -> None:
        self._set_sync_text(self.tr("Synchronising…"))

    def _show_sync_state(self, st: sync_client.SyncStatus) -> None:
        from dipdesk.ui.sync_review import format_iso

        if not st.enrolled and st.to_send:
            text = self.tr("Not enrolled: %1 record(s) will be sent at the first sync").replace(
                "%1", f"{st.to_send:,}"
            )
        elif not st.enrolled:
            text = self.tr("Not synchronised yet: all data is on this computer only")
        else:
            parts = [
                self.tr("Synced %1").replace("%1", format_iso(st.last_success))
                if st.last_success
                else self.tr("Never synchronised")
            ]
            if st.pending:
                parts.append(self.tr("%1 to send").replace("%1", f"{st.pending:,}"))
            else:
                parts.append(self.tr("all sent"))
            if st.open_conflicts:
                parts.append(self.tr("%1 conflict(s)").replace("%1", f"{st.open_conflicts:,}"))
            if st.rejected:
                parts.append(self.tr("%1 refused").replace("%1", f"{st.rejected:,}"))
            if st.last_error:
                parts.append(self.tr("last attempt failed"))
            text = " · ".join(parts)
        if self.background.running:
            text = self.tr("Synchronising…")
        self._set_sync_text(text)
        failed = bool(st.enrolled and st.last_error)
        self.sync_status.setToolTip(
            self.tr("The last attempt failed: %1").replace("%1", st.last_error)
            if failed
            else self.tr("Open the sync page")
        )
        self._sync_warning = bool(failed or st.open_conflicts)
        self._show_sync_warning(theme.current_theme())
        self._mark_ready()

    def _show_sync_warning(self, theme_name: str) -> None:
        danger = theme.colors(theme_name)["danger"]
        self.sync_status.setIcon(icons.icon("warning", danger) if self._sync_warning else QIcon())

    def _sync_round_finished(self, report: sync_client.RoundReport) -> None:
        if report.pulled or report.snapshot:
            data_changed(ALL)  # records of any kind came from the server: every page shows them

    def _sync_state_failed(self, _exc: BaseException) -> None:
        self._set_sync_text(self.tr("Sync status unknown"))
        self._mark_ready()

    def _mark_ready(self) -> None:
        if not self.is_ready:
            self.is_ready = True
            self.ready.emit()

    # --- navigation -------------------------------------------------------------------------------

    def page(self, name: str) -> AreaPage:
        """The named area's page, built on first use."""
        if name not in VIEW_NAMES:
            raise ValueError(f"unknown view {name!r}; valid views: {', '.join(VIEW_NAMES)}")
        page = self.pages.get(name)
        if page is None:
            area = AREAS[VIEW_NAMES.index(name)]
            page = area.page(self.env, area_title(area))
            self.pages[name] = page
            attach = getattr(page, "attach_background", None)
            if attach is not None:
                attach(self.background)
            self.stack.addWidget(page)
        return page

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        page = self.page(self.nav.item(row).data(Qt.ItemDataRole.UserRole))
        self.stack.setCurrentWidget(page)
        if not self._deferred:
            page.ensure_loaded()

    def start_loading(self) -> None:
        """Read what a window built with `defer_loading` shows: its page's figures, the sync status."""
        if self._deferred:
            self._deferred = False
            page = self.stack.currentWidget()
            if isinstance(page, AreaPage):
                page.ensure_loaded()
            self.background.refresh_status()

    def select_view(self, name: str) -> AreaPage:
        """Show the named area (`dashboard`, `programs`, …) and return its page."""
        page = self.page(name)
        self.nav.setCurrentRow(VIEW_NAMES.index(name))
        return page

    def current_view(self) -> str:
        page = self.stack.currentWidget()
        return page.view_name if isinstance(page, AreaPage) else ""

    def refresh_current(self) -> None:
        page = self.stack.currentWidget()
        if isinstance(page, AreaPage):
            page.reload()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.nav and event.type() == QEvent.Type.Resize:
            self._fit_nav_items()
        return super().eventFilter(watched, event)

    def _fit_nav_items(self) -> None:
        """Every area in sight without scrolling where the height allows: on 1366×768 thirteen items of
        46 pixels did not fit, and choosing ตั้งค่า scrolled ภาพรวม out of the list. Items shrink to
        what fits, down to NAV_ITEM_MIN (a Thai line with its marks above and below); below that the
        list scrolls."""
        shown = [self.nav.item(r) for r in range(self.nav.count()) if not self.nav.item(r).isHidden()]
        if not shown:
            return
        # the list's height less its frame (with the stylesheet's padding); per item, its margins (1 px
        # above and below, theme.py). Not the viewport's height: on this Resize it is not resized yet.
        room = self.nav.height() - 2 * self.nav.frameWidth()
        height = max(NAV_ITEM_MIN, min(NAV_ITEM_HEIGHT, room // len(shown) - 2))
        for item in shown:
            if item.sizeHint().height() != height:
                item.setSizeHint(QSize(0, height))

    # --- theme ------------------------------------------------------------------------------------

    def _theme_changed(self, name: str) -> None:
        self._recolor_icons(name)
        self._show_sync_warning(name)  # the danger tone differs between light and dark
        action = self.theme_actions.get(name)
        if action is not None and not action.isChecked():
            action.setChecked(True)

    def _recolor_icons(self, name: str) -> None:
        color = theme.colors(name)["primaryColor"]
        for row, area in enumerate(AREAS):
            item = self.nav.item(row)
            if item is not None:
                item.setIcon(icons.icon(area.icon, color, "#ffffff"))

    def change_password(self) -> None:
        from dipdesk.ui.account import ChangePasswordDialog

        self.password_dialog = ChangePasswordDialog(self.env.db, self.env.user, parent=self)
        self.password_dialog.open()

    def open_history(self, record_ids: tuple[str, ...], label: str) -> None:
        """The audit page filtered to one record ("ประวัติการแก้ไข" on a record)."""
        page = self.select_view("audit")
        open_history = getattr(page, "open_history", None)
        if open_history is not None:
            open_history(record_ids, label)

    # --- help -------------------------------------------------------------------------------------

    def about_text(self) -> str:
        user = self.env.user
        site = user.site_name(self.env.lang)
        purpose = self.tr(
            "Records, certificates, lab forms and offline sync for the Department of Industrial Promotion."
        )
        fonts_note = self.tr(
            "The fonts Loma and Laksaman are from the Thai Linux Working Group (TLWG); their font exception "
            "lets documents made with them be shared under any terms."
        )
        facts = (
            (self.tr("Version"), __version__),
            (self.tr("Site"), f"{site} ({user.site_code})" if user.site_code else site),
            (self.tr("Database file"), self.env.db.display_path),
        )
        licences = self.tr("Licences")
        e = html.escape
        fact_lines = "<br>".join(f"<b>{e(k)}:</b> {e(v)}" for k, v in facts)
        rows = "".join(f"<tr><td>{e(n)}&nbsp;&nbsp;</td><td>{e(lic)}</td></tr>" for n, lic in LICENCES)
        return (
            f"<h2>dipdesk {e(__version__)}</h2><p>{e(purpose)}</p><p>{fact_lines}</p>"
            f"<p><b>{e(licences)}</b></p><table cellspacing='0' cellpadding='2'>{rows}</table>"
            f"<p>{e(fonts_note)}</p>"
        )

    def show_about(self) -> None:
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("About dipdesk"))
        box.setIconPixmap(icons.render("dipdesk", 64))
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(self.about_text())
        box.setStandardButtons(QMessageBox.StandardButton.Close)
        box.open()
        self._about_box = box

    # --- closing ----------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        """Close cleanly: a sync round that runs is asked to stop at its next batch boundary and the
        window closes once it has (its history row then says it stopped), never in the middle of one."""
        if not self._close_now and not self.background.shutdown():
            event.ignore()
            if not self._closing:
                self._closing = True
                self.background.idle.connect(self._close_after_sync)
                QTimer.singleShot(CLOSE_WAIT_MS, self._close_after_sync)
                self._set_sync_text(self.tr("Closing: finishing the current sync step…"))
                self._sync_warning = False
                self.sync_status.setIcon(QIcon())
                central = self.centralWidget()
                if central is not None:
                    central.setEnabled(False)
            return
        workers.cancel_all()
        super().closeEvent(event)

    def _close_after_sync(self) -> None:
        if not self._close_now:
            self._close_now = True
            self.close()


def _short_path(path: str, limit: int = 48) -> str:
    return path if len(path) <= limit else "…" + path[-(limit - 1) :]
