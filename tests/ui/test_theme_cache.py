"""qt-material's stylesheet is built once and read from disk afterwards (dipdesk.ui.theme_cache)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from dipdesk.ui import theme_cache

ROOT = Path(__file__).resolve().parents[2]
EXTRA: dict[str, object] = {"font_family": "Loma", "font_size": 15, "density_scale": "0"}


def test_the_kept_sheet_is_qt_materials_own_and_is_reused(tmp_path: Path) -> None:
    import qt_material

    first = theme_cache.obtain("light_blue.xml", True, EXTRA)
    assert first is not None and first.folder.parent == theme_cache.cache_root()
    direct = qt_material.build_stylesheet(
        theme="light_blue.xml", invert_secondary=True, extra=EXTRA, parent=str(tmp_path / "icons")
    )
    assert first.sheet == direct
    assert first.colors["primaryColor"] == qt_material.get_theme("light_blue.xml", True)["primaryColor"]
    icons = sorted(p.relative_to(first.folder) for p in (first.folder / "icons").rglob("*.svg"))
    assert icons == sorted(p.relative_to(tmp_path) for p in (tmp_path / "icons").rglob("*.svg"))
    again = theme_cache.obtain("light_blue.xml", True, EXTRA)
    assert again == first
    # another size is another entry; a damaged entry is built again
    assert theme_cache.obtain("light_blue.xml", True, {**EXTRA, "font_size": 20}).folder != first.folder
    (first.folder / "sheet.qss").unlink()
    repaired = theme_cache.obtain("light_blue.xml", True, EXTRA)
    assert repaired is not None and repaired.sheet == direct and (first.folder / "sheet.qss").is_file()
    assert not [p for p in theme_cache.cache_root().iterdir() if p.name.startswith("building-")]


CHILD = r"""
import sys
from PySide6.QtWidgets import QApplication, QCheckBox
from PySide6.QtCore import QFile
from dipdesk.ui.app import create_application, setup_application
app = create_application(["dipdesk"])
setup_application(app, lang="th")
box = QCheckBox("x"); box.show(); app.processEvents()
print("qt_material" in sys.modules, "jinja2" in sys.modules, QFile.exists("icon:/primary/checkbox_checked.svg"),
      len(app.styleSheet()) > 20000)
"""


def test_a_later_start_does_not_build_the_theme(tmp_path: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen", DIPDESK_HOME=str(tmp_path))

    def start() -> list[str]:
        out = subprocess.run(
            [sys.executable, "-c", CHILD], env=env, cwd=ROOT, capture_output=True, text=True, timeout=120
        )
        assert out.returncode == 0, out.stderr[-2000:]
        return out.stdout.split()

    assert start() == ["True", "True", "True", "True"]  # the first start builds it with qt-material
    assert start() == ["False", "False", "True", "True"]  # later starts read it
