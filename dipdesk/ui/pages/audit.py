"""ประวัติการแก้ไข: the audit trail on screen, for administrators and the lab head.

Who did what and when, before → after in the department's words (Thai field labels, BE dates, masked
national IDs: `dipdesk.services.audit_trail`), filtered by record, user, kind of record, kind of change
and date range (BE days typed as 15/03/2569). The list is lazy: a page of rows is read from SQL in a
worker as the view scrolls, and the total is counted in a worker. "Export to Excel" writes what the
filter shows. A record's "ประวัติการแก้ไข" button opens this page filtered to that record
(`open_history`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
)

from dipdesk.core.thaidate import DateParseError, parse_date
from dipdesk.services.audit_trail import ACTIONS_TH, KINDS_TH, AuditFilter, AuditRow
from dipdesk.services.errors import PermissionDenied, ServiceError
from dipdesk.ui import workers
from dipdesk.ui.db import Database
from dipdesk.ui.pages.base import AreaPage
from dipdesk.ui.widgets import NoticeBox, style_read_only_table
from dipdesk.ui.workers import Task, run_task

_Index = QModelIndex | QPersistentModelIndex
PAGE = 100


class AuditModel(QAbstractTableModel):
    """The filtered trail, newest first, a page at a time (`canFetchMore`/`fetchMore`), each page and
    the count read in workers. A new filter starts a new generation: late answers are dropped."""

    loaded = Signal()  # the first page of the current filter is in
    count_changed = Signal()
    load_failed = Signal(object)

    COLUMNS = ("when", "user", "action", "kind", "record", "changes", "reason")

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.filter = AuditFilter()
        self.rows: list[AuditRow] = []
        self.total: int | None = None
        self._gen = 0
        self._loading = False

    def set_filter(self, f: AuditFilter) -> None:
        self.filter = f
        self._gen += 1
        self.beginResetModel()
        self.rows = []
        self.total = None
        self.endResetModel()
        self._loading = False
        self._load_page()
        self._count()

    def _load_page(self) -> None:
        if self._loading:
            return
        self._loading = True
        gen, f, offset, db = self._gen, self.filter, len(self.rows), self.db

        def work(task: Task) -> list[AuditRow]:
            from dipdesk.services import audit_trail

            if gen != self._gen:
                raise workers.Cancelled()
            with db.session() as s:
                return audit_trail.fetch(s, f, offset, PAGE)

        def done(rows: list[AuditRow]) -> None:
            if gen != self._gen:
                return
            self._loading = False
            first = not self.rows
            if rows:
                self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(rows) - 1)
                self.rows.extend(rows)
                self.endInsertRows()
            if len(rows) < PAGE and self.total is None:
                self.total = len(self.rows)
                self.count_changed.emit()
            if first:
                self.loaded.emit()

        def failed(exc: BaseException) -> None:
            if gen == self._gen:
                self._loading = False
                if not isinstance(exc, workers.Cancelled):
                    self.load_failed.emit(exc)

        run_task(work, on_done=done, on_error=failed, owner=self)

    def _count(self) -> None:
        gen, f, db = self._gen, self.filter, self.db

        def work(task: Task) -> int:
            from dipdesk.services import audit_trail

            with db.session() as s:
                return audit_trail.count(s, f)

        def done(n: int) -> None:
            if gen == self._gen:
                self.total = n
                self.count_changed.emit()

        run_task(work, on_done=done, owner=self)

    # --- Qt's model interface ----------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def canFetchMore(self, parent: _Index) -> bool:
        if parent.isValid() or self._loading:
            return False
        return self.total is None or len(self.rows) < self.total

    def fetchMore(self, parent: _Index) -> None:
        if self.canFetchMore(parent) and self.rows:
            self._load_page()

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return (
            self.tr("When"),
            self.tr("User"),
            self.tr("Change"),
            self.tr("Kind of record"),
            self.tr("Record"),
            self.tr("Before → after"),
            self.tr("Reason"),
        )[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        r = self.rows[index.row()]
        key = self.COLUMNS[index.column()]
        if key == "changes" and role == Qt.ItemDataRole.ToolTipRole:
            return r.changes_text
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            "when": r.when,
            "user": r.user,
            "action": r.action_label,
            "kind": r.kind_label,
            "record": r.record_label,
            "changes": "; ".join(f"{c.label}: {c.before} → {c.after}" for c in r.changes),
            "reason": r.reason,
        }[key]


class AuditPage(AreaPage):
    view_name = "audit"
    listens_to = None  # any change writes the trail

    def description(self) -> str:
        return self.tr(
            "Who changed what and when, with the values before and after. Filter by record, user, kind of "
            "change and dates (BE, e.g. 15/03/2569); export what the filter shows to Excel."
        )

    def build(self) -> None:
        self.record_ids: tuple[str, ...] = ()
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        self.user_filter = QComboBox()
        self.user_filter.addItem(self.tr("All users"), None)
        self.kind_filter = QComboBox()
        self.kind_filter.addItem(self.tr("All kinds of record"), None)
        for table, words in KINDS_TH.items():
            self.kind_filter.addItem(words, table)
        self.action_filter = QComboBox()
        self.action_filter.addItem(self.tr("All changes"), None)
        for action, words in ACTIONS_TH.items():
            self.action_filter.addItem(words, action)
        self.date_from = QLineEdit()
        self.date_to = QLineEdit()
        for edit in (self.date_from, self.date_to):
            edit.setPlaceholderText(self.tr("dd/mm/yyyy (BE)"))
            edit.setMaximumWidth(170)
            edit.setMinimumWidth(150)
            edit.editingFinished.connect(self.apply_filter)
        for combo in (self.user_filter, self.kind_filter, self.action_filter):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(14)
        dates = QHBoxLayout()
        dates.addWidget(self.date_from)
        dates.addWidget(QLabel(self.tr("To")))
        dates.addWidget(self.date_to)
        dates.addStretch(1)
        # two filters a row: fits the 1024-pixel screens (1280×720 at 125 %) beside the navigation
        grid.addWidget(QLabel(self.tr("User")), 0, 0)
        grid.addWidget(self.user_filter, 0, 1)
        grid.addWidget(QLabel(self.tr("Kind of record")), 0, 2)
        grid.addWidget(self.kind_filter, 0, 3)
        grid.addWidget(QLabel(self.tr("Change")), 1, 0)
        grid.addWidget(self.action_filter, 1, 1)
        grid.addWidget(QLabel(self.tr("From")), 1, 2)
        grid.addLayout(dates, 1, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self.body.addLayout(grid)
        for combo in (self.user_filter, self.kind_filter, self.action_filter):
            combo.currentIndexChanged.connect(lambda _i: self.apply_filter())

        row = QHBoxLayout()
        self.record_label = QLabel()
        self.record_label.setObjectName("statTitle")
        self.clear_record = QPushButton(self.tr("Show all records"))
        self.clear_record.clicked.connect(lambda: self.open_history((), ""))
        self.count_label = QLabel()
        self.count_label.setObjectName("muted")
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        self.export_button.clicked.connect(self.choose_export)
        row.addWidget(self.record_label)
        row.addWidget(self.clear_record)
        row.addStretch(1)
        row.addWidget(self.count_label)
        row.addWidget(self.export_button)
        self.body.addLayout(row)
        self.record_label.hide()
        self.clear_record.hide()

        self.filter_error = NoticeBox(error=True)
        self.filter_error.hide()
        self.body.addWidget(self.filter_error)
        self.notice = NoticeBox()
        self.notice.hide()
        self.body.addWidget(self.notice)

        self.model = AuditModel(self.env.db, self)
        self.model.count_changed.connect(self._show_count)
        self.model.load_failed.connect(self._list_failed)
        self.table = QTableView()
        self.table.setModel(self.model)
        style_read_only_table(self.table)
        self.table.setMinimumHeight(380)
        for col, width in enumerate((150, 170, 130, 130, 170, 380, 160)):
            self.table.setColumnWidth(col, width)
        self.body.addWidget(self.table)

    # --- loading ------------------------------------------------------------------------------------

    def fetch(self, task: Task) -> Any:
        from dipdesk.services.audit_trail import can_view, users_for_filter

        if not can_view(self.env.user.role):
            raise PermissionDenied(
                "ดูประวัติการแก้ไขได้เฉพาะผู้ดูแลระบบและหัวหน้าห้องปฏิบัติการ",
                "only administrators and the lab head may see the audit trail",
            )
        with self.env.db.session() as s:
            return users_for_filter(s, self.env.user.site_id or None)

    def show_data(self, data: Any) -> None:
        chosen = self.user_filter.currentData()
        self.user_filter.blockSignals(True)
        while self.user_filter.count() > 1:
            self.user_filter.removeItem(1)
        for uid, name in data:
            self.user_filter.addItem(name, uid)
        self.user_filter.setCurrentIndex(max(0, self.user_filter.findData(chosen)))
        self.user_filter.blockSignals(False)
        self.apply_filter(force=True)

    def refresh_after_change(self) -> None:
        if self.is_ready:
            self.apply_filter(force=True)

    # --- filters ------------------------------------------------------------------------------------

    def _date(self, edit: QLineEdit) -> dt.date | None:
        text = edit.text().strip()
        return parse_date(text) if text else None

    def current_filter(self) -> AuditFilter:
        return AuditFilter(
            record_ids=self.record_ids,
            table=self.kind_filter.currentData(),
            user_id=self.user_filter.currentData(),
            action=self.action_filter.currentData(),
            date_from=self._date(self.date_from),
            date_to=self._date(self.date_to),
            site_id=self.env.user.site_id or None,
        )

    def apply_filter(self, force: bool = False) -> None:
        try:
            f = self.current_filter()
        except DateParseError as exc:
            self.filter_error.set_text(exc.message_th if self.env.lang == "th" else exc.message_en)
            self.filter_error.show()
            return
        self.filter_error.hide()
        if force or f != self.model.filter or not self.model.rows:
            self.count_label.setText(self.tr("Counting…"))
            self.model.set_filter(f)

    def open_history(self, record_ids: tuple[str, ...], label: str) -> None:
        """Show the history of one record (and its parts, e.g. a sample's analyses); () shows all."""
        self.record_ids = tuple(record_ids)
        self.record_label.setText(self.tr("History of %1").replace("%1", label) if record_ids else "")
        self.record_label.setVisible(bool(record_ids))
        self.clear_record.setVisible(bool(record_ids))
        if self.is_ready:
            self.apply_filter(force=True)
        else:
            self.ensure_loaded()

    def _show_count(self) -> None:
        if self.model.total is not None:
            self.count_label.setText(self.tr("%1 change(s)").replace("%1", f"{self.model.total:,}"))

    def _list_failed(self, exc: BaseException) -> None:
        text = exc.message(self.env.lang) if isinstance(exc, ServiceError) else str(exc)
        self.filter_error.set_text(text)
        self.filter_error.show()

    # --- export -------------------------------------------------------------------------------------

    def choose_export(self) -> None:
        dialog = QFileDialog(self, self.tr("Export the audit trail"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("Excel workbook (*.xlsx)"))
        dialog.setDefaultSuffix("xlsx")
        dialog.selectFile("ประวัติการแก้ไข.xlsx")
        dialog.fileSelected.connect(lambda path: self.export_to(Path(path)))
        self.export_dialog = dialog
        dialog.open()

    def export_to(self, path: Path) -> None:
        f, db, me = self.model.filter, self.env.db, self.env.user.id
        self.export_button.setEnabled(False)

        def work(task: Task) -> int:
            from dipdesk.services.audit_trail import export_xlsx
            from dipdesk.services.users import user_context

            with db.session() as s:
                return export_xlsx(user_context(s, me), f, path)

        def done(n: int) -> None:
            self.export_button.setEnabled(True)
            self.notice.set_text(
                self.tr("%1 change(s) exported to %2").replace("%1", f"{n:,}").replace("%2", str(path))
            )
            self.notice.show()
            self.exported = (path, n)

        def failed(exc: BaseException) -> None:
            self.export_button.setEnabled(True)
            self._list_failed(exc)

        run_task(work, on_done=done, on_error=failed, owner=self)
