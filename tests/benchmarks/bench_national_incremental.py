"""Benchmark: the server's national KPI before (one count over every site) and after (kept site by site,
`dipdesk.sync.server.national_incremental`), in the same run, each measured in fresh processes.

    DIPDESK_TEST_PG_URL=postgresql+psycopg://postgres@127.0.0.1:5432/test \\
        python -m pytest tests/benchmarks/bench_national_incremental.py -m benchmark -s -p no:cacheprovider
    DIPDESK_BENCH_NATIONAL_PEOPLE=100000   (people per center; 11 centers)
    DIPDESK_BENCH_RUNS=5                   (fresh processes per measurement; the median is reported)

The database is the one of `bench_national.py` (11 centers × N people, one in ten trained at two centers
under one national ID), built once. Each fresh process measures one of:
- `before`: `national.compute` (the full count; what every change cost until now);
- `after`: `Incremental.compute` cold (a server just started), then one sync round's worth of change at
  one center (a new person enrolled, logged), then the incremental recount, then a request with nothing
  moved.
Prints one JSON line per process and a summary line with the medians.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
FY = 2569


def measure(mode: str, url: str, run: int) -> dict[str, Any]:
    from sqlalchemy import insert, select

    from dipdesk.store.base import utcnow
    from dipdesk.store.enrollment import Enrollment
    from dipdesk.store.people import Person
    from dipdesk.store.programs import Activity
    from dipdesk.store.reference import Site
    from dipdesk.store.sync import CHANGES
    from dipdesk.sync.server.db import connect
    from dipdesk.sync.server.national import compute
    from dipdesk.sync.server.national_incremental import Incremental

    db = connect(url, migrate=False)
    out: dict[str, Any] = {"bench": "national_kpi_incremental", "mode": mode, "run": run}
    try:
        if mode == "before":
            with db.read.connect() as conn:
                t0 = time.perf_counter()
                figures = compute(conn, FY)
                out["full_s"] = round(time.perf_counter() - t0, 3)
            out["persons"] = figures["total"]["persons"]
            return out
        engine = Incremental()
        with db.read.connect() as conn:
            t0 = time.perf_counter()
            figures = engine.compute(conn, FY)
            out["cold_s"] = round(time.perf_counter() - t0, 3)
        out["persons"] = figures["total"]["persons"]
        with db.write.begin() as conn:  # one sync round at one center: a new person enrolled
            centers = list(
                conn.execute(select(Site.id).where(Site.kind == "center").order_by(Site.center_no)).scalars()
            )
            site = centers[run % len(centers)]
            activity = conn.execute(select(Activity.id).where(Activity.site_id == site).limit(1)).scalar()
            pid, eid, now = str(uuid.uuid4()), str(uuid.uuid4()), utcnow()
            stamp = {"created_at": now, "updated_at": now}
            conn.execute(insert(Person).values(id=pid, site_id=site, first_name_th="ใหม่", **stamp))
            conn.execute(
                insert(Enrollment).values(
                    id=eid, site_id=site, activity_id=activity, person_id=pid, status="enrolled", **stamp
                )
            )
            conn.execute(
                insert(CHANGES),
                [
                    {"table_name": "people", "record_id": pid, "site_id": site, "fields": {"id": pid}},
                    {"table_name": "enrollments", "record_id": eid, "site_id": site, "fields": {"id": eid}},
                ],
            )
        with db.read.connect() as conn:
            t1 = time.perf_counter()
            after = engine.compute(conn, FY)
            out["incremental_s"] = round(time.perf_counter() - t1, 3)
            out["recounted_sites"] = len(engine.recounted)
            t2 = time.perf_counter()
            engine.compute(conn, FY)
            out["unchanged_s"] = round(time.perf_counter() - t2, 3)
        assert after["total"]["persons"] == figures["total"]["persons"] + 1
        return out
    finally:
        db.dispose()


def _fresh(mode: str, url: str, run: int) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(
        [sys.executable, str(Path(__file__)), mode, url, str(run)],
        capture_output=True,
        text=True,
        env=env,
        timeout=3600,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    line: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    print(json.dumps(line), flush=True)
    return line


@pytest.mark.benchmark
@pytest.mark.timeout(7200)
def test_national_kpi_before_and_after() -> None:
    sys.path.insert(0, str(ROOT / "tests" / "sync"))
    from synctest import PG_URL, pg_schema

    from dipdesk.sync.server.db import connect, prepare
    from tests.benchmarks import bench_national

    if not PG_URL:
        pytest.skip("needs DIPDESK_TEST_PG_URL (the benchmark is of the PostgreSQL server)")
    runs = int(os.environ.get("DIPDESK_BENCH_RUNS", "5"))
    with pg_schema() as url:
        db = connect(url)
        prepare(db)
        t0 = time.perf_counter()
        with db.write.begin() as conn:
            distinct = bench_national._build(conn)
        with db.write.connect() as conn:
            conn.exec_driver_sql("ANALYZE")
            conn.commit()
        db.dispose()
        built = round(time.perf_counter() - t0, 1)
        before = [_fresh("before", url, i) for i in range(runs)]
        after = [_fresh("after", url, i) for i in range(runs)]
    assert before[0]["persons"] == distinct
    summary = {
        "bench": "national_kpi_incremental",
        "summary": True,
        "backend": "pg",
        "centers": 11,
        "people_per_center": bench_national.PEOPLE,
        "distinct_persons": distinct,
        "runs": runs,
        "build_s": built,
        "before_full_median_s": statistics.median(r["full_s"] for r in before),
        "after_cold_median_s": statistics.median(r["cold_s"] for r in after),
        "after_incremental_median_s": statistics.median(r["incremental_s"] for r in after),
        "after_unchanged_median_s": statistics.median(r["unchanged_s"] for r in after),
        "recounted_sites": [r["recounted_sites"] for r in after],
    }
    print(json.dumps(summary), flush=True)


if __name__ == "__main__":
    print(json.dumps(measure(sys.argv[1], sys.argv[2], int(sys.argv[3]))))
