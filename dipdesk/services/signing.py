"""Signed certificate QR codes: the payload, its Ed25519 signature, and the site's signing key.

What a QR code carries (and nothing else, in particular no national ID, PDPA):
serial, the holder's name, the activity's title (cut at a word boundary past ``ACTIVITY_MAX`` characters, so
the code stays readable), the issue date, the certificate kind and revision, and
an Ed25519 signature by the issuing site's key over all of it. The site is the serial's first part
(``IPC1-2569-00042``), and its public key is reference data (``sites.public_key``) that travels with
sync, so any dipdesk can check a code offline; the central server's verification page can too.

Compact: a small binary record (Thai text in TIS-620, one byte a letter, where it fits; UTF-8 where it
does not), then

- ``DC1:`` + Base45 (RFC 9285, the encoding of the EU COVID certificates): every character is in the QR
  alphanumeric set, 5.5 bits a character, so a typical code is version 10 (57 × 57 modules); or
- ``https://server/verify/SERIAL?p=`` + base64url when a central server address is configured: phones
  open the page; dipdesk reads the ``p`` parameter and checks the signature offline all the same.

Keys: the private key never leaves the device except on purpose (``dipdesk certificates key --export``
to give a second computer of the same site the same key). It is kept in ``local_state`` (never synced,
part of the database file, so a backup keeps it), the public key in ``sites.public_key``.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, quote, urlsplit

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from dipdesk.core import base45
from dipdesk.core.base45 import b45encode as b45encode
from dipdesk.services.context import Context, local_value, set_local_value
from dipdesk.services.errors import ServiceError
from dipdesk.services.records import audit
from dipdesk.store.reference import Site
from dipdesk.sync.outbox import capture

PREFIX = base45.PREFIX
FORMAT_VERSION = 1
_DOMAIN = b"dipdesk-certificate\x00"  # signatures made for certificates are good for nothing else
_EPOCH = dt.date(2000, 1, 1)
_KINDS = ("completion", "participation")
_SIG_LEN = 64
_KEY_PREFIX = "certificate_signing_key:"  # + site code, in local_state: the private key (hex)
#: the activity's title in a code is cut to this many characters: every byte makes the code denser, and a
#: 23 mm code of a 230-character title has 0.27 mm modules that phones (and zbarimg at 100 dpi) cannot read
ACTIVITY_MAX = 120
B45 = base45.ALPHABET
ELLIPSIS = "..."  # not "…": it has no TIS-620 code, and the whole title would go to UTF-8 (3 bytes a letter)


class PayloadError(ValueError):
    """The text is not a dipdesk certificate code (or it is damaged)."""


# ----------------------------------------------------------------------------------------------------
# Base45 (RFC 9285): `dipdesk.core.base45`, with its errors as `PayloadError`
# ----------------------------------------------------------------------------------------------------


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


def activity_for_code(title: str, limit: int = ACTIVITY_MAX) -> str:
    """The activity's title as a code carries it: whole up to ``limit`` characters, else cut at the last
    Thai word boundary (or space) before it, with "...". The serial identifies the certificate; the title
    is there for the person checking it."""
    title = " ".join(title.split())
    if len(title) <= limit:
        return title
    from dipdesk.printing.thaitext import thai_word_breaks

    out = ""
    for piece in thai_word_breaks(title):
        if len(out) + len(piece) > limit - len(ELLIPSIS):
            break
        out += piece
    out = out.rstrip() or title[: limit - len(ELLIPSIS)]
    return out + ELLIPSIS


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


# ----------------------------------------------------------------------------------------------------
# the site's key
# ----------------------------------------------------------------------------------------------------


def _public_hex(key: Ed25519PrivateKey) -> str:
    raw = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return raw.hex()


def _private_hex(key: Ed25519PrivateKey) -> str:
    raw = key.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    return raw.hex()


def _load_private(hex_text: str) -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(bytes.fromhex(hex_text))


def signing_key(ctx: Context) -> Ed25519PrivateKey:
    """This site's private key, made on first use (its public key then goes to ``sites.public_key``).

    Refuses when the site already has a public key but this computer does not hold the private key
    (another computer of the site made it): import it instead of silently replacing it, which would
    make every certificate already issued unverifiable.
    """
    site = ctx.site
    stored = local_value(ctx.session, _KEY_PREFIX + site.code)
    if stored:
        key = _load_private(stored)
        if site.public_key and site.public_key != _public_hex(key):
            raise ServiceError(
                f"กุญแจลงนามในเครื่องนี้ไม่ตรงกับกุญแจสาธารณะของ {site.code} ที่บันทึกไว้ "
                "นำเข้ากุญแจที่ถูกต้องด้วยคำสั่ง dipdesk certificates key --import",
                f"this computer's signing key does not match the public key recorded for {site.code}; "
                "import the right key with `dipdesk certificates key --import`",
            )
        if not site.public_key:
            _publish(ctx, site, _public_hex(key))
        return key
    if site.public_key:
        raise ServiceError(
            f"กุญแจลงนามวุฒิบัตรของ {site.code} อยู่ในเครื่องอื่น ส่งออกจากเครื่องนั้นด้วย "
            "dipdesk certificates key --export แล้วนำเข้าที่นี่ด้วย --import",
            f"the certificate signing key of {site.code} is on another computer: export it there with "
            "`dipdesk certificates key --export FILE` and import it here with `--import FILE`",
        )
    key = Ed25519PrivateKey.generate()
    set_local_value(ctx.session, _KEY_PREFIX + site.code, _private_hex(key))
    _publish(ctx, site, _public_hex(key))
    return key


def _publish(ctx: Context, site: Site, public_hex: str) -> None:
    old = site.public_key
    site.public_key = public_hex
    ctx.session.flush()
    # reference data, owned by headquarters: the server decides whether a site may publish its own key
    capture(ctx.session, site, {"public_key": public_hex}, user_id=ctx.user_id)
    audit(ctx, "update", site, {"public_key": [old or None, public_hex]}, "certificate signing key")


def public_key_of(session: Session, site_code: str) -> str:
    """The public key (hex) recorded for a site, or "" if the site or its key is unknown here."""
    key = session.scalars(select(Site.public_key).where(Site.code == site_code)).first()
    return key or ""


def export_key(ctx: Context, path: Path) -> None:
    """Write this site's key pair to ``path`` (keep it safe: it can sign certificates)."""
    key = signing_key(ctx)
    data = {"site": ctx.site.code, "private_key": _private_hex(key), "public_key": _public_hex(key)}
    path.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    with contextlib.suppress(OSError):
        path.chmod(0o600)


def import_key(ctx: Context, path: Path) -> str:
    """Take this site's key from a file exported on another computer of the same site; returns the
    public key. Refuses a key of another site or one that does not match the recorded public key."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        key = _load_private(str(data["private_key"]))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ServiceError(f"อ่านไฟล์กุญแจไม่ได้: {exc}", f"cannot read the key file: {exc}") from exc
    site = ctx.site
    if data.get("site") != site.code:
        raise ServiceError(
            f"ไฟล์นี้เป็นกุญแจของ {data.get('site')} ไม่ใช่ {site.code}",
            f"this file holds the key of {data.get('site')}, not {site.code}",
        )
    public = _public_hex(key)
    if site.public_key and site.public_key != public:
        raise ServiceError(
            "กุญแจในไฟล์ไม่ตรงกับกุญแจสาธารณะของหน่วยงานที่บันทึกไว้",
            "the key in the file does not match the site's recorded public key",
        )
    set_local_value(ctx.session, _KEY_PREFIX + site.code, _private_hex(key))
    if not site.public_key:
        _publish(ctx, site, public)
    return public
