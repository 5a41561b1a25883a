"""The device side of sync: enrolment, one sync round, verification by digests, and conflict review.

A round (`sync_once`):
1. snapshot: rows of this site that were never captured (demo and other bulk loads) are enqueued whole;
2. push: pending outbox rows in device-seq order, in bounded batches (500 changes or 256 KB); each
   answer marks its batch acknowledged or rejected (with the reason) in one local transaction. If the
   answer is lost, the batch is simply sent again: the server skips seqs it has applied and repeats its
   rejections;
3. pull: changes after the saved cursor (a server sequence number), in batches; each batch is merged
   field by field against the local clocks and saved together with the new cursor in ONE local
   transaction, so a cut or a kill at any moment resumes where it stopped and never applies twice;
4. files referenced by synced rows, content-addressed and resumable (`dipdesk.sync.files`).

Nothing here retries on its own: a failed round reports its error (and is recorded in `sync_history`);
the caller retries later, with `dipdesk.sync.backoff.next_delay`.
"""

from __future__ import annotations

import json
import logging
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Engine, delete, func, insert, select, update
from sqlalchemy.exc import DBAPIError

from dipdesk.store.auth import LocalState, User
from dipdesk.store.base import utcnow
from dipdesk.store.sync import CLOCKS, CONFLICTS, HISTORY, OUTBOX, PARKED
from dipdesk.sync import outbox, protocol
from dipdesk.sync.digest import table_digests
from dipdesk.sync.files import sync_files
from dipdesk.sync.merge import (
    Change,
    Merger,
    Outcome,
    apply_carefully,
    park_change,
    retry_parked,
    upsert_clocks,
)
from dipdesk.sync.protocol import (
    CONFLICTS_TABLE,
    PULL_DEFAULT_LIMIT,
    PUSH_MAX_BYTES,
    PUSH_MAX_CHANGES,
    SCHEMA_VERSION,
)
from dipdesk.sync.transport import SyncError as SyncError
from dipdesk.sync.transport import Transport as Transport

KEY_SECRET = "sync.secret"
KEY_SERVER = "sync.server_url"
KEY_SITE = "sync.site_id"
KEY_CURSOR = "sync.cursor"
KEY_SCOPE = "sync.shared_scope"  # the `protocol.SHARED_SCOPE_VERSION` the pulled log is complete for
KEY_SCOPE_CURSOR = "sync.shared_cursor"  # how far the catch-up of a wider scope has come
KEY_LAST_OK = "sync.last_success"

# What `sync_history.error` says of a round asked to stop (the program was closing): not a failure.
ROUND_STOPPED = "หยุดระหว่างซิงค์เพราะปิดโปรแกรม / stopped between batches: the program was closing"

log = logging.getLogger("dipdesk.sync")


class RoundStopped(SyncError):
    """The caller asked the round to stop (`sync_once(should_stop=…)`); raised at a batch boundary."""

    def __init__(self) -> None:
        super().__init__(ROUND_STOPPED)


StopCheck = Callable[[], bool]


def _check_stop(should_stop: StopCheck | None) -> None:
    if should_stop is not None and should_stop():
        raise RoundStopped()


@dataclass
class Rejection:
    seq: int
    table: str
    record_id: str
    reason: str


@dataclass
class RoundReport:
    pushed: int = 0
    pulled: int = 0
    rejected: int = 0
    conflicts: int = 0  # new open conflicts this device learnt of
    snapshot: int = 0
    parked: int = 0
    bytes_up: int = 0
    bytes_down: int = 0
    round_trips: int = 0
    seconds: float = 0.0
    error: str = ""
    rejections: list[Rejection] = field(default_factory=list)
    stopped: bool = False  # asked to stop (see `RoundStopped`): what was done is kept, the rest waits

    @property
    def ok(self) -> bool:
        return not self.error


@dataclass
class DeviceState:
    device_id: str
    secret: str
    server_url: str
    site_id: str


