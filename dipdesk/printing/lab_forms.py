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
from functools import cache
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
    PageBreak,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)

from dipdesk.core import labresults as lr
from dipdesk.core.bangkok import pdf_date, to_bangkok
from dipdesk.core.digits import to_thai_digits
from dipdesk.core.thaidate import format_thai_date
from dipdesk.printing.fonts import FONT, register_fonts
from dipdesk.printing.thaitext import ThaiParagraph, _vmetrics, draw_text, shaped_paragraph

__all__ = ["render_receipt", "render_report", "render_request_form"]

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


# ----------------------------------------------------------------------------------------------------
# the test report
# ----------------------------------------------------------------------------------------------------


def _result_text(r: dict[str, Any], tx: _Text) -> str:
    return lr.format_result(
        value=r.get("value"),
        flag=r.get("limit_flag") or "",
        text=r.get("value_text") or "",
        decimals=int(r.get("decimals") or 0),
        lod=r.get("lod"),
        upper=r.get("upper"),
        result_type=r.get("result_type")
        or ("numeric" if r.get("value") is not None or r.get("limit_flag") else "text"),
        thai_digits=tx.thai_digits,
        sig_figs=lr.significant_figures(r.get("unit") or "", r.get("kind") or ""),
    )


def _is_text_result(r: dict[str, Any]) -> bool:
    kind = r.get("result_type")
    if kind:
        return kind == "text"
    return r.get("value") is None and not r.get("limit_flag") and bool(r.get("value_text"))


def _uncertainty_text(r: dict[str, Any], tx: _Text) -> str:
    if r.get("limit_flag") or r.get("value") is None:
        return "–" if r.get("uncertainty") is not None else ""
    return lr.format_uncertainty(
        r.get("value"),
        r.get("uncertainty"),
        is_percent=bool(r.get("uncertainty_is_percent")),
        decimals=int(r.get("decimals") or 0),
        thai_digits=tx.thai_digits,
    )


def _spec_text(r: dict[str, Any], tx: _Text) -> str:
    spec = lr.Spec(r.get("spec_min"), r.get("spec_max"))
    return lr.format_spec(spec, thai_digits=tx.thai_digits) or "–"


