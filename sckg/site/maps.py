"""Each entity's small map: its neighbourhood in the entity projection (with the council papers),
drawn by the map code of :mod:`sckg.viz` (same selection, layout, colours and shapes) and given to
the site's script as data; the page loads vis-network from the site's one copy in ``assets/``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..viz import build_network
from ..viz.render import page_data
from .collect import SiteData

if TYPE_CHECKING:
    import networkx as nx

    from ..kg import KnowledgeGraph

#: A map shows the entity and up to this many neighbours (those with the most links first).
NEIGHBOURS = 24


def projection(kg: KnowledgeGraph, lang: str) -> nx.Graph[str]:
    """The entity projection with the council papers, as each page's map is cut from it."""
    from ..network.projection import project

    return project(kg, "entity", lang, with_papers=True)


def neighbourhood_map(
    graph: nx.Graph[str],
    undirected: nx.Graph[str],
    data: SiteData,
    iri: str,
    title: str,
    lang: str,
) -> dict[str, Any] | None:
    """The map of ``iri`` and its neighbours as the site's script reads it (the map page's data plus
    the path of each node's page), or None when it has no neighbour in the projection.
    ``undirected`` is ``graph`` as an undirected view (made once for all pages)."""
    if iri not in graph:
        return None
    neighbours = sorted(undirected[iri], key=lambda n: (-undirected.degree(n), str(n)))
    if not neighbours:
        return None
    nodes = [iri, *neighbours[:NEIGHBOURS]]
    sub = graph.subgraph(nodes).copy()
    sub.graph.update(graph.graph)
    net = build_network(sub, "entity", layout="hierarchical", title=title, lang=lang)
    found = page_data(net)
    entities = data.entities
    found["paths"] = [
        entities[node["id"]].path if node["id"] in entities else None for node in net.nodes
    ]
    found["focus"] = next(i for i, node in enumerate(net.nodes) if node["id"] == iri)
    for key in ("ui", "sources", "date", "colorByLabel", "sizeByLabel", "categories", "fields"):
        found.pop(key, None)
    return found
