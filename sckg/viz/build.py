"""From a projection to a map: filters, focus, metrics for size and colour, layout, styles,
tooltips, legend.

:func:`build_network` returns a :class:`CityMap`, a pyvis ``Network`` (nodes and edges in pyvis's
lists of dicts, positions fixed) whose ``generate_html``/``write_html`` produce the self-contained
offline page.
"""

from __future__ import annotations

import math
import time
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from ..choices import ColorBy, Layout, ProjectionName, SizeBy
from ..entities import resolve
from ..errors import DataError, Message, ParameterError
from ..formatting import money, number
from ..namespaces import STATUS, tail
from ..network.common import canonical_subgraph, canonical_undirected, with_next_step
from ..network.metrics import auto_sample, betweenness_scores, detect_communities, pagerank_scores
from ..network.projection import CLASS_KEYS, PREDICATES
from ..sources import data_info, summary
from ..words import Words, check_lang, choice, error_message, t
from .layout import compute_layout, to_pixels
from .render import CityMap, LegendEntry, MapMeta
from .style import NONE_COLOR, OTHER_COLOR, category_colors, darken, shorten_text, style, wrap_label

if TYPE_CHECKING:
    import networkx as nx

    from ..kg import KnowledgeGraph


#: Node sizes (vis-network radius in pixels) for the smallest and the largest value of the size
#: metric.
MIN_SIZE, MAX_SIZE = 9.0, 36.0
#: Labels longer than this are cut (with an ellipsis) in the page: tooltips, search and images stay
#: readable.
LABEL_LIMIT = 300
#: Maps with more nodes than this show the labels of their important nodes first, the others when
#: zoomed in (:func:`_labels_that_fit`); the estimate of a label's box: width per character, height
#: per line, margin.
LABELLED_MAP = 100
LABEL_CHAR_WIDTH, LABEL_LINE, LABEL_MARGIN = 8.5, 17.0, 3.0


def build_network(
    source: KnowledgeGraph | nx.Graph[str],
    projection: str = "entity",
    *,
    focus: str | None = None,
    depth: int = 1,
    fields: Sequence[str] = (),
    classes: Sequence[str] = (),
    departments: Sequence[str] = (),
    color_by: str = "class",
    size_by: str = "degree",
    layout: str = "spring",
    seed: int = 42,
    title: str | None = None,
    lang: str = "de",
    projected: nx.Graph[str] | None = None,
    with_papers: bool = False,
) -> CityMap:
    """The map of a projection of ``source`` (a knowledge graph, or a projection already built).

    ``focus`` (IRI, prefixed name or label) keeps the nodes within ``depth`` links of it;
    ``fields``, ``classes`` and ``departments`` keep only matching nodes (see the README for the
    exact rules). Node colour comes from ``color_by``, size from ``size_by``, positions from
    ``layout`` with ``seed``. A projection passed in may carry page metadata in ``graph.graph``:
    ``title``, ``date``, ``sources``, ``fictional``. With a knowledge graph, ``projected`` reuses
    its projection ``projection`` already built (several maps of one projection, as in the report,
    extract it once). ``with_papers`` adds the council papers linked to a project or field of action
    to the entity map (see :func:`sckg.network.projection.project`).
    """
    import networkx as nx

    check_lang(lang)
    choice(color_by, ColorBy, "color_by", "choice.value")
    choice(size_by, SizeBy, "size_by", "choice.value")
    choice(layout, Layout, "layout", "choice.layout")
    timings: dict[str, float] = {}
    started = time.perf_counter()
    kg = None if isinstance(source, nx.Graph) else source
    graph: nx.Graph[str]
    if not isinstance(source, nx.Graph):
        source.require_data()
    if isinstance(source, nx.Graph):
        graph = source
        projection = graph.graph.get("projection", projection)
    elif projected is not None:
        graph = projected
    else:
        from ..network.projection import project

        graph = project(source, projection, lang=lang, with_papers=with_papers)
    timings["projection"] = time.perf_counter() - started
    if not graph.number_of_nodes():
        raise DataError(nothing_to_draw(kg, projection))
    names = _Names(graph, kg, lang)
    focus_iri = None
    if focus is not None:
        labels = {n: graph.nodes[n].get("label", str(n)) for n in graph}
        focus_iri = resolve(focus, kg=kg, candidates=labels, what="node", param="{=focus}")
        if depth < 0:
            raise ParameterError(error_message("error.depth", depth=depth))
    shown = _select(graph, names, focus_iri, depth, fields, classes, departments)
    timings["select"] = time.perf_counter() - started - timings["projection"]

    started = time.perf_counter()
    degree = degrees(shown)
    sizes = (
        {n: float(d) for n, d in degree.items()}
        if size_by == "degree"
        else _size_values(shown, size_by, seed)
    )
    categories = _categories(shown, names, color_by, seed)
    timings["metrics"] = time.perf_counter() - started
    started = time.perf_counter()
    pixels = to_pixels(compute_layout(shown, layout, seed), layout)
    timings["layout"] = time.perf_counter() - started

    started = time.perf_counter()
    meta = _meta(kg, graph, projection, title, lang, layout, color_by, size_by)
    if focus_iri is not None:
        meta.focus = t(
            "map.focus", lang, label=graph.nodes[focus_iri].get("label", focus_iri), depth=depth
        )
    net = CityMap(meta, shown.is_directed())
    _fill(net, shown, names, pixels, degree, sizes, categories, size_by, color_by, lang)
    meta.timings = {**timings, "build": time.perf_counter() - started}
    return net


