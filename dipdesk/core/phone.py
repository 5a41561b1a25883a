"""Thai telephone numbers, stored as plain digits starting with 0.

Mobiles (06, 08, 09) have 10 digits; landlines (02, 03, 04, 05, 07) have 9.
Input may carry +66 / 66 instead of the leading 0, spaces, dashes, dots, parentheses and Thai digits.
"""

from __future__ import annotations

from dipdesk.core.digits import is_ascii_digits, to_arabic_digits

MOBILE_PREFIXES = ("06", "08", "09")
LANDLINE_PREFIXES = ("02", "03", "04", "05", "07")

_SEPARATORS = frozenset("-.()\u2010\u2011\u2012\u2013\u2014\u2212")


class PhoneError(ValueError):
    """A phone number was refused; `code` is one of "not_digits", "prefix", "length"."""

    def __init__(self, code: str, message_th: str, message_en: str) -> None:
        super().__init__(message_en)
        self.code = code
        self.message_th = message_th
        self.message_en = message_en


def _strip(text: str) -> str:
    return "".join(c for c in to_arabic_digits(text) if not c.isspace() and c not in _SEPARATORS)


def normalize_phone(text: str) -> str:
    """Plain digits starting with 0 (e.g. `0812345678`), "" for an empty value, else PhoneError."""
    raw = _strip(text)
    if not raw:
        return ""
    if raw.startswith("+"):
        if not raw.startswith("+66"):
            raise PhoneError(
                "prefix",
                "รับเฉพาะหมายเลขโทรศัพท์ในประเทศไทย (+66)",
                "Only Thai phone numbers (+66) are accepted",
            )
        raw = raw[1:]
    if not is_ascii_digits(raw):
        raise PhoneError(
            "not_digits",
            "หมายเลขโทรศัพท์ต้องเป็นตัวเลขเท่านั้น",
            "The phone number must contain digits only",
        )
    # Thai numbers never start with 6, so a leading 66 is always the country code. "+66 (0)81…" and
    # "+66 081…" are common ways of writing it, hence the optional 0 after it.
    if raw.startswith("66"):
        raw = raw[2:]
        if not raw.startswith("0"):
            raw = "0" + raw
    if raw.startswith(MOBILE_PREFIXES):
        expected, kind_th, kind_en = 10, "มือถือ", "A mobile"
    elif raw.startswith(LANDLINE_PREFIXES):
        expected, kind_th, kind_en = 9, "โทรศัพท์บ้าน/สำนักงาน", "A landline"
    else:
        raise PhoneError(
            "prefix",
            "หมายเลขโทรศัพท์ต้องขึ้นต้นด้วย 02–09 (หรือ +66)",
            "The phone number must start with 02–09 (or +66)",
        )
    if len(raw) != expected:
        raise PhoneError(
            "length",
            f"หมายเลขโทรศัพท์{kind_th}ต้องมี {expected} หลัก (ใส่มา {len(raw)} หลัก)",
            f"{kind_en} number must have {expected} digits (got {len(raw)})",
        )
    return raw


def is_valid_phone(text: str) -> bool:
    """True for a non-empty value that normalises to a Thai number."""
    try:
        return normalize_phone(text) != ""
    except PhoneError:
        return False


def format_phone(digits: str) -> str:
    """`081-234-5678`, `02-123-4567`, `053-123-456`; anything not a valid number is returned unchanged."""
    try:
        n = normalize_phone(digits)
    except PhoneError:
        return digits
    if not n:
        return digits
    if len(n) == 10:
        return f"{n[:3]}-{n[3:6]}-{n[6:]}"
    if n.startswith("02"):
        return f"{n[:2]}-{n[2:5]}-{n[5:]}"
    return f"{n[:3]}-{n[3:6]}-{n[6:]}"
