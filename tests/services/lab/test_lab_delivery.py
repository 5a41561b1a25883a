"""Issue 15, delivery: the published report's QR verifies offline, the report PDF is signed (PAdES) with
the site's key and pyHanko validates it, and the e-mail queue waits offline and sends to a real SMTP
server (aiosmtpd, started here) once one is there."""

from __future__ import annotations

import email
import io
import socket
from collections.abc import Iterator
from email.message import Message
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from dipdesk.services import lab
from dipdesk.services.errors import ServiceError
from dipdesk.services.lab import delivery
from dipdesk.services.lab import report_qr as rq
from dipdesk.store.lab import LabReport
from tests.services.lab.test_lab import Lab, _verified_sample


def _published(labs: Lab) -> LabReport:
    sample, _a = _verified_sample(labs)
    return lab.publish_report(labs.verifier, sample)


def test_the_report_carries_a_signed_qr_checked_offline(labs: Lab) -> None:
    report = _published(labs)
    content = lab.printable_content(labs.tech.session, report)
    code = content["qr"]
    assert code.startswith("DR1:")
    got = rq.read_code(labs.tech.session, code, content)
    assert got.valid and got.report_no == report.report_no and got.site_code == "IPC1"
    forged = dict(content, results=[dict(r, value_text="0.001") for r in content["results"]])
    assert rq.read_code(labs.tech.session, code, forged).reason == "the results differ from the ones signed"
    tampered = code[:-6] + ("AAAAAA" if not code.endswith("AAAAAA") else "BBBBBB")
    assert not rq.read_code(labs.tech.session, tampered).valid
    assert rq.read_code(labs.tech.session, "hello").reason == "not a dipdesk report code"


def test_the_signed_report_pdf_validates_with_pyhanko(labs: Lab) -> None:
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    report = _published(labs)
    pdf = delivery.signed_report_pdf(labs.verifier, report)
    assert pdf.startswith(b"%PDF")
    # pyHanko on its own, trusting the site's certificate
    cert = delivery.site_certificate(labs.verifier)
    from asn1crypto import x509 as asn1_x509
    from cryptography.hazmat.primitives import serialization

    root = asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))
    sig = PdfFileReader(io.BytesIO(pdf)).embedded_signatures[0]
    status = validate_pdf_signature(sig, ValidationContext(trust_roots=[root], allow_fetching=False))
    assert status.intact and status.valid and status.trusted
    assert status.coverage.name == "ENTIRE_FILE" and sig.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"
    check = delivery.verify_signed_pdf(labs.tech.session, pdf)
    assert check.intact and check.valid and check.site_code == "IPC1" and "IPC1" in check.signer
    # one changed byte in the signed range breaks it
    i = pdf.index(b"/Producer") if b"/Producer" in pdf else 200
    broken = pdf[:i] + bytes([pdf[i] ^ 1]) + pdf[i + 1 :]
    bad = delivery.verify_signed_pdf(labs.tech.session, broken)
    assert not (bad.intact and bad.valid)
    # the certificate is made once: a second signature uses the same one
    assert delivery.site_certificate(labs.verifier).serial_number == cert.serial_number
    with pytest.raises(ServiceError):
        delivery.verify_signed_pdf(labs.tech.session, delivery.report_pdf(labs.tech.session, report))


class _Inbox:
    def __init__(self) -> None:
        self.messages: list[Message] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append(email.message_from_bytes(envelope.original_content or envelope.content))
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def smtp_port() -> Iterator[int]:
    yield _free_port()


def test_email_waits_in_the_queue_offline_and_goes_to_the_smtp_server(
    labs: Lab, smtp_port: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    report = _published(labs)
    with pytest.raises(ServiceError):
        delivery.queue_email(labs.verifier, report, "not-an-address")
    with pytest.raises(ServiceError):
        delivery.queue_email(labs.tech, report, "somsri@example.co.th")  # a technician may not send reports
    row = delivery.queue_email(labs.verifier, report, "somsri@example.co.th", note="ขอบคุณที่ใช้บริการ")
    monkeypatch.setenv("DIPDESK_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("DIPDESK_SMTP_PORT", str(smtp_port))
    monkeypatch.setenv("DIPDESK_SMTP_TLS", "none")
    monkeypatch.setenv("DIPDESK_SMTP_FROM", "lab@ipc1.example")
    config = delivery.SmtpConfig.load()
    assert config is not None and config.port == smtp_port
    # offline: nothing listens on the port yet; the e-mail stays queued with the reason
    assert delivery.send_queued(labs.verifier, config) == (0, 1)
    assert row.state == "queued" and row.attempts == 1 and "connect" in row.last_error
    inbox = _Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=smtp_port)
    controller.start()
    try:
        assert delivery.send_queued(labs.verifier, config) == (1, 0)
    finally:
        controller.stop()
    assert row.state == "sent" and row.sent_at is not None and row.attempts == 2
    (msg,) = inbox.messages
    assert msg["To"] == "somsri@example.co.th" and report.report_no in str(
        email.header.make_header(email.header.decode_header(msg["Subject"]))
    )
    parts = [p for p in msg.walk() if p.get_content_type() == "application/pdf"]
    assert len(parts) == 1 and parts[0].get_filename() == f"{report.report_no}.pdf"
    pdf = parts[0].get_payload(decode=True)
    assert isinstance(pdf, bytes)
    assert delivery.verify_signed_pdf(labs.tech.session, pdf).valid
    text = next(p for p in msg.walk() if p.get_content_type() == "text/plain").get_payload(decode=True)
    assert isinstance(text, bytes) and "ขอบคุณที่ใช้บริการ" in text.decode("utf-8")
    assert delivery.send_queued(labs.verifier, config) == (0, 0)  # nothing twice
