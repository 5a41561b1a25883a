"""Drawing shaped Thai lines (reportlab's own shaping, each line wrapped in an ActualText span so copy
and search give the real text) and `ThaiParagraph`, the flowable that breaks lines at our marks."""

from __future__ import annotations

import math
import threading
import weakref
from collections.abc import Sequence
from functools import cache, lru_cache
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import ShapeData, ShapedStr
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import Paragraph
from reportlab.platypus.paraparser import ParaFrag

from dipdesk.printing.fonts import register_fonts
from dipdesk.printing.pdftext import format_text
from dipdesk.printing.thaibreak import (
    _ALIGN,
    _ALIGN_NAME,
    ZWSP,
    _unbreakable_key,
    break_opportunities,
)
from dipdesk.printing.thaimeasure import (
    _SUP_RUN,
    SUP_RISE,
    SUP_SCALE,
    _block_height,
    _display,
    _layout,
    _Line,
    _measure,
    _runs,
    _shape,
    _shapes_plain,
    _steps,
    _unwrapped,
    _vmetrics,
    _words,
)


@lru_cache(maxsize=2048)
def _shaped(text: str, font: str, size: float) -> str:
    """reportlab's own HarfBuzz shaping of one line (a ShapedStr, or the str if shaping changes nothing).

    Cached: a batch of certificates repeats the same titles and dates on every page. Safe to share, the
    result is read-only for reportlab, which assigns subset codes per document when it writes the text.
    """
    return shape_str(text, font, size)


@lru_cache(maxsize=256)
def _hb_font_for(font: str, size: float) -> tuple[Any, Any]:
    """reportlab's font and its HarfBuzz font at ``size`` (reportlab makes a new one for every line)."""
    ttf = pdfmetrics.getFont(font)
    return ttf, ttf.hbFont(size)


def shape_str(text: str, font: str, size: float) -> str:
    """Exactly ``reportlab.pdfbase.ttfonts.shapeStr(text, font, size)`` (reportlab 5.1's shapeFragWord on
    a one-font word: the same HarfBuzz call and features, glyph-to-character mapping, private code points
    for unmapped glyphs, 1000-unit scaling and "changed" rule), several times faster: the HarfBuzz
    shaping shared with the measuring (``thaimeasure._shape``), ASCII that shaping leaves alone (an
    address, a serial) recognised without looking at its glyphs (``thaimeasure._shapes_plain``), no
    glyph names looked up but for unmapped glyphs, and no bookkeeping for words of several fonts. Every
    name and address on a certificate goes through here. tests/printing/test_shape_str.py holds it to
    reportlab's result."""
    if not text:
        return text
    if text.isascii() and _shapes_plain(text, font):
        return text
    ttf, hbf = _hb_font_for(font, size)
    infos, positions = _shape(text, font)
    face = ttf.face
    if face.unitsPerEm != 1000:
        return _shape_str_scaled(text, ttf, hbf, infos, positions)
    # 1000 units to the em: reportlab's scale is the identity, and every value is HarfBuzz's own
    to_char, widths = face.glyphToChar, face.charWidths
    glyphs = _mapped(font)
    chars: list[str] = []
    data: list[ShapeData] = []
    moved = False
    for info, pos in zip(infos, positions, strict=True):
        gid = info.codepoint
        got = glyphs.get(gid)
        if got is None:
            mapped = to_char.get(gid)
            if mapped:
                got = glyphs[gid] = (chr(mapped[0]), widths[mapped[0]])
            else:  # (a private code for the glyph, as reportlab assigns it: not kept here)
                code = ttf.hbAddPrivate(hbf.glyph_to_string(gid), gid, pos.x_advance)
                got = (chr(code), widths[code])
        char, width = got
        x_adv, x_off, y_off = pos.x_advance, pos.x_offset, pos.y_offset
        if x_off or y_off or x_adv != width:
            moved = True
        chars.append(char)
        data.append(ShapeData(info.cluster, x_adv, pos.y_advance, x_off, y_off, width))
    drawn = "".join(chars)
    # reportlab's "changed": a glyph moved or off its own advance, or not the text's own character
    if not moved and text.startswith(drawn):
        return text
    return ShapedStr(drawn, shapeData=data)


@cache
def _mapped(font: str) -> dict[int, tuple[str, int]]:
    """Per face: glyph -> (the character reportlab maps it to, that character's width), as met."""
    return {}


