"""The programme site (sckg.site): where pages live, what they say, the search index, byte-identical
output."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import rdflib
from html_links import is_file, page_links
from rdflib.compare import isomorphic
from typer.testing import CliRunner

from sckg import resources
from sckg.cli import app
from sckg.errors import ParameterError
from sckg.kg import KnowledgeGraph
from sckg.report.build import figures_section
from sckg.site import build_site, page_path
from sckg.site.search import keys

MS = "https://w3id.org/sckg/id/musterstadt/"
SECTIONS = ("process", "strategy", "legal", "priorities", "benchmark")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Musterstadt site (built once for the module)."""
    out = tmp_path_factory.mktemp("site")
    kg = KnowledgeGraph.open([resources.dataset("musterstadt")])
    build_site(kg, out)
    return out


def test_page_paths_follow_the_iris() -> None:
    assert page_path(MS + "project/x") == "id/musterstadt/project/x"
    assert page_path("https://w3id.org/sckg/vocab/field/energy") == "vocab/field/energy"
    other = "other/wlan-" + hashlib.sha256(b"https://example.org/city/WLAN").hexdigest()[:10]
    assert page_path("https://example.org/city/WLAN") == other
    # the site's own folders, fragments, dots and empty segments are no entity path
    for iri in (
        "https://w3id.org/sckg/assets/x",
        "https://w3id.org/sckg/benchmark",
        "https://w3id.org/sckg/ontology#Project",
        "https://w3id.org/sckg/id/a/x.en",
        "https://w3id.org/sckg/id//x",
    ):
        assert page_path(iri).startswith("other/"), iri


def test_every_entity_has_its_pages_and_data_at_the_iri_path(site: Path) -> None:
    project = site / "id/musterstadt/project/mobilstationen"
    german = project.with_suffix(".html").read_text(encoding="utf-8")
    english = Path(f"{project}.en.html").read_text(encoding="utf-8")
    assert '<html lang="de">' in german and "<h1>Mobilstationen an Haltestellen</h1>" in german
    assert '<html lang="en">' in english
    assert "<h1>Mobility hubs at public transport stops</h1>" in english
    assert 'href="mobilstationen.en.html"' in german and 'href="mobilstationen.html"' in english
    for name in ("index.html", "index.en.html", "search.html", "list/project.html"):
        assert (site / name).is_file(), name
    # the data of the page: the entity's statements, the same in Turtle and JSON-LD
    turtle = rdflib.Graph().parse(project.with_suffix(".ttl"), format="turtle")
    jsonld = rdflib.Graph().parse(project.with_suffix(".jsonld"), format="json-ld")
    assert isomorphic(turtle, jsonld)
    subjects = {str(s) for s in turtle.subjects()}
    assert subjects == {MS + "project/mobilstationen"}
    assert (
        rdflib.URIRef(MS + "project/mobilstationen"),
        rdflib.URIRef("https://w3id.org/sckg/ontology#managedBy"),
        rdflib.URIRef(MS + "actor/verkehrsbetriebe"),
    ) in turtle


def test_an_entity_page_says_every_relation_in_words_with_links(site: Path) -> None:
    page = (site / "id/musterstadt/project/mobilstationen.html").read_text(encoding="utf-8")
    assert re.search(
        r"<dt>hat Beteiligten</dt>\s*<dd><ul>"
        r'<li><a href="../actor/fb-mobilitaet-tiefbau.html">'
        r"Fachbereich Mobilität und Tiefbau</a></li>"
        r'<li><a href="../actor/parkraum-gmbh.html">Parkraumgesellschaft Musterstadt mbH</a></li>'
        r'<li><a href="../actor/stadtwerke.html">Stadtwerke Musterstadt GmbH</a></li></ul></dd>',
        page,
    )
    assert (
        '<dt>im Handlungsfeld</dt>\n  <dd><a href="../../../vocab/field/smart-mobility.html">'
        "Smart Mobility</a></dd>" in page
    )
    assert "<dt>Beginn</dt>\n  <dd>1. Mai 2026</dd>" in page
    assert (  # a budget with its amount
        '<dd><a href="../budget/mobilstationen.html">Budget: Mobilstationen an Haltestellen</a> '
        "(1.600.000,00 €)</dd>" in page
    )
    # the map loads the one copy of vis-network; its text alternative is the relations list
    assert page.count('<script src="../../../assets/vis-network.min.js"></script>') == 1
    assert (
        'aria-label="Karte des Umfelds; dieselben Verbindungen stehen unter Beziehungen."' in page
    )
    assert "vis.Network" not in page and "function" not in page


