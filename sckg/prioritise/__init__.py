"""Prioritising projects or fields of action with the steering group (``sckg prioritise``).

The graph gives criteria with their reasons (:mod:`.criteria`); the steering group scores impact,
urgency, effort and risk and sets the weights in a workbook (:mod:`.workbook`), directly or by
pairwise comparisons (:mod:`.ahp`); PROMETHEE II ranks, TOPSIS cross-checks and random weight
changes show which places are fragile (:mod:`.rank`); :mod:`.waves` orders the projects in
half-years that respect their dependencies.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import DataError, Message
from ..formatting import number, percent
from ..network.common import names, with_next_step
from ..words import check_lang, choice, error_message, t
from . import ahp as ahp_module
from .ahp import AhpResult, aggregate, ahp, check_consistent
from .criteria import GRAPH_CRITERIA, VOTES, Item, Value, graph_criteria, items, vote_criteria
from .rank import Criterion, Ranking, Sensitivity, criterion_flows, rank, sensitivity
from .workbook import COMPARISONS, PEOPLE_CRITERIA, WEIGHTS, Scores, read_scores

if TYPE_CHECKING:
    from ..kg import KnowledgeGraph

__all__ = ["Prioritisation", "RankRow", "prioritise"]

#: PROMETHEE thresholds (q, p) of the people's scores (1 ... 5): half a step is no preference, two
#: full.
SCORE_THRESHOLDS = (0.5, 2.0)


@dataclass(frozen=True)
class RankRow:
    """An item's place (PROMETHEE II), net flow, TOPSIS place, places under weight changes,
    fragility."""

    rank: int
    label: str
    flow: float
    topsis: int
    within_10: str
    within_25: str
    fragile: bool
    department: str
    iri: str


@dataclass
class Prioritisation:
    """The items with their criteria; with scores also the weights, the ranking and its
    sensitivity."""

    what: str
    items: list[Item]
    criteria: list[Criterion]
    notes: list[str] = field(default_factory=list)
    weights: dict[str, float] = field(default_factory=dict)
    ahp: AhpResult | None = None
    ranking: Ranking | None = None
    ranked: list[Item] = field(default_factory=list)
    sensitivity: Sensitivity | None = None
    rows: list[RankRow] = field(default_factory=list)
    scores: Scores | None = None

    def criteria_table(self) -> tuple[list[str], list[list[Any]]]:
        """Columns and rows: per item and criterion its value and reason."""
        rows = [
            [i.label, c.key, i.values[c.key].value, i.values[c.key].reason, i.iri]
            for i in self.items
            for c in self.criteria
            if c.key in i.values
        ]
        return ["item", "criterion", "value", "reason", "iri"], rows

    def ranks(self) -> dict[str, int]:
        """IRI → place."""
        return {r.iri: r.rank for r in self.rows}


def prioritise(
    kg: KnowledgeGraph,
    what: str = "projects",
    *,
    scores: Scores | Path | None = None,
    lang: str = "de",
    runs: int = 1000,
    seed: int = 1,
) -> Prioritisation:
    """The graph's criteria of the open projects or the fields of action (``what``); with ``scores``
    (a filled scoring workbook, or what :func:`sckg.prioritise.workbook.read_scores` read from one)
    also the weights, the PROMETHEE II ranking with TOPSIS as cross-check and the sensitivity over
    ``runs`` random weight changes (``seed``)."""
    from ..choices import PrioritiseWhat

    check_lang(lang)
    choice(what, PrioritiseWhat, "what", "choice.item_kind")
    found, notes = items(kg, what, lang)
    criteria = graph_criteria(lang) + vote_criteria(found, lang)
    result = Prioritisation(what, found, criteria, notes)
    if not found:  # e.g. council data alone: what is missing is the items, not the scores
        nothing = error_message(f"prio.note.nothing.{what}")
        result.notes.append(with_next_step(kg, nothing).in_lang(lang))
        return result
    if scores is None:
        result.notes.append(Message(t("prio.note.no_scores", lang)))
        return result
    if not isinstance(scores, Scores):
        scores = read_scores(
            Path(scores),
            [i.iri for i in found],
            [*GRAPH_CRITERIA, VOTES, *PEOPLE_CRITERIA],
            what=what,
            others=_other_items(kg, what),
        )
    result.scores = scores
    people = [
        Criterion(k, t(f"prio.criterion.{k}", lang), benefit, *SCORE_THRESHOLDS)
        for k, benefit in PEOPLE_CRITERIA.items()
    ]
    result.criteria = criteria + people
    _merge_scores(result, scores, lang)
    result.weights = _weights(result, scores, lang)
    used = [c for c in result.criteria if result.weights.get(c.key, 0) > 0]
    ranked = [i for i in found if all(i.values[c.key].value is not None for c in used)]
    left = [i.label for i in found if i not in ranked]
    if left:
        result.notes.append(t("prio.note.unranked", lang, names=names(left, lang, 10)))
    if not ranked or not used:
        return result
    matrix = [[float(i.values[c.key].value or 0) for c in used] for i in ranked]
    w = [result.weights[c.key] for c in used]
    flows = criterion_flows(matrix, used)
    result.ranking = rank(matrix, w, used, flows=flows)
    result.sensitivity = sensitivity(flows, w, runs=runs, seed=seed)
    result.ranked = ranked
    result.rows = _rows(result, kg, lang)
    result.notes.append(
        t(
            "prio.note.method",
            lang,
            rho=_rho(result.ranking, lang),
            thresholds="; ".join(
                f"{c.label} q={number(c.q, lang, 1)} p={number(c.p, lang, 1)}" for c in used
            ),
        )
    )
    fragile = [r.label for r in result.rows if r.fragile]
    result.notes.append(
        t(
            "prio.note.sensitivity",
            lang,
            runs=number(runs, lang),
            seed=seed,
            names=names(fragile, lang, 10) if fragile else t("prio.none", lang),
        )
    )
    return result


def _other_items(kg: KnowledgeGraph, what: str) -> set[str]:
    """The IRIs of the items of the other kind: the fields of action when ranking projects, the
    projects when ranking fields."""
    kind = "sckg:FieldOfAction" if what == "projects" else "sckg:Project"
    return {x.value for (x,) in kg.select(f"SELECT ?x WHERE {{ ?x a {kind} }}").bound_rows()}


def _merge_scores(result: Prioritisation, scores: Scores, lang: str) -> None:
    """Each item's people's criteria: the mean of the members' scores, with who gave what; missing
    noted."""
    missing: list[str] = []
    for item in result.items:
        given = scores.values.get(item.iri, {})
        for key in PEOPLE_CRITERIA:
            by = given.get(key, {})
            for member in scores.members:
                if member not in by:
                    missing.append(f"{item.label} ({member}: {t(f'prio.criterion.{key}', lang)})")
            if by:
                mean = sum(by.values()) / len(by)
                reason = (
                    ", ".join(f"{m} {v}" for m, v in by.items()) + f" → {number(mean, lang, 2)}"
                )
                item.values[key] = Value(round(mean, 6), reason)
            else:
                item.values[key] = Value(None, t("prio.score.none", lang))
    result.notes.append(
        t("prio.note.scores", lang, members=", ".join(scores.members), n=len(scores.members))
    )
    if scores.fictional:
        result.notes.append(t("prio.note.fictional", lang))
    if missing:
        result.notes.append(t("prio.note.missing", lang, names=names(missing, lang, 10)))


def _weights(result: Prioritisation, scores: Scores, lang: str) -> dict[str, float]:
    labels = {c.key: c.label for c in result.criteria}
    if scores.judgments:
        keys = sorted(
            {k for pair in aggregate(list(scores.judgments.values())) for k in pair},
            key=list(labels).index,
        )
        if len(keys) > max(ahp_module.RANDOM_INDEX):
            raise DataError(
                error_message(
                    "error.ahp_size_sheet",
                    file=scores.file,
                    sheet=COMPARISONS,
                    most=max(ahp_module.RANDOM_INDEX),
                    n=len(keys),
                    weights=WEIGHTS,
                )
            )
        result.ahp = check_consistent(
            ahp(keys, aggregate(list(scores.judgments.values())), lang=lang, labels=labels), lang
        )
        weights = dict(zip(keys, result.ahp.weights, strict=True))
        text = t(
            "prio.note.weights.ahp",
            lang,
            n=len(scores.judgments),
            cr=number(result.ahp.cr, lang, 3),
            weights=_weight_text(weights, labels, lang),
        )
    elif scores.weights:
        # shares of the largest weight first, so that weights near the largest float add up
        top = max(scores.weights.values())
        if not top > 0:
            raise DataError(error_message("error.weights_zero", file=scores.file))
        total = sum(v / top for v in scores.weights.values())
        weights = {k: v / top / total for k, v in scores.weights.items()}
        text = t("prio.note.weights.direct", lang, weights=_weight_text(weights, labels, lang))
    else:
        raise DataError(error_message("error.no_weights", file=scores.file))
    result.notes.append(text)
    return weights


def _weight_text(weights: dict[str, float], labels: dict[str, str], lang: str) -> str:
    return ", ".join(
        f"{labels.get(k, k)} {percent(v, lang, 1)}" for k, v in weights.items() if v > 0
    )


def _rho(ranking: Ranking, lang: str) -> str:
    return "–" if ranking.spearman is None else number(ranking.spearman, lang, 2)


def _rows(result: Prioritisation, kg: KnowledgeGraph, lang: str) -> list[RankRow]:
    assert result.ranking is not None and result.sensitivity is not None
    ranking, sens = result.ranking, result.sensitivity
    depts = kg.labels({i.department for i in result.ranked if i.department}, lang)
    small, large = min(sens.bands), max(sens.bands)
    rows = [
        RankRow(
            ranking.ranks[n],
            item.label,
            round(ranking.flows[n], 4),
            ranking.topsis_ranks[n],
            band_text(sens.bands[small][n]),
            band_text(sens.bands[large][n]),
            sens.fragile[n],
            depts.get(item.department or "", ""),
            item.iri,
        )
        for n, item in enumerate(result.ranked)
    ]
    return sorted(rows, key=lambda r: (r.rank, r.label.casefold(), r.iri))


def band_text(band: tuple[int, int]) -> str:
    """Places from ``low`` to ``high`` as text: ``6–9``, or ``7`` when both are the same."""
    low, high = band
    return str(low) if low == high else f"{low}–{high}"