def _shape_str_scaled(text: str, ttf: Any, hbf: Any, infos: Any, positions: Any) -> str:
    face = ttf.face
    to_char, widths, scale = face.glyphToChar, face.charWidths, face._pdfScale
    n = len(text)
    chars: list[str] = []
    data: list[ShapeData] = []
    changed = False
    for i, (info, pos) in enumerate(zip(infos, positions, strict=True)):
        gid = info.codepoint
        mapped = to_char.get(gid)
        code = mapped[0] if mapped else ttf.hbAddPrivate(hbf.glyph_to_string(gid), gid, pos.x_advance)
        width = widths[code]
        char = chr(code)
        x_adv, x_off, y_adv, y_off = (
            scale(pos.x_advance),
            scale(pos.x_offset),
            scale(pos.y_advance),
            scale(pos.y_offset),
        )
        if not changed:
            changed = x_off != 0 or y_off != 0 or i >= n or text[i] != char or x_adv != width
        chars.append(char)
        data.append(ShapeData(info.cluster, x_adv, y_adv, x_off, y_off, width))
    if not changed:
        return text
    return ShapedStr("".join(chars), shapeData=data)


_formatted_lock = threading.Lock()
_formatted: weakref.WeakKeyDictionary[Any, dict[tuple[Any, ...], str | None]] = weakref.WeakKeyDictionary()


def _per_doc(doc: Any) -> dict[tuple[Any, ...], str | None]:
    """The formatted lines of one document (call with the lock held). Kept on the document itself as
    well, so that finding it costs an attribute lookup, not a weak reference made for every line."""
    per_doc: dict[tuple[Any, ...], str | None] | None = getattr(doc, "_dipdesk_formatted_lines", None)
    if per_doc is None:
        per_doc = _formatted.setdefault(doc, {})
        doc._dipdesk_formatted_lines = per_doc
    return per_doc


def _text_operators(tx: PDFTextObject, text: str, shaping: bool) -> str:
    """The PDF text operators for one line, reused within a document when the same line comes back.

    reportlab's output of shaped text is pure Python and the slowest step of a certificate batch, where
    titles, dates and signatories repeat on every page. The result depends only on the line, the font
    state and the document's subset tables (codes, once assigned, never change), so a line seen twice in
    a document is formatted once more and then kept.
    """
    key = (text, tx._fontname, tx._fontsize, tx._leading, shaping)
    doc = tx._canvas._doc
    with _formatted_lock:
        per_doc = _per_doc(doc)
        hit = per_doc.get(key)
        seen = key in per_doc
    if hit is not None:
        return hit
    out: str = _format(tx, _shaped(text, tx._fontname, tx._fontsize) if shaping else text)
    with _formatted_lock:
        per_doc[key] = out if seen else None
    return out


def _format(tx: PDFTextObject, text: str) -> str:
    """``tx._formatText(text)``, mostly without reportlab's per-glyph Python (:mod:`pdftext`)."""
    out = format_text(tx, text)
    return tx._formatText(text) if out is None else out


def _actual_text(text: str) -> str:
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


@cache
def _zero_space(font: str) -> str:
    """A space glyph that does not move the pen, in reportlab's shaped-text form."""
    width = pdfmetrics.getFont(font).face.charWidths.get(32, 250)
    return ShapedStr(" ", shapeData=[ShapeData(0, 0, 0, 0, 0, width)])


def _line_operators(tx: PDFTextObject, text: str, shaping: bool, actual: str | None = None) -> str:
    """The text operators of one line, as ActualText spans that never continue past a mark.

    A mark is drawn by moving the pen back over its base; MuPDF ends an ActualText replacement there
    and extracts the following glyphs a second time ("ศรี ศรี", "ภูมิ์ภูมิ์"). So the line, shaped once
    as a whole (so the marks keep their GPOS positions on their bases), is written in pieces: each run
    of spacing glyphs in a span carrying the text of its clusters, marks included, and each run of marks
    in an empty span. pdftotext and MuPDF then both give the text once, as typed. Cached per document
    like :func:`_text_operators`."""
    key = ("pieces", text, actual, tx._fontname, tx._fontsize, tx._leading, shaping)
    doc = tx._canvas._doc
    with _formatted_lock:
        per_doc = _per_doc(doc)
        hit = per_doc.get(key)
        seen = key in per_doc
    if hit is not None:
        return hit
    shaped = _shaped(text, tx._fontname, tx._fontsize) if shaping else text
    parts = []
    rise = tx.setRise

    def set_rise(value: float) -> None:
        # reportlab's setRise looks at the last operator written, and a piece may begin with a raised
        # mark, before any: give it an empty one to look at
        if not tx._code:
            tx._code.append("")
        rise(value)

    tx.setRise = set_rise
    try:
        # one span for the line, closed by a space that does not move the pen: MuPDF sends the glyphs
        # that match the end of an ActualText a second time after it ("ศรี ศรี"); a closing space never
        # matches the text's end, and poppler's span then ends where the line does
        glyphs = _format(tx, shaped)  # first: it sets the font the closer may rely on
        closer = ""
        if isinstance(shaped, ShapedStr) and str(shaped) != (actual if actual is not None else text):
            closer = _format(tx, _zero_space(tx._fontname))  # (glyphs that read back right need none)
        parts.append(
            f"/Span <</ActualText {_actual_text(actual if actual is not None else text)}>> BDC {glyphs} {closer} EMC"
        )
    finally:
        del tx.setRise
    out = " ".join(parts)
    with _formatted_lock:
        per_doc[key] = out if seen else None
    return out


