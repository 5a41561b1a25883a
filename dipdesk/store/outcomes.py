"""Service records (การให้บริการ) delivered to enterprises, and their outcomes (ผลลัพธ์) per period."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from dipdesk.store.base import Base, SiteOwned, list_indexes


class ServiceRecord(SiteOwned, Base):
    """A consulting visit, design job, matching event… delivered to an enterprise."""

    __tablename__ = "service_records"
    __table_args__ = list_indexes("service_records", "day", "service_kind")
    enterprise_id: Mapped[str] = mapped_column(String(36), ForeignKey("enterprises.id"), index=True)
    program_id: Mapped[str | None] = mapped_column(
        String(36), ForeignKey("programs.id"), default=None, index=True
    )
    activity_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("activities.id"), default=None)
    person_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("people.id"), default=None)
    product_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("products.id"), default=None)
    service_kind: Mapped[str] = mapped_column(String(20))
    day: Mapped[date]
    hours: Mapped[Decimal] = mapped_column(default=Decimal("0"))
    staff_name: Mapped[str] = mapped_column(String(200), default="")
    description: Mapped[str] = mapped_column(Text, default="")


class Outcome(SiteOwned, Base):
    """Enterprise figures for a period; economic value is computed from them, never typed as a total."""

    __tablename__ = "outcomes"
    enterprise_id: Mapped[str] = mapped_column(String(36), ForeignKey("enterprises.id"), index=True)
    program_id: Mapped[str | None] = mapped_column(
        String(36), ForeignKey("programs.id"), default=None, index=True
    )
    fiscal_year: Mapped[int] = mapped_column(index=True)
    period_start: Mapped[date]
    period_end: Mapped[date]
    revenue_before: Mapped[Decimal] = mapped_column(default=Decimal("0"))
    revenue_after: Mapped[Decimal] = mapped_column(default=Decimal("0"))
    cost_saved: Mapped[Decimal] = mapped_column(default=Decimal("0"))
    investment: Mapped[Decimal] = mapped_column(default=Decimal("0"))
    jobs_created: Mapped[int] = mapped_column(default=0)
    new_products: Mapped[int] = mapped_column(default=0)
    note: Mapped[str] = mapped_column(String(400), default="")
