"""The machine-readable marks on lab forms: the QR code (`_QR`, `_draw_qr`, segno), the Code 128
barcode and the sample label that carries both."""

from __future__ import annotations

from typing import Any

import segno
from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
)

from dipdesk.printing.lab_layout import (
    MUTED,
    RULE,
    _Text,
)
from dipdesk.printing.thaitext import draw_text


class _QR(Flowable):
    """A QR code drawn as one filled path of module runs (segno: fast, and crisp at any zoom)."""

    def __init__(self, data: str, size: float) -> None:
        super().__init__()
        self.data = data
        self.size = size
        self.width = self.height = size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        _draw_qr(self.canv, self.data, 0, 0, self.size)


def _draw_qr(canv: Canvas, data: str, x: float, y: float, size: float, quiet: int = 2) -> None:
    qr = segno.make(data, error="m", micro=False)
    rows = [bytes(r) for r in qr.matrix]
    n = len(rows)
    module = size / (n + 2 * quiet)
    path = canv.beginPath()
    for r, row in enumerate(rows):
        top = y + size - (quiet + r) * module
        c = 0
        while c < n:
            if row[c]:
                start = c
                while c < n and row[c]:
                    c += 1
                path.rect(x + (quiet + start) * module, top - module, (c - start) * module, module)
            else:
                c += 1
    canv.saveState()
    canv.setFillColor(colors.black)
    canv.drawPath(path, stroke=0, fill=1)
    canv.restoreState()


#: Code 128 module (narrowest bar) on the label: 0.38 mm is 2.2 pixels at 150 dpi, which a phone, a
#: cheap scanner or ``zbarimg`` on a 150 dpi scan reads; at 0.22 mm it only read from 300 dpi
BARCODE_MODULE = 0.38 * mm
#: the smallest text on a label
LABEL_MIN_PT = 7.0


def _draw_barcode(canv: Canvas, value: str, x: float, y: float, width: float, height: float) -> None:
    """Code 128 of ``value``, centred in ``width`` (the bars only; the number is printed as text).

    The bars are never squeezed below :data:`BARCODE_MODULE`: the space left over is the quiet zone."""
    bc = Code128(value, barHeight=height, barWidth=BARCODE_MODULE, humanReadable=0, quiet=0)
    room = width - 8 * mm  # at least 4 mm of quiet zone each side
    if bc.width > room:  # an unusually long number: narrower bars rather than bars off the label
        bc = Code128(
            value, barHeight=height, barWidth=BARCODE_MODULE * room / bc.width, humanReadable=0, quiet=0
        )
    canv.saveState()
    canv.translate(x + (width - bc.width) / 2, y)
    bc.drawOn(canv, 0, 0)
    canv.restoreState()


class _Label(Flowable):
    """The sample label: QR and Code 128 of the lab number, the number, what the item is, when received.

    The barcode runs across the whole label under the rest, so its bars can be wide enough to scan."""

    def __init__(
        self, tx: _Text, content: dict[str, Any], width: float = 86 * mm, height: float = 38 * mm
    ) -> None:
        super().__init__()
        self.tx = tx
        self.content = content
        self.width = width
        self.height = height

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.setStrokeColor(RULE)
        c.setDash(3, 2)
        c.setLineWidth(0.6)
        c.rect(0, 0, self.width, self.height, stroke=1, fill=0)
        c.restoreState()
        pad = 2.5 * mm
        bar_h = 8 * mm
        _draw_barcode(c, self.content["lab_no"], 0, pad, self.width, bar_h)
        top = self.height - pad
        qr = top - (pad + bar_h + 1.5 * mm)
        _draw_qr(c, self.content["lab_no"], pad - 1 * mm, top - qr, qr, quiet=1)
        x = pad + qr + 1 * mm
        w = self.width - x - pad
        draw_text(c, self.content["lab_no"], x, top, width=w, height=6.5 * mm, size=14, min_size=9, bold=True,
                  align="left", max_lines=1, unbreakable=True)  # fmt: skip
        # legible or not at all: down to 7 pt, two lines, then cut at a word with "…" (the receipt above
        # carries the full description)
        draw_text(c, self.tx.t(self.content.get("description") or ""), x, top - 6.5 * mm, width=w,
                  height=10 * mm, size=11, min_size=8.5, align="left", max_lines=2, floor=LABEL_MIN_PT,
                  overflow="ellipsis")  # fmt: skip
        received = self.content.get("received_at")
        when = self.tx.date(received, "medium") if received else "–"
        draw_text(c, f"รับ {when}", x, top - 16.8 * mm, width=w, height=5.5 * mm, size=10.5, min_size=8,
                  align="left", max_lines=1, color=MUTED)  # fmt: skip
