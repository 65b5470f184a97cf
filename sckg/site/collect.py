"""The site's data, read from the graph in a few requests: every typed IRI of the data graphs is an
entity (whatever its class, so new classes get pages without code), with its statements, the
statements that point to it, its labels and descriptions in both languages and its kind (the class
that names its list)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import pyoxigraph as ox

from ..kg import KnowledgeGraph
from ..namespaces import CITY_FIELDS, DCTERMS, OWL, PROV, RDF, RDFS, SKOS, slug, tail
from ..network.projection import NODE_CLASSES
from ..words import CATALOGUE, t
from .paths import page_path

LANGS = ("de", "en")
TYPE = RDF + "type"
#: Classes that say little about what an entity is: used for its kind only when it has no other
#: class.
GENERIC_CLASSES = frozenset(
    {PROV + "Entity", PROV + "Activity", OWL + "Thing", RDFS + "Resource", SKOS + "Concept"}
)
#: The properties that describe an entity in words, best first.
DESCRIPTION_PROPERTIES = (DCTERMS + "description", SKOS + "definition", RDFS + "comment")


@dataclass
class Entity:
    """One page of the site."""

    iri: str
    path: str
    classes: list[str]
    kind: str
    #: (predicate, object) of its statements, sorted
    out: list[tuple[str, ox.NamedNode | ox.BlankNode | ox.Literal]] = field(default_factory=list)
    #: (subject, predicate) of the statements pointing to it, sorted
    inc: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class SiteData:
    """The entities, the labels of every IRI they mention, and the kinds with their names."""

    entities: dict[str, Entity]
    labels: dict[str, dict[str, str]]
    kinds: dict[str, dict[str, str]]
    blank: dict[ox.BlankNode, list[ox.Triple]]
    triples: int
    #: the city's fields of action (:data:`~sckg.namespaces.CITY_FIELDS`, as the briefing counts
    #: them): the other fields (the reference fields its own map to) have pages, but are not listed
    #: or counted as its fields
    city_fields: frozenset[str] = frozenset()

    def label(self, iri: str, lang: str) -> str:
        """The label of ``iri`` in ``lang`` (its tail when it has none)."""
        return self.labels[lang].get(iri) or tail(iri)

    def text(self, iri: str, props: tuple[str, ...], lang: str) -> str | None:
        """The first literal of ``iri`` under ``props`` in ``lang`` (else German, else any)."""
        entity = self.entities.get(iri)
        if entity is None:
            return None
        for prop in props:
            found = [o for p, o in entity.out if p == prop and isinstance(o, ox.Literal)]
            for wanted in (lang, "de", None):
                for literal in found:
                    if wanted is None or literal.language == wanted:
                        return literal.value
        return None

    def of_kind(self, kind: str) -> list[Entity]:
        """The entities listed as ``kind`` in the order of their German labels: for ``field`` the
        city's fields only (:attr:`city_fields`)."""
        found = [
            e
            for e in self.entities.values()
            if e.kind == kind and (kind != "field" or e.iri in self.city_fields)
        ]
        return sorted(found, key=lambda e: (self.label(e.iri, "de").casefold(), e.iri))


def kind_of(classes: list[str], scheme: str | None = None) -> str:
    """The key of an entity's list: the first of its classes in the projections' order (``project``,
    ``actor`` ...), else for a concept its scheme's name (``status``), else its most specific
    class's name in lower case (``interview``)."""
    for cls, key in NODE_CLASSES.items():
        if cls in classes:
            return key
    if scheme is not None and all(c in GENERIC_CLASSES for c in classes):
        return _scheme_key(scheme)
    specific = [c for c in classes if c not in GENERIC_CLASSES] or classes
    return slug(tail(sorted(specific)[0])) or "thing"


