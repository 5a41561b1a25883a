"""Follow-ups (การติดตามผล) of an enterprise after an activity, and the evidence (หลักฐาน) behind outcomes.

A follow-up is due some months after an activity ends (3, 6 and 12 by default): staff call or visit and
record the enterprise's outcome for the period; the worklist shows who is due. Evidence is a receipt, a
statement or a photo attached to an outcome: the row holds the file's content address (SHA-256) and the
file itself travels as a sync file (`dipdesk.sync.files`), like product photos.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from dipdesk.store.base import Base, SiteOwned, list_indexes

FOLLOWUP_STATES = ("due", "done", "skipped")
EVIDENCE_KINDS = ("receipt", "statement", "photo", "other")


class FollowUp(SiteOwned, Base):
    """One scheduled follow-up of an enterprise, `months` after an activity."""

    __tablename__ = "followups"
    __table_args__ = list_indexes("followups", "due_on", "status")
    enterprise_id: Mapped[str] = mapped_column(String(36), ForeignKey("enterprises.id"), index=True)
    activity_id: Mapped[str | None] = mapped_column(
        String(36), ForeignKey("activities.id"), default=None, index=True
    )
    months: Mapped[int] = mapped_column(default=3)
    due_on: Mapped[date]
    status: Mapped[str] = mapped_column(String(10), default="due")
    done_on: Mapped[date | None] = mapped_column(default=None)
    outcome_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("outcomes.id"), default=None)
    note: Mapped[str] = mapped_column(String(400), default="")


class OutcomeEvidence(SiteOwned, Base):
    """A file (receipt, statement, photo, PDF) that backs an outcome's figures."""

    __tablename__ = "outcome_evidence"
    outcome_id: Mapped[str] = mapped_column(String(36), ForeignKey("outcomes.id"), index=True)
    file_hash: Mapped[str] = mapped_column(String(64))  # content address of the file (sync file)
    file_name: Mapped[str] = mapped_column(String(200), default="")
    media_type: Mapped[str] = mapped_column(String(80), default="")
    size: Mapped[int] = mapped_column(default=0)
    kind: Mapped[str] = mapped_column(String(12), default="other")
    note: Mapped[str] = mapped_column(String(400), default="")
