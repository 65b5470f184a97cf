"""From a projection to a map: filters, focus, metrics for size and colour, layout, styles, tooltips, legend.

:func:`build_network` returns a :class:`CityMap`, a pyvis ``Network`` (nodes and edges in pyvis's lists of
dicts, positions fixed) whose ``generate_html``/``write_html`` produce the self-contained offline page.
"""

from __future__ import annotations

import math
import time
import webbrowser
from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from difflib import get_close_matches
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pyvis.network import Network

from ..errors import UsageError
from ..fileio import write_atomic
from ..namespaces import SOURCE_PATH, STATUS, shorten
from ..network.metrics import auto_sample, betweenness_scores, pagerank_scores
from ..network.projection import CLASS_LABELS, PREDICATES
from .layout import LAYOUTS, canonical_undirected, compute_layout, to_pixels
from .style import NONE_COLOR, OTHER_COLOR, UI, category_colors, darken, style, wrap_label

if TYPE_CHECKING:
    import networkx as nx

    from ..kg import KnowledgeGraph

COLOR_BY = ("class", "field", "department", "community")
SIZE_BY = ("degree", "betweenness", "pagerank", "budget")
#: Node sizes (vis-network radius in pixels) for the smallest and the largest value of the size metric.
MIN_SIZE, MAX_SIZE = 9.0, 36.0

PROJECTION_TITLES = {
    "entity": {"de": "Gesamtnetz", "en": "Entity network"},
    "actors": {"de": "Akteursnetz", "en": "Actor network"},
    "dependencies": {"de": "Projektabhängigkeiten", "en": "Project dependencies"},
    "coverage": {"de": "Abdeckung: Ziele und Handlungsfelder", "en": "Coverage: goals and fields of action"},
}
_SHARES_PROJECT = {"de": "gemeinsame Projekte", "en": "shared projects"}


@dataclass(frozen=True)
class LegendEntry:
    """One line of the legend: a class (colour and shape), a colour category, or a field of action."""

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


class CityMap(Network):
    """A pyvis ``Network`` whose HTML is sckg's offline page (vis-network inlined, positions fixed)."""

    def __init__(self, meta: MapMeta, directed: bool) -> None:
        super().__init__(height="100%", width="100%", directed=directed, heading=meta.title, cdn_resources="in_line")
        self.meta = meta

    def generate_html(self, name: str = "index.html", local: bool = True, notebook: bool = False) -> str:
        """The self-contained HTML page of this map (the arguments are pyvis's and are not needed)."""
        from .render import render_html

        self.html = render_html(self)
        return self.html

    def write_html(self, name: str, local: bool = True, notebook: bool = False, open_browser: bool = False) -> None:
        """Write the page to ``name`` atomically (pyvis's ``show`` and ``save_graph`` come here too)."""
        write_atomic(Path(name), self.generate_html())
        if open_browser:
            webbrowser.open(Path(name).resolve().as_uri())


