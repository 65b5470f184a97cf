"""The briefing opened offline in headless Chromium: no outside request, no console error, every
embedded map drawn, hostile labels stay text. (docs/screenshot.py renders the README's picture the
same way.)"""

from pathlib import Path

import pytest
from browser import canvas_ink, chromium, open_offline, require_browser, wait_until

from sckg.kg import KnowledgeGraph
from sckg.report import build_report, write_report

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser():
    require_browser()
    with chromium() as launched:
        yield launched


@pytest.fixture(scope="module")
def musterstadt_report(
    musterstadt: KnowledgeGraph, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    out = tmp_path_factory.mktemp("report")
    return write_report(build_report(musterstadt, lang="de"), musterstadt, out)


def test_report_opens_offline_and_every_map_is_drawn(browser, musterstadt_report: Path) -> None:
    view = open_offline(browser, musterstadt_report, viewport=(1280, 900))
    page = view.page
    frames = page.query_selector_all("iframe.map")
    # overall, actors, dependencies, one per field of action with projects, who named whom in the
    # interviews
    assert len(frames) == 3 + 11 + 1
    for handle in frames:
        frame = handle.content_frame()
        wait_until(frame, "window.sckgMap !== undefined && window.sckgMap.drawnAt !== null")
        assert canvas_ink(frame) > 500, handle.get_attribute("title")
        assert frame.evaluate("sckgMap.nodes.length") > 0
    assert view.outside == []
    assert view.errors == []
    figure = page.evaluate("document.querySelector('figure.static-figure img').naturalWidth")
    assert figure > 1000


def test_report_labels_stay_text(browser, make_kg, tmp_path: Path) -> None:
    kg = make_kg(
        'ex:p a sckg:Project ; dcterms:title "<img src=x onerror=\\"window.pwned=1\\">"@de ; '
        "sckg:inFieldOfAction ex:f ; sckg:managedBy ex:a .\n"
        'ex:f a sckg:FieldOfAction ; skos:prefLabel "<script>window.pwned=2</script>"@de .\n'
        'ex:a a org:OrganizationalUnit ; rdfs:label "Amt"@de .'
    )
    path = write_report(build_report(kg, lang="de"), kg, tmp_path)
    view = open_offline(browser, path)
    page = view.page
    for handle in page.query_selector_all("iframe.map"):
        wait_until(
            handle.content_frame(),
            "window.sckgMap !== undefined && window.sckgMap.drawnAt !== null",
        )
    assert page.evaluate("window.pwned === undefined")
    assert "<script>window.pwned=2</script>" in page.inner_text("body")
    assert view.errors == []
