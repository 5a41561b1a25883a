"""A certificate template's elements and how each is drawn: the page model (:class:`Layout`,
:class:`CertificatePage`, placeholders and their filling, the element check) and the drawing of text,
signatory, serial, QR code (with its verification address) and image elements on a reportlab canvas.

The batch renderer that puts them on pages is :mod:`dipdesk.printing.certificates`."""

from __future__ import annotations

import base64
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any
from urllib.parse import quote, urlsplit

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, A5, LETTER, landscape, portrait
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from dipdesk.core.base45 import PREFIX as DC1_PREFIX
from dipdesk.core.base45 import b45decode
from dipdesk.core.digits import to_thai_digits
from dipdesk.printing import qr as qrcode
from dipdesk.printing import thaitext as _tt
from dipdesk.printing.fonts import FONT, FONT_BOLD
from dipdesk.printing.pdftext import plain_run
from dipdesk.printing.thaimeasure import _shapes_plain
from dipdesk.printing.thaiparagraph import _actual_text
from dipdesk.printing.thaitext import draw_text, line_height, shaped_width

MM = 72.0 / 25.4
PAGE_SIZES = {"A4": A4, "A5": A5, "LETTER": LETTER}
ELEMENT_TYPES = ("text", "signatory", "serial", "qr", "image")

#: placeholders a template may use, with what they are (shown in the template editor)
PLACEHOLDERS: dict[str, str] = {
    "name": "ชื่อผู้ได้รับ (คำนำหน้า ชื่อ นามสกุล)",
    "prefix": "คำนำหน้าชื่อ",
    "first_name": "ชื่อ",
    "last_name": "นามสกุล",
    "activity": "ชื่อกิจกรรม/หลักสูตร",
    "program": "ชื่อโครงการ",
    "cohort": "รุ่นที่",
    "date": "ช่วงวันที่จัด",
    "date_phrase": "ระหว่างวันที่ …/เมื่อวันที่ …",
    "start_date": "วันเริ่ม",
    "end_date": "วันสิ้นสุด",
    "hours": "จำนวนชั่วโมงของกิจกรรม",
    "venue": "สถานที่",
    "province": "จังหวัด",
    "site": "ชื่อหน่วยงาน",
    "site_name": "ชื่อหน่วยงาน",
    "director_name": "ชื่อผู้อำนวยการหน่วยงาน",
    "issued_date": "วันที่ออก",
    "fiscal_year": "ปีงบประมาณ",
    "serial": "เลขที่วุฒิบัตร",
}
#: placeholders whose value differs from one person to the next (everything else is shared by a batch)
PERSONAL = frozenset({"name", "prefix", "first_name", "last_name", "serial"})

_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_MARGIN_MM = 15.0


def placeholders_in(text: str) -> set[str]:
    return set(_PLACEHOLDER.findall(text or ""))


def fill(text: str, values: Mapping[str, str]) -> str:
    """``text`` with its ``{placeholders}`` replaced; unknown ones are left as written."""
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), text or "")


@dataclass(frozen=True)
class Layout:
    """What a template says about drawing: a snapshot, kept in each certificate's printed data."""

    page_size: str = "A4"
    orientation: str = "landscape"
    background_hash: str = ""
    elements: tuple[Mapping[str, Any], ...] = ()
    key: str = ""  # identity for caching forms within one PDF (template id and version)

    @property
    def size(self) -> tuple[float, float]:
        base = PAGE_SIZES.get(self.page_size.upper(), A4)
        return landscape(base) if self.orientation == "landscape" else portrait(base)

    def to_json(self) -> dict[str, Any]:
        return {
            "page_size": self.page_size,
            "orientation": self.orientation,
            "background_hash": self.background_hash,
            "elements": [dict(e) for e in self.elements],
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any], key: str = "") -> Layout:
        return cls(
            page_size=str(data.get("page_size") or "A4"),
            orientation=str(data.get("orientation") or "landscape"),
            background_hash=str(data.get("background_hash") or ""),
            elements=tuple(dict(e) for e in data.get("elements") or ()),
            key=key,
        )


@dataclass(frozen=True)
class CertificatePage:
    """One certificate to draw: the layout, the placeholder values (Arabic digits), the QR text."""

    layout: Layout
    values: Mapping[str, str]
    qr_text: str = ""
    thai_digits: bool = False
    files: Mapping[str, str] = field(default_factory=dict)  # content hash -> file path (background, images)


