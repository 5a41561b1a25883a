"""A certificate page's personal part (name, serial, QR code and its address) is written as literal PDF
operators, without the canvas's state machinery: exactly what the canvas calls write.

The reference is the same drawing on a canvas that enforces a colour space (here one that changes no
colour): ``setFillColor`` then has work of its own to do, so every element takes the canvas's
``saveState``/``setFillColor``/``drawString``/``drawText``/``restoreState`` path instead."""

from __future__ import annotations

import datetime as dt
import io

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from reportlab.pdfgen.canvas import Canvas

from dipdesk.paths import resource
from dipdesk.printing import certificate_elements as E
from dipdesk.printing import certificates as C
from dipdesk.printing.pdftext import plain_run
from dipdesk.services import signing
from dipdesk.store import certificate_defaults as D

KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
NAMES = [
    "นางสาวปิ่นมณี ศรีสุขสวัสดิ์",
    "นายภูมิ์ ฎุฏูญี่ปุ่นปั้นฟื้น",
    "นางสาวกำไลทองคำ น้ำใจงาม",
    "ดร.ก้องภพ ฤทธิ์ฤๅษี",
    "Mr. John Smith-Wavy",
    "นายสมชาย",
    "นางพัชรีวรรณวิไลลักษณ์กุลธนาวัฒน์ ศรีประเสริฐวัฒนาพงศ์ไพบูลย์กิจ",
]


def _pages(row: int) -> list[C.CertificatePage]:
    t = D.default_template_rows("x")[row]
    layout = C.Layout(background_hash=t["background_hash"], elements=tuple(t["elements"]), key=t["code"])
    files = {t["background_hash"]: str(resource("images", f"certificate-{t['kind']}.png")),
             D.logo_hash(): str(resource("images", "certificate-logo.png"))}  # fmt: skip
    out = []
    for i, name in enumerate(NAMES):
        values = {**C.sample_values(), "name": name, "serial": f"IPC1-2569-K7Q2-{i:05d}"}
        payload = signing.Payload(values["serial"], name, values["activity"], dt.date(2026, 3, 5))
        qr, _sig = signing.make_qr_text(payload, KEY)
        out.append(C.CertificatePage(layout, values, qr, False, files))
    return out


def _personal_code(pages: list[C.CertificatePage], *, through_canvas: bool) -> list[str]:
    C._prepare()
    w, h = pages[0].layout.size
    canvas = Canvas(io.BytesIO(), pagesize=(w, h), pageCompression=1, invariant=1)
    if through_canvas:
        canvas._enforceColorSpace = lambda color: color  # type: ignore[attr-defined]
    out = []
    for page in pages:
        for e in page.layout.elements:
            if E._is_personal(e):
                E._draw_element(canvas, e, page, w, h, part="personal")
        out.append("\n".join(canvas._code))
        canvas.showPage()
    return out


def test_the_personal_part_is_written_as_the_canvas_writes_it() -> None:
    for row in range(len(D.default_template_rows("x"))):
        pages = _pages(row)
        literal = _personal_code(pages, through_canvas=False)
        assert literal == _personal_code(pages, through_canvas=True)
        joined = "\n".join(literal)
        # each of the three kinds was drawn, and as literals where the colour needs no canvas work
        assert "IPC1-2569-K7Q2-00001) Tj T* ET" in joined
        assert "/verify/IPC1-2569-K7Q2-00001) Tj  EMC ET" in joined
        assert joined.count(" BI /W ") == len(NAMES)


def test_plain_run_is_what_a_fresh_text_object_writes() -> None:
    C._prepare()
    for font in ("Laksaman", "Laksaman-Bold"):
        canvas = Canvas(io.BytesIO())
        for text in ("IPC1-2569-K7Q2-00001", "www.dip.go.th/verify/X-1", "(a\\b)"):
            tx = canvas.beginText(0, 0)
            tx.setFont(font, 11, 13.2)
            expected = tx._formatText(text)
            assert plain_run(font, 11, 13.2, canvas._doc, text) == expected


def _three_pages(*, shared: bool) -> bytes:
    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=(842, 595), pageCompression=1, invariant=1)
    resources = C._PageResources()
    canvas.beginForm("bg", 0, 0, 842, 595)
    canvas.drawImage(str(resource("images", "certificate-participation.png")), 0, 0, 842, 595)
    canvas.endForm()
    for i in range(3):
        canvas.doForm("bg")
        canvas.drawString(100, 100 + i, f"page {i}")
        if i == 2:
            canvas.setFillAlpha(0.5)  # a graphics state of its own: left to reportlab
            canvas.rect(10, 10, 50, 50, fill=1)
        canvas.showPage()
        if shared:
            resources.share(canvas._doc.Pages.pages[-1])
    canvas.setPageSize((595, 842))  # another size
    canvas.drawString(100, 100, "portrait")
    canvas.showPage()
    if shared:
        resources.share(canvas._doc.Pages.pages[-1])
    canvas.save()
    return buf.getvalue()


def test_page_dictionaries_written_once_are_what_reportlab_writes_for_each_page() -> None:
    ours, theirs = _three_pages(shared=True), _three_pages(shared=False)
    assert ours == theirs and ours.count(b"/Type /Page\n") == 4
