"""Work around a reference-counting bug of PySide6 6.12.0 on Python 3.11: every call from Python to a
Qt method that returns nothing (``processEvents()``, ``setText()``, ``QPainterPath.lineTo()``…) releases
one reference to ``None`` that it never took. CPython 3.12+ makes ``None`` immortal, so nothing happens
there; on 3.11 the count runs down and the process aborts ("Fatal Python error: none_dealloc") after a
few thousand such calls, e.g. in the loop that waits for a page to load.

Until PySide6 is fixed (or dipdesk requires Python 3.12), ``None`` is given so many references that it
cannot run out in a lifetime of calls. It is done when ``dipdesk.ui`` is first imported, before any Qt
call of ours: it used to be done by the certificates area, and once the pages loaded only when first
opened, a day spent without opening that page ran the count down (tests/ui/test_none_refcount.py).
"""

from __future__ import annotations

import ctypes
import platform
import sys

_DONE = False


def protect_none() -> None:
    global _DONE
    if _DONE or sys.version_info >= (3, 12) or platform.python_implementation() != "CPython":
        return
    # ob_refcnt is the first field of every PyObject in CPython's (non-debug) builds
    ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40
    _DONE = True
