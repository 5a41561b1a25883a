"""Issue 15 from the command line: retract/reject as in the GUI, instruments and the calibration block,
worksheets with QC and the lab head's decision, the signed report, retention and disposal, money."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import Engine

from dipdesk.services import lab
from dipdesk.services.errors import ServiceError
from dipdesk.services.lab import payments, retention
from dipdesk.store.db import transaction
from dipdesk.store.lab import LabRequest
from tests.services.lab.test_lab import Lab, _received, _verified_sample


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    from dipdesk.cli import main

    monkeypatch.setenv("DIPDESK_PASSWORD", "password-123")  # the lab users' password (CLI --user)
    db = str(tmp_path / "lab.sqlite3")

    def run(*argv: str) -> tuple[int, str, str]:
        code = main(["--db", db, "lab", *argv])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def _lab_no(engine: Engine, tests: list[str]) -> str:
    with transaction(engine) as s:
        ctx = lab.lab_context(s, lab.user_by_name(s, "tech").id)
        req = lab.create_request(ctx, customer_name="ร้านป้าแดง", samples=[lab.SampleInput("น้ำพริกเผา", tests)])
        sample = lab.request_samples(s, req.id)[0]
        lab.receive_sample(ctx, sample, condition="ปกติ")
        return sample.lab_no


def test_retract_and_reject_from_the_command_line(engine: Engine, cli) -> None:  # type: ignore[no-untyped-def]
    lab_no = _lab_no(engine, ["PH", "PB"])
    assert cli("result", lab_no, "PH", "6.5", "--user", "tech")[0] == 0
    assert cli("submit", lab_no, "PH", "--user", "tech")[0] == 0
    code, _, err = cli("retract", lab_no, "PH", "--reason", " ", "--user", "tech")
    assert code == 1 and "reason" in err
    code, out, _ = cli("retract", lab_no, "PH", "--reason", "อิเล็กโทรดเสื่อม", "--user", "tech")
    assert code == 0 and "retest registered" in out
    code, _, err = cli("reject", lab_no, "PB", "--reason", "ตัวอย่างไม่พอ", "--user", "tech")
    assert code == 1 and "not allowed" in err  # rejecting is the verifier's
    assert cli("reject", lab_no, "PB", "--reason", "ตัวอย่างไม่พอ", "--user", "ver")[0] == 0
    code, out, _ = cli("show", lab_no)
    assert "retracted" in out and "rejected" in out and out.count("PH") == 2


def test_instrument_worksheet_qc_and_decision_from_the_command_line(
    engine: Engine, cli, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    lab_no = _lab_no(engine, ["PB"])
    overdue = (dt.date.today() - dt.timedelta(days=2)).isoformat()
    assert (
        cli(
            "instrument",
            "add",
            "ICP1",
            "--name",
            "ICP-OES",
            "--tests",
            "PB",
            "--due",
            overdue,
            "--user",
            "ver",
        )[0]
        == 0
    )
    code, out, _ = cli("instrument", "list")
    assert "ICP1" in out and "overdue" in out
    assert cli("worksheet", "create", "PB", lab_no, "--instrument", "ICP1", "--user", "tech")[0] == 0
    (tmp_path / "icp.csv").write_text(f"Sample ID,Analyte,Result\n{lab_no},PB,0.12\n", encoding="utf-8")
    code, out, _ = cli("import", "ICP1", str(tmp_path / "icp.csv"), "--user", "tech")
    assert code == 1 and "calibration due date" in out and "0 results entered" in out
    next_due = (dt.date.today() + dt.timedelta(days=365)).isoformat()
    assert (
        cli("calibrate", "ICP1", "--on", dt.date.today().isoformat(), "--next", next_due, "--user", "ver")[0]
        == 0
    )
    code, out, _ = cli("import", "ICP1", str(tmp_path / "icp.csv"), "--user", "tech")
    assert code == 0 and "1 results entered" in out
    assert cli("material", "add", "CRM1", "--name", "CRM Pb", "--test", "PB", "--target", "0.5", "--sd", "0.02",
               "--user", "ver")[0] == 0  # fmt: skip
    code, _, err = cli("worksheet", "show", "WS-NONE")
    assert code == 1 and "no worksheet" in err  # an unknown number: an error, not a crash
    with transaction(engine) as s:
        from dipdesk.services.lab import worksheets as wsv

        ws_no = wsv.worksheets(s)[0].worksheet_no
    code, out, _ = cli("qc", ws_no, "reference", "0.62", "--material", "CRM1", "--user", "tech")
    assert code == 0 and "fail" in out and "1-3s" in out and "QC hold" in out
    assert cli("submit", lab_no, "--user", "tech")[0] == 0
    code, _, err = cli("verify", lab_no, "--user", "ver")
    assert code == 1 and "QC hold" in err
    assert cli("decide", ws_no, "release", "--reason", "ตรวจ CRM ซ้ำผ่าน", "--user", "ver")[0] == 0
    assert cli("verify", lab_no, "--user", "ver")[0] == 0
    code, out, _ = cli("chart", "CRM1")
    assert code == 0 and "1-3s" in out and "z=+6.00" in out
    code, out, _ = cli("worksheet", "show", ws_no)
    assert lab_no in out and "released" in out
    code, out, _ = cli("worksheet", "print", ws_no, "--out", str(tmp_path / "ws.pdf"))
    assert code == 0 and "page(s)" in out and (tmp_path / "ws.pdf").read_bytes().startswith(b"%PDF")
    code, out, _ = cli("turnaround")
    assert code == 0


def test_signed_report_retention_disposal_and_payment(labs: Lab, engine: Engine, cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sample, _ = _verified_sample(labs)
    report = lab.publish_report(labs.verifier, sample)
    labs.tech.session.commit()
    out_pdf = tmp_path / "signed.pdf"
    assert cli("sign", report.report_no, "--out", str(out_pdf), "--user", "ver")[0] == 0
    code, out, _ = cli("check-pdf", str(out_pdf))
    assert code == 0 and out.startswith("valid") and "IPC1" in out
    bad = bytearray(out_pdf.read_bytes())
    i = bad.index(b"stream") + 40  # inside the first page's content, which the signature covers
    bad[i] ^= 1
    (tmp_path / "bad.pdf").write_bytes(bytes(bad))
    assert cli("check-pdf", str(tmp_path / "bad.pdf"))[0] == 1
    code, out, _ = cli("quote", "PB", "PH", "--samples", "2", "--out", str(tmp_path / "quote.pdf"))
    assert code == 0 and "total 1900.00 baht" in out and (tmp_path / "quote.pdf").exists()
    # retention: food kept 30 days; after that it is on the disposal list until disposed of
    retention.set_retention(labs.verifier, "food", 30)
    later = dt.date.today() + dt.timedelta(days=31)
    assert [i.lab_no for i in retention.disposal_due(labs.tech.session, later)] == [sample.lab_no]
    assert retention.disposal_due(labs.tech.session) == []
    with pytest.raises(ServiceError):
        retention.record_disposal(labs.tech, _received(labs)[0], method="เผา")  # not reported yet
    retention.record_disposal(labs.tech, sample, method="ย่อยสลายและทิ้งเป็นขยะอันตราย", witness="นายสมปอง")
    assert retention.disposal_due(labs.tech.session, later) == []
    with pytest.raises(ServiceError, match="already"):
        retention.record_disposal(labs.tech, sample, method="ซ้ำ")
    # money: a quote from the catalog, then payments up to the fees
    q = payments.quote(labs.tech.session, ["PB", "PH"], samples=2)
    assert q["total"] == "1900.00" and [x["amount"] for x in q["lines"]] == ["1600.00", "300.00"]
    request = labs.tech.session.get(LabRequest, sample.request_id)
    assert request is not None
    owed = payments.balance(labs.tech.session, request)
    assert owed == Decimal(request.fee_total) > 0
    with pytest.raises(ServiceError):
        payments.record_payment(labs.tech, request, owed + 1)
    with pytest.raises(ServiceError):
        payments.record_payment(labs.tech, request, "abc")
    p = payments.record_payment(labs.tech, request, "1,000", method="transfer")
    assert p.receipt_no.startswith("RCP") and payments.balance(labs.tech.session, request) == owed - 1000
    content = payments.receipt_content(labs.tech, p)
    assert content["amount"] == "1000.00" and content["method"] == "โอนเงิน"
