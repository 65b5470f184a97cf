"""Linked Data on ``sckg serve`` (issue 25): entity IRIs dereferenceable at their own paths with
content negotiation, the site of ``sckg site`` served safely, a VoID/DCAT description of each
dataset; the server's protections hold for the new routes."""

from __future__ import annotations

import http.client
import json
import shutil
import subprocess
import urllib.parse
from collections.abc import Callable, Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, RDFS
from servers import serving, sparql_server_fixture  # noqa: F401  (pytest fixtures)
from test_serve_hardening import Counting

from sckg import resources
from sckg.cli import app
from sckg.linked_data import (
    HTML,
    IN_LIMIT,
    JSONLD,
    NTRIPLES,
    TURTLE,
    content_type,
    iri_of,
    language,
    local_path,
    negotiate,
    site_file,
    split_suffix,
)
from sckg.namespaces import turtle_prefixes
from sckg.serve import SparqlServer
from sckg.stores import load_store

PLATFORM = "https://w3id.org/sckg/id/musterstadt/project/urbane-datenplattform"
PLATFORM_PATH = "/id/musterstadt/project/urbane-datenplattform"
VARY = "Accept, Accept-Language"
#: What Chromium and Firefox send when the address bar opens a page.
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
#: What rdflib sends for ``Graph().parse(url)`` without a format: every type it parses, all at q=1.
RDFLIB = (
    "application/rdf+xml, text/n3, text/turtle, application/n-triples, application/ld+json, "
    "application/n-quads, application/trix, application/trig"
)


def get(
    server: SparqlServer, path: str, method: str = "GET", **headers: str
) -> tuple[int, dict[str, str], bytes]:
    """(status, headers, body) of one raw request (the path sent as it is)."""
    connection = http.client.HTTPConnection(server.host, server.port, timeout=60)
    try:
        sent = {name.replace("_", "-"): value for name, value in headers.items()}
        connection.request(method, path, headers=sent)
        answer = connection.getresponse()
        return answer.status, dict(answer.getheaders()), answer.read()
    finally:
        connection.close()


def file_triples(folder: Path) -> rdflib.Graph:
    """The triples of a bundled dataset's files, read by rdflib (the oracle)."""
    graph = rdflib.Graph()
    for path in sorted(folder.glob("*.ttl")):
        graph.parse(path)
    return graph


def own(graph: rdflib.Graph, iri: str) -> set[tuple[object, object]]:
    return set(graph.predicate_objects(rdflib.URIRef(iri)))


# --- pure functions -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (None, TURTLE),
        ("*/*", TURTLE),
        (BROWSER, HTML),
        (RDFLIB, TURTLE),
        ("application/ld+json", JSONLD),
        ("application/n-triples", NTRIPLES),
        ("text/turtle;q=0.5, application/ld+json;q=0.9", JSONLD),
        ("text/html;q=0, */*", TURTLE),
        ("text/*", TURTLE),
        ("text/html;q=0.2, text/*;q=0.1, application/n-triples;q=0.15", HTML),
        ("image/png", None),
        ("text/turtle;q=0", None),
    ],
)
def test_negotiate_honours_q_values_and_prefers_turtle_on_a_tie(
    accept: str | None, expected: object
) -> None:
    assert negotiate(accept) is expected


def test_an_unreadable_accept_header_is_named() -> None:
    with pytest.raises(ValueError, match=r"^The Accept header 'garbage' cannot be read\.$"):
        negotiate("garbage")


@pytest.mark.parametrize(
    ("header", "expected"),
    [(None, "de"), ("en-GB,en;q=0.9", "en"), ("de-DE,en;q=0.5", "de"), ("fr, en;q=0.3", "en")],
)
def test_language_prefers_german_unless_english_is_preferred(
    header: str | None, expected: str
) -> None:
    assert language(header) == expected


