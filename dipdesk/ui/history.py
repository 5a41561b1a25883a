""" "ประวัติการแก้ไข" on a record: one application-wide request the main window answers by opening the audit
page filtered to that record. Record editors and the lab's sample view only say which record; they
need no handle on the window (dependencies point down, not up to `window()`)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from dipdesk.ui.state import CurrentUser


class HistoryRequests(QObject):
    """`requested(record_ids, label)`: show the history of these records (a record and its parts)."""

    requested = Signal(object, str)


requests = HistoryRequests()


def may_see_history(user: CurrentUser) -> bool:
    """Administrators and the lab head read the audit trail (`audit.view`)."""
    from dipdesk.services.audit_trail import can_view

    return can_view(user.role)


def show_history(record_ids: tuple[str, ...], label: str) -> None:
    requests.requested.emit(tuple(record_ids), label)
