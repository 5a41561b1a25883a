"""ใบลงชื่อเข้าอบรม: the barcode sign-in sheet of one training day (A4 portrait, Thai).

One row per enrolled person: number, name, enterprise, a Code 128 of their sign-in code (see
`dipdesk.services.signin`) and a box to sign; then blank rows for walk-ins, who write their name, phone
and national ID by hand for staff to enroll. The bars are never narrower than 0.38 mm, which a cheap USB
scanner, a phone or `zbarimg` on a 150 dpi scan reads.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from dipdesk.core.thaidate import format_thai_date
from dipdesk.printing.fonts import register_fonts
from dipdesk.printing.pdfmeta import set_metadata
from dipdesk.printing.thaitext import draw_text

Out = str | Path | IO[bytes]
BAR_MODULE = 0.38 * mm
MARGIN = 14 * mm
ROW_H = 17 * mm
HEADER_H = 34 * mm
TABLE_HEAD_H = 9 * mm
FOOTER_H = 10 * mm
# columns: (heading, width)
COLUMNS = (("ที่", 9 * mm), ("ชื่อ-นามสกุล", 48 * mm), ("สถานประกอบการ", 36 * mm),
           ("รหัสลงชื่อ", 60 * mm), ("ลายมือชื่อ", 0.0))  # fmt: skip
WALK_IN_COLUMNS = (("ที่", 10 * mm), ("ชื่อ-นามสกุล (ผู้ไม่ได้ลงทะเบียนไว้)", 70 * mm),
                   ("โทรศัพท์", 35 * mm), ("เลขประจำตัวประชาชน", 37 * mm), ("ลายมือชื่อ", 0.0))  # fmt: skip
WALK_IN_ROWS = 6


@dataclass(frozen=True)
class SheetPerson:
    seq: int
    name: str
    enterprise: str
    code: str


@dataclass
class SigninSheet:
    """What a printed sign-in sheet shows."""

    activity_code: str
    activity_title: str
    day: dt.date
    session_seq: int
    hours: str
    venue: str
    people: list[SheetPerson] = field(default_factory=list)
    walk_in_rows: int = WALK_IN_ROWS


def _widths(columns: tuple[tuple[str, float], ...], total: float) -> list[float]:
    fixed = sum(w for _h, w in columns)
    return [w or total - fixed for _h, w in columns]


def _grid(
    c: Canvas, top: float, rows: int, row_h: float, columns: tuple[tuple[str, float], ...]
) -> list[float]:
    """Headings and ruled rows from `top` down; returns the x of each column."""
    width = A4[0] - 2 * MARGIN
    widths = _widths(columns, width)
    xs = [MARGIN]
    for w in widths[:-1]:
        xs.append(xs[-1] + w)
    c.setLineWidth(0.6)
    c.setFillGray(0.92)
    c.rect(MARGIN, top - TABLE_HEAD_H, width, TABLE_HEAD_H, stroke=1, fill=1)
    c.setFillGray(0)
    for (heading, _w), x, w in zip(columns, xs, widths, strict=True):
        draw_text(c, heading, x + 1 * mm, top - 1 * mm, width=w - 2 * mm, height=TABLE_HEAD_H - 2 * mm,
                  size=11, bold=True, valign="middle", max_lines=1)  # fmt: skip
    bottom = top - TABLE_HEAD_H - rows * row_h
    for i in range(rows + 1):
        y = top - TABLE_HEAD_H - i * row_h
        c.line(MARGIN, y, MARGIN + width, y)
    for x in [*xs, MARGIN + width]:
        c.line(x, top, x, bottom)
    return xs


def _header(c: Canvas, sheet: SigninSheet, page: int, pages: int) -> float:
    top = A4[1] - MARGIN
    draw_text(c, "ใบลงชื่อเข้าอบรม", MARGIN, top, width=A4[0] - 2 * MARGIN, height=9 * mm, size=18, bold=True)
    title = f"{sheet.activity_title} ({sheet.activity_code})"
    draw_text(c, title, MARGIN, top - 9 * mm, width=A4[0] - 2 * MARGIN, height=8 * mm, size=14, max_lines=1)
    when = f"วันที่ {sheet.session_seq} · {format_thai_date(sheet.day)} · {sheet.hours} ชั่วโมง"
    if sheet.venue:
        when += f" · {sheet.venue}"
    draw_text(c, when, MARGIN, top - 17 * mm, width=A4[0] - 2 * MARGIN, height=7 * mm, size=12, max_lines=1)
    hint = "ผู้ลงทะเบียนไว้: ลงลายมือชื่อในแถวของท่าน · เจ้าหน้าที่สแกนรหัสเพื่อบันทึกเวลาเข้าอบรม"
    draw_text(c, hint, MARGIN, top - 24 * mm, width=A4[0] - 2 * MARGIN, height=6 * mm, size=10, max_lines=1)
    foot = f"หน้า {page} / {pages}"
    draw_text(c, foot, MARGIN, MARGIN, width=A4[0] - 2 * MARGIN, height=6 * mm, size=10, align="right")
    return top - HEADER_H


def _barcode(c: Canvas, value: str, x: float, y: float, width: float, height: float) -> None:
    bc = Code128(value, barHeight=height, barWidth=BAR_MODULE, humanReadable=0, quiet=0)
    c.saveState()
    c.translate(x + (width - bc.width) / 2, y)
    bc.drawOn(c, 0, 0)
    c.restoreState()


def render_signin_sheet(sheet: SigninSheet, out: Out) -> int:
    """Write the sheet as a PDF; returns the number of pages."""
    register_fonts()
    room = A4[1] - 2 * MARGIN - HEADER_H - FOOTER_H - TABLE_HEAD_H
    per_page = int(room // ROW_H)
    chunks = [sheet.people[i : i + per_page] for i in range(0, len(sheet.people), per_page)] or [[]]
    walk_in_h = TABLE_HEAD_H + sheet.walk_in_rows * (ROW_H * 0.75) + 8 * mm
    last_room = room + TABLE_HEAD_H - (TABLE_HEAD_H + len(chunks[-1]) * ROW_H) - 4 * mm
    extra_page = sheet.walk_in_rows > 0 and last_room < walk_in_h
    pages = len(chunks) + (1 if extra_page else 0)
    c = Canvas(str(out) if isinstance(out, Path) else out, pagesize=A4, invariant=True)
    set_metadata(c, title=f"ใบลงชื่อเข้าอบรม {sheet.activity_code} วันที่ {sheet.session_seq}",
                 author="dipdesk", subject=sheet.activity_title)  # fmt: skip
    for n, chunk in enumerate(chunks, start=1):
        top = _header(c, sheet, n, pages)
        xs = _grid(c, top, len(chunk), ROW_H, COLUMNS)
        widths = _widths(COLUMNS, A4[0] - 2 * MARGIN)
        for i, person in enumerate(chunk):
            y = top - TABLE_HEAD_H - i * ROW_H
            cells = (str(person.seq), person.name, person.enterprise)
            for text, x, w in zip(cells, xs, widths, strict=False):
                draw_text(c, text, x + 1.2 * mm, y - 1 * mm, width=w - 2.4 * mm, height=ROW_H - 2 * mm,
                          size=12, valign="middle", align="left", max_lines=2)  # fmt: skip
            bx, bw = xs[3], widths[3]
            _barcode(c, person.code, bx, y - ROW_H + 5.5 * mm, bw, ROW_H - 8 * mm)
            draw_text(c, person.code, bx, y - ROW_H + 5 * mm, width=bw, height=4.5 * mm, size=8, max_lines=1)
        bottom = top - TABLE_HEAD_H - len(chunk) * ROW_H
        if n < len(chunks) or extra_page:
            c.showPage()
            continue
        _walk_ins(c, sheet, bottom - 6 * mm)
        c.showPage()
    if extra_page:
        top = _header(c, sheet, pages, pages)
        _walk_ins(c, sheet, top)
        c.showPage()
    c.save()
    return pages


def _walk_ins(c: Canvas, sheet: SigninSheet, top: float) -> None:
    if sheet.walk_in_rows <= 0:
        return
    draw_text(c, "ผู้เข้าร่วมที่ไม่ได้ลงทะเบียนไว้ (เจ้าหน้าที่จะลงทะเบียนให้)", MARGIN, top,
              width=A4[0] - 2 * MARGIN, height=7 * mm, size=12, bold=True, align="left", max_lines=1)  # fmt: skip
    _grid(c, top - 8 * mm, sheet.walk_in_rows, ROW_H * 0.75, WALK_IN_COLUMNS)
