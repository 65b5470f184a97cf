"""Who holds the network together: centrality, cut points (articulation points and bridges),
communities.

Every function takes the knowledge graph and a projection name (or an already built projection as
``graph``), works on the undirected view of the projection, and returns ranked rows with a
plain-language reason.

Betweenness and Louvain run on igraph (C): on the actor network of a million-triple city NetworkX's
pure-Python versions take 30+ s (betweenness from 259 sampled sources) and 3 s (Louvain), igraph
well under a second for the same sample and 0.2 s. The results are those NetworkX defines
(betweenness normalised the same way, estimated from sampled sources scaled by n/k as
``betweenness_centrality(k=...)`` does; Louvain seeded).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..choices import Metric
from ..errors import Message, ParameterError
from ..formatting import number, percent
from ..kg import KnowledgeGraph
from ..words import check_lang, choice, error_message, t
from .common import (
    Result,
    Stopwatch,
    canonical_subgraph,
    canonical_undirected,
    hidden,
    names,
    order,
    top,
    why_empty,
)
from .projection import project

if TYPE_CHECKING:
    import networkx as nx


#: Exact betweenness costs one breadth-first search per node; above this much work (nodes × (nodes +
#: edges)) it is estimated from a sample of source nodes instead (and the result says so).
BETWEENNESS_BUDGET = 100_000_000
DEFAULT_SEED = 42


@dataclass(frozen=True)
class CentralityRow:
    """One node's centralities (undirected view; betweenness, PageRank and closeness are normalised
    0–1)."""

    rank: int
    label: str
    cls: str
    degree: int
    betweenness: float
    pagerank: float
    closeness: float
    reason: str
    iri: str


@dataclass(frozen=True)
class CutRow:
    """A node (articulation point) or a link (bridge) whose removal cuts part of the network off."""

    rank: int
    kind: str
    label: str
    cut_off: int
    reason: str
    iri: str
    other_iri: str | None = None
    cut_off_iris: tuple[str, ...] = hidden()


@dataclass(frozen=True)
class CommunityRow:
    """A community of the actor network (Louvain) and how it lines up with the formal
    departments."""

    community: int
    size: int
    departments: int
    crosses_departments: bool
    department_labels: str
    members: str
    reason: str
    iris: tuple[str, ...] = hidden()


def _graph(
    kg: KnowledgeGraph, projection: str, lang: str, graph: nx.Graph[str] | None, watch: Stopwatch
) -> nx.Graph[str]:
    if graph is None:
        graph = watch.add(project(kg, projection, lang=lang, details=False))
    return graph.to_undirected(as_view=True) if graph.is_directed() else graph


def _label(graph: nx.Graph[str], node: str) -> str:
    label: str = graph.nodes[node].get("label", node)
    return label


def centrality(
    kg: KnowledgeGraph,
    projection: str = "actors",
    *,
    by: str = "betweenness",
    limit: int | None = 10,
    sample: int | None = None,
    seed: int = DEFAULT_SEED,
    lang: str = "de",
    graph: nx.Graph[str] | None = None,
) -> Result[CentralityRow]:
    """Degree, betweenness, PageRank and closeness of every node, ranked by ``by`` (top ``limit``).

    Betweenness is exact unless the graph is large (see :data:`BETWEENNESS_BUDGET`) or ``sample`` is
    given: then it is estimated from ``sample`` source nodes drawn with ``seed`` (``sample=0``
    forces exact values). Closeness is computed for the rows returned only, unless the ranking is by
    closeness.
    """

    check_lang(lang)
    choice(by, Metric, "by", "choice.metric")
    if sample is not None and sample < 0:
        raise ParameterError(error_message("error.sample", sample=sample))
    watch = Stopwatch()
    notes: list[str] = []
    undirected = _graph(kg, projection, lang, graph, watch)
    with watch.networkx():
        n, m = undirected.number_of_nodes(), undirected.number_of_edges()
        if not m:  # every node has degree 0: a ranking would only sort the labels
            return Result([], [why_empty(kg, undirected, lang)], watch.timings)
        k = sample if sample is not None else auto_sample(n, m)
        between = betweenness_scores(undirected, k, seed)
        if k and k < n:
            notes.append(Message(t("centrality.estimated", lang, k=k, n=n, seed=seed)))
        pagerank = pagerank_scores(undirected)
        closeness: dict[str, tuple[float, int, float]] = {}
        if by == "closeness":
            closeness = closeness_all(undirected)
        metrics: dict[str, Callable[[str], float]] = {
            "betweenness": between.__getitem__,
            "degree": undirected.degree,
            "pagerank": pagerank.__getitem__,
            "closeness": lambda v: closeness[v][0],
        }
        values = metrics[by]
        ranked = sorted(undirected, key=lambda v: (-values(v), *order(_label(undirected, v), v)))
        rows = []
        for rank, v in enumerate(top(ranked, limit), 1):
            if v not in closeness:
                closeness[v] = _closeness(undirected, v)
            degree = undirected.degree(v)
            reason = _centrality_reason(by, lang, degree, between[v], pagerank[v], closeness[v])
            attrs = undirected.nodes[v]
            rows.append(
                CentralityRow(
                    rank,
                    attrs.get("label", v),
                    attrs.get("cls", ""),
                    degree,
                    round(between[v], 4),
                    round(pagerank[v], 4),
                    round(closeness[v][0], 4),
                    reason,
                    v,
                )
            )
    return Result(rows, notes, watch.timings)


def to_igraph(graph: nx.Graph[str]) -> tuple[Any, list[str]]:
    """The undirected graph as an ``igraph.Graph`` (edge attribute ``weight``) and the node of each
    vertex index."""
    import igraph as ig

    nodes = list(graph)
    index = {v: i for i, v in enumerate(nodes)}
    converted = ig.Graph(
        n=len(nodes), edges=[(index[u], index[v]) for u, v in graph.edges()], directed=False
    )
    converted.es["weight"] = [float(w) for _, _, w in graph.edges(data="weight", default=1)]
    return converted, nodes


def betweenness_scores(
    graph: nx.Graph[str], sample: int = 0, seed: int = DEFAULT_SEED
) -> dict[str, float]:
    """Normalised betweenness (hop counts) as ``nx.betweenness_centrality``; with ``0 < sample < n``
    estimated from ``sample`` source nodes drawn with ``seed`` and scaled by n/sample, as NetworkX's
    ``k`` does."""
    import random

    n = graph.number_of_nodes()
    if n < 3:
        return dict.fromkeys(graph, 0.0)
    converted, nodes = to_igraph(graph)
    if sample and sample < n:
        sources = random.Random(seed).sample(range(n), sample)
        raw = [
            value * n / sample for value in converted.betweenness(directed=False, sources=sources)
        ]
    else:
        raw = converted.betweenness(directed=False)
    scale = 2 / ((n - 1) * (n - 2))
    return {v: value * scale for v, value in zip(nodes, raw, strict=True)}


@dataclass(frozen=True)
class Partition:
    """Communities of a network: ``groups`` largest first (members in label order), the linked part
    of the undirected network they cover, and its igraph form (``vertices``: the node of each
    vertex) for measures."""

    groups: list[list[str]]
    linked: nx.Graph[str]
    igraph: Any
    vertices: list[str]


def detect_communities(graph: nx.Graph[str], seed: int = DEFAULT_SEED) -> Partition:
    """The one community detection of sckg, for analyses, maps and report: Louvain (igraph's
    multilevel method, weighted, its random order drawn with ``seed``) on the undirected network's
    linked nodes; a node without links belongs to no community."""
    import random

    import igraph as ig

    undirected = canonical_undirected(graph)
    linked = canonical_subgraph(undirected, [v for v in undirected if undirected.degree(v)])
    converted, nodes = to_igraph(linked)
    ig.set_random_number_generator(random.Random(seed))
    try:
        membership = converted.community_multilevel(weights="weight").membership
    finally:
        ig.set_random_number_generator(random)
    found: dict[int, list[str]] = defaultdict(list)
    for node, group in zip(nodes, membership, strict=True):
        found[group].append(node)
    groups = [sorted(c, key=lambda v: order(_label(undirected, v), v)) for c in found.values()]
    groups.sort(key=lambda c: (-len(c), *order(_label(undirected, c[0]), c[0])))
    return Partition(groups, linked, converted, nodes)


def pagerank_scores(
    graph: nx.Graph[str], alpha: float = 0.85, tol: float = 1.0e-6, max_iter: int = 100
) -> dict[str, float]:
    """PageRank of an undirected graph with edge weights, as ``nx.pagerank`` computes it (uniform
    teleport and dangling redistribution), by power iteration in numpy (NetworkX's own version needs
    scipy)."""
    import numpy as np

    nodes = list(graph)
    n = len(nodes)
    if not n:
        return {}
    index = {v: i for i, v in enumerate(nodes)}
    src: list[int] = []
    dst: list[int] = []
    weights: list[float] = []
    for u, v, w in graph.edges(data="weight", default=1):
        i, j = index[u], index[v]
        src.append(i)
        dst.append(j)
        weights.append(float(w))
        if i != j:  # an undirected link counts in both directions, a self-loop once
            src.append(j)
            dst.append(i)
            weights.append(float(w))
    source, target, weight = (
        np.array(src, dtype=np.int64),
        np.array(dst, dtype=np.int64),
        np.array(weights),
    )
    out = np.bincount(source, weights=weight, minlength=n)
    dangling = out == 0
    share_of = np.divide(weight, out[source], out=np.zeros_like(weight), where=out[source] > 0)
    x = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        last = x
        x = alpha * np.bincount(target, weights=last[source] * share_of, minlength=n)
        x += (alpha * last[dangling].sum() + 1 - alpha) / n
        if np.abs(x - last).sum() < n * tol:
            break
    return dict(zip(nodes, x.tolist(), strict=True))


def auto_sample(n: int, m: int) -> int:
    """0 (exact) for small graphs, else enough sources to spend about :data:`BETWEENNESS_BUDGET`
    steps."""
    return 0 if n * (n + m) <= BETWEENNESS_BUDGET else max(100, BETWEENNESS_BUDGET // (n + m))


def closeness_all(graph: nx.Graph[str]) -> dict[str, tuple[float, int, float]]:
    """:func:`_closeness` of every node at once, from igraph's closeness (one BFS per node in C)."""
    import networkx as nx

    n = graph.number_of_nodes()
    if n < 2:
        return {v: (0.0, 0, 0.0) for v in graph}
    reached = {v: len(c) - 1 for c in nx.connected_components(graph) for v in c}
    converted, nodes = to_igraph(graph)
    found = {}
    for v, value in zip(nodes, converted.closeness(normalized=True), strict=True):
        if not reached[v] or not value or value != value:  # isolated (igraph gives NaN)
            found[v] = (0.0, 0, 0.0)
        # igraph: reached / sum of distances; NetworkX scales that by the share of all nodes reached
        else:
            found[v] = (value * reached[v] / (n - 1), reached[v], 1 / value)
    return found


