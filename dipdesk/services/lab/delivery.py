"""Delivering a published test report: as a PDF signed with the site's key (PAdES, so any PDF reader
shows who signed it and that it has not changed since), and by e-mail through a queue kept on this
computer, sent when a connection is there.

Signing: the site's Ed25519 key (the certificates' and report QR's key, ``dipdesk.services.signing``)
gets a self-signed X.509 certificate naming the lab and the site, made once per computer and kept in
``local_state``; pyHanko writes a PAdES B-B signature (``ETSI.CAdES.detached``) over the whole PDF. A
reader trusts it by the site's public key, which every dipdesk holds as reference data:
:func:`verify_signed_pdf`.

E-mail: SMTP, configured in the settings (``smtp_host`` …) or the environment (``DIPDESK_SMTP_HOST``,
``_PORT``, ``_USER``, ``_PASSWORD``, ``_FROM``, ``_TLS`` = ``starttls`` | ``ssl`` | ``none``); the
password only from the environment. A message that cannot be sent now (offline, server down) stays
queued and is tried again; one the server refuses for good (5xx) is marked ``failed`` with the reason.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
import re
import smtplib
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formataddr, make_msgid
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.x509.oid import NameOID
from sqlalchemy import select
from sqlalchemy.orm import Session

from dipdesk.services import records, signing
from dipdesk.services.context import Context, local_value, set_local_value
from dipdesk.services.errors import ServiceError
from dipdesk.services.lab.common import _need_user, _verr, lab_settings
from dipdesk.services.lab.reports import printable_content
from dipdesk.store.base import utcnow
from dipdesk.store.lab import LabReport, LabRequest, LabSample
from dipdesk.store.lab_qc import LabDelivery
from dipdesk.store.reference import Site

_CERT_PREFIX = "lab_report_certificate:"  # + site code, in local_state: the PEM of the signing certificate
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


# ----------------------------------------------------------------------------------------------------
# the signed PDF
# ----------------------------------------------------------------------------------------------------


def site_certificate(ctx: Context) -> x509.Certificate:
    """The self-signed certificate of this site's signing key (made once, kept on this computer)."""
    key = signing.signing_key(ctx)
    stored = local_value(ctx.session, _CERT_PREFIX + ctx.site.code)
    public = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    if stored:
        cert = x509.load_pem_x509_certificate(stored.encode())
        have = cert.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        if have == public:
            return cert
    settings = lab_settings(ctx)
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "TH"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Department of Industrial Promotion"),
            x509.NameAttribute(
                NameOID.ORGANIZATIONAL_UNIT_NAME, (settings.lab_name_th or ctx.site.name_th)[:64]
            ),
            x509.NameAttribute(NameOID.COMMON_NAME, f"dipdesk lab reports {ctx.site.code}"),
        ]
    )
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .sign(key, None)
    )
    set_local_value(
        ctx.session, _CERT_PREFIX + ctx.site.code, cert.public_bytes(serialization.Encoding.PEM).decode()
    )
    return cert


def sign_pdf(ctx: Context, pdf: bytes, *, reason: str, location: str = "") -> bytes:
    """A PAdES (B-B) signature over ``pdf`` by this site's key."""
    from asn1crypto import keys as asn1_keys
    from asn1crypto import x509 as asn1_x509
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    key = signing.signing_key(ctx)
    cert = site_certificate(ctx)
    signer = signers.SimpleSigner(
        signing_cert=asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER)),
        signing_key=asn1_keys.PrivateKeyInfo.load(
            key.private_bytes(
                serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            )
        ),
        cert_registry=SimpleCertificateStore(),
    )
    meta = signers.PdfSignatureMetadata(
        field_name="LabReportSignature",
        md_algorithm="sha512",  # Ed25519 in CMS signs a SHA-512 digest (RFC 8419)
        subfilter=fields.SigSeedSubFilter.PADES,
        reason=reason,
        location=location,
    )
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    out = signers.sign_pdf(writer, meta, signer=signer)
    return out.getvalue()


