"""A first download sets aside the secondary indexes of the tables it fills from empty and creates them
again at its end (`store.indexes`): the file ends with exactly the indexes it started with, and a
download killed in between leaves a whole database that says which indexes wait, which the next
opening of the file, or the next round, creates again."""

from __future__ import annotations

from typing import Any

import pytest
from synctest import Server, demo_device

from dipdesk.store import indexes
from dipdesk.store.db import open_database
from dipdesk.sync import protocol, pull


def schema(device: Any) -> list[tuple[str, str]]:
    with device.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name"
        )
        return [(str(n), str(s)) for n, s in rows]


def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(protocol, "PULL_DEFAULT_LIMIT", 100)
    monkeypatch.setattr(protocol, "PULL_FIRST_LIMIT", 150)


def newcomer(server: Server, devices: Any, monkeypatch: pytest.MonkeyPatch) -> tuple[Any, Any]:
    """A site whose first laptop has uploaded its demo data, and a second laptop just enrolled there
    (its first download in small batches still to come), with that laptop's schema as it is now."""
    small_batches(monkeypatch)
    site = server.take_site()
    a = demo_device(server, devices, "a", site, participants=60)
    a.sync_ok()
    b = devices(server, "b")
    b.enroll(site)
    return b, schema(b)


def test_a_first_download_ends_with_the_indexes_it_began_with(
    server: Server, devices: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    b, before = newcomer(server, devices, monkeypatch)
    seen: list[list[str]] = []
    original = pull.apply_pulled

    def watched(conn: Any, changes: list[dict[str, Any]]) -> dict[str, int]:
        seen.append(indexes.aside(conn))
        return original(conn, changes)

    monkeypatch.setattr(pull, "apply_pulled", watched)
    report = b.sync_ok()
    assert report.pulled > 500 and len(seen) > 3
    assert "ix_enrollments_person_id" in seen[-1] and "ix_attendance_enrollment_id" in seen[-1]
    assert "ix_site_provinces_site_id" not in seen[-1]  # tables the device held rows of keep theirs
    assert schema(b) == before
    with b.engine.connect() as conn:
        assert indexes.aside(conn) == []
    b.assert_converged()
    # a later round is no first download: nothing is set aside
    seen.clear()
    b.sync_ok()
    assert all(not s for s in seen)


@pytest.mark.parametrize("finish", ["open", "round"])
def test_a_first_download_killed_midway_leaves_a_whole_database_finished_later(
    server: Server, devices: Any, monkeypatch: pytest.MonkeyPatch, finish: str
) -> None:
    b, before = newcomer(server, devices, monkeypatch)
    original = pull.apply_pulled
    calls: list[int] = []

    def dies(conn: Any, changes: list[dict[str, Any]]) -> dict[str, int]:
        calls.append(1)
        if len(calls) == 4:
            raise KeyboardInterrupt  # the program stops in the middle of a batch
        return original(conn, changes)

    # a kill: no code runs after it, so not the download's own restore either
    monkeypatch.setattr(pull, "apply_pulled", dies)
    monkeypatch.setattr(pull, "restore_indexes", lambda engine: None)
    with pytest.raises(KeyboardInterrupt):
        b.sync()
    monkeypatch.undo()
    small_batches(monkeypatch)
    with b.engine.connect() as conn:
        waiting = indexes.aside(conn)
        assert "ix_enrollments_person_id" in waiting
        # what was committed is whole: three batches with their cursor, each row with its clock
        cursor = int(conn.exec_driver_sql("SELECT value FROM local_state WHERE key = 'sync.cursor'").scalar())
        assert cursor > 0
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").first() is None
        missing = conn.exec_driver_sql(
            "SELECT count(*) FROM people p WHERE NOT EXISTS (SELECT 1 FROM sync_field_clocks c "
            "WHERE c.table_name = 'people' AND c.record_id = p.id)"
        ).scalar()
        assert missing == 0
    assert schema(b) != before
    if finish == "open":
        b.close()
        b.engine = open_database(b.path)
        assert schema(b) == before
    b.sync_ok()
    assert schema(b) == before
    with b.engine.connect() as conn:
        assert indexes.aside(conn) == []
    b.assert_converged()
