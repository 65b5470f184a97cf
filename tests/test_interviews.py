"""Interviews and workshops as evidence: the template's process sheets to exact triples and back
without loss, their errors, and the analyses of what the interviews say (known answers on small
hand-built graphs)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import PREFIXES

from sckg.export import export_graph
from sckg.ingest import write_turtle
from sckg.ingest.tables import TableError, choice_text, import_table
from sckg.ingest.template import SHEETS_BY_KEY, help_rows, workbook_bytes
from sckg.kg import KnowledgeGraph
from sckg.prioritise.criteria import Value


def _row(sheet: str, **cells: object) -> list[object]:
    """A row of ``sheet`` with the given cells by column key (the others empty)."""
    columns = [c.key for c in SHEETS_BY_KEY[sheet].columns]
    assert set(cells) <= set(columns), set(cells) - set(columns)
    return [cells.get(key) for key in columns]


#: A small inventory with an interview, its statements, a workshop with an idea, dots and a goal
#: draft.
PROCESS: dict[str, list[list[object]]] = {
    "actors": [
        _row("actors", id="mobil", name_de="Fachbereich Mobilität", kind="fachbereich"),
        _row("actors", id="it", name_de="IT-Abteilung", kind="amt"),
        _row("actors", id="stadtwerke", name_de="Stadtwerke", kind="municipal-company"),
    ],
    "projects": [
        _row(
            "projects", id="parken", title_de="Parksensoren", managed_by="mobil", fields="verkehr"
        ),
    ],
    "fields": [_row("fields", id="verkehr", name_de="Verkehr", name_en="Mobility")],
    "goals": [
        _row("goals", id="erreichbar", name_de="Erreichbare Stadt", drafted_in="zukunft"),
    ],
    "interviews": [
        _row(
            "interviews",
            id="i1",
            name_de="Interview Mobilität",
            name_en="Interview mobility",
            date="12.02.2025",
            interviewed="mobil; IT-Abteilung",
            format="vor Ort",
            phase="initiation",
        ),
    ],
    "statements": [
        _row(
            "statements",
            id="s1",
            source="i1",
            kind="Bedarf",
            text_de="Echtzeitdaten zu freien Parkplätzen",
            about="verkehr",
        ),
        _row(
            "statements",
            source="Interview Mobilität",
            kind="existing-activity",
            text_de="Pendlerbefragung läuft schon",
        ),
        _row(
            "statements",
            id="s3",
            source="i1",
            kind="dependency",
            text_de="Daten",
            about="stadtwerke",
        ),
        _row("statements", id="idee", source="zukunft", kind="idea", text_de="Parken per App"),
    ],
    "workshops": [
        _row(
            "workshops",
            id="zukunft",
            name_de="Zukunftswerkstatt",
            date="2025-03-20",
            participants="mobil; stadtwerke",
            method_de="Punktabfrage",
            phase="strategy-vision",
        ),
    ],
    "votes": [
        _row("votes", workshop="zukunft", item="parken", dots=7),
        _row("votes", id="v2", workshop="zukunft", item="idee", dots=3),
    ],
}

EXPECTED = """
@prefix city: <https://w3id.org/sckg/id/beispielstadt/> .
city:interview\\/i1 a sckg:Interview ;
    rdfs:label "Interview Mobilität"@de , "Interview mobility"@en ;
    dcterms:date "2025-02-12"^^xsd:date ; sckg:interviewed city:actor\\/mobil , city:actor\\/it ;
    sckg:classifiedAs <https://w3id.org/sckg/vocab/format/in-person> ;
    sckg:inPhase phase:initiation ;
    sckg:documentedIn city:source\\/inventory-xlsx .
city:interview\\/i1\\/record a prov:Entity , sckg:InterviewRecord ;
    prov:wasGeneratedBy city:interview\\/i1 ;
    rdfs:label "Protokoll: Interview Mobilität"@de , "Record: Interview mobility"@en .
city:statement\\/s1 a sckg:Statement , prov:Entity ;
    rdfs:label "Echtzeitdaten zu freien Parkplätzen"@de ;
    sckg:classifiedAs <https://w3id.org/sckg/vocab/statement/need> ;
    sckg:about city:field\\/verkehr ;
    sckg:documentedIn city:interview\\/i1\\/record .
