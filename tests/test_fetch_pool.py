"""sckg's one HTTP client (issue 26), for OParl crawls and SPARQL endpoints: it waits as long as a
busy server's ``Retry-After`` asks, reads all pages of a crawl and all queries over one kept-alive
connection, and sends a query again on a new connection when the server closed the old one before
answering (issue 21)."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from typing import ClassVar

import pytest
from servers import serving

from sckg import httpclient, remote
from sckg.errors import StoreError
from sckg.ingest.oparl_fetch import Fetcher, list_items
from sckg.remote import SparqlBackend

pytestmark = pytest.mark.timing  # run alone: pauses measured to within 0.8 s


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
    """A SPARQL endpoint over HTTP/1.1 with keep-alive that finds nothing. Its requests are
    counted from 1: those up to ``busy`` are answered 503 with ``Retry-After: 1``; those in
    ``dropped`` get no answer, the connection closed; those in ``timed_out`` get 408 and the
    connection closed (a server closing an idle kept-alive connection just as the client sends its
    next request on it; issue 21: one of 20 serve runs under load saw ``sckg prioritise`` fail on
    the endpoint). ``times`` when each request came, ``connections`` the client address of each
    (one per TCP connection)."""

    protocol_version = "HTTP/1.1"
    busy: ClassVar[int] = 0
    dropped: ClassVar[set[int]] = set()
    timed_out: ClassVar[set[int]] = set()
    times: ClassVar[list[float]] = []
    connections: ClassVar[set[tuple[str, int]]] = set()

    def do_POST(self) -> None:
        Endpoint.connections.add(self.client_address)
        Endpoint.times.append(time.monotonic())
        number = len(Endpoint.times)
        self.rfile.read(int(self.headers["Content-Length"]))
        if number in Endpoint.dropped:
            self.close_connection = True
            return
        if number in Endpoint.timed_out:
            self.send_error(408)  # with "Connection: close"
            return
        if number <= Endpoint.busy:
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


@pytest.fixture
def endpoint() -> Iterator[str]:
    """The URL of a fresh :class:`Endpoint` that answers every request (set ``busy``,
    ``dropped`` and ``timed_out`` before the first request)."""
    Endpoint.busy, Endpoint.dropped, Endpoint.timed_out = 0, set(), set()
    Endpoint.times, Endpoint.connections = [], set()
    with serving(Endpoint, wait_for_requests=False) as url:
        yield url + "/query"


ANY_GRAPH = "SELECT ?g WHERE { GRAPH ?g { } }"


def test_an_endpoint_is_asked_over_one_connection(endpoint: str) -> None:
    backend = SparqlBackend(endpoint, timeout=5)
    for _ in range(3):
        assert backend.select(ANY_GRAPH, {}).rows == []
    assert len(Endpoint.connections) == 1  # 5 requests: 2 for the graph names, 3 queries


def test_a_busy_endpoint_is_asked_again_after_its_retry_after(endpoint: str) -> None:
    Endpoint.busy = 1
    assert SparqlBackend(endpoint, timeout=5).select(ANY_GRAPH, {}).rows == []
    first, second = Endpoint.times[:2]
    assert 1.0 <= second - first < 1.8
    assert len(Endpoint.times) == 4  # 503, then 2 for the graph names and the query
    assert len(Endpoint.connections) == 1


def test_an_endpoint_busy_at_every_try_is_a_clear_error(
    endpoint: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(httpclient, "MAX_RETRY_AFTER", 0.1)  # waits 0.1 s, not 1 s, per try
    Endpoint.busy = 100
    with pytest.raises(StoreError) as caught:
        SparqlBackend(endpoint, timeout=5).select(ANY_GRAPH, {})
    assert str(caught.value) == (
        f"The endpoint {endpoint} is busy: it answered HTTP 503 (Service Unavailable) 4 times "
        "in a row, waiting as it asked between them. Try again later, or ask its operator whether "
        "it is overloaded or restarting."
    )
    assert len(Endpoint.times) == remote.BUSY_TRIES == 4
    assert len(Endpoint.connections) == 1


@pytest.mark.parametrize("how", ["dropped", "timed_out"])
def test_a_query_on_a_connection_the_server_closed_is_sent_again_on_a_new_one(
    endpoint: str, how: str
) -> None:
    setattr(Endpoint, how, {3})
    assert SparqlBackend(endpoint, timeout=5).select(ANY_GRAPH, {}).rows == []
    assert len(Endpoint.times) == 4  # 2 for the graph names, the query closed, the query again
    assert Endpoint.times[3] - Endpoint.times[2] < 1.0  # at once: no pause as for a busy server
    assert len(Endpoint.connections) == 2


def test_a_query_whose_connection_is_closed_again_is_a_clear_error(endpoint: str) -> None:
    Endpoint.dropped = {3, 4}
    with pytest.raises(StoreError) as caught:
        SparqlBackend(endpoint, timeout=5).select(ANY_GRAPH, {})
    assert str(caught.value) == (
        f"The endpoint {endpoint} cannot be reached (Remote end closed connection without "
        "response)."
    )
    assert len(Endpoint.times) == 4  # sent again once, not more
