"""The meeting deck (sckg.present): the default agenda, every view of an agenda file, errors naming
line and key, byte-identical output, and the `present` command."""

import re
from pathlib import Path

import pytest
from conftest import ILL_TYPED, ILL_TYPED_NOTES
from council import meeting_graphs
from typer.testing import CliRunner

from sckg.cli import app
from sckg.errors import DataError
from sckg.kg import KnowledgeGraph
from sckg.present import CELL_TEXT, TABLE_ROWS, build_deck, read_agenda, render_deck

FIELDS_DE = [
    "Digitale Bildung",
    "E-Government",
    "Energie",
    "Gesundheit",  # under goals of Musterstadt's, without a project
    "Industrie und Wirtschaft 4.0",
    "Infrastrukturausbau",
    "Kommunikation und Bürgerdialog",
    "Kultur und Tourismus",
    "Nachhaltigkeit",
    "Sicherheit und Ordnung",
    "Smart Living",
    "Smart Mobility",
]

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
    return build_deck(musterstadt, lang="de")


def test_default_agenda_has_a_slide_per_field(default_deck) -> None:
    titles = [s.title for s in default_deck.slides]
    assert titles == [
        "Das Wichtigste in Kürze",  # the briefing's key points open the deck (issue 24)
        "Smart-City-Lagebild für die Lenkungsgruppe – Musterstadt – fiktive Beispielstadt",
        *FIELDS_DE,
        "Wer das Programm zusammenhält",
        "Abhängigkeiten",
        "Was die Interviews sagen",
    ]
    mobility = default_deck.slides[13]
    assert mobility.key == "14-field-smart-mobility"
    assert mobility.facts == [
        ("Projekte", "6"),
        ("Budget", "9.910.000 €"),
        (
            "Offene Punkte",
            "1",
        ),  # the mobility platform's open legal point (data/musterstadt/legal.ttl)
    ]
    assert "<svg" in mobility.picture and "Smart Mobility" in mobility.picture
    assert mobility.notes == "Smart Mobility: 6 Projekte, 1 offener Punkt in ihren Angaben."
    assert default_deck.slides[1].facts[0] == ("Projekte", "52")
    cycles = default_deck.slides[-2]
    assert cycles.facts == [("längste Abhängigkeitskette (Projekte)", "5"), ("Zyklen", "1")]
    assert cycles.table.rows[0][1] == 3
    interviews = default_deck.slides[-1]
    assert interviews.facts == [
        ("Interviews", "5"),
        ("Aussagen aus Interviews und Workshops", "24"),
        ("Bedarfe ohne Projekt", "6"),
        ("Aktivitäten außerhalb des Inventars", "4"),
    ]
    assert interviews.table.caption == "Bedarfe, auf die kein Projekt antwortet"
    assert interviews.table.rows[0] == [
        "Hitzewarnungen für Pflegeeinrichtungen",
        "Fachbereich Umwelt und Klimaschutz",
        "Interview Umwelt und Klimaschutz",
    ]


def test_same_agenda_same_data_same_bytes(musterstadt: KnowledgeGraph, default_deck) -> None:
    assert render_deck(build_deck(musterstadt, lang="de")) == render_deck(default_deck)


