"""Base45 (RFC 9285), the alphabet QR codes store compactly: decoding for the printer, which turns a
``DC1:`` certificate code into a verification address (:func:`dipdesk.printing.certificates.qr_payload`).
``dipdesk.services.signing`` encodes and decodes with it too."""

from __future__ import annotations

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
    n = whole // 3
    # c + 45·d + 2025·e for all triples at once: each letter of a triple's position in a 32-bit lane of
    # one big integer (the largest sum, 91124, needs 17 bits: lanes never carry into each other)
    lanes = []
    for first in range(3):
        wide = bytearray(4 * n)
        wide[3::4] = values[first:whole:3]
        lanes.append(int.from_bytes(wide, "big"))
    sums = (lanes[0] + 45 * lanes[1] + 2025 * lanes[2]).to_bytes(4 * n, "big")
    if sums[0::4].count(0) != n or sums[1::4].count(0) != n:
        raise ValueError("not Base45: value out of range")
    pairs = bytearray(2 * n)  # big-endian pairs
    pairs[0::2] = sums[2::4]
    pairs[1::2] = sums[3::4]
    out = bytes(pairs)
    rest = values[whole:]
    if len(rest) == 2:
        n = rest[0] + 45 * rest[1]
        if n > 0xFF:
            raise ValueError("not Base45: value out of range")
        out += bytes((n,))
    elif rest:
        raise ValueError("not Base45: dangling character")
    return out