def report_story(content: dict[str, Any], tx: _Text) -> list[Flowable]:
    story: list[Flowable] = []
    state = content.get("state") or ("draft" if content.get("draft") else "published")
    story += _title(tx, "ใบรายงานผลการทดสอบ", "TEST REPORT")
    if state == "draft" or content.get("draft"):
        story += [
            _Box(
                [
                    tx.p("ฉบับร่าง — ผลยังไม่ได้ตรวจสอบและอนุมัติครบถ้วน ใช้อ้างอิงไม่ได้", 13.5, bold=True, color=FAIL),
                    tx.p(
                        "DRAFT — not a test report: results are not all verified and authorised.",
                        11.5,
                        color=FAIL,
                    ),
                ],
                color=FAIL,
            ),
            Spacer(1, 3 * mm),
        ]
    if state == "replaced":
        story += [
            _Box(
                [
                    tx.p(
                        f"รายงานฉบับนี้ถูกแทนที่ด้วยรายงานฉบับแก้ไขเลขที่ {content.get('replaced_by') or '–'} แล้ว "
                        "เก็บไว้เป็นหลักฐานเท่านั้น",
                        13.5,
                        bold=True,
                        color=FAIL,
                    ),
                    tx.p(f"Replaced by report no. {content.get('replaced_by') or '–'}; kept on file only.", 11.5,
                         color=FAIL),
                ],
                color=FAIL,
            ),
            Spacer(1, 3 * mm),
        ]  # fmt: skip
    if content.get("replaces"):
        when = (
            tx.date(content.get("replaces_issued_on"), "medium") if content.get("replaces_issued_on") else ""
        )
        story += [
            _Box(
                [
                    tx.p(
                        f"รายงานฉบับแก้ไข แทนรายงานเลขที่ {content['replaces']}"
                        + (f" ลงวันที่ {when}" if when else ""),
                        13.5,
                        bold=True,
                    ),
                    tx.p(f"Amendment to report no. {content['replaces']}", 11.5, color=MUTED),
                    tx.p(f"สิ่งที่แก้ไขและเหตุผล: {content.get('amendment_reason') or '–'}", 12.5),
                ],
                fill=colors.HexColor("#fff8e1"),
            ),
            Spacer(1, 3 * mm),
        ]

    received = content.get("received_on")
    sampling = content.get("sampling_date")
    contact = content.get("contact") or "–"
    if content.get("contact_phone"):
        contact = f"{contact}  โทร. {_phone(content['contact_phone'])}"
    story.append(
        _fields_table(
            tx,
            [
                ("เลขที่รายงาน", _Code(content.get("report_no") or ""),
                 "วันที่ออกรายงาน", tx.date(content.get("issued_on")) if content.get("issued_on") else "–"),
                ("ผู้ขอรับบริการ", content.get("customer") or "–"),
                ("ที่อยู่", content.get("customer_address") or "–"),
                ("ผู้ติดต่อ", contact),
                ("เลขที่คำขอ", _Code(content.get("request_no") or "–"),
                 "วัตถุประสงค์", content.get("purpose") or "–"),
            ],
        )
    )  # fmt: skip
    story += _section(tx, "ข้อมูลตัวอย่าง (Test item)")
    story.append(
        _fields_table(
            tx,
            [
                ("ตัวอย่าง", content.get("sample") or "–"),
                ("รหัสตัวอย่าง", _Code(content.get("lab_no") or ""),
                 "ปริมาณ", content.get("quantity") or "–"),
                ("สภาพเมื่อได้รับ", content.get("condition") or "–"),
                ("วันที่รับตัวอย่าง", tx.date(received) if received else "–",
                 "วันที่เก็บตัวอย่าง ‡", tx.date(sampling) if sampling else "ไม่ระบุ"),
                ("แผนการชักตัวอย่าง ‡", content.get("sampling_plan") or "ไม่มี (ทดสอบตามตัวอย่างที่ได้รับ)",
                 "วันที่ทดสอบ", tx.date_range(content.get("tested_from"), content.get("tested_to"))),
                ("สถานที่ทดสอบ", content.get("test_location") or content.get("lab_name") or "–"),
            ],
        )
    )  # fmt: skip
    story += _section(tx, "ผลการทดสอบ (Test results)", keep=55 * mm)
    issued = tx.date(content.get("issued_on")) if content.get("issued_on") else ""
    notes = _notes(content, tx)
    closing = [
        *notes[:-1],
        # the signature never goes to a page of its own: the last note and the end mark stay with it
        _Stack([notes[-1],
        Spacer(1, 3 * mm),
        Table(
            [["", _signature(tx, "ผู้อนุมัติรายงาน (Authorised by)", content.get("authorised_name") or "",
                             content.get("authorised_position") or "", issued, width=96 * mm)]],
            colWidths=[CONTENT_W - 98 * mm, 98 * mm],
            style=TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), ("LEFTPADDING", (0, 0), (-1, -1), 0)]),
        ),
        Spacer(1, 3 * mm),
        tx.p(END_OF_REPORT, 13, bold=True, align="center")]),
    ]  # fmt: skip
    story.append(_KeepWithLastRows(_results_table(content, tx), closing))
    return story


class _Stack(Flowable):
    """Flowables one under the other that never split (the signature with the note above it)."""

    def __init__(self, parts: list[Flowable]) -> None:
        super().__init__()
        self.parts = parts
        self._sizes: list[tuple[float, float, float]] = []

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._sizes = []
        for f in self.parts:
            _w, h = f.wrap(availWidth, availHeight)
            self._sizes.append((f.getSpaceBefore(), h, f.getSpaceAfter()))
        self.width, self.height = availWidth, sum(b + h + a for b, h, a in self._sizes)
        return self.width, self.height

    def draw(self) -> None:
        y = self.height
        for f, (before, h, after) in zip(self.parts, self._sizes, strict=True):
            y -= before + h
            f.drawOn(self.canv, 0, y)
            y -= after


