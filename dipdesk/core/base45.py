"""Base45 (RFC 9285), the alphabet QR codes store compactly: decoding for the printer, which turns a
``DC1:`` certificate code into a verification address (:func:`dipdesk.printing.certificates.qr_payload`).
``dipdesk.services.signing`` encodes and decodes with it too."""

from __future__ import annotations

__all__ = ["ALPHABET", "PREFIX", "b45decode", "b45encode"]

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
#: what a certificate code signed without a server starts with
PREFIX = "DC1:"
_VALUE = {c: i for i, c in enumerate(ALPHABET)}


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
    """Bytes of Base45 ``text``; ValueError for anything that is not."""
    try:
        values = [_VALUE[c] for c in text]
    except KeyError as exc:
        raise ValueError(f"not Base45: {exc.args[0]!r}") from None
    out = bytearray()
    for i in range(0, len(values), 3):
        chunk = values[i : i + 3]
        if len(chunk) == 3:
            n = chunk[0] + chunk[1] * 45 + chunk[2] * 45 * 45
            if n > 0xFFFF:
                raise ValueError("not Base45: value out of range")
            out += n.to_bytes(2, "big")
        elif len(chunk) == 2:
            n = chunk[0] + chunk[1] * 45
            if n > 0xFF:
                raise ValueError("not Base45: value out of range")
            out.append(n)
        else:
            raise ValueError("not Base45: dangling character")
    return bytes(out)
