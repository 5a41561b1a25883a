"""Sync benchmarks (marked `benchmark`, not in the default run). Each prints JSON lines.

    python -m pytest tests/benchmarks/bench_sync.py -m benchmark -s
    DIPDESK_BENCH_PARTICIPANTS=10000   (demo size: 10,000 people ≈ 72,000 site rows)
    DIPDESK_TEST_PG_URL=postgresql+psycopg://postgres@127.0.0.1:5432/test   (for the 100-device run)

1. First sync of a demo site over loopback: upload by the laptop that holds the data (rows/s), then the
   download by a second laptop; bytes on the wire (counted by the link emulator) against the gzip size
   of the same rows as one JSON document.
2. The same over an emulated 1 Mbit/s link with 300 ms round trips: elapsed against the floor
   (bytes on the wire ÷ bandwidth + round trips × RTT, where round trips = HTTP requests + TCP handshakes).
3. An incremental sync of 100 changes over that link: round trips (goal ≤ 3) and time.
4. 100 devices syncing at once against the PostgreSQL back end: p50/p99 latency of a round.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import statistics
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "sync"))  # the sync tests' helpers

from linkemu import Link
from synctest import Device, Server, running_server

from dipdesk.sync import outbox
from dipdesk.sync.client import sync_once
from dipdesk.sync.protocol import encode_row, synced_tables

pytestmark = pytest.mark.benchmark

PARTICIPANTS = int(os.environ.get("DIPDESK_BENCH_PARTICIPANTS", "10000"))
SITE = "IPC1"


def emit(**fields: Any) -> None:
    print(json.dumps(fields, ensure_ascii=False), flush=True)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from sqlalchemy import text

    from dipdesk.services.demo import build_demo
    from dipdesk.store.db import open_database

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    eng = open_database(path)
    started = time.perf_counter()
    result = build_demo(eng, site_code=SITE, participants=PARTICIPANTS)
    with eng.begin() as conn:
        conn.execute(text("UPDATE users SET username = username || '_bench'"))
    eng.dispose()
    owned = sum(n for t, n in result.counts.items() if t in synced_tables() and synced_tables()[t].site_owned)
    emit(
        bench="demo_build",
        participants=PARTICIPANTS,
        site_rows=owned,
        seconds=round(time.perf_counter() - started, 1),
    )
    return path


def copy_device(src: Path, folder: Path, server: Server, name: str) -> Device:
    folder.mkdir(parents=True, exist_ok=True)
    dest = folder / f"{name}.sqlite3"
    shutil.copyfile(src, dest)
    return Device(dest, server, name)


def gzip_json_size(device: Device) -> tuple[int, int]:
    """The same rows as one JSON document ([{column: value}, …] per table), gzip level 6: the baseline."""
    from sqlalchemy import select

    site_id = device.scalar("SELECT value FROM local_state WHERE key = 'site_id'")
    doc: dict[str, list[dict[str, Any]]] = {}
    rows = 0
    with device.engine.connect() as conn:
        for name, info in synced_tables().items():
            if not info.site_owned:
                continue
            t = info.table
            doc[name] = [
                encode_row(info, r) for r in conn.execute(select(t).where(t.c.site_id == site_id)).mappings()
            ]
            rows += len(doc[name])
    raw = json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode()
    return rows, len(gzip.compress(raw, 6))


@pytest.fixture
def sqlite_server(tmp_path: Path) -> Iterator[Server]:
    with running_server("sqlite", tmp_path / "server") as s:
        yield s


def _first_sync(
    demo_file: Path, server: Server, folder: Path, *, rtt_ms: float, bandwidth: float | None, label: str
) -> Device:
    a = copy_device(demo_file, folder, server, "a")
    a.enroll(SITE)
    rows, baseline = gzip_json_size(a)
    t0 = time.perf_counter()
    with a.engine.begin() as conn:
        enqueued = outbox.snapshot(conn, str(a.scalar("SELECT value FROM local_state WHERE key = 'site_id'")))
    snapshot_s = time.perf_counter() - t0
    with Link(server.port, rtt_ms=rtt_ms, bandwidth_bps=bandwidth) as link:
        t0 = time.perf_counter()
        report = sync_once(a.engine, server_url=link.url)
        elapsed = time.perf_counter() - t0
        stats = link.stats
    assert report.ok, report.error
    wire = stats.bytes_up + stats.bytes_down
    out: dict[str, Any] = {
        "bench": f"first_sync_upload_{label}",
        "rows": rows,
        "enqueued": enqueued,
        "snapshot_s": round(snapshot_s, 2),
        "sync_s": round(elapsed, 2),
        "rows_per_s": round(report.pushed / elapsed),
        "wire_bytes": wire,
        "wire_up": stats.bytes_up,
        "wire_down": stats.bytes_down,
        "gzip_json_bytes": baseline,
        "wire_vs_gzip_json": round(wire / baseline, 3),
        "http_requests": report.round_trips,
        "connections": stats.connections,
    }
    if bandwidth:
        floor = wire * 8 / bandwidth + (report.round_trips + stats.connections) * rtt_ms / 1000
        out.update(floor_s=round(floor, 1), elapsed_vs_floor=round(elapsed / floor, 3))
    emit(**out)

    b = Device(folder / "b.sqlite3", server, "b")
    b.enroll(SITE)
    with Link(server.port, rtt_ms=rtt_ms, bandwidth_bps=bandwidth) as link:
        t0 = time.perf_counter()
        report = sync_once(b.engine, server_url=link.url)
        elapsed = time.perf_counter() - t0
        stats = link.stats
    assert report.ok, report.error
    wire = stats.bytes_up + stats.bytes_down
    out = {
        "bench": f"first_sync_download_{label}",
        "rows": report.pulled,
        "sync_s": round(elapsed, 2),
        "rows_per_s": round(report.pulled / elapsed),
        "wire_bytes": wire,
        "gzip_json_bytes": baseline,
        "wire_vs_gzip_json": round(wire / baseline, 3),
        "http_requests": report.round_trips,
        "connections": stats.connections,
    }
    if bandwidth:
        floor = wire * 8 / bandwidth + (report.round_trips + stats.connections) * rtt_ms / 1000
        out.update(floor_s=round(floor, 1), elapsed_vs_floor=round(elapsed / floor, 3))
    emit(**out)
    b.assert_converged()
    b.close()
    return a


def test_first_sync_over_loopback(demo_file: Path, sqlite_server: Server, tmp_path: Path) -> None:
    a = _first_sync(demo_file, sqlite_server, tmp_path / "dev", rtt_ms=0, bandwidth=None, label="loopback")
    a.assert_converged()
    a.close()


def test_first_and_incremental_sync_over_a_slow_link(
    demo_file: Path, sqlite_server: Server, tmp_path: Path
) -> None:
    from dipdesk.services import records
    from dipdesk.services.context import system_context
    from dipdesk.store.people import Person

    a = _first_sync(
        demo_file, sqlite_server, tmp_path / "dev", rtt_ms=300, bandwidth=1_000_000, label="1mbit_300ms"
    )
    with a.ctx() as s:
        ctx = system_context(s)
        people = s.query(Person).order_by(Person.id).limit(100).all()
        for i, p in enumerate(people):
            records.update(ctx, p, phone=f"08{i:08d}")
    with Link(sqlite_server.port, rtt_ms=300, bandwidth_bps=1_000_000) as link:
        t0 = time.perf_counter()
        report = sync_once(a.engine, server_url=link.url)
        elapsed = time.perf_counter() - t0
        stats = link.stats
    assert report.ok, report.error
    wire = stats.bytes_up + stats.bytes_down
    floor = wire * 8 / 1_000_000 + (report.round_trips + stats.connections) * 0.3
    emit(
        bench="incremental_100_changes_1mbit_300ms",
        changes=100,
        outbox_rows=report.pushed,
        http_requests=report.round_trips,
        tcp_handshakes=stats.connections,
        sync_s=round(elapsed, 2),
        wire_bytes=wire,
        floor_s=round(floor, 2),
        elapsed_vs_floor=round(elapsed / floor, 3),
    )
    assert report.round_trips <= 3
    a.assert_converged()
    a.close()


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
