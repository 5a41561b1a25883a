"""The demo's shared ground: sizes and constants, deterministic ids and formats, the bulk writer that
inserts rows in chunks (deferring indexes and FTS merges), and ``_DemoBase`` — the build's state and the
helpers every area uses (seeded random streams, provinces, addresses, days of the fiscal year).
"""

from __future__ import annotations

import json
import random
import re
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from itertools import chain, islice
from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.schema import Column

from dipdesk.services.demo.vocabulary import _BANGKOK_AREAS, _PLACES, _ROADS
from dipdesk.store.base import Base
from dipdesk.store.reference import Province, Site, SiteProvince
from dipdesk.store.reference_data import PROVINCES

Progress = Callable[[str, int, int], None]
Row = tuple[Any, ...]

CHUNK = 10_000
MIN_PARTICIPANTS = 10
BE_OFFSET = 543


@dataclass
class DemoResult:
    """Rows per table after the build, and the generated password of each demo user (shown once)."""

    site_code: str
    fiscal_year: int
    counts: dict[str, int] = field(default_factory=dict)
    passwords: dict[str, str] = field(default_factory=dict)


# --- identifiers and formats -----------------------------------------------------------------------------


_UUID4_CLEAR = ~((0xC000 << 48) | (0xF000 << 64))  # variant and version bits, as uuid.UUID(version=4)
_UUID4_SET = (0x8000 << 48) | (4 << 76)


def _uuid(rng: random.Random) -> str:
    """A deterministic UUID4 drawn from `rng`: the text of `uuid.UUID(int=rng.getrandbits(128), version=4)`,
    formatted directly because millions are made."""
    h = f"{(rng.getrandbits(128) & _UUID4_CLEAR) | _UUID4_SET:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


class _Ids:
    """Deterministic, increasing UUID4 strings for the big tables.

    The first 48 bits of the i-th of n ids lie in the i-th of n equal slices of their range, at a random
    offset; the other bits are random, with the version-4 and RFC variant bits set. So the ids are valid
    UUID4s, deterministic (drawn from `rng`), spread over the whole range like random ones, but
    increasing. Inserted in order they append to the primary-key B-tree and to every index keyed by them,
    instead of touching random pages: with random keys a million-person build spills the page cache.
    """

    def __init__(self, rng: random.Random, n: int) -> None:
        self._bits = rng.getrandbits
        self._n = max(1, n)
        self._step = (1 << 48) // self._n
        self._offset_bits = max(0, self._step.bit_length() - 1)
        self._i = 0

    def __call__(self) -> str:
        i = self._i
        if i >= self._n:
            raise RuntimeError("demo: more ids drawn than planned")
        self._i = i + 1
        bits = self._bits
        head = i * self._step + bits(self._offset_bits)
        rest = bits(74)  # 12 bits after the version nibble, 62 after the variant bits
        return (
            f"{head >> 16:08x}-{head & 0xFFFF:04x}-4{rest >> 62:03x}-"
            f"{0x8000 | (rest >> 48) & 0x3FFF:04x}-{rest & 0xFFFFFFFFFFFF:012x}"
        )


def _ts(moment: datetime) -> str:
    # SQLAlchemy's storage format for DateTime on SQLite.
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f")


def _utc(day: date, hour: int, minute: int) -> datetime:
    """Thai office time (UTC+7) as the naive UTC the database keeps."""
    return datetime.combine(day, datetime.min.time()) + timedelta(hours=hour - 7, minutes=minute)


def _money(x: float) -> float:
    return round(x, 2)


def _postcode(code: str) -> str:
    """Postcode of the provincial seat (อำเภอเมือง). Postal prefixes differ from DOPA codes only for 11–19."""
    if code == "10":
        return "10400"
    if code == "11":
        return "10270"
    prefix = int(code) - 1 if 12 <= int(code) <= 19 else int(code)
    return f"{prefix:02d}000"


