"""A table model over a record list of any size: pages of rows fetched from SQL on demand, in workers.

The model keeps a small cache of pages (200 rows each, `search.PAGE_SIZE`). When the view asks for a row
whose page is not there, `data()` answers with a placeholder and queues the page; a worker fetches it
(`dipdesk.services.search.fetch_page`, its own connection) and `dataChanged` repaints the rows. The GUI
thread only ever looks rows up: scrolling through a million people never waits on the disk.

- The first page of a query arrives before the total is known; the row count is then counted in a
  worker (`count_rows`). Until the count arrives the model grows page by page as the view scrolls
  (`canFetchMore`/`fetchMore`), so a slow count never holds anything up.
- Sorting (`sort`, from the header) and filtering (`set_search`, `set_filters`) become a new
  `ListQuery`: SQL does the work; the old rows stay on screen until the new first page arrives.
- `refresh()` marks everything stale after a change (a save, an import): pages are fetched again and
  recounted, keeping the scroll position and the old rows until the new ones are in.
- Every request carries the query's generation: answers to an old query are dropped, and its running
  SQL is interrupted (`should_stop`) as soon as the user asks for something else.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from dipdesk.services import search
from dipdesk.services.search import Interrupted, ListQuery, ListSpec
from dipdesk.ui import workers
from dipdesk.ui.db import Database
from dipdesk.ui.models.columns import NUMERIC_KINDS, display_row, header

_Index = QModelIndex | QPersistentModelIndex

PLACEHOLDER = "…"
IdRole = Qt.ItemDataRole.UserRole
RawRole = Qt.ItemDataRole.UserRole + 1


class _Page:
    __slots__ = ("display", "rows")

    def __init__(self, rows: list[tuple[Any, ...]], display: list[tuple[str, ...]]) -> None:
        self.rows = rows
        self.display = display


class LazyTableModel(QAbstractTableModel):
    """Rows of `search.spec(query.kind)`, fetched a page at a time in workers."""

    first_page_loaded = Signal()  # the first page of the current query is on screen (also after refresh)
    count_changed = Signal()  # `total`, `counting` or `estimate` changed: update the "n records" label
    load_failed = Signal(object)  # an exception from a worker

    MAX_PAGES = 60  # pages kept in memory (12,000 rows); the least recently shown go first
    MAX_IN_FLIGHT = 2
    MAX_WANTED = 6  # pages queued beyond those in flight; older wishes are forgotten when scrolling fast

    def __init__(self, db: Database, query: ListQuery, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._query = query
        self._spec: ListSpec = search.spec(query.kind)
        self._page_size = search.PAGE_SIZE
        self._gen = 0
        self._pages: OrderedDict[int, _Page] = OrderedDict()
        self._stale: dict[int, _Page] = {}  # the previous query's pages, shown until replaced (refresh)
        self._in_flight: set[int] = set()
        self._wanted: list[int] = []
        self._pump_queued = False
        self._rows = 0
        self._total: int | None = None
        self._estimate: int | None = None
        self._more = False
        self._counting = False
        self._first_pending = False
        self._soft = False  # the query being started is a refresh of the one shown
        self._keep_total: int | None = None  # its count, when a new sort cannot change it
        self.is_loaded = False
        self.last_plan = ""
        self.last_error: BaseException | None = None

    # --- what the controller asks ------------------------------------------------------------------

    @property
    def db(self) -> Database:
        return self._db

    @property
    def query(self) -> ListQuery:
        return self._query

    @property
    def spec(self) -> ListSpec:
        return self._spec

    @property
    def keys(self) -> tuple[str, ...]:
        return self._spec.keys

    @property
    def total(self) -> int | None:
        """The number of rows, once counted (None while counting)."""
        return self._total

    @property
    def estimate(self) -> int | None:
        """For a search, the number of index matches (an upper bound, known with the first page)."""
        return self._estimate

    @property
    def counting(self) -> bool:
        return self._counting

    @property
    def loading(self) -> bool:
        return self._first_pending

    def column_of(self, key: str) -> int:
        return self.keys.index(key)

    def row_id(self, row: int) -> str | None:
        page = self._page_for(row)
        return None if page is None else page.rows[row % self._page_size][0]

    def row_values(self, row: int) -> dict[str, Any] | None:
        """The fetched values of a row (id included), or None if its page is not loaded."""
        page = self._page_for(row)
        if page is None:
            return None
        raw = page.rows[row % self._page_size]
        return {"id": raw[0], **dict(zip(self.keys, raw[1:], strict=True))}

    def row_of_id(self, record_id: str) -> int | None:
        """Where a record is among the loaded rows (None if not loaded)."""
        for number, page in self._pages.items():
            for i, raw in enumerate(page.rows):
                if raw[0] == record_id:
                    return number * self._page_size + i
        return None

    def set_query(self, query: ListQuery) -> None:
        """Show another query (search, filters, sort). Same filters and search: the count is kept."""
        same_rows = (query.search, query.filters, query.kind) == (
            self._query.search,
            self._query.filters,
            self._query.kind,
        )
        if query.kind != self._query.kind:
            self._spec = search.spec(query.kind)
        self._query = query
        self._start(keep_total=same_rows and self._total is not None, soft=False)

    def set_search(self, text: str) -> None:
        if text != self._query.search:
            self.set_query(self._query.with_(search=text))

    def set_filters(self, **filters: Any) -> None:
        """Replace the filters (a value of None means "not set" and is dropped)."""
        items = tuple(sorted((k, v) for k, v in filters.items() if v is not None and v != ""))
        if items != self._query.filters:
            self.set_query(self._query.with_(filters=items))

    def reload(self) -> None:
        """Load the current query from scratch (first showing)."""
        self._start(keep_total=False, soft=False)

    def refresh(self) -> None:
        """The data changed (saved, imported, deleted): fetch again, keeping the scroll position."""
        if not self.is_loaded:
            self.reload()
            return
        self._start(keep_total=False, soft=True)

    # --- Qt's model interface ----------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._spec.columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            page = self._page_for(index.row(), fetch=True)
            if page is None:
                return PLACEHOLDER if role == Qt.ItemDataRole.DisplayRole else None
            i = index.row() % self._page_size
            if i >= len(page.display):
                return None
            return page.display[i][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if self._spec.columns[index.column()].kind in NUMERIC_KINDS:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == IdRole:
            return self.row_id(index.row())
        if role == RawRole:
            page = self._page_for(index.row())
            if page is None:
                return None
            i = index.row() % self._page_size
            return page.rows[i][index.column() + 1] if i < len(page.rows) else None
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or section >= len(self._spec.columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return header(self._spec.columns[section].key, self._spec.name)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if self._spec.columns[section].kind in NUMERIC_KINDS:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._spec.columns) or self._spec.columns[column].sort is None:
            return
        key = self._spec.columns[column].key
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) != (self._query.sort or self._spec.default_sort, self._query.descending):
            self.set_query(self._query.with_(sort=key, descending=descending))

    def sort_column(self) -> int:
        return self.column_of(self._query.sort or self._spec.default_sort)

    def canFetchMore(self, parent: _Index) -> bool:
        if parent.isValid() or self._total is not None or not self._more:
            return False
        return self._rows // self._page_size not in self._in_flight

    def fetchMore(self, parent: _Index) -> None:
        if self.canFetchMore(parent):
            self._want(self._rows // self._page_size)

    # --- pages -------------------------------------------------------------------------------------

    def _page_for(self, row: int, fetch: bool = False) -> _Page | None:
        number = row // self._page_size
        page = self._pages.get(number)
        if page is not None:
            self._pages.move_to_end(number)
            return page
        if fetch:
            self._want(number)
        return self._stale.get(number)

    def _want(self, number: int) -> None:
        if number in self._in_flight:
            return
        if number in self._wanted:
            self._wanted.remove(number)
        self._wanted.append(number)
        del self._wanted[: -self.MAX_WANTED]
        if not self._pump_queued:
            self._pump_queued = True
            QTimer.singleShot(0, self._pump)  # not from inside data(): after this paint

    def _pump(self) -> None:
        self._pump_queued = False
        while self._wanted and len(self._in_flight) < self.MAX_IN_FLIGHT:
            number = self._wanted.pop()  # the latest wish first: where the user is looking now
            if number in self._pages:
                continue
            self._in_flight.add(number)
            self._fetch(number, first=False)

    def _fetch(self, number: int, *, first: bool) -> None:
        gen, query, size, db, spec = self._gen, self._query, self._page_size, self._db, self._spec

        def stale() -> bool:
            return gen != self._gen

        def work(task: workers.Task) -> tuple[search.Page, list[tuple[str, ...]]]:
            if stale():
                raise workers.Cancelled()
            try:
                with db.engine.connect() as conn:
                    page = search.fetch_page(conn, query, number * size, size, should_stop=stale)
            except Interrupted:
                raise workers.Cancelled() from None  # the user asked for something else meanwhile
            return page, [display_row(spec, r) for r in page.rows]

        workers.run_task(
            work,
            on_done=lambda result: self._arrived(gen, number, first, *result),
            on_error=lambda exc: self._fetch_failed(gen, number, first, exc),
            owner=self,
        )

    def _arrived(
        self, gen: int, number: int, first: bool, page: search.Page, display: list[tuple[str, ...]]
    ) -> None:
        if gen != self._gen:
            return
        self._in_flight.discard(number)
        if first:
            self._first_arrived(page, display)
        else:
            self._store(number, page, display)
        if self._wanted:
            self._pump()

    def _first_arrived(self, page: search.Page, display: list[tuple[str, ...]]) -> None:
        soft = self._soft
        self.last_plan = page.plan
        self._estimate = page.estimate
        total = page.total if page.total is not None else self._keep_total
        if soft:
            # keep the row count and the stale rows until the recount; replace page 0 in place
            self._pages[0] = _Page(page.rows, display)
            if self._rows:
                self._emit_changed(0, min(self._rows, len(page.rows) or 1) - 1)
            self._stale_cleanup()
        else:
            self.beginResetModel()
            self._pages.clear()
            self._stale.clear()
            self._pages[0] = _Page(page.rows, display)
            self._total = total
            self._rows = total if total is not None else len(page.rows)
            self._more = total is None and len(page.rows) == self._page_size
            self.endResetModel()
        self._first_pending = False
        self.is_loaded = True
        recount = (soft or total is None) and page.total is None
        self._counting = recount  # before anyone hears of the first page: the count is on its way
        self.first_page_loaded.emit()
        if recount:
            self._count()
        elif soft or total is None:
            self._set_total(page.total if page.total is not None else len(page.rows))
        else:
            self.count_changed.emit()
        if self._wanted:
            self._pump()

    def _store(self, number: int, page: search.Page, display: list[tuple[str, ...]]) -> None:
        self._pages[number] = _Page(page.rows, display)
        self._stale.pop(number, None)
        while len(self._pages) > self.MAX_PAGES:
            self._pages.popitem(last=False)
        first_row = number * self._page_size
        end = first_row + len(page.rows)
        if self._total is not None and len(page.rows) < self._page_size and end < self._rows:
            # the list ended early: rows were deleted since the count (here or by sync)
            self._set_total(end)
        if self._total is None:
            if end > self._rows:
                self.beginInsertRows(QModelIndex(), self._rows, end - 1)
                self._rows = end
                self.endInsertRows()
            self._more = len(page.rows) == self._page_size
            if page.total is not None:
                self._more = False
        if page.rows:
            self._emit_changed(first_row, min(end, self._rows) - 1)

    def _emit_changed(self, first_row: int, last_row: int) -> None:
        if last_row < first_row or self._rows == 0:
            return
        self.dataChanged.emit(
            self.index(first_row, 0),
            self.index(min(last_row, self._rows - 1), len(self._spec.columns) - 1),
            [Qt.ItemDataRole.DisplayRole],
        )

    def _fetch_failed(self, gen: int, number: int, first: bool, exc: BaseException) -> None:
        if gen != self._gen:
            return
        self._in_flight.discard(number)
        if isinstance(exc, (workers.Cancelled, Interrupted)):
            return
        self.last_error = exc
        if first:
            self._first_pending = False
            self.is_loaded = True  # loaded, with an error to show
            if not self._soft:
                self.beginResetModel()
                self._pages.clear()
                self._stale.clear()
                self._rows, self._total, self._more = 0, 0, False
                self.endResetModel()
        self.load_failed.emit(exc)

    def _stale_cleanup(self) -> None:
        # stale pages beyond the end of the list can go; the rest are replaced as they are fetched
        last = max(self._rows - 1, 0) // self._page_size
        for number in [n for n in self._stale if n > last]:
            del self._stale[number]

    # --- counting ----------------------------------------------------------------------------------

    def _count(self) -> None:
        gen, query, db = self._gen, self._query, self._db
        self._counting = True
        self.count_changed.emit()

        def stale() -> bool:
            return gen != self._gen

        def work(task: workers.Task) -> int:
            if stale():
                raise workers.Cancelled()
            try:
                with db.engine.connect() as conn:
                    return search.count_rows(conn, query, should_stop=stale)
            except Interrupted:
                raise workers.Cancelled() from None

        def done(n: int) -> None:
            if gen == self._gen:
                self._counting = False
                self._set_total(n)

        def failed(exc: BaseException) -> None:
            if gen != self._gen:
                return
            self._counting = False
            if not isinstance(exc, (workers.Cancelled, Interrupted)):
                self.last_error = exc
            self.count_changed.emit()

        workers.run_task(work, on_done=done, on_error=failed, owner=self)

    def _set_total(self, n: int) -> None:
        self._total = n
        self._more = False
        if n > self._rows:
            self.beginInsertRows(QModelIndex(), self._rows, n - 1)
            self._rows = n
            self.endInsertRows()
        elif n < self._rows:
            self.beginRemoveRows(QModelIndex(), n, self._rows - 1)
            self._rows = n
            self.endRemoveRows()
            last = max(n - 1, 0) // self._page_size
            for number in [p for p in self._pages if p > last]:
                del self._pages[number]
        self._stale_cleanup()
        self.count_changed.emit()

    # --- starting a query --------------------------------------------------------------------------

    def _start(self, *, keep_total: bool, soft: bool) -> None:
        self._gen += 1
        self._soft = soft
        self._keep_total = self._total if keep_total else None
        self._in_flight.clear()
        self._wanted.clear()
        self._counting = False
        self.last_error = None
        if soft:
            # the rows on screen stay (as stale) until their fresh pages arrive: no flash of "…"
            self._stale.update(self._pages)
            self._pages.clear()
            self._total = None
        self._first_pending = True
        self._in_flight.add(0)
        self._fetch(0, first=True)
        self.count_changed.emit()