def _closeness(graph: nx.Graph[str], node: str) -> tuple[float, int, float]:
    """Closeness as NetworkX defines it (scaled by the share of nodes reached), nodes reached, mean
    distance."""
    import networkx as nx

    lengths = nx.single_source_shortest_path_length(graph, node)
    reached, total, n = len(lengths) - 1, sum(lengths.values()), graph.number_of_nodes()
    if not total or n < 2:
        return 0.0, 0, 0.0
    return (reached / total) * (reached / (n - 1)), reached, total / reached


def _centrality_reason(
    by: str,
    lang: str,
    degree: int,
    between: float,
    pagerank: float,
    closeness: tuple[float, int, float],
) -> str:
    linked = t("centrality.linked", lang, n=degree)
    if by == "degree":
        return t("centrality.degree", lang, n=degree)
    if by == "pagerank":
        return t("centrality.pagerank", lang, value=number(pagerank, lang, 3), linked=linked)
    if by == "closeness":
        _value, reached, mean = closeness
        return t("centrality.closeness", lang, reached=reached, mean=number(mean, lang, 1))
    return t("centrality.betweenness", lang, share=percent(between, lang), linked=linked)


def bridges(
    kg: KnowledgeGraph,
    projection: str = "actors",
    *,
    limit: int | None = 20,
    lang: str = "de",
    graph: nx.Graph[str] | None = None,
) -> Result[CutRow]:
    """Articulation points and bridges, ranked by how many nodes their removal cuts off from the
    rest.

    Removing a node or link splits its component into pieces; the largest piece is "the rest", the
    others are cut off. Ties: articulation points before bridges, then by label and IRI.
    """
    check_lang(lang)
    watch = Stopwatch()
    undirected = _graph(kg, projection, lang, graph, watch)
    with watch.networkx():
        if not undirected.number_of_edges():
            return Result([], [why_empty(kg, undirected, lang)], watch.timings)
        found = _cuts(undirected, lambda v: order(_label(undirected, v), v))
        ranked = sorted(found, key=lambda c: _cut_key(undirected, c))
        rows = []
        for rank, cut in enumerate(top(ranked, limit), 1):
            members = cut.members()
            cut_names = names([_label(undirected, v) for v in members], lang)
            label = _cut_label(undirected, cut)
            reason = t(f"cut.{cut.kind}", lang, label=label, names=cut_names, n=len(members))
            rows.append(
                CutRow(
                    rank,
                    cut.kind,
                    label,
                    cut.size,
                    reason,
                    cut.node,
                    cut.other,
                    tuple(sorted(members)),
                )
            )
    return Result(rows, [], watch.timings)


