"""Comparing cities: coverage by reference field and SDG goal, what others do, structure, best
practice.

Each city is its own graph (one ``--data`` each) whose ``sckg:Dataset`` names the city with
``dcterms:coverage`` (the city's ``oparl:Body``) and says whether it is fictional
(``sckg:fictional``); a fictional city's name carries "(fiktiv)" wherever it is shown. Cities are
compared through the frames, never by their own words: a project counts in a reference field
(``ontology/vocab/fields.ttl``) when its field of action is that field or maps to it
(``skos:exactMatch``, ``closeMatch``, ``broadMatch``), and in an SDG goal when it, or a goal it
contributes to, maps to the goal or one of its targets.

Best practice: for each project of one city, the most similar projects and measures of the others.
Evidence are the word parts both titles share, found by the one word matcher (:mod:`sckg.wordmatch`:
the same word in another inflection, a word that is a part of a compound at a part boundary, a
compound part both share), each weighing by how rare it is among all titles (a part in few titles
says more than "digital"), the concepts of :mod:`sckg.concepts` both titles name, the same reference
field and the same SDG targets; a candidate needs two of these kinds of evidence. Proposals go
through the review file of :mod:`sckg.link`; an accepted pair becomes ``<project>
sckg:refersToExample <example>``, the example a ``sckg:BestPracticeExample`` that names the other
city (``dcterms:coverage``) and the project it stands for (``dcterms:source``); a rejected pair
``<project> sckg:rejectedExample <other project>``. Neither is proposed again."""

from __future__ import annotations

import hashlib
import math
import warnings
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from .choices import ReviewDecision
from .concepts import concepts_in, thesaurus
from .errors import DataError, DataWarning, Message, ParameterError
from .formatting import number
from .ingest import write_turtle
from .link import read_decisions
from .namespaces import CITY_FIELDS, DCTERMS, FIELD, ID, PROV, RDF, RDFS, SCKG, city_of
from .wordmatch import MIN_PART, Keyword, Token, part_of, same_word, stem, tokens
from .words import error_message, t

if TYPE_CHECKING:
    from .kg import KnowledgeGraph

SDG = "http://metadata.un.org/sdg/"
#: The least score a best-practice candidate needs: chosen by leave-one-project-out
#: cross-validation on the tune half of the labelled pairs (``bench/compare.py --cv``), the middle
#: of the thresholds with the best F0.5 (0.73-0.77).
THRESHOLD = 0.75
#: The kinds of evidence (shared words, shared concepts, the same reference field, shared SDG
#: targets) a candidate needs at least: one kind alone is too often a coincidence.
MIN_KINDS = 2
#: Candidates per project, at most.
TOP = 2
#: What the words' score counts: the words also name the concepts, which count whole.
WORD_FACTOR = 0.5
#: What the same reference field and each shared SDG target add to the words' score.
FIELD_POINTS = 0.1
TARGET_POINTS = 0.2
#: What the cosine of two projects' concepts (:mod:`sckg.concepts`) adds, at most.
CONCEPT_FACTOR = 1.0
#: A concept found in the description weighs this much of one in the title; the description is
#: read only when the title names no concept (a title names what a project is).
DESCRIPTION_FACTOR = 0.5
#: Words that say nothing about what a project does (articles, prepositions, conjunctions).
FUNCTION_WORDS = frozenset(
    (
        "der",
        "die",
        "das",
        "des",
        "dem",
        "den",
        "ein",
        "eine",
        "einer",
        "eines",
        "einem",
        "einen",
        "und",
        "oder",
        "fur",
        "von",
        "vom",
        "mit",
        "im",
        "in",
        "zu",
        "zur",
        "zum",
        "an",
        "am",
        "auf",
        "aus",
        "bei",
        "nach",
        "uber",
        "unter",
        "durch",
        "als",
        "sowie",
        "inkl",
        "alle",
        "allen",
        "innen",
    )
)
#: A shared word part that starts like this is a derivational ending, not a word (Digitalisierung,
#: Automatisierung).
_SUFFIXES = (
    "ung",
    "ier",
    "isier",
    "ation",
    "tion",
    "itat",
    "heit",
    "keit",
    "schaft",
    "lich",
    "isch",
    "ismus",
)
MIN_SHARED = 6  #: the least letters of a compound part two words share
#: A shared end that starts with a vowel is mostly inside a syllable (Leit|stelle, Bere|itstellung):
#: no part.
_VOWELS = frozenset("aeiouy")
#: A compound part two words share counts this much of a whole word (Parkleitsystem,
#: Stadtleitsystem).
PARTIAL_FACTOR = 0.5
PARTIAL = "-"  # marks a shared compound part

