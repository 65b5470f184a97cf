"""The briefing's charts (sckg.report.charts): exact tables, labels in each language's format,
black-and-white fills, deterministic bytes, and the report's size with them."""

import re
from pathlib import Path

from sckg.kg import KnowledgeGraph
from sckg.report import build_report, render_html, render_markdown, write_report
from sckg.report.charts import (
    actor_field_chart,
    budget_chart,
    changes_chart,
    council_chart,
    roadmap_chart,
    roadmap_section,
    status_by_field_chart,
    status_chart,
)

STATUS = "https://w3id.org/sckg/vocab/status/"


def texts(svg: str) -> list[str]:
    """The text elements of a chart, as drawn."""
    return re.findall(r"<text[^>]*>([^<]*)</text>", svg)


def test_budget_bars_are_labelled_in_the_language_format(musterstadt: KnowledgeGraph) -> None:
    de = budget_chart(musterstadt, "budget-by-field", "de")
    en = budget_chart(musterstadt, "budget-by-field", "en")
    assert de.title == "Budget je Handlungsfeld" and en.title == "Budget per field of action"
    assert de.table.rows[0] == ["Infrastrukturausbau", "12.130.000,00 €", 7]
    assert en.table.rows[0] == ["Infrastructure", "€12,130,000.00", 7]
    assert "12.130.000 €" in texts(de.svg) and "€12,130,000" in texts(en.svg)
    assert "Infrastrukturausbau" in texts(de.svg)
    assert de.unit == "EUR"
    assert (
        de.source
        == "Quelle: Fiktives Smart-City-Inventar Musterstadt 2026; Datenstand: 15. Januar 2026"
    )
    assert en.source.startswith("Source: ") and en.source.endswith("; data as of 15 January 2026")
    assert budget_chart(musterstadt, "budget-by-department", "de").table.rows[0] == [
        "Stadtwerke Musterstadt GmbH",
        "8.700.000,00 €",
        6,
    ]


def test_status_charts_count_every_project(musterstadt: KnowledgeGraph) -> None:
    chart = status_chart(musterstadt, "de")
    assert sum(n for _, n in chart.table.rows) == 52
    assert chart.table.rows[0] == ["laufend", 24]
    per_field = status_by_field_chart(musterstadt, "de")
    assert per_field.table.columns[:3] == ["Handlungsfeld", "laufend", "geplant"]
    assert per_field.table.rows[0] == ["E-Government", 3, 3, 3, 0, 0, 0]
    # Black and white: every cell carries its number; no fill patterns (Chromium prints those as
    # bitmaps).
    assert "<pattern" not in per_field.svg and "<image" not in per_field.svg
    assert {"Smart Living", "laufend", "3"} <= set(texts(per_field.svg))


def test_roadmap_highlights_the_critical_path_and_lists_undated_projects(
    musterstadt: KnowledgeGraph,
) -> None:
    chart = roadmap_chart(musterstadt, "de")
    critical = [row[0] for row in chart.table.rows if row[3] == "ja"]
    assert critical == [
        "Glasfaser-Backbone für städtische Standorte",
        "LoRaWAN-Funknetz Musterstadt",
        "Urbane Datenplattform Musterstadt",
        "Digitaler Zwilling Musterstadt",
        "Starkregen- und Hitzesimulation",
    ]
    assert chart.aside == ["Digitales Leerstands- und Flächenmanagement"]
    assert chart.aside_title == "1 Projekt ohne Beginn und Ende"
    assert len(chart.table.rows) == 52  # the undated project is in the table too
    assert "▶ Urbane Datenplattform Musterstadt" in texts(chart.svg)
    assert {"2023", "2029"} <= set(texts(chart.svg))
    twin = next(row for row in chart.table.rows if row[0] == "Digitaler Zwilling Musterstadt")
    assert twin[4] == "Urbane Datenplattform Musterstadt"
    assert twin[5] == "1 3D-Stadtmodell übernommen (2026-12-31, nicht erreicht)"
    assert chart.facts == {
        "Projekte mit Terminen": "51",
        "Kritischer Pfad": "5",
        "Meilensteine erreicht": "7 von 15",
    }


