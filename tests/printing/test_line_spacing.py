"""Line spacing: the ink of adjacent lines never overlaps, checked on the PDF's own baselines with the
glyph boxes HarfBuzz gives for the drawn glyphs (not with the layout code's own measurements)."""

from __future__ import annotations

import io
import itertools
import re

import pytest
import uharfbuzz as hb
from reportlab.pdfgen.canvas import Canvas

from dipdesk.printing import lab_forms
from dipdesk.printing.fonts import FONT, FONT_BOLD, font_bytes
from dipdesk.printing.thaitext import DEFAULT_LINE_SPACING, draw_text, shaped_paragraph

# the hard strings: tallest stacks, deepest lower vowels, and the pairs the audit found colliding
HARD = [
    "ภูมิ์ ฤทธิ์ฤๅชัย",
    "ผู้ขอรับบริการเป็นผู้เก็บ",
    "ตัวอย่างและนำส่งเอง",
    "ปั้น ฟื้นฟู ปิ๋ว ฝั่ง",
    "ญาณิศา ฐิติพันธุ์",
    "ฎุษฎี ปฏิญญาภูษิตกุล ฏู",
    "ล็อตที่ 2567/11",
    "ญี่ปุ่น น้ำ กิ่ง",
]

_TEXT = re.compile(r"BT 1 0 0 1 (\S+) (\S+) Tm(.*?)ET", re.S)
_SPAN = re.compile(r"/Span <</ActualText <FEFF([0-9A-F]*)>>> BDC")


def _ink(text: str, font: str, size: float) -> tuple[float, float]:
    """(top, bottom) of the ink of ``text`` relative to its baseline, in points (bottom negative)."""
    face = hb.Face(font_bytes(font))
    hbfont = hb.Font(face)
    buf = hb.Buffer()
    buf.add_str(text)
    buf.guess_segment_properties()
    hb.shape(hbfont, buf, {"kern": True, "liga": True})
    top, bottom = 0.0, 0.0
    for info, pos in zip(buf.glyph_infos, buf.glyph_positions, strict=True):
        ext = hbfont.get_glyph_extents(info.codepoint)
        if ext is None or not ext.width:
            continue
        top = max(top, pos.y_offset + ext.y_bearing)
        bottom = min(bottom, pos.y_offset + ext.y_bearing + ext.height)
    return top * size / face.upem, bottom * size / face.upem


def _lines(pdf: bytes) -> list[tuple[str, float]]:
    """(text, baseline y) of every drawn line, in drawing order, from the PDF content."""
    content = pdf.decode("latin-1")
    out = []
    for m in _TEXT.finditer(content):
        text = "".join(bytes.fromhex(h).decode("utf-16-be") for h in _SPAN.findall(m.group(3)))
        out.append((text, float(m.group(2))))
    return out


def _render(para: object, width: float) -> bytes:
    buf = io.BytesIO()
    c = Canvas(buf, pageCompression=0)
    para.wrapOn(c, width, 2000)  # type: ignore[attr-defined]
    para.drawOn(c, 20, 20)  # type: ignore[attr-defined]
    c.showPage()
    c.save()
    return buf.getvalue()


def _assert_no_overlap(pdf: bytes, font: str, size: float, expect_lines: int) -> None:
    lines = _lines(pdf)
    assert len(lines) == expect_lines
    for (a, ya), (b, yb) in itertools.pairwise(lines):
        _top_a, bottom_a = _ink(a, font, size)
        top_b, _bottom_b = _ink(b, font, size)
        gap = (ya + bottom_a) - (yb + top_b)
        assert gap > 0, f"{a!r} over {b!r}: ink overlaps by {-gap:.2f} pt"


@pytest.mark.parametrize("bold", [False, True])
def test_every_pair_of_hard_lines_keeps_its_ink_apart(bold: bool) -> None:
    font = FONT_BOLD if bold else FONT
    for size in (10.5, 12, 32):
        text = "\n".join(a + "\n" + b for a, b in itertools.permutations(HARD, 2))
        para = shaped_paragraph(text, size=size, bold=bold)
        _assert_no_overlap(_render(para, 2000), font, size, 2 * len(HARD) * (len(HARD) - 1))


def test_the_lab_form_cell_that_collided_is_set_apart() -> None:
    """ "ผู้ขอรับบริการเป็นผู้เก็บ / ตัวอย่างและนำส่งเอง" wrapped in the report's value column."""
    para = lab_forms._Text(False).p("ผู้ขอรับบริการเป็นผู้เก็บตัวอย่างและนำส่งเอง", 12)
    para.wrap(lab_forms.CONTENT_W / 2 - 37 * 72 / 25.4 - 6, 2000)
    assert len(para.lines) == 2
    _assert_no_overlap(_render(para, lab_forms.CONTENT_W / 2 - 37 * 72 / 25.4 - 6), FONT, 12, 2)


def test_fitted_text_wrapped_into_two_lines_keeps_its_ink_apart() -> None:
    buf = io.BytesIO()
    c = Canvas(buf, pageCompression=0)
    text = "หลักสูตรการฟื้นฟูผู้ประกอบการผลิตภัณฑ์ชุมชนของนายภูมิ์ ฤทธิ์ฤๅชัย และนางสาวฎุษฎี ปฏิญญาภูษิตกุล"
    para = draw_text(c, text, 20, 500, width=300, height=120, size=22, bold=True, max_lines=3)
    c.showPage()
    c.save()
    assert len(para.lines) >= 2
    _assert_no_overlap(buf.getvalue(), FONT_BOLD, para.font_size, len(para.lines))


def test_one_rule_measured_from_the_font() -> None:
    """The spacing comes from the glyph boxes: the tallest stack plus the deepest ordinary lower vowel."""
    top, _ = _ink("ภูมิ์", FONT_BOLD, 1.0)
    _, bottom = _ink("ผู้", FONT_BOLD, 1.0)
    assert top - bottom < DEFAULT_LINE_SPACING < top - bottom + 0.1
