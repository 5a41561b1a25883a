"""The record lists behind the screens: one page of rows at a time, sorted, filtered and searched in SQL.

A list is described once (`ListSpec`, in `list_specs`: its table, columns, what can be searched and
filtered) and asked for with a `ListQuery` (search text, sort column and direction, filters). `fetch_page` returns one page
of rows (`id` first, then the columns' values), `count_rows` how many rows the query has in all. Nothing
here keeps state or imports Qt: the GUI's lazy table model calls these from a worker thread.

Speed at a million people comes from three habits:

- Sorting is an index walk. Every sortable column of the big tables has an index on `(deleted, column)`
  (migration 0006), and every ORDER BY ends with the table's rowid, in the same direction, as the
  tiebreak: the index already holds rows in exactly that order, so SQLite reads the first page straight
  off it, with no sort step, and skips an OFFSET without touching the table.
- Thai substring search uses the FTS5 trigram tables of migration 0002 (`people_fts`, `enterprises_fts`,
  rowid = the table's rowid). A fragment of three or more characters becomes a phrase query; one or two
  characters cannot use trigrams and fall back to LIKE. For a rare fragment the matching rows are looked
  up and sorted (few rows); for a common one the sort index is walked and each row is checked against
  the set of matches until a page is full (the first page comes after a few hundred rows). Which way is
  chosen from the number of matches, which FTS5 counts cheaply.
- Counting is separate from fetching, so the screen shows the first page before the total is known.

SQLite only: this is the desktop's local database (rowid, FTS5).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, text
from sqlalchemy.exc import OperationalError

from dipdesk.core.digits import to_arabic_digits
from dipdesk.core.names import full_name
from dipdesk.core.thaiid import is_valid_id, mask_id, normalize_id
from dipdesk.services.errors import ValidationError
from dipdesk.services.list_specs import ACTIVITIES as ACTIVITIES
from dipdesk.services.list_specs import ENTERPRISES as ENTERPRISES
from dipdesk.services.list_specs import GROUPS as GROUPS
from dipdesk.services.list_specs import OUTCOMES as OUTCOMES
from dipdesk.services.list_specs import PEOPLE as PEOPLE
from dipdesk.services.list_specs import PRODUCTS as PRODUCTS
from dipdesk.services.list_specs import PROGRAMS as PROGRAMS
from dipdesk.services.list_specs import SERVICE_RECORDS as SERVICE_RECORDS
from dipdesk.services.list_specs import SESSIONS as SESSIONS
from dipdesk.services.list_specs import SPECS as SPECS
from dipdesk.services.list_specs import ListColumn as ListColumn
from dipdesk.services.list_specs import ListQuery as ListQuery
from dipdesk.services.list_specs import ListSpec as ListSpec
from dipdesk.services.list_specs import spec as spec
from dipdesk.store.base import thai_order

PAGE_SIZE = 200

# A fragment with this many matches or fewer is looked up through the search index and sorted; with
# more, the sort index is walked instead (see the module docstring). Measured on a million people: a
# lookup costs about 4 µs a match (12,000 matches: ~50 ms), while the walk takes 15–40 ms for common
# fragments whatever their count (up to ~250 ms when every match sorts at the far end of the index).
DRIVE_FROM_MATCHES_MAX = 12_000

MIN_FTS_CHARS = 3  # the trigram tokenizer cannot match anything shorter

# What a search box takes: a name, a phone, a code or a few words of each. Longer text is refused with a
# clear message (50,000 characters made SQLite give up: "LIKE pattern too complex", "expression tree
# too large"); the GUI's search box stops at MAX_SEARCH_CHARS.
MAX_SEARCH_CHARS = 500
MAX_SEARCH_TERMS = 20

PROGRESS_STEPS = 20_000  # SQLite virtual-machine steps between two looks at `should_stop` (~1 ms)


# --- search text -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Search:
    """The search box's text taken apart: FTS phrases, short LIKE terms, or one full 13-digit ID."""

    fts_terms: tuple[str, ...] = ()
    like_terms: tuple[str, ...] = ()
    id13: str | None = None

    @property
    def empty(self) -> bool:
        return not (self.fts_terms or self.like_terms or self.id13)

    def fts_query(self) -> str:
        """`"สุขสวัส" "0812"`: each term a phrase (quotes doubled), all of them required."""
        return " ".join('"' + t.replace('"', '""') + '"' for t in self.fts_terms)


