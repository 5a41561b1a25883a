"""What every printed lab form is built of: the page geometry, colours and fixed statements, the text
helper `_Text` (Thai or Thai digits), the page furniture (header band, footer with ``หน้า x / y``) and
the building blocks (grids, headings, boxes, field tables, signatures, bullets).

No Qt here (ARCHITECTURE.md): reportlab only."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)

from dipdesk.core.bangkok import pdf_date, to_bangkok
from dipdesk.core.digits import to_thai_digits
from dipdesk.core.thaidate import format_thai_date
from dipdesk.printing.fonts import FONT, register_fonts
from dipdesk.printing.thaitext import ThaiParagraph, _vmetrics, draw_text, shaped_paragraph

ZW = "\u200b"  # a break opportunity inside a long Thai word (column headers)

PAGE_W, PAGE_H = A4
MARGIN_X = 16 * mm
TOP = 37 * mm  # the header band
BOTTOM = 17 * mm  # the footer band
CONTENT_W = PAGE_W - 2 * MARGIN_X
FRAME_H = PAGE_H - TOP - BOTTOM  # the body frame's height

DEPARTMENT = "กรมส่งเสริมอุตสาหกรรม กระทรวงอุตสาหกรรม"
DEPARTMENT_EN = "Department of Industrial Promotion, Ministry of Industry"
INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#555555")
RULE = colors.HexColor("#7a7a7a")
SHADE = colors.HexColor("#eef1f4")
FAIL = colors.HexColor("#b71c1c")
NEAR = colors.HexColor("#8a5300")  # a dark amber: the grid's warning colour, legible in black and white

ONLY_ITEMS_TESTED = "ผลการทดสอบนี้เกี่ยวข้องเฉพาะกับตัวอย่างที่ได้รับการทดสอบเท่านั้น"
ONLY_ITEMS_TESTED_EN = "The results relate only to the items tested."
NO_PARTIAL_COPY = "ห้ามคัดสำเนารายงานนี้เพียงบางส่วน โดยไม่ได้รับอนุญาตเป็นลายลักษณ์อักษรจากห้องปฏิบัติการ"
NO_PARTIAL_COPY_EN = (
    "This report must not be reproduced except in full without the written approval of the laboratory."
)
END_OF_REPORT = "— สิ้นสุดรายงาน (End of report) —"

VERDICT_TH = {
    "pass": "ผ่าน",
    "warning": "ผ่าน (ใกล้เกณฑ์)",  # in the warning band: amber in the grid, marked on paper too
    "fail": "ไม่ผ่าน",
    "inconclusive": "สรุปไม่ได้",
    "no_spec": "–",
    "pending": "",
}

Out = str | Path | IO[bytes]

#: a lab, request or report number (``L2569-IPC1-00123``, ``RPT2569-IPC1-00002``, ``DRAFT-L2569-…``)
_NUMBER_CODE = re.compile(r"((?<![\w-])(?:DRAFT-)?[A-Z]{1,5}\d{4}-[A-Z0-9]{2,10}-\d{3,6}(?![\w-]))")


class _Text:
    """Text helpers bound to one document's digit style (Thai digits for prose, dates and figures;
    codes such as lab and report numbers stay in Arabic digits so they match the QR and the records)."""

    def __init__(self, thai_digits: bool) -> None:
        self.thai_digits = thai_digits

    def t(self, text: str) -> str:
        """Prose in the document's digits; lab, request and report numbers inside it stay as issued."""
        if not self.thai_digits:
            return text
        parts = _NUMBER_CODE.split(text)  # the codes are at the odd positions
        return "".join(p if i % 2 else to_thai_digits(p) for i, p in enumerate(parts))

    def date(self, iso: str | None, style: str = "long") -> str:
        if not iso:
            return "–"
        d = dt.date.fromisoformat(iso[:10])
        return format_thai_date(d, style, thai_digits=self.thai_digits)

    def stamp(self, iso: str | None, style: str = "long") -> str:
        if not iso:
            return "–"
        # in Bangkok whatever this computer's zone: an aware time is converted, a naive one is this
        # computer's local time (what services.lab hands over)
        when = to_bangkok(dt.datetime.fromisoformat(iso), naive="local")
        return self.t(f"{format_thai_date(when.date(), style)} เวลา {when:%H.%M}\u00a0น.")

    def date_range(self, first: str | None, last: str | None) -> str:
        """``7 พฤศจิกายน พ.ศ. 2568``, or a span ``19 – 21 พ.ย. 2569`` / ``28 พ.ย. – 2 ธ.ค. 2569``."""
        if not first:
            return "–"
        if not last or last[:10] == first[:10]:
            return self.date(first)
        a, b = dt.date.fromisoformat(first[:10]), dt.date.fromisoformat(last[:10])
        end = self.date(last, "medium")
        if a.year == b.year:
            left = self.t(str(a.day)) if a.month == b.month else self.date(first, "medium").rsplit(" ", 1)[0]
            return f"{left} – {end}"
        return f"{self.date(first, 'medium')} – {end}"

    def money(self, value: float) -> str:
        return self.t(f"{value:,.2f}")

    # paragraphs -------------------------------------------------------------------------------------

    def p(
        self,
        text: str,
        size: float = 13,
        *,
        bold: bool = False,
        align: str = "left",
        color: Any = None,
        code: bool = False,
        unbreakable: bool = False,
    ) -> ThaiParagraph:
        return shaped_paragraph(
            text if code else self.t(text),
            size=size,
            bold=bold,
            align=align,  # type: ignore[arg-type]
            color=color,
            unbreakable=unbreakable,
        )


