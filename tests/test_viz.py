"""Maps: filters, focus, styles, legend, determinism, the page's self-containment and escaping,
static images, the CLI. (The page in a real browser: test_browser.py.)"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from conftest import ROOT
from pyvis.network import Network
from typer.testing import CliRunner

import sckg.viz
from sckg.choices import Layout
from sckg.cli import app
from sckg.errors import UsageError
from sckg.network.projection import project
from sckg.viz import CityMap, build_network, write_image, write_map
from sckg.viz.layout import EXACT_LIMIT, KAMADA_KAWAI_LIMIT, compute_layout, hierarchical_layout
from sckg.viz.render import page_data, render_html, script_json
from sckg.viz.style import OKABE_ITO, OTHER_COLOR, STYLES, category_colors, darken, wrap_label

EX = "https://example.org/city/"

CITY = """
ex:d1 a org:OrganizationalUnit ; org:classification kind:dezernat ; rdfs:label "Dezernat I"@de ,\
 "Department I"@en .
ex:d2 a org:OrganizationalUnit ; org:classification kind:dezernat ; rdfs:label "Dezernat II"@de .
ex:amt a org:OrganizationalUnit ; org:classification kind:amt ; org:unitOf ex:d1 ; rdfs:label "Amt\
 für Digitales"@de .
ex:firm a org:FormalOrganization ; org:classification kind:contractor ; rdfs:label "Netz GmbH"@de .
ex:mobility a sckg:FieldOfAction ; skos:prefLabel "Mobilität"@de , "Mobility"@en .
ex:energy a sckg:FieldOfAction ; skos:prefLabel "Energie"@de , "Energy"@en .
ex:goal a sckg:StrategicGoal ; skos:prefLabel "Klimaneutral"@de , "Climate neutral"@en .
ex:p1 a sckg:Project ; dcterms:title "WLAN"@de ; sckg:managedBy ex:amt ; sckg:inFieldOfAction\
 ex:mobility ;
    sckg:contributesTo ex:goal ; sckg:contractor ex:firm ; sckg:hasBudget [ a\
 schema:MonetaryAmount ;
    schema:value "400000.00"^^xsd:decimal ; schema:currency "EUR" ] ; adms:status status:running .
ex:p2 a sckg:Project ; dcterms:title "Ladesäulen"@de ; sckg:managedBy ex:d2 ; sckg:inFieldOfAction\
 ex:energy ;
    sckg:dependsOn ex:p1 ; sckg:hasBudget [ a schema:MonetaryAmount ; schema:value\
 "100000.00"^^xsd:decimal ;
    schema:currency "EUR" ] .
ex:p3 a sckg:Project ; dcterms:title "Parken"@de ; sckg:managedBy ex:amt ; sckg:inFieldOfAction\
 ex:mobility ;
    sckg:dependsOn ex:p2 .
ex:dataset a sckg:Dataset ; rdfs:label "Teststadt"@de ; dcterms:modified "2024-05-01"^^xsd:date ;
    sckg:fictional true ; dcterms:source ex:inventory .
