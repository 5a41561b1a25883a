"""Follow-ups after activities, evidence behind outcomes, and the share of the value evidence backs."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import _records_b_db
import pytest
from sqlalchemy import select

from dipdesk.services import enrollment as es
from dipdesk.services import followups as fu
from dipdesk.services import records
from dipdesk.services.errors import ValidationError
from dipdesk.services.outcomes import record_outcome
from dipdesk.store.followups import FollowUp
from dipdesk.store.people import Enterprise, Person
from dipdesk.store.programs import Activity, Program
from dipdesk.sync.files import local_path, referenced

engine = _records_b_db.engine
ctx = _records_b_db.ctx
set_up_template = _records_b_db.set_up_template

END = dt.date(2025, 11, 30)
PDF = b"%PDF-1.4\n% a receipt\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def _activity_with_enterprises(ctx, n: int = 2) -> tuple[Activity, list[Enterprise]]:  # type: ignore[no-untyped-def]
    program = records.create(
        ctx, Program, code="P1", name_th="โครงการ", fiscal_year=2569, service_kind="training"
    )
    activity = records.create(ctx, Activity, program_id=program.id, code="A1", title_th="อบรม",
                              start_date=END - dt.timedelta(days=2), end_date=END, hours=18)  # fmt: skip
    enterprises = []
    for i in range(n):
        e = records.create(ctx, Enterprise, code=f"E{i}", name_th=f"วิสาหกิจชุมชนที่ {i}", kind="community")
        p = records.create(ctx, Person, first_name_th=f"สมาชิก{i}", last_name_th="ใจดี")
        es.enroll(ctx, activity.id, p.id, enterprise_id=e.id)
        enterprises.append(e)
    return activity, enterprises


def test_schedule_and_worklist(ctx) -> None:  # type: ignore[no-untyped-def]
    activity, (e0, e1) = _activity_with_enterprises(ctx)
    assert fu.schedule_followups(ctx, activity.id) == 6
    assert fu.schedule_followups(ctx, activity.id) == 0  # again: nothing more
    assert fu.schedule_followups(ctx, activity.id, months=(1,)) == 2
    dues = {(f.enterprise_id, f.months): f.due_on for f in ctx.session.scalars(select(FollowUp))}
    assert dues[(e0.id, 3)] == dt.date(2026, 2, 28) and dues[(e1.id, 12)] == dt.date(2026, 11, 30)
    worklist = fu.due_followups(ctx.session, dt.date(2026, 3, 10), within_days=0)
    assert [(r.enterprise, r.months, r.days_late) for r in worklist] == [
        ("วิสาหกิจชุมชนที่ 0", 1, 70), ("วิสาหกิจชุมชนที่ 1", 1, 70),
        ("วิสาหกิจชุมชนที่ 0", 3, 10), ("วิสาหกิจชุมชนที่ 1", 3, 10),
    ]  # fmt: skip
    outcome = fu.complete_followup(ctx, worklist[0].id, day=dt.date(2026, 3, 10), revenue_before=100_000,
                                   revenue_after=180_000)  # fmt: skip
    assert (
        outcome.period_start == END
        and outcome.fiscal_year == 2569
        and outcome.program_id == activity.program_id
    )
    fu.skip_followup(ctx, worklist[1].id, "กิจการปิดตัว")
    with pytest.raises(ValidationError):
        fu.skip_followup(ctx, worklist[1].id, "again")
    with pytest.raises(ValidationError):
        fu.skip_followup(ctx, worklist[2].id, "   ")
    assert len(fu.due_followups(ctx.session, dt.date(2026, 3, 10), within_days=0)) == 2
    assert fu.add_months(dt.date(2024, 1, 31), 1) == dt.date(2024, 2, 29)


def test_evidence_and_the_share_it_backs(ctx, engine) -> None:  # type: ignore[no-untyped-def]
    _activity, (e0, e1) = _activity_with_enterprises(ctx)
    backed = record_outcome(ctx, e0.id, period_start=END, period_end=dt.date(2026, 3, 1),
                            revenue_before=100_000, revenue_after=400_000)  # fmt: skip
    record_outcome(ctx, e1.id, period_start=END, period_end=dt.date(2026, 3, 1), cost_saved=100_000)
    share = fu.evidence_share(ctx.session, 2569)
    assert share.total.value == Decimal(400_000) and share.total.backed == 0 and share.total.share == 0
    ev = fu.attach_evidence(ctx, backed.id, PDF, file_name=r"C:\scans\ใบเสร็จ.pdf", kind="receipt")
    assert ev.media_type == "application/pdf" and ev.file_name == "ใบเสร็จ.pdf" and ev.size == len(PDF)
    assert local_path(engine, ev.file_hash).read_bytes() == PDF
    fu.attach_evidence(ctx, backed.id, PNG, file_name="photo.png", kind="photo")
    ctx.session.commit()
    assert ev.file_hash in referenced(engine)  # so the file travels with the next sync
    share = fu.evidence_share(ctx.session, 2569)
    assert share.total.backed == Decimal(300_000) and share.total.share == pytest.approx(0.75)
    assert [s.site_code for s in share.sites] == [ctx.site.code]
    assert [e.kind for e in fu.evidence_of(ctx.session, backed.id)] == ["receipt", "photo"]
    for bad, why in ((b"MZ\x90\x00", "PDF, JPEG"), (b"", "ว่างเปล่า"), (PDF, "ประเภทหลักฐาน")):
        with pytest.raises(ValidationError) as err:
            fu.attach_evidence(ctx, backed.id, bad, file_name="x", kind="receipt" if bad != PDF else "selfie")
        assert why in err.value.message("th")
