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

import io
from collections.abc import Callable
from typing import Any

from pythainlp.util import bahttext
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Spacer,
    Table,
    TableStyle,
)

from dipdesk.printing.fonts import FONT
from dipdesk.printing.lab_codes import _QR as _QR
from dipdesk.printing.lab_codes import BARCODE_MODULE as BARCODE_MODULE
from dipdesk.printing.lab_codes import LABEL_MIN_PT as LABEL_MIN_PT
from dipdesk.printing.lab_codes import _draw_qr as _draw_qr
from dipdesk.printing.lab_codes import _Label
from dipdesk.printing.lab_layout import BOTTOM as BOTTOM
from dipdesk.printing.lab_layout import CONTENT_W as CONTENT_W
from dipdesk.printing.lab_layout import DEPARTMENT as DEPARTMENT
from dipdesk.printing.lab_layout import DEPARTMENT_EN as DEPARTMENT_EN
from dipdesk.printing.lab_layout import END_OF_REPORT as END_OF_REPORT
from dipdesk.printing.lab_layout import FAIL as FAIL
from dipdesk.printing.lab_layout import FRAME_H as FRAME_H
from dipdesk.printing.lab_layout import INK as INK
from dipdesk.printing.lab_layout import MARGIN_X as MARGIN_X
from dipdesk.printing.lab_layout import MUTED as MUTED
from dipdesk.printing.lab_layout import NEAR as NEAR
from dipdesk.printing.lab_layout import NO_PARTIAL_COPY as NO_PARTIAL_COPY
from dipdesk.printing.lab_layout import NO_PARTIAL_COPY_EN as NO_PARTIAL_COPY_EN
from dipdesk.printing.lab_layout import ONLY_ITEMS_TESTED as ONLY_ITEMS_TESTED
from dipdesk.printing.lab_layout import ONLY_ITEMS_TESTED_EN as ONLY_ITEMS_TESTED_EN
from dipdesk.printing.lab_layout import PAGE_H as PAGE_H
from dipdesk.printing.lab_layout import PAGE_W as PAGE_W
from dipdesk.printing.lab_layout import RULE as RULE
from dipdesk.printing.lab_layout import SHADE as SHADE
from dipdesk.printing.lab_layout import TOP as TOP
from dipdesk.printing.lab_layout import VERDICT_TH as VERDICT_TH
from dipdesk.printing.lab_layout import ZW as ZW
from dipdesk.printing.lab_layout import Out as Out
from dipdesk.printing.lab_layout import PageStamp as PageStamp
from dipdesk.printing.lab_layout import (
    _build,
    _Code,
    _fields_table,
    _Furniture,
    _grid,
    _head,
    _phone,
    _section,
    _signature,
    _title,
)
from dipdesk.printing.lab_layout import _Bullet as _Bullet
from dipdesk.printing.lab_layout import _Text as _Text
from dipdesk.printing.lab_report import MIN_FILL, render_report, report_story
from dipdesk.printing.thaitext import shaped_paragraph

__all__ = ["MIN_FILL", "render_receipt", "render_report", "render_request_form", "report_story"]


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
