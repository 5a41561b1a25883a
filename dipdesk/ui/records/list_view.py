"""The list half of a record screen: search box, filters, the lazy table, its count and empty state.

Keyboard: Ctrl+F goes to the search box (Esc there clears it, ↓ or Enter moves into the list), Enter or a
double click opens the selected record, Ctrl+N starts a new one. Searching waits for a pause in typing
(250 ms) so a fast typist does not start a query per key.
"""

from __future__ import annotations

import html
import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QIcon,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPen,
    QPixmap,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dipdesk.services import search
from dipdesk.ui import theme, workers
from dipdesk.ui.flow import FlowLayout
from dipdesk.ui.models.columns import CODES, cell_text, header
from dipdesk.ui.models.lazy import LazyTableModel
from dipdesk.ui.records.ops import error_text
from dipdesk.ui.widgets import NoticeBox, format_number

SEARCH_PAUSE_MS = 250
ROW_HEIGHT = 32
EXCEL_ROW_LIMIT = 1_048_575  # rows in one .xlsx sheet, less the header


@dataclass(frozen=True)
class ListTexts:
    """What a list says, in the user's language (already translated)."""

    count: str  # "%1 people"
    search_hint: str
    empty: str  # nothing recorded yet: what to do (rich text)
    no_match: str  # nothing matches the search or filters: what to do ("%1" = the search text)
    new_label: str = ""  # "New person…" (empty: no New button)
    sheet_title: str = ""


def search_icon(size: int = 16) -> QIcon:
    """A magnifying glass in the theme's text colour, drawn (the icon set has none)."""
    color = QColor(theme.colors(theme.current_theme())["mutedTextColor"])
    icon = QIcon()
    for scale in (1, 2):
        px = QPixmap(size * scale, size * scale)
        px.fill(Qt.GlobalColor.transparent)
        p = QPainter(px)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QPen(color, 1.6 * scale))
        r = size * scale
        p.drawEllipse(int(r * 0.12), int(r * 0.12), int(r * 0.55), int(r * 0.55))
        p.drawLine(int(r * 0.6), int(r * 0.6), int(r * 0.88), int(r * 0.88))
        p.end()
        px.setDevicePixelRatio(scale)
        icon.addPixmap(px)
    return icon


def exports_module() -> Any | None:
    """`dipdesk.services.exports` if it is installed (the export button is hidden otherwise)."""
    try:
        module = importlib.import_module("dipdesk.services.exports")
    except ImportError:
        return None
    return module if hasattr(module, "export_rows") else None


_FIXED_KINDS = frozenset({"date", "id13", "int", "money", "number"})
_FIXED_KEYS = frozenset(
    {"phone", "code", "program", "registration_id", "tsic_code", "size", "fiscal_year", "seq"}
)


_NAME_KEYS = ("name", "name_th", "title_th", "topic", "enterprise", "description")


def _fixed_width(column: Any) -> bool:
    return column.kind in _FIXED_KINDS or column.key in _FIXED_KEYS


