"""The lab workflow through the services: numbers, reception, results, four-eyes, reports, amendments."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, func, select

from dipdesk.services import lab, numbering
from dipdesk.services.check import run_checks
from dipdesk.services.context import Context, current_site
from dipdesk.services.errors import PermissionDenied, ServiceError, ValidationError
from dipdesk.services.setup import create_user
from dipdesk.store.auth import AuditEntry
from dipdesk.store.certificates import SerialCounter
from dipdesk.store.db import open_database, session_factory, transaction
from dipdesk.store.lab import LabAnalysis, LabReport, LabSample, LabSettings


@dataclass
class Lab:
    admin: Context
    tech: Context
    verifier: Context
    verifier2: Context


def install_catalog(ctx: Context) -> None:
    """A small catalog: a calculated test, detection limits, a warning band, a choice and a text test."""
    lab.create_test(
        ctx, code="MOIST", name_th="ความชื้น", name_en="Moisture", kind="physical", method="อบแห้ง 105 °C",
        standard_ref="AOAC 925.10", unit="%", decimals=2, lod=0.1, uncertainty=0.15, accredited=True, fee=300,
        turnaround_days=5, formula="(wet - dry) / wet * 100",
        interim_fields=[{"key": "wet", "name_th": "น้ำหนักก่อนอบ", "unit": "g"},
                        {"key": "dry", "name_th": "น้ำหนักหลังอบ", "unit": "g"}],
    )  # fmt: skip
    lab.create_test(
        ctx, code="PB", name_th="ตะกั่ว", name_en="Lead", method="ICP-OES", standard_ref="AOAC 2015.01",
        unit="mg/kg", decimals=3, lod=0.01, uncertainty=10, uncertainty_is_percent=True, fee=800, turnaround_days=10,
    )  # fmt: skip
    lab.create_test(
        ctx, code="PH", name_th="ความเป็นกรด-ด่าง", kind="physical", method="pH meter", decimals=2, fee=150
    )
    lab.create_test(
        ctx, code="TPC", name_th="จุลินทรีย์ทั้งหมด", kind="microbiological", method="Pour plate", unit="CFU/g",
        decimals=0, lod=10, upper_limit=3_000_000, fee=400,
    )  # fmt: skip
    lab.create_test(
        ctx, code="CFAST", name_th="ความคงทนของสี", kind="physical", result_type="choice",
        choices=["1", "1-2", "2", "2-3", "3", "3-4", "4", "4-5", "5"], decimals=0, fee=500,
    )  # fmt: skip
    lab.create_test(ctx, code="APPEAR", name_th="ลักษณะทั่วไป", kind="physical", result_type="text", decimals=0)
    lab.create_specification(
        ctx, product_type="food", test_code="MOIST", max_value=12, warn_high=10, standard="มผช."
    )
    lab.create_specification(
        ctx, product_type="food", test_code="PB", max_value=1, warn_high=0.8, standard="ฉบับที่ 414"
    )
    lab.create_specification(ctx, product_type="food", test_code="PH", min_value=4, max_value=8, warn_low=4.5)


def _copy_sqlite(src: Path, dest: Path) -> None:
    a, b = sqlite3.connect(src), sqlite3.connect(dest)
    with b:
        a.backup(b)
    a.close()
    b.close()


@pytest.fixture(scope="module")
def _template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated database with a site, an admin, three lab users and the catalog, made once (migrating
    and argon2 hashing are slow); every test works on its own copy."""
    from dipdesk.services.setup import first_run

    path = tmp_path_factory.mktemp("lab") / "template.sqlite3"
    eng = open_database(path)
    with transaction(eng) as s:
        admin = first_run(s, "IPC1", "admin", "password-123", "ผู้ดูแลระบบ")
        ctx = Context(session=s, user=admin, site=current_site(s))  # type: ignore[arg-type]
        install_catalog(ctx)
        create_user(ctx, "tech", "password-123", full_name="นายประเสริฐ วงศ์สวัสดิ์", role="lab_technician")
        create_user(
            ctx, "ver", "password-123", full_name="นางสุดารัตน์ รุ่งเรืองกิจ", role="lab_verifier",
            position="หัวหน้าห้องปฏิบัติการ",
        )  # fmt: skip
        create_user(ctx, "ver2", "password-123", full_name="นายสมปอง ตรวจดี", role="lab_verifier")
    eng.dispose()
    return path


