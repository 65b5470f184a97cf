"""Named projections of the knowledge graph onto NetworkX graphs (design §5).

Each projection says which predicates become edges, in which direction and with which weight (see
:data:`PROJECTIONS`). The data is read with a handful of SPARQL SELECTs (never one per node), so a
projection works on any store, a remote endpoint included. ``rdf:type``, labels and schema terms
never become nodes.

Node attributes: ``iri``, ``label`` (in the chosen language), ``cls`` (a short class key, for actors
the slug of their kind, see :func:`class_key`), ``cls_label``, ``department`` and ``fields``;
projects also carry ``budget`` (EUR), ``start``, ``end`` (ISO dates) and ``status`` (the status
slug); papers, consultations and meetings ``start`` (their date, a meeting's start) and meetings
``end``, for a timeline in Gephi. Edge attributes: ``predicate`` (a short name like ``managedBy``)
and ``weight``. The graph attribute ``timings`` holds the seconds spent in SPARQL (``sparql``) and
in building the graph (``networkx``).
"""

from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, TypedDict, overload

import pyoxigraph as ox

from .. import words
from ..choices import ProjectionName
from ..errors import ParameterError
from ..kg import KnowledgeGraph
from ..namespaces import (
    ACTOR_CLASSES,
    ADMS,
    CITY_FIELDS,
    DCTERMS,
    FOAF,
    KIND,
    LABEL_PROPERTIES,
    LAW,
    OPARL,
    ORG,
    PARENT_PATH,
    SCHEMA,
    SCKG,
    SKOS,
    STATUS,
    VOCAB,
    sparql_values,
)
from ..results import Term
from ..typed import amount, day
from ..words import choice, error_message

if TYPE_CHECKING:
    import networkx as nx

#: Node classes, in order of precedence when an entity has several types: class IRI → class key.
NODE_CLASSES: dict[str, str] = {
    SCKG + "Project": "project",
    SCKG + "Programme": "programme",
    SCKG + "Vision": "vision",
    SCKG + "StrategicGoal": "goal",
    SCKG + "FieldOfAction": "field",
    SCKG + "Decision": "decision",
    OPARL + "Paper": "paper",
    OPARL + "Consultation": "consultation",
    OPARL + "Meeting": "meeting",
    SCKG + "BudgetLine": "budget",
    SCKG + "LegalRequirement": "requirement",
    SCKG + "BestPracticeExample": "example",
    FOAF + "Person": "person",
    **dict.fromkeys(ACTOR_CLASSES, "actor"),
}

#: The class keys (their labels are the words ``class.<key>`` of :mod:`sckg.words`); an actor's
#: ``cls`` is its kind's slug and its label the kind's prefLabel.
CLASS_KEYS = frozenset(NODE_CLASSES.values())

#: Organisation kinds that are a department of their own (outside the administration's unit tree).
OWN_DEPARTMENT_KINDS = frozenset(
    {"dezernat", "municipal-company", "contractor", "research-institution", "external-partner"}
)
#: Organisation kinds that belong to no department (bodies and the administration as a whole).
NO_DEPARTMENT_KINDS = frozenset(
    {"city-administration", "council", "committee", "steering-group", "coordination-body"}
)

_ACTOR_PREDICATES = ("managedBy", "hasParticipant", "contractor", "coordinatedBy")


@dataclass(frozen=True)
class Projection:
    """What a named projection turns into a graph."""

    name: str
    description: str
    nodes: str
    predicates: tuple[str, ...]
    direction: str
    weight: str
    directed: bool
    node_classes: tuple[str, ...] = field(default=())