def test_every_view_of_an_agenda_file(musterstadt: KnowledgeGraph, tmp_path: Path) -> None:
    path = tmp_path / "agenda.toml"
    path.write_text(AGENDA, encoding="utf-8")
    deck = build_deck(musterstadt, lang="en", agenda=read_agenda(path))
    assert deck.title == "Lenkungskreis März"
    assert [s.key for s in deck.slides] == [
        "1-overview",
        "2-field-smart-mobility",
        "3-project-urbane-datenplattform",
        "4-open-points",
        "5-decisions",
        "6-query-budget-by-department",
        "7-chart-roadmap",
    ]
    overview, _, platform, points, decisions, query, roadmap = deck.slides
    assert overview.notes == "Begrüßung"
    assert platform.title == "Die Datenplattform"
    assert platform.facts == [("depends on (projects)", "2"), ("depending on it (projects)", "2")]
    assert platform.table.rows == [
        [1, "Musterstadt digital twin", ""],
        [2, "Heavy rain and heat simulation", "Musterstadt digital twin"],
    ]
    assert points.facts == [("violations", "0"), ("open points", "4"), ("gaps", "6")]  # legal.ttl
    assert decisions.table.columns[:2] == ["Date", "Body"]
    assert decisions.table.rows[0][:2] == [
        "2025-12-02",
        "Finance and Economic Affairs Committee",
    ]  # the latest
    assert decisions.more == "… 5 more of 15"
    assert query.title == "Budget per department"
    assert query.table.columns == ["departmentLabel", "budgetEUR", "projects"]
    assert query.table.rows[0] == [
        "Stadtwerke Musterstadt GmbH (municipal utility)",
        "8,700,000.00",
        6,
    ]
    assert query.facts == [("rows", "13")]
    assert roadmap.title == "Project roadmap" and roadmap.picture.startswith("<svg")
    assert roadmap.more == "1 project without start and end: Digital vacancy and land management"


@pytest.mark.parametrize(
    ("text", "error"),
    [
        (
            '[[slide]]\nview = "overview"\nview2 = 1\n',
            "line 3, key 'view2': not a key of a 'overview' slide (keys: view, title, notes)",
        ),
        (
            '[[slide]]\nview = "overview"\n\n[[slide]]\nview = "map"\n',
            "line 5, key 'view': unknown view 'map'; one of key-points, overview, field, project, "
            "open-points, actors, cycles, changes, decisions, query, chart",
        ),
        (
            '[[slide]]\nview = "overview"\n[[slide]]\nview = "field"\n',
            "line 4, key 'view': a 'field' slide needs the key 'field'",
        ),
        ('[[slide]]\ntitle = "x"\n', "line 1, key 'view': missing; one of key-points, overview"),
        ('titel = "x"\n[[slide]]\nview = "overview"\n', "line 1, key 'titel': unknown key"),
        ('title = "x"\n', "line 1, key 'slide': the agenda needs at least one [[slide]] entry"),
        ('[[slide]]\nview = "overview"\nnotes = 3\n', "line 3, key 'notes': must be text"),
        ("[[slide]]\nview = overview\n", "not a TOML agenda: Invalid value (at line 2, column 8)"),
    ],
)
def test_a_bad_agenda_names_line_and_key(tmp_path: Path, text: str, error: str) -> None:
    path = tmp_path / "agenda.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        read_agenda(path)
    assert str(caught.value).startswith(f"{path}")
    assert error in str(caught.value)


def test_a_target_that_is_not_there_names_line_and_key(
    musterstadt: KnowledgeGraph, tmp_path: Path
) -> None:
    path = tmp_path / "agenda.toml"
    path.write_text(
        '[[slide]]\nview = "overview"\n\n[[slide]]\nview = "field"\nfield = "Raumfahrt"\n', "utf-8"
    )
    with pytest.raises(
        DataError,
        match=rf"^{path}, line 6, key 'field': field 'Raumfahrt': no such field of action",
    ):
        build_deck(musterstadt, lang="de", agenda=read_agenda(path))
    path.write_text('[[slide]]\nview = "changes"\n', encoding="utf-8")
    with pytest.raises(
        DataError,
        match=rf"^{path}, line 2, key 'view': a 'changes' slide needs a previous snapshot",
    ):
        build_deck(musterstadt, lang="en", agenda=read_agenda(path))
    path.write_text('[[slide]]\nview = "chart"\nchart = "pie"\n', encoding="utf-8")
    with pytest.raises(
        DataError,
        match=rf"^{path}, line 3, key 'chart': unknown chart 'pie'; one of budget-by-field",
    ):
        build_deck(musterstadt, lang="en", agenda=read_agenda(path))


