"""Comparing cities (sckg.compare, sckg compare): known answers on two tiny hand-built cities, the
review of best-practice candidates and the bundled cities."""

from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import PREFIXES, ROOT
from typer.testing import CliRunner

from sckg.cli import app
from sckg.compare import (
    Comparison,
    best_practice,
    compare,
    coverage,
    coverage_matrix,
    example_iri,
    gaps,
    load_city,
    shared_part,
    structure,
)
from sckg.concepts import CONCEPT, concepts_in
from sckg.errors import DataError, ParameterError
from sckg.kg import KnowledgeGraph
from sckg.wordmatch import tokens

runner = CliRunner()
SDG = "http://metadata.un.org/sdg/"

ABURG = """
@prefix a: <https://example.org/aburg/> .
@prefix sdg: <http://metadata.un.org/sdg/> .
a:dataset a sckg:Dataset ; dcterms:coverage a:city ; sckg:fictional false .
a:city a oparl:Body ; rdfs:label "Stadt Aburg"@de .
a:mobility a sckg:FieldOfAction , skos:Concept ; skos:prefLabel "Mobilität"@de ;
    skos:exactMatch field:smart-mobility .
a:goal a sckg:StrategicGoal ; skos:prefLabel "Vernetzte Mobilität"@de ; skos:closeMatch sdg:11.2 .
a:stations a sckg:Project ; dcterms:title "Mobilstationen an Haltestellen"@de ;
    sckg:inFieldOfAction a:mobility ;
    sckg:contributesTo a:goal ; sckg:managedBy a:unit ; sckg:dependsOn a:permit .
a:permit a sckg:Project ; dcterms:title "Digitaler Bauantrag"@de .
a:unit a org:OrganizationalUnit ; rdfs:label "Tiefbauamt"@de .
"""
BDORF = """
@prefix b: <https://example.org/bdorf/> .
@prefix sdg: <http://metadata.un.org/sdg/> .
b:dataset a sckg:Dataset ; dcterms:coverage b:city ; sckg:fictional true .
b:city a oparl:Body ; rdfs:label "Stadt Bdorf"@de .
b:stations a sckg:Project ; dcterms:title "Mobilitätsstationen"@de ;
    sckg:inFieldOfAction field:smart-mobility ;
    skos:closeMatch sdg:11.2 .
b:bins a sckg:Project ; dcterms:title "Smarte Abfallbehälter"@de ;
    sckg:inFieldOfAction field:sustainability .
b:permit a sckg:Project ; dcterms:title "Bauantrag online"@de ;
    sckg:inFieldOfAction field:e-government ;
    sckg:hasBudget [ a schema:MonetaryAmount ; schema:value 1000 ; schema:currency "EUR" ] .
"""


def _city(tmp_path: Path, name: str, body: str) -> Path:
    folder = tmp_path / name
    folder.mkdir(exist_ok=True)
    (folder / "city.ttl").write_text(PREFIXES + body, encoding="utf-8")
    return folder


@pytest.fixture
def cities(tmp_path: Path) -> tuple[Path, Path]:
    return _city(tmp_path, "aburg", ABURG), _city(tmp_path, "bdorf", BDORF)


@pytest.fixture
def comparison(cities: tuple[Path, Path]) -> Comparison:
    return compare([KnowledgeGraph.open([path]) for path in cities])


def test_coverage_by_reference_field_counts_projects_through_the_cities_mappings(
    comparison: Comparison,
) -> None:
    rows = coverage(comparison, "field")
    assert len(rows) == 24  # 12 reference fields for each of the two cities, zeros included
    assert [r for r in rows if r[2]] == [
        ["Stadt Aburg", "Smart Mobility", 1, 0.5],
        ["Stadt Bdorf (fiktiv)", "E-Government", 1, 0.333],
        ["Stadt Bdorf (fiktiv)", "Nachhaltigkeit", 1, 0.333],
        ["Stadt Bdorf (fiktiv)", "Smart Mobility", 1, 0.333],
    ]


def test_coverage_by_sdg_goal_through_a_goal_or_the_project_itself(comparison: Comparison) -> None:
    rows = coverage(comparison, "sdg")
    assert len(rows) == 34
    assert [r for r in rows if r[2]] == [
        ["Stadt Aburg", "SDG 11 Nachhaltige Städte und Gemeinden", 1, 0.5],
        ["Stadt Bdorf (fiktiv)", "SDG 11 Nachhaltige Städte und Gemeinden", 1, 0.333],
    ]


def test_coverage_matrix_is_what_the_heat_map_draws(comparison: Comparison) -> None:
    rows, columns, cells = coverage_matrix(comparison, "field")
    assert columns == ["Stadt Aburg", "Stadt Bdorf (fiktiv)"]
    assert rows[:3] == ["Digitale Bildung", "E-Government", "Energie"]
    assert cells == {
        ("Smart Mobility", "Stadt Aburg"): 1,
        ("E-Government", "Stadt Bdorf (fiktiv)"): 1,
        ("Nachhaltigkeit", "Stadt Bdorf (fiktiv)"): 1,
        ("Smart Mobility", "Stadt Bdorf (fiktiv)"): 1,
    }


def test_gaps_are_fields_where_others_act_and_we_do_not(comparison: Comparison) -> None:
    assert gaps(comparison, "Aburg") == [
        ["Handlungsfeld", "E-Government", "Stadt Bdorf (fiktiv) 1"],
        ["Handlungsfeld", "Nachhaltigkeit", "Stadt Bdorf (fiktiv) 1"],
    ]
    assert gaps(comparison, "https://example.org/bdorf/city") == []


