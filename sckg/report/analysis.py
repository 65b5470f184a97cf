"""The briefing's network sections, from the analyses in :mod:`sckg.network`."""

from __future__ import annotations

from ..kg import KnowledgeGraph
from ..network.coverage import gaps, overlap, silos
from ..network.dependencies import critical_path, cycles, impact
from ..network.metrics import bridges, centrality
from ..network.projection import project
from .model import MapSpec, ReportTable, Section

_WORDS = {
    "de": {
        "actors_heading": "Wer das Programm zusammenhält",
        "actors_intro": "Akteure, über die viele Verbindungen laufen (Zwischenzentralität im Netz der "
        "Zusammenarbeit: zwei Akteure sind verbunden, wenn sie an einem Projekt zusammenarbeiten), und "
        "Akteure oder Verbindungen, ohne die Teile des Netzes abgeschnitten wären.",
        "central": "Zentrale Akteure", "cuts": "Engpässe: ohne sie zerfällt das Netz",
        "no_cuts": "Kein einzelner Akteur und keine einzelne Verbindung trennt das Netz.",
        "rank": "Rang", "actor": "Akteur", "kind": "Art", "projects_links": "Verbindungen",
        "betweenness": "Zwischenzentralität", "reason": "Begründung", "what": "Was", "cut_off": "abgeschnitten",
        "deps_heading": "Abhängigkeiten",
        "deps_intro": "Welche Projekte auf welche anderen warten (sckg:dependsOn): die längste Kette, Zyklen "
        "(Planungsfehler) und die Projekte, von denen die meisten anderen abhängen.",
        "path": "Längste Abhängigkeitskette (kritischer Pfad)", "no_path": "Es sind keine Abhängigkeiten erfasst.",
        "step": "Schritt", "project": "Projekt", "start": "Beginn", "end": "Ende",
        "cycles": "Zyklen", "no_cycles": "Keine zyklischen Abhängigkeiten.", "cycle": "Zyklus",
        "length": "Länge", "projects": "Projekte",
        "impact": "Wirkung von „{name}“: {n} Projekte hängen davon ab", "depth": "Tiefe", "via": "über",
        "silos_heading": "Silos und Überschneidungen",
        "silos_intro": "Dezernate, die im selben Handlungsfeld arbeiten, ohne einen Akteur oder eine "
        "Abhängigkeit zu teilen (wer mit wem reden sollte), und Projektpaare verschiedener Dezernate mit "
        "gleichem Handlungsfeld und Ziel (mögliche Doppelarbeit).",
        "silos": "Silos", "no_silos": "Keine Silos gefunden.", "field": "Handlungsfeld",
        "department": "Dezernat", "other": "anderes Dezernat",
        "overlaps": "Mögliche Überschneidungen", "no_overlaps": "Keine Überschneidungen gefunden.",
        "shared": "gemeinsam", "gaps": "Lücken", "gap": "Art der Lücke", "entity": "Entität",
        "actors_map": "Netz der Zusammenarbeit", "deps_map": "Abhängigkeitskarte",
        "goal-without-project": "Ziel ohne Projekt", "field-without-project": "Handlungsfeld ohne Projekt",
        "project-without-goal": "Projekt ohne Ziel", "project-without-field": "Projekt ohne Handlungsfeld",
        "project-without-manager": "Projekt ohne Federführung", "actor-without-project": "Akteur ohne Projekt",
        "articulation-point": "Akteur", "bridge": "Verbindung",
    },
    "en": {
        "actors_heading": "Who holds the programme together",
        "actors_intro": "Actors many connections run through (betweenness in the collaboration network: two "
        "actors are linked when they work on a project together), and actors or links without which parts "
        "of the network would be cut off.",
        "central": "Central actors", "cuts": "Bottlenecks: without them the network falls apart",
        "no_cuts": "No single actor and no single link separates the network.",
        "rank": "Rank", "actor": "Actor", "kind": "Kind", "projects_links": "Links",
        "betweenness": "Betweenness", "reason": "Reason", "what": "What", "cut_off": "cut off",
        "deps_heading": "Dependencies",
        "deps_intro": "Which projects wait for which others (sckg:dependsOn): the longest chain, cycles "
        "(planning errors) and the projects most others depend on.",
        "path": "Longest dependency chain (critical path)", "no_path": "No dependencies are recorded.",
        "step": "Step", "project": "Project", "start": "Start", "end": "End",
        "cycles": "Cycles", "no_cycles": "No cyclic dependencies.", "cycle": "Cycle",
        "length": "Length", "projects": "Projects",
        "impact": "Impact of '{name}': {n} projects depend on it", "depth": "Depth", "via": "via",
        "silos_heading": "Silos and overlaps",
        "silos_intro": "Departments working in the same field of action without sharing an actor or a "
        "dependency (who should be talking to whom), and pairs of projects of different departments with "
        "the same field and goal (possible duplicates).",
        "silos": "Silos", "no_silos": "No silos found.", "field": "Field of action",
        "department": "Department", "other": "other department",
        "overlaps": "Possible overlaps", "no_overlaps": "No overlaps found.",
        "shared": "shared", "gaps": "Gaps", "gap": "Kind of gap", "entity": "Entity",
        "actors_map": "Collaboration network", "deps_map": "Dependency map",
        "goal-without-project": "goal without project", "field-without-project": "field without project",
        "project-without-goal": "project without goal", "project-without-field": "project without field",
        "project-without-manager": "project without manager", "actor-without-project": "actor without project",
        "articulation-point": "actor", "bridge": "link",
    },
}


