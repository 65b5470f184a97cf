"""Outputs that open right in the tool that reads them (issue 14, items 13-16): Markdown rendered by
a CommonMark renderer, CSV read by Python's csv module, pandas and German Excel, the xlsx round
trip, GEXF and GraphML for Gephi, and the SPARQL store over redirects."""

from __future__ import annotations

import csv
import io
import urllib.parse
from collections.abc import Iterator
from decimal import Decimal
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import ClassVar

import pytest
from servers import oxigraph_store_fixture, serving  # noqa: F401  (pytest fixture)
from typer.testing import CliRunner

from sckg.cli import app
from sckg.output import render

HOSTILE = Path(__file__).parent / "assets" / "hostile"
runner = CliRunner()


# --- 14: CSV --------------------------------------------------------------------------------------


def test_csv_quotes_every_field_with_a_line_break() -> None:
    text = render(["label", "n"], [["\r=1+1", 1], ["a\nb", 2], ["plain", 3]], "csv")
    assert text == 'label,n\n"\'\r=1+1",1\n"a\nb",2\nplain,3\n'
    assert list(csv.reader(io.StringIO(text, newline=""))) == [
        ["label", "n"],
        ["'\r=1+1", "1"],
        ["a\nb", "2"],
        ["plain", "3"],
    ]


def test_query_csv_of_a_label_with_a_carriage_return(tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        [
            "query",
            "SELECT ?t WHERE { ?p a sckg:Project ; dcterms:title ?t }",
            "--data",
            str(HOSTILE / "cr-label.ttl"),
            "-f",
            "csv",
        ],
    )
    assert result.exit_code == 0, result.output
    assert list(csv.reader(io.StringIO(result.stdout, newline=""))) == [["t"], ["'\r=1+1"]]


def test_no_formula_guard_keeps_values_for_machines() -> None:
    rows = [["-5 % Energie", -5, Decimal("0.5")], ["=SUM(A1)", 3, 1.25]]
    assert render(["a", "b", "c"], rows, "csv") == "a,b,c\n'-5 % Energie,-5,0.5\n'=SUM(A1),3,1.25\n"
    assert (
        render(["a", "b", "c"], rows, "csv", formula_guard=False)
        == "a,b,c\n-5 % Energie,-5,0.5\n=SUM(A1),3,1.25\n"
    )


def test_excel_dialect_for_german_excel() -> None:
    rows = [["Straßenbeleuchtung; LED", 250000, Decimal("0.5")], ["=1+1", -5, 1.25]]
    text = render(["Projekt", "Budget", "Anteil"], rows, "csv", csv_dialect="excel")
    assert text == (
        '\ufeffProjekt;Budget;Anteil\r\n"Straßenbeleuchtung; LED";250000;0,5\r\n\'=1+1;-5;1,25\r\n'
    )
    pandas = pytest.importorskip("pandas")
    frame = pandas.read_csv(io.StringIO(text.removeprefix("\ufeff")), sep=";", decimal=",")
    assert frame["Anteil"].tolist() == [0.5, 1.25]


def test_export_and_query_take_the_csv_options(tmp_path: Path) -> None:
    out = tmp_path / "csv"
    result = runner.invoke(
        app,
        [
            "export",
            "--format",
            "csv",
            "--out",
            str(out),
            "--csv-dialect",
            "excel",
            "--no-formula-guard",
        ],
    )
    assert result.exit_code == 0, result.output
    nodes = (out / "nodes.csv").read_bytes()
    assert nodes.startswith("\ufeffId;Label;".encode())
    result = runner.invoke(
        app,
        [
            "query",
            'SELECT ?x WHERE { VALUES ?x { "-5 % Energie" } }',
            "-f",
            "csv",
            "--no-formula-guard",
        ],
    )
    assert result.stdout == "x\n-5 % Energie\n"
    help_text = runner.invoke(app, ["query", "--help"]).output
    assert "--no-formula-guard" in help_text and "--csv-dialect" in help_text


# --- 13: Markdown ---------------------------------------------------------------------------------

