"""Per-table digests over synced content (SYNC.md #12): what a device and the server compare to prove
they hold the same data. A device's scope is the reference tables plus its own site's records and the
rows of other sites it is entitled to that came through sync (`_scope`; tombstones included); every
synced field takes part except `updated_at`, which each replica keeps for itself."""

from __future__ import annotations

import hashlib
from typing import Any

from sqlalchemy import ColumnElement, Connection, and_, exists, or_, select

from dipdesk.store.sync import CLOCKS
from dipdesk.sync.protocol import TableInfo, canonical, encode, shared_rows, synced_tables


def _scope(info: TableInfo, site_id: str) -> ColumnElement[bool]:
    """This site's rows, and the rows other sites own that it is entitled to (`protocol.shared_rows`)
    which came through sync: every such row carries field clocks, on the server and on a device alike,
    while a row a bulk load wrote here for another site (the demo's targets "from headquarters") never
    travelled and is not synced content."""
    t = info.table
    own = t.c.site_id == site_id
    shared = shared_rows(info, site_id)
    if shared is None:
        return own
    c = CLOCKS.c
    synced = exists().where(c.table_name == info.name, c.record_id == t.c.id)
    return or_(own, and_(t.c.site_id != site_id, shared, synced))


def table_digests(
    conn: Connection, site_id: str, tables: list[str] | None = None
) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for name, info in synced_tables().items():
        if tables is not None and name not in tables:
            continue
        t = info.table
        q = select(*[t.c[f] for f in info.fields])
        if info.site_owned:
            q = q.where(_scope(info, site_id))
        lines: list[tuple[str, str]] = []
        cols = [info.columns[f] for f in info.fields]
        result = conn.execute(q.execution_options(stream_results=True, yield_per=5000))
        for row in result:
            values = {col.name: encode(col, v) for col, v in zip(cols, row, strict=True)}
            lines.append((str(values["id"]), canonical(values)))
        lines.sort()
        h = hashlib.sha256()
        for rid, text in lines:
            h.update(rid.encode())
            h.update(b"\x1f")
            h.update(text.encode())
            h.update(b"\x1e")
        out[name] = {"count": len(lines), "sha256": h.hexdigest()}
    return out
