"""Enrollment (การลงทะเบียน) of a person in an activity, and attendance per session."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from dipdesk.store.base import Base, SiteOwned

ENROLLMENT_STATES = ("applied", "enrolled", "completed", "dropped")


class Enrollment(SiteOwned, Base):
    """A person (and their enterprise) in an activity: applied → enrolled → completed / dropped."""

    __tablename__ = "enrollments"
    __table_args__ = (
        UniqueConstraint("activity_id", "person_id"),
        # counting an activity's live enrollments reads the index alone (migration 0006)
        Index("ix_enrollments_activity_id_deleted", "activity_id", "deleted"),
    )
    activity_id: Mapped[str] = mapped_column(String(36), ForeignKey("activities.id"), index=True)
    person_id: Mapped[str] = mapped_column(String(36), ForeignKey("people.id"), index=True)
    enterprise_id: Mapped[str | None] = mapped_column(
        String(36), ForeignKey("enterprises.id"), default=None, index=True
    )
    group_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("groups.id"), default=None)
    status: Mapped[str] = mapped_column(String(12), default="enrolled")
    applied_on: Mapped[date | None] = mapped_column(default=None)
    note: Mapped[str] = mapped_column(String(400), default="")


class Attendance(SiteOwned, Base):
    """Whether an enrolled person attended one session, and for how many hours."""

    __tablename__ = "attendance"
    __table_args__ = (UniqueConstraint("enrollment_id", "session_id"),)
    enrollment_id: Mapped[str] = mapped_column(String(36), ForeignKey("enrollments.id"), index=True)
    session_id: Mapped[str] = mapped_column(String(36), ForeignKey("activity_sessions.id"), index=True)
    present: Mapped[bool] = mapped_column(default=True)
    hours: Mapped[Decimal] = mapped_column(default=Decimal("0"))