#: a page that is not the last is filled at least this much (of the frame's height) where rows allow
MIN_FILL = 0.4


class _KeepWithLastRows(Flowable):
    """The results table and what closes the report (notes, signature, end-of-report mark), laid out so
    that the closing never stands alone on the last page: at least ``rows`` rows of results go over with
    it (under the repeated column headers).

    The rows are shared out across the pages so that no page but the last is less than :data:`MIN_FILL`
    full where that can be helped (two rows on a page of their own between a full page and the signature
    page move back, or rows from a full page move on): at each page break every possible number of rows
    for this page is tried, the pages after it laid out greedily, and the layout with the fewest pages,
    then the fewest under-filled pages, then the most rows here wins.

    Should the closing block with ``rows`` rows be taller than a page, it simply follows the table."""

    def __init__(self, table: Table, closing: list[Flowable], rows: int = 2) -> None:
        super().__init__()
        self.table = table
        self.closing = closing
        self.rows = rows
        self._sizes: list[tuple[float, float, float]] = []  # per closing flowable: before, height, after

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        # every row's height (reportlab stops measuring a long table's rows past the height it is given)
        _w, self._table_h = self.table.wrap(availWidth, 1e7)
        self._sizes = []
        for f in self.closing:
            _fw, h = f.wrap(availWidth, availHeight)
            self._sizes.append((f.getSpaceBefore(), h, f.getSpaceAfter()))
        self._closing_h = sum(b + h + a for b, h, a in self._sizes)
        self.width, self.height = availWidth, self._table_h + self._closing_h
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self.wrap(availWidth, availHeight)
        heights: list[float] = list(getattr(self.table, "_rowHeights", None) or [])
        head, rows = (heights[0], heights[1:]) if heights else (0.0, [])
        # a result and its conformity row are one unit: a page break never falls between them
        units: list[int] = list(getattr(self.table, "units", None) or [1] * len(rows))
        if sum(units) != len(rows):
            units = [1] * len(rows)
        body, pos = [], 0
        for u in units:
            body.append(sum(rows[pos : pos + u]))
            pos += u
        keep = min(self.rows, len(body))
        while keep > 1 and self._closing_h + head + sum(body[-keep:]) > FRAME_H:
            keep -= 1  # a long closing keeps at least the last result (with its conformity row)
        fits = keep >= 1 and self._closing_h + head + sum(body[-keep:]) <= FRAME_H
        here, under = _rows_here(body, head, self._closing_h, availHeight, keep) if fits else (0, 1)
        if under:
            # the closing is taller than a page with the last rows, or keeping rows with it would leave a
            # page under MIN_FILL: as many rows here as fit, then the notes flow on and the signature
            # keeps the last note (_Stack)
            here, total = 0, head
            while here < len(body) and total + body[here] <= availHeight + 1e-6:
                total += body[here]
                here += 1
            if here >= len(body):
                return [self.table, *self.closing]
            return self._split_at(availWidth, head, body, units, here, page_break=False)
        # the rest starts a fresh page: the page was planned with ``here`` rows, not more
        return self._split_at(availWidth, head, body, units, here, page_break=True)

    def _split_at(
        self, width: float, head: float, body: list[float], units: list[int], here: int, *, page_break: bool
    ) -> list[Flowable]:
        if here <= 0:
            return []  # all of it goes to the next page
        parts = self.table.split(width, head + sum(body[:here]) + 0.01)
        if len(parts) < 2:
            return []
        parts[1].units = units[here:]
        rest = _KeepWithLastRows(parts[1], self.closing, self.rows)
        return [parts[0], PageBreak(), rest] if page_break else [parts[0], rest]

    def draw(self) -> None:
        y = self.height - self._table_h
        self.table.drawOn(self.canv, 0, y)
        for f, (before, h, after) in zip(self.closing, self._sizes, strict=True):
            y -= before + h
            f.drawOn(self.canv, 0, y)
            y -= after