MATCH = "skos:exactMatch|skos:closeMatch|skos:broadMatch"
DATASET_QUERY = """SELECT ?dataset ?city ?fictional ?graph WHERE {
  ?dataset a sckg:Dataset . OPTIONAL { ?dataset dcterms:coverage ?city }
  OPTIONAL { ?dataset sckg:fictional ?fictional }
  OPTIONAL { GRAPH ?graph { ?dataset a sckg:Dataset } }
}"""
PROJECTS_QUERY = """SELECT ?p ?managed ?budget ?decided ?deps WHERE {
  ?p a sckg:Project .
  BIND(EXISTS { ?p sckg:managedBy ?m } AS ?managed)
  BIND(EXISTS { ?p sckg:hasBudget ?b } AS ?budget)
  BIND(EXISTS { { ?d sckg:decision ?p } UNION { ?paper a oparl:Paper ; dcterms:subject ?p } }
       AS ?decided)
  { SELECT ?p (COUNT(DISTINCT ?q) AS ?deps) WHERE {
      ?p a sckg:Project OPTIONAL { ?p sckg:dependsOn ?q } }
    GROUP BY ?p }
}"""
FIELDS_QUERY = f"""SELECT ?p ?field ?ref WHERE {{
  ?p a sckg:Project ; sckg:inFieldOfAction ?field .
  OPTIONAL {{ {{ ?field skos:inScheme <{FIELD}scheme> . BIND(?field AS ?ref) }}
             UNION {{ ?field {MATCH} ?ref . ?ref skos:inScheme <{FIELD}scheme> }} }}
}}"""
SDG_QUERY = f"""SELECT DISTINCT ?p ?sdg WHERE {{
  ?p a sckg:Project .
  {{ ?p {MATCH} ?sdg }} UNION {{ ?p sckg:contributesTo/({MATCH}) ?sdg }}
  FILTER(STRSTARTS(STR(?sdg), "{SDG}"))
}}"""
COUNTS_QUERY = f"""SELECT (COUNT(DISTINCT ?field) AS ?fields) (COUNT(DISTINCT ?g) AS ?goals)
WHERE {{
  {CITY_FIELDS} UNION {{ ?g a sckg:StrategicGoal }}
}}"""
DESCRIPTION_QUERY = """SELECT DISTINCT ?p ?d WHERE {
  ?p a sckg:Project ; dcterms:description ?d FILTER(LANG(?d) IN ("de", ""))
}"""
REJECTED_TARGETS = "SELECT ?p ?t WHERE { ?p sckg:rejectedTarget ?t }"
#: A strategic goal, the field of action it is related to (``skos:related``) with that field's
#: reference field, and the SDG goals and targets it maps to.
GOALS_QUERY = f"""SELECT ?g ?field ?ref ?sdg WHERE {{
  ?g a sckg:StrategicGoal .
  OPTIONAL {{ ?g skos:related ?field . ?field a sckg:FieldOfAction
    OPTIONAL {{ {{ ?field skos:inScheme <{FIELD}scheme> . BIND(?field AS ?ref) }}
               UNION {{ ?field {MATCH} ?ref . ?ref skos:inScheme <{FIELD}scheme> }} }} }}
  OPTIONAL {{ ?g {MATCH} ?sdg FILTER(STRSTARTS(STR(?sdg), "{SDG}")) }}
}}"""
DECIDED_QUERY = """SELECT ?p ?q WHERE {
  { ?p sckg:refersToExample/dcterms:source ?q } UNION { ?p sckg:rejectedExample ?q } }"""


@dataclass(frozen=True)
class City:
    """A city as its dataset names it."""

    iri: str
    label: str
    fictional: bool
    dataset: str
    german: str = ""  # its German name: its words are left out of the titles' words

    def name(self, lang: str = "de") -> str:
        """The city's name, "(fiktiv)" after it when it is fictional."""
        return t("compare.fictional", lang, name=self.label) if self.fictional else self.label

    def german_name(self) -> str:
        """The city's German name (its name in any other language where it has none), "(fiktiv)"
        after it when it is fictional: the name in a best-practice example's German label."""
        name = self.german or self.label
        return t("compare.fictional", "de", name=name) if self.fictional else name


@dataclass(frozen=True)
class Item:
    """A project or measure of a city with what the comparison needs of it."""

    iri: str
    title: str
    fields: frozenset[str]  # reference fields
    sdgs: frozenset[str]  # SDG goals and targets it maps to
    own_field: bool
    managed: bool
    budget: bool
    decided: bool
    dependencies: int
    description: str = ""  # in German: the concepts it is about are read from it too
    own_fields: frozenset[str] = frozenset()  # its fields of action, the city's own or reference

    @property
    def goals(self) -> frozenset[str]:
        """The SDG goals: those it maps to and those of its targets."""
        return frozenset(sdg_goal(s) for s in self.sdgs)


@dataclass(frozen=True)
class CityData:
    """One city's items, its counts of fields and goals, and the pairs decided in review."""

    city: City
    items: tuple[Item, ...]
    fields: int
    goals: int
    decided: frozenset[tuple[str, str]]
    rejected_targets: frozenset[tuple[str, str]] = frozenset()  # (project or goal, SDG target)
    strategic_goals: tuple[Item, ...] = ()  # the SDG targets proposer reads them as items too


def sdg_goal(iri: str) -> str:
    """The goal of an SDG goal or target IRI (``…/sdg/11.2`` → ``…/sdg/11``)."""
    return SDG + iri[len(SDG) :].split(".")[0]


