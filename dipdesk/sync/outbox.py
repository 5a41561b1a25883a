"""Change capture on the device: every write that goes through the services lands in the outbox in the
same transaction, with the device sequence (`seq`) and a hybrid logical clock stamp (SYNC.md #1, #3).

`capture` is called by `dipdesk.services.records` (create, update, soft delete, restore) and by the audit
trail; it records only the fields that changed, with their real values, and stamps the record's field
clocks. A record that has never been captured (the demo and other bulk loads write straight to the
tables) is sent whole the first time it changes, and `snapshot` enqueues every such row of the device's
site before a sync round, so a first sync uploads what was there before the outbox existed.

Applying pulled changes never calls this module: pulled changes do not travel back.
"""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, delete, exists, func, insert, literal_column, select, update
from sqlalchemy.orm import Session
from sqlalchemy.sql.expression import ColumnClause

from dipdesk.store import jsoncodec
from dipdesk.store.auth import LocalState
from dipdesk.store.base import utcnow
from dipdesk.store.sync import CLOCKS, OUTBOX, SyncFieldClock
from dipdesk.sync import hlc
from dipdesk.sync.merge import upsert_clocks
from dipdesk.sync.protocol import (
    TableInfo,
    encode,
    encode_row,
    row_encoders,
    synced_tables,
    unchanged_by_encoder,
)

KEY_DEVICE = "sync.device_id"
KEY_HLC = "sync.hlc"
KEY_HWM = "sync.hwm."
SNAPSHOT_CHUNK = 2000


# --- device state in local_state -------------------------------------------------------------------------


def _get(conn: Connection, key: str) -> str | None:
    return conn.execute(select(LocalState.value).where(LocalState.key == key)).scalar()


def _set(conn: Connection, key: str, value: str) -> None:
    if conn.execute(update(LocalState).where(LocalState.key == key).values(value=value)).rowcount == 0:
        conn.execute(insert(LocalState).values(key=key, value=value))


def get_state(conn: Connection, key: str) -> str | None:
    return _get(conn, key)


def set_state(conn: Connection, key: str, value: str) -> None:
    _set(conn, key, value)


def device_id(conn: Connection) -> str:
    """This installation's device id (made on first use; the server adopts it at enrolment)."""
    dev = _get(conn, KEY_DEVICE)
    if not dev:
        dev = str(uuid.uuid4())
        _set(conn, KEY_DEVICE, dev)
    return dev


def load_clock(conn: Connection) -> hlc.Clock:
    return hlc.Clock(device_id(conn), _get(conn, KEY_HLC))


def save_clock(conn: Connection, clock: hlc.Clock) -> None:
    _set(conn, KEY_HLC, clock.last)


def _conn(session: Session) -> Connection:
    return session.connection()


# --- capture ---------------------------------------------------------------------------------------------


def record_clocks(conn: Connection, table: str, record_id: str) -> dict[str, str]:
    c = CLOCKS.c
    rows = conn.execute(select(c.field, c.hlc).where(c.table_name == table, c.record_id == record_id)).all()
    return {f: h for f, h in rows}


def capture(
    session: Session,
    record: Any,
    fields: dict[str, Any],
    *,
    op: str = "u",
    user_id: str | None = None,
) -> int | None:
    """Write one outbox row for a change of `record` (python values of the changed `fields`); returns its
    seq, or None when the record's table does not sync. `op`: "c" create, "u" update, "d" delete."""
    info = synced_tables().get(getattr(record, "__tablename__", ""))
    if info is None:
        return None
    conn = _conn(session)
    rid = str(record.id)
    held = record_clocks(conn, info.name, rid)
    clock = load_clock(conn)
    stamp = clock.tick()
    save_clock(conn, clock)
    base: dict[str, Any] = {}
    if info.reference:
        # Reference rows belong to headquarters; a device only updates the fields it may (its own site's
        # public key). Never a create: the server refuses those, and the key would never travel.
        op = "u"
        wire = {k: encode(info.columns[k], v) for k, v in fields.items() if k in info.columns and k != "id"}
        if not wire:
            return None
        base = {k: held.get(k) or held.get("*") for k in wire}
    elif op == "c" or "*" not in held:
        # Never captured before (new, bulk-loaded, or its create was refused): send the whole row.
        wire = encode_row(info, record)
        op = "c"
    else:
        wire = {k: encode(info.columns[k], v) for k, v in fields.items() if k in info.columns and k != "id"}
        if not wire:
            return None
        for k in wire:
            base[k] = held.get(k) or held.get("*")
        base["deleted"] = held.get("deleted") or held.get("*")
        if op == "d":
            base["*seen"] = max(held.values())
    seq = conn.execute(
        insert(OUTBOX).values(
            table_name=info.name,
            record_id=rid,
            op=op,
            fields=wire,
            base=base,
            hlc=stamp,
            user_id=user_id,
            state="pending",
            reject_reason="",
            created_at=utcnow(),
        )
    ).inserted_primary_key
    dev = clock.device
    if op == "c":
        conn.execute(
            delete(CLOCKS).where(SyncFieldClock.table_name == info.name, SyncFieldClock.record_id == rid)
        )
        rows = [{"table_name": info.name, "record_id": rid, "field": "*", "hlc": stamp, "device_id": dev}]
    else:
        rows = [
            {"table_name": info.name, "record_id": rid, "field": k, "hlc": stamp, "device_id": dev}
            for k in wire
        ]
    upsert_clocks(conn, rows)
    return int(seq[0]) if seq else None