ex:inventory a prov:Entity ; rdfs:label "Inventar 2024"@de ; dcterms:date "2024-04-30"^^xsd:date .
"""
EVIL = '</script><script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">\u2028&amp;'


def ids(net: Network) -> set[str]:
    return {node["id"].removeprefix(EX) for node in net.nodes}


@pytest.fixture
def city(make_kg):
    return make_kg(CITY)


def test_the_map_is_a_pyvis_network_with_every_node_and_edge_of_the_projection(city):
    net = build_network(city, "entity")
    graph = project(city, "entity")
    assert isinstance(net, Network) and isinstance(net, CityMap)
    assert net.num_nodes() == graph.number_of_nodes() == 10
    assert net.num_edges() == graph.number_of_edges() == 11
    assert ids(net) == {"d1", "d2", "amt", "firm", "mobility", "energy", "goal", "p1", "p2", "p3"}
    assert {(e["from"], e["to"]) for e in net.edges} == set(graph.edges)
    assert net.directed is True
    assert net.get_node(EX + "p1")["full_label"] == "WLAN"


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({"classes": ["project"]}, {"p1", "p2", "p3"}),
        ({"classes": ["actor"]}, {"d1", "d2", "amt", "firm"}),
        ({"classes": ["goal", "dezernat"]}, {"goal", "d1", "d2"}),
        ({"fields": ["Mobilität"]}, {"mobility", "p1", "p3", "amt", "goal", "firm"}),
        (
            {"fields": [EX + "energy", "mobility"]},
            {"mobility", "energy", "p1", "p2", "p3", "amt", "d2", "goal", "firm"},
        ),
        ({"departments": ["Dezernat I"]}, {"d1", "amt", "p1", "p3"}),
        ({"departments": ["dezernat i"], "classes": ["project"]}, {"p1", "p3"}),
        ({"focus": "Ladesäulen", "depth": 0}, {"p2"}),
        ({"focus": EX + "p2", "depth": 1}, {"p2", "d2", "energy", "p1", "p3"}),
        (
            {"focus": "p2", "depth": 2},
            {"p2", "d2", "energy", "p1", "p3", "amt", "mobility", "goal", "firm"},
        ),
        ({"focus": "Ladesäulen", "depth": 1, "classes": ["project"]}, {"p1", "p2", "p3"}),
        ({"focus": "Klimaneutral", "depth": 1, "classes": ["project"]}, {"goal", "p1"}),
    ],
)
def test_filters_and_focus_keep_exactly_these_nodes(city, options, expected):
    net = build_network(city, "entity", **options)
    assert ids(net) == expected
    kept = {EX + n for n in expected}
    assert {(e["from"], e["to"]) for e in net.edges} == set(
        project(city, "entity").subgraph(kept).edges
    )


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            {"focus": "Nirgendwo"},
            "focus 'Nirgendwo': no such node in this map (give its IRI, prefixed name such as "
            "musterstadt:project/wlan, or label).",
        ),
        (
            {"focus": "Parkn"},
            "focus 'Parkn': no such node in this map (give its IRI, prefixed name such as "
            "musterstadt:project/wlan, or label). Did you mean: 'Parken'?",
        ),
        ({"focus": "p2", "depth": -1}, "depth must be 0 or more, got -1"),
        (
            {"classes": ["spaceship"]},
            "classes 'spaceship': unknown class. Classes in this map: amt, contractor, "
            "dezernat, field, goal, project.",
        ),
        (
            {"fields": ["Gesundheit"]},
            "fields 'Gesundheit': no such field of action in this map (give its IRI, "
            "prefixed name such as musterstadt:project/wlan, or label).",
        ),
        (
            {"classes": ["goal"], "departments": ["Dezernat II"]},
            "No node is left after the filters; loosen classes, fields or departments.",
        ),
        (
            {"layout": "circle"},
            "layout: unknown layout 'circle'. Use one of: spring, kamada-kawai, forceatlas2, "
            "hierarchical.",
        ),
        (
            {"color_by": "mood"},
            "color_by: unknown value 'mood'. Use one of: class, field, department, community.",
        ),
        (
            {"size_by": "age"},
            "size_by: unknown value 'age'. Use one of: degree, betweenness, pagerank, budget.",
        ),
        ({"lang": "fr"}, "lang: unknown language 'fr'. Use one of: de, en."),
    ],
)
def test_bad_options_say_what_is_wrong(city, options, message):
    with pytest.raises(UsageError) as error:
        build_network(city, "entity", **options)
    assert str(error.value) == message


def test_an_ambiguous_name_asks_for_the_iri():
    graph = nx.Graph()
    graph.add_node("a:1", label="Amt", cls="amt")
    graph.add_node("b:1", label="Amt", cls="amt")
    with pytest.raises(
        UsageError, match=r"^focus 'Amt' matches 2 nodes: Amt <a:1>; Amt <b:1>\. Give the IRI\.$"
    ):
        build_network(graph, focus="Amt")


def test_every_class_has_its_colour_and_shape_and_the_legend_lists_them(city):
    net = build_network(city, "entity")
    for node in net.nodes:
        look = STYLES[node["cls"]]
        assert (node["shape"], node["color"]["background"], node["color"]["border"]) == (
            look.shape,
            look.color,
            look.outline,
        )
    legend = [(e.key, e.label, e.color, e.shape, e.count) for e in net.meta.classes]
    assert legend == [
        ("project", "Projekt", "#0072B2", "dot", 3),
        ("dezernat", "Dezernat", "#D55E00", "square", 2),
        ("field", "Handlungsfeld", "#E69F00", "diamond", 2),
        ("amt", "Amt", "#D55E00", "triangleDown", 1),
        ("contractor", "Auftragnehmer", "#CC79A7", "triangle", 1),
        ("goal", "Strategisches Ziel", "#009E73", "star", 1),
    ]
    assert [(e.key.removeprefix(EX), e.label, e.count) for e in net.meta.fields] == [
        ("energy", "Energie", 1),
        ("mobility", "Mobilität", 2),
    ]
    assert net.meta.categories == []


def test_the_style_table_never_gives_two_classes_the_same_look():
    looks = [(s.color, s.shape) for s in STYLES.values()]
    assert len(looks) == len(set(looks))
    assert {s.color for s in STYLES.values()} <= set(OKABE_ITO)


def test_colour_by_field_department_and_community(city):
    by_field = build_network(city, "entity", color_by="field", lang="en")
    colors = {n["id"].removeprefix(EX): n["color"]["background"] for n in by_field.nodes}
    assert [(e.label, e.color, e.count) for e in by_field.meta.categories] == [
        ("Mobility", OKABE_ITO[0], 3),
        ("Energy", OKABE_ITO[1], 2),
        ("not given", "#E4E4E4", 5),
    ]
    assert colors["p1"] == colors["p3"] == colors["mobility"] == OKABE_ITO[0]
    assert colors["p2"] == colors["energy"] == OKABE_ITO[1]
    assert colors["goal"] == colors["d1"] == "#E4E4E4"
    assert {n["shape"] for n in by_field.nodes if n["cls"] == "field"} == {
        "diamond"
    }  # the class keeps the shape

    by_department = build_network(city, "entity", color_by="department")
    assert [(e.label, e.count) for e in by_department.meta.categories] == [
        ("Dezernat I", 4),
        ("Dezernat II", 2),
        ("Netz GmbH", 1),
        ("ohne Angabe", 3),
    ]
    by_community = build_network(city, "entity", color_by="community", seed=3)
    assert sum(e.count for e in by_community.meta.categories) == 10
    assert all(e.label.startswith("Gemeinschaft ") for e in by_community.meta.categories)


def test_more_categories_than_colours_share_the_other_colour():
    assert category_colors(10) == [*OKABE_ITO, OTHER_COLOR, OTHER_COLOR]
    graph = nx.Graph()
    for i in range(10):
        graph.add_node(f"x:{i}", label=f"N{i}", cls="project", department=f"x:d{i}", fields=[])
    net = build_network(graph, color_by="department")
    assert [e.label for e in net.meta.categories][-1] == "Weitere (2)"
    assert net.meta.categories[-1].count == 2


def test_size_by_budget_degree_and_the_tooltip_is_plain_text(city):
    net = build_network(city, "entity", size_by="budget")
    size = {n["id"].removeprefix(EX): n["size"] for n in net.nodes}
    assert size["p1"] == 36.0 and size["p2"] == 22.5 and size["p3"] == size["goal"] == 9.0
    tip = net.get_node(EX + "p1")["title"]
    assert tip == (
        "WLAN\nKlasse: Projekt\nDezernat/Organisation: Dezernat I\nHandlungsfelder: Mobilität\n"
        "Status: laufend\nBudget: 400.000 €\nVerbindungen: 5\nhttps://example.org/city/p1"
    )
    by_degree = build_network(city, "entity", lang="en")
    assert by_degree.get_node(EX + "p1")["size"] == 36.0  # the best-linked node
    assert "Budget: €400,000" in by_degree.get_node(EX + "p1")["title"]
    for metric in ("betweenness", "pagerank"):
        values = build_network(city, "entity", size_by=metric)
        assert max(n["size"] for n in values.nodes) == 36.0


def test_title_date_sources_and_fictional_come_from_the_dataset(city):
    meta = build_network(city, "actors").meta
    assert (meta.title, meta.date, meta.sources, meta.fictional) == (
        "Teststadt: Akteursnetz",
        "2024-05-01",
        ["Inventar 2024 (2024-04-30)"],
        True,
    )
    assert build_network(city, "actors", title="Wer mit wem", lang="en").meta.title == "Wer mit wem"


def test_a_projection_passed_in_carries_its_own_metadata():
    graph = nx.DiGraph(
        projection="dependencies", title="Demo", date="2020-01-01", sources=["Liste"]
    )
    graph.add_edge("x:a", "x:b", predicate="dependsOn", weight=1)
    for node in graph:
        graph.nodes[node].update(label=node[2:].upper(), cls="project", fields=[])
    meta = build_network(graph, lang="en").meta
    assert (meta.title, meta.date, meta.sources, meta.projection) == (
        "Demo: Project dependencies",
        "2020-01-01",
        ["Liste"],
        "dependencies",
    )


@pytest.mark.parametrize("layout", list(Layout))
def test_the_same_seed_gives_the_same_positions(musterstadt, layout):
    first = build_network(musterstadt, "coverage", layout=layout, seed=7)
    again = build_network(musterstadt, "coverage", layout=layout, seed=7)
    assert [(n["id"], n["x"], n["y"]) for n in first.nodes] == [
        (n["id"], n["x"], n["y"]) for n in again.nodes
    ]
    if layout != "hierarchical":  # hierarchical has no randomness
        other = build_network(musterstadt, "coverage", layout=layout, seed=8)
        assert [(n["x"], n["y"]) for n in other.nodes] != [(n["x"], n["y"]) for n in first.nodes]


@pytest.mark.parametrize("layout", ["spring", "forceatlas2"])
def test_large_maps_are_seeded_too_and_spread_out(layout):
    graph = nx.random_partition_graph([120] * 5, 0.05, 0.002, seed=1)
    assert len(graph) > EXACT_LIMIT
    first = compute_layout(graph, layout, seed=1)
    assert first == compute_layout(graph, layout, seed=1)
    assert first != compute_layout(graph, layout, seed=2)
    xs = sorted(x for x, _ in first.values())
    assert xs[-1] - xs[0] > 0 and len(set(first.values())) == len(graph)


def test_kamada_kawai_refuses_large_maps():
    graph = nx.path_graph(KAMADA_KAWAI_LIMIT + 1)
    with pytest.raises(UsageError, match=r"limited to 1000 nodes \(this map has 1001\)"):
        compute_layout(graph, "kamada-kawai")


def test_kamada_kawai_keeps_graph_distances():
    pos = compute_layout(nx.path_graph(5), "kamada-kawai", seed=1)
    gaps = [abs(complex(*pos[i + 1]) - complex(*pos[i])) for i in range(4)]
    ends = abs(complex(*pos[4]) - complex(*pos[0]))
    assert all(abs(gap - 1) < 0.01 for gap in gaps) and abs(ends - 4) < 0.01


def test_hierarchical_puts_prerequisites_on_top_and_a_cycle_in_one_layer():
    graph = nx.DiGraph([("c", "b"), ("b", "a"), ("d", "c"), ("e", "f"), ("f", "e"), ("e", "a")])
    graph.add_node("loose")
    pos = hierarchical_layout(graph)
    layer = {node: y for node, (_, y) in pos.items()}
    assert layer == {"a": 0, "b": 1, "e": 1, "f": 1, "c": 2, "d": 3, "loose": 4.5}
    assert layer["e"] == layer["f"]  # the cycle e <-> f shares a layer


def test_wrap_label_breaks_long_german_words_and_cuts_with_an_ellipsis():
    assert wrap_label("WLAN") == "WLAN"
    assert (
        wrap_label("Amt für Digitalisierung und Organisation", 24)
        == "Amt für Digitalisierung\nund Organisation"
    )
    assert (
        wrap_label("Digitalisierungsstrategieentwicklung", 16)
        == "Digitalisierung-\nsstrategieentwi-\ncklung"
    )
    assert (
        wrap_label("Eins zwei drei vier fünf sechs sieben acht neun zehn", 10, 2)
        == "Eins zwei\ndrei vier…"
    )
    assert darken("#FFFFFF") == "#A6A6A6"


def test_script_json_cannot_close_the_script_element():
    text = script_json({"label": EVIL})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"label": EVIL}


def test_the_page_is_self_contained_and_data_is_never_markup(make_kg, tmp_path):
    kg = make_kg(
        CITY
        + f'ex:evil a sckg:Project ; dcterms:title "{EVIL.replace(chr(34), chr(92) + chr(34))}"@de '
        "; "
        "sckg:managedBy ex:amt ."
    )
    net = build_network(kg, "entity", title=EVIL)
    path = write_map(net, tmp_path / "map.html")
    html = path.read_text(encoding="utf-8")
    vendored = (Path(sckg.viz.__file__).parent / "vendor" / "vis-network.min.js").read_text(
        encoding="utf-8"
    )
    assert (
        html.count("</script") == 3
    )  # data, vis-network, the page's own: no data closes its element
    assert html.count("<script") == 3 + vendored.count("<script") and "<!--" not in html
    assert "<img" not in html and 'onerror="window' not in html
    assert re.search(r"<(link|iframe|object|embed)\b", html) is None
    assert re.search(r"""\b(src|href)\s*=\s*["']?(https?:)?//""", html) is None
    assert re.search(r"url\(\s*['\"]?(https?:)?//", html) is None and "@import" not in html
    assert "<title>&lt;/script&gt;&lt;script&gt;window.__pwned=1" in html
    data = page_data(net)
    assert EVIL in [n["n"] for n in data["nodes"]] and data["title"] == EVIL
    assert html.startswith("<!DOCTYPE html>") and "Content-Security-Policy" in html
    assert render_html(net) == html  # the same map gives the same page


