"""Build hooks: compile Qt Linguist translations and ship resources inside the package.

`i18n/*.ts` are compiled to `.qm` with PySide6's lrelease at build time (they are never committed);
`resources/` and the compiled `.qm` files are copied into `dipdesk/_data/` in the wheel, so a plain
`pip install` has fonts, translations and images. In an editable install the `.qm` files are written
next to their sources and the resolver (`dipdesk/paths.py`) finds the checkout's folders directly.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


def _lrelease() -> list[str]:
    try:
        import PySide6

        exe = Path(PySide6.__file__).parent / ("lrelease.exe" if sys.platform == "win32" else "lrelease")
        if exe.exists():
            return [str(exe)]
    except ImportError:
        pass
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    if not found:
        raise RuntimeError("lrelease not found: install PySide6-Essentials to build dipdesk")
    return [found]


def compile_translations(out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    made = []
    for ts in sorted((ROOT / "i18n").glob("*.ts")):
        qm = out_dir / (ts.stem + ".qm")
        subprocess.run([*_lrelease(), "-silent", str(ts), "-qm", str(qm)], check=True)
        made.append(qm)
    return made


class BuildPyWithData(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            compile_translations(ROOT / "i18n")
            return
        data = Path(self.build_lib) / "dipdesk" / "_data"
        if data.exists():
            shutil.rmtree(data)
        shutil.copytree(ROOT / "resources", data / "resources")
        compile_translations(data / "i18n")


setup(cmdclass={"build_py": BuildPyWithData})
