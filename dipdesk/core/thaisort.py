"""Thai dictionary order without ICU: a sort key for Python's `sorted`.

Code-point order puts every word with a leading vowel (เ แ โ ใ ไ, U+0E40–U+0E44) after every consonant,
so เชียงใหม่ came after อ่างทอง. The Royal Institute's order reads a leading vowel after its consonant, and
tone marks and other signs above only break ties. The key is (primary, secondary): primary has the leading
vowels moved behind their consonant and the signs removed; secondary is the signs, in order.
"""

from __future__ import annotations

import re

_LEAD_VOWEL = re.compile("([\u0e40-\u0e44])([\u0e01-\u0e2e])")
_SIGNS = re.compile("[\u0e47-\u0e4e]")  # ็ ่ ้ ๊ ๋ ์ ํ ๎: ties only


def thai_sort_key(text: str) -> tuple[str, str]:
    """The key that sorts Thai words in dictionary order (Latin text sorts as it always did)."""
    plain = _LEAD_VOWEL.sub(r"\2\1", _SIGNS.sub("", text or ""))
    return plain, "".join(_SIGNS.findall(text or ""))
