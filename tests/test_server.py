"""The three stores give the same answers; the real SPARQL server of ``sckg serve``: read-only, time
limit, push."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from servers import oxigraph_store_fixture, sparql_server_fixture  # noqa: F401  (pytest fixtures)
from typer.testing import CliRunner

from sckg import resources
from sckg.cli import app
from sckg.errors import QueryError, StoreError
from sckg.kg import KnowledgeGraph
from sckg.namespaces import MODEL_GRAPH
from sckg.queries import named_queries, run_named
from sckg.results import to_python
from sckg.serve import DEFAULT_WORKERS, SparqlServer
from sckg.stores import GRAPH_BASE, graph_sizes, push

pytestmark = pytest.mark.server
DATASETS = ["braunschweig", "musterstadt"]


def three_stores(
    dataset: str, oxigraph_store: Callable, sparql_server: Callable
) -> dict[str, KnowledgeGraph]:
    return {
        "memory": KnowledgeGraph.open([resources.dataset(dataset)]),
        "oxigraph": oxigraph_store(dataset),
        "sparql": KnowledgeGraph.open(None, "sparql:" + sparql_server(dataset).query_url),
    }


#: Columns made by GROUP_CONCAT: SPARQL leaves the order of the parts open (a store on disk orders
#: them differently from one in memory), so they are compared as sorted lists.
CONCATENATED = {"fieldLabels"}


def plain(table: Any) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Columns and rows as plain values, the rows sorted: rows that tie in a query's ORDER BY may
    come in any order (SPARQL leaves it open, and a store on disk orders them differently from one
    in memory)."""

    def value(column: str, term: Any) -> Any:
        value = to_python(term)
        return sorted(value.split(", ")) if column in CONCATENATED and value else value

    rows = (
        tuple(value(c, t) for c, t in zip(table.columns, row, strict=True)) for row in table.rows
    )
    return table.columns, sorted(rows, key=repr)


@pytest.mark.parametrize("dataset", DATASETS)
def test_named_queries_give_the_same_rows_on_all_three_stores(
    dataset: str, oxigraph_store: Callable, sparql_server: Callable
) -> None:
    stores = three_stores(dataset, oxigraph_store, sparql_server)
    answered = 0
    for name in named_queries():
        for lang in ("de", "en"):
            results = {store: plain(run_named(kg, name, lang=lang)) for store, kg in stores.items()}
            assert results["oxigraph"] == results["memory"], (name, lang)
            assert results["sparql"] == results["memory"], (name, lang)
            answered += bool(results["memory"][1])
    assert (
        answered >= 20
    )  # most named queries have rows on the bundled data: the comparison is not empty


@pytest.mark.parametrize("dataset", DATASETS)
def test_projections_are_the_same_on_all_three_stores(
    dataset: str, oxigraph_store: Callable, sparql_server: Callable
) -> None:
    from sckg.network.projection import PROJECTIONS, project

    stores = three_stores(dataset, oxigraph_store, sparql_server)
    for name in PROJECTIONS:
        graphs = {store: project(kg, name, lang="en") for store, kg in stores.items()}
        expected = graphs["memory"]
        # Braunschweig holds no interviews: nobody named anybody (the comparison is Musterstadt's)
        if not (name == "partners" and dataset == "braunschweig"):
            assert expected.number_of_nodes() > 0, name
        for store in ("oxigraph", "sparql"):
            assert sorted(graphs[store].nodes(data=True)) == sorted(expected.nodes(data=True)), (
                name,
                store,
            )
            assert sorted(graphs[store].edges(data=True)) == sorted(expected.edges(data=True)), (
                name,
                store,
            )


