"""Benchmark of ``sckg compare``: precision and recall of best-practice candidates on hand-labelled
pairs, and the time a comparison of the three bundled cities takes against loading them.

``tests/assets/compare/labelled-pairs.csv`` holds pairs of a Braunschweig or Musterstadt project and
an Ulm measure or project, judged by hand from the titles before the matcher existed; the judgement
covers each listed project against all of Ulm's titles (a pair not in the file is not similar, see
the README there). Each of the two cities is compared with Ulm (``sckg compare --data data/X --data
data/ulm --city X``); its candidates (default top and threshold) are the proposals. The projects are
split by a hash of their IRI into ``tune`` and ``holdout``; the score was tuned on ``tune`` only
(``--errors`` lists the tune half's mistakes, never the others).

``tests/assets/compare/sdg-labels.csv`` holds 100 Ulm measures with their SDG targets, labelled by
hand before the proposer (:mod:`sckg.targets`) existed, split the same way, and 31 more Ulm entries
(``holdout2``) labelled after the proposer was settled and before it ran on them, the projects
of Braunschweig and Musterstadt (``others``), and Ulm's 24 strategic goals (``goals``, labelled
before the proposer ran on them); precision and recall count (measure, target) pairs.
The proposer's settings are chosen on ``tune`` and ``others`` (``--cv``, which reads nothing else).

A generated city of about 100,000 triples (``sckg.generate``) is compared with Ulm (coverage, gaps,
structure, best practice for each of its projects), against loading both in the same run, wall clock
and CPU; it runs first, so its time includes loading the word matcher's dictionary (simplemma),
which every comparison with Ulm's titles needs once.

    python bench/compare.py              # precision and recall of both halves, and the timing
    python bench/compare.py --errors     # plus the wrong and missed pairs of the tune half
    python bench/compare.py --cv         # only the tuning data: settings by cross-validation

``--cv`` reads nothing of the held-out halves: for each project of the tune half it chooses the
threshold on the other projects (the best F0.5, precision weighing twice as much as recall; the
middle of the first range of thresholds that reach it) and counts that project's proposals at that
threshold; then the threshold the whole tune half chooses, which ``sckg.compare.THRESHOLD`` is.
It then chooses the SDG proposer's settings on ``tune`` and ``others`` the same way (leaving each
project out), by the setting nearest both goals (see :func:`sdg_cross_validation`).
"""

from __future__ import annotations

import argparse
import csv
import itertools
import math
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sckg.compare import (  # noqa: E402
    THRESHOLD,
    CityData,
    best_practice,
    compare,
    coverage,
    gaps,
    load_city,
    structure,
)
from sckg.kg import KnowledgeGraph  # noqa: E402
from sckg.output import render  # noqa: E402
from sckg.targets import (  # noqa: E402
    MARGIN,
    POINTS,
    SDG,
    TOP,
    Points,
    propose_targets,
)
from sckg.targets import THRESHOLD as TARGET_THRESHOLD  # noqa: E402

LABELLED = ROOT / "tests/assets/compare/labelled-pairs.csv"
SDG_LABELLED = ROOT / "tests/assets/compare/sdg-labels.csv"
DATA = ROOT / "data"
#: holdout2 and goals were labelled after the proposer was settled, before it ran on them.
SPLITS = ("tune", "others", "holdout", "holdout2", "goals")
Counts = tuple[int, int, int]
GOAL = (0.8, 0.7)  # precision, recall: --cv chooses the setting nearest both, then by F1
TUNING = ("tune", "others")  # Ulm's tune half; Braunschweig's and Musterstadt's projects
SDG_CITIES = ("ulm", "braunschweig", "musterstadt")
#: The settings --cv tries: a reference field's points, those of the field's other projects, the
#: least score, and the share of the first target's score a second one needs (inf: no second).
FIELD_POINTS = (0.0, 0.25, 0.5, 0.75, 1.0)
SIBLING_POINTS = (0.0, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0)
THRESHOLDS = (0.25, 0.5, 0.75, 1.0)
MARGINS = (math.inf, 1.0, 0.9, 0.75, 0.6)
Setting = tuple[float, float, float, float]


