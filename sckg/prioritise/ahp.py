"""Criterion weights from pairwise comparisons: the Analytic Hierarchy Process (AHP).

A comparison says how much more important criterion A is than B on Saaty's scale (1 equal, 3
moderately, 5 strongly, 7 very strongly, 9 extremely more important; 2, 4, 6, 8 between; 1/3 ... 1/9
the other way round). The weights are the principal eigenvector of the reciprocal matrix; the
consistency ratio CR = CI / RI with CI = (λmax − n) / (n − 1) and Saaty's random index RI (Saaty,
*The Analytic Hierarchy Process*, 1980). Above CR 0.1 the judgments contradict each other too much
to be used: :func:`check_consistent` refuses them and names the three comparisons that fit together
worst. Several members' judgments are combined by the geometric mean of each comparison (Aczél and
Saaty 1983), which keeps the matrix reciprocal.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..errors import DataError, ParameterError
from ..formatting import number
from ..words import error_message, t

#: Saaty's random consistency index by the number of criteria (Saaty 1980, Table 1.3, n = 1 ... 15:
#: the mean consistency index of random reciprocal matrices). The dip at n = 12 (1.48 after 1.51)
#: is in Saaty's table; later simulations give 1.5117, 1.5356, 1.5571, 1.5714, 1.5831 for
#: n = 11 ... 15 (Tummala & Ling 1998, the table of pymcdm's ``AHP.RI_M``), so with 12 criteria the
#: ratio here is at most 4 % stricter. Musterstadt's template has 11 criteria (with the workshop
#: votes).
RANDOM_INDEX = {
    1: 0.0,
    2: 0.0,
    3: 0.58,
    4: 0.90,
    5: 1.12,
    6: 1.24,
    7: 1.32,
    8: 1.41,
    9: 1.45,
    10: 1.49,
    11: 1.51,
    12: 1.48,
    13: 1.56,
    14: 1.57,
    15: 1.59,
}
#: Judgments with a higher consistency ratio are refused (Saaty's 10 % rule).
MAX_CR = 0.1

Pair = tuple[str, str]


class InconsistentError(DataError):
    """The comparisons contradict each other (consistency ratio above 0.1)."""


@dataclass(frozen=True)
class Contradiction:
    """Three comparisons that do not fit together: A over B times B over C should be A over C."""

    first: str
    middle: str
    last: str
    first_middle: float
    middle_last: float
    first_last: float
    text: str


@dataclass(frozen=True)
class AhpResult:
    """The weights of ``criteria`` (summing to 1), λmax, consistency index and ratio, worst triads
    first."""

    criteria: tuple[str, ...]
    weights: tuple[float, ...]
    lambda_max: float
    ci: float
    cr: float
    contradictions: tuple[Contradiction, ...]

    @property
    def consistent(self) -> bool:
        """Whether the consistency ratio is at most :data:`MAX_CR`."""
        return self.cr <= MAX_CR


def saaty_value(text: str) -> float:
    """A Saaty judgment from a cell: ``5``, ``1/5`` or ``0.2``; :class:`ValueError` outside 1/9 ...
    9."""
    cleaned = text.strip().replace(",", ".")
    if "/" in cleaned:
        top, _, bottom = cleaned.partition("/")
        value = float(top) / float(bottom)
    else:
        value = float(cleaned)
    if not 1 / 9 - 1e-9 <= value <= 9 + 1e-9:
        raise ValueError(text)
    return value


def aggregate(judgments: Sequence[Mapping[Pair, float]]) -> dict[Pair, float]:
    """The geometric mean of each comparison over the members who made it (a judgment of B over A
    counts as the reciprocal of A over B)."""
    logs: dict[Pair, list[float]] = {}
    for member in judgments:
        for (a, b), value in member.items():
            key, sign = ((a, b), 1.0) if a <= b else ((b, a), -1.0)
            logs.setdefault(key, []).append(sign * math.log(value))
    return {pair: math.exp(sum(v) / len(v)) for pair, v in sorted(logs.items())}


def matrix(criteria: Sequence[str], judgments: Mapping[Pair, float]) -> list[list[float]]:
    """The reciprocal comparison matrix; every pair of ``criteria`` must be judged (in either
    order)."""
    index = {c: i for i, c in enumerate(criteria)}
    n = len(criteria)
    m = [[1.0] * n for _ in range(n)]
    seen: set[Pair] = set()
    for (a, b), value in judgments.items():
        if a not in index or b not in index or a == b:
            raise ParameterError(
                error_message("error.ahp_pair", a=a, b=b, criteria=", ".join(criteria))
            )
        m[index[a]][index[b]], m[index[b]][index[a]] = value, 1 / value
        seen.add((min(a, b), max(a, b)))
    missing = [
        f"{a} – {b}"
        for a, b in itertools.combinations(criteria, 2)
        if (min(a, b), max(a, b)) not in seen
    ]
    if missing:
        raise DataError(error_message("error.ahp_missing", missing=", ".join(missing)))
    return m


def ahp(
    criteria: Sequence[str],
    judgments: Mapping[Pair, float],
    *,
    lang: str = "de",
    labels: Mapping[str, str] | None = None,
) -> AhpResult:
    """The AHP weights and consistency of ``judgments`` ((A, B) → how much more important A is than
    B)."""
    import numpy as np

    n = len(criteria)
    if n not in RANDOM_INDEX:
        raise ParameterError(error_message("error.ahp_size", most=max(RANDOM_INDEX), n=n))
    a = np.array(matrix(criteria, judgments))
    values, vectors = np.linalg.eig(a)
    best = int(np.argmax(values.real))
    lam = float(values[best].real)
    w = np.abs(vectors[:, best].real)
    w = w / w.sum()
    ci = max(0.0, (lam - n) / (n - 1)) if n > 2 else 0.0
    cr = ci / RANDOM_INDEX[n] if RANDOM_INDEX[n] else 0.0
    names = labels or {}
    triads = _triads(list(criteria), a.tolist(), lang, names)
    return AhpResult(tuple(criteria), tuple(float(x) for x in w), lam, ci, cr, tuple(triads[:3]))


def _triads(
    criteria: list[str], m: list[list[float]], lang: str, labels: Mapping[str, str]
) -> list[Contradiction]:
    """Triples of criteria, the worst misfit first: |log(a_ik / (a_ij · a_jk))|, oriented so a_ij ≥
    1 and a_jk ≥ 1."""
    found = []
    for i, j, k in itertools.permutations(range(len(criteria)), 3):
        if m[i][j] < 1 or m[j][k] < 1 or (m[i][j] == 1 and m[j][k] == 1 and i > k):
            continue
        misfit = abs(math.log(m[i][k] / (m[i][j] * m[j][k])))
        if misfit > 1e-9:
            found.append((misfit, i, j, k))
    found.sort(key=lambda f: (-f[0], f[1:]))
    seen: set[frozenset[int]] = set()
    rows = []
    for _misfit, i, j, k in found:
        if frozenset((i, j, k)) in seen:
            continue
        seen.add(frozenset((i, j, k)))
        a, b, c = (labels.get(criteria[x], criteria[x]) for x in (i, j, k))
        text = t(
            "prio.ahp.triad",
            lang,
            a=a,
            b=b,
            c=c,
            ab=_times(m[i][j], lang),
            bc=_times(m[j][k], lang),
            ac=_relation(a, c, m[i][k], lang),
            implied=_times(m[i][j] * m[j][k], lang),
        )
        rows.append(
            Contradiction(criteria[i], criteria[j], criteria[k], m[i][j], m[j][k], m[i][k], text)
        )
    return rows


def _times(value: float, lang: str) -> str:
    return number(value, lang, 0 if abs(value - round(value)) < 1e-9 else 1)


def _relation(a: str, c: str, value: float, lang: str) -> str:
    if abs(value - 1) < 1e-9:
        return t("prio.ahp.equal", lang, a=a, c=c)
    if value > 1:
        return t("prio.ahp.more", lang, a=a, c=c, n=_times(value, lang))
    return t("prio.ahp.more", lang, a=c, c=a, n=_times(1 / value, lang))


def check_consistent(result: AhpResult, lang: str = "de") -> AhpResult:
    """``result`` when its consistency ratio is at most 0.1, else :class:`InconsistentError` naming
    the worst contradictions."""
    if result.consistent:
        return result
    worst = " ".join(f"({i}) {c.text}" for i, c in enumerate(result.contradictions, 1))
    raise InconsistentError(
        t("prio.ahp.inconsistent", lang, cr=number(result.cr, lang, 2), worst=worst)
    )
