"""The map page in headless Chromium with every outside request blocked: it draws, counts match the
projection, search focuses, filters hide, and data labels stay text. Needs Debian's chromium (see
tests/browser.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser import canvas_ink, chromium, open_offline, require_browser, wait_until

from sckg.network.projection import project
from sckg.viz import build_network, write_map
from sckg.viz.style import STYLES

pytestmark = pytest.mark.browser

EVIL = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">Brücke'
QUOTED = EVIL.replace('"', '\\"')
EVIL_CITY = f"""
ex:amt a org:OrganizationalUnit ; org:classification kind:amt ; rdfs:label "Amt für Digitales"@de .
ex:evil a sckg:Project ; dcterms:title "{QUOTED}"@de ; sckg:managedBy ex:amt .
ex:other a sckg:Project ; dcterms:title "</script><b>fett</b>"@de ; sckg:managedBy ex:amt ;\
 sckg:dependsOn ex:evil .
"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    require_browser()
    with chromium() as instance:
        yield instance


@pytest.fixture(scope="module")
def entity_map(musterstadt, tmp_path_factory) -> tuple[Path, Any]:
    path = tmp_path_factory.mktemp("maps") / "musterstadt.html"
    write_map(build_network(musterstadt, "entity"), path)
    return path, project(musterstadt, "entity")


def wait_drawn(page: Any) -> None:
    wait_until(page, "window.sckgMap !== undefined && window.sckgMap.drawnAt !== null")


def color_pixels(page: Any, hex_color: str) -> int:
    """Pixels of the map's canvas that have exactly this colour (node fills are drawn in it)."""
    rgb = [int(hex_color[i : i + 2], 16) for i in (1, 3, 5)]
    return page.evaluate(
        """(rgb) => {
            const canvas = document.querySelector("#sckg-map canvas");
            const px = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
            let n = 0;
            for (let i = 0; i < px.length; i += 4)
                if (px[i] === rgb[0] && px[i + 1] === rgb[1] && px[i + 2] === rgb[2] && px[i + 3]\
 === 255) n++;
            return n;
        }""",
        rgb,
    )


def test_the_map_draws_offline_with_the_projections_nodes_and_edges(browser, entity_map):
    path, graph = entity_map
    view = open_offline(browser, path)
    wait_drawn(view.page)
    assert view.outside == []
    assert view.errors == []
    assert canvas_ink(view.page, "#sckg-map canvas") > 20_000
    counts = view.page.evaluate("[sckgMap.nodes.length, sckgMap.edges.length]")
    assert counts == [graph.number_of_nodes(), graph.number_of_edges()] == [174, 488]
    assert view.page.evaluate("sckgMap.network.physics.options.enabled") is False
    assert view.page.text_content("#sckg-count") == "174 von 174 Knoten sichtbar"
    assert "Datenstand: 15. Januar 2026" in view.page.text_content("#sckg-about")
    view.page.close()


def test_search_focuses_the_node(browser, entity_map):
    path, _ = entity_map
    view = open_offline(browser, path)
    wait_drawn(view.page)
    page = view.page
    page.fill("#sckg-query", "urbane datenplattform")
    page.press("#sckg-query", "Enter")
    wait_until(page, "sckgMap.focused !== null")  # the end of the focus animation
    found = page.evaluate(
        """() => {
            const id = sckgMap.network.getSelectedNodes()[0];
            const at = sckgMap.network.getPositions([id])[id];
            const view = sckgMap.network.getViewPosition();
            return {label: sckgMap.data.nodes[id].n, dx: Math.abs(at.x - view.x), dy:\
 Math.abs(at.y - view.y),
                    scale: sckgMap.network.getScale(), highlighted: sckgMap.highlighted === id};
        }"""
    )
    assert found["label"] == "Urbane Datenplattform Musterstadt"
    assert found["dx"] < 1 and found["dy"] < 1 and found["scale"] >= 1.2 and found["highlighted"]
    assert page.text_content("#sckg-search-status") == "Treffer 1 von 1"
    page.fill("#sckg-query", "gibt es nicht")
    page.press("#sckg-query", "Enter")
    assert page.text_content("#sckg-search-status") == "Kein Treffer"
    assert view.errors == [] and view.outside == []
    page.close()


def test_hiding_a_class_or_a_field_hides_its_nodes(browser, entity_map):
    path, graph = entity_map
    view = open_offline(browser, path)
    wait_drawn(view.page)
    page = view.page
    fields = sorted(i for i, n in enumerate(graph) if graph.nodes[n]["cls"] == "field")
    orange = STYLES["field"].color  # only fields of action are filled orange
    assert color_pixels(page, orange) > 100
    page.uncheck("input[name=class][value=field]")
    page.wait_for_timeout(200)
    hidden = page.evaluate(
        """() => [sckgMap.nodes.get({filter: n => n.hidden}).map(n => n.id).sort((a, b) => a - b),
                  Object.values(sckgMap.network.body.nodes).filter(n => n.options.hidden).length]"""
    )
    assert hidden == [fields, len(fields)] and len(fields) == 12
    assert color_pixels(page, orange) == 0
    assert page.text_content("#sckg-count") == "162 von 174 Knoten sichtbar"
    page.check("input[name=class][value=field]")
    mobility = [i for i, n in enumerate(graph) if graph.nodes[n]["label"] == "Smart Mobility"]
    key = next(n for n in graph if graph.nodes[n]["label"] == "Smart Mobility")
    in_mobility = [i for i, n in enumerate(graph) if key in graph.nodes[n]["fields"]]
    page.uncheck(f"input[name=field][value='{key}']")
    page.wait_for_timeout(200)
    hidden = page.evaluate(
        "sckgMap.nodes.get({filter: n => n.hidden}).map(n => n.id).sort((a, b) => a - b)"
    )
    assert hidden == sorted(mobility + in_mobility) and len(in_mobility) == 6
    assert view.errors == [] and view.outside == []
    page.close()


