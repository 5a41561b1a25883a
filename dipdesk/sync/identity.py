"""One person, one enterprise (SYNC.md guarantee 13): what merging record `merged_id` into `kept_id` changes,
worked out once for the server (`dipdesk.sync.server.identity`, national and registration IDs met across
sites) and the device (`dipdesk.services.merging`, pairs a person picked from the review list).

`plan_merge` reads the replica and returns the plan; each side applies it its own way (the server at one
server clock with log entries, the device through its outbox). The plan:

- field values of the two records merge per field: a value only the merged record has is taken; two
  different values keep the one with the newer clock (the kept record's on a tie or without clocks) and the
  other one is listed as a conflict for a person to confirm or swap; a flag set on either stays set;
- every reference (enrollments, attendance through them, mentoring, outcomes, service records,
  certificates, lab requests, enterprise members, products, owners) follows the kept record. A reference
  that would then repeat one the kept record already has (the same activity: two enrollments) is merged
  into it: the further status wins, the attendance moves over, the other enrollment becomes a tombstone.
  A certificate already printed for both stays with the alias (its serial was handed out); any other such
  repeat becomes a tombstone;
- the merged record becomes a tombstone, and a `merges` row keeps its id resolvable (`resolve`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from sqlalchemy import Connection, Table, UniqueConstraint, select

from dipdesk.store.merges import MERGE_KINDS
from dipdesk.sync.merge import Clock, clocks_of, held
from dipdesk.sync.protocol import TableInfo, synced_tables

IDENTITY_FIELD = {"people": "national_id", "enterprises": "registration_id"}
NOT_MERGED = frozenset({"id", "site_id", "created_at", "updated_at", "deleted"})
KEEP_WITH_ALIAS = frozenset({"certificates"})  # printed documents: never tombstoned by a merge
STATUS_RANK = {"applied": 1, "dropped": 0, "enrolled": 2, "completed": 3}


class MergeRefused(ValueError):
    """The two records cannot be merged (gone, not the same kind, already merged)."""


@dataclass
class Edit:
    table: str
    record_id: str
    site_id: str | None
    values: dict[str, Any]  # python values


@dataclass
class FieldConflict:
    field: str
    kept_value: Any
    other_value: Any
    kept_clock: Clock | None
    other_clock: Clock | None


@dataclass
class MergePlan:
    table: str
    kept_id: str
    merged_id: str
    kept_site: str
    merged_site: str
    kept_values: dict[str, Any] = field(default_factory=dict)  # taken over from the merged record
    conflicts: list[FieldConflict] = field(default_factory=list)
    edits: list[Edit] = field(default_factory=list)  # references, take-overs; the tombstone comes last


@cache
def references(table: str) -> tuple[tuple[str, str], ...]:
    """(table, column) of every synced column that refers to `table`'s records."""
    out: list[tuple[str, str]] = []
    for info in synced_tables().values():
        for col in info.table.columns:
            for fk in col.foreign_keys:
                if fk.column.table.name == table and fk.column.name == "id":
                    out.append((info.name, col.name))
    return tuple(out)


def _uniques(t: Table, column: str) -> list[tuple[str, ...]]:
    return [
        tuple(c.name for c in uc.columns)
        for uc in t.constraints
        if isinstance(uc, UniqueConstraint) and column in uc.columns
    ]


def _site_reference(info: TableInfo, name: str) -> bool:
    tables = synced_tables()
    return any(
        fk.column.table.name in tables and tables[fk.column.table.name].site_owned
        for fk in info.columns[name].foreign_keys
    )


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _row(conn: Connection, info: TableInfo, record_id: str) -> dict[str, Any] | None:
    row = conn.execute(select(info.table).where(info.table.c.id == record_id)).mappings().first()
    return dict(row) if row else None


