"""The shipped ontology, SKOS vocabularies and SHACL shapes: they parse, every term is documented in
German and English, and the shapes give the expected results on tiny hand-built graphs."""

from __future__ import annotations

from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, SH, SKOS

from sckg.resources import REFERENCE_VOCABULARIES

ONTOLOGY_DIR = Path(__file__).parent.parent / "ontology"
VOCAB_FILES = sorted(  # the schemes loaded with every dataset (the SDG frame: tests/test_sdg.py)
    p for p in (ONTOLOGY_DIR / "vocab").glob("*.ttl") if p.stem not in REFERENCE_VOCABULARIES
)

SCKG = Namespace("https://w3id.org/sckg/ontology#")
SHAPES = Namespace("https://w3id.org/sckg/shapes#")
ONTOLOGY_IRI = URIRef("https://w3id.org/sckg/ontology")
TERM_TYPES = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)

PREFIXES = """
@prefix sckg:    <https://w3id.org/sckg/ontology#> .
@prefix field:   <https://w3id.org/sckg/vocab/field/> .
@prefix status:  <https://w3id.org/sckg/vocab/status/> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix adms:    <http://www.w3.org/ns/adms#> .
@prefix org:     <http://www.w3.org/ns/org#> .
@prefix schema:  <https://schema.org/> .
@prefix oparl:   <https://schema.oparl.org/1.1/> .
@prefix xsd:     <http://www.w3.org/2001/XMLSchema#> .
@prefix ex:      <https://example.org/> .
"""

COMPLETE_PROJECT = """
ex:wlan a sckg:Project ;
    dcterms:title "Öffentliches WLAN"@de ;
    sckg:managedBy ex:it ;
    sckg:inFieldOfAction field:infrastructure ;
    sckg:contributesTo ex:goal ;
    adms:status status:running ;
    schema:startDate "2019-03-26"^^xsd:date ;
    sckg:hasBudget [ a schema:MonetaryAmount ; schema:value 250000.00 ; schema:currency "EUR" ] .
ex:it a org:OrganizationalUnit .
"""


def _languages(graph: Graph, subject: URIRef, predicate: URIRef) -> set[str | None]:
    return {o.language for o in graph.objects(subject, predicate) if isinstance(o, Literal)}


def _own_terms(graph: Graph) -> set[URIRef]:
    return {
        s
        for term_type in TERM_TYPES
        for s in graph.subjects(RDF.type, term_type)
        if isinstance(s, URIRef) and s.startswith(str(SCKG))
    }


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_DIR / "sckg.ttl", format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(ONTOLOGY_DIR / "shapes.ttl", format="turtle")


def _check(shapes: Graph, turtle: str) -> list[tuple[URIRef, URIRef]]:
    """Validate inline Turtle; return (severity, source shape) of every result."""
    data = Graph().parse(data=PREFIXES + turtle, format="turtle")
    _, report, _ = validate(data, shacl_graph=shapes, inference="none")
    return [
        (report.value(r, SH.resultSeverity), report.value(r, SH.sourceShape))
        for r in report.subjects(RDF.type, SH.ValidationResult)
    ]


# --- ontology -------------------------------------------------------------------------------------


def test_ontology_header(ontology: Graph) -> None:
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in ontology
    assert _languages(ontology, ONTOLOGY_IRI, URIRef("http://purl.org/dc/terms/title")) >= {
        "de",
        "en",
    }
    assert _languages(ontology, ONTOLOGY_IRI, URIRef("http://purl.org/dc/terms/description")) >= {
        "de",
        "en",
    }
    assert ontology.value(ONTOLOGY_IRI, OWL.versionIRI) == URIRef(
        "https://w3id.org/sckg/ontology/0.1.0"
    )
    assert str(ontology.value(ONTOLOGY_IRI, OWL.versionInfo)) == "0.1.0"
    assert str(
        ontology.value(ONTOLOGY_IRI, URIRef("http://purl.org/vocab/vann/preferredNamespaceUri"))
    ) == str(SCKG)


