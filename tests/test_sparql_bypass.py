"""Issue 27, items 1-2: SERVICE and LOAD are found in the parsed query, never in its text.

Every text of ``LIVE`` makes the engine send a request to a canary HTTP server on 127.0.0.1 when
remote access is allowed (the first test proves it); with the default, no store and no endpoint may
send it one. The old check scanned the text: an escape in a prefixed name (``ex:a\\#b``,
``ex:a\\'``) made it read the rest of the line as a comment or a string, and so did a carriage
return, an escaped quote in a long string or a keyword glued to a prefixed name. Legitimate queries
that name "service" in strings, IRIs, names and comments still run.
"""

from __future__ import annotations

import contextlib
import csv
import http.client
import io
import time
import urllib.parse
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler
from typing import ClassVar

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from servers import (  # noqa: F401  (pytest fixtures)
    oxigraph_store_fixture,
    serving,
    sparql_server_fixture,
)
from typer.testing import CliRunner

from sckg import sparql
from sckg.cli import app
from sckg.errors import QueryError
from sckg.kg import KnowledgeGraph
from sckg.queries import parse_query_text, run_any
from sckg.serve import SparqlServer
from sckg.sparql import PARSED_CHARACTERS, RemoteAccess, check_remote, remote_access

EX = "PREFIX ex: <http://example.org/> "
#: ``@S`` is a SERVICE call to the canary, ``@C`` the canary's URL, ``@E`` the same with its first
#: colon escaped, ``@B`` an escaped name that the old scan read as the start of a comment.
SERVICE = "SERVICE <@C> { ?s ?p ?o }"
BIND = "BIND(ex:a\\#b AS ?x)"

