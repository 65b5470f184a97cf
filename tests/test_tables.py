"""Inventory spreadsheets: the template, a filled template to exact triples, every kind of bad row
with its exact message (and no output file), all errors at once, and export to xlsx and back without
loss."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import PREFIXES
from openpyxl import load_workbook
from typer.testing import CliRunner

from sckg import resources
from sckg.cli import app
from sckg.export import export_graph
from sckg.ingest import turtle, write_turtle
from sckg.ingest.cells import read_amount
from sckg.ingest.tables import TableError, choice_text, import_table, write_template
from sckg.ingest.template import SHEETS, help_rows, workbook_bytes
from sckg.kg import KnowledgeGraph

runner = CliRunner()
BASE = "https://w3id.org/sckg/id/beispielstadt/"
ORG_NS = "http://www.w3.org/ns/org#"
RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
SCKG_NS = "https://w3id.org/sckg/ontology#"
XSD_NS = "http://www.w3.org/2001/XMLSchema#"

#: A filled template (cells as a user types them: dates, numbers, German words, names instead of
#: IDs).
FILLED: dict[str, list[list[object]]] = {
    "actors": [
        [
            "stadt",
            "Stadt Beispielstadt",
            "City of Beispielstadt",
            "Stadtverwaltung",
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
        ],
        [
            "dez-2",
            "Dezernat II",
            None,
            "dezernat",
            "Stadt Beispielstadt",
            None,
            None,
            None,
            "0200",
            None,
            "Dez. II; Digitaldezernat",
            None,
            None,
            None,
            "vorlage-1",
        ],
        [
            "stadtwerke",
            "Stadtwerke Beispielstadt GmbH",
            None,
            "Städtische Gesellschaft",
            None,
            "stadt",
            "dez-2",
            "ja",
            None,
            None,
            None,
            None,
            "fiktiv",
            None,
            None,
        ],
        [
            "lenkung",
            "Lenkungskreis",
            "Steering group",
            "steering-group",
            None,
            None,
            None,
            None,
            None,
            "einzurichten",
            None,
            None,
            None,
            None,
            None,
        ],
    ],
    "projects": [
        [
            "wlan",
            "Öffentliches WLAN",
            "Public Wi-Fi",
            "WLAN in der Innenstadt",
            None,
            "dez-2",
            "stadtwerke",
            None,
            "netze; smart-mobility",
            "Alle Menschen online",
            "laufend",
            dt.date(2024, 3, 1),
            "31.12.2025",
            250000.5,
            True,
            "stadt",
            "Inhouse-Vergabe",
            None,
            None,
            "vorlage-1; interview-it",
        ],
        [
            "laden",
            "Ladesäulen",
            None,
            None,
            None,
            "Stadtwerke Beispielstadt GmbH",
            None,
            None,
            None,
            None,
            "planned",
            None,
            None,
            "120000,00",
            None,
            None,
            None,
            None,
            None,
            None,
        ],
    ],
    "fields": [
        [
            "netze",
            "Digitale Netze",
            "Digital networks",
            "Infrastrukturausbau",
            1,
            "Netze für alle",
            None,
            "WLAN; Glasfaser",
            None,
        ],
    ],
    "goals": [
        ["vision", "Vernetzte Stadt", None, "Zielbild", None, None, None, None, None],
        ["online", "Alle Menschen online", None, None, "vision", "9; 11", None, None, None],
    ],
    "dependencies": [["laden", "wlan"]],
    "sources": [
        [
            "vorlage-1",
            "Vorlage 2024/017",
            None,
            "Vorlage",
            "2024-02-01",
            "https://ris.beispielstadt.example/2024-017",
            None,
            None,
        ],
        ["interview-it", "Interview mit der IT", None, "Interview", 2024, None, None, None],
    ],
}

EXPECTED = """
@prefix actor: <https://w3id.org/sckg/id/beispielstadt/actor/> .
@prefix project: <https://w3id.org/sckg/id/beispielstadt/project/> .
@prefix cityfield: <https://w3id.org/sckg/id/beispielstadt/field/> .
@prefix goal: <https://w3id.org/sckg/id/beispielstadt/goal/> .
@prefix source: <https://w3id.org/sckg/id/beispielstadt/source/> .
@prefix budget: <https://w3id.org/sckg/id/beispielstadt/budget/> .
@prefix city: <https://w3id.org/sckg/id/beispielstadt/> .

actor:stadt a org:FormalOrganization , oparl:Body ; org:classification kind:city-administration ;
    rdfs:label "Stadt Beispielstadt"@de , "City of Beispielstadt"@en ; sckg:documentedIn\
 source:inventory-xlsx .
actor:dez-2 a org:OrganizationalUnit ; org:classification kind:dezernat ; rdfs:label "Dezernat\
 II"@de ;
    org:unitOf actor:stadt ; dcterms:identifier "0200" ; skos:altLabel "Dez. II"@de ,\
 "Digitaldezernat"@de ;
    sckg:documentedIn source:vorlage-1 .
actor:stadtwerke a org:FormalOrganization ; org:classification kind:municipal-company ;
    rdfs:label "Stadtwerke Beispielstadt GmbH"@de ; sckg:ownedBy actor:stadt ; sckg:partnerOf\
 actor:dez-2 ;
    sckg:publiclyOwned true ; rdfs:comment "fiktiv"@de ; sckg:documentedIn source:inventory-xlsx .
actor:lenkung a org:Organization , oparl:Organization ; org:classification kind:steering-group ;
    rdfs:label "Lenkungskreis"@de , "Steering group"@en ; adms:status status:to-be-established ;
    sckg:documentedIn source:inventory-xlsx .

project:wlan a sckg:Project ; dcterms:title "Öffentliches WLAN"@de , "Public Wi-Fi"@en ;
    rdfs:label "Öffentliches WLAN"@de , "Public Wi-Fi"@en ; dcterms:description "WLAN in der\
 Innenstadt"@de ;
    sckg:managedBy actor:dez-2 ; sckg:hasParticipant actor:stadtwerke ;
    sckg:inFieldOfAction cityfield:netze , field:smart-mobility ; sckg:contributesTo goal:online ;
    adms:status status:running ; schema:startDate "2024-03-01"^^xsd:date ; schema:endDate\
 "2025-12-31"^^xsd:date ;
    sckg:hasBudget budget:wlan ; sckg:fundedBy actor:stadt ; sckg:awardProcedure\
 "Inhouse-Vergabe"@de ;
    sckg:documentedIn source:vorlage-1 , source:interview-it .
budget:wlan a schema:MonetaryAmount ; schema:value "250000.5"^^xsd:decimal ; schema:currency "EUR" ;
    sckg:includesVAT true ; rdfs:label "Budget: Öffentliches WLAN"@de ;
    sckg:documentedIn source:vorlage-1 , source:interview-it .
project:laden a sckg:Project ; dcterms:title "Ladesäulen"@de ; rdfs:label "Ladesäulen"@de ;
    sckg:managedBy actor:stadtwerke ; adms:status status:planned ; sckg:hasBudget budget:laden ;
    sckg:dependsOn project:wlan ; sckg:documentedIn source:inventory-xlsx .
budget:laden a schema:MonetaryAmount ; schema:value "120000"^^xsd:decimal ; schema:currency "EUR" ;
    rdfs:label "Budget: Ladesäulen"@de ; sckg:documentedIn source:inventory-xlsx .

cityfield:netze a sckg:FieldOfAction , skos:Concept ; skos:prefLabel "Digitale Netze"@de ,\
 "Digital networks"@en ;
    skos:exactMatch field:infrastructure ; sckg:priority 1 ; skos:definition "Netze für alle"@de ;
    skos:hiddenLabel "WLAN"@de , "Glasfaser"@de ; skos:inScheme city:fields ; skos:topConceptOf\
 city:fields ;
    sckg:documentedIn source:inventory-xlsx .
city:fields a skos:ConceptScheme ; skos:prefLabel "Handlungsfelder"@de , "Fields of action"@en ;
    rdfs:label "Handlungsfelder"@de , "Fields of action"@en ; skos:hasTopConcept cityfield:netze .

goal:vision a sckg:Vision , skos:Concept ; skos:prefLabel "Vernetzte Stadt"@de ; skos:inScheme\
 city:goals ;
    skos:topConceptOf city:goals ; sckg:documentedIn source:inventory-xlsx .
goal:online a sckg:StrategicGoal , skos:Concept ; skos:prefLabel "Alle Menschen online"@de ;
    skos:inScheme city:goals ; skos:broader goal:vision ;
    skos:closeMatch <http://metadata.un.org/sdg/9> , <http://metadata.un.org/sdg/11> ;
    sckg:documentedIn source:inventory-xlsx .
city:goals a skos:ConceptScheme ; skos:prefLabel "Ziele"@de , "Goals"@en ; rdfs:label "Ziele"@de ,\
 "Goals"@en ;
    skos:hasTopConcept goal:vision .

source:vorlage-1 a prov:Entity , oparl:Paper ; dcterms:title "Vorlage 2024/017"@de ;
    rdfs:label "Vorlage 2024/017"@de ; dcterms:date "2024-02-01"^^xsd:date ;
    schema:url <https://ris.beispielstadt.example/2024-017> .
source:interview-it a prov:Entity , sckg:InterviewRecord ; dcterms:title "Interview mit der IT"@de ;
    rdfs:label "Interview mit der IT"@de ; dcterms:date "2024"^^xsd:gYear .
