"""The steering group's briefing: sections and exact figures on the bundled data, German and
English, escaping, and the change list with --since."""

import base64
import re
from pathlib import Path

import pytest
from conftest import ILL_TYPED, ILL_TYPED_NOTES
from council import meeting_graphs

from sckg import resources
from sckg.kg import KnowledgeGraph
from sckg.report import build_report, render_html, render_markdown

HEADINGS = {
    "de": [
        "Das Wichtigste in Kürze",
        "Prozessstand",
        "Kennzahlen",
        "Zeitplan",
        "Gesamtkarte",
        "Strategiebaum",
        "Wer das Programm zusammenhält",
        "Abhängigkeiten",
        "Silos und Überschneidungen",
        "Offene Punkte",
        "Rechtsrahmen",
        "Handlungsfelder",
        "Was der Rat beschlossen hat, und wann",
        "Beschlüsse zum Programm",
    ],
    "en": [
        "Key points",
        "Process status",
        "Key figures",
        "Roadmap",
        "Overall map",
        "Strategy tree",
        "Who holds the programme together",
        "Dependencies",
        "Silos and overlaps",
        "Open points",
        "Legal frame",
        "Fields of action",
        "What the council decided, and when",
        "Decisions on the programme",
    ],
}


@pytest.fixture(scope="module")
def bs_de(braunschweig: KnowledgeGraph):
    return build_report(braunschweig, lang="de")


@pytest.fixture(scope="module")
def ms_en(musterstadt: KnowledgeGraph):
    return build_report(musterstadt, lang="en")


def table(section, caption):
    [found] = [t for t in section.tables if t.caption == caption]
    return found


def test_headings_in_both_languages(bs_de, braunschweig: KnowledgeGraph) -> None:
    assert [s.heading for s in bs_de.sections] == HEADINGS["de"]
    english = build_report(braunschweig, lang="en")
    assert [s.heading for s in english.sections] == HEADINGS["en"]
    assert english.title == (
        "Smart City briefing for the steering group – Smart City Braunschweig: 2018 framework "
        "concept proposal"
    )


def test_braunschweig_figures(bs_de) -> None:
    assert (
        bs_de.facts
        == {
            "key_points": 4,
            "outputs_done": 1,
            "outputs_missing": 8,
            "actors": 10,
            "projects": 5,
            "fields": 8,
            "goals": 0,
            "papers": 1,
            "meetings": 0,
            "consultations": 2,
            "programme_papers": 1,
            "decisions": 2,
            "goals_without_fields": 0,
            "fields_without_projects": 7,
            "projects_without_decision": 5,
            "chain": 0,
            "cycles": 0,
            "silos": 0,
            "overlaps": 0,
            "violations": 0,
            "open_points": 16,
            "gaps": 8,
            "legal_points": 0,
            "laws": 0,
        }
        # the inventory records its paper itself; decisions: the administrative committee's, the
        # council's of 2015
    )
    figures = bs_de.section("figures")
    charts = {c.key: c.table for c in figures.charts}
    assert charts["budget-by-department"].rows == [["Dezernat VI", "64.827,39 €", 1]]
    assert charts["budget-by-field"].rows == [["(keines)", "64.827,39 €", 1]]
    assert [c.key for c in figures.charts] == [
        "budget-by-field",
        "budget-by-department",
        "status",
        "status-by-field",
    ]
    assert bs_de.data_date == "2018-10-26"
    assert [(s.date, s.iri) for s in bs_de.sources] == [
        ("2018-10-26", "https://w3id.org/sckg/id/braunschweig/paper/2018-smart-city-rahmenkonzept")
    ]


def test_braunschweig_decisions_timeline(bs_de) -> None:
    rows = bs_de.section("decisions").tables[0].rows
    assert [(r[0], r[1], r[2], r[4]) for r in rows] == [
        ("2015", "Rat der Stadt Braunschweig", "Beschluss", ""),
        ("2018-11-02", "Wirtschaftsausschuss", "Vorberatung", "öffentlich"),
        ("2018-12-11", "Verwaltungsausschuss", "Entscheidung", "nichtöffentlich"),
    ]