def test_structure_side_by_side(comparison: Comparison) -> None:
    columns, rows = structure(comparison)
    assert columns == ["Kennzahl", "Stadt Aburg", "Stadt Bdorf (fiktiv)"]
    assert rows == [
        ["Handlungsfelder", 1, 3],
        ["strategische Ziele", 1, 0],
        ["Projekte und Maßnahmen", 2, 3],
        # the projects with a field per field: Aburg's permit has none (1 of 2 projects / 1 field)
        ["Projekte je Handlungsfeld", "1,0", "1,0"],
        ["mit Handlungsfeld", "50 %", "100 %"],
        ["mit Referenz-Handlungsfeld", "50 %", "100 %"],
        ["mit SDG-Bezug", "50 %", "33 %"],
        ["mit Federführung", "50 %", "0 %"],
        ["mit Budget", "0 %", "33 %"],
        ["mit Ratsbeschluss oder Vorlage", "0 %", "0 %"],
        ["Abhängigkeiten je Projekt", "0,5", "0,0"],
    ]


def test_best_practice_candidates_with_their_evidence(comparison: Comparison) -> None:
    found = best_practice(comparison, "Aburg", threshold=0.3)
    assert [(c.project.title, c.example.title, c.score, c.evidence(comparison)) for c in found] == [
        (
            "Digitaler Bauantrag",
            "Bauantrag online",
            1.21,  # the words (0.41) count half
            "„Bauantrag“ ~ „Bauantrag“ +1,3; "
            "Thema Online-Verwaltungsleistungen: „Bauantrag“ ~ „Bauantrag“ +0,5; "
            "Thema Stadtplanung: „Bauantrag“ ~ „Bauantrag“ +0,5",
        ),
        (
            "Mobilstationen an Haltestellen",
            "Mobilitätsstationen",
            1.0,
            "„Mobilstationen“ ~ „Mobilitätsstationen“ +0,6; "
            "Thema Mobilitätsstation: „Mobilstationen“ ~ „Mobilitätsstationen“ +0,6; "
            "gleiches Handlungsfeld Smart Mobility +0,10; gleiches SDG-Unterziel 11.2 +0,2",
        ),
    ]
    assert found[1].city.fictional
    assert [c.example.title for c in best_practice(comparison, "Aburg", threshold=1.2)] == [
        "Bauantrag online"
    ]


def test_best_practice_needs_two_kinds_of_evidence(tmp_path: Path) -> None:
    # a concept both titles name in other words is one kind of evidence: no candidate alone
    ours = _city(tmp_path, "aburg", ABURG.split("a:mobility")[0] + WARNING)
    theirs = _city(tmp_path, "bdorf", BDORF.split("b:stations")[0] + LEVELS)
    comparison = compare([KnowledgeGraph.open([ours]), KnowledgeGraph.open([theirs])])
    assert best_practice(comparison, "Aburg", threshold=0.1) == []
    # with the same reference field, two kinds
    field = " sckg:inFieldOfAction field:security .\n"
    _city(tmp_path, "aburg", ABURG.split("a:mobility")[0] + WARNING + "a:warning" + field)
    _city(tmp_path, "bdorf", BDORF.split("b:stations")[0] + LEVELS + "b:levels" + field)
    comparison = compare([KnowledgeGraph.open([ours]), KnowledgeGraph.open([theirs])])
    assert [
        (c.project.title, c.example.title, c.score, c.evidence(comparison))
        for c in best_practice(comparison, "Aburg", threshold=0.3)
    ] == [
        (
            "Pegel-Frühwarnsystem Aubach",
            "Gas- und Wasserstandssensoren",
            # no word in common; the concept flooding both name is rare (2 of 4 projects:
            # log 3), early warning and sensors are each in one (log 5): cosine log²3 /
            # (log²3 + log²5) = 0.32; the description's concept (public safety) is not read, the
            # title names concepts
            0.42,
            "Thema Hochwasser und Starkregen: „Pegel“ ~ „Wasserstandssensoren“ +0,3; "
            "gleiches Handlungsfeld Sicherheit und Ordnung +0,10",
        )
    ]
    # the concepts, with the word of the text that names each
    assert concepts_in("Pegel-Frühwarnsystem Aubach") == {
        CONCEPT + "early-warning": "Frühwarnsystem",
        CONCEPT + "flooding": "Pegel",
    }
    assert concepts_in("Handyparken und Parkraummanagement") == {CONCEPT + "parking": "Handyparken"}
    assert concepts_in("Bauantrag online") == {
        CONCEPT + "online-services": "Bauantrag",
        CONCEPT + "urban-planning": "Bauantrag",
    }


def test_candidates_the_evidence_cannot_tell_apart_are_not_proposed(tmp_path: Path) -> None:
    # Handyparken shares only the concept parking and the field with each of Bdorf's titles: with
    # two of them, both are proposed; with three, all score the same and choosing two by their
    # titles would be arbitrary: none is
    field = " ; sckg:inFieldOfAction field:smart-mobility .\n"
    ours = _city(tmp_path, "aburg", ABURG.split("a:mobility")[0] + PARKING + field)
    titles = ["Parkraummanagement", "Parkhaus-Nutzungskonzepte", "Parkgebühren"]
    theirs = [
        f'b:p{i} a sckg:Project ; dcterms:title "{t}"@de' + field for i, t in enumerate(titles)
    ]

    def found(n: int) -> list[tuple[str, float]]:
        bdorf = _city(tmp_path, "bdorf", BDORF.split("b:stations")[0] + "".join(theirs[:n]))
        comparison = compare([KnowledgeGraph.open([ours]), KnowledgeGraph.open([bdorf])])
        return [(c.example.title, c.score) for c in best_practice(comparison, "Aburg")]

    assert found(2) == [("Parkhaus-Nutzungskonzepte", 1.1), ("Parkraummanagement", 1.1)]
    assert found(3) == []