def _rows_here(
    body: Sequence[float], head: float, closing: float, avail: float, keep: int
) -> tuple[int, int]:
    """How many of the rows (heights ``body``, under a header row of ``head``) to set on a page with
    ``avail`` points left, when the rest and the ``closing`` block follow on fresh pages; see
    :class:`_KeepWithLastRows`, and how many pages but the last would then be under :data:`MIN_FILL`.
    The pages after this one are shared out optimally (fewest pages, then fewest under-filled ones); this
    page takes at least one row when one fits, so a section heading above the table is never left alone."""
    n = len(body)
    room = FRAME_H - head
    suffix = [0.0] * (n + 1)
    for i in range(n - 1, -1, -1):
        suffix[i] = suffix[i + 1] + body[i]

    @cache
    def later(i: int) -> tuple[int, int]:
        """(pages, pages under MIN_FILL but the last) for rows[i:] and the closing on fresh pages."""
        if head + suffix[i] + closing <= FRAME_H + 1e-6:
            return 1, 0
        best: tuple[int, int] | None = None
        j = i
        while j < n - keep and suffix[i] - suffix[j + 1] <= room + 1e-6:
            j += 1
            pages, under = later(j)
            fill = head + suffix[i] - suffix[j]
            cand = (pages + 1, under + (fill < MIN_FILL * FRAME_H))
            best = cand if best is None or cand < best else best
        if best is None:  # a row taller than a page: reportlab splits it; count a page and go on
            pages, under = later(min(i + 1, n))
            best = (pages + 1, under)
        return best

    used_before = FRAME_H - avail
    choice: tuple[tuple[int, int, int], int] | None = None
    total = head
    for s in range(1, n - keep + 1):
        total += body[s - 1]
        if total > avail + 1e-6:
            break
        pages, under = later(s)
        under += used_before + total < MIN_FILL * FRAME_H
        score = (pages, under, -s)
        if choice is None or score < choice[0]:
            choice = (score, s)
    if choice is None:
        return (1 if avail >= FRAME_H - 1e-6 else 0), 0
    return choice[1], choice[0][1]


ZW = "\u200b"  # a break opportunity inside a long Thai word (column headers)
_RESULT_HEAD = (
    ("ที่", "No."),
    ("รายการทดสอบ", "Test"),
    ("วิธีทดสอบ", "Method"),
    ("หน่วย", "Unit"),
    (f"ผลการ{ZW}ทดสอบ", "Result"),
    (f"ความไม่{ZW}แน่นอน", "Uncertainty"),
    (f"เกณฑ์{ZW}กำหนด", "Limit"),
    (f"ผลการ{ZW}ตัดสิน", "Verdict"),
)
_RESULT_W = (8, 36, 34, 14, 22, 22, 22, 20)


def _sum_checks(results: Sequence[dict[str, Any]]) -> dict[int, lr.SumCheck]:
    """Sum limits among the results: for the index of each group's last member, the group's check."""
    members: dict[lr.SumLimit, dict[str, tuple[int, lr.Result]]] = {}
    for i, r in enumerate(results):
        symbol = lr.analyte_symbol(r.get("test_en") or "", r.get("test") or "")
        limit = lr.sum_limit_for(r.get("standard") or "", symbol)
        if limit is None:
            continue
        result = lr.stored_result(
            r.get("value_text") or "",
            r.get("value"),
            r.get("limit_flag") or "",
            lod=r.get("lod"),
            upper=r.get("upper"),
        )
        members.setdefault(limit, {})[symbol] = (i, result)
    return {
        max(i for i, _r in found.values()): lr.check_sum(limit, {k: v[1] for k, v in found.items()})
        for limit, found in members.items()
    }


