"""Starting the desktop application: fonts, language, theme, database, first run, log-in, main window.

    dipdesk [--db FILE] [--lang th|en]       (or `python -m dipdesk`)

The database is opened (created, migrated, backed up first if old) in a worker while a progress
dialog shows; if it cannot be opened the user is told why in a dialog and the program ends.
"""

from __future__ import annotations

import argparse
import gc
import logging
import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QProgressDialog, QWidget

from dipdesk import APP_NAME, __version__
from dipdesk.paths import default_db_path
from dipdesk.services.setup import needs_first_run
from dipdesk.settings import Settings
from dipdesk.ui import icons, theme, workers
from dipdesk.ui.db import Database, set_database
from dipdesk.ui.dialogs import install_dialog_rules
from dipdesk.ui.i18n import current_language, install_translations

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


def open_database(path: str) -> Database | None:
    """Open the database in a worker, or tell the user why it could not be opened (None)."""
    try:
        return run_blocking(
            lambda task: Database.open(path), QCoreApplication.translate("App", "Opening the database…")
        )
    except Exception as exc:
        log.exception("could not open the database %s", path)
        show_startup_error(
            QCoreApplication.translate("App", "The database could not be opened"),
            QCoreApplication.translate(
                "App",
                "dipdesk could not open its database file:\n%1\n\nCheck that the folder exists and can be "
                "written to, that there is free disk space, and that no other program has the file open.",
            ).replace("%1", str(path)),
            f"{type(exc).__name__}: {exc}",
        )
        return None


def _needs_first_run(db: Database) -> bool:
    def check(task: workers.Task) -> bool:
        with db.session() as s:
            return needs_first_run(s)

    return bool(run_blocking(check, QCoreApplication.translate("App", "Reading the database…")))


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
    from dipdesk.ui.main_window import MainWindow
    from dipdesk.ui.pages import PageEnv

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
    db = open_database(path)
    if db is None:
        return 1
    set_database(db)
    try:
        username = ""
        if _needs_first_run(db):
            wizard = FirstRunWizard(db)
            if wizard.exec() != QDialog.DialogCode.Accepted:
                return 0
            username = wizard.created_username
        login = LoginDialog(db, settings, username=username)
        if login.exec() != QDialog.DialogCode.Accepted or login.user is None:
            return 0
        window = MainWindow(PageEnv(db, login.user, settings, lang=current_language()))
        window.show()
        window.start_background_sync()
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
