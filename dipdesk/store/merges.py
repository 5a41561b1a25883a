"""Merges (การรวมระเบียนซ้ำ): one person or enterprise kept twice, made one (SYNC.md guarantee 13).

A row says that the record `merged_id` of table `kind` ("people" or "enterprises") is now `kept_id`: every
reference followed the kept record, the merged-away record stays as a tombstone, and its id stays
resolvable through this row (the alias). The row names ids only, never personal data, so every device
receives every merge (`dipdesk.sync.protocol.shared_rows`). It is a synced record like any other, owned
by the site whose record went away; its id is derived from (kind, merged_id), so the same merge made
twice (a replay, two devices) is one row. Who decided and why is on the row (the audit of the merge).
"""

from __future__ import annotations

import uuid

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from dipdesk.store.base import Base, SiteOwned

MERGE_NAMESPACE = uuid.UUID("0b6f1c52-7d0e-4f3b-9a61-2c4e8d9f1a37")
MERGE_KINDS = ("people", "enterprises")
# why: the same national ID / juristic registration ID met on the server, or a person chose the pair
MERGE_REASONS = ("national_id", "registration_id", "review")


def merge_id(kind: str, merged_id: str) -> str:
    return str(uuid.uuid5(MERGE_NAMESPACE, f"{kind}:{merged_id}"))


class RecordMerge(SiteOwned, Base):
    """`merged_id` (of table `kind`) was merged into `kept_id`; the merged id is an alias of the kept."""

    __tablename__ = "merges"
    kind: Mapped[str] = mapped_column(String(20))
    kept_id: Mapped[str] = mapped_column(String(36), index=True)
    merged_id: Mapped[str] = mapped_column(String(36), index=True)
    reason: Mapped[str] = mapped_column(String(20), default="review")
    decided_by: Mapped[str | None] = mapped_column(String(36), default=None)  # user id; None: the server
