"""A row of widgets that wraps onto the next line when the window is narrow, instead of cutting them.

Button rows, filter bars and rows of figure cards are laid out in one line on a wide screen; on 1280×720
at 125 % scaling (1024 logical pixels, less the navigation list) they would be wider than the page, and
a QHBoxLayout then squeezes its buttons below their text ("ออกรายงานผล" cut to "ออกรา") or makes the page
scroll sideways. `FlowLayout` places items left to right and starts a new line where the next one would
not fit; it reports the height it needs for a given width, so the page grows downwards instead.

Items keep their size hint; an item whose horizontal policy can expand (a search box, a card) shares
the room left on its line with the others that can, so a line is filled edge to edge.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QSizePolicy, QWidget, QWidgetItem


class FlowLayout(QLayout):
    def __init__(
        self, parent: QWidget | None = None, spacing: int = 8, line_spacing: int | None = None
    ) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._h = spacing
        self._v = spacing if line_spacing is None else line_spacing
        if parent is None:
            self.setContentsMargins(0, 0, 0, 0)

    # --- QLayout's interface ------------------------------------------------------------------------

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)
        self.invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        if 0 <= index < len(self._items):
            item = self._items.pop(index)
            self.invalidate()
            return item
        return None

    def insertWidget(self, index: int, widget: QWidget) -> None:
        self.addChildWidget(widget)
        self._items.insert(max(0, min(index, len(self._items))), QWidgetItem(widget))
        self.invalidate()

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        """Everything on one line (what it would like)."""
        m = self.contentsMargins()
        shown = [i for i in self._items if not i.isEmpty()]
        width = sum(i.sizeHint().width() for i in shown) + self._h * max(0, len(shown) - 1)
        height = max((i.sizeHint().height() for i in shown), default=0)
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def minimumSize(self) -> QSize:
        """As narrow as its widest item: the rest goes onto further lines."""
        size = QSize()
        for item in self._items:
            if not item.isEmpty():
                size = size.expandedTo(item.minimumSize().expandedTo(_least(item)))
        m: QMargins = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    # --- placing ------------------------------------------------------------------------------------

    def _gap(self, item: QLayoutItem, horizontal: bool) -> int:
        gap = self._h if horizontal else self._v
        if gap >= 0:
            return gap
        widget = item.widget()
        style = widget.style() if widget is not None else None
        if style is None:
            return 6
        kind = QSizePolicy.ControlType.PushButton
        orientation = Qt.Orientation.Horizontal if horizontal else Qt.Orientation.Vertical
        return style.layoutSpacing(kind, kind, orientation)

    def _lines(self, width: int) -> list[list[QLayoutItem]]:
        lines: list[list[QLayoutItem]] = [[]]
        used = 0
        for item in self._items:
            if item.isEmpty():
                continue
            w = _least(item).width()
            line = lines[-1]
            needed = w if not line else used + self._gap(item, True) + w
            if line and needed > width:
                lines.append([item])
                used = w
            else:
                line.append(item)
                used = needed
        return [line for line in lines if line]

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        y = area.y()
        lines = self._lines(area.width())
        for n, line in enumerate(lines):
            widths = [_least(i).width() for i in line]
            gaps = sum(self._gap(i, True) for i in line[1:])
            spare = max(0, area.width() - sum(widths) - gaps)
            growing = [k for k, i in enumerate(line) if _grows(i)]
            # items that can grow share the spare room (one that reaches its maximum leaves the rest to
            # the others); none is wider than the line or than its own maximum
            while growing and spare > 0:
                share = max(1, spare // len(growing))
                for k in list(growing):
                    room = line[k].maximumSize().width() - widths[k]
                    step = min(share, room, spare)
                    widths[k] += step
                    spare -= step
                    if step < share:
                        growing.remove(k)
            for k in range(len(line)):
                widths[k] = min(widths[k], max(area.width(), 1))
            height = max(i.sizeHint().height() for i in line)
            x = area.x()
            for k, item in enumerate(line):
                h = (
                    item.sizeHint().height()
                    if not item.hasHeightForWidth()
                    else item.heightForWidth(widths[k])
                )
                h = height if _fills_height(item) else min(h, height)
                if move:
                    top = y + (height - h) // 2
                    item.setGeometry(QRect(QPoint(x, top), QSize(widths[k], h)))
                x += widths[k] + (self._gap(line[k + 1], True) if k + 1 < len(line) else 0)
            y += height + (self._v if n + 1 < len(lines) else 0)
        return y - rect.y() + m.bottom()


def _least(item: QLayoutItem) -> QSize:
    """The width an item is laid out at before sharing spare room: its size hint, never less than its
    minimum (a button's text fits), never more than its maximum."""
    hint = item.sizeHint().expandedTo(item.minimumSize())
    return hint.boundedTo(item.maximumSize())


def _grows(item: QLayoutItem) -> bool:
    widget = item.widget()
    if widget is None:
        return False
    policy = widget.sizePolicy().horizontalPolicy()
    return (
        bool(policy.value & QSizePolicy.PolicyFlag.ExpandFlag.value)
        and item.maximumSize().width() > _least(item).width()
    )


def _fills_height(item: QLayoutItem) -> bool:
    widget = item.widget()
    return widget is not None and widget.sizePolicy().verticalPolicy() == QSizePolicy.Policy.Expanding


def flow_row(*widgets: QWidget, spacing: int = 8) -> tuple[QWidget, FlowLayout]:
    """A widget holding `widgets` in a `FlowLayout` (for putting a wrapping row into a box layout)."""
    holder = QWidget()
    holder.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
    flow = FlowLayout(holder, spacing=spacing)
    flow.setContentsMargins(0, 0, 0, 0)
    for w in widgets:
        flow.addWidget(w)
    return holder, flow


class CardGrid(QLayout):
    """Figure cards in equal columns: `per_row` of them where there is room; fewer on a narrow page
    (4 become 2 × 2 rather than 3 + 1), down to one, so a card is never squeezed below its minimum."""

    def __init__(self, per_row: int = 4, spacing: int = 14) -> None:
        super().__init__()
        self._items: list[QLayoutItem] = []
        self.per_row = per_row
        self._gap = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)
        self.invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        if 0 <= index < len(self._items):
            item = self._items.pop(index)
            self.invalidate()
            return item
        return None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation.Horizontal

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def _shown(self) -> list[QLayoutItem]:
        return [i for i in self._items if not i.isEmpty()]

    def _card_min(self) -> int:
        return max((i.minimumSize().width() for i in self._shown()), default=0)

    def sizeHint(self) -> QSize:
        shown = self._shown()
        cols = min(self.per_row, len(shown)) or 1
        w = sum(sorted((i.sizeHint().width() for i in shown), reverse=True)[:cols]) + self._gap * (cols - 1)
        return QSize(w, self.heightForWidth(w))

    def minimumSize(self) -> QSize:
        shown = self._shown()
        return QSize(self._card_min(), max((i.minimumSize().height() for i in shown), default=0))

    def columns(self, width: int) -> int:
        n = len(self._shown())
        if n == 0:
            return 1
        least = max(1, self._card_min())
        fits = max(1, (width + self._gap) // (least + self._gap))
        cols = min(self.per_row, n, fits)
        if cols < min(self.per_row, n):  # wrapping anyway: even rows (2 × 2) rather than 3 + 1
            while cols > 1 and n % cols and (n % cols) < cols - 1:
                cols -= 1
        return cols

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        shown = self._shown()
        cols = self.columns(rect.width())
        w = max(1, (rect.width() - self._gap * (cols - 1)) // cols)
        y = rect.y()
        for start in range(0, len(shown), cols):
            row = shown[start : start + cols]
            h = max(
                max(
                    i.heightForWidth(w) if i.hasHeightForWidth() else i.sizeHint().height(),
                    i.minimumSize().height(),
                )
                for i in row
            )
            if move:
                for k, item in enumerate(row):
                    item.setGeometry(QRect(rect.x() + k * (w + self._gap), y, w, h))
            y += h + self._gap
        return max(0, y - self._gap - rect.y())


def together(*widgets: QWidget, spacing: int = 6) -> QWidget:
    """Widgets that must stay on one line of a `FlowLayout` (a label and its combo box)."""
    from PySide6.QtWidgets import QHBoxLayout

    holder = QWidget()
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(spacing)
    for w in widgets:
        row.addWidget(w)
    if any(w.sizePolicy().horizontalPolicy() == QSizePolicy.Policy.Expanding for w in widgets):
        holder.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)  # a search box in it
    return holder
