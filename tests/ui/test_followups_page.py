"""Follow-ups page: schedule, the due worklist, record the outcome with a receipt, attach evidence to an
older outcome; the dashboard then shows how much of the value evidence backs."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

from dipdesk.core.thaidate import fiscal_year
from dipdesk.services import records
from dipdesk.services.context import system_context
from dipdesk.services.outcomes import record_outcome
from dipdesk.store.followups import FollowUp, OutcomeEvidence
from dipdesk.store.outcomes import Outcome
from dipdesk.store.people import Enterprise
from dipdesk.store.programs import Activity
from dipdesk.ui.pages.dashboard import DashboardPage
from dipdesk.ui.pages.followups_due import FollowupsPage

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n"
SHOTS = Path(os.environ.get("DIPDESK_SCREENSHOTS") or tempfile.mkdtemp(prefix="shots-"))


def _ended_100_days_ago(db) -> None:  # type: ignore[no-untyped-def]
    end = dt.date.today() - dt.timedelta(days=100)
    with db.session() as s:
        ctx = system_context(s)
        activity = s.scalars(select(Activity).where(Activity.code == "A-001")).one()
        records.update(ctx, activity, start_date=end - dt.timedelta(days=2), end_date=end)
        s.commit()


def _page(qtbot, env) -> FollowupsPage:  # type: ignore[no-untyped-def]
    page = FollowupsPage(env, "ติดตามผล")
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.ensure_loaded()
    qtbot.waitUntil(lambda: page.is_ready, timeout=10000)
    return page


def test_worklist_outcome_and_evidence(qtbot, env, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _ended_100_days_ago(env.db)
    page = _page(qtbot, env)
    assert page.due_table.rowCount() == 0
    assert page.due_empty.isVisible() and "ไม่มีการติดตามผลที่ถึงกำหนด" in page.due_empty.text()
    assert (
        page.due_empty.geometry().center()
        == page.due_table.viewport().rect().adjusted(16, 0, -16, 0).center()
    )
    page.activity_code.setText("A-001")
    page.schedule_button.click()
    qtbot.waitUntil(lambda: page.due_table.rowCount() == 1, timeout=10000)  # 3 months: due, 6 and 12: later
    assert not page.due_empty.isVisible()
    assert page.due_table.item(0, 0).text() == "วิสาหกิจชุมชนข้าวหอม"
    assert page.due_table.item(0, 3).text() == "3 เดือน" and "เลยกำหนด" in page.due_table.item(0, 5).text()
    assert "ตั้งกำหนดติดตามผลแล้ว 3 รายการ" in page.message.text()

    receipt = tmp_path / "ใบเสร็จ.pdf"
    receipt.write_bytes(PDF)
    dialog = page.open_record()
    assert dialog is not None
    dialog.fields["revenue_before"].setText("200,000")
    dialog.fields["revenue_after"].setText("500,000")
    dialog.set_files([str(receipt)])
    with qtbot.waitSignal(dialog.saved, timeout=10000):
        dialog.save()
    qtbot.waitUntil(lambda: page.due_table.rowCount() == 0, timeout=10000)
    with env.db.session() as s:
        done = s.scalars(select(FollowUp).where(FollowUp.status == "done")).one()
        outcome = s.get(Outcome, done.outcome_id)
        assert outcome is not None and outcome.revenue_after == Decimal(500_000)
        ev = s.scalars(select(OutcomeEvidence)).one()
        assert (ev.outcome_id, ev.file_name, ev.kind) == (outcome.id, "ใบเสร็จ.pdf", "receipt")

    # an older outcome without evidence gets a statement attached from the list
    with env.db.session() as s:
        ctx = system_context(s)
        e = s.scalars(select(Enterprise).where(Enterprise.code == "E-001")).one()
        today = dt.date.today()
        record_outcome(ctx, e.id, period_start=today - dt.timedelta(days=90), period_end=today,
                       cost_saved=100_000)  # fmt: skip
        s.commit()
    page.reload()
    qtbot.waitUntil(lambda: page.unbacked_table.rowCount() == 1, timeout=10000)
    assert page.unbacked_table.item(0, 2).text() == "100,000.00"

    dashboard = DashboardPage(env, "ภาพรวม")
    qtbot.addWidget(dashboard)
    dashboard.resize(1366, 768)
    dashboard.show()
    dashboard.ensure_loaded()
    qtbot.waitUntil(lambda: dashboard.is_ready and dashboard.evidence.summary.text() != "", timeout=10000)
    assert dashboard.evidence.bar.value() == 75  # 300,000 of 400,000
    assert "300,000.00 จาก 400,000.00 บาท" in dashboard.evidence.summary.text()
    dashboard.evidence.grab().save(str(SHOTS / "evidence_share.png"))
    page.grab().save(str(SHOTS / "followups.png"))

    page.kind.setCurrentIndex(page.kind.findData("statement"))
    page.attach_files([str(receipt)])
    qtbot.waitUntil(lambda: page.unbacked_table.rowCount() == 0, timeout=10000)
    assert "แนบไฟล์หลักฐานแล้ว 1 ไฟล์" in page.message.text()
    dashboard.reload()
    qtbot.waitUntil(lambda: dashboard.evidence.bar.value() == 100, timeout=10000)
    fy = fiscal_year(dt.date.today())
    assert dashboard.report.fiscal_year == fy


def test_a_bad_file_and_a_skip_need_no_retyping(qtbot, env, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _ended_100_days_ago(env.db)
    page = _page(qtbot, env)
    page.activity_code.setText("NOPE")
    page.schedule_button.click()
    qtbot.waitUntil(lambda: "ไม่พบกิจกรรมรหัส NOPE" in page.message.text(), timeout=5000)
    page.activity_code.setText("A-001")
    page.schedule_button.click()
    qtbot.waitUntil(lambda: page.due_table.rowCount() == 1, timeout=10000)
    exe = tmp_path / "virus.pdf"
    exe.write_bytes(b"MZ\x90\x00not a pdf")
    dialog = page.open_record()
    assert dialog is not None
    dialog.fields["revenue_after"].setText("10000")
    dialog.set_files([str(exe)])
    dialog.save()
    qtbot.waitUntil(lambda: "PDF, JPEG หรือ PNG" in dialog.error.text(), timeout=5000)
    assert dialog.fields["revenue_after"].text() == "10000"  # nothing lost; nothing saved
    with env.db.session() as s:
        assert (
            s.scalars(select(Outcome)).all() == [] and s.scalars(select(FollowUp.status)).all() == ["due"] * 3
        )
    dialog.close()
    page.skip_reason.setText("กิจการปิดตัวแล้ว")
    page.skip_button.click()
    qtbot.waitUntil(lambda: page.due_table.rowCount() == 0, timeout=10000)
