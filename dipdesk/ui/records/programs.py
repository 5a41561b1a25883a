"""โครงการ → กิจกรรม → วันอบรม: programs, their activities (courses, cohorts) and training days.

A program's detail lists its activities; an activity's detail lists its training days and opens the
enrollment and attendance screens (`dipdesk.ui.attendance`, imported when first asked for, so this
screen works, and says so honestly, before that package exists).
"""

from __future__ import annotations

import datetime as dt
import html
import importlib
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt, Signal
from PySide6.QtWidgets import QComboBox, QDialog, QMessageBox, QPushButton, QVBoxLayout, QWidget
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dipdesk.core.thaidate import fiscal_year
from dipdesk.services import numbering, records
from dipdesk.services.context import Context
from dipdesk.services.enrollment import next_session_day
from dipdesk.store.programs import Activity, ActivitySession, Program
from dipdesk.ui.pages.base import PageEnv
from dipdesk.ui.records.controller import RecordController, RecordEditor
from dipdesk.ui.records.dialogs import RecordDialog
from dipdesk.ui.records.enrolled import EnrolledList
from dipdesk.ui.records.fields import Field
from dipdesk.ui.records.list_view import ListTexts
from dipdesk.ui.records.ops import error_text, get_live, record_values, run_read
from dipdesk.ui.records.sublist import SubList
from dipdesk.ui.widgets import format_date

PROGRAM_FIELDS = (
    Field("code", QT_TRANSLATE_NOOP("Fields", "Code"), required=True, max_length=40),
    Field("fiscal_year", QT_TRANSLATE_NOOP("Fields", "Fiscal year (BE)"), "year", required=True),
    Field(
        "name_th",
        QT_TRANSLATE_NOOP("Fields", "Program name (Thai)"),
        required=True,
        max_length=400,
        wide=True,
    ),
    Field("name_en", QT_TRANSLATE_NOOP("Fields", "Program name (English)"), max_length=400, wide=True),
    Field(
        "service_kind",
        QT_TRANSLATE_NOOP("Fields", "Service"),
        "choice",
        required=True,
        choices="service_kind",
    ),
    Field("policy_track", QT_TRANSLATE_NOOP("Fields", "Policy track"), "choice", choices="policy_track"),
    Field("budget", QT_TRANSLATE_NOOP("Fields", "Budget (baht)"), "money"),
    Field("description", QT_TRANSLATE_NOOP("Fields", "Description"), "multiline"),
)

ACTIVITY_FIELDS = (
    Field(
        "program_id", QT_TRANSLATE_NOOP("Fields", "Program"), "ref", required=True, ref="programs", wide=True
    ),
    Field("code", QT_TRANSLATE_NOOP("Fields", "Code"), required=True, max_length=40),
    Field("cohort", QT_TRANSLATE_NOOP("Fields", "Cohort (no.)"), "int"),
    Field(
        "title_th",
        QT_TRANSLATE_NOOP("Fields", "Activity name (Thai)"),
        required=True,
        max_length=400,
        wide=True,
    ),
    Field("title_en", QT_TRANSLATE_NOOP("Fields", "Activity name (English)"), max_length=400, wide=True),
    Field("start_date", QT_TRANSLATE_NOOP("Fields", "Starts"), "date", required=True),
    Field("end_date", QT_TRANSLATE_NOOP("Fields", "Ends"), "date", required=True),
    Field("venue", QT_TRANSLATE_NOOP("Fields", "Venue"), max_length=300),
    Field("province_id", QT_TRANSLATE_NOOP("Fields", "Province"), "ref", ref="provinces"),
    Field("hours", QT_TRANSLATE_NOOP("Fields", "Hours in all"), "decimal"),
    Field("capacity", QT_TRANSLATE_NOOP("Fields", "Seats"), "int"),
    Field(
        "completion_threshold",
        QT_TRANSLATE_NOOP("Fields", "Hours needed to complete (%)"),
        "percent",
        hint=QT_TRANSLATE_NOOP("Fields", "usually 80"),
    ),
)

SESSION_FIELDS = (
    Field("seq", QT_TRANSLATE_NOOP("Fields", "Session no."), "int", required=True),
    Field("day", QT_TRANSLATE_NOOP("Fields", "Date"), "date", required=True),
    Field("hours", QT_TRANSLATE_NOOP("Fields", "Hours"), "decimal"),
    Field("topic", QT_TRANSLATE_NOOP("Fields", "Topic"), max_length=300),
)

ATTENDANCE_MODULE = "dipdesk.ui.attendance"


