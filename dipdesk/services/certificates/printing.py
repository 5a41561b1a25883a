"""Printing: template and activity previews, the page of one certificate, printing an activity's
certificates into one PDF (or one per person) in one transaction, and reprints from what was printed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from dipdesk.printing import certificates as printer
from dipdesk.services import signing
from dipdesk.services.auth import find_user
from dipdesk.services.certificates.common import Progress, resolve_files
from dipdesk.services.certificates.issuing import (
    _total_hours,
    activity_by_code,
    certificate_values,
    class_list,
    find_certificate,
    issue_due,
    name_sort_key,
)
from dipdesk.services.certificates.templates import default_template, template_by_code, template_layout
from dipdesk.services.context import Context, system_context
from dipdesk.services.errors import NotFound, ServiceError, ValidationError
from dipdesk.store.certificates import Certificate, CertificatePrint
from dipdesk.store.db import session_factory
from dipdesk.store.people import Person
from dipdesk.store.programs import Activity
from dipdesk.store.reference import Site
from dipdesk.sync.outbox import capture


def preview_pdf(
    engine: Engine,
    layout: printer.Layout,
    *,
    thai_digits: bool = False,
    values: Mapping[str, str] | None = None,
) -> bytes:
    """One certificate on sample data (a long name with stacked marks, a long title), as PDF bytes."""
    import io

    vals = dict(printer.sample_values())
    if values:
        vals.update(values)
    key = Ed25519PrivateKey.generate()  # a throw-away key: a preview is not a certificate
    qr_text, _sig = signing.make_qr_text(
        signing.Payload(
            vals["serial"], vals["name"], signing.activity_for_code(vals["activity"]), dt.date.today()
        ),
        key,
    )
    buf = io.BytesIO()
    page = printer.CertificatePage(layout, vals, qr_text, thai_digits, resolve_files(engine, layout))
    printer.render([page], buf, title="ตัวอย่างวุฒิบัตร")
    return buf.getvalue()


def preview_for_activity(
    engine: Engine,
    activity_id: str,
    template_code: str = "",
    *,
    thai_digits: bool | None = None,
    limit: int = 2,
) -> bytes | None:
    """The first certificates of an activity's class list as they would print now, as PDF bytes: issued
    ones exactly as printed, due ones with today's data, a placeholder serial and an unsigned sample QR
    code. Nothing is issued or logged. None when nobody in the class is issued or eligible."""
    import io

    with session_factory(engine)() as session:
        activity = session.get(Activity, activity_id)
        if activity is None:
            raise NotFound("ไม่พบกิจกรรมนี้", "no such activity")
        tpl = (
            template_by_code(session, template_code) if template_code else default_template(session, activity)
        )
        entries = [
            e
            for e in class_list(session, activity.id, tpl.kind)
            if (e.certificate is not None and e.certificate.state == "issued") or e.due
        ][:limit]
        if not entries:
            return None
        site = session.get(Site, activity.site_id) or system_context(session).site
        layout = template_layout(tpl)
        files = resolve_files(engine, layout)
        digits = tpl.thai_digits if thai_digits is None else thai_digits
        key = Ed25519PrivateKey.generate()
        total = _total_hours(session, activity)
        pages = []
        for e in entries:
            if e.certificate is not None:
                cert = session.get(Certificate, e.certificate.id)
                if cert is not None:
                    pages.append(page_for(engine, cert))
                continue
            person = session.get(Person, e.person_id)
            if person is None:
                continue
            values = certificate_values(
                session, site, activity, person, activity.end_date, "(ออกเลขที่เมื่อพิมพ์)", total
            )
            qr_text, _sig = signing.make_qr_text(
                signing.Payload(
                    "PREVIEW", values["name"], signing.activity_for_code(activity.title_th), activity.end_date
                ),
                key,
            )
            pages.append(printer.CertificatePage(layout, values, qr_text, digits, files))
    buf = io.BytesIO()
    printer.render(pages, buf, title="ตัวอย่าง")
    return buf.getvalue()


# ----------------------------------------------------------------------------------------------------
# printing
# ----------------------------------------------------------------------------------------------------


def page_for(
    engine: Engine, cert: Certificate, cache: dict[str, Any] | None = None
) -> printer.CertificatePage:
    """The page of an issued certificate, drawn from what was printed (an exact copy). ``cache`` lets a
    batch share one layout object and one file lookup among the certificates printed with a layout."""
    data = cert.printed_data or {}
    layout_json = data.get("layout") or {}
    tpl = data.get("template") or {}
    digest = hashlib.sha1(json.dumps(layout_json, sort_keys=True, default=str).encode()).hexdigest()[:16]
    key = f"{tpl.get('id', '')}:{tpl.get('version', '')}:{digest}"
    cached = cache.get(key) if cache is not None else None
    if cached is None:
        layout = printer.Layout.from_json(layout_json, key=key)
        cached = (layout, resolve_files(engine, layout))
        if cache is not None:
            cache[key] = cached
    layout, files = cached
    return printer.CertificatePage(
        layout=layout,
        values=dict(data.get("values") or {}),
        qr_text=str(data.get("qr") or ""),
        thai_digits=bool(data.get("thai_digits")),
        files=files,
    )


def _engine_of(session: Session) -> Engine:
    bind = session.get_bind()
    return bind if isinstance(bind, Engine) else bind.engine


def sort_like_class_list(session: Session, certs: Iterable[Certificate]) -> list[Certificate]:
    certs = list(certs)
    people = (
        {
            pid: (first or "", last or "")
            for pid, first, last in session.execute(
                select(Person.id, Person.first_name_th, Person.last_name_th).where(
                    Person.id.in_([c.person_id for c in certs])
                )
            )
        }
        if certs
        else {}
    )
    return sorted(certs, key=lambda c: (name_sort_key(*people.get(c.person_id, ("", ""))), c.serial))


def _safe_filename(text: str) -> str:
    return re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "_", text).strip()[:120] or "certificate"


@dataclass
class PrintResult:
    issued: int = 0
    reprinted: int = 0
    revoked_skipped: int = 0
    ineligible: int = 0
    pages: int = 0
    files: list[str] = field(default_factory=list)
    activity_code: str = ""
    template_code: str = ""
    digits_kept: int = 0  # reprints whose recorded Thai-digits choice differs from the one asked for


def print_certificates(
    ctx: Context,
    certs: Sequence[Certificate],
    out: Path | None,
    *,
    per_person_dir: Path | None = None,
    title: str = "",
    progress: Progress | None = None,
    should_stop: Callable[[], bool] | None = None,
    staged: list[tuple[str, str]] | None = None,
) -> tuple[int, list[str]]:
    """Render issued certificates (exact copies of what was printed) and log each print.

    Every file is rendered under a temporary name in its destination folder. With ``staged`` (a list from
    ``staged_output``), the files stay there and their (temporary, final) names are added to it: the
    caller moves them into place only **after** its transaction commits, so a kill or a failed commit
    never leaves a finished certificate PDF whose serials were not issued. Without ``staged`` they are
    moved into place at once (for callers with nothing left to commit). Returns (pages, final paths).
    """
    ctx.require("certificates.issue")
    revoked = [c.serial for c in certs if c.state == "revoked"]
    if revoked:
        raise ServiceError(
            f"พิมพ์วุฒิบัตรที่ถูกเพิกถอนไม่ได้: {', '.join(revoked[:5])}",
            f"revoked certificates cannot be printed: {', '.join(revoked[:5])}",
        )
    if not certs:
        raise ServiceError("ไม่มีวุฒิบัตรที่จะพิมพ์", "there are no certificates to print")
    engine = _engine_of(ctx.session)
    cache: dict[str, Any] = {}
    total = len(certs)

    def report(done: int, _total: int | None) -> None:
        if progress:
            progress(done, total, "")

    mine: list[tuple[str, str]] = []  # (temporary, final) of this call

    def temporary_for(dest: Path) -> str:
        fd, name = tempfile.mkstemp(prefix=".dipdesk-", suffix=".pdf.part", dir=str(dest.parent))
        os.close(fd)
        mine.append((name, str(dest)))
        return name

    try:
        if per_person_dir is not None:
            per_person_dir.mkdir(parents=True, exist_ok=True)
            for i, cert in enumerate(certs, 1):
                if should_stop and should_stop():
                    raise printer.Cancelled()
                name = (cert.printed_data or {}).get("name", "")
                dest = (
                    per_person_dir / _safe_filename(f"{cert.serial} {name}")
                    if name
                    else per_person_dir / cert.serial
                )
                dest = dest.with_name(dest.name + ".pdf")
                printer.render([page_for(engine, cert, cache)], temporary_for(dest), title=title or name)
                if progress and (i % 5 == 0 or i == total):
                    progress(i, total, "")
            pages = total
        else:
            assert out is not None
            out.parent.mkdir(parents=True, exist_ok=True)
            pages = printer.render(
                (page_for(engine, c, cache) for c in certs),
                temporary_for(out),
                title=title,
                total=total,
                progress=report,
                should_stop=should_stop,
            )
    except BaseException:
        discard_staged(mine)
        raise
    if staged is None:
        publish_staged(mine)
    else:
        staged.extend(mine)
    # the print log is itself the record of each print (it travels with sync); no audit entry per copy
    logged = [
        CertificatePrint(site_id=ctx.site.id, certificate_id=c.id, printed_by=ctx.user_id) for c in certs
    ]
    ctx.session.add_all(logged)
    ctx.session.flush()
    for entry in logged:
        capture(ctx.session, entry, {}, op="c", user_id=ctx.user_id)
    return pages, [final for _tmp, final in mine]


def publish_staged(staged: Sequence[tuple[str, str]]) -> None:
    """Move rendered files into place (after the transaction that issued and logged them committed)."""
    for tmp, final in staged:
        os.replace(tmp, final)


def discard_staged(staged: Sequence[tuple[str, str]]) -> None:
    for tmp, _final in staged:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


@contextlib.contextmanager
def staged_output() -> Iterator[list[tuple[str, str]]]:
    """Files rendered inside a transaction, moved into place only once it has committed.

    Enter it *outside* the transaction (``with staged_output() as staged, session.begin(): ...``): it
    exits after the commit, and publishes the files then; if anything failed (the commit included) the
    temporary files are removed and nothing appears. A kill at any moment leaves at most a hidden
    ``.dipdesk-*.pdf.part`` file, never a certificate PDF whose serials the database does not hold.
    """
    staged: list[tuple[str, str]] = []
    try:
        yield staged
    except BaseException:
        discard_staged(staged)
        raise
    publish_staged(staged)


def ensure_signing_key(engine: Engine, username: str | None = None) -> None:
    """Make (or check) this site's signing key in a transaction of its own, committed before any
    certificate is signed with it: a print killed or cancelled later never rolls back a key whose
    signatures are already on paper."""
    with session_factory(engine)() as session, session.begin():
        signing.signing_key(context_for(session, username))


def context_for(session: Session, username: str | None = None) -> Context:
    """The acting user's context (a system job when ``username`` is None)."""
    ctx = system_context(session)
    if username:
        user = find_user(session, username, site_id=ctx.site.id)  # per site: (site, username)
        if user is None or not user.active:
            raise NotFound(f"ไม่พบผู้ใช้ {username}", f"no active user {username}")
        ctx.user = user
    return ctx


