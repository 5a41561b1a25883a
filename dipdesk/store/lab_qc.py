"""Quality control and the lab's later steps: worksheets, QC samples and control materials, sample
retention and disposal, payments, and the e-mail delivery queue.

- A worksheet (ใบงาน) batches analyses of one test or one instrument; its QC results (blank, reference
  material, duplicate) are judged when entered, and a failure puts the worksheet on hold: its results
  cannot be verified until the lab head releases or rejects them (``qc_state``).
- A control material (วัสดุควบคุม / reference material) has the target and the standard deviation its
  control chart (Levey-Jennings, Westgard rules) is drawn against, per test and instrument.
- Retention (การเก็บรักษาตัวอย่าง) is a number of days per product type; a disposal records who disposed
  of a sample, when and how.
- A payment is a receipt (ใบเสร็จรับเงิน) against a request.
- The delivery queue is this computer's own (not synced): e-mails wait here while offline and are sent
  when a connection is there, so a report is never mailed twice from two laptops.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from dipdesk.store.base import Base, SiteOwned, new_id, utcnow

QC_KINDS = ("blank", "reference", "duplicate")
QC_STATES = ("", "pass", "hold", "released", "rejected")
WORKSHEET_STATES = ("open", "closed")
PAYMENT_METHODS = ("cash", "transfer", "cheque", "card")
DELIVERY_STATES = ("queued", "sent", "failed")


class LabWorksheet(SiteOwned, Base):
    """ใบงาน: analyses of one test (or on one instrument) done together, with their QC samples."""

    __tablename__ = "lab_worksheets"
    worksheet_no: Mapped[str] = mapped_column(String(30), unique=True)
    test_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("lab_tests.id"), default=None)
    instrument_id: Mapped[str | None] = mapped_column(
        String(36), ForeignKey("lab_instruments.id"), default=None
    )
    analyst_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("users.id"), default=None)
    state: Mapped[str] = mapped_column(String(8), default="open")
    qc_state: Mapped[str] = mapped_column(String(10), default="")
    qc_note: Mapped[str] = mapped_column(String(400), default="")
    decided_by: Mapped[str | None] = mapped_column(String(36), ForeignKey("users.id"), default=None)
    decided_at: Mapped[datetime | None] = mapped_column(default=None)
    decision_reason: Mapped[str] = mapped_column(String(400), default="")


class LabControlMaterial(SiteOwned, Base):
    """A reference (control) material for a test, with the target and SD of its control chart."""

    __tablename__ = "lab_control_materials"
    __table_args__ = (UniqueConstraint("site_id", "code"),)
    code: Mapped[str] = mapped_column(String(30))
    name: Mapped[str] = mapped_column(String(200))
    test_id: Mapped[str] = mapped_column(String(36), ForeignKey("lab_tests.id"), index=True)
    instrument_id: Mapped[str | None] = mapped_column(
        String(36), ForeignKey("lab_instruments.id"), default=None
    )
    lot: Mapped[str] = mapped_column(String(60), default="")
    target: Mapped[float]
    sd: Mapped[float]


class LabQCResult(SiteOwned, Base):
    """One QC sample on a worksheet and its result: a blank, a reference material or a duplicate."""

    __tablename__ = "lab_qc_results"
    worksheet_id: Mapped[str] = mapped_column(String(36), ForeignKey("lab_worksheets.id"), index=True)
    kind: Mapped[str] = mapped_column(String(10))
    test_id: Mapped[str] = mapped_column(String(36), ForeignKey("lab_tests.id"), index=True)
    instrument_id: Mapped[str | None] = mapped_column(
        String(36), ForeignKey("lab_instruments.id"), default=None
    )
    material_id: Mapped[str | None] = mapped_column(
        String(36), ForeignKey("lab_control_materials.id"), default=None, index=True
    )
    duplicate_of_id: Mapped[str | None] = mapped_column(
        String(36), ForeignKey("lab_analyses.id"), default=None
    )
    value_text: Mapped[str] = mapped_column(String(60), default="")
    value: Mapped[float | None] = mapped_column(default=None)
    measured_at: Mapped[datetime | None] = mapped_column(default=None)
    entered_by: Mapped[str | None] = mapped_column(String(36), ForeignKey("users.id"), default=None)
    outcome: Mapped[str] = mapped_column(String(8), default="")  # "", pass, warn, fail
    rules: Mapped[list[Any]] = mapped_column(default=list)  # Westgard rules tripped, e.g. ["2-2s"]


class LabRetention(SiteOwned, Base):
    """How long samples of a product type are kept after their report (days)."""

    __tablename__ = "lab_retention"
    __table_args__ = (UniqueConstraint("site_id", "product_type"),)
    product_type: Mapped[str] = mapped_column(String(40))
    days: Mapped[int] = mapped_column(default=90)


class LabDisposal(SiteOwned, Base):
    """บันทึกการทำลายตัวอย่าง: a sample's disposal (the sample record itself stays)."""

    __tablename__ = "lab_disposals"
    sample_id: Mapped[str] = mapped_column(String(36), ForeignKey("lab_samples.id"), index=True)
    disposed_on: Mapped[date]
    method: Mapped[str] = mapped_column(String(200))
    disposed_by: Mapped[str | None] = mapped_column(String(36), ForeignKey("users.id"), default=None)
    witness: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(String(400), default="")


class LabPayment(SiteOwned, Base):
    """ใบเสร็จรับเงิน: a payment received for a request."""

    __tablename__ = "lab_payments"
    receipt_no: Mapped[str] = mapped_column(String(30), unique=True)
    request_id: Mapped[str] = mapped_column(String(36), ForeignKey("lab_requests.id"), index=True)
    amount: Mapped[Decimal]
    paid_on: Mapped[date]
    method: Mapped[str] = mapped_column(String(10), default="cash")
    payer: Mapped[str] = mapped_column(String(300), default="")
    reference: Mapped[str] = mapped_column(String(100), default="")
    received_by: Mapped[str | None] = mapped_column(String(36), ForeignKey("users.id"), default=None)


class LabDelivery(Base):
    """An e-mail of a published report, queued on this computer until it is sent (never synced)."""

    __tablename__ = "lab_deliveries"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    report_id: Mapped[str] = mapped_column(String(36), ForeignKey("lab_reports.id"), index=True)
    to_address: Mapped[str] = mapped_column(String(200))
    subject: Mapped[str] = mapped_column(String(300), default="")
    body: Mapped[str] = mapped_column(Text, default="")
    state: Mapped[str] = mapped_column(String(8), default="queued", index=True)
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str] = mapped_column(String(400), default="")
    queued_by: Mapped[str | None] = mapped_column(String(36), ForeignKey("users.id"), default=None)
    queued_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(default=None)
