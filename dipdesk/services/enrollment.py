"""Enrollment (การลงทะเบียน) of people in an activity, and attendance (การเข้าร่วม) per session.

Everything is written through `dipdesk.services.records`, so each change is validated and audited. The
status of an enrollment moves applied → enrolled → completed / dropped; attendance moves it between
enrolled and completed by the activity's own rule (`dipdesk.core.attendance`): reaching the threshold
completes, a correction that falls below it reopens. A dropped enrollment is left as staff set it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import or_, select, text
from sqlalchemy.orm import Session

from dipdesk.core.attendance import Completion, Mark, completion
from dipdesk.core.digits import to_arabic_digits
from dipdesk.core.names import full_name
from dipdesk.core.thaiid import mask_id
from dipdesk.services import numbering, records
from dipdesk.services.context import Context
from dipdesk.services.errors import NotFound, ValidationError
from dipdesk.services.search import check_search_text
from dipdesk.store.enrollment import Attendance, Enrollment
from dipdesk.store.people import Enterprise, EnterpriseMember, Person
from dipdesk.store.programs import Activity, ActivitySession

# Which status may follow which. Completed → enrolled happens when attendance is corrected downwards;
# dropped → enrolled when staff take someone back.
TRANSITIONS: dict[str, frozenset[str]] = {
    "applied": frozenset({"enrolled", "dropped"}),
    "enrolled": frozenset({"completed", "dropped"}),
    "completed": frozenset({"enrolled", "dropped"}),
    "dropped": frozenset({"enrolled"}),
}
STATUS_TH = {"applied": "สมัคร", "enrolled": "ลงทะเบียน", "completed": "ผ่านเกณฑ์", "dropped": "ยกเลิก/ไม่ผ่าน"}

SEARCH_LIMIT = 50


def person_name(prefix: str | None, first: str | None, last: str | None) -> str:
    """`นางสมศรี รักไทย`: the prefix is written against a Thai first name, as on Thai forms, and apart
    from a name in another script (`นางสาว Mary-Jane Smith`); see `dipdesk.core.names`."""
    return full_name(prefix, first, last)


def _activity(ctx_or_session: Context | Session, activity_id: str) -> Activity:
    session = ctx_or_session.session if isinstance(ctx_or_session, Context) else ctx_or_session
    activity = session.get(Activity, activity_id)
    if activity is None or activity.deleted:
        raise NotFound("ไม่พบกิจกรรมนี้", f"no activity {activity_id}")
    return activity


# --- enrolling ---------------------------------------------------------------------------------------


def enterprise_of(session: Session, person_id: str) -> str | None:
    """The enterprise a person works in or owns (their first membership), if any."""
    return session.scalars(
        select(EnterpriseMember.enterprise_id)
        .join(Enterprise, Enterprise.id == EnterpriseMember.enterprise_id)
        .where(
            EnterpriseMember.person_id == person_id,
            EnterpriseMember.deleted.is_(False),
            Enterprise.deleted.is_(False),
        )
        .order_by(EnterpriseMember.created_at)
        .limit(1)
    ).first()


def find_enrollment(session: Session, activity_id: str, person_id: str) -> Enrollment | None:
    """The enrollment of this person in this activity, deleted or not (there is at most one row)."""
    return session.scalars(
        select(Enrollment).where(Enrollment.activity_id == activity_id, Enrollment.person_id == person_id)
    ).first()


def enroll(
    ctx: Context,
    activity_id: str,
    person_id: str,
    *,
    enterprise_id: str | None = None,
    status: str = "enrolled",
    applied_on: dt.date | None = None,
    note: str = "",
) -> tuple[Enrollment, bool]:
    """Enroll a person in an activity; returns (enrollment, True if new).

    Enrolling someone already enrolled changes nothing (and fills in the enterprise if it was missing);
    someone removed earlier is brought back. The enterprise defaults to the person's own.
    """
    ctx.require("records.write")
    _activity(ctx, activity_id)
    person = ctx.session.get(Person, person_id)
    if person is None or person.deleted:
        raise NotFound("ไม่พบบุคคลนี้", f"no person {person_id}")
    enterprise_id = enterprise_id or enterprise_of(ctx.session, person_id)
    existing = find_enrollment(ctx.session, activity_id, person_id)
    if existing is not None:
        created = existing.deleted
        if existing.deleted:
            records.restore(ctx, existing, "ลงทะเบียนอีกครั้ง")
            records.update(ctx, existing, status=status)
        if enterprise_id and not existing.enterprise_id:
            records.update(ctx, existing, enterprise_id=enterprise_id)
        return existing, created
    enrollment = records.create(
        ctx,
        Enrollment,
        activity_id=activity_id,
        person_id=person_id,
        enterprise_id=enterprise_id,
        status=status,
        applied_on=applied_on or dt.date.today(),
        note=note,
    )
    return enrollment, True


def enterprise_code_prefix(session: Session, site_code: str) -> str:
    """What codes of enterprises made on this computer start with (``IPC1-E-K7Q2-``): per device within
    the site, so two laptops adding enterprises offline never take the same code."""
    return numbering.code_prefix(session, f"{site_code}-E")


def next_enterprise_code(session: Session, site_code: str) -> int:
    """The next running number for enterprise codes made here (``IPC1-E-K7Q2-000123``)."""
    prefix = enterprise_code_prefix(session, site_code)
    codes = session.scalars(
        select(Enterprise.code).where(Enterprise.code.startswith(prefix, autoescape=True))
    )
    return max((int(c[len(prefix) :]) for c in codes if c[len(prefix) :].isdigit()), default=0) + 1


def guess_enterprise_kind(name: str) -> str:
    """วิสาหกิจชุมชน/กลุ่ม → community; บริษัท/หจก. → juristic; otherwise an individual business."""
    if any(w in name for w in ("วิสาหกิจชุมชน", "กลุ่ม", "สหกรณ์")):
        return "community"
    if any(w in name for w in ("บริษัท", "หจก", "ห้างหุ้นส่วน", "บจก")):
        return "juristic"
    return "individual"


def enterprise_named(ctx: Context, name: str) -> Enterprise:
    """The live enterprise with exactly this name, or a new one (its code made here)."""
    name = " ".join(name.split())
    existing = ctx.session.scalars(
        select(Enterprise).where(Enterprise.name_th == name, Enterprise.deleted.is_(False)).limit(1)
    ).first()
    if existing is not None:
        return existing
    prefix = enterprise_code_prefix(ctx.session, ctx.site.code)
    code = f"{prefix}{next_enterprise_code(ctx.session, ctx.site.code):06d}"
    return records.create(ctx, Enterprise, code=code, name_th=name, kind=guess_enterprise_kind(name))


def enroll_new_person(
    ctx: Context,
    activity_id: str,
    *,
    enterprise_id: str | None = None,
    enterprise_name: str = "",
    **person_fields: Any,
) -> Enrollment:
    """Create a person (validated like any other) and enroll them: the "add someone new" of the dialog.
    `enterprise_name` links them to that enterprise (found by its exact name, or created)."""
    ctx.require("records.write")
    _activity(ctx, activity_id)
    person = records.create(ctx, Person, **person_fields)
    if enterprise_name.strip() and not enterprise_id:
        enterprise_id = enterprise_named(ctx, enterprise_name).id
    if enterprise_id:
        records.create(ctx, EnterpriseMember, enterprise_id=enterprise_id, person_id=person.id)
    enrollment, _ = enroll(ctx, activity_id, person.id, enterprise_id=enterprise_id)
    return enrollment


def set_status(ctx: Context, enrollment: Enrollment, status: str, *, note: str | None = None) -> bool:
    """Move an enrollment to `status` if the workflow allows it; True if it changed."""
    ctx.require("records.write")
    if status == enrollment.status:
        return False
    allowed = TRANSITIONS.get(enrollment.status, frozenset())
    if status not in allowed:
        raise ValidationError(
            "status",
            f"สถานะ: เปลี่ยนจาก{STATUS_TH.get(enrollment.status, enrollment.status)}"
            f"เป็น{STATUS_TH.get(status, status)}ไม่ได้",
            f"status: cannot go from {enrollment.status} to {status}",
        )
    fields: dict[str, Any] = {"status": status}
    if note is not None:
        fields["note"] = note
    return bool(records.update(ctx, enrollment, **fields))


def unenroll(ctx: Context, enrollment: Enrollment, reason: str = "") -> None:
    """Remove an enrollment made by mistake (a tombstone, with its attendance). Not the same as dropped."""
    ctx.require("records.write")
    for att in ctx.session.scalars(
        select(Attendance).where(Attendance.enrollment_id == enrollment.id, Attendance.deleted.is_(False))
    ):
        records.soft_delete(ctx, att, reason)
    records.soft_delete(ctx, enrollment, reason)


# --- finding people to enroll ------------------------------------------------------------------------


@dataclass(frozen=True)
class PersonHit:
    """A person found by `search_people`, as the enrollment dialog lists them (ID masked, PDPA)."""

    id: str
    name: str
    national_id_masked: str
    phone: str
    enterprise: str
    enrolled: bool


def _fts_phrase(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def search_people(
    session: Session, query: str, *, activity_id: str | None = None, limit: int = SEARCH_LIMIT
) -> list[PersonHit]:
    """People whose name, phone, e-mail or national ID contains what was typed (Thai substrings work).

    Words of three or more characters use the trigram index (Thai has no spaces between words); shorter
    ones a plain LIKE. Digits match the national ID from its start, or anywhere in the phone number.
    """
    check_search_text(query)
    words = to_arabic_digits(query).split()
    if not words:
        return []
    q = select(Person.id, Person.prefix, Person.first_name_th, Person.last_name_th, Person.national_id,
               Person.phone).where(Person.deleted.is_(False))  # fmt: skip
    use_fts = session.get_bind().dialect.name == "sqlite"
    for i, word in enumerate(words):
        digits = word.replace("-", "")
        if digits.isdigit() and len(digits) >= 3:
            q = q.where(or_(Person.national_id.startswith(digits), Person.phone.contains(digits)))
        elif use_fts and len(word) >= 3:
            q = q.where(
                text(
                    f"people.rowid IN (SELECT rowid FROM people_fts WHERE people_fts MATCH :m{i})"
                ).bindparams(**{f"m{i}": _fts_phrase(word)})
            )
        else:
            like = f"%{word}%"
            q = q.where(
                or_(
                    Person.first_name_th.like(like),
                    Person.last_name_th.like(like),
                    Person.first_name_en.like(like),
                    Person.last_name_en.like(like),
                )
            )
    rows = session.execute(q.order_by(Person.first_name_th, Person.last_name_th).limit(limit)).all()
    ids = [r.id for r in rows]
    enterprises: dict[str, str] = {}
    enrolled: set[str] = set()
    if ids:
        for pid, name in session.execute(
            select(EnterpriseMember.person_id, Enterprise.name_th)
            .join(Enterprise, Enterprise.id == EnterpriseMember.enterprise_id)
            .where(EnterpriseMember.person_id.in_(ids), EnterpriseMember.deleted.is_(False))
        ):
            enterprises.setdefault(pid, name)
        if activity_id:
            enrolled = set(
                session.scalars(
                    select(Enrollment.person_id).where(
                        Enrollment.activity_id == activity_id,
                        Enrollment.person_id.in_(ids),
                        Enrollment.deleted.is_(False),
                    )
                )
            )
    return [
        PersonHit(
            id=r.id,
            name=person_name(r.prefix, r.first_name_th, r.last_name_th),
            national_id_masked=mask_id(r.national_id) if r.national_id else "",
            phone=r.phone or "",
            enterprise=enterprises.get(r.id, ""),
            enrolled=r.id in enrolled,
        )
        for r in rows
    ]


# --- the attendance sheet ----------------------------------------------------------------------------


@dataclass(frozen=True)
class SheetSession:
    id: str
    seq: int
    day: dt.date
    hours: Decimal
    topic: str


@dataclass
class SheetRow:
    enrollment_id: str
    person_id: str
    name: str
    enterprise: str
    status: str
    marks: dict[str, Mark] = field(default_factory=dict)  # session id → mark (absent: not taken yet)


@dataclass
class AttendanceSheet:
    """An activity's attendance: its sessions (columns), its enrolled people (rows) and the rule."""

    activity_id: str
    code: str
    title: str
    threshold: int
    planned_hours: Decimal
    sessions: list[SheetSession]
    rows: list[SheetRow]
    start_date: dt.date | None = None
    end_date: dt.date | None = None

    @property
    def session_hours(self) -> dict[str, Decimal]:
        return {s.id: s.hours for s in self.sessions}

    def completion(self, row: SheetRow, marks: Mapping[str, Mark] | None = None) -> Completion:
        """Where `row` stands, with its saved marks or the `marks` given (the grid's unsaved state)."""
        return completion(
            self.session_hours, row.marks if marks is None else marks, self.threshold, self.planned_hours
        )


