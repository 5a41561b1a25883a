"""The lab page's delivery tab (issue 15): a published report saved as a signed PDF (PAdES, the site's
key) into the print folder, or queued for e-mail; the e-mail queue with "Send now" (SMTP from the
settings or DIPDESK_SMTP_*; what cannot go now stays queued); and the samples due for disposal, with
the disposal record. All database and network work runs in the page's `LabOps` workers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from dipdesk.services import lab
from dipdesk.services.lab import delivery, retention
from dipdesk.settings import Settings
from dipdesk.ui.lab.entry import error_text
from dipdesk.ui.lab.ops import LabOps
from dipdesk.ui.lab.quality import _table
from dipdesk.ui.printing import print_folder
from dipdesk.ui.widgets import format_date

MAIL_STATES = {
    "queued": QT_TRANSLATE_NOOP("DeliveryPanel", "Waiting to be sent"),
    "sent": QT_TRANSLATE_NOOP("DeliveryPanel", "Sent"),
    "failed": QT_TRANSLATE_NOOP("DeliveryPanel", "Refused by the mail server"),
}


@dataclass
class DeliveryData:
    mails: list[tuple[str, str, str, str, str]]  # report no, to, state, queued on, last error
    disposal: list[retention.DisposalItem]


def load_delivery(session: Session) -> DeliveryData:
    from dipdesk.store.lab import LabReport

    mails = []
    for d in delivery.deliveries(session)[:200]:
        report = session.get(LabReport, d.report_id)
        mails.append(
            (
                report.report_no if report else "",
                d.to_address,
                d.state,
                format_date(d.queued_at),
                d.last_error,
            )
        )
    return DeliveryData(mails, retention.disposal_due(session))


class DeliveryPanel(QWidget):
    message = Signal(str, bool)

    def __init__(
        self, ops: LabOps, settings: Settings, can_publish: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ops = ops
        self.settings = settings
        self.items: list[retention.DisposalItem] = []
        col = QVBoxLayout(self)
        col.addWidget(QLabel(self.tr("Send a published report")))
        row = QHBoxLayout()
        self.report_no = QLineEdit()
        self.report_no.setPlaceholderText(self.tr("Report no."))
        self.to = QLineEdit()
        self.to.setPlaceholderText(self.tr("Customer's e-mail address"))
        self.sign_button = QPushButton(self.tr("Save signed PDF"))
        self.queue_button = QPushButton(self.tr("Queue e-mail"))
        self.send_button = QPushButton(self.tr("Send queued e-mails now"))
        for w in (self.sign_button, self.queue_button):
            w.setEnabled(can_publish)
        row.addWidget(self.report_no, 1)
        row.addWidget(self.to, 1)
        row.addWidget(self.sign_button)
        row.addWidget(self.queue_button)
        col.addLayout(row)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("E-mail queue")), 1)
        row.addWidget(self.send_button)
        col.addLayout(row)
        self.mails = _table(
            [self.tr("Report"), self.tr("To"), self.tr("State"), self.tr("Queued"), self.tr("Error")]
        )
        col.addWidget(self.mails, 2)
        col.addWidget(QLabel(self.tr("Samples due for disposal (retention period over)")))
        self.disposal = _table(
            [
                self.tr("Lab no."),
                self.tr("Sample"),
                self.tr("Product type"),
                self.tr("Reported"),
                self.tr("Keep until"),
            ]
        )
        col.addWidget(self.disposal, 2)
        row = QHBoxLayout()
        self.method = QLineEdit()
        self.method.setPlaceholderText(self.tr("How it was disposed of"))
        self.witness = QLineEdit()
        self.witness.setPlaceholderText(self.tr("Witness"))
        self.dispose_button = QPushButton(self.tr("Record disposal"))
        row.addWidget(self.method, 2)
        row.addWidget(self.witness, 1)
        row.addWidget(self.dispose_button)
        col.addLayout(row)
        self.sign_button.clicked.connect(self.save_signed)
        self.queue_button.clicked.connect(self.queue_mail)
        self.send_button.clicked.connect(self.send_now)
        self.dispose_button.clicked.connect(self.record_disposal)

    def _fail(self, exc: BaseException) -> None:
        self.message.emit(error_text(exc), True)

    def load(self) -> None:
        self.ops.read(load_delivery, self.show_data, self._fail)

    def show_data(self, data: DeliveryData) -> None:
        self.mails.setRowCount(len(data.mails))
        for i, (no, to, state, when, err) in enumerate(data.mails):
            text = QCoreApplication.translate("DeliveryPanel", MAIL_STATES.get(state, state))
            for j, cell in enumerate((no, to, text, when, err)):
                self.mails.setItem(i, j, _item(cell))
        self.items = data.disposal
        self.disposal.setRowCount(len(self.items))
        for i, d in enumerate(self.items):
            cells = (
                d.lab_no,
                d.description,
                d.product_type,
                format_date(d.reported_on),
                format_date(d.keep_until),
            )
            for j, cell in enumerate(cells):
                self.disposal.setItem(i, j, _item(cell))

    def save_signed(self) -> None:
        number = self.report_no.text().strip()
        folder = print_folder(self.settings)

        def run(ctx: Any) -> str:
            pdf = delivery.signed_report_pdf(ctx, lab.find_report(ctx.session, number))
            path = folder / f"{number}-signed.pdf"
            path.write_bytes(pdf)
            return str(path)

        self.ops.write(run, lambda path: self.message.emit(self.tr("Signed report saved: %1").replace("%1", path), False),
                       self._fail)  # fmt: skip

    def queue_mail(self) -> None:
        number, to = self.report_no.text().strip(), self.to.text().strip()

        def run(ctx: Any) -> None:
            delivery.queue_email(ctx, lab.find_report(ctx.session, number), to)

        def done(_: Any) -> None:
            self.message.emit(
                self.tr("Report %1 queued for %2.").replace("%1", number).replace("%2", to), False
            )
            self.load()

        self.ops.write(run, done, self._fail)

    def send_now(self) -> None:
        config = delivery.SmtpConfig.load(self.settings)
        if config is None:
            self.message.emit(self.tr("No mail server is set up (smtp_host in the settings)."), True)
            return

        def run(ctx: Any) -> tuple[int, int]:
            return delivery.send_queued(ctx, config)

        def done(result: tuple[int, int]) -> None:
            sent, left = result
            text = (
                self.tr("%1 e-mail(s) sent, %2 still waiting.")
                .replace("%1", str(sent))
                .replace("%2", str(left))
            )
            self.message.emit(text, left > 0)
            self.load()

        self.ops.write(run, done, self._fail)

    def record_disposal(self) -> None:
        rows = self.disposal.selectionModel().selectedRows()
        if not rows:
            self.message.emit(self.tr("Choose a sample in the list first."), True)
            return
        item = self.items[rows[0].row()]
        method, witness = self.method.text(), self.witness.text()

        def run(ctx: Any) -> None:
            retention.record_disposal(
                ctx, lab.find_sample(ctx.session, item.lab_no), method=method, witness=witness
            )

        def done(_: Any) -> None:
            self.message.emit(self.tr("Disposal of %1 recorded.").replace("%1", item.lab_no), False)
            self.method.clear()
            self.load()

        self.ops.write(run, done, self._fail)


def _item(text: str) -> QTableWidgetItem:
    return QTableWidgetItem(text)