def test_paths_and_iris_map_through_the_base() -> None:
    base = "https://w3id.org/sckg/"
    assert iri_of(PLATFORM_PATH, base) == PLATFORM
    assert local_path(PLATFORM, base) == PLATFORM_PATH
    assert iri_of("/id/x/stra%C3%9Fe", base) == base + "id/x/straße"
    assert local_path(base + "id/x/straße", base) == "/id/x/stra%C3%9Fe"
    for bad in ("/id/../store", "/id//x", "/id/x%3E%20%7D", "/id/%FF", "/id/a%20b", "/", "/id/"):
        assert iri_of(bad, base) is None, bad
    assert local_path("https://example.org/x", base) is None
    assert local_path(base + "ontology#Project", base) is None
    assert split_suffix("/id/x.ttl") == ("/id/x", TURTLE, None)
    assert split_suffix("/id/x.en.html") == ("/id/x", HTML, "en")
    assert split_suffix("/id/x.html") == ("/id/x", HTML, "de")
    assert split_suffix("/id/x") == ("/id/x", None, None)


def test_the_site_is_read_only_inside_its_folder(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "id").mkdir(parents=True)
    (site / "index.html").write_text("home")
    (site / "id" / "x.html").write_text("x")
    (site / ".git").mkdir()
    (site / ".git" / "config").write_text("secret")
    (tmp_path / "outside.txt").write_text("outside")
    (site / "link.txt").symlink_to(tmp_path / "outside.txt")
    (site / "up").symlink_to(tmp_path)
    assert site_file(site, "/") == (site / "index.html").resolve()
    assert site_file(site, "/id/x.html") == (site / "id" / "x.html").resolve()
    assert site_file(site, "/id/%78.html") == (site / "id" / "x.html").resolve()
    for bad in (
        "/../outside.txt",
        "/%2e%2e/outside.txt",
        "/link.txt",
        "/up/outside.txt",
        "/.git/config",
        "/id/..%2f..%2foutside.txt",
        "/id/x.html%00",
        "/id/%FF",
    ):
        assert site_file(site, bad) is None, bad
    assert content_type(Path("a.html")) == "text/html; charset=utf-8"
    assert content_type(Path("a.css")) == "text/css; charset=utf-8"
    assert content_type(Path("a.js")) == "text/javascript; charset=utf-8"
    assert content_type(Path("a.ttl")) == "text/turtle; charset=utf-8"
    assert content_type(Path("a.jsonld")) == "application/ld+json"
    assert content_type(Path("a.png")) == "image/png"
    assert content_type(Path("a.svg")) == "image/svg+xml; charset=utf-8"
    assert content_type(Path("a.unknown")) == "application/octet-stream"


# --- against a running server ---------------------------------------------------------------------


