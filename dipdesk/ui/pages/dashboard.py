"""ภาพรวม: the targets dashboard — the fiscal year's reach against its targets, counted distinct.

The counting rule and the targets live in `dipdesk.services.kpi`; this page picks the fiscal year (BE)
and the scope, shows the site's figures with progress bars, compares service kinds and programs in charts
(QtCharts) and tables, exports them to Excel, and lets an administrator edit the year's targets.
"""

from __future__ import annotations

import html
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dipdesk.core.digits import to_arabic_digits
from dipdesk.services import kpi
from dipdesk.services.errors import ServiceError
from dipdesk.ui import theme, workers
from dipdesk.ui.changes import data_changed
from dipdesk.ui.flow import FlowLayout, together
from dipdesk.ui.i18n import current_language
from dipdesk.ui.labels import value_label
from dipdesk.ui.pages.base import AreaPage
from dipdesk.ui.pages.evidence_share import EvidenceShareCard
from dipdesk.ui.pages.kpi_figures import CHART_LABEL_CHARS as CHART_LABEL_CHARS
from dipdesk.ui.pages.kpi_figures import KINDS, MILLION, NAMES, SERVICES, SHORT, BarChart
from dipdesk.ui.pages.kpi_figures import REACHED as REACHED
from dipdesk.ui.pages.kpi_figures import TARGET as TARGET
from dipdesk.ui.pages.kpi_figures import figure as _figure
from dipdesk.ui.pages.kpi_figures import translate as _t
from dipdesk.ui.pages.national_panel import NationalPanel, SiteTargetsDialog, load_national
from dipdesk.ui.widgets import ElidedLabel, StatCard, card_grid, format_date, format_number, lay_out_now
from dipdesk.ui.workers import Task


def line_name(line: kpi.KpiLine, level: str) -> str:
    if level == "service":
        return _t(SERVICES[line.key]) if line.key in SERVICES else value_label(line.key)
    return line.name


def _chart_name(line: kpi.KpiLine) -> str:
    """A program's name without the word โครงการ every one of them starts with (the bars are labelled)."""
    name = line.name or line.code
    return name[len("โครงการ") :].strip() or name if name.startswith("โครงการ") else name


