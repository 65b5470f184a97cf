"""Reference fields of action for a city's own fields: proposals with their evidence, and the
decisions on them.

A city's own field of action (a ``sckg:FieldOfAction`` of its data outside the reference scheme,
with no ``skos:exactMatch``, ``closeMatch`` or ``broadMatch`` to a reference field yet) is read
against each reference field of ``ontology/vocab/fields.ttl`` with that field's German words, those
``sckg link papers`` finds papers by (:mod:`sckg.link`): its name or a match word
(``skos:hiddenLabel``) in the own field's name gives ``STRENGTHS["match"]`` points, a context word
``STRENGTHS["context"]``, the best one counting; and the share of the field's projects whose title
holds one of them gives that share of ``PROJECTS`` points. An excluded word
(``sckg:excludedKeyword``) in a title rules that title out. Reference fields scoring at least
``THRESHOLD`` are proposed, best first, at most ``TOP`` per field; pairs rejected in review are
left out. A person decides in a review file (the format of :mod:`sckg.link`): an accepted
reference field becomes ``<field> skos:closeMatch <reference field>``, which the coverage by
reference field of :mod:`sckg.compare` counts, a rejected one ``<field> sckg:rejectedMatch
<reference field>``."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .choices import ReviewDecision
from .errors import ParameterError
from .formatting import number
from .link import KEYWORD_PROPERTIES, STRENGTHS, Decision
from .link import write_decisions as link_decisions
from .namespaces import FIELD, MODEL_GRAPH, SCKG, SKOS
from .wordmatch import Keyword, tokens
from .words import error_message, t

if TYPE_CHECKING:
    from .kg import KnowledgeGraph

#: Points for the share of a field's projects that name the reference field, the least score a
#: proposal needs (a context word in the name is enough) and proposals per field at most.
PROJECTS = 1.0
THRESHOLD = 0.5
TOP = 2
REJECTED_MATCH = SCKG + "rejectedMatch"
MATCH_COLUMNS = (
    "decision",
    "score",
    "field",
    "reference_field",
    "evidence",
    "field_iri",
    "reference_iri",
)
_MATCHED = "skos:exactMatch|skos:closeMatch|skos:broadMatch"
OWN_FIELDS_QUERY = f"""SELECT DISTINCT ?field WHERE {{
  GRAPH ?g {{ ?field a sckg:FieldOfAction }} FILTER(?g != <{MODEL_GRAPH}>)
  FILTER NOT EXISTS {{ ?field skos:inScheme <{FIELD}scheme> }}
  FILTER NOT EXISTS {{ ?field {_MATCHED} ?ref . ?ref skos:inScheme <{FIELD}scheme> }}
}}"""
WORDS_QUERY = f"""SELECT ?ref ?strength ?word WHERE {{
  {{ {KEYWORD_PROPERTIES} }} UNION {{ VALUES (?p ?strength) {{ (skos:prefLabel 'match') }} }}
  ?ref skos:inScheme <{FIELD}scheme> ; a sckg:FieldOfAction ; ?p ?word FILTER(LANG(?word) = 'de')
}}"""
PROJECTS_QUERY = (
    "SELECT ?project ?field WHERE { ?project a sckg:Project ; sckg:inFieldOfAction ?field }"
)
REJECTED_QUERY = "SELECT ?field ?ref WHERE { ?field sckg:rejectedMatch ?ref }"


@dataclass(frozen=True)
class FieldMatch:
    """A reference field proposed for a city's own field of action, with its evidence."""

    field: str
    field_label: str
    reference: str
    reference_label: str
    score: float
    name: tuple[str, str, float] | None  # (the word of the name, the reference's word, points)
    projects: tuple[int, int, float]  # (projects naming it, projects of the field, points)

    def evidence(self, lang: str) -> str:
        """``Name: „Mobilität“ ~ Mobilität +0,50; 2 von 3 Projekten des Handlungsfelds +0,67``."""
        parts = []
        if self.name:
            found, word, points = self.name
            parts.append(
                t(
                    "mapping.evidence_name",
                    lang,
                    found=found,
                    word=word,
                    points=number(points, lang, 2),
                )
            )
        naming, total, points = self.projects
        if naming:
            parts.append(
                t(
                    "mapping.evidence_projects",
                    lang,
                    count=naming,
                    total=total,
                    points=number(points, lang, 2),
                )
            )
        return "; ".join(parts)


