"""Hours attended and completion by the activity's threshold (default 80 % of its hours)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dipdesk.core.attendance import (
    DEFAULT_THRESHOLD,
    Mark,
    completes,
    completion,
    hours_attended,
    required_hours,
    share_percent,
    total_hours,
)

SESSIONS = {"d1": Decimal(6), "d2": Decimal(6), "d3": Decimal(3)}  # 15 hours


def test_default_rule_is_80_percent_of_the_hours() -> None:
    assert DEFAULT_THRESHOLD == 80
    assert required_hours(15) == Decimal(12)
    both_days = {"d1": Mark(True), "d2": Mark(True), "d3": Mark(False)}
    state = completion(SESSIONS, both_days)
    assert (state.attended, state.total, state.percent, state.complete) == (12, 15, Decimal("80.0"), True)
    one_day = {"d1": Mark(True), "d3": Mark(True)}
    state = completion(SESSIONS, one_day)
    assert (state.attended, state.complete, state.missing) == (9, False, 3)


def test_the_activity_sets_its_own_threshold() -> None:
    marks = {"d1": Mark(True), "d2": Mark(True)}
    assert completion(SESSIONS, marks, threshold=100).complete is False
    assert completion(SESSIONS, marks, threshold=50).complete is True
    assert completion(SESSIONS, {}, threshold=0).complete is True  # nothing required
    with pytest.raises(ValueError):
        completion(SESSIONS, marks, threshold=120)


def test_partial_hours_are_capped_at_the_session() -> None:
    marks = {"d1": Mark(True, Decimal(3)), "d2": Mark(True, Decimal(9)), "other": Mark(True)}
    assert hours_attended(SESSIONS, marks) == Decimal(9)  # 3 + 6 (capped); another activity's mark ignored


def test_no_sessions_uses_the_planned_hours_and_completes_nobody() -> None:
    assert total_hours([], planned=18) == 18
    state = completion({}, {}, planned=18)
    assert (state.total, state.attended, state.complete) == (18, 0, False)
    assert completes(0, 0) is False and share_percent(5, 0) == 0


@given(
    hours=st.lists(st.integers(min_value=0, max_value=8), min_size=1, max_size=10),
    present=st.lists(st.booleans(), min_size=10, max_size=10),
    threshold=st.integers(min_value=0, max_value=100),
)
def test_completion_agrees_with_the_percentage(hours: list[int], present: list[bool], threshold: int) -> None:
    sessions = {f"s{i}": Decimal(h) for i, h in enumerate(hours)}
    marks = {f"s{i}": Mark(p) for i, p in enumerate(present)}
    state = completion(sessions, marks, threshold)
    total = sum(hours)
    attended = sum(h for h, p in zip(hours, present, strict=False) if p)
    assert state.attended == attended
    assert state.complete == (total > 0 and attended * 100 >= total * threshold)
