"""Buddhist-era (พ.ศ.) dates, Thai fiscal years and Excel serial dates.

BE = CE + 543. The Thai government fiscal year runs 1 October – 30 September and is named by the BE
year in which it ends: FY 2563 = 1 Oct 2019 – 30 Sep 2020.
"""

from __future__ import annotations

import math
import re
from datetime import date, timedelta

from dipdesk.core.digits import to_arabic_digits, to_thai_digits

BE_OFFSET = 543

THAI_MONTHS: tuple[str, ...] = (
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
)
THAI_MONTHS_ABBR: tuple[str, ...] = (
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
)
ENGLISH_MONTHS: tuple[str, ...] = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
ENGLISH_MONTHS_ABBR: tuple[str, ...] = tuple(m[:3] for m in ENGLISH_MONTHS)

DATE_STYLES = ("long", "medium", "short", "numeric")

# A 4-digit year below this is CE, at or above it BE: BE 2400 is CE 1857, and no record in this
# application is that old, while CE years ≥ 2400 are far in the future.
BE_THRESHOLD = 2400


class DateParseError(ValueError):
    """A date could not be read; `code` is one of "empty", "format", "month", "day", "year", "serial"."""

    def __init__(self, code: str, message_th: str, message_en: str) -> None:
        super().__init__(message_en)
        self.code = code
        self.message_th = message_th
        self.message_en = message_en


def be_year(d: date) -> int:
    """The Buddhist-era year of `d`."""
    return d.year + BE_OFFSET


def format_thai_date(d: date, style: str = "long", thai_digits: bool = False) -> str:
    """`21 พฤศจิกายน พ.ศ. 2569` (long), `21 พ.ย. 2569` (medium), `21 พ.ย. 69` (short), `21/11/2569` (numeric).

    parse_date reads every style back, except that a 2-digit year is taken as BE 25xx: "short" only
    round-trips for BE 2500–2599 (CE 1957–2056).
    """
    be = be_year(d)
    if style == "long":
        text = f"{d.day} {THAI_MONTHS[d.month - 1]} พ.ศ. {be}"
    elif style == "medium":
        text = f"{d.day} {THAI_MONTHS_ABBR[d.month - 1]} {be}"
    elif style == "short":
        text = f"{d.day} {THAI_MONTHS_ABBR[d.month - 1]} {be % 100:02d}"
    elif style == "numeric":
        text = f"{d.day:02d}/{d.month:02d}/{be}"
    else:
        raise ValueError(f"unknown date style {style!r}; expected one of {', '.join(DATE_STYLES)}")
    return to_thai_digits(text) if thai_digits else text


def _month_key(name: str) -> str:
    # Dots, spaces and case do not matter: "มี.ค.", "มีค", "MAR", "Mar." all name March.
    return re.sub(r"[\s.]", "", name).casefold()


_MONTHS: dict[str, int] = {}
for _i in range(12):
    for _name in (THAI_MONTHS[_i], THAI_MONTHS_ABBR[_i], ENGLISH_MONTHS[_i], ENGLISH_MONTHS_ABBR[_i]):
        _MONTHS[_month_key(_name)] = _i + 1
_MONTHS["sept"] = 9
_ENGLISH_MONTH_KEYS = frozenset(_month_key(m) for m in ENGLISH_MONTHS + ENGLISH_MONTHS_ABBR) | {"sept"}

# Era markers that may stand between the month and the year (already run through _month_key).
_ERA_MARKERS = {"พศ": "be", "คศ": "ce", "be": "be", "ce": "ce", "ad": "ce"}

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_NUMERIC = re.compile(r"(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d+)")
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})[\s,-]*(\D+?)[\s,-]*(\d+)")
_MONTH_DAY_YEAR = re.compile(r"([^\d\s,-]+)[\s-]*(\d{1,2})(?:st|nd|rd|th)?[\s,-]+(\d+)", re.IGNORECASE)
_DAY_PREFIX = re.compile(r"^วันที่\s*")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))


def _format_error(text: str) -> DateParseError:
    return DateParseError(
        "format",
        f"อ่านวันที่ '{text}' ไม่ได้ (ตัวอย่าง 15/03/2563 หรือ 15 มี.ค. 2563)",
        f"Cannot read the date '{text}' (for example 15/03/2563 or 15 Mar 2020)",
    )


def _split_month_and_era(middle: str) -> tuple[int, str | None] | None:
    key = _month_key(middle)
    if key in _MONTHS:
        return _MONTHS[key], None
    for marker, era in _ERA_MARKERS.items():
        if key.endswith(marker) and key[: -len(marker)] in _MONTHS:
            return _MONTHS[key[: -len(marker)]], era
    return None


def _ce_year(year_text: str, era: str | None, default_era: str) -> int:
    """The CE year for a written year.

    Explicit era (พ.ศ./ค.ศ.) wins. Otherwise a 4-digit year < 2400 is CE and ≥ 2400 is BE. Two-digit
    years are BE 25xx when default_era is "be" (63 → 2563 → 2020), else CE with the POSIX pivot
    (69–99 → 19xx, 00–68 → 20xx).
    """
    y = int(year_text)
    if len(year_text) == 2:
        if (era or default_era) == "be":
            return 2500 + y - BE_OFFSET
        return (1900 if y >= 69 else 2000) + y
    if len(year_text) != 4:
        raise DateParseError(
            "year",
            f"ปีต้องมี 4 หลัก (เช่น 2563) หรือ 2 หลัก (เช่น 63) ไม่ใช่ '{year_text}'",
            f"The year must have 4 digits (e.g. 2563) or 2 digits (e.g. 63), not '{year_text}'",
        )
    if era == "be" or (era is None and y >= BE_THRESHOLD):
        return y - BE_OFFSET
    return y