def test_a_paper_page_has_its_council_history(site: Path) -> None:
    page = (site / "id/musterstadt/paper/2025-014.html").read_text(encoding="utf-8")
    history = page[page.index('id="council-heading"') :]
    rows = re.findall(r"<tr><td>([\d-]+)</td><td><a [^>]*>([^<]+)</a>", history)
    assert rows == [
        ("2025-03-04", "Ausschuss für Digitalisierung und Organisation"),
        ("2025-03-20", "Rat der Stadt Musterstadt"),
    ]


def test_lists_carry_their_filters(site: Path) -> None:
    page = (site / "list/project.html").read_text(encoding="utf-8")
    assert [m for m in re.findall(r'<label for="filter-\d">([^<]+)</label>', page)] == [
        "Handlungsfeld",
        "Status",
        "Federführung",
    ]
    assert page.count("<tr data-facets=") == 52
    papers = (site / "list/paper.html").read_text(encoding="utf-8")
    years = re.findall(r'<option value="(\d{4})">', papers)
    assert years == ["2025"]


def test_home_page_lists_milestones_as_of_the_data_date(site: Path) -> None:
    page = (site / "index.html").read_text(encoding="utf-8")
    assert "Meilensteine (Stand 2026-01-15)" in page
    overdue = page[page.index("<h3>Überfällig</h3>") : page.index('id="papers-heading"')]
    assert re.findall(r"<li>([\d-]+): <a", overdue) == ["2025-06-30", "2025-12-31"]


def test_without_a_data_date_the_home_page_says_so_and_never_uses_the_clock(
    make_kg: Callable[[str], KnowledgeGraph], tmp_path: Path
) -> None:
    """The tester's inventory without dates showed "Meilensteine (Stand <today>)"."""
    import datetime

    kg = make_kg(
        """
        ex:p a sckg:Project ; dcterms:title "Laden"@de .
        ex:m a sckg:Milestone ; rdfs:label "Ausschreibung"@de , "Tender"@en ;
            dcterms:isPartOf ex:p ; dcterms:date "2020-05-01"^^xsd:date .
        """
    )
    build_site(kg, tmp_path, since="2020-01-01")
    for name, heading, open_, since in (
        ("index.html", "Meilensteine (Stand unbekannt)", "Nicht erreicht", "Neu seit 2020-01-01"),
        (
            "index.en.html",
            "Milestones (date of the data unknown)",
            "Not reached",
            "New since 2020-01-01",
        ),
    ):
        page = (tmp_path / name).read_text(encoding="utf-8")
        assert datetime.date.today().isoformat() not in page
        start, end = page.index('<h2 id="milestones-heading"'), page.index('id="papers-heading"')
        milestones = page[start:end]
        assert re.findall(r"<h[23][^>]*>([^<]+)</h[23]>", milestones) == [heading, open_]
        assert re.findall(r"<li>([\d-]+): <a[^>]*>([^<]+)</a>", milestones) == [
            ("2020-05-01", "Ausschreibung" if name == "index.html" else "Tender")
        ]
        assert since in page


def test_since_lists_what_happened_since_a_date(tmp_path: Path) -> None:
    kg = KnowledgeGraph.open([resources.dataset("musterstadt")])
    build_site(kg, tmp_path, since="2025-11-01")
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    since = page[page.index('id="since-heading"') : page.index('id="fields-heading"')]
    assert "Neu seit 2025-11-01" in since
    days = re.findall(r"<tr><td>([\d-]+)</td><td>([^<]+)</td><td><a [^>]*>([^<]+)</a>", since)
    assert ("2025-11-18", "Vorlage", "Vorlage 2025/121: Digitaler Bürgerhaushalt 2027") in days
    assert ("2025-12-02", "Beschluss", "Beschluss zum Digitalen Bürgerhaushalt") in days
    # what happened: dated from that day to the data's date (2026-01-15), not what is planned later
    assert min(day for day, _, _ in days) >= "2025-11-01"
    assert max(day for day, _, _ in days) <= "2026-01-15"
    assert ("2025-11-11", "Interview", "Interview Schule und Bildung") in days  # a class of its own
    assert len(days) == 17
    with pytest.raises(
        ParameterError, match=r"^since must be a date like 2026-01-31 or 31.01.2026, got 'May'$"
    ):
        build_site(kg, tmp_path, since="May")


