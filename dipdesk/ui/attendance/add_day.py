"""เพิ่มวันอบรม: the dialog that adds one more training day (session) to an activity."""

from __future__ import annotations

import html

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from dipdesk.core.digits import to_arabic_digits
from dipdesk.core.thaidate import parse_date
from dipdesk.services import enrollment as es
from dipdesk.services import records
from dipdesk.store.programs import ActivitySession
from dipdesk.ui import workers
from dipdesk.ui.attendance.context import CtxFactory
from dipdesk.ui.attendance.enroll_dialog import error_text
from dipdesk.ui.attendance.fields import CheckedField, DateField, check_hours
from dipdesk.ui.changes import data_changed
from dipdesk.ui.db import Database


class AddDayDialog(QDialog):
    """เพิ่มวันอบรม: one more session (day, hours, topic) for the activity."""

    added = Signal()

    def __init__(
        self, db: Database, ctx_factory: CtxFactory, activity_id: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.ctx_factory = ctx_factory
        self.activity_id = activity_id
        self.setWindowTitle(self.tr("Add a training day"))
        self.setMinimumWidth(420)
        form = QFormLayout(self)
        self.day = DateField()
        self.hours = CheckedField(check_hours, "6")
        self.hours.setText("6")
        self.topic = CheckedField(placeholder=self.tr("What the day is about (optional)"))
        form.addRow(self.tr("Date *"), self.day)
        form.addRow(self.tr("Hours"), self.hours)
        form.addRow(self.tr("Topic"), self.topic)
        self.error = QLabel("")
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        form.addRow(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.day.changed.connect(self._check)
        self.hours.changed.connect(self._check)
        self._check()

    def _check(self) -> None:
        ok = self.day.is_valid() and self.hours.is_valid()
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(ok)

    def save(self) -> None:
        if not (self.day.validate() and self.hours.validate()):
            return
        day = parse_date(self.day.text())
        hours = to_arabic_digits(self.hours.text()).replace(",", "").strip() or "0"
        topic = self.topic.text().strip()

        def write(task: workers.Task) -> None:
            from sqlalchemy import func, select

            with self.db.session() as s:
                ctx = self.ctx_factory(s)
                ctx.require("records.write")
                last = s.scalar(
                    select(func.max(ActivitySession.seq)).where(
                        ActivitySession.activity_id == self.activity_id
                    )
                )
                records.create(
                    ctx,
                    ActivitySession,
                    activity_id=self.activity_id,
                    seq=int(last or 0) + 1,
                    day=day,
                    hours=hours,
                    topic=topic,
                )
                es.refresh_statuses(ctx, self.activity_id)  # more hours: the rule may now say otherwise
                s.commit()

        self.buttons.setEnabled(False)
        workers.run_task(write, on_done=self._saved, on_error=self._failed, owner=self)

    def _saved(self, _r: None) -> None:
        data_changed("activities", source=self)
        self.added.emit()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.error.setText(html.escape(error_text(exc)))
