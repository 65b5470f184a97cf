"""Exports for other tools: RDF (Turtle, N-Triples, JSON-LD with the sckg context), network
projections for Gephi (GraphML, GEXF, CSV of nodes and edges) and the inventory spreadsheet (xlsx,
see :mod:`.export_xlsx`).

Everything is read through SPARQL (``kg.construct`` and the projections), so exports work on every
store.
"""

from __future__ import annotations

import decimal
import io
import json
import re
import warnings
from functools import cache
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from . import resources
from .choices import ExportFormat
from .errors import DataWarning
from .namespaces import PREFIXES, RDF, XSD
from .words import choice, error_message

if TYPE_CHECKING:
    import networkx as nx

    from .kg import KnowledgeGraph


#: Metrics added to every node of an exported projection (computed on the undirected view).
METRICS = ("degree", "betweenness", "closeness")


def export_graph(
    kg: KnowledgeGraph,
    fmt: str,
    *,
    projection: str = "entity",
    lang: str = "de",
    city: str | None = None,
    with_papers: bool = False,
    formula_guard: bool = True,
    csv_dialect: str = "standard",
) -> dict[str, bytes]:
    """The export in format ``fmt`` as file name → content (``csv`` gives ``nodes.csv`` and
    ``edges.csv``; ``formula_guard`` and ``csv_dialect`` as for :func:`sckg.output.render_csv`);
    ``with_papers`` adds the council papers linked to projects and fields to the entity network."""
    choice(fmt, ExportFormat, "fmt", "choice.export_format")
    if fmt in ("ttl", "nt", "jsonld"):
        return {f"graph.{fmt}": rdf_bytes(kg, fmt)}
    if fmt in ("graphml", "gexf", "csv"):
        graph = network(kg, projection, lang, with_papers=with_papers)
        if fmt == "csv":
            nodes, edges = csv_tables(graph, formula_guard=formula_guard, csv_dialect=csv_dialect)
            return {"nodes.csv": nodes.encode("utf-8"), "edges.csv": edges.encode("utf-8")}
        return {f"graph.{fmt}": network_bytes(graph, fmt)}
    from .export_xlsx import workbook

    return {"inventory.xlsx": workbook(kg, lang, city)}


# --- RDF ------------------------------------------------------------------------------------------


def canonical(triples: list[ox.Triple]) -> list[ox.Triple]:
    """The triples sorted, with blank nodes renamed ``b0``, ``b1``, ... in the order they are first
    linked from an IRI, so the same graph is always written the same way."""

    def bnode_free(t: ox.Triple) -> tuple[str, ...]:
        return tuple(
            "" if isinstance(x, ox.BlankNode) else str(x)
            for x in (t.subject, t.predicate, t.object)
        )

    unique = set(triples)
    if not any(
        isinstance(t.subject, ox.BlankNode) or isinstance(t.object, ox.BlankNode) for t in unique
    ):
        return sorted(unique, key=_order)  # nothing to rename (a council import has no blank node)
    ordered = sorted(unique, key=lambda t: (isinstance(t.subject, ox.BlankNode), bnode_free(t)))
    names: dict[object, ox.BlankNode] = {}
    for t in ordered:
        for term in (t.subject, t.object):
            if isinstance(term, ox.BlankNode) and term not in names:
                names[term] = ox.BlankNode(f"b{len(names)}")
    renamed = {
        ox.Triple(names.get(t.subject, t.subject), t.predicate, names.get(t.object, t.object))
        for t in ordered
    }
    return sorted(renamed, key=_order)


def _order(t: ox.Triple) -> tuple[str, str, str]:
    return (str(t.subject), str(t.predicate), str(t.object))


def rdf_bytes(kg: KnowledgeGraph, fmt: str) -> bytes:
    """The data graphs (not the ontology) as sorted Turtle, N-Triples or JSON-LD."""
    text = kg.data_ntriples()
    if b"_:" not in text:  # no blank node to rename: the lines sorted are the canonical order
        lines = sorted(set(text.splitlines()))
        if fmt == "nt":
            return b"".join(line + b"\n" for line in lines)
        parsed = ox.parse(b"\n".join(lines), format=ox.RdfFormat.N_TRIPLES)
        triples = [quad.triple for quad in parsed]
    else:
        triples = canonical(kg.triples())
    if fmt == "ttl":
        return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES) or b""
    if fmt == "nt":
        return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
    return _jsonld(triples)


