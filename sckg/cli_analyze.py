"""``sckg analyze ...`` (network analyses) and ``sckg generate`` (a synthetic city).

Each command opens the graph, calls one function of :mod:`sckg.network` and prints its ranked rows with
:func:`sckg.output.emit`; notes (e.g. that betweenness was estimated) go to stderr. Heavy libraries are
imported inside the commands.
"""

from __future__ import annotations

from typing import Annotated, Any

import typer

from .choices import Metric, PathWeight
from .choices import ProjectionName as Projection
from .cli_common import DataOpt, Format, FormatOpt, Lang, LangOpt, SeedOpt, StoreOpt, cli_text, open_graph

analyze_app = typer.Typer(
    help="Network analyses: who is central, what depends on what, where the gaps and silos are. Each prints "
    "ranked rows with a plain-language reason.",
    no_args_is_help=True,
)


ProjectionOpt = Annotated[
    Projection,
    typer.Option(
        "--projection",
        "-p",
        help="entity (all entities and their links), actors (actors linked by shared projects), dependencies "
        "(dependsOn) or coverage (projects with their goals and fields).",
    ),
]


TopOpt = Annotated[int, typer.Option("--top", "-n", help="Show the first N rows (0: all).")]


def register(app: typer.Typer) -> None:
    """Add ``analyze`` to the main app."""
    app.add_typer(analyze_app, name="analyze")


def _show(result: Any, row_type: type, fmt: Format) -> None:
    from .output import emit

    columns, rows = result.table(row_type)
    if rows or fmt.value != "table":  # an empty table says nothing: the note gives the reason
        emit(columns, rows, fmt.value)
    for note in result.notes:
        typer.echo(cli_text(note), err=True)


@analyze_app.command()
def centrality(
    projection: ProjectionOpt = Projection.actors,
    by: Annotated[Metric, typer.Option(help="The metric that ranks the rows.")] = Metric.betweenness,
    top: TopOpt = 10,
    sample: Annotated[
        int | None,
        typer.Option(
            help="Estimate betweenness from K random source nodes (0: exact). Default: exact for small graphs, "
            "estimated for large ones (the output says so).",
            show_default=False,
        ),
    ] = None,
    seed: SeedOpt = 42,
    data: DataOpt = None,
    store: StoreOpt = "memory",
    lang: LangOpt = Lang.de,
    fmt: FormatOpt = Format.table,
) -> None:
    """Who holds the network together: degree, betweenness, PageRank and closeness of every node."""
    from .network.metrics import CentralityRow
    from .network.metrics import centrality as run

    result = run(
        open_graph(data, store), projection.value, by=by.value, limit=top, sample=sample, seed=seed, lang=lang.value
    )
    _show(result, CentralityRow, fmt)


@analyze_app.command()
def bridges(
    projection: ProjectionOpt = Projection.actors,
    top: TopOpt = 20,
    data: DataOpt = None,
    store: StoreOpt = "memory",
    lang: LangOpt = Lang.de,
    fmt: FormatOpt = Format.table,
) -> None:
    """Single points of failure: nodes (articulation points) and links (bridges) whose removal cuts part of
    the network off, with what they would cut off."""
    from .network.metrics import CutRow
    from .network.metrics import bridges as run

    _show(run(open_graph(data, store), projection.value, limit=top, lang=lang.value), CutRow, fmt)


@analyze_app.command()
def communities(
    projection: ProjectionOpt = Projection.actors,
    top: TopOpt = 20,
    seed: SeedOpt = 42,
    data: DataOpt = None,
    store: StoreOpt = "memory",
    lang: LangOpt = Lang.de,
    fmt: FormatOpt = Format.table,
) -> None:
    """Groups of actors that work together (Louvain), and which of them cross department lines."""
    from .network.metrics import CommunityRow
    from .network.metrics import communities as run

    _show(run(open_graph(data, store), projection.value, limit=top, seed=seed, lang=lang.value), CommunityRow, fmt)


@analyze_app.command()
def impact(
    project: Annotated[str, typer.Argument(help="The project: its label (any language), IRI or prefixed IRI.")],
    upstream: Annotated[
        bool, typer.Option(help="List what the project depends on instead of what depends on it.")
    ] = False,
    top: TopOpt = 0,
    data: DataOpt = None,
    store: StoreOpt = "memory",
    lang: LangOpt = Lang.de,
    fmt: FormatOpt = Format.table,
) -> None:
    """Everything that depends on a project, transitively, with the depth (1 = directly)."""
    from .network.dependencies import ImpactRow
    from .network.dependencies import impact as run

    _show(run(open_graph(data, store), project, upstream=upstream, limit=top, lang=lang.value), ImpactRow, fmt)


@analyze_app.command()
def cycles(
    top: TopOpt = 0,
    data: DataOpt = None,
    store: StoreOpt = "memory",
    lang: LangOpt = Lang.de,
    fmt: FormatOpt = Format.table,
) -> None:
    """Dependency cycles (projects that need each other in a circle), each listed once."""
    from .network.dependencies import CycleRow
    from .network.dependencies import cycles as run

    _show(run(open_graph(data, store), limit=top, lang=lang.value), CycleRow, fmt)


@analyze_app.command("critical-path")
def critical_path(
    by: Annotated[
        PathWeight, typer.Option(help="count: most projects; duration: most days (end − start) in total.")
    ] = PathWeight.projects,
    data: DataOpt = None,
    store: StoreOpt = "memory",
    lang: LangOpt = Lang.de,
    fmt: FormatOpt = Format.table,
) -> None:
    """The longest dependency chain, in the order its projects must be done."""
    from .network.dependencies import PathRow
    from .network.dependencies import critical_path as run

    _show(run(open_graph(data, store), by=by.value, lang=lang.value), PathRow, fmt)


@analyze_app.command()
def gaps(
    top: TopOpt = 0,
    data: DataOpt = None,
    store: StoreOpt = "memory",
    lang: LangOpt = Lang.de,
    fmt: FormatOpt = Format.table,
) -> None:
    """Goals and fields without projects; projects without goal, field or managing actor; milestones overdue at
    the data date; idle actors."""
    from .network.coverage import GapRow
    from .network.coverage import gaps as run

    _show(run(open_graph(data, store), limit=top, lang=lang.value), GapRow, fmt)


@analyze_app.command()
def silos(
    top: TopOpt = 50,
    data: DataOpt = None,
    store: StoreOpt = "memory",
    lang: LangOpt = Lang.de,
    fmt: FormatOpt = Format.table,
) -> None:
    """Fields where two departments run projects that share no actor and no dependency: who should be
    talking to whom."""
    from .network.coverage import SiloRow
    from .network.coverage import silos as run

    _show(run(open_graph(data, store), limit=top, lang=lang.value), SiloRow, fmt)


@analyze_app.command()
def overlap(
    top: TopOpt = 50,
    data: DataOpt = None,
    store: StoreOpt = "memory",
    lang: LangOpt = Lang.de,
    fmt: FormatOpt = Format.table,
) -> None:
    """Pairs of projects of different departments with the same field and goal (possible duplicates)."""
    from .network.coverage import OverlapRow
    from .network.coverage import overlap as run

    _show(run(open_graph(data, store), limit=top, lang=lang.value), OverlapRow, fmt)