def test_roadmap_draws_dated_phases(make_kg) -> None:
    kg = make_kg(
        'ex:p a sckg:Project ; rdfs:label "P"@de ; schema:startDate "2025-01-01"^^xsd:date ; '
        'schema:endDate "2025-12-31"^^xsd:date . '
        'ex:ph a sckg:ProcessPhase ; rdfs:label "Phase A"@de ; dcterms:isPartOf ex:p ; '
        'schema:startDate "2025-02-01"^^xsd:date ; schema:endDate "2025-05-31"^^xsd:date .'
    )
    chart = roadmap_chart(kg, "de")
    assert "Phase A" in texts(chart.svg)
    assert chart.aside == [] and chart.aside_title == ""


MILESTONES = (
    'ex:p a sckg:Project ; rdfs:label "P"@de , "P en"@en ; schema:startDate "2025-01-01"^^xsd:date '
    '; schema:endDate "2025-12-31"^^xsd:date . ex:q a sckg:Project ; rdfs:label "Q"@de . ex:m1 a '
    'sckg:Milestone ; rdfs:label "Zuschlag"@de , "Contract awarded"@en ; dcterms:isPartOf ex:p ; '
    'dcterms:date "2025-03-31"^^xsd:date ; sckg:reached true . ex:m2 a sckg:Milestone ; rdfs:label '
    '"Abnahme"@de ; dcterms:isPartOf ex:p ; dcterms:date "2026-02-15"^^xsd:date ; sckg:reached '
    'false . ex:m3 a sckg:Milestone ; rdfs:label "Konzept"@de ; dcterms:isPartOf ex:q ; '
    'dcterms:date "2025-06-01"^^xsd:date . '
)


def test_roadmap_draws_milestones_and_lists_them_in_its_table(make_kg) -> None:
    """Each project's milestones in date order, numbered on the chart and in the table; one after
    the project's end is still drawn (the axis reaches 2026); those of an undated project are in the
    table only."""
    kg = make_kg(MILESTONES)
    chart = roadmap_chart(kg, "de")
    assert chart.table.columns == [
        "Projekt",
        "Beginn",
        "Ende",
        "Kritischer Pfad",
        "hängt ab von",
        "Meilensteine",
    ]
    assert chart.table.rows == [
        [
            "P",
            "2025-01-01",
            "2025-12-31",
            "",
            "",
            "1 Zuschlag (2025-03-31, erreicht); 2 Abnahme (2026-02-15, nicht erreicht)",
        ],
        ["Q", "", "", "", "", "1 Konzept (2025-06-01)"],
    ]
    assert chart.facts["Meilensteine erreicht"] == "1 von 3"
    assert (
        texts(chart.svg).count("1") == 1 and texts(chart.svg).count("2") == 1
    )  # the numbers by the diamonds
    assert "2026" in texts(chart.svg)
    # Two diamonds on P's row: the reached one black with a white rim, the open one white with a
    # black rim.
    markers = re.findall(
        r'<use xlink:href="#\w+" x="[\d.]+" y="[\d.]+" style="fill: (#\w+); stroke: (#\w+)',
        chart.svg,
    )
    assert sorted(markers) == [("#1d1d1f", "#ffffff"), ("#ffffff", "#1d1d1f")]
    en = roadmap_chart(kg, "en")
    assert (
        en.table.rows[0][5]
        == "1 Contract awarded (2025-03-31, reached); 2 Abnahme (2026-02-15, not reached)"
    )
    assert en.facts["Milestones reached"] == "1 of 3"
    section_de = roadmap_section(kg, "de")
    assert (
        section_de.paragraphs[1]
        == "Rauten sind Meilensteine (gefüllt: erreicht), nummeriert wie in der Tabelle."
    )


def test_roadmap_without_milestones_says_nothing_about_them(make_kg) -> None:
    kg = make_kg(
        'ex:p a sckg:Project ; rdfs:label "P"@de ; schema:startDate "2025-01-01"^^xsd:date ; '
        'schema:endDate "2025-12-31"^^xsd:date .'
    )
    chart = roadmap_chart(kg, "de")
    assert chart.table.rows == [["P", "2025-01-01", "2025-12-31", "", "", ""]]
    assert "Meilensteine erreicht" not in chart.facts
    assert len(roadmap_section(kg, "de").paragraphs) == 1