# ----------------------------------------------------------------------------------------------------
# page furniture: header on every page, footer with the number and "หน้า x / y"
# ----------------------------------------------------------------------------------------------------

PageStamp = Callable[[Canvas, int, int], None]


def _numbered_canvas(stamp: PageStamp) -> type[Canvas]:
    """A canvas that holds its pages until the document is saved, then stamps ``page / total`` on each."""

    created = pdf_date()

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held: list[dict[str, Any]] = []
            # the real creation time in Bangkok (invariant mode, which keeps ids reproducible, says 2000)
            self.setDateFormatter(lambda *_ymdhms: created)

        def showPage(self) -> None:
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._held)
            for number, state in enumerate(self._held, start=1):
                self.__dict__.update(state)
                stamp(self, number, total)
                Canvas.showPage(self)
            Canvas.save(self)

    return NumberedCanvas


class _Furniture:
    """Header, footer and watermark of one document."""

    def __init__(
        self,
        tx: _Text,
        *,
        lab_name: str,
        lab_address: str,
        lab_phone: str,
        doc_title: str,
        number_label: str,
        number: str,
        footer_note: str = "",
        watermark: str = "",
    ) -> None:
        self.tx = tx
        self.lab_name = lab_name
        self.lab_address = lab_address
        self.lab_phone = lab_phone
        self.doc_title = doc_title
        self.number_label = number_label
        self.number = number
        self.footer_note = footer_note
        self.watermark = watermark
        self.pages = 0

    def on_page(self, canv: Canvas, _doc: Any) -> None:
        canv.saveState()
        if self.watermark:
            self._watermark(canv)
        top = PAGE_H - 10 * mm
        left_w = CONTENT_W * 0.66
        draw_text(canv, self.tx.t(self.lab_name), MARGIN_X, top, width=left_w, height=9 * mm, size=15,
                  min_size=11, bold=True, align="left", max_lines=1)  # fmt: skip
        draw_text(canv, DEPARTMENT, MARGIN_X, top - 8.2 * mm, width=left_w, height=6 * mm, size=11.5,
                  align="left", max_lines=1, color=MUTED)  # fmt: skip
        address = self.tx.t(self.lab_address)
        phone = self.tx.t(f"โทร. {self.lab_phone}") if self.lab_phone else ""
        if phone:
            address = f"{address}  {phone}" if address else phone
        # the phone number never breaks across the two lines (Thai digits are wider and made it wrap)
        draw_text(canv, address, MARGIN_X, top - 13.6 * mm, width=left_w, height=9.6 * mm, size=10.5,
                  min_size=8.5, align="left", max_lines=2, color=MUTED,
                  unbreakable=(phone,) if phone else False)  # fmt: skip
        right_x = MARGIN_X + left_w + 4 * mm
        right_w = CONTENT_W - left_w - 4 * mm
        draw_text(canv, self.doc_title, right_x, top, width=right_w, height=8 * mm, size=12.5, min_size=10,
                  bold=True, align="right", max_lines=1)  # fmt: skip
        draw_text(canv, f"{self.number_label} {self.number}", right_x, top - 7 * mm, width=right_w,
                  height=6.5 * mm, size=11.5, min_size=9, align="right", max_lines=1, unbreakable=True)  # fmt: skip
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.8)
        canv.line(MARGIN_X, PAGE_H - TOP + 3 * mm, PAGE_W - MARGIN_X, PAGE_H - TOP + 3 * mm)
        canv.setLineWidth(0.4)
        canv.line(MARGIN_X, BOTTOM - 3 * mm, PAGE_W - MARGIN_X, BOTTOM - 3 * mm)
        canv.restoreState()

    def stamp(self, canv: Canvas, page: int, total: int) -> None:
        """What needs the page count: ``หน้า x / y`` in the header and the footer."""
        self.pages = total
        canv.saveState()
        right_x = MARGIN_X + CONTENT_W * 0.66 + 4 * mm
        right_w = CONTENT_W * 0.34 - 4 * mm
        page_text = self.tx.t(f"หน้า {page} / {total}")
        draw_text(canv, page_text, right_x, PAGE_H - 10 * mm - 13 * mm, width=right_w, height=6.5 * mm,
                  size=11.5, align="right", max_lines=1)  # fmt: skip
        foot_y = BOTTOM - 4.2 * mm
        if self.footer_note:
            draw_text(canv, self.footer_note, MARGIN_X, foot_y, width=CONTENT_W * 0.68, height=9 * mm,
                      size=9, min_size=7.5, align="left", max_lines=2, color=MUTED)  # fmt: skip
        draw_text(canv, f"{self.number_label} {self.number}  ·  {page_text}", MARGIN_X + CONTENT_W * 0.68,
                  foot_y, width=CONTENT_W * 0.32, height=5 * mm, size=9.5, min_size=7.5, align="right",
                  max_lines=1, color=MUTED)  # fmt: skip
        canv.restoreState()

    def _watermark(self, canv: Canvas) -> None:
        canv.saveState()
        canv.translate(PAGE_W / 2, PAGE_H / 2)
        canv.rotate(50)
        # a pale colour rather than transparency: the paragraph sets its own (opaque) fill colour, and the
        # page's content is drawn over it anyway
        para = shaped_paragraph(self.watermark, size=64, bold=True, align="center", color="#f7d4d4")
        w = 180 * mm
        _pw, ph = para.wrapOn(canv, w, 80 * mm)
        para.drawOn(canv, -w / 2, -ph / 2)
        canv.restoreState()


