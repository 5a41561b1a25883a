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

import math
import re
import threading
import unicodedata
import weakref
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import pairwise
from typing import Any, Literal
from xml.sax.saxutils import escape

import uharfbuzz as hb
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import ShapeData, ShapedStr, shapeStr
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import Paragraph
from reportlab.platypus.paraparser import ParaFrag

from dipdesk.core.digits import to_thai_digits
from dipdesk.printing.fonts import FONT, FONT_BOLD, font_bytes, register_fonts

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

Align = Literal["left", "center", "right"]

ZWSP = "\u200b"
NBSP = "\u00a0"
MAI_YAMOK = "ๆ"
PAIYANNOI = "ฯ"

#: strings whose ink reaches highest (a tone mark over an upper vowel over a tall consonant) and lowest
#: under an ordinary consonant (ุ ู under ป ผ ญ ฐ): the line-spacing rule is measured on them
TALL_PROBE = "ปั้น ฟื้น ภูมิ์ ปิ๋ว ฝั่ง ฬ้ ญี่ปุ่น Á"
DEEP_PROBE = "ผู้ ปุ ญู ฐู ฤ ฎ ฏ gjy"
#: clear space between the ink of two lines, as a multiple of the font size
LINE_CLEARANCE = 0.04
#: no text is set smaller than this while it can still be made to fit by condensing it instead
HARD_FLOOR = 8.0


# Characters that must not start a line (they stick to what precedes them) and that must not end one.
_NO_START = frozenset(")]}»›”’,.:;!?%…‰/-–—" + MAI_YAMOK)
_NO_END = frozenset("([{«‹“‘")
_ASCII_QUOTES = frozenset("\"'")
# whitespace that does not allow a break
_NON_BREAKING_SPACES = frozenset("\u00a0\u2007\u202f\u2060\ufeff")
# a run of breakable whitespace (not newline) and/or ZWSP: a break opportunity
_BREAK_RUN = re.compile(r"(?:[^\S\n\u00a0\u2007\u202f]|\u200b)+")
# breakable whitespace inside a token that must stay whole
_INNER_SPACE = re.compile(r"[^\S\n\u00a0\u2007\u202f]")

# the OpenType features reportlab's shapeFragWord asks HarfBuzz for; measuring with the same ones keeps
# our widths equal to what reportlab draws
_HB_FEATURES = {"kern": True, "liga": True, "dlig": True}

_ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT}
_ALIGN_NAME = {v: k for k, v in _ALIGN.items()}


# ----------------------------------------------------------------------------------------------------
# word breaks
# ----------------------------------------------------------------------------------------------------

_tokenizer_lock = threading.Lock()


@cache
def _dictionary() -> Any:
    """PyThaiNLP's word list with the department's words (:mod:`dipdesk.printing.dictionary`) as a trie."""
    from pythainlp.corpus.common import thai_words
    from pythainlp.util import dict_trie

    from dipdesk.printing.dictionary import DEPARTMENT_WORDS

    return dict_trie(set(thai_words()) | DEPARTMENT_WORDS)


def _tokenize(text: str) -> list[str]:
    from pythainlp.tokenize import word_tokenize

    with _tokenizer_lock:  # the newmm dictionary trie is built lazily on first use
        tokens = word_tokenize(text, custom_dict=_dictionary(), engine="newmm", keep_whitespace=True)
    tokens = [t for t in tokens if t]
    if "".join(tokens) != text:  # never lose a character, whatever the tokenizer does
        return [text]
    return tokens


def _is_space(tok: str) -> bool:
    """A token made only of whitespace that allows a break (or a newline)."""
    return bool(tok) and tok.isspace() and not any(c in _NON_BREAKING_SPACES for c in tok)


def _has_newline(tok: str) -> bool:
    return "\n" in tok or "\r" in tok