#: Texts that reach the canary when remote access is allowed (on the Braunschweig data).
LIVE = {
    "plain": "SELECT * WHERE { @S }",
    "lower case": "select * where { service <@C> { ?s ?p ?o } }",
    "mixed case": "SELECT * WHERE { SeRvIcE <@C> { ?s ?p ?o } }",
    "silent": "SELECT * WHERE { SERVICE SILENT <@C> { ?s ?p ?o } }",
    "no spaces": "SELECT * WHERE{SERVICE<@C>{?s ?p ?o}}",
    "comment between": "SELECT * WHERE { SERVICE # the canary\n <@C> { ?s ?p ?o } }",
    "escaped # in a name": EX + "SELECT * WHERE { @B @S }",
    "escaped ' in a name": EX + "SELECT * WHERE { BIND(ex:a\\' AS ?x) @S BIND('x' AS ?y) }",
    "escape in a subquery": EX + "SELECT * WHERE { { SELECT * WHERE { @B @S } } }",
    "escape in EXISTS": EX + "SELECT * WHERE { ?s ?p ?o FILTER EXISTS { @B @S } }",
    "escape in NOT EXISTS": EX + "SELECT * WHERE { ?s ?p ?o FILTER NOT EXISTS { @B @S } }",
    "escape in MINUS": EX + "SELECT * WHERE { ?s ?p ?o MINUS { @B @S } }",
    "escape in GRAPH": EX + "SELECT * WHERE { GRAPH ?g { @B @S } }",
    "escape in OPTIONAL": EX + "SELECT * WHERE { ?s ?p ?o OPTIONAL { @B @S } }",
    "escape in UNION": EX + "SELECT * WHERE { { BIND(1 AS ?n) } UNION { @B @S } }",
    "escape in VALUES": EX + "SELECT * WHERE { VALUES ?x { ex:a\\#b } @S }",
    "escape in a projection": EX + "SELECT (EXISTS { @B @S } AS ?e) WHERE {}",
    "escape in ASK": EX + "ASK { @B @S }",
    "escape in CONSTRUCT": EX + "CONSTRUCT { ?s ?p ?o } WHERE { @B @S }",
    "escape in DESCRIBE": EX + "DESCRIBE ?s WHERE { @B @S }",
    "keyword glued to a name": "PREFIX dead: <@C#> SELECT * WHERE { SERVICEdead:x { ?s ?p ?o } }",
    "comment ended by CR": "SELECT * WHERE { # a comment\r@S\n }",
    'escaped " in a long string': 'SELECT * WHERE { BIND("""a\\"""" AS ?x) @S BIND("" AS ?y) }',
    "escaped ' in a long string": "SELECT * WHERE { BIND('''a\\'''' AS ?x) @S BIND('' AS ?y) }",
    "\\u0022 in a string": 'SELECT * WHERE { BIND("a\\u0022 AS ?x) BIND(" AS ?y) @S # "AS ?w)\n }',
    "\\u escape in the IRI": "SELECT * WHERE { SERVICE <@E> { ?s ?p ?o } }",
}
#: Texts the engine does not send anywhere (a syntax error for it, or a SERVICE ?var it leaves
#: unbound); the check refuses them all the same.
DEAD = {
    "service ?var": "SELECT * WHERE { BIND(<@C> AS ?x) SERVICE ?x { ?s ?p ?o } }",
    "service ?var from VALUES": "SELECT * WHERE { SERVICE ?x { ?s ?p ?o } VALUES ?x { <@C> } }",
    "\\u0053ERVICE": "SELECT * WHERE { \\u0053ERVICE <@C> { ?s ?p ?o } }",
    "empty local name then .SERVICE": EX + "SELECT * WHERE { ?s ?p ex:.SERVICE <@C> { ?a ?b ?c } }",
}
#: Updates that reach the canary on a server started with --write --allow-remote.
LOADS = {
    "load": "LOAD <@C>",
    "lower case": "load silent <@C> into graph <http://example.org/g>",
    "escape before": EX + "DROP SILENT GRAPH ex:a\\#b ; LOAD <@C>",
    "comment ended by CR": "# a comment\rLOAD <@C>\n",
    "service in an update": EX + "INSERT { ?s ?p ?o } WHERE { @B @S }",
}
#: Legitimate queries that name "service" (and "from", "load") elsewhere: (text, column, value of
#: the one row).
LEGIT = [
    (
        'SELECT ?service WHERE { BIND("SERVICE <http://x/> { ?s ?p ?o }" AS ?service) }',
        "service",
        "SERVICE <http://x/> { ?s ?p ?o }",
    ),
    (
        "# SERVICE <http://x/> { }\n"
        "SELECT ?x WHERE { BIND(<http://example.org/service/SERVICE> AS ?x) }",
        "x",
        "http://example.org/service/SERVICE",
    ),
    (
        "PREFIX service: <http://example.org/service/> "
        "SELECT ?x WHERE { BIND(service:SERVICE AS ?x) }",
        "x",
        "http://example.org/service/SERVICE",
    ),
    (
        "SELECT ?x WHERE { BIND('''a SERVICE\n<http://x/> { }''' AS ?x) }",
        "x",
        "a SERVICE\n<http://x/> { }",
    ),
    ('SELECT ?x WHERE { BIND("\\u0022SERVICE\\u0022" AS ?x) }', "x", '"SERVICE"'),
    (
        "SELECT ?x WHERE { BIND(<http://example.org/\\u0053ERVICE> AS ?x) }",
        "x",
        "http://example.org/SERVICE",
    ),
    (
        'SELECT ?loaded WHERE { BIND("loaded FROM a service" AS ?loaded) }',
        "loaded",
        "loaded FROM a service",
    ),
    (
        "SELECT (COUNT(*) AS ?n) WHERE { ?x ?p ?l "
        'FILTER(isLiteral(?l) && CONTAINS(LCASE(STR(?l)), "service")) }',
        "n",
        "17",  # labels and definitions in the vocabularies
    ),
]
USES_SERVICE = (
    "The query uses SERVICE, which would send a request to another host. Refused by default; pass "
    "allow_remote to permit it."
)


def unchecked(word: str, reason: str, flag: str = "allow_remote") -> str:
    """The refusal of a text that mentions ``word`` but cannot be parsed."""
    return (
        f"The query mentions {word}, and sckg cannot tell whether it would send a request to "
        f"another host: {reason}. Refused by default; pass {flag} to permit it."
    )


def text(template: str, canary: str) -> str:
    escaped = canary.replace(":", "\\u003A", 1)
    return (
        template.replace("@S", SERVICE)
        .replace("@B", BIND)
        .replace("@C", canary)
        .replace("@E", escaped)
    )


