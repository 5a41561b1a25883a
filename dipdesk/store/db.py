"""Opening the local database: SQLite in WAL mode with foreign keys on, migrated by the packaged Alembic
scripts, with a copy of the file taken before any upgrade of an existing database.

An upgrade can take minutes on a large file (a million people: ~100 s for the dashboard's recounts), so
`open_database` tells a listener where it is (`UpgradeProgress`: the copy, then step k of n, then done);
the desktop shows it on the log-in window (dipdesk.ui.upgrade_notice)."""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from dipdesk.store import jsoncodec

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# JSON columns (the sync outbox and change log above all) through orjson, see `jsoncodec`
JSON_CODEC: dict[str, Any] = {"json_serializer": jsoncodec.dumps, "json_deserializer": jsoncodec.loads}


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
        engine = create_engine(url, connect_args={"timeout": 10}, **JSON_CODEC)
        event.listen(engine, "connect", _sqlite_pragmas)
        watch_for_damage(engine)
        return engine
    return create_engine(url, pool_pre_ping=True, **JSON_CODEC)


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


@dataclass(frozen=True)
class UpgradeProgress:
    """Where the upgrade of an existing database is, for a progress display.

    `stage`: "backup" (a copy of the file is being taken first), "migrate" (migration `step` of `total`
    is running), "done" (the file is at the new schema; the copy is at `backup`)."""

    stage: str
    step: int
    total: int
    from_revision: str
    backup: Path | None = None


UpgradeListener = Callable[[UpgradeProgress], None]


def pending_steps(current: str, target: str) -> list[str]:
    """The migrations that take a database at `current` to `target`, in the order they run (empty if
    `target` does not descend from `current`)."""
    revisions = _revisions()
    chain: list[str] = []
    rev: str | None = target
    while rev is not None and rev != current:
        if rev in chain or rev not in revisions:
            return []
        chain.append(rev)
        rev = revisions[rev]
    return list(reversed(chain)) if rev == current else []


def upgrade(engine: Engine, revision: str = "head", on_step: Callable[[], None] | None = None) -> None:
    """Migrate to `revision`; `on_step()` is called after each migration is applied."""
    from alembic import command

    cfg = alembic_config(engine)
    if on_step is not None:
        cfg.attributes["on_step"] = on_step
    command.upgrade(cfg, revision)


def _upgrade_existing(
    p: Path, engine: Engine, current: str, revision: str, target: str, tell: UpgradeListener
) -> None:
    """Back up the file at `p` (at `current`), then migrate it, telling `tell` where it is."""
    total = max(1, len(pending_steps(current, target)))
    tell(UpgradeProgress("backup", 0, total, current))
    engine.dispose()
    backup = backup_sqlite(p, current)
    applied = 0
    tell(UpgradeProgress("migrate", 1, total, current, backup))

    def step_done() -> None:
        nonlocal applied
        applied += 1
        if applied < total:
            tell(UpgradeProgress("migrate", applied + 1, total, current, backup))

    upgrade(engine, revision, step_done)
    tell(UpgradeProgress("done", total, total, current, backup))


def open_database(
    path: str | Path, *, revision: str = "head", progress: UpgradeListener | None = None
) -> Engine:
    """Open (creating if needed) the database at `path` and bring it to the current schema.

    An existing database at an older revision is backed up first; a new file is simply created.
    `progress` hears how the upgrade of an existing file goes (`UpgradeProgress`), from this thread;
    it is not called when nothing needs upgrading or for a new file.
    """
    if "://" in str(path):
        engine = make_engine(path)
        upgrade(engine, revision)
        return engine
    p = Path(path).expanduser().resolve()
    current = _existing_revision(p)  # refuses, before anything touches the file, what it cannot open
    p.parent.mkdir(parents=True, exist_ok=True)
    _clear_stale_builds(p)
    if current is None and (not p.exists() or p.stat().st_size == 0):
        _create_atomically(p, revision)
        return make_engine(p)
    engine = make_engine(path)
    target = head_revision() if revision == "head" else revision
    if current != target:
        if current is not None:
            tell = progress or (_default_listener[0] if _default_listener else _ignore)
            _upgrade_existing(p, engine, current, revision, target, tell)
        else:
            upgrade(engine, revision)
    _finish_indexes(engine)
    return engine


