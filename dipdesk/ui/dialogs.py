"""Rules every dialog follows, applied once for the whole application by an event filter.

*Enter accepts, never quits.* Qt makes an "auto-default" push button the dialog's default as soon as it
gets the keyboard focus; when the accept button is disabled while work runs (the log-in checks a
password), the focus moves on to the next button, often "Quit" or "Cancel", which then takes the very
Enter that started the work. So, when a dialog is shown, its accept button (the one marked default, or
the accept/yes button of its button box) becomes the only default and auto-default button; every other
button loses auto-default, so focusing it never moves Enter there (Space still presses it).

*Calendars* show whole weekday names and no week numbers (`fit_calendar`). Qt's own *file dialog* opens
large enough for its Thai column texts (`roomy_file_dialog`).

*Inside the screen.* A dialog never opens larger than the available screen geometry (1366×768 office
screens, 1280×720 at 125 % scaling), and is moved so that its buttons are on screen.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QLocale, QObject, QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCalendarWidget,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTreeView,
    QWidget,
    QWizard,
)

_ACCEPT_ROLES = (
    QDialogButtonBox.ButtonRole.AcceptRole,
    QDialogButtonBox.ButtonRole.YesRole,
)


def accept_button(dialog: QDialog) -> QPushButton | None:
    """The button Enter should press: the one marked default, else the button box's accept button."""
    buttons = dialog.findChildren(QPushButton)
    for b in buttons:
        if b.isDefault():
            return b
    for box in dialog.findChildren(QDialogButtonBox):
        for b in box.buttons():
            if isinstance(b, QPushButton) and box.buttonRole(b) in _ACCEPT_ROLES:
                return b
    return None


def set_accept_button(dialog: QDialog, button: QPushButton | None = None) -> QPushButton | None:
    """Make ``button`` (or `accept_button`) the dialog's only default; no other button auto-default."""
    button = button or accept_button(dialog)
    for b in dialog.findChildren(QPushButton):
        if b is not button:
            b.setDefault(False)
            b.setAutoDefault(False)
    if button is not None:
        button.setAutoDefault(True)
        button.setDefault(True)
    return button


def confirm(parent: QWidget | None, title: str, text: str, ok_text: str) -> bool:
    """Ask before doing something unusual: True if the user chose ``ok_text`` (Cancel is the default,
    so Enter never confirms by accident)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(text)
    box.setStandardButtons(QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
    box.button(QMessageBox.StandardButton.Ok).setText(ok_text)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return bool(box.exec() == QMessageBox.StandardButton.Ok)


def available_rect(widget: QWidget | None = None) -> QRect:
    """The available geometry of the screen ``widget`` is on (or the primary screen)."""
    screen = widget.screen() if widget is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 768)


def fit_to_screen(window: QWidget, margin: int = 4) -> None:
    """Shrink ``window`` to the available screen (down to its minimum size); if it then sticks out,
    move it inside. A window that fits is left where Qt or the window manager put it."""
    area = available_rect(window).adjusted(margin, margin, -margin, -margin)
    frame = window.frameGeometry()
    extra_w = max(0, frame.width() - window.width())
    extra_h = max(0, frame.height() - window.height())
    if not extra_h and window.isWindow():
        extra_h = 30  # not decorated yet: the title bar the window manager will add
    w = min(window.width(), area.width() - extra_w)
    h = min(window.height(), area.height() - extra_h)
    w, h = max(w, window.minimumWidth()), max(h, window.minimumHeight())
    if (w, h) != (window.width(), window.height()):
        window.resize(w, h)
    if window.testAttribute(Qt.WidgetAttribute.WA_Moved) or window.parentWidget() is not None:
        frame = window.frameGeometry()
        if not area.contains(frame):
            x = min(max(frame.x(), area.left()), max(area.left(), area.right() + 1 - frame.width()))
            y = min(max(frame.y(), area.top()), max(area.top(), area.bottom() + 1 - frame.height()))
            window.move(x, y)


def buttons_inside(dialog: QWidget, rect: QRect | None = None) -> list[str]:
    """Texts of the dialog's visible buttons that are not wholly inside ``rect`` (the screen): for tests."""
    rect = rect or available_rect(dialog)
    out = []
    for b in dialog.findChildren(QAbstractButton):
        if not b.isVisible() or b.width() <= 0 or b.visibleRegion().isEmpty():
            continue  # hidden, or scrolled out of view inside a scroll area (the user scrolls to it)
        top_left = b.mapToGlobal(b.rect().topLeft())
        box = QRect(top_left, b.size())
        if not rect.contains(box):
            out.append(b.text() or b.objectName() or type(b).__name__)
    return out


class DialogRules(QObject):
    """The application-wide event filter that applies the rules to every dialog when it is shown."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QCalendarWidget):
            fit_calendar(watched)
        if event.type() == QEvent.Type.Show and isinstance(watched, QDialog) and watched.isWindow():
            # message boxes and Qt's file/print dialogs manage their own buttons
            if not isinstance(watched, (QMessageBox, QFileDialog, QWizard)) and not _is_print_dialog(watched):
                set_accept_button(watched)
            if isinstance(watched, QFileDialog):
                roomy_file_dialog(watched)
            fit_to_screen(watched)
        return False


def fit_calendar(calendar: QCalendarWidget) -> None:
    """Weekday names whole (Thai short names are words: จันทร์, อาทิตย์), no week numbers (noise for an
    office calendar); the calendar is made wide enough for the longest name."""
    calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
    calendar.setHorizontalHeaderFormat(QCalendarWidget.HorizontalHeaderFormat.ShortDayNames)
    metrics = calendar.fontMetrics()
    widest = max(
        metrics.horizontalAdvance(calendar.locale().dayName(d, QLocale.FormatType.ShortFormat))
        for d in range(1, 8)
    )
    calendar.setMinimumWidth(max(calendar.minimumWidth(), 7 * (widest + 18)))


def roomy_file_dialog(dialog: QFileDialog) -> None:
    """Qt's own file dialog opens at about 670×470, where the Thai column texts ("โฟลเดอร์", the
    modified date) are cut to "โฟ...อร์": open it larger (inside the screen) and size the name, type and
    date columns to what they hold."""
    area = available_rect(dialog)
    w, h = min(920, area.width() - 40), min(600, area.height() - 60)
    if dialog.width() < w or dialog.height() < h:
        dialog.resize(max(dialog.width(), w), max(dialog.height(), h))
    for view in dialog.findChildren(QTreeView):
        header = view.header()
        for col in range(1, header.count()):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        if header.count():
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)


def _is_print_dialog(dialog: QDialog) -> bool:
    return type(dialog).__name__ in ("QPrintDialog", "QPageSetupDialog", "QPrintPreviewDialog")


_rules: list[DialogRules] = []


def install_dialog_rules(app: QApplication) -> None:
    """Install the rules once per application."""
    if not _rules:
        rules = DialogRules(app)
        app.installEventFilter(rules)
        _rules.append(rules)
