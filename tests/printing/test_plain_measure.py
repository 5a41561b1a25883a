"""thaimeasure._measure of text HarfBuzz sets glyph by glyph (addresses, serials, most Latin), which it
measures from per-piece sums kept between calls, gives what HarfBuzz's own glyph positions and extents
give for the whole text."""

from __future__ import annotations

import random

import uharfbuzz as hb

from dipdesk.printing import thaimeasure as tm
from dipdesk.printing.fonts import FONT, FONT_BOLD, font_bytes, register_fonts


def _by_harfbuzz(text: str, font: str) -> tuple[float, float, float, float, float]:
    """(advance, left, right, top, bottom) at 1 pt, from one shaping of the whole text."""
    face = hb.Face(font_bytes(font))
    hbfont = hb.Font(face)
    buf = hb.Buffer()
    buf.add_str(text)
    buf.guess_segment_properties()
    hb.shape(hbfont, buf, {"kern": True, "liga": True, "dlig": True})
    pen = left = right = top = bottom = 0
    for info, pos in zip(buf.glyph_infos, buf.glyph_positions, strict=True):
        x = pen + pos.x_offset
        ext = hbfont.get_glyph_extents(info.codepoint)
        if ext is not None and ext.width:
            left = min(left, x + ext.x_bearing)
            right = max(right, x + ext.x_bearing + ext.width)
            top = max(top, pos.y_offset + ext.y_bearing)
            bottom = max(bottom, -(pos.y_offset + ext.y_bearing + ext.height))
        right = max(right, x + hbfont.get_glyph_h_advance(info.codepoint))
        pen += pos.x_advance
    upem = face.upem
    return pen / upem, left / upem, max(right, pen) / upem, top / upem, bottom / upem


def test_plain_text_measures_as_harfbuzz_sets_it() -> None:
    register_fonts()
    rng = random.Random(11)
    alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789./-_:?=%  "
    texts = [f"www.dip.go.th/verify/IPC1-2569-K7Q2-{i:05d}" for i in range(0, 3000, 7)]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40))) for _ in range(600)]
    plain = 0
    for font in (FONT, FONT_BOLD):
        for text in texts:
            plain += tm._shapes_plain(text, font)
            m = tm._measure(text, font)
            got = (m.advance, m.left, m.right, m.top, m.bottom)
            assert got == _by_harfbuzz(text, font), text
    assert plain > 1000  # the texts take the piecewise path, not only the general one
