"""What changed between two snapshots of a graph: entities, relations and attributes added, removed,
changed."""

from __future__ import annotations

import io
import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from . import resources
from .errors import ParameterError
from .kg import (
    KnowledgeGraph,
    OxigraphBackend,
    collect_files,
    graph_iri,
    label_rank,
    ntriples,
    rdf_format,
)
from .link import REJECTED, SUBJECT
from .namespaces import (
    LABEL_PROPERTIES,
    MODEL_GRAPH,
    OPARL,
    PROV,
    RDF,
    SCKG,
    shorten,
    sparql_values,
)
from .results import to_python
from .storespec import names_store
from .words import error_message

RDF_TYPE = RDF + "type"
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
class WorkshopChanges:
    """What one workshop changed: the changes of the workshop itself, its record, the ideas
    documented in it, its dot votes and the goals drafted in it (in the snapshot that has them).
    ``workshop`` is its IRI, ``_:blank`` for a blank node (as a change names one)."""

    workshop: str
    label: str
    date: str
    changes: list[Change]

    def as_dict(self) -> dict[str, Any]:
        """The workshop's changes as a JSON-ready dictionary."""
        return {
            "workshop": self.workshop,
            "label": self.label,
            "date": self.date,
            "changes": [c.as_dict() for c in self.changes],
        }


@dataclass
class Diff:
    """All changes, ordered: entities, then relations, then attributes; added before removed before
    changed. ``papers`` are the council papers newly linked to a project or field (kind ``paper``,
    change ``linked``, ``new`` the project or field), by date of the paper; ``workshops`` what each
    workshop changed, by date."""

    changes: list[Change]
    papers: list[Change] = field(default_factory=list)
    workshops: list[WorkshopChanges] = field(default_factory=list)

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
#: A blank node as the subject of an N-Triples line, and as its object (a literal ends in ``"``, a
#: language tag or ``>``, never in a blank node's label).
_BLANK_SUBJECT, _BLANK_OBJECT = re.compile(rb"^_:\S+"), re.compile(rb"_:\S+ \.$")
#: A typing statement's predicate in an N-Triples line.
_TYPE = f" <{RDF_TYPE}> ".encode()


def _key(term: Any) -> str:
    """A comparable text for a term; blank nodes compare by position only (their labels differ per
    load)."""
    if isinstance(term, ox.BlankNode):
        return "_:blank"
    return str(term)


def _changed(old: set[bytes], new: set[bytes]) -> tuple[set[bytes], set[bytes]]:
    """The N-Triples lines only in ``new`` and those only in ``old``, blank nodes compared as
    ``_:blank``. A blank node's label differs per load, so a line with one is in a difference
    unless both snapshots share it: only when a difference has one is every line looked at (a
    council system's million lines have none)."""
    added, removed = new - old, old - new
    if any(b"_:" in line for lines in (added, removed) for line in lines):
        old, new = _line_set(old), _line_set(new)
        added, removed = new - old, old - new
    return added, removed


def _line_set(lines: set[bytes]) -> set[bytes]:
    """N-Triples ``lines`` with blank nodes as ``_:blank``."""
    blank = {line for line in lines if b"_:" in line}
    return (lines - blank) | {
        _BLANK_OBJECT.sub(b"_:blank .", _BLANK_SUBJECT.sub(b"_:blank", line)) for line in blank
    }


def _classes(kg: KnowledgeGraph, keys: set[str]) -> dict[str, set[str]]:
    """The IRIs of the classes of the subjects ``keys`` (N-Triples terms) typed in the data of
    ``kg``; a blank node's (``_:blank``) are those of every blank node."""
    types: dict[str, set[str]] = defaultdict(set)
    iris = sorted(key[1:-1] for key in keys if key.startswith("<"))
    data = f"GRAPH ?g {{ ?s a ?c }} FILTER(?g != <{MODEL_GRAPH}> && isIRI(?c))"
    for start in range(0, len(iris), 2000):
        values = sparql_values(iris[start : start + 2000])
        for subject, cls in kg.select(
            f"SELECT ?s ?c WHERE {{ VALUES ?s {{ {values} }} {data} }}"
        ).bound_rows():
            types[str(subject)].add(cls.value)
    if "_:blank" in keys:
        found = kg.select(f"SELECT DISTINCT ?c WHERE {{ {data} FILTER(isBlank(?s)) }}").bound_rows()
        types.update({"_:blank": {cls.value for (cls,) in found}} if found else {})
    return types


