"""A server that scales out on PostgreSQL (issue 12 item 3): sync-round latency of 100 devices, and the
server's rows/s per core, for each way of running the server, before and after.

    DIPDESK_TEST_PG_URL=postgresql+psycopg://postgres@127.0.0.1:5432/test \\
        python -m pytest tests/benchmarks/bench_parallel_push.py -m benchmark -s -p no:cacheprovider
    DIPDESK_BENCH_DEVICES=100  DIPDESK_BENCH_CHANGES=10  DIPDESK_BENCH_ROUNDS=5
    DIPDESK_BENCH_CLIENTS=4    DIPDESK_BENCH_SPREAD=10   DIPDESK_BENCH_BEFORE=/path/to/old/checkout

100 devices (the department's 24 sites, about four devices each) each make 10 changes, then sync once; a
round's latency is one device's `sync_once`, start to end (push, pull, national figures). The devices run
in `DIPDESK_BENCH_CLIENTS` client processes (`sync_clients.py`, 25 devices each, a thread per device), none
of them the server's, so no single client process is the bottleneck. Two arrival patterns:

- `burst`: all 100 start in the same instant (what the app did before it spread its rounds: every office's
  network returning together, every office opening at 8:30, and their 15-minute timers then in phase);
- `spread`: each starts at a random moment within `DIPDESK_BENCH_SPREAD` seconds, drawn by the app's own
  rule (`dipdesk.sync.backoff.spread`, default its `SHARED_EVENT_SPREAD_SECONDS`): what the server sees
  now from devices given a reason to sync at one instant, and from devices on their jittered timers.

Server configurations (the same devices and database, one after the other, alternated round by round):
`global-w1` (`DIPDESK_SERVER_GLOBAL_PUSH_LOCK=1`: one push at a time, the baseline) and `site-w1`,
`site-w2`, `site-w4` (a push holds its site's lock; `serve --workers N`). With `DIPDESK_BENCH_BEFORE`
every configuration runs also with the server code of that checkout (`code=before`) in the same run.

CPU is measured with psutil on the process trees (reaped children included): the server's processes,
PostgreSQL's (the whole cluster: its background writers belong to the load too; another user of the same
cluster would count here as well) and the client processes'. rows/s per core = rows / CPU seconds.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import psutil
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "sync"))  # the sync tests' helpers

from synctest import Device, Server, free_port, pg_schema

pytestmark = [pytest.mark.benchmark, pytest.mark.timeout(4 * 3600)]

CONFIGS = [("global", 1), ("site", 1), ("site", 2), ("site", 4)]
CLIENT = Path(__file__).with_name("sync_clients.py")


def emit(**fields: Any) -> None:
    print(json.dumps(fields, ensure_ascii=False), flush=True)


def tree_cpu(pid: int) -> float:
    """CPU seconds (user + system) of a process and all its descendants, the exited ones included."""
    try:
        procs = [psutil.Process(pid)]
        procs += procs[0].children(recursive=True)
    except psutil.NoSuchProcess:
        return 0.0
    total = 0.0
    for p in procs:
        try:
            t = p.cpu_times()
        except psutil.NoSuchProcess:
            continue
        total += t.user + t.system + t.children_user + t.children_system
    return total


def postmaster_pid() -> int | None:
    for p in psutil.process_iter(["name", "ppid"]):
        if p.info["name"] in ("postgres", "postmaster"):
            try:
                if psutil.Process(p.info["ppid"]).name() not in ("postgres", "postmaster"):
                    return int(p.pid)
            except psutil.NoSuchProcess:
                continue
    return None


def pct(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def _profile(pid: int, stem: Path) -> subprocess.Popen[bytes] | None:
    """With DIPDESK_BENCH_PYSPY=FOLDER: py-spy samples the server's processes during the round (collapsed
    stacks in FOLDER, one file per configuration and round)."""
    folder = os.environ.get("DIPDESK_BENCH_PYSPY")
    if not folder:
        return None
    out = Path(folder) / f"{stem.name}.txt"
    cmd = ["py-spy", "record", "--pid", str(pid), "--subprocesses", "--format", "raw", "-r", "200", "--gil"]
    spy = subprocess.Popen([*cmd, "--output", str(out)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.0)
    return spy


class Clients:
    """The client processes, each holding its share of the devices for the whole run."""

    def __init__(self, devices: list[tuple[str, str]], processes: int, log: Path) -> None:
        self.shares = [devices[i::processes] for i in range(processes)]
        self.procs = [
            subprocess.Popen(
                [sys.executable, str(CLIENT), json.dumps(share)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=log.open("ab"),
                text=True,
                env={**os.environ},
            )
            for share in self.shares
        ]

    def _send(self, i: int, cmd: dict[str, Any]) -> None:
        stdin = self.procs[i].stdin
        assert stdin is not None
        stdin.write(json.dumps(cmd) + "\n")
        stdin.flush()

    def _answer(self, i: int) -> str:
        stdout = self.procs[i].stdout
        assert stdout is not None
        line = stdout.readline()
        if not line:
            raise RuntimeError(f"client process {i} ended (see the clients' log)")
        return line

    def prepare(self, url: str, changes: int, serial: int, offsets: dict[str, float]) -> int:
        for i, share in enumerate(self.shares):
            cmd = {
                "cmd": "prepare",
                "url": url,
                "changes": changes,
                "serial": serial,
                "offsets": [offsets[name] for _, name in share],
            }
            self._send(i, cmd)
            serial += len(share) * changes
        for i in range(len(self.procs)):
            assert self._answer(i).strip() == "ready"
        return serial

    def go(self) -> tuple[dict[str, Any], float]:
        epoch = time.time() + 0.5
        for i in range(len(self.procs)):
            self._send(i, {"cmd": "go", "epoch": epoch})
        merged: dict[str, Any] = {"latency_s": [], "pushed": 0, "pulled": 0, "errors": [], "cpu_s": 0.0}
        for i in range(len(self.procs)):
            part = json.loads(self._answer(i))
            merged["latency_s"] += part["latency_s"]
            merged["pushed"] += sum(part["pushed"])
            merged["pulled"] += sum(part["pulled"])
            merged["errors"] += part["errors"]
            merged["cpu_s"] += part["cpu_s"]
        return merged, epoch

    def close(self) -> None:
        for i, p in enumerate(self.procs):
            if p.poll() is None:
                self._send(i, {"cmd": "quit"})
        for p in self.procs:
            try:
                p.wait(30)
            except subprocess.TimeoutExpired:
                p.kill()


def test_parallel_pushes_before_and_after(tmp_path: Path) -> None:
    from dipdesk.store.reference_data import SITES

    if not os.environ.get("DIPDESK_TEST_PG_URL"):
        pytest.skip("needs DIPDESK_TEST_PG_URL (PostgreSQL)")
    n = int(os.environ.get("DIPDESK_BENCH_DEVICES", "100"))
    changes = int(os.environ.get("DIPDESK_BENCH_CHANGES", "10"))
    rounds = int(os.environ.get("DIPDESK_BENCH_ROUNDS", "5"))
    processes = int(os.environ.get("DIPDESK_BENCH_CLIENTS", "4"))
    from dipdesk.sync import backoff

    spread = float(os.environ.get("DIPDESK_BENCH_SPREAD", str(backoff.SHARED_EVENT_SPREAD_SECONDS)))
    before = os.environ.get("DIPDESK_BENCH_BEFORE", "")
    only = os.environ.get("DIPDESK_BENCH_ONLY", "")  # e.g. "site-w1" (a quick look at one configuration)
    codes = [("after", str(Path(__file__).resolve().parents[2]))] + ([("before", before)] if before else [])
    modes = [("burst", 0.0), ("spread", spread)]
    sites = [s["code"] for s in SITES]
    pg = postmaster_pid()
    with pg_schema() as db:
        setup = Server(backend="pg", db=db, port=free_port(), log=tmp_path / "setup.log").start()
        named: list[tuple[str, str]] = []
        t0 = time.perf_counter()
        try:
            for i in range(n):
                site = sites[i % len(sites)]
                d = Device(tmp_path / f"d{i}.sqlite3", setup, f"d{i}")
                if i < len(sites):
                    d.first_run(site, f"admin_{site.lower()}")
                d.enroll(site)
                assert d.sync().ok
                d.close()
                named.append((str(d.path), d.name))
        finally:
            setup.stop()
        emit(bench="parallel_push_setup", devices=n, seconds=round(time.perf_counter() - t0, 1))

        clients = Clients(named, processes, tmp_path / "clients.log")
        results: dict[str, list[dict[str, Any]]] = {}
        serial = 0
        rng = random.Random(12)
        try:
            for round_no in range(rounds):
                plan = [
                    (code, path, lock, workers, mode, width)
                    for code, path in codes
                    for lock, workers in CONFIGS
                    for mode, width in modes
                    if not only or only == f"{lock}-w{workers}"
                ]
                rng.shuffle(plan)  # alternated: the machine's load touches all configurations alike
                for code, path, lock, workers, mode, width in plan:
                    name = f"{code}:{lock}-w{workers}:{mode}"
                    env = {
                        "DIPDESK_SERVER_GLOBAL_PUSH_LOCK": "1" if lock == "global" else "0",
                        "PYTHONPATH": path,
                    }
                    server = Server(
                        backend="pg",
                        db=db,
                        port=free_port(),
                        log=tmp_path / f"{code}-{lock}-{workers}.log",
                        env=env,
                        args=["--workers", str(workers)],
                    ).start()
                    try:
                        # warm-up round, not measured: each worker process does its one-time work (the
                        # national figures' cold count over every person, compiled statements) first,
                        # as a server that runs for days has; the database grows by 1,000 people a round
                        serial = clients.prepare(server.url, 0, serial, {dev: 0.0 for _, dev in named})
                        clients.go()
                        offsets = {dev: backoff.spread(width, rng=rng) for _, dev in named}
                        serial = clients.prepare(server.url, changes, serial, offsets)
                        assert server.proc is not None
                        time.sleep(0.5)  # the workers' start-up is over
                        spy = _profile(
                            server.proc.pid, tmp_path / f"{code}-{lock}-{workers}-{mode}-{round_no}"
                        )
                        s0, p0 = tree_cpu(server.proc.pid), tree_cpu(pg) if pg else 0.0
                        m0 = psutil.cpu_times()
                        got, epoch = clients.go()
                        wall = time.time() - epoch
                        s1, p1 = tree_cpu(server.proc.pid), tree_cpu(pg) if pg else 0.0
                        m1 = psutil.cpu_times()
                        if spy is not None:
                            spy.send_signal(2)
                            spy.wait(60)
                    finally:
                        server.stop()
                    assert not got["errors"], got["errors"][:3]
                    assert got["pushed"] >= n * changes, got["pushed"]  # a new person and its audit entry
                    lat = got["latency_s"]
                    busy = (m1.user + m1.system + m1.nice) - (m0.user + m0.system + m0.nice)
                    server_cpu, pg_cpu = s1 - s0, p1 - p0
                    row = {
                        "p50_s": round(statistics.median(lat), 3),
                        "p99_s": round(pct(lat, 99), 3),
                        "max_s": round(max(lat), 3),
                        "wall_s": round(wall, 2),
                        "pushed": got["pushed"],
                        "pulled": got["pulled"],
                        "server_cpu_s": round(server_cpu, 2),
                        "pg_cpu_s": round(pg_cpu, 2),
                        "client_cpu_s": round(got["cpu_s"], 2),
                        "machine_busy_s": round(busy, 2),
                        "server_rows_per_cpu_s": round((got["pushed"] + got["pulled"]) / server_cpu, 1),
                        "server_pg_rows_per_cpu_s": round(
                            (got["pushed"] + got["pulled"]) / (server_cpu + pg_cpu), 1
                        ),
                    }
                    row_all = {**row, "latencies": lat}
                    results.setdefault(name, []).append(row_all)
                    emit(bench="parallel_push_round", config=name, round=round_no, devices=n, **row)
        finally:
            clients.close()
        for name, rows in sorted(results.items()):
            pooled = [x for r in rows for x in r["latencies"]]

            def med(key: str, rows: list[dict[str, Any]] = rows) -> float:
                return round(statistics.median(r[key] for r in rows), 3)

            emit(
                bench="parallel_push_summary",
                config=name,
                devices=n,
                changes_per_device=changes,
                client_processes=processes,
                rounds=len(rows),
                p50_s=med("p50_s"),
                p99_s=med("p99_s"),
                max_s=med("max_s"),
                pooled_p99_s=round(pct(pooled, 99), 3),
                server_cpu_s=med("server_cpu_s"),
                pg_cpu_s=med("pg_cpu_s"),
                client_cpu_s=med("client_cpu_s"),
                machine_busy_s=med("machine_busy_s"),
                wall_s=med("wall_s"),
                server_rows_per_cpu_s=med("server_rows_per_cpu_s"),
                server_pg_rows_per_cpu_s=med("server_pg_rows_per_cpu_s"),
            )
