"""Measuring shaped Thai text with HarfBuzz (widths, ink extents, line heights) and breaking marked text
into lines that fit a width."""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import accumulate, pairwise
from operator import add

import uharfbuzz as hb
from reportlab.pdfbase import pdfmetrics

from dipdesk.printing import nlp
from dipdesk.printing.fonts import FONT, FONT_BOLD, font_bytes, register_fonts
from dipdesk.printing.thaibreak import (
    _BREAK_RUN,
    _HB_FEATURES,
    _NO_START,
    _NON_BREAKING_SPACES,
    DEEP_PROBE,
    LINE_CLEARANCE,
    TALL_PROBE,
    ZWSP,
    _tokenize,
)


@cache
def _hb_font(font: str) -> tuple[hb.Font, int]:
    face = hb.Face(font_bytes(font))
    return hb.Font(face), face.upem


def _display(text: str) -> str:
    """What is actually drawn: no ZWSP, no-break spaces as plain spaces."""
    if ZWSP in text:
        text = text.replace(ZWSP, "")
    for c in _NON_BREAKING_SPACES:
        if c in text:
            text = text.replace(c, "" if c in "\u2060\ufeff" else " ")
    return text


@dataclass(frozen=True)
class _Metrics:
    """A shaped string at 1 pt: advance width and the box its ink (and glyph origins) occupy.

    Marks can stick out of the advance box (ิ์ at the end of สวัสดิ์ hangs 0.06 em past the last
    advance; ฎุ reaches 0.65 em below the baseline, below the font's descent), so fitting and
    alignment use this box, not just the advance width.
    """

    advance: float
    left: float  # ≤ 0
    right: float  # ≥ advance
    top: float  # above the baseline
    bottom: float  # below the baseline, positive

    @property
    def extent(self) -> float:
        return self.right - self.left


_EMPTY = _Metrics(0.0, 0.0, 0.0, 0.0, 0.0)


@lru_cache(maxsize=8192)
def _glyph_box(font: str, gid: int) -> tuple[int, int, int, int, int]:
    """(x_bearing, width, y_bearing, height, nominal advance) of one glyph in font units."""
    hbfont, _upem = _hb_font(font)
    ext = hbfont.get_glyph_extents(gid)
    adv = hbfont.get_glyph_h_advance(gid)
    if ext is None:
        return 0, 0, 0, 0, adv
    return ext.x_bearing, ext.width, ext.y_bearing, ext.height, adv


#: superscript digits (an exponent: "5.8 × 10⁴"). Laksaman has only ¹ ² ³, so every superscript is drawn
#: as the plain digit, smaller and raised, and measured the same way
_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺"
_SUP_PLAIN = str.maketrans(_SUPERSCRIPTS, "0123456789-+")
SUP_SCALE = 0.62
SUP_RISE = 0.40
_SUP_RUN = re.compile(f"([{_SUPERSCRIPTS}]+)")


def _runs(text: str) -> list[tuple[str, bool]]:
    """``text`` as (run, superscript?) pieces, superscript runs in plain digits."""
    return [
        (p.translate(_SUP_PLAIN), True) if i % 2 else (p, False)
        for i, p in enumerate(_SUP_RUN.split(text))
        if p
    ]


@lru_cache(maxsize=256)
def _shape(text: str, font: str) -> tuple[list[hb.GlyphInfo], list[hb.GlyphPosition]]:
    """``text`` shaped by HarfBuzz in font units (the features reportlab uses): the glyphs and their
    positions, read-only. Shared by :func:`_measure` and ``thaiparagraph.shape_str``: a name new on every
    page of a batch is measured and then drawn with one shaping. (reportlab's ``hbFont(size)`` only sets
    ``ptem``, which changes nothing for a face without a ``trak`` table, and Laksaman has none: these are
    the positions reportlab shapes with at any size; tests/printing/test_shape_str.py holds that.)"""
    buf = _shaped_buffer(text, font)
    return buf.glyph_infos, buf.glyph_positions