def propose_field_matches(
    kg: KnowledgeGraph, lang: str = "de", top: int = TOP, threshold: float = THRESHOLD
) -> list[FieldMatch]:
    """For each own field of action of ``kg`` not mapped yet, up to ``top`` reference fields
    scoring at least ``threshold``, best first; by the fields' names in ``lang``."""
    if top < 1:
        raise ParameterError(error_message("error.top"))
    if not threshold > 0:  # NaN too
        raise ParameterError(error_message("error.threshold"))
    fields = [row[0].value for row in kg.select(OWN_FIELDS_QUERY).bound_rows()]
    if not fields:
        return []
    words: dict[str, list[tuple[str, Keyword, str]]] = defaultdict(list)
    for concept, strength, word in kg.select(WORDS_QUERY).bound_rows():
        words[concept.value].append((strength.value, Keyword.of(word.value), word.value))
    members: dict[str, set[str]] = defaultdict(set)
    for project, home in kg.select(PROJECTS_QUERY).bound_rows():
        members[home.value].add(project.value)
    rejected = {(f.value, r.value) for f, r in kg.select(REJECTED_QUERY).bound_rows()}
    german = kg.labels([*fields, *(p for f in fields for p in members[f])], "de")
    shown = kg.labels([*fields, *words], lang)
    texts = {text: _Text(text) for text in german.values()}
    found = []
    for field in fields:
        titles = [texts[german[p]] for p in sorted(members[field])]
        for ref, rules in sorted(words.items()):
            if (field, ref) in rejected:
                continue
            name = _best(rules, texts[german[field]])
            naming = sum(_best(rules, title) is not None for title in titles)
            share = round(PROJECTS * naming / len(titles), 2) if titles else 0.0
            score = round((name[2] if name else 0.0) + share, 2)
            if score >= threshold:
                match = FieldMatch(
                    field, shown[field], ref, shown[ref], score, name, (naming, len(titles), share)
                )
                found.append(match)
    by_field: dict[str, list[FieldMatch]] = defaultdict(list)
    for match in found:
        by_field[match.field].append(match)
    return [
        match
        for field in sorted(by_field, key=lambda f: (shown[f].casefold(), f))
        for match in sorted(by_field[field], key=lambda m: (-m.score, m.reference))[:top]
    ]


class _Text:
    """A text with its tokens and their folded words (which hold every match's clue), made once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = tokens(text)
        self.folded = " ".join(token.word for token in self.tokens)


def _best(rules: list[tuple[str, Keyword, str]], text: _Text) -> tuple[str, str, float] | None:
    """The strongest word of ``rules`` in ``text`` (the word as written, the rule's word, points);
    None when there is none or an excluded word is there."""
    best: tuple[str, str, float] | None = None
    for strength, keyword, word in rules:
        span = keyword.find(text.tokens) if keyword.clue in text.folded else None
        if span is None:
            continue
        if strength == "exclude":
            return None
        points = STRENGTHS[strength]
        if best is None or points > best[2]:
            best = (text.text[span[0] : span[1]], word, points)
    return best


def review_rows(proposals: Sequence[FieldMatch], lang: str) -> list[list[Any]]:
    """The rows of a review file (``MATCH_COLUMNS``), the decision column empty."""
    return [
        [
            "",
            m.score,
            m.field_label,
            m.reference_label,
            m.evidence(lang),
            m.field,
            m.reference,
        ]
        for m in proposals
    ]


def write_decisions(rows: Sequence[dict[str, str]], path: Path | str) -> tuple[int, int]:
    """Add decided review rows (``decision`` accept or reject, ``field_iri``, ``reference_iri``) to
    the Turtle file ``path`` (:func:`sckg.link.write_decisions`: a new decision on a pair replaces
    the old one); the numbers of accepted and of rejected reference fields the file then holds."""
    decisions = [
        Decision(row["field_iri"], row["reference_iri"], ReviewDecision(row["decision"]))
        for row in rows
    ]
    return link_decisions(decisions, path, accept=SKOS + "closeMatch", reject=REJECTED_MATCH)
