"""National progress (SYNC.md guarantee 13): the fiscal year's reach per site, per program, per service kind
and for the whole department, computed on the server over every site's records, against the national and
per-site targets.

Counting rule: the one of the site dashboard (`dipdesk.services.kpi`), over all sites, with identities
that span sites. A person reached is one enrolled in (or having completed) an activity of one of the
year's programs; an enterprise, the enterprise of such an enrollment or one that received a service dated
in the year; a group, the group of an enrollment or of a reached enterprise; a product, one developed in
one of the year's programs. Everything counts once per line (`dipdesk.core.kpi`: distinct, never rows):
once per site for the site's line, once for the department however many centers served it. Until person
records are merged nationally, a person's identity is the national ID where there is one (else the
record), an enterprise's the juristic registration ID (else the record): the same entrepreneur trained at
IPC1 and at IPC2 counts once at each center and once nationally. Economic value comes from the outcomes
(`dipdesk.core.kpi.economic_value`, per outcome row), summed per site, program and nationally.

What leaves the server is small and carries no personal data: counts, values, targets, site and program
codes and names. Devices store it (`dipdesk.sync.national`) and show it offline as of the last sync.

The figures are cached per fiscal year with the change-log position they were computed at: a request that
finds the log unchanged gets the cached answer without touching the data ("incremental after that").
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import Connection, Engine, Select, and_, case, func, literal, select, tuple_, union_all

from dipdesk.core.kpi import KPI_KINDS, progress
from dipdesk.core.thaidate import fiscal_year_range
from dipdesk.store.base import utcnow
from dipdesk.store.enrollment import Enrollment
from dipdesk.store.followups import OutcomeEvidence
from dipdesk.store.outcomes import Outcome, ServiceRecord
from dipdesk.store.people import Enterprise, Person, Product
from dipdesk.store.programs import Activity, Program, Target
from dipdesk.store.reference import Site
from dipdesk.store.sync import CHANGES

log = logging.getLogger(__name__)
REACHED_STATES = ("enrolled", "completed")
IDENTITY_TABLES = ("people", "enterprises")
MAX_IDENTITY_CHANGES = 20_000  # more than this since the last computation: count every site again
IN_CHUNK = 1000
# what the figures read besides identities (`_reach`, `compute`, `years_with_data`); a merge re-points
# references in these tables and is logged too
FIGURE_TABLES = tuple(
    sorted(
        {
            m.__tablename__
            for m in (
                Program,
                Activity,
                Enrollment,
                ServiceRecord,
                Product,
                Outcome,
                OutcomeEvidence,
                Target,
                Site,
            )
        }
        | {"merges"}
    )
)
INDICATORS = (*KPI_KINDS, "economic_value")
FORMAT_VERSION = 1
_CENT = Decimal("0.01")


def _money(value: Any) -> Decimal:
    return Decimal(str(value or 0)).quantize(_CENT, rounding=ROUND_HALF_UP)


def _reach(year: int, site_id: str | None = None) -> Select[Any]:
    """Rows (kind, site_id, program_id, service_kind, ident): what was reached, by which site and program
    (only `site_id`'s when given). `ident` is the national identity (national ID / registration ID where
    known, else the record id)."""
    first_day, last_day = fiscal_year_range(year)
    live_program = and_(Program.fiscal_year == year, Program.deleted.is_(False))
    if site_id is not None:
        live_program = and_(live_program, Program.site_id == site_id)
    enr = (
        select(
            Program.site_id,
            Activity.program_id,
            Program.service_kind,
            Enrollment.person_id,
            Enrollment.enterprise_id,
            Enrollment.group_id,
        )
        .join(Activity, Activity.id == Enrollment.activity_id)
        .join(Program, Program.id == Activity.program_id)
        .where(
            live_program,
            Activity.deleted.is_(False),
            Enrollment.deleted.is_(False),
            Enrollment.status.in_(REACHED_STATES),
        )
        .cte("enr")
    )
    services = select(
        ServiceRecord.site_id,
        ServiceRecord.program_id,
        ServiceRecord.service_kind,
        ServiceRecord.enterprise_id,
    ).where(ServiceRecord.deleted.is_(False), ServiceRecord.day.between(first_day, last_day))
    if site_id is not None:
        services = services.where(ServiceRecord.site_id == site_id)
    ents = union_all(
        select(enr.c.site_id, enr.c.program_id, enr.c.service_kind, enr.c.enterprise_id).where(
            enr.c.enterprise_id.is_not(None)
        ),
        services,
    ).cte("ents")
    persons = select(
        literal("persons").label("kind"),
        enr.c.site_id,
        enr.c.program_id,
        enr.c.service_kind,
        func.coalesce(Person.national_id, Person.id).label("ident"),
    ).join(Person, Person.id == enr.c.person_id)
    enterprises = select(
        literal("enterprises"),
        ents.c.site_id,
        ents.c.program_id,
        ents.c.service_kind,
        func.coalesce(Enterprise.registration_id, Enterprise.id),
    ).join(Enterprise, Enterprise.id == ents.c.enterprise_id)
    groups_enr = select(
        literal("groups"), enr.c.site_id, enr.c.program_id, enr.c.service_kind, enr.c.group_id
    ).where(enr.c.group_id.is_not(None))
    groups_ent = (
        select(literal("groups"), ents.c.site_id, ents.c.program_id, ents.c.service_kind, Enterprise.group_id)
        .join(Enterprise, Enterprise.id == ents.c.enterprise_id)
        .where(Enterprise.group_id.is_not(None))
    )
    products = (
        select(literal("products"), Program.site_id, Program.id, Program.service_kind, Product.id)
        .join(Program, Program.id == Product.developed_in_program_id)
        .where(live_program, Product.deleted.is_(False))
    )
    reach = union_all(persons, enterprises, groups_enr, groups_ent, products).subquery("reach")
    return select(reach)


def _distinct(conn: Connection, reach: Select[Any], *by: str) -> dict[tuple[Any, ...], int]:
    """{(kind, *by values): distinct identities}."""
    sub = reach.subquery()
    cols = [sub.c.kind, *(sub.c[b] for b in by)]
    q = select(*cols, func.count(func.distinct(sub.c.ident))).group_by(*cols)
    return {tuple(r[:-1]): int(r[-1]) for r in conn.execute(q)}


def _distinct_all(conn: Connection, reach: Select[Any]) -> tuple[dict[tuple[Any, ...], int], ...]:
    """(total, per site, per program, per service kind) distinct counts. PostgreSQL: one pass over the
    reach rows with GROUPING SETS; elsewhere one query per line."""
    if conn.dialect.name != "postgresql":
        return (
            _distinct(conn, reach),
            _distinct(conn, reach, "site_id"),
            _distinct(conn, reach, "program_id"),
            _distinct(conn, reach, "service_kind"),
        )
    sub = reach.subquery()
    k, site, program, kind = sub.c.kind, sub.c.site_id, sub.c.program_id, sub.c.service_kind
    q = select(
        k,
        site,
        program,
        kind,
        func.grouping(site, program, kind).label("g"),
        func.count(func.distinct(sub.c.ident)),
    ).group_by(func.grouping_sets(tuple_(k), tuple_(k, site), tuple_(k, program), tuple_(k, kind)))
    out: tuple[dict[tuple[Any, ...], int], ...] = ({}, {}, {}, {})
    # grouping(site, program, kind): a bit set per column left out of the set (site = 4, program = 2, kind = 1)
    for row in conn.execute(q):
        g = int(row.g)
        if g == 0b111:
            out[0][(row[0],)] = int(row[-1])
        elif g == 0b011:
            out[1][(row[0], row[1])] = int(row[-1])
        elif g == 0b101:
            out[2][(row[0], row[2])] = int(row[-1])
        elif g == 0b110:
            out[3][(row[0], row[3])] = int(row[-1])
    return out


def _values(conn: Connection, year: int, by: Any | None) -> dict[Any, Decimal]:
    """Economic value of the year's outcomes (core.kpi.economic_value per row, summed) per `by`."""
    o = Outcome
    gain = o.revenue_after - o.revenue_before
    per_row = case((gain > 0, gain), else_=0) + o.cost_saved + o.investment
    cols = [by] if by is not None else []
    q = select(*cols, func.sum(per_row)).where(o.fiscal_year == year, o.deleted.is_(False)).group_by(*cols)
    return {(r[0] if by is not None else None): _money(r[-1]) for r in conn.execute(q)}


