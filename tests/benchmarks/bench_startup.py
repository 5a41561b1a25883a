"""Start-up against a bare PySide6 window, in the same run: fresh processes, alternated, medians.

    python tests/benchmarks/bench_startup.py --runs 7 [--tree /path/to/before --tree .]
    python -m pytest tests/benchmarks/bench_startup.py -m benchmark -s

Three kinds of fresh process, run in turn (bare, dipdesk log-in, dipdesk first run, bare, …), so a busy
moment on the shared machine falls on all of them alike. With several `--tree`s (a "before" checkout and
this one), each kind runs for every tree in turn, so one run compares them under the same load:

- `bare`: `import PySide6.QtWidgets`, a QApplication, an empty 1280×800 QMainWindow shown; the time
  from spawning the process to the window's first paint.
- `login`: `dipdesk --db FILE` on a set-up database (the demo's 2,000 people): from spawning to the
  first paint of the log-in dialog; then the benchmark fills in the user name and password and
  presses Enter in the password field `--typing` seconds after that paint (default 2 s, a quick
  typist; 0 for the worst case). `login_to_main_ms` runs from that key press to the first paint of the
  main window, whose first page (the dashboard) shows its "loading figures" line (the password check,
  the window's construction and its opening included: the whole wait a user feels before the window
  is there); `login_to_filled_ms` runs on to the first paint after that page has filled in its figures.
- `first_run`: `dipdesk --db NEW` on a file that does not exist yet: spawning to the first paint of the
  first-run wizard.

Each tree's `dipdesk` package is byte-compiled first (`compileall`), as an installed dipdesk is: with
PYTHONDONTWRITEBYTECODE set (as on the CI machine) every start would otherwise compile the sources anew,
which no user's start-up does.

The child is the application itself (`dipdesk.ui.app.main`) with an event filter on the QApplication,
created just before dipdesk's own code runs, that notes the first Paint event of each window by class
name (the same filter runs in the bare child, so it costs both sides the same). JSON lines: one per run,
then a summary with medians and the ratios to the bare window. Goals (issues 11 and 12): log-in window
and first-run wizard ≤ 2× the bare window (wizard ≤ 1 s), log-in to main window ≤ 0.5 s and ≤ 2× bare.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest

CHECKOUT = Path(__file__).resolve().parents[2]
PASSWORD = "bench-password-2569"
TYPING_S = 2.0  # from the log-in window's first paint to the click: someone typing a name and a password

CHILD = r"""
import json, os, sys, time
mode, db = sys.argv[1], sys.argv[2]
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget
from PySide6.QtTest import QTest

app = QApplication(["dipdesk"])
seen = {}
def report(**kw):
    print(json.dumps(kw), flush=True)

class Painted(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Paint and isinstance(obj, QWidget):
            win = obj.window()
            if seen.get("await_fill") and win.metaObject().className() == "MainWindow":
                report(filled=time.time()); os._exit(0)
            name = win.metaObject().className()
            if name not in seen and win.isVisible():
                seen[name] = time.time()
                QTimer.singleShot(0, lambda n=name, w=win: on_paint(n, w))
        return False

def on_paint(name, win):
    if mode == "bare" and name == "QMainWindow":
        report(bare=seen[name]); os._exit(0)
    if mode == "first_run" and name == "FirstRunWizard":
        report(first_run=seen[name]); os._exit(0)
    if mode == "login" and name == "LoginDialog":
        report(login=seen[name])
        user = win.findChild(QWidget, "username"); pw = win.findChild(QWidget, "password")
        user.setText("admin"); pw.setText(os.environ["BENCH_PASSWORD"]); pw.setFocus()
        def enter():
            seen["enter"] = time.time()
            QTest.keyClick(pw, Qt.Key.Key_Return)  # what the user does: Enter in the password field
        QTimer.singleShot(int(float(os.environ["BENCH_TYPING_S"]) * 1000), enter)
    if mode == "login" and name == "MainWindow":
        report(enter=seen["enter"], main=seen[name])
        page = win.stack.currentWidget()  # the first page: painted with its loading line, then filled
        if page.is_ready:
            filled()
        else:
            page.ready.connect(filled)

def filled():
    seen["await_fill"] = True
    QTimer.singleShot(2000, lambda: (report(error="no paint after the page filled in"), os._exit(4)))

f = Painted(); app.installEventFilter(f)
if mode == "bare":
    w = QMainWindow(); w.resize(1280, 800); w.show(); app.exec()
else:
    QTimer.singleShot(300_000, lambda: (report(error="timeout", seen=list(seen)), os._exit(3)))
    import dipdesk, pathlib
    report(code=str(pathlib.Path(dipdesk.__file__).resolve().parents[1]))
    from dipdesk.ui.app import main
    code = main(["dipdesk", "--db", db])
    report(error=f"dipdesk exited with {code} before the awaited paint", seen=list(seen)); os._exit(2)
"""


def make_login_db(folder: Path, tree: str | None) -> Path:
    """A demo database (2,000 people) whose administrator's password is known."""
    path = folder / "startup.sqlite3"
    code = (
        "import sys\n"
        "from dipdesk.store.db import open_database, transaction\n"
        "from dipdesk.services.demo import build_demo\n"
        "from dipdesk.services.auth import hash_password\n"
        "from sqlalchemy import text\n"
        "e = open_database(sys.argv[1]); build_demo(e, participants=2000)\n"
        "with e.begin() as c: c.execute(text(\"UPDATE users SET password_hash = :h WHERE username = 'admin'\"),"
        " {'h': hash_password(sys.argv[2])})\n"
    )
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [sys.executable, "-c", code, str(path), PASSWORD],
        env=_env(tree, folder),
        cwd=tree or CHECKOUT,
        check=True,
    )
    return path


