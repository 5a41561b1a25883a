"""Certificates (วุฒิบัตร / เกียรติบัตร): who is due one, issuing, printing, reprinting, revoking, verifying.

- **Who**: the rule in :mod:`dipdesk.core.eligibility` over each enrollment's status and attendance
  (the hours arithmetic of :mod:`dipdesk.core.attendance`); staff may *override* with a reason.
- **Issuing is a record**: a :class:`Certificate` row with a serial that is unique across sites even
  offline, ``{SITE}-{FY}-{running:05d}`` (``IPC1-2569-00042``), or, on a computer that has a sync device
  id, ``{SITE}-{FY}-{DEV}-{running:05d}`` where DEV is four characters derived from the device id:
  two laptops of one site issuing offline on the same day cannot collide, while a site that never
  synced keeps the plain form (its one computer is the only issuer). The running number comes from the
  local ``SerialCounter`` and never goes below what the table already holds (a restored backup or a
  counter lost in a copy cannot reuse a number). ``printed_data`` keeps exactly what was printed: the
  names, titles and dates as text, the template's layout (a snapshot, so a later template edit does not
  change an issued certificate), the Thai-digits choice and the QR text. A reprint draws from it, so it
  is an exact copy after any later name or template change, and is logged (``CertificatePrint``).
  *Re-issuing* on purpose takes today's data and template, increments the revision (the QR carries it,
  so an older copy is recognised as superseded) and is audited with its reason. Revoking needs a reason.
- **Signed QR**: see :mod:`dipdesk.services.signing`; :func:`verify` checks a scanned code offline.
- **Printing**: :func:`print_activity` issues what is due and prints the activity's certificates into one
  PDF (or one file per person), sorted like the class list (Thai dictionary order of first name, then
  surname), in one transaction with the file written last: cancelled or failed, nothing is issued.

Every change goes through :func:`dipdesk.services.records.audit`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from dipdesk.core.digits import to_arabic_digits
from dipdesk.core.eligibility import Attendance as AttendanceFacts
from dipdesk.core.eligibility import Eligibility, assess
from dipdesk.core.thaidate import THAI_MONTHS, be_year, fiscal_year, format_thai_date
from dipdesk.paths import resource
from dipdesk.printing import certificates as printer
from dipdesk.services import signing
from dipdesk.services.context import Context, local_value, system_context
from dipdesk.services.enrollment import attendance_sheet, person_name
from dipdesk.services.errors import NotFound, ServiceError, ValidationError
from dipdesk.services.records import audit
from dipdesk.store.auth import User
from dipdesk.store.certificate_defaults import DEFAULT_TEMPLATES, seed_certificate_templates
from dipdesk.store.certificates import Certificate, CertificatePrint, CertificateTemplate, SerialCounter
from dipdesk.store.db import session_factory
from dipdesk.store.people import Person
from dipdesk.store.programs import Activity, Program
from dipdesk.store.reference import Province, Site
from dipdesk.sync.files import local_path, store_local
from dipdesk.sync.outbox import capture

SERIES = "CERT"
DEVICE_KEY = "sync.device_id"  # dipdesk.sync.outbox.KEY_DEVICE
DIRECTOR_KEY = "certificates.director_name"  # optional local setting: the name under the director's line
COMPLETION_SERVICES = frozenset({"training", "incubation"})  # วุฒิบัตร; other services get เกียรติบัตร
DEFAULT_CODES = frozenset(code for code, *_rest in DEFAULT_TEMPLATES)
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_TONE = re.compile("[\u0e47-\u0e4e]")
_LEAD_VOWEL = re.compile("([\u0e40-\u0e44])([\u0e01-\u0e2e])")

Progress = Callable[[int, int, str], None]


# ----------------------------------------------------------------------------------------------------
# files: backgrounds and signature images, content-addressed
# ----------------------------------------------------------------------------------------------------


@cache
def bundled_images() -> dict[str, Path]:
    """The backgrounds shipped in resources/images (certificate-*.png), by content hash."""
    folder = resource("images")
    out = {}
    for p in sorted(folder.glob("certificate-*")):
        out[hashlib.sha256(p.read_bytes()).hexdigest()] = p
    return out


def bundled_background(kind: str) -> str:
    """The content hash of the default background for ``completion`` or ``participation``."""
    path = resource("images", f"certificate-{kind}.png")
    return hashlib.sha256(path.read_bytes()).hexdigest()


def store_file(engine: Engine, data: bytes) -> str:
    """Keep an image in the device's file store (it travels with sync); returns its content hash."""
    return store_local(engine, data)


def file_path(engine: Engine, sha: str) -> Path | None:
    """Where the file with this content hash is: the device's store, else the bundled images."""
    if not sha:
        return None
    local = local_path(engine, sha)
    if local.is_file():
        return local
    bundled = bundled_images().get(sha)
    if bundled is not None:
        # keep a copy in the store, where sync expects the files that rows refer to; use it from then on,
        # so every print of a template refers to the same file
        with contextlib.suppress(OSError):
            store_file(engine, bundled.read_bytes())
            if local.is_file():
                return local
        return bundled
    return None


