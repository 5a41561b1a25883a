"""Enrollment and attendance: enroll existing or new people, take attendance in bulk, statuses follow."""

from __future__ import annotations

import datetime as dt

import _records_b_db
import pytest
from sqlalchemy import func, select

from dipdesk.core.attendance import Mark
from dipdesk.core.thaiid import make_id
from dipdesk.services import enrollment as es
from dipdesk.services import records
from dipdesk.services.errors import PermissionDenied, ValidationError
from dipdesk.store.auth import AuditEntry, User
from dipdesk.store.enrollment import Attendance, Enrollment
from dipdesk.store.people import Enterprise, EnterpriseMember, Person
from dipdesk.store.programs import Activity, ActivitySession, Program

# the fast database fixtures of this part (see _records_b_db.py)
engine = _records_b_db.engine
ctx = _records_b_db.ctx
set_up_template = _records_b_db.set_up_template


def _course(ctx, hours=(6, 6, 3), threshold: int = 80) -> tuple[Activity, list[ActivitySession]]:  # type: ignore[no-untyped-def]
    program = records.create(
        ctx, Program, code="P1", name_th="โครงการ", fiscal_year=2569, service_kind="training"
    )
    activity = records.create(
        ctx,
        Activity,
        program_id=program.id,
        code="A1",
        title_th="อบรมการตลาดออนไลน์",
        start_date=dt.date(2025, 12, 1),
        end_date=dt.date(2025, 12, 3),
        hours=sum(hours),
        completion_threshold=threshold,
    )
    sessions = [
        records.create(
            ctx, ActivitySession, activity_id=activity.id, seq=i + 1, day=dt.date(2025, 12, 1 + i), hours=h
        )
        for i, h in enumerate(hours)
    ]
    return activity, sessions


def test_enroll_existing_and_new_people(ctx, session) -> None:  # type: ignore[no-untyped-def]
    activity, _ = _course(ctx)
    somsri = records.create(ctx, Person, prefix="นาง", first_name_th="สมศรี", last_name_th="รักไทย")
    shop = records.create(ctx, Enterprise, code="E1", name_th="ร้านสมศรี", kind="individual")
    records.create(ctx, EnterpriseMember, enterprise_id=shop.id, person_id=somsri.id)
    enrollment, created = es.enroll(ctx, activity.id, somsri.id)
    assert created and enrollment.status == "enrolled" and enrollment.enterprise_id == shop.id
    again, created = es.enroll(ctx, activity.id, somsri.id)
    assert again.id == enrollment.id and not created
    new = es.enroll_new_person(ctx, activity.id, prefix="นาย", first_name_th="วิชัย", last_name_th="มั่นคง",
                               national_id=make_id("310010000002"), phone="๐๘๙-๑๒๓-๔๕๖๗")  # fmt: skip
    person = session.get(Person, new.person_id)
    assert person.phone == "0891234567"
    with pytest.raises(ValidationError) as bad:
        es.enroll_new_person(ctx, activity.id, first_name_th="", last_name_th="ไม่มีชื่อ")
    assert bad.value.field == "first_name_th"
    # removed by mistake, then enrolled again: the same row comes back
    es.unenroll(ctx, enrollment, "ลงผิดกิจกรรม")
    back, created = es.enroll(ctx, activity.id, somsri.id)
    assert back.id == enrollment.id and created and not back.deleted


def test_search_finds_thai_substrings_ids_and_phones(ctx, session) -> None:  # type: ignore[no-untyped-def]
    activity, _ = _course(ctx)
    p = records.create(ctx, Person, prefix="นาง", first_name_th="สมศรี", last_name_th="ศรีสุขสวัสดิ์",
                       national_id=make_id("310010000001"), phone="0812345678")  # fmt: skip
    records.create(ctx, Person, first_name_th="วิชัย", last_name_th="มั่นคง")
    session.flush()
    es.enroll(ctx, activity.id, p.id)
    assert [h.name for h in es.search_people(session, "สุขสวั")] == ["นางสมศรี ศรีสุขสวัสดิ์"]
    assert [h.name for h in es.search_people(session, "สม ศรีสุข")] == ["นางสมศรี ศรีสุขสวัสดิ์"]
    assert len(es.search_people(session, "3100")) == 1
    hit = es.search_people(session, "0812", activity_id=activity.id)[0]
    assert hit.enrolled and hit.national_id_masked == "3-1001-xxxxx-xx-" + make_id("310010000001")[-1]
    assert es.search_people(session, "  ") == []
    assert [h.name for h in es.search_people(session, "ชั")] == ["วิชัย มั่นคง"]  # short: LIKE


