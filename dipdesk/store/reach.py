"""The dashboard's reach, kept up to date by SQLite triggers in the same transaction as every change.

The dashboard counts each person, enterprise, product and group once per fiscal year: for a site, per
program and per service kind, and for all sites together (`dipdesk.services.kpi`). Counting distinct ids
over a million enrollments takes tens of seconds, so the counts are kept instead of recomputed:

- `kpi_lines`: one row per (fiscal year, site or '*' for all sites, line, kind), a small integer id.
  A line is '' (the site's total), 'p:<program id>' or 'k:<service kind>'; the kinds are the four
  distinct counts (persons, enterprises, products, groups) and the plain counters below.
- `kpi_reach`: (all-sites line, id reached, site line, n): n is how many source rows (enrollments,
  service records, products) reach that id on that line. One row serves both scopes: the site's line
  counts its rows, the all-sites line counts each id once however many sites reached it.
- `kpi_counts`: (line, n): for a distinct kind, how many ids have n > 0; for a counter, the sum.
  Counters: `enrollments` (live enrollments of the year's live activities), `certificates` (issued in the
  year), `value` (economic value of the year's outcomes, in satang, per program), `outcomes` (live
  outcomes of the year), `value_backed` (the economic value of those with live evidence: the dashboard's
  evidence share), `total_<table>` (live rows of people, enterprises, products, groups; fiscal year 0).

Triggers on enrollments, activities, programs, enterprises, service records, products, outcomes,
certificates, people and groups subtract what a row contributed before a change and add what it
contributes after (and on outcome evidence, the value of an outcome that gains its first or loses its
last live evidence), so every writer (services, imports, the demo's bulk load, changes pulled by sync) keeps
the figures right without knowing about them. `rebuild` recounts everything from the records (migration,
`dipdesk check --repair`); `recount_differs` compares the kept figures with a fresh recount.

SQLite only: the server's PostgreSQL has no triggers, and `services.kpi` recounts there.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection

from dipdesk.store import jsoncodec
from dipdesk.store.db import begin_now
from dipdesk.store.triggers import set_aside, trigger_sql

REACHED = "('enrolled', 'completed')"
ALL = "*"
TOTAL_TABLES = ("people", "enterprises", "products", "groups")

# The columns of each source table that the triggers read (a changed row is substituted for its table).
COLUMNS: dict[str, tuple[str, ...]] = {
    "enrollments": ("id", "activity_id", "person_id", "enterprise_id", "group_id", "status", "deleted"),
    "activities": ("id", "program_id", "deleted"),
    "programs": ("id", "fiscal_year", "site_id", "service_kind", "deleted"),
    "enterprises": ("id", "group_id", "deleted"),
    "service_records": ("id", "enterprise_id", "program_id", "service_kind", "day", "site_id", "deleted"),
    "products": ("id", "developed_in_program_id", "deleted"),
    "outcomes": (
        "id",
        "program_id",
        "fiscal_year",
        "site_id",
        "revenue_before",
        "revenue_after",
        "cost_saved",
        "investment",
        "deleted",
    ),
    "certificates": ("id", "issued_on", "state", "site_id", "deleted"),
    "people": ("id", "deleted"),
    "groups": ("id", "deleted"),
}


def _fy(day: str) -> str:
    """The Thai fiscal year (BE) of an ISO date: 1 October starts the next year."""
    return f"(CAST(substr({day}, 1, 4) AS INTEGER) + 543 + (substr({day}, 6, 2) >= '10'))"


def _cents(x: str) -> str:
    return f"CAST(round(coalesce({x}, 0) * 100) AS INTEGER)"


# Distinct components: SELECT y, s, pid, sk, kind, rid. {t} placeholders are tables (or a changed row).
_ENR_FROM = (
    "FROM {enrollments} e JOIN {activities} a ON a.id = e.activity_id JOIN {programs} p ON p.id = a.program_id "
    f"WHERE e.deleted = 0 AND e.status IN {REACHED} AND a.deleted = 0 AND p.deleted = 0"
)
_ENR_COLS = "p.fiscal_year AS y, p.site_id AS s, p.id AS pid, p.service_kind AS sk"
DISTINCT: dict[str, tuple[str, frozenset[str]]] = {
    "enr_persons": (
        f"SELECT {_ENR_COLS}, 'persons' AS kind, e.person_id AS rid {_ENR_FROM} AND e.person_id IS NOT NULL",
        frozenset({"enrollments", "activities", "programs"}),
    ),
    "enr_enterprises": (
        f"SELECT {_ENR_COLS}, 'enterprises' AS kind, e.enterprise_id AS rid {_ENR_FROM} "
        "AND e.enterprise_id IS NOT NULL",
        frozenset({"enrollments", "activities", "programs"}),
    ),
    "enr_groups": (
        f"SELECT {_ENR_COLS}, 'groups' AS kind, e.group_id AS rid {_ENR_FROM} AND e.group_id IS NOT NULL",
        frozenset({"enrollments", "activities", "programs"}),
    ),
    "enr_groups_of_enterprise": (
        f"SELECT {_ENR_COLS}, 'groups' AS kind, x.group_id AS rid "
        + _ENR_FROM.replace("WHERE", "JOIN {enterprises} x ON x.id = e.enterprise_id WHERE")
        + " AND x.group_id IS NOT NULL",
        frozenset({"enrollments", "activities", "programs", "enterprises"}),
    ),
    "svc_enterprises": (
        f"SELECT {_fy('v.day')} AS y, v.site_id AS s, v.program_id AS pid, v.service_kind AS sk, "
        "'enterprises' AS kind, v.enterprise_id AS rid FROM {service_records} v "
        "WHERE v.deleted = 0 AND v.enterprise_id IS NOT NULL",
        frozenset({"service_records"}),
    ),
    "svc_groups_of_enterprise": (
        f"SELECT {_fy('v.day')} AS y, v.site_id AS s, v.program_id AS pid, v.service_kind AS sk, "
        "'groups' AS kind, x.group_id AS rid FROM {service_records} v JOIN {enterprises} x ON x.id = v.enterprise_id "
        "WHERE v.deleted = 0 AND x.group_id IS NOT NULL",
        frozenset({"service_records", "enterprises"}),
    ),
    "products": (
        "SELECT p.fiscal_year AS y, p.site_id AS s, p.id AS pid, p.service_kind AS sk, 'products' AS kind, "
        "d.id AS rid FROM {products} d JOIN {programs} p ON p.id = d.developed_in_program_id "
        "WHERE d.deleted = 0 AND p.deleted = 0",
        frozenset({"products", "programs"}),
    ),
}

# Counters: SELECT y, s, line, kind, amount (the all-sites line '*' gets the same amount).
_VALUE = (
    f"max({_cents('o.revenue_after')} - {_cents('o.revenue_before')}, 0) + {_cents('o.cost_saved')} "
    f"+ {_cents('o.investment')}"
)
COUNTERS: dict[str, tuple[str, frozenset[str]]] = {
    "enrollments": (
        "SELECT p.fiscal_year AS y, p.site_id AS s, '' AS line, 'enrollments' AS kind, 1 AS amount "
        "FROM {enrollments} e JOIN {activities} a ON a.id = e.activity_id JOIN {programs} p ON p.id = a.program_id "
        "WHERE e.deleted = 0 AND a.deleted = 0 AND p.deleted = 0",
        frozenset({"enrollments", "activities", "programs"}),
    ),
    "certificates": (
        f"SELECT {_fy('c.issued_on')} AS y, c.site_id AS s, '' AS line, 'certificates' AS kind, 1 AS amount "
        "FROM {certificates} c WHERE c.deleted = 0 AND c.state = 'issued' AND c.issued_on IS NOT NULL",
        frozenset({"certificates"}),
    ),
    "value": (
        "SELECT o.fiscal_year AS y, o.site_id AS s, 'p:' || coalesce(o.program_id, '') AS line, "
        f"'value' AS kind, {_VALUE} AS amount FROM {{outcomes}} o WHERE o.deleted = 0",
        frozenset({"outcomes"}),
    ),
    "outcomes": (
        "SELECT o.fiscal_year AS y, o.site_id AS s, '' AS line, 'outcomes' AS kind, 1 AS amount "
        "FROM {outcomes} o WHERE o.deleted = 0",
        frozenset({"outcomes"}),
    ),
    # the evidence side of this one has triggers of its own (_evidence_ddl): an outcome counts once,
    # however many files back it
    "value_backed": (
        "SELECT o.fiscal_year AS y, o.site_id AS s, '' AS line, 'value_backed' AS kind, "
        f"{_VALUE} AS amount FROM {{outcomes}} o WHERE o.deleted = 0 AND EXISTS (SELECT 1 FROM "
        "outcome_evidence v WHERE v.outcome_id = o.id AND v.deleted = 0)",
        frozenset({"outcomes"}),
    ),
    **{
        f"total_{t}": (
            f"SELECT 0 AS y, '{ALL}' AS s, '' AS line, 'total_{t}' AS kind, 1 AS amount "
            f"FROM {{{t}}} r WHERE r.deleted = 0",
            frozenset({t}),
        )
        for t in TOTAL_TABLES
    },
}


def _source(sql: str, table: str | None = None, row: str | None = None, rows: str | None = None) -> str:
    """The component's SQL with its tables filled in; `table` replaced by the trigger's OLD or NEW row, or
    by `rows`, a subquery of several of its rows (`inserting`)."""
    names = {t: t for t in COLUMNS}
    if table is not None and rows is not None:
        names[table] = rows
    elif table is not None and row is not None:
        names[table] = "(SELECT " + ", ".join(f"{row}.{c} AS {c}" for c in COLUMNS[table]) + ")"
    return sql.format(**names)


def _lines(distinct_sql: str) -> str:
    """Each reach on three lines: the total (''), its program ('p:…', when it has one), its service kind."""
    return (
        "SELECT b.y AS y, b.s AS s, CASE t.n WHEN 0 THEN '' WHEN 1 THEN 'p:' || b.pid ELSE 'k:' || b.sk END "
        f"AS line, b.kind AS kind, b.rid AS rid FROM ({distinct_sql}) b "
        "JOIN (SELECT 0 AS n UNION ALL SELECT 1 UNION ALL SELECT 2) t "
        "WHERE b.y IS NOT NULL AND b.s IS NOT NULL AND (t.n <> 1 OR b.pid IS NOT NULL) "
        "AND (t.n <> 2 OR b.sk IS NOT NULL)"
    )


def _ensure_lines(src: str) -> str:
    return (
        "INSERT OR IGNORE INTO kpi_lines(fiscal_year, site_id, line, kind) "
        f"SELECT y, s, line, kind FROM ({src}) UNION SELECT y, '{ALL}', line, kind FROM ({src})"
    )


def _apply_distinct(src: str, sign: int) -> list[str]:
    out = [_ensure_lines(src)] if sign > 0 else []
    out.append(
        "INSERT INTO kpi_reach(all_line, rid, site_line, n) "
        f"SELECT la.id, x.rid, ls.id, {sign} FROM ({src}) x "
        "JOIN kpi_lines ls ON ls.fiscal_year = x.y AND ls.site_id = x.s AND ls.line = x.line AND ls.kind = x.kind "
        f"JOIN kpi_lines la ON la.fiscal_year = x.y AND la.site_id = '{ALL}' AND la.line = x.line "
        "AND la.kind = x.kind WHERE 1 "
        "ON CONFLICT(all_line, rid, site_line) DO UPDATE SET n = n + excluded.n"
    )
    return out


def _apply_counter(src: str, sign: int) -> list[str]:
    out = [_ensure_lines(src)] if sign > 0 else []
    out.append(
        "INSERT INTO kpi_counts(line_id, n) SELECT * FROM ("
        f"SELECT l.id AS line_id, sum({sign} * x.amount) AS n FROM ({src}) x "
        "JOIN kpi_lines l ON l.fiscal_year = x.y AND l.site_id IN (x.s, "
        f"'{ALL}') AND l.line = x.line AND l.kind = x.kind GROUP BY l.id) WHERE 1 "
        "ON CONFLICT(line_id) DO UPDATE SET n = n + excluded.n"
    )
    return out


def _changed(table: str) -> str:
    cols = [c for c in COLUMNS[table] if c != "id"]
    return " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in cols) or "0"


def _statements(table: str, row: str, sign: int, rows: str | None = None) -> list[str]:
    out: list[str] = []
    for sql, deps in DISTINCT.values():
        if table in deps:
            out += _apply_distinct(_lines(_source(sql, table, row, rows)), sign)
    for sql, deps in COUNTERS.values():
        if table in deps:
            out += _apply_counter(_source(sql, table, row, rows), sign)
    return out


def trigger_ddl() -> list[str]:
    """CREATE TRIGGER statements: the reach's own bookkeeping, then one set per source table."""
    other_site_live = (
        "EXISTS (SELECT 1 FROM kpi_reach r WHERE r.all_line = {R}.all_line AND r.rid = {R}.rid "
        "AND r.site_line <> {R}.site_line AND r.n > 0)"
    )

    def on(r: str) -> str:
        return (
            f"INSERT INTO kpi_counts(line_id, n) VALUES ({r}.site_line, 1) "
            "ON CONFLICT(line_id) DO UPDATE SET n = n + 1; "
            f"INSERT INTO kpi_counts(line_id, n) SELECT {r}.all_line, 1 WHERE NOT "
            + other_site_live.format(R=r)
            + " ON CONFLICT(line_id) DO UPDATE SET n = n + 1;"
        )

    def off(r: str) -> str:
        return (
            f"UPDATE kpi_counts SET n = n - 1 WHERE line_id = {r}.site_line; "
            f"UPDATE kpi_counts SET n = n - 1 WHERE line_id = {r}.all_line AND NOT "
            + other_site_live.format(R=r)
            + ";"
        )

    ddl = [
        f"CREATE TRIGGER kpi_reach_ai AFTER INSERT ON kpi_reach WHEN NEW.n > 0 BEGIN {on('NEW')} END",
        "CREATE TRIGGER kpi_reach_au_on AFTER UPDATE OF n ON kpi_reach WHEN OLD.n <= 0 AND NEW.n > 0 "
        f"BEGIN {on('NEW')} END",
        "CREATE TRIGGER kpi_reach_au_off AFTER UPDATE OF n ON kpi_reach WHEN OLD.n > 0 AND NEW.n <= 0 "
        f"BEGIN {off('NEW')} END",
        f"CREATE TRIGGER kpi_reach_ad AFTER DELETE ON kpi_reach WHEN OLD.n > 0 BEGIN {off('OLD')} END",
    ]
    ddl += _evidence_ddl()
    for table in COLUMNS:
        plus, minus = _statements(table, "NEW", +1), _statements(table, "OLD", -1)
        ddl.append(f"CREATE TRIGGER kpi_{table}_ai AFTER INSERT ON {table} BEGIN {'; '.join(plus)}; END")
        ddl.append(f"CREATE TRIGGER kpi_{table}_ad AFTER DELETE ON {table} BEGIN {'; '.join(minus)}; END")
        cols = ", ".join(c for c in COLUMNS[table] if c != "id")
        ddl.append(
            f"CREATE TRIGGER kpi_{table}_au AFTER UPDATE OF {cols} ON {table} WHEN {_changed(table)} "
            f"BEGIN {'; '.join(minus + plus)}; END"
        )
    return ddl


