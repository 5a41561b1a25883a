"""Form fields that check what is typed as it is typed, and say what is wrong right under the field.

A `Field` describes one input (its record column, label, kind); a `FieldEditor` is the widget for it:
the input, and under it one line of feedback. The checks are the domain's own (`dipdesk.core`: the
13-digit ID check digit, Thai phone numbers, Buddhist-era dates), so the form and the services agree;
their Thai and English messages are shown in the user's language.

While the user is still typing, an incomplete value only gets a hint ("8 of 13 digits"); a value that
is complete but wrong (a bad check digit, 31/02/2563) is an error at once; leaving the field or saving
turns every remaining problem into an error. A date that was understood is echoed in words
("15 มีนาคม พ.ศ. 2563"), so a slip between the BE and CE year shows before it is saved.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from dipdesk.core.digits import to_arabic_digits
from dipdesk.core.phone import MOBILE_PREFIXES, PhoneError, format_phone, normalize_phone
from dipdesk.core.thaidate import ENGLISH_MONTHS, DateParseError, be_year, format_thai_date, parse_date
from dipdesk.core.thaiid import IdError, format_id, normalize_id, validate_id
from dipdesk.ui.calendar import attach_calendar
from dipdesk.ui.models.columns import code_choices

TEXT_KINDS = frozenset({"text", "email", "id13", "phone", "date", "int", "decimal", "money", "year"})
TEXT_KINDS |= {"percent", "postcode", "tsic"}


@dataclass(frozen=True)
class Field:
    """One input of a record form.

    kind: text, multiline, email, id13 (national/juristic ID), phone, date (BE), int, decimal, money,
    year (BE), percent, postcode, tsic, choice (coded values from `columns.CODES[choices]`), prefix (an
    editable list of name prefixes), ref (another record, from the choices loaded for `ref`), bool.
    """

    key: str
    label: str  # QT_TRANSLATE_NOOP("Fields", …)
    kind: str = "text"
    required: bool = False
    choices: str = ""
    ref: str = ""
    hint: str = ""  # QT_TRANSLATE_NOOP("Fields", …): placeholder text
    max_length: int = 0
    wide: bool = False  # spans both columns of the form


def tr(text: str) -> str:
    return QCoreApplication.translate("Fields", text)


# Messages of the form's own checks (the domain's come with the exceptions).
REQUIRED = QT_TRANSLATE_NOOP("Fields", "Please fill in this field.")
NUMBER = QT_TRANSLATE_NOOP("Fields", "Please type a number, for example 12 or 3.5.")
WHOLE = QT_TRANSLATE_NOOP("Fields", "Please type a whole number.")
YEAR = QT_TRANSLATE_NOOP("Fields", "Please type a Buddhist-era year such as 2569.")
PERCENT = QT_TRANSLATE_NOOP("Fields", "Please type a percentage from 0 to 100.")
CHOOSE = QT_TRANSLATE_NOOP("Fields", "Please type part of the name and choose from the list.")
EMAIL = QT_TRANSLATE_NOOP("Fields", "This is not an e-mail address (for example name@example.com).")
POSTCODE = QT_TRANSLATE_NOOP("Fields", "A postcode has 5 digits.")
TSIC = QT_TRANSLATE_NOOP("Fields", "A TSIC code has up to 5 digits.")
ID_PROGRESS = QT_TRANSLATE_NOOP("Fields", "%1 of 13 digits")
PHONE_PROGRESS = QT_TRANSLATE_NOOP("Fields", "%1 digits so far")
DATE_EXAMPLE = QT_TRANSLATE_NOOP("Fields", "Day/month/BE year, for example 15/03/2563")
NEGATIVE = QT_TRANSLATE_NOOP("Fields", "Must not be negative.")


class Invalid(Exception):
    """A field's text cannot be used; `incomplete` when more typing may still make it right."""

    def __init__(self, message: str, *, incomplete: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.incomplete = incomplete


def _lang_message(exc: Any, lang: str) -> str:
    return str(exc.message_th if lang == "th" else exc.message_en)


def _digits(text: str) -> str:
    return re.sub(r"\D", "", normalize_id(text))


def _phone_too_short(raw: str) -> bool:
    """Whether a phone number may still be being typed (fewer digits than its kind has)."""
    digits = re.sub(r"\D", "", to_arabic_digits(raw))
    if digits.startswith("66"):  # +66 81…, +66 (0)81…
        digits = "0" + digits[2:].lstrip("0")
    return len(digits) < (10 if digits.startswith(MOBILE_PREFIXES) else 9)


def parse_text(kind: str, text: str, lang: str) -> Any:
    """The value of a text field, or Invalid. Empty text is None (the caller checks `required`)."""
    raw = text.strip()
    if not raw:
        return None
    if kind == "id13":
        try:
            return validate_id(raw)
        except IdError as exc:
            n = len(_digits(raw))
            if exc.code == "length" and n < 13:
                raise Invalid(tr(ID_PROGRESS).replace("%1", str(n)), incomplete=True) from exc
            raise Invalid(_lang_message(exc, lang)) from exc
    if kind == "phone":
        try:
            return normalize_phone(raw)
        except PhoneError as exc:
            if exc.code == "length" and _phone_too_short(raw):
                raise Invalid(_lang_message(exc, lang), incomplete=True) from exc
            raise Invalid(_lang_message(exc, lang)) from exc
    if kind == "date":
        try:
            return parse_date(raw)
        except DateParseError as exc:
            # "15/03" or "15/03/25" while still typing the year
            incomplete = exc.code in ("format", "year") and not re.search(r"\d{4}\s*$", to_arabic_digits(raw))
            raise Invalid(_lang_message(exc, lang), incomplete=incomplete) from exc
    if kind == "email":
        if "@" not in raw or "." not in raw.rsplit("@", 1)[-1] or " " in raw:
            raise Invalid(tr(EMAIL), incomplete=True)
        return raw
    if kind in ("int", "year", "percent"):
        try:
            n = int(to_arabic_digits(raw).replace(",", ""))
        except ValueError:
            raise Invalid(tr(WHOLE)) from None
        if kind == "year" and not 2500 <= n <= 2700:
            raise Invalid(tr(YEAR), incomplete=n < 2500 and len(str(n)) < 4)
        if kind == "percent" and not 0 <= n <= 100:
            raise Invalid(tr(PERCENT))
        if n < 0:
            raise Invalid(tr(NEGATIVE))
        return n
    if kind in ("decimal", "money"):
        try:
            d = Decimal(to_arabic_digits(raw).replace(",", ""))
        except InvalidOperation:
            raise Invalid(tr(NUMBER)) from None
        if not d.is_finite():
            raise Invalid(tr(NUMBER))
        if d < 0:
            raise Invalid(tr(NEGATIVE))
        return d
    if kind == "postcode":
        digits = to_arabic_digits(raw)
        if not (digits.isdigit() and len(digits) == 5):
            raise Invalid(tr(POSTCODE), incomplete=digits.isdigit() and len(digits) < 5)
        return digits
    if kind == "tsic":
        digits = to_arabic_digits(raw)
        if not (digits.isdigit() and len(digits) <= 5):
            raise Invalid(tr(TSIC))
        return digits
    return raw


def show_text(kind: str, value: Any) -> str:
    """A stored value as the field shows it: IDs grouped 1-2345-67890-12-1, BE dates 15/03/2563."""
    if value is None:
        return ""
    if kind == "id13":
        return format_id(str(value))
    if kind == "phone":
        return format_phone(str(value)) if value else ""
    if kind == "date" and isinstance(value, dt.date):
        return format_thai_date(value, "numeric")
    if kind == "money" and isinstance(value, Decimal):
        return f"{value:,.2f}"
    if kind == "decimal" and isinstance(value, Decimal):
        return f"{value.normalize():f}"
    return str(value)


def date_in_words(d: dt.date, lang: str) -> str:
    if lang == "th":
        return format_thai_date(d, "long")
    return f"{d.day} {ENGLISH_MONTHS[d.month - 1]} {d.year} (BE {be_year(d)})"


class FieldEditor(QWidget):
    """The input for one `Field`, with its line of feedback underneath."""

    edited = Signal()

    def __init__(self, field: Field, lang: str = "th", db: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.lang = lang
        self.db = db
        self._initial: Any = None
        self._pending_ref: Any = None
        self._read_only = False
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        self.input = self._make_input()
        self.input.setObjectName(f"field_{field.key}")
        lay.addWidget(self.input)
        self.message = QLabel()
        self.message.setObjectName("muted")
        self.message.setWordWrap(True)
        self.message.hide()
        lay.addWidget(self.message)

    # --- the input widget ---------------------------------------------------------------------------

    def _make_input(self) -> QWidget:
        f = self.field
        if f.kind == "multiline":
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(72)
            edit.textChanged.connect(self._typed)
            return edit
        if f.kind == "bool":
            box = QCheckBox(tr(f.label))
            box.toggled.connect(lambda _on: self.edited.emit())
            return box
        if f.kind == "picker":
            from dipdesk.ui.records.picker import PickerInput

            picker = PickerInput(self.db, f.ref, self.lang)
            picker.chosen.connect(self._typed)
            picker.textEdited.connect(lambda _t: self.edited.emit())
            return picker
        if f.kind in ("choice", "ref", "prefix"):
            combo = QComboBox()
            combo.setMinimumWidth(160)
            if f.kind == "prefix":
                combo.setEditable(True)
                from dipdesk.store.people import PREFIXES

                combo.addItems(list(PREFIXES))
                combo.setCurrentIndex(-1)
                combo.editTextChanged.connect(lambda _t: self.edited.emit())
            else:
                if not f.required:
                    combo.addItem("—", None)
                if f.kind == "choice":
                    for code, words in code_choices(f.choices):
                        combo.addItem(words, code)
                combo.currentIndexChanged.connect(lambda _i: self._choice_changed())
            return combo
        edit = QLineEdit()
        if f.hint:
            edit.setPlaceholderText(tr(f.hint))
        elif f.kind == "date":
            edit.setPlaceholderText(tr(DATE_EXAMPLE))
        if f.kind == "date":
            attach_calendar(edit)
        elif f.kind == "id13":
            edit.setPlaceholderText("x-xxxx-xxxxx-xx-x")
        if f.max_length:
            edit.setMaxLength(f.max_length)
        if f.kind in ("int", "decimal", "money", "year", "percent"):
            edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        edit.textEdited.connect(self._typed)
        edit.installEventFilter(self)
        return edit

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.input and event.type() == QEvent.Type.FocusOut:
            self.check(final=True, reformat=True)
        return super().eventFilter(watched, event)

    # --- values -------------------------------------------------------------------------------------

    def text(self) -> str:
        w = self.input
        if isinstance(w, QLineEdit):
            return w.text()
        if isinstance(w, QPlainTextEdit):
            return w.toPlainText()
        if isinstance(w, QComboBox):
            return w.currentText()
        return ""

    def value(self) -> Any:
        """The value to save (raises Invalid when the text is not usable)."""
        f, w = self.field, self.input
        if f.kind == "picker":
            chosen = w.value()  # type: ignore[attr-defined]
            if chosen is None and (f.required or w.text().strip()):  # type: ignore[attr-defined]
                raise Invalid(tr(CHOOSE), incomplete=True)
            return chosen
        if isinstance(w, QCheckBox):
            return w.isChecked()
        if isinstance(w, QComboBox):
            if f.kind == "prefix":
                return w.currentText().strip()
            value = w.currentData()
            if value is None and self._pending_ref is not None:
                return self._pending_ref  # the choices have not arrived yet: keep what was loaded
            if value is None and f.required:
                raise Invalid(tr(REQUIRED))
            if value is None and f.kind == "choice":
                return ""  # a coded column is text, empty when not chosen (a reference is NULL)
            return value
        if isinstance(w, QPlainTextEdit):
            text = w.toPlainText().strip()
            if not text and f.required:
                raise Invalid(tr(REQUIRED))
            return text
        value = parse_text(f.kind, self.text(), self.lang)
        if value is None:
            if f.required:
                raise Invalid(tr(REQUIRED))
            return "" if f.kind in ("text", "phone", "email", "postcode", "tsic") else None
        return value

    def set_value(self, value: Any) -> None:
        w = self.input
        self._initial = value
        if self.field.kind == "picker":
            w.set_value(value)  # type: ignore[attr-defined]
            self.show_message("")
            return
        if isinstance(w, QCheckBox):
            w.setChecked(bool(value))
        elif isinstance(w, QComboBox):
            if self.field.kind == "prefix":
                w.setEditText(str(value or ""))
            else:
                i = w.findData(value)
                if i < 0 and value is not None:
                    self._pending_ref = value  # its choice is still loading
                    w.setCurrentIndex(0 if not self.field.required else -1)
                else:
                    self._pending_ref = None
                    w.setCurrentIndex(max(i, 0) if value is not None or not self.field.required else -1)
        elif isinstance(w, QPlainTextEdit):
            w.setPlainText(str(value or ""))
        elif isinstance(w, QLineEdit):
            w.setText(show_text(self.field.kind, value))
        self.show_message("")

    def set_choices(self, items: list[tuple[Any, str]]) -> None:
        """Fill a `ref` field's list (id, label); a value set before they arrived is selected now."""
        w = self.input
        if not isinstance(w, QComboBox):
            return
        wanted = self._pending_ref if self._pending_ref is not None else w.currentData()
        w.blockSignals(True)
        w.clear()
        if not self.field.required:
            w.addItem("—", None)
        for value, label in items:
            w.addItem(label, value)
        i = w.findData(wanted) if wanted is not None else -1
        w.setCurrentIndex(i if i >= 0 else (0 if not self.field.required else -1))
        w.blockSignals(False)
        if i >= 0:
            self._pending_ref = None

    def is_dirty(self) -> bool:
        try:
            value = self.value()
        except Invalid:
            return True
        initial = self._initial
        if initial in (None, "") and value in (None, "", False):
            return False
        return bool(value != initial)

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        w = self.input
        if self.field.kind == "picker":
            w.setEnabled(not read_only)
        elif isinstance(w, (QLineEdit, QPlainTextEdit)):
            w.setReadOnly(read_only)
        else:
            w.setEnabled(not read_only)

    # --- feedback -----------------------------------------------------------------------------------

    def check(self, *, final: bool, reformat: bool = False) -> str | None:
        """Show what is wrong (or a hint); returns the error, or None when the value can be saved."""
        if self._read_only:
            return None
        try:
            value = self.value()
        except Invalid as exc:
            if exc.incomplete and not final:
                self.show_message(exc.message, "hint")
                return exc.message
            if not final and exc.message == tr(REQUIRED):
                self.show_message("")
                return exc.message
            self.show_message(exc.message, "error")
            return exc.message
        if self.field.kind == "date" and isinstance(value, dt.date):
            self.show_message(date_in_words(value, self.lang), "ok")
        else:
            self.show_message("")
        if (
            reformat
            and self.field.kind in TEXT_KINDS
            and isinstance(self.input, QLineEdit)
            and value not in (None, "")
        ):
            shown = show_text(self.field.kind, value)
            if shown and shown != self.input.text():
                self.input.setText(shown)
        return None

    def show_message(self, text: str, kind: str = "error") -> None:
        """Put `text` under the field: an error (red), an ok echo (green) or a hint (grey)."""
        name = {"error": "errorText", "ok": "okText"}.get(kind, "muted")
        if self.message.objectName() != name:
            self.message.setObjectName(name)
            self.message.style().unpolish(self.message)
            self.message.style().polish(self.message)
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.input.setProperty("invalid", kind == "error" and bool(text))

    def message_text(self) -> str:
        return self.message.text() if self.message.isVisible() else ""

    def _typed(self, *_args: Any) -> None:
        self.check(final=False)
        self.edited.emit()

    def _choice_changed(self) -> None:
        self._pending_ref = None
        self.show_message("")
        self.edited.emit()
