"""The server's database: the same packaged Alembic migrations as the desktop, on PostgreSQL or (embedded
default) SQLite, seeded with the department's reference data on first start.

Ordering guarantee for pulls: a device's cursor is a `server_seq`, so the change log must never gain a
row with a lower seq after a higher one became visible (a puller would skip it forever; PowerSync's
Jepsen report). A transaction takes the log lock (`lock_log`) right before it first appends to the log
and holds it until it commits, so seqs are drawn and made visible in the same order: `BEGIN IMMEDIATE`
on SQLite (the whole transaction), a transaction-scoped advisory lock on PostgreSQL. Reads run unlocked.

On PostgreSQL a push does its work (validation, the per-field merge, parked rows, conflicts) under a
lock of its device's site only (`lock_push`): the devices of one site write the same records and are
applied one at a time, different sites in parallel; only the append to the log, the national identity
step and the commit are serialised. `DIPDESK_SERVER_GLOBAL_PUSH_LOCK=1` takes the log lock for the whole
push instead (the behaviour before, kept for the benchmark's baseline).

The desktop's upkeep the server never reads is left out of its database (`leave_out_desktop_upkeep`, at
each start, after the migrations): the dashboard's kept reach (`store.reach`: the national figures count
from the records, `national.py`), the Thai search index (`store.search_index`: the server finds a person
by national ID only) and the record lists' sort indexes (`ix_<table>_<column>_live`, migration 0004),
except those a server query reads (`SERVER_LIVE_INDEXES`). Each of them cost a first upload's inserts
about as much as the rows themselves. A migration that changes one of them must allow for its absence
on a server's database (DROP … IF EXISTS).
"""

from __future__ import annotations

import hashlib
import os
import secrets
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, exists, insert, select, text, update
from sqlalchemy.orm import Session

from dipdesk.store.db import JSON_CODEC, open_database
from dipdesk.store.reference import Site
from dipdesk.store.reference_data import seed_reference
from dipdesk.store.sync import CHANGES, CLOCKS, ENROL_CODES
from dipdesk.sync import hlc
from dipdesk.sync.protocol import encode_row, synced_tables

LOG_LOCK_KEY = 0x6469_7064  # "dipd"
SITE_LOCK_CLASS = 0x6469_7073  # "dips": (class, crc32 of the site id), the two-key advisory lock space
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def sqlite_url(url_or_path: str) -> str | None:
    if "://" not in url_or_path:
        return f"sqlite:///{Path(url_or_path).expanduser().resolve()}"
    return url_or_path if url_or_path.startswith("sqlite") else None


@dataclass
class ServerDB:
    url: str
    write: Engine
    read: Engine
    quick: Engine  # single-statement reads of the request path (auth, pull); `read` on SQLite

    @property
    def is_sqlite(self) -> bool:
        return self.write.dialect.name == "sqlite"

    def dispose(self) -> None:
        self.write.dispose()
        if self.read is not self.write:
            self.read.dispose()


def _sqlite_engine(url: str, begin: str) -> Engine:
    engine = create_engine(
        url, connect_args={"timeout": 30, "check_same_thread": False}, pool_size=8, **JSON_CODEC
    )

    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we emit BEGIN ourselves (savepoints then work as documented)
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        conn.exec_driver_sql(begin)

    return engine


# the record lists' sort indexes a server query reads: the national figures select service records by day
SERVER_LIVE_INDEXES = frozenset({"ix_service_records_day_live"})


def leave_out_desktop_upkeep(conn: Connection) -> list[str]:
    """Drop what only the desktop reads (see the module docstring); returns what was dropped. Idempotent."""
    from dipdesk.store import reach

    dropped: list[str] = []
    if conn.dialect.name == "sqlite":
        if conn.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = 'kpi_reach'").first():
            reach.drop(conn)  # its triggers and the tables they fill
            dropped += list(reach.DERIVED_TABLES)
        fts = conn.execute(
            text(
                "SELECT name, type FROM sqlite_master WHERE (type = 'trigger' AND name LIKE :trigger ESCAPE '!') "
                "OR (type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE % USING fts5%')"
            ),
            {"trigger": "%!_fts!_a_"},
        ).all()
        for name, kind in sorted(fts, key=lambda r: r[1] == "table"):  # the triggers first
            conn.exec_driver_sql(f'DROP {"TRIGGER" if kind == "trigger" else "TABLE"} IF EXISTS "{name}"')
            dropped.append(name)
        live = "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE :live ESCAPE '!'"
    else:
        live = "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND indexname LIKE :live ESCAPE '!'"
    for (name,) in conn.execute(text(live), {"live": "ix!_%!_live"}).all():
        if name not in SERVER_LIVE_INDEXES:
            conn.exec_driver_sql(f'DROP INDEX IF EXISTS "{name}"')
            dropped.append(name)
    return dropped


