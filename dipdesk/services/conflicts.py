"""Deciding a sync conflict: "confirm" keeps the winner, "swap" writes the other value through the record
services (so it is validated, audited and syncs like any edit; for edit-vs-delete it restores the record).

The sync layer (``dipdesk.sync.client``) finds the conflict, decodes the losing value and records the
decision; the write itself belongs here, above it, so that ``dipdesk.sync`` imports nothing of the
services (ARCHITECTURE.md: sync -> store/core).
"""

from __future__ import annotations

from sqlalchemy import Engine

from dipdesk.services import records
from dipdesk.services.auth import find_user
from dipdesk.services.context import system_context
from dipdesk.services.errors import NotFound, ServiceError
from dipdesk.store.db import transaction
from dipdesk.sync import client


def resolve_conflict(engine: Engine, conflict_id: str, action: str, *, username: str | None = None) -> None:
    """A person decides: "confirm" keeps the winner; "swap" writes the other value through the services
    (so it syncs like any edit; for edit-vs-delete it restores the record). The decision syncs too."""
    if action not in ("confirm", "swap"):
        raise ServiceError("เลือกได้ confirm หรือ swap", "action must be confirm or swap")
    with transaction(engine) as session:
        ctx = system_context(session)
        if username:
            user = find_user(session, username, site_id=ctx.site.id, active_only=True)
            if user is None:
                raise NotFound(f"ไม่พบผู้ใช้ {username}", f"no user {username}")
            ctx.user = user
            ctx.require("sync")
        conn = session.connection()
        cf = client.open_conflict(conn, conflict_id)
        if cf is None:
            raise NotFound(f"ไม่พบความขัดแย้ง {conflict_id}", f"no (single) conflict {conflict_id}")
        if cf["state"] != "open":
            raise ServiceError("ความขัดแย้งนี้ได้รับการตัดสินแล้ว", "this conflict has already been resolved")
        if action == "swap":
            model = client.conflict_model(cf["table_name"])
            obj = session.get(model, cf["record_id"])
            if obj is None:
                raise NotFound("ไม่พบข้อมูลที่ขัดแย้ง", f"the record {cf['record_id']} is not here")
            if cf["kind"] == "delete":
                records.restore(ctx, obj, reason="conflict review: keep the edit")
            else:
                value = client.conflict_other_value(cf)
                if getattr(obj, "deleted", False):
                    raise ServiceError("ข้อมูลนี้ถูกลบแล้ว", "the record has been deleted")
                records.update(ctx, obj, **{cf["field"]: value})
        state = "swapped" if action == "swap" else "confirmed"
        client.record_conflict_decision(conn, cf["id"], state, ctx.user_id)
