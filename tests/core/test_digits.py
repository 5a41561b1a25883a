"""Thai ⇄ Arabic digits."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dipdesk.core.digits import THAI_DIGITS, to_arabic_digits, to_thai_digits


def test_examples() -> None:
    assert to_thai_digits("21/11/2569") == "๒๑/๑๑/๒๕๖๙"
    assert to_arabic_digits("๒๑ พ.ย. ๒๕๖๙") == "21 พ.ย. 2569"
    assert to_arabic_digits("abc-๐๙") == "abc-09"
    assert to_thai_digits("".join(str(i) for i in range(10))) == THAI_DIGITS


@settings(max_examples=100, deadline=None)
@given(st.text())
def test_round_trip_and_only_digits_change(s: str) -> None:
    arabic = to_arabic_digits(s)
    assert to_arabic_digits(to_thai_digits(arabic)) == arabic
    assert not any(c in THAI_DIGITS for c in arabic)
    assert len(arabic) == len(s)
    for a, b in zip(s, arabic, strict=True):
        assert a == b or (a in THAI_DIGITS and b == str(THAI_DIGITS.index(a)))
