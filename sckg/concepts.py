"""Smart City concepts: what a title or description is about, whatever words it uses.

The thesaurus ``ontology/vocab/concepts.ttl`` holds concepts (parking, flooding, urban data platform
...) with German and English labels; each label is a keyword of the word matcher
(:mod:`sckg.wordmatch`: inflections and compound parts), so "Handyparken" and
"Parkraummanagement" are both about parking and "Pegel-Frühwarnsystem" and
"Wasserstandssensoren" both about flooding. A concept, and a reference field of action, may name
the SDG targets it serves (``skos:relatedMatch``): :mod:`sckg.targets` proposes them."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

import pyoxigraph as ox

from .namespaces import FIELD, SKOS, VOCAB
from .wordmatch import Keyword, Token, fold, part_of, tokens

CONCEPT = VOCAB + "concept/"
MATCH = SKOS + "relatedMatch"  # a concept's or reference field's SDG targets


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
def _statements() -> tuple[tuple[str, str, ox.NamedNode | ox.Literal], ...]:
    """The file's statements whose subject is an IRI and whose object an IRI or a literal."""
    from . import resources

    path = resources.reference_vocabulary("concepts")
    return tuple(
        (q.subject.value, q.predicate.value, q.object)
        for q in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)
        if isinstance(q.subject, ox.NamedNode) and isinstance(q.object, ox.NamedNode | ox.Literal)
    )


@cache
def field_targets() -> dict[str, tuple[str, ...]]:
    """The SDG targets the projects of each reference field serve most often."""
    found: dict[str, set[str]] = {}
    for subject, predicate, value in _statements():
        if subject.startswith(FIELD) and predicate == MATCH:
            found.setdefault(subject, set()).add(value.value)
    return {field: tuple(sorted(targets)) for field, targets in sorted(found.items())}


@cache
def thesaurus() -> tuple[Concept, ...]:
    """The concepts of ``ontology/vocab/concepts.ttl``, in the order of their IRIs."""
    labels: dict[str, dict[str, str]] = {}
    words: dict[str, set[str]] = {}
    targets: dict[str, set[str]] = {}
    for subject, predicate, value in _statements():
        if not subject.startswith(CONCEPT) or subject == CONCEPT + "scheme":
            continue
        if isinstance(value, ox.Literal) and predicate in (SKOS + "prefLabel", SKOS + "altLabel"):
            words.setdefault(subject, set()).add(value.value)
            if predicate == SKOS + "prefLabel" and value.language:
                labels.setdefault(subject, {})[value.language] = value.value
        elif predicate == MATCH:
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


@cache
def _multi() -> tuple[tuple[str, tuple[tuple[int, tuple[str, ...], Keyword], ...]], ...]:
    """Each concept with its keywords of several words: their place among the concept's keywords,
    their clues (strings a matching text holds: each word's stem less an ending, as
    :attr:`Keyword.clue` for the first) and the keyword."""
    return tuple(
        (
            c.iri,
            tuple(
                (i, tuple(s[: max(2, len(s) - 3)] for s in k.stems), k)
                for i, k in enumerate(c.keywords)
                if len(k.words) > 1
            ),
        )
        for c in thesaurus()
    )


@cache
def _singles() -> tuple[tuple[str, tuple[tuple[int, str, Keyword], ...]], ...]:
    """:func:`_multi` for the keywords of one word."""
    return tuple(
        (c.iri, tuple((i, k.clue, k) for i, k in enumerate(c.keywords) if len(k.words) == 1))
        for c in thesaurus()
    )


@lru_cache(maxsize=1 << 16)
def _single(word: str, word_stem: str, text: str) -> dict[str, int]:
    """The concepts a one-word keyword of which matches the word: the first such keyword's place."""
    token = Token(0, 0, word, word_stem, text)
    found = {}
    for concept, keywords in _singles():
        for i, clue, keyword in keywords:
            if clue in word and part_of(keyword.words[0], keyword.stems[0], token):
                found[concept] = i
                break
    return found


def concepts_in(text: str) -> dict[str, str]:
    """The concepts ``text`` is about: each concept's IRI with the word of ``text`` that names it
    (the first found, as written)."""
    found = tokens(text)
    return concepts_of(found, text)


def concepts_of(found: list[Token], text: str) -> dict[str, str]:
    """:func:`concepts_in` for a text already split into ``found`` tokens."""
    best: dict[str, tuple[int, int, int]] = {}  # concept: its keyword's place, the span
    for token in found:
        for concept, place in _single(token.word, token.stem, token.text).items():
            if concept not in best or place < best[concept][0]:
                best[concept] = (place, token.start, token.end)
    folded = fold(text.casefold())
    for concept, keywords in _multi():
        for place, clues, keyword in keywords:
            if concept in best and best[concept][0] < place:
                break
            if all(c in folded for c in clues) and (span := keyword.find(found)) is not None:
                best[concept] = (place, *span)
                break
    return {concept: text[start:end] for concept, (_, start, end) in sorted(best.items())}
