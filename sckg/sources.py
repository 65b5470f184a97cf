"""Where the data comes from and how current it is: the one home of "sources and data date".

Stats, report and maps all show what :func:`data_info` finds. The rule: the datasets
(``sckg:Dataset``) give the title, the date (each dataset's is the day of its ``dcterms:modified``:
the newest date in its data, as the OParl import writes it or the inventory's author states it; the
data date is the newest of them) and the sources (their ``dcterms:source``; a source counts the
entities citing it and those ``sckg:inDataset`` a dataset of that source, so an OParl import shows
one council system, not thousands of objects); without a dataset description, the sources are the
documents the entities derive from, and the date is the latest of theirs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .formatting import number
from .kg import KnowledgeGraph
from .namespaces import SOURCE_PROPERTIES, sparql_values
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
class DataInfo:
    """What a page says about its data: dataset titles, the data date, the sources, and whether it
    is fictional."""

    titles: list[str]
    date: str | None
    sources: list[Source]
    fictional: bool
    #: (title, date) of each dataset that has a date, by title
    dated: list[tuple[str, str]] = field(default_factory=list)

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


def data_info(kg: KnowledgeGraph, lang: str = "de") -> DataInfo:
    """The datasets' titles, date, sources and fictional flag (see the module's docstring for the
    rule)."""
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
    )


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
