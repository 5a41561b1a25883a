"""The testing lab's use cases: catalog, requests, sample reception, results, four-eyes verification, reports.

Workflow (LAB.md, after SENAITE):

- A request (คำขอรับบริการ) names the customer and, per sample, the tests; each sample gets a lab number
  at once (``L2569-IPC1-00123``: fiscal year, site code, running number from ``SerialCounter``, so two
  sites never collide even offline) and one analysis per test, ``registered``.
- Reception (รับตัวอย่าง) records the condition of the item, who received it and when, and the due date.
- An analysis goes ``registered → to_be_verified`` (submit: needs a value or a detection-limit flag,
  the readings of a calculated test, and a received sample) ``→ verified`` (by a *different* user unless
  the lab's settings allow self-verification) ``→ published`` (with the report). ``retracted`` withdraws
  a result and creates the retest; ``rejected`` drops a test that will not be done.
- A report (ใบรายงานผลการทดสอบ) is published when every analysis of the sample that counts is verified;
  its content is kept as printed and never changes. An amendment is a new report number that names the
  one it replaces and why; the old one stays, marked ``replaced``.

Every state change writes an audit entry (``records.audit``): who, when, from which state to which.
Every function takes a :class:`Context` whose session is the caller's transaction; the caller commits.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC
from decimal import Decimal
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from dipdesk.core import labresults as lr
from dipdesk.core.thaidate import fiscal_year
from dipdesk.services import records
from dipdesk.services.auth import can
from dipdesk.services.context import Context, current_site
from dipdesk.services.errors import NotFound, PermissionDenied, ServiceError, ValidationError
from dipdesk.store.auth import User
from dipdesk.store.base import utcnow
from dipdesk.store.certificates import SerialCounter
from dipdesk.store.lab import (
    ANALYSIS_STATES,
    RESULT_TYPES,
    SAMPLE_STATES,
    TEST_KINDS,
    LabAnalysis,
    LabReport,
    LabRequest,
    LabSample,
    LabSettings,
    LabSpecification,
    LabTest,
)
from dipdesk.store.people import Enterprise
from dipdesk.store.reference import Site
from dipdesk.sync.outbox import capture

#: who may maintain the catalog: the lab's head (the role that may publish) and administrators
CATALOG_PERMISSION = "lab.publish"

#: analyses that count towards a report (retracted ones were replaced by a retest, rejected ones dropped)
COUNTING = ("registered", "to_be_verified", "verified", "published")

DEFAULT_DECISION_RULE = (
    "ตัดสินผ่าน/ไม่ผ่านจากค่าที่รายงาน (ปัดตามจำนวนทศนิยมของรายการทดสอบ) เทียบกับเกณฑ์กำหนดโดยตรง "
    "(simple acceptance, ILAC-G8:09/2019) ไม่นำค่าความไม่แน่นอนของการวัดมาพิจารณา"
)

#: fields of the request and the sample an amendment may correct (what the customer sees on the report)
AMENDABLE_REQUEST = ("customer_name", "contact_name", "contact_phone", "purpose")
AMENDABLE_SAMPLE = ("description", "quantity", "condition", "sampling_date", "sampling_plan", "storage")


class WorkflowError(ServiceError):
    """A transition that the workflow does not allow from the record's current state."""


def _fail(th: str, en: str) -> WorkflowError:
    return WorkflowError(th, en)


# ----------------------------------------------------------------------------------------------------
# context, numbers, settings
# ----------------------------------------------------------------------------------------------------


def lab_context(session: Session, user_id: str | None) -> Context:
    """A context for this installation's site acting as the user with ``user_id`` (None: a system job)."""
    site = current_site(session)
    if site is None:
        raise ServiceError("ยังไม่ได้ตั้งค่าหน่วยงานของเครื่องนี้", "this installation has no site yet")
    user = None
    if user_id:
        user = session.get(User, user_id)
        if user is None or user.deleted or not user.active:
            raise NotFound("ไม่พบผู้ใช้หรือผู้ใช้ถูกระงับ", "the user does not exist or is not active")
    return Context(session=session, user=user, site=site)


def user_by_name(session: Session, username: str) -> User:
    user = session.scalars(select(User).where(User.username == username, User.deleted.is_(False))).first()
    if user is None or not user.active:
        raise NotFound(f"ไม่พบผู้ใช้ {username}", f"no active user {username}")
    return user


