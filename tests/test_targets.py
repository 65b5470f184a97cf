"""SDG targets proposed for a city's projects (sckg.targets, sckg compare --show targets): known
answers on a tiny city, the review and the decisions."""

from __future__ import annotations

import csv
from pathlib import Path

import pyoxigraph as ox
from conftest import PREFIXES
from typer.testing import CliRunner

from sckg.cli import app
from sckg.compare import load_city
from sckg.kg import KnowledgeGraph
from sckg.targets import propose_targets

runner = CliRunner()
SDG = "http://metadata.un.org/sdg/"
C = "https://example.org/cdorf/"
CITY = """
@prefix c: <https://example.org/cdorf/> .
@prefix sdg: <http://metadata.un.org/sdg/> .
c:dataset a sckg:Dataset ; dcterms:coverage c:city ; sckg:fictional true .
c:city a oparl:Body ; rdfs:label "Stadt Cdorf"@de .
c:parking a sckg:Project ; dcterms:title "Digitales Parken"@de ;
    sckg:inFieldOfAction field:smart-mobility .
c:portal a sckg:Project ; dcterms:title "Bürgerportal"@de ;
    dcterms:description "Mit Lernvideos zur Bedienung."@de .
c:mapped a sckg:Project ; dcterms:title "Carsharing"@de ; skos:closeMatch sdg:11.2 .
c:rejected a sckg:Project ; dcterms:title "Solarkataster"@de ; sckg:rejectedTarget sdg:7.2 .
c:nothing a sckg:Project ; dcterms:title "Workshops"@de .
"""


def _city(tmp_path: Path) -> Path:
    (tmp_path / "city.ttl").write_text(PREFIXES + CITY, encoding="utf-8")
    return tmp_path / "city.ttl"


def test_targets_by_concept_and_reference_field(tmp_path: Path) -> None:
    data = load_city(KnowledgeGraph.open([_city(tmp_path)]))
    labels = {"https://w3id.org/sckg/vocab/field/smart-mobility": "Smart Mobility"}
    assert [
        (p.project.title, p.code, p.score, p.evidence("de", labels)) for p in propose_targets(data)
    ] == [
        # title: online services (16.6) 1
        ("Bürgerportal", "16.6", 1.0, "Thema Online-Verwaltungsleistungen: „Bürgerportal“ +1,00"),
        # the concept and the reference field both say 11.2
        (
            "Digitales Parken",
            "11.2",
            1.25,
            "Thema Parken: „Parken“ +1,00; Referenz-Handlungsfeld Smart Mobility +0,25",
        ),
        # Carsharing already maps to 11.2, 7.2 was rejected for the Solarkataster, Workshops
        # names no concept
    ]
    # the description's learning (4.4) 0.5: a second target when it need not tie with the first
    found = propose_targets(data, margin=0.5)
    assert [(p.project.title, p.code, p.score, p.evidence("de", labels)) for p in found][1] == (
        "Bürgerportal",
        "4.4",
        0.5,
        "Thema Digitales Lernen: „Lernvideos“ +0,50",
    )
    assert [p.code for p in propose_targets(data, top=1, margin=0.0)] == ["16.6", "11.2"]
    assert [p.code for p in propose_targets(data, threshold=1.25)] == ["11.2"]


FIELD = """
@prefix c: <https://example.org/cdorf/> .
@prefix sdg: <http://metadata.un.org/sdg/> .
c:dataset a sckg:Dataset ; dcterms:coverage c:city ; sckg:fictional true .
c:city a oparl:Body ; rdfs:label "Stadt Cdorf"@de .
c:traffic a sckg:FieldOfAction ; rdfs:label "Verkehr"@de .
c:bus a sckg:Project ; dcterms:title "Echtzeitauskunft"@de ; sckg:inFieldOfAction c:traffic .
c:tram a sckg:Project ; dcterms:title "Straßenbahn"@de ; sckg:inFieldOfAction c:traffic .
c:ticket a sckg:Project ; dcterms:title "Handyticket"@de ; sckg:inFieldOfAction c:traffic .
c:plan a sckg:Project ; dcterms:title "Verkehrskonzept"@de ; sckg:inFieldOfAction c:traffic ;
    skos:closeMatch sdg:11.3 .
c:standards a sckg:Project ; dcterms:title "Standards für Anbieter"@de ;
    sckg:inFieldOfAction c:traffic .
c:workshops a sckg:Project ; dcterms:title "Workshops"@de .
"""


