"""A page that shows real counts of its records and, read-only, the first page of them.

Used by the areas whose data-entry screens are not built yet: the figures are real, and an empty-state
box says plainly that the full screen is still to come and how to see the data meanwhile (`dipdesk list`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtWidgets import QLabel
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dipdesk.services.listing import list_rows
from dipdesk.ui.pages.base import AreaPage
from dipdesk.ui.widgets import NoticeBox, RowsTable, StatCard, card_grid, format_number
from dipdesk.ui.workers import Task

FIRST_PAGE = 50


def count_rows(session: Session, model: Any, *where: Any) -> int:
    """Live (not soft-deleted) records of `model` matching `where`."""
    q = select(func.count()).select_from(model).where(model.deleted.is_(False), *where)
    return int(session.scalar(q) or 0)


@dataclass
class RecordsData:
    counts: dict[str, int | str] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    rows: list[dict[str, Any]] = field(default_factory=list)
    total: int = 0


class RecordsPage(AreaPage):
    """Cards of counts, a short read-only list, and an honest "not built yet" box."""

    list_kind = ""  # a `dipdesk.services.listing` kind, or "" if `fetch_rows` is overridden
    list_columns: tuple[str, ...] = ()
    total_key = ""  # which count is the number of rows the list is the first page of

    def cards(self) -> list[tuple[str, str]]:
        """(key, caption) of the figures, in order."""
        return []

    def todo_text(self) -> str:
        return ""

    def list_title(self) -> str:
        return self.tr("Records")

    def count(self, session: Session) -> RecordsData:
        """Fill the figures (worker thread)."""
        return RecordsData()

    def fetch_rows(self, task: Task) -> list[dict[str, Any]]:
        if not self.list_kind:
            return []
        _cols, rows = list_rows(self.env.db.engine, self.list_kind, limit=FIRST_PAGE)
        return rows

    # --- AreaPage ---------------------------------------------------------------------------------

    def build(self) -> None:
        self.card_widgets: dict[str, StatCard] = {key: StatCard(caption) for key, caption in self.cards()}
        self.body.addLayout(card_grid(list(self.card_widgets.values())))

        text = self.todo_text()
        self.todo_box = NoticeBox(text)
        self.todo_box.setVisible(bool(text))
        self.body.addWidget(self.todo_box)

        self.table: RowsTable | None = None
        if self.list_columns:
            self.body.addWidget(self.section_title(self.list_title()))
            self.list_note = self.muted()
            self.body.addWidget(self.list_note)
            self.table = RowsTable(self.list_columns)
            self.body.addWidget(self.table)
            self.empty_list = QLabel(self.tr("There are no records yet."))
            self.empty_list.setObjectName("muted")
            self.empty_list.hide()
            self.body.addWidget(self.empty_list)

    def fetch(self, task: Task) -> RecordsData:
        with self.env.db.session() as session:
            data = self.count(session)
        task.check()
        data.rows = self.fetch_rows(task) if self.list_columns else []
        if self.total_key:
            total = data.counts.get(self.total_key, 0)
            data.total = total if isinstance(total, int) else 0
        return data

    def show_data(self, data: RecordsData) -> None:
        for key, card in self.card_widgets.items():
            value = data.counts.get(key)
            text = format_number(value) if isinstance(value, int) or value is None else value
            card.set_value(text, data.notes.get(key), textual=isinstance(value, str))
        if self.table is not None:
            self.table.set_rows(data.rows)
            self.table.setVisible(bool(data.rows))
            self.empty_list.setVisible(not data.rows)
            if len(data.rows) >= data.total:
                self.list_note.setText(
                    self.tr("All %1 records, read-only.").replace("%1", format_number(len(data.rows)))
                )
            else:
                self.list_note.setText(
                    self.tr("The first %1 of %2 records, read-only.")
                    .replace("%1", format_number(len(data.rows)))
                    .replace("%2", format_number(data.total))
                )
            self.list_note.setVisible(bool(data.rows))
