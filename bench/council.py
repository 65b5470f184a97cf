"""A council system of real size: the synthetic OParl export (sckg.ingest.oparl_synth) at 1x (2,000
papers) and 10x (the size of a large city's system). Each command runs as ``sckg`` runs it, in this
process (typer's CliRunner: the options parsed, the data loaded, the output written), so its time
includes loading the data. Each figure is the median of --repeat runs, wall-clock and CPU time (all
threads of this process; on a machine shared with other jobs the wall clock mostly measures the
others), each with its ratio to loading the same Turtle (KnowledgeGraph.open, the memory store) in
the same run; a command's goal is a ratio to that load (issue 21), the import's in seconds. The
verdict is given for both clocks (wall/CPU).

For ``diff`` and ``report --since`` there are two versions of the import: the previous one lacks the
newest 2 % of papers (and what refers to them only through them), and each version has a file of
reviewed links (every 20th paper about a field of the vocabulary, every 100th a rejected proposal;
the newer file has more).

Add a row: append a ``Step(name, scales, run, goal)`` to ``STEPS``; ``run(case)`` gets the export
folder, the two versions and a scratch folder of one scale (``Case``).

``report --since`` is a whole report plus the comparison; the line after the table gives its part
beyond the report alone (both medians, as a ratio to the load). The steps that load both versions
are also given as a ratio to loading both (``KnowledgeGraph.open`` of each version's folder, one
after the other: the row "load both versions"), with the verdict on that reading, after the table:
their data is both versions. ``report --since`` loads the previous version beside the current one
(in a thread: Oxigraph parses without Python's lock), so its wall clock can be less than its CPU
time.

Run: .venv/bin/python bench/council.py [--repeat N] [--scales 1,10] [--only NAME,...]
[--folder PATH] (``--folder`` keeps the exports and imports there and uses them again in the next
run: the 10x import takes minutes)
"""

from __future__ import annotations

import argparse
import resource
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from typer.testing import CliRunner

from sckg.cli import app
from sckg.ingest import write_turtle
from sckg.ingest.oparl_sync import sync_oparl
from sckg.ingest.oparl_synth import write_synthetic_export
from sckg.kg import KnowledgeGraph
from sckg.namespaces import DCTERMS, FIELD, OPARL, RDF, SCKG

#: The vocabulary's fields the benchmark's reviewed links point to, in turn.
_FIELDS = ("energy", "mobility", "security", "education", "administration")


@dataclass(frozen=True)
class Case:
    """One scale: the export folder, the current and the previous version (folders of Turtle),
    scratch."""

    scale: int
    export: Path
    new: Path
    old: Path
    scratch: Path

    @property
    def turtle(self) -> Path:
        """The current import (without the links)."""
        return self.new / "council.ttl"


@dataclass(frozen=True)
class Step:
    """A benchmarked step: its name, the scales it runs at, what it does, and its goal (a ratio to
    the load, or with ``seconds`` a time per scale)."""

    name: str
    scales: tuple[int, ...]
    run: Callable[[Case], object]
    ratio: float | None = None
    seconds: Callable[[int], float] | None = None
    both: bool = False  # loads both versions


def sckg(*args: str | Path) -> None:
    """Run an sckg command in this process, as the console runs it; fail on a non-zero exit."""
    result = CliRunner().invoke(app, [str(a) for a in args], catch_exceptions=False)
    if result.exit_code != 0:
        raise RuntimeError(
            f"sckg {' '.join(map(str, args))}: exit {result.exit_code}\n{result.output[-2000:]}"
        )


def _import(case: Case) -> None:
    target = case.scratch / "import.ttl"
    target.unlink(missing_ok=True)
    sckg("import", "oparl", case.export, "--city", "musterstadt", "--out", target)


def _sync_unchanged(case: Case) -> None:
    sync_oparl(case.export, "musterstadt", case.turtle)


def _load(case: Case) -> None:
    KnowledgeGraph.open([case.turtle])


def _load_both(case: Case) -> None:
    KnowledgeGraph.open([case.old])
    KnowledgeGraph.open([case.new])


