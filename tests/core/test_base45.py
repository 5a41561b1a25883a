"""Base45 (RFC 9285): the RFC's examples, round trips, and what is refused."""

from __future__ import annotations

import random

import pytest

from dipdesk.core.base45 import b45decode, b45encode

RFC_EXAMPLES = {b"AB": "BB8", b"Hello!!": "%69 VD92EX0", b"base-45": "UJCLQE7W581", b"ietf!": "QED8WEX0"}


def test_the_rfc_examples() -> None:
    for data, text in RFC_EXAMPLES.items():
        assert b45encode(data) == text
        assert b45decode(text) == data


def test_round_trips() -> None:
    rng = random.Random(45)
    for n in [*range(12), *(rng.randint(12, 400) for _ in range(300))]:
        data = rng.randbytes(n)
        assert b45decode(b45encode(data)) == data
    assert b45decode("") == b""
    assert b45decode("FGW") == b"\xff\xff"  # the largest triple


@pytest.mark.parametrize(
    "text",
    [
        "GGW",  # 65536: a triple beyond two bytes
        "BB8GGW",
        "V5",  # 256: a pair beyond one byte
        "BB8A",  # a letter left over
        "A",
        "bb8",  # lower case is not Base45
        "BB8\u0e01\u0e02\u0e03",  # nor is Thai
        "BB8!\u00e9",
        "BB8#",
    ],
)
def test_what_is_not_base45(text: str) -> None:
    with pytest.raises(ValueError, match="not Base45"):
        b45decode(text)
