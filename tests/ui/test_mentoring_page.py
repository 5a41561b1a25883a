"""The mentoring page: pairs by cohort, meetings of a pair, the lineage, and the dialogs that add them."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path

from sqlalchemy import select

from dipdesk.services import mentoring as ms
from dipdesk.services import records
from dipdesk.services.context import system_context
from dipdesk.store.auth import AuditEntry
from dipdesk.store.mentoring import MentoringPair, MentoringSession
from dipdesk.store.outcomes import Outcome
from dipdesk.store.people import Enterprise
from dipdesk.ui.pages.mentoring import MentoringPage


def _pairs(db) -> None:  # type: ignore[no-untyped-def]
    with db.session() as s:
        ctx = system_context(s)
        big = records.create(ctx, Enterprise, code="BIG", name_th="บริษัทพี่ใหญ่ จำกัด", kind="juristic")
        a = s.scalars(select(Enterprise).where(Enterprise.code == "E-001")).one()
        b = records.create(ctx, Enterprise, code="B", name_th="ร้านน้องรุ่นสอง", kind="individual")
        p1 = ms.create_pair(ctx, cohort=1, mentor_enterprise_id=big.id, mentee_enterprise_id=a.id)
        ms.set_pair_status(ctx, p1, "graduated")
        ms.create_pair(ctx, cohort=2, mentor_enterprise_id=a.id, mentee_enterprise_id=b.id)
        ms.add_session(ctx, p1.id, day="5/12/2568", hours=2, topic="การตลาดออนไลน์")
        records.create(ctx, Outcome, enterprise_id=a.id, fiscal_year=2568, period_start=dt.date(2024, 10, 1),
                       period_end=dt.date(2025, 9, 30), revenue_before=100_000, revenue_after=1_350_000)  # fmt: skip
        s.commit()


def _page(qtbot, env) -> MentoringPage:  # type: ignore[no-untyped-def]
    page = MentoringPage(env, "พี่ช่วยน้อง")
    qtbot.addWidget(page)
    page.resize(1100, 900)
    page.show()
    page.ensure_loaded()
    qtbot.waitUntil(lambda: page.is_ready, timeout=10000)
    return page


def test_empty_page_says_what_to_do(qtbot, env) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, env)
    assert page.empty.isVisibleTo(page) and "จับคู่ใหม่" in page.empty.text_label.text()
    assert not page.tabs.isVisibleTo(page)


def test_pairs_meetings_lineage_and_dialogs(qtbot, env, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _pairs(env.db)
    page = _page(qtbot, env)
    model = page.pairs_model
    assert model.rowCount() == 2 and model.data(model.index(0, 0)) == "2"  # newest cohort first
    assert model.data(model.index(0, 2)) == "1"  # its mentor was a mentee of cohort 1
    page.select_cohort(1)
    assert model.rowCount() == 1
    page.pairs_view.selectRow(0)
    qtbot.waitUntil(lambda: page.sessions_model.rowCount() == 1, timeout=5000)
    assert page.sessions_model.data(page.sessions_model.index(0, 2)) == "การตลาดออนไลน์"
    root = page.tree.topLevelItem(0)
    assert root.text(0) == "บริษัทพี่ใหญ่ จำกัด" and root.child(0).child(0).text(0) == "ร้านน้องรุ่นสอง"
    assert "รุ่นที่ 1: 1 คู่ จบรุ่น 1 ราย เป็นพี่เลี้ยงต่อ 1 ราย" in page.summary_label.text()
    assert root.text(4) == "1,250,000.00" and "1,250,000.00 บาท" in page.summary_label.text()
    assert page.export(str(tmp_path / "pairs.xlsx")) == 1

    # a meeting for the selected pair
    meeting = page.open_new_session()
    assert meeting is not None
    meeting.day.setText("๑๐/๑/๒๕๖๙")
    meeting.topic.setText("บัญชีครัวเรือน")
    meeting.notes.setPlainText("ทบทวนรายรับรายจ่าย")
    with qtbot.waitSignal(meeting.saved, timeout=5000):
        meeting.save()

    # a new pair in cohort 3: the mentee of cohort 2 mentors
    page.select_cohort(None)
    dialog = page.open_new_pair()
    dialog.cohort.setValue(3)
    dialog.mentor_company.edit.setText("น้องรุ่นสอง")
    dialog.mentor_company.search()
    qtbot.waitUntil(lambda: dialog.mentor_company.value() is not None, timeout=5000)
    dialog.mentee.edit.setText("พี่ใหญ่")
    dialog.mentee.search()
    qtbot.waitUntil(lambda: dialog.mentee.value() is not None, timeout=5000)
    dialog.save()  # the mentee of cohort 2 has not graduated: the rule says so, nothing is saved
    qtbot.waitUntil(lambda: "ต้องเป็นน้องที่จบจากรุ่นที่ 2" in dialog.error.text(), timeout=5000)
    dialog.reason.setText("น้องรุ่นสองพร้อมช่วยก่อนจบรุ่น")
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        dialog.save()
    qtbot.waitUntil(lambda: page.pairs_model.rowCount() == 3, timeout=10000)
    with env.db.session() as s:
        assert s.scalars(select(MentoringPair).where(MentoringPair.cohort == 3)).one().status == "active"
        assert len(s.scalars(select(MentoringSession)).all()) == 2
        override = s.scalars(select(AuditEntry).where(AuditEntry.action == "mentor_rule_override")).one()
        assert override.reason == "น้องรุ่นสองพร้อมช่วยก่อนจบรุ่น"

    page.pairs_view.selectRow(0)  # the new cohort-3 pair
    assert page.graduate.isEnabled()
    page.mark_graduated()
    qtbot.waitUntil(lambda: page.pairs_model.rows[0].status == "graduated", timeout=10000)


def test_the_matchmaker_proposes_graduates_of_the_cohort_before(qtbot, env) -> None:  # type: ignore[no-untyped-def]
    _pairs(env.db)
    with env.db.session() as s:
        records.create(system_context(s), Enterprise, code="N", name_th="ร้านน้องใหม่", kind="individual")
        s.commit()
    page = _page(qtbot, env)
    dialog = page.open_new_pair()
    dialog.cohort.setValue(2)
    dialog.mentee.edit.setText("น้องใหม่")
    dialog.mentee.search()
    with qtbot.waitSignal(dialog.match.proposed, timeout=5000) as found:
        qtbot.waitUntil(lambda: dialog.mentee.value() is not None, timeout=5000)
    assert [p.name for p in found.args[0]] == ["วิสาหกิจชุมชนข้าวหอม"]
    assert "มูลค่าทางเศรษฐกิจ 1,250,000 บาท" in dialog.match.list.item(0).text()
    dialog.match.use.click()
    assert dialog.mentor_company.value() == found.args[0][0].enterprise_id
    dialog.resize(1366 // 2, 700)
    dialog.grab().save(
        str(Path(os.environ.get("DIPDESK_SCREENSHOTS") or tempfile.mkdtemp()) / "mentor_match.png")
    )
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        dialog.save()