# --- device state --------------------------------------------------------------------------------------------


def device_state(conn: Connection) -> DeviceState | None:
    values = {k: outbox.get_state(conn, k) for k in (outbox.KEY_DEVICE, KEY_SECRET, KEY_SERVER, KEY_SITE)}
    if not all(values.values()):
        return None
    return DeviceState(
        device_id=str(values[outbox.KEY_DEVICE]),
        secret=str(values[KEY_SECRET]),
        server_url=str(values[KEY_SERVER]),
        site_id=str(values[KEY_SITE]),
    )


def _require_state(engine: Engine) -> DeviceState:
    with engine.connect() as conn:
        state = device_state(conn)
    if state is None:
        raise SyncError(
            "เครื่องนี้ยังไม่ได้ลงทะเบียนกับเซิร์ฟเวอร์ ใช้ dipdesk sync --server URL --enroll CODE / "
            "this device is not enrolled yet: run dipdesk sync --server URL --enroll CODE"
        )
    return state


def enroll(engine: Engine, server_url: str, code: str, *, label: str = "") -> dict[str, Any]:
    """Enrol this device with a one-time code; stores its credential. Returns the server's site."""
    from sqlalchemy.orm import Session

    from dipdesk.store.reference_data import seed_reference

    with engine.begin() as conn:
        proposed = outbox.device_id(conn)
        local_site = outbox.get_state(conn, "site_id")
    with Transport(server_url) as tx:
        answer = tx.json(
            "POST",
            "/api/v1/enroll",
            {"code": code, "device_id": proposed, "site_id": local_site, "label": label},
        )
    try:
        device_id, secret, site = str(answer["device_id"]), str(answer["secret"]), dict(answer["site"])
    except (KeyError, TypeError, ValueError) as exc:
        raise SyncError("the server's enrolment answer is incomplete") from exc
    with engine.begin() as conn:
        with Session(bind=conn) as session:
            seed_reference(session)  # same deterministic rows as the server; the first pull aligns them
            session.flush()
        outbox.set_state(conn, outbox.KEY_DEVICE, device_id)
        outbox.set_state(conn, KEY_SECRET, secret)
        outbox.set_state(conn, KEY_SERVER, server_url.rstrip("/"))
        outbox.set_state(conn, KEY_SITE, str(site["id"]))
        if not local_site:
            outbox.set_state(conn, "site_id", str(site["id"]))
        if outbox.get_state(conn, KEY_CURSOR) is None:
            outbox.set_state(conn, KEY_CURSOR, "0")
    return site


# --- one round ------------------------------------------------------------------------------------------------


