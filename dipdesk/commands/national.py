"""`dipdesk kpi`: the fiscal year's reach against its targets, for this site or the whole department.

    dipdesk kpi [--fy 2569] [--scope site|national] [--format table|json]

`--scope site` (default) computes this site's figures from this computer's own records
(`dipdesk.services.kpi`); `--scope national` prints the department's figures as the server last computed
them (received on sync, `dipdesk.sync.national`: works offline, says when they were computed). JSON:
{"fiscal_year", "scope", "computed_at", "total": {persons, enterprises, products, groups,
economic_value}, "targets", "sites": [{"code", "persons", …}], …}; for the site scope `total` is the
site's own.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any


def _engine(args: argparse.Namespace) -> Any:
    from dipdesk.paths import default_db_path
    from dipdesk.store.db import open_database

    return open_database(Path(args.db) if args.db else default_db_path())


def _money(value: Any) -> str:
    from decimal import ROUND_HALF_UP, Decimal

    return str(Decimal(value).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def site_figures(engine: Any, year: int | None) -> dict[str, Any]:
    """This site's own figures in the shape of the national ones (computed here, now)."""
    from dipdesk.core.kpi import KPI_KINDS
    from dipdesk.services.context import system_context
    from dipdesk.services.kpi import kpi_report
    from dipdesk.store.base import utcnow
    from dipdesk.store.db import transaction

    with transaction(engine) as session:
        ctx = system_context(session)
        report = kpi_report(session, ctx.site.id, year, "site")
        line = report.site
        total: dict[str, Any] = {k: line.counts.get(k, 0) for k in KPI_KINDS}
        total["economic_value"] = _money(line.value)
        target = None
        if line.target:
            target = {k: (_money(v) if k == "economic_value" else int(v)) for k, v in line.target.items()}
        progress = {k: line.progress(k) for k in (*KPI_KINDS, "economic_value")}
        site = {"code": ctx.site.code, "name_th": ctx.site.name_th, "name_en": ctx.site.name_en, "rank": 1}
        site.update(total)
        site["target"] = target
        site["progress"] = progress
        return {
            "fiscal_year": report.fiscal_year,
            "scope": "site",
            "site": ctx.site.code,
            "computed_at": utcnow().replace(microsecond=0).isoformat() + "Z",
            "total": total,
            "targets": {"site": target, "measured_against": report.target_scope or None},
            "progress": progress,
            "sites": [site],
            "programs": [
                {"code": p.code, "name_th": p.name, "service_kind": p.service_kind}
                | {k: p.counts.get(k, 0) for k in KPI_KINDS}
                | {"economic_value": _money(p.value)}
                for p in report.by_program
            ],
        }


def cmd_kpi(args: argparse.Namespace) -> int:
    from dipdesk.core.thaidate import fiscal_year
    from dipdesk.services.errors import NotFound
    from dipdesk.sync.national import format_table, load

    engine = _engine(args)
    if args.scope == "site":
        figures = site_figures(engine, args.fy)
    else:
        import datetime as dt

        year = args.fy or fiscal_year(dt.date.today())
        with engine.connect() as conn:
            got = load(conn, year)
        if got is None:
            raise NotFound(
                f"ยังไม่มีตัวเลขทั้งกรมของปีงบประมาณ {year}: ซิงค์กับเซิร์ฟเวอร์ก่อน",
                f"no whole-department figures for fiscal year {year} yet: sync with the server first",
            )
        figures = got
    if args.format == "json":
        json.dump(figures, sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        print(format_table(figures))
    return 0


def _year(text: str) -> int:
    try:
        year = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a year: {text!r}") from None
    if not 2500 <= year <= 2700:
        raise argparse.ArgumentTypeError(f"a Buddhist Era fiscal year such as 2569, not {year}")
    return year


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    k = sub.add_parser(
        "kpi", help="reach against targets: this site, or the whole department (as of the last sync)"
    )
    k.add_argument("--fy", type=_year, help="fiscal year, BE (default: this one)")
    k.add_argument("--scope", choices=("site", "national"), default="site")
    k.add_argument("--format", choices=("table", "json"), default="table")
    k.set_defaults(func=cmd_kpi)
