"""What deleting a record would orphan: the live rows that require it (the delete guard of `records`).

The dependents are read from the schema, not listed by hand: every table with a `deleted` flag whose
foreign key to the record's table is NOT NULL holds rows that cannot live without the record. A nullable
key (an enrollment's enterprise, a product's program) is an optional link and does not block.

Parts of the record (`PARTS`: an activity's training days) are not in the way: they go with it, each
through `records.soft_delete` with its own tombstone, unless they have live dependents of their own
(attendance taken on a training day), which then block the record itself.

Only local, deliberate deletes are guarded; a delete arriving by sync is applied as it is
(`sync.merge`), and an edit that meets it is an edit-vs-delete conflict.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Column, Table, func, inspect, select
from sqlalchemy.orm import Session

from dipdesk.services.errors import ServiceError
from dipdesk.store.base import Base

# Children deleted together with their parent when nothing depends on them: (table, key to the parent).
PARTS = frozenset({("activity_sessions", "activity_id")})

# Tables whose rows refer to a record without depending on it: the audit trail is history.
_NOT_DEPENDENTS = frozenset({"audit_entries"})

# The record being deleted, as the message names it: table -> (Thai, English).
_SUBJECT = {
    "people": ("ผู้ประกอบการรายนี้", "this person"),
    "enterprises": ("กิจการนี้", "this enterprise"),
    "groups": ("กลุ่มนี้", "this group"),
    "products": ("ผลิตภัณฑ์นี้", "this product"),
    "programs": ("โครงการนี้", "this program"),
    "activities": ("กิจกรรมนี้", "this activity"),
    "activity_sessions": ("วันอบรมนี้", "this training day"),
    "enrollments": ("การลงทะเบียนนี้", "this enrollment"),
    "mentoring_pairs": ("คู่พี่เลี้ยงนี้", "this mentoring pair"),
    "certificates": ("วุฒิบัตรนี้", "this certificate"),
    "certificate_templates": ("แบบวุฒิบัตรนี้", "this certificate template"),
    "lab_tests": ("รายการทดสอบนี้", "this lab test"),
    "lab_requests": ("คำขอรับบริการทดสอบนี้", "this lab request"),
    "lab_samples": ("ตัวอย่างนี้", "this sample"),
    "users": ("ผู้ใช้นี้", "this user"),
    "sites": ("หน่วยงานนี้", "this site"),
}


@dataclass(frozen=True)
class Noun:
    th: str  # the noun
    unit: str  # its Thai classifier
    one: str  # English singular
    many: str  # English plural
    fix_th: str = ""  # what to do first (one kind of dependent)
    fix_en: str = ""


# The dependents, in the department's words.
_NOUNS = {
    "enrollments": Noun(
        "การลงทะเบียน", "รายการ", "enrollment", "enrollments", "ให้ถอนการลงทะเบียนก่อน", "withdraw them first"
    ),
    "attendance": Noun(
        "บันทึกการเข้าร่วม",
        "รายการ",
        "attendance record",
        "attendance records",
        "ให้ลบบันทึกการเข้าร่วมก่อน",
        "remove them first",
    ),
    "activity_sessions": Noun(
        "วันอบรม", "วัน", "training day", "training days", "ให้ลบวันอบรมก่อน", "delete them first"
    ),
    "activities": Noun(
        "กิจกรรม",
        "รายการ",
        "activity",
        "activities",
        "ให้ลบกิจกรรมหรือย้ายไปโครงการอื่นก่อน",
        "delete them or move them to another program first",
    ),
    "enterprise_members": Noun(
        "สมาชิกสถานประกอบการ",
        "รายการ",
        "enterprise membership",
        "enterprise memberships",
        "ให้ลบการเป็นสมาชิกก่อน",
        "remove them first",
    ),
    "products": Noun("ผลิตภัณฑ์", "รายการ", "product", "products", "ให้ลบผลิตภัณฑ์ก่อน", "delete them first"),
    "outcomes": Noun(
        "ผลลัพธ์รายงวด", "งวด", "outcome period", "outcome periods", "ให้ลบผลลัพธ์ก่อน", "delete them first"
    ),
    "service_records": Noun(
        "การให้บริการ", "ครั้ง", "service record", "service records", "ให้ลบการให้บริการก่อน", "delete them first"
    ),
    "mentoring_pairs": Noun(
        "คู่พี่เลี้ยง", "คู่", "mentoring pair", "mentoring pairs", "ให้ลบคู่พี่เลี้ยงก่อน", "delete them first"
    ),
    "mentoring_sessions": Noun(
        "การให้คำปรึกษา",
        "ครั้ง",
        "mentoring meeting",
        "mentoring meetings",
        "ให้ลบบันทึกการให้คำปรึกษาก่อน",
        "delete them first",
    ),
    "certificates": Noun("วุฒิบัตร", "ฉบับ", "certificate", "certificates"),
    "certificate_prints": Noun("การพิมพ์วุฒิบัตร", "ครั้ง", "certificate print", "certificate prints"),
    "lab_specifications": Noun("เกณฑ์กำหนด", "รายการ", "specification", "specifications"),
    "lab_samples": Noun("ตัวอย่าง", "รายการ", "sample", "samples"),
    "lab_analyses": Noun("ผลการทดสอบ", "รายการ", "analysis", "analyses"),
    "lab_reports": Noun("รายงานผลการทดสอบ", "ฉบับ", "test report", "test reports"),
}

_FIX_TH = "ให้ลบหรือย้ายรายการเหล่านี้ก่อน"
_FIX_EN = "delete or move them first"


def noun(table: str) -> Noun:
    return _NOUNS.get(table) or Noun(table, "รายการ", f"{table} record", f"{table} records")


class InUse(ServiceError):
    """A record cannot be deleted while live records require it; `counts` says which, per table."""

    def __init__(self, table: str, counts: dict[str, int]) -> None:
        self.table = table
        self.counts = dict(counts)
        subject_th, subject_en = _SUBJECT.get(table, ("ข้อมูลนี้", "this record"))
        order = list(_NOUNS)  # as the department ranks them: enrollments before attendance, and so on
        ranked = sorted(counts.items(), key=lambda tn: order.index(tn[0]) if tn[0] in order else len(order))
        nouns = [(noun(t), n) for t, n in ranked]
        th = _join_th([f"{w.th} {n:,} {w.unit}" for w, n in nouns])
        en = _join_en([f"{n:,} {w.one if n == 1 else w.many}" for w, n in nouns])
        first = nouns[0][0]
        fix_th, fix_en = (
            (first.fix_th, first.fix_en) if len(nouns) == 1 and first.fix_th else (_FIX_TH, _FIX_EN)
        )
        super().__init__(
            f"ลบไม่ได้: {subject_th}มี{th} {fix_th}", f"cannot delete: {subject_en} has {en}; {fix_en}"
        )


def _join_th(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else " ".join(parts[:-1]) + f" และ{parts[-1]}"


def _join_en(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + f" and {parts[-1]}"


def _referrers(table: Table) -> list[Column[Any]]:
    """The NOT NULL key columns of soft-deletable tables that point at `table`, in dependency order."""
    found = []
    for child in Base.metadata.sorted_tables:
        if "deleted" not in child.c or child.name in _NOT_DEPENDENTS:
            continue
        for fk in child.foreign_keys:
            if fk.column.table is table and not fk.parent.nullable:
                found.append(fk.parent)
    return found


def _class_of(table: Table) -> type[Base]:
    for mapper in Base.registry.mappers:
        if mapper.local_table is table:
            return mapper.class_
    raise LookupError(table.name)


def _key_value(obj: Base, column: Column[Any]) -> Any:
    """The value of `obj`'s column that a foreign key to `column` holds (its id, as a rule)."""
    return getattr(obj, inspect(type(obj)).get_property_by_column(column).key)


def check(session: Session, obj: Base) -> list[Base]:
    """Refuse (`InUse`) when live rows require `obj`; else return its live parts, to delete with it."""
    counts, parts = _look(session, obj, with_parts=True)
    if counts:
        raise InUse(obj.__tablename__, counts)
    return parts


def _look(session: Session, obj: Base, *, with_parts: bool) -> tuple[Counter[str], list[Base]]:
    session.flush()
    counts: Counter[str] = Counter()
    parts: list[Base] = []
    for col in _referrers(obj.__table__):  # type: ignore[arg-type]
        child = col.table
        assert isinstance(child, Table)
        (target,) = (fk.column for fk in col.foreign_keys)
        live = (col == _key_value(obj, target)) & child.c.deleted.is_(False)
        if with_parts and (child.name, col.name) in PARTS:
            model = _class_of(child)
            for part in session.scalars(select(model).where(live)):
                counts.update(_look(session, part, with_parts=False)[0])
                parts.append(part)
            continue
        n = int(session.scalar(select(func.count()).select_from(child).where(live)) or 0)
        if n:
            counts[child.name] += n
    return counts, parts
