"""A small council graph in the shape ``sckg import oparl`` writes, plus a programme whose papers
are linked; the three graphs (council only, inventory only, both) the meeting outputs are tested on.

Shared by the tests of empty states, the council history (query, report, maps, diff) and the
exports.
"""

from pathlib import Path

#: Council records only: a body, the council, a committee, a party group, two meetings, three papers
#: (one without consultation; each in the import's dataset), three consultations with their agenda
#: items, one file. Prefix ``c:`` is the import.
COUNCIL = """
@prefix c: <https://w3id.org/sckg/id/test/oparl/> .
@prefix ris: <https://ris.example.org/oparl/> .
c:body a org:FormalOrganization , oparl:Body ; org:classification kind:city-administration ;
    rdfs:label "Stadt Teststadt"@de ; sckg:documentedIn ris:body .
c:rat a org:Organization , oparl:Organization ; org:classification kind:council ; rdfs:label\
 "Rat"@de ;
    org:subOrganizationOf c:body ; sckg:documentedIn ris:rat .
c:bau a org:Organization , oparl:Organization ; org:classification kind:committee ;
    rdfs:label "Bauausschuss"@de ; org:subOrganizationOf c:body ; sckg:documentedIn ris:bau .
c:spd a org:Organization , oparl:Organization ; rdfs:label "SPD-Fraktion"@de ;\
 org:subOrganizationOf c:body ;
    sckg:documentedIn ris:spd .
c:m1 a oparl:Meeting , prov:Entity ; rdfs:label "3. Sitzung des Bauausschusses"@de ;
    schema:startDate "2024-03-05"^^xsd:date ; sckg:committee c:bau ; sckg:documentedIn ris:m1 .
c:m2 a oparl:Meeting , prov:Entity ; rdfs:label "7. Sitzung des Rates"@de ;
    schema:startDate "2024-04-18"^^xsd:date ; sckg:committee c:rat ; sckg:documentedIn ris:m2 .
c:p1 a oparl:Paper , prov:Entity ; rdfs:label "Öffentliches WLAN in der Innenstadt"@de ;
    dcterms:title "Öffentliches WLAN in der Innenstadt"@de ; dcterms:identifier "0042/24" ;
    dcterms:date "2024-02-20"^^xsd:date ; sckg:paperType "Beschlussvorlage"@de ;
    schema:url <https://ris.example.org/vo/42> ; dcterms:hasPart c:f1 ; sckg:documentedIn ris:p1 ;
    sckg:inDataset c:dataset .
c:p2 a oparl:Paper , prov:Entity ; rdfs:label "Digitalisierungskonzept"@de ;
    dcterms:title "Digitalisierungskonzept"@de ; dcterms:identifier "0050/24" ;
    dcterms:date "2024-02-28"^^xsd:date ; sckg:paperType "Antrag"@de ; sckg:originator c:spd ;
    sckg:documentedIn ris:p2 ; sckg:inDataset c:dataset .
c:p3 a oparl:Paper , prov:Entity ; rdfs:label "Löschfahrzeug für die Feuerwehr"@de ;
    dcterms:title "Löschfahrzeug für die Feuerwehr"@de ; dcterms:identifier "0061/24" ;
    dcterms:date "2024-03-01"^^xsd:date ; sckg:documentedIn ris:p3 ; sckg:inDataset c:dataset .
c:f1 a oparl:File , prov:Entity ; rdfs:label "Anlage 1"@de ; sckg:documentedIn ris:f1 .
c:k1 a oparl:Consultation , prov:Entity ; rdfs:label "Vorberatung 0042/24, Bauausschuss,\
 05.03.2024"@de ;
    sckg:paper c:p1 ; sckg:meeting c:m1 ; sckg:committee c:bau ; dcterms:date\
 "2024-03-05"^^xsd:date ;
    sckg:consultationRole role:preliminary ; sckg:agendaItem c:a1 ; sckg:documentedIn ris:k1 .
c:k2 a oparl:Consultation , prov:Entity ; rdfs:label "Entscheidung 0042/24, Rat, 18.04.2024"@de ;
    sckg:paper c:p1 ; sckg:meeting c:m2 ; sckg:committee c:rat ; dcterms:date\
 "2024-04-18"^^xsd:date ;
    sckg:consultationRole role:decision ; sckg:agendaItem c:a2 ; sckg:documentedIn ris:k2 .
c:k3 a oparl:Consultation , prov:Entity ; rdfs:label "Entscheidung 0061/24, Rat, 18.04.2024"@de ;
    sckg:paper c:p3 ; sckg:meeting c:m2 ; sckg:committee c:rat ; dcterms:date\
 "2024-04-18"^^xsd:date ;
    sckg:consultationRole role:decision ; sckg:agendaItem c:a3 ; sckg:documentedIn ris:k3 .
c:a1 a oparl:AgendaItem , prov:Entity ; rdfs:label "4 Öffentliches WLAN"@de ; dcterms:isPartOf\
 c:m1 ;
    sckg:outcome "zur Kenntnis genommen"@de ; sckg:documentedIn ris:a1 .
c:a2 a oparl:AgendaItem , prov:Entity ; rdfs:label "9 Öffentliches WLAN"@de ; dcterms:isPartOf\
 c:m2 ;
    sckg:outcome "ungeändert beschlossen"@de ;
    sckg:resolutionText "Der Rat beschließt das öffentliche WLAN in der Innenstadt."@de ;\
 sckg:documentedIn ris:a2 .
c:a3 a oparl:AgendaItem , prov:Entity ; rdfs:label "10 Löschfahrzeug"@de ; dcterms:isPartOf c:m2 ;
    sckg:outcome "abgelehnt"@de ; sckg:documentedIn ris:a3 .
"""

