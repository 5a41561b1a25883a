"""The house rules of ARCHITECTURE.md that a machine can check."""

from __future__ import annotations

import ast
from pathlib import Path

PKG = Path(__file__).resolve().parents[1] / "dipdesk"
QT_MODULES = ("PySide6", "PyQt5", "PyQt6", "shiboken6", "qt_material", "qtpy")


def _module_name(path: Path) -> str:
    rel = path.relative_to(PKG.parent).with_suffix("")
    parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
    return ".".join(parts)


def _imports(path: Path) -> set[str]:
    """Every module a file imports, wherever the import stands (top level, inside a function or class,
    under ``if TYPE_CHECKING``): the whole syntax tree is walked. Relative imports are made absolute,
    and ``from dipdesk.services import lab`` counts as an import of ``dipdesk.services.lab`` too."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    here = _module_name(path)
    package = here if path.name == "__init__.py" else here.rpartition(".")[0]
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                module = ".".join([*base, node.module] if node.module else base)
            elif node.module:
                module = node.module
            else:
                continue
            names.add(module)
            names.update(f"{module}.{a.name}" for a in node.names if a.name != "*")
    return names


def _package_modules() -> dict[str, Path]:
    return {_module_name(p): p for p in PKG.rglob("*.py")}


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
            if layer == "sync" and (PKG / target).is_dir() and target not in {"core", "store", "sync"}:
                offenders.append(f"{rel}: sync imports {name} (sync -> store/core only)")
    assert offenders == [], "\n".join(offenders)


def test_the_import_rules_see_function_level_imports(tmp_path: Path) -> None:
    """The checks above would be blind if an import inside a function slipped past them."""
    probe = PKG / "sync" / "conflicts.py"
    assert any(n.startswith("dipdesk.sync.hlc") for n in _imports(probe)), "function-level import not seen"


def _import_graph() -> dict[str, set[str]]:
    modules = _package_modules()
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        edges = set()
        for imported in _imports(path):
            if imported in modules and imported != name:
                edges.add(imported)
        graph[name] = edges
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0

    def visit(v: str) -> None:
        nonlocal counter
        index[v] = low[v] = counter
        counter += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_cycle_finder_finds_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycles_inside_the_package() -> None:
    """No circle of imports between dipdesk's modules, counting imports inside functions and under
    TYPE_CHECKING (a circle hidden in a function is still a circle). A package's ``__init__`` importing
    its own modules is the usual re-export and only counts if a module imports its package back."""
    cycles = _cycles(_import_graph())
    assert cycles == [], "import cycles:\n" + "\n".join(" <-> ".join(c) for c in cycles)


MAX_MODULE_LINES = 800


def test_no_module_over_800_lines() -> None:
    """One reason to change per module (ARCHITECTURE.md): a module past ~800 lines is split into a package
    or sibling modules, re-exporting its public names. Migrations are history and exempt."""
    too_long = []
    for path in PKG.rglob("*.py"):
        rel = path.relative_to(PKG)
        if "migrations" in rel.parts:
            continue
        n = len(path.read_text(encoding="utf-8").splitlines())
        if n > MAX_MODULE_LINES:
            too_long.append(f"{rel}: {n} lines")
    assert too_long == [], f"modules over {MAX_MODULE_LINES} lines:\n" + "\n".join(sorted(too_long))
