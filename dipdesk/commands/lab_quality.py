"""`dipdesk lab …` for the lab's quality work (issue 15), a thin layer over the services:

dipdesk lab instrument add CODE --name TEXT [--tests PB,CD] [--due DATE] --user NAME
dipdesk lab instrument list
dipdesk lab calibrate CODE --on DATE [--next DATE] [--kind calibration|maintenance|check]
                      [--outcome pass|fail|done] [--provider TEXT] [--certificate NO] --user NAME
dipdesk lab import INSTRUMENT FILE [--column lab_no=HEADER…] [--analyte NAME=CODE…] [--override REASON] --user NAME
dipdesk lab material add CODE --name TEXT --test CODE --target X --sd S --user NAME
dipdesk lab worksheet create TEST LABNO… [--instrument CODE] --user NAME
dipdesk lab worksheet show|print WSNO [--out FILE.pdf]
dipdesk lab qc WSNO blank|reference|duplicate VALUE [--material CODE] [--duplicate-of LABNO] --user NAME
dipdesk lab decide WSNO release|reject --reason TEXT --user NAME
dipdesk lab chart MATERIAL                                the control chart's points and rules
dipdesk lab turnaround                                    open work against the turnaround target
dipdesk lab retention TYPE DAYS --user NAME
dipdesk lab disposal [--record LABNO --method TEXT [--witness NAME] --user NAME]
dipdesk lab quote TEST… [--samples N] [--out FILE.pdf]
dipdesk lab pay REQNO AMOUNT [--method cash|transfer|cheque|card] [--out RECEIPT.pdf] --user NAME
dipdesk lab sign REPORTNO --out FILE.pdf --user NAME       the report as a PAdES-signed PDF
dipdesk lab check-pdf FILE.pdf                            check a signed report offline
dipdesk lab email REPORTNO --to ADDRESS --user NAME       queue the signed report for e-mail
dipdesk lab send-mail                                     send what is queued (DIPDESK_SMTP_*)
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from dipdesk.services.errors import ServiceError


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text}") from None


def _pairs(items: list[str] | None, what: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in items or []:
        if "=" not in item:
            raise ServiceError(f"{what}: ต้องเป็น ชื่อ=ค่า ({item})", f"{what}: expected NAME=VALUE, got {item!r}")
        k, v = item.split("=", 1)
        out[k.strip()] = v.strip()
    return out


def _acting(args: argparse.Namespace, fn: Any) -> Any:
    from dipdesk.commands.lab import _acting as acting

    return acting(args, fn)


def _reading(args: argparse.Namespace, fn: Any) -> Any:
    from dipdesk.commands.lab import _engine
    from dipdesk.store.db import session_factory

    with session_factory(_engine(args))() as s:
        return fn(s)


def cmd_instrument(args: argparse.Namespace) -> int:
    from dipdesk.services.lab import calibration as cal

    if args.instrument_action == "list":

        def show(s: Any) -> None:
            for i in cal.instruments(s):
                print(
                    f"{i.code:<12} {cal.calibration_status(i):<10} due {i.calibration_due_on or '-'}  {i.name}"
                )

        _reading(args, show)
        return 0

    def run(ctx: Any) -> str:
        tests = [t for t in (args.tests or "").split(",") if t.strip()]
        i = cal.add_instrument(ctx, code=args.code, name=args.name, tests=tests, calibration_due_on=args.due)
        return f"instrument {i.code} added"

    print(_acting(args, run))
    return 0


def cmd_calibrate(args: argparse.Namespace) -> int:
    from dipdesk.services.lab import calibration as cal

    def run(ctx: Any) -> str:
        i = cal.find_instrument(ctx.session, args.code)
        cal.record_event(
            ctx, i, kind=args.kind, performed_on=args.on, next_due_on=args.next, provider=args.provider or "",
            certificate_no=args.certificate or "", outcome=args.outcome,
        )  # fmt: skip
        return f"{args.kind} of {i.code} recorded; calibration due {i.calibration_due_on}"

    print(_acting(args, run))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from dipdesk.services.lab import calibration as cal
    from dipdesk.services.lab import instruments as inst

    def run(ctx: Any) -> Any:
        return inst.import_readings(
            ctx, cal.find_instrument(ctx.session, args.instrument), inst.read_rows(Path(args.file)),
            columns=_pairs(args.column, "--column"), analytes=_pairs(args.analyte, "--analyte"),
            override_reason=args.override or "",
        )  # fmt: skip

    out = _acting(args, run)
    for e in out.errors:
        print(f"row {e.row}: {e.lab_no} {e.analyte}: {e.message_en}")
    print(f"{out.entered} results entered, {len(out.errors)} rows with errors")
    return 0 if not out.errors else 1


def cmd_material(args: argparse.Namespace) -> int:
    from dipdesk.services.lab import worksheets as wsv

    def run(ctx: Any) -> str:
        m = wsv.add_control_material(
            ctx,
            code=args.code,
            name=args.name,
            test_code=args.test,
            target=args.target,
            sd=args.sd,
            lot=args.lot,
        )
        return f"control material {m.code} added (target {m.target}, SD {m.sd})"

    print(_acting(args, run))
    return 0


def cmd_worksheet(args: argparse.Namespace) -> int:
    from dipdesk.services import lab
    from dipdesk.services.lab import calibration as cal
    from dipdesk.services.lab import worksheets as wsv

    if args.worksheet_action == "create":

        def run(ctx: Any) -> str:
            test = lab.test_by_code(ctx.session, args.test.upper())
            instrument = cal.find_instrument(ctx.session, args.instrument) if args.instrument else None
            analyses = []
            for lab_no in args.lab_nos:
                sample = lab.find_sample(ctx.session, lab_no)
                rows = [r for r in lab.sample_analyses(ctx.session, sample.id)
                        if r.code == test.code and r.state == "registered"]  # fmt: skip
                if not rows:
                    raise ServiceError(
                        f"{lab_no} ไม่มีรายการ {test.code} ที่รอทดสอบ", f"{lab_no} has no open {test.code}"
                    )
                analyses.append(lab.get_analysis(ctx.session, rows[0].id))
            ws = wsv.create_worksheet(ctx, analyses, test=test, instrument=instrument)
            return f"worksheet {ws.worksheet_no}: {len(analyses)} analyses"

        print(_acting(args, run))
        return 0

    content = _reading(args, lambda s: wsv.worksheet_content(s, wsv.find_worksheet(s, args.number)))
    if args.worksheet_action == "print":
        from dipdesk.printing.lab_worksheet import render_worksheet

        if not args.out:
            raise ServiceError("ต้องระบุ --out", "--out FILE.pdf is required")
        pages = render_worksheet(content, Path(args.out))
        print(f"saved {args.out}: worksheet {content['worksheet_no']}, {pages} page(s)")
        return 0
    print(
        f"{content['worksheet_no']}  {content['test']}  {content['instrument']}  QC: {content['qc_state'] or '-'}"
    )
    for r in content["rows"]:
        print(f"  {r['lab_no']}  {r['code']}  {r['state']:<15} {r['value_text']}")
    for q in content["qc"]:
        print(f"  QC {q['kind']:<10} {q['material'] or q['duplicate_of']}  {q['value_text']}  {q['outcome']} "
              f"{' '.join(q['rules'])}")  # fmt: skip
    return 0


def cmd_qc(args: argparse.Namespace) -> int:
    from dipdesk.services import lab
    from dipdesk.services.lab import worksheets as wsv

    def run(ctx: Any) -> str:
        ws = wsv.find_worksheet(ctx.session, args.number)
        material = wsv.find_material(ctx.session, args.material) if args.material else None
        dup = None
        if args.duplicate_of:
            sample = lab.find_sample(ctx.session, args.duplicate_of)
            dup = next((a for a in wsv.worksheet_analyses(ctx.session, ws) if a.sample_id == sample.id), None)
            if dup is None:
                raise ServiceError(
                    f"{args.duplicate_of} ไม่อยู่ในใบงาน", f"{args.duplicate_of} is not on the worksheet"
                )
        qc = wsv.add_qc(ctx, ws, args.kind, material=material, duplicate_of=dup)
        outcome = wsv.record_qc(ctx, qc, args.value)
        held = " (worksheet on QC hold)" if ws.qc_state == "hold" else ""
        return f"QC {args.kind}: {outcome} {' '.join(qc.rules or [])}{held}".rstrip()

    print(_acting(args, run))
    return 0


def cmd_decide(args: argparse.Namespace) -> int:
    from dipdesk.services.lab import worksheets as wsv

    def run(ctx: Any) -> str:
        ws = wsv.find_worksheet(ctx.session, args.number)
        n = wsv.decide(ctx, ws, args.decision, args.reason)
        return f"{ws.worksheet_no}: {ws.qc_state}" + (f", {n} results retracted" if n else "")

    print(_acting(args, run))
    return 0


def cmd_chart(args: argparse.Namespace) -> int:
    from dipdesk.services.lab import worksheets as wsv

    def show(s: Any) -> None:
        m = wsv.find_material(s, args.material)
        print(f"{m.code} {m.name}: target {m.target}, SD {m.sd}")
        for p in wsv.control_chart(s, m):
            print(
                f"  {p.measured_at:%Y-%m-%d %H:%M}  {p.value:<10g} z={p.z:+.2f}  {p.outcome:<4} {' '.join(p.rules)}"
            )

    _reading(args, show)
    return 0


def cmd_turnaround(args: argparse.Namespace) -> int:
    from dipdesk.services.lab import worksheets as wsv

    def show(s: Any) -> None:
        for r in wsv.turnaround(s, limit=args.limit):
            flag = "LATE" if r.late else ""
            print(
                f"{r.lab_no}  {r.code:<8} {r.state:<15} {r.elapsed_days:>3}/{r.target_days:<3} days  {flag}"
            )

    _reading(args, show)
    return 0


def cmd_retention(args: argparse.Namespace) -> int:
    from dipdesk.services.lab import retention

    def run(ctx: Any) -> str:
        rule = retention.set_retention(ctx, args.product_type, args.days)
        return f"samples of {rule.product_type} are kept {rule.days} days after their report"

    print(_acting(args, run))
    return 0


def cmd_disposal(args: argparse.Namespace) -> int:
    from dipdesk.services import lab
    from dipdesk.services.lab import retention

    if args.record:

        def run(ctx: Any) -> str:
            sample = lab.find_sample(ctx.session, args.record)
            retention.record_disposal(ctx, sample, method=args.method or "", witness=args.witness or "")
            return f"disposal of {sample.lab_no} recorded"

        print(_acting(args, run))
        return 0

    def show(s: Any) -> None:
        items = retention.disposal_due(s)
        for i in items:
            print(f"{i.lab_no}  kept until {i.keep_until}  {i.product_type or '-'}  {i.description}")
        print(f"({len(items)} samples due for disposal)")

    _reading(args, show)
    return 0


def cmd_quote(args: argparse.Namespace) -> int:
    from dipdesk.services.lab import payments

    q = _reading(args, lambda s: payments.quote(s, args.tests, args.samples))
    for line in q["lines"]:
        print(f"{line['code']:<8} {line['test']}  {line['count']} × {line['fee']} = {line['amount']}")
    print(f"total {q['total']} baht")
    if args.out:
        from dipdesk.printing.lab_payment import render_quote

        pages = render_quote(_reading(args, lambda s: payments.quote_content(s, q)), Path(args.out))
        print(f"saved {args.out}: quote, {pages} page(s)")
    return 0


def cmd_pay(args: argparse.Namespace) -> int:
    from dipdesk.services import lab
    from dipdesk.services.lab import payments

    def run(ctx: Any) -> tuple[str, dict[str, Any]]:
        request = lab.find_request(ctx.session, args.request_no)
        p = payments.record_payment(ctx, request, args.amount, method=args.method, payer=args.payer or "")
        content = payments.receipt_content(ctx, p)
        return f"receipt {p.receipt_no}: {p.amount} baht; balance {content['balance']}", content

    text, content = _acting(args, run)
    print(text)
    if args.out:
        from dipdesk.printing.lab_payment import render_receipt_of_payment

        pages = render_receipt_of_payment(content, Path(args.out))
        print(f"saved {args.out}: receipt, {pages} page(s)")
    return 0


def cmd_sign(args: argparse.Namespace) -> int:
    from dipdesk.services import lab
    from dipdesk.services.lab import delivery

    def run(ctx: Any) -> bytes:
        return delivery.signed_report_pdf(ctx, lab.find_report(ctx.session, args.report_no))

    Path(args.out).write_bytes(_acting(args, run))
    print(f"saved {args.out}: report {args.report_no}, signed (PAdES) with the site's key")
    return 0


def cmd_check_pdf(args: argparse.Namespace) -> int:
    from dipdesk.services.lab import delivery

    check = _reading(args, lambda s: delivery.verify_signed_pdf(s, Path(args.file).read_bytes()))
    good = check.intact and check.valid and bool(check.site_code)
    print(f"{'valid' if good else 'NOT VALID'}: signed by {check.signer or '?'} (site {check.site_code or 'unknown'}), "
          f"intact={check.intact}, signature={check.valid}")  # fmt: skip
    return 0 if good else 1


def cmd_email(args: argparse.Namespace) -> int:
    from dipdesk.services import lab
    from dipdesk.services.lab import delivery

    def run(ctx: Any) -> str:
        row = delivery.queue_email(
            ctx, lab.find_report(ctx.session, args.report_no), args.to, note=args.note or ""
        )
        return f"queued: {args.report_no} to {row.to_address} (sent with `dipdesk lab send-mail`)"

    print(_acting(args, run))
    return 0


def cmd_send_mail(args: argparse.Namespace) -> int:
    from dipdesk.commands.lab import _engine
    from dipdesk.services.lab import delivery, lab_context
    from dipdesk.settings import Settings
    from dipdesk.store.db import transaction

    config = delivery.SmtpConfig.load(Settings.load())
    if config is None:
        raise ServiceError(
            "ยังไม่ได้ตั้งค่าเซิร์ฟเวอร์อีเมล (DIPDESK_SMTP_HOST)", "no SMTP server set (DIPDESK_SMTP_HOST)"
        )
    with transaction(_engine(args)) as s:
        sent, left = delivery.send_queued(lab_context(s, None), config)
    print(f"sent {sent}, still queued or failed {left}")
    return 0 if not left else 1


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the quality commands under `dipdesk lab` (registered after `dipdesk.commands.lab`)."""
    from dipdesk.commands.lab import lab_subcommands

    add_lab_commands(lab_subcommands(sub))


