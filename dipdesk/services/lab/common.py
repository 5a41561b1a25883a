"""The lab's shared ground: the context for lab users, running numbers (lab number, request and
report numbers), the lab's settings, validation/workflow errors, and the helpers every stage uses to
change a record (``_change``) and roll analysis states up to the sample and the request.
"""

from __future__ import annotations

import datetime as dt
from datetime import UTC
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dipdesk.core.thaidate import fiscal_year
from dipdesk.services import numbering, records
from dipdesk.services.auth import find_user
from dipdesk.services.context import Context, current_site
from dipdesk.services.errors import NotFound, PermissionDenied, ServiceError, ValidationError
from dipdesk.store.auth import User
from dipdesk.store.certificates import SerialCounter
from dipdesk.store.lab import (
    LabAnalysis,
    LabReport,
    LabRequest,
    LabSample,
    LabSettings,
)
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
    user = find_user(session, username)  # a login is per site: (this site, username)
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
    """The next running number of ``series`` made on this computer in the fiscal year of ``on``:
    ``{letter}{FY}-{SITE}-{DEVICE TAG}-{00001}`` (``L2569-IPC1-K7Q2-00017``). Per device within the
    site, so two laptops of one lab registering offline never print the same label (see
    ``dipdesk.services.numbering``). Numbers are never reused: the counter only goes up, and a number
    already on a record (a counter restored from an old backup) is skipped."""
    fy = fiscal_year(on or dt.date.today())
    code = ctx.site.code
    tag = numbering.device_tag(ctx.session)
    key = (code, f"{series}-{tag}", fy)
    counter = ctx.session.get(SerialCounter, key)  # (the lab's own series: LAB, REQ, RPT, WS, RCP)
    if counter is None:
        counter = SerialCounter(site_code=key[0], series=key[1], fiscal_year=fy, last=0)
        ctx.session.add(counter)
    from dipdesk.store.lab_qc import LabPayment, LabWorksheet

    model, column = {
        "LAB": (LabSample, LabSample.lab_no),
        "REQ": (LabRequest, LabRequest.request_no),
        "RPT": (LabReport, LabReport.report_no),
        "WS": (LabWorksheet, LabWorksheet.worksheet_no),
        "RCP": (LabPayment, LabPayment.receipt_no),
    }[series]
    while True:
        counter.last += 1
        number = f"{letter}{fy}-{code}-{tag}-{counter.last:05d}"
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


def _analyses(session: Session, sample_id: str) -> list[LabAnalysis]:
    q = (
        select(LabAnalysis)
        .where(LabAnalysis.sample_id == sample_id, LabAnalysis.deleted.is_(False))
        .order_by(LabAnalysis.created_at, LabAnalysis.id)
    )
    return list(session.scalars(q))


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