def write_line(tx: PDFTextObject, text: str, font: str, size: float, leading: float, shaping: bool) -> None:
    """Append one line of text to a text object: shaped by reportlab (HarfBuzz), in ActualText spans
    (:func:`_line_operators`) so that copying gives the text as typed in every viewer; superscript
    digits drawn small and raised (:data:`SUP_SCALE`)."""
    if _SUP_RUN.search(text):  # (a regex, not a Python loop over the characters of every line)
        for (run, sup), original in zip(_runs(text), _SUP_RUN.split(text), strict=False):
            tx.setFont(font, size * SUP_SCALE if sup else size, leading)
            tx.setRise(size * SUP_RISE if sup else 0.0)
            tx._code.append(_line_operators(tx, run, shaping, original))
        tx.setFont(font, size, leading)
        tx.setRise(0.0)
    else:
        tx._code.append(_line_operators(tx, text, shaping))


class ThaiParagraph(Paragraph):
    """A platypus ``Paragraph`` for plain Thai text: HarfBuzz-shaped, broken at Thai word boundaries.

    Takes plain text, not markup. Wraps itself (``wrap``/``split``/``minWidth``) and draws each line as
    reportlab-shaped text inside an ActualText span, so it can sit in frames and table cells like any
    Paragraph. ``hscale`` < 1 condenses the text horizontally (the last resort of :func:`fit_text`); a
    single line that still does not fit (an unbreakable name in a narrow cell) is condensed on its own.
    A word wider than the line that is not protected is cut between character clusters.
    After ``wrap``, :attr:`lines` holds the lines as drawn.
    """

    def __init__(
        self,
        text: str,
        style: ParagraphStyle,
        *,
        unbreakable: bool | str | Sequence[str] = False,
        wrap: bool = True,
        hscale: float = 1.0,
        marked: str | None = None,
        wrap_width: float | None = None,
    ) -> None:
        register_fonts()
        self.source = text
        #: break lines at this width (points) even when more is available: balanced lines, see fit_text
        self.wrap_width = wrap_width
        self.unbreakable = unbreakable
        self.allow_wrap = wrap and unbreakable is not True
        self.hscale = hscale
        key = _unbreakable_key(unbreakable)
        self._protect: tuple[str, ...] = tuple(_display(n) for n in key) if isinstance(key, tuple) else ()
        self._marked = break_opportunities(text, unbreakable=unbreakable) if marked is None else marked
        self._lines: tuple[_Line, ...] = ()
        self._squeeze: list[float] = []
        self._laid_out_for: float | None = None
        self._base_style = style
        frag = ParaFrag(
            text=text,
            fontName=style.fontName,
            fontSize=style.fontSize,
            textColor=style.textColor,
            rise=0,
            link=None,
            us_lines=[],
        )
        super().__init__(escape(text), style, frags=[frag])

    # -- layout ---------------------------------------------------------------------------------------
    @property
    def lines(self) -> list[str]:
        return [ln.text for ln in self._lines]

    @property
    def font_size(self) -> float:
        return float(self.style.fontSize)

    def _shrink_for(self, avail_width: float) -> None:
        """In a column too narrow for its longest word, set the text smaller (down to 70 % of its size,
        not below 7 pt) before any word is cut between its clusters."""
        base = self._base_style
        if not self.allow_wrap or avail_width <= 0:
            self.style = base
            return
        marked = self._marked.replace("\n", ZWSP)
        widest = max(
            (
                _measure(_display(marked[w.start : w.end]), base.fontName).extent
                for w in _words(marked, 0, len(marked))
            ),
            default=0.0,
        )
        size = float(base.fontSize)
        need = widest * size * self.hscale
        if need <= avail_width + 1e-6:
            self.style = base
            return
        smaller = max(min(size, 7.0), size * 0.7, math.floor(avail_width / (widest * self.hscale) * 4) / 4)
        self.style = _style(
            base.fontName, smaller, float(base.leading) * smaller / size, _ALIGN_NAME.get(base.alignment, "left"),
            _color_key(base.textColor),
        )  # fmt: skip

    def _layout_for(self, avail_width: float) -> tuple[_Line, ...]:
        if self._laid_out_for != avail_width:
            self._shrink_for(avail_width)
            size = self.style.fontSize
            wrap_at = min(avail_width, self.wrap_width) if self.wrap_width else avail_width
            self._lines = _layout(
                self._marked,
                self.style.fontName,
                size,
                wrap_at / self.hscale,
                wrap=self.allow_wrap,
                protect=self._protect,
            )
            limit = avail_width / (size * self.hscale) if size > 0 else float("inf")
            self._squeeze = [min(1.0, limit / ln.extent) if ln.extent > limit else 1.0 for ln in self._lines]
            self._laid_out_for = avail_width
        return self._lines

    def _height_of(self, lines: Sequence[_Line]) -> float:
        return _block_height(lines, self.style.fontName, self.style.fontSize, self.style.leading)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        lines = self._layout_for(availWidth)
        self.width = availWidth
        self.height = self._height_of(lines)
        return self.width, self.height

    def minWidth(self) -> float:
        font = self.style.fontName
        if self.allow_wrap:  # the widest word
            marked = self._marked.replace("\n", ZWSP)
            words = _words(marked, 0, len(marked))
            unit = max((_measure(_display(marked[w.start : w.end]), font).extent for w in words), default=0.0)
        else:
            unit = max((ln.extent for ln in _unwrapped(self._marked, font)), default=0.0)
        return unit * float(self.style.fontSize) * self.hscale

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        lines = self._layout_for(availWidth)
        fit = 0
        while fit < len(lines) and self._height_of(lines[: fit + 1]) <= availHeight + 1e-6:
            fit += 1
        if fit >= len(lines):
            return [self]
        if fit == 0:
            return []
        head = self._marked[lines[0].start : lines[fit - 1].end]
        tail = self._marked[lines[fit].start :]
        return [self._part(head), self._part(tail)]

    def _part(self, marked: str) -> ThaiParagraph:
        return ThaiParagraph(
            _display(marked),
            self.style,
            unbreakable=self.unbreakable,
            wrap=self.allow_wrap,
            hscale=self.hscale,
            marked=marked,
            wrap_width=self.wrap_width,
        )

    def getPlainText(self, identify: Any = None) -> str:
        return self.source

    def getActualLineWidths0(self) -> list[float]:
        size = self.style.fontSize
        return [ln.extent * size * self.hscale * q for ln, q in zip(self._lines, self._squeeze, strict=True)]

    # -- drawing --------------------------------------------------------------------------------------
    def draw(self) -> None:
        canv: Canvas = self.canv
        style = self.style
        font, size, leading = style.fontName, style.fontSize, style.leading
        shaping = bool(style.shaping) and bool(getattr(pdfmetrics.getFont(font), "shapable", False))
        if not self._lines:
            return
        asc, _desc = _vmetrics(font)
        y = self.height - max(asc, self._lines[0].m.top) * size
        canv.setFillColor(style.textColor)
        steps = [*_steps(self._lines, size, leading), 0.0]
        for line, squeeze, step in zip(self._lines, self._squeeze, steps, strict=True):
            if line.text.strip():
                scale = self.hscale * squeeze
                box = line.extent * size * scale
                if style.alignment == TA_CENTER:
                    x = (self.width - box) / 2.0
                elif style.alignment == TA_RIGHT:
                    x = self.width - box
                else:
                    x = 0.0
                x -= line.m.left * size * scale  # marks hanging left of the first glyph stay in the box
                tx = canv.beginText(x, y)
                tx.setFont(font, size, leading)
                if scale != 1.0:
                    tx.setHorizScale(scale * 100.0)
                write_line(tx, line.text, font, size, leading, shaping)
                if scale != 1.0:
                    tx.setHorizScale(100.0)
                canv.drawText(tx)
            y -= step


@lru_cache(maxsize=1024)
def _style(font: str, size: float, leading: float, align: str, color: str) -> ParagraphStyle:
    if align not in _ALIGN:
        raise ValueError(f"align must be left, center or right, not {align!r}")
    return ParagraphStyle(
        name=f"thai-{font}-{size:g}-{align}",
        fontName=font,
        fontSize=size,
        leading=leading,
        alignment=_ALIGN[align],
        textColor=colors.HexColor(color),
        shaping=1,
        splitLongWords=0,
        allowWidows=1,
        allowOrphans=1,
    )


def _color_key(color: colors.Color | str | None) -> str:
    if color is None:
        return "#000000"
    if isinstance(color, str) and color.startswith("#"):
        return color
    hexval: str = (colors.toColor(color) if isinstance(color, str) else color).hexval()
    return hexval.replace("0x", "#")
