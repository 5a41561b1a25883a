"""Possible duplicates, offered before a new person or enterprise is created.

The same person is often typed in twice: once from a Google Forms sheet, once at the door of a training
room. Before a new record is saved the form asks here whether it looks like one already kept:

- a person with the same national ID (เลขประจำตัวประชาชน), or the same first and last name and birth date;
- an enterprise with the same juristic registration ID, or the same name in the same province;
- understanding Thai (`dipdesk.core.thainorm`): a person with the same birth date or phone whose name is
  the same or nearly so once normalised (ํ + า / ำ, tone-mark order, doubled marks, spaces inside the name,
  prefixes such as นาย/นางสาว/ดร./ว่าที่ ร.ต., zero-width characters), scored by name, birth date, phone
  and province; an enterprise whose name without its legal form (บริษัท…จำกัด, บจก., หจก., วิสาหกิจชุมชน,
  ร้าน) is the same in the same province.

`duplicate_pairs` lists the candidate pairs among one site's own records, best first, for a person to
review and merge.

The answer is a list the user chooses from (open the existing record, or create the new one anyway);
nothing is refused here. The unique national ID is also enforced by `records.create`, which names the
field if the user goes ahead. National IDs in the answer are masked (PDPA).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select, text
from sqlalchemy.orm import Session

from dipdesk.core.thaidate import ENGLISH_MONTHS_ABBR, DateParseError, be_year, format_thai_date, parse_date
from dipdesk.core.thaiid import IdError, mask_id, validate_id
from dipdesk.core.thainorm import enterprise_key, enterprise_score, name_key, person_score
from dipdesk.store.base import thai_order
from dipdesk.store.people import Enterprise, Person
from dipdesk.store.reference import Province

REASONS = {
    "national_id": ("เลขประจำตัวประชาชนเดียวกัน", "Same national ID"),
    "name_birth_date": ("ชื่อ นามสกุล และวันเกิดเดียวกัน", "Same name and birth date"),
    "registration_id": ("เลขทะเบียนนิติบุคคลเดียวกัน", "Same juristic registration ID"),
    "name_province": ("ชื่อกิจการเดียวกันในจังหวัดเดียวกัน", "Same enterprise name in the same province"),
    "similar": ("ชื่อคล้ายกันมาก และข้อมูลอื่นตรงกัน", "Nearly the same name, and other details match"),
}
MIN_SCORE = 0.75


@dataclass(frozen=True)
class PossibleDuplicate:
    """An existing record that may be the one being typed in, and why it is offered."""

    kind: str  # "people" | "enterprises"
    id: str
    reason: str  # a key of REASONS
    name: str
    detail: str  # what tells them apart: masked ID, birth date, code, province

    def reason_text(self, lang: str = "th") -> str:
        th, en = REASONS[self.reason]
        return th if lang == "th" else en


def _clean(value: Any) -> str:
    return " ".join(str(value or "").split())


def _id13(value: Any) -> str | None:
    if not value:
        return None
    try:
        return validate_id(str(value))
    except IdError:
        return None  # an invalid ID cannot match a stored one (they are checked when saved)


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if not value:
        return None
    try:
        return parse_date(str(value))
    except DateParseError:
        return None


def _show_date(d: dt.date, lang: str) -> str:
    """BE dates, as the screens show them."""
    if lang == "th":
        return format_thai_date(d, "medium")
    return f"{d.day} {ENGLISH_MONTHS_ABBR[d.month - 1]} {be_year(d)}"


def _province_name(session: Session, province_id: str | None, lang: str) -> str:
    if not province_id:
        return ""
    p = session.get(Province, province_id)
    if p is None:
        return ""
    return p.name_en if lang == "en" and p.name_en else p.name_th


def person_duplicates(
    session: Session,
    values: dict[str, Any],
    *,
    exclude_id: str | None = None,
    limit: int = 10,
    lang: str = "th",
) -> list[PossibleDuplicate]:
    """People that may be the person described by `values` (the form's fields, as typed or parsed)."""
    found: dict[str, PossibleDuplicate] = {}
    live = (Person.deleted.is_(False),) + ((Person.id != exclude_id,) if exclude_id else ())

    def add(p: Person, reason: str) -> None:
        if p.id in found:
            return
        detail = " · ".join(
            x
            for x in (
                mask_id(p.national_id) if p.national_id else "",
                _show_date(p.birth_date, lang) if p.birth_date else "",
            )
            if x
        )
        name = _clean(f"{p.prefix}{p.first_name_th} {p.last_name_th}")
        found[p.id] = PossibleDuplicate("people", p.id, reason, name, detail)

    nid = _id13(values.get("national_id"))
    if nid:
        for p in session.scalars(select(Person).where(Person.national_id == nid, *live).limit(limit)):
            add(p, "national_id")
    first, last = _clean(values.get("first_name_th")), _clean(values.get("last_name_th"))
    born = _date(values.get("birth_date"))
    if first and born:
        q = select(Person).where(
            Person.first_name_th == first, Person.last_name_th == last, Person.birth_date == born, *live
        )
        for p in session.scalars(q.limit(limit)):
            add(p, "name_birth_date")
    # the Thai way: people with the same birth date or phone, whose normalised names are (nearly) the same
    key = name_key(values.get("prefix"), first, last)
    phone = _clean(values.get("phone"))
    if key and (born or phone):
        near = []
        if born:
            near.append(Person.birth_date == born)
        if phone:
            near.append(Person.phone == phone)
        for p in session.scalars(select(Person).where(or_(*near), *live).limit(200)):
            score = person_score(
                key,
                name_key(p.prefix, p.first_name_th, p.last_name_th),
                a_birth=born,
                b_birth=p.birth_date,
                a_phone=phone,
                b_phone=p.phone,
                a_province=values.get("province_id"),
                b_province=p.province_id,
            )
            if score.value >= MIN_SCORE and ("name" in score.reasons or "name_similar" in score.reasons):
                add(p, "similar")
    return list(found.values())[:limit]


def enterprise_duplicates(
    session: Session,
    values: dict[str, Any],
    *,
    exclude_id: str | None = None,
    limit: int = 10,
    lang: str = "th",
) -> list[PossibleDuplicate]:
    """Enterprises that may be the one described by `values`."""
    found: dict[str, PossibleDuplicate] = {}
    live = (Enterprise.deleted.is_(False),) + ((Enterprise.id != exclude_id,) if exclude_id else ())

    def add(e: Enterprise, reason: str) -> None:
        if e.id not in found:
            detail = " · ".join(x for x in (e.code, _province_name(session, e.province_id, lang)) if x)
            found[e.id] = PossibleDuplicate("enterprises", e.id, reason, e.name_th, detail)

    reg = _id13(values.get("registration_id"))
    if reg:
        for e in session.scalars(
            select(Enterprise).where(Enterprise.registration_id == reg, *live).limit(limit)
        ):
            add(e, "registration_id")
    name = _clean(values.get("name_th"))
    province = values.get("province_id") or None
    if name:
        cond = Enterprise.province_id == province if province else Enterprise.province_id.is_(None)
        # the Thai-order expression is what the name index holds (migration 0006): an equality on it is
        # an index lookup, even among a hundred thousand enterprises
        by_index = text(f"{thai_order('enterprises.name_th')} = {thai_order(':dup_name')}")
        q = select(Enterprise).where(
            by_index.bindparams(dup_name=name), Enterprise.name_th == name, cond, *live
        )
        for e in session.scalars(q.limit(limit)):
            add(e, "name_province")
        # the Thai way: the same name without its legal form, in the same province
        key = enterprise_key(name)
        if key and province:
            for e in session.scalars(
                select(Enterprise).where(Enterprise.province_id == province, *live).limit(5000)
            ):
                if e.id not in found and enterprise_key(e.name_th) == key:
                    add(e, "similar")
                    if len(found) >= limit:
                        break
    return list(found.values())[:limit]


def possible_duplicates(
    session: Session, kind: str, values: dict[str, Any], *, exclude_id: str | None = None, lang: str = "th"
) -> list[PossibleDuplicate]:
    """`person_duplicates` or `enterprise_duplicates` by list name ("people", "enterprises"); [] else."""
    if kind == "people":
        return person_duplicates(session, values, exclude_id=exclude_id, lang=lang)
    if kind == "enterprises":
        return enterprise_duplicates(session, values, exclude_id=exclude_id, lang=lang)
    return []


@dataclass(frozen=True)
class CandidatePair:
    """Two records of one site that may be one, for a person to review (and merge)."""

    kind: str
    a_id: str
    b_id: str
    a_name: str
    b_name: str
    score: float
    reasons: tuple[str, ...]


def duplicate_pairs(
    session: Session, site_id: str, *, kind: str = "people", min_score: float = MIN_SCORE, limit: int = 500
) -> list[CandidatePair]:
    """Candidate duplicate pairs among the site's own live records, best first.

    People are compared within blocks that share a birth date, a phone or a normalised name key (so a
    hundred thousand people are not compared pairwise); two different national IDs are never a pair, the
    same national ID always is. Enterprises are compared within a province by name without legal form,
    and pairs of the same registration ID."""
    if kind == "enterprises":
        return _enterprise_pairs(session, site_id, min_score, limit)
    rows = session.execute(
        select(
            Person.id,
            Person.prefix,
            Person.first_name_th,
            Person.last_name_th,
            Person.national_id,
            Person.birth_date,
            Person.phone,
            Person.province_id,
        ).where(Person.site_id == site_id, Person.deleted.is_(False))
    ).all()
    keys = {r.id: name_key(r.prefix, r.first_name_th, r.last_name_th) for r in rows}
    blocks: dict[tuple[str, Any], list[Any]] = {}
    for r in rows:
        if r.birth_date:
            blocks.setdefault(("b", r.birth_date), []).append(r)
        if r.phone:
            blocks.setdefault(("p", r.phone), []).append(r)
        if keys[r.id]:
            blocks.setdefault(("n", keys[r.id]), []).append(r)
        if r.national_id:
            blocks.setdefault(("i", r.national_id), []).append(r)
    seen: set[tuple[str, str]] = set()
    out: list[CandidatePair] = []
    reasons: tuple[str, ...]
    for members in blocks.values():
        if len(members) < 2 or len(members) > 200:
            continue  # a phone typed for a whole class (the office's) says nothing
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                pair = (a.id, b.id) if a.id < b.id else (b.id, a.id)
                if pair in seen:
                    continue
                seen.add(pair)
                if a.national_id and b.national_id:
                    if a.national_id != b.national_id:
                        continue
                    value, reasons = 1.0, ("national_id",)
                else:
                    sc = person_score(
                        keys[a.id],
                        keys[b.id],
                        a_birth=a.birth_date,
                        b_birth=b.birth_date,
                        a_phone=a.phone,
                        b_phone=b.phone,
                        a_province=a.province_id,
                        b_province=b.province_id,
                    )
                    if "name" not in sc.reasons and "name_similar" not in sc.reasons:
                        continue
                    value, reasons = sc.value, tuple(sc.reasons)
                if value >= min_score:
                    first, second = (a, b) if a.id < b.id else (b, a)  # names in the order of the ids
                    out.append(
                        CandidatePair(
                            "people",
                            pair[0],
                            pair[1],
                            _clean(f"{first.prefix}{first.first_name_th} {first.last_name_th}"),
                            _clean(f"{second.prefix}{second.first_name_th} {second.last_name_th}"),
                            round(value, 3),
                            reasons,
                        )
                    )
    out.sort(key=lambda p: (-p.score, p.a_name))
    return out[:limit]


def _enterprise_pairs(session: Session, site_id: str, min_score: float, limit: int) -> list[CandidatePair]:
    rows = session.execute(
        select(Enterprise.id, Enterprise.name_th, Enterprise.registration_id, Enterprise.phone, Enterprise.province_id)
        .where(Enterprise.site_id == site_id, Enterprise.deleted.is_(False))
    ).all()  # fmt: skip
    blocks: dict[tuple[str, Any], list[Any]] = {}
    for r in rows:
        blocks.setdefault(("k", enterprise_key(r.name_th)), []).append(r)
        if r.registration_id:
            blocks.setdefault(("r", r.registration_id), []).append(r)
    seen: set[tuple[str, str]] = set()
    out: list[CandidatePair] = []
    reasons: tuple[str, ...]
    for members in blocks.values():
        for i, a in enumerate(members[:200]):
            for b in members[i + 1 : 200]:
                pair = (a.id, b.id) if a.id < b.id else (b.id, a.id)
                if pair in seen:
                    continue
                seen.add(pair)
                if a.registration_id and b.registration_id:
                    if a.registration_id != b.registration_id:
                        continue
                    value, reasons = 1.0, ("registration_id",)
                else:
                    sc = enterprise_score(
                        enterprise_key(a.name_th),
                        enterprise_key(b.name_th),
                        a_phone=a.phone,
                        b_phone=b.phone,
                        a_province=a.province_id,
                        b_province=b.province_id,
                    )
                    value, reasons = sc.value, tuple(sc.reasons)
                if value >= min_score:
                    first, second = (a, b) if a.id < b.id else (b, a)  # names in the order of the ids
                    out.append(
                        CandidatePair(
                            "enterprises",
                            pair[0],
                            pair[1],
                            first.name_th,
                            second.name_th,
                            round(value, 3),
                            reasons,
                        )
                    )
    out.sort(key=lambda p: (-p.score, p.a_name))
    return out[:limit]
