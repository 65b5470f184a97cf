"""A map (:class:`CityMap`, a pyvis Network) and its HTML page: one file with vis-network, the
page's own script and style, and the data inlined.

Nothing on the page is fetched: no CDN, no font, no image. Data never becomes markup: it travels as
JSON in a ``<script type="application/json">`` element (with ``<``, ``>``, ``&``, U+2028 and U+2029
escaped, so no data can close the element), and the page's script puts every label and tooltip into
the page with ``textContent``.
"""

from __future__ import annotations

import html
import json
import webbrowser
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pyvis.network import Network

from ..fileio import write_atomic
from ..formatting import long_date
from ..words import Words
from .style import EDGE_COLOR, OTHER_COLOR

if TYPE_CHECKING:
    from jinja2 import Template

_HERE = Path(__file__).resolve().parent
#: Above this many nodes the page hides edges while dragging and zooming (keeps panning smooth).
LARGE_MAP = 2000


@dataclass(frozen=True)
class LegendEntry:
    """One line of the legend: a class (colour and shape), a colour category, or a field of
    action."""

    key: str
    label: str
    color: str
    shape: str
    count: int


@dataclass
class MapMeta:
    """What the page says about the map besides nodes and edges."""

    title: str
    lang: str
    projection: str
    layout: str
    color_by: str
    size_by: str
    date: str | None = None
    sources: list[str] = field(default_factory=list)
    fictional: bool = False
    focus: str | None = None
    classes: list[LegendEntry] = field(default_factory=list)
    categories: list[LegendEntry] = field(default_factory=list)
    fields: list[LegendEntry] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)


class CityMap(Network):  # type: ignore[misc]  # pyvis ships no types, so mypy sees Network as Any
    """A pyvis ``Network`` whose HTML is sckg's offline page (vis-network inlined, positions fixed);
    in Jupyter it shows inline, ``display_height`` pixels tall."""

    #: Height in pixels of the map shown in a notebook (:meth:`_repr_html_`); set it on a map to
    #: change it.
    display_height = 600
    #: In a notebook the first map shown brings vis-network for all later ones (one copy per
    #: notebook, not ~800 KB per map); False: the map brings its own copy (where outputs do not
    #: share a page, e.g. Colab).
    share_library = True

    def __init__(self, meta: MapMeta, directed: bool) -> None:
        super().__init__(
            height="100%",
            width="100%",
            directed=directed,
            heading=meta.title,
            cdn_resources="in_line",
        )
        self.meta = meta

    def generate_html(
        self, name: str = "index.html", local: bool = True, notebook: bool = False
    ) -> str:
        """The self-contained HTML page of this map (the arguments are pyvis's and are not
        needed)."""
        self.html = render_html(self)
        return self.html

    def _repr_html_(self) -> str:
        """The map inline in Jupyter: its offline page in an ``<iframe srcdoc>`` of
        ``display_height`` pixels, taking vis-network from the notebook's page, where the first map
        shown put it (``share_library``)."""
        if not self.share_library:
            return srcdoc_iframe(self.generate_html(), self.meta.title, self.display_height)
        first = not _NOTEBOOK.shown
        _NOTEBOOK.shown = True
        frame = srcdoc_iframe(
            render_html(self, embedded=True), self.meta.title, self.display_height
        )
        return f"{shared_assets()}\n{frame}" if first else frame

    def write_html(
        self, name: str, local: bool = True, notebook: bool = False, open_browser: bool = False
    ) -> None:
        """Write the page to ``name`` atomically (pyvis's ``show`` and ``save_graph`` come here
        too)."""
        write_atomic(Path(name), self.generate_html())
        if open_browser:
            webbrowser.open(Path(name).resolve().as_uri())


@dataclass
class NotebookState:
    """Whether this Python process has shown a map in a notebook (and with it the map library)."""

    shown: bool = False


_NOTEBOOK = NotebookState()


@cache
def _asset(name: str) -> str:
    return (_HERE / name).read_text(encoding="utf-8")


@cache
def _template() -> Template:
    from jinja2 import Environment

    return Environment(autoescape=True, keep_trailing_newline=True).from_string(
        _asset("template.html")
    )