class _Names:
    """Labels of the IRIs a map mentions but may not hold as nodes (fields, departments, statuses,
    predicates): the node's own label if it is in the projection, else one SPARQL lookup, else the
    IRI's last part."""

    def __init__(self, graph: nx.Graph[str], kg: KnowledgeGraph | None, lang: str) -> None:
        self.lang = lang
        self.kg = kg
        wanted: set[str] = set()
        for node, attrs in graph.nodes(data=True):
            wanted.update(attrs.get("fields") or ())
            if attrs.get("cls") == "field":
                wanted.add(node)
            if attrs.get("department"):
                wanted.add(attrs["department"])
            if attrs.get("status"):
                wanted.add(STATUS + attrs["status"])
        wanted.update(PREDICATES.values())
        self.labels = {iri: tail(iri) for iri in wanted}
        missing = [iri for iri in wanted if iri not in graph]
        if kg is not None and missing:
            self.labels.update(kg.labels(missing, lang))
        self.labels.update(
            (n, a["label"]) for n, a in graph.nodes(data=True) if n in wanted and "label" in a
        )

    def __call__(self, iri: str) -> str:
        return self.labels.get(iri) or tail(iri)

    def predicate(self, short: str) -> str:
        if short == "sharesProject":
            return t("map.shares_project", self.lang)
        return self(PREDICATES[short]) if short in PREDICATES else short


def nothing_to_draw(kg: KnowledgeGraph | None, projection: str) -> Message:
    """Why the map of ``projection`` has no node, and the next step (council data alone)."""
    name = error_message(f"projection.{projection}")
    return with_next_step(kg, error_message("empty.no_map", projection=name), projection)


def _is_actor(cls: str) -> bool:
    return cls == "actor" or cls not in CLASS_KEYS