city:statement\\/pendlerbefragung-laeuft-schon a sckg:Statement , prov:Entity ;
    rdfs:label "Pendlerbefragung läuft schon"@de ;
    sckg:classifiedAs <https://w3id.org/sckg/vocab/statement/existing-activity> ;
    sckg:documentedIn city:interview\\/i1\\/record .
city:statement\\/s3 a sckg:Statement , prov:Entity ; rdfs:label "Daten"@de ;
    sckg:classifiedAs <https://w3id.org/sckg/vocab/statement/dependency> ;
    sckg:about city:actor\\/stadtwerke ;
    sckg:documentedIn city:interview\\/i1\\/record .
city:statement\\/idee a sckg:Statement , prov:Entity ; rdfs:label "Parken per App"@de ;
    sckg:classifiedAs <https://w3id.org/sckg/vocab/statement/idea> ;
    sckg:documentedIn city:workshop\\/zukunft\\/record .
city:workshop\\/zukunft a sckg:Workshop ; rdfs:label "Zukunftswerkstatt"@de ;
    dcterms:date "2025-03-20"^^xsd:date ;
    sckg:attendedBy city:actor\\/mobil , city:actor\\/stadtwerke ; sckg:method "Punktabfrage"@de ;
    sckg:inPhase phase:strategy-vision ; sckg:documentedIn city:source\\/inventory-xlsx .
city:workshop\\/zukunft\\/record a prov:Entity , sckg:WorkshopRecord ;
    prov:wasGeneratedBy city:workshop\\/zukunft ;
    rdfs:label "Protokoll: Zukunftswerkstatt"@de , "Record: Zukunftswerkstatt"@en .
city:vote\\/zukunft-parken a sckg:DotVote , prov:Entity ;
    prov:wasGeneratedBy city:workshop\\/zukunft ;
    sckg:votedOn city:project\\/parken ; sckg:dots 7 .
city:vote\\/v2 a sckg:DotVote , prov:Entity ; prov:wasGeneratedBy city:workshop\\/zukunft ;
    sckg:votedOn city:statement\\/idee ; sckg:dots 3 .
city:goal\\/erreichbar sckg:draftedIn city:workshop\\/zukunft .
"""


def _workbook(path: Path, rows: dict[str, list[list[object]]]) -> Path:
    path.write_bytes(workbook_bytes(rows, help_rows(choice_text())))
    return path


@pytest.fixture
def process(tmp_path: Path) -> Path:
    return _workbook(tmp_path / "inventory.xlsx", PROCESS)


def _nt(triples: set[ox.Triple]) -> list[str]:
    return sorted(ox.serialize(list(triples), format=ox.RdfFormat.N_TRIPLES).decode().splitlines())


def test_process_sheets_import_to_the_interview_and_workshop_model(process: Path) -> None:
    found = set(import_table(process, "beispielstadt").triples)
    expected = {
        ox.Triple(q.subject, q.predicate, q.object)
        for q in ox.parse(PREFIXES + EXPECTED, format=ox.RdfFormat.TURTLE)
    }
    assert _nt(expected - found) == []
    process_subjects = {t.subject for t in expected} - {
        ox.NamedNode("https://w3id.org/sckg/id/beispielstadt/goal/erreichbar")
    }
    assert _nt({t for t in found if t.subject in process_subjects}) == _nt(
        {t for t in expected if t.subject in process_subjects}
    )


def test_process_sheets_round_trip(process: Path, tmp_path: Path) -> None:
    first = import_table(process, "beispielstadt")
    write_turtle(first.triples, tmp_path / "first.ttl")
    kg = KnowledgeGraph.open([tmp_path / "first.ttl"])
    exported = export_graph(kg, "xlsx")["inventory.xlsx"]
    (tmp_path / "exported.xlsx").write_bytes(exported)
    from openpyxl import load_workbook

    book = load_workbook(tmp_path / "exported.xlsx")
    assert "_Not in the template" not in book.sheetnames
    assert [c.value for c in book["Statements"]["B"]][1:] == ["zukunft", "i1", "i1", "i1"]
    sources = [c.value for c in book["Sources"]["A"]][1:]
    assert not any("record" in str(s) for s in sources)
    again = import_table(tmp_path / "exported.xlsx", "beispielstadt")
    assert _nt(set(again.triples)) == _nt(set(first.triples))


@pytest.mark.parametrize(
    ("sheet", "row", "column", "value", "message"),
    [
        (
            "statements",
            0,
            2,
            "Wunsch",
            "column C 'Art / Kind': got 'Wunsch', expected a kind of statement: Bedarf (need), "
            "Problem (problem), Idee (idea), bestehende Aktivität (existing-activity), "
            "Abhängigkeit (dependency), Risiko (risk)",
        ),
        (
            "statements",
            0,
            1,
            "i9",
            "column B 'Aus / From': got 'i9', expected the ID or name of a row in sheet Interviews "
            "or "
            "Workshops, or an IRI",
        ),
        (
            "votes",
            0,
            3,
            0,
            "column D 'Punkte / Dots': got '0', expected a whole number from 1 upwards",
        ),
        (
            "interviews",
            0,
            4,
            "Ann Example",
            "column E 'Befragt / Interviewed': got 'Ann Example', expected the ID or name of a row "
            "in "
            "sheet Actors, or an IRI",
        ),
    ],
)
def test_a_bad_process_cell_is_one_error_naming_sheet_row_and_column(
    tmp_path: Path, sheet: str, row: int, column: int, value: object, message: str
) -> None:
    rows = {key: [list(r) for r in values] for key, values in PROCESS.items()}
    rows[sheet][row][column] = value
    book = _workbook(tmp_path / "inventory.xlsx", rows)
    with pytest.raises(TableError) as caught:
        import_table(book, "beispielstadt")
    name = SHEETS_BY_KEY[sheet].name
    assert [str(e) for e in caught.value.errors] == [
        f"inventory.xlsx, sheet {name}, row {row + 2}, {message}"
    ]


# --- shapes
# ------------------------------------------------------------------------------------------------

BAD_EVIDENCE = """
ex:i a sckg:Interview ; rdfs:label "Ohne Einheit"@de .
ex:s1 a sckg:Statement ; sckg:classifiedAs statement:need , statement:risk ;
    sckg:documentedIn ex:r .
