"""พี่ช่วยน้อง: Big Brother mentoring — pairs by cohort, their meetings, and the lineage between cohorts.

The page lists the pairs (filtered by cohort), the meetings of the selected pair, and, on its second tab,
how mentees of one cohort went on to mentor the next. New pairs, meetings and a pair's end are recorded
through `dipdesk.services.mentoring` in a worker.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QSpinBox,
    QTableView,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import distinct, func, select

from dipdesk.core.digits import to_arabic_digits
from dipdesk.core.kpi import format_baht
from dipdesk.core.thaidate import parse_date
from dipdesk.services import enrollment as es
from dipdesk.services import mentoring as ms
from dipdesk.services import mentoring_value as mv
from dipdesk.services.exports import export_rows
from dipdesk.store.mentoring import MentoringPair, MentoringSession
from dipdesk.ui import theme, workers
from dipdesk.ui.attendance.context import context_factory
from dipdesk.ui.attendance.enroll_dialog import error_text
from dipdesk.ui.attendance.fields import CheckedField, DateField, check_hours, check_required
from dipdesk.ui.changes import data_changed
from dipdesk.ui.flow import FlowLayout, together
from dipdesk.ui.labels import value_label
from dipdesk.ui.pages.base import AreaPage, PageEnv
from dipdesk.ui.pages.mentor_match import MatchPanel
from dipdesk.ui.pages.records_page import count_rows
from dipdesk.ui.widgets import NoticeBox, StatCard, card_grid, format_date, format_number
from dipdesk.ui.workers import Task

_Index = QModelIndex | QPersistentModelIndex
SEARCH_DELAY_MS = 250


def _hours(value: Decimal) -> str:
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


@dataclass
class MentoringData:
    counts: dict[str, int] = field(default_factory=dict)
    cohorts: list[int] = field(default_factory=list)
    pairs: list[ms.PairRow] = field(default_factory=list)
    summaries: list[ms.CohortSummary] = field(default_factory=list)
    lineage: list[ms.LineageNode] = field(default_factory=list)
    values: dict[str, mv.ChainValue] = field(default_factory=dict)  # node key → economic value of its line


class PairsModel(QAbstractTableModel):
    COLUMNS = ("cohort", "mentor", "lineage", "mentee", "status", "sessions", "last_meeting")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ms.PairRow] = []
        self.headers = (
            self.tr("Cohort"),
            self.tr("Mentor"),
            self.tr("Was mentee in cohort"),
            self.tr("Mentee"),
            self.tr("Status"),
            self.tr("Meetings"),
            self.tr("Last met"),
        )

    def set_rows(self, rows: list[ms.PairRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        key = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and key == "mentor":
            return r.mentor  # the company with its person, in full
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if key == "cohort":
                return str(r.cohort)
            if key == "mentor":
                return r.mentor_company or r.mentor_person or r.mentor
            if key == "lineage":
                return str(r.mentor_was_mentee_in) if r.mentor_was_mentee_in is not None else ""
            if key == "mentee":
                return r.mentee
            if key == "status":
                return value_label(r.status)
            if key == "sessions":
                return str(r.sessions)
            return format_date(r.last_meeting)
        if role == Qt.ItemDataRole.ForegroundRole and key in ("mentor", "lineage") and r.mentor_was_mentee_in:
            return QBrush(QColor(theme.colors(theme.current_theme())["primaryColor"]))
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("cohort", "sessions", "lineage"):
            return Qt.AlignmentFlag.AlignCenter
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None


class SessionsModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ms.SessionRow] = []
        self.headers = (
            self.tr("Date"),
            self.tr("Hours"),
            self.tr("Topic"),
            self.tr("Meeting notes"),
            self.tr("Follow-up"),
        )

    def set_rows(self, rows: list[ms.SessionRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        s = self.rows[index.row()]
        return (format_date(s.day), _hours(s.hours), s.topic, s.notes, s.follow_up)[index.column()]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None


def _table(model: QAbstractTableModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(32)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class MentoringPage(AreaPage):
    view_name = "mentoring"
    listens_to = frozenset({"mentoring", "people", "enterprises", "programs", "activities"})

    def description(self) -> str:
        return self.tr(
            "Big Brother mentoring: experienced entrepreneurs or established companies mentor the "
            "enterprises of the next cohort; a mentee that graduates can mentor the cohort after it."
        )

    def build(self) -> None:
        self.data: MentoringData | None = None
        self._cohort: int | None = None
        self._updating = False
        self.cards = {
            "pairs": StatCard(self.tr("Mentoring pairs")),
            "active": StatCard(self.tr("Active pairs")),
            "cohorts": StatCard(self.tr("Cohorts")),
            "sessions": StatCard(self.tr("Mentoring sessions")),
        }
        self.body.addLayout(card_grid(list(self.cards.values()), min_height=96))

        bar = FlowLayout()  # wraps on a small screen instead of cutting the buttons
        self.cohort_combo = QComboBox()
        self.cohort_combo.setMinimumWidth(140)
        self.cohort_combo.currentIndexChanged.connect(self._cohort_chosen)
        cohort = together(QLabel(self.tr("Cohort")), self.cohort_combo)
        cohort.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(cohort)
        self.new_pair = QPushButton(self.tr("New pair…"))
        self.new_session = QPushButton(self.tr("Record a meeting…"))
        self.graduate = QPushButton(self.tr("Mark graduated"))
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        for b in (self.new_pair, self.new_session, self.graduate, self.export_button):
            bar.addWidget(b)
        self.body.addLayout(bar)
        self.empty = NoticeBox(
            self.tr(
                "No mentoring pairs yet. Press <b>New pair…</b> to pair a mentor (a company or a person) with "
                "a mentee enterprise of a cohort; then record their meetings with <b>Record a meeting…</b>."
            )
        )
        self.empty.hide()
        self.body.addWidget(self.empty)

        self.tabs = QTabWidget()
        pairs_tab = QWidget()
        pcol = QVBoxLayout(pairs_tab)
        pcol.setContentsMargins(0, 8, 0, 0)
        self.pairs_model = PairsModel(self)
        self.pairs_view = _table(self.pairs_model)
        self.pairs_view.setMinimumHeight(280)
        pcol.addWidget(self.pairs_view, 3)
        self.sessions_title = QLabel(self.tr("Select a pair to see its meetings."))
        self.sessions_title.setObjectName("muted")
        self.sessions_title.setWordWrap(True)
        pcol.addWidget(self.sessions_title)
        self.sessions_model = SessionsModel(self)
        self.sessions_view = _table(self.sessions_model)
        self.sessions_view.setMinimumHeight(170)
        pcol.addWidget(self.sessions_view, 2)
        self.tabs.addTab(pairs_tab, self.tr("Pairs by cohort"))

        lineage_tab = QWidget()
        lcol = QVBoxLayout(lineage_tab)
        lcol.setContentsMargins(0, 8, 0, 0)
        self.lineage_note = QLabel(
            self.tr(
                "Who mentored whom, cohort after cohort: outside mentors at the top, their mentees below, and "
                "below each mentee the enterprises it went on to mentor. Highlighted: mentees who became mentors."
            )
        )
        self.lineage_note.setObjectName("muted")
        self.lineage_note.setWordWrap(True)
        lcol.addWidget(self.lineage_note)
        self.summary_label = QLabel("")
        self.summary_label.setWordWrap(True)
        lcol.addWidget(self.summary_label)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(
            [self.tr("Mentor → mentee"), self.tr("Mentee in cohort"), self.tr("Status"), self.tr("Mentored"),
             self.tr("Economic value of the line (baht)")]
        )  # fmt: skip
        self.tree.setMinimumHeight(420)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.setAlternatingRowColors(True)
        lcol.addWidget(self.tree, 1)
        self.tabs.addTab(lineage_tab, self.tr("Lineage between cohorts"))
        self.body.addWidget(self.tabs, 1)
        self.message = self.muted()
        self.body.addWidget(self.message)

        self.pairs_view.selectionModel().selectionChanged.connect(self._pair_selected)
        self.new_pair.clicked.connect(self.open_new_pair)
        self.new_session.clicked.connect(self.open_new_session)
        self.graduate.clicked.connect(self.mark_graduated)
        self.export_button.clicked.connect(self._choose_export)
        self._update_buttons()

    # --- loading -----------------------------------------------------------------------------------

    def fetch(self, task: Task) -> MentoringData:
        with self.env.db.session() as session:
            cohorts = int(
                session.scalar(
                    select(func.count(distinct(MentoringPair.cohort))).where(MentoringPair.deleted.is_(False))
                )
                or 0
            )
            return MentoringData(
                counts={
                    "pairs": count_rows(session, MentoringPair),
                    "active": count_rows(session, MentoringPair, MentoringPair.status == "active"),
                    "cohorts": cohorts,
                    "sessions": count_rows(session, MentoringSession),
                },
                cohorts=ms.cohorts(session),
                pairs=ms.pairs(session),
                summaries=ms.cohort_summaries(session),
                lineage=(forest := ms.lineage(session)),
                values=mv.chain_values(session, forest),
            )

    def show_data(self, data: MentoringData) -> None:
        selected = self.selected_pair()
        self.data = data
        for key, card in self.cards.items():
            card.set_value(format_number(data.counts.get(key, 0)))
        self._updating = True
        self.cohort_combo.clear()
        self.cohort_combo.addItem(self.tr("All cohorts"), None)
        for c in data.cohorts:
            self.cohort_combo.addItem(self.tr("Cohort %1").replace("%1", str(c)), c)
        i = self.cohort_combo.findData(self._cohort) if self._cohort is not None else 0
        self.cohort_combo.setCurrentIndex(max(0, i))
        self._updating = False
        self._show_pairs(selected.id if selected else None)
        self._show_lineage(data)
        self.empty.setVisible(not data.pairs)
        self.tabs.setVisible(bool(data.pairs))

    def _cohort_chosen(self, index: int) -> None:
        if self._updating or index < 0:
            return
        self._cohort = self.cohort_combo.itemData(index)
        self._show_pairs(None)

    def select_cohort(self, cohort: int | None) -> None:
        self.cohort_combo.setCurrentIndex(
            max(0, self.cohort_combo.findData(cohort) if cohort is not None else 0)
        )

    def _show_pairs(self, keep_id: str | None) -> None:
        assert self.data is not None
        rows = [p for p in self.data.pairs if self._cohort is None or p.cohort == self._cohort]
        self.pairs_model.set_rows(rows)
        self.pairs_view.resizeColumnsToContents()
        for c, width in ((1, 250), (3, 250)):
            self.pairs_view.setColumnWidth(c, min(self.pairs_view.columnWidth(c), width))
        row = next((i for i, p in enumerate(rows) if p.id == keep_id), 0 if rows else -1)
        if row >= 0:
            self.pairs_view.selectRow(row)
        else:
            self.sessions_model.set_rows([])
        self._update_buttons()

    def _show_lineage(self, data: MentoringData) -> None:
        parts = []
        for s in data.summaries:
            parts.append(
                self.tr("Cohort %1: %2 pairs, %3 graduated, %4 went on to mentor")
                .replace("%1", str(s.cohort))
                .replace("%2", str(s.pairs))
                .replace("%3", str(s.graduated))
                .replace("%4", str(s.became_mentors))
            )
        total = mv.total_value(data.lineage, data.values)
        parts.append(
            self.tr("economic value created by the mentees: %1 baht").replace("%1", format_baht(total))
        )
        self.summary_label.setText(" · ".join(parts))
        self.tree.clear()
        highlight = QBrush(QColor(theme.colors(theme.current_theme())["primaryColor"]))
        total = 0

        def add(parent: QTreeWidget | QTreeWidgetItem, node: ms.LineageNode) -> None:
            nonlocal total
            total += 1
            cohort = str(node.cohort) if node.cohort is not None else ""
            mentored = str(len(node.children)) if node.children else ""
            status = value_label(node.status) if node.status else self.tr("outside mentor")
            line = data.values.get(node.key)
            value = format_baht(line.line) if line is not None and line.line else ""
            item = QTreeWidgetItem(parent, [node.name, cohort, status, mentored, value])
            item.setTextAlignment(4, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if node.cohort is not None and node.children:
                font = item.font(0)
                font.setBold(True)
                item.setFont(0, font)
                item.setForeground(0, highlight)
            for c in (1, 3):
                item.setTextAlignment(c, Qt.AlignmentFlag.AlignCenter)
            for child in node.children:
                add(item, child)

        for root in data.lineage:
            add(self.tree, root)
        if total <= 400:
            self.tree.expandAll()
        else:
            self.tree.expandToDepth(1)
        for c in (1, 2, 3, 4):
            self.tree.resizeColumnToContents(c)

    def show_lineage(self) -> None:
        self.tabs.setCurrentIndex(1)

    # --- the selected pair -------------------------------------------------------------------------

    def selected_pair(self) -> ms.PairRow | None:
        rows = self.pairs_view.selectionModel().selectedRows() if self.pairs_view.selectionModel() else []
        if not rows:
            return None
        r = rows[0].row()
        return self.pairs_model.rows[r] if r < len(self.pairs_model.rows) else None

    def _update_buttons(self) -> None:
        pair = self.selected_pair()
        self.new_session.setEnabled(pair is not None)
        self.graduate.setEnabled(pair is not None and pair.status == "active")

    def _pair_selected(self, *_args: Any) -> None:
        self._update_buttons()
        pair = self.selected_pair()
        if pair is None:
            self.sessions_model.set_rows([])
            self.sessions_title.setText(self.tr("Select a pair to see its meetings."))
            return
        self.sessions_title.setText(
            self.tr("Meetings of %1 with %2")
            .replace("%1", html.escape(pair.mentee))
            .replace("%2", html.escape(pair.mentor))
        )

        def load(task: Task) -> list[ms.SessionRow]:
            with self.env.db.session() as s:
                return ms.sessions_of(s, pair.id)

        workers.run_task(load, on_done=self._show_sessions, owner=self)

    def _show_sessions(self, rows: list[ms.SessionRow]) -> None:
        self.sessions_model.set_rows(rows)
        self.sessions_view.resizeColumnsToContents()
        for c in (2, 3):
            self.sessions_view.setColumnWidth(c, min(self.sessions_view.columnWidth(c), 320))
        if not rows:
            self.sessions_title.setText(
                self.sessions_title.text()
                + " — "
                + self.tr("no meetings recorded yet: press Record a meeting…")
            )

    # --- actions -----------------------------------------------------------------------------------

    def open_new_pair(self) -> PairDialog:
        cohort = max(self.data.cohorts) if self.data and self.data.cohorts else 1
        dialog = PairDialog(self.env, cohort, self)
        dialog.saved.connect(self.reload)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self._dialog = dialog
        return dialog

    def open_new_session(self) -> MeetingDialog | None:
        pair = self.selected_pair()
        if pair is None:
            return None
        dialog = MeetingDialog(self.env, pair, self)
        dialog.saved.connect(self.reload)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self._dialog = dialog
        return dialog

    def mark_graduated(self) -> None:
        pair = self.selected_pair()
        if pair is None:
            return
        make = context_factory(self.env.user, self.env.lang)

        def write(task: Task) -> None:
            with self.env.db.session() as s:
                ctx = make(s)
                obj = s.get(MentoringPair, pair.id)
                assert obj is not None
                ms.set_pair_status(ctx, obj, "graduated")
                s.commit()

        def done(_r: None) -> None:
            data_changed("mentoring", source=self)
            self.reload()

        workers.run_task(write, on_done=done, on_error=self._action_failed, owner=self)

    def _action_failed(self, exc: BaseException) -> None:
        self.message.setText(error_text(exc))

    def _choose_export(self) -> None:
        path, _f = QFileDialog.getSaveFileName(
            self, self.tr("Export the pairs"), self.tr("mentoring.xlsx"), "Excel (*.xlsx)"
        )
        if path:
            self.export(path)

    def export(self, path: str) -> int:
        """The pairs as listed (the chosen cohort), with Thai headers and BE dates."""
        m = self.pairs_model
        rows = [
            {
                "cohort": p.cohort,
                "mentor": p.mentor,
                "lineage": p.mentor_was_mentee_in,
                "mentee": p.mentee,
                "status": value_label(p.status),
                "sessions": p.sessions,
                "last_meeting": p.last_meeting,
                "started_on": p.started_on,
                "hours": p.hours,
            }
            for p in m.rows
        ]
        columns = [*PairsModel.COLUMNS, "started_on", "hours"]
        headers = [*m.headers, self.tr("Started"), self.tr("Hours")]
        n = export_rows(
            path,
            columns,
            rows,
            headers_th=headers,
            title=self.tr("Mentoring pairs"),
            sheet_title=self.tr("Mentoring pairs"),
        )
        self.message.setText(self.tr("Exported %1 pairs to %2").replace("%1", str(n)).replace("%2", path))
        return n


class _Picker(QWidget):
    """Type to search; pick from what was found (enterprises or people), in a worker."""

    def __init__(self, env: PageEnv, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.kind = kind
        row = QVBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(
            self.tr("Type part of the name, code or ID…")
            if kind == "enterprise"
            else self.tr("Type part of the name, ID or phone…")
        )
        self.combo = QComboBox()
        self.combo.setMinimumWidth(360)
        row.addWidget(self.edit)
        row.addWidget(self.combo)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)
        self.timer.timeout.connect(self.search)
        self.edit.textChanged.connect(lambda _t: self.timer.start())
        self.combo.addItem(self.tr("(type to search)"), None)

    def search(self) -> None:
        text = self.edit.text().strip()
        kind = self.kind

        def find(task: Task) -> list[tuple[str, str]]:
            with self.env.db.session() as s:
                if kind == "enterprise":
                    return [(h.id, f"{h.name} ({h.code})") for h in ms.search_enterprises(s, text)]
                return [(h.id, f"{h.name} {h.national_id_masked}".strip()) for h in es.search_people(s, text)]

        if len(text) < 2:
            return
        workers.run_task(find, on_done=self._found, owner=self)

    def _found(self, items: list[tuple[str, str]]) -> None:
        self.combo.clear()
        if not items:
            self.combo.addItem(self.tr("(nothing found)"), None)
        for ident, text in items:
            self.combo.addItem(text, ident)

    def value(self) -> str | None:
        return self.combo.currentData()


class PairDialog(QDialog):
    """จับคู่พี่เลี้ยง: a mentor (company or person) and a mentee enterprise in a cohort."""

    saved = Signal()

    def __init__(self, env: PageEnv, cohort: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.setWindowTitle(self.tr("New mentoring pair"))
        self.resize(640, 600)
        form = QFormLayout(self)
        self.cohort = QSpinBox()
        self.cohort.setRange(1, 99)
        self.cohort.setValue(cohort)
        form.addRow(self.tr("Cohort"), self.cohort)
        kinds = QHBoxLayout()
        self.by_company = QRadioButton(self.tr("A company or enterprise"))
        self.by_person = QRadioButton(self.tr("A person"))
        group = QButtonGroup(self)
        group.addButton(self.by_company)
        group.addButton(self.by_person)
        self.by_company.setChecked(True)
        kinds.addWidget(self.by_company)
        kinds.addWidget(self.by_person)
        form.addRow(self.tr("The mentor is"), kinds)
        self.mentor_company = _Picker(env, "enterprise")
        self.mentor_person = _Picker(env, "person")
        self.mentor_person.hide()
        mentor = QVBoxLayout()
        mentor.addWidget(self.mentor_company)
        mentor.addWidget(self.mentor_person)
        form.addRow(self.tr("Mentor"), mentor)
        self.mentee = _Picker(env, "enterprise")
        form.addRow(self.tr("Mentee enterprise"), self.mentee)
        self.match = MatchPanel(env)  # the Big Brother matchmaker: graduates of the cohort before
        form.addRow(self.tr("Proposed"), self.match)
        self.started = DateField(required=False)
        form.addRow(self.tr("Started on"), self.started)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Only to pair a mentor the Big Brother rule does not allow"))
        form.addRow(self.tr("Reason to override"), self.reason)
        self.error = QLabel("")
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        form.addRow(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.by_person.toggled.connect(self._kind)
        self.mentee.combo.currentIndexChanged.connect(self._propose)
        self.cohort.valueChanged.connect(self._propose)
        self.match.chosen.connect(self._use_mentor)

    def _propose(self, *_a: Any) -> None:
        self.match.propose(self.mentee.value(), self.cohort.value())

    def _use_mentor(self, enterprise_id: str, name: str) -> None:
        self.by_company.setChecked(True)
        self.mentor_company.combo.clear()
        self.mentor_company.combo.addItem(name, enterprise_id)

    def _kind(self) -> None:
        self.mentor_company.setVisible(not self.by_person.isChecked())
        self.mentor_person.setVisible(self.by_person.isChecked())

    def save(self) -> None:
        mentee = self.mentee.value()
        mentor = (self.mentor_person if self.by_person.isChecked() else self.mentor_company).value()
        if not mentee or not mentor:
            self.error.setText(
                self.tr("Choose a mentor and a mentee (type part of a name, then pick from the list).")
            )
            return
        if not self.started.validate():
            return
        started = parse_date(self.started.text()) if self.started.text().strip() else None
        fields: dict[str, Any] = {
            "cohort": self.cohort.value(),
            "mentee_enterprise_id": mentee,
            "started_on": started,
            "override_reason": self.reason.text().strip(),
        }
        fields["mentor_person_id" if self.by_person.isChecked() else "mentor_enterprise_id"] = mentor
        make = context_factory(self.env.user, self.env.lang)

        def write(task: Task) -> None:
            with self.env.db.session() as s:
                ms.create_pair(make(s), **fields)
                s.commit()

        self.buttons.setEnabled(False)
        workers.run_task(write, on_done=self._saved, on_error=self._failed, owner=self)

    def _saved(self, _r: None) -> None:
        data_changed("mentoring", source=self)
        self.saved.emit()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.error.setText(html.escape(error_text(exc)))


class MeetingDialog(QDialog):
    """บันทึกการให้คำปรึกษา: one meeting of a pair."""

    saved = Signal()

    def __init__(self, env: PageEnv, pair: ms.PairRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.pair = pair
        self.setWindowTitle(self.tr("Record a mentoring meeting"))
        self.resize(620, 520)
        form = QFormLayout(self)
        who = QLabel(f"<b>{html.escape(pair.mentee)}</b> — {html.escape(pair.mentor)}")
        who.setWordWrap(True)
        form.addRow(who)
        self.day = DateField()
        self.hours = CheckedField(check_hours, "2")
        self.hours.setText("2")
        self.topic = CheckedField(check_required)
        self.notes = QPlainTextEdit()
        self.follow_up = QPlainTextEdit()
        for box in (self.notes, self.follow_up):
            box.setTabChangesFocus(True)
            box.setMinimumHeight(80)
        form.addRow(self.tr("Date *"), self.day)
        form.addRow(self.tr("Hours"), self.hours)
        form.addRow(self.tr("Topic *"), self.topic)
        form.addRow(self.tr("Meeting notes"), self.notes)
        form.addRow(self.tr("Follow-up actions"), self.follow_up)
        self.error = QLabel("")
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        form.addRow(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        for f in (self.day, self.hours, self.topic):
            f.changed.connect(self._check)
        self._check()

    def _check(self) -> None:
        ok = all(f.is_valid() for f in (self.day, self.hours, self.topic))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(ok)

    def save(self) -> None:
        if not all(f.validate() for f in (self.day, self.hours, self.topic)):
            return
        values = {
            "day": parse_date(self.day.text()),
            "hours": to_arabic_digits(self.hours.text()).replace(",", "").strip() or "0",
            "topic": self.topic.text().strip(),
            "notes": self.notes.toPlainText().strip(),
            "follow_up": self.follow_up.toPlainText().strip(),
        }
        make = context_factory(self.env.user, self.env.lang)
        pair_id = self.pair.id

        def write(task: Task) -> None:
            with self.env.db.session() as s:
                ms.add_session(make(s), pair_id, **values)
                s.commit()

        self.buttons.setEnabled(False)
        workers.run_task(write, on_done=self._saved, on_error=self._failed, owner=self)

    def _saved(self, _r: None) -> None:
        data_changed("mentoring", source=self)
        self.saved.emit()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.error.setText(html.escape(error_text(exc)))