def _cut_key(graph: nx.Graph[str], cut: _Cut) -> tuple[Any, ...]:
    return (
        -cut.size,
        cut.kind != "articulation-point",
        *order(_cut_label(graph, cut), cut.node),
        cut.other or "",
    )


def _cut_label(graph: nx.Graph[str], cut: _Cut) -> str:
    if cut.other is None:
        return _label(graph, cut.node)
    return f"{_label(graph, cut.node)} – {_label(graph, cut.other)}"


@dataclass
class _Cut:
    kind: str
    node: str
    other: str | None
    size: int
    pieces: list[tuple[int, int]]  # slices of the DFS order that are cut off
    order: list[str]
    rest: tuple[int, int, set[str]] | None = (
        None  # (start, end, excluded): a component minus nodes, cut off
    )

    def members(self) -> list[str]:
        found = [v for start, end in self.pieces for v in self.order[start:end]]
        if self.rest is not None:
            start, end, excluded = self.rest
            found += [v for v in self.order[start:end] if v not in excluded]
        return found


def _largest(pieces: list[tuple[int, Any]], nodes: Any, key: Any) -> int:
    """Index of the piece that stays "the rest": the largest; on a tie the one holding the first
    node by label."""
    size = max(s for s, _ in pieces)
    tied = [i for i, (s, _) in enumerate(pieces) if s == size]
    if len(tied) == 1:
        return tied[0]
    return min(tied, key=lambda i: min(map(key, nodes(pieces[i][1]))))


