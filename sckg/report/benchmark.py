"""The briefing's benchmarking section: the city beside others (``sckg report --compare``).

A heat-map of projects per reference field and city, what the others do that the city does not, the
programmes side by side and the best-practice candidates for its projects, grouped by reference
field (:mod:`sckg.compare`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..words import t
from .charts import matrix_chart
from .model import ReportTable, Section

if TYPE_CHECKING:
    from ..kg import KnowledgeGraph

#: Best-practice candidates the section lists at most (the best first within each field).
CANDIDATES = 40


def benchmark_section(kg: KnowledgeGraph, others: Sequence[KnowledgeGraph], lang: str) -> Section:
    """The section comparing the city of ``kg`` with the cities of ``others``."""
    from ..compare import GAP_COLUMNS, best_practice, compare, coverage_matrix, gaps, structure

    comparison = compare([kg, *others], lang=lang)
    ours = comparison.cities[0].city
    names = [c.city.name(lang) for c in comparison.cities]
    section = Section(
        "benchmark",
        t("compare.section", lang),
        [t("compare.section_intro", lang, city=ours.name(lang), others=", ".join(names[1:]))],
    )
    rows, columns, cells = coverage_matrix(comparison, "field")
    source = t("compare.source", lang, cities=", ".join(names))
    section.charts.append(
        matrix_chart(
            "benchmark-fields",
            t("compare.heatmap.field", lang),
            t("chart.projects_unit", lang),
            rows,
            columns,
            cells,
            source,
            lang,
            t("report.field", lang),
        )
    )
    missing = gaps(comparison, ours.iri)
    header = [t(f"compare.column.{c}", lang) for c in GAP_COLUMNS]
    section.tables.append(
        ReportTable(header, missing, t("compare.gaps", lang, city=ours.name(lang)))
    )
    columns, measures = structure(comparison)
    section.tables.append(ReportTable(columns, measures, t("compare.structure", lang)))
    found = best_practice(comparison, ours.iri)
    none = t("report.unspecified", lang)

    def field(iris: frozenset[str]) -> str:
        return min((comparison.field_labels[f] for f in iris), default=none)

    found.sort(key=lambda c: (field(c.project.fields), c.project.title.casefold(), -c.score))
    candidates = [
        [
            field(c.project.fields),
            c.project.title,
            c.example.title,
            c.city.name(lang),
            f"{c.score:.2f}".replace(".", "," if lang == "de" else "."),
            c.evidence(comparison),
        ]
        for c in found[:CANDIDATES]
    ]
    heads = ("field", "project", "example", "city", "score", "evidence")
    section.tables.append(
        ReportTable(
            [t(f"compare.column.{h}", lang) for h in heads],
            candidates,
            t("compare.candidates", lang, n=len(found)),
        )
    )
    section.facts.update(benchmark_gaps=len(missing), best_practice=len(found))
    return section
