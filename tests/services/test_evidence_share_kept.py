"""The dashboard's evidence share read from the kept sums (dipdesk.store.reach: `outcomes`, `value`,
`value_backed`) equals the sum over the outcomes, after evidence is attached, deleted, restored, moved to
another outcome or removed outright, and outcomes change or go."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from kpi_reach_helpers import pick
from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session

from dipdesk.services import followups as fu
from dipdesk.services import records
from dipdesk.services.context import system_context
from dipdesk.services.errors import ServiceError
from dipdesk.services.outcomes import record_outcome
from dipdesk.store import reach
from dipdesk.store.followups import OutcomeEvidence
from dipdesk.store.outcomes import Outcome
from dipdesk.store.people import Enterprise
from dipdesk.store.programs import Program

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _share(s: Session, year: int, *, recount: bool) -> tuple[object, ...]:
    share = fu.evidence_share(s, year, recount=recount)
    return (share.total.value, share.total.backed, [(x.site_code, x.value, x.backed) for x in share.sites])


def _assert_kept_equals_sum(s: Session) -> int:
    assert reach.installed(s.connection()) and reach.recount_differs(s.connection()) == []
    years = sorted(set(s.scalars(select(Outcome.fiscal_year))))
    backed = 0
    for year in years:
        kept, summed = _share(s, year, recount=False), _share(s, year, recount=True)
        assert kept == summed, year
        backed += kept[1] > 0  # type: ignore[operator]
    return backed


def _edit(s: Session, rng: random.Random) -> None:
    ctx = system_context(s)
    what = rng.randrange(8)
    if what <= 1:  # evidence attached through the service
        o = pick(s, Outcome, rng, Outcome.deleted.is_(False))
        if o is not None:
            fu.attach_evidence(ctx, o.id, PNG + bytes([rng.randrange(256)]), file_name="receipt.png")
    elif what == 2:  # evidence deleted or restored
        ev = pick(s, OutcomeEvidence, rng)
        if ev is not None:
            (records.restore if ev.deleted else records.soft_delete)(ctx, ev)
    elif what == 3:  # raw: evidence moved to another outcome, or removed outright (as a repair might)
        ev, o = pick(s, OutcomeEvidence, rng), pick(s, Outcome, rng)
        if ev is not None and o is not None:
            s.flush()
            if rng.random() < 0.5:
                s.execute(
                    text("UPDATE outcome_evidence SET outcome_id = :o WHERE id = :e"), {"o": o.id, "e": ev.id}
                )
            else:
                s.execute(text("DELETE FROM outcome_evidence WHERE id = :e"), {"e": ev.id})
            s.expire_all()
    elif what in (4, 5):  # an outcome's figures change, or it is deleted or restored
        o = pick(s, Outcome, rng)
        if o is not None:
            if rng.random() < 0.4:
                records.update(ctx, o, revenue_after=Decimal(rng.randrange(10**8)) / 100)
            elif rng.random() < 0.5:
                (records.restore if o.deleted else records.soft_delete)(ctx, o)
            else:  # raw, evidence or not (as a pull applies a deletion)
                s.flush()
                s.execute(text("UPDATE outcomes SET deleted = 1 - deleted WHERE id = :o"), {"o": o.id})
                s.expire_all()
    else:  # a new outcome
        ent, prog = pick(s, Enterprise, rng), pick(s, Program, rng)
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


def test_kept_evidence_share_equals_the_sum_over_outcomes(engine: Engine) -> None:
    from dipdesk.services.demo import build_demo

    build_demo(engine, site_code="IPC1", participants=80)
    rng = random.Random(5)
    for _round in range(5):
        with Session(engine) as s:
            for _ in range(30):
                try:
                    with s.begin_nested():
                        _edit(s, rng)
                except ServiceError:
                    pass  # refused (an outcome with evidence is in use): nothing changed
            if rng.random() < 0.3:
                s.rollback()  # the triggers' work goes with the rest
            else:
                s.commit()
        with Session(engine) as s:
            _assert_kept_equals_sum(s)
    with Session(engine) as s:
        assert s.scalar(select(OutcomeEvidence.id).where(OutcomeEvidence.deleted.is_(False))) is not None
        assert _assert_kept_equals_sum(s) > 0, "some value is backed: the test measured something"
