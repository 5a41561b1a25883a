"""Thai digits (๐–๙) ⇄ Arabic digits (0–9)."""

from __future__ import annotations

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
ARABIC_DIGITS = "0123456789"

_TO_THAI = str.maketrans(ARABIC_DIGITS, THAI_DIGITS)
_TO_ARABIC = str.maketrans(THAI_DIGITS, ARABIC_DIGITS)


def to_thai_digits(text: str) -> str:
    """Replace 0–9 with ๐–๙; everything else is left alone."""
    return text.translate(_TO_THAI)


def to_arabic_digits(text: str) -> str:
    """Replace ๐–๙ with 0–9; everything else is left alone."""
    return text.translate(_TO_ARABIC)


def is_ascii_digits(text: str) -> bool:
    """True for a non-empty string of 0–9 only (str.isdigit also accepts ๓, ² and other scripts)."""
    return bool(text) and all(c in ARABIC_DIGITS for c in text)
