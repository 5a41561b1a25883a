"""Money: a fee quote (ใบเสนอราคา) from the catalog before a request is made, and receipts of payment
(ใบเสร็จรับเงิน) against a request, with what is still owed.

Fees are the catalog's, in baht, per test per sample; the quote and the request form use the same lines.
A receipt is numbered ``RCP{FY}-{SITE}-{DEVICE}-{00001}`` like the lab's other numbers, and is never
changed: a mistake is corrected by a receipt cancelled with a reason and a new one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dipdesk.services import records
from dipdesk.services.context import Context
from dipdesk.services.errors import NotFound
from dipdesk.services.lab.catalog import test_by_code
from dipdesk.services.lab.common import _fail, _need_user, _verr, lab_settings, next_number
from dipdesk.store.auth import User
from dipdesk.store.lab import LabRequest
from dipdesk.store.lab_qc import PAYMENT_METHODS, LabPayment
from dipdesk.store.reference import Site

METHOD_TH = {"cash": "เงินสด", "transfer": "โอนเงิน", "cheque": "เช็ค", "card": "บัตร"}


def quote(session: Session, test_codes: Sequence[str], samples: int = 1) -> dict[str, Any]:
    """The fee quote for ``samples`` items each tested for ``test_codes`` (catalog fees)."""
    if samples < 1:
        raise _verr("samples", "จำนวนตัวอย่างต้องอย่างน้อย 1", "at least one sample")
    lines: list[dict[str, Any]] = []
    for code in test_codes:
        t = test_by_code(session, code.strip().upper())
        fee = Decimal(t.fee or 0)
        lines.append(
            {
                "code": t.code,
                "test": t.name_th,
                "method": f"{t.method} ({t.standard_ref})" if t.standard_ref else t.method,
                "fee": str(fee),
                "count": samples,
                "amount": str(fee * samples),
                "days": t.turnaround_days,
            }
        )
    total = sum((Decimal(str(x["amount"])) for x in lines), Decimal("0"))
    return {
        "lines": lines,
        "samples": samples,
        "total": str(total),
        "days": max((int(x["days"]) for x in lines), default=0),
    }


def quote_content(
    session: Session, q: dict[str, Any], customer: str = "", quoted_by: str = ""
) -> dict[str, Any]:
    """A quote (:func:`quote`) with the lab's header for printing; valid for 30 days."""
    from dipdesk.services.context import current_site
    from dipdesk.store.lab import LabSettings

    site = current_site(session)
    settings = (
        session.scalars(
            select(LabSettings).where(LabSettings.site_id == site.id, LabSettings.deleted.is_(False))
        ).first()
        if site
        else None
    )
    today = dt.date.today()
    return {
        **q,
        "lab_name": (settings.lab_name_th if settings else "")
        or (f"ห้องปฏิบัติการทดสอบ {site.name_th}" if site else ""),
        "lab_address": (settings.address if settings else "") or (site.address if site else ""),
        "lab_phone": site.phone if site else "",
        "customer": customer,
        "quoted_by": quoted_by,
        "quoted_on": today.isoformat(),
        "valid_until": (today + dt.timedelta(days=30)).isoformat(),
    }


def paid(session: Session, request_id: str) -> Decimal:
    q = select(LabPayment.amount).where(LabPayment.request_id == request_id, LabPayment.deleted.is_(False))
    return sum((Decimal(a) for a in session.scalars(q)), Decimal("0"))


def balance(session: Session, request: LabRequest) -> Decimal:
    """What the customer still owes on a request (its fees less what was paid)."""
    return Decimal(request.fee_total or 0) - paid(session, request.id)


def record_payment(
    ctx: Context,
    request: LabRequest,
    amount: Decimal | str | float,
    *,
    method: str = "cash",
    payer: str = "",
    reference: str = "",
    paid_on: dt.date | None = None,
) -> LabPayment:
    """A receipt for money received on a request; refuses more than is owed."""
    ctx.require("lab.receive")
    user_id = _need_user(ctx, "การรับเงิน", "Receiving a payment")
    try:
        value = Decimal(str(amount).replace(",", "")).quantize(Decimal("0.01"))
    except ArithmeticError:
        raise _verr("amount", f"จำนวนเงินไม่ถูกต้อง: {amount}", f"not an amount: {amount}") from None
    if value <= 0:
        raise _verr("amount", "จำนวนเงินต้องมากกว่าศูนย์", "the amount must be positive")
    if method not in PAYMENT_METHODS:
        raise _verr("method", f"วิธีชำระเงินไม่ถูกต้อง: {method}", f"unknown payment method {method}")
    owed = balance(ctx.session, request)
    if value > owed:
        raise _fail(f"รับเงินเกินยอดค้างชำระ ({owed:,.2f} บาท)", f"more than the balance due ({owed:,.2f} baht)")
    when = paid_on or dt.date.today()
    return records.create(
        ctx,
        LabPayment,
        receipt_no=next_number(ctx, "RCP", "RCP", when),
        request_id=request.id,
        amount=value,
        paid_on=when,
        method=method,
        payer=payer.strip() or request.customer_name,
        reference=reference.strip(),
        received_by=user_id,
    )


def find_receipt(session: Session, receipt_no: str) -> LabPayment:
    row = session.scalars(select(LabPayment).where(LabPayment.receipt_no == receipt_no.strip())).first()
    if row is None:
        raise NotFound(f"ไม่พบใบเสร็จ {receipt_no}", f"no receipt {receipt_no}")
    return row


def payments_of(session: Session, request_id: str) -> list[LabPayment]:
    q = select(LabPayment).where(LabPayment.request_id == request_id, LabPayment.deleted.is_(False))
    return list(session.scalars(q.order_by(LabPayment.paid_on, LabPayment.receipt_no)))


def receipt_content(ctx: Context, payment: LabPayment) -> dict[str, Any]:
    """What the printed receipt shows."""
    session = ctx.session
    request = session.get(LabRequest, payment.request_id)
    assert request is not None
    site = session.get(Site, payment.site_id)
    settings = lab_settings(ctx)
    receiver = session.get(User, payment.received_by) if payment.received_by else None
    from dipdesk.services.lab.reports import request_form_content

    form = request_form_content(session, request)
    return {
        "receipt_no": payment.receipt_no,
        "paid_on": payment.paid_on.isoformat(),
        "lab_name": settings.lab_name_th,
        "lab_address": settings.address or (site.address if site else ""),
        "lab_phone": site.phone if site else "",
        "request_no": request.request_no,
        "payer": payment.payer,
        "customer": request.customer_name,
        "lines": form.get("fees", []),
        "fee_total": str(request.fee_total),
        "amount": str(payment.amount),
        "method": METHOD_TH.get(payment.method, payment.method),
        "reference": payment.reference,
        "paid_before": str(paid(session, request.id) - Decimal(payment.amount)),
        "balance": str(balance(session, request)),
        "received_by": receiver.full_name if receiver else "",
        "received_position": receiver.position if receiver else "",
    }