def actors_section(kg: KnowledgeGraph, lang: str) -> Section:
    """Bottleneck actors: the most central ones and the cut points of the collaboration network."""
    w = _WORDS[lang]
    graph = project(kg, "actors", lang)
    section = Section("actors", w["actors_heading"], [w["actors_intro"]])
    ranked = [row for row in centrality(kg, "actors", lang=lang, graph=graph, limit=10) if row.degree > 0]
    section.tables.append(
        ReportTable([w["rank"], w["actor"], w["kind"], w["projects_links"], w["betweenness"], w["reason"]],
              [[rank, r.label, graph.nodes[r.iri]["cls_label"], r.degree, round(r.betweenness, 3), r.reason]
               for rank, r in enumerate(ranked, 1)], w["central"])
    )
    cuts = bridges(kg, "actors", lang=lang, graph=graph)
    if cuts:
        section.tables.append(
            ReportTable([w["what"], w["actor"], w["cut_off"], w["reason"]],
                  [[w[r.kind], r.label, r.cut_off, r.reason] for r in cuts], w["cuts"])
        )
    else:
        section.paragraphs.append(w["no_cuts"])
    if graph.number_of_edges():
        section.maps.append(MapSpec(w["actors_map"], "actors", color_by="department"))
    return section


def dependencies_section(kg: KnowledgeGraph, lang: str) -> Section:
    """Dependency chains: the critical path, cycles and the impact of the most depended-on projects."""
    import networkx as nx

    w = _WORDS[lang]
    graph = project(kg, "dependencies", lang)
    section = Section("dependencies", w["deps_heading"], [w["deps_intro"]])
    if not graph.number_of_edges():
        section.paragraphs.append(w["no_path"])
        section.facts.update(chain=0, cycles=0)
        return section
    path = critical_path(kg, lang=lang, graph=graph)
    section.facts["chain"] = len(path)
    section.tables.append(
        ReportTable([w["step"], w["project"], w["start"], w["end"], w["reason"]],
              [[r.step, r.label, r.start or "", r.end or "", r.reason] for r in path], w["path"])
    )
    found = cycles(kg, lang=lang, graph=graph)
    section.facts["cycles"] = len(found)
    if found:
        section.tables.append(
            ReportTable([w["cycle"], w["length"], w["projects"], w["reason"]],
                  [[r.cycle, r.length, r.projects, r.reason] for r in found], w["cycles"])
        )
    else:
        section.paragraphs.append(w["no_cycles"])
    dependents = {node: len(nx.ancestors(graph, node)) for node in graph}
    most = sorted((n for n in dependents if dependents[n]), key=lambda n: (-dependents[n], graph.nodes[n]["label"]))
    for node in most[:3]:
        rows = impact(kg, node, lang=lang, graph=graph)
        caption = w["impact"].format(name=graph.nodes[node]["label"], n=len(rows))
        section.tables.append(
            ReportTable([w["depth"], w["project"], w["via"], w["reason"]],
                  [[r.depth, r.label, r.via, r.reason] for r in rows], caption)
        )
    section.maps.append(MapSpec(w["deps_map"], "dependencies"))
    return section


def silos_section(kg: KnowledgeGraph, lang: str) -> Section:
    """Silos between departments and possible overlaps of their projects."""
    w = _WORDS[lang]
    section = Section("silos", w["silos_heading"], [w["silos_intro"]])
    found = silos(kg, lang=lang)
    pairs = overlap(kg, lang=lang)
    section.facts.update(silos=len(found), overlaps=len(pairs))
    if found:
        section.tables.append(
            ReportTable([w["field"], w["department"], w["other"], w["reason"]],
                  [[r.field, r.department, r.other_department, r.reason] for r in found], w["silos"])
        )
    else:
        section.paragraphs.append(w["no_silos"])
    if pairs:
        section.tables.append(
            ReportTable([w["project"], w["project"], w["shared"], w["reason"]],
                  [[r.project, r.other_project, r.shared, r.reason] for r in pairs], w["overlaps"])
        )
    else:
        section.paragraphs.append(w["no_overlaps"])
    return section


#: Gaps the validation warnings do not already list.
_REPORTED_GAPS = ("goal-without-project", "field-without-project", "actor-without-project")


def gaps_table(kg: KnowledgeGraph, lang: str) -> ReportTable:
    """Goals and fields without projects and actors without any project (the projects' own gaps are
    validation warnings)."""
    w = _WORDS[lang]
    rows = [row for row in gaps(kg, lang=lang) if row.kind in _REPORTED_GAPS]
    return ReportTable([w["gap"], w["entity"], w["reason"]], [[w[r.kind], r.label, r.reason] for r in rows], w["gaps"])

