"""Hardening of the local commands (issue 14, items 6-11): time limits, all-or-nothing loads,
hostile files (tests/assets/hostile/; the big ones are generated here), special files as --out,
honest errors."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sckg.cli import app
from sckg.errors import DataError, QueryError, StoreError
from sckg.fileio import write_atomic
from sckg.kg import KnowledgeGraph
from sckg.stores import load_store

HOSTILE = Path(__file__).parent / "assets" / "hostile"
ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()
CROSS_JOIN = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f LIMIT 10"


# --- 6: query time limit --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A synthetic city of about 27,000 triples (a cross join on it runs for minutes)."""
    path = tmp_path_factory.mktemp("city") / "city.ttl"
    assert runner.invoke(app, ["generate", "--projects", "1000", "--out", str(path)]).exit_code == 0
    return path


@pytest.mark.parametrize("kind", ["memory", "oxigraph"])
def test_query_timeout_stops_a_cross_join(city: Path, tmp_path: Path, kind: str) -> None:
    store = "memory" if kind == "memory" else f"oxigraph:{tmp_path / 'store'}"
    args = ["query", CROSS_JOIN, "--data", str(city), "--store", store, "--timeout", "2"]
    started = time.perf_counter()
    result = _cli(args)  # in a process of its own: the abandoned query ends with it
    seconds = time.perf_counter() - started
    assert result.returncode == 1
    assert result.stderr == (
        "Error: The query ran over its time limit of 2 s and was stopped; narrow it down (more "
        "specific patterns, LIMIT) or raise --timeout (--timeout 0: no limit).\n"
    )
    assert seconds < 10  # start and loading ~3 s, the limit 2 s (without it: minutes)


@pytest.mark.slow
def test_query_with_timeout_gives_exact_results(braunschweig: KnowledgeGraph) -> None:
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g a sckg:Project }"  # ~2 s
    with pytest.raises(
        QueryError, match=r"time limit of 0.2 s and was stopped; .* raise timeout \(timeout=0: no"
    ):
        braunschweig.select(query, timeout=0.2)
    triples = int(
        braunschweig.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows[0][0].value
    )
    projects = int(
        braunschweig.select("SELECT (COUNT(*) AS ?n) WHERE { ?g a sckg:Project }").rows[0][0].value
    )
    exact = str(triples * triples * projects)  # every pair of triples, once per project
    assert braunschweig.select(query, timeout=60).rows[0][0].value == exact
    assert braunschweig.select(query).rows[0][0].value == exact


def _cli(args: list[str], **options: object) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, str(ROOT / "cli.py"), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        **options,
    )  # type: ignore[call-overload]


# --- 7: load is all or nothing --------------------------------------------------------------------


def _graph_sizes(store: Path) -> dict[str, int]:
    from sckg.stores import graph_sizes

    kg = KnowledgeGraph.open(None, f"oxigraph:{store}")
    try:
        return graph_sizes(kg)
    finally:
        kg.close()


