"""Create, edit and soft-delete the basic records, with validation and an audit entry per change.

This is the one way to write: the GUI, the CLI (`dipdesk edit`), imports and sync all call these, so
validation, the audit trail and the sync outbox cannot be skipped: each change also lands in the outbox
(`dipdesk.sync.outbox.capture`) in the same transaction, with its real values (the audit trail masks
national IDs; the outbox must carry them to the server).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

from sqlalchemy import func, inspect, select
from sqlalchemy.orm import Mapper

from dipdesk.core.phone import PhoneError, normalize_phone
from dipdesk.core.thaidate import DateParseError, format_thai_date, parse_date
from dipdesk.core.thaiid import IdError, validate_id, validate_person_id
from dipdesk.core.thainorm import thai_sequence_problem
from dipdesk.services import dependents
from dipdesk.services.context import Context
from dipdesk.services.errors import NotFound, ValidationError
from dipdesk.store.auth import AuditEntry
from dipdesk.store.base import Base, SiteOwned
from dipdesk.store.enrollment import ENROLLMENT_STATES, Enrollment
from dipdesk.store.mentoring import MentoringPair, MentoringSession
from dipdesk.store.merges import MERGE_KINDS
from dipdesk.store.outcomes import Outcome, ServiceRecord
from dipdesk.store.people import ENTERPRISE_KINDS, ENTERPRISE_SIZES, Enterprise, Group, Person, Product
from dipdesk.store.programs import POLICY_TRACKS, SERVICE_KINDS, Activity, ActivitySession, Program, Target
from dipdesk.sync.identity import resolve
from dipdesk.sync.outbox import capture

M = TypeVar("M", bound=Base)
Validator = Callable[[Context, dict[str, Any], Any], None]

# Fields a caller may never set directly: keys, stamps, ownership and the delete flag.
PROTECTED = frozenset({"id", "created_at", "updated_at", "deleted", "site_id"})

_FIELD_TH = {
    "first_name_th": "ชื่อ",
    "last_name_th": "นามสกุล",
    "national_id": "เลขประจำตัวประชาชน",
    "registration_id": "เลขทะเบียนนิติบุคคล",
    "phone": "โทรศัพท์",
    "email": "อีเมล",
    "name_th": "ชื่อ",
    "title_th": "ชื่อกิจกรรม",
    "code": "รหัส",
    "fiscal_year": "ปีงบประมาณ",
    "service_kind": "ประเภทบริการ",
    "policy_track": "แนวนโยบาย",
    "start_date": "วันเริ่ม",
    "end_date": "วันสิ้นสุด",
    "completion_threshold": "เกณฑ์ผ่าน (%)",
    "postcode": "รหัสไปรษณีย์",
    "tsic_code": "รหัส TSIC",
    "kind": "ประเภท",
    "size": "ขนาด",
    "status": "สถานะ",
    "hours": "จำนวนชั่วโมง",
    "cohort": "รุ่น",
    "capacity": "จำนวนที่นั่ง",
    "day": "วันที่",
}


def field_label_th(field: str) -> str:
    return _FIELD_TH.get(field, field)


def _err(field: str, th: str, en: str) -> ValidationError:
    return ValidationError(field, f"{field_label_th(field)}: {th}", f"{field}: {en}")


# --- coercion: values arrive as Python objects (GUI, services) or as text (CLI, imports) -------------


def _coerce(mapper: Mapper[Any], field: str, value: Any) -> Any:
    col = mapper.columns.get(field)
    if col is None:
        raise ValidationError(field, f"ไม่มีช่องข้อมูล {field}", f"unknown field {field!r}")
    if value is None or (isinstance(value, str) and value.strip() == "" and col.nullable):
        if not col.nullable:
            raise _err(field, "ต้องกรอก", "is required")
        return None
    try:
        py = col.type.python_type
    except NotImplementedError:
        return value
    if py is bool and isinstance(value, str):
        low = value.strip().lower()
        if low in {"1", "true", "yes", "y", "ใช่", "t"}:
            return True
        if low in {"0", "false", "no", "n", "ไม่", "f"}:
            return False
        raise _err(field, "ต้องเป็น ใช่/ไม่ใช่", "must be true or false")
    if py is dt.date and not isinstance(value, dt.date):
        try:
            return parse_date(str(value))
        except DateParseError as exc:
            raise ValidationError(
                field, f"{field_label_th(field)}: {exc.message_th}", f"{field}: {exc.message_en}"
            ) from exc
    if py is Decimal and not isinstance(value, Decimal):
        try:
            return Decimal(str(value).replace(",", "").strip())
        except InvalidOperation as exc:
            raise _err(field, "ต้องเป็นตัวเลข", "must be a number") from exc
    if py is int and not isinstance(value, int):
        try:
            return int(str(value).replace(",", "").strip())
        except ValueError as exc:
            raise _err(field, "ต้องเป็นจำนวนเต็ม", "must be a whole number") from exc
    if py is float and not isinstance(value, float):
        try:
            return float(str(value).replace(",", "").strip())
        except ValueError as exc:
            raise _err(field, "ต้องเป็นตัวเลข", "must be a number") from exc
    if py is str:
        return str(value).strip()
    return value


def _check_lengths(mapper: Mapper[Any], values: dict[str, Any]) -> None:
    """After normalisation (IDs and phones shrink), text must fit its column."""
    for field, value in values.items():
        length = getattr(getattr(mapper.columns.get(field), "type", None), "length", None)
        if length and isinstance(value, str) and len(value) > length:
            raise _err(field, f"ยาวเกิน {length} ตัวอักษร", f"is longer than {length} characters")


# --- per-kind validation ------------------------------------------------------------------------------


def _required(values: dict[str, Any], *names: str) -> None:
    for name in names:
        v = values.get(name)
        if v is None or (isinstance(v, str) and not v.strip()):
            raise _err(name, "ต้องกรอก", "is required")


def _one_of(values: dict[str, Any], field: str, allowed: tuple[str, ...], *, optional: bool = False) -> None:
    v = values.get(field)
    if optional and not v:
        return
    if v not in allowed:
        raise _err(field, f"ต้องเป็นหนึ่งใน {', '.join(allowed)}", f"must be one of {', '.join(allowed)}")


def _unique(ctx: Context, model: type[Base], field: str, value: Any, current: Any) -> None:
    if value in (None, ""):
        return
    col = getattr(model, field)
    q = select(model).where(col == value, model.deleted.is_(False))  # type: ignore[attr-defined]
    if current is not None:
        q = q.where(model.id != current.id)  # type: ignore[attr-defined]
    if ctx.session.scalars(q.limit(1)).first() is not None:
        raise _err(field, f"มีผู้ใช้ค่า {value} แล้ว", f"{value} is already used by another record")


def _id_field(values: dict[str, Any], field: str, *, person: bool = False) -> None:
    v = values.get(field)
    if not v:
        values[field] = None
        return
    try:
        values[field] = validate_person_id(str(v)) if person else validate_id(str(v))
    except IdError as exc:
        raise ValidationError(
            field, f"{field_label_th(field)}: {exc.message_th}", f"{field}: {exc.message_en}"
        ) from exc


def _phone_field(values: dict[str, Any], field: str = "phone") -> None:
    if field not in values:
        return
    try:
        values[field] = normalize_phone(str(values[field] or ""))
    except PhoneError as exc:
        raise ValidationError(
            field, f"{field_label_th(field)}: {exc.message_th}", f"{field}: {exc.message_en}"
        ) from exc


def _thai_text(values: dict[str, Any], *fields: str) -> None:
    """Refuse Thai typed wrongly (a doubled tone mark such as ก่่, two tone marks, a stray mark)."""
    for field in fields:
        problem = thai_sequence_problem(str(values.get(field) or ""))
        if problem is not None:
            raise _err(field, problem[0], problem[1])


def _validate_person(ctx: Context, v: dict[str, Any], current: Any) -> None:
    _required(v, "first_name_th")
    _thai_text(v, "prefix", "first_name_th", "last_name_th")
    if "national_id" in v and (current is None or v.get("national_id") != current.national_id):
        _id_field(v, "national_id", person=True)  # an ID already kept is not refused again on other edits
    else:
        _id_field(v, "national_id")
    _unique(ctx, Person, "national_id", v.get("national_id"), current)
    _phone_field(v)
    email = v.get("email") or ""
    if email and ("@" not in email or "." not in email.rsplit("@", 1)[-1]):
        raise _err("email", "รูปแบบอีเมลไม่ถูกต้อง", "is not a valid e-mail address")
    if v.get("birth_date") and v["birth_date"] > dt.date.today():
        raise _err("birth_date", "อยู่ในอนาคต", "is in the future")


def _validate_enterprise(ctx: Context, v: dict[str, Any], current: Any) -> None:
    _required(v, "code", "name_th")
    _thai_text(v, "name_th")
    _unique(ctx, Enterprise, "code", v.get("code"), current)
    _one_of(v, "kind", ENTERPRISE_KINDS)
    _one_of(v, "size", ENTERPRISE_SIZES)
    _id_field(v, "registration_id")
    _phone_field(v)
    pc = v.get("postcode") or ""
    if pc and not (len(pc) == 5 and pc.isdigit()):
        raise _err("postcode", "ต้องเป็นตัวเลข 5 หลัก", "must be 5 digits")
    tsic = v.get("tsic_code") or ""
    if tsic and not (len(tsic) <= 5 and tsic.isdigit()):
        raise _err("tsic_code", "ต้องเป็นตัวเลขไม่เกิน 5 หลัก", "must be up to 5 digits")


def _validate_program(ctx: Context, v: dict[str, Any], current: Any) -> None:
    _required(v, "code", "name_th", "fiscal_year", "service_kind")
    _unique(ctx, Program, "code", v.get("code"), current)
    _one_of(v, "service_kind", SERVICE_KINDS)
    _one_of(v, "policy_track", POLICY_TRACKS, optional=True)
    if not 2500 <= int(v["fiscal_year"]) <= 2700:
        raise _err("fiscal_year", "ต้องเป็นปี พ.ศ. เช่น 2569", "must be a Buddhist-era year such as 2569")


def _validate_activity(ctx: Context, v: dict[str, Any], current: Any) -> None:
    _required(v, "code", "title_th", "program_id", "start_date", "end_date")
    _unique(ctx, Activity, "code", v.get("code"), current)
    if v["end_date"] < v["start_date"]:
        raise _err("end_date", "ต้องไม่ก่อนวันเริ่ม", "must not be before the start date")
    if not 0 <= int(v.get("completion_threshold") or 0) <= 100:
        raise _err("completion_threshold", "ต้องอยู่ระหว่าง 0 ถึง 100", "must be between 0 and 100")
    for key in ("hours", "capacity"):
        if (v.get(key) or 0) < 0:
            raise _err(key, "ต้องไม่ติดลบ", "must not be negative")


def _validate_session(ctx: Context, v: dict[str, Any], current: Any) -> None:
    """A training day (วันอบรม) lies within its activity's dates: a BE year typed one off (2568 for 2569)
    is caught when it is typed, not found later in the wrong fiscal year's figures."""
    _required(v, "activity_id", "seq", "day")
    if not 0 <= (v.get("hours") or 0) <= 24:
        raise _err("hours", "ต้องอยู่ระหว่าง 0 ถึง 24 ชั่วโมง", "must be between 0 and 24 hours")
    activity = ctx.session.get(Activity, v["activity_id"])
    if activity is None or activity.start_date <= v["day"] <= activity.end_date:
        return
    first, last = activity.start_date, activity.end_date
    raise _err(
        "day",
        f"ต้องอยู่ในช่วงวันของกิจกรรม ({format_thai_date(first, 'short')} – {format_thai_date(last, 'short')}) "
        "หากกิจกรรมขยายเวลา ให้แก้วันสิ้นสุดของกิจกรรมก่อน",
        f"must fall within the activity's dates ({format_thai_date(first, 'numeric')} – "
        f"{format_thai_date(last, 'numeric')}); if the activity was extended, change its end date first",
    )


