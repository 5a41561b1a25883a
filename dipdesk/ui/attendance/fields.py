"""A form field that checks itself as the user types and says what is wrong right beside it.

The checks are the domain's own (`dipdesk.core`: 13-digit IDs, Thai phones, BE dates), so the form
refuses exactly what the services would, in the same words.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from dipdesk.core.digits import to_arabic_digits
from dipdesk.core.phone import PhoneError, normalize_phone
from dipdesk.core.thaidate import DateParseError, format_thai_date, parse_date
from dipdesk.core.thaiid import IdError, validate_id
from dipdesk.ui.calendar import attach_calendar
from dipdesk.ui.i18n import current_language

Check = Callable[[str], str]  # text → "" when fine, else the message to show


def _msg(exc: IdError | PhoneError | DateParseError) -> str:
    return exc.message_th if current_language() == "th" else exc.message_en


REQUIRED = QT_TRANSLATE_NOOP("Fields", "Required")
BAD_EMAIL = QT_TRANSLATE_NOOP("Fields", "Not a valid e-mail address")
NOT_A_NUMBER = QT_TRANSLATE_NOOP("Fields", "Must be a number")
BAD_HOURS = QT_TRANSLATE_NOOP("Fields", "Between 0 and 24 hours")


def _tr(text: str) -> str:
    return QCoreApplication.translate("Fields", text)


def check_required(text: str) -> str:
    return "" if text.strip() else _tr(REQUIRED)


def check_id(text: str) -> str:
    if not text.strip():
        return ""
    try:
        validate_id(text)
    except IdError as exc:
        return _msg(exc)
    return ""


def check_phone(text: str) -> str:
    try:
        normalize_phone(text)
    except PhoneError as exc:
        return _msg(exc)
    return ""


def check_email(text: str) -> str:
    t = text.strip()
    if t and ("@" not in t or "." not in t.rsplit("@", 1)[-1] or " " in t):
        return _tr(BAD_EMAIL)
    return ""


def check_date(text: str, *, required: bool = True) -> str:
    if not text.strip():
        return _tr(REQUIRED) if required else ""
    try:
        parse_date(text)
    except DateParseError as exc:
        return _msg(exc)
    return ""


def check_hours(text: str) -> str:
    t = to_arabic_digits(text).replace(",", "").strip()
    if not t:
        return ""
    try:
        value = Decimal(t)
    except InvalidOperation:
        return _tr(NOT_A_NUMBER)
    if value < 0 or value > 24:
        return _tr(BAD_HOURS)
    return ""


def both(*checks: Check) -> Check:
    def run(text: str) -> str:
        for c in checks:
            message = c(text)
            if message:
                return message
        return ""

    return run


class CheckedField(QWidget):
    """A line edit with its message underneath (empty while the value is fine)."""

    changed = Signal()

    def __init__(
        self, check: Check | None = None, placeholder: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.check = check
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(placeholder)
        self.message = QLabel("")
        self.message.setObjectName("errorText")
        self.message.setWordWrap(True)
        self.message.hide()
        self.hint = QLabel("")
        self.hint.setObjectName("muted")
        self.hint.hide()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(self.edit)
        lay.addWidget(self.message)
        lay.addWidget(self.hint)
        self.edit.textChanged.connect(self._on_text)
        self._touched = False

    def _on_text(self, _text: str) -> None:
        self._touched = True
        self.validate()
        self.changed.emit()

    def text(self) -> str:
        return self.edit.text()

    def setText(self, text: str) -> None:
        self.edit.setText(text)

    def error(self) -> str:
        return self.check(self.edit.text()) if self.check else ""

    def is_valid(self) -> bool:
        return not self.error()

    def validate(self, *, show: bool = True) -> bool:
        message = self.error()
        visible = bool(message) and (show or self._touched)
        self.message.setText(message)
        self.message.setVisible(visible)
        self.edit.setProperty("invalid", bool(message) and visible)
        return not message

    def show_error(self, message: str) -> None:
        """A message from the service (e.g. "already used"), shown until the text changes."""
        self.message.setText(message)
        self.message.setVisible(bool(message))

    def set_hint(self, text: str) -> None:
        """What the value was understood as (e.g. a BE date written out), shown under the field."""
        self.hint.setText(text)
        self.hint.setVisible(bool(text))


class DateField(CheckedField):
    """A BE date typed the Thai way (15/03/2569, 15 มี.ค. 69, Thai digits); says what it read."""

    def __init__(self, required: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(lambda t: check_date(t, required=required), "15/03/2569", parent)
        self.changed.connect(self._explain)
        self.calendar = attach_calendar(self.edit)

    def _explain(self) -> None:
        try:
            d = parse_date(self.text())
        except DateParseError:
            self.set_hint("")
            return
        self.set_hint(format_thai_date(d, "long") if current_language() == "th" else d.strftime("%d %B %Y"))
