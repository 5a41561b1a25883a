"""pdftext.format_text writes exactly what reportlab's PDFTextObject._formatText writes (and leaves the text
object and the document's font subsets as reportlab leaves them): plain and shaped Thai, Latin with
kerning pairs, characters PDF strings escape, fonts switching, and more characters than one subset
holds (left to reportlab)."""

from __future__ import annotations

import io
import random

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from dipdesk.printing.fonts import FONT, FONT_BOLD, register_fonts
from dipdesk.printing.pdftext import format_text
from dipdesk.printing.thaiparagraph import _zero_space, shape_str

SAMPLES = [
    "นางสาวปิ่นประภา ศรีสุขสวัสดิ์",
    "น้ำ ผู้ใหญ่ ปั้น ฟื้น ภูมิ์ ปิ๋ว ฝั่ง ญี่ปุ่น ฐู ฎุ ฤๅ",
    "www.dip.go.th/verify/IPC1-2569-K7Q2-00001",
    "AVATAR office fifty Type LTV PA",
    "(brackets) \\ back\\slash (( ))",
    "๑๒๓ 2569 ๆ ฯ “quoted” ( x )",
    "",
    " ",
]


def _texts(rng: random.Random, n: int) -> list[str]:
    thai = [chr(c) for c in range(0x0E01, 0x0E5B) if chr(c).isprintable()]
    latin = list("AVTWYafiflo ./-()\\0123")
    out = []
    for _ in range(n):
        alphabet = rng.choice((thai, latin, thai + latin))
        out.append("".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))))
    return out


def _pair() -> tuple[Canvas, Canvas]:
    return Canvas(io.BytesIO(), invariant=1), Canvas(io.BytesIO(), invariant=1)


def test_same_operators_subsets_and_pdf_as_reportlab() -> None:
    register_fonts()
    rng = random.Random(12)
    theirs_canvas, ours_canvas = _pair()
    fast = 0
    for k, text in enumerate(SAMPLES + _texts(rng, 400)):
        font = (FONT, FONT_BOLD)[k % 2]
        size = (8.0, 16.0, 31.5)[k % 3]
        shaped = k % 3 != 0
        run = shape_str(text, font, size) if shaped else text
        results = []
        for canvas, use_fast in ((theirs_canvas, False), (ours_canvas, True)):
            tx = canvas.beginText(10, 20)
            tx.setFont(font, size, size * 1.5)
            out = format_text(tx, run) if use_fast else None
            fast += out is not None
            if out is None:
                out = tx._formatText(run)
            # a second run in the same text object: no font operator again unless the subset changes
            again = format_text(tx, _zero_space(font)) if use_fast else None
            if again is None:
                again = tx._formatText(_zero_space(font))
            results.append((out, again, tx._curSubset))
            tx._code.append(out + " " + again)
            canvas.drawText(tx)
        assert results[0] == results[1], text
    assert fast > 300  # the fast path did most of the work (raised marks are left to reportlab)
    for name in (FONT, FONT_BOLD):
        font = pdfmetrics.getFont(name)
        a, b = font.state[theirs_canvas._doc], font.state[ours_canvas._doc]
        assert a.assignments == b.assignments and a.subsets == b.subsets
    assert theirs_canvas.getpdfdata() == ours_canvas.getpdfdata()


def test_characters_beyond_the_first_subset_are_left_to_reportlab() -> None:
    register_fonts()
    theirs_canvas, ours_canvas = _pair()
    every = "".join(chr(c) for c in range(0x0E01, 0x0E5B) if chr(c).isprintable())
    latin1 = "".join(chr(c) for c in range(0xA1, 0x180))  # with Thai and ASCII: over 256 codes
    for text in (every, latin1, every + latin1, "ก" + latin1[-3:], "ABC"):
        outs = []
        for canvas, use_fast in ((theirs_canvas, False), (ours_canvas, True)):
            tx = canvas.beginText(0, 0)
            tx.setFont(FONT, 12, 14)
            out = format_text(tx, text) if use_fast else None
            outs.append((tx._formatText(text) if out is None else out, tx._curSubset))
        assert outs[0] == outs[1], text
    assert format_text(ours_canvas.beginText(0, 0), latin1[-3:]) is None
