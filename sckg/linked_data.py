"""Linked Data on ``sckg serve``: entity IRIs answered at their own paths with content
negotiation, a VoID/DCAT description of the datasets, and the static site of ``sckg site``.

An IRI under the base (``https://w3id.org/sckg/`` by default) is answered at the rest of its path:
``https://w3id.org/sckg/id/musterstadt/project/x`` at ``/id/musterstadt/project/x``. Its description
is read from the store with one bounded SELECT (:func:`describe_query`) and written as Turtle,
N-Triples, JSON-LD (:func:`rdf_bytes`) or an HTML page (:func:`html_page`). The HTTP side (routes,
the pool of Oxigraph processes, limits) is :mod:`sckg.serve`'s.
"""

from __future__ import annotations

import mimetypes
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote, unquote, urlencode

import pyoxigraph as ox

from .errors import ParameterError
from .export import canonical, jsonld_bytes
from .formatting import number
from .namespaces import DCTERMS, LABEL_PROPERTIES, PREFIXES, RDF, SCKG, VOID, shorten
from .words import Words, error_message

if TYPE_CHECKING:
    import jinja2

#: The IRI the server's root stands for by default: the one sckg mints its IRIs under.
BASE = "https://w3id.org/sckg/"
#: Triples of an entity read at most (its own), links to it, and labels of what it links to.
OUT_LIMIT = 5000
IN_LIMIT = 1000
LABEL_LIMIT = 10000
#: Paths of the VoID/DCAT description of the served datasets.
VOID_PATHS = ("/.well-known/void", "/dataset")
DCAT = "http://www.w3.org/ns/dcat#"
SD = "http://www.w3.org/ns/sparql-service-description#"


@dataclass(frozen=True)
class Format:
    """A representation of an entity: its media type and the suffix of its own URL (``x.ttl``)."""

    media_type: str
    suffix: str
    charset: bool = True

    @property
    def content_type(self) -> str:
        """The ``Content-Type`` header."""
        return self.media_type + ("; charset=utf-8" if self.charset else "")


HTML = Format("text/html", ".html")
TURTLE = Format("text/turtle", ".ttl")
NTRIPLES = Format("application/n-triples", ".nt", charset=False)
JSONLD = Format("application/ld+json", ".jsonld", charset=False)
#: A tie is broken towards the last: a client that takes anything (``*/*``) gets Turtle.
FORMATS = (HTML, JSONLD, NTRIPLES, TURTLE)
_SUFFIXES = {f.suffix: f for f in FORMATS}


def check_base(base: str) -> str:
    """``base``, checked: an http(s) IRI ending in ``/``."""
    if not re.fullmatch(r"https?://[^\s/<>\"{}|\\^`]+/([^\s<>\"{}|\\^`#?]*/)?", base):
        raise ParameterError(error_message("error.base", example=BASE, base=base))
    return base


def negotiate(accept: str | None) -> Format | None:
    """The best format for an ``Accept`` header by its q-values (any for none); ``None``: none fits
    (``406``). A header that cannot be read raises ``ValueError``."""
    import mimeparse

    try:
        best = mimeparse.best_match([f.media_type for f in FORMATS], accept or "*/*")
    except (ValueError, mimeparse.MimeTypeParseException):
        raise ValueError(f"The Accept header '{accept}' cannot be read.") from None
    return next((f for f in FORMATS if f.media_type == best), None)


def language(accept_language: str | None) -> str:
    """``en`` when an ``Accept-Language`` header prefers English to German, else ``de``."""
    weights = {"de": 0.0, "en": 0.0}
    for item in (accept_language or "").split(","):
        tag, _, params = item.strip().partition(";")
        q = re.fullmatch(r"\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*", params)
        primary = tag.strip().lower().split("-")[0]
        if primary in weights and (q or not params.strip()):
            weights[primary] = max(weights[primary], float(q.group(1)) if q else 1.0)
    return "en" if weights["en"] > weights["de"] else "de"


def split_suffix(path: str) -> tuple[str, Format | None, str | None]:
    """A path without the suffix that names a format (and a language): ``/x.en.html`` →
    ``("/x", HTML, "en")``; a path without one → ``(path, None, None)``."""
    for suffix, fmt in _SUFFIXES.items():
        if path.endswith(suffix) and len(path) > len(suffix) + 1:
            stem = path[: -len(suffix)]
            if fmt is HTML and stem.endswith((".de", ".en")):
                return stem[:-3], HTML, stem[-2:]
            return stem, fmt, "de" if fmt is HTML else None
    return path, None, None