source:inventory-xlsx a prov:Entity ; dcterms:title "Tabelle inventory.xlsx"@de , "Spreadsheet\
 inventory.xlsx"@en ;
    rdfs:label "Tabelle inventory.xlsx"@de , "Spreadsheet inventory.xlsx"@en .
"""


def _workbook(path: Path, rows: dict[str, list[list[object]]]) -> Path:
    path.write_bytes(workbook_bytes(rows, help_rows(choice_text())))
    return path


def _triples(turtle_text: str) -> set[ox.Triple]:
    return set(ox.parse(PREFIXES + turtle_text, format=ox.RdfFormat.TURTLE))


def _nt(triples: set[ox.Triple]) -> list[str]:
    return sorted(ox.serialize(list(triples), format=ox.RdfFormat.N_TRIPLES).decode().splitlines())


@pytest.fixture
def filled(tmp_path: Path) -> Path:
    return _workbook(tmp_path / "inventory.xlsx", FILLED)


# --- the template ---------------------------------------------------------------------------------


def test_committed_templates_are_what_write_template_makes(tmp_path: Path) -> None:
    committed = resources.data_dir() / "templates"
    written = write_template(tmp_path)
    assert sorted(p.name for p in written) == sorted(
        ["inventory.xlsx", "Help.csv", *(f"{s.name}.csv" for s in SHEETS)]
    )
    for path in written:
        if path.suffix == ".csv":
            assert (committed / path.name).read_bytes() == path.read_bytes(), path.name
    fresh, shipped = (
        load_workbook(tmp_path / "inventory.xlsx"),
        load_workbook(committed / "inventory.xlsx"),
    )
    assert fresh.sheetnames == shipped.sheetnames == [s.name for s in SHEETS] + ["Hilfe - Help"]
    for name in fresh.sheetnames:
        assert [list(r) for r in fresh[name].values] == [list(r) for r in shipped[name].values], (
            name
        )


def test_template_headers_are_german_and_english_and_every_column_is_documented() -> None:
    projects = next(s for s in SHEETS if s.key == "projects")
    assert [c.header for c in projects.columns][:6] == [
        "Kennung / ID",
        "Titel (de) / Title (de)",
        "Titel (en) / Title (en)",
        "Beschreibung (de) / Description (de)",
        "Beschreibung (en) / Description (en)",
        "Federführung / Managed by",
    ]
    rows = help_rows(choice_text())
    assert rows[0] == [
        "Blatt / Sheet",
        "Spalte / Column",
        "Pflicht / Required",
        "Erläuterung (de)",
        "Explanation (en)",
        "Werte / Values",
    ]
    documented = {(r[0], r[1]) for r in rows[1:] if r[1]}
    assert documented == {(s.name, c.header) for s in SHEETS for c in s.columns}
    assert all(r[3] and r[4] for r in rows[1:])
    status = next(r for r in rows if r[:2] == ["Projects", "Status"])
    assert status[5].startswith("beantragt (proposed), geplant (planned), laufend (running)")


# --- a filled template ----------------------------------------------------------------------------


def test_filled_template_imports_to_exact_triples(filled: Path) -> None:
    result = import_table(filled, "beispielstadt")
    assert _nt(set(result.triples)) == _nt(_triples(EXPECTED))
    assert result.counts == {
        "Actors": 4,
        "Projects": 2,
        "FieldsOfAction": 1,
        "Goals": 2,
        "Dependencies": 1,
        "Sources": 2,
    }


def test_csv_folder_with_german_headers_and_semicolons_gives_the_same_triples(
    filled: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "inventory.xlsx"  # same name, so the fallback source is the same
    filled.rename(tmp_path / "book.xlsx")
    folder.mkdir()
    book = load_workbook(tmp_path / "book.xlsx")
    for sheet in SHEETS:
        rows = [list(r) for r in book[sheet.name].values]
        rows[0] = [c.de for c in sheet.columns]  # German header words only
        with (folder / f"{sheet.de}.csv").open("w", encoding="cp1252", newline="") as handle:
            writer = csv.writer(handle, delimiter=";")
            writer.writerows(
                [
                    [
                        ""
                        if v is None
                        else v.strftime("%d.%m.%Y")
                        if isinstance(v, dt.datetime)
                        else v
                        for v in row
                    ]
                    for row in rows
                ]
            )
    assert _nt(set(import_table(folder, "beispielstadt").triples)) == _nt(_triples(EXPECTED))


def test_import_is_idempotent(filled: Path, tmp_path: Path) -> None:
    first = turtle(import_table(filled, "beispielstadt").triples)
    assert turtle(import_table(filled, "beispielstadt").triples) == first


def test_cli_writes_turtle(filled: Path, tmp_path: Path) -> None:
    out = tmp_path / "out" / "inventory.ttl"
    result = runner.invoke(
        app, ["import", "table", str(filled), "--city", "beispielstadt", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        f"Wrote {out} (122 triples) from 12 rows (Actors 4, Projects 2, FieldsOfAction 1, Goals "
        "2, Dependencies 1, Sources 2).\n"
    )
    german = runner.invoke(
        app,
        ["import", "table", str(filled), "--city", "beispielstadt", "--out", str(out)],
        env={"LANG": "de_DE.UTF-8"},
    )
    assert german.stderr == (
        f"Geschrieben: {out} (122 Tripel) aus 12 Zeilen (Akteure 4, Projekte 2, Handlungsfelder "
        "1, Ziele 2, Abhängigkeiten 1, Quellen 2).\n"
    )
    assert _nt(set(ox.parse(path=str(out), format=ox.RdfFormat.TURTLE))) == _nt(_triples(EXPECTED))


# --- bad rows -------------------------------------------------------------------------------------


def _with(sheet: str, row: int, column: int, value: object) -> dict[str, list[list[object]]]:
    rows = {key: [list(r) for r in values] for key, values in FILLED.items()}
    rows[sheet][row][column] = value
    return rows


W = "inventory.xlsx, sheet"
BAD_ROWS = [
    (
        "required",
        _with("projects", 1, 1, None),
        f"{W} Projects, row 3, column B 'Titel (de) / Title (de)': got nothing, expected a value "
        "(the column is required)",
    ),
    (
        "id",
        _with("actors", 3, 0, "lenkungs kreis"),
        f"{W} Actors, row 5, column A 'Kennung / ID': got 'lenkungs kreis', expected an ID of "
        "letters, digits and - _ . ~ (e.g. wlan-innenstadt, or folder/name like budget/wlan) or a "
        "full IRI",
    ),
    (
        "duplicate",
        _with("actors", 3, 0, "stadtwerke"),
        f"{W} Actors, row 5, column A 'Kennung / ID': got 'stadtwerke', expected an ID not used "
        "before in this sheet (row 4 has it too)",
    ),
    (
        "reference",
        _with("projects", 0, 5, "dez-9"),
        f"{W} Projects, row 2, column F 'Federführung / Managed by': got 'dez-9', expected the ID "
        "or name of a row in sheet Actors, or an IRI",
    ),
    (
        "field",
        _with("projects", 0, 8, "netze; Verkehr"),
        f"{W} Projects, row 2, column I 'Handlungsfelder / Fields of action': got 'Verkehr', "
        "expected the ID or name of a row in sheet FieldsOfAction, a reference field like "
        "smart-mobility, or an IRI",
    ),
    (
        "date",
        _with("projects", 0, 12, "Ende 2025"),
        f"{W} Projects, row 2, column M 'Ende / End': got 'Ende 2025', expected a date like "
        "2024-03-31 or 31.03.2024",
    ),
    (
        "impossible date",
        _with("projects", 0, 12, "31.02.2025"),
        f"{W} Projects, row 2, column M 'Ende / End': got '31.02.2025', expected a date like "
        "2024-03-31 or 31.03.2024",
    ),
    *[
        (
            f"amount {text}",
            _with("projects", 0, 13, text),
            f"{W} Projects, row 2, column N 'Budget (EUR)': got '{text}', expected an amount in "
            "euros like 250000, 1.250,50 or 1,250.50",
        )
        for text in ("ca. 250.000 €", "25.00.000", "-5", "1e5")
    ],
    (
        "yes/no",
        _with("projects", 0, 14, "vielleicht"),
        f"{W} Projects, row 2, column O 'inkl. MwSt. / Incl. VAT': got 'vielleicht', expected "
        "ja/nein or yes/no",
    ),
    (
        "status",
        _with("projects", 0, 10, "läuft"),
        f"{W} Projects, row 2, column K 'Status': got 'läuft', expected a status: beantragt "
        "(proposed), geplant (planned), laufend (running), abgeschlossen (completed), beschlossen "
        "(decided), ruhend (on-hold), einzurichten (to-be-established)",
    ),
    (
        "kind",
        _with("actors", 1, 3, "Referat"),
        f"{W} Actors, row 3, column D 'Art / Kind': got 'Referat', expected a kind of actor: "
        "Stadtverwaltung (city-administration), Rat (council), Ausschuss (committee), "
        "Lenkungsgruppe (steering-group), Koordinationsgremium (coordination-body), Dezernat "
        "(dezernat), Stabsstelle (stabsstelle), Fachbereich (fachbereich), Amt (amt), "
        "Eigenbetrieb (eigenbetrieb), Städtische Gesellschaft (municipal-company), Auftragnehmer "
        "(contractor), Forschungseinrichtung (research-institution), Externer Partner "
        "(external-partner), Fraktion (party-group), Partei (party), Verwaltungsbereich "
        "(administration-area), Externes Gremium (external-body), Organisationseinheit (unit)",
    ),
    (
        "priority",
        _with("fields", 0, 4, 0),
        f"{W} FieldsOfAction, row 2, column E 'Priorität / Priority': got '0', expected a whole "
        "number from 1 upwards",
    ),
    (
        "sdg",
        _with("goals", 1, 5, "11; 18"),
        f"{W} Goals, row 3, column F 'SDG': got '11; 18', expected SDG numbers from 1 to 17, e.g. "
        "11",
    ),
    (
        "url",
        _with("sources", 0, 5, "ris.beispielstadt.example"),
        f"{W} Sources, row 2, column F 'Link / URL': got 'ris.beispielstadt.example', expected a "
        "web address like https://example.org/page",
    ),
    (
        "self-dependency",
        _with("dependencies", 0, 1, "laden"),
        f"{W} Dependencies, row 2, column B 'Hängt ab von / Depends on': got 'laden', expected a "
        "different project (a project cannot depend on itself)",
    ),
]


@pytest.mark.parametrize(
    ("rows", "message"), [case[1:] for case in BAD_ROWS], ids=[c[0] for c in BAD_ROWS]
)
def test_each_kind_of_bad_row_has_its_exact_message_and_writes_nothing(
    tmp_path: Path, rows: dict[str, list[list[object]]], message: str
) -> None:
    book = _workbook(tmp_path / "inventory.xlsx", rows)
    with pytest.raises(TableError) as caught:
        import_table(book, "beispielstadt")
    assert [str(e) for e in caught.value.errors] == [message]
    out = tmp_path / "out.ttl"
    result = runner.invoke(
        app, ["import", "table", str(book), "--city", "beispielstadt", "--out", str(out)]
    )
    assert result.exit_code == 1
    assert result.stderr == f"Error: 1 error in the spreadsheet; nothing was written:\n{message}\n"
    assert not out.exists()


def test_ambiguous_name_is_reported_with_the_rows() -> None:
    rows = _with("actors", 3, 1, "Stadt Beispielstadt")
    error = _errors(rows)
    assert error == [
        f"{W} Actors, row 3, column E 'Teil von / Unit of': got 'Stadt Beispielstadt', expected a "
        "unique name; it names several rows of sheet Actors (rows 2, 5): use the ID"
    ]


def _errors(rows: dict[str, list[list[object]]]) -> list[str]:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        book = _workbook(Path(folder) / "inventory.xlsx", rows)
        try:
            import_table(book, "beispielstadt")
        except TableError as exc:
            return [str(e) for e in exc.errors]
    return []


def test_sheet_and_column_problems(tmp_path: Path) -> None:
    from openpyxl import load_workbook as load

    book = _workbook(tmp_path / "inventory.xlsx", FILLED)
    wb = load(book)
    wb["Projects"]["B1"] = "Projekttitel"
    wb["Goals"]["C1"] = None  # an unnamed column is ignored when empty
    wb.create_sheet("Notizen")
    wb.create_sheet("_meine Notizen")
    wb.save(book)
    with pytest.raises(TableError) as caught:
        import_table(book, "beispielstadt")
    headers = ", ".join(c.header for c in SHEETS[1].columns)
    assert [str(e) for e in caught.value.errors] == [
        f"{W} Projects, row 1, column 'Titel (de) / Title (de)': got nothing, expected this "
        "required column in the header row",
        f"{W} Projects, row 1, column B 'Projekttitel': got 'Projekttitel', expected a column of "
        f"the template: {headers}",
        f"{W} Notizen: got 'Notizen', expected a sheet named Actors, Projects, FieldsOfAction, "
        "Goals, Dependencies, Sources, Programmes, Budgets, Decisions, Meetings, Consultations, "
        "Work, Milestones, People, Schemes, Dataset, Interviews, Statements, Workshops, Votes (or "
        "in "
        "German); start a sheet's name with _ to have it ignored",
    ]


def test_all_errors_of_a_file_are_reported_at_once() -> None:
    rows = _with("projects", 0, 10, "läuft")
    rows["actors"][1][4] = "Stadt Nirgendwo"
    rows["sources"][1][4] = "irgendwann"
    errors = _errors(rows)
    assert [
        e.split(": got")[0] for e in errors
    ] == [  # in reading order, though found in different passes
        f"{W} Actors, row 3, column E 'Teil von / Unit of'",
        f"{W} Projects, row 2, column K 'Status'",
        f"{W} Sources, row 3, column E 'Datum / Date'",
    ]


#: A workbook with every kind of error the table import reports: sheets, header cells, cells, rows
#: and references (sheet → rows, the header row first).
EVERY_ERROR: dict[str, list[list[object]]] = {
    "Actors": [
        ["Kennung", "Name (de)", "Art", "Teil von", "Rein öffentlich", "Name (de)", "Farbe"],
        ["stadt", "Stadt Beispielstadt", "Stadtverwaltung", None, "ja"],
        ["amt", "Amt für Digitales", "amt", "Stadt", "vielleicht"],
        ["amt-2", "Amt für Digitales", "Referat"],
        ["stadt", "Stadt Zwei"],
        ["lenkungs kreis", "Lenkungskreis"],
        ["ohne-name"],
        ["rat", "Rat", None, "Amt für Digitales"],
        ["presse", "Presseamt", None, "https://example.org/{stadt}"],
    ],
    "Akteure": [["Kennung", "Name (de)"], ["doppelt", "Doppelt"]],
    "Projects": [
        [
            "Kennung",
            "Titel (de)",
            "Federführung",
            "Handlungsfelder",
            "Status",
            "Beginn",
            "Ende",
            "Budget (EUR)",
            "Finanziert von",
        ],
        ["wlan", "WLAN", "stadt", "smart-mobility", "laufend", "01.03.2024", "31.12.2023", "1.250"],
        ["laden", "Ladesäulen", "Stadtwerke", "Verkehr", "läuft", "März 2024", None, "abc", "Bank"],
        ["formel", "Formel", None, None, None, None, None, "=1000*2"],
    ],
    "FieldsOfAction": [
        ["Kennung", "Name (de)", "Referenz-Handlungsfeld", "Priorität"],
        ["netze", "Netze", "Verkehrswende", 0],
    ],
    "Goals": [["Kennung", "SDG"], ["ziel", "11; 18"]],
    "Sources": [
        ["Kennung", "Titel (de)", "Datum", "Link"],
        ["q1", "Quelle", "irgendwann", "ris.beispielstadt.example"],
    ],
    "Dependencies": [["Projekt", "Hängt ab von"], ["wlan", "wlan"]],
    "Budgets": [["Kennung", "Name (de)", "Art", "Betrag"], ["b1", "Budget WLAN", "Betrag"]],
    "Notizen": [["Was", "Wer"]],
}
ACTOR_COLUMNS = (
    "Kennung / ID, Name (de), Name (en), Art / Kind, Teil von / Unit of, Eigentümer / Owned by, "
    "Partner von / Partner of, Rein öffentlich / Publicly owned, Kennziffer / Identifier, Status, "
    "Weitere Namen (de) / Other names (de), Weitere Namen (en) / Other names (en), "
    "Bemerkung (de) / Comment (de), Bemerkung (en) / Comment (en), Quellen / Sources"
)
KINDS = (
    "Stadtverwaltung (city-administration), Rat (council), Ausschuss (committee), Lenkungsgruppe "
    "(steering-group), Koordinationsgremium (coordination-body), Dezernat (dezernat), Stabsstelle "
    "(stabsstelle), Fachbereich (fachbereich), Amt (amt), Eigenbetrieb (eigenbetrieb), Städtische "
    "Gesellschaft (municipal-company), Auftragnehmer (contractor), Forschungseinrichtung "
    "(research-institution), Externer Partner (external-partner), Fraktion (party-group), Partei "
    "(party), Verwaltungsbereich (administration-area), Externes Gremium (external-body), "
    "Organisationseinheit (unit)"
)
STATUSES = (
    "beantragt (proposed), geplant (planned), laufend (running), abgeschlossen (completed), "
    "beschlossen (decided), ruhend (on-hold), einzurichten (to-be-established)"
)
REFERENCE_FIELDS = (
    "E-Government (e-government), Infrastrukturausbau (infrastructure), Digitale Bildung "
    "(digital-education), Kommunikation und Bürgerdialog (citizen-dialogue), Industrie und "
    "Wirtschaft 4.0 (industry-4-0), Smart Mobility (smart-mobility), Nachhaltigkeit "
    "(sustainability), Smart Living (smart-living), Energie (energy), Gesundheit (health), "
    "Sicherheit und Ordnung (security), Kultur und Tourismus (culture-tourism)"
)
SHEET_NAMES = (
    "Actors, Projects, FieldsOfAction, Goals, Dependencies, Sources, Programmes, Budgets, "
    "Decisions, Meetings, Consultations, Work, Milestones, People, Schemes, Dataset, Interviews, "
    "Statements, Workshops, Votes"
)
A, P = "inventar.xlsx, Blatt Actors", "inventar.xlsx, Blatt Projects"
#: What a German city administration reads for :data:`EVERY_ERROR`: every word German but the
#: names of sheets, columns and values as the workbook has them.
EVERY_ERROR_DE = [
    "Fehler: 29 Fehler in der Tabelle; nichts wurde geschrieben:",
    f"{A}, Zeile 1, Spalte F 'Name (de)': 'Name (de)' gefunden, erwartet: jede Spalte nur einmal "
    "(die Spalte 'Name (de)' gibt es schon)",
    f"{A}, Zeile 1, Spalte G 'Farbe': 'Farbe' gefunden, erwartet: eine Spalte der Vorlage: "
    f"{ACTOR_COLUMNS}",
    f"{A}, Zeile 3, Spalte D 'Teil von': 'Stadt' gefunden, erwartet: die Kennung oder der Name "
    "einer Zeile im Blatt Akteure oder eine IRI",
    f"{A}, Zeile 3, Spalte E 'Rein öffentlich': 'vielleicht' gefunden, erwartet: ja/nein oder "
    "yes/no",
    f"{A}, Zeile 4, Spalte C 'Art': 'Referat' gefunden, erwartet: eine Art von Akteur: {KINDS}",
    f"{A}, Zeile 5, Spalte A 'Kennung': 'stadt' gefunden, erwartet: eine Kennung, die in diesem "
    "Blatt noch nicht vorkommt (Zeile 2 hat sie schon)",
    f"{A}, Zeile 6, Spalte A 'Kennung': 'lenkungs kreis' gefunden, erwartet: eine Kennung aus "
    "Buchstaben, Ziffern und - _ . ~ (z. B. wlan-innenstadt, oder Ordner/Name wie budget/wlan) "
    "oder eine vollständige IRI",
    f"{A}, Zeile 7, Spalte B 'Name (de)': nichts gefunden, erwartet: ein Wert (die Spalte ist "
    "Pflicht)",
    f"{A}, Zeile 8, Spalte D 'Teil von': 'Amt für Digitales' gefunden, erwartet: ein eindeutiger "
    "Name; er passt auf mehrere Zeilen im Blatt Akteure (Zeilen 3, 4): die Kennung angeben",
    f"{A}, Zeile 9, Spalte D 'Teil von': 'https://example.org/{{stadt}}' gefunden, erwartet: eine "
    "Kennung aus Buchstaben, Ziffern und - _ . ~ (z. B. wlan-innenstadt, oder Ordner/Name wie "
    "budget/wlan) oder eine vollständige IRI",
    "inventar.xlsx, Blatt Akteure: 'Akteure' gefunden, erwartet: das Blatt Akteure nur einmal (es "
    "ist schon als Blatt Actors da)",
    f"{P}, Zeile 2, Spalte G 'Ende': '31.12.2023' gefunden, erwartet: ein Datum ab dem Beginn "
    "(Spalte F 'Beginn': '01.03.2024'); eines der Daten korrigieren oder sie tauschen",
    f"{P}, Zeile 2, Spalte H 'Budget (EUR)': '1.250' gefunden, erwartet: ein eindeutiger Betrag: "
    "in deutscher Schreibweise 1250, in englischer 1,25, und nichts sonst in der Datei zeigt, "
    "welche gemeint ist (ohne Tausendertrennzeichen schreiben oder mit zwei Nachkommastellen: "
    "1.250,00 oder 1,250.00)",
    f"{P}, Zeile 3, Spalte C 'Federführung': 'Stadtwerke' gefunden, erwartet: die Kennung oder der "
    "Name einer Zeile im Blatt Akteure oder eine IRI",
    f"{P}, Zeile 3, Spalte D 'Handlungsfelder': 'Verkehr' gefunden, erwartet: die Kennung oder der "
    "Name einer Zeile im Blatt Handlungsfelder, ein Referenz-Handlungsfeld wie smart-mobility "
    "oder eine IRI",
    f"{P}, Zeile 3, Spalte E 'Status': 'läuft' gefunden, erwartet: ein Status: {STATUSES}",
    f"{P}, Zeile 3, Spalte F 'Beginn': 'März 2024' gefunden, erwartet: ein Datum wie 2024-03-31 "
    "oder 31.03.2024",
    f"{P}, Zeile 3, Spalte H 'Budget (EUR)': 'abc' gefunden, erwartet: ein Betrag in Euro wie "
    "250000, 1.250,50 oder 1,250.50",
    f"{P}, Zeile 3, Spalte I 'Finanziert von': 'Bank' gefunden, erwartet: die Kennung oder der "
    "Name einer Zeile im Blatt Akteure oder Budgets oder eine IRI",
    f"{P}, Zeile 4, Spalte H 'Budget (EUR)': '=1000*2' gefunden, erwartet: ein Wert, keine Formel "
    "ohne ihren berechneten Wert (die Datei hat ein Programm geschrieben, keine "
    "Tabellenkalkulation gespeichert): die Datei in Excel oder LibreOffice öffnen und speichern "
    "oder die Werte an Stelle der Formeln einfügen",
    "inventar.xlsx, Blatt FieldsOfAction, Zeile 2, Spalte C 'Referenz-Handlungsfeld': "
    f"'Verkehrswende' gefunden, erwartet: ein Referenz-Handlungsfeld: {REFERENCE_FIELDS}",
    "inventar.xlsx, Blatt FieldsOfAction, Zeile 2, Spalte D 'Priorität': '0' gefunden, erwartet: "
    "eine ganze Zahl ab 1",
    "inventar.xlsx, Blatt Goals, Zeile 1, Spalte 'Name (de)': nichts gefunden, erwartet: diese "
    "Pflichtspalte in der Kopfzeile",
    "inventar.xlsx, Blatt Goals, Zeile 2, Spalte B 'SDG': '11; 18' gefunden, erwartet: "
    "SDG-Nummern von 1 bis 17, z. B. 11",
    "inventar.xlsx, Blatt Sources, Zeile 2, Spalte C 'Datum': 'irgendwann' gefunden, erwartet: "
    "ein Datum wie 2018-10-26 oder 26.10.2018, oder ein Jahr wie 2015",
    "inventar.xlsx, Blatt Sources, Zeile 2, Spalte D 'Link': 'ris.beispielstadt.example' "
    "gefunden, erwartet: eine Webadresse wie https://example.org/seite",
    "inventar.xlsx, Blatt Dependencies, Zeile 2, Spalte B 'Hängt ab von': 'wlan' gefunden, "
    "erwartet: ein anderes Projekt (ein Projekt kann nicht von sich selbst abhängen)",
    "inventar.xlsx, Blatt Budgets, Zeile 2, Spalte D 'Betrag': nichts gefunden, erwartet: ein "
    "Betrag (eine Zeile der Art Betrag braucht einen; ihn eintragen oder die Art Haushaltsansatz "
    "wählen)",
    "inventar.xlsx, Blatt Notizen: 'Notizen' gefunden, erwartet: ein Blatt namens "
    f"{SHEET_NAMES} (oder mit seinem deutschen Namen, z. B. Akteure); ein Blatt, dessen Name mit _ "
    "beginnt, wird übergangen",
]
A, P = "inventar.xlsx, sheet Actors", "inventar.xlsx, sheet Projects"
#: :data:`EVERY_ERROR` in English, as before the German texts.
EVERY_ERROR_EN = [
    "Error: 29 errors in the spreadsheet; nothing was written:",
    f"{A}, row 1, column F 'Name (de)': got 'Name (de)', expected each column once (the column "
    "'Name (de)' is there already)",
    f"{A}, row 1, column G 'Farbe': got 'Farbe', expected a column of the template: "
    f"{ACTOR_COLUMNS}",
    f"{A}, row 3, column D 'Teil von': got 'Stadt', expected the ID or name of a row in sheet "
    "Actors, or an IRI",
    f"{A}, row 3, column E 'Rein öffentlich': got 'vielleicht', expected ja/nein or yes/no",
    f"{A}, row 4, column C 'Art': got 'Referat', expected a kind of actor: {KINDS}",
    f"{A}, row 5, column A 'Kennung': got 'stadt', expected an ID not used before in this sheet "
    "(row 2 has it too)",
    f"{A}, row 6, column A 'Kennung': got 'lenkungs kreis', expected an ID of letters, digits and "
    "- _ . ~ (e.g. wlan-innenstadt, or folder/name like budget/wlan) or a full IRI",
    f"{A}, row 7, column B 'Name (de)': got nothing, expected a value (the column is required)",
    f"{A}, row 8, column D 'Teil von': got 'Amt für Digitales', expected a unique name; it names "
    "several rows of sheet Actors (rows 3, 4): use the ID",
    f"{A}, row 9, column D 'Teil von': got 'https://example.org/{{stadt}}', expected an ID of "
    "letters, digits and - _ . ~ (e.g. wlan-innenstadt, or folder/name like budget/wlan) or a "
    "full IRI",
    "inventar.xlsx, sheet Akteure: got 'Akteure', expected the sheet Actors once (it is in Actors)",
    f"{P}, row 2, column G 'Ende': got '31.12.2023', expected a date on or after the start "
    "(column F 'Beginn': '01.03.2024'); correct one of the dates or swap them",
    f"{P}, row 2, column H 'Budget (EUR)': got '1.250', expected an amount that reads one way "
    "only: 1250 in German notation or 1.25 in English, and nothing else in the file says which "
    "(write it without thousands separators, or with two decimals: 1.250,00 or 1,250.00)",
    f"{P}, row 3, column C 'Federführung': got 'Stadtwerke', expected the ID or name of a row in "
    "sheet Actors, or an IRI",
    f"{P}, row 3, column D 'Handlungsfelder': got 'Verkehr', expected the ID or name of a row in "
    "sheet FieldsOfAction, a reference field like smart-mobility, or an IRI",
    f"{P}, row 3, column E 'Status': got 'läuft', expected a status: {STATUSES}",
    f"{P}, row 3, column F 'Beginn': got 'März 2024', expected a date like 2024-03-31 or "
    "31.03.2024",
    f"{P}, row 3, column H 'Budget (EUR)': got 'abc', expected an amount in euros like 250000, "
    "1.250,50 or 1,250.50",
    f"{P}, row 3, column I 'Finanziert von': got 'Bank', expected the ID or name of a row in sheet "
    "Actors or Budgets, or an IRI",
    f"{P}, row 4, column H 'Budget (EUR)': got '=1000*2', expected a value, not a formula without "
    "its computed value (the file was written by a program, not saved by a spreadsheet): open and "
    "save the file in Excel or LibreOffice, or paste the values in place of the formulas",
    "inventar.xlsx, sheet FieldsOfAction, row 2, column C 'Referenz-Handlungsfeld': got "
    f"'Verkehrswende', expected a reference field: {REFERENCE_FIELDS}",
    "inventar.xlsx, sheet FieldsOfAction, row 2, column D 'Priorität': got '0', expected a whole "
    "number from 1 upwards",
    "inventar.xlsx, sheet Goals, row 1, column 'Name (de)': got nothing, expected this required "
    "column in the header row",
    "inventar.xlsx, sheet Goals, row 2, column B 'SDG': got '11; 18', expected SDG numbers from 1 "
    "to 17, e.g. 11",
    "inventar.xlsx, sheet Sources, row 2, column C 'Datum': got 'irgendwann', expected a date "
    "like 2018-10-26 or 26.10.2018, or a year like 2015",
    "inventar.xlsx, sheet Sources, row 2, column D 'Link': got 'ris.beispielstadt.example', "
    "expected a web address like https://example.org/page",
    "inventar.xlsx, sheet Dependencies, row 2, column B 'Hängt ab von': got 'wlan', expected a "
    "different project (a project cannot depend on itself)",
    "inventar.xlsx, sheet Budgets, row 2, column D 'Betrag': got nothing, expected an amount (a "
    "budget row of type Betrag (amount) needs one; write it, or set the type to Haushaltsansatz "
    "(budget line))",
    f"inventar.xlsx, sheet Notizen: got 'Notizen', expected a sheet named {SHEET_NAMES} (or in "
    "German); start a sheet's name with _ to have it ignored",
]


def test_every_kind_of_error_speaks_german_in_german_and_english_in_english(
    tmp_path: Path,
) -> None:
    """Every kind of error the table import reports (sheets, header cells, cells, rows,
    references): German through and through with a German locale, English as before without."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for name, rows in EVERY_ERROR.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)  # "=1000*2": a formula without its value, as openpyxl writes it
    path = tmp_path / "inventar.xlsx"
    book.save(path)
    out = tmp_path / "out.ttl"
    args = ["import", "table", str(path), "--city", "beispielstadt", "--out", str(out)]
    german = runner.invoke(app, args, env={"LANG": "de_DE.UTF-8"})
    assert (german.exit_code, german.stderr.splitlines()) == (1, EVERY_ERROR_DE)
    english = runner.invoke(app, args)
    assert (english.exit_code, english.stderr.splitlines()) == (1, EVERY_ERROR_EN)
    assert not out.exists()