def _before(
    classes: dict[str, set[str]], added: set[Triple], removed: set[Triple]
) -> dict[str, set[str]]:
    """The ``classes`` of the newer snapshot as they were before the triples ``added`` and
    ``removed`` (from the data's lines, so the classes of the older snapshot without asking it)."""
    before = dict(classes)
    for triples, add in ((added, False), (removed, True)):
        for s, p, o in triples:
            if p == RDF_TYPE and o.startswith("<"):
                found = set(before.get(s, ()))
                (found.add if add else found.discard)(o[1:-1])
                before[s] = found
    return {s: found for s, found in before.items() if found}


def _changes(lines: set[bytes]) -> tuple[set[Triple], dict[str, Any]]:
    """The triples of some N-Triples lines as comparable texts, and each object's term by its
    text."""
    triples: set[Triple] = set()
    terms: dict[str, Any] = {}
    for t in ox.parse(input=b"\n".join(lines), format=ox.RdfFormat.N_TRIPLES):
        key = (_key(t.subject), t.predicate.value, _key(t.object))
        if key[1] != REJECTED:
            triples.add(key)
            terms[key[2]] = t.object
    return triples, terms


def _targets(kg: KnowledgeGraph) -> set[str]:
    """The projects and fields of action, the vocabulary's included (as N-Triples)."""
    table = kg.select(
        f"SELECT DISTINCT ?t WHERE {{ VALUES ?c {{ {' '.join(_TARGETS)} }} ?t a ?c }}"
    )
    return {str(row[0]) for row in table.bound_rows()}


def diff(old: KnowledgeGraph, new: KnowledgeGraph, *, lang: str = "de") -> Diff:
    """Compare the data (not the model) of two graphs. A link to a field of action of the vocabulary
    is a relation like one to the data's; a rejected link proposal (``sckg:rejectedSubject``) is no
    change."""
    for graph in (old, new):
        if not isinstance(graph, KnowledgeGraph):
            raise TypeError(
                f"diff_graphs compares two KnowledgeGraph objects, not {type(graph).__name__!r}; "
                "for snapshots in files or stores use sckg.diff.diff_snapshots(old, new)"
            )
    with ThreadPoolExecutor(1) as writer:  # Oxigraph writes both at once, without Python's lock
        old_text = writer.submit(old.data_ntriples)
        new_lines = set(new.data_ntriples().splitlines())
        old_lines = set(old_text.result().splitlines())
    return _diff(*_changed(old_lines, new_lines), old, new, lang)


