"""Reports and amendments: whether a sample can be published, publishing the report (content kept as
printed), amending it, and the printable content of reports, request forms and receipts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dipdesk.core import labresults as lr
from dipdesk.services import records
from dipdesk.services.context import Context
from dipdesk.services.errors import ServiceError
from dipdesk.services.lab.calibration import override_note
from dipdesk.services.lab.catalog import spec_for
from dipdesk.services.lab.common import (
    AMENDABLE_REQUEST,
    AMENDABLE_SAMPLE,
    COUNTING,
    DEFAULT_DECISION_RULE,
    _analyses,
    _change,
    _fail,
    _need_user,
    _update_request_state,
    _verr,
    local_time,
    next_number,
)
from dipdesk.services.lab.report_qr import make_code as make_report_code
from dipdesk.services.lab.requests import find_sample
from dipdesk.store.auth import User
from dipdesk.store.lab import (
    LabAnalysis,
    LabReport,
    LabRequest,
    LabSample,
    LabSettings,
    LabTest,
)
from dipdesk.store.people import Enterprise
from dipdesk.store.reference import Site

# ----------------------------------------------------------------------------------------------------
# reports
# ----------------------------------------------------------------------------------------------------


def _immutable_report(_ctx: Context, _values: dict[str, Any], report: Any) -> None:
    """A published report never changes through the generic record services (LAB.md): a correction is
    an amendment, and only the lab's own steps mark a report replaced."""
    if report is not None:
        raise _fail(
            f"รายงานเลขที่ {report.report_no} ออกแล้ว แก้ไขไม่ได้ (ออกรายงานฉบับแก้ไขแทน)",
            f"report {report.report_no} is issued and cannot be changed (issue an amendment instead)",
        )


records.VALIDATORS[LabReport] = _immutable_report


def current_report(session: Session, sample_id: str) -> LabReport | None:
    """The sample's report in force (published, not replaced), if any."""
    return session.scalars(
        select(LabReport)
        .where(LabReport.sample_id == sample_id, LabReport.state == "published", LabReport.deleted.is_(False))
        .order_by(LabReport.created_at.desc())
    ).first()


def reports_of(session: Session, sample_id: str) -> list[LabReport]:
    return list(
        session.scalars(
            select(LabReport)
            .where(LabReport.sample_id == sample_id, LabReport.deleted.is_(False))
            .order_by(LabReport.report_no)
        )
    )


def publishable(session: Session, sample: LabSample) -> tuple[bool, str, str]:
    """(ready, why not in Thai, why not in English): every counting analysis verified, at least one."""
    if sample.state == "cancelled":
        return False, "ตัวอย่างถูกยกเลิก", "the sample was cancelled"
    states = [a.state for a in _analyses(session, sample.id) if a.state in COUNTING]
    if not states:
        return False, "ไม่มีรายการทดสอบที่จะรายงาน", "there is no result to report"
    waiting = sum(1 for s in states if s in ("registered", "to_be_verified"))
    if waiting:
        return (
            False,
            f"ยังมี {waiting} รายการที่ยังไม่ได้ตรวจสอบ (ทั้งหมด {len(states)} รายการ)",
            f"{waiting} of {len(states)} results are not verified yet",
        )
    if not any(s == "verified" for s in states):
        return False, "ออกรายงานของผลชุดนี้ไปแล้ว", "these results are already reported"
    return True, "", ""


