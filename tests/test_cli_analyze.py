"""``sckg analyze ...`` in-process: formats, notes on stderr, errors without traceback and with exit
codes."""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from sckg import resources
from sckg.cli import app

MUSTERSTADT = str(resources.dataset("musterstadt"))
MS = "https://w3id.org/sckg/id/musterstadt/"


def run(*args: str) -> object:
    result = CliRunner().invoke(app, ["analyze", *args, "--data", MUSTERSTADT])
    return result


@pytest.mark.parametrize(
    "command",
    [
        ["centrality"],
        ["bridges"],
        ["communities"],
        ["impact", "Glasfaser-Backbone für städtische Standorte"],
        ["cycles"],
        ["critical-path"],
        ["gaps"],
        ["silos"],
        ["overlap"],
    ],
)
def test_every_command_prints_json_rows_with_a_reason(command: list[str]):
    result = run(*command, "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert rows and all(row["reason"] for row in rows)


def test_silos_as_csv_in_english():
    result = run("silos", "--format", "csv", "--lang", "en")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [
        (r["field"], r["department"], r["other_department"], r["projects"], r["other_projects"])
        for r in rows
    ] == [
        (
            "Smart living",
            "Department V – Social Affairs, Health and Housing",
            "Department VI – Urban Development and Building",
            "2",
            "2",
        )
    ]


def test_critical_path_markdown_and_note_on_stderr():
    result = run("critical-path", "--by", "duration", "--format", "md", "--lang", "en")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "| step | label | start | end | days | reason | iri |"
    assert len(lines) == 2 + 5
    assert (
        "Longest chain (by duration): 5 projects, 3527 days of running time together."
        in result.stderr
    )


def test_centrality_sample_note_and_top():
    result = run("centrality", "--sample", "5", "--top", "2", "--format", "csv")
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == 3
    assert result.stderr.startswith(
        "Betweenness geschätzt aus 5 von 50 Startknoten (Zufallsauswahl, Seed 42)"
    )


def test_impact_upstream_with_a_short_iri():
    result = run("impact", "musterstadt:project/lorawan-netz", "--upstream", "--format", "json")
    assert result.exit_code == 0, result.output
    assert [row["iri"] for row in json.loads(result.stdout)] == [MS + "project/glasfaser-backbone"]


def test_impact_unknown_project_suggests_names():
    result = run("impact", "Glasfaser-Backbon")
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "Error: PROJECT 'Glasfaser-Backbon': no such project (give its IRI, prefixed name "
        "such as musterstadt:project/wlan, or label). Did you mean: "
    )
    assert "'Glasfaser-Backbone für städtische Standorte'" in result.stderr
    assert "Traceback" not in result.output


def test_impact_of_something_that_is_no_project():
    """A usage error as for a label that names no project (it was exit 1, a label exit 2)."""
    result = run("impact", "musterstadt:actor/kulturamt")
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: 'musterstadt:actor/kulturamt' is not a project (no sckg:Project "
        f"{MS}actor/kulturamt); impact follows sckg:dependsOn between projects.\n"
    )


def test_bad_option_values_are_usage_errors():
    assert run("centrality", "--by", "fame").exit_code == 2
    assert run("bridges", "--projection", "people").exit_code == 2
    result = run("gaps", "--top", "-1")
    assert result.exit_code == 2
    assert result.stderr == "Error: --top must be 0 (all) or more, got -1\n"


def test_help_lists_every_analysis():
    result = CliRunner().invoke(app, ["analyze", "--help"])
    assert result.exit_code == 0
    for name in (
        "centrality",
        "bridges",
        "communities",
        "impact",
        "cycles",
        "critical-path",
        "gaps",
        "silos",
        "overlap",
    ):
        assert name in result.stdout