def load_city(kg: KnowledgeGraph, source: str = "", lang: str = "de") -> CityData:
    """The city of the graph ``kg`` (its name in ``lang``) and its projects with their German titles
    (the word matcher reads German); ``source`` names the data in messages."""
    city = _city(kg, source, lang)
    fields: dict[str, set[str]] = defaultdict(set)
    own: dict[str, set[str]] = defaultdict(set)
    for p, field, ref in kg.select(FIELDS_QUERY).rows:
        assert p is not None and field is not None
        own[p.value].add(field.value)
        if ref is not None:
            fields[p.value].add(ref.value)
    descriptions: dict[str, list[str]] = defaultdict(list)
    for p, text in kg.select(DESCRIPTION_QUERY).bound_rows():
        descriptions[p.value].append(text.value)
    sdgs: dict[str, set[str]] = defaultdict(set)
    for p, sdg in kg.select(SDG_QUERY).bound_rows():
        sdgs[p.value].add(sdg.value)
    rows = kg.select(PROJECTS_QUERY).rows
    # German titles: the matcher reads German
    titles = kg.labels({r[0].value for r in rows if r[0] is not None}, "de")
    items = sorted(
        (
            Item(
                p.value,
                titles[p.value],
                frozenset(fields[p.value]),
                frozenset(sdgs[p.value]),
                p.value in own,
                _true(managed),
                _true(budget),
                _true(decided),
                int(deps.value) if deps else 0,
                " ".join(sorted(descriptions[p.value])),
                frozenset(own.get(p.value, ())),
            )
            for p, managed, budget, decided, deps in rows
            if p is not None
        ),
        key=lambda i: (i.title.casefold(), i.iri),
    )
    counts = kg.select(COUNTS_QUERY).rows[0]
    decided_pairs = frozenset((p.value, q.value) for p, q in kg.select(DECIDED_QUERY).bound_rows())
    return CityData(
        city,
        tuple(items),
        int(counts[0].value) if counts[0] else 0,
        int(counts[1].value) if counts[1] else 0,
        decided_pairs,
        frozenset((p.value, q.value) for p, q in kg.select(REJECTED_TARGETS).bound_rows()),
        _goals(kg),
    )


def named_city(kg: KnowledgeGraph, source: str = "", lang: str = "de") -> City | None:
    """The one city the datasets of ``kg`` name (as :func:`load_city` finds it), or ``None`` when
    they name none or several."""
    try:
        return _city(kg, source, lang)
    except DataError:
        return None


def _city(kg: KnowledgeGraph, source: str, lang: str) -> City:
    """The one city the datasets of ``kg`` name (``dcterms:coverage``; a dataset that names none
    counts only when none does, as a city of its own). IRIs of one city's data (one ``city`` of the
    imports, :func:`sckg.namespaces.city_of`) are that city: the inventory's administration and
    the council import's body; the first of them by IRI stands for it."""
    from .kg import graph_iri

    datasets = kg.select(DATASET_QUERY).rows
    if not datasets:
        where = f"{source}: " if source else ""
        raise DataError(error_message("error.no_dataset", where=where))
    named = [row for row in datasets if row[1] is not None] or datasets
    cities: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    files = {graph_iri(path): str(path) for path in kg.files}
    for dataset, coverage, _, graph in named:
        assert dataset is not None
        iri = (coverage or dataset).value
        holder = cities[city_of(iri) or iri][iri]
        holder.update([files.get(graph.value, graph.value)] if graph is not None else [])
    if len(cities) > 1:
        raise DataError(_several_cities(cities, source))
    (found,) = cities.values()
    iri = min(found)
    dataset = next(r[0] for r in named if r[0] is not None and (r[1] or r[0]).value == iri)
    return City(
        iri,
        kg.labels([iri], lang)[iri],
        any(r[2] is not None and r[2].value == "true" for r in datasets),
        dataset.value,
        kg.labels([iri], "de")[iri],
    )


def _several_cities(cities: dict[str, dict[str, set[str]]], source: str) -> Message:
    """The error for data that holds several cities: each city with the files of its datasets."""
    named = []
    for iris in sorted(cities.values(), key=min):
        iri = min(iris)
        where = sorted({f for files in iris.values() for f in files})
        named.append(
            error_message("compare.city_in", iri=iri, files=", ".join(where)) if where else iri
        )
    return error_message(
        "error.several_cities",
        n=len(cities),
        where=source or error_message("compare.same_data"),
        cities=", ".join(str(n) for n in named),
    )


def _goals(kg: KnowledgeGraph) -> tuple[Item, ...]:
    """The city's strategic goals as items: the German name, the definition as description, the
    field of action it is related to and its reference field, its SDGs."""
    related: dict[str, set[str]] = defaultdict(set)
    references: dict[str, set[str]] = defaultdict(set)
    sdgs: dict[str, set[str]] = defaultdict(set)
    for goal, field, ref, sdg in kg.select(GOALS_QUERY).rows:
        assert goal is not None
        related[goal.value].update([field.value] if field is not None else [])
        references[goal.value].update([ref.value] if ref is not None else [])
        sdgs[goal.value].update([sdg.value] if sdg is not None else [])
    names = kg.labels(related, "de")
    definitions = kg.select(
        "SELECT ?g ?d WHERE { ?g a sckg:StrategicGoal ; skos:definition ?d "
        'FILTER(LANG(?d) IN ("de", "")) }'
    ).bound_rows()
    described: dict[str, list[str]] = defaultdict(list)
    for goal, text in definitions:
        described[goal.value].append(text.value)
    return tuple(
        sorted(
            (
                Item(
                    iri,
                    names[iri],
                    frozenset(references[iri]),
                    frozenset(sdgs[iri]),
                    bool(related[iri]),
                    False,
                    False,
                    False,
                    0,
                    " ".join(sorted(described[iri])),
                    frozenset(related[iri]),
                )
                for iri in related
            ),
            key=lambda i: (i.title.casefold(), i.iri),
        )
    )


