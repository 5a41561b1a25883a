"""Worksheets (ใบงาน) and quality control: batches of analyses of one test or instrument, their QC
samples (blank, reference material, duplicate) judged by the Westgard rules, the hold a QC failure puts
on the worksheet's results, the lab head's decision, the control chart, and the turnaround worklist.

- A QC failure (a Westgard rejection rule on a reference material, a blank at or above the detection
  limit, a duplicate further apart than ``DUPLICATE_RPD_LIMIT`` percent) sets the worksheet's
  ``qc_state`` to ``hold``: its results cannot be verified (``workflow.verify`` refuses) until the lab head
  ``release``s them (with a reason: the failure was investigated and does not affect them) or ``reject``s
  them (the submitted results are retracted, retests take their place).
- A 1-2s result is a warning: it is shown, it does not hold anything.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dipdesk.core import labresults as lr
from dipdesk.core import westgard as wg
from dipdesk.services import records
from dipdesk.services.context import Context
from dipdesk.services.errors import NotFound, ServiceError
from dipdesk.services.lab.calibration import OVERRIDE_PERMISSION
from dipdesk.services.lab.catalog import test_by_code
from dipdesk.services.lab.common import _change, _fail, _need_user, _verr, local_time, next_number
from dipdesk.services.lab.instruments import ImportOutcome, RowError
from dipdesk.services.lab.results import set_result
from dipdesk.services.lab.workflow import retract, submit
from dipdesk.store.auth import User
from dipdesk.store.base import utcnow
from dipdesk.store.db import savepoint
from dipdesk.store.instruments import LabInstrument
from dipdesk.store.lab import LabAnalysis, LabRequest, LabSample, LabSettings, LabTest
from dipdesk.store.lab_qc import QC_KINDS, LabControlMaterial, LabQCResult, LabWorksheet
from dipdesk.store.reference import Site

#: the largest relative percent difference of a duplicate pair that passes
DUPLICATE_RPD_LIMIT = 10.0


def _ws_test(ctx: Context, ws: LabWorksheet) -> LabTest | None:
    return ctx.session.get(LabTest, ws.test_id) if ws.test_id else None


def create_worksheet(
    ctx: Context,
    analyses: Sequence[LabAnalysis],
    *,
    test: LabTest | None = None,
    instrument: LabInstrument | None = None,
) -> LabWorksheet:
    """A worksheet of registered analyses of one test (``test``) or on one instrument (``instrument``)."""
    ctx.require("lab.submit")
    user_id = _need_user(ctx, "การสร้างใบงาน", "Making a worksheet")
    if not analyses:
        raise _verr("analyses", "ใบงานต้องมีอย่างน้อยหนึ่งรายการ", "a worksheet needs at least one analysis")
    for a in analyses:
        t = ctx.session.get(LabTest, a.test_id)
        code = t.code if t else a.test_id
        if a.state != "registered":
            raise _fail(f"{code}: ส่งผลไปแล้ว", f"{code}: already submitted")
        if a.worksheet_id:
            other = ctx.session.get(LabWorksheet, a.worksheet_id)
            if other is not None and other.state == "open":
                raise _fail(
                    f"{code}: อยู่ในใบงาน {other.worksheet_no} แล้ว", f"{code}: already on {other.worksheet_no}"
                )
        if test is not None and a.test_id != test.id:
            raise _verr("analyses", f"{code}: ไม่ใช่รายการ {test.code}", f"{code} is not {test.code}")
        if instrument is not None and instrument.test_ids and a.test_id not in instrument.test_ids:
            raise _verr(
                "analyses",
                f"{code}: ไม่ได้ทดสอบด้วย {instrument.code}",
                f"{code} is not run on {instrument.code}",
            )
    ws = records.create(
        ctx,
        LabWorksheet,
        worksheet_no=next_number(ctx, "WS", "WS"),
        test_id=test.id if test else None,
        instrument_id=instrument.id if instrument else None,
        analyst_id=user_id,
        state="open",
    )
    for a in analyses:
        _change(ctx, a, note={"worksheet": ws.worksheet_no}, worksheet_id=ws.id)
    return ws


def find_worksheet(session: Session, number: str) -> LabWorksheet:
    ws = session.scalars(select(LabWorksheet).where(LabWorksheet.worksheet_no == number.strip())).first()
    if ws is None:
        raise NotFound(f"ไม่พบใบงาน {number}", f"no worksheet {number}")
    return ws


def worksheets(session: Session, *, open_only: bool = False) -> list[LabWorksheet]:
    q = select(LabWorksheet).where(LabWorksheet.deleted.is_(False))
    if open_only:
        q = q.where(LabWorksheet.state == "open")
    return list(session.scalars(q.order_by(LabWorksheet.created_at.desc())))


def worksheet_analyses(session: Session, ws: LabWorksheet) -> list[LabAnalysis]:
    q = (
        select(LabAnalysis)
        .join(LabSample, LabSample.id == LabAnalysis.sample_id)
        .where(LabAnalysis.worksheet_id == ws.id, LabAnalysis.deleted.is_(False))
        .order_by(LabSample.lab_no, LabAnalysis.created_at)
    )
    return list(session.scalars(q))


def qc_results(session: Session, ws: LabWorksheet) -> list[LabQCResult]:
    q = (
        select(LabQCResult)
        .where(LabQCResult.worksheet_id == ws.id, LabQCResult.deleted.is_(False))
        .order_by(LabQCResult.created_at, LabQCResult.id)
    )
    return list(session.scalars(q))


# ----------------------------------------------------------------------------------------------------
# control materials and QC samples
# ----------------------------------------------------------------------------------------------------


def add_control_material(
    ctx: Context,
    *,
    code: str,
    name: str,
    test_code: str,
    target: float,
    sd: float,
    lot: str = "",
    instrument: LabInstrument | None = None,
) -> LabControlMaterial:
    ctx.require(OVERRIDE_PERMISSION)
    if sd <= 0:
        raise _verr("sd", "ค่าเบี่ยงเบนมาตรฐานต้องมากกว่าศูนย์", "the SD must be positive")
    return records.create(
        ctx,
        LabControlMaterial,
        code=code.strip().upper(),
        name=name.strip(),
        test_id=test_by_code(ctx.session, test_code).id,
        instrument_id=instrument.id if instrument else None,
        lot=lot,
        target=float(target),
        sd=float(sd),
    )


def find_material(session: Session, code: str) -> LabControlMaterial:
    row = session.scalars(
        select(LabControlMaterial).where(
            LabControlMaterial.code == code.strip().upper(), LabControlMaterial.deleted.is_(False)
        )
    ).first()
    if row is None:
        raise NotFound(f"ไม่พบวัสดุควบคุม {code}", f"no control material {code}")
    return row


def control_materials(session: Session) -> list[LabControlMaterial]:
    q = select(LabControlMaterial).where(LabControlMaterial.deleted.is_(False))
    return list(session.scalars(q.order_by(LabControlMaterial.code)))


def add_qc(
    ctx: Context,
    ws: LabWorksheet,
    kind: str,
    *,
    material: LabControlMaterial | None = None,
    duplicate_of: LabAnalysis | None = None,
    test: LabTest | None = None,
) -> LabQCResult:
    """Put a QC sample on an open worksheet: a ``blank``, a ``reference`` material or a ``duplicate`` of
    one of its analyses."""
    ctx.require("lab.submit")
    if ws.state != "open":
        raise _fail(f"ใบงาน {ws.worksheet_no} ปิดแล้ว", f"worksheet {ws.worksheet_no} is closed")
    if kind not in QC_KINDS:
        raise _verr("kind", f"ชนิดตัวอย่างควบคุมไม่ถูกต้อง: {kind}", f"unknown QC kind {kind}")
    test_id = test.id if test else ws.test_id
    if kind == "reference":
        if material is None:
            raise _verr("material", "ต้องระบุวัสดุควบคุม", "a reference QC needs its control material")
        test_id = material.test_id
    if kind == "duplicate":
        if duplicate_of is None or duplicate_of.worksheet_id != ws.id:
            raise _verr(
                "duplicate_of", "ต้องระบุรายการในใบงานที่ทำซ้ำ", "a duplicate names an analysis of the worksheet"
            )
        test_id = duplicate_of.test_id
    if test_id is None:
        raise _verr("test", "ต้องระบุรายการทดสอบ", "the QC sample's test is needed")
    return records.create(
        ctx,
        LabQCResult,
        worksheet_id=ws.id,
        kind=kind,
        test_id=test_id,
        instrument_id=ws.instrument_id,
        material_id=material.id if material else None,
        duplicate_of_id=duplicate_of.id if duplicate_of else None,
    )


def _series(session: Session, material: LabControlMaterial, instrument_id: str | None) -> list[LabQCResult]:
    q = select(LabQCResult).where(
        LabQCResult.material_id == material.id,
        LabQCResult.deleted.is_(False),
        LabQCResult.value.is_not(None),
        LabQCResult.measured_at.is_not(None),
    )
    if instrument_id:
        q = q.where(LabQCResult.instrument_id == instrument_id)
    return list(session.scalars(q.order_by(LabQCResult.measured_at, LabQCResult.created_at)))


def record_qc(ctx: Context, qc: LabQCResult, text: str, measured_at: dt.datetime | None = None) -> str:
    """Enter a QC result and judge it; returns ``pass``, ``warn`` or ``fail``. A failure holds the
    worksheet's results from verification until the lab head decides."""
    ctx.require("lab.submit")
    user_id = _need_user(ctx, "การบันทึกผลควบคุมคุณภาพ", "Entering a QC result")
    ws = ctx.session.get(LabWorksheet, qc.worksheet_id)
    assert ws is not None
    if ws.state != "open":
        raise _fail(f"ใบงาน {ws.worksheet_no} ปิดแล้ว", f"worksheet {ws.worksheet_no} is closed")
    if qc.measured_at is not None:
        raise _fail("บันทึกผลควบคุมคุณภาพนี้แล้ว", "this QC result is already entered")
    test = ctx.session.get(LabTest, qc.test_id)
    assert test is not None
    try:
        result = lr.parse_result(text, result_type="numeric", lod=test.lod, upper=test.upper_limit)
    except lr.ResultError as exc:
        raise _verr("value", exc.message_th, exc.message_en) from exc
    value = result.value
    rules: list[str] = []
    if qc.kind == "blank":
        ok = result.flag in ("<", "ND") or wg.blank_ok(value, test.lod)
        outcome = "pass" if ok else "fail"
        if not ok:
            rules.append("blank")
    elif qc.kind == "duplicate":
        original = ctx.session.get(LabAnalysis, qc.duplicate_of_id) if qc.duplicate_of_id else None
        if original is None or original.value is None or value is None:
            raise _fail("ต้องมีผลของรายการต้นฉบับก่อนบันทึกผลซ้ำ", "the original analysis has no result yet")
        rpd = wg.relative_percent_difference(original.value, value)
        outcome = "pass" if rpd <= DUPLICATE_RPD_LIMIT else "fail"
        if outcome == "fail":
            rules.append(f"RPD {rpd:.1f}%")
    else:
        material = ctx.session.get(LabControlMaterial, qc.material_id)
        assert material is not None
        if value is None:
            raise _verr("value", "ผลของวัสดุควบคุมต้องเป็นตัวเลข", "a control result must be a number")
        history = [r.value for r in _series(ctx.session, material, qc.instrument_id) if r.value is not None]
        point = wg.check_latest([*history, value], material.target, material.sd)
        outcome = point.outcome
        rules.extend(point.rules)
    _change(
        ctx,
        qc,
        action="result",
        value_text=result.text[:60],
        value=value,
        measured_at=measured_at or utcnow(),
        entered_by=user_id,
        outcome=outcome,
        rules=rules,
    )
    if outcome == "fail" and ws.qc_state != "hold":
        note = f"{qc.kind} {test.code}: {', '.join(rules)}"
        _change(ctx, ws, reason=note, qc_state="hold", qc_note=note[:400])
    elif outcome != "fail" and ws.qc_state == "":
        _change(ctx, ws, qc_state="pass")
    return outcome