def test_actor_field_matrix(musterstadt: KnowledgeGraph) -> None:
    chart = actor_field_chart(musterstadt, "en")
    assert chart.table.columns[0] == "Actor" and len(chart.table.columns) == 12
    assert chart.table.rows[0][0] == "IT and Digitalisation division"
    assert sum(chart.table.rows[0][1:]) == 24
    assert len(chart.table.rows) == 25
    assert chart.aside_title == "24 more actors with fewer projects are left out of the matrix."


def test_changes_since_the_last_snapshot(make_kg) -> None:
    old = make_kg(
        f'ex:a a sckg:Project ; rdfs:label "A"@de ; adms:status <{STATUS}running> . '
        f'ex:b a sckg:Project ; rdfs:label "B"@de ; adms:status <{STATUS}running> . '
        'ex:c a sckg:Project ; rdfs:label "C"@de .'
    )
    new = make_kg(
        f'ex:a a sckg:Project ; rdfs:label "A"@de ; adms:status <{STATUS}completed> . '
        f'ex:b a sckg:Project ; rdfs:label "B"@de ; adms:status <{STATUS}on-hold> . '
        'ex:d a sckg:Project ; rdfs:label "D"@de .'
    )
    chart = changes_chart(old, new, "de")
    assert chart.table.rows[:4] == [
        ["Projekte neu", 1],
        ["Projekte entfallen", 1],
        ["Projekte abgeschlossen", 1],
        ["Projekte ruhend gesetzt", 1],
    ]
    assert [row[0] for row in chart.table.rows[4:]] == [
        "Offene Punkte neu",
        "Offene Punkte erledigt",
    ]
    assert changes_chart(old, old, "de") is None
    report = build_report(new, lang="de", since=old)
    assert [c.key for c in report.section("changes").charts] == ["changes"]


def test_council_activity_per_field_and_year(make_kg) -> None:
    kg = make_kg(
        'ex:f a sckg:FieldOfAction ; rdfs:label "Mobilität"@de . ex:p a sckg:Project ; rdfs:label '
        '"P"@de ; sckg:inFieldOfAction ex:f . ex:v1 a oparl:Paper ; rdfs:label "V1"@de ; '
        'dcterms:subject ex:f ; dcterms:date "2024-03-01"^^xsd:date . ex:v2 a oparl:Paper ; '
        'rdfs:label "V2"@de ; dcterms:subject ex:p . ex:c2 a oparl:Consultation ; sckg:paper ex:v2 '
        '; dcterms:date "2025-06-01"^^xsd:date . ex:v3 a oparl:Paper ; rdfs:label "V3"@de ; '
        'dcterms:subject ex:p ; dcterms:date "2025-01-10"^^xsd:date .'
    )
    chart = council_chart(kg, "de")
    assert chart.table.columns == ["Handlungsfeld", "2024", "2025"]
    assert chart.table.rows == [["Mobilität", 1, 2]]
    assert chart.unit == "Vorlagen"
    assert council_chart(make_kg("ex:p a sckg:Project ."), "de") is None


def test_same_data_same_bytes(musterstadt: KnowledgeGraph) -> None:
    first = build_report(musterstadt, lang="de")
    second = build_report(musterstadt, lang="de")
    second.generated = first.generated
    assert render_html(first) == render_html(second)
    svg = roadmap_chart(musterstadt, "de").svg
    assert svg == roadmap_chart(musterstadt, "de").svg
    assert "<dc:date" not in svg and "<metadata" not in svg


def test_charts_in_html_and_markdown(musterstadt: KnowledgeGraph, tmp_path: Path) -> None:
    report = build_report(musterstadt, lang="en")
    page = render_html(report)
    keys = re.findall(r'<figure class="chart" id="chart-([\w-]+)">', page)
    assert keys == [
        "budget-by-field",
        "budget-by-department",
        "status",
        "status-by-field",
        "roadmap",
        "strategy",  # the strategy tree (issue 24)
        "actor-field",
    ]
    assert page.count('<details class="no-print"><summary>The figures as a table</summary>') == 7
    assert "Project roadmap</strong> (years) · Source: " in page
    assert "<li>Digital vacancy and land management</li>" in page
    assert "*Project roadmap*" in render_markdown(report)
    path = write_report(report, musterstadt, tmp_path)
    assert (
        path.stat().st_size < 3_500_000
    )  # 3.15 MB with the partners map and the strategy tree (issue 24)
