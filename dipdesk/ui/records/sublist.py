"""A record's related records inside its detail: an activity's training days, an enterprise's products.

The same lazy list as the main screens, filtered to the parent record, without a search box. Until the
parent is saved there is nothing to list, and the empty state says so.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from dipdesk.services.search import ListQuery
from dipdesk.ui.db import Database
from dipdesk.ui.models.lazy import LazyTableModel
from dipdesk.ui.records.list_view import ListTexts, RecordList


class SubList(QWidget):
    """Rows of `list_name` whose `parent_key` is the shown record."""

    open_requested = Signal(str)
    new_requested = Signal()

    def __init__(
        self,
        db: Database,
        list_name: str,
        parent_key: str,
        texts: ListTexts,
        unsaved_text: str,
        *,
        lang: str = "th",
        writable: bool = True,
        widths: dict[str, int] | None = None,
        hidden_columns: tuple[str, ...] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.parent_key = parent_key
        self.parent_id: str | None = None
        self.texts = texts
        self.unsaved_text = unsaved_text
        # an impossible id until a parent is set: the list is empty, not everything
        query = ListQuery(list_name, lang=lang, filters=((parent_key, ""),))
        self.model = LazyTableModel(db, query, self)
        self.list = RecordList(self.model, texts, lang=lang, widths=widths, show_search=False)
        for key in hidden_columns:
            self.list.table.setColumnHidden(self.model.column_of(key), True)
        self.list.new_button.setEnabled(writable)
        self.list.open_requested.connect(self.open_requested)
        self.list.new_requested.connect(self.new_requested)
        self.list.table.setMinimumHeight(130)  # header and three rows; the splitter gives more
        self.list.export_button.hide()  # the record's own few rows: nothing to send to a spreadsheet
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 4, 8, 4)
        lay.addWidget(self.list)

    def set_parent_id(self, parent_id: str | None) -> None:
        self.parent_id = parent_id
        self.list.new_button.setVisible(bool(self.texts.new_label) and parent_id is not None)
        # the list is always filtered (by its parent): its empty state is the plain one
        self.list.texts = _with_empty(self.texts, self.texts.empty if parent_id else self.unsaved_text)
        self.model.set_query(self.model.query.with_(filters=((self.parent_key, parent_id or ""),)))

    def refresh(self) -> None:
        self.model.refresh()

    def row_count(self) -> int:
        return self.model.rowCount()

    def values_of(self, record_id: str) -> dict[str, Any] | None:
        row = self.model.row_of_id(record_id)
        return None if row is None else self.model.row_values(row)


def _with_empty(texts: ListTexts, empty: str) -> ListTexts:
    return ListTexts(
        count=texts.count,
        search_hint=texts.search_hint,
        empty=empty,
        no_match=empty,
        new_label=texts.new_label,
        sheet_title=texts.sheet_title,
    )
