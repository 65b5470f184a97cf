"""Compute the steering group's briefing from the graph: every figure comes from a query or an analysis."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from decimal import Decimal

from ..formatting import money
from ..kg import KnowledgeGraph
from ..namespaces import ACTOR_CLASSES, MODEL_GRAPH, slug, sparql_values, tail
from ..network.projection import NODE_CLASSES
from ..queries import run_named
from ..results import to_python
from ..sources import data_info
from ..words import Words, t
from .model import Bars, MapSpec, Report, ReportTable, Section

_IN_DATA = f"GRAPH ?g {{ %s }} FILTER(?g != <{MODEL_GRAPH}>)"
#: A field's map shows what lies within 2 links of it (its projects, their actors and goals) up to 40 projects,
#: only its projects up to 300; a larger field gets no map (it would take seconds and show a hairball).
MAP_PROJECTS = ((40, 2), (300, 1))
_ACTOR_CLASSES = f"VALUES ?cls {{ {sparql_values(ACTOR_CLASSES)} }}"


def build_report(
    kg: KnowledgeGraph,
    lang: str = "de",
    *,
    title: str | None = None,
    since: KnowledgeGraph | None = None,
) -> Report:
    """The briefing for ``kg``; with ``since``, what changed since that snapshot comes first."""
    kg.require_data()
    with kg.cached():
        return _build(kg, lang, title, since)


def _build(kg: KnowledgeGraph, lang: str, title: str | None, since: KnowledgeGraph | None) -> Report:
    w = Words("report", lang)
    info = data_info(kg, lang)
    sections: list[Section] = []
    if since is not None:
        sections.append(changes_section(since, kg, lang))
    sections += [
        figures_section(kg, lang),
        Section("map", w["map"], [w["map_intro"]], maps=[MapSpec(w["map"], "entity", static_figure=True)]),
        *analysis_sections(kg, lang),
        open_points_section(kg, lang),
        fields_section(kg, lang),
        decisions_section(kg, lang),
    ]
    return Report(
        title=title or w["title"] + (f" – {info.title}" if info.title else ""),
        lang=lang,
        data_date=info.date,
        generated=datetime.now().strftime("%Y-%m-%d %H:%M"),
        sources=info.sources,
        sections=sections,
    )


def analysis_sections(kg: KnowledgeGraph, lang: str) -> list[Section]:
    """The network analyses: bottleneck actors, dependency chains, silos and overlaps."""
    from .analysis import actors_section, dependencies_section, silos_section

    return [actors_section(kg, lang), dependencies_section(kg, lang), silos_section(kg, lang)]


def _counts(kg: KnowledgeGraph, query: str, lang: str) -> list[tuple[str, int]]:
    """Rows ``(iri or None, count)`` as ``(label, count)``, largest first."""
    rows = [(row[0].value if row[0] is not None else None, int(row[1].value)) for row in kg.select(query).rows]
    labels = kg.labels([iri for iri, _ in rows if iri], lang)
    none = t("report.unspecified", lang)
    return sorted(((labels[i] if i else none, n) for i, n in rows), key=lambda r: (-r[1], r[0]))


def figures_section(kg: KnowledgeGraph, lang: str) -> Section:
    """Key figures: entities per class, budgets per field of action and per department."""
    w = Words("report", lang)
    actors = _counts(
        kg,
        "SELECT ?kind (COUNT(DISTINCT ?a) AS ?n) WHERE { " + _ACTOR_CLASSES + " "
        + _IN_DATA % "?a a ?cls" + " OPTIONAL { ?a org:classification ?kind } } GROUP BY ?kind",
        lang,
    )
    projects = _counts(
        kg,
        "SELECT ?status (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a sckg:Project "
        "OPTIONAL { ?p adms:status ?status } } GROUP BY ?status",
        lang,
    )
    records = kg.select(
        "SELECT "
        "(COUNT(DISTINCT ?field) AS ?fields) (COUNT(DISTINCT ?goal) AS ?goals) WHERE { "
        "{ " + _IN_DATA % "?field a sckg:FieldOfAction" + " } UNION { ?p sckg:inFieldOfAction ?field } "
        "UNION { ?goal a sckg:StrategicGoal } }"
    ).records()[0]
    decision_rows = kg.select(
        "SELECT ?cls (COUNT(DISTINCT ?d) AS ?n) WHERE { "
        "VALUES ?cls { sckg:Decision oparl:Paper oparl:Consultation oparl:Meeting } ?d a ?cls } GROUP BY ?cls"
    ).rows
    decisions = sorted(
        ((t(f"class.{NODE_CLASSES[cls.value]}", lang), int(n.value)) for cls, n in decision_rows),
        key=lambda r: (-r[1], r[0]),
    )
    overview = ReportTable(
        [w["what"], w["count"]],
        [
            [w["actors"], sum(n for _, n in actors)],
            [w["projects"], sum(n for _, n in projects)],
            [w["fields"], records["fields"]],
            [w["goals"], records["goals"]],
            [w["decisions"], sum(n for _, n in decisions)],
        ],
        w["key_figures"],
    )
    section = Section(
        "figures",
        w["figures"],
        facts=dict(zip(["actors", "projects", "fields", "goals", "decisions"], (r[1] for r in overview.rows),
                       strict=True)),
        grid=True,
        tables=[
            overview,
            ReportTable([w["kind"], w["count"]], [list(r) for r in actors], w["actors_by_kind"]),
            ReportTable([w["status"], w["count"]], [list(r) for r in projects], w["projects_by_status"]),
            ReportTable([w["class"], w["count"]], [list(r) for r in decisions], w["decisions_by_class"]),
        ],
    )
    for query, heading in (("budget-by-field", w["budget_by_field"]), ("budget-by-department", w["budget_by_dept"])):
        rows = run_named(kg, query, lang=lang).records()
        if not rows:
            continue
        label = "fieldLabel" if query == "budget-by-field" else "departmentLabel"
        section.tables.append(
            ReportTable([w["name"], w["budget"], w["projects"]], [[r[label], money(r["budgetEUR"], lang), r["projects"]]
                                                            for r in rows], heading)
        )
        section.charts.append(Bars(heading, "EUR", [(r[label], float(r["budgetEUR"])) for r in rows]))
    if not section.charts:
        section.paragraphs.append(w["no_budgets"])
    return section


def open_points_section(kg: KnowledgeGraph, lang: str) -> Section:
    """The validation warnings (the inventory's open points) and the coverage gaps."""
    from ..validate import validate
    from .analysis import gaps_table

    w = Words("report", lang)
    report = validate(kg, lang)
    gap_rows = gaps_table(kg, lang)
    section = Section(
        "open-points",
        w["open_points"],
        [w["open_points_intro"]],
        facts={"violations": len(report.violations), "open_points": len(report.warnings), "gaps": len(gap_rows.rows)},
    )
    if report.violations:
        section.paragraphs.append(w("violations", n=len(report.violations)))
    if report.findings:
        rows = [[f.label, f.message, f.fix] for f in report.findings]
        section.tables.append(ReportTable([w["entity"], w["finding"], w["fix"]], rows, w["validation"]))
    else:
        section.paragraphs.append(w["no_findings"])
    section.tables.append(gap_rows)
    return section


def fields_section(kg: KnowledgeGraph, lang: str) -> Section:
    """One subsection per field of action: its projects, actors, goals, budget and a focused map."""
    w = Words("report", lang)
    projects = kg.select(
        """SELECT ?field ?project ?status ?manager ?budget WHERE {
             ?project a sckg:Project ; sckg:inFieldOfAction ?field .
             OPTIONAL { ?project adms:status ?status } OPTIONAL { ?project sckg:managedBy ?manager }
             OPTIONAL { ?project sckg:hasBudget/schema:value ?budget } }"""
    ).rows
    actors = kg.select(
        "SELECT DISTINCT ?field ?actor WHERE { ?p a sckg:Project ; sckg:inFieldOfAction ?field ; "
        "sckg:managedBy|sckg:hasParticipant|sckg:contractor ?actor }"
    ).rows
    goals = kg.select(
        "SELECT DISTINCT ?field ?goal WHERE { ?p sckg:inFieldOfAction ?field ; sckg:contributesTo ?goal }"
    ).rows
    from ..network.projection import project

    coverage = project(kg, "coverage", lang)
    fields = {node for node, cls in coverage.nodes(data="cls") if cls == "field"}
    iris = fields | {r[i].value for r in projects for i in (1, 2, 3) if r[i] is not None}
    iris |= {r[1].value for r in actors} | {r[1].value for r in goals}
    labels = kg.labels(iris, lang)

    per_field: dict[str, dict[str, list]] = defaultdict(lambda: {"projects": [], "actors": [], "goals": []})
    for field_, project_, status, manager, budget in projects:
        per_field[field_.value]["projects"].append(
            (labels[project_.value], labels[status.value] if status else "", labels[manager.value] if manager else "",
             to_python(budget) if budget is not None else None)
        )
    for field_, actor in actors:
        per_field[field_.value]["actors"].append(labels[actor.value])
    for field_, goal in goals:
        per_field[field_.value]["goals"].append(labels[goal.value])

    section = Section("fields", w["fields"], [w["fields_intro"]])
    for iri in sorted(fields, key=lambda i: labels[i].lower()):
        data = per_field[iri]
        rows = sorted(data["projects"])
        total = sum((b for *_, b in rows if b is not None), Decimal(0))
        sub = Section(f"field-{slug(tail(iri))}", labels[iri])
        if not rows:
            sub.paragraphs.append(w["field_without_projects"])
        else:
            sub.paragraphs.append(
                w("field_summary", projects=len(rows), actors=len(set(data["actors"])), budget=money(total, lang))
            )
            sub.tables.append(
                ReportTable([w["project"], w["status"], w["manager"], w["budget"]],
                      [[p, s, m, money(b, lang) if b is not None else ""] for p, s, m, b in rows])
            )
            sub.items.append(w["actors"] + ": " + ", ".join(sorted(set(data["actors"]))))
            sub.items.append(w["goals"] + ": " + (", ".join(sorted(set(data["goals"]))) or w["none"]))
            if len(rows) <= MAP_PROJECTS[-1][0]:
                depth = next(d for limit, d in MAP_PROJECTS if len(rows) <= limit)
                sub.maps.append(MapSpec(labels[iri], "entity", focus=iri, depth=depth))
            else:
                sub.paragraphs.append(w("field_map_left_out", projects=len(rows)))
        section.subsections.append(sub)
    return section


def decisions_section(kg: KnowledgeGraph, lang: str) -> Section:
    """The timeline of decisions: which body deliberated or decided what, when."""
    w = Words("report", lang)
    rows = run_named(kg, "decisions", lang=lang).records()
    section = Section("decisions", w["decisions_heading"], [w["decisions_intro"]])
    public = {True: w["public"], False: w["non_public"], None: ""}
    section.tables.append(
        ReportTable([w["date"], w["body"], w["role"], w["subject"], w["session"]],
              [[r["date"] or "", r["bodyLabel"], r["roleLabel"], r["subject"], public[r["public"]]] for r in rows])
    )
    return section


def changes_section(old: KnowledgeGraph, new: KnowledgeGraph, lang: str) -> Section:
    """What changed since the previous snapshot (entities, relations, attributes)."""
    from ..diff import diff

    w = Words("report", lang)
    result = diff(old, new, lang)
    section = Section("changes", w["changes"], facts={"changes": len(result.changes)})
    if not result.changes:
        section.paragraphs.append(w["no_changes"])
        return section
    section.items = [f"{t('change.' + k.replace(' ', '-'), lang)}: {n}" for k, n in result.summary().items()]
    section.tables.append(
        ReportTable([w["change"], w["entity"], w["property"], w["old"], w["new"]],
                    [[t(f"change.{c.kind}-{c.change}", lang), c.subject_label, c.property, c.old, c.new]
                     for c in result.changes])
    )
    return section