@cache
def jsonld_context() -> dict[str, Any]:
    """The published sckg JSON-LD context (``ontology/context.jsonld``): prefixes and short
    terms."""
    path = resources.ontology_dir() / "context.jsonld"
    context: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))["@context"]
    return context


def jsonld_bytes(triples: list[ox.Triple], indent: int | None = 2) -> bytes:
    """Triples as compact JSON-LD with the sckg context embedded (readable offline, same terms as
    the file); ``indent=None`` writes it on one line (faster, for many small files)."""
    return _jsonld(canonical(triples), indent)


def _jsonld(ordered: list[ox.Triple], indent: int | None = 2) -> bytes:
    """:func:`jsonld_bytes` of triples already :func:`canonical`."""
    document = {"@context": jsonld_context(), "@graph": _compactor().nodes(ordered)}
    return json.dumps(document, indent=indent, ensure_ascii=False).encode("utf-8") + b"\n"


@cache
def _compactor() -> _JsonLd:
    return _JsonLd(jsonld_context())


class _JsonLd:
    """Compacts triples with the sckg context: short terms where the context defines them (IRIs for
    ``@id`` terms, language maps, typed values), compact IRIs (``sckg:Project``) or full IRIs
    elsewhere."""

    def __init__(self, context: dict[str, Any]) -> None:
        self.prefixes = sorted(
            ((v, k) for k, v in context.items() if isinstance(v, str) and "://" in v),
            key=lambda p: -len(p[0]),
        )
        assert all(ns.endswith(("/", "#")) for ns, _ in self.prefixes)  # what compact relies on
        self.namespace_of: dict[str, tuple[str, str] | None] = {}
        self.terms: dict[str, tuple[str, dict[str, Any]]] = {}
        for name, definition in context.items():
            if (
                isinstance(definition, str)
                and "://" not in definition
                and not definition.startswith("@")
            ):
                definition = {"@id": definition}
            if isinstance(definition, dict):
                self.terms[self.expand(definition["@id"])] = (name, definition)

    def expand(self, compact: str) -> str:
        prefix, _, local = compact.partition(":")
        return next((ns + local for ns, name in self.prefixes if name == prefix), compact)

    def compact(self, iri: str) -> str:
        """The IRI with its longest namespace as a prefix (``sckg:Project``), else whole. Each
        namespace of the context ends in ``/`` or ``#``, so it is one of the IRI's folder (up to its
        last ``/`` or ``#`` before the end), whose namespace is looked up once."""
        end = len(iri) - 1  # a namespace is shorter than the IRI
        folder = iri[: max(iri.rfind("/", 0, end), iri.rfind("#", 0, end)) + 1]
        if folder not in self.namespace_of:
            self.namespace_of[folder] = next(
                ((ns, name) for ns, name in self.prefixes if folder.startswith(ns)), None
            )
        found = self.namespace_of[folder]
        return f"{found[1]}:{iri[len(found[0]) :]}" if found else iri

    def ref(self, term: ox.NamedNode | ox.BlankNode) -> str:
        return f"_:{term.value}" if isinstance(term, ox.BlankNode) else self.compact(term.value)

    def value(self, term: ox.NamedNode | ox.BlankNode | ox.Literal) -> Any:
        if not isinstance(term, ox.Literal):
            return {"@id": self.ref(term)}
        if term.language:
            return {"@value": term.value, "@language": term.language}
        datatype = term.datatype.value
        if datatype == XSD + "string":
            return term.value
        if datatype == XSD + "boolean" and term.value in ("true", "false"):
            return term.value == "true"
        if datatype == XSD + "integer" and term.value.lstrip("-").isdigit():
            return int(term.value)
        return {"@value": term.value, "@type": self.compact(datatype)}

    def entry(
        self, predicate: str, term: ox.NamedNode | ox.BlankNode | ox.Literal
    ) -> tuple[str, Any, str | None]:
        """(key, value, language of a language map or None) of one statement."""
        name, definition = self.terms.get(predicate, (None, {}))
        kind = definition.get("@type")
        if name and kind == "@id" and not isinstance(term, ox.Literal):
            return name, self.ref(term), None
        if (
            name
            and definition.get("@container") == "@language"
            and isinstance(term, ox.Literal)
            and term.language
        ):
            return name, term.value, term.language
        if (
            name
            and kind
            and kind != "@id"
            and isinstance(term, ox.Literal)
            and not term.language
            and term.datatype.value == self.expand(kind)
        ):
            return name, term.value, None
        if name and not kind and "@container" not in definition:
            return name, self.value(term), None
        return self.compact(predicate), self.value(term), None

    def nodes(self, triples: list[ox.Triple]) -> list[dict[str, Any]]:
        nodes: dict[str, dict[str, Any]] = {}
        for t in triples:
            subject, obj = t.subject, t.object
            assert not isinstance(subject, ox.Triple) and not isinstance(
                obj, ox.Triple
            )  # no RDF-star in sckg data
            node = nodes.setdefault(self.ref(subject), {"id": self.ref(subject)})
            if t.predicate.value == RDF + "type" and not isinstance(obj, ox.Literal):
                node.setdefault("type", []).append(self.ref(obj))
                continue
            key, value, language = self.entry(t.predicate.value, obj)
            if language:
                node.setdefault(key, {}).setdefault(language, []).append(value)
            else:
                node.setdefault(key, []).append(value)
        for node in nodes.values():
            for key, value in node.items():
                if isinstance(value, dict):
                    node[key] = {lang: v[0] if len(v) == 1 else v for lang, v in value.items()}
                elif isinstance(value, list) and len(value) == 1:
                    node[key] = value[0]
        first = ("id", "type")
        return [
            {
                **{k: nodes[key][k] for k in first if k in nodes[key]},
                **{k: v for k, v in sorted(nodes[key].items()) if k not in first},
            }
            for key in sorted(nodes)
        ]


