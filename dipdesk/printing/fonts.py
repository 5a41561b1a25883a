"""The bundled print faces, registered with reportlab for HarfBuzz shaping.

Laksaman (TLWG, GPL-2+ with the font exception) is the free derivative of TH Sarabun PSK, the official
Thai government face. Its four styles are registered once per process as the reportlab font family
``Laksaman``; every style is a ``TTFont(..., shapable=True)`` so reportlab (≥ 4.4) hands Thai runs to
``uharfbuzz`` (GSUB: ญ/ฐ without their lower part, low tone marks; GPOS: mark placement). reportlab
embeds a subset of every TrueType font it uses, which is what the PDFs need (``pdffonts``: emb yes, sub yes).

Registering also makes Laksaman reportlab's initial canvas font (``rl_config.canvas_basefontname``):
otherwise every canvas references the non-embedded standard font Helvetica in its page preamble, and
``pdffonts`` lists it as not embedded even when no Helvetica text is drawn.
"""

from __future__ import annotations

import threading
from functools import cache
from pathlib import Path

from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from dipdesk.paths import resource

FAMILY = "Laksaman"
FONT = "Laksaman"
FONT_BOLD = "Laksaman-Bold"
FONT_ITALIC = "Laksaman-Italic"
FONT_BOLD_ITALIC = "Laksaman-BoldItalic"

#: reportlab font name -> file under resources/fonts/
FONT_FILES: dict[str, str] = {
    FONT: "Laksaman.ttf",
    FONT_BOLD: "Laksaman-Bold.ttf",
    FONT_ITALIC: "Laksaman-Italic.ttf",
    FONT_BOLD_ITALIC: "Laksaman-BoldItalic.ttf",
}

_lock = threading.Lock()
_registered = False


def font_path(name: str) -> Path:
    """The TTF file behind a registered font name (``Laksaman``, ``Laksaman-Bold``…)."""
    return resource("fonts", FONT_FILES[name])


def font_name(*, bold: bool = False, italic: bool = False) -> str:
    """The reportlab font name of one style of the family."""
    if bold:
        return FONT_BOLD_ITALIC if italic else FONT_BOLD
    return FONT_ITALIC if italic else FONT


def register_fonts() -> None:
    """Register the Laksaman family with reportlab (shapable, subset-embedded). Safe to call often.

    Canvases created afterwards start in Laksaman instead of Helvetica (see the module docstring).
    """
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        known = set(pdfmetrics.getRegisteredFontNames())
        for name, filename in FONT_FILES.items():
            if name in known:
                font = pdfmetrics.getFont(name)
                if not getattr(font, "shapable", False):
                    raise RuntimeError(f"font {name!r} is already registered without shaping")
                continue
            pdfmetrics.registerFont(TTFont(name, str(resource("fonts", filename)), shapable=True))
        # also makes <b>/<i> in ordinary reportlab markup resolve to the right style
        pdfmetrics.registerFontFamily(
            FAMILY, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD_ITALIC
        )
        rl_config.canvas_basefontname = FONT
        _registered = True


@cache
def font_bytes(name: str) -> bytes:
    """The raw TTF data of a registered style (for uharfbuzz measurements)."""
    return font_path(name).read_bytes()