def test_ontology_declares_the_model_terms(ontology: Graph) -> None:
    terms = _own_terms(ontology)
    classes = {t for t in terms if (t, RDF.type, OWL.Class) in ontology}
    assert len(classes) == 21  # + the records, statements and dot votes of issue 24
    assert {
        SCKG.Project,
        SCKG.Interview,
        SCKG.Dataset,
        SCKG.FieldOfAction,
        SCKG.StrategicGoal,
    } <= classes
    assert {SCKG.managedBy, SCKG.dependsOn, SCKG.consultationRole, SCKG.fictional} <= terms
    assert {
        SCKG.documentedIn,
        SCKG.classifiedAs,
        SCKG.paperType,
    } <= terms  # the model fix of issue 12
    assert {
        SCKG.inDataset,
        SCKG.agendaItem,
        SCKG.outcome,
        SCKG.resolutionFile,
    } <= terms  # OParl import, issue 13
    assert {SCKG.Milestone, SCKG.reached} <= terms  # milestones on the roadmap (issue 15)
    # + sckg:rejectedSubject (linking), the OParl import's terms (issue 13), sckg:rejectedExample,
    # sckg:rejectedTarget and sckg:rejectedMatch (sckg compare), the interview and workshop terms
    # of issue 24 (4 classes, 8 properties), the legal frame's five properties (issue 24) and a
    # prioritisation's values (issue 23: TOPSIS place, best and worst place at ±10 % and ±25 %,
    # sckg:criterionValue and its 11 criteria)
    assert len(terms) == 21 + 53 + 5 + 17
    assert {SCKG.processesPersonalData, SCKG.impactAssessment, SCKG.contractValue} <= terms
    assert {SCKG.topsisPlace, SCKG.worstPlace25, SCKG.criterionImpact} <= terms


def test_every_own_term_is_documented(ontology: Graph) -> None:
    terms = _own_terms(ontology)
    assert terms
    for term in sorted(terms):
        assert _languages(ontology, term, RDFS.label) >= {"de", "en"}, term
        assert _languages(ontology, term, SKOS.definition) >= {"de", "en"}, term
        assert (term, RDFS.isDefinedBy, ONTOLOGY_IRI) in ontology, term


def test_ontology_only_declares_external_terms(ontology: Graph) -> None:
    """About a term of another vocabulary sckg.ttl states only its kind (OWL 2 DL needs the
    declaration)."""
    kinds = {OWL.Class, OWL.ObjectProperty, OWL.AnnotationProperty}
    outside = [
        (s, p, o)
        for s, p, o in ontology
        if isinstance(s, URIRef) and s != ONTOLOGY_IRI and not s.startswith(str(SCKG))
    ]
    assert [t for t in outside if t[1] != RDF.type or t[2] not in kinds] == []
    assert (
        len(outside) == 27
    )  # + oparl:AgendaItem, oparl:File, dcterms:hasPart (issue 13), prov:InstantaneousEvent


# --- vocabularies ---------------------------------------------------------------------------------


@pytest.mark.parametrize("path", VOCAB_FILES, ids=lambda p: p.name)
def test_every_concept_is_labelled_and_in_its_scheme(path: Path) -> None:
    graph = Graph().parse(path, format="turtle")
    schemes = set(graph.subjects(RDF.type, SKOS.ConceptScheme))
    assert len(schemes) == 1
    (scheme,) = schemes
    assert str(scheme).endswith("/scheme")
    assert _languages(graph, scheme, SKOS.prefLabel) >= {"de", "en"}
    concepts = set(graph.subjects(RDF.type, SKOS.Concept))
    assert concepts
    for concept in sorted(concepts):
        assert _languages(graph, concept, SKOS.prefLabel) >= {"de", "en"}, concept
        assert _languages(graph, concept, SKOS.definition) >= {"de", "en"}, concept
        assert (concept, SKOS.inScheme, scheme) in graph, concept
        broader = graph.value(concept, SKOS.broader)  # legal.ttl: a law under its area of law
        assert (concept, SKOS.topConceptOf, scheme) in graph or broader in concepts, concept


