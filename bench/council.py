"""A council system of real size: the synthetic OParl export (sckg.ingest.oparl_synth) at 1x (2,000 papers,
16,578 entities) and 10x. Each figure is the median of --repeat runs, with its ratio to loading the same Turtle
(KnowledgeGraph.open, the memory store) in the same run. Goals (issue 13): import < 10 s at 1x, < 100 s at 10x.

Add a row: append a ``Step(name, scales, run)`` to ``STEPS``; ``run(case)`` gets the export folder, the imported
Turtle file and a scratch folder of one scale (``Case``).

Run: .venv/bin/python bench/council.py [--repeat N] [--scales 1,10]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sckg.ingest.oparl_sync import sync_oparl
from sckg.ingest.oparl_synth import write_synthetic_export
from sckg.kg import KnowledgeGraph
from sckg.report import build_report, write_report
from sckg.stats import statistics as statistics_of
from sckg.viz import build_network
from sckg.viz.render import render_html


@dataclass(frozen=True)
class Case:
    """One scale: the export folder, the Turtle of its import, a scratch folder."""

    scale: int
    export: Path
    turtle: Path
    scratch: Path


@dataclass(frozen=True)
class Step:
    """A benchmarked step: its name, the scales it runs at, and what it does (``goal`` in seconds per scale)."""

    name: str
    scales: tuple[int, ...]
    run: Callable[[Case], object]
    goal: Callable[[int], float | None] = lambda scale: None


def _import(case: Case) -> None:
    target = case.scratch / "import.ttl"
    target.unlink(missing_ok=True)
    sync_oparl(case.export, "musterstadt", target)


def _sync_unchanged(case: Case) -> None:
    sync_oparl(case.export, "musterstadt", case.turtle)


def _load(case: Case) -> None:
    KnowledgeGraph.open([case.turtle])


_LOADED: dict[Path, KnowledgeGraph] = {}


def _loaded(case: Case) -> KnowledgeGraph:
    """The case's graph, loaded once: the goals of stats, report and map leave loading out."""
    if case.turtle not in _LOADED:
        _LOADED[case.turtle] = KnowledgeGraph.open([case.turtle])
    return _LOADED[case.turtle]


def _stats(case: Case) -> None:
    statistics_of(_loaded(case))


def _report(case: Case) -> None:
    kg = _loaded(case)
    write_report(build_report(kg), kg, case.scratch / "report")


def _map(case: Case) -> None:
    render_html(build_network(_loaded(case), "entity"))


STEPS: list[Step] = [
    Step("import oparl (folder → Turtle)", (1, 10), _import, lambda scale: 10.0 * scale),
    Step("import oparl again (nothing changed)", (1, 10), _sync_unchanged),
    Step("sckg stats (graph loaded)", (1, 10), _stats, lambda scale: 1.0 if scale == 1 else None),
    Step("sckg report, with its maps (graph loaded)", (1, 10), _report, lambda scale: 10.0 if scale == 1 else None),
    Step("the default map (graph loaded)", (1, 10), _map, lambda scale: 5.0 if scale == 1 else None),
]


def median(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--scales", default="1,10")
    args = parser.parse_args()
    scales = [int(s) for s in args.scales.split(",")]
    rows = []
    sizes: dict[int, int] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for scale in scales:
            root = Path(tmp) / f"x{scale}"
            counts = write_synthetic_export(root / "export", scale=scale, seed=1)
            case = Case(scale, root / "export", root / "council.ttl", root)
            sync_oparl(case.export, "musterstadt", case.turtle)
            base = median(lambda case=case: _load(case), args.repeat)
            rows.append((f"{scale}x", f"load the Turtle (baseline, {counts.papers:,} papers)", base, 1.0, None))
            for step in STEPS:
                if scale in step.scales:
                    seconds = median(lambda step=step, case=case: step.run(case), args.repeat)
                    rows.append((f"{scale}x", step.name, seconds, seconds / base, step.goal(scale)))
            report = root / "report" / "report.html"
            if report.is_file():
                sizes[scale] = report.stat().st_size
    print(f"{'scale':<6} {'step':<48} {'median s':>9} {'× load':>8} {'goal s':>7}  ok")
    for scale_name, name, seconds, ratio, goal in rows:
        ok = "" if goal is None else ("yes" if seconds < goal else "NO")
        print(f"{scale_name:<6} {name:<48} {seconds:>9.2f} {ratio:>8.2f} {'' if goal is None else goal:>7}  {ok}")
    for scale, size in sizes.items():
        print(f"{scale}x report.html: {size / 1e6:.2f} MB (goal < 2 MB at 1x)")


if __name__ == "__main__":
    main()
