"""Creating, editing and soft-deleting basic records: validation names the field, every change is audited."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select, text

from dipdesk.core.thaiid import make_id
from dipdesk.services import records
from dipdesk.services.dependents import InUse
from dipdesk.services.enrollment import enroll, record_attendance, unenroll
from dipdesk.services.errors import NotFound, ServiceError, ValidationError
from dipdesk.store.auth import AuditEntry
from dipdesk.store.mentoring import MentoringPair, MentoringSession
from dipdesk.store.outcomes import Outcome
from dipdesk.store.people import Enterprise, Person, Product
from dipdesk.store.programs import Activity, ActivitySession, Program

NID = make_id("110170012345")


def _person(ctx, **extra):  # type: ignore[no-untyped-def]
    fields = {"prefix": "นาง", "first_name_th": "สมศรี", "last_name_th": "ใจดี", "national_id": NID}
    fields.update(extra)
    return records.create(ctx, Person, **fields)


def test_create_normalises_ids_phones_and_owns_by_site(ctx) -> None:  # type: ignore[no-untyped-def]
    dashed = f"{NID[0]}-{NID[1:5]}-{NID[5:10]}-{NID[10:12]}-{NID[12]}"
    p = _person(ctx, national_id=dashed, phone="+66 81 234 5678", birth_date="15/03/2523")
    assert p.national_id == NID
    assert p.phone == "0812345678"
    assert p.birth_date == dt.date(1980, 3, 15)
    assert p.site_id == ctx.site.id and len(p.id) == 36 and not p.deleted
    entry = ctx.session.scalars(select(AuditEntry).where(AuditEntry.record_id == p.id)).one()
    assert entry.action == "create" and entry.user_id == ctx.user.id
    assert entry.changes["national_id"] == [None, "***"], "national IDs stay out of the audit trail"


@pytest.mark.parametrize(
    ("field", "value", "th_fragment"),
    [
        ("national_id", "1101700123450", "เลข"),
        ("phone", "12345", "โทรศัพท์"),
        ("first_name_th", "", "ชื่อ"),
        ("email", "not-an-email", "อีเมล"),
        ("birth_date", "31/02/2563", "วัน"),
    ],
)
def test_validation_names_the_field_in_thai_and_english(ctx, field, value, th_fragment) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as err:
        _person(ctx, **{field: value})
    assert err.value.field == field
    assert th_fragment in err.value.message_th
    assert field in err.value.message_en


def test_duplicate_national_id_is_refused(ctx) -> None:  # type: ignore[no-untyped-def]
    _person(ctx)
    with pytest.raises(ValidationError) as err:
        _person(ctx, first_name_th="อื่น")
    assert err.value.field == "national_id"


def test_update_audits_only_what_changed(ctx) -> None:  # type: ignore[no-untyped-def]
    p = _person(ctx)
    changes = records.update(ctx, p, last_name_th="ศรีสุข", first_name_th="สมศรี")
    assert changes == {"last_name_th": ["ใจดี", "ศรีสุข"]}
    assert records.update(ctx, p, last_name_th="ศรีสุข") == {}
    actions = ctx.session.scalars(select(AuditEntry.action).where(AuditEntry.record_id == p.id)).all()
    assert sorted(actions) == ["create", "update"]


def test_protected_fields_cannot_be_set(ctx) -> None:  # type: ignore[no-untyped-def]
    p = _person(ctx)
    for field in ("site_id", "deleted", "created_at"):
        with pytest.raises(ValidationError):
            records.update(ctx, p, **{field: "x"})


def test_soft_delete_keeps_the_row_and_hides_it(ctx) -> None:  # type: ignore[no-untyped-def]
    p = _person(ctx)
    records.soft_delete(ctx, p, reason="ซ้ำ")
    assert ctx.session.get(Person, p.id).deleted
    with pytest.raises(NotFound):
        records.get(ctx, Person, p.id)
    with pytest.raises(NotFound):
        records.update(ctx, p, first_name_th="x")
    # the national ID is free again for a new record
    _person(ctx)
    entry = ctx.session.scalars(select(AuditEntry).where(AuditEntry.action == "delete")).one()
    assert entry.reason == "ซ้ำ"


def test_program_and_activity_rules(ctx) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as err:
        records.create(ctx, Program, code="P1", name_th="โครงการ", fiscal_year=2569, service_kind="karaoke")
    assert err.value.field == "service_kind"
    prog = records.create(
        ctx, Program, code="P1", name_th="โครงการ", fiscal_year="๒๕๖๙", service_kind="training"
    )
    assert prog.fiscal_year == 2569
    with pytest.raises(ValidationError) as err:
        records.create(
            ctx,
            Activity,
            program_id=prog.id,
            code="A1",
            title_th="อบรม",
            start_date="10/01/2569",
            end_date="09/01/2569",
        )
    assert err.value.field == "end_date"
    act = records.create(
        ctx,
        Activity,
        program_id=prog.id,
        code="A1",
        title_th="อบรม",
        start_date="2026-01-10",
        end_date="12 ม.ค. 69",
    )
    assert act.end_date == dt.date(2026, 1, 12) and act.completion_threshold == 80
    with pytest.raises(ValidationError) as err:
        records.update(ctx, act, capacity=-5)
    assert err.value.field == "capacity"

    # a training day lies within its activity's dates (a BE year typed one off is caught) and 0–24 hours
    with pytest.raises(ValidationError) as err:
        records.create(ctx, ActivitySession, activity_id=act.id, seq=1, day="11/01/2568", hours=6)
    assert err.value.field == "day" and "12 ม.ค. 69" in err.value.message_th
    with pytest.raises(ValidationError) as err:
        records.create(ctx, ActivitySession, activity_id=act.id, seq=1, day="11/01/2569", hours=30)
    assert err.value.field == "hours"
    day = records.create(ctx, ActivitySession, activity_id=act.id, seq=1, day="11/01/2569", hours=6)
    assert day.day == dt.date(2026, 1, 11)


def test_enterprise_checks_juristic_id_postcode_and_code(ctx) -> None:  # type: ignore[no-untyped-def]
    jid = make_id("010555012345")
    e = records.create(
        ctx, Enterprise, code="E1", name_th="บริษัท ล้านนาฟู้ด จำกัด", registration_id=jid, postcode="50200"
    )
    assert e.registration_id == jid and e.kind == "juristic"
    with pytest.raises(ValidationError) as err:
        records.create(ctx, Enterprise, code="E2", name_th="x", postcode="5020")
    assert err.value.field == "postcode"
    with pytest.raises(ValidationError) as err:
        records.create(ctx, Enterprise, code="E1", name_th="ซ้ำ")
    assert err.value.field == "code"


# --- deleting a record that others require -----------------------------------------------------------


def _activity_with_day(ctx):  # type: ignore[no-untyped-def]
    prog = records.create(
        ctx, Program, code="P1", name_th="โครงการ", fiscal_year=2569, service_kind="training"
    )
    act = records.create(
        ctx,
        Activity,
        program_id=prog.id,
        code="A1",
        title_th="อบรม",
        start_date="2026-01-10",
        end_date="2026-01-12",
    )
    day = records.create(ctx, ActivitySession, activity_id=act.id, seq=1, day="2026-01-10", hours=6)
    return prog, act, day


def _outbox_deletes(ctx) -> set[str]:  # type: ignore[no-untyped-def]
    rows = ctx.session.execute(text("SELECT record_id FROM sync_outbox WHERE op = 'd'"))
    return {r for (r,) in rows}


def test_delete_is_refused_while_live_records_require_it_with_counts(ctx) -> None:  # type: ignore[no-untyped-def]
    prog, act, _day = _activity_with_day(ctx)
    p = _person(ctx)
    enrollments = []
    for code in ("A2", "A3"):
        other = records.create(
            ctx,
            Activity,
            program_id=prog.id,
            code=code,
            title_th="อบรม",
            start_date="2026-01-10",
            end_date="2026-01-12",
        )
        enrollments.append(enroll(ctx, other.id, p.id)[0])
    enrollments.append(enroll(ctx, act.id, p.id)[0])
    with pytest.raises(InUse) as err:
        records.soft_delete(ctx, p)
    assert err.value.counts == {"enrollments": 3}
    assert err.value.message_th == "ลบไม่ได้: ผู้ประกอบการรายนี้มีการลงทะเบียน 3 รายการ ให้ถอนการลงทะเบียนก่อน"
    assert err.value.message_en == "cannot delete: this person has 3 enrollments; withdraw them first"
    assert isinstance(err.value, ServiceError)
    with pytest.raises(InUse) as err:
        records.soft_delete(ctx, prog)
    assert err.value.counts == {"activities": 3}
    assert "โครงการนี้มีกิจกรรม 3 รายการ" in err.value.message_th
    with pytest.raises(InUse) as err:  # an activity: its enrollment blocks, its training day would not
        records.soft_delete(ctx, act)
    assert err.value.counts == {"enrollments": 1}
    assert "cannot delete: this activity has 1 enrollment;" in err.value.message_en
    # nothing was deleted, nothing went to the outbox or the audit trail as a delete
    assert not any(o.deleted for o in (p, prog, act, *enrollments))
    assert _outbox_deletes(ctx) == set()
    assert ctx.session.scalars(select(AuditEntry).where(AuditEntry.action == "delete")).first() is None


def test_enterprise_names_each_kind_of_dependent(ctx) -> None:  # type: ignore[no-untyped-def]
    e = records.create(ctx, Enterprise, code="E1", name_th="วิสาหกิจชุมชนข้าวหอม", kind="community")
    for name in ("ข้าวหอม", "ข้าวกล้อง"):
        records.create(ctx, Product, enterprise_id=e.id, name_th=name)
    records.create(
        ctx, Outcome, enterprise_id=e.id, period_start="2026-01-01", period_end="2026-03-31", fiscal_year=2569
    )
    with pytest.raises(InUse) as err:
        records.soft_delete(ctx, e)
    assert err.value.counts == {"products": 2, "outcomes": 1}
    assert err.value.message_th == (
        "ลบไม่ได้: กิจการนี้มีผลิตภัณฑ์ 2 รายการ และผลลัพธ์รายงวด 1 งวด ให้ลบหรือย้ายรายการเหล่านี้ก่อน"
    )
    assert err.value.message_en == (
        "cannot delete: this enterprise has 2 products and 1 outcome period; delete or move them first"
    )


def test_delete_is_allowed_without_live_dependents_and_optional_links_do_not_block(ctx) -> None:  # type: ignore[no-untyped-def]
    prog = records.create(
        ctx, Program, code="P1", name_th="โครงการ", fiscal_year=2569, service_kind="training"
    )
    e = records.create(ctx, Enterprise, code="E1", name_th="กิจการ", kind="community")
    product = records.create(
        ctx, Product, enterprise_id=e.id, name_th="ข้าวหอม", developed_in_program_id=prog.id
    )
    records.soft_delete(ctx, prog)  # a product's program is an optional link
    assert prog.deleted and not product.deleted


def test_a_dependent_deleted_first_then_the_record_goes(ctx) -> None:  # type: ignore[no-untyped-def]
    _prog, act, day = _activity_with_day(ctx)
    p = _person(ctx)
    enrollment, _ = enroll(ctx, act.id, p.id)
    record_attendance(ctx, act.id, {(enrollment.id, day.id): True})
    with pytest.raises(InUse) as err:
        records.soft_delete(ctx, p)
    assert err.value.counts == {"enrollments": 1}
    with pytest.raises(InUse) as err:  # attendance on its training day keeps the activity too
        records.soft_delete(ctx, act)
    assert err.value.counts == {"enrollments": 1, "attendance": 1}
    assert "บันทึกการเข้าร่วม 1 รายการ" in err.value.message_th
    unenroll(ctx, enrollment)  # withdraws the enrollment with its attendance
    records.soft_delete(ctx, p)
    assert p.deleted


def test_an_activity_goes_with_its_training_days_each_with_its_own_tombstone(ctx) -> None:  # type: ignore[no-untyped-def]
    _prog, act, day = _activity_with_day(ctx)
    second = records.create(ctx, ActivitySession, activity_id=act.id, seq=2, day="2026-01-11", hours=6)
    records.soft_delete(ctx, act, reason="ซ้ำ")
    assert act.deleted and day.deleted and second.deleted
    assert _outbox_deletes(ctx) == {act.id, day.id, second.id}
    reasons = ctx.session.scalars(select(AuditEntry.reason).where(AuditEntry.action == "delete")).all()
    assert reasons == ["ซ้ำ"] * 3


def test_a_mentoring_pair_with_meetings_is_kept(ctx) -> None:  # type: ignore[no-untyped-def]
    mentor = records.create(ctx, Enterprise, code="E1", name_th="พี่", kind="community")
    mentee = records.create(ctx, Enterprise, code="E2", name_th="น้อง", kind="community")
    pair = records.create(
        ctx, MentoringPair, mentor_enterprise_id=mentor.id, mentee_enterprise_id=mentee.id, cohort=1
    )
    records.create(ctx, MentoringSession, pair_id=pair.id, day="2026-01-10", topic="บัญชี")
    with pytest.raises(InUse) as err:
        records.soft_delete(ctx, pair)
    assert (
        err.value.message_en
        == "cannot delete: this mentoring pair has 1 mentoring meeting; delete them first"
    )
    with pytest.raises(InUse) as err:
        records.soft_delete(ctx, mentee)
    assert err.value.counts == {"mentoring_pairs": 1}
