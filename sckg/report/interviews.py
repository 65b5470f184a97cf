"""The briefing's section "Was die Interviews sagen / What the interviews say": needs and problems
per field, needs no project answers, the inventory's blind spots, partners named but not met on a
project, and the workshops' ideas with their dots and goal drafts (from
:mod:`sckg.network.evidence`)."""

from __future__ import annotations

from ..formatting import long_date
from ..kg import KnowledgeGraph
from ..network.evidence import blind_spots, field_needs, named_partners, unanswered_needs
from ..words import Words
from .model import MapSpec, ReportTable, Section

#: The interviews and workshops: how many, their date range, statements and units heard.
_COUNTS = """
SELECT ?cls (COUNT(DISTINCT ?a) AS ?n) (MIN(?date) AS ?first) (MAX(?date) AS ?last)
       (COUNT(DISTINCT ?unit) AS ?units) WHERE {
  VALUES ?cls { sckg:Interview sckg:Workshop } ?a a ?cls
  OPTIONAL { ?a dcterms:date ?date } OPTIONAL { ?a sckg:interviewed|sckg:attendedBy ?unit }
} GROUP BY ?cls"""
#: The workshops' items with their dots (ideas, projects, goals, fields), most dots first.
_VOTES = """
SELECT ?item (SUM(?dots) AS ?total) WHERE { ?v a sckg:DotVote ; sckg:votedOn ?item ; sckg:dots ?dots
  FILTER(isNumeric(?dots)) } GROUP BY ?item"""
_DRAFTS = "SELECT ?goal ?w WHERE { ?goal sckg:draftedIn ?w }"


def interviews_section(kg: KnowledgeGraph, lang: str) -> Section | None:
    """The section, or None when the graph holds no interview and no workshop."""
    counts = {str(r["cls"]).rsplit("#", 1)[-1]: r for r in kg.select(_COUNTS).records()}
    if not any(int(r["n"] or 0) for r in counts.values()):
        return None
    w = Words("report", lang)
    interviews = counts.get("Interview", {})
    needs = field_needs(kg, lang=lang)
    unanswered = unanswered_needs(kg, lang=lang)
    spots = blind_spots(kg, lang=lang)
    partners = [r for r in named_partners(kg, lang=lang) if not r.shared_projects]
    statements = int(
        kg.select("SELECT (COUNT(?s) AS ?n) WHERE { ?s a sckg:Statement }").records()[0]["n"]
    )
    section = Section(
        "interviews",
        w["interviews"],
        facts={
            "interviews": int(interviews.get("n") or 0),
            "statements": statements,
            "unanswered_needs": len(unanswered),
            "blind_spots": len(spots),
        },
    )
    if interviews.get("n"):
        section.paragraphs.append(
            w(
                "interviews_intro",
                n=int(interviews["n"]),
                units=int(interviews["units"] or 0),
                first=long_date(str(interviews["first"] or "")[:10], lang),
                last=long_date(str(interviews["last"] or "")[:10], lang),
                statements=statements,
            )
        )
    if needs:
        section.tables.append(
            ReportTable(
                [w["field"], w["units"], w["needs"], w["problems"]],
                [[r.field, r.units, r.needs, r.problems] for r in needs],
                w["interviews_fields"],
            )
        )
    section.paragraphs += [str(note) for note in needs.notes]
    if unanswered:
        section.tables.append(
            ReportTable(
                [w["need"], w["raised_by"], w["source"], w["why"]],
                [[r.need, r.raised_by, r.source, r.reason] for r in unanswered],
                w["interviews_unanswered"],
            )
        )
    if spots:
        section.tables.append(
            ReportTable(
                [w["activity"], w["named_by"], w["source"]],
                [[r.activity, r.named_by, r.interview] for r in spots],
                w["interviews_blind_spots"],
            )
        )
    if partners:
        section.tables.append(
            ReportTable(
                [w["unit"], w["partner"], w["statements"]],
                [[r.unit, r.partner, r.statements] for r in partners],
                w["interviews_partners"],
            )
        )
        section.maps.append(MapSpec(w["interviews_map"], "partners"))
    _workshop_tables(kg, lang, section, w)
    return section


def _workshop_tables(kg: KnowledgeGraph, lang: str, section: Section, w: Words) -> None:
    """The dots per item and the goals drafted, when there were workshops."""
    votes = kg.select(_VOTES).bound_rows()
    drafts = kg.select(_DRAFTS).bound_rows()
    labels = kg.labels({r[0].value for r in votes} | {x.value for r in drafts for x in r}, lang)
    if votes:
        ranked = sorted(
            ((labels[item.value], int(float(total.value))) for item, total in votes),
            key=lambda r: (-r[1], r[0].casefold()),
        )
        section.tables.append(
            ReportTable([w["item"], w["dots"]], [list(r) for r in ranked], w["interviews_votes"])
        )
    if drafts:
        rows = sorted([labels[goal.value], labels[ws.value]] for goal, ws in drafts)
        section.tables.append(ReportTable([w["goal"], w["workshop"]], rows, w["interviews_drafts"]))


def interview_key_point(section: Section, lang: str) -> str | None:
    """The interviews' finding for the briefing's key points, one sentence with its figure and the
    question it puts to the steering group: the needs no project answers (None when there are
    none)."""
    open_needs = section.facts.get("unanswered_needs", 0)
    if not open_needs:
        return None
    return Words("report", lang)("interviews_key_point", n=open_needs)
