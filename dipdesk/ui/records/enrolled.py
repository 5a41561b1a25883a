"""Who is enrolled in an activity, inside the activity's detail (ผู้ลงทะเบียน): name, enterprise, status
and the hours attended so far, read in a worker, refreshed whenever enrollments or attendance change."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from dipdesk.services import enrollment as es
from dipdesk.ui.changes import notifier, touches
from dipdesk.ui.db import Database
from dipdesk.ui.records.ops import run_read
from dipdesk.ui.widgets import RowsTable

COLUMNS = ("person", "enterprise", "status", "hours")
KINDS = frozenset({"enrollments", "attendance", "people"})


def enrolled_rows(session: Session, activity_id: str) -> list[dict[str, Any]]:
    """The class list of an activity as plain rows (worker thread)."""
    sheet = es.attendance_sheet(session, activity_id)
    return [
        {
            "person": row.name,
            "enterprise": row.enterprise,
            "status": row.status,
            "hours": sheet.completion(row).attended,
        }
        for row in sheet.rows
    ]


class EnrolledList(QWidget):
    """The people enrolled in one activity (read-only; enroll and take attendance with the buttons)."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.activity_id: str | None = None
        self.count_label = QLabel()
        self.count_label.setObjectName("muted")
        self.table = RowsTable(COLUMNS)
        self.table.setMinimumHeight(130)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 4, 8, 4)
        lay.addWidget(self.count_label)
        lay.addWidget(self.table, 1)
        notifier.changed.connect(self._data_changed)
        self.set_activity(None)

    def set_activity(self, activity_id: str | None) -> None:
        self.activity_id = activity_id
        if activity_id is None:
            self.table.set_rows([])
            self.count_label.setText(self.tr("Save the activity first; then people can be enrolled."))
            return
        self.refresh()

    def refresh(self) -> None:
        activity_id = self.activity_id
        if activity_id is None:
            return
        run_read(self.db, lambda s: enrolled_rows(s, activity_id), on_done=self._show, owner=self)

    def _show(self, rows: list[dict[str, Any]]) -> None:
        self.table.set_rows(rows)
        self.count_label.setText(
            self.tr("%1 people enrolled").replace("%1", f"{len(rows):,}")
            if rows
            else self.tr("Nobody is enrolled yet: click Enroll people… to add them.")
        )

    def _data_changed(self, kinds: frozenset[str], _source: object) -> None:
        if self.activity_id is not None and touches(kinds, KINDS):
            self.refresh()
