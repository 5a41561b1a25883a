"""Conflict review (SYNC.md guarantee 4): two computers changed the same thing while offline; the value
kept everywhere and the other one side by side, with who made each and when; a person confirms the kept
value or swaps to the other. The decision goes through `dipdesk.services.conflicts.resolve_conflict` (the swap
is an edit through the services) in a worker, and travels with the next sync round.

Also the words the sync screens use for tables, fields, values and times.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dipdesk.core.phone import format_phone
from dipdesk.core.thaiid import mask_id
from dipdesk.services import conflicts
from dipdesk.services.errors import ServiceError
from dipdesk.sync import client
from dipdesk.ui import workers
from dipdesk.ui.db import Database
from dipdesk.ui.i18n import current_language
from dipdesk.ui.labels import COLUMNS, column_label
from dipdesk.ui.widgets import format_date

TABLES = {
    "people": QT_TRANSLATE_NOOP("Sync", "Person"),
    "enterprises": QT_TRANSLATE_NOOP("Sync", "Enterprise"),
    "enterprise_members": QT_TRANSLATE_NOOP("Sync", "Enterprise member"),
    "programs": QT_TRANSLATE_NOOP("Sync", "Program"),
    "activities": QT_TRANSLATE_NOOP("Sync", "Activity"),
    "activity_sessions": QT_TRANSLATE_NOOP("Sync", "Activity session"),
    "enrollments": QT_TRANSLATE_NOOP("Sync", "Enrollment"),
    "attendance": QT_TRANSLATE_NOOP("Sync", "Attendance"),
    "mentoring_pairs": QT_TRANSLATE_NOOP("Sync", "Mentoring pair"),
    "mentoring_sessions": QT_TRANSLATE_NOOP("Sync", "Mentoring session"),
    "outcomes": QT_TRANSLATE_NOOP("Sync", "Outcome"),
    "products": QT_TRANSLATE_NOOP("Sync", "Product"),
    "service_records": QT_TRANSLATE_NOOP("Sync", "Service record"),
    "certificates": QT_TRANSLATE_NOOP("Sync", "Certificate"),
    "certificate_templates": QT_TRANSLATE_NOOP("Sync", "Certificate template"),
    "certificate_prints": QT_TRANSLATE_NOOP("Sync", "Certificate print"),
    "lab_requests": QT_TRANSLATE_NOOP("Sync", "Lab request"),
    "lab_samples": QT_TRANSLATE_NOOP("Sync", "Lab sample"),
    "lab_analyses": QT_TRANSLATE_NOOP("Sync", "Lab analysis"),
    "lab_reports": QT_TRANSLATE_NOOP("Sync", "Lab report"),
    "users": QT_TRANSLATE_NOOP("Sync", "User"),
    "groups": QT_TRANSLATE_NOOP("Sync", "Group"),
    "targets": QT_TRANSLATE_NOOP("Sync", "Target"),
}

FIELDS = {  # fields the shared column labels do not name
    "address": QT_TRANSLATE_NOOP("Sync", "Address"),
    "deleted": QT_TRANSLATE_NOOP("Sync", "Deleted"),
    "birth_date": QT_TRANSLATE_NOOP("Sync", "Date of birth"),
    "gender": QT_TRANSLATE_NOOP("Sync", "Gender"),
    "line_id": QT_TRANSLATE_NOOP("Sync", "LINE ID"),
    "first_name_en": QT_TRANSLATE_NOOP("Sync", "First name (English)"),
    "last_name_en": QT_TRANSLATE_NOOP("Sync", "Last name (English)"),
    "name_en": QT_TRANSLATE_NOOP("Sync", "Name (English)"),
    "province_code": QT_TRANSLATE_NOOP("Sync", "Province"),
    "notes": QT_TRANSLATE_NOOP("Sync", "Notes"),
    "full_name": QT_TRANSLATE_NOOP("Sync", "Full name"),
    "role": QT_TRANSLATE_NOOP("Sync", "Role"),
}


def _label(text: object) -> str:
    return QCoreApplication.translate("Sync", str(text))


def table_label(table: str) -> str:
    return _label(TABLES[table]) if table in TABLES else table


def field_label(name: str) -> str:
    if name in COLUMNS:
        return column_label(name)
    return _label(FIELDS[name]) if name in FIELDS else name


def format_time(when: dt.datetime | None, *, utc: bool = True) -> str:
    """A time as a BE date and hh:mm local time; `utc`: the value is naive UTC (as stored)."""
    if when is None:
        return ""
    local = when.replace(tzinfo=dt.UTC).astimezone() if utc else when
    return f"{format_date(local)} {local:%H:%M}"


def format_iso(text: str | None) -> str:
    """An ISO text time (naive UTC, e.g. the last successful sync) as `format_time`, or ""."""
    if not text:
        return ""
    try:
        return format_time(dt.datetime.fromisoformat(text))
    except ValueError:
        return text


def show_value(field: str, value: Any) -> str:
    """A wire value as a person reads it (an ID card number masked, phones grouped, empty said)."""
    if value is None or value == "":
        return QCoreApplication.translate("Sync", "(empty)")
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("Sync", "Yes") if value else QCoreApplication.translate("Sync", "No")
        )
    if field == "national_id":
        return mask_id(str(value))
    if field in ("phone", "contact_phone"):
        return format_phone(str(value))
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def show_changes(fields: dict[str, Any]) -> str:
    """A set of edited fields as lines "Phone: 082-222-2222"."""
    lines = [f"{field_label(k)}: {show_value(k, v)}" for k, v in fields.items() if k != "id"]
    return "\n".join(lines) if lines else QCoreApplication.translate("Sync", "(no field values)")


def who(username: str | None, device: str) -> str:
    """Who made a value: the user, else the computer (its device id, shortened)."""
    if username:
        return username
    if device:
        return QCoreApplication.translate("Sync", "computer %1").replace("%1", device[:8])
    return QCoreApplication.translate("Sync", "unknown")


def conflict_summary(c: client.ConflictView) -> tuple[str, str]:
    """(kept, other) as short text for a table row."""
    if c.kind == "delete":
        other = c.other_value if isinstance(c.other_value, dict) else {}
        return QCoreApplication.translate("Sync", "Deleted"), QCoreApplication.translate(
            "Sync", "Edited: %1"
        ).replace("%1", show_changes(other).replace("\n", "; "))
    return show_value(c.field, c.kept_value), show_value(c.field, c.other_value)


def record_name(c: client.ConflictView | client.RejectedChange) -> str:
    label = c.record_label or QCoreApplication.translate("Sync", "record %1").replace("%1", c.record_id[:8])
    return f"{table_label(c.table)}: {label}"


class _ValueBox(QFrame):
    """One side of a conflict: its heading, the value in large type, who and when."""

    def __init__(self, heading: str, value: str, by: str, when: str, *, kept: bool) -> None:
        super().__init__()
        self.setObjectName("statCard")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 12, 16, 12)
        title = QLabel(heading)
        title.setObjectName("statTitle")
        self.value_label = QLabel(value)
        self.value_label.setObjectName("statValue")
        self.value_label.setProperty("textual", True)
        self.value_label.setWordWrap(True)
        self.value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        note = QLabel(
            QCoreApplication.translate("Sync", "By %1, %2").replace("%1", by).replace("%2", when)
            if when
            else QCoreApplication.translate("Sync", "By %1").replace("%1", by)
        )
        note.setObjectName("statNote")
        note.setWordWrap(True)
        state = QLabel(
            QCoreApplication.translate("Sync", "Shown now on every computer")
            if kept
            else QCoreApplication.translate("Sync", "Kept in this conflict record")
        )
        state.setObjectName("okText" if kept else "muted")
        for w in (title, self.value_label, note, state):
            lay.addWidget(w)
        lay.addStretch(1)


class ConflictReviewDialog(QDialog):
    """Review one conflict: both values, confirm or swap. `resolved` carries the action taken."""

    resolved = Signal(str)

    def __init__(
        self, db: Database, conflict: client.ConflictView, username: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.conflict = conflict
        self.username = username
        self.action = ""
        self.setWindowTitle(QCoreApplication.translate("Sync", "Review a sync conflict"))
        self.setMinimumWidth(720)
        c = conflict
        lay = QVBoxLayout(self)
        lay.setSpacing(12)
        heading = QLabel(record_name(c))
        heading.setObjectName("sectionTitle")
        heading.setWordWrap(True)
        lay.addWidget(heading)
        if c.kind == "delete":
            text = QCoreApplication.translate(
                "Sync",
                "One computer deleted this record while another one was editing it. The record stays "
                "deleted unless you keep the edit, which brings the record back with the edited values.",
            )
        else:
            text = QCoreApplication.translate(
                "Sync",
                "Two computers changed %1 while they were offline. Every computer now shows the value "
                "on the left (the later change). Keep it, or use the other value instead.",
            ).replace("%1", f"<b>{html.escape(field_label(c.field))}</b>")
        explain = QLabel(text)
        explain.setWordWrap(True)
        explain.setObjectName("pageDescription")
        lay.addWidget(explain)

        kept_text, other_text = conflict_summary(c)
        if c.kind == "delete":
            other = c.other_value if isinstance(c.other_value, dict) else {}
            other_text = show_changes(other)
        row = QGridLayout()
        row.setHorizontalSpacing(14)
        self.kept_box = _ValueBox(
            QCoreApplication.translate("Sync", "Current value"),
            kept_text,
            who(c.kept_name, c.kept_device),
            format_time(c.kept_time, utc=False),
            kept=True,
        )
        self.other_box = _ValueBox(
            QCoreApplication.translate("Sync", "Other value"),
            other_text,
            who(c.other_name, c.other_device),
            format_time(c.other_time, utc=False),
            kept=False,
        )
        row.addWidget(self.kept_box, 0, 0)
        row.addWidget(self.other_box, 0, 1)
        lay.addLayout(row)

        self.error_label = QLabel()
        self.error_label.setObjectName("errorText")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        lay.addWidget(self.error_label)

        buttons = QHBoxLayout()
        self.later_button = QPushButton(QCoreApplication.translate("Sync", "Decide later"))
        self.later_button.clicked.connect(self.reject)
        if c.kind == "delete":
            self.confirm_button = QPushButton(QCoreApplication.translate("Sync", "Keep it deleted"))
            self.swap_button = QPushButton(
                QCoreApplication.translate("Sync", "Keep the edit (restore the record)")
            )
        else:
            self.confirm_button = QPushButton(QCoreApplication.translate("Sync", "Keep the current value"))
            self.swap_button = QPushButton(QCoreApplication.translate("Sync", "Use the other value"))
        self.confirm_button.setDefault(True)
        self.confirm_button.clicked.connect(lambda: self._decide("confirm"))
        self.swap_button.clicked.connect(lambda: self._decide("swap"))
        buttons.addWidget(self.later_button)
        buttons.addStretch(1)
        buttons.addWidget(self.swap_button)
        buttons.addWidget(self.confirm_button)
        lay.addLayout(buttons)
        self.confirm_button.setFocus()

    def _decide(self, action: str) -> None:
        self.action = action
        for b in (self.confirm_button, self.swap_button, self.later_button):
            b.setEnabled(False)
        self.error_label.hide()
        workers.run_task(
            lambda _task: conflicts.resolve_conflict(
                self.db.engine, self.conflict.id, action, username=self.username or None
            ),
            on_done=self._done,
            on_error=self._failed,
            owner=self,
        )

    def _done(self, _result: Any) -> None:
        self.resolved.emit(self.action)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        for b in (self.confirm_button, self.swap_button, self.later_button):
            b.setEnabled(True)
        detail = exc.message(current_language()) if isinstance(exc, ServiceError) else str(exc)
        self.error_label.setText(
            QCoreApplication.translate("Sync", "The decision could not be saved: %1").replace("%1", detail)
        )
        self.error_label.show()
