"""The wire protocol shared by the device and the server: schema version, which tables and fields travel,
how values are written as JSON (and checked when read back), and the canonical form digests are made of.

A change on the wire (push and pull alike) is a small JSON object with short keys, because tens of
thousands of them travel on a first sync:

    {"seq": 17,            device sequence (push) / "s": server sequence (pull)
     "t": "people",        table
     "id": "…uuid…",       record id
     "op": "u",            c create | s snapshot (create of a row captured late) | u update | d delete |
                           r resolution of a conflict (table "sync_conflicts")
     "f": {"phone": "0812345678"},   changed fields, real values (national IDs too: the audit trail
                                     masks them, the outbox must not)
     "h": "…hlc…",         the change's hybrid logical clock stamp
     "b": {"phone": "…hlc…"},        push only: the stamp of each field's value the author held, so the
                                     server can tell a sequential edit from a concurrent one
     "u": "…user id…"}     who made it (pull also carries "d": the device)

Every payload carries `schema_version`. A server accepts clients of its own version or older (it leaves
out fields an older client does not know) and refuses a newer client with HTTP 426 and a message.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    ColumnElement,
    Date,
    DateTime,
    Float,
    Integer,
    Numeric,
    Table,
    and_,
    or_,
    select,
    true,
)
from sqlalchemy.types import String

from dipdesk.store import jsoncodec
from dipdesk.store.base import Synced
from dipdesk.store.models import Base

# The schema version a client and server speak: the number of the newest migration they know.
SCHEMA_VERSION = 7

# Fields (per table) that appeared in a schema version, so a server can leave them out for older
# clients ("*": the whole table is new). Add an entry with the migration that adds a synced column.
# Version 4: the merges of one person / one enterprise nationally (migration 0014).
# Version 5: the lab's quality records (migration 0012, issue 15): instruments, calibrations,
# worksheets, QC, retention and disposal, payments; the instrument/worksheet/override of an analysis.
# Version 6: follow-ups after activities and the evidence behind outcomes (migration 0011, issue 14).
# Version 7: `users.must_change_password` (migration 0010, issue 10): a reset password travels as
# "change it at the next log-in".
LAB_QUALITY_TABLES = (
    "lab_instruments",
    "lab_instrument_events",
    "lab_worksheets",
    "lab_control_materials",
    "lab_qc_results",
    "lab_retention",
    "lab_disposals",
    "lab_payments",
)
FIELDS_SINCE: dict[int, dict[str, tuple[str, ...]]] = {
    4: {"merges": ("*",)},
    5: {
        "lab_analyses": ("instrument_id", "worksheet_id", "override_reason", "override_by"),
        **{t: ("*",) for t in LAB_QUALITY_TABLES},
    },
    6: {"followups": ("*",), "outcome_evidence": ("*",)},
    7: {"users": ("must_change_password",)},
}

REFERENCE_TABLES = ("provinces", "sites", "site_provinces")
# The only reference field a device may write: its own site's public key (for certificate QR checks).
DEVICE_WRITABLE_REFERENCE = {"sites": frozenset({"public_key"})}
# Headquarters' site: it owns the reference data kept in site-owned tables (certificate templates).
HQ_SITE_CODE = "DIPROM"
# Rows of site-owned tables that a site downloads although another site owns them (SYNC.md #7: "reference
# data plus what it is entitled to"); see `shared_rows`. Bump when the rule widens: a device that pulled
# under an older rule fetches the shared rows of its log once more (`dipdesk.sync.client`).
# Version 2: the people a site serves (found at another site by national ID and enrolled here,
# `dipdesk.sync.lookup`).
# Merges (migration 0014): every merge row goes to every site (ids only, the aliases); the record a
# site's record was merged into goes to that site, with the group and owner it names (the merged record,
# nothing more), so its references still resolve there (`dipdesk.sync.server.identity`).
SHARED_TABLES = ("certificate_templates", "targets", "people", "groups", "enterprises", "merges")
SHARED_SCOPE_VERSION = 2
# Each replica keeps its own "changed here at" and its own "last logged in here" (a log-in on two laptops
# of one site would otherwise be a sync conflict on the user's row every time).
NOT_SYNCED_FIELDS = frozenset({"updated_at", "last_login_at"})
CONFLICTS_TABLE = "sync_conflicts"

HEADER_DEVICE = "X-Dipdesk-Device"
HEADER_SECRET = "X-Dipdesk-Secret"
HEADER_SCHEMA = "X-Dipdesk-Schema"

PUSH_MAX_CHANGES = 2000
PUSH_MAX_BYTES = 1024 * 1024
PULL_DEFAULT_LIMIT = 2000
PULL_MAX_LIMIT = 5000
PULL_MAX_BYTES = 1024 * 1024  # the text of a pull answer of at most PULL_DEFAULT_LIMIT changes
# A first download asks for larger batches after its first one: up to PULL_FIRST_LIMIT changes and
# PULL_FIRST_BYTES of text (the server holds one answer in memory at a time per request, as before)
PULL_FIRST_LIMIT = PULL_MAX_LIMIT
PULL_FIRST_BYTES = 4 * 1024 * 1024

_INT32 = 2**31 - 1
_INT64 = 2**63 - 1


class ValueRejected(ValueError):
    """A wire value does not fit its column (the reason is shown to the user)."""


@dataclass(frozen=True)
class TableInfo:
    name: str
    table: Table
    fields: tuple[str, ...]  # synced columns, in table order
    columns: dict[str, Column[Any]]
    required: frozenset[str]  # columns a create must carry (NOT NULL, no default)
    site_owned: bool
    reference: bool


@cache
def synced_tables() -> dict[str, TableInfo]:
    """Every synced table (a model with the `Synced` columns), in foreign-key order."""
    models = {m.class_.__tablename__: m.class_ for m in Base.registry.mappers}
    out: dict[str, TableInfo] = {}
    for table in Base.metadata.sorted_tables:
        model = models.get(table.name)
        if model is None or not issubclass(model, Synced):
            continue
        cols = {c.name: c for c in table.columns if c.name not in NOT_SYNCED_FIELDS}
        required = frozenset(
            c.name
            for c in cols.values()
            if not c.nullable and c.default is None and c.server_default is None and c.name != "id"
        )
        out[table.name] = TableInfo(
            name=table.name,
            table=table,
            fields=tuple(cols),
            columns=cols,
            required=required | {"id"},
            site_owned="site_id" in cols and table.name not in REFERENCE_TABLES,
            reference=table.name in REFERENCE_TABLES,
        )
    return out


def hq_site_id() -> str:
    from dipdesk.store.reference_data import site_id

    return site_id(HQ_SITE_CODE)


def shared_rows(info: TableInfo, site_id: str) -> ColumnElement[bool] | None:
    """Which rows of `info`'s table a device of `site_id` holds although another site owns them (None:
    none). Headquarters' certificate templates go to every site (templates are data synced from
    headquarters); of the year's targets, the national ones (no site, no program) and those set for the
    site (`for_site_id`) go to it. Only the owner may change them: uploads stay checked against the
    device's credential (`dipdesk.sync.server.push`). The rule reads the row as it is now, on the server
    for pulls and on both sides for digests, so a row's scope follows its (never re-assigned) owner keys."""
    t = info.table
    if info.name == "certificate_templates":
        return t.c.site_id == hq_site_id()
    if info.name == "targets":
        return or_(
            t.c.for_site_id == site_id,
            and_(t.c.for_site_id.is_(None), t.c.program_id.is_(None)),
        )
    if info.name == "people":  # a person another site registered, whom this site serves (enrolled here)
        enrollments = synced_tables()["enrollments"].table
        # once served, always in scope (a cancelled enrollment stays as a tombstone), so the row never
        # drops out of the digests of one side only
        return or_(
            t.c.id.in_(select(enrollments.c.person_id).where(enrollments.c.site_id == site_id)),
            t.c.id.in_(_kept_for(site_id, "people")),
            t.c.id.in_(
                select(_table("enterprises").c.owner_person_id).where(
                    _table("enterprises").c.id.in_(_kept_for(site_id, "enterprises"))
                )
            ),
        )
    if info.name == "enterprises":
        return t.c.id.in_(_kept_for(site_id, "enterprises"))
    if info.name == "groups":
        return t.c.id.in_(
            select(_table("enterprises").c.group_id).where(
                _table("enterprises").c.id.in_(_kept_for(site_id, "enterprises"))
            )
        )
    if info.name == "merges":
        return true()
    return None


