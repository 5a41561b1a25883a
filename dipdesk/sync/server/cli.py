"""`dipdesk-server`: run the central sync service, and make one-time enrolment codes for devices.

    dipdesk-server serve --db URL [--host H] [--port P]
    dipdesk-server enroll-code --db URL --site CODE      (the code is the LAST line printed)
    dipdesk-server set-key --db URL --site CODE --key HEX
    dipdesk-server devices list --db URL [--site CODE]
    dipdesk-server devices revoke --db URL DEVICE_ID      (a revoked device answers 401; a new code re-enrols it)
    dipdesk-server report kpi --db URL --fy 2569 [--format table|json]   (national figures)

`--db` is a SQLite file path (the embedded default, for one office or a test) or a
`postgresql+psycopg://user@host/db` URL. The schema is migrated and the department's reference data
seeded on start.

Test hooks (not for production): `DIPDESK_SERVER_SCHEMA_VERSION` makes the server claim another schema
version and `DIPDESK_SERVER_FIELDS_SINCE` (JSON `{"4": {"people": ["email"]}}`) declares fields added
in later versions, to exercise mixed client/server versions.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
from collections.abc import Sequence
from typing import Any


def _hooks() -> dict[str, Any]:
    out: dict[str, Any] = {}
    if os.environ.get("DIPDESK_SERVER_SCHEMA_VERSION"):
        out["schema_version"] = int(os.environ["DIPDESK_SERVER_SCHEMA_VERSION"])
    if os.environ.get("DIPDESK_SERVER_FIELDS_SINCE"):
        raw = json.loads(os.environ["DIPDESK_SERVER_FIELDS_SINCE"])
        out["fields_since"] = {int(v): {t: tuple(f) for t, f in per.items()} for v, per in raw.items()}
    return out


def _collect_less() -> None:
    """Garbage collection for a server process: what start-up loaded is frozen (never scanned again),
    and the youngest generation is collected every 20,000 allocations instead of 700 (a first upload
    allocates millions of short-lived objects, without cycles: the default spent a tenth of a push's CPU
    on collections that found nothing)."""
    gc.freeze()
    gc.set_threshold(20_000, 20, 20)


def worker_app() -> Any:
    """The application of one `serve --workers N` process (uvicorn imports this by name in each worker);
    the parent migrated and prepared the database, and passes its address in DIPDESK_SERVER_DB."""
    from dipdesk.sync.server.app import create_app

    app = create_app(os.environ["DIPDESK_SERVER_DB"], migrate=False, **_hooks())
    _collect_less()
    return app


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from dipdesk.sync.server.app import create_app

    options: dict[str, Any] = {
        "host": args.host,
        "port": args.port,
        "log_level": args.log_level,
        "access_log": args.access_log,
        "timeout_keep_alive": 30,
    }
    workers = args.workers
    if workers > 1:
        from dipdesk.sync.server.db import connect, prepare, sqlite_url

        if sqlite_url(args.db) is not None:
            print("note: --workers > 1 on SQLite: the writers still take turns (BEGIN IMMEDIATE)", flush=True)
        db = connect(args.db)  # migrate and seed once, before the workers start
        try:
            prepare(db)
        finally:
            db.dispose()
        os.environ["DIPDESK_SERVER_DB"] = args.db
        os.environ["DIPDESK_SERVER_WORKERS"] = str(workers)
        print(
            f"dipdesk-server listening on http://{args.host}:{args.port} (database {args.db}, "
            f"{workers} workers)",
            flush=True,
        )
        uvicorn.run("dipdesk.sync.server.cli:worker_app", factory=True, workers=workers, **options)
        return 0
    app = create_app(args.db, **_hooks())
    _collect_less()
    print(f"dipdesk-server listening on http://{args.host}:{args.port} (database {args.db})", flush=True)
    uvicorn.run(app, **options)
    return 0


def cmd_enroll_code(args: argparse.Namespace) -> int:
    from dipdesk.sync.server.db import connect, new_enrol_code, prepare

    db = connect(args.db)
    try:
        prepare(db)
        code = new_enrol_code(db, args.site)
    except LookupError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    finally:
        db.dispose()
    print(f"one-time enrolment code for site {args.site} (give it to the device's administrator):")
    print(code)
    return 0


def cmd_set_key(args: argparse.Namespace) -> int:
    from dipdesk.sync.server.db import connect, prepare, set_site_key

    db = connect(args.db)
    try:
        prepare(db)
        set_site_key(db, args.site, args.key)
    except LookupError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    finally:
        db.dispose()
    print(f"public key of site {args.site} set")
    return 0


def cmd_devices(args: argparse.Namespace) -> int:
    from dipdesk.sync.server.db import connect
    from dipdesk.sync.server.devices import list_devices, revoke_device

    db = connect(args.db)
    try:
        if args.action == "revoke":
            if not args.device:
                print(
                    "error: name the device to revoke (its id, or a unique prefix of 8+ characters)",
                    file=sys.stderr,
                )
                return 2
            if not revoke_device(db, args.device):
                print(f"error: no single device matches {args.device!r}", file=sys.stderr)
                return 1
            print(f"device {args.device} revoked")
            return 0
        rows = list_devices(db, args.site)
    finally:
        db.dispose()
    print(f"{'device':36}  {'site':8}  {'state':8}  {'seq':>7}  {'last seen':19}  label")
    for r in rows:
        seen = r["last_seen_at"].strftime("%Y-%m-%d %H:%M:%S") if r["last_seen_at"] else "-"
        state = "revoked" if r["revoked"] else "active"
        print(f"{r['id']:36}  {r['code']:8}  {state:8}  {r['last_seq']:>7}  {seen:19}  {r['label']}")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    import json

    from dipdesk.sync.national import format_table
    from dipdesk.sync.server.db import connect
    from dipdesk.sync.server.national_incremental import Incremental

    db = connect(args.db)
    try:
        with db.read.connect() as conn:
            figures = Incremental().compute(conn, args.fy)  # site by site: faster than one big count
    finally:
        db.dispose()
    if args.format == "json":
        print(json.dumps(figures, ensure_ascii=False, indent=2))
    else:
        print(format_table(figures))
    return 0


def _year(text: str) -> int:
    if not text.isdigit() or not 2500 <= int(text) <= 2700:
        raise argparse.ArgumentTypeError(f"a Buddhist Era fiscal year such as 2569, not {text!r}")
    return int(text)


def _workers(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 64:
        raise argparse.ArgumentTypeError(f"a number of workers from 1 to 64, not {text!r}")
    return int(text)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="dipdesk-server", description="dipdesk central sync service")
    sub = p.add_subparsers(dest="command", required=True)
    s = sub.add_parser("serve", help="run the service")
    s.add_argument("--db", required=True, help="SQLite file path or postgresql+psycopg:// URL")
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=int, default=8470)
    s.add_argument(
        "--log-level", default="warning", choices=("critical", "error", "warning", "info", "debug")
    )
    s.add_argument("--access-log", action="store_true")
    s.add_argument(
        "--workers",
        type=_workers,
        default=1,
        help="server processes on this port (uvicorn workers; PostgreSQL applies their pushes in parallel)",
    )
    s.set_defaults(func=cmd_serve)
    e = sub.add_parser("enroll-code", help="print a one-time enrolment code for a device of a site")
    e.add_argument("--db", required=True)
    e.add_argument("--site", required=True, help="site code, e.g. IPC1")
    e.set_defaults(func=cmd_enroll_code)
    k = sub.add_parser("set-key", help="set a site's public key (distributed to devices as reference data)")
    k.add_argument("--db", required=True)
    k.add_argument("--site", required=True)
    k.add_argument("--key", required=True, help="Ed25519 public key, hex")
    k.set_defaults(func=cmd_set_key)
    d = sub.add_parser("devices", help="list enrolled devices, or revoke one")
    d.add_argument("action", choices=("list", "revoke"))
    d.add_argument("device", nargs="?", help="device id (for revoke)")
    d.add_argument("--db", required=True)
    d.add_argument("--site", help="only this site's devices (list)")
    d.set_defaults(func=cmd_devices)
    r = sub.add_parser("report", help="reports: `kpi`, the department's reach against its targets")
    r.add_argument("report", choices=("kpi",))
    r.add_argument("--db", required=True)
    r.add_argument("--fy", type=_year, required=True, help="fiscal year, BE, e.g. 2569")
    r.add_argument("--format", choices=("table", "json"), default="table")
    r.set_defaults(func=cmd_report)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure:
            reconfigure(encoding="utf-8", errors="replace")
    args = build_parser().parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