def print_activity(
    engine: Engine,
    activity_code: str,
    out: Path | None,
    *,
    template_code: str | None = None,
    thai_digits: bool | None = None,
    per_person_dir: Path | None = None,
    username: str | None = None,
    server_url: str = "",
    issued_on: dt.date | None = None,
    progress: Progress | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> PrintResult:
    """Issue what is due for the activity, then print all its (not revoked) certificates of the
    template's kind, sorted like the class list. One transaction: cancelled or failed, nothing changes."""
    if out is None and per_person_dir is None:
        raise ValidationError("out", "ต้องระบุไฟล์หรือโฟลเดอร์ปลายทาง", "give an output file or folder")
    ensure_signing_key(engine, username)
    with staged_output() as staged, session_factory(engine)() as session, session.begin():
        ctx = context_for(session, username)
        activity = activity_by_code(session, activity_code)
        tpl = (
            template_by_code(session, template_code) if template_code else default_template(session, activity)
        )
        if progress:
            progress(0, 0, "issuing")
        result = issue_due(
            ctx, activity, tpl, issued_on=issued_on, thai_digits=thai_digits, server_url=server_url
        )
        certs = list(
            session.scalars(
                select(Certificate).where(
                    Certificate.activity_id == activity.id,
                    Certificate.kind == tpl.kind,
                    Certificate.deleted.is_(False),
                )
            )
        )
        live = sort_like_class_list(session, [c for c in certs if c.state == "issued"])
        summary = PrintResult(
            issued=len(result.issued),
            reprinted=len(live) - len(result.issued),
            revoked_skipped=sum(1 for c in certs if c.state == "revoked"),
            ineligible=len(result.ineligible),
            activity_code=activity.code,
            template_code=tpl.code,
        )
        if thai_digits is not None:
            new_ids = {c.id for c in result.issued}
            summary.digits_kept = sum(
                1
                for c in live
                if c.id not in new_ids and bool((c.printed_data or {}).get("thai_digits")) != thai_digits
            )
        if not live:
            return summary
        title = f"{tpl.name_th} – {activity.title_th}"
        summary.pages, summary.files = print_certificates(
            ctx,
            live,
            out,
            per_person_dir=per_person_dir,
            title=title,
            progress=progress,
            should_stop=should_stop,
            staged=staged,
        )
    return summary


def reprint(engine: Engine, serial: str, out: Path, *, username: str | None = None) -> Certificate:
    """Print one issued certificate again: an exact copy of what was first printed (logged)."""
    with staged_output() as staged, session_factory(engine)() as session, session.begin():
        ctx = context_for(session, username)
        cert = find_certificate(session, serial)
        title = str((cert.printed_data or {}).get("name", ""))
        print_certificates(ctx, [cert], out, title=title, staged=staged)
        session.expunge(cert)
    return cert