def _glue(tokens: list[str]) -> list[str]:
    """Join tokens across places where a line must not break (ๆ, punctuation, no-break spaces)."""
    out: list[str] = []
    for tok in tokens:
        # a run of characters that may not start a line moves to the previous word
        lead = 0
        while lead < len(tok):
            c = tok[lead]
            if c in _NO_START or (c == PAIYANNOI and out and not out[-1][-1:].isspace()):
                lead += 1
            elif c in _ASCII_QUOTES and out and not out[-1][-1:].isspace():
                lead += 1  # a straight quote right after a word closes it
            else:
                break
        if lead and out:
            head, tok = tok[:lead], tok[lead:]
            # through spaces for ๆ and closing marks ("ต่าง ๆ", "( ก )"), never through a newline
            j = len(out)
            while j > 0 and _is_space(out[j - 1]) and not _has_newline(out[j - 1]):
                j -= 1
            if j > 0 and not _has_newline(out[j - 1]):
                out[j - 1 :] = ["".join(out[j - 1 :]) + head]
            else:
                out.append(head)
            if not tok:
                continue
        # no-break spaces glue both neighbours
        if tok and tok.isspace() and not _is_space(tok) and out and not _has_newline(out[-1]):
            out[-1] += tok
            continue
        if out and out[-1] and out[-1][-1] in _NON_BREAKING_SPACES:
            out[-1] += tok
            continue
        # an opening mark (or a straight quote after a space) sticks to the following word
        if out and out[-1] and _opens(out[-1]) and not _is_space(tok):
            out[-1] += tok
            continue
        # Latin text breaks at spaces only: keep runs the Thai dictionary cut ("1/2569", "ISO/IEC")
        if out and out[-1] and tok and _ascii_word(out[-1][-1]) and _ascii_word(tok[0]):
            out[-1] += tok
            continue
        out.append(tok)
    return out


def _opens(tok: str) -> bool:
    last = tok[-1]
    if last in _NO_END:
        return True
    # a straight quote that is its own token or follows a space opens a quotation
    return last in _ASCII_QUOTES and (len(tok) == 1 or tok[-2].isspace())


def _ascii_word(c: str) -> bool:
    return c.isascii() and c.isprintable() and not c.isspace()


# words that a following number belongs to: an ordinal ("รุ่นที่ 3", "ภาคที่ 1", "ครั้งที่ 12/2569") and the
# era of a year ("พ.ศ. 2569"); a line must not end between them
_NUMBER_HEADS = ("ที่", "พ.ศ.", "ค.ศ.", "พ.ศ", "ค.ศ")
_DIGITS = frozenset("0123456789๐๑๒๓๔๕๖๗๘๙")
# nouns an ordinal ที่ is written against ("รุ่นที่ 3", "วันที่ 5"); elsewhere ที่ is "at" ("อบแห้งที่ 105 °C")
_ORDINAL_NOUNS = frozenset(
    [
        "รุ่น",
        "ครั้ง",
        "ภาค",
        "ข้อ",
        "ลำดับ",
        "ฉบับ",
        "ชุด",
        "หมวด",
        "ส่วน",
        "บท",
        "หน้า",
        "วัน",
        "เดือน",
        "ปี",
        "คน",
        "ชั้น",
        "ห้อง",
        "อาคาร",
        "ชั่วโมง",
        "สัปดาห์",
        "ระดับ",
    ]
)


def _keep_numbers(tokens: list[str]) -> list[str]:
    """Join a number to the ordinal ``ที่`` or era before it (through spaces), and an ordinal ``ที่`` to
    the word it is written against (``รุ่น``+``ที่``), so ``"รุ่นที่ 3"`` never breaks."""
    out: list[str] = []
    for tok in tokens:
        if out and tok[:1] in _DIGITS:
            j = len(out)
            while j > 0 and _is_space(out[j - 1]) and not _has_newline(out[j - 1]):
                j -= 1
            if j > 0 and out[j - 1].endswith(_NUMBER_HEADS):
                head = out[j - 1]
                start = j - 1
                # "รุ่น" + "ที่": the ordinal is written against its noun, keep them together too
                if head == "ที่" and start > 0 and out[start - 1] in _ORDINAL_NOUNS:
                    start -= 1
                out[start:] = ["".join(out[start:]) + tok]
                continue
        out.append(tok)
    return out