# --- networks -------------------------------------------------------------------------------------


def network(
    kg: KnowledgeGraph, projection: str, lang: str, *, with_papers: bool = False
) -> nx.Graph[str]:
    """A named projection with metrics as node attributes (undirected view: ``degree``,
    ``betweenness`` and ``closeness``, both normalised 0–1); every attribute a plain value, as
    GraphML and GEXF need. Projects and council records carry ``start`` and ``end`` (ISO dates):
    Gephi's timeline."""
    from .network.common import with_next_step
    from .network.metrics import auto_sample, betweenness_scores, closeness_all
    from .network.projection import project

    graph = project(kg, projection, lang=lang, with_papers=with_papers)
    if not graph.number_of_nodes():  # council papers alone: an empty file, and a note saying why
        name = error_message(f"projection.{projection}")
        why = with_next_step(kg, error_message("empty.no_network", projection=name), projection)
        warnings.warn(DataWarning(why.in_lang(lang)), stacklevel=2)
    _add_labels_and_dates(kg, graph, lang)
    undirected = graph.to_undirected(as_view=True) if graph.is_directed() else graph
    betweenness = betweenness_scores(
        undirected, auto_sample(len(undirected), undirected.number_of_edges())
    )
    closeness = {node: value for node, (value, _, _) in closeness_all(undirected).items()}
    for node, attrs in graph.nodes(data=True):
        attrs.update(
            degree=undirected.degree(node),
            betweenness=round(betweenness[node], 6),
            closeness=round(closeness[node], 6),
        )
        _plain(attrs)
    for _, _, attrs in graph.edges(data=True):
        _plain(attrs)
    graph.graph = {"projection": projection, "lang": lang}
    return graph


def _add_labels_and_dates(kg: KnowledgeGraph, graph: nx.Graph[str], lang: str) -> None:
    """Give each node the labels of its department and fields (``department_label``,
    ``fields_label``) beside their IRIs."""
    wanted = {a["department"] for _, a in graph.nodes(data=True) if a.get("department")}
    wanted |= {f for _, a in graph.nodes(data=True) for f in a.get("fields") or ()}
    labels = kg.labels(sorted(map(str, wanted)), lang)
    for _, attrs in graph.nodes(data=True):
        if attrs.get("department"):
            attrs["department_label"] = labels[str(attrs["department"])]
        if attrs.get("fields"):
            attrs["fields_label"] = sorted(labels[str(f)] for f in attrs["fields"])


