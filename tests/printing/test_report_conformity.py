"""The printed report's conformity content (ISO/IEC 17025 7.8.6, 7.8.2.2, 7.8.3.1 a), read back with
pdftotext: statements per row, sums judged as sums, counts to two significant figures."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from dipdesk.printing.lab_forms import render_report
from tests.printing.test_lab_forms import TESTS, _result, content, pdftext

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")


def _row(i: int, **kw: Any) -> dict[str, Any]:
    r = _result(10 + i, TESTS[0])
    r.update(uncertainty=None, deviation="", external_provider="", limit_flag="", spec_min=None, code=f"X{i}")
    r.update(kw)
    return r


def _report(tmp_path: Path, results: list[dict[str, Any]], **extra: Any) -> str:
    pdf = tmp_path / "r.pdf"
    render_report(content(0, results=results, **extra), pdf)
    return "".join(pdftext(pdf, mode="-raw").split())  # where a line wraps depends on column widths


def test_each_judged_row_states_its_limit_and_cited_source(tmp_path: Path) -> None:
    rows = [
        _row(0, test="ความชื้น", test_en="Moisture", unit="%", value=10.0, value_text="10.0", decimals=1,
             spec_max=12.0, standard="มาตรฐานผลิตภัณฑ์ชุมชน มผช. 8/2546", verdict="pass"),
        _row(1, test="ค่าวอเตอร์แอคทิวิตี", test_en="Water activity", unit="", value=0.82, value_text="0.82",
             decimals=2, spec_max=0.85, standard="มาตรฐานผลิตภัณฑ์ชุมชน (มผช.)", verdict="warning"),
    ]  # fmt: skip
    text = _report(tmp_path, rows)
    assert "ข้อกำหนด≤12%ตามมาตรฐานผลิตภัณฑ์ชุมชนมผช.8/2546" in text
    # a source without its number and year is printed as such, not passed off as a citation
    assert "ข้อกำหนด≤0.85ตามมาตรฐานผลิตภัณฑ์ชุมชน(มผช.)(ไม่ระบุเลขที่และปีของมาตรฐาน)" in text
    # the near-limit mark is part of the stated decision rule
    rule = text[text.index("หลักเกณฑ์การตัดสิน") :]
    assert "(ใกล้เกณฑ์)" in rule[:400]


def test_a_sum_limit_is_judged_on_the_sum(tmp_path: Path) -> None:
    std = "EN 13428 / 94/62/EC (heavy metals in packaging)"
    rows = [
        _row(i, test=th, test_en=en, unit="mg/kg", value=v, value_text=str(v), decimals=1, spec_max=100.0,
             standard=std, verdict="pass")
        for i, (th, en, v) in enumerate(
            [("ตะกั่ว", "Lead (Pb)", 45.0), ("แคดเมียม", "Cadmium (Cd)", 40.0), ("ปรอท", "Mercury (Hg)", 30.0)]
        )
    ]  # fmt: skip
    text = _report(tmp_path, rows)
    assert "ผลรวมPb+Cd+Hg+Cr(VI)(sum)115.0–≤100ไม่ผ่าน" in text
    assert text.count("ตัดสินจากผลรวมPb+Cd+Hg+Cr(VI)") == 3
    assert "ไม่ได้ทดสอบCr(VI)" in text
    assert "94/62/EC" in text


def test_counts_conditions_and_customer_sampling_are_stated(tmp_path: Path) -> None:
    rows = [
        _row(0, test="จุลินทรีย์ทั้งหมด", test_en="Total plate count", unit="CFU/g", value=5811.0,
             value_text="5811", decimals=0, spec_max=10000.0, standard="มผช. 8/2546", verdict="pass",
             standard_ref="ISO 4833-1:2013", method="Pour plate"),
        _row(1, test="ความต้านแรงดึง", test_en="Tensile strength", unit="N", value=412.5, value_text="412.5",
             decimals=1, standard_ref="ISO 13934-1:2013", method="Strip method", verdict="no_spec", standard=""),
    ]  # fmt: skip
    text = _report(tmp_path, rows)
    assert "5.8×103" in text or "5.8×10³" in text
    assert "5,811" not in text
    assert "สภาวะการทดสอบ:ปรับสภาวะและทดสอบในบรรยากาศมาตรฐานตามISO139" in text
    assert "สภาวะการทดสอบ:บ่มเพาะเชื้อที่30°C" in text
    assert "ได้รับจากผู้ขอรับบริการ" in text and "ตามสภาพที่ได้รับ" in text
    assert "วันที่เก็บตัวอย่าง‡" in text
