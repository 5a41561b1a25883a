"""Starting the desktop application: fonts, language, theme, database, first run, log-in, main window.

    dipdesk [--db FILE] [--lang th|en]       (or `python -m dipdesk`)

The database is opened (created, migrated, backed up first if old) in a worker while the first window
(log-in, or the first-run wizard) is on screen; an upgrade of an old file shows on the log-in window, step
by step (dipdesk.ui.upgrade_notice), and a log-in asked for meanwhile goes on once it is done. If the file
cannot be opened the user is told why in a dialog and the program ends.
"""

from __future__ import annotations

import argparse
import gc
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QProgressDialog, QWidget

from dipdesk import APP_NAME, __version__
from dipdesk.paths import default_db_path
from dipdesk.settings import Settings
from dipdesk.ui import icons, theme, workers
from dipdesk.ui.db import Database, set_database
from dipdesk.ui.dialogs import install_dialog_rules
from dipdesk.ui.first_paint import after_first_paint
from dipdesk.ui.i18n import current_language, install_translations
from dipdesk.ui.upgrade_notice import UpgradeRelay

log = logging.getLogger(__name__)

ORGANIZATION = "DIProm"


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication (the existing one if there is one, e.g. under pytest-qt)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv or [APP_NAME])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(icons.app_icon())
    install_dialog_rules(app)
    return app


def setup_application(
    app: QApplication, *, lang: str = "th", theme_name: str = "light", point_size: int = 11
) -> bool:
    """Fonts, translations and theme. Returns True if the catalogue for `lang` was loaded."""
    theme.register_fonts()
    loaded = install_translations(app, lang)
    theme.apply_theme(app, theme_name, point_size)
    return loaded


def run_blocking(fn: Callable[[workers.Task], Any], label: str, parent: QWidget | None = None) -> Any:
    """Run `fn` in a worker while the GUI stays responsive; a progress dialog appears after 0.6 s.

    For start-up only, before any window exists. Returns the result or raises the worker's exception.
    """
    loop = QEventLoop()
    box: dict[str, Any] = {}

    def done(result: Any) -> None:
        box["result"] = result
        loop.quit()

    def failed(exc: BaseException) -> None:
        box["error"] = exc
        loop.quit()

    dialog = QProgressDialog(label, "", 0, 0, parent)
    dialog.setWindowTitle("dipdesk")
    dialog.setCancelButton(None)
    dialog.setMinimumDuration(600)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    workers.run_task(fn, on_done=done, on_error=failed)
    if not box:
        loop.exec()
    dialog.reset()
    dialog.deleteLater()
    if "error" in box:
        raise box["error"]
    return box.get("result")


def show_startup_error(title: str, text: str, detail: str = "") -> None:
    box = QMessageBox(QMessageBox.Icon.Critical, title, text)
    if detail:
        box.setDetailedText(detail)
    box.exec()


def _database_error(path: str, exc: BaseException) -> None:
    log.error("could not open the database %s: %s", path, exc)
    show_startup_error(
        QCoreApplication.translate("App", "The database could not be opened"),
        QCoreApplication.translate(
            "App",
            "dipdesk could not open its database file:\n%1\n\nCheck that the folder exists and can be "
            "written to, that there is free disk space, and that no other program has the file open.",
        ).replace("%1", str(path)),
        f"{type(exc).__name__}: {exc}",
    )


def open_database(path: str) -> Database | None:
    """Open the database in a worker, or tell the user why it could not be opened (None)."""
    try:
        return run_blocking(
            lambda task: Database.open(path), QCoreApplication.translate("App", "Opening the database…")
        )
    except Exception as exc:
        _database_error(path, exc)
        return None