@pytest.fixture(scope="module", name="site")
def site_fixture(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small site folder written by hand as ``sckg site`` writes one (docs/site.md)."""
    site = tmp_path_factory.mktemp("site")
    pages = site / "id" / "musterstadt" / "project"
    pages.mkdir(parents=True)
    (site / "assets").mkdir()
    (site / "index.html").write_text("<!DOCTYPE html><title>Start</title>", encoding="utf-8")
    (site / "index.en.html").write_text("<!DOCTYPE html><title>Home</title>", encoding="utf-8")
    (pages / "urbane-datenplattform.html").write_text("<p>Seite</p>", encoding="utf-8")
    (pages / "urbane-datenplattform.en.html").write_text("<p>Page</p>", encoding="utf-8")
    (pages / "urbane-datenplattform.ttl").write_text("# from the site\n", encoding="utf-8")
    (site / "assets" / "site.css").write_text("body { color: #111 }", encoding="utf-8")
    (site / ".git").mkdir()
    (site / ".git" / "config").write_text("secret", encoding="utf-8")
    (site.parent / "secret.txt").write_text("outside", encoding="utf-8")
    (site / "escape.txt").symlink_to(site.parent / "secret.txt")
    return site


@pytest.mark.server
@pytest.mark.parametrize(
    ("accept", "fmt", "rdflib_format"),
    [
        ("text/turtle", TURTLE, "turtle"),
        ("application/n-triples", NTRIPLES, "nt"),
        ("application/ld+json", JSONLD, "json-ld"),
    ],
)
def test_an_entity_iri_answers_its_description_as_asked(
    sparql_server: Callable, musterstadt_path: Path, accept: str, fmt: object, rdflib_format: str
) -> None:
    server = sparql_server("musterstadt")
    status, headers, body = get(server, PLATFORM_PATH, Accept=accept)
    assert status == 200
    assert headers["Content-Type"] == fmt.content_type  # type: ignore[attr-defined]
    assert headers["Vary"] == VARY
    assert headers["Content-Location"] == "urbane-datenplattform" + fmt.suffix  # type: ignore[attr-defined]
    graph = rdflib.Graph().parse(data=body, format=rdflib_format)
    files = file_triples(musterstadt_path)
    assert own(graph, PLATFORM) == own(files, PLATFORM)  # every triple of its own, no other
    # the links to it and the labels of what it links to
    assert set(graph.subject_predicates(rdflib.URIRef(PLATFORM))) == set(
        files.subject_predicates(rdflib.URIRef(PLATFORM))
    )
    lorawan = rdflib.URIRef("https://w3id.org/sckg/id/musterstadt/project/lorawan-netz")
    assert set(graph.objects(lorawan, RDFS.label)) == set(files.objects(lorawan, RDFS.label))
    assert (lorawan, DCTERMS.description, None) not in graph  # its labels, not its description


@pytest.mark.server
def test_rdflib_reads_an_entity_iri_from_the_running_server(
    sparql_server: Callable, musterstadt_path: Path
) -> None:
    server = sparql_server("musterstadt")
    graph = rdflib.Graph().parse(server.url + PLATFORM_PATH)
    assert own(graph, PLATFORM) == own(file_triples(musterstadt_path), PLATFORM)
    title = rdflib.Literal("Urbane Datenplattform Musterstadt", lang="de")
    assert (rdflib.URIRef(PLATFORM), DCTERMS.title, title) in graph
    as_jsonld = rdflib.Graph().parse(server.url + PLATFORM_PATH, format="json-ld")
    assert isomorphic(graph, as_jsonld)


@pytest.mark.server
@pytest.mark.skipif(shutil.which("curl") is None, reason="curl is not installed")
def test_curl_gets_turtle_and_what_it_asks_for(
    sparql_server: Callable, musterstadt_path: Path
) -> None:
    server = sparql_server("musterstadt")
    url = server.url + PLATFORM_PATH
    plain = subprocess.run(["curl", "-s", "-i", url], capture_output=True, check=True).stdout
    head, _, body = plain.partition(b"\r\n\r\n")
    assert b"\r\nContent-Type: text/turtle; charset=utf-8\r\n" in head
    graph = rdflib.Graph().parse(data=body, format="turtle")
    assert own(graph, PLATFORM) == own(file_triples(musterstadt_path), PLATFORM)
    command = ["curl", "-s", "-H", "Accept: application/ld+json", url]
    jsonld = subprocess.run(command, capture_output=True, check=True).stdout
    assert isomorphic(rdflib.Graph().parse(data=jsonld, format="json-ld"), graph)


@pytest.mark.server
def test_the_suffix_urls_give_one_format_without_negotiation(sparql_server: Callable) -> None:
    server = sparql_server("musterstadt")
    status, headers, body = get(server, PLATFORM_PATH + ".nt", Accept="text/html")
    assert (status, headers["Content-Type"]) == (200, "application/n-triples")
    assert "Vary" not in headers and "Content-Location" not in headers
    assert body == get(server, PLATFORM_PATH, Accept="application/n-triples")[2]
    assert get(server, PLATFORM_PATH + ".en.html")[2].startswith(
        b'<!DOCTYPE html>\n<html lang="en">'
    )


@pytest.mark.server
def test_unknown_iris_and_unoffered_types_get_404_and_406(sparql_server: Callable) -> None:
    server = sparql_server("musterstadt")
    assert get(server, "/id/musterstadt/project/nope")[::2] == (
        404,
        b"Not found: /id/musterstadt/project/nope\n",
    )
    status, headers, body = get(server, PLATFORM_PATH, Accept="image/png")
    assert (status, headers["Vary"]) == (406, VARY)
    assert body == (
        b"Not acceptable: 'image/png'; this resource is offered as text/turtle, "
        b"application/n-triples, application/ld+json, text/html.\n"
    )
    assert get(server, PLATFORM_PATH, Accept="garbage")[::2] == (
        400,
        b"The Accept header 'garbage' cannot be read.\n",
    )


@pytest.mark.server
def test_a_browser_gets_a_page_listing_the_triples_that_links_to_the_turtle(
    sparql_server: Callable,
) -> None:
    server = sparql_server("musterstadt")
    status, headers, body = get(server, PLATFORM_PATH, Accept=BROWSER)
    page = body.decode()
    assert (status, headers["Content-Type"], headers["Vary"]) == (
        200,
        "text/html; charset=utf-8",
        VARY,
    )
    assert headers["Content-Location"] == "urbane-datenplattform.html"
    assert headers["Content-Security-Policy"] == "default-src 'none'; style-src 'unsafe-inline'"
    assert page.startswith('<!DOCTYPE html>\n<html lang="de">')
    assert "<h1>Urbane Datenplattform Musterstadt</h1>" in page
    assert '<a href="urbane-datenplattform.ttl" type="text/turtle">Turtle</a>' in page
    assert (
        '<td><a href="https://w3id.org/sckg/ontology#dependsOn">hängt ab von</a> '
        '<span class="note">(sckg:dependsOn)</span></td>'
        '<td><a href="/id/musterstadt/project/lorawan-netz">'
        "LoRaWAN-Funknetz Musterstadt</a>" in page
    )
    assert "<caption>Verweise hierher</caption>" in page
    english = get(server, PLATFORM_PATH, Accept=BROWSER, Accept_Language="en")[2].decode()
    assert "<h1>Musterstadt urban data platform</h1>" in english


@pytest.mark.server
def test_head_answers_the_headers_alone_and_other_methods_get_405(sparql_server: Callable) -> None:
    server = sparql_server("musterstadt")
    status, headers, body = get(server, PLATFORM_PATH, "HEAD", Accept="text/turtle")
    full = get(server, PLATFORM_PATH, Accept="text/turtle")
    assert (status, body, headers["Content-Length"]) == (200, b"", str(len(full[2])))
    for method in ("POST", "PUT", "DELETE"):
        status, headers, body = get(server, PLATFORM_PATH, method)
        assert (status, headers["Allow"]) == (405, "GET, HEAD"), method
        assert body == f"{PLATFORM_PATH} answers GET and HEAD only.\n".encode()


@pytest.mark.server
def test_the_protections_hold_for_the_linked_data_routes(
    sparql_server: Callable, other_server: str
) -> None:
    server = sparql_server("musterstadt")
    injected = f"/id/x%3E%20?p%20?o%20%7D%20SERVICE%20%3C{other_server}%3E%20%7B%20?s%20?p%20?o"
    assert get(server, injected)[0] == 404
    assert get(server, "/id/musterstadt/../../store")[0] == 404
    assert Counting.hits == []
    status, _, body = get(server, PLATFORM_PATH, Host="evil.example.com")
    assert status == 403 and body.startswith(
        b"Refused: the request names the host 'evil.example.com'"
    )
    status, _, body = get(server, PLATFORM_PATH, Origin="https://evil.example.com")
    assert status == 403 and body.startswith(b"Refused: a web page of https://evil.example.com")
    # a query in the URL of an entity is no query: nothing runs it
    service = urllib.parse.urlencode(
        {"query": f"SELECT * {{ SERVICE <{other_server}> {{ ?s ?p ?o }} }}"}
    )
    status, headers, _ = get(server, f"{PLATFORM_PATH}?{service}", Accept="text/turtle")
    assert (status, headers["Content-Type"]) == (200, "text/turtle; charset=utf-8")
    assert Counting.hits == []


@pytest.fixture(name="other_server")
def other_server_fixture() -> Iterator[str]:
    Counting.hits = []
    with serving(Counting) as url:
        yield url + "/sparql"


@pytest.mark.server
def test_the_site_answers_browsers_and_is_served_safely(
    sparql_server: Callable, site: Path
) -> None:
    server = sparql_server("musterstadt", site=str(site))
    status, headers, body = get(server, PLATFORM_PATH, Accept=BROWSER)
    assert (status, headers["Content-Type"], body) == (
        200,
        "text/html; charset=utf-8",
        b"<p>Seite</p>",
    )
    assert (headers["Vary"], headers["Content-Location"]) == (VARY, "urbane-datenplattform.html")
    english = get(server, PLATFORM_PATH, Accept=BROWSER, Accept_Language="en")
    assert english[2] == b"<p>Page</p>"
    assert english[1]["Content-Location"] == "urbane-datenplattform.en.html"
    # machines still get the store's description; the site's own data file at its own path
    assert get(server, PLATFORM_PATH, Accept="text/turtle")[2].startswith(b"@prefix")
    assert get(server, PLATFORM_PATH + ".ttl")[2] == b"# from the site\n"
    assert get(server, "/", Accept=BROWSER)[2] == b"<!DOCTYPE html><title>Start</title>"
    assert get(server, "/", Accept_Language="en")[2] == b"<!DOCTYPE html><title>Home</title>"
    status, headers, body = get(server, "/assets/site.css")
    assert (status, headers["Content-Type"], body) == (
        200,
        "text/css; charset=utf-8",
        b"body { color: #111 }",
    )
    assert headers["X-Content-Type-Options"] == "nosniff"
    # a project without a page of the site gets the page listing its triples
    lorawan = get(server, "/id/musterstadt/project/lorawan-netz", Accept=BROWSER)[2]
    assert b"<h1>LoRaWAN-Funknetz Musterstadt</h1>" in lorawan
    for path in (
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/escape.txt",
        "/.git/config",
        "/assets/..%2f..%2fsecret.txt",
    ):
        assert get(server, path)[::2] == (404, f"Not found: {path}\n".encode()), path


@pytest.mark.server
def test_the_site_sckg_site_writes_answers_every_entity_iri_of_musterstadt(
    sparql_server: Callable, tmp_path: Path
) -> None:
    """The contract of docs/site.md, kept by both sides: ``sckg site``'s own pages (not a folder
    written by hand) answer a browser at the entity IRI's path, in German and English."""
    from sckg import resources
    from sckg.kg import KnowledgeGraph
    from sckg.site import build_site

    build_site(KnowledgeGraph.open([resources.dataset("musterstadt")]), tmp_path / "site")
    page = tmp_path / "site" / "id" / "musterstadt" / "project" / "urbane-datenplattform.html"
    server = sparql_server("musterstadt", site=str(tmp_path / "site"))
    status, headers, body = get(server, PLATFORM_PATH, Accept=BROWSER)
    assert (status, headers["Content-Type"], body) == (
        200,
        "text/html; charset=utf-8",
        page.read_bytes(),
    )
    english = get(server, PLATFORM_PATH, Accept=BROWSER, Accept_Language="en")
    assert english[2] == page.with_name("urbane-datenplattform.en.html").read_bytes()
    assert get(server, PLATFORM_PATH, Accept="text/turtle")[2].startswith(b"@prefix")


