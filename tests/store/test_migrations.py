"""The packaged migrations: they build the schema the models describe, and upgrade old files safely."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from dipdesk.store.db import current_revision, head_revision, open_database
from dipdesk.store.models import Base


def test_new_database_is_at_head_in_wal_mode_with_foreign_keys(db_path: Path) -> None:
    engine = open_database(db_path)
    assert current_revision(engine) == head_revision()
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    assert not list(db_path.parent.glob("*.before-*")), "a new file needs no backup"


# SQLite cannot reflect expression indexes (the Thai-order name indexes); alembic says so and skips them.
@pytest.mark.filterwarnings("ignore:.*expression-based index")
def test_migrations_match_the_models(db_path: Path) -> None:
    engine = open_database(db_path)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    # FTS5 shadow tables are created by migration 0002 and are not models.
    # The dashboard's kept reach (migration 0009, dipdesk.store.reach) is derived data kept by triggers.
    derived = ("kpi_lines", "kpi_reach", "kpi_counts")
    diff = [d for d in diff if not (d[0] == "remove_table" and ("_fts" in d[1].name or d[1].name in derived))]
    assert diff == [], f"models and migrations disagree; add a migration: {diff}"


def test_old_database_is_backed_up_then_upgraded_keeping_its_data(db_path: Path) -> None:
    engine = open_database(db_path, revision="0001")
    assert current_revision(engine) == "0001"
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO sites (id, code, name_th, name_en, abbrev_th, kind, address, phone, has_lab, "
                "public_key, created_at, updated_at, deleted) VALUES ('s1', 'IPC1', 'ศูนย์ภาค 1', '', '', "
                "'center', '', '', 0, '', '2020-01-01', '2020-01-01', 0)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO people (id, site_id, prefix, first_name_th, last_name_th, first_name_en, "
                "last_name_en, gender, phone, email, address, consent, created_at, updated_at, deleted) "
                "VALUES ('p1', 's1', 'นาง', 'สมศรี', 'ศรีสุขสวัสดิ์', '', '', 'F', '0812345678', '', '', 1, "
                "'2020-01-01', '2020-01-01', 0)"
            )
        )
    engine.dispose()

    upgraded = open_database(db_path)
    assert current_revision(upgraded) == head_revision()
    backups = list(db_path.parent.glob("dipdesk.before-0001-*.sqlite3"))
    assert len(backups) == 1
    with upgraded.connect() as conn:
        assert conn.execute(text("SELECT last_name_th FROM people WHERE id = 'p1'")).scalar() == "ศรีสุขสวัสดิ์"
        # the new search index was built over the rows that were already there
        hit = conn.execute(text("SELECT rowid FROM people_fts WHERE people_fts MATCH '\"สุขสวัส\"'")).all()
        assert len(hit) == 1
    backup = open_database(backups[0], revision="0001")  # the copy is a usable database at the old revision
    with backup.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM people")).scalar() == 1


def test_search_index_follows_inserts_updates_and_deletes(engine) -> None:  # type: ignore[no-untyped-def]
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO sites (id, code, name_th, name_en, abbrev_th, kind, address, phone, has_lab, "
                "public_key, created_at, updated_at, deleted) VALUES ('s1', 'X', 'x', '', '', 'center', '', '', 0, "
                "'', '2020-01-01', '2020-01-01', 0)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO people (id, site_id, prefix, first_name_th, last_name_th, first_name_en, last_name_en,"
                " gender, phone, email, address, consent, created_at, updated_at, deleted) VALUES "
                "('p1', 's1', '', 'ประเสริฐ', 'รุ่งเรืองกิจ', '', '', '', '', '', '', 0, '2020-01-01', '2020-01-01', 0)"
            )
        )

    def hits(term: str) -> int:
        with engine.connect() as conn:
            return len(
                conn.execute(
                    text("SELECT rowid FROM people_fts WHERE people_fts MATCH :t"), {"t": f'"{term}"'}
                ).all()
            )

    assert hits("เรืองกิ") == 1
    with engine.begin() as conn:
        conn.execute(text("UPDATE people SET last_name_th = 'วงศ์สวัสดิ์' WHERE id = 'p1'"))
    assert hits("เรืองกิ") == 0 and hits("งศ์สวั") == 1
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM people WHERE id = 'p1'"))
    assert hits("งศ์สวั") == 0


def test_an_upgrade_says_where_it_is_step_by_step(db_path: Path) -> None:
    """The copy first, then migration k of n as each starts, then done (the desktop shows these)."""
    from dipdesk.store.db import UpgradeProgress, pending_steps

    engine = open_database(db_path, revision="0009")
    engine.dispose()
    heard: list[UpgradeProgress] = []
    upgraded = open_database(db_path, progress=heard.append)
    assert current_revision(upgraded) == head_revision()
    steps = pending_steps("0009", head_revision())
    assert steps[0] == "0014" and steps[-1] == head_revision()
    n = len(steps)
    assert [(p.stage, p.step, p.total) for p in heard] == [
        ("backup", 0, n),
        *[("migrate", k, n) for k in range(1, n + 1)],
        ("done", n, n),
    ]
    backup = heard[-1].backup
    assert backup is not None and backup.is_file() and backup.name.startswith("dipdesk.before-0009-")
    assert {p.from_revision for p in heard} == {"0009"}
    # nothing to do, nothing said
    upgraded.dispose()
    heard.clear()
    open_database(db_path, progress=heard.append).dispose()
    assert heard == []
