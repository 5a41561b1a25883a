"""pcscd with vsmartcard's virtual reader, for tests that drive the real PC/SC stack.

`virtual_reader()` returns the name of the virtual reader ("Virtual PCD 00 00"), starting pcscd in the
foreground when none is running (and stopping the one it started at exit), or calls `pytest.skip` with
the reason when pcscd, the vpcd driver or pyscard is not installed.
"""

from __future__ import annotations

import atexit
import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest

from dipdesk.services import idcard

VPCD_CONF = Path("/etc/reader.conf.d/vpcd")
VPCD_PORT = 35963
_started: list[subprocess.Popen[bytes]] = []


def _vpcd_listening() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", VPCD_PORT), timeout=0.5):
            return True  # (vpcd takes this as a card inserted and removed at once: harmless)
    except OSError:
        return False


def _stop_started() -> None:
    for proc in _started:
        proc.terminate()
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()


def virtual_reader() -> str:
    if not idcard.pyscard_available():
        pytest.skip("pyscard is not installed (pip install pyscard)")
    pcscd = shutil.which("pcscd") or ("/usr/sbin/pcscd" if Path("/usr/sbin/pcscd").exists() else None)
    if pcscd is None or not VPCD_CONF.exists():
        pytest.skip("pcscd and vsmartcard-vpcd are not installed (apt-get install pcscd vsmartcard-vpcd)")
    if not _vpcd_listening():
        if os.geteuid() != 0 and not os.access("/run/pcscd", os.W_OK):
            pytest.skip("pcscd is not running and cannot be started by this user")
        proc = subprocess.Popen(
            [pcscd, "--foreground", "--error"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        _started.append(proc)
        atexit.register(_stop_started)
        deadline = time.monotonic() + 10
        while not _vpcd_listening():
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.skip("pcscd did not start the virtual reader (is another pcscd running?)")
            time.sleep(0.1)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        names = [r for r in idcard.reader_names() if "Virtual PCD" in r]
        if names:
            return sorted(names)[0]
        time.sleep(0.2)
    pytest.skip("pcscd runs but lists no virtual reader")
