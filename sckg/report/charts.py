"""The briefing's charts: matplotlib drawings as inline SVG, each with title, unit, source line and
the table it draws (its text alternative).

Why matplotlib (docs/report.md has the figures): it is a dependency already; its SVG needs no
script, so it prints, becomes a PDF as vectors and stands on a slide as it is; with ``svg.hashsalt``
set and no date in the metadata the same data gives the same bytes; text stays text (``svg.fonttype
= "none"``), so a chart of the fictional city is 7-45 KB and its labels can be searched. Vega-Lite
through altair would add 830 KB of vendored scripts to every page and draws only when they run.
Black and white: bars and cells carry their numbers, grey levels and the ▶ mark the rest; no fill
patterns (Chromium prints SVG patterns as bitmaps).
"""

from __future__ import annotations

import io
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ..formatting import money, number
from ..namespaces import sparql_values
from ..words import Words, t
from .model import Chart, ReportTable

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from ..kg import KnowledgeGraph
    from .model import Section

INK = "#1d1d1f"
HIGHLIGHT = "#c0392b"
#: The actor × field matrix shows the actors with the most projects, up to this many.
MATRIX_ACTORS = 25
#: The roadmap draws up to this many dated projects (the rest are in its table).
ROADMAP_PROJECTS = 80
WIDTH = 8.6  # inches: the report's content width at 100 px per inch


def source_line(kg: KnowledgeGraph, lang: str) -> str:
    """``Quelle: …; Datenstand: …`` for a chart's caption (sckg.sources.data_info)."""
    from ..formatting import long_date
    from ..sources import data_info

    info = data_info(kg, lang)
    w = Words("chart", lang)
    sources = "; ".join(s.label for s in info.sources) or w["unknown"]
    when = long_date(info.date, lang) if info.date else w["unknown"]
    return w("source", sources=sources, date=when)


def svg_context(key: str) -> Any:
    """matplotlib settings for deterministic, compact SVG: ids salted by ``key``, text kept as
    text."""
    import matplotlib

    return matplotlib.rc_context(
        {
            "svg.hashsalt": f"sckg-{key}",
            "svg.fonttype": "none",
            "font.family": "sans-serif",
            "font.sans-serif": ["DejaVu Sans"],
        }
    )


def inline_svg(text: str, title: str) -> str:
    """matplotlib's SVG document as markup for inside a page: no XML prolog or metadata, coordinates
    to two decimals, the font set once, scaling with the page (the viewBox kept), labelled with
    ``title``."""
    text = _GEOMETRY.sub(
        lambda m: m[1] + _NUMBER.sub(r"\1", " ".join(m[2].split())) + '"',
        text[text.index("<svg") :],
    )
    text = re.sub(r"\s*<metadata>.*?</metadata>", "", text, count=1, flags=re.S)
    text = _FONT.sub("", _NO_TURN.sub("", text))
    text = text.replace(
        '<style type="text/css">*{',
        '<style type="text/css">svg.chart-svg text{font-family: '
        "'DejaVu Sans', sans-serif}\nsvg.chart-svg *{",
        1,
    )
    return re.sub(
        r'<svg([^>]*?) width="[^"]*" height="[^"]*"',
        r'<svg\1 class="chart-svg" role="img" '
        r'aria-label="' + _attr(title) + '"',
        text,
        count=1,
    )


def _svg(fig: Figure, key: str, title: str) -> str:
    """``fig`` as inline SVG markup (see :func:`inline_svg`), the same bytes for the same figure."""
    buffer = io.BytesIO()
    with svg_context(key):
        fig.savefig(
            buffer, format="svg", metadata={"Date": None, "Creator": "sckg", "Title": title}
        )
    return inline_svg(buffer.getvalue().decode("utf-8"), title)


#: Coordinates in attributes, and their digits past the second decimal (a hundredth of a point is
#: invisible).
_GEOMETRY = re.compile(r'(\s(?:d|x|y|x1|x2|y1|y2|width|height|transform|points|viewBox)=")([^"]*)"')
_FONT = re.compile(r"font-family: 'DejaVu Sans', sans-serif;? ?")  # set once in the chart's style
_NO_TURN = re.compile(r' transform="rotate\(-0 [^"]*\)"')
_NUMBER = re.compile(r"(\d\.\d\d)\d+")


