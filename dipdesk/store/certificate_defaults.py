"""The two certificate templates every installation ships with: วุฒิบัตร (``completion``) and เกียรติบัตร
(``participation``).

They are reference data in the way provinces and sites are (`dipdesk.store.reference_data.seed_reference`
seeds them, on the desktop's first run, at enrolment and on the central server): fixed ids (UUID5 over the
reference namespace and the code), owned by headquarters (DIPROM), with a fixed ``created_at``, so every
device and the server hold the very same two rows before they ever sync and their digests agree.

They are never written to the sync outbox. Each seeded row gets the zero clock (`"*"` at the zero stamp of
`dipdesk.sync.hlc`, as the server gives the reference rows it logs), so the device's snapshot does not
pick it up as an unsent row, and a later edit by headquarters travels as an ordinary update of the fields
it changed. Another site that edits one gets its own copy (`dipdesk.services.certificates.save_template`).

The element layout is data for `dipdesk.printing.certificates` (this module only holds it; the store does
not import the printer): positions in mm on an A4 landscape page.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from dipdesk.paths import resource
from dipdesk.store.certificates import CertificateTemplate
from dipdesk.store.reference import Site
from dipdesk.store.reference_ids import reference_id
from dipdesk.store.sync import CLOCKS

OWNER_SITE = "DIPROM"  # headquarters owns the defaults; only HQ edits them in place
# `dipdesk.sync.hlc.zero()`: the clock of a value every replica starts with (the store may not import sync).
ZERO_DEVICE = "00000000-0000-0000-0000-000000000000"
ZERO_STAMP = f"{0:015d}-{0:05d}-{ZERO_DEVICE}"
# Fixed, so that the rows are identical everywhere (created_at is a synced field; the start of FY 2569).
SEEDED_AT = datetime(2025, 10, 1)

#: the text colour of each kind, matching its bundled background
INK: dict[str, str] = {"completion": "#1d2f6f", "participation": "#1e5b46"}

#: (code, kind, name_th, the line above the name, the line below it)
DEFAULT_TEMPLATES: tuple[tuple[str, str, str, str, str], ...] = (
    ("CERT-COMPLETION", "completion", "วุฒิบัตร", "ขอมอบวุฒิบัตรฉบับนี้ให้ไว้เพื่อแสดงว่า", "ได้ผ่านการอบรม"),
    ("CERT-PARTICIPATION", "participation", "เกียรติบัตร", "ขอมอบเกียรติบัตรฉบับนี้ให้ไว้เพื่อแสดงว่า", "ได้เข้าร่วม"),
)

#: the public page a phone opens from the QR code when no sync server is configured (the signed record
#: rides along as ?p=…, so dipdesk still verifies it offline); headquarters sets the real address
VERIFY_URL = "https://www.dip.go.th/verify"

QR_SIZE_MM = 28  # big enough for a phone to read the signed payload (version 9–10) from arm's length


def template_id(code: str) -> str:
    """The fixed id of a default template (the ids the demo has always given them, so demo databases agree)."""
    return reference_id("certificate_template", code)


def logo_hash() -> str:
    """Content hash of the neutral placeholder emblem (resources/images/certificate-logo.png); a site
    replaces it by uploading its own image into the template's ``logo`` element."""
    return hashlib.sha256(resource("images", "certificate-logo.png").read_bytes()).hexdigest()


def background_hash(kind: str) -> str:
    """Content hash of the bundled background for the kind (resources/images/certificate-<kind>.png)."""
    return hashlib.sha256(resource("images", f"certificate-{kind}.png").read_bytes()).hexdigest()