def decide(ctx: Context, ws: LabWorksheet, decision: str, reason: str) -> int:
    """The lab head's decision on a worksheet held by a QC failure: ``release`` (its results may be
    verified) or ``reject`` (its submitted results are retracted and retests registered). Returns the
    number of analyses retracted."""
    ctx.require(OVERRIDE_PERMISSION)
    user_id = _need_user(ctx, "การตัดสินผลควบคุมคุณภาพ", "A QC decision")
    if ws.qc_state != "hold":
        raise _fail("ใบงานนี้ไม่ได้ถูกระงับจากผลควบคุมคุณภาพ", "this worksheet is not on QC hold")
    if decision not in ("release", "reject"):
        raise _verr("decision", "ต้องเลือกปล่อยผลหรือปฏิเสธผล", "the decision is release or reject")
    if not reason.strip():
        raise _verr("reason", "ต้องระบุเหตุผล", "a reason is required")
    state = "released" if decision == "release" else "rejected"
    _change(
        ctx,
        ws,
        reason=reason.strip(),
        qc_state=state,
        decided_by=user_id,
        decided_at=utcnow(),
        decision_reason=reason.strip()[:400],
    )
    retracted = 0
    if decision == "reject":
        for a in worksheet_analyses(ctx.session, ws):
            if a.state == "to_be_verified":
                retract(ctx, a, f"ผลควบคุมคุณภาพไม่ผ่าน ใบงาน {ws.worksheet_no}: {reason.strip()}")
                retracted += 1
        _change(ctx, ws, state="closed")
    return retracted


