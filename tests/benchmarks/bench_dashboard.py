"""The dashboard (the first screen after log-in) at 10k / 100k / 1M people: fresh processes, medians.

    dipdesk --db out/big10000.sqlite3 demo --participants 10000        # and 100000, 1000000
    python tests/benchmarks/bench_dashboard.py out/big10000.sqlite3 out/big100000.sqlite3 --runs 5
    DIPDESK_BENCH_DASHBOARD_DBS=out/big10000.sqlite3 python -m pytest tests/benchmarks/bench_dashboard.py -m benchmark -s

Each measurement is a fresh Python process (nothing cached in the interpreter; the operating system's
file cache is warm after the first run, as it is for someone who uses the computer every day). Runs
alternate between the databases, scopes and fiscal years, so a busy moment on the shared machine falls on
all of them alike. A child process reports, on its own clock from its first line:

- `kpi_ms`: `services.kpi.kpi_report` alone (a fresh Session, the first query of the process); for the
  scope `national` (the whole department as of the last sync), the page's own `load_national`;
- `figures_ms`: from the start of the process's work (after imports) to the dashboard page having painted
  its figures: the page is built and shown, the report loaded by the page's own worker, `show_data`
  done, and a synchronous repaint of the page;
- `complete_ms`: the same until the rest of the page has painted too (the evidence share card, which its
  own worker loads after the figures);
- `process_ms` (measured by the parent): from spawning the process to the moment it printed its figures
  (imports, Qt, opening the database, the report and the paint).

JSON lines: one per run, then a summary per (database, scope, year) with medians. `--tree DIR` runs
another checkout (e.g. the code before a change) with `PYTHONPATH=DIR`.
Goal (issue 12): < 300 ms (`kpi_ms`) at 1M people for any fiscal year and scope.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

CHILD = r"""
import os, sys, time, json
t0 = time.perf_counter()
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
db_path, scope, year, page_too = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4] == "page"
from PySide6.QtCore import QCoreApplication, QEventLoop
from PySide6.QtWidgets import QApplication
from dipdesk.services import kpi
from dipdesk.settings import Settings
from dipdesk.ui import workers
from dipdesk.ui.db import Database, set_database
from dipdesk.ui.pages import PageEnv
from dipdesk.ui.pages.dashboard import DashboardPage
from dipdesk.ui.state import current_user_from, first_admin
t_imports = time.perf_counter()
app = QApplication(["bench"])
db = Database.open(db_path)
set_database(db)
with db.session() as s:
    user = current_user_from(s, first_admin(s))
env = PageEnv(db, user, Settings(), lang="th")
t1 = time.perf_counter()
if scope == "national":  # the server's figures as of the last sync, as the page reads them
    from dipdesk.ui.pages.national_panel import load_national
    data = load_national(env, None if year == "default" else int(year))
    year_shown, total = data["year"], (data["figures"] or {}).get("total", {})
    persons, enterprises = total.get("persons", 0), total.get("enterprises", 0)
else:
    with db.session() as s:
        report = kpi.kpi_report(s, user.site_id, None if year == "default" else int(year), scope)
    year_shown, persons, enterprises = report.fiscal_year, report.site.counts["persons"], report.site.counts["enterprises"]
kpi_ms = (time.perf_counter() - t1) * 1000
import dipdesk, pathlib
line = {"code": str(pathlib.Path(dipdesk.__file__).resolve().parents[1]), "kpi_ms": round(kpi_ms, 1),
        "figures_ms": None, "complete_ms": None, "imports_ms": round((t_imports - t0) * 1000, 1),
        "year": year_shown, "persons": persons, "enterprises": enterprises}
t2 = time.perf_counter()
if not page_too:
    print(json.dumps(line), flush=True)
    os._exit(0)
page = DashboardPage(env, "Dashboard")
page._scope = scope
page._requested_year = None if year == "default" else int(year)
page.resize(1280, 800)
page.show()
page.ensure_loaded()
while not page.is_ready:
    QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
