"""Requests and reception: a request with its samples and analyses, receiving and cancelling a sample,
and finding requests, samples, reports, tests, specifications and analyses by number or id.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dipdesk.services import records
from dipdesk.services.context import Context
from dipdesk.services.errors import NotFound
from dipdesk.services.lab.catalog import test_by_code
from dipdesk.services.lab.common import (
    _analyses,
    _change,
    _fail,
    _need_user,
    _update_request_state,
    _verr,
    local_time,
    next_number,
)
from dipdesk.store.base import utcnow
from dipdesk.store.lab import (
    LabAnalysis,
    LabReport,
    LabRequest,
    LabSample,
    LabSpecification,
    LabTest,
)
from dipdesk.store.people import Enterprise

# ----------------------------------------------------------------------------------------------------
# requests and reception
# ----------------------------------------------------------------------------------------------------


@dataclass
class SampleInput:
    """One item a customer brings, with the tests asked for (catalog codes or ids)."""

    description: str
    tests: Sequence[str]
    product_type: str = ""
    quantity: str = ""
    storage: str = ""
    sampling_date: dt.date | None = None
    sampling_plan: str = ""


def _tests_for(session: Session, refs: Iterable[str]) -> list[LabTest]:
    out: list[LabTest] = []
    for ref in refs:
        test = session.get(LabTest, ref)
        if test is None or test.deleted:
            test = test_by_code(session, ref)
        if test not in out:
            out.append(test)
    return out


def create_request(
    ctx: Context,
    *,
    customer_name: str = "",
    customer_enterprise_id: str | None = None,
    contact_name: str = "",
    contact_phone: str = "",
    purpose: str = "",
    requested_on: dt.date | None = None,
    samples: Sequence[SampleInput],
) -> LabRequest:
    """Register a request with its samples (each gets its lab number) and one analysis per test."""
    ctx.require("lab.receive")
    if customer_enterprise_id and not customer_name:
        ent = ctx.session.get(Enterprise, customer_enterprise_id)
        if ent is None:
            raise NotFound("ไม่พบผู้ประกอบการ", "no such enterprise")
        customer_name = ent.name_th
    if not customer_name.strip():
        raise _verr("customer_name", "ชื่อผู้ขอรับบริการ: ต้องกรอก", "customer_name: is required")
    if not samples:
        raise _verr("samples", "ต้องมีตัวอย่างอย่างน้อย 1 รายการ", "a request needs at least one sample")
    requested_on = requested_on or dt.date.today()
    plan: list[tuple[SampleInput, list[LabTest]]] = []
    for s in samples:
        if not s.description.strip():
            raise _verr("description", "รายละเอียดตัวอย่าง: ต้องกรอก", "description: is required")
        tests = _tests_for(ctx.session, s.tests)
        if not tests:
            raise _verr("tests", "ต้องเลือกรายการทดสอบอย่างน้อย 1 รายการ", "choose at least one test")
        plan.append((s, tests))
    fee = sum((Decimal(t.fee or 0) for _s, tests in plan for t in tests), Decimal(0))
    all_tests: list[str] = []
    for _s, tests in plan:
        all_tests += [t.id for t in tests if t.id not in all_tests]
    request = records.create(
        ctx,
        LabRequest,
        request_no=next_number(ctx, "REQ", "R", requested_on),
        customer_enterprise_id=customer_enterprise_id,
        customer_name=customer_name.strip(),
        contact_name=contact_name,
        contact_phone=contact_phone,
        purpose=purpose,
        requested_on=requested_on,
        test_ids=all_tests,
        fee_total=fee,
        state="submitted",
    )
    for s, tests in plan:
        sample = records.create(
            ctx,
            LabSample,
            lab_no=next_number(ctx, "LAB", "L", requested_on),
            request_id=request.id,
            description=s.description.strip(),
            product_type=s.product_type,
            quantity=s.quantity,
            storage=s.storage,
            sampling_date=s.sampling_date,
            sampling_plan=s.sampling_plan,
            state="registered",
        )
        for t in tests:
            records.create(ctx, LabAnalysis, sample_id=sample.id, test_id=t.id, state="registered")
    return request


def receive_sample(
    ctx: Context,
    sample: LabSample,
    *,
    condition: str,
    storage: str | None = None,
    quantity: str | None = None,
    received_at: dt.datetime | None = None,
) -> LabSample:
    """รับตัวอย่าง: record the item's condition, who received it and when; set the due date."""
    ctx.require("lab.receive")
    user_id = _need_user(ctx, "การรับตัวอย่าง", "Receiving a sample")
    if sample.state != "registered":
        raise _fail(
            f"ตัวอย่าง {sample.lab_no} รับไปแล้วหรือถูกยกเลิก",
            f"sample {sample.lab_no} is not waiting to be received",
        )
    if not condition.strip():
        raise _verr("condition", "สภาพตัวอย่างเมื่อรับ: ต้องกรอก", "condition on receipt: is required")
    when = received_at or utcnow()
    days = max((t.turnaround_days for t in _sample_tests(ctx.session, sample)), default=7)
    local = local_time(when) or when
    fields: dict[str, Any] = {
        "condition": condition.strip(),
        "due_on": local.date() + dt.timedelta(days=days),
    }
    if storage is not None:
        fields["storage"] = storage
    if quantity is not None:
        fields["quantity"] = quantity
    records.update(ctx, sample, **fields)
    _change(ctx, sample, state="received", received_at=when, received_by=user_id)
    request = ctx.session.get(LabRequest, sample.request_id)
    if request is not None and request.state in ("draft", "submitted"):
        _change(ctx, request, state="in_progress")
    ctx.session.flush()
    return sample


