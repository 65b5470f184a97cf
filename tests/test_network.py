"""Known-answer tests of the network projections and analyses on small inline graphs and the bundled cities."""

from __future__ import annotations

import pytest

from sckg.errors import UsageError
from sckg.network.projection import PREDICATES, PROJECTIONS, project

EX = "https://example.org/city/"
FIELD = "https://w3id.org/sckg/vocab/field/"

#: A small city: a Dezernat with a division, a staff unit without a Dezernat, a municipal company, a committee,
#: two projects (one depends on the other), a field, a goal under a vision, and a reference field used directly.
CITY = """
ex:city a org:FormalOrganization ; org:classification kind:city-administration ; rdfs:label "Stadt"@de , "City"@en .
ex:dez1 a org:OrganizationalUnit ; org:classification kind:dezernat ; org:unitOf ex:city ;
    rdfs:label "Dezernat I"@de .
ex:fb10 a org:OrganizationalUnit ; org:classification kind:fachbereich ; org:unitOf ex:dez1 ;
    rdfs:label "Fachbereich 10"@de , "Division 10"@en .
ex:stab a org:OrganizationalUnit ; org:classification kind:stabsstelle ; org:unitOf ex:city ;
    rdfs:label "Stabsstelle"@de .
ex:werke a org:FormalOrganization ; org:classification kind:municipal-company ; sckg:ownedBy ex:city ;
    rdfs:label "Stadtwerke"@de .
ex:ausschuss a org:Organization ; org:classification kind:committee ; rdfs:label "Ausschuss"@de .
ex:mob a sckg:FieldOfAction ; skos:prefLabel "Mobilität"@de , "Mobility"@en .
ex:vision a sckg:Vision ; skos:prefLabel "Zielbild"@de .
ex:goal a sckg:StrategicGoal ; skos:prefLabel "Saubere Luft"@de , "Clean air"@en ; skos:broader ex:vision .
ex:p1 a sckg:Project ; dcterms:title "Projekt 1"@de , "Project 1"@en ; rdfs:label "Projekt eins"@de ;
    sckg:managedBy ex:fb10 ; sckg:hasParticipant ex:werke ; sckg:inFieldOfAction ex:mob ;
    sckg:contributesTo ex:goal ; adms:status status:running ;
    schema:startDate "2020-01-01"^^xsd:date ; schema:endDate "2021-06-30"^^xsd:date ;
    sckg:hasBudget [ a schema:MonetaryAmount ; schema:value 1000.50 ; schema:currency "EUR" ] .
ex:p2 a sckg:Project ; dcterms:title "Projekt 2"@de ; sckg:managedBy ex:werke ; sckg:hasParticipant ex:fb10 ;
    sckg:dependsOn ex:p1 ; sckg:inFieldOfAction field:smart-mobility .
"""


@pytest.fixture
def city(make_kg):
    return make_kg(CITY)


def test_entity_projection_nodes_and_attributes(city):
    graph = project(city, "entity", "en")
    assert sorted(graph) == sorted(
        [EX + n for n in ("city", "dez1", "fb10", "stab", "werke", "ausschuss", "mob", "vision", "goal", "p1", "p2")]
        + [FIELD + "smart-mobility"]
    )
    assert graph.nodes[EX + "p1"] == {
        "iri": EX + "p1",
        "label": "Project 1",
        "cls": "project",
        "cls_label": "Project",
        "department": EX + "dez1",
        "fields": [EX + "mob"],
        "budget": 1000.5,
        "start": "2020-01-01",
        "end": "2021-06-30",
        "status": "running",
    }
    assert graph.nodes[EX + "p2"]["label"] == "Projekt 2"  # no English title: German
    assert graph.nodes[EX + "p2"]["department"] == EX + "werke"
    assert graph.nodes[EX + "p2"]["budget"] is None
    attrs = {n: (d["cls"], d["cls_label"], d["department"]) for n, d in graph.nodes(data=True)}
    assert attrs[EX + "fb10"] == ("fachbereich", "Division", EX + "dez1")
    assert attrs[EX + "dez1"] == ("dezernat", "Department", EX + "dez1")
    assert attrs[EX + "stab"] == ("stabsstelle", "Staff unit", EX + "stab")
    assert attrs[EX + "werke"] == ("municipal-company", "Municipal company", EX + "werke")
    assert attrs[EX + "city"] == ("city-administration", "City administration", None)
    assert attrs[EX + "ausschuss"] == ("committee", "Committee", None)
    assert attrs[EX + "goal"] == ("goal", "Strategic goal", None)
    assert attrs[EX + "vision"] == ("vision", "Vision", None)
    assert attrs[FIELD + "smart-mobility"] == ("field", "Field of action", None)


