"""Writing a person's name the Thai way.

A Thai title (คำนำหน้าชื่อ) is written against a Thai first name with no space, as on Thai forms and
certificates: ``นางสาวปิ่นมณี ศรีสุขสวัสดิ์``. Before a name in another script there is a space:
``นางสาว Mary-Jane Smith`` (``นางสาวMary-Jane`` reads as one broken word), and a title in Latin script is
followed by a space too (``Dr. Somchai``).
"""

from __future__ import annotations


def _is_thai(ch: str) -> bool:
    return "\u0e00" <= ch <= "\u0e7f"


def full_name(prefix: str | None, first: str | None, last: str | None) -> str:
    """``{prefix}{first} {last}``, with a space after the prefix unless both sides of the joint are Thai
    (a Thai abbreviation's full stop counts as Thai: ``ว่าที่ ร.ต.สมชาย``)."""
    prefix, first, last = (prefix or "").strip(), (first or "").strip(), (last or "").strip()
    if prefix and first:
        joint = prefix[-1]
        thai_stop = joint == "." and any(_is_thai(ch) for ch in prefix)  # ร.ต., not Mr.
        glued = _is_thai(first[0]) and (_is_thai(joint) or thai_stop)
        head = prefix + first if glued else f"{prefix} {first}"
    else:
        head = prefix or first
    return f"{head} {last}".strip()
