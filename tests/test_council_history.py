"""Council data next to the programme (issue 13): honest empty states on council data alone,
headline counts per kind of record, and the council's history of the programme in the named query,
the report, the maps, the diff and the exports. The graphs are hand-built in the shape ``sckg import
oparl`` writes (tests/council.py)."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

import pytest
from council import COUNCIL, PROGRAMME
from typer.testing import CliRunner

from sckg.cli import app
from sckg.diff import diff
from sckg.export import export_graph
from sckg.kg import KnowledgeGraph
from sckg.network.coverage import gaps, overlap, silos
from sckg.network.dependencies import critical_path, cycles
from sckg.network.metrics import bridges, centrality, communities
from sckg.queries import run_named
from sckg.report import build_report, render_markdown
from sckg.viz import build_network

C = "https://w3id.org/sckg/id/test/oparl/"
FIELD = "https://w3id.org/sckg/vocab/field/"
EX = "https://example.org/city/"
NO_PROJECTS = (
    "No projects in the graph: import the programme's inventory next to the council data "
    "(sckg import table)."
)


@pytest.fixture
def council(make_kg: Callable[[str], KnowledgeGraph]) -> KnowledgeGraph:
    return make_kg(COUNCIL)


@pytest.fixture
def linked(turtle_file: Callable[[str, str], Path]) -> KnowledgeGraph:
    return KnowledgeGraph.open(
        [turtle_file(COUNCIL, "council.ttl"), turtle_file(PROGRAMME, "programme.ttl")]
    )


def test_every_analysis_says_in_one_line_that_council_data_alone_has_no_projects(council) -> None:
    for analysis in (centrality, bridges, communities, gaps, silos, overlap, cycles, critical_path):
        result = analysis(council, lang="en")
        assert (analysis.__name__, list(result), result.notes) == (
            analysis.__name__,
            [],
            [NO_PROJECTS],
        )
    assert centrality(council, lang="de").notes == [
        "Keine Projekte im Graphen: Importieren Sie das Projektinventar des Programms neben die "
        "Ratsdaten (sckg import table)."
    ]


def test_projects_without_collaboration_say_what_to_record(make_kg) -> None:
    kg = make_kg(
        'ex:a a sckg:Project ; dcterms:title "A"@de ; sckg:managedBy ex:u .\n'
        'ex:u a org:OrganizationalUnit ; rdfs:label "U"@de .'
    )
    assert centrality(kg, lang="en").notes == [
        "Nothing to rank: no actor works on a project with another; record who takes part in "
        "projects (sckg:hasParticipant, sckg:contractor)."
    ]
    assert list(centrality(kg, lang="en")) == []


def test_the_cli_prints_the_reason_instead_of_an_empty_table(turtle_file) -> None:
    result = CliRunner().invoke(
        app, ["analyze", "centrality", "--data", str(turtle_file(COUNCIL)), "-l", "en"]
    )
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", NO_PROJECTS + "\n")


def test_council_organizations_are_not_actors_without_project(linked) -> None:
    assert [(r.kind, r.label) for r in gaps(linked, lang="en")] == [
        ("project-without-goal", "Bürgerportal"),
        ("project-without-goal", "Öffentliches WLAN"),
    ]


def test_headline_counts_name_each_kind_of_council_record(linked) -> None:
    report = build_report(linked, lang="en")
    # p1 and p2 are linked, p3 is not; of the deciding consultations k2 (on p1) counts, k3 (on p3)
    # does not
    assert [row[:2] for row in report.section("figures").tables[0].rows] == [
        ["Actors", 5],
        ["Projects", 2],
        ["Fields of action", 1],
        ["Goals", 0],
        ["Council papers (all)", 3],
        ["Meetings (all committees)", 2],
        ["Consultations (all papers)", 3],
        ["Council papers on the programme", 2],
        ["Decisions on the programme", 1],
    ]
    start = report.summary.index("council papers (all): 3")
    assert report.summary[start : start + 5] == [
        "council papers (all): 3",
        "meetings (all committees): 2",
        "consultations (all papers): 3",
        "council papers on the programme: 2",
        "decisions on the programme: 1",
    ]


def test_report_on_council_data_alone_gives_reasons_not_empty_tables(council) -> None:
    report = build_report(council, lang="en")
    for key in ("actors", "dependencies", "silos", "fields"):
        section = report.section(key)
        assert (key, section.paragraphs[-1], section.tables) == (key, NO_PROJECTS, [])
    assert report.section("open-points").tables == []
    assert report.section("council").paragraphs == [
        "No council paper is linked to a project or field of action: review the proposals of sckg "
        "link papers and accept the ones that fit."
    ]
    assert "Sources:**\n\n- a1 (–) <https://ris.example.org/oparl/a1>" in render_markdown(report)
    assert "\n- and 11 more sources\n" in render_markdown(report)


def test_council_history_query_rows(linked) -> None:
    rows = [
        [str(v) if v is not None else None for v in row[:10]]
        for row in run_named(linked, "council-history", lang="en").records()
        for row in [list(row.values())]
    ]
    assert rows == [
        [
            "Digitale Infrastruktur",
            "2024-02-28",
            "0050/24",
            "Digitalisierungskonzept",
            "Antrag",
            None,
            None,
            None,
            None,
            None,
        ],
        [
            "Digitale Infrastruktur",
            "2024-03-05",
            "0042/24",
            "Öffentliches WLAN in der Innenstadt",
            "Beschlussvorlage",
            "Bauausschuss",
            "preliminary deliberation",
            "zur Kenntnis genommen",
            "https://ris.example.org/vo/42",
            "Öffentliches WLAN",
        ],
        [
            "Digitale Infrastruktur",
            "2024-04-18",
            "0042/24",
            "Öffentliches WLAN in der Innenstadt",
            "Beschlussvorlage",
            "Rat",
            "decision",
            "ungeändert beschlossen",
            "https://ris.example.org/vo/42",
            "Öffentliches WLAN",
        ],
        [
            "Öffentliches WLAN",
            "2024-03-05",
            "0042/24",
            "Öffentliches WLAN in der Innenstadt",
            "Beschlussvorlage",
            "Bauausschuss",
            "preliminary deliberation",
            "zur Kenntnis genommen",
            "https://ris.example.org/vo/42",
            None,
        ],
        [
            "Öffentliches WLAN",
            "2024-04-18",
            "0042/24",
            "Öffentliches WLAN in der Innenstadt",
            "Beschlussvorlage",
            "Rat",
            "decision",
            "ungeändert beschlossen",
            "https://ris.example.org/vo/42",
            None,
        ],
    ]
    one = run_named(linked, "council-history", {"target": "Öffentliches WLAN"}, lang="en")
    assert [str(r["committeeLabel"]) for r in one.records()] == ["Bauausschuss", "Rat"]


def test_report_section_what_the_council_decided_and_when(linked) -> None:
    section = build_report(linked, lang="de").section("council")
    assert section.heading == "Was der Rat beschlossen hat, und wann"
    assert [(s.heading, s.paragraphs) for s in section.subsections] == [
        ("Digitale Infrastruktur", ["2 Vorlagen zu diesem Handlungsfeld oder seinen Projekten."]),
        ("Öffentliches WLAN", ["1 Vorlage zu diesem Projekt."]),
    ]
    project = section.subsections[1].tables[0]
    assert project.columns == ["Datum", "Gremium", "Rolle", "Ergebnis", "Vorlage"]
    assert [[str(v) for v in row] for row in project.rows] == [
        [
            "2024-03-05",
            "Bauausschuss",
            "Vorberatung",
            "zur Kenntnis genommen",
            "0042/24 Öffentliches WLAN in der Innenstadt",
        ],
        [
            "2024-04-18",
            "Rat",
            "Entscheidung",
            "ungeändert beschlossen",
            "0042/24 Öffentliches WLAN in der Innenstadt",
        ],
    ]
    assert project.rows[0][4].url == "https://ris.example.org/vo/42"
    assert (
        section.facts == {}
    )  # the headline count of papers on the programme is the key figures' own
    markdown = render_markdown(build_report(linked, lang="de"))
    assert (
        "| 2024-04-18 | Rat | Entscheidung | ungeändert beschlossen | "
        "[0042/24 Öffentliches WLAN in der Innenstadt](<https://ris.example.org/vo/42>) |"
    ) in markdown


def test_maps_leave_council_records_out_unless_with_papers(linked) -> None:
    plain = build_network(linked, "entity", lang="en")
    assert sorted(n["cls"] for n in plain.nodes) == sorted(
        [
            "field",
            "stabsstelle",
            "project",
            "project",
            "committee",
            "city-administration",
            "council",
            "actor",
        ]
    )
    net = build_network(linked, "entity", lang="en", with_papers=True)
    added = {n["id"]: n["cls"] for n in net.nodes}.items() - {
        n["id"]: n["cls"] for n in plain.nodes
    }.items()
    assert sorted(added) == [
        (C + "k1", "consultation"),
        (C + "k2", "consultation"),
        (C + "m1", "meeting"),
        (C + "m2", "meeting"),
        (C + "p1", "paper"),
        (C + "p2", "paper"),
    ]
    assert {
        (e["from"], e["to"], e["title"]) for e in net.edges if e["from"] in (C + "p1", C + "p2")
    } >= {(C + "p1", EX + "wlan", "subject"), (C + "p2", EX + "digital", "subject")}


def test_with_papers_is_for_the_entity_projection(linked) -> None:
    from sckg.errors import ParameterError

    with pytest.raises(ParameterError) as error:
        build_network(linked, "actors", with_papers=True)
    assert (
        str(error.value)
        == "with_papers adds council papers to the entity projection, not to 'actors'"
    )


def test_diff_names_new_council_papers_on_projects(turtle_file, linked) -> None:
    old = KnowledgeGraph.open(
        [turtle_file(COUNCIL, "old.ttl"), turtle_file(PROGRAMME.split("c:p1 ")[0], "p0.ttl")]
    )
    result = diff(old, linked, lang="en")
    assert [(c.subject_label, c.new) for c in result.papers] == [
        ("Öffentliches WLAN in der Innenstadt", "Öffentliches WLAN"),
        ("Digitalisierungskonzept", "Digitale Infrastruktur"),
    ]
    section = build_report(linked, lang="en", since=old).section("changes")
    assert section.paragraphs == [
        "2 new council papers on your projects and fields of action since the last snapshot."
    ]
    assert section.tables[0].caption == "New council papers on your projects"


#: Reviewed links of ``sckg link papers`` to the vocabulary's fields (not typed in the data graphs):
#: one accepted, one rejected.
VOCABULARY_LINKS = """
@prefix c: <https://w3id.org/sckg/id/test/oparl/> .
c:p3 dcterms:subject field:security .
c:p1 sckg:rejectedSubject field:energy .
"""


def test_links_to_the_vocabularys_fields_are_new_papers_and_rejections_no_change(
    turtle_file,
) -> None:
    old = KnowledgeGraph.open(
        [turtle_file(COUNCIL, "council.ttl"), turtle_file(PROGRAMME, "programme.ttl")]
    )
    new = KnowledgeGraph.open(
        [
            turtle_file(COUNCIL, "council.ttl"),
            turtle_file(PROGRAMME, "programme.ttl"),
            turtle_file(VOCABULARY_LINKS, "links.ttl"),
        ]
    )
    result = diff(old, new, lang="en")
    assert [(c.subject_label, c.new, c.object) for c in result.papers] == [
        ("Löschfahrzeug für die Feuerwehr", "Safety and public order", FIELD + "security")
    ]
    assert [
        (c.kind, c.change, c.subject_label, c.property, c.old, c.new) for c in result.changes
    ] == [
        (
            "relation",
            "added",
            "Löschfahrzeug für die Feuerwehr",
            "dcterms:subject",
            "",
            "Safety and public order",
        )
    ]
    section = build_report(new, lang="en", since=old).section("changes")
    assert section.paragraphs == [
        "1 new council paper on your projects and fields of action since the last snapshot."
    ]
    # the link is listed once, labelled, in the table of new papers (not again as a raw row of the
    # change list)
    assert [(table.caption, table.rows) for table in section.tables] == [
        (
            "New council papers on your projects",
            [["Löschfahrzeug für die Feuerwehr", "Safety and public order"]],
        )
    ]


def test_exports_date_papers_meetings_and_consultations(linked) -> None:
    nodes = export_graph(linked, "csv", with_papers=True)["nodes.csv"].decode("utf-8")
    dated = {
        row["Id"][len(C) :]: row["start"]
        for row in csv.DictReader(io.StringIO(nodes))
        if row["start"]
    }
    assert dated == {
        "p1": "2024-02-20",
        "p2": "2024-02-28",
        "k1": "2024-03-05",
        "k2": "2024-04-18",
        "m1": "2024-03-05",
        "m2": "2024-04-18",
    }
    gexf = export_graph(linked, "gexf", with_papers=True)["graph.gexf"].decode("utf-8")
    assert 'mode="dynamic" name="" timeformat="date"' in gexf
    assert (
        f'<node id="{C}p1" label="Öffentliches WLAN in der Innenstadt" start="2024-02-20">' in gexf
    )
    graphml = export_graph(linked, "graphml", with_papers=True)["graph.graphml"].decode("utf-8")
    assert '<key id="start" for="node" attr.name="start" attr.type="string" />' in graphml


def test_a_long_history_shows_the_latest_rows_and_how_to_see_all(make_kg) -> None:
    papers = "\n".join(
        f'ex:p{i} a oparl:Paper ; dcterms:title "Vorlage {i:02d}"@de ; dcterms:date '
        f'"2024-01-{i:02d}"^^xsd:date ; '
        "dcterms:subject ex:wlan ."
        for i in range(1, 24)
    )
    kg = make_kg('ex:wlan a sckg:Project ; dcterms:title "WLAN"@de .\n' + papers)
    [sub] = build_report(kg, lang="en").section("council").subsections
    assert sub.paragraphs == [
        "23 council papers on this project.",
        'The latest 20 of 23 rows; all: sckg query council-history --param "target=WLAN".',
    ]
    assert [row[4] for row in sub.tables[0].rows][::19] == ["Vorlage 04", "Vorlage 23"]
