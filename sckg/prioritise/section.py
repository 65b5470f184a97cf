"""The briefing's priority section: the newest prioritisation stored in the graph (an
``--assessment`` file loaded with the city's data), read through SPARQL like every other section."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..report.charts import INK, inline_svg, source_line, svg_context
from ..report.model import Chart, ReportTable, Section
from ..words import t

if TYPE_CHECKING:
    from ..kg import KnowledgeGraph

_ASSESSMENT = """SELECT ?whole ?date ?summary ?item ?position ?flow ?result WHERE {
  ?whole a sckg:Assessment ; dcterms:date ?date .
  ?part dcterms:isPartOf ?whole ; sckg:assessed ?item ; schema:position ?position ; sckg:result\
 ?result .
  OPTIONAL { ?whole sckg:result ?summary }
  OPTIONAL { ?part rdf:value ?flow }
}"""
#: The chart shows the first this many places.
CHART_PLACES = 15


def priority_section(kg: KnowledgeGraph, lang: str = "de") -> Section | None:
    """The places of the newest prioritisation with their results; None when the graph holds
    none."""
    rows = kg.select(_ASSESSMENT).records()
    if not rows:
        return None
    newest = max(rows, key=lambda r: (str(r["date"]), r["whole"]))
    mine = sorted(
        (r for r in rows if r["whole"] == newest["whole"]),
        key=lambda r: (int(r["position"]), r["item"]),
    )
    labels = kg.labels({r["item"] for r in mine}, lang)
    section = Section(
        "priorities",
        t("prio.section.heading", lang),
        [t("prio.section.intro", lang, date=str(newest["date"])[:10])],
    )
    if newest["summary"]:
        section.paragraphs.append(str(newest["summary"]))
    columns = [
        t("prio.chart.column.rank", lang),
        t("prio.chart.column.item", lang),
        t("prio.section.result", lang),
    ]
    table = [[int(r["position"]), labels[r["item"]], str(r["result"])] for r in mine]
    section.tables.append(ReportTable(columns, table))
    bars = [
        (f"{int(r['position'])}. {labels[r['item']]}", float(r["flow"]))
        for r in mine[:CHART_PLACES]
        if r["flow"] is not None
    ]
    if bars:
        section.charts.append(_flow_chart(kg, bars, columns, table[:CHART_PLACES], lang))
    _add_waves(section, kg, {r["item"]: int(r["position"]) for r in mine}, lang)
    return section


def _add_waves(section: Section, kg: KnowledgeGraph, ranks: dict[str, int], lang: str) -> None:
    """The waves of the ranked projects (:mod:`.waves`), or why there are none (a dependency
    cycle)."""
    from ..errors import DataError
    from ..namespaces import sparql_values
    from .waves import waves

    if not kg.ask(f"ASK {{ VALUES ?x {{ {sparql_values(ranks)} }} ?x a sckg:Project }}"):
        return  # a ranking of fields of action: no waves
    try:
        rows = waves(kg, ranks, lang=lang)
    except DataError as exc:
        section.paragraphs.append(str(exc))
        return
    yes = t("prio.section.critical", lang)
    section.tables.append(
        ReportTable(
            [
                t(f"prio.section.waves.{c}", lang)
                for c in ("wave", "period", "rank", "item", "department", "critical", "reason")
            ],
            [
                [
                    r.wave,
                    r.period,
                    r.rank or "",
                    r.label,
                    r.department,
                    yes if r.critical else "",
                    r.reason,
                ]
                for r in rows
            ],
            t("prio.section.waves", lang),
        )
    )


def _flow_chart(
    kg: KnowledgeGraph,
    bars: list[tuple[str, float]],
    columns: list[str],
    rows: list[list[object]],
    lang: str,
) -> Chart:
    """The first places as horizontal bars of their net flow (−1 … 1), the first place on top."""
    import io

    from matplotlib.figure import Figure

    from ..formatting import number

    title = t("prio.section.chart", lang, n=len(bars))
    height = 0.8 + 0.28 * len(bars)
    fig = Figure(figsize=(8.6, height))
    fig.subplots_adjust(left=0.42, right=0.95, top=1 - 0.4 / height, bottom=0.45 / height)
    ax = fig.add_subplot()
    ax.spines[["top", "right"]].set_visible(False)
    names = [n if len(n) <= 52 else n[:51] + "…" for n, _ in bars][::-1]
    values = [v for _, v in bars][::-1]
    ax.barh(range(len(values)), values, color="#bdbdbd", edgecolor=INK, linewidth=0.6, height=0.7)
    ax.axvline(0, color=INK, linewidth=0.6)
    for i, value in enumerate(values):
        ax.text(
            value,
            i,
            f" {number(value, lang, 3)} ",
            va="center",
            ha="left" if value >= 0 else "right",
            fontsize=7,
            color=INK,
        )
    ax.set_yticks(range(len(values)), [n.replace("$", r"\$") for n in names], fontsize=8)
    low = min(min(values), 0.0)
    ax.set_xlim(low * 1.3 - 0.02, max(max(values), 0.0) * 1.3 + 0.02)
    ax.set_xlabel(t("prio.section.unit", lang), fontsize=8)
    ax.tick_params(axis="x", labelsize=7)
    ax.set_title(title, fontsize=10, loc="left")
    buffer = io.BytesIO()
    with svg_context("priorities"):
        fig.savefig(
            buffer, format="svg", metadata={"Date": None, "Creator": "sckg", "Title": title}
        )
    return Chart(
        "priorities",
        title,
        t("prio.section.unit", lang),
        source_line(kg, lang),
        ReportTable(columns, rows, title),
        inline_svg(buffer.getvalue().decode("utf-8"), title),
    )