def _layout_hashes(layout: printer.Layout) -> set[str]:
    out = {layout.background_hash} if layout.background_hash else set()
    for e in layout.elements:
        for k in ("signature_hash", "hash"):
            if e.get(k):
                out.add(str(e[k]))
    return out


def resolve_files(engine: Engine, layout: printer.Layout) -> dict[str, str]:
    found = {}
    for sha in _layout_hashes(layout):
        p = file_path(engine, sha)
        if p is not None:
            found[sha] = str(p)
    return found


# ----------------------------------------------------------------------------------------------------
# templates
# ----------------------------------------------------------------------------------------------------


def list_templates(session: Session) -> list[CertificateTemplate]:
    return list(
        session.scalars(
            select(CertificateTemplate)
            .where(CertificateTemplate.deleted.is_(False))
            .order_by(CertificateTemplate.kind, CertificateTemplate.code)
        )
    )


def ensure_default_templates(session: Session) -> int:
    """Put in the two default templates if they are missing (a database set up before they shipped as
    reference data); they are seeded exactly as `seed_reference` seeds them everywhere. Returns how many
    were added (0 almost always)."""
    return seed_certificate_templates(session)


def template_by_code(session: Session, code: str) -> CertificateTemplate:
    def find() -> CertificateTemplate | None:
        return session.scalars(
            select(CertificateTemplate).where(
                CertificateTemplate.code == code, CertificateTemplate.deleted.is_(False)
            )
        ).first()

    tpl = find()
    if tpl is None and code in DEFAULT_CODES and ensure_default_templates(session):
        tpl = find()
    if tpl is None:
        raise NotFound(f"ไม่พบแบบวุฒิบัตร {code}", f"no certificate template {code}")
    return tpl


def default_template(session: Session, activity: Activity) -> CertificateTemplate:
    """วุฒิบัตร (completion) for training and incubation, เกียรติบัตร (participation) otherwise."""
    program = session.get(Program, activity.program_id)
    kind = (
        "completion"
        if program is not None and program.service_kind in COMPLETION_SERVICES
        else "participation"
    )
    templates = list_templates(session)
    if not templates and ensure_default_templates(session):
        templates = list_templates(session)
    for tpl in templates:
        if tpl.kind == kind:
            return tpl
    if templates:
        return templates[0]
    raise NotFound(
        "ยังไม่มีแบบวุฒิบัตร (รับข้อมูลจากส่วนกลาง)",
        "there is no certificate template yet (sync with headquarters)",
    )


def template_layout(tpl: CertificateTemplate) -> printer.Layout:
    return printer.Layout(
        page_size=tpl.page_size,
        orientation=tpl.orientation,
        background_hash=tpl.background_hash,
        elements=tuple(dict(e) for e in tpl.elements or ()),
        key=f"{tpl.id}:{tpl.version}",
    )


def save_template(
    ctx: Context,
    tpl: CertificateTemplate,
    *,
    elements: Sequence[Mapping[str, Any]] | None = None,
    name_th: str | None = None,
    page_size: str | None = None,
    orientation: str | None = None,
    background_hash: str | None = None,
    thai_digits: bool | None = None,
) -> CertificateTemplate:
    """Save changes to a template as its next version (audited).

    Templates belong to the site that made them (most come from headquarters). A site may not change
    another site's template, so its changes become the site's own copy (code ``…-{SITE}``), which it
    then edits in place.
    """
    ctx.require("certificates.templates")
    changes: dict[str, Any] = {}
    if elements is not None:
        problems = printer.check_elements(elements)
        if problems:
            raise ValidationError(
                "elements", "องค์ประกอบของแบบไม่ถูกต้อง: " + "; ".join(problems), "; ".join(problems)
            )
        changes["elements"] = [dict(e) for e in elements]
    if name_th is not None:
        if not name_th.strip():
            raise ValidationError("name_th", "ต้องกรอกชื่อแบบ", "the template needs a name")
        changes["name_th"] = name_th.strip()
    if page_size is not None:
        if page_size.upper() not in printer.PAGE_SIZES:
            raise ValidationError("page_size", "ขนาดกระดาษไม่รองรับ", f"unsupported page size {page_size}")
        changes["page_size"] = page_size.upper()
    if orientation is not None:
        if orientation not in ("landscape", "portrait"):
            raise ValidationError("orientation", "แนวกระดาษไม่ถูกต้อง", "orientation is landscape or portrait")
        changes["orientation"] = orientation
    if background_hash is not None:
        changes["background_hash"] = background_hash
    if thai_digits is not None:
        changes["thai_digits"] = bool(thai_digits)
    changes = {k: v for k, v in changes.items() if getattr(tpl, k) != v}
    if not changes:
        return tpl
    if tpl.site_id != ctx.site.id:
        copy_code = f"{tpl.code}-{ctx.site.code}"[:40]
        existing = ctx.session.scalars(
            select(CertificateTemplate).where(CertificateTemplate.code == copy_code)
        ).first()
        if existing is not None and existing.site_id == ctx.site.id:
            return save_template(ctx, existing, **_as_kwargs(changes))
        copy = CertificateTemplate(
            site_id=ctx.site.id,
            code=copy_code,
            name_th=changes.get("name_th", tpl.name_th),
            kind=tpl.kind,
            page_size=changes.get("page_size", tpl.page_size),
            orientation=changes.get("orientation", tpl.orientation),
            background_hash=changes.get("background_hash", tpl.background_hash),
            thai_digits=changes.get("thai_digits", tpl.thai_digits),
            elements=changes.get("elements", [dict(e) for e in tpl.elements or ()]),
            version=1,
        )
        ctx.session.add(copy)
        ctx.session.flush()
        capture(ctx.session, copy, {}, op="c", user_id=ctx.user_id)
        audit(ctx, "create", copy, {"code": [None, copy_code], "copied_from": [None, tpl.code]})
        return copy
    old = {k: getattr(tpl, k) for k in changes}
    for k, v in changes.items():
        setattr(tpl, k, v)
    tpl.version = (tpl.version or 1) + 1
    ctx.session.flush()
    capture(ctx.session, tpl, {**changes, "version": tpl.version}, user_id=ctx.user_id)
    logged = {k: [old[k], v] for k, v in changes.items() if k != "elements"}
    if "elements" in changes:
        logged["elements"] = [
            f"{len(old['elements'] or [])} elements",
            f"{len(changes['elements'])} elements",
        ]
    logged["version"] = [tpl.version - 1, tpl.version]
    audit(ctx, "update", tpl, logged)
    return tpl