def test_present_command(braunschweig_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "deck.html"
    result = CliRunner().invoke(
        app, ["present", "-d", str(braunschweig_path), "-o", str(out), "-l", "en"]
    )
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[-1] == f"Deck: {out} (12 slides)"  # key points, overview, 8 fields, actors, deps
    assert lines[1] == "  1  Key points"
    assert (
        lines[2]
        == "  2  Smart City briefing for the steering group – Smart City Braunschweig: 2018 "
        "framework concept proposal"
    )
    page = out.read_text(encoding="utf-8")
    # nothing from elsewhere: the one address is the link to the data's licence (small print)
    licence = '<a rel="license" href="https://creativecommons.org/licenses/by/4.0/">'
    assert page.count(licence) == 1
    assert page.count('<section class="slide"') == 12 and "http" not in page.replace(
        "http://www.w3.org", ""
    ).replace(licence, "")
    bad = tmp_path / "bad.toml"
    bad.write_text('[[slide]]\nview = "movie"\n', encoding="utf-8")
    result = CliRunner().invoke(
        app, ["present", "-d", str(braunschweig_path), "-o", str(out), "-a", str(bad)]
    )
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {bad}, line 2, key 'view': unknown view 'movie'")


def test_present_since_ends_with_what_changed(tmp_path: Path) -> None:
    """``--since`` loads the previous snapshot beside the current one and adds the changes slide."""
    head = (
        "@prefix sckg: <https://w3id.org/sckg/ontology#> . "
        "@prefix dcterms: <http://purl.org/dc/terms/> ."
    )
    old, new = tmp_path / "old.ttl", tmp_path / "new.ttl"
    old.write_text(f'{head}\n<https://example.org/p> a sckg:Project ; dcterms:title "A"@de .\n')
    new.write_text(
        f'{head}\n<https://example.org/p> a sckg:Project ; dcterms:title "A"@de .\n'
        '<https://example.org/q> a sckg:Project ; dcterms:title "B"@de .\n'
    )
    out = tmp_path / "deck.html"
    result = CliRunner().invoke(
        app, ["present", "-d", str(new), "--since", str(old), "-o", str(out), "-l", "en"]
    )
    assert result.exit_code == 0, result.output
    slides = [line for line in result.output.splitlines() if line[:3].strip().isdigit()]
    assert slides[-1].split(maxsplit=1)[1] == "What changed since the last snapshot"


# --- the three graphs a city has: council records, inventory, both --------------------------------

EVERY_VIEW = "".join(
    f'[[slide]]\nview = "{view}"\n\n'
    for view in ("overview", "open-points", "actors", "cycles", "decisions")
)


@pytest.fixture(scope="module")
def graphs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, KnowledgeGraph]:
    paths = meeting_graphs(tmp_path_factory.mktemp("meeting"))
    return {name: KnowledgeGraph.open(files) for name, files in paths.items()}


@pytest.mark.parametrize("shape", ["council", "papers", "inventory", "combined"])
def test_decks_on_council_inventory_and_combined_graphs(graphs, shape: str, tmp_path: Path) -> None:
    agenda = tmp_path / "agenda.toml"
    agenda.write_text(EVERY_VIEW, encoding="utf-8")
    for lang in ("de", "en"):
        for deck in (
            build_deck(graphs[shape], lang=lang),
            build_deck(graphs[shape], lang=lang, agenda=read_agenda(agenda)),
        ):
            page = render_deck(deck)
            assert re.findall(r".{30}\bNone\b.{30}", page) == [], (shape, lang)
            assert "file:" not in page and str(tmp_path.parent.parent) not in page, (shape, lang)
            for slide in deck.slides:
                rows = slide.table.rows if slide.table else []
                assert len(rows) <= TABLE_ROWS, slide.key
                assert all(
                    cell is not None and len(str(cell)) <= CELL_TEXT for row in rows for cell in row
                )


