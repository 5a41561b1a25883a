"""Find someone trained elsewhere (SYNC.md guarantee 13): while online, enrolling a person first asks the
server for the one person with that national ID (exact match only, never a search by name across sites)
and brings that record in, so the center enrolls the department's existing person instead of making a
duplicate. The record is then shared with this site (`protocol.shared_rows`: the people it serves) and
stays owned by the site that registered it. Offline, nothing is asked; a later merge repairs duplicates.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine

from dipdesk.core.thaiid import validate_person_id


@dataclass(frozen=True)
class FoundPerson:
    id: str
    site_code: str  # the site that registered the person
    name: str


def lookup_person(engine: Engine, national_id: str, *, timeout: float = 15.0) -> FoundPerson | None:
    """The person with `national_id` as the server knows them, now also in this database; None when
    the department has nobody with that ID. Raises IdError for an ID that cannot be a person's and
    SyncError when the server cannot be asked (not enrolled, offline)."""
    from dipdesk.sync.client import SyncError, Transport, apply_pulled, device_state

    nid = validate_person_id(national_id)
    with engine.connect() as conn:
        state = device_state(conn)
    if state is None:
        raise SyncError("เครื่องนี้ยังไม่ได้ลงทะเบียนกับเซิร์ฟเวอร์ / this device is not enrolled with a server yet")
    with Transport(state.server_url, device_id=state.device_id, secret=state.secret, timeout=timeout) as tx:
        answer = tx.json("POST", "/api/v1/people/lookup", {"national_id": nid})
    if not answer.get("found"):
        return None
    changes: list[dict[str, Any]] = [c for c in answer.get("changes", []) if isinstance(c, dict)]
    if not changes or any(c.get("t") != "people" or c.get("id") != answer.get("id") for c in changes):
        raise SyncError("the server's answer to the national-ID look-up is incomplete")
    with engine.begin() as conn:
        apply_pulled(conn, changes)
    first = changes[0]["f"]
    name = " ".join(
        x
        for x in (f"{first.get('prefix') or ''}{first.get('first_name_th') or ''}", first.get("last_name_th"))
        if x
    )
    return FoundPerson(str(answer["id"]), str(answer.get("site", "")), name)
