"""A sequence of waves (half-years) that respects dependencies: no project before what it depends
on.

Each wave takes, in order of priority, the open projects whose open prerequisites all lie in earlier
waves, with at most ``capacity`` projects per department and wave when a capacity is given (a
project without a lead department uses no department's capacity: its reason says so). A
dependency cycle among the open projects makes a sequence impossible and is refused with the cycle
named.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from ..errors import DataError, ParameterError
from ..kg import KnowledgeGraph
from ..network.common import canonical_subgraph, names
from ..network.dependencies import CycleRow, critical_path, cycles
from ..network.projection import project
from ..sources import data_date
from ..words import error_message, t

if TYPE_CHECKING:
    import networkx as nx


@dataclass(frozen=True)
class WaveRow:
    """A project in its wave, with its priority rank and what it waits for."""

    wave: int
    period: str
    rank: int | None
    label: str
    department: str
    critical: bool
    reason: str
    iri: str


def waves(
    kg: KnowledgeGraph, ranks: dict[str, int], *, capacity: int | None = None, lang: str = "de"
) -> list[WaveRow]:
    """The open projects in waves: ``ranks`` (IRI → place) orders each wave; projects without a
    place come after the ranked ones, by label. ``capacity``: most projects per department and
    wave; projects without a department are not limited by it."""
    if capacity is not None and capacity < 1:
        raise ParameterError(
            error_message("error.at_least_one_got", param="capacity", value=capacity)
        )
    deps = project(kg, "dependencies", lang=lang)
    todo = {p for p in deps if deps.nodes[p].get("status") != "completed"}
    sub = canonical_subgraph(deps, todo)
    found = blocking_cycle(kg, deps, lang)
    if found:
        raise DataError(t("prio.waves.cycle", lang, cycle=found.projects))
    chain = {row.iri for row in critical_path(kg, lang=lang, graph=sub)}
    label = {p: deps.nodes[p].get("label", p) for p in todo}
    dept = {p: deps.nodes[p].get("department") or "" for p in todo}
    dept_labels = kg.labels({d for d in dept.values() if d}, lang)
    key = {p: (ranks.get(p, len(ranks) + 1), label[p].casefold(), p) for p in todo}
    wave_of: dict[str, int] = {}
    moved: set[str] = set()
    wave = 0
    while len(wave_of) < len(todo):
        wave += 1
        used: dict[str, int] = {}
        ready = sorted(
            (
                p
                for p in todo
                if p not in wave_of
                and all(q in wave_of and wave_of[q] < wave for q in sub.successors(p))
            ),
            key=key.__getitem__,
        )
        for p in ready:
            if not dept[p]:  # no lead department: no department's capacity to use up
                wave_of[p] = wave
                continue
            if capacity is not None and used.get(dept[p], 0) >= capacity:
                moved.add(p)
                continue
            used[dept[p]] = used.get(dept[p], 0) + 1
            wave_of[p] = wave
    start = data_date(kg)
    rows = []
    for p in sorted(todo, key=lambda p: (wave_of[p], key[p])):
        before = sorted(label[q] for q in sub.successors(p))
        reason = (
            t("prio.waves.after", lang, names=names(before, lang, 5))
            if before
            else t("prio.waves.first", lang)
        )
        if p in moved:
            reason += t("prio.waves.capacity", lang, department=dept_labels.get(dept[p], dept[p]))
        elif capacity is not None and not dept[p]:
            reason += t("prio.waves.no_department", lang)
        rows.append(
            WaveRow(
                wave_of[p],
                _period(start, wave_of[p], lang),
                ranks.get(p),
                label[p],
                dept_labels.get(dept[p], ""),
                p in chain,
                reason,
                p,
            )
        )
    return rows


def _period(start: str | None, wave: int, lang: str) -> str:
    """The half-year of ``wave``: the first is the half-year after the data date's."""
    if start is None:
        return ""
    day = date.fromisoformat(start[:10])
    index = day.year * 2 + (day.month > 6) + wave
    return t("prio.waves.half", lang, half=index % 2 + 1, year=index // 2)


def blocking_cycle(kg: KnowledgeGraph, deps: nx.DiGraph[str], lang: str = "de") -> CycleRow | None:
    """The first cycle among the open projects of the dependency projection ``deps``: no waves while
    it is there."""
    todo = [p for p in deps if deps.nodes[p].get("status") != "completed"]
    found = cycles(kg, lang=lang, graph=canonical_subgraph(deps, todo), limit=1)
    return found[0] if found else None
