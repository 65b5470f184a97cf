"""The OParl crawl as a polite HTTP client (issue 26, "one HTTP client"): it waits as long as a
busy server's ``Retry-After`` asks, and reads all pages of a crawl over one kept-alive
connection."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from typing import ClassVar

import pytest
from servers import serving

from sckg.ingest.oparl_fetch import Fetcher, list_items
from sckg.remote import SparqlBackend


class Polite(BaseHTTPRequestHandler):
    """HTTP/1.1 with keep-alive. /busy: 429, then 503 (both ``Retry-After: 1``), then a list page;
    /pages?n=N: a list of 5 pages. ``connections`` holds the client address of every request (one
    per TCP connection), ``times`` when each /busy request came."""

    protocol_version = "HTTP/1.1"
    connections: ClassVar[set[tuple[str, int]]] = set()
    times: ClassVar[list[float]] = []

    def do_GET(self) -> None:
        Polite.connections.add(self.client_address)
        path, _, query = self.path.partition("?")
        port = self.server.server_address[1]
        if path == "/busy":
            Polite.times.append(time.monotonic())
            if len(Polite.times) <= 2:
                self.send_response(429 if len(Polite.times) == 1 else 503)
                self.send_header("Retry-After", "1")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            page: dict[str, object] = {"data": [{"id": "busy"}]}
        else:
            n = int(query.removeprefix("n=") or 0)
            page = {"data": [{"id": f"p{n}"}]}
            if n < 4:
                page["links"] = {"next": f"http://127.0.0.1:{port}/pages?n={n + 1}"}
        body = json.dumps(page).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        """Quiet."""


@pytest.fixture
def polite() -> Iterator[str]:
    Polite.connections, Polite.times = set(), []
    with serving(Polite, wait_for_requests=False) as url:
        yield url


def test_retry_after_of_a_busy_server_is_waited_for(polite: str) -> None:
    fetcher = Fetcher(retries=2, backoff=0)
    assert fetcher.get(polite + "/busy") == {"data": [{"id": "busy"}]}
    assert fetcher.requests == 3
    first, second, third = Polite.times
    assert 1.0 <= second - first < 1.8 and 1.0 <= third - second < 1.8


def test_a_crawl_uses_one_connection(polite: str) -> None:
    fetcher = Fetcher(retries=0)
    items = list(list_items(fetcher, polite + "/pages?n=0", "paper", None))
    assert items == [{"id": f"p{n}"} for n in range(5)]
    assert fetcher.requests == 5
    assert len(Polite.connections) == 1


class Endpoint(BaseHTTPRequestHandler):
    """A SPARQL endpoint over HTTP/1.1 with keep-alive that finds nothing; ``connections`` as in
    :class:`Polite`."""

    protocol_version = "HTTP/1.1"
    connections: ClassVar[set[tuple[str, int]]] = set()

    def do_POST(self) -> None:
        Endpoint.connections.add(self.client_address)
        self.rfile.read(int(self.headers["Content-Length"]))
        body = b'{"head": {"vars": ["g"]}, "results": {"bindings": []}}'
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        """Quiet."""


def test_an_endpoint_is_asked_over_one_connection() -> None:
    Endpoint.connections = set()
    with serving(Endpoint, wait_for_requests=False) as url:
        backend = SparqlBackend(url + "/query", timeout=5)
        for _ in range(3):
            assert backend.select("SELECT ?g WHERE { GRAPH ?g { } }", {}).rows == []
    assert len(Endpoint.connections) == 1  # 5 requests: 2 for the graph names, 3 queries


class Busy(BaseHTTPRequestHandler):
    """A SPARQL endpoint (HTTP/1.1, keep-alive) that answers its first ``busy`` requests with 503
    and ``Retry-After: 1``, then finds nothing; ``times`` when each request came."""

    protocol_version = "HTTP/1.1"
    busy: ClassVar[int] = 1
    times: ClassVar[list[float]] = []
    connections: ClassVar[set[tuple[str, int]]] = set()

    def do_POST(self) -> None:
        Busy.connections.add(self.client_address)
        Busy.times.append(time.monotonic())
        self.rfile.read(int(self.headers["Content-Length"]))
        if len(Busy.times) <= Busy.busy:
            body = b"Service Unavailable"
            self.send_response(503)
            self.send_header("Retry-After", "1")
        else:
            body = b'{"head": {"vars": ["g"]}, "results": {"bindings": []}}'
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        """Quiet."""


def test_a_busy_endpoint_is_asked_again_after_its_retry_after() -> None:
    Busy.busy, Busy.times, Busy.connections = 1, [], set()
    with serving(Busy, wait_for_requests=False) as url:
        backend = SparqlBackend(url + "/query", timeout=5)
        assert backend.select("SELECT ?g WHERE { GRAPH ?g { } }", {}).rows == []
    first, second = Busy.times[:2]
    assert 1.0 <= second - first < 1.8
    assert len(Busy.times) == 4  # 503, then 2 for the graph names and the query
    assert len(Busy.connections) == 1


def test_an_endpoint_busy_at_every_try_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from sckg import httpclient, remote
    from sckg.errors import StoreError

    monkeypatch.setattr(httpclient, "MAX_RETRY_AFTER", 0.1)  # waits 0.1 s, not 1 s, per try
    Busy.busy, Busy.times, Busy.connections = 100, [], set()
    with serving(Busy, wait_for_requests=False) as url:
        backend = SparqlBackend(url + "/query", timeout=5)
        with pytest.raises(StoreError) as caught:
            backend.select("SELECT ?g WHERE { GRAPH ?g { } }", {})
    assert str(caught.value) == (
        f"The endpoint {url}/query is busy: it answered HTTP 503 (Service Unavailable) 4 times "
        "in a row, waiting as it asked between them. Try again later, or ask its operator whether "
        "it is overloaded or restarting."
    )
    assert len(Busy.times) == remote.BUSY_TRIES == 4
    assert len(Busy.connections) == 1


class Closing(BaseHTTPRequestHandler):
    """A SPARQL endpoint (HTTP/1.1, keep-alive) that finds nothing, but closes the connection
    without an answer to its requests numbered in ``dropped`` (counted from 1), and answers those
    in ``timed_out`` with 408 and closes: a server closing an idle kept-alive connection just as
    the client sends its next request on it (issue 21: one of 20 serve runs under load saw ``sckg
    prioritise`` fail on the endpoint). ``times`` when each request came."""

    protocol_version = "HTTP/1.1"
    dropped: ClassVar[set[int]] = set()
    timed_out: ClassVar[set[int]] = set()
    times: ClassVar[list[float]] = []
    connections: ClassVar[set[tuple[str, int]]] = set()

    def do_POST(self) -> None:
        Closing.connections.add(self.client_address)
        Closing.times.append(time.monotonic())
        self.rfile.read(int(self.headers["Content-Length"]))
        if len(Closing.times) in Closing.dropped:
            self.close_connection = True
            return
        if len(Closing.times) in Closing.timed_out:
            self.send_error(408)  # with "Connection: close"
            return
        body = b'{"head": {"vars": ["g"]}, "results": {"bindings": []}}'
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        """Quiet."""


@pytest.mark.parametrize("how", ["dropped", "timed_out"])
def test_a_query_on_a_connection_the_server_closed_is_sent_again_on_a_new_one(how: str) -> None:
    Closing.dropped, Closing.timed_out = ({3}, set()) if how == "dropped" else (set(), {3})
    Closing.times, Closing.connections = [], set()
    with serving(Closing, wait_for_requests=False) as url:
        backend = SparqlBackend(url + "/query", timeout=5)
        assert backend.select("SELECT ?g WHERE { GRAPH ?g { } }", {}).rows == []
    assert len(Closing.times) == 4  # 2 for the graph names, the query closed, the query again
    assert Closing.times[3] - Closing.times[2] < 1.0  # at once: no pause as for a busy server
    assert len(Closing.connections) == 2


def test_a_query_whose_connection_is_closed_again_is_a_clear_error() -> None:
    from sckg.errors import StoreError

    Closing.dropped, Closing.timed_out, Closing.times, Closing.connections = (
        {3, 4},
        set(),
        [],
        set(),
    )
    with serving(Closing, wait_for_requests=False) as url:
        backend = SparqlBackend(url + "/query", timeout=5)
        with pytest.raises(StoreError) as caught:
            backend.select("SELECT ?g WHERE { GRAPH ?g { } }", {})
    assert str(caught.value) == (
        f"The endpoint {url}/query cannot be reached (Remote end closed connection without "
        "response)."
    )
    assert len(Closing.times) == 4  # sent again once, not more
