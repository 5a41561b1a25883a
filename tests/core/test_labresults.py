"""Lab results as typed: reading them, limits, rounding for display, verdicts, safe formulas."""

from __future__ import annotations

import math
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dipdesk.core import labresults as lr
from dipdesk.core.labresults import FormulaError, Result, ResultError, Spec


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("12.5", 12.5),
        (" 12,5 ", 12.5),  # decimal comma
        ("0,05", 0.05),
        ("1,234", 1234.0),  # thousands (the Thai convention)
        ("1,234,567.5", 1234567.5),
        ("0,123", 0.123),  # a lone 0 before the comma: decimal
        ("๑๒.๕", 12.5),  # Thai digits
        ("๐,๐๕", 0.05),
        ("-0.4", -0.4),
        ("−0.4", -0.4),  # unicode minus
        ("1e3", 1000.0),
        ("1.2x10^4", 12000.0),
        ("1.2 × 10⁴", 12000.0),
        ("3.5*10^-2", 0.035),
        ("\u200b7.25", 7.25),  # an invisible character pasted from a document
    ],
)
def test_numbers_as_typed_in_a_thai_office(typed: str, value: float) -> None:
    assert lr.parse_number(typed) == pytest.approx(value)
    assert lr.parse_result(typed) == Result(typed.strip(), pytest.approx(value))  # type: ignore[arg-type]


@pytest.mark.parametrize("typed", ["abc", "1.2.3", "12 mg", "--1", "1,2,3.4.5", "<", "x10^4", "nan", "inf"])
def test_what_is_not_a_number_says_so(typed: str) -> None:
    with pytest.raises(ResultError) as err:
        lr.parse_result(typed)
    assert err.value.message_th and err.value.message_en


def test_detection_limits_and_flags() -> None:
    assert lr.parse_result("<0.05") == Result("<0.05", None, "<", 0.05)
    assert lr.parse_result("< 0,05") == Result("< 0,05", None, "<", 0.05)
    assert lr.parse_result("<=0.05").bound == 0.05
    assert lr.parse_result("> 200") == Result("> 200", None, ">", 200.0)
    for nd in ("ND", "nd", "N.D.", "n.d.", "not detected", "ไม่พบ", "ตรวจไม่พบ"):
        assert lr.parse_result(nd, lod=0.01) == Result(nd, None, "ND", 0.01)
    # below the LOD: recorded as such, the reading is kept
    assert lr.parse_result("0.003", lod=0.01) == Result("0.003", 0.003, "<", 0.01)
    assert lr.parse_result("5000000", upper=3e6) == Result("5000000", 5e6, ">", 3e6)
    assert lr.parse_result("<", lod=0.01) == Result("<", None, "<", 0.01)
    with pytest.raises(ResultError, match="detection limit"):
        lr.parse_result("<0.001", lod=0.01)  # cannot claim better than the method
    with pytest.raises(ResultError):
        lr.parse_result(">9e9", upper=3e6)
    assert lr.parse_result("") == lr.EMPTY and lr.EMPTY.empty


def test_text_and_choice_results() -> None:
    assert lr.parse_result("ผงละเอียด สีน้ำตาล", result_type="text").text == "ผงละเอียด สีน้ำตาล"
    grades = ["1", "1-2", "2", "4-5", "5"]
    assert lr.parse_result("๔-๕", result_type="choice", choices=grades).text == "4-5"
    assert lr.parse_result("4 – 5", result_type="choice", choices=grades).text == "4-5"
    with pytest.raises(ResultError, match="choices"):
        lr.parse_result("6", result_type="choice", choices=grades)


def test_stored_results_recover_their_bound() -> None:
    assert lr.stored_result("<0.05", None, "<", lod=0.01).bound == 0.05
    assert lr.stored_result("", None, "<", lod=0.01).bound == 0.01  # the demo keeps only the flag
    assert lr.stored_result("ND", None, "ND", lod=0.005).bound == 0.005
    assert lr.stored_result("", None, ">", upper=3e6).bound == 3e6


def test_rounding_happens_on_display_half_up() -> None:
    assert lr.round_half_up(2.675, 2) == Decimal("2.68")  # binary 2.67499… still rounds up
    assert lr.round_half_up(0.125, 2) == Decimal("0.13")
    assert lr.round_half_up(-1.005, 2) == Decimal("-1.01")
    assert lr.format_number(12500.456, 2) == "12,500.46"
    assert lr.format_number(-0.001, 2) == "0.00"
    assert lr.format_number(3.14159, 3, thai_digits=True) == "๓.๑๔๒"


def test_results_as_printed() -> None:
    f = lr.format_result
    assert f(value=10.0149, decimals=2) == "10.01"
    assert f(value=None, flag="<", text="", decimals=2, lod=0.005) == "< 0.005", (
        "a limit is never rounded away"
    )
    assert f(value=None, flag="<", text="", decimals=3, lod=0.01) == "< 0.010"
    assert f(value=0.003, flag="<", text="0.003", decimals=3, lod=0.01) == "< 0.010"
    assert f(value=None, flag="<", text="<0.05", decimals=2, lod=0.01) == "< 0.05"
    assert f(value=None, flag="ND", text="ND", decimals=2) == "ไม่พบ"
    assert f(value=None, flag="ND", text="ND", decimals=2, lang="en") == "not detected"
    assert f(value=None, flag=">", text="", decimals=0, upper=3e6) == "> 3,000,000"
    assert f(value=None, text="ผงละเอียด", result_type="text") == "ผงละเอียด"
    assert f(value=12000.0, decimals=0, thai_digits=True) == "๑๒,๐๐๐"
    assert lr.format_uncertainty(10.0, 0.15, is_percent=False, decimals=2) == "± 0.15"
    assert lr.format_uncertainty(250.0, 10.0, is_percent=True, decimals=1) == "± 25.0"
    assert lr.format_uncertainty(None, 0.15, is_percent=False, decimals=2) == ""


