"""Money forms of the lab: the fee quote (ใบเสนอราคาค่าทดสอบ) from the catalog and the receipt of
payment (ใบเสร็จรับเงิน) for a request. A4 portrait, Thai, BE dates, amounts in figures and in Thai
words (bahttext), the lab's header on every page (:mod:`dipdesk.printing.lab_layout`). No Qt."""

from __future__ import annotations

from typing import Any

from pythainlp.util import bahttext
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from dipdesk.printing.fonts import FONT
from dipdesk.printing.lab_layout import (
    CONTENT_W,
    SHADE,
    ZW,
    Out,
    _build,
    _Code,
    _fields_table,
    _Furniture,
    _grid,
    _head,
    _phone,
    _section,
    _signature,
    _Text,
    _title,
)


def _fee_table(tx: _Text, lines: list[dict[str, Any]], total: float, total_label: str = "รวมทั้งสิ้น") -> Table:
    rows: list[list[Any]] = [
        [
            _head(tx, h)
            for h in ("ที่", "รายการทดสอบ", "วิธีทดสอบ", f"จำนวน{ZW}ตัวอย่าง", "ค่าธรรมเนียม (บาท)", "รวม (บาท)")
        ]
    ]
    for i, f in enumerate(lines, start=1):
        fee = float(f.get("fee") or 0)
        count = int(f.get("count") or 0)
        rows.append(
            [
                tx.p(str(i), 12, align="center"),
                tx.p(f.get("test") or "", 12),
                tx.p(f.get("method") or "", 11.5, code=True),
                tx.p(str(count), 12, align="center"),
                tx.p(tx.money(fee), 12, align="right", code=True),
                tx.p(tx.money(fee * count), 12, align="right", code=True),
            ]
        )
    rows.append(
        [tx.p(f"{total_label} ({bahttext(total)})", 12.5, bold=True, align="right"), "", "", "", "",
         tx.p(tx.money(total), 12.5, bold=True, align="right", code=True)]
    )  # fmt: skip
    n = len(rows) - 1
    return _grid(
        rows, [w * mm for w in (7, 45, 50, 20, 30, 26)], header=True, pad=1.8,
        extra=[("SPAN", (0, n), (4, n)), ("BACKGROUND", (0, n), (-1, n), SHADE)],
    )  # fmt: skip


def _furniture(
    tx: _Text, content: dict[str, Any], title: str, label: str, number: str, note: str
) -> _Furniture:
    return _Furniture(
        tx,
        lab_name=content.get("lab_name") or "ห้องปฏิบัติการทดสอบ",
        lab_address=content.get("lab_address") or "",
        lab_phone=_phone(content.get("lab_phone") or ""),
        doc_title=title,
        number_label=label,
        number=number,
        footer_note=note,
    )


def render_quote(content: dict[str, Any], out: Out, *, thai_digits: bool = False) -> int:
    """ใบเสนอราคา: the catalog fees of the tests asked about (``services.lab.payments.quote_content``)."""
    tx = _Text(thai_digits)
    story: list[Flowable] = []
    story += _title(tx, "ใบเสนอราคาค่าบริการทดสอบ", "QUOTATION FOR TESTING SERVICES")
    story.append(
        _fields_table(
            tx,
            [
                ("วันที่", tx.date(content.get("quoted_on")), "ยืนราคาถึง", tx.date(content.get("valid_until"))),
                ("เสนอแก่", content.get("customer") or "–"),
                ("จำนวนตัวอย่าง", tx.t(str(content.get("samples") or 1)),
                 "ระยะเวลาดำเนินการ", tx.t(f"ประมาณ {content.get('days') or '–'} วัน")),
            ],
        )
    )  # fmt: skip
    story += _section(tx, "รายการทดสอบและค่าธรรมเนียม (Tests and fees)")
    story.append(_fee_table(tx, content.get("lines") or [], float(content.get("total") or 0)))
    story += [
        Spacer(1, 2 * mm),
        tx.p("ค่าธรรมเนียมตามอัตราของกรมส่งเสริมอุตสาหกรรม ชำระเมื่อยื่นคำขอรับบริการ "
             "ใบเสนอราคานี้ไม่ใช่ใบแจ้งหนี้หรือใบเสร็จรับเงิน", 12),
        Spacer(1, 8 * mm),
        KeepTogether(_signature(tx, "ผู้เสนอราคา (Quoted by)", content.get("quoted_by") or "")),
    ]  # fmt: skip
    furniture = _furniture(tx, content, "ใบเสนอราคา", "วันที่", tx.date(content.get("quoted_on"), "medium"),
                           "ราคานี้ใช้ได้ภายในวันที่ยืนราคาที่ระบุ")  # fmt: skip
    return _build(out, story, furniture, title="ใบเสนอราคาค่าบริการทดสอบ")


