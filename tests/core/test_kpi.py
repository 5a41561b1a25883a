"""KPI arithmetic: distinct counts, unions across sites, progress, economic value, baht formatting."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dipdesk.core.kpi import (
    KpiSet,
    distinct_count,
    economic_value,
    format_baht,
    format_million_baht,
    progress,
)

FAST = settings(max_examples=100, deadline=None)
# Generating whole KpiSets is the slow part of this suite; 100 small ones still find overlaps.
SETS = settings(max_examples=60, deadline=None)

ids = st.frozensets(st.sampled_from([f"id{i}" for i in range(12)]), max_size=8)
money = st.decimals(min_value=-(10**9), max_value=10**9, places=2, allow_nan=False, allow_infinity=False)
kpi_sets = st.builds(KpiSet, ids, ids, ids, ids, money)


def test_person_attending_three_activities_counts_once() -> None:
    attendance = ["p1", "p2", "p1", "p1", None, "", "p3"]
    assert distinct_count(attendance) == 3


def test_kpiset_basics() -> None:
    a = KpiSet(frozenset({"p1", "p2"}), frozenset({"e1"}), frozenset(), frozenset({"g1"}), Decimal(100))
    b = KpiSet(frozenset({"p2", "p3"}), frozenset({"e1", "e2"}), frozenset({"x"}), frozenset(), Decimal(50))
    both = a | b
    assert both.counts() == {"persons": 3, "enterprises": 2, "products": 1, "groups": 1}
    assert both.economic_value == Decimal(150)
    assert KpiSet.empty().counts() == {"persons": 0, "enterprises": 0, "products": 0, "groups": 0}
    assert KpiSet.empty().economic_value == 0
    assert KpiSet(persons=frozenset({"", "p1"})).counts()["persons"] == 1, "blank ids are nobody"


def test_or_with_something_else_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        _ = KpiSet.empty() | {"p1"}


@SETS
@given(st.lists(kpi_sets, max_size=4))
def test_national_total_is_union_not_sum(sites: list[KpiSet]) -> None:
    total = KpiSet.empty()
    for s in sites:
        total = total | s
    for kind in ("persons", "enterprises", "products", "groups"):
        union: frozenset[str] = frozenset().union(*(getattr(s, kind) for s in sites))
        assert total.counts()[kind] == distinct_count(union) == len(union)
        assert total.counts()[kind] <= sum(s.counts()[kind] for s in sites)
        assert total.counts()[kind] >= max((s.counts()[kind] for s in sites), default=0)
    assert total.economic_value == sum((s.economic_value for s in sites), Decimal(0))


@SETS
@given(kpi_sets, kpi_sets, kpi_sets)
def test_union_laws(a: KpiSet, b: KpiSet, c: KpiSet) -> None:
    assert (a | b) | c == a | (b | c)
    assert (a | b).counts() == (b | a).counts()
    assert a | KpiSet.empty() == a
    assert (a | a).counts() == a.counts()


@FAST
@given(st.lists(st.one_of(st.none(), st.just(""), st.text(alphabet="ab", min_size=1, max_size=2))))
def test_distinct_count(values: list[str | None]) -> None:
    assert distinct_count(values) == len({v for v in values if v})
    assert distinct_count(values) <= len(values)


def test_progress() -> None:
    assert progress(50, 200) == 0.25
    assert progress(300, 200) == 1.5
    assert progress(0, 0) is None
    assert progress(10, Decimal(0)) is None
    assert progress(Decimal("12.5"), Decimal(50)) == 0.25


@FAST
@given(st.integers(0, 10**6), st.integers(1, 10**6))
def test_progress_property(actual: int, target: int) -> None:
    p = progress(actual, target)
    assert p is not None and p >= 0
    assert (p >= 1) == (actual >= target)


def test_economic_value() -> None:
    d = Decimal
    assert economic_value(d(1000), d(1500), d(200)) == d(700)
    assert economic_value(d(1000), d(1500), d(200), d(300)) == d(1000)
    assert economic_value(d(1500), d(1000), d(200)) == d(200), "a revenue drop does not cancel savings"


@FAST
@given(money, money, money, money)
def test_economic_value_property(before: Decimal, after: Decimal, saved: Decimal, invest: Decimal) -> None:
    v = economic_value(before, after, saved, invest)
    assert v >= saved + invest
    assert v == max(after - before, Decimal(0)) + saved + invest


def test_baht_formatting() -> None:
    assert format_million_baht(Decimal(13_000_000_000)) == "13,000.00 ล้านบาท"
    assert format_million_baht(Decimal(1_234_567)) == "1.23 ล้านบาท"
    assert format_baht(Decimal("1234.5")) == "1,234.50"
    assert format_baht(Decimal("0.005")) == "0.01", "half up"
    assert format_baht(Decimal("-0.001")) == "0.00"
    assert format_baht(Decimal(-1234)) == "-1,234.00"
    assert format_baht(0) == "0.00"


@FAST
@given(money)
def test_format_baht_round_trip(value: Decimal) -> None:
    shown = format_baht(value)
    assert Decimal(shown.replace(",", "")) == value
