"""Thai 13-digit identification numbers: national IDs and juristic-person (company) registration IDs.

Both share one check digit: check = (11 − Σ_{i=1..12} dᵢ·(14 − i) mod 11) mod 10.
Juristic IDs start with 0, so a leading 0 is accepted.
"""

from __future__ import annotations

from dipdesk.core.digits import is_ascii_digits, to_arabic_digits

ID_LENGTH = 13

# Separators people type or paste from forms and spreadsheets: spaces (incl. NBSP and other Unicode
# spaces), ASCII and typographic dashes, dots.
_SEPARATORS = frozenset("-.\u2010\u2011\u2012\u2013\u2014\u2212")


class IdError(ValueError):
    """A 13-digit ID was refused; `code` is one of "empty", "length", "not_digits", "check_digit"."""

    def __init__(self, code: str, message_th: str, message_en: str) -> None:
        super().__init__(message_en)
        self.code = code
        self.message_th = message_th
        self.message_en = message_en


def normalize_id(text: str) -> str:
    """Thai digits to 0–9, separators removed; the result is not checked."""
    return "".join(c for c in to_arabic_digits(text) if not c.isspace() and c not in _SEPARATORS)


def id_check_digit(first12: str) -> int:
    """The check digit for the first 12 digits (0–9 only; no normalisation)."""
    if len(first12) != ID_LENGTH - 1 or not is_ascii_digits(first12):
        raise ValueError(f"expected 12 digits, got {first12!r}")
    total = sum(int(d) * (ID_LENGTH - i) for i, d in enumerate(first12))
    return (11 - total % 11) % 10


def make_id(first12: str) -> str:
    """The 13-digit ID made of `first12` (normalised first) and its check digit."""
    digits = normalize_id(first12)
    return digits + str(id_check_digit(digits))


def validate_id(text: str) -> str:
    """The normalised 13 digits, or IdError saying what is wrong."""
    digits = normalize_id(text)
    if not digits:
        raise IdError("empty", "กรุณาใส่เลขประจำตัว 13 หลัก", "The 13-digit ID is empty")
    if not is_ascii_digits(digits):
        raise IdError(
            "not_digits",
            "เลขประจำตัวต้องเป็นตัวเลขเท่านั้น",
            "The 13-digit ID must contain digits only",
        )
    if len(digits) != ID_LENGTH:
        raise IdError(
            "length",
            f"เลขประจำตัวต้องมี 13 หลัก (ใส่มา {len(digits)} หลัก)",
            f"The ID must have 13 digits (got {len(digits)})",
        )
    if id_check_digit(digits[:12]) != int(digits[12]):
        raise IdError(
            "check_digit",
            "เลขประจำตัว 13 หลักไม่ถูกต้อง (เลขตรวจสอบผิด)",
            "The 13-digit ID is not valid (wrong check digit)",
        )
    return digits


def validate_person_id(text: str) -> str:
    """A person's national ID: `validate_id`, and a first digit that can be issued to a person (1–8;
    0 and 9 are not). Juristic IDs (which start with 0) go through `validate_id` alone."""
    digits = validate_id(text)
    if digits[0] in "09":
        raise IdError(
            "not_issued",
            f"เลขประจำตัวประชาชนขึ้นต้นด้วย {digits[0]} ไม่ได้ (ออกให้บุคคลไม่ได้)",
            f"A national ID cannot start with {digits[0]} (no person is issued one)",
        )
    return digits


def is_valid_id(text: str) -> bool:
    """True when `text` normalises to 13 digits with the right check digit."""
    try:
        validate_id(text)
    except IdError:
        return False
    return True


def _groups(digits: str) -> list[str]:
    # The grouping printed on Thai ID cards: 1-4-5-2-1.
    return [digits[0], digits[1:5], digits[5:10], digits[10:12], digits[12]]


def format_id(id13: str) -> str:
    """`1-2345-67890-12-1`; input that is not 13 digits after normalisation is returned unchanged."""
    digits = normalize_id(id13)
    if len(digits) != ID_LENGTH or not is_ascii_digits(digits):
        return id13
    return "-".join(_groups(digits))


def mask_id(id13: str) -> str:
    """`1-2345-xxxxx-xx-1` for display under PDPA.

    Input that is not 13 digits is masked entirely (same length, all `x`) so a malformed value
    never leaks.
    """
    digits = normalize_id(id13)
    if len(digits) != ID_LENGTH or not is_ascii_digits(digits):
        return "x" * len(digits)
    g = _groups(digits)
    return f"{g[0]}-{g[1]}-xxxxx-xx-{g[4]}"