def _true(term: Any) -> bool:
    return term is not None and term.value == "true"


# --- the frames ---


@dataclass(frozen=True)
class Comparison:
    """The cities compared, with the labels of the frames' concepts (reference fields, SDG goals) in
    order."""

    cities: tuple[CityData, ...]
    field_labels: dict[str, str]
    goal_labels: dict[str, str]
    lang: str

    def city(self, name: str) -> CityData:
        """The city named ``name``: its IRI, its label or a word of it ("Ulm" for "Stadt Ulm"),
        case-insensitive."""
        wanted = name.casefold().strip()
        exact = [
            c
            for c in self.cities
            if wanted
            in {c.city.iri.casefold(), c.city.label.casefold(), c.city.name(self.lang).casefold()}
        ]
        found = exact or [c for c in self.cities if wanted in c.city.label.casefold().split()]
        if len(found) == 1:
            return found[0]
        known = ", ".join(c.city.label for c in self.cities)
        raise ParameterError(
            error_message(
                "error.city_several" if found else "error.city_none", name=name, known=known
            )
        )

    @cached_property
    def words(self) -> _Words:
        """The significant words of every title of every city, and their rarity."""
        items = [item for data in self.cities for item in data.items]
        return _Words(items, [data.city.german for data in self.cities])

    @cached_property
    def concepts(self) -> _Concepts:
        """The Smart City concepts of every title and description, and their rarity."""
        return _Concepts([item for data in self.cities for item in data.items])


def compare(
    graphs: Sequence[KnowledgeGraph], sources: Sequence[str] = (), lang: str = "de"
) -> Comparison:
    """The cities of ``graphs`` (one city each; ``sources`` name them in messages) side by side."""
    if len(graphs) < 2:
        raise ParameterError(error_message("error.two_cities"))
    names = list(sources) + [""] * (len(graphs) - len(sources))
    cities = tuple(load_city(kg, source, lang) for kg, source in zip(graphs, names, strict=True))
    seen: dict[str, str] = {}
    for data, source in zip(cities, names, strict=True):
        if data.city.iri in seen:
            raise DataError(
                error_message(
                    "error.same_city",
                    source=source or data.city.label,
                    seen=seen[data.city.iri],
                    label=data.city.label,
                )
            )
        seen[data.city.iri] = source or data.city.label
        if not data.items:  # council data alone: every count is 0, and nothing says why
            warnings.warn(
                DataWarning(t("compare.no_items", lang, city=data.city.name(lang))), stacklevel=2
            )
    from . import resources
    from .kg import KnowledgeGraph

    # the frames, in a graph of their own (not a city's)
    first = KnowledgeGraph.open([resources.reference_vocabulary("sdg")])
    fields = first.select(
        f"SELECT ?f WHERE {{ ?f skos:inScheme <{FIELD}scheme> ; a sckg:FieldOfAction }}"
    ).rows
    field_iris = sorted(f.value for (f,) in fields if f is not None)
    goals = first.select(f"SELECT ?g WHERE {{ ?g skos:topConceptOf <{SDG[:-1]}> }}").rows
    goal_iris = sorted(
        (g.value for (g,) in goals if g is not None), key=lambda g: int(g[len(SDG) :])
    )
    field_labels = first.labels(field_iris, lang)
    goal_labels = {
        g: f"SDG {g[len(SDG) :]} {label}" for g, label in first.labels(goal_iris, lang).items()
    }
    return Comparison(
        cities,
        dict(sorted(field_labels.items(), key=lambda kv: kv[1].casefold())),
        {g: goal_labels[g] for g in goal_iris},
        lang,
    )


COVERAGE_COLUMNS = ("city", "concept", "projects", "share")


def coverage(comparison: Comparison, frame: str = "field") -> list[list[Any]]:
    """City × reference field (``frame="field"``) or × SDG goal (``"sdg"``): the projects in it and
    their share of the city's projects (a project in two fields counts in both), zero where the city
    has none."""
    labels = _frame(comparison, frame)
    rows = []
    for data in comparison.cities:
        counts = _counts(data, frame)
        total = len(data.items)
        for concept, label in labels.items():
            n = counts[concept]
            rows.append(
                [data.city.name(comparison.lang), label, n, round(n / total, 3) if total else 0.0]
            )
    return rows


def coverage_matrix(
    comparison: Comparison, frame: str = "field"
) -> tuple[list[str], list[str], dict[tuple[str, str], int]]:
    """Rows (the frame's concepts), columns (the cities) and counts, for the heat-map."""
    labels = _frame(comparison, frame)
    cities = [data.city.name(comparison.lang) for data in comparison.cities]
    cells = {
        (labels[c], name): n
        for data, name in zip(comparison.cities, cities, strict=True)
        for c, n in _counts(data, frame).items()
        if c in labels
    }
    return list(labels.values()), cities, cells


def _frame(comparison: Comparison, frame: str) -> dict[str, str]:
    if frame == "field":
        return comparison.field_labels
    if frame == "sdg":
        return comparison.goal_labels
    raise ParameterError(error_message("error.frame", frame=frame))


def _counts(data: CityData, frame: str) -> Counter[str]:
    return Counter(
        c for item in data.items for c in (item.fields if frame == "field" else item.goals)
    )