STEPS: list[Step] = [
    Step(
        "sckg import oparl (folder → Turtle)",
        (1, 10),
        _import,
        seconds=lambda scale: 10.0 if scale == 1 else 60.0,
    ),
    Step("import again (nothing changed)", (1, 10), _sync_unchanged),
    Step("sckg stats", (1, 10), lambda case: sckg("stats", "--data", case.turtle), 1.5),
    Step(
        "sckg report",
        (1, 10),
        lambda case: sckg("report", "--data", case.turtle, "--out", case.scratch / "r"),
        4.0,
    ),
    Step(
        "sckg report --since (two versions)",
        (1, 10),
        lambda case: sckg(
            "report", "--data", case.new, "--since", case.old, "--out", case.scratch / "since"
        ),
        3.0,
        both=True,
    ),
    Step(
        "sckg diff (two versions)",
        (1, 10),
        lambda case: sckg("diff", case.old, case.new),
        3.0,
        both=True,
    ),
    Step(
        "sckg export --format xlsx",
        (1, 10),
        lambda case: sckg(
            "export",
            "--format",
            "xlsx",
            "--data",
            case.turtle,
            "--out",
            case.scratch / "council.xlsx",
        ),
        3.0,
    ),
    Step(
        "sckg viz (the default map)",
        (1, 10),
        lambda case: sckg("viz", "--data", case.turtle, "--out", case.scratch / "map.html"),
        2.0,
    ),
]