ex:s2 a sckg:Statement ; rdfs:label "Nur Text"@de ; sckg:classifiedAs phase:initiation .
ex:v a sckg:DotVote ; sckg:dots "sieben" .
ex:g a sckg:StrategicGoal ; skos:prefLabel "Ziel"@de ; sckg:draftedIn ex:i .
"""


@pytest.mark.parametrize("engine", ["sparql", "pyshacl"])
def test_both_engines_find_the_same_evidence_problems(make_kg, engine: str) -> None:
    from sckg.validate import validate

    report = validate(make_kg(BAD_EVIDENCE), lang="en", engine=engine)
    found = sorted(
        (f.focus.rsplit("/", 1)[-1], f.shape.removeprefix("shapes:"), f.severity)
        for f in report.findings
    )
    assert found == [
        ("i", "DraftedInWorkshop", "violation"),
        ("i", "InterviewInterviewed", "warning"),
        ("s1", "StatementKind", "violation"),
        ("s1", "StatementText", "violation"),
        ("s2", "StatementKind", "violation"),
        ("s2", "StatementRecord", "violation"),
        ("v", "DotVoteDots", "violation"),
        ("v", "DotVoteItem", "violation"),
        ("v", "DotVoteWorkshop", "violation"),
    ]


# --- the analyses
# --------------------------------------------------------------------------------------------

#: Three units interviewed in two interviews and a workshop: needs and problems about a field, a
#: project, a goal and an actor; two existing activities not in the inventory and one that is;
#: partners named.
EVIDENCE = """
ex:mob a org:OrganizationalUnit ; rdfs:label "Mobilität"@de , "Mobility"@en .
ex:it a org:OrganizationalUnit ; rdfs:label "IT"@de .
ex:um a org:OrganizationalUnit ; rdfs:label "Umwelt"@de , "Environment"@en .
ex:sw a org:FormalOrganization ; rdfs:label "Stadtwerke"@de , "Utilities"@en .
ex:f1 a sckg:FieldOfAction ; skos:prefLabel "Verkehr"@de , "Mobility"@en .
ex:f2 a sckg:FieldOfAction ; skos:prefLabel "Energie"@de , "Energy"@en .
ex:p1 a sckg:Project ; rdfs:label "Parken"@de , "Parking"@en ; sckg:inFieldOfAction ex:f1 ;
    sckg:managedBy ex:mob ; sckg:hasParticipant ex:sw .