def _need_user(ctx: Context, what_th: str, what_en: str) -> str:
    if ctx.user is None:
        raise PermissionDenied(
            f"{what_th}ต้องทำโดยผู้ใช้ที่เข้าสู่ระบบ (ต้องบันทึกว่าใครทำ)",
            f"{what_en} must be done by a logged-in user (who did it is recorded)",
        )
    return ctx.user.id


def next_number(ctx: Context, series: str, letter: str, on: dt.date | None = None) -> str:
    """The next running number of ``series`` at this site in the fiscal year of ``on``:
    ``{letter}{FY}-{SITE}-{00001}``. Numbers are never reused: the counter only goes up, and a number
    already on a record (a counter restored from an old backup) is skipped."""
    fy = fiscal_year(on or dt.date.today())
    code = ctx.site.code
    counter = ctx.session.get(SerialCounter, (code, series, fy))
    if counter is None:
        counter = SerialCounter(site_code=code, series=series, fiscal_year=fy, last=0)
        ctx.session.add(counter)
    model, column = {
        "LAB": (LabSample, LabSample.lab_no),
        "REQ": (LabRequest, LabRequest.request_no),
        "RPT": (LabReport, LabReport.report_no),
    }[series]
    while True:
        counter.last += 1
        number = f"{letter}{fy}-{code}-{counter.last:05d}"
        taken = ctx.session.scalar(select(func.count()).select_from(model).where(column == number))
        if not taken:
            ctx.session.flush()
            return number


def local_time(stamp: dt.datetime | None) -> dt.datetime | None:
    """A stored (naive UTC) time in this computer's zone, for showing and printing."""
    if stamp is None:
        return None
    return stamp.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


def lab_settings(ctx: Context) -> LabSettings:
    """This site's lab settings (made with defaults the first time: self-verification off)."""
    row = ctx.session.scalars(
        select(LabSettings).where(LabSettings.site_id == ctx.site.id, LabSettings.deleted.is_(False))
    ).first()
    if row is None:
        row = records.create(
            ctx,
            LabSettings,
            lab_name_th=f"ห้องปฏิบัติการทดสอบ {ctx.site.name_th}",
            address=ctx.site.address,
            allow_self_verification=False,
        )
    return row


def update_settings(ctx: Context, **fields: Any) -> dict[str, list[Any]]:
    ctx.require(CATALOG_PERMISSION)
    return records.update(ctx, lab_settings(ctx), **fields)


# ----------------------------------------------------------------------------------------------------
# catalog
# ----------------------------------------------------------------------------------------------------


def _verr(field_: str, th: str, en: str) -> ValidationError:
    return ValidationError(field_, th, en)


def _validate_test(ctx: Context, test: LabTest) -> None:
    if not (test.code or "").strip():
        raise _verr("code", "รหัสรายการทดสอบ: ต้องกรอก", "code: is required")
    if not (test.name_th or "").strip():
        raise _verr("name_th", "ชื่อรายการทดสอบ: ต้องกรอก", "name_th: is required")
    dup = ctx.session.scalars(
        select(LabTest.id).where(LabTest.code == test.code, LabTest.id != test.id, LabTest.deleted.is_(False))
    ).first()
    if dup:
        raise _verr("code", f"มีรหัส {test.code} แล้ว", f"code {test.code} is already used")
    if test.kind not in TEST_KINDS:
        raise _verr(
            "kind", f"ประเภทต้องเป็น {', '.join(TEST_KINDS)}", f"kind must be one of {', '.join(TEST_KINDS)}"
        )
    if test.result_type not in RESULT_TYPES:
        raise _verr(
            "result_type",
            f"ชนิดผลต้องเป็น {', '.join(RESULT_TYPES)}",
            f"result_type must be one of {', '.join(RESULT_TYPES)}",
        )
    if test.result_type == "choice" and not test.choices:
        raise _verr("choices", "ผลแบบตัวเลือกต้องมีรายการตัวเลือก", "a choice result needs its choices")
    if not 0 <= (test.decimals or 0) <= 6:
        raise _verr("decimals", "จำนวนทศนิยมต้องอยู่ระหว่าง 0 ถึง 6", "decimals must be 0 to 6")
    for name in ("lod", "upper_limit", "uncertainty"):
        v = getattr(test, name)
        if v is not None and v < 0:
            raise _verr(name, f"{name}: ต้องไม่ติดลบ", f"{name}: must not be negative")
    if test.lod is not None and test.upper_limit is not None and test.upper_limit <= test.lod:
        raise _verr("upper_limit", "ขีดจำกัดบนต้องมากกว่า LOD", "the upper limit must be above the LOD")
    if test.fee is not None and test.fee < 0:
        raise _verr("fee", "ค่าธรรมเนียมต้องไม่ติดลบ", "the fee must not be negative")
    if (test.turnaround_days or 0) < 0:
        raise _verr("turnaround_days", "ระยะเวลาต้องไม่ติดลบ", "turnaround must not be negative")
    keys: list[str] = []
    for item in test.interim_fields or []:
        key = str(item.get("key", "")) if isinstance(item, dict) else ""
        if not re.fullmatch(r"[A-Za-z_]\w*", key):
            raise _verr(
                "interim_fields",
                f"ชื่อค่าที่วัด “{key}” ต้องเป็นตัวอักษรอังกฤษ/ตัวเลข เช่น wet",
                f"reading key “{key}” must be an identifier such as wet",
            )
        keys.append(key)
    if test.formula:
        others = ctx.session.scalars(
            select(LabTest.code).where(LabTest.deleted.is_(False), LabTest.id != test.id)
        )
        known = set(keys) | {lr.variable_name(c) for c in others}
        try:
            lr.check_formula(test.formula, known)
        except lr.FormulaError as exc:
            raise _verr("formula", exc.message_th, exc.message_en) from exc