def test_musterstadt_timeline_lists_each_consultation_once(ms_en) -> None:
    rows = ms_en.section("decisions").tables[0].rows
    assert (
        len(rows) == 15
    )  # a paper with a title and a label once gave each of its consultations four rows
    assert rows[:3] == [
        [
            "2025-03-04",
            "Committee for Digitalisation and Organisation",
            "preliminary deliberation",
            "Smart city strategy Musterstadt 2030",
            "public",
        ],
        [
            "2025-03-20",
            "Musterstadt city council",
            "Decision",
            "Council resolution on the smart city strategy",
            "",
        ],
        [
            "2025-03-20",
            "Musterstadt city council",
            "decision",
            "Smart city strategy Musterstadt 2030",
            "public",
        ],
    ]


def test_braunschweig_fields_and_open_points(bs_de) -> None:
    fields = bs_de.section("fields").subsections
    mobility = next(s for s in fields if s.heading == "Smart Mobility")
    assert mobility.paragraphs == [
        "2 Projekte, 0 Akteure, Budget unbekannt."
    ]  # no budget is recorded
    assert [(row[0], row[3]) for row in mobility.tables[0].rows] == [
        ("Aufbau einer Ladeinfrastruktur für Elektrofahrzeuge", "unbekannt"),
        ("Handyparken", "unbekannt"),
    ]
    assert mobility.items == ["Akteure: keine", "Ziele: keine"]  # "Akteure: " said nothing
    gaps = table(bs_de.section("open-points"), "Lücken").rows
    assert gaps[-1] == [
        "Akteur ohne Projekt",
        "Rechnungsprüfungsamt",
        "für den Akteur ist in keinem Projekt eine Rolle erfasst (weder federführend noch "
        "beteiligt, auch für keine Einheit darunter)",
    ]


def test_musterstadt_analyses(ms_en) -> None:
    facts = ms_en.facts
    assert (
        facts["projects"],
        facts["chain"],
        facts["cycles"],
        facts["silos"],
        facts["overlaps"],
    ) == (52, 5, 1, 1, 1)
    deps = ms_en.section("dependencies")
    path = table(deps, "Longest dependency chain (critical path)")
    assert [r[1] for r in path.rows] == [
        "Fibre backbone for municipal sites",
        "Musterstadt LoRaWAN network",
        "Musterstadt urban data platform",
        "Musterstadt digital twin",
        "Heavy rain and heat simulation",
    ]
    assert [t.caption for t in deps.tables][2:] == [
        "Impact of 'Fibre backbone for municipal sites': 8 projects depend on it",
        "Impact of 'Musterstadt LoRaWAN network': 7 projects depend on it",
        "Impact of 'Digital citizen account': 2 projects depend on it",
    ]
    actors = table(ms_en.section("actors"), "Central actors")
    assert actors.rows[0][:4] == [1, "IT and Digitalisation division", "Division", 27]
    silo = ms_en.section("silos").tables[0].rows
    assert [r[:3] for r in silo] == [
        [
            "Smart living",
            "Department V – Social Affairs, Health and Housing",
            "Department VI – Urban Development and Building",
        ]
    ]
    gaps = table(ms_en.section("open-points"), "Gaps").rows
    assert [(r[0], r[1]) for r in gaps] == [
        (
            "goal without project",
            "Strengthen Musterstadt as a place of higher education and research",
        ),
        ("goal without project", "Support health and care digitally"),
        ("field without project", "Health"),
        ("milestone overdue", "Exchange online (Digital repair and swap exchange)"),
        (
            "milestone overdue",
            "Half of the departments switched over (Introduction of electronic files)",
        ),
        ("actor without project", "Musterstadt Glasfaser GmbH (fibre network company)"),
    ]


def test_changes_since_come_first(make_kg, turtle_file) -> None:
    old = make_kg('ex:p a sckg:Project ; dcterms:title "Alt"@de .')
    new = make_kg(
        'ex:p a sckg:Project ; dcterms:title "Neu"@de . ex:q a sckg:Project ; dcterms:title "Q"@de '
        "."
    )
    report = build_report(new, lang="de", since=old)
    assert report.sections[0].key == "key-points"  # the key points open every briefing
    changes = report.sections[1]
    assert changes.key == "changes"
    assert changes.heading == "Was sich seit dem letzten Stand geändert hat"
    assert changes.tables[0].rows == [
        ["Entität neu", "Q", "", "", "sckg:Project"],
        ["Angabe geändert", "Neu", "dcterms:title", "Alt@de", "Neu@de"],
    ]
    assert report.facts["changes"] == 2


