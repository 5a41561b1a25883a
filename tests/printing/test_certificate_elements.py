"""Certificate content: logo, wording, signature lines, the QR as a verification address with the address
printed, Thai digits only where marked, one size per element in a batch."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given, settings
from hypothesis import strategies as st

from dipdesk.core.base45 import b45encode
from dipdesk.paths import resource
from dipdesk.printing import certificates as C
from dipdesk.services import signing
from dipdesk.store import certificate_defaults as D

POPPLER = bool(shutil.which("pdftotext") and shutil.which("pdfimages"))
KEY = Ed25519PrivateKey.generate()


def _pages(names: list[str], thai: bool = False, row: int = 0) -> list[C.CertificatePage]:
    t = D.default_template_rows("x")[row]
    layout = C.Layout(background_hash=t["background_hash"], elements=tuple(t["elements"]), key=t["code"])
    files = {t["background_hash"]: str(resource("images", f"certificate-{t['kind']}.png")),
             D.logo_hash(): str(resource("images", "certificate-logo.png"))}  # fmt: skip
    out = []
    for i, name in enumerate(names):
        values = {**C.sample_values(), "name": name, "serial": f"IPC1-2569-{i:05d}",
                  "activity": "หลักสูตรการฟื้นฟูผู้ประกอบการ รุ่นที่ 1"}  # fmt: skip
        payload = signing.Payload(values["serial"], name, values["activity"], dt.date(2026, 3, 5))
        qr, _sig = signing.make_qr_text(payload, KEY)
        out.append(C.CertificatePage(layout, values, qr, thai, files))
    return out


def test_default_templates_carry_logo_wording_verify_url_and_digit_marks() -> None:
    for row in D.default_template_rows("x"):
        els = {e["key"]: e for e in row["elements"]}
        assert els["logo"]["type"] == "image" and els["logo"]["hash"] == D.logo_hash()
        assert els["intro"]["text"].startswith("ขอมอบ") and els["intro"]["text"].endswith("ให้ไว้เพื่อแสดงว่า")
        assert els["qr"]["verify_url"].startswith("https://")
        assert {k for k, e in els.items() if e.get("thai_digits")} == {"date", "hours", "issued"}
    assert resource("images", "certificate-logo.png").is_file()


def test_a_code_signed_without_a_server_becomes_an_address_that_still_verifies_offline() -> None:
    payload = signing.Payload("IPC1-2569-00042", "นายภูมิ์ ฤทธิ์ฤๅชัย", "หลักสูตร", dt.date(2026, 3, 5))
    dc1, _ = signing.make_qr_text(payload, KEY)
    assert dc1.startswith("DC1:")
    url = C.qr_payload(dc1, "https://www.dip.go.th/verify", payload.serial)
    assert url.startswith("https://www.dip.go.th/verify/IPC1-2569-00042?p=")
    assert C.verify_address(url) == "www.dip.go.th/verify/IPC1-2569-00042"
    parsed, body, sig = signing.parse_qr_text(url)  # what `dipdesk verify` and the server read
    assert parsed.holder == payload.holder
    assert signing.signature_valid(KEY.public_key().public_bytes_raw().hex(), body, sig)
    # an address from a configured server, or a template without verify_url, is kept as it is
    assert C.qr_payload(url, "https://other.example/verify", payload.serial) == url
    assert C.qr_payload(dc1, "", payload.serial) == dc1
    assert C.qr_payload("DC1:" + b45encode(b"x")[:-1] + "~", "https://a/v", "s").startswith("DC1:")


def _address_by_urlsplit(payload: str) -> str:
    """The verification address as the whole URL splits (what verify_address gives, however it does)."""
    if not payload[:8].lower().startswith(("http://", "https://")):
        return ""
    parts = urlsplit(payload)
    return f"{parts.netloc}{parts.path}"


_URL_PIECES = st.sampled_from(["https://", "HTTP://", "http://", "www.dip.go.th", "a", "/", "//", "?", "#", "p=",
                               "\t", "\n", " ", ":8080", "[::1]", "%2F", "IPC1-2569-00042", "verify", "é", "."])  # fmt: skip


@settings(max_examples=3000, deadline=None)
@given(st.lists(_URL_PIECES, max_size=9), st.text(max_size=6))
def test_verify_address_is_what_the_whole_url_splits_to(pieces: list[str], tail: str) -> None:
    payload = "".join(pieces) + tail
    try:
        expected = _address_by_urlsplit(payload)
    except ValueError:  # (an invalid network location: the same error either way)
        with pytest.raises(ValueError):
            C.verify_address(payload)
        return
    assert C.verify_address(payload) == expected
    # the case a batch has: one head, a new serial on every page
    for serial in ("IPC1-2569-00043", "a#b", "x\ty", ""):
        url = C.qr_payload("DC1:" + b45encode(b"record"), "https://www.dip.go.th/verify", serial)
        assert C.verify_address(url) == _address_by_urlsplit(url)


@pytest.mark.skipif(not POPPLER, reason="poppler-utils not installed")
def test_printed_certificate_text(tmp_path: Path) -> None:
    pdf = tmp_path / "c.pdf"
    C.render(_pages(["นายภูมิ์ ฤทธิ์ฤๅชัย"], thai=True), pdf)
    text = " ".join(
        subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout.split()
    )
    assert "ขอมอบวุฒิบัตรฉบับนี้ให้ไว้เพื่อแสดงว่า" in text
    assert "www.dip.go.th/verify/IPC1-2569-00000" in text  # the verify address under the QR
    # Thai digits in the marked date and hours only: not in the activity's cohort nor the serial
    assert "๓–๕ มีนาคม พ.ศ. ๒๕๖๙" in text and "รวมระยะเวลา ๑๘ ชั่วโมง" in text
    assert "รุ่นที่ 1" in text and "IPC1-2569-00000" in text
    images = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True).stdout
    assert len(images.strip().splitlines()) >= 4  # background, logo (+ its mask), QR


def test_one_name_size_and_one_position_size_for_the_batch() -> None:
    names = ["นายภูมิ์ ฤทธิ์ฤๅชัย", "นางสาวญาณิศา ฐิติพันธุ์",
             "นางสาวปิ่นมณีรัตนาภรณ์ ศรีสุขสวัสดิ์วิริยะกุลพิพัฒน์"]  # fmt: skip
    pages = _pages(names)
    el = next(e for e in pages[0].layout.elements if e["key"] == "name")
    sized = C._batch_sized(el, pages[0].layout, pages, 842.0)
    assert sized["size"] < el["size"]  # the long name sets the size ...
    alone = C._batch_sized(el, pages[0].layout, pages[:2], 842.0)
    assert alone["size"] > sized["size"]  # ... which short names alone would not need
    # ภูมิ์ reaches above the font's ascent: alone it would be set 31 pt, ญาณิศา 32 pt; together both 31
    assert alone["size"] == min(C._batch_sized(el, pages[0].layout, [p], 842.0)["size"] for p in pages[:2])
    pw = 842.0
    size = C._signatory_size(pages[0].layout, pages[0].values, False, pw)
    assert size is not None and size < 15  # the longer title sets it, both titles print at it


def test_a_name_that_fits_whole_is_what_fit_text_sets_at_full_size() -> None:
    """certificate_elements._fits_whole (the batch's quick test per name) never says "fits" where fit_text
    would shrink or condense the name; where it says "ask", fit_text decides."""
    from dipdesk.printing import thaitext
    from dipdesk.printing.certificate_elements import _fits_whole
    from dipdesk.printing.fonts import FONT, FONT_BOLD, register_fonts

    register_fonts()
    names = ["นางสาวปิ่นประภา ศรีสุขสวัสดิ์", "นายก ข", "Mr. John Smith", " นาย ก ", "x\ty", "นายสมชาย  ใจดี",
             "นางสาว" + "ก" * 60 + " ข", "ผู้ใหญ่ ปั้น ฟื้น ภูมิ์"]  # fmt: skip
    said_fits = 0
    for font in (FONT, FONT_BOLD):
        for name in names:
            for width in (60.0, 200.0, 700.0):
                para = thaitext.fit_text(name, max_width=width, max_height=60.0, size=32.0, min_size=19.2,
                                         bold=font == FONT_BOLD, max_lines=1, unbreakable=True)  # fmt: skip
                if _fits_whole(name, font, 32.0, width, 60.0):
                    said_fits += 1
                    assert para.font_size == 32.0 and para.hscale == 1.0, (name, width)
    assert said_fits > 5