# --- export to the template and back --------------------------------------------------------------


def test_export_then_import_round_trips(filled: Path, tmp_path: Path) -> None:
    first = import_table(filled, "beispielstadt")
    write_turtle(first.triples, tmp_path / "first.ttl")
    exported = export_graph(KnowledgeGraph.open([tmp_path / "first.ttl"]), "xlsx")["inventory.xlsx"]
    (tmp_path / "exported.xlsx").write_bytes(exported)
    again = import_table(tmp_path / "exported.xlsx", "beispielstadt")
    assert _nt(set(again.triples)) == _nt(set(first.triples))


def test_export_of_the_bundled_data_is_a_fixed_point(
    braunschweig: KnowledgeGraph, tmp_path: Path
) -> None:
    (tmp_path / "bs.xlsx").write_bytes(export_graph(braunschweig, "xlsx")["inventory.xlsx"])
    write_turtle(import_table(tmp_path / "bs.xlsx", "braunschweig").triples, tmp_path / "bs.ttl")
    (tmp_path / "again.xlsx").write_bytes(
        export_graph(KnowledgeGraph.open([tmp_path / "bs.ttl"]), "xlsx")["inventory.xlsx"]
    )
    first, second = load_workbook(tmp_path / "bs.xlsx"), load_workbook(tmp_path / "again.xlsx")
    for sheet in SHEETS:
        assert [list(r) for r in first[sheet.name].values] == [
            list(r) for r in second[sheet.name].values
        ]
    projects = [list(r) for r in first["Projects"].values]
    assert [r[0] for r in projects[1:]] == [
        "forschungsvorhaben",
        "handyparken",
        "ladeinfrastruktur-elektrofahrzeuge",
        "smart-city-rahmenkonzept",
        "wlan-innenstadt",
    ]
    frame = projects[4]
    assert frame[5:8] == ["stabsstelle-0800", None, "pd-gmbh"]
    assert (
        frame[10] == "beantragt"
        and frame[13] is None
        and frame[15] == "haushaltsansatz-wlan-smart-city"
    )
    assert frame[19:] == [
        "paper/2018-smart-city-rahmenkonzept",
        "smart-city",
        None,
        None,
        None,
        None,
        *[None] * 6,  # the legal frame: the paper records none of it
    ]
    budgets = [list(r) for r in first["Budgets"].values]
    assert budgets[2][:8] == [
        "rahmenkonzept",
        "Betrag",
        "Auftragsvolumen Smart City Rahmenkonzept (brutto)",
        "Contract volume of the Smart City framework concept (gross)",
        "smart-city-rahmenkonzept",
        64827.39,
        "EUR",
        True,
    ]


