"""Users (offline login, argon2id hashes), roles, and the audit trail."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column

from dipdesk.store.base import Base, SiteOwned, utcnow

# Roles decide what a user may do. Permissions travel with the synced users table.
# `lab_head` (หัวหน้าห้องปฏิบัติการ): verifies and publishes like a verifier, and reads the audit trail.
ROLES = ("admin", "staff", "lab_technician", "lab_verifier", "lab_head", "viewer")


class User(SiteOwned, Base):
    """A person who logs in to dipdesk at a site."""

    __tablename__ = "users"
    # a login is per site: `admin` at IPC1 and `admin` at IPC2 are two users (migration 0005)
    __table_args__ = (UniqueConstraint("site_id", "username"),)
    username: Mapped[str] = mapped_column(String(60), index=True)
    full_name: Mapped[str] = mapped_column(String(200), default="")
    position: Mapped[str] = mapped_column(String(200), default="")  # ตำแหน่ง, printed under signatures
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20), default="staff")
    active: Mapped[bool] = mapped_column(default=True)
    # this device's last log-in: never synced (each laptop has its own; syncing it made conflicts)
    last_login_at: Mapped[datetime | None] = mapped_column(default=None)
    # set by a password reset: the user must choose a new password at the next log-in (migration 0010)
    must_change_password: Mapped[bool] = mapped_column(default=False, server_default=false())


class AuditEntry(SiteOwned, Base):
    """Who changed what, when: one row per change made through a service. Append-only."""

    __tablename__ = "audit_entries"
    # the audit page's newest-first lists "by user" and "by kind of record" read their first page straight
    # off these (migration 0010)
    __table_args__ = (
        Index("ix_audit_entries_user_id_at", "user_id", "at"),
        Index("ix_audit_entries_table_name_at", "table_name", "at"),
    )
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    user_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("users.id"), default=None)
    action: Mapped[str] = mapped_column(String(30))  # create | update | delete | login | transition…
    table_name: Mapped[str] = mapped_column(String(60), index=True)
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    changes: Mapped[dict[str, Any]] = mapped_column(default=dict)  # {field: [old, new]}
    reason: Mapped[str] = mapped_column(String(400), default="")


class LocalState(Base):
    """Key/value facts about this installation (its site, device id). Never synced."""

    __tablename__ = "local_state"
    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(String(400))
