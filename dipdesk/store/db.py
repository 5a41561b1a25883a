"""Opening the local database: SQLite in WAL mode with foreign keys on, migrated by the packaged Alembic
scripts, with a copy of the file taken before any upgrade of an existing database."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: durable across app crashes, fast
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()


def make_engine(url_or_path: str | Path) -> Engine:
    """An engine for a SQLite file path or any SQLAlchemy URL (the server uses PostgreSQL URLs)."""
    url = str(url_or_path)
    if "://" not in url:
        url = f"sqlite:///{Path(url).expanduser().resolve()}"
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 10})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def alembic_config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


def head_revision() -> str:
    script = ScriptDirectory.from_config(alembic_config(create_engine("sqlite://")))
    head = script.get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def backup_sqlite(path: Path, revision: str | None) -> Path:
    """Copy the database (consistently, through SQLite's backup API) beside itself before migrating."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    dest = path.with_name(f"{path.stem}.before-{revision or 'unversioned'}-{stamp}{path.suffix}")
    src = sqlite3.connect(path)
    try:
        dst = sqlite3.connect(dest)
        with dst:
            src.backup(dst)
        dst.close()
    finally:
        src.close()
    return dest


def upgrade(engine: Engine, revision: str = "head") -> None:
    command.upgrade(alembic_config(engine), revision)


def open_database(path: str | Path, *, revision: str = "head") -> Engine:
    """Open (creating if needed) the database at `path` and bring it to the current schema.

    An existing database at an older revision is backed up first; a new file is simply created.
    """
    engine = make_engine(path)
    if "://" in str(path):
        upgrade(engine, revision)
        return engine
    p = Path(path).expanduser().resolve()
    p.parent.mkdir(parents=True, exist_ok=True)
    current = current_revision(engine) if p.exists() and p.stat().st_size > 0 else None
    target = head_revision() if revision == "head" else revision
    if current != target:
        if current is not None:
            engine.dispose()
            backup_sqlite(p, current)
        upgrade(engine, revision)
    return engine


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def transaction(engine: Engine) -> Iterator[Session]:
    """A session whose work commits as one transaction, or rolls back entirely on error."""
    with session_factory(engine)() as session, session.begin():
        yield session
