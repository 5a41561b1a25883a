"""The lab's printed forms: the request form, the sample receipt with its label, and the test report.

A4 portrait, Thai, Buddhist-era dates, Thai digits as an option, every Thai run shaped through
:mod:`dipdesk.printing.thaitext`. Each form takes the plain content dict the lab service builds
(``dipdesk.services.lab.report_for_print`` / ``request_form_content`` / ``receipt_content``), so a
published report prints exactly what was published.

The test report carries everything ISO/IEC 17025:2017 7.8.2.1 (a)–(p) asks for (see LAB.md): the lab's
header, the report number and ``หน้า x / y`` on every page (the page count is only known at the end,
so the canvas keeps its pages and stamps them when the document is saved), results in a table whose
header row repeats on every page, pass/fail with the specification and the decision rule, the
amendment box, the statements, the authoriser's signature block, and the end-of-report mark.
A draft, or a report since replaced, is marked across every page.

No Qt here (ARCHITECTURE.md): reportlab, segno (QR) and reportlab's Code 128 only.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, Any

import segno
from pythainlp.util import bahttext
from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
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

__all__ = ["MIN_FILL", "render_receipt", "render_report", "render_request_form", "report_story"]

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


class _QR(Flowable):
    """A QR code drawn as one filled path of module runs (segno: fast, and crisp at any zoom)."""

    def __init__(self, data: str, size: float) -> None:
        super().__init__()
        self.data = data
        self.size = size
        self.width = self.height = size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        _draw_qr(self.canv, self.data, 0, 0, self.size)


def _draw_qr(canv: Canvas, data: str, x: float, y: float, size: float, quiet: int = 2) -> None:
    qr = segno.make(data, error="m", micro=False)
    rows = [bytes(r) for r in qr.matrix]
    n = len(rows)
    module = size / (n + 2 * quiet)
    path = canv.beginPath()
    for r, row in enumerate(rows):
        top = y + size - (quiet + r) * module
        c = 0
        while c < n:
            if row[c]:
                start = c
                while c < n and row[c]:
                    c += 1
                path.rect(x + (quiet + start) * module, top - module, (c - start) * module, module)
            else:
                c += 1
    canv.saveState()
    canv.setFillColor(colors.black)
    canv.drawPath(path, stroke=0, fill=1)
    canv.restoreState()


#: Code 128 module (narrowest bar) on the label: 0.38 mm is 2.2 pixels at 150 dpi, which a phone, a
#: cheap scanner or ``zbarimg`` on a 150 dpi scan reads; at 0.22 mm it only read from 300 dpi
BARCODE_MODULE = 0.38 * mm
#: the smallest text on a label
LABEL_MIN_PT = 7.0


def _draw_barcode(canv: Canvas, value: str, x: float, y: float, width: float, height: float) -> None:
    """Code 128 of ``value``, centred in ``width`` (the bars only; the number is printed as text).

    The bars are never squeezed below :data:`BARCODE_MODULE`: the space left over is the quiet zone."""
    bc = Code128(value, barHeight=height, barWidth=BARCODE_MODULE, humanReadable=0, quiet=0)
    room = width - 8 * mm  # at least 4 mm of quiet zone each side
    if bc.width > room:  # an unusually long number: narrower bars rather than bars off the label
        bc = Code128(
            value, barHeight=height, barWidth=BARCODE_MODULE * room / bc.width, humanReadable=0, quiet=0
        )
    canv.saveState()
    canv.translate(x + (width - bc.width) / 2, y)
    bc.drawOn(canv, 0, 0)
    canv.restoreState()


class _Label(Flowable):
    """The sample label: QR and Code 128 of the lab number, the number, what the item is, when received.

    The barcode runs across the whole label under the rest, so its bars can be wide enough to scan."""

    def __init__(
        self, tx: _Text, content: dict[str, Any], width: float = 86 * mm, height: float = 38 * mm
    ) -> None:
        super().__init__()
        self.tx = tx
        self.content = content
        self.width = width
        self.height = height

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.setStrokeColor(RULE)
        c.setDash(3, 2)
        c.setLineWidth(0.6)
        c.rect(0, 0, self.width, self.height, stroke=1, fill=0)
        c.restoreState()
        pad = 2.5 * mm
        bar_h = 8 * mm
        _draw_barcode(c, self.content["lab_no"], 0, pad, self.width, bar_h)
        top = self.height - pad
        qr = top - (pad + bar_h + 1.5 * mm)
        _draw_qr(c, self.content["lab_no"], pad - 1 * mm, top - qr, qr, quiet=1)
        x = pad + qr + 1 * mm
        w = self.width - x - pad
        draw_text(c, self.content["lab_no"], x, top, width=w, height=6.5 * mm, size=14, min_size=9, bold=True,
                  align="left", max_lines=1, unbreakable=True)  # fmt: skip
        # legible or not at all: down to 7 pt, two lines, then cut at a word with "…" (the receipt above
        # carries the full description)
        draw_text(c, self.tx.t(self.content.get("description") or ""), x, top - 6.5 * mm, width=w,
                  height=10 * mm, size=11, min_size=8.5, align="left", max_lines=2, floor=LABEL_MIN_PT,
                  overflow="ellipsis")  # fmt: skip
        received = self.content.get("received_at")
        when = self.tx.date(received, "medium") if received else "–"
        draw_text(c, f"รับ {when}", x, top - 16.8 * mm, width=w, height=5.5 * mm, size=10.5, min_size=8,
                  align="left", max_lines=1, color=MUTED)  # fmt: skip


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


# ----------------------------------------------------------------------------------------------------
# the request form
# ----------------------------------------------------------------------------------------------------


def render_request_form(content: dict[str, Any], out: Out, *, thai_digits: bool = False) -> int:
    """คำขอรับบริการทดสอบ: customer, samples, tests and fees, terms, signature lines."""
    tx = _Text(thai_digits)
    story: list[Flowable] = []
    story += _title(tx, "คำขอรับบริการทดสอบ", "REQUEST FOR TESTING SERVICES")
    contact = content.get("contact") or "–"
    story.append(
        _fields_table(
            tx,
            [
                ("เลขที่คำขอ", _Code(content.get("request_no") or ""),
                 "วันที่ยื่นคำขอ", tx.date(content.get("requested_on"))),
                ("ผู้ขอรับบริการ", content.get("customer") or "–"),
                ("ที่อยู่", content.get("customer_address") or "–"),
                ("ผู้ติดต่อ", contact + (f"  โทร. {_phone(content['contact_phone'])}" if content.get("contact_phone") else "")),
                ("วัตถุประสงค์", content.get("purpose") or "–"),
            ],
        )
    )  # fmt: skip
    story += _section(tx, "ตัวอย่างที่ส่งทดสอบ (Samples)")
    rows: list[list[Any]] = [
        [_head(tx, h) for h in ("ที่", "รหัสตัวอย่าง", "รายละเอียดตัวอย่าง", "ปริมาณ", "รายการทดสอบ")]
    ]
    for i, s in enumerate(content.get("samples") or [], start=1):
        rows.append(
            [
                tx.p(str(i), 12, align="center"),
                tx.p(s.get("lab_no") or "", 12, code=True, unbreakable=True),
                tx.p(s.get("description") or "", 12),
                tx.p(s.get("quantity") or "–", 12),
                tx.p(", ".join(s.get("tests") or []), 12),
            ]
        )
    story.append(_grid(rows, [w * mm for w in (7, 36, 52, 26, 57)], header=True, pad=1.8))
    story += _section(tx, "รายการทดสอบและค่าธรรมเนียม (Tests and fees)")
    rows = [
        [
            _head(tx, h)
            for h in ("ที่", "รายการทดสอบ", "วิธีทดสอบ", f"จำนวน{ZW}ตัวอย่าง", "ค่าธรรมเนียม (บาท)", "รวม (บาท)")
        ]
    ]
    total = 0.0
    for i, f in enumerate(content.get("fees") or [], start=1):
        amount = float(f.get("fee") or 0) * int(f.get("count") or 0)
        total += amount
        rows.append(
            [
                tx.p(str(i), 12, align="center"),
                tx.p(f.get("test") or "", 12),
                tx.p(f.get("method") or "", 11.5, code=True),
                tx.p(str(f.get("count") or 0), 12, align="center"),
                tx.p(tx.money(float(f.get("fee") or 0)), 12, align="right", code=True),
                tx.p(tx.money(amount), 12, align="right", code=True),
            ]
        )
    fee_total = float(content.get("fee_total") or total)
    rows.append(
        [
            tx.p(f"รวมทั้งสิ้น ({bahttext(fee_total)})", 12.5, bold=True, align="right"),
            "",
            "",
            "",
            "",
            tx.p(tx.money(fee_total), 12.5, bold=True, align="right", code=True),
        ]
    )
    n = len(rows) - 1
    story.append(
        _grid(rows, [w * mm for w in (7, 45, 50, 20, 30, 26)], header=True, pad=1.8,
              extra=[("SPAN", (0, n), (4, n)), ("BACKGROUND", (0, n), (-1, n), SHADE)])
    )  # fmt: skip
    days = int(content.get("turnaround_days") or 0)
    if days:
        story += [
            Spacer(1, 1.5 * mm),
            tx.p(f"ระยะเวลาดำเนินการโดยประมาณ {days} วัน นับจากวันที่ห้องปฏิบัติการรับตัวอย่าง", 12.5),
        ]
    story += _section(tx, "ความต้องการของผู้ขอรับบริการ (Customer's choices)")
    story += [
        _check(tx, "ต้องการให้ระบุผลการตัดสินผ่าน/ไม่ผ่านเทียบเกณฑ์กำหนด ตามมาตรฐาน ......................................"),
        _check(tx, "ยอมรับหลักเกณฑ์การตัดสินของห้องปฏิบัติการ (เทียบค่าที่รายงานกับเกณฑ์โดยตรง ไม่นำค่าความไม่แน่นอนมาพิจารณา)"),
        _check(tx, "ต้องการรับตัวอย่างที่เหลือจากการทดสอบคืน"),
    ]  # fmt: skip
    story += _section(tx, "ข้อตกลงการรับบริการ (Terms)")
    terms = (
        "ห้องปฏิบัติการทดสอบตามวิธีที่ระบุ หากจำเป็นต้องเปลี่ยนวิธีหรือส่งทดสอบภายนอก จะแจ้งผู้ขอรับบริการก่อนดำเนินการ",
        ONLY_ITEMS_TESTED + " ผู้ขอรับบริการรับผิดชอบความถูกต้องของข้อมูลตัวอย่างที่แจ้ง",
        "ตัวอย่างที่เหลือจากการทดสอบจะเก็บไว้ 30 วันนับจากวันออกรายงาน แล้วจึงทำลาย เว้นแต่ผู้ขอรับบริการขอรับคืน",
        "ข้อมูลของผู้ขอรับบริการและผลการทดสอบถือเป็นความลับ เปิดเผยเฉพาะที่กฎหมายกำหนด",
        "การแก้ไขรายงานหลังออกแล้ว จะออกเป็นรายงานฉบับแก้ไขเลขที่ใหม่ที่อ้างถึงฉบับเดิมพร้อมเหตุผล",
    )
    for i, term in enumerate(terms, start=1):
        story.append(_Bullet(tx.p(term, 12), indent=5.5 * mm, mark=tx.t(f"{i}.")))
    story.append(Spacer(1, 6 * mm))
    story.append(
        KeepTogether(
            Table(
                [[_signature(tx, "ผู้ขอรับบริการ (Customer)", content.get("contact") or ""),
                  _signature(tx, "เจ้าหน้าที่ผู้รับคำขอ (Received by)")]],
                colWidths=[CONTENT_W / 2, CONTENT_W / 2],
                style=TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), ("ALIGN", (0, 0), (-1, -1), "CENTER")]),
            )
        )
    )  # fmt: skip
    furniture = _Furniture(
        tx,
        lab_name=content.get("lab_name") or "ห้องปฏิบัติการทดสอบ",
        lab_address=content.get("lab_address") or "",
        lab_phone=_phone(content.get("lab_phone") or ""),
        doc_title="คำขอรับบริการทดสอบ",
        number_label="คำขอเลขที่",
        number=content.get("request_no") or "",
        footer_note="โปรดตรวจสอบข้อมูลให้ถูกต้องก่อนลงนาม ข้อมูลในคำขอนี้จะใช้ออกรายงานผลการทดสอบ",
    )
    return _build(out, story, furniture, title=f"คำขอรับบริการทดสอบ {content.get('request_no') or ''}",
                  subject=f"คำขอรับบริการทดสอบของ {content.get('customer') or '–'}")  # fmt: skip


def _check(tx: _Text, text: str) -> Table:
    """A line with an empty check box in front (the box is drawn: the font has no ☐)."""
    box = Table([[""]], colWidths=[3.6 * mm], rowHeights=[3.6 * mm])
    box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.8, INK), ("FONTNAME", (0, 0), (-1, -1), FONT)]))
    return _grid(
        [[box, tx.p(text, 12)]],
        [7 * mm, CONTENT_W - 7 * mm],
        lines=False,
        pad=1.0,
        extra=[("TOPPADDING", (0, 0), (0, 0), 3.2), ("LEFTPADDING", (0, 0), (0, 0), 1)],
    )


# ----------------------------------------------------------------------------------------------------
# the sample receipt
# ----------------------------------------------------------------------------------------------------


def render_receipt(content: dict[str, Any], out: Out, *, thai_digits: bool = False) -> int:
    """ใบรับตัวอย่าง with the lab number as QR and Code 128, and two labels to cut out."""
    tx = _Text(thai_digits)
    story: list[Flowable] = []
    head = Table(
        [[[tx.p("ใบรับตัวอย่าง", 19, bold=True), tx.p("SAMPLE RECEIPT", 12, color=MUTED), Spacer(1, 1 * mm),
           tx.p("รหัสตัวอย่าง (Lab no.)", 12, color=MUTED),
           tx.p(content.get("lab_no") or "", 22, bold=True, code=True, unbreakable=True)],
          _QR(content.get("lab_no") or "", 28 * mm)]],
        colWidths=[CONTENT_W - 30 * mm, 30 * mm],
        style=TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                          ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                          ("ALIGN", (1, 0), (1, 0), "RIGHT")]),
    )  # fmt: skip
    story += [head, Spacer(1, 3 * mm)]
    contact = content.get("contact") or "–"
    if content.get("contact_phone"):
        contact = f"{contact}  โทร. {_phone(content['contact_phone'])}"
    received_by = content.get("received_by") or "–"
    story.append(
        _fields_table(
            tx,
            [
                ("เลขที่คำขอ", _Code(content.get("request_no") or ""),
                 "ประเภทผลิตภัณฑ์", _product_type(content.get("product_type") or "")),
                ("ผู้ขอรับบริการ", content.get("customer") or "–"),
                ("ผู้ติดต่อ", contact),
                ("ตัวอย่าง", content.get("description") or "–"),
                ("ปริมาณ", content.get("quantity") or "–",
                 "วันที่เก็บตัวอย่าง",
                 tx.date(content.get("sampling_date")) if content.get("sampling_date") else "ไม่ระบุ"),
                ("สภาพเมื่อรับ", content.get("condition") or "–"),
                ("การเก็บรักษา", content.get("storage") or "–",
                 "กำหนดแล้วเสร็จ", tx.date(content.get("due_on")) if content.get("due_on") else "–"),
                ("วันเวลาที่รับ", tx.stamp(content.get("received_at"), "medium") if content.get("received_at")
                 else "ยังไม่ได้รับตัวอย่าง", "ผู้รับตัวอย่าง", received_by),
            ],
        )
    )  # fmt: skip
    story += _section(tx, "รายการทดสอบ (Tests requested)")
    rows: list[list[Any]] = [[_head(tx, h) for h in ("ที่", "รายการทดสอบ", "วิธีทดสอบ")]]
    for i, t in enumerate(content.get("tests") or [], start=1):
        rows.append(
            [
                tx.p(str(i), 12, align="center"),
                tx.p(t.get("test") or "", 12),
                tx.p(t.get("method") or "", 12, code=True),
            ]
        )
    story.append(_grid(rows, [8 * mm, 80 * mm, CONTENT_W - 88 * mm], header=True, pad=1.8))
    story.append(Spacer(1, 6 * mm))
    story.append(
        KeepTogether(
            Table(
                [[_signature(tx, "ผู้ส่งตัวอย่าง (Delivered by)", content.get("contact") or ""),
                  _signature(tx, "ผู้รับตัวอย่าง (Received by)", content.get("received_by") or "",
                             content.get("received_by_position") or "")]],
                colWidths=[CONTENT_W / 2, CONTENT_W / 2],
                style=TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT)]),
            )
        )
    )  # fmt: skip
    story.append(Spacer(1, 6 * mm))
    story.append(
        KeepTogether(
            [
                _CutLine(tx),
                Spacer(1, 3 * mm),
                Table(
                    [[_Label(tx, content), _Label(tx, content)]],
                    colWidths=[CONTENT_W / 2, CONTENT_W / 2],
                    style=TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                                      ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]),
                ),
            ]
        )
    )  # fmt: skip
    furniture = _Furniture(
        tx,
        lab_name=content.get("lab_name") or "ห้องปฏิบัติการทดสอบ",
        lab_address=content.get("lab_address") or "",
        lab_phone=_phone(content.get("lab_phone") or ""),
        doc_title="ใบรับตัวอย่าง",
        number_label="รหัสตัวอย่าง",
        number=content.get("lab_no") or "",
        footer_note="โปรดเก็บใบรับตัวอย่างนี้ไว้เป็นหลักฐาน และแจ้งรหัสตัวอย่างทุกครั้งที่ติดต่อสอบถามผล",
    )
    return _build(out, story, furniture, title=f"ใบรับตัวอย่าง {content.get('lab_no') or ''}",
                  subject=f"ใบรับตัวอย่างและป้ายติดตัวอย่าง {content.get('lab_no') or ''} คำขอเลขที่ "
                          f"{content.get('request_no') or '–'}")  # fmt: skip


class _CutLine(Flowable):
    def __init__(self, tx: _Text) -> None:
        super().__init__()
        self.tx = tx

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width, self.height = availWidth, 6 * mm
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        label = shaped_paragraph("ป้ายติดตัวอย่าง — ตัดตามเส้นประ", size=10.5, align="center", color=MUTED)
        _w, h = label.wrapOn(c, 70 * mm, self.height)
        mid = self.height / 2
        c.saveState()
        c.setStrokeColor(RULE)
        c.setDash(4, 3)
        c.setLineWidth(0.6)
        c.line(0, mid, (self.width - 72 * mm) / 2, mid)
        c.line((self.width + 72 * mm) / 2, mid, self.width, mid)
        c.restoreState()
        label.drawOn(c, (self.width - 70 * mm) / 2, mid - h / 2)


_PRODUCT_TYPES = {
    "food": "อาหาร",
    "herbal": "สมุนไพร",
    "cosmetic": "เครื่องสำอาง",
    "packaging": "บรรจุภัณฑ์",
    "textile": "สิ่งทอ",
}


def _product_type(code: str) -> str:
    return _PRODUCT_TYPES.get(code, code) or "–"


def render_to_bytes(render: Callable[..., int], content: dict[str, Any], **kw: Any) -> bytes:
    """Render a form into memory (for the GUI's preview)."""
    buf = io.BytesIO()
    render(content, buf, **kw)
    return buf.getvalue()


# the test report lives in its own module; imported last, as it builds on the blocks above
from dipdesk.printing.lab_report import MIN_FILL, render_report, report_story  # noqa: E402
