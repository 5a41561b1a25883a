"""A damaged database refuses writes with a message that says how to restore, and a kill while a new
database is made never leaves a file that cannot be opened (issue 17, item 9)."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from dipdesk.store.db import current_revision, damage_marker, head_revision, open_database

ROOT = Path(__file__).resolve().parents[2]


def cli(db: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dipdesk", "--db", str(db), *argv],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "HOME": str(db.parent)},
        timeout=300,
    )


def overwrite(path: Path, offset: int, size: int = 12 * 1024) -> None:
    with path.open("r+b") as f:
        f.seek(offset)
        f.write(random.Random(offset).randbytes(size))


def people_root(path: Path) -> int:
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        page = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'people'").fetchone()[0]
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    return int((root - 1) * page)


def program_id(path: Path) -> str:
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        return str(conn.execute("SELECT id FROM programs LIMIT 1").fetchone()[0])
    finally:
        conn.close()


def test_once_sqlite_reports_damage_nothing_more_is_written(tmp_path: Path) -> None:
    db = tmp_path / "site.sqlite3"
    assert cli(db, "demo", "--participants", "300").returncode == 0
    backup = tmp_path / "backup.sqlite3"
    offset = people_root(db)
    program = program_id(db)
    shutil.copyfile(db, backup)
    csv = tmp_path / "class.csv"
    csv.write_text("ชื่อ,นามสกุล,โทรศัพท์\nสมศรี,ใจดี,0811111111\n", encoding="utf-8")

    overwrite(db, offset)
    r = cli(db, "list", "people", "--limit", "0")
    assert r.returncode != 0 and "damaged" in r.stderr and "เสียหาย" in r.stderr, r.stdout[-500:] + r.stderr
    assert "Traceback" not in r.stderr and ".before-" in r.stderr, "how to restore"
    assert damage_marker(db).exists()
    before = db.read_bytes()
    for argv in (("import", "people", str(csv)), ("edit", "programs", program, "description=x")):
        r = cli(db, *argv)
        assert r.returncode != 0 and "damaged" in r.stderr and "Traceback" not in r.stderr, (argv, r.stderr)
    assert db.read_bytes() == before, "nothing was written to the damaged file"

    # restored from the backup: `check --quick` reads no pages, so it cannot lift the block and says so;
    # `check` finds the file sound and lifts it
    shutil.copyfile(backup, db)
    r = cli(db, "check", "--quick")
    assert r.returncode == 1 and "without --quick" in r.stdout and damage_marker(db).exists(), r.stdout
    r = cli(db, "check")
    assert r.returncode == 0, r.stdout + r.stderr
    assert not damage_marker(db).exists()
    r = cli(db, "import", "people", str(csv))
    assert r.returncode == 0, r.stderr


def test_damage_only_check_notices_also_stops_writes(tmp_path: Path) -> None:
    db = tmp_path / "site.sqlite3"
    assert cli(db, "demo", "--participants", "300").returncode == 0
    people_root(db)  # folds the WAL in
    program = program_id(db)
    overwrite(db, db.stat().st_size // 2)
    r = cli(db, "check")
    assert r.returncode == 1 and damage_marker(db).exists(), r.stdout
    r = cli(db, "edit", "programs", program, "description=x")
    assert r.returncode != 0 and "damaged" in r.stderr, r.stderr


def test_processes_creating_one_database_together_all_use_the_same_file(tmp_path: Path) -> None:
    """Server workers starting together on a new SQLite file: each builds its own, the first stays, and
    every one ends up on the file in place (before: "attempt to write a readonly database")."""
    code = (
        "import sys; from dipdesk.store.db import open_database; e = open_database(sys.argv[1]); "
        "c = e.connect(); c.exec_driver_sql('CREATE TABLE IF NOT EXISTS probe (x)'); "
        "c.exec_driver_sql('INSERT INTO probe VALUES (1)'); c.commit(); print('ok')"
    )
    db = tmp_path / "server.sqlite3"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [
        subprocess.Popen([sys.executable, "-c", code, str(db)], env=env, stdout=subprocess.PIPE, text=True)
        for _ in range(4)
    ]
    outs = [p.communicate(timeout=300)[0] for p in procs]
    assert all(p.returncode == 0 for p in procs) and outs.count("ok\n") == 4, outs
    import sqlite3

    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM probe").fetchone()[0] == 4, (
        "every process wrote to the one file"
    )
    conn.close()


def test_a_kill_while_a_database_is_created_never_leaves_a_broken_file(tmp_path: Path) -> None:
    rnd = random.Random(17)
    code = "import sys; from dipdesk.store.db import open_database; open_database(sys.argv[1])"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    started = time.monotonic()
    subprocess.run([sys.executable, "-c", code, str(tmp_path / "timing.sqlite3")], env=env, check=True)
    full = time.monotonic() - started
    trials = int(os.environ.get("TRUST_KILL_TRIALS", "12"))
    outcomes = {"absent": 0, "whole": 0}
    for i in range(trials):
        db = tmp_path / f"t{i}" / "site.sqlite3"
        db.parent.mkdir()
        proc = subprocess.Popen([sys.executable, "-c", code, str(db)], env=env)
        time.sleep(rnd.uniform(0.2, full))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        outcomes["whole" if db.exists() else "absent"] += 1
        eng = open_database(db)  # opens whatever the kill left, or makes it anew
        try:
            assert current_revision(eng) == head_revision()
        finally:
            eng.dispose()
        for left in db.parent.glob(".site.sqlite3.creating-*"):  # a killed build's leftover: cleared when old
            os.utime(left, (time.time() - 3600, time.time() - 3600))
        open_database(db).dispose()
        assert not list(db.parent.glob(".site.sqlite3.creating-*"))
    assert sum(outcomes.values()) == trials
    print(f"kill -9 while creating: {outcomes}")
