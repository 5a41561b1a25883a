"""The server's national figures carry the evidence share per site and nationally; the national view shows it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import Engine

from dipdesk.services import followups as fu
from dipdesk.services import records
from dipdesk.services.outcomes import record_outcome
from dipdesk.store.people import Enterprise
from dipdesk.sync.server.national import compute

PDF = b"%PDF-1.4\n%%EOF\n"


def test_national_payload_has_the_evidence_share(ctx, engine: Engine) -> None:  # type: ignore[no-untyped-def]
    e = records.create(ctx, Enterprise, code="E1", name_th="วิสาหกิจชุมชนข้าวหอม", kind="community")
    day = dt.date(2025, 12, 1)
    backed = record_outcome(
        ctx, e.id, period_start=day, period_end=day, revenue_before=0, revenue_after=300_000
    )
    record_outcome(ctx, e.id, period_start=day, period_end=day, cost_saved=100_000)
    record_outcome(ctx, e.id, period_start=day, period_end=day, revenue_before=50_000, revenue_after=10_000)
    fu.attach_evidence(ctx, backed.id, PDF, file_name="receipt.pdf", kind="receipt")
    ctx.session.commit()
    with engine.connect() as conn:
        payload = compute(conn, 2569)
    evidence = payload["evidence"]
    assert (Decimal(evidence["value"]), Decimal(evidence["backed"])) == (Decimal(400_000), Decimal(300_000))
    assert [(s["code"], s["backed"]) for s in evidence["sites"]] == [(ctx.site.code, "300000.00")]
    local = fu.evidence_share(ctx.session, 2569)  # the same rule on the device and on the server
    assert (local.total.value, local.total.backed) == (Decimal(400_000), Decimal(300_000))