@pytest.fixture
def engine(_template: Path, tmp_path: Path) -> Iterator[Engine]:
    path = tmp_path / "lab.sqlite3"
    _copy_sqlite(_template, path)
    eng = open_database(path)
    yield eng
    eng.dispose()


@pytest.fixture
def labs(engine: Engine) -> Iterator[Lab]:
    with session_factory(engine)() as s:

        def as_(username: str) -> Context:
            return lab.lab_context(s, lab.user_by_name(s, username).id)

        yield Lab(as_("admin"), as_("tech"), as_("ver"), as_("ver2"))


def _request(
    ctx: Context, tests: tuple[str, ...] = ("MOIST", "PB", "PH", "TPC", "CFAST", "APPEAR"), n: int = 1
):
    return lab.create_request(
        ctx,
        customer_name="วิสาหกิจชุมชนกล้วยตากบ้านนา",
        contact_name="นางสมศรี รักไทย",
        contact_phone="0812345678",
        purpose="ประกอบการขอ อย.",
        samples=[
            lab.SampleInput(f"กล้วยตาก ชุดที่ {i + 1}", tests, product_type="food", quantity="3 ถุง")
            for i in range(n)
        ],
    )


def _samples(ctx: Context, request: Any) -> list[LabSample]:
    return list(
        ctx.session.scalars(
            select(LabSample).where(LabSample.request_id == request.id).order_by(LabSample.lab_no)
        )
    )


def _analyses(ctx: Context, sample: LabSample) -> dict[str, LabAnalysis]:
    rows = lab.sample_analyses(ctx.session, sample.id)
    return {
        r.code: ctx.session.get(LabAnalysis, r.id) for r in rows if r.state not in ("retracted", "rejected")
    }  # type: ignore[misc]


def _received(labs: Lab, n: int = 1) -> list[LabSample]:
    req = _request(labs.tech, n=n)
    samples = _samples(labs.tech, req)
    for s in samples:
        lab.receive_sample(labs.tech, s, condition="ปกติ บรรจุภัณฑ์ปิดสนิท", storage="อุณหภูมิห้อง")
    return samples


def _enter_all(labs: Lab, sample: LabSample) -> dict[str, LabAnalysis]:
    a = _analyses(labs.tech, sample)
    lab.set_result(labs.tech, a["MOIST"], interim={"wet": "3.0000", "dry": "2.7000"})
    lab.set_result(labs.tech, a["PB"], "ND")
    lab.set_result(labs.tech, a["PH"], "๖,๕")
    lab.set_result(labs.tech, a["TPC"], "1.2x10^4")
    lab.set_result(labs.tech, a["CFAST"], "4-5")
    lab.set_result(labs.tech, a["APPEAR"], "ชิ้นแห้ง สีน้ำตาลทอง")
    return a


def test_numbers_carry_fiscal_year_and_site_and_are_never_reused(labs: Lab) -> None:
    req = _request(labs.tech, n=3)
    fy = 2569 if dt.date.today() < dt.date(2026, 10, 1) else None
    nos = [s.lab_no for s in _samples(labs.tech, req)]
    assert all(n.startswith("L") and "-IPC1-" in n for n in nos)
    assert [n[-5:] for n in nos] == ["00001", "00002", "00003"]
    tag = numbering.device_tag(labs.tech.session)  # per device within the site (two offline laptops)
    assert all(n.split("-")[2] == tag for n in [*nos, req.request_no])
    if fy:
        assert nos[0] == f"L2569-IPC1-{tag}-00001" and req.request_no == f"R2569-IPC1-{tag}-00001"
    # a counter restored from an old backup skips numbers already on records
    counter = labs.tech.session.scalars(
        select(SerialCounter).where(SerialCounter.series == f"LAB-{tag}")
    ).one()
    counter.last = 1
    again = _request(labs.tech)
    assert _samples(labs.tech, again)[0].lab_no.endswith("-00004")
    assert float(req.fee_total) == 3 * (300 + 800 + 150 + 400 + 500)


