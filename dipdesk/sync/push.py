"""The push half of a round: pending outbox rows in device-seq order, in bounded batches, up to two in
flight; each answer is recorded (acknowledged, rejected, refused edits put back) in its own local
transaction."""

from __future__ import annotations

from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, Text, delete, insert, select, type_coerce, update

from dipdesk.store.sync import CLOCKS, OUTBOX
from dipdesk.sync import outbox, protocol
from dipdesk.sync.merge import (
    upsert_clocks,
)
from dipdesk.sync.rounds import Rejection, RoundReport, StopCheck
from dipdesk.sync.rounds import check_stop as _check_stop
from dipdesk.sync.transport import SyncError, Transport

FIRST_STEP = 400  # snapshot rows in the round's first batch (see `push_all`)


@dataclass
class _Batch:
    changes: list[str]  # each change as JSON text (see `_change_text`)
    meta: dict[int, tuple[str, str, str]]  # seq -> (table, record id, op)
    last: int  # the highest seq in the batch
    first: int = 0  # the lowest
    full: bool = False  # as many changes or bytes as a batch may hold
    size: int = 0  # characters of the changes


def _change_text(
    seq: int, table: str, rid: str, op: str, fields: str, base: str | None, h: str, user: Any
) -> str:
    """One change on the wire (`protocol`), written around the outbox's stored JSON text of its fields
    and base, which are never decoded and encoded again: a first sync sends tens of thousands."""
    dumps = protocol.dumps
    text = f'{{"seq":{int(seq)},"t":{dumps(table)},"id":{dumps(rid)},"op":{dumps(op)},"f":{fields},"h":{dumps(h)}'
    if base and base not in ("{}", "null"):
        text += f',"b":{base}'
    if user:
        text += f',"u":{dumps(user)}'
    return text + "}"


def _next_batch(
    engine: Engine,
    after: int,
    max_changes: int,
    max_bytes: int,
    carry: _Batch | None = None,
    texts: dict[int, tuple[str, str, str]] | None = None,
) -> _Batch | None:
    """The pending changes after seq `after`, up to a batch's limits. `carry`: the batch this call
    returned last time for the same `after`, not full then: only the changes queued since are read and
    added to it (the snapshot queues a batch's worth at a time while the server is busy). `texts`: the
    change texts of outbox rows the snapshot wrote this round (`Snapshot.texts`, by seq), taken instead of
    reading those rows back; the rest are read."""
    batch = carry if carry is not None and carry.changes and not carry.full else _Batch([], {}, 0)
    start = batch.last if batch.changes else after
    room = max_changes - len(batch.changes)
    o = OUTBOX.c
    pending = (o.state == "pending", o.seq > start)
    items: list[tuple[int, str, str, str, str]] = []  # (seq, table, record id, op, change text)
    with engine.connect() as conn:
        if texts:
            seqs = conn.execute(select(o.seq).where(*pending).order_by(o.seq).limit(room)).scalars().all()
            rest = [s for s in seqs if s not in texts]
        if not texts or rest:
            where = (*pending, o.seq.in_(rest)) if texts else pending
            rows = conn.execute(
                select(
                    o.seq,
                    o.table_name,
                    o.record_id,
                    o.op,
                    type_coerce(o.fields, Text),  # the stored JSON text itself
                    type_coerce(o.base, Text),
                    o.hlc,
                    o.user_id,
                )
                .where(*where)
                .order_by(o.seq)
                .limit(room)
            ).all()
            read = {
                r[0]: (r[0], r[1], r[2], r[3], _change_text(r[0], r[1], r[2], r[3], r[4] or "{}", *r[5:]))
                for r in rows
            }
        if texts:
            for s in seqs:
                known = texts.get(s)
                items.append(read[s] if known is None else (s, known[0], known[1], "s", known[2]))
        else:
            items = list(read.values())
    if not items and not batch.changes:
        return None
    size = batch.size
    for seq, table, rid, op, item in items:
        n = len(item)
        if batch.changes and size + n > max_bytes:
            batch.full = True
            break
        batch.changes.append(item)
        batch.meta[seq] = (table, rid, op)
        batch.first = batch.first or int(seq)
        batch.last = int(seq)
        size += n
        if texts:
            texts.pop(seq, None)
    batch.size = size
    batch.full = batch.full or len(items) >= room
    return batch