@pytest.mark.server
def test_the_void_description_counts_each_dataset_and_names_its_licence(
    sparql_server: Callable,
) -> None:
    server = sparql_server("musterstadt", "ulm")
    status, headers, body = get(server, "/.well-known/void", Accept="application/n-triples")
    assert (status, headers["Content-Type"], headers["Vary"]) == (
        200,
        "application/n-triples",
        "Accept",
    )
    assert get(server, "/dataset", Accept="application/n-triples")[2] == body
    graph = rdflib.Graph().parse(data=body, format="nt")
    void = rdflib.Namespace("http://rdfs.org/ns/void#")
    dcat = rdflib.Namespace("http://www.w3.org/ns/dcat#")
    whole = rdflib.URIRef(server.url + "/dataset")
    for name in ("musterstadt", "ulm"):
        files = sorted(resources.dataset(name).glob("*.ttl"))
        triples = sum(len(set(ox.parse(path=str(path)))) for path in files)  # a graph per file
        dataset = rdflib.URIRef(f"https://w3id.org/sckg/id/{name}/dataset")
        assert (whole, void.subset, dataset) in graph
        assert (dataset, rdflib.RDF.type, dcat.Dataset) in graph
        assert graph.value(dataset, void.triples).toPython() == triples, name
        assert graph.value(dataset, void.sparqlEndpoint) == rdflib.URIRef(server.query_url)
    ulm = rdflib.URIRef("https://w3id.org/sckg/id/ulm/dataset")
    muster = rdflib.URIRef("https://w3id.org/sckg/id/musterstadt/dataset")
    assert graph.value(ulm, DCTERMS.license) == rdflib.URIRef(
        "https://creativecommons.org/licenses/by-sa/4.0/"
    )
    assert graph.value(muster, DCTERMS.license) is None
    total = get(
        server,
        "/query?query=SELECT%20(COUNT(*)%20AS%20?n)%20%7BGRAPH%20?g%7B?s%20?p%20?o%7D%7D",
        Accept="application/sparql-results+json",
    )[2]
    n = int(json.loads(total)["results"]["bindings"][0]["n"]["value"])
    assert graph.value(whole, void.triples).toPython() == n
    page = get(server, "/.well-known/void", Accept=BROWSER)[2].decode()
    assert "<title>sckg serve</title>" in page and "Smart City Strategie der Stadt Ulm" in page


