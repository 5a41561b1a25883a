"""Endpoints of the national figures (`dipdesk.sync.server.national`) and of the national-ID look-up,
registered on the server app by `add_routes` (kept out of app.py, which is big enough).

No `from __future__ import annotations` here: FastAPI reads the endpoints' annotations at run time, and
they name the dependencies passed to `add_routes`."""

import datetime as dt
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Query, Request, Response

from dipdesk.core.thaidate import fiscal_year
from dipdesk.sync.server.db import ServerDB
from dipdesk.sync.server.national import Cache, years_with_data
from dipdesk.sync.server.push import Device

MAX_YEARS = 6


def add_routes(
    app: FastAPI,
    db: ServerDB,
    auth: Callable[..., Device],
    header_version: Callable[..., int],
    respond: Callable[[Request, dict[str, Any]], Response],
) -> None:
    cache = Cache()
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
        with db.read.connect() as conn:
            years = sorted(set(fy or [*years_with_data(conn), fiscal_year(dt.date.today())]), reverse=True)
            figures = [cache.get(conn, y) for y in years[:MAX_YEARS]]
        return respond(request, {"years": figures, "site": device.site_code})