def _as_kwargs(changes: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in changes.items()}


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
# the class list and eligibility
# ----------------------------------------------------------------------------------------------------


def thai_sort_key(text: str) -> tuple[str, str]:
    """Thai dictionary order: a leading vowel (เ แ โ ใ ไ) sorts after its consonant; tone marks only
    break ties (the same approach as PyThaiNLP's ``collate``)."""
    plain = _LEAD_VOWEL.sub(r"\2\1", _TONE.sub("", text))
    return plain, "".join(_TONE.findall(text))


def name_sort_key(first: str, last: str) -> tuple[tuple[str, str], tuple[str, str]]:
    return thai_sort_key(first or ""), thai_sort_key(last or "")


@dataclass(frozen=True)
class Issued:
    """A certificate already issued, as the class list shows it."""

    id: str
    serial: str
    state: str
    revision: int
    issued_on: dt.date
    override_reason: str
    revoked_reason: str


@dataclass(frozen=True)
class ClassEntry:
    """One enrolled person in the class list: the facts, the rule's verdict, the certificate if any."""

    enrollment_id: str
    person_id: str
    name: str
    first_name: str
    last_name: str
    status: str
    attended: Decimal
    total: Decimal
    eligibility: Eligibility
    certificate: Issued | None

    @property
    def due(self) -> bool:
        """Eligible and not yet issued."""
        return self.eligibility.eligible and self.certificate is None


def class_list(session: Session, activity_id: str, kind: str = "completion") -> list[ClassEntry]:
    """Everyone enrolled in the activity, sorted like the class list, with eligibility and certificate."""
    sheet = attendance_sheet(session, activity_id)
    names = (
        {
            pid: (first or "", last or "")
            for pid, first, last in session.execute(
                select(Person.id, Person.first_name_th, Person.last_name_th).where(
                    Person.id.in_([r.person_id for r in sheet.rows])
                )
            )
        }
        if sheet.rows
        else {}
    )
    issued: dict[str, Issued] = {}
    for c in session.scalars(
        select(Certificate).where(
            Certificate.activity_id == activity_id, Certificate.kind == kind, Certificate.deleted.is_(False)
        )
    ):
        issued[c.person_id] = Issued(
            c.id,
            c.serial,
            c.state,
            int((c.printed_data or {}).get("revision", 1)),
            c.issued_on,
            c.override_reason,
            c.revoked_reason,
        )
    out = []
    for row in sheet.rows:
        done = sheet.completion(row)
        facts = AttendanceFacts(row.status, done.attended, done.total, sheet.threshold)
        first, last = names.get(row.person_id, ("", ""))
        out.append(
            ClassEntry(
                enrollment_id=row.enrollment_id,
                person_id=row.person_id,
                name=row.name,
                first_name=first,
                last_name=last,
                status=row.status,
                attended=done.attended,
                total=done.total,
                eligibility=assess(facts, kind),
                certificate=issued.get(row.person_id),
            )
        )
    out.sort(key=lambda e: (name_sort_key(e.first_name, e.last_name), e.person_id))
    return out


# ----------------------------------------------------------------------------------------------------
# values printed on a certificate
# ----------------------------------------------------------------------------------------------------


