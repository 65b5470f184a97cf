"""SDG targets for a city's projects and measures: proposals with their evidence, and the
decisions on them.

A project's concepts (:mod:`sckg.concepts`, read from its title and, weighing
``DESCRIPTION_POINTS``, its description) and its reference fields of action name SDG targets
(``skos:relatedMatch`` in ``ontology/vocab/concepts.ttl``): a concept in the title gives each of its
targets a point, a reference field ``FIELD_POINTS``. Targets scoring at least ``THRESHOLD`` are
proposed, at most ``TOP`` per project, best first; targets the project already maps to and those
rejected in review are left out. A person decides in a review file (the format of
:mod:`sckg.link`): an accepted target becomes ``<project> skos:closeMatch <target>`` (what the SDG
coverage of :mod:`sckg.compare` counts), a rejected one ``<project> sckg:rejectedTarget
<target>``."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from .choices import ReviewDecision
from .concepts import concepts_in, field_targets, thesaurus
from .errors import DataError, ParameterError
from .formatting import number
from .ingest import write_turtle
from .namespaces import SCKG, SKOS
from .words import error_message, t

if TYPE_CHECKING:
    from .compare import CityData, Item

SDG = "http://metadata.un.org/sdg/"
#: The least score a proposed target needs, and targets per project at most (tuned on the tune half
#: of tests/assets/compare/sdg-labels.csv).
THRESHOLD = 0.5
TOP = 1
#: What a concept named only in the description and a reference field give each of their targets.
DESCRIPTION_POINTS = 0.5
FIELD_POINTS = 0.5
REJECTED_TARGET = SCKG + "rejectedTarget"
TARGET_COLUMNS = ("decision", "score", "project", "target", "evidence", "project_iri", "target_iri")


@dataclass(frozen=True)
class TargetProposal:
    """An SDG target proposed for a project, with the concepts and reference fields that name it."""

    project: Item
    target: str
    score: float
    concepts: tuple[tuple[str, str, float], ...]  # (concept, the word that names it, points)
    fields: tuple[str, ...]

    @property
    def code(self) -> str:
        """The target's code (``11.2``)."""
        return self.target[len(SDG) :]

    def evidence(self, lang: str, field_labels: dict[str, str]) -> str:
        """The evidence as one line: ``Thema Parken: „Parken“ +1; Referenz-Handlungsfeld …``."""
        labels = {c.iri: c.label(lang) for c in thesaurus()}
        parts = [
            t(
                "targets.evidence_concept",
                lang,
                concept=labels[c],
                word=word,
                points=number(points, lang, 1),
            )
            for c, word, points in self.concepts
        ]
        parts += [
            t(
                "targets.evidence_field",
                lang,
                field=field_labels.get(f, f),
                points=number(FIELD_POINTS, lang, 1),
            )
            for f in self.fields
        ]
        return "; ".join(parts)


def propose_targets(
    data: CityData, top: int = TOP, threshold: float = THRESHOLD
) -> list[TargetProposal]:
    """For each project and measure of the city ``data``, up to ``top`` SDG targets scoring at
    least ``threshold``, best first (then by code)."""
    if top < 1:
        raise ParameterError(error_message("error.top"))
    if threshold <= 0:
        raise ParameterError(error_message("error.threshold"))
    by_field = field_targets()
    concept_targets = {c.iri: c.targets for c in thesaurus()}
    found = []
    for item in data.items:
        titled = concepts_in(item.title)
        described = concepts_in(item.description) if item.description else {}
        scores: dict[str, float] = defaultdict(float)
        concepts: dict[str, list[tuple[str, str, float]]] = defaultdict(list)
        fields: dict[str, list[str]] = defaultdict(list)
        for concept, word in (described | titled).items():
            points = 1.0 if concept in titled else DESCRIPTION_POINTS
            for target in concept_targets[concept]:
                scores[target] += points
                concepts[target].append((concept, word, points))
        for field in sorted(item.fields):
            for target in by_field.get(field, ()):
                scores[target] += FIELD_POINTS
                fields[target].append(field)
        ranked = sorted(
            (
                TargetProposal(
                    item, target, round(score, 2), tuple(concepts[target]), tuple(fields[target])
                )
                for target, score in scores.items()
                if score >= threshold
                and target not in item.sdgs
                and (item.iri, target) not in data.rejected_targets
            ),
            key=lambda p: (-p.score, _order(p.code)),
        )
        found.extend(ranked[:top])
    return found


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
    the Turtle file ``path`` (a new decision on a pair replaces the old one); the numbers of
    accepted and of rejected targets the file then holds."""
    path = Path(path)
    kept: list[ox.Triple] = []
    if path.exists():
        try:
            kept = [quad.triple for quad in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)]
        except (SyntaxError, OSError) as exc:
            raise DataError(
                error_message("error.decisions_turtle", path=path, reason=exc)
            ) from None
    accept, reject = ox.NamedNode(SKOS + "closeMatch"), ox.NamedNode(REJECTED_TARGET)
    pairs = {(f"<{r['project_iri']}>", f"<{r['target_iri']}>") for r in rows}
    triples = {
        k
        for k in kept
        if k.predicate not in (accept, reject) or (str(k.subject), str(k.object)) not in pairs
    }
    for row in rows:
        predicate = reject if row["decision"] == ReviewDecision.reject else accept
        triples.add(
            ox.Triple(ox.NamedNode(row["project_iri"]), predicate, ox.NamedNode(row["target_iri"]))
        )
    write_turtle(triples, path)
    return (
        sum(1 for k in triples if k.predicate == accept),
        sum(1 for k in triples if k.predicate == reject),
    )
