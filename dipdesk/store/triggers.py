"""A SQLite row trigger set aside while many rows are inserted, then created again exactly as it was.

A row trigger runs once per inserted row; for a first sync's tens of thousands of rows its work is done
much cheaper by a few set-based statements after the insert (the dashboard's reach, `reach.inserting`;
the Thai search index, `search_index.inserting`). SQLite's DDL is transactional: the drop and the
re-creation belong to the caller's transaction, so a failure or a crash anywhere leaves the old state."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError


def trigger_sql(conn: Connection, name: str) -> str | None:
    """The CREATE TRIGGER statement of trigger `name` (SQLite), or None if there is none."""
    if conn.dialect.name != "sqlite":
        return None
    sql = conn.exec_driver_sql("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (name,))
    return sql.scalar()


@contextmanager
def set_aside(conn: Connection, name: str, ddl: str) -> Iterator[None]:
    """Trigger `name` (whose CREATE statement is `ddl`) dropped for the block and created again after it.
    Work the block does after its inserts (the set-based upkeep) runs before the trigger is back. If the
    block fails, the trigger is created again all the same (the caller rolls back, but an open connection
    is never left without it)."""
    conn.exec_driver_sql(f'DROP TRIGGER "{name}"')
    done = False
    try:
        yield
        conn.exec_driver_sql(ddl)
        done = True
    finally:
        if not done:
            with contextlib.suppress(DBAPIError):
                conn.exec_driver_sql(ddl.replace("CREATE TRIGGER", "CREATE TRIGGER IF NOT EXISTS", 1))
