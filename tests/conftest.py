"""Shared fixtures: the bundled datasets, and knowledge graphs built from small inline Turtle."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from sckg import resources
from sckg.kg import KnowledgeGraph
from sckg.namespaces import turtle_prefixes

ROOT = Path(__file__).resolve().parent.parent

#: Prefixes for inline Turtle in tests; ``ex:`` is the namespace of hand-built test entities.
PREFIXES = turtle_prefixes(ex="https://example.org/city/")


@pytest.fixture(scope="session")
def braunschweig_path() -> Path:
    return resources.dataset("braunschweig")


@pytest.fixture(scope="session")
def musterstadt_path() -> Path:
    return resources.dataset("musterstadt")


@pytest.fixture(scope="session")
def braunschweig(braunschweig_path: Path) -> KnowledgeGraph:
    """The bundled Braunschweig graph in memory (shared: do not modify)."""
    return KnowledgeGraph.open([braunschweig_path])


@pytest.fixture(scope="session")
def musterstadt(musterstadt_path: Path) -> KnowledgeGraph:
    """The bundled fictional city in memory (shared: do not modify)."""
    return KnowledgeGraph.open([musterstadt_path])


@pytest.fixture
def turtle_file(tmp_path: Path) -> Callable[[str], Path]:
    """Write inline Turtle (the standard prefixes prepended) to a file and return its path."""

    def write(body: str, name: str = "graph.ttl") -> Path:
        path = tmp_path / name
        path.write_text(PREFIXES + body, encoding="utf-8")
        return path

    return write


@pytest.fixture
def make_kg(turtle_file: Callable[[str], Path]) -> Callable[[str], KnowledgeGraph]:
    """A knowledge graph in memory from inline Turtle (the standard prefixes prepended)."""

    def build(body: str) -> KnowledgeGraph:
        return KnowledgeGraph.open([turtle_file(body)])

    return build