def _attr(text: str) -> str:
    import html

    return html.escape(text, quote=True)


def _figure(
    rows: int,
    labels: Sequence[str],
    *,
    top: float = 0.45,
    bottom: float = 0.5,
    right: float = 0.25,
    row: float = 0.26,
) -> tuple[Figure, Axes]:
    """A figure for ``rows`` rows labelled ``labels`` on the left (7-8 pt), margins in inches. The
    margins are estimated from the labels' length: matplotlib's constrained layout would measure
    them but doubles the time."""
    from matplotlib.figure import Figure

    left = min(WIDTH / 2, 0.2 + 0.062 * max((len(label) for label in labels), default=4))
    height = top + bottom + row * max(rows, 1)
    fig = Figure(figsize=(WIDTH, height))
    fig.subplots_adjust(
        left=left / WIDTH, right=1 - right / WIDTH, top=1 - top / height, bottom=bottom / height
    )
    ax = fig.add_subplot()
    ax.spines[["top", "right"]].set_visible(False)
    return fig, ax


def _plain(text: str) -> str:
    """Label text for matplotlib: no mathtext (``$`` escaped), shortened to 48 characters."""
    text = text if len(text) <= 48 else text[:47] + "…"
    return text.replace("$", r"\$")


def _ticks(lang: str, unit: str) -> Callable[[float, Any], str]:
    return (lambda v, _: money(v, lang, 0)) if unit == "EUR" else (lambda v, _: number(v, lang))


def bar_chart(
    key: str,
    title: str,
    unit: str,
    bars: Sequence[tuple[str, float]],
    source: str,
    lang: str,
    columns: Sequence[str],
    table_rows: list[list[Any]] | None = None,
) -> Chart:
    """Horizontal bars, largest first as given, each labelled with its value in the language's
    format."""
    from matplotlib.ticker import FuncFormatter

    label = _ticks(lang, unit)
    names = [_plain(n) for n, _ in bars][::-1]
    fig, ax = _figure(len(bars), names, row=0.3)
    values = [v for _, v in bars][::-1]
    ax.barh(range(len(values)), values, color="#bdbdbd", edgecolor=INK, linewidth=0.6, height=0.7)
    ax.set_yticks(range(len(values)), names, fontsize=8)
    top = max(values, default=0) or 1
    for i, value in enumerate(values):
        ax.text(value + top * 0.01, i, label(value, None), va="center", fontsize=8, color=INK)
    ax.set_xlim(0, top * 1.22)
    ax.xaxis.set_major_formatter(FuncFormatter(label))
    ax.tick_params(axis="x", labelsize=7)
    ax.set_xlabel(unit if unit == "EUR" else Words("chart", lang)["count"], fontsize=8)
    ax.set_title(_plain(title), fontsize=10, loc="left")
    rows = table_rows if table_rows is not None else [[n, label(v, None)] for n, v in bars]
    return Chart(
        key, title, unit, source, ReportTable(list(columns), rows, title), _svg(fig, key, title)
    )


def matrix_chart(
    key: str,
    title: str,
    unit: str,
    rows: Sequence[str],
    columns: Sequence[str],
    cells: dict[tuple[str, str], int],
    source: str,
    lang: str,
    corner: str,
) -> Chart:
    """A grid of counts: one square per non-zero cell, darker for more and labelled with its number
    (readable in black and white without patterns, which Chromium would print as bitmaps)."""
    fig, grid = _matrix_figure(title, rows, columns, cells, lang)
    table = ReportTable(
        [corner, *columns], [[r, *row] for r, row in zip(rows, grid, strict=True)], title
    )
    return Chart(key, title, unit, source, table, _svg(fig, key, title))


def matrix_image(
    title: str,
    rows: Sequence[str],
    columns: Sequence[str],
    cells: dict[tuple[str, str], int],
    lang: str,
    fmt: str,
) -> bytes:
    """The grid of :func:`matrix_chart` as a file's bytes: ``png`` (150 dpi) or ``svg``."""
    fig, _ = _matrix_figure(title, rows, columns, cells, lang)
    buffer = io.BytesIO()
    with svg_context(title):
        fig.savefig(buffer, format=fmt, dpi=150, metadata={"Date": None} if fmt == "svg" else {})
    return buffer.getvalue()