def test_reception_needs_permission_condition_and_sets_the_due_date(labs: Lab) -> None:
    req = _request(labs.tech)
    sample = _samples(labs.tech, req)[0]
    viewer = create_user(labs.admin, "viewer", "password-123", role="viewer")
    with pytest.raises(PermissionDenied):
        lab.receive_sample(Context(labs.admin.session, viewer, labs.admin.site), sample, condition="ปกติ")
    with pytest.raises(ValidationError, match="condition"):
        lab.receive_sample(labs.tech, sample, condition="  ")
    a = _analyses(labs.tech, sample)
    with pytest.raises(ServiceError, match="received"):
        lab.set_result(labs.tech, a["PH"], "6.5")
    lab.receive_sample(labs.tech, sample, condition="ปกติ")
    assert sample.state == "received" and sample.received_by == labs.tech.user_id
    assert sample.due_on is not None and (sample.due_on - dt.date.today()).days in (9, 10, 11)  # Pb: 10 days
    with pytest.raises(ServiceError):
        lab.receive_sample(labs.tech, sample, condition="ปกติ")


def test_results_are_parsed_as_typed_stored_unrounded_and_calculated(labs: Lab) -> None:
    sample = _received(labs)[0]
    a = _enter_all(labs, sample)
    assert a["MOIST"].value == pytest.approx(10.0) and a["MOIST"].interim == {"wet": 3.0, "dry": 2.7}
    assert (a["PB"].limit_flag, a["PB"].value, a["PB"].value_text) == ("ND", None, "ND")
    assert a["PH"].value == 6.5 and a["PH"].value_text == "๖,๕"
    assert a["TPC"].value == 12000
    lab.set_result(labs.tech, a["PB"], "0.1234567")
    assert a["PB"].value == 0.1234567, "never rounded in storage"
    lab.set_result(labs.tech, a["PB"], "0.004")
    assert (a["PB"].limit_flag, a["PB"].value) == ("<", 0.004), "below the LOD is recorded as such"
    with pytest.raises(ValidationError):
        lab.set_result(labs.tech, a["CFAST"], "6")
    with pytest.raises(ValidationError):
        lab.set_result(labs.tech, a["PH"], "หกจุดห้า")
    rows = {r.code: r for r in lab.sample_analyses(labs.tech.session, sample.id)}
    assert rows["MOIST"].verdict == "pass" and rows["PB"].verdict == "pass" and rows["PH"].verdict == "pass"
    lab.set_result(labs.tech, a["MOIST"], interim={"dry": "2.6"})
    rows = {r.code: r for r in lab.sample_analyses(labs.tech.session, sample.id)}
    assert rows["MOIST"].value == pytest.approx(13.3333333) and rows["MOIST"].verdict == "fail"
    audit = labs.tech.session.scalars(
        select(AuditEntry).where(AuditEntry.record_id == a["MOIST"].id, AuditEntry.action == "result")
    ).all()
    assert len(audit) == 2 and audit[-1].user_id == labs.tech.user_id


def test_submit_needs_a_value_and_the_readings(labs: Lab) -> None:
    sample = _received(labs)[0]
    a = _analyses(labs.tech, sample)
    with pytest.raises(ServiceError, match="no result"):
        lab.submit(labs.tech, [a["PH"]])
    lab.set_result(labs.tech, a["MOIST"], interim={"wet": "3"})
    with pytest.raises(ServiceError):
        lab.submit(labs.tech, [a["MOIST"]])
    lab.set_result(labs.tech, a["PH"], "7")
    assert lab.submit(labs.tech, [a["PH"]]) == 1
    assert a["PH"].state == "to_be_verified" and a["PH"].submitted_by == labs.tech.user_id
    with pytest.raises(ServiceError):
        lab.set_result(labs.tech, a["PH"], "7.1")


def test_four_eyes_the_submitter_cannot_verify_their_own_result(labs: Lab) -> None:
    sample = _received(labs)[0]
    a = _analyses(labs.verifier, sample)
    lab.set_result(labs.verifier, a["PH"], "6.5")
    lab.submit(labs.verifier, [a["PH"]])
    assert not lab.can_verify(labs.verifier, a["PH"])
    with pytest.raises(PermissionDenied, match="four-eyes"):
        lab.verify(labs.verifier, [a["PH"]])
    assert a["PH"].state == "to_be_verified"
    with pytest.raises(PermissionDenied):
        lab.verify(labs.tech, [a["PH"]])  # a technician may not verify at all
    assert lab.can_verify(labs.verifier2, a["PH"])
    lab.verify(labs.verifier2, [a["PH"]])
    assert a["PH"].state == "verified" and a["PH"].verified_by == labs.verifier2.user_id


