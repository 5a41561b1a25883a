"""The dashboard's evidence share: how much of the fiscal year's economic value has receipts, statements
or photos behind it (`dipdesk.services.followups.evidence_share`), in all and per site.

On a site's computer the lines are that site's; on the national view the figures come from the server's
national payload (its `evidence` part), so they cover every site as of the last sync.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QProgressBar, QVBoxLayout, QWidget

from dipdesk.core.kpi import format_baht
from dipdesk.services import followups as fu
from dipdesk.ui import workers
from dipdesk.ui.workers import Task


def _percent(value: Decimal, backed: Decimal) -> int:
    return int((backed * 100 / value).to_integral_value()) if value else 0


class EvidenceShareCard(QFrame):
    """A card: the share as a bar, the baht behind it, and a bar per site."""

    def __init__(self, env: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.setObjectName("card")
        col = QVBoxLayout(self)
        title = QLabel(self.tr("Economic value backed by evidence"))
        title.setObjectName("sectionTitle")
        col.addWidget(title)
        self.bar = QProgressBar()
        self.bar.setRange(0, 100)
        self.bar.setFormat("%p%")
        col.addWidget(self.bar)
        self.summary = QLabel("")
        self.summary.setWordWrap(True)
        col.addWidget(self.summary)
        self.grid = QGridLayout()
        col.addLayout(self.grid)
        self.lines: list[tuple[str, Decimal, Decimal]] = []

    def load(self, fiscal_year: int) -> None:
        """This database's figures for the year (a site's own outcomes), in a worker."""

        def fetch(task: Task) -> fu.EvidenceShare:
            with self.env.db.session() as s:
                return fu.evidence_share(s, fiscal_year)

        workers.run_task(fetch, on_done=self.show_share, owner=self)

    def show_share(self, share: fu.EvidenceShare) -> None:
        lines = [(f"{s.site_code} {s.site_name}".strip(), s.value, s.backed) for s in share.sites]
        self.show_lines(share.total.value, share.total.backed, lines)

    def show_national(self, evidence: dict[str, Any] | None) -> None:
        """From the server's national payload: {"value", "backed", "sites": [{"code","name_th",…}]}."""
        if not evidence:
            self.hide()
            return
        self.show()
        lines = [(f"{s['code']} {s.get('name_th', '')}".strip(), Decimal(s["value"]), Decimal(s["backed"]))
                 for s in evidence.get("sites", [])]  # fmt: skip
        self.show_lines(Decimal(evidence["value"]), Decimal(evidence["backed"]), lines)

    def show_lines(self, value: Decimal, backed: Decimal, lines: list[tuple[str, Decimal, Decimal]]) -> None:
        self.lines = lines
        self.bar.setValue(_percent(value, backed))
        if value:
            self.summary.setText(
                self.tr("%1 of %2 baht of economic value has receipts, statements or photos behind it.")
                .replace("%1", format_baht(backed))
                .replace("%2", format_baht(value))
            )
        else:
            self.summary.setText(self.tr("No economic value recorded for this fiscal year yet."))
        while self.grid.count():
            item = self.grid.takeAt(0)
            w = item.widget() if item is not None else None
            if w is not None:
                w.deleteLater()
        if len(lines) < 2:
            return  # one site: the bar above says it all
        for row, (name, v, b) in enumerate(lines):
            bar = QProgressBar()
            bar.setRange(0, 100)
            bar.setValue(_percent(v, b))
            bar.setFormat("%p%")
            self.grid.addWidget(QLabel(name), row, 0)
            self.grid.addWidget(bar, row, 1)
            self.grid.addWidget(QLabel(f"{format_baht(b)} / {format_baht(v)}"), row, 2)
