"""``sckg serve`` under attack and load (issue 14): no SERVICE, Host and Origin checked, a stopped
query stops only itself, a memory cap, no way to the internal port, graph names as ``push`` gives
them."""

from __future__ import annotations

import contextlib
import gzip
import http.client
import inspect
import os
import random
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any, ClassVar

import pyoxigraph as ox
import pytest
from servers import fill_store, serving, sparql_server_fixture  # noqa: F401  (pytest fixtures)

from sckg import cli_stores, resources, serve
from sckg.namespaces import MODEL_GRAPH
from sckg.serve import SparqlServer, served_store
from sckg.stores import GRAPH_BASE

pytestmark = [pytest.mark.server, pytest.mark.timing]  # run alone: answers within 1 + 1.5 s
LIGHT = "SELECT (COUNT(*) AS ?n) WHERE { ?p a <https://w3id.org/sckg/ontology#Project> }"
#: A sort ignores Oxigraph's own time limit (oxigraph#1871): only stopping its process stops it.
HEAVY = "SELECT ?a WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i"
#: The query of the issue that took 10.9 GB.
HUNGRY = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f LIMIT 10"


def request(
    server: SparqlServer,
    method: str,
    path: str,
    body: str | None = None,
    *,
    wait: float = 60,
    **headers: str,
) -> tuple[int, str, str]:
    """(status, content type, body) of one raw request, waiting up to ``wait`` seconds; headers
    given with underscores for dashes."""
    connection = http.client.HTTPConnection(server.host, server.port, timeout=wait)
    try:
        sent = {name.replace("_", "-"): value for name, value in headers.items()}
        connection.request(method, path, body.encode() if body is not None else None, sent)
        answer = connection.getresponse()
        return answer.status, answer.getheader("Content-Type", ""), answer.read().decode()
    finally:
        connection.close()


def query(
    server: SparqlServer, text: str, *, wait: float = 60, **headers: str
) -> tuple[int, str, str]:
    form = urllib.parse.urlencode({"query": text})
    return request(
        server,
        "POST",
        "/query",
        form,
        wait=wait,
        Content_Type="application/x-www-form-urlencoded",
        Accept="text/csv",
        **headers,
    )


def heavy_query(
    server: SparqlServer, ended: list[tuple[float, tuple[int, str, str]]]
) -> threading.Thread:
    """A thread (not started) that sends ``HEAVY`` and appends how long it took and the answer to
    ``ended``."""

    def run() -> None:
        start = time.monotonic()
        answer = query(server, HEAVY)
        ended.append((time.monotonic() - start, answer))

    return threading.Thread(target=run)


class Counting(BaseHTTPRequestHandler):
    """A second local server: counts every request it gets (it must get none)."""

    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        Counting.hits.append(self.path)
        self.send_response(500)
        self.end_headers()

    do_POST = do_GET

    def log_message(self, *args: object) -> None:
        """Quiet."""


@pytest.fixture(name="other_server")
def other_server_fixture() -> Iterator[str]:
    Counting.hits = []
    with serving(Counting) as url:
        yield url + "/sparql"


SERVICE_REFUSED = (
    "Refused: the query uses SERVICE, which would make this server send a request to another "
    "server. Start it with --allow-remote to permit that.\n"
)


def test_service_is_refused_and_the_other_server_gets_no_request(
    sparql_server: Callable, other_server: str
) -> None:
    server = sparql_server("braunschweig")
    service = f"<{other_server}>"
    texts = [
        f"SELECT * WHERE {{ SERVICE {service} {{ ?s ?p ?o }} }}",
        f"select * where {{ ?s ?p ?o . service {service} {{ ?a ?b ?c }} }}",
        f"SELECT * WHERE {{ ?s ?p ?o .SERVICE{service}{{ ?a ?b ?c }} }}",
        # a prefixed name with an empty local part, then a dot and the keyword (the sckg client
        # missed it too)
        f"PREFIX ex: <http://e/> SELECT * WHERE {{ ?s ?p ex:.SERVICE {service} {{ ?a ?b ?c }} }}",
        f"SELECT * WHERE {{ # SERVICE in a comment is nothing\n SERVICE {service} {{ ?s ?p ?o }} "
        "}",
        f"SELECT * WHERE {{ ?s ?p ?o . SERVICE ?x {{ ?a ?b ?c }} VALUES ?x {{ {service} }} }}",
    ]
    for text in texts:
        assert query(server, text) == (403, "text/plain; charset=utf-8", SERVICE_REFUSED), text
    get = "/query?" + urllib.parse.urlencode({"query": texts[0]})
    assert request(server, "GET", get)[::2] == (403, SERVICE_REFUSED)
    body = request(server, "POST", "/sparql", texts[1], Content_Type="application/sparql-query")
    assert body[::2] == (403, SERVICE_REFUSED)
    assert Counting.hits == []
    # the word in a string, an IRI or a name is no SERVICE
    fine = (
        'SELECT ?service WHERE { BIND("SERVICE <http://x/> {}" AS ?service) FILTER(?service != '
        "<http://x/SERVICE>) }"
    )
    assert query(server, fine)[0] == 200


