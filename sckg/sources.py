"""Where the data comes from and how current it is: the one home of "sources and data date".

Stats, report and maps all show what :func:`data_info` finds. The rule: the datasets
(``sckg:Dataset``) give the title, the date (each dataset's is the day of its ``dcterms:modified``:
the newest date in its data, as the OParl import writes it or the inventory's author states it; the
data date is the newest of them) and the sources (their ``dcterms:source``; a source counts the
entities citing it and those ``sckg:inDataset`` a dataset of that source, so an OParl import shows
one council system, not thousands of objects); without a dataset description, the sources are the
documents the entities derive from, and the date is the latest of theirs.

The terms of reuse (:class:`Terms`) are what each dataset states: its ``dcterms:license``, its
``dcterms:bibliographicCitation`` (the attribution) and its ``dcterms:source`` (linked to the
source's ``schema:url``). A dataset that states neither a licence nor an attribution has none,
and none is ever made up. Every output that shows a dataset's content shows them
(:func:`terms_html`, :func:`terms_markdown`) with the note that sckg converted the data
(``terms.converted``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox

from .formatting import number
from .kg import KnowledgeGraph
from .namespaces import DCTERMS, SCHEMA, SOURCE_PROPERTIES, sparql_values
from .output import md_text
from .results import to_python
from .words import t


@dataclass(frozen=True)
class Source:
    """A document the data derives from: its label, date (ISO, if known) and how many entities cite
    it."""

    iri: str
    label: str
    date: str | None
    entities: int

    def caption(self) -> str:
        """``Label (2024-04-30)``, or the label alone without a date."""
        return f"{self.label} ({self.date})" if self.date else self.label


@dataclass(frozen=True)
class Terms:
    """The terms of reuse one dataset states: the attribution (its ``dcterms:bibliographicCitation``
    in the page's language, else in another; ``attribution_lang`` is that language), the licence
    (``dcterms:license``: its IRI and a short name), its sources (label and web address, ``None``
    without one) and the statements themselves (``statements``)."""

    dataset: str
    title: str
    attribution: str | None
    attribution_lang: str | None
    licence: str | None
    licence_name: str | None
    sources: list[tuple[str, str | None]]
    #: the dataset's licence, attribution and source statements (with the source's
    #: ``schema:url``), as the graph states them, for the data a page offers
    statements: tuple[ox.Triple, ...] = ()


@dataclass(frozen=True)
class DataInfo:
    """What a page says about its data: dataset titles, the data date, the sources, and whether it
    is fictional."""

    titles: list[str]
    date: str | None
    sources: list[Source]
    fictional: bool
    #: (title, date) of each dataset that has a date, by title
    dated: list[tuple[str, str]] = field(default_factory=list)
    #: the terms of each dataset that states a licence or an attribution, by title
    terms: list[Terms] = field(default_factory=list)

    @property
    def title(self) -> str | None:
        """The dataset titles joined with `` · `` (``None`` without a dataset description)."""
        return " · ".join(self.titles) or None


#: Pages name this many sources; the rest are counted ("and 16,545 more").
SOURCES_SHOWN = 5


def summary(sources: list[Source], lang: str = "de", limit: int = SOURCES_SHOWN) -> list[str]:
    """The captions of the first ``limit`` sources, then one line counting the rest."""
    shown = [source.caption() for source in sources[:limit]]
    rest = len(sources) - limit
    return (
        [*shown, t("sources.more", lang, n=rest, count=number(rest, lang))] if rest > 0 else shown
    )


_DATASETS = (
    "SELECT ?d ?modified ?fictional ?src WHERE { ?d a sckg:Dataset . "
    "OPTIONAL { ?d dcterms:modified ?modified } OPTIONAL { ?d sckg:fictional ?fictional } "
    "OPTIONAL { ?d dcterms:source ?src FILTER(isIRI(?src)) } }"
)


def data_info(kg: KnowledgeGraph, lang: str = "de", *, terms: bool = False) -> DataInfo:
    """The datasets' titles, date, sources and fictional flag (see the module's docstring for the
    rule), and with ``terms`` their terms of reuse (one more question: only the outputs that show
    them ask it)."""
    datasets = kg.select(_DATASETS).records()
    listed = sorted({r["src"] for r in datasets if r.get("src")})
    # the listed sources alone, when the datasets list them (not every OParl object's own URL)
    only = f"VALUES ?src {{ {sparql_values(listed)} }} " if listed else ""
    derived = kg.select(
        f"SELECT ?src (COUNT(DISTINCT ?s) AS ?n) WHERE {{ {only}{{ VALUES ?p "
        f"{{ {sparql_values(SOURCE_PROPERTIES)} }} ?s ?p ?src FILTER(isIRI(?src)) }} UNION "
        "{ ?s sckg:inDataset ?d . ?d dcterms:source ?src FILTER(isIRI(?src)) } } GROUP BY ?src"
    ).records()
    cited = {r["src"]: int(r["n"]) for r in derived}
    iris = listed or sorted(cited)
    dates = _latest_dates(kg, iris)
    labels = kg.labels([*iris, *(r["d"] for r in datasets)], lang)
    sources = sorted(
        (Source(iri, labels[iri], dates.get(iri), cited.get(iri, 0)) for iri in iris),
        key=lambda s: (s.date or "", s.label, s.iri),
    )
    days: dict[str, str] = {}
    for r in datasets:
        if r.get("modified") is not None:
            days[labels[r["d"]]] = max(days.get(labels[r["d"]], ""), str(r["modified"])[:10])
    return DataInfo(
        titles=sorted({labels[r["d"]] for r in datasets}),
        date=_newest_modified(datasets) or max((s.date for s in sources if s.date), default=None),
        sources=sources,
        fictional=any(r.get("fictional") is True for r in datasets),
        dated=sorted(days.items()),
        terms=dataset_terms(kg, lang) if terms else [],
    )


_TERMS = (
    "SELECT ?d ?p ?o WHERE { ?d a sckg:Dataset . "
    "VALUES ?p { dcterms:license dcterms:bibliographicCitation dcterms:source } ?d ?p ?o }"
)
_WEB = re.compile(r"https?://[^\s<>\"'`\\]+")


def web_address(value: str | None) -> str | None:
    """``value`` when it is a web address a page may link to (``http(s)``), else ``None``."""
    return value if value is not None and _WEB.fullmatch(value) else None


def licence_name(iri: str) -> str:
    """The short name of a Creative Commons licence from its IRI (``CC BY-SA 4.0``, ``CC0 1.0``),
    else the IRI itself."""
    found = re.fullmatch(
        r"https?://creativecommons\.org/(licenses|publicdomain)/([a-z-]+)/(\d+(?:\.\d+)?)/?", iri
    )
    if not found:
        return iri
    _, code, version = found.groups()
    name = "CC0" if code == "zero" else ("PDM" if code == "mark" else "CC " + code.upper())
    return f"{name} {version}"


def dataset_terms(kg: KnowledgeGraph, lang: str = "de") -> list[Terms]:
    """The :class:`Terms` of each dataset that states a licence or an attribution, by title."""
    stated: dict[str, list[tuple[str, ox.NamedNode | ox.BlankNode | ox.Literal]]] = {}
    for subject, predicate, obj in kg.select(_TERMS).rows:
        if isinstance(subject, ox.NamedNode) and predicate is not None and obj is not None:
            stated.setdefault(subject.value, []).append((predicate.value, obj))
    stated = {
        d: found for d, found in stated.items() if any(p != DCTERMS + "source" for p, _ in found)
    }
    sources = sorted(
        {
            o.value
            for found in stated.values()
            for p, o in found
            if p == DCTERMS + "source" and isinstance(o, ox.NamedNode)
        }
    )
    urls: dict[str, ox.NamedNode | ox.BlankNode | ox.Literal] = {}
    if sources:
        table = kg.select(
            f"SELECT ?s ?u WHERE {{ VALUES ?s {{ {sparql_values(sources)} }} ?s schema:url ?u }}"
        )
        for src, url in sorted(table.rows, key=lambda r: str(r[1])):
            if src is not None and url is not None and web_address(url.value):
                urls.setdefault(src.value, url)
    labels = kg.labels([*stated, *sources], lang) if stated else {}
    made = []
    for iri, found in stated.items():
        cited = [
            o
            for p, o in found
            if p == DCTERMS + "bibliographicCitation" and isinstance(o, ox.Literal)
        ]
        cited.sort(key=lambda o: (o.language != lang, bool(o.language), o.value))
        licences = sorted(o.value for p, o in found if p == DCTERMS + "license")
        srcs = sorted(
            o.value for p, o in found if p == DCTERMS + "source" and isinstance(o, ox.NamedNode)
        )
        statements = [ox.Triple(ox.NamedNode(iri), ox.NamedNode(p), o) for p, o in found]
        statements += [
            ox.Triple(ox.NamedNode(s), ox.NamedNode(SCHEMA + "url"), urls[s])
            for s in srcs
            if s in urls
        ]
        made.append(
            Terms(
                dataset=iri,
                title=labels[iri],
                attribution=cited[0].value if cited else None,
                attribution_lang=(cited[0].language or None) if cited else None,
                licence=licences[0] if licences else None,
                licence_name=licence_name(licences[0]) if licences else None,
                sources=[(labels[s], urls[s].value if s in urls else None) for s in srcs],
                statements=tuple(sorted(statements, key=str)),
            )
        )
    return sorted(made, key=lambda x: (x.title, x.dataset))


def terms_html(terms: list[Terms], lang: str) -> Any:
    """The terms as HTML, one ``<p class="data-terms">`` a dataset: attribution (or the dataset's
    title), the licence linked to its IRI, the sources linked to their web address, the note that
    sckg converted the data. Every value from the data is escaped; only web addresses are links."""
    from markupsafe import Markup, escape

    def link(text: str, url: str | None, rel: str = "") -> Markup:
        if web_address(url) is None:
            return escape(text)
        return Markup('<a{} href="{}">{}</a>').format(
            Markup(f' rel="{rel}"') if rel else Markup(""), url, text
        )

    lines = []
    for x in terms:
        if x.attribution is None:
            parts = [escape(x.title)]
        elif x.attribution_lang and x.attribution_lang != lang:
            parts = [Markup('<span lang="{}">{}</span>').format(x.attribution_lang, x.attribution)]
        else:
            parts = [escape(x.attribution)]
        if x.licence is not None:
            name = link(x.licence_name or x.licence, x.licence, "license")
            parts.append(Markup("{}: {}").format(t("terms.licence", lang), name))
        if x.sources:
            shown = Markup("; ").join(link(label, url) for label, url in x.sources)
            parts.append(Markup("{}: {}").format(t("terms.source", lang), shown))
        parts.append(escape(t("terms.converted", lang)))
        lines.append(Markup('<p class="data-terms">{}</p>').format(Markup(" · ").join(parts)))
    return Markup("\n").join(lines)


def terms_markdown(terms: list[Terms], lang: str) -> list[str]:
    """The terms as Markdown, one line a dataset (as :func:`terms_html`; the values escaped by
    :func:`sckg.output.md_text`)."""

    def link(text: str, url: str | None) -> str:
        address = web_address(url)
        return f"[{md_text(text)}](<{address}>)" if address else md_text(text)

    lines = []
    for x in terms:
        parts = [md_text(x.attribution if x.attribution is not None else x.title, block=True)]
        if x.licence is not None:
            parts.append(
                f"{t('terms.licence', lang)}: {link(x.licence_name or x.licence, x.licence)}"
            )
        if x.sources:
            shown = "; ".join(link(label, url) for label, url in x.sources)
            parts.append(f"{t('terms.source', lang)}: {shown}")
        parts.append(md_text(t("terms.converted", lang)))
        lines.append(" · ".join(parts))
    return lines


def data_date(kg: KnowledgeGraph) -> str | None:
    """The data date of :func:`data_info` alone: one question (the same, so a cache answers it once)
    when a dataset says when it was modified."""
    return _newest_modified(kg.select(_DATASETS).records()) or data_info(kg).date


def _newest_modified(datasets: list[dict[str, Any]]) -> str | None:
    """The newest ``dcterms:modified`` of the datasets (``YYYY-MM-DD``), if one says it."""
    return max(
        (str(r["modified"])[:10] for r in datasets if r.get("modified") is not None), default=None
    )


def _latest_dates(kg: KnowledgeGraph, iris: list[str]) -> dict[str, str]:
    """The latest ``dcterms:date`` of each source that has one."""
    dates: dict[str, str] = {}
    for start in range(0, len(iris), 2000):
        values = sparql_values(iris[start : start + 2000])
        table = kg.select(
            f"SELECT ?src ?d WHERE {{ VALUES ?src {{ {values} }} ?src dcterms:date ?d }}"
        )
        for src, date in table.rows:
            if src is not None and date is not None:
                dates[src.value] = max(dates.get(src.value, ""), str(to_python(date)))
    return dates