def _matrix_figure(
    title: str,
    rows: Sequence[str],
    columns: Sequence[str],
    cells: dict[tuple[str, str], int],
    lang: str,
) -> tuple[Figure, list[list[int]]]:
    from matplotlib.collections import PatchCollection
    from matplotlib.patches import Rectangle

    heads = [_plain(c) for c in columns]
    # the column heads stand at the top, turned by 30°: their height is half their length
    fig, ax = _figure(
        len(rows),
        [_plain(r) for r in rows],
        top=0.55 + 0.031 * max(map(len, heads), default=0),
        bottom=0.1,
        right=0.3 + 0.054 * len(heads[-1]) if heads else 0.3,
    )
    top = max(cells.values(), default=0) or 1
    grid = [[cells.get((r, c), 0) for c in columns] for r in rows]
    filled = [(i, j, n) for i, row in enumerate(grid) for j, n in enumerate(row) if n]
    shade = [
        str(round(0.92 - 0.62 * n / top, 2)) for _, _, n in filled
    ]  # grey levels: darker = more
    ax.add_collection(
        PatchCollection(
            [Rectangle((j - 0.45, i - 0.42), 0.9, 0.84) for i, j, _ in filled],
            facecolors=shade,
            edgecolors=INK,
            linewidths=0.3,
        )
    )
    for i, j, n in filled:
        ax.text(
            j,
            i,
            number(n, lang),
            ha="center",
            va="center",
            fontsize=7,
            color="#ffffff" if n > top * 0.6 else INK,
        )
    ax.set_xlim(-0.5, len(columns) - 0.5)
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.tick_params(length=0)
    ax.xaxis.tick_top()
    ax.set_xticks(range(len(columns)), heads, rotation=30, ha="left", fontsize=7)
    ax.set_yticks(range(len(rows)), [_plain(r) for r in rows], fontsize=7)
    ax.spines[["left", "bottom"]].set_visible(False)
    ax.grid(color="#e6e6e6", linewidth=0.4)
    ax.set_axisbelow(True)
    ax.set_title(_plain(title), fontsize=10, loc="left")
    return fig, grid


# --- the charts of the briefing, one function each ------------------------------------------------


def budget_chart(kg: KnowledgeGraph, query: str, lang: str) -> Chart | None:
    """Budget per field of action (``budget-by-field``) or per department
    (``budget-by-department``); the queries sum only values that are numbers, so an ill-typed budget
    is left out (sckg.typed notes it)."""
    from ..queries import run_named
    from ..typed import records

    by_field = query == "budget-by-field"
    label = "fieldLabel" if by_field else "departmentLabel"
    rows = [
        (r[label], value, r["projects"])
        for r in records(run_named(kg, query, lang=lang))
        if isinstance(value := r["budgetEUR"], Decimal | int | float)
    ]
    if not rows:
        return None
    w = Words("report", lang)
    title = w["budget_by_field" if by_field else "budget_by_dept"]
    return bar_chart(
        query,
        title,
        "EUR",
        [(name, float(value)) for name, value, _ in rows],
        source_line(kg, lang),
        lang,
        [w["name"], w["budget"], w["projects"]],
        [[name, money(value, lang), n] for name, value, n in rows],
    )


def _project_status(kg: KnowledgeGraph, lang: str) -> list[tuple[str, str, str]]:
    """``(project, status label, field label)`` for each project and field (fields and status may be
    absent)."""
    rows = kg.select(
        "SELECT ?p ?status ?field WHERE { ?p a sckg:Project OPTIONAL { ?p adms:status ?status } "
        "OPTIONAL { ?p sckg:inFieldOfAction ?field } }"
    ).records()
    labels = kg.labels({r[k] for r in rows for k in ("status", "field") if r[k]}, lang)
    none = t("report.unspecified", lang)
    return [
        (
            r["p"],
            labels[r["status"]] if r["status"] else none,
            labels[r["field"]] if r["field"] else none,
        )
        for r in rows
    ]