def _validate_named(ctx: Context, v: dict[str, Any], current: Any) -> None:
    _required(v, "name_th")


def _validate_group(ctx: Context, v: dict[str, Any], current: Any) -> None:
    _required(v, "code", "name_th")
    _unique(ctx, Group, "code", v.get("code"), current)


def _validate_enrollment(ctx: Context, v: dict[str, Any], current: Any) -> None:
    _required(v, "activity_id", "person_id")
    _one_of(v, "status", ENROLLMENT_STATES)


def _validate_outcome(ctx: Context, v: dict[str, Any], current: Any) -> None:
    _required(v, "enterprise_id", "period_start", "period_end", "fiscal_year")
    if v["period_end"] < v["period_start"]:
        raise _err("period_end", "ต้องไม่ก่อนวันเริ่มงวด", "must not be before the period start")


def _validate_pair(ctx: Context, v: dict[str, Any], current: Any) -> None:
    _required(v, "mentee_enterprise_id", "cohort")
    if not v.get("mentor_person_id") and not v.get("mentor_enterprise_id"):
        raise _err(
            "mentor_person_id", "ต้องระบุพี่เลี้ยง (บุคคลหรือบริษัท)", "a mentor (person or company) is required"
        )
    if v.get("mentor_enterprise_id") and v["mentor_enterprise_id"] == v["mentee_enterprise_id"]:
        raise _err("mentor_enterprise_id", "พี่เลี้ยงต้องไม่ใช่กิจการเดียวกับน้อง", "mentor and mentee must differ")