def thai_date_range(start: dt.date, end: dt.date) -> str:
    """``3–5 มีนาคม พ.ศ. 2569``, ``28 กุมภาพันธ์ – 2 มีนาคม พ.ศ. 2569``, or one date."""
    if end <= start:
        return format_thai_date(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {THAI_MONTHS[end.month - 1]} พ.ศ. {be_year(end)}"
    if start.year == end.year:
        return f"{start.day} {THAI_MONTHS[start.month - 1]} – {end.day} {THAI_MONTHS[end.month - 1]} พ.ศ. {be_year(end)}"
    return f"{format_thai_date(start)} – {format_thai_date(end)}"


def _hours_text(hours: Decimal) -> str:
    text = f"{hours.quantize(Decimal('0.01')).normalize():f}"
    return text


def director_name(session: Session, site: Site) -> str:
    """The name under the site director's signature line: a local setting, else the active user of the
    site whose position is ผู้อำนวยการ…, else empty (the line then shows only the position)."""
    configured = local_value(session, DIRECTOR_KEY)
    if configured:
        return configured
    user = session.scalars(
        select(User)
        .where(
            User.site_id == site.id,
            User.active.is_(True),
            User.deleted.is_(False),
            User.position.like("ผู้อำนวยการ%"),
        )
        .order_by(User.created_at)
    ).first()
    return user.full_name if user else ""


def certificate_values(
    session: Session,
    site: Site,
    activity: Activity,
    person: Person,
    issued_on: dt.date,
    serial: str,
    total_hours: Decimal | None = None,
    *,
    director: str | None = None,
) -> dict[str, str]:
    """The placeholders' values for one certificate, as text with Arabic digits. ``director``: the
    director's name when the caller already looked it up (a batch does it once)."""
    program = session.get(Program, activity.program_id)
    province = session.get(Province, activity.province_id) if activity.province_id else None
    hours = total_hours if total_hours is not None else (activity.hours or Decimal(0))
    when = thai_date_range(activity.start_date, activity.end_date)
    return {
        "name": person_name(person.prefix, person.first_name_th, person.last_name_th),
        "prefix": person.prefix or "",
        "first_name": person.first_name_th or "",
        "last_name": person.last_name_th or "",
        "activity": activity.title_th,
        "program": program.name_th if program else "",
        "cohort": str(activity.cohort or ""),
        "date": when,
        "date_phrase": ("เมื่อวันที่ " if activity.end_date <= activity.start_date else "ระหว่างวันที่ ") + when,
        "start_date": format_thai_date(activity.start_date),
        "end_date": format_thai_date(activity.end_date),
        "hours": _hours_text(Decimal(hours)),
        "venue": activity.venue or "",
        "province": province.name_th if province else "",
        "site": site.name_th,
        "site_name": site.name_th,
        "director_name": director_name(session, site) if director is None else director,
        "issued_date": format_thai_date(issued_on),
        "fiscal_year": str(fiscal_year(issued_on)),
        "serial": serial,
    }


def _signatories(layout: printer.Layout, values: Mapping[str, str]) -> list[dict[str, str]]:
    return [
        {
            "name": printer.fill(str(e.get("name") or ""), values),
            "position": printer.fill(str(e.get("position") or ""), values),
            "signature_hash": str(e.get("signature_hash") or ""),
        }
        for e in layout.elements
        if e.get("type") == "signatory"
    ]


# ----------------------------------------------------------------------------------------------------
# serial numbers
# ----------------------------------------------------------------------------------------------------


def device_tag(device_id: str) -> str:
    """Four Crockford base-32 characters from a device id: short, unambiguous to read aloud."""
    digest = hashlib.sha256(device_id.encode()).digest()
    n = int.from_bytes(digest[:3], "big") >> 4  # 20 bits
    return "".join(_CROCKFORD[(n >> shift) & 31] for shift in (15, 10, 5, 0))


def serial_prefix(session: Session, site: Site, fy: int) -> tuple[str, str]:
    """(serial prefix, counter series) for certificates issued on this computer in fiscal year ``fy``."""
    device = local_value(session, DEVICE_KEY)
    if device:
        tag = device_tag(device)
        return f"{site.code}-{fy}-{tag}-", f"{SERIES}-{tag}"
    return f"{site.code}-{fy}-", SERIES


def next_serials(ctx: Context, issued_on: dt.date, count: int) -> list[str]:
    """``count`` new serials for certificates issued on ``issued_on`` (the fiscal year is in the serial)."""
    if count <= 0:
        return []
    session = ctx.session
    fy = fiscal_year(issued_on)
    prefix, series = serial_prefix(session, ctx.site, fy)
    counter = session.get(SerialCounter, (ctx.site.code, series, fy))
    if counter is None:
        counter = SerialCounter(site_code=ctx.site.code, series=series, fiscal_year=fy, last=0)
        session.add(counter)
    # never below what is already there, whatever the counter says (a restored copy, a lost counter row)
    highest = 0
    pattern = re.compile(re.escape(prefix) + r"(\d+)$")
    for (serial,) in session.execute(
        select(Certificate.serial).where(
            Certificate.serial.like(prefix.replace("_", "\\_") + "%", escape="\\")
        )
    ):
        m = pattern.match(serial)
        if m:
            highest = max(highest, int(m.group(1)))
    start = max(counter.last or 0, highest)
    counter.last = start + count
    return [f"{prefix}{n:05d}" for n in range(start + 1, start + count + 1)]


# ----------------------------------------------------------------------------------------------------
# issuing
# ----------------------------------------------------------------------------------------------------


def activity_by_code(session: Session, code: str) -> Activity:
    activity = session.scalars(
        select(Activity).where(Activity.code == code, Activity.deleted.is_(False))
    ).first()
    if activity is None:
        raise NotFound(f"ไม่พบกิจกรรมรหัส {code}", f"no activity with code {code}")
    return activity


def find_certificate(session: Session, serial: str) -> Certificate:
    serial = to_arabic_digits(serial.strip())
    cert = session.scalars(select(Certificate).where(Certificate.serial == serial)).first()
    if cert is None:
        raise NotFound(f"ไม่พบวุฒิบัตรเลขที่ {serial}", f"no certificate with serial {serial}")
    return cert


def _printed_data(
    session: Session,
    site: Site,
    activity: Activity,
    person: Person,
    tpl: CertificateTemplate,
    serial: str,
    issued_on: dt.date,
    revision: int,
    thai_digits: bool,
    total_hours: Decimal | None,
    server_url: str,
    key: Ed25519PrivateKey,
    director: str | None = None,
) -> tuple[dict[str, Any], str]:
    layout = template_layout(tpl)
    values = certificate_values(
        session,
        site,
        activity,
        person,
        issued_on,
        serial,
        total_hours,
        director=director_name(session, site) if director is None else director,
    )
    payload = signing.Payload(
        serial, values["name"], signing.activity_for_code(activity.title_th), issued_on, tpl.kind, revision
    )
    qr_text, signature = signing.make_qr_text(payload, key, server_url)
    data = {
        "v": 1,
        "serial": serial,
        "revision": revision,
        "issued_on": issued_on.isoformat(),
        "site": site.code,
        "name": values["name"],
        "person": {
            "prefix": values["prefix"],
            "first_name": values["first_name"],
            "last_name": values["last_name"],
        },
        "activity": {"id": activity.id, "code": activity.code, "title": activity.title_th},
        "dates": {"start": activity.start_date.isoformat(), "end": activity.end_date.isoformat()},
        "hours": values["hours"],
        "signatories": _signatories(layout, values),
        "template": {"id": tpl.id, "code": tpl.code, "version": tpl.version, "kind": tpl.kind},
        "layout": layout.to_json(),
        "values": values,
        "thai_digits": bool(thai_digits),
        "qr": qr_text,
    }
    return data, signature


def _total_hours(session: Session, activity: Activity) -> Decimal:
    sheet = attendance_sheet(session, activity.id)
    return (
        sum((s.hours for s in sheet.sessions), Decimal(0))
        if sheet.sessions
        else (activity.hours or Decimal(0))
    )


def issue(
    ctx: Context,
    activity: Activity,
    person_id: str,
    template: CertificateTemplate,
    *,
    override_reason: str = "",
    issued_on: dt.date | None = None,
    thai_digits: bool | None = None,
    server_url: str = "",
) -> Certificate:
    """Issue one certificate. Refuses someone the rule does not allow unless ``override_reason`` is given
    (the override is audited with it), and anyone who already has this kind of certificate."""
    return issue_many(
        ctx,
        activity,
        [person_id],
        template,
        override_reason=override_reason,
        issued_on=issued_on,
        thai_digits=thai_digits,
        server_url=server_url,
    )[0]


def issue_many(
    ctx: Context,
    activity: Activity,
    person_ids: Sequence[str],
    template: CertificateTemplate,
    *,
    override_reason: str = "",
    issued_on: dt.date | None = None,
    thai_digits: bool | None = None,
    server_url: str = "",
    entries: Sequence[ClassEntry] | None = None,
) -> list[Certificate]:
    ctx.require("certificates.issue")
    session = ctx.session
    # dated the last day of the activity, as certificates handed out at its close are
    issued_on = issued_on or activity.end_date
    by_person = {
        e.person_id: e
        for e in (entries if entries is not None else class_list(session, activity.id, template.kind))
    }
    reason = override_reason.strip()
    for pid in person_ids:
        entry = by_person.get(pid)
        if entry is None:
            raise ValidationError(
                "person_id", "บุคคลนี้ไม่ได้ลงทะเบียนในกิจกรรมนี้", "this person is not enrolled in the activity"
            )
        if entry.certificate is not None:
            raise ServiceError(
                f"{entry.name} ได้รับแล้ว (เลขที่ {entry.certificate.serial}) ใช้การพิมพ์ซ้ำหรือการออกใหม่แทน",
                f"{entry.name} already has one ({entry.certificate.serial}): reprint or re-issue it instead",
            )
        if not entry.eligibility.eligible and not reason:
            raise ValidationError(
                "override_reason",
                f"{entry.name} ไม่มีสิทธิ์ตามเกณฑ์ ({entry.eligibility.explain_th()}) ต้องระบุเหตุผลเพื่อออกให้เป็นกรณีพิเศษ",
                f"{entry.name} is not eligible ({entry.eligibility.explain_en()}); give a reason to override",
            )
    if not person_ids:
        return []
    key = signing.signing_key(ctx)
    digits = template.thai_digits if thai_digits is None else thai_digits
    total = _total_hours(session, activity)
    serials = next_serials(ctx, issued_on, len(person_ids))
    people = {p.id: p for p in session.scalars(select(Person).where(Person.id.in_(person_ids)))}
    director = director_name(session, ctx.site)
    out = []
    for pid, serial in zip(person_ids, serials, strict=True):
        entry = by_person[pid]
        overridden = reason if not entry.eligibility.eligible else ""
        data, signature = _printed_data(
            session,
            ctx.site,
            activity,
            people[pid],
            template,
            serial,
            issued_on,
            1,
            digits,
            total,
            server_url,
            key,
            director,
        )
        cert = Certificate(
            site_id=ctx.site.id,
            serial=serial,
            template_id=template.id,
            kind=template.kind,
            activity_id=activity.id,
            person_id=pid,
            enrollment_id=entry.enrollment_id,
            issued_on=issued_on,
            issued_by=ctx.user_id,
            printed_data=data,
            signature=signature,
            state="issued",
            override_reason=overridden,
        )
        session.add(cert)
        out.append((cert, entry, overridden))
    session.flush()
    for cert, entry, overridden in out:
        capture(session, cert, {}, op="c", user_id=ctx.user_id)
        changes = {
            "serial": [None, cert.serial],
            "person_id": [None, cert.person_id],
            "activity_id": [None, cert.activity_id],
            "kind": [None, cert.kind],
            "template": [None, f"{template.code} v{template.version}"],
        }
        if overridden:
            changes["override"] = [entry.eligibility.verdict.value, "issued"]
            audit(ctx, "issue_override", cert, changes, overridden[:400])
        else:
            audit(ctx, "issue", cert, changes)
    return [c for c, _e, _o in out]


@dataclass
class IssueResult:
    issued: list[Certificate] = field(default_factory=list)
    ineligible: list[ClassEntry] = field(default_factory=list)


def issue_due(
    ctx: Context,
    activity: Activity,
    template: CertificateTemplate,
    *,
    issued_on: dt.date | None = None,
    thai_digits: bool | None = None,
    server_url: str = "",
) -> IssueResult:
    """Issue a certificate to everyone eligible who has none yet (idempotent: run twice, issue once)."""
    entries = class_list(ctx.session, activity.id, template.kind)
    due = [e.person_id for e in entries if e.due]
    result = IssueResult(
        ineligible=[e for e in entries if not e.eligibility.eligible and e.certificate is None]
    )
    result.issued = issue_many(
        ctx,
        activity,
        due,
        template,
        issued_on=issued_on,
        thai_digits=thai_digits,
        server_url=server_url,
        entries=entries,
    )
    return result


def reissue(
    ctx: Context,
    cert: Certificate,
    reason: str,
    *,
    template: CertificateTemplate | None = None,
    thai_digits: bool | None = None,
    server_url: str = "",
) -> Certificate:
    """Re-issue on purpose (a corrected name, a new template): today's data, the same serial and issue
    date, the next revision. The QR code carries the revision, so an older copy verifies as superseded.
    A revoked certificate is reinstated this way too. Audited with ``reason``."""
    ctx.require("certificates.issue")
    if not reason.strip():
        raise ValidationError("reason", "ต้องระบุเหตุผลของการออกใหม่", "a re-issue needs a reason")
    session = ctx.session
    activity = session.get(Activity, cert.activity_id)
    person = session.get(Person, cert.person_id)
    tpl = template or session.get(CertificateTemplate, cert.template_id)
    if activity is None or person is None or tpl is None:
        raise NotFound("ข้อมูลของวุฒิบัตรนี้ไม่ครบ", "the certificate's activity, person or template is missing")
    if tpl.kind != cert.kind:
        raise ValidationError("template", "แบบที่เลือกเป็นคนละประเภทกับวุฒิบัตรนี้", "the template is of another kind")
    old = dict(cert.printed_data or {})
    revision = int(old.get("revision", 1)) + 1
    digits = bool(old.get("thai_digits", tpl.thai_digits)) if thai_digits is None else thai_digits
    data, signature = _printed_data(
        session,
        ctx.site,
        activity,
        person,
        tpl,
        cert.serial,
        cert.issued_on,
        revision,
        digits,
        _total_hours(session, activity),
        server_url,
        signing.signing_key(ctx),
    )
    history = list(old.get("history", []))
    history.append(
        {
            "revision": old.get("revision", 1),
            "name": old.get("name"),
            "activity": (old.get("activity") or {}).get("title"),
            "template": old.get("template"),
            "replaced_at": dt.datetime.now(dt.UTC).replace(tzinfo=None).isoformat(timespec="seconds"),
            "reason": reason.strip(),
        }
    )
    data["history"] = history
    data["reissued_on"] = dt.date.today().isoformat()
    changes: dict[str, Any] = {"revision": [revision - 1, revision]}
    if old.get("name") != data["name"]:
        changes["name"] = [old.get("name"), data["name"]]
    if (old.get("template") or {}).get("version") != tpl.version or cert.template_id != tpl.id:
        changes["template"] = [str((old.get("template") or {}).get("code")), f"{tpl.code} v{tpl.version}"]
    if cert.state == "revoked":
        changes["state"] = ["revoked", "issued"]
        cert.state = "issued"
        cert.revoked_reason = ""
        cert.revoked_at = None
    cert.printed_data = data
    cert.signature = signature
    cert.template_id = tpl.id
    session.flush()
    capture(
        session,
        cert,
        {
            "printed_data": data,
            "signature": signature,
            "template_id": tpl.id,
            "state": cert.state,
            "revoked_reason": cert.revoked_reason,
            "revoked_at": cert.revoked_at,
        },
        user_id=ctx.user_id,
    )
    audit(ctx, "reissue", cert, changes, reason.strip()[:400])
    return cert


def revoke(ctx: Context, cert: Certificate, reason: str) -> None:
    """Revoke with a reason (audited). Its QR code then verifies as revoked wherever this is known."""
    ctx.require("certificates.issue")
    if not reason.strip():
        raise ValidationError("reason", "ต้องระบุเหตุผลของการเพิกถอน", "a revocation needs a reason")
    if cert.state == "revoked":
        raise ServiceError(f"วุฒิบัตร {cert.serial} ถูกเพิกถอนไปแล้ว", f"{cert.serial} is already revoked")
    cert.state = "revoked"
    cert.revoked_reason = reason.strip()
    cert.revoked_at = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    ctx.session.flush()
    capture(
        ctx.session,
        cert,
        {"state": cert.state, "revoked_reason": cert.revoked_reason, "revoked_at": cert.revoked_at},
        user_id=ctx.user_id,
    )
    audit(ctx, "revoke", cert, {"state": ["issued", "revoked"]}, reason.strip()[:400])


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
) -> tuple[int, list[str]]:
    """Render issued certificates (exact copies of what was printed) and log each print.

    Files are written to a temporary name and moved into place at the end; the caller commits the
    transaction after that (so a failed commit can remove them). Returns (pages, files written).
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

    written: list[str] = []
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
                tmp = dest.with_name(dest.name + ".part")
                printer.render([page_for(engine, cert, cache)], tmp, title=title or name)
                os.replace(tmp, dest)
                written.append(str(dest))
                if progress and (i % 5 == 0 or i == total):
                    progress(i, total, "")
            pages = total
        else:
            assert out is not None
            out.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp_name = tempfile.mkstemp(prefix=".dipdesk-", suffix=".pdf", dir=str(out.parent))
            os.close(fd)
            try:
                pages = printer.render(
                    (page_for(engine, c, cache) for c in certs),
                    tmp_name,
                    title=title,
                    total=total,
                    progress=report,
                    should_stop=should_stop,
                )
                os.replace(tmp_name, out)
            finally:
                if os.path.exists(tmp_name):
                    os.unlink(tmp_name)
            written.append(str(out))
    except BaseException:
        for f in written:
            with contextlib.suppress(OSError):
                os.unlink(f)
        raise
    # the print log is itself the record of each print (it travels with sync); no audit entry per copy
    logged = [
        CertificatePrint(site_id=ctx.site.id, certificate_id=c.id, printed_by=ctx.user_id) for c in certs
    ]
    ctx.session.add_all(logged)
    ctx.session.flush()
    for entry in logged:
        capture(ctx.session, entry, {}, op="c", user_id=ctx.user_id)
    return pages, written


def context_for(session: Session, username: str | None = None) -> Context:
    """The acting user's context (a system job when ``username`` is None)."""
    ctx = system_context(session)
    if username:
        user = session.scalars(select(User).where(User.username == username, User.deleted.is_(False))).first()
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
    with session_factory(engine)() as session, session.begin():
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
        )
    return summary


