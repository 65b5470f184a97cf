"""What depends on what: impact of a project, dependency cycles, the critical path.

All three work on the ``dependencies`` projection: an edge from a project to each project it depends
on (``sckg:dependsOn``). The projects that depend on X are those with a path to X.
"""

from __future__ import annotations

import itertools
from collections import deque
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from ..choices import PathWeight
from ..entities import resolve
from ..errors import ParameterError
from ..kg import KnowledgeGraph
from ..namespaces import SCKG
from ..words import check_lang, choice, error_message, t
from .common import Result, Stopwatch, hidden, names, order, top, why_empty
from .projection import project

if TYPE_CHECKING:
    import networkx as nx

#: simple_cycles can find very many cycles in a tangled graph; listing stops after this many.
MAX_CYCLES = 10_000


@dataclass(frozen=True)
class ImpactRow:
    """A project reached from the one asked about, at a depth (1 = directly)."""

    depth: int
    label: str
    status: str | None
    via: str
    reason: str
    iri: str


@dataclass(frozen=True)
class CycleRow:
    """A dependency cycle, starting at its first project by label."""

    cycle: int
    length: int
    projects: str
    reason: str
    iris: tuple[str, ...] = hidden()


@dataclass(frozen=True)
class PathRow:
    """One step of the longest dependency chain, in the order the projects must be done."""

    step: int
    label: str
    start: str | None
    end: str | None
    days: int | None
    reason: str
    iri: str


def _dependencies(
    kg: KnowledgeGraph,
    lang: str,
    graph: nx.DiGraph[str] | None,
    watch: Stopwatch,
    details: bool = True,
) -> nx.DiGraph[str]:
    if graph is not None:
        return graph
    return watch.add(project(kg, "dependencies", lang=lang, details=details))


def _label(graph: nx.DiGraph[str], node: str) -> str:
    label: str = graph.nodes[node].get("label", node)
    return label


def impact(
    kg: KnowledgeGraph,
    target: str,
    *,
    upstream: bool = False,
    lang: str = "de",
    graph: nx.DiGraph[str] | None = None,
    limit: int | None = None,
) -> Result[ImpactRow]:
    """Every project that depends on ``target`` (label, prefixed name or IRI), transitively, with
    its depth; with ``upstream`` every project ``target`` depends on. Breadth-first: the depth is
    the shortest distance."""
    check_lang(lang)
    watch = Stopwatch()
    with watch.sparql():
        node = resolve(
            target, kg=kg, what="project", param="{=target}", classes=(SCKG + "Project",)
        )
    deps = _dependencies(kg, lang, graph, watch)
    if node not in deps:
        raise ParameterError(error_message("error.impact_not_project", target=target, node=node))
    with watch.networkx():
        step = deps.successors if upstream else deps.predecessors
        parent: dict[str, str] = {}
        depth = {node: 0}
        queue = deque([node])
        while queue:
            current = queue.popleft()
            for nxt in sorted(step(current), key=lambda v: order(_label(deps, v), v)):
                if nxt not in depth:
                    depth[nxt] = depth[current] + 1
                    parent[nxt] = current
                    queue.append(nxt)
        name = _label(deps, node)
        rows = []
        for v in sorted(
            (v for v in depth if v != node), key=lambda v: (depth[v], *order(_label(deps, v), v))
        ):
            chain = []
            current = parent[v]
            while current != node:
                chain.append(_label(deps, current))
                current = parent[current]
            via = " → ".join(chain if not upstream else reversed(chain))
            rows.append(
                ImpactRow(
                    depth[v],
                    _label(deps, v),
                    deps.nodes[v].get("status"),
                    via,
                    _impact_reason(lang, upstream, name, via),
                    v,
                )
            )
        count, direct = len(rows), sum(1 for r in rows if r.depth == 1)
        counted = t("count.projects", lang, n=count)
        notes = [
            t(
                "impact.upstream" if upstream else "impact.downstream",
                lang,
                name=name,
                counted=counted,
                direct=direct,
                n=count,
            )
        ]
        adjacency = deps.succ if upstream else deps.pred
        if any(
            node in adjacency[v] for v in depth
        ):  # the project reaches itself: it lies on a cycle
            notes.append(t("impact.in_cycle", lang, name=name))
    return Result(top(rows, limit), notes, watch.timings)


def _impact_reason(lang: str, upstream: bool, name: str, via: str) -> str:
    if upstream:
        return t("impact.needs_via" if via else "impact.needs_directly", lang, name=name, via=via)
    return t("impact.depends_via" if via else "impact.depends_directly", lang, name=name, via=via)


def dependents(graph: nx.DiGraph[str]) -> dict[str, set[str]]:
    """The projects that depend on each project of the ``dependencies`` projection, transitively
    (those with a path to it, the project itself never)."""
    import networkx as nx

    return {node: nx.ancestors(graph, node) for node in graph}


