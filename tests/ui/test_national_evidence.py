"""The whole-department view shows how much of the value is backed by evidence (from the server's figures)."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path

from sqlalchemy import insert, select

from dipdesk.services import followups as fu
from dipdesk.services.context import system_context
from dipdesk.services.outcomes import record_outcome
from dipdesk.store.national import NationalFigures
from dipdesk.store.people import Enterprise
from dipdesk.sync.server.national import compute
from dipdesk.ui.pages.dashboard import DashboardPage

SHOTS = Path(os.environ.get("DIPDESK_SCREENSHOTS") or tempfile.mkdtemp(prefix="shots-"))


def test_the_national_view_shows_the_evidence_share(qtbot, env) -> None:  # type: ignore[no-untyped-def]
    page = DashboardPage(env, "ภาพรวม")
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.ensure_loaded()
    qtbot.waitUntil(lambda: page.is_ready and page.report is not None, timeout=10000)
    year = page.report.fiscal_year
    start, end = page.report.first_day, page.report.first_day + dt.timedelta(days=60)
    with env.db.session() as s:
        ctx = system_context(s)
        e = s.scalars(select(Enterprise).where(Enterprise.code == "E-001")).one()
        o = record_outcome(
            ctx, e.id, period_start=start, period_end=end, revenue_before=100_000, revenue_after=900_000
        )
        record_outcome(ctx, e.id, period_start=start, period_end=end, cost_saved=200_000)
        fu.attach_evidence(ctx, o.id, b"%PDF-1.4\n%%EOF\n", file_name="statement.pdf", kind="statement")
        s.commit()
    with env.db.engine.begin() as conn:
        figures = compute(conn, year)
        conn.execute(insert(NationalFigures.__table__),
                     {"fiscal_year": year, "computed_at": figures["computed_at"], "payload": figures})  # fmt: skip
    page.select(scope="national")
    qtbot.waitUntil(lambda: bool(page.national_data and page.national_data.get("figures")), timeout=10000)
    card = page.national.evidence
    assert card.isVisibleTo(page) and card.bar.value() == 80  # 800,000 of 1,000,000
    assert "800,000.00 จาก 1,000,000.00 บาท" in card.summary.text()
    card.grab().save(str(SHOTS / "evidence_share_national.png"))