def _evidence_ddl() -> list[str]:
    """`value_backed` on changes of outcome evidence: the outcome's value is added when it gains its
    first live evidence and taken away when it loses its last (an update is both, for the old and the
    new row; "other" evidence is any live row but this one)."""

    def backed(row: str, sign: int) -> list[str]:
        src = (
            "SELECT o.fiscal_year AS y, o.site_id AS s, '' AS line, 'value_backed' AS kind, "
            f"{_VALUE} AS amount FROM outcomes o WHERE o.id = {row}.outcome_id AND o.deleted = 0 "
            f"AND {row}.deleted = 0 AND NOT EXISTS (SELECT 1 FROM outcome_evidence v "
            f"WHERE v.outcome_id = {row}.outcome_id AND v.deleted = 0 AND v.id <> {row}.id)"
        )
        return _apply_counter(src, sign)

    plus, minus = backed("NEW", +1), backed("OLD", -1)
    return [
        f"CREATE TRIGGER kpi_outcome_evidence_ai AFTER INSERT ON outcome_evidence BEGIN {'; '.join(plus)}; END",
        f"CREATE TRIGGER kpi_outcome_evidence_ad AFTER DELETE ON outcome_evidence BEGIN {'; '.join(minus)}; END",
        "CREATE TRIGGER kpi_outcome_evidence_au AFTER UPDATE OF outcome_id, deleted ON outcome_evidence "
        "WHEN OLD.outcome_id IS NOT NEW.outcome_id OR OLD.deleted IS NOT NEW.deleted "
        f"BEGIN {'; '.join(minus + plus)}; END",
    ]