def test_self_verification_only_when_the_lab_allows_it(labs: Lab) -> None:
    lab.update_settings(labs.admin, allow_self_verification=True)
    sample = _received(labs)[0]
    a = _analyses(labs.verifier, sample)
    lab.set_result(labs.verifier, a["PH"], "6.5")
    lab.submit(labs.verifier, [a["PH"]])
    lab.verify(labs.verifier, [a["PH"]])
    assert a["PH"].verified_by == a["PH"].submitted_by
    entry = labs.admin.session.scalars(
        select(AuditEntry).where(AuditEntry.record_id == a["PH"].id, AuditEntry.action == "transition")
    ).all()[-1]
    assert entry.changes["state"] == ["to_be_verified", "verified"] and entry.changes["self_verified"] == [
        None,
        True,
    ]


def _verified_sample(labs: Lab) -> tuple[LabSample, dict[str, LabAnalysis]]:
    sample = _received(labs)[0]
    a = _enter_all(labs, sample)
    lab.submit(labs.tech, list(a.values()))
    lab.verify(labs.verifier, list(a.values()))
    return sample, a


def test_publish_only_when_all_verified_then_immutable_and_amended(labs: Lab, engine: Engine) -> None:
    sample = _received(labs)[0]
    a = _enter_all(labs, sample)
    lab.submit(labs.tech, list(a.values()))
    lab.verify(labs.verifier, [a["PH"]])
    with pytest.raises(ServiceError, match="not verified"):
        lab.publish_report(labs.verifier, sample)
    with pytest.raises(ServiceError, match="not verified"):
        lab.report_for_print(labs.tech.session, sample.lab_no)
    draft = lab.report_for_print(labs.tech.session, sample.lab_no, draft=True)
    assert draft["draft"] and len(draft["results"]) == 6
    lab.verify(labs.verifier, [x for k, x in a.items() if k != "PH"])
    assert sample.state == "verified"
    with pytest.raises(PermissionDenied):
        lab.publish_report(labs.tech, sample)
    report = lab.publish_report(labs.verifier, sample)
    assert report.state == "published" and sample.state == "published"
    assert all(x.state == "published" for x in a.values())
    assert report.content["authorised_name"] == "นางสุดารัตน์ รุ่งเรืองกิจ"
    verdicts = {r["code"]: r["verdict"] for r in report.content["results"]}
    assert verdicts == {
        "MOIST": "pass",
        "PB": "pass",
        "PH": "pass",
        "TPC": "no_spec",
        "CFAST": "no_spec",
        "APPEAR": "no_spec",
    }
    with pytest.raises(ServiceError, match="amendment"):
        lab.publish_report(labs.verifier, sample)

    # a wrong customer name: amend with a reason; the old report stays, marked replaced
    printed_before = dict(report.content)
    new = lab.amend_report(
        labs.verifier,
        report,
        "ชื่อผู้ขอรับบริการไม่ตรงกับหนังสือรับรอง",
        corrections={"customer_name": "วิสาหกิจชุมชนกล้วยตากบ้านนาดี"},
    )
    assert new.report_no != report.report_no and new.replaces_id == report.id
    assert report.state == "replaced" and report.content == printed_before
    assert new.content["replaces"] == report.report_no and new.content["customer"].endswith("นาดี")
    assert "หนังสือรับรอง" in new.content["amendment_reason"]
    with pytest.raises(ServiceError):
        lab.amend_report(labs.verifier, report, "again")
    old_print = lab.printable_content(labs.tech.session, report)
    assert old_print["state"] == "replaced" and old_print["replaced_by"] == new.report_no
    assert old_print["customer"] == "วิสาหกิจชุมชนกล้วยตากบ้านนา"

    # a wrong result: retract the published analysis, retest, verify, amend again
    retest = lab.retract(labs.verifier, a["PH"], "ค่า pH meter คลาดเคลื่อนจากการสอบเทียบ")
    assert a["PH"].state == "retracted" and retest.retest_of_id == a["PH"].id and sample.state == "testing"
    with pytest.raises(ServiceError):
        lab.amend_report(labs.verifier, new, "pH แก้ไข")
    lab.set_result(labs.tech, retest, "6.8")
    lab.submit(labs.tech, [retest])
    lab.verify(labs.verifier2, [retest])
    third = lab.amend_report(labs.verifier, new, "แก้ไขผล pH หลังทดสอบซ้ำ")
    ph = [r for r in third.content["results"] if r["code"] == "PH"]
    assert len(ph) == 1 and ph[0]["value"] == 6.8
    labs.admin.session.commit()
    assert run_checks(engine) == []
    # every step travels to the other devices: the workflow fields are in the sync outbox
    with engine.connect() as conn:
        sent = (
            conn.exec_driver_sql(
                "SELECT fields FROM sync_outbox WHERE table_name = 'lab_analyses' AND record_id = ?",
                (a["PH"].id,),
            )
            .scalars()
            .all()
        )
    assert any('"retracted"' in str(f) for f in sent) and any("verified_by" in str(f) for f in sent)
    n_reports = labs.admin.session.scalar(select(func.count()).select_from(LabReport))
    assert n_reports == 3


