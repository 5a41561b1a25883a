"""A laptop restored from an older backup syncs on correctly, against the real server process (issue 10
item 3): the changes it uploaded after the backup come back, the changes it makes after the restore are
taken as new (not as replays of the seqs the server already holds), what was waiting in the backup is not
applied twice, and what was never uploaded is reported lost. Every replica then holds identical data."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import text
from synctest import Device, Server, cli_sync, create_person, edit, pair

from dipdesk.services import backup as svc
from dipdesk.store.db import open_database
from dipdesk.sync import restore

PEOPLE = "SELECT count(*) FROM people WHERE site_id = (SELECT value FROM local_state WHERE key = 'site_id')"


def _names(device: Device) -> set[str]:
    with device.engine.connect() as conn:
        return {str(r[0]) for r in conn.execute(text("SELECT first_name_th FROM people WHERE deleted = 0"))}


def _server_creates(server: Server, record_id: str) -> int:
    """How many times the server logged the whole record (its create): 1, never 2."""
    eng = server.engine()
    try:
        with eng.connect() as conn:
            rows = conn.execute(
                text("SELECT fields FROM srv_changes WHERE table_name = 'people' AND record_id = :r"),
                {"r": record_id},
            ).all()
    finally:
        eng.dispose()
    import json

    return sum(1 for (f,) in rows if "first_name_th" in (f if isinstance(f, dict) else json.loads(f)))


def _reopen(device: Device) -> None:
    device.engine.dispose()
    device.engine = open_database(device.path)


def test_a_restored_laptop_syncs_again_without_losing_or_doubling(
    server: Server, devices: Any, tmp_path: Path
) -> None:
    site, a, b = pair(server, devices)
    p1 = create_person(a, first_name_th="หนึ่ง")
    a.sync_ok()
    p0 = create_person(a, first_name_th="ศูนย์")  # waiting in the outbox when the backup is taken
    backup = svc.create_backup(a.path, tmp_path / "backups").path  # while the database is open and live
    a.sync_ok()
    p2 = create_person(a, first_name_th="สอง")
    edit(a, "people", p1, "phone=0822222222")
    a.sync_ok()  # the server has p0, p2 and the new phone of p1; the backup has none of them
    create_person(a, first_name_th="สาม")  # never uploaded: lost by the restore, kept aside
    a.engine.dispose()

    result = svc.restore_backup(a.path, backup)
    assert result.lost_unsynced and result.lost_unsynced >= 1
    assert result.from_server and result.from_server >= 2
    assert result.kept_aside is not None and result.kept_aside.exists()
    a.engine = open_database(a.path)
    assert _names(a) == {"หนึ่ง", "ศูนย์"}
    with a.engine.connect() as conn:
        assert restore.pending(conn)
    # work after the restore: its outbox seqs start again where the backup's stopped, i.e. at seqs the
    # server already applied (p2's); without the recovery the server would take it for a replay
    p4 = create_person(a, first_name_th="สี่")

    report = a.sync_ok()
    assert report.restored_moved >= 1 and report.restored_back >= 2, report
    assert _names(a) == {"หนึ่ง", "ศูนย์", "สอง", "สี่"}
    assert a.scalar("SELECT phone FROM people WHERE id = :i", i=p1) == "0822222222"
    assert a.pending() == 0
    with a.engine.connect() as conn:
        assert not restore.pending(conn)
    for rid in (p0, p1, p2, p4):
        assert _server_creates(server, rid) == 1, rid
    assert (
        server.scalar("SELECT count(*) FROM people WHERE first_name_th = 'สาม'") == 0
    )  # what never reached the server is not invented

    b.sync_ok()
    a.sync_ok()
    assert _names(b) == _names(a)
    assert a.scalar(PEOPLE) == b.scalar(PEOPLE)
    a.assert_converged()
    b.assert_converged()
    code, out, _err = a.cli("sync", "--verify")
    assert code == 0, out

    # and the next edits travel as usual, both ways
    edit(a, "people", p4, "phone=0844444444")
    a.sync_ok()
    b.sync_ok()
    assert b.scalar("SELECT phone FROM people WHERE id = :i", i=p4) == "0844444444"
    assert site


def test_restoring_twice_and_an_interrupted_recovery_resume(
    server: Server, devices: Any, tmp_path: Path
) -> None:
    site, a, b = pair(server, devices)
    create_person(a, first_name_th="ก")
    a.sync_ok()
    backup = svc.create_backup(a.path, tmp_path / "backups").path
    create_person(a, first_name_th="ข")
    a.sync_ok()
    a.engine.dispose()
    svc.restore_backup(a.path, backup)
    a.engine = open_database(a.path)
    create_person(a, first_name_th="ค")
    # the first round after the restore cannot reach the server: the recovery waits for the next one
    broken = a.sync(server_url="http://127.0.0.1:9")  # nothing listens there
    assert not broken.ok
    a.sync_ok()
    assert _names(a) == {"ก", "ข", "ค"}
    # a second restore of the same backup, later: the same recovery again
    a.engine.dispose()
    svc.restore_backup(a.path, backup)
    _reopen(a)
    create_person(a, first_name_th="ง")
    out = cli_sync(a)
    assert "after the restore: 2 local change(s)" in out and "came back" in out, (
        out
    )  # the person, its audit entry
    assert _names(a) == {"ก", "ข", "ค", "ง"}
    b.sync_ok()
    a.sync_ok()
    assert _names(b) == _names(a)
    a.assert_converged()
    b.assert_converged()
    assert site
