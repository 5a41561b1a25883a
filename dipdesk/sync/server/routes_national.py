"""Endpoints of the national figures (`dipdesk.sync.server.national`) and of the national-ID look-up,
registered on the server app by `add_routes` (kept out of app.py, which is big enough).

No `from __future__ import annotations` here: FastAPI reads the endpoints' annotations at run time, and
they name the dependencies passed to `add_routes`."""

import datetime as dt
import logging
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Query, Request, Response
from pydantic import BaseModel, Field
from sqlalchemy import select

from dipdesk.core.thaidate import fiscal_year
from dipdesk.core.thaiid import IdError, validate_person_id
from dipdesk.store.people import Person
from dipdesk.store.reference import Site
from dipdesk.sync import hlc
from dipdesk.sync.merge import clocks_of, held
from dipdesk.sync.protocol import encode, synced_tables
from dipdesk.sync.server.db import ServerDB
from dipdesk.sync.server.national import Cache, years_with_data
from dipdesk.sync.server.national_incremental import Incremental
from dipdesk.sync.server.push import Device

MAX_YEARS = 6
log = logging.getLogger(__name__)


class LookupIn(BaseModel):
    schema_version: int | None = None
    national_id: str = Field(max_length=40)


def person_record(conn: Any, person_id: str) -> list[dict[str, Any]]:
    """The person's row as pull changes: one per distinct field clock (oldest first), so a device merges
    each field at the clock the server holds it at."""
    info = synced_tables()["people"]
    t = info.table
    row = conn.execute(select(t).where(t.c.id == person_id)).mappings().first()
    if row is None:
        return []
    clocks = clocks_of(conn, "people", [person_id]).get(person_id, {})
    values = {name: encode(info.columns[name], row[name]) for name in info.fields}
    groups: dict[tuple[str, str], dict[str, Any]] = {}
    for name in info.fields:
        clock = held(clocks, name)
        key = (clock.hlc, clock.device) if clock is not None else (hlc.zero(), hlc.ZERO_DEVICE)
        groups.setdefault(key, {})[name] = values[name]
    ordered = sorted(groups.items())
    # the first change is the whole row (a create) at the oldest clock; each later one re-states its own
    # fields at their newer clock, so every field ends at the clock the server holds
    out = [
        {"s": 0, "t": "people", "id": person_id, "f": values, "h": ordered[0][0][0], "d": ordered[0][0][1]}
    ]
    out += [{"s": 0, "t": "people", "id": person_id, "f": f, "h": h, "d": d} for (h, d), f in ordered[1:]]
    return out


def add_routes(
    app: FastAPI,
    db: ServerDB,
    auth: Callable[..., Device],
    header_version: Callable[..., int],
    respond: Callable[[Request, dict[str, Any]], Response],
) -> None:
    cache = Cache(db.read, compute_fn=Incremental().compute)  # counts again only the sites that moved
    app.state.national_cache = cache

    @app.get("/api/v1/national")
    def national(
        request: Request,
        device: Annotated[Device, Depends(auth)],
        client_version: Annotated[int, Depends(header_version)],
        fy: Annotated[list[int] | None, Query(ge=2500, le=2700, max_length=MAX_YEARS)] = None,
    ) -> Response:
        """The national figures of the asked fiscal years (default: this one and those with programs or
        targets). Counts, values and targets only: no personal data; the same for every device."""
        with db.quick.connect() as conn:
            years = sorted(set(fy or [*years_with_data(conn), fiscal_year(dt.date.today())]), reverse=True)
            figures = [f for f in (cache.get(conn, y) for y in years[:MAX_YEARS]) if f is not None]
        return respond(request, {"years": figures, "site": device.site_code})

    @app.post("/api/v1/people/lookup")
    def lookup(request: Request, body: LookupIn, device: Annotated[Device, Depends(auth)]) -> Response:
        """The one person with this national ID (exact match only; never a search by name across sites),
        so a center enrolling someone trained elsewhere brings that record in instead of making a
        duplicate. The ID travels in the body, not the address (PDPA: addresses end up in logs)."""
        header_version(request, str(body.schema_version) if body.schema_version else None)
        try:
            nid = validate_person_id(body.national_id)
        except IdError as exc:
            raise HTTPException(400, f"national_id: {exc.message_en}") from None
        with db.read.connect() as conn:
            found = conn.execute(
                select(Person.id, Site.code)
                .join(Site, Site.id == Person.site_id)
                .where(Person.national_id == nid, Person.deleted.is_(False))
                .order_by(Person.created_at, Person.id)
                .limit(1)
            ).first()
            if found is None:
                return respond(request, {"found": False})
            changes = person_record(conn, found.id)
        log.info(
            "national-ID look-up by device %s of %s: found a person of %s",
            device.id,
            device.site_code,
            found.code,
        )
        return respond(request, {"found": True, "site": found.code, "id": found.id, "changes": changes})
