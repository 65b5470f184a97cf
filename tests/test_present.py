"""The meeting deck (sckg.present): the default agenda, every view of an agenda file, errors naming line and
key, byte-identical output, and the `present` command."""

from pathlib import Path

import pytest
from conftest import ILL_TYPED, ILL_TYPED_NOTES
from typer.testing import CliRunner

from sckg.cli import app
from sckg.errors import DataError
from sckg.kg import KnowledgeGraph
from sckg.present import build_deck, read_agenda, render_deck

FIELDS_DE = ["Digitale Bildung", "E-Government", "Energie", "Industrie und Wirtschaft 4.0", "Infrastrukturausbau",
             "Kommunikation und Bürgerdialog", "Kultur und Tourismus", "Nachhaltigkeit", "Sicherheit und Ordnung",
             "Smart Living", "Smart Mobility"]

AGENDA = """title = "Lenkungskreis März"

[[slide]]
view = "overview"
notes = "Begrüßung"

[[slide]]
view = "field"
field = "Smart Mobility"

[[slide]]
view = "project"
project = "Urbane Datenplattform Musterstadt"
title = "Die Datenplattform"

[[slide]]
view = "open-points"

[[slide]]
view = "decisions"

[[slide]]
view = "query"
query = "budget-by-department"

[[slide]]
view = "chart"
chart = "roadmap"
"""


@pytest.fixture(scope="module")
def default_deck(musterstadt: KnowledgeGraph):
    return build_deck(musterstadt, "de")


def test_default_agenda_has_a_slide_per_field(default_deck) -> None:
    titles = [s.title for s in default_deck.slides]
    assert titles == ["Smart-City-Lagebild für die Lenkungsgruppe – Musterstadt – fiktive Beispielstadt",
                      *FIELDS_DE, "Wer das Programm zusammenhält", "Abhängigkeiten"]
    mobility = default_deck.slides[11]
    assert mobility.key == "12-field-smart-mobility"
    assert mobility.facts == [("Projekte", "6"), ("Budget", "9.910.000 €"), ("Offene Punkte", "0")]
    assert "<svg" in mobility.picture and "Smart Mobility" in mobility.picture
    assert mobility.notes == "Smart Mobility: 6 Projekte, 0 offene Punkte in ihren Angaben."
    assert default_deck.slides[0].facts[0] == ("Projekte", "52")
    cycles = default_deck.slides[-1]
    assert cycles.facts == [("längste Abhängigkeitskette (Projekte)", "5"), ("Zyklen", "1")]
    assert cycles.table.rows[0][1] == 3


def test_same_agenda_same_data_same_bytes(musterstadt: KnowledgeGraph, default_deck) -> None:
    assert render_deck(build_deck(musterstadt, "de")) == render_deck(default_deck)


def test_every_view_of_an_agenda_file(musterstadt: KnowledgeGraph, tmp_path: Path) -> None:
    path = tmp_path / "agenda.toml"
    path.write_text(AGENDA, encoding="utf-8")
    deck = build_deck(musterstadt, "en", agenda=read_agenda(path))
    assert deck.title == "Lenkungskreis März"
    assert [s.key for s in deck.slides] == [
        "1-overview", "2-field-smart-mobility", "3-project-urbane-datenplattform", "4-open-points", "5-decisions",
        "6-query-budget-by-department", "7-chart-roadmap"]
    overview, _, platform, points, decisions, query, roadmap = deck.slides
    assert overview.notes == "Begrüßung"
    assert platform.title == "Die Datenplattform"
    assert platform.facts == [("depends on (projects)", "2"), ("depending on it (projects)", "2")]
    assert platform.table.rows == [[1, "Musterstadt digital twin", ""],
                                   [2, "Heavy rain and heat simulation", "Musterstadt digital twin"]]
    assert points.facts == [("violations", "0"), ("open points", "0"), ("gaps", "6")]
    assert decisions.table.columns[:2] == ["Date", "Body"]
    assert decisions.table.rows[0][:2] == ["2025-12-02", "Finance and Economic Affairs Committee"]  # the latest
    assert decisions.more == "10 of 15 rows shown"
    assert query.title == "Budget per department"
    assert query.table.columns == ["departmentLabel", "budgetEUR", "projects"]
    assert query.table.rows[0] == ["Stadtwerke Musterstadt GmbH (municipal utility)", "8,700,000.00", 6]
    assert query.facts == [("rows", "13")]
    assert roadmap.title == "Project roadmap" and roadmap.picture.startswith("<svg")
    assert roadmap.more == "1 project without start and end: Digital vacancy and land management"


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ('[[slide]]\nview = "overview"\nview2 = 1\n', "line 3, key 'view2': not a key of a 'overview' slide "
         "(keys: view, title, notes)"),
        ('[[slide]]\nview = "overview"\n\n[[slide]]\nview = "map"\n', "line 5, key 'view': unknown view 'map'; one of "
         "overview, field, project, open-points, actors, cycles, changes, decisions, query, chart"),
        ('[[slide]]\nview = "overview"\n[[slide]]\nview = "field"\n', "line 4, key 'view': a 'field' slide needs "
         "the key 'field'"),
        ('[[slide]]\ntitle = "x"\n', "line 1, key 'view': missing; one of overview, field"),
        ('titel = "x"\n[[slide]]\nview = "overview"\n', "line 1, key 'titel': unknown key"),
        ('title = "x"\n', "line 1, key 'slide': the agenda needs at least one [[slide]] entry"),
        ('[[slide]]\nview = "overview"\nnotes = 3\n', "line 3, key 'notes': must be text"),
        ('[[slide]]\nview = overview\n', "not a TOML agenda: Invalid value (at line 2, column 8)"),
    ],
)
def test_a_bad_agenda_names_line_and_key(tmp_path: Path, text: str, error: str) -> None:
    path = tmp_path / "agenda.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        read_agenda(path)
    assert str(caught.value).startswith(f"{path}")
    assert error in str(caught.value)


