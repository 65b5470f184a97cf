"""Each entity's small map: its neighbourhood in the entity projection (with the council papers),
drawn by the map code of :mod:`sckg.viz` (same selection, layout, colours and shapes) and given to
the site's script as data; the page loads vis-network from the site's one copy in ``assets/``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..network.common import canonical_subgraph
from ..viz import build_network
from ..viz.build import LABEL_LIMIT
from ..viz.render import page_data, script_json
from ..viz.style import shorten_text, wrap_label
from .collect import LANGS, SiteData

if TYPE_CHECKING:
    import networkx as nx

    from ..kg import KnowledgeGraph

#: A map shows the entity and up to this many neighbours (those with the most links first).
NEIGHBOURS = 24


def projection(kg: KnowledgeGraph) -> nx.Graph[str]:
    """The entity projection with the council papers, as each page's map is cut from it."""
    from ..network.projection import project

    return project(kg, "entity", lang="de", with_papers=True)


def neighbourhood_maps(
    graph: nx.Graph[str], undirected: nx.Graph[str], data: SiteData, iri: str
) -> dict[str, str] | None:
    """The map of ``iri`` and its neighbours in each language, as the JSON the site's script reads
    (the map page's data plus the path of each node's page), or None when it has no neighbour in the
    projection. The layout is computed once; the languages differ in the labels and tooltips (the
    node's name and kind). ``undirected`` is ``graph`` as an undirected view (made once)."""
    if iri not in graph:
        return None
    neighbours = sorted(undirected[iri], key=lambda n: (-undirected.degree(n), str(n)))
    if not neighbours:
        return None
    sub = canonical_subgraph(graph, [iri, *neighbours[:NEIGHBOURS]])
    net = build_network(sub, "entity", layout="hierarchical", lang="de")
    found = page_data(net)
    ids = [node["id"] for node in net.nodes]
    common = {
        "directed": found["directed"],
        "edgeColor": found["edgeColor"],
        "shapes": [c["shape"] for c in found["classes"]],
        "focus": ids.index(iri),
        "paths": [data.entities[n].path if n in data.entities else None for n in ids],
        "edges": [edge[:3] for edge in found["edges"]],
    }
    maps = {}
    for lang in LANGS:
        nodes = []
        for node, drawn in zip(ids, found["nodes"], strict=True):
            entity = data.entities.get(node)
            label = data.label(node, lang)
            kind = data.kinds[entity.kind][lang] if entity else ""
            short = shorten_text(label, LABEL_LIMIT)
            nodes.append(
                {
                    **drawn,
                    "l": wrap_label(short),
                    "n": short,
                    "t": f"{label} ({kind})" if kind else label,
                }
            )
        maps[lang] = script_json({**common, "nodes": nodes})
    return maps