def reprint(engine: Engine, serial: str, out: Path, *, username: str | None = None) -> Certificate:
    """Print one issued certificate again: an exact copy of what was first printed (logged)."""
    with session_factory(engine)() as session, session.begin():
        ctx = context_for(session, username)
        cert = find_certificate(session, serial)
        print_certificates(ctx, [cert], out, title=str((cert.printed_data or {}).get("name", "")))
        session.expunge(cert)
    return cert


# ----------------------------------------------------------------------------------------------------
# verification
# ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Verification:
    """The outcome of checking a QR code: ``ok`` only for a genuine, current certificate."""

    ok: bool
    code: str  # genuine | malformed | unknown_key | bad_signature | revoked | superseded | mismatch
    message_th: str
    message_en: str
    payload: signing.Payload | None = None
    site_name: str = ""
    known_here: bool = False  # the certificate is in this database

    def message(self, lang: str = "th") -> str:
        return self.message_th if lang == "th" else self.message_en

    @property
    def claims_verified(self) -> bool:
        """Whether the payload's serial, holder and activity are facts: the signature is good and the code
        matches what this database recorded (genuine, or a revoked or superseded copy of a real issue).
        Otherwise they are only what the code claims, and must be shown as such (or not at all)."""
        return self.payload is not None and self.code in ("genuine", "revoked", "superseded")