def test_report_since_on_the_command_line_lists_the_changes_or_names_the_broken_snapshot(
    tmp_path: Path,
) -> None:
    """The previous snapshot loads beside the current one; a change shows in the briefing, and a
    previous snapshot that does not parse is a user error naming its file and line."""
    from typer.testing import CliRunner

    from sckg.cli import app

    head = (
        "@prefix sckg: <https://w3id.org/sckg/ontology#> . "
        "@prefix dcterms: <http://purl.org/dc/terms/> ."
    )
    old, new, broken = tmp_path / "old.ttl", tmp_path / "new.ttl", tmp_path / "broken.ttl"
    old.write_text(f'{head}\n<https://example.org/p> a sckg:Project ; dcterms:title "Alt"@de .\n')
    new.write_text(f'{head}\n<https://example.org/p> a sckg:Project ; dcterms:title "Neu"@de .\n')
    broken.write_text(f"{head}\n<https://example.org/p> a sckg:Project ;;\n")
    out = tmp_path / "out"
    run = CliRunner().invoke(
        app, ["report", "--data", str(new), "--since", str(old), "--out", str(out), "-l", "en"]
    )
    assert run.exit_code == 0, run.output
    markdown = (out / "report.md").read_text(encoding="utf-8")
    assert "| attribute changed | Neu | dcterms:title | Alt@de | Neu@de |" in markdown
    failed = CliRunner().invoke(
        app, ["report", "--data", str(new), "--since", str(broken), "--out", str(out)]
    )
    assert failed.exit_code == 1
    assert failed.output == f"Error: {broken}, line 3, column 1: malformed RDF: Unexpected end\n"


def test_every_label_is_escaped(make_kg) -> None:
    kg = make_kg(
        'ex:p a sckg:Project ; dcterms:title "<script>alert(1)</script>"@de ; sckg:inFieldOfAction '
        "ex:f ; "
        "sckg:managedBy ex:a .\n"
        'ex:f a sckg:FieldOfAction ; skos:prefLabel "<img src=x onerror=alert(2)>"@de .\n'
        'ex:a a org:OrganizationalUnit ; rdfs:label "A & B | <b>"@de .'
    )
    report = build_report(kg, lang="de")
    html = render_html(report)
    assert "<script>alert(1)" not in html and "<img src=x" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html
    markdown = render_markdown(report)
    assert "\\<script\\>alert(1)\\</script\\>" in markdown
    assert "A \\& B \\| \\<b\\>" in markdown


def test_markdown_has_the_sections(bs_de, tmp_path: Path) -> None:
    markdown = render_markdown(bs_de)
    for heading in HEADINGS["de"]:
        assert f"\n## {heading}\n" in markdown
    assert "| Dezernat VI | 64.827,39 € | 1 |" in markdown


def test_report_command_writes_both_files_and_prints_the_summary(
    braunschweig_path: Path, tmp_path: Path
) -> None:
    from typer.testing import CliRunner

    from sckg.cli import app

    result = CliRunner().invoke(
        app, ["report", "--data", str(braunschweig_path), "--out", str(tmp_path), "-l", "en"]
    )
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == (
        "Smart City briefing for the steering group – Smart City Braunschweig: 2018 framework "
        "concept proposal"
    )
    assert "  open points: 16" in lines
    assert lines[-1] == f"Report: {tmp_path / 'report.html'} (and report.md)"
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert (
        html.count('<iframe class="map"') == 3
    )  # overall, actors, one field of action with projects
    assert "64,827.39" in html and "2018-11-02" in html and "2018-12-11" in html
    assert (tmp_path / "report.md").read_text(encoding="utf-8").startswith("# Smart City briefing")


