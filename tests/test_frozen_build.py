"""The PyInstaller bundle starts and renders Thai: build it, fill a database, take a screenshot.

Slow (a minute or two), so it is marked `slow_build`; the README's test command (and CI) runs it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# The build alone may take several minutes on a loaded machine (its own subprocess limit is 900 s).
pytestmark = [pytest.mark.slow_build, pytest.mark.timeout(1200)]


def test_frozen_app_builds_and_takes_a_thai_screenshot(tmp_path: Path) -> None:
    dist, work = tmp_path / "dist", tmp_path / "build"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            str(ROOT / "build_installer.spec"),
            "--noconfirm",
            "--distpath",
            str(dist),
            "--workpath",
            str(work),
            "--log-level",
            "WARN",
        ],
        check=True,
        cwd=ROOT,
        timeout=900,
    )
    suffix = ".exe" if sys.platform == "win32" else ""
    gui = dist / "dipdesk" / f"dipdesk{suffix}"  # windowed on Windows (console=False)
    exe = dist / "dipdesk" / f"dipdesk-cli{suffix}"  # the console program: the CLI
    assert gui.exists() and exe.exists()
    # the installer script packs every entry of the built folder
    iss = (ROOT / "installer" / "dipdesk.iss").read_text(encoding="utf-8")
    assert 'Source: "{#BuildDir}\\*"' in iss and "recursesubdirs" in iss
    assert '#define BuildDir "..\\dist\\dipdesk"' in iss
    built = sorted(p.name for p in (dist / "dipdesk").iterdir())
    assert {"_internal", gui.name, exe.name} <= set(built), built
    data = dist / "dipdesk" / "_internal" / "dipdesk" / "_data"
    assert any((data / "i18n").glob("dipdesk_th.qm")) and any((data / "resources" / "fonts").rglob("*.ttf"))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DIPDESK_HOME=str(tmp_path / "home"))
    db = tmp_path / "frozen.sqlite3"
    version = subprocess.run([str(exe), "--version"], capture_output=True, text=True, env=env, timeout=120)
    assert version.returncode == 0 and "dipdesk" in version.stdout
    demo = subprocess.run(
        [str(exe), "--db", str(db), "demo", "--participants", "60"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert demo.returncode == 0, demo.stderr
    png = tmp_path / "dashboard.png"
    shot = subprocess.run(
        [str(exe), "--db", str(db), "screenshot", "--view", "dashboard", "--out", str(png)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert shot.returncode == 0, shot.stderr
    assert png.stat().st_size > 10_000
    # the frozen app found its bundled Thai font and its Thai translation
    assert "font=Loma" in shot.stdout and "lang=th" in shot.stdout, shot.stdout
