"""What the analyses share: the result list, lists of names in plain language, stable ordering."""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

from ..errors import Message, ParameterError
from ..words import CATALOGUE, error_message, t

if TYPE_CHECKING:
    import networkx as nx

    from ..kg import KnowledgeGraph

Row = TypeVar("Row")
Graph = TypeVar("Graph", bound="nx.Graph[str]")


class Result(list[Row]):
    """Ranked rows of an analysis (dataclasses), with ``notes`` (e.g. that a value is approximated)
    and ``timings``: seconds spent in SPARQL (``sparql``) and in NetworkX and Python
    (``networkx``)."""

    def __init__(
        self,
        rows: Iterable[Row] = (),
        notes: Sequence[str] = (),
        timings: dict[str, float] | None = None,
    ) -> None:
        super().__init__(rows)
        self.notes = list(notes)
        self.timings = dict(timings or {"sparql": 0.0, "networkx": 0.0})

    def table(self, row_type: type) -> tuple[list[str], list[list[Any]]]:
        """Columns and plain rows for :func:`sckg.output.emit` (fields marked ``hidden`` are left
        out)."""
        shown = [f.name for f in dataclasses.fields(row_type) if not f.metadata.get("hidden")]
        return shown, [[getattr(row, name) for name in shown] for row in self]


def hidden(default: Any = ()) -> Any:
    """A dataclass field for the Python API that the CLI's tables leave out (long lists of IRIs)."""
    return dataclasses.field(default=default, metadata={"hidden": True}, compare=False)


class Stopwatch:
    """Adds up the seconds spent in SPARQL and in NetworkX for a :class:`Result`."""

    def __init__(self) -> None:
        self.timings = {"sparql": 0.0, "networkx": 0.0}

    @contextmanager
    def networkx(self) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.timings["networkx"] += time.perf_counter() - started

    @contextmanager
    def sparql(self) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.timings["sparql"] += time.perf_counter() - started

    def add(self, graph: Graph) -> Graph:
        """Count a projection's own timings (its ``graph.graph['timings']``); returns the graph."""
        for key, seconds in graph.graph.get("timings", {}).items():
            self.timings[key] += seconds
        return graph


def why_empty(kg: KnowledgeGraph, graph: nx.Graph[str], lang: str) -> str:
    """The one line an analysis shows when it has nothing to rank: the reason and the next step. No
    projects in the graph (council data alone), else the projection without nodes or without
    links."""
    projection = graph.graph.get("projection", "entity")
    if not kg.ask("ASK { ?p a sckg:Project }"):
        return t("empty.no_projects", lang)
    if not graph.number_of_nodes():
        return t("empty.no_nodes", lang, projection=t(f"projection.{projection}", lang))
    return t(f"empty.no_links.{projection}", lang)


def with_next_step(
    kg: KnowledgeGraph | None, what: Message, projection: str | None = None
) -> Message:
    """``what`` (the message of a projection without nodes), followed by the next step: what the
    projection is drawn from, where it is not the programme (``empty.next.<projection>``), else
    the inventory when the graph has no project (council data alone)."""
    if projection is not None and f"empty.next.{projection}" in CATALOGUE:
        why = error_message(f"empty.next.{projection}")
    elif kg is None or kg.ask("ASK { ?p a sckg:Project }"):
        return what
    else:
        why = error_message("empty.no_projects")
    return error_message("empty.because", what=what, why=why)


def order(label: str, iri: str) -> tuple[str, str, str]:
    """The stable tie-break of every ranking: label (case-insensitive), then label, then IRI."""
    return (label.casefold(), label, iri)


def names(labels: Iterable[str], lang: str, limit: int = 3) -> str:
    """``A``, ``A und B``, ``A, B und C``, ``A, B, C und 4 weitere`` (sorted)."""
    items = sorted(labels, key=str.casefold)
    if len(items) > limit:
        return t("list.more", lang, items=", ".join(items[:limit]), n=len(items) - limit)
    if len(items) <= 1:
        return "".join(items)
    return t("list.and", lang, items=", ".join(items[:-1]), last=items[-1])


def cut_note(total: int, limit: int | None, lang: str) -> list[Message]:
    """A note when ``limit`` leaves rows out: ``Showing 50 of 208 rows; limit=0 shows all.``"""
    if not limit or total <= limit:
        return []
    return [Message(t("count.rows_shown", lang, shown=limit, total=total))]


def top(rows: list[Row], limit: int | None) -> list[Row]:
    """The first ``limit`` rows (all when ``limit`` is None or 0)."""
    if limit is not None and limit < 0:
        raise ParameterError(error_message("error.limit", limit=limit))
    return rows[:limit] if limit else rows


def canonical_subgraph(graph: Graph, nodes: Iterable[str]) -> Graph:
    """A copy of the part of ``graph`` on ``nodes``, nodes and each node's neighbours in the order
    of ``graph`` (a projection's: by IRI). NetworkX's ``graph.subgraph(nodes)`` lists them from a
    set when they are fewer than half of the graph's, in an order that changes with Python's string
    hashing between processes: a map of them would draw its nodes in another order, and its seeded
    layout put them elsewhere, on every run."""
    keep = set(nodes)
    sub = type(graph)()
    sub.graph.update(graph.graph)
    sub.add_nodes_from((node, dict(attrs)) for node, attrs in graph.nodes.items() if node in keep)
    sub.add_edges_from(
        (u, v, dict(attrs))
        for u, neighbours in graph.adj.items()
        if u in keep
        for v, attrs in neighbours.items()
        if v in keep
    )
    return sub


def canonical_undirected(graph: nx.Graph[str]) -> nx.Graph[str]:
    """An undirected copy with nodes and edges in a fixed order. NetworkX's undirected *view* of a
    directed graph lists neighbours from a set, in an order that changes with Python's string
    hashing between processes, and seeded algorithms (layouts, Louvain) then give different results
    on every run."""
    import networkx as nx

    if not graph.is_directed():
        return graph
    index = {node: i for i, node in enumerate(graph)}
    undirected: nx.Graph[str] = nx.Graph()
    undirected.add_nodes_from(graph.nodes(data=True))
    pairs: dict[tuple[str, str], dict[str, Any]] = {}
    for u, v, attrs in graph.edges(data=True):
        key = (u, v) if index[u] <= index[v] else (v, u)
        pairs.setdefault(key, attrs)
    undirected.add_edges_from(
        (u, v, pairs[(u, v)]) for u, v in sorted(pairs, key=lambda e: (index[e[0]], index[e[1]]))
    )
    return undirected