def _evidence(conn: Connection, year: int, sites: list[Any]) -> dict[str, Any]:
    """How much of the year's economic value has evidence (receipts, statements, photos) behind it,
    per site and nationally (`dipdesk.services.followups.evidence_share`, computed in SQL here)."""
    o = Outcome
    gain = o.revenue_after - o.revenue_before
    per_row = case((gain > 0, gain), else_=0) + o.cost_saved + o.investment
    backed = o.id.in_(select(OutcomeEvidence.outcome_id).where(OutcomeEvidence.deleted.is_(False)))
    q = (
        select(o.site_id, func.sum(per_row), func.sum(case((backed, per_row), else_=0)))
        .where(o.fiscal_year == year, o.deleted.is_(False))
        .group_by(o.site_id)
    )
    per_site = {r[0]: (_money(r[1]), _money(r[2])) for r in conn.execute(q)}
    lines = [
        {
            "code": s.code,
            "name_th": s.name_th,
            "value": str(per_site[s.id][0]),
            "backed": str(per_site[s.id][1]),
        }
        for s in sites
        if s.id in per_site
    ]
    return {
        "value": str(sum((v for v, _b in per_site.values()), Decimal(0))),
        "backed": str(sum((b for _v, b in per_site.values()), Decimal(0))),
        "sites": lines,
    }


