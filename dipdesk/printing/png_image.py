"""An 8-bit RGB PNG put into a PDF as it is: its compressed rows as the image stream, with the PNG
predictors declared (``/DecodeParms``), so nothing is decoded and compressed again.

reportlab decodes a PNG with Pillow and compresses the pixels again with zlib: about 0.1 s for a
certificate background (1754 × 1240), paid by every batch and every preview, since each PDF embeds it
anew. A PDF reader undoes the PNG's filters itself (``/Predictor 15``) and gets the same pixels, so the
page looks the same (tests/printing/test_png_image.py renders both). Only plain PNGs take this way:
8 bits per channel, RGB, not interlaced (what a background is); anything else (alpha, a palette, grey,
16 bits) is left to reportlab.
"""

from __future__ import annotations

import struct
import zlib
from typing import Any

from reportlab.lib.utils import _digester
from reportlab.pdfbase import pdfdoc
from reportlab.pdfgen.canvas import Canvas

_SIGNATURE = b"\x89PNG\r\n\x1a\n"


class _PngXObject(pdfdoc.PDFImageXObject):
    """reportlab's image XObject with the PNG's own rows and their decode parameters."""

    def __init__(self, name: str, width: int, height: int, rows: bytes) -> None:
        super().__init__(name)  # (the canned image, replaced below)
        self.width, self.height = width, height
        self.bitsPerComponent = 8
        self.colorSpace = "DeviceRGB"
        self._filters = ("FlateDecode",)
        self.streamContent = rows
        self.mask = None

    def format(self, document: Any) -> bytes:
        self.smask = None
        S = pdfdoc.PDFStream(content=self.streamContent)
        d = S.dictionary
        d["Type"] = pdfdoc.PDFName("XObject")
        d["Subtype"] = pdfdoc.PDFName("Image")
        d["Width"] = self.width
        d["Height"] = self.height
        d["BitsPerComponent"] = 8
        d["ColorSpace"] = pdfdoc.PDFName("DeviceRGB")
        d["Filter"] = pdfdoc.PDFArray([pdfdoc.PDFName("FlateDecode")])
        # (one entry per filter, as the filter is an array)
        d["DecodeParms"] = pdfdoc.PDFArray(
            [
                pdfdoc.PDFDictionary(
                    {"Predictor": 15, "Colors": 3, "BitsPerComponent": 8, "Columns": self.width}
                )
            ]
        )
        d["Length"] = len(self.streamContent)
        out: bytes = S.format(document)
        return out


def read_plain_png(path: str) -> tuple[int, int, bytes] | None:
    """(width, height, the concatenated IDAT data) of an 8-bit, non-interlaced RGB PNG without a
    transparent colour; None for any other file."""
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError:
        return None
    if not data.startswith(_SIGNATURE):
        return None
    pos = len(_SIGNATURE)
    width = height = 0
    idat: list[bytes] = []
    while pos + 8 <= len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        body = data[pos + 8 : pos + 8 + length]
        if (
            len(body) != length
            or zlib.crc32(data[pos + 4 : pos + 8 + length])
            != struct.unpack(">I", data[pos + 8 + length : pos + 12 + length])[0]
        ):
            return None  # damaged: let reportlab (and Pillow) say so
        if kind == b"IHDR":
            width, height, depth, color, compression, filtering, interlace = struct.unpack(">IIBBBBB", body)
            if (depth, color, compression, filtering, interlace) != (8, 2, 0, 0, 0):
                return None
        elif kind in (b"tRNS", b"PLTE"):
            return None  # a transparent colour (Pillow would report it) or a palette
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
        pos += 12 + length
    if not (width and height and idat):
        return None
    return width, height, b"".join(idat)


def register_png(canvas: Canvas, path: str) -> bool:
    """Make ``canvas.drawImage(path, …)`` (no mask) find ``path`` already in the document, as the PNG's
    own rows: exactly the registration drawImage does for a new file, with this XObject. False where
    the file is not a plain PNG (drawImage then loads it as usual)."""
    name = _digester(f"{path}{None}".encode())
    reg = canvas._doc.getXObjectName(name)
    if canvas._doc.idToObject.get(reg) is not None:
        return True
    png = read_plain_png(path)
    if png is None:
        return False
    obj = _PngXObject(name, *png)
    obj.name = name
    canvas._setXObjects(obj)
    canvas._doc.Reference(obj, reg)
    canvas._doc.addForm(name, obj)
    return True
