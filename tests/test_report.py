"""The steering group's briefing: sections and exact figures on the bundled data, German and English,
escaping, and the change list with --since."""

import re
from pathlib import Path

import pytest

from sckg.kg import KnowledgeGraph
from sckg.report import build_report, render_html, render_markdown

HEADINGS = {
    "de": ["Kennzahlen", "Zeitplan", "Gesamtkarte", "Wer das Programm zusammenhält", "Abhängigkeiten",
           "Silos und Überschneidungen", "Offene Punkte", "Handlungsfelder", "Was der Rat beschlossen hat, und wann",
           "Beschlüsse"],
    "en": ["Key figures", "Roadmap", "Overall map", "Who holds the programme together", "Dependencies",
           "Silos and overlaps", "Open points", "Fields of action", "What the council decided, and when",
           "Decisions"],
}


@pytest.fixture(scope="module")
def bs_de(braunschweig: KnowledgeGraph):
    return build_report(braunschweig, "de")


@pytest.fixture(scope="module")
def ms_en(musterstadt: KnowledgeGraph):
    return build_report(musterstadt, "en")


def table(section, caption):
    [found] = [t for t in section.tables if t.caption == caption]
    return found


def test_headings_in_both_languages(bs_de, braunschweig: KnowledgeGraph) -> None:
    assert [s.heading for s in bs_de.sections] == HEADINGS["de"]
    english = build_report(braunschweig, "en")
    assert [s.heading for s in english.sections] == HEADINGS["en"]
    assert english.title == (
        "Smart City briefing for the steering group – Smart City Braunschweig: 2018 framework concept proposal"
    )


def test_braunschweig_figures(bs_de) -> None:
    assert bs_de.facts == {
        "actors": 10, "projects": 5, "fields": 8, "goals": 0, "papers": 1, "meetings": 0, "consultations": 2,
        "resolutions": 1, "chain": 0, "cycles": 0, "silos": 0, "overlaps": 0, "violations": 0, "open_points": 16,
        "gaps": 8, "linked_papers": 0,
    }
    figures = bs_de.section("figures")
    charts = {c.key: c.table for c in figures.charts}
    assert charts["budget-by-department"].rows == [["Dezernat VI", "64.827,39 €", 1]]
    assert charts["budget-by-field"].rows == [["(keines)", "64.827,39 €", 1]]
    assert [c.key for c in figures.charts] == ["budget-by-field", "budget-by-department", "status", "status-by-field"]
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
    assert len(rows) == 15  # a paper with a title and a label once gave each of its consultations four rows
    assert rows[:3] == [
        ["2025-03-04", "Committee for Digitalisation and Organisation", "preliminary deliberation",
         "Smart city strategy Musterstadt 2030", "public"],
        ["2025-03-20", "Musterstadt city council", "Decision", "Council resolution on the smart city strategy", ""],
        ["2025-03-20", "Musterstadt city council", "decision", "Smart city strategy Musterstadt 2030", "public"],
    ]


def test_braunschweig_fields_and_open_points(bs_de) -> None:
    fields = bs_de.section("fields").subsections
    mobility = next(s for s in fields if s.heading == "Smart Mobility")
    assert mobility.paragraphs == ["2 Projekte, 0 Akteure, Budget 0,00 €."]
    assert [row[0] for row in mobility.tables[0].rows] == [
        "Aufbau einer Ladeinfrastruktur für Elektrofahrzeuge", "Handyparken"
    ]
    gaps = table(bs_de.section("open-points"), "Lücken").rows
    assert gaps[-1] == ["Akteur ohne Projekt", "Rechnungsprüfungsamt",
                        "der Akteur arbeitet an keinem Projekt (weder federführend noch beteiligt, auch keine "
                        "Einheit darunter)"]


def test_musterstadt_analyses(ms_en) -> None:
    facts = ms_en.facts
    assert (facts["projects"], facts["chain"], facts["cycles"], facts["silos"], facts["overlaps"]) == (52, 5, 1, 1, 1)
    deps = ms_en.section("dependencies")
    path = table(deps, "Longest dependency chain (critical path)")
    assert [r[1] for r in path.rows] == [
        "Fibre backbone for municipal sites", "Musterstadt LoRaWAN network", "Musterstadt urban data platform",
        "Musterstadt digital twin", "Heavy rain and heat simulation",
    ]
    assert [t.caption for t in deps.tables][2:] == [
        "Impact of 'Fibre backbone for municipal sites': 8 projects depend on it",
        "Impact of 'Musterstadt LoRaWAN network': 7 projects depend on it",
        "Impact of 'Digital citizen account': 2 projects depend on it",
    ]
    actors = table(ms_en.section("actors"), "Central actors")
    assert actors.rows[0][:4] == [1, "IT and Digitalisation division", "Division", 27]
    silo = ms_en.section("silos").tables[0].rows
    assert [r[:3] for r in silo] == [["Smart living", "Department V – Social Affairs, Health and Housing",
                                      "Department VI – Urban Development and Building"]]
    gaps = table(ms_en.section("open-points"), "Gaps").rows
    assert [(r[0], r[1]) for r in gaps] == [
        ("goal without project", "Strengthen Musterstadt as a place of higher education and research"),
        ("goal without project", "Support health and care digitally"),
        ("field without project", "Health"),
        ("milestone overdue", "Exchange online (Digital repair and swap exchange)"),
        ("milestone overdue", "Half of the departments switched over (Introduction of electronic files)"),
        ("actor without project", "Musterstadt Glasfaser GmbH (fibre network company)"),
    ]


