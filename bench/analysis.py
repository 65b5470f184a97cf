"""Benchmark of ``sckg analyze``: every sub-command on synthetic cities of about 10k, 100k and 1M
triples.

For each size a child process generates the city (``sckg generate``), loads it into the in-memory
store and runs every analysis ``--repeat`` times as the CLI does (its own SPARQL extraction each
time, the CLI's default ``--top``). It prints the median wall time of each, split into the SPARQL
extraction and the NetworkX/Python step, the sum over the full set against the goal (100k: 10 s, 1M:
120 s), and the child's peak memory. The baseline, measured in the same run, is rdflib's
``rdflib_to_networkx_multidigraph`` on the same data, against sckg's ``entity`` projection.

    python bench/analysis.py                       # 10k, 100k, 1M triples, 3 repetitions
    python bench/analysis.py --sizes 10k,100k --repeat 5
    python bench/analysis.py --no-baseline         # skip rdflib (parsing 1M triples with rdflib
    takes minutes)
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SIZES = {
    "10k": 370,
    "100k": 3730,
    "1m": 37300,
}  # projects; the generator writes about 27 triples per project
GOALS = {"100k": 10.0, "1m": 120.0}
COMMANDS = [
    "centrality",
    "bridges",
    "communities",
    "impact",
    "cycles",
    "critical-path",
    "gaps",
    "silos",
    "overlap",
]


def child(size: str, repeat: int, baseline: bool) -> dict:
    """Run in a fresh process: generate, load, run every analysis; return the timings."""
    from sckg.generate import generate_chunks
    from sckg.kg import KnowledgeGraph
    from sckg.network import coverage, dependencies, metrics
    from sckg.network.projection import project

    result: dict = {"size": size, "projects": SIZES[size], "runs": {}}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "city.ttl"
        started = time.perf_counter()
        path.write_text("".join(generate_chunks(SIZES[size], seed=1)), encoding="utf-8")
        result["generate"] = time.perf_counter() - started
        started = time.perf_counter()
        kg = KnowledgeGraph.open([path])
        result["load"] = time.perf_counter() - started
        result["triples"] = int(
            kg.select(
                "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), "
                "'file:')) }"
            )
            .rows[0][0]
            .value
        )
        # the first platform project: most dependents
        target = "https://w3id.org/sckg/id/synthetic/project-1"
        runs = {  # with the CLI's default --top
            "centrality": lambda: metrics.centrality(kg, lang="en", limit=10),
            "bridges": lambda: metrics.bridges(kg, lang="en", limit=20),
            "communities": lambda: metrics.communities(kg, lang="en", limit=20),
            "impact": lambda: dependencies.impact(kg, target, lang="en"),
            "cycles": lambda: dependencies.cycles(kg, lang="en"),
            "critical-path": lambda: dependencies.critical_path(kg, lang="en"),
            "gaps": lambda: coverage.gaps(kg, lang="en"),
            "silos": lambda: coverage.silos(kg, lang="en", limit=50),
            "overlap": lambda: coverage.overlap(kg, lang="en", limit=50),
        }
        for name in COMMANDS:
            samples = []
            for _ in range(repeat):
                started = time.perf_counter()
                rows = runs[name]()
                samples.append(
                    (
                        time.perf_counter() - started,
                        rows.timings["sparql"],
                        rows.timings["networkx"],
                    )
                )
            result["runs"][name] = {
                "total": statistics.median(s[0] for s in samples),
                "sparql": statistics.median(s[1] for s in samples),
                "networkx": statistics.median(s[2] for s in samples),
                "rows": len(rows),
                "notes": rows.notes,
            }
        entity = []
        for _ in range(repeat):
            graph = project(kg, "entity", lang="en")
            entity.append((graph.graph["timings"]["sparql"], graph.graph["timings"]["networkx"]))
        result["entity"] = {
            "sparql": statistics.median(e[0] for e in entity),
            "networkx": statistics.median(e[1] for e in entity),
            "nodes": graph.number_of_nodes(),
            "edges": graph.number_of_edges(),
        }
        if baseline:
            import rdflib
            from rdflib.extras.external_graph_libs import rdflib_to_networkx_multidigraph

            started = time.perf_counter()
            rdf = rdflib.Graph()
            rdf.parse(path, format="turtle")
            result["rdflib_parse"] = time.perf_counter() - started
            convert = []
            for _ in range(repeat):
                started = time.perf_counter()
                rdflib_to_networkx_multidigraph(rdf)
                convert.append(time.perf_counter() - started)
            result["rdflib_convert"] = statistics.median(convert)
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def table(rows: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = [
        "  ".join(
            c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True))
        )
        for r in rows
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def report(results: list[dict]) -> None:
    for r in results:
        print(
            f"\n== {r['size']} city: {r['projects']} projects, {r['triples']:,} triples (generate "
            f"{r['generate']:.1f} s, load into memory {r['load']:.1f} s, peak memory "
            f"{r['peak_mb']:.0f} MB)"
        )
        rows = [["command", "median s", "SPARQL s", "NetworkX s", "rows", "note"]]
        for name in COMMANDS:
            run = r["runs"][name]
            note = next((n for n in run["notes"] if n.startswith("Betweenness estimated")), "")
            rows.append(
                [
                    name,
                    f"{run['total']:.2f}",
                    f"{run['sparql']:.2f}",
                    f"{run['networkx']:.2f}",
                    str(run["rows"]),
                    note,
                ]
            )
        total = sum(run["total"] for run in r["runs"].values())
        sparql = sum(run["sparql"] for run in r["runs"].values())
        rows.append(
            ["full analyze set", f"{total:.2f}", f"{sparql:.2f}", f"{total - sparql:.2f}", "", ""]
        )
        print(table(rows))
        goal = GOALS.get(r["size"])
        if goal:
            verdict = "met" if total < goal else "MISSED"
            print(
                f"goal: full set under {goal:.0f} s: {verdict} ({total:.1f} s, {total / goal:.0%} "
                "of the budget)"
            )
        e = r["entity"]
        line = (
            f"entity projection ({e['nodes']:,} nodes, {e['edges']:,} edges): SPARQL "
            f"{e['sparql']:.2f} s + NetworkX {e['networkx']:.2f} s = "
            f"{e['sparql'] + e['networkx']:.2f} s"
        )
        print(line)
        if "rdflib_convert" in r:
            ours = e["sparql"] + e["networkx"]
            theirs_total, ours_total = r["rdflib_parse"] + r["rdflib_convert"], r["load"] + ours
            print(
                "baseline rdflib_to_networkx_multidigraph (no labels, classes or departments; "
                f"every triple an edge): {r['rdflib_convert']:.2f} s, ratio "
                f"{r['rdflib_convert'] / ours:.2f}x; from the Turtle file: rdflib parse + convert "
                f"{theirs_total:.1f} s against sckg load + projection {ours_total:.1f} s, ratio "
                f"{theirs_total / ours_total:.2f}x"
            )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="10k,100k,1m", help="comma-separated: 10k, 100k, 1m")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.repeat, not args.no_baseline)))
        return
    results = []
    for size in args.sizes.split(","):
        if size not in SIZES:
            parser.error(f"unknown size {size!r} (use {', '.join(SIZES)})")
        command = [sys.executable, __file__, "--child", size, "--repeat", str(args.repeat)]
        if args.no_baseline:
            command.append("--no-baseline")
        print(f"running {size} ...", file=sys.stderr, flush=True)
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode:
            sys.exit(f"{size}: the benchmark child failed:\n{done.stderr}")
        results.append(json.loads(done.stdout.splitlines()[-1]))
    report(results)


if __name__ == "__main__":
    main()
