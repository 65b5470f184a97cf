"""Shared fixtures: the bundled datasets, and knowledge graphs built from small inline Turtle."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from sckg import resources
from sckg.kg import KnowledgeGraph
from sckg.namespaces import turtle_prefixes

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _english_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command line speaks the locale's language (German when none is set): tests run in an
    English one, whatever the machine's, and ask for German where they test it."""
    monkeypatch.setenv("LANG", "C.UTF-8")
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)


#: Prefixes for inline Turtle in tests; ``ex:`` is the namespace of hand-built test entities.
PREFIXES = turtle_prefixes(ex="https://example.org/city/")

#: Two projects of one field and two actors: Parken with a German-format budget typed as decimal and
#: an impossible start date (both ill-typed), Laden with a budget of 250000; Parken depends on
#: Laden; a paper about Parken and its consultation with German dates typed as xsd:date.
ILL_TYPED = """
ex:f a sckg:FieldOfAction ; skos:prefLabel "Mobilität"@de , "Mobility"@en .
ex:a a org:OrganizationalUnit ; rdfs:label "Amt"@de .
ex:w a org:FormalOrganization ; rdfs:label "Stadtwerke"@de .
ex:p1 a sckg:Project ; dcterms:title "Parken"@de ; sckg:inFieldOfAction ex:f ; sckg:managedBy ex:a ;
    sckg:hasParticipant ex:w ;
    sckg:hasBudget ex:b1 ; schema:startDate "2024-13-01"^^xsd:date ; schema:endDate\
 "2025-06-30"^^xsd:date ;
    sckg:dependsOn ex:p2 .
ex:b1 a schema:MonetaryAmount ; schema:value "1.450.000,00"^^xsd:decimal ; schema:currency "EUR" .
ex:p2 a sckg:Project ; dcterms:title "Laden"@de ; sckg:inFieldOfAction ex:f ; sckg:managedBy ex:a ;
    sckg:hasBudget ex:b2 ; schema:startDate "2024-01-01"^^xsd:date ; schema:endDate\
 "2025-01-01"^^xsd:date .
ex:b2 a schema:MonetaryAmount ; schema:value "250000"^^xsd:decimal ; schema:currency "EUR" .
ex:paper a oparl:Paper ; dcterms:title "Vorlage Parken"@de ; dcterms:date "18.02.2025"^^xsd:date ;
    dcterms:subject ex:p1 .
ex:c a oparl:Consultation ; sckg:committee ex:a ; sckg:paper ex:paper ; dcterms:date\
 "4.3.2025"^^xsd:date .
"""
#: What ``report`` and ``present`` note about :data:`ILL_TYPED` (on stderr).
ILL_TYPED_NOTES = [
    'Left out: https://example.org/city/b1, schema:value "1.450.000,00" is not a valid '
    "xsd:decimal.",
    'Left out: https://example.org/city/c, dcterms:date "4.3.2025" is not a valid xsd:date.',
    'Left out: Parken (https://example.org/city/p1), schema:startDate "2024-13-01" is not a valid '
    "xsd:date.",
    'Left out: Vorlage Parken (https://example.org/city/paper), dcterms:date "18.02.2025" is not a '
    "valid "
    "xsd:date.",
]


@pytest.fixture(scope="session")
def braunschweig_path() -> Path:
    return resources.dataset("braunschweig")


@pytest.fixture(scope="session")
def musterstadt_path() -> Path:
    return resources.dataset("musterstadt")


@pytest.fixture(scope="session")
def braunschweig(braunschweig_path: Path) -> KnowledgeGraph:
    """The bundled Braunschweig graph in memory (shared: do not modify)."""
    return KnowledgeGraph.open([braunschweig_path])


@pytest.fixture(scope="session")
def musterstadt(musterstadt_path: Path) -> KnowledgeGraph:
    """The bundled fictional city in memory (shared: do not modify)."""
    return KnowledgeGraph.open([musterstadt_path])


@pytest.fixture
def turtle_file(tmp_path: Path) -> Callable[[str], Path]:
    """Write inline Turtle (the standard prefixes prepended) to a file and return its path."""

    def write(body: str, name: str = "graph.ttl") -> Path:
        path = tmp_path / name
        path.write_text(PREFIXES + body, encoding="utf-8")
        return path

    return write


@pytest.fixture
def make_kg(turtle_file: Callable[[str], Path]) -> Callable[[str], KnowledgeGraph]:
    """A knowledge graph in memory from inline Turtle (the standard prefixes prepended)."""

    def build(body: str) -> KnowledgeGraph:
        return KnowledgeGraph.open([turtle_file(body)])

    return build
