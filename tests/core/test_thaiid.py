"""13-digit Thai national / juristic IDs: check digit, normalisation, formatting, masking."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dipdesk.core.digits import THAI_DIGITS
from dipdesk.core.thaiid import (
    IdError,
    format_id,
    id_check_digit,
    is_valid_id,
    make_id,
    mask_id,
    normalize_id,
    validate_id,
)

FAST = settings(max_examples=100, deadline=None)
first12s = st.text(alphabet="0123456789", min_size=12, max_size=12)


def test_known_ids() -> None:
    # 1-1017-00123-45-6: 1·13+1·12+0·11+1·10+7·9+0·8+0·7+1·6+2·5+3·4+4·3+5·2 = 148; 148 mod 11 = 5; 11−5 = 6.
    assert id_check_digit("110170012345") == 6
    assert make_id("110170012345") == "1101700123456"
    assert is_valid_id("1101700123456")
    assert not is_valid_id("1101700123457")
    # Juristic-person IDs start with 0.
    juristic = make_id("010553700012")
    assert juristic.startswith("0") and is_valid_id(juristic)


def test_format_and_mask() -> None:
    assert format_id("1234567890121") == "1-2345-67890-12-1"
    assert mask_id("1234567890121") == "1-2345-xxxxx-xx-1"
    assert mask_id("1-2345-67890-12-1") == "1-2345-xxxxx-xx-1"
    assert format_id("12345") == "12345", "not an ID: shown as typed"
    assert mask_id("12345") == "xxxxx", "not an ID: masked entirely, never leaked"


def test_normalize() -> None:
    assert normalize_id(" ๑-๑๐๑๗ 00123.45\u00a06 ") == "1101700123456"
    assert normalize_id("abc") == "abc"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "empty"),
        (" - ", "empty"),
        ("11017001234x6", "not_digits"),
        ("110170012345", "length"),
        ("11017001234567", "length"),
        ("1101700123457", "check_digit"),
    ],
)
def test_validate_errors(text: str, code: str) -> None:
    with pytest.raises(IdError) as err:
        validate_id(text)
    assert err.value.code == code
    assert err.value.message_th and err.value.message_en
    assert isinstance(err.value, ValueError)


def test_check_digit_message() -> None:
    with pytest.raises(IdError) as err:
        validate_id("1101700123457")
    assert err.value.message_th == "เลขประจำตัว 13 หลักไม่ถูกต้อง (เลขตรวจสอบผิด)"
    assert err.value.message_en == "The 13-digit ID is not valid (wrong check digit)"


def test_id_check_digit_wants_12_digits() -> None:
    with pytest.raises(ValueError):
        id_check_digit("12345")


@FAST
@given(first12s)
def test_make_id_is_valid(first12: str) -> None:
    nid = make_id(first12)
    assert len(nid) == 13 and nid.startswith(first12)
    assert is_valid_id(nid)
    assert validate_id(nid) == nid


@FAST
@given(first12s, st.data())
def test_changing_the_check_digit_invalidates(first12: str, data: st.DataObject) -> None:
    nid = make_id(first12)
    other = data.draw(st.sampled_from([d for d in "0123456789" if d != nid[12]]))
    assert not is_valid_id(nid[:12] + other)


@FAST
@given(first12s, st.integers(0, 11), st.data())
def test_single_digit_changes(first12: str, pos: int, data: st.DataObject) -> None:
    """A changed digit is caught, with the scheme's two known blind spots.

    The 3rd digit has weight 11 ≡ 0 (mod 11), so it never affects the check digit; and sums ≡ 0 and
    ≡ 10 (mod 11) both give check digit 1. Everything else is caught.
    """
    nid = make_id(first12)
    new = data.draw(st.sampled_from([d for d in "0123456789" if d != nid[pos]]))
    changed = nid[:pos] + new + nid[pos + 1 :]

    def residue(s: str) -> int:
        return sum(int(d) * (13 - i) for i, d in enumerate(s[:12])) % 11

    blind_spot = pos == 2 or {residue(nid), residue(changed)} == {0, 10}
    assert is_valid_id(changed) == blind_spot


noise = st.text(alphabet=" -.\u00a0\u2013", max_size=2)


@FAST
@given(
    first12s,
    st.booleans(),
    st.lists(noise, min_size=14, max_size=14),
    st.lists(st.booleans(), min_size=13, max_size=13),
)
def test_normalisation_preserves_validity(
    first12: str, corrupt: bool, separators: list[str], thai: list[bool]
) -> None:
    nid = make_id(first12)
    if corrupt:
        nid = nid[:12] + str((int(nid[12]) + 1) % 10)
    digits = [THAI_DIGITS[int(d)] if t else d for d, t in zip(nid, thai, strict=True)]
    messy = "".join(sep + d for sep, d in zip(separators, digits, strict=False)) + separators[-1]
    assert normalize_id(messy) == nid
    assert is_valid_id(messy) == is_valid_id(nid)


@FAST
@given(first12s)
def test_format_and_mask_round_trip(first12: str) -> None:
    nid = make_id(first12)
    shown = format_id(nid)
    assert [len(g) for g in shown.split("-")] == [1, 4, 5, 2, 1]
    assert normalize_id(shown) == nid
    masked = mask_id(nid)
    assert masked == f"{shown[:6]}-xxxxx-xx-{nid[12]}"
    assert nid[5:12] not in masked


@FAST
@given(st.text(max_size=20))
def test_is_valid_never_raises(text: str) -> None:
    assert is_valid_id(text) in (True, False)
    assert "x" in mask_id(text) or normalize_id(text) == ""
