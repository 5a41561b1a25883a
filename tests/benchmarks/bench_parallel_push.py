"""Parallel pushes on PostgreSQL (issue 12 item 3): p99 of a sync round and server rows/s, before and after.

    DIPDESK_TEST_PG_URL=postgresql+psycopg://postgres@127.0.0.1:5432/test \\
        python -m pytest tests/benchmarks/bench_parallel_push.py -m benchmark -s -p no:cacheprovider
    DIPDESK_BENCH_DEVICES=100  DIPDESK_BENCH_CHANGES=10  DIPDESK_BENCH_ROUNDS=3

100 devices (the department's 24 sites, about four devices each; this test process is their client, the
server runs in processes of its own) each make 10 changes, then all sync at once; a round's latency is
one device's `sync_once`, start to end. The same devices and the same database are served, one after
the other, by:

- `global`: the baseline of the same run, `DIPDESK_SERVER_GLOBAL_PUSH_LOCK=1` (one push at a time, the
  log lock held for each push's whole transaction, as before);
- `site`: the new locking (a push holds its site's lock; only the append to the log and the commit take
  turns), with `--workers` 1, 2 and 4.

Each configuration runs `DIPDESK_BENCH_ROUNDS` rounds (alternating the configurations round by round,
so the load of the machine touches all alike) and prints one JSON line per round and a summary per
configuration: p50/p99/max latency, pushed rows/s over the round's wall time, and the server processes'
CPU seconds (so rows/s per core = rows / CPU seconds).
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "sync"))  # the sync tests' helpers

from synctest import Device, Server, create_person, free_port, pg_schema

from dipdesk.sync.client import sync_once

pytestmark = [pytest.mark.benchmark, pytest.mark.timeout(7200)]

CONFIGS = [("global", 1), ("site", 1), ("site", 2), ("site", 4)]


def emit(**fields: Any) -> None:
    print(json.dumps(fields, ensure_ascii=False), flush=True)


def _tree_cpu_seconds(pid: int) -> float:
    """CPU seconds (user + system) of a process and its descendants, from /proc."""
    tick = os.sysconf("SC_CLK_TCK")
    parents: dict[int, int] = {}
    times: dict[int, float] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            raw = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        fields = raw[raw.rindex(")") + 2 :].split()
        parents[int(entry)] = int(fields[1])
        times[int(entry)] = (int(fields[11]) + int(fields[12])) / tick
    total, todo = 0.0, [pid]
    while todo:
        p = todo.pop()
        total += times.get(p, 0.0)
        todo += [c for c, parent in parents.items() if parent == p]
    return total


def test_parallel_pushes_before_and_after(tmp_path: Path) -> None:
    from dipdesk.store.reference_data import SITES

    if not os.environ.get("DIPDESK_TEST_PG_URL"):
        pytest.skip("needs DIPDESK_TEST_PG_URL (PostgreSQL)")
    n = int(os.environ.get("DIPDESK_BENCH_DEVICES", "100"))
    changes = int(os.environ.get("DIPDESK_BENCH_CHANGES", "10"))
    rounds = int(os.environ.get("DIPDESK_BENCH_ROUNDS", "3"))
    sites = [s["code"] for s in SITES]
    with pg_schema() as db:
        setup = Server(backend="pg", db=db, port=free_port(), log=tmp_path / "setup.log").start()
        devs: list[Device] = []
        t0 = time.perf_counter()
        try:
            for i in range(n):
                site = sites[i % len(sites)]
                d = Device(tmp_path / f"d{i}.sqlite3", setup, f"d{i}")
                if i < len(sites):
                    d.first_run(site, f"admin_{site.lower()}")
                d.enroll(site)
                assert d.sync().ok
                devs.append(d)
        finally:
            setup.stop()
        emit(bench="parallel_push_setup", devices=n, seconds=round(time.perf_counter() - t0, 1))

        results: dict[str, list[dict[str, float]]] = {}
        serial = 0
        for round_no in range(rounds):
            for lock, workers in CONFIGS:
                name = f"{lock}-w{workers}"
                env = {"DIPDESK_SERVER_GLOBAL_PUSH_LOCK": "1" if lock == "global" else "0"}
                server = Server(
                    backend="pg",
                    db=db,
                    port=free_port(),
                    log=tmp_path / f"{name}.log",
                    env=env,
                    args=["--workers", str(workers)],
                ).start()
                try:
                    for d in devs:
                        for _ in range(changes):
                            serial += 1
                            create_person(d, first_name_th=f"คน{serial}", phone=f"08{serial:08d}")
                    assert server.proc is not None
                    cpu0 = _tree_cpu_seconds(server.proc.pid)
                    latencies = [0.0] * n
                    pulled = [0] * n
                    errors: list[str] = []
                    barrier = threading.Barrier(n)

                    def run(
                        i: int,
                        d: Device,
                        url: str = server.url,
                        barrier: threading.Barrier = barrier,
                        latencies: list[float] = latencies,
                        pulled: list[int] = pulled,
                        errors: list[str] = errors,
                    ) -> None:
                        barrier.wait()
                        t = time.perf_counter()
                        r = sync_once(d.engine, server_url=url, files=False, timeout=120)
                        latencies[i] = time.perf_counter() - t
                        pulled[i] = r.pulled
                        if not r.ok:
                            errors.append(r.error)

                    threads = [threading.Thread(target=run, args=(i, d)) for i, d in enumerate(devs)]
                    t1 = time.perf_counter()
                    for t in threads:
                        t.start()
                    for t in threads:
                        t.join()
                    wall = time.perf_counter() - t1
                    cpu = _tree_cpu_seconds(server.proc.pid) - cpu0
                finally:
                    server.stop()
                assert not errors, errors[:3]
                q = statistics.quantiles(latencies, n=100, method="inclusive")
                row = {
                    "p50_s": round(statistics.median(latencies), 3),
                    "p99_s": round(q[98], 3),
                    "max_s": round(max(latencies), 3),
                    "wall_s": round(wall, 2),
                    "pushed_rows_per_s": round(n * changes / wall, 1),
                    "pulled_rows": sum(pulled),
                    "server_cpu_s": round(cpu, 2),
                    "pushed_rows_per_cpu_s": round(n * changes / cpu, 1) if cpu else None,
                }
                results.setdefault(name, []).append(row)
                emit(
                    bench="parallel_push_round",
                    config=name,
                    round=round_no,
                    devices=n,
                    changes=changes,
                    **row,
                )
        for name, rows in results.items():
            emit(
                bench="parallel_push_summary",
                config=name,
                devices=n,
                changes_per_device=changes,
                rounds=len(rows),
                p99_s_median=round(statistics.median(r["p99_s"] for r in rows), 3),
                p50_s_median=round(statistics.median(r["p50_s"] for r in rows), 3),
                pushed_rows_per_s_median=round(statistics.median(r["pushed_rows_per_s"] for r in rows), 1),
                server_cpu_s_median=round(statistics.median(r["server_cpu_s"] for r in rows), 2),
            )
        for d in devs:
            d.close()
