"""Lists of values bound as ONE statement parameter (a first sync's statements name thousands of ids):
an array on PostgreSQL, a JSON list on SQLite. Used by `dipdesk.sync.merge`."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection

from dipdesk.store import jsoncodec


def param(conn: Connection) -> str:
    return "%s" if conn.dialect.name == "postgresql" else "?"


_PLAIN = re.compile(r"[0-9A-Za-z_.:-]+")


def pg_text_array(items: list[str]) -> Any:
    """`items` as a PostgreSQL text[] parameter: written as the array's text ({a,b,c}) when every item is
    plain (letters, digits and -_.:, as ids and stamps are), which psycopg then sends as one string; else
    the list itself, which psycopg writes out item by item in Python (a fifth of a first upload's push
    batch on the server went to that, for the clocks' and the prefetch's arrays)."""
    if (
        _PLAIN.fullmatch("".join(items))
        and all(items)
        and not any(len(x) == 4 and x.upper() == "NULL" for x in items)
    ):
        return "{" + ",".join(items) + "}"
    return items


def select_in(conn: Connection, sql: str, ids: list[str], tail: str = "", *before: Any) -> Sequence[Any]:
    """Rows of `sql` (ending in a column) restricted to the column's values in `ids`, bound as one
    parameter: an array on PostgreSQL, a JSON list on SQLite; one statement the database plans once,
    whatever the number of ids, instead of a placeholder per id. `before`: the parameters before it."""
    if conn.dialect.name == "postgresql":
        return conn.exec_driver_sql(f"{sql} = ANY(%s::text[]){tail}", (*before, pg_text_array(ids))).all()
    return conn.exec_driver_sql(
        f"{sql} IN (SELECT value FROM json_each(?)){tail}", (*before, jsoncodec.dumps(ids))
    ).all()
