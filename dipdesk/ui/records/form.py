"""A record's form: its fields in two columns, the values for the services, errors next to each field."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from dipdesk.ui.records.fields import Field, FieldEditor, Invalid, tr


class RecordForm(QWidget):
    """The fields of one record. `values()` is what `records.create/update` take."""

    changed = Signal()

    def __init__(
        self,
        fields: Sequence[Field],
        *,
        lang: str = "th",
        columns: int = 2,
        db: Any = None,
        model: Any = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.fields = list(fields)
        self.model = model  # the record class: an empty field of a NOT NULL column saves its default
        self.lang = lang
        self.fixed: dict[str, Any] = {}  # values set by the screen, not typed (the parent record's id)
        self.editors: dict[str, FieldEditor] = {}
        self.labels: dict[str, QLabel] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(10)
        row = col = 0
        for f in self.fields:
            editor = FieldEditor(f, lang, db, self)
            editor.edited.connect(self.changed)
            self.editors[f.key] = editor
            span = columns if (f.wide or f.kind == "multiline") else 1
            if col + span > columns:
                row, col = row + 1, 0
            caption = "" if f.kind == "bool" else tr(f.label) + (" *" if f.required else "")
            label = QLabel(caption)
            label.setBuddy(editor.input)
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            label.setContentsMargins(0, 7, 0, 0)
            self.labels[f.key] = label
            grid.addWidget(label, row, col * 2)
            grid.addWidget(editor, row, col * 2 + 1, 1, span * 2 - 1)
            col += span
            if col >= columns:
                row, col = row + 1, 0
        for c in range(columns):
            grid.setColumnStretch(c * 2 + 1, 1)
            grid.setColumnMinimumWidth(c * 2, 120)

    # --- values ---------------------------------------------------------------------------------------

    def set_values(self, values: dict[str, Any]) -> None:
        for key, editor in self.editors.items():
            editor.set_value(values.get(key))

    def clear(self) -> None:
        self.set_values({})

    def values(self) -> dict[str, Any]:
        """The parsed values of the visible fields plus the fixed ones (raises Invalid if any is bad)."""
        out = {key: ed.value() for key, ed in self.editors.items() if not ed.isHidden()}
        out.update(self.fixed)
        return self._defaults_for_empty(out)

    def _defaults_for_empty(self, values: dict[str, Any]) -> dict[str, Any]:
        """An empty field of a column that cannot be NULL (a budget, a capacity) takes the column's default."""
        if self.model is None:
            return values
        columns = self.model.__table__.c
        for key, value in list(values.items()):
            col = columns.get(key)
            if value is None and col is not None and not col.nullable:
                default = getattr(col.default, "arg", None)
                if default is None or callable(default):
                    del values[key]
                else:
                    values[key] = default
        return values

    def raw_values(self) -> dict[str, Any]:
        """What is typed, parsed where possible (for the duplicates check before the form is valid)."""
        out: dict[str, Any] = {}
        for key, ed in self.editors.items():
            try:
                out[key] = ed.value()
            except Invalid:
                out[key] = ed.text()
        out.update(self.fixed)
        return out

    def validate(self) -> str | None:
        """Check every field as on saving; the first field with a problem gets the focus."""
        first: str | None = None
        for key, ed in self.editors.items():
            if ed.isHidden():
                continue
            if ed.check(final=True, reformat=True) is not None and first is None:
                first = key
        if first is not None:
            self.editors[first].input.setFocus()
        return first

    def show_error(self, field: str, message: str) -> bool:
        """Show a service's refusal under its field; False when the form has no such field."""
        ed = self.editors.get(field)
        if ed is None or ed.isHidden():
            return False
        ed.show_message(message, "error")
        ed.input.setFocus()
        return True

    def clear_messages(self) -> None:
        for ed in self.editors.values():
            ed.show_message("")

    def is_dirty(self) -> bool:
        return any(ed.is_dirty() for ed in self.editors.values() if not ed.isHidden())

    def set_read_only(self, read_only: bool) -> None:
        for ed in self.editors.values():
            ed.set_read_only(read_only)

    def hide_field(self, key: str, value: Any = None) -> None:
        """Take a field off the form; its value comes from the screen (e.g. the enterprise of a product)."""
        self.editors[key].hide()
        self.labels[key].hide()
        self.fixed[key] = value

    def set_choices(self, ref: str, items: list[tuple[Any, str]]) -> None:
        for ed in self.editors.values():
            if ed.field.kind == "ref" and ed.field.ref == ref:
                ed.set_choices(items)

    def refs(self) -> set[str]:
        return {f.ref for f in self.fields if f.kind == "ref"}

    def first_input(self) -> QWidget | None:
        for ed in self.editors.values():
            if not ed.isHidden() and ed.input.isEnabled():
                return ed.input
        return None