def _build(day: int, month: int, year_ce: int) -> date:
    if not 1 <= month <= 12:
        raise DateParseError(
            "month", f"เดือนต้องอยู่ระหว่าง 1 ถึง 12 (ใส่มา {month})", f"The month must be 1 to 12 (got {month})"
        )
    if not 1 <= year_ce <= 9999:
        raise DateParseError("year", "ปีอยู่นอกช่วงที่รับได้", "The year is out of range")
    try:
        return date(year_ce, month, day)
    except ValueError:
        raise DateParseError(
            "day",
            f"ไม่มีวันที่ {day} ในเดือน{THAI_MONTHS[month - 1]} พ.ศ. {year_ce + BE_OFFSET}",
            f"There is no day {day} in {ENGLISH_MONTHS[month - 1]} {year_ce} (BE {year_ce + BE_OFFSET})",
        ) from None


def parse_date(text: str, *, default_era: str = "be") -> date:
    """Read a date the way Thai offices write it, raising DateParseError with a Thai and English message.

    Accepted: `15/03/2563`, `15-03-2563`, `15.3.63`, `15 มี.ค. 63`, `15 มีนาคม พ.ศ. 2563`,
    `15 Mar 2020`, `March 15, 2020`, ISO `2020-03-15` (always CE), Thai digits anywhere.
    Years: see `_ce_year` — a 4-digit year < 2400 is CE, ≥ 2400 BE; 2-digit years are BE 25xx by default.
    """
    if default_era not in ("be", "ce"):
        raise ValueError(f"default_era must be 'be' or 'ce', not {default_era!r}")
    # Zero-width spaces creep in from Thai word-breaking editors; they are not str.isspace().
    s = " ".join(to_arabic_digits(text).translate(_INVISIBLE).split())
    if not s:
        raise DateParseError("empty", "กรุณาใส่วันที่", "The date is empty")
    s = _DAY_PREFIX.sub("", s)

    if m := _ISO.fullmatch(s):
        return _build(int(m[3]), int(m[2]), int(m[1]))
    if m := _NUMERIC.fullmatch(s):
        return _build(int(m[1]), int(m[3]), _ce_year(m[4], None, default_era))
    if m := _DAY_MONTH_YEAR.fullmatch(s):
        found = _split_month_and_era(m[2])
        if found is not None:
            month, era = found
            return _build(int(m[1]), month, _ce_year(m[3], era, default_era))
    if (m := _MONTH_DAY_YEAR.fullmatch(s)) and _month_key(m[1]) in _ENGLISH_MONTH_KEYS:
        return _build(int(m[2]), _MONTHS[_month_key(m[1])], _ce_year(m[3], None, default_era))
    raise _format_error(text.strip())


def fiscal_year(d: date) -> int:
    """The Thai government fiscal year (BE) that `d` falls in: October starts the next one."""
    return be_year(d) + (1 if d.month >= 10 else 0)


def fiscal_year_range(fy_be: int) -> tuple[date, date]:
    """First and last day (inclusive) of fiscal year `fy_be`: FY 2563 → (2019-10-01, 2020-09-30)."""
    end_ce = fy_be - BE_OFFSET
    return date(end_ce - 1, 10, 1), date(end_ce, 9, 30)


# Excel's 1900 date system counts 1900-01-01 as 1 and, copying Lotus 1-2-3, treats 1900 as a leap
# year: serial 60 is the non-existent 29 Feb 1900, so from 61 (1 Mar 1900) on the epoch is 1899-12-30.
_EXCEL_EPOCH = date(1899, 12, 30)
_EXCEL_FAKE_LEAP_DAY = 60


def excel_serial_to_date(serial: float) -> date:
    """The date of an Excel (1900 system) serial number; the time-of-day fraction is dropped."""
    if isinstance(serial, bool) or not math.isfinite(serial):
        raise DateParseError("serial", "เลขวันที่ของ Excel ไม่ถูกต้อง", f"Not an Excel date serial: {serial!r}")
    days = math.floor(serial)
    if days == _EXCEL_FAKE_LEAP_DAY:
        raise DateParseError(
            "serial",
            "เลขวันที่ 60 ของ Excel คือ 29 ก.พ. 1900 ซึ่งไม่มีจริง",
            "Excel serial 60 is 29 Feb 1900, which does not exist",
        )
    if days < 1:
        raise DateParseError(
            "serial", "เลขวันที่ของ Excel ต้องมากกว่า 0", "An Excel date serial must be 1 or more"
        )
    offset = days if days > _EXCEL_FAKE_LEAP_DAY else days + 1
    try:
        return _EXCEL_EPOCH + timedelta(days=offset)
    except OverflowError:
        raise DateParseError(
            "serial", "เลขวันที่ของ Excel เกินช่วงที่รับได้", f"Excel serial {serial!r} is out of range"
        ) from None