def sync_once(
    engine: Engine,
    *,
    push_changes: int = PUSH_MAX_CHANGES,
    push_bytes: int = PUSH_MAX_BYTES,
    pull_limit: int = PULL_DEFAULT_LIMIT,
    server_url: str | None = None,
    timeout: float = 60.0,
    schema_version: int = SCHEMA_VERSION,
    files: bool = True,
    should_stop: StopCheck | None = None,
) -> RoundReport:
    """Run one sync round; never raises for a failed round (see `RoundReport.error`).

    `should_stop`: asked between batches (each batch is atomic, both ways); when it answers True the
    round stops there, its history row is closed with `ROUND_STOPPED` and `report.stopped` is set. A
    batch already on the wire is waited for and its answer recorded (else it would simply be replayed)."""
    started = time.perf_counter()
    report = RoundReport()
    with engine.begin() as conn:
        hid = conn.execute(insert(HISTORY).values(started_at=utcnow())).inserted_primary_key or (0,)
    try:
        state = _require_state(engine)
        with engine.begin() as conn:
            report.snapshot = outbox.snapshot(conn, state.site_id)
        _check_stop(should_stop)
        with Transport(
            server_url or state.server_url,
            device_id=state.device_id,
            secret=state.secret,
            timeout=timeout,
            schema_version=schema_version,
        ) as tx:
            try:
                _push_all(engine, tx, report, push_changes, push_bytes, should_stop=should_stop)
                _check_stop(should_stop)
                _pull_all(engine, tx, report, pull_limit, should_stop=should_stop)
                _check_stop(should_stop)
                from dipdesk.sync.national import receive_national  # national figures (read-only)

                receive_national(engine, tx)
                if files:
                    sync_files(engine, tx)
            finally:
                report.bytes_up, report.bytes_down, report.round_trips = (
                    tx.bytes_up,
                    tx.bytes_down,
                    tx.round_trips,
                )
    except RoundStopped as exc:
        report.error = str(exc)
        report.stopped = True
    except SyncError as exc:
        report.error = str(exc)
    except DBAPIError as exc:  # e.g. the local database stayed locked by another program
        log.warning("sync round failed on the local database", exc_info=True)
        report.error = f"ฐานข้อมูลในเครื่องไม่พร้อม / the local database refused: {exc.orig or exc}"
    report.seconds = time.perf_counter() - started
    with engine.begin() as conn:
        conn.execute(
            update(HISTORY)
            .where(HISTORY.c.id == hid[0])
            .values(
                finished_at=utcnow(),
                pushed=report.pushed,
                pulled=report.pulled,
                rejected=report.rejected,
                conflicts=report.conflicts,
                bytes_up=report.bytes_up,
                bytes_down=report.bytes_down,
                round_trips=report.round_trips,
                error=report.error[:4000],
            )
        )
        if report.ok:
            outbox.set_state(conn, KEY_LAST_OK, utcnow().isoformat())
            prune(conn)
    return report


def prune(conn: Connection, *, keep_days: int = 30) -> int:
    """Forget acknowledged outbox rows: snapshot rows at once (bulk, uninteresting), the others after
    `keep_days` (they are the device's recent upload history). Seqs are never reused (AUTOINCREMENT)."""
    o = OUTBOX.c
    cutoff = utcnow() - timedelta(days=keep_days)
    done = conn.execute(
        delete(OUTBOX).where(o.state == "acked", (o.op == "s") | (o.created_at < cutoff))
    ).rowcount
    return int(done or 0)


@dataclass
class _Batch:
    changes: list[dict[str, Any]]
    meta: dict[int, tuple[str, str, str]]  # seq -> (table, record id, op)

    @property
    def last(self) -> int:
        return int(self.changes[-1]["seq"])


def _next_batch(engine: Engine, after: int, max_changes: int, max_bytes: int) -> _Batch | None:
    o = OUTBOX.c
    with engine.connect() as conn:
        rows = conn.execute(
            select(o.seq, o.table_name, o.record_id, o.op, o.fields, o.base, o.hlc, o.user_id)
            .where(o.state == "pending", o.seq > after)
            .order_by(o.seq)
            .limit(max_changes)
        ).all()
    if not rows:
        return None
    batch = _Batch([], {})
    size = 0
    for r in rows:
        item: dict[str, Any] = {
            "seq": r.seq,
            "t": r.table_name,
            "id": r.record_id,
            "op": r.op,
            "f": r.fields,
            "h": r.hlc,
        }
        if r.base:
            item["b"] = r.base
        if r.user_id:
            item["u"] = r.user_id
        n = len(protocol.dumps(item))
        if batch.changes and size + n > max_bytes:
            break
        batch.changes.append(item)
        batch.meta[r.seq] = (r.table_name, r.record_id, r.op)
        size += n
    return batch


