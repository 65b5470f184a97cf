"""The key points that open the briefing and the deck: computed from the sections, ranked, at most
seven."""

from __future__ import annotations

from sckg import resources
from sckg.kg import KnowledgeGraph
from sckg.report import build_report
from sckg.report.keypoints import PROVIDERS, KeyPoint, key_points, register_key_point
from sckg.report.model import Section

#: Two projects depending on each other (a cycle), one with a milestone overdue at the data date
#: 2026-02-01, one processing personal data without a DPIA; a goal without project.
SMALL = """
ex:ds a sckg:Dataset ; dcterms:title "Kleinstadt"@de ; dcterms:modified "2026-02-01"^^xsd:date .
ex:g a sckg:StrategicGoal ; skos:prefLabel "Ziel"@de .
ex:a a org:OrganizationalUnit ; rdfs:label "Amt"@de .
ex:p1 a sckg:Project ; dcterms:title "Eins"@de ; sckg:managedBy ex:a ; sckg:dependsOn ex:p2 ;
    sckg:processesPersonalData true ; sckg:subjectTo law:gdpr .
ex:p2 a sckg:Project ; dcterms:title "Zwei"@de ; sckg:managedBy ex:a ; sckg:dependsOn ex:p1 .
ex:m a sckg:Milestone ; rdfs:label "Start"@de ; dcterms:isPartOf ex:p1 ;
    dcterms:date "2026-01-10"^^xsd:date ; sckg:reached false .
"""


def test_the_key_points_of_a_small_graph_ranked_by_consequence(make_kg) -> None:
    report = build_report(make_kg(SMALL), lang="de")
    section = report.sections[0]
    assert section.key == "key-points" and section.heading == "Das Wichtigste in Kürze"
    rows = [(row[1], row[3].url) for row in section.tables[0].rows]
    assert rows == [
        ("1 Meilenstein ist überfällig.", "#roadmap"),
        (
            "1 Abhängigkeitszyklus: keines seiner Projekte kann zuerst fertig werden.",
            "#dependencies",
        ),
        ("1 offene Rechtsfrage ist zu prüfen.", "#legal"),
        ("1 strategisches Ziel: kein Projekt der Daten trägt dazu bei.", "#open-points"),
        ("Für 2 Projekte ist kein Beschluss erfasst.", "#strategy"),
    ]  # the projects lack a decision, and count though they belong to no field of action
    assert section.tables[0].rows[0][2] == "Neue Termine setzen oder die Projekte neu planen?"
    assert [s.key for s in report.sections[:2]] == ["key-points", "figures"]  # no process planned


def test_at_most_seven_and_a_registered_provider_takes_part(make_kg) -> None:
    kg = make_kg(SMALL)

    def many(kg: KnowledgeGraph, sections: dict[str, Section], lang: str) -> list[KeyPoint]:
        return [KeyPoint(1, n, f"Befund {n}", "figures", "Frage?") for n in range(10)]

    register_key_point("test", many)
    try:
        found = key_points(kg, [], "de")
    finally:
        del PROVIDERS["test"]
    assert [p.text for p in found] == [f"Befund {n}" for n in (9, 8, 7, 6, 5, 4, 3)]


def test_the_deck_opens_with_the_same_key_points() -> None:
    from sckg.present import build_deck

    kg = KnowledgeGraph.open([resources.dataset("musterstadt")])
    deck = build_deck(kg, lang="en")
    report = build_report(kg, lang="en")
    first = deck.slides[0]
    assert first.key == "1-key-points" and first.title == report.sections[0].heading
    assert first.table is not None
    assert (
        [row[:3] for row in first.table.rows]
        == [  # whole: the question is kept
            row[:3] for row in report.sections[0].tables[0].rows
        ]
    )
    assert len(first.table.rows) == 7