HOSTILE_REPORT = """
@prefix sckg: <https://w3id.org/sckg/ontology#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<https://example.org/city/dataset> a sckg:Dataset ; dcterms:title\
 "[Stadt](javascript:alert(1))"@de ;
    dcterms:modified "<img src=x onerror=alert(1)>" ;
    dcterms:source <javascript:alert(2)> , <https://example.org/city/doc> .
<javascript:alert(2)> rdfs:label "Quelle"@de ; dcterms:date "<script>alert(3)</script>" .
<https://example.org/city/doc> rdfs:label "<b>fett</b> & ![bild](https://evil.example/x.png)"@de ;
    dcterms:date "2024-01-01" .
<https://example.org/city/p> a sckg:Project ; dcterms:title "<img src=x onerror=alert(8)>"@de ;
    sckg:documentedIn <https://example.org/city/doc> .
"""


def test_markdown_escapes_keep_numbers_and_dates_readable() -> None:
    from sckg.report.render import _md_escape

    assert _md_escape("64.827,39 €") == "64.827,39 €"
    assert _md_escape("2024-01-01") == "2024-01-01"
    assert _md_escape("26. Oktober 2018") == "26. Oktober 2018"  # inline: no block starts there
    assert _md_escape("1. Platz", block=True) == "1\\. Platz"
    assert _md_escape("# Titel", block=True) == "\\# Titel"
    assert _md_escape("- Punkt\r\nzwei", block=True) == "\\- Punkt zwei"
    assert (
        _md_escape("a_b *c* [d](e) <f> & g | h") == "a\\_b \\*c\\* \\[d\\](e) \\<f\\> \\& g \\| h"
    )


def test_report_markdown_escapes_every_value_for_commonmark(tmp_path: Path) -> None:
    from markdown_it import MarkdownIt

    data = tmp_path / "hostile.ttl"
    data.write_text(HOSTILE_REPORT, encoding="utf-8")
    result = runner.invoke(app, ["report", "--data", str(data), "--out", str(tmp_path / "rep")])
    assert result.exit_code == 0, result.output
    markdown = (tmp_path / "rep" / "report.md").read_text(encoding="utf-8")
    html = MarkdownIt("commonmark").enable("table").render(markdown)
    for tag in ("<img", "<script", "<b>"):
        assert tag not in html
    assert html.count("<a ") == 1  # the one web address among the sources
    assert 'href="javascript' not in html
    assert "– [Stadt](javascript:alert(1))</h1>" in html  # the title as text, not a link
    assert "&lt;img src=x onerror=alert(8)&gt;" in html  # shown as text
    assert "&lt;b&gt;fett&lt;/b&gt; &amp; !" in html
    assert (
        "<li>Quelle (&lt;script&gt;alert(3)&lt;/script&gt;) &lt;javascript:alert(2)&gt;</li>"
        in html
    )
    assert "&lt;https://example.org/city/doc&gt;" not in html
    assert '<a href="https://example.org/city/doc">https://example.org/city/doc</a>' in html


# --- 16: GEXF and GraphML, redirects, GROUP_CONCAT ------------------------------------------------


def test_gexf_keeps_start_and_end_as_attributes_and_labels_departments_and_fields(
    musterstadt,
) -> None:
    import networkx as nx

    from sckg.export import export_graph

    node = "https://w3id.org/sckg/id/musterstadt/project/5g-campus-gewerbegebiet"
    gexf = nx.read_gexf(io.BytesIO(export_graph(musterstadt, "gexf")["graph.gexf"]))
    project = gexf.nodes[node]
    assert (project["start_date"], project["end_date"]) == ("2026-05-01", "2027-12-31")
    assert project["department"] == "https://w3id.org/sckg/id/musterstadt/actor/dezernat-2"
    assert project["department_label"] == "Dezernat II – Finanzen und Wirtschaft"
    assert project["fields_label"] == "Industrie und Wirtschaft 4.0; Infrastrukturausbau"
    graphml = nx.read_graphml(io.BytesIO(export_graph(musterstadt, "graphml")["graph.graphml"]))
    assert (
        graphml.nodes[node]["fields_label"] == "Industrie und Wirtschaft 4.0; Infrastrukturausbau"
    )
    assert graphml.nodes[node]["start"] == "2026-05-01"


