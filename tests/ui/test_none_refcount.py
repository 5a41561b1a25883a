"""PySide6 6.12 on Python 3.11 drops a reference to ``None`` on every call of a Qt method returning
nothing; dipdesk guards against it when ``dipdesk.ui`` is imported (``dipdesk.ui.none_refcount``).
The guard used to come with the certificates page, which is now built only when first opened: a day
spent on other pages aborted the process ("none_dealloc"). Run in a fresh process, as the app runs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CHILD = r"""
import sys
from PySide6.QtWidgets import QApplication, QLabel
import dipdesk.ui.app  # what `dipdesk` imports first; the certificates area stays unloaded
assert "dipdesk.ui.certificates" not in sys.modules
app = QApplication([])
label = QLabel()
start = sys.getrefcount(None)
for i in range(300_000):  # well over None's own count in a fresh interpreter
    label.setText("x")
print("ok", start > 300_000)
"""


def test_void_qt_calls_do_not_run_none_down_without_the_certificates_page() -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-c", CHILD], env=env, cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.split() == ["ok", "True"]