def labelled(path: Path = LABELLED) -> tuple[dict[str, str], dict[str, set[str]], dict[str, str]]:
    """The split of each project, its similar Ulm entries, and the titles of every IRI."""
    split: dict[str, str] = {}
    similar: dict[str, set[str]] = defaultdict(set)
    titles: dict[str, str] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            split[row["project"]] = row["split"]
            titles[row["project"]], titles[row["measure"]] = (
                row["project_title"],
                row["measure_title"],
            )
            if row["similar"] == "yes":
                similar[row["project"]].add(row["measure"])
    return split, similar, titles


def proposals(
    thresholds: tuple[float, ...] = (THRESHOLD,), keep: set[str] | None = None
) -> dict[float, dict[str, set[str]]]:
    """The Ulm entries proposed for each Braunschweig and Musterstadt project (those in ``keep``
    when given) at each threshold."""
    ulm = KnowledgeGraph.open([DATA / "ulm"])
    found: dict[float, dict[str, set[str]]] = {th: defaultdict(set) for th in thresholds}
    for city in ("braunschweig", "musterstadt"):
        comparison = compare([KnowledgeGraph.open([DATA / city]), ulm])
        for th in thresholds:
            for candidate in best_practice(comparison, comparison.cities[0].city.iri, threshold=th):
                if keep is None or candidate.project.iri in keep:
                    found[th][candidate.project.iri].add(candidate.example.iri)
    return found


def counts(projects: set[str], right: dict[str, set[str]], found: dict[str, set[str]]) -> Counts:
    """Right, wrong and missed pairs of ``projects``."""
    return (
        sum(len(found[k] & right[k]) for k in projects),
        sum(len(found[k] - right[k]) for k in projects),
        sum(len(right[k] - found[k]) for k in projects),
    )


def f_half(hit: int, wrong: int, missed: int) -> float:
    """F0.5: precision weighs twice as much as recall."""
    return 1.25 * hit / (1.25 * hit + 0.25 * missed + wrong) if hit else 0.0


def choose(projects: set[str], right: dict[str, set[str]], runs: dict[float, Any]) -> list[float]:
    """The first range of thresholds with the best F0.5 on ``projects``."""
    scored = [(f_half(*counts(projects, right, runs[th])), th) for th in sorted(runs)]
    best = max(f for f, _ in scored)
    start = next(i for i, (f, _) in enumerate(scored) if f == best)
    end = next((i for i in range(start, len(scored)) if scored[i][0] != best), len(scored))
    return [th for _, th in scored[start:end]]


