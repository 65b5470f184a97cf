"""Proposing links from council papers to projects and fields of action by keyword rules.

The rules live in the graph as SKOS: every ``skos:hiddenLabel`` of a field of action (the reference fields in
``ontology/vocab/fields.ttl``, a city's own fields from the template's Keywords column) and of a project,
plus a project's ``skos:altLabel`` and its title when that has at most three words. A reference field's
keywords point to the city's field that ``skos:exactMatch``-es it, if there is one. A keyword of up to four
characters must match a whole word (WLAN, OZG, 5G); a longer one the start of a word, so plurals and
compounds ending in it are found (Ladesäule → Ladesäulen, but not Schnellladesäule).
An accepted proposal becomes ``<paper> dcterms:subject <project or field>``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from .errors import DataError, UsageError
from .ingest import write_turtle
from .namespaces import DCTERMS, MODEL_GRAPH, shorten

if TYPE_CHECKING:
    from .kg import KnowledgeGraph

SUBJECT = DCTERMS + "subject"
SHORT_KEYWORD = 4
TITLE_WORDS = 3
_CONTEXT = 40

RULES_QUERY = f"""
SELECT DISTINCT ?target ?kind ?keyword WHERE {{
  {{
    ?concept a sckg:FieldOfAction ; skos:hiddenLabel ?keyword .
    OPTIONAL {{ GRAPH ?g {{ ?city skos:exactMatch ?concept ; a sckg:FieldOfAction }} FILTER(?g != <{MODEL_GRAPH}>) }}
    BIND(COALESCE(?city, ?concept) AS ?target)
    BIND("field" AS ?kind)
  }} UNION {{
    ?target a sckg:Project ; skos:hiddenLabel|skos:altLabel|dcterms:title ?keyword .
    BIND("project" AS ?kind)
  }}
}}"""
#: The texts of a paper that are searched, in this order (the first match gives the text shown).
TEXT_PROPERTIES = ("dcterms:title", "rdfs:label", "dcterms:description", "dcterms:abstract", "sckg:resolutionText")
PAPERS_QUERY = f"""
SELECT ?paper ?property ?text WHERE {{
  VALUES ?property {{ {" ".join(TEXT_PROPERTIES)} }}
  ?paper a oparl:Paper ; ?property ?text .
}}"""
LINKED_QUERY = "SELECT ?paper ?target WHERE { ?paper a oparl:Paper ; dcterms:subject ?target }"


@dataclass(frozen=True)
class Rule:
    """A keyword and what a paper that mentions it is about."""

    target: str
    kind: str
    keyword: str

    def pattern(self) -> re.Pattern[str]:
        """Whole word for short keywords, start of a word for longer ones; case-insensitive."""
        end = r"(?!\w)" if len(self.keyword) <= SHORT_KEYWORD else ""
        return re.compile(r"(?<!\w)" + re.escape(self.keyword) + end, re.IGNORECASE)


@dataclass(frozen=True)
class LinkProposal:
    """A proposed link from a paper to a project or field, with the keywords and the text that matched."""

    paper: str
    paper_label: str
    target: str
    target_label: str
    kind: str
    keyword: str
    text: str


def keyword_rules(kg: KnowledgeGraph) -> list[Rule]:
    """The keyword rules of the graph (see the module description), sorted."""
    rules = set()
    for target, kind, keyword in kg.select(RULES_QUERY).bound_rows():
        word = " ".join(keyword.value.split())
        if word and (kind.value == "field" or len(word.split()) <= TITLE_WORDS):
            rules.add(Rule(target.value, kind.value, word))
    return sorted(rules, key=lambda r: (r.kind, r.target, r.keyword.casefold()))


def propose_paper_links(kg: KnowledgeGraph, lang: str = "de") -> list[LinkProposal]:
    """Proposals for every paper whose title or text mentions a keyword, except links already in the graph."""
    rules = [(rule, rule.pattern()) for rule in keyword_rules(kg)]
    order = {name: rank for rank, name in enumerate(TEXT_PROPERTIES)}
    found_texts: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for paper_term, prop, text_term in kg.select(PAPERS_QUERY).bound_rows():
        found_texts[paper_term.value].append((order[shorten(prop.value)], text_term.value))
    texts = {paper: list(dict.fromkeys(t for _, t in sorted(items))) for paper, items in found_texts.items()}
    linked = {(p.value, t.value) for p, t in kg.select(LINKED_QUERY).bound_rows()}
    matches: dict[tuple[str, str], list[tuple[int, int, str, str, re.Match[str]]]] = defaultdict(list)
    for paper in sorted(texts):
        for rule, pattern in rules:
            if (paper, rule.target) in linked:
                continue
            for index, text in enumerate(texts[paper]):
                if match := pattern.search(text):
                    matches[(paper, rule.target)].append((index, match.start(), rule.kind, text, match))
                    break
    found = {}
    for key, hits in matches.items():
        hits.sort(key=lambda hit: hit[:2])  # the earliest match (in the first text) gives the text shown
        _, _, kind, text, match = hits[0]
        found[key] = (kind, [hit[4].group(0) for hit in hits], _snippet(text, match))
    labels = kg.labels({iri for key in found for iri in key}, lang)
    proposals = [
        LinkProposal(paper, labels[paper], target, labels[target], kind, ", ".join(dict.fromkeys(words)), text)
        for (paper, target), (kind, words, text) in found.items()
    ]
    return sorted(proposals, key=lambda p: (p.paper_label.casefold(), p.paper, p.kind, p.target_label.casefold()))


def _snippet(text: str, match: re.Match[str]) -> str:
    start, end = max(0, match.start() - _CONTEXT), min(len(text), match.end() + _CONTEXT)
    if start and (space := text.find(" ", start, match.start())) >= 0:  # whole words only
        start = space + 1
    if end < len(text) and (space := text.rfind(" ", match.end(), end)) >= 0:
        end = space
    snippet = " ".join(text[start:end].split())
    return ("…" if start else "") + snippet + ("…" if end < len(text) else "")


def select_proposals(proposals: list[LinkProposal], spec: str) -> list[LinkProposal]:
    """The proposals named by ``spec``: ``all`` or numbers and ranges as listed, e.g. ``1,3,5-7``."""
    if spec.strip().lower() == "all":
        return list(proposals)
    chosen: list[LinkProposal] = []
    for part in filter(None, (p.strip() for p in spec.split(","))):
        match = re.fullmatch(r"(\d+)(?:-(\d+))?", part)
        first, last = (int(match.group(1)), int(match.group(2) or match.group(1))) if match else (0, 0)
        if not match or not 1 <= first <= last <= len(proposals):
            raise UsageError(
                f"--accept: '{part}' is not a proposal number or range between 1 and {len(proposals)} "
                "(use 'all' or numbers like 1,3,5-7 from the listing)"
            )
        chosen.extend(p for p in proposals[first - 1 : last] if p not in chosen)
    return chosen


def link_triples(proposals: list[LinkProposal]) -> list[ox.Triple]:
    """The ``dcterms:subject`` triples of accepted proposals."""
    return [ox.Triple(ox.NamedNode(p.paper), ox.NamedNode(SUBJECT), ox.NamedNode(p.target)) for p in proposals]


def write_links(proposals: list[LinkProposal], path: Path | str) -> int:
    """Add the accepted links to the Turtle file ``path`` (kept triples and new ones, sorted); the number of
    ``dcterms:subject`` links the file then holds."""
    path = Path(path)
    triples = set(link_triples(proposals))
    if path.exists():
        try:
            triples.update(quad.triple for quad in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))
        except (SyntaxError, OSError) as exc:
            raise DataError(f"{path}: cannot add links to it, it is not a readable Turtle file ({exc})") from None
    write_turtle(triples, path)
    return sum(1 for t in triples if t.predicate.value == SUBJECT)