#: Commands that read the graph, with arguments; each runs with --store on every store and must
#: print the same.
READ_COMMANDS = {
    "query": ["query", "projects-by-field", "-f", "csv"],
    "stats": ["stats", "-f", "json"],
    "validate": ["validate", "-f", "json"],
    "export": ["export", "-f", "nt"],
    "link papers": ["link", "papers"],
    "link actors": ["link", "actors", "-f", "csv"],
    "prioritise": ["prioritise", "-f", "csv"],
    **{
        f"analyze {name}": ["analyze", name, "-f", "csv"]
        for name in (
            "bridges",
            "centrality",
            "communities",
            "critical-path",
            "cycles",
            "gaps",
            "overlap",
            "silos",
            "field-needs",
            "blind-spots",
            "named-partners",
            "unanswered-needs",
        )
    },
    "analyze impact": [
        "analyze",
        "impact",
        "https://w3id.org/sckg/id/musterstadt/project/lorawan-netz",
        "-f",
        "csv",
    ],
    # commands that write files write them to OUT, and the files are compared too
    "viz": ["viz", "-p", "dependencies", "-o", "OUT/map.html"],
    "report": ["report", "-o", "OUT"],
    "present": ["present", "-o", "OUT/deck.html"],
    "site": ["site", "-o", "OUT/site"],
}


#: At most this many requests per command on a SPARQL endpoint: no command may query once per node
#: or row.
MAX_REQUESTS = 15
#: Commands that ask more distinct questions: their limit, and why (the count must not grow with the
#: data).
MANY_REQUESTS = {
    "site": (
        35,
        "the site's data: every statement, the classes, labels in one request, the concepts the "
        "data points to in batches of 500 IRIs; the pages of the process status, legal frame, "
        "strategy tree and priorities (13, as in the report), the city's fields of action, the "
        "datasets' terms of reuse: each question once, none per page",
    ),
    "report": (
        91,
        "five projections and the city's fields of action they keep (namespaces.CITY_FIELDS), "
        "validation (one query), figures, analyses, 8 charts and 15 maps, the "
        "ill-typed values left out, the priorities, what the interviews say (14: their counts, "
        "statements, partners, dots, drafts), the key points, process status, legal frame and "
        "strategy tree (13): each question once (KnowledgeGraph.cached), none per node or per "
        "field of action; the datasets' terms of reuse",
    ),
    "prioritise": (
        20,
        "the graph criteria (goals, dependencies, council mandate, budget, milestones, readiness) "
        "and their labels: each question once",
    ),
    "present": (
        94,
        "the briefing's questions, and the deck's maps and field figures (and the interviews' "
        "slide): each question once",
    ),
}


def _store_commands() -> set[str]:
    """Every command (``link papers`` for a sub-command) that has a --store option."""
    import typer.main

    found = set()
    groups: list[tuple[str, Any]] = [("", typer.main.get_command(app))]
    while groups:
        prefix, group = groups.pop()
        for name, command in group.commands.items():
            if hasattr(command, "commands"):
                groups.append((f"{prefix}{name} ", command))
            elif any(param.name == "store" for param in command.params):
                found.add(prefix + name)
    return found


def test_every_command_that_reads_the_graph_is_checked_on_every_store() -> None:
    missing = sorted(
        _store_commands() - set(READ_COMMANDS) - {"load", "push", "serve"}
    )  # tested below
    assert not missing, f"add an invocation of {missing} to READ_COMMANDS in {__file__}"