def test_allow_remote_lets_service_through(sparql_server: Callable, other_server: str) -> None:
    server = sparql_server("braunschweig", allow_remote=True)
    status, _, _ = query(server, f"SELECT * WHERE {{ SERVICE <{other_server}> {{ ?s ?p ?o }} }}")
    assert status != 403
    assert Counting.hits == ["/sparql"]


def test_a_foreign_host_or_origin_is_refused(sparql_server: Callable) -> None:
    server = sparql_server("braunschweig")
    assert query(server, LIGHT, Host="evil.example.com") == (
        403,
        "text/plain; charset=utf-8",
        f"Refused: the request names the host 'evil.example.com', not this server ({server.url}); "
        "a web page that renamed itself (DNS rebinding) must not reach it.\n",
    )
    assert query(server, LIGHT, Host=f"evil.example.com:{server.port}")[0] == 403
    assert query(server, LIGHT, Origin="http://evil.example.com") == (
        403,
        "text/plain; charset=utf-8",
        "Refused: a web page of http://evil.example.com may not query this server; start it with "
        "--cors to allow other sites.\n",
    )
    assert query(server, LIGHT, Host=f"localhost:{server.port}")[::2] == (200, "n\r\n5\r\n")
    assert query(server, LIGHT, Origin=server.url)[::2] == (200, "n\r\n5\r\n")
    assert request(server, "GET", "/")[0] == 200  # the query page
    cors = sparql_server("braunschweig", cors=True)
    assert query(cors, LIGHT, Origin="https://yasgui.triply.cc")[::2] == (200, "n\r\n5\r\n")
    assert query(cors, LIGHT, Host="evil.example.com")[0] == 403


def test_a_heavy_query_is_stopped_with_504_while_light_queries_go_on(
    sparql_server: Callable,
) -> None:
    server = sparql_server("braunschweig", timeout=1)
    heavy: list[tuple[float, tuple[int, str, str]]] = []
    threads = [heavy_query(server, heavy) for _ in range(2)]
    for thread in threads:
        thread.start()
    light, slowest = [], 0.0
    while any(thread.is_alive() for thread in threads):
        start = time.monotonic()
        light.append(query(server, LIGHT)[::2])
        slowest = max(slowest, time.monotonic() - start)
    for thread in threads:
        thread.join()
    assert light and set(light) == {(200, "n\r\n5\r\n")}, sorted(set(light))
    for seconds, answer in heavy:
        assert answer == (
            504,
            "text/plain; charset=utf-8",
            "Query stopped: it ran over the time limit of 1 s; narrow it down (more specific "
            "patterns, LIMIT) or start the server with a longer --timeout.\n",
        )
        # stopped within the limit and a second (the grace of 0.5 s, the kill), plus what a light
        # query took at the same time: on a busy machine (2.23 s in one of 20 runs beside two busy
        # loops and CI) the server's threads wait for the CPU as the light queries do; never
        # stopped, HEAVY (a sorted cross join) would run for minutes
        assert seconds < 1 + 1 + slowest, (seconds, slowest)
    assert query(server, LIGHT)[::2] == (200, "n\r\n5\r\n")