def test_a_slide_without_its_table_says_why(graphs, tmp_path: Path) -> None:
    agenda = tmp_path / "agenda.toml"
    agenda.write_text(EVERY_VIEW, encoding="utf-8")
    overview, _, actors, cycles, decisions = build_deck(
        graphs["council"], lang="en", agenda=read_agenda(agenda)
    ).slides
    reason = (
        "No projects in the graph: import the programme's inventory next to the council data "
        "(sckg import table)."
    )
    assert (
        overview.picture.startswith("<svg") and overview.more == ""
    )  # the council's organisations
    assert (actors.table, actors.more) == (None, reason)
    assert (cycles.picture, cycles.table, cycles.more) == ("", None, reason)
    assert decisions.facts == [("decisions on the programme", "0")]
    assert decisions.more == (
        "No consultation concerns a paper on the programme: sckg link papers proposes which "
        "papers belong to which projects and fields of action."
    )
    assert decisions.table is None
    inventory = build_deck(graphs["inventory"], lang="en", agenda=read_agenda(agenda)).slides[4]
    assert (inventory.table, inventory.more) == (
        None,
        "No consultations or resolutions are recorded.",
    )


def test_the_decisions_slide_lists_the_programme_latest_first_and_counts_the_rest(
    graphs, tmp_path: Path
) -> None:
    agenda = tmp_path / "agenda.toml"
    agenda.write_text('[[slide]]\nview = "decisions"\n', encoding="utf-8")
    [slide] = build_deck(graphs["combined"], lang="de", agenda=read_agenda(agenda)).slides
    overview = build_deck(graphs["combined"], lang="de").slides[1]
    assert slide.facts == [("Beschlüsse zum Programm", "15")]
    assert slide.table.columns == ["Datum", "Gremium", "Rolle", "Gegenstand"]
    assert slide.table.rows[0] == [
        "2025-06-24",
        "Ausschuss für Digitalisierung und Organisation",
        "Entscheidung",
        "Öffentliches WLAN im Rathaus",
    ]
    assert (
        len(slide.table.rows) == 9
    )  # as many as fit beside the chart (the browser test measures it)
    assert slide.more == "… 10 weitere von 19"
    assert ("Beschlüsse zum Programm", "15") in overview.facts
    assert overview.notes.startswith(
        "Überblick über das Programm, Datenstand 16. Dezember 2025 (Musterstadt "
        "(synthetisch): Ratsinformationen (OParl)) · 30. April 2024 (Musterstadt: "
        "Bestandsaufnahme)."
    )


def test_the_commands_of_the_issue_give_a_deck(tmp_path: Path) -> None:
    out = tmp_path / "council.ttl"
    folder = Path(__file__).parent / "assets" / "oparl" / "musterstadt-1.0"
    runner = CliRunner()
    imported = runner.invoke(
        app, ["import", "oparl", str(folder), "--city", "musterstadt", "--out", str(out)]
    )
    assert imported.exit_code == 0
    result = runner.invoke(
        app, ["present", "--data", str(out), "--out", str(tmp_path / "deck.html")]
    )
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == f"Deck: {tmp_path / 'deck.html'} (4 slides)"


def test_ill_typed_values_are_left_out_with_a_note_and_the_deck_is_written(
    turtle_file, tmp_path: Path
) -> None:
    out = tmp_path / "deck.html"
    result = CliRunner().invoke(
        app, ["present", "-d", str(turtle_file(ILL_TYPED)), "-o", str(out), "-l", "en"]
    )
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[-len(ILL_TYPED_NOTES) :] == ILL_TYPED_NOTES
    page = out.read_text(encoding="utf-8")
    assert "at least €250,000" in page  # the field's budget: Laden's, Parken's is unknown
    assert not any(
        text in page for text in ("1.450.000,00", "2024-13-01", "4.3.2025", "18.02.2025")
    )


def test_a_field_whose_budget_is_not_recorded_shows_it_as_unknown(
    braunschweig: KnowledgeGraph,
) -> None:
    deck = build_deck(braunschweig, lang="de")
    mobility = next(s for s in deck.slides if s.title == "Smart Mobility")
    assert mobility.facts == [("Projekte", "2"), ("Budget", "unbekannt"), ("Offene Punkte", "6")]


# --- the steering group's prioritisation (issue 23) ---------------------------------------------


