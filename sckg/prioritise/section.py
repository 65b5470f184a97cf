"""The briefing's priority section: the newest prioritisation stored in the graph (an ``--assessment`` file
loaded with the city's data), read through SPARQL like every other section."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..report.model import ReportTable, Section
from ..words import t

if TYPE_CHECKING:
    from ..kg import KnowledgeGraph

_ASSESSMENT = """SELECT ?whole ?date ?summary ?item ?position ?result WHERE {
  ?whole a sckg:Assessment ; dcterms:date ?date .
  ?part dcterms:isPartOf ?whole ; sckg:assessed ?item ; schema:position ?position ; sckg:result ?result .
  OPTIONAL { ?whole sckg:result ?summary }
}"""


def priority_section(kg: KnowledgeGraph, lang: str = "de") -> Section | None:
    """The places of the newest prioritisation with their results; None when the graph holds none."""
    rows = kg.select(_ASSESSMENT).records()
    if not rows:
        return None
    newest = max(rows, key=lambda r: (str(r["date"]), r["whole"]))
    mine = sorted((r for r in rows if r["whole"] == newest["whole"]), key=lambda r: (int(r["position"]), r["item"]))
    labels = kg.labels({r["item"] for r in mine}, lang)
    section = Section("priorities", t("prio.section.heading", lang),
                      [t("prio.section.intro", lang, date=str(newest["date"])[:10])])
    if newest["summary"]:
        section.paragraphs.append(str(newest["summary"]))
    section.tables.append(ReportTable(
        [t("prio.chart.column.rank", lang), t("prio.chart.column.item", lang), t("prio.section.result", lang)],
        [[int(r["position"]), labels[r["item"]], str(r["result"])] for r in mine]))
    return section
