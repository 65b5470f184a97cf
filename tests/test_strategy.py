"""The strategy tree and its breaks (report/strategy.py, the strategy projection), on small graphs
and on
the bundled cities."""

from __future__ import annotations

from sckg import resources
from sckg.kg import KnowledgeGraph
from sckg.network.projection import project
from sckg.report.strategy import strategy_section, strategy_tree

#: A vision with two goals: g1 relates to field f1 (projects p1, decided, and p2), g2 to no field;
#: field
#: f2 is related to g1 too but has no project; p1 has a milestone, p3 belongs to no field.
TREE = """
ex:v a sckg:Vision ; skos:prefLabel "Zielbild"@de .
ex:g1 a sckg:StrategicGoal ; skos:prefLabel "Ziel Eins"@de ; skos:broader ex:v ;
    skos:related ex:f1 , ex:f2 .
ex:g2 a sckg:StrategicGoal ; skos:prefLabel "Ziel Zwei"@de ; skos:broader ex:v .
ex:f1 a sckg:FieldOfAction ; skos:prefLabel "Mobilität"@de .
ex:f2 a sckg:FieldOfAction ; skos:prefLabel "Energie"@de .
ex:p1 a sckg:Project ; dcterms:title "Parken"@de ; sckg:inFieldOfAction ex:f1 ; sckg:contributesTo
ex:g1 .
ex:p2 a sckg:Project ; dcterms:title "Laden"@de ; sckg:inFieldOfAction ex:f1 .
ex:p3 a sckg:Project ; dcterms:title "Sonstiges"@de .
ex:d a sckg:Decision ; rdfs:label "Ratsbeschluss"@de ; sckg:decision ex:p1 .
ex:m a sckg:Milestone ; rdfs:label "Start"@de ; dcterms:isPartOf ex:p1 ; dcterms:date
"2026-01-01"^^xsd:date .
"""
EX = "https://example.org/city/"


def test_the_tree_and_its_breaks(make_kg) -> None:
    tree = strategy_tree(make_kg(TREE))
    assert tree.visions == ["Zielbild"]
    assert tree.goal_fields == {EX + "g1": [EX + "f2", EX + "f1"], EX + "g2": []}  # by label
    assert tree.goals_without_fields == ["Ziel Zwei"]
    assert tree.fields_without_projects == ["Energie"]
    assert tree.projects_without_decision == 2  # p2, and p3 that has no field
    assert tree.projects_without_field == 1
    assert tree.unfiled is not None
    assert (tree.unfiled.label, tree.unfiled.projects, tree.unfiled.undecided) == (
        "(ohne Handlungsfeld)",
        [EX + "p3"],
        [EX + "p3"],
    )
    mobility = tree.fields[EX + "f1"]
    assert (mobility.projects, mobility.undecided, mobility.decisions, mobility.milestones) == (
        [EX + "p1", EX + "p2"],
        [EX + "p2"],
        1,
        1,
    )


def test_the_section_has_a_chart_with_its_table(make_kg) -> None:
    section = strategy_section(make_kg(TREE), "de")
    assert section.facts == {
        "goals_without_fields": 1,
        "fields_without_projects": 1,
        "projects_without_decision": 2,
    }
    assert section.items == [
        "1 Ziel ohne Handlungsfeld",
        "1 Handlungsfeld ohne Projekt",
        "2 Projekte ohne Beschluss",
    ]
    (chart,) = section.charts
    assert chart.table.rows == [
        ["Ziel Eins", "Energie", 0, 0, 0, 0],
        ["Ziel Eins", "Mobilität", 2, 1, 1, 0],
        ["Ziel Zwei", "—", 0, 0, 0, 0],
        ["—", "(ohne Handlungsfeld)", 1, 1, 0, 0],
    ]
    assert "✕ Ziel Zwei" in chart.svg and "✕ Energie" in chart.svg
    assert "✕ (ohne Handlungsfeld)" in chart.svg and "0/1 beschlossen, 0 MS" in chart.svg
    assert "1/2 beschlossen, 1 MS" in chart.svg


def test_the_projection_marks_the_breaks(make_kg) -> None:
    graph = project(make_kg(TREE), "strategy", lang="en")
    breaks = {graph.nodes[n]["label"]: b for n, b in graph.nodes(data="break") if b}
    assert breaks == {
        "Ziel Zwei": "Break: goal without a field of action",
        "Energie": "Break: field of action without a project",
        "Laden": "Break: project without a decision",
        "Sonstiges": "Break: project without a decision",
    }
    assert sorted((graph.nodes[s]["label"], graph.nodes[o]["label"]) for s, o in graph.edges) == [
        ("Laden", "Mobilität"),
        ("Parken", "Mobilität"),
        ("Parken", "Ziel Eins"),
        ("Ratsbeschluss", "Parken"),
        ("Ziel Eins", "Energie"),
        ("Ziel Eins", "Mobilität"),
        ("Ziel Eins", "Zielbild"),
        ("Ziel Zwei", "Zielbild"),
    ]


def test_braunschweig_names_no_goals_and_says_where_they_come_from() -> None:
    kg = KnowledgeGraph.open([resources.dataset("braunschweig")])
    section = strategy_section(kg, "en")
    assert section.paragraphs[1:] == [
        "The data names no vision and no strategic goals.",
        'The strategic goals are a planned output of "Phase 3: Strategy and vision development" '
        "(process status).",
    ]
    assert section.charts[0].table.rows[0][0] == "—"


def test_braunschweig_counts_every_project_without_a_decision_those_without_a_field_too() -> None:
    """Braunschweig's 5 projects: no decision is about any of them, 3 have no field of action."""
    kg = KnowledgeGraph.open([resources.dataset("braunschweig")])
    section = strategy_section(kg, "en")
    assert section.facts["projects_without_decision"] == 5
    assert section.items[2] == "5 projects without a decision"
    assert section.charts[0].table.rows[-1] == ["—", "(no field of action)", 3, 3, 0, 0]


def test_musterstadt_and_ulm_draw_their_trees() -> None:
    found = {}
    for city in ("musterstadt", "ulm"):
        section = strategy_section(KnowledgeGraph.open([resources.dataset(city)]), "de")
        found[city] = (section.facts, len(section.charts))
    assert found == {
        "musterstadt": (
            {
                "goals_without_fields": 0,
                "fields_without_projects": 1,
                "projects_without_decision": 44,
            },
            1,
        ),
        "ulm": (
            {
                "goals_without_fields": 0,
                "fields_without_projects": 0,
                "projects_without_decision": 135,
            },
            1,
        ),
    }