def cycles(
    kg: KnowledgeGraph,
    *,
    lang: str = "de",
    graph: nx.DiGraph[str] | None = None,
    limit: int | None = None,
) -> Result[CycleRow]:
    """Every dependency cycle once, starting at its first project by label; shortest first."""
    import networkx as nx

    check_lang(lang)
    watch = Stopwatch()
    deps = _dependencies(kg, lang, graph, watch, details=False)
    if not deps.number_of_edges():
        return Result([], [why_empty(kg, deps, lang)], watch.timings)
    notes: list[str] = []
    with watch.networkx():
        found = []
        for cycle in itertools.islice(nx.simple_cycles(deps), MAX_CYCLES + 1):
            first = min(range(len(cycle)), key=lambda i: order(_label(deps, cycle[i]), cycle[i]))
            found.append(cycle[first:] + cycle[:first])
        if len(found) > MAX_CYCLES:
            found = found[:MAX_CYCLES]
            notes.append(t("cycles.limited", lang, n=MAX_CYCLES))
        found.sort(key=lambda c: (len(c), [order(_label(deps, v), v) for v in c]))
        rows = []
        for i, cycle in enumerate(top(found, limit), 1):
            labels = [_label(deps, v) for v in cycle]
            reason = t("cycles.self" if len(cycle) == 1 else "cycles.circle", lang, n=len(cycle))
            rows.append(
                CycleRow(i, len(cycle), " → ".join([*labels, labels[0]]), reason, tuple(cycle))
            )
    return Result(rows, notes, watch.timings)


def critical_path(
    kg: KnowledgeGraph, *, by: str = "count", lang: str = "de", graph: nx.DiGraph[str] | None = None
) -> Result[PathRow]:
    """The longest dependency chain, by number of projects or by the sum of their durations (end −
    start, in days; projects without both dates count 0). Links inside dependency cycles are left
    out."""
    import networkx as nx

    check_lang(lang)
    choice(by, PathWeight, "by", "choice.weight")
    watch = Stopwatch()
    deps = _dependencies(kg, lang, graph, watch)
    notes: list[str] = []
    with watch.networkx():
        cyclic = [c for c in nx.strongly_connected_components(deps) if len(c) > 1]
        in_cycle = {v: i for i, c in enumerate(cyclic) for v in c}
        enables: nx.DiGraph[str] = (
            nx.DiGraph()
        )  # prerequisite → dependent, without links inside cycles and self-loops
        enables.add_nodes_from(deps)
        enables.add_edges_from(
            (b, a)
            for a, b in deps.edges
            if a != b and not (a in in_cycle and in_cycle[a] == in_cycle.get(b))
        )
        if cyclic:
            notes.append(t("path.cycles_left_out", lang, n=len(cyclic)))
        if not enables.number_of_edges():  # no links, or only links inside cycles
            notes.append(
                t("path.no_dependencies", lang)
                if deps.number_of_edges()
                else why_empty(kg, deps, lang)
            )
            return Result([], notes, watch.timings)
        days = {v: _days(deps.nodes[v]) for v in deps}
        weight = {v: 1 if by == "count" else (days[v] or 0) for v in deps}
        best: dict[str, int] = {}
        previous: dict[str, str | None] = {}
        key = {v: order(_label(deps, v), v) for v in deps}
        for v in nx.lexicographical_topological_sort(enables, key=key.__getitem__):
            # max() keeps the first of equals: candidates in label order make ties go to the first
            # label
            before = max(
                sorted(enables.predecessors(v), key=key.__getitem__),
                key=best.__getitem__,
                default=None,
            )
            best[v] = weight[v] + (best[before] if before is not None else 0)
            previous[v] = before
        end = max(sorted(best, key=key.__getitem__), key=best.__getitem__)
        chain = [end]
        while (before := previous[chain[-1]]) is not None:
            chain.append(before)
        chain.reverse()
        rows = []
        for i, v in enumerate(chain):
            attrs = deps.nodes[v]
            prev = _label(deps, chain[i - 1]) if i else None
            nxt = _label(deps, chain[i + 1]) if i + 1 < len(chain) else None
            rows.append(
                PathRow(
                    i + 1,
                    _label(deps, v),
                    attrs.get("start"),
                    attrs.get("end"),
                    days[v],
                    _step_reason(lang, prev, nxt),
                    v,
                )
            )
        total = sum(d for d in (days[v] for v in chain) if d)
        missing = [_label(deps, v) for v in chain if days[v] is None]
        notes.insert(0, t(f"path.longest.{by}", lang, n=len(chain), days=total))
        if missing:
            notes.append(t("path.undated", lang, names=names(missing, lang)))
    return Result(rows, notes, watch.timings)


def _days(attrs: dict[str, Any]) -> int | None:
    try:
        return (date.fromisoformat(attrs["end"]) - date.fromisoformat(attrs["start"])).days
    except (KeyError, TypeError, ValueError):
        return None


def _step_reason(lang: str, prev: str | None, nxt: str | None) -> str:
    key = "path.start" if prev is None else "path.end" if nxt is None else "path.step"
    return t(key, lang, previous=prev, next=nxt)
