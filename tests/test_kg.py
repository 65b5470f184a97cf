"""Loading data into the knowledge graph, and what bad input says."""

from decimal import Decimal
from pathlib import Path

import pytest

from sckg.errors import DataError, QueryError, StoreError, UsageError
from sckg.kg import KnowledgeGraph, collect_files
from sckg.results import to_python


def test_default_graph_is_the_bundled_braunschweig_data() -> None:
    kg = KnowledgeGraph.open()
    rows = kg.select("SELECT (COUNT(?p) AS ?n) WHERE { ?p a sckg:Project }").records()
    assert rows == [{"n": 5}]


def test_each_file_gets_its_own_named_graph(
    braunschweig_path: Path, braunschweig: KnowledgeGraph
) -> None:
    names = [Path(g.removeprefix("file://")).name for g in braunschweig.data_graphs()]
    assert names == ["actors.ttl", "decisions.ttl", "fields.ttl", "projects.ttl", "source.ttl"]


def test_labels_prefer_the_language_then_german(make_kg) -> None:
    kg = make_kg('ex:a rdfs:label "Amt"@de, "Office"@en . ex:b rdfs:label "Nur deutsch"@de .')
    assert kg.labels(["https://example.org/city/a", "https://example.org/city/b"], "en") == {
        "https://example.org/city/a": "Office",
        "https://example.org/city/b": "Nur deutsch",
    }
    assert kg.labels(["https://example.org/city/none"]) == {"https://example.org/city/none": "none"}


def test_labels_prefer_pref_label_then_label_then_title_in_one_language(make_kg) -> None:
    kg = make_kg(
        'ex:a dcterms:title "Titel"@de ; rdfs:label "Etikett"@de ; skos:prefLabel "Vorzug"@de . '
        'ex:b dcterms:title "Titel"@de ; rdfs:label "Etikett"@de ; foaf:name "Name"@de . '
        'ex:c foaf:name "Name"@de ; dcterms:title "Titel"@de . '
        'ex:d dcterms:title "Title"@en ; rdfs:label "Etikett"@de .'
    )
    iris = [f"https://example.org/city/{x}" for x in "abcd"]
    assert list(kg.labels(iris, "en").values()) == ["Vorzug", "Etikett", "Titel", "Title"]


def test_literals_become_python_values(make_kg) -> None:
    kg = make_kg(
        'ex:a schema:value "64827.39"^^xsd:decimal ; ex:n 3 ; ex:ok true ; ex:d '
        '"2018-10-26"^^xsd:date .'
    )
    query = (
        "PREFIX ex: <https://example.org/city/> "
        "SELECT ?v ?n ?ok ?d WHERE { ?a schema:value ?v ; ex:n ?n ; ex:ok ?ok ; ex:d ?d }"
    )
    row = kg.select(query).rows[0]
    assert [to_python(t) for t in row] == [Decimal("64827.39"), 3, True, "2018-10-26"]


def test_malformed_turtle_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text(
        '@prefix ex: <https://example.org/> .\nex:a ex:b "ok" .\nex:c ex:d ex:e ex:f .\n'
    )
    with pytest.raises(DataError) as err:
        KnowledgeGraph.open([bad])
    assert (
        str(err.value)
        == f"{bad}, line 3, column 16: malformed RDF: A dot is expected at the end of statements"
    )


def test_missing_path_and_empty_folder_say_so(tmp_path: Path) -> None:
    with pytest.raises(
        DataError, match=r"nothing\.ttl: no such file or folder \(check the data path\)"
    ):
        collect_files([tmp_path / "nothing.ttl"])
    with pytest.raises(DataError, match="the folder holds no RDF files"):
        collect_files([tmp_path])


def test_unknown_file_type_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "notes.docx"
    other.write_text("x")
    with pytest.raises(DataError, match=r"notes\.docx: unknown RDF file type '\.docx'"):
        KnowledgeGraph.open([other])