_DIGITISH = re.compile(r"^[\d\-.\s+()]+$")


def check_search_text(raw: str) -> None:
    """Refuse search text no one types (over MAX_SEARCH_CHARS, or more than MAX_SEARCH_TERMS words) with
    a clear message, before it reaches SQL; every search of the services calls this."""
    text_ = raw.strip()
    if len(text_) > MAX_SEARCH_CHARS:
        raise ValidationError(
            "search",
            f"ข้อความค้นหายาว {len(text_):,} ตัวอักษร เกินที่ค้นได้ ({MAX_SEARCH_CHARS} ตัวอักษร) ให้ค้นด้วยคำที่สั้นลง",
            f"the search text is {len(text_):,} characters long, over the limit of {MAX_SEARCH_CHARS}: "
            "search with fewer words",
        )
    words = len(set(text_.split()))
    if words > MAX_SEARCH_TERMS:
        raise ValidationError(
            "search",
            f"ค้นหาได้ครั้งละไม่เกิน {MAX_SEARCH_TERMS} คำ (พิมพ์มา {words} คำ)",
            f"a search takes at most {MAX_SEARCH_TERMS} words ({words} given)",
        )


def parse_search(raw: str, *, fts: bool, id_lookup: bool = False) -> Search:
    """Split the search box's text into terms (spaces separate terms; Thai words have none inside).

    Thai digits count as digits; a term of digits and dashes (a phone typed `081-234-5678`) loses its
    dashes; a whole valid 13-digit ID (with or without dashes) is looked up exactly when `id_lookup`.
    """
    text_ = to_arabic_digits(raw).strip()
    if not text_:
        return Search()
    check_search_text(text_)
    if id_lookup and _DIGITISH.match(text_):
        digits = normalize_id(text_)
        if len(digits) == 13 and is_valid_id(digits):
            return Search(id13=digits)
    terms: list[str] = []
    for term in text_.split():
        if _DIGITISH.match(term):
            term = re.sub(r"[\-.()\s]", "", term)
        if term and term not in terms:
            terms.append(term)
    if not fts:
        return Search(like_terms=tuple(terms))
    long_ = tuple(t for t in terms if len(t) >= MIN_FTS_CHARS)
    short = tuple(t for t in terms if len(t) < MIN_FTS_CHARS)
    return Search(fts_terms=long_, like_terms=short)


def _like(term: str) -> str:
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


# --- building the SQL --------------------------------------------------------------------------------------


@dataclass
class _Sql:
    where: list[str] = field(default_factory=list)
    params: dict[str, Any] = field(default_factory=dict)
    from_: str = ""


def _base(s: ListSpec, q: ListQuery, search: Search) -> _Sql:
    sql = _Sql(where=["t.deleted = 0", *s.where], from_=f"{s.table} t")
    for name, value in q.filters:
        cond = s.filters.get(name)
        if cond is None:
            raise KeyError(f"{s.name} cannot be filtered by {name!r}")
        if value is None:
            sql.where.append(cond.split("=")[0].strip() + " IS NULL")
        else:
            sql.where.append(cond)
            sql.params[f"f_{name}"] = value
    if search.id13 and s.id_column:
        sql.where.append(f"t.{s.id_column} = :id13")
        sql.params["id13"] = search.id13
    for i, term in enumerate(search.like_terms):
        sql.where.append(f"({s.search_text}) LIKE :like{i} ESCAPE '\\'")
        sql.params[f"like{i}"] = _like(term)
    return sql


def _fts_matches(conn: Connection, fts: str, query: str) -> int:
    return int(
        conn.execute(text(f"SELECT count(*) FROM {fts} WHERE {fts} MATCH :fts"), {"fts": query}).scalar() or 0
    )


def _order(s: ListSpec, q: ListQuery, *, few_rows: bool = False) -> tuple[str, ListColumn]:
    """ORDER BY for the query. A column naming another record sorts by that record's name: off the index
    group by group (`_sort_by_reference`), or, for a few rows (`few_rows`), by the name itself."""
    key = q.sort or s.default_sort
    col = s.column(key)
    if col.sort is None:
        raise KeyError(f"{s.name} cannot be sorted by {key!r}")
    sort = thai_order(col.expr) if (few_rows and col.key in s.references) else (col.sort or col.expr)
    expr = sort.format(name=_name_column(q.lang))
    direction = "DESC" if q.descending else "ASC"
    keys = [expr, *col.then, "t.rowid"]
    return ", ".join(f"{k} {direction}" for k in keys), col


