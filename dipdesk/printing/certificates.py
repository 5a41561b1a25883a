"""Certificates (วุฒิบัตร / เกียรติบัตร) as PDF: templates of positioned elements, drawn fast in batches.

A template is data (``CertificateTemplate``, synced from headquarters): page size and orientation, a
background image and a list of elements. Every element is a dict with a ``type`` and a position in
millimetres from the top-left corner of the page:

``text``      ``text`` with placeholders (``{name}``, ``{activity}``, ``{date}``, ``{hours}``, ``{site}``…,
              see :data:`PLACEHOLDERS`); ``x_mm`` is the anchor for ``align`` (left edge, centre or right
              edge of the box), ``y_mm`` the vertical centre of the box; ``size`` (pt), ``bold``,
              ``max_width_mm`` (default: the page less 30 mm margins), ``max_height_mm`` (default: one
              line), ``max_lines`` (default 1; the name is never broken), ``min_size``, ``color``.
              Too long: it shrinks in steps, then wraps at Thai word boundaries, then condenses.
``signatory`` a signature block centred on ``x_mm``: the signature image (``signature_hash``) above,
              ``name`` on the line at ``y_mm``, ``position`` below; ``width_mm`` (default 90).
``serial``    like ``text`` (``เลขที่ {serial}``); the serial always keeps Arabic digits, it is a code.
``qr``        the signed verification code: top-left at (``x_mm``, ``y_mm``), ``size_mm`` square, with an
              optional ``caption`` below.
``image``     a picture (``hash``) in the box ``x_mm``, ``y_mm``, ``w_mm``, ``h_mm`` (an emblem, a logo).

Speed (a batch is a class of 40, or a year's 16,200): the background is drawn once per PDF as a form
XObject reused by every page; every element whose text is the same on all pages of a batch (title,
activity, dates, signatories) goes into a second form, made once per distinct content; a page then holds
two form references, the name, the serial and the QR code as a 1-bit inline image
(:mod:`dipdesk.printing.qr`). Thai is drawn only through :mod:`dipdesk.printing.thaitext` (HarfBuzz
shaping, Thai word breaks, ActualText so ``pdftotext`` gives the name back as typed).

No Qt and no database here: the service resolves files and values and hands in :class:`CertificatePage`.
"""

from __future__ import annotations

import gc
import hashlib
import json
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO

from reportlab import rl_config
from reportlab.pdfbase import pdfdoc
from reportlab.pdfgen.canvas import Canvas

from dipdesk.core.bangkok import now as bangkok_now
from dipdesk.printing.certificate_elements import DIGIT_PLACEHOLDERS as DIGIT_PLACEHOLDERS
from dipdesk.printing.certificate_elements import ELEMENT_TYPES as ELEMENT_TYPES
from dipdesk.printing.certificate_elements import MM as MM
from dipdesk.printing.certificate_elements import PAGE_SIZES as PAGE_SIZES
from dipdesk.printing.certificate_elements import PERSONAL as PERSONAL
from dipdesk.printing.certificate_elements import PLACEHOLDERS as PLACEHOLDERS
from dipdesk.printing.certificate_elements import Cancelled as Cancelled
from dipdesk.printing.certificate_elements import CertificatePage as CertificatePage
from dipdesk.printing.certificate_elements import Layout as Layout
from dipdesk.printing.certificate_elements import _batch_sized as _batch_sized
from dipdesk.printing.certificate_elements import (
    _draw_element,
    _is_personal,
)
from dipdesk.printing.certificate_elements import _signatory_size as _signatory_size
from dipdesk.printing.certificate_elements import check_elements as check_elements
from dipdesk.printing.certificate_elements import fill as fill
from dipdesk.printing.certificate_elements import placeholders_in as placeholders_in
from dipdesk.printing.certificate_elements import qr_payload as qr_payload
from dipdesk.printing.certificate_elements import verify_address as verify_address
from dipdesk.printing.fonts import register_fonts
from dipdesk.printing.pdfmeta import set_metadata
from dipdesk.printing.png_image import register_png

# ----------------------------------------------------------------------------------------------------
# the batch renderer
# ----------------------------------------------------------------------------------------------------

_rl_lock = threading.Lock()


def _prepare() -> None:
    register_fonts()
    # Binary (Flate only) streams instead of ASCII85+Flate: a quarter smaller and, without reportlab's
    # C accelerator, ASCII85 in pure Python is one of the slowest steps of a batch. Files are binary
    # anyway; no 7-bit transport is involved. (A process-wide reportlab setting, like the base font.)
    with _rl_lock:
        rl_config.useA85 = 0


def _digest(elements: Sequence[Mapping[str, Any]]) -> str:
    return hashlib.sha1(json.dumps(list(elements), sort_keys=True, default=str).encode()).hexdigest()