def _push_all(
    engine: Engine,
    tx: Transport,
    report: RoundReport,
    max_changes: int,
    max_bytes: int,
    depth: int = 2,
    *,
    should_stop: StopCheck | None = None,
) -> None:
    """Push pending changes in seq order, keeping up to `depth` batches in flight (on two connections),
    so the server applies one batch while the next is on the wire. The server applies them strictly
    in order (a batch that overtakes the one before it waits there), and every answer is recorded in
    its own local transaction."""
    o = OUTBOX.c
    with engine.connect() as conn:
        answered = (
            int(conn.execute(select(func.min(o.seq)).where(o.state == "pending")).scalar() or 1) - 1
        )  # every seq up to here has its answer recorded
    sent_up_to = answered
    meta: dict[int, tuple[str, str, str]] = {}
    flight: deque[tuple[Future[dict[str, Any]], _Batch]] = deque()
    pool = ThreadPoolExecutor(max_workers=depth, thread_name_prefix="dipdesk-push")
    try:
        while True:
            stopping = should_stop is not None and should_stop()
            while len(flight) < depth and not stopping:
                batch = _next_batch(engine, sent_up_to, max_changes, max_bytes)
                if batch is None:
                    break
                meta.update(batch.meta)
                payload = {"changes": batch.changes, "acked_before": answered}
                flight.append((pool.submit(tx.json, "POST", "/api/v1/push", payload), batch))
                sent_up_to = batch.last
            if not flight:
                _check_stop(should_stop if stopping else None)  # what was sent is answered and recorded
                return
            future, batch = flight.popleft()
            answer = future.result()  # raises SyncError: the round stops; what was answered is recorded
            try:
                acked = int(answer["acked"])
                rejected = {int(x["seq"]): str(x["reason"]) for x in answer.get("rejected", [])}
                restores = {
                    int(x["seq"]): x["restore"]
                    for x in answer.get("rejected", [])
                    if isinstance(x.get("restore"), dict)
                }
            except (KeyError, TypeError, ValueError, AttributeError) as exc:
                raise SyncError("the server's push answer is incomplete") from exc
            if acked < batch.last:
                raise SyncError(f"the server acknowledged up to {acked} only (sent up to {batch.last})")
            _record_answer(engine, report, meta, acked, rejected, restores)
            answered = max(answered, acked)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _record_answer(
    engine: Engine,
    report: RoundReport,
    meta: dict[int, tuple[str, str, str]],
    acked: int,
    rejected: dict[int, str],
    restores: dict[int, dict[str, Any]] | None = None,
) -> None:
    o = OUTBOX.c
    with engine.begin() as conn:
        for seq, reason in sorted(rejected.items()):
            done = conn.execute(
                update(OUTBOX)
                .where(o.seq == seq, o.state == "pending")
                .values(state="rejected", reject_reason=reason[:4000])
            ).rowcount
            if not done:
                continue  # already recorded (answers may repeat rejections)
            table, rid, op = (
                meta.get(seq)
                or conn.execute(select(o.table_name, o.record_id, o.op).where(o.seq == seq)).one()._tuple()
            )
            report.rejections.append(Rejection(seq, table, rid, reason))
            report.rejected += 1
            if op in ("c", "s"):
                _mark_create_rejected(conn, table, rid)
            elif restores and seq in restores:
                _restore_refused(conn, table, rid, restores[seq])
        done = conn.execute(
            update(OUTBOX).where(o.state == "pending", o.seq <= acked).values(state="acked")
        ).rowcount
    report.pushed += int(done or 0)


def _mark_create_rejected(conn: Connection, table: str, record_id: str) -> None:
    """The server refused this record's create: forget its clocks but leave a marker ("!"), so the next
    local edit sends the whole row again (and the snapshot does not resend it unchanged every round)."""
    c = CLOCKS.c
    conn.execute(CLOCKS.delete().where(c.table_name == table, c.record_id == record_id))
    dev = outbox.device_id(conn)
    conn.execute(
        insert(CLOCKS).values(table_name=table, record_id=record_id, field="!", hlc="", device_id=dev)
    )


