"""Writes data/musterstadt/scoring.xlsx: the fictional steering group's scores and pairwise
comparisons.

Everything in it is invented: three fictional members (roles, no persons), scores drawn from a
seeded random generator around what the graph says, two scores left out on purpose (the command
reports them). Run from the checkout: ``.venv/bin/python tests/assets/make_musterstadt_scoring.py``.
"""

from __future__ import annotations

import itertools
import math
import random
from io import BytesIO
from pathlib import Path

from openpyxl import load_workbook

from sckg.kg import KnowledgeGraph, collect_files
from sckg.prioritise.ahp import saaty_value
from sckg.prioritise.criteria import GRAPH_CRITERIA, items
from sckg.prioritise.workbook import (
    COMPARISONS,
    INFO,
    PEOPLE_CRITERIA,
    SAATY,
    SCORES,
    template_bytes,
)

ROOT = Path(__file__).resolve().parents[2]
MEMBERS = ["Stabsstelle Smart City (fiktiv)", "Kämmerei (fiktiv)", "Stadtwerke (fiktiv)"]
BASE = {
    "goals": 12,
    "dependents": 12,
    "mandate": 10,
    "budget": 6,
    "milestones": 6,
    "readiness": 6,
    "impact": 20,
    "urgency": 12,
    "effort": 8,
    "risk": 8,
}
#: Scores nobody gave (item slug, member index, criterion): reported as missing, never read as 0.
LEFT_OUT = {("leerstandsmanagement", 1, "effort"), ("digitaler-zwilling", 2, "risk")}


def _saaty(ratio: float) -> str:
    """The Saaty judgment nearest to ``ratio`` (on a log scale)."""
    return min(SAATY, key=lambda text: abs(math.log(saaty_value(text) / ratio)))


def main() -> None:
    kg = KnowledgeGraph.open(collect_files([ROOT / "data" / "musterstadt"]), "memory")
    found, _ = items(kg, "projects", "de")
    criteria = [*GRAPH_CRITERIA, *PEOPLE_CRITERIA]
    data = template_bytes([(i.iri, i.label, "") for i in found], criteria, MEMBERS)
    wb = load_workbook(BytesIO(data))
    rng = random.Random(2026)
    ws = wb[SCORES]
    for row, item in enumerate(found, start=3):
        slug = item.iri.rsplit("/", 1)[1]
        reach = (
            float(item.values["goals"].value or 0) + float(item.values["dependents"].value or 0) / 2
        )
        for m in range(len(MEMBERS)):
            for c, key in enumerate(PEOPLE_CRITERIA):
                if (slug, m, key) in LEFT_OUT:
                    continue
                centre = {
                    "impact": 2 + reach,
                    "urgency": 2 + float(item.values["milestones"].value or 0),
                    "effort": 3,
                    "risk": 2.5,
                }[key]
                score = max(1, min(5, round(centre + rng.uniform(-1.5, 1.5))))
                ws.cell(row=row, column=4 + m * len(PEOPLE_CRITERIA) + c, value=score)
    pairs = wb[COMPARISONS]
    row = 2
    for _member in MEMBERS:
        weights = {k: v * rng.uniform(0.8, 1.25) for k, v in BASE.items()}
        for a, b in itertools.combinations(criteria, 2):
            pairs.cell(row=row, column=4, value=_saaty(weights[a] / weights[b]))
            row += 1
    wb[INFO]["B1"] = "ja"
    wb[INFO]["A2"] = (
        "Alle Bewertungen und Mitglieder sind erfunden. / All scores and members are invented."
    )
    wb.save(ROOT / "data" / "musterstadt" / "scoring.xlsx")


if __name__ == "__main__":
    main()
