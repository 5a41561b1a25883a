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

The department's lines are unions of the sites' sets (a person trained at two centers counts once), kept
as multisets (identity -> number of sites), so a site counted again changes them by its own rows only.
Identities (national / registration ID of every person and enterprise) are kept in a map read once and
then brought up to date from the log's `people`/`enterprises` entries, so a site's rows are read by
index without joining a million people. Economic value, targets and names are small and read each time
(`national.compute`). The counting rule is the one of `national.compute`; a test checks both agree.
State lives in the server process: a restart counts everything once (cold), then goes on incrementally.
"""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, and_, func, select

from dipdesk.core.thaidate import fiscal_year_range
from dipdesk.store.enrollment import Enrollment
from dipdesk.store.outcomes import ServiceRecord
from dipdesk.store.people import Enterprise, Person, Product
from dipdesk.store.programs import Activity, Program
from dipdesk.store.reference import Site
from dipdesk.store.sync import CHANGES
from dipdesk.sync.server.national import (
    IDENTITY_TABLES,
    IN_CHUNK,
    MAX_IDENTITY_CHANGES,
    REACHED_STATES,
    Counts,
    compute,
    identity_dirty,
)


@dataclass
class SiteReach:
    position: int
    kinds: dict[str, set[str]] = field(default_factory=dict)  # kind -> identities
    programs: dict[tuple[str, str], int] = field(default_factory=dict)  # (kind, program) -> count
    service_kinds: dict[tuple[str, str], set[str]] = field(default_factory=dict)  # (kind, service kind)


@dataclass
class YearState:
    """A fiscal year's sites, and the department's lines kept as multisets (identity -> number of sites
    that reached it), so a site counted again changes them by its own rows only."""

    seq: int  # the change-log position the sites were brought up to
    sites: dict[str, SiteReach] = field(default_factory=dict)
    total: dict[str, Counter[str]] = field(default_factory=dict)
    per_kind: dict[tuple[str, str], Counter[str]] = field(default_factory=dict)
    counts: Counts | None = None

    def remove(self, reach: SiteReach) -> None:
        for kind, idents in reach.kinds.items():
            _drop(self.total[kind], idents)
        for key, idents in reach.service_kinds.items():
            _drop(self.per_kind[key], idents)

    def add(self, reach: SiteReach) -> None:
        for kind, idents in reach.kinds.items():
            self.total.setdefault(kind, Counter()).update(idents)
        for key, idents in reach.service_kinds.items():
            self.per_kind.setdefault(key, Counter()).update(idents)

    def aggregate(self) -> Counts:
        per_site = {
            (kind, site_id): len(idents)
            for site_id, reach in self.sites.items()
            for kind, idents in reach.kinds.items()
            if idents
        }
        per_program: dict[tuple[Any, ...], int] = {}
        for reach in self.sites.values():
            per_program.update(reach.programs)
        total = {(k,): len(c) for k, c in self.total.items() if c}
        per_kind = {k: len(c) for k, c in self.per_kind.items() if c}
        return total, per_site, per_program, per_kind


def _drop(counter: Counter[str], idents: set[str]) -> None:
    for ident in idents:
        n = counter[ident] - 1
        if n > 0:
            counter[ident] = n
        else:
            del counter[ident]


@dataclass
class Identities:
    """Record id -> national identity (person: national ID, else the id; enterprise: registration ID,
    else the id, with its group), for every person and enterprise, kept current from the change log."""

    seq: int = -1
    people: dict[str, str] = field(default_factory=dict)
    enterprises: dict[str, tuple[str, str | None]] = field(default_factory=dict)

    def refresh(self, conn: Connection, top: int) -> None:
        if self.seq < 0:
            self._load(conn, None, None)
        elif top > self.seq:
            c = CHANGES.c
            rows = conn.execute(
                select(c.table_name, c.record_id)
                .where(c.server_seq > self.seq, c.server_seq <= top, c.table_name.in_(IDENTITY_TABLES))
                .limit(MAX_IDENTITY_CHANGES + 1)
            ).all()
            if len(rows) > MAX_IDENTITY_CHANGES:
                self.people, self.enterprises = {}, {}
                self._load(conn, None, None)
            else:
                people = sorted({r.record_id for r in rows if r.table_name == "people"})
                ents = sorted({r.record_id for r in rows if r.table_name == "enterprises"})
                self._load(conn, people, ents)
        self.seq = top

    def _load(self, conn: Connection, people: list[str] | None, ents: list[str] | None) -> None:
        pq = select(Person.id, func.coalesce(Person.national_id, Person.id))
        eq = select(
            Enterprise.id, func.coalesce(Enterprise.registration_id, Enterprise.id), Enterprise.group_id
        )
        if people is None:
            self.people.update(
                (pid, ident) for pid, ident in conn.execute(pq.execution_options(yield_per=50_000))
            )
        else:
            for i in range(0, len(people), IN_CHUNK):
                part = pq.where(Person.id.in_(people[i : i + IN_CHUNK]))
                self.people.update((pid, ident) for pid, ident in conn.execute(part))
        if ents is None:
            for eid, ident, group in conn.execute(eq.execution_options(yield_per=50_000)):
                self.enterprises[eid] = (ident, group)
        else:
            for i in range(0, len(ents), IN_CHUNK):
                for eid, ident, group in conn.execute(eq.where(Enterprise.id.in_(ents[i : i + IN_CHUNK]))):
                    self.enterprises[eid] = (ident, group)

    def person(self, conn: Connection, pid: str) -> str | None:
        if pid not in self.people:  # written without a log entry (a bulk load): read it
            self._load(conn, [pid], [])
        return self.people.get(pid)

    def enterprise(self, conn: Connection, eid: str) -> tuple[str, str | None] | None:
        if eid not in self.enterprises:
            self._load(conn, [], [eid])
        return self.enterprises.get(eid)


@dataclass
class Incremental:
    """`compute(conn, year)` with the per-site state kept between calls (one per server process)."""

    years: dict[int, YearState] = field(default_factory=dict)
    identities: Identities = field(default_factory=Identities)
    lock: threading.Lock = field(default_factory=threading.Lock)
    recounted: list[str] = field(default_factory=list)  # the sites counted again by the last call

    def compute(self, conn: Connection, year: int) -> dict[str, Any]:
        with self.lock:
            return compute(conn, year, self.counts(conn, year))

    def counts(self, conn: Connection, year: int) -> Counts:
        c = CHANGES.c
        top = int(conn.execute(select(func.max(c.server_seq))).scalar() or 0)
        # each site's position: an index look-up per site, all in one statement
        moved = select(func.max(c.server_seq)).where(c.site_id == Site.id).scalar_subquery()
        positions = {s: int(pos or 0) for s, pos in conn.execute(select(Site.id, moved).order_by(Site.id))}
        site_ids = list(positions)
        state = self.years.get(year)
        if state is None:
            dirty = set(site_ids)
            state = YearState(top)
        else:
            dirty = {s for s in site_ids if s not in state.sites or state.sites[s].position != positions[s]}
            dirty |= identity_dirty(conn, state.seq, top, site_ids)
        self.identities.refresh(conn, top)
        for s in sorted(dirty):
            old = state.sites.get(s)
            if old is not None:
                state.remove(old)
            reach = _count_site(conn, year, s, positions[s], self.identities)
            state.sites[s] = reach
            state.add(reach)
        for s in [s for s in state.sites if s not in positions]:
            state.remove(state.sites.pop(s))
            dirty.add(s)
        state.seq = top
        if dirty or state.counts is None:
            state.counts = state.aggregate()
        self.years[year] = state
        self.recounted = sorted(dirty)
        return state.counts


def _count_site(conn: Connection, year: int, site_id: str, position: int, ids: Identities) -> SiteReach:
    """The site's reach in the year: the rule of `national._reach`, read as record ids (the site's own
    rows only, by index) and turned into identities with `ids`; sets built in bulk (a site has 100,000s
    of rows)."""
    rows: dict[str, list[tuple[Any, Any, str]]] = {
        "persons": [],
        "enterprises": [],
        "groups": [],
        "products": [],
    }
    persons, ents, groups = rows["persons"], rows["enterprises"], rows["groups"]
    pmap, emap = ids.people, ids.enterprises

    def enterprise(program: Any, service_kind: Any, eid: str) -> None:
        found = emap.get(eid) or ids.enterprise(conn, eid)
        if found is not None:
            ents.append((program, service_kind, found[0]))
            if found[1] is not None:
                groups.append((program, service_kind, found[1]))

    first_day, last_day = fiscal_year_range(year)
    live_program = and_(Program.fiscal_year == year, Program.deleted.is_(False), Program.site_id == site_id)
    enr = (
        select(
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
    )
    for program, service_kind, pid, eid, gid in conn.execute(enr.execution_options(yield_per=20_000)):
        ident = pmap.get(pid) or ids.person(conn, pid)
        if ident is not None:  # no such person row: not counted (as the full count's join)
            persons.append((program, service_kind, ident))
        if eid is not None:
            enterprise(program, service_kind, eid)
        if gid is not None:
            groups.append((program, service_kind, gid))
    services = select(
        ServiceRecord.program_id, ServiceRecord.service_kind, ServiceRecord.enterprise_id
    ).where(
        ServiceRecord.site_id == site_id,
        ServiceRecord.deleted.is_(False),
        ServiceRecord.day.between(first_day, last_day),
        ServiceRecord.enterprise_id.is_not(None),
    )
    for program, service_kind, eid in conn.execute(services):
        enterprise(program, service_kind, eid)
    products = (
        select(Program.id, Program.service_kind, Product.id)
        .join(Program, Program.id == Product.developed_in_program_id)
        .where(live_program, Product.deleted.is_(False))
    )
    rows["products"].extend((p, k, i) for p, k, i in conn.execute(products))
    reach = SiteReach(position)
    for kind, found in rows.items():
        if not found:
            continue
        reach.kinds[kind] = {r[2] for r in found}
        for program, n in Counter(p for p, _i in {(r[0], r[2]) for r in found}).items():
            reach.programs[(kind, program)] = n
        for service_kind in {r[1] for r in found}:
            reach.service_kinds[(kind, service_kind)] = {r[2] for r in found if r[1] == service_kind}
    return reach