def publish_report(
    ctx: Context,
    sample: LabSample,
    *,
    decision_rule: str = DEFAULT_DECISION_RULE,
    remarks: str = "",
    amendment_reason: str = "",
    issued_on: dt.date | None = None,
) -> LabReport:
    """Publish the sample's test report: all its results verified; the content is kept as printed.

    If the sample already has a report in force, this is an amendment: ``amendment_reason`` is required,
    the new report names the old one, and the old one is marked ``replaced``.
    """
    ctx.require("lab.publish")
    user_id = _need_user(ctx, "การออกรายงาน", "Publishing a report")
    previous = current_report(ctx.session, sample.id)
    if previous is not None and not amendment_reason.strip():
        raise _fail(
            f"ตัวอย่างนี้มีรายงานเลขที่ {previous.report_no} แล้ว การแก้ไขต้องออกเป็นรายงานฉบับแก้ไขพร้อมเหตุผล",
            f"this sample already has report {previous.report_no}; a correction is an amendment with a reason",
        )
    ready, why_th, why_en = publishable(ctx.session, sample)
    if not ready and not (previous is not None and why_en == "these results are already reported"):
        raise _fail(f"ยังออกรายงานไม่ได้: {why_th}", f"the report cannot be published yet: {why_en}")
    issued_on = issued_on or dt.date.today()
    number = next_number(ctx, "RPT", "RPT", issued_on)
    authoriser = ctx.session.get(User, user_id)
    content = report_content(
        ctx.session,
        sample,
        report_no=number,
        issued_on=issued_on,
        decision_rule=decision_rule,
        authoriser=authoriser,
        replaces=previous,
        amendment_reason=amendment_reason.strip(),
        remarks=remarks,
    )
    content["qr"] = _report_code(ctx, content)
    report = records.create(
        ctx,
        LabReport,
        report_no=number,
        sample_id=sample.id,
        state="published",
        issued_on=issued_on,
        authorised_by=user_id,
        replaces_id=previous.id if previous else None,
        amendment_reason=amendment_reason.strip(),
        decision_rule=decision_rule,
        content=content,
    )
    records.audit(ctx, "transition", report, {"state": ["draft", "published"]}, amendment_reason.strip())
    if previous is not None:
        _change(
            ctx, previous, reason=amendment_reason.strip(), note={"replaced_by": number}, state="replaced"
        )
    for a in _analyses(ctx.session, sample.id):
        if a.state == "verified":
            _change(ctx, a, note={"report": number}, state="published")
    _change(ctx, sample, note={"report": number}, state="published")
    _update_request_state(ctx, sample.request_id)
    ctx.session.flush()
    return report


def _report_code(ctx: Context, content: dict[str, Any]) -> str:
    """The signed QR of the report (issue 15); empty when this computer does not hold the site's signing
    key (another computer of the site has it): the report is still published, without the code."""
    try:
        return make_report_code(ctx, content)
    except ServiceError:
        return ""


def amend_report(
    ctx: Context,
    report: LabReport,
    reason: str,
    *,
    corrections: dict[str, Any] | None = None,
    decision_rule: str | None = None,
    remarks: str = "",
) -> LabReport:
    """Issue an amendment of a published report: apply the corrections (customer, item description…)
    through the audited services, then publish a new report naming the old one and the reason.

    A corrected *result* is done first by retracting the published analysis and verifying the retest.
    """
    ctx.require("lab.publish")
    if report.state != "published":
        raise _fail(
            f"แก้ไขได้เฉพาะรายงานที่มีผลบังคับอยู่ (รายงาน {report.report_no} สถานะ {report.state})",
            f"only the report in force can be amended ({report.report_no} is {report.state})",
        )
    if not reason.strip():
        raise _verr("reason", "ต้องระบุเหตุผลและสิ่งที่แก้ไข", "say what changed and why")
    sample = ctx.session.get(LabSample, report.sample_id)
    assert sample is not None
    corrections = dict(corrections or {})
    unknown = set(corrections) - set(AMENDABLE_REQUEST) - set(AMENDABLE_SAMPLE)
    if unknown:
        raise _verr(
            sorted(unknown)[0],
            f"แก้ไขช่อง {', '.join(sorted(unknown))} ไม่ได้",
            f"cannot correct {', '.join(sorted(unknown))}",
        )
    req_fields = {k: v for k, v in corrections.items() if k in AMENDABLE_REQUEST}
    sample_fields = {k: v for k, v in corrections.items() if k in AMENDABLE_SAMPLE}
    if req_fields:
        request = ctx.session.get(LabRequest, sample.request_id)
        assert request is not None
        records.update(ctx, request, **req_fields)
    if sample_fields:
        records.update(ctx, sample, **sample_fields)
    return publish_report(
        ctx,
        sample,
        decision_rule=decision_rule or report.decision_rule or DEFAULT_DECISION_RULE,
        remarks=remarks,
        amendment_reason=reason,
    )


