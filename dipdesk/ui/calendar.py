"""A calendar that counts years the Thai way (พ.ศ., Buddhist era = Christian era + 543).

Qt's calendar widget knows no Buddhist calendar (its `QCalendar` systems are Gregorian, Julian,
Milanković, Jalali and Islamic), and its own navigation bar shows, and lets one type, the Christian year.
`BeCalendar` keeps Qt's month grid, hides its navigation bar and puts its own above it: the previous and
next month, the month by name (Thai in the Thai interface) and the year as a BE number one can type
(2569) or step through. Weekday names come from the Thai locale (จันทร์ … อาทิตย์), written whole.

Every typed date field gets one as a pop-up (`attach_calendar`): a calendar button at the field's right
end, or Alt+Down / F4 in the field. Choosing a day writes it the way it is typed, `15/03/2569`, so the
field's own checks run as for typing, and the user can still type a date without the mouse.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QLocale, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QIcon, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCalendarWidget,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QSpinBox,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from dipdesk.core.thaidate import (
    BE_OFFSET,
    ENGLISH_MONTHS,
    THAI_MONTHS,
    DateParseError,
    format_thai_date,
    parse_date,
)
from dipdesk.ui import icons
from dipdesk.ui.dialogs import available_rect, fit_calendar
from dipdesk.ui.i18n import current_language

FIRST_YEAR_CE = 1900  # birth dates of the oldest trainees; 2443 BE
LAST_YEAR_CE = 2200


def calendar_locale(lang: str | None = None) -> QLocale:
    if (lang or current_language()) == "th":
        return QLocale(QLocale.Language.Thai, QLocale.Country.Thailand)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


class BeYearBox(QSpinBox):
    """The year as a BE number (2569); `ce()` gives the Christian year the calendar works in."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(FIRST_YEAR_CE + BE_OFFSET, LAST_YEAR_CE + BE_OFFSET)
        prefix, _, suffix = self.tr("%1 BE").partition("%1")  # Thai: "พ.ศ. %1"
        self.setPrefix(prefix)
        self.setSuffix(suffix)
        self.setAccelerated(True)
        self.setKeyboardTracking(False)  # typing 2-5-6-9 jumps once, not through 2, 25, 256

    def ce(self) -> int:
        return self.value() - BE_OFFSET

    def set_ce(self, year: int) -> None:
        self.setValue(year + BE_OFFSET)


class BeCalendar(QWidget):
    """A month grid with a BE year. `activated(date)` when a day is clicked or Enter is pressed."""

    activated = Signal(object)  # dt.date

    def __init__(self, parent: QWidget | None = None, lang: str | None = None) -> None:
        super().__init__(parent)
        lang = lang or current_language()
        self.grid = QCalendarWidget()
        self.grid.setNavigationBarVisible(False)
        self.grid.setGridVisible(False)
        self.grid.setLocale(calendar_locale(lang))
        self.grid.setFirstDayOfWeek(Qt.DayOfWeek.Sunday if lang == "th" else Qt.DayOfWeek.Monday)
        self.grid.setMinimumDate(QDate(FIRST_YEAR_CE, 1, 1))
        self.grid.setMaximumDate(QDate(LAST_YEAR_CE, 12, 31))
        fit_calendar(self.grid)

        self.previous = QToolButton()
        self.previous.setText("‹")
        self.previous.setToolTip(self.tr("Previous month"))
        self.next = QToolButton()
        self.next.setText("›")
        self.next.setToolTip(self.tr("Next month"))
        self.month = QComboBox()
        self.month.addItems(list(THAI_MONTHS if lang == "th" else ENGLISH_MONTHS))
        self.month.setToolTip(self.tr("Month"))
        self.year = BeYearBox()
        self.year.setToolTip(self.tr("Year (Buddhist era)"))
        self.today = QToolButton()
        self.today.setText(self.tr("Today"))
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 4, 4, 0)
        bar.addWidget(self.previous)
        bar.addWidget(self.month, 1)
        bar.addWidget(self.year)
        bar.addWidget(self.next)
        bar.addWidget(self.today)
        col = QVBoxLayout(self)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(2)
        col.addLayout(bar)
        col.addWidget(self.grid)

        self.previous.clicked.connect(self.grid.showPreviousMonth)
        self.next.clicked.connect(self.grid.showNextMonth)
        self.today.clicked.connect(lambda: self.set_date(dt.date.today()))
        self.month.currentIndexChanged.connect(self._page_chosen)
        self.year.valueChanged.connect(self._page_chosen)
        self.grid.currentPageChanged.connect(self._page_shown)
        self.grid.activated.connect(self._chosen)
        self.grid.clicked.connect(self._chosen)
        self._page_shown(self.grid.yearShown(), self.grid.monthShown())

    def date(self) -> dt.date:
        d = self.grid.selectedDate()
        return dt.date(d.year(), d.month(), d.day())

    def set_date(self, d: dt.date) -> None:
        q = QDate(d.year, d.month, d.day)
        self.grid.setSelectedDate(q)
        self.grid.setCurrentPage(q.year(), q.month())

    def page(self) -> tuple[int, int]:
        """(BE year, month) shown."""
        return self.grid.yearShown() + BE_OFFSET, self.grid.monthShown()

    def header_texts(self) -> list[str]:
        """The weekday names over the grid, as drawn (for tests)."""
        view = self.grid.findChild(QTableView, "qt_calendar_calendarview")
        if view is None:
            return []
        model = view.model()
        return [str(model.index(0, c).data()) for c in range(7)]

    def _page_chosen(self, *_args: object) -> None:
        self.grid.setCurrentPage(self.year.ce(), self.month.currentIndex() + 1)

    def _page_shown(self, year: int, month: int) -> None:
        for w in (self.month, self.year):
            w.blockSignals(True)
        self.month.setCurrentIndex(month - 1)
        self.year.set_ce(year)
        for w in (self.month, self.year):
            w.blockSignals(False)

    def _chosen(self, q: QDate) -> None:
        self.activated.emit(dt.date(q.year(), q.month(), q.day()))