def attendance_sheet(session: Session, activity_id: str) -> AttendanceSheet:
    """Everything the attendance grid shows, in three queries."""
    activity = _activity(session, activity_id)
    sessions = [
        SheetSession(s.id, s.seq, s.day, s.hours or Decimal(0), s.topic or "")
        for s in session.scalars(
            select(ActivitySession)
            .where(ActivitySession.activity_id == activity_id, ActivitySession.deleted.is_(False))
            .order_by(ActivitySession.seq)
        )
    ]
    rows: dict[str, SheetRow] = {}
    for r in session.execute(
        select(
            Enrollment.id,
            Enrollment.person_id,
            Enrollment.status,
            Person.prefix,
            Person.first_name_th,
            Person.last_name_th,
            Enterprise.name_th,
        )
        .join(Person, Person.id == Enrollment.person_id)
        .outerjoin(Enterprise, Enterprise.id == Enrollment.enterprise_id)
        .where(Enrollment.activity_id == activity_id, Enrollment.deleted.is_(False))
        .order_by(Person.first_name_th, Person.last_name_th)
    ):
        rows[r[0]] = SheetRow(r[0], r[1], person_name(r[3], r[4], r[5]), r[6] or "", r[2])
    if rows:
        for enrollment_id, session_id, present, hours in session.execute(
            select(Attendance.enrollment_id, Attendance.session_id, Attendance.present, Attendance.hours)
            .join(Enrollment, Enrollment.id == Attendance.enrollment_id)
            .where(Enrollment.activity_id == activity_id, Attendance.deleted.is_(False))
        ):
            row = rows.get(enrollment_id)
            if row is not None:
                row.marks[session_id] = Mark(bool(present), hours)
    return AttendanceSheet(
        activity_id=activity.id,
        code=activity.code,
        title=activity.title_th,
        threshold=activity.completion_threshold,
        planned_hours=activity.hours or Decimal(0),
        sessions=sessions,
        rows=list(rows.values()),
        start_date=activity.start_date,
        end_date=activity.end_date,
    )


