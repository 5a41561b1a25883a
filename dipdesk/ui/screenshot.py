"""`dipdesk screenshot`: render one view of the main window to a PNG, offscreen, without dialogs.

Logs in as the first active administrator (looked up directly, no password), opens the view, waits
until its figures have arrived from the worker, and grabs the window at 1280×800. Used for the README,
for checking Thai rendering in CI and in the frozen build.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

VIEWS = (
    "dashboard",
    "programs",
    "people",
    "enterprises",
    "duplicates",
    "mentoring",
    "followups",
    "certificates",
    "lab",
    "sync",
    "users",
    "audit",
    "settings",
)
SIZE = (1280, 800)
TIMEOUT_MS = 60_000


def take_screenshot(db_path: str, view: str, out: str, lang: str = "th", theme: str = "light") -> None:
    """Save a PNG of `view` rendered from the database at `db_path`.

    Raises ValueError for an unknown view, RuntimeError if the database has not been set up (no site or
    administrator yet) or the view did not finish loading in time.
    """
    if view not in VIEWS:
        raise ValueError(f"unknown view {view!r}; valid views: {', '.join(VIEWS)}")
    if lang not in ("th", "en"):
        raise ValueError(f"unknown language {lang!r}; use th or en")
    if theme not in ("light", "dark"):
        raise ValueError(f"unknown theme {theme!r}; use light or dark")
    if "://" not in db_path and not Path(db_path).is_file():
        raise RuntimeError(f"there is no database at {db_path}: run `dipdesk demo` first")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QEvent, QEventLoop, qInstallMessageHandler
    from PySide6.QtGui import QFontInfo

    from dipdesk.services.setup import needs_first_run
    from dipdesk.settings import Settings
    from dipdesk.ui import workers
    from dipdesk.ui.app import create_application, setup_application
    from dipdesk.ui.db import Database, set_database
    from dipdesk.ui.i18n import current_language
    from dipdesk.ui.main_window import MainWindow
    from dipdesk.ui.pages import PageEnv
    from dipdesk.ui.state import current_user_from, first_admin

    previous_handler = qInstallMessageHandler(_quiet_offscreen)
    app = create_application(["dipdesk"])
    settings = Settings.load()
    settings.language, settings.theme = lang, theme  # for this picture only: not saved
    loaded = setup_application(app, lang=lang, theme_name=theme, point_size=settings.ui_font_size)
    db = Database.open(db_path)
    window = None
    set_database(db)
    try:
        with db.session() as session:
            if needs_first_run(session):
                raise RuntimeError(
                    f"{db_path} has no site or administrator yet: run `dipdesk demo` first "
                    "(or start dipdesk once and complete the first-run set-up)"
                )
            admin = first_admin(session)
            assert admin is not None  # needs_first_run is False only with an active admin
            user = current_user_from(session, admin)
        window = MainWindow(PageEnv(db, user, settings, lang=current_language()), initial_view=view)
        window.resize(*SIZE)
        window.show()
        page = window.page(view)
        deadline = QDeadlineTimer(TIMEOUT_MS)
        while not (page.is_ready and window.is_ready):
            if deadline.hasExpired():
                raise RuntimeError(f"the {view} view did not finish loading within {TIMEOUT_MS // 1000} s")
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        window.resize(*SIZE)
        for _ in range(3):  # let layouts settle after the data arrived
            QCoreApplication.processEvents()
        Path(out).parent.mkdir(parents=True, exist_ok=True)
        if not window.grab().save(str(out)):
            raise RuntimeError(f"could not write {out}")
        font = QFontInfo(page.title_label.font()).family()
        # one line the frozen-build test (and a person) can check: which font and language were used
        print(
            f"screenshot view={view} lang={current_language() if loaded or lang == 'en' else 'none'} "
            f"theme={theme} font={font} size={SIZE[0]}x{SIZE[1]}"
        )
    finally:
        workers.cancel_all()
        workers.drain(10_000)
        if window is not None:
            window.close()
            window.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        set_database(None)
        db.close()
        qInstallMessageHandler(previous_handler)


def _quiet_offscreen(mode: object, context: object, message: str) -> None:
    """Drop the offscreen platform's chatter about window hints; pass everything else on."""
    if "propagateSizeHints" in message:
        return
    sys.stderr.write(message + "\n")
