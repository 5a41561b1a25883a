"""นำเข้าข้อมูลจาก Excel: the import wizard.

Choose a file → check which column is which (guessed, editable, remembered) → preview the rows as read →
a dry run against the database (nothing saved) → the import itself, in a worker, with progress and a
Cancel that leaves nothing behind → what was imported, and the rejected rows with their reasons, which
can be saved as an error sheet to fix in Excel and import again.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)
from sqlalchemy import select

from dipdesk.core.phone import format_phone
from dipdesk.core.thaiid import mask_id
from dipdesk.services import imports as im
from dipdesk.store.programs import Activity
from dipdesk.ui import theme, workers
from dipdesk.ui.attendance.context import CtxFactory
from dipdesk.ui.attendance.enroll_dialog import error_text
from dipdesk.ui.changes import data_changed
from dipdesk.ui.db import Database
from dipdesk.ui.i18n import current_language
from dipdesk.ui.labels import value_label
from dipdesk.ui.widgets import NoticeBox, format_date

_Index = QModelIndex | QPersistentModelIndex
PREVIEW_ROWS = 200
SAMPLE_VALUES = 3


@dataclass
class _Read:
    table: im.SourceTable
    suggestions: dict[str, list[str]]


_ID_LIKE = re.compile(r"(?<![\d๐-๙])[\d๐-๙](?:[\s\-]?[\d๐-๙]){12}(?![\d๐-๙])")


def mask_ids(text: str) -> str:
    """Any 13-digit number in `text` (with spaces or dashes, Thai digits) shown masked (PDPA)."""
    return _ID_LIKE.sub(lambda m: mask_id(m.group(0)), text)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if hasattr(value, "year") and hasattr(value, "month"):
        return format_date(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# What the preview shows: (value key, label field, mapped fields that provide it)
PREVIEW_FIELDS: dict[str, list[tuple[str, str, set[str]]]] = {
    "people": [
        ("prefix", "prefix", {"prefix", "full_name"}),
        ("first_name_th", "first_name_th", {"first_name_th", "full_name"}),
        ("last_name_th", "last_name_th", {"last_name_th", "full_name"}),
        ("national_id", "national_id", {"national_id"}),
        ("birth_date", "birth_date", {"birth_date"}),
        ("phone", "phone", {"phone"}),
        ("email", "email", {"email"}),
        ("province_id", "province", {"province"}),
        ("enterprise_name", "enterprise_name", {"enterprise_name"}),
    ],
    "enterprises": [
        ("code", "code", {"code"}),
        ("name_th", "name_th", {"name_th"}),
        ("kind", "kind", {"kind", "name_th"}),
        ("registration_id", "registration_id", {"registration_id"}),
        ("size", "size", {"size"}),
        ("province_id", "province", {"province"}),
        ("postcode", "postcode", {"postcode"}),
        ("phone", "phone", {"phone"}),
    ],
}


def _province_name(province_id: str) -> str:
    from dipdesk.store.reference_data import PROVINCES
    from dipdesk.store.reference_data import province_id as pid

    for code, th, en, _r in PROVINCES:
        if pid(code) == province_id:
            return th if current_language() == "th" else en
    return ""


def _preview_value(key: str, values: dict[str, Any]) -> str:
    value = values.get(key)
    if key == "kind":
        value = value or values.get("_kind_guess")
    if not value:
        return ""
    if key == "national_id":
        return mask_id(str(value))  # PDPA: checked, but not shown in full
    if key == "province_id":
        return _province_name(str(value))
    if key == "phone":
        return format_phone(str(value))
    if key in ("kind", "size"):
        return value_label(value)
    return _cell(value)


class RejectedModel(QAbstractTableModel):
    """Rejected rows: the row number in the file, why, and what the row held."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rejected: list[im.Rejected] = []
        self.table: im.SourceTable | None = None
        self.headers = (self.tr("Row"), self.tr("Why it was not imported"), self.tr("What the row holds"))

    def set_rows(self, table: im.SourceTable, rejected: list[im.Rejected]) -> None:
        self.beginResetModel()
        self.table, self.rejected = table, list(rejected)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rejected)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        r = self.rejected[index.row()]
        if index.column() == 0:
            return str(r.row_number)
        if index.column() == 1:
            return r.reason(current_language())
        assert self.table is not None
        return mask_ids(" · ".join(_cell(v) for v in self.table.rows[r.index] if _cell(v)))

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None


