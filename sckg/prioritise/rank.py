"""Ranking items on weighted criteria with pymcdm: PROMETHEE II (the main method), TOPSIS (a
cross-check), their Spearman rank correlation, and the sensitivity of each place to changes of the
weights.

PROMETHEE II compares every pair of items on every criterion with a preference function (pymcdm's
``vshape_2``: no preference up to a difference of ``q``, rising linearly to full preference at
``p``; ``usual`` when both are 0: any difference is full preference). An item's net flow is linear
in the weights, φ = Σ wₖ φₖ, so the sensitivity runs reuse the per-criterion flows (computed once by
pymcdm) and cost one matrix product for all runs. Equal net flows share a place (competition
ranking: 1, 2, 2, 4), so an item that is at least as good on every criterion never ranks below the
other.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import ParameterError
from ..words import error_message

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

#: The weight changes of the sensitivity analysis (± share of each weight).
SPREADS = (0.10, 0.25)
#: Decimals at which two net flows count as equal (sums of the same terms in another order differ at
#: 1e-16).
_DECIMALS = 10


@dataclass(frozen=True)
class Criterion:
    """A criterion: its key, label, direction (``benefit``: more is better) and PROMETHEE
    thresholds."""

    key: str
    label: str
    benefit: bool = True
    q: float = 0.0
    p: float = 0.0

    @property
    def function(self) -> str:
        """pymcdm's name of the preference function."""
        return "usual" if self.p == 0 else "vshape_2"


@dataclass(frozen=True)
class Ranking:
    """Net flows and places (PROMETHEE II), TOPSIS scores and places, and their Spearman
    correlation."""

    flows: tuple[float, ...]
    ranks: tuple[int, ...]
    topsis: tuple[float, ...]
    topsis_ranks: tuple[int, ...]
    spearman: float | None


@dataclass(frozen=True)
class Sensitivity:
    """Per item and spread: the 5th and 95th percentile of its place over ``runs`` random weight
    changes."""

    seed: int
    runs: int
    bands: dict[float, tuple[tuple[int, int], ...]]
    fragile: tuple[bool, ...]


def places(scores: npt.ArrayLike) -> np.ndarray:
    """Competition ranks, highest score first (1, 2, 2, 4); along the last axis of a 2-D array."""
    import numpy as np

    s = -np.round(np.atleast_2d(np.asarray(scores, dtype=float)), _DECIMALS)
    order = np.argsort(s, axis=-1, kind="stable")
    ordered = np.take_along_axis(s, order, axis=-1)
    position = np.broadcast_to(np.arange(s.shape[-1]), s.shape)
    starts = np.where(np.diff(ordered, axis=-1, prepend=np.nan) != 0, position, 0)
    ranks = np.empty(s.shape, dtype=int)
    np.put_along_axis(ranks, order, np.maximum.accumulate(starts, axis=-1) + 1, axis=-1)
    return ranks if np.ndim(scores) > 1 else ranks[0]


def criterion_flows(values: npt.ArrayLike, criteria: Sequence[Criterion]) -> np.ndarray:
    """The PROMETHEE II net flow of each item on each criterion alone (items × criteria), by
    pymcdm."""
    import numpy as np
    from pymcdm.methods import PROMETHEE_II

    matrix = np.asarray(values, dtype=float)
    if matrix.ndim != 2 or matrix.shape[1] != len(criteria):
        raise ParameterError(
            error_message("error.rank_values", n=len(criteria), shape=matrix.shape)
        )
    if matrix.shape[0] < 2:
        return np.zeros(matrix.shape)
    # one criterion at a time: the net flow is linear in the weights
    flows = np.empty(matrix.shape)
    for k, c in enumerate(criteria):
        method = PROMETHEE_II(c.function, p=[c.p], q=[c.q]) if c.p else PROMETHEE_II("usual")
        flows[:, k] = method(
            matrix[:, [k]], np.array([1.0]), np.array([1 if c.benefit else -1]), validation=False
        )
    return flows