GAP_COLUMNS = ("frame", "concept", "others")


def gaps(comparison: Comparison, city: str) -> list[list[Any]]:
    """Reference fields and SDG goals where other cities have projects and ``city`` has none, with
    the others' counts. SDG goals only when ``city`` maps any project to an SDG (else its gaps would
    be all)."""
    ours = comparison.city(city)
    others = [c for c in comparison.cities if c is not ours]
    rows = []
    frames = ["field"] + (["sdg"] if any(item.sdgs for item in ours.items) else [])
    for frame in frames:
        mine = _counts(ours, frame)
        theirs = [(c, _counts(c, frame)) for c in others]
        for concept, label in _frame(comparison, frame).items():
            acting = [
                f"{c.city.name(comparison.lang)} {n[concept]}" for c, n in theirs if n[concept]
            ]
            if acting and not mine[concept]:
                rows.append(
                    [t(f"compare.frame.{frame}", comparison.lang), label, ", ".join(acting)]
                )
    unmapped = [item for item in ours.items if item.own_field and not item.fields]
    if unmapped:  # a gap may be a mapping not made yet
        warnings.warn(
            DataWarning(
                t(
                    "compare.unmapped",
                    comparison.lang,
                    count=len(unmapped),
                    total=len(ours.items),
                    city=ours.city.name(comparison.lang),
                    fields=len({f for item in unmapped for f in item.own_fields}),
                )
            ),
            stacklevel=2,
        )
    return rows


#: The measures of :func:`structure`, each a count, a share of the programme (per cent) or a
#: ratio.
STRUCTURE_KINDS = {
    "fields": "count",
    "goals": "count",
    "projects": "count",
    "projects_per_field": "ratio",
    "with_field": "share",
    "with_reference_field": "share",
    "with_sdg": "share",
    "managed": "share",
    "budget": "share",
    "decided": "share",
    "dependencies": "ratio",
}


def structure_values(comparison: Comparison) -> list[tuple[str, list[float | None]]]:
    """The programmes side by side as numbers: per measure (its key in :data:`STRUCTURE_KINDS`)
    one value per city, a share in per cent; None where it is undefined (no projects, no
    fields). ``projects_per_field`` counts the projects that have a field of action (the count of
    ``with_field``) over the city's fields (``fields``)."""

    def share(data: CityData, test: Any) -> float | None:
        n = len(data.items)
        return 100 * sum(map(test, data.items)) / n if n else None

    def ratio(a: float, b: int) -> float | None:
        return a / b if b else None

    measures: dict[str, Any] = {
        "fields": lambda d: d.fields,
        "goals": lambda d: d.goals,
        "projects": lambda d: len(d.items),
        # the projects that have a field (of the city or a reference field) per field of the city:
        # a project without a field is in none
        "projects_per_field": lambda d: ratio(sum(i.own_field for i in d.items), d.fields),
        "with_field": lambda d: share(d, lambda i: i.own_field),
        "with_reference_field": lambda d: share(d, lambda i: bool(i.fields)),
        "with_sdg": lambda d: share(d, lambda i: bool(i.sdgs)),
        "managed": lambda d: share(d, lambda i: i.managed),
        "budget": lambda d: share(d, lambda i: i.budget),
        "decided": lambda d: share(d, lambda i: i.decided),
        "dependencies": lambda d: ratio(sum(i.dependencies for i in d.items), len(d.items)),
    }
    return [(key, [get(c) for c in comparison.cities]) for key, get in measures.items()]


def structure(comparison: Comparison) -> tuple[list[str], list[list[Any]]]:
    """The programmes side by side for people: columns (measure, then one per city) and a row per
    measure, its name and values written in the comparison's language (``40 %``, ``0,6``)."""
    lang = comparison.lang
    columns = [t("compare.measure", lang)] + [c.city.name(lang) for c in comparison.cities]

    def written(kind: str, value: float | None) -> Any:
        if value is None:
            return "–"
        if kind == "share":
            return f"{number(value, lang, 0)} %"
        return number(value, lang, 1) if kind == "ratio" else value

    return columns, [
        [t(f"compare.structure.{key}", lang)] + [written(STRUCTURE_KINDS[key], v) for v in values]
        for key, values in structure_values(comparison)
    ]


# --- best practice ---


@dataclass(frozen=True)
class Shared:
    """A word part two titles share: as written in each and the points it gives."""

    ours: str
    theirs: str
    points: float


@dataclass(frozen=True)
class SharedConcept:
    """A concept of the thesaurus two projects are about: the words that name it in each and the
    points it gives."""

    concept: str
    ours: str
    theirs: str
    points: float


