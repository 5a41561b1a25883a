"""The printed worksheet (ใบงาน): the analyses done together, with room to write the readings and the
result of each, its QC samples (blank, reference material with its target ± SD, duplicate) and the
analyst's and checker's signature lines. A4 portrait, Thai, BE dates, the lab's header and
``หน้า x / y`` on every page (:mod:`dipdesk.printing.lab_layout`). No Qt."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from dipdesk.printing.fonts import FONT
from dipdesk.printing.lab_layout import (
    CONTENT_W,
    FAIL,
    SHADE,
    Out,
    _build,
    _Code,
    _fields_table,
    _Furniture,
    _grid,
    _head,
    _section,
    _signature,
    _Text,
    _title,
)

QC_KIND_TH = {
    "blank": "แบลงก์ (Blank)",
    "reference": "วัสดุควบคุม (Reference)",
    "duplicate": "ตัวอย่างซ้ำ (Duplicate)",
}
QC_OUTCOME_TH = {"pass": "ผ่าน", "warn": "เตือน", "fail": "ไม่ผ่าน", "": ""}
QC_STATE_TH = {
    "": "ยังไม่มีผลควบคุมคุณภาพ",
    "pass": "ผ่านการควบคุมคุณภาพ",
    "hold": "ระงับผล: ผลควบคุมคุณภาพไม่ผ่าน",
    "released": "หัวหน้าห้องปฏิบัติการปล่อยผลแล้ว",
    "rejected": "ปฏิเสธผล ทดสอบใหม่",
}
_BLANK = "...................."


def render_worksheet(content: dict[str, Any], out: Out, *, thai_digits: bool = False) -> int:
    """Print a worksheet (``dipdesk.services.lab.worksheets.worksheet_content``); returns the pages."""
    tx = _Text(thai_digits)
    story: list[Flowable] = []
    story += _title(tx, "ใบงานทดสอบ", "ANALYTICAL WORKSHEET")
    story.append(
        _fields_table(
            tx,
            [
                ("เลขที่ใบงาน", _Code(content.get("worksheet_no") or ""), "วันที่จัดทำ", tx.date(content.get("created_on"))),
                ("รายการทดสอบ", content.get("test") or "ตามที่ระบุในแต่ละแถว"),
                ("วิธีทดสอบ", content.get("method") or "–"),
                ("เครื่องมือ", (content.get("instrument") or "–")
                 + (f"  (ครบกำหนดสอบเทียบ {tx.date(content['calibration_due_on'], 'medium')})"
                    if content.get("calibration_due_on") else "")),
                ("ผู้ทดสอบ", content.get("analyst") or "–",
                 "สถานะควบคุมคุณภาพ", QC_STATE_TH.get(content.get("qc_state") or "", "")),
            ],
        )
    )  # fmt: skip
    story += _section(tx, "ตัวอย่างในใบงาน (Samples)")
    rows: list[list[Any]] = [
        [
            _head(tx, "ที่"),
            _head(tx, "เลขที่ตัวอย่าง", "Lab no."),
            _head(tx, "ตัวอย่าง / รายการ", "Sample / test"),
            _head(tx, "ค่าที่อ่านได้", "Readings"),
            _head(tx, "ผล", "Result"),
            _head(tx, "หน่วย", "Unit"),
        ]
    ]
    for i, r in enumerate(content.get("rows") or [], start=1):
        readings = "\n".join(f"{name}: {_BLANK}" for name in r.get("interim") or []) or _BLANK
        rows.append(
            [
                tx.p(str(i), 12, align="center"),
                tx.p(r.get("lab_no") or "", 11.5, code=True, unbreakable=True),
                tx.p(f"{r.get('sample') or ''}\n{r.get('test') or ''} ({r.get('code') or ''})", 12),
                tx.p(readings, 11.5),
                tx.p(r.get("value_text") or _BLANK, 12, align="center"),
                tx.p(r.get("unit") or "–", 11.5, align="center"),
            ]
        )
    story.append(_grid(rows, [w * mm for w in (8, 42, 50, 40, 24, 14)], header=True, pad=2.4))
    qc = content.get("qc") or []
    story += _section(tx, "ตัวอย่างควบคุมคุณภาพ (Quality control)")
    rows = [
        [
            _head(tx, "ชนิด", "Kind"),
            _head(tx, "วัสดุควบคุม / ตัวอย่างที่ทำซ้ำ", "Material / duplicate of"),
            _head(tx, "ค่าเป้าหมาย ± SD", "Target ± SD"),
            _head(tx, "ผล", "Result"),
            _head(tx, "การประเมิน", "Outcome"),
        ]
    ]
    fails: list[tuple[Any, ...]] = []
    for i, q in enumerate(qc, start=1):
        target = f"{q['target']:g} ± {q['sd']:g}" if q.get("target") is not None else "–"
        outcome = QC_OUTCOME_TH.get(q.get("outcome") or "", q.get("outcome") or "")
        if q.get("rules"):
            outcome += " (" + ", ".join(q["rules"]) + ")"
        rows.append(
            [
                tx.p(QC_KIND_TH.get(q.get("kind") or "", q.get("kind") or ""), 12),
                tx.p(q.get("material") or q.get("duplicate_of") or "–", 11.5),
                tx.p(target, 12, align="center"),
                tx.p(q.get("value_text") or _BLANK, 12, align="center"),
                tx.p(outcome or _BLANK, 12, color=FAIL if q.get("outcome") == "fail" else None),
            ]
        )
        if q.get("outcome") == "fail":
            fails.append(("BACKGROUND", (0, i), (-1, i), SHADE))
    if not qc:
        for kind in ("blank", "reference", "duplicate"):
            rows.append(
                [
                    tx.p(QC_KIND_TH[kind], 12),
                    tx.p(_BLANK, 12),
                    tx.p("–", 12),
                    tx.p(_BLANK, 12),
                    tx.p(_BLANK, 12),
                ]
            )
    story.append(_grid(rows, [w * mm for w in (42, 50, 28, 22, 36)], header=True, pad=2.2, extra=fails))
    story.append(
        KeepTogether(  # the criteria stay with the signatures, the signatures never alone on a page
            [
                Spacer(1, 2 * mm),
                tx.p(
                    "เกณฑ์: วัสดุควบคุมประเมินด้วยกฎเวสต์การ์ด (1-3s, 2-2s, R-4s, 4-1s, 10x; 1-2s เป็นคำเตือน) "
                    "แบลงก์ต้องต่ำกว่าขีดจำกัดการตรวจพบ ตัวอย่างซ้ำต่างกันไม่เกิน 10% (RPD) "
                    "หากไม่ผ่าน ผลในใบงานนี้จะถูกระงับจนกว่าหัวหน้าห้องปฏิบัติการตัดสิน",
                    11.5,
                ),
                Spacer(1, 8 * mm),
                Table(
                    [[_signature(tx, "ผู้ทดสอบ (Analyst)", content.get("analyst") or ""),
                      _signature(tx, "ผู้ตรวจสอบ (Checked by)")]],
                    colWidths=[CONTENT_W / 2, CONTENT_W / 2],
                    style=TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), ("ALIGN", (0, 0), (-1, -1), "CENTER")]),
                ),
            ]
        )
    )  # fmt: skip
    furniture = _Furniture(
        tx,
        lab_name=content.get("lab_name") or "ห้องปฏิบัติการทดสอบ",
        lab_address=content.get("lab_address") or "",
        lab_phone=content.get("lab_phone") or "",
        doc_title="ใบงานทดสอบ",
        number_label="ใบงานเลขที่",
        number=content.get("worksheet_no") or "",
        footer_note="บันทึกค่าที่อ่านได้ทันทีที่วัด ห้ามลบ หากเขียนผิดให้ขีดฆ่าและลงชื่อกำกับ",
    )
    return _build(out, story, furniture, title=f"ใบงานทดสอบ {content.get('worksheet_no') or ''}")