def _table(name: str) -> Table:
    return synced_tables()[name].table


def _kept_for(site_id: str, kind: str) -> Any:
    """Ids of the records that records of `site_id` were merged into (once merged, always in scope)."""
    m = _table("merges")
    return select(m.c.kept_id).where(m.c.site_id == site_id, m.c.kind == kind)


def in_scope(info: TableInfo, site_id: str) -> ColumnElement[bool] | None:
    """The rows of `info`'s table a device of `site_id` holds (None: all of them, reference data)."""
    if not info.site_owned:
        return None
    own = info.table.c.site_id == site_id
    shared = shared_rows(info, site_id)
    return own if shared is None else or_(own, shared)


# --- values ----------------------------------------------------------------------------------------------


def _scale(col: Column[Any]) -> int:
    scale = getattr(col.type, "scale", None)
    return int(scale) if scale is not None else 2


def encode(col: Column[Any], value: Any) -> Any:
    """A column value as JSON (Decimal and dates as text; exact, and the same on every back end)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    if isinstance(col.type, Numeric) and not isinstance(col.type, Float):
        d = value if isinstance(value, Decimal) else Decimal(str(value))
        return format(d.quantize(Decimal(1).scaleb(-_scale(col)), rounding="ROUND_HALF_UP"), "f")
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(col.type, Float):
        return float(value)
    if isinstance(value, Decimal):
        return format(value, "f")
    return value


def decode(col: Column[Any], value: Any) -> Any:
    """A wire value as the column's Python value; raises ValueRejected with a reason when it does not fit."""
    name = col.name
    if value is None:
        if not col.nullable:
            raise ValueRejected(f"{name}: is required (null given)")
        return None
    typ = col.type
    if isinstance(typ, Boolean):
        if isinstance(value, bool):
            return value
        raise ValueRejected(f"{name}: must be true or false")
    if isinstance(typ, (Integer, BigInteger)):
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueRejected(f"{name}: must be a whole number")
        limit = _INT64 if isinstance(typ, BigInteger) else _INT32
        if not -limit - 1 <= value <= limit:
            raise ValueRejected(f"{name}: number out of range")
        return value
    if isinstance(typ, Float):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            raise ValueRejected(f"{name}: must be a number")
        return float(value)
    if isinstance(typ, Numeric):
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            raise ValueRejected(f"{name}: must be a decimal number")
        try:
            d = Decimal(str(value))
        except InvalidOperation as exc:
            raise ValueRejected(f"{name}: must be a decimal number") from exc
        if not d.is_finite():
            raise ValueRejected(f"{name}: must be a finite number")
        precision = getattr(typ, "precision", None) or 18
        d = d.quantize(Decimal(1).scaleb(-_scale(col)), rounding="ROUND_HALF_UP")
        if abs(d) >= Decimal(10) ** (precision - _scale(col)):
            raise ValueRejected(f"{name}: number too large")
        return d
    if isinstance(typ, DateTime):
        if not isinstance(value, str) or len(value) > 40:
            raise ValueRejected(f"{name}: must be a date and time (ISO 8601)")
        try:
            parsed = dt.datetime.fromisoformat(value)
        except ValueError as exc:
            raise ValueRejected(f"{name}: must be a date and time (ISO 8601)") from exc
        if parsed.tzinfo is not None:
            parsed = parsed.astimezone(dt.UTC).replace(tzinfo=None)
        return parsed
    if isinstance(typ, Date):
        if not isinstance(value, str) or len(value) != 10:
            raise ValueRejected(f"{name}: must be a date (YYYY-MM-DD)")
        try:
            return dt.date.fromisoformat(value)
        except ValueError as exc:
            raise ValueRejected(f"{name}: must be a date (YYYY-MM-DD)") from exc
    if isinstance(typ, JSON):
        if not isinstance(value, (dict, list)):
            raise ValueRejected(f"{name}: must be a JSON object or list")
        return value
    if isinstance(typ, String):
        if not isinstance(value, str):
            raise ValueRejected(f"{name}: must be text")
        if "\x00" in value:
            raise ValueRejected(f"{name}: contains a NUL character")
        if typ.length and len(value) > typ.length:
            raise ValueRejected(f"{name}: longer than {typ.length} characters")
        return value
    raise ValueRejected(f"{name}: values of this column do not travel")


