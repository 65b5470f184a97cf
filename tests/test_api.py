"""The public Python API: query results as pandas DataFrames and HTML tables, and what ``import
sckg`` offers."""

from __future__ import annotations

import ast
import datetime
import html
import importlib
import pkgutil
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from types import ModuleType

import pandas as pd
import pytest

from sckg.errors import SckgError
from sckg.kg import KnowledgeGraph
from sckg.results import Table

EX = "https://example.org/city/"
#: Two projects with a decimal budget, an integer, and a date, a boolean and a double that only the
#: first has.
TYPED = (
    'ex:a a sckg:Project ; dcterms:title "Alpha"@de ; ex:budget 1234.50 ; ex:n 3 ; ex:start '
    '"2025-03-04"^^xsd:date ; ex:ok true ; ex:score 1.5e0 .\nex:b a sckg:Project ; dcterms:title '
    '"Beta <b> & Co"@de ; ex:budget "0.1"^^xsd:decimal ; ex:n 12 .'
)
TYPED_QUERY = f"""SELECT ?p ?title ?budget ?n ?start ?ok ?score WHERE {{
    ?p a sckg:Project ; dcterms:title ?title ; <{EX}budget> ?budget ; <{EX}n> ?n .
    OPTIONAL {{ ?p <{EX}start> ?start }} OPTIONAL {{ ?p <{EX}ok> ?ok }} OPTIONAL {{ ?p <{EX}score>\
 ?score }}
}} ORDER BY ?p"""


@pytest.fixture
def typed(make_kg) -> Table:
    return make_kg(TYPED).select(TYPED_QUERY)


def test_to_pandas_gives_numbers_dates_and_text_their_dtypes(typed: Table) -> None:
    frame = typed.to_pandas()
    assert list(frame.columns) == ["p", "title", "budget", "n", "start", "ok", "score"]
    assert {c: str(t) for c, t in frame.dtypes.items()} == {
        "p": "str",
        "title": "str",
        "budget": "float64",
        "n": "int64",
        "start": "datetime64[s]",
        "ok": "boolean",
        "score": "float64",
    }
    assert frame["p"].tolist() == [EX + "a", EX + "b"]
    assert frame["title"].tolist() == ["Alpha", "Beta <b> & Co"]
    assert frame["budget"].tolist() == [1234.5, 0.1]
    assert frame["n"].tolist() == [3, 12]
    assert frame["start"].iloc[0] == pd.Timestamp("2025-03-04")
    assert frame["start"].iloc[0].date() == datetime.date(2025, 3, 4)
    assert frame["start"].isna().tolist() == [False, True]
    assert frame["ok"].tolist() == [True, pd.NA]
    assert frame["score"].iloc[0] == 1.5 and frame["score"].isna().tolist() == [False, True]
    assert frame["budget"].sum() == pytest.approx(1234.6)  # numbers, not Decimal objects


def test_to_pandas_keeps_gaps_in_integer_columns_and_mixed_columns_as_plain_values(make_kg) -> None:
    kg = make_kg('ex:a ex:n 7 ; ex:x 5 . ex:b ex:x ex:c . ex:c ex:x "text" .')
    table = kg.select(
        f"SELECT ?s ?n ?x WHERE {{ ?s <{EX}x> ?x OPTIONAL {{ ?s <{EX}n> ?n }} }} ORDER BY ?s"
    )
    frame = table.to_pandas()
    assert [str(t) for t in frame.dtypes] == ["str", "Int64", "object"]
    assert frame["n"].tolist() == [7, pd.NA, pd.NA]
    assert frame["x"].tolist() == [5, EX + "c", "text"]


def test_to_pandas_of_an_empty_result_keeps_the_columns(make_kg) -> None:
    frame = (
        make_kg("ex:a a sckg:Project .").select("SELECT ?p ?q WHERE { ?p a sckg:Goal }").to_pandas()
    )
    assert list(frame.columns) == ["p", "q"] and len(frame) == 0
    assert [str(t) for t in frame.dtypes] == ["str", "str"]  # IRIs and text, not object


