"""Conformity rules of the test report: significant figures of counts, citations, sum limits, conditions."""

from __future__ import annotations

import pytest

from dipdesk.core import labresults as lr


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (5811, "5.8 × 10³"),
        (150000, "1.5 × 10⁵"),
        (3_000_000, "3.0 × 10⁶"),
        (9960, "1.0 × 10⁴"),  # rounding carries into the next power of ten
        (995, "1.0 × 10³"),
        (145, "1.5 × 10²"),  # half-up, as on paper
        (45, "45"),
        (8, "8"),
        (0, "0"),
    ],
)
def test_counts_are_printed_to_two_significant_figures(value: float, text: str) -> None:
    assert lr.format_count(value) == text


def test_a_microbial_result_is_formatted_by_significant_figures_not_decimals() -> None:
    sig = lr.significant_figures("CFU/g")
    assert sig == 2
    assert lr.significant_figures("mg/kg") is None
    assert lr.significant_figures("", "microbiological") == 2
    assert lr.format_result(value=5811.0, decimals=0, sig_figs=sig) == "5.8 × 10³"
    assert lr.format_result(value=5811.0, decimals=0, sig_figs=sig, thai_digits=True) == "๕.๘ × ๑๐³"
    # a count below the LOD keeps its "< LOD" form
    assert lr.format_result(value=None, flag="<", text="<10", decimals=0, lod=10.0, sig_figs=sig) == "< 10"


def test_a_specification_source_must_carry_its_number_and_year() -> None:
    assert not lr.is_cited("มาตรฐานผลิตภัณฑ์ชุมชน (มผช.)")
    assert not lr.is_cited("EN 13428 / 94/62/EC (heavy metals in packaging)")
    assert lr.is_cited("มาตรฐานผลิตภัณฑ์ชุมชน มผช. 8/2546")
    assert lr.is_cited("EN 13428:2004")
    assert lr.is_cited("ประกาศกระทรวงสาธารณสุข (ฉบับที่ 414) พ.ศ. 2563 เรื่อง มาตรฐานอาหารที่มีสารปนเปื้อน")


def _metals(**values: lr.Result) -> dict[str, lr.Result]:
    return dict(values)


def test_a_sum_limit_judges_the_sum_not_each_metal() -> None:
    (limit,) = lr.SUM_LIMITS
    assert lr.analyte_symbol("Lead (Pb)") == "Pb"
    assert lr.analyte_symbol("Chromium (Cr(VI))") == "Cr(VI)"
    assert lr.sum_limit_for("EN 13428 / 94/62/EC (heavy metals in packaging)", "Pb") is limit
    assert lr.sum_limit_for("ประกาศกระทรวงสาธารณสุข (ฉบับที่ 414) พ.ศ. 2563", "Pb") is None
    each_below = {"Pb": lr.Result("45", 45.0), "Cd": lr.Result("40", 40.0), "Hg": lr.Result("30", 30.0)}
    check = lr.check_sum(limit, each_below)
    assert check.low == pytest.approx(115.0)
    assert check.verdict == "fail"  # each metal ≤ 100, the sum is not
    assert check.missing == ("Cr(VI)",)
    all_four = {
        "Pb": lr.Result("20", 20.0),
        "Cd": lr.Result("<5", None, "<", 5.0),
        "Hg": lr.Result("10", 10.0),
        "Cr(VI)": lr.Result("30", 30.0),
    }
    check = lr.check_sum(limit, all_four)
    assert (check.low, check.high, check.verdict) == (60.0, 65.0, "pass")
    partial = {"Pb": lr.Result("20", 20.0)}
    assert lr.check_sum(limit, partial).verdict == "inconclusive"  # untested members: cannot pass


def test_the_decision_rule_states_what_the_near_limit_mark_means() -> None:
    rule = "เทียบค่าที่รายงานกับเกณฑ์โดยตรง (simple acceptance)"
    assert lr.decision_rule_statement(rule, near_limit=False) == rule
    stated = lr.decision_rule_statement(rule, near_limit=True)
    assert stated.startswith(rule) and "(ใกล้เกณฑ์)" in stated and "ผ่าน" in stated


def test_test_conditions_come_from_the_record_or_the_method() -> None:
    assert "ISO 139" in lr.conditions_for("ISO 13934-1:2013")
    assert "30 °C" in lr.conditions_for("ISO 4833-1:2013")
    assert lr.conditions_for("ISO 13934-1:2013", "23 °C, 50 % RH") == "23 °C, 50 % RH"
    assert lr.conditions_for("AOAC 925.10") == ""