TABLES_DDL = (
    "CREATE TABLE IF NOT EXISTS kpi_lines (id INTEGER PRIMARY KEY, fiscal_year INTEGER NOT NULL, "
    "site_id TEXT NOT NULL, line TEXT NOT NULL, kind TEXT NOT NULL, UNIQUE (fiscal_year, site_id, line, kind))",
    "CREATE TABLE IF NOT EXISTS kpi_reach (all_line INTEGER NOT NULL, rid TEXT NOT NULL, "
    "site_line INTEGER NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (all_line, rid, site_line)) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS kpi_counts (line_id INTEGER PRIMARY KEY, n INTEGER NOT NULL)",
)
DERIVED_TABLES = ("kpi_lines", "kpi_reach", "kpi_counts")


def _trigger_names(conn: Connection) -> list[str]:
    return [
        r[0]
        for r in conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'kpi\\_%' ESCAPE '\\'"
        )
    ]


def installed(conn: Connection) -> bool:
    """Whether this database keeps its reach (SQLite with the tables and triggers)."""
    if conn.dialect.name != "sqlite":
        return False
    return len(_trigger_names(conn)) == len(trigger_ddl())


def drop(conn: Connection) -> None:
    for name in _trigger_names(conn):
        conn.exec_driver_sql(f'DROP TRIGGER "{name}"')
    for t in DERIVED_TABLES:
        conn.exec_driver_sql(f"DROP TABLE IF EXISTS {t}")


