"""A guard against a reference-counting bug of PySide6 6.12 on CPython 3.11.

On Python 3.11 every call of a Qt method that returns nothing (`label.setText`, `widget.update`,
`QCoreApplication.processEvents`, `beginInsertRows`…) gives back one reference to `None` more than it
took (measured: 100 calls of `setText`, `sys.getrefcount(None)` 100 lower), and `True`/`False` lose
references too. Python 3.12 made those objects immortal, so there it is harmless; on 3.11, a busy
session (a scrolled list repaints and updates all the time) brings None's count to zero and the
interpreter aborts with "Fatal Python error: none_dealloc". Giving the three singletons a very large
count up front makes them as good as immortal, which is what 3.12 does.
"""

from __future__ import annotations

import ctypes
import sys

_BIG = 1 << 40
_done: list[bool] = []


def guard_singletons() -> None:
    """Make None, True and False effectively immortal on CPython < 3.12 (once per process)."""
    if _done or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    for obj in (None, True, False):
        # ob_refcnt is the first field of every CPython object (a Py_ssize_t)
        ctypes.c_ssize_t.from_address(id(obj)).value += _BIG
    _done.append(True)
