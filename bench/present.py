"""Time of the briefing with its charts and of the meeting deck, each against loading the same data
in the same run.

Cases: `sckg report` (build with charts, write HTML and Markdown) on the fictional city and on a
generated city of ~100k triples; `sckg present` (default agenda, build and write) on the fictional
city. Each line prints the median of --repeat runs: loading the data, the job after loading, the
whole, the whole against the load, the output's size, and whether the goal is met (report < 5 s and
< 15 s, present < 5 s).

Run: .venv/bin/python bench/present.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sckg.generate import generate_chunks
from sckg.kg import KnowledgeGraph
from sckg.present import build_deck, write_deck
from sckg.report import build_report, write_report

ROOT = Path(__file__).resolve().parent.parent


def report_job(kg: KnowledgeGraph, out: Path) -> Path:
    with kg.cached():
        return write_report(build_report(kg, lang="de"), kg, out)


def present_job(kg: KnowledgeGraph, out: Path) -> Path:
    return write_deck(build_deck(kg, lang="de"), out / "deck.html")


def run(
    data: Path, job: Callable[[KnowledgeGraph, Path], Path], out: Path
) -> tuple[float, float, int]:
    started = time.perf_counter()
    kg = KnowledgeGraph.open([data])
    loaded = time.perf_counter()
    path = job(kg, out)
    return loaded - started, time.perf_counter() - loaded, path.stat().st_size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--projects",
        type=int,
        default=3700,
        help="projects of the generated city (~27 triples each)",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        generated = Path(tmp) / "generated.ttl"
        generated.write_text("".join(generate_chunks(args.projects, seed=1)), encoding="utf-8")
        musterstadt = ROOT / "data" / "musterstadt"
        cases = [
            ("report, musterstadt", musterstadt, report_job, 5.0),
            ("report, generated ~100k", generated, report_job, 15.0),
            ("present, musterstadt", musterstadt, present_job, 5.0),
        ]
        print(
            f"{'case':26} {'triples':>8} {'load s':>7} {'job s':>7} {'total s':>8} {'x load':>7} "
            f"{'MB':>6} {'goal':>14}"
        )
        for name, data, job, goal in cases:
            runs = [run(data, job, Path(tmp) / "out") for _ in range(args.repeat)]
            load = statistics.median(r[0] for r in runs)
            work = statistics.median(r[1] for r in runs)
            total = statistics.median(r[0] + r[1] for r in runs)
            triples = len(KnowledgeGraph.open([data]).triples())
            verdict = f"< {goal:g} s " + ("met" if total < goal else "NOT met")
            print(
                f"{name:26} {triples:8d} {load:7.2f} {work:7.2f} {total:8.2f} {total / load:7.1f} "
                f"{runs[0][2] / 1e6:6.2f} {verdict:>14}"
            )


if __name__ == "__main__":
    main()
