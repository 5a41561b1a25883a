"""The device side of sync: enrolment, one sync round, verification by digests, and conflict review.

A round (`sync_once`):
1. snapshot: rows of this site that were never captured (demo and other bulk loads) are enqueued whole,
   in steps (each its own local transaction) taken while the server applies the batches pushed already;
2. push: pending outbox rows in device-seq order, in bounded batches (2,000 changes or 1 MB); each
   answer marks its batch acknowledged or rejected (with the reason) in one local transaction. If the
   answer is lost, the batch is simply sent again: the server skips seqs it has applied and repeats its
   rejections;
3. pull: changes after the saved cursor (a server sequence number), in batches; each batch is merged
   field by field against the local clocks and saved together with the new cursor in ONE local
   transaction, so a cut or a kill at any moment resumes where it stopped and never applies twice;
4. files referenced by synced rows, content-addressed and resumable (`dipdesk.sync.files`).

Nothing here retries on its own: a failed round reports its error (and is recorded in `sync_history`);
the caller retries later, with `dipdesk.sync.backoff.next_delay`.

The round itself is `sync_once` here; its parts live beside it: `rounds` (report, stop, state keys),
`device` (enrolment), `push`, `pull`, `verify` (digests), `status` (status, history, refused changes) and
`conflicts` (review). Their public names stay importable from this module.
"""

from __future__ import annotations

import logging
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

from sqlalchemy import Connection, Engine, delete, insert, update
from sqlalchemy.exc import DBAPIError

from dipdesk.store.base import utcnow
from dipdesk.store.sync import HISTORY as HISTORY
from dipdesk.store.sync import OUTBOX
from dipdesk.sync import outbox, restore
from dipdesk.sync.conflicts import ConflictView as ConflictView
from dipdesk.sync.conflicts import conflict_model as conflict_model
from dipdesk.sync.conflicts import conflict_other_value as conflict_other_value
from dipdesk.sync.conflicts import list_conflicts as list_conflicts
from dipdesk.sync.conflicts import open_conflict as open_conflict
from dipdesk.sync.conflicts import record_conflict_decision as record_conflict_decision
from dipdesk.sync.conflicts import record_label as record_label
from dipdesk.sync.device import device_state as device_state
from dipdesk.sync.device import enroll as enroll
from dipdesk.sync.device import forget_credentials as forget_credentials
from dipdesk.sync.device import require_state
from dipdesk.sync.files import sync_files
from dipdesk.sync.national import fetch_national, keep_national
from dipdesk.sync.protocol import PUSH_MAX_BYTES, PUSH_MAX_CHANGES, SCHEMA_VERSION
from dipdesk.sync.pull import apply_pulled as apply_pulled
from dipdesk.sync.pull import pull_all
from dipdesk.sync.push import push_all
from dipdesk.sync.rounds import KEY_CURSOR as KEY_CURSOR
from dipdesk.sync.rounds import KEY_LAST_OK as KEY_LAST_OK
from dipdesk.sync.rounds import KEY_SCOPE as KEY_SCOPE
from dipdesk.sync.rounds import KEY_SCOPE_CURSOR as KEY_SCOPE_CURSOR
from dipdesk.sync.rounds import KEY_SECRET as KEY_SECRET
from dipdesk.sync.rounds import KEY_SERVER as KEY_SERVER
from dipdesk.sync.rounds import KEY_SITE as KEY_SITE
from dipdesk.sync.rounds import ROUND_STOPPED as ROUND_STOPPED
from dipdesk.sync.rounds import DeviceState as DeviceState
from dipdesk.sync.rounds import Rejection as Rejection
from dipdesk.sync.rounds import RoundReport as RoundReport
from dipdesk.sync.rounds import RoundStopped as RoundStopped
from dipdesk.sync.rounds import StopCheck as StopCheck
from dipdesk.sync.rounds import check_stop
from dipdesk.sync.status import HistoryRow as HistoryRow
from dipdesk.sync.status import RejectedChange as RejectedChange
from dipdesk.sync.status import SyncStatus as SyncStatus
from dipdesk.sync.status import history as history
from dipdesk.sync.status import rejected_changes as rejected_changes
from dipdesk.sync.status import status as status
from dipdesk.sync.transport import SyncError as SyncError
from dipdesk.sync.transport import Transport as Transport
from dipdesk.sync.verify import VerifyReport as VerifyReport
from dipdesk.sync.verify import verify as verify

log = logging.getLogger("dipdesk.sync")


def sync_once(
    engine: Engine,
    *,
    push_changes: int = PUSH_MAX_CHANGES,
    push_bytes: int = PUSH_MAX_BYTES,
    pull_limit: int | None = None,
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
        state = require_state(engine)
        check_stop(should_stop)
        with Transport(
            server_url or state.server_url,
            device_id=state.device_id,
            secret=state.secret,
            timeout=timeout,
            schema_version=schema_version,
        ) as tx:
            try:
                # restored from a backup: number new local work after what the server has (once)
                report.restored_moved = restore.recover_before_push(engine, tx) or 0
                # the snapshot of never-uploaded rows is taken while the first batches are applied
                snap = outbox.Snapshot(state.site_id)
                push_all(engine, tx, report, push_changes, push_bytes, should_stop=should_stop, snapshot=snap)
                check_stop(should_stop)
                # the national figures are asked for while the pull runs (the server computes them from
                # what the push left; the pull changes nothing there) and kept after it
                side = ThreadPoolExecutor(max_workers=1, thread_name_prefix="dipdesk-national")
                try:
                    figures = side.submit(fetch_national, tx)
                    pull_all(engine, tx, report, pull_limit, should_stop=should_stop)
                    check_stop(should_stop)
                    keep_national(engine, figures.result())
                finally:
                    side.shutdown(wait=False, cancel_futures=True)  # a failed pull does not wait for it
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