def test_pyvis_methods_write_the_same_offline_page(city, tmp_path, monkeypatch):
    folder = tmp_path / "maps"
    folder.mkdir()
    monkeypatch.chdir(folder)
    net = build_network(city, "entity")
    net.save_graph("pyvis.html")
    ours = write_map(net, folder / "sckg.html").read_text(encoding="utf-8")
    assert (folder / "pyvis.html").read_text(encoding="utf-8") == ours
    assert sorted(p.name for p in folder.iterdir()) == [
        "pyvis.html",
        "sckg.html",
    ]  # no lib/ folder as pyvis's


def test_write_map_builds_from_a_graph_and_writes_atomically(city, tmp_path):
    out = write_map(
        city, tmp_path / "maps" / "m.html", projection="dependencies", layout="hierarchical"
    )
    assert (
        out == tmp_path / "maps" / "m.html" and out.stat().st_size > 500_000
    )  # vis-network is inside
    assert [p.name for p in out.parent.iterdir()] == ["m.html"]  # no temp file left behind


@pytest.mark.parametrize("suffix", ["png", "svg"])
def test_static_image_of_the_same_map(city, tmp_path, suffix):
    net = build_network(city, "entity", color_by="field")
    out = write_image(net, tmp_path / f"map.{suffix}")
    content = out.read_bytes()
    assert len(content) > 10_000
    if suffix == "png":
        assert content.startswith(b"\x89PNG\r\n\x1a\n")
        # 16 x 10 inches at 100 dpi: about 240 dpi across an A4 page, which the report's
        # static figure fills
        width, height = int.from_bytes(content[16:20], "big"), int.from_bytes(content[20:24], "big")
        assert (width, height) == (1600, 1000)
    else:
        assert b"<svg" in content[:2000] and b"Teststadt: Gesamtnetz" in content
    # the same map, the same file (an SVG's ids are salted, not random): the report embeds it
    assert write_image(net, tmp_path / f"again.{suffix}").read_bytes() == content


