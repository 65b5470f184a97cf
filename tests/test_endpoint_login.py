"""Endpoints behind a login: a guard that asks for HTTP Basic or a bearer token, in front of a real
Oxigraph server (as a reverse proxy with a login does in front of Fuseki, GraphDB or Virtuoso)."""

from __future__ import annotations

import base64
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from servers import QuietHTTPServer, sparql_server_fixture  # noqa: F401  (pytest fixture)
from typer.testing import CliRunner

from sckg import resources
from sckg.cli import app
from sckg.kg import KnowledgeGraph
from sckg.queries import run_named
from sckg.serve import SparqlServer
from sckg.stores import push

pytestmark = pytest.mark.server
BASIC = "Basic " + base64.b64encode(b"analyst:s3cret").decode()
BEARER = "Bearer t0ken"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?p a sckg:Project }"


class Guard(QuietHTTPServer):
    """Forwards requests with the right login to ``upstream``; answers 401 to the others.

    ``redirect`` (a URL) makes it answer every request with ``307 Temporary Redirect`` to that URL
    instead (a redirect that keeps the query; sckg refuses a 303 on a POST, see
    tests/test_hardening_outputs.py); ``delay`` makes it wait that many seconds before answering;
    ``challenge`` is its ``WWW-Authenticate`` header ('' for a bare 401; a Digest challenge lets any
    Digest answer of the user pass). ``seen`` keeps the Authorization header of every request.
    """

    def __init__(
        self,
        upstream: str,
        *,
        redirect: str | None = None,
        delay: float = 0,
        challenge: str = 'Basic realm="sckg test"',
    ) -> None:
        super().__init__(("127.0.0.1", 0), GuardHandler)
        self.upstream, self.redirect, self.delay, self.challenge = (
            upstream,
            redirect,
            delay,
            challenge,
        )
        self.seen: list[str | None] = []
        self.url = f"http://127.0.0.1:{self.server_address[1]}"

    def __enter__(self) -> Guard:
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()
        self.server_close()


class GuardHandler(BaseHTTPRequestHandler):
    server: Guard

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""

    def _answer(self) -> None:
        login = self.headers.get("Authorization")
        self.server.seen.append(login)
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        time.sleep(self.server.delay)
        if self.server.redirect:
            self.send_response(307)
            self.send_header("Location", self.server.redirect)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        digest = self.server.challenge.startswith("Digest") and (login or "").startswith(
            'Digest username="analyst"'
        )
        if login not in (BASIC, BEARER) and not digest:
            self.send_response(401)
            if self.server.challenge:
                self.send_header("WWW-Authenticate", self.server.challenge)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        headers = {k: v for k, v in self.headers.items() if k.lower() in ("content-type", "accept")}
        request = urllib.request.Request(
            self.server.upstream + self.path,
            data=body or None,
            headers=headers,
            method=self.command,
        )
        try:
            with urllib.request.build_opener(urllib.request.ProxyHandler({})).open(
                request
            ) as answer:
                status, media, reply = (
                    answer.status,
                    answer.headers.get("Content-Type", ""),
                    answer.read(),
                )
        except urllib.error.HTTPError as exc:
            status, media, reply = exc.code, exc.headers.get("Content-Type", ""), exc.read()
        self.send_response(status)
        self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(reply)))
        self.end_headers()
        self.wfile.write(reply)

    do_GET = do_POST = do_PUT = do_HEAD = _answer


@pytest.fixture(name="guarded")
def guarded_fixture(sparql_server: Callable) -> Iterator[Guard]:
    """A guard in front of a read-only Oxigraph server holding Braunschweig."""
    server = sparql_server("braunschweig")
    with Guard(server.query_url.removesuffix("/query")) as guard:
        yield guard


def query(url: str, env: dict[str, str | None], *extra: str) -> tuple[int, str]:
    result = CliRunner().invoke(
        app, ["query", COUNT, "-f", "csv", "--store", f"sparql:{url}", *extra], env=env
    )
    return result.exit_code, result.output


#: CliRunner unsets variables given as None: whatever the machine running the tests has set does not
#: count.
NO_LOGIN: dict[str, str | None] = dict.fromkeys(
    ["SCKG_ENDPOINT_USER", "SCKG_ENDPOINT_PASSWORD", "SCKG_ENDPOINT_TOKEN"]
)


def test_an_endpoint_that_asks_for_a_login_says_how_to_give_it(guarded: Guard) -> None:
    code, output = query(guarded.url + "/query", NO_LOGIN)
    assert (code, output) == (
        1,
        f"Error: The endpoint {guarded.url}/query asks for a login (HTTP 401). Set "
        "SCKG_ENDPOINT_USER and SCKG_ENDPOINT_PASSWORD, or SCKG_ENDPOINT_TOKEN, in the "
        "environment.\n",
    )
    assert guarded.seen == [None]