def _validate_service_record(ctx: Context, v: dict[str, Any], current: Any) -> None:
    _required(v, "enterprise_id", "day")
    _one_of(v, "service_kind", SERVICE_KINDS)


VALIDATORS: dict[type[Base], Validator] = {
    Person: _validate_person,
    Enterprise: _validate_enterprise,
    Program: _validate_program,
    Activity: _validate_activity,
    ActivitySession: _validate_session,
    Product: lambda ctx, v, cur: _required(v, "enterprise_id", "name_th"),
    Group: _validate_group,
    Enrollment: _validate_enrollment,
    ServiceRecord: _validate_service_record,
    Outcome: _validate_outcome,
    MentoringPair: _validate_pair,
    MentoringSession: lambda ctx, v, cur: _required(v, "pair_id", "day", "topic"),
    Target: lambda ctx, v, cur: _required(v, "fiscal_year"),
}

# Fields whose before/after values are not written to the audit trail in the clear (PDPA).
_SENSITIVE = {"national_id", "password_hash"}


def _jsonable(field: str, value: Any) -> Any:
    if value is None or isinstance(value, (str, int, float, bool)):
        return "***" if field in _SENSITIVE and value else value
    if isinstance(value, (Decimal, dt.date, dt.datetime)):
        return str(value)
    return value