def test_since_and_today_take_german_dates_and_refuse_trailing_text(tmp_path: Path) -> None:
    kg = KnowledgeGraph.open([resources.dataset("musterstadt")])
    build_site(kg, tmp_path / "iso", since="2025-11-01", today="2026-01-15")
    build_site(kg, tmp_path / "de", since="1.11.2025", today="15.01.2026")
    for name in ("index.html", "index.en.html"):
        iso, german = ((tmp_path / d / name).read_text(encoding="utf-8") for d in ("iso", "de"))
        assert iso == german
    for day in ("2025-11-011", "2025-11-01T10:00", "31.02.2025", "1.11.25"):
        with pytest.raises(
            ParameterError,
            match=rf"^since must be a date like 2026-01-31 or 31\.01\.2026, got '{day}'$",
        ):
            build_site(kg, tmp_path / "bad", since=day)


def test_search_index_holds_stems_and_compound_parts(site: Path) -> None:
    assert {"schnellladesaulen", "ladesaulen", "saulen"} <= keys("Schnellladesäulen")
    assert "lademanagement" in keys("Lademanagement") and "management" in keys("Lademanagement")
    # "Kultur" is no part of "kulturelle": no key starts inside a word's part
    assert not any(k.startswith("relle") for k in keys("kulturelle"))
    script = (site / "assets/search-index.js").read_text(encoding="utf-8")
    index = json.loads(script.removeprefix("window.SCKG_SEARCH = ").rstrip(";\n"))
    docs = [index["docs"][i][1] for i in index["keys"]["ladesaulen"]]
    assert docs == ["Mobilstationen an Haltestellen"]


def test_same_input_gives_byte_identical_files(site: Path, tmp_path: Path) -> None:
    kg = KnowledgeGraph.open([resources.dataset("musterstadt")])
    build_site(kg, tmp_path)

    def files(root: Path) -> dict[str, bytes]:
        return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}

    first, second = files(site), files(tmp_path)
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []
    # vis-network ships once; no page holds a copy
    library = (site / "assets/vis-network.min.js").read_bytes()
    assert library.startswith(b"/**\r\n * vis-network\r\n")
    assert [n for n in first if library[:200] in first[n]] == ["assets/vis-network.min.js"]


def test_new_classes_get_pages_without_code(
    make_kg: Callable[[str], KnowledgeGraph], tmp_path: Path
) -> None:
    kg = make_kg(
        """
        ex:i1 a ex:Interview ; rdfs:label "Gespräch mit dem <b>Tiefbauamt</b>"@de ; ex:about ex:p .
        ex:p a sckg:Project ; dcterms:title "Laden"@de .
        """
    )
    built = build_site(kg, tmp_path)
    assert built.entities == 2
    interview = tmp_path / page_path("https://example.org/city/i1")
    page = interview.with_suffix(".html").read_text(encoding="utf-8")
    assert "<h1>Gespräch mit dem &lt;b&gt;Tiefbauamt&lt;/b&gt;</h1>" in page
    assert (tmp_path / "list/interview.html").is_file()
    project = (tmp_path / page_path("https://example.org/city/p")).with_suffix(".html")
    text = project.read_text(encoding="utf-8")
    assert (
        f'<a href="{interview.name}.html">Gespräch mit dem &lt;b&gt;Tiefbauamt&lt;/b&gt;</a>'
        in text
    )