def _build(
    out: Out,
    story: Sequence[Flowable],
    furniture: _Furniture,
    *,
    title: str,
    subject: str = "",
) -> int:
    """Lay the story out on A4 pages with the furniture; returns the number of pages."""
    register_fonts()
    target: Any = str(out) if isinstance(out, Path) else out
    doc = BaseDocTemplate(
        target,
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=TOP,
        bottomMargin=BOTTOM,
        title=title,
        author=furniture.lab_name,
        subject=subject,
        creator="dipdesk",
        invariant=1,
    )
    frame = Frame(MARGIN_X, BOTTOM, CONTENT_W, PAGE_H - TOP - BOTTOM, id="body", leftPadding=0, rightPadding=0,
                  topPadding=0, bottomPadding=0)  # fmt: skip
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=furniture.on_page)])
    doc.build(list(story), canvasmaker=_numbered_canvas(furniture.stamp))
    return furniture.pages


# ----------------------------------------------------------------------------------------------------
# building blocks
# ----------------------------------------------------------------------------------------------------


def _grid(
    rows: list[list[Any]],
    widths: Sequence[float],
    *,
    header: bool = False,
    lines: bool = True,
    extra: Sequence[tuple[Any, ...]] = (),
    pad: float = 2.2,
) -> Table:
    table = Table(rows, colWidths=list(widths), repeatRows=1 if header else 0, hAlign="LEFT")
    style: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), pad),
        ("BOTTOMPADDING", (0, 0), (-1, -1), pad + 0.8),
    ]
    if lines:
        style += [("GRID", (0, 0), (-1, -1), 0.5, RULE)]
    if header:
        style += [("BACKGROUND", (0, 0), (-1, 0), SHADE), ("VALIGN", (0, 0), (-1, 0), "MIDDLE")]
    style += list(extra)
    table.setStyle(TableStyle(style))
    return table


