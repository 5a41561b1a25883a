"""Issue 15 through the services: instruments and calibration (a blocked instrument, the lab head's
override on the report), instrument output import with per-row errors, worksheets with QC samples whose
Westgard failure holds verification until the lab head decides, the control chart, turnaround."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from dipdesk.services import lab
from dipdesk.services.errors import PermissionDenied, ServiceError
from dipdesk.services.lab import calibration as cal
from dipdesk.services.lab import instruments as inst
from dipdesk.services.lab import worksheets as wsv
from dipdesk.services.lab.catalog import test_by_code as code_of
from dipdesk.store.auth import AuditEntry
from dipdesk.store.instruments import LabInstrument
from dipdesk.store.lab import LabAnalysis, LabSample
from dipdesk.store.lab_qc import LabControlMaterial, LabWorksheet
from tests.services.lab.test_lab import Lab, _analyses, _received

TODAY = dt.date.today()


def _sample(labs: Lab, a: LabAnalysis) -> LabSample:
    sample = labs.tech.session.get(LabSample, a.sample_id)
    assert sample is not None
    return sample


def _icp(labs: Lab, due: dt.date | None = None) -> LabInstrument:
    return cal.add_instrument(
        labs.admin, code="icp-01", name="ICP-OES Agilent 5110", tests=["PB"], make_model="Agilent 5110",
        serial_no="MY1234", calibration_due_on=due or TODAY + dt.timedelta(days=100),
    )  # fmt: skip


def test_a_result_on_an_overdue_instrument_is_blocked_unless_the_lab_head_overrides(labs: Lab) -> None:
    icp = _icp(labs, due=TODAY - dt.timedelta(days=3))
    assert cal.calibration_status(icp) == "overdue"
    sample = _received(labs)[0]
    pb = _analyses(labs.tech, sample)["PB"]
    with pytest.raises(cal.InstrumentBlocked, match="calibration due date"):
        lab.set_result(labs.tech, pb, "0.25", instrument=icp)
    assert pb.value is None and pb.instrument_id is None
    with pytest.raises(PermissionDenied):  # a technician may not override
        lab.set_result(labs.tech, pb, "0.25", instrument=icp, override_reason="ด่วน")
    lab.set_result(labs.verifier, pb, "0.25", instrument=icp, override_reason="ตรวจด้วย CRM แล้วผ่าน")
    assert pb.value == 0.25 and pb.override_by == labs.verifier.user_id
    trail = labs.tech.session.scalars(
        select(AuditEntry).where(AuditEntry.record_id == pb.id, AuditEntry.action == "override")
    ).all()
    assert len(trail) == 1 and trail[0].reason == "ตรวจด้วย CRM แล้วผ่าน"
    # a calibration record moves the due date; a failed one blocks at once
    cal.record_event(labs.admin, icp, performed_on=TODAY, next_due_on=TODAY + dt.timedelta(days=365),
                     provider="สถาบันมาตรวิทยาแห่งชาติ", certificate_no="C-123")  # fmt: skip
    assert cal.calibration_status(icp) == "ok"
    with pytest.raises(ServiceError):
        cal.record_event(labs.admin, icp, performed_on=TODAY)
    assert [e.certificate_no for e in cal.events_of(labs.admin.session, icp.id)] == ["C-123"]
    # the override is printed on the report as a deviation
    for code, a in _analyses(labs.tech, sample).items():
        if code != "PB":
            if code == "MOIST":
                lab.set_result(labs.tech, a, interim={"wet": "3", "dry": "2.7"})
            else:
                lab.set_result(labs.tech, a, {"CFAST": "4", "APPEAR": "ปกติ", "TPC": "100"}.get(code, "5"))
    lab.submit(labs.tech, list(_analyses(labs.tech, sample).values()))
    lab.verify(labs.verifier2, list(_analyses(labs.tech, sample).values()))
    report = lab.publish_report(labs.verifier, sample)
    row = next(r for r in report.content["results"] if r["code"] == "PB")
    assert (
        "ICP-01" in row["deviation"] and "เลยกำหนดสอบเทียบ" in row["deviation"] and "CRM" in row["deviation"]
    )


def test_an_analysis_already_on_an_overdue_instrument_cannot_get_a_new_result(labs: Lab) -> None:
    icp = _icp(labs)
    pb = _analyses(labs.tech, _received(labs)[0])["PB"]
    lab.set_result(labs.tech, pb, "0.30", instrument=icp)
    icp.calibration_due_on = TODAY - dt.timedelta(days=1)
    with pytest.raises(cal.InstrumentBlocked):
        lab.set_result(labs.tech, pb, "0.31")
    with pytest.raises(ServiceError, match="not used for"):
        lab.set_result(labs.tech, _analyses(labs.tech, _received(labs)[0])["PH"], "6", instrument=icp)


def test_instrument_output_is_imported_with_per_row_errors(labs: Lab, tmp_path: Path) -> None:
    icp = _icp(labs)
    s1, s2 = _received(labs, n=2)
    csv_path = tmp_path / "icp.csv"
    csv_path.write_text(
        "\ufeffSample Name;Element;Conc (mg/kg)\n"
        f"{s1.lab_no};Pb 220.353;0.125\n"
        f"{s2.lab_no};Pb 220.353;<0.01\n"
        "L2569-NOPE-00001;Pb 220.353;0.2\n"
        f"{s1.lab_no};Cd 228.802;0.01\n"
        f"{s2.lab_no};Pb 220.353;abc\n"
        ";;\n",
        encoding="utf-8",
    )
    columns = {"lab_no": "Sample Name", "analyte": "Element", "value": "Conc (mg/kg)"}
    out = inst.import_readings(
        labs.tech, icp, inst.read_rows(csv_path), columns=columns, analytes={"Pb 220.353": "PB"}
    )
    assert out.entered == 2
    assert [(e.row, e.analyte) for e in out.errors] == [
        (4, "Pb 220.353"),
        (5, "Cd 228.802"),
        (6, "Pb 220.353"),
    ]
    assert "no sample" in out.errors[0].message_en and "has no test" in out.errors[1].message_en
    a1, a2 = _analyses(labs.tech, s1)["PB"], _analyses(labs.tech, s2)["PB"]
    assert a1.value == 0.125 and a1.instrument_id == icp.id and a2.limit_flag == "<"
    # the same from an xlsx export
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Sample ID", "Analyte", "Result"])
    ws.append([s1.lab_no, "PB", 0.5])
    ws.append([s1.lab_no, "PH", 6.1])
    wb.save(tmp_path / "ph.xlsx")
    lab.submit(labs.tech, [a2])
    out = inst.import_readings(labs.tech, icp, inst.read_rows(tmp_path / "ph.xlsx"))
    assert out.entered == 1 and a1.value == 0.5
    assert len(out.errors) == 1 and "not used for" in out.errors[0].message_en


def _worksheet(labs: Lab, n: int = 3) -> tuple[LabWorksheet, list[LabAnalysis], LabControlMaterial]:
    icp = _icp(labs)
    samples = _received(labs, n=n)
    pbs = [_analyses(labs.tech, s)["PB"] for s in samples]
    ws = wsv.create_worksheet(labs.tech, pbs, test=code_of(labs.tech.session, "PB"), instrument=icp)
    material = wsv.add_control_material(
        labs.admin, code="crm-pb", name="CRM ตะกั่วในข้าว", test_code="PB", target=0.50, sd=0.02, lot="L7"
    )
    return ws, pbs, material


def test_a_qc_failure_holds_the_worksheet_until_the_lab_head_releases_it(labs: Lab) -> None:
    ws, pbs, material = _worksheet(labs)
    with pytest.raises(ServiceError, match="already on"):
        wsv.create_worksheet(labs.tech, pbs[:1])
    out = wsv.enter_results(labs.tech, ws, {pbs[0].id: "0.12", pbs[1].id: "0.08", pbs[2].id: "x"})
    assert out.entered == 2 and len(out.errors) == 1
    wsv.enter_results(labs.tech, ws, {pbs[2].id: "0.10"})
    assert pbs[0].instrument_id == ws.instrument_id
    # earlier runs of the control, then today's: +2.5 SD after +2.25 SD trips 2-2s
    base = dt.datetime(2026, 1, 1, 9)
    for i, v in enumerate(("0.50", "0.49", "0.545")):
        q = wsv.add_qc(labs.tech, ws, "reference", material=material)
        wsv.record_qc(labs.tech, q, v, measured_at=base + dt.timedelta(days=i))
    assert ws.qc_state == "pass"  # 1-2s is a warning only
    q = wsv.add_qc(labs.tech, ws, "reference", material=material)
    assert wsv.record_qc(labs.tech, q, "0.55") == "fail" and q.rules == ["1-2s", "2-2s"]
    assert ws.qc_state == "hold" and "2-2s" in ws.qc_note
    assert wsv.submit_worksheet(labs.tech, ws) == 3
    with pytest.raises(ServiceError, match="QC hold"):
        lab.verify(labs.verifier, pbs)
    with pytest.raises(PermissionDenied):
        wsv.decide(labs.tech, ws, "release", "ตรวจสอบแล้ว")
    with pytest.raises(ServiceError):
        wsv.decide(labs.verifier, ws, "release", " ")
    wsv.decide(labs.verifier, ws, "release", "สอบเทียบใหม่และวัด CRM ซ้ำได้ 0.51 ผลตัวอย่างไม่กระทบ")
    assert lab.verify(labs.verifier, pbs) == 3
    chart = wsv.control_chart(labs.tech.session, material)
    assert [p.outcome for p in chart] == ["pass", "pass", "warn", "fail"]
    assert chart[-1].worksheet_no == ws.worksheet_no


def test_a_rejected_worksheet_retracts_its_results_and_blank_and_duplicate_are_judged(labs: Lab) -> None:
    ws, pbs, _material = _worksheet(labs, n=2)
    wsv.enter_results(labs.tech, ws, {pbs[0].id: "0.200", pbs[1].id: "0.300"})
    blank = wsv.add_qc(labs.tech, ws, "blank")
    assert wsv.record_qc(labs.tech, blank, "<0.01") == "pass"
    dup = wsv.add_qc(labs.tech, ws, "duplicate", duplicate_of=pbs[0])
    assert wsv.record_qc(labs.tech, dup, "0.205") == "pass"  # RPD 2.5 %
    dup2 = wsv.add_qc(labs.tech, ws, "duplicate", duplicate_of=pbs[1])
    assert wsv.record_qc(labs.tech, dup2, "0.40") == "fail"  # RPD 28.6 %
    assert ws.qc_state == "hold"
    wsv.submit_worksheet(labs.tech, ws)
    assert wsv.decide(labs.verifier, ws, "reject", "ผลซ้ำต่างกันเกินเกณฑ์ ทดสอบใหม่ทั้งชุด") == 2
    assert {a.state for a in pbs} == {"retracted"}
    retests = [_analyses(labs.tech, _sample(labs, a))["PB"] for a in pbs]
    assert all(r.state == "registered" and r.worksheet_id is None for r in retests)
    with pytest.raises(ServiceError, match="closed"):  # the worksheet is closed now
        wsv.add_qc(labs.tech, ws, "blank")


def test_turnaround_against_the_catalog_target(labs: Lab) -> None:
    sample = _received(labs)[0]
    rows = wsv.turnaround(labs.tech.session, today=TODAY + dt.timedelta(days=6))
    mine = {r.code: r for r in rows if r.lab_no == sample.lab_no}
    assert mine["MOIST"].target_days == 5 and mine["MOIST"].elapsed_days == 6 and mine["MOIST"].late
    assert mine["PB"].target_days == 10 and not mine["PB"].late and mine["PB"].days_left == 4
    assert rows[0].late  # the most overdue first
