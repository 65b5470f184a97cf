"""The ontology documentation page: every class, property, scheme and shape; escaped; offline in
Chromium."""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib
from browser import chromium, open_offline, require_browser

from sckg import resources
from sckg.namespaces import OWL, SKOS
from sckg.ontodoc import anchor, build_docs, write_docs

ROOT = Path(__file__).resolve().parent.parent


def _model() -> rdflib.Graph:
    graph = rdflib.Graph()
    for path in resources.model_files():
        graph.parse(path, format="turtle")
    return graph


def _iris(graph: rdflib.Graph, *types: str) -> list[str]:
    return sorted(
        {
            str(s)
            for t in types
            for s in graph.subjects(rdflib.RDF.type, rdflib.URIRef(t))
            if isinstance(s, rdflib.URIRef)
        }
    )


@pytest.fixture(scope="module")
def page() -> str:
    return build_docs()


def test_every_term_of_the_ontology_has_its_section(page: str) -> None:
    model = _model()
    classes = _iris(model, OWL + "Class")
    properties = _iris(
        model, OWL + "ObjectProperty", OWL + "DatatypeProperty", OWL + "AnnotationProperty"
    )
    concepts = _iris(model, SKOS + "ConceptScheme", SKOS + "Concept")
    shapes = rdflib.Graph().parse(resources.shapes_file(), format="turtle")
    named = sorted(
        {str(s) for s in shapes.subjects(rdflib.URIRef("http://www.w3.org/ns/shacl#name"), None)}
    )
    assert classes and properties and concepts and named
    for iri in classes + properties + concepts + named:
        assert f'id="{anchor(iri)}"' in page, iri
    assert page.count('class="term"') == len(classes) + len(properties) + len(
        _iris(model, SKOS + "ConceptScheme")
    ) + len(named)


def test_terms_show_both_languages_facts_examples_and_rules_in_words(page: str) -> None:
    project = page[page.index('id="sckg:Project"') :].split("</section>")[0]
    assert '<div lang="de"><span class="lang">de</span> <strong>Projekt</strong>' in project
    assert '<div lang="en"><span class="lang">en</span> <strong>Project</strong>' in project
    assert (
        "<li>Online-Beteiligungsplattform „mitreden.musterstadt“ "
        "(musterstadt:project/beteiligungsplattform)</li>" in project
    )
    managed = page[page.index('id="sckg:managedBy"') :].split("</section>")[0]
    assert (
        '<dt>Definitionsbereich · domain</dt><dd><a href="#sckg:Project">sckg:Project</a></dd>'
        in managed
    )
    currency = page[page.index('id="shapes:MonetaryAmountCurrency"') :].split("</section>")[0]
    assert "<li>Applies to: every instance of schema:MonetaryAmount</li>" in currency
    assert "<li>values of schema:currency are one of: &quot;EUR&quot;</li>" in currency
    assert "<li>Schwere: Verstoß</li>" in currency


def test_labels_are_escaped(tmp_path: Path) -> None:
    model = tmp_path / "evil.ttl"
    model.write_text(
        "@prefix owl: <http://www.w3.org/2002/07/owl#> . @prefix rdfs: "
        "<http://www.w3.org/2000/01/rdf-schema#> .\n"
        '<https://example.org/o#C> a owl:Class ; rdfs:label "<script>alert(1)</script> & '
        '\\"x\\""@en ;'
        ' rdfs:comment "<img src=x onerror=alert(2)>"@de .\n',
        encoding="utf-8",
    )
    html = build_docs(model=[model])
    assert "<strong>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;</strong>" in html
    assert "<p>&lt;img src=x onerror=alert(2)&gt;</p>" in html
    assert "<script" not in html and "<img" not in html


def test_committed_page_is_current(page: str) -> None:
    """docs/ontology/index.html is what `make docs` writes from ontology/ now (run it after changing
    the model)."""
    assert (ROOT / "docs" / "ontology" / "index.html").read_text(encoding="utf-8") == page


@pytest.mark.browser
def test_page_in_chromium_is_offline_and_lists_every_class(tmp_path: Path) -> None:
    require_browser()
    path = write_docs(tmp_path)
    classes = _iris(_model(), OWL + "Class")
    with chromium() as browser:
        view = open_offline(browser, path)
        shown = view.page.evaluate(
            "() => [...document.querySelectorAll('section.term')].filter(s => s.offsetHeight > "
            "0).map(s => s.id)"
        )
        scripts = view.page.evaluate("() => document.scripts.length")
        assert (view.outside, view.errors, scripts) == ([], [], 0)
        assert [c for c in classes if anchor(c) not in shown] == []
        assert view.page.title() == "sckg – Smart City programme knowledge graph"
