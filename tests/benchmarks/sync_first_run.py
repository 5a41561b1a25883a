"""One first sync, measured in a fresh process (run by `bench_sync.py`, once per tree and run):

    python tests/benchmarks/sync_first_run.py DEMO.sqlite3 WORKDIR [--backend sqlite|pg]
        [--rtt-ms 300 --bandwidth 1000000] [--profile DIR] [--incremental 100]

The code measured is whatever `dipdesk` PYTHONPATH points at (the server process inherits it), so the
same script measures the tree before a change and after it. The harness (these helpers, the link
emulator) is the same for both.

1. A real server process (`dipdesk.sync.server.cli serve`) on a fresh database (SQLite file, or a fresh
   PostgreSQL schema), and, for an emulated link, the emulator in a process of its own.
2. Upload: laptop A holds the demo site's data (a copy of DEMO), enrols, and runs one `sync_once`, the
   round the user starts: the snapshot of the never-uploaded rows, the pushes, the pull and the rest.
   Timed from the call to its return.
3. Download: a fresh laptop B of the same site enrols and runs one `sync_once`, timed the same way.

Prints one JSON line per direction: rows, seconds, rows/s, bytes on the wire (counted by the emulator
when there is one, else by the client), HTTP requests by kind, and for an emulated link the floor:
bytes ÷ bandwidth plus the round trips the protocol has to wait for, which are one per TCP handshake,
one for the whole push stream (batches are pipelined: only the last answer is waited for), and one per
other request (each pull needs the cursor of the answer before it; the rest are one-off requests).
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import gzip
import json
import os
import shutil
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "sync"))  # the sync tests' helpers

from linkemu import LinkProcess
from synctest import Device, running_server

SITE = "IPC1"


def emit(**fields: Any) -> None:
    print(json.dumps(fields, ensure_ascii=False), flush=True)


class Requests:
    """Counts the client's HTTP requests by path (the protocol's round trips), without timing anything."""

    def __init__(self) -> None:
        self.by_path: Counter[str] = Counter()

    @contextlib.contextmanager
    def counting(self) -> Iterator[Requests]:
        from dipdesk.sync.transport import Transport

        original = Transport._send
        by_path = self.by_path

        def send(tx: Transport, method: str, path: str, **kw: Any) -> Any:
            by_path[path.split("?")[0]] += 1
            return original(tx, method, path, **kw)

        Transport._send = send  # type: ignore[method-assign]
        try:
            yield self
        finally:
            Transport._send = original  # type: ignore[method-assign]

    def waited_for(self) -> int:
        """Round trips the protocol has to wait for: the push stream counts once (pipelined)."""
        pushes = self.by_path.get("/api/v1/push", 0)
        return sum(self.by_path.values()) - pushes + (1 if pushes else 0)


def gzip_json_size(device: Device) -> int:
    """This site's rows as one JSON document ([{column: value}, …] per table), gzip level 6."""
    from sqlalchemy import select

    from dipdesk.sync.protocol import encode_row, synced_tables

    site_id = device.scalar("SELECT value FROM local_state WHERE key = 'site_id'")
    doc: dict[str, list[dict[str, Any]]] = {}
    with device.engine.connect() as conn:
        for name, info in synced_tables().items():
            if info.site_owned:
                t = info.table
                doc[name] = [
                    encode_row(info, r)
                    for r in conn.execute(select(t).where(t.c.site_id == site_id)).mappings()
                ]
    raw = json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode()
    return len(gzip.compress(raw, 6))


def timed_round(
    device: Device, url: str, link: LinkProcess | None, profile: Path | None
) -> tuple[Any, float, Requests, tuple[int, int, int]]:
    from dipdesk.sync.client import sync_once

    before = link.stats if link else None
    requests = Requests()
    prof = cProfile.Profile() if profile else None
    with requests.counting():
        t0 = time.perf_counter()
        if prof:
            prof.enable()
        report = sync_once(device.engine, server_url=url)
        if prof:
            prof.disable()
        elapsed = time.perf_counter() - t0
    if prof and profile:
        prof.dump_stats(str(profile))
    assert report.ok, report.error
    if link and before:
        after = link.stats
        wire = (after.bytes_up - before.bytes_up, after.bytes_down - before.bytes_down)
        conns = after.connections - before.connections
    else:
        wire, conns = (report.bytes_up, report.bytes_down), 0
    return report, elapsed, requests, (wire[0], wire[1], conns)


