"""Any SPARQL 1.1 endpoint as a store: queries over HTTP (SPARQL 1.1 Protocol), results as JSON.

Requests go through :mod:`sckg.httpclient` (urllib3; connections kept alive; a busy endpoint is
asked again after the pause its ``Retry-After`` asks for). sckg expects the
endpoint's default graph to be the union of its named graphs, as the in-process stores are queried
(Oxigraph server: ``--union-default-graph``, which ``sckg serve`` sets; Fuseki/TDB2:
``tdb2:unionDefaultGraph true``; GraphDB and Virtuoso do this by default). The predeclared prefixes
are sent in front of every query; parameters are bound by a ``VALUES`` block, which every SPARQL 1.1
endpoint understands.

Endpoints that ask for a login get it from the environment (never from the command line, which shell
histories and process lists keep): ``SCKG_ENDPOINT_TOKEN`` (sent as a bearer token), or
``SCKG_ENDPOINT_USER`` and ``SCKG_ENDPOINT_PASSWORD`` (HTTP Basic, or HTTP Digest when the endpoint
asks for it, as Virtuoso's ``/sparql-auth`` and Graph Store endpoints do). The login is not passed
on when the endpoint redirects to another host. ``SCKG_ENDPOINT_TIMEOUT`` sets how many seconds
``--store sparql:URL`` waits for an answer (default 120).
"""

from __future__ import annotations

import base64
import json
import os
import re
import time
import urllib.parse
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import urllib3

from .errors import QueryError, StoreError, UsageError
from .httpclient import IDEMPOTENT, Client, reason, retry_after
from .namespaces import sparql_prologue
from .results import Table, Term, solution_rows
from .sparql import bind_values, syntax_error
from .words import error_message

#: Seconds to wait for an endpoint's answer (connecting, and between two pieces of the answer).
DEFAULT_TIMEOUT = 120.0
TIMEOUT_VARIABLE = "SCKG_ENDPOINT_TIMEOUT"
TOKEN_VARIABLE, USER_VARIABLE, PASSWORD_VARIABLE = (
    "SCKG_ENDPOINT_TOKEN",
    "SCKG_ENDPOINT_USER",
    "SCKG_ENDPOINT_PASSWORD",
)
_PROLOGUE = sparql_prologue()
_PROLOGUE_LINES = _PROLOGUE.count("\n")
#: How Oxigraph ends a streamed result that its ``--timeout-s`` stopped (after a ``200 OK``).
CANCELLED = b"The SPARQL operation has been cancelled"
_RESULTS_JSON = "application/sparql-results+json"
_RDF_ACCEPT = "application/n-triples, text/turtle;q=0.9, application/rdf+xml;q=0.5"


#: Redirects followed for one request (as many as the standard library's urllib follows).
MAX_REDIRECTS = 10
_REDIRECT_STATUS = (301, 302, 303, 307, 308)
#: The connections to endpoints, kept alive between requests.
_CLIENT = Client()
#: A busy endpoint (HTTP 429 or 503) is asked this many times in all, after the pause its
#: ``Retry-After`` asks for (at most :data:`sckg.httpclient.MAX_RETRY_AFTER`), or without one
#: after :data:`BUSY_PAUSE` seconds, doubled each time.
BUSY_TRIES = 4
BUSY_PAUSE = 1.0
_BUSY = (429, 503)


@dataclass
class _Request:
    method: str
    url: str
    headers: dict[str, str]
    data: bytes | None
    #: sent again when its connection closed before any answer (idempotent, or a query; see
    #: Client.request)
    repeatable: bool = False


