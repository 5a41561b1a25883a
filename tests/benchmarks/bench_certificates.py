"""Speed of certificate batches: 2,000 certificates with background image and signed QR into one PDF.

    pytest tests/benchmarks/bench_certificates.py -m benchmark -s

Prints JSON lines: pages per second (CPU time of this one process, and wall time), the same for a plain
text-only reportlab page loop in the same run (the practical ceiling), their ratio, and the bytes each
page adds after the first. Goals (issue 4): ≥ 500 pages/s, < 6 KB a page. Issuing (signing the QR
payloads) is measured apart: it happens once, at issue time; a reprint only draws.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import random
import time
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

from dipdesk.paths import resource
from dipdesk.printing import certificates as printer
from dipdesk.printing.fonts import FONT, register_fonts
from dipdesk.services import signing
from dipdesk.services.certificates import bundled_background
from dipdesk.store.certificate_defaults import default_elements

N = 2000
REPEAT = 3
PREFIX = ("นาย", "นาง", "นางสาว")


def _names(n: int, rng: random.Random) -> list[str]:
    """Distinct Thai names built like real ones (the demo's given names and compound surnames), so the
    per-document line cache of the text layer gets no help from repeated names."""
    from dipdesk.services import demo

    given = [t for t, _ in demo._MALE + demo._FEMALE]
    roots_a, roots_b, roots_c = (
        [t for t, _ in x] for x in (demo._SURNAME_A, demo._SURNAME_B, demo._SURNAME_C)
    )
    seen: set[str] = set()
    out = []
    while len(out) < n:
        last = rng.choice(roots_a) + rng.choice(roots_b) + (rng.choice(roots_c) if rng.random() < 0.4 else "")
        name = f"{rng.choice(PREFIX)}{rng.choice(given)} {last}"
        if name not in seen:
            seen.add(name)
            out.append(name)
    return out


def _pages(n: int) -> tuple[list[printer.CertificatePage], float]:
    rng = random.Random(2569)
    sha = bundled_background("completion")
    layout = printer.Layout(
        background_hash=sha,
        elements=tuple(default_elements("วุฒิบัตร", "วุฒิบัตรฉบับนี้ให้ไว้เพื่อแสดงว่า", "ได้ผ่านการอบรม")),
        key="bench",
    )
    files = {sha: str(resource("images", "certificate-completion.png"))}
    base = printer.sample_values()
    key = Ed25519PrivateKey.generate()
    pages = []
    signing_s = 0.0
    for i, name in enumerate(_names(n, rng)):
        serial = f"IPC1-2569-K7Q2-{i + 1:05d}"
        values = dict(base, name=name, serial=serial)
        t = time.process_time()
        qr_text, _sig = signing.make_qr_text(
            signing.Payload(serial, name, values["activity"], dt.date(2026, 3, 5)), key
        )
        signing_s += time.process_time() - t
        pages.append(printer.CertificatePage(layout, values, qr_text, False, files))
    return pages, signing_s


def _timed(fn) -> tuple[float, float, object]:  # type: ignore[no-untyped-def]
    w, c = time.perf_counter(), time.process_time()
    out = fn()
    return time.perf_counter() - w, time.process_time() - c, out


def _text_only(n: int) -> bytes:
    """The ceiling: reportlab writing n pages of a few lines of text (same font, same compression)."""
    register_fonts()
    printer._prepare()
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=landscape(A4), pageCompression=1, invariant=1)
    for i in range(n):
        c.setFont(FONT, 32)
        c.drawCentredString(421, 380, f"Certificate holder number {i + 1}")
        c.setFont(FONT, 11)
        c.drawString(68, 65, f"IPC1-2569-K7Q2-{i + 1:05d}")
        c.showPage()
    c.save()
    return buf.getvalue()


def _render(pages: list[printer.CertificatePage]) -> bytes:
    buf = io.BytesIO()
    printer.render(pages, buf, title="bench")
    return buf.getvalue()


@pytest.mark.benchmark
def test_two_thousand_certificates_into_one_pdf(tmp_path: Path) -> None:
    pages, signing_s = _pages(N)
    _render(pages[:3])  # warm the fonts, the Thai dictionary and the QR tables: a running app has them
    _text_only(10)
    # best of three, interleaved: this machine is shared, and the best run is the one least disturbed
    runs, runs_b = [], []
    for _ in range(REPEAT):
        _w, cpu_b_i, base_pdf = _timed(lambda: _text_only(N))
        wall_i, cpu_i, pdf = _timed(lambda: _render(pages))
        runs.append((cpu_i, wall_i))
        runs_b.append(cpu_b_i)
    cpu, wall = min(runs)
    cpu_b = min(runs_b)
    one = _render(pages[:1])
    assert isinstance(pdf, bytes) and isinstance(base_pdf, bytes)
    per_page = (len(pdf) - len(one)) / (N - 1)
    rate, rate_b = N / cpu, N / cpu_b
    result = {
        "bench": "certificates",
        "pages": N,
        "cpu_s": round(cpu, 3),
        "wall_s": round(wall, 3),
        "pages_per_s_cpu": round(rate),
        "pages_per_s_wall": round(N / wall),
        "text_only_pages_per_s_cpu": round(rate_b),
        "ratio_to_text_only": round(rate / rate_b, 3),
        "bytes_total": len(pdf),
        "bytes_first_page": len(one),
        "bytes_per_page_after_first": round(per_page),
        "signing_ms_per_certificate": round(signing_s / N * 1000, 3),
        "cpu_s_all_runs": [round(c, 3) for c, _w in runs],
        "text_only_cpu_s_all_runs": [round(c, 3) for c in runs_b],
    }
    print(json.dumps(result, ensure_ascii=False))
    (tmp_path / "bench.pdf").write_bytes(pdf)
    assert per_page < 6 * 1024


@pytest.mark.benchmark
def test_qr_encoding_speed() -> None:
    """The QR step alone, against segno for the same texts (this module exists because of that gap)."""
    import segno

    from dipdesk.printing import qr

    pages, _ = _pages(200)
    texts = [p.qr_text for p in pages]
    qr.encode(texts[0])
    _w, cpu, _ = _timed(lambda: [qr.encode(t) for t in texts])
    _w, cpu_segno, _ = _timed(lambda: [segno.make(t, error="m", micro=False) for t in texts[:50]])
    print(
        json.dumps(
            {
                "bench": "qr",
                "codes": len(texts),
                "ms_per_code": round(cpu / len(texts) * 1000, 3),
                "segno_ms_per_code": round(cpu_segno / 50 * 1000, 3),
                "version": qr.encode(texts[0]).version,
            }
        )
    )
