"""`dipdesk certificates …`: วุฒิบัตร / เกียรติบัตร from the command line (a thin layer over the services).

    dipdesk certificates print --activity CODE --out FILE.pdf [--thai-digits] [--per-person DIR]
                               [--template CODE] [--user NAME]
        issue what is due (idempotent: a second run reprints, never issues twice), print, say how many
    dipdesk certificates list --activity CODE            the class list: who is eligible, issued, overridden
    dipdesk certificates override --activity CODE --person ID --reason TEXT [--template CODE]
    dipdesk certificates reprint SERIAL --out FILE.pdf   an exact copy of what was printed
    dipdesk certificates reissue SERIAL --reason TEXT [--out FILE.pdf]
    dipdesk certificates revoke SERIAL --reason TEXT
    dipdesk certificates verify --qr TEXT                exit 0 genuine, 1 not (says why)
    dipdesk certificates key (--export FILE | --import FILE | --show)

`dipdesk list certificates` lists the issued ones (serial, holder, activity, state).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def _engine(args: argparse.Namespace) -> Any:
    from dipdesk.paths import default_db_path
    from dipdesk.store.db import open_database

    return open_database(Path(args.db) if args.db else default_db_path())


def _server_url() -> str:
    from dipdesk.settings import Settings

    return Settings.load().server_url


def _thai_width(text: str) -> int:
    import unicodedata

    return sum(0 if unicodedata.combining(ch) or unicodedata.category(ch) == "Mn" else 1 for ch in text)


def _table(headers: list[str], rows: list[list[str]]) -> None:
    widths = [max([_thai_width(h)] + [_thai_width(r[i]) for r in rows]) for i, h in enumerate(headers)]
    print("  ".join(h + " " * (widths[i] - _thai_width(h)) for i, h in enumerate(headers)).rstrip())
    print("  ".join("-" * w for w in widths))
    for r in rows:
        print("  ".join(c + " " * (widths[i] - _thai_width(c)) for i, c in enumerate(r)).rstrip())


def cmd_print(args: argparse.Namespace) -> int:
    from dipdesk.services import certificates as svc

    if not args.out and not args.per_person:
        print("error: give --out FILE.pdf or --per-person DIR", file=sys.stderr)
        return 2
    last = [0]

    def progress(done: int, total: int, stage: str) -> None:
        if total and (done - last[0] >= 500 or done == total):
            last[0] = done
            print(f"  {done:,}/{total:,}", file=sys.stderr, flush=True)

    result = svc.print_activity(
        _engine(args),
        args.activity,
        Path(args.out) if args.out else None,
        template_code=args.template,
        thai_digits=True if args.thai_digits else None,
        per_person_dir=Path(args.per_person) if args.per_person else None,
        username=args.user,
        server_url=_server_url(),
        progress=progress,
    )
    where = args.per_person or args.out
    print(
        f"{result.activity_code}: issued {result.issued}, reprinted {result.reprinted}"
        f" ({result.pages} printed to {where}); not eligible {result.ineligible}, revoked {result.revoked_skipped}"
    )
    if result.digits_kept:
        print(
            f"note: {result.digits_kept} reprint(s) keep the digits they were first printed with; "
            "re-issue them to change",
            file=sys.stderr,
        )
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from dipdesk.services import certificates as svc
    from dipdesk.store.db import session_factory

    with session_factory(_engine(args))() as s:
        activity = svc.activity_by_code(s, args.activity)
        tpl = svc.template_by_code(s, args.template) if args.template else svc.default_template(s, activity)
        entries = svc.class_list(s, activity.id, tpl.kind)
    rows = []
    for i, e in enumerate(entries, 1):
        cert = e.certificate
        if cert is None:
            state = "due" if e.eligibility.eligible else "not eligible"
        elif cert.state == "revoked":
            state = "revoked"
        else:
            state = "issued (override)" if cert.override_reason else "issued"
        rows.append(
            [
                str(i),
                e.name,
                e.status,
                f"{e.attended.normalize():f}/{e.total.normalize():f}",
                state,
                cert.serial if cert else "",
                "" if e.eligibility.eligible else e.eligibility.explain_en(),
            ]
        )
    _table(["#", "name", "status", "hours", "certificate", "serial", "why not"], rows)
    print(f"({len(rows)} people; template {tpl.code})")
    return 0


def cmd_override(args: argparse.Namespace) -> int:
    from dipdesk.services import certificates as svc
    from dipdesk.store.db import session_factory

    with session_factory(_engine(args))() as s, s.begin():
        ctx = svc.context_for(s, args.user)
        activity = svc.activity_by_code(s, args.activity)
        tpl = svc.template_by_code(s, args.template) if args.template else svc.default_template(s, activity)
        cert = svc.issue(
            ctx, activity, args.person, tpl, override_reason=args.reason, server_url=_server_url()
        )
        print(
            f"issued {cert.serial} to {cert.printed_data.get('name')}"
            + (" (override)" if cert.override_reason else "")
        )
    return 0


def cmd_reprint(args: argparse.Namespace) -> int:
    from dipdesk.services import certificates as svc

    cert = svc.reprint(_engine(args), args.serial, Path(args.out), username=args.user)
    print(f"reprinted {cert.serial} to {args.out}")
    return 0


def cmd_reissue(args: argparse.Namespace) -> int:
    from dipdesk.services import certificates as svc
    from dipdesk.store.db import session_factory

    with session_factory(_engine(args))() as s, s.begin():
        ctx = svc.context_for(s, args.user)
        cert = svc.reissue(ctx, svc.find_certificate(s, args.serial), args.reason, server_url=_server_url())
        if args.out:
            svc.print_certificates(ctx, [cert], Path(args.out))
        print(
            f"re-issued {cert.serial} as revision {cert.printed_data.get('revision')}"
            + (f" to {args.out}" if args.out else "")
        )
    return 0


def cmd_revoke(args: argparse.Namespace) -> int:
    from dipdesk.services import certificates as svc
    from dipdesk.store.db import session_factory

    with session_factory(_engine(args))() as s, s.begin():
        ctx = svc.context_for(s, args.user)
        cert = svc.find_certificate(s, args.serial)
        svc.revoke(ctx, cert, args.reason)
        print(f"revoked {cert.serial}: {cert.revoked_reason}")
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from dipdesk.services import certificates as svc
    from dipdesk.store.db import session_factory

    text = sys.stdin.read() if args.qr == "-" else args.qr
    with session_factory(_engine(args))() as s:
        try:
            result = svc.verify(s, text)
        except ValueError as exc:  # e.g. an address urllib cannot split ("http://[::1")
            print(f"NOT GENUINE: not a dipdesk certificate code, or a damaged one ({exc})")
            print(f"ไม่ใช่รหัสวุฒิบัตรของ dipdesk หรือรหัสเสียหาย ({exc})")
            return 1
    lang = getattr(args, "lang", None) or "th"
    verdict, _sep, why = result.message_en.partition(": ")
    if result.ok and verdict == "genuine":  # "genuine: SERIAL …" would say it twice
        print("GENUINE: " + why)
    else:
        print(("GENUINE: " if result.ok else "NOT GENUINE: ") + result.message_en)
    if lang == "th":
        print(result.message_th)
    if result.payload is not None:
        p = result.payload
        indent = "  "
        if not result.claims_verified:
            # a code that failed the check: its contents are not facts, only what it claims
            print("  what the code claims, UNVERIFIED (do not rely on it):")
            if lang == "th":
                print("  ข้อมูลตามที่รหัสอ้าง ยังไม่ได้รับการยืนยัน (อย่าเชื่อถือ):")
            indent = "    "
        elif not result.ok:
            print(f"  as issued (no longer valid: {result.code}):")
            if lang == "th":
                print("  ข้อมูลตามที่ออก (ใช้ไม่ได้แล้ว):")
            indent = "    "
        print(f"{indent}serial {p.serial}, revision {p.revision}, issued {p.issued_on.isoformat()}, {p.kind}")
        print(f"{indent}holder {p.holder}")
        print(f"{indent}activity {p.activity}")
    return 0 if result.ok else 1


def cmd_key(args: argparse.Namespace) -> int:
    from dipdesk.services import signing
    from dipdesk.services.certificates import context_for
    from dipdesk.store.db import session_factory

    with session_factory(_engine(args))() as s, s.begin():
        ctx = context_for(s, args.user)
        if args.export:
            signing.export_key(ctx, Path(args.export))
            print(
                f"wrote the signing key of {ctx.site.code} to {args.export}: keep it safe, it signs certificates"
            )
        elif args.import_:
            public = signing.import_key(ctx, Path(args.import_))
            print(f"imported the signing key of {ctx.site.code} (public key {public})")
        else:
            print(
                f"{ctx.site.code} public key: {ctx.site.public_key or '(none yet: made at the first issue)'}"
            )
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg,unused-ignore]
    c = sub.add_parser("certificates", help="issue, print, revoke and verify certificates (วุฒิบัตร/เกียรติบัตร)")
    csub = c.add_subparsers(dest="certificates_command", required=True)

    p = csub.add_parser("print", help="issue what is due for an activity and print its certificates")
    p.add_argument("--activity", required=True, help="activity code")
    p.add_argument("--out", help="one PDF for the whole activity")
    p.add_argument("--per-person", metavar="DIR", help="one PDF per person in this folder instead")
    p.add_argument("--thai-digits", action="store_true", help="Thai digits on newly issued certificates")
    p.add_argument("--template", help="template code (default: by the activity's service)")
    p.add_argument("--user", help="act as this user (default: a system job)")
    p.set_defaults(func=cmd_print)

    ls = csub.add_parser("list", help="the class list with eligibility and certificates")
    ls.add_argument("--activity", required=True)
    ls.add_argument("--template")
    ls.set_defaults(func=cmd_list)

    o = csub.add_parser("override", help="issue to someone the rule does not allow, with a reason")
    o.add_argument("--activity", required=True)
    o.add_argument("--person", required=True, help="the person's id")
    o.add_argument("--reason", required=True)
    o.add_argument("--template")
    o.add_argument("--user")
    o.set_defaults(func=cmd_override)

    r = csub.add_parser("reprint", help="print an issued certificate again (exact copy)")
    r.add_argument("serial")
    r.add_argument("--out", required=True)
    r.add_argument("--user")
    r.set_defaults(func=cmd_reprint)

    ri = csub.add_parser("reissue", help="re-issue with today's data and template (new revision)")
    ri.add_argument("serial")
    ri.add_argument("--reason", required=True)
    ri.add_argument("--out")
    ri.add_argument("--user")
    ri.set_defaults(func=cmd_reissue)

    rv = csub.add_parser("revoke", help="revoke a certificate")
    rv.add_argument("serial")
    rv.add_argument("--reason", required=True)
    rv.add_argument("--user")
    rv.set_defaults(func=cmd_revoke)

    v = csub.add_parser("verify", help="check a certificate's QR text offline (exit 0 genuine, 1 not)")
    v.add_argument("--qr", required=True, help="the scanned text (- reads it from standard input)")
    v.set_defaults(func=cmd_verify)

    k = csub.add_parser("key", help="this site's certificate signing key")
    g = k.add_mutually_exclusive_group()
    g.add_argument("--export", metavar="FILE", help="write the key pair to FILE (for a second computer)")
    g.add_argument("--import", dest="import_", metavar="FILE", help="take the site's key from FILE")
    g.add_argument("--show", action="store_true", help="print the public key")
    k.add_argument("--user")
    k.set_defaults(func=cmd_key)
