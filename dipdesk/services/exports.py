"""Export a list to Excel (.xlsx): Thai headers, Buddhist-era dates, numbers that stay numbers.

Every list on screen exports through `export_rows`, as it is filtered, so what staff send to the
department looks the same from every screen. Dates are written as BE text (`15/03/2563`), which Thai
offices read and type, and which `dipdesk import` reads back; money keeps two decimals; national IDs and
phone numbers stay text (a leading 0 must survive).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from dipdesk.core.cells import formula_safe
from dipdesk.core.digits import to_thai_digits
from dipdesk.core.thaidate import format_thai_date

HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")
HEADER_FONT = Font(bold=True)
MONEY_FORMAT = "#,##0.00"
INT_FORMAT = "#,##0"
_TEXT_KEYS = ("national_id", "registration_id", "phone", "postcode", "tsic_code", "code")
_SHEET_TITLE_MAX = 31  # Excel's limit
_BAD_SHEET_CHARS = str.maketrans(dict.fromkeys("[]:*?/\\", "-"))


def be_date_text(d: dt.date | dt.datetime, *, thai_digits: bool = False) -> str:
    """`15/03/2563`: a BE date as Thai offices write it in a sheet."""
    if isinstance(d, dt.datetime):
        d = d.date()
    return format_thai_date(d, "numeric", thai_digits=thai_digits)


def cell_value(key: str, value: Any, *, thai_digits: bool = False) -> Any:
    """A Python value as an Excel cell value (see the module note)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "✓" if value else ""
    if isinstance(value, (dt.date, dt.datetime)):
        return be_date_text(value, thai_digits=thai_digits)
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, (int, float)):
        return value
    text = str(value)
    if thai_digits and key not in _TEXT_KEYS:
        return to_thai_digits(text)
    return text


def _number_format(key: str, value: Any) -> str | None:
    if isinstance(value, Decimal):
        # hours and percentages as they are (6, 7.5); amounts with two decimals
        return None if key.endswith(("hours", "percent")) else MONEY_FORMAT
    if isinstance(value, int) and not isinstance(value, bool) and key not in ("fiscal_year", "cohort", "seq"):
        return INT_FORMAT
    return None


def _headers(columns: Sequence[str], headers_th: Mapping[str, str] | Sequence[str]) -> list[str]:
    if isinstance(headers_th, Mapping):
        return [headers_th.get(c, c) for c in columns]
    if len(headers_th) != len(columns):
        raise ValueError(f"{len(columns)} columns but {len(headers_th)} headers")
    return list(headers_th)


def _display_width(text: str) -> int:
    # Thai vowel and tone marks above/below the line take no width of their own.
    import unicodedata

    return sum(0 if unicodedata.category(ch) == "Mn" else 1 for ch in text)


def export_rows(
    path: str | Path,
    columns: Sequence[str],
    rows: Iterable[Mapping[str, Any] | Sequence[Any]],
    *,
    headers_th: Mapping[str, str] | Sequence[str],
    sheet_title: str = "ข้อมูล",
    title: str | None = None,
    thai_digits: bool = False,
) -> int:
    """Write `rows` (dicts keyed by `columns`, or sequences in their order) to an .xlsx at `path`.

    `headers_th` names each column in Thai (a mapping from column key, or a list in column order).
    `title`, if given, is written above the table (e.g. the list's filter). Returns the number of rows.
    """
    path = Path(path)
    headers = _headers(columns, headers_th)
    wb = Workbook(write_only=False)
    ws = wb.active
    assert ws is not None
    ws.title = (sheet_title.translate(_BAD_SHEET_CHARS) or "Sheet")[:_SHEET_TITLE_MAX]
    first = 1
    if title:
        ws.cell(row=1, column=1, value=formula_safe(title)).font = Font(bold=True, size=13)
        first = 3
    widths = [_display_width(h) for h in headers]
    for col, text in enumerate(headers, start=1):
        c = ws.cell(row=first, column=col, value=formula_safe(text))
        c.font = HEADER_FONT
        c.fill = HEADER_FILL
        c.alignment = Alignment(vertical="center", wrap_text=True)
    n = 0
    for n, row in enumerate(rows, start=1):
        values = [row.get(c) for c in columns] if isinstance(row, Mapping) else list(row)
        for col, (key, raw) in enumerate(zip(columns, values, strict=False), start=1):
            v = formula_safe(cell_value(key, raw, thai_digits=thai_digits))
            c = ws.cell(row=first + n, column=col, value=v)
            if isinstance(v, str) and v.startswith("="):
                c.data_type = "s"  # typed text, never a formula (a name or a value may start with "=")
            fmt = _number_format(key, raw)
            if fmt:
                c.number_format = fmt
            elif isinstance(v, str) and key in _TEXT_KEYS:
                c.number_format = "@"
            if v is not None:
                shown = f"{v:,.2f}" if isinstance(v, float) else str(v)
                widths[col - 1] = max(widths[col - 1], _display_width(shown))
    for col, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = min(max(8, w + 2), 60)
    ws.freeze_panes = ws.cell(row=first + 1, column=1)
    if n:
        ws.auto_filter.ref = f"A{first}:{get_column_letter(len(columns))}{first + n}"
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    wb.save(tmp)
    tmp.replace(path)  # never leave a half-written file where the user expects the export
    return n