#: Short predicate name → IRI, for every predicate some projection turns into edges.
PREDICATES: dict[str, str] = {
    "managedBy": SCKG + "managedBy",
    "hasParticipant": SCKG + "hasParticipant",
    "contractor": SCKG + "contractor",
    "coordinatedBy": SCKG + "coordinatedBy",
    "partnerOf": SCKG + "partnerOf",
    "ownedBy": SCKG + "ownedBy",
    "unitOf": ORG + "unitOf",
    "subOrganizationOf": ORG + "subOrganizationOf",
    "dependsOn": SCKG + "dependsOn",
    "contributesTo": SCKG + "contributesTo",
    "inFieldOfAction": SCKG + "inFieldOfAction",
    "partOfProgramme": SCKG + "partOfProgramme",
    "fundedBy": SCKG + "fundedBy",
    "heldBy": SCKG + "heldBy",
    "broader": SKOS + "broader",
    "decidedBy": SCKG + "decidedBy",
    "decision": SCKG + "decision",
    "originator": SCKG + "originator",
    "paper": SCKG + "paper",
    "committee": SCKG + "committee",
    "meeting": SCKG + "meeting",
    "subjectTo": SCKG + "subjectTo",
    "refersToExample": SCKG + "refersToExample",
    "signedBy": SCKG + "signedBy",
    "isPartOf": DCTERMS + "isPartOf",
    "subject": DCTERMS + "subject",
    "related": SKOS + "related",
}
#: Predicates only the strategy projection turns into edges (a goal's field of action).
STRATEGY_ONLY = ("related",)

#: Council records: an OParl import holds thousands; the entity projection keeps those the programme
#: refers to.
COUNCIL_CLASSES = ("paper", "consultation", "meeting")

PROJECTIONS: dict[str, Projection] = {
    "entity": Projection(
        "entity",
        "Every actor, project, programme, field, goal, vision, decision, budget line, legal "
        "requirement, best-practice example and person, linked by the domain properties; of the "
        "council records, the papers a decision records (sckg:decision), their consultations and "
        "meetings (with_papers: also every paper about a project or field, dcterms:subject).",
        "entities of the classes in NODE_CLASSES (MonetaryAmounts, phases, tasks and sources are "
        "left out; council papers, consultations and meetings only as described)",
        tuple(p for p in PREDICATES if p not in STRATEGY_ONLY),
        "subject → object of each statement (e.g. project → managing actor)",
        "number of statements linking the pair; 'predicate' is the first of them in the order "
        "listed",
        True,
        tuple(sorted(set(NODE_CLASSES.values()))),
    ),
    "actors": Projection(
        "actors",
        "Actor collaboration: two actors are linked when they work on the same project or "
        "programme (manage it, take part, are its contractor or coordinate it).",
        "every actor (organisation, unit, body), including actors without projects",
        _ACTOR_PREDICATES,
        "undirected (predicate 'sharesProject')",
        "number of projects and programmes the two actors share",
        False,
        ("actor",),
    ),
    "dependencies": Projection(
        "dependencies",
        "Project dependencies: an edge from a project to each project it depends on "
        "(sckg:dependsOn).",
        "every project",
        ("dependsOn",),
        "dependent project → the project it needs first (impact of X = the projects that reach X)",
        "1",
        True,
        ("project",),
    ),
    "coverage": Projection(
        "coverage",
        "Coverage: projects linked to the strategic goals they serve and the fields of action they "
        "belong to (goals and fields without edges are gaps).",
        "every project, strategic goal and field of action",
        ("contributesTo", "inFieldOfAction"),
        "project → goal / field",
        "1",
        True,
        ("project", "goal", "field"),
    ),
    "strategy": Projection(
        "strategy",
        "The strategy tree: the vision, the strategic goals below it, their fields of action "
        "(skos:related), "
        "the projects in each field and serving each goal, the decisions on the projects; the "
        "breaks are "
        "marked (node attribute 'break': a goal without a field, a field without a project, a "
        "project "
        "without a decision).",
        "every vision, strategic goal, field of action, project and decision",
        ("broader", "related", "inFieldOfAction", "contributesTo", "decision"),
        "goal → vision, goal → field, project → field / goal, decision → project",
        "1",
        True,
        ("vision", "goal", "field", "project", "decision"),
    ),
    "partners": Projection(
        "partners",
        "Named partners: an edge from a unit interviewed to each actor a statement of its "
        "interview is about "
        "(sckg:interviewed, sckg:about); who named whom as a partner.",
        "every actor that named another or was named (the others are left out: the map shows who "
        "spoke "
        "about whom)",
        (),
        "unit interviewed → the actor it named (predicate 'namedAsPartner'; 'kinds' lists the "
        "statements' "
        "kinds, e.g. 'dependency;need')",
        "number of statements of the unit's interviews about the actor",
        True,
        ("actor",),
    ),
}