def _shaped_buffer(text: str, font: str) -> hb.Buffer:
    hbfont, _upem = _hb_font(font)
    buf = hb.Buffer()
    buf.cluster_level = hb.BufferClusterLevel.MONOTONE_CHARACTERS
    buf.add_str(text)
    buf.guess_segment_properties()
    hb.shape(hbfont, buf, _HB_FEATURES)
    return buf


_FAR = 1 << 40  # beyond any glyph coordinate: a glyph without ink never decides the ink box
_SERIAL_FLAGS = hb.BufferSerializeFlags.NO_GLYPH_NAMES | hb.BufferSerializeFlags.NO_CLUSTERS


class _Plain:
    """Per character of one face (font units): the glyph HarfBuzz gives it alone, as the token
    ``hb_buffer_serialize`` writes for it unmoved at its own advance (``"36+601"``), and its ink box.

    Text that shapes to exactly these tokens (no kerning pair, ligature or mark in it: an address, a
    serial, most Latin) is measured from the per-character boxes with whole-list operations, and
    ``shape_str`` gives it back unchanged, with one HarfBuzz call and no per-glyph Python. Only
    characters whose glyph maps back to them and whose advance is reportlab's width are listed (the
    condition under which reportlab's ``shapeStr`` returns the text itself)."""

    def __init__(self, font: str) -> None:
        register_fonts()
        face = pdfmetrics.getFont(font).face
        hbfont, _upem = _hb_font(font)
        self.token: dict[str, str] = {}
        self.advance: dict[str, int] = {}
        self.ink_left: dict[str, int] = {}
        self.ink_right: dict[str, int] = {}
        self.top: dict[str, int] = {}
        self.neg_bottom: dict[str, int] = {}
        for code, gid in face.charToGlyph.items():
            mapped = face.glyphToChar.get(gid)
            xb, w, yb, h, adv = _glyph_box(font, gid)
            if (
                code < 32
                or not mapped
                or mapped[0] != code
                or face._pdfScale(adv) != face.charWidths.get(code)
            ):
                continue
            if hbfont.get_nominal_glyph(code) != gid:
                continue
            c = chr(code)
            self.token[c] = f"{gid}+{adv}"
            self.advance[c] = adv
            if w:
                self.ink_left[c], self.ink_right[c], self.top[c], self.neg_bottom[c] = (
                    xb,
                    xb + w,
                    yb,
                    -(yb + h),
                )
            else:
                self.ink_left[c], self.ink_right[c], self.top[c], self.neg_bottom[c] = (
                    _FAR,
                    -_FAR,
                    -_FAR,
                    -_FAR,
                )


_plain_lock = threading.Lock()


@cache
def _plain_table(font: str) -> _Plain:
    return _Plain(font)


def _plain(font: str) -> _Plain:
    with _plain_lock:  # built once per face by whichever thread gets there first
        return _plain_table(font)


@lru_cache(maxsize=256)
def _shapes_plain(text: str, font: str) -> bool:
    """Whether HarfBuzz sets ``text`` glyph by glyph as the characters' own glyphs, at their own
    advances, unmoved (:class:`_Plain`). Asked for ASCII text only (Thai always has marks to place)."""
    table = _plain(font)
    try:
        expected = "|".join(map(table.token.__getitem__, text))
    except KeyError:
        return False  # a character without a plain glyph of its own
    hbfont, _upem = _hb_font(font)
    return bool(_shaped_buffer(text, font).serialize(hbfont, flags=_SERIAL_FLAGS) == f"[{expected}]")


_PLAIN_PIECE = 8


@lru_cache(maxsize=4096)
def _plain_piece(text: str, font: str) -> tuple[int, int, int, int, int]:
    """For text whose glyphs are its characters' own, unmoved (:class:`_Plain`), in font units: the
    advance and the extremes of its ink from its origin (left, right, top, minus bottom; ``_FAR`` beyond
    them where no glyph has ink). Two pieces side by side combine exactly (integers): the second's
    extremes moved by the first's advance."""
    t = _plain(font)
    pens = list(accumulate(map(t.advance.__getitem__, text), initial=0))
    pen = pens.pop()
    return (
        pen,
        min(map(add, pens, map(t.ink_left.__getitem__, text))),
        max(map(add, pens, map(t.ink_right.__getitem__, text))),
        max(map(t.top.__getitem__, text)),
        max(map(t.neg_bottom.__getitem__, text)),
    )


