"""Migration 0011 adds the follow-up and evidence tables to an older database, and only what is missing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlalchemy as sa


def test_0011_creates_what_is_missing(tmp_path: Path) -> None:
    from dipdesk.store.db import head_revision, open_database

    path = tmp_path / "old.sqlite3"
    open_database(path).dispose()
    con = sqlite3.connect(path)  # as it was before 0011
    with con:
        con.execute("DROP TABLE followups")
        con.execute("UPDATE alembic_version SET version_num = '0013'")
    con.close()
    engine = open_database(path)
    inspector = sa.inspect(engine)
    assert {"followups", "outcome_evidence"} <= set(inspector.get_table_names())
    assert "due_on" in {c["name"] for c in inspector.get_columns("followups")}
    with engine.connect() as conn:
        # at the head (0011, then the migrations that follow it)
        assert conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar() == head_revision()
    engine.dispose()