def test_static_image_refuses_unknown_formats(city, tmp_path):
    with pytest.raises(
        UsageError, match=r"map\.gif: unknown image format 'gif' \(use a \.png or \.svg file\)$"
    ):
        write_image(build_network(city), tmp_path / "map.gif")
    with pytest.raises(
        UsageError, match=r"map\.svg: a PNG image needs a file name ending in \.png$"
    ):
        write_image(build_network(city), tmp_path / "map.svg", "png")


def test_cli_writes_the_page_and_images(turtle_file, tmp_path):
    data = turtle_file(CITY)
    out, png = tmp_path / "karte.html", tmp_path / "karte.png"
    result = CliRunner().invoke(
        app,
        [
            "viz",
            "--data",
            str(data),
            "-p",
            "dependencies",
            "--layout",
            "hierarchical",
            "--focus",
            "Parken",
            "--depth",
            "2",
            "--out",
            str(out),
            "--png",
            str(png),
        ],
    )
    assert result.exit_code == 0, result.output
    assert re.fullmatch(
        rf"{re.escape(str(out))}, {re.escape(str(png))}: 3 nodes, 2 links \([0-9.]+ s, layout "
        r"[0-9.]+ s\)\n",
        result.stderr,
    )
    assert result.stdout == ""
    assert out.stat().st_size > 500_000 and png.stat().st_size > 10_000
    assert "Fokus: Parken, 2 Schritt(e)" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--depth", "2"], "Error: --depth needs --focus (the node the map is centred on)\n"),
        (
            ["--class", "ufo"],
            "Error: --class 'ufo': unknown class. Classes in this map: field, goal, project.\n",
        ),
    ],
)
def test_cli_errors_are_one_line(turtle_file, tmp_path, args, message):
    data = turtle_file(CITY)
    result = CliRunner().invoke(
        app, ["viz", "--data", str(data), "-p", "coverage", "-o", str(tmp_path / "x.html"), *args]
    )
    assert result.exit_code == 2
    assert result.stderr == message
    assert not Path(tmp_path / "x.html").exists()