def test_an_empty_named_result_keeps_the_dtypes_its_query_declares(
    make_kg, braunschweig: KnowledgeGraph
) -> None:
    import sckg

    empty = make_kg("ex:a a sckg:Project .")
    decisions = sckg.run_named(empty, "decisions", lang="en").to_pandas()
    assert len(decisions) == 0
    assert {c: str(t) for c, t in decisions.dtypes.items()} == {
        "date": "datetime64[s]",
        "bodyLabel": "str",
        "roleLabel": "str",
        "subject": "str",
        "public": "boolean",
        "item": "str",
    }
    assert decisions["date"].dt.year.tolist() == []  # the .dt accessor works on no rows
    budget = sckg.run_named(empty, "budget-by-field", lang="en").to_pandas()
    assert [str(t) for t in budget.dtypes] == ["str", "float64", "Int64"]
    history = sckg.run_named(braunschweig, "council-history", lang="en").to_pandas()
    assert len(history) == 0 and str(history["date"].dtype) == "datetime64[s]"
    assert set(map(str, history.drop(columns="date").dtypes)) == {"str"}


def test_to_pandas_without_pandas_says_how_to_install_it(typed: Table, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # makes `import pandas` fail
    with pytest.raises(SckgError) as error:
        typed.to_pandas()
    assert str(error.value) == (
        "Table.to_pandas() needs pandas, which is not installed: pip install pandas (or pip "
        "install 'sckg[notebook]')"
    )


def test_table_shows_as_an_escaped_html_table(typed: Table) -> None:
    assert typed._repr_html_() == (
        "<table "
        'class="sckg-table"><thead><tr><th>p</th><th>title</th><th>budget</th><th>n</th><th>start</th>'
        "<th>ok</th><th>score</th></tr></thead><tbody>"
        "<tr><td "
        f'title="{EX}a">{EX}a</td><td>Alpha</td><td>1234.5</td><td>3</td><td>2025-03-04</td>'
        "<td>True</td><td>1.5</td></tr>"
        f'<tr><td title="{EX}b">{EX}b</td><td>Beta &lt;b&gt; &amp; '
        "Co</td><td>0.1</td><td>12</td><td></td>"
        "<td></td><td></td></tr>"
        "</tbody></table>"
    )


def test_a_long_table_shows_its_first_rows_and_says_how_many_there_are(
    musterstadt: KnowledgeGraph,
) -> None:
    table = musterstadt.select("SELECT ?p WHERE { ?p a sckg:Project } ORDER BY ?p")
    shown = table._repr_html_()
    assert shown.count("<tr>") == 1 + 50
    assert shown.endswith("</tbody></table><p>50 of 52 rows (Table.to_pandas() has all).</p>")
    first = "https://w3id.org/sckg/id/musterstadt/project/5g-campus-gewerbegebiet"
    assert f'<tr><td title="{first}">musterstadt:project/5g-campus-gewerbegebiet</td></tr>' in shown


@pytest.fixture
def notebook(monkeypatch: pytest.MonkeyPatch):
    """A fresh notebook: no map shown yet."""
    from sckg.viz import render

    monkeypatch.setattr(render, "_NOTEBOOK", render.NotebookState())
    return render


def test_a_map_shows_inline_in_a_notebook_at_a_fixed_height(
    musterstadt: KnowledgeGraph, notebook
) -> None:
    from sckg.viz import build_network

    net = build_network(musterstadt, "dependencies", lang="en")
    net.share_library = False  # every map its own copy of the library (e.g. for Colab)
    page = net.generate_html()
    assert net._repr_html_() == (
        f'<iframe class="map" title="{net.meta.title}" '
        'style="width:100%;height:600px;box-sizing:border-box" '
        f'srcdoc="{html.escape(page, quote=True)}"></iframe>'
    )
    assert net.meta.title == "Musterstadt – fictional example city: Project dependencies"
    net.display_height = 420
    assert 'style="width:100%;height:420px;box-sizing:border-box"' in net._repr_html_()


def test_a_notebook_holds_one_copy_of_the_map_library(
    musterstadt: KnowledgeGraph, notebook
) -> None:
    from sckg.viz import build_network

    library = notebook._asset("vendor/vis-network.min.js")
    first = build_network(musterstadt, "dependencies", lang="en")._repr_html_()
    second = build_network(musterstadt, "actors", lang="en")._repr_html_()
    third = build_network(musterstadt, "dependencies", lang="en")._repr_html_()
    assert first.startswith(notebook.shared_assets() + '\n<iframe class="map"')
    assert first.count(library[:200]) == 1  # the library itself, not escaped into the frame
    assert library[:200] not in html.unescape(second) and library[:200] not in html.unescape(third)
    assert len(first) - len(third) > 650_000 and len(third) < 120_000
    assert "window.parent.vis" in html.unescape(third)


@pytest.mark.browser
def test_a_notebook_page_draws_the_map_at_its_height_offline(
    musterstadt: KnowledgeGraph, tmp_path, notebook
) -> None:
    from browser import canvas_ink, chromium, open_offline, require_browser, wait_until

    from sckg.viz import build_network

    require_browser()
    net = build_network(musterstadt, "actors", lang="en")
    later = build_network(musterstadt, "dependencies", lang="en")
    page = tmp_path / "notebook.html"  # the cells' outputs, as Jupyter puts them into its page
    page.write_text(
        f"<!DOCTYPE html><html><body><h1>In [1]:</h1>{net._repr_html_()}"
        f"<h1>In [2]:</h1>{later._repr_html_()}</body></html>",
        "utf-8",
    )
    with chromium() as browser:
        view = open_offline(browser, page, viewport=(1200, 900))
        frame_element, second = view.page.query_selector_all("iframe.map")
        frame = frame_element.content_frame()
        wait_until(frame, "window.sckgMap !== undefined && window.sckgMap.drawnAt !== null")
        assert frame_element.bounding_box()["height"] == 600  # the frame's border included
        top, bottom, inner = frame.evaluate(
            "(() => { const r = document.querySelector('canvas').getBoundingClientRect();"
            " return [r.top, r.bottom, window.innerHeight]; })()"
        )
        assert (
            inner == 596 and bottom == inner and bottom - top > 450
        )  # from below the map's header to the bottom
        assert canvas_ink(frame) > 500
        assert frame.evaluate("sckgMap.nodes.length") == net.num_nodes()
        other = second.content_frame()  # the library from the first map's output
        wait_until(other, "window.sckgMap !== undefined && window.sckgMap.drawnAt !== null")
        assert other.evaluate("sckgMap.nodes.length") == later.num_nodes()
        assert canvas_ink(other) > 500
        assert view.outside == [] and view.errors == []


def test_import_sckg_loads_no_library_until_a_name_is_used() -> None:
    code = (
        "import sys, sckg; heavy = ('sckg.', 'pyoxigraph', 'networkx', 'rdflib', 'pyvis', "
        "'pandas', 'typer', 'matplotlib', 'igraph'); print(sorted(m for m in sys.modules if "
        "m.startswith(heavy)))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout == "[]\n"


def test_every_public_name_is_documented_and_no_submodule_hides_it() -> None:
    import sckg

    submodules = {
        info.name.rsplit(".", 1)[-1] for info in pkgutil.walk_packages(sckg.__path__, "sckg.")
    }
    for info in pkgutil.walk_packages(sckg.__path__, "sckg."):
        importlib.import_module(info.name)  # importing a module binds its name in the package
    assert set(sckg.__all__) == {"open", *sckg._public()}
    assert not set(sckg.__all__) & submodules
    for name in sckg.__all__:
        value = getattr(sckg, name)
        assert callable(value) and not isinstance(value, ModuleType), name
        assert (value.__doc__ or "").strip(), f"{name} has no docstring"
    assert sckg.validate_graph is importlib.import_module("sckg.validate").validate
    assert set(sckg.__all__) <= set(dir(sckg))
    with pytest.raises(AttributeError, match="module 'sckg' has no attribute 'validat'"):
        sckg.validat  # noqa: B018


def test_the_names_for_type_checkers_are_the_names_imported_at_run_time() -> None:
    import sckg

    tree = ast.parse(Path(sckg.__file__).read_text(encoding="utf-8"))
    [block] = [
        node
        for node in tree.body
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING"
    ]
    typed = {
        (alias.asname or alias.name).lstrip("_"): (f"sckg.{node.module}", alias.name)
        for node in block.body
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }
    assert typed == sckg._public()


def test_the_api_offers_every_registered_analysis_and_importer() -> None:
    import sckg
    from sckg.registry import ANALYSES, IMPORTERS

    assert {a.api_name for a in ANALYSES.values()} == {
        "centrality",
        "bridges",
        "communities",
        "impact",
        "cycles",
        "critical_path",
        "gaps",
        "silos",
        "overlap",
        "field_needs",
        "blind_spots",
        "named_partners",
        "unanswered_needs",
    }
    for entry in (*ANALYSES.values(), *IMPORTERS.values()):
        assert getattr(sckg, entry.api_name) is entry.load(), entry.name
        assert entry.api_name in sckg.__all__
    assert sckg.import_table.__name__ == "import_table"
    assert sckg.import_oparl.__name__ == "import_oparl"
    page = (Path(__file__).resolve().parent.parent / "docs" / "api.md").read_text(encoding="utf-8")
    entries = (*ANALYSES.values(), *IMPORTERS.values())
    missing = [e.api_name for e in entries if f"`{e.api_name}" not in page]
    assert missing == [], f"docs/api.md does not name {missing}"


def test_open_takes_one_path_or_several(musterstadt_path: Path, tmp_path: Path) -> None:
    import sckg

    extra = tmp_path / "extra.ttl"
    extra.write_text(
        "<https://example.org/city/x> a <https://w3id.org/sckg/ontology#Project> .", "utf-8"
    )
    count = "SELECT (COUNT(?p) AS ?n) WHERE { ?p a sckg:Project }"
    assert sckg.open(str(musterstadt_path)).select(count).records() == [{"n": 52}]
    assert sckg.open(musterstadt_path).select(count).records() == [{"n": 52}]
    assert sckg.open([musterstadt_path, extra]).select(count).records() == [{"n": 53}]
    assert sckg.open().select(count).records() == [{"n": 5}]  # the bundled Braunschweig data
    assert isinstance(sckg.open(sckg.dataset("musterstadt")), sckg.KnowledgeGraph)


API_DOC = Path(__file__).resolve().parent.parent / "docs" / "api.md"
#: A line of a Python example that states its value: ``EXPRESSION  # → VALUE``.
CLAIM = re.compile(r"^(?P<expr>\S.*?)\s+# → (?P<value>.+)$")


def checked(block: str) -> str:
    """A Python block of the docs with every ``EXPRESSION  # → VALUE`` line turned into a check of
    the value."""
    return "\n".join(
        f"_claim(({m['expr']}), ({m['value']}), {line!r})" if (m := CLAIM.match(line)) else line
        for line in block.splitlines()
    )


def test_the_worked_example_of_docs_api_runs_and_gives_what_it_says(
    tmp_path: Path, monkeypatch
) -> None:
    blocks = re.findall(
        r"^```python\n(.*?)^```$", API_DOC.read_text(encoding="utf-8"), re.DOTALL | re.MULTILINE
    )
    assert len(blocks) == 6
    stated = [line for block in blocks for line in block.splitlines() if "# →" in line]
    assert all(CLAIM.match(line) for line in stated)
    monkeypatch.chdir(tmp_path)
    claims: list[str] = []

    def claim(value: object, expected: object, line: str) -> None:
        assert value == expected, f"docs/api.md: {line}\n    gives {value!r}"
        claims.append(line)

    namespace: dict[str, object] = {
        "_claim": claim,
        "Decimal": Decimal,
    }  # Decimal: in a stated value
    for block in blocks:
        exec(compile(checked(block), str(API_DOC), "exec"), namespace)
    assert claims == stated and len(claims) == 21
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "dependencies.html",
        "dependencies.png",
        "report.html",
        "report.md",
    ]
    assert (tmp_path / "out" / "dependencies.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_repr_of_a_table_is_a_readable_preview(typed: Table, musterstadt: KnowledgeGraph) -> None:
    assert repr(typed) == "\n".join(
        [
            "Table: 2 rows × 7 columns",
            "p                           title          budget  n   start       ok    score",
            f"{EX}a  Alpha          1234.5  3   2025-03-04  True  1.5",
            f"{EX}b  Beta <b> & Co  0.1     12",
        ]
    )
    assert str(typed) == repr(typed)
    table = musterstadt.select(
        "SELECT ?p ?title WHERE { ?p a sckg:Project ; dcterms:title ?title "
        'FILTER(LANG(?title) = "en") } ORDER BY ?p'
    )
    lines = repr(table).splitlines()
    assert lines[:3] == [
        "Table: 52 rows × 2 columns",
        "p                                         title",
        "musterstadt:project/5g-campus-gewerbege…  5G campus network in the northern busin…",
    ]
    assert len(lines) == 2 + 10 + 1
    assert lines[-1] == "… 42 more rows (Table.to_pandas() has all)"
    assert repr(Table(["p"])) == "Table: 0 rows × 1 column\np"


def test_years_and_months_mixed_with_dates_make_a_date_column(
    make_kg, braunschweig: KnowledgeGraph
) -> None:
    kg = make_kg(
        'ex:a ex:d "2015"^^xsd:gYear . ex:b ex:d "2018-11-02"^^xsd:date . '
        'ex:c ex:d "2019-05"^^xsd:gYearMonth .'
    )
    table = kg.select(f"SELECT ?s ?d WHERE {{ ?s <{EX}d> ?d }} ORDER BY ?s")
    frame = table.to_pandas()
    assert str(frame["d"].dtype) == "datetime64[s]"
    assert frame["d"].tolist() == [
        pd.Timestamp("2015-01-01"),  # a year reads as its first day
        pd.Timestamp("2018-11-02"),
        pd.Timestamp("2019-05-01"),
    ]
    assert [r["d"] for r in table.records()] == ["2015", "2018-11-02", "2019-05"]  # as written
    import sckg

    decisions = sckg.run_named(braunschweig, "decisions", lang="en").to_pandas()
    assert str(decisions["date"].dtype) == "datetime64[s]"
    assert sorted(decisions["date"].dt.year) == [2015, 2018, 2018]


def test_lang_is_keyword_only_and_every_output_path_is_named_out() -> None:
    import inspect

    import sckg

    positional, outputs = [], {}
    for name in sckg.__all__:
        value = getattr(sckg, name)
        if not inspect.isfunction(value):
            continue
        parameters = inspect.signature(value).parameters
        if "lang" in parameters and parameters["lang"].kind is not inspect.Parameter.KEYWORD_ONLY:
            positional.append(name)
        if name.startswith("write_") or name == "html_to_pdf":
            outputs[name] = [p for p in parameters if p in ("out", "out_dir", "path", "dest")]
    assert positional == []
    assert outputs == {name: ["out"] for name in outputs}


def test_api_misuse_gets_a_clear_error_not_an_attribute_error(make_kg) -> None:
    """A parameter given as a number, snapshots given as paths and an unknown dataset raised
    AttributeError deep inside, or returned a path that does not exist."""
    import sckg
    from sckg.errors import DataError

    kg = sckg.KnowledgeGraph.open([sckg.dataset("musterstadt")])
    with pytest.raises(SckgError, match="field"):
        sckg.run_named(kg, "projects-by-field", params={"field": 5})
    table = sckg.run_named(kg, "projects-by-field", params={"field": "field:energy"})
    assert table.rows
    with pytest.raises(TypeError) as err:
        sckg.diff_graphs("data/musterstadt", "data/ulm")  # type: ignore[arg-type]
    assert str(err.value) == (
        "diff_graphs compares two KnowledgeGraph objects, not 'str'; for snapshots in files or "
        "stores use sckg.diff.diff_snapshots(old, new)"
    )
    with pytest.raises(DataError) as found:
        sckg.dataset("hamburg")
    assert str(found.value) == (
        "No bundled dataset 'hamburg' (bundled: braunschweig, musterstadt, ulm)"
    )