def _finish_indexes(engine: Engine) -> None:
    """The indexes a first download set aside and could not create again (the program was killed
    meanwhile, `store.indexes`): created now, before the file is used."""
    from dipdesk.store import indexes

    with engine.connect() as conn:
        has_state = conn.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'local_state'"
        ).first()
        if has_state is None or not indexes.aside(conn):
            return
    with engine.begin() as conn:
        begin_now(conn, immediate=True)
        indexes.restore(conn)


def _ignore(_progress: UpgradeProgress) -> None:
    pass


_default_listener: list[UpgradeListener] = []


def report_upgrades_to(listener: UpgradeListener | None) -> None:
    """Whom `open_database` tells about an upgrade when its caller names no one (the command line sets
    a printer for its run; None: no one)."""
    _default_listener[:] = [listener] if listener is not None else []


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def transaction(engine: Engine) -> Iterator[Session]:
    """A session whose work commits as one transaction, or rolls back entirely on error."""
    with session_factory(engine)() as session, session.begin():
        yield session


def begin_now(conn: Connection, *, immediate: bool = False) -> None:
    """Open the connection's SQLite transaction now, before a savepoint. Python's sqlite3 driver (legacy
    transaction control, as the desktop's engine uses it) begins a transaction only before an INSERT,
    UPDATE or DELETE; a SAVEPOINT issued first is then a transaction of its own, which commits when it is
    released, so the enclosing transaction's rollback no longer undoes it and every row of a loop of
    savepoints is a commit of its own. Nothing when a transaction is open already, on an engine that
    emits BEGIN itself (the server's), or on other databases. `immediate`: take the write lock at once."""
    if conn.dialect.name != "sqlite":
        return
    raw: Any = conn.connection.dbapi_connection
    if raw is None or raw.isolation_level is None or raw.in_transaction:
        return
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


@contextmanager
def savepoint(session: Session) -> Iterator[None]:
    """`session.begin_nested()` that keeps its promise on SQLite: the work of the block is undone if it
    fails, and otherwise stays part of the session's transaction (committed, or rolled back, with it)."""
    begin_now(session.connection())
    with session.begin_nested():
        yield


# --- creating a database atomically (issue 17) -------------------------------------------------------------


STALE_SECONDS = 600


def _clear_stale_builds(p: Path) -> None:
    """Remove what a killed build of `p` left (another process's build in progress is younger)."""
    for stale in p.parent.glob(f".{p.name}.creating-*"):
        with contextlib.suppress(OSError):
            if time.time() - stale.stat().st_mtime > STALE_SECONDS:
                stale.unlink()


def _create_atomically(p: Path, revision: str) -> None:
    """Build a new database under a temporary name beside `p` and move it into place only when it is
    complete: a kill (or power cut) while it is made leaves no file, or the whole one, never half of one
    that can never be opened."""
    tmp = p.with_name(f".{p.name}.creating-{os.getpid()}")
    for extra in ("", "-wal", "-shm", "-journal"):
        Path(f"{tmp}{extra}").unlink(missing_ok=True)
    engine = make_engine(tmp)
    try:
        upgrade(engine, revision)
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA journal_mode=DELETE")  # everything in the one file, WAL folded in
    finally:
        engine.dispose()
    with tmp.open("rb+") as f:
        os.fsync(f.fileno())
    try:
        if p.exists() and p.stat().st_size == 0:
            os.replace(tmp, p)  # an empty file in the way: nothing in it to keep
        else:
            # create-if-absent: when several processes make the same new database at once (server workers
            # starting together) the first one's file stays and the others use it; replacing it would
            # leave their connections on a file no longer there ("attempt to write a readonly database")
            os.link(tmp, p)
    except FileExistsError:
        pass
    except OSError:  # no hard links on this file system
        if not p.exists():
            os.replace(tmp, p)
    finally:
        tmp.unlink(missing_ok=True)
    _fsync_dir(p.parent)


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# --- a damaged database refuses writes (issue 17) ----------------------------------------------------------

