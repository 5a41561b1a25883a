"""The lab page's tabs on the office's 1366×768 screen: every tab in sight with its whole label, no
scroll arrows; on a smaller screen every tab is still in sight with a short label that reads whole (a
word or two, not a word cut by "…"; the whole label in its tooltip), never behind an arrow."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTabBar, QToolButton
from small_screen import LOGICAL, on_office_screen, on_small_screen, run_in_child

from dipdesk.ui.main_window import MainWindow
from dipdesk.ui.pages.lab import LabPage

HERE = Path(__file__)


def _open_lab(qtbot, env, width: int, height: int) -> tuple[MainWindow, LabPage]:  # type: ignore[no-untyped-def]
    window = MainWindow(env)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.showNormal()
    window.resize(width, height)
    page = window.select_view("lab")
    assert isinstance(page, LabPage)
    qtbot.waitUntil(lambda: page.is_ready, timeout=20_000)
    qtbot.wait(50)
    QApplication.processEvents()
    return window, page


def _shot(window: MainWindow, name: str) -> None:
    folder = os.environ.get("DIPDESK_SMALL_SCREEN_SHOTS")  # as in test_small_screen: to look at them
    if folder:
        window.grab().save(str(Path(folder) / f"{name}.png"))


def _scroll_arrows(bar: QTabBar) -> list[QToolButton]:
    return [b for b in bar.findChildren(QToolButton) if b.isVisible()]


def _tab_problems(bar: QTabBar, *, whole: bool) -> list[str]:
    """Tabs out of sight (or, `whole`, narrower than their full label needs) and visible scroll arrows."""
    shown = bar.visibleRegion().boundingRect()
    out = [f"scroll arrow shown: {b.objectName() or b.arrowType()}" for b in _scroll_arrows(bar)]
    for i in range(bar.count()):
        rect, text = bar.tabRect(i), bar.tabText(i)
        if not shown.contains(rect):
            out.append(f"tab {text!r} at {rect} is not all in sight ({shown})")
        if whole:
            need = bar.fontMetrics().horizontalAdvance(text)
            if rect.width() < bar.tabSizeHint(i).width() or rect.width() < need:
                out.append(
                    f"tab {text!r} is {rect.width()} px wide, needs {bar.tabSizeHint(i).width()} (label {need})"
                )
        if not bar.tabToolTip(i):
            out.append(f"tab {text!r} has no tooltip with its whole name")
    return out


def test_every_lab_tab_reads_whole_at_1366(qtbot, env, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    if not on_office_screen():
        run_in_child(
            f"{HERE}::test_every_lab_tab_reads_whole_at_1366", tmp_path, width=1366, height=768, scale=1.0
        )
        return
    # a real desktop leaves less than 768: a taskbar (40 px) and the title bar (24 px)
    window, page = _open_lab(qtbot, env, 1366, 768 - 40 - 24)
    bar = page.tabs.tabBar()
    assert bar.count() == 6
    problems = _tab_problems(bar, whole=True)
    assert not problems, "\n".join(problems)
    # the last tab opens with a click where it is shown, no scrolling first
    last = bar.count() - 1
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(last).center())
    assert page.tabs.currentIndex() == last
    problems = _tab_problems(bar, whole=True)
    assert not problems, "\n".join(problems)
    _shot(window, "lab-tabs-1366")
    full = [bar.tabText(i) for i in range(bar.count())]
    assert full == [bar.tabToolTip(i) for i in range(bar.count())]
    # the window made narrower: short labels, each whole; wide again: the full labels come back
    window.resize(1000, 768 - 40 - 24)
    qtbot.waitUntil(lambda: bar.tabText(0) != full[0], timeout=5_000)
    problems = _tab_problems(bar, whole=True)
    assert not problems, "\n".join(problems)
    assert all(bar.tabText(i) == full[i] or len(bar.tabText(i)) < len(full[i]) for i in range(bar.count()))
    window.resize(1366, 768 - 40 - 24)
    qtbot.waitUntil(lambda: [bar.tabText(i) for i in range(bar.count())] == full, timeout=5_000)


def test_every_lab_tab_is_in_sight_on_a_small_screen(qtbot, env, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    if not on_small_screen():
        run_in_child(f"{HERE}::test_every_lab_tab_is_in_sight_on_a_small_screen", tmp_path)
        return
    window, page = _open_lab(qtbot, env, LOGICAL.width(), LOGICAL.height())
    bar = page.tabs.tabBar()
    _shot(window, "lab-tabs-1280-125")
    problems = _tab_problems(bar, whole=True)  # the short labels read whole, none cut by "…"
    assert not problems, "\n".join(problems)
    shortened = 0
    for i in range(bar.count()):
        shown, whole = bar.tabText(i), bar.tabToolTip(i)  # ("ควบคุมคุณภาพ" is short already)
        assert shown == whole or len(shown) < len(whole), (
            f"{shown!r}: the short label, {whole!r} in its tooltip"
        )
        shortened += shown != whole
    assert shortened >= 4
