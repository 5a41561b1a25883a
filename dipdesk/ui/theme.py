"""Fonts and the qt-material theme, with Loma (a Thai screen face) as the UI font.

qt-material sets `font-family: Roboto` on `*`, and Roboto has no Thai: left alone, Thai text would be
drawn by whatever fallback the platform finds (or as boxes). We register the bundled TLWG fonts and pass
Loma to the theme so every widget uses it, then add a few rules of our own (headings, cards, the
navigation list) on top of the theme's stylesheet.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from dipdesk.paths import resource
from dipdesk.settings import Settings
from dipdesk.ui import theme_cache

log = logging.getLogger(__name__)

UI_FONT = "Loma"  # screen face (TLWG): clear Thai loops at small sizes
PRINT_FONT = "Laksaman"  # the free TH Sarabun: registered for previews of printed forms
FONT_FILES = (
    "Loma.ttf",
    "Loma-Bold.ttf",
    "Laksaman.ttf",
    "Laksaman-Bold.ttf",
    "Laksaman-Italic.ttf",
    "Laksaman-BoldItalic.ttf",
)
THEMES = {"light": ("light_blue.xml", True), "dark": ("dark_blue.xml", False)}

_registered: list[str] = []
_theme_colors: dict[str, dict[str, str]] = {}  # qt-material's colours of each theme applied so far


def register_fonts() -> list[str]:
    """Add the bundled fonts to Qt's font database (once). Returns the families found."""
    if _registered:
        return list(_registered)
    families: set[str] = set()
    for name in FONT_FILES:
        try:
            path = resource("fonts", name)
        except FileNotFoundError:
            log.warning("bundled font %s is missing", name)
            continue
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("Qt could not load the font %s", path)
            continue
        families.update(QFontDatabase.applicationFontFamilies(font_id))
    _registered.extend(sorted(families))
    return list(_registered)


def pixel_size(point_size: int) -> int:
    return round(point_size * 96 / 72)


def colors(theme: str) -> dict[str, str]:
    """The theme's palette (primaryColor, secondaryColor, …, plus our own danger/success tones)."""
    file, invert = THEMES.get(theme, THEMES["light"])
    known = _theme_colors.get(theme if theme in THEMES else "light")
    if known is None:
        import qt_material  # imported after PySide6, as qt-material requires

        known = dict(qt_material.get_theme(file, invert))
    c = dict(known)
    dark = theme == "dark"
    c["danger"] = "#ff8a80" if dark else "#c62828"
    c["success"] = "#69f0ae" if dark else "#2e7d32"
    c["cardColor"] = "#2b3035" if dark else "#ffffff"
    c["mutedTextColor"] = "#b0bec5" if dark else "#616161"
    c["navColor"] = "#1e2124" if dark else "#eef3fb"
    c["headerColor"] = "#37414a" if dark else "#e3ecfa"
    return c


