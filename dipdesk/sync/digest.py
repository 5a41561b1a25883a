"""Per-table digests over synced content (SYNC.md #12): what a device and the server compare to prove
they hold the same data. A device's scope is the reference tables plus its own site's records (tombstones
included); every synced field takes part except `updated_at`, which each replica keeps for itself."""

from __future__ import annotations

import hashlib
from typing import Any

from sqlalchemy import Connection, select

from dipdesk.sync.protocol import canonical, encode, synced_tables


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
            q = q.where(t.c.site_id == site_id)
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
