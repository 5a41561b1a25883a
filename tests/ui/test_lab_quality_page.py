"""The lab page's quality tabs (issue 15): the control chart of a material whose last result trips a
Westgard rule, the held worksheet released by the lab head with a reason, and the instruments tab
showing an overdue calibration; screenshots at 1366×768."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from dipdesk.services import lab
from dipdesk.services.context import system_context
from dipdesk.services.lab import calibration as cal
from dipdesk.services.lab import worksheets as wsv
from dipdesk.services.setup import create_user
from dipdesk.store.lab import LabSample
from dipdesk.store.lab_qc import LabWorksheet
from dipdesk.ui.lab.quality import QualityPanel
from dipdesk.ui.pages.lab import LabPage

SHOTS = Path(os.environ.get("DIPDESK_SCREENSHOTS", "")) if os.environ.get("DIPDESK_SCREENSHOTS") else None


def _seed(seeded_db) -> dict:  # type: ignore[no-untyped-def, type-arg]
    from dipdesk.settings import Settings
    from dipdesk.ui.pages import PageEnv
    from dipdesk.ui.state import current_user_from

    today = dt.date.today()
    with seeded_db.session() as s, s.begin():
        ctx = system_context(s)
        lab.create_test(
            ctx, code="PBQ", name_th="ตะกั่ว", unit="mg/kg", decimals=3, lod=0.01, method="ICP-OES", fee=800
        )
        tech = create_user(ctx, "tech", "password-123", full_name="นายประเสริฐ วงศ์สวัสดิ์", role="lab_technician")
        ver = create_user(ctx, "ver", "password-123", full_name="นางสุดารัตน์ รุ่งเรืองกิจ", role="lab_verifier",
                          position="หัวหน้าห้องปฏิบัติการ")  # fmt: skip
        s.flush()
        tctx = lab.lab_context(s, tech.id)
        cal.add_instrument(
            ctx, code="PH-02", name="เครื่องวัดพีเอช Mettler", calibration_due_on=today - dt.timedelta(days=5)
        )
        icp = cal.add_instrument(ctx, code="ICP-01", name="ICP-OES Agilent 5110", tests=["PBQ"],
                                 calibration_due_on=today + dt.timedelta(days=200))  # fmt: skip
        material = wsv.add_control_material(
            ctx, code="CRM-PB", name="CRM ตะกั่วในข้าว", test_code="PBQ", target=0.500, sd=0.020, lot="L7"
        )
        req = lab.create_request(tctx, customer_name="ร้านป้าแดง",
                                 samples=[lab.SampleInput(f"น้ำพริก {i}", ["PBQ"], product_type="food") for i in range(3)])  # fmt: skip
        samples = lab.request_samples(s, req.id)
        for sample in samples:
            lab.receive_sample(tctx, sample, condition="ปกติ")
        analyses = [lab.get_analysis(s, lab.sample_analyses(s, x.id)[0].id) for x in samples]
        ws = wsv.create_worksheet(tctx, analyses, instrument=icp)
        wsv.enter_results(
            tctx, ws, {a.id: v for a, v in zip(analyses, ("0.12", "0.08", "0.31"), strict=True)}
        )
        start = dt.datetime.now() - dt.timedelta(days=20)
        values = ["0.505", "0.492", "0.510", "0.498", "0.515", "0.488", "0.502", "0.543", "0.507", "0.495",
                  "0.521", "0.524", "0.526", "0.523", "0.546", "0.548"]  # fmt: skip
        for i, v in enumerate(values):
            q = wsv.add_qc(tctx, ws, "reference", material=material)
            wsv.record_qc(tctx, q, v, measured_at=start + dt.timedelta(days=i))
        wsv.submit_worksheet(tctx, ws)
        users = {u.username: current_user_from(s, u) for u in (tech, ver)}
    settings = Settings.load()
    return {name: PageEnv(seeded_db, user, settings, lang="th") for name, user in users.items()}


def test_the_control_chart_and_the_lab_heads_release(qtbot, seeded_db) -> None:  # type: ignore[no-untyped-def]
    envs = _seed(seeded_db)
    page = LabPage(envs["ver"], "ห้องปฏิบัติการทดสอบ")
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.reload()
    qtbot.waitUntil(lambda: page.is_ready, timeout=10_000)
    page.tabs.setCurrentWidget(page.quality)
    panel: QualityPanel = page.quality
    qtbot.waitUntil(lambda: len(panel.chart.points) == 16, timeout=10_000)
    assert [p.outcome for p in panel.chart.points][-2:] == ["fail", "fail"]
    assert "2-2s" in panel.chart.points[-1].rules and "4-1s" in panel.chart.points[-3].rules
    assert panel.table.rowCount() == 1 and panel.table.item(0, 4).text() == "ระงับ: ผลควบคุมคุณภาพไม่ผ่าน"
    if SHOTS:
        page.grab().save(str(SHOTS / "lab_qc_chart.png"))
    assert not panel.release_button.isEnabled()
    panel.table.selectRow(0)
    assert panel.release_button.isEnabled()
    panel.reason.setText("สอบเทียบเครื่องใหม่ วัด CRM ซ้ำได้ 0.503 ผลตัวอย่างไม่กระทบ")
    panel.release_button.click()
    qtbot.waitUntil(
        lambda: "ปล่อยผล" in (page.last_message[0] if hasattr(page, "last_message") else ""), timeout=10_000
    )
    qtbot.waitUntil(lambda: panel.table.item(0, 4).text() == "หัวหน้าห้องปฏิบัติการปล่อยผลแล้ว", timeout=10_000)
    with seeded_db.session() as s:
        ws = s.query(LabWorksheet).one()
        assert ws.qc_state == "released" and "CRM" in ws.decision_reason
    page.tabs.setCurrentWidget(page.instruments)
    qtbot.waitUntil(lambda: page.instruments.instruments.rowCount() == 2, timeout=10_000)
    texts = {page.instruments.instruments.item(i, 0).text(): page.instruments.instruments.item(i, 2).text()
             for i in range(2)}  # fmt: skip
    assert texts["PH-02"] == "เลยกำหนดสอบเทียบ: ระงับการใช้" and texts["ICP-01"] == "สอบเทียบแล้ว"
    assert page.instruments.turnaround.rowCount() == 3
    if SHOTS:
        page.grab().save(str(SHOTS / "lab_instruments.png"))


def test_the_delivery_tab_signs_mails_and_records_disposal(qtbot, seeded_db, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import socket

    from aiosmtpd.controller import Controller

    from dipdesk.services.lab import retention
    from dipdesk.store.lab_qc import LabDelivery, LabDisposal

    envs = _seed(seeded_db)
    with seeded_db.session() as s, s.begin():
        ver = lab.lab_context(s, envs["ver"].user.id)
        ws = s.query(LabWorksheet).one()
        wsv.decide(ver, ws, "release", "ตรวจ CRM ซ้ำผ่าน")
        analyses = wsv.worksheet_analyses(s, ws)
        lab.verify(ver, analyses)
        sample = s.get(LabSample, analyses[0].sample_id)
        assert sample is not None
        report_no = lab.publish_report(ver, sample).report_no
        lab_no = sample.lab_no
        retention.set_retention(ver, "food", 0)
    page = LabPage(envs["ver"], "ห้องปฏิบัติการทดสอบ")
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.reload()
    qtbot.waitUntil(lambda: page.is_ready, timeout=10_000)
    page.tabs.setCurrentWidget(page.delivery)
    panel = page.delivery
    qtbot.waitUntil(lambda: panel.disposal.rowCount() == 1, timeout=10_000)
    assert panel.disposal.item(0, 0).text() == lab_no
    panel.report_no.setText(report_no)
    panel.sign_button.click()
    qtbot.waitUntil(lambda: "บันทึกรายงานที่ลงนามแล้ว" in getattr(page, "last_message", ("",))[0], timeout=20_000)
    signed = Path(page.last_message[0].split(": ", 1)[1])
    from dipdesk.services.lab import delivery

    with seeded_db.session() as s:
        assert delivery.verify_signed_pdf(s, signed.read_bytes()).valid
    panel.to.setText("somsri@example.co.th")
    panel.queue_button.click()
    qtbot.waitUntil(lambda: panel.mails.rowCount() == 1, timeout=10_000)
    assert panel.mails.item(0, 2).text() == "รอส่ง"
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    received: list[bytes] = []

    class Inbox:
        async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]
            received.append(envelope.content)
            return "250 OK"

    monkeypatch.setenv("DIPDESK_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("DIPDESK_SMTP_PORT", str(port))
    monkeypatch.setenv("DIPDESK_SMTP_TLS", "none")
    controller = Controller(Inbox(), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        panel.send_button.click()
        qtbot.waitUntil(lambda: panel.mails.item(0, 2).text() == "ส่งแล้ว", timeout=20_000)
    finally:
        controller.stop()
    assert len(received) == 1
    panel.disposal.selectRow(0)
    panel.method.setText("ย่อยสลายและทิ้งเป็นขยะอันตราย")
    panel.witness.setText("นายสมปอง ตรวจดี")
    if SHOTS:
        page.grab().save(str(SHOTS / "lab_delivery.png"))
    panel.dispose_button.click()
    qtbot.waitUntil(lambda: panel.disposal.rowCount() == 0, timeout=10_000)
    with seeded_db.session() as s:
        assert s.query(LabDisposal).one().witness == "นายสมปอง ตรวจดี"
        assert s.query(LabDelivery).one().state == "sent"
