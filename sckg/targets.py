"""SDG targets for a city's projects, measures and strategic goals: proposals with their evidence,
and the decisions on them.

Three kinds of evidence name a project's targets. Its concepts (:mod:`sckg.concepts`, read from its
title and its description) and its reference fields of action name SDG targets
(``skos:relatedMatch`` in ``ontology/vocab/concepts.ttl``): a concept in the title gives each of its
targets a point, one only in the description ``POINTS.description``, a reference field
``POINTS.field``. And its field of action says what its projects are about: the other projects of
the same fields each vote for their targets (the accepted ones, else their concepts' targets, one
vote a project shared among them), and a target gets ``POINTS.siblings`` times its share of the
votes. Targets scoring at least ``THRESHOLD`` are proposed, best first, at most ``TOP`` per
project, a further one only when it scores ``MARGIN`` times the first's; targets the project
already maps to and those rejected in review are left out. A person decides in a review file (the
format of :mod:`sckg.link`): an accepted target becomes ``<project> skos:closeMatch <target>``
(what the SDG coverage of :mod:`sckg.compare` counts), a rejected one ``<project>
sckg:rejectedTarget <target>``. A strategic goal is read as a project is: its name as title, its
definition as description, the field of action it is related to (``skos:related``) as its field,
whose projects vote for it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .choices import ReviewDecision
from .concepts import concepts_in, field_targets, thesaurus
from .errors import ParameterError
from .formatting import number
from .link import Decision
from .link import write_decisions as link_decisions
from .namespaces import SCKG, SKOS
from .words import error_message, t

if TYPE_CHECKING:
    from .compare import CityData, Item

SDG = "http://metadata.un.org/sdg/"


@dataclass(frozen=True)
class Points:
    """What the evidence gives a target, beside the point of a concept in the title."""

    description: float = 0.5  # a concept named only in the description
    field: float = 0.25  # a reference field
    siblings: float = 0.75  # the other projects of its fields of action: times their votes' share


#: The points, the least score a proposed target needs, targets per project at most and the share
#: of the first's score a further one needs (1: only a tie): chosen on the tuning sets of
#: tests/assets/compare/sdg-labels.csv and cross-validated (``python bench/compare.py --cv``).
POINTS = Points()
THRESHOLD = 0.5
TOP = 2
MARGIN = 1.0
REJECTED_TARGET = SCKG + "rejectedTarget"
TARGET_COLUMNS = ("decision", "score", "project", "target", "evidence", "project_iri", "target_iri")


@dataclass(frozen=True)
class TargetProposal:
    """An SDG target proposed for a project, with the concepts and reference fields that name it."""

    project: Item
    target: str
    score: float
    concepts: tuple[tuple[str, str, float], ...]  # (concept, the word that names it, points)
    fields: tuple[tuple[str, float], ...]  # (reference field, points)
    siblings: tuple[int, int, float] = (0, 0, 0.0)  # (projects voting for it, voting, points)

    @property
    def code(self) -> str:
        """The target's code (``11.2``)."""
        return self.target[len(SDG) :]

    def evidence(self, lang: str, field_labels: dict[str, str]) -> str:
        """The evidence as one line: ``Thema Parken: „Parken“ +1,0; Referenz-Handlungsfeld …``."""
        labels = {c.iri: c.label(lang) for c in thesaurus()}
        parts = [
            t(
                "targets.evidence_concept",
                lang,
                concept=labels[c],
                word=word,
                points=number(points, lang, 2),
            )
            for c, word, points in self.concepts
        ]
        parts += [
            t(
                "targets.evidence_field",
                lang,
                field=field_labels.get(f, f),
                points=number(points, lang, 2),
            )
            for f, points in self.fields
        ]
        voting, voters, points = self.siblings
        if voting:
            parts.append(
                t(
                    "targets.evidence_siblings",
                    lang,
                    count=voting,
                    total=voters,
                    points=number(points, lang, 2),
                )
            )
        return "; ".join(parts)


