"""The Thai national ID smart card (บัตรประชาชนแบบ Smart Card): its APDUs and how to read its fields.

The card carries the Ministry of Interior (MOI) applet. After `SELECT A0 00 00 00 54 48 00 01`, each field
is read from a fixed offset of the applet's file with `80 B0 <offset hi> <offset lo> 02 00 <length>`; the
card answers `61 xx` and the bytes come back with `GET RESPONSE` (`00 C0 00 00 xx`, or `00 C0 00 01 xx` for
cards whose ATR starts `3B 67`). Text is TIS-620, padded with spaces; names are `prefix#first#middle#last`;
the address is `house#moo#soi#…#tambon#amphoe#province` with empty parts; dates are `YYYYMMDD` in the
Buddhist era; gender is `1` (male) or `2` (female). The photo is a JPEG in twenty 255-byte parts.

Pure Python: `read_card` takes a `transmit(apdu) -> (data, sw1, sw2)` callable, so the PC/SC side
(`dipdesk.services.idcard`, pyscard) and the tests' virtual card share the same reading code.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from dipdesk.core.thaiid import IdError, validate_id

APPLET = bytes.fromhex("A000000054480001")
SELECT_APPLET = bytes.fromhex("00A4040008") + APPLET

# field: (offset, length) in the applet's file
CID = (0x0004, 0x0D)
NAME_TH = (0x0011, 0x64)
NAME_EN = (0x0075, 0x64)
BIRTH_DATE = (0x00D9, 0x08)
GENDER = (0x00E1, 0x01)
ISSUER = (0x00F6, 0x64)
ISSUE_DATE = (0x0167, 0x08)
EXPIRY_DATE = (0x016F, 0x08)
PHOTO = (0x017B, 0xFF)  # the first of PHOTO_PARTS parts, each PHOTO[1] bytes long, back to back
PHOTO_PARTS = 20
ADDRESS = (0x1579, 0xA0)  # 160 bytes: readers that ask for 0x64 cut long addresses short
FILE_SIZE = ADDRESS[0] + ADDRESS[1]

Transmit = Callable[[list[int]], tuple[list[int], int, int]]


class CardError(Exception):
    """The card did not answer as a Thai ID card does; `message_th` is for the status line."""

    def __init__(self, message_th: str, message_en: str) -> None:
        super().__init__(message_en)
        self.message_th = message_th
        self.message_en = message_en


def read_apdu(offset: int, length: int) -> list[int]:
    """`80 B0 <offset> 02 00 <length>`: read `length` bytes at `offset` of the MOI applet's file."""
    return [0x80, 0xB0, offset >> 8 & 0xFF, offset & 0xFF, 0x02, 0x00, length]


def get_response_apdu(atr: Sequence[int], length: int) -> list[int]:
    """GET RESPONSE; older cards (ATR `3B 67 …`) want P2 = 01."""
    p2 = 0x01 if len(atr) >= 2 and atr[0] == 0x3B and atr[1] == 0x67 else 0x00
    return [0x00, 0xC0, 0x00, p2, length]


def decode_text(raw: bytes) -> str:
    """TIS-620 bytes to text, the padding (spaces, NULs, 0xFF) trimmed."""
    raw = raw.rstrip(b"\x00\xff ").lstrip(b"\x00")
    return raw.decode("tis-620", errors="replace").strip()


def encode_text(text: str, length: int) -> bytes:
    """Text as the card stores it: TIS-620, padded with spaces to `length` (the tests' cards use it)."""
    raw = text.encode("tis-620")
    if len(raw) > length:
        raise ValueError(f"{text!r} is longer than {length} bytes")
    return raw.ljust(length, b" ")


@dataclass(frozen=True)
class CardName:
    prefix: str
    first: str
    middle: str
    last: str


def parse_name(text: str) -> CardName:
    """`นาย#สมชาย##ใจดี` (prefix#first#middle#last); missing parts are empty."""
    parts = [" ".join(p.split()) for p in text.split("#")]
    parts += [""] * (4 - len(parts))
    if len(parts) > 4:  # a '#' inside the last name: keep it whole
        parts = [*parts[:3], "#".join(parts[3:])]
    return CardName(*parts)


def parse_be_date(text: str) -> dt.date | None:
    """`25230415` → 15 April 1980. Cards of people whose birthday is unknown carry `00` for the day
    and/or month: the first of the month / of the year is taken. Unreadable: None."""
    digits = text.strip()
    if len(digits) != 8 or not digits.isdigit():
        return None
    year, month, day = int(digits[:4]) - 543, int(digits[4:6]) or 1, int(digits[6:]) or 1
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_gender(text: str) -> str:
    """`1` → "M", `2` → "F", anything else → "" (the card's code, as the people table keeps it)."""
    return {"1": "M", "2": "F"}.get(text.strip(), "")


def parse_address(text: str) -> str:
    """`99/1#หมู่ที่ 4####ตำบลบ้านใหม่#อำเภอเมือง#จังหวัดเชียงใหม่` → one line, empty parts dropped."""
    return " ".join(" ".join(p.split()) for p in text.split("#") if p.strip())


def address_province(text: str) -> str:
    """The province named in the card's address (`จังหวัดเชียงใหม่` → `เชียงใหม่`; Bangkok is written
    `กรุงเทพมหานคร`), or ""."""
    for part in reversed([" ".join(p.split()) for p in text.split("#") if p.strip()]):
        if part.startswith("จังหวัด"):
            return part[len("จังหวัด") :].strip()
        if part.startswith("กรุงเทพ"):
            return "กรุงเทพมหานคร"
    return ""