def iri_of(path: str, base: str) -> str | None:
    """The IRI a request path stands for under ``base`` (``None``: no IRI, a ``404``): the path
    percent-decoded, without dot segments, empty segments or characters an IRI may not hold."""
    try:
        text = unquote(path, errors="strict")
    except UnicodeDecodeError:
        return None
    segments = text.split("/")[1:]
    if not text.startswith("/") or any(s in ("", ".", "..") for s in segments):
        return None
    if re.search(r"[\x00-\x20<>\"{}|\\^`#?\x7f]", text):
        return None
    try:
        return ox.NamedNode(base + text[1:]).value
    except ValueError:
        return None


def local_path(iri: str, base: str) -> str | None:
    """The path at which this server answers ``iri`` (``None`` for an IRI outside ``base``)."""
    if not iri.startswith(base) or len(iri) == len(base) or re.search(r"[#?]", iri[len(base) :]):
        return None
    return "/" + quote(iri[len(base) :], safe="/:@!$&'()*+,;=-._~")


# --- the description of an entity -----------------------------------------------------------------


def describe_query(iri: str) -> str:
    """One SELECT for the description of ``iri``: ``?part`` is ``out`` (its triples, and those of
    blank nodes it links to), ``in`` (links to it), ``label`` (labels of what it links to) or
    ``term`` (labels of the properties, for the page); each part bounded, one row over its bound
    tells it was cut.
    (Label properties go in a FILTER: Oxigraph 0.5 joins a VALUES block with a scan of the store,
    seconds on a million triples.)"""
    node = f"<{ox.NamedNode(iri).value}>"
    labels = "FILTER(?p IN (" + ", ".join(f"<{p}>" for p in LABEL_PROPERTIES) + "))"
    return f"""SELECT ?part ?s ?p ?o WHERE {{
  {{ SELECT ("out" AS ?part) ?s ?p ?o WHERE {{ {node} ?p ?o BIND({node} AS ?s) }}
    LIMIT {OUT_LIMIT + 1} }}
  UNION {{ SELECT ("out" AS ?part) ?s ?p ?o WHERE {{
    {node} ?q ?s FILTER(isBlank(?s)) ?s ?p ?o }} LIMIT {OUT_LIMIT + 1} }}
  UNION {{ SELECT ("in" AS ?part) ?s ?p ?o WHERE {{ ?s ?p {node} BIND({node} AS ?o) }}
    LIMIT {IN_LIMIT + 1} }}
  UNION {{ SELECT ("label" AS ?part) ?s ?p ?o WHERE {{
    {{ SELECT DISTINCT ?s WHERE {{ {node} ?q ?s FILTER(isIRI(?s)) }} LIMIT {OUT_LIMIT} }}
    ?s ?p ?o {labels} }} LIMIT {LABEL_LIMIT} }}
  UNION {{ SELECT ("label" AS ?part) ?s ?p ?o WHERE {{
    {{ SELECT DISTINCT ?s WHERE {{ ?s ?q {node} }} LIMIT {IN_LIMIT} }}
    ?s ?p ?o {labels} }} LIMIT {LABEL_LIMIT} }}
  UNION {{ SELECT ("term" AS ?part) ?s ?p ?o WHERE {{
    {{ SELECT DISTINCT ?s WHERE {{ {{ {node} ?s ?x }} UNION {{ ?x ?s {node} }} }} }}
    ?s ?p ?o {labels} }} LIMIT {LABEL_LIMIT} }}
}}"""


@dataclass
class Description:
    """What the store says about an entity: ``out`` its triples, ``incoming`` links to it,
    ``labels`` of what it links to, ``terms`` labels of the properties (for the page only);
    ``cut`` names the parts that had more than their bound."""

    iri: str
    out: list[ox.Triple] = field(default_factory=list)
    incoming: list[ox.Triple] = field(default_factory=list)
    labels: list[ox.Triple] = field(default_factory=list)
    terms: list[ox.Triple] = field(default_factory=list)
    cut: set[str] = field(default_factory=set)

    @property
    def triples(self) -> list[ox.Triple]:
        """The triples of its RDF representations."""
        return canonical([*self.out, *self.incoming, *self.labels])


def description(iri: str, results: bytes) -> Description:
    """The description of ``iri`` from the JSON results of :func:`describe_query`."""
    found = Description(iri)
    parts = {"out": found.out, "in": found.incoming, "label": found.labels, "term": found.terms}
    for row in ox.parse_query_results(results, ox.QueryResultsFormat.JSON):  # type: ignore[union-attr]
        part, s, p, o = (row[name] for name in ("part", "s", "p", "o"))
        if isinstance(part, ox.Literal) and isinstance(p, ox.NamedNode) and o is not None:
            assert isinstance(s, ox.NamedNode | ox.BlankNode)
            parts[part.value].append(ox.Triple(s, p, o))
    for name, limit in (("out", OUT_LIMIT), ("in", IN_LIMIT)):
        if len(parts[name]) > limit:
            found.cut.add(name)
            del parts[name][limit:]
    linked = {t.object for t in found.out} | {t.subject for t in found.incoming}
    found.labels[:] = [t for t in found.labels if t.subject in linked]
    return found