# pieces that never break: a standard's reference with its number and year ("(ISO 13934-1:2013)",
# "มผช. 1/2562", "AOAC 925.10"), and a number with its unit ("105 °C", "100 กรัม", "5.8 × 10³ CFU/g")
_STANDARD_BODIES = r"ISO/IEC|ISO/TS|ISO|IEC|EN|BS\s?EN|BS|DIN|JIS|ASTM|AATCC|AOAC|APHA|USP|BAM|FDA|CODEX|TIS|มอก\.|มผช\.|มอก|มผช"
_STANDARD_REF = (
    rf"\(?(?<![\w.])(?:{_STANDARD_BODIES})(?:\s?(?:Ch\.|No\.|Method|Part)?\s?[A-Z]?\d[\w.:/-]*)+\)?"
)
_NUMBER = r"[0-9๐-๙][0-9๐-๙,]*(?:\.[0-9๐-๙]+)?(?:\s?[×x]\s?10[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+)?"
_UNIT_WORDS = (
    "องศาเซลเซียส", "มิลลิกรัม", "ไมโครกรัม", "นาโนกรัม", "กิโลกรัม", "กรัม", "มิลลิลิตร", "ไมโครลิตร", "ลิตร",
    "เซนติเมตร", "มิลลิเมตร", "เมตร", "ชั่วโมง", "นาที", "วินาที", "วัน", "นิวตัน", "โคโลนี", "ถุง", "ขวด",
    "ชิ้น", "ซอง", "กล่อง", "กระปุก", "แผ่น", "ตัวอย่าง", "รายการ", "บาท", "ครั้ง", "เท่า",
    "มก./กก.", "มก.", "กก.", "ก.", "มล.", "ล.", "ซม.", "มม.", "ชม.", "°C", "°F", "%", "CFU/g", "CFU/ml",
    "CFU/mL", "MPN/g", "MPN/100 ml", "mg/kg", "mg/L", "mg/l", "µg/kg", "µg/g", "ppm", "ppb", "g/100 g",
    "mg", "kg", "g", "ml", "mL", "L", "mm", "cm", "m", "N", "kN", "kPa", "MPa", "h", "min", "s",
)  # fmt: skip
_UNIT = "|".join(re.escape(u) for u in sorted(_UNIT_WORDS, key=len, reverse=True))
_WHOLE = re.compile(
    rf"{_STANDARD_REF}|(?<![\w.]){_NUMBER}(?:\s?[–-]\s?{_NUMBER})?(?:\s?(?:{_UNIT})(?![A-Za-z/]))?"
)


def _whole_pieces(text: str) -> list[str]:
    """Tokens of ``text``: standard references and numbers with their units whole, the rest by newmm."""
    tokens: list[str] = []
    pos = 0
    for m in _WHOLE.finditer(text):
        piece = m.group()
        if m.start() > pos:
            tokens.extend(_tokenize(text[pos : m.start()]))
        tokens.append(piece)
        pos = m.end()
    if pos < len(text):
        tokens.extend(_tokenize(text[pos:]))
    return tokens


def thai_word_breaks(text: str) -> list[str]:
    """Split ``text`` into the pieces between which a line may break; ``"".join(result) == text``.

    PyThaiNLP's dictionary tokenizer (``newmm``, bundled dictionary) finds the Thai words; whitespace
    runs are tokens of their own. Then ๆ (mai yamok) and closing punctuation are attached to the word
    before them (through a space: ``"ต่าง ๆ"`` is one piece), opening punctuation to the word after,
    and no-break spaces to both sides, so none of them can start or end a line on its own. A number stays
    with the ordinal or era before it (``"รุ่นที่ 3"``, ``"พ.ศ. 2569"``).
    """
    if not text:
        return []
    return _keep_numbers(_glue(_whole_pieces(text)))