def test_targets_of_the_other_projects_of_the_field(tmp_path: Path) -> None:
    (tmp_path / "city.ttl").write_text(PREFIXES + FIELD, encoding="utf-8")
    data = load_city(KnowledgeGraph.open([tmp_path / "city.ttl"]))
    found = propose_targets(data)
    # each project votes for its concept's targets, the plan for its accepted 11.3; the standards
    # name no concept: three of the four others vote for 11.2, its share 0.75 times 0.75 points;
    # the workshops have neither a concept nor a field
    assert [(p.project.title, p.code, p.score, p.evidence("en", {})) for p in found] == [
        (
            "Echtzeitauskunft",
            "11.2",
            1.5,
            'concept Public transport: "Echtzeitauskunft" +1.00; '
            "2 of 3 projects of the same field of action +0.50",
        ),
        (
            "Handyticket",
            "11.2",
            1.5,
            'concept Public transport: "Handyticket" +1.00; '
            "2 of 3 projects of the same field of action +0.50",
        ),
        (
            "Standards für Anbieter",
            "11.2",
            0.56,
            "3 of 4 projects of the same field of action +0.56",
        ),
        (
            "Straßenbahn",
            "11.2",
            1.5,
            'concept Public transport: "Straßenbahn" +1.00; '
            "2 of 3 projects of the same field of action +0.50",
        ),
        # already maps to 11.3; the three others vote for 11.2
        ("Verkehrskonzept", "11.2", 0.75, "3 of 3 projects of the same field of action +0.75"),
    ]
    # the plan's accepted target is its vote
    found = propose_targets(data, threshold=0.25, margin=0.0)
    assert [(p.project.title, p.score) for p in found if p.code == "11.3"] == [
        ("Echtzeitauskunft", 0.25),
        ("Handyticket", 0.25),
        ("Straßenbahn", 0.25),
    ]


def test_a_strategic_goal_gets_targets_from_its_name_and_the_projects_of_its_field(
    tmp_path: Path,
) -> None:
    goals = """
c:goal a sckg:StrategicGoal ; skos:prefLabel "Nahverkehr für alle"@de ; skos:related c:traffic .
c:mapped-goal a sckg:StrategicGoal ; skos:prefLabel "Weniger Parksuchverkehr"@de ;
    skos:closeMatch sdg:11.2 .
c:rejected-goal a sckg:StrategicGoal ; skos:prefLabel "Digitale Bürgerdienste"@de ;
    sckg:rejectedTarget sdg:16.6 .
c:vague a sckg:StrategicGoal ; skos:prefLabel "Gute Zusammenarbeit"@de .
"""
    (tmp_path / "city.ttl").write_text(PREFIXES + FIELD + goals, encoding="utf-8")
    data = load_city(KnowledgeGraph.open([tmp_path / "city.ttl"]))
    assert [g.title for g in data.strategic_goals] == [
        "Digitale Bürgerdienste",
        "Gute Zusammenarbeit",
        "Nahverkehr für alle",
        "Weniger Parksuchverkehr",
    ]
    found = [p for p in propose_targets(data) if p.project in data.strategic_goals]
    # its concept (Nahverkehr: public transport, 11.2) and the four projects of the field it is
    # related to, three of them for 11.2 (the goal does not vote for the projects: theirs are as
    # above); the mapped goal has its target, the rejected one is not proposed again, and "Gute
    # Zusammenarbeit" names nothing
    assert [(p.project.title, p.code, p.score, p.evidence("en", {})) for p in found] == [
        (
            "Nahverkehr für alle",
            "11.2",
            1.56,
            'concept Public transport: "Nahverkehr" +1.00; '
            "3 of 4 projects of the same field of action +0.56",
        )
    ]
    # the projects' proposals are those of the city without its goals
    (tmp_path / "projects.ttl").write_text(PREFIXES + FIELD, encoding="utf-8")
    alone = propose_targets(load_city(KnowledgeGraph.open([tmp_path / "projects.ttl"])))
    assert [p for p in propose_targets(data) if p.project not in data.strategic_goals] == alone