class _Forms:
    """Form XObjects of one PDF: backgrounds (per image) and shared text (per distinct content)."""

    def __init__(self, canvas: Canvas) -> None:
        self.canvas = canvas
        self.names: dict[Any, str] = {}
        self._used: dict[str, tuple[str, ...]] = {}

    def background(self, page: CertificatePage, w: float, h: float) -> str | None:
        path = page.files.get(page.layout.background_hash) if page.layout.background_hash else None
        if not path:
            return None
        key = ("bg", path, w, h)
        name = self.names.get(key)
        if name is None:
            name = f"bg{len(self.names)}"
            c = self.canvas
            c.beginForm(name, lowerx=0, lowery=0, upperx=w, uppery=h)
            register_png(c, path)  # (a plain PNG goes in as it is, not decoded and compressed again)
            c.drawImage(path, 0, 0, width=w, height=h)
            c.endForm()
            self.names[key] = name
        return name

    def shared(
        self, page: CertificatePage, elements: Sequence[Mapping[str, Any]], w: float, h: float
    ) -> str | None:
        if not elements:
            return None
        layout_key = page.layout.key or _digest(page.layout.elements)
        used = self._used.get(layout_key)
        if used is None:
            used = tuple(
                sorted(
                    {
                        p
                        for e in elements
                        for k in ("text", "name", "position", "caption")
                        for p in placeholders_in(str(e.get(k) or ""))
                        if p not in PERSONAL  # (a serial's or a code's own part is drawn per page)
                    }
                )
            )
            self._used[layout_key] = used
        # the shared layer depends only on the layout, the digits and the values its placeholders use
        key = ("shared", layout_key, page.thai_digits, tuple(page.values.get(p, "") for p in used))
        name = self.names.get(key)
        if name is None:
            name = f"txt{len(self.names)}"
            c = self.canvas
            c.beginForm(name, lowerx=0, lowery=0, upperx=w, uppery=h)
            for e in elements:
                _draw_element(c, e, page, w, h, part="shared")
            c.endForm()
            self.names[key] = name
        return name


class _FormattedOnce(pdfdoc.PDFObject):
    """A part of a page dictionary written once and then repeated for every page where it is the same
    (in a batch, every page: the page size, the fonts, the background and the shared layer)."""

    def __init__(self, resources: Any) -> None:
        self.resources = resources
        self._bytes: bytes | None = None

    def format(self, document: Any) -> bytes:
        if self._bytes is None:
            self._bytes = pdfdoc.format(self.resources, document)
        return self._bytes


class _PageResources:
    """What ``PDFPage.check_format`` builds for each page's ``/Resources`` (and ``/MediaBox``), built and
    formatted once per distinct content (fonts, procedure sets, the form XObjects in use; the page size)
    and shared by the pages that have it; the empty ``/Trans`` likewise. Pages with anything more
    (graphics states, colour spaces, shadings, a transition) are left to reportlab."""

    def __init__(self) -> None:
        self._shared: dict[tuple[Any, ...], _FormattedOnce] = {}

    def share(self, page: Any) -> None:
        if not page.MediaBox:
            w, h = page.pagewidth, page.pageheight
            box = [0, 0, h, w] if page.Rotate in (90, 270) else [0, 0, w, h]
            key = ("box", *box)
            if key not in self._shared:
                self._shared[key] = _FormattedOnce(pdfdoc.PDFArray(box))
            page.MediaBox = self._shared[key]
        if isinstance(page.Trans, pdfdoc.PDFDictionary) and not page.Trans.dict:
            if ("trans",) not in self._shared:
                self._shared["trans",] = _FormattedOnce(pdfdoc.PDFDictionary({}))
            page.Trans = self._shared["trans",]
        if page.Resources or page.ExtGState or page._colorsUsed or page._shadingUsed:
            return
        xobjects = page.XObjects.dict if page.XObjects is not None else {}
        if not all(isinstance(v, pdfdoc.PDFObjectReference) for v in xobjects.values()):
            return
        key = (bool(page.hasImages), tuple(sorted((k, v.name) for k, v in xobjects.items())))
        shared = self._shared.get(key)
        if shared is None:
            # as check_format does it
            resources = pdfdoc.PDFResourceDictionary()
            resources.basicFonts()
            if page.hasImages:
                resources.allProcs()
            else:
                resources.basicProcs()
            if page.XObjects:
                resources.XObject = page.XObjects
            shared = self._shared[key] = _FormattedOnce(resources)
        page.Resources = shared


_gc_lock = threading.Lock()
_gc_holders = 0
_gc_was_enabled = False


@contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """The cyclic garbage collector off while a batch is drawn (on again when the last batch drawing at
    the time ends, if it was on). A batch makes no cyclic garbage (a 2,000-page render leaves none for
    ``gc.collect()``), but its many live objects (pages, text caches) made the collector's passes
    ~10 % of a batch."""
    global _gc_holders, _gc_was_enabled
    with _gc_lock:
        if _gc_holders == 0:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
        _gc_holders += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_holders -= 1
            if _gc_holders == 0 and _gc_was_enabled:
                gc.enable()