@dataclass(frozen=True)
class Candidate:
    """A project or measure of another city proposed as best practice for one of ours."""

    project: Item
    example: Item
    city: City
    score: float
    words: tuple[Shared, ...]
    same_fields: tuple[str, ...]
    same_targets: tuple[str, ...]
    concepts: tuple[SharedConcept, ...] = ()

    def evidence(self, comparison: Comparison) -> str:
        """The evidence as one line: ``„Mobilstationen“ ~ „Mobilitätsstationen“ +0,6; …``."""
        lang = comparison.lang
        parts = [
            t(
                "compare.evidence_word",
                lang,
                ours=w.ours,
                theirs=w.theirs,
                points=number(w.points, lang, 1),
            )
            for w in self.words
        ]
        labels = {c.iri: c.label(lang) for c in thesaurus()}
        parts += [
            t(
                "compare.evidence_concept",
                lang,
                concept=labels[c.concept],
                ours=c.ours,
                theirs=c.theirs,
                points=number(c.points, lang, 1),
            )
            for c in self.concepts
        ]
        parts += [
            t(
                "compare.evidence_field",
                lang,
                field=comparison.field_labels.get(f, f),
                points=number(FIELD_POINTS, lang, 2),
            )
            for f in self.same_fields
        ]
        parts += [
            t(
                "compare.evidence_target",
                lang,
                target=target[len(SDG) :],
                points=number(TARGET_POINTS, lang, 1),
            )
            for target in self.same_targets
        ]
        return "; ".join(parts)


class _Words:
    """The significant words of every title (not function words, not the cities' names), tokenised
    once, and how rare each word part is among the titles."""

    def __init__(self, items: Sequence[Item], names: Sequence[str]) -> None:
        stop = [tok for name in names for tok in tokens(name) if len(tok.word) > 2]
        self.tokens = {
            item.iri: [
                tok
                for tok in tokens(item.title)
                if _significant(tok) and not any(same_word(s.word, s.stem, tok) for s in stop)
            ]
            for item in items
        }
        self.count = len(items)
        self._titles: dict[Token, set[str]] = defaultdict(
            set
        )  # each distinct word: the titles holding it
        for iri, found in self.tokens.items():
            for tok in found:
                self._titles[Token(0, 0, tok.word, tok.stem, tok.text)].add(iri)
        self._rarity: dict[str, float] = {}
        self._weight: dict[str, float] = {}

    def rarity(self, word: str) -> float:
        """How much a word part says: log(1 + titles / titles holding it)."""
        if word not in self._rarity:
            key = Keyword.of(word)
            clue = key.clue
            holding = set().union(
                *(
                    iris
                    for tok, iris in self._titles.items()
                    if clue in tok.word and key.find([tok])
                )
            )
            self._rarity[word] = math.log(1 + self.count / max(len(holding), 1))
        return self._rarity[word]

    def weight(self, iri: str) -> float:
        """The rarity of all significant words of a title."""
        if iri not in self._weight:
            self._weight[iri] = sum(self.rarity(tok.word) for tok in self.tokens[iri])
        return self._weight[iri]


class _Concepts:
    """The concepts of every item (:mod:`sckg.concepts`), from its title or, weighing
    ``DESCRIPTION_FACTOR``, from its description when the title names none; and how rare each
    concept is among the items."""

    def __init__(self, items: Sequence[Item]) -> None:
        self.words: dict[str, dict[str, str]] = {}
        self.weights: dict[str, dict[str, float]] = {}
        holding: Counter[str] = Counter()
        for item in items:
            titled = concepts_in(item.title)
            described = concepts_in(item.description) if item.description and not titled else {}
            self.words[item.iri] = described | titled
            self.weights[item.iri] = {
                c: 1.0 if c in titled else DESCRIPTION_FACTOR for c in self.words[item.iri]
            }
            holding.update(self.words[item.iri].keys())
        rarity = {c: math.log(1 + len(items) / n) for c, n in holding.items()}
        for weights in self.weights.values():
            for c in weights:
                weights[c] *= rarity[c]
        # the norm of the concepts' rarity alone: a concept of the description weighs less in
        # the cosine too (scaling every weight of an item would not change its cosine)
        self.norm = {
            iri: math.sqrt(sum(rarity[c] ** 2 for c in weights))
            for iri, weights in self.weights.items()
        }

    def shared(self, ours: str, theirs: str) -> tuple[float, tuple[SharedConcept, ...]]:
        """The cosine of the two items' concept weights and the concepts they share."""
        a, b = self.weights[ours], self.weights[theirs]
        common = sorted(a.keys() & b.keys())
        if not common:
            return 0.0, ()
        norm = self.norm[ours] * self.norm[theirs]
        return sum(a[c] * b[c] for c in common) / norm, tuple(
            SharedConcept(
                c,
                self.words[ours][c],
                self.words[theirs][c],
                round(CONCEPT_FACTOR * a[c] * b[c] / norm, 2),
            )
            for c in common
        )


def _significant(token: Token) -> bool:
    return len(token.word) >= 3 and token.word not in FUNCTION_WORDS and not token.word.isdigit()


def shared_part(a: Token, b: Token) -> str | None:
    """The folded word part ``a`` and ``b`` share, found by the word matcher: one is the other in
    another inflection or a part of it at a part boundary; or, marked with a leading ``-``, both end
    in the same compound part (Mobilstationen, Mobilitätsstationen: ``-station``) or start with it
    (Digitallotsen, Digitalmentor: ``-digital``), a part of at least six letters that is no
    derivational ending, with at least three letters before or after it (a shared end starts with a
    consonant)."""
    # the same answer either way: cached once
    first, second = (a, b) if a.word <= b.word else (b, a)
    return _shared(first.word, first.stem, first.text, second.word, second.stem, second.text)


