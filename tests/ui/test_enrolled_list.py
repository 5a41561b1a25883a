"""The activity's detail lists who is enrolled, and follows new enrollments (issue 11)."""

from __future__ import annotations

from sqlalchemy import select

from dipdesk.services import records
from dipdesk.services.context import system_context
from dipdesk.store.enrollment import Enrollment
from dipdesk.store.people import Person
from dipdesk.store.programs import Activity
from dipdesk.ui.changes import data_changed
from dipdesk.ui.records.enrolled import EnrolledList


def test_enrolled_people_are_listed_and_follow_changes(qtbot, env) -> None:  # type: ignore[no-untyped-def]
    with env.db.session() as s:
        activity_id = s.scalars(select(Activity.id).where(Activity.code == "A-001")).one()
    view = EnrolledList(env.db)
    qtbot.addWidget(view)
    view.show()
    assert "บันทึกกิจกรรมก่อน" in view.count_label.text()
    view.set_activity(activity_id)
    qtbot.waitUntil(lambda: view.table.rows_model.rowCount() == 2, timeout=10_000)
    names = {r["person"] for r in view.table.rows_model.rows}
    assert names == {"นางสมศรี รักไทย", "นายวิชัย มั่นคง"}
    assert view.count_label.text() == "ลงทะเบียนแล้ว 2 คน"
    with env.db.session() as s, s.begin():
        ctx = system_context(s)
        p = records.create(ctx, Person, prefix="นาย", first_name_th="มานะ", last_name_th="ขยัน")
        records.create(ctx, Enrollment, activity_id=activity_id, person_id=p.id, status="enrolled")
    data_changed("enrollments")
    qtbot.waitUntil(lambda: view.table.rows_model.rowCount() == 3, timeout=10_000)