class Cancelled(Exception):
    """Rendering stopped because ``should_stop()`` said so."""


def check_elements(elements: Sequence[Mapping[str, Any]]) -> list[str]:
    """Problems with a template's elements, in English (empty: the renderer can draw them)."""
    problems = []
    for i, e in enumerate(elements):
        kind = e.get("type")
        where = f"element {i + 1} ({e.get('key') or kind})"
        if kind not in ELEMENT_TYPES:
            problems.append(f"{where}: unknown type {kind!r}")
            continue
        for k in ("x_mm", "y_mm"):
            if not isinstance(e.get(k), (int, float)):
                problems.append(f"{where}: {k} must be a number")
        if kind == "qr" and not isinstance(e.get("size_mm"), (int, float)):
            problems.append(f"{where}: size_mm must be a number")
        if kind in ("text", "serial", "signatory"):
            size = e.get("size", 16)
            if not isinstance(size, (int, float)) or not 4 <= size <= 120:
                problems.append(f"{where}: size must be 4–120 pt")
        if kind == "image" and not e.get("hash"):
            problems.append(f"{where}: an image needs a file")
    return problems


# ----------------------------------------------------------------------------------------------------
# drawing elements
# ----------------------------------------------------------------------------------------------------


def _color(e: Mapping[str, Any]) -> str:
    c = str(e.get("color") or "#000000")
    return c if re.fullmatch(r"#[0-9a-fA-F]{6}", c) else "#000000"


#: placeholders whose values are dates and counts: where a template marks no element for Thai digits,
#: the elements that use one of these take them (templates made before the mark existed)
DIGIT_PLACEHOLDERS = frozenset(
    {"date", "date_phrase", "start_date", "end_date", "issued_date", "hours", "fiscal_year"}
)


def _takes_thai_digits(e: Mapping[str, Any], layout: Layout) -> bool:
    """Whether the template's Thai-digit option applies to this element: only where the template marks
    it (``"thai_digits": true``: dates, hours), never to a name, an activity's "รุ่นที่ 1" or a serial."""
    if any("thai_digits" in el for el in layout.elements):
        return bool(e.get("thai_digits"))
    texts = [str(e.get(k) or "") for k in ("text", "caption")]
    return any(placeholders_in(t) & DIGIT_PLACEHOLDERS for t in texts)


def _digits(text: str, thai: bool) -> str:
    return to_thai_digits(text) if thai else text


def _text_box(e: Mapping[str, Any], page_w: float, size: float) -> tuple[float, float, float, float]:
    """(left, width, height, centre y from the top) in points for a text-like element."""
    align = e.get("align", "center")
    x = float(e.get("x_mm", 0)) * MM
    default_w = page_w - 2 * _MARGIN_MM * MM
    width = float(e["max_width_mm"]) * MM if e.get("max_width_mm") else default_w
    if align == "center":
        left = x - width / 2
    elif align == "right":
        left = x - width
    else:
        left = x
    lines = int(e.get("max_lines") or 1)
    height = (
        float(e["max_height_mm"]) * MM
        if e.get("max_height_mm")
        else line_height(size) * (1 + (lines - 1) * 0.95)
    )
    return left, width, height, float(e.get("y_mm", 0)) * MM


def _draw_text_element(
    canvas: Canvas,
    e: Mapping[str, Any],
    text: str,
    page_h: float,
    page_w: float,
    *,
    protect: Sequence[str] = (),
) -> None:
    if not text.strip():
        return
    size = float(e.get("size", 16))
    left, width, height, centre = _text_box(e, page_w, size)
    lines = int(e.get("max_lines") or 1)
    is_name = e.get("key") == "name" or e.get("text") == "{name}"
    if is_name and _draw_name_fast(canvas, e, text, left, width, height, page_h - centre):
        return
    draw_text(
        canvas,
        text,
        left,
        page_h - centre + height / 2,
        width=width,
        height=height,
        size=size,
        min_size=float(e["min_size"]) if e.get("min_size") else None,
        bold=bool(e.get("bold")),
        align=e.get("align", "center") if e.get("align") in ("left", "center", "right") else "center",
        valign="middle",
        max_lines=1 if is_name else lines,
        unbreakable=True if is_name else tuple(p for p in protect if p),
        color=_color(e),
    )


