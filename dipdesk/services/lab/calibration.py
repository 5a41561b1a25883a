"""Instruments and their calibration (สอบเทียบ) and maintenance records; the calibration check a result
must pass (ISO/IEC 17025 6.4.4, 6.4.7).

A result entered on an instrument past its calibration due date is refused. The lab head (who may
publish reports, ``lab.publish``) may override with a reason: the override is kept on the analysis
(who, why), audited, and printed on the report as a deviation. An instrument without a due date is not
under a calibration programme (glassware, a timer) and is never blocked.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dipdesk.services import records
from dipdesk.services.context import Context
from dipdesk.services.errors import NotFound
from dipdesk.services.lab.catalog import test_by_code
from dipdesk.services.lab.common import CATALOG_PERMISSION, WorkflowError, _change, _need_user, _verr
from dipdesk.store.instruments import EVENT_KINDS, EVENT_OUTCOMES, LabInstrument, LabInstrumentEvent
from dipdesk.store.lab import LabAnalysis, LabTest

#: who may override an overdue instrument: the lab head
OVERRIDE_PERMISSION = "lab.publish"
#: days before the due date from which an instrument shows as "due soon"
DUE_SOON_DAYS = 14


class InstrumentBlocked(WorkflowError):
    """A result on an instrument past its calibration due date, without the lab head's override."""


def add_instrument(
    ctx: Context,
    *,
    code: str,
    name: str,
    tests: Sequence[str] = (),
    make_model: str = "",
    serial_no: str = "",
    location: str = "",
    calibration_due_on: dt.date | None = None,
) -> LabInstrument:
    """Register an instrument with the catalog codes of the tests it is used for."""
    ctx.require(CATALOG_PERMISSION)
    code = code.strip().upper()
    if not code:
        raise _verr("code", "รหัสเครื่องมือ: ต้องกรอก", "instrument code: is required")
    if not name.strip():
        raise _verr("name", "ชื่อเครื่องมือ: ต้องกรอก", "instrument name: is required")
    taken = ctx.session.scalars(
        select(LabInstrument).where(LabInstrument.site_id == ctx.site.id, LabInstrument.code == code)
    ).first()
    if taken is not None:
        raise _verr("code", f"มีเครื่องมือรหัส {code} แล้ว", f"instrument {code} already exists")
    test_ids = [test_by_code(ctx.session, c).id for c in tests]
    return records.create(
        ctx,
        LabInstrument,
        code=code,
        name=name.strip(),
        make_model=make_model,
        serial_no=serial_no,
        location=location,
        test_ids=test_ids,
        calibration_due_on=calibration_due_on,
    )


def find_instrument(session: Session, code: str) -> LabInstrument:
    row = session.scalars(
        select(LabInstrument).where(
            LabInstrument.code == code.strip().upper(), LabInstrument.deleted.is_(False)
        )
    ).first()
    if row is None:
        raise NotFound(f"ไม่พบเครื่องมือรหัส {code}", f"no instrument {code}")
    return row


def instruments(session: Session) -> list[LabInstrument]:
    q = select(LabInstrument).where(LabInstrument.deleted.is_(False)).order_by(LabInstrument.code)
    return list(session.scalars(q))


def record_event(
    ctx: Context,
    instrument: LabInstrument,
    *,
    kind: str = "calibration",
    performed_on: dt.date,
    next_due_on: dt.date | None = None,
    provider: str = "",
    certificate_no: str = "",
    outcome: str = "pass",
    notes: str = "",
) -> LabInstrumentEvent:
    """Record a calibration, maintenance or check. A passed calibration moves the instrument's due date
    to ``next_due_on``; a failed one makes it due at once (the instrument is blocked until recalibrated)."""
    ctx.require(CATALOG_PERMISSION)
    if kind not in EVENT_KINDS:
        raise _verr("kind", f"ชนิดบันทึกไม่ถูกต้อง: {kind}", f"unknown record kind {kind}")
    if outcome not in EVENT_OUTCOMES:
        raise _verr("outcome", f"ผลไม่ถูกต้อง: {outcome}", f"unknown outcome {outcome}")
    if next_due_on is not None and next_due_on <= performed_on:
        raise _verr("next_due_on", "วันครบกำหนดครั้งถัดไปต้องหลังวันที่ดำเนินการ", "the next due date must be later")
    if kind == "calibration" and outcome == "pass" and next_due_on is None:
        raise _verr("next_due_on", "ต้องระบุวันครบกำหนดสอบเทียบครั้งถัดไป", "a calibration needs its next due date")
    event = records.create(
        ctx,
        LabInstrumentEvent,
        instrument_id=instrument.id,
        kind=kind,
        performed_on=performed_on,
        next_due_on=next_due_on,
        provider=provider,
        certificate_no=certificate_no,
        outcome=outcome,
        notes=notes,
    )
    if kind == "calibration":
        due = next_due_on if outcome == "pass" else performed_on - dt.timedelta(days=1)
        _change(
            ctx, instrument, note={"calibration": certificate_no or str(performed_on)}, calibration_due_on=due
        )
    elif kind == "maintenance" and next_due_on is not None:
        _change(ctx, instrument, maintenance_due_on=next_due_on)
    return event