class DashboardPage(AreaPage):
    view_name = "dashboard"

    def description(self) -> str:
        return self.tr(
            "This site's work in the fiscal year and its progress toward the year's targets. "
            "Each person, enterprise, product and group counts once, however many activities it joined."
        )

    def build(self) -> None:
        self._requested_year: int | None = None
        self._scope = "site"
        self._shown: tuple[int, str] | None = None
        self._updating = False
        self.report: kpi.KpiReport | None = None
        self.national_data: dict[str, Any] | None = None
        self.is_admin = self.env.user.role == "admin"

        top = FlowLayout()  # wraps on a small screen instead of cutting the buttons
        self.year_combo = QComboBox()
        self.year_combo.setMinimumWidth(110)
        self.year_combo.currentIndexChanged.connect(self._year_chosen)
        top.addWidget(together(QLabel(self.tr("Fiscal year")), self.year_combo))
        self.scope_combo = QComboBox()
        self.scope_combo.addItem(self.tr("This site"), "site")
        self.scope_combo.addItem(self.tr("All sites in this database"), "all")
        self.scope_combo.addItem(self.tr("Whole department (as of the last sync)"), "national")
        self.scope_combo.currentIndexChanged.connect(self._scope_chosen)
        top.addWidget(self.scope_combo)
        # a date range reads on one line (never one word per line), shortened with "…" on a small screen
        self.year_range = ElidedLabel()
        self.year_range.setObjectName("muted")
        top.addWidget(self.year_range)
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        self.export_button.clicked.connect(self._choose_export)
        top.addWidget(self.export_button)
        self.targets_button = QPushButton(self.tr("Edit targets…"))
        self.targets_button.clicked.connect(self.open_targets)
        self.targets_button.setVisible(self.is_admin)
        top.addWidget(self.targets_button)
        self.body.addLayout(top)

        self.site_view = QWidget()  # the site / all-sites figures; the national panel replaces them
        site = QVBoxLayout(self.site_view)
        site.setContentsMargins(0, 0, 0, 0)
        site.setSpacing(14)
        self.cards = {
            "programs": StatCard(self.tr("Programs")),
            "activities": StatCard(self.tr("Activities and courses")),
            "enrollments": StatCard(self.tr("Enrollments")),
            "certificates": StatCard(self.tr("Certificates issued")),
        }
        site.addLayout(card_grid(list(self.cards.values()), min_height=96))

        heading = QHBoxLayout()
        heading.addWidget(self.section_title(self.tr("Progress toward the targets")))
        self.scope_note = self.muted()
        heading.addWidget(self.scope_note, 1)
        site.addLayout(heading)
        table = QGridLayout()
        table.setHorizontalSpacing(18)
        table.setVerticalSpacing(8)
        for col, text in enumerate(
            (self.tr("Indicator"), self.tr("Reached"), self.tr("Target"), self.tr("Progress"))
        ):
            head = QLabel(text)
            head.setObjectName("statTitle")
            table.addWidget(head, 0, col)
        self.kpi_rows: dict[str, tuple[QLabel, QLabel, QProgressBar]] = {}
        for row, kind in enumerate(KINDS, start=1):
            table.addWidget(QLabel(_t(NAMES[kind])), row, 0)
            reached, target = QLabel("…"), QLabel("…")
            reached.setObjectName("sectionTitle")
            reached.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            target.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            bar = QProgressBar()
            bar.setRange(0, 100)
            bar.setMinimumWidth(220)
            table.addWidget(reached, row, 1)
            table.addWidget(target, row, 2)
            table.addWidget(bar, row, 3)
            self.kpi_rows[kind] = (reached, target, bar)
        table.setColumnStretch(3, 1)
        site.addLayout(table)
        self.counting_note = self.muted(
            self.tr(
                "Reached: enrolled in or completed an activity of one of the year's programs. Enterprises "
                "also count when they received a service during the year. Economic value is computed from "
                "the outcomes recorded for the year."
            )
        )
        site.addWidget(self.counting_note)

        split = QHBoxLayout()
        split.addWidget(self.section_title(self.tr("By service and by program")))
        split.addStretch(1)
        split.addWidget(QLabel(self.tr("Charts show")))
        self.indicator_combo = QComboBox()
        for kind in KINDS:
            self.indicator_combo.addItem(_t(SHORT[kind]), kind)
        self.indicator_combo.currentIndexChanged.connect(lambda _i: self._draw_charts())
        split.addWidget(self.indicator_combo)
        site.addLayout(split)
        charts = QHBoxLayout()
        self.service_chart = BarChart(self.tr("By service"))
        self.program_chart = BarChart(self.tr("By program"))
        charts.addWidget(self.service_chart, 1)
        charts.addWidget(self.program_chart, 1)
        site.addLayout(charts)
        self.service_table = self._breakdown_table()
        self.program_table = self._breakdown_table()
        site.addWidget(QLabel(self.tr("By service (reached / target)")))
        site.addWidget(self.service_table)
        site.addWidget(QLabel(self.tr("By program (reached / target)")))
        site.addWidget(self.program_table)
        self.breakdown_note = self.muted(
            self.tr(
                "A person in programs of two kinds counts once in each, so the lines need not add up to the "
                "site's total. A service's target is the sum of its programs' targets."
            )
        )
        site.addWidget(self.breakdown_note)
        self.totals_label = self.muted()
        site.addWidget(self.totals_label)
        self.export_label = self.muted()
        site.addWidget(self.export_label)
        self.evidence = EvidenceShareCard(self.env)  # how much of the value has proof behind it
        site.addWidget(self.evidence)
        self.body.addWidget(self.site_view)
        self.national = NationalPanel(self.env)
        self.national.hide()
        self.body.addWidget(self.national)
        self.national_export_label = self.muted()
        self.body.addWidget(self.national_export_label)

    def _breakdown_table(self) -> QTableWidget:
        t = QTableWidget(0, 1 + len(KINDS))
        t.setHorizontalHeaderLabels([self.tr("Program or service"), *[_t(SHORT[k]) for k in KINDS]])
        t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        t.verticalHeader().setVisible(False)
        t.setAlternatingRowColors(True)
        t.setWordWrap(False)
        header = t.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for i in range(1, 1 + len(KINDS)):
            header.setSectionResizeMode(i, QHeaderView.ResizeMode.ResizeToContents)
        return t

    # --- choosing ----------------------------------------------------------------------------------

    def _year_chosen(self, index: int) -> None:
        if self._updating or index < 0:
            return
        self._requested_year = self.year_combo.itemData(index)
        if self._shown != (self._requested_year, self._scope):
            self.reload()

    def _scope_chosen(self, index: int) -> None:
        if self._updating or index < 0:
            return
        self._scope = self.scope_combo.itemData(index)
        if self._shown is None or self._shown[1] != self._scope:
            self.reload()

    def select(self, year: int | None = None, scope: str | None = None) -> None:
        """Pick a year and/or scope as the user would (reloads when it changes)."""
        if scope is not None:
            self.scope_combo.setCurrentIndex(self.scope_combo.findData(scope))
        if year is not None:
            i = self.year_combo.findData(year)
            if i >= 0:
                self.year_combo.setCurrentIndex(i)
            else:
                self._requested_year = year
                self.reload()

    # --- loading -----------------------------------------------------------------------------------

    def fetch(self, task: Task) -> kpi.KpiReport | dict[str, Any]:
        if self._scope == "national":  # the server's figures as of the last sync (national_panel)
            return load_national(self.env, self._requested_year)
        if (
            self._shown is None
        ):  # first load at headquarters: it has no programs of its own, so the department
            data = load_national(self.env, self._requested_year)
            if data["hq"] and data["figures"] is not None:
                return data
        with self.env.db.session() as session:
            return kpi.kpi_report(session, self.env.user.site_id, self._requested_year, self._scope)

    def show_data(self, report: kpi.KpiReport | dict[str, Any]) -> None:
        national = isinstance(report, dict)
        self.site_view.setVisible(not national)
        self.national.setVisible(national)
        if isinstance(report, dict):
            self._show_national(report)
            return
        self.targets_button.setText(self.tr("Edit targets…"))
        self.targets_button.setVisible(self.is_admin)
        self.report = report
        self._shown = (report.fiscal_year, report.scope)
        self.evidence.load(report.fiscal_year)
        self._updating = True
        self.year_combo.clear()
        for y in report.years:
            self.year_combo.addItem(str(y), y)
        self.year_combo.setCurrentIndex(report.years.index(report.fiscal_year))
        self.scope_combo.setCurrentIndex(self.scope_combo.findData(report.scope))
        self._updating = False
        self.year_range.setText(
            f"{format_date(report.first_day, self.env.lang)} – {format_date(report.last_day, self.env.lang)}"
        )
        self.cards["programs"].set_value(format_number(report.programs))
        self.cards["activities"].set_value(format_number(report.activities))
        self.cards["enrollments"].set_value(format_number(report.enrollments))
        self.cards["certificates"].set_value(format_number(report.certificates))

        if report.target_scope == "site":
            self.scope_note.setText(self.tr("Targets set for this site for the fiscal year."))
        elif report.target_scope == "national" and report.scope == "site":
            self.scope_note.setText(
                self.tr(
                    "No targets are set for this site this year: shown against the national targets, "
                    "which are for all sites together."
                )
            )
        elif report.target_scope == "national":
            self.scope_note.setText(self.tr("All sites in this database, against the national targets."))
        else:
            self.scope_note.setText(self.tr("No targets have been set for this fiscal year yet."))
        line = report.site
        for kind, (reached_label, target_label, _bar) in self.kpi_rows.items():
            reached_label.setText(_figure(kind, line.reached(kind)))
            target = line.target_of(kind)
            target_label.setText(_figure(kind, target) if target else self.tr("not set"))
        lay_out_now()  # before the bars: a bar repaints at once, and the figures with it
        for kind, (_reached, _target, bar) in self.kpi_rows.items():
            ratio = line.progress(kind)
            if ratio is None:
                bar.setValue(0)
                bar.setFormat(self.tr("no target"))
            else:
                bar.setValue(min(100, round(ratio * 100)))
                bar.setFormat(f"{ratio * 100:,.1f}%")
        self._fill(self.service_table, report.by_service, "service")
        self._fill(self.program_table, report.by_program, "program")
        self._draw_charts()
        self.totals_label.setText(
            self.tr(
                "All fiscal years, in this computer's database: %1 people, %2 enterprises, %3 products "
                "and %4 groups."
            )
            .replace("%1", format_number(report.totals["people"]))
            .replace("%2", format_number(report.totals["enterprises"]))
            .replace("%3", format_number(report.totals["products"]))
            .replace("%4", format_number(report.totals["groups"]))
        )
        if self._requested_year is not None and self._requested_year != report.fiscal_year:
            self.reload()

    def _fill(self, table: QTableWidget, lines: list[kpi.KpiLine], level: str) -> None:
        c = theme.colors(theme.current_theme())
        table.setRowCount(len(lines))
        for r, line in enumerate(lines):
            name = line_name(line, level)
            item = QTableWidgetItem(f"{line.code}  {name}" if level == "program" else name)
            item.setToolTip(name)
            table.setItem(r, 0, item)
            for i, kind in enumerate(KINDS, start=1):
                target = line.target_of(kind)
                text = _figure(kind, line.reached(kind)) + (f" / {_figure(kind, target)}" if target else "")
                cell = QTableWidgetItem(text)
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                ratio = line.progress(kind)
                if ratio is not None:
                    cell.setToolTip(f"{ratio * 100:,.1f}%")
                    if ratio >= 1:
                        cell.setForeground(QBrush(QColor(c["success"])))
                table.setItem(r, i, cell)
        height = table.horizontalHeader().height() + 30 * max(1, len(lines)) + 6
        for r in range(len(lines)):
            table.setRowHeight(r, 30)
        table.setFixedHeight(height)

    def _show_national(self, data: dict[str, Any]) -> None:
        self.national_data = data
        self._scope = "national"
        self._shown = (data["year"], "national")
        self._updating = True
        self.year_combo.clear()
        for y in data["years"]:
            self.year_combo.addItem(str(y), y)
        self.year_combo.setCurrentIndex(data["years"].index(data["year"]))
        self.scope_combo.setCurrentIndex(self.scope_combo.findData("national"))
        self._updating = False
        self.year_range.setText("")
        self.targets_button.setText(self.tr("Edit targets of each site…"))
        self.targets_button.setVisible(self.is_admin and data["hq"])
        self.national.show_figures(data)

    def _draw_charts(self) -> None:
        if self._scope == "national":
            return
        if self.report is None:
            return
        kind = self.indicator_combo.currentData() or "persons"
        self.service_chart.show_lines(
            [(line_name(x, "service"), x.reached(kind), x.target_of(kind)) for x in self.report.by_service],
            kind,
        )
        self.program_chart.show_lines(
            [(_chart_name(x), x.reached(kind), x.target_of(kind)) for x in self.report.by_program], kind
        )

    # --- export ------------------------------------------------------------------------------------

    def _choose_export(self) -> None:
        if self._scope == "national":
            year = self.national_data["year"] if self.national_data else ""
            name = self.tr("department-%1.xlsx").replace("%1", str(year))
            path, _f = QFileDialog.getSaveFileName(
                self, self.tr("Export the targets table"), name, "Excel (*.xlsx)"
            )
            if path:
                n = self.national.export_table(path)
                self.national_export_label.setText(
                    self.tr("Exported %1 lines to %2").replace("%1", str(n)).replace("%2", html.escape(path))
                )
            return
        if self.report is None:
            return
        name = self.tr("targets-%1.xlsx").replace("%1", str(self.report.fiscal_year))
        path, _f = QFileDialog.getSaveFileName(
            self, self.tr("Export the targets table"), name, "Excel (*.xlsx)"
        )
        if path:
            self.export_table(path)

    def export_table(self, path: str) -> int:
        """The site line, each service and each program: reached, target and % for every indicator."""
        from dipdesk.services.exports import export_rows  # openpyxl: loaded when first exporting

        assert self.report is not None
        r = self.report
        columns = ["level", "code", "name"]
        headers = [self.tr("Level"), self.tr("Code"), self.tr("Program or service")]
        for kind in KINDS:
            columns += [f"{kind}_reached", f"{kind}_target", f"{kind}_percent"]
            short = _t(SHORT[kind])
            headers += [
                self.tr("%1 reached").replace("%1", short),
                self.tr("%1 target").replace("%1", short),
                self.tr("%1 % of target").replace("%1", short),
            ]
        rows = []
        site_name = r.site.name if r.scope == "site" else self.tr("All sites in this database")
        levels = [(self.tr("Site"), r.site, site_name)]
        levels += [(self.tr("Service"), x, line_name(x, "service")) for x in r.by_service]
        levels += [(self.tr("Program"), x, x.name) for x in r.by_program]
        for level, line, name in levels:
            row: dict[str, Any] = {
                "level": level,
                "code": line.code if level != self.tr("Service") else "",
                "name": name,
            }
            for kind in KINDS:
                reached, target = line.reached(kind), line.target_of(kind)
                if kind == "economic_value":
                    reached = (Decimal(reached) / MILLION).quantize(Decimal("0.01"))
                    target = (Decimal(target) / MILLION).quantize(Decimal("0.01")) if target else None
                row[f"{kind}_reached"] = reached
                row[f"{kind}_target"] = target
                ratio = line.progress(kind)
                row[f"{kind}_percent"] = Decimal(str(round(ratio * 100, 1))) if ratio is not None else None
            rows.append(row)
        title = self.tr("Progress toward the targets, fiscal year %1 (%2 – %3)")
        title = (
            title.replace("%1", str(r.fiscal_year))
            .replace("%2", format_date(r.first_day, self.env.lang))
            .replace("%3", format_date(r.last_day, self.env.lang))
        )
        n = export_rows(path, columns, rows, headers_th=headers, title=f"{title} — {site_name}",
                        sheet_title=self.tr("Targets %1").replace("%1", str(r.fiscal_year)))  # fmt: skip
        self.export_label.setText(
            self.tr("Exported %1 lines to %2").replace("%1", str(n)).replace("%2", html.escape(path))
        )
        return n

    # --- targets -----------------------------------------------------------------------------------

    def open_targets(self) -> TargetsDialog | SiteTargetsDialog | None:
        if self._scope == "national" and self.national_data and self.is_admin and self.national_data["hq"]:
            sites = SiteTargetsDialog(self.env, self.national_data["year"], self)
            sites.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            sites.show()
            self._targets_dialog = sites
            return sites
        if self.report is None or not self.is_admin:
            return None
        dialog = TargetsDialog(self.env, self.report.fiscal_year, self)
        dialog.saved.connect(self.reload)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self._targets_dialog = dialog
        return dialog


