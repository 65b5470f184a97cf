"""The briefing's network sections, from the analyses in :mod:`sckg.network`."""

from __future__ import annotations

from ..kg import KnowledgeGraph
from ..network.common import why_empty
from ..network.coverage import gaps, overlap, silos
from ..network.dependencies import critical_path, cycles, impact
from ..network.metrics import bridges, centrality
from ..network.projection import project
from ..words import Words, t
from .charts import actor_field_chart
from .model import MapSpec, ReportTable, Section


def actors_section(kg: KnowledgeGraph, lang: str) -> Section:
    """Bottleneck actors: the most central ones and the cut points of the collaboration network."""
    w = Words("report", lang)
    graph = project(kg, "actors", lang=lang)
    section = Section("actors", w["actors_heading"], [w["actors_intro"]])
    found = centrality(kg, "actors", lang=lang, graph=graph, limit=None)
    ranked = [row for row in found if row.degree > 0][
        :10
    ]  # not the council's organisations without projects
    if not ranked:  # nobody works with anybody: one line with the reason, no empty tables
        section.paragraphs += (
            [str(note) for note in found.notes] if not found else [why_empty(kg, graph, lang)]
        )
        return section
    section.tables.append(
        ReportTable(
            [w["rank"], w["actor"], w["kind"], w["projects_links"], w["betweenness"], w["reason"]],
            [
                [
                    rank,
                    r.label,
                    graph.nodes[r.iri]["cls_label"],
                    r.degree,
                    round(r.betweenness, 3),
                    r.reason,
                ]
                for rank, r in enumerate(ranked, 1)
            ],
            w["central"],
        )
    )
    cuts = bridges(kg, "actors", lang=lang, graph=graph)
    if cuts:
        section.tables.append(
            ReportTable(
                [w["what"], w["actor"], w["cut_off"], w["reason"]],
                [[w[f"cut.{r.kind}"], r.label, r.cut_off, r.reason] for r in cuts],
                w["cuts"],
            )
        )
    else:
        section.paragraphs.append(w["no_cuts"])
    if graph.number_of_edges():
        section.maps.append(MapSpec(w["actors_map"], "actors", color_by="department"))
    return section


def dependencies_section(kg: KnowledgeGraph, lang: str) -> Section:
    """Dependency chains: the critical path, cycles and the impact of the most depended-on
    projects."""
    import networkx as nx

    w = Words("report", lang)
    graph = project(kg, "dependencies", lang=lang)
    section = Section("dependencies", w["deps_heading"], [w["deps_intro"]])
    if not graph.number_of_edges():
        section.paragraphs.append(why_empty(kg, graph, lang))
        section.facts.update(chain=0, cycles=0)
        return section
    path = critical_path(kg, lang=lang, graph=graph)
    section.facts["chain"] = len(path)
    section.tables.append(
        ReportTable(
            [w["step"], w["project"], w["start"], w["end"], w["reason"]],
            [[r.step, r.label, r.start or "", r.end or "", r.reason] for r in path],
            w["path"],
        )
    )
    found = cycles(kg, lang=lang, graph=graph)
    section.facts["cycles"] = len(found)
    if found:
        section.tables.append(
            ReportTable(
                [w["cycle"], w["length"], w["projects"], w["reason"]],
                [[r.cycle, r.length, r.projects, r.reason] for r in found],
                w["cycles"],
            )
        )
    else:
        section.paragraphs.append(w["no_cycles"])
    dependents = {node: len(nx.ancestors(graph, node)) for node in graph}
    most = sorted(
        (n for n in dependents if dependents[n]),
        key=lambda n: (-dependents[n], graph.nodes[n]["label"]),
    )
    for node in most[:3]:
        rows = impact(kg, node, lang=lang, graph=graph)
        caption = w("impact", name=graph.nodes[node]["label"], n=len(rows))
        section.tables.append(
            ReportTable(
                [w["depth"], w["project"], w["via"], w["reason"]],
                [[r.depth, r.label, r.via, r.reason] for r in rows],
                caption,
            )
        )
    section.maps.append(MapSpec(w["deps_map"], "dependencies"))
    return section


def silos_section(kg: KnowledgeGraph, lang: str) -> Section:
    """Silos between departments and possible overlaps of their projects."""
    w = Words("report", lang)
    section = Section("silos", w["silos_heading"], [w["silos_intro"]])
    found = silos(kg, lang=lang)
    pairs = overlap(kg, lang=lang)
    section.facts.update(silos=len(found), overlaps=len(pairs))
    if (
        not found and not pairs and found.notes
    ):  # no projects: the reason once, not "no silos" and "no overlaps"
        section.paragraphs += [str(note) for note in found.notes]
        return section
    if found:
        section.tables.append(
            ReportTable(
                [w["field"], w["department"], w["other"], w["reason"]],
                [[r.field, r.department, r.other_department, r.reason] for r in found],
                w["silos"],
            )
        )
    else:
        section.paragraphs.append(w["no_silos"])
    if pairs:
        section.tables.append(
            ReportTable(
                [w["project"], w["project"], w["shared"], w["reason"]],
                [[r.project, r.other_project, r.shared, r.reason] for r in pairs],
                w["overlaps"],
            )
        )
    else:
        section.paragraphs.append(w["no_overlaps"])
    section.charts += [chart for chart in (actor_field_chart(kg, lang),) if chart]
    return section


#: Gaps the validation warnings do not already list.
_REPORTED_GAPS = (
    "goal-without-project",
    "field-without-project",
    "milestone-overdue",
    "actor-without-project",
)


def gaps_table(kg: KnowledgeGraph, lang: str) -> ReportTable:
    """Goals and fields without projects, overdue milestones and actors without any project (the
    projects' own gaps are validation warnings)."""
    w = Words("report", lang)
    rows = [row for row in gaps(kg, lang=lang) if row.kind in _REPORTED_GAPS]
    return ReportTable(
        [w["gap"], w["entity"], w["reason"]],
        [[t(f"gap.{r.kind}", lang), r.label, r.reason] for r in rows],
        w["gaps"],
    )