def test_write_report_includes_every_map(make_kg, tmp_path: Path) -> None:
    from sckg.report import write_report

    kg = make_kg(
        'ex:p a sckg:Project ; dcterms:title "Parken"@de ; sckg:inFieldOfAction ex:f ; '
        'sckg:managedBy ex:a .\nex:f a sckg:FieldOfAction ; skos:prefLabel "Mobilität"@de .\nex:a '
        'a org:OrganizationalUnit ; rdfs:label "Amt"@de .'
    )
    report = build_report(kg, lang="de")
    path = write_report(report, kg, tmp_path)
    assert path == tmp_path / "report.html"
    page = path.read_text(encoding="utf-8")
    titles = re.findall(r'<iframe class="map" id="map-\d+" title="([^"]*)"', page)
    specs = [
        spec.title for s in report.sections for part in (s, *s.subsections) for spec in part.maps
    ]
    assert titles == specs == ["Gesamtkarte", "Mobilität"]  # the overall map, and the field's map
    assert page.count('srcdoc="&lt;!DOCTYPE html&gt;') == 2
    figure = re.findall(
        r'<figure class="static-figure"><img alt="Gesamtkarte" src="data:image/svg\+xml;base64,'
        r'([A-Za-z0-9+/=]+)"',
        page,
    )  # a small map as a vector drawing, its labels crisp in print
    assert len(figure) == 1
    assert b"<!-- Parken -->" in base64.b64decode(figure[0])  # the label, drawn as outlines
    assert (tmp_path / "report.md").read_text(encoding="utf-8").startswith("# Smart-City-Lagebild")


