"""qt-material's stylesheet, recoloured icons and palette, built once and kept on disk.

Building the theme costs every start-up ~0.1 s on an office laptop: importing qt-material pulls in jinja2,
the template is rendered and ~150 SVG icons are rewritten in the theme's colours. The result depends only
on qt-material's files, the theme, and our extra settings (font, size), so it is kept in a folder named
after a hash of exactly those; a later start reads one text file and points Qt's ``icon:`` search path at
the kept icons, without importing qt-material at all.

Each entry is written into a private temporary folder and renamed into place in one step, so two
dipdesk processes starting together (or a crash half-way) never see half an entry: either one complete
entry or none, in which case the theme is built again.
"""

from __future__ import annotations

import importlib.util
import json
import logging
import os
import zlib
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QDir
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from dipdesk import __version__
from dipdesk.paths import home_dir

log = logging.getLogger(__name__)

FORMAT = 1  # bump when the layout of an entry changes


@dataclass(frozen=True)
class Built:
    """A theme ready to apply: qt-material's stylesheet and its colours; the icons are in `folder`."""

    sheet: str
    colors: dict[str, str]
    folder: Path


def _qt_material_dir() -> Path | None:
    spec = importlib.util.find_spec("qt_material")  # finds the package without importing it
    if spec is None or not spec.origin:
        return None
    return Path(spec.origin).parent


def cache_root() -> Path:
    return home_dir() / "cache" / "theme"


def entry_key(theme_file: str, invert: bool, extra: dict[str, object]) -> str | None:
    """The hash naming an entry; None when qt-material's files cannot be found (then no caching)."""
    pkg = _qt_material_dir()
    if pkg is None:
        return None
    facts: list[object] = [FORMAT, __version__, theme_file, invert, sorted(extra.items()), os.name]
    for f in (pkg / "__init__.py", pkg / "material.qss.template", pkg / "themes" / theme_file):
        try:
            st = f.stat()
        except OSError:
            return None
        facts.append((f.name, st.st_size, st.st_mtime_ns))
    source = pkg / "resources" / "source"
    facts.append(sorted(p.name for p in source.glob("*.svg")) if source.is_dir() else [])
    data = json.dumps(facts, default=str).encode()
    # a checksum is enough to name a handful of entries (hashlib would load OpenSSL at every start)
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}{len(data):x}"


def _load(folder: Path) -> Built | None:
    try:
        sheet = (folder / "sheet.qss").read_text(encoding="utf-8")
        colors = json.loads((folder / "colors.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not (folder / "icons" / "primary").is_dir():
        return None
    return Built(sheet, {str(k): str(v) for k, v in colors.items()}, folder)


def _build(theme_file: str, invert: bool, extra: dict[str, object], folder: Path) -> Built | None:
    """qt-material's own build, its icons written under `folder`/icons."""
    import qt_material  # imported after PySide6, as qt-material requires

    colors = qt_material.get_theme(theme_file, invert)
    if colors is None:
        return None
    sheet = qt_material.build_stylesheet(
        theme=theme_file,
        invert_secondary=invert,
        extra=extra,
        parent=str(folder / "icons"),
        export=True,  # skip adding Roboto to the font database: the UI font is ours (theme.UI_FONT)
    )
    if sheet is None:
        return None
    return Built(sheet, {str(k): str(v) for k, v in dict(colors).items()}, folder)


def _store(built: Built) -> None:
    (built.folder / "sheet.qss").write_text(built.sheet, encoding="utf-8")
    (built.folder / "colors.json").write_text(json.dumps(built.colors), encoding="utf-8")


def obtain(theme_file: str, invert: bool, extra: dict[str, object]) -> Built | None:
    """The built theme, from the cache or built now (and kept). None if qt-material cannot build it."""
    import shutil  # only when building (rare): not on the way to the first window
    import tempfile

    key = entry_key(theme_file, invert, extra)
    root = cache_root()
    if key is not None:
        found = _load(root / key)
        if found is not None:
            return found
        shutil.rmtree(root / key, ignore_errors=True)  # a damaged entry (a file deleted by hand): redo it
    try:
        root.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix="building-", dir=root))
    except OSError as exc:  # a read-only home: build in a temporary folder for this process only
        log.warning("theme cache not writable (%s); building the theme without it", exc)
        work = Path(tempfile.mkdtemp(prefix="dipdesk-theme-"))
        key = None
    built = _build(theme_file, invert, extra, work)
    if built is None or key is None:
        return built
    try:
        _store(built)
        os.replace(work, root / key)  # one step: other processes see all of the entry or none of it
    except OSError:
        # another process put the same entry in place first (or the disk is full): use theirs if whole
        theirs = _load(root / key)
        if theirs is not None:
            shutil.rmtree(work, ignore_errors=True)
            return theirs
        return built
    return Built(built.sheet, built.colors, root / key)


def install(built: Built) -> None:
    """What qt-material's build does to Qt besides returning the sheet: the ``icon:`` search path the
    sheet's urls use (set, not added to: after a theme switch the new theme's icons must win), and the
    palette's text colour."""
    QDir.setSearchPaths("icon", [str(built.folder / "icons")])
    primary = built.colors.get("primaryColor", "")
    if len(primary) == 7 and primary.startswith("#"):
        palette = QGuiApplication.palette()
        color = QColor(primary)
        color.setAlpha(92)
        palette.setColor(QPalette.ColorRole.Text, color)
        QGuiApplication.setPalette(palette)


def clear() -> None:
    """Remove every kept entry (tests; a user can also just delete the folder)."""
    import shutil

    shutil.rmtree(cache_root(), ignore_errors=True)
