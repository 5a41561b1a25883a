"""What every step of certificates shares: the serial series and setting keys, the Thai sort helpers'
patterns, and the files a certificate shows (bundled backgrounds, content-addressed images).
"""

from __future__ import annotations

import contextlib
import hashlib
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

from sqlalchemy import Engine

from dipdesk.paths import resource
from dipdesk.printing import certificates as printer
from dipdesk.store.certificate_defaults import DEFAULT_TEMPLATES
from dipdesk.sync.files import local_path, store_local

SERIES = "CERT"
DEVICE_KEY = "sync.device_id"  # dipdesk.sync.outbox.KEY_DEVICE
DIRECTOR_KEY = "certificates.director_name"  # optional local setting: the name under the director's line
COMPLETION_SERVICES = frozenset({"training", "incubation"})  # วุฒิบัตร; other services get เกียรติบัตร
DEFAULT_CODES = frozenset(code for code, *_rest in DEFAULT_TEMPLATES)
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_TONE = re.compile("[\u0e47-\u0e4e]")
_LEAD_VOWEL = re.compile("([\u0e40-\u0e44])([\u0e01-\u0e2e])")

Progress = Callable[[int, int, str], None]


# ----------------------------------------------------------------------------------------------------
# files: backgrounds and signature images, content-addressed
# ----------------------------------------------------------------------------------------------------


@cache
def bundled_images() -> dict[str, Path]:
    """The backgrounds shipped in resources/images (certificate-*.png), by content hash."""
    folder = resource("images")
    out = {}
    for p in sorted(folder.glob("certificate-*")):
        out[hashlib.sha256(p.read_bytes()).hexdigest()] = p
    return out


def bundled_background(kind: str) -> str:
    """The content hash of the default background for ``completion`` or ``participation``."""
    path = resource("images", f"certificate-{kind}.png")
    return hashlib.sha256(path.read_bytes()).hexdigest()


def store_file(engine: Engine, data: bytes) -> str:
    """Keep an image in the device's file store (it travels with sync); returns its content hash."""
    return store_local(engine, data)


def file_path(engine: Engine, sha: str) -> Path | None:
    """Where the file with this content hash is: the device's store, else the bundled images."""
    if not sha:
        return None
    local = local_path(engine, sha)
    if local.is_file():
        return local
    bundled = bundled_images().get(sha)
    if bundled is not None:
        # keep a copy in the store, where sync expects the files that rows refer to; use it from then on,
        # so every print of a template refers to the same file
        with contextlib.suppress(OSError):
            store_file(engine, bundled.read_bytes())
            if local.is_file():
                return local
        return bundled
    return None


def _layout_hashes(layout: printer.Layout) -> set[str]:
    out = {layout.background_hash} if layout.background_hash else set()
    for e in layout.elements:
        for k in ("signature_hash", "hash"):
            if e.get(k):
                out.add(str(e[k]))
    return out


def resolve_files(engine: Engine, layout: printer.Layout) -> dict[str, str]:
    found = {}
    for sha in _layout_hashes(layout):
        p = file_path(engine, sha)
        if p is not None:
            found[sha] = str(p)
    return found
