"""Line breaking corpus: the strings printed forms broke wrongly, with the breaks expected.

``|`` marks every place a line may break; anything between two marks stays on one line."""

from __future__ import annotations

import unicodedata

import pytest

from dipdesk.printing.thaitext import shaped_paragraph, shaped_width, thai_word_breaks

CORPUS = [
    # department words the general dictionary cut ("กา|รอบ", "แอน|โด|รก|รา|โฟไลด์")
    ("ทดสอบโดยการอบแห้งที่ 105 °C", "ทดสอบ|โดย|การอบแห้ง|ที่ 105 °C"),
    ("สารแอนโดรกราโฟไลด์", "สาร|แอนโดรกราโฟไลด์"),
    ("ปริมาณเคอร์คูมินอยด์ในขมิ้นชัน", "ปริมาณ|เคอร์คูมินอยด์|ใน|ขมิ้นชัน"),
    ("ไฮโดรเจนเปอร์ออกไซด์", "ไฮโดรเจนเปอร์ออกไซด์"),
    ("ผงฟ้าทะลายโจรแคปซูล", "ผง|ฟ้าทะลายโจร|แคปซูล"),
    ("158 ถนนทุ่งโฮเต็ล ตำบลวัดเกต", "158| |ถนน|ทุ่งโฮเต็ล| |ตำบล|วัดเกต"),
    ("ผู้ขอรับบริการเป็นผู้เก็บตัวอย่างและนำส่งเอง", "ผู้|ขอรับ|บริการ|เป็น|ผู้|เก็บ|ตัวอย่าง|และ|นำ|ส่ง|เอง"),
    # numbers stay with their units
    ("บรรจุ 100 กรัม", "บรรจุ| |100 กรัม"),
    ("เพาะเชื้อที่ 35 องศาเซลเซียส", "เพาะเชื้อ|ที่ 35 องศาเซลเซียส"),
    ("นาน 3 ชั่วโมง", "นาน| |3 ชั่วโมง"),
    ("3 ถุง x 200 กรัม", "3 ถุง| |x| |200 กรัม"),
    ("5.8 × 10³ CFU/g", "5.8 × 10³ CFU/g"),
    ("ไม่เกิน 100 mg/kg", "ไม่|เกิน| |100 mg/kg"),
    ("ความเชื่อมั่นประมาณ 95%", "ความเชื่อมั่น|ประมาณ| |95%"),
    ("ระหว่างวันที่ 3–5 มีนาคม พ.ศ. 2569", "ระหว่าง|วันที่ 3–5| |มีนาคม| |พ.ศ. 2569"),
    # standard references whole, brackets included
    ("Strip method (ISO 13934-1:2013)", "Strip| |method| |(ISO 13934-1:2013)"),
    ("ICP-OES (EN 13428)", "ICP-OES| |(EN 13428)"),
    ("มาตรฐานผลิตภัณฑ์ชุมชน มผช. 1/2562", "มาตรฐาน|ผลิตภัณฑ์ชุมชน| |มผช. 1/2562"),
    ("AOAC 925.10", "AOAC 925.10"),
    ("ตาม ISO/IEC 17025:2017.", "ตาม| |ISO/IEC 17025:2017."),
    ("มอก. 2346-2550", "มอก. 2346-2550"),
    # ordinals keep their numbers; ที่ meaning "at" does not glue to the word before it
    ("หลักสูตรพัฒนา รุ่นที่ 2", "หลักสูตร|พัฒนา| |รุ่นที่ 2"),
    ("ที่ได้ 3 คน", "ที่|ได้| |3| |คน"),
]


@pytest.mark.parametrize(("text", "expected"), CORPUS)
def test_corpus_breaks(text: str, expected: str) -> None:
    pieces = [p for p in thai_word_breaks(text) if not p.isspace()]
    wanted = [p for p in expected.split("|") if not p.isspace()]
    assert pieces == wanted


NARROW = [
    ("เพาะเชื้อที่ 35 องศาเซลเซียส", 62, ["เพาะเชื้อ", "ที่ 35", "องศาเซลเซียส"]),
    ("Strip method (ISO 13934-1:2013)", 70, ["Strip method", "(ISO 13934-1:2013)"]),
    ("ICP-OES (EN 13428)", 62, ["ICP-OES", "(EN 13428)"]),
    ("ทดสอบโดยการอบแห้งที่ 105 °C นาน 3 ชั่วโมง", 90, ["ทดสอบโดย", "การอบแห้ง", "ที่ 105 °C นาน", "3 ชั่วโมง"]),
]


@pytest.mark.parametrize(("text", "width", "lines"), NARROW)
def test_a_narrow_column_shrinks_the_text_before_cutting_a_word(
    text: str, width: float, lines: list[str]
) -> None:
    para = shaped_paragraph(text, size=11.5)
    para.wrap(width, 1000)
    assert para.lines == lines
    assert 7 <= para.font_size <= 11.5
    for line in para.lines:
        assert shaped_width(line, para.font_size) <= width + 0.01


@pytest.mark.parametrize("width", [14, 20, 26, 34, 48])
def test_no_line_starts_with_a_closing_bracket_or_a_mark(width: float) -> None:
    """Cut as narrow as it gets, still no ")" , punctuation or combining mark at the start of a line."""
    for text in ("(ISO 13934-1:2013)", "ภูมิ์ ฤทธิ์ฤๅชัย", "น้ำพริกเผา (ชนิดแห้ง)", "ฟื้นฟู ฯลฯ"):
        para = shaped_paragraph(text, size=11.5)
        para.wrap(width, 1000)
        assert "".join(para.lines).replace(" ", "") == text.replace(" ", "")
        for line in para.lines:
            assert line, para.lines
            assert line[0] not in ")]},.:;!?%ๆ", para.lines
            assert not unicodedata.category(line[0]).startswith("M"), para.lines
