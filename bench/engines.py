"""Engines side by side: every named query and the analyses' extractions on a generated city, on
sckg's memory store, an Oxigraph server (``sckg serve``), OpenLink Virtuoso and Comunica (issue 16).

What is measured: wall-clock seconds of sckg's whole path as a user's command runs it (the request,
the engine's work, reading the answer into a ``Table``): ``run_named(kg, name, lang="de")`` for each
named query, and for each projection the SPARQL part of ``project(kg, name)`` (its
``timings["sparql"]``: the extraction queries, without NetworkX). Each figure is the median of
``--repeat`` runs; the ratio is to the fastest engine of the row. A query that does not answer
within ``--cap`` seconds counts as ``timeout`` (and is not run again on that engine). Wall clock,
not CPU time, as the engines run in other processes; the servers run on the same machine as the
client.

The servers are started here as the tests start them (tests/engines.py: Virtuoso from the packaged
``virtuoso.ini`` with its ports, database folder and ``ResultSetMaxRows`` changed; Comunica over an
N-Quads file with ``--unionDefaultGraph``); an engine that is not installed is left out with the
reason.

Run: .venv/bin/python bench/engines.py [--projects 3700 | --million] [--repeat 3] [--cap 30]
     [--engines memory oxigraph-server virtuoso comunica]
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from types import ModuleType

import pyoxigraph as ox

from sckg.errors import SckgError
from sckg.generate import generate_chunks
from sckg.kg import KnowledgeGraph
from sckg.network.projection import PROJECTIONS, project
from sckg.queries import named_queries, run_named
from sckg.remote import TIMEOUT_VARIABLE
from sckg.serve import SparqlServer, free_port
from sckg.stores import load_store

ENGINES = ("memory", "oxigraph-server", "virtuoso", "comunica")
PROJECTS_100K = 3700  # about 100,000 triples (26.8 per project)
PROJECTS_1M = 37000
TIMEOUT = "timeout"
ISQL = shutil.which("isql-vt") or "/usr/bin/isql-vt"  # Virtuoso's SQL client (virtuoso-opensource)


def _test_engines() -> ModuleType:
    """tests/engines.py (how the tests start Virtuoso and Comunica), loaded by its path: its name is
    this file's."""
    path = Path(__file__).resolve().parent.parent / "tests" / "engines.py"
    spec = importlib.util.spec_from_file_location("sckg_test_engines", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look themselves up there
    spec.loader.exec_module(module)
    return module


test_engines = _test_engines()


def named_graph_quads(kg: KnowledgeGraph) -> list[ox.Quad]:
    """Every triple of every named graph of ``kg``, with its graph."""
    return [
        ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(g))
        for g in sorted(kg.backend.graph_names())
        for t in kg.construct(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{g}> {{ ?s ?p ?o }} }}")
    ]


@contextmanager
def oxigraph_server(work: Path, city: Path, cap: float) -> Iterator[str]:
    load_store(f"oxigraph:{work / 'oxigraph'}", [city.parent])
    with SparqlServer(work / "oxigraph", port=0, timeout=max(1, round(cap))) as server:
        yield server.query_url


def bulk_load(server: test_engines.Virtuoso, memory: KnowledgeGraph) -> None:
    """Replace ``memory``'s named graphs in Virtuoso by its bulk loader (the graphs cleared, then
    files loaded)."""
    statements = []
    for i, graph in enumerate(sorted(memory.backend.graph_names())):
        triples = memory.construct(
            f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
        )
        name = f"graph{i}.nt"
        ox.serialize(triples, str(server.folder / name), format=ox.RdfFormat.N_TRIPLES)
        statements += [
            f"SPARQL CLEAR GRAPH <{graph}>;",
            f"DELETE FROM DB.DBA.load_list WHERE ll_file = '{server.folder / name}';",
            f"ld_dir('{server.folder}', '{name}', '{graph}');",
        ]
    statements += ["rdf_loader_run();", "checkpoint;"]
    user, password = test_engines.DBA
    subprocess.run(
        [ISQL, str(server.sql_port), user, password, "exec=" + " ".join(statements)],
        check=True,
        capture_output=True,
    )


@contextmanager
def virtuoso(work: Path, memory: KnowledgeGraph) -> Iterator[str]:
    """A Virtuoso server holding ``memory``'s named graphs, filled by its bulk loader
    (docs/engines.md)."""
    server = test_engines.Virtuoso(work / "virtuoso", free_port(), free_port()).start()
    try:
        bulk_load(server, memory)
        yield server.query_url
    finally:
        server.stop()


@contextmanager
def comunica(work: Path, memory: KnowledgeGraph, cap: float) -> Iterator[str]:
    data = work / "comunica.nq"
    ox.serialize(named_graph_quads(memory), str(data), format=ox.RdfFormat.N_QUADS)
    port = free_port()
    log = work / "comunica.out"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [
                str(test_engines.COMUNICA),
                str(data),
                "--port",
                str(port),
                "--unionDefaultGraph",
                "--timeout",
                str(max(1, round(cap))),
            ],
            stdout=out,
            stderr=out,
        )
    try:
        test_engines.wait_until_up(f"http://127.0.0.1:{port}/sparql", process, log)
        yield f"http://127.0.0.1:{port}/sparql"
    finally:
        test_engines.stop(process)


def missing(engine: str) -> str | None:
    reason: str | None = None
    if engine == "virtuoso":
        reason = test_engines.virtuoso_missing()
    elif engine == "comunica":
        reason = test_engines.comunica_missing()
    return reason


