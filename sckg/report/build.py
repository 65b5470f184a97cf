"""Compute the steering group's briefing from the graph: every figure comes from a query or an analysis."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from decimal import Decimal

from ..kg import KnowledgeGraph, to_python
from ..namespaces import MODEL_GRAPH, SOURCE_PATH
from ..network.projection import CLASS_LABELS, NODE_CLASSES
from ..queries import run_named
from .model import Bars, MapSpec, Report, Section, Source, Table
from .texts import TEXTS, money

_IN_DATA = f"GRAPH ?g {{ %s }} FILTER(?g != <{MODEL_GRAPH}>)"
#: A field's map shows what lies within 2 links of it (its projects, their actors and goals) up to 40 projects,
#: only its projects up to 300; a larger field gets no map (it would take seconds and show a hairball).
MAP_PROJECTS = ((40, 2), (300, 1))
_ACTOR_CLASSES = "VALUES ?cls { org:Organization org:FormalOrganization org:OrganizationalUnit }"


def build_report(
    kg: KnowledgeGraph,
    lang: str = "de",
    *,
    title: str | None = None,
    since: KnowledgeGraph | None = None,
) -> Report:
    """The briefing for ``kg``; with ``since``, what changed since that snapshot comes first."""
    with kg.cached():
        return _build(kg, lang, title, since)


def _build(kg: KnowledgeGraph, lang: str, title: str | None, since: KnowledgeGraph | None) -> Report:
    t = TEXTS[lang]
    sources = _sources(kg, lang)
    sections: list[Section] = []
    if since is not None:
        sections.append(changes_section(since, kg, lang))
    sections += [
        figures_section(kg, lang),
        Section("map", t["map"], [t["map_intro"]], maps=[MapSpec(t["map"], "entity", static_figure=True)]),
        *analysis_sections(kg, lang),
        open_points_section(kg, lang),
        fields_section(kg, lang),
        decisions_section(kg, lang),
    ]
    dataset = _dataset_title(kg, lang)
    return Report(
        title=title or t["title"] + (f" – {dataset}" if dataset else ""),
        lang=lang,
        data_date=_data_date(kg, sources),
        generated=datetime.now().strftime("%Y-%m-%d %H:%M"),
        sources=sources,
        sections=sections,
    )


def analysis_sections(kg: KnowledgeGraph, lang: str) -> list[Section]:
    """The network analyses: bottleneck actors, dependency chains, silos and overlaps."""
    from .analysis import actors_section, dependencies_section, silos_section

    return [actors_section(kg, lang), dependencies_section(kg, lang), silos_section(kg, lang)]


def _sources(kg: KnowledgeGraph, lang: str) -> list[Source]:
    table = kg.select(
        f"SELECT DISTINCT ?src ?d WHERE {{ ?s {SOURCE_PATH} ?src . "
        "OPTIONAL { ?src dcterms:date ?d } }"
    )
    dates: dict[str, str | None] = {}
    for src, date in table.rows:
        dates[src.value] = max(filter(None, [dates.get(src.value), to_python(date)]), default=None)
    labels = kg.labels(dates, lang)
    return sorted((Source(labels[i], d, i) for i, d in dates.items()), key=lambda s: (s.date or "", s.label))


def _dataset_title(kg: KnowledgeGraph, lang: str) -> str:
    table = kg.select("SELECT ?d WHERE { ?d a sckg:Dataset }")
    titles = kg.labels([row[0].value for row in table.rows], lang)
    return " · ".join(sorted(titles.values()))


def _data_date(kg: KnowledgeGraph, sources: list[Source]) -> str | None:
    table = kg.select("SELECT (MAX(STR(?m)) AS ?latest) WHERE { ?d a sckg:Dataset ; dcterms:modified ?m }")
    latest = to_python(table.rows[0][0]) if table.rows else None
    return latest or max((s.date for s in sources if s.date), default=None)


def _counts(kg: KnowledgeGraph, query: str, lang: str) -> list[tuple[str, int]]:
    """Rows ``(iri or None, count)`` as ``(label, count)``, largest first."""
    rows = [(row[0].value if row[0] is not None else None, int(row[1].value)) for row in kg.select(query).rows]
    labels = kg.labels([iri for iri, _ in rows if iri], lang)
    none = TEXTS[lang]["unspecified"]
    return sorted(((labels[i] if i else none, n) for i, n in rows), key=lambda r: (-r[1], r[0]))


def figures_section(kg: KnowledgeGraph, lang: str) -> Section:
    """Key figures: entities per class, budgets per field of action and per department."""
    t = TEXTS[lang]
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
        ((CLASS_LABELS[NODE_CLASSES[cls.value]][lang], int(n.value)) for cls, n in decision_rows),
        key=lambda r: (-r[1], r[0]),
    )
    overview = Table(
        [t["what"], t["count"]],
        [
            [t["actors"], sum(n for _, n in actors)],
            [t["projects"], sum(n for _, n in projects)],
            [t["fields"], records["fields"]],
            [t["goals"], records["goals"]],
            [t["decisions"], sum(n for _, n in decisions)],
        ],
        t["key_figures"],
    )
    section = Section(
        "figures",
        t["figures"],
        facts=dict(zip(["actors", "projects", "fields", "goals", "decisions"], (r[1] for r in overview.rows),
                       strict=True)),
        grid=True,
        tables=[
            overview,
            Table([t["kind"], t["count"]], [list(r) for r in actors], t["actors_by_kind"]),
            Table([t["status"], t["count"]], [list(r) for r in projects], t["projects_by_status"]),
            Table([t["class"], t["count"]], [list(r) for r in decisions], t["decisions_by_class"]),
        ],
    )
    for query, heading in (("budget-by-field", t["budget_by_field"]), ("budget-by-department", t["budget_by_dept"])):
        rows = run_named(kg, query, lang=lang).records()
        if not rows:
            continue
        label = "fieldLabel" if query == "budget-by-field" else "departmentLabel"
        section.tables.append(
            Table([t["name"], t["budget"], t["projects"]], [[r[label], money(r["budgetEUR"], lang), r["projects"]]
                                                            for r in rows], heading)
        )
        section.charts.append(Bars(heading, "EUR", [(r[label], float(r["budgetEUR"])) for r in rows]))
    if not section.charts:
        section.paragraphs.append(t["no_budgets"])
    return section


def open_points_section(kg: KnowledgeGraph, lang: str) -> Section:
    """The validation warnings (the inventory's open points) and the coverage gaps."""
    from ..validate import validate
    from .analysis import gaps_table

    t = TEXTS[lang]
    report = validate(kg, lang)
    gap_rows = gaps_table(kg, lang)
    section = Section(
        "open-points",
        t["open_points"],
        [t["open_points_intro"]],
        facts={"violations": len(report.violations), "open_points": len(report.warnings), "gaps": len(gap_rows.rows)},
    )
    if report.violations:
        section.paragraphs.append(t["violations"].format(n=len(report.violations)))
    if report.findings:
        rows = [[f.label, f.message, f.fix] for f in report.findings]
        section.tables.append(Table([t["entity"], t["finding"], t["fix"]], rows, t["validation"]))
    else:
        section.paragraphs.append(t["no_findings"])
    section.tables.append(gap_rows)
    return section


def fields_section(kg: KnowledgeGraph, lang: str) -> Section:
    """One subsection per field of action: its projects, actors, goals, budget and a focused map."""
    t = TEXTS[lang]
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

    section = Section("fields", t["fields_heading"], [t["fields_intro"]])
    for iri in sorted(fields, key=lambda i: labels[i].lower()):
        data = per_field[iri]
        rows = sorted(data["projects"])
        total = sum((b for *_, b in rows if b is not None), Decimal(0))
        sub = Section(f"field-{_slug(iri)}", labels[iri])
        if not rows:
            sub.paragraphs.append(t["field_without_projects"])
        else:
            summary = t["field_summary"]
            sub.paragraphs.append(
                summary.format(projects=len(rows), actors=len(set(data["actors"])), budget=money(total, lang))
            )
            sub.tables.append(
                Table([t["project"], t["status"], t["manager"], t["budget"]],
                      [[p, s, m, money(b, lang) if b is not None else ""] for p, s, m, b in rows])
            )
            sub.items.append(t["actors"] + ": " + ", ".join(sorted(set(data["actors"]))))
            sub.items.append(t["goals"] + ": " + (", ".join(sorted(set(data["goals"]))) or t["none"]))
            if len(rows) <= MAP_PROJECTS[-1][0]:
                depth = next(d for limit, d in MAP_PROJECTS if len(rows) <= limit)
                sub.maps.append(MapSpec(labels[iri], "entity", focus=iri, depth=depth))
            else:
                sub.paragraphs.append(t["field_map_left_out"].format(projects=len(rows)))
        section.subsections.append(sub)
    return section


def decisions_section(kg: KnowledgeGraph, lang: str) -> Section:
    """The timeline of decisions: which body deliberated or decided what, when."""
    t = TEXTS[lang]
    rows = run_named(kg, "decisions", lang=lang).records()
    section = Section("decisions", t["decisions_heading"], [t["decisions_intro"]])
    public = {True: t["public"], False: t["non_public"], None: ""}
    section.tables.append(
        Table([t["date"], t["body"], t["role"], t["subject"], t["session"]],
              [[r["date"] or "", r["bodyLabel"], r["roleLabel"], r["subject"], public[r["public"]]] for r in rows])
    )
    return section


def changes_section(old: KnowledgeGraph, new: KnowledgeGraph, lang: str) -> Section:
    """What changed since the previous snapshot (entities, relations, attributes)."""
    from ..diff import diff

    t = TEXTS[lang]
    result = diff(old, new, lang)
    section = Section("changes", t["changes"], facts={"changes": len(result.changes)})
    if not result.changes:
        section.paragraphs.append(t["no_changes"])
        return section
    words = t["change_words"]
    section.items = [f"{words[k]}: {n}" for k, n in result.summary().items()]
    section.tables.append(
        Table([t["change"], t["entity"], t["property"], t["old"], t["new"]],
              [[words[f"{c.kind} {c.change}"], c.subject_label, c.property, c.old, c.new] for c in result.changes])
    )
    return section


def _slug(iri: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in iri.rstrip("/#").rsplit("/", 1)[-1]).strip("-").lower()