def status_chart(kg: KnowledgeGraph, lang: str) -> Chart | None:
    """How many projects have each status."""
    statuses = {p: s for p, s, _ in _project_status(kg, lang)}
    if not statuses:
        return None
    counts = sorted(Counter(statuses.values()).items(), key=lambda r: (-r[1], r[0]))
    w = Words("report", lang)
    return bar_chart(
        "status",
        w["projects_by_status"],
        "",
        counts,
        source_line(kg, lang),
        lang,
        [w["status"], w["count"]],
        [[s, n] for s, n in counts],
    )


def status_by_field_chart(kg: KnowledgeGraph, lang: str) -> Chart | None:
    """Projects by status in each field of action (a project in two fields counts in both)."""
    rows = _project_status(kg, lang)
    if not rows:
        return None
    counts = Counter((f, s) for _, s, f in set(rows))
    totals = Counter(f for _, _, f in set(rows))
    fields = sorted(totals, key=lambda f: (-totals[f], f))
    series = sorted(
        {s for _, s, _ in rows},
        key=lambda s: (-sum(n for (_, x), n in counts.items() if x == s), s),
    )
    w = Words("chart", lang)
    return matrix_chart(
        "status-by-field",
        w["status_by_field"],
        w["projects_unit"],
        fields,
        series,
        counts,
        source_line(kg, lang),
        lang,
        t("report.field", lang),
    )


def actor_field_chart(kg: KnowledgeGraph, lang: str) -> Chart | None:
    """How many projects each actor has in each field of action (managing, taking part or
    contracted): a row with one filled cell is a silo, a row across many fields a bridge."""
    rows = kg.select(
        "SELECT ?actor ?field (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a sckg:Project ; "
        "sckg:inFieldOfAction ?field ; sckg:managedBy|sckg:hasParticipant|sckg:contractor ?actor } "
        "GROUP BY ?actor ?field"
    ).records()
    if not rows:
        return None
    labels = kg.labels({r[k] for r in rows for k in ("actor", "field")}, lang)
    cells = {(labels[r["actor"]], labels[r["field"]]): int(r["n"]) for r in rows}
    per_actor = Counter[str]()
    for (actor, _), n in cells.items():
        per_actor[actor] += n
    actors = sorted(per_actor, key=lambda a: (-per_actor[a], a))[:MATRIX_ACTORS]
    fields = sorted({f for _, f in cells})
    w = Words("chart", lang)
    chart = matrix_chart(
        "actor-field",
        w["actor_field"],
        w["projects_unit"],
        actors,
        fields,
        cells,
        source_line(kg, lang),
        lang,
        t("report.actor", lang),
    )
    if len(per_actor) > len(actors):
        chart.aside_title = w("matrix_left_out", n=len(per_actor) - len(actors))
    return chart


