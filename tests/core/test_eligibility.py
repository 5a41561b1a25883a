"""The certificate eligibility rule: completed and at the threshold (วุฒิบัตร), or present (เกียรติบัตร)."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dipdesk.core.eligibility import Attendance, Verdict, assess

FAST = settings(max_examples=200, deadline=None)
hours = st.decimals(min_value=0, max_value=200, places=2, allow_nan=False, allow_infinity=False)
statuses = st.sampled_from(["applied", "enrolled", "completed", "dropped"])
thresholds = st.integers(min_value=0, max_value=100)


def test_completion_at_the_threshold_exactly() -> None:
    # 80 % of 15 hours is 12 hours: 12 is enough, 11.99 is not
    assert assess(Attendance("completed", D(12), D(15), 80)).eligible
    short = assess(Attendance("completed", D("11.99"), D(15), 80))
    assert short.verdict is Verdict.ATTENDANCE_SHORT
    assert "ไม่ถึงเกณฑ์ร้อยละ 80" in short.explain_th() and "12 of 15 hours" in short.explain_en()


@pytest.mark.parametrize(
    ("status", "verdict"),
    [
        ("completed", Verdict.ELIGIBLE),
        ("enrolled", Verdict.NOT_COMPLETED),
        ("applied", Verdict.APPLIED_ONLY),
        ("dropped", Verdict.DROPPED),
    ],
)
def test_completion_needs_a_completed_enrollment(status: str, verdict: Verdict) -> None:
    assert assess(Attendance(status, D(18), D(18), 80), "completion").verdict is verdict


def test_participation_needs_presence_not_completion() -> None:
    assert assess(Attendance("enrolled", D(3), D(18), 80), "participation").eligible
    assert assess(Attendance("enrolled", D(0), D(18), 80), "participation").verdict is Verdict.NEVER_PRESENT
    assert assess(Attendance("dropped", D(18), D(18), 80), "participation").verdict is Verdict.DROPPED


def test_without_hours_the_status_decides() -> None:
    assert assess(Attendance("completed", D(0), D(0), 80)).eligible
    assert not assess(Attendance("enrolled", D(0), D(0), 80)).eligible
    assert assess(Attendance("enrolled", D(0), D(0), 80), "participation").eligible


def test_unknown_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown certificate kind"):
        assess(Attendance("completed", D(1), D(1)), "diploma")


@FAST
@given(attended=hours, total=hours, threshold=thresholds)
def test_completed_is_eligible_exactly_at_or_above_the_share(attended: D, total: D, threshold: int) -> None:
    attended = min(attended, total)
    result = assess(Attendance("completed", attended, total, threshold))
    expected = total <= 0 or attended * 100 >= total * threshold
    assert result.eligible == expected


@FAST
@given(attended=hours, more=hours, total=hours, threshold=thresholds, status=statuses)
def test_more_attendance_never_takes_eligibility_away(
    attended: D, more: D, total: D, threshold: int, status: str
) -> None:
    for kind in ("completion", "participation"):
        before = assess(Attendance(status, attended, total, threshold), kind).eligible
        after = assess(Attendance(status, attended + more, total, threshold), kind).eligible
        assert after or not before


@FAST
@given(attended=hours, total=hours, threshold=thresholds, status=statuses)
def test_only_a_completed_enrollment_earns_a_completion_certificate(
    attended: D, total: D, threshold: int, status: str
) -> None:
    result = assess(Attendance(status, attended, total, threshold), "completion")
    if status != "completed":
        assert not result.eligible
    assert result.eligible == (result.verdict is Verdict.ELIGIBLE)
