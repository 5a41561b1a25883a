"""Certificate templates (data, synced from HQ) and issued certificates (วุฒิบัตร / เกียรติบัตร)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from dipdesk.store.base import Base, SiteOwned, utcnow

CERTIFICATE_KINDS = ("completion", "participation")  # วุฒิบัตร / เกียรติบัตร
CERTIFICATE_STATES = ("issued", "revoked")


class CertificateTemplate(SiteOwned, Base):
    """Page size, orientation, background, and positioned elements (a JSON list)."""

    __tablename__ = "certificate_templates"
    __table_args__ = (UniqueConstraint("site_id", "code"),)  # codes are per site (migration 0005)
    code: Mapped[str] = mapped_column(String(40), index=True)
    name_th: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16), default="completion")
    page_size: Mapped[str] = mapped_column(String(10), default="A4")
    orientation: Mapped[str] = mapped_column(String(10), default="landscape")
    background_hash: Mapped[str] = mapped_column(String(64), default="")  # content address of the image
    thai_digits: Mapped[bool] = mapped_column(default=False)
    elements: Mapped[list[Any]] = mapped_column(default=list)
    version: Mapped[int] = mapped_column(default=1)


class Certificate(SiteOwned, Base):
    """An issued certificate. `printed_data` keeps what was printed, so a reprint is an exact copy."""

    __tablename__ = "certificates"
    __table_args__ = (UniqueConstraint("activity_id", "person_id", "kind"),)
    serial: Mapped[str] = mapped_column(String(40), unique=True)  # SITE-FY-running number
    template_id: Mapped[str] = mapped_column(String(36), ForeignKey("certificate_templates.id"))
    kind: Mapped[str] = mapped_column(String(16), default="completion")
    activity_id: Mapped[str] = mapped_column(String(36), ForeignKey("activities.id"), index=True)
    person_id: Mapped[str] = mapped_column(String(36), ForeignKey("people.id"), index=True)
    enrollment_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("enrollments.id"), default=None)
    issued_on: Mapped[date]
    issued_by: Mapped[str | None] = mapped_column(String(36), ForeignKey("users.id"), default=None)
    printed_data: Mapped[dict[str, Any]] = mapped_column(default=dict)
    signature: Mapped[str] = mapped_column(String(200), default="")  # Ed25519 over the QR payload
    state: Mapped[str] = mapped_column(String(10), default="issued")
    override_reason: Mapped[str] = mapped_column(Text, default="")  # set when eligibility was overridden
    revoked_reason: Mapped[str] = mapped_column(Text, default="")
    revoked_at: Mapped[datetime | None] = mapped_column(default=None)


class CertificatePrint(SiteOwned, Base):
    """The reprint log: each time an issued certificate was printed."""

    __tablename__ = "certificate_prints"
    certificate_id: Mapped[str] = mapped_column(String(36), ForeignKey("certificates.id"), index=True)
    printed_at: Mapped[datetime] = mapped_column(default=utcnow)
    printed_by: Mapped[str | None] = mapped_column(String(36), ForeignKey("users.id"), default=None)


class SerialCounter(Base):
    """Running numbers per (site, series, fiscal year). Local only: the series carries this computer's
    device tag (``LAB-K7Q2``), and so do the numbers, so neither two sites nor two laptops of one site
    collide even offline (see ``dipdesk.services.numbering``)."""

    __tablename__ = "serial_counters"
    site_code: Mapped[str] = mapped_column(String(16), primary_key=True)
    series: Mapped[str] = mapped_column(
        String(16), primary_key=True
    )  # "CERT-K7Q2", "LAB-K7Q2", "REQ-…", "RPT-…"
    fiscal_year: Mapped[int] = mapped_column(primary_key=True)
    last: Mapped[int] = mapped_column(default=0)