@lru_cache(maxsize=1 << 18)
def _shared(
    a_word: str, a_stem: str, a_text: str, b_word: str, b_stem: str, b_text: str
) -> str | None:
    shorter_stem = min(a_stem, b_stem, key=len)
    if (
        a_word[:2] != b_word[:2]
        and a_stem[-MIN_SHARED:] != b_stem[-MIN_SHARED:]
        and shorter_stem[: max(2, len(shorter_stem) - 3)] not in max(a_word, b_word, key=len)
    ):
        return None  # a quick test: none of the cases below can hold
    a, b = Token(0, 0, a_word, a_stem, a_text), Token(0, 0, b_word, b_stem, b_text)
    if same_word(a_word, a_stem, b):
        return min(a_word, b_word, key=len)
    shorter, longer = (a, b) if len(a_word) <= len(b_word) else (b, a)
    if part_of(shorter.word, shorter.stem, longer) and (
        # not by a stem of three letters (Lesen, digitales)
        shorter.word in longer.word
        or (len(shorter.stem) > MIN_PART and shorter.stem in longer.word)
    ):
        return shorter.word
    head = a_stem[len(a_stem) - _common(a_stem[::-1], b_stem[::-1]) :]
    if _part(head, a, b) and not head.startswith(_SUFFIXES) and head[0] not in _VOWELS:
        return PARTIAL + head
    modifier = a_word[: _common(a_word, b_word)]
    if _part(modifier, a, b):
        return PARTIAL + modifier
    return None


def _common(a: str, b: str) -> int:
    """How many letters ``a`` and ``b`` share at their start."""
    size = min(len(a), len(b))
    return next((i for i in range(size) if a[i] != b[i]), size)


def _part(part: str, a: Token, b: Token) -> bool:
    """``part`` is a compound part of both ``a`` and ``b`` by the word matcher, with more letters
    beside it."""
    if len(part) < MIN_SHARED or min(len(a.word), len(b.word)) - len(part) < MIN_PART:
        return False
    key = (part, stem(part))
    return part_of(*key, a) and part_of(*key, b)


def _shared_words(
    ours: list[Token], theirs: list[Token], words: _Words, titles: tuple[str, str]
) -> tuple[Shared, ...]:
    """The best shared part of each of our words, each of their words used once."""
    found: list[Shared] = []
    used: set[int] = set()
    for a in ours:
        best: tuple[float, int, str] | None = None
        for j, b in enumerate(theirs):
            if j in used or not (part := shared_part(a, b)):
                continue
            points = words.rarity(part.removeprefix(PARTIAL)) * (
                PARTIAL_FACTOR if part.startswith(PARTIAL) else 1
            )
            if best is None or points > best[0]:
                best = (points, j, part)
        if best is not None:
            used.add(best[1])
            b = theirs[best[1]]
            found.append(
                Shared(titles[0][a.start : a.end], titles[1][b.start : b.end], round(best[0], 2))
            )
    return tuple(found)


class _Neighbours:
    """The other cities' items that share a word part or a concept with a project: only these can
    score (an index by word and by concept, each of our words matched once against their words)."""

    def __init__(self, iris: Sequence[str], words: _Words, concepts: _Concepts) -> None:
        self.words = words
        self.concepts = concepts
        self.by_word: dict[str, set[int]] = defaultdict(set)
        self.tokens: dict[str, Token] = {}
        self.by_concept: dict[str, set[int]] = defaultdict(set)
        for index, iri in enumerate(iris):
            for tok in words.tokens[iri]:
                self.by_word[tok.word].add(index)
                self.tokens.setdefault(tok.word, tok)
            for concept in concepts.weights[iri]:
                self.by_concept[concept].add(index)
        self.linked: dict[str, set[int]] = {}

    def __call__(self, iri: str) -> set[int]:
        found: set[int] = set()
        for tok in self.words.tokens[iri]:
            if tok.word not in self.linked:
                self.linked[tok.word] = set().union(
                    *(
                        held
                        for word, held in self.by_word.items()
                        if shared_part(tok, self.tokens[word])
                    )
                )
            found |= self.linked[tok.word]
        for concept in self.concepts.weights[iri]:
            found |= self.by_concept[concept]
        return found


def best_practice(
    comparison: Comparison, city: str, top: int = TOP, threshold: float = THRESHOLD
) -> list[Candidate]:
    """For each project of ``city``, up to ``top`` projects and measures of the other cities with at
    least ``MIN_KINDS`` kinds of evidence scoring at least ``threshold``, best first, none that ties
    with one left out (:func:`_distinct`); pairs decided in review are left out."""
    if top < 1:
        raise ParameterError(error_message("error.top"))
    if not threshold > 0:  # NaN too
        raise ParameterError(error_message("error.threshold"))
    ours = comparison.city(city)
    others = [(c.city, item) for c in comparison.cities if c is not ours for item in c.items]
    words = comparison.words
    concepts = comparison.concepts
    near = _Neighbours([item.iri for _, item in others], words, concepts)
    found = []
    for project in ours.items:
        scored = []
        for index in sorted(near(project.iri)):
            other_city, example = others[index]
            if (project.iri, example.iri) in ours.decided:
                continue
            shared = _shared_words(
                words.tokens[project.iri],
                words.tokens[example.iri],
                words,
                (project.title, example.title),
            )
            similarity, same = concepts.shared(project.iri, example.iri)
            if not shared and not same:
                continue
            fields = tuple(sorted(project.fields & example.fields))
            targets = tuple(sorted(s for s in project.sdgs & example.sdgs if "." in s[len(SDG) :]))
            if sum(map(bool, (shared, same, fields, targets))) < MIN_KINDS:
                continue
            overlap = (
                sum(w.points for w in shared)
                / math.sqrt(words.weight(project.iri) * words.weight(example.iri))
                if shared
                else 0.0
            )
            score = (
                WORD_FACTOR * overlap
                + CONCEPT_FACTOR * similarity
                + FIELD_POINTS * bool(fields)
                + TARGET_POINTS * len(targets)
            )
            if score >= threshold:
                scored.append(
                    Candidate(
                        project,
                        example,
                        other_city,
                        round(score, 2),
                        shared,
                        fields,
                        targets,
                        same,
                    )
                )
        scored.sort(key=lambda c: (-c.score, c.example.title.casefold(), c.example.iri))
        found.extend(_distinct(scored, top))
    return found