def _landline_prefix(code: str, region: str) -> str:
    if code in {"10", "11", "12", "13", "73", "74"}:
        return "02"
    return {"north": "05", "northeast": "04", "south": "07"}.get(region, "03")


def _village(place: str) -> str:
    return place if place.startswith("บ้าน") else f"บ้าน{place}"


def _mobile(r: Callable[[], float]) -> str:
    return ("06", "08", "08", "09", "09")[int(r() * 5)] + f"{int(r() * 100_000_000):08d}"


# --- bulk writing ----------------------------------------------------------------------------------------


class _Writer:
    """Bulk inserts of plain tuples through the DBAPI cursor, inside the caller's transaction.

    Rows go in as multi-row `INSERT … VALUES (…), (…), …` statements: far fewer statements than one per
    row, which matters most for the tables whose FTS5 triggers (migration 0002) would otherwise run as
    one tiny statement each. Columns the caller does not give get their model default (stamps,
    `deleted`, empty JSON lists…) as constants, so a new column with a default does not break the demo.
    """

    MAX_PARAMS = 32_766  # SQLite's default limit on bound parameters per statement

    def __init__(self, conn: Connection, stamp: str, progress: Progress | None) -> None:
        dbapi = conn.connection.dbapi_connection
        assert dbapi is not None
        self._cursor = dbapi.cursor()
        self._max_params = self.MAX_PARAMS
        getlimit = getattr(dbapi, "getlimit", None)
        if getlimit is not None:
            self._max_params = min(self.MAX_PARAMS, int(getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)))
        self._stamp = stamp
        self._progress = progress
        self._deferred: list[str] = []
        self._fts: list[str] = []
        self.counts: dict[str, int] = {}

    def defer_indexes(self, columns: dict[type[Base], set[str]]) -> None:
        """Drop the secondary indexes on these columns until `restore_indexes`.

        Keys that arrive in order (increasing ids, the site id) append to their index cheaply; keys in
        random order (a person's id in enrollments, national IDs) touch pages all over a large index, so
        those indexes are built once after loading instead. Same transaction: a failed build rolls the
        drop back too.
        """
        for model, names in columns.items():
            found = self._cursor.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
                (model.__tablename__,),
            ).fetchall()
            for name, sql in found:
                indexed = {row[2] for row in self._cursor.execute(f'PRAGMA index_info("{name}")')}
                # an index on an expression (the lists' Thai name order) names its column only in its SQL
                if indexed & names or any(re.search(rf"\b{n}\b", sql) for n in names):
                    self._cursor.execute(f'DROP INDEX "{name}"')
                    self._deferred.append(sql)

    def restore_indexes(self) -> None:
        total = len(self._deferred)
        for done, sql in enumerate(self._deferred, 1):
            self._cursor.execute(sql)
            if self._progress:
                self._progress("indexes", done, total)
        self._deferred = []

    def hold_fts_merges(self) -> None:
        """Let the FTS5 search indexes (migration 0002) take the load without merging segments as they
        go (their default re-merges the growing index over and over); `release_fts_merges` merges once
        and puts the settings back. Stored in the FTS config table, inside the transaction."""
        self._fts = [
            row[0]
            for row in self._cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%fts5%'"
            )
        ]
        self._fts_config: dict[str, dict[str, Any]] = {}
        for fts in self._fts:
            saved = dict(self._cursor.execute(f'SELECT k, v FROM "{fts}_config"').fetchall())
            self._fts_config[fts] = saved
            self._cursor.execute(f'INSERT INTO "{fts}"("{fts}", rank) VALUES (\'automerge\', 0)')
            self._cursor.execute(f'INSERT INTO "{fts}"("{fts}", rank) VALUES (\'crisismerge\', 2000)')

    def release_fts_merges(self) -> None:
        for done, fts in enumerate(self._fts, 1):
            saved = self._fts_config[fts]
            self._cursor.execute(f'INSERT INTO "{fts}"("{fts}") VALUES (\'optimize\')')
            for key, default in (("automerge", 4), ("crisismerge", 16)):
                value = int(saved.get(key, default))
                self._cursor.execute(f'INSERT INTO "{fts}"("{fts}", rank) VALUES (?, ?)', (key, value))
            if self._progress:
                self._progress("search index", done, len(self._fts))

    def _default(self, col: Column[Any]) -> Any:
        if col.name in {"created_at", "updated_at"}:
            return self._stamp
        default = col.default
        value: Any
        if default is not None and getattr(default, "is_scalar", False):
            value = default.arg  # type: ignore[attr-defined]
        elif default is not None and getattr(default, "is_callable", False):
            value = default.arg(None)  # type: ignore[attr-defined]
        elif col.nullable:
            return None
        else:
            raise RuntimeError(f"demo: no value for required column {col.table.name}.{col.name}")
        return _storage(value)

    def insert(
        self,
        model: type[Base],
        columns: str,
        rows: Iterable[Row],
        *,
        fixed: dict[str, Any] | None = None,
        stage: str = "",
        total: int = 0,
    ) -> int:
        """Insert `rows` (tuples in the order of the space-separated `columns`); returns the row count."""
        table = Base.metadata.tables[model.__tablename__]
        names = columns.split()
        fixed = dict(fixed or {})
        given = set(names) | set(fixed)
        unknown = given - set(table.columns.keys())
        if unknown:
            raise RuntimeError(f"demo: {table.name} has no column(s) {sorted(unknown)}")
        for col in table.columns:
            if col.name not in given:
                fixed[col.name] = self._default(col)
        names += list(fixed)
        tail = tuple(fixed.values())
        quoted = ", ".join(f'"{name}"' for name in names)
        head = f'INSERT INTO "{table.name}" ({quoted}) VALUES '
        one = "(" + ", ".join("?" * len(names)) + ")"
        per = max(1, self._max_params // len(names))  # rows per statement
        full_sql = head + ", ".join([one] * per)
        done = 0
        it = iter(rows)
        flat = chain.from_iterable
        while True:
            batch: list[Row] = []
            rest: list[Row] = []
            while len(batch) * per < CHUNK:
                group = [r + tail for r in islice(it, per)]
                if len(group) == per:
                    batch.append(tuple(flat(group)))
                else:
                    rest = group
                    break
            if batch:
                self._cursor.executemany(full_sql, batch)
            if rest:
                self._cursor.execute(head + ", ".join([one] * len(rest)), tuple(flat(rest)))
            n = len(batch) * per + len(rest)
            if not n:
                break
            done += n
            if self._progress and stage:
                self._progress(stage, done, max(total, done))
            if rest:
                break
        self.counts[table.name] = self.counts.get(table.name, 0) + done
        return done


def _storage(value: Any) -> Any:
    """A Python value as SQLAlchemy stores it in SQLite."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, datetime):
        return _ts(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return value


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


# --- the build -------------------------------------------------------------------------------------------


class _DemoBase:
    """The build's state (site, size, seed, fiscal year, the writer) and the helpers every area uses."""

    # What the people area leaves for the later areas (set in ``_PeopleBuild``, read by the others).
    user_ids: dict[str, str]
    user_names: dict[str, str]
    program_ids: list[str]
    program_kind: list[str]
    program_topic: list[tuple[str, str]]  # (activity title stem, English)
    bb_program: dict[int, str]
    person_ids: list[str]
    person_prov: list[str]
    person_info: list[tuple[str, str, str, str]]  # (prefix, first, last, phone)
    mentor_company_count: int
    ent_ids: list[str]
    ent_owner: list[int]
    ent_sector: list[str]
    ent_size: list[str]
    ent_name: list[str]
    ent_group: list[str | None]
    person_ent: dict[int, int]
    ent_products: list[list[tuple[str, str]]]

    def __init__(
        self,
        session: Session,
        writer: _Writer,
        *,
        site: Site,
        participants: int,
        seed: int,
        fiscal_year: int,
        progress: Progress | None,
        today: date | None = None,
    ) -> None:
        self.s = session
        self.w = writer
        self.site = site
        self.code = site.code
        self.n = participants
        self.seed = seed
        self.fy = fiscal_year
        self.progress = progress
        ce = fiscal_year - BE_OFFSET
        self.fy_start = date(ce - 1, 10, 1)
        self.fy_end = date(ce, 9, 30)
        self.fy_days = (self.fy_end - self.fy_start).days + 1
        self.day_iso = [(self.fy_start + timedelta(days=i)).isoformat() for i in range(self.fy_days)]
        #: the demo's "today": samples still in the lab were received in the days before it (pinned by tests)
        self.today = today or date.today()
        self.passwords: dict[str, str] = {}
        self.counters: dict[tuple[str, int], int] = {}  # (series, fiscal year BE) -> last number
        # One forced occurrence of the rarer analysis states, so every state exists at any size.
        self.forced = {"rejected", "retracted"}

        provinces = {p.code: p for p in session.scalars(select(Province))}
        self.provinces = provinces
        covered = list(
            session.scalars(
                select(Province.code)
                .join(SiteProvince, SiteProvince.province_id == Province.id)
                .where(SiteProvince.site_id == site.id, SiteProvince.deleted.is_(False))
                .order_by(Province.code)
            )
        ) or [code for code, *_ in PROVINCES]
        seat = site.province_code if site.province_code in covered else covered[0]
        # The seat province draws about a third of the activity; the rest share the remainder.
        self.home_codes = [seat] + [c for c in covered if c != seat]
        self.all_codes = [code for code, *_ in PROVINCES]
        self.address_tail = {
            code: f"อำเภอเมือง{p.name_th} จังหวัด{p.name_th} {_postcode(code)}" for code, p in provinces.items()
        }
        hq = session.scalars(select(Site).where(Site.code == "DIPROM")).first()
        self.hq_id = hq.id if hq else site.id

    def take(self, forced: str) -> bool:
        """True the first time only: forces one occurrence of a rare case."""
        if forced in self.forced:
            self.forced.discard(forced)
            return True
        return False

    def rng(self, stage: str) -> random.Random:
        # Site and year are part of the seed, so demos of two sites never share ids when they sync.
        return random.Random(f"{self.seed}/{self.code}/{self.fy}/{stage}")

    def tick(self, stage: str, done: int, total: int) -> None:
        if self.progress:
            self.progress(stage, done, total)

    def pick_province(self, r: Callable[[], float], home_share: float = 0.85) -> str:
        """Mostly the site's own provinces (the seat about a third of those), sometimes anywhere."""
        if r() < home_share:
            home = self.home_codes
            return home[0] if r() < 0.35 else home[int(r() * len(home))]
        return self.all_codes[int(r() * len(self.all_codes))]

    def address(self, r: Callable[[], float], code: str) -> str:
        house = f"{1 + int(r() * 399)}" + (f"/{1 + int(r() * 40)}" if r() < 0.3 else "")
        if code == "10":
            khwaeng, khet, pc = _BANGKOK_AREAS[int(r() * len(_BANGKOK_AREAS))]
            road = _ROADS[int(r() * len(_ROADS))]
            return f"{house} ถนน{road} แขวง{khwaeng} เขต{khet} กรุงเทพมหานคร {pc}"
        place = _PLACES[int(r() * len(_PLACES))]
        return f"{house} หมู่ที่ {1 + int(r() * 15)} ตำบล{place} {self.address_tail[code]}"

    def day(self, offset: int) -> date:
        return self.fy_start + timedelta(days=offset)

    def full_name(self, i: int) -> str:
        prefix, first, last, _phone = self.person_info[i]
        return f"{prefix}{first} {last}"