def build_network(
    source: KnowledgeGraph | nx.Graph,
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
    projected: nx.Graph | None = None,
) -> CityMap:
    """The map of a projection of ``source`` (a knowledge graph, or a projection already built).

    ``focus`` (IRI, prefixed name or label) keeps the nodes within ``depth`` links of it; ``fields``,
    ``classes`` and ``departments`` keep only matching nodes (see the README for the exact rules). Node colour
    comes from ``color_by``, size from ``size_by``, positions from ``layout`` with ``seed``. A projection
    passed in may carry page metadata in ``graph.graph``: ``title``, ``date``, ``sources``, ``fictional``.
    With a knowledge graph, ``projected`` reuses its projection ``projection`` already built (several maps of
    one projection, as in the report, extract it once).
    """
    import networkx as nx

    _check_choice(lang, tuple(UI), "language")
    _check_choice(color_by, COLOR_BY, "--color-by value")
    _check_choice(size_by, SIZE_BY, "--size-by value")
    _check_choice(layout, LAYOUTS, "layout")
    timings: dict[str, float] = {}
    started = time.perf_counter()
    kg = None if isinstance(source, nx.Graph) else source
    if kg is None:
        graph = source
        projection = graph.graph.get("projection", projection)
    elif projected is not None:
        graph = projected
    else:
        from ..network.projection import project

        graph = project(kg, projection, lang)
    timings["projection"] = time.perf_counter() - started
    names = _Names(graph, kg, lang)
    focus_iri = None
    if focus is not None:
        focus_iri = _resolve(focus, {n: graph.nodes[n].get("label", str(n)) for n in graph}, "node", "--focus")
        if depth < 0:
            raise UsageError(f"--depth must be 0 or more, got {depth}")
    shown = _select(graph, names, focus_iri, depth, fields, classes, departments)
    timings["select"] = time.perf_counter() - started - timings["projection"]

    started = time.perf_counter()
    degree = degrees(shown)
    sizes = {n: float(d) for n, d in degree.items()} if size_by == "degree" else _size_values(shown, size_by, seed)
    categories = _categories(shown, names, color_by, seed)
    timings["metrics"] = time.perf_counter() - started
    started = time.perf_counter()
    pixels = to_pixels(compute_layout(shown, layout, seed), layout)
    timings["layout"] = time.perf_counter() - started

    started = time.perf_counter()
    meta = _meta(kg, graph, projection, title, lang, layout, color_by, size_by)
    if focus_iri is not None:
        meta.focus = UI[lang]["focus"].format(label=graph.nodes[focus_iri].get("label", focus_iri), depth=depth)
    net = CityMap(meta, shown.is_directed())
    _fill(net, shown, names, pixels, degree, sizes, categories, size_by, color_by, lang)
    meta.timings = {**timings, "build": time.perf_counter() - started}
    return net


def _check_choice(value: str, choices: Sequence[str], what: str) -> None:
    if value not in choices:
        raise UsageError(f"Unknown {what} '{value}'. Use one of: {', '.join(choices)}.")


def _tail(iri: str) -> str:
    return iri.rstrip("/#").rsplit("/", 1)[-1].rsplit("#", 1)[-1] or iri


class _Names:
    """Labels of the IRIs a map mentions but may not hold as nodes (fields, departments, statuses, predicates):
    the node's own label if it is in the projection, else one SPARQL lookup, else the IRI's last part."""

    def __init__(self, graph: nx.Graph, kg: KnowledgeGraph | None, lang: str) -> None:
        self.lang = lang
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
        self.labels = {iri: _tail(iri) for iri in wanted}
        missing = [iri for iri in wanted if iri not in graph]
        if kg is not None and missing:
            self.labels.update(kg.labels(missing, lang))
        self.labels.update((n, a["label"]) for n, a in graph.nodes(data=True) if n in wanted and "label" in a)

    def __call__(self, iri: str) -> str:
        return self.labels.get(iri) or _tail(iri)

    def predicate(self, short: str) -> str:
        if short == "sharesProject":
            return _SHARES_PROJECT[self.lang]
        return self(PREDICATES[short]) if short in PREDICATES else short


def _resolve(spec: str, candidates: dict[Any, str], what: str, option: str) -> Any:
    """The candidate ``spec`` names: by IRI, prefixed name (``musterstadt:project/wlan``), last IRI part or
    label (case-insensitive); an unknown or ambiguous name is a usage error with suggestions."""
    wanted = spec.strip().casefold()
    for matcher in (
        lambda iri, label: str(iri) == spec.strip(),
        lambda iri, label: shorten(str(iri)).casefold() == wanted,
        lambda iri, label: label.casefold() == wanted,
        lambda iri, label: _tail(str(iri)).casefold() == wanted,
    ):
        found = sorted((iri for iri, label in candidates.items() if matcher(iri, label)), key=str)
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            listed = "; ".join(f"{candidates[i]} <{i}>" for i in found[:5])
            raise UsageError(f"{option} '{spec}' matches {len(found)} {what}s: {listed}. Give the IRI.")
    close = get_close_matches(spec, sorted(set(candidates.values())), n=3, cutoff=0.6)
    hint = f" Did you mean: {', '.join(close)}?" if close else ""
    raise UsageError(f"{option} '{spec}': no such {what} in this map (use its IRI, prefixed name or label).{hint}")