def _diff(
    added_lines: set[bytes],
    removed_lines: set[bytes],
    old: KnowledgeGraph,
    new: KnowledgeGraph,
    lang: str,
) -> Diff:
    """:func:`diff` of the data's N-Triples lines ``added_lines`` and ``removed_lines`` (see
    :func:`_changed`), labelled and grouped by asking ``old`` and ``new``."""
    added, added_terms = _changes(added_lines)
    removed, removed_terms = _changes(removed_lines)
    # the classes of what the changes name: only theirs are asked for below
    classes_new = _classes(new, {key for s, _, o in added | removed for key in (s, o)})
    classes_old = _before(classes_new, added, removed)
    typed_old, typed_new = set(classes_old), set(classes_new)
    targets = _targets(old) | _targets(new)
    entities = typed_old | typed_new | targets
    terms = {**removed_terms, **added_terms}

    named = {key for s, _, o in added | removed for key in (s, o) if key in entities}
    iris = {key[1:-1] for key in named | (typed_new ^ typed_old) if key.startswith("<")}
    iris |= {p for _, p, _ in added | removed}
    labels = {**old.labels(iris, lang, fallback=False), **new.labels(iris, lang, fallback=False)}

    def label(key: str) -> str:
        return labels.get(key[1:-1], shorten(key[1:-1])) if key.startswith("<") else key

    def value(key: str) -> str:
        return label(key) if key in entities else _text(terms.get(key), key)

    def classes(found: set[str]) -> str:
        return ", ".join(sorted(shorten(c) for c in found))

    changes: list[Change] = []
    for entity in sorted(typed_new - typed_old):
        changes.append(
            Change(
                "entity", "added", entity[1:-1], label(entity), "", "", classes(classes_new[entity])
            )
        )
    for entity in sorted(typed_old - typed_new):
        changes.append(
            Change(
                "entity",
                "removed",
                entity[1:-1],
                label(entity),
                "",
                classes(classes_old[entity]),
                "",
            )
        )
    gone_or_new = (typed_new - typed_old) | (typed_old - typed_new)

    attribute_changes: dict[tuple[str, str], tuple[list[str], list[str]]] = defaultdict(
        lambda: ([], [])
    )
    for direction, triples in (("added", added), ("removed", removed)):
        for s, p, o in sorted(triples):
            if s in gone_or_new:
                continue
            if o in entities:
                name = labels.get(p, shorten(p))
                old_text, new_text = ("", label(o)) if direction == "added" else (label(o), "")
                changes.append(
                    Change(
                        "relation", direction, s[1:-1], label(s), name, old_text, new_text, o[1:-1]
                    )
                )
            else:
                olds, news = attribute_changes[(s, p)]
                (news if direction == "added" else olds).append(value(o))
    for (s, p), (olds, news) in sorted(attribute_changes.items()):
        change = "changed" if olds and news else "added" if news else "removed"
        name = labels.get(p, shorten(p))
        changes.append(
            Change("attribute", change, s[1:-1], label(s), name, "; ".join(olds), "; ".join(news))
        )
    papers = {s for s, found in classes_new.items() if OPARL + "Paper" in found}
    ordered = sorted(changes, key=_sort_key)
    return Diff(
        ordered,
        _new_papers(new, added, papers, targets, label, labels),
        _by_workshop(old, new, ordered, lang),
    )


#: What comes from a workshop (``?x`` from ``?w``): the workshop, its record, what is documented in
#: the record (ideas), its dot votes and the goals drafted in it.
_FROM_WORKSHOP = (
    "SELECT DISTINCT ?x ?w ?date WHERE { ?w a sckg:Workshop OPTIONAL { ?w dcterms:date ?date } "
    "{ ?w a sckg:Workshop BIND(?w AS ?x) } UNION { ?x prov:wasGeneratedBy ?w } "
    "UNION { ?x sckg:documentedIn ?record . ?record prov:wasGeneratedBy ?w } "
    "UNION { ?x sckg:draftedIn ?w } }"
)


def _by_workshop(
    old: KnowledgeGraph, new: KnowledgeGraph, changes: list[Change], lang: str
) -> list[WorkshopChanges]:
    """The changes whose entity comes from a workshop (in the new snapshot, or the old one for what
    was removed), grouped by workshop, oldest workshop first."""
    origin: dict[str, set[str]] = defaultdict(set)
    dates: dict[str, str] = {}
    for kg in (new, old):
        for row in kg.select(_FROM_WORKSHOP).records():
            origin[row["x"]].add(row["w"])
            if row["date"] is not None:
                dates.setdefault(row["w"], str(row["date"])[:10])
    grouped: dict[str, list[Change]] = defaultdict(list)
    for c in changes:
        for workshop in sorted(origin.get(c.subject, ())):
            grouped[workshop].append(c)
    named = [w for w in grouped if not w.startswith("_:")]
    labels = {
        **_blank_workshop_labels(old, lang),
        **_blank_workshop_labels(new, lang),
        **old.labels(named, lang),
        **new.labels(named, lang),
    }
    return [
        WorkshopChanges(
            "_:blank" if w.startswith("_:") else w, labels[w], dates.get(w, ""), grouped[w]
        )
        for w in sorted(grouped, key=lambda w: (dates.get(w, ""), labels[w], w))
    ]


