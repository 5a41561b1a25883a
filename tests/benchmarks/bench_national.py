"""Benchmark of the server's national KPI computation (`dipdesk.sync.server.national`), marked `benchmark`.

    DIPDESK_TEST_PG_URL=postgresql+psycopg://postgres@127.0.0.1:5432/test \\
        python -m pytest tests/benchmarks/bench_national.py -m benchmark -s
    DIPDESK_BENCH_NATIONAL_PEOPLE=100000   (people per center; 11 centers)
    DIPDESK_BENCH_NATIONAL_BACKEND=pg|sqlite   (default pg when DIPDESK_TEST_PG_URL is set)

Builds a server database with 11 centers × N people (one in ten also trained at the next center, under the
same national ID), each enrolled in an activity of one of the year's programs (8 per center, one per
service kind), N/10 enterprises, N/20 products and N/10 outcomes per center; then times the full
computation (cold), a second request through the cache with the change log unchanged (the incremental
case), and checks the persons count against the distinct national IDs. Prints one JSON line.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import time
import uuid
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import insert, select

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "sync"))

from synctest import PG_URL, pg_schema

from dipdesk.core.thaiid import make_id
from dipdesk.store.enrollment import Enrollment
from dipdesk.store.outcomes import Outcome
from dipdesk.store.people import Enterprise, Person, Product
from dipdesk.store.programs import SERVICE_KINDS, Activity, Program
from dipdesk.store.reference import Site
from dipdesk.sync.server.db import connect, prepare
from dipdesk.sync.server.national import Cache, compute

pytestmark = pytest.mark.benchmark
PEOPLE = int(os.environ.get("DIPDESK_BENCH_NATIONAL_PEOPLE", "100000"))
FY = 2569
BATCH = 20_000


def _complete(table: Any, rows: list[dict[str, Any]]) -> list[str]:
    """Fill the columns' Python-side defaults (COPY does not apply them); returns the column order."""
    now = dt.datetime(2026, 3, 1)
    fill: dict[str, Any] = {}
    for c in table.columns:
        if c.name in rows[0] or c.default is None:
            continue
        if c.name in ("created_at", "updated_at"):
            fill[c.name] = now
        elif c.default.is_scalar:
            fill[c.name] = c.default.arg
        elif c.default.is_callable:
            fill[c.name] = c.default.arg(None)
    for r in rows:
        r.update(fill)
    return list(rows[0])


def _insert(conn: Any, model: Any, rows: list[dict[str, Any]]) -> None:
    table = model.__table__
    if conn.dialect.name != "postgresql":
        for i in range(0, len(rows), BATCH):
            conn.execute(insert(table), rows[i : i + BATCH])
        return
    cols = _complete(table, rows)
    cur = conn.connection.dbapi_connection.cursor()
    with cur.copy(f"COPY {table.name} ({', '.join(cols)}) FROM STDIN") as copy:
        for r in rows:
            copy.write_row([r[c] for c in cols])


