"""The Musterstadt site in headless Chromium, offline: a page of each kind shows the links its HTML
holds (which tests/test_site.py follows over every page) and makes no outside request; the search
finds a project by a word's inflection and a compound's part; axe-core finds no serious or
critical violation on any page template; the pages work with the keyboard."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser import canvas_ink, chromium, new_offline_page, require_browser, wait_until
from html_links import page_links

from sckg import resources
from sckg.kg import KnowledgeGraph
from sckg.site import build_site

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
#: axe-core, installed by ``make axe`` (npm)
AXE = ROOT / ".cache/axe-core/node_modules/axe-core/axe.min.js"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    require_browser()
    with chromium() as launched:
        yield launched


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    ulm = KnowledgeGraph.open([resources.dataset("ulm")])
    build_site(KnowledgeGraph.open([resources.dataset("musterstadt")]), out, compare=[ulm])
    return out


def _one_page_of_each_kind(site: Path) -> list[Path]:
    """The first page of each folder in each language: each kind of entity, list and vocabulary."""
    kinds: dict[tuple[Path, bool], Path] = {}
    for page in sorted(site.rglob("*.html")):
        kinds.setdefault((page.parent, page.name.endswith(".en.html")), page)
    return list(kinds.values())


def test_a_page_of_each_kind_loads_offline_and_shows_the_links_its_html_holds(
    browser: Any, site: Path
) -> None:
    view = new_offline_page(browser)
    page = view.page
    failed: list[str] = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    # the map library is parsed once in test_the_neighbourhood_map_is_drawn..., not on every page
    page.route("**/assets/vis-network.min.js", lambda route: route.fulfill(body=""))
    pages = [*_one_page_of_each_kind(site), site / "index.html", site / "index.en.html"]
    assert len(pages) == 72  # 35 folders, German and English (the top one's first: benchmark)
    differ = []
    for path in pages:
        page.goto(path.as_uri())
        shown = page.eval_on_selector_all("a[href]", "found => found.map(a => a.href)")
        if sorted(shown) != sorted(page_links(path).links):
            differ.append(str(path.relative_to(site)))
    assert differ == [] and failed == [] and view.outside == [] and view.errors == []


def _search(browser: Any, site: Path, name: str, query: str) -> list[str]:
    view = new_offline_page(browser)
    view.page.goto((site / name).as_uri() + "?q=" + query)
    wait_until(view.page, "document.getElementById('search-status').textContent !== ''")
    assert view.outside == [] and view.errors == []
    return view.page.eval_on_selector_all(
        "#search-results a", "found => found.map(a => a.textContent)"
    )


def test_search_finds_by_inflection_and_compound_part(browser: Any, site: Path) -> None:
    # "Ladesäulen" in the description of the mobility hubs
    # and the field Smart Mobility, whose search words hold "Ladesäule"
    assert _search(browser, site, "search.html", "Ladesäule") == [
        "Mobilstationen an Haltestellen",
        "Smart Mobility",
    ]
    # "Lademanagement": management is a part of the compound
    assert "Elektrifizierung der Busflotte mit Lademanagement" in _search(
        browser, site, "search.html", "Management"
    )
    english = _search(browser, site, "search.en.html", "ladesaeule%20haltestellen")
    assert english == []  # no transliteration: ä is folded to a, not ae
    assert _search(browser, site, "search.en.html", "Ladesaule") == [
        "Mobility hubs at public transport stops",
        "Smart mobility",
    ]
    assert _search(browser, site, "search.html", "Quantencomputer") == []


def test_the_header_search_leads_to_the_results(browser: Any, site: Path) -> None:
    view = new_offline_page(browser)
    page = view.page
    page.goto((site / "id/musterstadt/project/mobilstationen.html").as_uri())
    page.fill("#site-q", "Ladesäule")
    page.press("#site-q", "Enter")
    page.wait_for_selector("#search-results a")
    assert page.inner_text("#search-results").startswith("Mobilstationen an Haltestellen")


#: One page of each template (and kinds whose pages differ: with a map, with a council history).
TEMPLATES = (
    "index.html",
    "index.en.html",
    "id/musterstadt/project/mobilstationen.html",
    "id/musterstadt/project/mobilstationen.en.html",
    "id/musterstadt/paper/2025-014.html",
    "vocab/field/smart-mobility.html",
    "list/project.html",
    "list/paper.en.html",
    "list.html",
    "search.html",
    "benchmark.html",
    "strategy.en.html",
)


def test_every_page_template_passes_axe(browser: Any, site: Path) -> None:
    if not AXE.is_file():
        if os.environ.get("SCKG_REQUIRE_BROWSER") == "1":
            pytest.fail(f"{AXE} missing: run make axe", pytrace=False)
        pytest.skip(f"{AXE} missing: run make axe")
    found = {}
    for name in TEMPLATES:
        view = new_offline_page(browser)
        page = view.page
        page.goto((site / name).as_uri() + ("?q=Mobil" if name == "search.html" else ""))
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(
            "axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', "
            "'best-practice']})"
        )
        serious = [
            f"{v['id']} ({v['impact']}): {v['nodes'][0]['target']}"
            for v in result["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        found[name] = serious
        assert len(result["passes"]) > 20, name
    assert found == {name: [] for name in TEMPLATES}


def test_keyboard_reaches_skip_link_navigation_search_and_filters(browser: Any, site: Path) -> None:
    view = new_offline_page(browser)
    page = view.page
    page.goto((site / "list/project.html").as_uri())
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    order = []
    page.reload()
    for _ in range(18):
        page.keyboard.press("Tab")
        order.append(
            page.evaluate("document.activeElement.id || document.activeElement.textContent")
        )
    assert order[:2] == ["Zum Inhalt springen", "Musterstadt – fiktive Beispielstadt"]
    assert "site-q" in order and "English" in order and "filter-0" in order
    # a filter changed with the keyboard hides the other fields' projects
    page.focus("#filter-0")
    page.keyboard.press("ArrowDown")  # the first field: Digitale Bildung
    shown = page.eval_on_selector_all(
        "tr[data-facets]:not([hidden]) td:first-child", "cells => cells.map(c => c.textContent)"
    )
    assert shown == [
        "Digitallotsen für Seniorinnen und Senioren",
        "Makerspace in der Stadtbibliothek",
        "Medienentwicklungsplan Schulen 2026–2030",
        "Tablet-Ausstattung der Schulen",
        "WLAN und Glasfaser für alle Schulen",
    ]
    assert page.inner_text("#list-count") == "Einträge: 5"


def test_the_neighbourhood_map_is_drawn_and_leads_to_pages(browser: Any, site: Path) -> None:
    view = new_offline_page(browser)
    page = view.page
    page.goto((site / "id/musterstadt/project/mobilstationen.html").as_uri())
    wait_until(page, "document.querySelector('#site-map canvas') !== null")
    page.wait_for_timeout(300)
    assert canvas_ink(page, "#site-map canvas") > 500
    assert view.outside == [] and view.errors == []