def test_a_fields_close_and_broad_reference_fields_survive_export_and_import(
    make_kg, tmp_path: Path
) -> None:
    """Ulm's fields lost every skos:closeMatch and skos:broadMatch to the reference fields."""
    base = "https://w3id.org/sckg/id/x/field/"
    kg = make_kg(
        "".join(
            f"<{base}{name}> a sckg:FieldOfAction , skos:Concept ; skos:prefLabel "
            f'"{label}"@de ; skos:{match} field:{ref} .\n'
            for name, label, match, ref in (
                ("mobilitaet", "Mobilität", "closeMatch", "smart-mobility"),
                ("kultur", "Kultur", "broadMatch", "culture-tourism"),
                ("energie", "Energie", "exactMatch", "energy"),
            )
        )
    )
    path = tmp_path / "x.xlsx"
    path.write_bytes(export_graph(kg, "xlsx")["inventory.xlsx"])
    rows = [list(r) for r in load_workbook(path)["FieldsOfAction"].values]
    header = rows[0]
    columns = [header.index(c) for c in header if "Reference field" in str(c)]
    assert [header[c] for c in columns] == [
        "Referenz-Handlungsfeld / Reference field",
        "Referenz-Handlungsfeld (nah) / Reference field (close)",
        "Referenz-Handlungsfeld (weiter) / Reference field (broader)",
    ]
    assert [[r[0], *(r[c] for c in columns)] for r in rows[1:]] == [
        ["energie", "Energie", None, None],
        ["kultur", None, None, "Kultur und Tourismus"],
        ["mobilitaet", None, "Smart Mobility", None],
    ]
    matches = sorted(
        (t.subject.value[len(base) :], t.predicate.value.rsplit("#", 1)[1], t.object.value)
        for t in import_table(path, "x").triples
        if t.predicate.value.endswith("Match")
    )
    assert matches == [
        ("energie", "exactMatch", "https://w3id.org/sckg/vocab/field/energy"),
        ("kultur", "broadMatch", "https://w3id.org/sckg/vocab/field/culture-tourism"),
        ("mobilitaet", "closeMatch", "https://w3id.org/sckg/vocab/field/smart-mobility"),
    ]


