"""The lab page's quality tabs: quality control (a control material's Levey-Jennings chart and the
worksheets with their QC state, where the lab head releases or rejects a held worksheet) and
instruments (calibration status and due dates, and open work against the turnaround target).

Reads and writes go through the page's `LabOps` (workers); the lists are short (the lab's instruments,
its recent worksheets, the open analyses), read whole.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from dipdesk.services.lab import calibration as cal
from dipdesk.services.lab import worksheets as wsv
from dipdesk.store.instruments import LabInstrument
from dipdesk.store.lab import LabTest
from dipdesk.store.lab_qc import LabControlMaterial
from dipdesk.ui.lab.entry import error_text
from dipdesk.ui.lab.ops import LabOps
from dipdesk.ui.lab.qc_chart import LeveyJenningsChart
from dipdesk.ui.widgets import format_date

QC_STATES = {
    "": QT_TRANSLATE_NOOP("QualityPanel", "No QC yet"),
    "pass": QT_TRANSLATE_NOOP("QualityPanel", "QC passed"),
    "hold": QT_TRANSLATE_NOOP("QualityPanel", "On hold: QC failed"),
    "released": QT_TRANSLATE_NOOP("QualityPanel", "Released by the lab head"),
    "rejected": QT_TRANSLATE_NOOP("QualityPanel", "Rejected, to be retested"),
}
CAL_STATES = {
    "ok": QT_TRANSLATE_NOOP("InstrumentsPanel", "Calibrated"),
    "due_soon": QT_TRANSLATE_NOOP("InstrumentsPanel", "Calibration due soon"),
    "overdue": QT_TRANSLATE_NOOP("InstrumentsPanel", "Calibration overdue: blocked"),
    "untracked": QT_TRANSLATE_NOOP("InstrumentsPanel", "No calibration programme"),
}

OPEN_STATES = {
    "registered": QT_TRANSLATE_NOOP("InstrumentsPanel", "Waiting for a result"),
    "to_be_verified": QT_TRANSLATE_NOOP("InstrumentsPanel", "Waiting for verification"),
    "verified": QT_TRANSLATE_NOOP("InstrumentsPanel", "Verified, report to publish"),
}


@dataclass(frozen=True)
class MaterialRow:
    id: str
    label: str
    target: float
    sd: float
    unit: str


@dataclass(frozen=True)
class WorksheetRow:
    id: str
    number: str
    test: str
    instrument: str
    qc_state: str
    note: str
    count: int


@dataclass
class QualityData:
    materials: list[MaterialRow]
    worksheets: list[WorksheetRow]


def load_quality(session: Session) -> QualityData:
    tests = {t.id: t for t in session.query(LabTest).all()}
    materials = []
    for m in wsv.control_materials(session):
        t = tests.get(m.test_id)
        label = f"{m.code} · {m.name}" + (f" ({t.code})" if t else "") + (f" lot {m.lot}" if m.lot else "")
        materials.append(MaterialRow(m.id, label, m.target, m.sd, t.unit if t else ""))
    instruments = {i.id: i.code for i in cal.instruments(session)}
    rows = []
    for w in wsv.worksheets(session)[:200]:
        t = tests.get(w.test_id or "")
        rows.append(
            WorksheetRow(
                w.id, w.worksheet_no, f"{t.name_th} ({t.code})" if t else "", instruments.get(w.instrument_id or "", ""),
                w.qc_state, w.qc_note, len(wsv.worksheet_analyses(session, w)),
            )
        )  # fmt: skip
    return QualityData(materials, rows)


def _table(headers: list[str]) -> QTableWidget:
    t = QTableWidget(0, len(headers))
    t.setHorizontalHeaderLabels(headers)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.verticalHeader().hide()
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    t.horizontalHeader().setStretchLastSection(True)
    return t


class QualityPanel(QWidget):
    """Control chart per material; worksheets with their QC state and the lab head's decision."""

    message = Signal(str, bool)
    changed = Signal()

    def __init__(self, ops: LabOps, can_decide: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.can_decide = can_decide
        self.materials: list[MaterialRow] = []
        self.rows: list[WorksheetRow] = []
        col = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Control material")))
        self.material_box = QComboBox()
        self.material_box.setMinimumWidth(360)
        row.addWidget(self.material_box, 1)
        col.addLayout(row)
        self.chart = LeveyJenningsChart()
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.chart)
        lower = QWidget()
        lcol = QVBoxLayout(lower)
        lcol.setContentsMargins(0, 0, 0, 0)
        lcol.addWidget(QLabel(self.tr("Worksheets")))
        self.table = _table(
            [self.tr("Worksheet"), self.tr("Test"), self.tr("Instrument"), self.tr("Analyses"), self.tr("QC"),
             self.tr("QC failure")]
        )  # fmt: skip
        lcol.addWidget(self.table, 1)
        drow = QHBoxLayout()
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Reason for the decision (investigation, corrective action)"))
        self.release_button = QPushButton(self.tr("Release results"))
        self.reject_button = QPushButton(self.tr("Reject and retest"))
        drow.addWidget(self.reason, 1)
        drow.addWidget(self.release_button)
        drow.addWidget(self.reject_button)
        lcol.addLayout(drow)
        split.addWidget(lower)
        split.setSizes([360, 260])
        col.addWidget(split, 1)
        self.material_box.currentIndexChanged.connect(lambda _i: self.load_chart())
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.release_button.clicked.connect(lambda: self.decide("release"))
        self.reject_button.clicked.connect(lambda: self.decide("reject"))
        self._selection_changed()

    def load(self) -> None:
        self.ops.read(load_quality, self.show_data, lambda exc: self.message.emit(error_text(exc), True))

    def show_data(self, data: QualityData) -> None:
        current = self.material_box.currentData()
        self.materials = data.materials
        self.material_box.blockSignals(True)
        self.material_box.clear()
        for m in data.materials:
            self.material_box.addItem(m.label, m.id)
        self.material_box.setCurrentIndex(max(0, self.material_box.findData(current)))
        self.material_box.blockSignals(False)
        self.rows = data.worksheets
        self.table.setRowCount(len(self.rows))
        for i, w in enumerate(self.rows):
            state = QCoreApplication.translate("QualityPanel", QC_STATES.get(w.qc_state, w.qc_state))
            cells = [w.number, w.test, w.instrument, str(w.count), state, w.note]
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if j == 4 and w.qc_state in ("hold", "rejected"):
                    item.setForeground(QColor("#c62828"))
                self.table.setItem(i, j, item)
        self._selection_changed()
        self.load_chart()

    def load_chart(self) -> None:
        material_id = self.material_box.currentData()
        m = next((x for x in self.materials if x.id == material_id), None)
        if m is None:
            self.chart.set_series([], 0.0, 1.0, self.tr("No control material yet"))
            return

        def read(session: Session) -> list[wsv.ChartPoint]:
            material = session.get(LabControlMaterial, m.id)
            return wsv.control_chart(session, material) if material else []

        title = self.tr("%1 — target %2 %3, SD %4").replace("%1", m.label).replace("%2", f"{m.target:g}")
        title = title.replace("%3", m.unit).replace("%4", f"{m.sd:g}")
        self.ops.read(read, lambda pts: self.chart.set_series(pts, m.target, m.sd, title, m.unit))

    def selected(self) -> WorksheetRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows and rows[0].row() < len(self.rows) else None

    def _selection_changed(self) -> None:
        w = self.selected()
        held = w is not None and w.qc_state == "hold" and self.can_decide
        for widget in (self.reason, self.release_button, self.reject_button):
            widget.setEnabled(held)

    def decide(self, decision: str) -> None:
        w = self.selected()
        if w is None:
            return
        reason = self.reason.text()

        def run(ctx: Any) -> int:
            return wsv.decide(ctx, wsv.find_worksheet(ctx.session, w.number), decision, reason)

        def done(n: int) -> None:
            text = (
                self.tr("Worksheet %1 released: its results may be verified.")
                if decision == "release"
                else self.tr("Worksheet %1 rejected: %2 results retracted for retesting.")
            )
            self.message.emit(text.replace("%1", w.number).replace("%2", str(n)), False)
            self.reason.clear()
            self.load()
            self.changed.emit()

        self.ops.write(run, done, lambda exc: self.message.emit(error_text(exc), True))