def events_of(session: Session, instrument_id: str) -> list[LabInstrumentEvent]:
    q = (
        select(LabInstrumentEvent)
        .where(LabInstrumentEvent.instrument_id == instrument_id, LabInstrumentEvent.deleted.is_(False))
        .order_by(LabInstrumentEvent.performed_on.desc(), LabInstrumentEvent.created_at.desc())
    )
    return list(session.scalars(q))


def calibration_status(instrument: LabInstrument, on: dt.date | None = None) -> str:
    """``overdue`` (past its due date), ``due_soon`` (within DUE_SOON_DAYS), ``ok`` or ``untracked``."""
    due = instrument.calibration_due_on
    if due is None:
        return "untracked"
    today = on or dt.date.today()
    if today > due:
        return "overdue"
    return "due_soon" if (due - today).days <= DUE_SOON_DAYS else "ok"


def use_instrument(
    ctx: Context,
    analysis: LabAnalysis,
    instrument: LabInstrument,
    override_reason: str = "",
    on: dt.date | None = None,
) -> None:
    """Record that ``analysis`` is measured on ``instrument``; refuse an overdue one unless the lab head
    overrides with a reason (kept on the analysis and audited as ``override``)."""
    test = ctx.session.get(LabTest, analysis.test_id)
    assert test is not None
    if instrument.test_ids and analysis.test_id not in instrument.test_ids:
        raise _verr(
            "instrument",
            f"เครื่องมือ {instrument.code} ไม่ได้ใช้กับรายการ {test.name_th}",
            f"instrument {instrument.code} is not used for {test.code}",
        )
    if not instrument.active:
        raise InstrumentBlocked(
            f"เครื่องมือ {instrument.code} ถูกระงับการใช้งาน", f"instrument {instrument.code} is out of service"
        )
    fields: dict[str, Any] = {"instrument_id": instrument.id}
    if calibration_status(instrument, on) == "overdue":
        due = instrument.calibration_due_on
        if not override_reason.strip():
            raise InstrumentBlocked(
                f"เครื่องมือ {instrument.code} เลยกำหนดสอบเทียบ ({due}) บันทึกผลไม่ได้ "
                "เว้นแต่หัวหน้าห้องปฏิบัติการอนุมัติพร้อมเหตุผล",
                f"instrument {instrument.code} is past its calibration due date ({due}); a result needs "
                "the lab head's override with a reason",
            )
        ctx.require(OVERRIDE_PERMISSION)
        fields["override_reason"] = override_reason.strip()[:300]
        fields["override_by"] = _need_user(ctx, "การอนุมัติใช้เครื่องมือ", "An instrument override")
        _change(ctx, analysis, action="override", reason=override_reason.strip(), **fields)
        return
    if analysis.override_reason and analysis.instrument_id != instrument.id:
        fields.update(override_reason="", override_by=None)
    _change(ctx, analysis, action="result", **fields)


def check_analysis_instrument(ctx: Context, analysis: LabAnalysis, on: dt.date | None = None) -> None:
    """A result on the analysis's instrument is refused while the instrument is overdue (no override)."""
    if not analysis.instrument_id or analysis.override_reason:
        return
    instrument = ctx.session.get(LabInstrument, analysis.instrument_id)
    if instrument is not None and calibration_status(instrument, on) == "overdue":
        use_instrument(ctx, analysis, instrument, "", on)  # raises InstrumentBlocked


def override_note(session: Session, analysis: LabAnalysis) -> str:
    """What the report says of a result measured on an overdue instrument (empty when none)."""
    if not analysis.override_reason or not analysis.instrument_id:
        return ""
    instrument = session.get(LabInstrument, analysis.instrument_id)
    code = instrument.code if instrument else ""
    due = instrument.calibration_due_on if instrument else None
    from dipdesk.store.auth import User

    who = session.get(User, analysis.override_by) if analysis.override_by else None
    name = who.full_name if who else ""
    return (
        f"ทดสอบด้วยเครื่องมือ {code} ที่เลยกำหนดสอบเทียบ ({due}) โดยได้รับอนุมัติจาก {name}: {analysis.override_reason}"
    )