def render_receipt_of_payment(content: dict[str, Any], out: Out, *, thai_digits: bool = False) -> int:
    """ใบเสร็จรับเงิน for a payment on a request (``services.lab.payments.receipt_content``)."""
    tx = _Text(thai_digits)
    amount = float(content.get("amount") or 0)
    story: list[Flowable] = []
    story += _title(tx, "ใบเสร็จรับเงิน", "RECEIPT")
    story.append(
        _fields_table(
            tx,
            [
                ("เลขที่ใบเสร็จ", _Code(content.get("receipt_no") or ""), "วันที่รับเงิน", tx.date(content.get("paid_on"))),
                ("ได้รับเงินจาก", content.get("payer") or "–"),
                ("คำขอรับบริการ", _Code(content.get("request_no") or ""), "วิธีชำระ",
                 (content.get("method") or "–") + (f" {content['reference']}" if content.get("reference") else "")),
            ],
        )
    )  # fmt: skip
    story += _section(tx, "ค่าบริการตามคำขอ (Fees of the request)")
    story.append(
        _fee_table(tx, content.get("lines") or [], float(content.get("fee_total") or 0), "ค่าบริการทั้งสิ้น")
    )
    rows = [
        [tx.p("ชำระแล้วก่อนหน้านี้", 12.5), tx.p(tx.money(float(content.get("paid_before") or 0)), 12.5, align="right")],
        [tx.p(f"รับเงินครั้งนี้ ({bahttext(amount)})", 13, bold=True),
         tx.p(tx.money(amount), 13, bold=True, align="right", code=True)],
        [tx.p("คงค้างชำระ", 12.5), tx.p(tx.money(float(content.get("balance") or 0)), 12.5, align="right")],
    ]  # fmt: skip
    story += [Spacer(1, 3 * mm), _grid(rows, [CONTENT_W - 40 * mm, 40 * mm], pad=1.8,
                                       extra=[("BACKGROUND", (0, 1), (-1, 1), SHADE)])]  # fmt: skip
    story += [
        Spacer(1, 10 * mm),
        KeepTogether(
            Table(
                [[tx.p("", 12),
                  _signature(tx, "ผู้รับเงิน (Received by)", content.get("received_by") or "",
                             content.get("received_position") or "", tx.date(content.get("paid_on"), "medium"))]],
                colWidths=[CONTENT_W / 2, CONTENT_W / 2],
                style=TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), ("ALIGN", (0, 0), (-1, -1), "CENTER")]),
            )
        ),
    ]  # fmt: skip
    furniture = _furniture(tx, content, "ใบเสร็จรับเงิน", "ใบเสร็จเลขที่", content.get("receipt_no") or "",
                           "ใบเสร็จนี้จะสมบูรณ์เมื่อมีลายมือชื่อผู้รับเงิน")  # fmt: skip
    return _build(out, story, furniture, title=f"ใบเสร็จรับเงิน {content.get('receipt_no') or ''}")
