"""Compute the steering group's briefing from the graph: every figure comes from a query or an analysis."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from decimal import Decimal
from typing import Any

from ..formatting import money
from ..kg import KnowledgeGraph
from ..namespaces import ACTOR_CLASSES, MODEL_GRAPH, OPARL, slug, sparql_values, tail
from ..queries import run_named
from ..results import to_python
from ..sources import data_info
from ..words import Words, t
from .charts import budget_chart, changes_chart, council_chart, roadmap_section, status_by_field_chart, status_chart
from .council import council_section
from .model import MapSpec, Report, ReportTable, Section

_IN_DATA = f"GRAPH ?g {{ %s }} FILTER(?g != <{MODEL_GRAPH}>)"
#: A field's map shows what lies within 2 links of it (its projects, their actors and goals) up to 40 projects,
#: only its projects up to 300; a larger field gets no map (it would take seconds and show a hairball).
MAP_PROJECTS = ((40, 2), (300, 1))
#: The decisions section lists the latest this many consultations and resolutions.
DECISIONS_SHOWN = 100
#: The headline counts of council records, each on its own: fact key → class. Resolutions are counted apart:
#: the resolutions of bodies (sckg:Decision) and the agenda items with a resolution text or file.
COUNCIL_RECORDS = {
    "papers": OPARL + "Paper",
    "meetings": OPARL + "Meeting",
    "consultations": OPARL + "Consultation",
}
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
        roadmap_section(kg, lang),
        Section("map", w["map"], [w["map_intro"]], maps=[MapSpec(w["map"], "entity", static_figure=True)]),
        *analysis_sections(kg, lang),
        open_points_section(kg, lang),
        fields_section(kg, lang),
        council_section(kg, lang),
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
    rows = [(row[0].value if row[0] is not None else None, int(to_python(row[1]))) for row in kg.select(query).rows]
    labels = kg.labels([iri for iri, _ in rows if iri], lang)
    none = t("report.unspecified", lang)
    return sorted(((labels[i] if i else none, n) for i, n in rows), key=lambda r: (-r[1], r[0]))


def figures_section(kg: KnowledgeGraph, lang: str) -> Section:
    """Key figures: entities per class, budgets per field of action and per department."""
    w = Words("report", lang)
    actors = _counts(
        kg,
        "SELECT ?kind (COUNT(DISTINCT ?a) AS ?n) WHERE { "
        + _ACTOR_CLASSES
        + " "
        + _IN_DATA % "?a a ?cls"
        + " OPTIONAL { ?a org:classification ?kind } } GROUP BY ?kind",
        lang,
    )
    projects = _counts(
        kg,
        "SELECT ?status (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a sckg:Project "
        "OPTIONAL { ?p adms:status ?status } } GROUP BY ?status",
        lang,
    )
    records = kg.select(  # two counts in two sub-selects: Comunica counts nothing when a row leaves ?goal unbound
        "SELECT ?fields ?goals WHERE { { SELECT (COUNT(DISTINCT ?field) AS ?fields) WHERE { "
        "{ " + _IN_DATA % "?field a sckg:FieldOfAction" + " } UNION { ?p sckg:inFieldOfAction ?field } } } "
        "{ SELECT (COUNT(DISTINCT ?goal) AS ?goals) WHERE { ?goal a sckg:StrategicGoal } } }"
    ).records()[0]
    found = {str(r["cls"]): int(r["n"]) for r in kg.select(
        "SELECT ?cls (COUNT(DISTINCT ?d) AS ?n) WHERE { "
        f"{{ VALUES ?cls {{ {sparql_values(COUNCIL_RECORDS.values())} }} ?d a ?cls }} UNION {{ "
        "{ ?d a sckg:Decision } UNION { ?d a oparl:AgendaItem ; sckg:resolutionText|sckg:resolutionFile ?r } "
        'BIND("resolutions" AS ?cls) } } GROUP BY ?cls'
    ).records()}
    records_counted = [(key, found.get(COUNCIL_RECORDS.get(key, key), 0)) for key in (*COUNCIL_RECORDS, "resolutions")]
    overview = ReportTable(
        [w["what"], w["count"]],
        [
            [w["actors"], sum(n for _, n in actors)],
            [w["projects"], sum(n for _, n in projects)],
            [w["fields"], records["fields"]],
            [w["goals"], records["goals"]],
            *([w[key], n] for key, n in records_counted),
        ],
        w["key_figures"],
    )
    section = Section(
        "figures",
        w["figures"],
        facts=dict(zip(["actors", "projects", "fields", "goals", "papers", "meetings", "consultations", "resolutions"],
                       (r[1] for r in overview.rows), strict=True)),
        grid=True,
        tables=[
            overview,
            *([ReportTable([w["kind"], w["count"]], [list(r) for r in actors], w["actors_by_kind"])] if actors else []),
            *([ReportTable([w["status"], w["count"]], [list(r) for r in projects], w["projects_by_status"])]
              if projects else []),
        ],
    )
    budgets = [chart for chart in (budget_chart(kg, "budget-by-field", lang), budget_chart(kg, "budget-by-department",
                                                                                          lang)) if chart]
    if not budgets and projects:
        section.paragraphs.append(w["no_budgets"])
    section.charts += budgets
    section.charts += [chart for chart in (status_chart(kg, lang), status_by_field_chart(kg, lang)) if chart]
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
    if gap_rows.rows:
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
    ).bound_rows()
    goals = kg.select(
        "SELECT DISTINCT ?field ?goal WHERE { ?p sckg:inFieldOfAction ?field ; sckg:contributesTo ?goal }"
    ).bound_rows()
    from ..network.projection import project

    coverage = project(kg, "coverage", lang)
    fields = {node for node, attrs in coverage.nodes(data=True) if attrs.get("cls") == "field"}
    iris = fields | {term.value for r in projects for term in r[1:4] if term is not None}
    iris |= {r[1].value for r in actors} | {r[1].value for r in goals}
    labels = kg.labels(iris, lang)

    per_field: dict[str, dict[str, list[Any]]] = defaultdict(lambda: {"projects": [], "actors": [], "goals": []})
    for field_, project_, status, manager, budget in projects:
        assert field_ is not None and project_ is not None  # the other three are optional
        per_field[field_.value]["projects"].append(
            (
                labels[project_.value],
                labels[status.value] if status else "",
                labels[manager.value] if manager else "",
                to_python(budget) if budget is not None else None,
            )
        )
    for field_, actor in actors:
        per_field[field_.value]["actors"].append(labels[actor.value])
    for field_, goal in goals:
        per_field[field_.value]["goals"].append(labels[goal.value])

    section = Section("fields", w["fields"], [w["fields_intro"]])
    if not fields:
        section.paragraphs = [t("empty.no_projects", lang) if not projects else w["no_fields"]]
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
                ReportTable(
                    [w["project"], w["status"], w["manager"], w["budget"]],
                    [[p, s, m, money(b, lang) if b is not None else ""] for p, s, m, b in rows],
                )
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
    if not rows:
        section.paragraphs.append(w["no_decisions"])
        return section
    if len(rows) > DECISIONS_SHOWN:  # a council system's thousands: the latest, the rest by query
        section.paragraphs.append(w("decisions_cut", shown=DECISIONS_SHOWN, total=len(rows)))
        rows = rows[-DECISIONS_SHOWN:]
    section.tables.append(
        ReportTable(
            [w["date"], w["body"], w["role"], w["subject"], w["session"]],
            [[r["date"] or "", r["bodyLabel"], r["roleLabel"], r["subject"], public[r["public"]]] for r in rows],
        )
    )
    section.charts += [chart for chart in (council_chart(kg, lang),) if chart]
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
    if result.papers:  # what the steering group asks first: what the council did on our projects
        section.paragraphs.append(t("diff.new_papers", lang, n=len({c.subject for c in result.papers})))
        section.tables.append(ReportTable([w["paper"], w["about"]], [[c.subject_label, c.new] for c in result.papers],
                                          w["new_papers"]))
    linked = {(c.subject, c.object) for c in result.papers}  # listed above, labelled: not again as raw rows
    rows = [[t(f"change.{c.kind}-{c.change}", lang), c.subject_label, c.property, c.old, c.new]
            for c in result.changes if c.kind != "relation" or (c.subject, c.object) not in linked]
    if rows:
        section.tables.append(ReportTable([w["change"], w["entity"], w["property"], w["old"], w["new"]], rows))
    section.charts += [chart for chart in (changes_chart(old, new, lang),) if chart]
    return section
