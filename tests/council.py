"""A small council graph in the shape ``sckg import oparl`` writes, plus a programme whose papers are linked.

Shared by the tests of empty states, the council history (query, report, maps, diff) and the exports.
"""

#: Council records only: a body, the council, a committee, a party group, two meetings, three papers (one
#: without consultation), three consultations with their agenda items, one file. Prefix ``c:`` is the import.
COUNCIL = """
@prefix c: <https://w3id.org/sckg/id/test/oparl/> .
@prefix ris: <https://ris.example.org/oparl/> .
c:body a org:FormalOrganization , oparl:Body ; org:classification kind:city-administration ;
    rdfs:label "Stadt Teststadt"@de ; sckg:documentedIn ris:body .
c:rat a org:Organization , oparl:Organization ; org:classification kind:council ; rdfs:label "Rat"@de ;
    org:subOrganizationOf c:body ; sckg:documentedIn ris:rat .
c:bau a org:Organization , oparl:Organization ; org:classification kind:committee ;
    rdfs:label "Bauausschuss"@de ; org:subOrganizationOf c:body ; sckg:documentedIn ris:bau .
c:spd a org:Organization , oparl:Organization ; rdfs:label "SPD-Fraktion"@de ; org:subOrganizationOf c:body ;
    sckg:documentedIn ris:spd .
c:m1 a oparl:Meeting , prov:Entity ; rdfs:label "3. Sitzung des Bauausschusses"@de ;
    schema:startDate "2024-03-05"^^xsd:date ; sckg:committee c:bau ; sckg:documentedIn ris:m1 .
c:m2 a oparl:Meeting , prov:Entity ; rdfs:label "7. Sitzung des Rates"@de ;
    schema:startDate "2024-04-18"^^xsd:date ; sckg:committee c:rat ; sckg:documentedIn ris:m2 .
c:p1 a oparl:Paper , prov:Entity ; rdfs:label "Öffentliches WLAN in der Innenstadt"@de ;
    dcterms:title "Öffentliches WLAN in der Innenstadt"@de ; dcterms:identifier "0042/24" ;
    dcterms:date "2024-02-20"^^xsd:date ; sckg:paperType "Beschlussvorlage"@de ;
    schema:url <https://ris.example.org/vo/42> ; dcterms:hasPart c:f1 ; sckg:documentedIn ris:p1 .
c:p2 a oparl:Paper , prov:Entity ; rdfs:label "Digitalisierungskonzept"@de ;
    dcterms:title "Digitalisierungskonzept"@de ; dcterms:identifier "0050/24" ;
    dcterms:date "2024-02-28"^^xsd:date ; sckg:paperType "Antrag"@de ; sckg:originator c:spd ;
    sckg:documentedIn ris:p2 .
c:p3 a oparl:Paper , prov:Entity ; rdfs:label "Löschfahrzeug für die Feuerwehr"@de ;
    dcterms:title "Löschfahrzeug für die Feuerwehr"@de ; dcterms:identifier "0061/24" ;
    dcterms:date "2024-03-01"^^xsd:date ; sckg:documentedIn ris:p3 .
c:f1 a oparl:File , prov:Entity ; rdfs:label "Anlage 1"@de ; sckg:documentedIn ris:f1 .
c:k1 a oparl:Consultation , prov:Entity ; rdfs:label "Vorberatung 0042/24, Bauausschuss, 05.03.2024"@de ;
    sckg:paper c:p1 ; sckg:meeting c:m1 ; sckg:committee c:bau ; dcterms:date "2024-03-05"^^xsd:date ;
    sckg:consultationRole role:preliminary ; sckg:agendaItem c:a1 ; sckg:documentedIn ris:k1 .
c:k2 a oparl:Consultation , prov:Entity ; rdfs:label "Entscheidung 0042/24, Rat, 18.04.2024"@de ;
    sckg:paper c:p1 ; sckg:meeting c:m2 ; sckg:committee c:rat ; dcterms:date "2024-04-18"^^xsd:date ;
    sckg:consultationRole role:decision ; sckg:agendaItem c:a2 ; sckg:documentedIn ris:k2 .
c:k3 a oparl:Consultation , prov:Entity ; rdfs:label "Entscheidung 0061/24, Rat, 18.04.2024"@de ;
    sckg:paper c:p3 ; sckg:meeting c:m2 ; sckg:committee c:rat ; dcterms:date "2024-04-18"^^xsd:date ;
    sckg:consultationRole role:decision ; sckg:agendaItem c:a3 ; sckg:documentedIn ris:k3 .
c:a1 a oparl:AgendaItem , prov:Entity ; rdfs:label "4 Öffentliches WLAN"@de ; dcterms:isPartOf c:m1 ;
    sckg:outcome "zur Kenntnis genommen"@de ; sckg:documentedIn ris:a1 .
c:a2 a oparl:AgendaItem , prov:Entity ; rdfs:label "9 Öffentliches WLAN"@de ; dcterms:isPartOf c:m2 ;
    sckg:outcome "ungeändert beschlossen"@de ;
    sckg:resolutionText "Der Rat beschließt das öffentliche WLAN in der Innenstadt."@de ; sckg:documentedIn ris:a2 .
c:a3 a oparl:AgendaItem , prov:Entity ; rdfs:label "10 Löschfahrzeug"@de ; dcterms:isPartOf c:m2 ;
    sckg:outcome "abgelehnt"@de ; sckg:documentedIn ris:a3 .
"""

#: A programme next to the council data: a field, two projects in it, a managing unit; and the accepted links
#: of ``sckg link papers``: p1 is about the WLAN project, p2 about the field (p3 stays unlinked).
PROGRAMME = """
@prefix c: <https://w3id.org/sckg/id/test/oparl/> .
ex:digital a sckg:FieldOfAction , skos:Concept ; skos:prefLabel "Digitale Infrastruktur"@de .
ex:it a org:OrganizationalUnit ; org:classification kind:stabsstelle ; rdfs:label "Stabsstelle IT"@de .
ex:wlan a sckg:Project ; dcterms:title "Öffentliches WLAN"@de ; sckg:inFieldOfAction ex:digital ;
    sckg:managedBy ex:it .
ex:portal a sckg:Project ; dcterms:title "Bürgerportal"@de ; sckg:inFieldOfAction ex:digital ;
    sckg:managedBy ex:it .
c:p1 dcterms:subject ex:wlan .
c:p2 dcterms:subject ex:digital .
"""
