"""Issuing: the class list and who is eligible, the values printed on a certificate, serial numbers
unique across sites and devices, issue / issue_many / issue_due, reissue and revoke.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from dipdesk.core.digits import to_arabic_digits
from dipdesk.core.eligibility import Attendance as AttendanceFacts
from dipdesk.core.eligibility import Eligibility, assess
from dipdesk.core.thaidate import THAI_MONTHS, be_year, fiscal_year, format_thai_date
from dipdesk.printing import certificates as printer
from dipdesk.services import numbering, signing
from dipdesk.services.certificates.common import (
    _LEAD_VOWEL,
    _TONE,
    DIRECTOR_KEY,
    SERIES,
)
from dipdesk.services.certificates.templates import template_layout
from dipdesk.services.context import Context, local_value
from dipdesk.services.enrollment import attendance_sheet, person_name
from dipdesk.services.errors import NotFound, ServiceError, ValidationError
from dipdesk.services.records import audit
from dipdesk.store.auth import User
from dipdesk.store.certificates import Certificate, CertificateTemplate, SerialCounter
from dipdesk.store.people import Person
from dipdesk.store.programs import Activity, Program
from dipdesk.store.reference import Province, Site
from dipdesk.sync.outbox import capture

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
    """Four Crockford base-32 characters from a device id (see ``dipdesk.services.numbering``)."""
    return numbering.tag_of(device_id)


def serial_prefix(session: Session, site: Site, fy: int) -> tuple[str, str]:
    """(serial prefix, counter series) for certificates issued on this computer in fiscal year ``fy``.
    Always per device: two laptops of one site printing offline never make the same serial (the device
    id is made now when nothing was written here yet)."""
    tag = numbering.device_tag(session)
    return f"{site.code}-{fy}-{tag}-", f"{SERIES}-{tag}"


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