def test_a_static_figure_of_more_nodes_than_are_labelled_is_a_png(
    make_kg, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A large map as a vector drawing grows with its nodes (2 MB for 1,500), its pixels do not."""
    from sckg.report import maps, write_report

    monkeypatch.setattr(maps, "LABELLED_NODES", 2)
    kg = make_kg(
        'ex:p a sckg:Project ; dcterms:title "Parken"@de ; sckg:inFieldOfAction ex:f ; '
        'sckg:managedBy ex:a .\nex:f a sckg:FieldOfAction ; skos:prefLabel "Mobilität"@de .\nex:a '
        'a org:OrganizationalUnit ; rdfs:label "Amt"@de .'
    )
    page = write_report(build_report(kg, lang="de"), kg, tmp_path).read_text(encoding="utf-8")
    png = re.findall(r'<img alt="Gesamtkarte" src="data:image/png;base64,([A-Za-z0-9+/=]+)"', page)
    assert len(png) == 1 and base64.b64decode(png[0]).startswith(b"\x89PNG")


# --- the three graphs a city has: council records, inventory, both --------------------------------


@pytest.fixture(scope="module")
def graphs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, KnowledgeGraph]:
    paths = meeting_graphs(tmp_path_factory.mktemp("meeting"))
    return {name: KnowledgeGraph.open(files) for name, files in paths.items()}


@pytest.mark.parametrize("shape", ["council", "papers", "inventory", "combined"])
def test_every_output_is_free_of_none_and_of_local_paths(
    graphs, shape: str, tmp_path: Path
) -> None:
    from sckg.report import write_report

    for lang in ("de", "en"):
        report = build_report(graphs[shape], lang=lang)
        write_report(report, graphs[shape], tmp_path)
        for name in ("report.html", "report.md"):
            text = (tmp_path / name).read_text(encoding="utf-8")
            assert re.findall(r".{30}\bNone\b.{30}", text) == [], (shape, lang, name)
            assert "file:" not in text and str(tmp_path.parent.parent) not in text, (
                shape,
                lang,
                name,
            )


def test_a_map_with_nothing_to_draw_says_why_instead_of_stopping_the_report(
    graphs, tmp_path: Path
) -> None:
    """Some council servers publish papers only (and their files). No actor, project or field of
    action is in such data: the report stopped with the map's filter error ("No node is left after
    the filters; loosen --class ..."), though nothing was filtered. The overall map now says why it
    is empty, and every other section is written."""
    from sckg.report import write_report

    report = build_report(graphs["papers"], lang="en")
    page = write_report(report, graphs["papers"], tmp_path).read_text(encoding="utf-8")
    why = (
        "Nothing to draw: the data has no node of the map “Entity network”. No "
        "projects in the graph: import the programme&#x27;s inventory next to the council data "
        "(sckg import table)."
    )
    assert page.count(why) == 1 and "<iframe" not in page
    assert [s.key for s in report.sections][:4] == ["key-points", "figures", "roadmap", "map"]


def test_the_header_dates_each_dataset_by_its_newest_record(graphs) -> None:
    council = render_markdown(build_report(graphs["council"], lang="de")).splitlines()
    assert council[2].startswith("Datenstand (jüngster Eintrag): 14. März 2024 · erstellt: ")
    assert (
        council[6] == "- Stadt Musterstadt – Ratsinformationssystem (–) "
        "<https://ris.musterstadt.example/oparl/v1/>"
    )
    both = render_markdown(build_report(graphs["combined"], lang="en")).splitlines()
    assert both[2].startswith(
        "Data as of (newest record per dataset): 16 December 2025 (Musterstadt "
        "(synthetisch): council information (OParl)) · 30 April 2024 (Musterstadt: "
        "Bestandsaufnahme) · generated: "
    )


def test_every_headline_count_states_what_it_counts(graphs) -> None:
    figures = build_report(graphs["council"], lang="en").section("figures")
    assert figures.tables[0].columns == ["What", "Count", "What is counted"]
    assert [row[:2] for row in figures.tables[0].rows] == [
        ["Actors", 4],
        ["Projects", 0],
        ["Fields of action", 0],
        ["Goals", 0],
        ["Council papers (all)", 3],
        ["Meetings (all committees)", 4],
        ["Consultations (all papers)", 2],
        ["Council papers on the programme", 0],
        ["Decisions on the programme", 0],
    ]
    assert figures.tables[0].rows[7][2] == (
        "papers linked to a project or field of action (sckg link papers) or recorded by the "
        "inventory itself (not imported from the council information system)"
    )
    report = build_report(graphs["combined"], lang="en")
    linked = (
        graphs["combined"]
        .select(
            "SELECT (COUNT(DISTINCT ?p) AS ?papers) (COUNT(DISTINCT ?c) AS ?decided) WHERE { ?p "
            "dcterms:subject ?x . OPTIONAL { ?c sckg:paper ?p ; sckg:consultationRole "
            "role:decision } }"
        )
        .records()[0]
    )
    assert (report.facts["programme_papers"], report.facts["decisions"]) == (
        linked["papers"],
        linked["decided"],
    )
    assert (report.facts["papers"], report.facts["consultations"]) == (100, 110)


def test_decisions_list_the_programme_and_all_council_business_one_click_away(graphs) -> None:
    section = build_report(graphs["combined"], lang="de").section("decisions")
    ours, everything = section.tables
    on_wlan = (
        graphs["combined"]
        .select("SELECT ?c WHERE { ?c sckg:paper ?p . ?p dcterms:subject ?x }")
        .records()
    )
    assert len(ours.rows) == len(on_wlan) == 19
    assert all("WLAN" in row[3] or "WiFi4EU" in row[3] for row in ours.rows)
    assert ours.rows[0] == [
        "2022-11-01",
        "Ausschuss für Digitalisierung und Organisation",
        "Entscheidung",
        "Ausbau des freien WLAN am Bahnhof",
        "öffentlich",
    ]
    assert (ours.collapsed, everything.collapsed) == (False, True)
    assert everything.caption == (
        "Alle Ratsgeschäfte, nicht nur zum Programm: die 100 jüngsten von 110 Beratungen "
        "und Beschlüssen (sckg query decisions listet alle)"
    )
    assert len(everything.rows) == 100
    html = render_html(build_report(graphs["combined"], lang="de"))
    assert (
        '<details class="more-rows"><summary>Alle Ratsgeschäfte, nicht nur zum Programm: die 100 '
        "jüngsten "
        "von 110"
    ) in html
    council = build_report(graphs["council"], lang="de").section("decisions")
    assert council.paragraphs[1] == (
        "Keine Beratung betrifft eine Vorlage zum Programm: sckg link papers schlägt "
        "vor, welche Vorlagen zu welchen Projekten und Handlungsfeldern gehören."
    )
    assert [t.caption for t in council.tables] == [
        "Alle Ratsgeschäfte, nicht nur zum Programm (2 Beratungen und Beschlüsse)"
    ]
    assert [row[2] for row in council.tables[0].rows] == ["Vorberatung", "Entscheidung"]


def test_start_only_and_end_only_projects_are_drawn_with_an_open_end(graphs) -> None:
    chart = build_report(graphs["inventory"], lang="de").section("roadmap").charts[0]
    assert [row[:3] for row in chart.table.rows] == [
        ["Öffentliches WLAN", "2023-01-01", "2025-12-31"],
        ["Ladesäulen am Rathaus", "2024-03-01", ""],
        ["Bürgerportal", "", "2026-06-30"],
    ]
    assert chart.aside_title == "" and chart.aside == []
    for name in ("Öffentliches WLAN", "Ladesäulen am Rathaus", "Bürgerportal"):
        assert name in chart.svg
    years = re.findall(r">(\d{4})<", chart.svg)
    assert years == [
        "2023",
        "2024",
        "2025",
        "2026",
        "2027",
    ]  # whole years: the axis ends on 1 January 2027
    assert chart.facts["Projekte mit Terminen"] == "3"


def test_a_roadmap_of_start_dates_only_has_no_empty_axis(make_kg) -> None:
    kg = make_kg(
        'ex:p a sckg:Project ; dcterms:title "Parken"@de ; schema:startDate "2024-03-01"^^xsd:date '
        '.\nex:q a sckg:Project ; dcterms:title "Ohne Termin"@de .'
    )
    chart = build_report(kg, lang="de").section("roadmap").charts[0]
    assert "1970" not in chart.svg and "Parken" in chart.svg
    assert re.findall(r">(\d{4})<", chart.svg) == ["2024", "2025"]
    assert (chart.aside_title, chart.aside) == ("1 Projekt ohne Beginn und Ende", ["Ohne Termin"])


def test_central_actors_are_the_ones_that_work_together_not_the_councils_organisations(
    graphs,
) -> None:
    [central, *_] = build_report(graphs["combined"], lang="de").section("actors").tables
    assert [row[:4] for row in central.rows] == [
        [1, "Stabsstelle IT", "Stabsstelle", 1],
        [2, "Stadtwerke", "Städtische Gesellschaft", 1],
    ]


def test_ill_typed_values_are_left_out_with_a_note_and_the_report_is_written(
    turtle_file, tmp_path: Path
) -> None:
    from typer.testing import CliRunner

    from sckg.cli import app

    data = turtle_file(ILL_TYPED)
    result = CliRunner().invoke(
        app, ["report", "--data", str(data), "--out", str(tmp_path), "-l", "en"]
    )
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[-len(ILL_TYPED_NOTES) :] == ILL_TYPED_NOTES
    markdown = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert (tmp_path / "report.html").is_file()
    assert "2 projects, 2 actors, budget at least €250,000.00." in markdown
    assert "| Laden |  | Amt | €250,000.00 |" in markdown
    assert "| Parken |  | Amt | unknown |" in markdown
    assert (
        "| Mobility | €250,000.00 | 1 |" in markdown
    )  # the budget chart's table: Laden's budget only
    assert (
        "| Parken |  | 2025-06-30 | yes | Laden |  |" in markdown
    )  # the roadmap's table: no start
    assert "|  | Amt |  | Vorlage Parken |  |" in markdown  # the decisions table: no date
    for page in (
        markdown,
        (tmp_path / "report.html").read_text(encoding="utf-8"),
    ):  # tables, charts, maps
        assert not any(
            text in page for text in ("1.450.000,00", "2024-13-01", "4.3.2025", "18.02.2025")
        )


def test_a_headline_number_without_words_still_shows_in_the_summary() -> None:
    from sckg.report.model import Report, Section

    sections = [Section("a", "A", facts={"projects": 3}), Section("b", "B", facts={"lines": 2})]
    briefing = Report("T", "en", None, "2026-01-01", [], sections)
    assert briefing.summary == ["projects: 3", "lines: 2"]


def test_every_headline_number_of_the_briefing_has_words(musterstadt: KnowledgeGraph) -> None:
    from sckg.words import CATALOGUE

    facts = build_report(musterstadt, lang="en").facts
    assert len(facts) >= 10 and [k for k in facts if f"fact.{k}" not in CATALOGUE] == []


@pytest.mark.parametrize(
    ("since", "code", "message"),
    [
        (
            "{tmp}/nowhere",
            1,
            "Error: {tmp}/nowhere: no such file or folder (check the --since path)\n",
        ),
        (
            "2026-01-01",
            2,
            "Error: --since '2026-01-01': a date; --since takes the earlier data (a file, a "
            "folder, oxigraph:PATH or sparql:URL) to list what changed since then\n",
        ),
        (
            "",
            2,
            "Error: --since is empty: give the earlier data (a file, a folder, oxigraph:PATH or "
            "sparql:URL) to list what changed since then\n",
        ),
    ],
)
@pytest.mark.parametrize("command", ["report", "present"])
def test_a_bad_since_names_since_and_says_what_it_takes(
    tmp_path: Path, command: str, since: str, code: int, message: str
) -> None:
    """--since names the earlier data: a missing path names --since (not --data), a date (as
    site's --since takes) or an empty value say what it takes."""
    from typer.testing import CliRunner

    from sckg.cli import app

    since = since.format(tmp=tmp_path)
    out = tmp_path / ("deck.html" if command == "present" else "out")
    data = str(Path(__file__).parent.parent / "data" / "braunschweig")
    run = CliRunner().invoke(
        app, [command, "--data", data, "--since", since, "--out", str(out), "-l", "en"]
    )
    assert (run.exit_code, run.stderr) == (code, message.format(tmp=tmp_path))
    assert not out.exists()


def test_a_since_date_is_explained_in_german(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from sckg.cli import app

    run = CliRunner().invoke(
        app, ["report", "--since", "2026-01-01", "--out", str(tmp_path / "r"), "-l", "de"]
    )
    assert (run.exit_code, run.stderr) == (
        2,
        "Fehler: --since '2026-01-01': ein Datum; --since nimmt die früheren Daten (eine Datei, "
        "einen Ordner, oxigraph:PFAD oder sparql:URL), um aufzulisten, was sich seitdem "
        "geändert hat\n",
    )


#: A city that files its projects under two reference fields and declares no field of its own.
REFERENCE_ONLY = """
ex:p1 a sckg:Project ; dcterms:title "Eins"@de ; sckg:inFieldOfAction field:smart-mobility .
ex:p2 a sckg:Project ; dcterms:title "Zwei"@de ; sckg:inFieldOfAction field:energy .
"""


def test_the_vocabularys_unused_reference_fields_are_not_the_citys(make_kg) -> None:
    """The 10 reference fields no project, goal or declaration of the city uses are not its fields
    of action: counted nowhere, no gaps, no sections, not drawn."""
    from sckg.namespaces import FIELD
    from sckg.network.coverage import gaps
    from sckg.network.projection import project

    kg = make_kg(REFERENCE_ONLY)
    report = build_report(kg, lang="de")
    assert (report.facts["fields"], report.facts["fields_without_projects"]) == (2, 0)
    assert [s.heading for s in report.section("fields").subsections] == [
        "Energie",
        "Smart Mobility",
    ]
    assert not [row for row in gaps(kg) if row.kind == "field-without-project"]
    drawn = sorted(n for n, cls in project(kg, "entity").nodes(data="cls") if cls == "field")
    assert drawn == [FIELD + "energy", FIELD + "smart-mobility"]


def test_musterstadts_fields_are_its_twelve_under_the_goals(ms_en) -> None:
    """Musterstadt uses the 12 reference fields: 11 with projects, Gesundheit under goals only."""
    assert (ms_en.facts["fields"], ms_en.facts["fields_without_projects"]) == (12, 1)


@pytest.mark.parametrize("city", ["braunschweig", "musterstadt", "ulm"])
def test_every_table_of_the_briefing_is_shown_once(city: str) -> None:
    """No two tables of report.md share a caption: the key figures showed "Projekte nach Status"
    twice, as their own table and as the table of the chart of the same name."""
    from collections import Counter

    kg = KnowledgeGraph.open([resources.dataset(city)])
    for lang in ("de", "en"):
        lines = render_markdown(build_report(kg, lang=lang)).split("\n")
        captions = Counter(
            line
            for line, blank, row in zip(lines, lines[1:], lines[2:], strict=False)
            if re.fullmatch(r"\*[^*].*\*", line) and blank == "" and row.startswith("|")
        )
        assert len(captions) > 3, (city, lang)
        assert [c for c, n in captions.items() if n > 1] == [], (city, lang)