ex:g1 a sckg:StrategicGoal ; skos:prefLabel "Klimaneutral"@de , "Climate neutral"@en ;
    skos:related ex:f2 .
ex:i1 a sckg:Interview ; rdfs:label "Interview 1"@de ; sckg:interviewed ex:mob , ex:it ;
    dcterms:date "2025-02-01"^^xsd:date .
ex:i1r a prov:Entity , sckg:InterviewRecord ; prov:wasGeneratedBy ex:i1 .
ex:i2 a sckg:Interview ; rdfs:label "Interview 2"@de ; sckg:interviewed ex:um ;
    dcterms:date "2025-02-10"^^xsd:date .
ex:i2r a prov:Entity , sckg:InterviewRecord ; prov:wasGeneratedBy ex:i2 .
ex:w1 a sckg:Workshop ; rdfs:label "Werkstatt"@de , "Workshop"@en ; sckg:attendedBy ex:mob , ex:um ;
    dcterms:date "2025-03-01"^^xsd:date .
ex:w1r a prov:Entity , sckg:WorkshopRecord ; prov:wasGeneratedBy ex:w1 .
ex:s1 a sckg:Statement ; rdfs:label "Real-time data"@en ; sckg:classifiedAs statement:need ;
    sckg:about ex:f1 ; sckg:documentedIn ex:i1r .
ex:s2 a sckg:Statement ; rdfs:label "Sensors fail"@en ; sckg:classifiedAs statement:problem ;
    sckg:about ex:p1 ; sckg:documentedIn ex:i2r .
ex:s3 a sckg:Statement ; rdfs:label "Charging points"@en ; sckg:classifiedAs statement:need ;
    sckg:about ex:g1 ; sckg:documentedIn ex:i2r .
ex:s4 a sckg:Statement ; rdfs:label "Commuter survey"@en ;
    sckg:classifiedAs statement:existing-activity ;
    sckg:documentedIn ex:i1r .
ex:s5 a sckg:Statement ; rdfs:label "Car sharing pilot"@en ;
    sckg:classifiedAs statement:existing-activity ;
    sckg:about ex:f1 ; sckg:documentedIn ex:i2r .
ex:s6 a sckg:Statement ; rdfs:label "Parking app"@en ;
    sckg:classifiedAs statement:existing-activity ;
    sckg:about ex:p1 ; sckg:documentedIn ex:i1r .
ex:s7 a sckg:Statement ; rdfs:label "Data from the utilities"@en ;
    sckg:classifiedAs statement:dependency ;
    sckg:about ex:sw ; sckg:documentedIn ex:i1r .
ex:s8 a sckg:Statement ; rdfs:label "Utilities may refuse"@en ; sckg:classifiedAs statement:risk ;
    sckg:about ex:sw ; sckg:documentedIn ex:i1r .
ex:s9 a sckg:Statement ; rdfs:label "More participation"@en ; sckg:classifiedAs statement:need ;
    sckg:documentedIn ex:w1r .
ex:s10 a sckg:Statement ; rdfs:label "Faster parking"@en ; sckg:classifiedAs statement:need ;
    sckg:about ex:p1 ; sckg:documentedIn ex:i1r .
ex:s11 a sckg:Statement ; rdfs:label "Environmental data"@en ; sckg:classifiedAs statement:need ;
    sckg:about ex:um ; sckg:documentedIn ex:i1r .