BULK_MIN = 200  # rows of one table in one statement from which `inserting` pays off (its DDL costs)


@contextmanager
def inserting(conn: Connection, table: str, ids: list[str]) -> Iterator[None]:
    """Insert many rows of `table` (their `ids`) inside the block, and count them in the reach in a few
    set-based statements afterwards instead of one trigger run per row (a first sync inserts tens of
    thousands; the enrollments' trigger costs a quarter of a millisecond a row). The row trigger is
    dropped for the block and created again as it was, in the caller's transaction: SQLite's DDL is
    transactional, so a failure or a crash anywhere leaves the old state. Rows of one table never reach
    each other, so counting them after the statement equals counting them row by row; the caller counts
    each statement's rows before the next statement runs. Does nothing special below `BULK_MIN` rows, for
    tables the reach does not read, and where the reach is not kept (PostgreSQL)."""
    name = f"kpi_{table}_ai"
    ddl = trigger_sql(conn, name) if len(ids) >= BULK_MIN and table in COLUMNS else None
    if ddl is None:
        yield
        return
    with set_aside(conn, name, ddl):
        yield
        cols = ", ".join(COLUMNS[table])
        conn.exec_driver_sql("DROP TABLE IF EXISTS temp.kpi_rows")
        conn.exec_driver_sql(
            f"CREATE TEMP TABLE kpi_rows AS SELECT {cols} FROM main.{table} "
            "WHERE id IN (SELECT value FROM json_each(?))",
            (jsoncodec.dumps(ids),),
        )
        _count_distinct(conn, table, "temp.kpi_rows")
        for sql, deps in COUNTERS.values():
            if table in deps:
                conn.exec_driver_sql("DROP TABLE IF EXISTS temp.kpi_bulk")
                conn.exec_driver_sql(
                    f"CREATE TEMP TABLE kpi_bulk AS {_source(sql, table, rows='temp.kpi_rows')}"
                )
                for stmt in _apply_counter("SELECT * FROM temp.kpi_bulk", +1):
                    conn.exec_driver_sql(stmt)
        conn.exec_driver_sql("DROP TABLE IF EXISTS temp.kpi_bulk")
        conn.exec_driver_sql("DROP TABLE temp.kpi_rows")


