"""The dependency rules of DESIGN.md, checked on the source: they hold for every file, old and new."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "complaints_desk"
LAYERS = ("domain", "store", "sync", "documents", "server", "gui", "commands")
ALLOWED = {
    "domain": {"domain"},
    "store": {"domain", "store"},
    "documents": {"domain", "documents"},
    "sync": {"domain", "store", "sync"},
    "server": {"domain", "store", "sync", "documents", "server"},
    "gui": {"domain", "store", "sync", "documents", "gui"},
}


def _modules() -> list[tuple[Path, str, ast.Module]]:
    found = []
    for path in PACKAGE.rglob("*.py"):
        layer = path.relative_to(PACKAGE).parts[0]
        found.append((path, layer.removesuffix(".py"), ast.parse(path.read_text(encoding="utf-8"))))
    return found


def _imports(tree: ast.Module, path: Path) -> set[str]:
    names: set[str] = set()
    package_parts = path.relative_to(PACKAGE.parent).with_suffix("").parts[:-1]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package_parts[: len(package_parts) - node.level + 1]
                module = ".".join((*base, node.module)) if node.module else ".".join(base)
            else:
                module = node.module or ""
            names.add(module)
    return names


def test_nothing_outside_gui_imports_qt() -> None:
    offenders = [
        str(path.relative_to(PACKAGE))
        for path, layer, tree in _modules()
        if layer != "gui" and any(name.split(".")[0] in {"PySide6", "shiboken6"} for name in _imports(tree, path))
    ]
    assert offenders == []


def test_dependencies_point_one_way() -> None:
    offenders = []
    for path, layer, tree in _modules():
        if layer not in ALLOWED:
            continue
        for name in _imports(tree, path):
            parts = name.split(".")
            inside = parts[0] == "complaints_desk" and len(parts) > 1 and parts[1] in LAYERS
            if inside and parts[1] not in ALLOWED[layer]:
                offenders.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert offenders == []


def test_domain_does_no_io_and_no_sql() -> None:
    forbidden = {"sqlalchemy", "requests", "socket", "sqlite3", "psycopg", "fastapi", "reportlab", "httpx"}
    offenders = [
        f"{path.relative_to(PACKAGE)}: {name}"
        for path, layer, tree in _modules()
        if layer == "domain"
        for name in _imports(tree, path)
        if name.split(".")[0] in forbidden
    ]
    assert offenders == []


def test_no_sql_outside_store() -> None:
    offenders = []
    for path, layer, tree in _modules():
        if layer in {"store"}:
            continue
        for name in _imports(tree, path):
            if name.split(".")[0] in {"sqlite3", "psycopg"} or name in {
                "sqlalchemy.sql",
                "sqlalchemy.sql.expression",
            }:
                offenders.append(f"{path.relative_to(PACKAGE)}: {name}")
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in {"select", "text"}
            ):
                offenders.append(f"{path.relative_to(PACKAGE)}:{node.lineno} calls {node.func.id}()")
    assert offenders == []
