"""Stores at scale: loading, and every named query, on rdflib's memory store (the baseline), sckg on an Oxigraph
store on disk, and raw pyoxigraph on the same store, in one run, on synthetic cities (``sckg generate``).

Goals (issue 6), on the ~1M-triple city: sckg on Oxigraph at least 20x faster than rdflib's memory store (median
over the named queries), within 1.5x of raw pyoxigraph on every query (also one that returns every triple), and
loading at least 90% of raw pyoxigraph's bulk-load rate.

What is measured:
- load (wall clock): ``sckg load`` (``stores.load_store``: opening the store, model and city file bulk-loaded
  into their named graphs, the triples counted for its summary) against raw pyoxigraph opening a fresh store
  and ``bulk_load``-ing the same files into the same graphs, taking turns; rdflib parses the same files into a
  ``Graph``. The goal is judged on the whole command.
- query (CPU seconds of the process that runs it, so that other work on the machine does not blur the
  ratios): ``run_named(kg, name, lang="de")`` (sckg's whole path: checks, parameter binding, rows as a
  ``Table`` of pyoxigraph terms) against raw ``Store.query`` on the same store with the same text and prefixes
  and ``"de"`` written in place of ``?lang`` (pyoxigraph's ``substitutions`` only take projected variables),
  its solutions collected with ``list()``; rdflib runs the same text with ``initNs`` and ``initBindings`` in a
  worker process, rows collected with ``list()``, and is stopped after ``--cap`` seconds (the time then counts
  as a lower bound, marked ``>``). Each time is the median of ``--repeat`` runs (one run when it takes longer
  than 5 s), the engines taking turns.

Run: .venv/bin/python bench/stores.py [--sizes 100000 1000000] [--repeat 5] [--no-rdflib] [--cap 600]
(the 1M city with rdflib takes long: run it in the background).
"""

from __future__ import annotations

import argparse
import gc
import multiprocessing
import re
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from sckg import resources
from sckg.generate import generate_chunks
from sckg.kg import KnowledgeGraph, graph_iri
from sckg.namespaces import MODEL_GRAPH, PREFIXES
from sckg.queries import named_queries, run_named, run_query
from sckg.stores import load_store

TRIPLES_PER_PROJECT = 26.8  # what sckg generate writes, measured
ALL_TRIPLES = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"
SLOW = 5.0  # seconds: a query this slow runs once


def city_file(folder: Path, triples: int) -> Path:
    path = folder / f"city-{triples}.ttl"
    if not path.exists():
        with path.open("w", encoding="utf-8") as out:
            out.writelines(generate_chunks(round(triples / TRIPLES_PER_PROJECT), seed=1))
    return path


def cpu_timed(action: Callable[[], Any]) -> tuple[float, Any]:
    gc.collect()
    start = time.process_time()
    result = action()
    return time.process_time() - start, result


# --- loading ----------------------------------------------------------------------------------------------


def raw_load(folder: Path, city: Path) -> float:
    """Raw pyoxigraph: the same files into the same graphs of a fresh store, with bulk_load."""
    start = time.perf_counter()
    store = ox.Store(str(folder))
    for path in resources.model_files():
        store.bulk_load(path=str(path), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(MODEL_GRAPH))
    store.bulk_load(path=str(city), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(graph_iri(city)))
    store.flush()
    seconds = time.perf_counter() - start
    del store
    gc.collect()
    return seconds


def bench_load(work: Path, city: Path, repeat: int) -> tuple[dict[str, float], int, Path]:
    """Median seconds of raw and sckg loading (taking turns, fresh stores), the city's triples, a loaded store."""
    raw, ours, loading, triples = [], [], [], 0
    work.mkdir(parents=True, exist_ok=True)
    for i in range(repeat):
        shutil.rmtree(work / "raw", ignore_errors=True)
        raw.append(raw_load(work / "raw", city))
        target = work / f"sckg{i}"
        start = time.perf_counter()
        report = load_store(f"oxigraph:{target}", [city])
        ours.append(time.perf_counter() - start)
        loading.append(report.seconds)
        triples = report.triples
        if i:
            shutil.rmtree(target)
    shutil.rmtree(work / "raw", ignore_errors=True)
    loads = {
        "raw pyoxigraph bulk_load": statistics.median(raw),
        "sckg load (the command)": statistics.median(ours),
        "sckg load (loading, no summary)": statistics.median(loading),
    }
    return loads, triples, work / "sckg0"