@pytest.fixture(scope="module")
def prioritised(musterstadt: KnowledgeGraph, musterstadt_path: Path, tmp_path_factory):
    """Musterstadt with its fictional scores' ranking stored as an assessment, and that ranking."""
    import datetime

    from sckg.kg import collect_files
    from sckg.prioritise import prioritise
    from sckg.prioritise.assessment import assessment_turtle

    result = prioritise(musterstadt, scores=musterstadt_path / "scoring.xlsx", lang="en", runs=50)
    path = tmp_path_factory.mktemp("prio") / "march.ttl"
    path.write_text(
        assessment_turtle(result, day=datetime.date(2026, 3, 12), lang="en"), encoding="utf-8"
    )
    return KnowledgeGraph.open([*collect_files([musterstadt_path]), path]), result


def test_the_default_agenda_shows_ranking_sensitivity_quadrant_and_waves(prioritised) -> None:
    kg, result = prioritised
    deck = build_deck(kg, lang="en")
    ranking, stable, quadrant, waves = deck.slides[-5:-1]
    assert [s.key for s in deck.slides[-6:]] == [
        "16-cycles",  # after the key points (issue 24)
        "17-priorities",
        "18-sensitivity",
        "19-quadrant",
        "20-waves",
        "21-interviews",  # Musterstadt's interviews (issue 24)
    ]
    assert ranking.title == "Priorities" and ranking.picture.startswith("<svg")
    assert ranking.caption == "The first 15 places by net flow (PROMETHEE II)"
    fragile = [r.label for r in result.rows if r.fragile]
    assert ranking.facts == [("ranked items", "41"), ("fragile places (of 41)", str(len(fragile)))]
    assert ranking.notes.startswith("The steering group's ranking of 2026-03-12")
    assert "Weights from pairwise comparisons (AHP" in ranking.notes
    assert stable.title == (
        "How stable the first 15 places are when the weights change by ±10 % and ±25 %"
    )
    assert stable.picture.startswith("<svg") and stable.facts == ranking.facts[1:]
    assert stable.table.columns == ["place", "item", "±10 %", "±25 %"]
    assert stable.table.caption == "Fragile places"
    assert stable.table.rows == [
        [r.rank, r.label, r.within_10, r.within_25] for r in result.rows[:15] if r.fragile
    ]
    assert stable.notes == f"Fragile places: {', '.join(fragile)}"
    assert (
        quadrant.title == "Impact and effort (mean of the scores; red squares: the first 10 places)"
    )
    assert quadrant.picture.startswith("<svg") and quadrant.caption.startswith("Source: Fictional")
    values = {i.iri: (i.values["impact"].value, i.values["effort"].value) for i in result.ranked}
    high = [(v[0] >= 3, v[1] >= 3) for v in values.values()]  # the middle of the scale counts high
    assert quadrant.facts == [
        ("quick wins", str(high.count((True, False)))),
        ("major projects", str(high.count((True, True)))),
        ("fill-ins", str(high.count((False, False)))),
        ("thankless tasks", str(high.count((False, True)))),
    ]
    assert [n for _, n in quadrant.facts] == ["11", "18", "1", "11"]  # 41 ranked
    wins = [
        [r.rank, r.label, f"{values[r.iri][0]:.2f}", f"{values[r.iri][1]:.2f}"]
        for r in result.rows
        if values[r.iri][0] >= 3 > values[r.iri][1]
    ]
    assert quadrant.table.columns == ["place", "item", "impact", "effort"]
    shown = len(quadrant.table.rows)  # as many as fit beside the chart and its four figures
    assert (quadrant.table.caption, quadrant.table.rows) == ("quick wins", wins[:shown])
    assert (shown, quadrant.more) == (10, "… 1 more of 11")
    assert quadrant.notes == f"quick wins: {', '.join(str(w[1]) for w in wins)}"
    assert waves.title == "Waves" and waves.table is None
    assert waves.picture.startswith("<svg") and waves.caption == "Dependency map"
    assert waves.more.startswith(
        "No waves possible: Digital city guide with audio guide → Musterstadt culture portal"
    )


