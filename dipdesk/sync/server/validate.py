"""Every pushed change is checked here before the merge sees it, one change at a time: a bad value is that
change's rejection (with its reason), never the whole batch's, and nothing the server stores can later
break a pull or another device's clock (issue 17).

What a change must be:
- text that is valid Unicode everywhere (table, id, stamp, user, base, field names and values, inside
  JSON columns too): a lone surrogate stored once made every later pull of the site fail;
- values in range: finite numbers, whole numbers within 64 bits, dates and times between years
  `MIN_YEAR` and `MAX_YEAR`, each field decodable for its column;
- a clock stamp no further ahead of the server's clock than `hlc.MAX_AHEAD_MS`;
- a create that carries `created_at` (without it the replicas fill in their own and never agree);
- owned by the pushing device's site in every field: targets set for another site or national targets
  only from headquarters; users named in the change (`u`, `issued_by`, the audit entry's `user_id`…)
  users of the device's own site;
- audit entries are append-only: created once, never updated or deleted through sync.

The module is pure checking (reads only), kept apart from the push's locking and merging.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import orjson
from sqlalchemy import JSON, Boolean, Connection, Date, DateTime, Integer, Numeric, String, select

from dipdesk.sync import hlc
from dipdesk.sync.protocol import ValueRejected, encode, hq_site_id, row_decoders, synced_tables

MIN_YEAR = 1000
MAX_YEAR = 2999
INT_LIMIT = 2**63
MAX_DEPTH = 20
AUDIT_TABLE = "audit_entries"


def _user_columns() -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for name, info in synced_tables().items():
        cols = tuple(
            c.name
            for c in info.table.columns
            if any(fk.column.table.name == "users" for fk in c.foreign_keys)
        )
        if cols:
            out[name] = cols
    return out


_USER_COLUMNS: dict[str, tuple[str, ...]] = {}


def user_columns() -> dict[str, tuple[str, ...]]:
    if not _USER_COLUMNS:
        _USER_COLUMNS.update(_user_columns())
    return _USER_COLUMNS


def bad_text(value: str) -> str | None:
    """Why `value` cannot be stored as text (None when it can)."""
    if "\x00" in value:
        return "contains a NUL character"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return "is not valid Unicode (a lone surrogate)"
    return None


def bad_json(value: Any, depth: int = 0) -> str | None:
    """Why a JSON value (a field's value, or anything inside a JSON column) cannot be stored."""
    if depth > MAX_DEPTH:
        return "nested too deeply"
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, str):
        return bad_text(value)
    if isinstance(value, int):
        return None if -INT_LIMIT <= value < INT_LIMIT else "number out of range"
    if isinstance(value, float):
        return None if math.isfinite(value) else "number out of range (not finite)"
    if isinstance(value, dict):
        for k, v in value.items():
            why = bad_text(k) if isinstance(k, str) else "keys must be text"
            if why is None:
                why = bad_json(v, depth + 1)
            if why is not None:
                return why
        return None
    if isinstance(value, list):
        for v in value:
            why = bad_json(v, depth + 1)
            if why is not None:
                return why
        return None
    return "not a JSON value"


def _in_range(value: Any) -> bool:
    if isinstance(value, (dt.datetime, dt.date)):
        return MIN_YEAR <= value.year <= MAX_YEAR
    return True


@dataclass
class Batch:
    """What the checks need to know about one pushed batch, read once."""

    site_id: str
    now_ms: int
    hq: bool
    existing: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)  # table → id → row
    user_sites: dict[str, str | None] = field(default_factory=dict)  # user id → site id
    new_users: set[str] = field(default_factory=set)  # users this batch creates for its own site


def prepare_batch(conn: Connection, site_id: str, raw: Iterable[dict[str, Any]]) -> Batch:
    raw = list(raw)
    batch = Batch(site_id=site_id, now_ms=hlc.now_ms(), hq=site_id == hq_site_id())
    tables = synced_tables()
    wanted: dict[str, set[str]] = {}
    users: set[str] = set()
    ucols = user_columns()
    for rc in raw:
        t, rid, f = rc.get("t"), rc.get("id"), rc.get("f")
        if not isinstance(t, str) or not isinstance(rid, str) or t not in tables or bad_text(rid):
            continue
        if t in (AUDIT_TABLE, "targets", "users"):
            wanted.setdefault(t, set()).add(rid)
        if isinstance(rc.get("u"), str) and not bad_text(rc["u"]):
            users.add(rc["u"])
        if isinstance(f, dict):
            for col in ucols.get(t, ()):
                if isinstance(f.get(col), str) and not bad_text(f[col]):
                    users.add(f[col])
            if t == "users" and rc.get("op") in ("c", "s") and f.get("site_id") in (None, site_id):
                batch.new_users.add(rid)
    for t, ids in wanted.items():
        table = tables[t].table
        rows: dict[str, dict[str, Any]] = {}
        id_list = sorted(ids)
        for i in range(0, len(id_list), 500):
            q = select(table).where(table.c.id.in_(id_list[i : i + 500]))
            for r in conn.execute(q).mappings():
                rows[r["id"]] = dict(r)
        batch.existing[t] = rows
    ut = tables["users"].table
    user_list = sorted(users)
    for i in range(0, len(user_list), 500):
        for uid, usite in conn.execute(
            select(ut.c.id, ut.c.site_id).where(ut.c.id.in_(user_list[i : i + 500]))
        ):
            batch.user_sites[uid] = usite
    return batch