def test_xlsx_export_keeps_formula_text_as_text(make_kg, tmp_path: Path) -> None:
    kg = make_kg(
        "<https://w3id.org/sckg/id/x/actor/a> a org:Organization ; rdfs:label "
        '"=HYPERLINK(\\"x\\")"@de .'
    )
    path = tmp_path / "x.xlsx"
    path.write_bytes(export_graph(kg, "xlsx")["inventory.xlsx"])
    cell = load_workbook(path)["Actors"]["B2"]
    assert (cell.value, cell.data_type) == ('=HYPERLINK("x")', "s")
    labels = [
        t.object.value
        for t in import_table(path, "x").triples
        if t.predicate.value.endswith("#label")
    ]
    assert '=HYPERLINK("x")' in labels


def test_unit_of_a_formal_organisation_is_unit_of_and_of_a_unit_sub_organization_of(
    tmp_path: Path,
) -> None:
    """org:unitOf has the range org:FormalOrganization (W3C ORG): a unit inside a unit gets
    org:subOrganizationOf."""
    blank = [None] * 10
    book = _workbook(
        tmp_path / "inventory.xlsx",
        {
            "actors": [
                ["stadt", "Stadt", None, "Stadtverwaltung", None, *blank],
                ["dez-1", "Dezernat I", None, "dezernat", "stadt", *blank],
                ["fb-10", "Fachbereich 10", None, "fachbereich", "dez-1", *blank],
                ["extern", "Externe Einheit", None, "amt", "https://example.org/org/land", *blank],
            ]
        },
    )
    parents = sorted(
        (t.subject.value[len(BASE) :], t.predicate.value.rsplit("#", 1)[1], t.object.value)
        for t in import_table(book, "beispielstadt").triples
        if t.predicate.value.startswith(ORG_NS)
    )
    assert [p for p in parents if p[1] != "classification"] == [
        ("actor/dez-1", "unitOf", f"{BASE}actor/stadt"),
        ("actor/extern", "subOrganizationOf", "https://example.org/org/land"),
        ("actor/fb-10", "subOrganizationOf", f"{BASE}actor/dez-1"),
    ]


