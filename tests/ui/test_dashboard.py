"""The targets dashboard page: year and scope pickers, charts, tables, Excel export, targets editing."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QLabel

from dipdesk.ui.pages.dashboard import DashboardPage


def _page(qtbot, env) -> DashboardPage:  # type: ignore[no-untyped-def]
    page = DashboardPage(env, "ภาพรวม")
    qtbot.addWidget(page)
    page.resize(1100, 900)
    page.show()
    page.ensure_loaded()
    qtbot.waitUntil(lambda: page.is_ready, timeout=10000)
    return page


def test_figures_charts_and_export(qtbot, env, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, env)
    assert page.load_error is None
    reached, target, bar = page.kpi_rows["persons"]
    assert (reached.text(), target.text(), bar.value()) == ("2", "100", 2)
    assert page.kpi_rows["groups"][1].text() == "2"
    assert page.service_chart.categories == ["การฝึกอบรม"] and page.program_chart.categories
    assert page.service_table.rowCount() == 1 and page.program_table.item(0, 1).text() == "2"
    page.indicator_combo.setCurrentIndex(4)  # economic value: the charts follow
    assert "ล้านบาท" in page.service_chart.chart_.title()

    out = tmp_path / "targets.xlsx"
    assert page.export_table(str(out)) == 3  # the site, one service, one program
    ws = load_workbook(out).active
    assert ws is not None
    assert "ปีงบประมาณ" in str(ws["A1"].value)
    assert ws["A3"].value == "ระดับ" and ws["D3"].value == "ผู้ประกอบการ ผลงาน"
    assert (ws["D4"].value, ws["E4"].value, ws["F4"].value) == (2, 100, 2)

    page.select(scope="all")
    qtbot.waitUntil(lambda: page.report is not None and page.report.scope == "all", timeout=10000)
    assert "ทุกหน่วยงาน" in page.scope_combo.currentText()
    assert page.kpi_rows["persons"][1].text() == "ยังไม่กำหนด"  # no national target in this database


class _PaintSpy(QObject):
    """Records the text and width of a label each time it is painted, with the width it needs."""

    def __init__(self) -> None:
        super().__init__()
        self.paints: list[tuple[str, int, int]] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and isinstance(watched, QLabel):
            self.paints.append((watched.text(), watched.width(), watched.sizeHint().width()))
        return False


def test_a_figure_is_never_painted_cut(qtbot, env) -> None:  # type: ignore[no-untyped-def]
    """Seen in the real window after log-in: 1,733.85 M baht showed as "33.85" for a moment. Setting a
    progress bar's value repaints at once, and the figures with it, in the places laid out for their "…"
    placeholders. Every paint of a figure has the room its text needs."""
    page = _page(qtbot, env)
    assert page.report is not None
    page.report.site.value = Decimal("1733850000")  # baht: shown in millions
    page.report.site.counts["persons"] = 1_234_567
    spy = _PaintSpy()
    for kind in ("economic_value", "persons"):
        label = page.kpi_rows[kind][0]
        label.setText("…")
        label.installEventFilter(spy)
    qtbot.wait(50)  # the placeholders laid out and painted, as before a load
    page._loaded(page.report)
    qtbot.wait(50)
    shown = [p for p in spy.paints if p[0] in ("1,733.85", "1,234,567")]
    assert {p[0] for p in shown} == {"1,733.85", "1,234,567"}, spy.paints
    cut = [p for p in shown if p[1] < p[2]]
    assert not cut, f"painted in less room than the text needs (text, width, needed): {cut}"


def test_admin_edits_the_targets(qtbot, env) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, env)
    assert page.targets_button.isVisibleTo(page)
    dialog = page.open_targets()
    assert dialog is not None
    qtbot.waitUntil(lambda: bool(dialog.rows), timeout=5000)
    scopes = [r.scope for r in dialog.rows]
    assert scopes == ["national", "site", "program"] and not dialog.rows[0].editable
    dialog.set_value(1, "persons", "๑๒๐")  # Thai digits are fine
    dialog.set_value(2, "groups", "1.5")
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Save).isEnabled()
    dialog.set_value(2, "groups", "1")
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        dialog.save()
    qtbot.waitUntil(lambda: page.kpi_rows["persons"][1].text() == "120", timeout=10000)
    assert page.program_table.item(0, 4).text() == "0 / 1"


def test_a_staff_member_cannot_edit_targets(qtbot, env) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    page = DashboardPage(replace(env, user=replace(env.user, role="staff")), "ภาพรวม")
    qtbot.addWidget(page)
    assert not page.targets_button.isVisibleTo(page) and page.open_targets() is None


def test_chart_axes_on_a_year_without_data_count_in_whole_numbers(qtbot, env) -> None:  # type: ignore[no-untyped-def]
    """A year with nothing in it: the count axis reads 0 1, never "0 1 1 2" (issue 11)."""
    from PySide6.QtCharts import QValueAxis

    page = _page(qtbot, env)
    empty_year = page.report.fiscal_year - 5
    page.select(year=empty_year)
    qtbot.waitUntil(lambda: page.report is not None and page.report.fiscal_year == empty_year, timeout=10000)
    assert page.kpi_rows["persons"][0].text() == "0"
    checked = 0
    for chart in (page.service_chart, page.program_chart):
        axes = [a for a in chart.chart_.axes() if isinstance(a, QValueAxis)]
        for axis in axes:
            step = (axis.max() - axis.min()) / max(1, axis.tickCount() - 1)
            assert step >= 1 and step == int(step), (axis.min(), axis.max(), axis.tickCount())
            checked += 1
    assert checked >= 1