def test_a_query_that_waits_for_a_free_process_still_ends_within_its_limit(
    sparql_server: Callable,
) -> None:
    """The time limit counts from the request's arrival: with every process busy, a query used to
    wait for one and then get its whole limit again (bench/serve.py: a heavy query answered after
    6.01 s with a 5 s limit)."""
    server = sparql_server("braunschweig", timeout=1, workers=1)
    ended: list[tuple[float, tuple[int, str, str]]] = []
    threads = [heavy_query(server, ended) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [answer[0] for _, answer in ended] == [504] * 4
    # a reaping in its way would end the second at 0.7 + REAPING s or later
    assert max(seconds for seconds, _ in ended) < 1 + 2, sorted(seconds for seconds, _ in ended)


# seconds the kernel took to reap one killed Oxigraph process in bench/serve.py (up to 2.5 s)
#: Long enough that a query delayed by a reaping is told apart from one delayed by a busy machine
#: (CI saw 2.07 s for a query stopped at 1 s that no reaping delayed)
REAPING = 4.0


@pytest.fixture(name="slow_reaping")
def slow_reaping_fixture(monkeypatch: pytest.MonkeyPatch) -> None:
    """Reaping an ended Oxigraph process (``waitpid``) takes ``REAPING`` seconds, as in
    bench/serve.py, where the kernel spent up to 2.5 s in it (``release_task`` →
    ``proc_invalidate_siblings_dcache`` → ``shrink_dcache_parent``, in the reaping thread) while the
    other processes kept two cores busy."""
    poll, try_wait = subprocess.Popen._internal_poll, subprocess.Popen._try_wait  # type: ignore[attr-defined]

    def is_oxigraph(process: subprocess.Popen[bytes]) -> bool:
        return serve.oxigraph_binary() in process.args  # type: ignore[operator]

    def slow_poll(self: subprocess.Popen[bytes], *args: Any, **kwargs: Any) -> int | None:
        before = self.returncode
        code: int | None = poll(self, *args, **kwargs)
        if before is None and code is not None and is_oxigraph(self):
            time.sleep(REAPING)
        return code

    def slow_try_wait(self: subprocess.Popen[bytes], flags: int) -> tuple[int, int]:
        pid, status = try_wait(self, flags)
        if pid == self.pid and is_oxigraph(self):
            time.sleep(REAPING)
        return pid, status

    monkeypatch.setattr(subprocess.Popen, "_internal_poll", slow_poll)
    monkeypatch.setattr(subprocess.Popen, "_try_wait", slow_try_wait)


@pytest.mark.usefixtures("slow_reaping")
def test_a_slow_reaping_of_a_stopped_process_delays_no_other_query(sparql_server: Callable) -> None:
    """bench/serve.py: heavy queries stopped after up to 7.9 s with a 5 s limit, and the memory went
    over the cap, while the watcher that enforces both was reaping a killed process (it asked
    whether it was alive)."""
    server = sparql_server("braunschweig", timeout=1, workers=3)
    ended: list[tuple[float, tuple[int, str, str]]] = []
    first, second = heavy_query(server, ended), heavy_query(server, ended)
    first.start()
    time.sleep(
        0.3
    )  # the second is stopped 0.3 s after the first: while the first one's process is reaped
    second.start()
    first.join()
    second.join()
    assert [answer[0] for _, answer in ended] == [504, 504]
    # a reaping in its way would end the second at 0.7 + REAPING s or later
    assert max(seconds for seconds, _ in ended) < 1 + 2, sorted(seconds for seconds, _ in ended)


@pytest.mark.usefixtures("slow_reaping")
def test_the_next_request_on_a_connection_does_not_wait_for_a_stopped_process(
    sparql_server: Callable,
) -> None:
    """Clients keep their connection open (SPARQLWrapper, YASGUI): after a 504 the next query on it
    must not wait until the stopped process has been reaped."""
    server = sparql_server("braunschweig", timeout=1, workers=2)
    connection = http.client.HTTPConnection(server.host, server.port, timeout=60)
    times = []
    try:
        for text in (HEAVY, LIGHT):
            start = time.monotonic()
            connection.request(
                "POST",
                "/query",
                urllib.parse.urlencode({"query": text}),
                {"Content-Type": "application/x-www-form-urlencoded", "Accept": "text/csv"},
            )
            answer = connection.getresponse()
            times.append((answer.status, answer.read().decode()[:2], time.monotonic() - start))
    finally:
        connection.close()
    assert [(status, text) for status, text, _ in times] == [(504, "Qu"), (200, "n\r")]
    assert times[0][2] < 1 + 2 and times[1][2] < REAPING / 2, times


def test_a_client_that_reads_slowly_holds_no_oxigraph_process(
    sparql_server: Callable, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An answer is complete in the proxy before it is sent on, so its process is free at once: a
    client that reads a big answer slowly made the watcher take the process for a long query, demote
    it, start another one and kill the first at the time limit (one new Oxigraph process per slow
    reader). Held, the process would also keep the light query below waiting until the time limit.
    """
    # longer than the query takes on a busy machine (at a load of 25 on two cores: more than 1.5 s),
    # and so is the time limit: at a load of 29 (two busy loops beside other jobs) the 8.5 MB answer
    # took 9-50 s and a limit of 5 s stopped it (504, rightly). A process held by the slow reader
    # would still keep the light query waiting until its limit, and the test would fail.
    monkeypatch.setattr(serve, "DEMOTE_AFTER", 60)
    server = sparql_server("musterstadt", timeout=60, workers=1)
    # 8.5 MB as CSV, more than the socket buffers hold
    big = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } LIMIT 30000"
    form = urllib.parse.urlencode({"query": big})
    processes = [process.pid for process in server.processes]
    with socket.socket() as stalled:
        stalled.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        stalled.connect((server.host, server.port))
        stalled.sendall(
            f"POST /query HTTP/1.1\r\nHost: {server.host}:{server.port}\r\nAccept: "
            "text/csv\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
            f"{len(form)}\r\n\r\n{form}".encode()
        )
        assert (
            stalled.recv(12) == b"HTTP/1.1 200"
        )  # the answer has begun; the rest waits for this client
        time.sleep(2)
        assert query(server, LIGHT)[::2] == (200, "n\r\n52\r\n")
        assert [process.pid for process in server.processes] == processes
        assert not any(process.demoted or process.stopped_for for process in server.processes)


def test_a_query_over_the_memory_cap_is_stopped_and_the_server_goes_on(
    sparql_server: Callable,
) -> None:
    server = sparql_server("musterstadt", memory="300M", timeout=0)  # see the next test
    assert query(server, HUNGRY, wait=300) == (
        503,
        "text/plain; charset=utf-8",
        "Query stopped: it needed more memory than this server may use (300 MB, --memory); narrow "
        "it down (more specific patterns, LIMIT).\n",
    )
    assert query(server, LIGHT)[::2] == (200, "n\r\n52\r\n")


def _resident(pid: int) -> int:
    """Resident bytes of a process (0 once it is gone)."""
    with contextlib.suppress(OSError, ValueError, IndexError):
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    return 0


def _hungry_beside_light(server: SparqlServer) -> tuple[list[int], set[tuple[int, str]], int]:
    """Four hungry queries at once while four other clients send light ones: the hungry queries'
    statuses, the light ones' (status, body) and the peak resident memory of all the server's
    Oxigraph processes, stopped ones included (they keep their memory until they end)."""
    answers: list[int] = []
    light: list[tuple[int, str]] = []
    threads = [
        threading.Thread(target=lambda: answers.append(query(server, HUNGRY, wait=300)[0]))
        for _ in range(4)
    ]

    def busy() -> None:  # light queries from other clients keep the two cores busy
        while any(thread.is_alive() for thread in threads):
            light.append(query(server, LIGHT)[::2])

    clients = [threading.Thread(target=busy) for _ in range(4)]
    for thread in threads + clients:
        thread.start()
    seen: set[int] = set()
    peak = 0
    while any(thread.is_alive() for thread in threads):
        seen.update(process.pid for process in server.processes if process.pid is not None)
        peak = max(peak, sum(_resident(pid) for pid in seen))
        time.sleep(0.005)
    for thread in clients:
        thread.join()
    return answers, set(light), peak


def test_queries_over_the_memory_cap_at_once_keep_the_server_under_it(
    sparql_server: Callable,
) -> None:
    """bench/serve.py saw 2.36 GB under a 2 GB cap: a killed process keeps its memory while it ends
    (slowly: its priority is low), and the watcher kept choosing it, so another hungry query grew
    on."""
    # no time limit: the memory cap alone stops the hungry queries. Under a load of 17 (two busy
    # loops beside other jobs) one of them, demoted to the lowest priority after half a second, grew
    # too slowly to reach the cap in the default 30 s and was stopped for its time (504, rightly).
    server = sparql_server("musterstadt", memory="600M", timeout=0)
    answers, light, peak = _hungry_beside_light(server)
    assert answers == [503] * 4
    assert light == {(200, "n\r\n52\r\n")}
    assert peak < 600 * 1024**2, f"{peak / 1024**2:.0f} MB"
    assert query(server, LIGHT)[::2] == (200, "n\r\n52\r\n")


def test_a_late_memory_watcher_still_keeps_the_server_under_its_cap(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 21: a busy CI run saw 715 MB under a 600 MB cap. The watcher, a thread of the proxy,
    looked up to 0.3 s late there (the proxy's other threads and servers hold Python's lock), and
    four queries that each allocate 1 GB/s grew past the cap in between. Here it looks only every
    half second."""
    monkeypatch.setattr(serve, "_WATCH_EVERY", 0.5)
    store = fill_store(tmp_path, ("musterstadt",))
    with SparqlServer(store, port=0, memory="600M", timeout=0) as server:
        answers, light, peak = _hungry_beside_light(server)
        assert answers == [503] * 4
        assert light == {(200, "n\r\n52\r\n")}
        assert peak < 600 * 1024**2, f"{peak / 1024**2:.0f} MB"
        assert query(server, LIGHT)[::2] == (200, "n\r\n52\r\n")


MB = 1024**2


@dataclass(eq=False)
class _Sized:
    """A stand-in for a process of the pool: its sizes in MB, and the data limit it got."""

    resident: int
    data: int
    baseline: int = 20 * MB  # bytes, as the pool reads it
    stopped_for: str = ""
    alive: bool = True
    leased: int | None = None

    def sizes(self) -> tuple[int, int]:
        return self.resident * MB, self.data * MB

    def lease(self, data: int) -> None:
        self.leased = data / MB


def test_the_memory_the_cap_leaves_free_is_shared_as_data_limits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each process may grow by 2 % of the cap over what it held at its start, those running a
    request share the rest, and a stopped one gets nothing: together they may grow by exactly what
    the cap leaves free."""
    pool = serve.ProcessPool(
        tmp_path, write=False, timeout=0, cors=False, workers=4, memory=1000 * MB
    )
    monkeypatch.setattr(serve, "_rss", lambda pid: 100 * MB)  # the proxy
    hungry, light, idle = _Sized(300, 350), _Sized(25, 75), _Sized(20, 73)
    stopped = _Sized(200, 250, stopped_for="memory")
    pool.processes = [hungry, light, idle, stopped]  # type: ignore[list-item]
    pool._running = {serve.Running(p, 0.0, None) for p in (hungry, light)}  # type: ignore[arg-type]
    assert pool._lease() == 645 * MB  # the proxy and every process, the stopped one too
    # what is left: 1000 - 645 - (0 + 15 + 20 reserved) = 320, for two running processes
    assert (hungry.leased, light.leased, idle.leased) == (350 + 160, 75 + 15 + 160, 73 + 20)
    assert stopped.leased is None


def test_a_process_answers_query_after_query_under_the_memory_cap(sparql_server: Callable) -> None:
    """Issue 21: under load, light queries got ``500 Resource temporarily unavailable (os error
    11)``, ``502`` or a ``503`` for memory. Oxigraph's own ``--timeout-s`` keeps a thread (2 MB of
    stack) per query for the whole limit, and the data limit of each process counted them: after
    about 200 queries in 30 s a process could start no thread and allocate nothing more."""
    server = sparql_server("musterstadt", memory="600M", workers=1)
    answers = [query(server, LIGHT)[::2] for _ in range(300)]
    assert set(answers) == {(200, "n\r\n52\r\n")}, sorted(set(answers))


def test_the_memory_watcher_stops_no_process_that_holds_only_what_a_fresh_one_holds(
    tmp_path: Path,
) -> None:
    """Issue 21: a light query got ``503 ... needed more memory`` on a busy CI run. The cap counts
    the proxy too (in the tests: the pytest process, which holds a whole session), and over 80 % of
    it the watcher stopped the largest process, however little it held: with nothing growing it
    stopped the light queries' processes one after the other (and started new ones)."""
    target = 260 * 1024**2  # the proxy's memory: over 80 % of the 300 MB cap with the processes
    ballast = bytearray(max(0, target - _resident(os.getpid())))
    ballast[::4096] = b"\1" * len(ballast[::4096])  # touched: resident
    store = fill_store(tmp_path, ("musterstadt",))
    with SparqlServer(store, port=0, memory="300M", workers=2) as server:
        assert server.pool is not None and server.pool.memory_used() > 0.8 * server.memory
        started = [process.pid for process in server.processes]
        answers = [query(server, LIGHT)[::2] for _ in range(100)]
        assert set(answers) == {(200, "n\r\n52\r\n")}, sorted(set(answers))
        assert [process.pid for process in server.processes] == started
    del ballast


def test_processes_start_while_another_thread_changes_the_environment(tmp_path: Path) -> None:
    """Issue 21: ``OSError: [Errno 14] Bad address: '.venv/bin/oxigraph'`` in a thread starting a
    process. With ``vfork`` the child reads the parent's ``environ`` while Python runs other
    threads, and a thread that sets a variable (pytest sets ``PYTEST_CURRENT_TEST`` for every test)
    may have moved and freed it. Copying the environment instead failed too, once in two runs of the
    serve tests: ``KeyError`` for a variable removed during the copy."""
    store = fill_store(tmp_path, ("musterstadt",))
    stop = threading.Event()

    def churn() -> None:
        while not stop.is_set():
            for i in range(200):
                os.environ[f"SCKG_TEST_CHURN_{i}"] = "x"
            for i in range(200):
                del os.environ[f"SCKG_TEST_CHURN_{i}"]

    changing = threading.Thread(target=churn)
    changing.start()
    failures = []
    try:
        for _ in range(40):
            process = serve.OxigraphProcess(store)
            try:
                process.start()
            except Exception as exc:  # every failure counts
                failures.append(repr(exc))
            finally:
                process.stop()
    finally:
        stop.set()
        changing.join()
    assert failures == []


def test_a_process_that_fails_to_start_is_started_again_and_logged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    """Issue 21: a replacement that failed to start was lost without a word (only ``StoreError`` was
    caught), and the pool went on with one process fewer."""
    store = fill_store(tmp_path, ("braunschweig",))
    with SparqlServer(store, port=0, timeout=1, workers=2) as server:
        popen, failed = subprocess.Popen, []

        def fail_once(command: list[str], *args: Any, **kwargs: Any) -> subprocess.Popen[bytes]:
            if not failed and serve.oxigraph_binary() in command:
                failed.append(serve.oxigraph_binary())
                raise OSError(14, "Bad address", failed[0])
            return popen(command, *args, **kwargs)

        monkeypatch.setattr(subprocess, "Popen", fail_once)
        assert query(server, HEAVY)[0] == 504  # its process is stopped and replaced

        def ready() -> int:
            return len([p for p in server.processes if p.alive and not p.retired])

        until = time.monotonic() + 20
        while time.monotonic() < until and ready() < 2:
            time.sleep(0.05)
        assert failed and ready() == 2
        assert query(server, LIGHT)[::2] == (200, "n\r\n5\r\n")
    assert (
        f"sckg serve: The Oxigraph server did not start ([Errno 14] Bad address: '{failed[0]}'). "
        "Trying again in 0.1 s.\n"
    ) in capfd.readouterr().err


@pytest.mark.parametrize(
    "accept", [None, "application/n-triples", "application/n-quads", "text/turtle"]
)
def test_the_service_description_names_the_public_url_only(
    sparql_server: Callable, accept: str | None
) -> None:
    server = sparql_server("braunschweig")
    headers = {"Accept": accept} if accept else {}
    status, _, body = request(server, "GET", "/query", **headers)
    assert status == 200
    internal = {str(process.port) for process in server.processes}
    assert internal and not any(port in body for port in internal)
    if accept != "text/turtle":  # Turtle names it relative to the document: <>
        assert f"<{server.query_url}>" in body


def test_paths_other_than_the_endpoints_are_not_forwarded(sparql_server: Callable) -> None:
    server = sparql_server("braunschweig")
    assert request(server, "GET", "/query/../store")[0] == 404
    assert request(server, "GET", "/admin") == (
        404,
        "text/plain; charset=utf-8",
        "Not found: /admin\n",
    )


def test_serve_names_its_graphs_as_push_does() -> None:
    with served_store("memory", [resources.dataset("braunschweig")]) as path:
        store = ox.Store.read_only(str(path))
        assert sorted(graph.value for graph in store.named_graphs()) == [
            GRAPH_BASE + "braunschweig",
            MODEL_GRAPH,
        ]
        del store


@pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="elsewhere the address is 127.0.0.1"
)
def test_the_internal_addresses_come_from_the_operating_system_not_the_random_module() -> None:
    """The internal processes' loopback addresses must not be predictable from ``random`` (which a
    program may seed), nor may starting a process move its state: Hypothesis warned about a changed
    ``random`` state while a server started a replacement process in the background."""
    random.seed(14)
    before = random.getstate()
    addresses = {serve._private_address() for _ in range(20)}
    assert random.getstate() == before
    random.seed(14)
    assert {serve._private_address() for _ in range(20)} != addresses