class Canary(BaseHTTPRequestHandler):
    """A server on 127.0.0.1 that records every request it gets: only the liveness tests may."""

    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        Canary.hits.append(f"{self.command} {self.path}")
        self.send_response(500)
        self.end_headers()

    do_POST = do_PUT = do_DELETE = do_HEAD = do_GET

    def log_message(self, *args: object) -> None:
        """Quiet."""


@pytest.fixture(name="canary")
def canary_fixture() -> Iterator[str]:
    Canary.hits = []
    with serving(Canary) as url:
        yield url + "/sparql"


def run(kg: KnowledgeGraph, query: str) -> object:
    return run_any(kg, parse_query_text("inline", query), {})


def refused_in_process(message: str) -> bool:
    """Whether ``message`` is one of the two refusals of an in-process store."""
    start, end = unchecked("SERVICE", "|").split("|")
    return message == USES_SERVICE or (message.startswith(start) and message.endswith(end))


@pytest.mark.slow
def test_the_corpus_reaches_the_canary_when_remote_access_is_allowed(canary: str) -> None:
    kg = KnowledgeGraph.open(None, allow_remote=True)
    missed = []
    for name, template in LIVE.items():
        before = len(Canary.hits)
        with contextlib.suppress(QueryError):  # the canary answers 500
            run(kg, text(template, canary))
        if len(Canary.hits) == before:
            missed.append(name)
    assert missed == []


@pytest.mark.parametrize("store", ["memory", "oxigraph"])
def test_no_text_of_the_corpus_reaches_the_canary_from_a_store(
    store: str,
    canary: str,
    braunschweig: KnowledgeGraph,
    oxigraph_store: Callable[..., KnowledgeGraph],
) -> None:
    kg = braunschweig if store == "memory" else oxigraph_store("braunschweig")
    answers = {}
    for name, template in {**LIVE, **DEAD}.items():
        try:
            answers[name] = f"ran: {run(kg, text(template, canary))!r}"
        except QueryError as exc:
            answers[name] = "refused" if refused_in_process(str(exc)) else str(exc)
    assert {name: answer for name, answer in answers.items() if answer != "refused"} == {}
    assert Canary.hits == []


def test_sckg_query_on_the_memory_store_refuses_an_escaped_service(canary: str) -> None:
    """The issue's reproduction: ``sckg query`` ran it, hit the canary and exited with 0."""
    result = CliRunner().invoke(app, ["query", text(LIVE["escaped # in a name"], canary)])
    assert (result.exit_code, result.output) == (
        1,
        "Error: "
        + unchecked(
            "SERVICE", "its SPARQL parser (rdflib) stops at line 1, column 71", "--allow-remote"
        )
        + "\n",
    )
    assert Canary.hits == []


def request(
    server: SparqlServer, method: str, target: str, body: str | None, **headers: str
) -> tuple[int, str]:
    connection = http.client.HTTPConnection(server.host, server.port, timeout=60)
    try:
        connection.request(method, target, body.encode() if body is not None else None, headers)
        answer = connection.getresponse()
        return answer.status, answer.read().decode()
    finally:
        connection.close()


FORM = "application/x-www-form-urlencoded"


def sent_every_way(server: SparqlServer, query: str, field: str = "query") -> list[tuple[int, str]]:
    """The answers to ``query`` sent in a form, url-encoded as %53ERVICE in a form, as the body and
    in the URL."""
    path = "/update" if field == "update" else "/query"
    body_type = "application/sparql-update" if field == "update" else "application/sparql-query"
    form = urllib.parse.urlencode({field: query})
    percent = form.replace("SERVICE", "%53ERVICE").replace("LOAD", "%4COAD")
    answers = [
        request(server, "POST", path, form, **{"Content-Type": FORM}),
        request(server, "POST", path, percent, **{"Content-Type": FORM}),
        request(server, "POST", path, query, **{"Content-Type": body_type}),
    ]
    if field == "query":
        answers.append(request(server, "GET", f"{path}?{form}", None))
    return answers


