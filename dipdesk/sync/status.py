"""What the sync page and the status bar read: the device's sync status, the round history and the
changes the server refused."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, func, select

from dipdesk.store.sync import CONFLICTS, HISTORY, OUTBOX
from dipdesk.sync import outbox
from dipdesk.sync.conflicts import record_label
from dipdesk.sync.device import device_state
from dipdesk.sync.rounds import KEY_LAST_OK, ROUND_STOPPED


@dataclass
class SyncStatus:
    enrolled: bool
    server_url: str
    pending: int
    rejected: int
    open_conflicts: int
    last_success: str | None
    last_error: str
    unqueued: int = 0  # not enrolled yet: rows (demo, bulk loads) the first sync will send besides `pending`

    @property
    def to_send(self) -> int:
        """Everything the next (first) sync uploads: queued changes and rows not queued yet."""
        return self.pending + self.unqueued


def status(engine: Engine) -> SyncStatus:
    """What the status indicator shows: last good sync, pending changes, errors, conflicts. Before
    enrolment, also the rows the first sync will send that are not queued yet (`outbox.snapshot` queues
    them when a round starts); this counts whole tables, so call it from a worker, never the GUI thread."""
    with engine.connect() as conn:
        state = device_state(conn)
        o = OUTBOX.c
        pending = int(conn.execute(select(func.count()).where(o.state == "pending")).scalar() or 0)
        unqueued = 0
        local_site = outbox.get_state(conn, "site_id") if state is None else None
        if local_site:
            unqueued = outbox.count_unclocked(conn, local_site)
        rejected = int(conn.execute(select(func.count()).where(o.state == "rejected")).scalar() or 0)
        conflicts = int(conn.execute(select(func.count()).where(CONFLICTS.c.state == "open")).scalar() or 0)
        h = HISTORY.c
        last_error = conn.execute(select(h.error).order_by(h.id.desc()).limit(1)).scalar() or ""
        if last_error == ROUND_STOPPED:  # closing the program is not a failure
            last_error = ""
        last_ok = outbox.get_state(conn, KEY_LAST_OK)
    return SyncStatus(
        enrolled=state is not None,
        server_url=state.server_url if state else "",
        pending=pending,
        rejected=rejected,
        open_conflicts=conflicts,
        last_success=last_ok,
        last_error=last_error,
        unqueued=unqueued,
    )


@dataclass
class HistoryRow:
    started_at: datetime
    finished_at: datetime | None
    pushed: int
    pulled: int
    rejected: int
    conflicts: int
    bytes_up: int
    bytes_down: int
    error: str


def history(engine: Engine, *, limit: int = 50) -> list[HistoryRow]:
    """The latest sync rounds, newest first (for the sync page)."""
    h = HISTORY.c
    q = select(
        h.started_at,
        h.finished_at,
        h.pushed,
        h.pulled,
        h.rejected,
        h.conflicts,
        h.bytes_up,
        h.bytes_down,
        h.error,
    )
    with engine.connect() as conn:
        rows = conn.execute(q.order_by(h.id.desc()).limit(limit)).all()
    return [HistoryRow(*r) for r in rows]


@dataclass
class RejectedChange:
    seq: int
    table: str
    record_id: str
    op: str
    fields: dict[str, Any]
    reason: str
    created_at: datetime
    record_label: str = ""


def rejected_changes(engine: Engine, *, limit: int = 200) -> list[RejectedChange]:
    """Changes the server refused, newest first, with its reason (kept, never retried by themselves)."""
    o = OUTBOX.c
    q = select(o.seq, o.table_name, o.record_id, o.op, o.fields, o.reject_reason, o.created_at)
    out: list[RejectedChange] = []
    with engine.connect() as conn:
        for r in conn.execute(q.where(o.state == "rejected").order_by(o.seq.desc()).limit(limit)):
            out.append(
                RejectedChange(
                    seq=r.seq,
                    table=r.table_name,
                    record_id=r.record_id,
                    op=r.op,
                    fields=dict(r.fields or {}),
                    reason=r.reject_reason,
                    created_at=r.created_at,
                    record_label=record_label(conn, r.table_name, r.record_id),
                )
            )
    return out