def connect(url_or_path: str, *, migrate: bool = True) -> ServerDB:
    """Engines for the server database (migrated to the packaged head first when `migrate`, and without
    the desktop's upkeep, `leave_out_desktop_upkeep`)."""
    if migrate:
        engine = open_database(url_or_path)
        try:
            with engine.begin() as conn:
                leave_out_desktop_upkeep(conn)
        finally:
            engine.dispose()
    lite = sqlite_url(url_or_path)
    if lite is not None:
        reader = _sqlite_engine(lite, "BEGIN")
        return ServerDB(lite, _sqlite_engine(lite, "BEGIN IMMEDIATE"), reader, reader)
    # `serve --workers N` gives each worker a share of the connections (PostgreSQL allows 100 by default)
    workers = max(1, int(os.environ.get("DIPDESK_SERVER_WORKERS", "1") or 1))
    engine = create_engine(
        url_or_path,
        pool_size=max(4, 20 // workers),
        max_overflow=max(4, 40 // workers),
        # no ping before every checkout (a round trip per request's connection): after a PostgreSQL restart
        # the first statement on an old connection fails (503, the device tries again) and SQLAlchemy
        # drops the whole pool then
        pool_pre_ping=False,
        pool_timeout=60,
        **JSON_CODEC,
    )
    event.listen(engine, "connect", _custom_plans)
    # `quick`: the request path's reads outside a transaction (no BEGIN / ROLLBACK round trips); each
    # statement sees what was committed when it started, as inside a READ COMMITTED transaction. Same pool.
    return ServerDB(url_or_path, engine, engine, engine.execution_options(isolation_level="AUTOCOMMIT"))


def _custom_plans(dbapi_conn: Any, _record: Any) -> None:
    """Plan every statement for its own parameters: psycopg prepares a statement run five times, and
    PostgreSQL may then keep one generic plan for it, made while a table was small (a fresh server's
    first upload: the field clocks looked up by a sequential scan, 50 ms a batch, 7 s of 53k rows)."""
    with dbapi_conn.cursor() as cur:
        cur.execute("SET plan_cache_mode = force_custom_plan")
    dbapi_conn.commit()


def lock_log(conn: Connection) -> None:
    """Hold the change-log lock until this transaction ends (see the module docstring)."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": LOG_LOCK_KEY})


def global_push_lock() -> bool:
    """The baseline's switch: one push at a time, the log lock held for its whole transaction."""
    return os.environ.get("DIPDESK_SERVER_GLOBAL_PUSH_LOCK", "") not in ("", "0")


def lock_push(conn: Connection, site_id: str) -> None:
    """Hold, until this transaction ends, the lock a push of `site_id`'s devices applies under (see the
    module docstring); the whole log lock when `global_push_lock()`."""
    if conn.dialect.name != "postgresql":
        return  # SQLite: BEGIN IMMEDIATE serialises every writer already
    if global_push_lock():
        lock_log(conn)
        return
    key = zlib.crc32(site_id.encode()) - 2**31  # a signed int4
    conn.execute(text("SELECT pg_advisory_xact_lock(:c, :k)"), {"c": SITE_LOCK_CLASS, "k": key})


def prepare(db: ServerDB) -> int:
    """Seed the reference data (idempotent) and put every reference row the log does not carry yet into
    it, so devices receive exactly the server's reference rows. Returns the number of rows logged."""
    logged = 0
    zero = hlc.zero()
    with db.write.begin() as conn:
        lock_log(conn)
        with Session(bind=conn) as session:
            seed_reference(session)
            session.flush()
        c = CLOCKS.c
        for info in synced_tables().values():
            if not info.reference:
                continue
            t = info.table
            known = exists().where(c.table_name == info.name, c.record_id == t.c.id)
            rows = conn.execute(select(t).where(~known).order_by(t.c.id)).mappings().all()
            if not rows:
                continue
            conn.execute(
                insert(CHANGES),
                [
                    {
                        "table_name": info.name,
                        "record_id": r["id"],
                        "site_id": None,
                        "fields": encode_row(info, r),
                        "hlc": zero,
                        "device_id": hlc.ZERO_DEVICE,
                        "user_id": None,
                    }
                    for r in rows
                ],
            )
            conn.execute(
                insert(CLOCKS),
                [
                    {
                        "table_name": info.name,
                        "record_id": r["id"],
                        "field": "*",
                        "hlc": zero,
                        "device_id": hlc.ZERO_DEVICE,
                    }
                    for r in rows
                ],
            )
            logged += len(rows)
    return logged


def hash_secret(secret: str) -> str:
    """Device secrets and enrolment codes are long random strings: a plain SHA-256 is the right hash."""
    return hashlib.sha256(secret.encode()).hexdigest()


def normalise_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def new_enrol_code(db: ServerDB, site_code: str) -> str:
    """A one-time enrolment code for a device of `site_code` (shown once; only its hash is kept)."""
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(12))
    with db.write.begin() as conn:
        site_id = conn.execute(
            select(Site.id).where(Site.code == site_code, Site.deleted.is_(False))
        ).scalar()
        if site_id is None:
            raise LookupError(f"unknown site code {site_code!r}")
        conn.execute(insert(ENROL_CODES).values(code_hash=hash_secret(raw), site_id=site_id))
    return "-".join(raw[i : i + 4] for i in range(0, 12, 4))


def set_site_key(db: ServerDB, site_code: str, public_key: str) -> None:
    """Headquarters sets a site's public key (reference data) from the server's side."""
    stamp = str(hlc.Stamp(hlc.now_ms(), 0, hlc.ZERO_DEVICE))
    with db.write.begin() as conn:
        lock_log(conn)
        site_id = conn.execute(select(Site.id).where(Site.code == site_code)).scalar()
        if site_id is None:
            raise LookupError(f"unknown site code {site_code!r}")
        conn.execute(update(Site).where(Site.id == site_id).values(public_key=public_key))
        conn.execute(
            insert(CHANGES).values(
                table_name="sites",
                record_id=site_id,
                site_id=None,
                fields={"public_key": public_key},
                hlc=stamp,
                device_id=hlc.ZERO_DEVICE,
            )
        )
        from dipdesk.sync.merge import upsert_clocks

        upsert_clocks(
            conn,
            [
                {
                    "table_name": "sites",
                    "record_id": site_id,
                    "field": "public_key",
                    "hlc": stamp,
                    "device_id": hlc.ZERO_DEVICE,
                }
            ],
        )
