"""Conflict review on this device: listing the conflicts the server found, naming their records for a
person, and recording a decision (confirmed or swapped) so it syncs to the other sites."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, insert, select, update

from dipdesk.store.auth import User
from dipdesk.store.base import utcnow
from dipdesk.store.sync import CONFLICTS, OUTBOX
from dipdesk.sync import outbox, protocol
from dipdesk.sync.protocol import (
    CONFLICTS_TABLE,
)


@dataclass
class ConflictView:
    id: str
    kind: str
    table: str
    record_id: str
    field: str
    kept_value: Any
    other_value: Any
    kept_device: str
    other_device: str
    other_user: str | None
    other_username: str | None
    other_time: datetime | None
    detected_at: datetime
    state: str
    kept_user: str | None = None
    kept_username: str | None = None
    kept_time: datetime | None = None
    other_name: str | None = None  # the user's full name (else username) for screens
    kept_name: str | None = None
    record_label: str = ""  # how a person recognises the record (a name, a code), "" if unknown


def _stamp_time(stamp: str) -> datetime | None:
    from dipdesk.sync.hlc import Stamp

    try:
        ms = Stamp.parse(stamp).physical
    except ValueError:
        return None
    return datetime.fromtimestamp(ms / 1000)


def list_conflicts(engine: Engine, *, state: str | None = "open") -> list[ConflictView]:
    t = CONFLICTS
    other_u, kept_u = User.__table__.alias("other_u"), User.__table__.alias("kept_u")
    q = (
        select(
            t,
            other_u.c.username.label("username"),
            kept_u.c.username.label("kept_username"),
            other_u.c.full_name.label("other_name"),
            kept_u.c.full_name.label("kept_name"),
        )
        .outerjoin(other_u, other_u.c.id == t.c.other_user)
        .outerjoin(kept_u, kept_u.c.id == t.c.kept_user)
        .order_by(t.c.detected_at, t.c.id)
    )
    if state:
        q = q.where(t.c.state == state)
    out: list[ConflictView] = []
    with engine.connect() as conn:
        for r in conn.execute(q).mappings():
            out.append(
                ConflictView(
                    id=r["id"],
                    kind=r["kind"],
                    table=r["table_name"],
                    record_id=r["record_id"],
                    field=r["field"],
                    kept_value=_json(r["kept_value"]),
                    other_value=_json(r["other_value"]),
                    kept_device=r["kept_device"],
                    other_device=r["other_device"],
                    other_user=r["other_user"],
                    other_username=r["username"],
                    other_time=_stamp_time(r["other_hlc"]),
                    detected_at=r["detected_at"],
                    state=r["state"],
                    kept_user=r["kept_user"],
                    kept_username=r["kept_username"],
                    kept_time=_stamp_time(r["kept_hlc"]),
                    other_name=r["other_name"] or r["username"],
                    kept_name=r["kept_name"] or r["kept_username"],
                    record_label=record_label(conn, r["table_name"], r["record_id"]),
                )
            )
    return out


# Columns that name a record for a person, in order of preference (the first present and non-empty wins).
_LABEL_COLUMNS = (
    ("prefix", "first_name_th", "last_name_th"),
    ("name_th",),
    ("title_th",),
    ("serial",),
    ("lab_no",),
    ("request_no",),
    ("code",),
    ("username",),
)


def record_label(conn: Connection, table: str, record_id: str) -> str:
    """A short human name of a synced record ("นางสมศรี ใจดี", an enterprise's name, a serial…), or "".
    Reads the row as stored (deleted rows too: a tombstone still has its name)."""
    info = protocol.synced_tables().get(table)
    if info is None:
        return ""
    for names in _LABEL_COLUMNS:
        if names[-1] not in info.columns:
            continue
        cols = [info.table.c[n] for n in names if n in info.columns]
        row = conn.execute(select(*cols).where(info.table.c.id == record_id)).first()
        if row is None:
            return ""
        parts = [str(v).strip() for v in row if v is not None and str(v).strip()]
        if not parts:
            continue
        if names[0] == "prefix" and len(parts) > 1 and row[0]:
            return f"{parts[0]}{' '.join(parts[1:])}"  # Thai writes the title against the name
        return " ".join(parts)
    return ""


def _json(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return text


def open_conflict(conn: Connection, conflict_id: str) -> dict[str, Any] | None:
    """The one conflict whose id starts with ``conflict_id`` (a prefix as shown), or None if none or several."""
    t = CONFLICTS
    rows = conn.execute(select(t).where(t.c.id.startswith(conflict_id, autoescape=True))).mappings().all()
    if len(rows) != 1 or not conflict_id.strip():
        return None
    return dict(rows[0])


def conflict_other_value(cf: dict[str, Any]) -> Any:
    """The losing value of an edit conflict, decoded to the column's Python type (what a swap writes)."""
    info = protocol.synced_tables()[cf["table_name"]]
    return protocol.decode(info.columns[cf["field"]], _json(cf["other_value"]))


def conflict_model(table: str) -> Any:
    """The mapped class of a synced table (for a swap to load the record)."""
    return _model(table)


def record_conflict_decision(conn: Connection, conflict_id: str, state: str, user_id: str | None) -> None:
    """Mark a conflict ``confirmed`` or ``swapped`` and queue the decision so it syncs to the other sites.
    The swap itself is written by the caller through the services (``dipdesk.services.conflicts``)."""
    t = CONFLICTS
    conn.execute(
        update(t).where(t.c.id == conflict_id).values(state=state, resolved_by=user_id, resolved_at=utcnow())
    )
    clock = outbox.load_clock(conn)
    stamp = clock.tick()
    outbox.save_clock(conn, clock)
    conn.execute(
        insert(OUTBOX).values(
            table_name=CONFLICTS_TABLE,
            record_id=conflict_id,
            op="r",
            fields={"state": state, "resolved_by": user_id},
            base={},
            hlc=stamp,
            user_id=user_id,
            state="pending",
            reject_reason="",
            created_at=utcnow(),
        )
    )


def _model(table: str) -> Any:
    from dipdesk.store.models import Base

    for m in Base.registry.mappers:
        if m.class_.__tablename__ == table:
            return m.class_
    raise KeyError(table)
