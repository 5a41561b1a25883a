"""The department's clock: Asia/Bangkok (UTC+7, no daylight saving), whatever zone the computer is set to.

A laptop may run on UTC (a fresh Windows install, a server image) while the office works in Bangkok time:
a receipt printed there must still say 13.05 น., not 06.05 น. Times are stored as naive UTC; a naive time
handed to :func:`to_bangkok` is read as naive UTC with ``naive="utc"`` or as this computer's local time
with ``naive="local"`` (what a value already converted for display is). Windows has no time-zone
database of its own: the ``tzdata`` package (a dependency) supplies it to :mod:`zoneinfo`.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal
from zoneinfo import ZoneInfo

__all__ = ["BANGKOK", "now", "pdf_date", "to_bangkok"]

BANGKOK = ZoneInfo("Asia/Bangkok")


def to_bangkok(when: dt.datetime, *, naive: Literal["utc", "local"] = "utc") -> dt.datetime:
    """``when`` as an aware Asia/Bangkok time."""
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC) if naive == "utc" else when.astimezone()
    return when.astimezone(BANGKOK)


def now() -> dt.datetime:
    """The current time in Bangkok (aware)."""
    return dt.datetime.now(BANGKOK)


def pdf_date(when: dt.datetime | None = None) -> str:
    """A PDF date string (``D:20261118130500+07'00'``) of ``when`` (default now) in Bangkok time."""
    t = to_bangkok(when) if when is not None else now()
    return t.strftime("D:%Y%m%d%H%M%S+07'00'")
