"""Secondary indexes of empty tables set aside while a first download fills them, created after it.

A first download inserts tens of thousands of rows whose keys (random ids: a person's id in enrollments,
an enrollment's in attendance) land all over each secondary index, batch after batch; building an index
once, sorted, from the filled table costs a fraction of that (as the demo builder does, in one
transaction). The download commits batch by batch, so the indexes stay away across transactions; to keep
that safe whatever happens:

- only non-unique indexes declared by CREATE INDEX go (unique ones are constraints, and stay), and only
  of tables that hold no row at all when the download starts;
- each index's CREATE statement is written to `local_state` (key `index aside:<name>`) in the same
  transaction that drops it, so the database never lacks an index without saying which;
- `restore` creates them again and forgets the keys, in one transaction. The download calls it when it
  ends, however it ends; after a kill, `store.db.open_database` calls it on the next opening, and the next
  download as well. Meanwhile the database is whole and correct, only slower to search.

SQLite only (the device's database); elsewhere these do nothing."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection

PREFIX = "index aside:"


def set_aside_empty(conn: Connection, tables: Iterable[str]) -> int:
    """Drop the non-unique secondary indexes of those `tables` that are empty, inside the caller's
    transaction, writing down how to create each again. Returns how many were set aside."""
    if conn.dialect.name != "sqlite":
        return 0
    n = 0
    for table in tables:
        if conn.exec_driver_sql(f'SELECT 1 FROM "{table}" LIMIT 1').first() is not None:
            continue
        for _seq, name, unique, origin, _partial in conn.exec_driver_sql(
            f'PRAGMA index_list("{table}")'
        ).all():
            if unique or origin != "c":
                continue
            sql = conn.exec_driver_sql(
                "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?", (name,)
            ).scalar()
            if not sql:
                continue
            conn.exec_driver_sql(
                "INSERT OR REPLACE INTO local_state (key, value) VALUES (?, ?)", (PREFIX + name, sql)
            )
            conn.exec_driver_sql(f'DROP INDEX "{name}"')
            n += 1
    return n


def aside(conn: Connection) -> list[str]:
    """The names of the indexes set aside and not created again yet."""
    if conn.dialect.name != "sqlite":
        return []
    rows = conn.exec_driver_sql(
        "SELECT key FROM local_state WHERE substr(key, 1, ?) = ? ORDER BY key", (len(PREFIX), PREFIX)
    )
    return [str(r[0])[len(PREFIX) :] for r in rows]


def restore(conn: Connection) -> int:
    """Create again every index set aside (one that exists already is left as it is) and forget them,
    inside the caller's transaction. Returns how many were waiting."""
    if conn.dialect.name != "sqlite":
        return 0
    rows = conn.exec_driver_sql(
        "SELECT key, value FROM local_state WHERE substr(key, 1, ?) = ? ORDER BY key", (len(PREFIX), PREFIX)
    ).all()
    for key, sql in rows:
        name = str(key)[len(PREFIX) :]
        there = conn.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?", (name,))
        if there.first() is None:
            conn.exec_driver_sql(str(sql))
        conn.exec_driver_sql("DELETE FROM local_state WHERE key = ?", (key,))
    return len(rows)
