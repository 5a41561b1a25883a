"""Icons from `resources/icons/*.svg`, drawn in the theme's colours.

The SVGs are line drawings in `currentColor`; we substitute a colour and render them, so one file serves
the light and the dark theme.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QIcon, QImage, QPainter, QPixmap
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


def icon(name: str, color: str | None = None, selected_color: str | None = None) -> QIcon:
    """A themed icon; `selected_color` is used when the item is selected (e.g. white on blue)."""
    result = QIcon()
    for size in SIZES:
        result.addPixmap(render(name, size, color), QIcon.Mode.Normal)
        if selected_color:
            result.addPixmap(render(name, size, selected_color), QIcon.Mode.Selected)
    return result


def app_icon() -> QIcon:
    result = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256):
        result.addPixmap(render("dipdesk", size))
    return result