def _user_names(session: Session, ids: Iterable[str | None]) -> dict[str, User]:
    wanted = {i for i in ids if i}
    if not wanted:
        return {}
    return {u.id: u for u in session.scalars(select(User).where(User.id.in_(wanted)))}


def result_rows(
    session: Session, sample: LabSample, *, states: Sequence[str] = COUNTING
) -> list[dict[str, Any]]:
    """The sample's results as a report lists them (plain values, verdicts judged by the core rules)."""
    q = (
        select(LabAnalysis, LabTest)
        .join(LabTest, LabTest.id == LabAnalysis.test_id)
        .where(
            LabAnalysis.sample_id == sample.id, LabAnalysis.deleted.is_(False), LabAnalysis.state.in_(states)
        )
        .order_by(LabAnalysis.created_at, LabTest.code)
    )
    rows = []
    for a, t in session.execute(q):
        spec = spec_for(session, sample.product_type, t.id) if sample.product_type else None
        result = lr.stored_result(a.value_text, a.value, a.limit_flag, lod=t.lod, upper=t.upper_limit)
        rows.append(
            {
                "code": t.code,
                "test": t.name_th,
                "test_en": t.name_en,
                "method": t.method,
                "standard_ref": t.standard_ref,
                "unit": t.unit,
                "result_type": t.result_type,
                "value": a.value,
                "value_text": a.value_text,
                "limit_flag": a.limit_flag,
                "lod": t.lod,
                "upper": t.upper_limit,
                "decimals": t.decimals,
                "uncertainty": t.uncertainty,
                "uncertainty_is_percent": t.uncertainty_is_percent,
                "accredited": t.accredited,
                "spec_min": spec.min if spec else None,
                "spec_max": spec.max if spec else None,
                "standard": spec.standard if spec else "",
                "verdict": lr.judge(result, spec, decimals=t.decimals)
                if t.result_type == "numeric"
                else "no_spec",
                "tested_on": a.tested_on.isoformat() if a.tested_on else None,
                "deviation": "; ".join(d for d in (a.deviation, override_note(session, a)) if d),
                "external_provider": a.external_provider,
                "state": a.state,
                "remarks": a.remarks if a.retest_of_id is None else "",
            }
        )
    return rows


def report_content(
    session: Session,
    sample: LabSample,
    *,
    report_no: str,
    issued_on: dt.date | None,
    decision_rule: str = DEFAULT_DECISION_RULE,
    authoriser: User | None = None,
    replaces: LabReport | None = None,
    amendment_reason: str = "",
    remarks: str = "",
    draft: bool = False,
) -> dict[str, Any]:
    """Everything the printed report shows (ISO/IEC 17025 7.8.2.1), as plain JSON-able values."""
    request = session.get(LabRequest, sample.request_id)
    assert request is not None
    site = session.get(Site, sample.site_id)
    settings = session.scalars(
        select(LabSettings).where(LabSettings.site_id == sample.site_id, LabSettings.deleted.is_(False))
    ).first()
    lab_name = (settings.lab_name_th if settings else "") or f"ห้องปฏิบัติการทดสอบ {site.name_th if site else ''}"
    address = (settings.address if settings else "") or (site.address if site else "")
    customer_address = ""
    if request.customer_enterprise_id:
        ent = session.get(Enterprise, request.customer_enterprise_id)
        customer_address = ent.address if ent else ""
    states = ("verified", "published") if not draft else COUNTING
    results = result_rows(session, sample, states=states)
    tested = sorted(r["tested_on"] for r in results if r["tested_on"])
    receiver = session.get(User, sample.received_by) if sample.received_by else None
    return {
        "report_no": report_no,
        "issued_on": issued_on.isoformat() if issued_on else None,
        "lab_name": lab_name,
        "lab_name_en": site.name_en if site else "",
        "lab_address": address,
        "lab_phone": site.phone if site else "",
        "test_location": f"{lab_name} {'เลขที่ ' if address[:1].isdigit() else ''}{address}".strip(),
        "site_code": site.code if site else "",
        "request_no": request.request_no,
        "requested_on": request.requested_on.isoformat() if request.requested_on else None,
        "customer": request.customer_name,
        "customer_address": customer_address,
        "contact": request.contact_name,
        "contact_phone": request.contact_phone,
        "purpose": request.purpose,
        "lab_no": sample.lab_no,
        "sample": sample.description,
        "product_type": sample.product_type,
        "quantity": sample.quantity,
        "condition": sample.condition,
        "storage": sample.storage,
        "received_on": _local_date(sample.received_at),
        "received_by": receiver.full_name if receiver else "",
        "sampling_date": sample.sampling_date.isoformat() if sample.sampling_date else None,
        "sampling_plan": sample.sampling_plan,
        "tested_from": tested[0] if tested else None,
        "tested_to": tested[-1] if tested else None,
        "results": results,
        "decision_rule": decision_rule,
        "authorised_name": authoriser.full_name if authoriser else "",
        "authorised_position": authoriser.position if authoriser else "",
        "replaces": replaces.report_no if replaces else "",
        "replaces_issued_on": replaces.issued_on.isoformat() if replaces and replaces.issued_on else None,
        "amendment_reason": amendment_reason,
        "remarks": remarks,
        "draft": draft,
    }