def _restore_refused(conn: Connection, table: str, record_id: str, restore: dict[str, Any]) -> None:
    """The server refused an edit of a row another site owns (headquarters' template) and sent back the
    values and clocks it holds for those fields: put them back here, so this replica equals the server
    again and later edits by the owner merge as usual. The refused change stays listed as rejected."""
    info = protocol.synced_tables().get(table)
    values, stamps = restore.get("f"), restore.get("c")
    if info is None or not isinstance(values, dict) or not isinstance(stamps, dict):
        return
    decoded: dict[str, Any] = {}
    clocks: list[dict[str, Any]] = []
    for name, raw in values.items():
        col = info.columns.get(name)
        if col is None or name in ("id", "site_id"):
            continue
        try:
            decoded[name] = protocol.decode(col, raw)
        except protocol.ValueRejected:
            return
        stamp = stamps.get(name)
        if isinstance(stamp, list) and len(stamp) == 2 and all(isinstance(x, str) for x in stamp):
            clocks.append(
                {
                    "table_name": table,
                    "record_id": record_id,
                    "field": name,
                    "hlc": stamp[0],
                    "device_id": stamp[1],
                }
            )
    if not decoded:
        return
    t = info.table
    conn.execute(update(t).where(t.c.id == record_id).values(**decoded))
    upsert_clocks(conn, clocks)


def _pull_answer(answer: dict[str, Any]) -> tuple[list[dict[str, Any]], int, bool]:
    try:
        return list(answer["changes"]), int(answer["cursor"]), bool(answer["more"])
    except (KeyError, TypeError, ValueError) as exc:
        raise SyncError("the server's pull answer is incomplete") from exc


def _catch_up_shared(
    engine: Engine,
    tx: Transport,
    report: RoundReport,
    limit: int,
    *,
    upto: int,
    should_stop: StopCheck | None = None,
) -> None:
    """Pull, up to the saved cursor, only the rows other sites own that this site is entitled to
    (`protocol.shared_rows`): what a device that pulled under an older, narrower scope rule never got
    (headquarters' template edits, the targets set for its site). Merging is by clock, so whatever it
    holds already changes nothing; resumable by its own cursor."""
    with engine.connect() as conn:
        since = int(outbox.get_state(conn, KEY_SCOPE_CURSOR) or 0)
    while since < upto:
        _check_stop(should_stop)
        answer = tx.json("GET", "/api/v1/pull", params={"since": since, "limit": limit, "shared": "true"})
        changes, new_cursor, more = _pull_answer(answer)
        with engine.begin() as conn:
            stats = apply_pulled(conn, changes)
            outbox.set_state(conn, KEY_SCOPE_CURSOR, str(new_cursor))
        report.pulled += len(changes)
        report.conflicts += stats["conflicts"]
        report.parked += stats["parked"]
        if not more or new_cursor <= since:
            break
        since = new_cursor


def _pull_all(
    engine: Engine, tx: Transport, report: RoundReport, limit: int, *, should_stop: StopCheck | None = None
) -> None:
    """Pull batches after the saved cursor; while one batch is applied (with its cursor, in one local
    transaction) the next one is already being fetched. Asked to stop, it stops after a whole batch."""
    with engine.connect() as conn:
        cursor = int(outbox.get_state(conn, KEY_CURSOR) or 0)
        scope = int(outbox.get_state(conn, KEY_SCOPE) or 0)
    if scope < protocol.SHARED_SCOPE_VERSION:
        if cursor > 0:  # pulled under an older scope rule: fetch what the wider rule adds, once
            _catch_up_shared(engine, tx, report, limit, upto=cursor, should_stop=should_stop)
        with engine.begin() as conn:
            outbox.set_state(conn, KEY_SCOPE, str(protocol.SHARED_SCOPE_VERSION))
            outbox.set_state(conn, KEY_SCOPE_CURSOR, "0")

    def fetch(since: int) -> dict[str, Any]:
        return tx.json("GET", "/api/v1/pull", params={"since": since, "limit": limit})

    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="dipdesk-pull")
    try:
        ahead = pool.submit(fetch, cursor)
        while True:
            answer = ahead.result()
            try:
                changes = list(answer["changes"])
                new_cursor = int(answer["cursor"])
                more = bool(answer["more"])
            except (KeyError, TypeError, ValueError) as exc:
                raise SyncError("the server's pull answer is incomplete") from exc
            if more:
                ahead = pool.submit(fetch, new_cursor)
            with engine.begin() as conn:
                if int(outbox.get_state(conn, KEY_CURSOR) or 0) != cursor:
                    raise SyncError("another sync of this database ran at the same time; try again")
                stats = apply_pulled(conn, changes)
                outbox.set_state(conn, KEY_CURSOR, str(new_cursor))
            cursor = new_cursor
            report.pulled += len(changes)
            report.conflicts += stats["conflicts"]
            report.parked += stats["parked"]
            if not more:
                break
            if should_stop is not None and should_stop():
                ahead.cancel()  # the batch fetched ahead is not applied: the next round fetches it again
                raise RoundStopped()
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
    with engine.begin() as conn:
        outcomes, _ = retry_parked(conn, lambda: Merger(conn))
        if outcomes:
            _observe(conn, [o.change.hlc for o in outcomes])


