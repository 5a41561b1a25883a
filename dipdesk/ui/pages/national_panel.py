"""ทั้งกรม: the whole department's progress on the dashboard, as of the last sync.

The figures are the server's (`dipdesk.sync.server.national`), kept on this computer by every sync round
(`dipdesk.sync.national`), so the panel works offline and says when they were computed. It shows the
department's reach against the national targets, a per-site table ranked by progress (or reach), a
chart of the sites, an Excel export, and at headquarters an editor of each site's targets.
"""

from __future__ import annotations

import html
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dipdesk.services import kpi
from dipdesk.services.exports import export_rows
from dipdesk.ui import theme, workers
from dipdesk.ui.attendance.context import context_factory
from dipdesk.ui.pages.evidence_share import EvidenceShareCard
from dipdesk.ui.pages.kpi_figures import KINDS, MILLION, NAMES, SHORT, BarChart
from dipdesk.ui.pages.kpi_figures import figure as _figure
from dipdesk.ui.pages.kpi_figures import translate as _t
from dipdesk.ui.widgets import format_date, lay_out_now
from dipdesk.ui.workers import Task


def _number(kind: str, value: Any) -> Decimal | int:
    return Decimal(str(value)) if kind == "economic_value" else int(value or 0)


def load_national(env: Any, year: int | None) -> dict[str, Any]:
    """Worker side: {"years": stored years, "figures": the year's figures or None, "site_code"}."""
    import datetime as dt

    from sqlalchemy import select

    from dipdesk.core.thaidate import fiscal_year
    from dipdesk.store.reference import Site
    from dipdesk.sync.national import load, stored_years

    with env.db.session() as session:
        conn = session.connection()
        years = stored_years(conn)
        if year is None:  # this fiscal year, unless nothing was reached in it and another year was
            year = fiscal_year(dt.date.today())
            if not _reached(load(conn, year)):
                year = next((y for y in years if _reached(load(conn, y))), year)
        figures = load(conn, year)
        site = session.scalar(select(Site).where(Site.id == env.user.site_id))
        return {
            "year": year,
            "years": sorted(set(years) | {year}, reverse=True),
            "figures": figures,
            "site_code": site.code if site else "",
            "hq": bool(site and site.kind in ("hq", "division")),
        }


def _reached(figures: dict[str, Any] | None) -> bool:
    return bool(figures) and any(
        figures["total"].get(k) for k in ("persons", "enterprises", "products", "groups")
    )  # type: ignore[index]


