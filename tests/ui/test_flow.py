"""FlowLayout and CardGrid (dipdesk.ui.flow): rows that wrap instead of cutting their widgets."""

from __future__ import annotations

import itertools

from PySide6.QtWidgets import QFrame, QLineEdit, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from dipdesk.ui.flow import CardGrid, FlowLayout


def _lines(widgets: list[QWidget]) -> int:
    """How many lines the widgets sit on (items of one line are centred on it: tops differ a little)."""
    tops = sorted(w.y() for w in widgets)
    return 1 + sum(1 for a, b in itertools.pairwise(tops) if b - a > 10)


def test_buttons_wrap_whole_and_a_search_box_fills_its_line(qtbot) -> None:  # type: ignore[no-untyped-def]
    holder = QWidget()
    qtbot.addWidget(holder)
    flow = FlowLayout(holder, spacing=8)
    flow.setContentsMargins(0, 0, 0, 0)
    search = QLineEdit()
    search.setMinimumWidth(200)
    search.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    buttons = [QPushButton(t) for t in ("รับตัวอย่าง…", "ออกรายงานผล", "ดู/พิมพ์รายงานผล", "ใบรับตัวอย่าง")]
    flow.addWidget(search)
    for b in buttons:
        flow.addWidget(b)
    one_line = flow.sizeHint().width()
    holder.resize(one_line, flow.heightForWidth(one_line))
    holder.show()
    qtbot.waitExposed(holder)
    assert _lines([search, *buttons]) == 1  # wide enough: one line
    narrow = 200 + 8 + buttons[0].sizeHint().width() + 10
    assert flow.heightForWidth(narrow) > flow.heightForWidth(one_line)
    holder.resize(narrow, flow.heightForWidth(narrow))
    qtbot.wait(10)
    for b in buttons:  # never narrower than their text, never past the right edge
        assert b.width() >= b.sizeHint().width()
        assert b.geometry().right() < narrow
    assert _lines([search, *buttons]) >= 3
    assert search.geometry().right() <= narrow and search.width() >= 200
    assert flow.minimumSize().width() == max(200, *(b.sizeHint().width() for b in buttons))


def test_four_cards_become_two_by_two_not_three_and_one(qtbot) -> None:  # type: ignore[no-untyped-def]
    page = QWidget()
    qtbot.addWidget(page)
    col = QVBoxLayout(page)
    grid = CardGrid(per_row=4, spacing=14)
    cards = []
    for _ in range(4):
        card = QFrame()
        card.setMinimumSize(150, 90)
        cards.append(card)
        grid.addWidget(card)
    col.addLayout(grid)
    page.resize(4 * 150 + 3 * 14 + 40, 300)
    page.show()
    qtbot.waitExposed(page)
    assert grid.columns(4 * 150 + 3 * 14) == 4
    assert len({c.y() for c in cards}) == 1
    assert grid.columns(3 * 150 + 2 * 14) == 2  # three would fit, but 3 + 1 looks broken
    assert grid.columns(140) == 1
    page.resize(2 * 150 + 14 + 40 + 10, 400)
    qtbot.waitUntil(lambda: len({c.y() for c in cards}) == 2)
    assert all(c.width() >= 150 for c in cards)


def test_a_growing_item_stops_at_its_maximum_without_leaving_a_gap(qtbot) -> None:  # type: ignore[no-untyped-def]
    holder = QWidget()
    qtbot.addWidget(holder)
    flow = FlowLayout(holder, spacing=8)
    flow.setContentsMargins(0, 0, 0, 0)
    code = QLineEdit()  # expanding by default, but capped
    code.setMaximumWidth(220)
    search = QLineEdit()
    button = QPushButton("ข้าม")
    for w in (code, button, search):
        flow.addWidget(w)
    holder.resize(900, flow.heightForWidth(900))
    holder.show()
    qtbot.waitExposed(holder)
    assert code.width() == 220
    assert button.x() == code.geometry().right() + 1 + 8  # right after it: no hole where it stopped
    assert search.geometry().right() == 899  # the other grower takes the rest of the line