def test_group_concat_is_sorted_on_every_store(musterstadt, oxigraph_store) -> None:
    from sckg.queries import run_named

    memory = run_named(musterstadt, "actors-in-several-fields").records()
    disk = run_named(oxigraph_store("musterstadt"), "actors-in-several-fields").records()
    assert memory == disk
    for record in memory:
        labels = record["fieldLabels"].split(", ")
        assert labels == sorted(labels)


class _Redirecting(BaseHTTPRequestHandler):
    """/moved: 302 to /query; /temporary: 307 to /query; /query answers a POST with one row and a
    GET (the query lost) with no rows; /store-old: 307 to /store, which records what is PUT."""

    received: ClassVar[list[tuple[str, str, bytes]]] = []

    def _answer(self, status: int, body: bytes = b"", location: str = "", kind: str = "") -> None:
        self.send_response(status)
        if location:
            self.send_header("Location", location)
        if kind:
            self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self) -> bool:
        targets = {
            "/moved": (302, "/query"),
            "/see-other": (303, "/query"),
            "/temporary": (307, "/query"),
            "/store-old": (307, "/store"),
        }
        path = self.path.split("?")[0]
        if path in targets:
            code, target = targets[path]
            self._answer(code, location=target + self.path[len(path) :])
            return True
        return False

    def do_GET(self) -> None:
        if not self._redirect():
            self._answer(
                200,
                b'{"head": {"vars": ["n"]}, "results": {"bindings": []}}',
                kind="application/sparql-results+json",
            )

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if not self._redirect():
            self.received.append(("POST", self.path, body))
            self._answer(
                200,
                b'{"head": {"vars": ["n"]}, "results": {"bindings": [{"n": {"type": "literal", '
                b'"value": "1"}}]}}',
                kind="application/sparql-results+json",
            )

    def do_PUT(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if not self._redirect():
            self.received.append(("PUT", self.path, body))
            self._answer(204)

    def log_message(self, *args: object) -> None:
        """Quiet."""


@pytest.fixture
def redirecting() -> Iterator[str]:
    _Redirecting.received.clear()
    with serving(_Redirecting) as url:
        yield url


@pytest.mark.parametrize(("path", "code"), [("/moved", 302), ("/see-other", 303)])
def test_sparql_store_refuses_a_redirect_that_would_drop_the_query(
    redirecting: str, path: str, code: int
) -> None:
    from sckg.errors import StoreError
    from sckg.remote import SparqlBackend

    with pytest.raises(StoreError) as caught:
        SparqlBackend(redirecting + path).select("SELECT (1 AS ?n) WHERE {}", {})
    assert str(caught.value) == (
        f"The endpoint {redirecting}{path} redirects a query (HTTP {code}) to {redirecting}/query, "
        f"which would lose the query on the way; use that address: store=sparql:{redirecting}/query"
    )


def test_sparql_store_follows_a_307_with_the_query(redirecting: str) -> None:
    from sckg.remote import SparqlBackend

    table = SparqlBackend(redirecting + "/temporary").select("SELECT (1 AS ?n) WHERE {}", {})
    assert [row[0].value for row in table.rows] == ["1"]
    # every request (the endpoint's graph names first, then the query) went again, as a POST, to the
    # new address
    assert {(method, path) for method, path, _ in _Redirecting.received} == {("POST", "/query")}
    sent = urllib.parse.parse_qs(_Redirecting.received[-1][2].decode("utf-8"))["query"][0]
    assert sent.endswith("SELECT (1 AS ?n) WHERE {}")


def test_push_follows_a_307(redirecting: str, braunschweig) -> None:
    from sckg.stores import push

    report = push(braunschweig, redirecting + "/store-old")
    assert [(method, path.split("?")[0]) for method, path, _ in _Redirecting.received] == [
        ("PUT", "/store")
    ] * 2
    assert report.triples > 0
    assert all(body for _, _, body in _Redirecting.received)


# --- 15: the xlsx round trip ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("dataset", "city", "total", "listed"),
    [("braunschweig", "braunschweig", 441, 0), ("musterstadt", "musterstadt", 2561, 0)],
)
def test_xlsx_round_trip_gives_back_everything_or_lists_it(
    dataset: str, city: str, total: int, listed: int, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    from sckg import resources
    from sckg.export import export_graph
    from sckg.ingest.tables import import_table
    from sckg.ingest.template import REMAINDER_SHEET
    from sckg.kg import KnowledgeGraph

    kg = KnowledgeGraph.open([resources.dataset(dataset)])
    path = tmp_path / "inventory.xlsx"
    path.write_bytes(export_graph(kg, "xlsx", city=city)["inventory.xlsx"])
    book = load_workbook(path)
    rest = (
        [tuple(row) for row in book[REMAINDER_SHEET].iter_rows(min_row=2, values_only=True)]
        if REMAINDER_SHEET in book.sheetnames
        else []
    )

    def key(t: object) -> tuple[str, ...]:
        return tuple(
            "[]" if type(x).__name__ == "BlankNode" else str(x)
            for x in (t.subject, t.predicate, t.object)
        )

    original = [key(t) for t in kg.triples()]
    assert len(original) == total
    back = {key(t) for t in import_table(path, city).triples}
    missing = sorted(t for t in original if t not in back)
    assert sorted(rest) == missing  # every statement is given back by the import, or listed
    assert back <= set(original)  # and nothing is added
    assert len(rest) == listed  # what the template cannot hold
    projects = book["Projects"]
    assert projects.auto_filter.ref == f"A1:Y{projects.max_row}"
    assert [(str(dv.sqref), dv.formula1) for dv in projects.data_validations.dataValidation] == [
        ("K2:K1048576", "'_Lists'!$J$2:$J$8")
    ]
    assert projects["K1"].value.startswith("Status")
    actors = [
        (str(dv.sqref), dv.errorStyle) for dv in book["Actors"].data_validations.dataValidation
    ]
    assert len(actors) == 2 and {style for _, style in actors} == {"warning"}  # kind and status
    assert book["_Lists"].sheet_state == "hidden"


def test_xlsx_round_trip_keeps_the_iris(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from sckg import resources
    from sckg.export import export_graph
    from sckg.ingest.tables import import_table
    from sckg.kg import KnowledgeGraph

    base = "https://w3id.org/sckg/id/"
    kg = KnowledgeGraph.open([resources.dataset("braunschweig"), resources.dataset("musterstadt")])
    for city in ("braunschweig", "musterstadt"):
        path = tmp_path / f"{city}.xlsx"
        path.write_bytes(
            export_graph(KnowledgeGraph.open([resources.dataset(city)]), "xlsx", city=city)[
                "inventory.xlsx"
            ]
        )
        subjects = {t.subject.value for t in import_table(path, city).triples}
        original = {
            t.subject.value for t in kg.triples() if t.subject.value.startswith(f"{base}{city}/")
        }
        assert subjects - {f"{base}{city}/source/{city}-xlsx"} == original
    bs = load_workbook(tmp_path / "braunschweig.xlsx")
    assert [r[:2] for r in bs["Budgets"].iter_rows(min_row=2, values_only=True)] == [
        ("haushaltsansatz-wlan-smart-city", "Haushaltsansatz"),
        ("rahmenkonzept", "Betrag"),
    ]
    assert [r[0] for r in bs["Schemes"].iter_rows(min_row=2, values_only=True)] == ["field/scheme"]
    ms = load_workbook(tmp_path / "musterstadt.xlsx")
    assert [r[0] for r in ms["Schemes"].iter_rows(min_row=2, values_only=True)] == ["goal/scheme"]
    assert [r[0] for r in ms["Sources"].iter_rows(min_row=2, max_row=3, values_only=True)] == [
        "inventar-2026",
        "paper/2025-014",
    ]
