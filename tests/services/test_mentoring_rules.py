"""The Big Brother rule: mentors of cohort n are graduated mentees of cohort n − 1, or an audited override;
the matchmaker proposes eligible mentors by TSIC, province, past outcomes and load."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import _records_b_db
import pytest
from sqlalchemy import select

from dipdesk.services import mentoring as ms
from dipdesk.services import mentoring_rules as rules
from dipdesk.services import records
from dipdesk.services.errors import ValidationError
from dipdesk.store.auth import AuditEntry
from dipdesk.store.outcomes import Outcome
from dipdesk.store.people import Enterprise, EnterpriseMember, Person
from dipdesk.store.reference import Province

engine = _records_b_db.engine
ctx = _records_b_db.ctx
set_up_template = _records_b_db.set_up_template


def _e(ctx, code: str, tsic: str = "", province: str | None = None) -> Enterprise:  # type: ignore[no-untyped-def]
    return records.create(
        ctx, Enterprise, code=code, name_th=f"กิจการ {code}", tsic_code=tsic, province_id=province
    )


def _outcome(ctx, e: Enterprise, gain: int) -> None:  # type: ignore[no-untyped-def]
    records.create(ctx, Outcome, enterprise_id=e.id, fiscal_year=2568, period_start=dt.date(2024, 10, 1),
                   period_end=dt.date(2025, 9, 30), revenue_before=Decimal(100_000),
                   revenue_after=Decimal(100_000 + gain))  # fmt: skip


def test_cohort_two_mentors_are_graduates_of_cohort_one(ctx) -> None:  # type: ignore[no-untyped-def]
    big, a, b, c = (_e(ctx, k) for k in ("BIG", "A", "B", "C"))
    pa = ms.create_pair(ctx, cohort=1, mentor_enterprise_id=big.id, mentee_enterprise_id=a.id)
    with pytest.raises(ValidationError) as err:  # a has not graduated yet
        ms.create_pair(ctx, cohort=2, mentor_enterprise_id=a.id, mentee_enterprise_id=b.id)
    assert "ต้องเป็นน้องที่จบจากรุ่นที่ 1" in err.value.message("th")
    ms.set_pair_status(ctx, pa, "graduated")
    ms.create_pair(ctx, cohort=2, mentor_enterprise_id=a.id, mentee_enterprise_id=b.id)
    # a person who works in a graduated enterprise may mentor for it
    staff = records.create(ctx, Person, first_name_th="พนักงาน", last_name_th="กิจการเอ")
    records.create(ctx, EnterpriseMember, enterprise_id=a.id, person_id=staff.id)
    ms.create_pair(ctx, cohort=2, mentor_person_id=staff.id, mentee_enterprise_id=c.id)
    # the outside company may not mentor cohort 2 without a reason; with one, the override is audited
    d = _e(ctx, "D")
    with pytest.raises(ValidationError):
        ms.create_pair(
            ctx, cohort=2, mentor_enterprise_id=big.id, mentee_enterprise_id=d.id, override_reason="  "
        )
    pair = ms.create_pair(ctx, cohort=2, mentor_enterprise_id=big.id, mentee_enterprise_id=d.id,
                          override_reason="ผู้จบรุ่น 1 ไม่มีใครทำอาหารแปรรูป")  # fmt: skip
    entry = ctx.session.scalars(select(AuditEntry).where(AuditEntry.action == "mentor_rule_override")).one()
    assert entry.record_id == pair.id and entry.reason == "ผู้จบรุ่น 1 ไม่มีใครทำอาหารแปรรูป"
    assert "cohort 2" in entry.changes["rule"]
    with pytest.raises(ValidationError):  # never itself, reason or not
        ms.create_pair(
            ctx, cohort=3, mentor_enterprise_id=d.id, mentee_enterprise_id=d.id, override_reason="x"
        )


def test_the_matchmaker_ranks_by_sector_province_and_value(ctx) -> None:  # type: ignore[no-untyped-def]
    provinces = ctx.session.scalars(select(Province.id).limit(2)).all()
    big = _e(ctx, "BIG")
    food_here = _e(ctx, "F1", "10751", provinces[0])  # same class, same province
    food_there = _e(ctx, "F2", "10799", provinces[1])  # same division elsewhere, but a big value
    textile = _e(ctx, "T1", "13920", provinces[0])
    not_graduated = _e(ctx, "N1", "10751", provinces[0])
    for e in (food_here, food_there, textile, not_graduated):
        pair = ms.create_pair(ctx, cohort=1, mentor_enterprise_id=big.id, mentee_enterprise_id=e.id)
        if e is not not_graduated:
            ms.set_pair_status(ctx, pair, "graduated")
    _outcome(ctx, food_here, 50_000)
    _outcome(ctx, food_there, 2_000_000)
    mentee = _e(ctx, "M1", "10751", provinces[0])
    found = rules.propose_mentors(ctx.session, mentee.id, 2)
    assert [p.name for p in found] == ["กิจการ F1", "กิจการ F2", "กิจการ T1"]
    assert "อุตสาหกรรมเดียวกัน (TSIC 10751)" in found[0].reasons and "จังหวัดเดียวกัน" in found[0].reasons
    assert found[1].value == Decimal(2_000_000)
    # a mentor with a full load is not proposed again
    for i in range(rules.MAX_LOAD):
        ms.create_pair(
            ctx, cohort=2, mentor_enterprise_id=food_here.id, mentee_enterprise_id=_e(ctx, f"X{i}").id
        )
    assert "กิจการ F1" not in [p.name for p in rules.propose_mentors(ctx.session, mentee.id, 2)]
    assert rules.enterprise_values(ctx.session)[food_there.id] == Decimal(2_000_000)


def test_each_line_shows_the_value_its_mentees_created(ctx) -> None:  # type: ignore[no-untyped-def]
    from dipdesk.services import mentoring_value as mv

    big, a, b, c = (_e(ctx, k) for k in ("BIG", "A", "B", "C"))
    pa = ms.create_pair(ctx, cohort=1, mentor_enterprise_id=big.id, mentee_enterprise_id=a.id)
    ms.set_pair_status(ctx, pa, "graduated")
    pb = ms.create_pair(ctx, cohort=2, mentor_enterprise_id=a.id, mentee_enterprise_id=b.id)
    ms.set_pair_status(ctx, pb, "graduated")
    ms.create_pair(ctx, cohort=3, mentor_enterprise_id=b.id, mentee_enterprise_id=c.id)
    _outcome(ctx, big, 9_000_000)  # the outside mentor's own business is not the line's value
    _outcome(ctx, a, 300_000)
    _outcome(ctx, b, 200_000)
    _outcome(ctx, c, 100_000)
    _outcome(ctx, c, -50_000)  # a fall in revenue counts as nothing, not as a loss
    forest = ms.lineage(ctx.session)
    values = mv.chain_values(ctx.session, forest)
    assert values[f"e:{big.id}"] == mv.ChainValue(Decimal(9_000_000), Decimal(600_000))
    assert values[f"e:{a.id}"].line == Decimal(600_000) and values[f"e:{b.id}"].line == Decimal(300_000)
    assert values[f"e:{c.id}"] == mv.ChainValue(Decimal(100_000), Decimal(100_000))
    assert mv.total_value(forest, values) == Decimal(600_000)
