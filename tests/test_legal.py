"""The legal frame: the vocabulary of laws, the open legal points as SHACL warnings (both
engines)."""

from __future__ import annotations

import pytest

from sckg import resources
from sckg.kg import KnowledgeGraph
from sckg.validate import validate

#: p1 processes personal data, has no DPIA and no data-protection law; p2 processes personal data
#: with a
#: DPIA and the GDPR; p3 is a supply contract of 216000 (the threshold) without award procedure; p4
#: a works
#: contract of 216000 (below 5404000); p5 a contract of 215999.99 (below); p6 is subject to BITV 2.0
#: without a statement; p7 with one; p8 states it processes no personal data.
LEGAL = """
ex:p1 a sckg:Project ; dcterms:title "Sensoren"@de ; sckg:processesPersonalData true .
ex:p2 a sckg:Project ; dcterms:title "Portal"@de ; sckg:processesPersonalData true ;
    sckg:impactAssessment "DSFA 2026-03, Az. 10.2" ; sckg:subjectTo law:gdpr .
ex:p3 a sckg:Project ; dcterms:title "Plattform"@de ; sckg:contractValue "216000"^^xsd:decimal ;
    sckg:contractType law:contract-supplies-services .
ex:p4 a sckg:Project ; dcterms:title "Tiefbau"@de ; sckg:contractValue "216000"^^xsd:decimal ;
    sckg:contractType law:contract-works .
ex:p5 a sckg:Project ; dcterms:title "Beratung"@de ; sckg:contractValue "215999.99"^^xsd:decimal .
ex:p6 a sckg:Project ; dcterms:title "App"@de ; sckg:subjectTo law:bitv .
ex:p7 a sckg:Project ; dcterms:title "Website"@de ; sckg:subjectTo law:bitv ;
    sckg:accessibilityStatement "https://example.org/barrierefreiheit" .
ex:p8 a sckg:Project ; dcterms:title "Parken"@de ; sckg:processesPersonalData false .
"""
#: Label, shape, value: the contract value, else the focus node (as SHACL-SPARQL reports it).
LEGAL_FINDINGS = [
    ("App", "shapes:LegalAccessibilityStatement", "https://example.org/city/p6"),
    ("Plattform", "shapes:LegalAwardProcedure", "216000"),
    ("Sensoren", "shapes:LegalImpactAssessment", "https://example.org/city/p1"),
    ("Sensoren", "shapes:LegalDataProtectionLaw", "https://example.org/city/p1"),
]


def _legal(kg: KnowledgeGraph, engine: str) -> list[tuple[str, str, str | None]]:
    return [
        (f.label, f.shape, f.value)
        for f in validate(kg, lang="de", engine=engine).warnings
        if f.shape.startswith("shapes:Legal")
    ]


@pytest.mark.parametrize("engine", ["sparql", "pyshacl"])
def test_open_legal_points_are_the_same_on_both_engines(make_kg, engine: str) -> None:
    assert _legal(make_kg(LEGAL), engine) == LEGAL_FINDINGS


def test_open_legal_points_are_questions(make_kg) -> None:
    found = {f.shape: f for f in validate(make_kg(LEGAL), lang="de").warnings}
    assert found["shapes:LegalImpactAssessment"].message == (
        "Verarbeitet personenbezogene Daten: Ist eine Datenschutz-Folgenabschätzung (DSFA) "
        "dokumentiert?"
    )
    assert found["shapes:LegalAwardProcedure"].message.startswith(
        "Auftragswert erreicht den EU-Schwellenwert: Vergabeverfahren angeben."
    )
    assert all(f.message.endswith("?") for s, f in found.items() if s.startswith("shapes:Legal"))


def test_a_later_threshold_replaces_the_earlier(make_kg) -> None:
    later = (
        LEGAL
        + """
ex:t2028 a schema:PriceSpecification ; schema:price "220000"^^xsd:decimal ; schema:priceCurrency
"EUR" ;
    schema:validFrom "2028-01-01"^^xsd:date ; sckg:contractType law:contract-supplies-services .
"""
    )
    assert ("Plattform", "shapes:LegalAwardProcedure", "216000") not in _legal(
        make_kg(later), "sparql"
    )
    assert _legal(make_kg(later), "pyshacl") == _legal(make_kg(later), "sparql")


def test_the_vocabulary_gives_each_law_a_title_and_an_official_address_or_citation() -> None:
    import rdflib

    graph = rdflib.Graph().parse(resources.ontology_dir() / "vocab" / "legal.ttl")
    rows = graph.query(
        """SELECT ?law ?title ?url ?citation WHERE { ?law a sckg:LegalRequirement ;
             dcterms:title ?title FILTER(lang(?title) = "de")
             OPTIONAL { ?law schema:url ?url } OPTIONAL { ?law dcterms:bibliographicCitation
             ?citation } }""",
        initNs={
            "sckg": rdflib.Namespace("https://w3id.org/sckg/ontology#"),
            "dcterms": rdflib.DCTERMS,
            "schema": rdflib.Namespace("https://schema.org/"),
        },
    )
    laws = {str(r.law).rsplit("/", 1)[1]: r for r in rows}
    assert len(laws) == 19
    for name, row in laws.items():
        assert row.url is not None or row.citation is not None, name
        if row.url is not None:
            assert str(row.url).startswith(
                ("https://www.gesetze-im-internet.de/", "http://data.europa.eu/eli/")
            ), name
    assert str(laws["gdpr"].url) == "http://data.europa.eu/eli/reg/2016/679/oj"
    thresholds = {
        str(r.t).rsplit("/", 1)[1]: (str(r.v), str(r.f), str(r.u))
        for r in graph.query(
            "SELECT ?t ?v ?f ?u WHERE { ?t schema:price ?v ; schema:validFrom ?f ; "
            "schema:validThrough ?u }",
            initNs={"schema": rdflib.Namespace("https://schema.org/")},
        )
    }
    assert thresholds == {
        "threshold-2026-works": ("5404000", "2026-01-01", "2027-12-31"),
        "threshold-2026-supplies-services": ("216000", "2026-01-01", "2027-12-31"),
        "threshold-2026-utilities-supplies-services": ("432000", "2026-01-01", "2027-12-31"),
    }