def render(
    pages: Iterable[CertificatePage],
    out: str | Path | BinaryIO,
    *,
    title: str = "",
    total: int | None = None,
    progress: Callable[[int, int | None], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> int:
    """Draw ``pages`` into one PDF at ``out``; returns the number of pages.

    ``progress(done, total)`` is called every 20 pages and at the end; ``should_stop()`` is asked as often
    and raises :class:`Cancelled` (nothing is written then, when ``out`` is a path).
    """
    with _no_cyclic_gc():
        return _render(pages, out, title=title, total=total, progress=progress, should_stop=should_stop)


def _render(
    pages: Iterable[CertificatePage],
    out: str | Path | BinaryIO,
    *,
    title: str,
    total: int | None,
    progress: Callable[[int, int | None], None] | None,
    should_stop: Callable[[], bool] | None,
) -> int:
    _prepare()
    pages = list(pages)  # the whole batch is looked at first: one size per element (_batch_sized)
    canvas: Canvas | None = None
    forms: _Forms | None = None
    count = 0
    split_cache: dict[str, tuple[list[Mapping[str, Any]], list[Mapping[str, Any]]]] = {}
    target = str(out) if isinstance(out, Path) else out
    for page in pages:
        w, h = page.layout.size
        if canvas is None:
            canvas = Canvas(target, pagesize=(w, h), pageCompression=1, invariant=1)
            set_metadata(
                canvas,
                title=title or "วุฒิบัตร",
                author="กรมส่งเสริมอุตสาหกรรม กระทรวงอุตสาหกรรม",
                subject="วุฒิบัตร/เกียรติบัตร ตรวจสอบความถูกต้องได้ด้วยคิวอาร์โค้ดบนเอกสาร",
                # the day, not the second: a reprint the same day is byte for byte the same file
                created=bangkok_now().replace(hour=0, minute=0, second=0, microsecond=0),
            )
            forms = _Forms(canvas)
            resources = _PageResources()
        else:
            canvas.setPageSize((w, h))
        assert forms is not None
        layout_key = page.layout.key or _digest(page.layout.elements)
        split = split_cache.get(layout_key)
        if split is None:
            shared_el = [
                e for e in page.layout.elements if not _is_personal(e) or e.get("type") in ("qr", "serial")
            ]
            personal_el = [
                _batch_sized(e, page.layout, pages, w) for e in page.layout.elements if _is_personal(e)
            ]
            split = (shared_el, personal_el)
            split_cache[layout_key] = split
        bg = forms.background(page, w, h)
        if bg:
            canvas.doForm(bg)
        shared = forms.shared(page, split[0], w, h)
        if shared:
            canvas.doForm(shared)
        for e in split[1]:
            _draw_element(canvas, e, page, w, h, part="personal")
        canvas.showPage()
        resources.share(canvas._doc.Pages.pages[-1])
        count += 1
        if count % 20 == 0:
            if progress:
                progress(count, total)
            if should_stop and should_stop():
                raise Cancelled()
    if canvas is None:
        raise ValueError("no certificates to print")
    if should_stop and should_stop():
        raise Cancelled()
    canvas.save()
    if progress:
        progress(count, total)
    return count


def render_one(page: CertificatePage, out: str | Path | BinaryIO, *, title: str = "") -> int:
    return render([page], out, title=title)


def sample_values() -> dict[str, str]:
    """Values for previews: a long name with stacked marks and a long Thai title, as real data has."""
    return {
        "name": "นางสาวปิ่นมณี ศรีสุขสวัสดิ์",
        "prefix": "นางสาว",
        "first_name": "ปิ่นมณี",
        "last_name": "ศรีสุขสวัสดิ์",
        "activity": "หลักสูตรพัฒนาผู้ประกอบการอุตสาหกรรมอาหารแปรรูปสู่มาตรฐานสากลด้วยนวัตกรรมและเทคโนโลยีดิจิทัล รุ่นที่ 2",
        "program": "โครงการพัฒนาผู้ประกอบการ",
        "cohort": "2",
        "date": "3–5 มีนาคม พ.ศ. 2569",
        "date_phrase": "ระหว่างวันที่ 3–5 มีนาคม พ.ศ. 2569",
        "start_date": "3 มีนาคม พ.ศ. 2569",
        "end_date": "5 มีนาคม พ.ศ. 2569",
        "hours": "18",
        "venue": "โรงแรมภูคำ จังหวัดเชียงใหม่",
        "province": "เชียงใหม่",
        "site": "ศูนย์ส่งเสริมอุตสาหกรรมภาคที่ 1",
        "site_name": "ศูนย์ส่งเสริมอุตสาหกรรมภาคที่ 1",
        "director_name": "นายวิชัย มั่นคง",
        "issued_date": "5 มีนาคม พ.ศ. 2569",
        "fiscal_year": "2569",
        "serial": "IPC1-2569-00042",
    }
