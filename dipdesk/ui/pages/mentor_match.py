"""จับคู่พี่เลี้ยง: the matchmaker inside the new-pair dialog.

When a mentee and a cohort are chosen, `MatchPanel` lists the mentors the Big Brother rule allows
(graduates of the cohort before), best first, with why each is proposed (`dipdesk.services.mentoring_rules
.propose_mentors`); double-click or "Use this mentor" fills the dialog's mentor. The query runs in a worker.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dipdesk.services import mentoring_rules as rules
from dipdesk.ui import workers
from dipdesk.ui.pages.base import PageEnv


class MatchPanel(QWidget):
    """Proposed mentors for (mentee, cohort); `chosen(enterprise_id, name)` when one is picked."""

    chosen = Signal(str, str)
    proposed = Signal(list)

    def __init__(self, env: PageEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.proposals: list[rules.Proposal] = []
        col = QVBoxLayout(self)
        col.setContentsMargins(0, 0, 0, 0)
        self.note = QLabel(self.tr("Choose the mentee to see the mentors the Big Brother rule proposes."))
        self.note.setObjectName("muted")
        self.note.setWordWrap(True)
        col.addWidget(self.note)
        self.list = QListWidget()
        self.list.setMaximumHeight(130)
        self.list.setWordWrap(True)
        col.addWidget(self.list)
        row = QHBoxLayout()
        row.addStretch(1)
        self.use = QPushButton(self.tr("Use this mentor"))
        self.use.setEnabled(False)
        row.addWidget(self.use)
        col.addLayout(row)
        self.list.currentRowChanged.connect(lambda r: self.use.setEnabled(r >= 0))
        self.list.itemDoubleClicked.connect(lambda _i: self.pick())
        self.use.clicked.connect(self.pick)

    def propose(self, mentee_id: str | None, cohort: int) -> None:
        self.list.clear()
        self.proposals = []
        if not mentee_id:
            return

        def find(task: workers.Task) -> list[rules.Proposal]:
            with self.env.db.session() as s:
                return rules.propose_mentors(s, mentee_id, cohort)

        workers.run_task(find, on_done=lambda found: self._show(found, cohort), owner=self)

    def _show(self, found: list[rules.Proposal], cohort: int) -> None:
        self.proposals = found
        self.list.clear()
        for p in found:
            item = QListWidgetItem(f"{p.name} — {' · '.join(p.reasons) or self.tr('eligible')}")
            self.list.addItem(item)
        if found:
            self.note.setText(self.tr("Proposed mentors (graduates of cohort %1), best first:")
                              .replace("%1", str(max(cohort - 1, 1))))  # fmt: skip
            self.list.setCurrentRow(0)
        else:
            self.note.setText(
                self.tr("No graduate of cohort %1 is free to mentor: another mentor needs a reason.").replace(
                    "%1", str(max(cohort - 1, 1))
                )
            )
        self.proposed.emit(found)

    def pick(self) -> None:
        r = self.list.currentRow()
        if 0 <= r < len(self.proposals):
            self.chosen.emit(self.proposals[r].enterprise_id, self.proposals[r].name)