# --- snapshot --------------------------------------------------------------------------------------------


def _unclocked(info: TableInfo, site_id: str) -> Any:
    t = info.table
    c = CLOCKS.c
    known = exists().where(c.table_name == info.name, c.record_id == t.c.id)
    return select(t).where(t.c.site_id == site_id, ~known)


def count_unclocked(conn: Connection, site_id: str) -> int:
    total = 0
    for info in synced_tables().values():
        if info.site_owned:
            q = _unclocked(info, site_id).subquery()
            total += int(conn.execute(select(func.count()).select_from(q)).scalar() or 0)
    return total


def snapshot(conn: Connection, site_id: str) -> int:
    """Enqueue every row of this site that no outbox row or pulled change has ever covered (rows the demo
    or another bulk load wrote), whole, in foreign-key order, stamped with the row's own `updated_at` so a
    newer value already on the server is never overwritten by it. Returns the number of rows enqueued.
    All of it in the caller's transaction; a sync round takes it in steps instead (`Snapshot`)."""
    snap = Snapshot(site_id)
    while not snap.done:
        snap.step(conn)
    return snap.total


class Snapshot:
    """The snapshot of `snapshot`, taken in steps of about `SNAPSHOT_CHUNK` rows, each step in the
    caller's transaction: a sync round commits each step on its own and pushes what the steps before it
    queued while it takes the next one, so the device's work overlaps the server's (issue 12).

    A step writes a row's outbox row and its `"*"` clock together, and the clock is what tells a row
    already queued, so a kill between steps loses nothing (the next round queues the rest) and doubles
    nothing (a queued row is never queued again). Each table's high-water mark is saved with the step
    that reads its last rows."""

    def __init__(self, site_id: str) -> None:
        self.site_id = site_id
        self.total = 0
        self.done = False
        self._todo = [info for info in synced_tables().values() if info.site_owned]
        self._marks: dict[str, int] | None = None
        self._table: tuple[TableInfo, int, int] | None = None  # (table, top rowid, rowid read up to)
        # by seq, the change as the push sends it (`push._change_text` of the row just written), for the
        # round's push to take instead of reading back what the step wrote (the push pops what it sends;
        # a step whose seqs cannot be told for sure leaves its rows to be read back as usual)
        self.texts: dict[int, tuple[str, str, str]] = {}  # seq -> (table, record id, change text)

    def step(self, conn: Connection, limit: int = SNAPSHOT_CHUNK) -> int:
        """Queue up to about `limit` more rows (across tables); returns how many. Sets `done` at the end."""
        clock = load_clock(conn)
        dev = clock.device
        if self._marks is None:
            # Per table, the rowid up to which every row has been looked at ("high-water mark"): a round
            # with nothing new costs one indexed lookup per table instead of a scan.
            self._marks = {
                k.removeprefix(KEY_HWM): int(v)
                for k, v in conn.execute(
                    select(LocalState.key, LocalState.value).where(LocalState.key.startswith(KEY_HWM))
                )
            }
        rowid: ColumnClause[Any] = literal_column("rowid")
        c = CLOCKS.c
        created_at = OUTBOX.c.created_at.type.bind_processor(conn.dialect) or (lambda v: v)
        highest = ""
        queued = 0
        while queued < limit:
            if self._table is None:
                if not self._todo:
                    self.done = True
                    break
                info = self._todo.pop(0)
                # plain SQL: a fresh device looks at some forty empty tables, and compiling a statement
                # for each cost a first download a tenth of a second
                top = int(conn.exec_driver_sql(f'SELECT max(rowid) FROM "{info.name}"').scalar() or 0)
                after = self._marks.get(info.name, -1)
                if top <= after:
                    continue
                if top == 0:  # empty: nothing to read, every row (none) looked at
                    _set(conn, KEY_HWM + info.name, "0")
                    continue
                self._table = (info, top, after)
            info, top, after = self._table
            # In insertion order (rowid), which puts a row after the rows of its own table it refers to;
            # page by rowid, so each page starts where the last one ended. Rows are read as tuples in the
            # synced fields' order and written with the driver's executemany: a first sync enqueues tens
            # of thousands.
            t = info.table
            encoders = row_encoders(info.name)
            id_at = info.fields.index("id")
            q = (
                select(
                    *[t.c[f] for f in info.fields],
                    t.c.updated_at.label("_updated"),
                    t.c.created_at.label("_created"),
                    rowid.label("_rowid"),
                )
                .where(t.c.site_id == self.site_id)
                .where(~exists().where(c.table_name == info.name, c.record_id == t.c.id))
                .where(rowid > after, rowid <= top)
                .order_by(rowid)
                .limit(limit - queued)
            )
            # the driver's rows as they are, and the columns' result processors applied column by column
            # below: the same values as `.all()`, without a result row object made for every row
            result = conn.execute(q)
            batch = result.cursor.fetchall()
            result.close()
            if len(batch) < limit - queued:  # the table's last rows: its mark goes with them
                self._table = None
                _set(conn, KEY_HWM + info.name, str(top))
            if not batch:
                continue
            self._table = None if self._table is None else (info, top, int(batch[-1][-1]))
            now = created_at(utcnow())
            dumps = jsoncodec.dumps
            tname = str(info.name)  # a plain str: the driver looks for adapters on anything else, per row
            # column by column: each field's values encoded in one `map`, then each row's fields written
            columns: list[Any] = list(zip(*batch, strict=True))
            for i, proc in enumerate(_result_processors(q, conn)):
                if proc is not None:
                    columns[i] = list(map(proc, columns[i]))
            kinds = [unchanged_by_encoder(info.columns[f]) for f in info.fields]
            encoded = [
                values if kind.issuperset(map(type, values)) else list(map(enc, values))
                for (_f, enc), values, kind in zip(encoders, columns, kinds, strict=False)
            ]
            names = info.fields
            texts = [dumps(dict(zip(names, values, strict=True))) for values in zip(*encoded, strict=True)]
            stamps = [
                hlc.at_ms(
                    int(changed.replace(tzinfo=UTC).timestamp() * 1000)
                    if isinstance(changed, datetime)
                    else 0,
                    dev,
                )
                for changed in (u or c for u, c in zip(columns[-3], columns[-2], strict=True))
            ]
            highest = max(highest, *stamps)
            ids = columns[id_at]
            out = [
                (tname, rid, "s", fields, "{}", stamp, None, "pending", "", now)
                for rid, fields, stamp in zip(ids, texts, stamps, strict=True)
            ]
            clocks = [(tname, rid, "*", stamp, dev) for rid, stamp in zip(ids, stamps, strict=True)]
            conn.exec_driver_sql(_INSERT_OUTBOX, out)
            self._remember(conn, out)
            conn.exec_driver_sql(_INSERT_CLOCKS, clocks)
            queued += len(out)
        if highest:
            clock.observe(highest)
            save_clock(conn, clock)
        self.total += queued
        return queued

    def _remember(self, conn: Connection, out: list[tuple[Any, ...]]) -> None:
        """Keep the change texts of the outbox rows `out` just written by one executemany: their seqs are
        the `len(out)` up to the last rowid (the step's transaction holds the write lock from its first
        insert, and AUTOINCREMENT numbers one connection's inserts in turn); the first and the last are
        checked against the record ids written."""
        last = int(conn.exec_driver_sql("SELECT last_insert_rowid()").scalar() or 0)
        first = last - len(out) + 1
        ends = conn.exec_driver_sql(
            f"SELECT seq, record_id FROM {OUTBOX.name} WHERE seq IN (?, ?)", (first, last)
        ).all()
        if first < 1 or sorted(ends) != sorted({(first, out[0][1]), (last, out[-1][1])}):
            return
        dumps = jsoncodec.dumps
        table = dumps(out[0][0])  # one table a step's statement
        if _PLAIN.fullmatch("".join(f"{row[1]}{row[5]}" for row in out)):
            # ids and stamps of letters, digits and -_.: only (uuids, `hlc.at_ms`): their JSON is "text"
            for seq, row in enumerate(out, first):
                # `push._change_text` of this row: op "s", no base, no user
                text = f'{{"seq":{seq},"t":{table},"id":"{row[1]}","op":"s","f":{row[3]},"h":"{row[5]}"}}'
                self.texts[seq] = (row[0], row[1], text)
            return
        for seq, row in enumerate(out, first):
            text = (
                f'{{"seq":{seq},"t":{table},"id":{dumps(row[1])},"op":"s","f":{row[3]},"h":{dumps(row[5])}}}'
            )
            self.texts[seq] = (row[0], row[1], text)


_PLAIN = re.compile(r"[0-9A-Za-z_.:-]*")


def _result_processors(q: Any, conn: Connection) -> list[Any]:
    """The result processors of the columns `q` selects, as SQLAlchemy applies them to each row."""
    dialect = conn.dialect
    return [col.type._cached_result_processor(dialect, None) for col in q.selected_columns]


_INSERT_OUTBOX = (
    f"INSERT INTO {OUTBOX.name} (table_name, record_id, op, fields, base, hlc, user_id, state, reject_reason, "
    "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_INSERT_CLOCKS = (
    f"INSERT INTO {CLOCKS.name} (table_name, record_id, field, hlc, device_id) VALUES (?, ?, ?, ?, ?)"
)


def pending_count(conn: Connection) -> int:
    c = OUTBOX.c
    return int(conn.execute(select(func.count()).where(c.state == "pending")).scalar() or 0)