def _name_column(lang: str) -> str:
    return "name_en" if lang == "en" else "name_th"


def _select_list(s: ListSpec, q: ListQuery) -> str:
    name = _name_column(q.lang)
    return ", ".join(["t.id"] + [c.expr.format(name=name) for c in s.columns])


def _convert(kind: str, value: Any) -> Any:
    if value is None:
        return None
    if kind == "date":
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    if kind in ("money", "number"):
        d = Decimal(str(value))
        return d.quantize(Decimal("0.01")) if kind == "money" else d
    if kind == "int":
        return int(value)
    if kind == "bool":
        return bool(value)
    if kind == "id13":
        return mask_id(str(value)) if value else None
    if kind == "prefixed":
        prefix, _sep, first = str(value).partition("\x1f")
        return full_name(prefix, first, None)
    return value


def _rows(s: ListSpec, raw: Sequence[Sequence[Any]]) -> list[tuple[Any, ...]]:
    kinds = [c.kind for c in s.columns]
    return [(r[0], *(_convert(k, v) for k, v in zip(kinds, r[1:], strict=True))) for r in raw]


@dataclass(frozen=True)
class Page:
    """One page of a list: rows (id first, then the columns' values) and, when it is known for free,
    the total (a short first page is the whole list; a search's match count is an upper bound)."""

    rows: list[tuple[Any, ...]]
    total: int | None = None
    estimate: int | None = None
    plan: str = ""  # how the rows were found (for the benchmark and the curious): index, fts, reference


def fetch_page(
    conn: Connection,
    q: ListQuery,
    offset: int = 0,
    limit: int = PAGE_SIZE,
    *,
    should_stop: Callable[[], bool] | None = None,
) -> Page:
    """Rows `offset` … `offset + limit − 1` of the list `q`, in its sort order (ties broken by rowid).

    Two statements: the first finds the page's rowids in order (evaluating only the sort key), the
    second reads the shown columns of just those rows, so a column computed per row (a count, a name
    from another table) costs a page's worth of work, not a whole table's. Raises Interrupted if
    `should_stop()` turns true meanwhile (the user asked for something else).
    """
    with interruptible(conn, should_stop):
        return _fetch_page(conn, q, offset, limit)


def _fetch_page(conn: Connection, q: ListQuery, offset: int, limit: int) -> Page:
    s = spec(q.kind)
    search = parse_search(q.search, fts=s.fts is not None, id_lookup=s.id_column is not None)
    sql = _base(s, q, search)
    order, col = _order(s, q)
    if not col.indexed:
        sql.where[0] = "+t.deleted = 0"  # see ListColumn.indexed
    params = dict(sql.params, limit=limit, offset=offset)
    where = " AND ".join(sql.where)
    estimate: int | None = None
    plan = "index"

    if search.fts_terms and s.fts:
        params["fts"] = search.fts_query()
        estimate = _fts_matches(conn, s.fts, params["fts"])
        if estimate == 0:
            return Page([], total=0, estimate=0, plan="fts")
        if estimate <= DRIVE_FROM_MATCHES_MAX:
            # Few matches: look them up by rowid and sort them (CROSS JOIN keeps the match set outside).
            few_order, _ = _order(s, q, few_rows=True)
            stmt = (
                f"SELECT t.rowid FROM (SELECT rowid AS r FROM {s.fts} WHERE {s.fts} MATCH :fts) m "
                f"CROSS JOIN {sql.from_} ON t.rowid = m.r WHERE {where} "
                f"ORDER BY {few_order} LIMIT :limit OFFSET :offset"
            )
            rowids = [r[0] for r in conn.execute(text(stmt), params)]
            return _page(conn, s, q, rowids, offset, limit, estimate, "fts")
        # Many matches: walk the sort index; `+` keeps SQLite from using the rowid set to drive.
        plan = "index+fts"
        sql.where.append(f"+t.rowid IN (SELECT rowid FROM {s.fts} WHERE {s.fts} MATCH :fts)")
        where = " AND ".join(sql.where)

    if col.key in s.references:
        plan = "reference" if plan == "index" else plan + "+reference"
        rowids = _sort_by_reference(conn, s, q, sql.from_, where, col, params)
    elif col.join_sort is not None:
        plan = "join" if plan == "index" else plan + "+join"
        table, on, keys = col.join_sort
        direction = "DESC" if q.descending else "ASC"
        order_by = ", ".join(f"{k} {direction}" for k in keys)
        stmt = (
            f"SELECT t.rowid FROM {table} CROSS JOIN {sql.from_} ON {on} WHERE {where} "
            f"ORDER BY {order_by}, t.rowid {direction} LIMIT :limit OFFSET :offset"
        )
        rowids = [r[0] for r in conn.execute(text(stmt), params)]
    else:
        stmt = f"SELECT t.rowid FROM {sql.from_} WHERE {where} ORDER BY {order} LIMIT :limit OFFSET :offset"
        rowids = [r[0] for r in conn.execute(text(stmt), params)]
    return _page(conn, s, q, rowids, offset, limit, estimate, plan)


