"""`dipdesk edit KIND ID FIELD=VALUE…`: the support staff's way to change a record, through the same
validated, audited service as the GUI. Field names are those `dipdesk list KIND --format json` shows."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import Engine, Numeric, inspect, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from dipdesk.services import records
from dipdesk.services.auth import find_user
from dipdesk.services.context import Context, system_context
from dipdesk.services.errors import NotFound, ServiceError, ValidationError
from dipdesk.services.listing import KINDS
from dipdesk.store.db import transaction
from dipdesk.store.merges import MERGE_KINDS
from dipdesk.sync.identity import resolve

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
            user = find_user(session, username, site_id=ctx.site.id)
            if user is None:
                raise NotFound(f"ไม่พบผู้ใช้ {username}", f"no user {username}")
            ctx.user = user
            ctx.require("records.write")
        obj = session.get(model, ident)
        if obj is None and hasattr(model, "code"):
            obj = session.scalars(select(model).where(model.code == ident)).first()
        if (obj is None or obj.deleted) and model.__tablename__ in MERGE_KINDS:
            kept = resolve(session.connection(), model.__tablename__, ident)  # a merged-away id: its alias
            obj = session.get(model, kept) if kept != ident else obj
        if obj is None or obj.deleted:
            raise NotFound(f"ไม่พบ {kind} {ident}", f"no {kind} record {ident}")
        _check_fields(session, model, fields)
        try:
            return records.update(ctx, obj, **fields)
        except IntegrityError as exc:  # a constraint the checks above do not foresee
            raise ServiceError(
                f"บันทึกไม่ได้: ขัดกับข้อมูลอื่นในฐานข้อมูล ({exc.orig})",
                f"not saved: conflicts with other data in the database ({exc.orig})",
            ) from exc


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _check_fields(session: Session, model: Any, fields: dict[str, Any]) -> None:
    """Refuse, naming the field, what `records.update` would store badly or fail on with a database error:
    read-only fields, control characters, numbers that are not finite or do not fit their column, and
    references to records that do not exist or are deleted."""
    columns = inspect(model).columns
    for name, value in fields.items():
        if name in records.PROTECTED:
            raise ValidationError(
                name, f"{name}: เป็นช่องที่แก้ไขไม่ได้ (อ่านอย่างเดียว)", f"{name}: is read-only, it cannot be edited"
            )
        col = columns.get(name)
        if col is None or not isinstance(value, str) or not value.strip():
            continue  # unknown fields and empty values: records.update says what is wrong
        if _CONTROL.search(value):
            raise ValidationError(
                name, f"{name}: มีอักขระควบคุมที่พิมพ์ไม่ได้", f"{name}: contains control characters"
            )
        if isinstance(col.type, Numeric):
            try:
                number = Decimal(value.replace(",", "").strip())
            except InvalidOperation:
                continue  # records.update: "must be a number"
            precision, scale = col.type.precision, col.type.scale or 0
            if not number.is_finite() or (precision and abs(number) >= Decimal(10) ** (precision - scale)):
                raise ValidationError(
                    name,
                    f"{name}: ต้องเป็นตัวเลขที่มีค่าจำกัดและไม่ใหญ่เกินไป",
                    f"{name}: must be a finite number that fits",
                )
        for fk in col.foreign_keys:
            target = fk.column.table
            query = select(target.c[fk.column.name]).where(target.c[fk.column.name] == value.strip())
            if "deleted" in target.c:
                query = query.where(target.c.deleted.is_(False))
            if session.execute(query.limit(1)).first() is None:
                raise ValidationError(
                    name,
                    f"{name}: ไม่พบ {target.name} รหัส {value.strip()} (หรือถูกลบแล้ว)",
                    f"{name}: no {target.name} record {value.strip()} (or it is deleted)",
                )