def test_changes_since_come_first(make_kg, turtle_file) -> None:
    old = make_kg('ex:p a sckg:Project ; dcterms:title "Alt"@de .')
    new = make_kg('ex:p a sckg:Project ; dcterms:title "Neu"@de . ex:q a sckg:Project ; dcterms:title "Q"@de .')
    report = build_report(new, "de", since=old)
    changes = report.sections[0]
    assert changes.key == "changes"
    assert changes.heading == "Was sich seit dem letzten Stand geändert hat"
    assert changes.tables[0].rows == [
        ["Entität neu", "Q", "", "", "sckg:Project"],
        ["Angabe geändert", "Neu", "dcterms:title", "Alt@de", "Neu@de"],
    ]
    assert report.facts["changes"] == 2


def test_every_label_is_escaped(make_kg) -> None:
    kg = make_kg(
        'ex:p a sckg:Project ; dcterms:title "<script>alert(1)</script>"@de ; sckg:inFieldOfAction ex:f ; '
        'sckg:managedBy ex:a .\n'
        'ex:f a sckg:FieldOfAction ; skos:prefLabel "<img src=x onerror=alert(2)>"@de .\n'
        'ex:a a org:OrganizationalUnit ; rdfs:label "A & B | <b>"@de .'
    )
    report = build_report(kg, "de")
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


def test_report_command_writes_both_files_and_prints_the_summary(braunschweig_path: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from sckg.cli import app

    result = CliRunner().invoke(app, ["report", "--data", str(braunschweig_path), "--out", str(tmp_path), "-l", "en"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == (
        "Smart City briefing for the steering group – Smart City Braunschweig: 2018 framework concept proposal"
    )
    assert "  open points: 16" in lines
    assert lines[-1] == f"Report: {tmp_path / 'report.html'} (and report.md)"
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert html.count('<iframe class="map"') == 3  # overall, actors, one field of action with projects
    assert "64,827.39" in html and "2018-11-02" in html and "2018-12-11" in html
    assert (tmp_path / "report.md").read_text(encoding="utf-8").startswith("# Smart City briefing")


def test_write_report_includes_every_map(make_kg, tmp_path: Path) -> None:
    from sckg.report import write_report

    kg = make_kg(
        'ex:p a sckg:Project ; dcterms:title "Parken"@de ; sckg:inFieldOfAction ex:f ; sckg:managedBy ex:a .\n'
        'ex:f a sckg:FieldOfAction ; skos:prefLabel "Mobilität"@de .\n'
        'ex:a a org:OrganizationalUnit ; rdfs:label "Amt"@de .'
    )
    report = build_report(kg, "de")
    path = write_report(report, kg, tmp_path)
    assert path == tmp_path / "report.html"
    page = path.read_text(encoding="utf-8")
    titles = re.findall(r'<iframe class="map" id="map-\d+" title="([^"]*)"', page)
    specs = [spec.title for s in report.sections for part in (s, *s.subsections) for spec in part.maps]
    assert titles == specs == ["Gesamtkarte", "Mobilität"]  # the overall map, and the field's map
    assert page.count('srcdoc="&lt;!DOCTYPE html&gt;') == 2
    assert page.count('<figure class="static-figure"><img alt="Gesamtkarte" src="data:image/png;base64,') == 1
    assert (tmp_path / "report.md").read_text(encoding="utf-8").startswith("# Smart-City-Lagebild")


def test_a_headline_number_without_words_still_shows_in_the_summary() -> None:
    from sckg.report.model import Report, Section

    sections = [Section("a", "A", facts={"projects": 3}), Section("b", "B", facts={"lines": 2})]
    briefing = Report("T", "en", None, "2026-01-01", [], sections)
    assert briefing.summary == ["projects: 3", "lines: 2"]


def test_every_headline_number_of_the_briefing_has_words(musterstadt: KnowledgeGraph) -> None:
    from sckg.words import CATALOGUE

    facts = build_report(musterstadt, "en").facts
    assert len(facts) >= 10 and [k for k in facts if f"fact.{k}" not in CATALOGUE] == []
