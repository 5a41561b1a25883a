"""The Windows build, checked from here (issue 10 item 4). This machine cannot run Windows, so these tests
prove what can be proved without it:

- the PyInstaller spec makes two programs: the GUI windowed (console=False: no console window behind
  it) and the command line with a console, in one folder, with the data files (fonts, translations,
  migrations, the dependencies' own data) and the hidden imports every runtime dependency needs;
- the Inno Setup script packs every folder the spec produces, both programs, in Thai and English, with
  Start-menu and desktop shortcuts, per machine, and an uninstaller that leaves the users' data alone;
- every runtime dependency has a Windows wheel for the Python the installer ships (resolved against the
  package index for win_amd64, as `pip install` on Windows would: no source build needed there);
- the package makes no POSIX-only calls (no fork, fcntl, uid…).
The frozen build itself (tests/test_frozen_build.py, slow_build) also checks, after a real build, that
the installer's Source lines cover every entry of the built folder.
"""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "build_installer.spec"
ISS = ROOT / "installer" / "dipdesk.iss"
THAI_ISL = ROOT / "installer" / "languages" / "Thai.isl"
WINDOWS_PYTHON = "3.11"  # the Python the Windows build is made with (README: "Building the installer")

# What the spec must say for each runtime dependency (pyproject `dependencies`): the hidden imports and
# data files it needs in a frozen build, or None when PyInstaller's analysis (and its bundled hooks)
# find everything from plain imports. A dependency missing from this table fails the test: whoever
# adds one decides what the build needs for it.
NEEDS: dict[str, list[str] | None] = {
    "pyside6-essentials": None,  # PyInstaller's own PySide6 hooks (Qt plugins, translations)
    "pyside6-addons": None,
    "sqlalchemy": ['"sqlalchemy.dialects.sqlite"'],  # dialects load by name from the URL
    "alembic": ['collect_submodules("alembic")', '"dipdesk" / "store" / "migrations"'],
    "reportlab": ['collect_data_files("reportlab")', 'collect_submodules("reportlab.graphics.barcode")'],
    # reportlab imports its C accelerator inside exec("from _rl_accel import ..."): invisible to analysis
    "rl-accel": ['"_rl_accel"'],
    "uharfbuzz": None,
    "pythainlp": ['collect_data_files("pythainlp")'],  # its word lists are package data
    "qt-material": ['collect_data_files("qt_material")'],  # themes and icons are package data
    "argon2-cffi": ['"argon2"', '"argon2._password_hasher"'],
    "platformdirs": None,  # platformdirs.windows is a plain (conditional) import
    "openpyxl": None,
    "cryptography": None,  # PyInstaller's cryptography hook
    "segno": None,
    "fastapi": None,  # the server is not started from the desktop build
    "uvicorn": None,
    "httpx": None,
    "psycopg": None,
    "pyscard": ['collect_submodules("smartcard")'],  # ReaderFactory imports reader classes by name
    "pyhanko": ['collect_data_files("pyhanko")'],  # package data (certificates) read from files
    "orjson": None,  # one compiled module, imported by name (sync payloads; falls back to json)
    "tzdata": ['collect_data_files("tzdata")', 'collect_submodules("tzdata")'],  # zoneinfo on Windows
}


def _spec_tree() -> ast.Module:
    return ast.parse(SPEC.read_text(encoding="utf-8"))


def _programs() -> dict[str, bool]:
    """{program name: console} of every EXE the spec makes (directly or through a helper)."""
    tree = _spec_tree()
    helpers = {
        f.name: [a.arg for a in f.args.args]
        for f in tree.body
        if isinstance(f, ast.FunctionDef)
        and any(isinstance(n, ast.Call) and getattr(n.func, "id", "") == "EXE" for n in ast.walk(f))
    }
    out: dict[str, bool] = {}
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
            continue
        kw = {k.arg: k.value for k in node.keywords}
        if node.func.id in helpers:
            params = helpers[node.func.id]
            for i, arg in enumerate(node.args):
                kw.setdefault(params[i], arg)
        elif node.func.id != "EXE":
            continue
        name, console = kw.get("name"), kw.get("console")
        if isinstance(name, ast.Constant) and isinstance(console, ast.Constant):
            out[str(name.value)] = bool(console.value)
    return out


def _collect_name() -> str:
    for node in ast.walk(_spec_tree()):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "COLLECT":
            for k in node.keywords:
                if k.arg == "name" and isinstance(k.value, ast.Constant):
                    return str(k.value.value)
    raise AssertionError("no COLLECT(name=...) in the spec")


def _iss_sections() -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = ""
    for raw in ISS.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith(";"):
            continue
        m = re.fullmatch(r"\[(\w+)\]", line)
        if m:
            current = m.group(1)
            sections.setdefault(current, [])
        else:
            sections.setdefault(current, []).append(line)
    return sections


def _defines() -> dict[str, str]:
    return dict(re.findall(r'#define\s+(\w+)\s+"([^"]*)"', ISS.read_text(encoding="utf-8")))