def _head(tx: _Text, th: str, en: str = "") -> list[Flowable]:
    """A column header: the Thai caption, with the English one small below it."""
    out: list[Flowable] = [tx.p(th, 10.5, bold=True, align="center")]
    if en:
        out.append(tx.p(en, 8.5, align="center", color=MUTED))
    return out


def _section(tx: _Text, text: str, keep: float = 32 * mm) -> list[Flowable]:
    """A section heading; it moves to the next page rather than stay alone at the foot of this one."""
    return [CondPageBreak(keep), Spacer(1, 3 * mm), tx.p(text, 14, bold=True), Spacer(1, 1.2 * mm)]


def _title(tx: _Text, th: str, en: str) -> list[Flowable]:
    return [
        tx.p(th, 19, bold=True, align="center"),
        tx.p(en, 12, align="center", color=MUTED),
        Spacer(1, 3 * mm),
    ]


class _Box(Flowable):
    """A framed note across the page (amendment, draft, replaced)."""

    def __init__(self, paragraphs: list[ThaiParagraph], *, color: Any = INK, fill: Any = None) -> None:
        super().__init__()
        self.paragraphs = paragraphs
        self.color = color
        self.fill = fill
        self.pad = 3 * mm

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        inner = availWidth - 2 * self.pad
        self.heights = [p.wrap(inner, availHeight)[1] for p in self.paragraphs]
        self.height = sum(self.heights) + 2 * self.pad + 1.2 * mm * (len(self.paragraphs) - 1)
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.setStrokeColor(self.color)
        c.setLineWidth(1.1)
        if self.fill is not None:
            c.setFillColor(self.fill)
        c.rect(0, 0, self.width, self.height, stroke=1, fill=1 if self.fill is not None else 0)
        c.restoreState()
        y = self.height - self.pad
        for p, h in zip(self.paragraphs, self.heights, strict=True):
            y -= h
            p.drawOn(c, self.pad, y)
            y -= 1.2 * mm


def _signature(
    tx: _Text, role: str, name: str = "", position: str = "", date_text: str = "", width: float = 80 * mm
) -> Table:
    lines = "\n".join(
        (
            "ลงชื่อ ........................................................",
            f"( {name} )" if name else "( ........................................................ )",
            f"ตำแหน่ง {position}" if position else "ตำแหน่ง ..................................................",
            f"วันที่ {date_text}" if date_text else "วันที่ ........ / ........ / ..............",
        )
    )
    # one paragraph with hard line breaks: set tighter than separate paragraphs, so the block fits
    # under the last notes instead of going to a page of its own
    rows = [
        [tx.p(role, 12, align="center", color=MUTED)],
        [Spacer(1, 4 * mm)],
        [tx.p(lines, 12.5, align="center")],
    ]
    return _grid(rows, [width], lines=False, pad=0.3)