def _cuts(graph: nx.Graph[str], key: Any) -> list[_Cut]:
    """Articulation points and bridges with what they cut off, in one depth-first search (Tarjan).

    A bridge's ``node`` is the end that stays with the rest, ``other`` the end that is cut off."""
    pre: dict[str, int] = {}
    low: dict[str, int] = {}
    size: dict[str, int] = {}
    dfs_order: list[str] = []
    separated: dict[str, list[str]] = defaultdict(list)
    bridges: list[tuple[str, str]] = []
    component: dict[str, tuple[int, int]] = {}
    for root in graph:
        if root in pre:
            continue
        start = len(dfs_order)
        pre[root] = low[root] = start
        dfs_order.append(root)
        stack: list[tuple[str, str | None, Iterator[str]]] = [(root, None, iter(graph[root]))]
        while stack:
            v, parent, neighbours = stack[-1]
            for w in neighbours:
                if w == parent:
                    continue
                if w in pre:
                    low[v] = min(low[v], pre[w])
                else:
                    pre[w] = low[w] = len(dfs_order)
                    dfs_order.append(w)
                    stack.append((w, v, iter(graph[w])))
                    break
            else:
                stack.pop()
                size[v] = len(dfs_order) - pre[v]
                if parent is not None:
                    low[parent] = min(low[parent], low[v])
                    if low[v] >= pre[parent]:
                        separated[parent].append(v)
                    if low[v] > pre[parent]:
                        bridges.append((parent, v))
        for v in dfs_order[start:]:
            component[v] = (start, len(dfs_order))

    cuts: list[_Cut] = []
    for v, children in separated.items():
        start, end = component[v]
        is_root = pre[v] == start
        if is_root and len(children) < 2:
            continue
        pieces: list[tuple[int, tuple[int, int] | None]] = [
            (size[c], (pre[c], pre[c] + size[c])) for c in children
        ]
        rest_size = (end - start) - 1 - sum(s for s, _ in pieces)
        if rest_size:
            pieces.append((rest_size, None))  # the part of the component above v
        excluded = {v, *(x for _, p in pieces if p for x in dfs_order[p[0] : p[1]])}

        def nodes(
            piece: tuple[int, int] | None,
            start: int = start,
            end: int = end,
            excluded: set[str] = excluded,
        ) -> Any:
            return (
                dfs_order[piece[0] : piece[1]]
                if piece
                else (x for x in dfs_order[start:end] if x not in excluded)
            )

        keep = _largest(pieces, nodes, key)
        cut_off = [p for i, (_, p) in enumerate(pieces) if i != keep and p]
        rest = (
            (start, end, excluded)
            if any(p is None for i, (_, p) in enumerate(pieces) if i != keep)
            else None
        )
        total = sum(s for i, (s, _) in enumerate(pieces) if i != keep)
        cuts.append(_Cut("articulation-point", v, None, total, cut_off, dfs_order, rest))
    for parent, child in bridges:
        start, end = component[child]
        below = (pre[child], pre[child] + size[child])
        above = set(dfs_order[below[0] : below[1]])
        pieces = [(size[child], below), ((end - start) - size[child], None)]

        def side(
            piece: tuple[int, int] | None,
            start: int = start,
            end: int = end,
            above: set[str] = above,
        ) -> Any:
            return (
                dfs_order[piece[0] : piece[1]]
                if piece
                else (x for x in dfs_order[start:end] if x not in above)
            )

        if _largest(pieces, side, key) == 1:  # the child's side is cut off
            cuts.append(_Cut("bridge", parent, child, size[child], [below], dfs_order))
        else:
            cuts.append(
                _Cut("bridge", child, parent, pieces[1][0], [], dfs_order, (start, end, above))
            )
    return cuts