def test_a_wrong_password_is_named_and_the_right_one_answers(guarded: Guard) -> None:
    wrong = {**NO_LOGIN, "SCKG_ENDPOINT_USER": "analyst", "SCKG_ENDPOINT_PASSWORD": "guess"}
    assert query(guarded.url + "/query", wrong) == (
        1,
        f"Error: The endpoint {guarded.url}/query refused the login in "
        "SCKG_ENDPOINT_USER/SCKG_ENDPOINT_PASSWORD (HTTP 401).\n",
    )
    right = {**wrong, "SCKG_ENDPOINT_PASSWORD": "s3cret"}
    assert query(guarded.url + "/query", right) == (0, "n\n5\n")
    # nothing before the server asks; with the right login: the graph names (once per process), then
    # the query
    assert guarded.seen == [
        None,
        "Basic " + base64.b64encode(b"analyst:guess").decode(),
        BASIC,
        BASIC,
    ]


def test_a_token_is_sent_as_bearer_and_every_named_query_reads_the_same(
    guarded: Guard, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SCKG_ENDPOINT_TOKEN", "t0ken")
    monkeypatch.setenv("SCKG_ENDPOINT_USER", "analyst")  # the token wins
    remote = KnowledgeGraph.open(None, f"sparql:{guarded.url}/query")
    memory = KnowledgeGraph.open([resources.dataset("braunschweig")])
    for name in ("projects-by-field", "actors-of-project", "decisions"):
        assert run_named(remote, name).rows == run_named(memory, name).rows, name
    assert guarded.seen[0] is None  # nothing before the server asks
    assert set(guarded.seen[1:]) == {BEARER}


def test_push_logs_in_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SCKG_ENDPOINT_TOKEN", "t0ken")
    with (
        SparqlServer(tmp_path / "store", port=0, write=True) as server,
        Guard(server.store_url.removesuffix("/store")) as guard,
    ):
        report = push(
            KnowledgeGraph.open([resources.dataset("braunschweig")]), guard.url + "/store"
        )
    assert [g.iri.rsplit("/", 1)[1] for g in report.graphs] == ["braunschweig", "model"]
    assert guard.seen == [None, BEARER, BEARER]  # asked first by a HEAD request without the graph


def test_the_login_is_not_passed_on_to_another_host(guarded: Guard) -> None:
    env = {**NO_LOGIN, "SCKG_ENDPOINT_USER": "analyst", "SCKG_ENDPOINT_PASSWORD": "s3cret"}
    with Guard(guarded.url, redirect=guarded.url + "/query") as forwarder:
        # another port is another origin: the redirect is followed, the login stays behind
        code, output = query(forwarder.url + "/query", env)
    assert (
        forwarder.seen == guarded.seen == [None, None]
    )  # the HEAD request that asks how to log in, the query
    assert (code, output) == (
        1,
        f"Error: The endpoint {forwarder.url}/query sent the request on to "
        f"{guarded.url}/query, which asks for a login (HTTP 401); sckg gives the login only "
        f"to the server it was given: use {guarded.url}/query if you trust it.\n",
    )


LOGIN = {**NO_LOGIN, "SCKG_ENDPOINT_USER": "analyst", "SCKG_ENDPOINT_PASSWORD": "s3cret"}


def test_a_digest_login_over_http_never_sends_the_password_as_basic(
    sparql_server: Callable,
) -> None:
    upstream = sparql_server("braunschweig").query_url.removesuffix("/query")
    with Guard(upstream, challenge='Digest realm="sckg", nonce="n0nce", qop="auth"') as guard:
        assert query(guard.url + "/query", LOGIN) == (0, "n\n5\n")
    assert guard.seen[0] is None  # nothing before the server asks
    assert [s for s in guard.seen if s and not s.startswith("Digest ")] == []


def test_a_login_without_a_challenge_over_http_is_not_sent(sparql_server: Callable) -> None:
    upstream = sparql_server("braunschweig").query_url.removesuffix("/query")
    with Guard(upstream, challenge="") as guard:
        code, output = query(guard.url + "/query", LOGIN)
    assert guard.seen == [
        None,
        None,
    ]  # the HEAD request that asks how to log in, the query: no password
    assert (code, output) == (
        1,
        f"Error: The endpoint {guard.url}/query asks for a login (HTTP 401) without saying "
        "which (no WWW-Authenticate header); sckg sends a password over http only when the "
        "server asks for Basic or Digest. Use https.\n",
    )


def test_the_endpoint_timeout_comes_from_the_environment(sparql_server: Callable) -> None:
    upstream = sparql_server("braunschweig").query_url.removesuffix("/query")
    with Guard(upstream, delay=2) as slow:
        # the guard would answer (with 401) after 2 s: the error shows that sckg stopped waiting
        # before
        code, output = query(slow.url + "/query", {**NO_LOGIN, "SCKG_ENDPOINT_TIMEOUT": "0.5"})
    assert (code, output) == (
        1,
        f"Error: The endpoint {slow.url}/query did not answer within 0.5 s.\n",
    )
    code, output = query(upstream + "/query", {"SCKG_ENDPOINT_TIMEOUT": "soon"})
    assert (code, output) == (
        2,
        "Error: SCKG_ENDPOINT_TIMEOUT='soon' is not a number of seconds greater than 0.\n",
    )
    assert query(upstream + "/query", {"SCKG_ENDPOINT_TIMEOUT": "30"}) == (0, "n\n5\n")
