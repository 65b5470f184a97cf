"""``sckg viz``: an interactive offline HTML map of a projection (and optionally a PNG/SVG image of
it).

Like every command module it imports no heavy library at module level; the map is built by
:mod:`sckg.viz`.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .choices import ColorBy, Layout, SizeBy
from .choices import ProjectionName as Projection
from .cli_analyze import ProjectionOpt
from .cli_common import (
    VOICE,
    DataOpt,
    Lang,
    LangOpt,
    StoreOpt,
    open_cities,
    open_graph,
    phases,
    status,
)
from .errors import UsageError
from .formatting import number
from .words import error_message, t

if TYPE_CHECKING:
    import networkx as nx

    from .kg import KnowledgeGraph


def register(app: typer.Typer) -> None:
    """Add ``viz`` to the main app."""
    app.command("viz")(viz)


def _comparison_graph(kg: KnowledgeGraph, others: list[Path], lang: str) -> nx.Graph[str]:
    from .compare import compare
    from .network.comparison import comparison_graph

    graphs = [kg, *open_cities(others)]
    return comparison_graph(compare(graphs, ["", *map(str, others)], lang))


def viz(
    projection: ProjectionOpt = Projection.entity,
    focus: Annotated[
        str | None,
        typer.Option(help="Show only the nodes near this one (IRI, prefixed name or label)."),
    ] = None,
    depth: Annotated[
        int | None,
        typer.Option(help="With --focus: how many links away a node may be (default 1).", min=0),
    ] = None,
    field: Annotated[
        list[str] | None,
        typer.Option(
            "--field",
            help="Keep this field of action, its projects and their direct links (repeatable).",
        ),
    ] = None,
    cls: Annotated[
        list[str] | None,
        typer.Option(
            "--class",
            help="Keep nodes of this class, e.g. project, goal, dezernat, actor (repeatable).",
        ),
    ] = None,
    department: Annotated[
        list[str] | None,
        typer.Option(help="Keep nodes of this Dezernat or organisation (repeatable)."),
    ] = None,
    color_by: Annotated[ColorBy, typer.Option(help="What the colour shows.")] = ColorBy.cls,
    size_by: Annotated[SizeBy, typer.Option(help="What the size shows.")] = SizeBy.degree,
    layout: Annotated[
        Layout,
        typer.Option(help="Node placement (hierarchical suits the dependencies projection)."),
    ] = Layout.spring,
    seed: Annotated[int, typer.Option(help="Layout seed: the same seed gives the same map.")] = 42,
    title: Annotated[
        str | None, typer.Option(help="Page title (default: dataset and projection).")
    ] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="The HTML file to write.")] = Path(
        "map.html"
    ),
    png: Annotated[
        Path | None, typer.Option(help="Also write a PNG image of the same map.")
    ] = None,
    svg: Annotated[
        Path | None, typer.Option(help="Also write an SVG image of the same map.")
    ] = None,
    with_papers: Annotated[
        bool,
        typer.Option(
            help="Add the council papers linked to projects and fields (sckg link papers), "
            "with their consultations and meetings."
        ),
    ] = False,
    compare: Annotated[
        list[Path] | None,
        typer.Option(
            help="Another city's data (repeatable): draw the cities' programmes on one map, "
            "joined by the reference fields of action, instead of a projection.",
            show_default=False,
        ),
    ] = None,
    data: DataOpt = None,
    store: StoreOpt = "memory",
    lang: LangOpt = Lang.de,
) -> None:
    """Draw a projection as one self-contained HTML page that works offline: fixed layout, legend,
    search, class and field filters, tooltips, click to highlight neighbours."""
    from .fileio import check_outputs
    from .viz import build_network, write_image, write_map

    check_outputs(out, *(path for path in (png, svg) if path is not None))
    if depth is not None and focus is None:
        raise UsageError(error_message("error.depth_focus"))
    started = time.perf_counter()
    with phases() as phase:
        phase(t("cli.step.reading", VOICE.lang))
        kg = open_graph(data, store)
        source: KnowledgeGraph | nx.Graph[str] = kg
        if compare:
            source = _comparison_graph(kg, compare, lang.value)
            title = title or source.graph["title"]
        phase(t("cli.phase_map", VOICE.lang))
        net = build_network(
            source,
            projection.value,
            focus=focus,
            depth=1 if depth is None else depth,
            fields=field or (),
            classes=cls or (),
            departments=department or (),
            color_by=color_by.value,
            size_by=size_by.value,
            layout=layout.value,
            seed=seed,
            title=title,
            lang=lang.value,
            with_papers=with_papers,
        )
        phase(t("cli.step.writing", VOICE.lang, path=out))
        written = [write_map(net, out)]
        written += [
            write_image(net, path, kind)
            for path, kind in ((png, "png"), (svg, "svg"))
            if path is not None
        ]
    seconds = time.perf_counter() - started
    layout_seconds = net.meta.timings.get("layout", 0.0)
    status(
        t(
            "cli.map",
            VOICE.lang,
            paths=", ".join(map(str, written)),
            nodes=len(net.nodes),
            links=len(net.edges),
            seconds=number(seconds, VOICE.lang, 2),
            layout=number(layout_seconds, VOICE.lang, 2),
        )
    )
