"""When a batch cannot be merged at once: the changes one by one to isolate the one the database refuses
(`apply_carefully`), parking what cannot be applied yet (`park_change`) and trying the parked creates again
later (`retry_parked`). Shared by the server (pushes) and the device (pulls), like `dipdesk.sync.merge`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, delete, insert, select
from sqlalchemy.exc import DBAPIError

from dipdesk.store.base import utcnow
from dipdesk.store.db import begin_now
from dipdesk.store.sync import PARKED
from dipdesk.sync.merge import Change, Merger, Outcome


def db_error_reason(exc: DBAPIError) -> str:
    text = str(getattr(exc, "orig", exc)).strip().splitlines()
    first = text[0] if text else exc.__class__.__name__
    low = first.lower()
    if "unique" in low or "duplicate key" in low:
        return f"duplicate value (another record already uses it): {first[:200]}"
    if "foreign key" in low:
        return f"refers to a record that does not exist here: {first[:200]}"
    return f"refused by the database: {first[:200]}"


def apply_carefully(
    conn: Connection,
    changes: list[Change],
    make: Callable[[], Merger],
    *,
    on_failure: Callable[[Change, str], Outcome],
) -> tuple[list[Outcome], list[dict[str, Any]]]:
    """Apply changes one by one, each in its own savepoint, retrying failures while others succeed
    (a child that came before its parent); what still fails is handed to `on_failure`."""
    outcomes: dict[int, list[Outcome]] = {}
    conflicts: list[dict[str, Any]] = []
    todo = list(enumerate(changes))
    reasons: dict[int, str] = {}
    begin_now(conn)  # each savepoint inside the caller's transaction, not a transaction of its own
    while todo:
        failed: list[tuple[int, Change]] = []
        for i, ch in todo:
            merger = make()
            sp = conn.begin_nested()
            try:
                outcomes[i] = merger.apply([ch])
                sp.commit()
                conflicts.extend(merger.conflicts)
            except DBAPIError as exc:
                sp.rollback()
                reasons[i] = db_error_reason(exc)
                failed.append((i, ch))
        if len(failed) == len(todo):
            for i, ch in failed:
                outcomes[i] = [on_failure(ch, reasons[i])]
            break
        todo = failed
    result = [o for i in sorted(outcomes) for o in outcomes[i]]
    return result, conflicts


def park_change(conn: Connection, ch: Change, reason: str, now: datetime | None = None) -> Outcome:
    """Keep a change that cannot be applied now (retried later by `retry_parked`)."""
    conn.execute(
        insert(PARKED).values(
            table_name=ch.table,
            record_id=ch.record_id,
            op=ch.op,
            fields=ch.fields,
            base=ch.base,
            hlc=ch.hlc,
            device_id=ch.device,
            user_id=ch.user,
            site_id=ch.site_id,
            reason=reason[:2000],
            created_at=now or utcnow(),
        )
    )
    return Outcome(ch, "parked", site_id=ch.site_id, reason=reason)


def retry_parked(
    conn: Connection, make: Callable[[], Merger], *, site_id: str | None = None, limit: int = 1000
) -> tuple[list[Outcome], list[dict[str, Any]]]:
    """Try again the parked creates (a parent that was missing may have arrived since). A create that
    now applies also merges the updates parked for its record, and leaves the parking itself."""
    pc = PARKED.c
    q = select(PARKED).where(pc.op.in_(("c", "s"))).order_by(pc.id).limit(limit)
    if site_id is not None:
        q = q.where(pc.site_id == site_id)
    outcomes: list[Outcome] = []
    conflicts: list[dict[str, Any]] = []
    begin_now(conn)
    for prow in conn.execute(q).mappings().all():
        ch = Change(
            table=prow["table_name"],
            record_id=prow["record_id"],
            op=prow["op"],
            fields=dict(prow["fields"]),
            hlc=prow["hlc"],
            device=prow["device_id"],
            user=prow["user_id"],
            base=dict(prow["base"] or {}),
            site_id=prow["site_id"],
        )
        merger = make()
        sp = conn.begin_nested()
        try:
            done = merger.apply([ch])
        except DBAPIError:
            sp.rollback()
            continue
        if any(o.status == "rejected" for o in done):
            sp.rollback()
            continue
        if done and done[0].status == "parked":  # still no record: leave the original parking alone
            sp.rollback()
            continue
        sp.commit()
        conn.execute(delete(PARKED).where(pc.id == prow["id"]))
        outcomes.extend(o for o in done if o.status != "stale")
        conflicts.extend(merger.conflicts)
    return outcomes, conflicts
