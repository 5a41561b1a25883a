"""Work that can wait a moment starts once a window has painted, not before.

A worker started while a window is being shown (opening the database, importing SQLAlchemy) runs Python
and so holds the interpreter lock the GUI thread needs for every event it handles in Python: the first
paint waits for it. `after_first_paint` runs a callable once the widget has painted (or a second after
it was asked, if no paint comes: a minimised window).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _FirstPaint(QObject):
    def __init__(self, widget: QWidget, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self.then: Callable[[], None] | None = then
        widget.installEventFilter(self)
        QTimer.singleShot(1000, self.fire)  # in case no paint comes (a minimised window)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, self.fire)
        return False

    def fire(self) -> None:
        then, self.then = self.then, None
        if then is not None:
            parent = self.parent()
            if isinstance(parent, QWidget):
                parent.removeEventFilter(self)
            then()


def after_first_paint(widget: QWidget, then: Callable[[], None]) -> None:
    """Call `then` once `widget` has been painted (or a second after, if no paint comes): work that
    can wait a moment does not delay the window's first appearance."""
    _FirstPaint(widget, then)