def plan_merge(
    conn: Connection, table: str, kept_id: str, merged_id: str, *, newer_wins: bool = True
) -> MergePlan:
    """The merge of `merged_id` into `kept_id`. Two different values of a field: the newer clock's wins
    (`newer_wins`, the server's rule, as for any two edits), or the kept record's (a person chose it)."""
    if table not in MERGE_KINDS:
        raise MergeRefused(f"only people and enterprises are merged, not {table}")
    if kept_id == merged_id:
        raise MergeRefused("a record cannot be merged into itself")
    info = synced_tables()[table]
    kept, merged = _row(conn, info, kept_id), _row(conn, info, merged_id)
    if kept is None or merged is None or kept["deleted"] or merged["deleted"]:
        raise MergeRefused("both records must exist and be live to be merged")
    plan = MergePlan(table, kept_id, merged_id, kept["site_id"], merged["site_id"])
    clocks = clocks_of(conn, table, [kept_id, merged_id])
    kc, mc = clocks.get(kept_id, {}), clocks.get(merged_id, {})
    for name in info.fields:
        if name in NOT_MERGED or (plan.kept_site != plan.merged_site and _site_reference(info, name)):
            continue  # a reference to another site's own record (an owner, a group) would not resolve there
        kv, mv = kept[name], merged[name]
        if kv == mv or _empty(mv):
            continue
        if isinstance(kv, bool):
            if mv and not kv:
                plan.kept_values[name] = True
            continue
        if _empty(kv):
            plan.kept_values[name] = mv
            continue
        k_clock, m_clock = held(kc, name), held(mc, name)
        other_newer = newer_wins and k_clock is not None and m_clock is not None and m_clock.hlc > k_clock.hlc
        if other_newer:
            plan.kept_values[name] = mv
            plan.conflicts.append(FieldConflict(name, mv, kv, m_clock, k_clock))
        else:
            plan.conflicts.append(FieldConflict(name, kv, mv, k_clock, m_clock))
    plan.edits.extend(reference_edits(conn, table, kept_id, merged_id))
    plan.edits.append(Edit(table, merged_id, merged["site_id"], {"deleted": True}))
    return plan


def reference_edits(conn: Connection, table: str, kept_id: str, merged_id: str) -> list[Edit]:
    """What makes every reference to `merged_id` follow `kept_id` (see the module docstring)."""
    edits: list[Edit] = []
    tables = synced_tables()
    for rtable, column in references(table):
        rt = tables[rtable].table
        uniques = _uniques(rt, column)
        rows = conn.execute(select(rt).where(rt.c[column] == merged_id)).mappings().all()
        for r in rows:
            twin = None
            for cols in uniques:
                cond = [rt.c[c] == (kept_id if c == column else r[c]) for c in cols]
                twin = conn.execute(select(rt).where(*cond, rt.c.id != r["id"])).mappings().first()
                if twin is not None:
                    break
            if twin is None:
                edits.append(Edit(rtable, r["id"], r.get("site_id"), {column: kept_id}))
            elif rtable == "enrollments":
                edits.extend(_take_over_enrollment(conn, dict(r), dict(twin)))
            elif rtable not in KEEP_WITH_ALIAS and not r["deleted"]:
                edits.append(Edit(rtable, r["id"], r.get("site_id"), {"deleted": True}))
    return edits


def _take_over_enrollment(conn: Connection, loser: dict[str, Any], kept: dict[str, Any]) -> list[Edit]:
    """Two enrollments in one activity once the people are one: the kept person's takes the other's
    attendance and the further status; the other becomes a tombstone."""
    edits: list[Edit] = []
    if loser["deleted"]:
        return edits
    values: dict[str, Any] = {}
    if kept["deleted"]:
        values["deleted"] = False
    further = STATUS_RANK.get(loser["status"], 0) > STATUS_RANK.get(kept["status"], 0) or kept["deleted"]
    if further and loser["status"] != kept["status"]:
        values["status"] = loser["status"]
    if values:
        edits.append(Edit("enrollments", kept["id"], kept["site_id"], values))
    at = synced_tables()["attendance"].table
    have = set(conn.execute(select(at.c.session_id).where(at.c.enrollment_id == kept["id"])).scalars())
    for a in conn.execute(select(at).where(at.c.enrollment_id == loser["id"])).mappings():
        if a["session_id"] in have:
            if not a["deleted"]:
                edits.append(Edit("attendance", a["id"], a["site_id"], {"deleted": True}))
        else:
            edits.append(Edit("attendance", a["id"], a["site_id"], {"enrollment_id": kept["id"]}))
    edits.append(Edit("enrollments", loser["id"], loser["site_id"], {"deleted": True}))
    return edits


def resolve(conn: Connection, kind: str, record_id: str) -> str:
    """The record `record_id` now is: itself, or (following merges) the record it was merged into."""
    from dipdesk.store.merges import RecordMerge

    m = RecordMerge.__table__
    seen = {record_id}
    current = record_id
    while True:
        kept = conn.execute(
            select(m.c.kept_id).where(m.c.kind == kind, m.c.merged_id == current, m.c.deleted.is_(False))
        ).scalar()
        if kept is None or kept in seen:
            return current
        seen.add(kept)
        current = kept
