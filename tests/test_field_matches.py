"""Reference fields proposed for a city's own fields of action (sckg.field_matches, sckg compare
--show mapping): known answers on a tiny city, Ulm's fields against the mapping its converter
states, the review and the decisions."""

from __future__ import annotations

import csv
from pathlib import Path

from conftest import PREFIXES
from typer.testing import CliRunner

from sckg.cli import app
from sckg.field_matches import propose_field_matches
from sckg.kg import KnowledgeGraph
from sckg.namespaces import FIELD, SKOS

runner = CliRunner()
ROOT = Path(__file__).resolve().parent.parent
C = "https://example.org/cdorf/"
CITY = """
@prefix c: <https://example.org/cdorf/> .
c:dataset a sckg:Dataset ; dcterms:coverage c:city ; sckg:fictional true .
c:city a oparl:Body ; rdfs:label "Stadt Cdorf"@de .
c:moving a sckg:FieldOfAction ; skos:prefLabel "Mobilität und Verkehr"@de .
c:charging a sckg:Project ; dcterms:title "Ladesäulen am Rathaus"@de ;
    sckg:inFieldOfAction c:moving .
c:bikes a sckg:Project ; dcterms:title "Fahrradstraßen"@de ; sckg:inFieldOfAction c:moving .
c:choir a sckg:Project ; dcterms:title "Stadtchor"@de ; sckg:inFieldOfAction c:moving .
c:school a sckg:FieldOfAction ; skos:prefLabel "Schulen"@de ;
    skos:closeMatch field:digital-education .
c:quiet a sckg:FieldOfAction ; skos:prefLabel "Zusammenleben"@de .
c:power a sckg:FieldOfAction ; skos:prefLabel "Energie"@de ;
    sckg:rejectedMatch field:energy .
"""


def _city(tmp_path: Path) -> Path:
    (tmp_path / "city.ttl").write_text(PREFIXES + CITY, encoding="utf-8")
    return tmp_path / "city.ttl"


def test_a_field_gets_the_reference_field_its_name_and_projects_name(tmp_path: Path) -> None:
    kg = KnowledgeGraph.open([_city(tmp_path)])
    assert [
        (m.field_label, m.reference, m.score, m.evidence("de"), m.evidence("en"))
        for m in propose_field_matches(kg)
    ] == [
        # the name's "Mobilität" (a context word of Smart Mobility: 0.5) and two of its three
        # projects (Ladesäule a match word, Fahrrad a context word): 0.5 + 2/3
        (
            "Mobilität und Verkehr",
            FIELD + "smart-mobility",
            1.17,
            "Name: „Mobilität“ ~ Mobilität +0,50; 2 von 3 Projekten des Handlungsfelds +0,67",
            'name: "Mobilität" ~ Mobilität +0.50; 2 of 3 projects of the field of action +0.67',
        ),
        # Schulen is mapped already, Zusammenleben names no reference field, and Energie was
        # rejected for Energie
    ]


def test_ulm_s_fields_get_the_reference_fields_its_converter_states(tmp_path: Path) -> None:
    """Ulm's strategy without the mapping of its fields (data/ulm/README.md: written by hand where
    it is evident, before this proposer existed): the best proposal of each field."""
    lines = (ROOT / "data/ulm/strategy.ttl").read_text(encoding="utf-8").splitlines()
    kept = [
        line
        for line in lines
        if not line.strip().startswith(("skos:closeMatch field:", "skos:broadMatch field:"))
    ]
    assert len(lines) - len(kept) == 10  # ten of the 13 fields are mapped, three are not
    (tmp_path / "ulm.ttl").write_text("\n".join(kept), encoding="utf-8")
    best: dict[str, str] = {}
    for m in propose_field_matches(KnowledgeGraph.open([tmp_path / "ulm.ttl"])):
        best.setdefault(m.field_label, m.reference.removeprefix(FIELD))
    assert best == {
        "Bildung": "digital-education",
        "Energie": "energy",
        "Gesundheit, Pflege, Sport": "health",
        # Tourismus and Handel: culture-tourism and industry-4-0 tie at 0.5; the converter maps
        # the field to none
        "Handel, Innenstadt und Tourismus": "culture-tourism",
        "Kultur": "culture-tourism",
        "Mobilität": "smart-mobility",
        "Rettung und Katastrophenschutz": "security",
        "Städte, Gebäude und Wohnen": "smart-living",
        "Umwelt und Klima": "sustainability",
        "Wirtschaft, Forschung und Entwicklung": "industry-4-0",
    }  # Sicherheit (security) is missed; Ver- und Entsorgung and Zusammenleben get none, as stated


