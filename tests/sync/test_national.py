"""One department (SYNC.md guarantee 13), end to end against the real server on SQLite and PostgreSQL: two
centers with demo data and the same default user names, a class list at IPC2 that shares people with IPC1
by national ID, and a headquarters (DIPROM) laptop. After syncing, every laptop's `sync --verify` is
identical, and the national persons count from the headquarters laptop, a center's laptop and the server
equals the distinct count computed from the centers' own data."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import text

from tests.sync.synctest import Device, demo_device, server  # noqa: F401 (fixture)

SHARED = 25
REACHED = """
    SELECT DISTINCT coalesce(p.national_id, p.id)
    FROM enrollments e JOIN activities a ON a.id = e.activity_id JOIN programs g ON g.id = a.program_id
    JOIN people p ON p.id = e.person_id
    WHERE g.fiscal_year = :fy AND g.deleted = 0 AND a.deleted = 0 AND e.deleted = 0
      AND e.status IN ('enrolled', 'completed')
"""


def _idents(device: Device, fy: int) -> set[str]:
    with device.engine.connect() as conn:
        return set(conn.execute(text(REACHED), {"fy": fy}).scalars())


def _kpi(device: Device, fy: int, scope: str) -> dict[str, Any]:
    code, out, err = device.cli("kpi", "--fy", str(fy), "--scope", scope, "--format", "json")
    assert code == 0, err
    result: dict[str, Any] = json.loads(out)
    return result


def _class_list(ipc1: Device, fy: int, path: Path) -> int:
    """A class list of IPC1 people (reached in `fy`, with national IDs), as a center would receive it."""
    with ipc1.engine.connect() as conn:
        rows = conn.execute(
            text(
                """SELECT DISTINCT p.prefix, p.first_name_th, p.last_name_th, p.national_id, p.phone
                FROM people p JOIN enrollments e ON e.person_id = p.id JOIN activities a ON a.id = e.activity_id
                JOIN programs g ON g.id = a.program_id
                WHERE g.fiscal_year = :fy AND e.status IN ('enrolled', 'completed') AND e.deleted = 0
                  AND p.national_id IS NOT NULL AND p.deleted = 0
                ORDER BY p.national_id LIMIT :n"""
            ),
            {"fy": fy, "n": SHARED},
        ).all()
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(["คำนำหน้า", "ชื่อ", "นามสกุล", "เลขบัตรประชาชน", "เบอร์โทรศัพท์"])
        w.writerows(rows)
    return len(rows)


def test_two_centers_and_headquarters_see_one_department(server: Any, devices: Any, tmp_path: Path) -> None:  # noqa: F811
    ipc1 = demo_device(server, devices, "ipc1", "IPC1", participants=300)
    ipc2 = demo_device(server, devices, "ipc2", "IPC2", participants=300)
    assert ipc1.scalar("SELECT count(*) FROM users WHERE username = 'admin'") == 1
    assert ipc2.scalar("SELECT count(*) FROM users WHERE username = 'admin'") == 1
    fy = int(ipc1.scalar("SELECT max(fiscal_year) FROM programs"))

    # IPC2 trains people IPC1 trained too: a class list with their national IDs, imported twice
    activity = ipc2.scalar(
        "SELECT a.code FROM activities a JOIN programs g ON g.id = a.program_id "
        "WHERE g.fiscal_year = :fy ORDER BY a.code LIMIT 1",
        fy=fy,
    )
    sheet = tmp_path / "class.csv"
    assert _class_list(ipc1, fy, sheet) == SHARED
    code, out, err = ipc2.cli("import", "people", str(sheet), "--activity", activity)
    assert code == 0, err + out
    people = ipc2.scalar("SELECT count(*) FROM people")
    code, out, err = ipc2.cli("import", "people", str(sheet), "--activity", activity)
    assert code == 0, err + out
    assert ipc2.scalar("SELECT count(*) FROM people") == people  # re-importing a list adds nobody

    hq = devices(server, "hq")
    hq.first_run("DIPROM", "admin")  # the same default user name as both centers
    hq.enroll("DIPROM")
    from dipdesk.services.context import system_context
    from dipdesk.services.kpi import set_target

    with hq.ctx() as session:  # headquarters sets the national target and one center's
        ctx = system_context(session)
        set_target(ctx, fy, for_site_id=None, persons=16200, enterprises=2200, economic_value="13000000000")
        ipc2_id = session.execute(text("SELECT id FROM sites WHERE code = 'IPC2'")).scalar()
        set_target(ctx, fy, for_site_id=ipc2_id, persons=1500)

    for _ in range(2):
        for d in (ipc1, ipc2, hq):
            d.sync_ok()
    for d in (ipc1, ipc2, hq):
        d.assert_converged()
    assert server.scalar("SELECT count(*) FROM users WHERE username = 'admin'") == 3

    # one person nationally: the server merged IPC2's records of the shared people into IPC1's
    live_twice = """SELECT count(*) FROM (SELECT national_id FROM people WHERE NOT deleted
        AND national_id IS NOT NULL GROUP BY national_id HAVING count(*) > 1) x"""
    assert server.scalar(live_twice) == 0
    merges = server.scalar("SELECT count(*) FROM merges WHERE kind = 'people' AND reason = 'national_id'")
    assert merges >= SHARED
    for d in (ipc1, ipc2, hq):
        assert d.scalar("SELECT count(*) FROM merges") == merges  # the aliases, everywhere
    # every IPC2 reference followed the kept records, which IPC2 now holds (it serves them)
    assert (
        ipc2.scalar(
            "SELECT count(*) FROM enrollments e JOIN merges m ON m.merged_id = e.person_id WHERE e.deleted = 0"
        )
        == 0
    )
    assert (
        ipc2.scalar(
            "SELECT count(*) FROM enrollments e JOIN people p ON p.id = e.person_id "
            "WHERE p.site_id != e.site_id AND e.deleted = 0"
        )
        >= SHARED
    )
    assert ipc2.scalar(live_twice) == 0
    # re-importing the list now adds nobody either: the kept records are the ones found
    people = ipc2.scalar("SELECT count(*) FROM people WHERE deleted = 0")
    code, out, err = ipc2.cli("import", "people", str(sheet), "--activity", activity)
    assert code == 0, err + out
    assert ipc2.scalar("SELECT count(*) FROM people WHERE deleted = 0") == people
    for d in (ipc2, ipc1, hq):
        d.sync_ok()
    for d in (ipc1, ipc2, hq):
        d.assert_converged()
    assert server.scalar(live_twice) == 0

    # the distinct count from the centers' own data: a person at both centers counts once
    mine1, mine2 = _idents(ipc1, fy), _idents(ipc2, fy)
    shared = mine1 & mine2
    assert len(shared) >= SHARED
    expected = len(mine1 | mine2)

    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "dipdesk.sync.server.cli",
            "report",
            "kpi",
            "--db",
            server.db,
            "--fy",
            str(fy),
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    on_server = json.loads(proc.stdout)
    from_hq = _kpi(hq, fy, "national")
    from_center = _kpi(ipc1, fy, "national")
    for figures in (on_server, from_hq, from_center):
        assert figures["fiscal_year"] == fy and figures["scope"] == "national" and figures["computed_at"]
        assert figures["total"]["persons"] == expected
        sites = {s["code"]: s for s in figures["sites"]}
        assert sites["IPC1"]["persons"] == len(mine1)
        assert sites["IPC2"]["persons"] == len(mine2)
        assert sites["IPC1"]["persons"] + sites["IPC2"]["persons"] > expected  # not the sum of sites
        assert figures["targets"]["national"]["persons"] == 16200
        assert figures["progress"]["persons"] == expected / 16200
        assert sites["IPC2"]["target"]["persons"] == 1500
        assert sites["IPC2"]["progress"]["persons"] == len(mine2) / 1500
        assert sorted(s["rank"] for s in figures["sites"]) == list(range(1, len(figures["sites"]) + 1))
    # no personal data travelled: the stored figures carry no national ID of anyone
    stored = json.dumps(from_center, ensure_ascii=False)
    assert not any(nid in stored for nid in shared)

    # a center's own scope: its own total, equal to its line in the national figures
    own = _kpi(ipc2, fy, "site")
    assert own["scope"] == "site" and own["total"]["persons"] == len(mine2)
    assert (
        own["total"]["economic_value"] == {s["code"]: s for s in from_hq["sites"]}["IPC2"]["economic_value"]
    )