def _user_ok(batch: Batch, uid: Any) -> bool:
    if uid is None:
        return True
    if not isinstance(uid, str):
        return False
    if uid in batch.user_sites:
        return batch.user_sites[uid] == batch.site_id
    return uid in batch.new_users


def _plain(obj: dict[str, Any]) -> bool:
    """Whether `bad_json` would find nothing in a flat object of text, whole numbers, flags and nulls,
    told at the cost of one orjson run (which refuses a lone surrogate anywhere, keys included) instead of
    a walk over every value: the common case, a row's fields. False sends it to the walk, which names
    what is wrong, so this only ever skips work, never a check."""
    for value in obj.values():
        kind = type(value)
        if kind is str or value is None or kind is bool or (kind is int and -INT_LIMIT <= value < INT_LIMIT):
            continue
        return False
    try:
        written = orjson.dumps(obj)
    except TypeError:
        return False
    return b"\\u0000" not in written  # NUL is written escaped (a literal backslash-u0000 only costs the walk)


SCOPE = "\x00scope"  # `check_values`' verdict for a change only the site checks (`check_scope`) can decide
Verdict = tuple[str | None, dict[str, Any]]  # (`check_values`' verdict, the decoded values)


def check_change(rc: dict[str, Any], batch: Batch, decoded: dict[str, Any] | None = None) -> str | None:
    """Why the pushed change `rc` (wire form) must be refused, or None when it may go on to the merge.
    `decoded`, when given, receives the decoded value of each of its fields the table knows."""
    values = {} if decoded is None else decoded
    return finish_check(rc, batch, _values_verdict(rc, batch.now_ms, values))


def precheck(raw: Iterable[dict[str, Any]], *, clean: bool = False) -> dict[int, Verdict]:
    """`check_values` for each change of a push body (the first change of each seq), by seq: the checks
    that need no database, done before the push waits for its turn (a batch waiting while the one before
    it is applied has its values checked and decoded meanwhile). `finish_check` completes each one.
    `clean`: every text in the body is known storable (`push_body.read_push`)."""
    now = hlc.now_ms()
    out: dict[int, Verdict] = {}
    for rc in raw:
        seq = rc.get("seq")
        if isinstance(seq, int) and seq not in out:
            values: dict[str, Any] = {}
            out[seq] = (_values_verdict(rc, now, values, clean), values)
    return out


def finish_check(rc: dict[str, Any], batch: Batch, verdict: str | None) -> str | None:
    """The reason to refuse `rc` given `check_values`' verdict (the site checks run when it is SCOPE)."""
    if verdict != SCOPE:
        return verdict
    try:
        return check_scope(rc, batch)
    except Exception as exc:  # a value no check foresaw: that change is refused, the batch goes on
        return f"the change could not be checked ({type(exc).__name__})"


def _values_verdict(
    rc: dict[str, Any], now_ms: int, decoded: dict[str, Any], clean: bool = False
) -> str | None:
    try:
        return check_values(rc, now_ms, decoded, clean=clean)
    except Exception as exc:  # a value no check foresaw: that change is refused, the batch goes on
        return f"the change could not be checked ({type(exc).__name__})"


@cache
def _dated(table: str) -> tuple[str, ...]:
    """The columns of `table` whose decoded values may be dates or times (range-checked): every column but
    those of types that never decode to one (text, numbers, flags, JSON)."""
    plain = (String, Boolean, Integer, Numeric, JSON)
    return tuple(
        name
        for name, col in synced_tables()[table].columns.items()
        if isinstance(col.type, (DateTime, Date)) or not isinstance(col.type, plain)
    )


def _out_of_range(names: Iterable[str], decoded: dict[str, Any]) -> str | None:
    for name in names:
        value = decoded.get(name)
        if isinstance(value, dt.date) and not _in_range(value):
            return f"{name}: date out of range (years {MIN_YEAR}–{MAX_YEAR})"
    return None


def _flat(obj: dict[str, Any]) -> bool:
    """Whether `bad_json` would find nothing in an object whose texts are all known storable (`clean`):
    then only a whole number beyond 64 bits or a deep nesting could be wrong, and a flat object of text,
    whole numbers in range, flags, finite numbers (orjson reads no other) and nulls has neither."""
    for value in obj.values():
        kind = type(value)
        if kind is str or value is None or kind is bool or kind is float:
            continue
        if kind is int and -INT_LIMIT <= value < INT_LIMIT:
            continue
        return False
    return True


