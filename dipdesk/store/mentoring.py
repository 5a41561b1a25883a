""" "Big Brother" (พี่ช่วยน้อง) mentoring: pairs by cohort and their sessions."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from dipdesk.store.base import Base, SiteOwned


class MentoringPair(SiteOwned, Base):
    """คู่พี่เลี้ยง: a mentor (a person, or an established company) and a mentee enterprise in a cohort."""

    __tablename__ = "mentoring_pairs"
    program_id: Mapped[str | None] = mapped_column(
        String(36), ForeignKey("programs.id"), default=None, index=True
    )
    cohort: Mapped[int] = mapped_column(index=True)
    mentor_person_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("people.id"), default=None)
    mentor_enterprise_id: Mapped[str | None] = mapped_column(
        String(36), ForeignKey("enterprises.id"), default=None, index=True
    )
    mentee_enterprise_id: Mapped[str] = mapped_column(String(36), ForeignKey("enterprises.id"), index=True)
    started_on: Mapped[date | None] = mapped_column(default=None)
    status: Mapped[str] = mapped_column(String(12), default="active")  # active | graduated | ended


class MentoringSession(SiteOwned, Base):
    """การให้คำปรึกษา: one mentoring meeting."""

    __tablename__ = "mentoring_sessions"
    pair_id: Mapped[str] = mapped_column(String(36), ForeignKey("mentoring_pairs.id"), index=True)
    day: Mapped[date]
    hours: Mapped[Decimal] = mapped_column(default=Decimal("0"))
    topic: Mapped[str] = mapped_column(String(300))
    notes: Mapped[str] = mapped_column(Text, default="")
    follow_up: Mapped[str] = mapped_column(Text, default="")
