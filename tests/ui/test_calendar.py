"""The Buddhist-era calendar pop-up of every typed date field (dipdesk.ui.calendar), driven with real
mouse clicks and key presses: Thai month and weekday names, the year in BE, the chosen day written the
way it is typed (15/03/2569) and checked like typing."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QToolButton

from dipdesk.core.thaidate import THAI_MONTHS
from dipdesk.ui.attendance.fields import DateField
from dipdesk.ui.calendar import CalendarPopup
from dipdesk.ui.records import enterprises, people, programs
from dipdesk.ui.records.fields import FieldEditor

THAI_WEEKDAYS = ["อาทิตย์", "จันทร์", "อังคาร", "พุธ", "พฤหัส", "ศุกร์", "เสาร์"]


def _calendar_button(edit: QLineEdit) -> QToolButton:
    buttons = [b for b in edit.findChildren(QToolButton) if b.isVisible()]
    assert len(buttons) == 1, buttons
    return buttons[0]


def _click_day(popup: CalendarPopup, day: int) -> None:
    """Click the cell of `day` in the month shown (the first cell holding that number in the month)."""
    view = popup.calendar.grid.findChild(QAbstractItemView)
    assert view is not None
    model = view.model()
    month_started = False
    for row in range(1, model.rowCount()):
        for col in range(model.columnCount()):
            index = model.index(row, col)
            value = int(index.data())
            month_started = month_started or value == 1
            if month_started and value == day:
                QTest.mouseClick(
                    view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
                )
                return
    raise AssertionError(f"day {day} not shown")


def test_click_the_calendar_button_choose_a_be_year_and_a_day(qtbot) -> None:  # type: ignore[no-untyped-def]
    field = DateField()
    qtbot.addWidget(field)
    field.resize(320, field.sizeHint().height())
    field.show()
    qtbot.waitExposed(field)
    QTest.mouseClick(_calendar_button(field.edit), Qt.MouseButton.LeftButton)
    popup = field.calendar
    qtbot.waitUntil(popup.isVisible)
    today = dt.date.today()
    cal = popup.calendar
    assert cal.header_texts() == THAI_WEEKDAYS  # whole Thai names, the week from Sunday
    assert cal.month.currentText() == THAI_MONTHS[today.month - 1]
    assert cal.year.text() == f"พ.ศ. {today.year + 543}"
    # inside the screen, under the field
    screen = field.screen().availableGeometry()
    assert screen.contains(popup.frameGeometry())

    # type the BE year 2568 and choose มีนาคม with the keyboard, then click the 15th
    cal.year.setFocus()
    cal.year.lineEdit().selectAll()
    QTest.keyClicks(cal.year, "2568")
    QTest.keyClick(cal.year, Qt.Key.Key_Return)
    cal.month.setFocus()
    QTest.keyClick(cal.month, Qt.Key.Key_Home)
    QTest.keyClick(cal.month, Qt.Key.Key_Down)
    QTest.keyClick(cal.month, Qt.Key.Key_Down)
    assert cal.page() == (2568, 3)
    _click_day(popup, 15)
    qtbot.waitUntil(lambda: not popup.isVisible())
    assert field.text() == "15/03/2568"
    assert field.is_valid()
    assert field.hint.text() == "15 มีนาคม พ.ศ. 2568"  # what the field read, as for typing


def test_alt_down_opens_on_the_typed_date_and_enter_takes_the_next_day(qtbot) -> None:  # type: ignore[no-untyped-def]
    field = DateField()
    qtbot.addWidget(field)
    field.show()
    qtbot.waitExposed(field)
    field.edit.setFocus()
    QTest.keyClicks(field.edit, "28/2/2567")
    QTest.keyClick(field.edit, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    popup = field.calendar
    qtbot.waitUntil(popup.isVisible)
    assert popup.calendar.page() == (2567, 2)
    view = popup.calendar.grid.findChild(QAbstractItemView)
    assert view is not None and QApplication.focusWidget() is view
    QTest.keyClick(view, Qt.Key.Key_Right)  # 29 February 2567 (2024 was a leap year)
    QTest.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not popup.isVisible())
    assert field.text() == "29/02/2567"


def test_next_month_button_and_escape_leave_the_field_alone(qtbot) -> None:  # type: ignore[no-untyped-def]
    field = DateField()
    qtbot.addWidget(field)
    field.show()
    field.setText("31/12/2569")
    QTest.keyClick(field.edit, Qt.Key.Key_F4)
    popup = field.calendar
    qtbot.waitUntil(popup.isVisible)
    QTest.mouseClick(popup.calendar.next, Qt.MouseButton.LeftButton)
    assert popup.calendar.page() == (2570, 1)  # the year rolls over in BE
    assert popup.calendar.month.currentText() == "มกราคม"
    QTest.keyClick(popup, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not popup.isVisible())
    assert field.text() == "31/12/2569"


def test_every_date_field_of_the_record_forms_has_the_calendar(qtbot) -> None:  # type: ignore[no-untyped-def]
    fields = [
        f
        for group in (
            people.PERSON_FIELDS,
            programs.PROGRAM_FIELDS,
            programs.ACTIVITY_FIELDS,
            programs.SESSION_FIELDS,
            enterprises.PRODUCT_FIELDS,
            enterprises.SERVICE_FIELDS,
            enterprises.OUTCOME_FIELDS,
        )
        for f in group
        if f.kind == "date"
    ]
    assert len(fields) >= 8
    for f in fields:
        editor = FieldEditor(f)
        qtbot.addWidget(editor)
        editor.show()
        edit = editor.input
        assert isinstance(edit, QLineEdit) and edit.property("calendarPopup") is True, f.key
        QTest.mouseClick(_calendar_button(edit), Qt.MouseButton.LeftButton)
        popup = edit.findChild(CalendarPopup)
        assert popup is not None
        qtbot.waitUntil(popup.isVisible)
        _click_day(popup, 1)
        qtbot.waitUntil(lambda p=popup: not p.isVisible())  # type: ignore[misc]
        today = dt.date.today()
        assert edit.text() == f"01/{today.month:02d}/{today.year + 543}", f.key
        assert editor.value() == today.replace(day=1), f.key


def test_english_interface_keeps_the_be_year(qtbot, _themed_app, qm_dir) -> None:  # type: ignore[no-untyped-def]
    from dipdesk.ui import i18n

    i18n.install_translations(_themed_app, "en")
    try:
        field = DateField()
        qtbot.addWidget(field)
        field.show()
        QTest.keyClick(field.edit, Qt.Key.Key_F4)
        cal = field.calendar.calendar
        assert cal.header_texts()[0] == "Mon"
        assert cal.year.text() == f"{dt.date.today().year + 543} BE"
        assert cal.month.itemText(0) == "January"
    finally:
        i18n.install_translations(_themed_app, "th")


def _icon_colour(edit: QLineEdit) -> str:
    """The colour of the calendar button's drawing (its most common opaque pixel)."""
    from collections import Counter

    action = edit.findChild(QAction, "calendarAction")
    assert action is not None
    image = action.icon().pixmap(32, 32).toImage()
    seen = Counter(
        image.pixelColor(x, y).name()
        for x in range(image.width())
        for y in range(image.height())
        if image.pixelColor(x, y).alpha() == 255
    )
    return seen.most_common(1)[0][0]


def test_calendar_button_follows_the_theme(qtbot, _themed_app) -> None:  # type: ignore[no-untyped-def]
    """Switching light → dark → light redraws the button in the new theme's colour (it kept the colour of
    the theme it was made in)."""
    from dipdesk.ui import theme

    field = DateField()
    qtbot.addWidget(field)
    edit = field if isinstance(field, QLineEdit) else field.findChild(QLineEdit)
    assert edit is not None
    light, dark = theme.colors("light")["primaryColor"], theme.colors("dark")["primaryColor"]
    assert light != dark
    assert _icon_colour(edit) == light
    theme.apply_theme(_themed_app, "dark")
    assert _icon_colour(edit) == dark
    theme.apply_theme(_themed_app, "light")
    assert _icon_colour(edit) == light
