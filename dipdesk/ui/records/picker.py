"""Choosing a record from a big table by typing part of its name (an enterprise among 100,000).

A combo box cannot hold a hundred thousand enterprises; this line edit searches as the user types
(after a pause, in a worker, through `services.search`) and offers the first matches in a popup.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from dipdesk.services import search
from dipdesk.store.people import Enterprise
from dipdesk.ui import workers
from dipdesk.ui.records.ops import run_read

SUGGESTIONS = 20
PAUSE_MS = 250

# What can be picked: the list searched, and how one record is named.
PICKABLE = {"enterprises": Enterprise}


def describe(record: Any) -> str:
    code = getattr(record, "code", "")
    return f"{record.name_th} ({code})" if code else str(record.name_th)


class PickerInput(QLineEdit):
    """Type a few letters, pick a match: `value()` is the chosen record's id (None until chosen)."""

    chosen = Signal()

    def __init__(
        self, db: Any, kind: str = "enterprises", lang: str = "th", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.kind = kind
        self.lang = lang
        self._id: str | None = None
        self._gen = 0
        self.setPlaceholderText(self.tr("Type part of the name or code, then choose"))
        self.suggestions = QStandardItemModel(self)
        self.completer_ = QCompleter(self.suggestions, self)
        self.completer_.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer_.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer_.activated[QModelIndex].connect(self._choose)  # type: ignore[index]
        self.setCompleter(self.completer_)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PAUSE_MS)
        self._timer.timeout.connect(self._search)
        self.textEdited.connect(self._typed)

    def value(self) -> str | None:
        return self._id

    def set_value(self, record_id: str | None) -> None:
        self._id = record_id
        self.setText("")
        if not record_id:
            return
        self._gen += 1
        gen, model = self._gen, PICKABLE[self.kind]

        def read(session: Any) -> str:
            record = session.get(model, record_id)
            return describe(record) if record is not None else record_id

        run_read(self.db, read, on_done=lambda label: self._described(gen, label), owner=self)

    def _described(self, gen: int, label: str) -> None:
        if gen == self._gen:
            self.setText(label)

    def _typed(self, _text: str) -> None:
        self._id = None
        self._gen += 1
        self._timer.start()

    def _search(self) -> None:
        text = self.text().strip()
        if not text:
            return
        gen, db, kind, lang = self._gen, self.db, self.kind, self.lang

        def work(task: workers.Task) -> list[tuple[str, str]]:
            q = search.ListQuery(kind, search=text, lang=lang)
            with db.engine.connect() as conn:
                page = search.fetch_page(conn, q, 0, SUGGESTIONS)
            keys = search.spec(kind).keys
            out = []
            for row in page.rows:
                values = dict(zip(keys, row[1:], strict=True))
                out.append((row[0], f"{values.get('name_th', '')} ({values.get('code', '')})"))
            return out

        workers.run_task(work, on_done=lambda found: self._suggest(gen, found), owner=self)

    def _suggest(self, gen: int, found: list[tuple[str, str]]) -> None:
        if gen != self._gen:
            return
        self.suggestions.clear()
        for record_id, label in found:
            item = QStandardItem(label)
            item.setData(record_id, Qt.ItemDataRole.UserRole)
            self.suggestions.appendRow(item)
        if found and self.hasFocus():
            self.completer_.complete()

    def _choose(self, index: QModelIndex | QPersistentModelIndex) -> None:
        self._id = index.data(Qt.ItemDataRole.UserRole)
        self._gen += 1
        self.chosen.emit()

    def choose_first(self) -> bool:
        """Pick the first suggestion (keyboard users and tests)."""
        if self.suggestions.rowCount() == 0:
            return False
        index = self.suggestions.index(0, 0)
        self.setText(str(index.data()))
        self._choose(index)
        return True