@pytest.mark.parametrize("command", sorted(READ_COMMANDS))
def test_commands_print_the_same_on_all_three_stores(
    command: str, sparql_server: Callable, tmp_path: Path
) -> None:
    if command not in _store_commands():
        pytest.skip(f"'sckg {command}' is not there yet")
    runner = CliRunner()
    path = resources.dataset("musterstadt")
    store = tmp_path / "store"
    assert runner.invoke(app, ["load", "--store", f"oxigraph:{store}", str(path)]).exit_code == 0
    out = tmp_path / "out"
    args = [arg.replace("OUT", str(out)) for arg in READ_COMMANDS[command]]
    outputs: dict[str, tuple[int, str, dict[str, bytes]]] = {}
    said: dict[str, str] = {}  # stderr, shown when a store's output differs
    server = sparql_server("musterstadt")
    for spec, data in (
        ("memory", ["--data", str(path)]),
        (f"oxigraph:{store}", []),
        ("sparql:" + server.query_url, []),
    ):
        before = server.requests
        result = runner.invoke(app, [*args, *data, "--store", spec])
        requests = server.requests - before
        assert "Traceback" not in result.output
        stamp = re.compile(rb"\d{4}-\d\d-\d\d \d\d:\d\d")  # when a report was made
        files = {
            str(f.relative_to(out)): stamp.sub(b"...", f.read_bytes())
            for f in out.rglob("*")
            if f.is_file()
        }
        stdout = re.sub(r"\d+\.\d+ s\b", "… s", result.stdout)  # timings
        outputs[spec.split(":")[0]] = (result.exit_code, stdout, files)
        said[spec.split(":")[0]] = result.stderr
        shutil.rmtree(out, ignore_errors=True)
    assert outputs["memory"][0] == 0, outputs["memory"][1]
    limit = MANY_REQUESTS.get(command, (MAX_REQUESTS, ""))[0]
    assert requests <= limit, f"{requests} requests to the endpoint"
    assert outputs["memory"][1].strip() or outputs["memory"][2], command
    for store in ("oxigraph", "sparql"):
        code, stdout, files = outputs[store]
        assert (code, stdout) == outputs["memory"][:2], (store, said[store])
        assert files.keys() == outputs["memory"][2].keys(), store
        for name in (
            files
        ):  # maps included: projections are sorted, so layouts are identical on every store
            assert files[name] == outputs["memory"][2][name], (store, name)


def test_syntax_errors_point_into_the_query_as_written_on_every_store(
    oxigraph_store: Callable, sparql_server: Callable
) -> None:
    stores = three_stores("braunschweig", oxigraph_store, sparql_server)
    query = "SELECT ?p WHERE {\n  ?p a sckg:Project ;\n     dcterms:title ?t ?x .\n}"
    messages = set()
    for kg in stores.values():
        with pytest.raises(QueryError) as caught:
            kg.select(query, {"t": ox.Literal("x")})
        messages.add(str(caught.value))
    assert len(messages) == 1
    assert (
        messages.pop()
        == "SPARQL syntax error at line 4, column 2: expected one of FILTER, VALUES, [_]\n  }\n   ^"
    )


def _post(url: str, **form: str) -> tuple[int, str]:
    request = urllib.request.Request(url, data=urllib.parse.urlencode(form).encode(), method="POST")
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, answer.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def test_an_update_is_refused_unless_the_server_is_in_write_mode(
    sparql_server: Callable, tmp_path: Path
) -> None:
    update = (
        "INSERT DATA { GRAPH <https://example.org/g> { <https://example.org/a> a "
        "<https://example.org/B> } }"
    )
    ask = "ASK { <https://example.org/a> a <https://example.org/B> }"
    reader = sparql_server("braunschweig")
    assert _post(reader.update_url, update=update) == (403, "The server is read-only")
    assert KnowledgeGraph.open(None, "sparql:" + reader.query_url).ask(ask) is False

    with SparqlServer(tmp_path / "store", port=0, write=True) as writer:
        assert _post(writer.update_url, update=update) == (204, "")
        assert KnowledgeGraph.open(None, "sparql:" + writer.query_url).ask(ask) is True


SLOW_QUERIES = {
    # Oxigraph's own --timeout-s stops this one and cuts off the answer; the proxy turns it into a
    # 504.
    "join": "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }",
    # A sort ignores Oxigraph's time limit (oxigraph#1871); the proxy restarts the server to stop
    # it.
    "sort": "SELECT ?a WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i",
}