def _build(conn: Any) -> int:
    """Fill the database; returns the number of distinct national IDs reached."""
    sites = conn.execute(
        select(Site.id, Site.code).where(Site.kind == "center").order_by(Site.center_no)
    ).all()
    day = dt.date(2569 - 543, 3, 1)
    nids = [make_id(f"{(i % 8) + 1}{i:011d}") for i in range(len(sites) * PEOPLE)]
    reached: set[str] = set()
    for s_index, site in enumerate(sites):
        programs = [
            {"id": str(uuid.uuid4()), "site_id": site.id, "code": f"{site.code}-P{k}", "name_th": f"โครงการ {kind}",
             "fiscal_year": FY, "service_kind": kind}
            for k, kind in enumerate(SERVICE_KINDS)
        ]  # fmt: skip
        _insert(conn, Program, programs)
        activities = [
            {"id": str(uuid.uuid4()), "site_id": site.id, "program_id": programs[a % 8]["id"],
             "code": f"{site.code}-A{a}", "title_th": f"หลักสูตร {a}", "start_date": day, "end_date": day}
            for a in range(40)
        ]  # fmt: skip
        _insert(conn, Activity, activities)
        n_ent = PEOPLE // 10
        enterprises = [
            {"id": str(uuid.uuid4()), "site_id": site.id, "code": f"{site.code}-E{e:06d}", "name_th": f"กิจการ {e}",
             "registration_id": make_id(f"0{s_index:02d}{e:09d}")}
            for e in range(n_ent)
        ]  # fmt: skip
        _insert(conn, Enterprise, enterprises)
        base = s_index * PEOPLE
        people, enrollments = [], []
        for i in range(PEOPLE):
            # one in ten is someone the previous center trained too (same national ID)
            nid = nids[base - PEOPLE + i] if s_index and i % 10 == 0 else nids[base + i]
            pid = str(uuid.uuid4())
            people.append({"id": pid, "site_id": site.id, "first_name_th": f"คน{i}", "last_name_th": "ทดสอบ",
                           "national_id": nid})  # fmt: skip
            enrollments.append({"id": str(uuid.uuid4()), "site_id": site.id, "activity_id": activities[i % 40]["id"],
                                "person_id": pid, "enterprise_id": enterprises[i % n_ent]["id"],
                                "status": "completed" if i % 3 else "enrolled"})  # fmt: skip
            reached.add(nid)
        _insert(conn, Person, people)
        _insert(conn, Enrollment, enrollments)
        _insert(
            conn,
            Product,
            [
                {
                    "id": str(uuid.uuid4()),
                    "site_id": site.id,
                    "enterprise_id": enterprises[p % n_ent]["id"],
                    "name_th": f"ผลิตภัณฑ์ {p}",
                    "developed_in_program_id": programs[p % 8]["id"],
                }
                for p in range(PEOPLE // 20)
            ],
        )
        _insert(
            conn,
            Outcome,
            [
                {
                    "id": str(uuid.uuid4()),
                    "site_id": site.id,
                    "enterprise_id": enterprises[o]["id"],
                    "program_id": programs[o % 8]["id"],
                    "fiscal_year": FY,
                    "period_start": day,
                    "period_end": day,
                    "revenue_before": 100000,
                    "revenue_after": 150000 + o,
                    "cost_saved": 1000,
                }
                for o in range(n_ent)
            ],
        )
    return len(reached)


@pytest.mark.timeout(3600)
def test_national_kpi_for_eleven_centers(tmp_path: Path) -> None:
    backend = os.environ.get("DIPDESK_BENCH_NATIONAL_BACKEND", "pg" if PG_URL else "sqlite")
    if backend == "pg":
        ctx: Any = pg_schema()
        url = ctx.__enter__()
    else:
        ctx, url = None, str(tmp_path / "server.sqlite3")
    try:
        db = connect(url)
        prepare(db)
        started = time.perf_counter()
        with db.write.begin() as conn:
            expected = _build(conn)
        built = time.perf_counter() - started
        if backend == "pg":
            with db.write.connect() as conn:
                conn.exec_driver_sql("ANALYZE")
                conn.commit()
        with db.read.connect() as conn:
            t0 = time.perf_counter()
            figures = compute(conn, FY)
            cold = time.perf_counter() - t0
            cache = Cache(db.read, wait=3600)
            cache.get(conn, FY)  # computed in the background, waited for
            t1 = time.perf_counter()
            again = cache.get(conn, FY)  # the log did not move: from the cache
            cached = time.perf_counter() - t1
        assert figures["total"]["persons"] == expected
        assert again is not None and again["total"] == figures["total"]
        assert sum(s["persons"] for s in figures["sites"]) == 11 * PEOPLE
        print(
            json.dumps(
                {
                    "bench": "national_kpi",
                    "backend": backend,
                    "centers": 11,
                    "people_per_center": PEOPLE,
                    "enrollments": 11 * PEOPLE,
                    "distinct_persons": expected,
                    "build_s": round(built, 1),
                    "compute_s": round(cold, 3),
                    "cached_s": round(cached, 4),
                }
            )
        )
        db.dispose()
    finally:
        if ctx is not None:
            ctx.__exit__(None, None, None)
