"""PDF document information for every printed document: Thai title, author and subject, and the real
creation time in Bangkok (reportlab's ``invariant`` mode, which keeps our output reproducible, would
otherwise stamp 2000-01-01)."""

from __future__ import annotations

import datetime as dt

from reportlab.pdfgen.canvas import Canvas

from dipdesk.core.bangkok import now as bangkok_now
from dipdesk.core.bangkok import to_bangkok

__all__ = ["set_metadata"]


def set_metadata(
    canvas: Canvas,
    *,
    title: str,
    author: str,
    subject: str,
    keywords: str = "",
    created: dt.datetime | None = None,
) -> None:
    """Title, author, subject (Thai as typed), creator, and CreationDate/ModDate (``created``, default
    now) in Asia/Bangkok."""
    when = to_bangkok(created) if created is not None else bangkok_now()
    stamp = when.strftime("D:%Y%m%d%H%M%S+07'00'")
    canvas.setTitle(title)
    canvas.setAuthor(author)
    canvas.setSubject(subject)
    canvas.setCreator("dipdesk")
    if keywords:
        canvas.setKeywords(keywords)
    canvas.setDateFormatter(lambda *_ymdhms: stamp)