DAMAGE_WORDS = ("malformed", "not a database", "corrupt")


def damage_marker(path: str | Path) -> Path:
    p = Path(path)
    return p.with_name(p.name + ".damaged")


class DatabaseDamaged(DatabaseUnusable):
    """SQLite reported the file damaged: nothing more is written to it until it is restored."""

    def __init__(self, path: str | Path, detail: str = "") -> None:
        p = Path(path)
        super().__init__(
            f"ฐานข้อมูล {p} เสียหาย ({detail or 'SQLite รายงานว่าไฟล์เสีย'}) โปรแกรมจะไม่บันทึกอะไรลงไฟล์นี้อีก "
            "เพื่อไม่ให้เสียหายมากขึ้น วิธีกู้คืน: ปิด dipdesk แล้วนำสำเนาสำรองล่าสุดมาแทนไฟล์นี้ "
            f"(สำเนาที่โปรแกรมเก็บไว้ชื่อ {p.stem}.before-*{p.suffix} อยู่ในโฟลเดอร์เดียวกัน หรือสำเนาสำรองของหน่วยงาน) "
            "จากนั้นสั่ง dipdesk check และซิงก์ เพื่อดึงข้อมูลที่ส่งขึ้นเซิร์ฟเวอร์แล้วกลับมา",
            f"the database {p} is damaged ({detail or 'SQLite reports the file damaged'}); dipdesk writes "
            "nothing more to it, so the damage does not spread. To restore: close dipdesk, put the latest "
            f"backup in its place (dipdesk keeps copies named {p.stem}.before-*{p.suffix} in the same "
            "folder, or use your office's backup), then run `dipdesk check` (it lifts this block once the "
            "file is sound) and sync to get back what reached the server.",
        )


def _file_of(engine: Engine) -> Path | None:
    name = engine.url.database
    if not name or name == ":memory:" or name.startswith("file:"):
        return None
    return Path(name)


def watch_for_damage(engine: Engine) -> None:
    """Once SQLite reports the file damaged, mark it (`<db>.damaged`) and refuse every write from then
    on, in this process and in every later one (connections open with `query_only`), with a message
    that says how to restore; reads stay possible (to look, or to export what can be saved)."""
    path = _file_of(engine)
    if path is None:
        return

    @event.listens_for(engine, "connect")
    def _refuse_writes(dbapi_conn: Any, _record: Any) -> None:
        if damage_marker(path).exists():
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA query_only=ON")
            cur.close()

    @event.listens_for(engine, "handle_error")
    def _damaged(context: Any) -> None:
        exc = context.original_exception
        text = str(exc).lower()
        if isinstance(exc, sqlite3.DatabaseError) and any(w in text for w in DAMAGE_WORDS):
            mark_damaged(path, str(exc))
            raise DatabaseDamaged(path, str(exc)) from exc
        if isinstance(exc, sqlite3.OperationalError) and "readonly" in text and damage_marker(path).exists():
            raise DatabaseDamaged(path, damage_marker(path).read_text(encoding="utf-8").strip()) from exc


def mark_damaged(path: str | Path, detail: str) -> None:
    with contextlib.suppress(OSError):
        damage_marker(path).write_text(f"{detail}\n", encoding="utf-8")


def clear_damage(path: str | Path) -> None:
    damage_marker(path).unlink(missing_ok=True)
