"""Applying changes to a replica, field by field, by hybrid logical clock. Shared by the server (pushes) and
the device (pulls), so both sides merge by exactly the same rule.

Rule: a field takes an incoming value when the incoming stamp is higher than the stamp of the value held
(`sync_field_clocks`; a record's `"*"` row covers the fields without a row of their own). Stamps end with
the device id, so the winner is the same on every replica whatever order changes arrive in.

The server also detects conflicts: an edit whose author held a different stamp for the field than the one
the server holds (its `base`), written by another device, was made concurrently: the higher stamp wins
and a conflict record keeps the other value. A delete that did not see a later edit by another device,
and an edit arriving for a record another device deleted unseen, are edit-vs-delete conflicts (the
tombstone stays; "swap" restores the record).

An update for a record this replica does not have yet (it arrived before its create) is parked in
`sync_parked` and merged, by stamp, when the create arrives. Nothing is dropped.

Work is batched: rows, clocks and parked changes of the whole batch are fetched with a few IN queries,
inserts go out as one executemany per table in foreign-key order (parents before children), then updates,
then clocks. The caller wraps `apply` in a savepoint and, if the database refuses the batch (a unique or
foreign-key violation), applies the changes one by one (`merge_retry.apply_carefully`) to find the culprit.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache, lru_cache
from typing import Any

from sqlalchemy import (
    Boolean,
    ColumnElement,
    Connection,
    Date,
    DateTime,
    Table,
    and_,
    bindparam,
    delete,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.exc import DBAPIError

from dipdesk.store import reach, search_index
from dipdesk.store.base import utcnow
from dipdesk.store.sync import CLOCKS, PARKED
from dipdesk.sync.protocol import TableInfo, ValueRejected, canonical, row_decoders, synced_tables
from dipdesk.sync.sql_lists import param as _param
from dipdesk.sync.sql_lists import pg_text_array
from dipdesk.sync.sql_lists import select_in as _select_in

CONFLICT_NAMESPACE = uuid.UUID("3b0c7f0e-2f55-4a8e-9d7a-6c1f5e3a9b21")
NOT_CONFLICTING = frozenset({"id", "site_id", "created_at"})
CREATES = frozenset({"c", "s"})
IN_CHUNK = 500

Authorize = Callable[["Change", "RowState | None"], str | None]


@dataclass
class Change:
    table: str
    record_id: str
    op: str
    fields: dict[str, Any]  # wire values
    hlc: str
    device: str
    user: str | None = None
    base: dict[str, Any] = field(default_factory=dict)
    seq: int = 0
    site_id: str | None = None  # for parking: the site of the device that sent it
    values: dict[str, Any] | None = None  # `fields` decoded already (the server's checks decode them)


@dataclass
class RowState:
    site_id: str | None
    deleted: bool


@dataclass
class Outcome:
    change: Change
    status: str  # applied | stale | parked | rejected
    won: dict[str, Any] = field(default_factory=dict)  # wire values that now hold
    created: bool = False
    site_id: str | None = None
    reason: str = ""


@dataclass
class Clock:
    hlc: str
    device: str


def conflict_id(table: str, record_id: str, field_name: str, loser_hlc: str) -> str:
    return str(uuid.uuid5(CONFLICT_NAMESPACE, f"{table}:{record_id}:{field_name}:{loser_hlc}"))


def _chunks(items: list[str], n: int = IN_CHUNK) -> Iterator[list[str]]:
    for i in range(0, len(items), n):
        yield items[i : i + n]


BIG_CHUNK = 5000  # ids a statement of `_select_in` (one parameter, whatever the number)


def _by_table(
    table_col: ColumnElement[str], id_col: ColumnElement[str], keys: list[tuple[str, str]]
) -> Iterator[ColumnElement[bool]]:
    """WHERE clauses for (table, record id) pairs: `table = t AND id IN (…)` per table, OR-ed together,
    at most IN_CHUNK ids a statement (one statement for a batch's few tables, each an index look-up)."""
    per: dict[str, list[str]] = {}
    for tname, rid in keys:
        per.setdefault(tname, []).append(rid)
    arms: list[ColumnElement[bool]] = []
    size = 0
    for tname, ids in per.items():
        for part in _chunks(ids):
            if arms and size + len(part) > IN_CHUNK:
                yield or_(*arms)
                arms, size = [], 0
            arms.append(and_(table_col == tname, id_col.in_(part)))
            size += len(part)
    if arms:
        yield or_(*arms)


_CLOCK_COLUMNS = ("table_name", "record_id", "field", "hlc", "device_id")
_UPSERT_CLOCKS = (
    f"INSERT INTO {CLOCKS.name} ({', '.join(_CLOCK_COLUMNS)}) {{values}} "
    "ON CONFLICT (table_name, record_id, field) DO UPDATE SET hlc = excluded.hlc, device_id = excluded.device_id"
)


_INSERT_STAR_CLOCKS = (
    f"INSERT INTO {CLOCKS.name} (table_name, record_id, field, hlc, device_id) VALUES (?, ?, '*', ?, ?)"
)


def upsert_clocks(conn: Connection, rows: list[dict[str, Any]]) -> None:
    """Insert or replace field clock rows ({table_name, record_id, field, hlc, device_id}), in order (a
    later row for the same field wins). One statement of arrays on PostgreSQL, the driver's executemany
    on SQLite."""
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        last = {
            (r["table_name"], r["record_id"], r["field"]): r for r in rows
        }  # one row per key and statement
        unique = list(last.values())
        arrays = ", ".join("%s::text[]" for _ in _CLOCK_COLUMNS)
        stmt = _UPSERT_CLOCKS.format(values=f"SELECT * FROM unnest({arrays})")
        for i in range(0, len(unique), 5000):
            part = unique[i : i + 5000]
            conn.exec_driver_sql(stmt, tuple(pg_text_array([r[k] for r in part]) for k in _CLOCK_COLUMNS))
        return
    stmt = _UPSERT_CLOCKS.format(values=f"VALUES ({', '.join('?' for _ in _CLOCK_COLUMNS)})")
    conn.exec_driver_sql(stmt, [tuple(r[k] for k in _CLOCK_COLUMNS) for r in rows])


def insert_rows(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """INSERT `rows` (dicts with the same keys) into `table`: the same rows as `conn.execute(insert(table),
    rows)`, without SQLAlchemy's per-row parameter machinery (a first sync inserts tens of thousands).
    The values go through the columns' own bind processors, and the columns' Python-side defaults are
    filled in as SQLAlchemy would (a time default once for the statement, as a database default would).
    SQLite: the driver's executemany over tuples; PostgreSQL (psycopg): COPY, one stream per statement
    instead of a round of INSERTs. Elsewhere, or for rows of different shapes, that statement itself."""
    if not rows:
        return
    first = rows[0].keys()
    dialect = conn.dialect.name
    plain = dialect in ("sqlite", "postgresql") and all(r.keys() == first for r in rows)
    filled: list[tuple[str, Any]] = []  # (column, scalar value or zero-argument callable)
    for col in table.columns:
        if col.name in first or col.default is None:
            continue
        default: Any = col.default
        if default.is_scalar:
            filled.append((col.name, default.arg))
        elif default.is_callable and _no_context(default.arg):
            inner = default.arg.__wrapped__
            filled.append((col.name, inner() if inner is utcnow else default.arg))
        else:
            plain = False
    if not plain:
        conn.execute(insert(table), rows)
        return
    # column by column: each column's values through its processor in one `map`, then the rows zipped
    names = [*first, *(name for name, _ in filled)]
    n = len(rows)
    cols: list[Any] = [[row[k] for row in rows] for k in first]
    for i, name in enumerate(first):
        proc = _bind_processor(table.c[name], conn.dialect)
        if proc is not None:
            cols[i] = list(map(proc, cols[i]))
    for name, fill in filled:
        proc = _bind_processor(table.c[name], conn.dialect)
        if callable(fill):
            cols.append([fill(None) if proc is None else proc(fill(None)) for _ in rows])
        else:  # one value for the statement: processed once
            cols.append([fill if proc is None else proc(fill)] * n)
    params = list(zip(*cols, strict=True))
    columns = ", ".join(f'"{n}"' for n in names)
    if dialect == "postgresql":
        raw: Any = conn.connection.dbapi_connection
        sql = f'COPY "{table.name}" ({columns}) FROM STDIN'
        dbapi_error = conn.dialect.loaded_dbapi.Error
        try:
            with raw.cursor() as cur, cur.copy(sql) as copy:
                for values in params:
                    copy.write_row(values)
        except dbapi_error as exc:  # as SQLAlchemy raises it (IntegrityError…): the callers catch DBAPIError
            raise DBAPIError.instance(sql, None, exc, dbapi_error) from exc
        return
    conn.exec_driver_sql(
        f'INSERT INTO "{table.name}" ({columns}) VALUES ({", ".join("?" * len(names))})', params
    )


_SAMPLE_TIMES = (
    datetime(2024, 2, 3, 4, 5, 6, 7),
    datetime(999, 1, 2),
    datetime(2024, 2, 3, 4, 5, 6),
    datetime(2024, 12, 31, 23, 59, 59, 999999),
    datetime(1, 1, 1),
)


_SAMPLE_DAYS = (date(2024, 2, 3), date(999, 1, 2), date(1, 1, 1), date(9999, 12, 31))


@lru_cache(maxsize=4096)
def _bind_processor(col: Any, dialect: Any) -> Callable[[Any], Any] | None:
    """The column's bind processor; on SQLite, for DATETIME, DATE and BOOLEAN a quicker one that writes
    the same value (checked against the original on sample values; anything else than the usual type goes
    to the original, which also raises what it raises)."""
    proc = col.type._cached_bind_processor(dialect)
    if proc is None or dialect.name != "sqlite":
        return proc
    slow: Callable[[Any], Any] = proc
    quick: Callable[[Any], Any]
    if isinstance(col.type, DateTime):

        def quick(value: Any) -> Any:
            if type(value) is datetime and value.tzinfo is None:
                # str() is isoformat(" ") without its argument parsing; it leaves out a zero microsecond
                return str(value) if value.microsecond else f"{value}.000000"
            return slow(value)

        samples: tuple[Any, ...] = _SAMPLE_TIMES
    elif isinstance(col.type, Date):

        def quick(value: Any) -> Any:
            return value.isoformat() if type(value) is date else slow(value)

        samples = _SAMPLE_DAYS
    elif isinstance(col.type, Boolean):

        def quick(value: Any) -> Any:
            return 1 if value is True else 0 if value is False else slow(value)

        samples = (True, False, None)
    else:
        return proc
    same = all(type(quick(v)) is type(slow(v)) and quick(v) == slow(v) for v in samples)
    return quick if same else proc


def _no_context(fn: Any) -> bool:
    """Whether SQLAlchemy wrapped a zero-argument default (it then ignores the context it is given)."""
    import inspect

    try:
        inner = getattr(fn, "__wrapped__", None)
        return inner is not None and not inspect.signature(inner).parameters
    except (TypeError, ValueError):
        return False


def clocks_of(conn: Connection, table: str, record_ids: list[str]) -> dict[str, dict[str, Clock]]:
    out: dict[str, dict[str, Clock]] = {}
    c = CLOCKS.c
    for part in _chunks(record_ids):
        q = select(c.record_id, c.field, c.hlc, c.device_id).where(
            c.table_name == table, c.record_id.in_(part)
        )
        for rid, fname, hlc, dev in conn.execute(q):
            out.setdefault(rid, {})[fname] = Clock(hlc, dev)
    return out


def held(clocks: dict[str, Clock], field_name: str) -> Clock | None:
    return clocks.get(field_name) or clocks.get("*")


class Merger:
    """Applies one batch of changes to the replica behind `conn` (inside the caller's transaction)."""

    def __init__(
        self,
        conn: Connection,
        *,
        detect_conflicts: bool = False,
        authorize: Authorize | None = None,
        now: datetime | None = None,
        lock_rows: bool = False,
        short_way: bool = True,
    ) -> None:
        self.conn = conn
        self.short_way = short_way  # False: every change the general way (`_one`), which the tests compare
        self.detect = detect_conflicts
        # PostgreSQL server: the rows a batch merges are locked (FOR UPDATE) when read, so a transaction of
        # another site that writes them (a national identity merge) waits, or the deadlock check picks one
        self.lock_rows = lock_rows and conn.dialect.name == "postgresql"
        self.authorize = authorize
        self.now = now or utcnow()
        self.tables = synced_tables()
        self.rows: dict[tuple[str, str], RowState | None] = {}
        self.clocks: dict[tuple[str, str], dict[str, Clock]] = {}
        self.parked: dict[tuple[str, str], list[dict[str, Any]]] = {}
        self.conflicts: list[dict[str, Any]] = []
        # pending writes
        self._inserts: list[tuple[str, dict[str, Any]]] = []
        self._insert_index: dict[tuple[str, str], dict[str, Any]] = {}
        self._updates: dict[tuple[str, str], dict[str, Any]] = {}
        self._dirty_clocks: dict[tuple[str, str, str], Clock] = {}
        # the "*" clocks of the short way's creates: records with no clock at all, so plain inserts (COPY on
        # PostgreSQL) instead of upserts (a first upload's server spent a fifth of a batch on those)
        self._new_clocks: list[tuple[str, str, str, str]] = []  # (table, record id, hlc, device)
        self._reset_clocks: set[tuple[str, str]] = set()
        self._park: list[dict[str, Any]] = []
        self._unpark: list[int] = []
        self._current: dict[tuple[str, str], dict[str, Any]] = {}

    # -- prefetch ------------------------------------------------------------------------------------------

    def prefetch(self, changes: Iterable[Change]) -> None:
        wanted: dict[str, set[str]] = {}
        for ch in changes:
            if ch.table in self.tables and (ch.table, ch.record_id) not in self.rows:
                wanted.setdefault(ch.table, set()).add(ch.record_id)
        # the rows and their clocks, table by table (rows locked on the server); parked changes of every table
        keys: list[tuple[str, str]] = []
        missing: list[tuple[str, str]] = []
        conn = self.conn
        for tname, ids in wanted.items():
            t = self.tables[tname].table
            id_list = sorted(ids)
            has_site = "site_id" in t.c
            cols = f"id, deleted{', site_id' if has_site else ''}"
            lock = " ORDER BY id FOR UPDATE" if self.lock_rows else ""
            found: dict[str, RowState] = {}
            for part in _chunks(id_list, BIG_CHUNK):
                for r in _select_in(conn, f'SELECT {cols} FROM "{tname}" WHERE id', part, lock):
                    found[r[0]] = RowState(site_id=r[2] if has_site else None, deleted=bool(r[1]))
            for rid in id_list:
                keys.append((tname, rid))
                self.rows[(tname, rid)] = found.get(rid)
                self.clocks[(tname, rid)] = {}
                if rid not in found:
                    missing.append((tname, rid))
        per_table: dict[str, list[str]] = {}
        for tname, rid in keys:
            per_table.setdefault(tname, []).append(rid)
        for tname, rids in per_table.items():
            for part in _chunks(rids, BIG_CHUNK):
                clocks_sql = (
                    f"SELECT record_id, field, hlc, device_id FROM {CLOCKS.name} "
                    f"WHERE table_name = {_param(conn)} AND record_id"
                )
                for rid, fname, stamp, dev in _select_in(conn, clocks_sql, part, "", tname):
                    self.clocks[(tname, rid)][fname] = Clock(stamp, dev)
        if not missing or conn.execute(select(PARKED.c.id).limit(1)).first() is None:
            return  # nothing is parked anywhere (the usual case): no look-up per record
        pc = PARKED.c
        for where in _by_table(pc.table_name, pc.record_id, missing):
            for prow in conn.execute(select(PARKED).where(where).order_by(pc.id)).mappings():
                self.parked.setdefault((prow["table_name"], prow["record_id"]), []).append(dict(prow))

    def row_state(self, table: str, record_id: str) -> RowState | None:
        return self.rows.get((table, record_id))

    # -- merge ---------------------------------------------------------------------------------------------

    def apply(self, changes: list[Change]) -> list[Outcome]:
        self.prefetch(changes)
        outcomes: list[Outcome] = []
        # a create of a record this replica has no trace of takes the short way (a device's pull, and on
        # the server after the same authorization `_one` asks for): no clocks to compare, no conflict
        rows, clocks, parked, tables, authorize = (
            self.rows,
            self.clocks,
            self.parked,
            self.tables,
            self.authorize,
        )
        for ch in changes:
            key = (ch.table, ch.record_id)
            if (
                self.short_way
                and ch.op in CREATES
                and rows.get(key, False) is None
                and not clocks.get(key)
                and key not in parked
                and ch.table in tables
            ):
                reason = authorize(ch, None) if authorize is not None else None
                if reason:
                    outcomes.append(Outcome(ch, "rejected", reason=reason))
                else:
                    outcomes.append(self._create(tables[ch.table], ch, key))
            else:
                outcomes.extend(self._one(ch))
        self.flush()
        return outcomes

    def _create(self, info: TableInfo, ch: Change, key: tuple[str, str]) -> Outcome:
        """`_one` for a create of a record this replica has neither a row, nor clocks, nor parked changes
        of, once authorized (a create has no conflict to detect): the same outcome and writes."""
        fields = ch.fields
        decoders = row_decoders(info.name)
        try:
            if ch.values is not None and ch.values.keys() == fields.keys():  # decoded by the server's checks
                values = dict(ch.values)
            else:
                values = {name: decoders[name](raw) for name, raw in fields.items()}
        except ValueRejected as exc:
            return Outcome(ch, "rejected", reason=str(exc))
        except KeyError:
            unknown = next((name for name in fields if name not in decoders), None)
            if unknown is None:
                raise
            return Outcome(ch, "rejected", reason=f"{info.name} has no field {unknown!r}")
        rid = values.setdefault("id", ch.record_id)
        if rid != ch.record_id:
            return Outcome(ch, "rejected", reason="id: does not match the record id")
        if not info.required.issubset(values):
            missing = info.required.difference(values)
            return Outcome(ch, "rejected", reason=f"incomplete create: missing {', '.join(sorted(missing))}")
        self._inserts.append((ch.table, values))
        self._insert_index[key] = values
        site = values.get("site_id")
        self.rows[key] = RowState(site_id=site, deleted=bool(values.get("deleted", False)))
        self.clocks[key] = {"*": Clock(ch.hlc, ch.device)}
        self._new_clocks.append((ch.table, ch.record_id, ch.hlc, ch.device))
        return Outcome(ch, "applied", won=fields, created=True, site_id=site)

    def _decode(self, info: TableInfo, ch: Change) -> dict[str, Any]:
        if ch.values is not None and ch.values.keys() == ch.fields.keys():
            values = ch.values
        else:
            values = {}
            decoders = row_decoders(info.name)
            for name, raw in ch.fields.items():
                decode = decoders.get(name)
                if decode is None:
                    raise ValueRejected(f"{info.name} has no field {name!r}")
                values[name] = decode(raw)
        if "id" in values and values["id"] != ch.record_id:
            raise ValueRejected("id: does not match the record id")
        return values

    def _one(self, ch: Change) -> list[Outcome]:
        info = self.tables.get(ch.table)
        if info is None:
            return [Outcome(ch, "rejected", reason=f"unknown table {ch.table!r}")]
        key = (ch.table, ch.record_id)
        if key not in self.rows:
            self.prefetch([ch])
        state = self.rows[key]
        if self.authorize is not None:
            reason = self.authorize(ch, state)
            if reason:
                return [Outcome(ch, "rejected", reason=reason)]
        try:
            values = self._decode(info, ch)
        except ValueRejected as exc:
            return [Outcome(ch, "rejected", reason=str(exc))]
        if state is None:
            if ch.op not in ("c", "s"):
                self._park.append(
                    {
                        "table_name": ch.table,
                        "record_id": ch.record_id,
                        "op": ch.op,
                        "fields": ch.fields,
                        "base": ch.base,
                        "hlc": ch.hlc,
                        "device_id": ch.device,
                        "user_id": ch.user,
                        "site_id": ch.site_id,
                        "reason": "the record has not arrived yet",
                        "created_at": self.now,
                    }
                )
                return [Outcome(ch, "parked", site_id=ch.site_id)]
            missing = info.required.difference(values, ("id",))
            if missing:
                return [
                    Outcome(ch, "rejected", reason=f"incomplete create: missing {', '.join(sorted(missing))}")
                ]
            row = {**values, "id": ch.record_id}
            self._inserts.append((ch.table, row))
            self._insert_index[key] = row
            site = row.get("site_id")
            self.rows[key] = RowState(site_id=site, deleted=bool(row.get("deleted", False)))
            if self.clocks.get(key):  # clocks without a row (a refused create's marker): start again
                self._reset_clocks.add(key)
            stamp = Clock(ch.hlc, ch.device)
            self.clocks[key] = {"*": stamp}
            self._dirty_clocks[(ch.table, ch.record_id, "*")] = stamp
            out = [Outcome(ch, "applied", won=dict(ch.fields), created=True, site_id=site)]
            waiting = self.parked.pop(key, None)
            for prow in sorted(waiting, key=lambda p: str(p["hlc"])) if waiting else ():
                self._unpark.append(int(prow["id"]))
                parked = Change(
                    table=ch.table,
                    record_id=ch.record_id,
                    op=str(prow["op"]),
                    fields=dict(prow["fields"]),
                    hlc=str(prow["hlc"]),
                    device=str(prow["device_id"]),
                    user=prow["user_id"],
                    base=dict(prow["base"] or {}),
                    site_id=prow["site_id"],
                )
                out.extend(self._one(parked))
            return out
        return [self._merge_existing(info, ch, values, state)]

    def _current_value(self, info: TableInfo, record_id: str, name: str) -> Any:
        key = (info.name, record_id)
        pending = self._insert_index.get(key)
        if pending is not None and name in pending:
            return pending[name]
        if key in self._updates and name in self._updates[key]:
            return self._updates[key][name]
        if key not in self._current:
            row = self.conn.execute(select(info.table).where(info.table.c.id == record_id)).mappings().first()
            self._current[key] = dict(row) if row else {}
        return self._current[key].get(name)

    def _wire(self, info: TableInfo, name: str, value: Any) -> str:
        from dipdesk.sync.protocol import encode

        return canonical(encode(info.columns[name], value))

    def _merge_existing(
        self, info: TableInfo, ch: Change, values: dict[str, Any], state: RowState
    ) -> Outcome:
        key = (ch.table, ch.record_id)
        clocks = self.clocks.setdefault(key, {})
        won: dict[str, Any] = {}
        won_values: dict[str, Any] = {}
        concurrent = self.detect and ch.op in ("u", "d")
        for name, value in values.items():
            if name == "id":
                continue
            cur = held(clocks, name)
            wins = cur is None or ch.hlc > cur.hlc
            if (
                concurrent
                and cur is not None
                and name not in NOT_CONFLICTING
                and cur.device != ch.device
                and ch.base.get(name) != cur.hlc
                and not (name == "deleted" and ch.op == "d")
            ):
                old = self._current_value(info, ch.record_id, name)
                if self._wire(info, name, old) != self._wire(info, name, value):
                    self._conflict(info, ch, name, cur, old, value, incoming_wins=wins)
            if wins:
                won[name] = ch.fields[name]
                won_values[name] = value
        if self.detect and ch.op == "u" and "deleted" not in values and state.deleted:
            dclock = held(clocks, "deleted")
            if dclock is not None and dclock.device != ch.device and ch.base.get("deleted") != dclock.hlc:
                self._delete_conflict(
                    info, ch, dclock, other=ch.fields, other_hlc=ch.hlc, other_dev=ch.device
                )
        if self.detect and ch.op == "d" and values.get("deleted") is True and not state.deleted:
            seen = str(ch.base.get("*seen") or "")
            later = {
                f: c
                for f, c in clocks.items()
                if f not in ("*", "deleted", "!") and c.hlc > seen and c.device != ch.device
            }
            if later:
                latest = max(later.values(), key=lambda c: c.hlc)
                other = {f: self._wire(info, f, self._current_value(info, ch.record_id, f)) for f in later}
                self._delete_conflict(
                    info,
                    ch,
                    Clock(ch.hlc, ch.device),
                    other={f: _loads(v) for f, v in other.items()},
                    other_hlc=latest.hlc,
                    other_dev=latest.device,
                )
        if not won:
            return Outcome(ch, "stale", site_id=state.site_id)
        pending = self._insert_index.get(key)
        if pending is not None:
            pending.update(won_values)
        else:
            self._updates.setdefault(key, {}).update(won_values)
        for name in won:
            clocks[name] = Clock(ch.hlc, ch.device)
            self._dirty_clocks[(ch.table, ch.record_id, name)] = clocks[name]
        if "deleted" in won_values:
            state.deleted = bool(won_values["deleted"])
        return Outcome(ch, "applied", won=won, site_id=state.site_id)

    def _conflict(
        self, info: TableInfo, ch: Change, name: str, cur: Clock, old: Any, new: Any, *, incoming_wins: bool
    ) -> None:
        held_user = None
        if incoming_wins:
            kept, kept_hlc, kept_dev, kept_user = new, ch.hlc, ch.device, ch.user
            other, other_hlc, other_dev, other_user = old, cur.hlc, cur.device, held_user
        else:
            kept, kept_hlc, kept_dev, kept_user = old, cur.hlc, cur.device, held_user
            other, other_hlc, other_dev, other_user = new, ch.hlc, ch.device, ch.user
        self.conflicts.append(
            {
                "id": conflict_id(info.name, ch.record_id, name, other_hlc),
                "site_id": self.rows[(info.name, ch.record_id)].site_id,  # type: ignore[union-attr]
                "kind": "field",
                "table_name": info.name,
                "record_id": ch.record_id,
                "field": name,
                "kept_value": self._wire(info, name, kept),
                "other_value": self._wire(info, name, other),
                "kept_hlc": kept_hlc,
                "other_hlc": other_hlc,
                "kept_device": kept_dev,
                "other_device": other_dev,
                "kept_user": kept_user,
                "other_user": other_user,
                "detected_at": self.now,
                "state": "open",
            }
        )

    def _delete_conflict(
        self,
        info: TableInfo,
        ch: Change,
        deleted: Clock,
        *,
        other: dict[str, Any],
        other_hlc: str,
        other_dev: str,
    ) -> None:
        self.conflicts.append(
            {
                "id": conflict_id(info.name, ch.record_id, "deleted", other_hlc),
                "site_id": self.rows[(info.name, ch.record_id)].site_id,  # type: ignore[union-attr]
                "kind": "delete",
                "table_name": info.name,
                "record_id": ch.record_id,
                "field": "deleted",
                "kept_value": "true",
                "other_value": canonical({k: v for k, v in other.items() if k != "id"}),
                "kept_hlc": deleted.hlc,
                "other_hlc": other_hlc,
                "kept_device": deleted.device,
                "other_device": other_dev,
                "kept_user": ch.user if deleted.hlc == ch.hlc else None,
                "other_user": ch.user if other_hlc == ch.hlc else None,
                "detected_at": self.now,
                "state": "open",
            }
        )

    # -- write ---------------------------------------------------------------------------------------------

    def flush(self) -> None:
        conn = self.conn
        # one executemany per table and set of columns, tables in foreign-key order (parents first),
        # rows of a table in the batch's order: a batch of people each with its audit entry is two
        # statements, not one per row (a child that came before its parent in the batch goes after it)
        rank = {name: i for i, name in enumerate(self.tables)}
        runs: dict[tuple[str, tuple[str, ...]], list[dict[str, Any]]] = {}
        for tname, row in self._inserts:
            runs.setdefault((tname, tuple(row)), []).append(row)  # a table's rows list their fields alike
        for tname, keys in sorted(runs, key=lambda k: rank[k[0]]):
            run = runs[(tname, keys)]
            if not _refers_to_itself(self.tables[tname].table):
                # by id: each index page is visited once, in order (a fifth less time than in batch order);
                # a table whose rows may refer to each other keeps the batch's order (parents first)
                run.sort(key=_by_id)
            # many rows of a table the dashboard's reach reads, or with a search index: counted and
            # indexed set-based after the insert
            ids = [r["id"] for r in run]
            with reach.inserting(conn, tname, ids), search_index.inserting(conn, tname, ids):
                insert_rows(conn, self.tables[tname].table, run)
        self._inserts, self._insert_index = [], {}

        grouped: dict[tuple[str, tuple[str, ...]], list[dict[str, Any]]] = {}
        for (tname, rid), vals in self._updates.items():
            if not vals:
                continue
            names = tuple(sorted(vals))
            grouped.setdefault((tname, names), []).append(
                {**{f"v_{k}": v for k, v in vals.items()}, "k_id": rid}
            )
        for (tname, names), params in grouped.items():
            t = self.tables[tname].table
            stmt = (
                update(t).where(t.c.id == bindparam("k_id")).values({n: bindparam(f"v_{n}") for n in names})
            )
            conn.execute(stmt, params)
        self._updates = {}

        if self._reset_clocks:
            c = CLOCKS.c
            by_table: dict[str, list[str]] = {}
            for tname, rid in sorted(self._reset_clocks):
                by_table.setdefault(tname, []).append(rid)
            for tname, rids in by_table.items():  # by table: the clocks' (table, record) index serves it
                for part in _chunks(rids):
                    conn.execute(
                        delete(CLOCKS).where(c.table_name == tname, c.record_id.in_(part), c.field != "*")
                    )
            self._reset_clocks = set()
        upsert_clocks(  # in key order, as the clocks' primary key index holds them (one clock per key)
            conn,
            [
                {"table_name": t, "record_id": r, "field": f, "hlc": c.hlc, "device_id": c.device}
                for (t, r, f), c in sorted(self._dirty_clocks.items(), key=_by_key)
            ],
        )
        self._dirty_clocks = {}
        if self._new_clocks:
            self._new_clocks.sort()  # in key order, as the clocks' primary key index holds them
            if conn.dialect.name == "sqlite":  # the driver's executemany over tuples, no dict per row
                conn.exec_driver_sql(_INSERT_STAR_CLOCKS, self._new_clocks)
            else:
                insert_rows(
                    conn,
                    CLOCKS,
                    [
                        {"table_name": t, "record_id": r, "field": "*", "hlc": h, "device_id": d}
                        for t, r, h, d in self._new_clocks
                    ],
                )
            self._new_clocks = []
        if self._park:
            conn.execute(insert(PARKED), self._park)
            self._park = []
        if self._unpark:
            pc = PARKED.c
            for i in range(0, len(self._unpark), IN_CHUNK):
                conn.execute(delete(PARKED).where(pc.id.in_(self._unpark[i : i + IN_CHUNK])))
            self._unpark = []


def _by_id(row: dict[str, Any]) -> str:
    return str(row["id"])


def _by_key(item: tuple[tuple[str, str, str], Clock]) -> tuple[str, str, str]:
    return item[0]


@cache
def _refers_to_itself(table: Table) -> bool:
    return any(fk.column.table is table for fk in table.foreign_keys)


def _loads(text: str) -> Any:
    import json

    return json.loads(text)
