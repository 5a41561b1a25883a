"""The command line: `dipdesk` with no command starts the GUI; with a command it is a thin layer over
the services. The database is `--db PATH`, else `$DIPDESK_DB`, else the default file in the user's data
folder; it is created and migrated on first use."""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from dipdesk import __version__
from dipdesk.paths import default_db_path

VIEWS = (
    "dashboard",
    "programs",
    "people",
    "enterprises",
    "duplicates",
    "mentoring",
    "followups",
    "certificates",
    "lab",
    "sync",
    "users",
    "audit",
    "settings",
)


def _db_arg(args: argparse.Namespace) -> Path:
    return Path(args.db) if args.db else default_db_path()


def _open(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from dipdesk.store.db import open_database

    return open_database(_db_arg(args))


def _stdout_utf8() -> None:
    # Thai text must print on consoles whose default encoding is not UTF-8 (Windows code pages).
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure:
            reconfigure(encoding="utf-8", errors="replace")


# --- demo -----------------------------------------------------------------------------------------------


def cmd_demo(args: argparse.Namespace) -> int:
    from dipdesk.services.demo import build_demo

    engine = _open(args)
    started = time.perf_counter()
    last = [0.0]

    def progress(stage: str, done: int, total: int) -> None:
        now = time.perf_counter()
        if now - last[0] > 2 or done == total:
            last[0] = now
            print(f"  {stage}: {done:,}/{total:,}", file=sys.stderr, flush=True)

    result = build_demo(
        engine, site_code=args.site, participants=args.participants, seed=args.seed, progress=progress
    )
    elapsed = time.perf_counter() - started
    print(f"demo data for site {args.site} in {_db_arg(args)} ({elapsed:.1f} s)")
    for table, n in result.counts.items():
        print(f"  {table:<24} {n:>10,}")
    print("users (passwords are shown only this once):")
    for user, password in result.passwords.items():
        print(f"  {user:<14} {password}")
    return 0


# --- list -----------------------------------------------------------------------------------------------


def cmd_list(args: argparse.Namespace) -> int:
    from dipdesk.services.listing import KINDS, iter_rows

    if args.kind not in KINDS:
        print(f"unknown kind {args.kind!r}; one of: {', '.join(sorted(KINDS))}", file=sys.stderr)
        return 2
    engine = _open(args)
    columns, rows = iter_rows(engine, args.kind, limit=args.limit, state=getattr(args, "state", None))
    try:
        _print_rows(columns, rows, args.format)
    finally:
        rows.close()
    return 0


def _print_rows(columns: Sequence[str], rows: Iterable[dict[str, Any]], fmt: str) -> None:
    """json and csv stream row by row (flat memory at a million rows); the table needs every row for
    its column widths."""
    if fmt == "json":
        out = sys.stdout
        first = True
        for r in rows:
            # the same text as json.dump(list, indent=1): each row indented one more level
            text = json.dumps(r, ensure_ascii=False, indent=1, default=str).replace("\n", "\n ")
            out.write(("[\n " if first else ",\n ") + text)
            first = False
        out.write("[]\n" if first else "\n]\n")
    elif fmt == "csv":
        w = csv.DictWriter(sys.stdout, fieldnames=list(columns), extrasaction="ignore")
        from dipdesk.core.cells import formula_safe

        w.writeheader()
        w.writerows({k: formula_safe(v) for k, v in r.items()} for r in rows)
    else:
        shown = [c for c in columns if c != "id"]
        cells = [[_cell(r.get(c)) for c in shown] for r in rows]
        widths = [max([_width(c)] + [_width(row[i]) for row in cells]) for i, c in enumerate(shown)]
        print("  ".join(_pad(c, widths[i]) for i, c in enumerate(shown)))
        print("  ".join("-" * w for w in widths))
        for row in cells:
            print("  ".join(_pad(v, widths[i]) for i, v in enumerate(row)))
        print(f"({len(cells)} rows)")


def _cell(v: Any) -> str:
    if v is None:
        return ""
    text = str(v)
    return text if len(text) <= 48 else text[:47] + "…"


def _width(text: str) -> int:
    # Thai combining marks (above/below vowels, tone marks) take no column of their own.
    import unicodedata

    return sum(0 if unicodedata.combining(ch) or unicodedata.category(ch) == "Mn" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


# --- edit ---------------------------------------------------------------------------------------------


def cmd_edit(args: argparse.Namespace) -> int:
    from dipdesk.services.editing import edit_record

    fields: dict[str, str] = {}
    for item in args.assignments:
        name, sep, value = item.partition("=")
        if not sep or not name:
            print(f"error: expected FIELD=VALUE, got {item!r}", file=sys.stderr)
            return 2
        fields[name.strip()] = value
    engine = _open(args)
    changes = edit_record(engine, args.kind, args.id, fields, username=args.user)
    if not changes:
        print("no change")
    for name, (old, new) in changes.items():
        print(f"{name}: {old!r} -> {new!r}")
    return 0


# --- sync -----------------------------------------------------------------------------------------------


def cmd_sync(args: argparse.Namespace) -> int:
    from dipdesk.sync import client

    engine = _open(args)
    if args.enroll:
        if not args.server:
            print("error: --enroll needs --server URL", file=sys.stderr)
            return 2
        try:
            site = client.enroll(engine, args.server, args.enroll, label=args.label or "")
        except client.SyncError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        print(f"enrolled with {args.server} for site {site.get('code')} ({site.get('name_th')})")
    if args.verify:
        return _sync_verify(engine, args)
    if args.action == "conflicts":
        return _sync_conflicts(engine, args)
    if args.action == "resolve":
        if len(args.rest) != 2 or args.rest[1] not in ("confirm", "swap"):
            print("usage: dipdesk sync resolve CONFLICT_ID {confirm,swap}", file=sys.stderr)
            return 2
        from dipdesk.services.conflicts import resolve_conflict

        resolve_conflict(engine, args.rest[0], args.rest[1], username=args.user)
        print(f"conflict {args.rest[0]}: {args.rest[1]}ed; the decision travels with the next sync")
        return 0
    if args.action == "status":
        st = client.status(engine)
        print(f"enrolled: {'yes, ' + st.server_url if st.enrolled else 'no'}")
        print(f"last successful sync: {st.last_success or 'never'}")
        print(
            f"pending changes: {st.pending}   rejected: {st.rejected}   open conflicts: {st.open_conflicts}"
        )
        if st.last_error:
            print(f"last error: {st.last_error}")
        return 0
    report = client.sync_once(engine, server_url=args.server)
    print(
        f"sync: pushed {report.pushed}, pulled {report.pulled}, rejected {report.rejected}, "
        f"conflicts {report.conflicts} (new rows enqueued {report.snapshot}, parked {report.parked}; "
        f"up {report.bytes_up:,} B, down {report.bytes_down:,} B, {report.round_trips} round trips, "
        f"{report.seconds:.1f} s)"
    )
    if report.restored_moved or report.restored_back:
        print(
            f"after the restore: {report.restored_moved} local change(s) numbered after the server's, "
            f"{report.restored_back} change(s) of this computer made after the backup came back"
        )
    for r in report.rejections:
        print(f"rejected: {r.table} {r.record_id} (change {r.seq}): {r.reason}")
    if report.error:
        print(f"error: {report.error}", file=sys.stderr)
        return 1
    return 0


def _sync_verify(engine: Any, args: argparse.Namespace) -> int:
    from dipdesk.sync import client

    try:
        result = client.verify(engine, server_url=args.server)
    except client.SyncError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for name, t in result.tables.items():
        if not t["equal"]:
            print(f"DIFFERS: {name}: here {t['local_count']} rows, server {t['server_count']} rows")
    if result.pending:
        print(f"{result.pending} change(s) not uploaded yet")
    if result.rejected:
        print(f"{result.rejected} change(s) refused by the server (see dipdesk sync status)")
    if result.parked:
        print(f"{result.parked} received change(s) waiting for their record")
    if result.identical:
        print(f"identical: {len(result.tables)} tables match the server; everything is uploaded")
        return 0
    print(f"not identical: {len(result.differing)} table(s) differ")
    return 1


def _sync_conflicts(engine: Any, args: argparse.Namespace) -> int:
    from dipdesk.core.thaiid import mask_id
    from dipdesk.sync import client

    rows = client.list_conflicts(engine, state=None if args.all else "open")

    def shown(field: str, value: Any) -> Any:
        return mask_id(str(value)) if field == "national_id" and value else value

    out = [
        {
            "id": c.id,
            "kind": c.kind,
            "table": c.table,
            "record_id": c.record_id,
            "field": c.field,
            "kept": shown(c.field, c.kept_value),
            "other": shown(c.field, c.other_value),
            "other_device": c.other_device,
            "other_user": c.other_username or c.other_user or "",
            "other_time": c.other_time.isoformat(sep=" ", timespec="seconds") if c.other_time else "",
            "state": c.state,
        }
        for c in rows
    ]
    if args.format == "json":
        json.dump(out, sys.stdout, ensure_ascii=False, indent=1, default=str)
        print()
        return 0
    if not out:
        print("no open conflicts" if not args.all else "no conflicts")
        return 0
    for row in out:  # the text table hides "id" columns: show the short id `dipdesk sync resolve` accepts
        row["conflict"] = str(row["id"])[:8]
    _print_rows(
        [
            "conflict",
            "kind",
            "table",
            "record_id",
            "field",
            "kept",
            "other",
            "other_user",
            "other_time",
            "state",
        ],
        out,
        "table",
    )
    return 0


# --- check ----------------------------------------------------------------------------------------------


def cmd_check(args: argparse.Namespace) -> int:
    from dipdesk.services.check import run_checks

    engine = _open(args)
    problems = run_checks(engine, quick=args.quick, full=args.full, repair=args.repair)
    if args.repair and not problems:
        print("repaired: the dashboard figures were recounted from the records")
    if not problems:
        print(f"OK: {_db_arg(args)} passes the integrity and domain checks")
        return 0
    for p in problems:
        print(f"PROBLEM: {p}")
    print(f"{len(problems)} problem(s) found")
    return 1


# --- screenshot -----------------------------------------------------------------------------------------


def cmd_screenshot(args: argparse.Namespace) -> int:
    from dipdesk.ui.screenshot import take_screenshot

    take_screenshot(str(_db_arg(args)), args.view, args.out, lang=args.lang, theme=args.theme)
    print(f"saved {args.out}")
    return 0


def _limit(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError(f"must be 0 (all rows) or more, not {n}")
    return 0 if n >= 2**63 else n  # beyond SQLite's integers: every row anyway


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="dipdesk", description="dipdesk: DIProm records, certificates, lab and sync"
    )
    p.add_argument("--version", action="version", version=f"dipdesk {__version__}")
    p.add_argument("--db", help="database file (default: $DIPDESK_DB or the user's data folder)")
    p.add_argument("--lang", choices=("th", "en"), help="GUI language (GUI only)")
    sub = p.add_subparsers(dest="command")

    d = sub.add_parser("demo", help="fill the database with realistic, deterministic Thai demo data")
    d.add_argument("--site", default="IPC1", help="site code (default IPC1)")
    d.add_argument("--participants", type=int, default=2000, help="number of people (default 2000)")
    d.add_argument("--seed", type=int, default=2563)
    d.set_defaults(func=cmd_demo)

    ls = sub.add_parser("list", help="list records of a kind")
    ls.add_argument("kind")
    ls.add_argument("--limit", type=_limit, default=50, help="at most this many rows (0: all; default 50)")
    ls.add_argument("--format", choices=("table", "csv", "json"), default="table")
    ls.set_defaults(func=cmd_list)

    e = sub.add_parser("edit", help="change fields of a record through the services (validated, audited)")
    e.add_argument("kind", help="a kind of `dipdesk list`, e.g. people")
    e.add_argument("id", help="the record's id (or its code, where it has one)")
    e.add_argument("assignments", nargs="+", metavar="FIELD=VALUE")
    e.add_argument("--user", help="act as this user, password asked (default: a system change)")
    e.set_defaults(func=cmd_edit)

    y = sub.add_parser(
        "sync",
        help="sync with the central server: one round (default), conflicts, resolve ID confirm|swap, status",
    )
    y.add_argument("action", nargs="?", default="run", choices=("run", "conflicts", "resolve", "status"))
    y.add_argument("rest", nargs="*", help="for resolve: CONFLICT_ID confirm|swap")
    y.add_argument("--server", help="server URL (needed with --enroll; otherwise the enrolled one)")
    y.add_argument("--enroll", metavar="CODE", help="enrol this device with a one-time code, then sync")
    y.add_argument("--label", help="a name for this device on the server (with --enroll)")
    y.add_argument(
        "--verify", action="store_true", help="compare digests with the server; exit 0 only if identical"
    )
    y.add_argument("--all", action="store_true", help="conflicts: include resolved ones")
    y.add_argument("--format", choices=("table", "json"), default="table")
    y.add_argument("--user", help="resolve: act as this user")
    y.set_defaults(func=cmd_sync)

    c = sub.add_parser("check", help="SQLite integrity and domain invariants; exit 0 only when all hold")
    depth = c.add_mutually_exclusive_group()
    depth.add_argument(
        "--quick",
        action="store_true",
        help="the domain checks only, no page-level SQLite check (seconds at a million people)",
    )
    depth.add_argument(
        "--full",
        action="store_true",
        help="SQLite's full integrity_check (every index against its table) instead of quick_check: "
        "minutes on a large file",
    )
    c.add_argument(
        "--repair",
        action="store_true",
        help="recount the dashboard's kept figures from the records (then check as usual)",
    )
    c.set_defaults(func=cmd_check)

    s = sub.add_parser("screenshot", help="render a view of the GUI offscreen to a PNG")
    s.add_argument("--view", required=True, choices=VIEWS)
    s.add_argument("--out", required=True)
    s.add_argument("--lang", choices=("th", "en"), default="th")
    s.add_argument("--theme", choices=("light", "dark"), default="light")
    s.set_defaults(func=cmd_screenshot)

    from dipdesk.commands import register_all

    register_all(sub)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    _stdout_utf8()
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        from dipdesk.ui.app import main as gui_main

        gui_args = ["dipdesk"] + (["--lang", args.lang] if args.lang else [])
        return gui_main(gui_args, db_path=str(_db_arg(args)))
    from sqlalchemy.exc import DBAPIError

    from dipdesk.services.errors import ServiceError
    from dipdesk.store.db import DatabaseUnusable, report_upgrades_to

    report_upgrades_to(_print_upgrade)  # an old file is upgraded first: say so, step by step
    try:
        if getattr(args, "user", None) and getattr(args, "prove_user", True):
            # whoever acts as a user proves that user's password first (no four-eyes bypass)
            from dipdesk.commands.acting import prove_acting_user

            prove_acting_user(_db_arg(args), args.user)
        return int(args.func(args))
    except (ServiceError, DatabaseUnusable) as exc:
        print(f"error: {exc.message_th} / {exc.message_en}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0
    except DBAPIError as exc:  # locked, read-only, disk full, damaged: the transaction was rolled back
        print(
            f"error: database {_db_arg(args)}: {exc.orig} (the change that failed was not saved)",
            file=sys.stderr,
        )
        return 1
    except OSError as exc:  # a file to read or write: missing, a folder, no permission, disk full
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"error: {where}{exc.strerror or exc}", file=sys.stderr)
        return 1
    finally:
        report_upgrades_to(None)


def _print_upgrade(p: Any) -> None:
    """An upgrade of the database (dipdesk.store.db.UpgradeProgress), on stderr, Thai / English."""
    if p.stage == "backup":
        text = (
            f"กำลังปรับปรุงฐานข้อมูลเป็นรุ่นใหม่ ({p.total} ขั้น) ห้ามปิดเครื่องจนกว่าจะเสร็จ: สำรองไฟล์เดิมไว้ก่อน… / "
            f"updating the database to the new version ({p.total} steps); do not switch off until it is "
            "done: saving a copy first…"
        )
    elif p.stage == "migrate":
        text = (
            f"ปรับปรุงฐานข้อมูล ขั้นที่ {p.step} จาก {p.total}… / updating the database: step {p.step} of {p.total}…"
        )
    else:
        text = f"ปรับปรุงฐานข้อมูลเสร็จแล้ว สำเนาไฟล์เดิม: {p.backup} / database updated; the old one is kept: {p.backup}"
    print(text, file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(main())
