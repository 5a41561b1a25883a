"""Base45 (RFC 9285), the alphabet QR codes store compactly: decoding for the printer, which turns a
``DC1:`` certificate code into a verification address (:func:`dipdesk.printing.certificates.qr_payload`).
``dipdesk.services.signing`` encodes and decodes with it too."""

from __future__ import annotations

import sys
from array import array

__all__ = ["ALPHABET", "PREFIX", "b45decode", "b45encode"]

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
#: what a certificate code signed without a server starts with
PREFIX = "DC1:"
_VALUES = bytes(ALPHABET.find(chr(b)) % 256 for b in range(256))  # a letter's value, 255: not Base45


def b45encode(data: bytes) -> str:
    out = []
    for i in range(0, len(data) - 1, 2):
        n = data[i] * 256 + data[i + 1]
        e, rest = divmod(n, 45 * 45)
        d, c = divmod(rest, 45)
        out.append(ALPHABET[c] + ALPHABET[d] + ALPHABET[e])
    if len(data) % 2:
        d, c = divmod(data[-1], 45)
        out.append(ALPHABET[c] + ALPHABET[d])
    return "".join(out)


def b45decode(text: str) -> bytes:
    """Bytes of Base45 ``text``; ValueError for anything that is not.

    Every certificate page decodes its code (issue 12), so the letters become values in one
    ``bytes.translate`` and the triples are read from three strided slices, not letter by letter."""
    raw = text.encode("ascii", "replace")  # anything beyond ASCII becomes "?", not in the alphabet
    values = raw.translate(_VALUES)
    bad = values.find(255)
    if bad >= 0:
        raise ValueError(f"not Base45: {text[bad]!r}")
    whole = len(values) - len(values) % 3
    numbers = [
        c + 45 * d + 2025 * e
        for c, d, e in zip(values[0:whole:3], values[1:whole:3], values[2:whole:3], strict=True)
    ]
    if numbers and max(numbers) > 0xFFFF:
        raise ValueError("not Base45: value out of range")
    pairs = array("H", numbers)
    if sys.byteorder == "little":
        pairs.byteswap()  # big-endian pairs
    out = pairs.tobytes()
    rest = values[whole:]
    if len(rest) == 2:
        n = rest[0] + 45 * rest[1]
        if n > 0xFF:
            raise ValueError("not Base45: value out of range")
        out += bytes((n,))
    elif rest:
        raise ValueError("not Base45: dangling character")
    return out