class StartupCheck(QObject):
    """Opens the database and asks whether it needs the first-run set-up, in a worker, while the first
    window (log-in, or the wizard for a new file) is already on screen. When the answer contradicts the
    window shown (the file exists but has no administrator yet) or the file cannot be opened, the window
    is closed and `main` goes on from there.

    The worker starts once that window has painted (importing SQLAlchemy in a thread would otherwise
    compete with the first paint for the interpreter), and after the check it imports what the main
    window needs (its dashboard, the sync client, the password check) while the user types."""

    def __init__(self, db: Database) -> None:
        super().__init__()
        self.db = db
        self.needs_first_run: bool | None = None
        self.error: BaseException | None = None
        self.window: QDialog | None = None  # the window to close when the answer contradicts it
        self.window_is_wizard = False
        self._loop: QEventLoop | None = None
        self._started = False

    def start(self) -> None:
        if not self._started:
            self._started = True
            workers.run_task(self._check, on_done=self._done, on_error=self._failed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._started:
            QTimer.singleShot(0, self.start)
        return False

    def _check(self, task: workers.Task) -> bool:
        from dipdesk.services.setup import needs_first_run

        with self.db.session() as s:
            needs = needs_first_run(s)
        if not needs:
            try:
                _warm_up()
            except Exception:  # only a head start: what failed here is imported (or fails) when used
                log.warning("warming up the main window's modules failed", exc_info=True)
        return needs

    @property
    def answered(self) -> bool:
        return self.needs_first_run is not None or self.error is not None

    def _done(self, needs: bool) -> None:
        self.needs_first_run = needs
        if needs and self.window is not None and not self.window_is_wizard:
            self._close_window()
        self._wake()

    def _failed(self, exc: BaseException) -> None:
        self.error = exc
        if self.window is not None:
            self._close_window()
        self._wake()

    def _close_window(self) -> None:
        """Close the window shown: `done`, not `reject`, which is the user's Quit (the log-in window
        defers that until an upgrade under way is complete; a failed one never is)."""
        if self.window is not None:
            self.window.done(int(QDialog.DialogCode.Rejected))

    def _wake(self) -> None:
        if self._loop is not None:
            self._loop.quit()

    def wait(self) -> None:
        """Until answered (the GUI keeps running)."""
        self.start()
        if not self.answered:
            self._loop = QEventLoop()
            self._loop.exec()
            self._loop = None

    def run(self, dialog: QDialog, *, wizard: bool = False) -> int:
        """`dialog.exec()`, closed early if the check finds it is the wrong window (see the class)."""
        self.window, self.window_is_wizard = dialog, wizard
        dialog.installEventFilter(self)
        QTimer.singleShot(1000, self.start)  # in case no paint comes (a hidden or minimised window)
        try:
            return int(dialog.exec())
        finally:
            dialog.removeEventFilter(self)
            self.window = None


def _warm_up() -> None:
    """Import, in the start-up worker, the modules the log-in and the main window will need, so that
    logging in does not wait for them (Python imports once per process; the GUI thread finds them).
    The sync client comes last: only the status bar's first reading needs it."""
    import importlib

    for name in (
        "dipdesk.services.auth",
        "dipdesk.ui.main_window",
        "dipdesk.ui.pages.dashboard",
        "dipdesk.services.kpi",
        "dipdesk.sync.client",
    ):
        importlib.import_module(name)


class Prebuild(QObject):
    """The main window, built while the user types the password and while it is checked.

    Building the window (its widgets, the dashboard's cards and charts) takes a good part of the wait
    after Enter, and argon2 takes a few hundred milliseconds more in a worker; so as soon as a password is
    being typed (`LoginDialog.preparing`), and again when it is checked (`checking`), the user named is
    looked up (no password: who would it be) and the main window is built for them, hidden and reading
    nothing from the database (`MainWindow(defer_loading=True)`); then, in a later turn of the event loop
    (so typing is interrupted once, briefly), it is laid out and drawn once off screen, so that showing
    it later only paints. If the password is right and it is that user, the window is used as it is;
    otherwise it is thrown away. Nothing is shown, loaded or written before the check passes."""

    def __init__(self, db: Database, settings: Settings) -> None:
        super().__init__()
        self.db, self.settings = db, settings
        self.username = ""
        self.user: Any = None
        self.window: QWidget | None = None
        self.closed = False
        self._asked = 0  # which look-up is the latest (an older one's answer is ignored)
        self._pending = False

    def start(self, username: str) -> None:
        if self.closed or (username == self.username and (self.window is not None or self._pending)):
            return
        self.discard()
        self.username = username
        self._asked += 1
        self._pending = True
        db = self.db

        def candidate(task: workers.Task) -> Any:
            from dipdesk.services.auth import find_user
            from dipdesk.ui.state import current_user_from

            with db.session() as s:
                user = find_user(s, username, active_only=True)
                return current_user_from(s, user) if user is not None else None

        asked = self._asked
        workers.run_task(
            candidate,
            on_done=lambda u, n=username: self._build(asked, n, u),
            on_error=lambda _e: self._looked_up(asked),
        )

    def _looked_up(self, asked: int) -> bool:
        """Whether the answer to look-up `asked` is still wanted."""
        if asked != self._asked:
            return False
        self._pending = False
        return not self.closed

    def _build(self, asked: int, username: str, user: Any) -> None:
        if not self._looked_up(asked) or user is None or username != self.username:
            return
        from dipdesk.ui.main_window import MainWindow
        from dipdesk.ui.pages import PageEnv

        self.user = user
        window = MainWindow(
            PageEnv(self.db, user, self.settings, lang=current_language()), defer_loading=True
        )
        self.window = window
        QTimer.singleShot(0, lambda: self._lay_out(window))

    def _lay_out(self, window: QWidget) -> None:
        """Lay the hidden window out and draw it once into a throw-away pixmap: polish, layouts, size
        hints and the style's caches are then ready, and `show` only has to paint."""
        if window is not self.window or window.isVisible():
            return
        from PySide6.QtGui import QPixmap

        window.ensurePolished()
        window.render(QPixmap(window.size()))

    def take(self, user: Any) -> Any:
        """The window built for `user` (None if none was, or for someone else); nothing is built after."""
        self.closed = True
        window = self.window if self.window is not None and self.user == user else None
        if window is None:
            self.discard()
        self.window = None
        return window

    def discard(self) -> None:
        if self.window is not None:
            self.window.deleteLater()
        self.window, self.user = None, None


def _looks_set_up(path: str) -> bool:
    """Whether the file exists with content: then the log-in is (nearly always) the first window."""
    if "://" in path:
        return True
    p = Path(path).expanduser()
    return p.is_file() and p.stat().st_size > 0


def _looks_unusable(path: str) -> bool:
    """A path that is not a file, or a new file in a folder that cannot be written: wait for the check's
    verdict (an error, most likely) before showing any window."""
    if "://" in path:
        return False
    p = Path(path).expanduser()
    if p.exists():
        return not p.is_file()
    folder = next((f for f in p.parents if f.exists()), None)
    return folder is None or not folder.is_dir() or not os.access(folder, os.W_OK)


def parse_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog=APP_NAME, add_help=True)
    p.add_argument("--lang", choices=("th", "en"))
    p.add_argument("--theme", choices=("light", "dark"))
    p.add_argument("--db")
    args, _qt_args = p.parse_known_args(argv)  # leave Qt's own options (-platform …) alone
    return args


