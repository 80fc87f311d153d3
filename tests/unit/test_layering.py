"""The dependency rules of docs/architecture.md, checked on the source: they hold for every file, old and new."""

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
            # `from ..store import local` imports the package store.local: count it as that module too
            names.update(f"{module}.{alias.name}" for alias in node.names if alias.name != "*")
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


# The store's rooms: which program a module serves decides what it may import (docs/architecture.md, "The
# store"). Each row: modules under `source` (a dotted prefix) never import anything under `forbidden`,
# except the modules named in `unless`.
SHARED_STORE = "complaints_desk.store"
ROOM_RULES: tuple[tuple[str, str, frozenset[str]], ...] = (
    ("complaints_desk.server", "complaints_desk.store.local", frozenset()),
    ("complaints_desk.sync", "complaints_desk.store.central", frozenset()),
    ("complaints_desk.gui", "complaints_desk.store.central", frozenset()),
    ("complaints_desk.store.central", "complaints_desk.store.local", frozenset()),
    ("complaints_desk.store.local", "complaints_desk.store.central", frozenset()),
    ("complaints_desk.store.reports", "complaints_desk.store.central", frozenset()),
    ("complaints_desk.store.reports", "complaints_desk.store.local", frozenset()),
    ("complaints_desk.store.demo", "complaints_desk.store.local", frozenset()),
    # the shared modules of store/ itself (store/*.py): schema.py gathers every table for Alembic
    (SHARED_STORE, "complaints_desk.store.central", frozenset({"complaints_desk.store.schema"})),
    (SHARED_STORE, "complaints_desk.store.local", frozenset({"complaints_desk.store.schema"})),
)
ROOMS = ("central", "local", "reports", "demo")


def _dotted(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _under(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def _in_source(module: str, source: str) -> bool:
    if source != SHARED_STORE:
        return _under(module, source)
    # the shared store: store/ and its modules, not its rooms
    return _under(module, SHARED_STORE) and not any(_under(module, f"{SHARED_STORE}.{room}") for room in ROOMS)


def room_offenders(modules: list[tuple[str, set[str]]]) -> list[str]:
    """Every (module, import) that breaks a row of ROOM_RULES; `modules` pairs a dotted name with its imports."""
    offenders: list[str] = []
    for module, imported in modules:
        for source, forbidden, unless in ROOM_RULES:
            if module in unless or not _in_source(module, source):
                continue
            offenders.extend(f"{module} imports {name}" for name in sorted(imported) if _under(name, forbidden))
    return offenders


def test_each_program_keeps_to_its_own_rooms_of_the_store() -> None:
    modules = [(_dotted(path), _imports(tree, path)) for path, _layer, tree in _modules()]
    assert room_offenders(modules) == []


def test_the_room_rules_catch_a_server_module_importing_the_desktop_store() -> None:
    """The rule itself can fail: an import that breaks each row is reported (and a lawful one is not)."""
    assert room_offenders([("complaints_desk.server.sync.views", {"complaints_desk.store.local.outbox"})])
    assert room_offenders([("complaints_desk.sync.engine", {"complaints_desk.store.central.accounts"})])
    assert room_offenders([("complaints_desk.store.central.push", {"complaints_desk.store.local"})])
    assert room_offenders([("complaints_desk.store.cases", {"complaints_desk.store.central.tables"})])
    assert room_offenders([("complaints_desk.store.schema", {"complaints_desk.store.central.tables"})]) == []
    assert room_offenders([("complaints_desk.server.app", {"complaints_desk.store.cases"})]) == []