def _local_date(stamp: dt.datetime | None) -> str | None:
    local = local_time(stamp)
    return local.date().isoformat() if local else None


def _local_iso(stamp: dt.datetime | None) -> str | None:
    local = local_time(stamp)
    return local.isoformat(timespec="minutes") if local else None


def printable_content(session: Session, report: LabReport) -> dict[str, Any]:
    """What to print for a report: exactly what was published. Reports published before this module
    kept less (the demo's), so anything they lack is filled from the records, never overwritten."""
    sample = session.get(LabSample, report.sample_id)
    assert sample is not None
    stored = dict(report.content or {})
    replaces = session.get(LabReport, report.replaces_id) if report.replaces_id else None
    authoriser = session.get(User, report.authorised_by) if report.authorised_by else None
    base = report_content(
        session,
        sample,
        report_no=report.report_no,
        issued_on=report.issued_on,
        decision_rule=report.decision_rule or DEFAULT_DECISION_RULE,
        authoriser=authoriser,
        replaces=replaces,
        amendment_reason=report.amendment_reason,
    )
    # What was published wins, empty values included: a field left blank then and corrected by a later
    # amendment (purpose, sampling date…) must not appear on a reprint of the earlier report.
    merged = {**base, **stored}
    merged["results"] = stored.get("results") or base["results"]
    merged["report_no"] = report.report_no
    merged["state"] = report.state
    successor = session.scalars(select(LabReport).where(LabReport.replaces_id == report.id)).first()
    merged["replaced_by"] = successor.report_no if successor is not None else ""
    if not merged.get("tested_from"):
        merged["tested_from"] = stored.get("tested_on") or base.get("tested_from")
        merged["tested_to"] = stored.get("tested_on") or base.get("tested_to")
    return merged


def draft_content(session: Session, sample: LabSample) -> dict[str, Any]:
    """A clearly marked draft of the report of a sample not yet fully verified (or not yet published)."""
    content = report_content(session, sample, report_no=f"DRAFT-{sample.lab_no}", issued_on=None, draft=True)
    content["state"] = "draft"
    return content


def report_for_print(session: Session, lab_no: str, *, draft: bool = False) -> dict[str, Any]:
    """The content to print for a lab number: its report in force, or (``draft``) a draft.

    Refused, with the reason, when the sample has no published report and ``draft`` is not asked for.
    """
    sample = find_sample(session, lab_no)
    report = current_report(session, sample.id)
    if report is not None and not draft:
        return printable_content(session, report)
    if draft:
        return draft_content(session, sample)
    ready, why_th, why_en = publishable(session, sample)
    if ready:
        raise _fail(
            f"ตัวอย่าง {lab_no} ตรวจสอบผลครบแล้วแต่ยังไม่ได้ออกรายงาน (ออกรายงานก่อน หรือพิมพ์ฉบับร่างด้วย --draft)",
            f"sample {lab_no} is verified but its report is not published yet (publish it, or print a --draft)",
        )
    raise _fail(
        f"ออกรายงานของตัวอย่าง {lab_no} ไม่ได้: {why_th} (พิมพ์ฉบับร่างได้ด้วย --draft)",
        f"no report for sample {lab_no}: {why_en} (a draft can be printed with --draft)",
    )


