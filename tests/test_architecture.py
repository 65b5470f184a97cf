"""The layering holds: no module of sckg imports, at any depth and from anywhere in it, a module
that imports it; docs/architecture.md lists every module with its layer; none imports up a layer."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import networkx as nx

import sckg

PACKAGE = Path(sckg.__file__).resolve().parent
PAGE = PACKAGE.parent / "docs" / "architecture.md"
#: The layers of docs/architecture.md, from the top: a module imports its own layer and those below.
LAYERS = ["command line and API", "briefing", "jobs", "graph", "foundation"]


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, modules: set[str]) -> set[str]:
    """The sckg modules ``path`` imports (module level, inside functions, or for type checkers
    only)."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package
            for _ in range(node.level - 1):
                base = base.rpartition(".")[0]
            target = (
                f"{base}.{node.module}"
                if node.level and node.module
                else base
                if node.level
                else node.module
            )
            for alias in node.names:
                if target == "sckg" and alias.name == "__version__":
                    continue  # a constant, not the API the package's __init__ is
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
    packages = {
        m for m in modules if (PACKAGE.parent / m.replace(".", "/") / "__init__.py").exists()
    }
    # a package's __init__ re-exports its modules: an edge into the package itself is not a cycle of
    # the code
    cycles = [
        sorted(c)
        for c in nx.strongly_connected_components(graph)
        if len(c) > 1 and not c & packages
    ]
    assert cycles == []


def _graph() -> nx.DiGraph[str]:
    paths = sorted(PACKAGE.rglob("*.py"))
    modules = {_module_name(p) for p in paths}
    graph: nx.DiGraph[str] = nx.DiGraph()
    for path in paths:
        graph.add_node(_module_name(path))
        graph.add_edges_from((_module_name(path), imported) for imported in _imports(path, modules))
    return graph


def _documented() -> dict[str, str]:
    """Module name → layer, from the rows ``| `report/build.py` | briefing | ... |`` of the page."""
    page = PAGE.read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([\w/]+\.py)` \| ([^|]+?) \|", page, re.MULTILINE)
    return {_module_name(PACKAGE / path): layer for path, layer in rows}


def test_the_architecture_page_lists_every_module_with_its_layer() -> None:
    documented = _documented()
    modules = set(_graph())
    missing = sorted(m for m in modules - set(documented))
    row = "| `PATH.py` | LAYER | what it does |"
    assert missing == [], f"docs/architecture.md has no row ({row}) for {missing}"
    gone = sorted(set(documented) - modules)
    assert gone == [], "docs/architecture.md lists modules no more there"
    unknown = {m: layer for m, layer in documented.items() if layer not in LAYERS}
    assert unknown == {}, f"unknown layers; use one of {LAYERS}"
    diagram = PAGE.read_text(encoding="utf-8").split("## The layers")[1].split("## ")[0]
    starts = [diagram.find(f"\n  {layer.split()[0]}") for layer in LAYERS]
    assert -1 not in starts and starts == sorted(starts), "the diagram orders the layers otherwise"


def test_no_import_goes_up_a_layer() -> None:
    documented = _documented().items()
    rank = {module: LAYERS.index(layer) for module, layer in documented if layer in LAYERS}
    upward = sorted(
        f"{a} ({LAYERS[rank[a]]}) imports {b} ({LAYERS[rank[b]]})"
        for a, b in _graph().edges
        if a in rank and b in rank and rank[b] < rank[a]
    )
    assert upward == []