def _blank_workshop_labels(kg: KnowledgeGraph, lang: str) -> dict[str, str]:
    """The label of each workshop of ``kg`` that is a blank node (as :func:`to_python` names it),
    chosen as :meth:`KnowledgeGraph.labels` chooses; the blank node's name without one."""
    properties = ", ".join(f"<{p}>" for p in LABEL_PROPERTIES)
    best: dict[str, tuple[int, int, str]] = {}
    found: dict[str, str] = {}
    for workshop, prop, label in kg.select(
        "SELECT ?w ?p ?l WHERE { ?w a sckg:Workshop FILTER(isBlank(?w)) "
        f"OPTIONAL {{ ?w ?p ?l FILTER(?p IN ({properties})) }} }}"
    ).rows:
        assert workshop is not None
        key = to_python(workshop)
        found.setdefault(key, key)
        if prop is not None and label is not None:
            rank = label_rank(prop.value, label, lang)
            if key not in best or rank < best[key]:
                best[key], found[key] = rank, label.value
    return found


def _new_papers(
    new: KnowledgeGraph,
    added: set[Triple],
    papers: set[str],
    targets: set[str],
    label: Callable[[str], str],
    labels: dict[str, str],
) -> list[Change]:
    """The links from council papers to projects and fields that ``added`` holds, oldest paper
    first."""
    name = labels.get(SUBJECT, shorten(SUBJECT))
    found = [
        Change("paper", "linked", s[1:-1], label(s), name, "", label(o), o[1:-1])
        for s, p, o in added
        if p == SUBJECT and s in papers and o in targets
    ]
    linked = sorted({c.subject for c in found})
    dates: dict[str, str] = {}
    for start in range(0, len(linked), 2000):
        values = sparql_values(linked[start : start + 2000])
        rows = new.select(
            f"SELECT ?p ?d WHERE {{ VALUES ?p {{ {values} }} ?p dcterms:date ?d }}"
        ).bound_rows()
        dates.update((paper.value, str(date)) for paper, date in rows)
    return sorted(
        found, key=lambda c: (dates.get(c.subject, ""), c.subject_label, c.new, c.subject)
    )


def _sort_key(c: Change) -> tuple[int, int, str, str, str, str]:
    return (_ORDER[c.kind], _CHANGE_ORDER[c.change], c.subject_label, c.property, c.old, c.new)


def diff_snapshots(old: str, new: str, *, lang: str = "de") -> Diff:
    """:func:`diff` of two snapshots named as :func:`open_snapshot` names them. Snapshots in files
    of triples are not loaded: their lines are compared, and only the statements about what the
    changes name (and the records and workshops it comes from) are loaded, to label and group
    them."""
    for spec, name in ((old, "OLD"), (new, "NEW")):
        if not spec.strip():
            raise ParameterError(error_message("error.argument_empty", param=name))
    files = [
        None if names_store(spec) else collect_files([Path(spec)], name)
        for spec, name in ((old, "OLD"), (new, "NEW"))
    ]
    if any(f is None or any(rdf_format(p) not in _TRIPLE_FORMATS for p in f) for f in files):
        return diff(open_snapshot(old, "OLD"), open_snapshot(new, "NEW"), lang=lang)
    (old_raw, old_lines), (new_raw, new_lines) = (_read(f) for f in files if f is not None)
    added, removed = _changed(old_lines, new_lines)
    keys = {term for line in added | removed for term in _iris(line)}
    return _diff(added, removed, _view(old_raw, keys), _view(new_raw, keys), lang)


#: The formats of files that hold triples only (quads go to the graphs they name).
_TRIPLE_FORMATS = {
    ox.RdfFormat.TURTLE,
    ox.RdfFormat.N_TRIPLES,
    ox.RdfFormat.N3,
    ox.RdfFormat.RDF_XML,
}
#: The predicates :data:`_FROM_WORKSHOP` follows from an entity to its workshop.
_TOWARDS_WORKSHOP = {
    f"<{iri}>".encode()
    for iri in (PROV + "wasGeneratedBy", SCKG + "documentedIn", SCKG + "draftedIn")
}


