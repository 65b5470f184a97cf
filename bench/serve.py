"""``sckg serve`` under load: many clients, some of them sending queries that must be stopped (issue
14).

On a synthetic city (``sckg generate``) loaded into an Oxigraph store, ``--clients`` threads send
queries for ``--seconds`` each to ``sckg serve`` (started as the command, as a user would), a share
``--heavy`` of them heavy: the issue's sort of a cross join (``ORDER BY`` over every pair of
triples; it ignores Oxigraph's own time limit and eats memory) and a count over a three-way join
(Oxigraph's own limit stops it). Light queries are what a client of an endpoint asks: a project's
title, its actors with labels, the projects of a field.

Measured, in one run:
- baseline: the light queries alone on one bare Oxigraph server (``oxigraph serve-read-only``, no
  proxy);
- ``sckg serve``, light queries alone (the proxy's cost);
- ``sckg serve`` with the heavy share: light queries' errors (goal 0) and p95 (goal < 100 ms at
  100k), how every heavy query ended (goal: a clear 504, or 503 when it hits the memory cap, within
  its limit + 1 s), the peak memory of the server and its Oxigraph processes together (their PSS,
  sampled every 50 ms; goal: under the cap), and a light query after the load (goal: answered
  normally).

    python bench/serve.py                    # the 100k city
    python bench/serve.py --million          # and the 1M city
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import contextlib

from stores import city_file

from sckg.serve import free_port, oxigraph_binary
from sckg.stores import load_store

PREFIX = (
    "PREFIX sckg: <https://w3id.org/sckg/ontology#> PREFIX s: "
    "<https://w3id.org/sckg/id/synthetic/> "
)
LIGHT = {
    "title": PREFIX + "SELECT ?t WHERE { s:project-{n} <http://purl.org/dc/terms/title> ?t }",
    "actors": PREFIX
    + "SELECT ?a ?l WHERE { s:project-{n} ?p ?a . ?a <http://www.w3.org/2000/01/rdf-schema#label> "
    "?l FILTER(?p IN (sckg:managedBy, sckg:contractor)) }",
    "field": PREFIX
    + "SELECT ?p WHERE { ?p sckg:inFieldOfAction ?f . s:project-{n} sckg:inFieldOfAction ?f } "
    "LIMIT 50",
}
HEAVY = {
    # the query of issue 14
    "sort": "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f LIMIT 10",
    "join": "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
}
ACCEPT = "application/sparql-results+json"


@dataclass
class Outcome:
    kind: str  # "light" or the heavy query's name
    status: int
    seconds: float
    ok: bool  # a light query: 200 and results; a heavy one: 504/503 with the server's message


@dataclass
class Run:
    name: str
    outcomes: list[Outcome] = field(default_factory=list)
    peak_memory: int = 0
    after: str = ""


def send(host: str, port: int, text: str) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection(host, port, timeout=120)
    try:
        body = urllib.parse.urlencode({"query": text})
        connection.request(
            "POST",
            "/query",
            body,
            {"Content-Type": "application/x-www-form-urlencoded", "Accept": ACCEPT},
        )
        answer = connection.getresponse()
        return answer.status, answer.read()
    except (OSError, http.client.HTTPException):
        return 0, b""
    finally:
        connection.close()


def client(
    port: int, seconds: float, heavy: float, projects: int, seed: int, out: list[Outcome]
) -> None:
    rng = random.Random(seed)
    until = time.monotonic() + seconds
    while time.monotonic() < until:
        if rng.random() < heavy:
            kind = rng.choice(sorted(HEAVY))
            text = HEAVY[kind]
        else:
            kind, text = (
                "light",
                rng.choice(list(LIGHT.values())).replace("{n}", str(rng.randint(1, projects))),
            )
        start = time.monotonic()
        status, body = send("127.0.0.1", port, text)
        seconds_taken = time.monotonic() - start
        if kind == "light":
            ok = status == 200 and "bindings" in json.loads(body or b"{}").get("results", {})
        else:
            ok = status in (503, 504) and body.startswith(b"Query stopped")
        out.append(Outcome(kind, status, seconds_taken, ok))


def tree_memory(pid: int) -> int:
    """Memory of a process and its children: their proportional set sizes (PSS, Linux's
    smaps_rollup), in which a page shared by several processes (the store's files, which every
    Oxigraph process maps) counts once in all; the sum of resident sizes counted them once per
    process (0.39 GB against 0.26 GB for the idle server)."""
    pids = [
        pid,
        *map(
            int,
            subprocess.run(
                ["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True
            ).stdout.split(),
        ),
    ]
    total = 0
    for each in pids:
        with contextlib.suppress(OSError, IndexError, ValueError, StopIteration):
            rollup = Path(f"/proc/{each}/smaps_rollup").read_text().splitlines()
            total += int(next(line for line in rollup if line.startswith("Pss:")).split()[1]) * 1024
    return total


def load(
    run: Run,
    pid: int,
    port: int,
    args: argparse.Namespace,
    heavy: float,
    seconds: float,
    projects: int,
) -> None:
    stop = threading.Event()

    def sample() -> None:
        while not stop.wait(0.05):
            run.peak_memory = max(run.peak_memory, tree_memory(pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    threads = [
        threading.Thread(target=client, args=(port, seconds, heavy, projects, i, run.outcomes))
        for i in range(args.clients)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    stop.set()
    sampler.join()
    status, body = send("127.0.0.1", port, LIGHT["title"].replace("{n}", "1"))
    run.after = (
        f"{status}, {len(json.loads(body)['results']['bindings'])} rows"
        if status == 200
        else str(status)
    )


def start(command: list[str], port: int) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
        start_new_session=True,
    )
    until = time.monotonic() + 120
    while time.monotonic() < until:
        if send("127.0.0.1", port, "ASK {}")[0] == 200:
            return process
        if process.poll() is not None:
            raise SystemExit(
                f"the server did not start: {process.stderr.read() if process.stderr else ''}"
            )
        time.sleep(0.1)
    raise SystemExit("the server did not start within 120 s")


def finish(process: subprocess.Popen[str]) -> None:
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def bench_city(args: argparse.Namespace, work: Path, triples: int) -> list[tuple[Run, int]]:
    city = city_file(work, triples)
    projects = len(
        re.findall(r"^s:project-\d+ a sckg:Project", city.read_text(encoding="utf-8"), re.MULTILINE)
    )
    store = work / f"store-{triples}"
    if not store.exists():
        load_store(f"oxigraph:{store}", [city])
    runs = []
    port = free_port()
    bare = [
        oxigraph_binary(),
        "serve-read-only",
        "--location",
        str(store),
        "--bind",
        f"127.0.0.1:{port}",
        "--union-default-graph",
        "--timeout-s",
        str(args.timeout),
    ]
    base = Run("bare Oxigraph server, light only (baseline)")
    process = start(bare, port)
    load(base, process.pid, port, args, 0.0, args.baseline_seconds, projects)
    finish(process)
    runs.append((base, projects))
    serve = [
        sys.executable,
        "-c",
        "from sckg.cli import main; main()",
        "serve",
        "--store",
        f"oxigraph:{store}",
        "--port",
        str(port),
        "--timeout",
        str(args.timeout),
        "--memory",
        args.memory,
    ]
    for name, heavy, seconds in (
        ("sckg serve, light only", 0.0, args.baseline_seconds),
        (f"sckg serve, {args.heavy:.0%} heavy", args.heavy, args.seconds),
    ):
        run = Run(name)
        process = start(serve, port)
        load(run, process.pid, port, args, heavy, seconds, projects)
        finish(process)
        runs.append((run, projects))
    return runs


def report(triples: int, runs: list[tuple[Run, int]], args: argparse.Namespace, cap: int) -> None:
    print(
        f"\n### City of {triples:,} triples ({runs[0][1]:,} projects), {args.clients} clients, "
        f"time limit {args.timeout} s, memory cap {args.memory}\n"
    )
    print(
        "| run | light queries | light errors | p50 ms | p95 ms | × baseline p95 | heavy queries | "
        "heavy outcomes | slowest heavy s | peak memory | answer after |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    base_p95 = None
    for run, _ in runs:
        light = [o for o in run.outcomes if o.kind == "light"]
        heavy = [o for o in run.outcomes if o.kind != "light"]
        times = [o.seconds * 1000 for o in light]
        p95 = percentile(times, 0.95)
        base_p95 = base_p95 or p95
        errors = sum(not o.ok for o in light)
        codes = Counter(f"{o.kind} {o.status}" for o in heavy)
        outcomes = ", ".join(f"{n} × {code}" for code, n in sorted(codes.items())) or "–"
        slowest = f"{max(o.seconds for o in heavy):.2f}" if heavy else "–"
        print(
            f"| {run.name} | {len(light):,} | {errors} | {statistics.median(times):.1f} | "
            f"{p95:.1f} | {p95 / base_p95:.2f} | {len(heavy)} | {outcomes} | {slowest} | "
            f"{run.peak_memory / 1e9:.2f} GB | {run.after} |"
        )
        if heavy:
            unclear = sum(not o.ok for o in heavy)
            late = sum(o.seconds > args.timeout + 1 for o in heavy)
            print(
                f"\n  heavy queries without a clear 503/504: {unclear}; over the limit + 1 s: "
                f"{late}; peak memory {'under' if run.peak_memory < cap else 'OVER'} the cap",
                flush=True,
            )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--triples", type=int, default=100_000, help="the city's size")
    parser.add_argument("--million", action="store_true", help="also the city of a million triples")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument(
        "--seconds", type=float, default=60.0, help="length of the run with heavy queries"
    )
    parser.add_argument(
        "--baseline-seconds", type=float, default=20.0, help="length of the light-only runs"
    )
    parser.add_argument("--heavy", type=float, default=0.1, help="share of heavy queries")
    parser.add_argument("--timeout", type=int, default=5, help="the server's time limit in seconds")
    parser.add_argument("--memory", default="2G", help="the server's memory cap")
    parser.add_argument("--workdir", type=Path, help="keep the generated cities and stores here")
    args = parser.parse_args()
    from sckg.serve import parse_size

    cap = parse_size(args.memory)
    with tempfile.TemporaryDirectory(prefix="sckg-bench-serve-") as tmp:
        work = args.workdir or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        for triples in [args.triples, *([1_000_000] if args.million else [])]:
            report(triples, bench_city(args, work, triples), args, cap)


if __name__ == "__main__":
    main()
