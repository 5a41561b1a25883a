"""Where things are: bundled resources (checkout, wheel or PyInstaller bundle) and the user's data.

One resolver for every asset so the frozen build and a source checkout behave the same.
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

import platformdirs

from dipdesk import APP_NAME

_PKG = Path(__file__).resolve().parent


@cache
def _roots() -> tuple[Path, ...]:
    roots: list[Path] = []
    meipass = getattr(sys, "_MEIPASS", None)
    if meipass:
        roots.append(Path(meipass) / "dipdesk" / "_data")
    roots.append(_PKG / "_data")  # installed wheel
    roots.append(_PKG.parent)  # source checkout / editable install
    return tuple(r for r in roots if (r / "resources").is_dir())


def resource(*parts: str) -> Path:
    """Path of a file under `resources/` (fonts, images, icons)."""
    for root in _roots():
        p = root.joinpath("resources", *parts)
        if p.exists():
            return p
    raise FileNotFoundError("resource not found: " + "/".join(parts))


def translations_dir() -> Path | None:
    """Folder holding the compiled `.qm` files, or None if the build did not make them."""
    for root in _roots():
        d = root / "i18n"
        if any(d.glob("*.qm")):
            return d
    return None


def home_dir() -> Path:
    """The user's data folder (`DIPDESK_HOME` overrides it for tests and portable installs)."""
    env = os.environ.get("DIPDESK_HOME")
    p = Path(env) if env else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    p.mkdir(parents=True, exist_ok=True)
    return p


def default_db_path() -> Path:
    """`--db` beats `DIPDESK_DB`, which beats this default file in the data folder."""
    env = os.environ.get("DIPDESK_DB")
    return Path(env) if env else home_dir() / "dipdesk.sqlite3"
