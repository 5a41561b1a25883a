"""Outcomes that prove the value: follow-ups after activities, evidence behind outcomes, and how much of
the economic value that evidence backs.

- `schedule_followups`: each enterprise of an activity is due a follow-up 3, 6 and 12 months after it
  ends (the months can be chosen); scheduling again adds only what is missing.
- `due_followups`: the worklist, overdue first; `complete_followup` records the outcome found and closes
  the follow-up; `skip_followup` closes it with a reason (the enterprise closed, cannot be reached…).
- `attach_evidence`: a receipt, statement or photo (PDF, JPEG or PNG, at most 10 MB) attached to an
  outcome; the file is kept in the device's file store and travels as a sync file.
- `evidence_share`: of a fiscal year's economic value, the part whose outcome has evidence, per site and
  in all (on the server's database, that is the national figure).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dipdesk.core.kpi import economic_value
from dipdesk.services import records
from dipdesk.services.context import Context
from dipdesk.services.errors import NotFound, ValidationError
from dipdesk.services.outcomes import record_outcome
from dipdesk.store import reach
from dipdesk.store.enrollment import Enrollment
from dipdesk.store.followups import EVIDENCE_KINDS, FollowUp, OutcomeEvidence
from dipdesk.store.outcomes import Outcome
from dipdesk.store.people import Enterprise
from dipdesk.store.programs import Activity
from dipdesk.store.reference import Site

DEFAULT_MONTHS = (3, 6, 12)
MAX_EVIDENCE_BYTES = 10 * 1024 * 1024
_MEDIA = ((b"%PDF-", "application/pdf"), (b"\xff\xd8\xff", "image/jpeg"), (b"\x89PNG\r\n\x1a\n", "image/png"))


def add_months(day: dt.date, months: int) -> dt.date:
    """`day` plus `months` calendar months (31 Jan + 1 month → 28/29 Feb)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, d))
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover - 28 always exists


def schedule_followups(ctx: Context, activity_id: str, months: Iterable[int] = DEFAULT_MONTHS) -> int:
    """Due follow-ups for every enterprise enrolled in the activity; returns how many were added."""
    ctx.require("records.write")
    activity = ctx.session.get(Activity, activity_id)
    if activity is None or activity.deleted:
        raise NotFound("ไม่พบกิจกรรมนี้", f"no activity {activity_id}")
    wanted = sorted({int(m) for m in months})
    if not wanted or wanted[0] < 1 or wanted[-1] > 60:
        raise ValidationError("months", "ระยะติดตามผล: 1 ถึง 60 เดือน", "months: 1 to 60")
    enterprises = set(
        ctx.session.scalars(
            select(Enrollment.enterprise_id).where(
                Enrollment.activity_id == activity_id,
                Enrollment.enterprise_id.is_not(None),
                Enrollment.deleted.is_(False),
                Enrollment.status != "dropped",
            )
        )
    )
    have = {
        (e, m)
        for e, m in ctx.session.execute(
            select(FollowUp.enterprise_id, FollowUp.months).where(
                FollowUp.activity_id == activity_id, FollowUp.deleted.is_(False)
            )
        ).all()
    }
    end = activity.end_date or activity.start_date
    added = 0
    for enterprise_id in sorted(e for e in enterprises if e):
        for m in wanted:
            if (enterprise_id, m) in have:
                continue
            records.create(ctx, FollowUp, enterprise_id=enterprise_id, activity_id=activity_id, months=m,
                           due_on=add_months(end, m))  # fmt: skip
            added += 1
    return added


@dataclass(frozen=True)
class DueRow:
    id: str
    enterprise_id: str
    enterprise: str
    phone: str
    activity: str
    months: int
    due_on: dt.date
    days_late: int  # > 0: overdue by that many days


def due_followups(
    session: Session, today: dt.date | None = None, *, within_days: int = 30, limit: int = 500
) -> list[DueRow]:
    """Follow-ups still open and due by `today + within_days`, the most overdue first."""
    today = today or dt.date.today()
    rows = session.execute(
        select(
            FollowUp.id,
            FollowUp.enterprise_id,
            Enterprise.name_th,
            Enterprise.phone,
            Activity.title_th,
            FollowUp.months,
            FollowUp.due_on,
        )
        .join(Enterprise, Enterprise.id == FollowUp.enterprise_id)
        .outerjoin(Activity, Activity.id == FollowUp.activity_id)
        .where(
            FollowUp.status == "due",
            FollowUp.deleted.is_(False),
            FollowUp.due_on <= today + dt.timedelta(days=within_days),
        )
        .order_by(FollowUp.due_on, Enterprise.name_th)
        .limit(limit)
    ).all()
    return [DueRow(r[0], r[1], r[2], r[3] or "", r[4] or "", r[5], r[6], (today - r[6]).days) for r in rows]


def _followup(ctx: Context, followup_id: str) -> FollowUp:
    f = ctx.session.get(FollowUp, followup_id)
    if f is None or f.deleted:
        raise NotFound("ไม่พบรายการติดตามผลนี้", f"no follow-up {followup_id}")
    if f.status != "due":
        raise ValidationError("status", "รายการนี้ติดตามผลไปแล้ว", "this follow-up is already closed")
    return f


def complete_followup(
    ctx: Context, followup_id: str, *, day: dt.date | None = None, period_start: dt.date | None = None,
    **figures: Any,
) -> Outcome:  # fmt: skip
    """Record the outcome the follow-up found (the period: from the activity's end to `day`) and close it."""
    f = _followup(ctx, followup_id)
    day = day or dt.date.today()
    activity = ctx.session.get(Activity, f.activity_id) if f.activity_id else None
    start = period_start or (activity.end_date if activity and activity.end_date else day)
    program_id = activity.program_id if activity else None
    outcome = record_outcome(ctx, f.enterprise_id, period_start=start, period_end=day, program_id=program_id,
                             **figures)  # fmt: skip
    records.update(ctx, f, status="done", done_on=day, outcome_id=outcome.id)
    return outcome