def _conformity(r: dict[str, Any], tx: _Text, in_sum: lr.SumLimit | None) -> str:
    """The row's conformity statement (7.8.6) and test conditions (7.8.3.1 a), printed under it."""
    parts: list[str] = []
    spec = _spec_text(r, tx)
    standard = (r.get("standard") or "").strip()
    if in_sum is not None:
        parts.append(f"ตัดสินจากผลรวม {in_sum.label} (ดูแถวผลรวม)")
    elif spec != "–" and r.get("verdict") not in (None, "no_spec", "pending"):
        unit = f" {r['unit']}" if r.get("unit") else ""
        cited = (
            standard if lr.is_cited(standard) else f"{standard or 'ไม่ระบุแหล่งที่มา'} (ไม่ระบุเลขที่และปีของมาตรฐาน)"
        )
        parts.append(f"ข้อกำหนด {spec}{unit} ตาม {cited}")
    conditions = lr.conditions_for(r.get("standard_ref") or "", r.get("conditions") or "")
    if conditions:
        parts.append(f"สภาวะการทดสอบ: {conditions}")
    return " · ".join(parts)


def _results_table(content: dict[str, Any], tx: _Text) -> Table:
    """Results, each with its conformity statement in a row under it (the two never part at a page
    break: the table's ``units`` attribute says how many rows each result takes), and a row for each sum
    limit after its last member."""
    head = [_head(tx, th, en) for th, en in _RESULT_HEAD]
    rows: list[list[Any]] = [head]
    units: list[int] = []
    extra: list[tuple[Any, ...]] = []
    results = content.get("results") or []
    sums = _sum_checks(results)
    summed = {lim.limit for lim in sums.values()}
    for i, r in enumerate(results, start=1):
        name = r.get("test") or ""
        if r.get("test_en"):
            name = f"{name} ({r['test_en']})"
        marks = ("" if r.get("accredited", True) else " #") + (" *" if r.get("external_provider") else "")
        method = r.get("method") or ""
        if r.get("standard_ref") and r["standard_ref"] not in method:
            method = f"{method} ({r['standard_ref']})"
        symbol = lr.analyte_symbol(r.get("test_en") or "", r.get("test") or "")
        in_sum = lr.sum_limit_for(r.get("standard") or "", symbol)
        in_sum = in_sum if in_sum in summed else None
        verdict = "no_spec" if in_sum is not None else r.get("verdict") or "no_spec"
        shown = _result_text(r, tx) or "–"
        wordy = _is_text_result(r)
        spec = f"รวม {_spec_text(r, tx)}" if in_sum is not None else _spec_text(r, tx)
        rows.append(
            [
                tx.p(str(i), 12, align="center"),
                tx.p(name + marks, 12),
                tx.p(method, 11.5, code=True),
                tx.p(r.get("unit") or "–", 12, align="center", code=True),
                tx.p(shown, 12, align="left" if wordy else "center", bold=verdict == "fail", code=not wordy),
                "" if wordy else tx.p(_uncertainty_text(r, tx) or "–", 12, align="center", code=True),
                "" if wordy else tx.p(spec, 12, align="center", code=True),
                _verdict_cell(tx, verdict),
            ]
        )  # fmt: skip
        units.append(1)
        if wordy:  # a described result (appearance, a grade) takes the room of the number columns
            extra.append(("SPAN", (4, len(rows) - 1), (6, len(rows) - 1)))
        statement = _conformity(r, tx, in_sum)
        if statement:
            rows.append(["", tx.p(statement, 10.5, color=MUTED), "", "", "", "", "", ""])
            n = len(rows) - 1
            extra += [("SPAN", (1, n), (-1, n)), ("LINEABOVE", (1, n), (-1, n), 0.25, SHADE),
                      ("TOPPADDING", (0, n), (-1, n), 0), ("LINEABOVE", (0, n), (0, n), 0, colors.white)]  # fmt: skip
            extra.append(("SPAN", (0, n - 1), (0, n)))
            units[-1] += 1
        check = sums.get(i - 1)
        if check is not None:
            rows += _sum_rows(check, tx)
            n = len(rows) - 1
            extra += [("SPAN", (1, n - 1), (3, n - 1)), ("SPAN", (1, n), (-1, n)), ("SPAN", (0, n - 1), (0, n)),
                      ("BACKGROUND", (0, n - 1), (-1, n), colors.HexColor("#f7f7f2"))]  # fmt: skip
            units.append(2)
    if len(rows) == 1:
        rows.append([tx.p("ไม่มีผลการทดสอบ", 12, align="center"), "", "", "", "", "", "", ""])
        extra.append(("SPAN", (0, 1), (-1, 1)))
        units.append(1)
    table = _grid(rows, [w * mm for w in _RESULT_W], header=True, extra=extra, pad=1.8)
    table.units = units  # type: ignore[attr-defined]
    return table


