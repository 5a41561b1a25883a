"""The lab's instruments (เครื่องมือ) and their calibration and maintenance records (ISO/IEC 17025 6.4).

An instrument lists the tests it is used for; its next calibration due date is kept on the instrument
(copied from the newest calibration record) so that entering a result can refuse an overdue instrument
without reading its history. The records themselves are never changed or deleted: a correction is a new
record.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from dipdesk.store.base import Base, SiteOwned

EVENT_KINDS = ("calibration", "maintenance", "check")
EVENT_OUTCOMES = ("pass", "fail", "done")


class LabInstrument(SiteOwned, Base):
    """เครื่องมือ: an instrument of the lab, with the tests it is used for."""

    __tablename__ = "lab_instruments"
    __table_args__ = (UniqueConstraint("site_id", "code"),)
    code: Mapped[str] = mapped_column(String(30), index=True)
    name: Mapped[str] = mapped_column(String(200))
    make_model: Mapped[str] = mapped_column(String(120), default="")  # maker and model
    serial_no: Mapped[str] = mapped_column(String(80), default="")
    location: Mapped[str] = mapped_column(String(120), default="")
    test_ids: Mapped[list[Any]] = mapped_column(default=list)
    calibration_due_on: Mapped[date | None] = mapped_column(default=None)
    maintenance_due_on: Mapped[date | None] = mapped_column(default=None)
    active: Mapped[bool] = mapped_column(default=True)


class LabInstrumentEvent(SiteOwned, Base):
    """A calibration (สอบเทียบ), maintenance (บำรุงรักษา) or intermediate check of an instrument."""

    __tablename__ = "lab_instrument_events"
    instrument_id: Mapped[str] = mapped_column(String(36), ForeignKey("lab_instruments.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16), default="calibration")
    performed_on: Mapped[date]
    next_due_on: Mapped[date | None] = mapped_column(default=None)
    provider: Mapped[str] = mapped_column(String(200), default="")
    certificate_no: Mapped[str] = mapped_column(String(80), default="")
    outcome: Mapped[str] = mapped_column(String(8), default="pass")
    notes: Mapped[str] = mapped_column(String(400), default="")
