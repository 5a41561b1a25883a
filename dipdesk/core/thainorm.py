"""Thai text for finding duplicates: normalise before comparing, then score a pair (pure Python).

The same name arrives typed many ways: sara am as nikhahit + sara aa (ํ + า instead of ำ), a tone mark
typed before the vowel above (ก่ี for กี่), a mark typed twice, a space inside a name, a zero-width space
pasted from the web, the prefix glued to the name (นางสาวมาลี), a company's legal form written out or
abbreviated (บริษัท … จำกัด / บจก.). `name_key` and `enterprise_key` reduce each to one comparable key;
`similarity` compares keys; `person_score` and `enterprise_score` weigh name, birth date, phone and
province into one score with the reasons.

`thai_sequence_problem` says why a text is not valid Thai as typed (a doubled tone mark such as ก่่, two
tone marks on one consonant, a mark with no consonant under it), for refusing it at entry and import.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
NIKHAHIT, SARA_AA, SARA_AM = "\u0e4d", "\u0e32", "\u0e33"
# combining marks written above or below a consonant
VOWELS_ABOVE_BELOW = frozenset("\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47\u0e4d")
TONES = frozenset("\u0e48\u0e49\u0e4a\u0e4b")  # ่ ้ ๊ ๋
OTHER_MARKS = frozenset("\u0e4c\u0e4e")  # ์ thanthakhat, ๎ yamakkan
MARKS = VOWELS_ABOVE_BELOW | TONES | OTHER_MARKS
BASES = frozenset(chr(c) for c in range(0x0E01, 0x0E2F))  # ก..ฮ (with ฤ ฦ): what a mark sits on

PERSON_PREFIXES = (
    "ว่าที่ร้อยตรีหญิง",
    "ว่าที่ร้อยตรี",
    "ว่าที่ร.ต.หญิง",
    "ว่าที่ร.ต.",
    "นางสาว",
    "น.ส.",
    "นาง",
    "นาย",
    "ดร.",
    "ผศ.ดร.",
    "รศ.ดร.",
    "ผศ.",
    "รศ.",
    "ศ.",
    "mrs.",
    "mrs",
    "mr.",
    "mr",
    "ms.",
    "ms",
    "miss",
    "dr.",
)
ENTERPRISE_FORMS = (
    "บริษัทมหาชนจำกัด",
    "บริษัท",
    "จำกัด(มหาชน)",
    "จำกัด",
    "บมจ.",
    "บจก.",
    "บ.",
    "ห้างหุ้นส่วนจำกัด",
    "ห้างหุ้นส่วนสามัญนิติบุคคล",
    "ห้างหุ้นส่วนสามัญ",
    "หจก.",
    "หสน.",
    "หสม.",
    "วิสาหกิจชุมชน",
    "วสช.",
    "ร้าน",
    "co.,ltd.",
    "co.ltd.",
    "company limited",
    "ltd.",
)


def strip_invisible(text: str) -> str:
    return (text or "").translate(ZERO_WIDTH)


def _order_marks(marks: list[str]) -> list[str]:
    """Vowels above/below first, then tone marks, then the others; doubled marks once."""
    out: list[str] = []
    for m in sorted(marks, key=lambda m: 0 if m in VOWELS_ABOVE_BELOW else 1 if m in TONES else 2):
        if not out or out[-1] != m:
            out.append(m)
    return out


def normalize_thai(text: str) -> str:
    """Thai as it should have been typed: no zero-width characters, ํ + า → ำ (also with a tone mark
    between or before them), marks in their canonical order, a mark typed twice kept once, stray marks
    (with no consonant under them) dropped, whitespace runs as one space, trimmed."""
    s = strip_invisible(text)
    out: list[str] = []
    i = 0
    while i < len(s):
        ch = s[i]
        if ch in MARKS:
            j = i
            while j < len(s) and s[j] in MARKS:
                j += 1
            run = list(s[i:j])
            i = j
            if not out or out[-1] not in BASES:
                continue  # stray marks: nothing to sit on
            if NIKHAHIT in run and i < len(s) and s[i] == SARA_AA:
                run.remove(NIKHAHIT)
                out.extend(_order_marks(run))
                out.append(SARA_AM)
                i += 1
                continue
            out.extend(_order_marks(run))
            continue
        out.append(ch)
        i += 1
    return " ".join("".join(out).split())


def thai_sequence_problem(text: str) -> tuple[str, str] | None:
    """(Thai, English) reason why `text` is not valid Thai as typed, or None when it is fine."""
    s = strip_invisible(text or "")
    i = 0
    while i < len(s):
        if s[i] not in MARKS:
            i += 1
            continue
        j = i
        while j < len(s) and s[j] in MARKS:
            j += 1
        run = s[i:j]
        shown = (s[max(0, i - 1) : j]).strip()
        if i == 0 or s[i - 1] not in BASES:
            return (
                f"มีวรรณยุกต์หรือสระที่ไม่มีพยัญชนะกำกับ ({shown})",
                f"a Thai mark with no consonant under it ({shown})",
            )
        if any(run[k] == run[k + 1] for k in range(len(run) - 1)):
            return (
                f"พิมพ์วรรณยุกต์หรือสระซ้ำ ({shown})",
                f"a Thai mark typed twice ({shown})",
            )
        if sum(m in TONES for m in run) > 1:
            return (
                f"มีวรรณยุกต์มากกว่าหนึ่งตัวบนพยัญชนะเดียว ({shown})",
                f"two tone marks on one consonant ({shown})",
            )
        if sum(m in VOWELS_ABOVE_BELOW for m in run) > 1 and NIKHAHIT not in run:
            return (
                f"มีสระบนหรือสระล่างมากกว่าหนึ่งตัว ({shown})",
                f"two vowels above or below one consonant ({shown})",
            )
        i = j
    return None


def _strip_prefix(text: str, prefixes: tuple[str, ...]) -> str:
    low = text.lower()
    for p in prefixes:
        if low.startswith(p) and len(text) - len(p) >= 2:
            return text[len(p) :].lstrip()
    return text


def name_key(*parts: str | None) -> str:
    """A person's name (prefix and name parts, or one full name) as one comparable key: normalised Thai,
    prefixes such as นาย/นาง/นางสาว/ดร./ว่าที่ ร.ต. removed, no spaces at all, lower case."""
    text = normalize_thai(" ".join(p for p in parts if p))
    text = re.sub(r"^ว่าที่\s*ร\.\s*ต\.\s*", "ว่าที่ร.ต.", text)
    before = None
    while before != text:  # "ว่าที่ ร.ต. ดร." → both go
        before = text
        text = _strip_prefix(text, PERSON_PREFIXES)
    return "".join(text.split()).lower()


def enterprise_key(name: str | None) -> str:
    """An enterprise's name without its legal form (บริษัท…จำกัด, บจก., หจก., ห้างหุ้นส่วนจำกัด,
    วิสาหกิจชุมชน, ร้าน…), normalised, without spaces, lower case."""
    text = "".join(normalize_thai(name or "").split()).lower()
    changed = True
    while changed:
        changed = False
        for form in ENTERPRISE_FORMS:
            f = form.replace(" ", "")
            if text.startswith(f) and len(text) > len(f):
                text, changed = text[len(f) :], True
            if text.endswith(f) and len(text) > len(f):
                text, changed = text[: -len(f)], True
    return text


def similarity(a: str, b: str) -> float:
    """0..1: how alike two keys are (1 = the same)."""
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


@dataclass
class Score:
    value: float
    reasons: list[str] = field(
        default_factory=list
    )  # "name", "name_similar", "birth_date", "phone", "province"


def person_score(
    a_name: str,
    b_name: str,
    *,
    a_birth: dt.date | None = None,
    b_birth: dt.date | None = None,
    a_phone: str = "",
    b_phone: str = "",
    a_province: str | None = None,
    b_province: str | None = None,
) -> Score:
    """How likely two people are one (0..1). Names are keys (`name_key`). The name carries 0.6; the same
    birth date adds 0.25 (a different one takes 0.3 off), the same phone 0.2, the same province 0.05."""
    sim = similarity(a_name, b_name)
    score = Score(0.6 * sim)
    if sim == 1.0:
        score.reasons.append("name")
    elif sim >= 0.8:
        score.reasons.append("name_similar")
    if a_birth and b_birth:
        if a_birth == b_birth:
            score.value += 0.25
            score.reasons.append("birth_date")
        else:
            score.value -= 0.3
    if a_phone and b_phone and a_phone == b_phone:
        score.value += 0.2
        score.reasons.append("phone")
    if a_province and b_province and a_province == b_province:
        score.value += 0.05
        score.reasons.append("province")
    score.value = max(0.0, min(1.0, score.value))
    return score


def enterprise_score(
    a_name: str, b_name: str, *, a_phone: str = "", b_phone: str = "", a_province: str | None = None,
    b_province: str | None = None,
) -> Score:  # fmt: skip
    """How likely two enterprises are one (0..1): name key 0.7, phone 0.2, province 0.1 (another
    province takes 0.2 off)."""
    sim = similarity(a_name, b_name)
    score = Score(0.7 * sim)
    if sim == 1.0:
        score.reasons.append("name")
    elif sim >= 0.8:
        score.reasons.append("name_similar")
    if a_phone and b_phone and a_phone == b_phone:
        score.value += 0.2
        score.reasons.append("phone")
    if a_province and b_province:
        if a_province == b_province:
            score.value += 0.1
            score.reasons.append("province")
        else:
            score.value -= 0.2
    score.value = max(0.0, min(1.0, score.value))
    return score
