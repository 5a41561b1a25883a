"""Outcomes (ผลลัพธ์) of an enterprise per period, and the economic value computed from them.

Staff record what they can check: revenue before and after, costs saved, investment induced, jobs and
new products. The economic value is never typed in; it is `dipdesk.core.kpi.economic_value` of those
figures, so every screen and report computes it the same way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dipdesk.core.kpi import economic_value
from dipdesk.core.thaidate import DateParseError, fiscal_year, parse_date
from dipdesk.services import records
from dipdesk.services.context import Context
from dipdesk.services.errors import NotFound, ValidationError
from dipdesk.store.outcomes import Outcome
from dipdesk.store.people import Enterprise

MONEY_FIELDS = ("revenue_before", "revenue_after", "cost_saved", "investment")
COUNT_FIELDS = ("jobs_created", "new_products")
_LABEL_TH = {
    "revenue_before": "รายได้ก่อนเข้าร่วม",
    "revenue_after": "รายได้หลังเข้าร่วม",
    "cost_saved": "ต้นทุนที่ลดได้",
    "investment": "การลงทุนที่เกิดขึ้น",
    "jobs_created": "การจ้างงานเพิ่ม",
    "new_products": "ผลิตภัณฑ์ใหม่",
}


def value_of(outcome: Outcome) -> Decimal:
    """The economic value one outcome record represents."""
    return economic_value(
        outcome.revenue_before or Decimal(0),
        outcome.revenue_after or Decimal(0),
        outcome.cost_saved or Decimal(0),
        outcome.investment or Decimal(0),
    )


def _check_figures(values: dict[str, Any]) -> None:
    for name in MONEY_FIELDS + COUNT_FIELDS:
        v = values.get(name)
        if v is None or v == "":
            continue
        try:
            number = Decimal(str(v).replace(",", "").strip())
        except ArithmeticError:
            continue  # records' coercion reports "must be a number" with the field's name
        if number < 0:
            raise ValidationError(name, f"{_LABEL_TH[name]}: ต้องไม่ติดลบ", f"{name}: must not be negative")


def record_outcome(
    ctx: Context,
    enterprise_id: str,
    *,
    period_start: dt.date | str,
    period_end: dt.date | str,
    fiscal_year_be: int | None = None,
    program_id: str | None = None,
    **figures: Any,
) -> Outcome:
    """Record an enterprise's figures for a period. The fiscal year defaults to the one the period ends in."""
    ctx.require("records.write")
    enterprise = ctx.session.get(Enterprise, enterprise_id)
    if enterprise is None or enterprise.deleted:
        raise NotFound("ไม่พบสถานประกอบการนี้", f"no enterprise {enterprise_id}")
    unknown = set(figures) - set(MONEY_FIELDS) - set(COUNT_FIELDS) - {"note"}
    if unknown:
        name = sorted(unknown)[0]
        raise ValidationError(name, f"ไม่มีช่องข้อมูล {name}", f"unknown field {name!r}")
    _check_figures(figures)
    if fiscal_year_be is None:
        fiscal_year_be = fiscal_year(_date("period_end", period_end))
    return records.create(
        ctx,
        Outcome,
        enterprise_id=enterprise_id,
        program_id=program_id,
        period_start=period_start,
        period_end=period_end,
        fiscal_year=fiscal_year_be,
        **figures,
    )


def _date(field: str, value: dt.date | str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return parse_date(str(value))
    except DateParseError as exc:
        label = "วันสิ้นสุดงวด" if field == "period_end" else "วันเริ่มงวด"
        raise ValidationError(field, f"{label}: {exc.message_th}", f"{field}: {exc.message_en}") from exc


def update_outcome(ctx: Context, outcome: Outcome, **fields: Any) -> dict[str, list[Any]]:
    """Change an outcome's figures (validated, audited); the value follows by itself."""
    ctx.require("records.write")
    _check_figures(fields)
    return records.update(ctx, outcome, **fields)


@dataclass(frozen=True)
class OutcomeRow:
    id: str
    enterprise_id: str
    enterprise: str
    program_id: str | None
    fiscal_year: int
    period_start: dt.date
    period_end: dt.date
    revenue_before: Decimal
    revenue_after: Decimal
    cost_saved: Decimal
    investment: Decimal
    jobs_created: int
    new_products: int
    value: Decimal


def _row(o: Outcome, enterprise: str) -> OutcomeRow:
    return OutcomeRow(
        id=o.id,
        enterprise_id=o.enterprise_id,
        enterprise=enterprise,
        program_id=o.program_id,
        fiscal_year=o.fiscal_year,
        period_start=o.period_start,
        period_end=o.period_end,
        revenue_before=o.revenue_before or Decimal(0),
        revenue_after=o.revenue_after or Decimal(0),
        cost_saved=o.cost_saved or Decimal(0),
        investment=o.investment or Decimal(0),
        jobs_created=o.jobs_created or 0,
        new_products=o.new_products or 0,
        value=value_of(o),
    )


def enterprise_outcomes(session: Session, enterprise_id: str) -> list[OutcomeRow]:
    """An enterprise's outcomes, oldest period first, each with its computed value."""
    q = (
        select(Outcome, Enterprise.name_th)
        .join(Enterprise, Enterprise.id == Outcome.enterprise_id)
        .where(Outcome.enterprise_id == enterprise_id, Outcome.deleted.is_(False))
        .order_by(Outcome.period_start)
    )
    return [_row(o, name) for o, name in session.execute(q)]


@dataclass
class ValueTotals:
    """Economic value of a fiscal year: in total, per program, per enterprise."""

    total: Decimal
    by_program: dict[str | None, Decimal]
    by_enterprise: dict[str, Decimal]
    records: int


def value_totals(
    session: Session,
    fiscal_year_be: int,
    *,
    site_id: str | None = None,
    program_ids: Iterable[str] | None = None,
) -> ValueTotals:
    """Sum the economic value of the year's outcomes (optionally one site's, or some programs')."""
    q = select(
        Outcome.enterprise_id,
        Outcome.program_id,
        Outcome.revenue_before,
        Outcome.revenue_after,
        Outcome.cost_saved,
        Outcome.investment,
    ).where(Outcome.fiscal_year == fiscal_year_be, Outcome.deleted.is_(False))
    if site_id is not None:
        q = q.where(Outcome.site_id == site_id)
    if program_ids is not None:
        q = q.where(Outcome.program_id.in_(list(program_ids)))
    totals = ValueTotals(Decimal(0), {}, {}, 0)
    zero = Decimal(0)
    for enterprise_id, program_id, before, after, saved, invested in session.execute(q):
        v = economic_value(before or zero, after or zero, saved or zero, invested or zero)
        totals.total += v
        totals.by_program[program_id] = totals.by_program.get(program_id, zero) + v
        totals.by_enterprise[enterprise_id] = totals.by_enterprise.get(enterprise_id, zero) + v
        totals.records += 1
    return totals