def verify(session: Session, text: str) -> Verification:
    """Check a scanned or pasted certificate code offline: signature by the issuing site's key, then,
    where this database knows the certificate, that it is neither revoked nor superseded."""
    try:
        payload, body, signature = signing.parse_qr_text(text)
    except signing.PayloadError as exc:
        return Verification(
            False,
            "malformed",
            f"ไม่ใช่รหัสวุฒิบัตรของ dipdesk หรือรหัสเสียหาย ({exc})",
            f"not a dipdesk certificate code, or a damaged one ({exc})",
        )
    site = session.scalars(select(Site).where(Site.code == payload.site_code)).first()
    site_name = site.name_th if site else payload.site_code
    if site is None or not site.public_key:
        return Verification(
            False,
            "unknown_key",
            f"ไม่รู้จักกุญแจของหน่วยงาน {payload.site_code} ในเครื่องนี้ (ซิงก์ข้อมูลอ้างอิงแล้วลองใหม่)",
            f"unknown key: this computer has no public key for site {payload.site_code} (sync and retry)",
            payload,
            site_name,
        )
    if not signing.signature_valid(site.public_key, body, signature):
        return Verification(
            False,
            "bad_signature",
            "ลายมือชื่อดิจิทัลไม่ถูกต้อง: ข้อมูลในรหัสถูกแก้ไข หรือไม่ได้ออกโดยหน่วยงานนี้",
            "bad signature: the code was altered, or it was not issued by this site",
            payload,
            site_name,
        )
    cert = session.scalars(select(Certificate).where(Certificate.serial == payload.serial)).first()
    who = f"{payload.serial} {payload.holder}"
    if cert is None:
        return Verification(
            True,
            "genuine",
            f"ของแท้: {who} – {payload.activity} ออกโดย{site_name} (เครื่องนี้ไม่มีบันทึกการออก จึงตรวจการเพิกถอนไม่ได้)",
            f"genuine: {who} – {payload.activity}, issued by {site_name} (not recorded on this computer, so "
            "revocation cannot be checked here)",
            payload,
            site_name,
        )
    data = cert.printed_data or {}
    current = int(data.get("revision", 1))
    if cert.state == "revoked":
        when = format_thai_date(cert.revoked_at.date()) if cert.revoked_at else ""
        return Verification(
            False,
            "revoked",
            f"ถูกเพิกถอนแล้ว{(' เมื่อ ' + when) if when else ''}: {cert.revoked_reason}",
            f"revoked{(' on ' + cert.revoked_at.date().isoformat()) if cert.revoked_at else ''}: {cert.revoked_reason}",
            payload,
            site_name,
            True,
        )
    if payload.revision < current:
        return Verification(
            False,
            "superseded",
            f"ฉบับนี้ถูกแทนที่แล้ว: ออกใหม่เป็นฉบับที่ {current} (ชื่อปัจจุบัน {data.get('name', '')})",
            f"superseded: re-issued as revision {current} (name now {data.get('name', '')})",
            payload,
            site_name,
            True,
        )
    if payload.holder != data.get("name") or payload.issued_on.isoformat() != data.get("issued_on"):
        return Verification(
            False,
            "mismatch",
            "ลายมือชื่อถูกต้องแต่ไม่ตรงกับบันทึกการออก: แจ้งหน่วยงานผู้ออก",
            "the signature is valid but the code does not match the issue record: tell the issuing site",
            payload,
            site_name,
            True,
        )
    return Verification(
        True,
        "genuine",
        f"ของแท้: {who} – {payload.activity} ออกโดย{site_name}",
        f"genuine: {who} – {payload.activity}, issued by {site_name}",
        payload,
        site_name,
        True,
    )