class CalendarPopup(QFrame):
    """`BeCalendar` in a pop-up under a date field; closes when a day is chosen, on Esc or a click away."""

    chosen = Signal(object)  # dt.date

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.calendar = BeCalendar(self)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.calendar)
        self.calendar.activated.connect(self._chosen)

    def _chosen(self, d: dt.date) -> None:
        self.chosen.emit(d)
        self.close()

    def show_under(self, widget: QWidget, d: dt.date) -> None:
        """Shown below `widget` (above it when there is no room below), inside the screen."""
        self.calendar.set_date(d)
        self.adjustSize()
        area = available_rect(widget)
        below = widget.mapToGlobal(QPoint(0, widget.height()))
        size = self.sizeHint()
        x = min(max(below.x(), area.left()), area.right() + 1 - size.width())
        y = below.y()
        if y + size.height() > area.bottom() + 1:
            y = max(area.top(), widget.mapToGlobal(QPoint(0, 0)).y() - size.height())
        self.move(x, y)
        self.show()
        view = self.calendar.grid.findChild(QAbstractItemView)
        (view or self.calendar.grid).setFocus()


class _CalendarKeys(QObject):
    """Alt+Down or F4 in the field opens its calendar (as in Qt's own date edits)."""

    def __init__(self, edit: QLineEdit, open_calendar: object) -> None:
        super().__init__(edit)
        self._open = open_calendar

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            alt_down = event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier
            if alt_down or event.key() == Qt.Key.Key_F4:
                self._open()  # type: ignore[operator]
                return True
        return False


def field_date(text: str) -> dt.date | None:
    try:
        return parse_date(text) if text.strip() else None
    except DateParseError:
        return None


def attach_calendar(edit: QLineEdit) -> CalendarPopup:
    """Give a typed BE date field a calendar pop-up (button at its right end; Alt+Down, F4)."""
    popup = CalendarPopup(edit)
    tip = QCoreApplication.translate("Calendar", "Choose the date on a calendar (Alt+↓)")
    action = edit.addAction(QIcon(), QLineEdit.ActionPosition.TrailingPosition)
    icons.follow_theme(action, "calendar")  # the theme's colour, also after a switch to dark or light
    action.setToolTip(tip)
    action.setObjectName("calendarAction")

    def open_calendar() -> None:
        if edit.isReadOnly() or not edit.isEnabled():
            return
        popup.show_under(edit, field_date(edit.text()) or dt.date.today())

    def chosen(d: dt.date) -> None:
        text = format_thai_date(d, "numeric")
        edit.setText(text)
        edit.textEdited.emit(text)  # chosen by the user, as if typed: the field's checks run
        edit.setFocus()

    action.triggered.connect(open_calendar)
    popup.chosen.connect(chosen)
    edit.installEventFilter(_CalendarKeys(edit, open_calendar))
    edit.setProperty("calendarPopup", True)
    return popup
