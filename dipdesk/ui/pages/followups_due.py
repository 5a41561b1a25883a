"""การติดตามผล: who is due a follow-up, recording what it found, and the evidence behind outcomes.

The worklist shows follow-ups due within the next 30 days, the most overdue first. "Record the
outcome…" opens a small form for the period's figures (with receipts or statements to attach); "Skip"
closes a follow-up with a reason. Below, the outcomes that have no evidence yet, to attach some. All
queries and writes run in workers (`dipdesk.services.followups`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)
from sqlalchemy import select

from dipdesk.core.kpi import format_baht
from dipdesk.services import followups as fu
from dipdesk.services.errors import ServiceError
from dipdesk.services.outcomes import value_of
from dipdesk.store.followups import OutcomeEvidence
from dipdesk.store.outcomes import Outcome
from dipdesk.store.people import Enterprise
from dipdesk.store.programs import Activity
from dipdesk.ui import workers
from dipdesk.ui.attendance.context import context_factory
from dipdesk.ui.changes import data_changed
from dipdesk.ui.flow import FlowLayout, together
from dipdesk.ui.pages.base import AreaPage, PageEnv
from dipdesk.ui.widgets import EmptyNote, format_date, style_read_only_table
from dipdesk.ui.workers import Task

WITHIN_DAYS = 30


@dataclass
class FollowupsData:
    due: list[fu.DueRow] = field(default_factory=list)
    unbacked: list[tuple[str, str, str, Decimal]] = field(
        default_factory=list
    )  # outcome id, enterprise, period, value


def _table(headers: list[str]) -> QTableWidget:
    t = QTableWidget(0, len(headers))
    t.setHorizontalHeaderLabels(headers)
    style_read_only_table(t)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.setMinimumHeight(220)
    return t


class FollowupsPage(AreaPage):
    view_name = "followups"
    listens_to = frozenset({"outcomes", "followups", "enrollments", "enterprises"})

    def description(self) -> str:
        return self.tr(
            "Follow-ups 3, 6 and 12 months after an activity: call or visit the enterprise, record what "
            "changed, and attach the receipts or statements that prove it."
        )

    def build(self) -> None:
        self.data = FollowupsData()
        self._dialog: QWidget | None = None
        self.body.addWidget(self.section_title(self.tr("Due within 30 days")))
        bar = FlowLayout()  # wraps on a small screen instead of cutting the buttons
        self.activity_code = QLineEdit()
        self.activity_code.setPlaceholderText(self.tr("Activity code, e.g. A-001"))
        self.activity_code.setMaximumWidth(220)
        self.schedule_button = QPushButton(self.tr("Schedule follow-ups (3, 6, 12 months)"))
        bar.addWidget(self.activity_code)
        bar.addWidget(self.schedule_button)
        self.record_button = QPushButton(self.tr("Record the outcome…"))
        self.skip_reason = QLineEdit()
        self.skip_reason.setPlaceholderText(self.tr("Why it cannot be followed up"))
        self.skip_reason.setMinimumWidth(240)
        self.skip_button = QPushButton(self.tr("Skip"))
        bar.addWidget(self.record_button)
        bar.addWidget(together(self.skip_reason, self.skip_button))
        self.body.addLayout(bar)
        self.due_table = _table([self.tr("Enterprise"), self.tr("Phone"), self.tr("Activity"),
                                 self.tr("After"), self.tr("Due on"), self.tr("Status")])  # fmt: skip
        self.body.addWidget(self.due_table)
        self.due_empty = EmptyNote(
            self.due_table,
            self.tr("No follow-up is due within 30 days. Schedule them from an activity's code."),
        )
        self.body.addWidget(self.section_title(self.tr("Outcomes without evidence")))
        row = QHBoxLayout()
        self.kind = QComboBox()
        for code, text in (("receipt", self.tr("Receipt")), ("statement", self.tr("Statement")),
                           ("photo", self.tr("Photo")), ("other", self.tr("Other"))):  # fmt: skip
            self.kind.addItem(text, code)
        self.attach_button = QPushButton(self.tr("Attach evidence…"))
        row.addStretch(1)
        row.addWidget(self.kind)
        row.addWidget(self.attach_button)
        self.body.addLayout(row)
        self.unbacked_table = _table(
            [self.tr("Enterprise"), self.tr("Period"), self.tr("Economic value (baht)")]
        )
        self.body.addWidget(self.unbacked_table)
        self.unbacked_empty = EmptyNote(
            self.unbacked_table, self.tr("Every outcome with a value has evidence.")
        )
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.body.addWidget(self.message)
        self.schedule_button.clicked.connect(self.schedule)
        self.record_button.clicked.connect(self.open_record)
        self.skip_button.clicked.connect(self.skip)
        self.attach_button.clicked.connect(self._choose_evidence)

    # --- loading -----------------------------------------------------------------------------------

    def fetch(self, task: Task) -> FollowupsData:
        with self.env.db.session() as s:
            due = fu.due_followups(s, dt.date.today(), within_days=WITHIN_DAYS)
            backed = select(OutcomeEvidence.outcome_id).where(OutcomeEvidence.deleted.is_(False))
            rows = s.execute(
                select(Outcome, Enterprise.name_th)
                .join(Enterprise, Enterprise.id == Outcome.enterprise_id)
                .where(Outcome.deleted.is_(False), Outcome.id.not_in(backed))
                .order_by(Outcome.period_end.desc())
                .limit(300)
            ).all()
            unbacked = [
                (o.id, name, f"{format_date(o.period_start)} – {format_date(o.period_end)}", value_of(o))
                for o, name in rows
            ]
            return FollowupsData(due, [u for u in unbacked if u[3] > 0])

    def show_data(self, data: FollowupsData) -> None:
        self.data = data
        t = self.due_table
        t.setRowCount(len(data.due))
        for r, d in enumerate(data.due):
            if d.days_late > 0:
                status = self.tr("%1 days overdue").replace("%1", str(d.days_late))
            elif d.days_late == 0:
                status = self.tr("due today")
            else:
                status = self.tr("due in %1 days").replace("%1", str(-d.days_late))
            cells = [d.enterprise, d.phone, d.activity, self.tr("%1 months").replace("%1", str(d.months)),
                     format_date(d.due_on), status]  # fmt: skip
            for c, text in enumerate(cells):
                t.setItem(r, c, QTableWidgetItem(text))
        t.resizeColumnsToContents()
        u = self.unbacked_table
        u.setRowCount(len(data.unbacked))
        for r, (_id, name, period, value) in enumerate(data.unbacked):
            for c, text in enumerate((name, period, format_baht(value))):
                item = QTableWidgetItem(text)
                if c == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                u.setItem(r, c, item)
        u.resizeColumnsToContents()
        if data.due and not t.selectedItems():
            t.selectRow(0)
        if data.unbacked and not u.selectedItems():
            u.selectRow(0)

    # --- actions -----------------------------------------------------------------------------------

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setObjectName("errorText" if error else "okText")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setText(text)

    def _failed(self, exc: BaseException) -> None:
        self._say(exc.message(self.env.lang) if isinstance(exc, ServiceError) else str(exc), error=True)

    def _changed(self, text: str) -> None:
        self._say(text)
        data_changed("outcomes", "followups", source=self)
        self.reload()

    def selected_due(self) -> fu.DueRow | None:
        r = self.due_table.currentRow()
        return self.data.due[r] if 0 <= r < len(self.data.due) else None

    def schedule(self) -> None:
        code = self.activity_code.text().strip()
        make = context_factory(self.env.user, self.env.lang)

        def write(task: Task) -> int:
            with self.env.db.session() as s:
                activity_id = s.scalars(select(Activity.id).where(Activity.code == code,
                                                                  Activity.deleted.is_(False))).first()  # fmt: skip
                if activity_id is None:
                    raise ValueError(self.tr("No activity with the code %1").replace("%1", code))
                n = fu.schedule_followups(make(s), activity_id)
                s.commit()
                return n

        workers.run_task(write, on_done=lambda n: self._changed(self.tr("%1 follow-ups scheduled.").replace(
            "%1", str(n))), on_error=self._failed, owner=self)  # fmt: skip

    def skip(self) -> None:
        due, reason = self.selected_due(), self.skip_reason.text()
        if due is None:
            return
        make = context_factory(self.env.user, self.env.lang)

        def write(task: Task) -> None:
            with self.env.db.session() as s:
                fu.skip_followup(make(s), due.id, reason)
                s.commit()

        workers.run_task(write, on_done=lambda _r: (self.skip_reason.clear(), self._changed(
            self.tr("Follow-up closed without an outcome."))), on_error=self._failed, owner=self)  # fmt: skip

    def open_record(self) -> RecordOutcomeDialog | None:
        due = self.selected_due()
        if due is None:
            return None
        dialog = RecordOutcomeDialog(self.env, due, self)
        dialog.saved.connect(lambda: self._changed(self.tr("Outcome recorded.")))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self._dialog = dialog
        return dialog

    def _choose_evidence(self) -> None:
        paths, _f = QFileDialog.getOpenFileNames(self, self.tr("Attach evidence"), "",
                                                 "PDF, JPEG, PNG (*.pdf *.jpg *.jpeg *.png)")  # fmt: skip
        if paths:
            self.attach_files(paths)

    def attach_files(self, paths: list[str]) -> workers.Task | None:
        """Attach files to the selected outcome without evidence (in a worker)."""
        r = self.unbacked_table.currentRow()
        if not 0 <= r < len(self.data.unbacked):
            return None
        outcome_id, kind = self.data.unbacked[r][0], self.kind.currentData()
        return attach_in_worker(self, self.env, outcome_id, paths, kind, self._changed, self._failed)


def attach_in_worker(owner: QWidget, env: PageEnv, outcome_id: str, paths: list[str], kind: str,
                     done: Any, failed: Any) -> workers.Task:  # fmt: skip
    make = context_factory(env.user, env.lang)

    def write(task: Task) -> int:
        with env.db.session() as s:
            ctx = make(s)
            for p in paths:
                fu.attach_evidence(ctx, outcome_id, Path(p).read_bytes(), file_name=Path(p).name, kind=kind)
            s.commit()
        return len(paths)

    text = QCoreApplication.translate("FollowupsPage", "%1 file(s) attached as evidence.")
    return workers.run_task(
        write, on_done=lambda n: done(text.replace("%1", str(n))), on_error=failed, owner=owner
    )


class RecordOutcomeDialog(QDialog):
    """The outcome a follow-up found: the period's figures, and files that prove them."""

    saved = Signal()

    def __init__(self, env: PageEnv, due: fu.DueRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env, self.due = env, due
        self.files: list[str] = []
        self.setWindowTitle(self.tr("Record the outcome of %1").replace("%1", due.enterprise))
        form = QFormLayout(self)
        self.fields: dict[str, QLineEdit] = {}
        for key, label in (("revenue_before", self.tr("Revenue before (baht)")),
                           ("revenue_after", self.tr("Revenue after (baht)")),
                           ("cost_saved", self.tr("Costs saved (baht)")),
                           ("investment", self.tr("Investment induced (baht)")),
                           ("jobs_created", self.tr("Jobs created")),
                           ("new_products", self.tr("New products"))):  # fmt: skip
            edit = QLineEdit()
            edit.setPlaceholderText("0")
            self.fields[key] = edit
            form.addRow(label, edit)
        files = QHBoxLayout()
        self.files_label = QLabel(self.tr("No file attached"))
        self.files_label.setObjectName("muted")
        pick = QPushButton(self.tr("Attach receipts or statements…"))
        files.addWidget(self.files_label, 1)
        files.addWidget(pick)
        form.addRow(self.tr("Evidence"), files)
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
        pick.clicked.connect(self._pick)

    def _pick(self) -> None:
        paths, _f = QFileDialog.getOpenFileNames(self, self.tr("Attach evidence"), "",
                                                 "PDF, JPEG, PNG (*.pdf *.jpg *.jpeg *.png)")  # fmt: skip
        self.set_files(paths)

    def set_files(self, paths: list[str]) -> None:
        self.files = list(paths)
        self.files_label.setText(", ".join(Path(p).name for p in paths) or self.tr("No file attached"))

    def save(self) -> None:
        figures = {k: e.text().replace(",", "").strip() for k, e in self.fields.items() if e.text().strip()}
        make, due, files = context_factory(self.env.user, self.env.lang), self.due, list(self.files)

        def write(task: Task) -> None:
            with self.env.db.session() as s:
                ctx = make(s)
                outcome = fu.complete_followup(ctx, due.id, day=dt.date.today(), **figures)
                for p in files:
                    data = Path(p).read_bytes()
                    kind = "photo" if fu.media_type(data) != "application/pdf" else "receipt"
                    fu.attach_evidence(ctx, outcome.id, data, file_name=Path(p).name, kind=kind)
                s.commit()

        self.buttons.setEnabled(False)
        workers.run_task(write, on_done=self._saved, on_error=self._failed, owner=self)

    def _saved(self, _r: None) -> None:
        self.saved.emit()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.error.setText(exc.message(self.env.lang) if isinstance(exc, ServiceError) else str(exc))