def _is_actor(cls: str) -> bool:
    return cls == "actor" or cls not in CLASS_LABELS


def _select(
    graph: nx.Graph,
    names: _Names,
    focus: Hashable | None,
    depth: int,
    fields: Sequence[str],
    classes: Sequence[str],
    departments: Sequence[str],
) -> nx.Graph:
    """The part of ``graph`` the map shows: focus first, then every filter."""
    import networkx as nx

    keep = set(graph)
    if focus is not None:
        undirected = graph.to_undirected(as_view=True) if graph.is_directed() else graph
        keep = set(nx.single_source_shortest_path_length(undirected, focus, cutoff=depth))
    if classes:
        present = {graph.nodes[n].get("cls", "") for n in graph}
        known = present | set(CLASS_LABELS)
        for cls in classes:
            if cls not in known:
                raise UsageError(f"--class '{cls}': unknown class. Classes in this map: {', '.join(sorted(present))}.")
        wanted = set(classes)
        keep = {
            n for n in keep
            if graph.nodes[n].get("cls") in wanted or ("actor" in wanted and _is_actor(graph.nodes[n].get("cls", "")))
        }
    if fields:
        known = {f: names(f) for n in graph for f in graph.nodes[n].get("fields") or ()}
        known.update({n: graph.nodes[n].get("label", n) for n in graph if graph.nodes[n].get("cls") == "field"})
        chosen = {_resolve(f, known, "field of action", "--field") for f in fields}
        projects = {n for n in keep if set(graph.nodes[n].get("fields") or ()) & chosen and _cls(graph, n) == "project"}
        linked = {
            m for n in projects for m in nx.all_neighbors(graph, n) if _cls(graph, m) not in ("project", "field")
        }
        keep &= chosen | projects | linked
    if departments:
        known = {d: names(d) for n in graph if (d := graph.nodes[n].get("department"))}
        chosen = {_resolve(d, known, "department", "--department") for d in departments}
        keep = {n for n in keep if graph.nodes[n].get("department") in chosen}
    if focus is not None:
        keep.add(focus)
    if not keep:
        raise UsageError("No node is left after the filters; loosen --class, --field or --department.")
    if len(keep) == graph.number_of_nodes():
        return graph
    return graph.subgraph(sorted(keep, key=str)).copy()


def _cls(graph: nx.Graph, node: Hashable) -> str:
    return graph.nodes[node].get("cls", "")


def _size_values(graph: nx.Graph, size_by: str, seed: int) -> dict[Hashable, float | None]:
    """The value of the size metric (but degree) per node (``None``: not applicable, e.g. no budget).
    Betweenness is estimated from a seeded sample of sources on large maps, by the rule ``sckg analyze`` uses."""

    if size_by == "budget":
        return {n: graph.nodes[n].get("budget") for n in graph}
    undirected = canonical_undirected(graph)
    if size_by == "pagerank":
        return pagerank_scores(undirected)
    return betweenness_scores(undirected, auto_sample(undirected.number_of_nodes(), undirected.number_of_edges()), seed)


def degrees(graph: nx.Graph) -> dict[Hashable, int]:
    """The number of distinct neighbours of each node, whatever the direction of the links."""
    if not graph.is_directed():
        return dict(graph.degree())
    return {n: len(graph.succ[n].keys() | graph.pred[n].keys()) for n in graph}


