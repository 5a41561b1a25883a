"""One person, one enterprise nationally, on the server (SYNC.md guarantee 13; docs/national.md §5).

Called by `push.apply_push` inside the push's write transaction, after the batch is applied:

1. a person (national ID) or enterprise (juristic registration ID) the batch created or re-identified that
   the server already holds under another live record id: the records become one. The canonical record
   is the oldest (`created_at`, then the smaller id), so the answer does not depend on who pushed first;
   the others are merged into it (`dipdesk.sync.identity.plan_merge`), and earlier merges into a record
   that is now merged away follow on to the canonical one (no alias chains);
2. a reference the batch wrote to a merged-away id (a device that was offline during the merge) is
   re-pointed to the kept record;
3. a merge a device made (the review list) reaches the references other sites hold.

All of it is one transaction with the push (the change-log lock held), so a kill or a cut connection
leaves either the whole merge or none of it, and a replayed push finds the merge done (merge rows are
keyed by the merged id). The server writes at one clock of its own, higher than every value it replaces,
as ordinary logged changes, so every device follows by pulling. Before the references, the kept record
is logged again whole (with its field clocks, and the owner and group it names), because a site whose
record was merged away is now entitled to it (`protocol.shared_rows`) but has pulled past its creation.
Privacy: no site receives anything it is not entitled to; merge rows carry ids only.
"""

from __future__ import annotations

import uuid
import zlib
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, insert, select, text, update

from dipdesk.store.base import utcnow
from dipdesk.store.merges import MERGE_KINDS, merge_id
from dipdesk.store.sync import CHANGES, CONFLICTS
from dipdesk.sync import hlc
from dipdesk.sync.identity import (
    IDENTITY_FIELD,
    Edit,
    MergePlan,
    MergeRefused,
    plan_merge,
    reference_edits,
    references,
    resolve,
)
from dipdesk.sync.merge import Clock, Outcome, clocks_of, conflict_id, held, upsert_clocks
from dipdesk.sync.protocol import canonical, encode, encode_row, synced_tables

# The server's own writes (merges): a device id no device has, so every device pulls them.
SERVER_DEVICE = "00000000-0000-0000-0000-00000000d1fd"
_clock = hlc.Clock(SERVER_DEVICE)
IDENTITY_LOCK_CLASS = 0x6D65  # "me": advisory locks per national / registration ID (`_lock_identities`)


def after_push(conn: Connection, outcomes: Iterable[Outcome]) -> int:
    """Merge what the applied changes made one (see the module docstring); returns the merges made."""
    applied = [o for o in outcomes if o.status == "applied"]
    if not applied:
        return 0
    made = 0
    idents: dict[str, set[str]] = {}
    aliases: dict[str, set[str]] = {}
    device_merges: list[str] = []
    refs: dict[str, list[tuple[str, str]]] = {}  # table -> (kind, column) of its references to merged kinds
    for kind in MERGE_KINDS:
        for rtable, column in references(kind):
            refs.setdefault(rtable, []).append((kind, column))
    for o in applied:
        t, won = o.change.table, o.won
        if t in IDENTITY_FIELD and won.get(IDENTITY_FIELD[t]):
            idents.setdefault(t, set()).add(str(won[IDENTITY_FIELD[t]]))
        if t == "merges" and o.created:
            device_merges.append(o.change.record_id)
        for kind, column in refs.get(t, ()):
            if won.get(column):
                aliases.setdefault(kind, set()).add(str(won[column]))
    for kind in MERGE_KINDS:  # always in this order (the identity locks)
        if kind in idents:
            made += _merge_identities(conn, kind, sorted(idents[kind]))
    m = synced_tables()["merges"].table
    for mid in device_merges:
        row = conn.execute(select(m).where(m.c.id == mid)).mappings().first()
        if row is not None and not row["deleted"] and row["kind"] in MERGE_KINDS:
            kept = resolve(conn, row["kind"], row["kept_id"])
            _apply_edits(
                conn, reference_edits(conn, row["kind"], kept, row["merged_id"]), user=row["decided_by"]
            )
    for kind, ids in aliases.items():
        found = conn.execute(
            select(m.c.merged_id).where(
                m.c.kind == kind, m.c.merged_id.in_(sorted(ids)), m.c.deleted.is_(False)
            )
        ).scalars()
        for merged in sorted(set(found)):
            kept = resolve(conn, kind, merged)
            if kept != merged:
                _apply_edits(conn, reference_edits(conn, kind, kept, merged), user=None)
    return made