def test_an_empty_map_of_the_interviews_says_to_record_them(turtle_file, tmp_path):
    """The partners map without interviews said only that it had no node, and on council data
    alone that projects were missing: what it needs is who named whom in the interviews."""
    council = turtle_file(
        "<https://example.org/paper/1> a oparl:Paper, prov:Entity ; "
        'dcterms:title "Digitalisierung der Schulen"@de .'
    )
    for data in (str(council), str(ROOT / "data/braunschweig")):
        result = CliRunner().invoke(
            app,
            [
                "viz",
                "-p",
                "partners",
                "--data",
                data,
                "-o",
                str(tmp_path / "p.html"),
                "--lang",
                "en",
            ],
        )
        assert result.exit_code == 1
        assert result.stderr == (
            "Error: Nothing to draw: the data has no node of the map “Named partners "
            "(interviews)”. It is drawn from the interviews: record who named whom as a partner "
            "on the sheets Interviews and Statements of the inventory (docs/interviews.md).\n"
        )


def test_cli_says_when_the_data_has_nothing_to_draw(turtle_file, tmp_path):
    """Council papers alone: no node of the map, and no filter was given (the message told to
    loosen --class, --field or --department)."""
    data = turtle_file(
        "<https://example.org/paper/1> a oparl:Paper, prov:Entity ; "
        'dcterms:title "Digitalisierung der Schulen"@de .'
    )
    for lang, message in (
        (
            "en",
            "Error: Nothing to draw: the data has no node of the map “Entity network”. No "
            "projects in the graph: import the programme's inventory next to the council data "
            "(sckg import table).\n",
        ),
        (
            "de",
            "Fehler: Nichts zu zeichnen: Die Daten enthalten keinen Knoten der Karte "
            "„Gesamtnetz“. Keine Projekte im Graphen: Importieren Sie das Projektinventar des "
            "Programms neben die Ratsdaten (sckg import table).\n",
        ),
    ):
        out = tmp_path / "x.html"
        result = CliRunner().invoke(
            app, ["viz", "--lang", lang, "--data", str(data), "-o", str(out)]
        )
        assert (result.exit_code, result.stderr) == (1, message)
        assert not out.exists()


