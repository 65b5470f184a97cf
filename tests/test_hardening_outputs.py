"""Outputs that open right in the tool that reads them (issue 14, items 13-16): Markdown rendered by a
CommonMark renderer, CSV read by Python's csv module, pandas and German Excel, the xlsx round trip, GEXF and
GraphML for Gephi, and the SPARQL store over redirects."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sckg.cli import app
from sckg.output import render

HOSTILE = Path(__file__).parent / "assets" / "hostile"
runner = CliRunner()


# --- 14: CSV ------------------------------------------------------------------------------------------------


def test_csv_quotes_every_field_with_a_line_break() -> None:
    text = render(["label", "n"], [["\r=1+1", 1], ["a\nb", 2], ["plain", 3]], "csv")
    assert text == 'label,n\n"\'\r=1+1",1\n"a\nb",2\nplain,3\n'
    assert list(csv.reader(io.StringIO(text, newline=""))) == [
        ["label", "n"], ["'\r=1+1", "1"], ["a\nb", "2"], ["plain", "3"]
    ]


def test_query_csv_of_a_label_with_a_carriage_return(tmp_path: Path) -> None:
    result = runner.invoke(app, ["query", "SELECT ?t WHERE { ?p a sckg:Project ; dcterms:title ?t }", "--data",
                                 str(HOSTILE / "cr-label.ttl"), "-f", "csv"])
    assert result.exit_code == 0, result.output
    assert list(csv.reader(io.StringIO(result.stdout, newline=""))) == [["t"], ["'\r=1+1"]]


def test_no_formula_guard_keeps_values_for_machines() -> None:
    rows = [["-5 % Energie", -5, Decimal("0.5")], ["=SUM(A1)", 3, 1.25]]
    assert render(["a", "b", "c"], rows, "csv") == "a,b,c\n'-5 % Energie,-5,0.5\n'=SUM(A1),3,1.25\n"
    assert render(["a", "b", "c"], rows, "csv", formula_guard=False) == "a,b,c\n-5 % Energie,-5,0.5\n=SUM(A1),3,1.25\n"


def test_excel_dialect_for_german_excel() -> None:
    rows = [["Straßenbeleuchtung; LED", 250000, Decimal("0.5")], ["=1+1", -5, 1.25]]
    text = render(["Projekt", "Budget", "Anteil"], rows, "csv", csv_dialect="excel")
    assert text == ('\ufeffProjekt;Budget;Anteil\r\n"Straßenbeleuchtung; LED";250000;0,5\r\n'
                    "'=1+1;-5;1,25\r\n")
    pandas = pytest.importorskip("pandas")
    frame = pandas.read_csv(io.StringIO(text.removeprefix("\ufeff")), sep=";", decimal=",")
    assert frame["Anteil"].tolist() == [0.5, 1.25]


def test_export_and_query_take_the_csv_options(tmp_path: Path) -> None:
    out = tmp_path / "csv"
    result = runner.invoke(app, ["export", "--format", "csv", "--out", str(out), "--csv-dialect", "excel",
                                 "--no-formula-guard"])
    assert result.exit_code == 0, result.output
    nodes = (out / "nodes.csv").read_bytes()
    assert nodes.startswith("\ufeffId;Label;".encode())
    result = runner.invoke(app, ["query", "SELECT ?x WHERE { VALUES ?x { \"-5 % Energie\" } }", "-f", "csv",
                                 "--no-formula-guard"])
    assert result.stdout == "x\n-5 % Energie\n"
    help_text = runner.invoke(app, ["query", "--help"]).output
    assert "--no-formula-guard" in help_text and "--csv-dialect" in help_text
