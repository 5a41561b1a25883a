"""The people screen: the list loads, searches and sorts in SQL; the form checks as you type; saving goes
through the services; a possible duplicate is offered before a second record is made."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from records_helpers import type_text
from sqlalchemy import select

from dipdesk.core.thaiid import make_id
from dipdesk.store.auth import AuditEntry
from dipdesk.store.people import Person
from dipdesk.ui.pages.people import PeoplePage
from dipdesk.ui.records.dialogs import DuplicatesDialog

NID = make_id("110170012345")  # สมศรี รักไทย's, in the seeded database


@pytest.fixture
def page(qtbot, env):  # type: ignore[no-untyped-def]
    p = PeoplePage(env, "People")
    qtbot.addWidget(p)
    p.resize(1100, 760)
    p.show()
    p.activateWindow()  # keyboard shortcuts go to the active window
    p.reload()
    qtbot.waitUntil(lambda: p.is_ready, timeout=10_000)
    return p


def names(model) -> list[str]:  # type: ignore[no-untyped-def]
    return [model.data(model.index(r, 1)) for r in range(model.rowCount())]


def test_list_loads_with_count_masked_ids_and_thai_headers(page) -> None:  # type: ignore[no-untyped-def]
    c = page.people
    model = c.model
    assert model.rowCount() == 2 and model.total == 2
    assert sorted(names(model)) == ["มั่นคง", "รักไทย"]
    assert c.list.count_label.text() == "2 คน"
    ids = [model.data(model.index(r, 2)) for r in range(2)]
    assert any(i and "xxxxx" in i for i in ids) and NID not in ids
    assert model.headerData(1, Qt.Orientation.Horizontal) == "นามสกุล"
    assert page.load_error is None


def test_search_filters_in_sql_and_says_when_nothing_matches(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    c = page.people
    type_text(c.list.search, "รักไท")
    c.list.apply_search()
    qtbot.waitUntil(lambda: not c.model.loading and c.model.total == 1, timeout=5_000)
    assert names(c.model) == ["รักไทย"]
    c.list.search.setText("ไม่มีใครชื่อนี้")
    c.list.apply_search()
    qtbot.waitUntil(lambda: c.model.total == 0, timeout=5_000)
    assert c.list.stack.currentIndex() == 1, "an empty state replaces the table"
    assert "ไม่พบ" in c.list.empty_box.text_label.text() and "Esc" in c.list.empty_box.text_label.text()
    qtbot.keyClick(c.list.search, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: c.model.total == 2, timeout=5_000)


def test_sorting_by_a_header_is_done_in_sql(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    c = page.people
    col = c.model.column_of("last_name_th")
    c.list.table.sortByColumn(col, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: c.model.query.sort == "last_name_th" and not c.model.loading, timeout=5_000)
    assert names(c.model) == ["มั่นคง", "รักไทย"]
    c.list.table.sortByColumn(col, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: c.model.query.descending and not c.model.loading, timeout=5_000)
    assert names(c.model) == ["รักไทย", "มั่นคง"]


def test_keyboard_ctrl_f_enter_opens_and_esc_returns(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    c = page.people
    c.list.table.setFocus()
    qtbot.keyClick(c.list.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is c.list.search
    qtbot.keyClick(c.list.search, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is c.list.table and c.list.table.currentIndex().row() == 0
    qtbot.keyClick(c.list.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: c.current_values.get("id") == c.model.row_id(0), timeout=5_000)
    assert c.widget.currentWidget() is c.editor
    qtbot.keyClick(c.editor, Qt.Key.Key_Escape)
    assert c.widget.currentWidget() is c.list


def test_form_says_what_is_wrong_next_to_the_field_as_you_type(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    c = page.people
    qtbot.keyClick(c.list.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert c.widget.currentWidget() is c.editor
    nid = c.form.editors["national_id"]
    type_text(nid.input, "1-1017-001")
    assert nid.message.isVisible() and "13" in nid.message_text() and nid.message.objectName() == "muted"
    type_text(nid.input, "23-45-0")  # 13 digits, wrong check digit
    assert nid.message.objectName() == "errorText" and "เลขตรวจสอบ" in nid.message_text()
    born = c.form.editors["birth_date"]
    type_text(born.input, "15/03/2523")
    assert born.message.objectName() == "okText" and born.message_text() == "15 มีนาคม พ.ศ. 2523"
    born.input.clear()
    type_text(born.input, "31/02/2563")
    assert "ไม่มีวันที่ 31" in born.message_text()
    phone = c.form.editors["phone"]
    type_text(phone.input, "+66 81 234 567")
    assert phone.message.objectName() == "muted"  # still typing
    type_text(phone.input, "8")
    assert phone.message_text() == ""
    c.save()  # refused in the form: nothing reaches the database
    assert c.form.editors["first_name_th"].message_text() == "กรุณากรอกช่องนี้"
    assert "แก้ไข" in c.editor.status.text()


def test_save_creates_the_person_through_the_services(qtbot, page, env) -> None:  # type: ignore[no-untyped-def]
    c = page.people
    c.new_record()
    f = c.form.editors
    f["prefix"].input.setEditText("นางสาว")
    type_text(f["first_name_th"].input, "มาลี")
    type_text(f["last_name_th"].input, "ศรีสุขสวัสดิ์")
    type_text(f["phone"].input, "081-234-5678")
    type_text(f["birth_date"].input, "1/1/2530")
    f["consent"].input.setChecked(True)
    qtbot.keyClick(c.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: c.editor.status.text() == "บันทึกแล้ว", timeout=5_000)
    assert c.editor.title.text() == "นางสาวมาลี ศรีสุขสวัสดิ์"
    with env.db.session() as s:
        p = s.scalars(select(Person).where(Person.first_name_th == "มาลี")).one()
        assert p.phone == "0812345678" and p.birth_date.year == 1987 and p.consent
        assert s.scalars(select(AuditEntry).where(AuditEntry.record_id == p.id)).one().user_id == env.user.id
    qtbot.waitUntil(lambda: c.model.total == 3, timeout=5_000)  # the list was marked stale and refetched


def test_a_service_refusal_is_shown_under_its_field(qtbot, page, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    c = page.people
    monkeypatch.setattr(type(c), "duplicates", False)  # straight to the service's own unique check
    c.new_record()
    type_text(c.form.editors["first_name_th"].input, "อื่น")
    type_text(c.form.editors["national_id"].input, NID)
    c.save()
    qtbot.waitUntil(lambda: bool(c.form.editors["national_id"].message_text()), timeout=5_000)
    assert NID in c.form.editors["national_id"].message_text()  # "มีผู้ใช้ค่า … แล้ว"
    assert c.form.editors["national_id"].message.objectName() == "errorText"


def test_a_possible_duplicate_is_offered_before_creating(qtbot, page, env) -> None:  # type: ignore[no-untyped-def]
    c = page.people
    c.new_record()
    type_text(c.form.editors["first_name_th"].input, "สมศรี")
    type_text(c.form.editors["national_id"].input, NID)
    c.save()
    qtbot.waitUntil(
        lambda: c.duplicates_dialog is not None and c.duplicates_dialog.isVisible(), timeout=5_000
    )
    dialog: DuplicatesDialog = c.duplicates_dialog
    assert dialog.list.count() == 1 and "รักไทย" in dialog.list.item(0).text()
    assert "เลขประจำตัวประชาชนเดียวกัน" in dialog.list.item(0).text()
    dialog.open_button.click()
    qtbot.waitUntil(lambda: c.current_values.get("last_name_th") == "รักไทย", timeout=5_000)
    assert c.editor.title.text() == "นางสมศรี รักไทย"
    with env.db.session() as s:
        assert len(s.scalars(select(Person).where(Person.national_id == NID)).all()) == 1


def test_create_anyway_after_a_name_and_birth_date_match(qtbot, page, env) -> None:  # type: ignore[no-untyped-def]
    c = page.people
    with env.db.session() as s, s.begin():
        s.scalars(select(Person).where(Person.first_name_th == "วิชัย")).one().birth_date = __import__(
            "datetime"
        ).date(1975, 5, 5)
    c.new_record()
    type_text(c.form.editors["first_name_th"].input, "วิชัย")
    type_text(c.form.editors["last_name_th"].input, "มั่นคง")
    type_text(c.form.editors["birth_date"].input, "05/05/2518")
    c.save()
    qtbot.waitUntil(lambda: c.duplicates_dialog is not None, timeout=5_000)
    c.duplicates_dialog.create_button.click()
    qtbot.waitUntil(lambda: c.editor.status.text() == "บันทึกแล้ว", timeout=5_000)
    with env.db.session() as s:
        assert len(s.scalars(select(Person).where(Person.first_name_th == "วิชัย")).all()) == 2


def test_viewers_see_masked_ids_and_cannot_write(qtbot, env) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    viewer_env = replace(env, user=replace(env.user, role="viewer"))
    p = PeoplePage(viewer_env, "People")
    qtbot.addWidget(p)
    p.show()
    p.reload()
    qtbot.waitUntil(lambda: p.is_ready, timeout=10_000)
    c = p.people
    assert not c.list.new_button.isEnabled()
    row = next(r for r in range(2) if c.model.data(c.model.index(r, 1)) == "รักไทย")
    c.open_record(c.model.row_id(row))
    qtbot.waitUntil(lambda: bool(c.current_values), timeout=5_000)
    shown = c.form.editors["national_id"].input.text()
    assert "xxxxx" in shown and NID not in shown.replace("-", "")
    assert not c.editor.save_button.isEnabled() and c.editor.delete_button.isHidden()


def test_deleting_an_enrolled_person_is_refused_and_says_why(qtbot, page, env, dialogs) -> None:  # type: ignore[no-untyped-def]
    c = page.people
    row = next(r for r in range(2) if c.model.data(c.model.index(r, 1)) == "มั่นคง")
    c.open_record(c.model.row_id(row))
    qtbot.waitUntil(lambda: c.current_values.get("last_name_th") == "มั่นคง", timeout=5_000)
    c.delete()
    error = c.editor.error_box
    qtbot.waitUntil(lambda: error.isVisibleTo(c.editor), timeout=5_000)
    assert "ลบไม่ได้: ผู้ประกอบการรายนี้มีการลงทะเบียน 1 รายการ ให้ถอนการลงทะเบียนก่อน" in error.text_label.text()
    assert c.widget.currentWidget() is c.editor and c.model.total == 2
    with env.db.session() as s:
        assert not s.scalars(select(Person).where(Person.first_name_th == "วิชัย")).one().deleted


def test_delete_after_confirming_hides_the_person(qtbot, page, env, dialogs) -> None:  # type: ignore[no-untyped-def]
    from dipdesk.services.context import system_context
    from dipdesk.services.enrollment import unenroll
    from dipdesk.store.enrollment import Enrollment

    with env.db.session() as s, s.begin():  # withdrawn first: an enrolled person cannot be deleted
        wichai = s.scalars(select(Person).where(Person.first_name_th == "วิชัย")).one()
        unenroll(
            system_context(s), s.scalars(select(Enrollment).where(Enrollment.person_id == wichai.id)).one()
        )
    c = page.people
    row = next(r for r in range(2) if c.model.data(c.model.index(r, 1)) == "มั่นคง")
    c.open_record(c.model.row_id(row))
    qtbot.waitUntil(lambda: c.current_values.get("last_name_th") == "มั่นคง", timeout=5_000)
    c.delete()  # the confirmation (patched to answer OK) names who is deleted
    assert "นายวิชัย มั่นคง" in dialogs[-1]
    qtbot.waitUntil(lambda: c.model.total == 1 and c.widget.currentWidget() is c.list, timeout=5_000)
    with env.db.session() as s:
        assert s.scalars(select(Person).where(Person.first_name_th == "วิชัย")).one().deleted


def test_title_and_list_write_a_latin_first_name_apart_from_its_thai_title(qtbot, page, env) -> None:  # type: ignore[no-untyped-def]
    from dipdesk.services import records
    from dipdesk.services.context import system_context
    from dipdesk.ui.records.people import person_title

    assert (
        person_title({"prefix": "นาง", "first_name_th": "สมศรี", "last_name_th": "รักไทย"}) == "นางสมศรี รักไทย"
    )
    assert person_title({"prefix": "นางสาว", "first_name_th": "Mary", "last_name_th": "Smith"}) == (
        "นางสาว Mary Smith"
    )
    with env.db.session() as s, s.begin():
        records.create(system_context(s), Person, prefix="นางสาว", first_name_th="Mary", last_name_th="Smith")
    c = page.people
    c.model.refresh()
    qtbot.waitUntil(lambda: c.model.total == 3, timeout=5_000)
    shown = [c.model.data(c.model.index(r, c.model.column_of("name"))) for r in range(c.model.rowCount())]
    assert "นางสาว Mary" in shown and "นางสมศรี" in shown