def test_review_and_decisions_become_data_and_are_not_proposed_again(tmp_path: Path) -> None:
    city = _city(tmp_path)
    review, out = tmp_path / "review.csv", tmp_path / "targets.ttl"
    result = runner.invoke(
        app, ["compare", "-d", str(city), "--show", "targets", "--review", str(review)]
    )
    assert result.exit_code == 0, result.output
    with review.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert [r[:4] for r in rows] == [
        ["decision", "score", "project", "target"],
        ["", "1.0", "Bürgerportal", "16.6"],
        ["", "1.25", "Digitales Parken", "11.2"],
    ]
    rows[1][0], rows[2][0] = "accept", "reject"
    with review.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    args = ["compare", "--show", "targets", "--decisions", str(review), "--out", str(out)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "Accepted 1 and rejected 1 SDG targets" in result.stderr
    assert {
        (str(q.subject), str(q.predicate), str(q.object))
        for q in ox.parse(path=str(out), format=ox.RdfFormat.TURTLE)
    } == {
        (f"<{C}portal>", "<http://www.w3.org/2004/02/skos/core#closeMatch>", f"<{SDG}16.6>"),
        (f"<{C}parking>", "<https://w3id.org/sckg/ontology#rejectedTarget>", f"<{SDG}11.2>"),
    }
    data = load_city(KnowledgeGraph.open([city, out]))
    assert SDG + "16.6" in next(i for i in data.items if i.title == "Bürgerportal").sdgs
    # neither decided target again: the portal's next one (0.5 from its description), nothing for
    # the parking
    found = propose_targets(data)
    assert [(p.project.title, p.code) for p in found] == [("Bürgerportal", "4.4")]


def test_targets_of_the_city_named_among_several(tmp_path: Path) -> None:
    city = _city(tmp_path)
    other = tmp_path / "other"
    other.mkdir()
    (other / "city.ttl").write_text(
        PREFIXES
        + """@prefix d: <https://example.org/ddorf/> .
d:dataset a sckg:Dataset ; dcterms:coverage d:city ; sckg:fictional true .
d:city a oparl:Body ; rdfs:label "Stadt Ddorf"@de .
d:bins a sckg:Project ; dcterms:title "Smarte Abfallbehälter"@de .
""",
        encoding="utf-8",
    )
    args = ["compare", "-d", str(city), "-d", str(other), "--show", "targets", "-f", "csv"]
    result = runner.invoke(app, [*args, "--city", "Ddorf"])
    assert result.exit_code == 0, result.output
    assert [line.split(",")[2:4] for line in result.stdout.splitlines()] == [
        ["project", "target"],
        # waste: 11.6 and 12.5 alike, both (a second target when it ties), the lower code first
        ["Smarte Abfallbehälter", "11.6"],
        ["Smarte Abfallbehälter", "12.5"],
    ]
    result = runner.invoke(app, [*args, "--city", "Ddorf", "--top", "1"])
    assert [line.split(",")[2:4] for line in result.stdout.splitlines()][1:] == [
        ["Smarte Abfallbehälter", "11.6"]
    ]
