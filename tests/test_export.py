"""Exports: RDF (Turtle, N-Triples, JSON-LD with the published context) round trips; GraphML and
GEXF read back by NetworkX with the same nodes, edges and attributes; CSV for Gephi with the formula
guard; the CLI."""

from __future__ import annotations

import io
import json
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic
from typer.testing import CliRunner

from sckg import resources
from sckg.cli import app
from sckg.export import canonical, csv_tables, export_graph, jsonld_context, network
from sckg.kg import KnowledgeGraph
from sckg.namespaces import PREFIXES

runner = CliRunner()
EX = "https://example.org/city/"

SMALL = """
ex:a a sckg:Project ; dcterms:title "=cmd|' /C calc'!A0"@de ; sckg:dependsOn ex:b .
ex:b a sckg:Project ; dcterms:title "+Netz"@de , "Network"@en ; sckg:dependsOn ex:c ;
    schema:startDate "2024-01-01"^^xsd:date .
ex:c a sckg:Project ; dcterms:title "@Cloud"@de , "-Minus"@en ;
    sckg:hasBudget [ a schema:MonetaryAmount ; schema:value 1000.5 ; schema:currency "EUR" ] .
"""


@pytest.fixture
def small(make_kg) -> KnowledgeGraph:
    return make_kg(SMALL)


def _graph(kg: KnowledgeGraph) -> rdflib.Graph:
    return kg.to_rdflib()


# --- RDF ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["ttl", "nt", "jsonld"])
def test_rdf_exports_round_trip_and_are_reproducible(
    braunschweig: KnowledgeGraph, fmt: str, tmp_path: Path
) -> None:
    content = export_graph(braunschweig, fmt)[f"graph.{fmt}"]
    assert export_graph(braunschweig, fmt)[f"graph.{fmt}"] == content
    path = tmp_path / f"graph.{fmt}"
    path.write_bytes(content)
    again = KnowledgeGraph.open([path])  # read back by Oxigraph
    assert isomorphic(_graph(again), _graph(braunschweig))
    assert len(_graph(again)) == 486