@pytest.mark.parametrize("kind", sorted(SLOW_QUERIES))
def test_a_query_over_the_time_limit_is_stopped_with_a_clear_message(
    kind: str, sparql_server: Callable
) -> None:
    server = sparql_server("braunschweig", timeout=1)
    kg = KnowledgeGraph.open(None, "sparql:" + server.query_url)
    start = time.monotonic()
    with pytest.raises(QueryError) as caught:
        kg.select(SLOW_QUERIES[kind])
    assert time.monotonic() - start < 10
    assert str(caught.value) == (
        "The SPARQL endpoint stopped the query: it ran over the time limit of 1 s; narrow it down "
        "(more specific patterns, LIMIT) or start the server with a longer --timeout."
    )
    assert kg.select("SELECT (COUNT(*) AS ?n) WHERE { ?p a sckg:Project }").records() == [{"n": 5}]


def test_the_cli_reports_a_stopped_query_without_traceback(sparql_server: Callable) -> None:
    url = sparql_server("braunschweig", timeout=1).query_url
    result = CliRunner().invoke(app, ["query", SLOW_QUERIES["join"], "--store", f"sparql:{url}"])
    assert result.exit_code == 1
    assert result.output == (
        "Error: The SPARQL endpoint stopped the query: it ran over the time limit of 1 s; narrow "
        "it down (more specific patterns, LIMIT) or start the server with a longer --timeout.\n"
    )


@pytest.mark.parametrize("source", ["memory", "oxigraph", "sparql"])
def test_push_sends_one_graph_per_dataset_and_reads_back_the_same(
    source: str, oxigraph_store: Callable, sparql_server: Callable, tmp_path: Path
) -> None:
    datasets = ("braunschweig", "musterstadt")
    memory = KnowledgeGraph.open([resources.dataset(name) for name in datasets])
    origin = {
        "memory": memory,
        "oxigraph": oxigraph_store(*datasets),
        "sparql": KnowledgeGraph.open(None, "sparql:" + sparql_server(*datasets).query_url),
    }[source]
    with SparqlServer(tmp_path / "store", port=0, write=True) as server:
        report = push(origin, server.store_url)
        again = push(origin, server.store_url)
        remote = KnowledgeGraph.open(None, "sparql:" + server.query_url)
        sizes = graph_sizes(memory)
        expected = [
            (
                GRAPH_BASE + name,
                sum(n for g, n in sizes.items() if g.startswith(resources.dataset(name).as_uri())),
            )
            for name in datasets
        ]
        assert expected[0] == (GRAPH_BASE + "braunschweig", 486)
        assert [(g.iri, g.triples) for g in report.graphs] == [
            *expected,
            (MODEL_GRAPH, sizes[MODEL_GRAPH]),
        ]
        assert [(g.iri, g.triples) for g in again.graphs] == [
            (g.iri, g.triples) for g in report.graphs
        ]
        assert remote.data_graphs() == [GRAPH_BASE + "braunschweig", GRAPH_BASE + "musterstadt"]
        assert remote.select(
            "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
        ).records() == [{"n": report.triples}]
        for name in named_queries():
            assert plain(run_named(remote, name)) == plain(run_named(memory, name)), name


def test_push_to_a_read_only_server_says_how_to_fix_it(sparql_server: Callable) -> None:
    result = CliRunner().invoke(
        app, ["push", "--endpoint", sparql_server("braunschweig").store_url]
    )
    assert result.exit_code == 1
    assert re.fullmatch(
        r"Error: The endpoint http://127\.0\.0\.1:\d+/store refused the graph "
        r"<https://w3id\.org/sckg/graph/braunschweig> \(HTTP 403: The server is read-only\)\. "
        r"Start the server in write mode \('sckg serve --write'\)\.\n",
        result.output,
    )