def _protected_spans(text: str, names: Iterable[str]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for name in sorted({n for n in names if n}, key=len, reverse=True):
        start = text.find(name)
        while start >= 0:
            end = start + len(name)
            if not any(s < end and start < e for s, e in spans):
                spans.append((start, end))
            start = text.find(name, end)
    return sorted(spans)


def _keep_whole(tok: str) -> str:
    return _INNER_SPACE.sub(NBSP, tok.replace(ZWSP, ""))


def _unbreakable_key(unbreakable: bool | str | Sequence[str]) -> bool | tuple[str, ...]:
    if isinstance(unbreakable, bool):
        return unbreakable
    if isinstance(unbreakable, str):
        return (unbreakable,)
    return tuple(unbreakable)


def break_opportunities(text: str, *, unbreakable: bool | str | Sequence[str] = False) -> str:
    """Mark where ``text`` may break: U+200B between Thai words, spaces where they allow a break.

    Spaces where a line must not break (inside a glued piece such as ``"ต่าง ๆ"``, or inside an
    unbreakable part) become U+00A0 NO-BREAK SPACE. ``unbreakable=True`` keeps the whole text on one
    line (a person's name); a string or a sequence of strings keeps just those parts whole wherever
    they occur (``"…แสดงว่า นางสาวปิ่นมณี ศรีสุขสวัสดิ์ ได้ผ่าน…"``). Newlines are kept: they are hard breaks.
    """
    return _break_opportunities(text, _unbreakable_key(unbreakable))


@lru_cache(maxsize=4096)
def _break_opportunities(text: str, unbreakable: bool | tuple[str, ...]) -> str:
    if not text:
        return ""
    if unbreakable is True:
        return "\n".join(_keep_whole(part) for part in text.split("\n"))
    names: tuple[str, ...] = () if unbreakable is False else unbreakable
    tokens: list[str] = []
    pos = 0
    for start, end in _protected_spans(text, names):
        tokens.extend(thai_word_breaks(text[pos:start]))
        tokens.append(_keep_whole(text[start:end]))
        pos = end
    tokens.extend(thai_word_breaks(text[pos:]))
    if names:
        tokens = _glue(tokens)
    out: list[str] = []
    prev = ""
    for tok in tokens:
        if not _is_space(tok):
            tok = _keep_whole(tok)
            if not tok:  # a ZWSP typed into the text: the boundary is marked anyway
                continue
            if prev and not _is_space(prev):
                out.append(ZWSP)
        out.append(tok)
        prev = tok
    return "".join(out)


# ----------------------------------------------------------------------------------------------------
# measuring
# ----------------------------------------------------------------------------------------------------


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


@lru_cache(maxsize=65536)
def _measure(text: str, font: str) -> _Metrics:
    """Shape an already displayable string with HarfBuzz (the features reportlab uses) and measure it."""
    if not text:
        return _EMPTY
    if any(c in _SUPERSCRIPTS for c in text):
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
    hbfont, upem = _hb_font(font)
    buf = hb.Buffer()
    buf.cluster_level = hb.BufferClusterLevel.MONOTONE_CHARACTERS
    buf.add_str(text)
    buf.guess_segment_properties()
    hb.shape(hbfont, buf, _HB_FEATURES)
    pen = 0
    left = top = bottom = 0
    right = 0
    for info, pos in zip(buf.glyph_infos, buf.glyph_positions, strict=True):
        xb, w, yb, h, adv = _glyph_box(font, info.codepoint)
        x = pen + pos.x_offset
        if w:
            left = min(left, x + xb)
            right = max(right, x + xb + w)
            top = max(top, pos.y_offset + yb)
            bottom = max(bottom, -(pos.y_offset + yb + h))
        right = max(right, x + adv)  # where a PDF reader puts the end of the glyph
        pen += pos.x_advance
    right = max(right, pen)
    return _Metrics(pen / upem, left / upem, right / upem, top / upem, bottom / upem)


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


# ----------------------------------------------------------------------------------------------------
# the flowable
# ----------------------------------------------------------------------------------------------------


@lru_cache(maxsize=2048)
def _shaped(text: str, font: str, size: float) -> str:
    """reportlab's own HarfBuzz shaping of one line (a ShapedStr, or the str if shaping changes nothing).

    Cached: a batch of certificates repeats the same titles and dates on every page. Safe to share, the
    result is read-only for reportlab, which assigns subset codes per document when it writes the text.
    """
    shaped: str = shapeStr(text, font, size)
    return shaped


_formatted_lock = threading.Lock()
_formatted: weakref.WeakKeyDictionary[Any, dict[tuple[Any, ...], str | None]] = weakref.WeakKeyDictionary()


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
        per_doc = _formatted.setdefault(doc, {})
        hit = per_doc.get(key)
        seen = key in per_doc
    if hit is not None:
        return hit
    out: str = tx._formatText(_shaped(text, tx._fontname, tx._fontsize) if shaping else text)
    with _formatted_lock:
        per_doc[key] = out if seen else None
    return out


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
        per_doc = _formatted.setdefault(doc, {})
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
        glyphs = tx._formatText(shaped)  # first: it sets the font the closer may rely on
        closer = ""
        if isinstance(shaped, ShapedStr) and str(shaped) != (actual if actual is not None else text):
            closer = tx._formatText(_zero_space(tx._fontname))  # (glyphs that read back right need none)
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
    if any(c in _SUPERSCRIPTS for c in text):
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


# ----------------------------------------------------------------------------------------------------
# public helpers
# ----------------------------------------------------------------------------------------------------


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