def _select(
    graph: nx.Graph[str],
    names: _Names,
    focus: str | None,
    depth: int,
    fields: Sequence[str],
    classes: Sequence[str],
    departments: Sequence[str],
) -> nx.Graph[str]:
    """The part of ``graph`` the map shows: focus first, then every filter."""
    import networkx as nx

    keep = set(graph)
    if focus is not None:
        undirected = graph.to_undirected(as_view=True) if graph.is_directed() else graph
        keep = set(nx.single_source_shortest_path_length(undirected, focus, cutoff=depth))
    if classes:
        present = {graph.nodes[n].get("cls", "") for n in graph}
        known = present | CLASS_KEYS
        for cls in classes:
            if cls not in known:
                raise ParameterError(
                    error_message("error.viz_class", cls=cls, present=", ".join(sorted(present)))
                )
        wanted = set(classes)
        keep = {
            n
            for n in keep
            if graph.nodes[n].get("cls") in wanted
            or ("actor" in wanted and _is_actor(graph.nodes[n].get("cls", "")))
        }
    if fields:
        candidates = {f: names(f) for n in graph for f in graph.nodes[n].get("fields") or ()}
        candidates.update(
            {
                n: graph.nodes[n].get("label", n)
                for n in graph
                if graph.nodes[n].get("cls") == "field"
            }
        )
        chosen = {
            resolve(
                f, kg=names.kg, candidates=candidates, what="field of action", param="{=fields}"
            )
            for f in fields
        }
        projects = {
            n
            for n in keep
            if set(graph.nodes[n].get("fields") or ()) & chosen and _cls(graph, n) == "project"
        }
        linked = {
            m
            for n in projects
            for m in nx.all_neighbors(graph, n)
            if _cls(graph, m) not in ("project", "field")
        }
        keep &= chosen | projects | linked
    if departments:
        candidates = {d: names(d) for n in graph if (d := graph.nodes[n].get("department"))}
        chosen = {
            resolve(
                d, kg=names.kg, candidates=candidates, what="department", param="{=departments}"
            )
            for d in departments
        }
        keep = {n for n in keep if graph.nodes[n].get("department") in chosen}
    if focus is not None:
        keep.add(focus)
    if not keep:
        raise ParameterError(error_message("error.viz_empty"))
    if len(keep) == graph.number_of_nodes():
        return graph
    return canonical_subgraph(graph, keep)


def _cls(graph: nx.Graph[str], node: str) -> str:
    cls: str = graph.nodes[node].get("cls", "")
    return cls


def _size_values(graph: nx.Graph[str], size_by: str, seed: int) -> Mapping[str, float | None]:
    """The value of the size metric (but degree) per node (``None``: not applicable, e.g. no
    budget). Betweenness is estimated from a seeded sample of sources on large maps, by the rule
    ``sckg analyze`` uses."""

    if size_by == "budget":
        return {n: graph.nodes[n].get("budget") for n in graph}
    undirected = canonical_undirected(graph)
    if size_by == "pagerank":
        return pagerank_scores(undirected)
    return betweenness_scores(
        undirected, auto_sample(undirected.number_of_nodes(), undirected.number_of_edges()), seed
    )


def degrees(graph: nx.Graph[str]) -> dict[str, int]:
    """The number of distinct neighbours of each node, whatever the direction of the links."""
    import networkx as nx

    if not isinstance(graph, nx.DiGraph):
        return dict(graph.degree())
    return {n: len(graph.succ[n].keys() | graph.pred[n].keys()) for n in graph}


def _categories(
    graph: nx.Graph[str], names: _Names, color_by: str, seed: int
) -> dict[str, tuple[str, str] | None]:
    """The colour category (key, label) of each node for ``color_by`` other than ``class``."""

    if color_by == "class":
        return {}
    if color_by == "community":
        ranked = detect_communities(graph, seed).groups
        word = t("map.community", names.lang)
        return {n: (str(i), f"{word} {i}") for i, members in enumerate(ranked, 1) for n in members}
    result: dict[str, tuple[str, str] | None] = {}
    for n, attrs in graph.nodes(data=True):
        if color_by == "department":
            dept = attrs.get("department")
            result[n] = (dept, names(dept)) if dept else None
        elif attrs.get("cls") == "field":
            result[n] = (str(n), attrs.get("label", str(n)))
        else:
            own = sorted(attrs.get("fields") or (), key=lambda f: (names(f).casefold(), f))
            result[n] = (own[0], names(own[0])) if own else None
    return result


