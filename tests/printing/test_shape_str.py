"""thaiparagraph.shape_str gives exactly what reportlab's shapeStr gives (the text, every glyph's shaping
data), for Thai with stacked marks, Latin with kerning and ligatures, digits, codes and addresses."""

from __future__ import annotations

import random

from reportlab.pdfbase.ttfonts import ShapedStr, shapeStr

from dipdesk.printing.fonts import FONT, FONT_BOLD, register_fonts
from dipdesk.printing.thaiparagraph import shape_str

SAMPLES = [
    "",
    "นางสาวปิ่นประภา ศรีสุขสวัสดิ์",
    "น้ำ ผู้ใหญ่ ปั้น ฟื้น ภูมิ์ ปิ๋ว ฝั่ง ญี่ปุ่น ฐู ฎุ ฤๅ",
    "กรมส่งเสริมอุตสาหกรรม กระทรวงอุตสาหกรรม",
    "www.dip.go.th/verify/IPC1-2569-K7Q2-00001",
    "AVATAR office fifty Type LTV PA",
    "๑๒๓ 2569 ๆ ฯ “quoted” (x)",
]


def test_same_as_reportlab_shapestr() -> None:
    register_fonts()
    rng = random.Random(7)
    alphabet = [chr(c) for c in range(0x0E01, 0x0E5B) if chr(c).isprintable()] + list("AVTafiflo ./-0123")
    texts = SAMPLES + ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 24))) for _ in range(300)]
    shaped = 0
    for font in (FONT, FONT_BOLD):
        for size in (8.0, 16.0, 31.5):
            for text in texts:
                theirs, ours = shapeStr(text, font, size), shape_str(text, font, size)
                assert type(ours) is type(theirs) and str(ours) == str(theirs), text
                if isinstance(theirs, ShapedStr):
                    shaped += 1
                    assert ours.__shapeData__ == theirs.__shapeData__, text  # type: ignore[attr-defined]
    assert shaped > 500  # the samples exercise shaping, not only unchanged text