def main(argv: list[str] | None = None, db_path: str | None = None) -> int:
    """Run the desktop application; returns the exit code."""
    from dipdesk.ui.first_run import FirstRunWizard
    from dipdesk.ui.login import LoginDialog

    argv = list(sys.argv if argv is None else argv)
    args = parse_args(argv[1:])
    app = create_application(argv)
    settings = Settings.load()
    setup_application(
        app,
        lang=args.lang or settings.language,
        theme_name=args.theme or settings.theme,
        point_size=settings.ui_font_size,
    )
    path = str(db_path or args.db or default_db_path())
    # The first window shows at once; the database opens (and migrates) meanwhile in a worker.
    db = Database.deferred(path)
    upgrade = UpgradeRelay()  # the store's upgrade reports, from the opening worker to the log-in window
    db.upgrade_listener = upgrade.report
    set_database(db)
    try:
        startup = StartupCheck(db)
        if _looks_unusable(path):
            startup.wait()
        username = ""
        user = None
        prebuild = Prebuild(db, settings)
        while user is None and startup.error is None:
            if startup.needs_first_run or not _looks_set_up(path):
                wizard = FirstRunWizard(db)
                accepted = startup.run(wizard, wizard=True) == QDialog.DialogCode.Accepted
                startup.wait()  # the wizard's own work opened the database: the answer is there
                if startup.error is not None:
                    break
                if not accepted:
                    return 0
                username = wizard.created_username
                startup.needs_first_run = False
            login = LoginDialog(db, settings, username=username)
            login.follow_upgrade(upgrade)
            login.preparing.connect(prebuild.start)
            login.checking.connect(prebuild.start)
            accepted = startup.run(login) == QDialog.DialogCode.Accepted
            if accepted and login.user is not None:
                user = login.user
            elif startup.error is None and not startup.needs_first_run:
                return 0  # the user chose to quit
            if startup.error is not None:
                break
        if startup.error is not None or user is None:
            _database_error(path, startup.error or RuntimeError("no user"))
            return 1
        from dipdesk.ui.main_window import MainWindow  # after the log-in: its pages load when shown
        from dipdesk.ui.pages import PageEnv

        window = prebuild.take(user) or MainWindow(
            PageEnv(db, user, settings, lang=current_language()), defer_loading=True
        )
        window.show()

        # The first page shows "loading figures" and fills in when its worker is done. That worker starts
        # once the window has painted: running Python meanwhile, it would hold the interpreter lock that
        # every event on the GUI thread needs (Python event filters) and hold up the first paint.
        def loaded_then_sync() -> None:
            window.start_loading()
            window.start_background_sync()  # the first round, network watch, auto-backup: after the figures

        after_first_paint(window, loaded_then_sync)
        # Everything alive now (Qt wrappers, SQLAlchemy mappers, the loaded modules) lives as long as the
        # app: move it out of the cyclic collector's sight, so a full collection no longer scans it and
        # stalls the GUI thread (~100 ms at a time; see tests/benchmarks/bench_people_list.py).
        gc.freeze()
        return int(app.exec())
    finally:
        finish_background_work()
        set_database(None)
        db.close()


def finish_background_work(wait_ms: int | None = None) -> bool:
    """At exit: ask every background task to stop and wait for them before the database closes.

    A sync round stops at its next batch boundary (batches are atomic) and records where it stopped.
    The wait is as long as the main window's own wait for a round when it closes (`CLOSE_WAIT_MS`, which
    also covers one request's network time-out), so quitting while the window waits, or once its wait
    ran out, does not cut that round off; bounded, so a hung task never keeps dipdesk from exiting.
    Returns True if everything finished (else logs what was left running)."""
    if wait_ms is None:
        from dipdesk.ui.main_window import CLOSE_WAIT_MS

        wait_ms = CLOSE_WAIT_MS
    workers.cancel_all()
    done = workers.drain(wait_ms)
    if not done:
        log.warning("background work still running after %d ms at exit; closing anyway", wait_ms)
    return done


if __name__ == "__main__":
    sys.exit(main())
