"""The framework process in the briefing: the process status and the legal frame, on small
graphs."""

from __future__ import annotations

from sckg.report.process import laws_in_use, legal_section, planned_outputs, process_section

#: Two phases of a project; phase 1 plans interviews (none recorded), phase 2 the inventory (one
#: project
#: with a manager) and the legal analysis (one project subject to the GDPR); the project itself
#: plans the
#: final presentation, held on a date.
PROCESS = """
ex:k a sckg:Project ; dcterms:title "Konzept"@de ; sckg:managedBy ex:amt ; sckg:subjectTo law:gdpr .
ex:amt a org:OrganizationalUnit ; rdfs:label "Amt"@de .
ex:ph1 a sckg:ProcessPhase ; rdfs:label "Phase 1"@de ; sckg:order 1 ; dcterms:isPartOf ex:k .
ex:ph2 a sckg:ProcessPhase ; rdfs:label "Phase 2"@de ; sckg:order 2 ; dcterms:isPartOf ex:k .
ex:d1 a sckg:Deliverable ; rdfs:label "Interviews"@de ; sckg:classifiedAs output:interviews ;
    prov:wasGeneratedBy ex:ph1 .
ex:d2 a sckg:Deliverable ; rdfs:label "Rechtsrahmen"@de ; sckg:classifiedAs output:legal-analysis ;
    prov:wasGeneratedBy ex:ph2 .
ex:d3 a sckg:Deliverable ; rdfs:label "Inventar"@de ; sckg:classifiedAs output:inventory ;
    prov:wasGeneratedBy ex:ph2 .
ex:d4 a sckg:Deliverable ; rdfs:label "Präsentation"@de ; sckg:classifiedAs
output:final-presentation ;
    prov:wasGeneratedBy ex:k ; dcterms:date "2026-05-04"^^xsd:date .
"""


def test_planned_outputs_and_what_the_graph_holds_for_them(make_kg) -> None:
    found = [(o.phase, o.label, o.evidence, o.count) for o in planned_outputs(make_kg(PROCESS))]
    assert found == [
        ("Phase 1", "Interviews", "interviews", 0),
        ("Phase 2", "Inventar", "inventory", 1),
        ("Phase 2", "Rechtsrahmen", "legal", 1),
        ("Konzept", "Präsentation", "presentation", 1),
    ]


def test_the_process_status_table(make_kg) -> None:
    section = process_section(make_kg(PROCESS), "de")
    assert section is not None and section.key == "process"
    assert section.paragraphs[1] == "3 von 4 geplanten Ergebnissen sind im Graphen belegt."
    assert section.facts == {"outputs_done": 3, "outputs_missing": 1}
    assert section.tables[0].rows == [
        ["Phase 1", "Interviews", "0 Interviews", "fehlt"],
        ["Phase 2", "Inventar", "1 Projekt mit Federführung", "belegt"],
        ["Phase 2", "Rechtsrahmen", "1 Projekt mit Rechtsrahmen", "belegt"],
        ["Konzept", "Präsentation", "1 gehaltene Präsentation", "belegt"],
    ]
    assert process_section(make_kg('ex:p a sckg:Project ; dcterms:title "P"@de .'), "de") is None


def test_the_legal_section_lists_laws_points_and_thresholds(make_kg) -> None:
    kg = make_kg(
        PROCESS
        + """ex:k sckg:processesPersonalData true ; sckg:contractValue "300000"^^xsd:decimal .
ex:w a sckg:Project ; dcterms:title "WLAN"@de ; sckg:subjectTo law:tkg , law:gdpr ;
    sckg:impactAssessment "DSFA 1" ; sckg:processesPersonalData true ."""
    )
    assert [(u.notation, u.projects, u.url) for u in laws_in_use(kg)] == [
        ("DSGVO", 2, "http://data.europa.eu/eli/reg/2016/679/oj"),
        ("TKG", 1, "https://www.gesetze-im-internet.de/tkg_2021/"),
    ]
    section = legal_section(kg, "en")
    assert section.facts == {"legal_points": 2, "laws": 2}
    assert section.paragraphs[1] == "2 open legal points:"
    assert [row[:2] for row in section.tables[1].rows] == [
        [
            "Konzept",
            "Contract value reaches the EU threshold: give the award procedure. Which procedure "
            "under GWB/VgV was chosen?",
        ],
        [
            "Konzept",
            "Processes personal data: is a data protection impact assessment (DPIA) documented?",
        ],
    ]
    assert section.tables[2].rows[0][1:] == ["€216,000", "1 January 2026 to 31 December 2027"]


def test_without_legal_records_the_section_says_so(make_kg) -> None:
    section = legal_section(make_kg('ex:p a sckg:Project ; dcterms:title "P"@de .'), "de")
    assert (
        section.paragraphs[1]
        == "Für kein Projekt ist ein Rechtsrahmen erfasst (Spalte „Unterliegt“)."
    )
    assert section.tables == []