"""


@pytest.fixture
def evidence(make_kg) -> KnowledgeGraph:
    return make_kg(EVIDENCE)


def test_field_needs_counts_units_per_field(evidence: KnowledgeGraph) -> None:
    from sckg.network.evidence import field_needs

    result = field_needs(evidence, lang="en")
    assert [(r.field, r.units, r.needs, r.problems, r.reason) for r in result] == [
        (
            "Mobility",
            3,
            2,
            1,
            "raised by Environment, IT and Mobility (needs: 2, problems: 1)",
        ),
        ("Energy", 1, 1, 0, "raised by Environment (needs: 1, problems: 0)"),
    ]
    assert result.notes == [
        "1 need or problem concerns no field of action (neither directly nor through a project or "
        "goal)."
    ]


def test_blind_spots_are_existing_activities_about_no_project(evidence: KnowledgeGraph) -> None:
    from sckg.network.evidence import blind_spots

    assert [
        (r.activity, r.named_by, r.interview, r.reason) for r in blind_spots(evidence, lang="en")
    ] == [
        (
            "Commuter survey",
            "IT and Mobility",
            "Interview 1",
            "named in the interview; no project of the inventory stands for it.",
        ),
        (
            "Car sharing pilot",
            "Environment",
            "Interview 2",
            "named in the interview; no project of the inventory stands for it. About Mobility "
            "(1 project there).",
        ),
    ]


def test_named_partners_with_the_projects_they_share(evidence: KnowledgeGraph) -> None:
    from sckg.network.evidence import named_partners

    assert [
        (r.unit, r.partner, r.statements, r.shared_projects, r.reason)
        for r in named_partners(evidence, lang="en")
    ] == [
        ("IT", "Utilities", 2, 0, "2 statements (dependency, risk); work together on no project"),
        (
            "Mobility",
            "Utilities",
            2,
            1,
            "2 statements (dependency, risk); work together on 1 project",
        ),
        ("IT", "Environment", 1, 0, "1 statement (need); work together on no project"),
        ("Mobility", "Environment", 1, 0, "1 statement (need); work together on no project"),
    ]


def test_the_partners_projection(make_kg) -> None:
    """Who named whom; an actor that named nobody and was not named is left out."""
    from sckg.network.projection import project

    graph = project(
        make_kg(EVIDENCE + 'ex:lone a org:OrganizationalUnit ; rdfs:label "Lone"@en .'),
        "partners",
        lang="en",
    )
    edges = sorted(
        (u.rsplit("/", 1)[-1], v.rsplit("/", 1)[-1], a["weight"], a["kinds"], a["predicate"])
        for u, v, a in graph.edges(data=True)
    )
    assert edges == [
        ("it", "sw", 2, "dependency;risk", "namedAsPartner"),
        ("it", "um", 1, "need", "namedAsPartner"),
        ("mob", "sw", 2, "dependency;risk", "namedAsPartner"),
        ("mob", "um", 1, "need", "namedAsPartner"),
    ]
    assert graph.number_of_nodes() == 4 and graph.is_directed()


def test_unanswered_needs_those_without_any_project_first(evidence: KnowledgeGraph) -> None:
    from sckg.network.evidence import unanswered_needs

    assert [
        (r.need, r.raised_by, r.source, r.reason) for r in unanswered_needs(evidence, lang="en")
    ] == [
        (
            "Charging points",
            "Environment",
            "Interview 2",
            "no project; Climate neutral has none at all",
        ),
        (
            "Environmental data",
            "IT and Mobility",
            "Interview 1",
            "no project named; about Environment",
        ),
        ("More participation", "", "Workshop", "about nothing in the inventory"),
        (
            "Real-time data",
            "IT and Mobility",
            "Interview 1",
            "no project named; Mobility has 1 project",
        ),
    ]


def test_the_analyses_say_why_they_are_empty(make_kg) -> None:
    from sckg.network.evidence import blind_spots

    result = blind_spots(make_kg('ex:p a sckg:Project ; rdfs:label "P"@en .'), lang="en")
    assert list(result) == []
    assert result.notes == [
        "No statements from interviews or workshops; record them on the template's sheets "
        "Interviews, "
        "Workshops and Statements."
    ]


def test_musterstadt_exports_its_interviews_and_workshop_without_loss() -> None:
    from sckg.export_xlsx import read_sheets_of, remainder, workbook
    from sckg.resources import dataset

    kg = KnowledgeGraph.open([dataset("musterstadt")])
    sheets = read_sheets_of(workbook(kg))  # as an import reads the written file
    assert remainder(kg, sheets, "https://w3id.org/sckg/id/musterstadt/") == []
    counts = kg.select(
        "SELECT ?c (COUNT(?x) AS ?n) WHERE { VALUES ?c { sckg:Interview sckg:Statement "
        "sckg:Workshop "
        "sckg:DotVote } ?x a ?c } GROUP BY ?c ORDER BY ?c"
    ).bound_rows()
    assert [(c.value.rsplit("#", 1)[-1], int(n.value)) for c, n in counts] == [
        ("DotVote", 6),
        ("Interview", 5),
        ("Statement", 24),
        ("Workshop", 1),
    ]


# --- dot votes as a people's criterion of sckg prioritise
# -------------------------------------------------

VOTES = """
ex:a a org:OrganizationalUnit ; rdfs:label "Amt"@en .
ex:f a sckg:FieldOfAction ; skos:prefLabel "Mobility"@en .
ex:p1 a sckg:Project ; rdfs:label "Parking"@en ; sckg:managedBy ex:a ; sckg:inFieldOfAction ex:f ;
    adms:status status:running .