def rank(
    values: npt.ArrayLike,
    weights: Sequence[float],
    criteria: Sequence[Criterion],
    *,
    flows: npt.ArrayLike | None = None,
) -> Ranking:
    """PROMETHEE II net flows and places of the items (rows of ``values``), TOPSIS as a cross-check;
    ``flows``: the items' :func:`criterion_flows` when already computed."""
    import numpy as np

    w = _weights(weights, criteria)
    matrix = np.asarray(values, dtype=float)
    per_criterion = (
        criterion_flows(matrix, criteria) if flows is None else np.asarray(flows, dtype=float)
    )
    net = per_criterion @ w
    scores = _topsis(matrix, w, criteria)
    ranks, topsis_ranks = places(net), places(scores)
    return Ranking(
        tuple(map(float, net)),
        tuple(map(int, ranks)),
        tuple(map(float, scores)),
        tuple(map(int, topsis_ranks)),
        _spearman(ranks, topsis_ranks),
    )


def _weights(weights: Sequence[float], criteria: Sequence[Criterion]) -> np.ndarray:
    import numpy as np

    w = np.asarray(weights, dtype=float)
    if w.shape != (len(criteria),) or (w < 0).any() or not w.sum() > 0:
        raise ParameterError(
            error_message("error.rank_weights", n=len(criteria), weights=list(weights))
        )
    return np.asarray(w / w.sum())


def _topsis(matrix: np.ndarray, w: np.ndarray, criteria: Sequence[Criterion]) -> np.ndarray:
    """TOPSIS closeness (pymcdm, min-max normalisation); criteria with one value for all items are
    left out."""
    import numpy as np
    from pymcdm.methods import TOPSIS

    keep = [k for k in range(matrix.shape[1]) if np.ptp(matrix[:, k]) > 0 and w[k] > 0]
    if matrix.shape[0] < 2 or not keep:
        return np.zeros(matrix.shape[0])
    types = np.array([1 if criteria[k].benefit else -1 for k in keep])
    kept = w[keep] / w[keep].sum()
    return np.asarray(TOPSIS()(matrix[:, keep], kept, types, validation=False), dtype=float)


def _spearman(a: np.ndarray, b: np.ndarray) -> float | None:
    """Spearman's rank correlation (pymcdm), None when either ranking puts every item in one
    place."""
    import numpy as np
    from pymcdm.correlations import spearman

    if len(a) < 2 or np.ptp(a) == 0 or np.ptp(b) == 0:
        return None
    return float(spearman(a.astype(float), b.astype(float)))


def sensitivity(
    flows: npt.ArrayLike,
    weights: Sequence[float],
    *,
    runs: int = 1000,
    seed: int = 1,
    spreads: Sequence[float] = SPREADS,
) -> Sensitivity:
    """The places of the items when each weight is changed by a random share up to ± each of
    ``spreads`` (uniform, independently, then normalised again), ``runs`` times per spread with the
    random ``seed``.

    ``flows`` are the per-criterion flows of :func:`criterion_flows`. An item is fragile when, at
    the smallest spread, the middle 90 % of its places reach more than one place above or below its
    place.
    """
    import numpy as np

    if runs < 1:
        raise ParameterError(error_message("error.at_least_one_got", param="runs", value=runs))
    per_criterion = np.asarray(flows, dtype=float)
    w = np.asarray(weights, dtype=float)
    base = places(per_criterion @ (w / w.sum()))
    rng = np.random.default_rng(seed)
    bands: dict[float, tuple[tuple[int, int], ...]] = {}
    for spread in spreads:
        changed = w[None, :] * (1 + rng.uniform(-spread, spread, size=(runs, len(w))))
        changed /= changed.sum(axis=1, keepdims=True)
        ranks = places(changed @ per_criterion.T)  # runs × items
        low, high = np.percentile(ranks, [5, 95], axis=0, method="nearest")
        bands[spread] = tuple((int(a), int(b)) for a, b in zip(low, high, strict=True))
    first = bands[min(spreads)]
    fragile = tuple(is_fragile(band, int(r)) for band, r in zip(first, base, strict=True))
    return Sensitivity(seed, runs, bands, fragile)


def is_fragile(band: tuple[int, int], place: int) -> bool:
    """Whether the middle 90 % of an item's places (``band``) reach more than one place from
    ``place``."""
    low, high = band
    return low < place - 1 or high > place + 1