def test_a_replaced_report_reprints_as_published_even_where_a_later_amendment_filled_a_blank(
    labs: Lab,
) -> None:
    sample = _received(labs)[0]
    lab.records.update(labs.tech, lab.find_request(labs.tech.session, _request_no(labs, sample)), purpose="")
    a = _enter_all(labs, sample)
    lab.submit(labs.tech, list(a.values()))
    lab.verify(labs.verifier, list(a.values()))
    first = lab.publish_report(labs.verifier, sample)
    assert first.content["purpose"] == "" and first.content["sampling_plan"] == ""
    lab.amend_report(
        labs.verifier,
        first,
        "เพิ่มวัตถุประสงค์และแผนการชักตัวอย่าง",
        corrections={"purpose": "ขอเลขสารบบอาหาร", "sampling_plan": "สุ่มตามแผน มอก."},
    )
    old = lab.printable_content(labs.tech.session, first)
    assert old["state"] == "replaced"
    assert old["purpose"] == "" and old["sampling_plan"] == "", "a reprint must not change an issued report"


def test_an_issued_report_cannot_be_edited_through_the_record_services(labs: Lab) -> None:
    sample = _received(labs)[0]
    a = _enter_all(labs, sample)
    lab.submit(labs.tech, list(a.values()))
    lab.verify(labs.verifier, list(a.values()))
    report = lab.publish_report(labs.verifier, sample)
    with pytest.raises(ServiceError, match="amendment"):
        lab.records.update(labs.admin, report, decision_rule="อื่น ๆ")
    assert report.decision_rule == lab.DEFAULT_DECISION_RULE


def _request_no(labs: Lab, sample: LabSample) -> str:
    from dipdesk.store.lab import LabRequest

    req = labs.tech.session.get(LabRequest, sample.request_id)
    assert req is not None
    return req.request_no


def test_retract_and_reject_need_reasons_and_the_right_role(labs: Lab) -> None:
    sample = _received(labs)[0]
    a = _enter_all(labs, sample)
    lab.submit(labs.tech, [a["PH"], a["PB"]])
    with pytest.raises(ValidationError):
        lab.retract(labs.tech, a["PH"], " ")
    retest = lab.retract(labs.tech, a["PH"], "พิมพ์ผลผิด")  # a technician may withdraw an unverified result
    assert retest.state == "registered"
    lab.verify(labs.verifier, [a["PB"]])
    with pytest.raises(PermissionDenied):
        lab.retract(labs.tech, a["PB"], "ผิด")
    with pytest.raises(PermissionDenied):
        lab.reject(labs.tech, a["APPEAR"], "ตัวอย่างไม่พอ")
    lab.reject(labs.verifier, a["APPEAR"], "ตัวอย่างไม่พอ")
    assert a["APPEAR"].state == "rejected" and a["APPEAR"].remarks == "ตัวอย่างไม่พอ"
    rows = lab.sample_analyses(labs.tech.session, sample.id)
    assert sum(r.code == "PH" for r in rows) == 2


def test_every_transition_is_audited(labs: Lab) -> None:
    sample, _a = _verified_sample(labs)
    report = lab.publish_report(labs.verifier, sample)
    q = select(AuditEntry.table_name, AuditEntry.changes).where(AuditEntry.action == "transition")
    seen = {(t, tuple(c["state"])) for t, c in labs.admin.session.execute(q)}
    assert ("lab_samples", ("registered", "received")) in seen
    assert ("lab_analyses", ("registered", "to_be_verified")) in seen
    assert ("lab_analyses", ("to_be_verified", "verified")) in seen
    assert ("lab_analyses", ("verified", "published")) in seen
    assert ("lab_reports", ("draft", "published")) in seen
    assert report.report_no.startswith("RPT")