ex:p2 a sckg:Project ; rdfs:label "Buses"@en ; sckg:managedBy ex:a ; sckg:inFieldOfAction ex:f ;
    adms:status status:planned .
ex:w a sckg:Workshop ; rdfs:label "Workshop"@en ; dcterms:date "2025-03-01"^^xsd:date .
ex:wr a prov:Entity , sckg:WorkshopRecord ; prov:wasGeneratedBy ex:w .
ex:idea a sckg:Statement ; rdfs:label "Parking app"@en ; sckg:classifiedAs statement:idea ;
    sckg:about ex:p1 ; sckg:documentedIn ex:wr .
ex:v1 a sckg:DotVote ; prov:wasGeneratedBy ex:w ; sckg:votedOn ex:p1 ; sckg:dots 3 .
ex:v2 a sckg:DotVote ; prov:wasGeneratedBy ex:w ; sckg:votedOn ex:idea ; sckg:dots 2 .
ex:v3 a sckg:DotVote ; prov:wasGeneratedBy ex:w ; sckg:votedOn ex:f ; sckg:dots 4 .
"""


def test_dot_votes_are_a_criterion_of_the_prioritisation(make_kg) -> None:
    from sckg.prioritise import prioritise

    kg = make_kg(VOTES)
    result = prioritise(kg, lang="en")
    assert [c.key for c in result.criteria][-1] == "votes"
    assert [(i.label, i.values["votes"]) for i in result.items] == [
        ("Buses", Value(0, "no dots in Workshop (1 March 2025)")),
        ("Parking", Value(5, "5 dots from Workshop (1 March 2025)")),
    ]
    fields = prioritise(kg, "fields", lang="en")
    assert [(i.label, i.values["votes"]) for i in fields.items] == [
        ("Mobility", Value(9, "9 dots for the field, its ideas and 2 open projects"))
    ]


def test_without_dot_votes_there_is_no_votes_criterion(make_kg) -> None:
    from sckg.prioritise import prioritise

    kg = make_kg(VOTES.split("ex:w a sckg:Workshop")[0])
    result = prioritise(kg, lang="en")
    assert "votes" not in [c.key for c in result.criteria]
    assert all("votes" not in i.values for i in result.items)


# --- sckg diff: what a workshop changed
# ---------------------------------------------------------------------

BEFORE = """
ex:g a sckg:StrategicGoal ; skos:prefLabel "Cool city"@en .
ex:p a sckg:Project ; rdfs:label "Parking"@en .
"""
AFTER = (
    BEFORE.replace('"Parking"@en', '"Smart parking"@en')
    + """
ex:g sckg:draftedIn ex:w .
ex:w a sckg:Workshop ; rdfs:label "Future workshop"@en ; dcterms:date "2025-03-01"^^xsd:date .
ex:wr a prov:Entity , sckg:WorkshopRecord ; rdfs:label "Record"@en ; prov:wasGeneratedBy ex:w .
ex:idea a sckg:Statement ; rdfs:label "Shade trees"@en ; sckg:classifiedAs statement:idea ;
    sckg:documentedIn ex:wr .