def test_attendance_in_bulk_completes_by_the_rule(ctx, session) -> None:  # type: ignore[no-untyped-def]
    activity, (d1, d2, d3) = _course(ctx)
    people = [
        records.create(ctx, Person, first_name_th=n, last_name_th="ทดสอบ") for n in ("ก้อย", "ขวัญ", "คำ")
    ]
    e = [es.enroll(ctx, activity.id, p.id)[0] for p in people]
    marks: dict[tuple[str, str], bool | Mark] = {}
    for s in (d1, d2, d3):
        marks[(e[0].id, s.id)] = True  # all three days
    marks[(e[1].id, d1.id)] = True  # 6 of 15 hours
    marks[(e[1].id, d3.id)] = True
    marks[(e[2].id, d1.id)] = True
    marks[(e[2].id, d2.id)] = True  # 12 of 15 = 80 %
    marks[(e[2].id, d3.id)] = False
    result = es.record_attendance(ctx, activity.id, marks)
    assert result.created == 8 and sorted(result.completed) == sorted([e[0].id, e[2].id])
    statuses = {x.id: x.status for x in session.scalars(select(Enrollment))}
    assert statuses == {e[0].id: "completed", e[1].id: "enrolled", e[2].id: "completed"}

    sheet = es.attendance_sheet(session, activity.id)
    assert [s.seq for s in sheet.sessions] == [1, 2, 3]
    row = next(r for r in sheet.rows if r.enrollment_id == e[1].id)
    assert sheet.completion(row).attended == 9

    # a correction below the threshold reopens; the same marks again change nothing
    result = es.record_attendance(ctx, activity.id, {(e[2].id, d2.id): False})
    assert result.reopened == [e[2].id] and result.changed == 1
    again = es.record_attendance(ctx, activity.id, {(e[2].id, d2.id): False})
    assert (again.created, again.changed, again.reopened) == (0, 0, [])
    assert session.scalar(select(func.count()).select_from(Attendance)) == 8
    assert (
        session.scalar(
            select(func.count()).select_from(AuditEntry).where(AuditEntry.table_name == "attendance")
        )
        == 9
    )


def test_threshold_change_and_status_workflow(ctx, session) -> None:  # type: ignore[no-untyped-def]
    activity, (d1, d2, _d3) = _course(ctx, threshold=100)
    p = records.create(ctx, Person, first_name_th="แก้ว", last_name_th="ใส")
    enrollment, _ = es.enroll(ctx, activity.id, p.id, status="applied")
    es.record_attendance(ctx, activity.id, {(enrollment.id, d1.id): True, (enrollment.id, d2.id): True})
    assert enrollment.status == "enrolled"  # attended: no longer only applied, but 12/15 < 100 %
    records.update(ctx, activity, completion_threshold=80)
    assert es.refresh_statuses(ctx, activity.id).completed == [enrollment.id]
    es.set_status(ctx, enrollment, "dropped", note="ย้ายไปรุ่นถัดไป")
    with pytest.raises(ValidationError):
        es.set_status(ctx, enrollment, "completed")
    assert es.set_status(ctx, enrollment, "enrolled") is True


def test_a_viewer_cannot_take_attendance(ctx, session) -> None:  # type: ignore[no-untyped-def]
    activity, (d1, *_rest) = _course(ctx)
    p = records.create(ctx, Person, first_name_th="แก้ว", last_name_th="ใส")
    enrollment, _ = es.enroll(ctx, activity.id, p.id)
    ctx.user = records.create(ctx, User, username="viewer", password_hash="x", role="viewer")
    with pytest.raises(PermissionDenied):
        es.record_attendance(ctx, activity.id, {(enrollment.id, d1.id): True})


def test_next_session_day_stays_within_the_activity() -> None:
    start, end = dt.date(2026, 2, 1), dt.date(2026, 2, 3)
    assert es.next_session_day(start, end, []) == start
    assert es.next_session_day(start, end, [dt.date(2026, 2, 1)]) == dt.date(2026, 2, 2)
    # the day after the last is past the end: the first free day of the activity instead
    assert es.next_session_day(start, end, [dt.date(2026, 2, 1), dt.date(2026, 2, 3)]) == dt.date(2026, 2, 2)
    # every day taken: no day to offer (a day outside the dates is never offered)
    assert es.next_session_day(start, end, [start, dt.date(2026, 2, 2), end]) is None
    assert es.next_session_day(start, start, [start]) is None