@dataclass
class _Entity:
    """What the extraction learnt about one node."""

    types: set[str] = field(default_factory=set)
    kind: str | None = None


def base_key(types: set[str]) -> str | None:
    """The key of the first class in NODE_CLASSES an entity has (``actor`` for every
    organisation)."""
    return next((key for iri, key in NODE_CLASSES.items() if iri in types), None)


def class_key(types: set[str], kind: str | None) -> str:
    """The short class key of a node: its base key; for actors the slug of their kind
    (``dezernat``)."""
    key = base_key(types) or "actor"
    if key == "actor" and kind and kind.startswith(KIND):
        return kind[len(KIND) :]
    return key


@overload
def project(
    kg: KnowledgeGraph,
    name: Literal["entity", "dependencies", "coverage", "strategy", "partners"],
    *,
    lang: str = ...,
    details: bool = ...,
    with_papers: bool = ...,
) -> nx.DiGraph[str]: ...
@overload
def project(
    kg: KnowledgeGraph,
    name: str = ...,
    *,
    lang: str = ...,
    details: bool = ...,
    with_papers: bool = ...,
) -> nx.Graph[str]: ...
def project(
    kg: KnowledgeGraph,
    name: str = "entity",
    *,
    lang: str = "de",
    details: bool = True,
    with_papers: bool = False,
) -> nx.Graph[str]:
    """The named projection ``name`` (``entity``, ``actors``, ``dependencies``, ``coverage``,
    ``strategy`` or ``partners``) of ``kg``.

    ``details=False`` skips the projects' budget, dates and status (they stay None): one query less
    for analyses that do not need them. ``with_papers`` adds to the entity projection every council
    paper linked to a project or field of action (``dcterms:subject``, as ``sckg link papers``
    writes), with that link as edge.
    """
    import networkx as nx

    spec = PROJECTIONS[choice(name, ProjectionName, "projection", "choice.projection")]
    if with_papers and name != "entity":
        raise ParameterError(error_message("error.with_papers", name=name))
    started = time.perf_counter()
    data = _extract(kg, spec, lang, details, with_papers)
    extracted = time.perf_counter()

    graph: nx.Graph[str] = nx.DiGraph() if spec.directed else nx.Graph()
    for iri in sorted(data.nodes):
        graph.add_node(iri, **data.attributes(iri))
    if name == "actors":
        _add_collaboration(graph, data)
    elif name == "partners":
        _add_named_partners(kg, graph, data)
    else:
        order = {short: i for i, short in enumerate(spec.predicates)}
        for (s, o), predicates in sorted(data.edges.items()):
            if s in data.nodes and o in data.nodes:
                graph.add_edge(
                    s, o, predicate=min(predicates, key=order.__getitem__), weight=len(predicates)
                )
    _join_same(kg, graph)
    _drop_unused_reference_concepts(kg, graph)
    if name == "strategy":
        _mark_breaks(graph, lang)
    graph.graph.update(
        projection=name,
        lang=lang,
        timings={"sparql": extracted - started, "networkx": time.perf_counter() - extracted},
    )
    return graph


def _mark_breaks(graph: nx.Graph[str], lang: str) -> None:
    """The strategy tree's breaks as the node attribute ``break`` (a sentence): goals without a
    field of
    action, fields without a project, projects without a decision; decisions not about a project
    go."""
    import networkx as nx

    assert isinstance(graph, nx.DiGraph)  # the strategy projection is directed
    graph.remove_nodes_from(
        [
            n
            for n, cls in graph.nodes(data="cls")
            if cls == "decision"
            and not any(graph.nodes[m]["cls"] == "project" for m in graph.successors(n))
        ]
    )
    for node, attrs in graph.nodes(data=True):
        cls = attrs["cls"]
        linked = {graph.nodes[m]["cls"] for m in nx.all_neighbors(graph, node)}
        wanted = {"goal": "field", "field": "project", "project": "decision"}.get(cls)
        if wanted and wanted not in linked:
            attrs["break"] = words.t(f"strategy.break.{cls}", lang)