def test_a_spreadsheet_given_as_data_says_to_import_it_first(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from sckg.cli import app

    for name in ("inventory.xlsx", "Projects.csv"):
        (tmp_path / name).write_text("x")
    with pytest.raises(DataError) as err:
        KnowledgeGraph.open([tmp_path / "inventory.xlsx"])
    assert str(err.value) == (
        f"{tmp_path}/inventory.xlsx: an inventory spreadsheet, not RDF: turn it into RDF first"
        f" with 'sckg import table {tmp_path}/inventory.xlsx --city NAME --out"
        f" {tmp_path}/inventory.ttl'"
    )
    with pytest.raises(DataError) as err:
        collect_files([tmp_path])
    assert str(err.value) == (
        f"{tmp_path}: the folder holds inventory spreadsheets, no RDF files: turn them into RDF"
        f" first with 'sckg import table {tmp_path} --city NAME --out {tmp_path}.ttl'"
    )
    (tmp_path / "Projects.csv").unlink()
    result = CliRunner().invoke(app, ["report", "--data", str(tmp_path), "--lang", "de"])
    assert (result.exit_code, result.output) == (
        1,
        f"Fehler: {tmp_path}: der Ordner enthält Tabellen der Bestandsaufnahme, keine RDF-Dateien:"
        f" erst in RDF umwandeln mit 'sckg import table {tmp_path}/inventory.xlsx --city NAME"
        f" --out {tmp_path}/inventory.ttl'\n",
    )


def test_unreadable_file_says_so(tmp_path: Path) -> None:
    path = tmp_path / "locked.ttl"
    path.write_bytes(b"\xff\xfe not utf-8 \xff")
    with pytest.raises(DataError, match=r"locked\.ttl"):
        KnowledgeGraph.open([path])


def test_unknown_store_is_a_usage_error() -> None:
    with pytest.raises(
        UsageError, match=r"Unknown store 'postgres:db'\. Use memory, oxigraph:PATH or sparql:URL\."
    ):
        KnowledgeGraph.open([], "postgres:db")


def test_a_file_is_not_an_oxigraph_store(tmp_path: Path) -> None:
    path = tmp_path / "store.ttl"
    path.write_text("")
    with pytest.raises(StoreError, match=r"not an Oxigraph store \(it is a file"):
        KnowledgeGraph.open([], f"oxigraph:{path}")


def test_update_is_refused(braunschweig: KnowledgeGraph) -> None:
    with pytest.raises(QueryError, match="This is a SPARQL UPDATE"):
        braunschweig.select("INSERT DATA { <urn:a> <urn:b> <urn:c> }")


def test_rdflib_copy_has_the_data_without_the_model(braunschweig: KnowledgeGraph) -> None:
    graph = braunschweig.to_rdflib()
    assert len(graph) == 486


def test_cached_block_asks_each_question_once(make_kg) -> None:
    kg = make_kg('ex:a rdfs:label "A"@de . ex:b rdfs:label "B"@de .')
    asked: list[str] = []
    select = kg.backend.select
    kg.backend.select = lambda query, bindings: asked.append(query) or select(query, bindings)
    query = (
        'SELECT ?x WHERE { ?x rdfs:label ?l FILTER(STRSTARTS(STR(?x), "https://example.org/")) }'
    )
    a, b = "https://example.org/city/a", "https://example.org/city/b"
    with kg.cached():
        first = kg.select(query)
        first.rows.clear()  # a caller changing its result does not change the cache
        assert len(kg.select(query)) == 2
        assert kg.labels([a]) == {a: "A"}
        assert kg.labels([a, b]) == {a: "A", b: "B"}
        assert kg.labels([a]) == {a: "A"}
    assert len(asked) == 3  # the query once, then labels of a, then only of b
    kg.select(query)
    assert len(asked) == 4  # outside the block nothing is kept


@pytest.mark.parametrize(
    ("spec", "kind", "location", "names_a_store"),
    [
        ("memory", "memory", "", False),
        ("oxigraph:out/store", "oxigraph", "out/store", True),
        ("sparql:http://127.0.0.1:7878/query", "sparql", "http://127.0.0.1:7878/query", True),
        ("data/musterstadt", None, None, False),
        ("oxigraph:", None, None, False),
    ],
)
def test_one_parser_for_store_specifications(spec, kind, location, names_a_store):
    from sckg.storespec import StoreSpec, names_store, parse_store

    assert names_store(spec) is names_a_store
    if kind is None:
        with pytest.raises(
            UsageError,
            match=rf"^Unknown store '{spec}'\. Use memory, oxigraph:PATH or sparql:URL\.$",
        ):
            parse_store(spec)
    else:
        parsed = parse_store(spec)
        assert (parsed.kind, parsed.location, str(parsed)) == (kind, location, spec)
        assert parse_store(parsed) is parsed and isinstance(parsed, StoreSpec)


def test_about_gives_each_statement_about_an_iri_once_from_the_index_or_by_query(
    turtle_file,
) -> None:
    """``about`` reads an Oxigraph store's index; any other store answers a query: both give each
    statement once, also one that two files state, and nothing for an IRI without statements."""
    import pyoxigraph as ox

    from sckg.kg import OxigraphBackend
    from sckg.namespaces import XSD

    a = turtle_file('ex:a a ex:C ; rdfs:label "A"@de ; ex:p ex:b . ex:b ex:p ex:a .', "one.ttl")
    b = turtle_file('ex:a rdfs:label "A"@de ; ex:q "1"^^xsd:integer .', "two.ttl")
    kg = KnowledgeGraph.open([a, b])
    ex = "https://example.org/city/"
    iris = [f"{ex}a", f"{ex}none"]
    expected = {
        f"{ex}a": {
            ("http://www.w3.org/1999/02/22-rdf-syntax-ns#type", ox.NamedNode(f"{ex}C")),
            ("http://www.w3.org/2000/01/rdf-schema#label", ox.Literal("A", language="de")),
            (f"{ex}p", ox.NamedNode(f"{ex}b")),
            (f"{ex}q", ox.Literal("1", datatype=ox.NamedNode(XSD + "integer"))),
        }
    }
    found = kg.about(iris)
    assert {iri: set(statements) for iri, statements in found.items()} == expected
    assert len(found[f"{ex}a"]) == 4

    class Delegating:  # a store that is not Oxigraph's, as a SPARQL endpoint is
        def __init__(self, backend: OxigraphBackend) -> None:
            self.backend = backend

        def __getattr__(self, name: str) -> object:
            return getattr(self.backend, name)

    assert isinstance(kg.backend, OxigraphBackend)
    by_query = KnowledgeGraph(Delegating(kg.backend))  # type: ignore[arg-type]
    assert by_query.about(iris) == found