def roadmap_chart(kg: KnowledgeGraph, lang: str, graph: Any = None) -> Chart | None:
    """The projects on a time axis (start to end, dated phases inside), the dependency arrows, the
    critical path highlighted; a project with only a start (or only an end) runs, dashed, to the
    axis's edge; projects with neither are listed beside it."""
    import matplotlib.dates as mdates

    from ..network.dependencies import critical_path
    from ..network.projection import project

    deps: Any = graph if graph is not None else project(kg, "dependencies", lang=lang)
    if not deps.number_of_nodes():
        return None
    w = Words("chart", lang)
    path = [row.iri for row in critical_path(kg, lang=lang, graph=deps)]
    on_path = set(path)
    given = {n: (_day(a.get("start")), _day(a.get("end"))) for n, a in deps.nodes(data=True)}
    dated = sorted(
        (n for n in deps if any(given[n])),
        key=lambda n: (
            min(d for d in given[n] if d),
            given[n][1] or given[n][0],
            deps.nodes[n]["label"],
        ),
    )
    has_dates = set(dated)
    undated = sorted(deps.nodes[n]["label"] for n in deps if n not in has_dates)
    if not dated:  # nothing to draw on a time axis: the projects are listed, not an empty axis
        return None
    drawn = dated[:ROADMAP_PROJECTS]
    phases = _phases(kg, lang, drawn)
    milestones = _milestones(kg, lang, set(deps))
    row = {n: i for i, n in enumerate(drawn)}
    names = [("▶ " if n in on_path else "") + _plain(deps.nodes[n]["label"]) for n in drawn]
    fig, ax = _figure(len(drawn), names, top=0.35, bottom=0.35)
    known = [d for n in drawn for d in given[n] if d]
    known += [d for n in drawn for _, *days in phases.get(n, []) for d in days]
    known += [m.day for n in drawn for m in milestones.get(n, [])]
    edges = (
        date(min(known).year, 1, 1),
        date(max(known).year + 1, 1, 1),
    )  # whole years: an open bar's edge
    day = {n: (given[n][0] or edges[0], given[n][1] or edges[1]) for n in drawn}
    for n in drawn:
        start, end = (mdates.date2num(d) for d in day[n])
        critical = n in on_path
        closed = all(
            given[n]
        )  # an open bar is paler and dashed (no hatching: it would print as a bitmap)
        ax.barh(
            row[n],
            end - start,
            left=start,
            height=0.6,
            color=("#4d4d4d" if closed else "#9e9e9e")
            if critical
            else ("#e0e0e0" if closed else "#f4f4f4"),
            edgecolor=INK,
            linewidth=1.4 if critical else 0.5,
            linestyle="-" if closed else "--",
        )
        for side, marker in (
            (0, "<"),
            (1, ">"),
        ):  # an open side points past the axis: its date is not known
            if given[n][side] is None:
                ax.plot(
                    [(start, end)[side]],
                    [row[n]],
                    marker=marker,
                    markersize=6,
                    color=INK,
                    clip_on=False,
                )
        for label, p_start, p_end in phases.get(n, []):
            ax.barh(
                row[n],
                mdates.date2num(p_end) - mdates.date2num(p_start),
                left=mdates.date2num(p_start),
                height=0.25,
                color="#ffffff",
                edgecolor=INK,
                linewidth=0.5,
            )
            ax.text(mdates.date2num(p_start), row[n] - 0.32, _plain(label), fontsize=5, va="bottom")
        for key, milestone in enumerate(
            milestones.get(n, []), 1
        ):  # ◆ filled: reached; ◇: not (or not known)
            x = mdates.date2num(milestone.day)
            ax.plot(
                [x],
                [row[n]],
                marker="D",
                markersize=5,
                linestyle="none",
                markeredgewidth=0.8,
                zorder=3,
                markerfacecolor=INK
                if milestone.reached
                else "#ffffff",  # white rim: seen on a dark bar too
                markeredgecolor="#ffffff" if milestone.reached else INK,
            )
            ax.annotate(
                str(key),
                (x, row[n]),
                xytext=(0, 3.5),
                textcoords="offset points",
                fontsize=5,
                ha="center",
                va="bottom",
            )
    for a, b in deps.edges:  # a depends on b: an arrow from b's end to a's start
        if (
            a in row and b in row and a != b and given[a][0] and given[b][1]
        ):  # between known dates only
            critical = a in on_path and b in on_path and abs(path.index(a) - path.index(b)) == 1
            ax.annotate(
                "",
                xy=(mdates.date2num(day[a][0]), row[a]),
                xytext=(mdates.date2num(day[b][1]), row[b]),
                arrowprops={
                    "arrowstyle": "->",
                    "color": HIGHLIGHT if critical else "#555555",
                    "lw": 1.4 if critical else 0.6,
                    "connectionstyle": "arc3,rad=0.2",
                    "linestyle": "-" if critical else "--",
                },
            )
    ax.set_yticks(range(len(drawn)), names, fontsize=7)
    ax.invert_yaxis()
    ax.xaxis_date()
    ax.xaxis.set_major_locator(mdates.YearLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.xaxis.set_minor_locator(mdates.MonthLocator(bymonth=(4, 7, 10)))
    ax.set_xlim(mdates.date2num(edges[0]), mdates.date2num(edges[1]))
    ax.grid(axis="x", which="major", color="#bdbdbd", linewidth=0.5)
    ax.tick_params(axis="x", labelsize=7)
    title = w["roadmap"]
    ax.set_title(_plain(title), fontsize=10, loc="left")
    r = Words("report", lang)
    table = ReportTable(
        [r["project"], r["start"], r["end"], w["critical"], w["depends_on"], w["milestones"]],
        [
            [
                deps.nodes[n]["label"],
                deps.nodes[n].get("start") or "",
                deps.nodes[n].get("end") or "",
                w["yes"] if n in on_path else "",
                ", ".join(sorted(deps.nodes[b]["label"] for b in deps.successors(n) if b != n)),
                "; ".join(m.text(i, w) for i, m in enumerate(milestones.get(n, []), 1)),
            ]
            for n in [*dated, *sorted(set(deps) - has_dates, key=lambda v: deps.nodes[v]["label"])]
        ],
        title,
    )
    chart = Chart(
        "roadmap", title, w["years"], source_line(kg, lang), table, _svg(fig, "roadmap", title)
    )
    chart.facts = {w["dated"]: number(len(dated), lang), w["critical"]: number(len(path), lang)}
    if every := [m for found in milestones.values() for m in found]:
        chart.facts[w["milestones_reached"]] = w(
            "of", n=number(sum(1 for m in every if m.reached), lang), total=number(len(every), lang)
        )
    if open_ended := sum(1 for n in drawn if not all(given[n])):
        chart.facts[w["open_ended"]] = number(open_ended, lang)
    if undated:
        chart.aside, chart.aside_title = undated, w("undated", n=len(undated))
    elif len(dated) > len(drawn):
        chart.aside_title = w("roadmap_left_out", n=len(dated) - len(drawn))
    return chart


def _day(value: Any) -> date | None:
    """The date of an ISO date (or date-time) text, ``None`` for none or another text."""
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:  # not an xsd:date: validation reports it
        return None


def _phases(
    kg: KnowledgeGraph, lang: str, projects: list[str]
) -> dict[str, list[tuple[str, date, date]]]:
    """The dated phases of ``projects`` (``sckg:ProcessPhase`` parts with start and end), in
    order."""
    if not projects:
        return {}
    from ..typed import day

    rows = kg.select(
        f"SELECT ?project ?phase ?start ?end WHERE {{ VALUES ?project {{ {sparql_values(projects)} "
        "} ?phase a sckg:ProcessPhase ; dcterms:isPartOf ?project ; schema:startDate ?start ; "
        "schema:endDate ?end }"
    ).bound_rows()
    labels = kg.labels({phase.value for _, phase, _, _ in rows}, lang)
    found: dict[str, list[tuple[str, date, date]]] = defaultdict(list)
    for project, phase, start, end in rows:
        first, last = day(start), day(end)
        if first is not None and last is not None:  # else not an xsd:date: left out, and noted
            found[project.value].append((labels[phase.value], first, last))
    return {p: sorted(v, key=lambda x: (x[1], x[0])) for p, v in found.items()}


@dataclass(frozen=True)
class Milestone:
    """A milestone on the roadmap: its label, date and whether it is reached (None: not stated)."""

    label: str
    day: date
    reached: bool | None

    def text(self, number: int, w: Words) -> str:
        """``1 Label (2026-03-31, reached)``: the milestone as the roadmap's table lists it, keyed
        by its number."""
        state = (
            ""
            if self.reached is None
            else ", " + (w["reached"] if self.reached else w["not_reached"])
        )
        return f"{number} {self.label} ({self.day.isoformat()}{state})"


def _milestones(kg: KnowledgeGraph, lang: str, projects: set[str]) -> dict[str, list[Milestone]]:
    """The milestones of ``projects`` (``sckg:Milestone`` parts with an xsd:date), in date order."""
    from ..network.coverage import milestones

    rows = [m for m in milestones(kg) if m.project in projects]
    labels = kg.labels({m.iri for m in rows}, lang)
    found: dict[str, list[Milestone]] = defaultdict(list)
    for m in rows:
        found[m.project].append(Milestone(labels[m.iri], m.day, m.reached))
    return {p: sorted(v, key=lambda m: (m.day, m.label)) for p, v in found.items()}


def changes_chart(old: KnowledgeGraph, new: KnowledgeGraph, lang: str) -> Chart | None:
    """What changed since the previous snapshot: projects new, gone, finished and stalled; open
    points opened and closed (validation warnings compared by entity and message)."""
    from ..validate import open_points, validate

    w = Words("chart", lang)
    before, after = _statuses(old), _statuses(new)
    finished = _tail_is(after, "completed") - _tail_is(before, "completed")
    stalled = _tail_is(after, "on-hold") - _tail_is(before, "on-hold")
    # the current graph's validation is the report's own (asked once); of the previous snapshot,
    # only its open points
    points_before = {(f.focus, f.message) for f in open_points(old, lang=lang)}
    points_after = {(f.focus, f.message) for f in validate(new, lang=lang).warnings}
    counts = [
        (w["new_projects"], len(after.keys() - before.keys())),
        (w["gone_projects"], len(before.keys() - after.keys())),
        (w["finished"], len(finished & before.keys())),
        (w["stalled"], len(stalled & before.keys())),
        (w["points_opened"], len(points_after - points_before)),
        (w["points_closed"], len(points_before - points_after)),
    ]
    if not any(n for _, n in counts):
        return None
    chart = bar_chart(
        "changes",
        w["changes"],
        "",
        counts,
        source_line(new, lang),
        lang,
        [t("report.change", lang), t("report.count", lang)],
        [[k, n] for k, n in counts],
    )
    chart.facts = {k: number(n, lang) for k, n in counts}
    return chart


def _statuses(kg: KnowledgeGraph) -> dict[str, str]:
    return {
        r["p"]: r["s"] or ""
        for r in kg.select(
            "SELECT ?p ?s WHERE { ?p a sckg:Project OPTIONAL { ?p adms:status ?s } }"
        ).records()
    }


def _tail_is(statuses: dict[str, str], name: str) -> set[str]:
    return {p for p, s in statuses.items() if s.rstrip("/").rsplit("/", 1)[-1] == name}


def council_chart(kg: KnowledgeGraph, lang: str) -> Chart | None:
    """Council papers per field of action and year: a paper counts for the fields it is linked to
    (``dcterms:subject`` a field, or a project in it), in the year of its date or its first
    consultation."""
    rows = kg.select(
        "SELECT ?field ?paper (MIN(STR(?d)) AS ?date) WHERE { ?paper a oparl:Paper ; "
        "dcterms:subject ?s . { ?s a sckg:FieldOfAction BIND(?s AS ?field) } UNION { ?s "
        "sckg:inFieldOfAction ?field } { ?paper dcterms:date ?d } UNION { ?c sckg:paper ?paper ; "
        "dcterms:date ?d } } GROUP BY ?field ?paper"
    ).records()
    rows = [r for r in rows if r["date"] and str(r["date"])[:4].isdigit()]
    if not rows:
        return None
    labels = kg.labels({r["field"] for r in rows}, lang)
    counts = Counter((str(r["date"])[:4], labels[r["field"]]) for r in rows)
    years = sorted({y for y, _ in counts})
    fields = sorted(
        {f for _, f in counts}, key=lambda f: (-sum(n for (_, x), n in counts.items() if x == f), f)
    )
    w = Words("chart", lang)
    cells = {(f, y): n for (y, f), n in counts.items()}
    return matrix_chart(
        "council",
        w["council"],
        w["papers_unit"],
        fields,
        years,
        cells,
        source_line(kg, lang),
        lang,
        t("report.field", lang),
    )


def roadmap_section(kg: KnowledgeGraph, lang: str) -> Section:
    """The briefing's roadmap section: the roadmap chart, or a sentence when there are no
    projects."""
    from .model import Section

    w = Words("chart", lang)
    chart = roadmap_chart(kg, lang)
    section = Section(
        "roadmap", w["roadmap_heading"], [w["roadmap_intro"]] if chart else [w["no_projects"]]
    )
    if chart:
        section.charts.append(chart)
        if w["milestones_reached"] in chart.facts:
            section.paragraphs.append(w["roadmap_milestones"])
        if w["open_ended"] in chart.facts:
            section.paragraphs.append(w["roadmap_open_ended"])
    elif kg.ask("ASK { ?p a sckg:Project }"):
        section.paragraphs = [w["no_dates"]]
    return section