def _env(tree: str | None, home: Path) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    env["DIPDESK_HOME"] = str(home / "home")  # settings of its own: Thai, light theme
    env["BENCH_PASSWORD"] = PASSWORD
    env["BENCH_TYPING_S"] = str(TYPING_S)
    env["PYTHONPATH"] = tree or str(CHECKOUT)
    return env


def run_once(mode: str, db: Path, tree: str | None, home: Path) -> dict[str, Any]:
    t0 = time.time()
    out = subprocess.run(
        [sys.executable, "-c", CHILD, mode, str(db)],
        env=_env(tree, home),
        cwd=tree or CHECKOUT,  # `python -c` puts the working folder first on sys.path
        capture_output=True,
        text=True,
        timeout=400,
    )
    lines = [json.loads(x) for x in out.stdout.splitlines() if x.startswith("{")]
    got: dict[str, Any] = {k: v for line in lines for k, v in line.items()}
    if "error" in got or out.returncode != 0:
        raise RuntimeError(f"{mode}: {got} {out.stderr[-1500:]}")
    if "code" in got:
        assert got["code"] == str(Path(tree or CHECKOUT).resolve()), got["code"]  # the code meant to run
    if mode == "bare":
        return {"bare_ms": (got["bare"] - t0) * 1000}
    if mode == "first_run":
        return {"first_run_ms": (got["first_run"] - t0) * 1000}
    return {
        "login_ms": (got["login"] - t0) * 1000,
        # Enter pressed in the password field → first paint of the main window (its first page with
        # its "loading" line), the password check and the window's construction included
        "login_to_main_ms": (got["main"] - got["enter"]) * 1000,
        # … → the first paint after that page has filled in its figures
        "login_to_filled_ms": (got["filled"] - got["enter"]) * 1000,
    }


def bench(runs: int, trees: list[str | None]) -> list[dict[str, Any]]:
    """`runs` rounds; in each, every tree's bare, log-in and first-run processes in turn (the bare
    window is run once per tree and round, so each tree's ratios come from its own neighbours)."""
    folder = Path(tempfile.mkdtemp(prefix="dipdesk-bench-startup-"))
    for tree in trees:  # as installed (pip, the PyInstaller build): byte-compiled, whatever the environment
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(Path(tree or CHECKOUT) / "dipdesk")])
    try:
        dbs = [make_login_db(folder / f"tree{k}", tree) for k, tree in enumerate(trees)]
        results: list[dict[str, list[float]]] = [{} for _ in trees]
        for i in range(runs):
            for mode in ("bare", "login", "first_run"):
                for k, tree in enumerate(trees):
                    home = folder / f"tree{k}"
                    target = dbs[k] if mode == "login" else home / f"new-{i}.sqlite3"
                    line = run_once(mode, target, tree, home)
                    for key, v in line.items():
                        results[k].setdefault(key, []).append(v)
                    print(
                        json.dumps(
                            {
                                "run": i + 1,
                                "tree": tree or "(this checkout)",
                                "mode": mode,
                                **{key: round(v, 1) for key, v in line.items()},
                                "load": _load(),
                            }
                        ),
                        flush=True,
                    )
        summaries = []
        # the bare window is the same program for every tree: all its runs make the one baseline
        bare = round(statistics.median(v for r in results for v in r["bare_ms"]), 1)
        for k, tree in enumerate(trees):
            med = {key: round(statistics.median(v), 1) for key, v in results[k].items()}
            med["bare_ms"] = bare
            summary = {
                "summary": "startup",
                "tree": tree or "(this checkout)",
                "runs": runs,
                **{f"{key}_median": v for key, v in med.items()},
                "login_over_bare": round(med["login_ms"] / med["bare_ms"], 2),
                "login_to_main_over_bare": round(med["login_to_main_ms"] / med["bare_ms"], 2),
                "first_run_over_bare": round(med["first_run_ms"] / med["bare_ms"], 2),
                "typing_s": TYPING_S,
                "load": _load(),
            }
            print(json.dumps(summary), flush=True)
            summaries.append(summary)
        return summaries
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


@pytest.mark.benchmark
@pytest.mark.timeout(3600)
def test_startup_against_a_bare_window() -> None:
    (s,) = bench(5, [None])
    assert s["bare_ms_median"] > 0


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument(
        "--tree",
        action="append",
        default=None,
        help="a checkout to measure (repeat to compare, alternated in one run; '.' or none: this one)",
    )
    ap.add_argument(
        "--typing", type=float, default=TYPING_S, help="seconds from the log-in's paint to the Enter key"
    )
    a = ap.parse_args()
    TYPING_S = a.typing
    trees = [None if t in (None, ".") else str(Path(t).resolve()) for t in (a.tree or [None])]
    bench(a.runs, trees)
