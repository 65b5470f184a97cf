"""The command line: help everywhere, documented in docs/commands.md and linked from the README,
clear errors and exit codes, no traceback."""

import json
import re
from pathlib import Path

import pytest
from test_docs import command_tree
from typer.testing import CliRunner

from sckg.cli import app
from sckg.registry import ANALYSES

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()


def test_every_command_has_help_a_reference_and_a_link_from_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    reference = (ROOT / "docs" / "commands.md").read_text(encoding="utf-8").splitlines()
    commands = list(command_tree())
    assert {"validate", "query", "queries", "stats"} <= set(commands)
    for name in commands:
        result = runner.invoke(app, [*name.split(), "--help"])
        assert result.exit_code == 0, name
        summary = result.output.split("Options")[0]
        assert len(re.sub(r"\s+", " ", summary)) > len(name) + 40, f"'{name}' explains too little"
        assert f"## sckg {name}" in reference, f"docs/commands.md has no section for 'sckg {name}'"
        anchor = "sckg-" + name.replace(" ", "-")
        if name.startswith("analyze ") and name.split()[1] in ANALYSES:  # the registry lists them
            assert "(docs/analyses.md)" in readme, "README does not link to docs/analyses.md"
            continue
        assert f"(docs/commands.md#{anchor})" in readme, (
            f"README does not link to the reference of 'sckg {name}'"
        )


def test_no_arguments_shows_help_and_version_works() -> None:
    result = runner.invoke(app, [])
    assert "Usage:" in result.output
    assert runner.invoke(app, ["--version"]).output == "sckg 0.1.0\n"


def test_query_named_csv(braunschweig_path: Path) -> None:
    result = runner.invoke(
        app, ["query", "projects-by-field", "--data", str(braunschweig_path), "-f", "csv"]
    )
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == "fieldLabel,projectLabel,statusLabel,project,field"
    assert lines[1].startswith(
        "Smart Mobility,Aufbau einer Ladeinfrastruktur für Elektrofahrzeuge,,https://"
    )
    assert len(lines) == 3