def exchange(server: SparqlServer, data: bytes, source: str = "") -> tuple[int, str]:
    """(status, body) of a request sent as raw bytes, from the loopback address ``source``."""
    address = (source, 0) if source else None
    with socket.create_connection((server.host, server.port), 30, address) as connection:
        connection.sendall(data)
        answer = http.client.HTTPResponse(connection)
        answer.begin()
        return answer.status, answer.read().decode()


def raw_post(server: SparqlServer, body: bytes, *headers: str, path: str = "/query") -> bytes:
    """A POST request as bytes, with the ``Host`` header and ``headers`` as given (Content-Length:
    the body's unless given)."""
    lines = [f"POST {path} HTTP/1.1", f"Host: {server.host}:{server.port}", *headers]
    if not any(line.lower().startswith("content-length:") for line in headers):
        lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


FORM = "Content-Type: application/x-www-form-urlencoded"


def test_a_request_is_decoded_once_as_the_engine_reads_it(
    sparql_server: Callable, other_server: str
) -> None:
    """Issue 27: SERVICE reached another server when the query came with two Content-Type headers
    (the proxy read the first, Oxigraph the second) or gzip-compressed (Oxigraph unpacks it, the
    proxy did not)."""
    server = sparql_server("braunschweig")
    service = f"SELECT * WHERE {{ SERVICE <{other_server}> {{ ?s ?p ?o }} }}"
    hidden = f"query={urllib.parse.quote(service).replace('S', '%53')}".encode()
    assert exchange(server, raw_post(server, hidden, "Content-Type: text/plain", FORM)) == (
        400,
        "The request has more than one Content-Type header; send one.\n",
    )
    assert exchange(server, raw_post(server, hidden, FORM)) == (403, SERVICE_REFUSED)
    packed = raw_post(
        server,
        gzip.compress(service.encode()),
        "Content-Type: application/sparql-query",
        "Content-Encoding: gzip",
    )
    assert exchange(server, packed) == (
        415,
        "Send the request body as it is: Content-Encoding 'gzip' is not accepted.\n",
    )
    second_host = raw_post(server, b"", "Host: evil.example.com", FORM)
    assert exchange(server, second_host) == (
        400,
        "The request has more than one Host header; send one.\n",
    )
    both = raw_post(server, b"query=ASK%7B%7D", FORM, path="/query?" + hidden.decode())
    assert exchange(server, both) == (400, "The request holds 2 texts for 'query'; send one.\n")
    assert exchange(server, raw_post(server, b"query=%FF", FORM)) == (
        400,
        "The query is not UTF-8 text.\n",
    )
    utf16 = raw_post(
        server, "ASK {}".encode("utf-16"), "Content-Type: application/sparql-query; charset=utf-16"
    )
    assert exchange(server, utf16) == (
        415,
        "Send the query as application/sparql-query (UTF-8) or as a form "
        "(application/x-www-form-urlencoded), not as application/sparql-query; "
        "charset=utf-16.\n",
    )
    assert exchange(server, raw_post(server, b"query=CLEAR%20ALL&update=CLEAR%20ALL", FORM)) == (
        400,
        "An update goes to /update, not to /query.\n",
    )
    assert Counting.hits == []
    # what is checked is what runs: '+' and percent escapes reach Oxigraph as the proxy read them
    light = f"query={urllib.parse.quote_plus(LIGHT).replace('S', '%53')}".encode()
    answer = exchange(server, raw_post(server, light, FORM, "Accept: text/csv"))
    assert answer == (200, "n\r\n5\r\n")


