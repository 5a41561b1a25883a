"""Check-in at the classroom door (ลงเวลาเข้าอบรม): a card tap or a barcode scan ticks today's attendance.

`person_from_card` finds the card's holder by national ID (the duplicate finder's exact-ID rule, the
same one the enroll dialog and the merges use) or creates them from the card; `check_in` then enrolls
them in the activity if needed and marks them present for the activity's training day on `day`. A second
tap the same day changes nothing (`CheckIn.already`), so a queue of people tapping twice is harmless.

What is kept from a card: national ID, prefix, Thai and English names, birth date, gender and address.
The card's photo is never read into the database (PDPA: it is not needed to take attendance).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from dipdesk.core.thaicard import CardData
from dipdesk.core.thaidate import format_thai_date
from dipdesk.services import enrollment as es
from dipdesk.services import records
from dipdesk.services.context import Context
from dipdesk.services.duplicates import person_duplicates
from dipdesk.services.errors import NotFound, ValidationError
from dipdesk.store.enrollment import Attendance
from dipdesk.store.people import Person
from dipdesk.store.programs import ActivitySession


@dataclass(frozen=True)
class CheckIn:
    """What one tap or scan did."""

    person_id: str
    name: str
    enrollment_id: str
    session_id: str
    new_person: bool = False
    new_enrollment: bool = False
    already: bool = False  # was already marked present for this day: nothing changed

    def message_th(self) -> str:
        if self.already:
            return f"{self.name}: ลงเวลาวันนี้ไปแล้ว"
        extra = "ลงทะเบียนใหม่และ" if self.new_enrollment else ""
        return f"{self.name}: {extra}ลงเวลาเข้าอบรมแล้ว"


def find_person_by_national_id(ctx: Context, national_id: str) -> Person | None:
    """The live person with this national ID (the duplicate finder's exact-ID match), or None."""
    for twin in person_duplicates(ctx.session, {"national_id": national_id}):
        if twin.reason == "national_id":
            return ctx.session.get(Person, twin.id)
    return None


def person_from_card(ctx: Context, card: CardData) -> tuple[Person, bool]:
    """The card's holder, found by national ID or created; (person, True if new).

    A person found keeps what staff typed; only fields still empty are filled from the card."""
    ctx.require("records.write")
    fields = card.person_fields()
    person = find_person_by_national_id(ctx, card.national_id)
    if person is None:
        if not fields.get("first_name_th"):
            # a card without a Thai name (some foreign residents' cards): the English one stands in
            fields["first_name_th"] = fields.get("first_name_en") or "-"
            fields["last_name_th"] = fields.get("last_name_en") or ""
        return records.create(ctx, Person, **fields), True
    missing: dict[str, Any] = {k: v for k, v in fields.items() if v and not getattr(person, k, None)}
    if missing:
        records.update(ctx, person, **missing)
    return person, False


def session_on(ctx: Context, activity_id: str, day: dt.date) -> ActivitySession:
    """The activity's training day on `day`; NotFound says so when there is none."""
    found = ctx.session.scalars(
        select(ActivitySession)
        .where(
            ActivitySession.activity_id == activity_id,
            ActivitySession.day == day,
            ActivitySession.deleted.is_(False),
        )
        .order_by(ActivitySession.seq)
        .limit(1)
    ).first()
    if found is None:
        raise NotFound(
            f"วันที่ {format_thai_date(day)} ไม่ใช่วันอบรมของกิจกรรมนี้: เพิ่มวันอบรมก่อน",
            f"{day.isoformat()} is not a training day of this activity: add the day first",
        )
    return found


def check_in_person(
    ctx: Context, activity_id: str, person_id: str, day: dt.date | None = None, *, enroll: bool = True
) -> CheckIn:
    """Mark `person_id` present on the activity's training day `day` (today by default).

    Someone not enrolled is enrolled first when `enroll` (a walk-in); otherwise ValidationError."""
    ctx.require("records.write")
    day = day or dt.date.today()
    person = ctx.session.get(Person, person_id)
    if person is None or person.deleted:
        raise NotFound("ไม่พบบุคคลนี้", f"no person {person_id}")
    sess = session_on(ctx, activity_id, day)
    name = es.person_name(person.prefix, person.first_name_th, person.last_name_th)
    enrollment = es.find_enrollment(ctx.session, activity_id, person_id)
    new_enrollment = False
    if enrollment is None or enrollment.deleted:
        if not enroll:
            raise ValidationError(
                "person_id",
                f"{name} ยังไม่ได้ลงทะเบียนในกิจกรรมนี้",
                f"{name} is not enrolled in this activity",
            )
        enrollment, new_enrollment = es.enroll(ctx, activity_id, person_id)
    mark = ctx.session.scalars(
        select(Attendance).where(
            Attendance.enrollment_id == enrollment.id,
            Attendance.session_id == sess.id,
            Attendance.deleted.is_(False),
        )
    ).first()
    if mark is not None and mark.present:
        return CheckIn(person.id, name, enrollment.id, sess.id, already=True)
    es.record_attendance(ctx, activity_id, {(enrollment.id, sess.id): True})
    return CheckIn(person.id, name, enrollment.id, sess.id, new_enrollment=new_enrollment)


def check_in_card(ctx: Context, activity_id: str, card: CardData, day: dt.date | None = None) -> CheckIn:
    """A card tapped at the attendance grid: the holder found or created, enrolled, marked present."""
    person, created = person_from_card(ctx, card)
    result = check_in_person(ctx, activity_id, person.id, day)
    if created:
        return CheckIn(
            result.person_id,
            result.name,
            result.enrollment_id,
            result.session_id,
            new_person=True,
            new_enrollment=result.new_enrollment,
            already=result.already,
        )
    return result