def _redirected(request: _Request, code: int, newurl: str) -> _Request | None:
    """The request a redirect leads to (None: not followed, the redirect is the answer), without
    the login when it leads to another scheme, host or port.

    A request with a body (a query sent by POST, a graph sent by PUT) is sent again, body and all,
    on a 307 or 308; a 301, 302 or 303 would make it a GET without the body (the query lost, an
    empty answer taken for the result), so such a redirect is an error naming the address to use
    instead.
    """
    method = request.method
    if method in ("GET", "HEAD"):
        if urllib.parse.urlsplit(newurl).scheme not in ("http", "https"):
            return None
        kept = {
            name: value
            for name, value in request.headers.items()
            if name.lower() not in ("content-length", "content-type")
        }
        new = _Request(method, newurl, kept, None)
    elif code in (307, 308):
        check_http_url(newurl, "where the endpoint redirects to")
        new = _Request(method, newurl, dict(request.headers), request.data, request.repeatable)
    else:
        query = method == "POST"
        raise StoreError(
            error_message(
                "error.redirect_query" if query else "error.redirect_data",
                url=request.url,
                method=method,
                code=code,
                newurl=newurl,
            )
        )
    if not _same_server(new.url, request.url):
        new.headers = {k: v for k, v in new.headers.items() if k.lower() != "authorization"}
    return new


def _exchange(request: _Request, timeout: float) -> tuple[Response, str, str]:
    """The answer to ``request`` after the redirects it may follow, the address that gave it and
    its ``WWW-Authenticate`` challenge ('' without one)."""
    for _ in range(MAX_REDIRECTS + 1):
        answer = _CLIENT.request(
            request.method,
            request.url,
            headers=request.headers,
            body=request.data,
            timeout=timeout,
            repeatable=request.repeatable,
        )
        location = answer.headers.get("Location")
        new = (
            _redirected(request, answer.status, urllib.parse.urljoin(request.url, location))
            if answer.status in _REDIRECT_STATUS and location
            else None
        )
        if new is None:
            break
        answer.drain_conn()
        answer.release_conn()
        request = new
    body = answer.read() if request.method != "HEAD" else b""
    answer.release_conn()
    challenge = answer.headers.get("WWW-Authenticate") or ""
    media_type = (answer.headers.get("Content-Type") or "").split(";")[0].strip().lower()
    response = Response(answer.status, media_type, body, retry_after(answer))
    return response, request.url, challenge


#: A graph every Virtuoso holds, and the graphs it keeps for itself: its RDF views, the LDP
#: vocabulary, WebDAV and its service description (named after its host).
VIRTUOSO_MARK = "http://www.openlinksw.com/schemas/virtrdf#"
VIRTUOSO_OWN = re.compile(
    r"http://www\.openlinksw\.com/schemas/virtrdf#|http://www\.w3\.org/ns/ldp#|https?://[^/]+/(DAV/|sparql)"
)
#: Virtuoso sends at most 2**20 rows in one HTTP answer and leaves out the rest without an error
#: (its issue 700).
VIRTUOSO_MAX_ROWS = 1_048_576


@dataclass
class Response:
    """An HTTP answer: status, media type (without parameters) and body."""

    status: int
    media_type: str
    body: bytes
    #: the seconds a busy server's ``Retry-After`` asks to wait (0: none)
    wait: float = 0.0

    def text(self, limit: int = 300) -> str:
        """The body as one line of text, shortened (for error messages)."""
        text = " ".join(self.body.decode("utf-8", "replace").split())
        return text if len(text) <= limit else text[:limit] + " …"


def login_headers() -> dict[str, str]:
    """The ``Authorization`` header for the login in the environment (see the module's docstring),
    or none."""
    if token := os.environ.get(TOKEN_VARIABLE):
        return {"Authorization": f"Bearer {token}"}
    if (user := os.environ.get(USER_VARIABLE)) is None:
        return {}
    pair = f"{user}:{os.environ.get(PASSWORD_VARIABLE, '')}".encode()
    return {"Authorization": "Basic " + base64.b64encode(pair).decode("ascii")}


def endpoint_timeout() -> float:
    """Seconds to wait for an endpoint: ``SCKG_ENDPOINT_TIMEOUT``, or :data:`DEFAULT_TIMEOUT`."""
    value = os.environ.get(TIMEOUT_VARIABLE, "").strip()
    if not value:
        return DEFAULT_TIMEOUT
    try:
        seconds = float(value)
    except ValueError:
        seconds = 0.0
    if not 0 < seconds < float("inf"):
        raise UsageError(
            error_message("error.timeout_variable", name=TIMEOUT_VARIABLE, value=value)
        )
    return seconds