def _draw_name_fast(
    canvas: Canvas, e: Mapping[str, Any], name: str, left: float, width: float, height: float, centre_y: float
) -> bool:
    """A name that fits its box at full size, drawn as two shaped runs: "prefix+first name" and "last
    name". Exactly what :func:`draw_text` draws (same shaping, metrics and placement as ThaiParagraph, one
    ActualText span with the whole name), but in a batch the first names repeat, so the text layer's
    caches shape and format that half once; only the surnames are new on every page. False (draw it the
    usual way) for names that need shrinking, are not two words, or anything unusual.
    """
    first, sep, last = name.partition(" ")
    if not sep or not first or not last or " " in last or any(c in name for c in "\n\u200b\u00a0"):
        return False
    align = e.get("align", "center")
    if align not in ("left", "center", "right"):
        return False
    size = float(e.get("size", 16))
    font = FONT_BOLD if e.get("bold") else FONT
    m1, msp, m2 = _tt._measure(first, font), _tt._measure(" ", font), _tt._measure(last, font)
    gap = m1.advance + msp.advance
    ink_left = min(m1.left, gap + m2.left, 0.0)
    ink_right = max(m1.right, gap + m2.right)
    extent = (ink_right - ink_left) * size
    asc, desc = _tt._vmetrics(font)
    top_m, bottom_m = max(asc, m1.top, m2.top), max(desc, m1.bottom, m2.bottom)
    block = (top_m + bottom_m) * size
    if extent > width + 1e-6 or block > height + 1e-6:
        return False  # shrinking or condensing: the general path decides
    if align == "center":
        x = left + (width - extent) / 2
    elif align == "right":
        x = left + width - extent
    else:
        x = left
    x -= ink_left * size
    box_top = centre_y + height / 2 - (height - block) / 2
    y = box_top - top_m * size
    tx = canvas.beginText(x, y)
    leading = size * _tt.DEFAULT_LINE_SPACING
    tx.setFont(font, size, leading)
    # each half in ActualText spans of its own (see thaitext.text_segments); the space goes with the first
    _tt.write_line(tx, first + " ", font, size, leading, True)
    tx.setTextOrigin(x + gap * size, y)
    _tt.write_line(tx, last, font, size, leading, True)
    code = tx.getCode()
    if not _literal_block(canvas, _color(e), code):
        canvas.saveState()
        canvas.setFillColor(_hex(_color(e)))
        canvas._code.append(code)  # (what drawText(tx) appends)
        canvas.restoreState()
    return True


@lru_cache(maxsize=64)
def _hex(color: str) -> colors.Color:
    return colors.HexColor(color)


@lru_cache(maxsize=64)
def _fill_operator(color: str) -> tuple[str, float | None]:
    """What ``setFillColor(_hex(color))`` writes, and the colour's alpha."""
    c = _hex(color)
    return f"{fp_str((c.red, c.green, c.blue))} rg", getattr(c, "alpha", None)


def _literal_block(canvas: Canvas, color: str, body: str) -> bool:
    """Write ``q``, the fill colour, ``body`` and ``Q``: what ``saveState(); setFillColor(_hex(color));
    …; restoreState()`` around a text object writes, without the canvas's state copying (the canvas's
    own state is the same afterwards either way). False, with nothing written, where ``setFillColor``
    would write more (a colour space to enforce, an alpha other than the current one)."""
    op, alpha = _fill_operator(color)
    if getattr(canvas, "_enforceColorSpace", None) is not None:
        return False
    if alpha is not None:
        if canvas._extgstate.getValue("ca") != alpha:
            return False
        canvas._doc.ensureMinPdfVersion("transparency")
    canvas._code.extend(("q", op, body, "Q"))
    return True