def qc_blocks_verification(session: Session, analysis: LabAnalysis) -> LabWorksheet | None:
    """The worksheet holding this analysis back from verification (None: nothing holds it)."""
    if not analysis.worksheet_id:
        return None
    ws = session.get(LabWorksheet, analysis.worksheet_id)
    return ws if ws is not None and ws.qc_state in ("hold", "rejected") else None


# ----------------------------------------------------------------------------------------------------
# results per worksheet
# ----------------------------------------------------------------------------------------------------


def enter_results(
    ctx: Context, ws: LabWorksheet, typed: Mapping[str, str], *, override_reason: str = ""
) -> ImportOutcome:
    """Results typed on the worksheet (analysis id → text), each on the worksheet's instrument; a row
    that fails is reported and the others are kept."""
    instrument = ctx.session.get(LabInstrument, ws.instrument_id) if ws.instrument_id else None
    out = ImportOutcome()
    by_id = {a.id: a for a in worksheet_analyses(ctx.session, ws)}
    for n, (analysis_id, text) in enumerate(typed.items(), start=1):
        a = by_id.get(analysis_id)
        sample = ctx.session.get(LabSample, a.sample_id) if a else None
        lab_no = sample.lab_no if sample else ""
        try:
            if a is None:
                raise ServiceError("รายการนี้ไม่อยู่ในใบงาน", "the analysis is not on this worksheet")
            with savepoint(ctx.session):
                set_result(ctx, a, text, instrument=instrument, override_reason=override_reason)
            out.entered += 1
        except ServiceError as exc:
            out.errors.append(RowError(n, lab_no, analysis_id, exc.message_th, exc.message_en))
    return out


