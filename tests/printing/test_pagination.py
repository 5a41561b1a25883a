"""Report pagination: pages balance (none but the last under 40 % full) and the signature page carries
results, measured on the rendered PDF with MuPDF."""

from __future__ import annotations

import io

import pymupdf
import pytest

from dipdesk.printing.lab_forms import BOTTOM, FRAME_H, MIN_FILL, PAGE_H, TOP, render_report
from tests.printing.test_lab_forms import content


def _fills(pdf: bytes) -> list[tuple[float, str]]:
    """(how full the body frame is, the page's text) per page; fullness from the lowest word or rule."""
    out = []
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        for page in doc:
            ys = [w[3] for w in page.get_text("words") if w[1] > TOP and w[3] < PAGE_H - BOTTOM]
            ys += [
                d["rect"].y1
                for d in page.get_drawings()
                if d["rect"].y0 > TOP - 1 and d["rect"].y1 < PAGE_H - BOTTOM
            ]
            out.append(((max(ys) - TOP) / FRAME_H if ys else 0.0, page.get_text()))
    return out


@pytest.mark.parametrize("n", [1, 3, 5, 6, 8, 9, 12, 13, 17, 22, 28, 31])
def test_no_page_but_the_last_is_under_40_percent_and_the_signature_keeps_rows(n: int) -> None:
    c = content(n)
    buf = io.BytesIO()
    render_report(c, buf)
    pages = _fills(buf.getvalue())
    for i, (fill, _text) in enumerate(pages[:-1], start=1):
        assert fill >= MIN_FILL, f"page {i} of {len(pages)} is {fill:.0%} full"
    last = " ".join(pages[-1][1].split())
    assert "ลงชื่อ" in last and "สิ้นสุดรายงาน" in last
    # the signature page carries the last results (under the repeated header) where that leaves no page
    # under-filled, else the notes run on and the signature keeps the last of them: never alone
    with_rows = c["results"][-1]["test"] in last and "Verdict" in last
    with_note = "written approval of the laboratory" in last
    assert with_rows or with_note
