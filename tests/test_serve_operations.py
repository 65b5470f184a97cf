"""``sckg serve`` as an operator meets it: a port or address it cannot listen on, a store that is
being served, an over-long request, a query with a syntax error."""

from __future__ import annotations

import http.client
import os
import socket
import subprocess
import sys
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from servers import fill_store
from typer.testing import CliRunner

from sckg import resources, serve
from sckg.cli import app
from sckg.errors import ParameterError, StoreError
from sckg.serve import SparqlServer

pytestmark = pytest.mark.server


@pytest.fixture(name="busy_port")
def busy_port_fixture() -> Iterator[int]:
    """A port of 127.0.0.1 that another program listens on."""
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        yield holder.getsockname()[1]


@pytest.fixture(name="pool_starts")
def pool_starts_fixture(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Every start of a pool of Oxigraph processes, recorded (and done)."""
    starts: list[object] = []
    start = serve.ProcessPool.start

    def recorded(pool: serve.ProcessPool) -> None:
        starts.append(pool)
        start(pool)

    monkeypatch.setattr(serve.ProcessPool, "start", recorded)
    return starts


@pytest.mark.parametrize("port", ["70000", "-1", "65536"])
@pytest.mark.parametrize(
    ("locale", "said"),
    [
        (
            "C.UTF-8",
            "Error: --port must be a port number from 0 to 65535 (--port 0: any free one), "
            "not {port}.\n",
        ),
        (
            "de_DE.UTF-8",
            "Fehler: --port muss eine Portnummer von 0 bis 65535 sein (--port 0: ein freier), "
            "nicht {port}.\n",
        ),
    ],
)
def test_a_port_out_of_range_is_a_usage_error_before_any_work(
    port: str, locale: str, said: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_work(*args: object, **kwargs: object) -> None:
        raise AssertionError("the data was copied before the port was checked")

    monkeypatch.setattr(serve, "served_store", no_work)
    result = CliRunner().invoke(app, ["serve", "--port", port], env={"LANG": locale})
    assert result.exit_code == 2, result.output
    assert result.output == said.format(port=port)


def test_a_port_out_of_range_is_a_parameter_error_in_python(tmp_path: Path) -> None:
    with pytest.raises(ParameterError) as caught:
        SparqlServer(tmp_path / "store", port=70000)
    assert str(caught.value) == (
        "port must be a port number from 0 to 65535 (port=0: any free one), not 70000."
    )


def test_a_port_in_use_is_one_line_and_starts_no_oxigraph(
    busy_port: int, pool_starts: list[object], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # where the temporary copy goes
    result = CliRunner().invoke(
        app, ["serve", "--port", str(busy_port), "--workers", "2"], env={"LANG": "C.UTF-8"}
    )
    assert result.exit_code == 1, result.output
    assert result.output == (
        f"Error: Port {busy_port} of 127.0.0.1 is in use by another program; choose another "
        "--port, or --port 0 for a free one.\n"
    )
    assert pool_starts == []
    assert list(tmp_path.iterdir()) == []  # the temporary copy of the data is gone


def test_a_port_in_use_is_said_in_german(busy_port: int, pool_starts: list[object]) -> None:
    result = CliRunner().invoke(
        app, ["serve", "--port", str(busy_port)], env={"LANG": "de_DE.UTF-8"}
    )
    assert result.exit_code == 1, result.output
    assert result.output == (
        f"Fehler: Port {busy_port} von 127.0.0.1 ist von einem anderen Programm belegt; einen "
        "anderen --port wählen oder --port 0 für einen freien.\n"
    )
    assert pool_starts == []


@pytest.mark.parametrize(
    ("host", "reason"),
    [("999.1.1.1", "Name or service not known"), ("192.0.2.1", "Cannot assign requested address")],
)
def test_an_address_that_cannot_be_bound_is_one_line_and_starts_no_oxigraph(
    host: str, reason: str, pool_starts: list[object], tmp_path: Path
) -> None:
    store = fill_store(tmp_path, ("braunschweig",))
    result = CliRunner().invoke(
        app,
        ["serve", "--store", f"oxigraph:{store}", "--host", host, "--port", "0"],
        env={"LANG": "C.UTF-8"},
    )
    assert result.exit_code == 1, result.output
    assert result.output == (
        f"Error: Cannot listen on {host}:0 ({reason}); --host must be an address of this machine "
        "(127.0.0.1: this machine only, 0.0.0.0: every network), and --port a port it may use.\n"
    )
    assert pool_starts == []


def test_a_server_that_cannot_listen_leaves_no_process_in_python(
    busy_port: int, pool_starts: list[object], tmp_path: Path
) -> None:
    server = SparqlServer(fill_store(tmp_path, ("braunschweig",)), port=busy_port, workers=2)
    with pytest.raises(StoreError, match=f"Port {busy_port} of 127.0.0.1 is in use"):
        server.start()
    assert pool_starts == []
    assert server.processes == []
    server.stop()  # stopping a server that never started is harmless


SCKG = [sys.executable, "-c", "from sckg.cli import main; main()"]


def _sckg(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """``sckg ARGS`` as a process of its own (a store's lock is held per process)."""
    return subprocess.run(
        [*SCKG, *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "LANG": "C.UTF-8", **env},
    )


COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?p a <https://w3id.org/sckg/ontology#Project> }"
#: Over a time limit of 1 s: its process is stopped and replaced by a fresh one.
SLOW = "SELECT ?a WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i"


def _count(server: SparqlServer, text: str = COUNT) -> tuple[int, str]:
    form = urllib.parse.urlencode({"query": text}).encode()
    request = urllib.request.Request(
        server.query_url, data=form, headers={"Accept": "text/csv"}, method="POST"
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as answer:
            return answer.status, answer.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def test_a_store_being_served_is_not_loaded_into_and_every_answer_comes_from_one_version(
    tmp_path: Path,
) -> None:
    """``sckg load`` into a store a read-only server answers from succeeded, and workers started
    after it (a stopped query's replacement) answered from the new data, the others from the old:
    5, 57, 57, 5 for one COUNT."""
    store = fill_store(tmp_path, ("braunschweig",))
    musterstadt = str(resources.dataset("musterstadt"))
    with SparqlServer(store, port=0, timeout=1, workers=2) as server:
        loaded = _sckg("load", "--store", f"oxigraph:{store}", musterstadt)
        assert loaded.returncode == 1, loaded.stderr
        assert loaded.stderr == (
            f"Error: {store}: the Oxigraph store is being served by 'sckg serve' (process "
            f"{os.getpid()}) and cannot change while it is (its answers would come from two "
            "versions of the data); stop that server, change the store and start it again, or "
            "change a copy and serve that one; to only read it, query the server with --store "
            "sparql:URL\n"
        )
        assert [_count(server, SLOW)[0] for _ in range(2)] == [504, 504]  # fresh processes
        assert {_count(server) for _ in range(6)} == {(200, "n\r\n5\r\n")}
    loaded = _sckg("load", "--store", f"oxigraph:{store}", musterstadt)  # stopped: it may
    assert loaded.returncode == 0, loaded.stderr
    with SparqlServer(store, port=0, workers=1) as server:
        assert _count(server) == (200, "n\r\n57\r\n")


def test_a_killed_server_leaves_its_store_free(tmp_path: Path) -> None:
    store = fill_store(tmp_path, ("braunschweig",))
    serving = subprocess.Popen(
        [*SCKG, "serve", "--store", f"oxigraph:{store}", "--port", "0", "--workers", "1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert serving.stdout and "/query" in serving.stdout.readline()
        refused = _sckg(
            "load", "--store", f"oxigraph:{store}", str(resources.dataset("musterstadt"))
        )
        assert refused.returncode == 1
        assert f"served by 'sckg serve' (process {serving.pid})" in refused.stderr
    finally:
        serving.kill()  # no chance to let go of anything: the kernel releases the lock
        serving.communicate(timeout=30)
    loaded = _sckg("load", "--store", f"oxigraph:{store}", str(resources.dataset("musterstadt")))
    assert loaded.returncode == 0, loaded.stderr


def test_a_served_store_is_said_in_german(tmp_path: Path) -> None:
    store = fill_store(tmp_path, ("braunschweig",))
    with SparqlServer(store, port=0, workers=1):
        loaded = _sckg(
            "load",
            "--store",
            f"oxigraph:{store}",
            "--replace",
            str(resources.dataset("musterstadt")),
            LANG="de_DE.UTF-8",
        )
    assert loaded.returncode == 1
    assert loaded.stderr == (
        f"Fehler: {store}: der Oxigraph-Speicher wird von 'sckg serve' bereitgestellt (Prozess "
        f"{os.getpid()}) und kann sich solange nicht ändern (seine Antworten kämen aus zwei "
        "Ständen der Daten); den Server beenden, den Speicher ändern und ihn wieder starten, oder "
        "eine Kopie ändern und diese bereitstellen; um ihn nur zu lesen, den Server mit --store "
        "sparql:URL abfragen\n"
    )


def _get(server: SparqlServer, target: str) -> tuple[int, str, str]:
    """(status, content type, body) of a GET of ``target``."""
    connection = http.client.HTTPConnection(server.host, server.port, timeout=60)
    try:
        connection.request("GET", target, headers={"Accept": "text/csv"})
        answer = connection.getresponse()
        return answer.status, answer.getheader("Content-Type", ""), answer.read().decode()
    finally:
        connection.close()


@pytest.mark.parametrize("size", [70_000, 1_900_000])
def test_an_over_long_request_line_gets_a_plain_414_and_a_log_line(
    size: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A query sent in the URL of a GET: 70 KB got http.server's HTML page, 1.9 MB no answer at all
    (the connection was closed with the rest of the line unread) and no log line."""
    text = "SELECT * WHERE { ?s ?p ?o } # " + "x" * size
    with SparqlServer(
        fill_store(tmp_path, ("braunschweig",)), port=0, workers=1, log=True
    ) as server:
        answer = _get(server, "/query?" + urllib.parse.urlencode({"query": text}))
        assert answer == (
            414,
            "text/plain; charset=utf-8",
            "The request line is longer than this server takes (64 KB): send a long query or "
            "update by POST, its text in the body (up to 1 MB, --max-body).\n",
        )
        assert _get(server, "/query?" + urllib.parse.urlencode({"query": COUNT}))[0] == 200
    logged = capsys.readouterr().err.splitlines()
    assert len(logged) == 2, logged
    assert '"GET /query?query=SELECT' in logged[0] and logged[0].endswith('(cut off)" 414 -')


def test_a_long_query_in_the_url_is_answered(tmp_path: Path) -> None:
    """A query of 20 KB in the URL of a GET: the proxy took it, and Oxigraph refused it with its own
    text, 400 "The headers size must fit in 8kb"."""
    text = COUNT + " # " + "x" * 20_000
    with SparqlServer(fill_store(tmp_path, ("braunschweig",)), port=0, workers=1) as server:
        answer = _get(server, "/query?" + urllib.parse.urlencode({"query": text}))
    assert answer == (200, "text/csv; charset=utf-8", "n\r\n5\r\n")


def test_a_syntax_error_is_shown_as_sckg_query_shows_it(tmp_path: Path) -> None:
    """Oxigraph's own text was all a client got: "error at 1:10: expected CONSTRUCT", and for a
    broken update a list of Unicode ranges."""
    with SparqlServer(fill_store(tmp_path, ("braunschweig",)), port=0, workers=1) as server:
        assert _count(server, "SELEKT * WHERE { ?s ?p ?o }") == (
            400,
            "SPARQL syntax error at line 1, column 10: expected CONSTRUCT\n"
            "  SELEKT * WHERE { ?s ?p ?o }\n"
            "           ^\n",
        )
        status, text = _count(server, "SELECT * WHERE {\n  ?s ?p ?o .\n  FILTER(?o = ) }")
        assert status == 400
        assert text.startswith("SPARQL syntax error at line 3, column 18: expected one of ABS, ")
        assert text.endswith(", …\n    FILTER(?o = ) }\n                   ^\n")
        assert _count(server, "   ") == (
            400,
            "The query is empty: send a SPARQL query as the parameter query (GET) or in the body "
            "(POST).\n",
        )
        assert _count(server, COUNT) == (200, "n\r\n5\r\n")


def test_the_query_page_may_fetch_only_from_this_server(tmp_path: Path) -> None:
    """Oxigraph's query page (YASGUI) asked prefix.cc and the LOV service for prefixes and terms,
    from the user's browser, over the network: the page now may connect only to this server."""
    with SparqlServer(fill_store(tmp_path, ("braunschweig",)), port=0, workers=1) as server:
        connection = http.client.HTTPConnection(server.host, server.port, timeout=60)
        try:
            connection.request("GET", "/")
            answer = connection.getresponse()
            page = answer.read().decode()
        finally:
            connection.close()
    assert answer.status == 200 and "yasgui" in page.lower()
    assert answer.getheader("Content-Security-Policy") == "connect-src 'self'"


def test_a_killed_servers_temporary_copy_is_removed_at_the_next_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``kill -9`` left the temporary copy of ``--store memory`` in the temporary folder for good;
    the next server removes the copies whose server is gone, and no other."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    ended = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    gone = tmp_path / f"sckg-serve-{ended.stdout.strip()}-x1"
    running = tmp_path / f"sckg-serve-{os.getpid()}-x2"
    other = tmp_path / "sckg-serve-notes"
    for folder in (gone, running, other):
        (folder / "store").mkdir(parents=True)
    with serve.served_store("memory", [resources.dataset("braunschweig")]) as path:
        assert path.parent.name.startswith(f"sckg-serve-{os.getpid()}-")
        assert not gone.exists() and running.is_dir() and other.is_dir()
    assert not path.exists()


@pytest.mark.parametrize("host", ["0.0.0.0", "::"])
def test_listening_on_every_address_says_which_address_clients_use(
    host: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The banner printed http://0.0.0.0:7878/query, an address no client can use."""
    import contextlib

    class Listening:
        url = "http://0.0.0.0:7878"
        query_url, update_url, store_url = url + "/query", url + "/update", url + "/store"
        memory = 1 << 30

        def __init__(self, *args: object, **kwargs: object) -> None:
            pass

        def __enter__(self) -> Listening:
            return self

        def __exit__(self, *exc: object) -> None:
            pass

        def wait(self) -> None:
            pass

    monkeypatch.setattr(serve, "SparqlServer", Listening)
    monkeypatch.setattr(serve, "served_store", lambda *a: contextlib.nullcontext(tmp_path))
    name = socket.gethostname()
    result = CliRunner().invoke(app, ["serve", "--host", host], env={"LANG": "C.UTF-8"})
    assert result.exit_code == 0, result.output
    assert (
        f"Note: {host} stands for every address of this machine; clients use its name ({name}) "
        f"or one of its addresses instead of {host}.\n"
    ) in result.stderr
    result = CliRunner().invoke(app, ["serve", "--host", host], env={"LANG": "de_DE.UTF-8"})
    assert f"Warnung: nimmt Anfragen an {host} an: jeder" in result.stderr
    assert f"Hinweis: {host} steht für jede Adresse dieses Rechners; Clients verwenden" in (
        result.stderr
    )
