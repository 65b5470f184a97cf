"""The terms a dataset states (licence, attribution, source) are shown wherever its content is: the
briefing (HTML and Markdown), the deck, every page of the site and each entity's data there."""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib
from rdflib.namespace import DCTERMS

from sckg import resources
from sckg.kg import KnowledgeGraph
from sckg.output import md_text
from sckg.present import build_deck, render_deck
from sckg.report import build_report, render_html, render_markdown
from sckg.site import build_site
from sckg.sources import data_info
from sckg.words import t

CITATION = (
    "Stadt Ulm, Geschäftsstelle Digitale Agenda (Z/DA): Smart City Strategie der Stadt Ulm, "
    "CC BY-SA 4.0, https://github.com/loobopi/smart-city-strategie (Commit "
    "82e4420ee78f59f27d3a00756bced35dab95b26a); in RDF übertragen von sckg."
)
LICENCE = "https://creativecommons.org/licenses/by-sa/4.0/"
SOURCE = (
    "https://github.com/loobopi/smart-city-strategie/tree/82e4420ee78f59f27d3a00756bced35dab95b26a"
)
SOURCE_TITLE = "Smart City Strategie der Stadt Ulm"
LICENCE_HTML = f'<a rel="license" href="{LICENCE}">CC BY-SA 4.0</a>'
SOURCE_HTML = f'<a href="{SOURCE}">{SOURCE_TITLE}</a>'
BS_LICENCE_HTML = (
    '<a rel="license" href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>'
)
LANGS = ("de", "en")


@pytest.fixture(scope="module")
def ulm() -> KnowledgeGraph:
    return KnowledgeGraph.open([resources.dataset("ulm")])


