"""Exports for other tools: RDF (Turtle, N-Triples, JSON-LD with the sckg context), network projections for
Gephi (GraphML, GEXF, CSV of nodes and edges) and the inventory spreadsheet (xlsx, see :mod:`.export_xlsx`).

Everything is read through SPARQL (``kg.construct`` and the projections), so exports work on every store.
"""

from __future__ import annotations

import decimal
import io
import json
from functools import cache
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from . import resources
from .errors import UsageError
from .namespaces import PREFIXES

if TYPE_CHECKING:
    import networkx as nx

    from .kg import KnowledgeGraph

FORMATS = ("ttl", "nt", "jsonld", "graphml", "gexf", "csv", "xlsx")
#: Metrics added to every node of an exported projection (computed on the undirected view).
METRICS = ("degree", "betweenness", "closeness")
#: Betweenness is exact up to this many nodes, above it estimated from this many sampled sources (seed 42).
BETWEENNESS_SAMPLE = 2000


def export_graph(
    kg: KnowledgeGraph, fmt: str, *, projection: str = "entity", lang: str = "de", city: str | None = None
) -> dict[str, bytes]:
    """The export in format ``fmt`` as file name → content (``csv`` gives ``nodes.csv`` and ``edges.csv``)."""
    if fmt in ("ttl", "nt", "jsonld"):
        return {f"graph.{fmt}": rdf_bytes(kg, fmt)}
    if fmt in ("graphml", "gexf", "csv"):
        graph = network(kg, projection, lang)
        if fmt == "csv":
            nodes, edges = csv_tables(graph)
            return {"nodes.csv": nodes.encode("utf-8"), "edges.csv": edges.encode("utf-8")}
        return {f"graph.{fmt}": network_bytes(graph, fmt)}
    if fmt == "xlsx":
        from .export_xlsx import workbook

        return {"inventory.xlsx": workbook(kg, lang, city)}
    raise UsageError(f"Unknown export format '{fmt}' (use {', '.join(FORMATS)})")


# --- RDF --------------------------------------------------------------------------------------------------


def _sorted(triples: list[ox.Triple]) -> list[ox.Triple]:
    return sorted(set(triples), key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))


def rdf_bytes(kg: KnowledgeGraph, fmt: str) -> bytes:
    """The data graphs (not the ontology) as sorted Turtle, N-Triples or JSON-LD."""
    triples = _sorted(kg.triples())
    if fmt == "ttl":
        return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
    if fmt == "nt":
        return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
    return jsonld_bytes(triples)


@cache
def jsonld_context() -> dict[str, Any]:
    """The published sckg JSON-LD context (``ontology/context.jsonld``): prefixes and short terms."""
    path = resources.ontology_dir() / "context.jsonld"
    return json.loads(path.read_text(encoding="utf-8"))["@context"]


def jsonld_bytes(triples: list[ox.Triple]) -> bytes:
    """Triples as compact JSON-LD with the sckg context embedded (readable offline, same terms as the file)."""
    import rdflib

    graph = rdflib.Graph()
    data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
    graph.parse(data=data.decode("utf-8") if data else "", format="nt")
    text = graph.serialize(format="json-ld", context=jsonld_context(), auto_compact=True, indent=2)
    return text.encode("utf-8") + b"\n"


# --- networks ---------------------------------------------------------------------------------------------


def network(kg: KnowledgeGraph, projection: str, lang: str) -> nx.Graph:
    """A named projection with metrics as node attributes (undirected view: ``degree``, ``betweenness`` and
    ``closeness``, both normalised 0–1); every attribute a plain value, as GraphML and GEXF need."""
    import networkx as nx

    from .network.projection import project

    graph = project(kg, projection, lang)
    undirected = graph.to_undirected(as_view=True) if graph.is_directed() else graph
    betweenness = nx.betweenness_centrality(undirected, k=min(BETWEENNESS_SAMPLE, len(graph)) or None, seed=42)
    closeness = nx.closeness_centrality(undirected)
    for node, attrs in graph.nodes(data=True):
        attrs.update(degree=undirected.degree(node), betweenness=round(betweenness[node], 6),
                     closeness=round(closeness[node], 6))
        _plain(attrs)
    for _, _, attrs in graph.edges(data=True):
        _plain(attrs)
    graph.graph = {"projection": projection, "lang": lang}
    return graph


def _plain(attrs: dict[str, Any]) -> None:
    """Attribute values GraphML and GEXF can hold: lists joined with '; ', decimals as floats, no ``None``."""
    for key, value in list(attrs.items()):
        if value is None or value == [] or value == ():
            del attrs[key]
        elif isinstance(value, (list, tuple, set, frozenset)):
            attrs[key] = "; ".join(sorted(map(str, value)))
        elif isinstance(value, decimal.Decimal):
            attrs[key] = float(value)
        elif not isinstance(value, (str, int, float, bool)):
            attrs[key] = str(value)


def network_bytes(graph: nx.Graph, fmt: str) -> bytes:
    """A projection as GraphML or GEXF (node ids are the IRIs; ``label`` is the Gephi label)."""
    import networkx as nx

    buffer = io.BytesIO()
    if fmt == "graphml":
        nx.write_graphml(graph, buffer, named_key_ids=True)
    else:
        nx.write_gexf(graph, buffer)
    return buffer.getvalue()


def csv_tables(graph: nx.Graph) -> tuple[str, str]:
    """``nodes.csv`` (Id, Label, attributes) and ``edges.csv`` (Source, Target, Type, Weight, attributes) in
    Gephi's spreadsheet format; cells a spreadsheet would run as formulas are neutralised."""
    from .output import render

    node_keys = sorted({k for _, a in graph.nodes(data=True) for k in a} - {"label"})
    nodes = [[n, a.get("label", n), *(a.get(k) for k in node_keys)] for n, a in sorted(graph.nodes(data=True))]
    edge_keys = sorted({k for _, _, a in graph.edges(data=True) for k in a} - {"weight"})
    kind = "Directed" if graph.is_directed() else "Undirected"
    edges = [[s, t, kind, a.get("weight", 1), *(a.get(k) for k in edge_keys)]
             for s, t, a in sorted(graph.edges(data=True), key=lambda e: (e[0], e[1]))]
    return (
        render(["Id", "Label", *node_keys], nodes, "csv"),
        render(["Source", "Target", "Type", "Weight", *edge_keys], edges, "csv"),
    )