def _read(files: list[Path]) -> tuple[list[tuple[Path, list[bytes]]], set[bytes]]:
    """The N-Triples lines of each file as it writes them, sorted, and the data's lines as a store
    gives them (:meth:`~sckg.kg.KnowledgeGraph.data_ntriples`)."""
    raw = [(path, sorted(ntriples(path).splitlines())) for path in files]
    text = b"".join(b"\n".join(lines) + b"\n" for _, lines in raw if lines)
    # a store keeps a typed literal as its value: "01"^^xsd:integer is written "1"
    typed = set()
    for found in re.finditer(rb'"\^\^<', text):  # a search in C for the typed literals
        start = text.rfind(b"\n", 0, found.start()) + 1
        typed.add(text[start : text.index(b"\n", found.end())])
    store = ox.Store()
    store.bulk_load(input=b"\n".join(typed), format=ox.RdfFormat.N_TRIPLES)
    stored = io.BytesIO()
    store.dump(stored, ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
    return raw, (set(text.splitlines()) - typed) | set(stored.getvalue().splitlines())


def _iris(line: bytes) -> list[bytes]:
    """The IRIs of an N-Triples line (subject, predicate, object), as N-Triples terms."""
    subject, predicate, obj = line.split(b" ", 2)
    found = [predicate]
    if subject.startswith(b"<"):
        found.append(subject)
    if obj.startswith(b"<"):
        found.append(obj[: obj.index(b">") + 1])
    return found


def _view(raw: list[tuple[Path, list[bytes]]], keys: set[bytes]) -> KnowledgeGraph:
    """The model and the statements (of the files ``raw``) about ``keys``, the records they are
    documented in and the workshops they come from, and the classes of blank nodes: all
    :func:`_diff` asks a snapshot about the changes naming ``keys``."""
    chosen: list[list[bytes]] = [  # and every blank node's classes (sorted last, after "<")
        [line for line in lines[bisect_left(lines, b"_:") :] if _TYPE in line] for _, lines in raw
    ]
    seen, frontier = set(keys), set(keys)
    while frontier:
        found: set[bytes] = set()
        for subject in frontier:
            start = subject + b" "
            for number, (_, lines) in enumerate(raw):  # sorted: a subject's lines are together
                index = bisect_left(lines, start)
                while index < len(lines) and lines[index].startswith(start):
                    line = lines[index]
                    index += 1
                    chosen[number].append(line)
                    _, predicate, obj = line.split(b" ", 2)
                    if predicate in _TOWARDS_WORKSHOP:
                        found.add(obj[: obj.rindex(b" ")])
        frontier = found - seen
        seen |= found
    backend = OxigraphBackend(ox.Store())
    for path in resources.model_files():
        backend.load_file(path, MODEL_GRAPH)
    for (path, _), lines in zip(raw, chosen, strict=True):
        backend.store.bulk_load(
            input=b"\n".join(lines),
            format=ox.RdfFormat.N_TRIPLES,
            to_graph=ox.NamedNode(graph_iri(path)),
        )
    return KnowledgeGraph(backend)


#: A day as people write it (``2026-01-31``): what ``sckg site --since`` takes, not a snapshot.
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def open_snapshot(spec: str, param: str = "since") -> KnowledgeGraph:
    """A snapshot named by a file or folder path, or by a store (``oxigraph:PATH``,
    ``sparql:URL``); ``param`` is the parameter ``spec`` came from, named in its errors. An empty
    ``spec``, or a date that names no file, is a :class:`ParameterError` saying what it takes."""
    if not spec.strip():
        raise ParameterError(error_message("error.snapshot_empty", param=param))
    if names_store(spec):
        return KnowledgeGraph.open(None, spec)
    if _DAY.fullmatch(spec.strip()) and not Path(spec).exists():
        raise ParameterError(error_message("error.snapshot_date", param=param, value=spec))
    return KnowledgeGraph.open(collect_files([Path(spec)], param))


def _text(term: Any, key: str) -> str:
    if isinstance(term, ox.Literal):
        value = to_python(term)
        return f"{value}@{term.language}" if term.language else str(value)
    if isinstance(term, ox.NamedNode):
        return shorten(term.value)
    return key