@dataclass
class InstrumentsData:
    instruments: list[tuple[str, str, str, str, str]]  # code, name, status, calibration due, maintenance due
    turnaround: list[wsv.TurnaroundRow]


def load_instruments(session: Session) -> InstrumentsData:
    rows = []
    for i in cal.instruments(session):
        rows.append(
            (i.code, i.name, cal.calibration_status(i), _due(i, "calibration"), _due(i, "maintenance"))
        )
    return InstrumentsData(rows, wsv.turnaround(session, limit=300))


def _due(i: LabInstrument, kind: str) -> str:
    d = i.calibration_due_on if kind == "calibration" else i.maintenance_due_on
    return format_date(d) if d else "–"


class InstrumentsPanel(QWidget):
    """Instruments with their calibration status; open analyses against the turnaround target."""

    message = Signal(str, bool)

    def __init__(self, ops: LabOps, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        col = QVBoxLayout(self)
        col.addWidget(QLabel(self.tr("Instruments")))
        self.instruments = _table(
            [self.tr("Code"), self.tr("Instrument"), self.tr("Status"), self.tr("Calibration due"),
             self.tr("Maintenance due")]
        )  # fmt: skip
        col.addWidget(self.instruments, 2)
        col.addWidget(QLabel(self.tr("Turnaround: open analyses against the catalog's target")))
        self.turnaround = _table(
            [self.tr("Lab no."), self.tr("Test"), self.tr("State"), self.tr("Received"), self.tr("Days"),
             self.tr("Target"), self.tr("Days left")]
        )  # fmt: skip
        col.addWidget(self.turnaround, 3)

    def load(self) -> None:
        self.ops.read(load_instruments, self.show_data, lambda exc: self.message.emit(error_text(exc), True))

    def show_data(self, data: InstrumentsData) -> None:
        self.instruments.setRowCount(len(data.instruments))
        for i, (code, name, status, due, maint) in enumerate(data.instruments):
            text = QCoreApplication.translate("InstrumentsPanel", CAL_STATES.get(status, status))
            for j, cell in enumerate((code, name, text, due, maint)):
                item = QTableWidgetItem(cell)
                if j == 2 and status in ("overdue", "due_soon"):
                    item.setForeground(QColor("#c62828" if status == "overdue" else "#b26a00"))
                self.instruments.setItem(i, j, item)
        self.turnaround.setRowCount(len(data.turnaround))
        for i, r in enumerate(data.turnaround):
            state = QCoreApplication.translate("InstrumentsPanel", OPEN_STATES.get(r.state, r.state))
            cells = [r.lab_no, f"{r.test} ({r.code})", state, format_date(r.received_on), str(r.elapsed_days),
                     str(r.target_days), str(r.days_left)]  # fmt: skip
            for j, cell in enumerate(cells):
                item = QTableWidgetItem(cell)
                if r.late:
                    item.setForeground(QColor("#c62828"))
                self.turnaround.setItem(i, j, item)