def _draw_signatory(
    canvas: Canvas,
    e: Mapping[str, Any],
    values: Mapping[str, str],
    thai: bool,
    page_h: float,
    files: Mapping[str, str],
    position_size: float | None = None,
) -> None:
    size = float(e.get("size", 16))
    width = float(e.get("width_mm") or 90) * MM
    cx = float(e.get("x_mm", 0)) * MM
    name_centre = float(e.get("y_mm", 0)) * MM
    lh = line_height(size)
    sig = files.get(str(e.get("signature_hash") or ""))
    if sig:
        sig_h = float(e.get("signature_h_mm") or 16) * MM
        sig_w = width * 0.7
        top = page_h - name_centre + lh / 2 + 1.2 * MM + sig_h
        canvas.drawImage(
            sig,
            cx - sig_w / 2,
            top - sig_h,
            width=sig_w,
            height=sig_h,
            mask="auto",
            preserveAspectRatio=True,
            anchor="s",
        )
    # the line to sign on, above the name (the signature image, when there is one, stands on it)
    line_w = width * 0.62
    line_y = page_h - name_centre + lh / 2 + 1.2 * MM
    canvas.saveState()
    canvas.setStrokeColor(_hex(_color(e)))
    canvas.setLineWidth(0.5)
    canvas.setDash(1, 1.6)
    canvas.line(cx - line_w / 2, line_y, cx + line_w / 2, line_y)
    canvas.restoreState()
    name = _digits(fill(str(e.get("name") or ""), values), thai)
    position = _digits(fill(str(e.get("position") or ""), values), thai)
    if name.strip() and name.strip() not in ("()", "( )"):
        draw_text(
            canvas,
            name,
            cx - width / 2,
            page_h - name_centre + lh / 2,
            width=width,
            height=lh,
            size=size,
            align="center",
            valign="middle",
            max_lines=1,
            unbreakable=True,
            color=_color(e),
        )
    if position.strip():
        pos_h = lh * 1.95
        draw_text(
            canvas,
            position,
            cx - width / 2,
            page_h - name_centre - lh / 2 - 1,
            width=width,
            height=pos_h,
            size=position_size or size,
            min_size=min(position_size or size, size * 0.75),
            align="center",
            valign="top",
            max_lines=2,
            color=_color(e),
        )


def _draw_qr(canvas: Canvas, e: Mapping[str, Any], qr_text: str, page_h: float) -> None:
    if not qr_text:
        return
    side = float(e.get("size_mm") or 25) * MM
    x = float(e.get("x_mm", 0)) * MM
    top = float(e.get("y_mm", 0)) * MM
    code = qrcode.encode(qr_text, level=str(e.get("level") or "M"))
    qrcode.draw_qr(canvas, code, x, page_h - top - side, side)


def qr_payload(qr_text: str, verify_url: str, serial: str) -> str:
    """What the QR code holds. A code signed without a server (``DC1:`` + base45) becomes an address of
    the public verification page (``verify_url``, the template's, e.g. the department's site) carrying
    the same signed record as ``?p=`` (base64url), so a phone opens a page instead of showing
    gibberish; dipdesk's offline check reads either form. A code that already is an address, or a
    template without ``verify_url``, is kept as it is."""
    if not (verify_url and qr_text.upper().startswith(DC1_PREFIX)):
        return qr_text
    try:
        record = b45decode(qr_text[len(DC1_PREFIX) :])
    except ValueError:
        return qr_text
    token = base64.urlsafe_b64encode(record).decode().rstrip("=")
    return f"{verify_url.rstrip('/')}/{quote(serial or 'certificate')}?p={token}"


_WEB = re.compile(r"(?i)^https?://")


def verify_address(payload: str) -> str:
    """The address printed under the QR code: the verification URL without its scheme and signed data
    (``urlsplit``'s network location and path).

    In a batch only the last path segment (the serial) is new on every page: the query (never part of
    the address) is cut first and the rest split once per distinct head, the segment appended as it is.
    That is the same as splitting the whole when nothing in the segment could change how the URL splits
    (no ``#``, and none of the tabs and line ends urlsplit drops) and the head has no fragment."""
    m = _WEB.match(payload)
    if not m:
        return ""
    head = payload.partition("?")[0]
    k = head.rfind("/")
    segment = head[k + 1 :]
    if k >= m.end() and "#" not in head and not _DROPPED.intersection(segment):
        return _address_of(head[: k + 1]) + segment
    return _address_of(head)


_DROPPED = frozenset("\t\r\n")


@lru_cache(maxsize=64)
def _address_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.netloc}{parts.path}"