def cross_validation(split: dict[str, str], right: dict[str, set[str]]) -> None:
    """Leave one project of the tune half out, choose the threshold on the others, count its pairs
    at that threshold; print the sums and the threshold of the whole tune half."""
    tune = {p for p, s in split.items() if s == "tune"}
    runs = proposals(tuple(round(0.5 + i / 100, 2) for i in range(71)), keep=tune)
    total, chosen = [0, 0, 0], set()
    for project in sorted(tune):
        middle = (best := choose(tune - {project}, right, runs))[len(best) // 2]
        chosen.add(middle)
        total = [a + b for a, b in zip(total, counts({project}, right, runs[middle]), strict=True)]
    hit, wrong, missed = total
    print(
        f"leave one project out ({len(tune)} of the tune half): thresholds "
        f"{', '.join(map(str, sorted(chosen)))}; precision {hit / max(hit + wrong, 1):.2f}, "
        f"recall {hit / max(hit + missed, 1):.2f} ({hit}/{wrong}/{missed})"
    )
    best = choose(tune, right, runs)
    middle = best[len(best) // 2]
    print(
        f"the whole tune half: best F0.5 from {best[0]} to {best[-1]}, middle {middle} "
        f"({'/'.join(map(str, counts(tune, right, runs[middle])))})"
    )


def sdg_labelled(path: Path = SDG_LABELLED) -> tuple[dict[str, str], dict[str, set[str]]]:
    """The split of each measure and its SDG targets."""
    split: dict[str, str] = {}
    targets: dict[str, set[str]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            split[row["measure"]] = row["split"]
            targets[row["measure"]] = {SDG + code for code in row["targets"].split()}
    return split, targets


def sdg_cities() -> list[CityData]:
    """The three bundled cities whose projects and measures are labelled."""
    return [load_city(KnowledgeGraph.open([DATA / c])) for c in SDG_CITIES]


def sdg_proposals() -> dict[str, set[str]]:
    """The SDG targets proposed for each project and measure of the labelled cities."""
    found: dict[str, set[str]] = defaultdict(set)
    for data in sdg_cities():
        for proposal in propose_targets(data):
            found[proposal.project.iri].add(proposal.target)
    return found


def sdg_settings(keys: list[str]) -> dict[Setting, dict[str, set[str]]]:
    """The targets proposed for each of ``keys`` with each setting (field points, sibling points,
    threshold, margin)."""
    cities = sdg_cities()
    found: dict[Setting, dict[str, set[str]]] = {}
    for field, siblings in itertools.product(FIELD_POINTS, SIBLING_POINTS):
        points = Points(POINTS.description, field, siblings)
        ranked: dict[str, list[tuple[float, str]]] = defaultdict(list)
        for data in cities:
            for p in propose_targets(data, 2, 0.01, points, 0.0):
                ranked[p.project.iri].append((p.score, p.target))
        for threshold, margin in itertools.product(THRESHOLDS, MARGINS):
            found[field, siblings, threshold, margin] = {
                k: {
                    target
                    for n, (score, target) in enumerate(ranked[k])
                    if score >= threshold and (n == 0 or score >= margin * ranked[k][0][0])
                }
                for k in keys
            }
    return found


def sdg_counts(
    right: dict[str, set[str]], found: dict[str, set[str]], keys: list[str]
) -> list[int]:
    """Right, wrong and missed (measure, target) pairs of ``keys``."""
    return [
        sum(len(found[k] & right[k]) for k in keys),
        sum(len(found[k] - right[k]) for k in keys),
        sum(len(right[k] - found[k]) for k in keys),
    ]


def sdg_cross_validation() -> None:
    """The setting best on the tuning sets (Ulm's tune half and the other cities): the highest
    of the smaller of precision / 0.8 and recall / 0.7 (``GOAL``), then of F1; and leave-one-out
    cross-validation of that choice: each measure proposed with the setting best on the others."""
    split, right = sdg_labelled()
    keys = sorted(k for k, s in split.items() if s in TUNING)
    found = sdg_settings(keys)

    def best(among: list[str]) -> Setting:
        def goal(setting: Setting) -> tuple[float, float]:
            hit, wrong, missed = sdg_counts(right, found[setting], among)
            precision, recall = hit / max(1, hit + wrong), hit / (hit + missed)
            return min(precision / GOAL[0], recall / GOAL[1]), 2 * hit / (2 * hit + wrong + missed)

        return max(found, key=goal)

    def lines(name: str, chosen: dict[str, set[str]]) -> list[list[Any]]:
        rows = []
        for part in TUNING:
            hit, wrong, missed = sdg_counts(right, chosen, [k for k in keys if split[k] == part])
            precision, recall = hit / (hit + wrong), hit / (hit + missed)
            rows.append(
                [name, part, f"{precision:.2f}", f"{recall:.2f}", f"{hit}/{wrong}/{missed}"]
            )
        return rows

    now = (POINTS.field, POINTS.siblings, TARGET_THRESHOLD, MARGIN if TOP > 1 else math.inf)
    chosen = best(keys)
    picks: dict[Setting, int] = defaultdict(int)
    loo: dict[str, set[str]] = {}
    for k in keys:
        setting = best([o for o in keys if o != k])
        picks[setting] += 1
        loo[k] = found[setting][k]
    print(
        f"SDG targets: {len(keys)} labelled projects to tune on; settings (field, siblings, "
        f"threshold, margin) from {len(found)}:\n"
    )
    rows = [
        *lines(f"sckg's {now}", found[now]),
        *lines(f"best {chosen}", found[chosen]),
        *lines("leave-one-out", loo),
    ]
    columns = ["setting", "set", "precision", "recall", "right/wrong/missed"]
    print(render(columns, rows, "table"), end="")
    print("settings chosen leaving one out:", dict(sorted(picks.items(), key=lambda kv: -kv[1])))


def scores(
    split: dict[str, str], right: dict[str, set[str]], found: dict[str, set[str]]
) -> list[list[Any]]:
    """Per half: its size, precision, recall, and the counts of right, wrong and missed pairs."""
    rows: list[list[Any]] = []
    for name in SPLITS:
        keys = [k for k, s in split.items() if s == name]
        if not keys:
            continue
        hit = sum(len(found[k] & right[k]) for k in keys)
        wrong = sum(len(found[k] - right[k]) for k in keys)
        missed = sum(len(right[k] - found[k]) for k in keys)
        precision = hit / (hit + wrong) if hit + wrong else 1.0
        recall = hit / (hit + missed) if hit + missed else 1.0
        rows.append(
            [name, len(keys), f"{precision:.2f}", f"{recall:.2f}", f"{hit}/{wrong}/{missed}"]
        )
    return rows


def timing() -> tuple[float, float]:
    """Seconds to load the three cities, and to compare them (coverage, gaps, structure, best
    practice for each city)."""
    start = time.perf_counter()
    graphs = [KnowledgeGraph.open([DATA / city]) for city in ("braunschweig", "ulm", "musterstadt")]
    loaded = time.perf_counter()
    comparison = compare(graphs)
    for frame in ("field", "sdg"):
        coverage(comparison, frame)
    structure(comparison)
    for data in comparison.cities:
        gaps(comparison, data.city.iri)
        best_practice(comparison, data.city.iri)
    return loaded - start, time.perf_counter() - loaded


def large_city(triples: int = 100_000) -> tuple[int, list[float], list[float]]:
    """The triples of a generated city (27 a project), and the seconds (wall, CPU) to load it with
    Ulm and to compare the two."""
    from sckg.generate import generate

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "city.ttl"
        path.write_text(generate(math.ceil(triples / 26.3)), encoding="utf-8")
        size = sum(1 for _ in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))
        clocks = time.perf_counter(), time.process_time()
        graphs = [KnowledgeGraph.open([path]), KnowledgeGraph.open([DATA / "ulm"])]
        loaded = time.perf_counter(), time.process_time()
        comparison = compare(graphs)
        for frame in ("field", "sdg"):
            coverage(comparison, frame)
        structure(comparison)
        we = comparison.cities[0].city.iri
        gaps(comparison, we)
        best_practice(comparison, we)
        done = time.perf_counter(), time.process_time()
    return (
        size,
        [loaded[i] - clocks[i] for i in range(2)],
        [done[i] - loaded[i] for i in range(2)],
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--errors", action="store_true", help="list the mistakes of the tune half")
    parser.add_argument(
        "--cv", action="store_true", help="only the tuning data: the settings by cross-validation"
    )
    args = parser.parse_args()
    if args.cv:
        cross_validation(*labelled()[:2])
        print()
        sdg_cross_validation()
        return
    size, load_big, compare_big = large_city()
    split, similar, titles = labelled()
    found = proposals()[THRESHOLD]
    print(
        f"Best practice: {len(split)} projects judged against Ulm's titles, "
        f"{sum(map(len, similar.values()))} similar pairs\n"
    )
    columns = ["half", "size", "precision", "recall", "right/wrong/missed"]
    print(render(columns, scores(split, similar, found), "table"), end="")
    sdg_split, targets = sdg_labelled()
    print(
        f"\nSDG targets: {len(sdg_split)} labelled projects, measures and goals (Ulm; others: "
        f"Braunschweig, Musterstadt), "
        f"{sum(map(len, targets.values()))} labelled targets\n"
    )
    print(render(columns, scores(sdg_split, targets, sdg_proposals()), "table"), end="")
    load, work = timing()
    print(f"\nthree cities: loading {load:.2f} s, comparing {work:.2f} s (ratio {work / load:.1f})")
    print(
        f"a generated city of {size:,} triples against Ulm: loading {load_big[0]:.2f} s wall "
        f"({load_big[1]:.2f} s CPU), comparing {compare_big[0]:.2f} s wall "
        f"({compare_big[1]:.2f} s CPU), ratio {compare_big[0] / load_big[0]:.1f} "
        f"({compare_big[1] / load_big[1]:.1f} CPU); goal < 30 s"
    )
    if args.errors:
        print("\nMistakes of the tune half (+ proposed, not similar; - similar, not proposed):")
        for project in sorted(p for p, s in split.items() if s == "tune"):
            for other in sorted(found[project] - similar[project]):
                print(f"  + {titles[project]} → {titles.get(other, other)}")
            for other in sorted(similar[project] - found[project]):
                print(f"  - {titles[project]} → {titles[other]}")


if __name__ == "__main__":
    main()
