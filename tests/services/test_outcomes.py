"""Outcomes per enterprise per period; economic value computed, never typed in."""

from __future__ import annotations

from decimal import Decimal

import _records_b_db
import pytest

from dipdesk.services import outcomes, records
from dipdesk.services.errors import ValidationError
from dipdesk.store.people import Enterprise

# the fast database fixtures of this part (see _records_b_db.py)
engine = _records_b_db.engine
ctx = _records_b_db.ctx
set_up_template = _records_b_db.set_up_template


def test_value_is_computed_from_the_figures(ctx, session) -> None:  # type: ignore[no-untyped-def]
    shop = records.create(ctx, Enterprise, code="E1", name_th="ร้านผ้าทอ", kind="individual")
    first = outcomes.record_outcome(ctx, shop.id, period_start="1/10/2567", period_end="30/9/2568",
                                    revenue_before="120,000", revenue_after="300,000", cost_saved=5_000,
                                    jobs_created=2, new_products=1)  # fmt: skip
    assert first.fiscal_year == 2568  # the fiscal year the period ends in
    assert outcomes.value_of(first) == Decimal(185_000)
    outcomes.record_outcome(ctx, shop.id, period_start="1/10/2568", period_end="30/9/2569", fiscal_year_be=2569,
                            revenue_before=300_000, revenue_after=250_000, investment=40_000)  # fmt: skip
    rows = outcomes.enterprise_outcomes(session, shop.id)
    assert [(r.fiscal_year, r.value) for r in rows] == [(2568, Decimal(185_000)), (2569, Decimal(40_000))]
    outcomes.update_outcome(ctx, first, revenue_after=320_000)
    assert outcomes.value_totals(session, 2568).total == Decimal(205_000)
    assert outcomes.value_totals(session, 2569, site_id=ctx.site.id).by_enterprise == {
        shop.id: Decimal(40_000)
    }


def test_bad_figures_are_refused(ctx) -> None:  # type: ignore[no-untyped-def]
    shop = records.create(ctx, Enterprise, code="E1", name_th="ร้าน", kind="individual")
    with pytest.raises(ValidationError) as neg:
        outcomes.record_outcome(ctx, shop.id, period_start="1/10/2567", period_end="30/9/2568", cost_saved=-1)
    assert neg.value.field == "cost_saved"
    with pytest.raises(ValidationError) as bad_date:
        outcomes.record_outcome(ctx, shop.id, period_start="1/10/2567", period_end="31/9/2568")
    assert bad_date.value.field == "period_end"
    with pytest.raises(ValidationError):
        outcomes.record_outcome(ctx, shop.id, period_start="1/10/2568", period_end="30/9/2567")
    with pytest.raises(ValidationError):
        outcomes.record_outcome(
            ctx, shop.id, period_start="1/10/2567", period_end="30/9/2568", economic_value=1
        )