# The reach's own triggers that count an id reached for the first time (set aside by `_count_distinct`,
# which counts those set-based).
_REACH_ON = ("kpi_reach_ai", "kpi_reach_au_on")


def _count_distinct(conn: Connection, table: str, rows: str) -> None:
    """What the insert trigger of `table` does to the distinct counts, for the rows of table `rows` at
    once: every component reading the table in one pass, each (line, id) reached counted once with the
    number of rows reaching it, and the lines' counts moved by the ids that start being reached, the way
    the reach's own triggers would move them row by row (which are set aside meanwhile):

    - a site line counts one more for each of its (line, id) rows whose n goes from 0 or less to more
      than 0 (inserted rows only add, so nothing stops being reached);
    - an all-sites line counts one more for each id that no site's row reached before and one now does
      (row by row, only the first such row adds one: the others then see it reached)."""
    parts = [_lines(_source(sql, table, rows=rows)) for sql, deps in DISTINCT.values() if table in deps]
    if not parts:
        return
    conn.exec_driver_sql("DROP TABLE IF EXISTS temp.kpi_bulk")
    conn.exec_driver_sql("CREATE TEMP TABLE kpi_bulk AS " + " UNION ALL ".join(parts))
    conn.exec_driver_sql(_ensure_lines("SELECT y, s, line, kind FROM temp.kpi_bulk"))
    conn.exec_driver_sql("DROP TABLE IF EXISTS temp.kpi_delta")
    conn.exec_driver_sql(
        "CREATE TEMP TABLE kpi_delta AS SELECT la.id AS all_line, x.rid AS rid, ls.id AS site_line, "
        "count(*) AS dn, coalesce(r.n, 0) AS old FROM temp.kpi_bulk x "
        "JOIN kpi_lines ls ON ls.fiscal_year = x.y AND ls.site_id = x.s AND ls.line = x.line "
        f"AND ls.kind = x.kind JOIN kpi_lines la ON la.fiscal_year = x.y AND la.site_id = '{ALL}' "
        "AND la.line = x.line AND la.kind = x.kind LEFT JOIN kpi_reach r ON r.all_line = la.id "
        "AND r.rid = x.rid AND r.site_line = ls.id GROUP BY la.id, x.rid, ls.id"
    )
    turning_on = "old <= 0 AND old + dn > 0"
    conn.exec_driver_sql(
        "INSERT INTO kpi_counts(line_id, n) SELECT * FROM (SELECT site_line, count(*) FROM temp.kpi_delta "
        f"WHERE {turning_on} GROUP BY site_line) WHERE 1 ON CONFLICT(line_id) DO UPDATE SET n = n + excluded.n"
    )
    conn.exec_driver_sql(
        "INSERT INTO kpi_counts(line_id, n) SELECT * FROM (SELECT all_line, count(DISTINCT rid) "
        f"FROM temp.kpi_delta d WHERE {turning_on} AND NOT EXISTS (SELECT 1 FROM kpi_reach r "
        "WHERE r.all_line = d.all_line AND r.rid = d.rid AND r.n > 0) GROUP BY all_line) WHERE 1 "
        "ON CONFLICT(line_id) DO UPDATE SET n = n + excluded.n"
    )
    with contextlib.ExitStack() as aside:
        for name in _REACH_ON:
            on_ddl = trigger_sql(conn, name)
            if on_ddl is not None:
                aside.enter_context(set_aside(conn, name, on_ddl))
        conn.exec_driver_sql(
            "INSERT INTO kpi_reach(all_line, rid, site_line, n) SELECT all_line, rid, site_line, dn "
            "FROM temp.kpi_delta WHERE 1 ON CONFLICT(all_line, rid, site_line) DO UPDATE SET n = n + excluded.n"
        )
    conn.exec_driver_sql("DROP TABLE temp.kpi_delta")


