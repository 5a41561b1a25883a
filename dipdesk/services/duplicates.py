"""Possible duplicates, offered before a new person or enterprise is created.

The same person is often typed in twice: once from a Google Forms sheet, once at the door of a training
room. Before a new record is saved the form asks here whether it looks like one already kept:

- a person with the same national ID (เลขประจำตัวประชาชน), or the same first and last name and birth date;
- an enterprise with the same juristic registration ID, or the same name in the same province.

The answer is a list the user chooses from (open the existing record, or create the new one anyway);
nothing is refused here. The unique national ID is also enforced by `records.create`, which names the
field if the user goes ahead. National IDs in the answer are masked (PDPA).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from dipdesk.core.thaidate import ENGLISH_MONTHS_ABBR, DateParseError, be_year, format_thai_date, parse_date
from dipdesk.core.thaiid import IdError, mask_id, validate_id
from dipdesk.store.base import thai_order
from dipdesk.store.people import Enterprise, Person
from dipdesk.store.reference import Province

REASONS = {
    "national_id": ("เลขประจำตัวประชาชนเดียวกัน", "Same national ID"),
    "name_birth_date": ("ชื่อ นามสกุล และวันเกิดเดียวกัน", "Same name and birth date"),
    "registration_id": ("เลขทะเบียนนิติบุคคลเดียวกัน", "Same juristic registration ID"),
    "name_province": ("ชื่อกิจการเดียวกันในจังหวัดเดียวกัน", "Same enterprise name in the same province"),
}


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
