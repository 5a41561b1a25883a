"""Enrollment and attendance of one activity (การลงทะเบียน / การลงเวลาเข้าร่วม).

Opened by the activity screens (lazily, `importlib.import_module("dipdesk.ui.attendance")`):

    EnrollmentDialog(db, ctx_factory, activity_id, parent)   find people or add someone new, and enroll them
    AttendanceGrid(db, ctx_factory, activity_id, parent)     people × sessions, keyboard-fast, live completion

`db` is the application's `dipdesk.ui.db.Database`; `ctx_factory` is a callable `(session) -> Context`
giving the acting user's service context inside a worker's own Session (`context_factory(user)` makes
one from the logged-in `CurrentUser`; see `context.py`).
"""

from __future__ import annotations

from dipdesk.ui.attendance.add_day import AddDayDialog
from dipdesk.ui.attendance.context import CtxFactory, context_factory
from dipdesk.ui.attendance.enroll_dialog import EnrollmentDialog
from dipdesk.ui.attendance.grid import AttendanceGrid, AttendanceModel

__all__ = [
    "AddDayDialog",
    "AttendanceGrid",
    "AttendanceModel",
    "CtxFactory",
    "EnrollmentDialog",
    "context_factory",
]