def _draw_verify_address(canvas: Canvas, e: Mapping[str, Any], payload: str, page_h: float) -> None:
    address = verify_address(payload)
    if not address:
        return
    side = float(e.get("size_mm") or 25) * MM
    x = float(e.get("x_mm", 0)) * MM
    top = float(e.get("y_mm", 0)) * MM
    size = float(e.get("caption_size") or 9)
    width = float(e.get("address_width_mm") or 48) * MM
    # under the caption (two lines at most)
    y = page_h - top - side - 3 * MM - line_height(size) * 1.9
    left, height = x + side / 2 - width / 2, line_height(size * 0.8)
    if _draw_code_fast(canvas, address, size * 0.8, 5.5, left, width, y, height):
        return
    draw_text(canvas, address, left, y, width=width, height=height, size=size * 0.8, min_size=5.5,
              align="center", valign="top", max_lines=1, unbreakable=True)  # fmt: skip


def _draw_code_fast(
    canvas: Canvas,
    text: str,
    size: float,
    min_size: float,
    left: float,
    width: float,
    box_top: float,
    height: float,
) -> bool:
    """A code (the verification address: ASCII, no spaces) on one line, centred at the top of its box,
    at the first size from ``size`` down to ``min_size`` in 1 pt steps at which it fits: what
    :func:`draw_text` draws for it (the same sizes tried, measure, placement and ActualText span as
    fit_text and ThaiParagraph), without the word breaking and paragraph machinery, which cost more
    than the rest of a certificate page. False (draw it the usual way) when it fits at no size."""
    if not (text.isascii() and text.isprintable()) or " " in text:
        return False
    m = _tt._measure(text, FONT)
    asc, desc = _tt._vmetrics(FONT)
    top_m, bottom_m = max(asc, m.top), max(desc, m.bottom)
    for s in _tt._sizes(size, min(size, min_size), 1.0):
        if (m.right - m.left) * s <= width + 1e-6 and (top_m + bottom_m) * s <= height + 1e-6:
            break
    else:
        return False  # condensing: the general path decides
    x = left + (width - (m.right - m.left) * s) / 2 - m.left * s
    y = box_top - top_m * s
    leading = s * _tt.DEFAULT_LINE_SPACING
    # plain text (its glyphs unmoved, as _measure found): the text operators write_line writes for it in a
    # fresh text object, one ActualText span without a closing space
    run = plain_run(FONT, s, leading, canvas._doc, text) if _shapes_plain(text, FONT) else None
    if run is not None and _literal_block(
        canvas,
        "#000000",
        f"BT 1 0 0 1 {fp_str(x, y)} Tm /Span <</ActualText {_actual_text(text)}>> BDC {run}  EMC ET",
    ):
        return True
    canvas.saveState()
    canvas.setFillColor(_hex("#000000"))
    tx = canvas.beginText(x, y)
    tx.setFont(FONT, s, leading)
    _tt.write_line(tx, text, FONT, s, leading, True)
    canvas.drawText(tx)
    canvas.restoreState()
    return True


def _draw_qr_caption(
    canvas: Canvas, e: Mapping[str, Any], values: Mapping[str, str], thai: bool, page_h: float
) -> None:
    caption = _digits(fill(str(e.get("caption") or ""), values), thai)
    if not caption:
        return
    side = float(e.get("size_mm") or 25) * MM
    x = float(e.get("x_mm", 0)) * MM
    top = float(e.get("y_mm", 0)) * MM
    size = float(e.get("caption_size") or 9)
    lh = line_height(size)
    # below the light quiet zone the code keeps around itself (4 modules: under 2.5 mm for the sizes
    # a signed payload needs, version 5 and up)
    below = 3 * MM
    draw_text(
        canvas,
        caption,
        x - side * 0.25,
        page_h - top - side - below,
        width=side * 1.5,
        height=lh * 1.9,
        size=size,
        min_size=6,
        align="center",
        valign="top",
        max_lines=2,
    )


