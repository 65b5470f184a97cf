"""The briefing as data: sections with text, tables, charts and maps, rendered to HTML and
Markdown."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..sources import Source, Terms


@dataclass(frozen=True)
class Link:
    """A table cell that links to a page elsewhere (e.g. a paper in the council information
    system)."""

    text: str
    url: str

    def __str__(self) -> str:
        return self.text


@dataclass
class ReportTable:
    """A table of the briefing: column headings, rows and a caption (a query result is
    :class:`sckg.results.Table`)."""

    columns: list[str]
    rows: list[list[Any]]
    caption: str = ""
    #: shown folded under its caption, opened with one click (HTML; Markdown shows it whole)
    collapsed: bool = False


@dataclass
class Chart:
    """A chart of the briefing (drawn by :mod:`sckg.report.charts`): its drawing (inline SVG), what
    it shows, and the table it draws."""

    key: str
    title: str
    unit: str
    source: str
    table: ReportTable
    svg: str
    #: Items listed beside the chart (e.g. projects without dates on the roadmap), with their
    #: heading.
    aside: list[str] = field(default_factory=list)
    aside_title: str = ""
    #: The key figures a slide shows next to the chart.
    facts: dict[str, str] = field(default_factory=dict)


@dataclass
class MapSpec:
    """An interactive map to embed: a projection, optionally focused on a node or filtered to a
    field."""

    title: str
    projection: str = "entity"
    focus: str | None = None
    depth: int = 1
    field: str | None = None
    color_by: str = "class"
    static_figure: bool = False


@dataclass
class Section:
    """One section of the briefing (``key`` is stable across languages, used as the HTML id)."""

    key: str
    heading: str
    paragraphs: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)
    tables: list[ReportTable] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    maps: list[MapSpec] = field(default_factory=list)
    subsections: list[Section] = field(default_factory=list)
    facts: dict[str, int] = field(default_factory=dict)
    grid: bool = False


@dataclass
class Report:
    """The steering group's briefing."""

    title: str
    lang: str
    data_date: str | None
    generated: str
    sources: list[Source]
    sections: list[Section]
    #: (title, date) of each dataset that has a date (:attr:`sckg.sources.DataInfo.dated`)
    data_dates: list[tuple[str, str]] = field(default_factory=list)
    #: What the briefing left out, one line each: ill-typed values (sckg.typed.left_out).
    notes: list[str] = field(default_factory=list)
    #: The terms of reuse the datasets state (:attr:`sckg.sources.DataInfo.terms`)
    terms: list[Terms] = field(default_factory=list)

    @property
    def facts(self) -> dict[str, int]:
        """The headline numbers of all sections (projects, cycles, open points ...)."""
        return {k: v for section in self.sections for k, v in section.facts.items()}

    @property
    def summary(self) -> list[str]:
        """The headline numbers as short lines in the report's language (a number without words in
        :mod:`sckg.words` under its key, so it never goes missing)."""
        from ..words import Words

        names = Words("fact", self.lang)
        return [f"{names.get(k, k)}: {v}" for k, v in self.facts.items()]

    def section(self, key: str) -> Section:
        """The section with ``key`` (KeyError if absent)."""
        for section in self.sections:
            if section.key == key:
                return section
        raise KeyError(key)