#: A programme next to the council data: a field, two projects in it, a managing unit; and the
#: accepted links of ``sckg link papers``: p1 is about the WLAN project, p2 about the field (p3
#: stays unlinked).
PROGRAMME = """
@prefix c: <https://w3id.org/sckg/id/test/oparl/> .
ex:digital a sckg:FieldOfAction , skos:Concept ; skos:prefLabel "Digitale Infrastruktur"@de .
ex:it a org:OrganizationalUnit ; org:classification kind:stabsstelle ; rdfs:label "Stabsstelle\
 IT"@de .
ex:wlan a sckg:Project ; dcterms:title "Öffentliches WLAN"@de ; sckg:inFieldOfAction ex:digital ;
    sckg:managedBy ex:it .
ex:portal a sckg:Project ; dcterms:title "Bürgerportal"@de ; sckg:inFieldOfAction ex:digital ;
    sckg:managedBy ex:it .
c:p1 dcterms:subject ex:wlan .
c:p2 dcterms:subject ex:digital .
"""

#: An inventory on its own (no council records): a dataset dated by its author, a field, a unit and
#: a partner, and three projects: one with start and end, one with a start only, one with an end
#: only (it depends on the first). IRIs under the musterstadt base, so that it sits beside an import
#: of the synthetic export.
INVENTORY = """
@prefix m: <https://w3id.org/sckg/id/musterstadt/> .
m:inventory a sckg:Dataset ; rdfs:label "Musterstadt: Bestandsaufnahme"@de ;
    dcterms:title "Musterstadt: Bestandsaufnahme"@de ; dcterms:modified "2024-04-30"^^xsd:date .
m:digital a sckg:FieldOfAction , skos:Concept ; skos:prefLabel "Digitale Infrastruktur"@de ;
    sckg:inDataset m:inventory .
m:it a org:OrganizationalUnit ; org:classification kind:stabsstelle ; rdfs:label "Stabsstelle\
 IT"@de ;
    sckg:inDataset m:inventory .
m:stadtwerke a org:FormalOrganization ; org:classification kind:municipal-company ; rdfs:label\
 "Stadtwerke"@de ;
    sckg:inDataset m:inventory .
m:wlan a sckg:Project ; dcterms:title "Öffentliches WLAN"@de ; sckg:inFieldOfAction m:digital ;
    sckg:managedBy m:it ; sckg:hasParticipant m:stadtwerke ; adms:status status:running ;
    schema:startDate "2023-01-01"^^xsd:date ; schema:endDate "2025-12-31"^^xsd:date ;\
 sckg:inDataset m:inventory .
m:laden a sckg:Project ; dcterms:title "Ladesäulen am Rathaus"@de ; sckg:inFieldOfAction m:digital ;
    sckg:managedBy m:stadtwerke ; adms:status status:running ; schema:startDate\
 "2024-03-01"^^xsd:date ;
    sckg:inDataset m:inventory .
m:portal a sckg:Project ; dcterms:title "Bürgerportal"@de ; sckg:inFieldOfAction m:digital ;
    sckg:managedBy m:it ; adms:status status:planned ; schema:endDate "2026-06-30"^^xsd:date ;
    sckg:dependsOn m:wlan ; sckg:inDataset m:inventory .
"""


def meeting_graphs(folder: Path) -> dict[str, list[Path]]:
    """The files of the three graphs a city's meeting outputs are made from, written into
    ``folder``: its council records alone (``tests/assets/oparl/musterstadt-1.0`` imported), its
    council papers alone (that export's papers: some servers publish only these), its inventory
    alone (:data:`INVENTORY`), and both (a synthetic export imported, the inventory, and the
    export's WLAN papers linked to the WLAN project)."""
    import shutil

    from conftest import PREFIXES

    from sckg.ingest import write_turtle
    from sckg.ingest.oparl import import_oparl
    from sckg.ingest.oparl_synth import write_synthetic_export
    from sckg.kg import KnowledgeGraph

    council = write_turtle(
        import_oparl(
            Path(__file__).parent / "assets" / "oparl" / "musterstadt-1.0", "musterstadt"
        ).triples,
        folder / "council.ttl",
    )
    (folder / "papers").mkdir()
    for page in sorted(
        (Path(__file__).parent / "assets" / "oparl" / "musterstadt-1.0").glob("papers-*")
    ):
        shutil.copy(page, folder / "papers" / page.name)
    papers_only = write_turtle(
        import_oparl(folder / "papers", "musterstadt").triples, folder / "papers.ttl"
    )
    inventory = folder / "inventory.ttl"
    inventory.write_text(PREFIXES + INVENTORY, encoding="utf-8")
    write_synthetic_export(folder / "export", scale=0.05, seed=3)
    synthetic = write_turtle(
        import_oparl(folder / "export", "musterstadt").triples, folder / "synthetic.ttl"
    )
    papers = KnowledgeGraph.open([synthetic]).select(
        'SELECT ?p WHERE { ?p a oparl:Paper ; dcterms:title ?t FILTER(CONTAINS(?t, "WLAN")) } '
        "ORDER BY ?p"
    )
    links = folder / "links.ttl"
    links.write_text(
        "".join(
            f"<{p}> <http://purl.org/dc/terms/subject> "
            "<https://w3id.org/sckg/id/musterstadt/wlan> .\n"
            for p in (row["p"] for row in papers.records())
        ),
        encoding="utf-8",
    )
    return {
        "council": [council],
        "papers": [papers_only],
        "inventory": [inventory],
        "combined": [synthetic, inventory, links],
    }
