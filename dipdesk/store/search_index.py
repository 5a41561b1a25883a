"""Many rows inserted at once into a table with a Thai search index (the FTS5 trigram tables of
migration 0002): indexed by one INSERT … SELECT after the statement instead of one trigger run per row.

FTS5 pays a fixed cost for every statement that writes to it; a trigger makes one statement per row, so a
first sync's people cost about twice their own insert in index upkeep (40 µs a row). `inserting` drops the
table's insert trigger for the block and creates it again as it was, in the caller's transaction (SQLite's
DDL is transactional: a failure or a crash anywhere leaves the old state), and in between indexes the
block's rows with the trigger's own expression. Only a trigger of exactly the shape migration 0002 writes
is replaced; anything else keeps its row-by-row trigger.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection

from dipdesk.store import jsoncodec
from dipdesk.store.triggers import set_aside, trigger_sql

BULK_MIN = 200  # rows of one table in one statement from which `inserting` pays off (its DDL costs)

# migration 0002's insert trigger: `INSERT INTO <table>_fts(rowid, body) VALUES (new.rowid, <text>)`,
# the text made of `coalesce(new.<column>,'')` joined by `' '`
_PART = r"coalesce\(new\.\w+,''\)"
_TRIGGER = re.compile(
    r"CREATE TRIGGER (?P<name>\w+) AFTER INSERT ON (?P<table>\w+) BEGIN "
    r"INSERT INTO (?P<fts>\w+)\(rowid, body\) VALUES \(new\.rowid, "
    rf"(?P<text>{_PART}(?: \|\| ' ' \|\| {_PART})*)\); END"
)


def _bulk_insert(ddl: str, table: str) -> str | None:
    """The INSERT … SELECT that indexes the rows whose ids are a JSON list parameter, as the trigger
    `ddl` would one by one; None when the trigger is not of the expected shape."""
    m = _TRIGGER.fullmatch(ddl)
    if m is None or m["table"] != table or m["fts"] != f"{table}_fts":
        return None
    text = re.sub(r"\bnew\.(\w+)", r'"\1"', m["text"])
    return (
        f'INSERT INTO "{m["fts"]}"(rowid, body) SELECT rowid, {text} FROM "{table}" '
        "WHERE id IN (SELECT value FROM json_each(?))"
    )


@contextmanager
def inserting(conn: Connection, table: str, ids: list[str]) -> Iterator[None]:
    """Insert the rows `ids` of `table` inside the block (one statement, nothing else writing the table in
    it); they are indexed for search afterwards in one statement. Does nothing special below `BULK_MIN`
    rows, for tables without a search index, or elsewhere than SQLite."""
    name = f"{table}_fts_ai"
    ddl = trigger_sql(conn, name) if len(ids) >= BULK_MIN else None
    bulk = _bulk_insert(ddl, table) if ddl else None
    if ddl is None or bulk is None:
        yield
        return
    with set_aside(conn, name, ddl):
        yield
        conn.exec_driver_sql(bulk, (jsoncodec.dumps(ids),))
