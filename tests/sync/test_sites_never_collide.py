"""Sites never collide (SYNC.md guarantee 13): two centers each with their own `admin`, and a database
already stuck under the old global rule heals on its next sync after upgrading.

The stuck state is built with the code as it was before migration 0005 (exported from git into a temporary
folder and run as separate processes: the old server, the old `dipdesk demo` and `dipdesk sync`), then the
same files are opened by this tree: the server and the laptops migrate, sync, and every laptop's
`sync --verify` is identical with nothing lost.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.sync.synctest import BACKENDS, Server, free_port, pg_schema

ROOT = Path(__file__).resolve().parents[2]
MIGRATION = "dipdesk/store/migrations/versions/0005_unique_per_site.py"


def _old_tree(dest: Path) -> Path:
    """The package as it was just before migration 0005 (skip when this is not a git checkout)."""
    try:
        added = subprocess.run(
            ["git", "-C", str(ROOT), "log", "--format=%H", "--diff-filter=A", "--", MIGRATION],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("needs a git checkout to run the code before migration 0005")
    if not added:
        pytest.skip("migration 0005 is not committed yet")
    base = f"{added[-1]}^"
    dest.mkdir(parents=True, exist_ok=True)
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", base, "dipdesk", "resources", "i18n"],
        capture_output=True,
        check=True,
    )
    subprocess.run(["tar", "-x", "-C", str(dest)], input=archive.stdout, check=True)
    assert not (dest / MIGRATION).exists()
    return dest


def _old_env(pythonpath: Path) -> dict[str, str]:
    # PYTHONSAFEPATH: `python -m` must not put the working folder (this tree) before the old one
    return {"PYTHONPATH": str(pythonpath), "PYTHONSAFEPATH": "1"}


def _run(pythonpath: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **_old_env(pythonpath), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, *argv], capture_output=True, text=True, env=env, timeout=600)


def _ok(proc: subprocess.CompletedProcess[str]) -> str:
    assert proc.returncode == 0, proc.stderr[-3000:] + proc.stdout[-3000:]
    return proc.stdout


def _counts(url_or_path: str, site_code: str) -> dict[str, int]:
    from dipdesk.store.db import make_engine

    eng = make_engine(url_or_path)
    try:
        with eng.connect() as conn:
            sid = conn.execute(text("SELECT id FROM sites WHERE code = :c"), {"c": site_code}).scalar()
            return {
                t: int(
                    conn.execute(text(f"SELECT count(*) FROM {t} WHERE site_id = :s"), {"s": sid}).scalar()
                    or 0
                )
                for t in ("users", "people", "lab_analyses", "lab_tests", "programs", "activities")
            }
    finally:
        eng.dispose()


@pytest.mark.parametrize("backend", BACKENDS)
def test_two_centers_with_admin_stuck_under_the_old_rule_heal_after_upgrade(
    backend: str, tmp_path: Path
) -> None:
    old = _old_tree(tmp_path / "old")
    with pg_schema() if backend == "pg" else _nothing(str(tmp_path / "server.sqlite3")) as db:
        # --- the old world: both centers call their first administrator `admin` ---------------------------
        server = Server(backend, db, free_port(), tmp_path / "server.log", env=_old_env(old))
        server.start()
        laptops = {}
        try:
            for code in ("IPC1", "IPC2"):
                path = tmp_path / f"{code}.sqlite3"
                _ok(
                    _run(
                        old,
                        "-m",
                        "dipdesk",
                        "--db",
                        str(path),
                        "demo",
                        "--site",
                        code,
                        "--participants",
                        "40",
                    )
                )
                enrol = _ok(
                    _run(old, "-m", "dipdesk.sync.server.cli", "enroll-code", "--db", db, "--site", code)
                )
                _run(
                    old,
                    "-m",
                    "dipdesk",
                    "--db",
                    str(path),
                    "sync",
                    "--server",
                    server.url,
                    "--enroll",
                    enrol.split()[-1],
                )
                laptops[code] = path
            _run(old, "-m", "dipdesk", "--db", str(laptops["IPC1"]), "sync")
            stuck = _run(old, "-m", "dipdesk", "--db", str(laptops["IPC2"]), "sync", "--verify")
            assert stuck.returncode != 0, "the second center should be stuck under the old rule"
            on_server = _counts(db, "IPC2")
            assert on_server["users"] < _counts(str(laptops["IPC2"]), "IPC2")["users"]
        finally:
            server.stop()

        # --- upgrade: this tree's server and laptops, same files --------------------------------------------
        server = Server(backend, db, server.port, tmp_path / "server-new.log")  # the address they know
        server.start()
        try:
            for _ in range(2):
                for path in laptops.values():
                    code, out, err = _cli(path, "sync")
                    assert code == 0, err + out
            for code_, path in laptops.items():
                code, out, err = _cli(path, "sync", "--verify")
                assert code == 0, f"{code_}: {out}{err}"
                # nothing lost: what each laptop made is on the server, row for row
                assert _counts(db, code_) == _counts(str(path), code_)
            users = server.scalar("SELECT count(*) FROM users WHERE username = 'admin'")
            assert users == 2
            parked = server.scalar("SELECT count(*) FROM sync_parked")
            assert parked == 0
        finally:
            server.stop()


class _nothing:
    def __init__(self, value: str) -> None:
        self.value = value

    def __enter__(self) -> str:
        return self.value

    def __exit__(self, *exc: object) -> None:
        return None


def _cli(path: Path, *argv: str) -> tuple[int, str, str]:
    import contextlib
    import io

    from dipdesk.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--db", str(path), *argv])
    return code, out.getvalue(), err.getvalue()