def _categories(graph: nx.Graph, names: _Names, color_by: str, seed: int) -> dict[Hashable, tuple[str, str] | None]:
    """The colour category (key, label) of each node for ``color_by`` other than ``class``."""
    import networkx as nx

    if color_by == "class":
        return {}
    if color_by == "community":
        undirected = canonical_undirected(graph)
        found = nx.community.louvain_communities(undirected, weight="weight", seed=seed)
        ranked = sorted(found, key=lambda c: (-len(c), min(map(str, c))))
        word = UI[names.lang]["community"]
        return {n: (str(i), f"{word} {i}") for i, members in enumerate(ranked, 1) for n in members}
    result: dict[Hashable, tuple[str, str] | None] = {}
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
    graph: nx.Graph,
    projection: str,
    title: str | None,
    lang: str,
    layout: str,
    color_by: str,
    size_by: str,
) -> MapMeta:
    """Title, data date and sources: from the dataset descriptions (``sckg:Dataset``) or ``graph.graph``."""
    info = graph.graph
    dataset_title, date, sources = info.get("title"), info.get("date"), list(info.get("sources", []))
    fictional = bool(info.get("fictional", False))
    if kg is not None:
        dataset_title, date, sources, fictional = _dataset_info(kg, lang)
    kind = PROJECTION_TITLES.get(projection, {}).get(lang, projection)
    default = f"{dataset_title}: {kind}" if dataset_title else kind
    return MapMeta(
        title=title or default, lang=lang, projection=projection, layout=layout, color_by=color_by,
        size_by=size_by, date=date, sources=sources, fictional=fictional,
    )


def _dataset_info(kg: KnowledgeGraph, lang: str) -> tuple[str | None, str | None, list[str], bool]:
    """The datasets' titles, their latest modification date, their sources (label and date) and whether any is
    fictional; without a dataset description the sources are what the entities are derived from."""
    rows = kg.select(
        "SELECT ?d ?modified ?fictional ?src ?srcdate WHERE { ?d a sckg:Dataset . "
        "OPTIONAL { ?d dcterms:modified ?modified } OPTIONAL { ?d sckg:fictional ?fictional } "
        "OPTIONAL { ?d dcterms:source ?src OPTIONAL { ?src dcterms:date ?srcdate } } }"
    ).records()
    if not rows:
        rows = kg.select(
            f"SELECT DISTINCT ?src ?srcdate WHERE {{ ?s {SOURCE_PATH} ?src FILTER(isIRI(?src)) "
            "OPTIONAL { ?src dcterms:date ?srcdate } }"
        ).records()
    iris = {r[k] for r in rows for k in ("d", "src") if r.get(k)}
    labels = kg.labels(iris, lang) if iris else {}
    titles = sorted({labels[r["d"]] for r in rows if r.get("d")})
    dates = sorted(str(r[k]) for r in rows for k in ("modified", "srcdate") if r.get(k) is not None)
    source_dates: dict[str, str | None] = {}
    for r in rows:
        if r.get("src"):
            source_dates[r["src"]] = max(filter(None, [source_dates.get(r["src"]), r.get("srcdate")]), default=None)
    sources = sorted(
        f"{labels[s]} ({d})" if d else labels[s] for s, d in ((s, source_dates[s]) for s in source_dates)
    )
    modified = [str(r["modified"]) for r in rows if r.get("modified") is not None]
    date = max(modified) if modified else (dates[-1] if dates else None)
    fictional = any(r.get("fictional") is True for r in rows)
    return (" · ".join(titles) or None), date, sources, fictional


def _number(value: float, lang: str) -> str:
    text = f"{value:,.0f}"
    return text.replace(",", ".") if lang == "de" else text