def test_a_waves_slide_lists_each_wave(make_kg, tmp_path: Path) -> None:
    import datetime

    from sckg.prioritise import prioritise
    from sckg.prioritise.assessment import assessment_turtle
    from sckg.prioritise.workbook import Scores

    city = """
    ex:source a sckg:Dataset ; dcterms:modified "2026-03-01"^^xsd:date .
    ex:a a sckg:Project ; rdfs:label "A" ; adms:status status:planned ; sckg:dependsOn ex:b .
    ex:b a sckg:Project ; rdfs:label "B" ; adms:status status:planned .
    ex:c a sckg:Project ; rdfs:label "C" ; adms:status status:decided .
    """
    kg = make_kg(city)
    scores = Scores("s.xlsx", [], [], weights={"readiness": 1.0, "dependents": 1.0})
    turtle = assessment_turtle(
        prioritise(kg, scores=scores, lang="en", runs=10), day=datetime.date(2026, 3, 12)
    )
    agenda = tmp_path / "agenda.toml"
    agenda.write_text('[[slide]]\nview = "waves"\n', encoding="utf-8")
    (slide,) = build_deck(make_kg(city + turtle), lang="en", agenda=read_agenda(agenda)).slides
    assert slide.table.columns == ["wave", "half-year", "project", "critical"]
    assert slide.table.rows == [
        [1, "H2 2026", "C", ""],
        [1, "H2 2026", "B", "critical path"],
        [2, "H1 2027", "A", "critical path"],
    ]
    assert slide.facts == [("Waves", "2"), ("Projects", "3")]


@pytest.mark.parametrize("view", ["priorities", "sensitivity", "quadrant", "waves"])
def test_a_priority_slide_without_a_stored_ranking_names_line_and_key(
    musterstadt: KnowledgeGraph, tmp_path: Path, view: str
) -> None:
    path = tmp_path / "agenda.toml"
    path.write_text(f'[[slide]]\nview = "{view}"\n', encoding="utf-8")
    with pytest.raises(DataError) as caught:
        build_deck(musterstadt, lang="en", agenda=read_agenda(path))
    assert str(caught.value) == (
        f"{path}, line 2, key 'view': a '{view}' slide needs a ranking of the steering group "
        "among the data (the assessment file that sckg prioritise writes)"
    )


def test_the_key_points_slide_keeps_every_finding_and_question_whole(
    musterstadt: KnowledgeGraph,
) -> None:
    """The tester's deck cut "… without them the collaboration fa…" and lost the question."""
    [slide] = [s for s in build_deck(musterstadt, lang="en").slides if s.key == "1-key-points"]
    assert [row[1:3] for row in slide.table.rows if row[0] in (3, 5)] == [
        [
            "4 open legal points are to be checked.",
            "Who settles them with the legal office, data protection and procurement?",
        ],
        [
            "2 actors are bottlenecks: without them the collaboration falls apart.",
            "Arrange deputies and relief?",
        ],
    ]
    assert not any(str(cell).endswith("…") for row in slide.table.rows for cell in row)


def test_a_long_text_on_a_slide_is_cut_between_words_only(make_kg, tmp_path: Path) -> None:
    long = " ".join(["Interkommunale Datenplattform für Mobilität und Umwelt"] * 4)
    kg = make_kg(
        f"""
        ex:a a sckg:Project ; rdfs:label "{long}"@en ; sckg:dependsOn ex:b .
        ex:b a sckg:Project ; rdfs:label "Parking sensors"@en ; sckg:dependsOn ex:a .
        """
    )
    agenda = tmp_path / "agenda.toml"
    agenda.write_text('[[slide]]\nview = "cycles"\n', encoding="utf-8")
    [slide] = build_deck(kg, lang="en", agenda=read_agenda(agenda)).slides
    assert slide.table.rows[0][2] == (  # 157 characters: "Umwelt" would pass 160
        "Interkommunale Datenplattform für Mobilität und Umwelt Interkommunale Datenplattform"
        " für Mobilität und Umwelt Interkommunale Datenplattform für Mobilität und…"
    )
    assert slide.table.rows[0][3] == (
        "2 projects depend on each other in a circle: none can be finished first; one of the"
        " dependsOn statements needs checking"
    )