def test_a_target_that_is_not_there_names_line_and_key(musterstadt: KnowledgeGraph, tmp_path: Path) -> None:
    path = tmp_path / "agenda.toml"
    path.write_text('[[slide]]\nview = "overview"\n\n[[slide]]\nview = "field"\nfield = "Raumfahrt"\n', "utf-8")
    with pytest.raises(DataError, match=rf"^{path}, line 6, key 'field': field 'Raumfahrt': no such field of action"):
        build_deck(musterstadt, "de", agenda=read_agenda(path))
    path.write_text('[[slide]]\nview = "changes"\n', encoding="utf-8")
    with pytest.raises(DataError, match=rf"^{path}, line 2, key 'view': a 'changes' slide needs a previous snapshot"):
        build_deck(musterstadt, "en", agenda=read_agenda(path))
    path.write_text('[[slide]]\nview = "chart"\nchart = "pie"\n', encoding="utf-8")
    with pytest.raises(DataError, match=rf"^{path}, line 3, key 'chart': unknown chart 'pie'; one of budget-by-field"):
        build_deck(musterstadt, "en", agenda=read_agenda(path))


def test_present_command(braunschweig_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "deck.html"
    result = CliRunner().invoke(app, ["present", "-d", str(braunschweig_path), "-o", str(out), "-l", "en"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[-1] == f"Deck: {out} (11 slides)"  # overview, 8 fields, actors, dependencies
    assert lines[1] == "  1  Smart City briefing for the steering group – Smart City Braunschweig: 2018 framework " \
        "concept proposal"
    page = out.read_text(encoding="utf-8")
    assert page.count("<section class=\"slide\"") == 11 and "http" not in page.replace("http://www.w3.org", "")
    bad = tmp_path / "bad.toml"
    bad.write_text('[[slide]]\nview = "movie"\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["present", "-d", str(braunschweig_path), "-o", str(out), "-a", str(bad)])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {bad}, line 2, key 'view': unknown view 'movie'")


def test_ill_typed_values_are_left_out_with_a_note_and_the_deck_is_written(turtle_file, tmp_path: Path) -> None:
    out = tmp_path / "deck.html"
    result = CliRunner().invoke(app, ["present", "-d", str(turtle_file(ILL_TYPED)), "-o", str(out), "-l", "en"])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == ILL_TYPED_NOTES
    page = out.read_text(encoding="utf-8")
    assert "at least €250,000" in page  # the field's budget: Laden's, Parken's is unknown
    assert not any(text in page for text in ("1.450.000,00", "2024-13-01", "4.3.2025", "18.02.2025"))


def test_a_field_whose_budget_is_not_recorded_shows_it_as_unknown(braunschweig: KnowledgeGraph) -> None:
    deck = build_deck(braunschweig, "de")
    mobility = next(s for s in deck.slides if s.title == "Smart Mobility")
    assert mobility.facts == [("Projekte", "2"), ("Budget", "unbekannt"), ("Offene Punkte", "6")]