def _observe(conn: Connection, stamps: list[str]) -> None:
    stamps = [s for s in stamps if s]
    if stamps:
        clock = outbox.load_clock(conn)
        clock.observe(max(stamps))
        outbox.save_clock(conn, clock)


def apply_pulled(conn: Connection, changes: list[dict[str, Any]]) -> dict[str, int]:
    """Merge one pulled batch into the local database (inside the caller's transaction). Pulled changes
    write no outbox rows; what cannot be applied yet is parked, never dropped."""
    tables = protocol.synced_tables()
    data: list[Change] = []
    conflicts: list[dict[str, Any]] = []
    for c in changes:
        table, fields = str(c.get("t", "")), c.get("f")
        if not isinstance(fields, dict):
            continue
        if table == CONFLICTS_TABLE:
            conflicts.append(fields)
            continue
        info = tables.get(table)
        complete = info is not None and info.required - {"id"} <= set(fields)
        data.append(
            Change(
                table=table,
                record_id=str(c.get("id", "")),
                op="c" if complete else "u",
                fields=fields,
                hlc=str(c.get("h", "")),
                device=str(c.get("d", "")),
                user=c.get("u"),
                seq=int(c.get("s", 0)),
            )
        )

    def failed(ch: Change, reason: str) -> Outcome:
        return park_change(conn, ch, reason)

    merger = Merger(conn)
    sp = conn.begin_nested()
    try:
        outcomes = merger.apply(data)
        sp.commit()
    except DBAPIError:
        sp.rollback()
        outcomes, _ = apply_carefully(conn, data, lambda: Merger(conn), on_failure=failed)
    parked = 0
    for o in outcomes:
        if o.status == "rejected":  # a table or field this version does not know: keep it for later
            park_change(conn, o.change, o.reason)
            parked += 1
        elif o.status == "parked":
            parked += 1
    _observe(conn, [ch.hlc for ch in data])
    return {"conflicts": _store_conflicts(conn, conflicts), "parked": parked}


def _store_conflicts(conn: Connection, rows: list[dict[str, Any]]) -> int:
    t = CONFLICTS
    new_open = 0
    for wire in rows:
        try:
            values = {k: protocol.decode(t.c[k], v) for k, v in wire.items() if k in t.c}
        except protocol.ValueRejected:
            continue
        cid = values.get("id")
        if not cid:
            continue
        current = conn.execute(select(t.c.state).where(t.c.id == cid)).scalar()
        if current is None:
            conn.execute(insert(t).values(**values))
            new_open += values.get("state") == "open"
        elif current == "open" and values.get("state") != "open":
            conn.execute(
                update(t)
                .where(t.c.id == cid)
                .values(
                    state=values["state"],
                    resolved_by=values.get("resolved_by"),
                    resolved_at=values.get("resolved_at"),
                )
            )
    return new_open


# --- verification ----------------------------------------------------------------------------------------------


