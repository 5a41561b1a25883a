"""Exports: .xlsx with Thai headers, BE dates, numbers that stay numbers, IDs that keep their zeros."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from dipdesk.services.exports import export_rows
from dipdesk.services.imports import read_table


def test_export_rows(tmp_path: Path) -> None:
    path = tmp_path / "out" / "people.xlsx"
    rows = [
        {"name": "นางสมศรี รักไทย", "registration_id": "0105550001232", "born": dt.date(1977, 3, 15),
         "budget": Decimal("1234567.5"), "count": 1200, "ok": True},
        {"name": "นายวิชัย มั่นคง", "registration_id": None, "born": None, "budget": Decimal(0), "count": 0, "ok": False},
    ]  # fmt: skip
    columns = ["name", "registration_id", "born", "budget", "count", "ok"]
    headers = {"name": "ชื่อ-นามสกุล", "registration_id": "เลขทะเบียน", "born": "วันเกิด", "budget": "งบประมาณ (บาท)",
               "count": "จำนวน", "ok": "ผ่าน"}  # fmt: skip
    n = export_rows(path, columns, rows, headers_th=headers, title="รายชื่อผู้เข้าอบรม")
    assert n == 2
    ws = load_workbook(path).active
    assert ws is not None
    assert [c.value for c in ws[3]] == list(headers.values())
    assert ws["A1"].value == "รายชื่อผู้เข้าอบรม"
    assert ws["B4"].value == "0105550001232" and ws["C4"].value == "15/03/2520"
    assert ws["D4"].value == pytest.approx(1234567.5) and ws["D4"].number_format == "#,##0.00"
    assert ws["E4"].value == 1200 and ws["F4"].value == "✓"
    assert ws.freeze_panes == "A4"
    # what we export, we can import again (BE dates read back)
    table = read_table(path)
    assert table.headers[:3] == ["ชื่อ-นามสกุล", "เลขทะเบียน", "วันเกิด"]
    assert not list(tmp_path.glob("out/*.part"))


def test_sequences_thai_digits_and_header_lists(tmp_path: Path) -> None:
    path = tmp_path / "x.xlsx"
    export_rows(path, ["a", "b"], [("หนึ่ง 1", dt.date(2020, 1, 2))], headers_th=["ก", "ข"], thai_digits=True,
                sheet_title="รายการ/ปี 2563")  # fmt: skip
    wb = load_workbook(path)
    ws = wb.active
    assert ws is not None and ws.title == "รายการ-ปี 2563"
    assert ws["A2"].value == "หนึ่ง ๑" and ws["B2"].value == "๐๒/๐๑/๒๕๖๓"
    with pytest.raises(ValueError):
        export_rows(path, ["a", "b"], [], headers_th=["ก"])
