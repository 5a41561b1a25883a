"""Barcode sign-in sheets (ใบลงชื่อเข้าอบรม) and what a scan of one does.

A sheet lists the people enrolled in an activity for one training day, each with a Code 128 of their
enrollment's *sign-in code*: `9` and the enrollment id's first twelve hex digits in decimal
(`9069876543210987`).
It carries no personal data (PDPA: never a national ID in a barcode), is short enough for a cheap USB
scanner, and is unique within an activity. A USB scanner types the code and Enter into the attendance
grid's scan box; `scan` then ticks the person for the day. A 13-digit national ID typed or scanned there
works too. Someone scanned who is not enrolled in this activity (a code from another activity's sheet, an
ID of someone in the database) is not ticked: the result says so, and the screen offers to enroll them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from dipdesk.core.thaiid import ID_LENGTH, normalize_id
from dipdesk.printing.signin_sheet import SheetPerson, SigninSheet
from dipdesk.services import checkin
from dipdesk.services import enrollment as es
from dipdesk.services.context import Context
from dipdesk.services.errors import NotFound, ValidationError
from dipdesk.store.enrollment import Enrollment
from dipdesk.store.people import Enterprise, Person
from dipdesk.store.programs import Activity, ActivitySession

TOKEN = re.compile(r"^9(\d{15})$")


def sign_in_code(enrollment_id: str) -> str:
    """The barcode of an enrollment on a sign-in sheet: `9` and the first 12 hex digits of its id as
    15 decimal digits. All digits, so Code 128 packs two per bar pattern (47 mm wide at 0.38 mm bars);
    16 long, so it is never taken for a 13-digit national ID."""
    return "9" + f"{int(enrollment_id.replace('-', '')[:12], 16):015d}"


def signin_sheet(session: Session, activity_id: str, day: dt.date) -> SigninSheet:
    """The sheet of `activity_id` for its training day `day`, people in the attendance grid's order."""
    activity = session.get(Activity, activity_id)
    if activity is None or activity.deleted:
        raise NotFound("ไม่พบกิจกรรมนี้", f"no activity {activity_id}")
    sess = session.scalars(
        select(ActivitySession).where(
            ActivitySession.activity_id == activity_id,
            ActivitySession.day == day,
            ActivitySession.deleted.is_(False),
        )
    ).first()
    if sess is None:
        raise NotFound("วันนี้ไม่ใช่วันอบรมของกิจกรรมนี้", f"{day.isoformat()} is not a training day of this activity")
    rows = session.execute(
        select(Enrollment.id, Person.prefix, Person.first_name_th, Person.last_name_th, Enterprise.name_th)
        .join(Person, Person.id == Enrollment.person_id)
        .outerjoin(Enterprise, Enterprise.id == Enrollment.enterprise_id)
        .where(
            Enrollment.activity_id == activity_id,
            Enrollment.deleted.is_(False),
            Enrollment.status != "dropped",
        )
        .order_by(Person.first_name_th, Person.last_name_th)
    ).all()
    hours = sess.hours.normalize() if sess.hours is not None else 0
    return SigninSheet(
        activity_code=activity.code,
        activity_title=activity.title_th,
        day=day,
        session_seq=sess.seq,
        hours=f"{hours:f}",
        venue=getattr(activity, "venue", "") or "",
        people=[
            SheetPerson(i + 1, es.person_name(r[1], r[2], r[3]), r[4] or "", sign_in_code(r[0]))
            for i, r in enumerate(rows)
        ],
    )


@dataclass(frozen=True)
class ScanResult:
    """What a scan did: `checked_in` (or `already`), or `not_enrolled` (nothing ticked: offer to enroll
    `person_id`)."""

    kind: str  # "checked_in" | "already" | "not_enrolled"
    person_id: str
    name: str
    checkin: checkin.CheckIn | None = None


def _enrollment_by_code(session: Session, code: str) -> list[Enrollment]:
    m = TOKEN.match(code)
    if not m:
        return []
    value = int(m.group(1))
    if value >= 16**12:
        return []
    hexes = f"{value:012x}"
    prefix = f"{hexes[:8]}-{hexes[8:12]}"
    return list(
        session.scalars(
            select(Enrollment).where(Enrollment.id.startswith(prefix), Enrollment.deleted.is_(False))
        )
    )


def find_person(ctx: Context, activity_id: str, text: str) -> Person:
    """The person a sign-in code (this activity's first, then any other's) or a national ID names."""
    code = text.strip().upper()
    person: Person | None = None
    found = _enrollment_by_code(ctx.session, code)
    here = [e for e in found if e.activity_id == activity_id]
    if here:
        person = ctx.session.get(Person, here[0].person_id)
    elif found:
        person = ctx.session.get(Person, found[0].person_id)
    else:
        digits = normalize_id(text)
        if len(digits) == ID_LENGTH and digits.isdigit():
            person = checkin.find_person_by_national_id(ctx, digits)
    if person is None:
        raise ValidationError(
            "code",
            f"ไม่รู้จักรหัส “{text.strip()[:40]}”: ไม่ใช่รหัสจากใบลงชื่อ หรือเลขประจำตัวของคนในฐานข้อมูล",
            f"Unknown code “{text.strip()[:40]}”: not a sign-in code nor the ID of someone in the database",
        )
    return person


def scan(ctx: Context, activity_id: str, text: str, day: dt.date | None = None) -> ScanResult:
    """A sign-in code or a national ID scanned or typed at the attendance grid, for training day `day`."""
    ctx.require("records.write")
    person = find_person(ctx, activity_id, text)
    name = es.person_name(person.prefix, person.first_name_th, person.last_name_th)
    enrollment = es.find_enrollment(ctx.session, activity_id, person.id)
    if enrollment is None or enrollment.deleted:
        return ScanResult("not_enrolled", person.id, name)
    result = checkin.check_in_person(ctx, activity_id, person.id, day, enroll=False)
    return ScanResult("already" if result.already else "checked_in", person.id, name, result)
