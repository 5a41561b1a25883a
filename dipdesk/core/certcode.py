"""The signed record inside a certificate's QR code: packing, parsing and checking it (issue 17 moved it
down from ``dipdesk.services.signing`` so the central server's verification page checks the same bytes
the desktop does). Base45 comes from :mod:`dipdesk.core.base45`.
"""

from __future__ import annotations

import base64
import datetime as dt
import re
from dataclasses import dataclass
from urllib.parse import parse_qs, quote, urlsplit

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from dipdesk.core import base45

PREFIX = base45.PREFIX
FORMAT_VERSION = 1
_DOMAIN = b"dipdesk-certificate\x00"  # signatures made for certificates are good for nothing else
_EPOCH = dt.date(2000, 1, 1)
_KINDS = ("completion", "participation")
_SIG_LEN = 64


class PayloadError(ValueError):
    """The text is not a dipdesk certificate code (or it is damaged)."""


def b45encode(data: bytes) -> str:
    return base45.b45encode(data)


def b45decode(text: str) -> bytes:
    try:
        return base45.b45decode(text)
    except ValueError as exc:
        raise PayloadError(str(exc)) from None


# ----------------------------------------------------------------------------------------------------
# the payload
# ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Payload:
    """What a certificate's QR code says."""

    serial: str
    holder: str
    activity: str
    issued_on: dt.date
    kind: str = "completion"
    revision: int = 1

    @property
    def site_code(self) -> str:
        return self.serial.split("-", 1)[0]


def _text_bytes(text: str) -> tuple[bytes, bool]:
    """Thai in TIS-620 (one byte a character) when every character has a code there, else UTF-8."""
    try:
        return text.encode("tis_620"), True
    except UnicodeEncodeError:
        return text.encode("utf-8"), False


def _varint(n: int) -> bytes:
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        out.append(byte | (0x80 if n else 0))
        if not n:
            return bytes(out)


def _read_varint(data: bytes, pos: int) -> tuple[int, int]:
    n = shift = 0
    while True:
        if pos >= len(data) or shift > 28:
            raise PayloadError("truncated")
        byte = data[pos]
        pos += 1
        n |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            return n, pos


def pack(p: Payload) -> bytes:
    """The signed part: version, flags, serial, day, revision, name, activity."""
    if p.kind not in _KINDS:
        raise ValueError(f"unknown certificate kind {p.kind!r}")
    name, name_tis = _text_bytes(p.holder)
    activity, activity_tis = _text_bytes(p.activity)
    serial = p.serial.encode("ascii")
    flags = (1 if name_tis else 0) | (2 if activity_tis else 0) | (4 if p.kind == "participation" else 0)
    day = (p.issued_on - _EPOCH).days
    if not 0 <= day < 1 << 16:
        raise ValueError("issue date out of range")
    return b"".join(
        (
            bytes((FORMAT_VERSION, flags)),
            _varint(len(serial)),
            serial,
            day.to_bytes(2, "big"),
            _varint(p.revision),
            _varint(len(name)),
            name,
            _varint(len(activity)),
            activity,
        )
    )


def unpack(body: bytes) -> Payload:
    if len(body) < 2:
        raise PayloadError("truncated")
    if body[0] != FORMAT_VERSION:
        raise PayloadError(f"unknown format version {body[0]}")
    flags = body[1]
    pos = 2
    n, pos = _read_varint(body, pos)
    serial_b = body[pos : pos + n]
    pos += n
    if pos + 2 > len(body):
        raise PayloadError("truncated")
    day = int.from_bytes(body[pos : pos + 2], "big")
    pos += 2
    revision, pos = _read_varint(body, pos)
    n, pos = _read_varint(body, pos)
    name_b = body[pos : pos + n]
    pos += n
    n, pos = _read_varint(body, pos)
    activity_b = body[pos : pos + n]
    pos += n
    if pos != len(body) or len(activity_b) != n:
        raise PayloadError("truncated or trailing bytes")
    try:
        serial = serial_b.decode("ascii")
        holder = name_b.decode("tis_620" if flags & 1 else "utf-8")
        activity = activity_b.decode("tis_620" if flags & 2 else "utf-8")
    except UnicodeDecodeError as exc:
        raise PayloadError(f"damaged text: {exc.reason}") from None
    kind = "participation" if flags & 4 else "completion"
    return Payload(serial, holder, activity, _EPOCH + dt.timedelta(days=day), kind, revision)


def signed_message(body: bytes) -> bytes:
    return _DOMAIN + body


def make_qr_text(p: Payload, key: Ed25519PrivateKey, server_url: str = "") -> tuple[str, str]:
    """(the QR text, the signature as base64url). With ``server_url``, a verification URL."""
    body = pack(p)
    signature = key.sign(signed_message(body))
    record = body + signature
    sig_text = base64.urlsafe_b64encode(signature).decode().rstrip("=")
    if server_url:
        token = base64.urlsafe_b64encode(record).decode().rstrip("=")
        base = server_url.rstrip("/")
        return f"{base}/verify/{quote(p.serial)}?p={token}", sig_text
    return PREFIX + b45encode(record), sig_text


def parse_qr_text(text: str) -> tuple[Payload, bytes, bytes]:
    """(payload, signed body, signature) from a scanned or pasted code; raises PayloadError."""
    text = text.strip()
    if text.upper().startswith(PREFIX):
        record = b45decode(text[len(PREFIX) :])
    elif re.match(r"(?i)^https?://", text):
        try:
            params = parse_qs(urlsplit(text).query)
        except ValueError:  # e.g. an unclosed IPv6 bracket in a hand-typed address
            raise PayloadError("not a valid address") from None
        token = (params.get("p") or [""])[0]
        if not token:
            raise PayloadError("the address has no certificate data (p=…)")
        try:
            record = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        except (ValueError, TypeError):
            raise PayloadError("damaged certificate data in the address") from None
    else:
        raise PayloadError("not a dipdesk certificate code")
    if len(record) <= _SIG_LEN:
        raise PayloadError("truncated")
    body, signature = record[:-_SIG_LEN], record[-_SIG_LEN:]
    return unpack(body), body, signature


def signature_valid(public_key_hex: str, body: bytes, signature: bytes) -> bool:
    try:
        key = Ed25519PublicKey.from_public_bytes(bytes.fromhex(public_key_hex))
        key.verify(signature, signed_message(body))
    except (InvalidSignature, ValueError):
        return False
    return True
