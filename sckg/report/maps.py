"""The briefing's maps: each an offline map page in an ``<iframe srcdoc>``, sharing one copy of
vis-network with the report, plus a static figure of the overall map for print (SVG while every
node is labelled, else PNG)."""

from __future__ import annotations

import base64
import html
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..viz.write import LABELLED_NODES
from ..words import t
from .model import MapSpec

if TYPE_CHECKING:
    import networkx as nx

    from ..kg import KnowledgeGraph

MapRenderer = Callable[[MapSpec, str], str]
"""Turns a map spec and an element id into trusted HTML (the renderer escapes the data itself); a
map without nodes is one paragraph saying why."""

#: Layout per projection: dependency maps read top-down, the others are spring layouts.
LAYOUT = {"dependencies": "hierarchical"}
MAP_HEIGHT = 620


def map_renderer(kg: KnowledgeGraph, lang: str) -> MapRenderer:
    """A function turning a :class:`MapSpec` into trusted HTML: the iframe (and the static figure if
    asked)."""
    from ..network.projection import project
    from ..viz import build_network
    from ..viz.build import nothing_to_draw
    from ..viz.render import render_html, srcdoc_iframe
    from ..viz.write import render_image

    projections: dict[str, nx.Graph[str]] = {}

    def render(spec: MapSpec, element_id: str) -> str:
        if spec.projection not in projections:
            projections[spec.projection] = project(kg, spec.projection, lang=lang)
        if not projections[spec.projection].number_of_nodes():  # council papers alone
            why = nothing_to_draw(kg, spec.projection).in_lang(lang)
            return f'<p class="map-empty">{html.escape(why)}</p>'
        net = build_network(
            kg,
            spec.projection,
            projected=projections[spec.projection],
            focus=spec.focus,
            depth=spec.depth,
            color_by=spec.color_by,
            layout=LAYOUT.get(spec.projection, "spring"),
            title=spec.title,
            lang=lang,
        )
        page = render_html(net, embedded=True)
        parts = [srcdoc_iframe(page, spec.title, MAP_HEIGHT, element_id)]
        if spec.static_figure:  # vectors while every node is labelled, else pixels (bounded size)
            fmt, kind = ("svg", "svg+xml") if len(net.nodes) <= LABELLED_NODES else ("png", "png")
            image = base64.b64encode(render_image(net, fmt)).decode("ascii")
            caption = html.escape(t("report.static_figure", lang))
            parts.append(
                f'<figure class="static-figure"><img alt="{html.escape(spec.title)}" '
                f'src="data:image/{kind};base64,{image}"><figcaption>{caption}</figcaption></figure>'
            )
        return "\n".join(parts)

    return render
