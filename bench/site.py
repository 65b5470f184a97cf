"""Time of `sckg site` on the fictional city and on a synthetic ~100k-triple city.

Each case prints the median of --repeat runs of: loading the data (the baseline every command
pays), then building the site into an empty folder (reading the graph, the neighbourhood maps,
rendering every page in both languages, each entity's Turtle and JSON-LD, the search index); the
ratio is the whole job against the load alone. Goals: under 5 s on the fictional city, under 60 s
on 100k triples, judged on the wall-clock time and on the CPU seconds of the process (on a busy
machine the wall-clock time tells more about the other jobs than about the site).

Run: .venv/bin/python bench/site.py [--repeat 3] [--projects 3700]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from sckg.generate import generate_chunks
from sckg.kg import KnowledgeGraph
from sckg.site import build_site

ROOT = Path(__file__).resolve().parent.parent
GOALS = {"musterstadt (fictional)": 5.0, "synthetic ~100k triples": 60.0}


def run(data: Path, out: Path) -> tuple[float, float, float, float, dict[str, float], int, int]:
    shutil.rmtree(out, ignore_errors=True)
    started, cpu_started = time.perf_counter(), time.process_time()
    kg = KnowledgeGraph.open([data])
    loaded, cpu_loaded = time.perf_counter(), time.process_time()
    site = build_site(kg, out)
    built, cpu_built = time.perf_counter(), time.process_time()
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    return (
        loaded - started,
        built - loaded,
        cpu_loaded - cpu_started,
        cpu_built - cpu_loaded,
        site.timings,
        site.pages,
        size,
    )


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
            f"{'city':24} {'triples':>7} {'load s':>6} {'site s':>6} {'read':>5} {'maps':>5} "
            f"{'pages':>5} "
            f"{'data':>5} {'total s':>7} {'x load':>6} {'cpu load':>8} {'cpu site':>8} "
            f"{'x load':>6} "
            f"{'pages':>6} {'MB':>5} {'goal'}"
        )
        for name, data in cases.items():
            runs = [run(data, Path(tmp) / "site") for _ in range(args.repeat)]
            load, build, cpu_load = (statistics.median(r[i] for r in runs) for i in range(3))
            steps = {
                k: statistics.median(r[4][k] for r in runs)
                for k in ("read", "maps", "pages", "data")
            }
            total = statistics.median(r[0] + r[1] for r in runs)
            cpu = statistics.median(r[2] + r[3] for r in runs)
            triples = len(KnowledgeGraph.open([data]).triples())
            goal = GOALS[name]
            verdict = (
                f"< {goal:g} s: wall {'met' if total < goal else 'NOT met'}, "
                f"CPU {'met' if cpu < goal else 'NOT met'}"
            )
            print(
                f"{name:24} {triples:7d} {load:6.2f} {build:6.2f} {steps['read']:5.2f} "
                f"{steps['maps']:5.2f} "
                f"{steps['pages']:5.2f} {steps['data']:5.2f} {total:7.2f} {total / load:6.1f} "
                f"{cpu_load:8.2f} {cpu:8.2f} {cpu / cpu_load:6.1f} {runs[0][5]:6d} "
                f"{runs[0][6] / 1e6:5.1f} {verdict}"
            )


if __name__ == "__main__":
    main()
