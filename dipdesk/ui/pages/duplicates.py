"""รายการที่อาจซ้ำ: the site's likely duplicate pairs, for a person to review and merge (SYNC.md guarantee 13).

The pairs come from `services.duplicates.duplicate_pairs` (Thai-aware: names normalised, scored with the
birth date, phone and province), worked out in a worker. The list is lazy: rows are handed to the view
a page at a time as it scrolls. "Merge" runs `services.merging.merge_records` in a worker: the same merge
as the server's, synced and audited; the record kept is the one the person chooses.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
)

from dipdesk.services.duplicates import CandidatePair, duplicate_pairs
from dipdesk.services.merging import MergeDone, merge_records
from dipdesk.services.records import field_label_th
from dipdesk.ui.attendance.context import context_factory
from dipdesk.ui.attendance.enroll_dialog import error_text
from dipdesk.ui.pages.base import AreaPage
from dipdesk.ui.records.ops import can_write, run_write
from dipdesk.ui.widgets import NoticeBox
from dipdesk.ui.workers import Task

_Index = QModelIndex | QPersistentModelIndex
PAGE = 50
REASON_KEYS = ("national_id", "registration_id", "name", "name_similar", "birth_date", "phone", "province")


@dataclass(frozen=True)
class Loaded:
    kind: str
    pairs: list[CandidatePair]


class PairsModel(QAbstractTableModel):
    """The pairs, best first; handed to the view PAGE rows at a time (`canFetchMore`/`fetchMore`)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.pairs: list[CandidatePair] = []
        self.shown = 0
        self.reason_text: dict[str, str] = {}
        self.headers: tuple[str, ...] = ()

    def set_pairs(self, pairs: list[CandidatePair]) -> None:
        self.beginResetModel()
        self.pairs = pairs
        self.shown = min(PAGE, len(pairs))
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.shown

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def canFetchMore(self, parent: _Index) -> bool:
        return not parent.isValid() and self.shown < len(self.pairs)

    def fetchMore(self, parent: _Index) -> None:
        if not self.canFetchMore(parent):
            return
        more = min(PAGE, len(self.pairs) - self.shown)
        self.beginInsertRows(QModelIndex(), self.shown, self.shown + more - 1)
        self.shown += more
        self.endInsertRows()

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= self.shown:
            return None
        p = self.pairs[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            col = index.column()
            if col == 0:
                return p.a_name
            if col == 1:
                return p.b_name
            if col == 2:
                return f"{round(p.score * 100)}%"
            return ", ".join(self.reason_text.get(r, r) for r in p.reasons)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class DuplicatesPage(AreaPage):
    view_name = "duplicates"
    listens_to = frozenset({"people", "enterprises", "enrollments", "sync"})

    def description(self) -> str:
        return self.tr(
            "Records of this site that may be one person or one enterprise typed twice, best match first "
            "(names compared the Thai way, with the birth date, phone and province). Choose a pair and the "
            "record to keep: the other one's details fill what the kept one lacks, everything recorded for "
            "it follows the kept record, and the merge is synced and audited. People of other sites with "
            "the same national ID are merged on the server by themselves."
        )

    def build(self) -> None:
        self.model = PairsModel(self)
        self.model.headers = (self.tr("Record 1"), self.tr("Record 2"), self.tr("Match"), self.tr("Why"))
        self.model.reason_text = {
            "national_id": self.tr("same national ID"),
            "registration_id": self.tr("same registration ID"),
            "name": self.tr("same name"),
            "name_similar": self.tr("nearly the same name"),
            "birth_date": self.tr("same birth date"),
            "phone": self.tr("same phone"),
            "province": self.tr("same province"),
        }
        row = QHBoxLayout()
        self.kind = QComboBox()
        self.kind.addItem(self.tr("People"), "people")
        self.kind.addItem(self.tr("Enterprises"), "enterprises")
        self.kind.currentIndexChanged.connect(lambda _i: self.reload())
        row.addWidget(QLabel(self.tr("Show:")))
        row.addWidget(self.kind)
        row.addStretch(1)
        self.count_label = self.muted()
        self.count_label.setWordWrap(False)  # beside a stretch a wrapping label is squeezed to a sliver
        row.addWidget(self.count_label)
        self.body.addLayout(row)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(360)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.body.addWidget(self.table)

        buttons = QHBoxLayout()
        self.keep_first = QPushButton(self.tr("Merge, keeping record 1"))
        self.keep_second = QPushButton(self.tr("Merge, keeping record 2"))
        self.keep_first.clicked.connect(lambda: self.merge_selected(keep_first=True))
        self.keep_second.clicked.connect(lambda: self.merge_selected(keep_first=False))
        buttons.addWidget(self.keep_first)
        buttons.addWidget(self.keep_second)
        buttons.addStretch(1)
        self.body.addLayout(buttons)
        self.message = NoticeBox()
        self.message.hide()
        self.body.addWidget(self.message)
        self._update_buttons()

    def current_kind(self) -> str:
        return str(self.kind.currentData() or "people")

    def fetch(self, task: Task) -> Loaded:
        kind = self.current_kind()
        with self.env.db.session() as s:
            return Loaded(kind, duplicate_pairs(s, self.env.user.site_id, kind=kind))

    def show_data(self, data: Loaded) -> None:
        if data.kind != self.current_kind():
            return
        self.model.set_pairs(data.pairs)
        self.count_label.setText(
            self.tr("Possible duplicate pairs: %1").replace("%1", f"{len(data.pairs):,}")
        )
        self._update_buttons()

    def selected_pair(self) -> CandidatePair | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.model.pairs):
            return None
        return self.model.pairs[rows[0].row()]

    def _update_buttons(self) -> None:
        enabled = self.selected_pair() is not None and can_write(self.env.user)
        self.keep_first.setEnabled(enabled)
        self.keep_second.setEnabled(enabled)

    def merge_selected(self, *, keep_first: bool) -> None:
        pair = self.selected_pair()
        if pair is None:
            return
        kept, other = (pair.a_id, pair.b_id) if keep_first else (pair.b_id, pair.a_id)
        kept_name = pair.a_name if keep_first else pair.b_name
        kind = pair.kind

        def done(result: MergeDone) -> None:
            text = self.tr("Merged: %1 is kept.").replace("%1", html.escape(kept_name))
            if result.conflicts:
                listed = ", ".join(
                    html.escape(f"{field_label_th(f) if self.env.lang == 'th' else f}: {other_value}")
                    for f, _kept, other_value in result.conflicts
                )
                text += " " + self.tr("Values not kept (the kept record's stay): %1").replace("%1", listed)
            self.message.set_text(text)
            self.message.show()
            self.reload()

        def failed(exc: BaseException) -> None:
            self.message.set_text(error_text(exc))
            self.message.show()

        self.keep_first.setEnabled(False)
        self.keep_second.setEnabled(False)
        run_write(
            self.env.db,
            context_factory(self.env.user, self.env.lang),
            lambda ctx: merge_records(ctx, kind, kept, other),
            on_done=done,
            on_error=failed,
            owner=self,
            kinds=(kind, "enrollments", "certificates", "mentoring"),
        )