def next_session_day(start: dt.date, end: dt.date, used: Iterable[dt.date]) -> dt.date | None:
    """The day to offer for an activity's next training day: the day after the last one (most courses
    run on consecutive days), kept within the activity's dates; else the first of its days that has no
    training day yet; None when every day from `start` to `end` already has one (the activity is full)."""
    days = list(used)
    taken = {d for d in days if start <= d <= end}
    last = max(days, default=None)
    after = start if last is None else max(start, last + dt.timedelta(days=1))
    if after <= end and after not in taken:
        return after
    day = start
    while day <= end:
        if day not in taken:
            return day
        day += dt.timedelta(days=1)
    return None


# --- recording attendance ----------------------------------------------------------------------------


@dataclass
class AttendanceResult:
    """What `record_attendance` did."""

    created: int = 0
    changed: int = 0
    completed: list[str] = field(default_factory=list)  # enrollment ids that reached the threshold
    reopened: list[str] = field(default_factory=list)  # enrollment ids that fell below it again


def _as_mark(value: bool | Mark) -> Mark:
    return value if isinstance(value, Mark) else Mark(bool(value))


def record_attendance(
    ctx: Context, activity_id: str, marks: Mapping[tuple[str, str], bool | Mark]
) -> AttendanceResult:
    """Record many marks at once: `{(enrollment id, session id): present or Mark}`.

    A present mark without hours means the whole session. Absent marks are recorded too (an explicit
    "was not there" differs from "not taken yet"). Then each touched enrollment's status follows the rule.
    Runs in the caller's transaction: the grid's save either lands whole or not at all.
    """
    ctx.require("records.write")
    _activity(ctx, activity_id)
    session = ctx.session
    sessions = {
        s.id: s
        for s in session.scalars(
            select(ActivitySession).where(
                ActivitySession.activity_id == activity_id, ActivitySession.deleted.is_(False)
            )
        )
    }
    enrollment_ids = {e for e, _ in marks}
    enrollments = {
        e.id: e
        for e in session.scalars(
            select(Enrollment).where(Enrollment.id.in_(enrollment_ids), Enrollment.deleted.is_(False))
        )
    }
    existing = {
        (a.enrollment_id, a.session_id): a
        for a in session.scalars(select(Attendance).where(Attendance.enrollment_id.in_(enrollment_ids)))
    }
    result = AttendanceResult()
    for (enrollment_id, session_id), value in marks.items():
        enrollment = enrollments.get(enrollment_id)
        if enrollment is None or enrollment.activity_id != activity_id:
            raise NotFound("ไม่พบการลงทะเบียนนี้ในกิจกรรม", f"enrollment {enrollment_id} is not in this activity")
        sess = sessions.get(session_id)
        if sess is None:
            raise NotFound("ไม่พบวันอบรมนี้ในกิจกรรม", f"session {session_id} is not in this activity")
        mark = _as_mark(value)
        full = sess.hours or Decimal(0)
        hours = (
            (full if mark.hours is None else min(max(Decimal(mark.hours), Decimal(0)), full))
            if mark.present
            else Decimal(0)
        )
        att = existing.get((enrollment_id, session_id))
        if att is None:
            records.create(
                ctx,
                Attendance,
                enrollment_id=enrollment_id,
                session_id=session_id,
                present=mark.present,
                hours=hours,
            )
            result.created += 1
        else:
            if att.deleted:
                records.restore(ctx, att)
            if records.update(ctx, att, present=mark.present, hours=hours):
                result.changed += 1
    session.flush()
    _follow_rule(ctx, activity_id, [enrollments[e] for e in enrollment_ids], result)
    return result


