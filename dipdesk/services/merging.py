"""Merge two records of one site that a person found to be one (รวมระเบียนซ้ำ): the review list's pairs
(`services.duplicates.duplicate_pairs`), often without a national ID.

The same merge as the server's (`dipdesk.sync.identity`, SYNC.md guarantee 13), made here and synced:
field values merge per field (a value only the other record has is taken; of two different values the
chosen record's stays and the other is listed), every reference follows the kept record, the other record becomes a
tombstone and a `merges` row keeps its id resolvable. Each write goes to the outbox like any edit, the
merge is in the audit trail with who decided it, and the server carries it on to the references other
sites hold. Merging the same pair again changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import dipdesk.store.models  # noqa: F401  (every model registered, for _model)
from dipdesk.services.context import Context
from dipdesk.services.errors import ValidationError
from dipdesk.services.records import audit
from dipdesk.store.base import Base
from dipdesk.store.merges import RecordMerge, merge_id
from dipdesk.sync.identity import MergeRefused, plan_merge
from dipdesk.sync.outbox import capture

KINDS = ("people", "enterprises")


@dataclass(frozen=True)
class MergeDone:
    kept_id: str
    merged_id: str
    taken: tuple[str, ...]  # fields the kept record took from the other
    conflicts: tuple[tuple[str, Any, Any], ...]  # (field, value kept, value not kept)
    references: int  # references that followed the kept record


def _model(table: str) -> type[Base]:
    for mapper in Base.registry.mappers:
        if getattr(mapper.class_, "__tablename__", None) == table:
            return mapper.class_
    raise KeyError(table)


def merge_records(ctx: Context, kind: str, kept_id: str, merged_id: str) -> MergeDone:
    """Merge `merged_id` into `kept_id` (both this site's live records of `kind`)."""
    if kind not in KINDS:
        raise ValidationError("kind", "รวมได้เฉพาะบุคคลหรือกิจการ", "only people or enterprises are merged")
    ctx.require("records.write")
    session = ctx.session
    existing = session.get(RecordMerge, merge_id(kind, merged_id))
    if existing is not None and existing.kept_id == kept_id:
        return MergeDone(kept_id, merged_id, (), (), 0)  # done before
    session.flush()
    try:
        plan = plan_merge(session.connection(), kind, kept_id, merged_id, newer_wins=False)
    except MergeRefused as exc:
        raise ValidationError(
            "id", "รวมไม่ได้: ต้องเป็นระเบียนที่ยังใช้อยู่ทั้งสองรายการ", f"cannot merge: {exc}"
        ) from exc
    if plan.kept_site != ctx.site.id or plan.merged_site != ctx.site.id:
        raise ValidationError(
            "site_id",
            "รวมได้เฉพาะระเบียนของหน่วยงานนี้ (ระเบียนของหน่วยงานอื่นรวมที่เซิร์ฟเวอร์ด้วยเลขประจำตัว)",
            "only this site's own records are merged here (other sites' are merged on the server by ID)",
        )
    model = _model(kind)
    kept = session.get(model, kept_id)
    assert kept is not None
    for name, value in plan.kept_values.items():
        setattr(kept, name, value)
    if plan.kept_values:
        session.flush()
        capture(session, kept, dict(plan.kept_values), user_id=ctx.user_id)
    moved = 0
    for edit in plan.edits:
        obj = session.get(_model(edit.table), edit.record_id)
        if obj is None:
            continue
        for name, value in edit.values.items():
            setattr(obj, name, value)
        session.flush()
        op = "d" if edit.values == {"deleted": True} else "u"
        capture(session, obj, dict(edit.values), op=op, user_id=ctx.user_id)
        if edit.record_id != merged_id:
            moved += 1
    row = RecordMerge(
        id=merge_id(kind, merged_id),
        site_id=ctx.site.id,
        kind=kind,
        kept_id=kept_id,
        merged_id=merged_id,
        reason="review",
        decided_by=ctx.user_id,
    )
    session.add(row)
    session.flush()
    capture(session, row, {}, op="c", user_id=ctx.user_id)
    merged = session.get(model, merged_id)
    assert merged is not None
    conflicts = tuple((c.field, c.kept_value, c.other_value) for c in plan.conflicts)
    audit(
        ctx,
        "merge",
        merged,
        {
            "merged_into": [None, kept_id],
            "taken": sorted(plan.kept_values),
            "conflicts": [c.field for c in plan.conflicts],
        },
        "chosen from the review list of possible duplicates",
    )
    return MergeDone(kept_id, merged_id, tuple(sorted(plan.kept_values)), conflicts, moved)
