"""The house rules of ARCHITECTURE.md that a machine can check."""

from __future__ import annotations

import ast
from pathlib import Path

PKG = Path(__file__).resolve().parents[1] / "dipdesk"
QT_MODULES = ("PySide6", "PyQt5", "PyQt6", "shiboken6", "qt_material", "qtpy")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_nothing_outside_ui_imports_qt() -> None:
    offenders = []
    for path in PKG.rglob("*.py"):
        rel = path.relative_to(PKG)
        if rel.parts[0] == "ui":
            continue
        for name in _imports(path):
            if name.split(".")[0] in QT_MODULES:
                offenders.append(f"{rel}: imports {name}")
    assert offenders == [], "Qt belongs under dipdesk/ui/ only:\n" + "\n".join(offenders)


def test_imports_point_down() -> None:
    """core imports nothing of dipdesk but core; store/services/printing/sync never import ui."""
    offenders = []
    for path in PKG.rglob("*.py"):
        rel = path.relative_to(PKG)
        layer = rel.parts[0] if len(rel.parts) > 1 else ""
        for name in _imports(path):
            if not name.startswith("dipdesk."):
                continue
            target = name.split(".")[1]
            if layer == "core" and target != "core":
                offenders.append(f"{rel}: core imports {name}")
            if layer in {"core", "store", "services", "printing", "sync"} and target == "ui":
                offenders.append(f"{rel}: {layer} imports {name}")
            if layer == "store" and target in {"services", "printing", "sync"}:
                offenders.append(f"{rel}: store imports {name}")
    assert offenders == [], "\n".join(offenders)