def _normalize_test_fields(fields: dict[str, Any]) -> dict[str, Any]:
    out = dict(fields)
    if isinstance(out.get("choices"), str):
        out["choices"] = [c.strip() for c in out["choices"].split(",") if c.strip()]
    if isinstance(out.get("interim_fields"), str):
        out["interim_fields"] = _interim_from_text(out["interim_fields"])
    for key in ("lod", "upper_limit", "uncertainty"):
        if isinstance(out.get(key), str):
            text = out[key].strip()
            if not text:
                out[key] = None
            else:
                try:
                    out[key] = lr.parse_number(text)
                except lr.ResultError as exc:
                    raise _verr(key, f"{key}: {exc.message_th}", f"{key}: {exc.message_en}") from exc
    return out


def _interim_from_text(text: str) -> list[dict[str, str]]:
    """``wet:น้ำหนักก่อนอบ:g; dry:น้ำหนักหลังอบ:g`` (the table editor's text form) as reading fields."""
    items = []
    for part in text.split(";"):
        if not part.strip():
            continue
        key, _, rest = part.strip().partition(":")
        name, _, unit = rest.partition(":")
        items.append({"key": key.strip(), "name_th": name.strip() or key.strip(), "unit": unit.strip()})
    return items


def interim_as_text(fields: Sequence[dict[str, Any]]) -> str:
    return "; ".join(f"{f.get('key', '')}:{f.get('name_th', '')}:{f.get('unit', '')}" for f in fields or [])


def create_test(ctx: Context, **fields: Any) -> LabTest:
    """Add a test to the catalog (validated, audited)."""
    ctx.require(CATALOG_PERMISSION)
    fields = _normalize_test_fields(fields)
    code = str(fields.get("code") or "").strip()
    if code and ctx.session.scalars(select(LabTest.id).where(LabTest.code == code)).first():
        raise _verr("code", f"มีรหัส {code} แล้ว", f"code {code} is already used")
    test = records.create(ctx, LabTest, **fields)
    _validate_test(ctx, test)  # raising rolls the caller's transaction back
    return test


def update_test(ctx: Context, test: LabTest, **fields: Any) -> dict[str, list[Any]]:
    ctx.require(CATALOG_PERMISSION)
    fields = _normalize_test_fields(fields)
    code = fields.get("code")
    if (
        code
        and code != test.code
        and ctx.session.scalars(select(LabTest.id).where(LabTest.code == code)).first()
    ):
        raise _verr("code", f"มีรหัส {code} แล้ว", f"code {code} is already used")
    changes = records.update(ctx, test, **fields)
    _validate_test(ctx, test)
    return changes


