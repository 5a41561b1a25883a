"""Verification by digests: this replica's per-table digests against the server's."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, func, select

from dipdesk.store.sync import OUTBOX, PARKED
from dipdesk.sync.device import require_state as _require_state
from dipdesk.sync.digest import table_digests
from dipdesk.sync.transport import SyncError, Transport


@dataclass
class VerifyReport:
    tables: dict[str, dict[str, Any]]
    pending: int
    rejected: int
    parked: int

    @property
    def differing(self) -> list[str]:
        return [t for t, v in self.tables.items() if not v["equal"]]

    @property
    def identical(self) -> bool:
        return not self.differing and self.pending == 0


def verify(engine: Engine, *, server_url: str | None = None) -> VerifyReport:
    """Compare per-table digests with the server (raises SyncError when the server cannot be asked)."""
    state = _require_state(engine)
    with Transport(server_url or state.server_url, device_id=state.device_id, secret=state.secret) as tx:
        answer = tx.json("GET", "/api/v1/digest")
    theirs = answer.get("tables")
    if not isinstance(theirs, dict):
        raise SyncError("the server's digest answer is incomplete")
    with engine.connect() as conn:
        ours = table_digests(conn, state.site_id)
        o = OUTBOX.c
        pending = int(conn.execute(select(func.count()).where(o.state == "pending")).scalar() or 0)
        rejected = int(conn.execute(select(func.count()).where(o.state == "rejected")).scalar() or 0)
        parked = int(conn.execute(select(func.count()).select_from(PARKED)).scalar() or 0)
    tables: dict[str, dict[str, Any]] = {}
    for name in sorted(set(ours) | set(theirs)):
        mine, server = ours.get(name, {}), theirs.get(name, {})
        tables[name] = {
            "local_count": mine.get("count"),
            "server_count": server.get("count") if isinstance(server, dict) else None,
            "equal": isinstance(server, dict) and mine.get("sha256") == server.get("sha256"),
        }
    return VerifyReport(tables=tables, pending=pending, rejected=rejected, parked=parked)
