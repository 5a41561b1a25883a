"""The review list's merge (รวมระเบียนซ้ำ) on one site: the same merge as the server's, made here, through
the outbox and the audit trail: fields merged per field with the conflicts named, every reference follows
the kept record (two enrollments in one activity become one, with the attendance), the other record is a
tombstone whose id resolves to the kept one, and merging again changes nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from dipdesk.services import records
from dipdesk.services.enrollment import enroll
from dipdesk.services.errors import ValidationError
from dipdesk.services.merging import merge_records
from dipdesk.store.auth import AuditEntry
from dipdesk.store.enrollment import Attendance, Enrollment
from dipdesk.store.merges import RecordMerge
from dipdesk.store.people import Person
from dipdesk.store.programs import Activity, ActivitySession, Program
from dipdesk.store.sync import SyncOutbox
from dipdesk.sync.identity import resolve

BORN = dt.date(1985, 6, 1)


def _activity(ctx, code: str) -> Activity:  # type: ignore[no-untyped-def]
    program = records.create(
        ctx, Program, code=f"P-{code}", name_th="โครงการ", fiscal_year=2569, service_kind="training"
    )
    day = dt.date(2026, 3, 1)
    return records.create(
        ctx, Activity, program_id=program.id, code=code, title_th="อบรม", start_date=day, end_date=day
    )


def test_a_pair_from_the_review_list_becomes_one_person(ctx) -> None:  # type: ignore[no-untyped-def]
    s = ctx.session
    kept = records.create(ctx, Person, prefix="นาง", first_name_th="สมศรี", last_name_th="ใจดี", birth_date=BORN,
                          phone="0811111111")  # fmt: skip
    other = records.create(ctx, Person, first_name_th="สมศรี", last_name_th="ใจ ดี", birth_date=BORN,
                           phone="0822222222", email="somsri@example.com")  # fmt: skip
    both = _activity(ctx, "A-1")
    only_other = _activity(ctx, "A-2")
    day = records.create(ctx, ActivitySession, activity_id=both.id, seq=1, day=dt.date(2026, 3, 1), hours=6)
    enroll(ctx, both.id, kept.id)
    e_other, _ = enroll(ctx, both.id, other.id, status="completed")
    s.add(Attendance(site_id=ctx.site.id, enrollment_id=e_other.id, session_id=day.id, present=True, hours=6))
    s.flush()
    moved_enrollment, _ = enroll(ctx, only_other.id, other.id)
    s.commit()
    before = s.scalar(select(func.count()).select_from(SyncOutbox))

    done = merge_records(ctx, "people", kept.id, other.id)
    s.commit()

    assert done.taken == ("email",)
    assert {c[0] for c in done.conflicts} == {"last_name_th", "phone"}
    assert ("phone", "0811111111", "0822222222") in done.conflicts  # the chosen record's value stays
    s.expire_all()
    assert s.get(Person, kept.id).email == "somsri@example.com"
    assert s.get(Person, other.id).deleted
    assert s.get(Enrollment, moved_enrollment.id).person_id == kept.id
    live = s.scalars(
        select(Enrollment).where(Enrollment.activity_id == both.id, Enrollment.deleted.is_(False))
    ).all()
    assert [(e.person_id, e.status) for e in live] == [(kept.id, "completed")]  # the further status
    att = s.scalars(select(Attendance).where(Attendance.session_id == day.id)).one()
    assert att.enrollment_id == live[0].id  # the attendance followed
    assert resolve(s.connection(), "people", other.id) == kept.id
    assert records.get(ctx, Person, other.id).id == kept.id  # the old id opens the kept record
    row = s.scalars(select(RecordMerge)).one()
    assert (row.kept_id, row.merged_id, row.reason, row.decided_by) == (
        kept.id,
        other.id,
        "review",
        ctx.user_id,
    )
    trail = s.scalars(select(AuditEntry).where(AuditEntry.action == "merge")).one()
    assert trail.record_id == other.id and trail.changes["merged_into"] == [None, kept.id]
    after = s.scalar(select(func.count()).select_from(SyncOutbox))
    assert after > before  # synced like any edit
    assert (
        s.scalar(select(func.count()).select_from(SyncOutbox).where(SyncOutbox.table_name == "merges")) == 1
    )

    again = merge_records(ctx, "people", kept.id, other.id)  # idempotent
    s.commit()
    assert again.references == 0 and s.scalar(select(func.count()).select_from(SyncOutbox)) == after


def test_refused_with_a_clear_message(ctx) -> None:  # type: ignore[no-untyped-def]
    p = records.create(ctx, Person, first_name_th="สมศรี", last_name_th="ใจดี")
    with pytest.raises(ValidationError):
        merge_records(ctx, "people", p.id, p.id)
    with pytest.raises(ValidationError):
        merge_records(ctx, "activities", p.id, p.id)
