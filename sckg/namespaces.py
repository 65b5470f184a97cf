"""All namespaces sckg uses, as plain strings (no rdflib import needed), the properties and classes
sckg gives a meaning of its own (labels, sources, actors), and the helpers that write IRIs as
text."""

import re
from collections.abc import Iterable

SCKG = "https://w3id.org/sckg/ontology#"
SHAPES = "https://w3id.org/sckg/shapes#"
VOCAB = "https://w3id.org/sckg/vocab/"
FIELD = VOCAB + "field/"
KIND = VOCAB + "kind/"
STATUS = VOCAB + "status/"
PHASE = VOCAB + "phase/"
LAW = VOCAB + "law/"
OUTPUT = VOCAB + "output/"
ROLE = VOCAB + "role/"
STATEMENT = VOCAB + "statement/"
FORMAT = VOCAB + "format/"
ID = "https://w3id.org/sckg/id/"
MODEL_GRAPH = "https://w3id.org/sckg/graph/model"
#: The city's fields of action, as a group pattern binding ``?field`` (its variables inside): the
#: fields its data declares (a ``sckg:FieldOfAction`` in a data graph) and the reference fields
#: (``ontology/vocab/fields.ttl``) its data uses: something is in it (``sckg:inFieldOfAction``) or a
#: strategic goal is related to it. The vocabulary's other reference fields are not the city's.
CITY_FIELDS = (
    "{ SELECT DISTINCT ?field WHERE { "
    f"{{ GRAPH ?inData {{ ?field a sckg:FieldOfAction }} FILTER(?inData != <{MODEL_GRAPH}>) }} "
    "UNION { ?inField sckg:inFieldOfAction ?field } "
    "UNION { ?field a sckg:FieldOfAction { ?goal skos:related ?field } UNION "
    "{ ?field skos:related ?goal } ?goal a sckg:StrategicGoal } } }"
)

OPARL = "https://schema.oparl.org/1.1/"
ORG = "http://www.w3.org/ns/org#"
PROV = "http://www.w3.org/ns/prov#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCTERMS = "http://purl.org/dc/terms/"
SCHEMA = "https://schema.org/"
ADMS = "http://www.w3.org/ns/adms#"
FOAF = "http://xmlns.com/foaf/0.1/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SH = "http://www.w3.org/ns/shacl#"
GEO = "http://www.opengis.net/ont/geosparql#"
VOID = "http://rdfs.org/ns/void#"

#: The properties from a resource to the documents its facts come from: ``sckg:documentedIn`` for
#: every kind of resource, ``prov:wasDerivedFrom``/``prov:hadPrimarySource`` between entities
#: (docs/model.md, "Sources").
SOURCE_PROPERTIES = (SCKG + "documentedIn", PROV + "wasDerivedFrom", PROV + "hadPrimarySource")
#: SPARQL path from an organisation to the one it is part of: ``org:unitOf`` (only to an
#: org:FormalOrganization) or ``org:subOrganizationOf`` (a unit inside a unit, a committee of a
#: body) (docs/model.md, "Units").
PARENT_PATH = "org:unitOf|org:subOrganizationOf"

#: The properties a label is taken from, best first (within one language).
LABEL_PROPERTIES: tuple[str, ...] = (
    SKOS + "prefLabel",
    RDFS + "label",
    DCTERMS + "title",
    FOAF + "name",
)
#: Further names an entity may be found by (not shown as its label).
ALIAS_PROPERTIES: tuple[str, ...] = (SKOS + "altLabel",)
#: The classes of actors: every kind of organisation sckg draws as an actor.
ACTOR_CLASSES: tuple[str, ...] = (
    ORG + "Organization",
    ORG + "FormalOrganization",
    ORG + "OrganizationalUnit",
    OPARL + "Body",
    OPARL + "Organization",
)

#: Prefixes known to every query (and used to shorten IRIs in tables).
PREFIXES: dict[str, str] = {
    "sckg": SCKG,
    "shapes": SHAPES,
    "field": FIELD,
    "kind": KIND,
    "status": STATUS,
    "phase": PHASE,
    "law": LAW,
    "output": OUTPUT,
    "role": ROLE,
    "statement": STATEMENT,
    "format": FORMAT,
    "oparl": OPARL,
    "org": ORG,
    "prov": PROV,
    "skos": SKOS,
    "dcterms": DCTERMS,
    "schema": SCHEMA,
    "adms": ADMS,
    "foaf": FOAF,
    "rdf": RDF,
    "rdfs": RDFS,
    "owl": OWL,
    "xsd": XSD,
    "sh": SH,
}


def sparql_prologue() -> str:
    """``PREFIX`` lines for every known prefix, to put in front of a query."""
    return "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in PREFIXES.items())


def turtle_prefixes(**extra: str) -> str:
    """``@prefix`` lines for every known prefix and the ``extra`` ones, to put in front of
    Turtle."""
    return "".join(f"@prefix {name}: <{iri}> .\n" for name, iri in {**PREFIXES, **extra}.items())


def shorten(iri: str) -> str:
    """``https://w3id.org/sckg/ontology#Project`` → ``sckg:Project``; city IRIs →
    ``<city>:<path>``."""
    if iri.startswith(ID):
        return iri[len(ID) :].replace("/", ":", 1)
    for name, ns in PREFIXES.items():
        if iri.startswith(ns) and "/" not in iri[len(ns) :]:
            return f"{name}:{iri[len(ns) :]}"
    return iri


_ABSOLUTE_IRI = re.compile(r"[a-z][a-z0-9+.-]*://\S+", re.IGNORECASE)
_CITY_IRI = re.compile(r"([a-z0-9][a-z0-9-]*):([^\s/:]+/\S+)")


def as_iri(spec: str) -> str | None:
    """The IRI ``spec`` writes out (full, ``<full>``, prefixed or ``city:path``), or ``None`` for a
    name."""
    value = spec.strip()
    if value.startswith("<") and value.endswith(">"):
        value = value[1:-1].strip()
    if _ABSOLUTE_IRI.fullmatch(value):
        return value
    prefix, sep, local = value.partition(":")
    if sep and prefix in PREFIXES and " " not in value:
        return PREFIXES[prefix] + local
    city = _CITY_IRI.fullmatch(value)
    if city:
        return f"{ID}{city.group(1)}/{city.group(2)}"
    return None


def city_of(iri: str) -> str | None:
    """The city an IRI of a city's data belongs to: ``…/id/ulm/actor/stadt-ulm`` → ``ulm`` (the
    ``city`` of the import that made it); None for an IRI outside the cities' IRIs."""
    if not iri.startswith(ID):
        return None
    return iri[len(ID) :].split("/", 1)[0] or None


def tail(iri: str) -> str:
    """The last segment of an IRI: ``…/project/wlan`` → ``wlan``, ``…/ontology#Project`` →
    ``Project``."""
    return re.split(r"[/#]", iri.rstrip("/#"))[-1] or iri


def slug(text: str) -> str:
    """``"Inventar 2024.xlsx"`` → ``"inventar-2024-xlsx"``: lower-case letters and digits, other
    runs become ``-`` (empty when ``text`` has neither)."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def sparql_values(iris: Iterable[str]) -> str:
    """IRIs as the body of a SPARQL ``VALUES`` block: ``<a> <b>``."""
    return " ".join(f"<{iri}>" for iri in iris)
