"""The testing lab: catalog (tests, specifications), requests, samples, analyses and reports (LAB.md)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from dipdesk.store.base import Base, SiteOwned

TEST_KINDS = ("physical", "chemical", "microbiological")
RESULT_TYPES = ("numeric", "text", "choice")
ANALYSIS_STATES = ("registered", "to_be_verified", "verified", "published", "retracted", "rejected")
SAMPLE_STATES = ("registered", "received", "testing", "verified", "published", "cancelled")
REQUEST_STATES = ("draft", "submitted", "in_progress", "completed", "cancelled")
REPORT_STATES = ("draft", "published", "replaced")


class LabTest(SiteOwned, Base):
    """รายการทดสอบ (analysis service) in the catalog."""

    __tablename__ = "lab_tests"
    __table_args__ = (UniqueConstraint("site_id", "code"),)  # codes are per site (migration 0005)
    code: Mapped[str] = mapped_column(String(20), index=True)
    name_th: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200), default="")
    kind: Mapped[str] = mapped_column(String(16), default="chemical")
    method: Mapped[str] = mapped_column(String(300), default="")
    standard_ref: Mapped[str] = mapped_column(String(200), default="")  # e.g. AOAC 925.10, มอก. 2
    unit: Mapped[str] = mapped_column(String(30), default="")
    result_type: Mapped[str] = mapped_column(String(10), default="numeric")
    choices: Mapped[list[Any]] = mapped_column(default=list)
    decimals: Mapped[int] = mapped_column(default=2)
    lod: Mapped[float | None] = mapped_column(default=None)  # lower detection limit
    upper_limit: Mapped[float | None] = mapped_column(default=None)  # upper detection limit
    uncertainty: Mapped[float | None] = mapped_column(default=None)
    uncertainty_is_percent: Mapped[bool] = mapped_column(default=False)
    accredited: Mapped[bool] = mapped_column(default=False)
    fee: Mapped[Decimal] = mapped_column(default=Decimal("0"))
    turnaround_days: Mapped[int] = mapped_column(default=7)
    formula: Mapped[str] = mapped_column(String(400), default="")  # calculated tests; evaluated safely
    interim_fields: Mapped[list[Any]] = mapped_column(
        default=list
    )  # [{"key": "wet", "name_th": ..., "unit": "g"}]


class LabSpecification(SiteOwned, Base):
    """Min/max (either open) and an optional warning band for a test on a product type."""

    __tablename__ = "lab_specifications"
    # per site (migration 0014): labs define specifications for the shipped tests on their own
    __table_args__ = (UniqueConstraint("site_id", "product_type", "test_id"),)
    product_type: Mapped[str] = mapped_column(String(40), index=True)
    test_id: Mapped[str] = mapped_column(String(36), ForeignKey("lab_tests.id"), index=True)
    min_value: Mapped[float | None] = mapped_column(default=None)
    max_value: Mapped[float | None] = mapped_column(default=None)
    warn_low: Mapped[float | None] = mapped_column(default=None)
    warn_high: Mapped[float | None] = mapped_column(default=None)
    standard: Mapped[str] = mapped_column(String(200), default="")


class LabRequest(SiteOwned, Base):
    """คำขอรับบริการ: what a customer asks the lab to test."""

    __tablename__ = "lab_requests"
    request_no: Mapped[str] = mapped_column(String(30), unique=True)
    customer_enterprise_id: Mapped[str | None] = mapped_column(
        String(36), ForeignKey("enterprises.id"), default=None, index=True
    )
    customer_name: Mapped[str] = mapped_column(String(300), default="")
    contact_name: Mapped[str] = mapped_column(String(200), default="")
    contact_phone: Mapped[str] = mapped_column(String(12), default="")
    purpose: Mapped[str] = mapped_column(String(300), default="")
    requested_on: Mapped[date]
    test_ids: Mapped[list[Any]] = mapped_column(default=list)
    fee_total: Mapped[Decimal] = mapped_column(default=Decimal("0"))
    state: Mapped[str] = mapped_column(String(12), default="submitted")


class LabSample(SiteOwned, Base):
    """ตัวอย่าง: one item received; the lab number is unique across sites even offline."""

    __tablename__ = "lab_samples"
    lab_no: Mapped[str] = mapped_column(String(30), unique=True)
    request_id: Mapped[str] = mapped_column(String(36), ForeignKey("lab_requests.id"), index=True)
    description: Mapped[str] = mapped_column(String(400))
    product_type: Mapped[str] = mapped_column(String(40), default="")
    quantity: Mapped[str] = mapped_column(String(60), default="")
    condition: Mapped[str] = mapped_column(String(200), default="")
    storage: Mapped[str] = mapped_column(String(100), default="")
    sampling_date: Mapped[date | None] = mapped_column(default=None)
    sampling_plan: Mapped[str] = mapped_column(String(200), default="")
    received_at: Mapped[datetime | None] = mapped_column(default=None)
    received_by: Mapped[str | None] = mapped_column(String(36), ForeignKey("users.id"), default=None)
    due_on: Mapped[date | None] = mapped_column(default=None)
    state: Mapped[str] = mapped_column(String(12), default="registered", index=True)


class LabAnalysis(SiteOwned, Base):
    """One test on one sample: registered → to_be_verified → verified → published (+ retracted, rejected).

    The value is stored as typed (`value_text`) and as a number; rounding happens only at display/print.
    """

    __tablename__ = "lab_analyses"
    sample_id: Mapped[str] = mapped_column(String(36), ForeignKey("lab_samples.id"), index=True)
    test_id: Mapped[str] = mapped_column(String(36), ForeignKey("lab_tests.id"), index=True)
    state: Mapped[str] = mapped_column(String(16), default="registered", index=True)
    value_text: Mapped[str] = mapped_column(String(100), default="")
    value: Mapped[float | None] = mapped_column(default=None)
    limit_flag: Mapped[str] = mapped_column(String(2), default="")  # "<" below LOD, ">" above upper, "ND"
    interim: Mapped[dict[str, Any]] = mapped_column(default=dict)
    tested_on: Mapped[date | None] = mapped_column(default=None)
    deviation: Mapped[str] = mapped_column(String(300), default="")
    external_provider: Mapped[str] = mapped_column(String(200), default="")  # set when subcontracted
    submitted_by: Mapped[str | None] = mapped_column(String(36), ForeignKey("users.id"), default=None)
    submitted_at: Mapped[datetime | None] = mapped_column(default=None)
    verified_by: Mapped[str | None] = mapped_column(String(36), ForeignKey("users.id"), default=None)
    verified_at: Mapped[datetime | None] = mapped_column(default=None)
    retest_of_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("lab_analyses.id"), default=None)
    remarks: Mapped[str] = mapped_column(String(300), default="")
    # issue 15 (migration 0012): the instrument it was measured on, the worksheet it was done in, and,
    # when the instrument was past its calibration due date, the lab head's override (who, why)
    instrument_id: Mapped[str | None] = mapped_column(
        String(36), ForeignKey("lab_instruments.id"), default=None
    )
    worksheet_id: Mapped[str | None] = mapped_column(
        String(36), ForeignKey("lab_worksheets.id"), default=None, index=True
    )
    override_reason: Mapped[str] = mapped_column(String(300), default="")
    override_by: Mapped[str | None] = mapped_column(String(36), ForeignKey("users.id"), default=None)


class LabReport(SiteOwned, Base):
    """ใบรายงานผลการทดสอบ. Immutable once published; an amendment is a new number naming the old one."""

    __tablename__ = "lab_reports"
    report_no: Mapped[str] = mapped_column(String(30), unique=True)
    sample_id: Mapped[str] = mapped_column(String(36), ForeignKey("lab_samples.id"), index=True)
    state: Mapped[str] = mapped_column(String(10), default="published")
    issued_on: Mapped[date | None] = mapped_column(default=None)
    authorised_by: Mapped[str | None] = mapped_column(String(36), ForeignKey("users.id"), default=None)
    replaces_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("lab_reports.id"), default=None)
    amendment_reason: Mapped[str] = mapped_column(Text, default="")
    decision_rule: Mapped[str] = mapped_column(String(300), default="")
    content: Mapped[dict[str, Any]] = mapped_column(default=dict)  # the report as published


class LabSettings(SiteOwned, Base):
    """Per-lab settings; self-verification is off unless a lab turns it on."""

    __tablename__ = "lab_settings"
    lab_name_th: Mapped[str] = mapped_column(String(300), default="")
    address: Mapped[str] = mapped_column(String(400), default="")
    allow_self_verification: Mapped[bool] = mapped_column(default=False)