def test_content_length_is_checked_before_anything_is_read(sparql_server: Callable) -> None:
    """Issue 27: a negative or non-numeric Content-Length dropped the connection without an answer,
    and one of 10 GB with 6 bytes sent held the connection for 70 s and more."""
    server = sparql_server("braunschweig")
    for length in ("-1", "abc", "1e3", ""):
        assert exchange(server, raw_post(server, b"query=", FORM, f"Content-Length: {length}")) == (
            400,
            f"Content-Length must be a number of bytes, not '{length}'.\n",
        )
    twice = raw_post(server, b"query=", FORM, "Content-Length: 6", "Content-Length: 7")
    assert exchange(server, twice) == (
        400,
        "The request has more than one Content-Length header; send one.\n",
    )
    start = time.monotonic()
    huge = raw_post(server, b"query=", FORM, f"Content-Length: {10 * 1024**3}")
    assert exchange(server, huge) == (
        413,
        "The request body (10,737,418,240 bytes) is larger than this server takes (1 MB, "
        "--max-body).\n",
    )
    assert time.monotonic() - start < 1
    big = urllib.parse.urlencode({"query": LIGHT + " " * 1024**2}).encode()
    assert exchange(server, raw_post(server, big, FORM))[0] == 413


def test_slow_clients_get_408_and_hold_nothing(sparql_server: Callable) -> None:
    """Issue 27: 1,000 half-sent requests were all held open after 32 s, one thread each."""
    server = sparql_server("braunschweig", header_timeout=1, body_timeout=1)
    head = f"POST /query HTTP/1.1\r\nHost: {server.host}:{server.port}\r\n{FORM}\r\n"
    halves = [b"POST /query HT", head.encode(), f"{head}Content-Length: 100\r\n\r\nquery=".encode()]
    connections = [socket.create_connection((server.host, server.port), 30) for _ in halves]
    start = time.monotonic()
    try:
        for connection, half in zip(connections, halves, strict=True):
            connection.sendall(half)
        assert query(server, LIGHT)[::2] == (200, "n\r\n5\r\n")  # others are answered meanwhile
        answers = []
        for connection in connections:
            answer = http.client.HTTPResponse(connection)
            answer.begin()
            answers.append((answer.status, answer.read().decode(), connection.recv(1)))
        waited = time.monotonic() - start
    finally:
        for connection in connections:
            connection.close()
    header = (
        "The request did not arrive in time: its line and headers take at most 1 s "
        "(--header-timeout).\n"
    )
    body = "The request body did not arrive in time (6 of 100 bytes in 1 s, --body-timeout).\n"
    assert answers == [(408, header, b""), (408, header, b""), (408, body, b"")]
    assert waited < 1 + 1.5, waited