def report_pdf(session: Session, report: LabReport) -> bytes:
    from dipdesk.printing.lab_forms import render_report

    buf = io.BytesIO()
    render_report(printable_content(session, report), buf)
    return buf.getvalue()


def signed_report_pdf(ctx: Context, report: LabReport) -> bytes:
    """The published report as a signed PDF (replaced reports too: they print marked as replaced)."""
    if report.state not in ("published", "replaced"):
        raise ServiceError("ลงนามได้เฉพาะรายงานที่ออกแล้ว", "only a published report can be signed")
    settings = lab_settings(ctx)
    return sign_pdf(
        ctx,
        report_pdf(ctx.session, report),
        reason=f"ใบรายงานผลการทดสอบ {report.report_no}",
        location=(settings.lab_name_th or ctx.site.name_th)[:120],
    )


@dataclass(frozen=True)
class SignatureCheck:
    intact: bool  # the document has not changed since it was signed
    valid: bool  # the signature is mathematically good
    site_code: str  # the site whose key signed it ("" when no site's key matches)
    signer: str  # the certificate's common name
    signed_at: dt.datetime | None


def verify_signed_pdf(session: Session, pdf: bytes) -> SignatureCheck:
    """Check a signed report offline: pyHanko validates the signature (the signer's own certificate as
    the trust root), and the signing key must be a site's public key from the reference data."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    reader = PdfFileReader(io.BytesIO(pdf))
    if not reader.embedded_signatures:
        raise ServiceError("เอกสารนี้ไม่มีลายมือชื่อดิจิทัล", "the document is not signed")
    sig = reader.embedded_signatures[0]
    cert = sig.signer_cert
    status = validate_pdf_signature(sig, ValidationContext(trust_roots=[cert], allow_fetching=False))
    public_hex = bytes(cert.public_key["public_key"]).hex()
    site = session.scalars(select(Site).where(Site.public_key == public_hex)).first()
    return SignatureCheck(
        intact=bool(status.intact) and status.coverage is not None and status.coverage.name == "ENTIRE_FILE",
        valid=bool(status.valid),
        site_code=site.code if site else "",
        signer=str(cert.subject.native.get("common_name", "")),
        signed_at=status.signer_reported_dt,
    )


# ----------------------------------------------------------------------------------------------------
# e-mail
# ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SmtpConfig:
    host: str
    port: int = 587
    user: str = ""
    password: str = ""
    sender: str = ""
    tls: str = "starttls"  # starttls | ssl | none
    timeout: float = 20.0

    @classmethod
    def load(cls, settings: Any = None) -> SmtpConfig | None:
        """From the environment (``DIPDESK_SMTP_*``) over the settings; None when no server is set."""

        def pick(name: str) -> str:
            return os.environ.get(f"DIPDESK_SMTP_{name.upper()}") or str(
                getattr(settings, f"smtp_{name}", "") or ""
            )

        host = pick("host")
        if not host:
            return None
        tls = (pick("tls") or "starttls").lower()
        port = pick("port")
        return cls(
            host=host,
            port=int(port) if port not in ("", "0") else {"ssl": 465, "none": 25}.get(tls, 587),
            user=pick("user"),
            password=os.environ.get("DIPDESK_SMTP_PASSWORD", ""),
            sender=pick("from"),
            tls=tls,
        )


def queue_email(ctx: Context, report: LabReport, to: str, *, note: str = "") -> LabDelivery:
    """Put the e-mail of a published report to ``to`` in this computer's queue (audited on the report)."""
    ctx.require("lab.publish")
    user_id = _need_user(ctx, "การส่งรายงานทางอีเมล", "E-mailing a report")
    to = to.strip()
    if not _EMAIL.match(to):
        raise _verr("to", f"ที่อยู่อีเมลไม่ถูกต้อง: {to}", f"not an e-mail address: {to}")
    if report.state != "published":
        raise ServiceError("ส่งได้เฉพาะรายงานฉบับที่มีผลใช้อยู่", "only the report in force can be sent")
    sample = ctx.session.get(LabSample, report.sample_id)
    request = ctx.session.get(LabRequest, sample.request_id) if sample else None
    subject = f"ใบรายงานผลการทดสอบ {report.report_no} ({sample.lab_no if sample else ''})"
    body = (
        f"เรียน {request.contact_name or request.customer_name if request else ''}\n\n"
        f"ห้องปฏิบัติการขอส่งใบรายงานผลการทดสอบเลขที่ {report.report_no} ของตัวอย่าง "
        f"{sample.description if sample else ''} ตามไฟล์แนบ ซึ่งลงลายมือชื่อดิจิทัลของหน่วยงาน "
        "ตรวจสอบความถูกต้องได้จากโปรแกรมอ่าน PDF หรือสแกนคิวอาร์โค้ดบนรายงาน\n"
        + (f"\n{note.strip()}\n" if note.strip() else "")
        + f"\n{lab_settings(ctx).lab_name_th}\n"
    )
    row = LabDelivery(report_id=report.id, to_address=to, subject=subject, body=body, queued_by=user_id)
    ctx.session.add(row)
    ctx.session.flush()
    records.audit(ctx, "deliver", report, {"email": [None, to]}, note.strip())
    return row


