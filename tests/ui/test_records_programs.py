"""Programs → activities → training days, and the doors to enrollment and attendance (part B's widgets)."""

from __future__ import annotations

import sys
import types

import pytest
from PySide6.QtWidgets import QDialog, QWidget
from records_helpers import type_text
from sqlalchemy import select

from dipdesk.services import numbering
from dipdesk.store.programs import Activity, ActivitySession, Program
from dipdesk.ui.pages.programs import ACTIVITIES_TAB, ProgramsPage
from dipdesk.ui.records import programs as programs_module


@pytest.fixture
def page(qtbot, env):  # type: ignore[no-untyped-def]
    p = ProgramsPage(env, "Programs")
    qtbot.addWidget(p)
    p.resize(1100, 800)
    p.show()
    p.activateWindow()
    p.reload()
    qtbot.waitUntil(lambda: p.is_ready, timeout=10_000)
    return p


def open_first(qtbot, controller) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: controller.model.is_loaded and controller.model.rowCount() > 0, timeout=5_000)
    record_id = controller.model.row_id(0)
    controller.open_record(record_id)
    qtbot.waitUntil(lambda: controller.current_values.get("id") == record_id, timeout=5_000)


def test_programs_list_and_a_program_lists_its_activities(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    c = page.programs
    assert c.model.total == 1 and c.model.data(c.model.index(0, 0)) == "P-001"
    assert c.model.data(c.model.index(0, c.model.column_of("service_kind"))) == "การฝึกอบรม"
    open_first(qtbot, c)
    assert c.editor.title.text() == "โครงการพัฒนาผู้ประกอบการ"
    qtbot.waitUntil(lambda: c.activities.model.total == 1, timeout=5_000)
    assert c.activities.model.data(c.activities.model.index(0, 0)) == "A-001"
    # opening it from the program shows it in the Activities tab
    c.activities.list.table.setCurrentIndex(c.activities.model.index(0, 0))
    c.activities.list.table.open_requested.emit(c.activities.model.row_id(0))
    qtbot.waitUntil(lambda: page.activities.current_values.get("code") == "A-001", timeout=5_000)
    assert page.tabs.currentIndex() == ACTIVITIES_TAB


def test_new_program_suggests_a_code_and_checks_the_year(qtbot, page, env) -> None:  # type: ignore[no-untyped-def]
    c = page.programs
    c.new_record()
    code = c.form.editors["code"]
    qtbot.waitUntil(lambda: code.input.text().startswith("IPC1-"), timeout=5_000)
    year = c.form.editors["fiscal_year"]
    year.input.setText("")
    type_text(year.input, "2020")
    assert year.message.objectName() == "errorText" and "พ.ศ." in year.message_text()
    year.input.setText("")
    type_text(year.input, "2570")
    type_text(c.form.editors["name_th"].input, "โครงการทดสอบ")
    c.save()
    qtbot.waitUntil(lambda: c.editor.status.text() == "บันทึกแล้ว", timeout=5_000)
    with env.db.session() as s:
        p = s.scalars(select(Program).where(Program.name_th == "โครงการทดสอบ")).one()
        assert p.fiscal_year == 2570 and p.service_kind == "training" and p.code == code.input.text()


def test_new_activity_from_a_program_then_its_training_days(qtbot, page, env) -> None:  # type: ignore[no-untyped-def]
    programs = page.programs
    open_first(qtbot, programs)
    programs.activities.new_requested.emit()
    a = page.activities
    assert page.tabs.currentIndex() == ACTIVITIES_TAB and a.widget.currentWidget() is a.editor
    qtbot.waitUntil(lambda: a.form.editors["program_id"].value() == programs.current_id, timeout=5_000)
    qtbot.waitUntil(lambda: a.form.editors["code"].input.text().startswith("IPC1-"), timeout=5_000)
    type_text(a.form.editors["title_th"].input, "อบรมบัญชีต้นทุน รุ่นที่ 1")
    type_text(a.form.editors["start_date"].input, "01/02/2569")
    type_text(a.form.editors["end_date"].input, "31/01/2569")
    a.save()
    # the service refuses an end before the start, and says so under the end date
    qtbot.waitUntil(lambda: "ก่อนวันเริ่ม" in a.form.editors["end_date"].message_text(), timeout=5_000)
    assert a.form.editors["end_date"].message.objectName() == "errorText"
    a.form.editors["end_date"].input.setText("")
    type_text(a.form.editors["end_date"].input, "03/02/2569")
    assert not a.enroll_button.isEnabled(), "enrollment needs a saved activity"
    a.save()
    qtbot.waitUntil(lambda: a.editor.status.text() == "บันทึกแล้ว", timeout=5_000)
    assert a.enroll_button.isEnabled() and a.sessions.parent_id == a.current_id

    a.edit_session(None)
    qtbot.waitUntil(lambda: a.dialog is not None and a.dialog.isVisible(), timeout=5_000)
    form = a.dialog.form
    assert form.editors["seq"].input.text() == "1" and form.editors["day"].input.text() == "01/02/2569"
    type_text(form.editors["topic"].input, "ต้นทุนการผลิต")
    a.dialog.submit()
    qtbot.waitUntil(lambda: a.sessions.model.total == 1, timeout=5_000)
    with env.db.session() as s:
        activity = s.scalars(select(Activity).where(Activity.title_th == "อบรมบัญชีต้นทุน รุ่นที่ 1")).one()
        day = s.scalars(select(ActivitySession).where(ActivitySession.activity_id == activity.id)).one()
        assert day.topic == "ต้นทุนการผลิต" and day.seq == 1 and activity.completion_threshold == 80
    a.edit_session(None)  # the next day follows on
    qtbot.waitUntil(
        lambda: a.dialog is not None and a.dialog.form.editors["seq"].input.text() == "2", timeout=5_000
    )
    assert a.dialog.form.editors["day"].input.text() == "02/02/2569"
    a.dialog.reject()


def test_enrollment_is_honestly_not_available_without_part_b(qtbot, page, dialogs, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    a = page.show_tab(ACTIVITIES_TAB)
    open_first(qtbot, a)
    real = programs_module.importlib.import_module

    def missing(name: str, package: str | None = None):  # type: ignore[no-untyped-def]
        if name == "dipdesk.ui.attendance":
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return real(name, package)

    monkeypatch.setattr(programs_module.importlib, "import_module", missing)
    a.enroll_button.click()
    assert dialogs and "ยังไม่มี" in dialogs[-1]
    assert a.attendance_window is None


def test_enrollment_and_attendance_open_part_bs_widgets(qtbot, page, env, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    a = page.show_tab(ACTIVITIES_TAB)
    open_first(qtbot, a)
    made: list[tuple[object, ...]] = []

    class EnrollmentDialog(QDialog):
        def __init__(self, db, ctx_factory, activity_id, parent=None):  # type: ignore[no-untyped-def]
            super().__init__(parent)
            made.append(("enroll", db, activity_id, ctx_factory))

    class AttendanceGrid(QWidget):
        def __init__(self, db, ctx_factory, activity_id, parent=None):  # type: ignore[no-untyped-def]
            super().__init__(parent)
            made.append(("grid", db, activity_id, ctx_factory))

    fake = types.ModuleType("dipdesk.ui.attendance")
    fake.EnrollmentDialog = EnrollmentDialog  # type: ignore[attr-defined]
    fake.AttendanceGrid = AttendanceGrid  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "dipdesk.ui.attendance", fake)
    a.enroll_button.click()
    assert made[-1][:3] == ("enroll", env.db, a.current_id) and a.attendance_window.isVisible()
    with env.db.session() as s:  # the factory gives a Context of the logged-in user
        ctx = made[-1][3](s)
        assert ctx.user.id == env.user.id and ctx.site.code == "IPC1"
    a.attendance_window.reject()
    a.attendance_button.click()
    assert made[-1][0] == "grid" and isinstance(a.attendance_window, QDialog)
    a.attendance_window.reject()


def test_activities_filter_by_fiscal_year(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    a = page.show_tab(ACTIVITIES_TAB)
    qtbot.waitUntil(lambda: a.year_filter.count() > 1 and a.model.total == 1, timeout=5_000)
    year = a.year_filter.itemData(1)
    a.year_filter.setCurrentIndex(
        a.year_filter.findData(year - 1) if a.year_filter.findData(year - 1) > 0 else 1
    )
    a.model.set_filters(fiscal_year=year + 5)
    qtbot.waitUntil(lambda: a.model.total == 0, timeout=5_000)
    assert a.list.stack.currentIndex() == 1 and "ปีงบประมาณอื่น" in a.list.empty_box.text_label.text()


def test_a_new_programs_code_follows_the_fiscal_year_in_the_form(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    c = page.programs
    c.new_record()
    code, year = c.form.editors["code"], c.form.editors["fiscal_year"]
    this_year = programs_module.this_fiscal_year()
    qtbot.waitUntil(lambda: code.input.text().startswith(f"IPC1-{this_year}-P"), timeout=5_000)
    year.input.setText("")
    type_text(year.input, "2571")
    with page.programs.db.session() as s, s.begin():
        tag = numbering.device_tag(s)  # per device within the site: two offline laptops never collide
    qtbot.waitUntil(lambda: code.input.text() == f"IPC1-2571-P-{tag}-01", timeout=5_000)
    code.input.setText("")
    type_text(code.input, "MY-CODE")  # typed by the user: no longer suggested
    year.input.setText("")
    type_text(year.input, "2572")
    qtbot.wait(200)
    assert code.input.text() == "MY-CODE"


def test_a_new_activitys_code_takes_its_programs_fiscal_year(qtbot, page, env) -> None:  # type: ignore[no-untyped-def]
    from dipdesk.services import records
    from dipdesk.services.context import system_context

    with env.db.session() as s, s.begin():
        older = records.create(system_context(s), Program, code="P-OLD", name_th="โครงการปีก่อน",
                               fiscal_year=2566, service_kind="training")  # fmt: skip
        older_id = older.id
    a = page.show_tab(ACTIVITIES_TAB)
    a.new_record()
    code, program = a.form.editors["code"], a.form.editors["program_id"]
    this_year = programs_module.this_fiscal_year()
    qtbot.waitUntil(lambda: code.input.text().startswith(f"IPC1-{this_year}-A"), timeout=5_000)
    qtbot.waitUntil(lambda: program.input.findData(older_id) >= 0, timeout=5_000)
    program.input.setCurrentIndex(program.input.findData(older_id))  # choosing the program re-suggests
    with env.db.session() as s, s.begin():
        tag = numbering.device_tag(s)
    qtbot.waitUntil(lambda: code.input.text() == f"IPC1-2566-A-{tag}-00001", timeout=5_000)
    code.input.setText("")
    type_text(code.input, "A-MINE")
    program.input.setCurrentIndex(program.input.findData(page.programs.model.row_id(0)))
    qtbot.wait(200)
    assert code.input.text() == "A-MINE"


def _open_activity_with_days(qtbot, page, env, days: list[int]):  # type: ignore[no-untyped-def]
    """The seeded activity (three days long) with training days on the given days of it (0-based)."""
    import datetime as dt

    from dipdesk.services import records
    from dipdesk.services.context import system_context

    with env.db.session() as s, s.begin():
        ctx = system_context(s)
        activity = s.scalars(select(Activity).where(Activity.code == "A-001")).one()
        for seq, offset in enumerate(days, 1):
            records.create(ctx, ActivitySession, activity_id=activity.id, seq=seq,
                           day=activity.start_date + dt.timedelta(days=offset), hours=6)  # fmt: skip
        start, end = activity.start_date, activity.end_date
    a = page.show_tab(ACTIVITIES_TAB)
    open_first(qtbot, a)
    return a, start, end


def test_a_new_training_day_is_offered_within_the_activitys_dates(qtbot, page, env) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    a, start, _end = _open_activity_with_days(qtbot, page, env, [0, 2])
    a.edit_session(None)
    qtbot.waitUntil(lambda: a.dialog is not None and a.dialog.isVisible(), timeout=5_000)
    day = start + dt.timedelta(days=1)  # the day after the last (the end) is outside: the free day instead
    assert a.dialog.form.editors["day"].value() == day and a.dialog.form.editors["seq"].value() == 3
    assert not a.dialog.notice.isVisibleTo(a.dialog)
    a.dialog.reject()


def test_a_full_activity_says_so_instead_of_offering_a_day(qtbot, page, env) -> None:  # type: ignore[no-untyped-def]
    a, _start, _end = _open_activity_with_days(qtbot, page, env, [0, 1, 2])
    a.edit_session(None)
    qtbot.waitUntil(lambda: a.dialog is not None and a.dialog.isVisible(), timeout=5_000)
    assert a.dialog.form.editors["day"].input.text() == ""
    assert a.dialog.notice.isVisibleTo(a.dialog)
    assert "วันสิ้นสุด" in a.dialog.notice.text_label.text()
    a.dialog.reject()


def test_at_1280_by_800_the_list_fits_and_the_training_days_are_in_sight(qtbot, page, env) -> None:  # type: ignore[no-untyped-def]
    page.resize(980, 720)  # the page's share of a 1280×800 window (the sidebar and status bar take the rest)
    a = page.show_tab(ACTIVITIES_TAB)
    qtbot.waitUntil(lambda: a.model.is_loaded and a.model.rowCount() > 0, timeout=5_000)
    table = a.list.table
    qtbot.waitUntil(lambda: table.horizontalScrollBar().maximum() == 0, timeout=2_000)
    for key in ("title_th", "start_date", "end_date", "enrolled"):
        assert not table.isColumnHidden(a.model.column_of(key)), key
    assert table.columnWidth(a.model.column_of("title_th")) >= 180
    a, _start, _end = _open_activity_with_days(qtbot, page, env, [0, 1, 2])
    qtbot.waitUntil(lambda: a.sessions.model.total == 3, timeout=5_000)
    qtbot.wait(50)

    def bottom(widget) -> int:  # type: ignore[no-untyped-def]
        return widget.mapTo(page, widget.rect().bottomLeft()).y()

    assert a.editor.tabs.isVisible() and a.sessions.list.table.isVisible()
    assert bottom(a.sessions.list.table) <= page.height() and bottom(a.editor.save_button) <= page.height()
    a.show_list()
    page.resize(1600, 900)  # a wider window shows the columns left out again
    qtbot.waitUntil(lambda: not table.isColumnHidden(a.model.column_of("program")), timeout=2_000)