@cache
def decoder(col: Column[Any]) -> Callable[[Any], Any]:
    """`decode` for one column, with the common cases (text, whole numbers, flags) made cheap: a first
    sync decodes hundreds of thousands of values."""
    name, nullable, typ = col.name, col.nullable, col.type

    def absent() -> None:
        if not nullable:
            raise ValueRejected(f"{name}: is required (null given)")
        return None

    if isinstance(typ, String) and not isinstance(typ, (JSON, DateTime, Date)):
        length = typ.length

        def text(value: Any) -> Any:
            if type(value) is str:
                if (length and len(value) > length) or "\x00" in value:
                    return decode(col, value)  # raises with the reason
                return value
            return absent() if value is None else decode(col, value)

        return text
    if isinstance(typ, Boolean):

        def flag(value: Any) -> Any:
            if value is True or value is False:
                return value
            return absent() if value is None else decode(col, value)

        return flag
    if isinstance(typ, DateTime):

        def stamp(value: Any) -> Any:
            if type(value) is str and len(value) <= 40:
                try:
                    parsed = dt.datetime.fromisoformat(value)
                except ValueError:
                    return decode(col, value)  # raises with the reason
                if parsed.tzinfo is None:
                    return parsed
            return absent() if value is None else decode(col, value)

        return stamp
    if isinstance(typ, Date):

        def day(value: Any) -> Any:
            if type(value) is str and len(value) == 10:
                try:
                    return dt.date.fromisoformat(value)
                except ValueError:
                    return decode(col, value)  # raises with the reason
            return absent() if value is None else decode(col, value)

        return day
    if isinstance(typ, (Integer, BigInteger)):
        top = _INT64 if isinstance(typ, BigInteger) else _INT32

        def whole(value: Any) -> Any:
            if type(value) is int and -top - 1 <= value <= top:
                return value
            return absent() if value is None else decode(col, value)

        return whole
    if isinstance(typ, Numeric) and not isinstance(typ, Float):
        quantum = Decimal(1).scaleb(-_scale(col))
        limit = Decimal(10) ** ((getattr(typ, "precision", None) or 18) - _scale(col))

        def number(value: Any) -> Any:
            kind = type(value)
            if kind is str or kind is int:
                try:
                    d = Decimal(value).quantize(quantum, rounding="ROUND_HALF_UP")
                except (InvalidOperation, ValueError):
                    return decode(col, value)  # raises with the reason
                if d.is_finite() and abs(d) < limit:
                    return d
            return absent() if value is None else decode(col, value)

        return number
    return lambda value: decode(col, value)