def script_json(data: Any) -> str:
    """``data`` as JSON that is safe inside a ``<script>`` element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for char, escape in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, escape)
    return text


def page_data(net: CityMap) -> dict[str, Any]:
    """What the page's script reads: metadata, legend, and compact node and edge lists (indices, not
    IRIs). Nodes and edges added with pyvis's own ``add_node`` and ``add_edge`` are shown too, as
    "other" in the legend unless they name a class of the map (``cls``)."""
    meta = net.meta
    classes = list(meta.classes)
    class_index = {entry.key: i for i, entry in enumerate(classes)}
    added = [node for node in net.nodes if node.get("cls", "") not in class_index]
    if added:
        class_index[ADDED] = len(classes)
        classes.append(
            LegendEntry(ADDED, Words("map", meta.lang)["other"], OTHER_COLOR, "dot", len(added))
        )
    field_index = {entry.key: i for i, entry in enumerate(meta.fields)}
    node_index = {node["id"]: i for i, node in enumerate(net.nodes)}
    nodes = [_page_node(node, class_index, field_index) for node in net.nodes]
    edges = [
        [node_index[e["from"]], node_index[e["to"]], e.get("width", 1), e.get("title", "")]
        for e in net.edges
    ]
    return {
        "lang": meta.lang,
        "ui": dict(Words("map", meta.lang)),
        "title": meta.title,
        "date": long_date(meta.date, meta.lang) if meta.date else None,
        "sources": meta.sources,
        "fictional": meta.fictional,
        "focus": meta.focus,
        "directed": net.directed,
        "large": len(nodes) > LARGE_MAP,
        "edgeColor": EDGE_COLOR,
        "colorBy": meta.color_by,
        "colorByLabel": _choice_label(meta.color_by, meta.lang),
        "sizeByLabel": _choice_label(meta.size_by, meta.lang),
        "classes": [
            {"key": e.key, "label": e.label, "color": e.color, "shape": e.shape, "count": e.count}
            for e in classes
        ],
        "categories": [
            {"key": e.key, "label": e.label, "color": e.color, "count": e.count}
            for e in meta.categories
        ],
        "fields": [{"key": e.key, "label": e.label, "count": e.count} for e in meta.fields],
        "nodes": nodes,
        "edges": edges,
    }


#: The legend key of nodes added with pyvis's API that name no class of the map.
ADDED = "added"


def _page_node(
    node: dict[str, Any], class_index: dict[str, int], field_index: dict[str, int]
) -> dict[str, Any]:
    """One node as the page reads it; what a node added with pyvis's API lacks gets a default."""
    label = str(node.get("label", node["id"]))
    color = node.get("color")
    fill, border = (
        (color.get("background"), color.get("border"))
        if isinstance(color, dict)
        else (color, color)
        if isinstance(color, str)
        else (OTHER_COLOR, OTHER_COLOR)
    )
    return {
        "l": label,
        "n": node.get("full_label", label),
        "x": node.get("x", 0),
        "y": node.get("y", 0),
        "s": node.get("size", 10),
        "c": class_index.get(node.get("cls", ""), class_index.get(ADDED, 0)),
        "b": fill,
        "o": border,
        "f": [field_index[f] for f in node.get("fields", ()) if f in field_index],
        "t": node.get("title", label),
        "k": int(node.get("label_shown", True)),
    }


def _choice_label(choice: str, lang: str) -> str:
    return Words("map", lang).get(choice, choice)


#: In a page embedded in another (a report's ``<iframe srcdoc>``), vis-network comes from the
#: embedding page, which holds one copy for all its maps (see :func:`shared_assets`); srcdoc frames
#: share its origin.
_FROM_PARENT_JS = (
    "var vis = window.parent.vis; (function () { var css = "
    "window.parent.document.getElementById('sckg-vis-css'); if (!vis || !css) { "
    "document.body.textContent = MISSING; throw new Error(MISSING); } "
    "var style = document.createElement('style'); style.textContent = css.textContent; "
    "document.head.appendChild(style); })();"
)


def shared_assets() -> str:
    """The ``<style>`` and ``<script>`` of vis-network for a page embedding maps rendered with
    ``embedded``."""
    return (
        f'<style id="sckg-vis-css">{_asset("vendor/vis-network.css")}</style>\n'
        f"<script>{_asset('vendor/vis-network.min.js')}</script>"
    )


def render_html(net: CityMap, *, embedded: bool = False) -> str:
    """The complete page of ``net``; ``embedded`` pages take vis-network from the page around
    them."""
    meta = net.meta
    return _template().render(
        lang=meta.lang,
        title=meta.title,
        ui=Words("map", meta.lang),
        vis_css="" if embedded else _asset("vendor/vis-network.css"),
        vis_js=(
            _FROM_PARENT_JS.replace("MISSING", script_json(Words("map", meta.lang)["no_library"]))
            if embedded
            else _asset("vendor/vis-network.min.js")
        ),
        page_css=_asset("page.css"),
        page_js=_asset("page.js"),
        data=script_json(page_data(net)),
    )


def srcdoc_iframe(page: str, title: str, height: int, element_id: str | None = None) -> str:
    """``page`` (a complete HTML page) in an ``<iframe srcdoc>``, escaped, full width and ``height``
    pixels tall: how a report and a notebook show a map."""
    ident = f' id="{html.escape(element_id)}"' if element_id else ""
    style = f"width:100%;height:{int(height)}px;box-sizing:border-box"
    return (
        f'<iframe class="map"{ident} title="{html.escape(title)}" style="{style}" '
        f'srcdoc="{html.escape(page, quote=True)}"></iframe>'
    )
