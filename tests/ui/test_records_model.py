"""The lazy table model: pages fetched in workers on demand, counted apart, never blocking the GUI."""

from __future__ import annotations

import sqlite3
import threading
import time
import uuid

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from dipdesk.services import search
from dipdesk.services.search import ListQuery
from dipdesk.ui.models.lazy import PLACEHOLDER, LazyTableModel

EXTRA = 1000


@pytest.fixture
def db(seeded_db, db_path):  # type: ignore[no-untyped-def]
    """The seeded database plus a thousand people (written straight in: this tests reading)."""
    conn = sqlite3.connect(db_path)
    site = conn.execute("SELECT id FROM sites WHERE code = 'IPC1'").fetchone()[0]
    rows = [
        (
            str(uuid.UUID(int=i + 1)),
            site,
            "นาย",
            f"ทดสอบ{i:04d}",
            f"นามสกุล{i % 37:02d}",
            "",
            "",
            "",
            "",
            "",
            0,
        )
        for i in range(EXTRA)
    ]
    with conn:
        conn.executemany(
            "INSERT INTO people (id, site_id, prefix, first_name_th, last_name_th, first_name_en, last_name_en, "
            "gender, phone, email, consent, address, created_at, updated_at, deleted) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', '2025-01-01', '2025-01-01', 0)",
            rows,
        )
    conn.close()
    return seeded_db


@pytest.fixture
def model(qtbot, db):  # type: ignore[no-untyped-def]
    m = LazyTableModel(db, ListQuery("people"))
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(m)
    view.resize(900, 500)
    view.show()
    m.reload()
    qtbot.waitUntil(lambda: m.total is not None, timeout=5_000)
    m.view = view  # type: ignore[attr-defined]
    return m


def test_first_page_then_the_count(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    release = threading.Event()
    real = search.count_rows

    def slow_count(*args, **kwargs):  # type: ignore[no-untyped-def]
        release.wait(5)
        return real(*args, **kwargs)

    m = LazyTableModel(db, ListQuery("people"))
    counts = []
    m.count_changed.connect(lambda: counts.append((m.total, m.counting)))
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(search, "count_rows", slow_count)
        m.reload()
        qtbot.waitUntil(lambda: m.is_loaded and not m.loading, timeout=5_000)
        assert m.rowCount() == search.PAGE_SIZE and m.total is None and m.counting
        assert m.canFetchMore(m.index(-1, -1)), "until counted, the list grows as it is scrolled"
        m.fetchMore(m.index(-1, -1))
        qtbot.waitUntil(lambda: m.rowCount() == 2 * search.PAGE_SIZE, timeout=5_000)
        release.set()
        qtbot.waitUntil(lambda: m.total == EXTRA + 2, timeout=5_000)
    assert m.rowCount() == EXTRA + 2 and not m.counting and not m.canFetchMore(m.index(-1, -1))
    assert counts[-1] == (EXTRA + 2, False)


def test_an_unloaded_row_answers_at_once_and_fills_in(qtbot, model) -> None:  # type: ignore[no-untyped-def]
    m = model
    gate = threading.Event()
    real = search.fetch_page

    def slow_page(*args, **kwargs):  # type: ignore[no-untyped-def]
        gate.wait(5)
        return real(*args, **kwargs)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(search, "fetch_page", slow_page)
        row = 4 * search.PAGE_SIZE + 7
        started = time.perf_counter()
        for _ in range(200):  # what a view does while painting: never waits on SQL
            assert m.data(m.index(row, 1)) == PLACEHOLDER
        assert time.perf_counter() - started < 0.05
        changed = []
        m.dataChanged.connect(lambda a, b, roles: changed.append((a.row(), b.row())))
        gate.set()
        qtbot.waitUntil(lambda: m.data(m.index(row, 1)) != PLACEHOLDER, timeout=5_000)
    assert (4 * search.PAGE_SIZE, 5 * search.PAGE_SIZE - 1) in changed
    assert m.row_id(row) is not None and m.row_values(row)["name"].startswith("นาย")


def test_scrolling_fetches_only_what_is_shown_and_forgets_old_pages(qtbot, model) -> None:  # type: ignore[no-untyped-def]
    m = model
    m.MAX_PAGES = 2
    view = m.view
    for target in (300, 700, 999):
        view.scrollTo(m.index(target, 0))
        qtbot.waitUntil(lambda t=target: m.data(m.index(t, 0)) != PLACEHOLDER, timeout=5_000)
    assert len(m._pages) <= 2
    view.scrollTo(m.index(0, 0))
    qtbot.waitUntil(lambda: m.data(m.index(0, 0)) != PLACEHOLDER, timeout=5_000)


def test_sort_and_search_run_in_sql_and_stale_answers_are_dropped(qtbot, model) -> None:  # type: ignore[no-untyped-def]
    m = model
    m.sort(m.column_of("last_name_th"), Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: not m.loading and m.query.sort == "last_name_th", timeout=5_000)
    assert m.data(m.index(0, 1)) == "รักไทย"  # ร sorts after น and ม
    assert m.total == EXTRA + 2, "a new sort keeps the count"
    m.set_search("นามสกุล0")
    m.set_search("นามสกุล36")  # typed on before the first answer came
    qtbot.waitUntil(lambda: not m.loading and m.total is not None, timeout=5_000)
    assert m.query.search == "นามสกุล36"
    assert m.total == len([i for i in range(EXTRA) if i % 37 == 36])
    assert {m.data(m.index(r, 1)) for r in range(m.rowCount())} == {"นามสกุล36"}


def test_refresh_after_a_change_keeps_the_rows_and_recounts(qtbot, model, db_path) -> None:  # type: ignore[no-untyped-def]
    m = model
    first = m.row_id(0)
    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute("UPDATE people SET deleted = 1 WHERE id = ?", (first,))
    conn.close()
    reset = []
    m.modelReset.connect(lambda: reset.append(True))
    m.refresh()
    assert m.data(m.index(0, 0)) != PLACEHOLDER, "the old rows stay on screen until the new ones arrive"
    qtbot.waitUntil(lambda: m.total == EXTRA + 1, timeout=5_000)
    assert m.row_id(0) != first and m.rowCount() == EXTRA + 1 and not reset
