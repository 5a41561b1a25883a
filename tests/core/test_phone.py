"""Thai phone numbers: normalisation to plain digits, +66, formatting."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dipdesk.core.digits import to_thai_digits
from dipdesk.core.phone import PhoneError, format_phone, is_valid_phone, normalize_phone

FAST = settings(max_examples=100, deadline=None)

mobiles = st.builds(
    lambda p, rest: p + rest,
    st.sampled_from(["06", "08", "09"]),
    st.text(alphabet="0123456789", min_size=8, max_size=8),
)
landlines = st.builds(
    lambda p, rest: p + rest,
    st.sampled_from(["02", "03", "04", "05", "07"]),
    st.text(alphabet="0123456789", min_size=7, max_size=7),
)
numbers = mobiles | landlines


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("081-234-5678", "0812345678"),
        ("+66 81 234 5678", "0812345678"),
        ("+66812345678", "0812345678"),
        ("66812345678", "0812345678"),
        ("+66 (0)81 234 5678", "0812345678"),
        ("๐๘๑ ๒๓๔ ๕๖๗๘", "0812345678"),
        ("(02) 123-4567", "021234567"),
        ("+66 2 123 4567", "021234567"),
        ("053 123 456", "053123456"),
        ("061.234.5678", "0612345678"),
        ("", ""),
        ("   ", ""),
    ],
)
def test_normalize_examples(text: str, expected: str) -> None:
    assert normalize_phone(text) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("12345", "prefix"),
        ("01234567", "prefix"),
        ("+1 555 123 4567", "prefix"),
        ("081234567", "length"),
        ("08123456789", "length"),
        ("0212345678", "length"),
        ("02123456", "length"),
        ("081-234-567x", "not_digits"),
    ],
)
def test_normalize_errors(text: str, code: str) -> None:
    with pytest.raises(PhoneError) as err:
        normalize_phone(text)
    assert err.value.code == code
    assert "โทรศัพท์" in err.value.message_th and err.value.message_en
    assert not is_valid_phone(text)


def test_format_examples() -> None:
    assert format_phone("0812345678") == "081-234-5678"
    assert format_phone("021234567") == "02-123-4567"
    assert format_phone("053123456") == "053-123-456"
    assert format_phone("+66 81 234 5678") == "081-234-5678"
    assert format_phone("12345") == "12345", "not a number: shown as typed"
    assert not is_valid_phone(""), "optional, but an empty value is not a phone number"


@FAST
@given(numbers)
def test_valid_numbers_are_fixed_points(n: str) -> None:
    assert normalize_phone(n) == n
    assert is_valid_phone(n)


@FAST
@given(numbers, st.data())
def test_normalize_is_idempotent_and_plus66_equivalent(n: str, data: st.DataObject) -> None:
    sep = st.sampled_from(["", " ", "-", "\u00a0", "."])
    messy = "".join(c + data.draw(sep) for c in n)
    if data.draw(st.booleans(), label="thai digits"):
        messy = to_thai_digits(messy)
    once = normalize_phone(messy)
    assert once == n
    assert normalize_phone(once) == once
    rest = n[1:]
    for prefix in ("+66", "+66 ", "66", "+66 (0)", "+66-"):
        assert normalize_phone(prefix + rest) == n


@FAST
@given(numbers)
def test_format_round_trip(n: str) -> None:
    shown = format_phone(n)
    assert normalize_phone(shown) == n
    groups = [len(g) for g in shown.split("-")]
    if n.startswith(("06", "08", "09")):
        assert groups == [3, 3, 4]
    elif n.startswith("02"):
        assert groups == [2, 3, 4]
    else:
        assert groups == [3, 3, 3]


@FAST
@given(st.text(max_size=20))
def test_normalize_either_returns_a_valid_number_or_raises(text: str) -> None:
    try:
        n = normalize_phone(text)
    except PhoneError:
        assert not is_valid_phone(text)
        return
    assert n == "" or (n.isdigit() and n.startswith("0") and len(n) in (9, 10))