def _draw_serial(
    canvas: Canvas,
    e: Mapping[str, Any],
    values: Mapping[str, str],
    thai: bool,
    page_h: float,
    page_w: float,
    part: str = "all",
) -> None:
    """``เลขที่ {serial}``: the words through the Thai text layer, the serial itself (plain ASCII, it needs
    no shaping) as simple text. Left-aligned, the words before the serial sit in the same place on every
    page, so they go with the shared layer (``part="shared"``) and a page draws only its serial."""
    serial = values.get("serial", "")
    text = fill(str(e.get("text") or "{serial}"), values)
    if not serial or serial not in text:
        if part != "shared":
            _draw_text_element(canvas, e, _digits(text, thai), page_h, page_w)
        return
    head, _sep, tail = text.partition(serial)
    head, tail = _digits(head, thai), _digits(tail, thai)
    size = float(e.get("size", 12))
    bold = bool(e.get("bold"))
    font = FONT_BOLD if bold else FONT
    align = e.get("align", "left")
    head_template = str(e.get("text") or "").partition("{serial}")[0]
    head_shared = align not in ("center", "right") and not placeholders_in(head_template) & PERSONAL
    if part == "shared" and not head_shared:
        return
    widths = [
        shaped_width(head, size, bold),
        pdfmetrics.stringWidth(serial, font, size) if part != "shared" else 0.0,
        shaped_width(tail, size, bold) if tail else 0.0,
    ]
    left, width, height, centre = _text_box(e, page_w, size)
    total = sum(widths)
    if align == "center":
        x = left + (width - total) / 2
    elif align == "right":
        x = left + width - total
    else:
        x = left
    color = _color(e)
    top = page_h - centre + height / 2
    words = {
        "height": height,
        "size": size,
        "bold": bold,
        "align": "left",
        "valign": "middle",
        "max_lines": 1,
        "unbreakable": True,
        "color": color,
    }
    if head.strip() and (part == "shared" or (part == "all" or not head_shared)):
        draw_text(canvas, head, x, top, width=widths[0] + size, **words)  # type: ignore[arg-type]
    if part == "shared":
        return
    asc, desc = _font_metrics(font)
    sx, sy = x + widths[0], page_h - centre + (desc - asc) * size / 2
    # what saveState, setFillColor, setFont and drawString write for it (a fresh text object, T* after)
    run = plain_run(font, size, size * 1.2, canvas._doc, serial)
    if run is None or not _literal_block(canvas, color, f"BT 1 0 0 1 {fp_str(sx, sy)} Tm {run} T* ET"):
        canvas.saveState()
        canvas.setFillColor(_hex(color))
        canvas.setFont(font, size)
        canvas.drawString(sx, sy, serial)
        canvas.restoreState()
    if tail.strip():
        draw_text(canvas, tail, x + widths[0] + widths[1], top, width=widths[2] + size, **words)  # type: ignore[arg-type]


def _font_metrics(font: str) -> tuple[float, float]:
    face = pdfmetrics.getFont(font).face
    return face.ascent / 1000.0, -face.descent / 1000.0


def _draw_image(canvas: Canvas, e: Mapping[str, Any], page_h: float, files: Mapping[str, str]) -> None:
    path = files.get(str(e.get("hash") or ""))
    if not path:
        return
    x, top = float(e.get("x_mm", 0)) * MM, float(e.get("y_mm", 0)) * MM
    w, h = float(e.get("w_mm") or 20) * MM, float(e.get("h_mm") or 20) * MM
    canvas.drawImage(path, x, page_h - top - h, width=w, height=h, mask="auto", preserveAspectRatio=True)


def _element_text(e: Mapping[str, Any], values: Mapping[str, str], thai: bool) -> str:
    text = fill(str(e.get("text") or ""), values)
    if e.get("type") == "serial":
        # the serial is a code: its digits stay Arabic, the words around it may use Thai digits
        serial = values.get("serial", "")
        head, sep, tail = text.partition(serial) if serial else (text, "", "")
        return _digits(head, thai) + sep + _digits(tail, thai)
    return _digits(text, thai)


def _is_personal(e: Mapping[str, Any]) -> bool:
    kind = e.get("type")
    if kind in ("qr", "serial"):
        return True  # (a QR code's caption goes with the shared elements: see _draw_element)
    texts = [str(e.get(k) or "") for k in ("text", "name", "position", "caption")]
    return any(placeholders_in(t) & PERSONAL for t in texts)


