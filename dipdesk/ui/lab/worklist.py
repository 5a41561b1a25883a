"""The worklist (samples by state, soonest due first) and the panel of the selected sample.

The panel shows the sample, its results in the entry grid, its reports, and the sample-level steps:
receive, publish the report, preview and print it (or a marked draft), amend it, and print the
sample receipt and the request form. Everything is loaded and written in workers.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from dipdesk.printing import lab_forms
from dipdesk.services import lab
from dipdesk.services.errors import NotFound
from dipdesk.store.lab import LabRequest, LabSample
from dipdesk.ui import theme
from dipdesk.ui.flow import FlowLayout
from dipdesk.ui.history import may_see_history, show_history
from dipdesk.ui.lab.dialogs import AmendDialog, ConditionDialog, product_type_label
from dipdesk.ui.lab.entry import ResultEntry, error_text, user_can
from dipdesk.ui.lab.grid import ColorTextDelegate
from dipdesk.ui.lab.preview import PreviewDialog
from dipdesk.ui.labels import value_label
from dipdesk.ui.widgets import format_date

if TYPE_CHECKING:
    from dipdesk.ui.lab.ops import LabOps
    from dipdesk.ui.pages.base import PageEnv

_Index = QModelIndex | QPersistentModelIndex


class WorklistModel(QAbstractTableModel):
    LAB_NO, CUSTOMER, SAMPLE, RECEIVED, DUE, PROGRESS, STATE = range(7)
    HEADERS = (
        QT_TRANSLATE_NOOP("LabWorklist", "Lab no."),
        QT_TRANSLATE_NOOP("LabWorklist", "Customer"),
        QT_TRANSLATE_NOOP("LabWorklist", "Sample"),
        QT_TRANSLATE_NOOP("LabWorklist", "Received"),
        QT_TRANSLATE_NOOP("LabWorklist", "Due"),
        QT_TRANSLATE_NOOP("LabWorklist", "Verified"),
        QT_TRANSLATE_NOOP("LabWorklist", "Status"),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.items: list[lab.WorkItem] = []

    def set_items(self, items: list[lab.WorkItem]) -> None:
        self.beginResetModel()
        self.items = items
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("LabWorklist", self.HEADERS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.items[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.LAB_NO:
                return item.lab_no
            if col == self.CUSTOMER:
                return item.customer
            if col == self.SAMPLE:
                return item.description
            if col == self.RECEIVED:
                return format_date(lab.local_time(item.received_at)) if item.received_at else ""
            if col == self.DUE:
                return format_date(item.due_on) if item.due_on else ""
            if col == self.PROGRESS:
                waiting = item.counts.get("to_be_verified", 0)
                extra = QCoreApplication.translate("LabWorklist", " (%1 to verify)").replace(
                    "%1", str(waiting)
                )
                return item.progress + (extra if waiting else "")
            if col == self.STATE:
                return value_label(item.state)
        if role == Qt.ItemDataRole.ForegroundRole and col == self.DUE and item.overdue:
            return QBrush(QColor(theme.colors(theme.current_theme())["danger"]))
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == self.DUE and item.overdue:
                return QCoreApplication.translate("LabWorklist", "Overdue")
            return f"{item.request_no} · {item.description}"
        return None


@dataclass
class SampleDetail:
    """A sample with everything the panel shows (plain values, loaded in a worker)."""

    sample_id: str
    lab_no: str
    request_id: str
    request_no: str
    customer: str
    contact: str
    contact_phone: str
    description: str
    product_type: str
    quantity: str
    condition: str
    state: str
    received_at: dt.datetime | None
    due_on: dt.date | None
    analyses: list[lab.AnalysisRow]
    reports: list[dict[str, Any]] = field(default_factory=list)
    current_report: str = ""
    publishable: bool = False
    why_not: str = ""
    allow_self: bool = False


def load_sample(session: Session, sample_id: str) -> SampleDetail:
    sample = session.get(LabSample, sample_id)
    if sample is None:
        raise NotFound("ไม่พบตัวอย่าง", "no such sample")
    request = session.get(LabRequest, sample.request_id)
    assert request is not None
    reports = []
    by_id = {r.id: r for r in lab.reports_of(session, sample.id)}
    for r in by_id.values():
        reports.append(
            {
                "report_no": r.report_no,
                "state": r.state,
                "issued_on": r.issued_on,
                "replaces": by_id[r.replaces_id].report_no if r.replaces_id in by_id else "",
                "reason": r.amendment_reason,
            }
        )
    current = lab.current_report(session, sample.id)
    ready, why_th, _why_en = lab.publishable(session, sample)
    return SampleDetail(
        sample_id=sample.id,
        lab_no=sample.lab_no,
        request_id=request.id,
        request_no=request.request_no,
        customer=request.customer_name,
        contact=request.contact_name,
        contact_phone=request.contact_phone,
        description=sample.description,
        product_type=sample.product_type,
        quantity=sample.quantity,
        condition=sample.condition,
        state=sample.state,
        received_at=lab.local_time(sample.received_at),
        due_on=sample.due_on,
        analyses=lab.sample_analyses(session, sample.id),
        reports=reports,
        current_report=current.report_no if current else "",
        publishable=ready,
        why_not=why_th,
        allow_self=lab.self_verification_allowed(session, sample.site_id),
    )


class SamplePanel(QWidget):
    """The selected sample: its details, result entry, reports and the sample-level steps."""

    changed = Signal()  # written: the worklist and the counts reload
    message = Signal(str, bool)

    def __init__(self, env: PageEnv, ops: LabOps, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.ops = ops
        self.detail: SampleDetail | None = None
        self.wanted: str | None = None  # the sample (id or lab number) the user asked for last
        self.dialog: QDialog | None = None
        self.preview: PreviewDialog | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 6, 0, 0)
        self.header = QLabel(self.tr("Select a sample in the worklist."))
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        outer.addWidget(self.header)
        row = FlowLayout()  # six buttons: two lines on a small screen rather than cut
        self.receive_button = QPushButton(self.tr("Receive…"))
        self.publish_button = QPushButton(self.tr("Publish report"))
        self.report_button = QPushButton(self.tr("Preview / print report"))
        self.amend_button = QPushButton(self.tr("Amend report…"))
        self.receipt_button = QPushButton(self.tr("Sample receipt"))
        self.request_button = QPushButton(self.tr("Request form"))
        self.history_button = QPushButton(self.tr("Edit history"))  # ประวัติการแก้ไข: the audit page
        self.history_button.setVisible(may_see_history(env.user))
        for b in (
            self.receive_button,
            self.publish_button,
            self.report_button,
            self.amend_button,
            self.receipt_button,
            self.request_button,
            self.history_button,
        ):
            row.addWidget(b)
        outer.addLayout(row)
        self.entry = ResultEntry(env, ops, parent=self)
        outer.addWidget(self.entry, 1)
        self.reports_label = QLabel()
        self.reports_label.setObjectName("muted")
        self.reports_label.setWordWrap(True)
        self.reports_label.setTextFormat(Qt.TextFormat.RichText)
        outer.addWidget(self.reports_label)
        self.entry.changed.connect(self._written)
        self.entry.saved.connect(self._result_saved)
        self.entry.message.connect(self.message)
        self.receive_button.clicked.connect(self.receive)
        self.publish_button.clicked.connect(self.publish)
        self.report_button.clicked.connect(self.preview_report)
        self.amend_button.clicked.connect(self.amend)
        self.receipt_button.clicked.connect(self.preview_receipt)
        self.request_button.clicked.connect(self.preview_request)
        self.history_button.clicked.connect(self.show_history)
        self.update_actions()

    def can(self, permission: str) -> bool:
        return user_can(self.env.user.role, permission)

    # --- loading --------------------------------------------------------------------------------------

    def load(self, sample_id: str, *, keep: bool = False) -> None:
        """Show this sample (loaded in a worker); a later request wins over one still on its way."""
        self.wanted = sample_id
        self.ops.read(
            lambda s: load_sample(s, sample_id), lambda d: self.show_detail(d, keep=keep), self._load_failed
        )

    def load_lab_no(self, lab_no: str) -> None:
        def read(session: Session) -> SampleDetail:
            return load_sample(session, lab.find_sample(session, lab_no).id)

        self.wanted = lab_no
        self.ops.read(read, self.show_detail, self._load_failed)

    def wants(self, sample_id: str, lab_no: str) -> bool:
        return self.wanted in (None, sample_id, lab_no)

    def reload(self) -> None:
        if self.detail is not None:
            self.load(self.detail.sample_id, keep=True)

    def _load_failed(self, exc: BaseException) -> None:
        self.message.emit(error_text(exc), True)

    def show_detail(self, d: SampleDetail, *, keep: bool = False) -> None:
        if not self.wants(d.sample_id, d.lab_no):
            return  # the user has moved on to another sample meanwhile
        self.wanted = d.sample_id
        same = self.detail is not None and self.detail.sample_id == d.sample_id
        self.detail = d
        self._show_header(d)
        open_sample = d.state in ("received", "testing", "verified")
        self.entry.load(d.analyses, allow_self=d.allow_self, sample_open=open_sample, keep=keep and same)
        if not (keep and same):
            self.entry.grid.start()
        self._show_reports(d)
        self.update_actions()

    def _show_header(self, d: SampleDetail) -> None:
        e = html.escape
        due = format_date(d.due_on) if d.due_on else "–"
        received = format_date(d.received_at) if d.received_at else self.tr("not received yet")
        ptype = product_type_label(d.product_type) if d.product_type else "–"
        ptype_label, received_label, due_label = self.tr("Product type"), self.tr("Received"), self.tr("Due")
        self.header.setText(
            f"<span style='font-size:15pt; font-weight:bold'>{e(d.lab_no)}</span>&nbsp;&nbsp;"
            f"<b>[{e(value_label(d.state))}]</b>&nbsp;&nbsp;{e(d.description)}"
            f"<br>{e(d.customer)} · {e(ptype_label)}: {e(ptype)} · "
            f"{e(received_label)}: {e(received)} · {e(due_label)}: {e(due)}"
        )

    def _result_saved(self, sample_id: str) -> None:
        """The first result moves a received sample to "testing": show it without reloading the grid
        (a reload would close the editor the technician is typing the next value in)."""
        d = self.detail
        if d is None or d.sample_id != sample_id or d.state != "received":
            return

        def read(session: Session) -> str:
            sample = session.get(LabSample, sample_id)
            return sample.state if sample is not None else d.state

        def show(state: str) -> None:
            if self.detail is d and state != d.state:
                d.state = state
                self._show_header(d)
                self.changed.emit()

        self.ops.read(read, show)

    def _show_reports(self, d: SampleDetail) -> None:
        e = html.escape
        if d.reports:
            parts = []
            for r in d.reports:
                text = f"{e(r['report_no'])} ({e(value_label(r['state']))}"
                if r["issued_on"]:
                    text += f", {e(format_date(r['issued_on']))}"
                if r["replaces"]:
                    text += ", " + e(self.tr("replaces %1").replace("%1", r["replaces"]))
                parts.append(text + ")")
            self.reports_label.setText(e(self.tr("Reports")) + ": " + " · ".join(parts))
        else:
            self.reports_label.setText(
                e(self.tr("No report yet.")) + (f" {e(d.why_not)}" if d.why_not else "")
            )

    def update_actions(self) -> None:
        d = self.detail
        for b in (self.receive_button, self.publish_button, self.report_button, self.amend_button,
                  self.receipt_button, self.request_button, self.history_button):  # fmt: skip
            b.setEnabled(d is not None)
        if d is None:
            return
        self.receive_button.setVisible(d.state == "registered")
        self.receive_button.setEnabled(self.can("lab.receive") and d.state == "registered")
        self.publish_button.setEnabled(self.can("lab.publish") and d.publishable and not d.current_report)
        self.publish_button.setToolTip(d.why_not if not d.publishable else "")
        amendable = bool(d.current_report) and self.can("lab.publish")
        self.amend_button.setVisible(bool(d.current_report))
        self.amend_button.setEnabled(amendable)
        self.report_button.setText(
            self.tr("Preview / print report") if d.current_report else self.tr("Preview draft report")
        )

    def show_history(self) -> None:
        """The audit page filtered to this sample, its request, its analyses and its reports."""
        d = self.detail
        if d is None:
            return
        ids = (d.sample_id, d.request_id, *(a.id for a in d.analyses))
        ids += tuple(str(r["id"]) for r in d.reports if r.get("id"))
        show_history(ids, d.lab_no)

    def _written(self) -> None:
        self.reload()
        self.changed.emit()

    def _run(self, fn: Any, on_done: Any) -> None:
        def failed(exc: BaseException) -> None:
            self.message.emit(error_text(exc), True)
            self._written()

        def done(result: Any) -> None:
            on_done(result)
            self._written()

        self.ops.write(fn, done, failed)

    # --- steps ----------------------------------------------------------------------------------------

    def receive(self) -> None:
        d = self.detail
        if d is None:
            return
        dialog = ConditionDialog(d.lab_no, self)

        def accepted() -> None:
            condition, storage = dialog.condition.text().strip(), dialog.storage.text().strip()

            def run(ctx: Any) -> str:
                sample = lab.receive_sample(
                    ctx, lab.find_sample(ctx.session, d.lab_no), condition=condition, storage=storage
                )
                return sample.lab_no

            self._run(run, lambda no: self.message.emit(self.tr("Received %1").replace("%1", no), False))

        dialog.accepted.connect(accepted)
        dialog.open()
        self.dialog = dialog

    def publish(self) -> None:
        d = self.detail
        if d is None:
            return

        def run(ctx: Any) -> str:
            return lab.publish_report(ctx, lab.find_sample(ctx.session, d.lab_no)).report_no

        self._run(run, lambda no: self.message.emit(self.tr("Published report %1").replace("%1", no), False))

    def amend(self) -> None:
        d = self.detail
        if d is None or not d.current_report:
            return
        current = {
            "customer_name": d.customer,
            "contact_name": d.contact,
            "contact_phone": d.contact_phone,
            "description": d.description,
            "quantity": d.quantity,
            "condition": d.condition,
        }
        dialog = AmendDialog(d.current_report, current, self)

        def accepted() -> None:
            reason, corrections = dialog.value(), dialog.corrections()
            report_no = d.current_report

            def run(ctx: Any) -> str:
                report = lab.find_report(ctx.session, report_no)
                return lab.amend_report(ctx, report, reason, corrections=corrections).report_no

            self._run(
                run,
                lambda no: self.message.emit(
                    self.tr("Published amended report %1; report %2 is kept, marked replaced")
                    .replace("%1", no)
                    .replace("%2", report_no),
                    False,
                ),
            )

        dialog.accepted.connect(accepted)
        dialog.open()
        self.dialog = dialog

    # --- printing -------------------------------------------------------------------------------------

    def _show_pdf(self, title: str, file_name: str, make: Any) -> None:
        self.message.emit(self.tr("Preparing %1…").replace("%1", title), False)

        def done(pdf: bytes) -> None:
            self.preview = PreviewDialog(title, pdf, file_name, self)
            self.preview.open()
            self.message.emit("", False)

        self.ops.read(make, done, self._load_failed)

    def preview_report(self) -> None:
        d = self.detail
        if d is None:
            return
        lab_no = d.lab_no
        draft = not d.current_report
        thai_digits = self.env.settings.thai_digits_on_forms

        def make(session: Session) -> bytes:
            content = lab.report_for_print(session, lab_no, draft=draft)
            return lab_forms.render_to_bytes(lab_forms.render_report, content, thai_digits=thai_digits)

        name = f"{d.current_report or 'DRAFT-' + lab_no}.pdf"
        title = (
            self.tr("Test report %1").replace("%1", d.current_report)
            if not draft
            else self.tr("Draft report %1").replace("%1", lab_no)
        )
        self._show_pdf(title, name, make)

    def preview_receipt(self) -> None:
        d = self.detail
        if d is None:
            return
        lab_no, thai_digits = d.lab_no, self.env.settings.thai_digits_on_forms

        def make(session: Session) -> bytes:
            content = lab.receipt_content(session, lab.find_sample(session, lab_no))
            return lab_forms.render_to_bytes(lab_forms.render_receipt, content, thai_digits=thai_digits)

        self._show_pdf(self.tr("Sample receipt %1").replace("%1", d.lab_no), f"receipt-{d.lab_no}.pdf", make)

    def preview_request(self) -> None:
        d = self.detail
        if d is None:
            return
        request_no, thai_digits = d.request_no, self.env.settings.thai_digits_on_forms

        def make(session: Session) -> bytes:
            content = lab.request_form_content(session, lab.find_request(session, request_no))
            return lab_forms.render_to_bytes(lab_forms.render_request_form, content, thai_digits=thai_digits)

        self._show_pdf(
            self.tr("Request form %1").replace("%1", request_no), f"request-{request_no}.pdf", make
        )


def worklist_view(model: WorklistModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setItemDelegate(ColorTextDelegate(view))  # the overdue date in red despite the theme
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(30)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    for col, width in ((0, 150), (1, 220), (2, 240), (3, 110), (4, 110), (5, 120)):
        view.setColumnWidth(col, width)
    return view