def default_elements(title: str, intro: str, verb: str, ink: str = INK["completion"]) -> list[dict[str, Any]]:
    """Positioned elements on an A4 landscape page (297 × 210 mm), as `dipdesk.printing.certificates`
    draws them: x is the anchor for `align`, y the vertical centre of the element's box (mm from the
    top); the name never wraps (it shrinks), the activity may take two lines. The QR code (top-left
    corner at x, y) sits right of the second signatory, clear of the border, its caption below it."""
    centre = 148.5
    # fmt: off
    return [
        {"type": "text", "key": "title", "text": title, "x_mm": centre, "y_mm": 37, "size": 40,
         "align": "center", "bold": True, "color": ink},
        {"type": "text", "key": "issuer", "text": "กรมส่งเสริมอุตสาหกรรม กระทรวงอุตสาหกรรม", "x_mm": centre,
         "y_mm": 52, "size": 20, "align": "center"},
        {"type": "text", "key": "intro", "text": intro, "x_mm": centre, "y_mm": 65, "size": 18,
         "align": "center"},
        {"type": "text", "key": "name", "text": "{name}", "x_mm": centre, "y_mm": 80, "size": 32,
         "align": "center", "bold": True, "max_width_mm": 220, "min_size": 20, "color": ink},
        {"type": "text", "key": "verb", "text": verb, "x_mm": centre, "y_mm": 95, "size": 18,
         "align": "center"},
        {"type": "text", "key": "activity", "text": "{activity}", "x_mm": centre, "y_mm": 109, "size": 22,
         "align": "center", "bold": True, "max_width_mm": 230, "max_height_mm": 19, "max_lines": 2,
         "min_size": 16},
        {"type": "text", "key": "date", "text": "{date_phrase}", "x_mm": centre, "y_mm": 124,
         "size": 17, "align": "center", "thai_digits": True},
        {"type": "text", "key": "hours", "text": "รวมระยะเวลา {hours} ชั่วโมง", "x_mm": centre, "y_mm": 133,
         "size": 17, "align": "center", "thai_digits": True},
        {"type": "text", "key": "issued", "text": "ให้ไว้ ณ วันที่ {issued_date}", "x_mm": centre,
         "y_mm": 142, "size": 17, "align": "center", "thai_digits": True},
        {"type": "signatory", "key": "signatory1", "name": "(นายวิรัตน์ ศรีพัฒนา)",
         "position": "อธิบดีกรมส่งเสริมอุตสาหกรรม", "signature_hash": "", "x_mm": 86, "y_mm": 166,
         "size": 15, "align": "center", "width_mm": 84},
        {"type": "signatory", "key": "signatory2", "name": "({director_name})",
         "position": "ผู้อำนวยการ{site_name}", "signature_hash": "", "x_mm": 196, "y_mm": 166,
         "size": 15, "align": "center", "width_mm": 84},
        {"type": "serial", "key": "serial", "text": "เลขที่ {serial}", "x_mm": 24, "y_mm": 187, "size": 11,
         "align": "left", "max_width_mm": 120},
        {"type": "qr", "key": "qr", "x_mm": 244, "y_mm": 122, "size_mm": QR_SIZE_MM,
         "caption": "สแกนเพื่อตรวจสอบ", "caption_size": 10, "verify_url": VERIFY_URL},
        # (last, so that element 0 stays the title, which editors and tools expect)
        {"type": "image", "key": "logo", "hash": logo_hash(), "x_mm": 22, "y_mm": 18, "w_mm": 24, "h_mm": 24},
    ]
    # fmt: on


def default_template_rows(owner_site_id: str) -> list[dict[str, Any]]:
    """The default templates as rows of `certificate_templates` (columns by name)."""
    return [
        {
            "id": template_id(code),
            "site_id": owner_site_id,
            "code": code,
            "name_th": name,
            "kind": kind,
            "page_size": "A4",
            "orientation": "landscape",
            "background_hash": background_hash(kind),
            "thai_digits": False,
            "elements": default_elements(name, intro, verb, INK[kind]),
            "version": 1,
            "created_at": SEEDED_AT,
            "updated_at": SEEDED_AT,
            "deleted": False,
        }
        for code, kind, name, intro, verb in DEFAULT_TEMPLATES
    ]


def seed_certificate_templates(session: Session) -> int:
    """Insert the default templates that are missing (by code and by id; safe to call again), each with
    the zero clock and no outbox row. Nothing happens before headquarters' site row exists. Returns the
    number of rows inserted."""
    owner = session.scalar(select(Site.id).where(Site.code == OWNER_SITE))
    if owner is None:
        return 0
    known_codes = set(session.scalars(select(CertificateTemplate.code)))
    known_ids = set(session.scalars(select(CertificateTemplate.id)))
    rows = [
        r for r in default_template_rows(owner) if r["code"] not in known_codes and r["id"] not in known_ids
    ]
    if not rows:
        return 0
    session.execute(insert(CertificateTemplate), rows)
    c = CLOCKS.c
    clocked = set(
        session.scalars(
            select(c.record_id).where(
                c.table_name == CertificateTemplate.__tablename__, c.record_id.in_([r["id"] for r in rows])
            )
        )
    )
    clocks = [
        {
            "table_name": CertificateTemplate.__tablename__,
            "record_id": r["id"],
            "field": "*",
            "hlc": ZERO_STAMP,
            "device_id": ZERO_DEVICE,
        }
        for r in rows
        if r["id"] not in clocked
    ]
    if clocks:
        session.execute(insert(CLOCKS), clocks)
    return len(rows)