# ----------------------------------------------------------------------------------------------------
# read-only summaries for screens
# ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ActivityChoice:
    id: str
    code: str
    title: str
    start_date: dt.date
    enrolled: int
    issued: int


def activities_for_certificates(session: Session, search: str = "", limit: int = 300) -> list[ActivityChoice]:
    """Activities with enrollments, the most recent first (filtered by code or title)."""
    from dipdesk.store.enrollment import Enrollment

    enrolled = (
        select(Enrollment.activity_id, func.count().label("n"))
        .where(Enrollment.deleted.is_(False))
        .group_by(Enrollment.activity_id)
        .subquery()
    )
    issued = (
        select(Certificate.activity_id, func.count().label("n"))
        .where(Certificate.deleted.is_(False), Certificate.state == "issued")
        .group_by(Certificate.activity_id)
        .subquery()
    )
    q = (
        select(Activity.id, Activity.code, Activity.title_th, Activity.start_date, enrolled.c.n, issued.c.n)
        .join(enrolled, enrolled.c.activity_id == Activity.id)
        .outerjoin(issued, issued.c.activity_id == Activity.id)
        .where(Activity.deleted.is_(False))
        .order_by(Activity.start_date.desc(), Activity.code)
        .limit(limit)
    )
    if search.strip():
        like = f"%{search.strip()}%"
        q = q.where(Activity.code.like(like) | Activity.title_th.like(like))
    return [
        ActivityChoice(r[0], r[1], r[2], r[3], int(r[4] or 0), int(r[5] or 0)) for r in session.execute(q)
    ]
