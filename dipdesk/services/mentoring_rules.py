"""The Big Brother rule (พี่ช่วยน้อง) as the 2020 policy means it, and the matchmaker that follows it.

Cohort 1 is mentored by established companies or experienced people. From cohort 2 on, the mentors of
cohort n are the *graduated* mentees of cohort n − 1: an enterprise whose cohort n − 1 pair is marked
graduated, or a person who owns or works in one. Anything else (an outside company helping a later
cohort, a graduate of an older cohort) needs an override with a reason, which is kept in the audit trail
(`dipdesk.services.mentoring.create_pair`).

`propose_mentors` ranks the eligible mentors for a new mentee: same TSIC industry (same 5-digit class,
else same 2-digit division), same province, the economic value the mentor's own outcomes show, and how
many mentees it already has in that cohort.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from dipdesk.core.kpi import economic_value
from dipdesk.store.mentoring import MentoringPair
from dipdesk.store.outcomes import Outcome
from dipdesk.store.people import Enterprise, EnterpriseMember

MAX_LOAD = 3  # mentees per mentor in one cohort before the matchmaker stops proposing it


@dataclass(frozen=True)
class RuleProblem:
    """Why a mentor does not follow the rule (Thai and English)."""

    message_th: str
    message_en: str


def graduates_of(session: Session, cohort: int) -> set[str]:
    """Enterprises whose pair as a mentee in `cohort` is graduated."""
    return set(
        session.scalars(
            select(MentoringPair.mentee_enterprise_id).where(
                MentoringPair.cohort == cohort,
                MentoringPair.status == "graduated",
                MentoringPair.deleted.is_(False),
            )
        )
    )


def _enterprises_of_person(session: Session, person_id: str) -> set[str]:
    owned = session.scalars(
        select(Enterprise.id).where(Enterprise.owner_person_id == person_id, Enterprise.deleted.is_(False))
    )
    member = session.scalars(
        select(EnterpriseMember.enterprise_id).where(
            EnterpriseMember.person_id == person_id, EnterpriseMember.deleted.is_(False)
        )
    )
    return set(owned) | set(member)


def mentor_problem(
    session: Session,
    cohort: int,
    *,
    mentor_enterprise_id: str | None,
    mentor_person_id: str | None,
    mentee_enterprise_id: str,
) -> RuleProblem | None:
    """None when the mentor may mentor `cohort` by the rule; else what is wrong."""
    if mentor_enterprise_id and mentor_enterprise_id == mentee_enterprise_id:
        return RuleProblem("พี่เลี้ยงและน้องเป็นกิจการเดียวกันไม่ได้", "an enterprise cannot mentor itself")
    if cohort <= 1:
        return None
    eligible = graduates_of(session, cohort - 1)
    if mentor_enterprise_id and mentor_enterprise_id in eligible:
        return None
    if (
        not mentor_enterprise_id
        and mentor_person_id
        and _enterprises_of_person(session, mentor_person_id) & eligible
    ):
        return None
    return RuleProblem(
        f"ตามนโยบายพี่ช่วยน้อง พี่เลี้ยงของรุ่นที่ {cohort} ต้องเป็นน้องที่จบจากรุ่นที่ {cohort - 1} "
        "หากจำเป็นต้องใช้พี่เลี้ยงอื่น ให้ระบุเหตุผล (บันทึกไว้ในประวัติการแก้ไข)",
        f"by the Big Brother policy the mentors of cohort {cohort} are graduated mentees of cohort "
        f"{cohort - 1}; another mentor needs a reason (kept in the audit trail)",
    )


# --- the matchmaker ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Proposal:
    enterprise_id: str
    name: str
    score: float
    reasons: list[str] = field(default_factory=list)  # Thai, for the screen
    value: Decimal = Decimal(0)
    load: int = 0


def enterprise_values(session: Session, enterprise_ids: set[str] | None = None) -> dict[str, Decimal]:
    """The economic value of each enterprise's recorded outcomes (all years): the sum over its outcome
    records of `dipdesk.core.kpi.economic_value`, as the dashboard computes it; never typed in."""
    q = select(
        Outcome.enterprise_id,
        Outcome.revenue_before,
        Outcome.revenue_after,
        Outcome.cost_saved,
        Outcome.investment,
    ).where(Outcome.deleted.is_(False))
    if enterprise_ids is not None:
        q = q.where(Outcome.enterprise_id.in_(enterprise_ids))
    totals: dict[str, Decimal] = {}
    for eid, before, after, saved, invested in session.execute(q):
        value = economic_value(
            Decimal(before or 0), Decimal(after or 0), Decimal(saved or 0), Decimal(invested or 0)
        )
        totals[eid] = totals.get(eid, Decimal(0)) + value
    return totals


def propose_mentors(
    session: Session, mentee_enterprise_id: str, cohort: int, *, limit: int = 5
) -> list[Proposal]:
    """The best mentors for this mentee in `cohort`, by the rule (only graduates of cohort − 1; for
    cohort 1, every mentor of cohort 1 so far), best first."""
    mentee = session.get(Enterprise, mentee_enterprise_id)
    if mentee is None:
        return []
    if cohort > 1:
        candidates = graduates_of(session, cohort - 1)
    else:
        candidates = set(
            session.scalars(
                select(MentoringPair.mentor_enterprise_id).where(
                    MentoringPair.cohort == 1,
                    MentoringPair.mentor_enterprise_id.is_not(None),
                    MentoringPair.deleted.is_(False),
                )
            )
        )
    candidates.discard(mentee_enterprise_id)
    if not candidates:
        return []
    loads = dict(
        session.execute(
            select(MentoringPair.mentor_enterprise_id, func.count())
            .where(
                MentoringPair.cohort == cohort,
                MentoringPair.mentor_enterprise_id.in_(candidates),
                MentoringPair.deleted.is_(False),
                or_(MentoringPair.status == "active", MentoringPair.status == "graduated"),
            )
            .group_by(MentoringPair.mentor_enterprise_id)
        ).all()
    )
    values = enterprise_values(session, candidates)
    best_value = max(values.values(), default=Decimal(0)) or Decimal(1)
    proposals = []
    for e in session.scalars(
        select(Enterprise).where(Enterprise.id.in_(candidates), Enterprise.deleted.is_(False))
    ):
        load = int(loads.get(e.id, 0))
        if load >= MAX_LOAD:
            continue
        score, reasons = 0.0, []
        if mentee.tsic_code and e.tsic_code:
            if e.tsic_code == mentee.tsic_code:
                score += 3
                reasons.append(f"อุตสาหกรรมเดียวกัน (TSIC {e.tsic_code})")
            elif e.tsic_code[:2] == mentee.tsic_code[:2]:
                score += 2
                reasons.append(f"หมวดอุตสาหกรรมเดียวกัน (TSIC {e.tsic_code[:2]})")
        if mentee.province_id and e.province_id == mentee.province_id:
            score += 2
            reasons.append("จังหวัดเดียวกัน")
        value = values.get(e.id, Decimal(0))
        if value > 0:
            score += 2 * float(value / best_value)
            reasons.append(f"มูลค่าทางเศรษฐกิจ {value:,.0f} บาท")
        if load:
            score -= 0.5 * load
            reasons.append(f"ดูแลน้องในรุ่นนี้แล้ว {load} ราย")
        proposals.append(Proposal(e.id, e.name_th, round(score, 3), reasons, value, load))
    proposals.sort(key=lambda p: (-p.score, p.name))
    return proposals[:limit]