def audit(ctx: Context, action: str, record: Base, changes: dict[str, Any], reason: str = "") -> None:
    entry = AuditEntry(
        site_id=ctx.site.id,
        user_id=ctx.user_id,
        action=action,
        table_name=record.__tablename__,
        record_id=getattr(record, "id", ""),
        changes=changes,
        reason=reason,
    )
    ctx.session.add(entry)
    ctx.session.flush()
    capture(ctx.session, entry, {}, op="c", user_id=ctx.user_id)  # the trail travels to the server too


def _values_of(obj: Base, mapper: Mapper[Any]) -> dict[str, Any]:
    return {c.key: getattr(obj, c.key) for c in mapper.column_attrs}


def _apply_defaults(mapper: Mapper[Any], values: dict[str, Any]) -> None:
    for col in mapper.columns:
        if col.key in values or col.key in PROTECTED:
            continue
        default = col.default
        if default is not None and getattr(default, "is_scalar", False):
            values[col.key] = default.arg  # type: ignore[attr-defined]
        elif default is not None and getattr(default, "is_callable", False):
            values[col.key] = default.arg(None)  # type: ignore[attr-defined]
        else:
            values[col.key] = None


def create(ctx: Context, model: type[M], **fields: Any) -> M:
    """Validate, insert and audit a new record owned by the context's site."""
    mapper = inspect(model)
    bad = PROTECTED.intersection(fields) - {"id"}
    if bad:
        raise ValidationError(sorted(bad)[0], "แก้ไขช่องนี้โดยตรงไม่ได้", "cannot be set directly")
    values = {k: _coerce(mapper, k, v) for k, v in fields.items() if k != "id"}
    _apply_defaults(mapper, values)
    validator = VALIDATORS.get(model)
    if validator:
        validator(ctx, values, None)
    _check_lengths(mapper, values)
    obj = model(**{k: v for k, v in values.items()})
    if fields.get("id"):
        obj.id = str(fields["id"])  # type: ignore[attr-defined]
    if isinstance(obj, SiteOwned):
        obj.site_id = ctx.site.id
    ctx.session.add(obj)
    ctx.session.flush()
    capture(ctx.session, obj, {}, op="c", user_id=ctx.user_id)
    audit(ctx, "create", obj, {k: [None, _jsonable(k, v)] for k, v in values.items() if v not in (None, "")})
    return obj