def add_lab_commands(lab_sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:

    def user(p: argparse.ArgumentParser) -> None:
        p.add_argument("--user", required=True)

    p = lab_sub.add_parser("instrument", help="the lab's instruments")
    isub = p.add_subparsers(dest="instrument_action", required=True)
    s = isub.add_parser("add", help="register an instrument")
    s.add_argument("code")
    s.add_argument("--name", required=True)
    s.add_argument("--tests", help="catalog codes of the tests it is used for, comma-separated")
    s.add_argument("--due", type=_date, help="calibration due date (YYYY-MM-DD)")
    user(s)
    s.set_defaults(func=cmd_instrument)
    s = isub.add_parser("list", help="instruments with their calibration status")
    s.set_defaults(func=cmd_instrument)

    s = lab_sub.add_parser("calibrate", help="record a calibration, maintenance or check of an instrument")
    s.add_argument("code")
    s.add_argument("--on", type=_date, required=True)
    s.add_argument("--next", type=_date, help="next due date")
    s.add_argument("--kind", choices=("calibration", "maintenance", "check"), default="calibration")
    s.add_argument("--outcome", choices=("pass", "fail", "done"), default="pass")
    s.add_argument("--provider")
    s.add_argument("--certificate")
    user(s)
    s.set_defaults(func=cmd_calibrate)

    s = lab_sub.add_parser("import", help="enter results from an instrument's CSV/xlsx export")
    s.add_argument("instrument")
    s.add_argument("file")
    s.add_argument("--column", action="append", metavar="lab_no|analyte|value=HEADER")
    s.add_argument(
        "--analyte", action="append", metavar="NAME=CODE", help="instrument analyte → catalog code"
    )
    s.add_argument("--override", metavar="REASON", help="lab head's override of an overdue calibration")
    user(s)
    s.set_defaults(func=cmd_import)

    p = lab_sub.add_parser("material", help="control (reference) materials")
    msub = p.add_subparsers(dest="material_action", required=True)
    s = msub.add_parser("add")
    s.add_argument("code")
    s.add_argument("--name", required=True)
    s.add_argument("--test", required=True)
    s.add_argument("--target", type=float, required=True)
    s.add_argument("--sd", type=float, required=True)
    s.add_argument("--lot", default="")
    user(s)
    s.set_defaults(func=cmd_material)

    p = lab_sub.add_parser("worksheet", help="worksheets: create, show, print")
    wsub = p.add_subparsers(dest="worksheet_action", required=True)
    s = wsub.add_parser("create")
    s.add_argument("test")
    s.add_argument("lab_nos", nargs="+", metavar="LABNO")
    s.add_argument("--instrument")
    user(s)
    s.set_defaults(func=cmd_worksheet)
    for action in ("show", "print"):
        s = wsub.add_parser(action)
        s.add_argument("number")
        s.add_argument("--out")
        s.set_defaults(func=cmd_worksheet)

    s = lab_sub.add_parser("qc", help="add and enter a QC sample on a worksheet")
    s.add_argument("number")
    s.add_argument("kind", choices=("blank", "reference", "duplicate"))
    s.add_argument("value")
    s.add_argument("--material")
    s.add_argument("--duplicate-of", metavar="LABNO")
    user(s)
    s.set_defaults(func=cmd_qc)

    s = lab_sub.add_parser("decide", help="the lab head's decision on a worksheet on QC hold")
    s.add_argument("number")
    s.add_argument("decision", choices=("release", "reject"))
    s.add_argument("--reason", required=True)
    user(s)
    s.set_defaults(func=cmd_decide)

    s = lab_sub.add_parser("chart", help="a control material's chart: points, z-scores, Westgard rules")
    s.add_argument("material")
    s.set_defaults(func=cmd_chart)

    s = lab_sub.add_parser("turnaround", help="open analyses against the catalog's turnaround target")
    s.add_argument("--limit", type=int, default=500)
    s.set_defaults(func=cmd_turnaround)

    s = lab_sub.add_parser("retention", help="set how long samples of a product type are kept")
    s.add_argument("product_type")
    s.add_argument("days", type=int)
    user(s)
    s.set_defaults(func=cmd_retention)

    s = lab_sub.add_parser("disposal", help="samples due for disposal, or --record one")
    s.add_argument("--record", metavar="LABNO")
    s.add_argument("--method")
    s.add_argument("--witness")
    s.add_argument("--user")
    s.set_defaults(func=cmd_disposal)

    s = lab_sub.add_parser("quote", help="a fee quote from the catalog")
    s.add_argument("tests", nargs="+", metavar="TEST")
    s.add_argument("--samples", type=int, default=1)
    s.add_argument("--out")
    s.set_defaults(func=cmd_quote)

    s = lab_sub.add_parser("pay", help="record a payment on a request and print its receipt")
    s.add_argument("request_no")
    s.add_argument("amount")
    s.add_argument("--method", choices=("cash", "transfer", "cheque", "card"), default="cash")
    s.add_argument("--payer")
    s.add_argument("--out")
    user(s)
    s.set_defaults(func=cmd_pay)

    s = lab_sub.add_parser("sign", help="export a published report as a PAdES-signed PDF")
    s.add_argument("report_no")
    s.add_argument("--out", required=True)
    user(s)
    s.set_defaults(func=cmd_sign)

    s = lab_sub.add_parser("check-pdf", help="check a signed report PDF offline")
    s.add_argument("file")
    s.set_defaults(func=cmd_check_pdf)

    s = lab_sub.add_parser("email", help="queue a published report for e-mail")
    s.add_argument("report_no")
    s.add_argument("--to", required=True)
    s.add_argument("--note")
    user(s)
    s.set_defaults(func=cmd_email)

    s = lab_sub.add_parser("send-mail", help="send the queued e-mails (SMTP from DIPDESK_SMTP_* or settings)")
    s.set_defaults(func=cmd_send_mail)
