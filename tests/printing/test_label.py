"""Sample labels stay legible: never below 7 pt nor condensed; a long description wraps to two lines and
is cut at a word with "…", while the receipt above the labels prints it in full."""

from __future__ import annotations

import io
import itertools
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from dipdesk.printing.lab_forms import LABEL_MIN_PT, render_receipt
from dipdesk.printing.thaitext import fit_text, thai_word_breaks

LONG = (
    "ผงฟ้าทะลายโจรแคปซูลชนิดแข็ง บรรจุขวดพลาสติกสีชา ขนาด 100 กรัม จำนวน 3 ขวด "
    "ตัวอย่างจากวิสาหกิจชุมชนสมุนไพรบ้านภูมิ์ ฤทธิ์ฤๅชัย อำเภอเมือง จังหวัดลำพูน"
)


def test_too_long_text_is_cut_at_a_word_with_an_ellipsis_not_squeezed() -> None:
    para = fit_text(LONG, max_width=160, max_height=30, size=11, min_size=8.5, floor=7, max_lines=2,
                    align="left", overflow="ellipsis")  # fmt: skip
    para.wrap(160, 30)
    assert para.font_size >= 7 and para.hscale == 1.0
    assert len(para.lines) <= 2
    shown = "".join(para.lines).replace(" ", "")
    assert shown.endswith("…")
    assert LONG.replace(" ", "").startswith(shown[:-1])  # a prefix, cut between words
    ends = set(itertools.accumulate(len(t) for t in thai_word_breaks(LONG)))
    assert shown[:-1] in {LONG[:e].replace(" ", "") for e in ends}  # cut between words
    # without the option the same text is condensed rather than cut (certificates, headers)
    squeezed = fit_text(LONG, max_width=160, max_height=30, size=11, min_size=8.5, floor=7, max_lines=2)
    assert squeezed.hscale < 1.0


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")
def test_the_receipt_prints_the_full_description_and_the_labels_a_legible_cut(tmp_path: Path) -> None:
    pdf = tmp_path / "rc.pdf"
    render_receipt({"lab_no": "L2570-IPC1-00011", "description": LONG, "received_at": "2026-11-18T10:48",
                    "tests": []}, pdf)  # fmt: skip
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = "".join(text.split())
    assert LONG.replace(" ", "") in flat  # the receipt's own field, in full
    assert flat.count("…") == 2  # each label, cut
    content = io.BytesIO()
    render_receipt({"lab_no": "L2570-IPC1-00011", "description": LONG, "tests": []}, content)
    raw = content.getvalue()
    assert b" Tz" not in raw.replace(b"100 Tz", b"")  # nothing condensed horizontally
    sizes = [float(m) for m in re.findall(rb"/F\d+\+\d+ ([\d.]+) Tf", lab_forms_uncompressed(raw))]
    assert min(sizes) >= LABEL_MIN_PT


def lab_forms_uncompressed(pdf: bytes) -> bytes:
    import pymupdf

    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        return b"".join(page.read_contents() for page in doc)