@pytest.fixture(scope="module")
def ulm_site(ulm: KnowledgeGraph, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("ulm-site")
    build_site(ulm, out)
    return out


def _html_line(lang: str) -> str:
    """The whole line the HTML outputs show for Ulm in ``lang``."""
    lead = CITATION if lang == "de" else f'<span lang="de">{CITATION}</span>'
    return (
        f'<p class="data-terms">{lead} · {t("terms.licence", lang)}: {LICENCE_HTML} · '
        f"{t('terms.source', lang)}: {SOURCE_HTML} · {t('terms.converted', lang)}</p>"
    )


def test_data_info_reads_the_terms_each_dataset_states(
    ulm: KnowledgeGraph, musterstadt: KnowledgeGraph, braunschweig: KnowledgeGraph
) -> None:
    (terms,) = data_info(ulm, "en", terms=True).terms
    assert terms.attribution == CITATION and terms.attribution_lang == "de"
    assert (terms.licence, terms.licence_name) == (LICENCE, "CC BY-SA 4.0")
    assert terms.sources == [(SOURCE_TITLE, SOURCE)]
    assert (
        data_info(musterstadt, "de", terms=True).terms == []
    )  # it states no licence and no attribution
    (bs,) = data_info(braunschweig, "de", terms=True).terms
    assert bs.attribution is None and bs.licence_name == "CC BY 4.0"
    assert bs.sources[0][1] is None  # the council paper has no address: shown, not linked


@pytest.mark.parametrize("lang", LANGS)
def test_the_briefing_names_attribution_licence_and_source(ulm: KnowledgeGraph, lang: str) -> None:
    report = build_report(ulm, lang=lang)
    assert _html_line(lang) in render_html(report)
    markdown = render_markdown(report)
    assert (
        f"{md_text(CITATION)} · {t('terms.licence', lang)}: [CC BY-SA 4.0](<{LICENCE}>) · "
        f"{t('terms.source', lang)}: [{SOURCE_TITLE}](<{SOURCE}>) · "
        f"{md_text(t('terms.converted', lang))}"
    ) in markdown.splitlines()


@pytest.mark.parametrize("lang", LANGS)
def test_the_deck_names_them_on_its_first_slide(ulm: KnowledgeGraph, lang: str) -> None:
    page = render_deck(build_deck(ulm, lang=lang))
    first = page.split('<section class="slide"')[1]
    assert _html_line(lang) in first


@pytest.mark.parametrize("lang", LANGS)
def test_every_site_page_names_them_in_its_footer(ulm_site: Path, lang: str) -> None:
    suffix = ".html" if lang == "de" else ".en.html"
    for name in ("index", "id/ulm/measure/bildung-01", "id/ulm/field/bildung", "list/project"):
        page = (ulm_site / f"{name}{suffix}").read_text(encoding="utf-8")
        footer = page.split('<footer class="site-footer">')[1]
        assert _html_line(lang) in footer, name


@pytest.mark.parametrize("suffix", ["ttl", "jsonld"])
def test_an_entity_s_data_carries_its_dataset_s_terms(ulm_site: Path, suffix: str) -> None:
    graph = rdflib.Graph().parse(
        ulm_site / f"id/ulm/measure/bildung-01.{suffix}",
        format="turtle" if suffix == "ttl" else "json-ld",
    )
    dataset = rdflib.URIRef("https://w3id.org/sckg/id/ulm/dataset")
    source = rdflib.URIRef("https://w3id.org/sckg/id/ulm/source/strategie")
    sckg = rdflib.Namespace("https://w3id.org/sckg/ontology#")
    measure = rdflib.URIRef("https://w3id.org/sckg/id/ulm/measure/bildung-01")
    assert (measure, sckg.inDataset, dataset) in graph
    assert (dataset, DCTERMS.license, rdflib.URIRef(LICENCE)) in graph
    assert (dataset, DCTERMS.bibliographicCitation, rdflib.Literal(CITATION, lang="de")) in graph
    assert (dataset, DCTERMS.source, source) in graph
    assert (source, rdflib.URIRef("https://schema.org/url"), rdflib.URIRef(SOURCE)) in graph


def _shows_no_terms(text: str) -> None:
    assert 'class="data-terms"' not in text and 'rel="license"' not in text
    assert t("terms.converted", "de") not in text and t("terms.converted", "en") not in text


def test_musterstadt_states_no_terms_and_its_briefing_and_deck_show_none(
    musterstadt: KnowledgeGraph,
) -> None:
    report = build_report(musterstadt, lang="de")
    deck = render_deck(build_deck(musterstadt, lang="en"))
    for text in [render_html(report), render_markdown(report), deck]:
        _shows_no_terms(text)


def test_musterstadt_s_site_shows_none(musterstadt: KnowledgeGraph, tmp_path: Path) -> None:
    build_site(musterstadt, tmp_path)
    for name in ("index.html", "id/musterstadt/project/freies-wlan.en.html"):
        _shows_no_terms((tmp_path / name).read_text(encoding="utf-8"))
    data = (tmp_path / "id/musterstadt/project/freies-wlan.ttl").read_text(encoding="utf-8")
    assert "license" not in data and "bibliographicCitation" not in data


def test_braunschweig_shows_its_licence_without_an_invented_attribution(
    braunschweig: KnowledgeGraph,
) -> None:
    title = "Smart City Braunschweig: Rahmenkonzept-Vorlage 2018"
    paper = (
        "Beauftragung der Partnerschaft Deutschland GmbH mit der Erstellung eines Smart City "
        "Rahmenkonzeptes für die Stadt Braunschweig"
    )
    html = render_html(build_report(braunschweig, lang="de"))
    assert (
        f'<p class="data-terms">{title} · Lizenz: {BS_LICENCE_HTML} · Quelle: {paper} · '
        f"{t('terms.converted', 'de')}</p>"
    ) in html


def test_data_is_escaped(make_kg: object) -> None:
    kg = make_kg(  # type: ignore[operator]
        """
        <https://example.org/d> a sckg:Dataset ; rdfs:label "D <b>"@en ;
            dcterms:bibliographicCitation "<script>x</script> *a* [l](javascript:x)"@en ;
            dcterms:license <javascript:alert(1)> ;
            dcterms:source <https://example.org/s> .
        <https://example.org/s> rdfs:label "S <i>"@en ; schema:url "javascript:alert(2)" .
        <https://example.org/p> a sckg:Project ; rdfs:label "P"@en ;
            sckg:inDataset <https://example.org/d> .
        """
    )
    report = build_report(kg, lang="en")
    html, markdown = render_html(report), render_markdown(report)
    assert "<script>x" not in html and "&lt;script&gt;x&lt;/script&gt;" in html
    assert 'href="javascript' not in html and "S &lt;i&gt;" in html
    line = next(x for x in markdown.splitlines() if t("terms.converted", "en") in x)
    assert line.startswith(md_text("<script>x</script> *a* [l](javascript:x)"))
    assert "](<javascript" not in line


def test_outputs_that_do_not_show_the_terms_do_not_ask_for_them() -> None:
    """The map and the statistics show no licence line: their data_info asks no extra question."""
    ulm = KnowledgeGraph.open([resources.dataset("ulm")])
    assert data_info(ulm, "de").terms == []
    assert data_info(ulm, "de", terms=True).terms