def this_fiscal_year() -> int:
    return fiscal_year(dt.date.today())


def _fiscal_years(session: Session) -> list[int]:
    rows = session.execute(
        select(Program.fiscal_year)
        .where(Program.deleted.is_(False))
        .distinct()
        .order_by(Program.fiscal_year.desc())
    )
    return [int(r[0]) for r in rows]


class FiscalYearFilter(QComboBox):
    """ "All fiscal years" or one BE year, filled from the programs in the database."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fiscalYearFilter")
        self.addItem(self.tr("All fiscal years"), None)
        self.setMinimumWidth(150)

    def fill(self, years: list[int]) -> None:
        self.blockSignals(True)
        current = self.currentData()
        while self.count() > 1:
            self.removeItem(1)
        for year in years:
            self.addItem(self.tr("Fiscal year %1").replace("%1", str(year)), year)
        self.setCurrentIndex(max(0, self.findData(current)))
        self.blockSignals(False)


class ProgramsController(RecordController):
    """Programs of each fiscal year; a program's detail lists its activities."""

    list_name = "programs"
    record_class = Program
    fields = PROGRAM_FIELDS
    code_digits = 2
    widths = {  # noqa: RUF012
        "code": 140,
        "name_th": 330,
        "fiscal_year": 100,
        "service_kind": 190,
        "policy_track": 160,
        "budget": 140,
        "activities": 80,
    }
    open_activity = Signal(str)
    new_activity = Signal(str)  # for this program

    def __init__(self, env: PageEnv, parent: QObject | None = None) -> None:
        super().__init__(env, parent=parent)
        self.year_filter = FiscalYearFilter()
        self.year_filter.currentIndexChanged.connect(
            lambda _i: self.model.set_filters(fiscal_year=self.year_filter.currentData())
        )
        self.list.add_filter(self.year_filter)

    def list_texts(self) -> ListTexts:
        return ListTexts(
            count=self.tr("%1 programs"),
            search_hint=self.tr("Program name or code (Ctrl+F)"),
            empty=self.tr(
                "<b>No programs yet.</b><br>Click <b>New program…</b> (Ctrl+N) to add this year's first "
                "program; its activities (courses, cohorts) are added from the program."
            ),
            no_match=self.tr(
                "<b>No program matches “%1”.</b><br>Choose another fiscal year or press Esc to clear the search."
            ),
            new_label=self.tr("New program…"),
            sheet_title=self.tr("Programs"),
        )

    def new_title(self) -> str:
        return self.tr("New program")

    def defaults(self) -> dict[str, Any]:
        return {"fiscal_year": this_fiscal_year(), "service_kind": "training"}

    def load(self) -> None:
        super().load()
        run_read(self.db, _fiscal_years, on_done=self.year_filter.fill, owner=self.widget)

    code_depends_on = ("fiscal_year",)

    def code_prefix(self, session: Session, values: dict[str, Any]) -> str:
        """`IPC1-2569-P-K7Q2-`: the fiscal year chosen in the form (this one while none is)."""
        year = values.get("fiscal_year")  # text while a year is half typed ("25") or out of range
        year = year if isinstance(year, int) else this_fiscal_year()
        return numbering.code_prefix(session, f"{self.env.user.site_code}-{year}-P")

    def build_editor(self, editor: RecordEditor) -> None:
        self.activities = SubList(
            self.db,
            "activities",
            "program_id",
            ListTexts(
                count=self.tr("%1 activities"),
                search_hint="",
                empty=self.tr(
                    "No activities in this program yet. Click <b>New activity…</b> to add a course."
                ),
                no_match="",
                new_label=self.tr("New activity…"),
                sheet_title=self.tr("Activities"),
            ),
            self.tr("Save the program first; then its activities can be added here."),
            lang=self.lang,
            writable=self.writable,
            hidden_columns=("program",),
            widths={"code": 145, "title_th": 520, "cohort": 55, "start_date": 105, "end_date": 105},
        )
        self.activities.list.table.set_optional_columns(("hours", "cohort"))
        self.activities.open_requested.connect(self.open_activity)
        self.activities.new_requested.connect(lambda: self.new_activity.emit(self.current_id or ""))
        editor.tabs.addTab(self.activities, self.tr("Activities"))

    def show_related(self, record_id: str | None, values: dict[str, Any]) -> None:
        self.activities.set_parent_id(record_id)