class TargetsDialog(QDialog):
    """แก้ไขเป้าหมาย: the year's targets for this site and its programs (and national ones at HQ)."""

    saved = Signal()

    def __init__(self, env: Any, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.year = year
        self.rows: list[kpi.TargetRow] = []
        self.setWindowTitle(self.tr("Targets for fiscal year %1").replace("%1", str(year)))
        self.resize(1000, 520)
        col = QVBoxLayout(self)
        note = QLabel(
            self.tr(
                "Type the year's targets. People, enterprises, products and groups are counted once each; "
                "economic value is in baht. Rows in grey are set by headquarters."
            )
        )
        note.setWordWrap(True)
        col.addWidget(note)
        self.table = QTableWidget(0, 1 + len(KINDS))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Target for"), *[_t(SHORT[k]) for k in KINDS[:-1]], self.tr("Value (baht)")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        col.addWidget(self.table, 1)
        self.error = QLabel("")
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        col.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        col.addWidget(self.buttons)
        self.table.itemChanged.connect(self._check)
        self.buttons.setEnabled(False)
        workers.run_task(self._load, on_done=self._show, on_error=self._failed, owner=self)

    def _load(self, task: Task) -> list[kpi.TargetRow]:
        with self.env.db.session() as s:
            return kpi.target_rows(s, self.year, self.env.user.site_id)

    def _show(self, rows: list[kpi.TargetRow]) -> None:
        self.rows = rows
        self.table.blockSignals(True)
        self.table.setRowCount(len(rows))
        grey = QBrush(QColor(theme.colors(theme.current_theme())["mutedTextColor"]))
        labels = {"national": self.tr("National (all sites)"), "site": self.tr("This site: %1")}
        for r, row in enumerate(rows):
            label = (
                labels["site"].replace("%1", row.label)
                if row.scope == "site"
                else labels.get(row.scope, row.label)
            )
            head = QTableWidgetItem(label)
            head.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.table.setItem(r, 0, head)
            for i, kind in enumerate(KINDS, start=1):
                value = row.values.get(kind, 0)
                text = f"{Decimal(value):,.2f}" if kind == "economic_value" else f"{int(value):,}"
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if not row.editable:
                    item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                    item.setForeground(grey)
                self.table.setItem(r, i, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.blockSignals(False)
        self.buttons.setEnabled(True)
        self._check()

    def _failed(self, exc: BaseException) -> None:
        self.error.setText(exc.message(current_language()) if isinstance(exc, ServiceError) else str(exc))

    def set_value(self, row: int, indicator: str, text: str) -> None:
        self.table.item(row, 1 + list(KINDS).index(indicator)).setText(text)

    def _parse(self, text: str, kind: str) -> Decimal:
        value = Decimal(to_arabic_digits(text).replace(",", "").strip() or "0")
        if value < 0 or (kind != "economic_value" and value != value.to_integral_value()):
            raise InvalidOperation
        return value

    def _check(self, *_args: Any) -> bool:
        bad = []
        for r, row in enumerate(self.rows):
            if not row.editable:
                continue
            for i, kind in enumerate(KINDS, start=1):
                item = self.table.item(r, i)
                try:
                    self._parse(item.text(), kind)
                    item.setBackground(QBrush())
                except (InvalidOperation, ValueError):
                    item.setBackground(QBrush(QColor("#f8cbad")))
                    bad.append(item.text())
        self.error.setText(
            self.tr("Whole numbers of 0 or more (the value may have decimals): %1").replace(
                "%1", ", ".join(bad)
            )
            if bad
            else ""
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not bad and bool(self.rows))
        return not bad

    def save(self) -> None:
        if not self._check():
            return
        changes = []
        for r, row in enumerate(self.rows):
            if not row.editable:
                continue
            values = {
                kind: self._parse(self.table.item(r, i).text(), kind) for i, kind in enumerate(KINDS, start=1)
            }
            if any(Decimal(values[k]) != Decimal(row.values.get(k, 0)) for k in KINDS):
                changes.append((row.for_site_id, row.program_id, values))
        if not changes:
            self.accept()
            return
        from dipdesk.ui.attendance.context import context_factory  # the attendance package: when saving

        make = context_factory(self.env.user, self.env.lang)
        year = self.year

        def write(task: Task) -> int:
            with self.env.db.session() as s:
                ctx = make(s)
                for for_site, program, values in changes:
                    kpi.set_target(ctx, year, for_site_id=for_site, program_id=program, **values)
                s.commit()
            return len(changes)

        self.buttons.setEnabled(False)
        workers.run_task(write, on_done=self._saved, on_error=self._save_failed, owner=self)

    def _saved(self, _n: int) -> None:
        data_changed("targets", source=self)
        self.saved.emit()
        self.accept()

    def _save_failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self._failed(exc)