@dataclass
class VerifyReport:
    tables: dict[str, dict[str, Any]]
    pending: int
    rejected: int
    parked: int

    @property
    def differing(self) -> list[str]:
        return [t for t, v in self.tables.items() if not v["equal"]]

    @property
    def identical(self) -> bool:
        return not self.differing and self.pending == 0


def verify(engine: Engine, *, server_url: str | None = None) -> VerifyReport:
    """Compare per-table digests with the server (raises SyncError when the server cannot be asked)."""
    state = _require_state(engine)
    with Transport(server_url or state.server_url, device_id=state.device_id, secret=state.secret) as tx:
        answer = tx.json("GET", "/api/v1/digest")
    theirs = answer.get("tables")
    if not isinstance(theirs, dict):
        raise SyncError("the server's digest answer is incomplete")
    with engine.connect() as conn:
        ours = table_digests(conn, state.site_id)
        o = OUTBOX.c
        pending = int(conn.execute(select(func.count()).where(o.state == "pending")).scalar() or 0)
        rejected = int(conn.execute(select(func.count()).where(o.state == "rejected")).scalar() or 0)
        parked = int(conn.execute(select(func.count()).select_from(PARKED)).scalar() or 0)
    tables: dict[str, dict[str, Any]] = {}
    for name in sorted(set(ours) | set(theirs)):
        mine, server = ours.get(name, {}), theirs.get(name, {})
        tables[name] = {
            "local_count": mine.get("count"),
            "server_count": server.get("count") if isinstance(server, dict) else None,
            "equal": isinstance(server, dict) and mine.get("sha256") == server.get("sha256"),
        }
    return VerifyReport(tables=tables, pending=pending, rejected=rejected, parked=parked)


# --- status and conflicts ------------------------------------------------------------------------------------------


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
class ConflictView:
    id: str
    kind: str
    table: str
    record_id: str
    field: str
    kept_value: Any
    other_value: Any
    kept_device: str
    other_device: str
    other_user: str | None
    other_username: str | None
    other_time: datetime | None
    detected_at: datetime
    state: str
    kept_user: str | None = None
    kept_username: str | None = None
    kept_time: datetime | None = None
    other_name: str | None = None  # the user's full name (else username) for screens
    kept_name: str | None = None
    record_label: str = ""  # how a person recognises the record (a name, a code), "" if unknown


def _stamp_time(stamp: str) -> datetime | None:
    from dipdesk.sync.hlc import Stamp

    try:
        ms = Stamp.parse(stamp).physical
    except ValueError:
        return None
    return datetime.fromtimestamp(ms / 1000)


def list_conflicts(engine: Engine, *, state: str | None = "open") -> list[ConflictView]:
    t = CONFLICTS
    other_u, kept_u = User.__table__.alias("other_u"), User.__table__.alias("kept_u")
    q = (
        select(
            t,
            other_u.c.username.label("username"),
            kept_u.c.username.label("kept_username"),
            other_u.c.full_name.label("other_name"),
            kept_u.c.full_name.label("kept_name"),
        )
        .outerjoin(other_u, other_u.c.id == t.c.other_user)
        .outerjoin(kept_u, kept_u.c.id == t.c.kept_user)
        .order_by(t.c.detected_at, t.c.id)
    )
    if state:
        q = q.where(t.c.state == state)
    out: list[ConflictView] = []
    with engine.connect() as conn:
        for r in conn.execute(q).mappings():
            out.append(
                ConflictView(
                    id=r["id"],
                    kind=r["kind"],
                    table=r["table_name"],
                    record_id=r["record_id"],
                    field=r["field"],
                    kept_value=_json(r["kept_value"]),
                    other_value=_json(r["other_value"]),
                    kept_device=r["kept_device"],
                    other_device=r["other_device"],
                    other_user=r["other_user"],
                    other_username=r["username"],
                    other_time=_stamp_time(r["other_hlc"]),
                    detected_at=r["detected_at"],
                    state=r["state"],
                    kept_user=r["kept_user"],
                    kept_username=r["kept_username"],
                    kept_time=_stamp_time(r["kept_hlc"]),
                    other_name=r["other_name"] or r["username"],
                    kept_name=r["kept_name"] or r["kept_username"],
                    record_label=record_label(conn, r["table_name"], r["record_id"]),
                )
            )
    return out