class ActivitiesController(RecordController):
    """Activities (courses, cohorts); an activity's detail lists its training days and opens enrollment
    and attendance."""

    list_name = "activities"
    record_class = Activity
    fields = ACTIVITY_FIELDS
    code_digits = 5
    initial_sort = "start_date"
    initial_descending = True
    widths = {  # noqa: RUF012
        "code": 145,
        "title_th": 520,  # the name keeps half of this when the window is narrow
        "program": 128,
        "cohort": 55,
        "start_date": 105,
        "end_date": 105,
        "province": 100,
        "hours": 60,
        "capacity": 60,
        "enrolled": 90,
    }
    # at 1280×800 the program's code, then the hours, then the cohort (often in the name: "รุ่นที่ 6")
    # give way, so the name and "enrolled" fit without a horizontal scroll bar
    optional_columns = ("program", "hours", "cohort")

    def __init__(self, env: PageEnv, parent: QObject | None = None) -> None:
        super().__init__(env, parent=parent)
        self.year_filter = FiscalYearFilter()
        self.year_filter.currentIndexChanged.connect(
            lambda _i: self.model.set_filters(fiscal_year=self.year_filter.currentData())
        )
        self.list.add_filter(self.year_filter)
        self.attendance_window: QWidget | None = None

    def list_texts(self) -> ListTexts:
        return ListTexts(
            count=self.tr("%1 activities"),
            search_hint=self.tr("Activity name, code or venue (Ctrl+F)"),
            empty=self.tr(
                "<b>No activities yet.</b><br>Click <b>New activity…</b> (Ctrl+N) to add a course, then its "
                "training days, the people enrolled and their attendance."
            ),
            no_match=self.tr(
                "<b>No activity matches “%1”.</b><br>Choose another fiscal year or press Esc to clear the "
                "search."
            ),
            new_label=self.tr("New activity…"),
            sheet_title=self.tr("Activities"),
        )

    def new_title(self) -> str:
        return self.tr("New activity")

    def record_title(self, values: dict[str, Any]) -> str:
        code, title = values.get("code") or "", values.get("title_th") or ""
        return f"{title} ({code})" if code else title

    def defaults(self) -> dict[str, Any]:
        return {"completion_threshold": 80, "cohort": 1}

    def load(self) -> None:
        super().load()
        run_read(self.db, _fiscal_years, on_done=self.year_filter.fill, owner=self.widget)

    code_depends_on = ("program_id",)

    def code_prefix(self, session: Session, values: dict[str, Any]) -> str:
        """`IPC1-2569-A-K7Q2-`: the fiscal year of the activity's program (this one until a program is chosen)."""
        program_id = values.get("program_id")
        year = None
        if isinstance(program_id, str) and program_id:
            year = session.scalar(
                select(Program.fiscal_year).where(Program.id == program_id, Program.deleted.is_(False))
            )
        return numbering.code_prefix(session, f"{self.env.user.site_code}-{year or this_fiscal_year()}-A")

    # --- the detail: training days, enrollment, attendance -----------------------------------------

    def build_editor(self, editor: RecordEditor) -> None:
        self.enroll_button = QPushButton(self.tr("Enroll people…"))
        self.enroll_button.setObjectName("enrollButton")
        self.enroll_button.clicked.connect(lambda: self.open_attendance("EnrollmentDialog"))
        self.attendance_button = QPushButton(self.tr("Attendance…"))
        self.attendance_button.setObjectName("attendanceButton")
        self.attendance_button.clicked.connect(lambda: self.open_attendance("AttendanceGrid"))
        editor.area_buttons.addWidget(self.enroll_button)
        editor.area_buttons.addWidget(self.attendance_button)
        self.sessions = SubList(
            self.db,
            "sessions",
            "activity_id",
            ListTexts(
                count=self.tr("%1 training days"),
                search_hint="",
                empty=self.tr(
                    "No training days yet. Click <b>New training day…</b> for each day (or meeting) of the "
                    "activity; attendance is taken per day."
                ),
                no_match="",
                new_label=self.tr("New training day…"),
                sheet_title=self.tr("Training days"),
            ),
            self.tr("Save the activity first; then its training days can be added here."),
            lang=self.lang,
            writable=self.writable,
            widths={"seq": 100, "day": 130, "hours": 80},
        )
        self.sessions.new_requested.connect(lambda: self.edit_session(None))
        self.sessions.open_requested.connect(self.edit_session)
        editor.tabs.addTab(self.sessions, self.tr("Training days"))
        self.enrolled = EnrolledList(self.db)
        editor.tabs.addTab(self.enrolled, self.tr("Enrolled"))
        self.dialog: RecordDialog | None = None

    def show_related(self, record_id: str | None, values: dict[str, Any]) -> None:
        self.sessions.set_parent_id(record_id)
        self.enrolled.set_activity(record_id)
        for button in (self.enroll_button, self.attendance_button):
            button.setEnabled(record_id is not None)
            button.setToolTip("" if record_id else self.tr("Save the activity first."))

    def edit_session(self, record_id: str | None) -> None:
        activity_id = self.current_id
        if activity_id is None or (record_id is None and not self.writable):
            return

        def read(session: Session) -> dict[str, Any]:
            if record_id is not None:
                return record_values(get_live(session, ActivitySession, record_id))
            live = (ActivitySession.activity_id == activity_id, ActivitySession.deleted.is_(False))
            last = session.execute(
                select(func.max(ActivitySession.seq), func.max(ActivitySession.hours)).where(*live)
            ).one()
            days = list(session.scalars(select(ActivitySession.day).where(*live)))
            activity = get_live(session, Activity, activity_id)
            day = next_session_day(activity.start_date, activity.end_date, days)
            values: dict[str, Any] = {"seq": (last[0] or 0) + 1, "day": day, "hours": last[1] or 6}
            if day is None:  # every day of the activity has its training day: say so, offer no wrong day
                values["_full"] = (activity.start_date, activity.end_date)
            return values

        def show(values: dict[str, Any]) -> None:
            full = values.pop("_full", None)

            def save(ctx: Context, v: dict[str, Any]) -> str:
                if record_id is None:
                    return str(records.create(ctx, ActivitySession, **v).id)
                records.update(ctx, records.get(ctx, ActivitySession, record_id), **v)
                return record_id

            title = self.tr("New training day") if record_id is None else self.tr("Training day")
            dialog = RecordDialog(
                title,
                SESSION_FIELDS,
                values,
                save,
                db=self.db,
                ctx_factory=self.ctx_factory,
                lang=self.lang,
                fixed={"activity_id": activity_id},
                read_only=not self.writable,
                model=ActivitySession,
                parent=self.widget,
            )
            dialog.saved.connect(lambda _rid: self.sessions.refresh())
            if full is not None:
                dialog.show_notice(self.full_text(*full))
            self.dialog = dialog
            dialog.open()

        run_read(
            self.db,
            read,
            on_done=show,
            on_error=lambda exc: self.editor.show_error(error_text(exc, self.lang)),
            owner=self.widget,
        )

    def full_text(self, first: dt.date, last: dt.date) -> str:
        return (
            self.tr(
                "Every day of this activity (%1 – %2) already has a training day. For one more day, first "
                "change the activity's end date."
            )
            .replace("%1", format_date(first, self.lang))
            .replace("%2", format_date(last, self.lang))
        )

    def open_attendance(self, name: str) -> None:
        """Open part B's enrollment dialog or attendance grid for this activity, if it is installed."""
        activity_id = self.current_id
        if activity_id is None:
            return
        try:
            module = importlib.import_module(ATTENDANCE_MODULE)
        except ModuleNotFoundError as exc:
            if exc.name and ATTENDANCE_MODULE.startswith(exc.name):
                self._not_available()
                return
            raise
        cls = getattr(module, name, None)
        if cls is None:
            self._not_available()
            return
        widget = cls(self.db, self.ctx_factory, activity_id, self.widget)
        if not isinstance(widget, QDialog):
            holder = QDialog(self.widget)
            holder.setObjectName("attendanceWindow")
            holder.setWindowTitle(self.attendance_button.text().rstrip("…"))
            lay = QVBoxLayout(holder)
            lay.addWidget(widget)
            # as large as the main window allows: the hours and the "completes" column sit at the right
            top = self.widget.window()
            holder.resize(max(1000, min(1240, top.width() - 40)), max(640, min(760, top.height() - 40)))
            widget = holder
        widget.finished.connect(lambda _r: self._after_attendance())
        self.attendance_window = widget
        widget.open()

    def _after_attendance(self) -> None:
        self.attendance_window = None
        self.sessions.refresh()
        self.model.refresh()  # the enrolled counts

    def _not_available(self) -> None:
        box = QMessageBox(self.widget)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("Not available yet"))
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(
            html.escape(
                self.tr(
                    "Enrolling people and taking attendance are not available in this version of dipdesk yet. "
                    "The activity and its training days are saved; enrollment and attendance can be added "
                    "once the update that brings them is installed."
                )
            )
        )
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.exec()