def propose_targets(
    data: CityData,
    top: int = TOP,
    threshold: float = THRESHOLD,
    points: Points = POINTS,
    margin: float = MARGIN,
) -> list[TargetProposal]:
    """For each project, measure and strategic goal of the city ``data``, up to ``top`` SDG targets
    scoring at least ``threshold``, best first (then by code), those after the first scoring
    ``margin`` times the first's at least. The projects of a field of action vote for its goals'
    targets as for its other projects'; the goals do not vote."""
    if top < 1:
        raise ParameterError(error_message("error.top"))
    if not threshold > 0:  # NaN too
        raise ParameterError(error_message("error.threshold"))
    by_field = field_targets()
    concept_targets = {c.iri: c.targets for c in thesaurus()}
    proposed_for = (*data.items, *data.strategic_goals)
    named = {item.iri: _concepts(item, points) for item in proposed_for}
    votes = {item.iri: _votes(item, named[item.iri], concept_targets) for item in data.items}
    members: dict[str, set[str]] = defaultdict(set)  # the projects vote, not the goals
    for item in data.items:
        for field in item.own_fields:
            members[field].add(item.iri)
    found: list[TargetProposal] = []
    for item in proposed_for:
        scores: dict[str, float] = defaultdict(float)
        concepts: dict[str, list[tuple[str, str, float]]] = defaultdict(list)
        fields: dict[str, list[tuple[str, float]]] = defaultdict(list)
        for concept, (word, worth) in named[item.iri].items():
            for target in concept_targets[concept]:
                scores[target] += worth
                concepts[target].append((concept, word, worth))
        for field in sorted(item.fields):
            for target in by_field.get(field, ()):
                scores[target] += points.field
                fields[target].append((field, points.field))
        others = set().union(*(members[f] for f in item.own_fields)) - {item.iri}
        voters = [votes[o] for o in sorted(others) if votes[o]]
        siblings: dict[str, tuple[int, int, float]] = {}
        for target in sorted({target for vote in voters for target in vote}):
            share = sum(v.get(target, 0.0) for v in voters) / len(voters)
            scores[target] += points.siblings * share
            voting = sum(target in v for v in voters)
            siblings[target] = (voting, len(voters), round(points.siblings * share, 2))
        ranked = sorted(
            (
                TargetProposal(
                    item,
                    target,
                    round(score, 2),
                    tuple(concepts[target]),
                    tuple(fields[target]),
                    siblings.get(target, (0, 0, 0.0)),
                )
                for target, score in scores.items()
                if round(score, 2) >= threshold
                and target not in item.sdgs
                and (item.iri, target) not in data.rejected_targets
            ),
            key=lambda p: (-p.score, _order(p.code)),
        )
        found.extend(p for p in ranked[:top] if p.score >= margin * ranked[0].score)
    return found


def _concepts(item: Item, points: Points) -> dict[str, tuple[str, float]]:
    """The concepts ``item`` names, each with the word that names it and its points: 1 in the
    title, ``points.description`` only in the description."""
    titled = concepts_in(item.title)
    described = concepts_in(item.description) if item.description else {}
    return {
        concept: (word, 1.0 if concept in titled else points.description)
        for concept, word in (described | titled).items()
    }


def _votes(
    item: Item,
    named: dict[str, tuple[str, float]],
    concept_targets: dict[str, tuple[str, ...]],
) -> dict[str, float]:
    """The vote of ``item`` for the targets of its field's other projects: its accepted targets,
    else its concepts' targets by their points, shares summing to 1 (none: no vote)."""
    accepted = sorted(s for s in item.sdgs if "." in s[len(SDG) :])
    if accepted:
        return {target: 1 / len(accepted) for target in accepted}
    weights: dict[str, float] = defaultdict(float)
    for concept, (_, worth) in named.items():
        for target in concept_targets[concept]:
            weights[target] += worth / len(concept_targets[concept])
    total = sum(weights.values())
    return {target: weight / total for target, weight in weights.items()}


def _order(code: str) -> tuple[int, str]:
    goal, _, target = code.partition(".")
    return int(goal), target.zfill(3)


def review_rows(
    proposals: Sequence[TargetProposal], lang: str, field_labels: dict[str, str]
) -> list[list[Any]]:
    """The rows of a review file (``TARGET_COLUMNS``), the decision column empty."""
    return [
        [
            "",
            p.score,
            p.project.title,
            p.code,
            p.evidence(lang, field_labels),
            p.project.iri,
            p.target,
        ]
        for p in proposals
    ]


def write_decisions(rows: Sequence[dict[str, str]], path: Path | str) -> tuple[int, int]:
    """Add decided review rows (``decision`` accept or reject, ``project_iri``, ``target_iri``) to
    the Turtle file ``path`` (:func:`sckg.link.write_decisions`: a new decision on a pair replaces
    the old one); the numbers of accepted and of rejected targets the file then holds."""
    decisions = [
        Decision(row["project_iri"], row["target_iri"], ReviewDecision(row["decision"]))
        for row in rows
    ]
    return link_decisions(decisions, path, accept=SKOS + "closeMatch", reject=REJECTED_TARGET)
