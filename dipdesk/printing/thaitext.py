"""Thai text for print: word breaks, shaped width, line wrapping, shrink-to-fit, and drawing.

What reportlab 5.1 does and does not do (read from its source and tried out):

- Shaping: a ``TTFont(..., shapable=True)`` plus a Paragraph style with ``shaping=1`` makes reportlab
  run each word through ``uharfbuzz`` (``reportlab.pdfbase.ttfonts.shapeStr``/``shapeFragWord``) and
  write the glyphs with their GPOS offsets (``TJ`` adjustments, ``Ts`` rise). ``canvas.drawString(...,
  shaping=True)`` does *not* shape unless the optional ``rlbidi`` is installed, so it is never used here.
- Line breaking: reportlab breaks at whitespace that Python's ``str.split()`` knows, which excludes
  U+200B ZERO WIDTH SPACE. A Thai run with ZWSPs stays one "word" that ``splitLongWords`` cuts at any
  character (through a cluster: ``น้ | ำ``, and the pieces lose their shaping offsets), and the glyph
  HarfBuzz gives the ZWSP comes back as a space in the PDF's text (``pdftotext``). So the
  ZWSP produced by :func:`break_opportunities` is our own mark: :class:`ThaiParagraph` (a Paragraph
  subclass, style ``shaping=1``) breaks lines there itself, measuring with HarfBuzz, and draws each line
  with reportlab's own shaping (``shapeStr`` + the text object's shaped output, the same code Paragraph
  uses). The ZWSP itself is never drawn.
- Copy and search: shaped output maps glyphs back to text one glyph at a time, which gives the wrong
  text for Thai (ำ is drawn as ํ + า after the tone mark, alternate glyphs map to private-use code
  points). Every drawn line is therefore wrapped in a ``/Span <</ActualText …>> BDC … EMC`` marked
  content sequence carrying the line's real text; ``pdftotext`` and PDF viewers use it.

The public API works in points; boxes are given by their top-left corner in :func:`draw_text`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas

from dipdesk.core.digits import to_thai_digits
from dipdesk.printing.fonts import FONT, FONT_BOLD, register_fonts
from dipdesk.printing.thaibreak import DEEP_PROBE as DEEP_PROBE
from dipdesk.printing.thaibreak import (
    HARD_FLOOR,
    LINE_CLEARANCE,
    NBSP,
    ZWSP,
    Align,
    break_opportunities,
    thai_word_breaks,
)
from dipdesk.printing.thaibreak import MAI_YAMOK as MAI_YAMOK
from dipdesk.printing.thaibreak import PAIYANNOI as PAIYANNOI
from dipdesk.printing.thaibreak import TALL_PROBE as TALL_PROBE
from dipdesk.printing.thaimeasure import (
    DEFAULT_LINE_SPACING,
    _block_height,
    _clusters,
    _layout,
    _Line,
    _unwrapped,
    _words,
    line_height,
    line_spacing,
    shaped_width,
    text_height,
)
from dipdesk.printing.thaimeasure import SUP_RISE as SUP_RISE
from dipdesk.printing.thaimeasure import SUP_SCALE as SUP_SCALE
from dipdesk.printing.thaimeasure import _display as _display
from dipdesk.printing.thaimeasure import _hb_font as _hb_font
from dipdesk.printing.thaimeasure import _measure as _measure
from dipdesk.printing.thaimeasure import _vmetrics as _vmetrics
from dipdesk.printing.thaiparagraph import (
    ThaiParagraph,
    _color_key,
    _style,
)
from dipdesk.printing.thaiparagraph import _line_operators as _line_operators
from dipdesk.printing.thaiparagraph import write_line as write_line

__all__ = [
    "DEFAULT_LINE_SPACING",
    "HARD_FLOOR",
    "LINE_CLEARANCE",
    "NBSP",
    "ZWSP",
    "Align",
    "ThaiParagraph",
    "break_opportunities",
    "draw_text",
    "fit_text",
    "line_height",
    "line_spacing",
    "shaped_paragraph",
    "shaped_width",
    "text_height",
    "thai_word_breaks",
]


# ----------------------------------------------------------------------------------------------------
# public helpers
# ----------------------------------------------------------------------------------------------------


def shaped_paragraph(
    text: str,
    *,
    size: float,
    bold: bool = False,
    align: Align = "left",
    leading: float | None = None,
    thai_digits: bool = False,
    unbreakable: bool | str | Sequence[str] = False,
    color: colors.Color | str | None = None,
) -> ThaiParagraph:
    """A shaped Laksaman paragraph of plain ``text`` (no markup: ``<`` and ``&`` print as typed).

    Lines break only at Thai word boundaries and spaces (never inside an ``unbreakable`` part);
    ``leading`` defaults to ``size * DEFAULT_LINE_SPACING``; ``thai_digits`` prints 0–9 as ๐–๙.
    """
    register_fonts()
    if thai_digits:
        text = to_thai_digits(text)
    font = FONT_BOLD if bold else FONT
    style = _style(font, float(size), float(leading or size * DEFAULT_LINE_SPACING), align, _color_key(color))
    return ThaiParagraph(text, style, unbreakable=unbreakable)


@dataclass(frozen=True)
class _Fit:
    size: float
    hscale: float
    wrap: bool
    width: float | None = None  # a narrower width to wrap at, for balanced lines


def _sizes(start: float, stop: float, step: float) -> list[float]:
    """start, start-step, …, down to stop (stop always included), never below it."""
    out: list[float] = []
    s = start
    while s > stop + 1e-9:
        out.append(round(s, 3))
        s -= step
    out.append(stop)
    return out


@lru_cache(maxsize=4096)
def _fit(
    marked: str,
    font: str,
    max_width: float,
    max_height: float,
    size: float,
    min_size: float,
    max_lines: int,
    spacing: float,
    floor: float,
    step: float,
    can_wrap: bool,
    balance: bool = False,
) -> _Fit:
    def height(lines: Sequence[_Line], s: float) -> float:
        return _block_height(lines, font, s, s * spacing)

    def fits(lines: Sequence[_Line], s: float, allowed: int, scale: float = 1.0) -> bool:
        return (
            len(lines) <= allowed
            and height(lines, s) <= max_height + 1e-6
            and all(ln.extent * s * scale <= max_width + 1e-6 for ln in lines)
        )

    single = _unwrapped(marked, font)
    hard = len(single)
    # 1. one line (per hard line), shrinking step by step down to min_size
    for s in _sizes(size, min_size, step):
        if fits(single, s, hard):
            return _Fit(s, 1.0, False)
    allowed = max(max_lines, hard)
    # 2. wrap at word boundaries (or, for a name, keep shrinking on one line) down to the hard floor
    lowest = min(floor, min_size)
    wrap = can_wrap and allowed > hard
    for s in _sizes(min_size, lowest, step):
        lines = _layout(marked, font, s, max_width, wrap=wrap)
        if fits(lines, s, allowed):
            if balance and wrap and len(lines) > hard:
                return _Fit(s, 1.0, wrap, _balanced_width(marked, font, s, max_width, len(lines)))
            return _Fit(s, 1.0, wrap)
    # 3. at the floor: condense horizontally rather than overflow or cut
    s = lowest
    if height(single, s) > max_height + 1e-6:  # not even the hard lines fit vertically: smaller still
        s = max_height / height(single, 1.0)
        wrap = False
    if wrap:
        scale = 0.95
        while scale > 0.05:
            lines = _layout(marked, font, s, max_width / scale, wrap=True)
            if fits(lines, s, allowed, scale):
                return _Fit(s, scale, True)
            scale -= 0.05
    widest = max((ln.extent for ln in single), default=0.0) * s
    return _Fit(s, min(1.0, max_width / widest) if widest > 0 else 1.0, False)


ELLIPSIS = "…"


def _truncated(
    marked: str, font: str, width: float, height: float, size: float, max_lines: int, spacing: float
) -> str:
    """The longest run of whole words of ``marked`` that, followed by "…", sets in ``max_lines`` lines of
    ``width`` × ``height`` at ``size`` (marked text; at least the first word's first clusters)."""
    flat = marked.replace("\n", " ")
    words = _words(flat, 0, len(flat))

    def fits(candidate: str) -> bool:
        lines = _layout(candidate, font, size, width, wrap=True)
        return (
            len(lines) <= max_lines
            and _block_height(lines, font, size, size * spacing) <= height + 1e-6
            and all(ln.extent * size <= width + 1e-6 for ln in lines)
        )

    for k in range(len(words) - 1, 0, -1):
        candidate = flat[: words[k - 1].end] + ELLIPSIS
        if fits(candidate):
            return candidate
    head = ""
    for cl in _clusters(_display(flat[: words[0].end]) if words else ""):
        if not fits(head + cl + ELLIPSIS):
            break
        head += cl
    return head + ELLIPSIS


def _balanced_width(marked: str, font: str, size: float, max_width: float, count: int) -> float:
    """The narrowest width (points) that still sets ``marked`` in ``count`` lines: wrapping there evens
    out the lines of a centred title instead of leaving a short last line ("…จีน รุ่น" / "ที่ 3")."""

    def ok(width: float) -> bool:
        lines = _layout(marked, font, size, width, wrap=True)
        return len(lines) <= count and all(ln.extent * size <= width + 1e-6 for ln in lines)

    lo = max((ln.extent for ln in _unwrapped(marked, font)), default=0.0) * size / count
    hi = max_width
    if lo >= hi or ok(lo):
        return hi if lo >= hi else lo
    for _ in range(14):
        mid = (lo + hi) / 2.0
        if ok(mid):
            hi = mid
        else:
            lo = mid
    return min(max_width, hi + 0.01)


def fit_text(
    text: str,
    *,
    max_width: float,
    max_height: float,
    size: float,
    min_size: float,
    bold: bool = False,
    align: Align = "center",
    max_lines: int = 2,
    unbreakable: bool | str | Sequence[str] = False,
    thai_digits: bool = False,
    line_spacing: float = DEFAULT_LINE_SPACING,
    floor: float = HARD_FLOOR,
    step: float = 1.0,
    color: colors.Color | str | None = None,
    overflow: Literal["condense", "ellipsis"] = "condense",
) -> ThaiParagraph:
    """A paragraph of ``text`` that fits a ``max_width`` × ``max_height`` box (points), never cut
    (unless ``overflow="ellipsis"``).

    1. One line, shrinking from ``size`` by ``step`` down to ``min_size``.
    2. Still too long: wrap at Thai word boundaries into at most ``max_lines`` lines at ``min_size``,
       shrinking further down to ``floor`` if needed. With ``unbreakable=True`` (a person's name) the
       text never wraps, it keeps shrinking on one line instead.
    3. Still too long at ``floor``: condense horizontally (``hscale``) so it stays inside the box; or,
       with ``overflow="ellipsis"`` (a label, whose full text is printed elsewhere), cut after the last
       whole word that fits and end with "…", at ``floor``, never condensed.

    Centred text that wraps is balanced: it breaks at the narrowest width that keeps the same number of
    lines, so a title's lines come out about equally long (``ThaiParagraph.wrap_width``).

    Draw it with ``para.wrapOn(canvas, max_width, max_height)`` then ``drawOn`` (or use :func:`draw_text`).
    """
    register_fonts()
    if thai_digits:
        text = to_thai_digits(text)
    if min_size > size:
        raise ValueError("min_size must not exceed size")
    font = FONT_BOLD if bold else FONT
    marked = break_opportunities(text, unbreakable=unbreakable)
    fit = _fit(
        marked,
        font,
        float(max_width),
        float(max_height),
        float(size),
        float(min_size),
        max(1, max_lines),
        float(line_spacing),
        float(floor),
        float(step),
        unbreakable is not True,
        align == "center",
    )
    if overflow == "ellipsis" and fit.hscale < 1.0 and unbreakable is not True:
        cut = _truncated(
            marked, font, float(max_width), float(max_height), fit.size, max(1, max_lines), line_spacing
        )
        style = _style(font, fit.size, fit.size * line_spacing, align, _color_key(color))
        return ThaiParagraph(_display(cut), style, marked=cut)
    style = _style(font, fit.size, fit.size * line_spacing, align, _color_key(color))
    return ThaiParagraph(
        text,
        style,
        unbreakable=unbreakable,
        wrap=fit.wrap,
        hscale=fit.hscale,
        marked=marked,
        wrap_width=fit.width,
    )


def draw_text(
    canvas: Canvas,
    text: str,
    x: float,
    y: float,
    *,
    width: float,
    height: float,
    size: float,
    min_size: float | None = None,
    bold: bool = False,
    align: Align = "center",
    valign: Literal["top", "middle", "bottom"] = "top",
    max_lines: int = 2,
    unbreakable: bool | str | Sequence[str] = False,
    thai_digits: bool = False,
    line_spacing: float = DEFAULT_LINE_SPACING,
    color: colors.Color | str | None = None,
    floor: float = HARD_FLOOR,
    overflow: Literal["condense", "ellipsis"] = "condense",
) -> ThaiParagraph:
    """Fit ``text`` into the box whose top-left corner is (``x``, ``y``) and draw it there.

    ``min_size`` defaults to 60 % of ``size``. Returns the drawn paragraph (its ``font_size``,
    ``hscale`` and ``lines`` tell what fitting did).
    """
    para = fit_text(
        text,
        max_width=width,
        max_height=height,
        size=size,
        min_size=min(size, min_size if min_size is not None else round(size * 0.6, 1)),
        bold=bold,
        align=align,
        max_lines=max_lines,
        unbreakable=unbreakable,
        thai_digits=thai_digits,
        line_spacing=line_spacing,
        color=color,
        floor=floor,
        overflow=overflow,
    )
    _w, h = para.wrapOn(canvas, width, height)
    if valign == "middle":
        top = y - (height - h) / 2.0
    elif valign == "bottom":
        top = y - height + h
    else:
        top = y
    para.drawOn(canvas, x, top - h)
    return para
