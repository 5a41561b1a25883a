"""Issue 15's printed forms: the worksheet with its QC, the fee quote, the receipt of payment, and the
test report's signed QR. Each is rendered to PDF, its text read back with MuPDF (Thai intact, nothing
cut), rasterised with pdftoppm (kept under $DIPDESK_SCREENSHOTS when set, to look at); the report's QR
is read back from the page image with zbarimg and verified offline."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pymupdf
import pytest

from dipdesk.printing.lab_forms import render_report
from dipdesk.printing.lab_payment import render_quote, render_receipt_of_payment
from dipdesk.printing.lab_worksheet import render_worksheet
from dipdesk.services import lab
from dipdesk.services.lab import calibration as cal
from dipdesk.services.lab import payments
from dipdesk.services.lab import report_qr as rq
from dipdesk.services.lab import worksheets as wsv
from dipdesk.store.lab import LabRequest
from tests.services.lab.test_lab import Lab, _analyses, _received, _verified_sample


def _raster(pdf: Path, tmp_path: Path, name: str, dpi: int = 100) -> list[Path]:
    prefix = tmp_path / name
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(prefix)], check=True, timeout=60)
    pngs = sorted(tmp_path.glob(f"{name}*.png"))
    shots = os.environ.get("DIPDESK_SCREENSHOTS")
    if shots:
        for png in pngs:
            shutil.copy(png, Path(shots) / png.name)
    return pngs


def _text(pdf: Path) -> str:
    with pymupdf.open(pdf) as doc:
        return "\n".join(page.get_text() for page in doc)


def test_the_worksheet_prints_its_samples_and_qc(labs: Lab, tmp_path: Path) -> None:
    icp = cal.add_instrument(labs.admin, code="ICP-01", name="ICP-OES Agilent 5110", tests=["PB"],
                             calibration_due_on=dt.date.today() + dt.timedelta(days=90))  # fmt: skip
    samples = _received(labs, n=4)
    pbs = [_analyses(labs.tech, s)["PB"] for s in samples]
    ws = wsv.create_worksheet(labs.tech, pbs, test=lab.test_by_code(labs.tech.session, "PB"), instrument=icp)
    material = wsv.add_control_material(labs.admin, code="CRM-PB", name="CRM ตะกั่วในข้าว", test_code="PB",
                                        target=0.5, sd=0.02)  # fmt: skip
    wsv.enter_results(labs.tech, ws, {pbs[0].id: "0.125", pbs[1].id: "<0.01"})
    wsv.record_qc(labs.tech, wsv.add_qc(labs.tech, ws, "blank"), "ND")
    wsv.record_qc(labs.tech, wsv.add_qc(labs.tech, ws, "reference", material=material), "0.57")
    wsv.record_qc(labs.tech, wsv.add_qc(labs.tech, ws, "duplicate", duplicate_of=pbs[0]), "0.127")
    pdf = tmp_path / "worksheet.pdf"
    pages = render_worksheet(wsv.worksheet_content(labs.tech.session, ws), pdf)
    text = _text(pdf)
    for expected in ("ใบงานทดสอบ", ws.worksheet_no, "ตะกั่ว", "ICP-01", samples[3].lab_no, "วัสดุควบคุม",
                     "1-3s", "0.5 ± 0.02", "ผู้ทดสอบ", "ระงับผล"):  # fmt: skip
        assert expected in text, expected
    assert len(_raster(pdf, tmp_path, "worksheet")) == pages <= 2


def test_quote_and_receipt_of_payment(labs: Lab, tmp_path: Path) -> None:
    q = payments.quote(labs.tech.session, ["PB", "MOIST", "PH"], samples=3)
    content = payments.quote_content(
        labs.tech.session, q, customer="วิสาหกิจชุมชนกล้วยตากบ้านนา", quoted_by="นายประเสริฐ"
    )
    pdf = tmp_path / "quote.pdf"
    assert render_quote(content, pdf) == 1
    text = _text(pdf)
    assert "ใบเสนอราคาค่าบริการทดสอบ" in text and "3,750.00" in text and "สามพันเจ็ดร้อยห้าสิบบาทถ้วน" in text
    _raster(pdf, tmp_path, "quote")
    sample = _received(labs)[0]
    request = labs.tech.session.get(LabRequest, sample.request_id)
    assert request is not None
    p = payments.record_payment(labs.tech, request, "500", method="transfer", reference="KTB 0012")
    pdf = tmp_path / "receipt.pdf"
    assert render_receipt_of_payment(payments.receipt_content(labs.tech, p), pdf) == 1
    text = _text(pdf)
    assert (
        p.receipt_no in text and "ห้าร้อยบาทถ้วน" in text and "โอนเงิน KTB 0012" in text and "คงค้างชำระ" in text
    )
    _raster(pdf, tmp_path, "receipt")


@pytest.mark.skipif(shutil.which("zbarimg") is None, reason="zbar-tools (zbarimg) is not installed")
def test_the_published_report_prints_its_signed_qr(labs: Lab, tmp_path: Path) -> None:
    sample, _ = _verified_sample(labs)
    report = lab.publish_report(labs.verifier, sample)
    content = lab.printable_content(labs.tech.session, report)
    pdf = tmp_path / "report.pdf"
    render_report(content, pdf)
    pages = _raster(pdf, tmp_path, "report", dpi=150)
    out = subprocess.run(
        ["zbarimg", "--raw", "-q", str(pages[-1])], capture_output=True, text=True, timeout=60
    )
    codes = [line for line in out.stdout.splitlines() if line.startswith("DR1:")]
    assert codes == [content["qr"]]
    assert rq.read_code(labs.tech.session, codes[0], content).valid
    assert "สแกนคิวอาร์โค้ด" in _text(pdf)