def rebuild(conn: Connection) -> None:
    """Recount the reach from the records and (re)install the triggers, inside the caller's transaction.

    Set-based: the triggers are dropped while the tables are filled by a few INSERT … SELECT … GROUP BY
    statements, then created again (SQLite's DDL is transactional: a failure leaves the old state)."""
    if conn.dialect.name != "sqlite":
        return
    drop(conn)
    for ddl in TABLES_DDL:
        conn.exec_driver_sql(ddl)
    # The enrollments joined to their activity, program and enterprise once (four kinds read them).
    conn.exec_driver_sql(
        "CREATE TEMP TABLE kpi_enr AS SELECT p.fiscal_year AS y, p.site_id AS s, p.id AS pid, "
        "p.service_kind AS sk, e.person_id AS person, e.enterprise_id AS enterprise, e.group_id AS grp, "
        "x.group_id AS xgrp FROM enrollments e JOIN activities a ON a.id = e.activity_id "
        "JOIN programs p ON p.id = a.program_id LEFT JOIN enterprises x ON x.id = e.enterprise_id "
        f"WHERE e.deleted = 0 AND e.status IN {REACHED} AND a.deleted = 0 AND p.deleted = 0"
    )
    from_enr = {
        "enr_persons": ("persons", "person"),
        "enr_enterprises": ("enterprises", "enterprise"),
        "enr_groups": ("groups", "grp"),
        "enr_groups_of_enterprise": ("groups", "xgrp"),
    }
    parts = []
    for name, (sql, _deps) in DISTINCT.items():
        if name in from_enr:
            kind, col = from_enr[name]
            sql = f"SELECT y, s, pid, sk, '{kind}' AS kind, {col} AS rid FROM temp.kpi_enr WHERE {col} IS NOT NULL"
        else:
            sql = _source(sql)
        parts.append(_lines(sql))
    conn.exec_driver_sql("CREATE TEMP TABLE kpi_src AS " + " UNION ALL ".join(parts))
    conn.exec_driver_sql("DROP TABLE temp.kpi_enr")
    counters = " UNION ALL ".join(_source(sql) for sql, _ in COUNTERS.values())
    conn.exec_driver_sql("CREATE TEMP TABLE kpi_cnt AS " + counters)
    conn.exec_driver_sql(_ensure_lines("SELECT y, s, line, kind FROM temp.kpi_src"))
    conn.exec_driver_sql(_ensure_lines("SELECT y, s, line, kind FROM temp.kpi_cnt"))
    conn.exec_driver_sql(
        "INSERT INTO kpi_reach(all_line, rid, site_line, n) "
        "SELECT la.id, x.rid, ls.id, count(*) FROM temp.kpi_src x "
        "JOIN kpi_lines ls ON ls.fiscal_year = x.y AND ls.site_id = x.s AND ls.line = x.line AND ls.kind = x.kind "
        f"JOIN kpi_lines la ON la.fiscal_year = x.y AND la.site_id = '{ALL}' AND la.line = x.line "
        "AND la.kind = x.kind GROUP BY la.id, x.rid, ls.id"
    )
    conn.exec_driver_sql("DROP TABLE temp.kpi_src")
    conn.exec_driver_sql(
        "INSERT INTO kpi_counts(line_id, n) SELECT site_line, count(*) FROM kpi_reach GROUP BY site_line"
    )
    conn.exec_driver_sql(
        "INSERT INTO kpi_counts(line_id, n) SELECT all_line, count(DISTINCT rid) FROM kpi_reach GROUP BY all_line"
    )
    conn.exec_driver_sql(
        "INSERT INTO kpi_counts(line_id, n) "
        f"SELECT l.id, sum(x.amount) FROM temp.kpi_cnt x JOIN kpi_lines l ON l.fiscal_year = x.y "
        f"AND l.site_id IN (x.s, '{ALL}') AND l.line = x.line AND l.kind = x.kind GROUP BY l.id"
    )
    conn.exec_driver_sql("DROP TABLE temp.kpi_cnt")
    for ddl in trigger_ddl():
        conn.exec_driver_sql(ddl)


