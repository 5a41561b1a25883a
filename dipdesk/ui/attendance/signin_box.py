"""Barcode sign-in at the attendance grid: print the day's sign-in sheet, scan its codes.

A USB barcode scanner types like a keyboard: the code and Enter land in the scan box, which ticks the
person for the training day (`dipdesk.services.signin.scan`) and clears itself for the next scan. A
13-digit national ID typed there works too. Someone not enrolled is not ticked: a button offers to
enroll and tick them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from dipdesk.printing.signin_sheet import render_signin_sheet
from dipdesk.services import checkin, signin
from dipdesk.services.errors import ServiceError
from dipdesk.ui import theme, workers
from dipdesk.ui.changes import data_changed
from dipdesk.ui.i18n import current_language


def refresh_keeping_marks(grid: Any) -> None:
    """Reload the attendance grid after a tap or a scan without losing its unsaved marks."""
    keep = dict(grid.model.pending)

    def restore() -> None:
        grid.model.modelReset.disconnect(restore)
        grid.model.pending.update(keep)
        grid.model.changed.emit()

    if keep:
        grid.model.modelReset.connect(restore)
    data_changed("attendance", "enrollments", "people", source=grid)
    grid.reload()


class SignInBox(QWidget):
    """The scan box and the sign-in sheet button of one attendance grid (`grid`: an AttendanceGrid)."""

    def __init__(self, grid: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = grid
        self.results: list[signin.ScanResult] = []
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.scan_edit = QLineEdit()
        self.scan_edit.setPlaceholderText(self.tr("Scan a sign-in barcode or type a national ID, then Enter"))
        self.scan_edit.setClearButtonEnabled(True)
        self.scan_edit.setMinimumWidth(440)
        row.addWidget(self.scan_edit, 2)
        self.enroll_button = QPushButton("")
        self.enroll_button.hide()
        row.addWidget(self.enroll_button)
        self.print_button = QPushButton(self.tr("Print the sign-in sheet…"))
        row.addWidget(self.print_button)
        self.import_button = QPushButton(self.tr("Attendance from a sheet…"))
        row.addWidget(self.import_button)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        row.addWidget(self.status, 3)
        self._offer: signin.ScanResult | None = None
        self.scan_edit.returnPressed.connect(self.scan_entered)
        self.print_button.clicked.connect(self._choose_print)
        self.import_button.clicked.connect(self._choose_import)
        self.enroll_button.clicked.connect(self.enroll_offered)

    # --- helpers -----------------------------------------------------------------------------------

    def _day(self) -> dt.date:
        """The training day of the grid's current column, or today."""
        cur = self.grid.table.currentIndex()
        session = self.grid.model.session_at(cur.column()) if cur.isValid() else None
        return session.day if session is not None else dt.date.today()

    def _say(self, text: str, *, error: bool = False) -> None:
        c = theme.colors(theme.current_theme())
        self.status.setStyleSheet(f"color: {c['danger'] if error else c['success']}")
        self.status.setText(text)

    def _failed(self, exc: BaseException) -> None:
        self._say(exc.message(current_language()) if isinstance(exc, ServiceError) else str(exc), error=True)

    # --- scanning ----------------------------------------------------------------------------------

    def scan_entered(self) -> None:
        text = self.scan_edit.text().strip()
        self.scan_edit.clear()
        if not text:
            return
        self.scan(text, dt.date.today())

    def scan(self, text: str, day: dt.date) -> None:
        grid = self.grid

        def write(task: workers.Task) -> signin.ScanResult:
            with grid.db.session() as s:
                result = signin.scan(grid.ctx_factory(s), grid.activity_id, text, day)
                s.commit()
                return result

        workers.run_task(write, on_done=self._scanned, on_error=self._failed, owner=self)

    def _scanned(self, result: signin.ScanResult) -> None:
        self.results.append(result)
        self.enroll_button.hide()
        if result.kind == "already":
            self._say(self.tr("%1 was already checked in today.").replace("%1", result.name))
        elif result.kind == "checked_in":
            self._say(self.tr("%1 checked in.").replace("%1", result.name))
            refresh_keeping_marks(self.grid)
        else:
            self._offer = result
            self._say(self.tr("%1 is not enrolled in this activity.").replace("%1", result.name), error=True)
            self.enroll_button.setText(self.tr("Enroll %1 and check in").replace("%1", result.name))
            self.enroll_button.show()

    def enroll_offered(self) -> None:
        offer, grid, day = self._offer, self.grid, dt.date.today()
        if offer is None:
            return
        self.enroll_button.hide()

        def write(task: workers.Task) -> signin.ScanResult:
            with grid.db.session() as s:
                done = checkin.check_in_person(grid.ctx_factory(s), grid.activity_id, offer.person_id, day)
                s.commit()
                return signin.ScanResult("checked_in", offer.person_id, offer.name, done)

        self._offer = None
        workers.run_task(write, on_done=self._scanned, on_error=self._failed, owner=self)

    # --- the sheet ---------------------------------------------------------------------------------

    def _choose_print(self) -> None:
        code = self.grid.model.sheet.code if self.grid.model.sheet else "signin"
        name = f"{code}-{self._day().isoformat()}.pdf"
        path, _f = QFileDialog.getSaveFileName(self, self.tr("Save the sign-in sheet"), name, "PDF (*.pdf)")
        if path:
            self.print_sheet(path, self._day())

    def print_sheet(self, path: str, day: dt.date) -> workers.Task:
        """Write the sign-in sheet of training day `day` to `path` (a PDF), in a worker."""
        grid = self.grid

        def write(task: workers.Task) -> int:
            with grid.db.session() as s:
                sheet = signin.signin_sheet(s, grid.activity_id, day)
            return render_signin_sheet(sheet, Path(path))

        def done(pages: int) -> None:
            self._say(
                self.tr("Sign-in sheet saved (%1 pages): %2").replace("%1", str(pages)).replace("%2", path)
            )

        return workers.run_task(write, on_done=done, on_error=self._failed, owner=self)

    # --- attendance from a sheet -------------------------------------------------------------------

    def _choose_import(self) -> None:
        path, _f = QFileDialog.getOpenFileName(self, self.tr("Attendance from a sheet"), "",
                                               "Excel, CSV (*.xlsx *.csv)")  # fmt: skip
        if path:
            self.import_sheet(path, self._day())

    def import_sheet(self, path: str, day: dt.date) -> workers.Task:
        """Read attendance from an xlsx/csv (rows without a day: `day`), in a worker; errors per row."""
        from dipdesk.services.attendance_import import AttendanceImport, import_attendance

        grid = self.grid

        def write(task: workers.Task) -> AttendanceImport:
            with grid.db.session() as s:
                result = import_attendance(grid.ctx_factory(s), grid.activity_id, path, day=day)
                s.commit()
                return result

        def done(r: AttendanceImport) -> None:
            self.last_import = r
            text = (self.tr("From the sheet: %1 present, %2 absent, %3 already ticked.")
                    .replace("%1", str(r.present)).replace("%2", str(r.absent)).replace("%3", str(r.already)))  # fmt: skip
            if r.errors:
                lines = "; ".join(
                    self.tr("row %1: %2")
                    .replace("%1", str(e.row_number))
                    .replace("%2", e.reason_en if current_language() == "en" else e.reason_th)
                    for e in r.errors[:5]
                )
                text += " " + self.tr("%1 rows not taken: %2").replace("%1", str(len(r.errors))).replace(
                    "%2", lines
                )
            self._say(text, error=bool(r.errors))
            refresh_keeping_marks(grid)

        return workers.run_task(write, on_done=done, on_error=self._failed, owner=self)
