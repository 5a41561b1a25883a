"""Applying a device's push on the server: in device-seq order, skipping what was applied before (replays
are harmless), with scope and ownership decided by the device's credential, per-field merge, conflict
records, and a rejection (with its reason) for each change refused while the rest go on."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, insert, select, update
from sqlalchemy.exc import DBAPIError

from dipdesk.store.base import utcnow
from dipdesk.store.sync import CHANGES, CONFLICTS, DEVICES, REJECTIONS
from dipdesk.sync.merge import (
    Change,
    Merger,
    Outcome,
    RowState,
    clocks_of,
    held,
    insert_rows,
)
from dipdesk.sync.merge_retry import apply_carefully, park_change, retry_parked
from dipdesk.sync.protocol import (
    CONFLICTS_TABLE,
    DEVICE_WRITABLE_REFERENCE,
    SHARED_TABLES,
    encode,
    shared_rows,
    synced_tables,
)
from dipdesk.sync.server import identity
from dipdesk.sync.server.db import lock_log, lock_push
from dipdesk.sync.server.validate import Verdict, check_change, finish_check, prepare_batch


@dataclass
class Device:
    id: str
    site_id: str
    site_code: str


@dataclass
class PushResult:
    acked: int
    rejected: list[dict[str, Any]] = field(default_factory=list)
    applied: int = 0
    parked: int = 0
    conflicts: int = 0
    replayed: int = 0


def authorizer(device: Device) -> Any:
    tables = synced_tables()

    def authorize(ch: Change, state: RowState | None) -> str | None:
        info = tables.get(ch.table)
        if info is None:
            return f"unknown table {ch.table!r}"
        site = ch.site_id or device.site_id
        if info.reference:
            allowed = DEVICE_WRITABLE_REFERENCE.get(ch.table, frozenset())
            if (
                state is not None
                and ch.table == "sites"
                and ch.record_id == site
                and ch.op == "u"
                and set(ch.fields) <= allowed
            ):
                return None
            return f"{ch.table} is reference data owned by headquarters; a device may not change it"
        if not info.site_owned:
            return f"{ch.table} does not sync from devices"
        if state is not None and state.site_id != site:
            if ch.table in SHARED_TABLES:
                return (
                    f"{ch.table}: the record belongs to another site (shared read-only with this one); "
                    "only its own site may change it, so the server's version was put back"
                )
            return "the record belongs to another site; this device may not change it"
        if "site_id" in ch.fields and ch.fields["site_id"] != site:
            return "site_id: a device may only write records of its own site"
        if state is None and ch.op in ("c", "s") and "site_id" not in ch.fields:
            return "incomplete create: missing site_id"
        return None

    return authorize


def _conflict_resolution(
    conn: Connection, device: Device, ch: Change
) -> tuple[str | None, dict[str, Any] | None]:
    t = CONFLICTS
    row = conn.execute(select(t).where(t.c.id == ch.record_id)).mappings().first()
    if row is None or row["site_id"] != device.site_id:
        return "no such conflict for this site", None
    state = ch.fields.get("state")
    if state not in ("confirmed", "swapped") or set(ch.fields) - {"state", "resolved_by"}:
        return "a resolution sets state (confirmed or swapped) and resolved_by only", None
    by = ch.fields.get("resolved_by")
    if by is not None and (not isinstance(by, str) or len(by) > 36):
        return "resolved_by: must be a user id", None
    if row["state"] != "open":
        return None, None  # already resolved (here or by another device): nothing to change
    now = utcnow()
    conn.execute(update(t).where(t.c.id == ch.record_id).values(state=state, resolved_by=by, resolved_at=now))
    new = dict(row)
    new.update(state=state, resolved_by=by, resolved_at=now)
    return None, new


def conflict_wire(row: dict[str, Any]) -> dict[str, Any]:
    t = CONFLICTS
    return {k: encode(t.c[k], v) for k, v in row.items() if k in t.c}


def _fill_users(conn: Connection, conflicts: list[dict[str, Any]]) -> None:
    """Who made each side of a conflict, from the log (clocks do not keep the user)."""
    c = CHANGES.c
    for cf in conflicts:
        for side in ("kept", "other"):
            if cf.get(f"{side}_user") is None and cf.get(f"{side}_hlc"):
                cf[f"{side}_user"] = conn.execute(
                    select(c.user_id)
                    .where(
                        c.table_name == cf["table_name"],
                        c.record_id == cf["record_id"],
                        c.hlc == cf[f"{side}_hlc"],
                    )
                    .limit(1)
                ).scalar()


class SeqGap(Exception):
    """A batch starts after a seq the server has not applied yet (an earlier batch is still on its way)."""

    def __init__(self, expected: int) -> None:
        super().__init__(f"expected device seq {expected} first")
        self.expected = expected


def last_applied(conn: Connection, device_id: str) -> int:
    return int(conn.execute(select(DEVICES.c.last_seq).where(DEVICES.c.id == device_id)).scalar() or 0)


def apply_push(
    conn: Connection,
    device: Device,
    raw_changes: list[dict[str, Any]],
    *,
    acked_before: int | None = None,
    prechecked: dict[int, Verdict] | None = None,
) -> PushResult:
    """Apply one pushed batch inside the caller's write transaction. `prechecked`: `validate.precheck` of
    `raw_changes`, done before the transaction (the site checks are still done here, under the lock).

    Device seqs are applied in order and without gaps: a batch whose first new seq is not the next one
    expected raises SeqGap (the client keeps two batches in flight; the second waits for the first).
    The answer repeats the rejections of every seq after `acked_before` (the highest seq the client has
    recorded an answer for), so an answer lost on the way is not a rejection lost.

    Locks (`dipdesk.sync.server.db`): the site's push lock from the start (so `last_applied` and the
    rows merged are read after the site's previous push committed), the log lock from the first append
    to the change log until commit (the identity step, which may write other sites' rows, runs under it
    too, so it sees every earlier push's identities and merges)."""
    lock_push(conn, device.site_id)
    dt = DEVICES
    last = last_applied(conn, device.id)
    by_seq: dict[int, dict[str, Any]] = {}
    for rc in raw_changes:
        by_seq.setdefault(int(rc["seq"]), rc)
    seqs = sorted(by_seq)
    fresh = [s for s in seqs if s > last]
    for expected, seq in enumerate(fresh, last + 1):
        if seq != expected:
            raise SeqGap(expected)
    result = PushResult(acked=max([last, *seqs]))
    result.replayed = len(seqs) - len(fresh)
    lower = acked_before if acked_before is not None else (min(seqs) - 1 if seqs else last)
    if lower < last:
        rt = REJECTIONS
        for seq, reason in conn.execute(
            select(rt.c.seq, rt.c.reason).where(
                rt.c.device_id == device.id, rt.c.seq > lower, rt.c.seq <= last
            )
        ):
            result.rejected.append({"seq": int(seq), "reason": reason})

    rejections: list[dict[str, Any]] = []
    log: list[dict[str, Any]] = []
    conflicts: list[dict[str, Any]] = []
    data: list[Change] = []
    batch = prepare_batch(conn, device.site_id, [by_seq[s] for s in fresh])
    for seq in fresh:
        rc = by_seq[seq]
        verdict = prechecked.get(seq) if prechecked is not None else None
        if verdict is None:
            values: dict[str, Any] = {}
            why = check_change(rc, batch, values)
        else:
            values = verdict[1]
            why = finish_check(rc, batch, verdict[0])
        if why is not None:
            rejections.append({"seq": seq, "reason": why})
            continue
        ch = Change(
            table=rc["t"],
            record_id=rc["id"],
            op=rc["op"],
            fields=rc["f"],
            hlc=rc["h"],
            device=device.id,
            user=rc.get("u"),
            base=rc.get("b") or {},
            seq=seq,
            site_id=device.site_id,
            values=values,
        )
        if ch.table == CONFLICTS_TABLE:
            if ch.op != "r":
                rejections.append({"seq": seq, "reason": "conflicts change only by resolution"})
                continue
            reason, row = _conflict_resolution(conn, device, ch)
            if reason:
                rejections.append({"seq": seq, "reason": reason})
            elif row is not None:
                log.append(_conflict_log(row))
            continue
        if ch.op == "r":
            rejections.append({"seq": seq, "reason": "op r is for conflicts only"})
            continue
        data.append(ch)

    authorize = authorizer(device)

    def make() -> Merger:
        return Merger(conn, detect_conflicts=True, authorize=authorize, lock_rows=True)

    outcomes: list[Outcome]
    merger = make()
    sp = conn.begin_nested()
    try:
        outcomes = merger.apply(data)
        sp.commit()
        conflicts.extend(merger.conflicts)
    except DBAPIError:
        sp.rollback()

        def failed(ch: Change, reason: str) -> Outcome:
            if "does not exist here" in reason and ch.op in ("c", "s"):
                return park_change(conn, ch, reason)  # its parent may come in a later batch
            return Outcome(ch, "rejected", reason=reason)

        outcomes, more = apply_carefully(conn, data, make, on_failure=failed)
        conflicts.extend(more)
    retried, more = retry_parked(conn, make, site_id=device.site_id)
    outcomes.extend(retried)
    conflicts.extend(more)

    for o in outcomes:
        if o.status == "rejected":
            refused: dict[str, Any] = {"seq": o.change.seq, "reason": o.reason}
            restore = _restore(conn, device, o.change)
            if restore is not None:
                refused["restore"] = restore
            rejections.append(refused)
        elif o.status == "parked":
            result.parked += 1
        elif o.status == "applied":
            result.applied += 1
            log.append(
                {
                    "table_name": o.change.table,
                    "record_id": o.change.record_id,
                    "site_id": None if synced_tables()[o.change.table].reference else o.site_id,
                    "fields": o.won,
                    "hlc": o.change.hlc,
                    "device_id": o.change.device,
                    "user_id": o.change.user,
                }
            )
    lock_log(conn)  # from here to the commit: one push at a time (the seqs it draws become visible in order)
    if log:
        insert_rows(conn, CHANGES, log)
    if conflicts:
        unique = {cf["id"]: cf for cf in conflicts}
        existing = set(conn.execute(select(CONFLICTS.c.id).where(CONFLICTS.c.id.in_(list(unique)))).scalars())
        new = [cf for cid, cf in unique.items() if cid not in existing]
        _fill_users(conn, new)
        if new:
            conn.execute(insert(CONFLICTS), new)
            conn.execute(insert(CHANGES), [_conflict_log(cf) for cf in new])
        result.conflicts = len(new)
    identity.after_push(conn, outcomes)  # one person / one enterprise nationally: merges, late references
    if rejections:
        rejections = [r for r in rejections if r["seq"]]
        conn.execute(
            insert(REJECTIONS),
            [
                {"device_id": device.id, "seq": r["seq"], "reason": r["reason"].replace("\x00", "")[:2000]}
                for r in rejections
            ],
        )
        result.rejected.extend(rejections)
    conn.execute(update(dt).where(dt.c.id == device.id).values(last_seq=result.acked, last_seen_at=utcnow()))
    return result


def _restore(conn: Connection, device: Device, ch: Change) -> dict[str, Any] | None:
    """For a refused edit of a row another site owns that this device holds (headquarters' template, a
    target set for its site): the values and clocks the server holds for the fields it tried to change,
    so the device puts them back and stays equal to the server (the edit is still shown as refused).
    None for anything else (nothing to give back, or a row the device may not see)."""
    info = synced_tables().get(ch.table)
    if info is None or not info.site_owned or ch.op not in ("u", "d") or not isinstance(ch.fields, dict):
        return None
    shared = shared_rows(info, device.site_id)
    if shared is None:
        return None
    t = info.table
    row = (
        conn.execute(select(t).where(t.c.id == ch.record_id, t.c.site_id != device.site_id, shared))
        .mappings()
        .first()
    )
    if row is None:
        return None
    names = [f for f in ch.fields if f in info.columns and f not in ("id", "site_id")]
    clocks = clocks_of(conn, ch.table, [ch.record_id]).get(ch.record_id, {})
    values: dict[str, Any] = {}
    stamps: dict[str, list[str]] = {}
    for name in names:
        values[name] = encode(info.columns[name], row[name])
        clock = held(clocks, name)
        if clock is not None:
            stamps[name] = [clock.hlc, clock.device]
    return {"f": values, "c": stamps} if values else None


def _conflict_log(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "table_name": CONFLICTS_TABLE,
        "record_id": row["id"],
        "site_id": row["site_id"],
        "fields": conflict_wire(row),
        "hlc": "",
        "device_id": "",
        "user_id": row.get("resolved_by"),
    }


def dumps_reason(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False)