def _follow_rule(
    ctx: Context, activity_id: str, enrollments: Iterable[Enrollment], result: AttendanceResult
) -> None:
    sheet = attendance_sheet(ctx.session, activity_id)
    by_id = {r.enrollment_id: r for r in sheet.rows}
    for enrollment in enrollments:
        row = by_id.get(enrollment.id)
        if row is None:
            continue
        state = sheet.completion(row)
        any_present = any(m.present for m in row.marks.values())
        if enrollment.status == "applied" and any_present:
            records.update(ctx, enrollment, status="enrolled")
        if enrollment.status == "enrolled" and state.complete:
            records.update(ctx, enrollment, status="completed")
            result.completed.append(enrollment.id)
        elif enrollment.status == "completed" and not state.complete:
            records.update(ctx, enrollment, status="enrolled")
            result.reopened.append(enrollment.id)


def refresh_statuses(ctx: Context, activity_id: str) -> AttendanceResult:
    """Apply the completion rule to every enrollment of the activity (after its threshold changed)."""
    ctx.require("records.write")
    result = AttendanceResult()
    enrollments = ctx.session.scalars(
        select(Enrollment).where(Enrollment.activity_id == activity_id, Enrollment.deleted.is_(False))
    ).all()
    _follow_rule(ctx, activity_id, enrollments, result)
    return result
