"""Helpers of the small-screen tests: a real 1280×720 screen at 125 % scaling, and what "cut" means.

1280×720 at 125 % (a common office laptop setting) leaves 1024×576 logical pixels. The offscreen
platform is given exactly that screen (a `configfile` with the screen and `QT_SCALE_FACTOR=1.25`); a test
session that runs on another screen runs the test again in a child process that has it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QTabBar,
    QToolButton,
    QWidget,
)

WIDTH, HEIGHT, SCALE = 1280, 720, 1.25
LOGICAL = QRect(0, 0, round(WIDTH / SCALE), round(HEIGHT / SCALE))  # 1024×576
OFFICE = QRect(0, 0, 1366, 768)  # the office screen, at 100 %
CHILD = "DIPDESK_SMALL_SCREEN_CHILD"


def on_small_screen() -> bool:
    screen = QApplication.primaryScreen()
    return screen is not None and screen.geometry() == LOGICAL


def on_office_screen() -> bool:
    """Whether the screen is the office's 1366×768 at 100 %."""
    screen = QApplication.primaryScreen()
    return screen is not None and screen.geometry() == OFFICE


def run_in_child(
    nodeid: str,
    tmp_path: Path,
    timeout: int = 600,
    *,
    width: int = WIDTH,
    height: int = HEIGHT,
    scale: float = SCALE,
) -> None:
    """Run the test `nodeid` (path::name) in a child pytest with the 1280×720 screen at 125 % (or the
    screen given: `width=1366, height=768, scale=1` is the office's)."""
    if os.environ.get(CHILD):
        raise AssertionError(f"the child process did not get its {width}×{height} screen at {scale:g}×")
    config = tmp_path / "screen.json"
    screen = {"name": "laptop", "x": 0, "y": 0, "width": width, "height": height}
    screen |= {"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
    config.write_text(json.dumps({"screens": [screen]}))
    env = {
        **os.environ,
        CHILD: "1",
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "QT_SCALE_FACTOR": str(scale),
    }
    root = Path(__file__).resolve().parents[2]
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            nodeid,
            "-q",
            "-p",
            "no:cacheprovider",
            "-x",
            "--rootdir",
            str(root),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=root,
    )
    assert run.returncode == 0, run.stdout[-8000:] + run.stderr[-3000:]


def _name(w: QWidget) -> str:
    text = ""
    if isinstance(w, (QAbstractButton, QLabel)):
        text = w.text()
    elif isinstance(w, QComboBox):
        text = w.currentText()
    return f"{type(w).__name__}({w.objectName() or text[:40]!r})"


def _shown_width(w: QWidget) -> int:
    """How much of `w` is really visible horizontally (a parent's clipping included)."""
    region = w.visibleRegion().boundingRect()
    return region.width() if not region.isEmpty() else 0


def _deliberately_elided(w: QWidget) -> bool:
    """Our widgets that shorten their text with "…" and show all of it in a tooltip."""
    return type(w).__name__ in ("ElidedLabel", "ElidedButton")


def cut_widgets(top: QWidget) -> list[str]:
    """Visible widgets under `top` whose text does not fit: buttons, check boxes and one-line labels
    narrower than their text needs, combo boxes narrower than their current text, widgets whose right edge
    runs past the window or past the visible part of a scrolled parent. Empty when nothing is cut."""
    out: list[str] = []
    window = top.window()
    win_rect = QRect(QPoint(0, 0), window.size())
    for w in [top, *top.findChildren(QWidget)]:
        if not w.isVisible() or w.width() <= 0 or w.height() <= 0:
            continue
        if w.visibleRegion().isEmpty():
            continue  # scrolled out of view: the user scrolls to it
        if isinstance(w.parentWidget(), QTabBar) or isinstance(w, QTabBar):
            continue  # tab bars scroll their tabs with arrows
        if _deliberately_elided(w):
            continue
        need = 0
        if isinstance(w, (QPushButton, QToolButton, QCheckBox, QRadioButton)):
            if w.text():
                need = w.sizeHint().width()
        elif isinstance(w, QLabel) and not w.wordWrap() and w.text() and w.pixmap().isNull():
            need = w.minimumSizeHint().width()
        elif isinstance(w, QComboBox) and w.currentText():
            metrics = w.fontMetrics()
            need = min(w.sizeHint().width(), metrics.horizontalAdvance(w.currentText()) + 36)
        if need and w.width() + 1 < need:
            out.append(f"{_name(w)} is {w.width()} px wide, needs {need}")
            continue
        if need and _shown_width(w) + 1 < min(w.width(), need):
            out.append(f"{_name(w)} shows {_shown_width(w)} of {w.width()} px")
            continue
        in_window = QRect(w.mapTo(window, QPoint(0, 0)), w.size())
        if w is not window and in_window.right() > win_rect.right() + 1 and need:
            out.append(f"{_name(w)} runs past the window's right edge ({in_window} in {win_rect})")
    return out


def horizontal_scrollbars(top: QWidget) -> list[str]:
    """Scroll areas (pages, dialog bodies) under `top` that show a horizontal scroll bar. Tables and
    lists are allowed theirs (a wide table scrolls); the frames that hold forms and pages are not."""
    out = []
    for area in [top, *top.findChildren(QAbstractScrollArea)]:
        if not isinstance(area, QScrollArea) or not area.isVisible():
            continue
        bar = area.horizontalScrollBar()
        if bar.isVisible() and bar.maximum() > 0:
            inner = area.widget()
            out.append(
                f"{_name(area)} in {type(area.window()).__name__} scrolls sideways "
                f"({inner.minimumSizeHint().width() if inner else '?'} px wanted, {area.viewport().width()} shown)"
            )
    return out


def settled(qtbot, check, tries: int = 5, pause_ms: int = 300) -> list[str]:  # type: ignore[no-untyped-def]
    """What `check()` finds once the widgets have settled. A page still filling a list in a worker (or a
    busy machine slow to deliver the layout events) can be caught for a moment between two layouts; only
    a problem that stays is one a user sees."""
    found: list[str] = check()
    for _ in range(tries):
        if not found:
            break
        qtbot.wait(pause_ms)
        found = check()
    return found
