"""Inventory meets council (issue 21, item 7): actors of the inventory and organizations of the
council records that are the same are proposed with their evidence, decided in a review file, and
joined on the maps and in the analyses once accepted."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from sckg.actor_match import propose_actor_matches
from sckg.cli import app
from sckg.network.projection import project

runner = CliRunner()

#: The inventory's units and the council's organizations of one city: the administration under two
#: names, a department under the same name, a committee by its short name, and two that are not the
#: same.
CITY = """
@prefix c: <https://w3id.org/sckg/id/test/oparl/> .
ex:verwaltung a org:FormalOrganization ; org:classification kind:city-administration ;
    rdfs:label "Stadtverwaltung"@de .
ex:abt2 a org:OrganizationalUnit ; org:classification kind:fachbereich ; rdfs:label "Abteilung\
 2"@de ;
    org:unitOf ex:verwaltung .
ex:digi a org:Organization ; org:classification kind:committee ; rdfs:label "DigiA"@de .
ex:feuerwehr a org:OrganizationalUnit ; org:classification kind:amt ; rdfs:label "Feuerwehr"@de ;
    org:unitOf ex:verwaltung .
ex:wlan a sckg:Project ; dcterms:title "WLAN"@de ; sckg:managedBy ex:abt2 ; sckg:hasParticipant\
 ex:digi .
c:body a org:FormalOrganization , oparl:Body ; org:classification kind:city-administration ;
    rdfs:label "Stadtverwaltung"@de ; skos:altLabel "Stadt Teststadt"@de .
c:abt2 a org:Organization , oparl:Organization ; rdfs:label "Abteilung 2"@de ;\
 org:subOrganizationOf c:body .
c:digi a org:Organization , oparl:Organization ; org:classification kind:committee ;
    rdfs:label "Ausschuss für Digitalisierung"@de ; skos:altLabel "DigiA"@de ;\
 org:subOrganizationOf c:body .
c:bau a org:Organization , oparl:Organization ; org:classification kind:committee ;
    rdfs:label "Bauausschuss"@de ; org:subOrganizationOf c:body .
"""


def test_matches_are_proposed_by_name_short_name_and_kind(make_kg) -> None:
    rows = [
        (m.actor_label, m.organization_label, m.score, m.evidence_text())
        for m in propose_actor_matches(make_kg(CITY))
    ]
    assert rows == [
        ("DigiA", "Ausschuss für Digitalisierung", 1.5, "Kurzname „DigiA“; gleiche Art: Ausschuss"),
        ("Stadtverwaltung", "Stadtverwaltung", 1.5, "gleicher Name; gleiche Art: Stadtverwaltung"),
        ("Abteilung 2", "Abteilung 2", 1.0, "gleicher Name"),
    ]


def test_the_review_file_joins_accepted_actors_on_the_maps(
    make_kg, turtle_file, tmp_path: Path
) -> None:
    data = turtle_file(CITY)
    review, same = tmp_path / "actors.csv", tmp_path / "same.ttl"
    result = runner.invoke(app, ["link", "actors", "--data", str(data), "--review", str(review)])
    assert result.exit_code == 0, result.output
    lines = review.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith(
        "decision,score,actor,organization,evidence,actor_iri,organization_iri"
    )
    decided = [
        ("accept" if "Abteilung" in line or "Stadtverwaltung" in line else "reject") + line
        for line in lines[1:]
    ]
    review.write_text("\n".join([lines[0], *decided]) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["link", "actors", "--decisions", str(review), "--out", str(same)])
    assert result.exit_code == 0, result.output
    assert "Accepted 2 and rejected 1 proposals" in result.stderr
    kg = make_kg(CITY + same.read_text(encoding="utf-8"))
    assert propose_actor_matches(kg) == []  # decided pairs are not proposed again
    graph = project(kg, "entity")
    labels = sorted(a["label"] for _, a in graph.nodes(data=True) if a["cls"] not in ("project",))
    assert labels.count("Abteilung 2") == 1 and labels.count("Stadtverwaltung") == 1
    assert "https://w3id.org/sckg/id/test/oparl/abt2" not in graph
    assert graph.has_edge("https://example.org/city/abt2", "https://example.org/city/verwaltung")
