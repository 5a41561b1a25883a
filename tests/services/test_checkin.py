"""Check-in by Thai ID card: the holder found by national ID or created, enrolled, ticked once a day."""

from __future__ import annotations

import datetime as dt

import _records_b_db
import pytest
from sqlalchemy import func, select

from dipdesk.core import thaicard as tc
from dipdesk.core.thaiid import make_id
from dipdesk.services import checkin, records
from dipdesk.services.errors import NotFound, ValidationError
from dipdesk.store.auth import AuditEntry
from dipdesk.store.enrollment import Attendance, Enrollment
from dipdesk.store.people import Person
from dipdesk.store.programs import Activity, ActivitySession, Program

engine = _records_b_db.engine
ctx = _records_b_db.ctx
set_up_template = _records_b_db.set_up_template

DAY = dt.date(2025, 12, 1)


def _card(first12: str = "110370012345", **over: object) -> tc.CardData:
    base: dict[str, object] = dict(
        national_id=make_id(first12),
        name_th=tc.CardName("นางสาว", "ฤดี", "", "ฦๅษา"),
        name_en=tc.CardName("Miss", "Ruedee", "", "Luesa"),
        birth_date=dt.date(1990, 5, 4),
        gender="F",
        address="99/1 หมู่ที่ 4 ตำบลบ้านใหม่ อำเภอเมืองเชียงใหม่ จังหวัดเชียงใหม่",
        province="เชียงใหม่",
        issuer="",
        issued_on=None,
        expires_on=None,
    )
    base.update(over)
    return tc.CardData(**base)  # type: ignore[arg-type]


def _activity(ctx) -> Activity:  # type: ignore[no-untyped-def]
    program = records.create(
        ctx, Program, code="P1", name_th="โครงการ", fiscal_year=2569, service_kind="training"
    )
    activity = records.create(ctx, Activity, program_id=program.id, code="A1", title_th="อบรม",
                              start_date=DAY, end_date=DAY + dt.timedelta(days=1), hours=12)  # fmt: skip
    for i in range(2):
        records.create(ctx, ActivitySession, activity_id=activity.id, seq=i + 1,
                       day=DAY + dt.timedelta(days=i), hours=6)  # fmt: skip
    return activity


def test_a_new_card_holder_is_created_enrolled_and_ticked_once(ctx) -> None:  # type: ignore[no-untyped-def]
    activity = _activity(ctx)
    first = checkin.check_in_card(ctx, activity.id, _card(), DAY)
    assert first.new_person and first.new_enrollment and not first.already
    person = ctx.session.get(Person, first.person_id)
    assert (person.prefix, person.first_name_th, person.last_name_th) == ("นางสาว", "ฤดี", "ฦๅษา")
    assert (person.first_name_en, person.last_name_en, person.gender) == ("Ruedee", "Luesa", "F")
    assert person.birth_date == dt.date(1990, 5, 4) and "เชียงใหม่" in person.address

    again = checkin.check_in_card(ctx, activity.id, _card(), DAY)
    assert again.already and again.person_id == first.person_id
    assert "ลงเวลาวันนี้ไปแล้ว" in again.message_th()
    marks = ctx.session.scalars(select(Attendance).where(Attendance.deleted.is_(False))).all()
    assert [(m.present, m.hours) for m in marks] == [(True, 6)]
    assert ctx.session.scalar(select(func.count()).select_from(Person).where(
        Person.national_id == make_id("110370012345"))) == 1  # fmt: skip
    audited = ctx.session.scalars(select(AuditEntry.table_name).where(AuditEntry.action == "create")).all()
    assert {"people", "enrollments", "attendance"} <= set(audited)


def test_a_known_person_keeps_what_staff_typed(ctx) -> None:  # type: ignore[no-untyped-def]
    activity = _activity(ctx)
    known = records.create(ctx, Person, prefix="น.ส.", first_name_th="ฤดี", last_name_th="ฦๅษา",
                           national_id=make_id("110370012345"), phone="0812345678")  # fmt: skip
    result = checkin.check_in_card(ctx, activity.id, _card(), DAY + dt.timedelta(days=1))
    assert result.person_id == known.id and not result.new_person and result.new_enrollment
    assert known.prefix == "น.ส." and known.phone == "0812345678"  # kept
    assert known.first_name_en == "Ruedee" and known.birth_date == dt.date(1990, 5, 4)  # filled in
    enrollment = ctx.session.scalars(select(Enrollment).where(Enrollment.person_id == known.id)).one()
    assert enrollment.activity_id == activity.id


def test_a_card_without_a_thai_name_and_a_day_without_training(ctx) -> None:  # type: ignore[no-untyped-def]
    activity = _activity(ctx)
    card = _card("310050012345", name_th=tc.CardName("", "", "", ""))
    result = checkin.check_in_card(ctx, activity.id, card, DAY)
    person = ctx.session.get(Person, result.person_id)
    assert person.first_name_th == "Ruedee" and person.last_name_th == "Luesa"
    with pytest.raises(NotFound) as err:
        checkin.check_in_card(ctx, activity.id, card, DAY + dt.timedelta(days=5))
    assert "ไม่ใช่วันอบรม" in err.value.message("th")


def test_scans_of_someone_not_enrolled_can_be_refused(ctx) -> None:  # type: ignore[no-untyped-def]
    activity = _activity(ctx)
    person = records.create(ctx, Person, first_name_th="วิชัย", last_name_th="มั่นคง")
    with pytest.raises(ValidationError):
        checkin.check_in_person(ctx, activity.id, person.id, DAY, enroll=False)