def _lock_identities(conn: Connection, kind: str, values: list[str]) -> None:
    """Two pushes that bring the same national ID at once must not both miss each other: each holds a
    transaction lock per identity (in sorted order, so two never wait on each other) before looking.
    Today the change-log lock already serialises pushes; this keeps merges right if pushes run in
    parallel. SQLite's write transactions are exclusive anyway."""
    if conn.dialect.name != "postgresql":
        return
    keys = [zlib.crc32(f"{kind}:{value}".encode()) - 2**31 for value in values]
    for i in range(0, len(keys), 1000):  # one statement takes them one after the other, in this order
        conn.execute(
            text("SELECT count(pg_advisory_xact_lock(:a, k)) FROM unnest(CAST(:keys AS integer[])) AS u(k)"),
            {"a": IDENTITY_LOCK_CLASS, "keys": keys[i : i + 1000]},
        )


def _merge_identities(conn: Connection, kind: str, values: list[str]) -> int:
    _lock_identities(conn, kind, values)
    info = synced_tables()[kind]
    t = info.table
    col = t.c[IDENTITY_FIELD[kind]]
    made = 0
    for i in range(0, len(values), 500):
        rows = conn.execute(
            select(t.c.id, col, t.c.created_at)
            .where(col.in_(values[i : i + 500]), t.c.deleted.is_(False))
            .order_by(col, t.c.created_at, t.c.id)
        ).all()
        groups: dict[str, list[str]] = {}
        for rid, ident, _created in rows:
            groups.setdefault(ident, []).append(rid)
        for ids in groups.values():
            kept = ids[0]
            for merged in ids[1:]:
                try:
                    plan = plan_merge(conn, kind, kept, merged)
                except MergeRefused:
                    continue
                apply_plan(conn, plan, reason=IDENTITY_FIELD[kind], decided_by=None)
                made += 1
    return made


def _stamp(conn: Connection, touched: dict[str, set[str]]) -> str:
    """A server clock higher than every clock held by the records the merge changes."""
    highest = ""
    for table, ids in touched.items():
        for per_record in clocks_of(conn, table, sorted(ids)).values():
            for c in per_record.values():
                highest = max(highest, c.hlc)
    if highest:
        _clock.observe(highest)
    return _clock.tick()


def _log(conn: Connection, rows: list[dict[str, Any]]) -> None:
    if rows:
        conn.execute(insert(CHANGES), rows)


def _entry(
    table: str, record_id: str, site_id: str | None, fields: dict[str, Any], stamp: str, user: str | None
) -> dict[str, Any]:
    return {
        "table_name": table,
        "record_id": record_id,
        "site_id": site_id,
        "fields": fields,
        "hlc": stamp,
        "device_id": SERVER_DEVICE,
        "user_id": user,
    }


def record_changes(conn: Connection, table: str, record_id: str) -> list[dict[str, Any]]:
    """A record as changes that restate it at the clocks the server holds its fields at: first the whole
    row at its oldest clock (a create where it is missing), then each newer group of fields."""
    info = synced_tables()[table]
    t = info.table
    row = conn.execute(select(t).where(t.c.id == record_id)).mappings().first()
    if row is None:
        return []
    clocks = clocks_of(conn, table, [record_id]).get(record_id, {})
    values = encode_row(info, row)
    groups: dict[tuple[str, str], dict[str, Any]] = {}
    for name in info.fields:
        clock = held(clocks, name)
        key = (clock.hlc, clock.device) if clock is not None else (hlc.zero(), hlc.ZERO_DEVICE)
        groups.setdefault(key, {})[name] = values[name]
    ordered = sorted(groups.items())
    site = row["site_id"] if info.site_owned else None
    out = [_entry(table, record_id, site, values, ordered[0][0][0], None) | {"device_id": ordered[0][0][1]}]
    out += [_entry(table, record_id, site, f, h, None) | {"device_id": d} for (h, d), f in ordered[1:]]
    return out


def _restate(conn: Connection, table: str, record_id: str) -> None:
    """Log the kept record again, after the other sites' records it names (its owner, its group)."""
    info = synced_tables()[table]
    row = conn.execute(select(info.table).where(info.table.c.id == record_id)).mappings().first()
    if row is None:
        return
    tables = synced_tables()
    for name in info.fields:
        for fk in info.columns[name].foreign_keys:
            target = fk.column.table.name
            if row[name] and target in tables and tables[target].site_owned and target != table:
                _log(conn, record_changes(conn, target, row[name]))
    _log(conn, record_changes(conn, table, record_id))


def _apply_edits(conn: Connection, edits: list[Edit], *, user: str | None, stamp: str | None = None) -> None:
    if not edits:
        return
    tables = synced_tables()
    if stamp is None:
        touched: dict[str, set[str]] = {}
        for e in edits:
            touched.setdefault(e.table, set()).add(e.record_id)
        stamp = _stamp(conn, touched)
    log: list[dict[str, Any]] = []
    clocks: list[dict[str, Any]] = []
    for e in edits:
        info = tables[e.table]
        conn.execute(update(info.table).where(info.table.c.id == e.record_id).values(e.values))
        wire = {k: encode(info.columns[k], v) for k, v in e.values.items()}
        log.append(_entry(e.table, e.record_id, e.site_id, wire, stamp, user))
        clocks += [
            {
                "table_name": e.table,
                "record_id": e.record_id,
                "field": k,
                "hlc": stamp,
                "device_id": SERVER_DEVICE,
            }
            for k in e.values
        ]
    upsert_clocks(conn, clocks)
    _log(conn, log)