def refused_by_serve(answer: tuple[int, str], kind: str, word: str) -> bool:
    status, message = answer
    uses = (
        f"Refused: the {kind} uses {word}, which would make this server send a request to "
        "another server. Start it with --allow-remote to permit that.\n"
    )
    unchecked = message.startswith(
        f"Refused: the {kind} mentions {word}, and this server "
        "cannot tell whether it would make it send a request to "
        "another server: "
    )
    return status == 403 and (
        message == uses
        or (unchecked and message.endswith(". Start it with --allow-remote to permit that.\n"))
    )


def test_no_text_of_the_corpus_reaches_the_canary_through_serve(
    sparql_server: Callable, canary: str
) -> None:
    server = sparql_server("braunschweig")
    let_through = {}
    for name, template in {**LIVE, **DEAD}.items():
        answers = sent_every_way(server, text(template, canary))
        if not all(refused_by_serve(answer, "query", "SERVICE") for answer in answers):
            let_through[name] = answers
    assert let_through == {}
    assert Canary.hits == []


def test_no_load_reaches_the_canary_through_serve(sparql_server: Callable, canary: str) -> None:
    live = sparql_server("braunschweig", write=True, allow_remote=True)
    for name, template in LOADS.items():
        before = len(Canary.hits)
        request(
            live,
            "POST",
            "/update",
            text(template, canary),
            **{"Content-Type": "application/sparql-update"},
        )
        assert len(Canary.hits) > before, f"not live: {name}"
    Canary.hits.clear()
    let_through = {}
    for server in (sparql_server("braunschweig", write=True), sparql_server("braunschweig")):
        for name, template in LOADS.items():
            word = "SERVICE" if "@S" in template else "LOAD"
            answers = sent_every_way(server, text(template, canary), "update")
            if not all(refused_by_serve(answer, "update", word) for answer in answers):
                let_through[name] = answers
    assert let_through == {}
    assert Canary.hits == []


def expected_csv(column: str, value: str) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows([[column], [value]])
    return out.getvalue()


@pytest.mark.parametrize(("query", "column", "value"), LEGIT)
def test_queries_that_name_service_elsewhere_still_run(
    query: str,
    column: str,
    value: str,
    braunschweig: KnowledgeGraph,
    oxigraph_store: Callable[..., KnowledgeGraph],
    sparql_server: Callable,
) -> None:
    for kg in (braunschweig, oxigraph_store("braunschweig")):
        records = kg.select(query).records()
        assert [{k: str(v) for k, v in row.items()} for row in records] == [{column: value}]
    server = sparql_server("braunschweig")
    form = urllib.parse.urlencode({"query": query})
    headers = {"Content-Type": FORM, "Accept": "text/csv"}
    assert request(server, "POST", "/query", form, **headers) == (200, expected_csv(column, value))


def test_a_text_the_parser_cannot_read_is_refused_with_the_reason(
    braunschweig: KnowledgeGraph,
) -> None:
    with pytest.raises(QueryError) as err:
        braunschweig.select("SELECT * WHERE {\n  SERVICE <http://example.org/> { ?s ?p }\n}")
    assert str(err.value) == unchecked(
        "SERVICE", "its SPARQL parser (rdflib) stops at line 2, column 3"
    )


def test_a_text_nested_deeper_than_the_parser_reads_is_refused(
    braunschweig: KnowledgeGraph,
) -> None:
    deep = "{ " * 300 + "SERVICE <http://example.org/> { ?s ?p ?o }" + " }" * 300
    with pytest.raises(QueryError) as err:
        braunschweig.select(f"SELECT * WHERE {{ {deep} }}")
    assert str(err.value) == unchecked(
        "SERVICE", "it is nested too deeply for its SPARQL parser (rdflib)"
    )