def _meta(
    kg: KnowledgeGraph | None,
    graph: nx.Graph[str],
    projection: str,
    title: str | None,
    lang: str,
    layout: str,
    color_by: str,
    size_by: str,
) -> MapMeta:
    """Title, data date and sources: from the dataset descriptions (``sckg:Dataset``) or
    ``graph.graph``."""
    info = graph.graph
    dataset_title, date, sources = (
        info.get("title"),
        info.get("date"),
        list(info.get("sources", [])),
    )
    fictional = bool(info.get("fictional", False))
    if kg is not None:
        found = data_info(kg, lang)
        dataset_title, date, fictional = found.title, found.date, found.fictional
        sources = summary(found.sources, lang)
    kind = (
        t(f"projection.{projection}", lang) if projection in tuple(ProjectionName) else projection
    )
    default = f"{dataset_title}: {kind}" if dataset_title else kind
    return MapMeta(
        title=title or default,
        lang=lang,
        projection=projection,
        layout=layout,
        color_by=color_by,
        size_by=size_by,
        date=date,
        sources=sources,
        fictional=fictional,
    )


def _fill(
    net: CityMap,
    graph: nx.Graph[str],
    names: _Names,
    pixels: dict[str, tuple[float, float]],
    degree: dict[str, int],
    sizes: Mapping[str, float | None],
    categories: dict[str, tuple[str, str] | None],
    size_by: str,
    color_by: str,
    lang: str,
) -> None:
    """Nodes, edges and the legend of the map, straight into pyvis's lists (no per-node pyvis
    calls)."""
    ui = Words("map", lang)
    meta = net.meta
    largest = max((v for v in sizes.values() if v), default=0.0)
    colors = _category_table(meta, categories, lang)
    class_counts: Counter[str] = Counter()
    class_labels: dict[str, str] = {}
    field_counts: Counter[str] = Counter()
    for n, attrs in graph.nodes(data=True):
        cls = attrs.get("cls", "")
        look = style(cls)
        class_counts[cls] += 1
        class_labels.setdefault(cls, attrs.get("cls_label", cls))
        own_fields = list(attrs.get("fields") or ())
        field_counts.update(own_fields)
        if cls == "field":
            field_counts[str(n)] += 0
        value = sizes.get(n)
        size = (
            MIN_SIZE + (MAX_SIZE - MIN_SIZE) * math.sqrt(value / largest)
            if value and largest
            else MIN_SIZE
        )
        fill = colors.get(categories.get(n), NONE_COLOR) if color_by != "class" else look.color
        border = look.outline if color_by == "class" else darken(fill)
        label = shorten_text(attrs.get("label", str(n)), LABEL_LIMIT)
        node = {
            "id": n,
            "label": wrap_label(label),
            "title": _tooltip(
                attrs,
                names,
                degree.get(n, 0),
                value,
                size_by,
                categories.get(n),
                color_by,
                ui,
                lang,
            ),
            "x": pixels[n][0],
            "y": pixels[n][1],
            "size": round(size, 1),
            "shape": look.shape,
            "color": {"background": fill, "border": border},
            "cls": cls,
            "fields": own_fields + ([str(n)] if cls == "field" else []),
            "full_label": label,
        }
        if attrs.get("break"):  # a break of the strategy tree: dashed, thick border
            node["shapeProperties"] = {"borderDashes": [5, 3]}
            node["borderWidth"] = 3
        net.nodes.append(node)
        net.node_ids.append(n)
        net.node_map[n] = node
    if len(net.nodes) > LABELLED_MAP:
        order = sorted(
            net.nodes,
            key=lambda nd: (-(sizes.get(nd["id"]) or 0), -degree.get(nd["id"], 0), nd["id"]),
        )
        shown_labels = _labels_that_fit(order)
        for node in net.nodes:
            node["label_shown"] = node["id"] in shown_labels
    for u, v, attrs in graph.edges(data=True):
        weight = attrs.get("weight", 1) or 1
        predicate = names.predicate(attrs.get("predicate", ""))
        text = f"{predicate} ({ui['weight']} {weight})" if weight != 1 else predicate
        net.edges.append(
            {"from": u, "to": v, "title": text, "width": round(1 + min(weight - 1, 4) * 0.75, 2)}
        )
    meta.classes = [
        LegendEntry(cls, class_labels[cls], style(cls).color, style(cls).shape, count)
        for cls, count in sorted(
            class_counts.items(), key=lambda item: (-item[1], class_labels[item[0]])
        )
    ]
    meta.fields = [
        LegendEntry(f, names(f), "", "", count)
        for f, count in sorted(
            field_counts.items(), key=lambda item: (names(item[0]).casefold(), item[0])
        )
    ]