def test_click_highlights_the_neighbours(browser, entity_map):
    path, graph = entity_map
    view = open_offline(browser, path)
    wait_drawn(view.page)
    page = view.page
    index = {n: i for i, n in enumerate(graph)}
    target = next(
        n for n in graph if graph.nodes[n]["label"] == "Urbane Datenplattform Musterstadt"
    )
    page.evaluate(f"sckgMap.network.focus({index[target]}, {{scale: 1.5}})")
    box = page.locator("#sckg-map canvas").bounding_box()
    spot = page.evaluate(
        f"sckgMap.network.canvasToDOM(sckgMap.network.getPositions()[{index[target]}])"
    )
    page.mouse.click(box["x"] + spot["x"], box["y"] + spot["y"])
    page.wait_for_timeout(200)
    faded = page.evaluate(
        "sckgMap.nodes.get({filter: n => n.color.background === '#EEEEEE'}).map(n => n.id)"
    )
    neighbours = {index[n] for n in graph.to_undirected(as_view=True)[target]} | {index[target]}
    assert page.evaluate("sckgMap.highlighted") == index[target]
    assert set(faded) == set(range(len(graph))) - neighbours
    page.mouse.click(box["x"] + 5, box["y"] + 5)  # the background clears it
    page.wait_for_timeout(200)
    assert page.evaluate("sckgMap.highlighted") is None
    assert view.errors == []
    page.close()


def test_labels_with_markup_show_as_text_and_run_nothing(browser, make_kg, tmp_path):
    kg = make_kg(EVIL_CITY)
    path = write_map(build_network(kg, "entity", title=EVIL), tmp_path / "evil.html")
    view = open_offline(browser, path)
    wait_drawn(view.page)
    page = view.page
    page.fill("#sckg-query", "<img")
    page.press("#sckg-query", "Enter")
    page.wait_for_timeout(400)
    state = page.evaluate(
        """() => {
            const id = sckgMap.network.getSelectedNodes()[0];
            return {pwned: window.__pwned === undefined ? null : window.__pwned, images:\
 document.images.length,
                    bold: document.querySelectorAll("b").length, title: document.title,
                    h1: document.getElementById("sckg-title").textContent,
                    tip: sckgMap.nodes.get(id).title.textContent.split("\\n")[0],
                    label: sckgMap.data.nodes[id].n,
                    legend: document.getElementById("sckg-legend").textContent};
        }"""
    )
    assert state["pwned"] is None and state["images"] == 0 and state["bold"] == 0
    assert state["title"] == state["h1"] == EVIL
    assert state["tip"] == state["label"] == EVIL
    assert view.errors == [] and view.outside == []
    page.close()


#: The label boxes (canvas coordinates) of the nodes whose label is drawn now, and how many pairs
#: overlap.
OVERLAPS = """() => {
    const scale = sckgMap.network.getScale();
    const boxes = sckgMap.nodes.get().filter((n) => n.label).map((n) => {
        const size = sckgMap.network.body.nodes[n.id].labelModule.size;
        return [size.left, size.top, size.left + size.width, size.top + size.height];
    }).filter((b) => b[2] > b[0]);
    let pairs = 0;
    for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++)
            if (boxes[i][0] < boxes[j][2] && boxes[j][0] < boxes[i][2] && boxes[i][1] < boxes[j][3]
                && boxes[j][1] < boxes[i][3]) pairs++;
    return [boxes.length, pairs, scale];
}"""


def test_a_large_map_labels_its_important_nodes_without_overlaps_and_the_rest_on_zoom(
    browser, entity_map, tmp_path
):
    path, graph = entity_map
    view = open_offline(browser, path)
    wait_drawn(view.page)
    view.page.wait_for_timeout(300)
    shown, overlapping, scale = view.page.evaluate(OVERLAPS)
    view.page.screenshot(path=str(tmp_path / "large-map.png"))
    assert graph.number_of_nodes() == 174
    assert overlapping == 0, f"{overlapping} overlapping pairs among {shown} labels"
    assert 20 <= shown < 174
    view.page.evaluate(f"sckgMap.network.moveTo({{scale: {scale * 3}}})")
    view.page.wait_for_timeout(300)
    assert (
        view.page.evaluate("sckgMap.nodes.get().filter((n) => n.label).length") == 174
    )  # zoomed in: all
    assert view.errors == []
    view.page.close()
