"""Buddhist-era dates: formatting, parsing, fiscal years, Excel serials."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dipdesk.core.thaidate import (
    ENGLISH_MONTHS_ABBR,
    THAI_MONTHS,
    THAI_MONTHS_ABBR,
    DateParseError,
    be_year,
    excel_serial_to_date,
    fiscal_year,
    fiscal_year_range,
    format_thai_date,
    parse_date,
)

FAST = settings(max_examples=100, deadline=None)
# The round trips are the heart of this module: give them more examples.
THOROUGH = settings(max_examples=300, deadline=None)
dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31))
# Two-digit BE years are read as 25xx, so the short style only round-trips for BE 2500–2599.
short_dates = st.dates(min_value=date(2500 - 543, 1, 1), max_value=date(2599 - 543, 12, 31))

D = date(2026, 11, 21)
MARCH_15 = date(2020, 3, 15)


def test_month_names() -> None:
    assert len(THAI_MONTHS) == len(THAI_MONTHS_ABBR) == len(ENGLISH_MONTHS_ABBR) == 12
    assert THAI_MONTHS[0] == "มกราคม" and THAI_MONTHS[11] == "ธันวาคม"
    assert THAI_MONTHS_ABBR[3] == "เม.ย." and ENGLISH_MONTHS_ABBR[8] == "Sep"


def test_be_year() -> None:
    assert be_year(MARCH_15) == 2563
    assert be_year(D) == 2569


@pytest.mark.parametrize(
    ("style", "thai", "expected"),
    [
        ("long", False, "21 พฤศจิกายน พ.ศ. 2569"),
        ("medium", False, "21 พ.ย. 2569"),
        ("short", False, "21 พ.ย. 69"),
        ("numeric", False, "21/11/2569"),
        ("long", True, "๒๑ พฤศจิกายน พ.ศ. ๒๕๖๙"),
        ("numeric", True, "๒๑/๑๑/๒๕๖๙"),
    ],
)
def test_format_examples(style: str, thai: bool, expected: str) -> None:
    assert format_thai_date(D, style, thai) == expected


def test_format_defaults_and_padding() -> None:
    assert format_thai_date(D) == "21 พฤศจิกายน พ.ศ. 2569"
    assert format_thai_date(date(2020, 3, 5), "numeric") == "05/03/2563"
    assert format_thai_date(date(2005, 3, 5), "short") == "5 มี.ค. 48"
    with pytest.raises(ValueError):
        format_thai_date(D, "fancy")


@pytest.mark.parametrize(
    "text",
    [
        "15/03/2563",
        "15-03-2563",
        "15.3.63",
        "15 มี.ค. 63",
        "15 มีนาคม 2563",
        "15 มีนาคม พ.ศ. 2563",
        "๑๕ มี.ค. ๒๕๖๓",
        "๑๕/๐๓/๒๕๖๓",
        "2020-03-15",
        "15/03/2020",
        "15 Mar 2020",
        "15 March 2020",
        "15 mar. 2020",
        "March 15, 2020",
        "15-Mar-2020",
        "  15 มี.ค. 2563\n",
        "15\u00a0มี.ค.\u00a02563",
        "15มี.ค.2563",
        "15 มีค 63",
        "15 มีนาคม ค.ศ. 2020",
        "วันที่ 15 มีนาคม พ.ศ. 2563",
        "1\u200b5/03/2563",
    ],
)
def test_parse_examples(text: str) -> None:
    assert parse_date(text) == MARCH_15


def test_year_rules() -> None:
    assert parse_date("15/03/2399") == date(2399, 3, 15), "4-digit < 2400 is CE"
    assert parse_date("15/03/2400") == date(2400 - 543, 3, 15), "4-digit ≥ 2400 is BE"
    assert parse_date("15/03/63") == MARCH_15, "2-digit years are BE 25xx"
    assert parse_date("15/03/63", default_era="ce") == date(2063, 3, 15)
    assert parse_date("15/03/99", default_era="ce") == date(1999, 3, 15)
    assert parse_date("2563-03-15") == date(2563, 3, 15), "ISO is always CE"
    with pytest.raises(ValueError):
        parse_date("15/03/2563", default_era="xx")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("31/02/2563", "day"),
        ("29/02/2562", "day"),
        ("0/01/2563", "day"),
        ("15/13/2563", "month"),
        ("15/03/256", "year"),
        ("15 foo 2563", "format"),
        ("hello", "format"),
        ("15/03", "format"),
        ("2020-02-30", "day"),
    ],
)
def test_parse_errors(text: str, code: str) -> None:
    with pytest.raises(DateParseError) as err:
        parse_date(text)
    assert err.value.code == code
    assert err.value.message_th and err.value.message_en
    assert isinstance(err.value, ValueError)


def test_impossible_date_message() -> None:
    with pytest.raises(DateParseError) as err:
        parse_date("31/02/2563")
    assert "วัน" in err.value.message_th and "กุมภาพันธ์" in err.value.message_th
    assert "31" in err.value.message_en and "February" in err.value.message_en


def test_leap_day_in_be() -> None:
    assert parse_date("29/02/2563") == date(2020, 2, 29)


@THOROUGH
@given(dates, st.sampled_from(["long", "medium", "numeric"]), st.booleans())
def test_round_trip(d: date, style: str, thai_digits: bool) -> None:
    assert parse_date(format_thai_date(d, style, thai_digits)) == d


@FAST
@given(short_dates, st.booleans())
def test_round_trip_short(d: date, thai_digits: bool) -> None:
    assert parse_date(format_thai_date(d, "short", thai_digits)) == d


@FAST
@given(dates)
def test_iso_and_english_round_trip(d: date) -> None:
    assert parse_date(d.isoformat()) == d
    assert parse_date(f"{d.day} {ENGLISH_MONTHS_ABBR[d.month - 1]} {d.year}") == d


@FAST
@given(st.text(max_size=25))
def test_parse_raises_only_date_parse_error(text: str) -> None:
    try:
        d = parse_date(text)
    except DateParseError as exc:
        assert exc.message_th and exc.message_en
    else:
        assert isinstance(d, date)


def test_fiscal_year_examples() -> None:
    assert fiscal_year(date(2019, 9, 30)) == 2562
    assert fiscal_year(date(2019, 10, 1)) == 2563
    assert fiscal_year(date(2020, 9, 30)) == 2563
    assert fiscal_year_range(2563) == (date(2019, 10, 1), date(2020, 9, 30))


@FAST
@given(st.integers(1900, 2200))
def test_fiscal_year_boundaries(ce: int) -> None:
    sep30, oct1 = date(ce, 9, 30), date(ce, 10, 1)
    assert fiscal_year(sep30) == ce + 543
    assert fiscal_year(oct1) == ce + 544
    start, end = fiscal_year_range(ce + 544)
    assert (start, end) == (oct1, date(ce + 1, 9, 30))
    assert (end - start).days + 1 in (365, 366), "inclusive: a whole year"


@FAST
@given(dates)
def test_every_date_lies_in_its_fiscal_year(d: date) -> None:
    start, end = fiscal_year_range(fiscal_year(d))
    assert start <= d <= end
    assert fiscal_year(start) == fiscal_year(end) == fiscal_year(d)
    assert fiscal_year(start - timedelta(days=1)) == fiscal_year(d) - 1


def test_excel_serial_examples() -> None:
    assert excel_serial_to_date(1) == date(1900, 1, 1)
    assert excel_serial_to_date(59) == date(1900, 2, 28)
    assert excel_serial_to_date(61) == date(1900, 3, 1)
    assert excel_serial_to_date(43905) == MARCH_15
    assert excel_serial_to_date(43905.75) == MARCH_15, "time of day is dropped"
    assert excel_serial_to_date(2958465) == date(9999, 12, 31)
    for bad in (60, 0, -1, float("nan"), float("inf"), 2958466):
        with pytest.raises(DateParseError):
            excel_serial_to_date(bad)


@FAST
@given(st.dates(min_value=date(1900, 3, 1), max_value=date(9999, 12, 31)), st.floats(0, 0.999))
def test_excel_serial_round_trip(d: date, fraction: float) -> None:
    serial = (d - date(1899, 12, 30)).days
    assert excel_serial_to_date(serial + fraction) == d
    assert excel_serial_to_date(serial + 1) == d + timedelta(days=1)


@FAST
@given(st.integers(1, 59))
def test_excel_serial_before_fake_leap_day(serial: int) -> None:
    assert excel_serial_to_date(serial) == date(1900, 1, 1) + timedelta(days=serial - 1)