@pytest.mark.server
def test_base_maps_another_namespace_to_the_root(tmp_path: Path) -> None:
    data = tmp_path / "city" / "graph.ttl"
    data.parent.mkdir()
    data.write_text(
        turtle_prefixes(ex="https://example.org/kg/")
        + 'ex:p a sckg:Project ; rdfs:label "<script>alert(1)</script>"@de ; '
        "rdfs:seeAlso <javascript:alert(1)> , ex:q .\n"
        'ex:q rdfs:label "Q & A"@de .\n',
        encoding="utf-8",
    )
    store = tmp_path / "store"
    load_store(f"oxigraph:{store}", [data.parent])
    with SparqlServer(store, port=0, workers=1, base="https://example.org/kg/") as server:
        status, _, body = get(server, "/p", Accept="application/n-triples")
        assert status == 200
        assert b"<https://example.org/kg/p> <http://www.w3.org/2000/01/rdf-schema#label>" in body
        page = get(server, "/p", Accept=BROWSER)[2].decode()
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>" not in page
        assert "javascript:" in page and 'href="javascript:' not in page
        assert '<a href="/q">Q &amp; A</a>' in page
        assert get(server, "/id/musterstadt/project/x")[0] == 404


def test_serve_says_what_a_bad_site_or_base_is(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    runner = CliRunner()
    result = runner.invoke(app, ["serve", "--site", str(tmp_path), "--port", "0"])
    assert (result.exit_code, result.output) == (
        2,
        f"Error: --site must be a folder written by 'sckg site' (with an index.html): {tmp_path}\n",
    )
    result = runner.invoke(app, ["serve", "--base", "urn:x:", "--port", "0"])
    assert (result.exit_code, result.output) == (
        2,
        "Error: --base must be an http(s) IRI ending in '/', such as https://w3id.org/sckg/, "
        "not 'urn:x:'.\n",
    )


def test_the_command_has_the_library_default_base() -> None:
    import inspect

    from sckg import cli_stores

    options = inspect.signature(cli_stores.serve).parameters
    assert options["base"].default == inspect.signature(SparqlServer).parameters["base"].default


@pytest.mark.server
def test_a_description_is_bounded_and_the_page_says_so(tmp_path: Path) -> None:
    links = IN_LIMIT + 5
    data = tmp_path / "city" / "graph.ttl"
    data.parent.mkdir()
    data.write_text(
        turtle_prefixes(ex="https://w3id.org/sckg/id/x/")
        + 'ex:amt a org:OrganizationalUnit ; rdfs:label "Amt"@de .\n'
        + "".join(f"ex:p{i} a sckg:Project ; sckg:managedBy ex:amt .\n" for i in range(links)),
        encoding="utf-8",
    )
    store = tmp_path / "store"
    load_store(f"oxigraph:{store}", [data.parent])
    with SparqlServer(store, port=0, workers=1) as server:
        body = get(server, "/id/x/amt", Accept="application/n-triples")[2].decode()
        managed = [line for line in body.splitlines() if "#managedBy>" in line]
        assert len(managed) == IN_LIMIT
        page = get(server, "/id/x/amt", Accept=BROWSER)[2].decode()
        assert page.count('<tr><td><a href="/id/x/p') == IN_LIMIT
        assert (
            "<p>Gezeigt sind die ersten 1.000 Verweise; alle liefert der SPARQL-Endpunkt.</p>"
            in page
        )
        one = get(server, "/id/x/p7", Accept=BROWSER)[2].decode()
        assert "Gezeigt sind" not in one
