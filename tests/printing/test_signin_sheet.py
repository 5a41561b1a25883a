"""The barcode sign-in sheet: A4, Thai, every code read back by zbarimg from a 150 dpi rendering."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from dipdesk.printing.signin_sheet import SheetPerson, SigninSheet, render_signin_sheet

TOOLS = shutil.which("zbarimg") and shutil.which("pdftoppm")
# screenshots for docs/screenshots when DIPDESK_SCREENSHOTS names that folder; else a temporary one
SHOTS = Path(os.environ.get("DIPDESK_SCREENSHOTS") or tempfile.mkdtemp(prefix="shots-"))


def _sheet(n: int) -> SigninSheet:
    names = ["นางสาวฤดี ฦๅษา", "นายสมชาย ใจดี", "นางสมศรี รักไทย", "นายวิชัย มั่นคงเจริญรุ่งเรืองกิจ"]
    return SigninSheet(
        activity_code="A-001",
        activity_title="อบรมการตลาดออนไลน์สำหรับวิสาหกิจชุมชน",
        day=dt.date(2026, 12, 5),
        session_seq=2,
        hours="6",
        venue="ศูนย์ส่งเสริมอุตสาหกรรมภาคที่ 1",
        people=[
            SheetPerson(
                i + 1, names[i % 4], "วิสาหกิจชุมชนข้าวหอม" if i % 2 else "", f"9{i * 7919 + 10**14:015d}"
            )
            for i in range(n)
        ],
    )


@pytest.mark.skipif(not TOOLS, reason="zbar-tools and poppler-utils are not installed")
def test_every_code_is_read_back(tmp_path: Path) -> None:
    sheet = _sheet(17)
    pdf = tmp_path / "signin.pdf"
    pages = render_signin_sheet(sheet, pdf)
    assert pages == 2
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "ใบลงชื่อเข้าอบรม" in text and "หน้า 2 / 2" in text and "ไม่ได้ลงทะเบียนไว้" in text
    assert "5 ธันวาคม พ.ศ. 2569" in text
    subprocess.run(["pdftoppm", "-r", "150", "-png", str(pdf), str(tmp_path / "p")], check=True)
    read: list[str] = []
    for png in sorted(tmp_path.glob("p-*.png")):
        out = subprocess.run(["zbarimg", "-q", "--raw", "-Sdisable", "-Scode128.enable", str(png)],
                             capture_output=True, text=True)  # fmt: skip
        read += out.stdout.split()
    assert sorted(read) == sorted(p.code for p in sheet.people)
    SHOTS.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-r", "50", "-png", "-singlefile", str(pdf), str(SHOTS / "signin_sheet")],
                   check=True)  # fmt: skip


def test_walk_ins_get_their_own_page_when_the_last_one_is_full(tmp_path: Path) -> None:
    assert render_signin_sheet(_sheet(13), tmp_path / "a.pdf") == 2  # 13 rows fill page 1
    assert render_signin_sheet(_sheet(0), tmp_path / "b.pdf") == 1
