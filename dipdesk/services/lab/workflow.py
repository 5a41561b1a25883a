"""The analysis workflow and four-eyes verification: submit, verify (by a different user unless the
lab allows self-verification), retract (with the retest) and reject.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from dipdesk.services import records
from dipdesk.services.auth import can
from dipdesk.services.context import Context
from dipdesk.services.errors import PermissionDenied
from dipdesk.services.lab.common import _change, _fail, _need_user, _update_sample_state, _verr
from dipdesk.services.lab.results import _recompute, _stale, _uses_results, recompute_dependents
from dipdesk.store.base import utcnow
from dipdesk.store.lab import (
    LabAnalysis,
    LabSample,
    LabSettings,
    LabTest,
)
from dipdesk.store.lab_qc import LabWorksheet


def submit(ctx: Context, analyses: Sequence[LabAnalysis], tested_on: dt.date | None = None) -> int:
    """registered → to_be_verified for each analysis; returns how many were submitted."""
    ctx.require("lab.submit")
    user_id = _need_user(ctx, "การส่งผล", "Submitting a result")
    now = utcnow()
    for a in analyses:
        test = ctx.session.get(LabTest, a.test_id)
        assert test is not None
        label = f"{test.name_th} ({test.code})"
        if a.state != "registered":
            raise _fail(f"{label}: ส่งไปแล้ว", f"{test.code}: already submitted")
        sample = ctx.session.get(LabSample, a.sample_id)
        if sample is None or sample.state in ("registered", "cancelled"):
            raise _fail(f"{label}: ยังไม่ได้รับตัวอย่าง", f"{test.code}: the sample has not been received")
        if a.value is None and not a.limit_flag and not (a.value_text or "").strip():
            raise _fail(f"{label}: ยังไม่มีผล", f"{test.code}: no result yet")
        missing = [
            str(f.get("name_th") or f.get("key"))
            for f in test.interim_fields or []
            if test.formula and (a.interim or {}).get(str(f.get("key"))) is None
        ]
        if missing and test.formula and not a.external_provider:
            raise _fail(
                f"{label}: ยังไม่ได้กรอกค่าที่วัด {', '.join(missing)}",
                f"{test.code}: readings missing: {', '.join(missing)}",
            )
        _change(
            ctx,
            a,
            state="to_be_verified",
            submitted_by=user_id,
            submitted_at=now,
            tested_on=a.tested_on or tested_on or dt.date.today(),
        )
        if sample.state == "received":
            _change(ctx, sample, state="testing")
    ctx.session.flush()
    return len(analyses)


def self_verification_allowed(session: Session, site_id: str) -> bool:
    """The lab's setting (off unless a lab turns it on); read-only, for screens deciding what to offer."""
    row = session.scalars(
        select(LabSettings).where(LabSettings.site_id == site_id, LabSettings.deleted.is_(False))
    ).first()
    return bool(row and row.allow_self_verification)


def can_verify(ctx: Context, analysis: LabAnalysis) -> bool:
    """Four-eyes: may the acting user verify this analysis (ignoring its state)?"""
    if ctx.user is None or not can(ctx.user, "lab.verify"):
        return False
    return analysis.submitted_by != ctx.user.id or self_verification_allowed(ctx.session, ctx.site.id)