def cpu() -> float:
    """Seconds of CPU this process has used (every thread's: Oxigraph loads and queries in threads
    of its own)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def median(run: Callable[[], object], repeat: int) -> tuple[float, float]:
    """The median wall-clock and CPU seconds of ``repeat`` runs."""
    walls, cpus = [], []
    for _ in range(repeat):
        started, used = time.perf_counter(), cpu()
        run()
        walls.append(time.perf_counter() - started)
        cpus.append(cpu() - used)
    return statistics.median(walls), statistics.median(cpus)


def versions(turtle: Path, new: Path, old: Path) -> int:
    """Write the two versions of ``turtle`` (see the module's docstring); return the triples of the
    current one."""
    triples = list(ox.parse(path=str(turtle), format=ox.RdfFormat.TURTLE))
    paper_type = ox.NamedNode(OPARL + "Paper")
    papers = sorted(
        t.subject.value
        for t in triples
        if t.predicate.value == RDF + "type" and t.object == paper_type
    )
    newest = set(papers[-max(1, len(papers) // 50) :])
    gone = newest | {
        t.subject.value
        for t in triples
        if t.predicate.value == SCKG + "paper" and t.object.value in newest
    }  # the papers and their consultations
    kept = [t for t in triples if t.subject.value not in gone and t.object.value not in gone]
    for folder in (new, old):
        folder.mkdir(parents=True, exist_ok=True)
    (new / "council.ttl").write_bytes(turtle.read_bytes())
    write_turtle(kept, old / "council.ttl")  # as the import writes it
    subject, rejected = ox.NamedNode(DCTERMS + "subject"), ox.NamedNode(SCKG + "rejectedSubject")

    def links(chosen: list[str]) -> list[ox.Triple]:
        found = []
        for index, paper in enumerate(chosen):
            if index % 20 == 0:
                found.append(
                    ox.Triple(
                        ox.NamedNode(paper), subject, ox.NamedNode(FIELD + _FIELDS[index // 20 % 5])
                    )
                )
            if index % 100 == 1:
                found.append(
                    ox.Triple(ox.NamedNode(paper), rejected, ox.NamedNode(FIELD + "health"))
                )
        return found

    write_turtle(links(papers), new / "links.ttl")
    write_turtle(links(papers[: len(papers) * 9 // 10]), old / "links.ttl")
    return len(triples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--scales", default="1,10")
    parser.add_argument(
        "--only", default="", help="Run only the steps whose name contains one of these words."
    )
    parser.add_argument(
        "--folder",
        default="",
        help="Keep the data here and use it again (default: a temporary folder).",
    )
    args = parser.parse_args()
    scales = [int(s) for s in args.scales.split(",")]
    only = [w for w in args.only.split(",") if w]
    rows = []
    sizes: dict[int, int] = {}
    both: dict[str, tuple[float, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for scale in scales:
            root = Path(args.folder or tmp) / f"x{scale}"
            case = Case(scale, root / "export", root / "new", root / "old", root)
            if not (args.folder and (case.old / "links.ttl").is_file()):
                write_synthetic_export(root / "export", scale=scale * SIZE, seed=1)
                sync_oparl(case.export, "musterstadt", root / "council.ttl")
                versions(root / "council.ttl", case.new, case.old)
            parsed = list(ox.parse(path=str(case.turtle), format=ox.RdfFormat.TURTLE))
            paper = ox.NamedNode(OPARL + "Paper")
            papers, triples = sum(1 for t in parsed if t.object == paper), len(parsed)
            base = median(lambda case=case: _load(case), args.repeat)
            print(f"{scale}x load: {base[0]:.2f} s, CPU {base[1]:.2f} s", flush=True)
            rows.append(
                (
                    f"{scale}x",
                    f"load the Turtle ({papers:,} papers, {triples:,} triples)",
                    base,
                    (1.0, 1.0),
                    "",
                )
            )
            chosen = [
                step
                for step in STEPS
                if scale in step.scales and (not only or any(w in step.name for w in only))
            ]
            if any(step.both for step in chosen):
                both[f"{scale}x"] = took = median(lambda case=case: _load_both(case), args.repeat)
                ratios = (took[0] / base[0], took[1] / base[1])
                rows.append((f"{scale}x", "load both versions", took, ratios, ""))
            for step in chosen:
                took = median(lambda step=step, case=case: step.run(case), args.repeat)
                ratios = (took[0] / base[0], took[1] / base[1])
                rows.append(
                    (f"{scale}x", step.name, took, ratios, _verdict(step, scale, took, ratios))
                )
                print(f"{scale}x {step.name}: {took[0]:.2f} s, CPU {took[1]:.2f} s", flush=True)
            report = root / "r" / "report.html"
            if report.is_file():
                sizes[scale] = report.stat().st_size
    print(f"{'scale':<6} {'step':<52} {'wall s':>7} {'× load':>7} {'CPU s':>7} {'× load':>7}  goal")
    for scale_name, name, (wall, used), (wall_ratio, cpu_ratio), verdict in rows:
        print(
            f"{scale_name:<6} {name:<52} {wall:>7.2f} {wall_ratio:>7.2f} {used:>7.2f} "
            f"{cpu_ratio:>7.2f}  {verdict}"
        )
    for scale_name, name, (wall, used), _, _ in rows:
        loads_both = next((s for s in STEPS if s.both and s.name == name), None)
        if scale_name in both and loads_both is not None:
            ratios = (wall / both[scale_name][0], used / both[scale_name][1])
            print(
                f"{scale_name} {name}: {ratios[0]:.2f} (wall) / {ratios[1]:.2f} (CPU) × the load "
                f"of both versions, {_verdict(loads_both, 0, (wall, used), ratios)}"
            )
    took = {(scale_name, name): row for scale_name, name, _, row, _ in rows}
    for scale in scales:
        report, since = (
            took.get((f"{scale}x", name))
            for name in ("sckg report", "sckg report --since (two versions)")
        )
        if report and since:
            print(
                f"{scale}x report --since beyond the report: {since[0] - report[0]:.2f} (wall) / "
                f"{since[1] - report[1]:.2f} (CPU) × load (goal ≤ 3×)"
            )
    for scale, size in sizes.items():
        print(f"{scale}x report.html: {size / 1e6:.2f} MB (goal < 2 MB)")


#: The synthetic export's scale factor of "1x": at 10x it gives a large city's size.
SIZE = 0.7


def _verdict(step: Step, scale: int, took: tuple[float, float], ratios: tuple[float, float]) -> str:
    """Whether the step met its goal, by wall-clock time and by CPU time (on a busy machine they
    differ)."""
    if step.seconds is not None:
        goal = step.seconds(scale)
        return f"≤ {goal:g} s: " + "/".join("met" if s <= goal else "MISSED" for s in took)
    if step.ratio is not None:
        return f"≤ {step.ratio:g}× load: " + "/".join(
            "met" if r <= step.ratio else "MISSED" for r in ratios
        )
    return ""


if __name__ == "__main__":
    main()