def test_positions_do_not_depend_on_the_process(musterstadt_path):
    """NetworkX's undirected view of a directed graph lists neighbours in hash order, which changes
    between processes; the layouts and Louvain must not see that order."""
    script = (
        "import sys, json\nfrom sckg.kg import KnowledgeGraph\nfrom sckg.viz import "
        "build_network\nkg = KnowledgeGraph.open([sys.argv[1]])\nout = {}\nfor layout in "
        "('spring', 'kamada-kawai', 'forceatlas2'):\n    net = build_network(kg, 'entity', "
        "layout=layout, color_by='community')\n    out[layout] = [(n['id'], n['x'], n['y'], "
        "n['color']['background']) for n in net.nodes]\nprint(json.dumps(out))\n"
    )
    runs = [
        subprocess.run(
            [sys.executable, "-c", script, str(musterstadt_path)],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2")
    ]
    assert runs[0] == runs[1]


def _map_communities(net: CityMap, word: str) -> dict[int, set[str]]:
    """The community each node of a map coloured by community shows in its tooltip (``Gemeinschaft
    3``)."""
    found: dict[int, set[str]] = {}
    for node in net.nodes:
        line = next((t for t in node["title"].split("\n") if t.startswith(word + " ")), None)
        if line is not None:
            found.setdefault(int(line.split()[-1]), set()).add(node["id"])
    return found


@pytest.mark.parametrize("projects", [400])
def test_the_maps_communities_are_those_of_analyze_communities(tmp_path, projects):
    from sckg.generate import generate
    from sckg.kg import KnowledgeGraph
    from sckg.network.metrics import communities

    path = tmp_path / "city.ttl"
    path.write_text(generate(projects, seed=7), encoding="utf-8")
    kg = KnowledgeGraph.open([path])
    table = {row.community: set(row.iris) for row in communities(kg, "actors", limit=None)}
    shown = _map_communities(build_network(kg, "actors", color_by="community"), "Gemeinschaft")
    assert len(table) > 3
    assert shown == table


def test_a_map_with_papers_counts_them_in_their_fields_and_shows_only_the_fields_they_name(
    make_kg,
):
    from council import COUNCIL, PROGRAMME

    kg = make_kg(COUNCIL + PROGRAMME + "c:p3 dcterms:subject field:energy .")
    net = build_network(kg, "entity", with_papers=True)
    # the WLAN paper counts in its project's field, the concept paper in its own, the fire engine in
    # energy
    assert [(e.label, e.count) for e in net.meta.fields] == [
        ("Digitale Infrastruktur", 4),
        ("Energie", 1),
    ]
    papers = {n["full_label"]: n["fields"] for n in net.nodes if n["cls"] == "paper"}
    assert papers == {
        "Öffentliches WLAN in der Innenstadt": ["https://example.org/city/digital"],
        "Digitalisierungskonzept": ["https://example.org/city/digital"],
        "Löschfahrzeug für die Feuerwehr": ["https://w3id.org/sckg/vocab/field/energy"],
    }


def test_a_large_map_marks_the_labels_it_shows_before_zooming(musterstadt):
    nodes = build_network(musterstadt, "entity").nodes
    assert (
        len(nodes) == 174
    )  # with the 8 laws its projects are subject to (data/musterstadt/legal.ttl)
    shown = [n for n in nodes if n["label_shown"]]
    assert 20 <= len(shown) < 174
    small = build_network(musterstadt, "dependencies").nodes
    assert len(small) <= 100 and all("label_shown" not in n for n in small)