def _distinct(scored: Sequence[Candidate], top: int) -> list[Candidate]:
    """The first ``top`` of the ``scored`` candidates (best first) less those whose score the first
    one left out has too: the evidence cannot tell them apart (a concept many of the other city's
    titles name, and nothing else), and choosing among them by title would be arbitrary."""
    if len(scored) <= top or scored[top].score != scored[top - 1].score:
        return list(scored[:top])
    return [c for c in scored[:top] if c.score != scored[top].score]


# --- review and decisions ---

BEST_PRACTICE_COLUMNS = (
    "decision",
    "score",
    "project",
    "example",
    "city",
    "evidence",
    "project_iri",
    "example_iri",
    "city_iri",
    "city_name",
)
EXAMPLE = ID + "example/"
REJECTED_EXAMPLE = SCKG + "rejectedExample"


def review_rows(candidates: Sequence[Candidate], comparison: Comparison) -> list[list[Any]]:
    """The rows of a best-practice review file (``BEST_PRACTICE_COLUMNS``), the decision column
    empty; ``city`` is the city's name in the comparison's language, ``city_name`` its German name
    (for the example's German label, see :func:`decision_triples`)."""
    lang = comparison.lang
    return [
        [
            "",
            c.score,
            c.project.title,
            c.example.title,
            c.city.name(lang),
            c.evidence(comparison),
            c.project.iri,
            c.example.iri,
            c.city.iri,
            c.city.german_name(),
        ]
        for c in candidates
    ]


def example_iri(other: str) -> str:
    """The IRI of the best-practice example that stands for another city's project ``other``."""
    if other.startswith(ID):
        return EXAMPLE + other[len(ID) :]
    return EXAMPLE + hashlib.sha1(other.encode()).hexdigest()[:16]


def decision_triples(rows: Sequence[dict[str, str]]) -> list[ox.Triple]:
    """The statements of decided review rows (``decision`` accept or reject, the IRI columns and the
    names). An example's label is German: the other city's German title (the one the comparison
    reads) and, in brackets, the city's German name (``city_name``)."""
    triples = []
    for row in rows:
        project, other = ox.NamedNode(row["project_iri"]), ox.NamedNode(row["example_iri"])
        if row["decision"] == ReviewDecision.reject:
            triples.append(ox.Triple(project, ox.NamedNode(REJECTED_EXAMPLE), other))
            continue
        example = ox.NamedNode(example_iri(other.value))
        label = ox.Literal(f"{row['example']} ({row['city_name']})", language="de")
        triples += [
            ox.Triple(project, ox.NamedNode(SCKG + "refersToExample"), example),
            ox.Triple(
                example, ox.NamedNode(RDF + "type"), ox.NamedNode(SCKG + "BestPracticeExample")
            ),
            ox.Triple(example, ox.NamedNode(RDFS + "label"), label),
            ox.Triple(example, ox.NamedNode(DCTERMS + "source"), other),
            ox.Triple(example, ox.NamedNode(DCTERMS + "coverage"), ox.NamedNode(row["city_iri"])),
            ox.Triple(example, ox.NamedNode(PROV + "wasDerivedFrom"), other),
        ]
    return triples


def write_decisions(rows: Sequence[dict[str, str]], path: Path | str) -> tuple[int, int]:
    """Add decided review rows to the Turtle file ``path`` (a new decision on a pair replaces the
    old one); the numbers of examples referred to and of rejections the file then holds."""
    pairs = {(r["project_iri"], r["example_iri"]) for r in rows}
    kept = read_decisions(path)
    source = {
        str(k.subject): str(k.object) for k in kept if k.predicate.value == DCTERMS + "source"
    }
    refers = SCKG + "refersToExample"

    def pair(k: ox.Triple) -> tuple[str, str | None]:
        other = str(k.object)
        return str(k.subject)[1:-1], (
            other if k.predicate.value == REJECTED_EXAMPLE else source.get(other, "<>")
        )[1:-1]

    triples = {
        k
        for k in kept
        if k.predicate.value not in (refers, REJECTED_EXAMPLE) or pair(k) not in pairs
    }
    triples.update(decision_triples(rows))
    used = {k.object for k in triples if k.predicate.value == refers}
    triples = {
        k for k in triples if not str(k.subject).startswith("<" + EXAMPLE) or k.subject in used
    }
    write_turtle(triples, path)
    return (
        sum(1 for k in triples if k.predicate.value == refers),
        sum(1 for k in triples if k.predicate.value == REJECTED_EXAMPLE),
    )