def _rejected_view(model: RejectedModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.verticalHeader().setVisible(False)
    view.setWordWrap(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    view.setColumnWidth(1, 420)
    view.setMinimumHeight(160)
    return view


class ImportWizard(QWizard):
    """Import people (with their enterprises) or enterprises. `ctx_factory(session) -> Context`.

    Non-modal (`show()`); `imported` carries the `ImportResult` once the rows are committed.
    """

    imported = Signal(object)

    def __init__(
        self,
        db: Database,
        ctx_factory: CtxFactory,
        *,
        kind: str = "people",
        activity_id: str | None = None,
        path: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.ctx_factory = ctx_factory
        self.kind = kind
        self.activity_id = activity_id
        self.table: im.SourceTable | None = None
        self.suggestions: dict[str, list[str]] = {}
        self.mapping: list[str] = []
        self.remember = True
        self.checks: list[im.RowCheck] = []
        self.dry_result: im.ImportResult | None = None
        self.result: im.ImportResult | None = None
        self.task: workers.Task | None = None
        self.setWindowTitle(self.tr("Import from Excel or CSV"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)  # the page has its own Stop
        self.resize(980, 700)
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.dry_run_page = DryRunPage(self)
        self.import_page = ImportPage(self)
        for page in (
            self.file_page,
            self.mapping_page,
            self.preview_page,
            self.dry_run_page,
            self.import_page,
        ):
            self.addPage(page)
        if path:
            self.file_page.load(path)

    def reject(self) -> None:
        if self.task is not None:
            self.task.cancel()  # the import rolls back: nothing is kept
        super().reject()

    def save_error_sheet(self, path: str, result: im.ImportResult) -> int:
        """Write the rejected rows (original columns + reason) to `path`; returns how many."""
        assert self.table is not None
        return im.write_error_sheet(path, self.table, result, lang=current_language())

    def choose_error_sheet(self, result: im.ImportResult, label: QLabel) -> None:
        assert self.table is not None
        stem = Path(self.table.path).stem
        suffix = self.tr("to-fix")
        suggested = str(Path(self.table.path).with_name(f"{stem}-{suffix}.xlsx"))
        path, _f = QFileDialog.getSaveFileName(
            self, self.tr("Save the rows to fix"), suggested, "Excel (*.xlsx)"
        )
        if not path:
            return
        try:
            n = self.save_error_sheet(path, result)
        except OSError as exc:
            label.setText(self.tr("Could not save: %1").replace("%1", str(exc)))
            return
        label.setText(
            self.tr("%1 rows saved to %2. Fix them there, save, and import that file again.")
            .replace("%1", str(n))
            .replace("%2", html.escape(path))
        )


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self._loading = False
        self.setTitle(self.tr("1. Choose the file"))
        self.setSubTitle(
            self.tr(
                "An Excel file (.xlsx) or a CSV file: class lists, Google Forms answers, lists from other offices."
            )
        )
        col = QVBoxLayout(self)
        kinds = QHBoxLayout()
        kinds.addWidget(QLabel(self.tr("What the file lists:")))
        self.people = QRadioButton(self.tr("People (with their enterprises)"))
        self.enterprises = QRadioButton(self.tr("Enterprises"))
        group = QButtonGroup(self)
        group.addButton(self.people)
        group.addButton(self.enterprises)
        (self.people if wizard.kind == "people" else self.enterprises).setChecked(True)
        kinds.addWidget(self.people)
        kinds.addWidget(self.enterprises)
        kinds.addStretch(1)
        col.addLayout(kinds)

        row = QHBoxLayout()
        self.path = QLineEdit()
        self.path.setPlaceholderText(self.tr("The file to import"))
        self.browse = QPushButton(self.tr("Choose a file…"))
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        col.addLayout(row)
        self.info = QLabel("")
        self.info.setWordWrap(True)
        col.addWidget(self.info)

        act = QHBoxLayout()
        self.activity_label = QLabel(self.tr("Also enroll everyone in:"))
        act.addWidget(self.activity_label)
        self.activity = QComboBox()
        self.activity.addItem(self.tr("(no activity: only add the people)"), None)
        act.addWidget(self.activity, 1)
        col.addLayout(act)

        tips = NoticeBox(
            self.tr(
                "Any of these work: Excel .xlsx; CSV saved by Excel in Thai Windows or as UTF-8; Google Forms "
                "answers downloaded as CSV. A title above the header row and empty rows are fine. Dates may be "
                "Buddhist-era (15/03/2569) or Christian-era, with Thai or Arabic digits. Nothing is saved until "
                "the last step."
            )
        )
        col.addWidget(tips)
        col.addStretch(1)

        self.browse.clicked.connect(self._choose)
        self.path.editingFinished.connect(lambda: self.load(self.path.text()))
        self.people.toggled.connect(self._kind_changed)
        self._kind_changed()
        workers.run_task(self._activities, on_done=self._show_activities, owner=self)

    def _activities(self, task: workers.Task) -> list[tuple[str, str]]:
        with self.w.db.session() as s:
            rows = s.execute(
                select(Activity.id, Activity.code, Activity.title_th)
                .where(Activity.deleted.is_(False))
                .order_by(Activity.start_date.desc())
                .limit(300)
            ).all()
            items = [(r.id, f"{r.code} — {r.title_th}") for r in rows]
            if self.w.activity_id and self.w.activity_id not in {i for i, _ in items}:
                a = s.get(Activity, self.w.activity_id)
                if a is not None:
                    items.insert(0, (a.id, f"{a.code} — {a.title_th}"))
            return items

    def _show_activities(self, items: list[tuple[str, str]]) -> None:
        for ident, text in items:
            self.activity.addItem(text, ident)
        if self.w.activity_id:
            i = self.activity.findData(self.w.activity_id)
            if i >= 0:
                self.activity.setCurrentIndex(i)

    def _kind_changed(self) -> None:
        self.w.kind = "people" if self.people.isChecked() else "enterprises"
        self.activity.setEnabled(self.w.kind == "people")
        self.activity_label.setEnabled(self.w.kind == "people")
        if self.w.table is not None:
            self.w.mapping = list(self.w.suggestions.get(self.w.kind, []))

    def _choose(self) -> None:
        path, _f = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the file to import"),
            "",
            self.tr("Sheets (*.xlsx *.csv *.txt);;All files (*)"),
        )
        if path:
            self.load(path)

    def load(self, path: str) -> None:
        """Read `path` in a worker (any encoding, the header row found) and guess the columns."""
        path = path.strip()
        if not path or (self.w.table is not None and self.w.table.path == path) or self._loading:
            return
        self.path.setText(path)
        self._loading = True
        self.w.table = None
        self.info.setText(self.tr("Reading the file…"))
        self.completeChanged.emit()

        def read(task: workers.Task) -> _Read:
            table = im.read_table(path)
            with self.w.db.session() as s:
                suggestions = {k: im.suggest_mapping(s, k, table.headers) for k in im.KINDS}
            return _Read(table, suggestions)

        workers.run_task(read, on_done=self._read, on_error=self._failed, owner=self)

    def _read(self, data: _Read) -> None:
        self._loading = False
        t = data.table
        self.w.table, self.w.suggestions = t, data.suggestions
        self.w.mapping = list(data.suggestions[self.w.kind])
        where = []
        if t.sheet:
            where.append(self.tr("sheet “%1”").replace("%1", t.sheet))
        if t.encoding:
            where.append(self.tr("text encoding %1").replace("%1", t.encoding))
        self.info.setStyleSheet("")
        self.info.setText(
            self.tr("Read %1 rows and %2 columns (%3); the header is on row %4.")
            .replace("%1", str(len(t.rows)))
            .replace("%2", str(len(t.headers)))
            .replace("%3", ", ".join(where))
            .replace("%4", str(t.header_row))
        )
        self.completeChanged.emit()

    def _failed(self, exc: BaseException) -> None:
        self._loading = False
        self.info.setStyleSheet(f"color: {theme.colors(theme.current_theme())['danger']}")
        self.info.setText(self.tr("This file cannot be read: %1").replace("%1", error_text(exc)))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.w.table is not None and bool(self.w.table.rows) and not self._loading

    def validatePage(self) -> bool:
        self.w.activity_id = self.activity.currentData() if self.w.kind == "people" else None
        return True


class MappingPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("2. Which column is which"))
        self.setSubTitle(
            self.tr(
                "Guessed from the headers. Change any choice; columns marked “not imported” are left out."
            )
        )
        col = QVBoxLayout(self)
        self.grid = QTableWidget(0, 3)
        self.grid.setHorizontalHeaderLabels(
            [self.tr("Column in the file"), self.tr("Examples"), self.tr("Import as")]
        )
        self.grid.verticalHeader().setVisible(False)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.grid.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        self.grid.verticalHeader().setDefaultSectionSize(38)
        col.addWidget(self.grid, 1)
        self.problems = QLabel("")
        self.problems.setObjectName("errorText")
        self.problems.setWordWrap(True)
        col.addWidget(self.problems)
        self.remember = QCheckBox(self.tr("Remember these choices for files with the same headers"))
        self.remember.setChecked(True)
        col.addWidget(self.remember)
        self.combos: list[QComboBox] = []

    def initializePage(self) -> None:
        t = self.w.table
        assert t is not None
        fields = im.fields_for(self.w.kind)
        lang = current_language()
        self.grid.setRowCount(len(t.headers))
        self.combos = []
        for i, header in enumerate(t.headers):
            self.grid.setItem(i, 0, QTableWidgetItem(header))
            samples = [_cell(r[i]) for r in t.rows if _cell(r[i])][:SAMPLE_VALUES]
            if self.w.kind == "people" and i < len(self.w.mapping) and self.w.mapping[i] == "national_id":
                samples = [mask_id(s) for s in samples]  # PDPA: no full IDs on screen
            example = QTableWidgetItem(" · ".join(samples))
            example.setForeground(QBrush(QColor(theme.colors(theme.current_theme())["mutedTextColor"])))
            self.grid.setItem(i, 1, example)
            combo = QComboBox()
            combo.addItem(self.tr("— not imported —"), im.IGNORE)
            for f in fields:
                combo.addItem(f.label_th if lang == "th" else f.label_en, f.key)
            current = self.w.mapping[i] if i < len(self.w.mapping) else im.IGNORE
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.currentIndexChanged.connect(self._changed)
            self.grid.setCellWidget(i, 2, combo)
            self.combos.append(combo)
        self.grid.resizeColumnToContents(0)
        self.grid.setColumnWidth(0, min(max(self.grid.columnWidth(0), 160), 300))
        self.grid.setColumnWidth(2, 260)
        self._changed()

    def set_field(self, column: int, key: str) -> None:
        """Choose the field of one column (what the combo box does; for tests and shortcuts)."""
        self.combos[column].setCurrentIndex(max(0, self.combos[column].findData(key)))

    def _changed(self, *_args: Any) -> None:
        self.w.mapping = [c.currentData() or im.IGNORE for c in self.combos]
        problems = im.mapping_problems(self.w.kind, self.w.mapping)
        lang = current_language()
        self.problems.setText("<br>".join(th if lang == "th" else en for th, en in problems))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return bool(self.combos) and not im.mapping_problems(self.w.kind, self.w.mapping)

    def validatePage(self) -> bool:
        self.w.remember = self.remember.isChecked()
        return True


class PreviewPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self._ready = False
        self.setTitle(self.tr("3. Preview"))
        self.setSubTitle(
            self.tr("The rows as they were read. Rows in red will not be imported; the reason is given.")
        )
        col = QVBoxLayout(self)
        self.counts = QLabel("")
        self.counts.setWordWrap(True)
        col.addWidget(self.counts)
        self.grid = QTableWidget(0, 0)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.verticalHeader().setVisible(False)
        self.grid.setWordWrap(False)
        col.addWidget(self.grid, 1)
        self.note = QLabel(
            self.tr(
                "Next, a dry run checks the rows against the database (people already there, duplicates) without saving."
            )
        )
        self.note.setObjectName("muted")
        self.note.setWordWrap(True)
        col.addWidget(self.note)

    def initializePage(self) -> None:
        self._ready = False
        self.counts.setText(self.tr("Checking the rows…"))
        self.completeChanged.emit()
        table, mapping, kind = self.w.table, list(self.w.mapping), self.w.kind
        assert table is not None

        def check(task: workers.Task) -> list[im.RowCheck]:
            return im.check_rows(kind, table, mapping)

        workers.run_task(check, on_done=self._checked, on_error=self._failed, owner=self)

    def _checked(self, checks: list[im.RowCheck]) -> None:
        self.w.checks = checks
        kind = self.w.kind
        lang = current_language()
        mapped = set(self.w.mapping)
        shown = [(key, label) for key, label, sources in PREVIEW_FIELDS[kind] if mapped & sources]
        headers = [self.tr("Row"), self.tr("Check result")] + [
            im.field_label(kind, label, lang) for _k, label in shown
        ]
        rows = checks[:PREVIEW_ROWS]
        self.grid.clear()
        self.grid.setColumnCount(len(headers))
        self.grid.setHorizontalHeaderLabels(headers)
        self.grid.setRowCount(len(rows))
        bad_brush = QBrush(QColor(theme.colors(theme.current_theme())["danger"]))
        for r, check in enumerate(rows):
            self.grid.setItem(r, 0, QTableWidgetItem(str(check.row_number)))
            status = QTableWidgetItem(
                "✓" if check.ok else (check.reason_th if lang == "th" else check.reason_en)
            )
            if not check.ok:
                status.setForeground(bad_brush)
                status.setToolTip(status.text())
            self.grid.setItem(r, 1, status)
            for i, (key, label) in enumerate(shown, start=2):
                if check.ok:
                    item = QTableWidgetItem(_preview_value(key, check.values))
                else:  # as typed, so the mistake shows (13-digit IDs still masked)
                    item = QTableWidgetItem(mask_ids(self._raw(check, label)))
                    if key == check.error_field or label == check.error_field:
                        item.setForeground(bad_brush)
                self.grid.setItem(r, i, item)
        self.grid.resizeColumnsToContents()
        for i in range(self.grid.columnCount()):
            self.grid.setColumnWidth(i, min(self.grid.columnWidth(i), 360))
        good = sum(1 for ch in checks if ch.ok)
        text = self.tr("%1 rows read: %2 look right, %3 will not be imported.")
        text = (
            text.replace("%1", str(len(checks)))
            .replace("%2", str(good))
            .replace("%3", str(len(checks) - good))
        )
        if len(checks) > PREVIEW_ROWS:
            text += " " + self.tr("The first %1 are shown.").replace("%1", str(PREVIEW_ROWS))
        self.counts.setText(text)
        self._ready = True
        self.completeChanged.emit()

    def _raw(self, check: im.RowCheck, field_key: str) -> str:
        """The cell a rejected row has for `field_key` (a full name goes in the first-name column)."""
        assert self.w.table is not None
        cells = self.w.table.rows[check.index]
        mapping = self.w.mapping
        if field_key in mapping:
            return _cell(cells[mapping.index(field_key)])
        if field_key == "first_name_th" and "full_name" in mapping:
            return _cell(cells[mapping.index("full_name")])
        return ""

    def _failed(self, exc: BaseException) -> None:
        self.counts.setText(error_text(exc))

    def isComplete(self) -> bool:
        return self._ready and any(ch.ok for ch in self.w.checks)


class _RunPage(QWizardPage):
    """A page that runs the import (dry or real) in a worker, with progress, and shows the outcome."""

    dry_run = True

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.done = False
        self.outcome: im.ImportResult | None = None
        col = QVBoxLayout(self)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        col.addWidget(self.progress)
        row = QHBoxLayout()
        self.status = QLabel("")
        self.status.setWordWrap(True)
        row.addWidget(self.status, 1)
        self.cancel_button = QPushButton(self.tr("Stop"))
        self.cancel_button.hide()
        row.addWidget(self.cancel_button)
        col.addLayout(row)
        self.rejected_title = QLabel(self.tr("Rows not imported"))
        self.rejected_title.setObjectName("sectionTitle")
        col.addWidget(self.rejected_title)
        self.rejected = RejectedModel(self)
        self.view = _rejected_view(self.rejected)
        col.addWidget(self.view, 1)
        save_row = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save these rows to fix in Excel…"))
        save_row.addWidget(self.save_button)
        self.saved_label = QLabel("")
        self.saved_label.setObjectName("muted")
        self.saved_label.setWordWrap(True)
        save_row.addWidget(self.saved_label, 1)
        col.addLayout(save_row)
        self.save_button.clicked.connect(
            lambda: self.outcome is not None and self.w.choose_error_sheet(self.outcome, self.saved_label)
        )
        self.cancel_button.clicked.connect(self.cancel)
        self._show_rejected(False)

    def _show_rejected(self, visible: bool) -> None:
        for w in (self.rejected_title, self.view, self.save_button, self.saved_label):
            w.setVisible(visible)

    def initializePage(self) -> None:
        if self.done and not self.dry_run:
            return
        self.done = False
        self.outcome = None
        self.progress.setValue(0)
        self.saved_label.setText("")
        self._show_rejected(False)
        self.status.setText(
            self.tr("Checking against the database…") if self.dry_run else self.tr("Importing…")
        )
        self.completeChanged.emit()
        db, make, kind = self.w.db, self.w.ctx_factory, self.w.kind
        table, mapping, activity = self.w.table, list(self.w.mapping), self.w.activity_id
        remember, dry = self.w.remember, self.dry_run
        assert table is not None

        def run(task: workers.Task) -> im.ImportResult:
            with db.session() as s:
                return im.run_import(
                    s,
                    make,
                    kind,
                    table,
                    mapping,
                    activity_id=activity,
                    dry_run=dry,
                    remember=remember,
                    progress=lambda done, total: task.report(done, total, ""),
                    cancelled=lambda: task.cancelled,
                )

        self.cancel_button.setVisible(not self.dry_run)
        self.cancel_button.setEnabled(True)
        self.w.task = workers.run_task(
            run, on_done=self._finished, on_error=self._failed, on_progress=self._progress, owner=self
        )

    def cancel(self) -> None:
        if self.w.task is not None:
            self.w.task.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Stopping… nothing will be kept."))

    def _progress(self, done: int, total: int, _text: str) -> None:
        self.progress.setValue(round(100 * done / total) if total else 0)

    def _finished(self, result: im.ImportResult) -> None:
        self.w.task = None
        self.done = True
        self.outcome = result
        if not self.dry_run:
            data_changed(source=self)
        self.progress.setValue(100)
        self.cancel_button.hide()
        self.rejected.set_rows(self.w.table, result.rejected)  # type: ignore[arg-type]
        self._show_rejected(bool(result.rejected))
        self.status.setText(self.summary(result))
        self.completeChanged.emit()

    def summary(self, r: im.ImportResult) -> str:
        if self.dry_run:
            text = self.tr(
                "Dry run, nothing saved. Importing would add %1 new, update %2, leave %3 as they are, "
                "and reject %4 of %5 rows."
            )
        else:
            text = self.tr(
                "Done. Added %1 new, updated %2, %3 already up to date; %4 of %5 rows were not imported."
            )
        text = (
            text.replace("%1", str(r.imported))
            .replace("%2", str(r.updated))
            .replace("%3", str(r.unchanged))
            .replace("%4", str(len(r.rejected)))
            .replace("%5", str(r.read))
        )
        if r.kind == "people" and self.w.activity_id:
            text += " " + self.tr("Newly enrolled in the activity: %1.").replace("%1", str(r.enrolled))
        return text

    def _failed(self, exc: BaseException) -> None:
        self.w.task = None
        self.cancel_button.hide()
        self.done = not self.dry_run  # a failed or cancelled import is over: Finish closes the wizard
        color = theme.colors(theme.current_theme())["danger"]
        self.status.setStyleSheet(f"color: {color}")
        if isinstance(exc, (im.ImportCancelled, workers.Cancelled)):
            self.status.setText(self.tr("Cancelled: nothing was imported."))
        else:
            self.status.setText(self.tr("Nothing was imported: %1").replace("%1", error_text(exc)))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.done


class DryRunPage(_RunPage):
    dry_run = True

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("4. Dry run"))
        self.setSubTitle(self.tr("Everything is checked against the database, and nothing is saved yet."))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Import >"))

    def isComplete(self) -> bool:
        return self.done and self.outcome is not None and self.outcome.accepted > 0


class ImportPage(_RunPage):
    dry_run = False

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("5. Import"))
        self.setSubTitle(
            self.tr(
                "The accepted rows are saved together, or not at all: stopping or a failure leaves nothing half done."
            )
        )
        self.setFinalPage(True)

    def _finished(self, result: im.ImportResult) -> None:
        super()._finished(result)
        self.w.result = result
        self.w.imported.emit(result)