def communities(
    kg: KnowledgeGraph,
    projection: str = "actors",
    *,
    limit: int | None = 20,
    seed: int = DEFAULT_SEED,
    lang: str = "de",
    graph: nx.Graph[str] | None = None,
) -> Result[CommunityRow]:
    """Louvain communities (weighted, seeded) and the departments their members belong to.

    A community whose members come from two or more departments crosses department lines. The notes
    give the modularity of the communities and of the formal department structure for comparison.
    """

    check_lang(lang)
    watch = Stopwatch()
    undirected = _graph(kg, projection, lang, graph, watch)
    if not undirected.number_of_edges():
        return Result([], [why_empty(kg, undirected, lang)], watch.timings)
    with watch.networkx():
        partition = detect_communities(undirected, seed)
        linked, converted, vertex_nodes = partition.linked, partition.igraph, partition.vertices
        labelled = partition.groups
        dept_labels = _department_labels(kg, undirected, watch, lang)
        rows = []
        for number_, members in enumerate(top(labelled, limit), 1):
            departments = Counter(
                d for v in members if (d := undirected.nodes[v].get("department"))
            )
            listed = sorted(
                departments.items(),
                key=lambda item: (-item[1], *order(dept_labels[item[0]], item[0])),
            )
            department_text = ", ".join(f"{dept_labels[d]} ({count})" for d, count in listed)
            shown = [_label(undirected, v) for v in members[:8]]
            member_text = ", ".join(shown) + (
                f" … (+{len(members) - 8})" if len(members) > 8 else ""
            )
            rows.append(
                CommunityRow(
                    number_,
                    len(members),
                    len(departments),
                    len(departments) > 1,
                    department_text,
                    member_text,
                    _community_reason(lang, len(members), listed, dept_labels),
                    tuple(members),
                )
            )
        notes = []
        if linked.number_of_edges():
            group = {v: i for i, members in enumerate(labelled) for v in members}
            q_found = converted.modularity([group[v] for v in vertex_nodes], weights="weight")
            formal: dict[
                str, int
            ] = {}  # each department one group; an actor without one is a group of its own
            department = {v: attrs.get("department") for v, attrs in linked.nodes(data=True)}
            membership = [formal.setdefault(department[v] or v, len(formal)) for v in vertex_nodes]
            q_formal = converted.modularity(membership, weights="weight")
            notes.append(
                t(
                    "communities.found",
                    lang,
                    n=len(labelled),
                    seed=seed,
                    found=number(q_found, lang, 3),
                    formal=number(q_formal, lang, 3),
                )
            )
        isolated = undirected.number_of_nodes() - linked.number_of_nodes()
        if isolated:
            notes.append(t("communities.isolated", lang, n=isolated))
    return Result(rows, notes, watch.timings)


def _department_labels(
    kg: KnowledgeGraph, graph: nx.Graph[str], watch: Stopwatch, lang: str
) -> dict[str, str]:
    wanted = {d for _, attrs in graph.nodes(data=True) if (d := attrs.get("department"))}
    labels = {d: graph.nodes[d]["label"] for d in wanted if d in graph}
    missing = wanted - set(labels)
    if missing:
        with watch.sparql():
            labels.update(kg.labels(missing, lang))
    return labels


def _community_reason(
    lang: str, size: int, departments: list[tuple[str, int]], labels: dict[str, str]
) -> str:
    outside = size - sum(count for _, count in departments)
    if len(departments) > 1:
        reason = t("communities.across", lang, n=len(departments))
    elif departments:
        reason = t("communities.within", lang, name=labels[departments[0][0]])
    else:
        return t("communities.none", lang)
    return t("communities.outside", lang, reason=reason, n=outside) if outside else reason