page.repaint()
line["figures_ms"] = round((time.perf_counter() - t2) * 1000, 1)
assert page.load_error is None, page.load_error
if scope != "national":
    assert page.report.site.counts["persons"] == persons
    # the rest of the page: the evidence share card, loaded by its own worker after the figures
    while not page.evidence.summary.text():
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
    page.repaint()
line["complete_ms"] = round((time.perf_counter() - t2) * 1000, 1)
print(json.dumps(line), flush=True)
workers.cancel_all(); workers.drain(10_000)
os._exit(0)
"""


def run_once(db: str, scope: str, year: str, tree: str | None, page: bool = True) -> dict[str, Any]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=tree or str(CHECKOUT))
    t = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(Path(db).resolve()), scope, year, "page" if page else "kpi"],
        env=env,
        cwd=tree or str(CHECKOUT),  # `python -c` puts the working folder first on sys.path
        capture_output=True,
        text=True,
        timeout=3600,
    )
    process_ms = (time.perf_counter() - t) * 1000
    if out.returncode != 0:
        raise RuntimeError(f"child failed ({out.returncode}): {out.stderr[-2000:]}")
    line = json.loads(out.stdout.strip().splitlines()[-1])
    line["process_ms"] = round(process_ms, 1)
    assert line["code"] == str(Path(tree or CHECKOUT).resolve()), line["code"]  # the code meant to run
    return line


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def bench(
    dbs: list[str], runs: int, years: list[str], scopes: list[str], tree: str | None, page: bool = True
) -> list[dict]:
    cases = [(db, scope, year) for db in dbs for scope in scopes for year in years]
    results: dict[tuple[str, str, str], list[dict[str, Any]]] = {c: [] for c in cases}
    for i in range(runs):
        for case in cases:
            line = run_once(*case, tree, page)
            results[case].append(line)
            print(
                json.dumps(
                    {"run": i + 1, "db": Path(case[0]).name, "scope": case[1], **line, "load": load()}
                ),
                flush=True,
            )
    summary = []
    for (db, scope, _year), lines in results.items():
        s = {
            "summary": "dashboard",
            "db": Path(db).name,
            "scope": scope,
            "year": lines[0]["year"],
            "runs": len(lines),
            "persons": lines[0]["persons"],
            **{
                k: round(statistics.median(x[k] for x in lines), 1) if lines[0][k] is not None else None
                for k in ("kpi_ms", "figures_ms", "complete_ms", "process_ms")
            },
            "tree": tree or "(this checkout)",
            "load": load(),
        }
        print(json.dumps(s), flush=True)
        summary.append(s)
    return summary


CHECKOUT = Path(__file__).resolve().parents[2]
DBS = [p for p in os.environ.get("DIPDESK_BENCH_DASHBOARD_DBS", "").split(",") if p]


@pytest.mark.benchmark
@pytest.mark.skipif(
    not DBS or not all(Path(p).is_file() for p in DBS), reason="set DIPDESK_BENCH_DASHBOARD_DBS"
)
@pytest.mark.timeout(7200)
def test_dashboard_fresh_processes() -> None:
    for s in bench(DBS, 5, ["default", "2568"], ["site", "all", "national"], None):
        assert s["kpi_ms"] > 0


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dbs", nargs="+")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--years", default="default,2568", help="fiscal years (BE), comma-separated; 'default'")
    ap.add_argument("--scopes", default="site,all,national")
    ap.add_argument("--tree", default=None, help="run this checkout's dipdesk (PYTHONPATH) instead")
    ap.add_argument(
        "--kpi-only", action="store_true", help="the service call alone, no page (slow baselines)"
    )
    a = ap.parse_args()
    bench(a.dbs, a.runs, a.years.split(","), a.scopes.split(","), a.tree, not a.kpi_only)
