"""The certificates page: class list by the rule, issue and print in a worker, verify, template editor."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from dipdesk.services import certificates as svc
from dipdesk.services import records
from dipdesk.services.context import system_context
from dipdesk.services.demo import _certificate_elements
from dipdesk.services.enrollment import record_attendance
from dipdesk.store.certificates import Certificate, CertificateTemplate
from dipdesk.store.enrollment import Enrollment
from dipdesk.store.programs import Activity, ActivitySession
from dipdesk.store.reference import Site
from dipdesk.ui.pages.certificates import CertificatesPage

WAIT = 30_000


@pytest.fixture
def page(qtbot, env):  # type: ignore[no-untyped-def]
    """The seeded database plus templates and a class whose attendance was taken: สมศรี attended all 18
    hours, วิชัย 6 of them."""
    with env.db.session() as s, s.begin():
        ctx = system_context(s)
        hq = s.scalars(select(Site).where(Site.code == "DIPROM")).one()
        for code, kind, name in (
            ("CERT-COMPLETION", "completion", "วุฒิบัตร"),
            ("CERT-PARTICIPATION", "participation", "เกียรติบัตร"),
        ):
            s.add(
                CertificateTemplate(
                    site_id=hq.id,
                    code=code,
                    name_th=name,
                    kind=kind,
                    background_hash=svc.bundled_background(kind),
                    elements=_certificate_elements(name, f"{name}ฉบับนี้ให้ไว้เพื่อแสดงว่า", "ได้ผ่านการอบรม"),
                )
            )
        activity = s.scalars(select(Activity).where(Activity.code == "A-001")).one()
        sessions = [
            records.create(
                ctx,
                ActivitySession,
                activity_id=activity.id,
                seq=i + 1,
                day=activity.start_date + dt.timedelta(days=i),
                hours=6,
            )
            for i in range(3)
        ]
        marks = {}
        for e in s.scalars(select(Enrollment).where(Enrollment.activity_id == activity.id)):
            for i, sess in enumerate(sessions):
                marks[(e.id, sess.id)] = e.status == "completed" or i == 0
        record_attendance(ctx, activity.id, marks)
    p = CertificatesPage(env, "วุฒิบัตร")
    qtbot.addWidget(p)
    p.resize(1200, 900)
    p.show()
    p.ensure_loaded()
    qtbot.waitUntil(lambda: p.is_ready, timeout=WAIT)
    assert p.load_error is None
    return p


def _count(env, *where) -> int:  # type: ignore[no-untyped-def]
    with env.db.session() as s:
        return int(s.scalar(select(func.count()).select_from(Certificate).where(*where)) or 0)


def test_class_list_issue_print_and_reprint(qtbot, page, env, tmp_path) -> None:  # type: ignore[no-untyped-def]
    tab = page.issue_tab
    assert tab.data is not None and tab.data.activity_code == "A-001" and tab.data.kind == "completion"
    names = [e.name for e in tab.model.entries]
    assert names == ["นายวิชัย มั่นคง", "นางสมศรี รักไทย"]  # Thai dictionary order: ว before ส
    assert tab.model.data(tab.model.index(1, 2)) == "มีสิทธิ์ รอออก"
    assert "ไม่ได้รับการบันทึกว่าผ่านการอบรม" in tab.model.data(tab.model.index(0, 3))
    assert "มีสิทธิ์ตามเกณฑ์ 1 คน" in tab.summary.text()
    qtbot.waitUntil(lambda: bool(tab.preview.path), timeout=WAIT)  # a preview before anything is issued
    assert _count(env) == 0

    task = tab.issue_and_print()
    assert task is not None
    qtbot.waitUntil(lambda: tab.task is None, timeout=WAIT)
    assert "ออกใหม่ 1 ฉบับ" in tab.message.text(), tab.message.text()
    assert tab.preview.path.endswith(".pdf") and tab.preview.pages == 1
    assert _count(env) == 1
    qtbot.waitUntil(lambda: tab.model.entries and tab.model.entries[1].certificate is not None, timeout=WAIT)
    qtbot.waitUntil(lambda: page.cards["issued"].value_label.text() == "1", timeout=WAIT)

    # printing through a printer (here one that writes a PDF): page by page, in a worker
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    with qtbot.waitSignal(tab.preview.printed, timeout=WAIT) as sent:
        tab.preview.print_to(printer)
    assert sent.args == [1] and (tmp_path / "printed.pdf").stat().st_size > 1000

    tab.table.selectRow(1)
    assert tab.reprint_button.isEnabled() and not tab.override_button.isEnabled()
    tab.reprint_selected()
    qtbot.waitUntil(lambda: tab.task is None, timeout=WAIT)
    assert "พิมพ์ซ้ำ" in tab.message.text()

    # the code on what was printed verifies; a damaged one does not
    with env.db.session() as s:
        qr_text = s.scalars(select(Certificate.printed_data)).one()["qr"]
    v = page.verify_tab
    v.code.setText(qr_text)
    v.verify()
    qtbot.waitUntil(lambda: v.result is not None, timeout=WAIT)
    assert v.result.ok and "ของแท้" in v.verdict.text() and "นางสมศรี รักไทย" in v.verdict.text()
    v.result = None
    v.code.setText(qr_text[:-4] + ("AAAA" if not qr_text.endswith("AAAA") else "BBBB"))
    v.verify()
    qtbot.waitUntil(lambda: v.result is not None, timeout=WAIT)
    assert not v.result.ok and "ไม่ผ่านการตรวจสอบ" in v.verdict.text()

    # override, then revoke, with their reasons
    tab.table.selectRow(0)  # วิชัย: not eligible
    assert tab.override_button.isEnabled()
    tab.override_selected("เข้าอบรมชดเชยครบแล้ว")
    qtbot.waitUntil(lambda: tab.task is None, timeout=WAIT)
    assert _count(env, Certificate.override_reason == "เข้าอบรมชดเชยครบแล้ว") == 1
    qtbot.waitUntil(lambda: tab.model.entries[0].certificate is not None, timeout=WAIT)
    assert "กรณีพิเศษ" in tab.model.data(tab.model.index(0, 2))

    tab.table.selectRow(0)
    tab.revoke_selected("ออกผิดรุ่น")
    qtbot.waitUntil(lambda: tab.task is None, timeout=WAIT)
    assert _count(env, Certificate.state == "revoked") == 1

    # a batch cancelled at once changes nothing (one transaction)
    tab.issue_and_print()
    tab.cancel()
    qtbot.waitUntil(lambda: tab.task is None, timeout=WAIT)
    assert "ยกเลิก" in tab.message.text()
    assert _count(env) == 2


def test_template_editor_previews_and_saves_a_copy(qtbot, page, env) -> None:  # type: ignore[no-untyped-def]
    t = page.templates_tab
    assert t.current is not None and t.current.code == "CERT-COMPLETION" and not t.current.own
    t.element_list.setCurrentRow(0)  # the title
    t.text.setText("วุฒิบัตรทดลอง")
    t.text.textEdited.emit("วุฒิบัตรทดลอง")
    t.y_box.setValue(40)
    assert t.elements[0]["text"] == "วุฒิบัตรทดลอง" and t.elements[0]["y_mm"] == 40
    task = t.render_preview()
    assert task is not None
    qtbot.waitUntil(lambda: t.preview_task is None and bool(t.preview.path), timeout=WAIT)
    t.save()
    qtbot.waitUntil(lambda: "CERT-COMPLETION-IPC1" in t.status.text(), timeout=WAIT)
    with env.db.session() as s:
        copy = svc.template_by_code(s, "CERT-COMPLETION-IPC1")
        assert copy.elements[0]["text"] == "วุฒิบัตรทดลอง"
        assert svc.template_by_code(s, "CERT-COMPLETION").elements[0]["text"] == "วุฒิบัตร"