def line(
    bench: str, rows: int, elapsed: float, requests: Requests, wire: tuple[int, int, int], args: Any
) -> dict[str, Any]:
    up, down, conns = wire
    out: dict[str, Any] = {
        "bench": bench,
        "backend": args.backend,
        "rows": rows,
        "seconds": round(elapsed, 3),
        "rows_per_s": round(rows / elapsed),
        "wire_up": up,
        "wire_down": down,
        "requests": dict(requests.by_path),
    }
    if args.bandwidth:
        waits = conns + requests.waited_for()
        floor = (up + down) * 8 / args.bandwidth + waits * args.rtt_ms / 1000
        out.update(
            tcp_handshakes=conns,
            round_trips_waited=waits,
            floor_s=round(floor, 2),
            elapsed_vs_floor=round(elapsed / floor, 3),
        )
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("demo", type=Path)
    parser.add_argument("workdir", type=Path)
    parser.add_argument("--backend", choices=["sqlite", "pg"], default="sqlite")
    parser.add_argument("--rtt-ms", type=float, default=0.0)
    parser.add_argument("--bandwidth", type=float, default=0.0)
    parser.add_argument("--profile", type=Path, default=None, help="write cProfile stats of each round here")
    parser.add_argument("--spy", type=Path, default=None, help="sample the server with py-spy into this file")
    parser.add_argument("--incremental", type=int, default=0, help="then edit this many people and sync")
    parser.add_argument("--tag", default="", help="copied into every line (e.g. before / after)")
    args = parser.parse_args(argv)
    # the server process must run the tree measured (on PYTHONPATH): `python -m` would otherwise put the
    # working folder first, and a benchmark run from a checkout measured that checkout's server for
    # every tree (the "before" upload ran the new server)
    os.environ["PYTHONSAFEPATH"] = "1"
    emulated = bool(args.rtt_ms or args.bandwidth)
    args.workdir.mkdir(parents=True, exist_ok=True)
    import dipdesk

    tag = {"tag": args.tag, "code": str(Path(dipdesk.__file__).parents[1])}
    with running_server(args.backend, args.workdir / "server") as server:
        spy = None
        if args.spy:  # py-spy (pip install py-spy), collapsed stacks of the server process
            import subprocess

            assert server.proc is not None
            cmd = ["py-spy", "record", "--format", "raw", "-r", "50", "-o", str(args.spy)]
            spy = subprocess.Popen([*cmd, "--pid", str(server.proc.pid)], stdout=subprocess.DEVNULL)
        link = (
            LinkProcess(server.port, rtt_ms=args.rtt_ms, bandwidth_bps=args.bandwidth) if emulated else None
        )
        with link or contextlib.nullcontext():
            url = link.url if link else server.url
            a_path = args.workdir / "a.sqlite3"
            shutil.copyfile(args.demo, a_path)
            a = Device(a_path, server, "a")
            a.enroll(SITE)
            baseline = gzip_json_size(a)
            prof = args.profile / "upload.prof" if args.profile else None
            report, elapsed, requests, wire = timed_round(a, url, link, prof)
            out = line("first_sync_upload", report.pushed, elapsed, requests, wire, args)
            out.update(snapshot_rows=report.snapshot, gzip_json_bytes=baseline, **tag)
            emit(**out)

            b = Device(args.workdir / "b.sqlite3", server, "b")
            b.enroll(SITE)
            prof = args.profile / "download.prof" if args.profile else None
            report, elapsed, requests, wire = timed_round(b, url, link, prof)
            out = line("first_sync_download", report.pulled, elapsed, requests, wire, args)
            out.update(gzip_json_bytes=baseline, **tag)
            emit(**out)
            b.assert_converged()

            if args.incremental:
                from dipdesk.services import records
                from dipdesk.services.context import system_context
                from dipdesk.store.people import Person

                with a.ctx() as s:
                    ctx = system_context(s)
                    people = s.query(Person).order_by(Person.id).limit(args.incremental).all()
                    for i, p in enumerate(people):
                        records.update(ctx, p, phone=f"08{i:08d}")
                report, elapsed, requests, wire = timed_round(a, url, link, None)
                out = line("incremental_sync", report.pushed, elapsed, requests, wire, args)
                out.update(changes=args.incremental, http_requests=report.round_trips, **tag)
                emit(**out)
            a.assert_converged()
            a.close()
            b.close()
        if spy is not None:
            import signal

            spy.send_signal(signal.SIGINT)
            spy.wait(30)


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    main()
