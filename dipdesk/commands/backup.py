"""`dipdesk backup` and `dipdesk restore`: consistent, checked copies of the local database.

    dipdesk backup [--to DIR] [--second DIR]    back up now (into the backup folder of the settings)
    dipdesk backup --auto                       the automatic daily backup: only if none in 24 hours
    dipdesk backup list [--to DIR] [--format table|json]
    dipdesk backup verify FILE                  integrity, schema revision, site; exit 0 only if restorable
    dipdesk restore FILE                        (also `dipdesk backup restore FILE`)

The folders default to the settings (`backup_folder`, `backup_second_folder`), else `backups` beside the
database. A restore keeps the replaced database beside it and says what it means for unsynced work.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def _db(args: argparse.Namespace) -> Path:
    from dipdesk.paths import default_db_path

    return (Path(args.db) if args.db else default_db_path()).expanduser().resolve()


def _folders(args: argparse.Namespace, db: Path) -> tuple[Path, Path | None]:
    from dipdesk.services.backup import default_folder
    from dipdesk.settings import Settings

    s = Settings.load()
    folder = (
        Path(args.to)
        if getattr(args, "to", None)
        else (Path(s.backup_folder) if s.backup_folder else default_folder(db))
    )
    second = getattr(args, "second", None) or s.backup_second_folder or None
    return folder, Path(second) if second else None


def _mb(n: int) -> str:
    return f"{n / 1_000_000:,.1f} MB"


def cmd_backup(args: argparse.Namespace) -> int:
    from dipdesk.services import backup as svc

    db = _db(args)
    if args.action == "restore":
        return _restore(db, args.file, args.other_computer)
    if args.action == "verify":
        if not args.file:
            print("usage: dipdesk backup verify FILE", file=sys.stderr)
            return 2
        chk = svc.check_backup(Path(args.file), db_path=db if args.here else None)
        print(f"{chk.path}: {'ok' if chk.ok else 'NOT restorable'}")
        print(
            f"  site {chk.site_code or '-'}  schema {chk.revision or '-'}  people {chk.people if chk.people is not None else '-'}"
            f"  changes not uploaded {chk.pending_changes if chk.pending_changes is not None else '-'}"
        )
        for p in chk.problems:
            print(f"  problem: {p}")
        return 0 if chk.ok else 1
    folder, second = _folders(args, db)
    if args.action == "list":
        rows = svc.list_backups(folder, db)
        if args.format == "json":
            out = [
                {"file": str(b.path), "taken_at": b.taken_at.isoformat(), "kind": b.kind, "bytes": b.size}
                for b in rows
            ]
            print(json.dumps(out, ensure_ascii=False, indent=1))
        else:
            for b in rows:
                print(f"{b.taken_at:%Y-%m-%d %H:%M:%S}  {b.kind:<6}  {_mb(b.size):>10}  {b.path}")
            print(f"{len(rows)} backup(s) in {folder}")
        return 0
    if args.auto:
        result = svc.auto_backup(db, folder, second_folder=second)
        if result is None:
            print(f"no automatic backup due (one was made in the last 24 hours in {folder})")
            return 0
    else:
        result = svc.create_backup(db, folder, kind="manual", second_folder=second)
    print(f"backup: {result.path} ({_mb(result.size)}, checked, {result.seconds:.1f} s)")
    if result.second_path:
        print(f"  also: {result.second_path}")
    if result.second_error:
        print(f"warning: the second folder was not written: {result.second_error}", file=sys.stderr)
    for p in result.removed:
        print(f"  rotation removed {p.name}")
    return 0


def _restore(db: Path, file: str | None, other_computer: bool = False) -> int:
    from dipdesk.services import backup as svc

    if not file:
        print("usage: dipdesk restore FILE", file=sys.stderr)
        return 2
    result = svc.restore_backup(db, Path(file), allow_other_computer=other_computer)
    print(f"restored {db} from {result.restored_from} ({result.seconds:.1f} s)")
    if result.kept_aside:
        print(f"  the replaced database is kept as {result.kept_aside}")
    if result.migrated_from:
        print(f"  the backup was upgraded from schema {result.migrated_from}")
    if result.lost_unsynced:
        print(
            f"  warning: {result.lost_unsynced} change(s) made after the backup were never uploaded; they are "
            f"not in the restored database (they remain in {result.kept_aside})"
        )
    if result.from_server:
        print(
            f"  {result.from_server} change(s) made after the backup reached the server: the next sync brings them back"
        )
    print("  the next sync continues from the server's last sequence and pulls this computer's later changes")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    return _restore(_db(args), args.file, args.other_computer)


OTHER = "restore a backup made on another computer (only when that computer is no longer used)"


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    b = sub.add_parser(
        "backup",
        help="back up the database now (default), list, verify FILE, restore FILE",
    )
    b.add_argument("action", nargs="?", default="create", choices=("create", "list", "verify", "restore"))
    b.add_argument("file", nargs="?", help="verify / restore: the backup file")
    b.add_argument(
        "--to", metavar="DIR", help="backup folder (default: settings, else `backups` by the database)"
    )
    b.add_argument("--second", metavar="DIR", help="also copy the backup here (a USB disk, a share)")
    b.add_argument("--auto", action="store_true", help="the daily automatic backup: only if none in 24 hours")
    b.add_argument("--format", choices=("table", "json"), default="table")
    b.add_argument(
        "--here", action="store_true", help="verify: also check it may replace this database (same site)"
    )
    b.add_argument("--other-computer", action="store_true", help=OTHER)
    b.set_defaults(func=cmd_backup)

    r = sub.add_parser(
        "restore", help="replace the database by a backup (checked; the current one kept aside)"
    )
    r.add_argument("file", help="the backup file")
    r.add_argument("--other-computer", action="store_true", help=OTHER)
    r.set_defaults(func=cmd_restore)