def deliveries(session: Session, report_id: str | None = None) -> list[LabDelivery]:
    q = select(LabDelivery).order_by(LabDelivery.queued_at.desc())
    if report_id:
        q = q.where(LabDelivery.report_id == report_id)
    return list(session.scalars(q))


def send_queued(ctx: Context, config: SmtpConfig | None, limit: int = 50) -> tuple[int, int]:
    """Send what is queued; returns (sent, still queued or failed). Without a server nothing is tried."""
    rows = list(
        ctx.session.scalars(
            select(LabDelivery)
            .where(LabDelivery.state == "queued")
            .order_by(LabDelivery.queued_at)
            .limit(limit)
        )
    )
    if config is None or not rows:
        return 0, len(rows)
    sent = 0
    try:
        smtp = _connect(config)
    except (OSError, smtplib.SMTPException) as exc:
        for row in rows:
            row.attempts += 1
            row.last_error = f"connect: {exc}"[:400]
        ctx.session.flush()
        return 0, len(rows)
    try:
        for row in rows:
            report = ctx.session.get(LabReport, row.report_id)
            if report is None:
                continue
            row.attempts += 1
            try:
                smtp.send_message(_message(ctx, config, row, report))
            except smtplib.SMTPResponseException as exc:
                row.last_error = f"{exc.smtp_code} {exc.smtp_error!r}"[:400]
                if exc.smtp_code >= 500:
                    row.state = "failed"
                continue
            except smtplib.SMTPRecipientsRefused as exc:
                row.last_error = str(exc.recipients)[:400]
                row.state = "failed"
                continue
            row.state, row.sent_at, row.last_error = "sent", utcnow(), ""
            sent += 1
    finally:
        with contextlib.suppress(OSError, smtplib.SMTPException):
            smtp.quit()
    ctx.session.flush()
    return sent, len(rows) - sent


def _connect(config: SmtpConfig) -> smtplib.SMTP:
    smtp: smtplib.SMTP
    if config.tls == "ssl":
        smtp = smtplib.SMTP_SSL(config.host, config.port, timeout=config.timeout)
    else:
        smtp = smtplib.SMTP(config.host, config.port, timeout=config.timeout)
        if config.tls == "starttls":
            smtp.starttls()
    if config.user:
        smtp.login(config.user, config.password)
    return smtp


def _message(ctx: Context, config: SmtpConfig, row: LabDelivery, report: LabReport) -> EmailMessage:
    settings = lab_settings(ctx)
    msg = EmailMessage()
    msg["From"] = formataddr((settings.lab_name_th, config.sender or config.user or f"lab@{config.host}"))
    msg["To"] = row.to_address
    msg["Subject"] = row.subject
    msg["Message-ID"] = make_msgid(domain=config.host)
    msg.set_content(row.body)
    msg.add_attachment(
        signed_report_pdf(ctx, report),
        maintype="application",
        subtype="pdf",
        filename=f"{report.report_no}.pdf",
    )
    return msg
