"""Statistics of a graph: entities per class, statements per property, and the sources it derives
from."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from .kg import KnowledgeGraph
from .namespaces import MODEL_GRAPH, shorten
from .results import Term
from .shacl_sparql import ill_typed
from .sources import Source, data_info

_DATA = f"GRAPH ?g {{ %s }} FILTER(?g != <{MODEL_GRAPH}>)"


@dataclass(frozen=True)
class Count:
    """How many entities a class has, or how many statements use a property."""

    iri: str
    name: str
    label: str
    count: int


@dataclass
class Statistics:
    """Counts per class and per property, triples, and sources (see :mod:`sckg.sources`)."""

    triples: int
    classes: list[Count]
    properties: list[Count]
    sources: list[Source]
    ill_typed: list[IllTyped]


@dataclass(frozen=True)
class IllTyped:
    """A literal whose lexical form is not one of its datatype (``"bad-decimal"^^xsd:decimal``)."""

    subject: str
    property: str
    value: str
    datatype: str


def statistics(kg: KnowledgeGraph, *, lang: str = "de") -> Statistics:
    """Count the data (not the ontology) per class and property, list its sources and its ill-typed
    literals."""
    classes = kg.select(
        "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { " + _DATA % "?s a ?c" + " } GROUP BY ?c"
    ).bound_rows()
    # per property and datatype, in one scan: the ill-typed check then reads only the properties
    # that hold literals of a datatype it checks
    typed = kg.select(
        "SELECT ?p ?t (COUNT(*) AS ?n) WHERE { "
        + _DATA % "?s ?p ?o"
        + " BIND(datatype(?o) AS ?t) } GROUP BY ?p ?t"
    ).rows
    per_property: Counter[Term] = Counter()
    pairs = set()
    for p, datatype, n in typed:
        assert p is not None and n is not None
        per_property[p] += int(n.value)
        if datatype is not None:
            pairs.add((p.value, datatype.value))
    properties = list(per_property.items())
    labels = kg.labels([r[0].value for r in classes] + [p.value for p in per_property], lang)

    def counts(rows: list[tuple[Term, int]]) -> list[Count]:
        items = [Count(r[0].value, shorten(r[0].value), labels[r[0].value], r[1]) for r in rows]
        return sorted(items, key=lambda c: (-c.count, c.name))

    return Statistics(
        triples=sum(per_property.values()),  # every statement has one property: one scan less
        classes=counts([(c, int(n.value)) for c, n in classes]),
        properties=counts(properties),
        sources=data_info(kg, lang).sources,
        ill_typed=[
            IllTyped(s.value, shorten(p.value), o.value, shorten(o.datatype.value))
            for s, p, o in ill_typed(kg, among=pairs)
        ],
    )


STATS_COLUMNS = ("section", "name", "label", "count", "date", "iri")


def stats_table(result: Statistics) -> tuple[tuple[str, ...], list[list[Any]]]:
    """The statistics as one table (for CSV): a row for the triples, then one per class, property,
    source and ill-typed literal (its property as name, the literal as label, the subject as
    IRI)."""
    rows: list[list[Any]] = [["triples", "", "", result.triples, "", ""]]
    for section, counts in (("class", result.classes), ("property", result.properties)):
        rows += [[section, c.name, c.label, c.count, "", c.iri] for c in counts]
    rows += [["source", "", s.label, s.entities, s.date or "", s.iri] for s in result.sources]
    rows += [
        ["ill-typed", i.property, f'"{i.value}"^^{i.datatype}', "", "", i.subject]
        for i in result.ill_typed
    ]
    return STATS_COLUMNS, rows
