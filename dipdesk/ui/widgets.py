"""Small widgets the pages share: figure cards, empty-state and error boxes, a read-only rows table."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStyle,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dipdesk.core.kpi import format_baht
from dipdesk.core.phone import format_phone
from dipdesk.core.thaidate import format_thai_date
from dipdesk.ui import icons, theme
from dipdesk.ui.flow import CardGrid
from dipdesk.ui.i18n import current_language
from dipdesk.ui.labels import column_label, value_label

_Index = QModelIndex | QPersistentModelIndex


def lay_out_now() -> None:
    """Lay out now, not at Qt's next layout pass, what changed texts asked for. A paint in between (a
    window exposed, the main window just after log-in; a progress bar, which repaints at once when its
    value is set) draws new texts in their old places: a right-aligned figure wider than its placeholder
    shows cut on the left ("33.85" for 1,733.85). Each widget with a layout of its own has its request
    queued, and handling one can queue its parent's."""
    for _ in range(8):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)


def format_number(n: int | None) -> str:
    return "–" if n is None else f"{n:,}"


def format_date(d: dt.date | dt.datetime | None, lang: str | None = None) -> str:
    """Screens show Buddhist-era dates: `12 มี.ค. 2563`; English `12 Mar 2563 BE` keeps the BE year."""
    if d is None:
        return ""
    if isinstance(d, dt.datetime):
        d = d.date()
    lang = lang or current_language()
    if lang == "th":
        return format_thai_date(d, "medium")
    return f"{d.day} {d.strftime('%b')} {d.year + 543}"


def format_stamp(text: str, lang: str | None = None) -> str:
    """An ISO time kept as text (e.g. the last sync) as a BE date; unreadable text is shown as it is."""
    try:
        return format_date(dt.datetime.fromisoformat(text), lang)
    except ValueError:
        return text


def format_value(key: str, value: Any) -> str:
    """A cell as text: dates in BE, money with two decimals, codes (states, kinds) in words."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "✓" if value else ""
    if isinstance(value, (dt.date, dt.datetime)):
        return format_date(value)
    if isinstance(value, Decimal):
        return format_baht(value) if key in ("budget", "fee", "fee_total") else f"{value.normalize():f}"
    if isinstance(value, int):
        return str(value) if key in ("cohort", "fiscal_year", "seq") else f"{value:,}"
    if key in ("phone", "contact_phone") and value:
        return format_phone(str(value))
    return value_label(value)


def card_grid(cards: Sequence[QWidget], *, per_row: int = 4, min_height: int = 0) -> CardGrid:
    """The row (or rows) of figure cards at the top of a page: `per_row` abreast where there is room,
    fewer in more rows on a narrow screen (`dipdesk.ui.flow.CardGrid`)."""
    grid = CardGrid(per_row=per_row, spacing=14)
    for card in cards:
        if min_height:
            card.setMinimumHeight(min_height)
        grid.addWidget(card)
    return grid


class StatCard(QFrame):
    """A figure with its caption: `1,234` over `People`."""

    def __init__(self, title: str, note: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statCard")
        self.setMinimumWidth(150)  # four abreast on 1024 logical pixels (1280×720 at 125 %)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 12, 16, 12)
        lay.setSpacing(2)
        self.value_label = QLabel("…")
        self.value_label.setObjectName("statValue")
        self.title_label = QLabel(title)
        self.title_label.setObjectName("statTitle")
        self.title_label.setWordWrap(True)
        self.note_label = QLabel(note)
        self.note_label.setObjectName("statNote")
        self.note_label.setWordWrap(True)
        self.note_label.setVisible(bool(note))
        lay.addWidget(self.value_label)
        lay.addWidget(self.title_label)
        lay.addWidget(self.note_label)
        lay.addStretch(1)

    def set_value(self, value: str, note: str | None = None, *, textual: bool = False) -> None:
        """`textual`: words rather than a figure ("never", an address), set a little smaller."""
        self.value_label.setText(value)
        if bool(self.value_label.property("textual")) != textual:
            self.value_label.setProperty("textual", textual)
            self.value_label.style().unpolish(self.value_label)
            self.value_label.style().polish(self.value_label)
        if note is not None:
            self.note_label.setText(note)
            self.note_label.setVisible(bool(note))


class NoticeBox(QFrame):
    """A framed message with an icon: the empty state ("not built yet", "no records") or an error."""

    def __init__(self, text: str = "", icon_name: str = "info", *, error: bool = False) -> None:
        super().__init__()
        self.setObjectName("errorState" if error else "emptyState")
        self._icon_name = "warning" if error else icon_name
        self._error = error
        lay = QHBoxLayout(self)
        lay.setContentsMargins(16, 14, 16, 14)
        lay.setSpacing(14)
        self.icon_label = QLabel()
        self.icon_label.setFixedSize(32, 32)
        self.text_label = QLabel(text)
        self.text_label.setWordWrap(True)
        self.text_label.setTextFormat(Qt.TextFormat.RichText)
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.icon_label, 0, Qt.AlignmentFlag.AlignTop)
        lay.addWidget(self.text_label, 1)
        self._recolor(theme.current_theme())
        theme.notifier.changed.connect(self._recolor)

    def _recolor(self, name: str) -> None:
        c = theme.colors(name)
        self.icon_label.setPixmap(
            icons.render(self._icon_name, 32, c["danger" if self._error else "primaryColor"])
        )

    def set_text(self, text: str) -> None:
        self.text_label.setText(text)


class RowsModel(QAbstractTableModel):
    """Read-only rows (dicts) for a table view; the page runs the query in a worker."""

    def __init__(self, columns: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[dict[str, Any]] = []

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        key = self.columns[index.column()]
        return format_value(key, self.rows[index.row()].get(key))

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return column_label(self.columns[section])
        return str(section + 1)


def style_read_only_table(view: QTableView) -> None:
    """The house look of a read-only list: whole rows selected, banded, no row numbers, left headers."""
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(32)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


class EmptyNote(QLabel):
    """A muted line in the middle of an empty list ("nothing is due"), so an empty table does not look
    like one that failed to load. It follows the model: shown while the view has no rows."""

    def __init__(self, view: QAbstractItemView, text: str) -> None:
        super().__init__(text, view.viewport())
        self.view = view
        self.setObjectName("muted")
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        view.viewport().installEventFilter(self)
        model = view.model()
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.layoutChanged):
            signal.connect(self.follow)
        self.follow()

    def follow(self, *_: Any) -> None:
        empty = self.view.model().rowCount() == 0
        if empty:
            self.setGeometry(self.view.viewport().rect().adjusted(16, 0, -16, 0))
        self.setVisible(empty)

    def eventFilter(self, watched: Any, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.follow()
        return False


class RowsTable(QTableView):
    """A compact, read-only table of a page's first records."""

    def __init__(self, columns: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows_model = RowsModel(columns, self)
        self.setModel(self.rows_model)
        style_read_only_table(self)
        self.setMinimumHeight(260)

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.rows_model.set_rows(rows)
        self.resizeColumnsToContents()
        for col in range(self.rows_model.columnCount()):
            if self.columnWidth(col) > 280:
                self.setColumnWidth(col, 280)


class ElidedLabel(QLabel):
    """A one-line label that gives up room gracefully: it shrinks with "…" (the whole text in its
    tooltip) instead of clipping Thai mid-word or pushing the window wider than a small screen."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        # its natural width when there is room, down to a few characters when there is not
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setText(text)

    def setText(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self.updateGeometry()  # a new natural width
        self._elide()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.updateGeometry()  # the theme's font arrives after construction: measure again
            self._elide()

    def text(self) -> str:
        """The whole text (what is painted may be shortened with "…")."""
        return self._full

    def shown_text(self) -> str:
        return super().text()

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        chrome = self.width() - self.contentsRect().width()  # padding and frame from the theme
        return QSize(self.fontMetrics().horizontalAdvance(self._full) + max(chrome, 0) + 10, hint.height())

    def minimumSizeHint(self) -> QSize:
        return QSize(min(80, self.sizeHint().width()), super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        width = max(0, self.contentsRect().width() - 2)
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, width)
        super().setText(shown if self.width() > 0 else self._full)


class ElidedButton(QPushButton):
    """A push button whose text is shortened with "…" past a width limit; `text()` gives all of it."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self._limit = 10_000
        self.setText(text)

    def set_limit(self, pixels: int) -> None:
        self._limit = pixels
        self.setText(self._full)

    def setText(self, text: str) -> None:
        self._full = text
        shown = self.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, self._limit)
        super().setText(shown)
        self.setToolTip(text if shown != text else self.toolTip())

    def text(self) -> str:
        return self._full


