"""Printed times are Bangkok times whatever the computer's zone; PDFs carry real Thai metadata."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from dipdesk.core.bangkok import BANGKOK, pdf_date, to_bangkok
from dipdesk.printing import certificates
from dipdesk.printing.lab_forms import render_receipt, render_report
from tests.printing.test_lab_forms import content

POPPLER = bool(shutil.which("pdfinfo") and shutil.which("pdftotext"))


@pytest.fixture(params=["UTC", "America/New_York", "Asia/Bangkok"])
def machine_zone(request: pytest.FixtureRequest) -> Iterator[str]:
    """Run with this computer set to another zone (POSIX TZ), then restore it."""
    old = os.environ.get("TZ")
    os.environ["TZ"] = request.param
    time.tzset()
    try:
        yield request.param
    finally:
        if old is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = old
        time.tzset()


def test_to_bangkok_reads_naive_times_as_utc_or_local(machine_zone: str) -> None:
    stored = dt.datetime(2026, 11, 18, 6, 5)  # naive UTC, as the database keeps it
    assert to_bangkok(stored).strftime("%H.%M") == "13.05"
    shown_here = stored.replace(tzinfo=dt.UTC).astimezone().replace(tzinfo=None)  # services.lab.local_time
    assert to_bangkok(shown_here, naive="local").strftime("%H.%M") == "13.05"
    assert to_bangkok(dt.datetime(2026, 11, 18, 23, 30, tzinfo=dt.UTC)).date() == dt.date(2026, 11, 19)
    assert re.fullmatch(r"D:\d{14}\+07'00'", pdf_date())


@pytest.mark.skipif(not POPPLER, reason="poppler-utils not installed")
def test_the_receipt_prints_the_bangkok_time_on_any_machine(machine_zone: str, tmp_path: Path) -> None:
    stored = dt.datetime(2026, 11, 18, 6, 5)
    local_naive = (
        stored.replace(tzinfo=dt.UTC).astimezone().replace(tzinfo=None).isoformat(timespec="minutes")
    )
    for received_at in (local_naive, "2026-11-18T06:05+00:00", "2026-11-18T13:05+07:00"):
        pdf = tmp_path / "rc.pdf"
        render_receipt({"lab_no": "L2570-IPC1-00011", "received_at": received_at, "tests": []}, pdf)
        text = " ".join(
            subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout.split()
        )
        assert "18 พ.ย. 2569 เวลา 13.05 น." in text, (machine_zone, received_at)


def _info(pdf: Path) -> dict[str, str]:
    out = subprocess.run(
        ["pdfinfo", "-rawdates", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in out.splitlines())}


@pytest.mark.skipif(not POPPLER, reason="poppler-utils not installed")
def test_pdfs_carry_thai_title_author_subject_and_the_real_creation_time(tmp_path: Path) -> None:
    before = dt.datetime.now(BANGKOK).replace(microsecond=0) - dt.timedelta(seconds=1)
    report = tmp_path / "r.pdf"
    render_report(content(2), report)
    info = _info(report)
    assert info["Title"] == "ใบรายงานผลการทดสอบ RPT2570-IPC1-00007"
    assert info["Author"] == "ห้องปฏิบัติการวิเคราะห์ทดสอบ ศูนย์ส่งเสริมอุตสาหกรรมภาคที่ 1"
    assert info["Subject"] == "รายงานผลการทดสอบตัวอย่าง L2570-IPC1-00011 ของ วิสาหกิจชุมชนกล้วยตากบ้านนา"
    created = dt.datetime.strptime(info["CreationDate"].replace("'", "")[2:], "%Y%m%d%H%M%S%z")
    assert info["CreationDate"].endswith("+07'00'")
    assert before <= created <= dt.datetime.now(BANGKOK) + dt.timedelta(seconds=1)

    page = certificates.CertificatePage(
        layout=certificates.Layout(elements=({"type": "text", "text": "{name}", "x_mm": 148, "y_mm": 80},)),
        values={"name": "นางสาวญาณิศา ฐิติพันธุ์"},
    )
    cert = tmp_path / "c.pdf"
    certificates.render([page], cert, title="เกียรติบัตร การอบรมหลักสูตร")
    info = _info(cert)
    assert info["Title"] == "เกียรติบัตร การอบรมหลักสูตร"
    assert info["Author"].startswith("กรมส่งเสริมอุตสาหกรรม")
    assert "คิวอาร์โค้ด" in info["Subject"]
    assert info["CreationDate"].endswith("+07'00'") and not info["CreationDate"].startswith("D:2000")
