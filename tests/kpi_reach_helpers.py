"""Helpers of the kept-reach tests (tests/services/test_kpi_reach.py, tests/sync/test_kpi_reach_pull.py):
random edits through the services and the comparison of the kept figures with a recount."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from dipdesk.services import kpi, records
from dipdesk.services.context import Context
from dipdesk.services.errors import ServiceError
from dipdesk.services.outcomes import record_outcome
from dipdesk.store import reach
from dipdesk.store.enrollment import Enrollment
from dipdesk.store.outcomes import Outcome, ServiceRecord
from dipdesk.store.people import Enterprise, Group, Person, Product
from dipdesk.store.programs import SERVICE_KINDS, Activity, Program
from dipdesk.store.reference import Site


def figures(r: kpi.KpiReport) -> Any:
    def line(x: kpi.KpiLine) -> Any:
        return (x.key, x.counts, x.value)

    return (
        line(r.site),
        [line(x) for x in r.by_program],
        [line(x) for x in r.by_service],
        r.programs,
        r.activities,
        r.enrollments,
        r.certificates,
        r.totals,
    )


def assert_kept_equals_recount(session: Session, site_id: str) -> int:
    """Every fiscal year with data, both scopes: the kept figures are the recounted ones. Returns how
    many people the kept figures reach (so a test can tell it measured something)."""
    assert reach.installed(session.connection())
    assert reach.recount_differs(session.connection()) == []
    years = kpi.available_years(session)
    reached = 0
    for year in years:
        for scope in kpi.SCOPES:
            kept = kpi.kpi_report(session, site_id, year, scope)
            fresh = kpi.kpi_report(session, site_id, year, scope, recount=True)
            assert figures(kept) == figures(fresh), (year, scope)
            reached += kept.site.counts["persons"]
    return reached


def pick(session: Session, model: Any, rng: random.Random, *where: Any) -> Any:
    rows = session.scalars(select(model).where(*where).order_by(model.id)).all()
    return rng.choice(rows) if rows else None


def random_edits(ctx: Context, rng: random.Random, n: int, *, raw: bool = True) -> None:
    """`n` random changes through the services (plus a few raw SQL ones, as a repair or a pull might)."""
    s = ctx.session
    for _ in range(n):
        what = rng.randrange(16 if raw else 13)
        try:
            with s.begin_nested():
                _one_edit(ctx, rng, what)
        except ServiceError:
            pass  # refused (in use, not allowed): nothing changed, which the figures must show too
        if rng.random() < 0.1:
            s.commit()  # some changes committed, some rolled back below
    if raw and rng.random() < 0.3:
        s.rollback()
    else:
        s.commit()


def _one_edit(ctx: Context, rng: random.Random, what: int) -> None:
    s = ctx.session
    live = Enrollment.deleted.is_(False)
    if what == 0:  # status
        e = pick(s, Enrollment, rng, live)
        if e is not None:
            records.update(ctx, e, status=rng.choice(["applied", "enrolled", "completed", "dropped"]))
    elif what == 1:  # soft delete / restore an enrollment
        e = pick(s, Enrollment, rng)
        if e is not None:
            (records.restore if e.deleted else records.soft_delete)(ctx, e)
    elif what == 2:  # a new enrollment of an existing person
        a, p = pick(s, Activity, rng), pick(s, Person, rng)
        exists = s.scalar(
            select(Enrollment.id).where(Enrollment.activity_id == a.id, Enrollment.person_id == p.id)
        )
        if exists is None:
            ent = pick(s, Enterprise, rng)
            records.create(ctx, Enrollment, activity_id=a.id, person_id=p.id, enterprise_id=ent.id)
    elif what == 3:  # move a person's enterprise or group
        e = pick(s, Enrollment, rng, live)
        if e is not None:
            ent = pick(s, Enterprise, rng) if rng.random() < 0.7 else None
            grp = pick(s, Group, rng) if rng.random() < 0.5 else None
            records.update(ctx, e, enterprise_id=ent.id if ent else None, group_id=grp.id if grp else None)
    elif what == 4:  # an enterprise changes group
        ent = pick(s, Enterprise, rng)
        grp = pick(s, Group, rng) if rng.random() < 0.7 else None
        records.update(ctx, ent, group_id=grp.id if grp else None)
    elif what == 5:  # a program moves year or kind
        p = pick(s, Program, rng, Program.site_id == ctx.site.id)
        if p is not None:
            records.update(
                ctx, p, fiscal_year=rng.choice([2568, 2569, 2570]), service_kind=rng.choice(SERVICE_KINDS)
            )
    elif what == 6:  # an activity deleted or restored
        a = pick(s, Activity, rng)
        (records.restore if a.deleted else records.soft_delete)(ctx, a)
    elif what == 7:  # a service record
        ent = pick(s, Enterprise, rng)
        prog = pick(s, Program, rng) if rng.random() < 0.7 else None
        records.create(
            ctx,
            ServiceRecord,
            enterprise_id=ent.id,
            program_id=prog.id if prog else None,
            service_kind=rng.choice(SERVICE_KINDS),
            day=dt.date(2025, 9, 20) + dt.timedelta(days=rng.randrange(40)),  # around 1 October
        )
    elif what == 8:  # a service record's day or deletion
        v = pick(s, ServiceRecord, rng)
        if v is not None:
            if rng.random() < 0.5:
                records.update(ctx, v, day=dt.date(2026, 9, 25) + dt.timedelta(days=rng.randrange(10)))
            else:
                (records.restore if v.deleted else records.soft_delete)(ctx, v)
    elif what == 9:  # a product developed in a program, or moved, or deleted
        d = pick(s, Product, rng)
        prog = pick(s, Program, rng)
        if rng.random() < 0.5:
            records.update(ctx, d, developed_in_program_id=prog.id if rng.random() < 0.8 else None)
        else:
            (records.restore if d.deleted else records.soft_delete)(ctx, d)
    elif what == 10:  # outcomes
        ent = pick(s, Enterprise, rng)
        prog = pick(s, Program, rng) if rng.random() < 0.8 else None
        record_outcome(
            ctx,
            ent.id,
            period_start=dt.date(2025, 10, 1),
            period_end=dt.date(2026, rng.choice([3, 9, 11]), 28),
            program_id=prog.id if prog else None,
            revenue_before=Decimal(rng.randrange(10**7)) / 100,
            revenue_after=Decimal(rng.randrange(10**7)) / 100,
            cost_saved=Decimal("1234.56"),
        )
    elif what == 11:
        o = pick(s, Outcome, rng)
        if o is not None:
            if rng.random() < 0.5:
                records.update(ctx, o, revenue_after=Decimal(rng.randrange(10**8)) / 100)
            else:
                (records.restore if o.deleted else records.soft_delete)(ctx, o)
    elif what == 12:  # a person or group deleted (the totals)
        obj = pick(s, rng.choice([Person, Group]), rng)
        (records.restore if obj.deleted else records.soft_delete)(ctx, obj)
    elif what == 13:  # raw SQL: a hard delete of an enrollment (no service does it; a repair might)
        e = pick(s, Enrollment, rng)
        if e is not None:
            s.flush()
            s.execute(text("DELETE FROM attendance WHERE enrollment_id = :i"), {"i": e.id})
            s.execute(
                text("UPDATE certificates SET enrollment_id = NULL WHERE enrollment_id = :i"), {"i": e.id}
            )
            s.execute(text("DELETE FROM enrollments WHERE id = :i"), {"i": e.id})
            s.expire_all()
    elif what == 14:  # a certificate issued, revoked or dated into another year (raw, as a pull applies it)
        s.flush()
        s.execute(
            text(
                "UPDATE certificates SET state = CASE state WHEN 'issued' THEN 'revoked' ELSE 'issued' END, "
                "issued_on = :d WHERE id = (SELECT id FROM certificates ORDER BY random() LIMIT 1)"
            ),
            {"d": rng.choice(["2025-09-30", "2025-10-01", "2026-05-05"])},
        )
        s.expire_all()
    else:  # a program changes site (headquarters reassigns it)
        p = pick(s, Program, rng)
        other = pick(s, Site, rng)
        s.flush()
        s.execute(text("UPDATE programs SET site_id = :s WHERE id = :p"), {"s": other.id, "p": p.id})
        s.expire_all()