def request_form_content(session: Session, request: LabRequest) -> dict[str, Any]:
    """What the request form (คำขอรับบริการ) prints: customer, samples, tests and fees."""
    site = session.get(Site, request.site_id)
    settings = session.scalars(
        select(LabSettings).where(LabSettings.site_id == request.site_id, LabSettings.deleted.is_(False))
    ).first()
    samples = list(
        session.scalars(
            select(LabSample)
            .where(LabSample.request_id == request.id, LabSample.deleted.is_(False))
            .order_by(LabSample.lab_no)
        )
    )
    sample_rows = []
    fee_lines: dict[str, dict[str, Any]] = {}
    for s in samples:
        tests = [
            t
            for a, t in session.execute(
                select(LabAnalysis, LabTest)
                .join(LabTest, LabTest.id == LabAnalysis.test_id)
                .where(LabAnalysis.sample_id == s.id, LabAnalysis.retest_of_id.is_(None))
                .order_by(LabAnalysis.created_at, LabTest.code)
            )
        ]
        sample_rows.append(
            {
                "lab_no": s.lab_no,
                "description": s.description,
                "quantity": s.quantity,
                "tests": [t.name_th for t in tests],
            }
        )
        for t in tests:
            method = f"{t.method} ({t.standard_ref})" if t.standard_ref else t.method
            line = fee_lines.setdefault(
                t.id,
                {
                    "test": t.name_th,
                    "method": method,
                    "fee": float(t.fee or 0),
                    "count": 0,
                    "days": t.turnaround_days,
                },
            )
            line["count"] += 1
    customer_address = ""
    if request.customer_enterprise_id:
        ent = session.get(Enterprise, request.customer_enterprise_id)
        customer_address = ent.address if ent else ""
    fees = list(fee_lines.values())
    return {
        "request_no": request.request_no,
        "requested_on": request.requested_on.isoformat() if request.requested_on else None,
        "lab_name": (settings.lab_name_th if settings else "") or (site.name_th if site else ""),
        "lab_address": (settings.address if settings else "") or (site.address if site else ""),
        "lab_phone": site.phone if site else "",
        "customer": request.customer_name,
        "customer_address": customer_address,
        "contact": request.contact_name,
        "contact_phone": request.contact_phone,
        "purpose": request.purpose,
        "samples": sample_rows,
        "fees": fees,
        "fee_total": float(request.fee_total or 0),
        "turnaround_days": max((f["days"] for f in fees), default=0),
    }


def receipt_content(session: Session, sample: LabSample) -> dict[str, Any]:
    """What the sample receipt (ใบรับตัวอย่าง) prints, with the label's lab number."""
    request = session.get(LabRequest, sample.request_id)
    assert request is not None
    form = request_form_content(session, request)
    receiver = session.get(User, sample.received_by) if sample.received_by else None
    tests = [
        {"test": t.name_th, "method": t.method, "fee": float(t.fee or 0)}
        for a, t in session.execute(
            select(LabAnalysis, LabTest)
            .join(LabTest, LabTest.id == LabAnalysis.test_id)
            .where(LabAnalysis.sample_id == sample.id, LabAnalysis.retest_of_id.is_(None))
            .order_by(LabAnalysis.created_at, LabTest.code)
        )
    ]
    return {
        **{
            k: form[k]
            for k in ("lab_name", "lab_address", "lab_phone", "customer", "contact", "contact_phone")
        },
        "request_no": request.request_no,
        "lab_no": sample.lab_no,
        "description": sample.description,
        "product_type": sample.product_type,
        "quantity": sample.quantity,
        "condition": sample.condition,
        "storage": sample.storage,
        "sampling_date": sample.sampling_date.isoformat() if sample.sampling_date else None,
        "received_at": _local_iso(sample.received_at),
        "received_by": receiver.full_name if receiver else "",
        "received_by_position": receiver.position if receiver else "",
        "due_on": sample.due_on.isoformat() if sample.due_on else None,
        "tests": tests,
        "state": sample.state,
    }
