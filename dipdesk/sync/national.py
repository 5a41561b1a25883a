"""The device side of the national figures (SYNC.md guarantee 13): received on every sync round, kept per
fiscal year in `national_figures`, read by the dashboard's whole-department scope and `dipdesk kpi`,
offline, as of the last sync. Also the text table both command lines print.

The figures are the server's (`dipdesk.sync.server.national.compute`): counts, values, targets, site and
program codes and names; no personal data.
"""

from __future__ import annotations

import logging
from decimal import Decimal
from typing import Any, Protocol, cast

from sqlalchemy import Connection, Engine, Table, delete, insert, select

from dipdesk.core.kpi import KPI_KINDS, format_baht
from dipdesk.store.base import utcnow
from dipdesk.store.national import NationalFigures

log = logging.getLogger(__name__)
INDICATORS = (*KPI_KINDS, "economic_value")
T = cast(Table, NationalFigures.__table__)


class _Transport(Protocol):
    def json(
        self, method: str, path: str, payload: dict[str, Any] | None = None, **kw: Any
    ) -> dict[str, Any]: ...


def receive_national(engine: Engine, tx: _Transport) -> int:
    """Fetch the national figures and keep them (one local transaction); returns the years received.

    Not receiving them is never an error of the round (a server too old to compute them, a computation
    still running, a cut link): the dashboard keeps the figures it had, which say when they were
    computed. Anything malformed is logged and skipped, never stored half."""
    return keep_national(engine, fetch_national(tx))


def fetch_national(tx: _Transport) -> dict[str, Any] | None:
    """The server's answer with the national figures, or None when there is none this round (logged).
    A round asks for it while it pulls (the answer does not depend on the pull) and keeps it after."""
    from dipdesk.sync.rounds import RoundStopped
    from dipdesk.sync.transport import SyncError

    try:
        return tx.json("GET", "/api/v1/national")
    except RoundStopped:
        raise
    except SyncError as exc:  # read-only extras: the round's data moved already; keep the old figures
        if exc.status != 404:
            log.warning("national figures not received this round: %s", exc)
        return None


def keep_national(engine: Engine, answer: dict[str, Any] | None) -> int:
    """Store the figures of `answer` (`fetch_national`); returns the years kept."""
    if answer is None:
        return 0
    years = answer.get("years")
    if not isinstance(years, list):
        log.warning("national figures: the server's answer has no years")
        return 0
    good = [
        f
        for f in years
        if isinstance(f, dict) and isinstance(f.get("fiscal_year"), int) and isinstance(f.get("total"), dict)
    ]
    if not good:
        return 0
    now = utcnow()
    with engine.begin() as conn:
        conn.execute(delete(T).where(T.c.fiscal_year.in_([f["fiscal_year"] for f in good])))
        conn.execute(
            insert(T),
            [
                {
                    "fiscal_year": f["fiscal_year"],
                    "computed_at": str(f.get("computed_at", ""))[:40],
                    "received_at": now,
                    "payload": f,
                }
                for f in good
            ],
        )
    return len(good)


def stored_years(conn: Connection) -> list[int]:
    return list(conn.execute(select(T.c.fiscal_year).order_by(T.c.fiscal_year.desc())).scalars())


def load(conn: Connection, year: int) -> dict[str, Any] | None:
    """The national figures of `year` as last received, or None (never synced, or no such year)."""
    row = conn.execute(select(T.c.payload, T.c.received_at).where(T.c.fiscal_year == year)).first()
    if row is None:
        return None
    figures = dict(row.payload)
    figures["received_at"] = row.received_at.replace(microsecond=0).isoformat() + "Z"
    return figures


def for_site(figures: dict[str, Any], code: str) -> dict[str, Any]:
    """The same figures with `total`, `targets` and `progress` as one site's own (`--scope site`)."""
    line = next((s for s in figures.get("sites", []) if s.get("code") == code), None)
    out = dict(figures)
    out["scope"] = "site"
    out["site"] = code
    if line is None:
        out["total"] = {**dict.fromkeys(KPI_KINDS, 0), "economic_value": "0.00"}
        out["targets"] = {"site": None}
        out["progress"] = dict.fromkeys(INDICATORS)
    else:
        out["total"] = {k: line[k] for k in INDICATORS}
        out["targets"] = {"site": line.get("target")}
        out["progress"] = line.get("progress") or dict.fromkeys(INDICATORS)
        out["sites"] = [line]
    return out


def _pct(p: float | None) -> str:
    return "-" if p is None else f"{p * 100:.1f}%"


def format_table(figures: dict[str, Any]) -> str:
    """A plain-text report: the total against its target, then one row per site with its rank."""
    total = figures["total"]
    scope = figures.get("scope", "national")
    head = f"KPI fiscal year {figures['fiscal_year']} ({scope}"
    head += f" {figures['site']})" if scope == "site" and figures.get("site") else ")"
    lines = [head, f"computed at {figures.get('computed_at', '?')}"]
    targets = figures.get("targets") or {}
    target = targets.get("national") if scope == "national" else targets.get("site")
    progress = figures.get("progress") or {}
    lines.append(f"{'indicator':<16}{'reached':>20}{'target':>20}{'progress':>10}")
    for k in INDICATORS:
        reached = format_baht(Decimal(total[k])) if k == "economic_value" else f"{total[k]:,}"
        goal = "-"
        if target:
            goal = format_baht(Decimal(target[k])) if k == "economic_value" else f"{target[k]:,}"
        lines.append(f"{k:<16}{reached:>20}{goal:>20}{_pct(progress.get(k)):>10}")
    sites = figures.get("sites") or []
    if sites:
        lines.append("")
        lines.append(
            f"{'rank':>4}  {'site':<10}{'persons':>10}{'enterpr.':>10}{'products':>10}{'groups':>8}"
            f"{'value (baht)':>20}{'persons %':>11}"
        )
        for s in sorted(sites, key=lambda s: s.get("rank", 0)):
            lines.append(
                f"{s.get('rank', ''):>4}  {s['code']:<10}{s['persons']:>10,}{s['enterprises']:>10,}"
                f"{s['products']:>10,}{s['groups']:>8,}{format_baht(Decimal(s['economic_value'])):>20}"
                f"{_pct((s.get('progress') or {}).get('persons')):>11}"
            )
    return "\n".join(lines)
