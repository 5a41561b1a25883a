"""The pull half of a round: changes after the saved cursor, fetched one batch ahead, each merged field
by field and saved with its new cursor in one local transaction; and the catch-up of rows a wider sharing
rule adds."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from typing import Any

from sqlalchemy import Connection, Engine, insert, select, update
from sqlalchemy.exc import DBAPIError

from dipdesk.store import indexes
from dipdesk.store.db import begin_now
from dipdesk.store.sync import CONFLICTS
from dipdesk.sync import hlc, outbox, protocol, restore
from dipdesk.sync.merge import Change, Merger, Outcome
from dipdesk.sync.merge_retry import apply_carefully, park_change, retry_parked
from dipdesk.sync.protocol import (
    CONFLICTS_TABLE,
)
from dipdesk.sync.rounds import KEY_CURSOR, KEY_SCOPE, KEY_SCOPE_CURSOR, RoundReport, RoundStopped, StopCheck
from dipdesk.sync.rounds import check_stop as _check_stop
from dipdesk.sync.transport import SyncError, Transport


def _pull_answer(answer: dict[str, Any]) -> tuple[list[dict[str, Any]], int, bool]:
    try:
        return list(answer["changes"]), int(answer["cursor"]), bool(answer["more"])
    except (KeyError, TypeError, ValueError) as exc:
        raise SyncError("the server's pull answer is incomplete") from exc


def begin_batch(conn: Connection) -> None:
    """Open the batch's SQLite transaction at once, for writing. The driver would begin it only at the
    first write, and the merge's savepoint, a statement of its own, would open and (released) commit a
    transaction before the cursor is saved: a kill between the two kept the batch without its cursor.
    Now the batch, its savepoint and its cursor commit together, and the cursor check reads under the
    write lock (another sync of the same file waits, then sees the cursor moved)."""
    begin_now(conn, immediate=True)


@contextlib.contextmanager
def without_gc() -> Iterator[None]:
    """No cyclic garbage collection while a pulled batch is merged: the batch's thousands of objects all
    live until its end, so the collector would only scan them again and again (a fifth of a first
    download's time), and freeing them needs none (no cycles; whatever cycles there are wait for the next
    collection, at most one batch later). The collector is switched back on however the block ends."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


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
        with without_gc(), engine.begin() as conn:
            begin_batch(conn)
            stats = apply_pulled(conn, changes)
            outbox.set_state(conn, KEY_SCOPE_CURSOR, str(new_cursor))
        report.pulled += len(changes)
        report.conflicts += stats["conflicts"]
        report.parked += stats["parked"]
        if not more or new_cursor <= since:
            break
        since = new_cursor


def pull_all(
    engine: Engine,
    tx: Transport,
    report: RoundReport,
    limit: int | None = None,
    *,
    should_stop: StopCheck | None = None,
) -> None:
    """Pull batches after the saved cursor; while one batch is applied (with its cursor, in one local
    transaction) the next one is already being fetched. Asked to stop, it stops after a whole batch.

    `limit`: changes a batch; None lets the round choose: `PULL_DEFAULT_LIMIT`, and for a first download
    (nothing pulled yet) `PULL_FIRST_LIMIT` after its first batch, so a whole site arrives in a few large
    batches (each one's fixed costs paid fewer times) while the first one still comes quickly."""
    with engine.connect() as conn:
        cursor = int(outbox.get_state(conn, KEY_CURSOR) or 0)
        scope = int(outbox.get_state(conn, KEY_SCOPE) or 0)
    first_download = limit is None and cursor == 0
    if limit is None:
        limit = protocol.PULL_DEFAULT_LIMIT
    if scope < protocol.SHARED_SCOPE_VERSION:
        if cursor > 0:  # pulled under an older scope rule: fetch what the wider rule adds, once
            _catch_up_shared(engine, tx, report, limit, upto=cursor, should_stop=should_stop)
        with engine.begin() as conn:
            outbox.set_state(conn, KEY_SCOPE, str(protocol.SHARED_SCOPE_VERSION))
            outbox.set_state(conn, KEY_SCOPE_CURSOR, "0")

    with engine.connect() as conn:
        # restored from a backup: this round's pull also brings back what this device uploaded after it
        own = restore.pulling_own(conn)
        me = outbox.get_state(conn, outbox.KEY_DEVICE) or ""
    params: dict[str, Any] = {}
    if own:
        params["mine"] = "true"

    def fetch(since: int) -> dict[str, Any]:
        size = protocol.PULL_FIRST_LIMIT if first_download and since > 0 else limit
        return tx.json("GET", "/api/v1/pull", params={"since": since, "limit": size, **params})

    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="dipdesk-pull")
    ended = False
    try:
        with engine.connect() as conn, _large_cache(conn):
            _pull_batches(
                conn,
                tx,
                report,
                pool,
                fetch,
                cursor,
                own=own,
                me=me,
                should_stop=should_stop,
                indexes_aside=first_download,
            )
        ended = True
    finally:
        # the indexes a first download set aside (`store.indexes`), created again however it ended; if
        # that fails after another failure, the next round or the next opening of the file does it
        try:
            restore_indexes(engine)
        except DBAPIError:
            if ended:
                raise
    with engine.begin() as conn:
        outcomes, _ = retry_parked(conn, lambda: Merger(conn))
        if outcomes:
            _observe(conn, [o.change.hlc for o in outcomes])