def test_entity_projection_edges(city):
    graph = project(city, "entity")
    edges = sorted(
        (s[len(EX) :], o.rsplit("/", 1)[-1], d["predicate"], d["weight"]) for s, o, d in graph.edges(data=True)
    )
    assert edges == [
        ("dez1", "city", "unitOf", 1),
        ("fb10", "dez1", "unitOf", 1),
        ("goal", "vision", "broader", 1),
        ("p1", "fb10", "managedBy", 1),
        ("p1", "goal", "contributesTo", 1),
        ("p1", "mob", "inFieldOfAction", 1),
        ("p1", "werke", "hasParticipant", 1),
        ("p2", "fb10", "hasParticipant", 1),
        ("p2", "p1", "dependsOn", 1),
        ("p2", "smart-mobility", "inFieldOfAction", 1),
        ("p2", "werke", "managedBy", 1),
        ("stab", "city", "unitOf", 1),
        ("werke", "city", "ownedBy", 1),
    ]
    assert graph.is_directed()
    assert set(graph.graph["timings"]) == {"sparql", "networkx"}


def test_labels_follow_the_language(city):
    assert project(city, "entity", "de").nodes[EX + "mob"]["label"] == "Mobilität"
    assert project(city, "entity", "de").nodes[EX + "p1"]["label"] == "Projekt eins"  # rdfs:label before title
    assert project(city, "entity", "de").nodes[EX + "fb10"]["cls_label"] == "Fachbereich"


def test_actor_projection(city):
    graph = project(city, "actors")
    assert not graph.is_directed()
    assert sorted(n[len(EX):] for n in graph) == ["ausschuss", "city", "dez1", "fb10", "stab", "werke"]
    assert [(a[len(EX):], b[len(EX):], d) for a, b, d in graph.edges(data=True)] == [
        ("fb10", "werke", {"predicate": "sharesProject", "weight": 2})
    ]
    assert graph.nodes[EX + "fb10"]["department"] == EX + "dez1"


def test_dependency_and_coverage_projections(city):
    deps = project(city, "dependencies")
    assert sorted(deps) == [EX + "p1", EX + "p2"]
    assert list(deps.edges(data=True)) == [(EX + "p2", EX + "p1", {"predicate": "dependsOn", "weight": 1})]
    cover = project(city, "coverage")
    assert sorted(cover) == sorted([EX + "goal", EX + "mob", EX + "p1", EX + "p2", FIELD + "smart-mobility"])
    assert sorted((s[len(EX):], o.rsplit("/", 1)[-1], d["predicate"]) for s, o, d in cover.edges(data=True)) == [
        ("p1", "goal", "contributesTo"),
        ("p1", "mob", "inFieldOfAction"),
        ("p2", "smart-mobility", "inFieldOfAction"),
    ]


def test_several_predicates_between_one_pair(make_kg):
    kg = make_kg(
        'ex:a a org:Organization ; rdfs:label "A"@de .\n'
        'ex:p a sckg:Project ; dcterms:title "P"@de ; sckg:managedBy ex:a ; sckg:hasParticipant ex:a .'
    )
    graph = project(kg, "entity")
    assert graph.edges[EX + "p", EX + "a"] == {"predicate": "managedBy", "weight": 2}


def test_unknown_projection(city):
    with pytest.raises(UsageError) as error:
        project(city, "people")
    assert str(error.value) == "Unknown projection 'people'. Use one of: entity, actors, dependencies, coverage."


def test_projections_are_documented():
    assert list(PROJECTIONS) == ["entity", "actors", "dependencies", "coverage"]
    for spec in PROJECTIONS.values():
        assert spec.description and spec.direction and spec.weight
        assert set(spec.predicates) <= set(PREDICATES)


def test_braunschweig_entity_graph_has_no_schema_nodes(braunschweig):
    graph = project(braunschweig, "entity")
    assert not [n for n in graph if n.startswith("https://w3id.org/sckg/vocab/") or "ontology#" in n]
    assert graph.nodes["https://w3id.org/sckg/id/braunschweig/project/smart-city-rahmenkonzept"]["budget"] == 64827.39
