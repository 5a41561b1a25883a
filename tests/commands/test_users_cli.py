"""`dipdesk users …`, `dipdesk passwd` and the proven `--user`, as real processes: the password comes
from DIPDESK_PASSWORD (scripts), from standard input, or from a prompt on a terminal (a pty)."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
import time
from pathlib import Path

import pytest

ADMIN_PW = "correct horse battery 2569"


def dipdesk(
    db: Path, *argv: str, password: str | None = None, new: str | None = None, stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DIPDESK_PASSWORD", "DIPDESK_NEW_PASSWORD")}
    if password is not None:
        env["DIPDESK_PASSWORD"] = password
    if new is not None:
        env["DIPDESK_NEW_PASSWORD"] = new
    return subprocess.run(
        [sys.executable, "-m", "dipdesk", "--db", str(db), *argv],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


@pytest.fixture
def site_db(db_path: Path) -> Path:
    from dipdesk.services.setup import first_run
    from dipdesk.store.db import open_database, transaction

    engine = open_database(db_path)
    with transaction(engine) as s:
        first_run(s, "IPC1", "admin", ADMIN_PW, "ผู้ดูแลระบบ")
    engine.dispose()
    return db_path


def test_admin_manages_users_and_every_acting_user_proves_the_password(site_db: Path) -> None:
    r = dipdesk(
        site_db, "users", "add", "tech", "--role", "lab_technician", "--user", "admin", password="nope-1234"
    )
    assert r.returncode == 1 and "not correct" in r.stderr, "a wrong admin password changes nothing"
    r = dipdesk(site_db, "users", "add", "tech", "--role", "lab_technician", "--full-name", "นายช่าง ดี",
                "--user", "admin", password=ADMIN_PW)  # fmt: skip
    assert r.returncode == 0, r.stderr
    first = r.stdout.split("shown only this once): ")[1].strip()
    # the password typed on standard input (no DIPDESK_PASSWORD)
    r = dipdesk(site_db, "users", "add", "ver", "--role", "lab_verifier", "--user", "admin",
                new="verifier-first-1", stdin=ADMIN_PW + "\n")  # fmt: skip
    assert r.returncode == 0, r.stderr
    # a user with a first password must change it before acting
    r = dipdesk(site_db, "edit", "users", "tech", "full_name=x", "--user", "tech", password=first)
    assert r.returncode == 1 and "passwd" in r.stderr
    r = dipdesk(site_db, "passwd", "--user", "tech", password=first, new="abc")
    assert r.returncode == 1 and "รหัสผ่านสั้นเกินไป" in r.stderr, "the Thai rule is stated"
    r = dipdesk(site_db, "passwd", "--user", "tech", password=first, new="tech-own-pass-7")
    assert r.returncode == 0, r.stderr
    r = dipdesk(site_db, "users", "set-role", "tech", "staff", "--user", "admin", password=ADMIN_PW)
    assert r.returncode == 0, r.stderr
    r = dipdesk(site_db, "users", "deactivate", "tech", "--user", "admin", password=ADMIN_PW)
    assert r.returncode == 0, r.stderr
    r = dipdesk(site_db, "users", "list", "--format", "json")
    rows = {u["username"]: u for u in json.loads(r.stdout)}
    assert (rows["tech"]["role"], rows["tech"]["active"]) == ("staff", False)
    assert rows["ver"]["must_change_password"] is True
    r = dipdesk(site_db, "passwd", "--user", "tech", password="tech-own-pass-7", new="another-pass-8")
    assert r.returncode == 1, "a deactivated user cannot act"
    r = dipdesk(site_db, "users", "reset-password", "ver", "--user", "admin", password=ADMIN_PW)
    assert r.returncode == 0 and "shown only this once" in r.stdout
    r = dipdesk(site_db, "list", "audit", "--format", "json", "--limit", "0")
    actions = [a["action"] for a in json.loads(r.stdout) if a.get("table_name") == "users"]
    assert actions.count("update") >= 4


def test_five_wrong_passwords_lock_the_user_and_the_lock_is_in_the_trail(site_db: Path) -> None:
    statuses = []
    for _ in range(5):
        r = dipdesk(site_db, "users", "activate", "admin", "--user", "admin", password="wrong-pass-1")
        statuses.append(r.stderr)
        if "รอ" in r.stderr or "wait" in r.stderr:
            # the slow-down: wait it out as a person would (5 s after the 3rd, 30 s after the 4th)
            seconds = 5 if len(statuses) == 3 else 30
            time.sleep(seconds + 0.5)
    assert "wait 5 seconds" in statuses[2] and "wait 30 seconds" in statuses[3]
    assert "locked" in statuses[4]
    r = dipdesk(site_db, "users", "activate", "admin", "--user", "admin", password=ADMIN_PW)
    assert r.returncode == 1 and "locked" in r.stderr, "the right password waits for the lock too"
    r = dipdesk(site_db, "list", "audit", "--format", "json", "--limit", "0")
    assert any(a["action"] == "lock" for a in json.loads(r.stdout))


def test_the_password_prompt_on_a_terminal(site_db: Path) -> None:
    """Typed at a real terminal: getpass prompts and does not echo."""
    env = {k: v for k, v in os.environ.items() if k != "DIPDESK_PASSWORD"}
    pid, fd = pty.fork()
    if pid == 0:  # the child: dipdesk on the pty
        os.execvpe(sys.executable, [sys.executable, "-m", "dipdesk", "--db", str(site_db), "users", "set-role",
                                    "admin", "admin", "--user", "admin"], env)  # fmt: skip
    out = b""
    deadline = time.monotonic() + 60
    while b"password for admin" not in out and time.monotonic() < deadline:
        out += os.read(fd, 1024)
    os.write(fd, (ADMIN_PW + "\n").encode())
    while time.monotonic() < deadline:
        try:
            chunk = os.read(fd, 1024)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    _, status = os.waitpid(pid, 0)
    text = out.decode("utf-8", "replace")
    assert os.waitstatus_to_exitcode(status) == 0, text
    assert "admin: role admin" in text and ADMIN_PW not in text, "the password is not echoed"
