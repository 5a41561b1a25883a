"""The enrollment dialog and the attendance grid: keyboard-fast, live completion, saved in a worker."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from sqlalchemy import select

from dipdesk.core.thaidate import format_thai_date
from dipdesk.core.thaiid import make_id
from dipdesk.services import records
from dipdesk.services.context import system_context
from dipdesk.store.enrollment import Enrollment
from dipdesk.store.people import Person
from dipdesk.store.programs import Activity, ActivitySession
from dipdesk.ui.attendance import AttendanceGrid, EnrollmentDialog, context_factory
from dipdesk.ui.attendance.grid import FIXED_COLUMNS


def _activity_with_days(db, days: int = 3) -> str:  # type: ignore[no-untyped-def]
    with db.session() as s:
        ctx = system_context(s)
        activity = s.scalars(select(Activity).where(Activity.code == "A-001")).one()
        for i in range(days):
            records.create(ctx, ActivitySession, activity_id=activity.id, seq=i + 1,
                           day=activity.start_date + dt.timedelta(days=i), hours=6, topic=f"หัวข้อ {i + 1}")  # fmt: skip
        s.commit()
        return activity.id


def test_keyboard_attendance_with_live_completion(qtbot, env) -> None:  # type: ignore[no-untyped-def]
    activity_id = _activity_with_days(env.db)
    grid = AttendanceGrid(env.db, context_factory(env.user), activity_id)
    qtbot.addWidget(grid)
    grid.show()
    qtbot.waitUntil(lambda: grid.is_ready, timeout=5000)
    model, table = grid.model, grid.table
    assert model.rowCount() == 2 and model.columnCount() == FIXED_COLUMNS + 3 + 3
    assert "ร้อยละ 80 ของ 18 ชั่วโมง (14.4 ชั่วโมง)" in grid.rule.text()
    assert "วันที่ 1" in model.headerData(2, Qt.Orientation.Horizontal)

    table.setFocus()
    table.setCurrentIndex(model.index(0, FIXED_COLUMNS))
    for key in (Qt.Key.Key_Space, Qt.Key.Key_Right, Qt.Key.Key_Space, Qt.Key.Key_Right, Qt.Key.Key_Space):
        qtbot.keyClick(table, key)
    result_col = model.columnCount() - 1
    assert model.data(model.index(0, result_col)) == "ผ่านเกณฑ์"
    assert model.data(model.index(0, result_col - 2)) == "18"
    qtbot.keyClick(table, Qt.Key.Key_Space)  # the third day cleared again: 12 of 18 h is 67 %
    assert model.data(model.index(0, result_col)).startswith("ยังไม่ผ่าน")
    qtbot.keyClick(table, Qt.Key.Key_Space)
    qtbot.keyClick(table, Qt.Key.Key_Return)  # down to the second person, same day
    assert table.currentIndex().row() == 1
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert "ยังไม่บันทึก 4 ช่อง" in grid.summary.text() and grid.save_button.isEnabled()

    with qtbot.waitSignal(grid.saved, timeout=5000) as saved:
        qtbot.keyClick(grid, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert saved.args[0].created == 4
    qtbot.waitUntil(lambda: not grid.model.pending and bool(grid.model.rows[0].marks), timeout=5000)
    with env.db.session() as s:
        statuses = sorted(e.status for e in s.scalars(select(Enrollment)))
    assert statuses == ["completed", "enrolled"]
    assert "ผ่านเกณฑ์ 1 จาก 2 คน" in grid.summary.text()


def test_everyone_present_and_export(qtbot, env, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    activity_id = _activity_with_days(env.db, days=2)
    grid = AttendanceGrid(env.db, context_factory(env.user), activity_id)
    qtbot.addWidget(grid)
    qtbot.waitUntil(lambda: grid.is_ready, timeout=5000)
    grid.table.setCurrentIndex(grid.model.index(0, FIXED_COLUMNS + 1))
    grid.all_present.click()
    assert len(grid.model.pending) == 2
    out = tmp_path / "att.xlsx"
    assert grid.export(str(out)) == 2
    ws = load_workbook(out).active
    assert ws is not None and ws["A3"].value == "ชื่อ-นามสกุล" and ws["D4"].value == "✓"


def test_empty_activity_says_what_to_do(qtbot, env) -> None:  # type: ignore[no-untyped-def]
    with env.db.session() as s:
        activity = s.scalars(select(Activity).where(Activity.code == "A-001")).one()
    grid = AttendanceGrid(env.db, context_factory(env.user), activity.id)
    qtbot.addWidget(grid)
    qtbot.waitUntil(lambda: grid.is_ready, timeout=5000)
    assert grid.empty.isVisibleTo(grid) and "เพิ่มวันอบรม" in grid.empty.text_label.text()
    dialog = grid.open_add_day()
    day = activity.start_date  # a training day lies within the activity's dates; typed in Thai digits
    typed = f"{day.day}/{day.month}/{day.year + 543}".translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
    dialog.day.setText(typed)
    assert format_thai_date(day, "long") in dialog.day.hint.text()
    dialog.hours.setText("abc")
    assert dialog.hours.message.isVisibleTo(dialog)
    dialog.hours.setText("3")
    with qtbot.waitSignal(dialog.added, timeout=5000):
        dialog.save()
    qtbot.waitUntil(lambda: len(grid.model.sessions) == 1, timeout=5000)
    assert grid.model.sessions[0].hours == Decimal(3)


def test_enrollment_dialog_search_new_person_and_duplicates(qtbot, env) -> None:  # type: ignore[no-untyped-def]
    with env.db.session() as s:
        ctx = system_context(s)
        other = records.create(ctx, Person, prefix="นาย", first_name_th="สมชาย", last_name_th="รักไทย")
        s.commit()
        activity = s.scalars(select(Activity).where(Activity.code == "A-001")).one()
    dialog = EnrollmentDialog(env.db, context_factory(env.user), activity.id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.search.setText("รักไทย")
    dialog.run_search()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2, timeout=5000)
    enrolled = {h.name: h.enrolled for h in dialog.model.hits}
    assert enrolled == {"นางสมศรี รักไทย": True, "นายสมชาย รักไทย": False}
    assert dialog.selected_ids() == [other.id]  # the one not enrolled yet is selected for Enter
    with qtbot.waitSignal(dialog.enrolled, timeout=5000):
        qtbot.keyClick(dialog.table, Qt.Key.Key_Return)

    dialog.first.setText("มานี")
    dialog.national_id.setText("1234567890123")
    assert dialog.national_id.message.isVisibleTo(dialog) and not dialog.create_button.isEnabled()
    dialog.national_id.setText(make_id("110170012345"))  # สมศรี's ID: a possible duplicate
    dialog.phone.setText("๐๘๑-๑๑๑-๒๒๒๒")
    assert dialog.create_button.isEnabled()
    dialog.create_button.click()
    qtbot.waitUntil(lambda: dialog.duplicates_box.isVisibleTo(dialog), timeout=5000)
    assert "สมศรี" in dialog.duplicates_box.text_label.text()

    # the same national ID cannot be "someone else": only enrolling สมศรี is offered (issue 11)
    def offered() -> list[str]:
        return [b.text() for b in dialog.findChildren(QPushButton) if b.isVisibleTo(dialog)]

    qtbot.waitUntil(lambda: any(t.startswith("ลงทะเบียน") and "สมศรี" in t for t in offered()), timeout=5000)
    assert "เป็นคนละคน: เพิ่มเป็นคนใหม่" not in offered()
    assert not dialog.create_button.isEnabled()
    assert "เลขประจำตัวประชาชน" in dialog.duplicates_box.text_label.text()
    dialog.national_id.setText(make_id("110170099999"))
    with qtbot.waitSignal(dialog.enrolled, timeout=5000):
        dialog.create_button.click()
    with env.db.session() as s:
        manee = s.scalars(select(Person).where(Person.first_name_th == "มานี")).one()
        assert manee.phone == "0811112222"
        assert (
            s.scalars(select(Enrollment).where(Enrollment.person_id == manee.id)).one().status == "enrolled"
        )


def test_add_day_offers_a_day_within_the_activity_or_says_it_is_full(qtbot, env) -> None:  # type: ignore[no-untyped-def]
    activity_id = _activity_with_days(env.db, days=3)  # the seeded activity is three days long
    grid = AttendanceGrid(env.db, context_factory(env.user), activity_id)
    qtbot.addWidget(grid)
    qtbot.waitUntil(lambda: grid.is_ready, timeout=5000)
    dialog = grid.open_add_day()
    assert dialog.day.text() == "" and "วันสิ้นสุด" in dialog.error.text()
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Save).isEnabled()
    dialog.reject()
    with env.db.session() as s:  # the middle day dropped: it is the one offered, not the day after the end
        ctx = system_context(s)
        middle = s.scalars(select(ActivitySession).where(ActivitySession.seq == 2)).one()
        records.soft_delete(ctx, middle)
        day = middle.day
        s.commit()
    grid.reload()
    qtbot.waitUntil(lambda: len(grid.model.sessions) == 2, timeout=5000)
    dialog = grid.open_add_day()
    assert dialog.day.text() == f"{day.day:02d}/{day.month:02d}/{day.year + 543}" and not dialog.error.text()
    dialog.reject()
