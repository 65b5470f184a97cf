"""Persistent stores and endpoints without a server: loading, idempotent reloads, and clear
errors."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from servers import serving
from typer.testing import CliRunner

from sckg import resources
from sckg.cli import app
from sckg.errors import DataError, StoreError, UsageError
from sckg.kg import KnowledgeGraph, graph_iri
from sckg.namespaces import MODEL_GRAPH
from sckg.remote import SparqlBackend
from sckg.serve import free_port
from sckg.stores import GRAPH_BASE, graph_sizes, load_store, push_targets

TWO_PROJECTS = """
ex:a a sckg:Project ; dcterms:title "A"@de ; sckg:hasBudget [ schema:value 10.5 ; schema:currency\
 "EUR" ] .
ex:b a sckg:Project ; dcterms:title "B"@de .
"""


def count(store: str, where: str = "?p a sckg:Project") -> int:
    kg = KnowledgeGraph.open(None, store)
    try:
        return kg.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}").records()[0]["n"]
    finally:
        kg.close()


def test_load_bulk_loads_each_file_into_its_graph_and_reports(
    tmp_path: Path, turtle_file: Callable
) -> None:
    path = turtle_file(TWO_PROJECTS)
    store = f"oxigraph:{tmp_path / 'db'}"
    report = load_store(store, [path])
    model = report.store_triples - 7
    assert (report.files, report.triples, report.graphs) == (1, 7, 2)
    assert report.rate == report.triples / report.seconds
    kg = KnowledgeGraph.open(None, store)
    assert graph_sizes(kg) == {graph_iri(path): 7, MODEL_GRAPH: model}
    kg.close()


def test_reloading_a_file_replaces_its_graph(tmp_path: Path, turtle_file: Callable) -> None:
    path = turtle_file(TWO_PROJECTS)
    store = f"oxigraph:{tmp_path / 'db'}"
    first = load_store(store, [path])
    again = load_store(
        store, [path]
    )  # a blank node: loaded twice it would be two budgets, were it added
    assert (again.triples, again.store_triples) == (first.triples, first.store_triples)
    assert count(store, "?x schema:value ?v") == 1

    turtle_file(
        'ex:a a sckg:Project ; dcterms:title "A"@de .'
    )  # ex:b and the budget are gone from the file
    assert load_store(store, [path]).triples == 2
    assert count(store) == 1


def test_replace_leaves_only_the_given_files(tmp_path: Path, turtle_file: Callable) -> None:
    store = f"oxigraph:{tmp_path / 'db'}"
    load_store(
        store,
        [turtle_file(TWO_PROJECTS, "one.ttl"), turtle_file("ex:c a sckg:Project .", "two.ttl")],
    )
    assert count(store) == 3
    report = load_store(store, [turtle_file("ex:d a sckg:Project .", "three.ttl")], replace=True)
    assert (report.removed, report.graphs) == (2, 2)
    assert count(store) == 1


def test_the_cli_prints_the_summary(tmp_path: Path) -> None:
    db = tmp_path / "db"
    result = CliRunner().invoke(
        app, ["load", "--store", f"oxigraph:{db}", str(resources.dataset("braunschweig"))]
    )
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert re.fullmatch(
        r"Loaded 5 files, 486 triples, in \d+\.\d\d s \([\d,]+ triples/s\)\.", lines[0]
    ), lines[0]
    assert re.fullmatch(
        rf"oxigraph:{re.escape(str(db))} holds [\d,]+ triples in 6 named graphs\.", lines[1]
    )
    assert len(lines) == 2


def test_a_malformed_file_keeps_its_previous_graph(tmp_path: Path, turtle_file: Callable) -> None:
    path = turtle_file(TWO_PROJECTS)
    store = f"oxigraph:{tmp_path / 'db'}"
    load_store(store, [path])
    path.write_text(
        "@prefix ex: <https://example.org/city/> .\nex:a ex:p ex:b .\nex:c ex:p", encoding="utf-8"
    )
    with pytest.raises(DataError, match=r"graph\.ttl, line 3, column \d+: malformed RDF"):
        load_store(store, [path])
    kg = KnowledgeGraph.open(None, store)
    assert kg.data_graphs() == [path.resolve().as_uri()]  # loading is all or nothing (issue 14)
    assert len(kg.triples()) == len(
        KnowledgeGraph.open([turtle_file(TWO_PROJECTS, "again.ttl")]).triples()
    )
    kg.close()


@pytest.mark.parametrize(
    ("store", "message"),
    [
        (
            "memory",
            "Error: 'sckg load' fills a persistent store: use --store oxigraph:PATH, not 'memory' "
            "(a SPARQL endpoint is filled with 'sckg push').\n",
        ),
        (
            "sparql:http://127.0.0.1:9/query",
            "Error: 'sckg load' fills a persistent store: use --store oxigraph:PATH, not "
            "'sparql:http://127.0.0.1:9/query' (a SPARQL endpoint is filled with 'sckg push').\n",
        ),
    ],
)
def test_load_needs_a_persistent_store(store: str, message: str) -> None:
    result = CliRunner().invoke(
        app, ["load", "--store", store, str(resources.dataset("braunschweig"))]
    )
    assert (result.exit_code, result.output) == (2, message)


def _query(store: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["query", "projects-by-field", "--store", store])
    return result.exit_code, result.output


def test_a_file_is_not_a_store(tmp_path: Path) -> None:
    path = tmp_path / "city.ttl"
    path.write_text("", encoding="utf-8")
    assert _query(f"oxigraph:{path}") == (
        1,
        f"Error: {path}: not an Oxigraph store (it is a file; an Oxigraph store is a folder)\n",
    )


def test_a_folder_of_other_files_is_not_a_store() -> None:
    path = resources.dataset("braunschweig")
    assert _query(f"oxigraph:{path}") == (
        1,
        f"Error: {path}: not an Oxigraph store (the folder holds other files)\n",
    )


def test_reading_a_store_that_does_not_exist_does_not_create_it(tmp_path: Path) -> None:
    path = tmp_path / "typo"
    assert _query(f"oxigraph:{path}") == (
        1,
        f"Error: {path}: no Oxigraph store there yet; create it with 'sckg load --store "
        "oxigraph:PATH FILES'\n",
    )
    assert not path.exists()


def test_a_store_in_use_says_so(tmp_path: Path, turtle_file: Callable) -> None:
    path = tmp_path / "db"
    holder = KnowledgeGraph.open([turtle_file(TWO_PROJECTS)], f"oxigraph:{path}")
    try:
        assert _query(f"oxigraph:{path}") == (
            1,
            f"Error: {path}: the Oxigraph store is in use by another process (a running 'sckg "
            "serve --write' or 'sckg load'?); stop it, or query the running server with --store "
            "sparql:URL\n",
        )
    finally:
        holder.close()


def test_an_endpoint_that_does_not_answer() -> None:
    url = f"http://127.0.0.1:{free_port()}/query"
    assert _query(f"sparql:{url}") == (
        1,
        f"Error: The endpoint {url} does not answer (Connection refused). Check the URL and that "
        "the server is running.\n",
    )


def test_an_endpoint_url_must_be_http() -> None:
    with pytest.raises(
        UsageError, match=r"^'ftp://x/q' is not an http:// or https:// URL \(a SPARQL endpoint, "
    ):
        SparqlBackend("ftp://x/q")


class _Slow(BaseHTTPRequestHandler):
    """An HTTP server that is not a SPARQL endpoint: slow on /slow, an HTML page elsewhere."""

    def do_POST(self) -> None:
        if self.path == "/slow":
            time.sleep(2)
        body = b"<html>hello</html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def web_server() -> Iterator[str]:
    with serving(_Slow) as url:
        yield url


def test_an_endpoint_that_answers_too_late(web_server: str) -> None:
    backend = SparqlBackend(web_server + "/slow", timeout=0.3)
    with pytest.raises(StoreError) as caught:
        backend.select("SELECT * WHERE { ?s ?p ?o }", {})
    assert str(caught.value) == f"The endpoint {web_server}/slow did not answer within 0.3 s."


def test_a_web_page_is_not_an_endpoint(web_server: str) -> None:
    with pytest.raises(StoreError) as caught:
        SparqlBackend(web_server + "/").select("SELECT * WHERE { ?s ?p ?o }", {})
    assert str(caught.value) == (
        f"The SPARQL endpoint {web_server}/ answered with 'text/html' instead of SPARQL JSON "
        "results: is it a SPARQL endpoint? (<html>hello</html>)"
    )


def test_sckg_does_not_write_through_a_sparql_store(turtle_file: Callable) -> None:
    with pytest.raises(
        StoreError,
        match=r"graph\.ttl: sckg reads a SPARQL endpoint through store=sparql:URL but "
        r"does not write to it; upload the data with 'sckg push",
    ):
        SparqlBackend("http://127.0.0.1:9/query").load_file(turtle_file(""), "file:///x")


def test_push_puts_each_dataset_into_one_graph() -> None:
    graphs = [
        "file:///home/a/data/braunschweig/actors.ttl",
        "file:///home/a/data/braunschweig/projects.ttl",
        "file:///srv/Muster%20Stadt/city.ttl",
        "file:///srv/model/x.ttl",
        "https://example.org/graph/other",
        MODEL_GRAPH,
    ]
    assert push_targets(graphs) == {
        GRAPH_BASE + "braunschweig": graphs[:2],
        GRAPH_BASE + "muster-stadt": [graphs[2]],
        GRAPH_BASE + "data-model": [graphs[3]],
        "https://example.org/graph/other": [graphs[4]],
        MODEL_GRAPH: [MODEL_GRAPH],
    }
    assert push_targets(graphs, dataset="Region Ost") == {
        GRAPH_BASE + "region-ost": [g for g in graphs if g != MODEL_GRAPH],
        MODEL_GRAPH: [MODEL_GRAPH],
    }


def test_load_creates_the_folders_of_a_new_store(tmp_path: Path, turtle_file: Callable) -> None:
    store = f"oxigraph:{tmp_path / 'a' / 'b' / 'db'}"
    assert load_store(store, [turtle_file(TWO_PROJECTS)]).triples == 7
    assert count(store) == 2


def test_collecting_rows_leaves_the_garbage_collector_as_it_was(
    braunschweig: KnowledgeGraph,
) -> None:
    import gc

    assert len(braunschweig.select("SELECT ?s WHERE { ?s ?p ?o }")) > 400
    assert gc.isenabled()
    gc.disable()
    try:
        braunschweig.select("SELECT ?s WHERE { ?s ?p ?o }")
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_load_of_a_missing_file_names_the_argument_not_an_option(tmp_path: Path) -> None:
    """'check the --data path' named an option ``sckg load`` does not have."""
    missing = tmp_path / "nope.ttl"
    result = CliRunner().invoke(
        app, ["load", "--store", f"oxigraph:{tmp_path / 'city.db'}", str(missing)]
    )
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {missing}: no such file or folder (check the path given as FILES)\n"
    )


def test_a_store_path_under_a_file_says_which_file(tmp_path: Path) -> None:
    """``--store oxigraph:/etc/passwd/x`` said "[Errno 17] File exists: '/etc/passwd'"."""
    notes = tmp_path / "notes.txt"
    notes.write_text("mine\n", encoding="utf-8")
    store = notes / "city" / "kg.db"
    result = CliRunner().invoke(
        app,
        ["load", "--store", f"oxigraph:{store}", str(resources.dataset("braunschweig"))],
        env={"LANG": "C.UTF-8"},
    )
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {store}: {notes} is a file, not a folder; give the store a path in a folder\n"
    )
    assert notes.read_text(encoding="utf-8") == "mine\n"