def _page(
    conn: Connection,
    s: ListSpec,
    q: ListQuery,
    rowids: list[int],
    offset: int,
    limit: int,
    estimate: int | None,
    plan: str,
) -> Page:
    raw: list[Any] = []
    if rowids:
        by_rowid: dict[int, Any] = {}
        for i in range(0, len(rowids), 500):  # SQLite's bound-parameter limit is far above; keep it tidy
            chunk = rowids[i : i + 500]
            marks = ", ".join(f":r{j}" for j in range(len(chunk)))
            stmt = f"SELECT t.rowid, {_select_list(s, q)} FROM {s.table} t WHERE t.rowid IN ({marks})"
            for r in conn.execute(text(stmt), {f"r{j}": v for j, v in enumerate(chunk)}):
                by_rowid[r[0]] = r[1:]
        raw = [by_rowid[r] for r in rowids if r in by_rowid]
    rows = _rows(s, raw)
    total = offset + len(rows) if len(rows) < limit and (rows or offset == 0) else None
    return Page(rows, total=total, estimate=estimate, plan=plan)


def _sort_by_reference(
    conn: Connection,
    s: ListSpec,
    q: ListQuery,
    from_: str,
    where: str,
    col: ListColumn,
    params: dict[str, Any],
) -> list[int]:
    """Order by another record's name (a person's province by its name, ก–ฮ or A–Z) off an index.

    The referenced records are few (77 provinces), so they are listed in name order first and the rows
    fetched one referenced record after another, each group in rowid order off the `(deleted, column)`
    index: no sort of a million rows. Rows without a reference come last (first when descending).
    """
    fk = (col.sort or "").removeprefix("t.")
    order_sql = s.references[col.key].format(name=_name_column(q.lang))
    ids: list[str | None] = [r[0] for r in conn.execute(text(order_sql))]
    ids.append(None)
    if q.descending:
        ids.reverse()
    direction = "DESC" if q.descending else "ASC"
    want_offset, want = int(params["offset"]), int(params["limit"])
    out: list[int] = []
    for ref in ids:
        cond = f"t.{fk} IS NULL" if ref is None else f"t.{fk} = :ref"
        group_params = dict(params, ref=ref)
        # Whole groups before the wanted offset are skipped by counting them (an index-only count).
        if want_offset > 0:
            count_sql = f"SELECT count(*) FROM {from_} WHERE {where} AND {cond}"
            n = int(conn.execute(text(count_sql), group_params).scalar() or 0)
            if n <= want_offset:
                want_offset -= n
                continue
        stmt = (
            f"SELECT t.rowid FROM {from_} WHERE {where} AND {cond} "
            f"ORDER BY t.rowid {direction} LIMIT :lim OFFSET :off"
        )
        got = conn.execute(text(stmt), dict(group_params, lim=want - len(out), off=want_offset)).all()
        want_offset = 0
        out.extend(r[0] for r in got)
        if len(out) >= want:
            break
    return out


class Interrupted(Exception):
    """`should_stop` said so while SQLite was working: the query was abandoned."""


