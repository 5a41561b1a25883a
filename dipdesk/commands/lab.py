"""`dipdesk lab …`: the testing lab from the command line (a thin layer over `dipdesk.services.lab`).

    dipdesk lab samples [--state STATE] [--search TEXT]       lab numbers with their state
    dipdesk lab show LABNO                                    a sample's analyses and reports
    dipdesk lab report LABNO --out FILE.pdf [--draft] [--thai-digits]
    dipdesk lab form request REQNO --out FILE.pdf
    dipdesk lab form receipt LABNO --out FILE.pdf
    dipdesk lab receive LABNO --condition TEXT --user NAME
    dipdesk lab result LABNO TEST VALUE --user NAME           (TEST: catalog code; VALUE as typed: <0.05, ND…)
    dipdesk lab submit|verify LABNO [TEST…] --user NAME
    dipdesk lab publish LABNO --user NAME
    dipdesk lab amend REPORTNO --reason TEXT --user NAME [--set FIELD=VALUE…]
    dipdesk lab retract LABNO TEST --reason TEXT --user NAME  (withdraw a result; a retest is registered)
    dipdesk lab reject LABNO TEST --reason TEXT --user NAME   (a test that will not be done)

Instruments, calibration, worksheets, QC, retention, payments and delivery: `dipdesk.commands.lab_quality`.

Writes act as `--user` (their role decides what they may do; four-eyes applies), one transaction each.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from dipdesk.core import labresults as lr
from dipdesk.services.errors import ServiceError

STATE_CHOICES = (
    "open",
    "registered",
    "received",
    "testing",
    "to_verify",
    "verified",
    "published",
    "cancelled",
    "all",
)


def _engine(args: argparse.Namespace) -> Any:
    from dipdesk.paths import default_db_path
    from dipdesk.store.db import open_database

    return open_database(Path(args.db) if args.db else default_db_path())


def _width(text: str) -> int:
    import unicodedata

    return sum(0 if unicodedata.combining(ch) or unicodedata.category(ch) == "Mn" else 1 for ch in text)


def _clip(text: str, width: int) -> str:
    """At most ``width`` columns, never cutting a Thai vowel or tone mark off its consonant."""
    if _width(text) <= width:
        return text
    out, used = "", 0
    for ch in text:
        wide = _width(ch)
        if used + wide > width - 1:
            break
        out += ch
        used += wide
    return out + "…"


def _table(headers: list[str], rows: list[list[str]]) -> None:
    widths = [max([_width(h)] + [_width(r[i]) for r in rows]) for i, h in enumerate(headers)]
    line = "  ".join(h + " " * (widths[i] - _width(h)) for i, h in enumerate(headers))
    print(line.rstrip())
    print("  ".join("-" * w for w in widths))
    for r in rows:
        print("  ".join(c + " " * (widths[i] - _width(c)) for i, c in enumerate(r)).rstrip())


def cmd_samples(args: argparse.Namespace) -> int:
    from dipdesk.services import lab
    from dipdesk.store.db import session_factory

    with session_factory(_engine(args))() as s:
        items = lab.worklist(s, state=args.state, search=args.search or "", limit=args.limit)
    rows = []
    for i in items:
        due = i.due_on.isoformat() if i.due_on else ""
        rows.append(
            [
                i.lab_no,
                i.state,
                i.progress,
                due + (" !" if i.overdue else ""),
                _clip(i.customer, 40),
                _clip(i.description, 40),
            ]
        )
    _table(["lab_no", "state", "verified", "due", "customer", "sample"], rows)
    print(f"({len(rows)} samples)")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from dipdesk.services import lab
    from dipdesk.store.db import session_factory

    with session_factory(_engine(args))() as s:
        sample = lab.find_sample(s, args.lab_no)
        print(f"{sample.lab_no}  {sample.state}  {sample.description}")
        rows = []
        for a in lab.sample_analyses(s, sample.id):
            shown = lr.format_result(
                value=a.value, flag=a.flag, text=a.value_text, decimals=a.decimals, lod=a.lod, upper=a.upper,
                result_type=a.result_type,
            )  # fmt: skip
            spec = lr.format_spec(a.spec)
            rows.append(
                [
                    a.code,
                    _clip(a.name_th, 30),
                    a.state,
                    shown,
                    a.unit,
                    spec,
                    a.verdict,
                    a.submitted_by,
                    a.verified_by,
                ]
            )
        _table(
            ["test", "name", "state", "result", "unit", "spec", "verdict", "submitted by", "verified by"],
            rows,
        )
        for r in lab.reports_of(s, sample.id):
            print(
                f"report {r.report_no}  {r.state}  {r.issued_on}"
                + (f"  amends: {r.amendment_reason}" if r.replaces_id else "")
            )
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from dipdesk.printing.lab_forms import render_report
    from dipdesk.services import lab
    from dipdesk.store.db import session_factory

    with session_factory(_engine(args))() as s:
        if args.report_no:
            content = lab.printable_content(s, lab.find_report(s, args.lab_no))
        else:
            content = lab.report_for_print(s, args.lab_no, draft=args.draft)
    pages = render_report(content, Path(args.out), thai_digits=args.thai_digits)
    kind = "draft report" if content.get("draft") else f"report {content.get('report_no')}"
    print(f"saved {args.out}: {kind} for {content.get('lab_no')}, {pages} page(s)")
    return 0


def cmd_form(args: argparse.Namespace) -> int:
    from dipdesk.printing.lab_forms import render_receipt, render_request_form
    from dipdesk.services import lab
    from dipdesk.store.db import session_factory

    with session_factory(_engine(args))() as s:
        if args.form == "request":
            content = lab.request_form_content(s, lab.find_request(s, args.number))
            pages = render_request_form(content, Path(args.out), thai_digits=args.thai_digits)
        else:
            content = lab.receipt_content(s, lab.find_sample(s, args.number))
            pages = render_receipt(content, Path(args.out), thai_digits=args.thai_digits)
    print(f"saved {args.out}: {args.form} form for {args.number}, {pages} page(s)")
    return 0


def _acting(args: argparse.Namespace, fn: Any) -> Any:
    from dipdesk.services import lab
    from dipdesk.store.db import transaction

    with transaction(_engine(args)) as s:
        ctx = lab.lab_context(s, lab.user_by_name(s, args.user).id)
        return fn(ctx)


def _analyses_of(ctx: Any, lab_no: str, codes: list[str], states: tuple[str, ...]) -> list[Any]:
    from dipdesk.services import lab

    sample = lab.find_sample(ctx.session, lab_no)
    rows = [r for r in lab.sample_analyses(ctx.session, sample.id) if r.state in states]
    if codes:
        wanted = set(codes)
        rows = [r for r in rows if r.code in wanted]
        missing = wanted - {r.code for r in rows}
        if missing:
            raise ServiceError(
                f"ไม่พบรายการ {', '.join(sorted(missing))} ในสถานะที่ทำได้",
                f"no such analyses to act on: {', '.join(sorted(missing))}",
            )
    return [lab.get_analysis(ctx.session, r.id) for r in rows]


def cmd_receive(args: argparse.Namespace) -> int:
    from dipdesk.services import lab

    def run(ctx: Any) -> str:
        sample = lab.receive_sample(ctx, lab.find_sample(ctx.session, args.lab_no), condition=args.condition)
        return f"received {sample.lab_no}, due {sample.due_on}"

    print(_acting(args, run))
    return 0


def cmd_result(args: argparse.Namespace) -> int:
    from dipdesk.services import lab

    def run(ctx: Any) -> str:
        (a,) = _analyses_of(ctx, args.lab_no, [args.test], ("registered",))
        interim = dict(item.split("=", 1) for item in args.reading or [])
        if interim:
            r = lab.set_result(ctx, a, None if args.value is None else args.value, interim=interim)
        else:
            r = lab.set_result(ctx, a, args.value or "")
        return f"{args.test}: {r.text or r.value!r} (flag {r.flag or '-'})"

    print(_acting(args, run))
    return 0


def cmd_transition(args: argparse.Namespace) -> int:
    from dipdesk.services import lab

    def run(ctx: Any) -> str:
        if args.action == "submit":
            n = lab.submit(ctx, _analyses_of(ctx, args.lab_no, args.tests, ("registered",)))
        else:
            n = lab.verify(ctx, _analyses_of(ctx, args.lab_no, args.tests, ("to_be_verified",)))
        return f"{args.action}: {n} analyses of {args.lab_no}"

    print(_acting(args, run))
    return 0


def cmd_publish(args: argparse.Namespace) -> int:
    from dipdesk.services import lab

    def run(ctx: Any) -> str:
        report = lab.publish_report(ctx, lab.find_sample(ctx.session, args.lab_no))
        return f"published {report.report_no} for {args.lab_no}"

    print(_acting(args, run))
    return 0


def cmd_amend(args: argparse.Namespace) -> int:
    from dipdesk.services import lab

    corrections = dict(item.split("=", 1) for item in args.set or [])

    def run(ctx: Any) -> str:
        new = lab.amend_report(
            ctx, lab.find_report(ctx.session, args.report_no), args.reason, corrections=corrections
        )
        return f"published {new.report_no}, which replaces {args.report_no}"

    print(_acting(args, run))
    return 0


def cmd_withdraw(args: argparse.Namespace) -> int:
    """retract (a submitted, verified or published result; the retest takes its place) or reject."""
    from dipdesk.services import lab

    def run(ctx: Any) -> str:
        states = (
            ("to_be_verified", "verified", "published")
            if args.action == "retract"
            else ("registered", "to_be_verified")
        )
        (a,) = _analyses_of(ctx, args.lab_no, [args.test], states)
        if args.action == "retract":
            retest = lab.retract(ctx, a, args.reason)
            return f"retracted {args.test} of {args.lab_no}; retest registered ({retest.id[:8]})"
        lab.reject(ctx, a, args.reason)
        return f"rejected {args.test} of {args.lab_no}"

    print(_acting(args, run))
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("lab", help="the testing lab: samples, results, reports and forms")
    lab_sub = p.add_subparsers(dest="lab_command", required=True)

    s = lab_sub.add_parser("samples", help="lab numbers with their state, soonest due first")
    s.add_argument("--state", choices=STATE_CHOICES, default="open", help="default: open (still in the lab)")
    s.add_argument("--search", help="part of a lab number, request number, customer or description")
    s.add_argument("--limit", type=int, default=500)
    s.set_defaults(func=cmd_samples)

    s = lab_sub.add_parser("show", help="a sample's analyses, results and reports")
    s.add_argument("lab_no")
    s.set_defaults(func=cmd_show)

    s = lab_sub.add_parser("report", help="print a sample's test report to PDF")
    s.add_argument("lab_no", metavar="LABNO", help="the lab number (or, with --report-no, a report number)")
    s.add_argument("--out", required=True)
    s.add_argument("--draft", action="store_true", help="print a clearly marked draft of unverified results")
    s.add_argument("--thai-digits", action="store_true", help="print figures and dates in Thai digits")
    s.add_argument("--report-no", action="store_true", help="LABNO is a report number (e.g. a replaced one)")
    s.set_defaults(func=cmd_report)

    s = lab_sub.add_parser("form", help="print the request form or the sample receipt to PDF")
    s.add_argument("form", choices=("request", "receipt"))
    s.add_argument("number", help="request number (request) or lab number (receipt)")
    s.add_argument("--out", required=True)
    s.add_argument("--thai-digits", action="store_true")
    s.set_defaults(func=cmd_form)

    s = lab_sub.add_parser("receive", help="record the reception of a registered sample")
    s.add_argument("lab_no")
    s.add_argument("--condition", required=True, help="condition of the item on receipt")
    s.add_argument("--user", required=True)
    s.set_defaults(func=cmd_receive)

    s = lab_sub.add_parser("result", help="enter a result as typed (e.g. 12.5, <0.05, ND)")
    s.add_argument("lab_no")
    s.add_argument("test", help="the test's catalog code")
    s.add_argument("value", nargs="?", help="the result as typed; omit for a calculated test with --reading")
    s.add_argument("--reading", action="append", metavar="KEY=VALUE", help="an interim reading (repeatable)")
    s.add_argument("--user", required=True)
    s.set_defaults(func=cmd_result)

    for action, text in (
        ("submit", "submit results for verification"),
        ("verify", "verify submitted results"),
    ):
        s = lab_sub.add_parser(action, help=text + " (all of the sample's, or the named tests)")
        s.add_argument("lab_no")
        s.add_argument("tests", nargs="*", metavar="TEST")
        s.add_argument("--user", required=True)
        s.set_defaults(func=cmd_transition, action=action)

    s = lab_sub.add_parser("publish", help="publish the test report of a fully verified sample")
    s.add_argument("lab_no")
    s.add_argument("--user", required=True)
    s.set_defaults(func=cmd_publish)

    s = lab_sub.add_parser("amend", help="issue an amended report that replaces a published one")
    s.add_argument("report_no")
    s.add_argument("--reason", required=True, help="what changed and why")
    s.add_argument("--set", action="append", metavar="FIELD=VALUE", help="a correction, e.g. customer_name=…")
    s.add_argument("--user", required=True)
    s.set_defaults(func=cmd_amend)

    for action, text in (
        (
            "retract",
            "withdraw a submitted, verified or published result; a retest is registered in its place",
        ),
        ("reject", "drop a test that will not be done on this sample (not yet verified)"),
    ):
        s = lab_sub.add_parser(action, help=text)
        s.add_argument("lab_no")
        s.add_argument("test", help="the test's catalog code")
        s.add_argument("--reason", required=True, help="why (kept in the audit trail)")
        s.add_argument("--user", required=True)
        s.set_defaults(func=cmd_withdraw, action=action)
    _LAB_SUBCOMMANDS[id(sub)] = lab_sub


#: the `dipdesk lab` sub-command parsers by top-level parser: `dipdesk.commands.lab_quality` adds its
#: commands there (registered after this module; the import points from it to here only)
_LAB_SUBCOMMANDS: dict[int, argparse._SubParsersAction[argparse.ArgumentParser]] = {}


def lab_subcommands(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
) -> argparse._SubParsersAction[argparse.ArgumentParser]:
    return _LAB_SUBCOMMANDS[id(sub)]