def counts(conn: Connection, year: int, site_id: str | None) -> dict[tuple[str, str], int]:
    """{(line, kind): n} for a fiscal year and a site (None: all sites); `total_*` kinds are year 0."""
    scope = site_id if site_id is not None else ALL
    rows = conn.exec_driver_sql(
        "SELECT l.line, l.kind, c.n FROM kpi_lines l JOIN kpi_counts c ON c.line_id = l.id "
        "WHERE (l.fiscal_year = ? AND l.site_id = ?) OR (l.fiscal_year = 0 AND l.site_id = ?)",
        (year, scope, ALL),
    )
    return {(line, kind): int(n) for line, kind, n in rows}


def evidence_sums(conn: Connection, year: int) -> dict[str, tuple[int, int]]:
    """{site id: (economic value, the part with evidence)} in satang, for the sites with live outcomes
    in fiscal year `year` (the dashboard's evidence share): a few rows per site, whatever the number of
    outcomes."""
    rows = conn.exec_driver_sql(
        "SELECT l.site_id, l.kind, sum(c.n) FROM kpi_lines l JOIN kpi_counts c ON c.line_id = l.id "
        f"WHERE l.fiscal_year = ? AND l.site_id <> '{ALL}' AND l.kind IN ('outcomes', 'value', 'value_backed') "
        "GROUP BY l.site_id, l.kind",
        (year,),
    )
    sums: dict[str, dict[str, int]] = {}
    for site, kind, n in rows:
        sums.setdefault(site, {})[kind] = int(n or 0)
    return {
        site: (k.get("value", 0), k.get("value_backed", 0)) for site, k in sums.items() if k.get("outcomes")
    }


