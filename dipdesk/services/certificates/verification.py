"""Verification of a scanned certificate QR code (offline, signed), and the read-only summaries the
certificate screens list.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dipdesk.core.thaidate import format_thai_date
from dipdesk.services import signing
from dipdesk.services.search import check_search_text
from dipdesk.store.certificates import Certificate
from dipdesk.store.programs import Activity
from dipdesk.store.reference import Site

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
    check_search_text(search)
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
