"""`dipdesk edit KIND ID FIELD=VALUE…`: the support staff's way to change a record, through the same
validated, audited service as the GUI. Field names are those `dipdesk list KIND --format json` shows."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, select

from dipdesk.services import records
from dipdesk.services.context import Context, system_context
from dipdesk.services.errors import NotFound, ServiceError
from dipdesk.services.listing import KINDS
from dipdesk.store.auth import User
from dipdesk.store.db import transaction

# Records with a workflow of their own (lab, certificates, users, audit) change only through it.
EDITABLE = (
    "programs", "activities", "sessions", "people", "enterprises", "products", "groups", "enrollments",
    "service-records", "outcomes", "mentoring", "mentoring-sessions", "targets",
)  # fmt: skip


def edit_record(
    engine: Engine, kind: str, ident: str, fields: dict[str, Any], *, username: str | None = None
) -> dict[str, list[Any]]:
    """Apply `fields` to the record of `kind` whose id (or code) is `ident`; returns what changed."""
    if kind not in EDITABLE:
        raise ServiceError(
            f"แก้ไขข้อมูลประเภท {kind} ด้วยคำสั่งนี้ไม่ได้ (ได้: {', '.join(EDITABLE)})",
            f"{kind} cannot be edited with this command (editable: {', '.join(EDITABLE)})",
        )
    model = KINDS[kind].model
    with transaction(engine) as session:
        ctx: Context = system_context(session)
        if username:
            user = session.scalars(
                select(User).where(User.username == username, User.deleted.is_(False))
            ).first()
            if user is None:
                raise NotFound(f"ไม่พบผู้ใช้ {username}", f"no user {username}")
            ctx.user = user
            ctx.require("records.write")
        obj = session.get(model, ident)
        if obj is None and hasattr(model, "code"):
            obj = session.scalars(select(model).where(model.code == ident)).first()
        if obj is None or obj.deleted:
            raise NotFound(f"ไม่พบ {kind} {ident}", f"no {kind} record {ident}")
        return records.update(ctx, obj, **fields)