def http_request(
    method: str,
    url: str,
    *,
    data: bytes | None = None,
    headers: Mapping[str, str] | None = None,
    timeout: float,
    repeatable: bool = False,
) -> Response:
    """One HTTP request with the login from the environment, if any, sent only when the server asks
    for it; ``repeatable``: the server may get it twice (a query), see
    :meth:`sckg.httpclient.Client.request`.

    The first request to a server goes without a login. When the server answers 401, its challenge
    says how to log in: a token goes as ``Bearer``, a user and password as HTTP Digest or Basic as
    the server asks; over plain http a password goes as Basic only when the server asks for Basic
    (over https also to a bare 401, as Virtuoso answers a Basic login it does not take). The scheme
    is kept per server for the later requests. A server may cut the connection when it refuses a
    request while a large body is on its way (Virtuoso does, for a graph of 100,000 triples), so a
    request with a body first learns the scheme by a ``HEAD`` request without the body, and a Digest
    login is answered to a fresh challenge fetched the same way. A busy server (429, 503) is asked
    again after the pause it asks for (:data:`BUSY_TRIES`). Any other HTTP status is returned, but
    a refused login (401) and a server that does not answer raise :class:`StoreError`.
    """
    server = urllib.parse.urlsplit(url)[:2]  # scheme and host:port
    credentials = bool(login_headers())
    if credentials and data is not None and server not in _LOGIN_SCHEMES:
        _LOGIN_SCHEMES[server] = _scheme_asked(_probe(url, timeout), url) or "none"
    scheme = _LOGIN_SCHEMES.get(server, "none")
    login = (
        _digest_login(method, url, timeout)
        if scheme == "digest" and credentials
        else _login(scheme)
    )
    again = repeatable or method in IDEMPOTENT
    request = _Request(method, url, {**login, **(headers or {})}, data, again)
    answer, answered, challenge = _busy_exchange(request, timeout)
    if answer.status != 401:
        return answer
    asked = _scheme_asked(challenge, url) if _same_server(answered, url) else None
    if credentials and asked is not None and asked != scheme:
        _LOGIN_SCHEMES[server] = asked
        return http_request(
            method, url, data=data, headers=headers, timeout=timeout, repeatable=repeatable
        )
    if credentials and not login and not challenge and server[0] == "http":
        raise StoreError(error_message("error.login_unsaid", url=url))
    if not _same_server(answered, url):
        raise StoreError(error_message("error.login_elsewhere", url=url, answered=answered))
    raise StoreError(_login_refused(url, login))


def _busy_exchange(request: _Request, timeout: float) -> tuple[Response, str, str]:
    """:func:`_exchange`, asked again while the endpoint is busy (see :data:`BUSY_TRIES`); a
    :class:`StoreError` when it does not answer, or is busy at every try."""
    url = request.url
    for attempt in range(BUSY_TRIES):
        exchanged = _answer(request, timeout)
        answer = exchanged[0]
        if answer.status not in _BUSY:
            return exchanged
        if attempt < BUSY_TRIES - 1:
            time.sleep(answer.wait or BUSY_PAUSE * 2**attempt)
    raise StoreError(
        error_message(
            "error.endpoint_busy",
            url=url,
            status=answer.status,
            reason=answer.text(80) or "busy",
            tries=BUSY_TRIES,
        )
    )


def _answer(request: _Request, timeout: float) -> tuple[Response, str, str]:
    """:func:`_exchange`, with a :class:`StoreError` when the endpoint does not answer. A 408 (the
    server stopped waiting for the request as it came, closing an idle connection) to a
    repeatable request is answered by sending it once more (RFC 9110 §15.5.9)."""
    exchanged = _answer_once(request, timeout)
    if exchanged[0].status == 408 and request.repeatable:
        return _answer_once(request, timeout)
    return exchanged