def test_verdicts_against_a_specification() -> None:
    moist = Spec(max=12, warn_high=10)
    ph = Spec(min=4, max=8, warn_low=4.5, warn_high=7.5)
    tensile = Spec(min=150, warn_low=180)
    j = lr.judge
    assert j(lr.parse_result("9.5"), moist) == "pass"
    assert j(lr.parse_result("11"), moist) == "warning"
    assert j(lr.parse_result("12.004"), moist, decimals=2) == "warning", "the reported value 12.00 is judged"
    assert j(lr.parse_result("12.006"), moist, decimals=2) == "fail"
    assert j(lr.parse_result("4.2"), ph) == "warning" and j(lr.parse_result("3.9"), ph) == "fail"
    assert j(lr.parse_result("160"), tensile) == "warning" and j(lr.parse_result("200"), tensile) == "pass"
    assert j(lr.parse_result("ND", lod=0.01), Spec(max=1)) == "pass"
    assert j(lr.parse_result("<0.5"), Spec(max=0.1)) == "inconclusive"
    assert j(lr.parse_result("<100"), tensile) == "fail"
    assert j(lr.parse_result("> 200"), Spec(max=100)) == "fail"
    assert j(lr.parse_result("> 50"), Spec(max=100)) == "inconclusive"
    assert j(lr.parse_result("7"), None) == "no_spec" and j(lr.parse_result("7"), Spec()) == "no_spec"
    assert j(lr.EMPTY, moist) == "pending"
    assert (
        lr.format_spec(moist) == "≤ 12"
        and lr.format_spec(ph) == "4 – 8"
        and lr.format_spec(tensile) == "≥ 150"
    )
    assert lr.format_spec(Spec(max=0.05), thai_digits=True) == "≤ ๐.๐๕"


def test_formulas_are_evaluated_without_eval() -> None:
    assert lr.evaluate_formula("(wet - dry) / wet * 100", {"wet": 3.0, "dry": 2.7}) == pytest.approx(10.0)
    assert lr.evaluate_formula("N × 6.25", {"N": 2.0}) == 12.5
    assert lr.evaluate_formula("x^2 + sqrt(y) - abs(-1)", {"x": 3, "y": 16}) == 12.0
    assert lr.evaluate_formula("max(a, b, 0) + min(a, b)", {"a": -1.0, "b": 2.0}) == 1.0
    assert lr.evaluate_formula("log10(1000) + ln(exp(2))", {}) == pytest.approx(5.0)
    assert lr.evaluate_formula("๒ * a", {"a": 1.5}) == 3.0
    assert lr.formula_names("(wet - dry) / wet * 100 + sqrt(IPC1_ASH)") == {"wet", "dry", "IPC1_ASH"}
    assert lr.variable_name("IPC1-PROT N") == "IPC1_PROT_N" and lr.variable_name("1X") == "_1X"


@pytest.mark.parametrize(
    "formula",
    [
        "__import__('os').system('echo hacked')",
        "open('/etc/passwd')",
        "wet.__class__",
        "[x for x in (1, 2)]",
        "lambda: 1",
        "a if a else b",
        "a[0]",
        "a < b",
        "a and b",
        "'text'",
        "True + 1",
        "eval('1')",
        "max(a=1)",
        "max(*a)",
        "exec",
        "x = 1",
        "1; 2",
        "",
        "a" * 500,
    ],
)
def test_anything_but_arithmetic_is_refused(formula: str) -> None:
    with pytest.raises(FormulaError):
        lr.evaluate_formula(formula, {"a": 1.0, "b": 2.0, "wet": 1.0, "x": 1.0})


@pytest.mark.parametrize(
    ("formula", "why"),
    [("1 / (a - a)", "zero"), ("a ** 1000", "exponent"), ("10.0 ** 60 ** 1.5", "exponent"), ("sqrt(-a)", "computed"),
     ("(-a) ** 0.5", "computed"), ("exp(1000)", "computed"), ("missing + 1", "no value")],
)  # fmt: skip
def test_bad_arithmetic_is_a_formula_error(formula: str, why: str) -> None:
    with pytest.raises(FormulaError, match=why):
        lr.evaluate_formula(formula, {"a": 2.0})


def test_check_formula_names_unknown_readings() -> None:
    lr.check_formula("(wet - dry) / wet * 100", {"wet", "dry"})
    with pytest.raises(FormulaError, match="unknown names: dryy"):
        lr.check_formula("(wet - dryy) / wet", {"wet", "dry"})


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=60))
def test_no_text_makes_the_formula_evaluator_raise_anything_else(text: str) -> None:
    try:
        value = lr.evaluate_formula(text, {"a": 1.5, "b": -2.0})
    except FormulaError:
        return
    assert math.isfinite(value)


@settings(max_examples=100, deadline=None)
@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12), st.integers(0, 6))
def test_typed_numbers_read_back_exactly_and_print_rounded(x: float, decimals: int) -> None:
    r = lr.parse_result(repr(x))
    assert r.value == x and r.flag == ""
    shown = lr.format_result(value=x, decimals=decimals)
    assert Decimal(shown.replace(",", "")) == lr.round_half_up(x, decimals)