@dataclass(frozen=True)
class CardData:
    """What a Thai ID card says about its holder. The photo is kept only in memory unless the person
    consents to it being stored (PDPA); `person_fields` never includes it."""

    national_id: str
    name_th: CardName
    name_en: CardName
    birth_date: dt.date | None
    gender: str
    address: str
    province: str
    issuer: str
    issued_on: dt.date | None
    expires_on: dt.date | None
    photo: bytes = b""

    def person_fields(self) -> dict[str, object]:
        """The fields of a `Person` the card fills in (Thai first name from the English one when the
        card has no Thai name is not guessed: a missing part stays empty)."""
        first_th = " ".join(x for x in (self.name_th.first, self.name_th.middle) if x)
        first_en = " ".join(x for x in (self.name_en.first, self.name_en.middle) if x)
        fields: dict[str, object] = {
            "national_id": self.national_id,
            "prefix": self.name_th.prefix,
            "first_name_th": first_th,
            "last_name_th": self.name_th.last,
            "first_name_en": first_en,
            "last_name_en": self.name_en.last,
            "gender": self.gender,
            "address": self.address[:400],
        }
        if self.birth_date is not None:
            fields["birth_date"] = self.birth_date
        return fields


def _read(transmit: Transmit, atr: Sequence[int], offset: int, length: int) -> bytes:
    data, sw1, sw2 = transmit(read_apdu(offset, length))
    if sw1 == 0x61:
        data, sw1, sw2 = transmit(get_response_apdu(atr, sw2))
    elif sw1 == 0x6C:  # wrong length: the card says how many bytes it has
        data, sw1, sw2 = transmit(read_apdu(offset, sw2))
    if (sw1, sw2) != (0x90, 0x00):
        raise CardError(
            f"อ่านข้อมูลจากบัตรไม่สำเร็จ (รหัส {sw1:02X}{sw2:02X})",
            f"The card refused a read (status {sw1:02X}{sw2:02X})",
        )
    return bytes(data)


def read_card(transmit: Transmit, atr: Sequence[int], *, photo: bool = False) -> CardData:
    """Select the MOI applet and read the holder's fields; the photo only when asked for."""
    _data, sw1, sw2 = transmit(list(SELECT_APPLET))
    if sw1 == 0x61:
        transmit(get_response_apdu(atr, sw2))
    elif (sw1, sw2) != (0x90, 0x00):
        raise CardError("บัตรนี้ไม่ใช่บัตรประชาชน", "This is not a Thai national ID card")

    def text(field: tuple[int, int]) -> str:
        return decode_text(_read(transmit, atr, *field))

    cid = text(CID)
    try:
        national_id = validate_id(cid)
    except IdError as exc:
        raise CardError(
            "เลขประจำตัวประชาชนบนบัตรไม่ถูกต้อง", f"The card's national ID is not valid: {cid!r}"
        ) from exc
    address_raw = text(ADDRESS)
    photo_bytes = b""
    if photo:
        parts = [_read(transmit, atr, PHOTO[0] + i * PHOTO[1], PHOTO[1]) for i in range(PHOTO_PARTS)]
        photo_bytes = b"".join(parts).rstrip(b"\x00\xff ")
    return CardData(
        national_id=national_id,
        name_th=parse_name(text(NAME_TH)),
        name_en=parse_name(text(NAME_EN)),
        birth_date=parse_be_date(text(BIRTH_DATE)),
        gender=parse_gender(text(GENDER)),
        address=parse_address(address_raw),
        province=address_province(address_raw),
        issuer=text(ISSUER),
        issued_on=parse_be_date(text(ISSUE_DATE)),
        expires_on=parse_be_date(text(EXPIRY_DATE)),
        photo=photo_bytes,
    )


def card_image(
    *,
    national_id: str,
    name_th: str,
    name_en: str,
    birth_date: str,
    gender: str,
    address: str,
    issuer: str = "",
    issued_on: str = "",
    expires_on: str = "",
    photo: bytes = b"",
) -> bytes:
    """The applet's file as a card holds it (for virtual cards in tests and demos): each field written
    at its offset, TIS-620, space padded."""
    image = bytearray(b"\x00" * FILE_SIZE)

    def put(field: tuple[int, int], raw: bytes) -> None:
        offset, length = field
        image[offset : offset + length] = raw.ljust(length, b" ")[:length]

    put(CID, national_id.encode("ascii"))
    put(NAME_TH, encode_text(name_th, NAME_TH[1]))
    put(NAME_EN, encode_text(name_en, NAME_EN[1]))
    put(BIRTH_DATE, birth_date.encode("ascii"))
    put(GENDER, gender.encode("ascii"))
    put(ISSUER, encode_text(issuer, ISSUER[1]))
    put(ISSUE_DATE, issued_on.encode("ascii"))
    put(EXPIRY_DATE, expires_on.encode("ascii"))
    put(ADDRESS, encode_text(address, ADDRESS[1]))
    room = PHOTO[1] * PHOTO_PARTS
    if len(photo) > room:
        raise ValueError(f"a card photo holds at most {room} bytes")
    image[PHOTO[0] : PHOTO[0] + room] = photo.ljust(room, b"\x00")
    return bytes(image)
