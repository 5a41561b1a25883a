"""The targets dashboard: distinct counts for the fiscal year against the year's targets."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import _records_b_db
import pytest
from sqlalchemy import select

from dipdesk.services import kpi, records
from dipdesk.services.errors import PermissionDenied, ValidationError
from dipdesk.services.outcomes import record_outcome
from dipdesk.store.auth import User
from dipdesk.store.enrollment import Enrollment
from dipdesk.store.outcomes import ServiceRecord
from dipdesk.store.people import Enterprise, Group, Person, Product
from dipdesk.store.programs import Activity, Program, Target
from dipdesk.store.reference import Site

# the fast database fixtures of this part (see _records_b_db.py)
engine = _records_b_db.engine
ctx = _records_b_db.ctx
set_up_template = _records_b_db.set_up_template

FY = 2569


def _world(ctx):  # type: ignore[no-untyped-def]
    """Two programs of two kinds; one person in both (counts once for the site), outcomes, targets."""
    group = records.create(ctx, Group, code="G1", name_th="คลัสเตอร์ผ้าทอ")
    train = records.create(ctx, Program, code="P-T", name_th="อบรม", fiscal_year=FY, service_kind="training")
    design = records.create(ctx, Program, code="P-D", name_th="ออกแบบ", fiscal_year=FY, service_kind="design")
    old = records.create(
        ctx, Program, code="P-OLD", name_th="ปีก่อน", fiscal_year=FY - 1, service_kind="training"
    )
    acts = {}
    for p in (train, design, old):
        acts[p.code] = records.create(ctx, Activity, program_id=p.id, code=f"A-{p.code}", title_th="กิจกรรม",
                                      start_date=dt.date(2026, 1, 5), end_date=dt.date(2026, 1, 6))  # fmt: skip
    somsri = records.create(ctx, Person, first_name_th="สมศรี")
    wichai = records.create(ctx, Person, first_name_th="วิชัย")
    dropped = records.create(ctx, Person, first_name_th="ยกเลิก")
    shop = records.create(ctx, Enterprise, code="E1", name_th="ร้าน", kind="individual", group_id=group.id)
    other = records.create(ctx, Enterprise, code="E2", name_th="บริษัท", kind="juristic")
    records.create(
        ctx,
        Enrollment,
        activity_id=acts["P-T"].id,
        person_id=somsri.id,
        enterprise_id=shop.id,
        status="completed",
    )
    records.create(ctx, Enrollment, activity_id=acts["P-D"].id, person_id=somsri.id, enterprise_id=shop.id)
    records.create(ctx, Enrollment, activity_id=acts["P-D"].id, person_id=wichai.id)
    records.create(ctx, Enrollment, activity_id=acts["P-T"].id, person_id=dropped.id, status="dropped")
    records.create(ctx, Enrollment, activity_id=acts["P-OLD"].id, person_id=dropped.id)
    records.create(
        ctx,
        ServiceRecord,
        enterprise_id=other.id,
        program_id=design.id,
        service_kind="design",
        day=dt.date(2026, 2, 1),
    )
    records.create(ctx, Product, enterprise_id=shop.id, name_th="ผ้าพันคอ", developed_in_program_id=design.id)
    record_outcome(ctx, shop.id, program_id=train.id, period_start="1/10/2568", period_end="30/9/2569",
                   revenue_before=100_000, revenue_after=250_000, cost_saved=10_000, investment=5_000)  # fmt: skip
    record_outcome(ctx, other.id, program_id=design.id, period_start="1/10/2568", period_end="30/9/2569",
                   revenue_before=500_000, revenue_after=400_000, cost_saved=20_000)  # fmt: skip
    kpi.set_target(
        ctx,
        FY,
        for_site_id=ctx.site.id,
        persons=10,
        enterprises=4,
        products=2,
        groups=1,
        economic_value=1_000_000,
    )
    kpi.set_target(ctx, FY, for_site_id=ctx.site.id, program_id=train.id, persons=5, enterprises=2)
    kpi.set_target(ctx, FY, for_site_id=ctx.site.id, program_id=design.id, persons=5, products=2)
    return train, design


def test_distinct_counts_for_the_site_per_program_and_per_service_kind(ctx, session) -> None:  # type: ignore[no-untyped-def]
    _world(ctx)
    report = kpi.kpi_report(session, ctx.site.id, FY)
    assert report.site.counts == {"persons": 2, "enterprises": 2, "products": 1, "groups": 1}
    assert report.site.value == Decimal(150_000 + 10_000 + 5_000 + 20_000)  # a fall in revenue is not netted
    assert report.target_scope == "site" and report.site.progress("persons") == pytest.approx(0.2)
    lines = {line.code: line for line in report.by_program}
    assert lines["P-T"].counts == {"persons": 1, "enterprises": 1, "products": 0, "groups": 1}
    assert lines["P-D"].counts == {"persons": 2, "enterprises": 2, "products": 1, "groups": 1}
    assert lines["P-T"].target_of("persons") == 5 and lines["P-T"].target_of("products") is None
    kinds = {line.key: line for line in report.by_service}
    assert set(kinds) == {"training", "design"}
    assert kinds["design"].target == {
        "persons": 5,
        "enterprises": 0,
        "products": 2,
        "groups": 0,
        "economic_value": 0,
    }
    assert kinds["design"].value == Decimal(20_000)
    assert (report.programs, report.activities, report.enrollments) == (2, 2, 4)


def test_other_sites_and_other_years(ctx, session) -> None:  # type: ignore[no-untyped-def]
    _world(ctx)
    ipc2 = session.scalars(select(Site).where(Site.code == "IPC2")).one()
    theirs = records.create(
        ctx, Program, code="P-2", name_th="ของภาค 2", fiscal_year=FY, service_kind="training"
    )
    theirs.site_id = ipc2.id  # as if synced down from another site
    act = records.create(ctx, Activity, program_id=theirs.id, code="A-2", title_th="x",
                         start_date=dt.date(2026, 1, 5), end_date=dt.date(2026, 1, 6))  # fmt: skip
    records.create(
        ctx, Enrollment, activity_id=act.id, person_id=records.create(ctx, Person, first_name_th="อื่น").id
    )
    session.flush()
    assert kpi.kpi_report(session, ctx.site.id, FY).site.counts["persons"] == 2
    everyone = kpi.kpi_report(session, ctx.site.id, FY, scope="all")
    assert everyone.site.counts["persons"] == 3 and everyone.target_scope == ""  # no national target yet
    assert kpi.kpi_report(session, ctx.site.id, FY - 1).site.counts["persons"] == 1
    assert FY in kpi.available_years(session) and FY - 1 in kpi.available_years(session)


def test_targets_are_data_editable_by_admins(ctx, session) -> None:  # type: ignore[no-untyped-def]
    first = kpi.set_target(ctx, FY, for_site_id=ctx.site.id, persons="1,200", economic_value="5000000.50")
    assert first is not None and first.persons == 1200
    again = kpi.set_target(ctx, FY, for_site_id=ctx.site.id, persons=1300)
    assert again is first and first.persons == 1300 and first.economic_value == Decimal("5000000.50")
    assert session.scalars(select(Target).where(Target.deleted.is_(False))).all() == [first]
    with pytest.raises(ValidationError):
        kpi.set_target(ctx, FY, for_site_id=ctx.site.id, persons=-1)
    with pytest.raises(ValidationError):
        kpi.set_target(ctx, FY, for_site_id=ctx.site.id, groups="2.5")
    with pytest.raises(PermissionDenied):  # a regional center does not set national targets
        kpi.set_target(ctx, FY, for_site_id=None, persons=16_200)
    rows = kpi.target_rows(session, FY, ctx.site.id)
    assert [r.scope for r in rows] == ["national", "site"] and rows[0].editable is False
    ctx.user = records.create(ctx, User, username="staff", password_hash="x", role="staff")
    with pytest.raises(PermissionDenied):
        kpi.set_target(ctx, FY, for_site_id=ctx.site.id, persons=1)


def test_headquarters_sets_the_national_targets_and_centers_fall_back_to_them(ctx, session) -> None:  # type: ignore[no-untyped-def]
    hq = session.scalars(select(Site).where(Site.kind == "hq")).first()
    center = ctx.site
    ctx.site = hq
    kpi.set_target(ctx, FY, for_site_id=None, persons=16_200, enterprises=2_200, products=9_600, groups=70,
                   economic_value=13_000_000_000)  # fmt: skip
    report = kpi.kpi_report(session, center.id, FY)
    assert report.target_scope == "national" and report.site.target_of("persons") == 16_200
