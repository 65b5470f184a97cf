"""sckg push of a generated city, and the graph read back complete (issue 16: "a million-triple push
to Virtuoso reads back identical").

Rows: OpenLink Virtuoso filled by its bulk loader (``ld_dir`` and ``rdf_loader_run`` through
``isql-vt``, as docs/engines.md shows: the baseline, the fastest way in), and Virtuoso filled by
``sckg push`` (the Graph Store Protocol behind its digest login); with ``--oxigraph``, also an
Oxigraph server (``sckg serve --write``). Each server is started as the tests start them
(tests/engines.py). Columns: the first push into an empty server; the median of ``--repeat`` pushes
that replace the graph; the read back: every triple of the data graph fetched with one SELECT per
predicate (Virtuoso sends at most 2**20 rows in one answer, so one query for the whole graph would
come back cut) and compared with what was sent. Ratios are to the baseline of the same column.

Run: .venv/bin/python bench/push.py [--projects 40000] [--repeat 3] [--oxigraph]
"""

from __future__ import annotations

import argparse
import signal
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
from engines import bulk_load, cell, missing, test_engines  # bench/engines.py

from sckg.generate import generate_chunks
from sckg.kg import KnowledgeGraph
from sckg.serve import SparqlServer, free_port
from sckg.stores import GRAPH_BASE, push

PROJECTS_1M = 40000  # about 1,070,000 triples
GRAPH = GRAPH_BASE + "generated"
BASELINE = "Virtuoso, bulk loader"


def read_back(query_url: str, graph: str) -> set[ox.Triple]:
    """Every triple of ``graph`` at ``query_url``, one predicate at a time."""
    remote = KnowledgeGraph.open(None, "sparql:" + query_url)
    predicates = remote.select(f"SELECT DISTINCT ?p WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
    triples: set[ox.Triple] = set()
    for (predicate,) in predicates.rows:
        rows = remote.select(
            f"SELECT ?s ?o WHERE {{ GRAPH <{graph}> {{ ?s <{predicate.value}> ?o }} }}"
        )  # type: ignore[union-attr]
        triples.update(ox.Triple(s, predicate, o) for s, o in rows.rows)  # type: ignore[arg-type]
    return triples


def measure(
    fill: Callable[[], None], query_url: str, graph: str, sent: set[ox.Triple], repeat: int
) -> list[float | str]:
    """The first fill, the median of ``repeat`` replacing fills, the read back, and whether it is
    identical."""
    times = []
    for _ in range(repeat + 1):
        started = time.perf_counter()
        fill()
        times.append(time.perf_counter() - started)
        print(f"  filled in {times[-1]:.1f} s", flush=True)
    started = time.perf_counter()
    back = read_back(query_url, graph)
    reading = time.perf_counter() - started
    identical = (
        "yes" if back == sent else f"no: {len(back - sent):,} extra, {len(sent - back):,} missing"
    )
    return [times[0], statistics.median(times[1:]), reading, identical]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--projects", type=int, default=PROJECTS_1M, help="projects in the generated city"
    )
    parser.add_argument(
        "--repeat", type=int, default=3, help="replacing fills measured (their median)"
    )
    parser.add_argument(
        "--oxigraph", action="store_true", help="also push to an Oxigraph server (slow at 1M)"
    )
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))  # stop the servers when stopped

    with tempfile.TemporaryDirectory(prefix="sckg-push-") as folder:
        work = Path(folder)
        city = work / "generated" / "city.ttl"
        city.parent.mkdir()
        with city.open("w", encoding="utf-8") as out:
            out.writelines(generate_chunks(args.projects, seed=1))
        memory = KnowledgeGraph.open([city.parent])
        (data_graph,) = memory.data_graphs()  # its file's graph, which sckg push names GRAPH
        sent = set(
            memory.construct(
                f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{data_graph}> {{ ?s ?p ?o }} }}"
            )
        )
        print(
            f"generated city: {args.projects:,} projects, {len(sent):,} triples (and the model "
            "graph)",
            flush=True,
        )

        results: dict[str, list[float | str]] = {}
        if reason := missing("virtuoso"):
            sys.exit(f"Virtuoso is needed: {reason}")
        for row in (BASELINE, "Virtuoso, sckg push"):
            print(row, flush=True)
            server = test_engines.Virtuoso(work / row.split()[-1], free_port(), free_port()).start()
            try:
                if row == BASELINE:

                    def fill(server: test_engines.Virtuoso = server) -> None:
                        bulk_load(server, memory)
                else:

                    def fill(server: test_engines.Virtuoso = server) -> None:
                        with test_engines.login(*test_engines.DBA):
                            push(memory, server.store_url, timeout=600)

                graph = (
                    data_graph if row == BASELINE else GRAPH
                )  # the bulk loader keeps the file's graph name
                results[row] = measure(fill, server.query_url, graph, sent, args.repeat)
            finally:
                server.stop()
        if args.oxigraph:
            print("Oxigraph server (sckg serve --write)", flush=True)
            with SparqlServer(work / "oxigraph", port=0, write=True, timeout=600) as oxigraph:
                results["Oxigraph server, sckg push"] = measure(
                    lambda: push(memory, oxigraph.store_url, timeout=3600),
                    oxigraph.query_url,
                    GRAPH,
                    sent,
                    args.repeat,
                )

    baseline = results[BASELINE]
    print(
        f"\n{len(sent):,} triples; medians of {args.repeat} replacing fills; ratios to {BASELINE}\n"
    )
    print("| | first fill | fill replacing the graph | read back | identical |")
    print("|---|---|---|---|---|")
    for row, values in results.items():
        cells = [
            cell(v, b if isinstance(b, float) else None)
            for v, b in zip(values[:3], baseline[:3], strict=True)
        ]
        print(f"| {row} | " + " | ".join(cells) + f" | {values[3]} |")


if __name__ == "__main__":
    main()
