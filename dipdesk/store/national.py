"""National figures received from the server (SYNC.md guarantee 13): one row per fiscal year, kept as the
server sent it, so the whole-department dashboard works offline as of the last sync. Never synced back;
counts, values and targets only (no personal data)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, String
from sqlalchemy.orm import Mapped, mapped_column

from dipdesk.store.base import Base, utcnow


class NationalFigures(Base):
    """The server's national figures of one fiscal year (`dipdesk.sync.server.national.compute`)."""

    __tablename__ = "national_figures"
    fiscal_year: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    computed_at: Mapped[str] = mapped_column(String(40))  # the server's clock, ISO 8601 UTC
    received_at: Mapped[datetime] = mapped_column(default=utcnow)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