def _join_same(kg: KnowledgeGraph, graph: nx.Graph[str]) -> None:
    """Join the nodes a person accepted as one (``owl:sameAs``, as ``sckg link actors`` writes it:
    the inventory's actor first): the other's links go to the first, which keeps its own
    attributes."""
    import networkx as nx

    rows = kg.select(
        "SELECT ?a ?b WHERE { ?a owl:sameAs ?b FILTER(isIRI(?a) && isIRI(?b)) }"
    ).bound_rows()
    for first, other in sorted((a.value, b.value) for a, b in rows):
        if first in graph and other in graph and first != other:
            nx.contracted_nodes(graph, first, other, self_loops=False, copy=False)
            graph.nodes[first].pop("contraction", None)


def _drop_unused_reference_concepts(kg: KnowledgeGraph, graph: nx.Graph[str]) -> None:
    """Leave out the shared vocabulary's concepts (``field:…``) unless the data uses them, and the
    laws of the legal frame (``law:…``) no project is subject to.

    A reference field stays when it is one of the city's fields (:data:`CITY_FIELDS`: a project,
    measure or goal of the city uses it) or something else links to it (a council paper); the
    vocabulary's other fields are not the city's, so not a gap either. Another reference concept
    stays when linked, or when the data uses its vocabulary.
    """
    import networkx as nx

    if any(graph.nodes[n].get("cls") == "field" and n.startswith(VOCAB) for n in graph):
        rows = kg.select(f"SELECT ?field WHERE {{ {CITY_FIELDS} }}").bound_rows()
        city = {field.value for (field,) in rows}
        graph.remove_nodes_from(
            [
                n
                for n in list(graph)
                if graph.nodes[n].get("cls") == "field"
                and n.startswith(VOCAB)
                and n not in city
                and not graph.degree(n)
            ]
        )
    reference = [n for n in graph if n.startswith(VOCAB)]
    programme = [
        n for n in graph if graph.nodes[n].get("cls") not in COUNCIL_CLASSES
    ]  # papers do not count
    used = {
        graph.nodes[n]["cls"] for n in reference if set(nx.all_neighbors(graph, n)) & set(programme)
    }
    graph.remove_nodes_from(
        [n for n in reference if not graph.degree(n) and graph.nodes[n]["cls"] not in used]
    )
    graph.remove_nodes_from(  # the legal frame: only the laws a project is subject to
        [
            n
            for n in graph
            if n.startswith(LAW)
            and not any(graph.nodes[m]["cls"] == "project" for m in nx.all_neighbors(graph, n))
        ]
    )


class _ProjectInfo(TypedDict):
    """A project's status (its slug; the IRI outside the status scheme), start and end date as
    written, and total budget; each None when unknown."""

    status: str | None
    start: str | None
    end: str | None
    budget: float | None


