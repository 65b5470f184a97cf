"""Smart City concepts: what a title or description is about, whatever words it uses.

The thesaurus ``ontology/vocab/concepts.ttl`` holds concepts (parking, flooding, urban data platform
...) with German and English labels; each label is a keyword of the word matcher
(:mod:`sckg.wordmatch`: inflections and compound parts), so "Handyparken" and
"Parkraummanagement" are both about parking and "Pegel-Frühwarnsystem" and
"Wasserstandssensoren" both about flooding. A concept may name the SDG targets it serves
(``skos:relatedMatch``)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import pyoxigraph as ox

from .namespaces import SKOS, VOCAB
from .wordmatch import Keyword, Token, fold, tokens

CONCEPT = VOCAB + "concept/"


@dataclass(frozen=True)
class Concept:
    """A concept of the thesaurus: its labels, the keywords that find it, the SDG targets it
    serves."""

    iri: str
    labels: dict[str, str]  # language → preferred label
    keywords: tuple[Keyword, ...]
    targets: tuple[str, ...]

    def label(self, lang: str) -> str:
        """The preferred label in ``lang`` (else the German one)."""
        return self.labels.get(lang, self.labels["de"])


@cache
def thesaurus() -> tuple[Concept, ...]:
    """The concepts of ``ontology/vocab/concepts.ttl``, in the order of their IRIs."""
    from . import resources

    path = resources.reference_vocabulary("concepts")
    labels: dict[str, dict[str, str]] = {}
    words: dict[str, set[str]] = {}
    targets: dict[str, set[str]] = {}
    for quad in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE):
        subject, predicate, value = quad.subject.value, quad.predicate.value, quad.object
        if not subject.startswith(CONCEPT) or subject == CONCEPT + "scheme":
            continue
        if isinstance(value, ox.Literal) and predicate in (SKOS + "prefLabel", SKOS + "altLabel"):
            words.setdefault(subject, set()).add(value.value)
            if predicate == SKOS + "prefLabel" and value.language:
                labels.setdefault(subject, {})[value.language] = value.value
        elif predicate == SKOS + "relatedMatch":
            targets.setdefault(subject, set()).add(value.value)
    return tuple(
        Concept(
            iri,
            labels[iri],
            tuple(Keyword.of(w) for w in sorted(words[iri])),
            tuple(sorted(targets.get(iri, ()))),
        )
        for iri in sorted(labels)
    )


def concepts_in(text: str) -> dict[str, str]:
    """The concepts ``text`` is about: each concept's IRI with the word of ``text`` that names it
    (the first found, as written)."""
    found = tokens(text)
    return concepts_of(found, text)


def concepts_of(found: list[Token], text: str) -> dict[str, str]:
    """:func:`concepts_in` for a text already split into ``found`` tokens."""
    folded = fold(text.casefold())
    result = {}
    for concept in thesaurus():
        for keyword in concept.keywords:
            if keyword.clue not in folded:
                continue
            span = keyword.find(found)
            if span is not None:
                result[concept.iri] = text[span[0] : span[1]]
                break
    return result
