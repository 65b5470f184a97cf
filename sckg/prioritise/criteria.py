"""The criteria the graph gives for prioritising projects or fields of action, each value with its
reason.

- ``goals``: the strategic goals a project contributes to (``sckg:contributesTo``; the SDGs the
  goals map to are named in the reason); for a field, the distinct goals of its open projects.
- ``dependents``: the projects that depend on it, transitively
  (:func:`sckg.network.dependencies.dependents`); for a field, the projects of other fields that
  depend on its open projects.
- ``mandate``: council decisions about it (``sckg:decision`` to it or to a paper about it) and
  council papers about it (``dcterms:subject``, as ``sckg link papers`` writes); for a field, those
  of its open projects too.
- ``budget``: 1 when a budget is recorded (``sckg:hasBudget`` with a value), else 0; for a field the
  share of its open projects with one.
- ``milestones``: open milestones overdue or due within 180 days of the data date (the milestones of
  :func:`sckg.network.coverage.milestones`); for a field, those of its open projects.
- ``readiness``: from the status: decided 4, running 3, planned 2, proposed 1, on hold 0; for a
  field the mean of its open projects. Unknown without a status (the project is then not ranked).

A people's criterion the graph holds, when it has dot votes (``sckg:DotVote``):

- ``votes``: the dots workshops gave it (``sckg:votedOn``) or an idea about it (a ``sckg:Statement``
  ``sckg:about`` it); for a field, those of the field and of its open projects.

Completed projects are not ranked (and do not count for their fields).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from ..formatting import long_date, money, number
from ..kg import KnowledgeGraph
from ..namespaces import STATUS
from ..network.common import names, order
from ..network.coverage import milestones
from ..network.dependencies import dependents
from ..network.projection import project
from ..sources import data_date
from ..words import t
from .rank import Criterion

if TYPE_CHECKING:
    import networkx as nx

#: The graph's criteria, in the order of the tables (all: more is better).
GRAPH_CRITERIA = ("goals", "dependents", "mandate", "budget", "milestones", "readiness")
#: PROMETHEE thresholds (q, p) of the graph's criteria: a difference of p or more is full
#: preference.
THRESHOLDS = {
    "goals": (0.0, 2.0),
    "dependents": (0.0, 3.0),
    "mandate": (0.0, 1.0),
    "budget": (0.0, 1.0),
    "milestones": (0.0, 2.0),
    "readiness": (0.0, 2.0),
}
READINESS = {"decided": 4, "running": 3, "planned": 2, "proposed": 1, "on-hold": 0}
#: The people's criterion of the workshops' dot votes, and its thresholds: 5 dots more is full
#: preference.
VOTES = "votes"
VOTE_THRESHOLDS = (0.0, 5.0)
#: Milestones due within this many days of the data date count as near.
NEAR_DAYS = 180
SDG_PREFIX = "http://metadata.un.org/sdg/"


@dataclass(frozen=True)
class Value:
    """A criterion's value for an item (None: unknown) and why."""

    value: float | None
    reason: str


@dataclass
class Item:
    """A project or field of action to prioritise, with its graph criteria."""

    iri: str
    label: str
    department: str | None
    status: str | None
    values: dict[str, Value] = field(default_factory=dict)


def graph_criteria(lang: str) -> list[Criterion]:
    """The graph's criteria with their labels and thresholds."""
    return [
        Criterion(k, t(f"prio.criterion.{k}", lang), True, *THRESHOLDS[k]) for k in GRAPH_CRITERIA
    ]


def vote_criteria(found: list[Item], lang: str) -> list[Criterion]:
    """The criterion ``votes`` when the items have dot votes (the graph holds any), else none."""
    if not any(VOTES in i.values for i in found):
        return []
    return [Criterion(VOTES, t(f"prio.criterion.{VOTES}", lang), True, *VOTE_THRESHOLDS)]