def _answer_once(request: _Request, timeout: float) -> tuple[Response, str, str]:
    """:func:`_exchange`, with a :class:`StoreError` when the endpoint does not answer."""
    url = request.url
    try:
        return _exchange(request, timeout)
    except StoreError:
        raise
    except (  # before timeouts: urllib3's NewConnectionError is a ConnectTimeoutError
        urllib3.exceptions.NewConnectionError,
        urllib3.exceptions.NameResolutionError,
    ) as exc:
        raise StoreError(error_message("error.no_answer", url=url, reason=reason(exc))) from None
    except (urllib3.exceptions.TimeoutError, TimeoutError):
        raise StoreError(
            error_message("error.answer_late", url=url, seconds=f"{timeout:g}")
        ) from None
    except (urllib3.exceptions.HTTPError, OSError, ValueError) as exc:
        # connection reset, malformed URL, bad status line
        raise StoreError(error_message("error.unreachable", url=url, reason=reason(exc))) from None


#: How each server (scheme, host:port) asked for the login of the environment: "bearer", "basic",
#: "digest", or "none" while it has not asked.
_LOGIN_SCHEMES: dict[tuple[str, str], str] = {}


def _same_server(url: str, other: str) -> bool:
    """Whether two addresses have the same scheme, host and port."""
    return urllib.parse.urlsplit(url)[:2] == urllib.parse.urlsplit(other)[:2]


def _login(scheme: str) -> dict[str, str]:
    """The ``Authorization`` header of the environment's login for a server that asked for
    ``scheme``."""
    return login_headers() if scheme in ("bearer", "basic") else {}


def _scheme_asked(challenge: str | None, url: str) -> str | None:
    """How a server whose 401 answer carried ``challenge`` ('' for none, None for no 401) gets the
    login of the environment: a token always as bearer; a password as the server asks, or as Basic
    to a bare 401 over https."""
    if challenge is None:
        return None
    if os.environ.get(TOKEN_VARIABLE):
        return "bearer"
    asked = challenge.split(" ", 1)[0].lower()
    if asked in ("basic", "digest"):
        return asked
    return "basic" if not challenge and urllib.parse.urlsplit(url).scheme == "https" else None


def _probe(url: str, timeout: float) -> str | None:
    """A ``HEAD`` request without a body: the challenge of its 401 answer, or None when it was not
    refused (or refused by another server it was redirected to)."""
    try:
        answer, answered, challenge = _exchange(_Request("HEAD", url, {}, None), timeout)
    except (StoreError, urllib3.exceptions.HTTPError, OSError, ValueError):
        return None  # the request itself will say what is wrong with the server
    return challenge if answer.status == 401 and _same_server(answered, url) else None


def _digest_login(method: str, url: str, timeout: float) -> dict[str, str]:
    """The ``Authorization`` header answering the server's Digest challenge for ``method url`` with
    the login of the environment (the challenge is fetched fresh, so each nonce is used once), or
    none without a challenge."""
    challenge = _probe(url, timeout) or ""
    scheme, _, parameters = challenge.partition(" ")
    if scheme.lower() != "digest":
        return {}
    passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
    passwords.add_password(
        None, url, os.environ.get(USER_VARIABLE, ""), os.environ.get(PASSWORD_VARIABLE, "")
    )
    fields = urllib.request.parse_keqv_list(
        [f for f in urllib.request.parse_http_list(parameters) if f]
    )
    answer = urllib.request.HTTPDigestAuthHandler(passwords).get_authorization(
        urllib.request.Request(url, method=method), fields
    )
    return {"Authorization": f"Digest {answer}"} if answer else {}


def _login_refused(url: str, login: Mapping[str, str]) -> str:
    if not login:
        return (
            f"The endpoint {url} asks for a login (HTTP 401). Set {USER_VARIABLE} and "
            f"{PASSWORD_VARIABLE}, or {TOKEN_VARIABLE}, in the environment."
        )
    given = (
        TOKEN_VARIABLE if os.environ.get(TOKEN_VARIABLE) else f"{USER_VARIABLE}/{PASSWORD_VARIABLE}"
    )
    return f"The endpoint {url} refused the login in {given} (HTTP 401)."


