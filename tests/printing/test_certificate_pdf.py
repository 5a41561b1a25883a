"""The certificate renderer and the fast QR encoder: what the PDF holds, what poppler and zbar read back."""

from __future__ import annotations

import contextlib
import io
import random
import re
import shutil
import subprocess
import zlib
from pathlib import Path

import pytest
import segno

from dipdesk.paths import resource
from dipdesk.printing import certificates as printer
from dipdesk.printing import qr
from dipdesk.services.certificates import bundled_background
from dipdesk.store.certificate_defaults import default_elements

POPPLER = all(shutil.which(t) for t in ("pdftotext", "pdffonts", "pdftoppm"))
needs_poppler = pytest.mark.skipif(not POPPLER, reason="poppler-utils not installed")
needs_zbar = pytest.mark.skipif(not (POPPLER and shutil.which("zbarimg")), reason="zbar-tools not installed")

NAMES = [
    "นางสาวปิ่นมณี ศรีสุขสวัสดิ์",
    "นางญาณิศา ฐิติพงศ์ปั้นทอง",
    "นายผู้ใหญ่ญี่ปุ่น น้ำฝ้าย",
    "ว่าที่ร้อยตรีกิ่งกาญจน์ ฟ้าใส",
    "นางสาวพรรณนิภาวรรณ์ จันทร์เพ็ญศรีสุขสวัสดิ์วงศ์ไพบูลย์ณอยุธยา",
]
LONG_TITLE = (
    "โครงการส่งเสริมและพัฒนาผู้ประกอบการวิสาหกิจขนาดกลางและขนาดย่อมให้มีศักยภาพในการแข่งขันทางการค้า"
    "ระหว่างประเทศด้วยเทคโนโลยีดิจิทัลและนวัตกรรม รุ่นที่ 12"
)


def _layout() -> printer.Layout:
    sha = bundled_background("completion")
    elements = default_elements("วุฒิบัตร", "วุฒิบัตรฉบับนี้ให้ไว้เพื่อแสดงว่า", "ได้ผ่านการอบรม")
    return printer.Layout(background_hash=sha, elements=tuple(elements), key="test:1")


def _pages(names: list[str], *, title: str = LONG_TITLE, thai: bool = False) -> list[printer.CertificatePage]:
    layout = _layout()
    files = {layout.background_hash: str(resource("images", "certificate-completion.png"))}
    out = []
    for i, name in enumerate(names):
        values = dict(printer.sample_values(), name=name, activity=title, serial=f"IPC1-2569-{i + 1:05d}")
        out.append(printer.CertificatePage(layout, values, f"DC1:TEST{i:04d}ABCDEF", thai, files))
    return out


def _render(pages: list[printer.CertificatePage], path: Path) -> Path:
    printer.render(pages, path, title="test")
    return path


# --- the QR encoder -----------------------------------------------------------------------------------------


def _aligned(text: str, code: qr.QrCode) -> bool:
    """segno pads one extra zero byte when the data ends on a byte boundary (valid, but different)."""
    alnum = set(text) <= set(qr.ALPHANUMERIC)
    bits = qr._payload_bits(text, text.encode(), alnum, code.version)
    capacity = qr._data_codewords(code.version, code.level) * 8
    return (bits + min(4, capacity - bits)) % 8 == 0


def test_qr_modules_and_mask_equal_segnos() -> None:
    rng = random.Random(4)
    compared = 0
    for n in range(60):
        length = rng.randint(1, 420)
        alphabet = qr.ALPHANUMERIC if n % 3 else "abcxyz0123/:?=&._-"
        text = "".join(rng.choice(alphabet) for _ in range(length))
        mine = qr.encode(text, level="M")
        if _aligned(text, mine):
            continue
        ref = segno.make(text, error="m", micro=False)
        assert (mine.version, mine.level, mine.mask) == (ref.version, ref.error, ref.mask), text
        assert mine.matrix() == [list(row) for row in ref.matrix], text
        compared += 1
    assert compared > 30


def test_qr_levels_and_forced_masks() -> None:
    text = "DC1:" + "0123456789ABCDEF" * 8
    for level in "LMQH":
        for mask in (0, 5):
            mine = qr.encode(text, level=level, mask=mask, boost=False)
            ref = segno.make(text, error=level.lower(), mask=mask, boost_error=False, micro=False)
            if not _aligned(text, mine):
                assert mine.matrix() == [list(row) for row in ref.matrix]
    with pytest.raises(ValueError):
        qr.encode("x" * 5000)