def _validate_spec(ctx: Context, spec: LabSpecification) -> None:
    if not (spec.product_type or "").strip():
        raise _verr("product_type", "ประเภทผลิตภัณฑ์: ต้องกรอก", "product_type: is required")
    test = ctx.session.get(LabTest, spec.test_id) if spec.test_id else None
    if test is None or test.deleted:
        raise _verr("test_id", "ไม่พบรายการทดสอบ", "no such test")
    if spec.min_value is None and spec.max_value is None:
        raise _verr("max_value", "ต้องมีค่าต่ำสุดหรือสูงสุดอย่างน้อยหนึ่งค่า", "give a minimum or a maximum")
    lo, hi = spec.min_value, spec.max_value
    if lo is not None and hi is not None and lo > hi:
        raise _verr("min_value", "ค่าต่ำสุดต้องไม่มากกว่าค่าสูงสุด", "the minimum must not exceed the maximum")
    for name in ("warn_low", "warn_high"):
        w = getattr(spec, name)
        if w is None:
            continue
        if (lo is not None and w < lo) or (hi is not None and w > hi):
            raise _verr(name, "ช่วงเตือนต้องอยู่ภายในเกณฑ์กำหนด", "the warning band must lie inside the limits")
    dup = ctx.session.scalars(
        select(LabSpecification.id).where(
            LabSpecification.product_type == spec.product_type,
            LabSpecification.test_id == spec.test_id,
            LabSpecification.id != spec.id,
            LabSpecification.deleted.is_(False),
        )
    ).first()
    if dup:
        raise _verr(
            "product_type",
            f"มีเกณฑ์ของรายการนี้สำหรับ {spec.product_type} แล้ว",
            f"{spec.product_type} already has a specification for this test",
        )


def _spec_fields(ctx: Context, fields: dict[str, Any]) -> dict[str, Any]:
    out = dict(fields)
    code = out.pop("test_code", None)
    if code:
        out["test_id"] = test_by_code(ctx.session, str(code)).id
    for key in ("min_value", "max_value", "warn_low", "warn_high"):
        if isinstance(out.get(key), str):
            text = out[key].strip()
            try:
                out[key] = lr.parse_number(text) if text else None
            except lr.ResultError as exc:
                raise _verr(key, f"{key}: {exc.message_th}", f"{key}: {exc.message_en}") from exc
    return out


def create_specification(ctx: Context, **fields: Any) -> LabSpecification:
    """Add a specification; one per (product type, test). A removed one for the same pair comes back."""
    ctx.require(CATALOG_PERMISSION)
    values = _spec_fields(ctx, fields)
    existing = ctx.session.scalars(
        select(LabSpecification).where(
            LabSpecification.product_type == str(values.get("product_type") or "").strip(),
            LabSpecification.test_id == values.get("test_id"),
        )
    ).first()
    if existing is not None and not existing.deleted:
        raise _verr(
            "product_type",
            f"มีเกณฑ์ของรายการนี้สำหรับ {existing.product_type} แล้ว",
            f"{existing.product_type} already has a specification for this test",
        )
    if existing is not None:
        existing.deleted = False
        records.audit(ctx, "restore", existing, {"deleted": [True, False]})
        blank = {"min_value": None, "max_value": None, "warn_low": None, "warn_high": None, "standard": ""}
        records.update(ctx, existing, **{**blank, **values})
        spec = existing
    else:
        spec = records.create(ctx, LabSpecification, **values)
    _validate_spec(ctx, spec)
    return spec


def update_specification(ctx: Context, spec: LabSpecification, **fields: Any) -> dict[str, list[Any]]:
    ctx.require(CATALOG_PERMISSION)
    changes = records.update(ctx, spec, **_spec_fields(ctx, fields))
    _validate_spec(ctx, spec)
    return changes


def remove_specification(ctx: Context, spec: LabSpecification, reason: str = "") -> None:
    ctx.require(CATALOG_PERMISSION)
    records.soft_delete(ctx, spec, reason)


def test_by_code(session: Session, code: str) -> LabTest:
    test = session.scalars(select(LabTest).where(LabTest.code == code, LabTest.deleted.is_(False))).first()
    if test is None:
        raise NotFound(f"ไม่พบรายการทดสอบรหัส {code}", f"no test with code {code}")
    return test


def catalog_tests(session: Session) -> list[LabTest]:
    return list(session.scalars(select(LabTest).where(LabTest.deleted.is_(False)).order_by(LabTest.code)))


def catalog_specs(session: Session) -> list[tuple[LabSpecification, LabTest]]:
    q = (
        select(LabSpecification, LabTest)
        .join(LabTest, LabTest.id == LabSpecification.test_id)
        .where(LabSpecification.deleted.is_(False))
        .order_by(LabSpecification.product_type, LabTest.code)
    )
    return [(s, t) for s, t in session.execute(q)]