ex:v a sckg:DotVote ; prov:wasGeneratedBy ex:w ; sckg:votedOn ex:idea ; sckg:dots 4 .
"""
)


def test_diff_says_what_a_workshop_changed(make_kg) -> None:
    from sckg.diff import diff

    result = diff(make_kg(BEFORE), make_kg(AFTER), lang="en")
    [workshop] = result.workshops
    assert (workshop.label, workshop.date) == ("Future workshop", "2025-03-01")
    assert [(c.kind, c.change, c.subject_label, c.property) for c in workshop.changes] == [
        ("entity", "added", "Future workshop", ""),
        ("entity", "added", "Record", ""),
        ("entity", "added", "Shade trees", ""),
        ("entity", "added", "https://example.org/city/v", ""),
        ("relation", "added", "Cool city", "drafted in"),
    ]
    assert ("attribute", "changed", "Parking") not in [
        (c.kind, c.change, c.subject_label) for c in workshop.changes
    ]
    assert len(result.changes) == 6  # the workshop's five and the project's new label


def test_diff_command_names_the_workshop(turtle_file) -> None:
    from typer.testing import CliRunner

    from sckg.cli import app

    before, after = turtle_file(BEFORE, "before.ttl"), turtle_file(AFTER, "after.ttl")
    result = CliRunner().invoke(app, ["diff", str(before), str(after), "-l", "en", "-f", "csv"])
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        "From the workshop Future workshop: 5 changes to 5 entries (--format json lists them)."
    ]


# --- the briefing's section and the deck's slide
# -----------------------------------------------------------


def test_the_briefing_says_what_the_interviews_say(evidence: KnowledgeGraph) -> None:
    from sckg.report import build_report

    section = build_report(evidence, lang="en").section("interviews")
    assert section.heading == "What the interviews say"
    assert section.paragraphs[0] == (
        "2 interviews with 3 units from 1 February 2025 to 10 February 2025; 11 statements and "
        "ideas "
        "from interviews and workshops."
    )
    assert section.facts == {
        "interviews": 2,
        "statements": 11,
        "unanswered_needs": 4,
        "blind_spots": 2,
    }
    assert [(t.caption, len(t.rows)) for t in section.tables] == [
        ("Needs and problems per field of action: how many units raised them", 2),
        ("Needs no project answers", 4),
        ("Existing activities the inventory does not know", 2),
        ("Named as partners, but without a shared project", 3),
    ]
    assert [m.projection for m in section.maps] == ["partners"]


def test_no_interviews_no_section_and_the_slide_says_why(braunschweig: KnowledgeGraph) -> None:
    from sckg.choices import SlideView
    from sckg.errors import DataError
    from sckg.present import Agenda, View, build_deck
    from sckg.report import build_report

    assert "interviews" not in [s.key for s in build_report(braunschweig, lang="en").sections]
    with pytest.raises(DataError) as caught:
        build_deck(braunschweig, lang="en", agenda=Agenda(None, [View(SlideView.interviews)]))
    assert str(caught.value) == (
        "The slide interviews needs interviews or workshops in the data (the template's sheets "
        "Interviews, "
        "Workshops and Statements)."
    )


def test_the_key_point_of_the_interviews(evidence: KnowledgeGraph) -> None:
    from sckg.report import build_report
    from sckg.report.keypoints import key_points

    report = build_report(evidence, lang="en")
    found = [p for p in key_points(evidence, report.sections, "en") if p.section == "interviews"]
    assert [(p.figure, p.text, p.question) for p in found] == [
        (4, "The interviews name 4 needs no project answers.", "Which projects take them up?")
    ]
    report.section("interviews").facts["unanswered_needs"] = 0
    assert all(p.section != "interviews" for p in key_points(evidence, report.sections, "en"))


def test_diff_says_what_a_workshop_given_as_a_blank_node_changed(make_kg) -> None:
    """A workshop without an IRI (``[]`` or ``_:w`` in Turtle) groups what came from it under its
    label and date: ``diff`` sent its blank node's name to the store as an IRI and failed with a
    syntax error. The workshop itself is added as ``_:blank``, like every blank node, and goes with
    the changes of no workshop."""
    from sckg.diff import diff

    result = diff(make_kg(BEFORE), make_kg(AFTER.replace("ex:w ", "_:w ")), lang="en")
    [workshop] = result.workshops
    assert (workshop.workshop, workshop.label, workshop.date) == (
        "_:blank",
        "Future workshop",
        "2025-03-01",
    )
    assert [(c.kind, c.change, c.subject_label) for c in workshop.changes] == [
        ("entity", "added", "Record"),
        ("entity", "added", "Shade trees"),
        ("entity", "added", "https://example.org/city/v"),
        ("relation", "added", "Cool city"),
    ]
