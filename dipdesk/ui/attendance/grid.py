"""ลงเวลาเข้าร่วม: the attendance grid of one activity — people down, sessions across.

Made for taking a class's attendance quickly with the keyboard: arrows move, Space ticks or clears the
selected cells, Enter goes down, Ctrl+S saves. Hours attended and whether each person completes (by the
activity's own threshold, `dipdesk.core.attendance`) update as cells are ticked; unsaved cells are
tinted until saved. Saving runs `enrollment.record_attendance` in a worker, in one transaction.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPen,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dipdesk.core.attendance import Completion, Mark
from dipdesk.core.thaidate import format_thai_date
from dipdesk.services import enrollment as es
from dipdesk.services.exports import export_rows
from dipdesk.ui import theme, workers
from dipdesk.ui.attendance.add_day import AddDayDialog
from dipdesk.ui.attendance.card_reader import attach_to_grid
from dipdesk.ui.attendance.context import CtxFactory
from dipdesk.ui.attendance.enroll_dialog import EnrollmentDialog, error_text
from dipdesk.ui.attendance.signin_box import SignInBox
from dipdesk.ui.changes import data_changed
from dipdesk.ui.db import Database
from dipdesk.ui.dialogs import confirm
from dipdesk.ui.i18n import current_language
from dipdesk.ui.labels import value_label
from dipdesk.ui.widgets import NoticeBox, format_date

_Index = QModelIndex | QPersistentModelIndex
FIXED_COLUMNS = 2  # name, enterprise
TAIL_COLUMNS = 3  # hours, percent, result


def _hours(value: Decimal) -> str:
    text = f"{value.normalize():f}" if value == value.to_integral_value() else f"{value:.1f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


class AttendanceModel(QAbstractTableModel):
    """The sheet plus the unsaved marks; session cells are checkable."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sheet: es.AttendanceSheet | None = None
        self.pending: dict[tuple[str, str], bool] = {}
        self.read_only = False

    # --- data in and out ---------------------------------------------------------------------------

    def set_sheet(self, sheet: es.AttendanceSheet) -> None:
        self.beginResetModel()
        self.sheet = sheet
        self.pending = {}
        self.endResetModel()
        self.changed.emit()

    @property
    def sessions(self) -> list[es.SheetSession]:
        return self.sheet.sessions if self.sheet else []

    @property
    def rows(self) -> list[es.SheetRow]:
        return self.sheet.rows if self.sheet else []

    def session_at(self, column: int) -> es.SheetSession | None:
        i = column - FIXED_COLUMNS
        return self.sessions[i] if 0 <= i < len(self.sessions) else None

    def is_session_column(self, column: int) -> bool:
        return self.session_at(column) is not None

    def marks(self, row: es.SheetRow) -> dict[str, Mark]:
        """The row's marks with the unsaved changes applied."""
        marks = dict(row.marks)
        for s in self.sessions:
            key = (row.enrollment_id, s.id)
            if key in self.pending:
                marks[s.id] = Mark(self.pending[key])
        return marks

    def present(self, row: es.SheetRow, session_id: str) -> bool:
        key = (row.enrollment_id, session_id)
        if key in self.pending:
            return self.pending[key]
        mark = row.marks.get(session_id)
        return bool(mark and mark.present)

    def completion(self, row: es.SheetRow) -> Completion:
        assert self.sheet is not None
        return self.sheet.completion(row, self.marks(row))

    def set_present(self, row_index: int, session_id: str, present: bool) -> None:
        row = self.rows[row_index]
        key = (row.enrollment_id, session_id)
        saved = row.marks.get(session_id)
        if saved is not None and saved.present == present and saved.hours in (None, self._full(session_id)):
            self.pending.pop(key, None)
        elif saved is None and not present:
            self.pending.pop(key, None)  # not taken and still not there: nothing to record yet
        else:
            self.pending[key] = present
        col = FIXED_COLUMNS + [s.id for s in self.sessions].index(session_id)
        self.dataChanged.emit(self.index(row_index, col), self.index(row_index, col))
        last = self.columnCount() - 1
        self.dataChanged.emit(self.index(row_index, last - TAIL_COLUMNS + 1), self.index(row_index, last))
        self.changed.emit()

    def _full(self, session_id: str) -> Decimal:
        for s in self.sessions:
            if s.id == session_id:
                return s.hours
        return Decimal(0)

    def toggle(self, indexes: list[QModelIndex]) -> None:
        """Space: tick every selected session cell, or clear them all if the current one is ticked."""
        cells = [
            (i.row(), self.session_at(i.column())) for i in indexes if self.is_session_column(i.column())
        ]
        cells = [(r, s) for r, s in cells if s is not None]
        if not cells or self.read_only:
            return
        r0, s0 = cells[0]
        target = not self.present(self.rows[r0], s0.id)
        for r, s in cells:
            self.set_present(r, s.id, target)

    def mark_column(self, column: int, present: bool = True) -> int:
        """Everyone (not dropped) present at this session; returns how many cells changed."""
        s = self.session_at(column)
        if s is None or self.read_only:
            return 0
        n = 0
        for r, row in enumerate(self.rows):
            if row.status != "dropped" and self.present(row, s.id) != present:
                self.set_present(r, s.id, present)
                n += 1
        return n

    def changes(self) -> dict[tuple[str, str], bool]:
        return dict(self.pending)

    # --- Qt model ----------------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return (
            0 if parent.isValid() or self.sheet is None else FIXED_COLUMNS + len(self.sessions) + TAIL_COLUMNS
        )

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.is_session_column(index.column()) and not self.read_only:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        col = index.column()
        s = self.session_at(col)
        if s is not None:
            key = (row.enrollment_id, s.id)
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if self.present(row, s.id) else Qt.CheckState.Unchecked
            if role == MARK_ROLE:
                if self.present(row, s.id):
                    return "present"
                saved = row.marks.get(s.id)
                return "absent" if key in self.pending or (saved is not None and not saved.present) else ""
            if role == Qt.ItemDataRole.BackgroundRole and key in self.pending:
                return QBrush(QColor("#fff3c4" if theme.current_theme() == "light" else "#5c4b12"))
            if role == Qt.ItemDataRole.ToolTipRole:
                mark = row.marks.get(s.id)
                if key in self.pending:
                    return self.tr("Not saved yet")
                if mark is None:
                    return self.tr("Not taken yet")
                if mark.present and mark.hours is not None and mark.hours < s.hours:
                    return (
                        self.tr("Present for %1 of %2 hours")
                        .replace("%1", _hours(mark.hours))
                        .replace("%2", _hours(s.hours))
                    )
                return self.tr("Present") if mark.present else self.tr("Absent")
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return Qt.AlignmentFlag.AlignCenter
            return None
        tail = col - FIXED_COLUMNS - len(self.sessions)
        if role == Qt.ItemDataRole.DisplayRole or role == Qt.ItemDataRole.ToolTipRole:
            if col == 0:
                return row.name
            if col == 1:
                return row.enterprise
            state = self.completion(row)
            if tail == 0:
                return _hours(state.attended)
            if tail == 1:
                return f"{state.percent:.0f}%"
            return self._result_text(row, state)
        if role == RESULT_ROLE and tail == 2:
            return (
                "dropped"
                if row.status == "dropped"
                else "complete"
                if self.completion(row).complete
                else "short"
            )
        if role == Qt.ItemDataRole.ForegroundRole and tail == 2:
            state = self.completion(row)
            c = theme.colors(theme.current_theme())
            if row.status == "dropped":
                return QBrush(QColor(c["mutedTextColor"]))
            return QBrush(QColor(c["success"] if state.complete else c["danger"]))
        if role == Qt.ItemDataRole.ForegroundRole and row.status == "dropped":
            return QBrush(QColor(theme.colors(theme.current_theme())["mutedTextColor"]))
        if role == Qt.ItemDataRole.TextAlignmentRole and tail in (0, 1):
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def _result_text(self, row: es.SheetRow, state: Completion) -> str:
        if row.status == "dropped":
            return value_label("dropped")
        if state.complete:
            return self.tr("Completes")
        return self.tr("Not yet complete (%1 h short)").replace("%1", _hours(state.missing))

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        s = self.session_at(index.column())
        if role != Qt.ItemDataRole.CheckStateRole or s is None or self.read_only:
            return False
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2, True)
        self.set_present(index.row(), s.id, checked)
        return True

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1) if role == Qt.ItemDataRole.DisplayRole else None
        s = self.session_at(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if section == 0:
                return self.tr("Full name")
            if section == 1:
                return self.tr("Enterprise")
            if s is not None:
                day = (
                    format_thai_date(s.day, "short")
                    if current_language() == "th"
                    else s.day.strftime("%d %b")
                )
                return (
                    self.tr("Day %1 · %3 h\n%2")
                    .replace("%1", str(s.seq))
                    .replace("%2", day)
                    .replace("%3", _hours(s.hours))
                )
            tail = section - FIXED_COLUMNS - len(self.sessions)
            return (self.tr("Hours"), self.tr("Percent"), self.tr("Result"))[tail]
        if role == Qt.ItemDataRole.ToolTipRole and s is not None:
            return f"{format_date(s.day)} — {s.topic}" if s.topic else format_date(s.day)
        return None


MARK_ROLE = Qt.ItemDataRole.UserRole + 1  # "present" | "absent" | "" (not taken)
RESULT_ROLE = Qt.ItemDataRole.UserRole + 2  # "complete" | "short" | "dropped" (the result column)


class MarkDelegate(QStyledItemDelegate):
    """A session cell as a large mark: a green tick when present, a muted cross when recorded absent,
    an empty box when not taken yet. A click toggles it (the keyboard does it in the view)."""

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        state = index.data(MARK_ROLE)
        if state is None:  # not a session cell
            result = index.data(RESULT_ROLE)
            if result is None:
                super().paint(painter, option, index)
            else:
                self._paint_result(painter, option, index, result)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.features &= ~QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, opt.widget)
        c = theme.colors(theme.current_theme())
        size = min(opt.rect.height() - 10, 24)
        box = QRectF(opt.rect.center().x() - size / 2, opt.rect.center().y() - size / 2, size, size)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if state == "present":
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(c["success"]))
            painter.drawRoundedRect(box, 5, 5)
            pen = QPen(QColor("#ffffff"), 2.6)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(pen)
            x, y, s = box.x(), box.y(), size
            painter.drawPolyline(
                [
                    QPointF(x + s * 0.25, y + s * 0.52),
                    QPointF(x + s * 0.43, y + s * 0.70),
                    QPointF(x + s * 0.76, y + s * 0.32),
                ]
            )
        elif state == "absent":
            painter.setPen(QColor(c["danger"]))
            painter.drawText(opt.rect, Qt.AlignmentFlag.AlignCenter, self.tr("absent"))
        else:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(QColor(c["mutedTextColor"]), 1.2))
            painter.drawRoundedRect(box, 5, 5)
        painter.restore()

    def _paint_result(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
        result: str,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        c = theme.colors(theme.current_theme())
        color = {"complete": c["success"], "short": c["danger"]}.get(result, c["mutedTextColor"])
        painter.save()
        font = QFont(opt.font)
        font.setBold(result == "complete")
        painter.setFont(font)
        painter.setPen(QColor(color))
        painter.drawText(
            opt.rect.adjusted(8, 0, -4, 0), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text
        )
        painter.restore()

    def editorEvent(
        self,
        event: QEvent,
        model: QAbstractItemModel,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        if index.data(MARK_ROLE) is None:
            return super().editorEvent(event, model, option, index)
        release = event.type() == QEvent.Type.MouseButtonRelease and isinstance(event, QMouseEvent)
        if (
            release
            and event.button() == Qt.MouseButton.LeftButton  # type: ignore[attr-defined]
            and option.rect.contains(event.position().toPoint())  # type: ignore[attr-defined]
        ):
            checked = index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
            new = Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked
            return model.setData(index, new, Qt.ItemDataRole.CheckStateRole)
        # a double click is two toggles, not an editor
        return event.type() == QEvent.Type.MouseButtonDblClick


class AttendanceTable(QTableView):
    """The grid's view: Space toggles the selected cells, Enter moves down."""

    def __init__(self, model: AttendanceModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.att = model
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(True)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setDefaultSectionSize(34)
        self.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(False)
        self.marks_delegate = MarkDelegate(self)
        self.setItemDelegate(self.marks_delegate)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Space, Qt.Key.Key_Select):
            selected = self.selectedIndexes() or [self.currentIndex()]
            self.att.toggle(selected)
            event.accept()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            cur = self.currentIndex()
            if cur.isValid() and cur.row() + 1 < self.att.rowCount():
                nxt = self.att.index(cur.row() + 1, cur.column())
                self.setCurrentIndex(nxt)
                self.selectionModel().select(nxt, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            event.accept()
            return
        super().keyPressEvent(event)


@dataclass
class _Loaded:
    sheet: es.AttendanceSheet


class AttendanceGrid(QWidget):
    """The attendance of one activity: embed it, or show it as its own window.

    `ctx_factory(session) -> Context` acts as the logged-in user (see `context.py`). `saved` carries the
    `AttendanceResult` of each save; `ready` fires when the sheet has been loaded.
    """

    saved = Signal(object)
    ready = Signal()

    def __init__(
        self, db: Database, ctx_factory: CtxFactory, activity_id: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.ctx_factory = ctx_factory
        self.activity_id = activity_id
        self.is_ready = False
        self._saving = False
        self._dialog: QWidget | None = None
        self.setWindowTitle(self.tr("Attendance"))
        self.resize(1100, 700)

        col = QVBoxLayout(self)
        col.setContentsMargins(16, 14, 16, 14)
        self.title = QLabel("…")
        self.title.setObjectName("sectionTitle")
        self.title.setWordWrap(True)
        col.addWidget(self.title)
        self.rule = QLabel("")
        self.rule.setObjectName("muted")
        self.rule.setWordWrap(True)
        col.addWidget(self.rule)
        self.card_bar = attach_to_grid(self, col.count())  # a Thai ID card tap checks in for today
        self.signin_box = SignInBox(self)  # barcode sign-in: print the day's sheet, scan its codes
        col.addWidget(self.signin_box)

        bar = QHBoxLayout()
        self.add_people = QPushButton(self.tr("Add people…"))
        self.import_list = QPushButton(self.tr("Import a class list…"))
        self.add_day = QPushButton(self.tr("Add a training day…"))
        self.all_present = QPushButton(self.tr("Everyone present this day"))
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        self.save_button = QPushButton(self.tr("Save attendance"))
        self.save_button.setDefault(True)
        for b in (self.add_people, self.import_list, self.add_day, self.all_present):
            bar.addWidget(b)
        bar.addStretch(1)
        bar.addWidget(self.export_button)
        bar.addWidget(self.save_button)
        col.addLayout(bar)

        self.empty = NoticeBox()
        self.empty.hide()
        col.addWidget(self.empty)
        self.model = AttendanceModel(self)
        self.table = AttendanceTable(self.model)
        col.addWidget(self.table, 1)
        col.addStretch(0)  # while the table is hidden (empty state) the room goes below, not between rows
        foot = QHBoxLayout()
        self.summary = QLabel("")
        self.summary.setWordWrap(True)
        foot.addWidget(self.summary, 1)
        self.keys_hint = QLabel(
            self.tr("Arrows move · Space ticks or clears · Enter goes down · Ctrl+S saves")
        )
        self.keys_hint.setObjectName("muted")
        foot.addWidget(self.keys_hint)
        col.addLayout(foot)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        col.addWidget(self.message)

        self.model.changed.connect(self._update_summary)
        self.save_button.clicked.connect(self.save)
        self.all_present.clicked.connect(self.mark_current_day)
        self.add_people.clicked.connect(self.open_enrollment)
        self.import_list.clicked.connect(self.open_import)
        self.add_day.clicked.connect(self.open_add_day)
        self.export_button.clicked.connect(self._choose_export)
        save = QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)  # embedded: not the host's Ctrl+S
        self.reload()

    # --- loading -----------------------------------------------------------------------------------

    def reload(self) -> None:
        def load(task: workers.Task) -> _Loaded:
            with self.db.session() as s:
                return _Loaded(es.attendance_sheet(s, self.activity_id))

        workers.run_task(load, on_done=self._loaded, on_error=self._load_failed, owner=self)

    def _loaded(self, data: _Loaded) -> None:
        sheet = data.sheet
        current = self.table.currentIndex()
        self.model.set_sheet(sheet)
        self.title.setText(f"{sheet.title} ({sheet.code})")
        total = sum((s.hours for s in sheet.sessions), Decimal(0)) if sheet.sessions else sheet.planned_hours
        need = total * sheet.threshold / 100
        self.rule.setText(
            self.tr("Completes with at least %1% of the %2 hours (%3 hours), the rule set for this activity.")
            .replace("%1", str(sheet.threshold))
            .replace("%2", _hours(total))
            .replace("%3", _hours(need))
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(0, min(self.table.columnWidth(0), 240))
        self.table.setColumnWidth(1, min(self.table.columnWidth(1), 170))
        for c in range(FIXED_COLUMNS, FIXED_COLUMNS + len(sheet.sessions)):
            self.table.setColumnWidth(c, max(104, self.table.columnWidth(c)))
        header.setMinimumHeight(56)
        header.setStretchLastSection(True)
        self._show_empty_state(sheet)
        if current.isValid() and current.row() < self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(current.row(), current.column()))
        elif sheet.rows and sheet.sessions:
            self.table.setCurrentIndex(self.model.index(0, FIXED_COLUMNS))
        self.table.setFocus()
        if not self.is_ready:
            self.is_ready = True
            self.ready.emit()

    def _load_failed(self, exc: BaseException) -> None:
        self._set_message(
            self.tr("The attendance could not be loaded: %1").replace("%1", error_text(exc)), error=True
        )
        if not self.is_ready:
            self.is_ready = True
            self.ready.emit()

    def _show_empty_state(self, sheet: es.AttendanceSheet) -> None:
        texts = []
        if not sheet.sessions:
            texts.append(
                self.tr(
                    "This activity has no training days yet: press <b>Add a training day…</b> for each day."
                )
            )
        if not sheet.rows:
            texts.append(
                self.tr(
                    "Nobody is enrolled yet: press <b>Add people…</b> to find or add them one by one, or "
                    "<b>Import a class list…</b> to read them from an Excel or CSV file."
                )
            )
        self.empty.set_text("<br>".join(texts))
        self.empty.setVisible(bool(texts))
        self.table.setVisible(bool(sheet.rows) and bool(sheet.sessions))
        self.all_present.setEnabled(bool(sheet.rows) and bool(sheet.sessions))

    def _update_summary(self) -> None:
        rows = [r for r in self.model.rows if r.status != "dropped"]
        done = sum(1 for r in rows if self.model.completion(r).complete)
        text = self.tr("%1 of %2 people complete").replace("%1", str(done)).replace("%2", str(len(rows)))
        dropped = len(self.model.rows) - len(rows)
        if dropped:
            text += " · " + self.tr("%1 dropped").replace("%1", str(dropped))
        unsaved = len(self.model.pending)
        if unsaved:
            text += " · <b>" + self.tr("%1 unsaved changes").replace("%1", str(unsaved)) + "</b>"
        self.summary.setText(text)
        self.save_button.setEnabled(bool(unsaved) and not self._saving)

    def _set_message(self, text: str, *, error: bool = False) -> None:
        c = theme.colors(theme.current_theme())
        self.message.setStyleSheet(f"color: {c['danger'] if error else c['success']}")
        self.message.setText(text)

    # --- taking attendance -------------------------------------------------------------------------

    def mark_current_day(self) -> None:
        cur = self.table.currentIndex()
        column = (
            cur.column() if cur.isValid() and self.model.is_session_column(cur.column()) else FIXED_COLUMNS
        )
        self.model.mark_column(column, True)

    def has_unsaved_changes(self) -> bool:
        return bool(self.model.pending)

    def future_days_marked(self, today: dt.date | None = None) -> list[Any]:
        """The training days after today that the unsaved changes mark someone present on."""
        today = today or dt.date.today()
        marked = {sid for (_eid, sid), present in self.model.changes().items() if present}
        return [s for s in self.model.sessions if s.id in marked and s.day > today]

    def save(self) -> None:
        marks = self.model.changes()
        if not marks or self._saving:
            return
        future = self.future_days_marked()
        if future and not confirm(
            self,
            self.tr("A day that has not come yet"),
            self.tr(
                "%1 is after today: nobody can have attended it yet. Save attendance for it anyway?"
            ).replace("%1", ", ".join(format_date(s.day) for s in future)),
            self.tr("Save anyway"),
        ):
            self._set_message(self.tr("Not saved: the changes are still here to correct."), error=True)
            return
        self._saving = True
        self.model.read_only = True
        self.save_button.setEnabled(False)
        self._set_message(self.tr("Saving…"))

        def write(task: workers.Task) -> es.AttendanceResult:
            with self.db.session() as s:
                ctx = self.ctx_factory(s)
                result = es.record_attendance(ctx, self.activity_id, marks)
                s.commit()
                return result

        workers.run_task(write, on_done=self._saved, on_error=self._save_failed, owner=self)

    def _saved(self, result: es.AttendanceResult) -> None:
        self._saving = False
        self.model.read_only = False
        n = result.created + result.changed
        text = self.tr("Saved %1 marks.").replace("%1", str(n))
        if result.completed:
            text += " " + self.tr("%1 now complete.").replace("%1", str(len(result.completed)))
        if result.reopened:
            text += " " + self.tr("%1 no longer complete.").replace("%1", str(len(result.reopened)))
        self._set_message(text)
        self.saved.emit(result)
        data_changed("attendance", "enrollments", source=self)
        self.reload()

    def _save_failed(self, exc: BaseException) -> None:
        self._saving = False
        self.model.read_only = False
        self._set_message(self.tr("Nothing was saved: %1").replace("%1", error_text(exc)), error=True)
        self._update_summary()

    # --- other windows -----------------------------------------------------------------------------

    def open_enrollment(self) -> EnrollmentDialog:
        dialog = EnrollmentDialog(self.db, self.ctx_factory, self.activity_id, self)
        dialog.enrolled.connect(lambda _ids: self.reload())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self._dialog = dialog
        return dialog

    def open_import(self) -> QWidget:
        from dipdesk.ui.importer import ImportWizard

        wizard = ImportWizard(
            self.db, self.ctx_factory, kind="people", activity_id=self.activity_id, parent=self
        )
        wizard.imported.connect(lambda _r: self.reload())
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.show()
        self._dialog = wizard
        return wizard

    def open_add_day(self) -> AddDayDialog:
        dialog = AddDayDialog(self.db, self.ctx_factory, self.activity_id, self)
        sheet, days = self.model.sheet, [s.day for s in self.model.sessions]
        if sheet is not None and sheet.start_date is not None and sheet.end_date is not None:
            # the day after the last (most courses run on consecutive days), within the activity's dates
            after = es.next_session_day(sheet.start_date, sheet.end_date, days)
            if after is None:  # every day has its training day: say so rather than offer a wrong day
                dialog.error.setText(
                    self.tr(
                        "Every day of this activity (%1 – %2) already has a training day. For one more "
                        "day, first change the activity's end date."
                    )
                    .replace("%1", format_date(sheet.start_date))
                    .replace("%2", format_date(sheet.end_date))
                )
        elif days:
            after = max(days) + dt.timedelta(days=1)
        else:
            after = None
        if after is not None:
            dialog.day.setText(format_thai_date(after, "numeric"))
        dialog.added.connect(self.reload)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self._dialog = dialog
        return dialog

    # --- export ------------------------------------------------------------------------------------

    def _choose_export(self) -> None:
        name = f"{self.model.sheet.code if self.model.sheet else 'attendance'}.xlsx"
        path, _f = QFileDialog.getSaveFileName(self, self.tr("Export attendance"), name, "Excel (*.xlsx)")
        if path:
            self.export(path)

    def export(self, path: str) -> int:
        """Write the grid as shown (unsaved marks included) to an .xlsx with Thai headers."""
        sessions = self.model.sessions
        columns = ["name", "enterprise", *[f"s{s.seq}" for s in sessions], "hours", "percent", "result"]
        headers = [self.tr("Full name"), self.tr("Enterprise")]
        headers += [
            self.tr("Day %1 (%2)").replace("%1", str(s.seq)).replace("%2", format_date(s.day))
            for s in sessions
        ]
        headers += [self.tr("Hours"), self.tr("Percent of hours"), self.tr("Result")]
        rows = []
        for row in self.model.rows:
            state = self.model.completion(row)
            cells: list[Any] = [row.name, row.enterprise]
            cells += [self.model.present(row, s.id) for s in sessions]
            cells += [state.attended, float(state.percent), self.model._result_text(row, state)]
            rows.append(cells)
        title = self.title.text()
        return export_rows(
            path, columns, rows, headers_th=headers, title=title, sheet_title=self.tr("Attendance")
        )