def _labels_that_fit(nodes: list[dict[str, Any]]) -> set[str]:
    """The nodes whose labels a large map shows before it is zoomed: in the order given (most
    important first), each whose label box would not overlap one taken already. Boxes are estimated
    in the map's own coordinates (the page draws labels 14 units high, below the node), where they
    scale with the zoom."""
    taken: list[tuple[float, float, float, float]] = []
    shown: set[str] = set()
    for node in nodes:
        lines = node["label"].split("\n")
        width = max(len(line) for line in lines) * LABEL_CHAR_WIDTH + 2 * LABEL_MARGIN
        top = node["y"] + node["size"] - LABEL_MARGIN
        box = (
            node["x"] - width / 2,
            top,
            node["x"] + width / 2,
            top + len(lines) * LABEL_LINE + 2 * LABEL_MARGIN,
        )
        if not any(
            box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in taken
        ):
            taken.append(box)
            shown.add(node["id"])
    return shown


def _category_table(
    meta: MapMeta, categories: dict[str, tuple[str, str] | None], lang: str
) -> dict[tuple[str, str] | None, str]:
    """Colour per category (largest first; beyond the palette they share "other"); fills the
    legend."""
    counts = Counter(c for c in categories.values() if c is not None)
    ranked = sorted(counts, key=lambda c: (-counts[c], c[1].casefold(), c[0]))
    palette = category_colors(len(ranked))
    table: dict[tuple[str, str] | None, str] = dict(zip(ranked, palette, strict=True))
    entries = [
        LegendEntry(c[0], c[1], color, "", counts[c])
        for c, color in table.items()
        if c is not None and color != OTHER_COLOR
    ]
    rest = [c for c in ranked if table[c] == OTHER_COLOR]
    if rest:
        label = f"{t('map.other', lang)} ({len(rest)})"
        entries.append(LegendEntry("other", label, OTHER_COLOR, "", sum(counts[c] for c in rest)))
    unset = sum(1 for c in categories.values() if c is None)
    if unset:
        entries.append(LegendEntry("none", t("map.none", lang), NONE_COLOR, "", unset))
    meta.categories = entries
    return table


def _tooltip(
    attrs: dict[str, Any],
    names: _Names,
    degree: int,
    value: float | None,
    size_by: str,
    category: tuple[str, str] | None,
    color_by: str,
    ui: Words,
    lang: str,
) -> str:
    """The plain-text tooltip of a node: label, class, department, fields, key figures, IRI."""
    lines = [
        shorten_text(attrs.get("label", ""), LABEL_LIMIT),
        f"{ui['class']}: {attrs.get('cls_label', attrs.get('cls', ''))}",
    ]
    if attrs.get("department") and attrs.get("department") != attrs.get("iri"):
        lines.append(f"{ui['department']}: {names(attrs['department'])}")
    if attrs.get("fields"):
        lines.append(f"{ui['fields']}: {', '.join(sorted(names(f) for f in attrs['fields']))}")
    if attrs.get("status"):
        lines.append(f"{ui['status']}: {names(STATUS + attrs['status'])}")
    if attrs.get("start") or attrs.get("end"):
        lines.append(f"{ui['period']}: {attrs.get('start') or '?'} – {attrs.get('end') or '?'}")
    if attrs.get("budget") is not None:
        lines.append(f"{ui['budget']}: {money(attrs['budget'], lang, 0)}")
    if attrs.get("break"):  # the strategy projection's breaks
        lines.append(str(attrs["break"]))
    lines.append(f"{ui['degree']}: {degree}")
    if size_by in ("betweenness", "pagerank") and value is not None:
        lines.append(f"{ui[size_by]}: {number(value, lang, 4)}")
    if color_by == "community" and category is not None:
        lines.append(category[1])
    if attrs.get("iri"):
        lines.append(str(attrs["iri"]))
    return "\n".join(lines)
