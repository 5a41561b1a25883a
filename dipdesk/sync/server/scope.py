"""Which stored files a device may fetch: those a record its site holds refers to (a product's photo, a
certificate template's background or signature images), so no site reads another site's files by
guessing or learning a hash (issue 17)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, String, cast, exists, select

from dipdesk.sync.files import REFERENCING
from dipdesk.sync.protocol import in_scope, synced_tables


def file_visible(conn: Connection, sha256: str, site_id: str) -> bool:
    tables = synced_tables()
    checks: list[tuple[str, Any]] = []
    for model, column in REFERENCING:
        checks.append((str(model.__tablename__), getattr(model, column) == sha256))
    tpl = tables["certificate_templates"].table
    checks.append(("certificate_templates", cast(tpl.c.elements, String).contains(sha256, autoescape=True)))
    for table, cond in checks:
        scope = in_scope(tables[table], site_id)
        if scope is not None:
            cond = cond & scope
        if conn.execute(select(exists().where(cond))).scalar():
            return True
    return False
