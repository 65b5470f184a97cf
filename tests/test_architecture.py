"""The layering holds: no module of sckg imports, at any depth and from anywhere in it, a module that imports it."""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx

import sckg

PACKAGE = Path(sckg.__file__).resolve().parent


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, modules: set[str]) -> set[str]:
    """The sckg modules ``path`` imports (module level, inside functions, or for type checkers only)."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package
            for _ in range(node.level - 1):
                base = base.rpartition(".")[0]
            target = f"{base}.{node.module}" if node.level and node.module else base if node.level else node.module
            for alias in node.names:
                if f"{target}.{alias.name}" in modules:
                    found.add(f"{target}.{alias.name}")
                elif target in modules:
                    found.add(target)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name in modules)
    return found - {name}


def test_no_import_cycles():
    paths = sorted(PACKAGE.rglob("*.py"))
    modules = {_module_name(p) for p in paths}
    graph = nx.DiGraph()
    for path in paths:
        name = _module_name(path)
        graph.add_node(name)
        graph.add_edges_from((name, imported) for imported in _imports(path, modules))
    packages = {m for m in modules if (PACKAGE.parent / m.replace(".", "/") / "__init__.py").exists()}
    # a package's __init__ re-exports its modules: an edge into the package itself is not a cycle of the code
    cycles = [sorted(c) for c in nx.strongly_connected_components(graph) if len(c) > 1 and not c & packages]
    assert cycles == []