@pytest.mark.parametrize("city", ["braunschweig", "ulm"])
def test_the_bundled_cities_build(city: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["site", "--data", str(resources.dataset(city)), "--out", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Site: {tmp_path / 'index.html'} (")
    assert len(list(tmp_path.rglob("*.html"))) > 50


@pytest.mark.parametrize("city", ["musterstadt", "braunschweig", "ulm"])
def test_the_site_counts_and_lists_the_citys_fields_as_the_briefing_does(
    city: str, tmp_path: Path
) -> None:
    """The city's fields of action are those of ``namespaces.CITY_FIELDS``, as in the briefing: the
    reference fields its own fields map to (``skos:closeMatch``) have pages, but are not counted or
    listed as the city's (Ulm's site said 22 fields: its 13 and 9 reference fields)."""
    kg = KnowledgeGraph.open([resources.dataset(city)])
    fields = figures_section(kg, "de").facts["fields"]
    build_site(kg, tmp_path)
    home = (tmp_path / "index.html").read_text(encoding="utf-8")
    figure = re.search(r'<a href="list/field.html"><span class="figure">(\d+)</span>', home)
    assert figure is not None and int(figure[1]) == fields
    assert home.count('<section class="field">') == fields
    listed = (tmp_path / "list/field.html").read_text(encoding="utf-8")
    assert f"Einträge: {fields}<" in listed
    assert listed.count('<tr data-facets="') == fields
    lists = (tmp_path / "list.html").read_text(encoding="utf-8")
    assert f'<a href="list/field.html">Handlungsfeld</a> ({fields})' in lists
    if city == "ulm":
        assert fields == 13
        assert ">Digitale Bildung<" not in home and ">Digitale Bildung<" not in listed
        # the reference field Ulm's "Bildung" maps to keeps its page, linked from Bildung's
        assert (tmp_path / "vocab/field/digital-education.html").is_file()


@pytest.fixture(scope="module")
def ulm_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Ulm's site (built once for the module)."""
    out = tmp_path_factory.mktemp("ulm-site")
    build_site(KnowledgeGraph.open([resources.dataset("ulm")]), out)
    return out


def _pointing(page: str) -> str:
    return page[page.index('<dl class="groups" id="pointing">') :].split("</dl>")[0]


def test_the_entries_that_refer_to_a_page_are_named_by_the_inverse_relation(
    ulm_site: Path,
) -> None:
    """Seen from its object a statement reads the other way round: the sub-goals of a goal point to
    it with ``skos:broader`` ("übergeordnet"), so on its page they are "untergeordnet" (they read as
    superordinate to it); a relation without a word for its inverse is named with this entry as its
    object."""
    goal = ulm_site / "id/ulm/goal/sicherheit-1"
    german = goal.with_suffix(".html").read_text(encoding="utf-8")
    pointing = _pointing(german)
    assert pointing.startswith(
        '<dl class="groups" id="pointing">\n  <dt>untergeordnet</dt>\n'
        '  <dd><ul><li><a href="sicherheit-1-1.html">Herstellung einer bestmöglichen Transparenz'
    )
    assert "übergeordnet" not in pointing
    english = _pointing(Path(f"{goal}.en.html").read_text(encoding="utf-8"))
    assert "<dt>narrower</dt>" in english and "<dt>broader</dt>" not in english
    # the sub-goal's own statement still reads "übergeordnet: Sicherheit im öffentlichen Raum"
    sub = (ulm_site / "id/ulm/goal/sicherheit-1-1.html").read_text(encoding="utf-8")
    assert (
        '<dt>übergeordnet</dt>\n  <dd><a href="sicherheit-1.html">Sicherheit im öffentlichen Raum'
        in sub
    )
    # a field: the projects in it
    field = (ulm_site / "id/ulm/field/sicherheit.html").read_text(encoding="utf-8")
    assert "<dt>in diesem Handlungsfeld</dt>" in _pointing(field)
    assert "<dt>im Handlungsfeld</dt>" not in _pointing(field)


def test_every_link_of_every_page_leads_to_a_file_and_every_page_is_reached(site: Path) -> None:
    """A crawl over the HTML of all pages; that a browser shows the same links is checked on a page
    of each kind in tests/test_site_browser.py."""
    start = [(site / "index.html").as_uri(), (site / "index.en.html").as_uri()]
    seen, todo, broken, outside_links = set(start), list(start), list[str](), set[str]()
    while todo:
        url = todo.pop()
        page = page_links(Path(unquote(urlsplit(url).path)))
        broken += [f"{url} → {x}" for x in page.loaded if not is_file(x)]
        for link in page.links:
            parts = urlsplit(link)
            if parts.scheme != "file":
                outside_links.add(parts.scheme)
                continue
            target = parts._replace(fragment="", query="").geturl()
            if not is_file(link):
                broken.append(f"{url} → {link}")
            elif target not in seen and target.endswith(".html"):
                seen.add(target)
                todo.append(target)
    assert broken == []
    assert seen == {p.as_uri() for p in site.rglob("*.html")}  # every page is reachable
    assert len(seen) == 736  # with the laws (issue 24) and the process, strategy and legal pages
    assert outside_links <= {"https", "http"}


@pytest.fixture(scope="module")
def programme_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Musterstadt site with a prioritisation (``sckg prioritise --assessment``) and a
    comparison with Ulm (``--compare``), built by the commands."""
    musterstadt, folder = resources.dataset("musterstadt"), tmp_path_factory.mktemp("programme")
    assessment, out = folder / "assessment.ttl", folder / "site"
    runner = CliRunner()
    ranked = runner.invoke(
        app,
        [
            "prioritise",
            *("-d", str(musterstadt), "--scores", str(musterstadt / "scoring.xlsx")),
            *("--assessment", str(assessment), "--date", "2026-01-15", "--runs", "20"),
        ],
    )
    assert ranked.exit_code == 0, ranked.output
    args = ["site", "-d", str(musterstadt), "-d", str(assessment), "-o", str(out)]
    built = runner.invoke(app, [*args, "--compare", str(resources.dataset("ulm"))])
    assert built.exit_code == 0, built.output
    return out


def test_compare_adds_a_benchmark_page_that_every_page_links_to(programme_site: Path) -> None:
    """``sckg site --compare``: the briefing's benchmarking section as a page in both languages, the
    city's projects linked to their pages."""
    tmp_path = programme_site
    page = (tmp_path / "benchmark.html").read_text(encoding="utf-8")
    assert "<h1>Vergleich mit anderen Städten</h1>" in page
    assert re.search(r"<figure class=\"chart\" id=\"chart-benchmark-fields\">\s*<svg", page)
    gaps = page.split("<caption>Was andere tun und Stadtverwaltung Musterstadt (fiktiv) nicht")[1]
    assert re.findall(
        r"<tr><td>(.*?)</td><td>(.*?)</td><td>(.*?)</td></tr>", gaps.split("</table>")[0]
    ) == [("Handlungsfeld", "Gesundheit", "Stadt Ulm 13")]
    first = page.split("Best-Practice-Kandidaten</caption>")[1].split("</tr>")[1]
    assert re.findall(r"<td>(.*?)</td>", first)[:4] == [
        "Digitale Bildung",
        '<a href="id/musterstadt/project/digitallotsen-senioren.html">Digitallotsen für '
        "Seniorinnen und Senioren</a>",
        "Digitalmentor:innen",
        "Stadt Ulm",
    ]
    assert (tmp_path / "id/musterstadt/project/digitallotsen-senioren.html").is_file()
    english = (tmp_path / "benchmark.en.html").read_text(encoding="utf-8")
    assert "<h1>Benchmarking with other cities</h1>" in english
    for name, target in (
        ("index.html", "benchmark.html"),
        ("list/project.html", "benchmark.html"),
        ("index.en.html", "benchmark.en.html"),
    ):
        assert (tmp_path / target).as_uri() in page_links(tmp_path / name).links, name


def test_the_briefings_sections_on_the_whole_programme_get_pages(site: Path) -> None:
    """The framework process, the strategy tree and the legal frame, as the briefing shows them,
    each on a page that every page's navigation links to; no prioritisation and no comparison in
    the data or the call, no page for them."""
    pages = sorted(p.name for p in site.glob("*.html"))
    assert pages == [
        f"{name}{suffix}"
        for name in ("index", "legal", "list", "process", "search", "strategy")
        for suffix in (".en.html", ".html")
    ]
    links = page_links(site / "list/project.html").links
    assert [link for link in links if link.rsplit("/", 1)[-1].split(".")[0] in SECTIONS] == [
        (site / f"{name}.html").as_uri() for name in ("process", "strategy", "legal")
    ]
    process = (site / "process.html").read_text(encoding="utf-8")
    table = process.split("<caption>Geplante Ergebnisse je Phase</caption>")[1].split("</table>")[0]
    assert table.count("<tr>") == 10  # the heading and the nine planned results of the proposal
    assert "<h1>Process status</h1>" in (site / "process.en.html").read_text("utf-8")


def test_the_newest_prioritisation_gets_a_page_linking_its_projects(programme_site: Path) -> None:
    page = (programme_site / "priorities.html").read_text(encoding="utf-8")
    first = page.split("<caption>Die ersten 15 Plätze")[1].split("</tr>")[1]
    assert re.findall(r"<td>(.*?)</td>", first)[:2] == [
        "1",
        '<a href="id/musterstadt/project/lorawan-netz.html">LoRaWAN-Funknetz Musterstadt</a>',
    ]
    assert '<h2 id="priority-waves">Wellen</h2>' in page
    assert (programme_site / "priorities.en.html").is_file()


def test_an_out_folder_that_cannot_be_written_is_one_line(tmp_path: Path) -> None:
    """A file where the folder should be, or a place nobody may write, was an Internal error."""
    taken = tmp_path / "mine.txt"
    taken.write_text("mine\n", encoding="utf-8")
    data = str(resources.dataset("braunschweig"))
    runner = CliRunner()
    done = runner.invoke(app, ["site", "-d", data, "-o", str(taken)], env={"LANG": "en_GB.UTF-8"})
    assert done.exit_code == 1
    assert re.fullmatch(
        rf"Error: {re.escape(str(taken))}/\S+: cannot be written \(Not a directory\)\n", done.stderr
    )
    assert taken.read_text(encoding="utf-8") == "mine\n"
    done = runner.invoke(
        app, ["site", "-d", data, "-o", "/proc/sckg-site"], env={"LANG": "C.UTF-8"}
    )
    assert done.exit_code == 1 and "Internal error" not in done.stderr
    assert done.stderr.startswith("Error: /proc/sckg-site/") and "cannot be written" in done.stderr