def test_connections_are_capped_per_client_and_in_all(sparql_server: Callable) -> None:
    server = sparql_server("braunschweig", max_client_connections=3, max_connections=5)
    idle = [
        socket.create_connection((server.host, server.port), source_address=(source, 0))
        for source in ("127.0.0.1",) * 3 + ("127.0.0.2",) * 2
    ]
    try:
        time.sleep(0.2)  # the server has taken them
        assert exchange(server, raw_post(server, b"", FORM)) == (
            429,
            "Refused: 127.0.0.1 has 3 connections open to this server, as many as one client "
            "may (--max-client-connections); close one or send over fewer.\n",
        )
        assert exchange(server, raw_post(server, b"", FORM), source="127.0.0.3") == (
            503,
            "Refused: this server has 5 connections open, as many as it takes "
            "(--max-connections); try again shortly.\n",
        )
    finally:
        for connection in idle:
            connection.close()
    until = time.monotonic() + 5
    while (answer := query(server, LIGHT)[::2]) != (200, "n\r\n5\r\n") and time.monotonic() < until:
        time.sleep(0.1)
    assert answer == (200, "n\r\n5\r\n")


def test_sixty_heavy_queries_never_grow_the_pool_past_its_workers(sparql_server: Callable) -> None:
    """Issue 27: 60 concurrent heavy queries grew the pool to 28 Oxigraph processes with --workers 4
    (each query running longer than half a second got a replacement while it ran), and queued ones
    waited past their limit."""
    server = sparql_server("braunschweig", timeout=1, workers=4, max_client_connections=64)
    ended: list[tuple[float, tuple[int, str, str]]] = []
    threads = [heavy_query(server, ended) for _ in range(60)]
    for thread in threads:
        thread.start()
    answering, alive = 0, 0
    while any(thread.is_alive() for thread in threads):
        processes = [process for process in server.processes if process.alive]
        answering = max(answering, len([p for p in processes if not p.stopped_for]))
        alive = max(alive, len(processes))
        time.sleep(0.005)
    assert [answer[0] for _, answer in ended] == [504] * 60
    assert answering <= 4 and alive <= 8, (answering, alive)
    seconds = sorted(seconds for seconds, _ in ended)
    assert seconds[-1] < 1 + 1.5, seconds[-5:]


