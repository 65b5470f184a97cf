"""What the interviews and workshops say (issue 24): needs and problems per field of action,
existing activities the inventory lacks (its blind spots), who named whom as a partner, needs no
project answers.

A statement (``sckg:Statement``) is documented in the record of an interview or workshop
(``sckg:documentedIn``; the record ``prov:wasGeneratedBy`` the activity); it is classified as a
need, problem, idea, existing activity, dependency or risk (scheme ``statement:``) and is
``sckg:about`` projects, fields of action, goals or actors. The units that raised a statement are
the interview's ``sckg:interviewed`` (a workshop's ideas are raised by the workshop, not by each
unit that attended). A statement about a project counts for the project's fields, one about a goal
for the goal's fields (``skos:related``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..kg import KnowledgeGraph
from ..namespaces import STATEMENT
from ..words import check_lang, t
from .common import Result, Stopwatch, cut_note, hidden, names, order, top
from .coverage import WORK_PREDICATES

if TYPE_CHECKING:
    import networkx as nx

#: Every statement with its kind, text, record's activity (and its class and date), and what it is
#: about.
_STATEMENTS = """
SELECT ?s ?kind ?activity ?cls ?date ?about ?aboutType WHERE {
  ?s a sckg:Statement ; sckg:classifiedAs ?kind ; sckg:documentedIn ?record .
  ?record prov:wasGeneratedBy ?activity . ?activity a ?cls
  VALUES ?cls { sckg:Interview sckg:Workshop }
  OPTIONAL { ?activity dcterms:date ?date }
  OPTIONAL { ?s sckg:about ?about OPTIONAL { ?about a ?aboutType
    VALUES ?aboutType { sckg:Project sckg:FieldOfAction sckg:StrategicGoal sckg:Vision } } }
}"""
#: The units each interview heard.
_UNITS = "SELECT ?i ?unit WHERE { ?i a sckg:Interview ; sckg:interviewed ?unit }"
#: The fields of the projects and goals statements are about, and the projects of fields and goals.
_LINKS = """
SELECT ?x ?f ?how WHERE {
  { ?x a sckg:Project ; sckg:inFieldOfAction ?f BIND("field" AS ?how) }
  UNION { ?x skos:related ?f . ?f a sckg:FieldOfAction BIND("field" AS ?how) }
  UNION { ?p a sckg:Project ; sckg:inFieldOfAction ?x BIND(?p AS ?f) BIND("project" AS ?how) }
  UNION { ?p a sckg:Project ; sckg:contributesTo ?x BIND(?p AS ?f) BIND("project" AS ?how) }
}"""


@dataclass
class _Statement:
    iri: str
    kind: str
    activity: str
    interview: bool
    date: str = ""
    about: set[str] = field(default_factory=set)
    about_projects: set[str] = field(default_factory=set)
    about_fields: set[str] = field(default_factory=set)
    about_goals: set[str] = field(default_factory=set)


@dataclass
class Evidence:
    """The statements of a graph with what the analyses need, read with four SELECTs."""

    statements: list[_Statement]
    units: dict[str, set[str]]
    fields_of: dict[str, set[str]]
    projects_of: dict[str, set[str]]
    labels: dict[str, str]

    def raised_by(self, s: _Statement) -> set[str]:
        """The units that raised a statement: those its interview heard (none for a workshop's)."""
        return self.units.get(s.activity, set()) if s.interview else set()

    def fields(self, s: _Statement) -> set[str]:
        """The fields of action a statement concerns: named, or of the projects and goals it is
        about."""
        found = set(s.about_fields)
        for x in s.about_projects | s.about_goals:
            found |= self.fields_of.get(x, set())
        return found


def read_evidence(kg: KnowledgeGraph, lang: str, watch: Stopwatch | None = None) -> Evidence:
    """The statements, the units of the interviews, the links to fields and projects, and the
    labels."""
    watch = watch or Stopwatch()
    with watch.sparql():
        rows = kg.select(_STATEMENTS).records()
        units_rows = kg.select(_UNITS).bound_rows()
        links = kg.select(_LINKS).bound_rows()
    found: dict[str, _Statement] = {}
    for r in rows:
        s = found.setdefault(
            r["s"],
            _Statement(
                r["s"],
                str(r["kind"]).removeprefix(STATEMENT),
                r["activity"],
                str(r["cls"]).endswith("#Interview"),
            ),
        )
        if r["date"] is not None:
            s.date = str(r["date"])[:10]
        about, kind = r.get("about"), str(r.get("aboutType") or "")
        if about is not None:
            s.about.add(about)
            if kind.endswith("#Project"):
                s.about_projects.add(about)
            elif kind.endswith("#FieldOfAction"):
                s.about_fields.add(about)
            elif kind.endswith(("#StrategicGoal", "#Vision")):
                s.about_goals.add(about)
    units: dict[str, set[str]] = defaultdict(set)
    for interview, unit in units_rows:
        units[interview.value].add(unit.value)
    fields_of: dict[str, set[str]] = defaultdict(set)
    projects_of: dict[str, set[str]] = defaultdict(set)
    for x, other, how in links:
        (fields_of if how.value == "field" else projects_of)[x.value].add(other.value)
    statements = sorted(found.values(), key=lambda s: s.iri)
    wanted = {s.iri for s in statements} | {s.activity for s in statements}
    wanted |= {x for s in statements for x in s.about} | {u for v in units.values() for u in v}
    wanted |= {f for s in statements for x in s.about for f in fields_of.get(x, ())}
    with watch.sparql():
        labels = kg.labels(wanted, lang) if wanted else {}
    return Evidence(statements, units, fields_of, projects_of, labels)


def _no_statements(kg: KnowledgeGraph, lang: str) -> list[str]:
    """The note of an analysis with no rows: no statements at all, or none of the kind it looks
    at."""
    if not kg.ask("ASK { ?s a sckg:Statement }"):
        return [t("evidence.none", lang)]
    return []


# --- per field: who raised needs or problems
# -------------------------------------------------------------


@dataclass(frozen=True)
class FieldNeedsRow:
    """A field of action with the number of units that raised needs or problems about it in
    interviews."""

    field: str
    units: int
    needs: int
    problems: int
    reason: str
    iri: str = hidden("")
    unit_iris: tuple[str, ...] = hidden()


def field_needs(
    kg: KnowledgeGraph, *, lang: str = "de", limit: int | None = None
) -> Result[FieldNeedsRow]:
    """Per field of action, how many units raised needs or problems about it in interviews (a
    statement about a project or goal counts for its fields), most units first."""
    check_lang(lang)
    watch = Stopwatch()
    evidence = read_evidence(kg, lang, watch)
    with watch.networkx():
        units: dict[str, set[str]] = defaultdict(set)
        counts: dict[str, dict[str, int]] = defaultdict(lambda: {"need": 0, "problem": 0})
        unplaced = 0
        for s in evidence.statements:
            if s.kind not in ("need", "problem") or not s.interview:
                continue
            fields = evidence.fields(s)
            unplaced += not fields
            for f in fields:
                units[f] |= evidence.raised_by(s)
                counts[f][s.kind] += 1
        label = evidence.labels
        rows = [
            FieldNeedsRow(
                label[f],
                len(units[f]),
                counts[f]["need"],
                counts[f]["problem"],
                t(
                    "evidence.field_needs.reason",
                    lang,
                    units=names((label[u] for u in units[f]), lang, 4)
                    or t("evidence.no_unit", lang),
                    needs=counts[f]["need"],
                    problems=counts[f]["problem"],
                ),
                f,
                tuple(sorted(units[f])),
            )
            for f in counts
        ]
        rows.sort(key=lambda r: (-r.units, -(r.needs + r.problems), *order(r.field, r.iri)))
    notes = _no_statements(kg, lang)
    if unplaced:
        notes.append(t("evidence.field_needs.unplaced", lang, n=unplaced))
    return Result(top(rows, limit), [*notes, *cut_note(len(rows), limit, lang)], watch.timings)


# --- existing activities the inventory lacks
# ---------------------------------------------------------------


@dataclass(frozen=True)
class BlindSpotRow:
    """An existing activity named in an interview that no project of the inventory stands for."""

    activity: str
    named_by: str
    interview: str
    reason: str
    iri: str = hidden("")


def blind_spots(
    kg: KnowledgeGraph, *, lang: str = "de", limit: int | None = None
) -> Result[BlindSpotRow]:
    """Existing activities named in interviews that are about no project of the inventory: what the
    inventory does not know yet, in the order of the interviews."""
    check_lang(lang)
    watch = Stopwatch()
    evidence = read_evidence(kg, lang, watch)
    label = evidence.labels
    with watch.networkx():
        found = [
            s
            for s in evidence.statements
            if s.kind == "existing-activity" and s.interview and not s.about_projects
        ]
        rows = []
        for s in sorted(found, key=lambda s: (s.date, *order(label[s.iri], s.iri))):
            fields = evidence.fields(s)
            projects = {p for f in fields for p in evidence.projects_of.get(f, ())}
            reason = t("evidence.blind_spot.reason", lang)
            if fields:
                about = names((label[f] for f in fields), lang)
                reason += " " + t("evidence.blind_spot.about", lang, about=about, n=len(projects))
            rows.append(
                BlindSpotRow(
                    label[s.iri],
                    names((label[u] for u in evidence.raised_by(s)), lang, 4),
                    label[s.activity],
                    reason,
                    s.iri,
                )
            )
    notes = _no_statements(kg, lang)
    return Result(top(rows, limit), [*notes, *cut_note(len(rows), limit, lang)], watch.timings)


# --- who named whom as a partner
# -----------------------------------------------------------------------------


@dataclass(frozen=True)
class PartnerRow:
    """A unit interviewed that named another actor (statements about that actor), and whether the
    two share a project."""

    unit: str
    partner: str
    statements: int
    shared_projects: int
    reason: str
    unit_iri: str = hidden("")
    partner_iri: str = hidden("")


def named_partners(
    kg: KnowledgeGraph,
    *,
    lang: str = "de",
    graph: nx.DiGraph[str] | None = None,
    limit: int | None = None,
) -> Result[PartnerRow]:
    """Who named whom as a partner in the interviews (the ``partners`` projection), most statements
    first, with the projects and programmes the two already work on together (manage, take part in,
    contract, coordinate: the links of the ``actors`` projection): a partner named but met on no
    project is a link to make."""
    from .projection import PREDICATES, project

    check_lang(lang)
    watch = Stopwatch()
    named = watch.add(project(kg, "partners", lang=lang)) if graph is None else graph
    pairs = " ".join(f"(<{u}> <{v}>)" for u, v in named.edges())
    work = " ".join(f"<{PREDICATES[p]}>" for p in WORK_PREDICATES)
    with watch.sparql():  # the kinds' words are the labels of the scheme statement:
        slugs = {k for _, _, a in named.edges(data=True) for k in str(a["kinds"]).split(";") if k}
        kind_words = kg.labels({STATEMENT + k for k in slugs}, lang) if slugs else {}
        shared_rows = (
            kg.select(
                f"SELECT ?a ?b (COUNT(DISTINCT ?p) AS ?n) WHERE {{ VALUES (?a ?b) {{ {pairs} }} "
                f"VALUES ?w {{ {work} }} VALUES ?w2 {{ {work} }} VALUES ?t {{ sckg:Project "
                "sckg:Programme } ?p a ?t ; ?w ?a ; ?w2 ?b } GROUP BY ?a ?b"
            ).bound_rows()
            if pairs
            else []
        )
    together = {(a.value, b.value): int(n.value) for a, b, n in shared_rows}
    with watch.networkx():
        rows = []
        for u, v, attrs in named.edges(data=True):
            shared = together.get((u, v), 0)
            kinds = ", ".join(kind_words[STATEMENT + k] for k in attrs["kinds"].split(";") if k)
            reason = t("evidence.partner.reason", lang, n=attrs["weight"], kinds=kinds)
            reason += " " + (
                t("evidence.partner.shared", lang, n=shared)
                if shared
                else t("evidence.partner.not_shared", lang)
            )
            rows.append(
                PartnerRow(
                    named.nodes[u]["label"],
                    named.nodes[v]["label"],
                    int(attrs["weight"]),
                    shared,
                    reason,
                    u,
                    v,
                )
            )
        rows.sort(key=lambda r: (-r.statements, r.shared_projects, *order(r.unit, r.unit_iri)))
    notes = _no_statements(kg, lang)
    return Result(top(rows, limit), [*notes, *cut_note(len(rows), limit, lang)], watch.timings)


# --- needs no project answers
# ----------------------------------------------------------------------------


@dataclass(frozen=True)
class NeedRow:
    """A need from an interview or workshop that is about no project."""

    need: str
    raised_by: str
    source: str
    reason: str
    iri: str = hidden("")


def unanswered_needs(
    kg: KnowledgeGraph, *, lang: str = "de", limit: int | None = None
) -> Result[NeedRow]:
    """Needs from interviews and workshops that no project answers (the need is about no project);
    those whose field or goal has no project at all first."""
    check_lang(lang)
    watch = Stopwatch()
    evidence = read_evidence(kg, lang, watch)
    label = evidence.labels
    with watch.networkx():
        ranked = []
        for s in evidence.statements:
            if s.kind != "need" or s.about_projects:
                continue
            places = s.about_fields | s.about_goals
            projects = {p for x in places for p in evidence.projects_of.get(x, ())}
            if not places and s.about:
                reason = t(
                    "evidence.need.other", lang, about=names((label[x] for x in s.about), lang)
                )
            elif not places:
                reason = t("evidence.need.nowhere", lang)
            elif projects:
                reason = t(
                    "evidence.need.near",
                    lang,
                    about=names((label[x] for x in places), lang),
                    n=len(projects),
                )
            else:
                reason = t(
                    "evidence.need.empty", lang, about=names((label[x] for x in places), lang)
                )
            raised = names((label[u] for u in evidence.raised_by(s)), lang, 4)
            row = NeedRow(label[s.iri], raised, label[s.activity], reason, s.iri)
            ranked.append(((bool(projects), not places, s.date, *order(row.need, s.iri)), row))
        rows = [row for _, row in sorted(ranked)]
    notes = _no_statements(kg, lang)
    return Result(top(rows, limit), [*notes, *cut_note(len(rows), limit, lang)], watch.timings)
