"""Enterprises with their products, service records and outcomes; groups; service records; export."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from records_helpers import type_text
from sqlalchemy import select

from dipdesk.core.thaiid import make_id
from dipdesk.services import numbering
from dipdesk.services.outcomes import value_of
from dipdesk.store.outcomes import Outcome, ServiceRecord
from dipdesk.store.people import Enterprise, Product
from dipdesk.ui.pages.enterprises import GROUPS_TAB, SERVICES_TAB, EnterprisesPage


@pytest.fixture
def page(qtbot, env):  # type: ignore[no-untyped-def]
    p = EnterprisesPage(env, "Enterprises")
    qtbot.addWidget(p)
    p.resize(1100, 800)
    p.show()
    p.activateWindow()
    p.reload()
    qtbot.waitUntil(lambda: p.is_ready, timeout=10_000)
    return p


def test_enterprise_detail_lists_its_products_and_adds_one(qtbot, page, env) -> None:  # type: ignore[no-untyped-def]
    c = page.enterprises
    assert c.model.total == 1
    assert c.model.data(c.model.index(0, c.model.column_of("kind"))) == "วิสาหกิจชุมชน"
    c.open_record(c.model.row_id(0))
    qtbot.waitUntil(lambda: c.current_values.get("code") == "E-001", timeout=5_000)
    qtbot.waitUntil(lambda: c.products.model.total == 1, timeout=5_000)
    assert c.products.model.data(c.products.model.index(0, 0)) == "ข้าวหอมมะลิอินทรีย์"
    assert c.editor.tabs.isVisible() and c.editor.tabs.count() == 3
    c.edit_product(None)
    qtbot.waitUntil(lambda: c.dialog is not None and c.dialog.isVisible(), timeout=5_000)
    type_text(c.dialog.form.editors["name_th"].input, "ข้าวกล้องงอก")
    type_text(c.dialog.form.editors["developed_on"].input, "1 มี.ค. 2569")
    c.dialog.submit()
    qtbot.waitUntil(lambda: c.products.model.total == 2, timeout=5_000)
    with env.db.session() as s:
        p = s.scalars(select(Product).where(Product.name_th == "ข้าวกล้องงอก")).one()
        assert p.enterprise_id == c.current_id and p.developed_on.year == 2026 and p.product_type == "food"


def test_outcomes_are_recorded_per_period_and_their_value_is_computed(qtbot, page, env) -> None:  # type: ignore[no-untyped-def]
    c = page.enterprises
    c.open_record(c.model.row_id(0))
    qtbot.waitUntil(
        lambda: c.outcomes.parent_id == c.current_id and c.outcomes.model.is_loaded, timeout=5_000
    )
    assert c.outcomes.model.total == 0 and not c.outcomes.list.new_button.isHidden()
    assert "มูลค่าทางเศรษฐกิจ" in c.outcomes.list.empty_box.text_label.text()
    dialog = c.edit_outcome(None)
    assert dialog is not None and dialog.isVisible()
    form = dialog.form
    for key in ("period_start", "period_end"):
        form.editors[key].input.clear()
    type_text(form.editors["period_start"].input, "1/10/2568")
    type_text(form.editors["period_end"].input, "30 ก.ย. 2569")
    type_text(form.editors["revenue_before"].input, "1,200,000")
    type_text(form.editors["revenue_after"].input, "๑๕๐๐๐๐๐")  # Thai digits
    type_text(form.editors["cost_saved"].input, "50000")
    assert c.value_line is not None and "350,000.00" in c.value_line.text()  # computed, never typed
    dialog.submit()
    qtbot.waitUntil(lambda: c.outcomes.model.total == 1, timeout=5_000)
    with env.db.session() as s:
        o = s.scalars(select(Outcome)).one()
        assert o.enterprise_id == c.current_id and o.fiscal_year == 2569 and o.revenue_after == 1_500_000
        assert value_of(o) == 350_000


def test_new_enterprise_checks_the_juristic_id_and_offers_a_duplicate(qtbot, page, env) -> None:  # type: ignore[no-untyped-def]
    c = page.enterprises
    c.new_record()
    qtbot.waitUntil(lambda: c.form.editors["code"].input.text().startswith("IPC1-E"), timeout=5_000)
    reg = c.form.editors["registration_id"]
    type_text(reg.input, "0105550123450")  # wrong check digit
    assert reg.message.objectName() == "errorText"
    reg.input.setText("")
    type_text(reg.input, make_id("010555012345"))
    assert reg.message_text() == ""
    type_text(c.form.editors["name_th"].input, "วิสาหกิจชุมชนข้าวหอม")  # the seeded one has no province either
    c.save()
    qtbot.waitUntil(lambda: c.duplicates_dialog is not None, timeout=5_000)
    assert "จังหวัดเดียวกัน" in c.duplicates_dialog.list.item(0).text()
    c.duplicates_dialog.cancel_button.click()
    assert c.widget.currentWidget() is c.editor and c.current_id is None
    c.form.editors["name_th"].input.setText("")
    type_text(c.form.editors["name_th"].input, "บริษัท ทดสอบ จำกัด")
    c.save()
    qtbot.waitUntil(lambda: c.editor.status.text() == "บันทึกแล้ว", timeout=5_000)
    with env.db.session() as s:
        e = s.scalars(select(Enterprise).where(Enterprise.name_th == "บริษัท ทดสอบ จำกัด")).one()
        assert e.registration_id == make_id("010555012345") and e.code.startswith("IPC1-E")


def test_service_record_picks_its_enterprise_by_typing(qtbot, page, env) -> None:  # type: ignore[no-untyped-def]
    c = page.show_tab(SERVICES_TAB)
    qtbot.waitUntil(lambda: c.model.is_loaded, timeout=5_000)
    assert c.model.total == 0 and "บันทึกการให้บริการ" in c.list.empty_box.text_label.text()
    c.new_record()
    picker = c.form.editors["enterprise_id"].input
    type_text(picker, "ข้าวหอ")
    qtbot.waitUntil(lambda: picker.suggestions.rowCount() == 1, timeout=5_000)
    assert picker.choose_first() and c.form.editors["enterprise_id"].value() is not None
    type_text(c.form.editors["day"].input, "10/03/2569")
    c.save()
    qtbot.waitUntil(lambda: c.editor.status.text() == "บันทึกแล้ว", timeout=5_000)
    qtbot.waitUntil(lambda: c.model.total == 1, timeout=5_000)
    assert c.model.data(c.model.index(0, c.model.column_of("enterprise"))) == "วิสาหกิจชุมชนข้าวหอม"
    with env.db.session() as s:
        r = s.scalars(select(ServiceRecord)).one()
        assert r.service_kind == "consulting" and r.staff_name == "นายสมชาย ใจดี"


def test_groups_tab_and_a_new_group(qtbot, page, env) -> None:  # type: ignore[no-untyped-def]
    g = page.show_tab(GROUPS_TAB)
    qtbot.waitUntil(lambda: g.model.is_loaded, timeout=5_000)
    assert g.model.total == 0
    g.new_record()
    with env.db.session() as s, s.begin():
        tag = numbering.device_tag(s)  # per device within the site: two offline laptops never collide
    qtbot.waitUntil(lambda: g.form.editors["code"].input.text() == f"IPC1-G-{tag}-0001", timeout=5_000)
    type_text(g.form.editors["name_th"].input, "คลัสเตอร์ข้าวอินทรีย์")
    g.save()
    qtbot.waitUntil(lambda: g.model.total == 1, timeout=5_000)
    assert g.members.parent_id == g.current_id


def test_export_writes_the_filtered_list_with_thai_headers(qtbot, page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    c = page.enterprises
    assert c.list.export_button.isVisible() and c.list.export_button.isEnabled()
    out = tmp_path / "enterprises.xlsx"
    c.list.ask_export_path = lambda: str(out)  # type: ignore[method-assign]
    c.list.export()
    qtbot.waitUntil(lambda: c.list.export_task is None and out.exists(), timeout=10_000)
    sheet = load_workbook(out).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("รหัส", "ชื่อกิจการ", "ประเภท")
    assert rows[1][:3] == ("E-001", "วิสาหกิจชุมชนข้าวหอม", "วิสาหกิจชุมชน")
    assert "บันทึก 1 แถว" in c.list.count_label.text()