def inconsistencies(conn: Connection) -> list[str]:
    """Lines whose kept distinct count is not the number of ids its reach rows hold (a scan of the kept
    rows, no recount from the records: cheap enough for every `dipdesk check`)."""
    if not installed(conn):
        return []
    kept: dict[int, int] = dict(
        conn.exec_driver_sql(
            "SELECT c.line_id, c.n FROM kpi_counts c JOIN kpi_lines l ON l.id = c.line_id "
            "WHERE l.kind IN ('persons', 'enterprises', 'products', 'groups') AND c.n <> 0"
        ).all()
    )
    held: dict[int, int] = dict(
        conn.exec_driver_sql("SELECT site_line, count(*) FROM kpi_reach WHERE n > 0 GROUP BY site_line").all()
    )
    held.update(
        conn.exec_driver_sql(
            "SELECT all_line, count(DISTINCT rid) FROM kpi_reach WHERE n > 0 GROUP BY all_line"
        ).all()
    )
    return [
        f"line {line}: kept {kept.get(line, 0)}, its rows hold {held.get(line, 0)}"
        for line in sorted(set(kept) | set(held))
        if kept.get(line, 0) != held.get(line, 0)
    ]


def recount_differs(conn: Connection) -> list[str]:
    """Lines whose kept figure differs from a recount from the records (empty when all agree).

    Recounts into a savepoint that is rolled back, so the kept figures are left as they were."""
    if not installed(conn):
        return []
    kept = _all_counts(conn)
    begin_now(conn)  # else the savepoint is a transaction of its own (see begin_now)
    nested = conn.begin_nested()
    try:
        rebuild(conn)
        fresh = _all_counts(conn)
    finally:
        nested.rollback()
    out = []
    for key in sorted(set(kept) | set(fresh), key=str):
        if kept.get(key, 0) != fresh.get(key, 0):
            out.append(f"{key}: kept {kept.get(key, 0)}, recounted {fresh.get(key, 0)}")
    return out


def _all_counts(conn: Connection) -> dict[tuple[int, str, str, str], int]:
    rows = conn.exec_driver_sql(
        "SELECT l.fiscal_year, l.site_id, l.line, l.kind, c.n FROM kpi_lines l JOIN kpi_counts c "
        "ON c.line_id = l.id WHERE c.n <> 0"
    )
    return {(y, s, line, kind): int(n) for y, s, line, kind, n in rows}
