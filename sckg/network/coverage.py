"""Where the programme has holes and blind spots: gaps, silos between departments, overlapping
projects.

Departments are those of the projections (:mod:`.projection`): the Dezernat above a unit, a company
or an external organisation itself. A project belongs to the department of its managing actor.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from ..formatting import long_date
from ..kg import KnowledgeGraph
from ..namespaces import KIND, PARENT_PATH
from ..sources import data_date
from ..words import check_lang, t
from .common import Result, Stopwatch, cut_note, names, order, top, why_empty
from .projection import NO_DEPARTMENT_KINDS, PREDICATES, project

if TYPE_CHECKING:
    import networkx as nx

GAP_KINDS = (
    "goal-without-project",
    "field-without-project",
    "project-without-goal",
    "project-without-field",
    "project-without-manager",
    "milestone-overdue",
    "actor-without-project",
)
#: Predicates that make an actor work on a project (as in the ``actors`` projection).
WORK_PREDICATES = ("managedBy", "hasParticipant", "contractor", "coordinatedBy")


@dataclass(frozen=True)
class GapRow:
    """Something the programme lacks: a goal or field nobody serves, a project without a link, an
    idle actor."""

    kind: str
    label: str
    reason: str
    iri: str


@dataclass(frozen=True)
class DatedMilestone:
    """A milestone with an xsd:date: its IRI, project, date and whether it is reached (None: not
    stated)."""

    iri: str
    project: str
    day: date
    reached: bool | None


@dataclass(frozen=True)
class SiloRow:
    """Two departments with projects in the same field that share no actor and no dependency
    there."""

    field: str
    department: str
    other_department: str
    projects: int
    other_projects: int
    reason: str
    field_iri: str
    department_iri: str
    other_iri: str


@dataclass(frozen=True)
class OverlapRow:
    """Two projects of different departments in the same field serving the same goal: possible
    duplicates."""

    project: str
    other_project: str
    department: str
    other_department: str
    shared: str
    reason: str
    iri: str
    other_iri: str


def _work_values() -> str:
    return " ".join(f"<{PREDICATES[p]}>" for p in WORK_PREDICATES)


def gaps(
    kg: KnowledgeGraph,
    *,
    lang: str = "de",
    graph: nx.DiGraph[str] | None = None,
    limit: int | None = None,
) -> Result[GapRow]:
    """Goals and fields without projects, projects without goal, field or managing actor, milestones
    overdue, idle actors.

    A milestone is overdue when its date lies before the data date (:func:`sckg.sources.data_date`:
    the date the inventory describes, not today) and it is not marked as reached; without a data
    date none is judged.

    An actor counts as working on a project when it or a unit below it manages, takes part in, is
    contractor of or coordinates one. Bodies and the administration as a whole (council, committees,
    steering group, coordination bodies, city administration) decide rather than run projects and
    are not listed, nor are the organisations of a council information system (OParl bodies and
    organisations: party groups, committees).
    """
    check_lang(lang)
    watch = Stopwatch()
    cover = watch.add(project(kg, "coverage", lang=lang, details=False)) if graph is None else graph
    found: list[tuple[str, str, str, str]] = []  # kind, label, IRI, reason
    with watch.networkx():
        for node, attrs in cover.nodes(data=True):
            cls = attrs["cls"]
            if cls in ("goal", "field") and not cover.in_degree(node):
                gap = f"{cls}-without-project"
                found.append((gap, attrs["label"], node, _gap_reason(gap, lang)))
            if cls == "project":
                targets = {cover.nodes[t]["cls"] for t in cover.successors(node)}
                found += [
                    (
                        f"project-without-{c}",
                        attrs["label"],
                        node,
                        _gap_reason(f"project-without-{c}", lang),
                    )
                    for c in ("goal", "field")
                    if c not in targets
                ]
    with watch.sparql():
        unmanaged = kg.select(
            "SELECT ?p WHERE { ?p a sckg:Project FILTER NOT EXISTS { ?p sckg:managedBy ?m } }"
        )
        actors = kg.select(
            "SELECT ?a ?kind WHERE { VALUES ?t { org:FormalOrganization org:OrganizationalUnit "
            "org:Organization } ?a a ?t FILTER(isIRI(?a)) OPTIONAL { ?a org:classification ?kind } "
            "FILTER NOT EXISTS { VALUES ?council { oparl:Body oparl:Organization } ?a a ?council } "
            "}"
        )
        working = kg.select(
            f"SELECT DISTINCT ?a WHERE {{ VALUES ?w {{ {_work_values()} }} ?p ?w ?a . ?p a "
            "sckg:Project }"
        )
        tree = kg.select(f"SELECT ?u ?parent WHERE {{ ?u {PARENT_PATH} ?parent }}")
        overdue = _overdue_milestones(kg)
    with watch.networkx():
        kinds: dict[str, set[str]] = defaultdict(set)
        for a, kind in actors.rows:
            assert a is not None  # ?kind is optional, ?a is not
            kinds[a.value].add(kind.value if kind is not None else "")
        parents: dict[str, set[str]] = defaultdict(set)
        for unit, parent in tree.bound_rows():
            parents[unit.value].add(parent.value)
        busy: set[str] = set()
        stack = [row[0].value for row in working.bound_rows()]
        while stack:  # an actor works when it or a unit below it works
            actor = stack.pop()
            if actor not in busy:
                busy.add(actor)
                stack.extend(parents.get(actor, ()))
        skip = {KIND + k for k in NO_DEPARTMENT_KINDS}
        idle_actors = sorted(a for a, k in kinds.items() if a not in busy and not k & skip)
        unmanaged_projects = [row[0].value for row in unmanaged.bound_rows()]
    with watch.sparql():
        unlabelled = [
            *unmanaged_projects,
            *(iri for milestone, project, *_ in overdue for iri in (milestone, project)),
        ]
        labels = kg.labels([*idle_actors, *(iri for iri in unlabelled if iri not in cover)], lang)
    with watch.networkx():
        label = {**labels, **{n: a["label"] for n, a in cover.nodes(data=True)}}
        found += [
            ("project-without-manager", label[p], p, _gap_reason("project-without-manager", lang))
            for p in unmanaged_projects
        ]
        found += [
            ("actor-without-project", label[a], a, _gap_reason("actor-without-project", lang))
            for a in idle_actors
        ]
        found += [
            (
                "milestone-overdue",
                f"{label[milestone]} ({label[project]})",
                milestone,
                t(
                    "gap_reason.milestone-overdue",
                    lang,
                    date=long_date(day, lang),
                    as_of=long_date(as_of, lang),
                ),
            )
            for milestone, project, day, as_of in overdue
        ]
        found.sort(key=lambda g: (GAP_KINDS.index(g[0]), *order(g[1], g[2])))
        rows = [GapRow(kind, name, reason, iri) for kind, name, iri, reason in found]
    return Result(
        top(rows, limit), _no_projects(kg, cover, lang) if not rows else [], watch.timings
    )


def _no_projects(kg: KnowledgeGraph, graph: Any, lang: str) -> list[str]:
    """The empty-state line when ``graph`` holds no project (else nothing: an empty result is then a
    finding)."""
    if any(cls == "project" for _, cls in graph.nodes(data="cls")):
        return []
    return [why_empty(kg, graph, lang)]


def _gap_reason(kind: str, lang: str) -> str:
    return t(f"gap_reason.{kind}", lang)


def milestones(kg: KnowledgeGraph) -> list[DatedMilestone]:
    """Every milestone with its project and an xsd:date (one that has none is validation's to
    report)."""
    from ..typed import day, value

    found = []
    for milestone, part_of, when, reached in kg.select(
        "SELECT ?milestone ?project ?date ?reached WHERE { ?milestone a sckg:Milestone ; "
        "dcterms:isPartOf ?project ; dcterms:date ?date OPTIONAL { ?milestone sckg:reached "
        "?reached } }"
    ).rows:
        assert milestone is not None and part_of is not None  # ?reached alone is optional
        if (dated := day(when)) is not None:
            found.append(
                DatedMilestone(
                    milestone.value,
                    part_of.value,
                    dated,
                    flag if isinstance(flag := value(reached), bool) else None,
                )
            )
    return found


def _overdue_milestones(kg: KnowledgeGraph) -> list[tuple[str, str, str, str]]:
    """Milestones dated before the data date and not marked as reached: (milestone, project, date,
    data date)."""
    open_ones = [m for m in milestones(kg) if m.reached is not True]
    as_of = data_date(kg) if open_ones else None
    if as_of is None:
        return []
    return [
        (m.iri, m.project, m.day.isoformat(), as_of) for m in open_ones if m.day.isoformat() < as_of
    ]


def silos(
    kg: KnowledgeGraph,
    *,
    lang: str = "de",
    graph: nx.DiGraph[str] | None = None,
    limit: int | None = None,
) -> Result[SiloRow]:
    """Per field of action, pairs of departments whose projects there share no actor and no
    ``dependsOn``.

    Two departments are in contact in a field when a project of one and a project of the other, both
    in that field, have an actor in common (managing, taking part, contractor, coordinating) or one
    depends on the other. Ranked by the number of projects of both, then by field and department
    labels.
    """
    check_lang(lang)
    watch = Stopwatch()
    deps = (
        watch.add(project(kg, "dependencies", lang=lang, details=False)) if graph is None else graph
    )
    with watch.sparql():
        links = kg.select(f"SELECT ?p ?a WHERE {{ VALUES ?w {{ {_work_values()} }} ?p ?w ?a }}")
    with watch.networkx():
        actors: dict[str, set[str]] = defaultdict(set)
        for subject, actor in links.bound_rows():
            if subject.value in deps and isinstance(
                actor, ox.NamedNode
            ):  # projects only (nodes), actors only (IRIs)
                actors[subject.value].add(actor.value)
        in_field: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        for p, attrs in deps.nodes(data=True):
            if attrs.get("department"):
                for f in attrs.get("fields", ()):
                    in_field[f][attrs["department"]].append(p)
    wanted = {f for f, by_dept in in_field.items() if len(by_dept) > 1}
    wanted |= {d for f in wanted for d in in_field[f]}
    with watch.sparql():
        labels = kg.labels(wanted, lang)
    with watch.networkx():
        found = []
        for f, by_dept in in_field.items():
            if len(by_dept) < 2:
                continue
            dept_of = {p: d for d, ps in by_dept.items() for p in ps}
            contact: set[tuple[str, ...]] = set()
            by_actor: dict[str, set[str]] = defaultdict(set)
            for p, d in dept_of.items():
                for a in actors.get(p, ()):
                    by_actor[a].add(d)
                for q in deps.successors(p):
                    if q in dept_of and dept_of[q] != d:
                        contact.add(tuple(sorted((d, dept_of[q]))))
            for depts in by_actor.values():
                contact.update(itertools.combinations(sorted(depts), 2))
            ordered = sorted(by_dept, key=lambda d: order(labels[d], d))
            for d1, d2 in itertools.combinations(ordered, 2):
                if tuple(sorted((d1, d2))) not in contact:
                    found.append((f, d1, d2, len(by_dept[d1]), len(by_dept[d2])))
        found.sort(
            key=lambda s: (
                -(s[3] + s[4]),
                *order(labels[s[0]], s[0]),
                *order(labels[s[1]], s[1]),
                *order(labels[s[2]], s[2]),
            )
        )
        rows = [
            SiloRow(
                labels[f],
                labels[d1],
                labels[d2],
                n1,
                n2,
                _silo_reason(lang, labels[f], labels[d1], n1, labels[d2], n2),
                f,
                d1,
                d2,
            )
            for f, d1, d2, n1, n2 in top(found, limit)
        ]
    return Result(
        rows, cut_note(len(found), limit, lang) or _no_projects(kg, deps, lang), watch.timings
    )


def _silo_reason(lang: str, field_label: str, d1: str, n1: int, d2: str, n2: int) -> str:
    first, second = (
        f"{d1} ({t('count.projects', lang, n=n1)})",
        f"{d2} ({t('count.projects', lang, n=n2)})",
    )
    return t("silo.reason", lang, field=field_label, first=first, second=second)


def overlap(
    kg: KnowledgeGraph,
    *,
    lang: str = "de",
    graph: nx.DiGraph[str] | None = None,
    limit: int | None = None,
) -> Result[OverlapRow]:
    """Pairs of projects in different departments that share a field of action and a strategic goal.

    Ranked by how many fields and goals they share, then by the projects' labels.
    """
    check_lang(lang)
    watch = Stopwatch()
    cover = watch.add(project(kg, "coverage", lang=lang, details=False)) if graph is None else graph
    with watch.networkx():
        label: dict[str, Any] = {n: a.get("label") for n, a in cover.nodes(data=True)}
        cls: dict[str, Any] = {n: a.get("cls") for n, a in cover.nodes(data=True)}
        department: dict[str, Any] = {n: a.get("department") for n, a in cover.nodes(data=True)}
        targets: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
        groups: dict[tuple[str, str], list[str]] = defaultdict(list)
        for p in cover:
            if cls[p] != "project" or not department[p]:
                continue
            fields = frozenset(t for t in cover.successors(p) if cls[t] == "field")
            goals = frozenset(t for t in cover.successors(p) if cls[t] == "goal")
            targets[p] = (fields, goals)
            for pair in itertools.product(fields, goals):
                groups[pair].append(p)
        key = {p: order(label[p], p) for p in targets}
        pairs: set[tuple[str, str]] = set()
        for members in groups.values():
            for p, q in itertools.combinations(sorted(members, key=key.__getitem__), 2):
                if department[p] != department[q]:
                    pairs.add((p, q))
        scored = []
        for p, q in pairs:
            fields, goals = targets[p][0] & targets[q][0], targets[p][1] & targets[q][1]
            scored.append((-(len(fields) + len(goals)), key[p], key[q], p, q, fields, goals))
        scored.sort()
        shown = top(scored, limit)
    with watch.sparql():
        dept_labels = (
            kg.labels({department[v] for item in shown for v in item[3:5]}, lang) if shown else {}
        )
    with watch.networkx():
        texts: dict[frozenset[str], list[str]] = {}

        def labels_of(items: frozenset[str]) -> list[str]:
            if items not in texts:
                texts[items] = sorted((label[t] for t in items), key=str.casefold)
            return texts[items]

        rows = []
        for _score, _kp, _kq, p, q, fields, goals in shown:
            field_labels, goal_labels = labels_of(fields), labels_of(goals)
            dp, dq = dept_labels[department[p]], dept_labels[department[q]]
            reason = _overlap_reason(
                lang, f"{label[p]} ({dp})", f"{label[q]} ({dq})", field_labels, goal_labels
            )
            rows.append(
                OverlapRow(
                    label[p], label[q], dp, dq, "; ".join(field_labels + goal_labels), reason, p, q
                )
            )
    return Result(
        rows, cut_note(len(scored), limit, lang) or _no_projects(kg, cover, lang), watch.timings
    )


def _overlap_reason(lang: str, first: str, second: str, fields: list[str], goals: list[str]) -> str:
    where = t("overlap.fields", lang, names=names(fields, lang, 5), n=len(fields))
    what = t("overlap.goals", lang, names=names(goals, lang, 5), n=len(goals))
    return t("overlap.reason", lang, first=first, second=second, where=where, what=what)