def _sum_rows(check: lr.SumCheck, tx: _Text) -> list[list[Any]]:
    lim = check.limit
    if check.high == check.low:
        total = lr.format_number(check.low, 1)
    elif check.high == float("inf"):
        total = f"> {lr.format_number(check.low, 1)}"
    else:
        total = f"≤ {lr.format_number(check.high, 1)}"
    missing = f" ไม่ได้ทดสอบ {', '.join(check.missing)} จึงรวมเฉพาะรายการที่ทดสอบ" if check.missing else ""
    below = " ผลที่ต่ำกว่าขีดจำกัดการตรวจพบนับที่ค่าขีดจำกัดนั้น" if check.high != check.low else ""
    statement = f"ข้อกำหนด ผลรวม {lim.label} ≤ {lr.format_number(lim.limit, 0)} {lim.unit} ตาม {lim.source}.{missing}{below}"
    return [
        [
            "",
            tx.p(f"ผลรวม {lim.label} (sum)", 12, bold=True, code=True),
            "",
            "",
            tx.p(total, 12, align="center", bold=check.verdict == "fail", code=True),
            tx.p("–", 12, align="center"),
            tx.p(f"≤ {lr.format_number(lim.limit, 0)}", 12, align="center", code=True),
            _verdict_cell(tx, check.verdict),
        ],
        ["", tx.p(statement, 10.5, color=MUTED), "", "", "", "", "", ""],
    ]


def _verdict_cell(tx: _Text, verdict: str) -> Any:
    """The verdict as printed: a failure in bold red; a pass in the warning band marked under it (as the
    result grid tints it amber), in a smaller size so that it fits the column on one line."""
    text = VERDICT_TH.get(verdict, verdict)
    if verdict == "warning":
        word, _, mark = text.partition(" ")
        return [tx.p(word, 12, align="center", color=NEAR), tx.p(mark, 10, align="center", color=NEAR)]
    return tx.p(text, 12, align="center", bold=verdict == "fail", color=FAIL if verdict == "fail" else None)


