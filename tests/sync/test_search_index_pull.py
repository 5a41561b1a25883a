"""Pulled batches keep the Thai search index (FTS5, migration 0002) exactly what its triggers would make:
a first pull indexes its people and enterprises set-based (`search_index.inserting`), later pulls and
edits through the triggers; and a failed batch leaves the trigger in place."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from synctest import Server, create_person, demo_device, edit

from dipdesk.store import search_index
from dipdesk.store.db import open_database

TEXT = {
    "people": "coalesce(prefix,'') || ' ' || coalesce(first_name_th,'') || ' ' || coalesce(last_name_th,'') || "
    "' ' || coalesce(first_name_en,'') || ' ' || coalesce(last_name_en,'') || ' ' || coalesce(phone,'') || "
    "' ' || coalesce(email,'')",
    "enterprises": "coalesce(code,'') || ' ' || coalesce(name_th,'') || ' ' || coalesce(name_en,'') || ' ' || "
    "coalesce(registration_id,'')",
}


def index_of(device: Any, table: str) -> list[tuple[int, str]]:
    with device.engine.connect() as conn:
        return [tuple(r) for r in conn.exec_driver_sql(f"SELECT rowid, body FROM {table}_fts ORDER BY rowid")]


def expected(device: Any, table: str) -> list[tuple[int, str]]:
    with device.engine.connect() as conn:
        rows = conn.exec_driver_sql(f"SELECT rowid, {TEXT[table]} FROM {table} ORDER BY rowid")
        return [tuple(r) for r in rows]


def triggers(device: Any) -> dict[str, str]:
    with device.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%fts%'"
        )
        return dict(rows.all())  # type: ignore[arg-type]


def matches(device: Any, table: str, word: str) -> int:
    with device.engine.connect() as conn:
        return int(
            conn.exec_driver_sql(
                f"SELECT count(*) FROM {table}_fts WHERE {table}_fts MATCH ?", (word,)
            ).scalar()
        )


def test_pulled_batches_keep_the_search_index_exact(
    server: Server, devices: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[str, int]] = []
    original = search_index.inserting

    def spy(conn: Any, table: str, ids: list[str]) -> Any:
        calls.append((table, len(ids)))
        return original(conn, table, ids)

    monkeypatch.setattr(search_index, "BULK_MIN", 10)
    monkeypatch.setattr(search_index, "inserting", spy)
    site = server.take_site()
    a = demo_device(server, devices, "a", site, participants=120)
    a.sync_ok()
    b = devices(server, "b")
    b.enroll(site)
    b.sync_ok()  # the first pull: people and enterprises in runs of more than BULK_MIN
    assert any(t == "people" and n >= 10 for t, n in calls), calls
    assert any(t == "enterprises" and n >= 10 for t, n in calls), calls
    assert triggers(b) == triggers(a) and len(triggers(b)) == 6
    for table in ("people", "enterprises"):
        assert len(index_of(b, table)) == b.scalar(f"SELECT count(*) FROM {table}") >= 10
        assert index_of(b, table) == expected(b, table)
    # a later edit and a new person arrive through the triggers
    pid = b.scalar("SELECT id FROM people ORDER BY id LIMIT 1")
    edit(a, "people", pid, "first_name_th=กนกวรรณทดสอบ")
    create_person(a, first_name_th="ประพันธ์ศักดิ์")
    a.sync_ok()
    b.sync_ok()
    assert index_of(b, "people") == expected(b, "people")
    assert matches(b, "people", "วรรณทด") == 1 and matches(b, "people", "พันธ์ศัก") == 1
    b.assert_converged()


def test_a_failed_insert_leaves_the_trigger(tmp_path: Path) -> None:
    engine = open_database(tmp_path / "t.sqlite3")
    with engine.connect() as conn:
        before = conn.exec_driver_sql("SELECT sql FROM sqlite_master WHERE name = 'people_fts_ai'").scalar()
        assert before
        conn.commit()
        trans = conn.begin()
        with (
            pytest.raises(RuntimeError),
            search_index.inserting(conn, "people", [f"id{i}" for i in range(300)]),
        ):
            assert (
                conn.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = 'people_fts_ai'").scalar()
                is None
            )
            raise RuntimeError("the insert failed")
        assert (
            conn.execute(text("SELECT sql FROM sqlite_master WHERE name = 'people_fts_ai'")).scalar()
            == before
        )
        trans.rollback()
        assert (
            conn.execute(text("SELECT sql FROM sqlite_master WHERE name = 'people_fts_ai'")).scalar()
            == before
        )
    engine.dispose()


def test_an_unexpected_trigger_is_left_alone() -> None:
    odd = (
        "CREATE TRIGGER people_fts_ai AFTER INSERT ON people BEGIN INSERT INTO people_fts(rowid, body) "
        "VALUES (new.rowid, upper(new.prefix)); END"
    )
    assert search_index._bulk_insert(odd, "people") is None
