"""Users and roles travel per site through the real server: a user deactivated on laptop A cannot log in
on laptop B after B's next sync; a role change and a password reset (with "change it at the next
log-in") follow too; a log-in time never travels; two sites each with their own `admin` never collide.
Every change is made through the command line, proving the acting admin's password."""

from __future__ import annotations

import datetime as dt
from typing import Any

from synctest import PASSWORD, Server, add_user, cli_sync, pair

from dipdesk.services.users import login
from dipdesk.store.db import transaction


def _login(device: Any, username: str, password: str) -> str:
    with transaction(device.engine) as s:
        return login(s, username, password).status


def _admin(device: Any, site: str) -> str:
    return f"admin_{site.lower()}_{device.name}"


def test_deactivation_role_and_reset_reach_the_other_laptop_of_the_site(server: Server, devices: Any) -> None:
    site, a, b = pair(server, devices)
    tech = f"tech_{site.lower()}"
    add_user(a, tech, role="lab_technician")
    cli_sync(a)
    cli_sync(b)
    assert _login(b, tech, PASSWORD) == "ok", "the new user reached laptop B"
    # the log-in on B must not travel: it would make needless conflicts on the user's row
    cli_sync(b)
    assert b.scalar("SELECT count(*) FROM sync_outbox WHERE table_name = 'users' AND state = 'pending'") == 0

    admin = _admin(a, site)
    code, out, err = a.cli("users", "set-role", tech, "lab_verifier", "--user", admin)
    assert code == 0, err
    code, out, err = a.cli("users", "deactivate", tech, "--user", admin)
    assert code == 0, err
    assert _login(a, tech, PASSWORD) == "wrong"
    assert _login(b, tech, PASSWORD) == "ok", "B has not synced yet"
    cli_sync(a)
    cli_sync(b)
    assert _login(b, tech, PASSWORD) == "wrong", "deactivated on A: refused on B after B's sync"
    assert b.scalar("SELECT role FROM users WHERE username = :u", u=tech) == "lab_verifier"
    # the audit entries travelled too
    assert (
        b.scalar(
            "SELECT count(*) FROM audit_entries a JOIN users u ON u.id = a.record_id "
            "WHERE u.username = :u AND a.action = 'update'",
            u=tech,
        )
        >= 2
    )

    code, _, err = a.cli("users", "activate", tech, "--user", admin)
    assert code == 0, err
    code, out, err = a.cli("users", "reset-password", tech, "--user", admin)
    assert code == 0, err
    first = out.split("shown only this once): ")[1].strip()
    cli_sync(a)
    cli_sync(b)
    assert _login(b, tech, PASSWORD) == "wrong", "the old password is gone on B too"
    assert _login(b, tech, first) == "ok"
    assert b.scalar("SELECT must_change_password FROM users WHERE username = :u", u=tech) == 1
    a.assert_converged()
    b.assert_converged()


def test_two_sites_each_with_admin_and_a_lock_stays_on_its_laptop(server: Server, devices: Any) -> None:
    from dipdesk.services.setup import first_run

    site1, site2 = server.take_site(), server.take_site()
    x, y = devices(server, "x"), devices(server, "y")
    for d, site in ((x, site1), (y, site2)):
        with transaction(d.engine) as s:
            first_run(s, site, "admin", PASSWORD, "ผู้ดูแล")
        d.enroll(site)
        d.sync_ok()
    for d in (x, y):
        code, _, err = d.cli("users", "add", "somsri", "--role", "staff", "--user", "admin")
        assert code == 0, err
        cli_sync(d)
    for d in (x, y):
        cli_sync(d)
        assert d.scalar("SELECT count(*) FROM users WHERE username = 'admin'") == 1, "only its own site's"
        d.assert_converged()
    # five wrong passwords lock `admin` on X only (the lock is this device's, never synced); a minute
    # apart, so the slow-down after the 3rd and 4th has run out each time
    from dipdesk.store.base import utcnow

    t0 = utcnow() - dt.timedelta(minutes=5)
    with transaction(x.engine) as s:
        statuses = [
            login(s, "admin", "wrong-pass-1", now=t0 + dt.timedelta(minutes=i)).status for i in range(5)
        ]
    assert statuses == ["wrong", "wrong", "wrong", "wrong", "locked"]
    assert _login(x, "admin", PASSWORD) == "locked"
    cli_sync(x)
    cli_sync(y)
    assert _login(y, "admin", PASSWORD) == "ok"