def test_worklist_by_state_and_due_date(labs: Lab) -> None:
    _request(labs.tech)
    received = _received(labs, n=2)
    received[1].due_on = dt.date.today() - dt.timedelta(days=1)
    items = lab.worklist(labs.tech.session)
    assert next(i.lab_no for i in items) == received[1].lab_no, "the overdue sample comes first"
    assert items[0].overdue
    assert {i.state for i in lab.worklist(labs.tech.session, state="registered")} == {"registered"}
    assert lab.worklist(labs.tech.session, search="ชุดที่ 2")
    a = _analyses(labs.tech, received[0])
    lab.set_result(labs.tech, a["PH"], "6")
    lab.submit(labs.tech, [a["PH"]])
    to_verify = lab.worklist(labs.tech.session, state="to_verify")
    assert [i.lab_no for i in to_verify] == [received[0].lab_no]
    per_test = lab.open_analyses_of_test(labs.tech.session, a["PH"].test_id)
    assert len(per_test) == 2
    counts = lab.lab_counts(labs.tech.session)
    assert counts["to_verify"] == 1 and counts["to_receive"] == 1


def test_catalog_is_validated_through_the_service(labs: Lab) -> None:
    with pytest.raises(ValidationError, match="code"):
        lab.create_test(labs.admin, code="PH", name_th="ซ้ำ")
    with pytest.raises(ValidationError, match="formula"):
        lab.create_test(labs.admin, code="X1", name_th="สูตรอันตราย", formula="__import__('os').system('x')")
    with pytest.raises(ValidationError, match="unknown names"):
        lab.create_test(labs.admin, code="X2", name_th="สูตร", formula="a + b", interim_fields="a:ค่า a:g")
    t = lab.create_test(
        labs.admin, code="PROT", name_th="โปรตีน", formula="N * 6.25", interim_fields="N:ไนโตรเจน:%"
    )
    assert t.interim_fields == [{"key": "N", "name_th": "ไนโตรเจน", "unit": "%"}]
    with pytest.raises(PermissionDenied):
        lab.update_test(labs.tech, t, fee="100")
    lab.update_test(labs.verifier, t, fee="1,200.50", lod="0,1")
    assert float(t.fee) == 1200.5 and t.lod == 0.1
    with pytest.raises(ValidationError, match="warning band"):
        lab.create_specification(
            labs.admin, product_type="herbal", test_code="PH", min_value=4, max_value=8, warn_low=3
        )
    with pytest.raises(ValidationError, match="already has"):
        lab.create_specification(labs.admin, product_type="food", test_code="PH", max_value=9)
    assert labs.admin.session.scalars(select(LabSettings)).first() is None
    assert not lab.self_verification_allowed(labs.admin.session, labs.admin.site.id), "off by default"