def _votes(kg: KnowledgeGraph, lang: str) -> tuple[dict[str, dict[str, int]], list[str]]:
    """Per voted item (and per item an idea that got dots is about): dots by workshop label with its
    date;
    and the labels of all workshops that held dot votes (empty: the graph has none)."""
    rows = kg.select(
        "SELECT ?item ?w ?dots ?date WHERE { ?v a sckg:DotVote ; sckg:dots ?dots ; "
        "prov:wasGeneratedBy ?w . { ?v sckg:votedOn ?item } UNION { ?v sckg:votedOn ?idea . "
        "?idea a sckg:Statement ; sckg:about ?item } OPTIONAL { ?w dcterms:date ?date } }"
    ).records()
    labels = kg.labels({r["w"] for r in rows}, lang)
    named = {
        r["w"]: f"{labels[r['w']]} ({long_date(str(r['date'])[:10], lang)})"
        if r["date"] is not None
        else labels[r["w"]]
        for r in rows
    }
    found: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for r in rows:
        if isinstance(r["dots"], int):  # an ill-typed count is left out (validate names it)
            found[r["item"]][named[r["w"]]] += r["dots"]
    return found, sorted(set(named.values()))


def _vote_value(given: dict[str, int], workshops: list[str], lang: str) -> Value:
    total = sum(given.values())
    if not total:
        return Value(0, t("prio.votes.none", lang, workshops=names(workshops, lang)))
    where = (
        names([f"{w}: {n}" for w, n in given.items()], lang, 10)
        if len(given) > 1
        else next(iter(given))
    )
    return Value(total, t("prio.votes", lang, n=total, where=where))


def items(kg: KnowledgeGraph, what: str, lang: str) -> tuple[list[Item], list[str]]:
    """The open projects (``what="projects"``) or the fields of action with the graph's criteria, in
    label order, and notes (completed projects left out, no data date)."""
    deps = project(kg, "dependencies", lang=lang)
    status = {p: deps.nodes[p].get("status") for p in deps}
    open_projects = sorted(
        (p for p in deps if status[p] != "completed"), key=lambda p: order(_label(deps, p), p)
    )
    notes = []
    done = len(deps) - len(open_projects)
    if done:
        notes.append(t("prio.note.completed", lang, n=done))
    goals, sdgs = _goals(kg)
    mandates = _mandates(kg, lang)
    near, as_of = _milestones(kg, lang)
    votes, workshops = _votes(kg, lang)
    if as_of is None and open_projects:  # without open projects no milestone is judged
        notes.append(t("prio.note.no_data_date", lang))
    needed = {g for p in open_projects for g in goals.get(p, ())} | {
        STATUS + s for s in set(status.values()) if s
    }
    labels = kg.labels(needed, lang)
    after = dependents(deps)
    project_items = []
    for p in open_projects:
        attrs = deps.nodes[p]
        item = Item(p, _label(deps, p), attrs.get("department"), attrs.get("status"))
        mine = sorted(goals.get(p, ()), key=lambda g: labels[g].casefold())
        goal_sdgs = sorted({s for g in mine for s in sdgs.get(g, ())}, key=_sdg_number)
        item.values["goals"] = Value(
            len(mine), _goals_reason(lang, [labels[g] for g in mine], goal_sdgs)
        )
        later = sorted(_label(deps, q) for q in after.get(p, ()))
        item.values["dependents"] = Value(
            len(later),
            t("prio.dependents", lang, n=len(later), names=names(later, lang))
            if later
            else t("prio.dependents.none", lang),
        )
        item.values["mandate"] = _mandate(mandates.get(p, []), lang)
        budget = attrs.get("budget")
        item.values["budget"] = Value(
            0 if budget is None else 1,
            t("prio.budget.none", lang)
            if budget is None
            else t("prio.budget.some", lang, amount=money(budget, lang)),
        )
        due = near.get(p, [])
        item.values["milestones"] = Value(
            len(due), "; ".join(due) if due else t("prio.milestones.none", lang)
        )
        slug = attrs.get("status")
        ready = READINESS.get(slug) if slug else None
        state = labels.get(STATUS + slug, slug) if slug else ""
        item.values["readiness"] = Value(
            ready,
            t("prio.readiness", lang, status=state) if slug else t("prio.readiness.unknown", lang),
        )
        if workshops:
            item.values[VOTES] = _vote_value(votes.get(p, {}), workshops, lang)
        project_items.append(item)
    if what == "projects":
        return project_items, notes
    return _fields(kg, deps, project_items, after, lang, votes if workshops else None), notes