class _TabLabels(QObject):
    """Keeps a tab bar's labels whole where they fit and short where they don't (see `tabs_in_sight`)."""

    def __init__(self, tabs: QTabWidget, full: Sequence[str], short: Sequence[str]) -> None:
        super().__init__(tabs)
        self._tabs, self._full, self._short = tabs, list(full), list(short)
        tabs.installEventFilter(self)
        self.fit()

    def _needed(self, labels: Sequence[str]) -> int:
        """The bar's width with `labels`: each tab's size hint less its current text plus the new one."""
        bar = self._tabs.tabBar()
        metrics = bar.fontMetrics()
        return sum(
            bar.tabSizeHint(i).width()
            - metrics.horizontalAdvance(bar.tabText(i))
            + metrics.horizontalAdvance(text)
            for i, text in enumerate(labels)
        )

    def fit(self) -> None:
        room = self._tabs.width() - 2 * self._tabs.style().pixelMetric(
            QStyle.PixelMetric.PM_TabBarBaseOverlap
        )
        labels = self._full if self._needed(self._full) <= room else self._short
        for i, text in enumerate(labels):
            if self._tabs.tabText(i) != text:
                self._tabs.setTabText(i, text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._tabs and event.type() in (QEvent.Type.Resize, QEvent.Type.FontChange):
            self.fit()
        return False


def tabs_in_sight(tabs: QTabWidget, short: Sequence[str] = ()) -> QTabWidget:
    """Every tab of `tabs` stays in sight: no scroll arrows (Qt's are tiny and faint, and a tab behind
    them is one the user never finds). Where the bar is too narrow for every whole label (a small
    screen, a large font) each tab shows its `short` label, a word or two that still reads whole
    (a label cut to "รายกา…" tells a Thai reader nothing); past that the labels are shortened with
    "…". Each tab's tooltip names it in full. Call it once the tabs are added."""
    bar = tabs.tabBar()
    tabs.setUsesScrollButtons(False)
    tabs.setElideMode(Qt.TextElideMode.ElideRight)
    bar.setExpanding(False)
    full = [tabs.tabText(i) for i in range(tabs.count())]
    for i, text in enumerate(full):
        tabs.setTabToolTip(i, text)
    if short:
        if len(short) != len(full):
            raise ValueError(f"{len(short)} short labels for {len(full)} tabs")
        _TabLabels(tabs, full, short)
    return tabs
