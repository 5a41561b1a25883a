"""Two threads using PyThaiNLP for the first time at once (the lab page's modules in the GUI thread, a
certificate preview's word breaking in a worker) made one of them fail with ``ImportError: cannot import
name 'Tokenizer' from partially initialized module`` or ``_DeadlockError`` about half the time:
dipdesk.printing.nlp imports it under one lock. Fresh processes, since an import happens once."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CHILD = r"""
import threading
barrier = threading.Barrier(2)
errors = []
def forms():
    barrier.wait()
    try:
        from dipdesk.printing.lab_forms import bahttext
        assert bahttext(1250) == "หนึ่งพันสองร้อยห้าสิบบาทถ้วน"
    except Exception as e:
        errors.append(repr(e))
def breaks():
    barrier.wait()
    try:
        from dipdesk.printing.thaibreak import break_opportunities
        break_opportunities("วิสาหกิจชุมชนข้าวหอมมะลิ")
    except Exception as e:
        errors.append(repr(e))
threads = [threading.Thread(target=f) for f in (forms, breaks)]
for t in threads: t.start()
for t in threads: t.join()
print(errors)
"""


def test_first_use_from_two_threads_at_once() -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    for _ in range(6):
        out = subprocess.run(
            [sys.executable, "-c", CHILD], env=env, cwd=ROOT, capture_output=True, text=True, timeout=120
        )
        assert out.returncode == 0, out.stderr[-2000:]
        assert out.stdout.strip() == "[]", out.stdout
