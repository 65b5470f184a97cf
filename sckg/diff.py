"""What changed between two snapshots of a graph: entities, relations and attributes added, removed, changed."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

import pyoxigraph as ox

from .kg import KnowledgeGraph
from .namespaces import DCTERMS, OPARL, RDF, SCKG, shorten
from .results import to_python
from .storespec import names_store

RDF_TYPE = RDF + "type"
#: A council paper is about a project or field when it has ``dcterms:subject`` to one (sckg link papers).
SUBJECT = DCTERMS + "subject"
_TARGETS = (f"<{SCKG}Project>", f"<{SCKG}FieldOfAction>")
_ORDER = {"entity": 0, "relation": 1, "attribute": 2}
_CHANGE_ORDER = {"added": 0, "removed": 1, "changed": 2}


@dataclass(frozen=True)
class Change:
    """One change: ``kind`` entity | relation | attribute, ``change`` added | removed | changed."""

    kind: str
    change: str
    subject: str
    subject_label: str
    property: str
    old: str
    new: str
    object: str = ""

    def as_dict(self) -> dict[str, Any]:
        """The change as a JSON-ready dictionary."""
        return asdict(self)


@dataclass
class Diff:
    """All changes, ordered: entities, then relations, then attributes; added before removed before changed.
    ``papers`` are the council papers newly linked to a project or field (kind ``paper``, change ``linked``,
    ``new`` the project or field), by date of the paper."""

    changes: list[Change]
    papers: list[Change] = field(default_factory=list)

    def of(self, kind: str, change: str) -> list[Change]:
        """The changes of one kind and direction, e.g. ``diff.of("entity", "added")``."""
        return [c for c in self.changes if c.kind == kind and c.change == change]

    def summary(self) -> dict[str, int]:
        """Counts per ``kind change``, e.g. ``{"entity added": 2, ...}`` (only non-zero)."""
        counts: dict[str, int] = defaultdict(int)
        for c in self.changes:
            counts[f"{c.kind} {c.change}"] += 1
        return dict(counts)


Triple = tuple[str, str, str]


def _key(term: Any) -> str:
    """A comparable text for a term; blank nodes compare by position only (their labels differ per load)."""
    if isinstance(term, ox.BlankNode):
        return "_:blank"
    return str(term)


def _snapshot(kg: KnowledgeGraph) -> tuple[set[Triple], dict[str, Any]]:
    triples: set[Triple] = set()
    terms: dict[str, Any] = {}
    for t in kg.triples():
        key = (_key(t.subject), t.predicate.value, _key(t.object))
        triples.add(key)
        terms[key[2]] = t.object
    return triples, terms


def diff(old: KnowledgeGraph, new: KnowledgeGraph, lang: str = "de") -> Diff:
    """Compare the data (not the model) of two graphs."""
    old_triples, old_terms = _snapshot(old)
    new_triples, new_terms = _snapshot(new)
    terms = {**old_terms, **new_terms}
    types_old, types_new = _types(old_triples), _types(new_triples)
    typed_old, typed_new = set(types_old), set(types_new)
    entities = typed_old | typed_new
    added, removed = new_triples - old_triples, old_triples - new_triples

    iris = {s[1:-1] for s in entities} | {p for _, p, _ in added | removed}
    labels = {**old.labels(iris, lang, fallback=False), **new.labels(iris, lang, fallback=False)}

    def label(key: str) -> str:
        return labels.get(key[1:-1], shorten(key[1:-1])) if key.startswith("<") else key

    def value(key: str) -> str:
        return label(key) if key in entities else _text(terms.get(key), key)

    changes: list[Change] = []
    for entity in sorted(typed_new - typed_old):
        changes.append(Change("entity", "added", entity[1:-1], label(entity), "", "", types_new[entity]))
    for entity in sorted(typed_old - typed_new):
        changes.append(Change("entity", "removed", entity[1:-1], label(entity), "", types_old[entity], ""))
    gone_or_new = (typed_new - typed_old) | (typed_old - typed_new)

    attribute_changes: dict[tuple[str, str], tuple[list[str], list[str]]] = defaultdict(lambda: ([], []))
    for direction, triples in (("added", added), ("removed", removed)):
        for s, p, o in sorted(triples):
            if s in gone_or_new:
                continue
            if o in entities:
                name = labels.get(p, shorten(p))
                old_text, new_text = ("", label(o)) if direction == "added" else (label(o), "")
                changes.append(Change("relation", direction, s[1:-1], label(s), name, old_text, new_text, o[1:-1]))
            else:
                olds, news = attribute_changes[(s, p)]
                (news if direction == "added" else olds).append(value(o))
    for (s, p), (olds, news) in sorted(attribute_changes.items()):
        change = "changed" if olds and news else "added" if news else "removed"
        name = labels.get(p, shorten(p))
        changes.append(Change("attribute", change, s[1:-1], label(s), name, "; ".join(olds), "; ".join(news)))
    return Diff(sorted(changes, key=_sort_key), _new_papers(added, new_triples, label, labels))


def _new_papers(
    added: set[Triple], triples: set[Triple], label: Callable[[str], str], labels: dict[str, str]
) -> list[Change]:
    """The links from council papers to projects and fields that ``added`` holds, oldest paper first."""
    papers = {s for s, p, o in triples if p == RDF_TYPE and o == f"<{OPARL}Paper>"}
    targets = {s for s, p, o in triples if p == RDF_TYPE and o in _TARGETS}
    dates = {s: o for s, p, o in triples if p == DCTERMS + "date" and s in papers}
    name = labels.get(SUBJECT, shorten(SUBJECT))
    found = [
        Change("paper", "linked", s[1:-1], label(s), name, "", label(o), o[1:-1])
        for s, p, o in added if p == SUBJECT and s in papers and o in targets
    ]
    return sorted(found, key=lambda c: (dates.get(f"<{c.subject}>", ""), c.subject_label, c.new, c.subject))


def _sort_key(c: Change) -> tuple[int, int, str, str, str, str]:
    return (_ORDER[c.kind], _CHANGE_ORDER[c.change], c.subject_label, c.property, c.old, c.new)


def open_snapshot(spec: str) -> KnowledgeGraph:
    """A snapshot named by a file or folder path, or by a store (``oxigraph:PATH``, ``sparql:URL``)."""
    if names_store(spec):
        return KnowledgeGraph.open(None, spec)
    return KnowledgeGraph.open([spec])


def _types(triples: set[Triple]) -> dict[str, str]:
    """Each typed subject and its classes, shortened and joined."""
    found: dict[str, list[str]] = defaultdict(list)
    for s, p, o in triples:
        if p == RDF_TYPE:
            found[s].append(shorten(o[1:-1]))
    return {s: ", ".join(sorted(classes)) for s, classes in found.items()}


def _text(term: Any, key: str) -> str:
    if isinstance(term, ox.Literal):
        value = to_python(term)
        return f"{value}@{term.language}" if term.language else str(value)
    if isinstance(term, ox.NamedNode):
        return shorten(term.value)
    return key