def collect(kg: KnowledgeGraph) -> SiteData:
    """Read the site's data from ``kg``'s data graphs, and the concepts they use from the
    vocabularies (fields of action, statuses, kinds: each gets a page listing what uses it)."""
    kg.require_data()
    triples = [x for x in kg.triples() if not isinstance(x.subject, ox.Triple)]
    triples += _concepts(kg, triples)
    triples = sorted(
        {x for x in triples if not isinstance(x.object, ox.Triple)},
        key=lambda x: (str(x.subject), str(x.predicate), str(x.object)),
    )
    types: dict[str, list[str]] = defaultdict(list)
    for x in triples:
        s, o = x.subject, x.object
        if (
            x.predicate.value == TYPE
            and isinstance(s, ox.NamedNode)
            and isinstance(o, ox.NamedNode)
        ):
            types[s.value].append(o.value)
    schemes = {
        x.subject.value: x.object.value
        for x in triples
        if x.predicate.value == SKOS + "inScheme"
        and isinstance(x.subject, ox.NamedNode)
        and isinstance(x.object, ox.NamedNode)
    }
    entities = {
        iri: Entity(iri, page_path(iri), sorted(classes), kind_of(classes, schemes.get(iri)))
        for iri, classes in sorted(types.items())
    }
    blank: dict[ox.BlankNode, list[ox.Triple]] = defaultdict(list)
    mentioned: set[str] = set()
    for x in triples:
        s, p, o = x.subject, x.predicate.value, x.object
        mentioned.add(p)
        if isinstance(s, ox.BlankNode):
            blank[s].append(x)
            continue
        if isinstance(s, ox.Triple) or isinstance(o, ox.Triple):
            continue  # RDF-star (left out above)
        if s.value in entities:
            entities[s.value].out.append((p, o))
        if isinstance(o, ox.NamedNode):
            mentioned.add(o.value)
            if p != TYPE and o.value in entities and s.value in entities:
                entities[o.value].inc.append((s.value, p))
    labels = {
        lang: _labels(kg, mentioned | set(entities) | set(schemes.values()), lang) for lang in LANGS
    }
    kinds: dict[str, dict[str, str]] = {}
    for entity in entities.values():
        if entity.kind not in kinds:
            scheme = schemes.get(entity.iri)
            kinds[entity.kind] = {
                lang: _kind_name(entity, labels[lang], lang, scheme) for lang in LANGS
            }
    fields = kg.select(f"SELECT ?field WHERE {{ {CITY_FIELDS} }}").bound_rows()
    city_fields = frozenset(row[0].value for row in fields if isinstance(row[0], ox.NamedNode))
    return SiteData(entities, labels, kinds, dict(blank), len(triples), city_fields)


def _concepts(kg: KnowledgeGraph, triples: list[ox.Triple]) -> list[ox.Triple]:
    """The statements of the SKOS concepts the data points to that the data does not describe
    itself."""
    described = {x.subject for x in triples}
    used = sorted(
        {
            x.object.value
            for x in triples
            if isinstance(x.object, ox.NamedNode)
            and x.predicate.value != TYPE
            and x.object not in described
            and "#" not in x.object.value
        }
    )
    found: list[ox.Triple] = []
    for start in range(0, len(used), 500):
        values = " ".join(f"<{iri}>" for iri in used[start : start + 500])
        found += kg.construct(
            f"CONSTRUCT {{ ?x ?p ?o }} WHERE {{ VALUES ?x {{ {values} }} ?x a skos:Concept ; ?p ?o "
            "FILTER(!isBlank(?o)) }"
        )
    return found


def _labels(kg: KnowledgeGraph, iris: set[str], lang: str) -> dict[str, str]:
    return kg.labels(sorted(iris), lang, fallback=False)


def _scheme_key(scheme: str) -> str:
    """``…/vocab/status/scheme`` → ``status``; ``…/scheme/goals`` → ``goals``."""
    parts = [p for p in scheme.rstrip("/#").replace("#", "/").split("/") if p]
    return slug(parts[-2] if parts[-1] == "scheme" and len(parts) > 1 else parts[-1]) or "concept"


def _kind_name(entity: Entity, labels: dict[str, str], lang: str, scheme: str | None) -> str:
    if entity.kind in set(NODE_CLASSES.values()):
        return t(f"class.{entity.kind}", lang)
    if scheme is not None and entity.kind == _scheme_key(scheme) and scheme in labels:
        return labels[scheme]
    if f"site.kind.{entity.kind}" in CATALOGUE:
        return t(f"site.kind.{entity.kind}", lang)
    specific = [c for c in entity.classes if c not in GENERIC_CLASSES] or entity.classes
    cls = sorted(specific)[0]
    return labels.get(cls) or tail(cls)