@lru_cache(maxsize=65536)
def _measure(text: str, font: str) -> _Metrics:
    """Shape an already displayable string with HarfBuzz (the features reportlab uses) and measure it."""
    if not text:
        return _EMPTY
    if _SUP_RUN.search(text):
        pen = left = right = top = bottom = 0.0
        for run, sup in _runs(text):
            m = _measure(run, font)
            k, rise = (SUP_SCALE, SUP_RISE) if sup else (1.0, 0.0)
            left = min(left, pen + m.left * k)
            right = max(right, pen + m.right * k)
            top = max(top, m.top * k + rise)
            bottom = max(bottom, m.bottom * k - rise)
            pen += m.advance * k
        return _Metrics(pen, left, max(right, pen), top, bottom)
    _hbfont, upem = _hb_font(font)
    if text.isascii() and _shapes_plain(text, font):
        # every glyph its character's own, unmoved: the same sums as below, in whole font units, for
        # pieces of the text (kept: an address or a serial shares most of them with the page before)
        ipen, ileft, iright, itop, ibottom = 0, 0, 0, 0, 0
        for i in range(0, len(text), _PLAIN_PIECE):
            pen, left, right, top, bottom = _plain_piece(text[i : i + _PLAIN_PIECE], font)
            ileft = min(ileft, ipen + left)
            iright = max(iright, ipen + right)
            itop = max(itop, top)
            ibottom = max(ibottom, bottom)
            ipen += pen
        # (the end of every glyph's advance is the next pen: advances are never negative)
        iright = max(iright, ipen)
        return _Metrics(ipen / upem, ileft / upem, iright / upem, itop / upem, ibottom / upem)
    infos, positions = _shape(text, font)
    boxes = _boxes(font)
    pen = 0
    left = top = bottom = 0
    right = 0
    for info, pos in zip(infos, positions, strict=True):
        gid = info.codepoint
        box = boxes.get(gid)
        if box is None:
            box = boxes[gid] = _glyph_box(font, gid)
        xb, w, yb, h, adv = box
        x = pen + pos.x_offset
        if w:
            # (the same min/max as builtins, written out: this loop runs for every new name)
            ink = x + xb
            if ink < left:
                left = ink
            ink += w
            if ink > right:
                right = ink
            y = pos.y_offset + yb
            if y > top:
                top = y
            if -(y + h) > bottom:
                bottom = -(y + h)
        if x + adv > right:
            right = x + adv  # where a PDF reader puts the end of the glyph
        pen += pos.x_advance
    right = max(right, pen)
    return _Metrics(pen / upem, left / upem, right / upem, top / upem, bottom / upem)


@cache
def _boxes(font: str) -> dict[int, tuple[int, int, int, int, int]]:
    """Per face, the glyph boxes :func:`_measure` has looked up so far (a dict: no cache call per glyph)."""
    return {}


def _unit_width(text: str, font: str) -> float:
    return _measure(text, font).advance


@cache
def _stack_extents() -> tuple[float, float]:
    """(top, bottom) in em of the tallest Thai stack and the deepest ordinary lower vowel, measured with
    HarfBuzz in both faces (Laksaman: about 1.30 above the baseline and 0.37 below)."""
    top = max(_measure(TALL_PROBE, f).top for f in (FONT, FONT_BOLD))
    bottom = max(_measure(DEEP_PROBE, f).bottom for f in (FONT, FONT_BOLD))
    return top, bottom


def line_spacing() -> float:
    """The one line-spacing rule of every printed document: the distance between baselines, as a multiple
    of the font size, is the tallest stack's ascent plus the deepest ordinary lower vowel's descent plus
    :data:`LINE_CLEARANCE` (about 1.71 em for Laksaman). Adjacent lines whose ink reaches further still
    (ฎุ or ฏู above a line with ภูมิ์) are moved apart by :class:`ThaiParagraph` for that pair alone."""
    top, bottom = _stack_extents()
    return round(top + bottom + LINE_CLEARANCE, 3)