def _extra_qss(c: dict[str, str], px: int) -> str:
    return f"""
QLabel#pageTitle {{ font-size: {px + 11}px; font-weight: bold; color: {c["primaryColor"]}; }}
QLabel#pageDescription {{ color: {c["mutedTextColor"]}; }}
QLabel#sectionTitle {{ font-size: {px + 3}px; font-weight: bold; color: {c["primaryTextColor"]}; }}
QLabel#muted {{ color: {c["mutedTextColor"]}; }}
QLabel#errorText {{ color: {c["danger"]}; }}
QLabel#okText {{ color: {c["success"]}; }}
QFrame#statCard {{
  background-color: {c["cardColor"]};
  border: 1px solid {c["secondaryLightColor"]};
  border-radius: 8px;
}}
QLabel#statValue {{ font-size: {px + 15}px; font-weight: bold; color: {c["primaryColor"]}; }}
QLabel#statValue[textual="true"] {{ font-size: {px + 5}px; }}
QLabel#statTitle {{ color: {c["primaryTextColor"]}; }}
QLabel#statNote {{ color: {c["mutedTextColor"]}; font-size: {px - 2}px; }}
QFrame#emptyState {{
  background-color: {c["cardColor"]};
  border: 2px dashed {c["primaryLightColor"]};
  border-radius: 8px;
}}
QFrame#upgradeNotice {{
  background-color: {c["cardColor"]};
  border: 2px solid {c["primaryLightColor"]};
  border-radius: 8px;
}}
QFrame#errorState {{
  background-color: {c["cardColor"]};
  border: 2px solid {c["danger"]};
  border-radius: 8px;
}}
QListWidget#navigation {{
  background-color: {c["navColor"]};
  border: none;
  border-right: 1px solid {c["secondaryLightColor"]};
  padding: 6px 0px;
  font-size: {px + 1}px;
  outline: none;
}}
QListWidget#navigation::item {{
  padding: 8px 10px;
  margin: 1px 6px;
  border-radius: 6px;
  color: {c["primaryTextColor"]};
}}
QListWidget#navigation::item:selected {{
  background-color: {c["primaryColor"]};
  color: #ffffff;
}}
QListWidget#navigation::item:hover:!selected {{ background-color: {c["secondaryLightColor"]}; }}
QHeaderView::section {{
  background-color: {c["headerColor"]};
  color: {c["primaryTextColor"]};
  padding: 4px 8px;
  border: none;
  font-weight: bold;
  text-transform: none;
}}
QTableView {{
  background-color: {c["cardColor"]};
  alternate-background-color: {c["secondaryColor"]};
  gridline-color: {c["secondaryLightColor"]};
  border: 1px solid {c["secondaryLightColor"]};
  border-radius: 4px;
  padding-left: 0px;
}}
QProgressBar {{
  border: 1px solid {c["secondaryLightColor"]};
  border-radius: 4px;
  background-color: {c["secondaryColor"]};
  height: 18px;
  text-align: center;
  color: {c["primaryTextColor"]};
}}
QProgressBar::chunk {{ background-color: {c["primaryColor"]}; border-radius: 3px; }}
QPushButton {{ text-transform: none; }}
QStatusBar QLabel {{ padding: 0px 8px; }}
QLineEdit[readOnly="true"] {{ color: {c["mutedTextColor"]}; }}
"""


class ThemeNotifier(QObject):
    """Tells open windows the theme changed (icons are recoloured, charts redrawn)."""

    changed = Signal(str)


notifier = ThemeNotifier()
_current = {"theme": "light"}


def current_theme() -> str:
    return _current["theme"]


def apply_theme(app: QApplication, theme: str = "light", point_size: int = 11) -> None:
    """Apply the qt-material theme with Loma as the UI font; safe to call again to switch live.

    qt-material's part is built once and then read from disk (`dipdesk.ui.theme_cache`)."""
    if theme not in THEMES:
        theme = "light"
    register_fonts()
    file, invert = THEMES[theme]
    px = pixel_size(point_size)
    # qt_material.apply_stylesheet() would set its sheet and we would then set ours on top: two full
    # re-polishes of every widget. Build its sheet and set both at once (same library, same result).
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    built = theme_cache.obtain(file, invert, {"font_family": UI_FONT, "font_size": px, "density_scale": "0"})
    sheet = ""
    if built is not None:
        theme_cache.install(built)
        _theme_colors[theme] = built.colors
        sheet = built.sheet
    font = QFont(UI_FONT)
    font.setPixelSize(px)
    app.setFont(font)
    app.setStyleSheet(sheet + _extra_qss(colors(theme), px))
    _current["theme"] = theme
    notifier.changed.emit(theme)


def switch_theme(settings: Settings, name: str) -> None:
    """Apply a theme live and remember it (the View menu and the settings page both call this)."""
    app = QApplication.instance()
    if isinstance(app, QApplication) and name != current_theme():
        apply_theme(app, name, settings.ui_font_size)
    if settings.theme != name:
        settings.theme = name
        try:
            settings.save()
        except OSError as exc:  # the theme still applies; it just will not be remembered
            log.warning("could not save settings: %s", exc)