def check_http_url(url: str, what: str) -> str:
    """``url`` if it is an http(s) URL, else a usage error naming ``what`` it should be."""
    if not re.match(r"^https?://[^/\s]+", url):
        raise UsageError(error_message("error.not_http", url=url, what=what))
    return url


_BOOLEAN = ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean")
_CANONICAL_BOOLEANS = {"1": ox.Literal(True), "0": ox.Literal(False)}


def _canonical(term: Term | None) -> Term | None:
    """A boolean in its canonical form: Virtuoso, which stores booleans as numbers, answers
    ``"1"^^xsd:boolean`` for the ``true`` it was given (the same value, but another term)."""
    if (
        isinstance(term, ox.Literal)
        and term.datatype == _BOOLEAN
        and term.value in _CANONICAL_BOOLEANS
    ):
        return _CANONICAL_BOOLEANS[term.value]
    return term


def _read_results(body: bytes) -> Table | bool:
    """SPARQL JSON results as a table (SELECT) or a boolean (ASK), booleans in their canonical
    form."""
    result = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
    if isinstance(result, ox.QueryBoolean):
        return bool(result)
    rows = solution_rows(result)
    if _BOOLEAN.value.encode() in body:
        rows = [tuple(map(_canonical, row)) for row in rows]
    return Table([v.value for v in result.variables], rows)


def _standard_json(body: bytes) -> bytes:
    """SPARQL JSON results without the members that the standard does not define."""
    document = json.loads(body)
    if not isinstance(document, dict):
        raise ValueError("not a JSON object")
    standard = {key: document[key] for key in ("head", "results", "boolean") if key in document}
    if "results" in standard and isinstance(
        standard.get("head"), dict
    ):  # Comunica: no "vars" when nothing matched
        standard["head"] = {"vars": [], **standard["head"]}
    return json.dumps(standard).encode("utf-8")


