"""Results and calculation: entering a result or its interim readings, computing calculated tests, and
recomputing the dependents of a changed result.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dipdesk.core import labresults as lr
from dipdesk.services.context import Context
from dipdesk.services.errors import ValidationError
from dipdesk.services.lab.calibration import check_analysis_instrument, use_instrument
from dipdesk.services.lab.common import COUNTING, _change, _fail, _verr
from dipdesk.store.lab import (
    LabAnalysis,
    LabSample,
    LabTest,
)

# ----------------------------------------------------------------------------------------------------
# results
# ----------------------------------------------------------------------------------------------------


def _variables(session: Session, analysis: LabAnalysis, interim: dict[str, Any]) -> dict[str, float | None]:
    """What a formula may use: this analysis's readings and the results of the sample's other tests."""
    out: dict[str, float | None] = {}
    q = (
        select(LabTest.code, LabAnalysis.value)
        .join(LabTest, LabTest.id == LabAnalysis.test_id)
        .where(
            LabAnalysis.sample_id == analysis.sample_id,
            LabAnalysis.id != analysis.id,
            LabAnalysis.state.in_(COUNTING),
        )
    )
    for code, value in session.execute(q):
        out[lr.variable_name(code)] = value
    for k, v in interim.items():
        out[k] = v
    return out


def parse_interim(test: LabTest, typed: dict[str, Any]) -> dict[str, float | None]:
    """Readings of a calculated test as numbers (typed text allowed), keyed as the catalog declares."""
    out: dict[str, float | None] = {}
    keys = {str(f.get("key")) for f in test.interim_fields or []}
    for key, raw in typed.items():
        if key not in keys:
            raise _verr("interim", f"ไม่มีค่าที่วัดชื่อ {key}", f"{test.code} has no reading {key}")
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            out[key] = None
        elif isinstance(raw, (int, float)):
            out[key] = float(raw)
        else:
            try:
                out[key] = lr.parse_number(str(raw))
            except lr.ResultError as exc:
                raise _verr("interim", f"{key}: {exc.message_th}", f"{key}: {exc.message_en}") from exc
    return out


def set_result(
    ctx: Context,
    analysis: LabAnalysis,
    text: str | None = None,
    *,
    interim: dict[str, Any] | None = None,
    tested_on: dt.date | None = None,
    deviation: str | None = None,
    external_provider: str | None = None,
    remarks: str | None = None,
    instrument: Any = None,
    override_reason: str = "",
) -> lr.Result:
    """Record (or change, or clear with ``""``) the result of an analysis that is not yet submitted.

    The text is kept as typed and read by :func:`dipdesk.core.labresults.parse_result`. For a calculated
    test the readings go in ``interim`` and the value is computed (a typed ``text`` overrides it, e.g. a
    value reported by an external provider). Audited as ``result`` with the old and new values.

    ``instrument`` (a :class:`~dipdesk.store.instruments.LabInstrument`) is the one it was measured on: an
    instrument past its calibration due date is refused unless the lab head gives ``override_reason``
    (:mod:`.calibration`); a result on an analysis already tied to an overdue instrument is refused too.
    """
    ctx.require("lab.submit")
    if analysis.state != "registered":
        raise _fail(
            "แก้ไขผลได้เฉพาะรายการที่ยังไม่ส่งตรวจสอบ (ถอนผลก่อนหากต้องแก้)",
            "only a result not yet submitted can be changed (retract it first)",
        )
    sample = ctx.session.get(LabSample, analysis.sample_id)
    if sample is None or sample.state in ("registered", "cancelled"):
        raise _fail("ต้องรับตัวอย่างก่อนบันทึกผล", "the sample must be received before results are entered")
    test = ctx.session.get(LabTest, analysis.test_id)
    assert test is not None
    if instrument is not None:
        use_instrument(ctx, analysis, instrument, override_reason)
    else:
        check_analysis_instrument(ctx, analysis)
    new_interim = dict(analysis.interim or {})
    if interim is not None:
        new_interim.update(parse_interim(test, interim))
    if text is None and test.formula and interim is not None:
        result = _computed(ctx.session, analysis, test, new_interim)
    else:
        try:
            result = lr.parse_result(
                text or "",
                result_type=test.result_type,
                choices=[str(c) for c in test.choices or []],
                lod=test.lod,
                upper=test.upper_limit,
            )
        except lr.ResultError as exc:
            raise _verr("value", exc.message_th, exc.message_en) from exc
    fields: dict[str, Any] = {
        "value_text": result.text[:100],
        "value": result.value,
        "limit_flag": result.flag,
        "interim": new_interim,
    }
    if tested_on is not None:
        fields["tested_on"] = tested_on
    if deviation is not None:
        fields["deviation"] = deviation[:300]
    if external_provider is not None:
        fields["external_provider"] = external_provider[:200]
    if remarks is not None:
        fields["remarks"] = remarks[:300]
    _change(ctx, analysis, action="result", **fields)
    if sample.state == "received":
        _change(ctx, sample, state="testing")
    ctx.session.flush()
    recompute_dependents(ctx, analysis)
    return result


def _computed(session: Session, analysis: LabAnalysis, test: LabTest, interim: dict[str, Any]) -> lr.Result:
    """A calculated test's result from its readings; empty while a reading is missing."""
    needed = lr.formula_names(test.formula)
    variables = _variables(session, analysis, interim)
    if any(variables.get(n) is None for n in needed):
        return lr.EMPTY
    try:
        value = lr.evaluate_formula(test.formula, variables)
    except lr.FormulaError as exc:
        raise _verr("interim", exc.message_th, exc.message_en) from exc
    text = f"{value:.10g}"
    return lr.parse_result(text, lod=test.lod, upper=test.upper_limit)


