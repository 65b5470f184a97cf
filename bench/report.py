"""Time of `sckg report` on the fictional city and on a synthetic ~100k-triple city.

Each case prints the median of --repeat runs of: loading the data (the baseline every command pays),
building the briefing (queries and analyses), and writing report.html with its maps and report.md;
the ratio is the whole job against the load alone. Goals: under 5 s on the fictional city, under 30
s on 100k.

Run: .venv/bin/python bench/report.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from sckg.generate import generate_chunks
from sckg.kg import KnowledgeGraph
from sckg.report import build_report, write_report

ROOT = Path(__file__).resolve().parent.parent
GOALS = {"musterstadt (fictional)": 5.0, "synthetic ~100k triples": 30.0}


def run(data: Path, out: Path) -> tuple[float, float, float, int]:
    started = time.perf_counter()
    kg = KnowledgeGraph.open([data])
    loaded = time.perf_counter()
    with kg.cached():
        report = build_report(kg, lang="de")
        built = time.perf_counter()
        path = write_report(report, kg, out)
    written = time.perf_counter()
    return loaded - started, built - loaded, written - built, path.stat().st_size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--projects",
        type=int,
        default=3700,
        help="projects of the synthetic city (~27 triples each)",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        synthetic = Path(tmp) / "synthetic.ttl"
        synthetic.write_text("".join(generate_chunks(args.projects, seed=1)), encoding="utf-8")
        cases = {
            "musterstadt (fictional)": ROOT / "data" / "musterstadt",
            "synthetic ~100k triples": synthetic,
        }
        print(
            f"{'city':26} {'triples':>8} {'load s':>7} {'build s':>8} {'write s':>8} "
            f"{'total s':>8} {'x load':>7} {'HTML MB':>8} {'goal':>10}"
        )
        for name, data in cases.items():
            runs = [run(data, Path(tmp) / "out") for _ in range(args.repeat)]
            load, build, write = (statistics.median(r[i] for r in runs) for i in range(3))
            total = statistics.median(sum(r[:3]) for r in runs)
            triples = len(KnowledgeGraph.open([data]).triples())
            verdict = f"< {GOALS[name]:g} s " + ("met" if total < GOALS[name] else "NOT met")
            print(
                f"{name:26} {triples:8d} {load:7.2f} {build:8.2f} {write:8.2f} {total:8.2f} "
                f"{total / load:7.1f} {runs[0][3] / 1e6:8.1f} {verdict:>10}"
            )


if __name__ == "__main__":
    main()