class NationalPanel(QWidget):
    """The whole-department view of the dashboard (shown for the scope "national")."""

    def __init__(self, env: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.data: dict[str, Any] | None = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(12)
        self.computed_label = QLabel()
        self.computed_label.setObjectName("muted")
        self.computed_label.setWordWrap(True)
        lay.addWidget(self.computed_label)

        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        for col, text in enumerate(
            (self.tr("Indicator"), self.tr("Reached"), self.tr("Target"), self.tr("Progress"))
        ):
            head = QLabel(text)
            head.setObjectName("statTitle")
            grid.addWidget(head, 0, col)

        self.rows: dict[str, tuple[QLabel, QLabel, QProgressBar]] = {}
        for r, kind in enumerate(KINDS, start=1):
            grid.addWidget(QLabel(_t(NAMES[kind])), r, 0)
            reached, target = QLabel("…"), QLabel("…")
            reached.setObjectName("sectionTitle")
            for label in (reached, target):
                label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            bar = QProgressBar()
            bar.setRange(0, 100)
            bar.setMinimumWidth(220)
            grid.addWidget(reached, r, 1)
            grid.addWidget(target, r, 2)
            grid.addWidget(bar, r, 3)
            self.rows[kind] = (reached, target, bar)
        grid.setColumnStretch(3, 1)
        lay.addLayout(grid)

        title = QLabel(self.tr("Sites, ranked"))
        title.setObjectName("sectionTitle")
        lay.addWidget(title)
        self.table = QTableWidget(0, 3 + len(KINDS))

        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Rank"),
                self.tr("Site"),
                *[_t(SHORT[k]) for k in KINDS],
                self.tr("% of target (people)"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        lay.addWidget(self.table)

        self.chart = BarChart(self.tr("By site"))
        lay.addWidget(self.chart)
        self.evidence = EvidenceShareCard(env)  # the value backed by evidence, per site and nationally
        self.evidence.hide()
        lay.addWidget(self.evidence)
        self.note = QLabel(
            self.tr(
                "Counted by the server over every site's records: a person trained at two centers counts "
                "once for the department and once at each center (one national ID, one person), so the "
                "sites need not add up to the total. No personal data comes with these figures."
            )
        )
        self.note.setObjectName("muted")
        self.note.setWordWrap(True)
        lay.addWidget(self.note)

    # --- showing --------------------------------------------------------------------------------------

    def site_name(self, line: dict[str, Any]) -> str:
        name = line.get("name_en") if self.env.lang == "en" and line.get("name_en") else line.get("name_th")
        return f"{line['code']}  {name or ''}".strip()

    def show_figures(self, data: dict[str, Any], indicator: str = "persons") -> None:
        self.data = data
        figures = data.get("figures")
        if figures is None:
            self.computed_label.setText(
                self.tr(
                    "No whole-department figures for fiscal year %1 on this computer yet: they arrive with "
                    "the next sync with the server."
                ).replace("%1", str(data.get("year")))
            )
            for reached, target, bar in self.rows.values():
                reached.setText("–")
                target.setText("–")
                bar.setValue(0)
                bar.setFormat(self.tr("no figures"))
            self.table.setRowCount(0)
            self.chart.show_lines([], indicator)
            self.evidence.hide()
            return
        self.computed_label.setText(
            self.tr("Whole department, as computed by the server at %1 (received with the sync of %2).")
            .replace("%1", _stamp(figures.get("computed_at", ""), self.env.lang))
            .replace("%2", _stamp(figures.get("received_at", ""), self.env.lang))
        )
        national = (figures.get("targets") or {}).get("national")
        progress = figures.get("progress") or {}
        for kind, (reached, target, _bar) in self.rows.items():
            reached.setText(_figure(kind, figures["total"].get(kind)))
            target.setText(
                _figure(kind, national[kind]) if national and national.get(kind) else self.tr("not set")
            )
        lay_out_now()  # before the bars: a bar repaints at once, and the figures with it
        for kind, (_reached, _target, bar) in self.rows.items():
            ratio = progress.get(kind)
            if ratio is None:
                bar.setValue(0)
                bar.setFormat(self.tr("no target"))
            else:
                bar.setValue(min(100, round(ratio * 100)))
                bar.setFormat(f"{ratio * 100:,.1f}%")
        self.evidence.show_national(figures.get("evidence"))
        sites = sorted(figures.get("sites", []), key=lambda s: s.get("rank", 0))
        c = theme.colors(theme.current_theme())
        self.table.setRowCount(len(sites))
        own = data.get("site_code")
        for r, line in enumerate(sites):
            cells = [str(line.get("rank", "")), self.site_name(line)]
            cells += [_figure(k, line.get(k)) for k in KINDS]
            ratio = (line.get("progress") or {}).get("persons")
            cells.append("–" if ratio is None else f"{ratio * 100:,.1f}%")
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col != 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if line.get("code") == own:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                if col == len(cells) - 1 and ratio is not None and ratio >= 1:
                    item.setForeground(QBrush(QColor(c["success"])))
                self.table.setItem(r, col, item)
        self.table.setFixedHeight(self.table.horizontalHeader().height() + 30 * max(1, len(sites)) + 6)
        for r in range(len(sites)):
            self.table.setRowHeight(r, 30)
        self.draw_chart(indicator)

    def draw_chart(self, indicator: str) -> None:
        figures = (self.data or {}).get("figures")
        if figures is None:
            return
        lines = []
        for line in sorted(figures.get("sites", []), key=lambda s: s.get("rank", 0)):
            target = (line.get("target") or {}).get(indicator)
            lines.append(
                (
                    line["code"],
                    _number(indicator, line.get(indicator, 0)),
                    _number(indicator, target) if target else None,
                )
            )
        self.chart.show_lines(lines, indicator)

    # --- export ---------------------------------------------------------------------------------------

    def export_table(self, path: str) -> int:
        """The department line and one line per site: reached, target and % for every indicator."""
        figures = (self.data or {}).get("figures")
        if figures is None:
            return 0

        columns = ["rank", "code", "name"]
        headers = [self.tr("Rank"), self.tr("Code"), self.tr("Site")]
        for kind in KINDS:
            columns += [f"{kind}_reached", f"{kind}_target", f"{kind}_percent"]
            short = _t(SHORT[kind])
            headers += [
                self.tr("%1 reached").replace("%1", short),
                self.tr("%1 target").replace("%1", short),
                self.tr("%1 % of target").replace("%1", short),
            ]
        national = (figures.get("targets") or {}).get("national")
        lines = [("", "", self.tr("Whole department"), figures["total"], national, figures.get("progress"))]
        for s in sorted(figures.get("sites", []), key=lambda s: s.get("rank", 0)):
            name = s.get("name_en") if self.env.lang == "en" and s.get("name_en") else s.get("name_th", "")
            lines.append((s.get("rank"), s["code"], name, s, s.get("target"), s.get("progress")))
        rows = []
        for rank, code, name, values, target, progress in lines:
            row: dict[str, Any] = {"rank": rank, "code": code, "name": name}
            for kind in KINDS:
                reached: Any = _number(kind, values.get(kind, 0))
                goal: Any = _number(kind, target[kind]) if target and target.get(kind) else None
                if kind == "economic_value":
                    reached = (Decimal(reached) / MILLION).quantize(Decimal("0.01"))
                    goal = (Decimal(goal) / MILLION).quantize(Decimal("0.01")) if goal else None
                ratio = (progress or {}).get(kind)
                row[f"{kind}_reached"] = reached
                row[f"{kind}_target"] = goal
                row[f"{kind}_percent"] = Decimal(str(round(ratio * 100, 1))) if ratio is not None else None
            rows.append(row)
        title = (
            self.tr("Whole department, fiscal year %1, computed at %2")
            .replace("%1", str(figures["fiscal_year"]))
            .replace("%2", _stamp(figures.get("computed_at", ""), self.env.lang))
        )
        sheet = self.tr("Department %1").replace("%1", str(figures["fiscal_year"]))
        return export_rows(path, columns, rows, headers_th=headers, title=title, sheet_title=sheet[:31])


def _stamp(iso: str, lang: str = "th") -> str:
    """`2026-12-04T18:00:16Z` in this computer's time and the screen's calendar (BE in Thai)."""
    import datetime as dt

    try:
        when = dt.datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return iso or "?"
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    local = when.astimezone()
    return f"{format_date(local.date(), lang)} {local:%H:%M}"


class SiteTargetsDialog(QDialog):
    """Headquarters sets each site's targets for the year (the national one is in the targets dialog)."""

    saved = Signal()

    def __init__(self, env: Any, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.year = year
        self.setWindowTitle(self.tr("Targets of each site, fiscal year %1").replace("%1", str(year)))
        self.resize(900, 560)
        lay = QVBoxLayout(self)
        self.table = QTableWidget(0, 1 + len(KINDS))

        self.table.setHorizontalHeaderLabels([self.tr("Site"), *[_t(SHORT[k]) for k in KINDS]])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        lay.addWidget(self.table)
        self.error = QLabel()
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        lay.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(buttons)
        lay.addLayout(row)
        self.site_ids: list[str] = []
        workers.run_task(self._load, on_done=self._show, owner=self)

    def _load(self, task: Task) -> list[tuple[str, str, dict[str, Any]]]:
        from sqlalchemy import select

        from dipdesk.store.reference import Site

        with self.env.db.session() as session:
            out = []
            sites = session.scalars(select(Site).where(Site.deleted.is_(False), Site.kind == "center"))
            for s in sorted(sites, key=lambda s: s.center_no or 0):
                t = kpi.find_target(session, self.year, for_site_id=s.id)
                values = {k: getattr(t, k) for k in KINDS} if t else dict.fromkeys(KINDS, 0)
                out.append((s.id, f"{s.code}  {s.name_th}", values))
            return out

    def _show(self, rows: list[tuple[str, str, dict[str, Any]]]) -> None:
        self.table.setRowCount(len(rows))
        self.site_ids = []
        for r, (sid, label, values) in enumerate(rows):
            self.site_ids.append(sid)
            head = QTableWidgetItem(label)
            head.setFlags(head.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(r, 0, head)
            for c, kind in enumerate(KINDS, start=1):
                v = values.get(kind) or 0
                text = f"{Decimal(v):f}" if kind == "economic_value" else str(int(v))
                self.table.setItem(r, c, QTableWidgetItem(text))

    def values(self) -> dict[str, dict[str, str]]:
        out = {}
        for r, sid in enumerate(self.site_ids):
            out[sid] = {
                kind: (self.table.item(r, c).text() if self.table.item(r, c) else "0")
                for c, kind in enumerate(KINDS, start=1)
            }
        return out

    def save(self) -> None:
        values = self.values()
        texts = [text for row in values.values() for text in row.values()]
        for text in texts:
            try:
                Decimal(text.replace(",", "").strip() or "0")
            except InvalidOperation:
                self.error.setText(self.tr("Targets must be numbers."))
                return
        make = context_factory(self.env.user, self.env.lang)

        def write(task: Task) -> int:
            with self.env.db.session() as session:
                ctx = make(session)
                for sid, row in values.items():
                    kpi.set_target(ctx, self.year, for_site_id=sid, **row)
                session.commit()
            return len(values)

        workers.run_task(write, on_done=self._saved, on_error=self._failed, owner=self)

    def _saved(self, _n: int) -> None:
        self.saved.emit()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        from dipdesk.services.errors import ServiceError

        text = exc.message(self.env.lang) if isinstance(exc, ServiceError) else str(exc)
        self.error.setText(html.escape(text))
