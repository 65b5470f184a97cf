"""Two or more cities' programmes as one graph, joined by the reference fields of action: the map
of ``sckg viz --compare``.

Nodes are each city (``city-administration``), its projects and measures (``project``, labelled
with the city's name) and the reference fields (``field``) they map to; a project links to its
city (``sckg:partOfProgramme``) and to each reference field (``sckg:inFieldOfAction``). A project
carries its city as ``department`` (``--color-by department`` colours the cities) and its reference
fields as ``fields`` (``--color-by field``, the field filter). Projects of a city without a
reference field hang on their city only."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..namespaces import SCKG
from ..words import t

if TYPE_CHECKING:
    import networkx as nx

    from ..compare import Comparison


def comparison_graph(comparison: Comparison) -> nx.Graph[str]:
    """The cities of ``comparison``, their projects and the reference fields, as one graph."""
    import networkx as nx

    lang = comparison.lang
    graph: nx.Graph[str] = nx.Graph()
    names = [data.city.name(lang) for data in comparison.cities]
    graph.graph.update(
        projection="compare",
        title=t("map.compare_title", lang, cities=", ".join(names)),
        fictional=any(data.city.fictional for data in comparison.cities),
    )
    for field, label in comparison.field_labels.items():
        graph.add_node(field, iri=field, label=label, cls="field", cls_label=t("class.field", lang))
    for data, name in zip(comparison.cities, names, strict=True):
        city = data.city.iri
        graph.add_node(
            city,
            iri=city,
            label=name,
            cls="city-administration",
            cls_label=t("map.city", lang),
            department=city,
        )
        for item in data.items:
            graph.add_node(
                item.iri,
                iri=item.iri,
                label=f"{item.title} ({name})",
                cls="project",
                cls_label=t("class.project", lang),
                department=city,
                fields=sorted(item.fields),
            )
            graph.add_edge(item.iri, city, predicate=SCKG + "partOfProgramme")
            for field in sorted(item.fields):
                graph.add_edge(item.iri, field, predicate=SCKG + "inFieldOfAction")
    return graph