def test_vocabulary_files_are_the_seven_schemes() -> None:
    assert [p.name for p in VOCAB_FILES] == [
        "fields.ttl",
        "formats.ttl",
        "kinds.ttl",
        "legal.ttl",
        "outputs.ttl",
        "phases.ttl",
        "roles.ttl",
        "statements.ttl",
        "status.ttl",
    ]


def test_fields_are_fields_of_action_with_keywords() -> None:
    graph = Graph().parse(ONTOLOGY_DIR / "vocab" / "fields.ttl", format="turtle")
    fields = set(graph.subjects(RDF.type, SKOS.Concept))
    assert len(fields) == 12
    for field in fields:
        assert (field, RDF.type, SCKG.FieldOfAction) in graph, field
        keywords = list(graph.objects(field, SKOS.hiddenLabel))
        assert 3 <= len(keywords) <= 40, (
            field
        )  # the match words of sckg link papers (tests/test_link.py)
        assert all(
            k.language == "de" for k in [*keywords, *graph.objects(field, SCKG.contextKeyword)]
        ), field


# --- shapes ---------------------------------------------------------------------------------------


def test_every_shape_is_named_explained_and_has_messages(shapes: Graph) -> None:
    shape_nodes = set(shapes.subjects(RDF.type, SH.NodeShape)) | set(
        shapes.subjects(RDF.type, SH.PropertyShape)
    )
    assert shape_nodes
    for shape in sorted(shape_nodes):
        assert isinstance(shape, URIRef) and shape.startswith(str(SHAPES)), shape
        for predicate in (SH.name, SH.message, SH.description):
            assert _languages(shapes, shape, predicate) >= {"de", "en"}, (shape, predicate)


def test_severities_are_as_in_the_model(shapes: Graph) -> None:
    severities = {s: shapes.value(s, SH.severity) for s in shapes.subjects(SH.severity, None)}
    warnings = {s for s, sev in severities.items() if sev == SH.Warning}
    assert warnings == {
        SHAPES.ProjectManagedBy,
        SHAPES.ProjectInFieldOfAction,
        SHAPES.ProjectContributesTo,
        SHAPES.ProjectStatus,
        SHAPES.LegalImpactAssessment,  # the open legal points (issue 24)
        SHAPES.LegalDataProtectionLaw,
        SHAPES.LegalAwardProcedure,
        SHAPES.LegalAccessibilityStatement,
        SHAPES.InterviewInterviewed,
    }
    assert {
        SHAPES.ProjectTitle,
        SHAPES.ProjectSubject,
        SHAPES.DependsOnObject,
        SHAPES.MonetaryAmountValue,
        SHAPES.MonetaryAmountCurrency,
        SHAPES.StartDate,
        SHAPES.EndDate,
        SHAPES.EndAfterStart,
        SHAPES.Date,
        SHAPES.ConsultationCommittee,
        SHAPES.ConsultationDate,
        SHAPES.MilestoneLabel,
        SHAPES.MilestoneDate,
        SHAPES.MilestoneProject,
        SHAPES.MilestoneReached,
        SHAPES.StatementText,
        SHAPES.StatementKind,
        SHAPES.StatementRecord,
        SHAPES.DotVoteDots,
        SHAPES.DotVoteItem,
        SHAPES.DotVoteWorkshop,
        SHAPES.DraftedInWorkshop,
        SHAPES.AssessmentTopsisPlace,
        *(SHAPES[f"Assessment{w}Place{p}"] for w in ("Best", "Worst") for p in (10, 25)),
        *(
            SHAPES["AssessmentCriterion" + k.title()]
            for k in ["goals", "dependents", "mandate", "budget", "milestones", "readiness"]
        ),
        *(
            SHAPES["AssessmentCriterion" + k.title()]
            for k in ("votes", "impact", "urgency", "effort", "risk")
        ),
    } == {s for s, sev in severities.items() if sev == SH.Violation}