def _fill(
    net: CityMap,
    graph: nx.Graph,
    names: _Names,
    pixels: dict[Hashable, tuple[float, float]],
    degree: dict[Hashable, int],
    sizes: dict[Hashable, float | None],
    categories: dict[Hashable, tuple[str, str] | None],
    size_by: str,
    color_by: str,
    lang: str,
) -> None:
    """Nodes, edges and the legend of the map, straight into pyvis's lists (no per-node pyvis calls)."""
    ui = UI[lang]
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
        size = MIN_SIZE + (MAX_SIZE - MIN_SIZE) * math.sqrt(value / largest) if value and largest else MIN_SIZE
        fill = colors.get(categories.get(n), NONE_COLOR) if color_by != "class" else look.color
        border = look.outline if color_by == "class" else darken(fill)
        label = attrs.get("label", str(n))
        node = {
            "id": n,
            "label": wrap_label(label),
            "title": _tooltip(attrs, names, degree.get(n, 0), value, size_by, categories.get(n), color_by, ui, lang),
            "x": pixels[n][0],
            "y": pixels[n][1],
            "size": round(size, 1),
            "shape": look.shape,
            "color": {"background": fill, "border": border},
            "cls": cls,
            "fields": own_fields + ([str(n)] if cls == "field" else []),
            "full_label": label,
        }
        net.nodes.append(node)
        net.node_ids.append(n)
        net.node_map[n] = node
    for u, v, attrs in graph.edges(data=True):
        weight = attrs.get("weight", 1) or 1
        predicate = names.predicate(attrs.get("predicate", ""))
        text = f"{predicate} ({ui['weight']} {weight})" if weight != 1 else predicate
        net.edges.append({"from": u, "to": v, "title": text, "width": round(1 + min(weight - 1, 4) * 0.75, 2)})
    meta.classes = [
        LegendEntry(cls, class_labels[cls], style(cls).color, style(cls).shape, count)
        for cls, count in sorted(class_counts.items(), key=lambda item: (-item[1], class_labels[item[0]]))
    ]
    meta.fields = [
        LegendEntry(f, names(f), "", "", count)
        for f, count in sorted(field_counts.items(), key=lambda item: (names(item[0]).casefold(), item[0]))
    ]


def _category_table(
    meta: MapMeta, categories: dict[Hashable, tuple[str, str] | None], lang: str
) -> dict[tuple[str, str] | None, str]:
    """Colour per category (largest first; beyond the palette they share "other"); fills the legend."""
    counts = Counter(c for c in categories.values() if c is not None)
    ranked = sorted(counts, key=lambda c: (-counts[c], c[1].casefold(), c[0]))
    palette = category_colors(len(ranked))
    table: dict[tuple[str, str] | None, str] = dict(zip(ranked, palette, strict=True))
    entries = [LegendEntry(c[0], c[1], color, "", counts[c]) for c, color in table.items() if color != OTHER_COLOR]
    rest = [c for c in ranked if table[c] == OTHER_COLOR]
    if rest:
        label = f"{UI[lang]['other']} ({len(rest)})"
        entries.append(LegendEntry("other", label, OTHER_COLOR, "", sum(counts[c] for c in rest)))
    unset = sum(1 for c in categories.values() if c is None)
    if unset:
        entries.append(LegendEntry("none", UI[lang]["none"], NONE_COLOR, "", unset))
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
    ui: dict[str, str],
    lang: str,
) -> str:
    """The plain-text tooltip of a node: label, class, department, fields, key figures, IRI."""
    lines = [attrs.get("label", ""), f"{ui['class']}: {attrs.get('cls_label', attrs.get('cls', ''))}"]
    if attrs.get("department") and attrs.get("department") != attrs.get("iri"):
        lines.append(f"{ui['department']}: {names(attrs['department'])}")
    if attrs.get("fields"):
        lines.append(f"{ui['fields']}: {', '.join(sorted(names(f) for f in attrs['fields']))}")
    if attrs.get("status"):
        lines.append(f"{ui['status']}: {names(STATUS + attrs['status'])}")
    if attrs.get("start") or attrs.get("end"):
        lines.append(f"{ui['period']}: {attrs.get('start') or '?'} – {attrs.get('end') or '?'}")
    if attrs.get("budget") is not None:
        amount = _number(attrs["budget"], lang)
        lines.append(f"{ui['budget']}: {amount} €" if lang == "de" else f"{ui['budget']}: €{amount}")
    lines.append(f"{ui['degree']}: {degree}")
    if size_by in ("betweenness", "pagerank") and value is not None:
        lines.append(f"{ui[size_by]}: {value:.4f}".replace(".", "," if lang == "de" else "."))
    if color_by == "community" and category is not None:
        lines.append(category[1])
    if attrs.get("iri"):
        lines.append(str(attrs["iri"]))
    return "\n".join(lines)
