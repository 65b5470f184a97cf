"""Writing maps: the HTML page, and a static PNG or SVG image of the same layout (matplotlib) for
slides."""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import UsageError
from ..fileio import write_atomic
from ..formatting import long_date
from ..output import XmlCleaner, xml_text
from ..words import Words, error_message
from .build import build_network
from .render import CityMap
from .style import EDGE_COLOR, wrap_label

if TYPE_CHECKING:
    import networkx as nx

    from ..kg import KnowledgeGraph

#: matplotlib marker for each vis-network shape.
MARKERS = {
    "dot": "o",
    "square": "s",
    "diamond": "D",
    "triangle": "^",
    "triangleDown": "v",
    "star": "*",
    "hexagon": "h",
}
IMAGE_FORMATS = ("png", "svg")
#: Up to this many nodes the image carries the node labels.
LABELLED_NODES = 250


#: The static image's resolution: 16 x 10 inches at 100 dpi are 1,600 x 1,000 pixels, about 240 dpi
#: across an A4 page (the report's static figure fills its width); 150 dpi cost a third more time
#: and twice the bytes for nothing a reader sees.
IMAGE_DPI = 100


def write_map(
    source: CityMap | KnowledgeGraph | nx.Graph[str], out: Path | str, **options: Any
) -> Path:
    """Write the HTML page of a map to ``out`` (atomically) and return the path. ``source`` is a map
    from
    :func:`build_network`, or a knowledge graph or projection with ``options`` for
    :func:`build_network`."""
    net = source if isinstance(source, CityMap) else build_network(source, **options)
    return write_atomic(Path(out), net.generate_html())


def write_image(net: CityMap, out: Path | str, fmt: str | None = None) -> Path:
    """A static image of ``net`` with the same positions, colours and shapes (PNG or SVG by ``fmt``
    or the file's suffix), with title, legend, data date and sources."""
    out = Path(out)
    suffix = out.suffix.lstrip(".").lower()
    fmt = (fmt or suffix).lower()
    if fmt not in IMAGE_FORMATS:
        raise UsageError(error_message("error.image_format", out=out, fmt=fmt))
    if suffix and suffix != fmt:
        raise UsageError(error_message("error.image_suffix", out=out, format=fmt.upper(), fmt=fmt))
    return write_atomic(out, render_image(net, fmt))


def render_image(net: CityMap, fmt: str = "png") -> bytes:
    """The static image of ``net`` (see :func:`write_image`) as PNG or SVG bytes."""
    from matplotlib import rc_context
    from matplotlib.collections import LineCollection
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    meta = net.meta
    ui = Words("map", meta.lang)
    cleaner = XmlCleaner("SVG")  # the texts of the image are data: in SVG, only what XML 1.0 allows
    where = {node["id"]: (node["x"], -node["y"]) for node in net.nodes}
    fig = Figure(figsize=(16, 10))
    fig.subplots_adjust(left=0.01, right=0.8, top=0.94, bottom=0.04)
    ax = fig.add_subplot()
    ax.set_axis_off()
    ax.set_aspect("equal")
    segments = [(where[e["from"]], where[e["to"]]) for e in net.edges]
    widths = [0.4 * e.get("width", 1) for e in net.edges]
    ax.add_collection(
        LineCollection(segments, colors=EDGE_COLOR, linewidths=widths, alpha=0.6, zorder=1)
    )
    scale = 1.0 if len(net.nodes) <= LABELLED_NODES else 0.35
    by_shape: dict[str, list[dict[str, Any]]] = {}
    for node in net.nodes:
        by_shape.setdefault(node["shape"], []).append(node)
    for shape, members in sorted(by_shape.items()):
        ax.scatter(
            [where[m["id"]][0] for m in members],
            [where[m["id"]][1] for m in members],
            s=[(m["size"] * scale) ** 2 for m in members],
            c=[m["color"]["background"] for m in members],
            edgecolors=[m["color"]["border"] for m in members],
            linewidths=0.8 * scale,
            marker=MARKERS.get(shape, "o"),
            zorder=2,
        )
    if len(net.nodes) <= LABELLED_NODES:
        for node in net.nodes:
            x, y = where[node["id"]]
            label = cleaner.clean(node.get("full_label", str(node["id"])), node["id"])
            ax.text(
                x,
                y - node["size"] - 4,
                wrap_label(label, 22, 2),
                ha="center",
                va="top",
                fontsize=6,
                zorder=3,
                parse_math=False,
                clip_on=True,
            )
    if net.nodes:
        xs = [p[0] for p in where.values()]
        ys = [p[1] for p in where.values()]
        pad = 60
        ax.set_xlim(min(xs) - pad, max(xs) + pad)
        ax.set_ylim(min(ys) - pad, max(ys) + pad)
    handles = [
        Line2D(
            [],
            [],
            linestyle="",
            marker=MARKERS.get(e.shape, "o"),
            markersize=8,
            markerfacecolor=e.color if meta.color_by == "class" else "#FFFFFF",
            markeredgecolor="#333333",
            label=_plain(xml_text(f"{e.label} ({e.count})")),
        )
        for e in meta.classes
    ]
    if meta.color_by != "class":
        handles += [
            Line2D(
                [],
                [],
                linestyle="",
                marker="o",
                markersize=8,
                markerfacecolor=e.color,
                markeredgecolor="#555555",
                label=_plain(cleaner.clean(f"{e.label} ({e.count})", e.key)),
            )
            for e in meta.categories
        ]
    if handles:
        ax.legend(
            handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8, frameon=False
        )
    fig.suptitle(xml_text(meta.title), fontsize=14, parse_math=False)
    facts = [
        f"{ui['data_date']}: {long_date(meta.date, meta.lang) if meta.date else ui['unknown']}",
        f"{ui['sources']}: {'; '.join(meta.sources) if meta.sources else ui['unknown']}",
    ]
    if meta.focus:
        facts.append(meta.focus)
    if meta.fictional:
        facts.insert(0, ui["fictional"])
    fig.text(
        0.01,
        0.005,
        xml_text(" · ".join(facts)),
        fontsize=7,
        color="#444444",
        parse_math=False,
        wrap=True,
    )
    if fmt == "svg":
        cleaner.warn()
    buffer = io.BytesIO()
    with rc_context({"svg.hashsalt": "sckg-map"}):  # an SVG's ids the same on every run
        fig.savefig(
            buffer, format=fmt, dpi=IMAGE_DPI, metadata=_metadata(fmt, xml_text(meta.title))
        )
    return buffer.getvalue()


def _plain(text: str) -> str:
    """Text for matplotlib legend entries, which cannot turn off mathtext: ``$`` is escaped."""
    return text.replace("$", r"\$")


def _metadata(fmt: str, title: str) -> dict[str, Any]:
    if fmt == "svg":
        return {"Title": title, "Date": None, "Creator": "sckg"}
    return {"Title": title, "Software": "sckg"}
