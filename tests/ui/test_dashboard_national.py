"""The dashboard's whole-department scope (ทั้งกรม): the server's national figures as of the last sync,
per-site table and ranking, chart, Excel export; a computer that never synced says so."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from sqlalchemy import insert

from dipdesk.store.national import NationalFigures
from dipdesk.sync.server.national import compute
from dipdesk.ui.pages.dashboard import DashboardPage


def _page(qtbot, env) -> DashboardPage:  # type: ignore[no-untyped-def]
    page = DashboardPage(env, "ภาพรวม")
    qtbot.addWidget(page)
    page.resize(1100, 900)
    page.show()
    page.ensure_loaded()
    qtbot.waitUntil(lambda: page.is_ready and page.report is not None, timeout=10000)
    return page


def _receive(env, year: int) -> dict:  # type: ignore[no-untyped-def]
    """What a sync stores: the server's computation (here over this very database, which has the same
    schema as the server's)."""
    with env.db.engine.begin() as conn:
        figures = compute(conn, year)
        conn.execute(
            insert(NationalFigures.__table__),
            {"fiscal_year": year, "computed_at": figures["computed_at"], "payload": figures},
        )
    return figures


def test_whole_department_scope_before_and_after_a_sync(qtbot, env, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, env)
    year = page.report.fiscal_year
    assert page.scope_combo.findData("national") >= 0
    page.select(scope="national")
    qtbot.waitUntil(lambda: page.national_data is not None, timeout=10000)
    assert page.national.isVisibleTo(page) and not page.site_view.isVisibleTo(page)
    assert "ซิงค์" in page.national.computed_label.text()  # nothing received yet: says what to do
    assert page.national.table.rowCount() == 0

    figures = _receive(env, year)
    page.reload()
    qtbot.waitUntil(lambda: bool(page.national_data and page.national_data["figures"]), timeout=10000)
    sites = figures["sites"]
    assert page.national.table.rowCount() == len(sites) >= 11  # every regional center has a row
    assert page.national.table.item(0, 0).text() == "1"
    top = min(sites, key=lambda s: s["rank"])
    assert page.national.table.item(0, 1).text().startswith(top["code"])
    reached = page.national.rows["persons"][0].text()
    assert reached == f"{figures['total']['persons']:,}" and figures["total"]["persons"] > 0
    assert page.national.chart.categories  # one bar pair per site

    out = tmp_path / "department.xlsx"
    assert page.national.export_table(str(out)) == 1 + len(sites)
    ws = load_workbook(out).active
    assert ws is not None
    assert str(year) in str(ws["A1"].value)
    assert ws["D4"].value == figures["total"]["persons"]

    page.select(scope="site")  # back to the site's own figures
    qtbot.waitUntil(lambda: page.site_view.isVisibleTo(page), timeout=10000)
    assert not page.national.isVisibleTo(page)


def test_the_targets_of_each_site_are_edited_in_a_table(qtbot, env) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from dipdesk.services.kpi import find_target
    from dipdesk.store.reference import Site
    from dipdesk.ui.pages.national_panel import SiteTargetsDialog

    dialog = SiteTargetsDialog(env, 2569)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 11, timeout=10000)  # the eleven regional centers
    assert dialog.table.item(1, 0).text().startswith("IPC2")
    dialog.table.item(1, 1).setText("1,500")
    dialog.table.item(1, 5).setText("1200000000")
    with qtbot.waitSignal(dialog.saved, timeout=10000):
        dialog.save()
    with env.db.session() as s:
        ipc2 = s.scalars(select(Site).where(Site.code == "IPC2")).one()
        t = find_target(s, 2569, for_site_id=ipc2.id)
        assert t is not None and t.persons == 1500 and t.economic_value == 1200000000


def test_a_target_that_is_not_a_number_is_refused(qtbot, env) -> None:  # type: ignore[no-untyped-def]
    from dipdesk.ui.pages.national_panel import SiteTargetsDialog

    dialog = SiteTargetsDialog(env, 2569)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 11, timeout=10000)
    dialog.table.item(0, 1).setText("ห้าร้อย")
    dialog.save()
    assert dialog.error.text() == "เป้าหมายต้องเป็นตัวเลข"
