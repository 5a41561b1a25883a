"""Every viewer copies a certificate holder's name exactly once: poppler (pdftotext) and MuPDF."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pymupdf
import pytest

from dipdesk.paths import resource
from dipdesk.printing import certificates as C
from dipdesk.store import certificate_defaults as D

NAMES = [
    "นายภูมิ์ ฤทธิ์ฤๅชัย",
    "นางสาวญาณิศา ฐิติพันธุ์",
    "นางสาวฎุษฎี ปฏิญญาภูษิตกุล",
    "นางสาวปิ่นมณี ศรีสุขสวัสดิ์",
    "นายปั้น น้ำใจดี",
]


def _pdf(tmp_path: Path) -> Path:
    pages = []
    for i, name in enumerate(NAMES):
        row = D.default_template_rows("x")[i % 2]
        layout = C.Layout(
            background_hash=row["background_hash"], elements=tuple(row["elements"]), key=row["code"]
        )
        values = {**C.sample_values(), "name": name, "serial": f"IPC1-2569-{i:05d}"}
        files = {row["background_hash"]: str(resource("images", f"certificate-{row['kind']}.png"))}
        pages.append(C.CertificatePage(layout, values, "DC1:EXAMPLE", files=files))
    pdf = tmp_path / "c.pdf"
    C.render(pages, pdf)
    return pdf


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")
def test_poppler_and_mupdf_each_give_every_name_once(tmp_path: Path) -> None:
    pdf = _pdf(tmp_path)
    poppler = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    with pymupdf.open(pdf) as doc:
        mupdf = "\n".join(page.get_text() for page in doc)
    for name in NAMES:
        surname = name.split()[-1]
        assert poppler.count(name) == 1 and poppler.count(surname) == 1, ("pdftotext", name)
        assert mupdf.count(name) == 1 and mupdf.count(surname) == 1, ("MuPDF", name)