def _expand(text: str) -> str:
    for k, v in _defines().items():
        text = text.replace("{#" + k + "}", v)
    return text


def _runtime_dependencies() -> list[str]:
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    return [str(d) for d in deps]


def _dist_name(requirement: str) -> str:
    return re.split(r"[\[<>=!~; ]", requirement, maxsplit=1)[0].lower().replace("_", "-")


# --- the spec -------------------------------------------------------------------------------------------


def test_the_spec_makes_a_windowed_gui_and_a_console_cli_in_one_folder() -> None:
    programs = _programs()
    assert programs == {"dipdesk": False, "dipdesk-cli": True}, programs
    text = SPEC.read_text(encoding="utf-8")
    collect = re.search(r"COLLECT\(([^)]*)\)", text)
    assert collect is not None
    args = [a.strip() for a in collect.group(1).split(",")]
    # both programs go into the one folder, sharing its libraries and data
    assigned = dict(re.findall(r"^(\w+)\s*=\s*_program\(\"([\w-]+)\"", text, re.M))
    assert set(assigned.values()) == set(programs) and all(v in args for v in assigned)
    assert _collect_name() == "dipdesk"


def test_the_spec_bundles_fonts_translations_and_migrations() -> None:
    text = SPEC.read_text(encoding="utf-8")
    assert '(str(ROOT / "resources"), "dipdesk/_data/resources")' in text
    assert '(str(QM_DIR), "dipdesk/_data/i18n")' in text
    assert "_compile_translations()" in text
    fonts = list((ROOT / "resources" / "fonts").rglob("*.ttf"))
    assert fonts, "no Thai fonts under resources/fonts"
    for lang in ("th", "en"):
        assert (ROOT / "i18n" / f"dipdesk_{lang}.ts").exists()
    # the resolver looks where the spec puts them
    paths = (ROOT / "dipdesk" / "paths.py").read_text(encoding="utf-8")
    assert '"_MEIPASS"' in paths and '"dipdesk" / "_data"' in paths


def test_every_runtime_dependency_is_accounted_for_in_the_spec() -> None:
    text = SPEC.read_text(encoding="utf-8")
    deps = {_dist_name(r) for r in _runtime_dependencies()}
    unknown = sorted(deps - set(NEEDS))
    assert not unknown, f"new runtime dependencies: say in NEEDS what the frozen build needs for {unknown}"
    missing = [f"{d}: {need}" for d in sorted(deps) for need in (NEEDS[d] or []) if need not in text]
    assert not missing, missing
    for name in ("pytest", "hypothesis", "tkinter"):
        assert f'"{name}"' in text  # kept out of the bundle


# --- the installer script -------------------------------------------------------------------------------


def test_the_installer_packs_every_folder_the_spec_produces() -> None:
    s = _iss_sections()
    d = _defines()
    assert d["BuildDir"] == rf"..\dist\{_collect_name()}"
    sources = [_expand(line) for line in s["Files"]]
    whole = [x for x in sources if x.startswith(f'Source: "{d["BuildDir"]}\\*"')]
    assert whole and all(f in whole[0] for f in ("recursesubdirs", "createallsubdirs")), sources
    assert 'DestDir: "{app}"' in whole[0]
    assert {d["GuiExe"], d["CliExe"]} == {f"{name}.exe" for name in _programs()}
    assert (ISS.parent / ".." / "resources" / "icons" / "dipdesk.ico").resolve().exists()


def test_the_installer_speaks_thai_and_english_and_makes_shortcuts() -> None:
    s = _iss_sections()
    langs = " ".join(s["Languages"])
    assert 'Name: "thai"' in langs and 'Name: "english"' in langs
    assert r"languages\Thai.isl" in langs and "compiler:Default.isl," in langs  # Thai over English
    raw = THAI_ISL.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Inno Setup reads a UTF-8 .isl only with its byte-order mark"
    isl = raw.decode("utf-8-sig")
    assert "LanguageID=$041E" in isl and "LanguageName=ไทย" in isl
    for needed in (
        "ButtonNext=",
        "ButtonInstall=",
        "WelcomeLabel1=",
        "FinishedHeadingLabel=",
        "ConfirmUninstall=",
    ):
        line = next(x for x in isl.splitlines() if x.startswith(needed))
        assert re.search("[\u0e00-\u0e7f]", line), line
    custom = " ".join(s["CustomMessages"])
    assert "thai.CommandLine=" in custom and "english.CommandLine=" in custom
    icons = [_expand(x) for x in s["Icons"]]
    gui = _defines()["GuiExe"]
    assert any(x.startswith('Name: "{group}\\') and f"{{app}}\\{gui}" in x for x in icons)  # Start menu
    assert any(x.startswith('Name: "{autodesktop}\\') and f"{{app}}\\{gui}" in x for x in icons)  # desktop
    assert any(_defines()["CliExe"] in x for x in icons)  # the command line, from the Start menu
    assert any("{uninstallexe}" in x for x in icons)