class RecordTable(QTableView):
    """The lazy table: fixed row heights (a million rows lay out instantly), sorting by the header."""

    open_requested = Signal(str)

    def __init__(self, model: LazyTableModel, widths: dict[str, int] | None = None) -> None:
        super().__init__()
        self.setModel(model)
        self.lazy = model
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)
        vh = self.verticalHeader()
        vh.setVisible(False)
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(ROW_HEIGHT)
        hh = self.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        hh.setStretchLastSection(False)
        hh.setHighlightSections(False)
        hh.setSortIndicatorShown(True)
        hh.setSortIndicator(
            model.sort_column(),
            Qt.SortOrder.DescendingOrder if model.query.descending else Qt.SortOrder.AscendingOrder,
        )
        self.preferred = [(widths or {}).get(c.key, 120) for c in model.spec.columns]
        # the column that takes the room left: the record's name (the first column that is free text)
        self.stretch_column = next(
            (i for i, c in enumerate(model.spec.columns) if c.key in _NAME_KEYS),
            0,
        )
        self._user_sized = False
        self._fitting = False
        self.optional: list[int] = []  # columns to leave out, in this order, when the window is narrow
        self.left_out: set[int] = set()
        hh.sectionResized.connect(self._section_resized)
        self.setSortingEnabled(True)  # the model sorts in SQL; a column it cannot sort ignores the click
        self.doubleClicked.connect(self._open_index)
        self.fit_columns()

    def fit_columns(self) -> None:
        """Fit the columns to the visible width (until the user resizes one by hand).

        Columns whose text has a set width (dates, IDs, phones, numbers, codes) keep their width; the
        main name column takes what is left; other free text (e-mail, service) gives way first when the
        window is narrow, so a narrow window shortens names, never a date.
        """
        if self._user_sized:
            return
        columns = self.lazy.spec.columns
        for i in self.left_out:  # back in, if there is room for it now
            self.setColumnHidden(i, False)
        self.left_out.clear()
        shown = [i for i in range(len(columns)) if not self.isColumnHidden(i)]
        if not shown:
            return
        stretch = self.stretch_column if self.stretch_column in shown else shown[0]
        available = self.viewport().width() - 2
        for i in self.optional:  # rather than a horizontal scroll bar, leave out the least needed
            if self._least_width(shown, stretch) <= available:
                break
            if i in shown and i != stretch:
                self.setColumnHidden(i, True)
                self.left_out.add(i)
                shown.remove(i)
        fixed = [i for i in shown if i != stretch and _fixed_width(columns[i])]
        free = [i for i in shown if i != stretch and i not in fixed]
        # never narrower than its header ("ลงทะเบียนแล้ว" is wider than its numbers)
        fixed_width = {i: max(self.preferred[i], self._header_width(i)) for i in fixed}
        room = available - sum(fixed_width.values()) - max(180, self.preferred[stretch] // 2)
        wanted = sum(self.preferred[i] for i in free)
        scale = min(1.0, room / wanted) if wanted and room > 0 else (1.0 if wanted == 0 else 0.6)
        self._fitting = True
        used = 0
        for i in fixed + free:
            width = fixed_width[i] if i in fixed else max(90, int(self.preferred[i] * scale))
            self.setColumnWidth(i, width)
            used += width
        self.setColumnWidth(stretch, max(180, available - used))
        self._fitting = False

    def set_optional_columns(self, keys: Sequence[str]) -> None:
        """Columns the list may leave out, first to last, when the window is too narrow for them all
        (the name column keeps at least 180 px; a wider window shows them again)."""
        spec_keys = [c.key for c in self.lazy.spec.columns]
        self.optional = [spec_keys.index(k) for k in keys if k in spec_keys]
        self.fit_columns()

    def _least_width(self, shown: list[int], stretch: int) -> int:
        columns = self.lazy.spec.columns
        width = max(180, self.preferred[stretch] // 2)
        for i in shown:
            if i == stretch:
                continue
            fixed = _fixed_width(columns[i])
            width += max(self.preferred[i], self._header_width(i)) if fixed else 90
        return width

    def _header_width(self, column: int) -> int:
        text = str(self.lazy.headerData(column, Qt.Orientation.Horizontal) or "")
        font = QFont(self.horizontalHeader().font())
        font.setBold(True)  # the theme draws headers bold
        return QFontMetrics(font).horizontalAdvance(text) + 28  # padding and the sort arrow

    def _section_resized(self, _index: int, _old: int, _new: int) -> None:
        if not self._fitting and self.horizontalHeader().underMouse():
            self._user_sized = True

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self.fit_columns()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._open_index(self.currentIndex())
            return
        super().keyPressEvent(event)

    def _open_index(self, index: Any) -> None:
        record_id = self.lazy.row_id(index.row())
        if record_id:
            self.open_requested.emit(record_id)

    def current_id(self) -> str | None:
        index = self.currentIndex()
        return self.lazy.row_id(index.row()) if index.isValid() else None


class RecordList(QWidget):
    """Search, filters, count, New and Export above the lazy table; an empty state instead of it."""

    open_requested = Signal(str)
    new_requested = Signal()

    def __init__(
        self,
        model: LazyTableModel,
        texts: ListTexts,
        *,
        lang: str = "th",
        widths: dict[str, int] | None = None,
        show_search: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.texts = texts
        self.lang = lang
        self.export_task: workers.Task | None = None
        self.filter_widgets: list[QWidget] = []

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(10)
        bar = FlowLayout(spacing=10)  # wraps on a small screen instead of cutting the buttons
        self.search = QLineEdit()
        self.search.setObjectName("listSearch")
        self.search.setPlaceholderText(texts.search_hint)
        self.search.setClearButtonEnabled(True)
        self.search.addAction(search_icon(), QLineEdit.ActionPosition.LeadingPosition)
        self.search.setMinimumWidth(200)
        self.search.setMaxLength(search.MAX_SEARCH_CHARS)
        self.search.textEdited.connect(self._search_typed)
        self.search.installEventFilter(self)
        self.search.setVisible(show_search)
        self.search.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        bar.addWidget(self.search)
        filters = QWidget()
        self.filters_bar = QHBoxLayout(filters)
        self.filters_bar.setContentsMargins(0, 0, 0, 0)
        self.filters_bar.setSpacing(8)
        bar.addWidget(filters)
        if not show_search:
            filters.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.count_label = QLabel()
        self.count_label.setObjectName("muted")
        # "about 17,058 found, counting…" may be squeezed, never widen the page
        self.count_label.setMinimumWidth(60)
        self.count_label.setMaximumWidth(240)
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        bar.addWidget(self.count_label)
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        self.export_button.setToolTip(self.tr("Save the list as it is filtered now to an .xlsx file"))
        self.export_button.clicked.connect(self.export)
        self.export_button.setVisible(exports_module() is not None)
        bar.addWidget(self.export_button)
        self.new_button = QPushButton(texts.new_label)
        self.new_button.setObjectName("primaryButton")
        self.new_button.setToolTip(self.tr("Ctrl+N"))
        self.new_button.clicked.connect(self.new_requested)
        self.new_button.setVisible(bool(texts.new_label))
        bar.addWidget(self.new_button)
        lay.addLayout(bar)

        self.stack = QStackedWidget()
        self.table = RecordTable(model, widths)
        self.table.open_requested.connect(self.open_requested)
        self.stack.addWidget(self.table)
        self.empty_box = NoticeBox()
        empty_page = QWidget()
        empty_lay = QVBoxLayout(empty_page)
        empty_lay.setContentsMargins(0, 0, 0, 0)
        empty_lay.addWidget(self.empty_box)
        empty_lay.addStretch(1)
        self.stack.addWidget(empty_page)
        lay.addWidget(self.stack, 1)
        self.error_box = NoticeBox(error=True)
        self.error_box.hide()
        lay.addWidget(self.error_box)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_PAUSE_MS)
        self._search_timer.timeout.connect(self.apply_search)

        model.count_changed.connect(self._update_count)
        model.first_page_loaded.connect(self._update_count)
        model.load_failed.connect(self._failed)
        model.modelReset.connect(self._update_count)

        self._shortcut(QKeySequence.StandardKey.Find, self.focus_search)
        self._shortcut(QKeySequence.StandardKey.New, self._new_shortcut)
        self._update_count()

    # --- building -----------------------------------------------------------------------------------

    def _shortcut(self, key: QKeySequence | QKeySequence.StandardKey | str, slot: Callable[[], None]) -> None:
        sc = QShortcut(QKeySequence(key), self)
        sc.setContext(Qt.ShortcutContext.WindowShortcut)  # only while this list is on screen
        sc.activated.connect(slot)

    def add_filter(self, widget: QWidget) -> None:
        self.filters_bar.addWidget(widget)
        self.filter_widgets.append(widget)

    # --- searching ----------------------------------------------------------------------------------

    def focus_search(self) -> None:
        if self.search.isVisible():
            self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.search.selectAll()

    def _new_shortcut(self) -> None:
        if self.new_button.isVisible() and self.new_button.isEnabled():
            self.new_requested.emit()

    def _search_typed(self, _text: str) -> None:
        self._search_timer.start()

    def apply_search(self) -> None:
        self._search_timer.stop()
        self.model.set_search(self.search.text().strip())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key == Qt.Key.Key_Escape and self.search.text():
                self.search.clear()
                self.apply_search()
                return True
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self._search_timer.isActive():
                    self.apply_search()
                self.table.setFocus()
                if self.model.rowCount() and not self.table.currentIndex().isValid():
                    self.table.setCurrentIndex(self.model.index(0, 0))
                return True
        return super().eventFilter(watched, event)

    # --- count and empty state ----------------------------------------------------------------------

    def filtered(self) -> bool:
        return bool(self.model.query.search or self.model.query.filters)

    def _update_count(self) -> None:
        m = self.model
        if not m.is_loaded:
            self.count_label.setText(self.tr("Loading…"))
            return
        total = m.total
        if total is not None:
            self.count_label.setText(self.texts.count.replace("%1", format_number(total)))
        elif m.estimate is not None:
            self.count_label.setText(self.tr("about %1, counting…").replace("%1", format_number(m.estimate)))
        else:
            self.count_label.setText(self.tr("%1+, counting…").replace("%1", format_number(m.rowCount())))
        empty = total == 0 or (m.rowCount() == 0 and not m.counting and total is None)
        if empty and m.last_error is None:
            if self.filtered():
                shown = html.escape(m.query.search) if m.query.search else ""
                self.empty_box.set_text(self.texts.no_match.replace("%1", shown))
            else:
                self.empty_box.set_text(self.texts.empty)
            self.stack.setCurrentIndex(1)
        else:
            self.stack.setCurrentIndex(0)
        if m.last_error is None:
            self.error_box.hide()
        self.export_button.setEnabled(bool(total))

    def _failed(self, exc: BaseException) -> None:
        self.error_box.set_text(
            self.tr("The list could not be read from the database: %1").replace(
                "%1", html.escape(error_text(exc, self.lang))
            )
        )
        self.error_box.show()
        self._update_count()

    # --- export -------------------------------------------------------------------------------------

    def ask_export_path(self) -> str:
        """Where to save the export (a file dialog; tests replace this)."""
        title = self.texts.sheet_title or "dipdesk"
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export to Excel"), f"{title}.xlsx", self.tr("Excel workbook (*.xlsx)")
        )
        if path and not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        return path

    def export(self) -> None:
        module = exports_module()
        total = self.model.total
        if module is None or not total:
            return
        if total > EXCEL_ROW_LIMIT:
            self.error_box.set_text(
                self.tr(
                    "%1 rows are more than one Excel sheet holds: search or filter the list first."
                ).replace("%1", format_number(total))
            )
            self.error_box.show()
            return
        path = self.ask_export_path()
        if not path:
            return
        query, spec, db = self.model.query, self.model.spec, self.model.db
        keys = [c.key for c in spec.columns]
        headers = [header(k, spec.name) for k in keys]
        kinds = {c.key: c.kind for c in spec.columns}
        title = self.texts.sheet_title

        def value(key: str, v: Any) -> Any:
            table = "group_kind" if (spec.name, key) == ("groups", "kind") else key
            if isinstance(v, str) and table in CODES:
                return cell_text(spec.name, key, kinds[key], v)
            return v

        def work(task: workers.Task) -> int:
            with db.engine.connect() as conn:
                rows = search.fetch_all(conn, query, check=task.check)
            data = [[value(k, v) for k, v in zip(keys, r[1:], strict=True)] for r in rows]
            return int(
                module.export_rows(path, keys, data, headers_th=headers, sheet_title=title or "dipdesk")
            )

        self.export_button.setEnabled(False)
        self.count_label.setText(self.tr("Exporting…"))
        self.export_task = workers.run_task(
            work, on_done=lambda n: self._exported(path, n), on_error=self._export_failed, owner=self
        )

    def _exported(self, path: str, n: int) -> None:
        self.export_task = None
        self._update_count()
        self.count_label.setText(
            self.tr("%1 rows saved to %2").replace("%1", format_number(n)).replace("%2", path)
        )

    def _export_failed(self, exc: BaseException) -> None:
        self.export_task = None
        self._update_count()
        if not isinstance(exc, workers.Cancelled):
            self.error_box.set_text(
                self.tr("The export failed: %1").replace("%1", html.escape(error_text(exc, self.lang)))
            )
            self.error_box.show()
