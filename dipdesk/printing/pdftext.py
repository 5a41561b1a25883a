"""PDF text operators for one run of text in an embedded TrueType font, as reportlab 5.1 writes them,
without its per-glyph Python.

reportlab's ``PDFTextObject._formatText`` maps every character to its code in the document's font subset
(``TTFont.splitString``), escapes the codes one by one and, for shaped text, builds a list of numbers
and one-byte strings per glyph that it then groups. On a certificate batch that is most of what is left
of drawing a name, a serial or a verification address. :func:`format_text` writes the same operators
from a per-document table (character -> its escaped code), built by reportlab's own ``splitString`` the
first time a character is seen, so subset codes are assigned exactly as reportlab assigns them.

It covers what batches draw: plain or shaped (``ShapedStr``) text of a dynamic TrueType font whose
characters all sit in the first subset (256 codes: Thai and ASCII together use about 190) and whose
glyphs are not raised or lowered (no ``Ts``). For anything else it answers None and the caller uses
``_formatText``. tests/printing/test_pdftext.py holds it to reportlab's output.
"""

from __future__ import annotations

import threading
import weakref
from functools import lru_cache
from typing import Any

from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import ShapedStr

__all__ = ["format_text", "plain_run"]


class _Codes:
    """One font in one document: each character drawn so far -> its code in subset 0, escaped."""

    def __init__(self) -> None:
        self.escaped: dict[int, str] = {}
        self.known: set[str] = set()
        self.outside: set[str] = set()  # characters reportlab put into a later subset


_lock = threading.Lock()
_tables: weakref.WeakKeyDictionary[Any, dict[str, _Codes]] = weakref.WeakKeyDictionary()


def _codes(font: Any, doc: Any, text: str) -> _Codes | None:
    """The table of ``font`` in ``doc``, covering every character of ``text`` (None: one of them is not
    in subset 0, the case left to reportlab)."""
    with _lock:
        # (kept on the document too: an attribute lookup per run, not a weak reference made each time)
        per_doc = getattr(doc, "_dipdesk_codes", None)
        if per_doc is None:
            per_doc = _tables.get(doc)
            if per_doc is None:
                per_doc = _tables[doc] = {}
            doc._dipdesk_codes = per_doc
        codes = per_doc.get(font.fontName)
        if codes is None:
            codes = per_doc[font.fontName] = _Codes()
        if codes.known.issuperset(text):
            return None if codes.outside and not codes.outside.isdisjoint(text) else codes
        # new characters: reportlab assigns their codes, in text order, as it would have while drawing
        font.splitString(text, doc)
        for c in set(text) - codes.known:
            ((subset, code),) = font.splitString(c, doc)
            codes.known.add(c)
            if subset == 0:
                codes.escaped[ord(c)] = escapePDF(code)
            else:
                codes.outside.add(c)
        return None if codes.outside and not codes.outside.isdisjoint(text) else codes


@lru_cache(maxsize=256)
def _font_operator(name: str, size: float, leading: float) -> str:
    return f"{name} {fp_str(size)} Tf {fp_str(leading)} TL"


def format_text(tx: Any, text: str) -> str | None:
    """Exactly ``tx._formatText(text)`` (and the same change of ``tx._curSubset``) for the text objects of
    a reportlab 5.1 canvas, or None where this does not apply (then call ``tx._formatText``)."""
    font = pdfmetrics.getFont(tx._fontname)
    if not font._dynamicFont:
        return None
    shaped = isinstance(text, ShapedStr)
    if shaped:
        if not font.shapable:
            return None
        data = text.__shapeData__  # type: ignore[attr-defined]
        if any(sd.y_offset for sd in data):
            return None  # raised or lowered glyphs: reportlab writes Ts operators
    if not text:
        return ""
    doc = tx._canvas._doc
    codes = _codes(font, doc, str(text))
    if codes is None:
        return None
    head = ""
    if tx._curSubset != 0:
        head = _font_operator(font.getSubsetInternalName(0, doc), tx._fontsize, tx._leading) + " "
        tx._curSubset = 0
    escaped = str(text).translate(codes.escaped)
    if not shaped:
        return f"{head}({escaped}) Tj"
    # reportlab's list per glyph: -x_offset, the code, width - x_advance + x_offset; zeros dropped, runs of
    # codes joined into one string, runs of numbers summed (and dropped when they print as 0)
    before = [-sd.x_offset for sd in data]
    after = [sd.width - sd.x_advance + sd.x_offset for sd in data]
    if not any(before) and not any(after):
        return f"{head}({escaped}) Tj"
    get = codes.escaped.get
    out: list[str] = []
    strings: list[str] = []
    # numbers in a row, summed (at most the "after" of the glyph before and this one's "before")
    number: float | None = None
    for b, c, a in zip(before, str(text), after, strict=True):
        if b:
            if strings:
                out.append("(" + "".join(strings) + ")")
                strings = []
            number = b if number is None else number + b
        if number is not None:
            v = fp_str(number)
            number = None
            if v != "0":
                out.append(v)
        strings.append(get(ord(c), c))
        if a:
            out.append("(" + "".join(strings) + ")")
            strings = []
            number = a
    if strings:
        out.append("(" + "".join(strings) + ")")
    if number is not None:
        v = fp_str(number)
        if v != "0":
            out.append(v)
    if len(out) == 1 and out[0].startswith("("):
        return f"{head}{out[0]} Tj"
    return f"{head}[{' '.join(out)}] TJ"


def plain_run(font_name: str, size: float, leading: float, doc: Any, text: str) -> str | None:
    """What a fresh text object of ``doc`` writes for plain (unshaped) ``text`` in the dynamic TrueType
    font ``font_name`` after ``setFont(font_name, size, leading)``: the font operator, then ``(…) Tj``
    (:func:`format_text` for a text object that has not chosen a subset yet). None where that does
    not apply (then use a text object)."""
    font = pdfmetrics.getFont(font_name)
    if not font._dynamicFont or not text or isinstance(text, ShapedStr):
        return None
    codes = _codes(font, doc, text)
    if codes is None:
        return None
    return f"{_font_operator(font.getSubsetInternalName(0, doc), size, leading)} ({text.translate(codes.escaped)}) Tj"