def _label(graph: nx.DiGraph[str], node: str) -> str:
    label: str = graph.nodes[node].get("label", node)
    return label


def _sdg_number(iri: str) -> tuple[int, str]:
    tail = iri[len(SDG_PREFIX) :]
    return (int(tail), tail) if tail.isdigit() else (999, tail)


def _goals(kg: KnowledgeGraph) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    goals: dict[str, set[str]] = defaultdict(set)
    for p, g in kg.select(
        "SELECT ?p ?g WHERE { ?p a sckg:Project ; sckg:contributesTo ?g }"
    ).bound_rows():
        goals[p.value].add(g.value)
    sdgs: dict[str, set[str]] = defaultdict(set)
    for g, s in kg.select(
        "SELECT ?g ?s WHERE { ?p sckg:contributesTo ?g . ?g "
        "skos:closeMatch|skos:exactMatch|skos:broadMatch ?s "
        f'FILTER(STRSTARTS(STR(?s), "{SDG_PREFIX}")) }}'
    ).bound_rows():
        sdgs[g.value].add(s.value)
    return goals, sdgs


def _goals_reason(lang: str, goals: list[str], sdgs: list[str]) -> str:
    if not goals:
        return t("prio.goals.none", lang)
    text = t("prio.goals", lang, n=len(goals), names=names(goals, lang))
    if sdgs:
        text += " " + t("prio.goals.sdgs", lang, sdgs=", ".join(s[len(SDG_PREFIX) :] for s in sdgs))
    return text


def _mandates(kg: KnowledgeGraph, lang: str) -> dict[str, list[str]]:
    """Per project or field: its decisions and papers as ``label (date)``, oldest first."""
    rows = kg.select(
        "SELECT DISTINCT ?x ?d ?date WHERE { VALUES ?t { sckg:Project sckg:FieldOfAction } ?x a ?t "
        ". { ?d a sckg:Decision ; sckg:decision ?x } UNION { ?d a sckg:Decision ; sckg:decision "
        "?paper . ?paper dcterms:subject ?x } UNION { ?d a oparl:Paper ; dcterms:subject ?x FILTER "
        "NOT EXISTS { ?decision a sckg:Decision ; sckg:decision ?d ; sckg:decision ?x } } OPTIONAL "
        "{ ?d dcterms:date ?date } }"
    ).records()
    labels = kg.labels({r["d"] for r in rows}, lang)
    found: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for r in rows:
        when = str(r["date"])[:10] if r["date"] is not None else ""
        text = f"{labels[r['d']]} ({long_date(when, lang)})" if when else labels[r["d"]]
        found[r["x"]].append((when, text))
    return {x: [text for _, text in sorted(v)] for x, v in found.items()}


def _mandate(found: list[str], lang: str) -> Value:
    if not found:
        return Value(0, t("prio.mandate.none", lang))
    return Value(len(found), t("prio.mandate", lang, n=len(found), names="; ".join(found)))