def _plain(attrs: dict[str, Any]) -> None:
    """Attribute values GraphML and GEXF can hold: lists joined with '; ', decimals as floats, no
    ``None``."""
    for key, value in list(attrs.items()):
        if value is None or value == [] or value == ():
            del attrs[key]
        elif isinstance(value, (list, tuple, set, frozenset)):
            attrs[key] = "; ".join(sorted(map(str, value)))
        elif isinstance(value, decimal.Decimal):
            attrs[key] = float(value)
        elif not isinstance(value, (str, int, float, bool)):
            attrs[key] = str(value)


def network_bytes(graph: nx.Graph[str], fmt: str) -> bytes:
    """A projection as GraphML or GEXF (node ids are the IRIs; ``label`` is the Gephi label). GEXF
    turns the ``start`` and ``end`` attributes into the node's lifetime (Gephi's timeline) and drops
    them as attributes, so they are also written as ``start_date`` and ``end_date``; its nodes have
    the maps' colours and positions, and the file no build date. Characters XML 1.0 forbids become
    U+FFFD, with a :class:`~sckg.errors.DataWarning` naming the entities."""
    import networkx as nx

    from .output import XmlCleaner

    cleaner = XmlCleaner("GraphML" if fmt == "graphml" else "GEXF")
    graph = graph.copy()
    for node, attrs in graph.nodes(data=True):
        attrs.update({key: cleaner.clean(value, node) for key, value in attrs.items()})
    for source, _, attrs in graph.edges(data=True):
        attrs.update({key: cleaner.clean(value, source) for key, value in attrs.items()})
    cleaner.warn()
    buffer = io.BytesIO()
    if fmt == "graphml":
        nx.write_graphml(graph, buffer, named_key_ids=True)
    else:
        _add_gephi_looks(graph)
        for _, attrs in graph.nodes(data=True):
            attrs.update({f"{key}_date": attrs[key] for key in ("start", "end") if key in attrs})
        nx.write_gexf(graph, buffer)
    return re.sub(
        rb' lastmodifieddate="[^"]*"', b"", buffer.getvalue(), count=1
    )  # the same file every day


def _add_gephi_looks(graph: nx.Graph[str]) -> None:
    """Each node's colour (by class, as on the maps) and position (the maps' seeded layout) for
    Gephi."""
    from .viz.layout import compute_layout
    from .viz.style import style

    for node, (x, y) in compute_layout(graph).items():
        color = style(graph.nodes[node].get("cls", "")).color.lstrip("#")
        red, green, blue = (int(color[i : i + 2], 16) for i in (0, 2, 4))
        graph.nodes[node]["viz"] = {
            "color": {"r": red, "g": green, "b": blue, "a": 1.0},
            "position": {"x": round(x * 1000, 2), "y": round(y * 1000, 2), "z": 0.0},
        }


def csv_tables(
    graph: nx.Graph[str], *, formula_guard: bool = True, csv_dialect: str = "standard"
) -> tuple[str, str]:
    """``nodes.csv`` (Id, Label, attributes) and ``edges.csv`` (Source, Target, Type, Weight,
    attributes) in Gephi's spreadsheet format; with ``formula_guard``, cells a spreadsheet would run
    as formulas are neutralised (Gephi itself wants ``formula_guard=False``)."""
    from .output import render_csv

    node_keys = sorted({k for _, a in graph.nodes(data=True) for k in a} - {"label"})
    nodes = [
        [n, a.get("label", n), *(a.get(k) for k in node_keys)]
        for n, a in sorted(graph.nodes.items())
    ]
    edge_keys = sorted({k for _, _, a in graph.edges(data=True) for k in a} - {"weight"})
    kind = "Directed" if graph.is_directed() else "Undirected"
    edges = [
        [s, t, kind, a.get("weight", 1), *(a.get(k) for k in edge_keys)]
        for s, t, a in sorted(graph.edges(data=True), key=lambda e: (e[0], e[1]))
    ]
    return (
        render_csv(
            ["Id", "Label", *node_keys], nodes, formula_guard=formula_guard, csv_dialect=csv_dialect
        ),
        render_csv(
            ["Source", "Target", "Type", "Weight", *edge_keys],
            edges,
            formula_guard=formula_guard,
            csv_dialect=csv_dialect,
        ),
    )