class SparqlBackend:
    """A SPARQL 1.1 query endpoint, read through the SPARQL 1.1 Protocol. sckg never writes through
    it.

    The names of the endpoint's graphs are fetched once and kept for the life of the backend.
    """

    def __init__(self, url: str, *, timeout: float | None = None) -> None:
        self.url = check_http_url(url, "a SPARQL endpoint, e.g. sparql:http://127.0.0.1:7878/query")
        self.timeout = endpoint_timeout() if timeout is None else timeout
        self._graphs: set[str] | None = None
        #: SPARQL Protocol parameters (default-graph-uri, named-graph-uri) that leave out an
        #: engine's own graphs
        self._dataset: list[tuple[str, str]] | None = None
        self._virtuoso = False

    def _send(self, query: str, bindings: Mapping[str, Term], accept: str) -> Response:
        if self._dataset is None:
            self.graph_names()
        text = _PROLOGUE + bind_values(query, {name: str(term) for name, term in bindings.items()})
        answer = http_request(
            "POST",
            self.url,
            data=urllib.parse.urlencode([("query", text), *(self._dataset or [])]).encode("utf-8"),
            headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": accept},
            timeout=self.timeout,
            repeatable=True,
        )
        if answer.status == 200:
            if answer.body.rstrip().endswith(CANCELLED):
                raise QueryError(error_message("error.endpoint_time_limit"))
            return answer
        if answer.status == 504:
            said = answer.text().removeprefix("Query stopped: ")
            raise QueryError(error_message("error.endpoint_stopped", reason=said))
        if answer.status == 400:
            if bindings:  # report the position in the text as written, without the bound values
                self._send(query, {}, accept)
                raise QueryError(error_message("error.bound_query_refused", reason=answer.text()))
            said = answer.body[:1000].decode("utf-8", "replace")
            if not said.startswith("SPARQL syntax error at line"):  # not sckg serve's own form
                said = answer.text(1000)
            raise syntax_error(query, said, line_offset=_PROLOGUE_LINES)
        if answer.status == 404:
            raise StoreError(error_message("error.not_endpoint", url=self.url))
        raise StoreError(
            error_message(
                "error.endpoint_failed", url=self.url, status=answer.status, reason=answer.text()
            )
        )

    def _results(self, query: str, bindings: Mapping[str, Term]) -> Table | bool:
        answer = self._send(query, bindings, _RESULTS_JSON)
        if answer.media_type not in (_RESULTS_JSON, "application/json"):
            raise StoreError(
                error_message(
                    "error.not_results",
                    url=self.url,
                    media=answer.media_type or error_message("error.no_media_type"),
                    text=answer.text(120),
                )
            )
        try:
            return _read_results(answer.body)
        except (
            SyntaxError,
            ValueError,
        ):  # Comunica adds a "metadata" member after "results", which Oxigraph refuses
            try:
                return _read_results(_standard_json(answer.body))
            except (SyntaxError, ValueError) as exc:
                raise StoreError(
                    error_message("error.bad_results", url=self.url, reason=exc)
                ) from None

    def select(self, query: str, bindings: Mapping[str, Term]) -> Table:
        result = self._results(query, bindings)
        if not isinstance(result, Table):
            raise QueryError(error_message("error.expected_form", form="SELECT"))
        if self._virtuoso and len(result.rows) == VIRTUOSO_MAX_ROWS:
            raise QueryError(error_message("error.virtuoso_cut", rows=f"{VIRTUOSO_MAX_ROWS:,}"))
        return result

    def construct(self, query: str, bindings: Mapping[str, Term]) -> list[ox.Triple]:
        answer = self._send(query, bindings, _RDF_ACCEPT)
        try:
            fmt = ox.RdfFormat.from_media_type(answer.media_type)
        except ValueError:
            fmt = None
        if fmt is None:
            raise QueryError(error_message("error.expected_graph", media=answer.media_type))
        try:
            triples = [quad.triple for quad in ox.parse(answer.body, format=fmt)]
            if _BOOLEAN.value.encode() in answer.body:
                triples = [ox.Triple(t.subject, t.predicate, _canonical(t.object)) for t in triples]  # type: ignore[arg-type]
            return triples
        except (SyntaxError, ValueError) as exc:
            raise StoreError(error_message("error.bad_rdf", url=self.url, reason=exc)) from None

    def ask(self, query: str, bindings: Mapping[str, Term]) -> bool:
        result = self._results(query, bindings)
        if not isinstance(result, bool):
            raise QueryError(error_message("error.expected_form", form="ASK"))
        return result

    def graph_names(self) -> set[str]:
        """The endpoint's graphs, without those an engine keeps for itself (Virtuoso's: then every
        query is sent with a dataset of the others, so that they are left out of the default graph
        and of ``GRAPH ?g`` too)."""
        if self._graphs is None:
            self._dataset = []
            # GRAPH ?g { } is cheap, but Virtuoso finds no graph with it: then ask for the graphs'
            # triples
            found = self._named("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }") or self._named(
                "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
            )
            self._virtuoso = VIRTUOSO_MARK in found
            own = {g for g in found if VIRTUOSO_OWN.fullmatch(g)} if self._virtuoso else set()
            self._graphs = found - own
            # an empty list would mean the endpoint's default dataset: name a graph that is not
            # there
            if own:
                kept = sorted(self._graphs) or ["urn:sckg:no-graph"]
                self._dataset = [("default-graph-uri", g) for g in kept] + [
                    ("named-graph-uri", g) for g in kept
                ]
        return self._graphs

    def _named(self, query: str) -> set[str]:
        return {
            row[0].value for row in self.select(query, {}).rows if isinstance(row[0], ox.NamedNode)
        }

    def load_file(self, path: Path, graph: str) -> None:
        raise StoreError(error_message("error.endpoint_read_only", path=path))

    def drop_graph(self, graph: str) -> None:
        raise StoreError(error_message("error.endpoint_unchanged", graph=graph))

    def close(self) -> None:
        """Nothing to release: the kept-alive connections are shared by every endpoint."""
