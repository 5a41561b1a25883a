"""The lab's queues: the worklist with its filters, the analysis rows the grids show, and the counts on
the lab's page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from dipdesk.core import labresults as lr
from dipdesk.services.errors import NotFound
from dipdesk.services.lab.catalog import spec_for
from dipdesk.services.lab.common import COUNTING, _verr
from dipdesk.services.lab.reports import _user_names
from dipdesk.services.search import check_search_text
from dipdesk.store.lab import (
    SAMPLE_STATES,
    LabAnalysis,
    LabReport,
    LabRequest,
    LabSample,
    LabTest,
)

# ----------------------------------------------------------------------------------------------------
# read models for the screens and the CLI (plain values, no ORM objects leave the worker)
# ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class WorkItem:
    sample_id: str
    lab_no: str
    request_no: str
    customer: str
    description: str
    product_type: str
    received_at: dt.datetime | None
    due_on: dt.date | None
    state: str
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def overdue(self) -> bool:
        return (
            self.due_on is not None
            and self.due_on < dt.date.today()
            and self.state not in ("published", "cancelled")
        )

    @property
    def progress(self) -> str:
        total = sum(self.counts.get(s, 0) for s in COUNTING)
        done = self.counts.get("verified", 0) + self.counts.get("published", 0)
        return f"{done}/{total}"


#: the worklist's state filters: "open" is everything still in the lab
WORKLIST_FILTERS = (
    "open",
    "registered",
    "received",
    "testing",
    "to_verify",
    "verified",
    "published",
    "cancelled",
    "all",
)


def worklist(
    session: Session, *, state: str = "open", search: str = "", limit: int | None = 500
) -> list[WorkItem]:
    """Samples by state, soonest due first (the lab's to-do list), with their analyses counted by state."""
    check_search_text(search)
    q = (
        select(LabSample, LabRequest.request_no, LabRequest.customer_name)
        .join(LabRequest, LabRequest.id == LabSample.request_id)
        .where(LabSample.deleted.is_(False))
    )
    if state == "open":
        q = q.where(LabSample.state.in_(("registered", "received", "testing", "verified")))
    elif state == "to_verify":
        q = q.where(
            LabSample.id.in_(select(LabAnalysis.sample_id).where(LabAnalysis.state == "to_be_verified"))
        )
    elif state in SAMPLE_STATES:
        q = q.where(LabSample.state == state)
    elif state != "all":
        raise _verr("state", f"ไม่รู้จักสถานะ {state}", f"unknown state {state}")
    if search.strip():
        term = f"%{search.strip()}%"
        q = q.where(
            or_(
                LabSample.lab_no.like(term),
                LabRequest.request_no.like(term),
                LabRequest.customer_name.like(term),
                LabSample.description.like(term),
            )
        )
    if state in ("published", "all"):
        q = q.order_by(LabSample.lab_no.desc())
    else:
        q = q.order_by(LabSample.due_on.is_(None), LabSample.due_on, LabSample.lab_no)
    if limit:
        q = q.limit(limit)
    rows = session.execute(q).all()
    ids = [s.id for s, _r, _c in rows]
    counts: dict[str, dict[str, int]] = {i: {} for i in ids}
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        for sid, st, n in session.execute(
            select(LabAnalysis.sample_id, LabAnalysis.state, func.count())
            .where(LabAnalysis.sample_id.in_(chunk), LabAnalysis.deleted.is_(False))
            .group_by(LabAnalysis.sample_id, LabAnalysis.state)
        ):
            counts[sid][st] = int(n)
    return [
        WorkItem(
            s.id,
            s.lab_no,
            req_no,
            customer,
            s.description,
            s.product_type,
            s.received_at,
            s.due_on,
            s.state,
            counts[s.id],
        )
        for s, req_no, customer in rows
    ]


@dataclass(frozen=True)
class AnalysisRow:
    """One analysis as the result-entry grid shows it."""

    id: str
    sample_id: str
    lab_no: str
    product_type: str
    test_id: str
    code: str
    name_th: str
    name_en: str
    method: str
    unit: str
    result_type: str
    choices: tuple[str, ...]
    decimals: int
    lod: float | None
    upper: float | None
    formula: str
    interim_fields: tuple[tuple[str, str, str], ...]  # (key, name, unit)
    interim: dict[str, Any]
    value_text: str
    value: float | None
    flag: str
    state: str
    spec: lr.Spec | None
    submitted_by: str
    submitted_by_id: str | None
    verified_by: str
    retest: bool
    remarks: str
    uncertainty: float | None = None
    uncertainty_is_percent: bool = False
    sample: str = ""  # the sample's description

    @property
    def result(self) -> lr.Result:
        return lr.stored_result(self.value_text, self.value, self.flag, lod=self.lod, upper=self.upper)

    @property
    def verdict(self) -> lr.Verdict:
        if self.result_type != "numeric":
            return "pending" if self.result.empty else "no_spec"
        return lr.judge(self.result, self.spec, decimals=self.decimals)

    @property
    def editable(self) -> bool:
        return self.state == "registered"


def _analysis_rows(session: Session, where: Any, *, include_closed: bool = True) -> list[AnalysisRow]:
    q = (
        select(LabAnalysis, LabTest, LabSample)
        .join(LabTest, LabTest.id == LabAnalysis.test_id)
        .join(LabSample, LabSample.id == LabAnalysis.sample_id)
        .where(LabAnalysis.deleted.is_(False), where)
        .order_by(LabSample.lab_no, LabAnalysis.created_at, LabTest.code)
    )
    if not include_closed:
        q = q.where(LabAnalysis.state.in_(("registered", "to_be_verified")))
    rows = session.execute(q).all()
    users = _user_names(
        session, [a.submitted_by for a, _t, _s in rows] + [a.verified_by for a, _t, _s in rows]
    )
    specs: dict[tuple[str, str], lr.Spec | None] = {}
    out = []
    for a, t, s in rows:
        key = (s.product_type, t.id)
        if key not in specs:
            specs[key] = spec_for(session, s.product_type, t.id) if s.product_type else None
        sub = users.get(a.submitted_by or "")
        ver = users.get(a.verified_by or "")
        out.append(
            AnalysisRow(
                id=a.id,
                sample_id=s.id,
                lab_no=s.lab_no,
                product_type=s.product_type,
                test_id=t.id,
                code=t.code,
                name_th=t.name_th,
                name_en=t.name_en,
                method=f"{t.method} ({t.standard_ref})" if t.standard_ref else t.method,
                unit=t.unit,
                result_type=t.result_type,
                choices=tuple(str(c) for c in t.choices or []),
                decimals=t.decimals,
                lod=t.lod,
                upper=t.upper_limit,
                formula=t.formula,
                interim_fields=tuple(
                    (str(f.get("key")), str(f.get("name_th") or f.get("key")), str(f.get("unit") or ""))
                    for f in t.interim_fields or []
                )
                if t.formula
                else (),
                interim=dict(a.interim or {}),
                value_text=a.value_text,
                value=a.value,
                flag=a.limit_flag,
                state=a.state,
                spec=specs[key],
                submitted_by=(sub.full_name or sub.username) if sub else "",
                submitted_by_id=a.submitted_by,
                verified_by=(ver.full_name or ver.username) if ver else "",
                retest=a.retest_of_id is not None,
                remarks=a.remarks,
                uncertainty=t.uncertainty,
                uncertainty_is_percent=t.uncertainty_is_percent,
                sample=s.description,
            )
        )
    return out


def analysis_row(session: Session, analysis_id: str) -> AnalysisRow:
    rows = _analysis_rows(session, LabAnalysis.id == analysis_id)
    if not rows:
        raise NotFound("ไม่พบรายการวิเคราะห์", f"no analysis {analysis_id}")
    return rows[0]


def sample_analyses(session: Session, sample_id: str) -> list[AnalysisRow]:
    return _analysis_rows(session, LabAnalysis.sample_id == sample_id)


def open_analyses_of_test(session: Session, test_id: str) -> list[AnalysisRow]:
    """Every analysis of one test still to be entered or verified, across received samples."""
    q = _analysis_rows(
        session,
        (LabAnalysis.test_id == test_id) & LabSample.state.in_(("received", "testing", "verified")),
        include_closed=False,
    )
    return q


def tests_with_open_work(session: Session) -> list[tuple[str, str, str, int]]:
    """(test id, code, Thai name, open analyses) for the per-test entry screen."""
    q = (
        select(LabTest.id, LabTest.code, LabTest.name_th, func.count(LabAnalysis.id))
        .join(LabAnalysis, LabAnalysis.test_id == LabTest.id)
        .join(LabSample, LabSample.id == LabAnalysis.sample_id)
        .where(
            LabAnalysis.state.in_(("registered", "to_be_verified")),
            LabSample.state.in_(("received", "testing", "verified")),
            LabAnalysis.deleted.is_(False),
        )
        .group_by(LabTest.id, LabTest.code, LabTest.name_th)
        .order_by(LabTest.code)
    )
    return [(i, c, n, int(k)) for i, c, n, k in session.execute(q)]


def lab_counts(session: Session) -> dict[str, int]:
    def count(model: Any, *where: Any) -> int:
        return int(
            session.scalar(select(func.count()).select_from(model).where(model.deleted.is_(False), *where))
            or 0
        )

    return {
        "open": count(LabSample, LabSample.state.in_(("registered", "received", "testing", "verified"))),
        "to_receive": count(LabSample, LabSample.state == "registered"),
        "to_verify": count(LabAnalysis, LabAnalysis.state == "to_be_verified"),
        "to_publish": count(LabSample, LabSample.state == "verified"),
        "overdue": count(
            LabSample,
            LabSample.state.in_(("registered", "received", "testing", "verified")),
            LabSample.due_on < dt.date.today(),
        ),
        "reports": count(LabReport, LabReport.state == "published"),
    }