@pytest.mark.parametrize(
    ("locale", "said", "memory", "stopped"),
    [
        (
            "C.UTF-8",
            r"SPARQL endpoint: (\S+/query)  \(read-only, queries stop after 5 s\)\n",
            "Memory cap:      1.5 GB (a query over it is stopped)\n",
            "Stopped.",
        ),
        (
            "de_DE.UTF-8",
            r"SPARQL-Endpunkt:   (\S+/query)  \(nur Lesen, Abfragen enden nach 5 s\)\n",
            "Speichergrenze:    1,5 GB (eine Abfrage darüber wird beendet)\n",
            "Beendet.",
        ),
    ],
)
def test_sckg_serve_runs_until_stopped_and_leaves_nothing_behind(
    tmp_path: Path, locale: str, said: str, memory: str, stopped: str
) -> None:
    process = _sckg_serve(tmp_path, "--timeout", "5", "--memory", "1536M", LANG=locale)
    try:
        assert process.stdout and process.stderr
        first = process.stdout.readline()
        match = re.fullmatch(said, first)
        assert match, first + process.stderr.read()
        banner = [process.stdout.readline() for _ in range(6)]
        assert banner[-1] == memory, banner
        kg = KnowledgeGraph.open(None, f"sparql:{match.group(1)}")
        assert kg.select("SELECT (COUNT(*) AS ?n) WHERE { ?p a sckg:Project }").records() == [
            {"n": 5}
        ]
        oxigraph_pids = _children(process.pid)
        assert len(oxigraph_pids) == DEFAULT_WORKERS  # the read-only pool
    finally:
        process.send_signal(signal.SIGTERM)
        _, err = process.communicate(timeout=20)
    assert process.returncode == 0, err
    assert err.endswith(f"{stopped}\n")
    for pid in oxigraph_pids:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)
    with pytest.raises(StoreError, match="does not answer"):
        kg.backend._graphs = None
        kg.backend.graph_names()


def test_oxigraph_processes_end_with_a_killed_sckg_serve(tmp_path: Path) -> None:
    """A ``sckg serve`` killed without a chance to stop its pool (``kill -9``, the kernel's OOM
    killer) left its Oxigraph processes running, each with its memory and a port."""
    process = _sckg_serve(tmp_path, "--workers", "2")
    try:
        assert process.stdout and "/query" in process.stdout.readline()
        oxigraph_pids = _children(process.pid)
        assert len(oxigraph_pids) == 2
    finally:
        process.kill()
        process.communicate()
    until = time.monotonic() + 10
    while time.monotonic() < until and any(_running(pid) for pid in oxigraph_pids):
        time.sleep(0.05)
    assert [pid for pid in oxigraph_pids if _running(pid)] == []


def _sckg_serve(tmp_path: Path, *options: str, **env: str) -> subprocess.Popen[str]:
    """``sckg serve`` with ``options`` as a command of its own over a store of the Braunschweig
    data, on a free port, its output unbuffered and read as text."""
    store = tmp_path / "store"
    CliRunner().invoke(
        app, ["load", "--store", f"oxigraph:{store}", str(resources.dataset("braunschweig"))]
    )
    command = ["serve", "--store", f"oxigraph:{store}", "--port", "0", *options]
    return subprocess.Popen(
        [sys.executable, "-c", "from sckg.cli import main; main()", *command],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1", **env},
    )


def _children(pid: int) -> list[int]:
    """The process ids of the children of the process ``pid``."""
    found = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True)
    return [int(child) for child in found.stdout.split()]


def _running(pid: int) -> bool:
    """Whether the process ``pid`` runs (a zombie, ended but not reaped, does not)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0] != "Z"
    except (OSError, IndexError):
        return False


def test_serve_refuses_a_remote_store() -> None:
    result = CliRunner().invoke(app, ["serve", "--store", "sparql:http://127.0.0.1:9/query"])
    assert result.exit_code == 2
    assert result.output == (
        "Error: 'sckg serve' serves a store of this machine: use --store memory or --store "
        "oxigraph:PATH, not 'sparql:http://127.0.0.1:9/query'.\n"
    )
