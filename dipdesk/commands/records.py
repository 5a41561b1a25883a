"""`dipdesk import …`: class lists and enterprise lists from .xlsx or .csv (a thin layer over
`dipdesk.services.imports`).

    dipdesk import people FILE [--activity CODE] [--dry-run] [--errors OUT.xlsx] [--sheet NAME]
                               [--map "HEADER=FIELD" …] [--user NAME]
    dipdesk import enterprises FILE [--dry-run] [--errors OUT.xlsx] [--sheet NAME] [--map …] [--user NAME]
    dipdesk import fields people|enterprises      the FIELD names --map accepts

Prints how many rows were read, imported, updated and rejected (with each rejected row's reason), and
exits 0 even when rows were rejected: only a file that cannot be read (or a wrong option) fails. The
accepted rows are saved together in one transaction, or none of them.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from typing import Any


def _engine(args: argparse.Namespace) -> Any:
    from dipdesk.paths import default_db_path
    from dipdesk.store.db import open_database

    return open_database(Path(args.db) if args.db else default_db_path())


def _context_maker(username: str | None) -> Any:
    from dipdesk.services.auth import find_user
    from dipdesk.services.context import system_context
    from dipdesk.services.errors import NotFound

    def make(session: Any) -> Any:
        ctx = system_context(session)
        if username:
            user = find_user(session, username, site_id=ctx.site.id, active_only=True)
            if user is None:
                raise NotFound(f"ไม่พบผู้ใช้ {username}", f"no active user {username}")
            ctx.user = user
        return ctx

    return make


def cmd_import(args: argparse.Namespace) -> int:
    from dipdesk.services import imports as im
    from dipdesk.store.db import session_factory

    kind = args.kind
    activity_code = getattr(args, "activity", None)
    try:
        table = im.read_table(args.file, sheet=args.sheet)
    except im.UnreadableFile as exc:
        print(f"error: {exc.message_th} / {exc.message_en}", file=sys.stderr)
        return 1
    if not table.rows:
        print(
            f"error: ไฟล์นี้มีแต่หัวตาราง (แถวที่ {table.header_row}) ไม่มีข้อมูลให้นำเข้า / "
            f"{Path(args.file).name} has a header (row {table.header_row}) but no data rows: nothing imported",
            file=sys.stderr,
        )
        return 1
    if args.errors and (problem := _unwritable(Path(args.errors))):
        print(f"error: --errors {args.errors}: {problem}; nothing imported", file=sys.stderr)
        return 2
    engine = _engine(args)
    with session_factory(engine)() as session:
        mapping = im.suggest_mapping(session, kind, table.headers)
        session.rollback()
        for item in args.map or []:
            header, sep, key = item.partition("=")
            valid = {f.key for f in im.fields_for(kind)} | {"", "-"}
            if not sep or header.strip() not in table.headers or key.strip() not in valid:
                print(
                    f"error: --map expects HEADER=FIELD with a header of the file and a field of "
                    f"`dipdesk import fields {kind}` (or - to skip the column), got {item!r}",
                    file=sys.stderr,
                )
                return 2
            chosen = "" if key.strip() == "-" else key.strip()
            mapping[table.headers.index(header.strip())] = chosen
        activity_id = None
        if activity_code:
            activity_id = im.find_activity(session, activity_code).id
            session.rollback()

        where = f"{Path(args.file).name}"
        if table.sheet:
            where += f", sheet {table.sheet}"
        if table.encoding:
            where += f", encoding {table.encoding}"
        print(f"{where}: header on row {table.header_row}")
        for header, key in zip(table.headers, mapping, strict=True):
            print(f"  {header} → {im.field_label(kind, key)}" + (f" ({key})" if key else ""))
        result = im.run_import(
            session,
            _context_maker(args.user),
            kind,
            table,
            mapping,
            activity_id=activity_id,
            dry_run=args.dry_run,
        )
    print(
        f"read: {result.read}  imported: {result.imported}  updated: {result.updated}  "
        f"unchanged: {result.unchanged}  rejected: {len(result.rejected)}"
    )
    if activity_code:
        print(f"newly enrolled in {activity_code}: {result.enrolled}")
    if result.enterprises_created and kind == "people":
        print(f"new enterprises: {result.enterprises_created}")
    for r in result.rejected:
        print(f"  row {r.row_number}: {r.reason_th}")
    if args.dry_run:
        print("dry run: nothing was saved")
    if args.errors:
        if result.rejected:
            try:
                im.write_error_sheet(args.errors, table, result)
            except OSError as exc:
                saved = "nothing was saved" if args.dry_run else "the accepted rows are saved"
                print(
                    f"error: cannot write {args.errors}: {exc.strerror or exc} ({saved}; the rejected "
                    "rows are listed above)",
                    file=sys.stderr,
                )
                return 1
            print(f"rejected rows written to {args.errors}: fix them there and import that file")
        else:
            print("no rejected rows: no error sheet written")
    return 0


def _unwritable(path: Path) -> str:
    """Why the error sheet could not be written to `path` (checked before importing), or ""."""
    if path.is_dir():
        return "is a folder, not a file"
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent  # write_error_sheet creates the missing folders
    if not folder.is_dir():
        return f"{folder} is not a folder"
    try:
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as exc:
        return f"cannot write in {folder}: {exc.strerror or exc}"
    return ""


def cmd_fields(args: argparse.Namespace) -> int:
    from dipdesk.services import imports as im

    for f in im.fields_for(args.kind):
        print(f"{f.key:<28} {f.label_th} / {f.label_en}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("import", help="import people (class lists) or enterprises from .xlsx or .csv")
    isub = p.add_subparsers(dest="import_kind", required=True)
    for kind, text in (
        ("people", "people with their enterprises (a class list; Google Forms exports work too)"),
        ("enterprises", "enterprises"),
    ):
        k = isub.add_parser(kind, help=text)
        k.add_argument("file", help=".xlsx or .csv (UTF-8 with or without BOM, cp874/TIS-620)")
        if kind == "people":
            k.add_argument(
                "--activity", metavar="CODE", help="also enroll everyone imported in this activity"
            )
        k.add_argument(
            "--dry-run", action="store_true", help="check everything against the database, save nothing"
        )
        k.add_argument("--errors", metavar="OUT.xlsx", help="save the rejected rows with their reasons here")
        k.add_argument("--sheet", help="the sheet to read (default: the first with data)")
        k.add_argument(
            "--map", action="append", metavar="HEADER=FIELD", help="choose a column's field yourself"
        )
        k.add_argument("--user", help="act as this user (default: a system import)")
        k.set_defaults(func=cmd_import, kind=kind)
    f = isub.add_parser("fields", help="the field names --map accepts")
    f.add_argument("kind", choices=("people", "enterprises"))
    f.set_defaults(func=cmd_fields)