def test_query_inline_json_with_param() -> None:
    result = runner.invoke(
        app,
        [
            "query",
            "SELECT ?t WHERE { ?p dcterms:title ?t FILTER(lang(?t) = ?lang && ?p = ?project) }",
            "--param",
            "project=https://w3id.org/sckg/id/braunschweig/project/handyparken",
            "--lang",
            "en",
            "-f",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == [{"t": "Mobile phone parking (Handyparken)"}]


def test_a_long_inline_query_runs_as_sparql_not_as_a_file_name() -> None:
    # a query without "/" longer than a file name may be (255 bytes) made is_file() raise
    text = "a" * 300
    result = runner.invoke(
        app, ["query", f'SELECT ?x WHERE {{ BIND("{text}" AS ?x) }}', "-f", "csv"]
    )
    assert result.exit_code == 0, result.output
    assert result.output == f"x\n{text}\n"


def test_an_inline_query_binds_numbers_and_typed_literals_as_written(
    musterstadt_path: Path,
) -> None:
    """``-p min=1000000`` was bound as the string "1000000": a numeric filter found nothing."""
    budgets = "SELECT ?v WHERE { ?b schema:value ?v FILTER(?v >= ?min) } ORDER BY DESC(?v)"
    args = ["query", budgets, "-d", str(musterstadt_path), "-f", "csv", "-p", "min=4000000"]
    result = runner.invoke(app, args)
    assert (result.exit_code, result.stdout) == (0, "v\n6200000\n4800000\n")
    kinds = "SELECT (datatype(?x) AS ?type) (lang(?x) AS ?language) (str(?x) AS ?text) WHERE { }"
    for value, row in [
        ("12", "http://www.w3.org/2001/XMLSchema#integer,,12"),
        ("1.5", "http://www.w3.org/2001/XMLSchema#decimal,,1.5"),
        ("1e3", "http://www.w3.org/2001/XMLSchema#double,,1000"),
        ('"1.5"^^xsd:decimal', "http://www.w3.org/2001/XMLSchema#decimal,,1.5"),
        ('"2024-03-01"^^xsd:date', "http://www.w3.org/2001/XMLSchema#date,,2024-03-01"),
        ('"Wärme"@de', "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString,de,Wärme"),
        ("12 Monate", "http://www.w3.org/2001/XMLSchema#string,,12 Monate"),
        ("2024-03-01", "http://www.w3.org/2001/XMLSchema#string,,2024-03-01"),
    ]:
        result = runner.invoke(app, ["query", kinds, "-f", "csv", "-p", f"x={value}"])
        assert (result.exit_code, result.stdout) == (0, f"type,language,text\n{row}\n"), value


@pytest.mark.parametrize(
    ("params", "message"),
    [
        (["a-b=5"], "--param: 'a-b' is not a variable name (letters, digits and _)"),
        (["a}=5"], "--param: 'a}' is not a variable name (letters, digits and _)"),
        (["a=5", "a=6"], "--param: 'a' is given twice"),
        (
            ['a="1"^^nope:decimal'],
            '--param a: \'"1"^^nope:decimal\' is not an RDF literal; write "text", '
            '"1.5"^^xsd:decimal, "text"@de or a number',
        ),
    ],
)
def test_an_inline_querys_bad_parameters_are_usage_errors(params: list[str], message: str) -> None:
    args = ["query", "SELECT ?a WHERE { }", "--lang", "en"]
    result = runner.invoke(app, [*args, *(a for p in params for a in ("-p", p))])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"Error: {message}\n"


def test_an_unknown_prefix_is_named_with_the_full_iri_to_write() -> None:
    """Tables print city IRIs as ``musterstadt:project/…``; SPARQL has no such prefix, and the
    engine's error listed character classes."""
    result = runner.invoke(
        app, ["query", "DESCRIBE musterstadt:project/lorawan-netz", "--lang", "en"]
    )
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: SPARQL syntax error at line 1, column 29: unknown prefix 'musterstadt:' (declare "
        "it with PREFIX, or use one of 'sckg queries --prefixes'); write the full IRI "
        "<https://w3id.org/sckg/id/musterstadt/project/lorawan-netz>\n"
        "  DESCRIBE musterstadt:project/lorawan-netz\n"
        "                              ^\n"
    )
    result = runner.invoke(app, ["query", "SELECT * WHERE { ?s foo:bar ?o }", "--lang", "de"])
    assert result.stderr.startswith(
        "Fehler: SPARQL-Syntaxfehler in Zeile 1, Spalte 28: unbekanntes Präfix 'foo:' (mit PREFIX "
        "deklarieren oder eines aus 'sckg queries --prefixes' nehmen)\n"
    )


@pytest.mark.parametrize("fmt", ["csv", "json", "md"])
def test_a_graph_query_with_a_table_format_is_a_usage_error(fmt: str) -> None:
    """A CONSTRUCT printed Turtle whatever --format asked for: a script reading JSON failed."""
    construct = "CONSTRUCT { ?p a sckg:Project } WHERE { ?p a sckg:Project }"
    result = runner.invoke(app, ["query", construct, "-f", fmt, "--lang", "en"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"Error: --format {fmt}: a CONSTRUCT query gives a graph, which is printed as Turtle; "
        "leave out --format, or SELECT the columns you need\n"
    )
    result = runner.invoke(app, ["query", "DESCRIBE field:energy", "-f", fmt])
    assert result.exit_code == 2
    assert runner.invoke(app, ["query", construct]).stdout.startswith("@prefix")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["present", "-o", "deck.pdf"], "--out: deck.pdf must end in .html"),
        (["present", "--pdf", "deck.html"], "--pdf: deck.html must end in .pdf"),
        (["report", "--pdf", "r.txt"], "--pdf: r.txt must end in .pdf"),
        (["export", "-f", "xlsx", "--out", "x.csv"], "--out: x.csv must end in .xlsx"),
        (["export", "-f", "ttl", "--out", "x.nt"], "--out: x.nt must end in .ttl"),
        (["export", "-f", "jsonld", "--out", "x.ttl"], "--out: x.ttl must end in .jsonld or .json"),
        (
            ["import", "table", "data/templates", "--city", "t", "--out", "t.csv"],
            "--out: t.csv must end in .ttl",
        ),
        (
            ["compare", "-d", "data/ulm", "-d", "data/braunschweig", "--chart", "h.pdf"],
            "--chart: h.pdf must end in .png or .svg",
        ),
        (["prioritise", "--template", "t.csv"], "--template: t.csv must end in .xlsx"),
    ],
)
def test_a_file_named_for_another_format_is_refused_before_any_work(
    args: list[str], message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """present -o deck.pdf wrote HTML, report --pdf r.txt a PDF, export -f xlsx --out x.csv a
    workbook: each file opened in the wrong program."""
    monkeypatch.chdir(tmp_path)  # the data in the repository, the outputs (none) here
    args = [str(ROOT / arg) if arg.startswith("data/") else arg for arg in args]
    result = runner.invoke(app, [*args, "--lang", "en"] if args[0] != "import" else args)
    assert (result.exit_code, result.stdout) == (2, ""), result.output
    assert result.stderr == f"Error: {message}\n"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "args", [["export", "-f", "ttl"], ["export", "-f", "nt"], ["generate", "--projects", "2"]]
)
def test_out_dash_writes_to_standard_output_as_the_reference_says(
    args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """docs/commands.md: "the text of a file written to `-` or with no --out" goes to stdout; `-o -`
    wrote a file named "-"."""
    monkeypatch.chdir(tmp_path)
    dash = runner.invoke(app, [*args, "--out", "-"])
    plain = runner.invoke(app, args)
    assert (dash.exit_code, plain.exit_code) == (0, 0), dash.output
    assert dash.stdout == plain.stdout != ""
    assert list(tmp_path.iterdir()) == []


def test_query_ask_and_rq_file(tmp_path: Path) -> None:
    assert runner.invoke(app, ["query", "ASK { ?p a sckg:Project }"]).output == "true\n"
    rq = tmp_path / "count.rq"
    rq.write_text("# title: Count\nSELECT (COUNT(*) AS ?n) WHERE { ?p a sckg:Project }\n")
    assert runner.invoke(app, ["query", str(rq), "-f", "csv"]).output == "n\n5\n"


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["query", "no-such-question"], 2, "Error: Unknown named query 'no-such-question'."),
        (["query", "SELECT * WHERE { ?s ?p }"], 1, "Error: SPARQL syntax error at line 1, column "),
        (["query", "projects-by-field", "--param", "nope=1"], 2, "Error: Unknown parameter 'nope'"),
        (
            ["query", "projects-by-field", "--param", "nope"],
            2,
            "Error: --param expects name=value, got 'nope'",
        ),
        (["stats", "--data", "does/not/exist"], 1, "Error: does/not/exist: no such file or folder"),
        (["validate", "--store", "mongo:x"], 2, "Error: Unknown store 'mongo:x'."),
        (
            ["query", "SELECT * WHERE { SERVICE <http://example.org/s> { ?s ?p ?o } }"],
            1,
            "Error: The query uses SERVICE, which would send a request to another host.",
        ),
    ],
)
def test_errors_are_one_line_with_exit_code(args: list[str], code: int, message: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == code
    assert result.stderr.startswith(message)
    assert "Traceback" not in result.output + result.stderr


def test_malformed_turtle_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix ex: <https://example.org/> .\nex:a ex:b .\n")
    result = runner.invoke(app, ["validate", "--data", str(bad)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {bad}, line 2, column ")


def test_validate_exit_codes_and_json(braunschweig_path: Path, turtle_file) -> None:
    result = runner.invoke(app, ["validate", "--data", str(braunschweig_path), "--lang", "en"])
    assert result.exit_code == 0
    assert result.output.startswith("0 violations, 16 warnings (open points)\n")
    doc = json.loads(runner.invoke(app, ["validate", "-f", "json"]).output)
    assert (doc["conforms"], doc["violations"], doc["warnings"]) == (True, 0, 16)
    broken = turtle_file("ex:p a sckg:Project ; sckg:managedBy ex:u .")
    result = runner.invoke(app, ["validate", "--data", str(broken)])
    assert result.exit_code == 1
    assert result.output.startswith("1 Verstoß, 3 Warnungen (offene Punkte)\n\nVERSTOSS")


def test_stats_counts_classes_and_sources(braunschweig_path: Path) -> None:
    result = runner.invoke(app, ["stats", "--data", str(braunschweig_path), "-f", "json"])
    doc = json.loads(result.output)
    assert doc["triples"] == 486  # with the planned outputs of the phases (issue 24)
    counts = {c["name"]: c["count"] for c in doc["classes"]}
    assert counts["sckg:Project"] == 5
    assert counts["oparl:Consultation"] == 2
    assert [(s["date"], s["entities"]) for s in doc["sources"]] == [("2018-10-26", 61)]


def test_stats_csv_is_one_table_a_spreadsheet_opens(braunschweig_path: Path) -> None:
    """``-f csv`` printed the count of triples as a loose line ("486 Tripel") and the tables one
    after another with titles between them: no CSV reader reads that."""
    import csv
    import io

    result = runner.invoke(app, ["stats", "--data", str(braunschweig_path), "-f", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == ["section", "name", "label", "count", "date", "iri"]
    assert all(len(row) == 6 for row in rows)
    assert rows[1] == ["triples", "", "", "486", "", ""]
    by_section = {(r[0], r[1]): r for r in rows[1:]}
    assert by_section["class", "sckg:Project"] == [
        "class",
        "sckg:Project",
        "Projekt",
        "5",
        "",
        "https://w3id.org/sckg/ontology#Project",
    ]
    assert [r[3:5] for r in rows if r[0] == "source"] == [["61", "2018-10-26"]]
    assert {r[0] for r in rows[1:]} == {"triples", "class", "property", "source"}


def test_stats_speaks_the_language_asked_for(braunschweig_path: Path) -> None:
    """The count of triples and the tables' titles were English with ``--lang de``."""
    german = runner.invoke(app, ["stats", "--data", str(braunschweig_path), "-f", "md"])
    english = runner.invoke(
        app, ["stats", "--data", str(braunschweig_path), "-f", "md", "--lang", "en"]
    )
    assert german.output.splitlines()[:3] == ["486 Tripel", "", "**Klassen**"]
    assert english.output.splitlines()[:3] == ["486 triples", "", "**Classes**"]
    assert "**Eigenschaften**" in german.output and "**Quellen**" in german.output


def test_queries_lists_the_library() -> None:
    result = runner.invoke(app, ["queries", "-f", "csv", "--lang", "de"])
    assert "goals-without-projects,Ziele ohne Projekte,," in result.output
    assert "projects-by-field,Projekte nach Handlungsfeld,field(iri)," in result.output