def ctrl_c_while_loading(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    """Press Ctrl-C (SIGINT to this process) just as Oxigraph starts loading ``path``."""
    from sckg.kg import OxigraphBackend

    load_file = OxigraphBackend.load_file

    def pressed(self: OxigraphBackend, file: Path, graph: str) -> None:
        if file == path:
            os.kill(os.getpid(), signal.SIGINT)
        load_file(self, file, graph)

    monkeypatch.setattr(OxigraphBackend, "load_file", pressed)


def test_ctrl_c_during_a_reload_keeps_every_graph_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = tmp_path / "a.ttl", tmp_path / "b.ttl"
    assert (
        runner.invoke(app, ["generate", "--projects", "1500", "--out", str(first)]).exit_code == 0
    )
    assert runner.invoke(app, ["generate", "--projects", "10", "--out", str(second)]).exit_code == 0
    store = tmp_path / "store"
    load_store(f"oxigraph:{store}", [first, second])
    before = _graph_sizes(store)
    assert before[first.resolve().as_uri()] == 40_119
    ctrl_c_while_loading(monkeypatch, first)  # Ctrl-C while the first file replaces its graph
    with pytest.raises(StoreError) as caught:
        load_store(f"oxigraph:{store}", [first, second])
    message = str(caught.value)
    del caught  # its traceback holds the store open
    assert message == (
        "Interrupted: 1 of 2 files were loaded completely; the store still holds the previous "
        f"version of {second}. Run the command again to load the rest."
    )
    assert _graph_sizes(store) == before  # today: the reloaded file's graph was left empty


def test_a_malformed_new_version_leaves_the_old_graph(
    tmp_path: Path, braunschweig_path: Path
) -> None:
    data = tmp_path / "city.ttl"
    data.write_text(
        (braunschweig_path / "projects.ttl").read_text(encoding="utf-8"), encoding="utf-8"
    )
    store = tmp_path / "store"
    load_store(f"oxigraph:{store}", [data])
    before = _graph_sizes(store)
    data.write_text(
        data.read_text(encoding="utf-8") + "\nex:broken ex:triple .\n", encoding="utf-8"
    )
    with pytest.raises(DataError, match=r"city.ttl, line \d+, column \d+: malformed RDF"):
        load_store(f"oxigraph:{store}", [data])
    assert _graph_sizes(store) == before


def test_a_fresh_load_interrupted_in_its_last_file_is_complete(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "a.ttl"
    assert runner.invoke(app, ["generate", "--projects", "1500", "--out", str(data)]).exit_code == 0
    ctrl_c_while_loading(monkeypatch, data)
    report = load_store(
        f"oxigraph:{tmp_path / 'store'}", [data]
    )  # no "Interrupted." when all is there
    assert report.triples == 40_119


# --- 8: entity expansion, long labels -------------------------------------------------------------


def test_rdfxml_entity_expansion_is_refused() -> None:
    bomb = HOSTILE / "entity-bomb.rdf"
    result = runner.invoke(app, ["stats", "--data", str(bomb)])
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {bomb}: the RDF/XML file declares XML entities (<!ENTITY>); sckg does not expand "
        "them (a file of a few bytes can expand to gigabytes). Write the values out.\n"
    )


def test_wrap_label_is_linear() -> None:
    from sckg.viz.style import wrap_label

    assert wrap_label("Aufbau einer Ladeinfrastruktur für Elektrofahrzeuge") == (
        "Aufbau einer\nLadeinfrastruktur für\nElektrofahrzeuge"
    )
    long = "Wort " * 2_000_000  # 10 MB
    started = time.perf_counter()
    assert (
        wrap_label(long)
        == "Wort Wort Wort Wort Wort\nWort Wort Wort Wort Wort\nWort Wort Wort Wort Wor…"
    )
    assert wrap_label("x" * 10_000_000) == "x" * 23 + "-\n" + "x" * 23 + "-\n" + "x" * 23 + "…"
    assert time.perf_counter() - started < 1


def test_viz_of_a_10mb_label_is_fast(tmp_path: Path) -> None:
    data = tmp_path / "long.ttl"
    data.write_text(
        "@prefix sckg: <https://w3id.org/sckg/ontology#> .\n@prefix dcterms: "
        "<http://purl.org/dc/terms/> .\n"
        "<https://example.org/city/p> a sckg:Project ; dcterms:title "
        f'"{"Langer Titel " * 800_000}"@de .\n'
        '<https://example.org/city/q> a sckg:Project ; dcterms:title "Kurz"@de ; '
        "sckg:dependsOn <https://example.org/city/p> .\n",
        encoding="utf-8",
    )
    started = time.perf_counter()
    result = runner.invoke(app, ["viz", "--data", str(data), "--out", str(tmp_path / "map.html")])
    assert result.exit_code == 0, result.output
    assert time.perf_counter() - started < 20
    assert (tmp_path / "map.html").stat().st_size < 3_000_000


def test_report_of_a_10mb_label_is_fast_and_small(tmp_path: Path) -> None:
    data = tmp_path / "long.ttl"
    data.write_text(
        "@prefix sckg: <https://w3id.org/sckg/ontology#> .\n@prefix dcterms: "
        "<http://purl.org/dc/terms/> .\n"
        "<https://example.org/city/p> a sckg:Project ; dcterms:title "
        f'"{"Langer Titel " * 800_000}"@de .\n',
        encoding="utf-8",
    )
    started = time.perf_counter()
    result = runner.invoke(app, ["report", "--data", str(data), "--out", str(tmp_path / "rep")])
    assert result.exit_code == 0, result.output
    assert time.perf_counter() - started < 30  # before: 168 s
    assert (tmp_path / "rep" / "report.html").stat().st_size < 2_000_000  # before: 42 MB
    markdown = (tmp_path / "rep" / "report.md").read_text(encoding="utf-8")
    assert "Langer Titel Langer Titel" in markdown and len(markdown) < 100_000


# --- 9: --out refuses special files ---------------------------------------------------------------


def test_out_refuses_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "p.ttl"
    os.mkfifo(fifo)
    result = runner.invoke(app, ["export", "--format", "ttl", "--out", str(fifo)])
    assert result.exit_code == 1
    assert (
        result.stderr
        == f"Error: {fifo}: not a regular file (a FIFO); sckg writes only regular files.\n"
    )
    assert fifo.is_fifo()


def test_out_refuses_a_link_to_standard_output_and_devices(tmp_path: Path) -> None:
    link = tmp_path / "out.ttl"
    link.symlink_to("/proc/self/fd/1")
    with pytest.raises(
        DataError, match=r"out.ttl: a symbolic link \(to /proc/self/fd/1\); sckg writes only"
    ):
        write_atomic(link, "x")
    assert link.is_symlink()
    with pytest.raises(DataError, match=r"^/dev/null: not a regular file \(a character device\)"):
        write_atomic("/dev/null", "x")
    assert Path("/dev/null").is_char_device()
    write_atomic(tmp_path / "new.ttl", "x")
    write_atomic(tmp_path / "new.ttl", "y")
    assert (tmp_path / "new.ttl").read_text() == "y"


# --- 10: BOM, empty graphs, bad literals, query files, deep JSON ----------------------------------


@pytest.mark.parametrize("command", ["validate", "stats"])
def test_turtle_with_a_byte_order_mark_loads(command: str) -> None:
    result = runner.invoke(app, [command, "--data", str(HOSTILE / "bom.ttl"), "--lang", "en"])
    assert result.exit_code == 0, result.stderr
    kg = KnowledgeGraph.open([HOSTILE / "bom.ttl"])
    assert len(kg.triples()) == 2


def test_report_and_viz_of_a_graph_without_data(tmp_path: Path) -> None:
    empty = HOSTILE / "no-triples.ttl"
    message = (
        f"Error: The graph holds no data (the files given hold no triples: {empty}); "
        "check --data or --store.\n"
    )
    result = runner.invoke(app, ["report", "--data", str(empty), "--out", str(tmp_path / "rep")])
    assert (result.exit_code, result.stderr) == (1, message)
    assert not (tmp_path / "rep").exists()
    result = runner.invoke(app, ["viz", "--data", str(empty), "--out", str(tmp_path / "m.html")])
    assert (result.exit_code, result.stderr) == (1, message)
    assert not (tmp_path / "m.html").exists()


def test_report_writes_both_files_or_none(tmp_path: Path, braunschweig_path: Path) -> None:
    out = tmp_path / "rep"
    out.mkdir()
    (out / "report.html").mkdir()  # report.html cannot be written
    result = runner.invoke(app, ["report", "--data", str(braunschweig_path), "--out", str(out)])
    assert result.exit_code == 1
    assert not (out / "report.md").exists()


def test_validate_and_stats_report_ill_typed_literals() -> None:
    bad = HOSTILE / "bad-decimal.ttl"
    result = runner.invoke(app, ["validate", "--data", str(bad), "--lang", "en", "-f", "json"])
    assert result.exit_code == 1
    findings = json.loads(result.output)["findings"]
    assert [f for f in findings if f["severity"] == "violation"] == [
        {
            "severity": "violation",
            "focus": "https://example.org/city/p",
            "label": "Projekt",
            "rule": "Well-typed literal",
            "shape": "xsd:decimal",
            "message": 'The value "bad-decimal" is not a valid xsd:decimal.',
            "fix": "Write the value in its datatype's form (XML Schema 1.1), e.g. 250000.00 for "
            "xsd:decimal and 2024-03-01 for xsd:date, or leave the datatype out.",
            "path": "sckg:plannedBudget",
            "value": "bad-decimal",
        }
    ]
    result = runner.invoke(app, ["stats", "--data", str(bad), "-f", "json"])
    assert json.loads(result.output)["ill_typed"] == [
        {
            "subject": "https://example.org/city/p",
            "property": "sckg:plannedBudget",
            "value": "bad-decimal",
            "datatype": "xsd:decimal",
        }
    ]


def test_syntax_error_in_a_query_file_names_the_file() -> None:
    rq = HOSTILE / "syntax-error.rq"
    result = runner.invoke(app, ["query", str(rq)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {rq}: SPARQL syntax error at line 5, column 1: ")


def test_deep_json_in_an_oparl_folder_names_the_file(tmp_path: Path) -> None:
    folder = tmp_path / "oparl"
    folder.mkdir()
    (folder / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
    result = runner.invoke(
        app, ["import", "oparl", str(folder), "--out", str(tmp_path / "o.ttl"), "--city", "x"]
    )
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {folder / 'deep.json'}: the JSON is nested too deeply (more than 1,000 levels); "
        "OParl objects are a few levels deep.\n"
    )


# --- 11: viz --png to a folder it cannot write ----------------------------------------------------


def test_viz_png_to_an_unwritable_folder_writes_nothing(
    tmp_path: Path, braunschweig_path: Path
) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file, not a folder")
    html = tmp_path / "map.html"
    result = runner.invoke(app, ["viz", "--out", str(html), "--png", str(blocked / "map.png")])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {blocked / 'map.png'}: cannot be written")
    assert not html.exists()