def tasks() -> dict[str, Callable[[KnowledgeGraph], float]]:
    """Each row of the table: a function that runs it once on a graph and returns its seconds."""

    def query(name: str) -> Callable[[KnowledgeGraph], float]:
        def run(kg: KnowledgeGraph) -> float:
            started = time.perf_counter()
            run_named(kg, name, lang="de")
            return time.perf_counter() - started

        return run

    def extraction(name: str) -> Callable[[KnowledgeGraph], float]:
        def run(kg: KnowledgeGraph) -> float:
            return float(project(kg, name, lang="de").graph["timings"]["sparql"])

        return run

    rows = {name: query(name) for name in named_queries()}
    rows.update({f"extract {name}": extraction(name) for name in PROJECTIONS})
    return rows


def wait_until_answering(kg: KnowledgeGraph, cap: float) -> None:
    """Wait until the endpoint answers again (Comunica reloads its data when it restarts its
    worker)."""
    deadline = time.monotonic() + 3 * cap
    while time.monotonic() < deadline:
        try:
            kg.select("SELECT * WHERE { } LIMIT 1")
            return
        except SckgError:
            time.sleep(0.5)


def measure(
    kg: KnowledgeGraph, run: Callable[[KnowledgeGraph], float], repeat: int, cap: float
) -> float | str:
    """Median seconds of ``repeat`` runs; ``timeout`` when a run takes ``cap`` seconds or its answer
    is cut then (Comunica and Oxigraph end a stopped result inside a ``200 OK``); ``error``
    (printed) for any other error."""
    times: list[float] = []
    retried = 0
    while len(times) < repeat:
        started = time.perf_counter()
        try:
            seconds = run(kg)
        except SckgError as error:
            if time.perf_counter() - started >= cap * 0.95:
                return TIMEOUT
            if (
                "Connection refused" in str(error) and retried < 1
            ):  # Comunica restarts its worker after a timeout
                retried += 1
                wait_until_answering(kg, cap)
                continue
            print(f"  error: {error}", file=sys.stderr, flush=True)
            return "error"
        if seconds >= cap:
            return TIMEOUT
        times.append(seconds)
    return statistics.median(times)


def cell(value: float | str, fastest: float | None) -> str:
    if isinstance(value, str):
        return value
    ratio = f" ({value / fastest:.1f}x)" if fastest else ""
    return f"{value * 1000:,.0f} ms{ratio}" if value < 10 else f"{value:,.1f} s{ratio}"


def table(results: dict[str, dict[str, float | str]], engines: list[str]) -> str:
    lines = ["| | " + " | ".join(engines) + " |", "|---" * (len(engines) + 1) + "|"]
    for row, values in results.items():
        numbers = [v for v in values.values() if isinstance(v, float)]
        fastest = min(numbers) if numbers else None
        lines.append(f"| {row} | " + " | ".join(cell(values[e], fastest) for e in engines) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--projects", type=int, default=PROJECTS_100K, help="projects in the generated city"
    )
    parser.add_argument("--million", action="store_true", help="a city of about 1M triples")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--cap", type=float, default=30.0, help="seconds a query may take before 'timeout'"
    )
    parser.add_argument("--engines", nargs="+", choices=ENGINES, default=list(ENGINES))
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))  # stop the servers when stopped
    projects = PROJECTS_1M if args.million else args.projects
    os.environ[TIMEOUT_VARIABLE] = str(args.cap)  # how long sckg waits for a remote answer

    with tempfile.TemporaryDirectory(prefix="sckg-engines-") as folder, ExitStack() as servers:
        work = Path(folder)
        city = (
            work / "generated" / "city.ttl"
        )  # its named graph: https://w3id.org/sckg/graph/generated
        city.parent.mkdir()
        with city.open("w", encoding="utf-8") as out:
            out.writelines(generate_chunks(projects, seed=1))
        memory = KnowledgeGraph.open([city.parent])
        size = len(memory.construct("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"))
        print(
            f"generated city: {projects:,} projects, {size:,} triples (with the model)", flush=True
        )

        graphs: dict[str, KnowledgeGraph] = {}
        for engine in args.engines:
            if reason := missing(engine):
                print(f"{engine}: left out: {reason}", flush=True)
                continue
            started = time.perf_counter()
            if engine == "memory":
                graphs[engine] = memory
                continue
            if engine == "oxigraph-server":
                url = servers.enter_context(oxigraph_server(work, city, args.cap))
            elif engine == "virtuoso":
                url = servers.enter_context(virtuoso(work, memory))
            else:
                url = servers.enter_context(comunica(work, memory, args.cap))
            graphs[engine] = KnowledgeGraph.open(None, "sparql:" + url)
            print(
                f"{engine}: started and loaded in {time.perf_counter() - started:.1f} s", flush=True
            )

        engines = list(graphs)
        results: dict[str, dict[str, float | str]] = {}
        for row, run in tasks().items():
            results[row] = {
                engine: measure(kg, run, args.repeat, args.cap) for engine, kg in graphs.items()
            }
            print(row, {e: cell(v, None) for e, v in results[row].items()}, flush=True)
        print()
        print(
            f"Medians of {args.repeat} runs (wall clock), ratio to the fastest engine of the row; "
            f"{size:,} triples; 'timeout': over {args.cap:g} s."
        )
        print(table(results, engines))


if __name__ == "__main__":
    main()
