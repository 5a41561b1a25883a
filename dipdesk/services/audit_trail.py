"""The audit trail on screen (ประวัติการแก้ไข): who did what and when, before → after, in the department's
words: Thai field and record-kind labels, Buddhist-era dates in Bangkok time, national IDs masked.

Read-only and paged in SQL (the trail grows by every change of every record: hundreds of thousands of
rows on a busy site), filtered by record, user, kind of change and date range. Seen by administrators
and the lab head (`audit.view`). The rows themselves are written by `dipdesk.services.records.audit`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import Session

from dipdesk.core.thaidate import format_thai_date
from dipdesk.core.thaiid import is_valid_id, mask_id
from dipdesk.services.context import Context
from dipdesk.services.records import field_label_th
from dipdesk.store.auth import AuditEntry, User
from dipdesk.store.models import Base

VIEW = "audit.view"
BANGKOK = dt.timedelta(hours=7)  # Thailand keeps no daylight saving time

KINDS_TH = {
    "people": "บุคคล",
    "enterprises": "สถานประกอบการ",
    "products": "ผลิตภัณฑ์",
    "groups": "กลุ่ม",
    "programs": "โครงการ",
    "activities": "กิจกรรม",
    "activity_sessions": "รอบกิจกรรม",
    "enrollments": "การลงทะเบียน",
    "attendance": "การเข้าร่วม",
    "service_records": "การให้บริการ",
    "outcomes": "ผลลัพธ์",
    "mentoring_pairs": "คู่พี่เลี้ยง",
    "mentoring_sessions": "การให้คำปรึกษา",
    "targets": "เป้าหมาย",
    "certificates": "วุฒิบัตร",
    "certificate_templates": "แบบวุฒิบัตร",
    "lab_tests": "รายการทดสอบในแคตตาล็อก",
    "lab_specifications": "เกณฑ์กำหนด",
    "lab_requests": "คำขอรับบริการ",
    "lab_samples": "ตัวอย่าง",
    "lab_analyses": "ผลการทดสอบ",
    "lab_reports": "ใบรายงานผล",
    "lab_settings": "การตั้งค่าห้องปฏิบัติการ",
    "users": "ผู้ใช้",
    "sites": "หน่วยงาน",
    "sync_conflicts": "ข้อมูลขัดแย้ง",
}

ACTIONS_TH = {
    "create": "สร้าง",
    "update": "แก้ไข",
    "delete": "ลบ",
    "restore": "กู้คืน",
    "transition": "เปลี่ยนสถานะ",
    "issue": "ออกวุฒิบัตร",
    "issue_override": "ออกวุฒิบัตร (ยกเว้นเกณฑ์)",
    "reissue": "ออกวุฒิบัตรใหม่",
    "revoke": "เพิกถอน",
    "lock": "ล็อกบัญชี",
    "merge": "รวมระเบียน",
    "resolve": "ตัดสินข้อมูลขัดแย้ง",
}

FIELDS_TH = {
    "username": "ชื่อผู้ใช้",
    "full_name": "ชื่อ-นามสกุล",
    "position": "ตำแหน่ง",
    "role": "บทบาท",
    "active": "ใช้งานได้",
    "password_hash": "รหัสผ่าน",
    "must_change_password": "ต้องเปลี่ยนรหัสผ่าน",
    "locked_until": "ล็อกถึง",
    "deleted": "ลบแล้ว",
    "state": "สถานะ",
    "prefix": "คำนำหน้า",
    "birth_date": "วันเกิด",
    "gender": "เพศ",
    "address": "ที่อยู่",
    "province_id": "จังหวัด",
    "for_site_id": "หน่วยงาน",
    "site_id": "หน่วยงาน",
    "received_by": "ผู้รับตัวอย่าง",
    "submitted_by": "ผู้บันทึกผล",
    "verified_by": "ผู้ทวนสอบผล",
    "authorised_by": "ผู้อนุมัติรายงาน",
    "issued_by": "ผู้ออก",
    "consent": "ความยินยอม",
    "budget": "งบประมาณ",
    "description": "รายละเอียด",
    "venue": "สถานที่",
    "value_text": "ผล",
    "value": "ผล (ตัวเลข)",
    "condition": "สภาพตัวอย่าง",
    "received_at": "วันที่รับ",
    "serial": "เลขที่",
    "issued_on": "วันที่ออก",
    "customer_name": "ชื่อผู้รับบริการ",
    "note": "หมายเหตุ",
    "copied_from": "คัดลอกจาก",
}

ROLES_TH = {
    "admin": "ผู้ดูแลระบบ",
    "staff": "เจ้าหน้าที่โครงการ",
    "lab_technician": "นักวิทยาศาสตร์/ผู้ทดสอบ",
    "lab_verifier": "ผู้ทวนสอบผล",
    "lab_head": "หัวหน้าห้องปฏิบัติการ",
    "viewer": "ผู้ดูข้อมูล",
}

# What names a record in the list: its number or name, read in one query per kind for a page of rows.
LABEL_COLUMNS: dict[str, tuple[str, ...]] = {
    "people": ("first_name_th", "last_name_th"),
    "enterprises": ("name_th",),
    "products": ("name_th",),
    "groups": ("code", "name_th"),
    "programs": ("code", "name_th"),
    "activities": ("code", "title_th"),
    "users": ("username",),
    "lab_requests": ("request_no",),
    "lab_samples": ("lab_no",),
    "lab_reports": ("report_no",),
    "lab_tests": ("code",),
    "certificates": ("serial",),
    "certificate_templates": ("code",),
    "targets": ("fiscal_year",),
    "sites": ("code", "name_th"),
    "provinces": ("name_th",),
}

# Fields that hold another record's id: shown as that record's name, labelled as its kind.
REFERENCES: dict[str, str] = {
    "activity_id": "activities",
    "program_id": "programs",
    "developed_in_program_id": "programs",
    "person_id": "people",
    "owner_person_id": "people",
    "mentor_person_id": "people",
    "enterprise_id": "enterprises",
    "customer_enterprise_id": "enterprises",
    "mentor_enterprise_id": "enterprises",
    "mentee_enterprise_id": "enterprises",
    "group_id": "groups",
    "for_site_id": "sites",
    "site_id": "sites",
    "province_id": "provinces",
    "sample_id": "lab_samples",
    "request_id": "lab_requests",
    "test_id": "lab_tests",
    "template_id": "certificate_templates",
    "enrollment_id": "enrollments",
    "received_by": "users",
    "submitted_by": "users",
    "verified_by": "users",
    "authorised_by": "users",
    "issued_by": "users",
    "replaces_id": "lab_reports",
}

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$")
_ID13 = re.compile(r"(?<!\d)\d{13}(?!\d)")


def kind_label(table: str) -> str:
    return KINDS_TH.get(table, table)


def action_label(action: str) -> str:
    return ACTIONS_TH.get(action, action)


def field_label(name: str) -> str:
    if name in FIELDS_TH:
        return FIELDS_TH[name]
    if name in REFERENCES and name not in _FIELD_TH_KNOWN:
        return {"users": "ผู้ใช้"}.get(REFERENCES[name], KINDS_TH.get(REFERENCES[name], name))
    return field_label_th(name)


_FIELD_TH_KNOWN = frozenset({"province_id"})


def _mask_ids(text: str) -> str:
    return _ID13.sub(lambda m: mask_id(m.group(0)) if is_valid_id(m.group(0)) else m.group(0), text)


def be_stamp(at: dt.datetime) -> str:
    """A stored UTC time as Thai offices read it: `5 ธ.ค. 2569 15:04` (Bangkok time, BE year)."""
    local = at + BANGKOK
    return f"{format_thai_date(local.date(), 'medium')} {local:%H:%M}"


def show_value(name: str, value: Any) -> str:
    """One before/after value in words: ✓/–, BE dates, role names, national IDs masked."""
    if value is None or value == "":
        return "–"
    if name == "password_hash":
        return "(ซ่อน)"
    if isinstance(value, bool):
        return "ใช่" if value else "ไม่ใช่"
    if name == "role" and isinstance(value, str):
        return ROLES_TH.get(value, value)
    text = value if isinstance(value, str) else str(value)
    if name == "national_id":
        return mask_id(text) if len(text) == 13 and text.isdigit() else text
    if _ISO_DATE.match(text):
        return format_thai_date(dt.date.fromisoformat(text), "medium")
    if _ISO_TIME.match(text):
        return be_stamp(dt.datetime.fromisoformat(text))
    return _mask_ids(text)


@dataclass(frozen=True)
class AuditFilter:
    """What the list shows. Dates are Bangkok calendar days, both ends included."""

    record_ids: tuple[str, ...] = ()
    table: str | None = None
    user_id: str | None = None
    action: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    site_id: str | None = None


@dataclass(frozen=True)
class Change:
    field: str
    label: str
    before: str
    after: str


@dataclass(frozen=True)
class AuditRow:
    id: str
    at: dt.datetime
    when: str  # BE, Bangkok time
    user: str
    action: str
    action_label: str
    table: str
    kind_label: str
    record_id: str
    record_label: str
    changes: tuple[Change, ...] = field(default_factory=tuple)
    reason: str = ""

    @property
    def changes_text(self) -> str:
        return "\n".join(f"{c.label}: {c.before} → {c.after}" for c in self.changes)


def require_view(ctx: Context) -> None:
    if ctx.user is not None:
        ctx.require(VIEW)


def can_view(role: str) -> bool:
    from dipdesk.services.auth import PERMISSIONS

    allowed = PERMISSIONS.get(role, frozenset())
    return "*" in allowed or VIEW in allowed


def _where(f: AuditFilter) -> list[Any]:
    a = AuditEntry
    out: list[Any] = []
    if f.record_ids:
        out.append(a.record_id.in_(f.record_ids))
    if f.table:
        out.append(a.table_name == f.table)
    if f.user_id:
        # what was done in the user's name (a lock too: the wrong passwords were typed under that name);
        # what an administrator did to the account is that record's history (record_ids)
        out.append(a.user_id == f.user_id)
    if f.action:
        out.append(a.action == f.action)
    if f.date_from:
        out.append(a.at >= dt.datetime.combine(f.date_from, dt.time()) - BANGKOK)
    if f.date_to:
        out.append(a.at < dt.datetime.combine(f.date_to + dt.timedelta(days=1), dt.time()) - BANGKOK)
    if f.site_id:
        out.append(a.site_id == f.site_id)
    return out


def _query(f: AuditFilter) -> Select[Any]:
    a = AuditEntry
    return (
        select(a.id, a.at, a.user_id, a.action, a.table_name, a.record_id, a.changes, a.reason)
        .where(*_where(f))
        .order_by(a.at.desc(), a.id.desc())
    )


def count(session: Session, f: AuditFilter) -> int:
    return int(session.scalar(select(func.count()).select_from(AuditEntry).where(*_where(f))) or 0)


def _record_labels(session: Session, rows: Sequence[Any]) -> dict[tuple[str, str], str]:
    """Names of the records a page of rows is about, and of those their changes refer to."""
    wanted: dict[str, set[str]] = {}
    for r in rows:
        if r.table_name in LABEL_COLUMNS:
            wanted.setdefault(r.table_name, set()).add(r.record_id)
        for name, pair in (r.changes or {}).items():
            ref = REFERENCES.get(name)
            if ref in LABEL_COLUMNS and isinstance(pair, list | tuple):
                wanted.setdefault(ref, set()).update(v for v in pair if isinstance(v, str) and v)
    out: dict[tuple[str, str], str] = {}
    for table_name, ids in wanted.items():
        table = Base.metadata.tables.get(table_name)
        if table is None:
            continue
        cols = [table.c[c] for c in LABEL_COLUMNS[table_name] if c in table.c]
        for rid, *values in session.execute(select(table.c.id, *cols).where(table.c.id.in_(ids))):
            out[(table_name, rid)] = " ".join(str(v) for v in values if v)
    return out


def _user_names(session: Session, ids: set[str]) -> dict[str, str]:
    if not ids:
        return {}
    rows = session.execute(select(User.id, User.username, User.full_name).where(User.id.in_(ids)))
    return {uid: f"{full} ({name})" if full else name for uid, name, full in rows}


def _rows(session: Session, raw: Sequence[Any]) -> list[AuditRow]:
    labels = _record_labels(session, raw)
    names = _user_names(session, {r.user_id for r in raw if r.user_id})
    out = []
    for r in raw:
        changes = tuple(
            Change(
                name,
                field_label(name),
                _shown(labels, name, pair[0] if isinstance(pair, list | tuple) and pair else None),
                _shown(labels, name, pair[1] if isinstance(pair, list | tuple) and len(pair) > 1 else pair),
            )
            for name, pair in (r.changes or {}).items()
        )
        out.append(
            AuditRow(
                id=r.id,
                at=r.at,
                when=be_stamp(r.at),
                user=names.get(r.user_id, "") if r.user_id else "ระบบ",
                action=r.action,
                action_label=action_label(r.action),
                table=r.table_name,
                kind_label=kind_label(r.table_name),
                record_id=r.record_id,
                record_label=labels.get((r.table_name, r.record_id), "") or r.record_id[:8],
                changes=changes,
                reason=_mask_ids(r.reason or ""),
            )
        )
    return out


def _shown(labels: dict[tuple[str, str], str], name: str, value: Any) -> str:
    table = REFERENCES.get(name)
    if table is not None and isinstance(value, str) and (table, value) in labels:
        return labels[(table, value)]
    return show_value(name, value)


def fetch(session: Session, f: AuditFilter, offset: int = 0, limit: int = 100) -> list[AuditRow]:
    """One page of the trail, newest first."""
    raw = session.execute(_query(f).offset(offset).limit(limit)).all()
    return _rows(session, raw)


def iter_rows(session: Session, f: AuditFilter, batch: int = 2000) -> Iterator[AuditRow]:
    """Every row of the filter, newest first, read in batches (keyset: flat time at any depth)."""
    last: tuple[dt.datetime, str] | None = None
    a = AuditEntry
    while True:
        q = _query(f)
        if last is not None:
            q = q.where(or_(a.at < last[0], and_(a.at == last[0], a.id < last[1])))
        raw = session.execute(q.limit(batch)).all()
        if not raw:
            return
        yield from _rows(session, raw)
        last = (raw[-1].at, raw[-1].id)


def users_for_filter(session: Session, site_id: str | None = None) -> list[tuple[str, str]]:
    """(id, shown name) of the users the filter offers: this site's, deactivated ones too."""
    q = select(User.id, User.username, User.full_name).where(User.deleted.is_(False))
    if site_id:
        q = q.where(User.site_id == site_id)
    return [
        (uid, f"{full} ({name})" if full else name)
        for uid, name, full in session.execute(q.order_by(User.username))
    ]


EXPORT_COLUMNS = ("when", "user", "action", "kind", "record", "changes", "reason")
EXPORT_HEADERS = {
    "when": "วันเวลา",
    "user": "ผู้ดำเนินการ",
    "action": "การกระทำ",
    "kind": "ประเภทข้อมูล",
    "record": "ระเบียน",
    "changes": "ก่อน → หลัง",
    "reason": "เหตุผล",
}


def export_xlsx(ctx: Context, f: AuditFilter, path: str | Path) -> int:
    """The filtered trail as an .xlsx (Thai headers, BE times); returns the number of rows."""
    from dipdesk.services.exports import export_rows

    require_view(ctx)
    rows = (
        {
            "when": r.when,
            "user": r.user,
            "action": r.action_label,
            "kind": r.kind_label,
            "record": r.record_label,
            "changes": r.changes_text,
            "reason": r.reason,
        }
        for r in iter_rows(ctx.session, f)
    )
    return export_rows(path, EXPORT_COLUMNS, rows, headers_th=EXPORT_HEADERS, sheet_title="ประวัติการแก้ไข")