def spec_for(session: Session, product_type: str, test_id: str) -> lr.Spec | None:
    row = session.scalars(
        select(LabSpecification).where(
            LabSpecification.product_type == product_type,
            LabSpecification.test_id == test_id,
            LabSpecification.deleted.is_(False),
        )
    ).first()
    return _spec(row)


def _spec(row: LabSpecification | None) -> lr.Spec | None:
    if row is None:
        return None
    return lr.Spec(row.min_value, row.max_value, row.warn_low, row.warn_high, row.standard)


def product_types(session: Session) -> list[str]:
    """Product types the catalog has specifications for (and those samples already used)."""
    a = session.scalars(
        select(LabSpecification.product_type).where(LabSpecification.deleted.is_(False)).distinct()
    )
    b = session.scalars(select(LabSample.product_type).where(LabSample.product_type != "").distinct())
    return sorted(set(a) | set(b))


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


def _plain(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime, Decimal)):
        return str(value)
    return value


def _change(
    ctx: Context,
    record: Any,
    *,
    action: str = "transition",
    reason: str = "",
    note: dict[str, Any] | None = None,
    **fields: Any,
) -> dict[str, list[Any]]:
    """Set fields of a lab record: one audit entry (who, when, old → new, why) and one sync capture.

    Workflow fields (state, who submitted, who verified…) are not editable through `records.update`, so
    the lab's steps write them here, with the same trail: the audit (``action`` "transition" for state
    changes, "result" for values) and the sync outbox.
    """
    changes = {
        k: [_plain(getattr(record, k)), _plain(v)] for k, v in fields.items() if getattr(record, k) != v
    }
    if not changes:
        return {}
    for k in changes:
        setattr(record, k, fields[k])
    ctx.session.flush()
    trail: dict[str, Any] = dict(changes)
    trail.update({k: [None, _plain(v)] for k, v in (note or {}).items() if v is not None})
    records.audit(ctx, action, record, trail, reason)
    capture(ctx.session, record, {k: fields[k] for k in changes}, user_id=ctx.user_id)
    return changes


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


def _analyses(session: Session, sample_id: str) -> list[LabAnalysis]:
    q = (
        select(LabAnalysis)
        .where(LabAnalysis.sample_id == sample_id, LabAnalysis.deleted.is_(False))
        .order_by(LabAnalysis.created_at, LabAnalysis.id)
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
) -> lr.Result:
    """Record (or change, or clear with ``""``) the result of an analysis that is not yet submitted.

    The text is kept as typed and read by :func:`dipdesk.core.labresults.parse_result`. For a calculated
    test the readings go in ``interim`` and the value is computed (a typed ``text`` overrides it, e.g. a
    value reported by an external provider). Audited as ``result`` with the old and new values.
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


def _update_sample_state(ctx: Context, sample_id: str) -> None:
    sample = ctx.session.get(LabSample, sample_id)
    if sample is None or sample.state in ("registered", "cancelled"):
        return
    states = [a.state for a in _analyses(ctx.session, sample_id) if a.state in COUNTING]
    if not states or all(s == "registered" for s in states):
        return
    if all(s in ("verified", "published") for s in states) and any(s == "verified" for s in states):
        new = "verified"
    elif all(s == "published" for s in states):
        new = "published"
    else:
        new = "testing"
    if new != sample.state:
        _change(ctx, sample, state=new)


def _update_request_state(ctx: Context, request_id: str) -> None:
    request = ctx.session.get(LabRequest, request_id)
    if request is None:
        return
    states = list(
        ctx.session.scalars(
            select(LabSample.state).where(LabSample.request_id == request_id, LabSample.deleted.is_(False))
        )
    )
    if states and all(s in ("published", "cancelled") for s in states):
        new = "cancelled" if all(s == "cancelled" for s in states) else "completed"
    elif any(s != "registered" for s in states):
        new = "in_progress"
    else:
        new = request.state
    if new != request.state:
        _change(ctx, request, state=new)


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
                "deviation": a.deviation,
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


__all__ = [
    "AMENDABLE_REQUEST",
    "AMENDABLE_SAMPLE",
    "ANALYSIS_STATES",
    "CATALOG_PERMISSION",
    "DEFAULT_DECISION_RULE",
    "AnalysisRow",
    "SampleInput",
    "WorkItem",
    "WorkflowError",
    "amend_report",
    "create_request",
    "publish_report",
    "receive_sample",
    "reject",
    "retract",
    "set_result",
    "submit",
    "verify",
]