def submit_worksheet(ctx: Context, ws: LabWorksheet) -> int:
    """Submit every analysis of the worksheet that has a result."""
    ready = [
        a
        for a in worksheet_analyses(ctx.session, ws)
        if a.state == "registered" and (a.value is not None or a.limit_flag or (a.value_text or "").strip())
    ]
    return submit(ctx, ready) if ready else 0


# ----------------------------------------------------------------------------------------------------
# read models: the control chart, the turnaround worklist, the printed worksheet
# ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChartPoint:
    measured_at: dt.datetime
    value: float
    z: float
    rules: tuple[str, ...]
    outcome: str
    worksheet_no: str


def control_chart(
    session: Session, material: LabControlMaterial, instrument_id: str | None = None
) -> list[ChartPoint]:
    """The material's control results, oldest first, each judged with the ones before it."""
    rows = _series(session, material, instrument_id or material.instrument_id)
    ws_nos = {
        w.id: w.worksheet_no
        for w in session.scalars(
            select(LabWorksheet).where(LabWorksheet.id.in_({r.worksheet_id for r in rows}))
        )
    }
    values = [float(r.value) for r in rows if r.value is not None]
    points = wg.evaluate(values, material.target, material.sd) if values else []
    return [
        ChartPoint(
            measured_at=local_time(r.measured_at) or r.measured_at,  # type: ignore[arg-type]
            value=p.value,
            z=p.z,
            rules=p.rules,
            outcome=p.outcome,
            worksheet_no=ws_nos.get(r.worksheet_id, ""),
        )
        for r, p in zip(rows, points, strict=True)
    ]


@dataclass(frozen=True)
class TurnaroundRow:
    lab_no: str
    code: str
    test: str
    state: str
    received_on: dt.date | None
    target_days: int
    elapsed_days: int

    @property
    def late(self) -> bool:
        return self.elapsed_days > self.target_days

    @property
    def days_left(self) -> int:
        return self.target_days - self.elapsed_days