def test_a_long_text_that_names_service_is_refused_unparsed_and_one_that_does_not_is_not_parsed(
    braunschweig: KnowledgeGraph,
) -> None:
    """20 MB of query text: the check must not take the time limit (the old scan took 30 s for
    four of them)."""
    values = " ".join(f'"v{i}"' for i in range(2_000_000))
    mentions = f'SELECT ?v WHERE {{ VALUES ?v {{ {values} "service" }} }} LIMIT 1'
    start = time.perf_counter()
    with pytest.raises(QueryError) as err:
        braunschweig.select(mentions)
    assert str(err.value) == unchecked(
        "SERVICE",
        (
            f"the text has {len(mentions):,} characters, more than the "
            f"{sparql.PARSED_CHARACTERS:,} its SPARQL parser (rdflib) reads"
        ),
    )
    without = sparql.remote_access(f"SELECT ?v WHERE {{ VALUES ?v {{ {values} }} }} LIMIT 1")
    assert without.uses == set()
    assert time.perf_counter() - start < 5


@pytest.mark.parametrize("name", ["ex:a\\#b", "ex:a\\'"])
def test_parameters_reach_the_sub_select_after_an_escaped_name(name: str) -> None:
    """Binding parameters still reads the text: it read ``ex:a\\#b`` as a name and a comment, and
    so bound no parameter in the sub-select."""
    query = f"SELECT ?x WHERE {{ BIND({name} AS ?y) {{ SELECT ?x WHERE {{ BIND(?p AS ?x) }} }} }}"
    block = " VALUES (?p) { (<http://example.org/p>) } "
    assert sparql.bind_values(query, {"p": "<http://example.org/p>"}) == (
        f"SELECT ?x WHERE {{{block} BIND({name} AS ?y) "
        f"{{ SELECT ?x WHERE {{{block} BIND(?p AS ?x) }} }} }}"
    )


#: Group patterns that change how a text scan reads the rest of a line (quotes, comments, escapes),
#: each valid SPARQL.
CONFUSERS = [
    'BIND("x\\"y" AS ?q1)',
    "BIND('x\\'y' AS ?q2)",
    'BIND("""a\\"""" AS ?q3)',
    "BIND('''a\\'''' AS ?q4)",
    "BIND(ex:a\\#b AS ?q5)",
    "BIND(ex:a\\' AS ?q6)",
    "BIND(ex:a%23 AS ?q7)",
    'BIND("\\u0022" AS ?q8)',
    "BIND('#' AS ?q9)",
    "BIND(<http://e/#'> AS ?q10)",
    "# a comment ' \" {\r",
    "# }\n",
    "\r",
    "FILTER(1 < 2)",
    'BIND("\\\\" AS ?q11)',
    "VALUES ?q12 { ex:a\\#b }",
    "{ BIND(ex:a\\' AS ?q13) }",
    "BIND(ex:a\\. AS ?q14)",
]


@pytest.fixture(name="one_triple", scope="module")
def one_triple_fixture() -> ox.Store:
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("http://e/s"), ox.NamedNode("http://e/p"), ox.Literal("o")))
    return store


def reaches_the_canary(store: ox.Store, query: str) -> bool:
    """Whether Oxigraph sends the canary a request when it runs ``query``."""
    before = len(Canary.hits)
    answer = None
    try:
        answer = store.query(query, prefixes={"ex": "http://example.org/"})
        if not isinstance(answer, ox.QueryBoolean):
            list(answer)
    except (SyntaxError, OSError, RuntimeError):
        pass
    finally:
        del answer  # the solutions must not be dropped with the exception, on another thread
    return len(Canary.hits) > before


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    template=st.sampled_from(sorted(LIVE)),
    data=st.data(),
    pieces=st.lists(st.sampled_from(CONFUSERS), unique=True, max_size=4),
)
def test_whatever_reaches_the_canary_the_check_refuses(
    template: str, pieces: list[str], data: st.DataObject, one_triple: ox.Store, canary: str
) -> None:
    """The corpus with confusing group patterns put between its tokens, run by the engine itself:
    any text that makes it send a request must be refused by the check."""
    query = text(LIVE[template], canary)
    for piece in pieces:
        at = data.draw(st.sampled_from([i for i, char in enumerate(query) if char == " "]))
        query = f"{query[:at]} {piece} {query[at:]}"
    if reaches_the_canary(one_triple, query):
        event("reached the canary")
        with contextlib.suppress(sparql.Unreadable):
            assert "SERVICE" in sparql.remote_access(query).uses, query


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * FROM ex:remote.ttl WHERE { ?s ?p ?o }",
        "SELECT (ex:a\\#b AS ?x) FROM <http://example.org/remote.ttl> WHERE { ?s ?p ?o }",
        "SELECT * FROM NAMED <remote.ttl> WHERE { GRAPH ?g { ?s ?p ?o } }",
    ],
)
def test_from_a_graph_the_store_does_not_hold_is_found_in_the_parse(
    query: str, braunschweig: KnowledgeGraph
) -> None:
    """A prefixed name, an escaped name before it and a relative IRI (with BASE) hid FROM from the
    text scan."""
    with pytest.raises(QueryError) as err:
        braunschweig.select(EX + "BASE <http://example.org/> " + query)
    assert str(err.value) == (
        "The query reads FROM <http://example.org/remote.ttl>, a graph this store does not hold, "
        "which would be fetched from the network. Refused by default; pass allow_remote to permit "
        "it."
    )


