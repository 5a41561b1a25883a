"""The national figures, kept up to date site by site (SYNC.md guarantee 13; docs/national.md §2).

Counting a fiscal year's distinct people over every site's enrollments in one query took about a minute
for 11 centers × 100,000 people. Most of that work is the same from one sync round to the next: a round
changes one site's records. So the distinct identities reached are kept per site and year, in memory, as
sets (per kind, per program, per service kind), and after a change only what moved is counted again:

- a site whose change-log position moved (`max(server_seq) WHERE site_id = …`, an index look-up per
  site): its enrollments, services, products or programs changed, or a merge re-pointed its references;
- a site whose reach names a person or an enterprise whose identity changed elsewhere (the log's
  `people`/`enterprises` entries since the last computation, looked up in the site's enrollments and
  service records by id: a shared or merged person edited by the site that owns it).

The department's lines are unions of the sites' sets (a person trained at two centers counts once), so
nothing else is read again. Economic value, targets and names are small and read each time
(`national.compute`). The counting rule is the one of `national.compute`; a test checks both agree.
State lives in the server process: a restart counts everything once (cold), then goes on incrementally.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, func, select

from dipdesk.store.enrollment import Enrollment
from dipdesk.store.outcomes import ServiceRecord
from dipdesk.store.reference import Site
from dipdesk.store.sync import CHANGES
from dipdesk.sync.server.national import Counts, _reach, compute

IDENTITY_TABLES = ("people", "enterprises")
MAX_IDENTITY_CHANGES = 20_000  # more than this since the last computation: count every site again
IN_CHUNK = 1000


@dataclass
class SiteReach:
    position: int
    kinds: dict[str, set[str]] = field(default_factory=dict)  # kind -> identities
    programs: dict[tuple[str, str], int] = field(default_factory=dict)  # (kind, program) -> count
    service_kinds: dict[tuple[str, str], set[str]] = field(default_factory=dict)  # (kind, service kind)


@dataclass
class YearState:
    seq: int  # the change-log position the sites were brought up to
    sites: dict[str, SiteReach] = field(default_factory=dict)


@dataclass
class Incremental:
    """`compute(conn, year)` with the per-site state kept between calls (one per server process)."""

    years: dict[int, YearState] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)
    recounted: list[str] = field(default_factory=list)  # the sites counted again by the last call

    def compute(self, conn: Connection, year: int) -> dict[str, Any]:
        with self.lock:
            return compute(conn, year, self.counts(conn, year))

    def counts(self, conn: Connection, year: int) -> Counts:
        c = CHANGES.c
        top = int(conn.execute(select(func.max(c.server_seq))).scalar() or 0)
        site_ids = list(conn.execute(select(Site.id).order_by(Site.id)).scalars())
        positions = {
            s: int(conn.execute(select(func.max(c.server_seq)).where(c.site_id == s)).scalar() or 0)
            for s in site_ids
        }
        state = self.years.get(year)
        if state is None:
            dirty = set(site_ids)
        else:
            dirty = {s for s in site_ids if s not in state.sites or state.sites[s].position != positions[s]}
            dirty |= _identity_dirty(conn, state.seq, top, site_ids)
        sites = dict(state.sites) if state is not None else {}
        for s in sorted(dirty):
            sites[s] = _count_site(conn, year, s, positions[s])
        for s in list(sites):
            if s not in positions:
                del sites[s]
        self.years[year] = YearState(top, sites)
        self.recounted = sorted(dirty)
        return _aggregate(sites)


def _identity_dirty(conn: Connection, since: int, top: int, site_ids: list[str]) -> set[str]:
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
    dirty: set[str] = set()
    for i in range(0, len(people), IN_CHUNK):
        part = people[i : i + IN_CHUNK]
        dirty.update(
            conn.execute(
                select(Enrollment.site_id).distinct().where(Enrollment.person_id.in_(part))
            ).scalars()
        )
    for i in range(0, len(enterprises), IN_CHUNK):
        part = enterprises[i : i + IN_CHUNK]
        dirty.update(
            conn.execute(
                select(Enrollment.site_id).distinct().where(Enrollment.enterprise_id.in_(part))
            ).scalars()
        )
        dirty.update(
            conn.execute(
                select(ServiceRecord.site_id).distinct().where(ServiceRecord.enterprise_id.in_(part))
            ).scalars()
        )
    return dirty


def _count_site(conn: Connection, year: int, site_id: str, position: int) -> SiteReach:
    reach = SiteReach(position)
    programs: dict[tuple[str, str], set[str]] = {}
    sub = _reach(year, site_id).subquery()
    q = select(sub.c.kind, sub.c.program_id, sub.c.service_kind, sub.c.ident)
    for kind, program, service_kind, ident in conn.execute(q.execution_options(yield_per=20_000)):
        if ident is None:
            continue
        reach.kinds.setdefault(kind, set()).add(ident)
        programs.setdefault((kind, program), set()).add(ident)
        reach.service_kinds.setdefault((kind, service_kind), set()).add(ident)
    reach.programs = {k: len(v) for k, v in programs.items()}
    return reach


def _aggregate(sites: dict[str, SiteReach]) -> Counts:
    total_sets: dict[str, set[str]] = {}
    kind_sets: dict[tuple[str, str], set[str]] = {}
    per_site: dict[tuple[Any, ...], int] = {}
    per_program: dict[tuple[Any, ...], int] = {}
    for site_id, reach in sites.items():
        for kind, idents in reach.kinds.items():
            if idents:
                per_site[(kind, site_id)] = len(idents)
                total_sets.setdefault(kind, set()).update(idents)
        per_program.update(reach.programs)
        for key, idents in reach.service_kinds.items():
            kind_sets.setdefault(key, set()).update(idents)
    total = {(k,): len(v) for k, v in total_sets.items()}
    per_kind = {k: len(v) for k, v in kind_sets.items()}
    return total, per_site, per_program, per_kind