def _insert_synced(
    conn: Connection, table: str, values: dict[str, Any], stamp: str, user: str | None
) -> None:
    info = synced_tables()[table]
    conn.execute(insert(info.table).values(values))
    row = conn.execute(select(info.table).where(info.table.c.id == values["id"])).mappings().one()
    upsert_clocks(
        conn,
        [
            {
                "table_name": table,
                "record_id": values["id"],
                "field": "*",
                "hlc": stamp,
                "device_id": SERVER_DEVICE,
            }
        ],
    )
    _log(conn, [_entry(table, values["id"], values.get("site_id"), encode_row(info, row), stamp, user)])


def apply_plan(conn: Connection, plan: MergePlan, *, reason: str, decided_by: str | None) -> None:
    """Carry out a merge on the server: one clock, every write logged (see the module docstring)."""
    table, kept, merged = plan.table, plan.kept_id, plan.merged_id
    m = synced_tables()["merges"].table
    mid = merge_id(table, merged)
    if conn.execute(select(m.c.id).where(m.c.id == mid)).first() is not None:
        return  # done before (a replay)
    # earlier merges into the record now merged away follow on to the kept one
    follow = [
        Edit("merges", r.id, r.site_id, {"kept_id": kept})
        for r in conn.execute(select(m.c.id, m.c.site_id).where(m.c.kind == table, m.c.kept_id == merged))
    ]
    touched: dict[str, set[str]] = {table: {kept, merged}}
    for e in [*plan.edits, *follow]:
        touched.setdefault(e.table, set()).add(e.record_id)
    stamp = _stamp(conn, touched)
    now = utcnow()
    _restate(conn, table, kept)
    kept_edit = [Edit(table, kept, plan.kept_site, dict(plan.kept_values))] if plan.kept_values else []
    _apply_edits(conn, [*kept_edit, *plan.edits, *follow], user=decided_by, stamp=stamp)
    _insert_synced(
        conn,
        "merges",
        {
            "id": mid,
            "site_id": plan.merged_site,
            "kind": table,
            "kept_id": kept,
            "merged_id": merged,
            "reason": reason,
            "decided_by": decided_by,
            "created_at": now,
            "updated_at": now,
            "deleted": False,
        },
        stamp,
        decided_by,
    )
    _insert_synced(
        conn,
        "audit_entries",
        {
            "id": str(uuid.uuid5(uuid.UUID(mid), "audit")),
            "site_id": plan.merged_site,
            "at": now,
            "user_id": decided_by,
            "action": "merge",
            "table_name": table,
            "record_id": merged,
            "changes": {"merged_into": [None, kept], "conflicts": [c.field for c in plan.conflicts]},
            "reason": f"the same {IDENTITY_FIELD.get(table, 'record')} (merged on the server)",
            "created_at": now,
            "updated_at": now,
            "deleted": False,
        },
        stamp,
        decided_by,
    )
    _conflicts(conn, plan, info_name=table, stamp=stamp, now=now)


def _conflicts(conn: Connection, plan: MergePlan, *, info_name: str, stamp: str, now: Any) -> None:
    if not plan.conflicts:
        return
    info = synced_tables()[info_name]
    rows = []
    for c in plan.conflicts:
        col = info.columns[c.field]
        other: Clock = c.other_clock or Clock("", "")
        kept_clock: Clock = c.kept_clock or Clock(stamp, SERVER_DEVICE)
        rows.append(
            {
                "id": conflict_id(info_name, plan.kept_id, c.field, f"{other.hlc}:{plan.merged_id}"),
                "site_id": plan.kept_site,
                "kind": "field",
                "table_name": info_name,
                "record_id": plan.kept_id,
                "field": c.field,
                "kept_value": canonical(encode(col, c.kept_value)),
                "other_value": canonical(encode(col, c.other_value)),
                "kept_hlc": kept_clock.hlc,
                "other_hlc": other.hlc,
                "kept_device": kept_clock.device,
                "other_device": other.device,
                "kept_user": None,
                "other_user": None,
                "detected_at": now,
                "state": "open",
            }
        )
    existing = set(
        conn.execute(select(CONFLICTS.c.id).where(CONFLICTS.c.id.in_([r["id"] for r in rows]))).scalars()
    )
    rows = [r for r in rows if r["id"] not in existing]
    if rows:
        conn.execute(insert(CONFLICTS), rows)
        _log(
            conn,
            [
                {
                    "table_name": "sync_conflicts",
                    "record_id": r["id"],
                    "site_id": r["site_id"],
                    "fields": {k: encode(CONFLICTS.c[k], v) for k, v in r.items()},
                    "hlc": "",
                    "device_id": "",
                    "user_id": None,
                }
                for r in rows
            ],
        )