@needs_zbar
def test_zbar_reads_our_qr_images(tmp_path: Path) -> None:
    from reportlab.pdfgen.canvas import Canvas

    texts = ["DC1:" + "".join(random.Random(i).choice(qr.ALPHANUMERIC) for _ in range(260)) for i in range(2)]
    texts.append("https://dipdesk.dip.go.th/verify/IPC1-2569-00042?p=AQMPSVBDMS0yNTY5LTAwMDQy_-abc")
    pdf = tmp_path / "qr.pdf"
    c = Canvas(str(pdf), pagesize=(200, 200))
    for text in texts:
        qr.draw_qr(c, qr.encode(text), 30, 30, 140)
        c.showPage()
    c.save()
    subprocess.run(["pdftoppm", "-r", "100", "-png", str(pdf), str(tmp_path / "q")], check=True)
    for i, text in enumerate(texts):
        out = subprocess.run(
            ["zbarimg", "--raw", "-q", str(tmp_path / f"q-{i + 1}.png")], capture_output=True, text=True
        )
        assert out.stdout.strip() == text


# --- the certificate PDF -------------------------------------------------------------------------------------


@needs_poppler
def test_every_font_is_embedded_and_every_name_comes_back(tmp_path: Path) -> None:
    pdf = _render(_pages(NAMES), tmp_path / "c.pdf")
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows and all(re.search(r"\byes\s+yes\s+yes\b", r) for r in rows), fonts
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = text.split("\f")
    for name, page in zip(NAMES, pages, strict=False):
        assert name in page.splitlines(), (name, page)  # whole, on one line
        assert "IPC1-2569-" in page


@needs_poppler
def test_long_names_and_titles_stay_inside_the_frame(tmp_path: Path) -> None:
    pdf = _render(_pages([NAMES[-1]]), tmp_path / "long.pdf")
    html = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    frame_left, frame_right = 16.2 * printer.MM, (297 - 16.2) * printer.MM
    lines = re.findall(
        r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</line>', html, re.S
    )
    assert lines
    for x0, _y0, x1, _y1, _words in lines:
        assert frame_left <= float(x0) and float(x1) <= frame_right
    title_lines = [ln for ln in lines if "word" in ln[4] and ("โครงการ" in ln[4] or "รุ่นที่" in ln[4])]
    assert 1 <= len(title_lines) <= 2  # wrapped at most once, never cut
    assert "12" in "".join(w for ln in title_lines for w in re.findall(r">([^<]+)</word>", ln[4]))


def _raw(pdf: Path) -> bytes:
    data = pdf.read_bytes()
    out = [data]
    for m in re.finditer(rb"stream\r?\n(.*?)endstream", data, re.S):
        with contextlib.suppress(zlib.error):
            out.append(zlib.decompress(m.group(1)))
    return b"\n".join(out)


def test_background_once_and_small_pages(tmp_path: Path) -> None:
    one = _render(_pages(NAMES[:1]), tmp_path / "1.pdf").stat().st_size
    many = _render(_pages(NAMES * 4), tmp_path / "20.pdf")
    per_page = (many.stat().st_size - one) / 19
    assert per_page < 6 * 1024
    raw = _raw(many)
    assert raw.count(b"/Subtype /Image") == 1  # the background, once; QR codes are inline images
    assert raw.count(b"/Subtype /Form") == 2  # background and shared text, each drawn once
    assert raw.count(b" BI /W ") == 20  # one QR code per page


@needs_poppler
def test_thai_digits_leave_the_serial_alone(tmp_path: Path) -> None:
    pdf = _render(_pages(NAMES[:1], thai=True), tmp_path / "t.pdf")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "๓–๕ มีนาคม พ.ศ. ๒๕๖๙" in text and "รวมระยะเวลา ๑๘ ชั่วโมง" in text
    assert "IPC1-2569-00001" in text


def test_placeholders_and_element_checks() -> None:
    assert printer.fill("{name} – {unknown}", {"name": "ก"}) == "ก – {unknown}"
    assert printer.check_elements([{"type": "text", "x_mm": 1, "y_mm": 2, "size": 12}]) == []
    problems = printer.check_elements([{"type": "banner"}, {"type": "qr", "x_mm": 1, "y_mm": "a"}])
    assert any("unknown type" in p for p in problems) and any("y_mm" in p for p in problems)
    assert any("size_mm" in p for p in problems)


def test_cancel_stops_before_anything_is_written(tmp_path: Path) -> None:
    with pytest.raises(printer.Cancelled):
        printer.render(_pages(NAMES), tmp_path / "x.pdf", should_stop=lambda: True)
    assert not (tmp_path / "x.pdf").exists() or (tmp_path / "x.pdf").stat().st_size == 0


def test_render_to_memory() -> None:
    buf = io.BytesIO()
    assert printer.render(_pages(NAMES[:2]), buf) == 2
    assert buf.getvalue().startswith(b"%PDF")


def test_reportlab_formats_with_its_c_accelerator() -> None:
    """rl_accel is a dependency (issue 12): without it reportlab quietly formats every number of every page
    in Python (a quarter of a certificate batch's time). Its functions must come from the C module."""
    from reportlab.lib import rl_accel

    assert not rl_accel._py_funcs, sorted(rl_accel._py_funcs)
    assert type(rl_accel.fp_str).__name__ == "builtin_function_or_method"
    assert rl_accel.fp_str(1.5, 0.1234567, 100) == "1.5 .123457 100"