# --- rdflib in a worker process, so that a query can be stopped -------------------------------------------


def _rdflib_worker(connection: Connection, files: list[Path]) -> None:
    import rdflib

    start = time.perf_counter()
    graph = rdflib.Graph()
    for path in files:
        graph.parse(path, format="turtle")
    connection.send(time.perf_counter() - start)
    while (text := connection.recv()) is not None:
        bindings = {"lang": rdflib.Literal("de")} if re.search(r"[?$]lang\b", text) else {}
        connection.send(cpu_timed(lambda text=text, b=bindings: len(list(graph.query(text, initNs=PREFIXES,
                                                                                     initBindings=b)))))


class Rdflib:
    """rdflib's memory store with the city, in a worker process; a query over ``cap`` seconds is stopped."""

    def __init__(self, files: list[Path], cap: float) -> None:
        self.files = files
        self.cap = cap
        self.parse_seconds = self._start()

    def _start(self) -> float:
        context = multiprocessing.get_context("fork")
        self.connection, child = context.Pipe()
        self.process = context.Process(target=_rdflib_worker, args=(child, self.files), daemon=True)
        self.process.start()
        return self.connection.recv()

    def query(self, text: str) -> tuple[float, int | None]:
        """CPU seconds and rows; ``(cap, None)`` when stopped."""
        self.connection.send(text)
        if self.connection.poll(self.cap):
            return self.connection.recv()
        self.process.kill()
        self.process.join()
        self._start()
        return self.cap, None

    def close(self) -> None:
        self.connection.send(None)
        self.process.join()


# --- queries ------------------------------------------------------------------------------------------------


def bench_queries(kg: KnowledgeGraph, rdflib: Rdflib | None, repeat: int) -> list[dict[str, Any]]:
    """Median CPU seconds and rows of each query on each engine; the engines take turns, round after round."""
    store: ox.Store = kg.backend.store  # type: ignore[attr-defined]

    def sckg(name: str | None, text: str) -> tuple[float, int | None]:
        return cpu_timed(lambda: len((run_named(kg, name, lang="de") if name else run_query(kg, text)).rows))

    def raw(name: str | None, text: str) -> tuple[float, int | None]:
        constant = re.sub(r"[?$]lang\b", '"de"', text)
        return cpu_timed(lambda: len(list(store.query(constant, prefixes=PREFIXES, use_default_graph_as_union=True))))

    engines: dict[str, Callable[[str | None, str], tuple[float, int | None]]] = {"sckg": sckg, "raw": raw}
    if rdflib:
        engines["rdflib"] = lambda name, text: rdflib.query(text)
    cases = [(name, q.text) for name, q in named_queries().items()] + [(None, ALL_TRIPLES)]
    results = []
    for name, text in cases:
        times: dict[str, list[float]] = {engine: [] for engine in engines}
        row: dict[str, Any] = {"query": name or "(extra) every triple"}
        for round_ in range(repeat):
            for engine, run in engines.items():
                if round_ and times[engine][0] >= SLOW:
                    continue
                seconds, row[f"{engine}_rows"] = run(name, text)
                times[engine].append(seconds)
        row.update({engine: statistics.median(times[engine]) for engine in engines})
        results.append(row)
        print(f"  … {row['query']}: " + ", ".join(f"{e} {row[e] * 1000:.1f} ms" for e in engines), flush=True)
    return results


def _ms(row: dict[str, Any], engine: str) -> str:
    capped = engine == "rdflib" and row["rdflib_rows"] is None
    return (">" if capped else "") + f"{row[engine] * 1000:.1f}"


