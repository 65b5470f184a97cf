"""Compute the steering group's briefing from the graph: every figure comes from a query or an
analysis."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from ..formatting import money, money_total
from ..kg import KnowledgeGraph
from ..namespaces import ACTOR_CLASSES, CITY_FIELDS, MODEL_GRAPH, slug, sparql_values, tail
from ..output import Progress
from ..queries import run_named
from ..results import to_python
from ..sources import data_info
from ..typed import amount, left_out, records
from ..words import Words, t
from .charts import (
    budget_chart,
    changes_chart,
    council_chart,
    roadmap_section,
    status_by_field_chart,
    status_chart,
)
from .council import council_section
from .interviews import interviews_section
from .model import MapSpec, Report, ReportTable, Section

_IN_DATA = f"GRAPH ?g {{ %s }} FILTER(?g != <{MODEL_GRAPH}>)"
#: A field's map shows what lies within 2 links of it (its projects, their actors and goals) up to
#: 40 projects, only its projects up to 300; a larger field gets no map (it would take seconds and
#: show a hairball).
MAP_PROJECTS = ((40, 2), (300, 1))
#: The decisions section lists the latest this many consultations and resolutions (each of its two
#: tables).
DECISIONS_SHOWN = 100
#: A council paper (``?paper``) is the programme's when it is linked to a project or field of action
#: (``sckg link papers``), or when the inventory records it itself: it is not part of an imported
#: council system (which puts every object ``sckg:inDataset`` its import).
PROGRAMME_PAPER = (
    "{ ?paper a oparl:Paper ; dcterms:subject ?linked . ?linked a ?linkedKind "
    "VALUES ?linkedKind { sckg:Project sckg:FieldOfAction } } "
    "UNION { ?paper a oparl:Paper FILTER NOT EXISTS { ?paper sckg:inDataset ?dataset } }"
)
#: The programme's decisions (``?x``): deciding consultations of its papers and the inventory's
#: resolutions.
PROGRAMME_DECISION = (
    "{ ?x a oparl:Consultation ; sckg:paper ?paper ; sckg:consultationRole role:decision . "
    + PROGRAMME_PAPER
    + " } UNION { ?x a sckg:Decision }"
)
#: The headline counts of council records, each with one definition (words ``definition.<key>``):
#: all papers, meetings and consultations, the programme's papers and its decisions.
COUNCIL_RECORDS = (
    '{ VALUES (?key ?cls) { ("papers" oparl:Paper) ("meetings" oparl:Meeting) '
    '("consultations" oparl:Consultation) } ?x a ?cls } '
    "UNION { " + PROGRAMME_PAPER + ' BIND(?paper AS ?x) BIND("programme_papers" AS ?key) } '
    "UNION { " + PROGRAMME_DECISION + ' BIND("decisions" AS ?key) }'
)
#: The key figures, in the order of the overview table.
FIGURES = (
    "actors",
    "projects",
    "fields",
    "goals",
    "papers",
    "meetings",
    "consultations",
    "programme_papers",
    "decisions",
)
_ACTOR_CLASSES = f"VALUES ?cls {{ {sparql_values(ACTOR_CLASSES)} }}"


def build_report(
    kg: KnowledgeGraph,
    *,
    lang: str = "de",
    title: str | None = None,
    since: KnowledgeGraph | None = None,
    compare: Sequence[KnowledgeGraph] = (),
    progress: Progress | None = None,
) -> Report:
    """The briefing for ``kg``; with ``since``, what changed since that snapshot comes first; with
    ``compare`` (other cities, one graph each), a benchmarking section comes last. ``progress`` is
    called as ``progress("sections", done, total)`` before each part (its analyses and charts)."""
    kg.require_data()
    with kg.cached():
        return _build(kg, lang, title, since, compare, progress or (lambda *_: None))


def _build(
    kg: KnowledgeGraph,
    lang: str,
    title: str | None,
    since: KnowledgeGraph | None,
    compare: Sequence[KnowledgeGraph],
    progress: Progress,
) -> Report:
    w = Words("report", lang)
    info = data_info(kg, lang, terms=True)
    from .keypoints import key_points_section
    from .process import legal_section, process_section
    from .strategy import strategy_section

    def overview() -> Section:
        maps = [MapSpec(w["map"], "entity", static_figure=True)]
        return Section("map", w["map"], [w["map_intro"]], maps=maps)

    parts: list[Callable[[], Section | list[Section] | None]] = [
        lambda: process_section(kg, lang),
        *([lambda: changes_section(since, kg, lang)] if since is not None else []),
        lambda: figures_section(kg, lang),
        lambda: roadmap_section(kg, lang),
        overview,
        lambda: strategy_section(kg, lang),
        lambda: analysis_sections(kg, lang),
        lambda: open_points_section(kg, lang),
        lambda: legal_section(kg, lang),
        lambda: interviews_section(kg, lang),
        lambda: fields_section(kg, lang),
        lambda: council_section(kg, lang),
        lambda: decisions_section(kg, lang),
        *([lambda: _benchmark_section(kg, compare, lang)] if compare else []),
        lambda: _priority_section(kg, lang),
    ]
    sections: list[Section] = []
    for done, part in enumerate(parts):
        progress("sections", done, len(parts))
        made = part()
        sections += made if isinstance(made, list) else [made] if made else []
    progress("sections", len(parts), len(parts))
    sections.insert(0, key_points_section(kg, sections, lang))  # drawn from every section above
    return Report(
        title=title or w["title"] + (f" – {info.title}" if info.title else ""),
        lang=lang,
        data_date=info.date,
        generated=datetime.now().strftime("%Y-%m-%d %H:%M"),
        sources=info.sources,
        sections=sections,
        data_dates=info.dated,
        notes=left_out(kg, lang),
        terms=info.terms,
    )


def _benchmark_section(kg: KnowledgeGraph, compare: Sequence[KnowledgeGraph], lang: str) -> Section:
    from .benchmark import benchmark_section

    return benchmark_section(kg, compare, lang)


def _priority_section(kg: KnowledgeGraph, lang: str) -> Section | None:
    from ..prioritise.section import priority_section

    return priority_section(kg, lang)


def analysis_sections(kg: KnowledgeGraph, lang: str) -> list[Section]:
    """The network analyses: bottleneck actors, dependency chains, silos and overlaps."""
    from .analysis import actors_section, dependencies_section, silos_section

    return [actors_section(kg, lang), dependencies_section(kg, lang), silos_section(kg, lang)]


def _counts(kg: KnowledgeGraph, query: str, lang: str) -> list[tuple[str, int]]:
    """Rows ``(iri or None, count)`` as ``(label, count)``, largest first."""
    rows = [
        (row[0].value if row[0] is not None else None, int(to_python(row[1])))
        for row in kg.select(query).rows
    ]
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
    # two counts in two sub-selects: Comunica counts nothing when a row leaves ?goal unbound
    records = kg.select(
        "SELECT ?fields ?goals WHERE { { SELECT (COUNT(DISTINCT ?field) AS ?fields) WHERE { "
        + CITY_FIELDS
        + " } } "
        "{ SELECT (COUNT(DISTINCT ?goal) AS ?goals) WHERE { ?goal a sckg:StrategicGoal } } }"
    ).records()[0]
    counted = {
        str(r["key"]): int(r["n"])
        for r in kg.select(
            f"SELECT ?key (COUNT(DISTINCT ?x) AS ?n) WHERE {{ {COUNCIL_RECORDS} }} GROUP BY ?key"
        ).records()
    }
    counted |= {
        "actors": sum(n for _, n in actors),
        "projects": sum(n for _, n in projects),
        "fields": int(records["fields"]),
        "goals": int(records["goals"]),
    }
    facts = {key: counted.get(key, 0) for key in FIGURES}
    names, definitions = Words("fact", lang), Words("definition", lang)
    overview = ReportTable(
        [w["what"], w["count"], w["counted"]],
        [[_capital(names[key]), n, definitions[key]] for key, n in facts.items()],
        w["key_figures"],
    )
    section = Section(
        "figures",
        w["figures"],
        facts=facts,
        grid=True,
        tables=[
            overview,
            *(
                [
                    ReportTable(
                        [w["kind"], w["count"]], [list(r) for r in actors], w["actors_by_kind"]
                    )
                ]
                if actors
                else []
            ),
            # projects by status: the table of the chart of the same name (below)
        ],
    )
    budgets = [
        chart
        for chart in (
            budget_chart(kg, "budget-by-field", lang),
            budget_chart(kg, "budget-by-department", lang),
        )
        if chart
    ]
    if not budgets and projects:
        section.paragraphs.append(w["no_budgets"])
    section.charts += budgets
    section.charts += [
        chart for chart in (status_chart(kg, lang), status_by_field_chart(kg, lang)) if chart
    ]
    return section


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def open_points_section(kg: KnowledgeGraph, lang: str) -> Section:
    """The validation warnings (the inventory's open points) and the coverage gaps."""
    from ..validate import validate
    from .analysis import gaps_table

    w = Words("report", lang)
    report = validate(kg, lang=lang)
    gap_rows = gaps_table(kg, lang)
    section = Section(
        "open-points",
        w["open_points"],
        [w["open_points_intro"]],
        facts={
            "violations": len(report.violations),
            "open_points": len(report.warnings),
            "gaps": len(gap_rows.rows),
        },
    )
    if report.violations:
        section.paragraphs.append(w("violations", n=len(report.violations)))
    if report.findings:
        rows = [[f.label, f.message, f.fix] for f in report.findings]
        section.tables.append(
            ReportTable([w["entity"], w["finding"], w["fix"]], rows, w["validation"])
        )
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
        "SELECT DISTINCT ?field ?goal WHERE { ?p sckg:inFieldOfAction ?field ; sckg:contributesTo "
        "?goal }"
    ).bound_rows()
    from ..network.projection import project

    coverage = project(kg, "coverage", lang=lang)
    fields = {node for node, attrs in coverage.nodes(data=True) if attrs.get("cls") == "field"}
    iris = fields | {term.value for r in projects for term in r[1:4] if term is not None}
    iris |= {r[1].value for r in actors} | {r[1].value for r in goals}
    labels = kg.labels(iris, lang)

    per_field: dict[str, dict[str, list[Any]]] = defaultdict(
        lambda: {"projects": [], "actors": [], "goals": []}
    )
    for field_, project_, status, manager, budget in projects:
        assert field_ is not None and project_ is not None  # the other three are optional
        per_field[field_.value]["projects"].append(
            (
                labels[project_.value],
                labels[status.value] if status else "",
                labels[manager.value] if manager else "",
                amount(budget),
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
        rows = sorted(data["projects"], key=lambda row: row[:3])  # budgets may be unknown (None)
        sub = Section(f"field-{slug(tail(iri))}", labels[iri])
        if not rows:
            sub.paragraphs.append(w["field_without_projects"])
        else:
            sub.paragraphs.append(
                w(
                    "field_summary",
                    projects=t("count.projects", lang, n=len(rows)),
                    actors=t("count.actors", lang, n=len(set(data["actors"]))),
                    budget=money_total((b for *_, b in rows), lang),
                )
            )
            sub.tables.append(
                ReportTable(
                    [w["project"], w["status"], w["manager"], w["budget"]],
                    [[p, s, m, money(b, lang)] for p, s, m, b in rows],
                )
            )
            sub.items.append(
                w["actors"] + ": " + (", ".join(sorted(set(data["actors"]))) or w["none"])
            )
            sub.items.append(
                w["goals"] + ": " + (", ".join(sorted(set(data["goals"]))) or w["none"])
            )
            if len(rows) <= MAP_PROJECTS[-1][0]:
                depth = next(d for limit, d in MAP_PROJECTS if len(rows) <= limit)
                sub.maps.append(MapSpec(labels[iri], "entity", focus=iri, depth=depth))
            else:
                sub.paragraphs.append(w("field_map_left_out", projects=len(rows)))
        section.subsections.append(sub)
    return section


def decisions_section(kg: KnowledgeGraph, lang: str) -> Section:
    """The timeline of the programme's decisions: which body deliberated or decided on the
    programme's papers (:data:`PROGRAMME_PAPER`) when, and the inventory's resolutions; all council
    business, programme or not, below it in a table that opens with one click."""
    w = Words("report", lang)
    rows = records(
        run_named(kg, "decisions", lang=lang)
    )  # an ill-typed date is left out (and noted)
    section = Section("decisions", w["decisions_heading"], [w["decisions_intro"]])
    if not rows:
        section.paragraphs.append(w["no_decisions"])
        return section
    ours = {
        r["x"]
        for r in kg.select(
            "SELECT DISTINCT ?x WHERE { { ?x a oparl:Consultation ; sckg:paper ?paper . "
            f"{PROGRAMME_PAPER} }} UNION {{ ?x a sckg:Decision }} }}"
        ).records()
    }
    programme = [r for r in rows if r["item"] in ours]
    columns = [w["date"], w["body"], w["role"], w["subject"], w["session"]]
    if not programme:
        section.paragraphs.append(w["no_programme_decisions"])
    else:
        if len(programme) > DECISIONS_SHOWN:  # the latest, the rest by query
            section.paragraphs.append(
                w("decisions_cut", shown=DECISIONS_SHOWN, total=len(programme))
            )
        section.tables.append(ReportTable(columns, _decision_rows(programme[-DECISIONS_SHOWN:], w)))
    if len(rows) > len(programme):  # the council's other business: one click away
        caption = (
            w("all_business", total=len(rows))
            if len(rows) <= DECISIONS_SHOWN
            else w("all_business_cut", shown=DECISIONS_SHOWN, total=len(rows))
        )
        section.tables.append(
            ReportTable(
                columns, _decision_rows(rows[-DECISIONS_SHOWN:], w), caption, collapsed=True
            )
        )
    section.charts += [chart for chart in (council_chart(kg, lang),) if chart]
    return section


def _decision_rows(rows: list[dict[str, Any]], w: Words) -> list[list[Any]]:
    """The decisions query's rows as the table's cells (text, never ``None``)."""
    public = {True: w["public"], False: w["non_public"]}
    return [
        [
            str(r["date"] or ""),
            r["bodyLabel"] or "",
            r["roleLabel"] or "",
            r["subject"] or "",
            public.get(r["public"], ""),
        ]
        for r in rows
    ]


def changes_section(old: KnowledgeGraph, new: KnowledgeGraph, lang: str) -> Section:
    """What changed since the previous snapshot (entities, relations, attributes)."""
    from ..diff import diff

    w = Words("report", lang)
    result = diff(old, new, lang=lang)
    section = Section("changes", w["changes"], facts={"changes": len(result.changes)})
    if not result.changes:
        section.paragraphs.append(w["no_changes"])
        return section
    section.items = [
        f"{t('change.' + k.replace(' ', '-'), lang)}: {n}" for k, n in result.summary().items()
    ]
    if result.papers:  # what the steering group asks first: what the council did on our projects
        section.paragraphs.append(
            t("diff.new_papers", lang, n=len({c.subject for c in result.papers}))
        )
        section.tables.append(
            ReportTable(
                [w["paper"], w["about"]],
                [[c.subject_label, c.new] for c in result.papers],
                w["new_papers"],
            )
        )
    linked = {
        (c.subject, c.object) for c in result.papers
    }  # listed above, labelled: not again as raw rows
    rows = [
        [t(f"change.{c.kind}-{c.change}", lang), c.subject_label, c.property, c.old, c.new]
        for c in result.changes
        if c.kind != "relation" or (c.subject, c.object) not in linked
    ]
    if rows:
        section.tables.append(
            ReportTable([w["change"], w["entity"], w["property"], w["old"], w["new"]], rows)
        )
    section.charts += [chart for chart in (changes_chart(old, new, lang),) if chart]
    return section
