"""Dates never in the future without a confirmation (issue 11): attendance for a day that has not come,
certificates for an activity that is not over."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import func, select

from dipdesk.services import records
from dipdesk.services.context import system_context
from dipdesk.store.certificates import Certificate
from dipdesk.store.enrollment import Attendance, Enrollment
from dipdesk.store.programs import Activity, ActivitySession
from dipdesk.ui.attendance import AttendanceGrid, context_factory
from dipdesk.ui.attendance.grid import FIXED_COLUMNS
from dipdesk.ui.certificates.issue_tab import IssueTab

WAIT = 15_000


class Asked(list):  # type: ignore[type-arg]
    answer = QMessageBox.StandardButton.Cancel


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Asked:
    """Questions asked, each answered Cancel (the default button) unless the test says otherwise."""
    asked = Asked()

    def exec_(box: QMessageBox) -> int:
        asked.append(box.text())
        return int(asked.answer)

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return asked


def _future_activity(db) -> str:  # type: ignore[no-untyped-def]
    """A-001 moved to start tomorrow, two days, with its two enrolled people (สมศรี completed)."""
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    with db.session() as s, s.begin():
        ctx = system_context(s)
        activity = s.scalars(select(Activity).where(Activity.code == "A-001")).one()
        records.update(ctx, activity, start_date=tomorrow, end_date=tomorrow + dt.timedelta(days=1))
        for i in range(2):
            records.create(ctx, ActivitySession, activity_id=activity.id, seq=i + 1,
                           day=tomorrow + dt.timedelta(days=i), hours=9, topic=f"วันที่ {i + 1}")  # fmt: skip
        return activity.id


def test_attendance_for_a_day_after_today_asks_first(qtbot, env, answers) -> None:  # type: ignore[no-untyped-def]
    activity_id = _future_activity(env.db)
    grid = AttendanceGrid(env.db, context_factory(env.user), activity_id)
    qtbot.addWidget(grid)
    grid.show()
    qtbot.waitUntil(lambda: grid.is_ready, timeout=WAIT)
    table = grid.table
    table.setFocus()
    table.setCurrentIndex(grid.model.index(0, FIXED_COLUMNS))
    qtbot.keyClick(table, Qt.Key.Key_Space)  # ticked present on tomorrow
    qtbot.mouseClick(grid.save_button, Qt.MouseButton.LeftButton)
    assert len(answers) == 1 and "ยังไม่ถึง" in answers[0], answers
    assert grid.has_unsaved_changes(), "cancelled: the tick is kept for the user to correct"
    with env.db.session() as s:
        assert s.scalar(select(func.count()).select_from(Attendance)) == 0

    answers.answer = QMessageBox.StandardButton.Ok
    with qtbot.waitSignal(grid.saved, timeout=WAIT):
        qtbot.mouseClick(grid.save_button, Qt.MouseButton.LeftButton)
    with env.db.session() as s:
        assert s.scalar(select(func.count()).select_from(Attendance)) == 1


def test_certificates_for_an_activity_not_over_ask_first(qtbot, env, answers) -> None:  # type: ignore[no-untyped-def]
    activity_id = _future_activity(env.db)
    tab = IssueTab(env.db, context_factory(env.user), env.user.username)
    qtbot.addWidget(tab)
    tab.show()
    from dipdesk.services import certificates as svc

    with env.db.session() as s:
        choices = svc.activities_for_certificates(s)
    tab.set_choices(choices, [])
    tab.activity.setCurrentIndex(tab.activity.findData(activity_id))
    tab.reload_class()  # (it was the first, so choosing it again changed nothing)
    qtbot.waitUntil(lambda: tab.data is not None and tab.data.activity_id == activity_id, timeout=WAIT)
    assert tab.not_over_yet()
    qtbot.waitUntil(tab.issue_button.isEnabled, timeout=WAIT)
    qtbot.mouseClick(tab.issue_button, Qt.MouseButton.LeftButton)
    assert len(answers) == 1 and "ยังไม่ถึง" in answers[0], answers
    assert tab.task is None
    with env.db.session() as s:
        assert s.scalar(select(func.count()).select_from(Certificate)) == 0
        assert s.scalar(select(func.count()).select_from(Enrollment)) == 2
