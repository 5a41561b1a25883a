""" "Big Brother" mentoring (พี่ช่วยน้อง): pairs by cohort, their meetings, and the lineage between cohorts.

Cohort 1 is mentored by established companies (or experienced people); a mentee that graduates may mentor
an enterprise of the next cohort, and so on. The lineage (who mentored whom, across cohorts) is read from
the pairs themselves: a mentor enterprise that was a mentee in an earlier cohort continues its mentor's
line. A mentor given only as a person continues the line of an enterprise that person owns.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import func, or_, select, text
from sqlalchemy.orm import Session, aliased

from dipdesk.services import records
from dipdesk.services.context import Context
from dipdesk.services.enrollment import person_name
from dipdesk.services.errors import NotFound, ValidationError
from dipdesk.services.mentoring_rules import mentor_problem
from dipdesk.services.search import check_search_text
from dipdesk.store.mentoring import MentoringPair, MentoringSession
from dipdesk.store.people import Enterprise, Person

PAIR_STATES = ("active", "graduated", "ended")
_STATE_TH = {"active": "กำลังดำเนินการ", "graduated": "สำเร็จ", "ended": "ยุติ"}


def _live_enterprise(session: Session, enterprise_id: str | None, field_name: str) -> None:
    if enterprise_id is None:
        return
    e = session.get(Enterprise, enterprise_id)
    if e is None or e.deleted:
        raise NotFound(f"ไม่พบสถานประกอบการ ({field_name})", f"no enterprise {enterprise_id} ({field_name})")


def create_pair(
    ctx: Context,
    *,
    cohort: int,
    mentee_enterprise_id: str,
    mentor_enterprise_id: str | None = None,
    mentor_person_id: str | None = None,
    program_id: str | None = None,
    started_on: dt.date | str | None = None,
    status: str = "active",
    override_reason: str = "",
) -> MentoringPair:
    """Pair a mentor (a company, a person, or a person for a company) with a mentee enterprise.

    The Big Brother rule holds (`dipdesk.services.mentoring_rules`): from cohort 2 on, a mentor is a
    graduated mentee of the cohort before. A pair that breaks it needs `override_reason`, which goes into
    the audit trail with the rule it overrides."""
    ctx.require("records.write")
    if int(cohort) < 1:
        raise ValidationError("cohort", "รุ่น: ต้องเป็นรุ่นที่ 1 ขึ้นไป", "cohort: must be 1 or more")
    _live_enterprise(ctx.session, mentee_enterprise_id, "mentee")
    _live_enterprise(ctx.session, mentor_enterprise_id, "mentor")
    if status not in PAIR_STATES:
        raise ValidationError(
            "status", "สถานะคู่พี่เลี้ยงไม่ถูกต้อง", f"status must be one of {', '.join(PAIR_STATES)}"
        )
    twice = ctx.session.scalars(
        select(MentoringPair.id).where(
            MentoringPair.cohort == int(cohort),
            MentoringPair.mentee_enterprise_id == mentee_enterprise_id,
            MentoringPair.deleted.is_(False),
        )
    ).first()
    if twice is not None:
        raise ValidationError(
            "mentee_enterprise_id",
            f"น้อง: สถานประกอบการนี้มีพี่เลี้ยงในรุ่นที่ {cohort} แล้ว",
            f"mentee: this enterprise already has a mentor in cohort {cohort}",
        )
    problem = mentor_problem(
        ctx.session,
        int(cohort),
        mentor_enterprise_id=mentor_enterprise_id,
        mentor_person_id=mentor_person_id,
        mentee_enterprise_id=mentee_enterprise_id,
    )
    reason = " ".join(override_reason.split())
    if problem is not None and (not reason or mentor_enterprise_id == mentee_enterprise_id):
        raise ValidationError("mentor_enterprise_id", problem.message_th, problem.message_en)
    pair = records.create(
        ctx,
        MentoringPair,
        cohort=int(cohort),
        mentee_enterprise_id=mentee_enterprise_id,
        mentor_enterprise_id=mentor_enterprise_id,
        mentor_person_id=mentor_person_id,
        program_id=program_id,
        started_on=started_on,
        status=status,
    )
    if problem is not None:
        records.audit(ctx, "mentor_rule_override", pair, {"rule": problem.message_en}, reason)
    return pair


def set_pair_status(ctx: Context, pair: MentoringPair, status: str) -> bool:
    """Active → graduated (the mentee may now mentor) or ended; any back to active if set by mistake."""
    ctx.require("records.write")
    if status not in PAIR_STATES:
        raise ValidationError(
            "status", "สถานะคู่พี่เลี้ยงไม่ถูกต้อง", f"status must be one of {', '.join(PAIR_STATES)}"
        )
    return bool(records.update(ctx, pair, status=status))


def add_session(
    ctx: Context,
    pair_id: str,
    *,
    day: dt.date | str,
    topic: str,
    hours: Decimal | int | float | str = 0,
    notes: str = "",
    follow_up: str = "",
) -> MentoringSession:
    """Record one mentoring meeting (date, hours, topic, notes, follow-up actions)."""
    ctx.require("records.write")
    pair = ctx.session.get(MentoringPair, pair_id)
    if pair is None or pair.deleted:
        raise NotFound("ไม่พบคู่พี่เลี้ยงนี้", f"no mentoring pair {pair_id}")
    if Decimal(str(hours or 0)) < 0:
        raise ValidationError("hours", "จำนวนชั่วโมง: ต้องไม่ติดลบ", "hours: must not be negative")
    return records.create(
        ctx,
        MentoringSession,
        pair_id=pair_id,
        day=day,
        hours=hours,
        topic=topic,
        notes=notes,
        follow_up=follow_up,
    )


# --- reading -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PairRow:
    id: str
    cohort: int
    mentor: str  # the company with its person in brackets, or the person
    mentor_kind: str  # "company" (an enterprise, maybe with a person) | "person"
    mentor_enterprise_id: str | None
    mentee: str
    mentee_enterprise_id: str
    started_on: dt.date | None
    status: str
    sessions: int
    hours: Decimal
    last_meeting: dt.date | None
    mentor_was_mentee_in: int | None  # the cohort in which the mentor was itself a mentee
    mentor_company: str = ""  # the mentor enterprise's name alone
    mentor_person: str = ""  # the mentor person's name alone


@dataclass(frozen=True)
class SessionRow:
    id: str
    day: dt.date
    hours: Decimal
    topic: str
    notes: str
    follow_up: str


@dataclass(frozen=True)
class CohortSummary:
    cohort: int
    pairs: int
    active: int
    graduated: int
    ended: int
    sessions: int
    hours: Decimal
    became_mentors: int  # mentees of this cohort who mentor in a later one


def cohorts(session: Session) -> list[int]:
    return list(
        session.scalars(
            select(MentoringPair.cohort)
            .distinct()
            .where(MentoringPair.deleted.is_(False))
            .order_by(MentoringPair.cohort)
        )
    )


def _mentee_cohorts(session: Session) -> dict[str, int]:
    """Enterprise id → the first cohort in which it was a mentee."""
    rows = session.execute(
        select(MentoringPair.mentee_enterprise_id, func.min(MentoringPair.cohort))
        .where(MentoringPair.deleted.is_(False))
        .group_by(MentoringPair.mentee_enterprise_id)
    )
    return {e: int(c) for e, c in rows}


def _owned(session: Session, person_ids: set[str]) -> dict[str, str]:
    """Person id → an enterprise they own (to follow a line through a person mentor)."""
    if not person_ids:
        return {}
    out: dict[str, str] = {}
    for pid, eid in session.execute(
        select(Enterprise.owner_person_id, Enterprise.id)
        .where(Enterprise.owner_person_id.in_(person_ids), Enterprise.deleted.is_(False))
        .order_by(Enterprise.created_at)
    ):
        if pid is not None:
            out.setdefault(pid, eid)
    return out


def pairs(session: Session, cohort: int | None = None) -> list[PairRow]:
    """The pairs (of one cohort, or all), newest cohort first, with their meetings counted."""
    mentor_e = aliased(Enterprise)
    mentee_e = aliased(Enterprise)
    stats = (
        select(
            MentoringSession.pair_id.label("pair_id"),
            func.count().label("n"),
            func.coalesce(func.sum(MentoringSession.hours), 0).label("hours"),
            func.max(MentoringSession.day).label("last"),
        )
        .where(MentoringSession.deleted.is_(False))
        .group_by(MentoringSession.pair_id)
        .subquery()
    )
    q = (
        select(
            MentoringPair,
            mentor_e.name_th,
            Person.prefix,
            Person.first_name_th,
            Person.last_name_th,
            mentee_e.name_th,
            stats.c.n,
            stats.c.hours,
            stats.c.last,
        )
        .outerjoin(mentor_e, mentor_e.id == MentoringPair.mentor_enterprise_id)
        .outerjoin(Person, Person.id == MentoringPair.mentor_person_id)
        .join(mentee_e, mentee_e.id == MentoringPair.mentee_enterprise_id)
        .outerjoin(stats, stats.c.pair_id == MentoringPair.id)
        .where(MentoringPair.deleted.is_(False))
        .order_by(MentoringPair.cohort.desc(), mentee_e.name_th)
    )
    if cohort is not None:
        q = q.where(MentoringPair.cohort == cohort)
    result = session.execute(q).all()
    mentee_in = _mentee_cohorts(session)
    owned = _owned(
        session, {p.mentor_person_id for p, *_ in result if p.mentor_person_id and not p.mentor_enterprise_id}
    )
    out = []
    for pair, company, prefix, first, last, mentee, n, hours, last_day in result:
        person = person_name(prefix, first, last) if first else ""
        if company:
            mentor, kind = (f"{company} ({person})" if person else company), "company"
        else:
            mentor, kind = person, "person"
        line = pair.mentor_enterprise_id or owned.get(pair.mentor_person_id or "")
        was = mentee_in.get(line) if line else None
        out.append(
            PairRow(
                id=pair.id,
                cohort=pair.cohort,
                mentor=mentor,
                mentor_kind=kind,
                mentor_enterprise_id=pair.mentor_enterprise_id,
                mentee=mentee,
                mentee_enterprise_id=pair.mentee_enterprise_id,
                started_on=pair.started_on,
                status=pair.status,
                sessions=int(n or 0),
                hours=Decimal(str(hours or 0)),
                last_meeting=_as_date(last_day),
                mentor_was_mentee_in=was if was is not None and was < pair.cohort else None,
                mentor_company=company or "",
                mentor_person=person,
            )
        )
    return out


def _as_date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def sessions_of(session: Session, pair_id: str) -> list[SessionRow]:
    q = (
        select(MentoringSession)
        .where(MentoringSession.pair_id == pair_id, MentoringSession.deleted.is_(False))
        .order_by(MentoringSession.day)
    )
    return [
        SessionRow(s.id, s.day, s.hours or Decimal(0), s.topic, s.notes or "", s.follow_up or "")
        for s in session.scalars(q)
    ]


def cohort_summaries(session: Session) -> list[CohortSummary]:
    rows = pairs(session)
    mentors_later: dict[int, set[str]] = {}
    for cohort, enterprise_id, _name, _later in mentees_who_became_mentors(session):
        mentors_later.setdefault(cohort, set()).add(enterprise_id)
    by: dict[int, list[PairRow]] = {}
    for r in rows:
        by.setdefault(r.cohort, []).append(r)
    return [
        CohortSummary(
            cohort=c,
            pairs=len(rs),
            active=sum(r.status == "active" for r in rs),
            graduated=sum(r.status == "graduated" for r in rs),
            ended=sum(r.status == "ended" for r in rs),
            sessions=sum(r.sessions for r in rs),
            hours=sum((r.hours for r in rs), Decimal(0)),
            became_mentors=len(mentors_later.get(c, set())),
        )
        for c, rs in sorted(by.items())
    ]


# --- lineage -----------------------------------------------------------------------------------------


@dataclass
class LineageNode:
    """One mentor or mentee in the lineage tree; `children` are the enterprises it mentored."""

    key: str  # "e:<enterprise id>" or "p:<person id>"
    name: str
    cohort: int | None  # the cohort in which this one was a mentee (None: an outside mentor)
    status: str  # its own pair's status as a mentee ("" for outside mentors)
    children: list[LineageNode] = field(default_factory=list)

    @property
    def depth(self) -> int:
        """How many generations hang below this node (0 for a leaf)."""
        return 1 + max(c.depth for c in self.children) if self.children else 0

    def descendants(self) -> int:
        return sum(1 + c.descendants() for c in self.children)


def lineage(session: Session) -> list[LineageNode]:
    """The mentoring lineage as a forest: outside mentors (companies, people) at the roots, their mentees
    below, and below each mentee whatever it mentored in later cohorts. Roots with the longest lines first."""
    live = list(
        session.execute(
            select(
                MentoringPair.cohort,
                MentoringPair.mentor_enterprise_id,
                MentoringPair.mentor_person_id,
                MentoringPair.mentee_enterprise_id,
                MentoringPair.status,
            )
            .where(MentoringPair.deleted.is_(False))
            .order_by(MentoringPair.cohort)
        )
    )
    owned = _owned(session, {p for _, e, p, _, _ in live if p and not e})
    enterprise_ids = {m for *_, m, _ in live} | {e for _, e, *_ in live if e} | set(owned.values())
    names = {
        eid: name
        for eid, name in session.execute(
            select(Enterprise.id, Enterprise.name_th).where(Enterprise.id.in_(enterprise_ids))
        )
    }
    person_ids = {p for _, e, p, _, _ in live if p and not e and p not in owned}
    people = {
        pid: person_name(prefix, first, last)
        for pid, prefix, first, last in session.execute(
            select(Person.id, Person.prefix, Person.first_name_th, Person.last_name_th).where(
                Person.id.in_(person_ids)
            )
        )
    }

    first_as_mentee: dict[str, tuple[int, str]] = {}
    children: dict[str, list[tuple[int, str]]] = {}
    for cohort, mentor_e, mentor_p, mentee, status in live:
        first_as_mentee.setdefault(f"e:{mentee}", (cohort, status))
        if mentor_e:
            mentor_key = f"e:{mentor_e}"
        elif mentor_p in owned:
            mentor_key = f"e:{owned[mentor_p]}"
        else:
            mentor_key = f"p:{mentor_p}"
        children.setdefault(mentor_key, []).append((cohort, f"e:{mentee}"))

    def name_of(key: str) -> str:
        kind, ident = key.split(":", 1)
        return names.get(ident, "") if kind == "e" else people.get(ident, "")

    def build(key: str, seen: frozenset[str]) -> LineageNode:
        cohort, status = first_as_mentee.get(key, (None, ""))
        node = LineageNode(key, name_of(key), cohort, status)
        for _c, child in sorted(children.get(key, []), key=lambda x: (x[0], name_of(x[1]))):
            if child in seen:
                continue  # a cycle in bad data: show it once
            node.children.append(build(child, seen | {child}))
        return node

    roots = [build(k, frozenset({k})) for k in children if k not in first_as_mentee]
    roots.sort(key=lambda n: (-n.depth, -n.descendants(), n.name))
    return roots


def mentees_who_became_mentors(session: Session) -> list[tuple[int, str, str, list[int]]]:
    """(mentee cohort, enterprise id, name, cohorts it then mentored) for every link in the lineage."""
    return sorted(_links(lineage(session)), key=lambda x: (x[0], x[2]))


def _links(nodes: list[LineageNode]) -> list[tuple[int, str, str, list[int]]]:
    found: dict[str, tuple[int, str, str, list[int]]] = {}

    def walk(node: LineageNode) -> None:
        if node.cohort is not None and node.children:
            later = sorted({c.cohort for c in node.children if c.cohort is not None})
            found.setdefault(node.key, (node.cohort, node.key.split(":", 1)[1], node.name, later))
        for c in node.children:
            walk(c)

    for n in nodes:
        walk(n)
    return list(found.values())


# --- finding mentors and mentees ---------------------------------------------------------------------


@dataclass(frozen=True)
class EnterpriseHit:
    id: str
    code: str
    name: str


def search_enterprises(session: Session, query: str, *, limit: int = 30) -> list[EnterpriseHit]:
    """Enterprises whose name, code or registration ID contains what was typed (Thai substrings work)."""
    check_search_text(query)
    words = query.split()
    if not words:
        return []
    q = select(Enterprise.id, Enterprise.code, Enterprise.name_th).where(Enterprise.deleted.is_(False))
    use_fts = session.get_bind().dialect.name == "sqlite"
    for i, word in enumerate(words):
        if use_fts and len(word) >= 3:
            phrase = '"' + word.replace('"', '""') + '"'
            q = q.where(
                text(
                    f"enterprises.rowid IN (SELECT rowid FROM enterprises_fts WHERE enterprises_fts MATCH :e{i})"
                ).bindparams(**{f"e{i}": phrase})
            )
        else:
            like = f"%{word}%"
            q = q.where(or_(Enterprise.name_th.like(like), Enterprise.code.like(like)))
    return [
        EnterpriseHit(r.id, r.code, r.name_th)
        for r in session.execute(q.order_by(Enterprise.name_th).limit(limit))
    ]
