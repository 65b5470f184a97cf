""" "Das Wichtigste in Kürze / Key points": at most seven findings drawn from the briefing's
sections, ranked by consequence, each one sentence with its figure, a link to its section and the
question it puts to the steering group. Computed, never written by hand; the same list opens the
meeting deck.

The findings come from a registry of providers (:data:`PROVIDERS`): a provider reads the graph and
the sections already built and returns its findings (none when there is nothing to say). Another
part of sckg adds its own with :func:`register_key_point`::

    register_key_point("my-finding", my_provider)

A finding's ``weight`` is the consequence of its kind (lower comes first: a broken inventory before
an overdue milestone before a missing output); findings of the same weight come by their figure,
largest first.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..kg import KnowledgeGraph
from ..words import Words, t
from .model import Link, ReportTable, Section

#: The briefing shows at most this many key points.
LIMIT = 7


@dataclass(frozen=True)
class KeyPoint:
    """One finding: its weight (consequence, lower first), figure, sentence, section and
    question."""

    weight: int
    figure: int
    text: str
    section: str
    question: str


#: A provider: the graph, the sections built so far (by key) and the language → its findings.
Provider = Callable[[KnowledgeGraph, dict[str, Section], str], list[KeyPoint]]


def _point(
    w: Words, kind: str, weight: int, figure: int, section: str, **values: object
) -> KeyPoint:
    """The finding of ``kind`` with its sentence and question (words
    ``keypoint.text|question.<kind>``)."""
    return KeyPoint(
        weight,
        figure,
        t(f"keypoint.text.{kind}", w.lang, n=figure, **values),
        section,
        t(f"keypoint.question.{kind}", w.lang, n=figure, **values),
    )


def _violations(kg: KnowledgeGraph, sections: dict[str, Section], lang: str) -> list[KeyPoint]:
    n = sections["open-points"].facts.get("violations", 0) if "open-points" in sections else 0
    return [_point(Words("keypoint", lang), "violations", 10, n, "open-points")] if n else []


def _overdue(kg: KnowledgeGraph, sections: dict[str, Section], lang: str) -> list[KeyPoint]:
    from ..network.coverage import _overdue_milestones

    n = len(_overdue_milestones(kg))
    return [_point(Words("keypoint", lang), "overdue", 20, n, "roadmap")] if n else []


def _cycles(kg: KnowledgeGraph, sections: dict[str, Section], lang: str) -> list[KeyPoint]:
    facts = sections["dependencies"].facts if "dependencies" in sections else {}
    w = Words("keypoint", lang)
    if facts.get("cycles"):
        return [_point(w, "cycles", 30, facts["cycles"], "dependencies")]
    if facts.get("chain", 0) >= 3:
        return [_point(w, "chain", 60, facts["chain"], "dependencies")]
    return []


def _bottlenecks(kg: KnowledgeGraph, sections: dict[str, Section], lang: str) -> list[KeyPoint]:
    if "actors" not in sections:
        return []
    caption = Words("report", lang)["cuts"]
    cuts = [t for t in sections["actors"].tables if t.caption == caption]
    n = len({row[1] for t in cuts for row in t.rows})
    return [_point(Words("keypoint", lang), "bottlenecks", 40, n, "actors")] if n else []


def _legal(kg: KnowledgeGraph, sections: dict[str, Section], lang: str) -> list[KeyPoint]:
    n = sections["legal"].facts.get("legal_points", 0) if "legal" in sections else 0
    return [_point(Words("keypoint", lang), "legal", 35, n, "legal")] if n else []


def _interviews(kg: KnowledgeGraph, sections: dict[str, Section], lang: str) -> list[KeyPoint]:
    """The needs raised in interviews that no project answers."""
    n = sections["interviews"].facts.get("unanswered_needs", 0) if "interviews" in sections else 0
    return [_point(Words("keypoint", lang), "interviews", 40, n, "interviews")] if n else []


def _goals(kg: KnowledgeGraph, sections: dict[str, Section], lang: str) -> list[KeyPoint]:
    from ..network.coverage import gaps

    n = sum(row.kind == "goal-without-project" for row in gaps(kg, lang=lang))
    return [_point(Words("keypoint", lang), "goals", 45, n, "open-points")] if n else []


def _no_goals(kg: KnowledgeGraph, sections: dict[str, Section], lang: str) -> list[KeyPoint]:
    if "strategy" not in sections or kg.ask("ASK { ?g a sckg:StrategicGoal }"):
        return []
    return [_point(Words("keypoint", lang), "no_goals", 50, 0, "strategy")]


def _undecided(kg: KnowledgeGraph, sections: dict[str, Section], lang: str) -> list[KeyPoint]:
    n = (
        sections["strategy"].facts.get("projects_without_decision", 0)
        if "strategy" in sections
        else 0
    )
    return [_point(Words("keypoint", lang), "undecided", 70, n, "strategy")] if n else []


def _process(kg: KnowledgeGraph, sections: dict[str, Section], lang: str) -> list[KeyPoint]:
    facts = sections["process"].facts if "process" in sections else {}
    n = facts.get("outputs_missing", 0)
    total = n + facts.get("outputs_done", 0)
    return [_point(Words("keypoint", lang), "process", 55, n, "process", total=total)] if n else []


def _priorities(kg: KnowledgeGraph, sections: dict[str, Section], lang: str) -> list[KeyPoint]:
    rows = kg.select(
        "SELECT ?whole ?date ?item ?position WHERE { ?whole a sckg:Assessment ; dcterms:date ?date "
        ". "
        "?part dcterms:isPartOf ?whole ; sckg:assessed ?item ; schema:position ?position }"
    ).records()
    wholes = sorted({(str(r["date"]), r["whole"]) for r in rows}, reverse=True)
    if len(wholes) < 2:
        return []
    (_, new), (_, old) = wholes[:2]
    place = {(r["whole"], r["item"]): int(r["position"]) for r in rows}
    moved = sum(
        1
        for (whole, item), position in place.items()
        if whole == new and place.get((old, item), position) != position
    )
    return [_point(Words("keypoint", lang), "priorities", 65, moved, "priorities")] if moved else []


#: The providers, in no particular order (the weights rank the findings).
PROVIDERS: dict[str, Provider] = {
    "violations": _violations,
    "overdue": _overdue,
    "cycles": _cycles,
    "legal": _legal,
    "interviews": _interviews,
    "bottlenecks": _bottlenecks,
    "goals": _goals,
    "no_goals": _no_goals,
    "process": _process,
    "priorities": _priorities,
    "undecided": _undecided,
}


def register_key_point(name: str, provider: Provider) -> None:
    """Add (or replace) the provider ``name``: it is asked for its findings with every briefing."""
    PROVIDERS[name] = provider


def key_points(
    kg: KnowledgeGraph, sections: list[Section], lang: str = "de", limit: int = LIMIT
) -> list[KeyPoint]:
    """The findings of every provider on the built ``sections``, most consequential first, at most
    ``limit``."""
    by_key = {s.key: s for s in sections}
    found = [point for provider in PROVIDERS.values() for point in provider(kg, by_key, lang)]
    return sorted(found, key=lambda p: (p.weight, -p.figure, p.text))[:limit]


def key_points_section(kg: KnowledgeGraph, sections: list[Section], lang: str) -> Section:
    """The briefing's first section: the key points as a table (finding, question, section link)."""
    w = Words("keypoint", lang)
    points = key_points(kg, sections, lang)
    headings = {s.key: s.heading for s in sections}
    section = Section("key-points", w["heading"], facts={"key_points": len(points)})
    if not points:
        section.paragraphs.append(w["none"])
        return section
    section.tables.append(
        ReportTable(
            [w["number"], w["finding"], w["question"], w["section"]],
            [
                [n, p.text, p.question, Link(headings.get(p.section, p.section), f"#{p.section}")]
                for n, p in enumerate(points, 1)
            ],
            w["caption"],
        )
    )
    return section