def _target_of(t: Any) -> dict[str, Any]:
    return {
        "persons": int(t.persons or 0),
        "enterprises": int(t.enterprises or 0),
        "products": int(t.products or 0),
        "groups": int(t.groups or 0),
        "economic_value": str(_money(t.economic_value)),
    }


def _targets(conn: Connection, year: int) -> tuple[dict[str, Any] | None, dict[str, dict[str, Any]]]:
    """(national target, {site_id: target}) of the year: site-wide rows only (no program); the latest
    edited row wins, as on the devices."""
    rows = conn.execute(
        select(Target)
        .where(Target.fiscal_year == year, Target.deleted.is_(False), Target.program_id.is_(None))
        .order_by(Target.updated_at)
    ).all()
    national: dict[str, Any] | None = None
    per_site: dict[str, dict[str, Any]] = {}
    for t in rows:
        if t.for_site_id is None:
            national = _target_of(t)
        else:
            per_site[t.for_site_id] = _target_of(t)
    return national, per_site


def _line(counts: dict[tuple[Any, ...], int], key: tuple[Any, ...], value: Decimal) -> dict[str, Any]:
    line: dict[str, Any] = {k: counts.get((k, *key), 0) for k in KPI_KINDS}
    line["economic_value"] = str(value)
    return line


def _progress(line: dict[str, Any], target: dict[str, Any] | None) -> dict[str, float | None]:
    if not target:
        return dict.fromkeys(INDICATORS)
    out: dict[str, float | None] = {}
    for k in INDICATORS:
        reached = Decimal(line[k]) if k == "economic_value" else line[k]
        goal = Decimal(target[k]) if k == "economic_value" else target[k]
        out[k] = progress(reached, goal)
    return out


Counts = tuple[dict[tuple[Any, ...], int], ...]  # (total, per site, per program, per service kind)