def test_a_concept_of_the_description_weighs_half_in_the_cosine_too(tmp_path: Path) -> None:
    # the title names no concept, the description flooding: the cosine of the two items' concepts
    # would be 1 whatever the description's weight; it is half of it
    field = " ; sckg:inFieldOfAction field:security .\n"
    lab = 'a:lab a sckg:Project ; dcterms:title "Stadtlabor Aubach"@de ; dcterms:description '
    ours = _city(
        tmp_path,
        "aburg",
        ABURG.split("a:mobility")[0] + lab + '"Der Pegel des Aubachs wird gemessen."@de' + field,
    )
    levels = 'b:levels a sckg:Project ; dcterms:title "Hochwasserschutz"@de' + field
    theirs = _city(tmp_path, "bdorf", BDORF.split("b:stations")[0] + levels)
    comparison = compare([KnowledgeGraph.open([ours]), KnowledgeGraph.open([theirs])])
    assert [
        (c.project.title, c.example.title, c.score, c.evidence(comparison))
        for c in best_practice(comparison, "Aburg", threshold=0.3)
    ] == [
        (
            "Stadtlabor Aubach",
            "Hochwasserschutz",
            0.6,
            "Thema Hochwasser und Starkregen: „Pegel“ ~ „Hochwasserschutz“ +0,5; "
            "gleiches Handlungsfeld Sicherheit und Ordnung +0,10",
        )
    ]


PARKING = 'a:parking a sckg:Project ; dcterms:title "Handyparken"@de'


WARNING = """a:warning a sckg:Project ; dcterms:title "Pegel-Frühwarnsystem Aubach"@de ;
    dcterms:description "Sirenen warnen bei Hochwasser, der Ordnungsdienst sperrt."@de .
a:permit a sckg:Project ; dcterms:title "Digitaler Bauantrag"@de .
"""
LEVELS = """b:levels a sckg:Project ; dcterms:title "Gas- und Wasserstandssensoren"@de .
b:bins a sckg:Project ; dcterms:title "Smarte Abfallbehälter"@de .
"""


@pytest.mark.parametrize(
    ("ours", "theirs", "shared"),
    [
        ("Bauantrag", "Bauanträge", "bauantrag"),  # the same word in another inflection
        ("Sensoren", "Füllstandssensoren", "sensoren"),  # a word that is a compound's part
        ("Mobilstationen", "Mobilitätsstationen", "-station"),  # a compound part both share
        ("Digitallotsen", "Digitalmentor", "-digital"),
        ("Einsatzleitstelle", "Bereitstellung", None),  # "eitstell" is no part of either
        ("Digitalisierung", "Automatisierung", None),  # a derivational ending, no word
        ("Lesen", "Digitales", None),  # not by a stem of three letters
        ("Stadtarchiv", "Stadtleitsystem", None),  # a shared part needs six letters
    ],
)
def test_shared_word_parts_are_whole_words_or_compound_parts(
    ours: str, theirs: str, shared: str | None
) -> None:
    assert shared_part(tokens(ours)[0], tokens(theirs)[0]) == shared


def test_the_city_is_named_by_the_dataset_or_the_data_is_refused(tmp_path: Path) -> None:
    bare = _city(tmp_path, "bare", 'ex:p a sckg:Project ; dcterms:title "Radweg"@de .')
    other = _city(tmp_path, "bdorf", BDORF)
    with pytest.raises(
        DataError, match=r"^bare: no sckg:Dataset: a city to compare needs a dataset node naming "
    ):
        compare([KnowledgeGraph.open([bare]), KnowledgeGraph.open([other])], ["bare"])
    with pytest.raises(
        DataError, match=r"^b2: the same city as b1 \(Stadt Bdorf\); compare different cities$"
    ):
        compare([KnowledgeGraph.open([other]), KnowledgeGraph.open([other])], ["b1", "b2"])


def test_an_unknown_city_names_the_cities_compared(comparison: Comparison) -> None:
    with pytest.raises(
        ParameterError, match=r"^city 'Cstadt' is none of the cities compared: Stadt Aburg, Stadt B"
    ):
        gaps(comparison, "Cstadt")


def test_cli_compare_gaps_as_csv(cities: tuple[Path, Path]) -> None:
    result = runner.invoke(
        app, ["compare", "-d", str(cities[0]), "-d", str(cities[1]), "--show", "gaps", "-f", "csv"]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "frame,concept,others\nHandlungsfeld,E-Government,Stadt Bdorf (fiktiv) 1\n"
        "Handlungsfeld,Nachhaltigkeit,Stadt Bdorf (fiktiv) 1\n"
    )


