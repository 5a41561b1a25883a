"""One "data changed" signal for the whole window, instead of pages refreshing each other by hand.

Whatever writes through a service (record dialogs, enrollment, attendance, certificates, the lab, an
import, a sync round) calls `data_changed("activities", "enrollments", …)` on the GUI thread once the
transaction has committed. Every page listens (see `AreaPage`): a visible page reloads its figures at
once, a hidden one is marked stale and reloads the next time it is shown. So the dashboard shows a new
enrollment without F5, and the certificates page lists a new activity without a search.

Kinds are the record kinds in the department's words; `ALL` is for changes whose extent is unknown
(a sync round, an import of many kinds).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

ALL = "*"

KINDS = (
    "programs",
    "activities",
    "people",
    "enterprises",
    "products",
    "groups",
    "enrollments",
    "attendance",
    "certificates",
    "templates",
    "mentoring",
    "targets",
    "lab",
    "users",
    "sync",
)


class DataNotifier(QObject):
    """The application's one notifier: `changed(kinds, source)`, kinds a frozenset of record kinds,
    source the widget that wrote (its own page already shows the change, so it skips it) or None."""

    changed = Signal(object, object)


notifier = DataNotifier()


def data_changed(*kinds: str, source: QObject | None = None) -> None:
    """Tell every page that records of these kinds were written (GUI thread, after the commit)."""
    notifier.changed.emit(frozenset(kinds or (ALL,)), source)


def touches(changed: frozenset[str], wanted: frozenset[str] | None) -> bool:
    """Whether a change of ``changed`` kinds concerns a page that shows ``wanted`` (None: everything)."""
    return wanted is None or ALL in changed or bool(changed & wanted)