# Columns that name a record for a person, in order of preference (the first present and non-empty wins).
_LABEL_COLUMNS = (
    ("prefix", "first_name_th", "last_name_th"),
    ("name_th",),
    ("title_th",),
    ("serial",),
    ("lab_no",),
    ("request_no",),
    ("code",),
    ("username",),
)


def record_label(conn: Connection, table: str, record_id: str) -> str:
    """A short human name of a synced record ("นางสมศรี ใจดี", an enterprise's name, a serial…), or "".
    Reads the row as stored (deleted rows too: a tombstone still has its name)."""
    info = protocol.synced_tables().get(table)
    if info is None:
        return ""
    for names in _LABEL_COLUMNS:
        if names[-1] not in info.columns:
            continue
        cols = [info.table.c[n] for n in names if n in info.columns]
        row = conn.execute(select(*cols).where(info.table.c.id == record_id)).first()
        if row is None:
            return ""
        parts = [str(v).strip() for v in row if v is not None and str(v).strip()]
        if not parts:
            continue
        if names[0] == "prefix" and len(parts) > 1 and row[0]:
            return f"{parts[0]}{' '.join(parts[1:])}"  # Thai writes the title against the name
        return " ".join(parts)
    return ""


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


def _json(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return text


def open_conflict(conn: Connection, conflict_id: str) -> dict[str, Any] | None:
    """The one conflict whose id starts with ``conflict_id`` (a prefix as shown), or None if none or several."""
    t = CONFLICTS
    rows = conn.execute(select(t).where(t.c.id.startswith(conflict_id, autoescape=True))).mappings().all()
    if len(rows) != 1 or not conflict_id.strip():
        return None
    return dict(rows[0])


def conflict_other_value(cf: dict[str, Any]) -> Any:
    """The losing value of an edit conflict, decoded to the column's Python type (what a swap writes)."""
    info = protocol.synced_tables()[cf["table_name"]]
    return protocol.decode(info.columns[cf["field"]], _json(cf["other_value"]))


def conflict_model(table: str) -> Any:
    """The mapped class of a synced table (for a swap to load the record)."""
    return _model(table)


def record_conflict_decision(conn: Connection, conflict_id: str, state: str, user_id: str | None) -> None:
    """Mark a conflict ``confirmed`` or ``swapped`` and queue the decision so it syncs to the other sites.
    The swap itself is written by the caller through the services (``dipdesk.services.conflicts``)."""
    t = CONFLICTS
    conn.execute(
        update(t).where(t.c.id == conflict_id).values(state=state, resolved_by=user_id, resolved_at=utcnow())
    )
    clock = outbox.load_clock(conn)
    stamp = clock.tick()
    outbox.save_clock(conn, clock)
    conn.execute(
        insert(OUTBOX).values(
            table_name=CONFLICTS_TABLE,
            record_id=conflict_id,
            op="r",
            fields={"state": state, "resolved_by": user_id},
            base={},
            hlc=stamp,
            user_id=user_id,
            state="pending",
            reject_reason="",
            created_at=utcnow(),
        )
    )


def _model(table: str) -> Any:
    from dipdesk.store.models import Base

    for m in Base.registry.mappers:
        if m.class_.__tablename__ == table:
            return m.class_
    raise KeyError(table)


def forget_credentials(engine: Engine) -> None:
    """Un-enrol (e.g. before enrolling again with a new code); local data and the outbox stay."""
    with engine.begin() as conn:
        conn.execute(delete(LocalState).where(LocalState.key.in_([KEY_SECRET])))