def test_gaps_note_the_projects_whose_fields_map_to_no_reference_field() -> None:
    """Ulm leaves three of its fields unmapped: their 35 measures count in no reference field, so a
    gap there may be a missing mapping; the note says so and how to propose one."""
    args = ["compare", "-d", str(ROOT / "data/ulm"), "-d", str(ROOT / "data/braunschweig")]
    result = runner.invoke(app, [*args, "--show", "gaps", "-f", "csv", "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        "Note: 35 of Stadt Ulm's 135 projects and measures are in a field of action that maps to "
        "no reference field, so they count in none (fields: 3); sckg compare --show mapping "
        "proposes reference fields for them.\n"
    )
    result = runner.invoke(app, [*args, "--city", "Braunschweig", "--show", "gaps", "-f", "csv"])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""  # Braunschweig's fields all map


def test_a_city_without_projects_or_measures_is_named(tmp_path: Path) -> None:
    """A council export alone (no programme) compared with a city: its coverage was 0 everywhere,
    without a word on why."""
    import shutil

    from sckg.ingest import write_turtle
    from sckg.ingest.oparl import import_oparl

    (tmp_path / "papers").mkdir()
    shutil.copy(ROOT / "tests/assets/oparl/musterstadt-1.0/papers-1.json", tmp_path / "papers")
    council = write_turtle(
        import_oparl(tmp_path / "papers", "musterstadt").triples, tmp_path / "council.ttl"
    )
    args = ["compare", "-d", str(ROOT / "data/braunschweig"), "-d", str(council), "-f", "csv"]
    result = runner.invoke(app, [*args, "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        "Note: musterstadt: council information (OParl) has no projects or measures, so it "
        "counts 0 in every field and goal and offers no best practice; import its programme next "
        "to it (sckg import table).\n"
    )


def test_cli_compare_needs_two_cities(cities: tuple[Path, Path]) -> None:
    result = runner.invoke(app, ["compare", "-d", str(cities[0])])
    assert result.exit_code == 2
    assert result.stderr == "Error: --data: give at least two cities to compare, one --data each.\n"


def test_cli_heat_map_as_png_and_svg(cities: tuple[Path, Path], tmp_path: Path) -> None:
    for name in ("heat.png", "heat.svg"):
        result = runner.invoke(
            app,
            [
                "compare",
                "-d",
                str(cities[0]),
                "-d",
                str(cities[1]),
                "--chart",
                str(tmp_path / name),
            ],
        )
        assert result.exit_code == 0, result.output
    assert (tmp_path / "heat.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "Projekte je Referenz-Handlungsfeld" in (tmp_path / "heat.svg").read_text(
        encoding="utf-8"
    )
    result = runner.invoke(
        app, ["compare", "-d", str(cities[0]), "-d", str(cities[1]), "--chart", "x.gif"]
    )
    assert (result.exit_code, result.stderr) == (
        2,
        "Error: --chart: x.gif must end in .png or .svg\n",
    )


def test_chart_options_are_checked_before_anything_is_printed(cities: tuple[Path, Path]) -> None:
    both = ["compare", "-d", str(cities[0]), "-d", str(cities[1])]
    result = runner.invoke(app, [*both, "--chart", "h.pdf"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "Error: --chart: h.pdf must end in .png or .svg\n"
    for show in ("best", "gaps", "targets", "structure"):
        result = runner.invoke(app, [*both, "--show", show, "--chart", "h.png"])
        assert (result.exit_code, result.stdout) == (2, ""), show
        assert result.stderr == "Error: --chart draws --show fields or sdg.\n", show


@pytest.mark.parametrize("value", ["0", "-5", "nan"])
def test_a_min_score_that_is_not_above_0_is_refused_by_its_name(
    cities: tuple[Path, Path], value: str
) -> None:
    args = ["compare", "-d", str(cities[0]), "-d", str(cities[1]), "--show", "best"]
    result = runner.invoke(app, [*args, "--min-score", value])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "Error: --min-score must be greater than 0\n"


def test_review_accept_and_reject_become_data_and_are_not_proposed_again(
    cities: tuple[Path, Path], tmp_path: Path
) -> None:
    review, out = tmp_path / "review.csv", cities[0] / "best-practice.ttl"
    args = ["compare", "-d", str(cities[0]), "-d", str(cities[1]), "--min-score", "0.3"]
    assert runner.invoke(app, [*args, "--review", str(review)]).exit_code == 0
    with review.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert [r[2:5] for r in rows] == [
        ["project", "example", "city"],
        ["Digitaler Bauantrag", "Bauantrag online", "Stadt Bdorf (fiktiv)"],
        ["Mobilstationen an Haltestellen", "Mobilitätsstationen", "Stadt Bdorf (fiktiv)"],
    ]
    rows[1][0], rows[2][0] = "nein", "ja"
    with review.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    result = runner.invoke(app, ["compare", "--decisions", str(review), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        f"Accepted 1 and rejected 1 candidates; {out} now holds 1 best-practice examples and 1 "
        "rejections.\n"
    )
    again = runner.invoke(
        app, ["compare", "--decisions", str(review), "--out", str(out)], env={"LANG": "de_DE.UTF-8"}
    )
    assert again.stderr == (
        f"Angenommen: 1, abgelehnt: 1 (Kandidaten); {out} enthält jetzt 1 Best-Practice-Beispiele "
        "und 1 Ablehnungen.\n"
    )
    triples = {
        (q.subject.value, q.predicate.value, q.object.value)
        for q in ox.parse(path=str(out), format=ox.RdfFormat.TURTLE)
    }
    example = example_iri("https://example.org/bdorf/stations")
    assert example.startswith("https://w3id.org/sckg/id/example/")
    assert triples == {
        (
            "https://example.org/aburg/permit",
            "https://w3id.org/sckg/ontology#rejectedExample",
            "https://example.org/bdorf/permit",
        ),
        (
            "https://example.org/aburg/stations",
            "https://w3id.org/sckg/ontology#refersToExample",
            example,
        ),
        (
            example,
            "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
            "https://w3id.org/sckg/ontology#BestPracticeExample",
        ),
        (
            example,
            "http://www.w3.org/2000/01/rdf-schema#label",
            "Mobilitätsstationen (Stadt Bdorf (fiktiv))",
        ),
        (example, "http://purl.org/dc/terms/source", "https://example.org/bdorf/stations"),
        (example, "http://purl.org/dc/terms/coverage", "https://example.org/bdorf/city"),
        (example, "http://www.w3.org/ns/prov#wasDerivedFrom", "https://example.org/bdorf/stations"),
    }
    again = runner.invoke(app, [*args, "--show", "best", "-f", "csv"])
    assert again.stdout == "n,score,project,example,city,evidence,project_iri,example_iri\n"


@pytest.mark.parametrize(
    ("review_lang", "decisions_lang"), [("en", "en"), ("de", "en"), ("en", "de")]
)
def test_an_accepted_examples_label_is_german_title_and_german_city_name(
    tmp_path: Path, review_lang: str, decisions_lang: str
) -> None:
    """The label joined the German title with the city's name in the review's language, tagged
    with the language of --decisions: "Mobilitätsstationen (Town of Bdorf (fictional))"@en. The
    title is the German one the comparison reads, so the label is German: the review's column
    city_name holds the city's German name (the column city the name in --lang)."""
    aburg = _city(tmp_path, "aburg", ABURG)
    bdorf = _city(
        tmp_path,
        "bdorf",
        BDORF.replace('"Stadt Bdorf"@de', '"Stadt Bdorf"@de , "Town of Bdorf"@en'),
    )
    review, out = tmp_path / "review.csv", tmp_path / "best-practice.ttl"
    args = ["compare", "-d", str(aburg), "-d", str(bdorf), "--min-score", "0.3"]
    result = runner.invoke(app, [*args, "--review", str(review), "--lang", review_lang])
    assert result.exit_code == 0, result.output
    with review.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    city = {"de": "Stadt Bdorf (fiktiv)", "en": "Town of Bdorf (fictional)"}[review_lang]
    assert [[r[3], r[4], r[9]] for r in rows] == [
        ["example", "city", "city_name"],
        ["Bauantrag online", city, "Stadt Bdorf (fiktiv)"],
        ["Mobilitätsstationen", city, "Stadt Bdorf (fiktiv)"],
    ]
    rows[2][0] = "accept"
    with review.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    result = runner.invoke(
        app, ["compare", "--decisions", str(review), "--out", str(out), "--lang", decisions_lang]
    )
    assert result.exit_code == 0, result.output
    labels = [
        str(q.object)
        for q in ox.parse(path=str(out), format=ox.RdfFormat.TURTLE)
        if q.predicate.value == "http://www.w3.org/2000/01/rdf-schema#label"
    ]
    assert labels == ['"Mobilitätsstationen (Stadt Bdorf (fiktiv))"@de']


_REVIEW_HEADERS = {
    "best": "decision,score,project,example,city,evidence,project_iri,example_iri,city_iri,"
    "city_name",
    "targets": "decision,score,project,target,evidence,project_iri,target_iri",
    "mapping": "decision,score,field,reference_field,evidence,field_iri,reference_iri",
    "papers": "decision,score,paper,target,kind,evidence,text,paper_iri,target_iri,other_target",
}


@pytest.mark.parametrize(
    ("kind", "show", "en", "de"),
    [
        (
            "mapping",
            [],
            "a review file of proposed reference fields, not of best-practice candidates: keep "
            "its decisions with 'sckg compare --show mapping --decisions {path} --out {out}'",
            "eine Prüfdatei mit vorgeschlagenen Referenz-Handlungsfeldern, nicht mit "
            "Best-Practice-Kandidaten: ihre Entscheidungen mit 'sckg compare --show mapping "
            "--decisions {path} --out {out}' übernehmen",
        ),
        (
            "best",
            ["--show", "mapping"],
            "a review file of best-practice candidates, not of proposed reference fields: keep "
            "its decisions with 'sckg compare --decisions {path} --out {out}'",
            "eine Prüfdatei mit Best-Practice-Kandidaten, nicht mit vorgeschlagenen "
            "Referenz-Handlungsfeldern: ihre Entscheidungen mit 'sckg compare --decisions {path} "
            "--out {out}' übernehmen",
        ),
        (
            "targets",
            ["--show", "best"],
            "a review file of proposed SDG targets, not of best-practice candidates: keep its "
            "decisions with 'sckg compare --show targets --decisions {path} --out {out}'",
            "eine Prüfdatei mit vorgeschlagenen SDG-Unterzielen, nicht mit "
            "Best-Practice-Kandidaten: ihre Entscheidungen mit 'sckg compare --show targets "
            "--decisions {path} --out {out}' übernehmen",
        ),
        (
            "mapping",
            ["--show", "targets"],
            "a review file of proposed reference fields, not of proposed SDG targets: keep its "
            "decisions with 'sckg compare --show mapping --decisions {path} --out {out}'",
            "eine Prüfdatei mit vorgeschlagenen Referenz-Handlungsfeldern, nicht mit "
            "vorgeschlagenen SDG-Unterzielen: ihre Entscheidungen mit 'sckg compare --show "
            "mapping --decisions {path} --out {out}' übernehmen",
        ),
        (
            "papers",
            ["--show", "mapping"],
            "a review file of proposed links of council papers, not of proposed reference "
            "fields: keep its decisions with 'sckg link papers --decisions {path} --out {out}'",
            "eine Prüfdatei mit vorgeschlagenen Verknüpfungen von Vorlagen, nicht mit "
            "vorgeschlagenen Referenz-Handlungsfeldern: ihre Entscheidungen mit 'sckg link "
            "papers --decisions {path} --out {out}' übernehmen",
        ),
    ],
)
def test_decisions_from_a_review_file_of_another_kind_name_its_kind_and_command(
    tmp_path: Path, kind: str, show: list[str], en: str, de: str
) -> None:
    """A review file of reference fields given to --decisions without --show mapping said only
    that it had no column project_iri and to write it with 'sckg compare --show best --review':
    it names the kind of file it is and the command that keeps its decisions."""
    review, out = tmp_path / f"{kind}.csv", tmp_path / "out.ttl"
    review.write_text(_REVIEW_HEADERS[kind] + "\n", encoding="utf-8")
    args = ["compare", *show, "--decisions", str(review), "--out", str(out)]
    result = runner.invoke(app, args)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == f"Error: {review}: {en.format(path=review, out=out)}\n"
    result = runner.invoke(app, args, env={"LANG": "de_DE.UTF-8"})
    assert result.exit_code == 1
    assert result.stderr == f"Fehler: {review}: {de.format(path=review, out=out)}\n"
    assert not out.exists()


def test_decisions_from_a_file_of_no_known_review_say_which_columns_it_lacks(
    tmp_path: Path,
) -> None:
    review, out = tmp_path / "other.csv", tmp_path / "out.ttl"
    review.write_text("decision,project_iri\n", encoding="utf-8")
    result = runner.invoke(app, ["compare", "--decisions", str(review), "--out", str(out)])
    assert (result.exit_code, result.stderr) == (
        1,
        f"Error: {review}: the review file has no column example_iri, city_iri (write it with "
        "'sckg compare --show best --review FILE')\n",
    )


def test_scores_are_numbers_in_json_for_every_kind_of_proposal(cities: tuple[Path, Path]) -> None:
    """``--show best`` gave the score as the text "1.10", targets and mapping as numbers."""
    import json

    args = ["compare", "-d", str(cities[0]), "-d", str(cities[1]), "--min-score", "0.3", "-f"]
    best = json.loads(runner.invoke(app, [*args, "json", "--show", "best"]).stdout)
    targets = json.loads(runner.invoke(app, [*args, "json", "--show", "targets"]).stdout)
    assert best and targets
    assert all(isinstance(row["score"], float) for row in best + targets)
    table = runner.invoke(app, [*args, "csv", "--show", "best"]).stdout.splitlines()
    assert [line.split(",")[1] for line in table[1:]] == [str(row["score"]) for row in best]


def test_the_structure_as_csv_and_json_is_numbers_under_codes_in_every_language() -> None:
    """CSV in German gave "0,6" and "40 %" under the header Kennzahl: a spreadsheet read text."""
    import json

    args = ["compare", "-d", str(ROOT / "data/braunschweig"), "-d", str(ROOT / "data/ulm")]
    args += ["--show", "structure", "--lang"]
    german = runner.invoke(app, [*args, "de", "-f", "csv"]).stdout.splitlines()
    assert german[0] == "measure,Stadt Braunschweig,Stadt Ulm"
    assert german[1:5] == [
        "fields,8,13",
        "goals,0,24",
        "projects,5,135",
        # the projects with a field per field: Braunschweig 2 / 8, Ulm 132 / 13 (3 of its 135
        # measures have no field); 0.25 is rounded as the table writes it ("0,3"), not to 0.2
        "projects_per_field,0.3,10.2",
    ]
    assert german[5] == "with_field,40.0,97.8"
    rows = json.loads(runner.invoke(app, [*args, "en", "-f", "json"]).stdout)
    assert rows[3] == {
        "measure": "projects_per_field",
        "City of Braunschweig": 0.3,
        "Stadt Ulm": 10.2,
    }
    table = runner.invoke(app, [*args, "de"]).stdout
    assert "Projekte je Handlungsfeld" in table and "10,2" in table and "40 %" in table
    assert re.search(r"Projekte je Handlungsfeld +0,3 +10,2\n", table)


def test_a_bad_decision_names_its_row(tmp_path: Path) -> None:
    review = tmp_path / "review.csv"
    review.write_text(
        "decision,project_iri,example_iri,city_iri\n"
        "vielleicht,https://a/p,https://b/q,https://b/c\n",
        encoding="utf-8",
    )
    result = runner.invoke(
        app, ["compare", "--decisions", str(review), "--out", str(tmp_path / "x.ttl")]
    )
    assert result.exit_code == 1
    assert result.stderr.startswith(
        f"Error: {review}: row 2: decision 'vielleicht' is neither accept nor reject"
    )


def test_the_bundled_cities(tmp_path: Path) -> None:
    data = ROOT / "data"
    result = runner.invoke(
        app,
        [
            "compare",
            "-d",
            str(data / "braunschweig"),
            "-d",
            str(data / "ulm"),
            "-d",
            str(data / "musterstadt"),
            "--show",
            "structure",
            "-f",
            "csv",
        ],
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[:4] == [
        "measure,Stadt Braunschweig,Stadt Ulm,Stadtverwaltung Musterstadt (fiktiv)",
        "fields,8,13,12",
        "goals,0,24,20",
        "projects,5,135,52",
    ]


def test_report_benchmark_section(cities: tuple[Path, Path]) -> None:
    from sckg.report import build_report

    aburg, bdorf = (KnowledgeGraph.open([path]) for path in cities)
    section = build_report(aburg, compare=[bdorf]).section("benchmark")
    assert [c.key for c in section.charts] == ["benchmark-fields"]
    assert [t.caption for t in section.tables] == [
        "Was andere tun und Stadt Aburg nicht",
        "Die Programme nebeneinander",
        "2 Best-Practice-Kandidaten",
    ]
    assert section.tables[0].rows == gaps(compare([aburg, bdorf]), "Aburg")
    assert section.tables[2].rows == [
        [
            "(nicht angegeben)",
            "Digitaler Bauantrag",
            "Bauantrag online",
            "Stadt Bdorf (fiktiv)",
            "1,21",
            "„Bauantrag“ ~ „Bauantrag“ +1,3; "
            "Thema Online-Verwaltungsleistungen: „Bauantrag“ ~ „Bauantrag“ +0,5; "
            "Thema Stadtplanung: „Bauantrag“ ~ „Bauantrag“ +0,5",
        ],
        [
            "Smart Mobility",
            "Mobilstationen an Haltestellen",
            "Mobilitätsstationen",
            "Stadt Bdorf (fiktiv)",
            "1,00",
            "„Mobilstationen“ ~ „Mobilitätsstationen“ +0,6; "
            "Thema Mobilitätsstation: „Mobilstationen“ ~ „Mobilitätsstationen“ +0,6; "
            "gleiches Handlungsfeld Smart Mobility +0,10; gleiches SDG-Unterziel 11.2 +0,2",
        ],
    ]
    assert section.facts == {"benchmark_gaps": 2, "best_practice": 2}


def test_report_and_present_take_other_cities_on_the_command_line(
    cities: tuple[Path, Path], tmp_path: Path
) -> None:
    """``--compare`` of ``sckg report`` and ``sckg present``: one folder per city, read as its own
    graph."""
    data = ["-d", str(cities[0]), "--compare", str(cities[1])]
    briefing = runner.invoke(app, ["report", *data, "--out", str(tmp_path / "r"), "-q"])
    assert briefing.exit_code == 0, briefing.output
    html = (tmp_path / "r" / "report.html").read_text(encoding="utf-8")
    assert "<caption>Was andere tun und Stadt Aburg nicht</caption>" in html
    deck = runner.invoke(app, ["present", *data, "--out", str(tmp_path / "deck.html"), "-q"])
    assert deck.exit_code == 0, deck.output
    assert "Vergleich mit anderen Städten" in (tmp_path / "deck.html").read_text(encoding="utf-8")


def test_a_missing_city_folder_names_the_option_it_came_from(
    cities: tuple[Path, Path], tmp_path: Path
) -> None:
    missing = tmp_path / "nowhere"
    for args, option in (
        (
            ["site", "-d", str(cities[0]), "--compare", str(missing), "-o", str(tmp_path)],
            "--compare",
        ),
        (["compare", "-d", str(cities[0]), "-d", str(missing)], "--data"),
    ):
        result = runner.invoke(app, args)
        assert (result.exit_code, result.stderr) == (
            1,
            f"Error: {missing}: no such file or folder (check the {option} path)\n",
        )


def test_deck_benchmark_slide_needs_other_cities(cities: tuple[Path, Path]) -> None:
    from sckg.choices import SlideView
    from sckg.present import Agenda, View, build_deck

    aburg, bdorf = (KnowledgeGraph.open([path]) for path in cities)
    deck = build_deck(aburg, compare=[bdorf])
    last = deck.slides[-1]
    assert (last.key, last.title) == (
        f"{len(deck.slides)}-benchmark",
        "Vergleich mit anderen Städten",
    )
    assert last.table is not None and last.table.rows == [
        ["E-Government", "Stadt Bdorf (fiktiv) 1"],
        ["Nachhaltigkeit", "Stadt Bdorf (fiktiv) 1"],
    ]
    with pytest.raises(
        DataError, match=r"^eine Folie 'benchmark' braucht andere Städte zum Vergleich"
    ):
        build_deck(aburg, agenda=Agenda(None, [View(SlideView.benchmark)]))


def test_review_file_as_xlsx(cities: tuple[Path, Path], tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from sckg.link import read_review_table

    review = tmp_path / "review.xlsx"
    args = ["compare", "-d", str(cities[0]), "-d", str(cities[1]), "--review", str(review)]
    assert runner.invoke(app, args).exit_code == 0
    workbook = load_workbook(review)
    sheet = workbook.active
    assert sheet is not None
    assert [c.value for c in sheet[1]][:4] == ["decision", "score", "project", "example"]
    sheet["A2"] = "x"
    workbook.save(review)
    rows = read_review_table(review, ("project_iri", "example_iri", "city_iri"))
    assert [(r["decision"], r["project"], r["example"]) for r in rows] == [
        ("accept", "Digitaler Bauantrag", "Bauantrag online")
    ]


def test_comparison_map_joins_the_cities_by_their_reference_fields(
    comparison: Comparison, cities: tuple[Path, Path], tmp_path: Path
) -> None:
    from sckg.network.comparison import comparison_graph

    graph = comparison_graph(comparison)
    # 12 reference fields, 2 cities, 2 + 3 projects
    assert sorted(Counter(c for _, c in graph.nodes(data="cls")).items()) == [
        ("city-administration", 2),
        ("field", 12),
        ("project", 5),
    ]
    field = "https://w3id.org/sckg/vocab/field/"
    assert sorted(
        (graph.nodes[p]["label"], graph.nodes[f]["label"])
        for u, v in graph.edges
        for p, f in ((u, v), (v, u))
        if f.startswith(field)
    ) == [
        ("Bauantrag online (Stadt Bdorf (fiktiv))", "E-Government"),
        ("Mobilitätsstationen (Stadt Bdorf (fiktiv))", "Smart Mobility"),
        ("Mobilstationen an Haltestellen (Stadt Aburg)", "Smart Mobility"),
        ("Smarte Abfallbehälter (Stadt Bdorf (fiktiv))", "Nachhaltigkeit"),
    ]
    assert graph.number_of_edges() == 4 + 5  # and each project to its city
    out = tmp_path / "map.html"
    args = ["viz", "-d", str(cities[0]), "--compare", str(cities[1]), "--out", str(out)]
    result = runner.invoke(app, [*args, "--color-by", "department"])
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith(f"{out}: 19 nodes, 9 links")  # a status line
    page = out.read_text(encoding="utf-8")
    assert "Smart-City-Programme im Vergleich: Stadt Aburg, Stadt Bdorf (fiktiv)" in page


def test_a_dataset_that_names_no_city_is_no_second_city(tmp_path: Path) -> None:
    """A dataset node without dcterms:coverage (a council import of before) beside the one that
    names the city: its own IRI is no city."""
    folder = _city(tmp_path, "aburg", ABURG)
    (folder / "council.ttl").write_text(
        PREFIXES + "<https://example.org/aburg/council> a sckg:Dataset .\n", encoding="utf-8"
    )
    city = load_city(KnowledgeGraph.open([folder])).city
    assert (city.iri, city.label) == ("https://example.org/aburg/city", "Stadt Aburg")


def _council(tmp_path: Path) -> Path:
    from sckg.ingest import write_turtle
    from sckg.ingest.oparl import import_oparl

    source = ROOT / "tests/assets/oparl/musterstadt-1.0"
    return write_turtle(import_oparl(source, "musterstadt").triples, tmp_path / "council.ttl")


def test_inventory_and_council_of_one_city_are_one_city(tmp_path: Path) -> None:
    """The council import (sckg import oparl --city musterstadt) names its body as the city; the
    inventory names its administration: both are Musterstadt's (one --city), so one city."""
    council = _council(tmp_path)
    city = load_city(KnowledgeGraph.open([ROOT / "data/musterstadt", council])).city
    assert (city.iri, city.label, city.fictional) == (
        "https://w3id.org/sckg/id/musterstadt/actor/stadtverwaltung",
        "Stadtverwaltung Musterstadt",
        True,
    )
    out = tmp_path / "map.html"
    alone = ["viz", "-d", str(council), "--compare", str(ROOT / "data/ulm"), "-o", str(out)]
    result = runner.invoke(app, [*alone, "-l", "en"])
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith(
        "Note: Stadt Musterstadt has no projects or measures, so it counts 0 in every field and "
        "goal and offers no best practice; import its programme next to it (sckg import table).\n"
    )
    both = ["-d", str(ROOT / "data/musterstadt"), "-d", str(council)]
    result = runner.invoke(app, ["viz", *both, "--compare", str(ROOT / "data/ulm"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "Note:" not in result.stderr and "Hinweis:" not in result.stderr


def test_two_cities_in_one_data_are_named_with_their_files(tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "a.ttl").write_text(PREFIXES + ABURG, encoding="utf-8")
    (folder / "b.ttl").write_text(PREFIXES + BDORF, encoding="utf-8")
    other = _city(tmp_path, "c", ABURG.replace("aburg", "cstadt").replace("Aburg", "Cstadt"))
    args = ["compare", "-d", str(other), "-d", str(folder)]
    english = runner.invoke(app, [*args, "-l", "en"])
    assert (english.exit_code, english.stderr) == (
        1,
        f"Error: 2 cities in {folder}: https://example.org/aburg/city (in {folder}/a.ttl), "
        f"https://example.org/bdorf/city (in {folder}/b.ttl). A comparison takes one city per "
        "data: give each city's files on their own, and let every dataset of one city name "
        "that city (dcterms:coverage)\n",
    )
    german = runner.invoke(app, [*args, "-l", "de"])
    assert (german.exit_code, german.stderr) == (
        1,
        f"Fehler: 2 Städte in {folder}: https://example.org/aburg/city (in {folder}/a.ttl), "
        f"https://example.org/bdorf/city (in {folder}/b.ttl). Ein Vergleich nimmt eine Stadt je "
        "Datenangabe: die Dateien jeder Stadt für sich angeben und in jedem Datensatz einer "
        "Stadt diese Stadt nennen (dcterms:coverage)\n",
    )
    report = runner.invoke(
        app,
        [
            "report",
            "-d",
            str(folder),
            "--compare",
            str(other),
            "-o",
            str(tmp_path / "r"),
            "-l",
            "de",
        ],
    )
    assert (report.exit_code, report.stderr) == (
        1,
        f"Fehler: 2 Städte in denselben Daten: https://example.org/aburg/city (in {folder}/a.ttl), "
        f"https://example.org/bdorf/city (in {folder}/b.ttl). Ein Vergleich nimmt eine Stadt je "
        "Datenangabe: die Dateien jeder Stadt für sich angeben und in jedem Datensatz einer "
        "Stadt diese Stadt nennen (dcterms:coverage)\n",
    )
