"""The QR code on a published test report, verifiable offline like the certificates' codes.

``DR1:`` + Base45 of a small JSON record and its Ed25519 signature by the issuing site's key (the same
key as the certificates', ``dipdesk.services.signing``, under its own signing domain, so a certificate
signature is good for nothing here and the other way round). The record carries the report number,
the lab number, the date of issue and a digest of the results as published, so a reader holding the
printed report can tell the code belongs to these very results. The site is the report number's
second part (``RPT2569-IPC1-K7Q2-00012``); its public key is reference data every dipdesk holds.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from dipdesk.services import signing
from dipdesk.services.context import Context
from dipdesk.store.reference import Site

PREFIX = "DR1:"
_DOMAIN = b"dipdesk-lab-report\x00"
_SIG_LEN = 64


@dataclass(frozen=True)
class ReportCode:
    report_no: str
    lab_no: str
    issued_on: str
    digest: str
    site_code: str
    valid: bool
    reason: str = ""


def results_digest(content: dict[str, Any]) -> str:
    """A short digest of the published results (test, value as typed, flag, unit), in report order."""
    rows = [
        [r.get("code"), r.get("value_text"), r.get("limit_flag"), r.get("unit")]
        for r in content.get("results") or []
    ]
    raw = json.dumps(rows, ensure_ascii=False, separators=(",", ":")).encode()
    return hashlib.sha256(raw).hexdigest()[:16]


def make_code(ctx: Context, content: dict[str, Any]) -> str:
    """The signed QR text of a report's content (needs this site's signing key on this computer)."""
    record = {
        "r": content.get("report_no", ""),
        "l": content.get("lab_no", ""),
        "d": content.get("issued_on") or "",
        "h": results_digest(content),
    }
    body = json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode()
    key = signing.signing_key(ctx)
    return PREFIX + signing.b45encode(body + key.sign(_DOMAIN + body))


def site_of(report_no: str) -> str:
    parts = report_no.split("-")
    return parts[1] if len(parts) >= 3 else ""


def read_code(session: Session, text: str, content: dict[str, Any] | None = None) -> ReportCode:
    """Check a scanned code offline against the site's public key (and, given the printed report's
    content, that the results are the ones signed)."""
    text = text.strip()
    if not text.upper().startswith(PREFIX):
        return ReportCode("", "", "", "", "", False, "not a dipdesk report code")
    try:
        record = signing.b45decode(text[len(PREFIX) :])
    except (ValueError, signing.PayloadError):
        return ReportCode("", "", "", "", "", False, "damaged code")
    if len(record) <= _SIG_LEN:
        return ReportCode("", "", "", "", "", False, "truncated")
    body, signature = record[:-_SIG_LEN], record[-_SIG_LEN:]
    try:
        data = json.loads(body)
    except ValueError:
        return ReportCode("", "", "", "", "", False, "damaged code")
    code = site_of(str(data.get("r", "")))
    out = ReportCode(str(data.get("r", "")), str(data.get("l", "")), str(data.get("d", "")), str(data.get("h", "")),
                     code, False)  # fmt: skip
    site = session.scalars(select(Site).where(Site.code == code)).first()
    if site is None or not site.public_key:
        return _with(out, "the issuing site's public key is not known")
    try:
        Ed25519PublicKey.from_public_bytes(bytes.fromhex(site.public_key)).verify(signature, _DOMAIN + body)
    except (InvalidSignature, ValueError):
        return _with(out, "the signature does not match")
    if content is not None and results_digest(content) != out.digest:
        return _with(out, "the results differ from the ones signed")
    return ReportCode(out.report_no, out.lab_no, out.issued_on, out.digest, code, True)


def _with(code: ReportCode, reason: str) -> ReportCode:
    return ReportCode(code.report_no, code.lab_no, code.issued_on, code.digest, code.site_code, False, reason)
