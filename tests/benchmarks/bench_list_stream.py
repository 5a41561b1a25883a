"""`dipdesk list people --format json|csv --limit 0` at 10k / 100k / 1M people: peak memory and time.

    dipdesk --db out/big10000.sqlite3 demo --participants 10000        # and 100000, 1000000
    python tests/benchmarks/bench_list_stream.py out/big10000.sqlite3 out/big100000.sqlite3 --runs 3
    DIPDESK_BENCH_LIST_DBS=out/big10000.sqlite3,out/big100000.sqlite3 \\
        python -m pytest tests/benchmarks/bench_list_stream.py -m benchmark -s

The listing streams (`services.listing.iter_rows`: rows as SQLite returns them, written one by one), so
its peak memory must not grow with the number of people (issue 12: it was 1.08 GB at a million). Each
run is a fresh `dipdesk` process writing to /dev/null; its peak resident set (`ru_maxrss` of the child,
from `os.wait4`) and wall time are measured, the runs alternating between databases and formats. `--tree
DIR` runs another checkout (`PYTHONPATH=DIR`). JSON lines: one per run, then a summary per (database,
format) with medians, and the ratio of the largest database's peak to the smallest's (flat: close to 1).
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

CHECKOUT = Path(__file__).resolve().parents[2]
FORMATS = ("json", "csv")


def _people(db: str) -> int:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return int(conn.execute("SELECT count(*) FROM people WHERE deleted = 0").fetchone()[0])
    finally:
        conn.close()


def run_once(db: str, fmt: str, tree: str | None) -> dict[str, Any]:
    code = tree or str(CHECKOUT)
    env = dict(os.environ, PYTHONPATH=code)
    argv = [sys.executable, "-m", "dipdesk", "--db", db, "list", "people", "--format", fmt, "--limit", "0"]
    t = time.perf_counter()
    with open(os.devnull, "wb") as sink:
        proc = subprocess.Popen(argv, env=env, cwd=code, stdout=sink, stderr=subprocess.PIPE)
        _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if status != 0:
        raise RuntimeError(f"dipdesk list failed ({status}): {err[-2000:]}")
    return {
        "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
        "wall_s": round(wall, 2),
        "cpu_s": round(usage.ru_utime + usage.ru_stime, 2),
    }


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def bench(dbs: list[str], runs: int, tree: str | None = None) -> list[dict[str, Any]]:
    people = {db: _people(db) for db in dbs}
    results: dict[tuple[str, str], list[dict[str, Any]]] = {(db, f): [] for db in dbs for f in FORMATS}
    for i in range(runs):
        for (db, fmt), lines in results.items():
            line = run_once(db, fmt, tree)
            lines.append(line)
            print(json.dumps({"run": i + 1, "db": Path(db).name, "format": fmt, "people": people[db], **line,
                              "load": _load()}), flush=True)  # fmt: skip
    summary = []
    for (db, fmt), lines in results.items():
        s = {
            "summary": "list_stream",
            "db": Path(db).name,
            "format": fmt,
            "people": people[db],
            "runs": len(lines),
            **{k: statistics.median(x[k] for x in lines) for k in ("peak_rss_mb", "wall_s", "cpu_s")},
            "tree": tree or "(this checkout)",
            "load": _load(),
        }
        print(json.dumps(s), flush=True)
        summary.append(s)
    for fmt in FORMATS:
        mine = sorted((s for s in summary if s["format"] == fmt), key=lambda s: s["people"])
        if len(mine) > 1:
            ratio = mine[-1]["peak_rss_mb"] / mine[0]["peak_rss_mb"]
            print(json.dumps({"summary": "flatness", "format": fmt, "people": [s["people"] for s in mine],
                              "peak_ratio_largest_to_smallest": round(ratio, 2)}), flush=True)  # fmt: skip
    return summary


DBS = [p for p in os.environ.get("DIPDESK_BENCH_LIST_DBS", "").split(",") if p]


@pytest.mark.benchmark
@pytest.mark.skipif(not DBS or not all(Path(p).is_file() for p in DBS), reason="set DIPDESK_BENCH_LIST_DBS")
@pytest.mark.timeout(7200)
def test_list_people_streams_in_flat_memory() -> None:
    summary = bench(DBS, 3)
    for fmt in FORMATS:
        peaks = [s["peak_rss_mb"] for s in sorted(summary, key=lambda s: s["people"]) if s["format"] == fmt]
        assert peaks[-1] < 1.5 * peaks[0] + 20, peaks  # flat: not growing with the number of people


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dbs", nargs="+")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--tree", default=None, help="run this checkout's dipdesk (PYTHONPATH) instead")
    a = ap.parse_args()
    bench([str(Path(d).resolve()) for d in a.dbs], a.runs, a.tree)