def check_values(
    rc: dict[str, Any], now_ms: int, decoded_values: dict[str, Any], *, clean: bool = False
) -> str | None:
    """The checks of a change that need no database (text, JSON, stamp, each field decoded for its column
    into `decoded_values`, dates in range), against the server's time `now_ms`: a reason, None when the
    change needs nothing more (an unknown table is the merge's to name, a table not owned by sites has
    no site checks), or SCOPE when `check_scope` decides. `clean`: every text in the change is known
    storable (`push_body.read_push`), so the text checks are skipped; every other check runs."""
    fields = rc.get("f")
    if clean and isinstance(fields, dict) and _flat(fields):
        return _decoded(rc, fields, now_ms, decoded_values)
    keys = [v for v in (rc.get("t"), rc.get("id"), rc.get("h"), rc.get("u")) if isinstance(v, str)]
    if bad_text("".join(keys)):  # one check for the four (a NUL or a surrogate stays one when joined)
        for key in ("t", "id", "h", "u"):
            v = rc.get(key)
            if isinstance(v, str):
                why = bad_text(v)
                if why:
                    return f"{key}: {why}"
    base = rc.get("b") or {}
    if base and not (isinstance(base, dict) and _plain(base)):
        why = bad_json(base)
        if why:
            return f"b: {why}"
    if not isinstance(fields, dict):
        return "f: must be an object"
    if not _plain(fields):
        for name, value in fields.items():
            why = bad_text(name) or bad_json(value)
            if why:
                return f"{name[:60]!a}: {why}"
    return _decoded(rc, fields, now_ms, decoded_values)


def _decoded(
    rc: dict[str, Any], fields: dict[str, Any], now_ms: int, decoded_values: dict[str, Any]
) -> str | None:
    """`check_values` from the stamp on: the stamp, each field decoded, dates in range."""
    stamp = rc.get("h")
    try:
        physical = hlc.physical_of(stamp) if isinstance(stamp, str) else None
    except ValueError:
        physical = None
    if physical is None:
        return "h: not a clock stamp"
    if physical > now_ms + hlc.MAX_AHEAD_MS:
        return (
            "h: the clock stamp is more than "
            f"{hlc.MAX_AHEAD_MS // 86_400_000} days ahead of the server's clock (check the device's date)"
        )
    table = rc.get("t")
    info = synced_tables().get(table) if isinstance(table, str) else None
    if info is None:
        return None  # the merge names unknown tables (and the conflicts table) itself
    decoders = row_decoders(info.name)
    try:  # every field known and decodable (the usual case): at once; else one by one, for the reason
        decoded_values.update({name: decoders[name](value) for name, value in fields.items()})
    except (KeyError, ValueRejected, ValueError, OverflowError, ArithmeticError):
        decoded_values.clear()
    else:
        why = _out_of_range(_dated(info.name), decoded_values)
        return why or (SCOPE if info.site_owned else None)
    for name, value in fields.items():
        decode = decoders.get(name)
        if decode is None:
            continue
        try:
            decoded_values[name] = decode(value)
        except ValueRejected as exc:  # a date decoded before it and out of range is named first
            return _out_of_range(decoded_values, decoded_values) or str(exc)
        except (ValueError, OverflowError, ArithmeticError):
            return _out_of_range(decoded_values, decoded_values) or f"{name}: value out of range"
    why = _out_of_range(_dated(info.name), decoded_values)
    if why:
        return why
    return SCOPE if info.site_owned else None


def check_scope(rc: dict[str, Any], batch: Batch) -> str | None:
    """The checks of a change of a site-owned table (after `check_values` passed) that read what the
    database holds (`batch`): the site's own records and users only, audit entries append-only, targets."""
    info = synced_tables()[rc["t"]]
    fields = rc["f"]
    rid = rc["id"]
    op = rc.get("op")
    existing = batch.existing.get(info.name, {}).get(rid)
    if "site_id" in fields and fields["site_id"] != batch.site_id:
        return "site_id: a device may only write records of its own site"
    if op in ("c", "s") and existing is None and "created_at" not in fields and "created_at" in info.columns:
        return "incomplete create: missing created_at"
    if not _user_ok(batch, rc.get("u")):
        return "u: the change is credited to a user of another site"
    for ucol in user_columns().get(info.name, ()):
        if ucol in fields and not _user_ok(batch, fields[ucol]):
            return f"{ucol}: names a user of another site"
    if info.name == AUDIT_TABLE and existing is not None:
        if op in ("c", "s") and all(
            name in info.columns and encode(info.columns[name], existing.get(name)) == value
            for name, value in fields.items()
            if name != "updated_at"
        ):
            return None
        return "audit entries are append-only: an entry is never changed or deleted"
    if info.name == AUDIT_TABLE and op in ("u", "d"):
        return "audit entries are append-only: an entry is never changed or deleted"
    if existing is not None and existing.get("site_id") != batch.site_id:
        return None  # another site's row: the merge refuses it and gives the server's values back
    if info.name == "targets" and not batch.hq:
        current = existing or {}
        for_site = fields.get("for_site_id", current.get("for_site_id"))
        program = fields.get("program_id", current.get("program_id"))
        if for_site is not None and for_site != batch.site_id:
            return "for_site_id: only headquarters sets targets for another site"
        if for_site is None and program is None:
            return "targets: only headquarters sets national targets"
    return None