def verify(ctx: Context, analyses: Sequence[LabAnalysis]) -> int:
    """to_be_verified → verified for a reviewed selection, each checked on its own (never all blindly).

    The verifier must not be the submitter unless the lab's settings allow self-verification.
    """
    ctx.require("lab.verify")
    user_id = _need_user(ctx, "การตรวจสอบผล", "Verifying a result")
    allow_self = self_verification_allowed(ctx.session, ctx.site.id)
    now = utcnow()
    touched: set[str] = set()
    for a in analyses:
        test = ctx.session.get(LabTest, a.test_id)
        assert test is not None
        if a.state != "to_be_verified":
            raise _fail(
                f"{test.name_th}: ตรวจสอบได้เฉพาะผลที่รอตรวจสอบ",
                f"{test.code}: only a submitted result can be verified",
            )
        if _stale(ctx.session, a, test):
            raise _fail(
                f"{test.name_th}: ผลที่ใช้คำนวณถูกแก้ไขหรือถอนไปแล้ว ต้องถอนผลนี้แล้วคำนวณใหม่",
                f"{test.code}: a result it is calculated from has changed; retract it and recalculate",
            )
        held = ctx.session.get(LabWorksheet, a.worksheet_id) if a.worksheet_id else None
        if held is not None and held.qc_state in ("hold", "rejected"):
            raise _fail(
                f"{test.name_th}: ใบงาน {held.worksheet_no} ถูกระงับเพราะผลควบคุมคุณภาพไม่ผ่าน "
                "รอหัวหน้าห้องปฏิบัติการตัดสิน",
                f"{test.code}: worksheet {held.worksheet_no} is on QC hold until the lab head decides",
            )
        if a.submitted_by == user_id and not allow_self:
            raise PermissionDenied(
                f"{test.name_th}: ผู้ตรวจสอบต้องไม่ใช่ผู้บันทึกผลคนเดียวกัน (หลักสี่ตา)",
                f"{test.code}: the verifier must be a different person from the one who submitted (four-eyes)",
            )
        _change(
            ctx,
            a,
            note={"self_verified": a.submitted_by == user_id or None},
            state="verified",
            verified_by=user_id,
            verified_at=now,
        )
        touched.add(a.sample_id)
    for sid in touched:
        _update_sample_state(ctx, sid)
    ctx.session.flush()
    return len(analyses)


def retract(ctx: Context, analysis: LabAnalysis, reason: str) -> LabAnalysis:
    """Withdraw a submitted, verified or published result; a retest analysis takes its place.

    Withdrawing a submitted result needs ``lab.submit``; a verified one ``lab.verify``; a published one
    ``lab.publish`` (it leads to an amended report; the published report itself never changes).
    """
    needed = {"to_be_verified": "lab.submit", "verified": "lab.verify", "published": "lab.publish"}
    if analysis.state not in needed:
        raise _fail("ถอนผลได้เฉพาะผลที่ส่งแล้ว", "only a submitted, verified or published result can be retracted")
    ctx.require(needed[analysis.state])
    _need_user(ctx, "การถอนผล", "Retracting a result")
    if not reason.strip():
        raise _verr("reason", "ต้องระบุเหตุผลที่ถอนผล", "a reason for the retraction is required")
    _change(ctx, analysis, reason=reason.strip(), state="retracted", remarks=reason.strip()[:300])
    retest = records.create(
        ctx,
        LabAnalysis,
        sample_id=analysis.sample_id,
        test_id=analysis.test_id,
        state="registered",
        retest_of_id=analysis.id,
        interim={},
        remarks="ทดสอบซ้ำแทนผลที่ถอน",
        external_provider=analysis.external_provider,
    )
    sample = ctx.session.get(LabSample, analysis.sample_id)
    if sample is not None and sample.state in ("verified", "published", "received"):
        _change(ctx, sample, reason=reason.strip(), state="testing")
    ctx.session.flush()
    test = ctx.session.get(LabTest, analysis.test_id)
    if test is not None and _uses_results(test) and not retest.external_provider:
        _recompute(ctx, retest, reason.strip())  # a calculated retest takes the results it uses as they are
    recompute_dependents(ctx, analysis, reason.strip())  # the withdrawn value is used no more
    return retest


def reject(ctx: Context, analysis: LabAnalysis, reason: str) -> None:
    """A test that will not be done on this sample (not enough sample, withdrawn by the customer)."""
    ctx.require("lab.verify")
    _need_user(ctx, "การยกเลิกรายการ", "Rejecting an analysis")
    if analysis.state not in ("registered", "to_be_verified"):
        raise _fail("ยกเลิกได้เฉพาะรายการที่ยังไม่ตรวจสอบ", "only an analysis not yet verified can be rejected")
    if not reason.strip():
        raise _verr("reason", "ต้องระบุเหตุผล", "a reason is required")
    _change(ctx, analysis, reason=reason.strip(), state="rejected", remarks=reason.strip()[:300])
    _update_sample_state(ctx, analysis.sample_id)
    ctx.session.flush()
    recompute_dependents(ctx, analysis, reason.strip())