def test_the_command_line_walks_a_sample_through_and_refuses_unverified_reports(
    engine: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from dipdesk.cli import main

    monkeypatch.setenv(
        "DIPDESK_PASSWORD", "password-123"
    )  # every --user proves the password (all alike here)

    db = str(tmp_path / "lab.sqlite3")
    with transaction(engine) as s:
        ctx = lab.lab_context(s, lab.user_by_name(s, "tech").id)
        req = lab.create_request(
            ctx, customer_name="ร้านป้าแดง", samples=[lab.SampleInput("น้ำพริกเผา", ["PH", "PB"])]
        )
        lab_no = lab.request_samples(s, req.id)[0].lab_no
        request_no = req.request_no

    def run(*argv: str) -> tuple[int, str, str]:
        code = main(["--db", db, "lab", *argv])
        out, err = capsys.readouterr()
        return code, out, err

    code, out, _ = run("samples", "--state", "registered")
    assert code == 0 and lab_no in out and "registered" in out
    assert run("receive", lab_no, "--condition", "ปกติ", "--user", "tech")[0] == 0
    assert run("result", lab_no, "PH", "๖,๕", "--user", "tech")[0] == 0
    assert run("result", lab_no, "PB", "<0.01", "--user", "tech")[0] == 0
    assert run("submit", lab_no, "--user", "ver")[0] == 0  # the verifier entered nothing; submits as themself
    code, _, err = run("verify", lab_no, "--user", "ver")
    assert code == 1 and "four-eyes" in err, "the same user cannot verify their own results"
    code, _, err = run("report", lab_no, "--out", str(tmp_path / "r.pdf"))
    assert code == 1 and "not verified" in err and "--draft" in err
    code, out, _ = run("report", lab_no, "--out", str(tmp_path / "draft.pdf"), "--draft")
    assert code == 0 and "draft" in out and (tmp_path / "draft.pdf").read_bytes().startswith(b"%PDF")
    assert run("verify", lab_no, "--user", "ver2")[0] == 0
    code, out, _ = run("publish", lab_no, "--user", "ver")
    assert code == 0 and "RPT" in out
    code, out, _ = run("report", lab_no, "--out", str(tmp_path / "r.pdf"), "--thai-digits")
    assert code == 0 and "page(s)" in out
    report_no = out.split("report ")[1].split()[0]
    code, out, _ = run("amend", report_no, "--reason", "แก้ชื่อร้าน", "--set", "customer_name=ร้านป้าแดงเมืองลำพูน",
                       "--user", "ver")  # fmt: skip
    assert code == 0 and f"replaces {report_no}" in out
    assert run("form", "receipt", lab_no, "--out", str(tmp_path / "c.pdf"))[0] == 0
    assert run("form", "request", request_no + "X", "--out", str(tmp_path / "q.pdf"))[0] == 1
    code, out, _ = run("show", lab_no)
    assert code == 0 and "replaced" in out and "< 0.010" in out


def test_a_result_calculated_from_another_result_follows_it(labs: Lab) -> None:
    """Ash on dry basis uses its own reading and the moisture result; solids only the moisture result.
    When moisture changes (corrected readings, retracted), both are recomputed, not left stale."""
    lab.create_test(labs.admin, code="ASHDB", name_th="เถ้า (น้ำหนักแห้ง)", unit="%", decimals=2,
                    formula="ash / (100 - MOIST) * 100", interim_fields="ash:เถ้า (ตามที่ได้รับ):%")  # fmt: skip
    lab.create_test(
        labs.admin, code="SOLID", name_th="ของแข็งทั้งหมด", unit="%", decimals=2, formula="100 - MOIST"
    )
    req = lab.create_request(
        labs.tech, customer_name="ร้านป้าแดง", samples=[lab.SampleInput("กล้วยตาก", ["MOIST", "ASHDB", "SOLID"])]
    )
    sample = _samples(labs.tech, req)[0]
    lab.receive_sample(labs.tech, sample, condition="ปกติ")
    a = _analyses(labs.tech, sample)
    lab.set_result(labs.tech, a["ASHDB"], interim={"ash": "9"})
    assert a["ASHDB"].value is None, "moisture is not known yet"
    lab.set_result(labs.tech, a["MOIST"], interim={"wet": "3.0000", "dry": "2.7000"})  # 10 %
    assert a["ASHDB"].value == pytest.approx(10.0) and a["SOLID"].value == pytest.approx(90.0)
    lab.set_result(labs.tech, a["MOIST"], interim={"dry": "2.4000"})  # corrected: 20 %
    assert a["ASHDB"].value == pytest.approx(11.25), "recomputed when the result it uses changed"
    assert a["SOLID"].value == pytest.approx(80.0)
    trail = labs.tech.session.scalars(
        select(AuditEntry).where(AuditEntry.record_id == a["ASHDB"].id, AuditEntry.action == "result")
    ).all()
    assert any("MOIST" in (e.reason or "") for e in trail), "the recomputation is audited with its cause"

    # a submitted calculated result is never changed silently: if what it used is withdrawn, it cannot
    # be verified until it is retracted and recalculated
    lab.submit(labs.tech, [a["MOIST"], a["ASHDB"]])
    lab.retract(labs.tech, a["MOIST"], "น้ำหนักหลังอบผิด")
    assert a["ASHDB"].value == pytest.approx(11.25) and a["SOLID"].value is None
    with pytest.raises(ServiceError, match="recalculate"):
        lab.verify(labs.verifier, [a["ASHDB"]])
    retest = _analyses(labs.tech, sample)["MOIST"]
    lab.set_result(labs.tech, retest, interim={"wet": "3.0000", "dry": "2.5500"})  # 15 %
    assert a["SOLID"].value == pytest.approx(85.0)
    new_ashdb = lab.retract(labs.tech, a["ASHDB"], "คำนวณใหม่")
    lab.set_result(labs.tech, new_ashdb, interim={"ash": "8.5"})
    assert new_ashdb.value == pytest.approx(10.0)