def push_all(
    engine: Engine,
    tx: Transport,
    report: RoundReport,
    max_changes: int,
    max_bytes: int,
    depth: int = 2,
    *,
    should_stop: StopCheck | None = None,
    snapshot: outbox.Snapshot | None = None,
) -> None:
    """Push pending changes in seq order, keeping up to `depth` batches in flight (on two connections),
    so the server applies one batch while the next is on the wire. The server applies them strictly
    in order (a batch that overtakes the one before it waits there), and every answer is recorded in
    its own local transaction.

    `snapshot`: the round's snapshot of never-uploaded rows, taken here step by step (each step its own
    local transaction) while the server applies the batches already sent, instead of all of it before
    the first push: on a first sync the device's work and the server's overlap."""
    answered: int | None = None  # every seq up to here has its answer recorded (known with the 1st batch)
    sent_up_to = 0
    meta: dict[int, tuple[str, str, str]] = {}
    carry: _Batch | None = None  # a batch read but not full, waiting for the snapshot's next rows
    flight: deque[tuple[Future[dict[str, Any]], _Batch]] = deque()
    pool = ThreadPoolExecutor(max_workers=depth, thread_name_prefix="dipdesk-push")

    def snapshot_step(limit: int = max_changes) -> bool:
        """Queue the snapshot's next rows (one local transaction); False when it is complete."""
        if snapshot is None or snapshot.done:
            return False
        with engine.begin() as conn:
            snapshot.step(conn, limit)
        report.snapshot = snapshot.total
        return True

    stepped = False  # the batch being filled has had a snapshot step
    try:
        while True:
            stopping = should_stop is not None and should_stop()
            while len(flight) < depth and not stopping:
                texts = snapshot.texts if snapshot is not None else None
                batch = _next_batch(engine, sent_up_to, max_changes, max_bytes, carry, texts)
                carry = None
                # the round's first batch goes with one short step of the snapshot, not a full batch's
                # worth: the server starts while the device queues the next rows
                first = not sent_up_to and not flight
                if (
                    (batch is None or not batch.full)
                    and not (first and stepped)
                    and snapshot_step(min(FIRST_STEP, max_changes) if first else max_changes)
                ):
                    # the snapshot's rows go in the same batch as the edits queued before them, as when
                    # it was taken first (an edit credited to a user the snapshot uploads is checked
                    # against the batch's new users); what was read is kept, the next read adds to it
                    carry = batch
                    stepped = True
                    continue
                stepped = False
                if batch is None:
                    break
                if answered is None:
                    answered = batch.first - 1
                meta.update(batch.meta)
                payload = (
                    f'{{"schema_version":{int(tx.schema_version)},"changes":[{",".join(batch.changes)}],'
                    f'"acked_before":{int(answered)}}}'
                )
                flight.append((pool.submit(tx.json, "POST", "/api/v1/push", text=payload), batch))
                sent_up_to = batch.last
            if not flight:
                _check_stop(should_stop if stopping else None)  # what was sent is answered and recorded
                return
            future, batch = flight[0]
            if not stopping and not future.done() and snapshot_step():
                continue  # the server is busy with what was sent: queue the next rows meanwhile
            flight.popleft()
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
            answered = max(answered or 0, acked)
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
        # snapshot rows are forgotten at once (`client.prune` would at the end of the round: they are
        # bulk and uninteresting); rewriting each first would cost a first sync a pass over its rows
        forgotten = conn.execute(
            delete(OUTBOX).where(o.state == "pending", o.seq <= acked, o.op == "s")
        ).rowcount
        done = conn.execute(
            update(OUTBOX).where(o.state == "pending", o.seq <= acked).values(state="acked")
        ).rowcount
    report.pushed += int(done or 0) + int(forgotten or 0)


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