def _fields_table(tx: _Text, pairs: Sequence[tuple[str, str] | tuple[str, str, str, str]]) -> Table:
    """Label–value rows; a row of four is two pairs side by side, a row of two spans the page."""
    lw, vw = 37 * mm, CONTENT_W / 2 - 37 * mm
    rows: list[list[Any]] = []
    spans: list[tuple[Any, ...]] = []
    for i, pair in enumerate(pairs):
        if len(pair) == 4:
            a, b, c, d = pair
            rows.append([tx.p(a, 12, bold=True), _value(tx, b), tx.p(c, 12, bold=True), _value(tx, d)])
        else:
            a, b = pair[0], pair[1]
            rows.append([tx.p(a, 12, bold=True), _value(tx, b), "", ""])
            spans.append(("SPAN", (1, i), (3, i)))
    return _grid(
        rows,
        [lw, vw, lw, vw],
        lines=True,
        pad=1.6,
        extra=[*spans, ("BACKGROUND", (0, 0), (0, -1), SHADE), ("BACKGROUND", (2, 0), (2, -1), SHADE)]
        + [("BACKGROUND", (2, i), (3, i), colors.white) for i, p in enumerate(pairs) if len(p) == 2],
    )


def _value(tx: _Text, text: str) -> ThaiParagraph:
    return tx.p(text or "–", 12, code=isinstance(text, _Code))


class _Code(str):
    """A value printed as it is (a lab or report number: no Thai digits)."""


def _cell(tx: _Text, text: str, size: float = 12, **kw: Any) -> ThaiParagraph:
    return tx.p(text, size, code=isinstance(text, _Code), **kw)


class _Bullet(Flowable):
    """A paragraph with a hanging mark (a bullet, or a number) in its left margin."""

    def __init__(self, para: ThaiParagraph, indent: float = 4.5 * mm, mark: str = "•") -> None:
        super().__init__()
        self.para = para
        self.indent = indent
        self.mark = mark

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        _w, h = self.para.wrap(availWidth - self.indent, availHeight)
        self.width, self.height = availWidth, h + 0.6 * mm
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        # the first part must fit with the 0.6 mm this flowable adds below its paragraph, or the frame
        # refuses it and platypus gives up with a LayoutError ("Splitting error")
        parts = self.para.split(availWidth - self.indent, availHeight - 0.6 * mm)
        if len(parts) < 2:
            return []
        return [_Bullet(parts[0], self.indent, self.mark), _Bullet(parts[1], self.indent, "")]

    def draw(self) -> None:
        if self.mark:
            mark = shaped_paragraph(self.mark, size=self.para.font_size)
            mark.wrapOn(self.canv, self.indent, self.height)
            # same first baseline as the paragraph (which lies 0.6 mm above this flowable's bottom)
            para_base = 0.6 * mm + self.para.height - _first_line_top(self.para)
            mark.drawOn(self.canv, 0.8 * mm, para_base - mark.height + _first_line_top(mark))
        self.para.drawOn(self.canv, self.indent, 0.6 * mm)


def _first_line_top(para: ThaiParagraph) -> float:
    """Distance from a laid-out paragraph's top to its first baseline (as ThaiParagraph.draw places it)."""
    asc, _desc = _vmetrics(para.style.fontName)
    lines = getattr(para, "_lines", ())
    top = max(asc, lines[0].m.top) if lines else asc
    return top * para.font_size


def _phone(phone: str) -> str:
    digits = "".join(c for c in phone if c.isdigit())
    if len(digits) == 10:
        return f"{digits[:3]}-{digits[3:6]}-{digits[6:]}"
    if len(digits) == 9:
        return f"{digits[:2]}-{digits[2:5]}-{digits[5:]}"
    return phone
