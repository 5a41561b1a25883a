"""A plain PNG background goes into the PDF as the PNG's own compressed rows (png_image): the page looks
exactly as when reportlab decodes and compresses it again."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from dipdesk.paths import resource
from dipdesk.printing.png_image import read_plain_png, register_png

BACKGROUNDS = ["certificate-completion.png", "certificate-participation.png"]


def _pdf(path: str, *, passthrough: bool) -> bytes:
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(421, 298), invariant=1)
    if passthrough:
        assert register_png(c, path)
    c.drawImage(path, 0, 0, width=421, height=298)
    c.drawImage(path, 100, 50, width=100, height=70)  # drawn twice, embedded once
    c.showPage()
    c.save()
    return buf.getvalue()


def test_only_plain_rgb_pngs_are_taken_as_they_are() -> None:
    for name in BACKGROUNDS:
        got = read_plain_png(str(resource("images", name)))
        assert got is not None and got[:2] == (1754, 1240)
    assert read_plain_png(str(resource("images", "certificate-logo.png"))) is None  # RGBA: reportlab's
    assert read_plain_png(__file__) is None
    c = Canvas(io.BytesIO())
    assert not register_png(c, str(resource("images", "certificate-logo.png")))


def test_the_image_is_embedded_once_and_its_pixels_are_reportlabs() -> None:
    import pymupdf

    for name in BACKGROUNDS:
        path = str(resource("images", name))
        ours, theirs = _pdf(path, passthrough=True), _pdf(path, passthrough=False)
        assert ours.count(b"/Subtype /Image") == 1 and b"/Predictor 15" in ours
        images = []
        for data in (ours, theirs):
            doc = pymupdf.open(stream=data, filetype="pdf")
            ((xref, *_rest),) = doc[0].get_images()
            pix = pymupdf.Pixmap(doc, xref)
            images.append((pix.width, pix.height, pix.n, pix.samples))
            page = doc[0].get_pixmap(dpi=50)
            images.append(page.samples)
        assert images[0] == images[2] and images[1] == images[3]


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="needs poppler's pdftoppm")
def test_poppler_renders_the_page_the_same(tmp_path: Path) -> None:
    path = str(resource("images", BACKGROUNDS[0]))
    renders = []
    for passthrough in (True, False):
        pdf = tmp_path / f"{passthrough}.pdf"
        pdf.write_bytes(_pdf(path, passthrough=passthrough))
        out = subprocess.run(["pdftoppm", "-r", "60", str(pdf)], capture_output=True, check=True).stdout
        renders.append(out)
    assert len(renders[0]) > 100_000 and renders[0] == renders[1]
