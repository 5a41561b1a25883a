"""Opening the local database: SQLite in WAL mode with foreign keys on, migrated by the packaged Alembic
scripts, with a copy of the file taken before any upgrade of an existing database."""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

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
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


@cache
def _scripts() -> ScriptDirectory:
    """The packaged migration scripts (read once per process)."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config(create_engine("sqlite://")))


@cache
def _revisions() -> dict[str, str | None]:
    """{revision: down_revision} of the packaged scripts, read from their text (no Alembic import: opening
    a database that is already current needs neither Alembic nor the scripts compiled)."""
    out: dict[str, str | None] = {}
    for f in sorted((MIGRATIONS / "versions").glob("*.py")):
        text = f.read_text(encoding="utf-8")
        rev = re.search(r"^revision\s*=\s*['\"]([^'\"]+)['\"]", text, re.M)
        down = re.search(r"^down_revision\s*=\s*(?:['\"]([^'\"]+)['\"]|None)", text, re.M)
        if rev is not None:
            out[rev.group(1)] = down.group(1) if down is not None else None
    return out


def head_revision() -> str:
    revisions = _revisions()
    heads = set(revisions) - {d for d in revisions.values() if d}
    if len(heads) == 1:
        return heads.pop()
    head = _scripts().get_current_head()  # several heads or none: let Alembic say what it makes of it
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

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


class DatabaseUnusable(Exception):
    """The file cannot be opened as this version's database; nothing was written to it."""

    def __init__(self, message_th: str, message_en: str) -> None:
        super().__init__(message_en)
        self.message_th = message_th
        self.message_en = message_en


SQLITE_HEADER = b"SQLite format 3\x00"


def _existing_revision(p: Path) -> str | None:
    """The schema revision of the database file at `p` (None for a new or empty one), read without
    writing anything; refuses what this version cannot open: a folder, another kind of file, another
    program's SQLite database, a schema newer than this version knows."""
    if p.exists() and not p.is_file():
        raise DatabaseUnusable(f"{p} เป็นโฟลเดอร์ ไม่ใช่ไฟล์ฐานข้อมูล", f"{p} is a folder, not a database file")
    if not p.exists() or p.stat().st_size == 0:
        return None
    try:
        with p.open("rb") as f:
            header = f.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise DatabaseUnusable(
            f"เปิดไฟล์ฐานข้อมูล {p} ไม่ได้: {exc.strerror}", f"cannot open the database {p}: {exc.strerror}"
        ) from exc
    if header != SQLITE_HEADER:
        raise DatabaseUnusable(
            f"{p} ไม่ใช่ไฟล์ฐานข้อมูลของ dipdesk (ไม่ใช่ SQLite)",
            f"{p} is not a dipdesk database (not an SQLite file)",
        )
    for where in (p, p.parent):  # SQLite writes its journal files beside the database
        if not os.access(where, os.W_OK):
            raise DatabaseUnusable(
                f"เขียน {where} ไม่ได้ (อ่านได้อย่างเดียว): dipdesk ต้องบันทึกลงไฟล์ฐานข้อมูลและโฟลเดอร์ของไฟล์ได้",
                f"{where} is read-only: dipdesk needs to write to the database file and its folder",
            )
    try:
        conn = sqlite3.connect(f"{p.as_uri()}?mode=ro", uri=True)
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            row = (
                conn.execute("SELECT version_num FROM alembic_version").fetchone()
                if "alembic_version" in tables
                else None
            )
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise DatabaseUnusable(
            f"อ่านไฟล์ฐานข้อมูล {p} ไม่ได้: {exc}", f"cannot read the database {p}: {exc}"
        ) from exc
    if row is None:
        from dipdesk.store.models import Base

        if tables and tables.isdisjoint(Base.metadata.tables):
            raise DatabaseUnusable(
                f"{p} เป็นฐานข้อมูล SQLite ของโปรแกรมอื่น ไม่ใช่ของ dipdesk",
                f"{p} is another program's SQLite database, not a dipdesk one",
            )
        return None
    revision = str(row[0])
    known = revision in _revisions()
    if not known:
        raise DatabaseUnusable(
            f"ฐานข้อมูล {p} สร้างโดย dipdesk รุ่นที่ใหม่กว่านี้ (โครงสร้างรุ่น {revision}) "
            "กรุณาปรับปรุง dipdesk ก่อนเปิดไฟล์นี้ ไฟล์ไม่ถูกแก้ไข",
            f"the database {p} was made by a newer dipdesk (schema revision {revision}); update dipdesk "
            "to open it. The file was not changed.",
        )
    return revision


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    command.upgrade(alembic_config(engine), revision)


def open_database(path: str | Path, *, revision: str = "head") -> Engine:
    """Open (creating if needed) the database at `path` and bring it to the current schema.

    An existing database at an older revision is backed up first; a new file is simply created.
    """
    if "://" in str(path):
        engine = make_engine(path)
        upgrade(engine, revision)
        return engine
    p = Path(path).expanduser().resolve()
    current = _existing_revision(p)  # refuses, before anything touches the file, what it cannot open
    p.parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(path)
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