def test_from_and_from_named_of_a_graph_the_store_holds_run(braunschweig: KnowledgeGraph) -> None:
    own = braunschweig.data_graphs()[0]
    rows = braunschweig.select(
        f"SELECT (COUNT(*) AS ?n) FROM NAMED <{own}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"
    )
    assert (
        rows.records()
        == braunschweig.select(
            f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{own}> {{ ?s ?p ?o }} }}"
        ).records()
    )
    assert int(str(rows.rows[0][0].value)) > 0


def test_from_with_a_prefix_nobody_declared_is_a_one_line_error(
    braunschweig: KnowledgeGraph,
) -> None:
    """It was an ``Exception`` from rdflib's prefix resolution: "Internal error" on the command
    line."""
    with pytest.raises(QueryError) as err:
        braunschweig.select("SELECT * FROM nope:g WHERE { ?s ?p ?o }")
    assert str(err.value) == unchecked(
        "FROM", "its SPARQL parser (rdflib) fails: Unknown namespace prefix : nope"
    )


def test_a_long_query_naming_the_words_only_in_its_iris_is_not_refused() -> None:
    """sckg's own queries list IRIs in VALUES blocks (Ulm's report: 17,289 characters with
    ``<…/buergerservice>``): a word inside an IRI token is no keyword, and the text is not
    parsed."""
    iris = " ".join(f"<https://example.org/buergerservice/{i}>" for i in range(2000))
    query = f"SELECT ?x WHERE {{ VALUES ?x {{ {iris} }} }}"
    assert len(query) > 8 * PARSED_CHARACTERS
    assert remote_access(query) == RemoteAccess()


def test_a_long_query_naming_the_words_only_in_fragments_of_its_iris_is_not_refused() -> None:
    """``sckg diff`` lists the predicates it saw (``owl#differentFrom``, ``prov#wasDerivedFrom``):
    after a ``#`` an IRI-like span holds only IRI or comment, so a word there is no keyword."""
    iris = " ".join(
        f"<http://www.w3.org/2002/07/owl#differentFrom{i}> <http://www.w3.org/ns/prov#wasDerivedFrom>"
        for i in range(500)
    )
    query = f"SELECT ?x WHERE {{ VALUES ?x {{ {iris} }} }}"
    assert len(query) > 4 * PARSED_CHARACTERS
    assert remote_access(query) == RemoteAccess()


@pytest.mark.parametrize(
    "text",
    [
        "SELECT * { FILTER('<' = '<') '<'SERVICE#>\n<http://127.0.0.1:9/> { ?s ?p ?o } }",
        "SELECT * { ?s ?p ?o FILTER(?s<?o)SERVICE#>\n<http://127.0.0.1:9/> { ?a ?b ?c } }",
        "SELECT * { FILTER(1<2) SERVICE<http://127.0.0.1:9/s>{ ?s ?p ?o } FILTER(2>1) }",
        "SELECT * { ?s ?p ?o FILTER(?o<?s&&?s>?o) SERVICE ?s { ?a ?b ?c } }",
    ],
)
def test_a_keyword_between_lookalike_iri_brackets_is_still_parsed(text: str) -> None:
    with pytest.raises(QueryError):
        check_remote(text, set)