def turnaround(session: Session, today: dt.date | None = None, limit: int = 500) -> list[TurnaroundRow]:
    """Open analyses of received samples with the days since reception against the catalog's turnaround
    target, the latest first (most overdue at the top)."""
    today = today or dt.date.today()
    q = (
        select(
            LabSample.lab_no,
            LabSample.received_at,
            LabTest.code,
            LabTest.name_th,
            LabTest.turnaround_days,
            LabAnalysis.state,
        )
        .select_from(LabAnalysis)
        .join(LabSample, LabSample.id == LabAnalysis.sample_id)
        .join(LabTest, LabTest.id == LabAnalysis.test_id)
        .where(
            LabAnalysis.deleted.is_(False),
            LabAnalysis.state.in_(("registered", "to_be_verified", "verified")),
            LabSample.received_at.is_not(None),
        )
        .order_by(LabSample.received_at, LabSample.lab_no, LabTest.code)
        .limit(limit)
    )
    out = []
    for lab_no, received_at, code, name, days, state in session.execute(q):
        local = local_time(received_at)
        received = local.date() if local else None
        elapsed = (today - received).days if received else 0
        out.append(TurnaroundRow(lab_no, code, name, state, received, int(days or 0), elapsed))
    out.sort(key=lambda r: r.days_left)
    return out


def worksheet_content(session: Session, ws: LabWorksheet) -> dict[str, Any]:
    """What the printed worksheet shows: its number, test/instrument, analyst, the rows and QC samples."""
    test = session.get(LabTest, ws.test_id) if ws.test_id else None
    instrument = session.get(LabInstrument, ws.instrument_id) if ws.instrument_id else None
    analyst = session.get(User, ws.analyst_id) if ws.analyst_id else None
    rows = []
    for a in worksheet_analyses(session, ws):
        sample = session.get(LabSample, a.sample_id)
        t = session.get(LabTest, a.test_id)
        request = session.get(LabRequest, sample.request_id) if sample else None
        rows.append(
            {
                "lab_no": sample.lab_no if sample else "",
                "sample": sample.description if sample else "",
                "customer": request.customer_name if request else "",
                "code": t.code if t else "",
                "test": t.name_th if t else "",
                "unit": t.unit if t else "",
                "method": t.method if t else "",
                "interim": [
                    str(f.get("name_th") or f.get("key")) for f in (t.interim_fields if t else []) or []
                ],
                "value_text": a.value_text,
                "state": a.state,
            }
        )
    qcs = []
    for q in qc_results(session, ws):
        material = session.get(LabControlMaterial, q.material_id) if q.material_id else None
        dup = session.get(LabAnalysis, q.duplicate_of_id) if q.duplicate_of_id else None
        dup_sample = session.get(LabSample, dup.sample_id) if dup else None
        qcs.append(
            {
                "kind": q.kind,
                "material": f"{material.code} {material.name}" if material else "",
                "target": material.target if material else None,
                "sd": material.sd if material else None,
                "duplicate_of": dup_sample.lab_no if dup_sample else "",
                "value_text": q.value_text,
                "outcome": q.outcome,
                "rules": list(q.rules or []),
            }
        )
    created = local_time(ws.created_at)
    settings = session.scalars(
        select(LabSettings).where(LabSettings.site_id == ws.site_id, LabSettings.deleted.is_(False))
    ).first()
    site = session.get(Site, ws.site_id)
    return {
        "lab_name": (settings.lab_name_th if settings else "") or (site.name_th if site else ""),
        "lab_address": (settings.address if settings else "") or (site.address if site else ""),
        "lab_phone": site.phone if site else "",
        "worksheet_no": ws.worksheet_no,
        "created_on": created.date().isoformat() if created else None,
        "test": f"{test.code} {test.name_th}" if test else "",
        "method": f"{test.method} {test.standard_ref}".strip() if test else "",
        "instrument": f"{instrument.code} {instrument.name}" if instrument else "",
        "calibration_due_on": instrument.calibration_due_on.isoformat()
        if instrument and instrument.calibration_due_on
        else None,
        "analyst": analyst.full_name if analyst else "",
        "qc_state": ws.qc_state,
        "rows": rows,
        "qc": qcs,
    }