@contextmanager
def interruptible(conn: Connection, should_stop: Callable[[], bool] | None) -> Iterator[None]:
    """Let a long statement on `conn` be abandoned (raising Interrupted) once `should_stop()` is true.

    SQLite calls the check every few thousand virtual-machine steps, so the user typing another search
    stops the count of the previous one at once instead of after seconds. The progress handler is
    installed once per connection and never removed: in Python 3.11, `set_progress_handler(None, …)`
    drops a reference to None it never took, and enough of those crash the interpreter.
    """
    if should_stop is None:
        yield
        return
    fairy: Any = conn.connection
    raw: Any = fairy.dbapi_connection
    slot: list[Callable[[], bool] | None] | None = fairy.info.get("dipdesk_should_stop")
    if slot is None:
        if not hasattr(raw, "set_progress_handler"):
            yield
            return
        new_slot: list[Callable[[], bool] | None] = [None]
        fairy.info["dipdesk_should_stop"] = new_slot

        def check() -> int:
            stop = new_slot[0]
            return 1 if stop is not None and stop() else 0

        raw.set_progress_handler(check, PROGRESS_STEPS)
        slot = new_slot
    slot[0] = should_stop
    try:
        yield
    except OperationalError as exc:
        if "interrupt" in str(exc).lower():
            raise Interrupted() from exc
        raise
    finally:
        slot[0] = None


def count_rows(conn: Connection, q: ListQuery, *, should_stop: Callable[[], bool] | None = None) -> int:
    """How many rows the list `q` has (search and filters applied). Slower than a page: call it once per
    query, after showing the first page. Raises Interrupted if `should_stop()` turns true meanwhile."""
    s = spec(q.kind)
    search = parse_search(q.search, fts=s.fts is not None, id_lookup=s.id_column is not None)
    sql = _base(s, q, search)
    params = dict(sql.params)
    if search.fts_terms and s.fts:
        params["fts"] = search.fts_query()
        stmt = (
            f"SELECT count(*) FROM (SELECT rowid AS r FROM {s.fts} WHERE {s.fts} MATCH :fts) m "
            f"CROSS JOIN {sql.from_} ON t.rowid = m.r WHERE {' AND '.join(sql.where)}"
        )
    else:
        stmt = f"SELECT count(*) FROM {sql.from_} WHERE {' AND '.join(sql.where)}"
    with interruptible(conn, should_stop):
        return int(conn.execute(text(stmt), params).scalar() or 0)


def row_ids(conn: Connection, q: ListQuery, limit: int | None = None) -> list[str]:
    """The ids of the list's rows in order (for exporting or stepping through the filtered list)."""
    page = fetch_page(conn, q, 0, limit if limit is not None else 2**62)
    return [r[0] for r in page.rows]


def fetch_all(
    conn: Connection,
    q: ListQuery,
    *,
    batch: int = 5_000,
    check: Callable[[], None] | None = None,
) -> list[tuple[Any, ...]]:
    """Every row of the list, in order, fetched page by page (for an export of the filtered list)."""
    out: list[tuple[Any, ...]] = []
    offset = 0
    while True:
        if check is not None:
            check()
        page = fetch_page(conn, q, offset, batch)
        out.extend(page.rows)
        if len(page.rows) < batch:
            return out
        offset += batch


_CODE_TABLES = frozenset({"programs", "activities", "enterprises", "groups"})


def next_code(conn: Connection, table: str, prefix: str, width: int) -> str:
    """The next free code `prefix` + a running number (`IPC1-E000124`), to suggest on a new record.

    Looks at the highest code with that prefix off the unique index on `code`; codes whose tail is not a
    number are ignored. Only a suggestion: the services refuse a code that is taken when saving.
    """
    if table not in _CODE_TABLES:
        raise KeyError(f"no codes in {table!r}")
    rows = conn.execute(  # a range, not LIKE: it is read off the unique index on code
        text(f"SELECT code FROM {table} WHERE code >= :lo AND code < :hi ORDER BY code DESC LIMIT 50"),
        {"lo": prefix, "hi": prefix + "\U0010ffff"},
    )
    highest = 0
    for (code,) in rows:
        tail = code[len(prefix) :]
        if tail.isdigit():
            highest = max(highest, int(tail))
    return f"{prefix}{highest + 1:0{width}d}"