def _batch_sized(
    e: Mapping[str, Any], layout: Layout, pages: Sequence[CertificatePage], page_w: float
) -> Mapping[str, Any]:
    """A name element set at one size for the whole batch: the smallest size any page's name needs to
    fit its box (31 pt for all rather than 32 pt for most and 31 for some). A name that only fits
    condensed is left to shrink on its own page, so one extreme name does not shrink the rest."""
    if e.get("type") != "text" or "{name}" not in str(e.get("text") or ""):
        return e
    size = float(e.get("size", 16))
    _left, width, height, _c = _text_box(e, page_w, size)
    floor = float(e["min_size"]) if e.get("min_size") else round(size * 0.6, 1)
    font = FONT_BOLD if e.get("bold") else FONT
    fitted = size
    for p in pages:
        if p.layout is not layout and p.layout.key != layout.key:
            continue
        text = fill(str(e.get("text") or ""), p.values)
        if not text.strip() or _fits_whole(text, font, size, width, height):
            continue  # (fits at full size: leaves `fitted` as it is)
        para = _tt.fit_text(text, max_width=width, max_height=height, size=size, min_size=min(size, floor),
                            bold=bool(e.get("bold")), max_lines=1, unbreakable=True)  # fmt: skip
        if para.hscale == 1.0:
            fitted = min(fitted, para.font_size)
    return e if fitted == size else {**e, "size": fitted, "min_size": min(fitted, floor)}


def _fits_whole(text: str, font: str, size: float, width: float, height: float) -> bool:
    """Whether unbreakable ``text`` sets on one line at ``size`` in the box: fit_text's first test
    (one shaped measure, the same tolerances), without its word marks and paragraph, for plain text
    (printable, spaces the only whitespace) as names are. False also means "ask fit_text"."""
    if not text.isprintable() or any(c.isspace() and c != " " for c in text):
        return False
    m = _tt._measure(text, font)
    asc, desc = _tt._vmetrics(font)
    return (m.right - m.left) * size <= width + 1e-6 and (max(asc, m.top) + max(desc, m.bottom)) * size <= (
        height + 1e-6
    )


def _signatory_size(layout: Layout, values: Mapping[str, str], thai: bool, page_w: float) -> float | None:
    """One size for every signatory's position on a page: the smallest any of them needs."""
    sizes = []
    for e in layout.elements:
        if e.get("type") != "signatory":
            continue
        position = _digits(fill(str(e.get("position") or ""), values), thai)
        if not position.strip():
            continue
        size = float(e.get("size", 16))
        width = float(e.get("width_mm") or 90) * MM
        para = _tt.fit_text(position, max_width=width, max_height=line_height(size) * 1.95, size=size,
                            min_size=size * 0.75, max_lines=2)  # fmt: skip
        sizes.append(para.font_size)
    return min(sizes) if sizes else None


def _draw_element(
    canvas: Canvas,
    e: Mapping[str, Any],
    page: CertificatePage,
    page_w: float,
    page_h: float,
    *,
    part: str = "all",
) -> None:
    """Draw one element; ``part`` is "shared" or "personal" for the two layers of a batch (a QR code is
    personal, its caption shared), "all" for both."""
    kind = e.get("type")
    thai = page.thai_digits and _takes_thai_digits(e, page.layout)
    if kind == "text":
        protect = [page.values.get("name", "")] if "{name}" in str(e.get("text") or "") else []
        _draw_text_element(canvas, e, _element_text(e, page.values, thai), page_h, page_w, protect=protect)
    elif kind == "serial":
        _draw_serial(canvas, e, page.values, thai, page_h, page_w, part)
    elif kind == "signatory":
        _draw_signatory(canvas, e, page.values, thai, page_h, page.files,
                        _signatory_size(page.layout, page.values, thai, page_w))  # fmt: skip
    elif kind == "qr":
        if part in ("all", "personal"):
            payload = qr_payload(page.qr_text, str(e.get("verify_url") or ""), page.values.get("serial", ""))
            if payload != page.qr_text and not e.get("level"):
                e = {**e, "level": "L"}  # an address is bytes, not Base45: keep the code as coarse as before
            _draw_qr(canvas, e, payload, page_h)
            _draw_verify_address(canvas, e, payload, page_h)
        caption_is_personal = bool(placeholders_in(str(e.get("caption") or "")) & PERSONAL)
        if part == "all" or (part == "shared") != caption_is_personal:
            _draw_qr_caption(canvas, e, page.values, thai, page_h)
    elif kind == "image":
        _draw_image(canvas, e, page_h, page.files)
