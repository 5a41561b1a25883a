"""`dipdesk check`: SQLite integrity plus the domain's invariants. Each problem is one line of text.

Three depths, because SQLite's own checks read every page of the file (at a million people, 5 GB):

- `quick`: the domain's invariants (IDs, phones, dates and states, attendance, lab, certificates, the
  search index, the dashboard's kept figures being in place): seconds at a million people. No page-level
  check, so it neither marks the file damaged nor lifts an earlier mark.
- default: the above, the kept figures counted against their rows, `PRAGMA quick_check` (every page and
  record, without matching each index entry to its row) and `PRAGMA foreign_key_check`.
- `full`: `PRAGMA integrity_check` instead of quick_check: also every index against its table; minutes
  at a million people.

The checks are independent reads, so they run side by side, each on its own connection (WAL lets
readers share the file; sqlite3 releases the GIL while a statement runs).
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from sqlalchemy import Connection, Engine, text

from dipdesk.core.phone import is_valid_phone
from dipdesk.core.thaiid import is_valid_id
from dipdesk.store import reach
from dipdesk.store.db import (
    clear_damage,
    current_revision,
    damage_marker,
    head_revision,
    mark_damaged,
)
from dipdesk.store.enrollment import ENROLLMENT_STATES
from dipdesk.store.lab import ANALYSIS_STATES, SAMPLE_STATES
from dipdesk.store.models import Base

Check = Callable[[Connection], list[str]]


def _sqlite_pages(conn: Connection, *, full: bool = False) -> list[str]:
    """SQLite's own check of the file's pages and records: quick_check, or (`full`) integrity_check,
    which also matches every index entry to its row (most of the time on a large file). Read through
    SQLite's own page reads, not mmap: mapping made the process's resident memory the size of the file
    (2 GB per connection at a million people) for no measurable gain (quick_check 8-13 s either way)."""
    if conn.dialect.name != "sqlite":
        return []
    pragma = "integrity_check" if full else "quick_check"
    return [f"{pragma}: {row[0]}" for row in conn.exec_driver_sql(f"PRAGMA {pragma}") if row[0] != "ok"]


def _foreign_keys(conn: Connection) -> list[str]:
    if conn.dialect.name != "sqlite":
        return []
    return [
        f"foreign key: {table} row {rowid} points to a missing {parent} record"
        for table, rowid, parent, _fk in conn.exec_driver_sql("PRAGMA foreign_key_check")
    ]


def _fts_in_step(conn: Connection) -> list[str]:
    if conn.dialect.name != "sqlite":
        return []
    problems = []
    for table in ("people", "enterprises"):
        n = conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar()
        # one row per indexed document in FTS5's own bookkeeping: a plain count, where count(*) on the
        # virtual table reads the whole index
        m = conn.exec_driver_sql(f"SELECT count(*) FROM {table}_fts_docsize").scalar()
        if n != m:
            problems.append(f"search index {table}_fts has {m} entries for {n} {table}")
    return problems


def _rows(conn: Connection, sql: str) -> list[Any]:
    return list(conn.execute(text(sql)))


def _digits(column: str, n: int) -> str:
    return f"{column} GLOB '{'[0-9]' * n}'"


def _id_checks_out(column: str) -> str:
    """SQL for "13 plain digits whose last is the check digit" (DOMAIN.md), computed in SQLite so that a
    million IDs are checked without a million Python calls; only rows failing it go to `is_valid_id`."""
    total = " + ".join(f"CAST(substr({column}, {i}, 1) AS INTEGER) * {14 - i}" for i in range(1, 13))
    return (
        f"({_digits(column, 13)} AND (11 - ({total}) % 11) % 10 = CAST(substr({column}, 13, 1) AS INTEGER))"
    )


def _ids(conn: Connection) -> list[str]:
    problems = []
    # rowid, not id: the national-ID index covers the query (the table is not read); ids only for failures
    for rowid, nid in _rows(
        conn,
        "SELECT rowid, national_id FROM people WHERE national_id IS NOT NULL "
        f"AND NOT {_id_checks_out('national_id')}",
    ):
        if not is_valid_id(nid) or len(nid) != 13:
            pid = conn.exec_driver_sql("SELECT id FROM people WHERE rowid = ?", (rowid,)).scalar()
            problems.append(f"person {pid}: national ID fails its check digit or is not 13 plain digits")
    for eid, rid in _rows(
        conn,
        "SELECT id, registration_id FROM enterprises WHERE registration_id IS NOT NULL "
        f"AND NOT {_id_checks_out('registration_id')}",
    ):
        if not is_valid_id(rid) or len(rid) != 13:
            problems.append(f"enterprise {eid}: registration ID fails its check digit")
    # counted off the live-rows index alone; an example id only for the (rare) duplicates
    for nid, n in _rows(
        conn,
        "SELECT national_id, count(*) FROM people WHERE national_id IS NOT NULL AND deleted = 0 "
        "GROUP BY national_id HAVING count(*) > 1",
    ):
        pid = conn.exec_driver_sql(
            "SELECT min(id) FROM people WHERE national_id = ? AND deleted = 0", (nid,)
        ).scalar()
        problems.append(f"national ID used by {n} live people (e.g. {pid})")
    return problems


# A stored phone in the normal form: mobiles (06, 08, 09) 10 digits, landlines (02–05, 07) 9
# (dipdesk.core.phone). Anything else is judged by `is_valid_phone` itself.
_NORMAL_PHONE = (
    "((phone GLOB '0[689]*' AND length(phone) = 10 OR phone GLOB '0[23457]*' AND length(phone) = 9) "
    "AND phone NOT GLOB '*[^0-9]*')"
)


def _phones(conn: Connection) -> list[str]:
    problems = []
    for table in ("people", "enterprises"):
        for rid, phone in _rows(
            conn, f"SELECT id, phone FROM {table} WHERE phone <> '' AND NOT {_NORMAL_PHONE}"
        ):
            if not is_valid_phone(phone) or not phone.isdigit():
                problems.append(f"{table} {rid}: phone {phone!r} is not a normalised Thai number")
    return problems


def _dates_and_states(conn: Connection) -> list[str]:
    problems = [
        f"activity {code}: ends before it starts"
        for (code,) in _rows(conn, "SELECT code FROM activities WHERE end_date < start_date")
    ]
    problems += [
        f"activity {code}: completion threshold {t} is outside 0–100"
        for code, t in _rows(
            conn,
            "SELECT code, completion_threshold FROM activities WHERE completion_threshold NOT BETWEEN 0 AND 100",
        )
    ]
    states = ",".join(f"'{s}'" for s in ENROLLMENT_STATES)
    problems += [
        f"enrollment {i}: unknown status {s!r}"
        for i, s in _rows(conn, f"SELECT id, status FROM enrollments WHERE status NOT IN ({states})")
    ]
    states = ",".join(f"'{s}'" for s in ANALYSIS_STATES)
    problems += [
        f"analysis {i}: unknown state {s!r}"
        for i, s in _rows(conn, f"SELECT id, state FROM lab_analyses WHERE state NOT IN ({states})")
    ]
    states = ",".join(f"'{s}'" for s in SAMPLE_STATES)
    problems += [
        f"sample {i}: unknown state {s!r}"
        for i, s in _rows(conn, f"SELECT lab_no, state FROM lab_samples WHERE state NOT IN ({states})")
    ]
    return problems


def _attendance(conn: Connection) -> list[str]:
    rows = _rows(
        conn,
        "SELECT a.id FROM attendance a JOIN enrollments e ON e.id = a.enrollment_id "
        "JOIN activity_sessions s ON s.id = a.session_id WHERE s.activity_id <> e.activity_id",
    )
    return [f"attendance {r[0]}: session belongs to another activity than the enrollment" for r in rows]


def _lab(conn: Connection) -> list[str]:
    problems = []
    for (aid,) in _rows(
        conn,
        "SELECT a.id FROM lab_analyses a WHERE a.state IN ('verified','published') "
        "AND (a.verified_by IS NULL OR a.submitted_by IS NULL)",
    ):
        problems.append(f"analysis {aid}: verified without a recorded submitter and verifier")
    for (aid,) in _rows(
        conn,
        "SELECT a.id FROM lab_analyses a JOIN lab_samples s ON s.id = a.sample_id "
        "LEFT JOIN lab_settings ls ON ls.site_id = s.site_id AND ls.deleted = 0 "
        "WHERE a.state IN ('verified','published') AND a.verified_by = a.submitted_by "
        "AND coalesce(ls.allow_self_verification, 0) = 0",
    ):
        problems.append(f"analysis {aid}: verified by its own submitter though self-verification is off")
    for (aid,) in _rows(
        conn,
        "SELECT a.id FROM lab_analyses a WHERE a.state IN ('to_be_verified','verified','published') "
        "AND a.value IS NULL AND a.value_text = '' AND a.limit_flag = ''",
    ):
        problems.append(f"analysis {aid}: submitted without a value")
    for (no,) in _rows(
        conn,
        "SELECT r.report_no FROM lab_reports r WHERE r.state = 'replaced' AND NOT EXISTS "
        "(SELECT 1 FROM lab_reports n WHERE n.replaces_id = r.id)",
    ):
        problems.append(f"report {no}: marked replaced but no amendment names it")
    return problems


def _certificates(conn: Connection) -> list[str]:
    return [
        f"certificate {serial}: revoked without a reason"
        for (serial,) in _rows(
            conn, "SELECT serial FROM certificates WHERE state = 'revoked' AND revoked_reason = ''"
        )
    ]


CHECKS: tuple[Check, ...] = (
    _fts_in_step,
    _ids,
    _phones,
    _dates_and_states,
    _lab,
    _certificates,
)


def _kept_reach(conn: Connection, *, quick: bool = False) -> list[str]:
    """The dashboard's kept figures (dipdesk.store.reach): kept at all (and their triggers in place), and
    (not `quick`) each count equal to the ids its rows hold. A recount from the records is `--repair`'s
    job (and the tests'): at a million people it takes minutes."""
    if conn.dialect.name != "sqlite":
        return []
    if not reach.installed(conn):
        return ["dashboard figures: the kept reach is missing (run `dipdesk check --repair`)"]
    if quick:
        return []
    return [f"dashboard figures: {d} (run `dipdesk check --repair`)" for d in reach.inconsistencies(conn)]


def _domain(conn: Connection) -> list[str]:
    problems: list[str] = []
    for check in CHECKS:
        problems += check(conn)
    return problems


def run_checks(engine: Engine, *, quick: bool = False, full: bool = False, repair: bool = False) -> list[str]:
    """Every problem found, or an empty list when the database is sound (`quick`, `full`: see the
    module's docstring).

    `repair` first recounts what can be recounted from the records: the dashboard's kept figures."""
    problems: list[str] = []
    rev, head = current_revision(engine), head_revision()
    if rev != head:
        problems.append(f"schema at revision {rev}, expected {head}")
        return problems
    if repair and engine.dialect.name == "sqlite":
        with engine.begin() as conn:
            reach.rebuild(conn)
    with engine.connect() as conn:
        missing = set(Base.metadata.tables) - set(engine.dialect.get_table_names(conn))
    problems += [f"table {t} is missing" for t in sorted(missing)]
    if missing:
        return problems

    def on_own_connection(check: Callable[[Connection], list[str]]) -> Callable[[], list[str]]:
        def run() -> list[str]:
            with engine.connect() as conn:
                return check(conn)

        return run

    # the longest first, so that the pool is never left waiting on one check started last
    jobs: list[tuple[str, Callable[[Connection], list[str]]]] = []
    if not quick:
        jobs.append(("pages", lambda c: _sqlite_pages(c, full=full)))
        jobs.append(("foreign keys", _foreign_keys))
    jobs.append(("attendance", _attendance))
    jobs.append(("kept figures", lambda c: _kept_reach(c, quick=quick)))
    jobs.append(("domain", _domain))
    with ThreadPoolExecutor(max_workers=3, thread_name_prefix="check") as pool:
        futures = {name: pool.submit(on_own_connection(check)) for name, check in jobs}
        results = {name: f.result() for name, f in futures.items()}
    sqlite_file = engine.dialect.name == "sqlite" and engine.url.database
    if "pages" in results and sqlite_file:
        if results["pages"]:  # refuse writes from now on (dipdesk.store.db.watch_for_damage)
            mark_damaged(str(engine.url.database), results["pages"][0])
        else:  # sound (again, e.g. after a restore): lift the block
            clear_damage(str(engine.url.database))
    elif sqlite_file and damage_marker(str(engine.url.database)).exists():
        problems.append(
            "the file was found damaged earlier and writes are refused: restore a backup, then run "
            "`dipdesk check` (without --quick: it checks the pages) to lift the block"
        )
    for name in ("pages", "foreign keys", "domain", "attendance", "kept figures"):
        problems += results.get(name, [])
    return problems