def cancel_sample(ctx: Context, sample: LabSample, reason: str) -> None:
    """A sample that will not be tested (the customer withdrew it): its open analyses are rejected."""
    ctx.require("lab.verify")
    if sample.state in ("published", "cancelled"):
        raise _fail("ยกเลิกตัวอย่างที่ออกรายงานแล้วไม่ได้", "a reported or cancelled sample cannot be cancelled")
    if not reason.strip():
        raise _verr("reason", "ต้องระบุเหตุผล", "a reason is required")
    for a in _analyses(ctx.session, sample.id):
        if a.state in ("registered", "to_be_verified", "verified"):
            _change(ctx, a, reason=reason, state="rejected", remarks=reason[:300])
    _change(ctx, sample, reason=reason, state="cancelled")
    _update_request_state(ctx, sample.request_id)


def _sample_tests(session: Session, sample: LabSample) -> list[LabTest]:
    q = (
        select(LabTest)
        .join(LabAnalysis, LabAnalysis.test_id == LabTest.id)
        .where(LabAnalysis.sample_id == sample.id)
    )
    return list(session.scalars(q))


def find_sample(session: Session, lab_no: str) -> LabSample:
    sample = session.scalars(select(LabSample).where(LabSample.lab_no == lab_no.strip())).first()
    if sample is None or sample.deleted:
        raise NotFound(f"ไม่พบตัวอย่างเลขที่ {lab_no}", f"no sample with lab number {lab_no}")
    return sample


def request_samples(session: Session, request_id: str) -> list[LabSample]:
    q = select(LabSample).where(LabSample.request_id == request_id, LabSample.deleted.is_(False))
    return list(session.scalars(q.order_by(LabSample.lab_no)))


def find_request(session: Session, request_no: str) -> LabRequest:
    req = session.scalars(select(LabRequest).where(LabRequest.request_no == request_no.strip())).first()
    if req is None or req.deleted:
        raise NotFound(f"ไม่พบคำขอเลขที่ {request_no}", f"no request with number {request_no}")
    return req


def find_report(session: Session, report_no: str) -> LabReport:
    rep = session.scalars(select(LabReport).where(LabReport.report_no == report_no.strip())).first()
    if rep is None or rep.deleted:
        raise NotFound(f"ไม่พบรายงานเลขที่ {report_no}", f"no report with number {report_no}")
    return rep


def get_test(session: Session, test_id: str) -> LabTest:
    t = session.get(LabTest, test_id)
    if t is None or t.deleted:
        raise NotFound("ไม่พบรายการทดสอบ", f"no test {test_id}")
    return t


def get_specification(session: Session, spec_id: str) -> LabSpecification:
    s = session.get(LabSpecification, spec_id)
    if s is None or s.deleted:
        raise NotFound("ไม่พบเกณฑ์กำหนด", f"no specification {spec_id}")
    return s


def get_analysis(session: Session, analysis_id: str) -> LabAnalysis:
    a = session.get(LabAnalysis, analysis_id)
    if a is None or a.deleted:
        raise NotFound("ไม่พบรายการวิเคราะห์", f"no analysis {analysis_id}")
    return a