def test_a_unit_of_no_named_kind_keeps_its_class_through_export_and_import(
    make_kg, tmp_path: Path
) -> None:
    """Ulm's units are ``org:OrganizationalUnit`` without an ``org:classification`` (the text does
    not say Amt or Fachbereich). The Kind column had no word for them: the export left it empty,
    the import made them ``org:Organization``, and their class was listed on the sheet ``_Not in
    the template``. The Kind column's choice "Organisationseinheit" gives the class and no kind."""
    import warnings

    from sckg.ingest.template import REMAINDER_SHEET

    actor = "https://w3id.org/sckg/id/x/actor/"
    kg = make_kg(
        f"<{actor}stadt> a org:FormalOrganization , oparl:Body ; "
        f'org:classification kind:city-administration ; rdfs:label "Stadt X"@de .\n'
        f'<{actor}buero> a org:OrganizationalUnit ; rdfs:label "Bildungsbüro"@de ; '
        f"org:unitOf <{actor}stadt> .\n"
    )
    path = tmp_path / "x.xlsx"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        path.write_bytes(export_graph(kg, "xlsx", city="x")["inventory.xlsx"])
    assert [str(w.message) for w in caught] == []
    book = load_workbook(path)
    assert REMAINDER_SHEET not in book.sheetnames
    rows = {r[0]: r[:5] for r in book["Actors"].iter_rows(min_row=2, values_only=True)}
    assert rows["buero"] == ("buero", "Bildungsbüro", None, "Organisationseinheit", "stadt")
    assert rows["stadt"][3] == "Stadtverwaltung"
    about_buero = sorted(
        (t.predicate.value, t.object.value)
        for t in import_table(path, "x").triples
        if t.subject.value == f"{actor}buero" and t.predicate.value.startswith((ORG_NS, RDF_NS))
    )
    assert about_buero == [
        (f"{RDF_NS}type", f"{ORG_NS}OrganizationalUnit"),
        (f"{ORG_NS}unitOf", f"{actor}stadt"),
    ]


def test_the_kind_organisational_unit_gives_the_class_and_no_classification(
    tmp_path: Path,
) -> None:
    """The choice is read in German, English and by its short name; the named kinds are read as
    before (a Dezernat is a unit with its kind)."""
    blank = [None] * 10
    book = _workbook(
        tmp_path / "inventory.xlsx",
        {
            "actors": [
                ["stadt", "Stadt", None, "Stadtverwaltung", None, *blank],
                ["dez-1", "Dezernat I", None, "dezernat", "stadt", *blank],
                ["a", "A", None, "Organisationseinheit", "stadt", *blank],
                ["b", "B", None, "organisational unit", "dez-1", *blank],
                ["c", "C", None, "unit", None, *blank],
                ["d", "D", None, None, None, *blank],
            ]
        },
    )
    found = sorted(
        (t.subject.value[len(BASE) :], t.predicate.value, t.object.value.rsplit("/", 1)[-1])
        for t in import_table(book, "beispielstadt").triples
        if t.predicate.value in (f"{RDF_NS}type", f"{ORG_NS}classification")
        and t.subject.value.startswith(BASE + "actor/")
    )
    assert found == [
        ("actor/a", f"{RDF_NS}type", "org#OrganizationalUnit"),
        ("actor/b", f"{RDF_NS}type", "org#OrganizationalUnit"),
        ("actor/c", f"{RDF_NS}type", "org#OrganizationalUnit"),
        ("actor/d", f"{RDF_NS}type", "org#Organization"),
        ("actor/dez-1", f"{RDF_NS}type", "org#OrganizationalUnit"),
        ("actor/dez-1", f"{ORG_NS}classification", "dezernat"),
        ("actor/stadt", f"{RDF_NS}type", "Body"),
        ("actor/stadt", f"{RDF_NS}type", "org#FormalOrganization"),
        ("actor/stadt", f"{ORG_NS}classification", "city-administration"),
    ]


def test_a_row_without_id_gets_the_slug_of_its_name_and_folder_ids_keep_their_folder(
    tmp_path: Path,
) -> None:
    rows = {key: [list(r) for r in values] for key, values in FILLED.items()}
    rows["projects"][1][0] = None  # "Ladesäulen"
    rows["dependencies"] = [["Ladesäulen", "wlan"]]
    rows["budgets"] = [
        [
            "budget/laden-2025",
            "Haushaltsansatz",
            "Ansatz Ladesäulen 2025",
            "Charging budget line 2025",
            "Ladesäulen",
            None,
            None,
            None,
            "Stadtwerke Beispielstadt GmbH",
            None,
            None,
            "vorlage-1",
        ]
    ]
    rows["decisions"] = [
        [
            None,
            "Beschluss über die Ladesäulen",
            None,
            "stadt",
            "12.03.2025",
            None,
            None,
            "Ladesäulen; vorlage-1",
            "vorlage-1",
        ]
    ]
    rows["consultations"] = [
        [
            "beratung-1",
            "Beratung der Vorlage",
            None,
            "vorlage-1",
            "stadt",
            "2025-03-12",
            "Entscheidung",
            "nein",
            None,
            None,
        ]
    ]
    result = import_table(_workbook(tmp_path / "inventory.xlsx", rows), "beispielstadt")
    new = {
        t
        for t in result.triples
        if t.subject.value.startswith(
            (BASE + "budget/laden", BASE + "decision/", BASE + "consultation/")
        )
    }
    assert _nt(new) == _nt(
        _triples("""
@prefix actor: <https://w3id.org/sckg/id/beispielstadt/actor/> .
@prefix project: <https://w3id.org/sckg/id/beispielstadt/project/> .
@prefix source: <https://w3id.org/sckg/id/beispielstadt/source/> .
<https://w3id.org/sckg/id/beispielstadt/budget/laden-2025> a sckg:BudgetLine ;
    rdfs:label "Ansatz Ladesäulen 2025"@de , "Charging budget line 2025"@en ;
    sckg:heldBy actor:stadtwerke ; sckg:documentedIn source:vorlage-1 .
<https://w3id.org/sckg/id/beispielstadt/decision/beschluss-ueber-die-ladesaeulen> a sckg:Decision ;
    rdfs:label "Beschluss über die Ladesäulen"@de ; sckg:decidedBy actor:stadt ; dcterms:date\
 "2025-03-12"^^xsd:date ;
    sckg:decision project:ladesaeulen , source:vorlage-1 ; sckg:documentedIn source:vorlage-1 .
<https://w3id.org/sckg/id/beispielstadt/consultation/beratung-1> a oparl:Consultation ,\
 prov:Entity ;
    rdfs:label "Beratung der Vorlage"@de ; sckg:paper source:vorlage-1 ; sckg:committee\
 actor:stadt ;
    dcterms:date "2025-03-12"^^xsd:date ; sckg:consultationRole\
 <https://w3id.org/sckg/vocab/role/decision> ;
    sckg:isPublic false ; sckg:documentedIn source:inventory-xlsx .
""")
    )
    assert (BASE + "project/ladesaeulen", SCKG_NS + "hasBudget", BASE + "budget/laden-2025") in {
        (t.subject.value, t.predicate.value, t.object.value) for t in result.triples
    }
    assert result.counts["Budgets"] == 1 and "Work" not in result.counts


# --- amounts as people write them ------------------------------------------------------------