def compute(conn: Connection, year: int, counts: Counts | None = None) -> dict[str, Any]:
    """The national figures of fiscal year `year` (BE), as JSON-ready data. `counts`: the distinct counts
    when already known (`national_incremental`); else they are counted here, in one pass."""
    total, per_site, per_program, per_kind = (
        counts if counts is not None else _distinct_all(conn, _reach(year))
    )
    value_total = _values(conn, year, None).get(None, Decimal(0))
    value_site = _values(conn, year, Outcome.site_id)
    value_program = _values(conn, year, Outcome.program_id)
    value_kind: dict[str, Decimal] = {}
    kinds_of = dict(
        conn.execute(select(Program.id, Program.service_kind).where(Program.fiscal_year == year)).all()
    )
    for pid, v in value_program.items():
        kind = kinds_of.get(pid, "")
        value_kind[kind] = value_kind.get(kind, Decimal(0)) + v
    national_target, site_targets = _targets(conn, year)

    sites = conn.execute(
        select(Site.id, Site.code, Site.name_th, Site.name_en, Site.kind, Site.center_no).where(
            Site.deleted.is_(False)
        )
    ).all()
    sites = sorted(sites, key=lambda s: (s.kind != "center", s.center_no or 0, s.code))
    active = {k[1] for k in per_site} | set(value_site) | set(site_targets)
    site_lines: list[dict[str, Any]] = []
    for s in sites:
        if s.kind != "center" and s.id not in active:
            continue  # headquarters units appear when they reached someone or have a target
        line = {"code": s.code, "name_th": s.name_th, "name_en": s.name_en, "kind": s.kind}
        line.update(_line(per_site, (s.id,), value_site.get(s.id, Decimal(0))))
        target = site_targets.get(s.id)
        line["target"] = target
        line["progress"] = _progress(line, target)
        site_lines.append(line)
    # ranking: by progress towards the persons target where set, else by persons reached
    position = {ln["code"]: i for i, ln in enumerate(site_lines)}
    order = sorted(
        site_lines,
        key=lambda ln: (-(ln["progress"]["persons"] or -1.0), -ln["persons"], position[ln["code"]]),
    )
    for rank, ln in enumerate(order, 1):
        ln["rank"] = rank

    site_code = {s.id: s.code for s in sites}
    programs = conn.execute(
        select(Program.id, Program.code, Program.name_th, Program.service_kind, Program.site_id)
        .where(Program.fiscal_year == year, Program.deleted.is_(False))
        .order_by(Program.site_id, Program.code)
    ).all()
    program_lines = []
    for p in programs:
        line = {
            "site": site_code.get(p.site_id, ""),
            "code": p.code,
            "name_th": p.name_th,
            "service_kind": p.service_kind,
        }
        line.update(_line(per_program, (p.id,), value_program.get(p.id, Decimal(0))))
        program_lines.append(line)
    kinds = sorted({k[1] for k in per_kind if k[1]} | {k for k in value_kind if k})
    kind_lines = []
    for kind in kinds:
        line = {"service_kind": kind}
        line.update(_line(per_kind, (kind,), value_kind.get(kind, Decimal(0))))
        kind_lines.append(line)

    total_line = _line(total, (), value_total)
    return {
        "format": FORMAT_VERSION,
        "fiscal_year": year,
        "scope": "national",
        "computed_at": utcnow().replace(microsecond=0).isoformat() + "Z",
        "total": total_line,
        "targets": {
            "national": national_target,
            "sites": {site_code.get(k, k): v for k, v in site_targets.items()},
        },
        "progress": _progress(total_line, national_target),
        "sites": site_lines,
        "programs": program_lines,
        "service_kinds": kind_lines,
        "evidence": _evidence(conn, year, sites),
    }


def years_with_data(conn: Connection, *, limit: int = 6) -> list[int]:
    """Fiscal years with programs or targets, newest first (at most `limit`)."""
    years = set(
        conn.execute(select(Program.fiscal_year).distinct().where(Program.deleted.is_(False))).scalars()
    )
    years |= set(
        conn.execute(select(Target.fiscal_year).distinct().where(Target.deleted.is_(False))).scalars()
    )
    return sorted(years, reverse=True)[:limit]