def _milestones(kg: KnowledgeGraph, lang: str) -> tuple[dict[str, list[str]], str | None]:
    """Per project: its open milestones overdue or due within :data:`NEAR_DAYS` of the data date, as
    text."""
    open_ones = [m for m in milestones(kg) if m.reached is not True]
    as_of = data_date(kg)
    if as_of is None or not open_ones:
        return {}, as_of
    day = date.fromisoformat(as_of[:10])
    labels = kg.labels({m.iri for m in open_ones}, lang)
    found: dict[str, list[tuple[date, str]]] = defaultdict(list)
    for m in open_ones:
        if m.day < day:
            found[m.project].append(
                (
                    m.day,
                    t(
                        "prio.milestones.overdue",
                        lang,
                        name=labels[m.iri],
                        date=long_date(m.day, lang),
                    ),
                )
            )
        elif m.day <= day + timedelta(days=NEAR_DAYS):
            found[m.project].append(
                (
                    m.day,
                    t(
                        "prio.milestones.near",
                        lang,
                        name=labels[m.iri],
                        date=long_date(m.day, lang),
                    ),
                )
            )
    return {p: [text for _, text in sorted(v)] for p, v in found.items()}, as_of


def _fields(
    kg: KnowledgeGraph,
    deps: nx.DiGraph[str],
    projects: list[Item],
    after: dict[str, set[str]],
    lang: str,
    votes: dict[str, dict[str, int]] | None = None,
) -> list[Item]:
    """The fields of action, their criteria summed (or averaged) over their open projects."""
    cover = project(kg, "coverage", lang=lang, details=False)
    fields = sorted(
        (n for n in cover if cover.nodes[n]["cls"] == "field"),
        key=lambda n: order(cover.nodes[n]["label"], n),
    )
    by_field: dict[str, list[Item]] = defaultdict(list)
    for item in projects:
        for f in cover.nodes[item.iri]["fields"] if item.iri in cover else ():
            by_field[f].append(item)
    mandates = _mandates(kg, lang)
    result = []
    for f in fields:
        mine = by_field.get(f, [])
        item = Item(f, cover.nodes[f]["label"], None, None)
        in_field = {i.iri for i in mine}
        goal_count = len({g for i in mine for g in _goal_iris(cover, i.iri)})
        item.values["goals"] = Value(
            goal_count, t("prio.field.goals", lang, n=goal_count, projects=len(mine))
        )
        outside = sorted(
            {_label(deps, q) for i in mine for q in after.get(i.iri, ()) if q not in in_field}
        )
        item.values["dependents"] = Value(
            len(outside),
            t("prio.field.dependents", lang, n=len(outside), names=names(outside, lang))
            if outside
            else t("prio.dependents.none", lang),
        )
        texts = list(mandates.get(f, [])) + [m for i in mine for m in mandates.get(i.iri, [])]
        item.values["mandate"] = _mandate(list(dict.fromkeys(texts)), lang)
        funded = sum(1 for i in mine if i.values["budget"].value)
        share = funded / len(mine) if mine else 0.0
        item.values["budget"] = Value(
            round(share, 4), t("prio.field.budget", lang, n=funded, total=len(mine))
        )
        due = sum(int(i.values["milestones"].value or 0) for i in mine)
        item.values["milestones"] = Value(due, t("prio.field.milestones", lang, n=due))
        known = [
            i.values["readiness"].value for i in mine if i.values["readiness"].value is not None
        ]
        mean = sum(known) / len(known) if known else 0.0
        item.values["readiness"] = Value(
            round(mean, 4),
            t("prio.field.readiness", lang, value=number(mean, lang, 1), n=len(known)),
        )
        if votes is not None:
            dots = sum(votes.get(f, {}).values()) + sum(
                int(i.values[VOTES].value or 0) for i in mine
            )
            item.values[VOTES] = Value(
                dots, t("prio.field.votes", lang, n=dots, projects=len(mine))
            )
        result.append(item)
    return result


def _goal_iris(cover: nx.DiGraph[str], node: str) -> list[str]:
    return [g for g in cover.successors(node) if cover.nodes[g]["cls"] == "goal"]
