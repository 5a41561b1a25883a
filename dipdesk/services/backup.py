"""Backup and restore of the local database (สำรองและกู้คืนข้อมูล), while the program runs.

A backup is taken through SQLite's online backup API (one consistent snapshot of the live WAL database,
never a file copy of it), written under a temporary name, made a self-contained file (no -wal), checked
with `PRAGMA integrity_check`, then renamed into place: a backup that is listed is complete and sound.
It goes to the backup folder (default: `backups` beside the database) and, when one is set and
present, also to a second folder (a USB disk, a network share). Automatic backups are kept by a
rotation (the newest of each of the last 7 days and of the last 4 weeks); backups made on demand, the
newest 10.

A restore checks the file first (an SQLite file, integrity, a schema revision this version knows, the
same site and the same computer as the live database), keeps the live database aside (again through
the backup API, checked), prepares the copy in a temporary file (migrated to the current schema if it
is older, and marked so the next sync recovers: `dipdesk.sync.restore`), and only then writes it into the
live database with the backup API, which SQLite does as one transaction: a kill at any moment leaves
either the old database or the restored one, never a mix. No Qt here: the GUI runs these in a worker.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from dipdesk.services.errors import ServiceError

KEEP_DAILY = 7
KEEP_WEEKLY = 4
KEEP_MANUAL = 10
KINDS = ("auto", "manual")
AUTO_EVERY = timedelta(hours=24)
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})-(?P<kind>auto|manual)\.sqlite3$")
PARTIAL = ".partial"

Progress = Callable[[str], None]


class BackupError(ServiceError):
    """A backup or a restore refused or failed; the live database was not changed."""


class OtherComputer(BackupError):
    """The backup is of another computer (another sync device). Restoring it is right only when that
    computer is no longer used (a dead laptop's backup onto its replacement): ask, then pass
    `allow_other_computer=True`."""


@dataclass
class BackupFile:
    """One backup in a folder (parsed from its name; `check_backup` reads its content)."""

    path: Path
    taken_at: datetime  # local time, from the name
    kind: str  # auto | manual
    size: int


@dataclass
class BackupResult:
    path: Path
    size: int
    seconds: float
    second_path: Path | None = None
    second_error: str = ""  # the second folder was set but could not be written (not plugged in…)
    removed: list[Path] = field(default_factory=list)  # old backups the rotation let go


@dataclass
class BackupCheck:
    """What a backup holds and whether it can be restored here."""

    path: Path
    ok: bool
    problems: list[str]  # Thai / English, one line each
    revision: str | None = None
    site_id: str | None = None
    site_code: str | None = None
    device_id: str | None = None
    people: int | None = None
    pending_changes: int | None = None  # changes not yet uploaded when the backup was taken
    other_computer: bool = False  # made on another computer than the live database's


@dataclass
class RestoreResult:
    restored_from: Path
    kept_aside: Path | None  # the database that was replaced, kept (None: there was none)
    migrated_from: str | None  # the backup's schema revision when it was older than this version's
    lost_unsynced: int | None  # changes in the replaced database never uploaded and not in the backup
    from_server: int | None  # changes uploaded after the backup: the next sync brings them back
    seconds: float = 0.0


# --- where ----------------------------------------------------------------------------------------------


def default_folder(db_path: Path) -> Path:
    """The `backups` folder beside the database (for the default database: in the data folder)."""
    return Path(db_path).expanduser().resolve().parent / "backups"


def backup_name(db_path: Path, kind: str, when: datetime | None = None) -> str:
    return f"{Path(db_path).stem}-{(when or datetime.now()).strftime('%Y%m%d-%H%M%S')}-{kind}.sqlite3"


def list_backups(folder: Path, db_path: Path | None = None) -> list[BackupFile]:
    """Backups in `folder`, newest first (of `db_path`'s database when given). Unfinished ones (a
    backup killed midway leaves a `.partial` file) are not listed."""
    out: list[BackupFile] = []
    try:
        entries = list(Path(folder).iterdir())
    except OSError:
        return out
    stem = Path(db_path).stem if db_path is not None else None
    for p in entries:
        m = _NAME.match(p.name)
        if m is None or (stem is not None and m["stem"] != stem) or not p.is_file():
            continue
        try:
            taken = datetime.strptime(m["stamp"], "%Y%m%d-%H%M%S")
            size = p.stat().st_size
        except (ValueError, OSError):
            continue
        out.append(BackupFile(p, taken, m["kind"], size))
    out.sort(key=lambda b: (b.taken_at, b.path.name), reverse=True)
    return out


def due(folder: Path, db_path: Path, now: datetime | None = None) -> bool:
    """Is an automatic backup due (none in the last 24 hours)?"""
    now = now or datetime.now()
    autos = [b for b in list_backups(folder, db_path) if b.kind == "auto"]
    return not autos or now - autos[0].taken_at >= AUTO_EVERY or autos[0].taken_at > now


def rotation_keeps(backups: list[BackupFile]) -> set[Path]:
    """Which backups the rotation keeps: automatic ones, the newest of each of the last `KEEP_DAILY`
    days and of the last `KEEP_WEEKLY` ISO weeks that have one; on-demand ones, the newest
    `KEEP_MANUAL`."""
    keep: set[Path] = set()
    autos = sorted((b for b in backups if b.kind == "auto"), key=lambda b: b.taken_at, reverse=True)
    days: list[object] = []
    weeks: list[object] = []
    for b in autos:
        day = b.taken_at.date()
        week = b.taken_at.isocalendar()[:2]
        if day not in days and len(days) < KEEP_DAILY:
            days.append(day)
            keep.add(b.path)
        if week not in weeks and len(weeks) < KEEP_WEEKLY:
            weeks.append(week)
            keep.add(b.path)
    manual = sorted((b for b in backups if b.kind == "manual"), key=lambda b: b.taken_at, reverse=True)
    keep.update(b.path for b in manual[:KEEP_MANUAL])
    return keep


def rotate(folder: Path, db_path: Path) -> list[Path]:
    """Delete the backups the rotation does not keep (and unfinished ones older than an hour)."""
    backups = list_backups(folder, db_path)
    keep = rotation_keeps(backups)
    removed: list[Path] = []
    for b in backups:
        if b.path not in keep:
            try:
                b.path.unlink()
                removed.append(b.path)
            except OSError:
                pass
    cutoff = time.time() - 3600
    for p in Path(folder).glob(f".{Path(db_path).stem}-*{PARTIAL}"):
        try:
            if p.stat().st_mtime < cutoff:
                p.unlink()
        except OSError:
            pass
    return removed


# --- low level ------------------------------------------------------------------------------------------


def _fsync(path: Path) -> None:
    with open(path, "rb") as f:
        os.fsync(f.fileno())


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":  # Windows has no directory handles to sync; NTFS renames are journalled
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _connect_ro(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=30)


def _integrity(conn: sqlite3.Connection) -> list[str]:
    rows = [str(r[0]) for r in conn.execute("PRAGMA integrity_check(20)")]
    return [] if rows == ["ok"] else rows


def _snapshot(src_path: Path, dest: Path) -> None:
    """Copy the database at `src_path` (live, WAL) to `dest` through the backup API, as one consistent
    snapshot, and make `dest` a self-contained file (rollback journal, no -wal beside it)."""
    src = sqlite3.connect(src_path, timeout=30)
    try:
        dst = sqlite3.connect(dest)
        try:
            src.backup(dst)  # one step: one read transaction, writers go on meanwhile (WAL)
            dst.execute("PRAGMA journal_mode=DELETE")
            problems = _integrity(dst)
        finally:
            dst.close()
    finally:
        src.close()
    if problems:
        raise BackupError(
            "สำเนาที่เขียนไม่สมบูรณ์ (integrity_check): " + "; ".join(problems[:3]),
            "the copy written is damaged (integrity_check): " + "; ".join(problems[:3]),
        )
    _fsync(dest)


def _place(partial: Path, final: Path) -> None:
    os.replace(partial, final)
    _fsync_dir(final.parent)


def _writable_folder(folder: Path) -> Path:
    folder = Path(folder).expanduser()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupError(
            f"สร้างโฟลเดอร์สำรองข้อมูล {folder} ไม่ได้: {exc.strerror or exc}",
            f"cannot create the backup folder {folder}: {exc.strerror or exc}",
        ) from exc
    if not folder.is_dir() or not os.access(folder, os.W_OK):
        raise BackupError(
            f"เขียนลงโฟลเดอร์สำรองข้อมูล {folder} ไม่ได้", f"the backup folder {folder} is not writable"
        )
    return folder


def _live(db_path: Path) -> Path:
    from dipdesk.store.db import DatabaseUnusable, _existing_revision

    p = Path(db_path).expanduser().resolve()
    if not p.is_file() or p.stat().st_size == 0:
        raise BackupError(f"ไม่พบฐานข้อมูล {p}", f"there is no database at {p}")
    try:
        _existing_revision(p)
    except DatabaseUnusable as exc:
        raise BackupError(exc.message_th, exc.message_en) from exc
    return p


# --- backup ---------------------------------------------------------------------------------------------


def create_backup(
    db_path: Path,
    folder: Path | None = None,
    *,
    kind: str = "manual",
    second_folder: Path | None = None,
    progress: Progress | None = None,
) -> BackupResult:
    """Back up the live database into `folder` (and `second_folder`), checked, then rotate."""
    if kind not in KINDS:
        raise ValueError(kind)
    started = time.perf_counter()
    live = _live(db_path)
    target = _writable_folder(folder or default_folder(live))
    name = backup_name(live, kind)
    final = target / name
    n = 1
    while final.exists():  # two in one second
        final = target / name.replace(f"-{kind}.", f"-{n:02d}-{kind}.")
        n += 1
    partial = target / f".{final.name}{PARTIAL}"
    if progress:
        progress("copy")
    try:
        _snapshot(live, partial)
        _place(partial, final)
    except sqlite3.Error as exc:
        raise BackupError(f"สำรองข้อมูลไม่สำเร็จ: {exc}", f"the backup failed: {exc}") from exc
    finally:
        partial.unlink(missing_ok=True)
    result = BackupResult(final, final.stat().st_size, 0.0)
    if progress:
        progress("rotate")
    result.removed = rotate(target, live)
    if second_folder:
        if progress:
            progress("second")
        try:
            result.second_path = copy_backup(final, Path(second_folder))
            result.removed += rotate(Path(second_folder), live)
        except (BackupError, OSError, sqlite3.Error) as exc:
            result.second_error = exc.message_th if isinstance(exc, BackupError) else str(exc)
    result.seconds = time.perf_counter() - started
    return result


def copy_backup(backup: Path, folder: Path) -> Path:
    """Copy a finished backup (a closed, self-contained file: a file copy is safe) into `folder`,
    checked and renamed into place like the first one."""
    target = _writable_folder(folder)
    final = target / backup.name
    partial = target / f".{backup.name}{PARTIAL}"
    try:
        shutil.copyfile(backup, partial)
        _fsync(partial)
        conn = _connect_ro(partial)
        try:
            problems = _integrity(conn)
        finally:
            conn.close()
        if problems:
            raise BackupError(
                f"สำเนาใน {target} ไม่สมบูรณ์", f"the copy in {target} is damaged: {'; '.join(problems[:3])}"
            )
        _place(partial, final)
    finally:
        partial.unlink(missing_ok=True)
    return final


def auto_backup(
    db_path: Path, folder: Path | None = None, *, second_folder: Path | None = None
) -> BackupResult | None:
    """The automatic daily backup: made when none was made in the last 24 hours, else None."""
    live = Path(db_path).expanduser().resolve()
    target = Path(folder) if folder else default_folder(live)
    if not due(target, live):
        return None
    return create_backup(live, target, kind="auto", second_folder=second_folder)


# --- check ----------------------------------------------------------------------------------------------


def _facts(conn: sqlite3.Connection) -> dict[str, str | int | None]:
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    facts: dict[str, str | int | None] = {}
    if "alembic_version" in tables:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        facts["revision"] = str(row[0]) if row else None
    if "local_state" in tables:
        state = dict(conn.execute("SELECT key, value FROM local_state").fetchall())
        facts["site_id"] = state.get("site_id")
        facts["device_id"] = state.get("sync.device_id")
    if facts.get("site_id") and "sites" in tables:
        row = conn.execute("SELECT code FROM sites WHERE id = ?", (facts["site_id"],)).fetchone()
        facts["site_code"] = str(row[0]) if row else None
    if "people" in tables:
        facts["people"] = int(conn.execute("SELECT count(*) FROM people").fetchone()[0])
    if "sync_outbox" in tables:
        facts["pending"] = int(
            conn.execute("SELECT count(*) FROM sync_outbox WHERE state = 'pending'").fetchone()[0]
        )
    return facts


def check_backup(
    path: Path, *, db_path: Path | None = None, allow_other_computer: bool = False
) -> BackupCheck:
    """Can this file be restored (into `db_path`, when given)? Reads it only."""
    from dipdesk.store.db import SQLITE_HEADER, _revisions, head_revision

    p = Path(path).expanduser()
    chk = BackupCheck(p, False, [])
    try:
        with p.open("rb") as f:
            header = f.read(len(SQLITE_HEADER))
    except OSError as exc:
        chk.problems.append(f"เปิดไฟล์ไม่ได้ / cannot open the file: {exc.strerror or exc}")
        return chk
    if header != SQLITE_HEADER:
        chk.problems.append("ไม่ใช่ไฟล์ฐานข้อมูล SQLite / not an SQLite database file")
        return chk
    try:
        conn = _connect_ro(p)
        try:
            damage = _integrity(conn)
            facts = _facts(conn) if not damage else {}
        finally:
            conn.close()
    except sqlite3.Error as exc:
        chk.problems.append(f"ไฟล์เสียหาย อ่านไม่ได้ / the file is damaged, it cannot be read: {exc}")
        return chk
    if damage:
        chk.problems.append("ไฟล์เสียหาย (integrity_check) / the file is damaged: " + "; ".join(damage[:3]))
        return chk
    chk.revision = facts.get("revision")  # type: ignore[assignment]
    chk.site_id = facts.get("site_id")  # type: ignore[assignment]
    chk.site_code = facts.get("site_code")  # type: ignore[assignment]
    chk.device_id = facts.get("device_id")  # type: ignore[assignment]
    chk.people = facts.get("people")  # type: ignore[assignment]
    chk.pending_changes = facts.get("pending")  # type: ignore[assignment]
    if chk.revision is None:
        chk.problems.append("ไม่ใช่ฐานข้อมูลของ dipdesk / not a dipdesk database (no schema revision)")
    elif chk.revision not in _revisions():
        chk.problems.append(
            f"สร้างโดย dipdesk รุ่นที่ใหม่กว่า (โครงสร้าง {chk.revision}) / made by a newer dipdesk "
            f"(schema {chk.revision}; this one knows up to {head_revision()})"
        )
    if not chk.site_id:
        chk.problems.append("ไม่มีหน่วยงานในสำเนานี้ / the backup belongs to no site (never set up)")
    if db_path is not None and not chk.problems:
        _compare_with_live(chk, Path(db_path), allow_other_computer)
    chk.ok = not chk.problems
    return chk


def _compare_with_live(chk: BackupCheck, db_path: Path, allow_other_computer: bool) -> None:
    p = Path(db_path).expanduser()
    if not p.is_file():
        return  # nothing to compare with (the disk died, the file was deleted): the backup decides
    try:
        conn = _connect_ro(p)
        try:
            live = _facts(conn)
        finally:
            conn.close()
    except sqlite3.Error:
        return  # the live database is unreadable: that is why one restores
    if live.get("site_id") and live["site_id"] != chk.site_id:
        chk.problems.append(
            f"สำเนานี้เป็นของหน่วยงาน {chk.site_code} ไม่ใช่ {live.get('site_code')} / the backup is of site "
            f"{chk.site_code}, this database is of {live.get('site_code')}"
        )
    elif live.get("device_id") and chk.device_id and live["device_id"] != chk.device_id:
        chk.other_computer = True
        if allow_other_computer:
            return
        chk.problems.append(
            "สำเนานี้มาจากคอมพิวเตอร์เครื่องอื่น กู้คืนได้เฉพาะเมื่อเครื่องนั้นเลิกใช้แล้ว มิฉะนั้นสองเครื่องจะซิงค์ในนามเดียวกัน"
            " / the backup is of another computer (another sync device): restore it only if that computer is "
            "no longer used, or two computers would sync as one device"
        )


# --- restore --------------------------------------------------------------------------------------------


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S")


def _outbox_split(conn: sqlite3.Connection, after: int) -> tuple[int, int]:
    """(never uploaded, uploaded) changes with a seq above `after`."""
    try:
        rows = dict(
            conn.execute(
                "SELECT state = 'pending', count(*) FROM sync_outbox WHERE seq > ? GROUP BY 1", (after,)
            ).fetchall()
        )
    except sqlite3.Error:
        return 0, 0
    return int(rows.get(1, 0)), int(rows.get(0, 0))


def _counter(conn: sqlite3.Connection) -> int:
    try:
        row = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'sync_outbox'").fetchone()
    except sqlite3.Error:
        return 0
    return int(row[0]) if row else 0


def _prepare(backup: Path, work: Path, revision: str | None) -> tuple[str | None, int]:
    """Copy the backup to `work`, migrate it to this version's schema, mark it for the sync recovery.
    Returns (the revision it was migrated from, or None; the backup's outbox counter)."""
    from dipdesk.store.db import head_revision, make_engine, upgrade
    from dipdesk.sync.restore import mark_restored

    src = _connect_ro(backup)
    try:
        dst = sqlite3.connect(work)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    engine = make_engine(work)
    try:
        migrated = None
        if revision != head_revision():
            upgrade(engine)
            migrated = revision
        with engine.begin() as conn:
            base = mark_restored(conn)
    finally:
        engine.dispose()
    conn2 = sqlite3.connect(work)
    try:
        conn2.execute("PRAGMA journal_mode=DELETE")
        problems = _integrity(conn2)
    finally:
        conn2.close()
    if problems:
        raise BackupError("สำเนาที่เตรียมไว้เสียหาย", "the prepared copy is damaged: " + "; ".join(problems))
    _fsync(work)
    return migrated, base


def restore_backup(
    db_path: Path, backup: Path, *, progress: Progress | None = None, allow_other_computer: bool = False
) -> RestoreResult:
    """Replace the live database by the backup (checked first; the live one kept aside)."""
    started = time.perf_counter()
    live = Path(db_path).expanduser().resolve()
    backup = Path(backup).expanduser().resolve()
    if backup == live:
        raise BackupError("เลือกไฟล์สำรอง ไม่ใช่ฐานข้อมูลที่ใช้อยู่", "pick a backup, not the live database")
    if progress:
        progress("check")
    chk = check_backup(backup, db_path=live, allow_other_computer=allow_other_computer)
    if not chk.ok:
        error = OtherComputer if chk.other_computer and len(chk.problems) == 1 else BackupError
        raise error(
            "กู้คืนไม่ได้ ฐานข้อมูลไม่ถูกแก้ไข: " + " | ".join(chk.problems),
            "cannot restore; the database was not changed: " + " | ".join(chk.problems),
        )
    live.parent.mkdir(parents=True, exist_ok=True)
    stamp = _stamp()
    work = live.with_name(f".{live.stem}.restoring-{stamp}{live.suffix}")
    aside: Path | None = None
    lost: int | None = None
    back: int | None = None
    healthy = False
    try:
        if live.is_file() and live.stat().st_size > 0:
            if progress:
                progress("aside")
            aside = live.with_name(f"{live.stem}.before-restore-{stamp}{live.suffix}")
            partial = aside.with_name(f".{aside.name}{PARTIAL}")
            try:
                _snapshot(live, partial)
                _place(partial, aside)
                healthy = True
            except (sqlite3.Error, BackupError):
                # the live file is damaged: keep it (and its journal) aside as files, as they are
                partial.unlink(missing_ok=True)
                shutil.copyfile(live, aside)
                for extra in ("-wal", "-shm"):
                    side = live.with_name(live.name + extra)
                    if side.exists():
                        shutil.copyfile(side, aside.with_name(aside.name + extra))
        if progress:
            progress("prepare")
        migrated, base = _prepare(backup, work, chk.revision)
        if aside is not None and healthy:
            old = _connect_ro(aside)
            try:
                lost, back = _outbox_split(old, base)
            finally:
                old.close()
        if progress:
            progress("replace")
        if healthy:
            # one write transaction into the live file: old or new after a kill, never a mix
            src = _connect_ro(work)
            try:
                dst = sqlite3.connect(live, timeout=60)
                try:
                    src.backup(dst)
                    problems = _integrity(dst)
                finally:
                    dst.close()
            finally:
                src.close()
            if problems:
                raise BackupError("ฐานข้อมูลหลังกู้คืนเสียหาย", "the restored database is damaged")
        else:
            # no database or a damaged one: an atomic rename puts the prepared file in its place; the
            # old journal must go first, or SQLite would replay it onto the restored file
            for extra in ("-wal", "-shm", "-journal"):
                live.with_name(live.name + extra).unlink(missing_ok=True)
            os.replace(work, live)
            _fsync_dir(live.parent)
    except sqlite3.Error as exc:
        raise BackupError(f"กู้คืนไม่สำเร็จ: {exc}", f"the restore failed: {exc}") from exc
    finally:
        work.unlink(missing_ok=True)
        for extra in ("-wal", "-shm", "-journal"):
            work.with_name(work.name + extra).unlink(missing_ok=True)
    return RestoreResult(
        restored_from=backup,
        kept_aside=aside,
        migrated_from=migrated,
        lost_unsynced=lost,
        from_server=back,
        seconds=time.perf_counter() - started,
    )


def leftovers(db_path: Path) -> list[Path]:
    """Temporary files a killed restore left beside the database (harmless; removed by `cleanup`)."""
    live = Path(db_path).expanduser().resolve()
    return sorted(live.parent.glob(f".{live.stem}.restoring-*")) + sorted(
        live.parent.glob(f".{live.stem}.before-restore-*{PARTIAL}")
    )


def cleanup(db_path: Path) -> int:
    n = 0
    for p in leftovers(db_path):
        try:
            p.unlink()
            n += 1
        except OSError:
            pass
    return n
