"""Classroom-door commands: sign-in sheets, check-in by code or ID, and reading a Thai ID card.

    dipdesk signin-sheet ACTIVITY_CODE [--day 5/12/2569] -o SHEET.pdf
    dipdesk checkin ACTIVITY_CODE [CODE …] [--day …]      codes from the arguments, or one a line on stdin
                                                        (`zbarimg --raw scan.png | dipdesk checkin A-001`)
    dipdesk checkin-import ACTIVITY_CODE FILE [--day …]   attendance from an xlsx/csv; one line per bad row
    dipdesk card [--reader NAME]                          read the card in the reader (ID shown masked)

Days are read like the screens read them (BE by default); without --day, today.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any


def _day(text: str | None) -> dt.date:
    from dipdesk.core.thaidate import DateParseError, parse_date

    if not text:
        return dt.date.today()
    try:
        return parse_date(text)
    except DateParseError as exc:
        raise SystemExit(f"--day: {exc}") from None


def _activity_id(session: Any, code: str) -> str:
    from sqlalchemy import select

    from dipdesk.store.programs import Activity

    found = session.scalars(
        select(Activity.id).where(Activity.code == code, Activity.deleted.is_(False))
    ).first()
    if found is None:
        raise SystemExit(f"no activity with code {code!r}")
    return str(found)


def _engine(args: argparse.Namespace) -> Any:
    from dipdesk.paths import default_db_path
    from dipdesk.store.db import open_database

    return open_database(Path(args.db) if args.db else default_db_path())


def cmd_signin_sheet(args: argparse.Namespace) -> int:
    from dipdesk.printing.signin_sheet import render_signin_sheet
    from dipdesk.services.errors import ServiceError
    from dipdesk.services.signin import signin_sheet
    from dipdesk.store.db import transaction

    day = _day(args.day)
    with transaction(_engine(args)) as session:
        try:
            sheet = signin_sheet(session, _activity_id(session, args.activity), day)
        except ServiceError as exc:
            print(exc.message("th"), file=sys.stderr)
            return 1
    pages = render_signin_sheet(sheet, Path(args.output))
    print(f"{args.output}: {len(sheet.people)} people, {pages} page(s)")
    return 0


def cmd_checkin(args: argparse.Namespace) -> int:
    from dipdesk.services.context import system_context
    from dipdesk.services.errors import ServiceError
    from dipdesk.services.signin import scan
    from dipdesk.store.db import savepoint, transaction

    codes = list(args.codes) or [line.strip() for line in sys.stdin if line.strip()]
    day = _day(args.day)
    failures = 0
    with transaction(_engine(args)) as session:
        ctx = system_context(session)
        activity_id = _activity_id(session, args.activity)
        for code in codes:
            try:
                with savepoint(session):
                    result = scan(ctx, activity_id, code, day)
            except ServiceError as exc:
                failures += 1
                print(f"{code}\terror\t{exc.message('th')}")
                continue
            if result.kind == "not_enrolled":
                failures += 1
            print(f"{code}\t{result.kind}\t{result.name}")
    return 1 if failures else 0


def cmd_checkin_import(args: argparse.Namespace) -> int:
    from dipdesk.services.attendance_import import import_attendance
    from dipdesk.services.context import system_context
    from dipdesk.services.errors import ServiceError
    from dipdesk.store.db import transaction

    day = _day(args.day) if args.day else None
    with transaction(_engine(args)) as session:
        try:
            result = import_attendance(
                system_context(session), _activity_id(session, args.activity), args.file, day=day
            )
        except ServiceError as exc:
            print(exc.message("th"), file=sys.stderr)
            return 1
    for e in result.errors:
        print(f"row {e.row_number}\t{e.reason_th}")
    print(f"{result.read} rows: {result.present} present, {result.absent} absent, {result.already} already, "
          f"{len(result.errors)} with errors")  # fmt: skip
    return 1 if result.errors else 0


def cmd_card(args: argparse.Namespace) -> int:
    from dipdesk.core.thaicard import CardError
    from dipdesk.core.thaiid import mask_id
    from dipdesk.services import idcard

    avail = idcard.availability()
    if not avail.ok:
        print(avail.reason("th"), file=sys.stderr)
        return 2
    reader = args.reader or avail.readers[0]
    try:
        card = idcard.read_card(reader)
    except idcard.NoCard:
        print(f"ไม่มีบัตรในเครื่องอ่าน {reader}", file=sys.stderr)
        return 1
    except CardError as exc:
        print(exc.message_th, file=sys.stderr)
        return 1
    fields = card.person_fields()
    fields["national_id"] = mask_id(card.national_id)
    for key, value in fields.items():
        print(f"{key}\t{value}")
    return 0


def register(sub: Any) -> None:
    s = sub.add_parser("signin-sheet", help="print the barcode sign-in sheet of an activity's training day")
    s.add_argument("activity", help="the activity's code")
    s.add_argument("--day", help="the training day (default today; BE dates as on screen)")
    s.add_argument("-o", "--output", required=True, help="the PDF to write")
    s.set_defaults(func=cmd_signin_sheet)
    c = sub.add_parser("checkin", help="tick attendance from sign-in codes or national IDs (args or stdin)")
    c.add_argument("activity", help="the activity's code")
    c.add_argument("codes", nargs="*", help="sign-in codes or national IDs; none: read them from stdin")
    c.add_argument("--day", help="the training day (default today)")
    c.set_defaults(func=cmd_checkin)
    i = sub.add_parser("checkin-import", help="attendance from an xlsx/csv sheet, with an error per bad row")
    i.add_argument("activity", help="the activity's code")
    i.add_argument("file", help="the .xlsx or .csv")
    i.add_argument("--day", help="the day of rows without one")
    i.set_defaults(func=cmd_checkin_import)
    r = sub.add_parser("card", help="read the Thai ID card in the reader (the ID shown masked)")
    r.add_argument("--reader", help="the PC/SC reader's name (default: the first)")
    r.set_defaults(func=cmd_card)
