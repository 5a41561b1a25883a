"""Westgard multi-rules: each rule trips on the pattern of the published examples and not before.

Examples after Westgard's "Westgard Rules" lesson (westgard.com) and the original paper (Clin Chem
1981;27:493): a cholesterol control with mean 200 mg/dL and SD 4.0, so ±1 SD = 196/204, ±2 SD =
192/208, ±3 SD = 188/212.
"""

from __future__ import annotations

import pytest

from dipdesk.core import westgard as wg

MEAN, SD = 200.0, 4.0


def latest(values: list[float]) -> wg.Point:
    return wg.check_latest(values, MEAN, SD)


def test_in_control_series_trips_nothing() -> None:
    values = [201, 198, 203, 197, 200, 202, 199, 196.5, 204.5, 199]
    assert all(p.rules == () and p.outcome == "pass" for p in wg.evaluate(values, MEAN, SD))


def test_1_2s_is_a_warning_only() -> None:
    p = latest([200, 201, 209])  # +2.25 SD
    assert p.rules == ("1-2s",) and p.outcome == "warn" and not p.rejected


def test_1_3s_one_result_beyond_three_sd() -> None:
    p = latest([200, 199, 213])  # +3.25 SD
    assert "1-3s" in p.rules and p.rejected
    assert "1-3s" in latest([200, 186.8]).rules  # -3.3 SD, low side too
    assert "1-3s" not in latest([200, 211.9]).rules  # 2.975 SD: warning only


def test_2_2s_two_consecutive_beyond_two_sd_on_the_same_side() -> None:
    p = latest([200, 209, 210])
    assert "2-2s" in p.rules and p.outcome == "fail"
    assert "2-2s" in latest([200, 191, 190]).rules
    assert "2-2s" not in latest([200, 209, 201]).rules  # not consecutive
    assert "2-2s" not in latest([209, 190]).rules  # opposite sides: that is R-4s


def test_r_4s_range_beyond_four_sd_within_the_run() -> None:
    p = latest([200, 209, 191])  # +2.25 SD then -2.25 SD: range 4.5 SD
    assert "R-4s" in p.rules and "2-2s" not in p.rules and p.rejected
    assert "R-4s" not in latest([200, 209, 195]).rules  # the second is only -1.25 SD


def test_4_1s_four_consecutive_beyond_one_sd_on_the_same_side() -> None:
    p = latest([200, 205, 206, 204.5, 205.5])  # four beyond +1 SD (204)
    assert p.rules == ("4-1s",) and p.rejected
    assert "4-1s" in latest([195, 194, 195.5, 193]).rules  # four beyond -1 SD
    assert "4-1s" not in latest([205, 206, 203, 205.5]).rules  # one of them within 1 SD


def test_10x_ten_consecutive_on_the_same_side_of_the_mean() -> None:
    nine_above = [201, 202, 201.5, 203, 200.5, 202, 201, 203.5, 202.5]
    assert "10x" not in latest(nine_above).rules
    p = latest([*nine_above, 201])
    assert p.rules == ("10x",) and p.rejected
    below = [199, 198, 199.5, 197, 199.5, 198, 199, 196.5, 197.5, 199]
    assert "10x" in latest(below).rules
    assert "10x" not in latest([*nine_above, 199]).rules


def test_each_point_is_judged_with_the_points_before_it() -> None:
    points = wg.evaluate([200, 209, 210, 201], MEAN, SD)
    assert [p.outcome for p in points] == ["pass", "warn", "fail", "pass"]
    assert points[2].z == pytest.approx(2.5)


def test_blank_duplicate_and_bad_sd() -> None:
    assert wg.blank_ok(None, 0.01) and wg.blank_ok(0.005, 0.01) and not wg.blank_ok(0.02, 0.01)
    assert wg.relative_percent_difference(10.0, 11.0) == pytest.approx(9.5238, rel=1e-4)
    with pytest.raises(ValueError):
        wg.evaluate([1.0], 1.0, 0)