#: distance between baselines as a multiple of the font size, for every document (see line_spacing)
DEFAULT_LINE_SPACING = line_spacing()


def shaped_width(text: str, size: float, bold: bool = False) -> float:
    """Advance width in points of ``text`` shaped by HarfBuzz in Laksaman (bold or regular) at ``size``.

    ZWSP counts zero and no-break spaces count as spaces: this is the width that gets drawn.
    """
    return _unit_width(_display(text), FONT_BOLD if bold else FONT) * size


@cache
def _vmetrics(font: str) -> tuple[float, float]:
    """(ascent, descent) as positive multiples of the font size, from the font's own metrics."""
    register_fonts()
    face = pdfmetrics.getFont(font).face
    return face.ascent / 1000.0, -face.descent / 1000.0


def text_height(lines: int, size: float, leading: float | None = None, *, bold: bool = False) -> float:
    """Height of a block of ``lines`` lines: first line's ascent, last line's descent, leadings between.

    Uses the font's ascent (1.28 em, room for a tone mark over an upper vowel) and descent (0.38 em);
    the rare stacks that reach further (ฎุ, ฏู) are accounted for by the paragraphs themselves.
    """
    if lines <= 0:
        return 0.0
    asc, desc = _vmetrics(FONT_BOLD if bold else FONT)
    if leading is None:
        leading = size * DEFAULT_LINE_SPACING
    return (asc + desc) * size + (lines - 1) * leading


def line_height(size: float, *, bold: bool = False) -> float:
    """Height one line of text needs at ``size`` (room for stacked marks above and lower vowels below)."""
    return text_height(1, size, bold=bold)


# ----------------------------------------------------------------------------------------------------
# line breaking
# ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Line:
    start: int  # offsets into the marked text
    end: int
    text: str  # as drawn (no ZWSP, plain spaces)
    m: _Metrics  # at 1 pt

    @property
    def extent(self) -> float:
        return self.m.extent


def _line(start: int, end: int, text: str, font: str) -> _Line:
    return _Line(start, end, text, _measure(text, font))


def _block_height(lines: Sequence[_Line], font: str, size: float, leading: float) -> float:
    """Height of laid-out lines: the first line's top, the leadings, the last line's bottom."""
    if not lines:
        return 0.0
    asc, desc = _vmetrics(font)
    return (max(asc, lines[0].m.top) + max(desc, lines[-1].m.bottom)) * size + sum(
        _steps(lines, size, leading)
    )


def _steps(lines: Sequence[_Line], size: float, leading: float) -> list[float]:
    """Distances between consecutive baselines: ``leading``, or more where the ink of a line pair would
    come closer than :data:`LINE_CLEARANCE` (ฎุ or ฏู over a line with ภูมิ์)."""
    return [max(leading, (a.m.bottom + b.m.top + LINE_CLEARANCE) * size) for a, b in pairwise(lines)]


@dataclass(frozen=True)
class _Word:
    sep: str  # the breakable whitespace before the word as drawn ("" after a ZWSP)
    start: int
    end: int


def _words(marked: str, start: int, end: int) -> list[_Word]:
    words: list[_Word] = []
    pos = start
    sep = ""
    for m in _BREAK_RUN.finditer(marked, start, end):
        if m.start() > pos:
            words.append(_Word(sep, pos, m.start()))
        sep = "" if not words else _display(m.group())
        pos = m.end()
    if pos < end:
        words.append(_Word(sep, pos, end))
    return words


