"""The council's history of the programme: what the council decided on each field and project, and
when.

Built from the named query ``council-history`` (the papers ``sckg link papers`` linked to a project
or field, with their consultations, committees, dates and results).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from ..kg import KnowledgeGraph
from ..namespaces import slug, tail
from ..queries import run_named
from ..typed import records
from ..words import Words
from .model import Link, ReportTable, Section

#: Each field's and project's table lists the latest this many consultations and papers.
ROWS_SHOWN = 20


def council_section(kg: KnowledgeGraph, lang: str) -> Section:
    """One subsection per field of action and per project with linked council papers: date,
    committee, role, result and paper (linked to the council information system), in date order."""
    w = Words("report", lang)
    section = Section("council", w["council_heading"], [w["council_intro"]])
    rows = records(
        run_named(kg, "council-history", lang=lang)
    )  # ill-typed values left out (sckg.typed)
    if not rows:
        any_paper = kg.ask("ASK { ?p a oparl:Paper }")
        section.paragraphs = [w["council_no_links" if any_paper else "council_no_papers"]]
        return section
    kinds: dict[str, str] = {
        r["x"]: r["k"]
        for r in kg.select(
            "SELECT ?x ?k WHERE { VALUES ?k { sckg:FieldOfAction sckg:Project } ?x a ?k }"
        ).records()
    }
    per_target: dict[str, list[dict[str, Any]]] = defaultdict(list)
    labels: dict[str, str] = {}
    for row in rows:
        per_target[row["target"]].append(row)
        labels[row["target"]] = row["targetLabel"] or tail(row["target"])
    fields_first = sorted(
        per_target,
        key=lambda i: (not kinds.get(i, "").endswith("FieldOfAction"), labels[i].casefold(), i),
    )
    for iri in fields_first:
        found = per_target[iri]
        papers = {r["paper"] for r in found}
        field = kinds.get(iri, "").endswith("FieldOfAction")
        summary = w("council_field_summary" if field else "council_project_summary", n=len(papers))
        sub = Section(f"council-{slug(tail(iri))}", labels[iri], [summary])
        table_rows = []
        for r in found:
            title = " ".join(filter(None, (r.get("reference"), r.get("paperLabel"))))
            web = str(r.get("web") or "")
            paper = Link(title, web) if web.startswith(("https://", "http://")) else title
            date = "" if r.get("date") is None else str(r["date"])
            table_rows.append(
                [
                    date,
                    r.get("committeeLabel") or "",
                    r.get("roleLabel") or "",
                    r.get("outcome") or "",
                    paper,
                    r.get("viaLabel") or "",
                ]
            )
        columns = [w["date"], w["body"], w["role"], w["result"], w["paper"], w["via_project"]]
        if not field:  # a project's own papers come via nothing
            columns, table_rows = columns[:-1], [row[:-1] for row in table_rows]
        if len(table_rows) > ROWS_SHOWN:  # rows are in date order: the latest, and how to see all
            sub.paragraphs.append(
                w("council_cut", shown=ROWS_SHOWN, total=len(table_rows), target=labels[iri])
            )
            table_rows = table_rows[-ROWS_SHOWN:]
        sub.tables.append(ReportTable(columns, table_rows))
        section.subsections.append(sub)
    return section