def skip_followup(ctx: Context, followup_id: str, reason: str, day: dt.date | None = None) -> None:
    """Close a follow-up without an outcome; the reason is required and kept."""
    f = _followup(ctx, followup_id)
    reason = " ".join(reason.split())
    if not reason:
        raise ValidationError("note", "ต้องระบุเหตุผลที่ไม่ได้ติดตามผล", "a reason is required")
    records.update(ctx, f, status="skipped", done_on=day or dt.date.today(), note=reason[:400])


# --- evidence ----------------------------------------------------------------------------------------


def media_type(data: bytes) -> str | None:
    """PDF, JPEG or PNG by the file's first bytes (not its name); None for anything else."""
    return next((t for magic, t in _MEDIA if data.startswith(magic)), None)


def attach_evidence(
    ctx: Context, outcome_id: str, data: bytes, *, file_name: str, kind: str = "other", note: str = ""
) -> OutcomeEvidence:
    """Keep `data` in the file store and attach it to the outcome."""
    from dipdesk.sync.files import store_local

    ctx.require("records.write")
    outcome = ctx.session.get(Outcome, outcome_id)
    if outcome is None or outcome.deleted:
        raise NotFound("ไม่พบผลลัพธ์นี้", f"no outcome {outcome_id}")
    if kind not in EVIDENCE_KINDS:
        raise ValidationError(
            "kind", "ประเภทหลักฐานไม่ถูกต้อง", f"kind must be one of {', '.join(EVIDENCE_KINDS)}"
        )
    if not data:
        raise ValidationError("file", "ไฟล์ว่างเปล่า", "the file is empty")
    if len(data) > MAX_EVIDENCE_BYTES:
        raise ValidationError("file", "ไฟล์ใหญ่เกิน 10 MB", "the file is larger than 10 MB")
    media = media_type(data)
    if media is None:
        raise ValidationError("file", "รับเฉพาะไฟล์ PDF, JPEG หรือ PNG", "only PDF, JPEG or PNG files")
    bind = ctx.session.get_bind()
    sha = store_local(bind, data)  # type: ignore[arg-type]
    name = (file_name.replace("\\", "/").rsplit("/", 1)[-1] or "evidence")[:200]
    return records.create(ctx, OutcomeEvidence, outcome_id=outcome_id, file_hash=sha, file_name=name,
                          media_type=media, size=len(data), kind=kind, note=note[:400])  # fmt: skip


def evidence_of(session: Session, outcome_id: str) -> list[OutcomeEvidence]:
    return list(
        session.scalars(
            select(OutcomeEvidence)
            .where(OutcomeEvidence.outcome_id == outcome_id, OutcomeEvidence.deleted.is_(False))
            .order_by(OutcomeEvidence.created_at)
        )
    )


@dataclass(frozen=True)
class ShareLine:
    site_code: str
    site_name: str
    value: Decimal
    backed: Decimal

    @property
    def share(self) -> float | None:
        """Backed value ÷ value (None when there is no value)."""
        return float(self.backed / self.value) if self.value else None


@dataclass
class EvidenceShare:
    fiscal_year: int
    total: ShareLine
    sites: list[ShareLine] = field(default_factory=list)


def evidence_share(session: Session, fiscal_year_be: int, *, recount: bool = False) -> EvidenceShare:
    """How much of the year's economic value has evidence behind it, per site and in all.

    Reads the sums the database keeps (`dipdesk.store.reach`: a few rows per site) when it has them;
    `recount` (and a database without them, e.g. the server's PostgreSQL) sums the outcomes instead."""
    conn = session.connection()
    kept = None if recount or not reach.installed(conn) else reach.evidence_sums(conn, fiscal_year_be)
    if kept is not None:
        sums = {site: [Decimal(v) / 100, Decimal(b) / 100] for site, (v, b) in kept.items()}
        return _share(session, fiscal_year_be, sums)
    backed_ids = select(OutcomeEvidence.outcome_id).where(OutcomeEvidence.deleted.is_(False))
    rows = session.execute(
        select(
            Outcome.id,
            Outcome.site_id,
            Outcome.revenue_before,
            Outcome.revenue_after,
            Outcome.cost_saved,
            Outcome.investment,
            Outcome.id.in_(backed_ids),
        ).where(Outcome.fiscal_year == fiscal_year_be, Outcome.deleted.is_(False))
    ).all()
    zero = Decimal(0)
    per: dict[str, list[Decimal]] = {}
    for _id, site_id, before, after, saved, invested, backed in rows:
        v = economic_value(before or zero, after or zero, saved or zero, invested or zero)
        line = per.setdefault(site_id, [zero, zero])
        line[0] += v
        if backed:
            line[1] += v
    return _share(session, fiscal_year_be, per)


def _share(session: Session, fiscal_year_be: int, per: dict[str, list[Decimal]]) -> EvidenceShare:
    zero = Decimal(0)
    sites = {s.id: s for s in session.scalars(select(Site).where(Site.id.in_(per)))}
    lines = sorted(
        (
            ShareLine(sites[k].code if k in sites else "", sites[k].name_th if k in sites else "", v, b)
            for k, (v, b) in per.items()
        ),
        key=lambda x: x.site_code,
    )
    total = ShareLine("", "", sum((x.value for x in lines), zero), sum((x.backed for x in lines), zero))
    return EvidenceShare(fiscal_year_be, total, lines)