def _projects_csv(folder: Path, budgets: list[str], delimiter: str = ";") -> Path:
    """A folder with Projekte.csv: one project per budget text (p1, p2, ...)."""
    folder.mkdir(exist_ok=True)
    with (folder / "Projekte.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(["Kennung", "Titel (de)", "Budget (EUR)"])
        writer.writerows([f"p{i}", f"Projekt {i}", budget] for i, budget in enumerate(budgets, 1))
    return folder


def _amounts(path: Path) -> list[str]:
    """The budgets imported, in the order of the projects."""
    values = {
        t.subject.value: t.object.value
        for t in import_table(path, "t").triples
        if t.predicate.value == "https://schema.org/value"
    }
    return [values[k] for k in sorted(values, key=lambda iri: int(iri.rsplit("/p", 1)[1]))]


def test_the_issues_german_csv_imports_250_thousand_euros(tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "Projekte.csv").write_bytes(
        b"Kennung;Titel (de);Budget (EUR)\nwlan;WLAN;250.000\n"
    )
    out = tmp_path / "t.ttl"
    result = runner.invoke(
        app, ["import", "table", str(tmp_path / "d"), "--city", "t", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    values = [
        t.object
        for t in ox.parse(path=str(out), format=ox.RdfFormat.TURTLE)
        if t.predicate.value == "https://schema.org/value"
    ]
    assert values == [ox.Literal("250000", datatype=ox.NamedNode(XSD_NS + "decimal"))]


def test_a_semicolon_csv_is_german_notation(tmp_path: Path) -> None:
    budgets = ["250.000", "1.250", "1,250", "12,5 €", "1.250.000,00 EUR"]
    assert _amounts(_projects_csv(tmp_path / "d", budgets)) == [
        "250000",
        "1250",
        "1.25",
        "12.5",
        "1250000",
    ]


def test_amounts_that_read_one_way_only_in_german_and_english_notation(tmp_path: Path) -> None:
    budgets = [
        "1.250,50",
        "1,250.50",
        "250000",
        "250 000",
        "250\u00a0000 €",
        "€ 1.250.000",
        "64827,39 EUR",
        "0.5",
        "12.50",
        "EUR 1,250,000",
        "1 250,50 €",
        "250.000,- €",
        "1.250,--",
        "Euro 7",
    ]
    assert _amounts(_projects_csv(tmp_path / "d", budgets, delimiter=",")) == [
        "1250.5",
        "1250.5",
        "250000",
        "250000",
        "250000",
        "1250000",
        "64827.39",
        "0.5",
        "12.5",
        "1250000",
        "1250.5",
        "250000",
        "1250",
        "7",
    ]


@pytest.mark.parametrize(
    ("budgets", "expected"),
    [
        (["1.250", "64.827,39"], ["1250", "64827.39"]),  # the column's other amount is German
        (["1.250", "2,500.00"], ["1.25", "2500"]),  # ... English
        (["1,250", "12,5"], ["1.25", "12.5"]),
        (["1,250", "0.5", "250000"], ["1250", "0.5", "250000"]),
    ],
)
def test_the_other_amounts_of_the_column_tell_the_notation(
    tmp_path: Path, budgets: list[str], expected: list[str]
) -> None:
    assert _amounts(_projects_csv(tmp_path / "d", budgets, delimiter=",")) == expected


def test_the_column_outweighs_the_csv_separator(tmp_path: Path) -> None:
    assert _amounts(_projects_csv(tmp_path / "d", ["250.000", "1,250.50"])) == ["250", "1250.5"]


def _ambiguous(where: str, text: str, de: str, en: str) -> str:
    return (
        f"{where}: got '{text}', expected an amount that reads one way only: {de} in German "
        f"notation or {en} in English, and nothing else in the file says which (write it "
        "without thousands separators, or with two decimals: 1.250,00 or 1,250.00)"
    )


@pytest.mark.parametrize(
    ("budgets", "text", "de", "en"),
    [
        (["1.250"], "1.250", "1250", "1.25"),
        (["250.000 €"], "250.000 €", "250000", "250"),
        (["1,250", "250000"], "1,250", "1.25", "1250"),
        (["1.250", "1.250,50", "1,250.50"], "1.250", "1250", "1.25"),  # the column shows both
    ],
)
def test_an_amount_that_reads_two_ways_is_an_error_with_both_readings(
    tmp_path: Path, budgets: list[str], text: str, de: str, en: str
) -> None:
    folder = _projects_csv(tmp_path / "d", budgets, delimiter=",")
    with pytest.raises(TableError) as caught:
        import_table(folder, "t")
    where = "Projekte.csv, sheet Projekte, row 2, column 3 'Budget (EUR)'"
    assert [str(e) for e in caught.value.errors] == [_ambiguous(where, text, de, en)]
    out = tmp_path / "t.ttl"
    result = runner.invoke(app, ["import", "table", str(folder), "--city", "t", "--out", str(out)])
    assert result.exit_code == 1
    assert not out.exists()


def test_xlsx_number_cells_are_exact_and_text_cells_have_no_separator_hint(tmp_path: Path) -> None:
    book = _workbook(tmp_path / "a.xlsx", _with("projects", 1, 13, 1250.75))
    values = {
        t.subject.value: t.object.value
        for t in import_table(book, "beispielstadt").triples
        if t.predicate.value == "https://schema.org/value"
    }
    assert values == {BASE + "budget/wlan": "250000.5", BASE + "budget/laden": "1250.75"}
    where = f"{W} Projects, row 3, column N 'Budget (EUR)'"
    assert _errors(_with("projects", 1, 13, "1.250")) == [  # the number cell above tells nothing
        _ambiguous(where, "1.250", "1250", "1.25")
    ]


def test_many_rows_of_the_same_name_import_in_linear_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each row's name was checked against every row of that name before it (a comparison of whole
    rows): 16,000 projects titled alike took 19 s of CPU, four times the 8,000 (a council's
    consultations share a handful of names). Counted, not timed (a loaded machine's CPU time once
    read 8.3 s for the second or two this takes): no row is compared with another."""
    from sckg.ingest.cells import RawSheet
    from sckg.ingest.tables import Row, import_sheets
    from sckg.ingest.template import SHEETS_BY_KEY

    compared = []
    equal = Row.__eq__
    monkeypatch.setattr(Row, "__eq__", lambda a, b: compared.append(1) or equal(a, b))
    sheet = SHEETS_BY_KEY["projects"]
    rows: list[tuple[int, tuple[object, ...]]] = [(1, tuple(c.header for c in sheet.columns))]
    for i in range(12_000):
        cells = {"id": f"p{i}", "title_de": "Gleicher Titel", "title_en": "Same title"}
        rows.append((i + 2, tuple(cells.get(c.key) for c in sheet.columns)))
    result = import_sheets([RawSheet("x.xlsx", sheet.name, rows, letters=True)], "c", Path("x"))
    assert len({t.subject for t in result.triples if t.subject.value.endswith("/p11999")}) == 1
    assert len(compared) < 12_000


# --- rows that need more than their cells: an amount on a budget row ------------------------------


@pytest.fixture(scope="module")
def musterstadt_book(musterstadt: KnowledgeGraph) -> bytes:
    """The bundled fictional city as a filled workbook (``sckg export --format xlsx``)."""
    return export_graph(musterstadt, "xlsx")["inventory.xlsx"]


def _edited(book: bytes, folder: Path, cells: dict[tuple[str, str], object]) -> Path:
    """``book`` saved as ``folder/m.xlsx`` by openpyxl with ``cells`` ((sheet, cell) → value)."""
    path = folder / "m.xlsx"
    path.write_bytes(book)
    wb = load_workbook(path)
    for (sheet, cell), value in cells.items():
        wb[sheet][cell] = value
    wb.save(path)
    return path


def _import_fails(path: Path, *messages: str) -> None:
    """``sckg import table`` of ``path`` exits 1 with exactly ``messages`` and writes nothing."""
    out = path.parent / "out.ttl"
    result = runner.invoke(
        app, ["import", "table", str(path), "--city", "musterstadt", "--out", str(out)]
    )
    n = len(messages)
    head = f"Error: {n} error{'s' if n > 1 else ''} in the spreadsheet; nothing was written:"
    assert (result.exit_code, result.stderr) == (1, "\n".join([head, *messages]) + "\n")
    assert not out.exists()


NO_AMOUNT = (
    "m.xlsx, sheet Budgets, row 2, column F 'Betrag / Amount': got nothing, expected an amount "
    "(a budget row of type Betrag (amount) needs one; write it, or set the type to "
    "Haushaltsansatz (budget line))"
)


@pytest.mark.parametrize("empty", [None, "", "   "], ids=["cleared", "empty text", "spaces"])
def test_a_budget_row_without_its_amount_is_an_error_and_writes_nothing(
    musterstadt_book: bytes, tmp_path: Path, empty: object
) -> None:
    path = _edited(musterstadt_book, tmp_path, {("Budgets", "F2"): empty})
    _import_fails(path, NO_AMOUNT)
    with pytest.raises(TableError) as caught:
        import_table(path, "musterstadt")
    assert caught.value.errors[0].message().in_lang("de").template == (
        "m.xlsx, Blatt Budgets, Zeile 2, Spalte F 'Betrag / Amount': nichts gefunden, erwartet: "
        "ein Betrag (eine Zeile der Art Betrag braucht einen; ihn eintragen oder die Art "
        "Haushaltsansatz wählen)"
    )


def test_a_budget_row_of_type_amount_by_default_needs_its_amount_but_a_budget_line_does_not(
    musterstadt_book: bytes, tmp_path: Path
) -> None:
    path = _edited(musterstadt_book, tmp_path, {("Budgets", "F2"): None, ("Budgets", "B2"): None})
    _import_fails(path, NO_AMOUNT)  # an empty type is an amount
    path = _edited(
        musterstadt_book, tmp_path, {("Budgets", "F2"): None, ("Budgets", "B2"): "Haushaltsansatz"}
    )
    result = import_table(path, "musterstadt")
    line = "https://w3id.org/sckg/id/musterstadt/budget/5g-campus-gewerbegebiet"
    assert result.counts["Budgets"] == 50
    assert sorted(
        (t.predicate.value.rsplit("/", 1)[-1], t.object.value.rsplit("/", 1)[-1])
        for t in result.triples
        if t.subject.value == line and t.predicate.value.endswith(("type", "value", "currency"))
    ) == [("22-rdf-syntax-ns#type", "ontology#BudgetLine"), ("currency", "EUR")]


# --- an end before its start ----------------------------------------------------------------------


def test_a_project_that_ends_before_it_starts_is_an_error_naming_both_columns(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "inventar"
    folder.mkdir()
    (folder / "Projekte.csv").write_text(
        "Kennung;Titel (de);Beginn;Ende\n"
        "wlan;Öffentliches WLAN;01.03.2024;31.12.2023\n"
        "laden;Ladesäulen;01.03.2024;01.03.2024\n",  # a project of one day
        encoding="utf-8",
    )
    message = (
        "Projekte.csv, sheet Projekte, row 2, column 4 'Ende': got '31.12.2023', expected a date "
        "on or after the start (column 3 'Beginn': '01.03.2024'); correct one of the dates or "
        "swap them"
    )
    _import_fails(folder, message)
    with pytest.raises(TableError) as caught:
        import_table(folder, "musterstadt")
    assert caught.value.errors[0].message().in_lang("de").template == (
        "Projekte.csv, Blatt Projekte, Zeile 2, Spalte 4 'Ende': '31.12.2023' gefunden, erwartet: "
        "ein Datum ab dem Beginn (Spalte 3 'Beginn': '01.03.2024'); eines der Daten korrigieren "
        "oder sie tauschen"
    )


def test_an_end_before_the_start_in_a_workbook_of_projects_and_programmes(
    musterstadt_book: bytes, tmp_path: Path
) -> None:
    path = _edited(
        musterstadt_book,
        tmp_path,
        {("Projects", "M2"): dt.datetime(2026, 4, 30), ("Programmes", "K2"): "31.12.2021"},
    )
    wb = load_workbook(path, read_only=True)
    starts = wb["Projects"]["L2"].value, wb["Programmes"]["J2"].value
    wb.close()
    assert starts == (dt.datetime(2026, 5, 1), dt.datetime(2022, 1, 1))
    _import_fails(
        path,
        "m.xlsx, sheet Projects, row 2, column M 'Ende / End': got '2026-04-30', expected a date "
        "on or after the start (column L 'Beginn / Start': '2026-05-01'); correct one of the "
        "dates or swap them",
        "m.xlsx, sheet Programmes, row 2, column K 'Ende / End': got '31.12.2021', expected a "
        "date on or after the start (column J 'Beginn / Start': '2022-01-01'); correct one of "
        "the dates or swap them",
    )


# --- formulas without a computed value ------------------------------------------------------------

NOT_COMPUTED = (
    "expected a value, not a formula without its computed value (the file was written by a "
    "program, not saved by a spreadsheet): open and save the file in Excel or LibreOffice, or "
    "paste the values in place of the formulas"
)


def test_formulas_that_were_never_computed_are_errors_naming_their_cells(
    musterstadt_book: bytes, tmp_path: Path
) -> None:
    """openpyxl, pandas and scripts write a formula without its value; read as values only, such a
    cell was empty: a required title said 'got nothing', an optional budget vanished."""
    path = _edited(
        musterstadt_book,
        tmp_path,
        {
            ("Projects", "B2"): '="WLAN " & "Innenstadt"',
            ("Projects", "K2"): '="laufend"',
            ("Projects", "N2"): "=1000*2",
        },
    )
    where = "m.xlsx, sheet Projects, row 2, column"
    _import_fails(
        path,
        f"{where} B 'Titel (de) / Title (de)': got '=\"WLAN \" & \"Innenstadt\"', {NOT_COMPUTED}",
        f"{where} K 'Status': got '=\"laufend\"', {NOT_COMPUTED}",
        f"{where} N 'Budget (EUR)': got '=1000*2', {NOT_COMPUTED}",
    )
    with pytest.raises(TableError) as caught:
        import_table(path, "musterstadt")
    assert caught.value.errors[2].message().in_lang("de").template == (
        "m.xlsx, Blatt Projects, Zeile 2, Spalte N 'Budget (EUR)': '=1000*2' gefunden, erwartet: "
        "ein Wert, keine Formel ohne ihren berechneten Wert (die Datei hat ein Programm "
        "geschrieben, keine Tabellenkalkulation gespeichert): die Datei in Excel oder LibreOffice "
        "öffnen und speichern oder die Werte an Stelle der Formeln einfügen"
    )


def _computed(path: Path, sheet: str, cells: dict[str, tuple[str, str]]) -> None:
    """Give formula cells of ``sheet`` (saved by openpyxl) the computed values a spreadsheet saves:
    cell → (type, value) as Excel and LibreOffice write them (``str`` for text, ``n`` a number)."""
    import re
    import zipfile

    with zipfile.ZipFile(path) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    book = load_workbook(path, read_only=True)
    part = f"xl/worksheets/sheet{book.sheetnames.index(sheet) + 1}.xml"
    book.close()
    xml = files[part].decode()
    for cell, (kind, value) in cells.items():
        xml, n = re.subn(
            rf'<c r="{cell}"([^>]*)>(<f>.*?</f>)<v ?/>',
            rf'<c r="{cell}"\1 t="{kind}">\2<v>{value}</v>',
            xml,
        )
        assert n == 1, cell
    files[part] = xml.encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)


def test_formulas_with_their_computed_values_import_as_those_values(
    musterstadt_book: bytes, tmp_path: Path
) -> None:
    """What Excel and LibreOffice save: each formula with its value; a formula whose value is empty
    text (=IF(...;"";...)) is an empty cell."""
    path = _edited(
        musterstadt_book,
        tmp_path,
        {
            ("Projects", "B2"): '="WLAN " & "Innenstadt"',
            ("Projects", "K2"): '="laufend"',
            ("Projects", "E2"): '=IF(1=1,"","x")',
            ("Budgets", "F2"): "=1000*2",
        },
    )
    _computed(
        path,
        "Projects",
        {"B2": ("str", "WLAN Innenstadt"), "K2": ("str", "laufend"), "E2": ("str", "")},
    )
    _computed(path, "Budgets", {"F2": ("n", "2000")})
    project = "https://w3id.org/sckg/id/musterstadt/project/5g-campus-gewerbegebiet"
    budget = "https://w3id.org/sckg/id/musterstadt/budget/5g-campus-gewerbegebiet"
    triples = import_table(path, "musterstadt").triples
    assert sorted(
        (t.predicate.value.rsplit("/", 1)[-1], t.object.value.rsplit("/", 1)[-1])
        for t in triples
        if (t.subject.value == project and t.predicate.value.endswith(("/title", "#status")))
        or (t.subject.value == budget and t.predicate.value.endswith("/value"))
        or (t.subject.value == project and "description" in t.predicate.value)
    ) == [
        ("adms#status", "running"),
        ("description", "Privates 5G-Netz als Testfeld für Unternehmen im Gewerbegebiet Nord."),
        ("title", "5G campus network in the northern business park"),
        ("title", "WLAN Innenstadt"),
        ("value", "2000"),
    ]


# --- the help sheet on amounts --------------------------------------------------------------------

AMOUNT_HELP_DE = (
    "Betrag in Euro, z. B. 250.000, 1.250,50, 250.000,- € oder 250000 (Tausenderpunkte, "
    "Dezimalkomma, € und EUR sind erlaubt, ebenso die englische Schreibweise 1,250.50). "
    "Mehrdeutiges wie 1.250 gilt in der Schreibweise der übrigen Beträge der Spalte oder einer mit "
    "; getrennten CSV-Datei, sonst ist es ein Fehler: dann 1.250,00 schreiben."
)
AMOUNT_HELP_EN = (
    "Amount in euros, e.g. 250,000, 1,250.50 or 250000 (thousands separators, € and EUR are "
    "allowed, and so is German notation: 250.000,- €, 1.250,50). Text that reads two ways, like "
    "1,250, is read in the notation of the column's other amounts or of a CSV file separated by "
    ";, else it is an error: then write 1,250.00."
)


def test_the_help_sheet_says_how_amounts_may_be_written() -> None:
    """It said 'as a number, no thousands separators', while the importer reads 250.000,- €."""
    rows = {(r[0], r[1]): r[3:5] for r in help_rows(choice_text())}
    assert rows[("Budgets", "Betrag / Amount")] == [AMOUNT_HELP_DE, AMOUNT_HELP_EN]
    assert rows[("Projects", "Budget (EUR)")] == [
        f"Budget des Projekts. {AMOUNT_HELP_DE} Wird der Betrag budget/<Kennung>; mehrere "
        "Beträge, Haushaltsansätze: Blatt Budgets.",
        f"Budget of the project. {AMOUNT_HELP_EN} Becomes the amount budget/<ID>; several "
        "amounts, budget lines: sheet Budgets.",
    ]
    assert rows[("Projects", "Auftragswert (EUR, netto) / Contract value (EUR, net)")] == [
        "Geschätzter Auftragswert ohne Umsatzsteuer; er wird mit dem EU-Schwellenwert verglichen. "
        f"{AMOUNT_HELP_DE}",
        "Estimated contract value net of VAT; it is compared with the EU threshold. "
        f"{AMOUNT_HELP_EN}",
    ]
    # the examples read as the text says, in its notation
    german = ["250.000", "1.250,50", "250.000,- €", "250000", "1.250,00"]
    english = ["250,000", "1,250.50", "250000", "1,250.00"]
    assert [read_amount(text).value("de") for text in german] == [
        "250000",
        "1250.5",
        "250000",
        "250000",
        "1250",
    ]
    assert [read_amount(text).value("en") for text in english] == [
        "250000",
        "1250.5",
        "250000",
        "1250",
    ]


def test_the_csv_folder_example_of_data_md_prints_what_the_page_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The page's folder of CSV files with mistakes, in English and with a German locale: its
    ``text`` blocks (``$ cat`` shows a file, ``$ [LANG=...] sckg ...`` a command and its output)
    are what the import prints."""
    import re
    import shlex

    page = (Path(__file__).parent.parent / "docs" / "data.md").read_text(encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    ran = []
    for block in re.findall(r"```text\n(.*?)```", page, re.S):
        if "sckg import table inventar " not in block:
            continue
        lines = block.splitlines()
        starts = [i for i, line in enumerate(lines) if line.startswith("$ ")]
        for i, end in zip(starts, [*starts[1:], len(lines)], strict=True):
            words, shown = shlex.split(lines[i][2:]), lines[i + 1 : end]
            if words[0] == "cat":
                (tmp_path / words[1]).parent.mkdir(exist_ok=True)
                (tmp_path / words[1]).write_text("\n".join(shown) + "\n", encoding="utf-8")
                continue
            env = dict([words[0].split("=", 1)]) if words[0].startswith("LANG=") else {}
            argv = words[words.index("sckg") + 1 :]
            result = runner.invoke(app, argv, env=env)
            assert (result.exit_code, result.stderr.splitlines()) == (1, shown)
            ran.append(env.get("LANG", "C.UTF-8"))
    assert ran == ["C.UTF-8", "de_DE.UTF-8"]