def _uses_results(test: LabTest) -> bool:
    """A calculated test whose formula uses another test's result (not only its own readings)."""
    if not test.formula:
        return False
    own = {str(f.get("key")) for f in test.interim_fields or []}
    try:
        return bool(lr.formula_names(test.formula) - own)
    except lr.FormulaError:
        return False


def dependents(session: Session, analysis: LabAnalysis) -> list[LabAnalysis]:
    """The sample's calculated analyses that use this analysis's result, directly or through another
    calculated result, in the order they are to be recomputed (each after the results it uses)."""
    rows = session.execute(
        select(LabAnalysis, LabTest)
        .join(LabTest, LabTest.id == LabAnalysis.test_id)
        .where(
            LabAnalysis.sample_id == analysis.sample_id,
            LabAnalysis.deleted.is_(False),
            LabAnalysis.state.in_(COUNTING),
        )
        .order_by(LabAnalysis.created_at)
    ).all()
    codes = {a.id: lr.variable_name(t.code) for a, t in rows}
    changed = codes.get(analysis.id)
    if changed is None:  # a retracted or rejected analysis: its result no longer counts
        test = session.get(LabTest, analysis.test_id)
        changed = lr.variable_name(test.code) if test is not None else ""
    uses: dict[str, set[str]] = {}
    for a, t in rows:
        if _uses_results(t):
            uses[a.id] = lr.formula_names(t.formula)
    out: list[LabAnalysis] = []
    seen = {analysis.id}
    frontier = {changed}
    while frontier:  # breadth first; a cycle of formulas ends because each analysis is taken once
        step = [a for a, _t in rows if a.id not in seen and uses.get(a.id, set()) & frontier]
        seen.update(a.id for a in step)
        out += step
        frontier = {codes[a.id] for a in step}
    return out


def recompute_dependents(ctx: Context, analysis: LabAnalysis, reason: str = "") -> list[LabAnalysis]:
    """Recompute the calculated results that use this analysis's result, after it changed (entered,
    corrected, retracted, rejected). Only results not yet submitted change, and not one reported by an
    external provider; a result that cannot be computed any more (a value it uses was withdrawn) is
    cleared. Audited as ``result``. Returns the analyses whose result changed."""
    test = ctx.session.get(LabTest, analysis.test_id)
    why = reason or (f"คำนวณใหม่: ผล {test.code} เปลี่ยน" if test is not None else "คำนวณใหม่")
    changed = []
    for dep in dependents(ctx.session, analysis):
        if dep.state != "registered" or dep.external_provider:
            continue
        if _recompute(ctx, dep, why):
            changed.append(dep)
    ctx.session.flush()
    return changed


def _recompute(ctx: Context, analysis: LabAnalysis, reason: str) -> bool:
    test = ctx.session.get(LabTest, analysis.test_id)
    assert test is not None
    try:
        result = _computed(ctx.session, analysis, test, dict(analysis.interim or {}))
    except ValidationError:
        result = lr.EMPTY
    fields: dict[str, Any] = {
        "value_text": result.text[:100],
        "value": result.value,
        "limit_flag": result.flag,
    }
    return bool(_change(ctx, analysis, action="result", reason=reason, **fields))


def _stale(session: Session, analysis: LabAnalysis, test: LabTest) -> bool:
    """A calculated result (submitted before) that no longer matches the results it was computed from."""
    if not _uses_results(test) or analysis.external_provider:
        return False
    try:
        now = _computed(session, analysis, test, dict(analysis.interim or {}))
    except ValidationError:
        return True
    if now.value is None or analysis.value is None:
        return now.value != analysis.value
    return not math.isclose(now.value, analysis.value, rel_tol=1e-9, abs_tol=1e-12)
