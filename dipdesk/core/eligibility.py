"""Who may receive a certificate (วุฒิบัตร / เกียรติบัตร): a rule, not a manual tick.

- **Completion** (วุฒิบัตร, "ได้ผ่านการอบรม"): the enrollment is *completed* and the person attended at
  least the activity's threshold (``completion_threshold``, default 80 %) of its hours.
- **Participation** (เกียรติบัตร, "ได้เข้าร่วม"): the person is enrolled or completed (not merely applied,
  not dropped) and was present for some of it.

Hours and the threshold arithmetic are those of :mod:`dipdesk.core.attendance` (exact ``Decimal``:
80 % of 15 hours is 12 hours, and 11.99 is not enough). An activity without hours (no sessions and no
planned hours: a one-day fair, a visit) cannot be judged by attendance; there the enrollment status that
staff set decides. Staff may still issue to someone the rule refuses: that is an *override*, which needs
a reason and is audited (see ``dipdesk.services.certificates``).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from dipdesk.core.attendance import DEFAULT_THRESHOLD, completes, required_hours

KINDS = ("completion", "participation")


class Verdict(StrEnum):
    """Why someone is, or is not, eligible. The value is a stable code (CLI, JSON, tests)."""

    ELIGIBLE = "eligible"
    NOT_COMPLETED = "not_completed"  # applied or still enrolled, not marked completed
    DROPPED = "dropped"
    APPLIED_ONLY = "applied_only"  # never enrolled
    ATTENDANCE_SHORT = "attendance_short"  # below the threshold
    NEVER_PRESENT = "never_present"  # participation: no hours at all

    @property
    def eligible(self) -> bool:
        return self is Verdict.ELIGIBLE


@dataclass(frozen=True)
class Attendance:
    """The facts the rule looks at, for one person in one activity."""

    status: str  # applied | enrolled | completed | dropped
    attended_hours: Decimal
    total_hours: Decimal  # the activity's hours (or the sum of its sessions)
    threshold_percent: int = DEFAULT_THRESHOLD

    @property
    def share_percent(self) -> Decimal | None:
        """Attended hours as a percentage of the total (None when the activity has no hours)."""
        if self.total_hours <= 0:
            return None
        return self.attended_hours * 100 / self.total_hours

    @property
    def required_hours(self) -> Decimal:
        """Hours needed to complete: the threshold share of the total."""
        return required_hours(self.total_hours, self.threshold_percent)


@dataclass(frozen=True)
class Eligibility:
    verdict: Verdict
    kind: str
    facts: Attendance

    @property
    def eligible(self) -> bool:
        return self.verdict.eligible

    def explain_th(self) -> str:
        return _explain(self, "th")

    def explain_en(self) -> str:
        return _explain(self, "en")


def _meets_threshold(a: Attendance) -> bool:
    if a.total_hours <= 0:
        return True  # nothing to measure attendance against: the status decides
    return completes(a.attended_hours, a.total_hours, a.threshold_percent)


def assess(a: Attendance, kind: str = "completion") -> Eligibility:
    """Apply the rule for a certificate of ``kind`` (``completion`` or ``participation``)."""
    if kind not in KINDS:
        raise ValueError(f"unknown certificate kind {kind!r}; expected one of {', '.join(KINDS)}")
    if a.status == "dropped":
        verdict = Verdict.DROPPED
    elif a.status == "applied":
        verdict = Verdict.APPLIED_ONLY
    elif kind == "completion":
        if a.status != "completed":
            verdict = Verdict.NOT_COMPLETED
        elif not _meets_threshold(a):
            verdict = Verdict.ATTENDANCE_SHORT
        else:
            verdict = Verdict.ELIGIBLE
    elif a.status not in ("enrolled", "completed"):
        verdict = Verdict.NOT_COMPLETED
    elif a.total_hours > 0 and a.attended_hours <= 0:
        verdict = Verdict.NEVER_PRESENT
    else:
        verdict = Verdict.ELIGIBLE
    return Eligibility(verdict, kind, a)


def _hours(h: Decimal) -> str:
    text = f"{h.quantize(Decimal('0.01')).normalize():f}"
    return text


def _explain(e: Eligibility, lang: str) -> str:
    a = e.facts
    v = e.verdict
    if v is Verdict.ELIGIBLE:
        if a.total_hours > 0:
            return (
                f"มีสิทธิ์: เข้าร่วม {_hours(a.attended_hours)} จาก {_hours(a.total_hours)} ชั่วโมง"
                if lang == "th"
                else f"eligible: attended {_hours(a.attended_hours)} of {_hours(a.total_hours)} hours"
            )
        return "มีสิทธิ์" if lang == "th" else "eligible"
    if v is Verdict.ATTENDANCE_SHORT:
        return (
            f"เวลาเข้าร่วม {_hours(a.attended_hours)} ชั่วโมง ไม่ถึงเกณฑ์ร้อยละ {a.threshold_percent} "
            f"({_hours(a.required_hours)} จาก {_hours(a.total_hours)} ชั่วโมง)"
            if lang == "th"
            else f"attended {_hours(a.attended_hours)} hours, below the {a.threshold_percent} % threshold "
            f"({_hours(a.required_hours)} of {_hours(a.total_hours)} hours)"
        )
    texts = {
        Verdict.NOT_COMPLETED: ("ยังไม่ได้รับการบันทึกว่าผ่านการอบรม", "the enrollment is not marked completed"),
        Verdict.DROPPED: ("ออกจากการอบรมกลางคัน", "dropped out"),
        Verdict.APPLIED_ONLY: ("สมัครแล้วแต่ยังไม่ได้ลงทะเบียน", "applied but never enrolled"),
        Verdict.NEVER_PRESENT: ("ไม่มีบันทึกการเข้าร่วม", "never recorded as present"),
    }
    th, en = texts[v]
    return th if lang == "th" else en
