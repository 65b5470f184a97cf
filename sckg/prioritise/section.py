"""The briefing's priority section: the newest prioritisation stored in the graph (an
``--assessment`` file loaded with the city's data), read through SPARQL like every other section."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..formatting import number
from ..report.charts import HIGHLIGHT, INK, _svg, source_line
from ..report.model import Chart, ReportTable, Section
from ..words import t

if TYPE_CHECKING:
    from ..kg import KnowledgeGraph
    from .assessment import StoredPlace

#: The chart shows the first this many places.
CHART_PLACES = 15


def priority_section(kg: KnowledgeGraph, lang: str = "de") -> Section | None:
    """The places of the newest prioritisation with their results, charts of net flow,
    sensitivity and impact × effort from its stored values; None when the graph holds none."""
    from .assessment import stored_ranking

    stored = stored_ranking(kg)
    if stored is None:
        return None
    mine = stored.places
    labels = kg.labels({p.item for p in mine}, lang)
    section = Section(
        "priorities",
        t("prio.section.heading", lang),
        [t("prio.section.intro", lang, date=stored.date)],
    )
    if stored.summary:
        section.paragraphs.append(stored.summary)
    columns = [
        t("prio.chart.column.rank", lang),
        t("prio.chart.column.item", lang),
        t("prio.section.result", lang),
    ]
    table = [[p.rank, labels[p.item], p.result] for p in mine]
    section.tables.append(ReportTable(columns, table))
    bars = [
        (f"{p.rank}. {labels[p.item]}", p.flow) for p in mine[:CHART_PLACES] if p.flow is not None
    ]
    if bars:
        chart = _flow_chart(kg, bars, columns, table[:CHART_PLACES], lang)
        chart.facts = {t("prio.section.fact.ranked", lang): number(len(mine), lang)}
        section.charts.append(chart)
    stable = _sensitivity_chart(kg, [(labels[p.item], p) for p in mine], lang)
    if stable:
        section.charts.append(stable)
    points = [
        (p.rank, labels[p.item], p.values["impact"], p.values["effort"])
        for p in mine
        if "impact" in p.values and "effort" in p.values
    ]
    if points:
        from .chart import draw_quadrant

        section.charts.append(draw_quadrant(kg, points, lang, "priorities-quadrant"))
    _add_waves(section, kg, {p.item: p.rank for p in mine}, lang)
    return section


def _add_waves(section: Section, kg: KnowledgeGraph, ranks: dict[str, int], lang: str) -> None:
    """The waves of the ranked projects (:mod:`.waves`), or why there are none (a dependency
    cycle)."""
    from ..errors import DataError
    from ..namespaces import sparql_values
    from .waves import waves

    if not kg.ask(f"ASK {{ VALUES ?x {{ {sparql_values(ranks)} }} ?x a sckg:Project }}"):
        return  # a ranking of fields of action: no waves
    part = Section("priority-waves", t("prio.section.waves.heading", lang))
    section.subsections.append(part)
    try:
        rows = waves(kg, ranks, lang=lang)
    except DataError as exc:
        part.paragraphs.append(str(exc))
        return
    yes = t("prio.section.critical", lang)
    part.tables.append(
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
    from matplotlib.figure import Figure

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
    return Chart(
        "priorities",
        title,
        t("prio.section.unit", lang),
        source_line(kg, lang),
        ReportTable(columns, rows, title),
        _svg(fig, "priorities", title),
    )


def _sensitivity_chart(
    kg: KnowledgeGraph, stored: list[tuple[str, StoredPlace]], lang: str
) -> Chart | None:
    """The middle 90 % of the places of the first places under weight changes of ±10 % (dark, red
    when fragile) and ±25 % (light), each place a dot; None when no place has its places under
    weight changes (written by hand)."""
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch
    from matplotlib.ticker import MaxNLocator

    from . import band_text
    from .rank import SPREADS, is_fragile

    near_, far_ = min(SPREADS), max(SPREADS)
    placed = [
        (label, p.rank, p.bands[near_], p.bands[far_])
        for label, p in stored
        if near_ in p.bands and far_ in p.bands
    ]
    if not placed:
        return None
    fragile = [label for label, rank, near, _ in placed if is_fragile(near, rank)]
    first = placed[:CHART_PLACES]
    title = t("prio.section.sensitivity", lang, n=len(first))
    height = 0.8 + 0.28 * len(first)
    place = t("prio.section.waves.rank", lang)
    fig = Figure(figsize=(8.6, height))
    fig.subplots_adjust(left=0.42, right=0.95, top=1 - 0.4 / height, bottom=0.45 / height)
    ax = fig.add_subplot()
    ax.spines[["top", "right"]].set_visible(False)
    for y, (_, rank, near, far) in enumerate(reversed(first)):
        ax.barh(y, far[1] - far[0] + 0.8, left=far[0] - 0.4, height=0.7, color="#e0e0e0")
        shaky = is_fragile(near, rank)
        ax.barh(
            y,
            near[1] - near[0] + 0.8,
            left=near[0] - 0.4,
            height=0.35,
            color=HIGHLIGHT if shaky else "#9e9e9e",
        )
        ax.plot(rank, y, "o", color=INK, markersize=3.5)
    names = [f"{rank}. {label}" for label, rank, _, _ in first]
    names = [n if len(n) <= 52 else n[:51] + "…" for n in names][::-1]
    ax.set_yticks(range(len(first)), [n.replace("$", r"\$") for n in names], fontsize=8)
    ax.set_xlim(0.4, max(far[1] for _, _, _, far in first) + 0.6)
    ax.set_xlabel(t("prio.section.sensitivity.unit", lang), fontsize=8)
    ax.tick_params(axis="x", labelsize=7)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(
        handles=[
            Patch(color="#9e9e9e", label="±10 %"),
            Patch(color="#e0e0e0", label="±25 %"),
            Patch(color=HIGHLIGHT, label=t("prio.section.fragile", lang)),
            Line2D([], [], color=INK, marker="o", linestyle="", markersize=3.5, label=place),
        ],
        loc="upper right",
        fontsize=7,
        frameon=False,
    )
    fig.suptitle(title, x=0.01, y=1 - 0.1 / height, ha="left", va="top", fontsize=10)
    columns = [
        place,
        t("prio.chart.column.item", lang),
        "±10 %",
        "±25 %",
        t("prio.section.fragile", lang),
    ]
    yes = t("prio.section.fragile", lang)
    rows: list[list[object]] = [
        [rank, label, band_text(near), band_text(far), yes if is_fragile(near, rank) else ""]
        for label, rank, near, far in first
    ]
    return Chart(
        "priorities-sensitivity",
        title,
        t("prio.section.sensitivity.unit", lang),
        source_line(kg, lang),
        ReportTable(columns, rows, title),
        _svg(fig, "priorities-sensitivity", title),
        fragile,
        t("prio.section.fragile_places", lang),
        {t("prio.section.fact.fragile", lang, n=len(placed)): number(len(fragile), lang)},
    )
