"""Icons from `resources/icons/*.svg`, drawn in the theme's colours.

The SVGs are line drawings in `currentColor`; we substitute a colour and render them, so one file serves
the light and the dark theme.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QObject, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QAction, QIcon, QIconEngine, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from dipdesk.paths import resource

SIZES = (16, 24, 32, 48)


@cache
def _svg(name: str) -> str:
    return resource("icons", f"{name}.svg").read_text(encoding="utf-8")


def render(name: str, size: int, color: str | None = None) -> QPixmap:
    text = _svg(name)
    if color:
        text = text.replace("currentColor", color)
    renderer = QSvgRenderer(QByteArray(text.encode("utf-8")))
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return QPixmap.fromImage(image)


class _SvgIconEngine(QIconEngine):
    """Draws the SVG at the size asked for, when it is first asked for (not four sizes in two colours
    up front for every icon: the main window's navigation alone made 72 renders before its first paint)."""

    def __init__(
        self, name: str, color: str | None, selected_color: str | None, sizes: tuple[int, ...]
    ) -> None:
        super().__init__()
        self.name, self.color, self.selected_color, self.sizes = name, color, selected_color, sizes
        self._cache: dict[tuple[int, int, bool], QPixmap] = {}

    def clone(self) -> QIconEngine:
        return _SvgIconEngine(self.name, self.color, self.selected_color, self.sizes)

    def _color(self, mode: QIcon.Mode) -> str | None:
        if mode == QIcon.Mode.Selected and self.selected_color:
            return self.selected_color
        return self.color

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        side = max(1, min(size.width(), size.height()))
        key = (side, int(mode.value), mode == QIcon.Mode.Selected and bool(self.selected_color))
        pm = self._cache.get(key)
        if pm is None:
            pm = render(self.name, side, self._color(mode))
            self._cache[key] = pm
        return pm

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        painter.drawPixmap(rect, self.pixmap(rect.size(), mode, state))

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:
        side = min(size.width(), size.height())
        return QSize(side, side)

    def availableSizes(self, mode: QIcon.Mode, state: QIcon.State) -> list[QSize]:
        return [QSize(n, n) for n in self.sizes]


def icon(name: str, color: str | None = None, selected_color: str | None = None) -> QIcon:
    """A themed icon; `selected_color` is used when the item is selected (e.g. white on blue). Drawn at
    the size it is shown, on first use."""
    return QIcon(_SvgIconEngine(name, color, selected_color, SIZES))


@cache
def app_icon() -> QIcon:
    return QIcon(_SvgIconEngine("dipdesk", None, None, (16, 24, 32, 48, 64, 128, 256)))


class _ThemedIcon(QObject):
    """Redraws an action's icon in the theme's colour whenever the theme is switched (light/dark).
    A child of the action: it (and its connection) goes when the action goes."""

    def __init__(self, action: QAction, name: str, role: str) -> None:
        super().__init__(action)
        from dipdesk.ui import theme

        self.action, self.name, self.role = action, name, role
        theme.notifier.changed.connect(self.recolor)
        self.recolor(theme.current_theme())

    def recolor(self, theme_name: str) -> None:
        from dipdesk.ui import theme

        self.action.setIcon(icon(self.name, theme.colors(theme_name)[self.role]))


def follow_theme(action: QAction, name: str, role: str = "primaryColor") -> QAction:
    """Give `action` the icon `name` drawn in the theme's colour `role`, now and after every switch."""
    _ThemedIcon(action, name, role)
    return action