def test_project_without_title_is_one_violation(shapes: Graph) -> None:
    turtle = COMPLETE_PROJECT.replace('dcterms:title "Öffentliches WLAN"@de ;', "")
    assert _check(shapes, turtle) == [(SH.Violation, SHAPES.ProjectTitle)]


def test_complete_project_conforms_without_warnings(shapes: Graph) -> None:
    assert _check(shapes, COMPLETE_PROJECT) == []


def test_ontology_and_vocabularies_conform(shapes: Graph) -> None:
    data = Graph().parse(ONTOLOGY_DIR / "sckg.ttl", format="turtle")
    for path in VOCAB_FILES:
        data.parse(path, format="turtle")
    conforms, _, text = validate(data, shacl_graph=shapes, inference="none")
    assert conforms, text


def test_bare_project_has_the_four_open_points(shapes: Graph) -> None:
    results = _check(shapes, 'ex:p a sckg:Project ; dcterms:title "P"@de .')
    assert sorted(results) == sorted(
        (SH.Warning, shape)
        for shape in (
            SHAPES.ProjectManagedBy,
            SHAPES.ProjectInFieldOfAction,
            SHAPES.ProjectContributesTo,
            SHAPES.ProjectStatus,
        )
    )


@pytest.mark.parametrize(
    ("turtle", "shape"),
    [
        ("ex:x sckg:managedBy ex:it .", SHAPES.ProjectSubject),
        ("ex:x sckg:inFieldOfAction field:energy .", SHAPES.ProjectSubject),
        (
            'ex:a a schema:MonetaryAmount ; schema:value 5 ; schema:currency "EUR" .',
            SHAPES.MonetaryAmountValue,
        ),
        (
            'ex:a a schema:MonetaryAmount ; schema:value 5.0 ; schema:currency "USD" .',
            SHAPES.MonetaryAmountCurrency,
        ),
        ("ex:a a schema:MonetaryAmount ; schema:value 5.0 .", SHAPES.MonetaryAmountCurrency),
        ('ex:m schema:startDate "2019" .', SHAPES.StartDate),
        ('ex:m schema:endDate "2019-01-01T10:00:00"^^xsd:dateTime .', SHAPES.EndDate),
        ('ex:d dcterms:date "26.03.2019" .', SHAPES.Date),
        (
            'ex:c a oparl:Consultation ; dcterms:date "2019-03-26"^^xsd:date .',
            SHAPES.ConsultationCommittee,
        ),
        ("ex:c a oparl:Consultation ; sckg:committee ex:council .", SHAPES.ConsultationDate),
        ('ex:r sckg:criterionImpact "high" .', SHAPES.AssessmentCriterionImpact),
        ("ex:r sckg:criterionEffort 2.5, 3.0 .", SHAPES.AssessmentCriterionEffort),
        ("ex:r sckg:worstPlace25 4.0 .", SHAPES.AssessmentWorstPlace25),
        ("ex:r sckg:bestPlace10 1, 2 .", SHAPES.AssessmentBestPlace10),
        ('ex:r sckg:topsisPlace "1" .', SHAPES.AssessmentTopsisPlace),
    ],
)
def test_each_violation_names_its_shape(shapes: Graph, turtle: str, shape: URIRef) -> None:
    assert _check(shapes, turtle) == [(SH.Violation, shape)]


def test_dependency_on_a_non_project(shapes: Graph) -> None:
    turtle = COMPLETE_PROJECT + "ex:wlan sckg:dependsOn ex:fibre ."
    assert _check(shapes, turtle) == [(SH.Violation, SHAPES.DependsOnObject)]
    typed = turtle + '\nex:fibre a sckg:Project ; dcterms:title "Glasfaser"@de .'
    assert {severity for severity, _ in _check(shapes, typed)} == {SH.Warning}


def test_year_only_dates_are_allowed_on_dcterms_date(shapes: Graph) -> None:
    assert _check(shapes, 'ex:d dcterms:date "2019"^^xsd:gYear .') == []