def test_without_blank_nodes_the_sorted_lines_are_the_canonical_order(turtle_file) -> None:
    """Without a blank node the store's N-Triples lines, sorted, are written as they are; they must
    be in the order of :func:`canonical`: a subject that is the start of another, escapes, other
    scripts, datatypes, a triple in two files (graphs) once."""
    from sckg.export import rdf_bytes

    kg = KnowledgeGraph.open(
        [
            turtle_file(
                f'<{EX}a> <{EX}p> "zeile\\neins \\"zitiert\\""@de , "Ärger"@de , '
                f'"42"^^xsd:integer , "ß"@de , "𝔘nicode" , <{EX}ab> . <{EX}ab> <{EX}p> "x" . '
                f'<{EX}a-b> <{EX}q> "y" . <{EX}a%20b> <{EX}p> "日本" .'
            ),
            turtle_file(f'<{EX}ab> <{EX}p> "x" . <{EX}b> <{EX}p> "z" .', "second.ttl"),
        ]
    )
    assert b"_:" not in kg.data_ntriples()
    ordered = canonical(kg.triples())
    assert rdf_bytes(kg, "nt") == ox.serialize(ordered, format=ox.RdfFormat.N_TRIPLES)
    turtle = ox.serialize(ordered, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
    assert rdf_bytes(kg, "ttl") == turtle and rdf_bytes(kg, "nt").count(b"\n") == 10


@pytest.mark.filterwarnings(
    "ignore:ConjunctiveGraph is deprecated:DeprecationWarning"
)  # inside rdflib
def test_jsonld_uses_the_published_context(small: KnowledgeGraph) -> None:
    document = json.loads(export_graph(small, "jsonld")["graph.jsonld"])
    published = json.loads(
        (resources.ontology_dir() / "context.jsonld").read_text(encoding="utf-8")
    )
    assert document["@context"] == published["@context"] == jsonld_context()
    assert document["@graph"] == [
        {"id": "_:b0", "type": "schema:MonetaryAmount", "currency": "EUR", "value": "1000.5"},
        {
            "id": f"{EX}a",
            "type": "sckg:Project",
            "dependsOn": f"{EX}b",
            "title": {"de": "=cmd|' /C calc'!A0"},
        },
        {
            "id": f"{EX}b",
            "type": "sckg:Project",
            "dependsOn": f"{EX}c",
            "startDate": "2024-01-01",
            "title": {"de": "+Netz", "en": "Network"},
        },
        {
            "id": f"{EX}c",
            "type": "sckg:Project",
            "hasBudget": "_:b0",
            "title": {"de": "@Cloud", "en": "-Minus"},
        },
    ]
    parsed = rdflib.Graph().parse(
        data=json.dumps(document), format="json-ld"
    )  # a second JSON-LD processor
    assert isomorphic(parsed, _graph(small))


def test_jsonld_falls_back_to_compact_iris_where_no_term_fits(make_kg) -> None:
    kg = make_kg(
        'ex:d a sckg:Decision ; dcterms:date "2015"^^xsd:gYear ; rdfs:label "Beschluss" ; '
        'sckg:priority 2 ; sckg:fictional true ; dcterms:date "2015-03-01"^^xsd:date .'
    )
    (node,) = json.loads(export_graph(kg, "jsonld")["graph.jsonld"])["@graph"]
    assert node == {
        "id": f"{EX}d",
        "type": "sckg:Decision",
        "date": "2015-03-01",
        "dcterms:date": {"@value": "2015", "@type": "xsd:gYear"},
        "fictional": True,
        "priority": 2,
        "rdfs:label": "Beschluss",
    }


def test_blank_nodes_get_stable_names() -> None:
    b1, b2 = ox.BlankNode(), ox.BlankNode()
    p, v = ox.NamedNode(f"{EX}p"), ox.NamedNode(f"{EX}v")
    triples = [
        ox.Triple(ox.NamedNode(f"{EX}z"), p, b1),
        ox.Triple(ox.NamedNode(f"{EX}a"), p, b2),
        ox.Triple(b1, v, ox.Literal("1")),
        ox.Triple(b2, v, ox.Literal("2")),
    ]
    assert [str(t) for t in canonical(triples)] == [
        f"<{EX}a> <{EX}p> _:b0",
        f"<{EX}z> <{EX}p> _:b1",
        f'_:b0 <{EX}v> "2"',
        f'_:b1 <{EX}v> "1"',
    ]


# --- networks -------------------------------------------------------------------------------------


def test_projection_metrics_are_node_attributes(small: KnowledgeGraph) -> None:
    graph = network(small, "dependencies", "de")
    assert dict(graph.nodes(data=True)) == {
        f"{EX}a": {
            "iri": f"{EX}a",
            "label": "=cmd|' /C calc'!A0",
            "cls": "project",
            "cls_label": "Projekt",
            "degree": 1,
            "betweenness": 0.0,
            "closeness": 0.666667,
        },
        f"{EX}b": {
            "iri": f"{EX}b",
            "label": "+Netz",
            "cls": "project",
            "cls_label": "Projekt",
            "start": "2024-01-01",
            "degree": 2,
            "betweenness": 1.0,
            "closeness": 1.0,
        },
        f"{EX}c": {
            "iri": f"{EX}c",
            "label": "@Cloud",
            "cls": "project",
            "cls_label": "Projekt",
            "budget": 1000.5,
            "degree": 1,
            "betweenness": 0.0,
            "closeness": 0.666667,
        },
    }
    assert list(graph.edges(data=True)) == [
        (f"{EX}a", f"{EX}b", {"predicate": "dependsOn", "weight": 1}),
        (f"{EX}b", f"{EX}c", {"predicate": "dependsOn", "weight": 1}),
    ]


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
@pytest.mark.parametrize("projection", ["entity", "actors", "dependencies", "coverage"])
def test_graphml_and_gexf_read_back_with_the_same_nodes_edges_and_attributes(
    musterstadt: KnowledgeGraph, fmt: str, projection: str
) -> None:
    graph = network(musterstadt, projection, "de")
    content = export_graph(musterstadt, fmt, projection=projection)[f"graph.{fmt}"]
    read = (
        nx.read_graphml(io.BytesIO(content))
        if fmt == "graphml"
        else nx.read_gexf(io.BytesIO(content))
    )
    assert read.is_directed() == graph.is_directed()
    assert set(read.nodes) == set(graph.nodes) and len(read) > 0
    assert {(s, t) for s, t in read.edges} == {(s, t) for s, t in graph.edges}
    for node, attrs in graph.nodes(data=True):
        got = dict(read.nodes[node])
        if fmt == "gexf":
            got.pop(
                "id", None
            )  # GEXF's reader adds nothing else: label and the attributes come back
            assert set(got.pop("viz")) == {"color", "position"}, node  # Gephi's colour and position
            for key in (
                "start",
                "end",
            ):  # a lifetime for Gephi's timeline, and an attribute for its tables
                assert got.pop(f"{key}_date", None) == attrs.get(key), node
        assert got == attrs, node
    for s, t, attrs in graph.edges(data=True):
        got = dict(read.edges[s, t])
        if fmt == "gexf":
            got.pop("id", None)
            assert got.pop("weight") == attrs["weight"]
            assert {k: v for k, v in got.items()} == {
                k: v for k, v in attrs.items() if k != "weight"
            }
        else:
            assert got == attrs


def test_gexf_of_actors_carries_labels_classes_and_metrics(musterstadt: KnowledgeGraph) -> None:
    content = export_graph(musterstadt, "gexf", projection="actors", lang="en")["graph.gexf"]
    read = nx.read_gexf(io.BytesIO(content))
    some = read.nodes["https://w3id.org/sckg/id/musterstadt/actor/ausschuss-digitalisierung"]
    assert {"label", "cls", "cls_label", "degree", "betweenness", "closeness"} <= set(some)
    assert not read.is_directed()


def test_a_network_without_nodes_is_written_with_a_note_saying_why(tmp_path: Path) -> None:
    """Council papers alone have no node of the entity network: the export wrote an empty GraphML
    file (537 bytes for Karlsruhe's 13,736 papers) and said only "Wrote"."""
    data = tmp_path / "papers.ttl"
    data.write_text(
        "<https://example.org/paper/1> a <https://schema.oparl.org/1.1/Paper> .\n",
        encoding="utf-8",
    )
    out = tmp_path / "graph.graphml"
    result = runner.invoke(
        app, ["export", "-f", "graphml", "--lang", "en", "--data", str(data), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        "Note: The network “Entity network” has no node in this data. No projects in the graph: "
        f"import the programme's inventory next to the council data (sckg import table).\nWrote "
        f"{out}.\n"
    )
    assert nx.read_graphml(out).number_of_nodes() == 0


def test_jsonld_compacts_an_iri_by_its_longest_namespace() -> None:
    from sckg.export import _JsonLd

    compactor = _JsonLd(
        {"a": "https://ex.org/", "b": "https://ex.org/sub/", "c": "https://ex.org/h#", "t": "a:t"}
    )
    assert [
        compactor.compact(iri)
        for iri in (
            "https://ex.org/sub/x",
            "https://ex.org/sub/",
            "https://ex.org/subx",
            "https://ex.org/h#y/z",
            "https://ex.org/",
            "https://other.org/x",
            "https://ex.org/sub/x",  # the folder's namespace is looked up once
        )
    ] == ["b:x", "a:sub/", "a:subx", "c:y/z", "https://ex.org/", "https://other.org/x", "b:x"]


def test_csv_nodes_and_edges_with_the_formula_guard(small: KnowledgeGraph) -> None:
    nodes, edges = csv_tables(network(small, "dependencies", "de"))
    assert nodes.splitlines() == [
        "Id,Label,betweenness,budget,closeness,cls,cls_label,degree,iri,start",
        f"{EX}a,'=cmd|' /C calc'!A0,0.0,,0.666667,project,Projekt,1,{EX}a,",
        f"{EX}b,'+Netz,1.0,,1.0,project,Projekt,2,{EX}b,2024-01-01",
        f"{EX}c,'@Cloud,0.0,1000.5,0.666667,project,Projekt,1,{EX}c,",
    ]
    assert edges.splitlines() == [
        "Source,Target,Type,Weight,predicate",
        f"{EX}a,{EX}b,Directed,1,dependsOn",
        f"{EX}b,{EX}c,Directed,1,dependsOn",
    ]
    english, _ = csv_tables(network(small, "dependencies", "en"))
    assert english.splitlines()[3].startswith(f"{EX}c,'-Minus,")


# --- CLI ------------------------------------------------------------------------------------------


def test_cli_exports(tmp_path: Path, braunschweig_path: Path) -> None:
    data = ["--data", str(braunschweig_path)]
    result = runner.invoke(app, ["export", "--format", "nt", *data])
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 486
    result = runner.invoke(
        app, ["export", "-f", "csv", "-o", str(tmp_path / "gephi"), "--projection", "actors", *data]
    )
    assert result.exit_code == 0
    assert result.stderr == f"Wrote {tmp_path}/gephi/nodes.csv, {tmp_path}/gephi/edges.csv.\n"
    assert (
        (tmp_path / "gephi" / "edges.csv")
        .read_text()
        .startswith("Source,Target,Type,Weight,predicate\n")
    )
    result = runner.invoke(app, ["export", "-f", "xlsx", *data])
    assert result.exit_code == 2
    assert result.stderr == "Error: --format xlsx needs --out (a file).\n"
    result = runner.invoke(app, ["export", "-f", "graphml", "--projection", "nope", *data])
    assert result.exit_code == 2
    assert result.stderr.endswith(
        "Error: Invalid value for '--projection': 'nope' is not one of 'entity', 'actors', "
        "'dependencies', 'coverage', 'strategy', 'partners'.\n"
    )


# --- xlsx: what the template cannot hold, on council data and beyond a sheet's rows (issue 21) ----


def _remainder_rows(path: Path) -> list[tuple[object, ...]]:
    from openpyxl import load_workbook

    from sckg.ingest.template import REMAINDER_SHEET

    book = load_workbook(path, read_only=True)
    return [tuple(row) for row in book[REMAINDER_SHEET].iter_rows(values_only=True)]


def test_xlsx_counts_the_council_systems_objects_instead_of_listing_them(tmp_path: Path) -> None:
    """An OParl import put nearly every statement on ``_Not in the template`` (120,000 rows for a
    small municipality, more than a sheet holds for a large city): its objects are counted per
    class, what else the template cannot hold is listed statement by statement."""
    from sckg.export_xlsx import read_sheets_of, remainder
    from sckg.ingest import city_base, write_turtle
    from sckg.ingest.oparl import import_oparl

    folder = Path(__file__).parent / "assets" / "oparl" / "musterstadt-1.0"
    council = write_turtle(import_oparl(folder, "musterstadt").triples, tmp_path / "council.ttl")
    out = tmp_path / "council.xlsx"
    result = runner.invoke(app, ["export", "-f", "xlsx", "--data", str(council), "--out", str(out)])
    assert result.exit_code == 0, result.output
    rows = _remainder_rows(out)
    every = "alle Aussagen: sckg export --format ttl"
    counted = [
        (
            cls,
            f"Objekte des Ratsinformationssystems: {n}, ihre Aussagen: {m} (nicht einzeln "
            "aufgeführt)",
            every,
        )
        for cls, n, m in [
            ("oparl:AgendaItem", 1, 8),
            ("oparl:Body", 1, 1),
            ("oparl:Consultation", 2, 3),
            ("oparl:File", 1, 7),
            ("oparl:LegislativeTerm", 1, 8),
            ("oparl:Location", 1, 6),
            ("oparl:Meeting", 4, 6),
            ("oparl:Organization", 3, 8),
            ("oparl:Paper", 3, 6),
        ]
    ]
    assert rows[: len(counted) + 1] == [("Subjekt", "Prädikat", "Objekt"), *counted]
    kg = KnowledgeGraph.open([council])
    lost = remainder(kg, read_sheets_of(out.read_bytes()), city_base("musterstadt"))
    listed = rows[len(counted) + 1 :]
    council_objects = {
        f"<{row[0].value}>"
        for row in kg.select(
            "SELECT DISTINCT ?s WHERE { ?s a ?c FILTER(STRSTARTS(STR(?c), STR(oparl:))) }"
        ).bound_rows()
    }
    assert listed == [tuple(row) for row in lost if row[0] not in council_objects]
    assert len(listed) == 31 and len(lost) == len(listed) + 8 + 1 + 3 + 7 + 8 + 6 + 6 + 8 + 6


def test_xlsx_of_a_council_import_invents_no_source_titles(tmp_path: Path) -> None:
    """Each object of a council import is documented in its OParl URL, about which the data says
    nothing. The export gave each URL a row on Sources with its last path segment as its title
    (``consultation/1000`` → "1000"), so importing the workbook added a title, a label and a type
    to every one (34 statements on the example export; 17,871 such rows at bench/council.py's
    10x). A source the data says nothing about has no row: the citing cell holds its IRI, which
    the import reads as it is, and the import says nothing about it either. A committee is part
    of the body (``org:subOrganizationOf``), which the column "Teil von" cannot hold: the import
    makes a part of a formal organisation ``org:unitOf``. It was written there, and the import
    changed the predicate; now it is only on the sheet of what the template cannot hold."""
    from openpyxl import load_workbook

    from sckg.ingest import write_turtle
    from sckg.ingest.oparl import import_oparl
    from sckg.ingest.tables import import_table

    folder = Path(__file__).parent / "assets" / "oparl" / "musterstadt-1.0"
    council = write_turtle(import_oparl(folder, "musterstadt").triples, tmp_path / "council.ttl")
    kg = KnowledgeGraph.open([council])
    out = tmp_path / "council.xlsx"
    out.write_bytes(export_graph(kg, "xlsx", city="musterstadt")["inventory.xlsx"])

    def key(t: ox.Triple) -> tuple[str, ...]:
        return tuple(
            "[]" if isinstance(x, ox.BlankNode) else str(x)
            for x in (t.subject, t.predicate, t.object)
        )

    original = {key(t) for t in kg.triples()}
    added = {key(t) for t in import_table(out, "musterstadt").triples} - original
    paper = "https://w3id.org/sckg/id/musterstadt/oparl/oparl/v1/paper/"
    # a source needs a title: a paper with none has its label (its reference) as its title
    title = (f"<{paper}2024-018>", "<http://purl.org/dc/terms/title>", '"2024/018"@de')
    assert sorted(added) == [title]
    book = load_workbook(out, read_only=True)
    sources = [row[0] for row in book["Sources"].iter_rows(min_row=2, values_only=True)]
    assert sources == [f"{paper}2024-017", f"{paper}2024-018", f"{paper}2024-019"]
    meetings = list(book["Meetings"].iter_rows(min_row=2, values_only=True))
    assert meetings[0][-1] == "https://ris.musterstadt.example/oparl/v1/meeting/10"


def test_xlsx_gives_a_source_without_title_or_label_the_label_a_map_would_show(
    make_kg, tmp_path: Path
) -> None:
    """A source named only by ``skos:prefLabel`` (or a label in another language) gets that name as
    its title on Sources, as :meth:`KnowledgeGraph.labels` chooses it."""
    from openpyxl import load_workbook

    kg = make_kg(
        f'<{EX}p> a sckg:Project ; dcterms:title "P"@de ; sckg:documentedIn <{EX}doc> . '
        f'<{EX}doc> a oparl:Paper ; skos:prefLabel "Vorlage 12"@de .'
    )
    out = tmp_path / "x.xlsx"
    out.write_bytes(export_graph(kg, "xlsx", city="city")["inventory.xlsx"])
    sources = load_workbook(out, read_only=True)["Sources"]
    header, *rows = sources.iter_rows(values_only=True)
    row = dict(zip(header, rows[0], strict=True))
    assert (row["Kennung / ID"], row["Titel (de) / Title (de)"]) == (f"{EX}doc", "Vorlage 12")


def test_xlsx_lists_each_statement_with_a_blank_node_the_template_cannot_hold(
    make_kg, tmp_path: Path
) -> None:
    """Statements with blank nodes are compared with a blank node as ``[]``: two of the same terms
    are two rows."""
    kg = make_kg(
        f'<{EX}x> <{EX}p> [ <{EX}v> "1" ] , [ <{EX}v> "1" ] . <{EX}x> <{EX}q> "kept apart" .'
    )
    out = tmp_path / "x.xlsx"
    out.write_bytes(export_graph(kg, "xlsx", city="city", lang="en")["inventory.xlsx"])
    assert _remainder_rows(out) == [
        ("subject", "predicate", "object"),
        (f"<{EX}x>", f"<{EX}p>", "[]"),
        (f"<{EX}x>", f"<{EX}p>", "[]"),
        (f"<{EX}x>", f"<{EX}q>", '"kept apart"'),
        ("[]", f"<{EX}v>", '"1"'),
        ("[]", f"<{EX}v>", '"1"'),
    ]


def test_xlsx_export_says_how_many_statements_the_template_cannot_hold(
    tmp_path: Path, braunschweig_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The export said only "Wrote …": that an import of the workbook would leave statements out
    was on a sheet nobody opens."""
    data = tmp_path / "x.ttl"
    data.write_text(
        f'<{EX}x> <{EX}p> [ <{EX}v> "1" ] . <{EX}x> <{EX}q> "kept apart" .', encoding="utf-8"
    )
    out = tmp_path / "x.xlsx"
    args = ["export", "-f", "xlsx", "--data", str(data), "--out", str(out), "--city", "city"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith(
        "Note: 3 statements of the data are not in the template's sheets (an import of the "
        "workbook leaves them out): they are listed on the sheet _Not in the template.\n"
    )
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    result = runner.invoke(app, args)
    assert result.stderr.startswith(
        "Hinweis: 3 Aussagen der Daten stehen nicht in den Blättern der Vorlage (ein Import der "
        "Arbeitsmappe lässt sie aus): sie sind auf dem Blatt _Not in the template aufgeführt.\n"
    )
    args = ["export", "-f", "xlsx", "--data", str(braunschweig_path), "--out", str(out)]
    assert "Hinweis" not in runner.invoke(app, args).stderr


def test_xlsx_export_for_a_city_the_data_does_not_hold_says_so(
    tmp_path: Path, musterstadt_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``--city nocity`` wrote every ID as a full IRI without a word."""
    monkeypatch.setenv("LANG", "C.UTF-8")
    out = tmp_path / "n.xlsx"
    args = ["export", "-f", "xlsx", "-d", str(musterstadt_path), "--out", str(out)]
    result = runner.invoke(app, [*args, "--city", "nocity"])
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith(
        "Note: no entity of the data is of the city 'nocity' (its IRIs start with "
        "https://w3id.org/sckg/id/nocity/), so the IDs are whole IRIs; the data's city is "
        "'musterstadt' (--city musterstadt).\n"
    )
    assert "Note" not in runner.invoke(app, [*args, "--city", "musterstadt"]).stderr


def test_xlsx_lists_no_more_rows_than_a_sheet_holds_and_says_how_many_it_left_out(
    make_kg, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No sheet exceeds Excel's 1,048,576 rows: the sheet of what the template cannot hold lists as
    many statements as fit and counts the rest in its first row (here with a sheet of 8 rows)."""
    from sckg import export_xlsx
    from sckg.ingest import template

    assert template.SHEET_ROWS == 1_048_576
    monkeypatch.setattr(export_xlsx, "SHEET_ROWS", 8)
    monkeypatch.setattr(template, "SHEET_ROWS", 8)
    kg = make_kg(" ".join(f'<{EX}x> <{EX}p> "{i:02}" .' for i in range(20)))
    out = tmp_path / "x.xlsx"
    out.write_bytes(export_graph(kg, "xlsx", city="city", lang="en")["inventory.xlsx"])
    assert _remainder_rows(out) == [
        ("subject", "predicate", "object"),
        (
            None,
            "more statements: 14 (not listed: a sheet holds 8 rows)",
            "every statement: sckg export --format ttl",
        ),
        *[(f"<{EX}x>", f"<{EX}p>", f'"{i:02}"') for i in range(6)],
    ]


def test_xlsx_refuses_a_sheet_with_more_rows_than_a_spreadsheet_holds(
    make_kg, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from sckg.ingest import template

    monkeypatch.setattr(template, "SHEET_ROWS", 3)
    kg = make_kg(
        " ".join(f'<{EX}p{i}> a sckg:Project ; dcterms:title "P{i}"@de .' for i in range(3))
    )
    out = tmp_path / "x.xlsx"
    result = runner.invoke(
        app, ["export", "-f", "xlsx", "--data", str(kg.files[0]), "--out", str(out)]
    )
    assert (result.exit_code, result.stderr) == (
        1,
        "Error: The sheet Projects would hold 3 rows, more than a spreadsheet holds (2 below its "
        "header); export the graph as Turtle (--format ttl) instead.\n",
    )
    assert not out.exists()


def test_xlsx_sheets_are_modelled_as_writing_and_reading_the_workbook_gives_them() -> None:
    """The remainder of an export is found from the sheets as an import would read the workbook,
    modelled without writing it (issue 21): the model agrees with a real write and read on every
    kind of value it models, and declines the values it does not."""
    import datetime as dt
    import decimal

    from sckg.export_xlsx import read_sheets_of
    from sckg.ingest.cells import read_back
    from sckg.ingest.template import SHEETS_BY_KEY, help_rows, workbook_bytes

    values = [
        "P1", "", "Straße; Weg", "=1+1", "=", "a\nb", 7, -3, 10**14, 2.5, 0.1 + 0.2, 5.0, 1e16,
        decimal.Decimal("1.50"), decimal.Decimal("12345678901234567.25"), True, False,
        dt.date(2024, 2, 29), dt.date(1900, 3, 1), None,
    ]  # fmt: skip
    columns = SHEETS_BY_KEY["projects"].columns
    free = next(i for i, c in enumerate(columns) if c.type not in ("id", "text", "ref"))
    text = next(i for i, c in enumerate(columns) if c.type == "text")
    rows = {
        "projects": [
            [
                f"P{i}"
                if j == 0
                else value
                if j == free or (j == text and str(value) == value)
                else None
                for j in range(len(columns))
            ]
            for i, value in enumerate(values)
        ],
        "sources": [[None] * len(SHEETS_BY_KEY["sources"].columns)],
    }
    modelled = read_back(rows, "inventory.xlsx")
    read = read_sheets_of(workbook_bytes(rows, help_rows({})))
    assert modelled is not None

    def trimmed(rows: list) -> list:
        """Rows without their trailing empty cells: a row read from the file ends at its last
        written cell."""
        out = []
        for number, row in rows:
            cells = list(row)
            while cells and cells[-1] is None:
                cells.pop()
            out.append((number, tuple(cells)))
        return out

    skipped = ("_", "Hilfe - Help")
    assert [(s.name, trimmed(s.rows)) for s in modelled] == [
        (s.name, trimmed(s.rows)) for s in read if not s.name.startswith(skipped)
    ]
    for value in (" a", "x\r", "_x000D_", "#N/A", "x" * 32_768, 10**15, float("nan")):
        assert read_back({"projects": [["P1", value]]}, "inventory.xlsx") is None
    assert read_back({"projects": [["P1", dt.datetime(2024, 1, 1)]]}, "x") is None