def rdf_bytes(triples: list[ox.Triple], fmt: Format) -> bytes:
    """Triples as Turtle (sckg's prefixes), N-Triples or JSON-LD (sckg's context)."""
    if fmt is JSONLD:
        return jsonld_bytes(triples)
    rdf_format = ox.RdfFormat.TURTLE if fmt is TURTLE else ox.RdfFormat.N_TRIPLES
    prefixes = {**PREFIXES, "void": VOID, "dcat": DCAT, "sd": SD} if fmt is TURTLE else None
    return ox.serialize(canonical(triples), format=rdf_format, prefixes=prefixes) or b""


# --- the VoID/DCAT description --------------------------------------------------------------------

VOID_QUERY = f"""SELECT ?g ?n ?d ?p ?o WHERE {{
  {{ SELECT ?g (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?x ?y }} }} GROUP BY ?g }}
  UNION {{ GRAPH ?g {{ ?d a <{SCKG}Dataset> ; ?p ?o }} }}
}}"""


def void_triples(results: bytes, url: str) -> list[ox.Triple]:
    """The VoID/DCAT description of the served data (``url``: the server's public address) from the
    JSON results of :data:`VOID_QUERY`: the whole (``<url>/dataset``, a ``dcat:Catalog``) with each
    ``sckg:Dataset`` as its subset, each with what the data says of it (title, licence, ...), its
    triples (those of the graphs of its folder) and the SPARQL endpoint."""
    from .stores import push_targets

    counts: dict[str, int] = {}
    declared: dict[str, set[str]] = {}
    own: list[ox.Triple] = []
    for row in ox.parse_query_results(results, ox.QueryResultsFormat.JSON):  # type: ignore[union-attr]
        graph, count, dataset = row["g"], row["n"], row["d"]
        assert isinstance(graph, ox.NamedNode)
        if isinstance(count, ox.Literal):
            counts[graph.value] = int(count.value)
        elif isinstance(dataset, ox.NamedNode | ox.BlankNode):
            declared.setdefault(graph.value, set()).add(dataset.value)
            predicate, value = row["p"], row["o"]
            assert isinstance(predicate, ox.NamedNode) and value is not None
            own.append(ox.Triple(dataset, predicate, value))
    targets = push_targets(sorted(counts))
    group = {graph: target for target, graphs in targets.items() for graph in graphs}
    whole, endpoint = ox.NamedNode(url + "/dataset"), ox.NamedNode(url + "/query")
    kinds = (ox.NamedNode(VOID + "Dataset"), ox.NamedNode(DCAT + "Dataset"))
    triples = [
        *_about(whole, RDF + "type", ox.NamedNode(DCAT + "Catalog"), *kinds),
        *_about(whole, DCTERMS + "title", ox.Literal("sckg serve")),
        *_about(whole, VOID + "triples", _integer(sum(counts.values()))),
        *_about(whole, VOID + "sparqlEndpoint", endpoint),
        *_about(whole, DCAT + "service", endpoint),
        *_about(endpoint, RDF + "type", ox.NamedNode(DCAT + "DataService")),
        *_about(endpoint, RDF + "type", ox.NamedNode(SD + "Service")),
        *_about(endpoint, DCAT + "endpointURL", endpoint),
        *_about(endpoint, SD + "endpoint", endpoint),
        *own,
    ]
    for graph, datasets in sorted(declared.items()):
        graphs = targets[group[graph]]
        for iri in sorted(datasets):
            dataset = ox.NamedNode(iri)
            dumps = [ox.NamedNode(f"{url}/store?{urlencode({'graph': g})}") for g in graphs]
            triples += [
                *_about(whole, VOID + "subset", dataset),
                *_about(whole, DCAT + "dataset", dataset),
                *_about(dataset, RDF + "type", *kinds),
                *_about(dataset, VOID + "triples", _integer(sum(counts[g] for g in graphs))),
                *_about(dataset, VOID + "sparqlEndpoint", endpoint),
                *_about(dataset, VOID + "dataDump", *dumps),
                *_about(endpoint, DCAT + "servesDataset", dataset),
            ]
    return canonical(triples)


def _about(
    subject: ox.NamedNode, predicate: str, *values: ox.NamedNode | ox.Literal
) -> list[ox.Triple]:
    return [ox.Triple(subject, ox.NamedNode(predicate), value) for value in values]


def _integer(number: int) -> ox.Literal:
    return ox.Literal(
        str(number), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
    )


# --- the HTML page --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Cell:
    """A term on the page: its text, a link (``None``: plain text), a note (language, datatype)."""

    text: str
    href: str | None = None
    note: str = ""


