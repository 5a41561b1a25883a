"""PyThaiNLP, imported whole, once, by one thread at a time.

PyThaiNLP's package imports itself in a circle (pythainlp → soundex → util → spell_words → tokenize →
corpus → pythainlp). When two threads import parts of it at the same moment, e.g. the lab page's modules
in the GUI thread and a certificate preview's word breaking in a worker, Python's import locks see a
deadlock and hand one thread a half-initialised module: ``ImportError: cannot import name 'Tokenizer'
from partially initialized module`` or ``_DeadlockError`` (tests/printing/test_nlp_import.py). So every
use first calls `load()`, which imports the parts dipdesk uses under one lock; afterwards the modules are
complete in ``sys.modules`` and a plain ``from pythainlp… import …`` is safe. It also keeps PyThaiNLP off
the start-up path: nothing imports it until text is broken or an amount is written in words.
"""

from __future__ import annotations

import threading
from decimal import Decimal

_lock = threading.Lock()
_loaded = False


def load() -> None:
    """Import PyThaiNLP's parts dipdesk uses (once; other threads wait for it)."""
    global _loaded
    if _loaded:
        return
    with _lock:
        if not _loaded:
            import pythainlp.corpus.common
            import pythainlp.tokenize
            import pythainlp.util  # noqa: F401

            _loaded = True


def bahttext(amount: float | Decimal | int) -> str:
    """An amount of baht in Thai words ("หนึ่งร้อยบาทถ้วน"), as on receipts and request forms."""
    load()
    from pythainlp.util import bahttext as words

    return str(words(float(amount)))
