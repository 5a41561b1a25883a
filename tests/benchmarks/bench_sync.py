"""Sync benchmarks (marked `benchmark`, not in the default run). Each prints JSON lines.

    flock /work/bench.lock python -m pytest tests/benchmarks/bench_sync.py -m benchmark -s -p no:cacheprovider
    DIPDESK_BENCH_PARTICIPANTS=7000   demo size (7,000 people ≈ 53,000 site rows, the issue's "50k-row site")
    DIPDESK_BENCH_RUNS=5              runs per tree (alternated: before, after, before, after…)
    DIPDESK_BENCH_BEFORE=/tmp/x       a checkout of the code to compare with (the baseline, measured in the
                                      same run); without it only this tree is measured
    DIPDESK_BENCH_BACKENDS=sqlite,pg  server back ends (pg needs DIPDESK_TEST_PG_URL)

Every measurement is a fresh process (`sync_first_run.py`) with a fresh server process and, for the
emulated link, the link emulator in a process of its own; the tree measured is the one on its
PYTHONPATH. The demo database is built once, by this tree, and copied for every run.

1. First sync of a demo site over loopback: the upload by the laptop that holds the data and the
   download by a fresh second laptop, each timed from the start of the round the user starts
   (`sync_once`: the snapshot of the never-uploaded rows included) to its end; rows/s each way.
2. The same over an emulated 1 Mbit/s link with 300 ms round trips, then an incremental sync of 100
   changes: elapsed against the floor (bytes on the wire ÷ bandwidth + the round trips the protocol
   must wait for: one per TCP handshake, one for the whole pipelined push stream, one per other
   request; see `sync_first_run.py`).
3. 100 devices syncing at once against the PostgreSQL back end: p50/p99 latency of a round.

A summary line per (bench, tree) gives the median over the runs.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "sync"))  # the sync tests' helpers

from synctest import Device, running_server

from dipdesk.sync.client import sync_once

pytestmark = [pytest.mark.benchmark, pytest.mark.timeout(7200)]

PARTICIPANTS = int(os.environ.get("DIPDESK_BENCH_PARTICIPANTS", "7000"))
RUNS = int(os.environ.get("DIPDESK_BENCH_RUNS", "5"))
BEFORE = os.environ.get("DIPDESK_BENCH_BEFORE", "")
BACKENDS = [b for b in os.environ.get("DIPDESK_BENCH_BACKENDS", "sqlite").split(",") if b]
HERE = Path(__file__).resolve()
TREE = HERE.parents[2]
SITE = "IPC1"


def emit(**fields: Any) -> None:
    print(json.dumps(fields, ensure_ascii=False), flush=True)


def uptime() -> str:
    return Path("/proc/loadavg").read_text().strip() if Path("/proc/loadavg").exists() else ""


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from sqlalchemy import text

    from dipdesk.services.demo import build_demo
    from dipdesk.store.db import open_database
    from dipdesk.sync.protocol import synced_tables

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    eng = open_database(path)
    started = time.perf_counter()
    result = build_demo(eng, site_code=SITE, participants=PARTICIPANTS)
    with eng.begin() as conn:
        conn.execute(text("UPDATE users SET username = username || '_bench'"))
    with eng.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    eng.dispose()
    owned = sum(n for t, n in result.counts.items() if t in synced_tables() and synced_tables()[t].site_owned)
    emit(
        bench="demo_build",
        participants=PARTICIPANTS,
        site_rows=owned,
        seconds=round(time.perf_counter() - started, 1),
    )
    return path


def trees() -> list[tuple[str, Path]]:
    out = [("before", Path(BEFORE))] if BEFORE else []
    return [*out, ("after", TREE)]


def run_once(tree: Path, tag: str, demo: Path, work: Path, *extra: str) -> list[dict[str, Any]]:
    """One fresh process measuring `tree` (its JSON lines)."""
    env = {**os.environ, "PYTHONPATH": str(tree), "QT_QPA_PLATFORM": "offscreen", "PYTHONSAFEPATH": "1"}
    proc = subprocess.run(
        [sys.executable, str(HERE.parent / "sync_first_run.py"), str(demo), str(work), "--tag", tag, *extra],
        env=env,
        capture_output=True,
        text=True,
        timeout=3600,
    )
    if proc.returncode != 0:
        raise AssertionError(f"{tag} run failed:\n{proc.stdout[-2000:]}\n{proc.stderr[-4000:]}")
    lines = [json.loads(x) for x in proc.stdout.splitlines() if x.startswith("{")]
    for line in lines:
        emit(**line)
    return lines


def alternated(
    demo: Path, tmp_path: Path, label: str, *extra: str
) -> dict[tuple[str, str], list[dict[str, Any]]]:
    """`RUNS` runs of each tree, alternated (before, after, before, after…); then the medians."""
    emit(bench=f"{label}_start", runs=RUNS, trees=[str(t) for _, t in trees()], loadavg=uptime())
    results: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for i in range(RUNS):
        for tag, tree in trees() if i % 2 == 0 else list(reversed(trees())):
            for line in run_once(tree, tag, demo, tmp_path / f"{label}-{tag}-{i}", *extra):
                results.setdefault((line["bench"], tag), []).append(line)
    for (bench, tag), lines in sorted(results.items()):
        summary: dict[str, Any] = {"bench": f"{bench}_median", "label": label, "tag": tag, "runs": len(lines)}
        for key in ("rows", "seconds", "rows_per_s", "wire_up", "wire_down", "floor_s", "elapsed_vs_floor"):
            if key in lines[0]:
                summary[key] = statistics.median(x[key] for x in lines)
        summary["seconds_all"] = [x["seconds"] for x in lines]
        emit(**summary)
    emit(bench=f"{label}_end", loadavg=uptime())
    return results


@pytest.mark.parametrize("backend", BACKENDS)
def test_first_sync_over_loopback(demo_file: Path, tmp_path: Path, backend: str) -> None:
    if backend == "pg" and not os.environ.get("DIPDESK_TEST_PG_URL"):
        pytest.skip("needs DIPDESK_TEST_PG_URL")
    results = alternated(demo_file, tmp_path, f"loopback_{backend}", "--backend", backend)
    assert results[("first_sync_upload", "after")] and results[("first_sync_download", "after")]


def test_first_and_incremental_sync_over_a_slow_link(demo_file: Path, tmp_path: Path) -> None:
    extra = ("--rtt-ms", "300", "--bandwidth", "1000000", "--incremental", "100")
    results = alternated(demo_file, tmp_path, "1mbit_300ms", *extra)
    for line in results[("incremental_sync", "after")]:
        assert line["http_requests"] <= 3, line


def test_100_devices_at_once_against_postgresql(tmp_path: Path) -> None:
    from dipdesk.store.reference_data import SITES

    if not os.environ.get("DIPDESK_TEST_PG_URL"):
        pytest.skip("needs DIPDESK_TEST_PG_URL")
    n = int(os.environ.get("DIPDESK_BENCH_DEVICES", "100"))
    sites = [s["code"] for s in SITES]
    with running_server("pg", tmp_path / "pg") as server:
        devs: list[Device] = []
        t0 = time.perf_counter()
        for i in range(n):
            site = sites[i % len(sites)]
            d = Device(tmp_path / f"d{i}.sqlite3", server, f"d{i}")
            if i < len(sites):
                d.first_run(site, f"admin_{site.lower()}")
            d.enroll(site)
            assert d.sync().ok
            devs.append(d)
        emit(bench="pg_100_devices_setup", devices=n, seconds=round(time.perf_counter() - t0, 1))

        from synctest import create_person

        for round_no in range(2):
            for i, d in enumerate(devs):
                for k in range(5):
                    create_person(d, first_name_th=f"คน{round_no}-{i}-{k}")
            latencies: list[float] = [0.0] * n
            errors: list[str] = []
            barrier = threading.Barrier(n)

            def run(
                i: int,
                d: Device,
                barrier: threading.Barrier = barrier,
                latencies: list[float] = latencies,
                errors: list[str] = errors,
            ) -> None:
                barrier.wait()
                t = time.perf_counter()
                r = sync_once(d.engine)
                latencies[i] = time.perf_counter() - t
                if not r.ok:
                    errors.append(r.error)

            threads = [threading.Thread(target=run, args=(i, d)) for i, d in enumerate(devs)]
            t0 = time.perf_counter()
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            wall = time.perf_counter() - t0
            q = statistics.quantiles(latencies, n=100)
            emit(
                bench="pg_concurrent_round",
                devices=n,
                changes_per_device=10,
                round=round_no,
                p50_s=round(statistics.median(latencies), 3),
                p99_s=round(q[98], 3),
                max_s=round(max(latencies), 3),
                wall_s=round(wall, 2),
                errors=len(errors),
            )
            assert not errors, errors[:3]
        for d in devs:  # then go quiet: everyone takes the others' changes
            assert d.sync().ok
        for d in devs[:: max(1, n // 10)]:
            d.assert_converged()
        for d in devs:
            d.close()