def identity_dirty(conn: Connection, since: int, top: int, site_ids: list[str]) -> set[str]:
    """Sites whose reach names a person or enterprise whose record changed in the log after `since`."""
    if top <= since:
        return set()
    c = CHANGES.c
    rows = conn.execute(
        select(c.table_name, c.record_id)
        .where(c.server_seq > since, c.server_seq <= top, c.table_name.in_(IDENTITY_TABLES))
        .limit(MAX_IDENTITY_CHANGES + 1)
    ).all()
    if len(rows) > MAX_IDENTITY_CHANGES:
        return set(site_ids)
    people = sorted({r.record_id for r in rows if r.table_name == "people"})
    enterprises = sorted({r.record_id for r in rows if r.table_name == "enterprises"})
    by_person = [(Enrollment.site_id, Enrollment.person_id)]
    by_enterprise = [
        (Enrollment.site_id, Enrollment.enterprise_id),
        (ServiceRecord.site_id, ServiceRecord.enterprise_id),
    ]
    return _sites_naming(conn, people, by_person) | _sites_naming(conn, enterprises, by_enterprise)


def _sites_naming(conn: Connection, ids: list[str], refs: list[tuple[Any, Any]]) -> set[str]:
    """The sites of the rows whose reference column (second of each pair) names one of `ids`."""
    sites: set[str] = set()
    for i in range(0, len(ids), IN_CHUNK):
        part = ids[i : i + IN_CHUNK]
        for site_col, ref_col in refs:
            sites.update(conn.execute(select(site_col).distinct().where(ref_col.in_(part))).scalars())
    return sites


def figures_moved(conn: Connection, since: int, top: int) -> bool:
    """Whether the log's entries after `since` up to `top` can change the national figures: an entry of
    a table the figures read, or of a person / enterprise that some site's reach names (a new person
    nobody enrolled, an audit entry, a lab result… leave them as they were)."""
    c = CHANGES.c
    relevant = conn.execute(
        select(c.table_name)
        .where(c.server_seq > since, c.server_seq <= top, c.table_name.in_(FIGURE_TABLES))
        .limit(1)
    ).first()
    if relevant is not None:
        return True
    return bool(identity_dirty(conn, since, top, ["*"]))


@dataclass
class Cache:
    """Figures per fiscal year with the change-log position they were computed at.

    A request never waits long for a big computation (a sync round must not time out on it): when the log
    moved, the figures are recomputed in a background thread (one per year at a time, with its own
    connection) and the request waits at most `wait` seconds; if they are not ready by then it gets the
    previous figures (they say when they were computed), or none for a year never computed yet."""

    engine: Engine
    wait: float = 10.0
    compute_fn: Callable[[Connection, int], dict[str, Any]] = compute  # the computation (a test slows it)
    entries: dict[int, tuple[int, dict[str, Any]]] = field(default_factory=dict)
    running: dict[int, threading.Event] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def _refresh(self, year: int, top: int, done: threading.Event) -> None:
        try:
            with self.engine.connect() as conn:
                figures = self.compute_fn(conn, year)
            with self.lock:
                old = self.entries.get(year)
                if old is None or old[0] <= top:
                    self.entries[year] = (top, figures)
        except Exception:  # logged; the previous figures stay
            log.exception("computing the national figures of %s failed", year)
        finally:
            with self.lock:
                self.running.pop(year, None)
            done.set()

    def get(self, conn: Connection, year: int, *, wait: float | None = None) -> dict[str, Any] | None:
        top = int(conn.execute(select(func.max(CHANGES.c.server_seq))).scalar() or 0)
        with self.lock:
            hit = self.entries.get(year)
            if hit is not None and hit[0] == top:
                return hit[1]
        if hit is not None and hit[0] < top and not figures_moved(conn, hit[0], top):
            # the log moved, but not in anything the figures read: they are exact at `top` too
            figures = {**hit[1], "computed_at": utcnow().replace(microsecond=0).isoformat() + "Z"}
            with self.lock:
                if self.entries.get(year) is hit:
                    self.entries[year] = (top, figures)
                    return figures
        with self.lock:
            done = self.running.get(year)
            if done is None:
                done = threading.Event()
                self.running[year] = done
                threading.Thread(
                    target=self._refresh, args=(year, top, done), name=f"national-{year}", daemon=True
                ).start()
        done.wait(self.wait if wait is None else wait)
        with self.lock:
            hit = self.entries.get(year)
        return hit[1] if hit is not None else None