def get(ctx: Context, model: type[M], record_id: str) -> M:
    """The live record `record_id`; a person or enterprise merged into another is found by its old id
    (the alias, `dipdesk.sync.identity.resolve`)."""
    obj = ctx.session.get(model, record_id)
    if (obj is None or getattr(obj, "deleted", False)) and model.__tablename__ in MERGE_KINDS:
        kept = resolve(ctx.session.connection(), model.__tablename__, record_id)
        if kept != record_id:
            obj = ctx.session.get(model, kept)
    if obj is None or getattr(obj, "deleted", False):
        raise NotFound(f"ไม่พบข้อมูล {record_id}", f"no {model.__tablename__} record {record_id}")
    return obj


def update(ctx: Context, obj: M, **fields: Any) -> dict[str, list[Any]]:
    """Validate and apply changed fields; audit only what actually changed. Returns {field: [old, new]}."""
    mapper = inspect(type(obj))
    bad = PROTECTED.intersection(fields)
    if bad:
        raise ValidationError(sorted(bad)[0], "แก้ไขช่องนี้โดยตรงไม่ได้", "cannot be set directly")
    if getattr(obj, "deleted", False):
        raise NotFound("ข้อมูลนี้ถูกลบแล้ว", "this record has been deleted")
    current = _values_of(obj, mapper)
    proposed = dict(current)
    proposed.update({k: _coerce(mapper, k, v) for k, v in fields.items()})
    validator = VALIDATORS.get(type(obj))
    if validator:
        validator(ctx, proposed, obj)
    _check_lengths(mapper, proposed)
    changes = {
        k: [_jsonable(k, current[k]), _jsonable(k, proposed[k])] for k in fields if proposed[k] != current[k]
    }
    for k in changes:
        setattr(obj, k, proposed[k])
    if changes:
        ctx.session.flush()
        capture(ctx.session, obj, {k: proposed[k] for k in changes}, user_id=ctx.user_id)
        audit(ctx, "update", obj, changes)
    return changes


def soft_delete(ctx: Context, obj: Base, reason: str = "") -> None:
    """Mark a record deleted (a tombstone for sync); nothing is ever hard-deleted.

    Refused (`dependents.InUse`, naming what and how many) while live records require this one: an
    enrolled person, a program with activities. Its parts (an activity's training days with no attendance)
    are deleted with it, each with its own tombstone. Deletes applied by sync do not come through here.
    """
    if getattr(obj, "deleted", False):
        return
    for part in dependents.check(ctx.session, obj):
        soft_delete(ctx, part, reason)
    obj.deleted = True  # type: ignore[attr-defined]
    ctx.session.flush()
    capture(ctx.session, obj, {"deleted": True}, op="d", user_id=ctx.user_id)
    audit(ctx, "delete", obj, {"deleted": [False, True]}, reason)


def restore(ctx: Context, obj: Base, reason: str = "") -> None:
    """Undo a soft delete (e.g. when a person swaps an edit-vs-delete conflict in favour of the edit)."""
    if not getattr(obj, "deleted", False):
        return
    obj.deleted = False  # type: ignore[attr-defined]
    ctx.session.flush()
    capture(ctx.session, obj, {"deleted": False}, user_id=ctx.user_id)
    audit(ctx, "restore", obj, {"deleted": [True, False]}, reason)


def count_live(ctx: Context, model: type[Base]) -> int:
    deleted: Any = model.deleted  # type: ignore[attr-defined]
    return int(ctx.session.scalar(select(func.count()).select_from(model).where(deleted.is_(False))) or 0)
