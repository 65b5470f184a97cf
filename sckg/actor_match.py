"""Inventory meets council: the actors of a city's inventory and the organizations of its council
records (OParl) that are the same, proposed with their evidence for a person to decide.

Two actors are proposed as one when they have the same name (``gleicher Name``), when one's name is
the other's short name (``skos:altLabel``), each worth 1, and when they are of the same kind
(``org:classification``), worth ½ more; proposals scoring at least :data:`THRESHOLD` are listed. A
person decides in a review file (:func:`sckg.link.write_review_table`): an accepted pair becomes
``owl:sameAs``, a rejected one ``owl:differentFrom``, in a Turtle file loaded with the data; neither
is proposed again, and the network projections join an accepted pair into one node
(:func:`sckg.network.projection.project`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .choices import ReviewDecision
from .link import Decision, read_review_table, write_decisions, write_review_table
from .namespaces import ACTOR_CLASSES, OWL, sparql_values
from .words import t

if TYPE_CHECKING:
    from collections.abc import Callable

    from .errors import Message
    from .kg import KnowledgeGraph

THRESHOLD = 1.0
SAME_AS, DIFFERENT_FROM = OWL + "sameAs", OWL + "differentFrom"
#: The columns of the review file; a person fills in ``decision``.
REVIEW_COLUMNS = (
    "decision",
    "score",
    "actor",
    "organization",
    "evidence",
    "actor_iri",
    "organization_iri",
)
_COMMAND = "sckg link actors --review"

_ACTORS = f"""
SELECT ?a ?label ?short ?kind ?council WHERE {{
  VALUES ?t {{ {sparql_values(ACTOR_CLASSES)} }}
  ?a a ?t .
  BIND(EXISTS {{ VALUES ?o {{ oparl:Body oparl:Organization }} ?a a ?o }} AS ?council)
  OPTIONAL {{ ?a rdfs:label ?label }}
  OPTIONAL {{ ?a skos:altLabel ?short }}
  OPTIONAL {{ ?a org:classification ?kind }}
  FILTER(isIRI(?a))
}}"""
_DECIDED = "SELECT ?a ?b WHERE { VALUES ?p { owl:sameAs owl:differentFrom } ?a ?p ?b }"


@dataclass(frozen=True)
class ActorMatch:
    """An inventory actor and a council organization proposed as the same, with the score and
    evidence."""

    actor: str
    actor_label: str
    organization: str
    organization_label: str
    score: float
    evidence: tuple[str, ...]

    def evidence_text(self) -> str:
        """The evidence as one line."""
        return "; ".join(self.evidence)


@dataclass
class _Actor:
    iri: str
    council: bool
    labels: set[str]
    shorts: set[str]
    kinds: set[str]

    def label(self) -> str:
        return min(self.labels, default=self.iri.rsplit("/", 1)[-1])


def _key(name: str) -> str:
    """A name as compared: case, dashes, dots and spacing do not count."""
    return " ".join(re.sub(r"[-‐‑–—./]", " ", name.casefold()).split())


def propose_actor_matches(
    kg: KnowledgeGraph, *, lang: str = "de", threshold: float = THRESHOLD
) -> list[ActorMatch]:
    """Pairs of an inventory actor and a council organization that are likely one, best first; pairs
    decided before (``owl:sameAs``, ``owl:differentFrom``) are left out."""
    actors: dict[str, _Actor] = {}
    for row in kg.select(_ACTORS).records():
        actor = actors.setdefault(
            row["a"], _Actor(row["a"], bool(row["council"]), set(), set(), set())
        )
        for key, into in (("label", actor.labels), ("short", actor.shorts), ("kind", actor.kinds)):
            if row.get(key) is not None:
                into.add(str(row[key]))
    decided = {frozenset((row["a"], row["b"])) for row in kg.select(_DECIDED).records()}
    kinds = kg.labels(sorted({k for a in actors.values() for k in a.kinds}), lang)
    inventory = [a for a in actors.values() if not a.council]
    council = [a for a in actors.values() if a.council]
    matches = []
    for actor in inventory:
        for organization in council:
            if frozenset((actor.iri, organization.iri)) in decided:
                continue
            evidence, score = _evidence(actor, organization, kinds, lang)
            if score >= threshold:
                matches.append(
                    ActorMatch(
                        actor.iri,
                        actor.label(),
                        organization.iri,
                        organization.label(),
                        score,
                        tuple(evidence),
                    )
                )
    return sorted(matches, key=lambda m: (-m.score, m.actor_label.casefold(), m.organization))


def _evidence(
    actor: _Actor, other: _Actor, kinds: dict[str, str], lang: str
) -> tuple[list[str], float]:
    names, other_names = {_key(n) for n in actor.labels}, {_key(n) for n in other.labels}
    shorts, other_shorts = {_key(n) for n in actor.shorts}, {_key(n) for n in other.shorts}
    evidence, score = [], 0.0
    if names & other_names:
        evidence.append(t("actor_match.same_name", lang))
        score += 1
    elif found := sorted((names & other_shorts) | (shorts & other_names)):
        short = next(
            n
            for n in sorted(actor.labels | actor.shorts | other.labels | other.shorts)
            if _key(n) == found[0]
        )
        evidence.append(t("actor_match.short_name", lang, name=short))
        score += 1
    if score and (same := sorted(actor.kinds & other.kinds)):
        evidence.append(t("actor_match.same_kind", lang, kind=kinds.get(same[0], same[0])))
        score += 0.5
    return evidence, score


def write_actor_review(matches: list[ActorMatch], path: Path | str) -> Path:
    """Write the review file ``path`` (``.csv`` or ``.xlsx``) of the proposed matches."""
    rows: list[list[Any]] = [
        [
            "",
            m.score,
            m.actor_label,
            m.organization_label,
            m.evidence_text(),
            m.actor,
            m.organization,
        ]
        for m in matches
    ]
    return write_review_table(REVIEW_COLUMNS, rows, path)


def read_actor_review(
    path: Path | str, other_kind: Callable[[list[str]], Message | None] | None = None
) -> list[Decision]:
    """The decisions in a filled-in review file of matches (``other_kind`` as for
    :func:`~sckg.link.read_review_table`)."""
    return [
        Decision(row["actor_iri"], row["organization_iri"], ReviewDecision(row["decision"]))
        for row in read_review_table(
            path, REVIEW_COLUMNS[5:], written_by=_COMMAND, other_kind=other_kind
        )
    ]


def write_actor_decisions(decisions: list[Decision], path: Path | str) -> tuple[int, int]:
    """Add the decisions to the Turtle file ``path``: ``owl:sameAs`` for accepted,
    ``owl:differentFrom`` for rejected pairs; the numbers of each the file then holds."""
    return write_decisions(decisions, path, accept=SAME_AS, reject=DIFFERENT_FROM)
