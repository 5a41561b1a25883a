"""The QR encoder's output may not change when it is made faster (issue 12): the version, level, chosen
mask and every module of 1,600 codes of all kinds, against tests/data/qr_reference.txt, which the encoder
as it was before that work (main at 3c8bc7c) wrote. Different modules would still scan, but reprints
of a certificate must be the same picture, and the mask choice is where a faster penalty evaluation could
quietly go wrong (segno's comparison in test_certificate_pdf.py skips codes segno pads differently).

Do not regenerate the file to make this test pass; ``python tests/printing/test_qr_reference.py --write``
exists for a deliberate change of the output, to be explained in its commit.
"""

from __future__ import annotations

import base64
import hashlib
import random
import sys
from collections.abc import Iterator
from pathlib import Path

from dipdesk.printing import qr

REFERENCE = Path(__file__).resolve().parents[1] / "data" / "qr_reference.txt"
URL_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/:?=&._-%"
# characters a version 40 symbol holds: [alphanumeric?][level]
CAPACITY = {
    True: {"L": 4296, "M": 3391, "Q": 2420, "H": 1852},
    False: {"L": 2953, "M": 2331, "Q": 1663, "H": 1273},
}
THAI = "กขคงจฉชซญดตถทธนบปผพฟมยรลวสหอฮะาิีึืุูเแโใไ่้๊๋็์ ๐๑๒"


def cases() -> Iterator[tuple[str, str, bool]]:
    """(text, level, boost): every version from 1 to 40 in both modes and all levels, the certificate
    payloads as printed (verification addresses with a signed record, DC1: base45 codes), short codes."""
    rng = random.Random(20261205)
    for i in range(1200):
        level = "LMQH"[i % 4]
        kind = (i // 4) % 3
        top = CAPACITY[kind == 0][level] // (3 if kind == 2 else 1)  # version 40's (Thai: 3 bytes a letter)
        length = rng.randint(1, top) if i % 5 else rng.randint(1, 60)
        alphabet = (qr.ALPHANUMERIC, URL_CHARS, THAI)[kind]
        text = "".join(rng.choice(alphabet) for _ in range(length))
        yield text, level, i % 7 != 0
    for i in range(300):
        serial = f"IPC{rng.randint(1, 13)}-2569-{rng.choice(['K7Q2', 'A1B9', 'ZZ00'])}-{i + 1:05d}"
        record = rng.randbytes(rng.randint(150, 260))
        token = base64.urlsafe_b64encode(record).decode().rstrip("=")
        yield f"https://www.dip.go.th/verify/{serial}?p={token}", "M", True
    for i in range(100):
        text = "DC1:" + "".join(rng.choice(qr.ALPHANUMERIC) for _ in range(rng.randint(200, 420)))
        yield text, "LMQH"[i % 4], True


def line(text: str, level: str, boost: bool) -> str:
    code = qr.encode(text, level=level, boost=boost)
    digest = hashlib.sha256(code.bitmap).hexdigest()[:16]
    return f"{code.version} {code.level} {code.mask} {code.size} {code.stride} {digest}"


def test_every_code_is_the_same_as_before() -> None:
    expected = REFERENCE.read_text(encoding="ascii").splitlines()
    got = [line(*case) for case in cases()]
    assert len(got) == len(expected) == 1600
    wrong = [(i, e, g) for i, (e, g) in enumerate(zip(expected, got, strict=True)) if e != g]
    assert not wrong, f"{len(wrong)} codes differ, first: {wrong[:3]}"
    masks = {int(e.split()[2]) for e in expected}
    versions = {int(e.split()[0]) for e in expected}
    assert masks == set(range(8)) and versions == set(range(1, 41))  # the cases cover every mask, version


if __name__ == "__main__":
    if sys.argv[1:] == ["--write"]:
        REFERENCE.write_text("".join(line(*case) + "\n" for case in cases()), encoding="ascii")


def test_multiplication_tables_are_gf256_products() -> None:
    """The tables Reed-Solomon translates through (built by log/antilog translations) hold v·x in GF(256)."""
    tables = qr._mul_tables()
    assert all(tables[v][x] == qr._gf_mul(v, x) for v in range(256) for x in range(256))
