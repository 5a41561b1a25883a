"""Sample retention and disposal (การเก็บรักษาและทำลายตัวอย่าง): how many days samples of a product type
are kept after their report, the list of samples whose time is up, and the record of each disposal
(who, when, how, witnessed by whom). The sample record itself is never deleted."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from dipdesk.services import records
from dipdesk.services.context import Context
from dipdesk.services.lab.common import CATALOG_PERMISSION, _fail, _need_user, _verr, local_time
from dipdesk.store.lab import LabReport, LabSample
from dipdesk.store.lab_qc import LabDisposal, LabRetention

#: days a sample is kept when its product type has no rule of its own
DEFAULT_RETENTION_DAYS = 90


def set_retention(ctx: Context, product_type: str, days: int) -> LabRetention:
    """The retention period of a product type (a new rule or a changed one, audited)."""
    ctx.require(CATALOG_PERMISSION)
    if days < 0 or days > 3650:
        raise _verr("days", "ระยะเวลาเก็บต้องอยู่ระหว่าง 0 ถึง 3650 วัน", "days must be 0 to 3650")
    product_type = product_type.strip()
    row = ctx.session.scalars(
        select(LabRetention).where(
            LabRetention.site_id == ctx.site.id,
            LabRetention.product_type == product_type,
            LabRetention.deleted.is_(False),
        )
    ).first()
    if row is None:
        return records.create(ctx, LabRetention, product_type=product_type, days=days)
    records.update(ctx, row, days=days)
    return row


def retention_days(session: Session, product_type: str) -> int:
    row = session.scalars(
        select(LabRetention).where(LabRetention.product_type == product_type, LabRetention.deleted.is_(False))
    ).first()
    return row.days if row else DEFAULT_RETENTION_DAYS


def retention_rules(session: Session) -> list[LabRetention]:
    q = select(LabRetention).where(LabRetention.deleted.is_(False)).order_by(LabRetention.product_type)
    return list(session.scalars(q))


@dataclass(frozen=True)
class DisposalItem:
    sample_id: str
    lab_no: str
    description: str
    product_type: str
    storage: str
    reported_on: dt.date
    keep_until: dt.date


def disposal_due(session: Session, on: dt.date | None = None) -> list[DisposalItem]:
    """Samples with a published report whose retention period has ended by ``on``, not yet disposed."""
    on = on or dt.date.today()
    disposed = select(LabDisposal.sample_id).where(LabDisposal.deleted.is_(False))
    q = (
        select(LabSample, LabReport.issued_on)
        .join(LabReport, LabReport.sample_id == LabSample.id)
        .where(
            LabSample.deleted.is_(False),
            LabSample.state == "published",
            LabReport.replaces_id.is_(None),
            LabSample.id.not_in(disposed),
        )
        .order_by(LabReport.issued_on, LabSample.lab_no)
    )
    days = {r.product_type: r.days for r in retention_rules(session)}
    out = []
    for sample, issued in session.execute(q):
        reported = issued or (local_time(sample.received_at) or dt.datetime.now()).date()
        keep = reported + dt.timedelta(days=days.get(sample.product_type, DEFAULT_RETENTION_DAYS))
        if keep <= on:
            out.append(
                DisposalItem(
                    sample.id,
                    sample.lab_no,
                    sample.description,
                    sample.product_type,
                    sample.storage,
                    reported,
                    keep,
                )
            )
    return out


def record_disposal(
    ctx: Context,
    sample: LabSample,
    *,
    method: str,
    witness: str = "",
    notes: str = "",
    on: dt.date | None = None,
) -> LabDisposal:
    """บันทึกการทำลาย: a sample disposed of (once), with the method and the witness."""
    ctx.require("lab.receive")
    user_id = _need_user(ctx, "การบันทึกทำลายตัวอย่าง", "Recording a disposal")
    if not method.strip():
        raise _verr("method", "วิธีทำลาย: ต้องกรอก", "the disposal method is required")
    if sample.state not in ("published", "cancelled"):
        raise _fail(
            f"ตัวอย่าง {sample.lab_no} ยังไม่ออกรายงาน ทำลายไม่ได้",
            f"sample {sample.lab_no} has no published report yet; it cannot be disposed of",
        )
    done = ctx.session.scalars(
        select(LabDisposal).where(LabDisposal.sample_id == sample.id, LabDisposal.deleted.is_(False))
    ).first()
    if done is not None:
        raise _fail(f"ทำลายตัวอย่าง {sample.lab_no} ไปแล้ว", f"sample {sample.lab_no} was already disposed of")
    return records.create(
        ctx,
        LabDisposal,
        sample_id=sample.id,
        disposed_on=on or dt.date.today(),
        method=method.strip(),
        witness=witness.strip(),
        notes=notes.strip(),
        disposed_by=user_id,
    )


def disposals(session: Session, limit: int = 500) -> list[LabDisposal]:
    q = select(LabDisposal).where(LabDisposal.deleted.is_(False)).order_by(LabDisposal.disposed_on.desc())
    return list(session.scalars(q.limit(limit)))