def test_the_installer_is_per_machine_and_keeps_the_users_data() -> None:
    s = _iss_sections()
    setup = dict(line.split("=", 1) for line in s["Setup"])
    assert setup["PrivilegesRequired"] == "admin" and setup["DefaultDirName"].startswith("{autopf}")
    assert "x64" in setup["ArchitecturesInstallIn64BitMode"]
    assert "UninstallDelete" not in s and "Code" not in s
    body = "\n".join(line for lines in s.values() for line in lines)
    for folder in ("{localappdata}", "{userappdata}", "{commonappdata}", "{userdocs}\\dipdesk"):
        assert folder not in body.replace('WorkingDir: "{userdocs}"', ""), folder
    # the data folder the installer must leave alone is where dipdesk keeps its database on Windows
    paths = (ROOT / "dipdesk" / "paths.py").read_text(encoding="utf-8")
    assert "platformdirs.user_data_dir" in paths


# --- the code -------------------------------------------------------------------------------------------

POSIX_ONLY_MODULES = {"fcntl", "pwd", "grp", "termios", "tty", "pty", "resource", "posix"}
POSIX_ONLY_CALLS = {
    ("os", "fork"),
    ("os", "forkpty"),
    ("os", "getuid"),
    ("os", "geteuid"),
    ("os", "getgid"),
    ("os", "setsid"),
    ("os", "killpg"),
    ("os", "mkfifo"),
    ("os", "chown"),
    ("os", "symlink"),
    ("signal", "SIGKILL"),
    ("signal", "SIGHUP"),
    ("signal", "SIGUSR1"),
    ("signal", "SIGALRM"),
}


def test_the_package_makes_no_posix_only_calls() -> None:
    offenders: list[str] = []
    for f in sorted((ROOT / "dipdesk").rglob("*.py")):
        tree = ast.parse(f.read_text(encoding="utf-8"))
        rel = f.relative_to(ROOT)
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                offenders += [
                    f"{rel}: import {a.name}"
                    for a in node.names
                    if a.name.split(".")[0] in POSIX_ONLY_MODULES
                ]
            elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in POSIX_ONLY_MODULES:
                offenders.append(f"{rel}: from {node.module} import")
            elif (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and (node.value.id, node.attr) in POSIX_ONLY_CALLS
            ):
                offenders.append(f"{rel}:{node.lineno}: {node.value.id}.{node.attr}")
    assert not offenders, offenders


def test_the_windowed_program_has_somewhere_to_print() -> None:
    """With console=False Windows starts the program with sys.stdout and sys.stderr set to None."""
    code = (
        "import runpy, sys; sys.stdout = None; sys.stderr = None; sys.argv = ['dipdesk', '--version']\n"
        "try:\n    runpy.run_module('dipdesk', run_name='__main__')\n"
        "except SystemExit as e:\n    sys.__stdout__.write('exit %s\\n' % e.code)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert "exit 0" in out.stdout, out.stdout + out.stderr


# --- Windows wheels -------------------------------------------------------------------------------------


def test_every_runtime_dependency_has_a_windows_wheel(tmp_path: Path) -> None:
    """Resolve the runtime dependencies for win_amd64 / CPython 3.11 from binary wheels only. `pip install
    --dry-run --report` does what `pip download --only-binary=:all: --platform win_amd64` would, without
    fetching a few hundred megabytes of Qt: it reads each wheel's metadata from the index."""
    report = tmp_path / "report.json"
    cmd = [
        sys.executable, "-m", "pip", "install", "--dry-run", "--ignore-installed", "--quiet",
        "--only-binary=:all:", "--platform", "win_amd64", "--python-version", WINDOWS_PYTHON,
        "--implementation", "cp", "--target", str(tmp_path / "target"), "--report", str(report),
        *_runtime_dependencies(),
    ]  # fmt: skip
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=900)
    if out.returncode != 0 and re.search(
        r"(?i)connection|network is unreachable|temporary failure in name", out.stderr
    ):
        pytest.skip(f"the package index cannot be reached: {out.stderr.strip()[-300:]}")
    assert out.returncode == 0, out.stderr[-3000:]
    install = json.loads(report.read_text(encoding="utf-8"))["install"]
    wheels = {
        i["metadata"]["name"].lower().replace("_", "-"): i["download_info"]["url"].rsplit("/", 1)[-1]
        for i in install
    }
    for dep in _runtime_dependencies():
        assert _dist_name(dep) in wheels, f"{dep} was not resolved"
    for name, wheel in wheels.items():
        assert wheel.endswith(".whl"), f"{name}: {wheel} is not a wheel"
        tags = wheel[:-4].split("-")[-1]
        assert tags == "any" or "win_amd64" in tags, f"{name}: {wheel} is not for 64-bit Windows"
    assert "pyside6-essentials" in wheels and "win_amd64" in wheels["pyside6-essentials"]