class _Extraction:
    """The rows a projection needs, fetched with a fixed number of queries."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.entities: dict[str, _Entity] = defaultdict(_Entity)
        self.nodes: set[str] = set()
        self.labels: dict[str, tuple[int, str]] = {}
        self.kind_labels: dict[str, str] = {}
        self.parent: dict[str, str] = {}
        self.managers: dict[str, set[str]] = defaultdict(set)
        self.fields: dict[str, set[str]] = defaultdict(set)
        self.project_info: dict[str, _ProjectInfo] = {}
        self.record_dates: dict[str, dict[str, str]] = {}
        self.edges: dict[tuple[str, str], set[str]] = defaultdict(set)
        self.participants: dict[str, set[str]] = defaultdict(set)
        self._departments: dict[str, str | None] = {}

    def label(self, iri: str) -> str:
        return self.labels[iri][1]

    def attributes(self, iri: str) -> dict[str, Any]:
        entity = self.entities[iri]
        cls = class_key(entity.types, entity.kind)
        known = cls in CLASS_KEYS
        cls_label = (
            words.t(f"class.{cls}", self.lang)
            if known
            else self.kind_labels.get(entity.kind or "", cls)
        )
        attrs: dict[str, Any] = {
            "iri": iri,
            "label": self.label(iri),
            "cls": cls,
            "cls_label": cls_label,
            "department": self.department(iri),
            "fields": sorted(self.fields.get(iri, ())),
        }
        if cls == "project":
            info: _ProjectInfo | dict[str, None] = self.project_info.get(iri, {})
            attrs.update(
                budget=info.get("budget"),
                start=info.get("start"),
                end=info.get("end"),
                status=info.get("status"),
            )
        elif iri in self.record_dates:
            attrs.update(self.record_dates[iri])
        return attrs

    def department(self, iri: str) -> str | None:
        if iri not in self._departments:
            self._departments[iri] = self._find_department(iri)
        return self._departments[iri]

    def _find_department(self, iri: str) -> str | None:
        entity = self.entities.get(iri)
        if entity is None:
            return None
        if SCKG + "Project" in entity.types:
            found = sorted(d for d in map(self.department, self.managers.get(iri, ())) if d)
            return found[0] if found else None
        slug = entity.kind[len(KIND) :] if entity.kind and entity.kind.startswith(KIND) else None
        if slug in OWN_DEPARTMENT_KINDS:
            return iri
        if ORG + "OrganizationalUnit" in entity.types:
            top, seen, current = iri, {iri}, iri
            while current in self.parent:
                current = self.parent[current]
                if current in seen:
                    break
                seen.add(current)
                above = self.entities.get(current)
                if above is None or ORG + "OrganizationalUnit" not in above.types:
                    break
                if above.kind == KIND + "dezernat":
                    return current
                top = current
            return top
        if slug in NO_DEPARTMENT_KINDS or ORG + "FormalOrganization" not in entity.types:
            return None
        return iri


def _extract(
    kg: KnowledgeGraph, spec: Projection, lang: str, details: bool, with_papers: bool
) -> _Extraction:
    data = _Extraction(lang)
    # Actors, projects and programmes are always fetched: for departments and for shared work.
    always = {"actor", "project", "programme"}
    fetched = [
        iri for iri, key in NODE_CLASSES.items() if key in spec.node_classes or key in always
    ]
    for x, t, kind in kg.select(
        f"SELECT ?x ?t ?kind WHERE {{ VALUES ?t {{ {sparql_values(fetched)} }} ?x a ?t "
        "FILTER(isIRI(?x)) OPTIONAL { ?x org:classification ?kind } }"
    ).rows:
        assert x is not None and t is not None  # ?kind is optional, ?x and ?t are not
        entity = data.entities[x.value]
        entity.types.add(t.value)
        if isinstance(kind, ox.NamedNode) and (entity.kind is None or kind.value < entity.kind):
            entity.kind = kind.value
    data.nodes = {iri for iri, e in data.entities.items() if base_key(e.types) in spec.node_classes}
    if "paper" in spec.node_classes:
        data.nodes -= _council_records(kg, data, with_papers)

    # Labels in the chosen language in one query; the few nodes without one get the usual fallback
    # (German, English, any) from kg.labels. Oxigraph runs the patterns in the order written: with
    # projects among the nodes (most labelled entities) scanning the labels first is faster, for
    # actors alone the types first.
    wanted = [iri for iri, key in NODE_CLASSES.items() if key in spec.node_classes]
    types = f"VALUES ?t {{ {sparql_values(wanted)} }} ?x a ?t ."
    labels = (
        f"VALUES ?p {{ {sparql_values(LABEL_PROPERTIES)} }} ?x ?p ?l FILTER(LANG(?l) = "
        f"{ox.Literal(lang)})"
    )
    pattern = f"{labels} {types}" if "project" in spec.node_classes else f"{types} {labels}"
    rank_of: dict[Term, int] = {
        ox.NamedNode(iri): rank for rank, iri in enumerate(LABEL_PROPERTIES)
    }
    best = data.labels
    for x, prop, label in kg.select(f"SELECT ?x ?p ?l WHERE {{ {pattern} }}").bound_rows():
        iri, offer = x.value, (rank_of[prop], label.value)
        if iri not in best or offer < best[iri]:
            best[iri] = offer
    missing = [n for n in data.nodes if n not in data.labels]
    if missing:
        data.labels.update((iri, (0, text)) for iri, text in kg.labels(missing, lang).items())
    kinds = {e.kind for e in data.entities.values() if e.kind}
    data.kind_labels = kg.labels(kinds, lang) if kinds else {}
    parents = kg.select(
        f"SELECT ?u ?p WHERE {{ ?u {PARENT_PATH} ?p FILTER(isIRI(?u) && isIRI(?p)) }}"
    )
    for unit, parent in parents.bound_rows():
        if unit.value not in data.parent or parent.value < data.parent[unit.value]:
            data.parent[unit.value] = parent.value

    edge_predicates = set(spec.predicates) if spec.name != "actors" else set()
    names = set(spec.predicates) | {"managedBy", "inFieldOfAction"}
    rows = kg.select(
        "SELECT ?s ?p ?o WHERE { VALUES ?p { "
        f"{sparql_values(PREDICATES[n] for n in sorted(names))} }} ?s ?p ?o }}"
    ).bound_rows()
    short: dict[Term, str] = {ox.NamedNode(iri): name for name, iri in PREDICATES.items()}
    iri_type, edges, managers, fields = ox.NamedNode, data.edges, data.managers, data.fields
    collaboration = spec.name == "actors"
    for s, p, o in rows:  # the hot loop of a large projection: locals only
        if type(o) is not iri_type or type(s) is not iri_type:
            continue
        name, subject, target = short[p], s.value, o.value
        if name == "managedBy":
            managers[subject].add(target)
        elif name == "inFieldOfAction":
            fields[subject].add(target)
        if name in edge_predicates:
            edges[(subject, target)].add(name)
        elif collaboration and name in _ACTOR_PREDICATES and _is_work(data, subject):
            data.participants[subject].add(target)
    if with_papers:
        _paper_fields(kg, data)
    if "project" in spec.node_classes and details:
        _project_info(kg, data)
    if "paper" in spec.node_classes and details:
        _record_dates(kg, data)
    return data


def _council_records(kg: KnowledgeGraph, data: _Extraction, with_papers: bool) -> set[str]:
    """The papers, consultations and meetings the entity projection leaves out: all but the papers
    something outside the council records refers to (a decision, a dataset, a source link) and,
    ``with_papers``, those about a project or field, plus the consultations of the papers kept and
    their meetings."""
    records = (
        "VALUES ?record { oparl:Paper oparl:Consultation oparl:Meeting oparl:AgendaItem "
        "oparl:File }"
    )
    linked = f"?x ?link ?paper FILTER NOT EXISTS {{ {records} ?x a ?record }}"
    if with_papers:
        about = "?paper dcterms:subject ?x . ?x a ?t VALUES ?t { sckg:Project sckg:FieldOfAction }"
        linked = f"{{ {linked} }} UNION {{ {about} }}"
    consultations = (
        "OPTIONAL { ?c a oparl:Consultation ; sckg:paper ?paper OPTIONAL { ?c sckg:meeting ?m } }"
    )
    query = (
        f"SELECT DISTINCT ?paper ?c ?m WHERE {{ ?paper a oparl:Paper . {linked} {consultations} }}"
    )
    kept: set[str] = set()
    for row in kg.select(query).records():
        kept.update(row[key] for key in ("paper", "c", "m") if row.get(key) is not None)
    council = {iri for iri in data.nodes if base_key(data.entities[iri].types) in COUNCIL_CLASSES}
    return council - kept


def _paper_fields(kg: KnowledgeGraph, data: _Extraction) -> None:
    """The fields of action of each paper about a field (that field) or a project (the project's
    fields)."""
    rows = kg.select(
        "SELECT ?paper ?x WHERE { ?paper a oparl:Paper ; dcterms:subject ?x }"
    ).bound_rows()
    for paper, subject in rows:
        if SCKG + "FieldOfAction" in data.entities[subject.value].types:
            data.fields[paper.value].add(subject.value)
        else:
            data.fields[paper.value].update(data.fields.get(subject.value, ()))


def _is_work(data: _Extraction, iri: str) -> bool:
    return iri in data.entities and base_key(data.entities[iri].types) in ("project", "programme")


def _project_info(kg: KnowledgeGraph, data: _Extraction) -> None:
    """Status, dates and budget of the projects, without aggregates (plain rows are faster on
    Oxigraph)."""
    first: dict[str, dict[str, str]] = {ADMS + "status": {}, SCHEMA + "startDate": {}}
    last: dict[str, str] = {}
    for node, prop, value in kg.select(
        "SELECT ?p ?prop ?v WHERE { VALUES ?prop { adms:status schema:startDate schema:endDate } "
        "?p ?prop ?v }"
    ).bound_rows():
        iri, text, kind = node.value, value.value, prop.value
        if (
            kind != ADMS + "status" and day(value) is None
        ):  # an ill-typed date is left out (sckg.typed)
            continue
        if kind in first:  # the smallest status IRI and start date, the largest end date
            if iri not in first[kind] or text < first[kind][iri]:
                first[kind][iri] = text
        elif iri not in last or text > last[iri]:
            last[iri] = text
    amounts: dict[str, dict[str, Any]] = defaultdict(dict)
    budgets = kg.select("SELECT ?p ?a ?v WHERE { ?p sckg:hasBudget ?a . ?a schema:value ?v }")
    for node, budget_node, value in budgets.bound_rows():
        amounts[node.value][budget_node.value] = amount(value)
    status_of, start_of = first[ADMS + "status"], first[SCHEMA + "startDate"]
    for p, entity in data.entities.items():
        if SCKG + "Project" not in entity.types:
            continue
        status = status_of.get(p)
        budget = None
        if (
            p in amounts and None not in amounts[p].values()
        ):  # a value that is no number leaves it unknown
            budget = float(sum(amounts[p].values()))
        data.project_info[p] = {
            "status": status[len(STATUS) :] if status and status.startswith(STATUS) else status,
            "start": start_of.get(p),
            "end": last.get(p),
            "budget": budget,
        }


def _record_dates(kg: KnowledgeGraph, data: _Extraction) -> None:
    """``start`` (and ``end``) of the council records among the nodes, as ISO dates: a paper's or
    consultation's ``dcterms:date``, a meeting's start and end."""
    records = {n for n in data.nodes if base_key(data.entities[n].types) in COUNCIL_CLASSES}
    if not records:
        return
    keys = {DCTERMS + "date": "start", SCHEMA + "startDate": "start", SCHEMA + "endDate": "end"}
    for x, prop, value in kg.select(
        "SELECT ?x ?prop ?v WHERE { VALUES ?prop { dcterms:date schema:startDate schema:endDate } "
        "?x ?prop ?v VALUES ?t { oparl:Paper oparl:Consultation oparl:Meeting } ?x a ?t }"
    ).rows:
        if (
            isinstance(x, ox.NamedNode)
            and isinstance(prop, ox.NamedNode)
            and isinstance(value, ox.Literal)
            and x.value in records
            and day(value) is not None
        ):  # an ill-typed date is left out
            dates = data.record_dates.setdefault(x.value, {})
            key, text = keys[prop.value], value.value[:10]
            if key not in dates or (text < dates[key] if key == "start" else text > dates[key]):
                dates[key] = text


def _add_collaboration(graph: nx.Graph[str], data: _Extraction) -> None:
    shared: dict[tuple[str, str], int] = defaultdict(int)
    for _project, actors in sorted(data.participants.items()):
        members = sorted(a for a in actors if a in data.nodes)
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                shared[(a, b)] += 1
    for (a, b), count in sorted(shared.items()):
        graph.add_edge(a, b, predicate="sharesProject", weight=count)


def _add_named_partners(kg: KnowledgeGraph, graph: nx.Graph[str], data: _Extraction) -> None:
    """Unit interviewed → actor a statement of its interview is about, weighted by the
    statements."""
    rows = kg.select(
        "SELECT DISTINCT ?unit ?actor ?s ?kind WHERE { ?s a sckg:Statement ; sckg:about ?actor ; "
        "sckg:documentedIn ?record . ?record prov:wasGeneratedBy ?i . ?i a sckg:Interview ; "
        "sckg:interviewed ?unit OPTIONAL { ?s sckg:classifiedAs ?kind } }"
    ).rows
    found: dict[tuple[str, str], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for unit, actor, statement, kind in rows:
        assert unit is not None and actor is not None and statement is not None  # not optional
        if unit.value != actor.value and {unit.value, actor.value} <= data.nodes:
            kind_slug = kind.value.rsplit("/", 1)[-1] if kind is not None else ""
            found[(unit.value, actor.value)][statement.value].add(kind_slug)
    for (named_by, named), statements in sorted(found.items()):
        kinds = sorted({k for ks in statements.values() for k in ks if k})
        graph.add_edge(
            named_by,
            named,
            predicate="namedAsPartner",
            weight=len(statements),
            kinds=";".join(kinds),
        )
    graph.remove_nodes_from([n for n in list(graph) if not graph.degree(n)])