def report(triples: int, size: int, loads: dict[str, float], rows: list[dict[str, Any]], with_rdflib: bool) -> None:
    print(f"\n=== synthetic city, {triples:,} triples (asked for ~{size:,}) ===")
    print(f"{'load (wall clock)':34} {'seconds':>9} {'triples/s':>12} {'rate vs raw':>12}")
    raw_load_s = loads["raw pyoxigraph bulk_load"]
    for name, seconds in loads.items():
        print(f"{name:34} {seconds:9.2f} {triples / seconds:12,.0f} {raw_load_s / seconds:12.2f}")
    head = f"{'query (CPU ms, median)':34} {'rows':>8} {'sckg':>10} {'raw':>10} {'sckg/raw':>9}"
    print("\n" + head + (f" {'rdflib':>11} {'rdflib/sckg':>12}" if with_rdflib else ""))
    for r in rows:
        line = f"{r['query']:34} {r['sckg_rows']:8,} {_ms(r, 'sckg'):>10} {_ms(r, 'raw'):>10} "
        line += f"{r['sckg'] / r['raw']:9.2f}"
        if with_rdflib:
            capped = r["rdflib_rows"] is None
            speedup = ("> " if capped else "") + f"{r['rdflib'] / r['sckg']:.1f}"
            line += f" {_ms(r, 'rdflib'):>11} {speedup:>12}"
            if not capped and r["rdflib_rows"] != r["sckg_rows"]:
                line += f"  (rdflib: {r['rdflib_rows']:,} rows)"
        if r["raw_rows"] != r["sckg_rows"]:
            line += f"  (raw: {r['raw_rows']:,} rows)"
        print(line)
    named = [r for r in rows if not r["query"].startswith("(extra)")]
    worst = max(rows, key=lambda r: r["sckg"] / r["raw"])
    medians = {e: statistics.median(r[e] for r in named) for e in ("sckg", "raw", *(["rdflib"] if with_rdflib else []))}
    print("\nmedian over the named queries: " + ", ".join(f"{e} {s * 1000:.1f} ms" for e, s in medians.items()))
    load_ratio = raw_load_s / loads["sckg load (the command)"]
    print(f"goal: sckg within 1.5x of raw on every query: {'met' if worst['sckg'] / worst['raw'] <= 1.5 else 'NOT met'}"
          f" (worst {worst['sckg'] / worst['raw']:.2f}x, {worst['query']})")
    print(f"goal: sckg loads at >= 90% of raw's rate: {'met' if load_ratio >= 0.9 else 'NOT met'} ({load_ratio:.0%})")
    if with_rdflib:
        speedups = sorted(r["rdflib"] / r["sckg"] for r in named)
        median = statistics.median(speedups)
        bound = "at least " if any(r["rdflib_rows"] is None for r in named) else ""
        print(f"goal: sckg >= 20x faster than rdflib (median over named queries): "
              f"{'met' if median >= 20 else 'NOT met' if not bound else 'open'} (median of per-query speedups "
              f"{bound}{median:.1f}x, ratio of medians {bound}{medians['rdflib'] / medians['sckg']:.1f}x)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000], help="triples per city")
    parser.add_argument("--repeat", type=int, default=5, help="runs per query (median)")
    parser.add_argument("--load-repeat", type=int, default=3, help="loads per store kind (median)")
    parser.add_argument("--no-rdflib", action="store_true", help="skip the rdflib baseline")
    parser.add_argument("--cap", type=float, default=600.0, help="seconds after which an rdflib query is stopped")
    parser.add_argument("--workdir", type=Path, help="keep the generated cities here (default: a temp folder)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sckg-bench-") as tmp:
        work = args.workdir or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        for size in args.sizes:
            city = city_file(work, size)
            print(f"city of ~{size:,} triples: {city} ({city.stat().st_size / 1e6:.0f} MB)", flush=True)
            stores = work / f"stores-{size}"
            loads, triples, store = bench_load(stores, city, args.load_repeat)
            rdflib = None if args.no_rdflib else Rdflib([*resources.model_files(), city], args.cap)
            if rdflib:
                loads["rdflib Graph.parse"] = rdflib.parse_seconds
            kg = KnowledgeGraph.open(None, f"oxigraph:{store}")
            rows = bench_queries(kg, rdflib, args.repeat)
            report(triples, size, loads, rows, rdflib is not None)
            kg.close()
            del kg
            if rdflib:
                rdflib.close()
            shutil.rmtree(stores)


if __name__ == "__main__":
    main()