def _pull_batches(
    conn: Connection,
    tx: Transport,
    report: RoundReport,
    pool: ThreadPoolExecutor,
    fetch: Callable[[int], dict[str, Any]],
    cursor: int,
    *,
    own: bool,
    me: str,
    should_stop: StopCheck | None,
    indexes_aside: bool = False,
) -> None:
    """The batches of `pull_all`, each merged and saved with its cursor in one transaction of `conn`.
    `indexes_aside`: a first download; the first batch's transaction sets aside the secondary indexes of
    the tables that are still empty (`store.indexes`)."""
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
            with without_gc(), conn.begin():
                begin_batch(conn)
                if int(outbox.get_state(conn, KEY_CURSOR) or 0) != cursor:
                    raise SyncError("another sync of this database ran at the same time; try again")
                if indexes_aside:
                    indexes.set_aside_empty(conn, protocol.synced_tables())
                    indexes_aside = False
                stats = apply_pulled(conn, changes)
                outbox.set_state(conn, KEY_CURSOR, str(new_cursor))
                if own:
                    back = sum(1 for ch in changes if ch.get("d") == me)
                    restore.count_recovered(conn, back)
                    report.restored_back += back
                    if not more:
                        restore.finish_pull(conn)  # with the last batch: a kill before it pulls again
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


def restore_indexes(engine: Engine) -> None:
    """Create again the indexes a first download set aside, if any (`store.indexes`)."""
    with engine.connect() as conn:
        if not indexes.aside(conn):
            return
    with engine.begin() as conn:
        begin_now(conn, immediate=True)
        indexes.restore(conn)


LARGE_CACHE_KIB = 64 * 1024


@contextlib.contextmanager
def _large_cache(conn: Connection) -> Iterator[None]:
    """A larger SQLite page cache on `conn` for the batches (64 MB instead of the default 2 MB): a first
    download inserts rows at random places of indexes larger than the default cache, which would then
    read the same pages from the file again and again. Put back as it was afterwards (the connection
    returns to the pool)."""
    if conn.dialect.name != "sqlite":
        yield
        return
    before = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    conn.exec_driver_sql(f"PRAGMA cache_size = -{LARGE_CACHE_KIB}")
    conn.commit()  # SQLAlchemy began a transaction for the statements: end it, the batches begin their own
    try:
        yield
    finally:
        with contextlib.suppress(DBAPIError):
            conn.rollback()
            conn.exec_driver_sql(f"PRAGMA cache_size = {int(before or -2000)}")
            conn.commit()


def _observe(conn: Connection, stamps: list[str]) -> None:
    """Move this device's clock past the pulled stamps that are plausible: a stamp that does not parse, or
    lies beyond `hlc.MAX_AHEAD_MS` after the later of this machine's and the server's clocks (forged, or
    stored before the server refused such stamps), is applied with its change but never observed, so
    no pulled value can drag the clock into the future or make it unusable (issue 17)."""
    # Stamps sort as text the way the clock orders them, so the highest plausible one is the first that
    # parses and is plausible, from the top (a batch of thousands parses one or two).
    for s in sorted({s for s in stamps if isinstance(s, str)}, reverse=True):
        try:
            stamp = hlc.Stamp.parse(s)
        except (ValueError, TypeError, AttributeError):
            continue
        if hlc.plausible(stamp):
            clock = outbox.load_clock(conn)
            clock.observe(str(stamp))
            outbox.save_clock(conn, clock)
            return


@cache
def _create_needs() -> dict[str, frozenset[str]]:
    """The fields a pulled change must carry to be a create, by table: the required ones but the id."""
    return {name: info.required - {"id"} for name, info in protocol.synced_tables().items()}


def apply_pulled(conn: Connection, changes: list[dict[str, Any]]) -> dict[str, int]:
    """Merge one pulled batch into the local database (inside the caller's transaction). Pulled changes
    write no outbox rows; what cannot be applied yet is parked, never dropped."""
    needs = _create_needs()
    data: list[Change] = []
    conflicts: list[dict[str, Any]] = []
    for c in changes:
        table, fields = str(c.get("t", "")), c.get("f")
        if not isinstance(fields, dict):
            continue
        if table == CONFLICTS_TABLE:
            conflicts.append(fields)
            continue
        required = needs.get(table)
        complete = required is not None and fields.keys() >= required
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