@cache
def encoder(col: Column[Any]) -> Callable[[Any], Any]:
    """`encode` for one column, with the common cases (text, whole numbers, flags, times) made cheap: a
    first sync encodes hundreds of thousands of values."""
    typ = col.type

    def slow(value: Any) -> Any:
        return encode(col, value)

    if isinstance(typ, String) and not isinstance(typ, (JSON, DateTime, Date)):
        return lambda value: value if value is None or type(value) is str else encode(col, value)
    if isinstance(typ, Boolean):
        return lambda value: value if value is None or value is True or value is False else encode(col, value)
    if isinstance(typ, (Integer, BigInteger)):
        return lambda value: value if value is None or type(value) is int else encode(col, value)
    if isinstance(typ, DateTime):
        return lambda value: (
            value.replace(tzinfo=None).isoformat() if type(value) is dt.datetime else encode(col, value)
        )
    if isinstance(typ, Date):
        return lambda value: value.isoformat() if type(value) is dt.date else encode(col, value)
    if isinstance(typ, JSON):
        return lambda value: value if type(value) is dict or type(value) is list else encode(col, value)
    return slow


_NONE = type(None)


@cache
def unchanged_by_encoder(col: Column[Any]) -> frozenset[type]:
    """The value types `encoder(col)` returns as they are: a column whose values are all of these needs
    no encoding (told at C speed by `frozenset.issuperset(map(type, values))`)."""
    typ = col.type
    if isinstance(typ, String) and not isinstance(typ, (JSON, DateTime, Date)):
        return frozenset({str, _NONE})
    if isinstance(typ, Boolean):
        return frozenset({bool, _NONE})
    if isinstance(typ, (Integer, BigInteger)):
        return frozenset({int, _NONE})
    if isinstance(typ, JSON):
        return frozenset({dict, list})
    return frozenset()


@cache
def row_encoders(table: str) -> tuple[tuple[str, Callable[[Any], Any]], ...]:
    info = synced_tables()[table]
    return tuple((f, encoder(info.columns[f])) for f in info.fields)


@cache
def row_decoders(table: str) -> dict[str, Callable[[Any], Any]]:
    """Each synced column's `decoder`, by name."""
    info = synced_tables()[table]
    return {name: decoder(col) for name, col in info.columns.items()}


def encode_row(info: TableInfo, row: Any) -> dict[str, Any]:
    """Synced fields of a row (a Row mapping or an ORM object) as wire values."""
    get = row.__getitem__ if hasattr(row, "keys") else lambda k: getattr(row, k)
    return {f: enc(get(f)) for f, enc in row_encoders(info.name)}


def dumps(obj: Any) -> str:
    return jsoncodec.dumps(obj)


def canonical(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
