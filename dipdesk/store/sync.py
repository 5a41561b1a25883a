"""Tables of the sync machinery (SYNC.md). None of them is synced itself.

Device side: the outbox (one row per captured local change, `seq` = the device sequence), the hybrid
logical clock of the value each replica holds per field (`sync_field_clocks`; the pseudo-field `"*"` is
the clock of every field that has no row of its own, so a record costs one clock row until its fields are
edited one by one), conflicts (detected by the server, travelling to every device of the site), changes
that could not be applied yet (`sync_parked`: an update that arrived before its create), and the history
of sync rounds.

Server side (same database schema, so one migration serves both): enrolled devices with hashed secrets
and their site, one-time enrolment codes, the change log that devices pull by `server_seq`, what the
server refused per device seq (so a replayed batch gets the same answer), and content-addressed files.
The server keeps its field clocks, conflicts and parked changes in the same tables as a device.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

from sqlalchemy import JSON, BigInteger, ForeignKey, Index, Integer, LargeBinary, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column

from dipdesk.store.base import Base, utcnow

OUTBOX_STATES = ("pending", "acked", "rejected")
CONFLICT_STATES = ("open", "confirmed", "swapped")
CONFLICT_KINDS = ("field", "delete")


class SyncOutbox(Base):
    """One local change waiting for (or done with) upload; written in the transaction of the edit."""

    __tablename__ = "sync_outbox"
    # AUTOINCREMENT: a seq is never reused, even after old acknowledged rows are pruned.
    __table_args__ = (Index("ix_sync_outbox_state_seq", "state", "seq"), {"sqlite_autoincrement": True})
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    table_name: Mapped[str] = mapped_column(String(60))
    record_id: Mapped[str] = mapped_column(String(36))
    op: Mapped[str] = mapped_column(String(1))  # c create | u update | d delete | s snapshot | r resolution
    fields: Mapped[dict[str, Any]] = mapped_column(JSON)  # {field: wire value} (real values, not masked)
    base: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # {field: clock held before the edit}
    hlc: Mapped[str] = mapped_column(String(80))
    user_id: Mapped[str | None] = mapped_column(String(36), default=None)
    state: Mapped[str] = mapped_column(String(10), default="pending")
    reject_reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class SyncFieldClock(Base):
    """The HLC (and the device that wrote it) of the value this replica holds for one field."""

    __tablename__ = "sync_field_clocks"
    table_name: Mapped[str] = mapped_column(String(60), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    field: Mapped[str] = mapped_column(String(60), primary_key=True)
    hlc: Mapped[str] = mapped_column(String(80))
    device_id: Mapped[str] = mapped_column(String(36))


class SyncConflict(Base):
    """Two concurrent writes met: the value kept (the deterministic winner) and the other one, with who
    made it and when. Edit-vs-delete is kind "delete" (field "deleted"). Detected by the server and
    pulled by every device of the site; a person confirms or swaps."""

    __tablename__ = "sync_conflicts"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    site_id: Mapped[str | None] = mapped_column(String(36), default=None, index=True)
    kind: Mapped[str] = mapped_column(String(10), default="field")
    table_name: Mapped[str] = mapped_column(String(60))
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    field: Mapped[str] = mapped_column(String(60))
    kept_value: Mapped[str] = mapped_column(Text, default="")  # JSON text of the wire value
    other_value: Mapped[str] = mapped_column(Text, default="")
    kept_hlc: Mapped[str] = mapped_column(String(80), default="")
    other_hlc: Mapped[str] = mapped_column(String(80), default="")
    kept_device: Mapped[str] = mapped_column(String(36), default="")
    other_device: Mapped[str] = mapped_column(String(36), default="")
    kept_user: Mapped[str | None] = mapped_column(String(36), default=None)
    other_user: Mapped[str | None] = mapped_column(String(36), default=None)
    detected_at: Mapped[datetime] = mapped_column(default=utcnow)
    state: Mapped[str] = mapped_column(String(10), default="open", index=True)
    resolved_by: Mapped[str | None] = mapped_column(String(36), default=None)
    resolved_at: Mapped[datetime | None] = mapped_column(default=None)


class SyncParked(Base):
    """A change that could not be applied yet (its record does not exist here yet, or it broke a
    constraint); merged when the record arrives, retried every round. Never dropped silently."""

    __tablename__ = "sync_parked"
    __table_args__ = (Index("ix_sync_parked_table_name_record_id", "table_name", "record_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    table_name: Mapped[str] = mapped_column(String(60))
    record_id: Mapped[str] = mapped_column(String(36))
    op: Mapped[str] = mapped_column(String(1))
    fields: Mapped[dict[str, Any]] = mapped_column(JSON)
    base: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    hlc: Mapped[str] = mapped_column(String(80))
    device_id: Mapped[str] = mapped_column(String(36))
    user_id: Mapped[str | None] = mapped_column(String(36), default=None)
    site_id: Mapped[str | None] = mapped_column(String(36), default=None)
    reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class SyncHistory(Base):
    """One sync round as the device saw it (for the sync page and support)."""

    __tablename__ = "sync_history"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    started_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    finished_at: Mapped[datetime | None] = mapped_column(default=None)
    pushed: Mapped[int] = mapped_column(default=0)
    pulled: Mapped[int] = mapped_column(default=0)
    rejected: Mapped[int] = mapped_column(default=0)
    conflicts: Mapped[int] = mapped_column(default=0)
    bytes_up: Mapped[int] = mapped_column(BigInteger, default=0)
    bytes_down: Mapped[int] = mapped_column(BigInteger, default=0)
    round_trips: Mapped[int] = mapped_column(default=0)
    error: Mapped[str] = mapped_column(Text, default="")


# --- server ----------------------------------------------------------------------------------------------


class SrvDevice(Base):
    """An enrolled device: its site decides what it may read and write. Only a hash of its secret."""

    __tablename__ = "srv_devices"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    site_id: Mapped[str] = mapped_column(String(36), ForeignKey("sites.id"), index=True)
    secret_hash: Mapped[str] = mapped_column(String(64))
    label: Mapped[str] = mapped_column(String(200), default="")
    last_seq: Mapped[int] = mapped_column(BigInteger, default=0)  # highest device seq applied
    enrolled_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_seen_at: Mapped[datetime | None] = mapped_column(default=None)
    revoked: Mapped[bool] = mapped_column(default=False)


class SrvEnrolCode(Base):
    """A one-time enrolment code from headquarters (stored hashed), bound to a site."""

    __tablename__ = "srv_enrol_codes"
    code_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    site_id: Mapped[str] = mapped_column(String(36), ForeignKey("sites.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    used_at: Mapped[datetime | None] = mapped_column(default=None)
    device_id: Mapped[str | None] = mapped_column(String(36), default=None)


class SrvChange(Base):
    """The change log devices pull: what the server applied, in `server_seq` order (never a clock)."""

    __tablename__ = "srv_changes"
    __table_args__ = (
        Index("ix_srv_changes_site_id_server_seq", "site_id", "server_seq"),
        Index("ix_srv_changes_table_name_record_id", "table_name", "record_id"),
    )
    server_seq: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    table_name: Mapped[str] = mapped_column(String(60))
    record_id: Mapped[str] = mapped_column(String(36))
    site_id: Mapped[str | None] = mapped_column(String(36), default=None)  # None: reference data, for all
    fields: Mapped[dict[str, Any]] = mapped_column(JSON)
    hlc: Mapped[str] = mapped_column(String(80), default="")
    device_id: Mapped[str] = mapped_column(String(36), default="")
    user_id: Mapped[str | None] = mapped_column(String(36), default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class SrvRejection(Base):
    """A change the server refused, kept so that a replayed batch gets the same answer."""

    __tablename__ = "srv_rejections"
    device_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    reason: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class SrvFile(Base):
    """A content-addressed file (photo, signature image, lab attachment); uploaded in resumable chunks."""

    __tablename__ = "srv_files"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    total: Mapped[int] = mapped_column(BigInteger)
    received: Mapped[int] = mapped_column(BigInteger, default=0)
    complete: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    site_id: Mapped[str | None] = mapped_column(String(36), default=None)  # the uploader's site (0013)


class SrvFileChunk(Base):
    __tablename__ = "srv_file_chunks"
    sha256: Mapped[str] = mapped_column(String(64), ForeignKey("srv_files.sha256"), primary_key=True)
    offset: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)


def _t(model: type[Base]) -> Table:
    return cast(Table, model.__table__)


# Core handles on the tables (typed), for the batch work of the sync layer.
OUTBOX = _t(SyncOutbox)
CLOCKS = _t(SyncFieldClock)
CONFLICTS = _t(SyncConflict)
PARKED = _t(SyncParked)
HISTORY = _t(SyncHistory)
DEVICES = _t(SrvDevice)
ENROL_CODES = _t(SrvEnrolCode)
CHANGES = _t(SrvChange)
REJECTIONS = _t(SrvRejection)
FILES = _t(SrvFile)
FILE_CHUNKS = _t(SrvFileChunk)