def test_the_checks_count_toward_the_time_limit(
    sparql_server: Callable, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 27: the SERVICE check of four 20 MB texts ran before the time limit started; answers
    came after 30 s with a 3 s limit. The limit counts from the request's arrival."""
    server = sparql_server("braunschweig", timeout=1, workers=2)
    check = serve._Handler._check_fetching

    def slow(handler: Any, sparql: Any) -> None:
        time.sleep(1.2)
        check(handler, sparql)

    monkeypatch.setattr(serve._Handler, "_check_fetching", slow)
    start = time.monotonic()
    assert query(server, LIGHT)[0] == 504
    assert time.monotonic() - start < 1 + 1


ACCEPT = [None, "text/turtle", "application/rdf+xml", "application/ld+json"]


@pytest.mark.parametrize("accept", ACCEPT)
def test_the_service_description_offers_no_federated_query_when_service_is_refused(
    sparql_server: Callable, accept: str | None
) -> None:
    """Issue 26: the service description advertised ``sd:BasicFederatedQuery`` although SERVICE is
    refused."""
    headers = {"Accept": accept} if accept else {}
    status, _, body = request(sparql_server("braunschweig"), "GET", "/query", **headers)
    assert status == 200 and "UnionDefaultGraph" in body and "BasicFederatedQuery" not in body, body
    remote = sparql_server("braunschweig", allow_remote=True)
    assert "BasicFederatedQuery" in request(remote, "GET", "/query", **headers)[2]


def test_the_command_has_the_library_defaults() -> None:
    """``sckg serve`` spells its defaults out (importing the server module would slow every command
    down)."""
    options = inspect.signature(cli_stores.serve).parameters
    library = inspect.signature(SparqlServer).parameters
    for name in (
        "timeout",
        "workers",
        "header_timeout",
        "body_timeout",
        "max_connections",
        "max_client_connections",
    ):
        assert options[name].default == library[name].default, name
    assert serve.parse_size(options["max_body"].default) == library["max_body"].default


def test_answers_on_a_kept_alive_connection_do_not_wait_for_nagle(sparql_server: Callable) -> None:
    """The proxy writes an answer's head and body apart: with Nagle's algorithm on, the body waited
    for the client's delayed ACK, 40 ms per answer on Linux (1.2 ms without)."""
    server = sparql_server("braunschweig")
    connection = http.client.HTTPConnection(server.host, server.port, timeout=60)
    target = "/query?" + urllib.parse.urlencode({"query": LIGHT})
    took = []
    try:
        for _ in range(15):
            start = time.monotonic()
            connection.request("GET", target, headers={"Accept": "text/csv"})
            answer = connection.getresponse()
            assert (answer.status, answer.read()) == (200, b"n\r\n5\r\n")
            took.append(time.monotonic() - start)
    finally:
        connection.close()
    assert sorted(took)[len(took) // 2] < 0.035, took
