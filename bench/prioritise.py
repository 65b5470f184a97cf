"""Time of ``sckg prioritise``: the ranking with its sensitivity, and the graph criteria against
loading.

Cases: PROMETHEE II, TOPSIS and 1,000 sensitivity runs per spread (±10 %, ±25 %) on 1,000 random
items × 10 criteria (goal < 5 s), against the same ranking by pymcdm's PROMETHEE II called once per
run (the baseline: what the sensitivity would cost without reusing the per-criterion flows; measured
on 20 runs and scaled); and the graph criteria of a generated ~100k-triple city against loading it
(goal < 3× the load). Imports (pymcdm brings pandas, scipy and matplotlib) are paid once per process
and printed apart.

Run: .venv/bin/python bench/prioritise.py [--repeat 3] [--items 1000] [--runs 1000]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np

from sckg.generate import generate_chunks
from sckg.kg import KnowledgeGraph
from sckg.prioritise.criteria import items
from sckg.prioritise.rank import Criterion, criterion_flows, rank, sensitivity

ROOT = Path(__file__).resolve().parent.parent


def ranking(values: np.ndarray, weights: list[float], criteria: list[Criterion], runs: int) -> None:
    flows = criterion_flows(values, criteria)
    rank(values, weights, criteria, flows=flows)
    sensitivity(flows, weights, runs=runs, seed=1)


def baseline(
    values: np.ndarray, weights: list[float], criteria: list[Criterion], runs: int
) -> float:
    """Seconds per run of pymcdm's PROMETHEE II on the whole matrix with changed weights."""
    from pymcdm.methods import PROMETHEE_II

    rng = np.random.default_rng(1)
    w = np.array(weights)
    types = np.array([1 if c.benefit else -1 for c in criteria])
    started = time.perf_counter()
    for _ in range(runs):
        changed = w * (1 + rng.uniform(-0.1, 0.1, len(w)))
        method = PROMETHEE_II("vshape_2", p=[c.p for c in criteria], q=[c.q for c in criteria])
        method(values, changed / changed.sum(), types, validation=False)
    return (time.perf_counter() - started) / runs


def warm_up() -> float:
    """Seconds to import what the ranking and the criteria need (pymcdm brings pandas, scipy,
    matplotlib; networkx; the SPARQL parser), by one run on the fictional city: paid once per
    process, timed apart."""
    started = time.perf_counter()
    kg = KnowledgeGraph.open([ROOT / "data" / "musterstadt"])
    items(kg, "projects", "de")
    rank([[1.0], [2.0]], [1.0], [Criterion("x", "x")])
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--items", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=1000)
    parser.add_argument(
        "--projects",
        type=int,
        default=3700,
        help="projects of the generated city (~27 triples each)",
    )
    args = parser.parse_args()
    print(
        f"imports and a first run on Musterstadt: {warm_up():.2f} s (once per process, not in the "
        "figures below)"
    )
    rng = np.random.default_rng(1)
    values = rng.integers(1, 6, size=(args.items, 10)).astype(float)
    criteria = [Criterion(f"c{k}", f"c{k}", k % 4 != 3, 0.5, 2.0) for k in range(10)]
    weights = list(rng.uniform(0.5, 1.5, 10))
    times = []
    for _ in range(args.repeat):
        started = time.perf_counter()
        ranking(values, weights, criteria, args.runs)
        times.append(time.perf_counter() - started)
    ours = statistics.median(times)
    per_run = baseline(values, weights, criteria, 20)
    base = per_run * 2 * args.runs
    print(f"{'case':44} {'s':>8} {'baseline s':>11} {'x faster':>9} {'goal':>10}")
    print(
        f"{f'rank + {args.runs} runs x 2 spreads, {args.items}x10':44} {ours:8.2f} {base:11.1f} "
        f"{base / ours:9.0f} {'< 5 s ' + ('ok' if ours < 5 else 'MISSED'):>10}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        generated = Path(tmp) / "generated.ttl"
        generated.write_text("".join(generate_chunks(args.projects, seed=1)), encoding="utf-8")
        loads, jobs = [], []
        for _ in range(args.repeat):
            started = time.perf_counter()
            kg = KnowledgeGraph.open([generated])
            loaded = time.perf_counter()
            found, _ = items(kg, "projects", "de")
            jobs.append(time.perf_counter() - loaded)
            loads.append(loaded - started)
        load, job = statistics.median(loads), statistics.median(jobs)
        print(
            f"{f'graph criteria, {len(kg.triples())} triples, {len(found)} projects':44} "
            f"{job:8.2f} {load:11.2f} {job / load:8.2f}x "
            f"{'< 3x load ' + ('ok' if job < 3 * load else 'MISSED'):>10}"
        )


if __name__ == "__main__":
    main()
