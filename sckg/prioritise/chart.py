"""The impact × effort quadrant of a ranking, in the briefing's chart style: title, unit, source
line, the table it draws (its text alternative), deterministic inline SVG
(:mod:`sckg.report.charts`)."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

from ..formatting import number
from ..report.charts import HIGHLIGHT, INK, inline_svg, source_line, svg_context
from ..report.model import Chart, ReportTable
from ..words import t
from . import Prioritisation
from .criteria import Value

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from ..kg import KnowledgeGraph

#: The file formats of the quadrant: its name's suffix without the dot.
ImageFormat = Literal["png", "svg"]

#: The middle of the 1-5 scale: it divides high from low impact and effort.
MIDDLE = 3.0
QUADRANTS = ("quick-wins", "major", "fill-ins", "thankless")


def quadrant(impact: float, effort: float) -> str:
    """The quadrant of an item's mean impact and effort (the middle counts as high)."""
    if impact >= MIDDLE:
        return "quick-wins" if effort < MIDDLE else "major"
    return "fill-ins" if effort < MIDDLE else "thankless"


def quadrant_chart(result: Prioritisation, kg: KnowledgeGraph, lang: str = "de") -> Chart | None:
    """Each ranked item at its mean effort (x) and impact (y), marked with its place; None without
    scores."""
    points = _points(result)
    return draw_quadrant(kg, points, lang) if points else None


def quadrant_image(
    result: Prioritisation, kg: KnowledgeGraph, lang: str = "de", fmt: ImageFormat = "svg"
) -> bytes | None:
    """The quadrant of :func:`quadrant_chart` as a file's bytes: ``svg`` (the chart's SVG) or
    ``png`` (150 dpi); None without scores."""
    points = _points(result)
    if not points:
        return None
    if fmt == "svg":
        return draw_quadrant(kg, points, lang).svg.encode("utf-8")
    fig = _quadrant_figure(kg, points, lang)[0]
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=150)
    return buffer.getvalue()


def _points(result: Prioritisation) -> list[tuple[int, str, float, float]]:
    """Place, label, mean impact and mean effort of each ranked item that has both."""
    values = {i.iri: i.values for i in result.ranked}
    return [
        (r.rank, r.label, float(impact), float(effort))
        for r in result.rows
        if (impact := _value(values[r.iri], "impact")) is not None
        and (effort := _value(values[r.iri], "effort")) is not None
    ]


def _value(values: dict[str, Value], key: str) -> float | None:
    found = values.get(key)
    return None if found is None or found.value is None else float(found.value)


def draw_quadrant(
    kg: KnowledgeGraph,
    points: Sequence[tuple[int, str, float, float]],
    lang: str = "de",
    key: str = "prioritise-quadrant",
) -> Chart:
    """The quadrant of ``points`` (place, label, impact, effort), first place first: each at its
    effort (x) and impact (y), marked with its place, the first 10 places as red squares, the
    others as grey circles; its table, and per quadrant the number of items as facts."""
    fig, title, source, rows, counts = _quadrant_figure(kg, points, lang)
    buffer = io.BytesIO()
    with svg_context(key):
        fig.savefig(
            buffer, format="svg", metadata={"Date": None, "Creator": "sckg", "Title": title}
        )
    columns = [
        t(f"prio.chart.column.{c}", lang) for c in ("rank", "item", "impact", "effort", "quadrant")
    ]
    return Chart(
        key,
        title,
        t("prio.chart.unit", lang),
        source,
        ReportTable(columns, rows, title),
        inline_svg(buffer.getvalue().decode("utf-8"), title),
        facts={t(f"prio.quadrant.{q}", lang): number(n, lang) for q, n in counts.items()},
    )


def _quadrant_figure(
    kg: KnowledgeGraph, points: Sequence[tuple[int, str, float, float]], lang: str
) -> tuple[Figure, str, str, list[list[object]], dict[str, int]]:
    """The quadrant's figure, title, source line, table rows and items per quadrant."""
    from matplotlib.figure import Figure

    title = t("prio.chart.title", lang)
    fig = Figure(figsize=(8.6, 6.0))
    fig.subplots_adjust(left=0.08, right=0.98, top=0.93, bottom=0.11)
    ax = fig.add_subplot()
    ax.spines[["top", "right"]].set_visible(False)
    ax.axhline(MIDDLE, color="#9e9e9e", linewidth=0.6)
    ax.axvline(MIDDLE, color="#9e9e9e", linewidth=0.6)
    for name, x, y, ha in (
        ("quick-wins", 1.05, 5.35, "left"),
        ("major", 4.95, 5.35, "right"),
        ("fill-ins", 1.05, 0.75, "left"),
        ("thankless", 4.95, 0.75, "right"),
    ):
        ax.text(x, y, t(f"prio.quadrant.{name}", lang), ha=ha, fontsize=9, color="#616161")
    rows = []
    at: dict[tuple[float, float], list[int]] = {}
    counts = dict.fromkeys(QUADRANTS, 0)
    for rank, label, impact, effort in points:
        at.setdefault((round(effort, 4), round(impact, 4)), []).append(rank)
        counts[quadrant(impact, effort)] += 1
        rows.append(
            [
                rank,
                label,
                number(impact, lang, 2),
                number(effort, lang, 2),
                t(f"prio.quadrant.{quadrant(impact, effort)}", lang),
            ]
        )
    for (effort, impact), ranks in sorted(at.items()):
        first = min(ranks) <= 10
        ax.plot(
            effort,
            impact,
            "s" if first else "o",
            color=HIGHLIGHT if first else "#bdbdbd",
            markeredgecolor=INK,
            markersize=5,
            markeredgewidth=0.5,
        )
        ax.annotate(
            ", ".join(map(str, sorted(ranks))),
            (effort, impact),
            textcoords="offset points",
            xytext=(4, 3),
            fontsize=7,
            color=INK,
        )
    ax.set_xlim(0.6, 5.4)
    ax.set_ylim(0.6, 5.6)
    ax.set_xlabel(t("prio.chart.effort", lang), fontsize=8)
    ax.set_ylabel(t("prio.chart.impact", lang), fontsize=8)
    ax.tick_params(labelsize=7)
    ax.set_title(title, fontsize=10, loc="left")
    source = source_line(kg, lang)
    fig.text(0.01, 0.01, source, fontsize=7, color="#616161")
    return fig, title, source, rows, counts
