"""The lab's printed forms: ISO/IEC 17025 7.8.2.1 content, pagination with repeated headers, markings."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import segno

from dipdesk.printing import lab_codes, lab_forms
from dipdesk.printing.lab_forms import render_receipt, render_report, render_request_form

POPPLER = all(shutil.which(t) for t in ("pdftotext", "pdffonts"))
pytestmark = pytest.mark.skipif(not POPPLER, reason="poppler-utils not installed")

TESTS = [
    ("ความชื้น", "Moisture", "การอบแห้งที่ 105 °C", "AOAC 925.10", "%", 10.0149, "", 2, 12.0, None, "pass"),
    ("ตะกั่ว", "Lead (Pb)", "ICP-OES", "AOAC 2015.01", "mg/kg", None, "<", 3, 1.0, None, "pass"),
    ("ความเป็นกรด-ด่าง", "pH", "pH meter", "AOAC 981.12", "", 9.3, "", 2, 8.0, 4.0, "fail"),
    ("ลักษณะทั่วไป", "Appearance", "ตรวจพินิจ", "มผช.", "", None, "", 0, None, None, "no_spec"),
]


def _result(i: int, spec: tuple[Any, ...]) -> dict[str, Any]:
    name, en, method, ref, unit, value, flag, decimals, hi, lo, verdict = spec
    return {
        "code": f"T{i:02d}",
        "test": name if i < len(TESTS) else f"{name} ชุดที่ {i + 1}",
        "test_en": en,
        "method": method,
        "standard_ref": ref,
        "unit": unit,
        "result_type": "text" if name == "ลักษณะทั่วไป" else "numeric",
        "value": value,
        "value_text": "ชิ้นแห้ง สีน้ำตาลทอง"
        if name == "ลักษณะทั่วไป"
        else (str(value) if value is not None else "ND"),
        "limit_flag": flag,
        "lod": 0.01 if flag else None,
        "upper": None,
        "decimals": decimals,
        "uncertainty": 0.15 if name == "ความชื้น" else None,
        "uncertainty_is_percent": False,
        "accredited": name != "ลักษณะทั่วไป",
        "spec_min": lo,
        "spec_max": hi,
        "standard": "มาตรฐานผลิตภัณฑ์ชุมชน มผช. 1/2562" if hi is not None else "",
        "verdict": verdict,
        "tested_on": "2026-11-20",
        "deviation": "ใช้ตัวอย่าง 2 กรัมแทน 5 กรัม" if name == "ตะกั่ว" else "",
        "external_provider": "ห้องปฏิบัติการกลาง (ภายนอก)" if name == "ตะกั่ว" else "",
    }


def content(n: int = 4, **extra: Any) -> dict[str, Any]:
    c: dict[str, Any] = {
        "report_no": "RPT2570-IPC1-00007",
        "issued_on": "2026-11-22",
        "lab_name": "ห้องปฏิบัติการวิเคราะห์ทดสอบ ศูนย์ส่งเสริมอุตสาหกรรมภาคที่ 1",
        "lab_address": "158 ถนนทุ่งโฮเต็ล ตำบลวัดเกต อำเภอเมืองเชียงใหม่ จังหวัดเชียงใหม่ 50000",
        "lab_phone": "053245361",
        "test_location": "ห้องปฏิบัติการวิเคราะห์ทดสอบ ศูนย์ส่งเสริมอุตสาหกรรมภาคที่ 1 เลขที่ 158 ถนนทุ่งโฮเต็ล",
        "request_no": "R2570-IPC1-00003",
        "customer": "วิสาหกิจชุมชนกล้วยตากบ้านนา",
        "customer_address": "12 หมู่ 3 ตำบลบ้านนา อำเภอเมือง จังหวัดลำพูน",
        "contact": "นางสมศรี รักไทย",
        "contact_phone": "0812345678",
        "purpose": "ประกอบการขอเลขสารบบอาหาร",
        "lab_no": "L2570-IPC1-00011",
        "sample": "กล้วยตากอบน้ำผึ้ง ชนิดแผ่น",
        "product_type": "food",
        "quantity": "3 ถุง x 200 กรัม",
        "condition": "ปกติ บรรจุภัณฑ์ปิดสนิท",
        "received_on": "2026-11-18",
        "sampling_date": "2026-11-15",
        "sampling_plan": "ผู้ขอรับบริการเก็บตัวอย่างเอง",
        "tested_from": "2026-11-19",
        "tested_to": "2026-11-21",
        "results": [_result(i, TESTS[i % len(TESTS)]) for i in range(n)],
        "decision_rule": "เทียบค่าที่รายงานกับเกณฑ์โดยตรง (simple acceptance)",
        "authorised_name": "นางสุดารัตน์ รุ่งเรืองกิจ",
        "authorised_position": "หัวหน้าห้องปฏิบัติการ",
        "replaces": "",
        "amendment_reason": "",
        "state": "published",
    }
    c.update(extra)
    return c


def pdftext(path: Path, page: int | None = None, mode: str = "-layout") -> str:
    args = ["pdftotext", mode]
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    out = subprocess.run([*args, str(path), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"[ \t]+", " ", out)


def test_report_has_every_iso_17025_item(tmp_path: Path) -> None:
    pdf = tmp_path / "r.pdf"
    pages = render_report(content(), pdf)
    text = pdftext(pdf)
    flat = " ".join(text.split())
    items = {
        "a title": ["ใบรายงานผลการทดสอบ", "TEST REPORT"],
        "b lab name and address": ["ห้องปฏิบัติการวิเคราะห์ทดสอบ ศูนย์ส่งเสริมอุตสาหกรรมภาคที่ 1", "158 ถนนทุ่งโฮเต็ล"],
        "c where tested": ["สถานที่ทดสอบ"],
        "d number, pages, end": ["RPT2570-IPC1-00007", f"หน้า 1 / {pages}", "สิ้นสุดรายงาน", "End of report"],
        "e customer": ["วิสาหกิจชุมชนกล้วยตากบ้านนา", "นางสมศรี รักไทย", "081-234-5678"],
        "f methods": ["AOAC 925.10", "ICP-OES", "วิธีทดสอบ"],
        "g item": ["กล้วยตากอบน้ำผึ้ง ชนิดแผ่น", "L2570-IPC1-00011", "ปกติ บรรจุภัณฑ์ปิดสนิท"],
        "h received, sampled": ["วันที่รับตัวอย่าง", "18 พฤศจิกายน พ.ศ. 2569", "15 พฤศจิกายน พ.ศ. 2569"],
        "i tested": ["วันที่ทดสอบ", "19 – 21 พ.ย. 2569"],
        "j issued": ["วันที่ออกรายงาน", "22 พฤศจิกายน พ.ศ. 2569"],
        "k sampling plan": ["แผนการชักตัวอย่าง", "เก็บตัวอย่างเอง"],
        "l only items tested": ["เกี่ยวข้องเฉพาะกับตัวอย่างที่ได้รับการทดสอบเท่านั้น", "relate only to the items tested"],
        "m results, units, uncertainty": ["10.01", "< 0.010", "mg/kg", "± 0.15", "ความไม่แน่นอนขยาย"],
        "n deviations": ["การเบี่ยงเบนจากวิธีทดสอบ", "ใช้ตัวอย่าง 2 กรัมแทน 5 กรัม"],
        "o authoriser": ["ผู้อนุมัติรายงาน", "นางสุดารัตน์ รุ่งเรืองกิจ", "หัวหน้าห้องปฏิบัติการ", "ลงชื่อ"],
        "p external provider": ["ห้องปฏิบัติการกลาง (ภายนอก)", "ผู้ให้บริการภายนอก"],
        "no partial copies": ["ห้ามคัดสำเนารายงานนี้เพียงบางส่วน", "must not be reproduced except in full"],
        "pass/fail with spec and rule": [
            "ผ่าน",
            "ไม่ผ่าน",
            "≤ 12",
            "4 – 8",
            "มผช. 1/2562",
            "decision rule",
            "simple acceptance",
        ],
    }
    missing = {k: [s for s in v if s not in flat] for k, v in items.items()}
    assert {k: v for k, v in missing.items() if v} == {}
    assert "# รายการทดสอบที่ไม่อยู่ในขอบข่าย" in flat  # the text test is not accredited


def test_sixty_analyses_paginate_with_the_header_row_on_every_page(tmp_path: Path) -> None:
    pdf = tmp_path / "r60.pdf"
    pages = render_report(content(60), pdf)
    assert pages >= 3
    seen = 0
    for page in range(1, pages + 1):
        text = pdftext(pdf, page)
        flat = " ".join(text.split())
        assert f"หน้า {page} / {pages}" in flat, f"page {page}"
        assert "RPT2570-IPC1-00007" in flat and "ห้องปฏิบัติการวิเคราะห์ทดสอบ" in flat  # lab header
        if "AOAC 925.10" in flat or "ICP-OES" in flat:  # methods appear only in the results table
            seen += 1
            assert "รายการทดสอบ" in flat and "Uncertainty" in flat and "Verdict" in flat, (
                f"header row on page {page}"
            )
        assert ("สิ้นสุดรายงาน" in flat) == (page == pages)
    assert seen >= 2
    flat = " ".join(pdftext(pdf, mode="-raw").split())  # content order: a wrapped name stays together
    assert [i + 1 for i in range(4, 60) if f"ชุดที่ {i + 1}" not in flat] == []


@pytest.mark.parametrize("n", [10, 13])
def test_the_signature_and_end_mark_never_stand_alone_on_the_last_page(tmp_path: Path, n: int) -> None:
    """With these counts the closing block once fell to a page of its own (or after the last rows had
    gone): the last results now go over with the notes, the signature and the end mark."""
    pdf = tmp_path / f"r{n}.pdf"
    pages = render_report(content(n), pdf)
    assert pages >= 2
    last = " ".join(pdftext(pdf, pages).split())
    assert "สิ้นสุดรายงาน" in last and "ผู้อนุมัติรายงาน" in last and "หมายเหตุ" in last
    # the last two results go with the signature where the closing leaves room for them, else the last
    assert f"ชุดที่ {n}" in last, "the last result goes with the signature"
    assert "Verdict" in last, "under the repeated column headers"
    every = " ".join(pdftext(pdf, mode="-raw").split())
    assert [i for i in range(5, n + 1) if f"ชุดที่ {i}" not in every] == [], "no row lost or doubled"
    assert all(every.count(f"ชุดที่ {i} ") <= 1 for i in range(5, n + 1))


def test_a_result_in_the_warning_band_is_marked_near_the_limit(tmp_path: Path) -> None:
    c = content()
    c["results"][0].update(value=11.2, verdict="warning")
    pdf = tmp_path / "w.pdf"
    render_report(c, pdf)
    flat = " ".join(pdftext(pdf).split())
    assert flat.count("(ใกล้เกณฑ์)") == 2, "marked in the verdict column and explained in the notes"
    # what the mark means is part of the stated decision rule
    assert "ผลที่อยู่ในเกณฑ์แต่อยู่ในช่วงเฝ้าระวังใกล้ค่าขีดจำกัดตัดสินว่า“ผ่าน”" in flat.replace(" ", "")
    render_report(content(), pdf)
    assert "ใกล้เกณฑ์" not in pdftext(pdf), "no mark where no result is near the limit"


def test_draft_replaced_and_amended_reports_are_marked(tmp_path: Path) -> None:
    pdf = tmp_path / "d.pdf"
    pages = render_report(content(draft=True, state="draft", report_no="DRAFT-L2570-IPC1-00011"), pdf)
    for page in range(1, pages + 1):
        assert "ฉบับร่าง" in pdftext(pdf, page)
    assert "DRAFT — not a test report" in " ".join(pdftext(pdf).split())

    render_report(content(state="replaced", replaced_by="RPT2570-IPC1-00009"), pdf)
    flat = " ".join(pdftext(pdf).split())
    assert "ถูกแทนที่ด้วยรายงานฉบับแก้ไขเลขที่ RPT2570-IPC1-00009" in flat

    render_report(
        content(
            replaces="RPT2570-IPC1-00005", replaces_issued_on="2026-11-10", amendment_reason="แก้ชื่อผู้ขอรับบริการ"
        ),
        pdf,
    )
    flat = " ".join(pdftext(pdf).split())
    assert "รายงานฉบับแก้ไข แทนรายงานเลขที่ RPT2570-IPC1-00005" in flat
    assert "Amendment to report no. RPT2570-IPC1-00005" in flat and "แก้ชื่อผู้ขอรับบริการ" in flat


def test_thai_digits_for_dates_and_figures_codes_stay_arabic(tmp_path: Path) -> None:
    pdf = tmp_path / "t.pdf"
    pages = render_report(content(), pdf, thai_digits=True)
    flat = " ".join(pdftext(pdf).split())
    assert "๒๒ พฤศจิกายน พ.ศ. ๒๕๖๙" in flat and "๑๐.๐๑" in flat
    assert f"หน้า ๑ / {'๐๑๒๓๔๕๖๗๘๙'[pages]}" in flat
    assert "RPT2570-IPC1-00007" in flat and "L2570-IPC1-00011" in flat


def test_thai_digits_keep_report_numbers_in_the_amendment_box_and_the_phone_on_one_line(
    tmp_path: Path,
) -> None:
    pdf = tmp_path / "a.pdf"
    reason = "แก้ชื่อผู้ขอรับบริการในรายงาน RPT2570-IPC1-00005 จำนวน 2 แห่ง"
    render_report(
        content(replaces="RPT2570-IPC1-00005", replaces_issued_on="2026-11-10", amendment_reason=reason),
        pdf,
        thai_digits=True,
    )
    text = pdftext(pdf)
    flat = " ".join(text.split())
    assert "แทนรายงานเลขที่ RPT2570-IPC1-00005 ลงวันที่ ๑๐ พ.ย. ๒๕๖๙" in flat
    assert "Amendment to report no. RPT2570-IPC1-00005" in flat
    assert "RPT2570-IPC1-00005 จำนวน ๒ แห่ง" in flat
    assert "ภาคที่ ๑" in flat.split("ใบรายงานผลการทดสอบ")[0]  # the header's lab name too
    assert "โทร. ๐๕-๓๒๔-๕๓๖๑" in text  # never split across the header's two lines


def test_a_note_split_at_the_foot_of_a_page_fits_there() -> None:
    """A bullet cut at a page end must fit the space with its own 0.6 mm (a LayoutError otherwise:
    a real report of 11 results with an amendment box hit it)."""
    tx = lab_forms._Text(False)
    long_note = "หลักเกณฑ์การตัดสิน (decision rule): " + "ตัดสินผ่านหรือไม่ผ่านจากค่าที่รายงานเทียบกับเกณฑ์กำหนด " * 6
    bullet = lab_forms._Bullet(tx.p(long_note, 11.5))
    _w, full = bullet.wrap(lab_forms.CONTENT_W, 10_000)
    for tenth in range(150, int(full * 10)):
        room = tenth / 10
        parts = bullet.split(lab_forms.CONTENT_W, room)
        if parts:
            assert parts[0].wrap(lab_forms.CONTENT_W, room)[1] <= room + 1e-6, room


def test_fonts_are_embedded(tmp_path: Path) -> None:
    pdf = tmp_path / "r.pdf"
    render_report(content(), pdf)
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = out.splitlines()[2:]
    assert rows and all(" yes " in r.split("Identity-H")[-1] or r.split()[-5] == "yes" for r in rows), out


def test_request_form_lists_samples_tests_fees_and_signatures(tmp_path: Path) -> None:
    form = {
        "request_no": "R2570-IPC1-00003",
        "requested_on": "2026-11-18",
        "lab_name": "ห้องปฏิบัติการวิเคราะห์ทดสอบ ศูนย์ส่งเสริมอุตสาหกรรมภาคที่ 1",
        "lab_address": "158 ถนนทุ่งโฮเต็ล",
        "lab_phone": "053245361",
        "customer": "วิสาหกิจชุมชนกล้วยตากบ้านนา",
        "customer_address": "",
        "contact": "นางสมศรี รักไทย",
        "contact_phone": "0812345678",
        "purpose": "ประกอบการขอเลขสารบบอาหาร",
        "samples": [
            {
                "lab_no": "L2570-IPC1-00011",
                "description": "กล้วยตาก",
                "quantity": "3 ถุง",
                "tests": ["ความชื้น", "ตะกั่ว"],
            }
        ],
        "fees": [
            {"test": "ความชื้น", "method": "AOAC 925.10", "fee": 300.0, "count": 1, "days": 5},
            {"test": "ตะกั่ว", "method": "ICP-OES", "fee": 800.0, "count": 1, "days": 10},
        ],
        "fee_total": 1100.0,
        "turnaround_days": 10,
    }
    pdf = tmp_path / "q.pdf"
    render_request_form(form, pdf)
    flat = " ".join(pdftext(pdf).split())
    for s in ("คำขอรับบริการทดสอบ", "R2570-IPC1-00003", "วิสาหกิจชุมชนกล้วยตากบ้านนา", "L2570-IPC1-00011", "1,100.00",
              "หนึ่งพันหนึ่งร้อยบาทถ้วน", "ลงชื่อ", "ผู้ขอรับบริการ", "18 พฤศจิกายน พ.ศ. 2569", "หน้า 1 /"):  # fmt: skip
        assert s in flat, s


def test_receipt_carries_the_lab_number_as_qr_and_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    drawn: list[str] = []
    real = lab_codes._draw_qr
    monkeypatch.setattr(
        lab_codes, "_draw_qr", lambda c, data, *a, **k: (drawn.append(data), real(c, data, *a, **k))
    )
    receipt = {
        "lab_name": "ห้องปฏิบัติการทดสอบ",
        "lab_address": "",
        "lab_phone": "",
        "customer": "วิสาหกิจชุมชนกล้วยตากบ้านนา",
        "contact": "นางสมศรี รักไทย",
        "contact_phone": "",
        "request_no": "R2570-IPC1-00003",
        "lab_no": "L2570-IPC1-00011",
        "description": "กล้วยตากอบน้ำผึ้ง",
        "product_type": "food",
        "quantity": "3 ถุง",
        "condition": "ปกติ",
        "storage": "อุณหภูมิห้อง",
        "sampling_date": None,
        "received_at": "2026-11-18T10:48+07:00",
        "received_by": "นายประเสริฐ วงศ์สวัสดิ์",
        "received_by_position": "นักวิทยาศาสตร์",
        "due_on": "2026-11-28",
        "tests": [{"test": "ความชื้น", "method": "AOAC 925.10", "fee": 300.0}],
    }
    pdf = tmp_path / "rc.pdf"
    render_receipt(receipt, pdf)
    flat = " ".join(pdftext(pdf).split())
    for s in (
        "ใบรับตัวอย่าง",
        "L2570-IPC1-00011",
        "18 พ.ย. 2569 เวลา 10.48 น.",
        "28 พฤศจิกายน พ.ศ. 2569",
        "ตัดตามเส้นประ",
    ):
        assert s in flat, s
    assert drawn == ["L2570-IPC1-00011"] * 3  # the receipt's own and two labels
    assert segno.make("L2570-IPC1-00011", error="m").designator  # the payload is a plain QR of the number


@pytest.mark.skipif(
    not (shutil.which("zbarimg") and shutil.which("pdftoppm")), reason="zbar-tools not installed"
)
def test_the_label_barcode_reads_from_a_150_dpi_scan(tmp_path: Path) -> None:
    """Bars 0.22 mm wide were 1.3 pixels at 150 dpi and did not read; each label's Code 128 must."""
    from PIL import Image

    lab_no = "L2570-IPC1-00011"
    pdf = tmp_path / "rc.pdf"
    render_receipt({"lab_no": lab_no, "description": "กล้วยตากอบน้ำผึ้ง", "received_at": "2026-11-18T10:48",
                    "tests": []}, pdf)  # fmt: skip
    subprocess.run(["pdftoppm", "-r", "150", "-gray", "-png", str(pdf), str(tmp_path / "p")], check=True)
    page = Image.open(next(tmp_path.glob("p*.png")))
    w, h = page.size
    labels = page.crop((0, h // 2, w, h))  # the two labels to cut out, side by side
    read = []
    for i, box in enumerate(((0, 0, w // 2, h // 2), (w // 2, 0, w, h // 2))):
        path = tmp_path / f"label{i}.png"
        labels.crop(box).save(path)
        out = subprocess.run(["zbarimg", "-q", "--raw", "-Sdisable", "-Scode128.enable", str(path)],
                             capture_output=True, text=True)  # fmt: skip
        read.append(out.stdout.strip())
    assert read == [lab_no, lab_no]
