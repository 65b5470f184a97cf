"""The CLI and notebook conventions of issue 26: exit codes, runnable named queries, tables that
render, maps that keep pyvis's API, GEXF for Gephi."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sckg.cli import app
from sckg.words import CATALOGUE

runner = CliRunner()


def test_an_unknown_named_query_is_a_usage_error() -> None:
    result = runner.invoke(app, ["query", "projects-by-feld"])
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("Error: Unknown named query 'projects-by-feld'.")


def test_prefixes_are_listed_with_their_namespace_iris() -> None:
    for fmt, line in (
        ("md", r"\| adms \| http://www\.w3\.org/ns/adms# \|\n"),
        ("table", r"adms +http://www\.w3\.org/ns/adms#\n"),  # padded to the longest prefix
        ("csv", r"adms,http://www\.w3\.org/ns/adms#\n"),
    ):
        result = runner.invoke(app, ["queries", "--prefixes", "-f", fmt])
        assert result.exit_code == 0
        assert re.search(r"(?m)^" + line, result.stdout), fmt


def test_show_prints_a_named_query_that_runs_outside_sckg(braunschweig_path: Path) -> None:
    import pyoxigraph as ox

    result = runner.invoke(app, ["queries", "--show", "projects-by-field"])
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert text.startswith("PREFIX ")
    assert "PREFIX sckg: <https://w3id.org/sckg/ontology#>\n" in text
    store = ox.Store()
    for path in sorted(braunschweig_path.glob("*.ttl")):
        store.load(path=str(path), format=ox.RdfFormat.TURTLE)
    rows = list(store.query(text.replace("?lang", '"de"'), use_default_graph_as_union=True))
    assert rows  # parsed and ran without sckg's predeclared prefixes


def test_show_names_an_unknown_query_with_exit_2() -> None:
    result = runner.invoke(app, ["queries", "--show", "nope"])
    assert result.exit_code == 2


def test_stats_markdown_tables_are_separated_by_blank_lines(braunschweig_path: Path) -> None:
    from markdown_it import MarkdownIt

    result = runner.invoke(app, ["stats", "-f", "md"])
    assert result.exit_code == 0, result.output
    html = MarkdownIt("commonmark").enable("table").render(result.stdout)
    assert html.count("<table>") >= 3


def test_a_map_keeps_pyviss_api(musterstadt, tmp_path: Path) -> None:
    from sckg.viz import build_network, write_map

    net = build_network(musterstadt, "dependencies")
    before = len(net.nodes)
    net.add_node("x", label="Neu hinzugefügt")
    net.add_edge("x", net.nodes[0]["id"])
    path = write_map(net, tmp_path / "x.html")
    html = path.read_text(encoding="utf-8")
    assert len(net.nodes) == before + 1
    assert "Neu hinzugefügt" in html


def test_gexf_has_colours_and_positions_and_no_build_date(musterstadt) -> None:
    from sckg.export import export_graph

    first = export_graph(musterstadt, "gexf")["graph.gexf"]
    text = first.decode("utf-8")
    assert "<viz:color" in text and "<viz:position" in text
    assert not re.search(r'lastmodifieddate="\d{4}-\d{2}-\d{2}"', text)
    assert export_graph(musterstadt, "gexf")["graph.gexf"] == first


def test_ctrl_c_exits_130_with_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    import sckg.stats

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(sckg.stats, "statistics", interrupted)
    result = runner.invoke(app, ["stats"])
    assert (result.exit_code, result.stderr) == (130, "Interrupted.\n")


def test_library_errors_name_parameters_not_flags() -> None:
    """Every error a library module (not the CLI) raises names parameters (``{=data}``), not flags
    (``--data``); a quoted command to run (``'sckg push --endpoint URL'``) may name its flags."""
    import ast

    offenders = []
    package = Path(__file__).parent.parent / "sckg"
    for path in sorted(package.rglob("*.py")):
        if path.name.startswith("cli"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Raise) or node.exc is None:
                continue
            called = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
            if isinstance(called, ast.Name) and called.id.startswith("_"):
                # a module's own signal (sckg serve's HTTP refusals), not an error a caller sees
                continue
            texts = [
                c.value
                for c in ast.walk(node.exc)
                if isinstance(c, ast.Constant) and isinstance(c.value, str)
            ]
            text = re.sub(r"'sckg [^']*'", "", "".join(texts))
            if re.search(r"(?<![\w-])--[a-z]", text):
                offenders.append(f"{path.relative_to(package)}:{node.lineno}")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            # a message written in the catalogue: error_message("error.key", ...)
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", "") == "error_message"
                and isinstance(node.args[0], ast.Constant)
            ):
                for text in CATALOGUE[node.args[0].value].values():
                    forms = text.values() if isinstance(text, dict) else [text]
                    if any(
                        re.search(r"(?<![\w-])--[a-z]", re.sub(r"'sckg [^']*'", "", form))
                        for form in forms
                    ):
                        offenders.append(f"{path.relative_to(package)}:{node.lineno}")
    assert offenders == []


def test_a_library_error_names_the_parameter_and_the_cli_the_flag(tmp_path: Path) -> None:
    from sckg.errors import DataError
    from sckg.kg import KnowledgeGraph

    with pytest.raises(DataError, match=r"\(check the data path\)$"):
        KnowledgeGraph.open([tmp_path / "missing.ttl"])
    result = runner.invoke(app, ["stats", "--data", str(tmp_path / "missing.ttl")])
    assert result.stderr.endswith("(check the --data path)\n")


@pytest.mark.parametrize("suffix", [".ods", ".xls"])
def test_an_ods_or_xls_workbook_is_refused_with_how_to_save_it(tmp_path: Path, suffix: str) -> None:
    book = tmp_path / f"inventar{suffix}"
    book.write_bytes(b"PK\x03\x04 not read")
    result = runner.invoke(
        app, ["import", "table", str(book), "--city", "t", "--out", str(tmp_path / "t.ttl")]
    )
    assert (result.exit_code, result.stderr) == (
        1,
        (
            f"Error: {book}: sckg reads .xlsx workbooks, not {suffix}; save it as an Excel "
            "workbook (.xlsx) (LibreOffice: File > Save As > Excel 2007-365) or each sheet as "
            "CSV.\n"
        ),
    )


def test_did_you_mean_finds_a_typo_inside_a_long_label(
    musterstadt_path: Path, tmp_path: Path
) -> None:
    result = runner.invoke(
        app,
        [
            "viz",
            "--data",
            str(musterstadt_path),
            "--focus",
            "Datenplatform",
            "--out",
            str(tmp_path / "m.html"),
        ],
    )
    assert result.exit_code == 2, result.output
    assert "Did you mean: " in result.stderr and "Datenplattform" in result.stderr