def html_page(
    triples: Sequence[ox.Triple],
    *,
    title_iri: str,
    base: str,
    lang: str = "de",
    names: Iterable[ox.Triple] = (),
    cut: Iterable[str] = (),
    alternates: str | None = None,
) -> bytes:
    """A page in ``lang`` that lists ``triples`` (escaped), ``title_iri``'s own first and the
    links to it last, names terms by the labels among ``triples`` and ``names``, links what this
    server answers to its path (and other http(s) IRIs as they are), says which parts were ``cut``
    and links the data (``alternates``: the path without its suffix, relative to the page)."""
    labels = _labels([*triples, *names], lang)

    def cell(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> _Cell:
        if isinstance(term, ox.Literal):
            note = term.language or shorten(term.datatype.value)
            return _Cell(term.value, None, "" if note == "xsd:string" else note)
        if isinstance(term, ox.NamedNode):
            href = local_path(term.value, base) or (
                term.value if term.value.startswith(("http://", "https://")) else None
            )
            label = labels.get(term.value)
            return _Cell(label or shorten(term.value), href, shorten(term.value) if label else "")
        return _Cell(str(term))

    main = ox.NamedNode(title_iri)
    subjects: dict[ox.NamedNode | ox.BlankNode, list[tuple[_Cell, _Cell]]] = {}
    incoming: list[tuple[_Cell, _Cell]] = []
    for triple in canonical(list(triples)):
        if triple.object == main and triple.subject != main:
            incoming.append((cell(triple.subject), cell(triple.predicate)))
        elif not isinstance(triple.subject, ox.Triple):
            rows = subjects.setdefault(triple.subject, [])
            rows.append((cell(triple.predicate), cell(triple.object)))
    ordered = [
        (cell(subject), rows)
        for subject, rows in sorted(subjects.items(), key=lambda i: (i[0] != main, str(i[0])))
    ]
    page = _template().render(
        lang=lang,
        iri=title_iri,
        title=labels.get(title_iri) or shorten(title_iri),
        subjects=ordered,
        incoming=incoming,
        cut=set(cut),
        limits={"out": number(OUT_LIMIT, lang), "in": number(IN_LIMIT, lang)},
        alternates=alternates,
        formats=[TURTLE, NTRIPLES, JSONLD],
        t=Words("ld", lang),
    )
    return page.encode("utf-8")


@cache
def _template() -> jinja2.Template:
    """The page's template, compiled once."""
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(Path(__file__).parent),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env.get_template("linked_data.html.j2")


def _labels(triples: Iterable[ox.Triple], lang: str) -> dict[str, str]:
    """The label of each IRI among ``triples``: the best label property, in ``lang``, else any."""
    best: dict[str, tuple[bool, int, str]] = {}
    for triple in triples:
        subject, label = triple.subject, triple.object
        if not isinstance(subject, ox.NamedNode) or not isinstance(label, ox.Literal):
            continue
        if triple.predicate.value in LABEL_PROPERTIES:
            rank = (
                label.language != lang,
                LABEL_PROPERTIES.index(triple.predicate.value),
                label.value,
            )
            best[subject.value] = min(best.get(subject.value, rank), rank)
    return {iri: rank[2] for iri, rank in best.items()}


# --- the static site ------------------------------------------------------------------------------

_TYPES = mimetypes.MimeTypes()  # the built-in table only: the same on every machine
for _type, _suffix in (
    ("text/javascript", ".js"),
    ("text/turtle", ".ttl"),
    ("application/n-triples", ".nt"),
    ("application/ld+json", ".jsonld"),
    ("font/woff2", ".woff2"),
):
    _TYPES.add_type(_type, _suffix)
_TEXT = {"application/javascript", "application/json", "image/svg+xml", "text/javascript"}


def content_type(path: Path) -> str:
    """The ``Content-Type`` of a file of the site, by its suffix (text in UTF-8)."""
    guessed = _TYPES.guess_type(path.name)[0] or "application/octet-stream"
    text = guessed.startswith("text/") or guessed in _TEXT or guessed == TURTLE.media_type
    return guessed + ("; charset=utf-8" if text else "")


def site_file(root: Path, path: str) -> Path | None:
    """The file of the site folder ``root`` at a request path (a folder's ``index.html``), or
    ``None``: no such file, or a path that leaves the folder (``..``, a link that points out of it),
    or a hidden file (``.git``)."""
    try:
        text = unquote(path, errors="strict")
    except UnicodeDecodeError:
        return None
    segments = [s for s in text.split("/") if s]
    if not text.startswith("/") or any(
        s.startswith(".") or "\\" in s or "\0" in s for s in segments
    ):
        return None
    top = root.resolve()
    found = top.joinpath(*segments).resolve()
    if found.is_dir():
        found = (found / "index.html").resolve()
    if not found.is_relative_to(top) or not found.is_file():
        return None
    return found