def _cut_pieces(word: str, font: str, limit: float) -> list[str]:
    """``word`` (marked, wider than ``limit`` at 1 pt) in the pieces a line may be cut between, finest
    only where needed: at no-break spaces (kept at the end of the piece before), then dictionary words,
    then character clusters."""
    out: list[str] = []
    for part in re.findall(r"[^\u00a0]+\u00a0*|\u00a0+", word):
        if _measure(_display(part), font).extent <= limit:
            out.append(part)
            continue
        for tok in _tokenize(part):
            if _measure(_display(tok), font).extent <= limit:
                out.append(tok)
            else:
                out.extend(_clusters(tok))
    # a closing bracket or punctuation never starts a piece
    merged: list[str] = []
    for p in out:
        if merged and p[0] in _NO_START:
            merged[-1] += p
        else:
            merged.append(p)
    return merged


def _clusters(word: str) -> list[str]:
    """Thai character clusters: the smallest pieces a word can be cut into without breaking a glyph stack."""
    nlp.load()
    from pythainlp.tokenize import subword_tokenize

    pieces = [p for p in subword_tokenize(word, engine="tcc") if p]
    if "".join(pieces) != word:
        pieces = list(word)
    out: list[str] = []
    for p in pieces:  # a closing bracket, punctuation or a combining mark never starts a piece
        if out and (p[0] in _NO_START or unicodedata.category(p[0]).startswith("M")):
            out[-1] += p
        else:
            out.append(p)
    return out


def _layout(
    marked: str, font: str, size: float, width: float, *, wrap: bool, protect: tuple[str, ...] | None = None
) -> tuple[_Line, ...]:
    """Lines of marked text at ``size`` in ``width`` points; newlines always break, words only if ``wrap``.

    ``protect``: None means a word wider than the line stays whole (it will be condensed or shrunk);
    otherwise such a word is cut between character clusters unless it contains one of these strings.
    """
    if not wrap:
        return _unwrapped(marked, font)
    return _wrapped(marked, font, width / size if size > 0 else float("inf"), protect)


def _hard_lines(marked: str) -> list[tuple[int, int]]:
    bounds = [m.start() for m in re.finditer("\n", marked)] + [len(marked)]
    return list(zip([0] + [b + 1 for b in bounds[:-1]], bounds, strict=True))


@lru_cache(maxsize=4096)
def _unwrapped(marked: str, font: str) -> tuple[_Line, ...]:
    lines: list[_Line] = []
    for para_start, para_end in _hard_lines(marked):
        words = _words(marked, para_start, para_end)
        if not words:
            lines.append(_line(para_start, para_end, "", font))
        else:
            lines.append(
                _line(words[0].start, words[-1].end, _display(marked[words[0].start : words[-1].end]), font)
            )
    return tuple(lines)


@lru_cache(maxsize=4096)
def _wrapped(marked: str, font: str, limit: float, protect: tuple[str, ...] | None) -> tuple[_Line, ...]:
    """Greedy line breaking at the break opportunities; ``limit`` is the line width at 1 pt."""
    lines: list[_Line] = []
    limit += 1e-9
    for para_start, para_end in _hard_lines(marked):
        words = _words(marked, para_start, para_end)
        if not words:
            lines.append(_line(para_start, para_end, "", font))
        cur: _Line | None = None
        for w in words:
            wtext = _display(marked[w.start : w.end])
            if cur is not None:
                cand = _line(cur.start, w.end, cur.text + w.sep + wtext, font)
                if cand.extent <= limit:
                    cur = cand
                    continue
                lines.append(cur)
                cur = None
            cur = _line(w.start, w.end, wtext, font)
            if cur.extent > limit and protect is not None and not any(p in wtext for p in protect):
                # a single word wider than the line: cut it at its inner spaces ("ที่ 35 องศาเซลเซียส"),
                # then between dictionary words, then between character clusters
                pos = piece_start = w.start
                piece = ""
                for cl in _cut_pieces(marked[w.start : w.end], font, limit):
                    cand_text = piece + _display(cl)
                    if piece and _measure(cand_text, font).extent > limit:
                        lines.append(_line(piece_start, pos, piece.rstrip(" "), font))
                        piece, piece_start = _display(cl), pos
                    else:
                        piece = cand_text
                    pos += len(cl)
                cur = _line(piece_start, w.end, piece, font)
        if cur is not None:
            lines.append(cur)
    return tuple(lines)