def _notes(content: dict[str, Any], tx: _Text) -> list[Flowable]:
    results = content.get("results") or []
    notes: list[str] = []
    if any(not r.get("accredited", True) for r in results):
        notes.append("# รายการทดสอบที่ไม่อยู่ในขอบข่ายการรับรองความสามารถห้องปฏิบัติการตาม ISO/IEC 17025")
    external = sorted({r["external_provider"] for r in results if r.get("external_provider")})
    if external:
        notes.append(f"* ผลการทดสอบจากผู้ให้บริการภายนอก (external provider): {', '.join(external)}")
    else:
        notes.append("ไม่มีผลการทดสอบจากผู้ให้บริการภายนอก (no results from external providers)")
    if any(r.get("limit_flag") in ("<", "ND") for r in results):
        notes.append("“< ค่า” หมายถึง ต่ำกว่าขีดจำกัดการตรวจพบ (LOD) ของวิธีทดสอบ; “> ค่า” หมายถึง สูงกว่าช่วงการวัดของวิธี")
    if any(r.get("uncertainty") is not None for r in results):
        notes.append("ค่าความไม่แน่นอนที่รายงานเป็นค่าความไม่แน่นอนขยาย ที่ระดับความเชื่อมั่นประมาณ 95% (k = 2)")
    deviations = [f"{r.get('test')}: {r['deviation']}" for r in results if r.get("deviation")]
    notes.append(
        "การเบี่ยงเบนจากวิธีทดสอบ (deviations): " + ("; ".join(deviations) if deviations else "ไม่มี (none)")
    )
    sums = _sum_checks(results)
    in_sums = {
        i
        for i, r in enumerate(results)
        if lr.sum_limit_for(
            r.get("standard") or "", lr.analyte_symbol(r.get("test_en") or "", r.get("test") or "")
        )
        in {c.limit for c in sums.values()}
    }
    verdicts = [r.get("verdict") for i, r in enumerate(results) if i not in in_sums]
    verdicts += [c.verdict for c in sums.values()]
    judged = [v for v in verdicts if v in ("pass", "warning", "fail", "inconclusive")]
    if judged:
        failed = sum(1 for v in judged if v == "fail")
        notes.append(
            f"การตัดสินผ่าน/ไม่ผ่าน (statement of conformity) ครอบคลุม {len(judged)} รายการที่มีเกณฑ์กำหนด"
            + (f" (ไม่ผ่าน {failed} รายการ)" if failed else "")
            + " โดยระบุข้อกำหนด แหล่งที่มาของข้อกำหนด และเกณฑ์ไว้ใต้แต่ละรายการ"
            + (" ผลรวมที่มีเกณฑ์กำหนดเป็นผลรวมตัดสินจากผลรวม ไม่ใช่รายธาตุ" if sums else "")
        )
        notes.append(
            "หลักเกณฑ์การตัดสิน (decision rule): "
            + lr.decision_rule_statement(
                content.get("decision_rule") or "", near_limit=any(v == "warning" for v in judged)
            )
        )
    else:
        notes.append("รายงานนี้ไม่ได้ระบุการตัดสินผ่าน/ไม่ผ่านเทียบเกณฑ์กำหนด")
    notes.append(lr.SAMPLING_BY_CUSTOMER)
    if content.get("remarks"):
        notes.append(f"หมายเหตุเพิ่มเติม: {content['remarks']}")
    notes.append(f"{ONLY_ITEMS_TESTED} ({ONLY_ITEMS_TESTED_EN})")
    notes.append(f"{NO_PARTIAL_COPY} ({NO_PARTIAL_COPY_EN})")
    out: list[Flowable] = [Spacer(1, 2.5 * mm), tx.p("หมายเหตุ (Notes)", 12.5, bold=True)]
    for n in notes:
        out.append(_Bullet(tx.p(n, 10.5)))
    return out


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


def render_report(content: dict[str, Any], out: Out, *, thai_digits: bool = False) -> int:
    """The test report (ใบรายงานผลการทดสอบ) as a PDF; returns the number of pages."""
    tx = _Text(thai_digits)
    state = content.get("state") or ("draft" if content.get("draft") else "published")
    watermark = "ฉบับร่าง DRAFT" if state == "draft" or content.get("draft") else ""
    if state == "replaced":
        watermark = "ถูกแทนที่ REPLACED"
    furniture = _Furniture(
        tx,
        lab_name=content.get("lab_name") or "ห้องปฏิบัติการทดสอบ",
        lab_address=content.get("lab_address") or "",
        lab_phone=_phone(content.get("lab_phone") or ""),
        doc_title="ใบรายงานผลการทดสอบ" + (" (ฉบับร่าง)" if watermark.startswith("ฉบับร่าง") else ""),
        number_label="รายงานเลขที่",
        number=content.get("report_no") or "",
        footer_note=f"{NO_PARTIAL_COPY}  {ONLY_ITEMS_TESTED}",
        watermark=watermark,
    )
    return _build(
        out,
        report_story(content, tx),
        furniture,
        title=f"ใบรายงานผลการทดสอบ {content.get('report_no') or ''}",
        subject=f"รายงานผลการทดสอบตัวอย่าง {content.get('lab_no') or ''} ของ {content.get('customer') or '–'}",
    )


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