def test_braunschweig_s_fields_get_the_reference_fields_they_match_exactly(tmp_path: Path) -> None:
    """The reference fields are named after Braunschweig's eight (data/braunschweig/fields.ttl maps
    each with skos:exactMatch): without the mapping, each gets its own and nothing else."""
    for path in (ROOT / "data/braunschweig").glob("*.ttl"):
        lines = path.read_text(encoding="utf-8").splitlines()
        kept = [line for line in lines if not line.strip().startswith("skos:exactMatch field:")]
        (tmp_path / path.name).write_text("\n".join(kept), encoding="utf-8")
    found = propose_field_matches(KnowledgeGraph.open([tmp_path]))
    stated = KnowledgeGraph.open([ROOT / "data/braunschweig"]).select(
        "SELECT ?f ?r WHERE { ?f a sckg:FieldOfAction ; skos:exactMatch ?r }"
    )
    assert len(found) == 8
    assert {(m.field, m.reference) for m in found} == {
        (f.value, r.value) for f, r in stated.bound_rows()
    }


def test_review_and_decisions_map_the_field_and_it_is_not_proposed_again(tmp_path: Path) -> None:
    folder = tmp_path / "cdorf"
    folder.mkdir()
    _city(folder)
    review = tmp_path / "mapping.csv"
    result = runner.invoke(
        app, ["compare", "--show", "mapping", "--data", str(folder), "--review", str(review)]
    )
    assert result.exit_code == 0, result.output
    assert f"Wrote 1 proposed reference fields to {review}" in result.stderr
    with review.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["field"], r["reference_field"], r["score"]) for r in rows] == [
        ("Mobilität und Verkehr", "Smart Mobility", "1.17")
    ]
    rows[0]["decision"] = "accept"
    with review.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    out = folder / "decisions.ttl"
    result = runner.invoke(
        app, ["compare", "--show", "mapping", "--decisions", str(review), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "Accepted 1 and rejected 0 reference fields" in result.stderr
    kg = KnowledgeGraph.open([folder])
    assert kg.ask(f"ASK {{ <{C}moving> <{SKOS}closeMatch> <{FIELD}smart-mobility> }}")
    assert propose_field_matches(kg) == []
    shown = runner.invoke(app, ["compare", "--show", "mapping", "--data", str(folder), "-f", "csv"])
    assert shown.exit_code == 0, shown.output
    assert shown.output.splitlines() == [
        "n,score,field,reference_field,evidence,field_iri,reference_iri"
    ]
    # the field's three projects now count for Smart Mobility in the coverage by reference field
    coverage = runner.invoke(
        app, ["compare", "--data", str(folder), "--data", str(ROOT / "data/ulm"), "-f", "csv"]
    )
    assert coverage.exit_code == 0, coverage.output
    assert "Stadt Cdorf (fiktiv),Smart Mobility,3,1.0" in coverage.output.splitlines()


def test_mapping_reads_one_city_and_says_so() -> None:
    result = runner.invoke(
        app,
        ["compare", "--show", "mapping", "--data", "data/ulm", "--data", "data/musterstadt"],
    )
    assert result.exit_code == 2
    assert "--show mapping reads one city: give its data once with --data." in result.stderr


def test_the_review_message_names_the_city_as_the_other_reviews_do(tmp_path: Path) -> None:
    """``--show mapping --review`` named the data's folder where ``--show best`` and ``--show
    targets`` name the city whose data the decisions go with (in --lang); data that names no city
    keeps the folder."""
    folder = tmp_path / "cdorf"
    folder.mkdir()
    _city(folder)
    review = tmp_path / "mapping.csv"
    args = ["compare", "--show", "mapping", "--data", str(folder), "--review", str(review)]
    result = runner.invoke(app, [*args, "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        f"Wrote 1 proposed reference fields to {review}: write accept or reject in the decision "
        f"column, then run sckg compare --show mapping --decisions {review} --out FILE.ttl "
        "(FILE.ttl with the data of Stadt Cdorf (fictional))\n"
    )
    result = runner.invoke(app, [*args, "--lang", "de"])
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        f"Geschrieben: 1 vorgeschlagene Referenz-Handlungsfelder nach {review}: in der Spalte "
        "decision accept oder reject eintragen, dann sckg compare --show mapping --decisions "
        f"{review} --out FILE.ttl (FILE.ttl zu den Daten von Stadt Cdorf (fiktiv)) ausführen\n"
    )
    for show in ("targets", "mapping"):  # the same words, as --lang de names the city
        other = ["compare", "--show", show, "--data", str(folder), "--review", str(review)]
        said = runner.invoke(app, other).stderr
        assert said.endswith("(FILE.ttl with the data of Stadt Cdorf (fiktiv))\n"), show
    nameless = tmp_path / "nameless"
    nameless.mkdir()
    (nameless / "city.ttl").write_text(
        PREFIXES + CITY.replace("c:dataset a sckg:Dataset", "c:dataset a sckg:Nothing"),
        encoding="utf-8",
    )
    args = ["compare", "--show", "mapping", "--data", str(nameless), "--review", str(review)]
    result = runner.invoke(app, [*args, "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert result.stderr.endswith(f"(FILE.ttl with the data of {nameless})\n")
