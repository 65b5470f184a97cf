"""Literals of the datatypes the shapes check: both engines find the same, and nothing but sckg's
words reaches the user (no rdflib traceback, no library warning)."""

from __future__ import annotations

import subprocess
import sys
import warnings
from pathlib import Path

import pytest

from sckg.kg import KnowledgeGraph
from sckg.namespaces import DCTERMS, SCHEMA, XSD
from sckg.shacl_sparql import ill_typed
from sckg.stats import statistics
from sckg.validate import validate

ROOT = Path(__file__).resolve().parent.parent
EX = "https://example.org/city/"

#: The dates of issue 12: 30 February, 29 February of a common year, 31 April, 31 June; 29 February
#: 2024 is fine.
IMPOSSIBLE_DATES = """
ex:a schema:startDate "2024-02-30"^^xsd:date .
ex:b schema:startDate "2023-02-29"^^xsd:date .
ex:c schema:endDate "2024-04-31"^^xsd:date .
ex:d dcterms:date "2024-06-31"^^xsd:date .
ex:e schema:startDate "2024-02-29"^^xsd:date ; dcterms:date "2000-02-29"^^xsd:date ,\
 "2024"^^xsd:gYear .
"""


@pytest.mark.parametrize("engine", ["sparql", "pyshacl"])
def test_impossible_dates_are_violations_in_both_engines(make_kg, engine: str) -> None:
    report = validate(make_kg(IMPOSSIBLE_DATES), lang="en", engine=engine)
    assert [(f.focus.removeprefix(EX), f.shape, f.value) for f in report.findings] == [
        ("a", "shapes:StartDate", "2024-02-30"),
        ("b", "shapes:StartDate", "2023-02-29"),
        ("c", "shapes:EndDate", "2024-04-31"),
        ("d", "shapes:Date", "2024-06-31"),
    ]


def test_ill_typed_among_pairs_checks_only_those_and_stats_finds_every_one(make_kg) -> None:
    kg = make_kg(IMPOSSIBLE_DATES + 'ex:f ex:flag "TRUE"^^xsd:boolean ; ex:n "1"^^xsd:integer .')

    def found(rows: list) -> list[tuple[str, str, str]]:
        return [(s.value.removeprefix(EX), p.value.rsplit("/", 1)[-1], o.value) for s, p, o in rows]

    every = [
        ("a", "startDate", "2024-02-30"),
        ("b", "startDate", "2023-02-29"),
        ("c", "endDate", "2024-04-31"),
        ("d", "date", "2024-06-31"),
        ("f", "flag", "TRUE"),
    ]
    assert found(ill_typed(kg)) == every
    # the pairs the caller knows the data to hold: the others are not looked at
    among = {(SCHEMA + "startDate", XSD + "date"), (EX + "flag", XSD + "boolean")}
    assert found(ill_typed(kg, among=among)) == [every[0], every[1], every[4]]
    assert ill_typed(kg, among={(DCTERMS + "date", XSD + "gYear")}) == []
    assert ill_typed(kg, among=set()) == []
    # stats counts the pairs as it counts the properties, and finds every one
    result = statistics(kg)
    assert [(i.subject.removeprefix(EX), i.value) for i in result.ill_typed] == [
        (s, v) for s, _, v in every
    ]
    counts = {p.name: p.count for p in result.properties}
    assert (counts["schema:startDate"], counts["dcterms:date"], counts["schema:endDate"]) == (
        3,
        3,
        1,
    )
    assert result.triples == 9


@pytest.mark.parametrize("engine", ["sparql", "pyshacl"])
def test_cli_prints_only_the_findings_no_library_text(turtle_file, engine: str) -> None:
    path = turtle_file(IMPOSSIBLE_DATES + 'ex:f ex:flag "TRUE"^^xsd:boolean .')
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "cli.py"),
            "validate",
            "--data",
            str(path),
            "--engine",
            engine,
            "--lang",
            "en",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert done.stderr == ""
    assert done.returncode == 1
    # the four dates, and "TRUE", which is no xsd:boolean (true, false, 1, 0): every literal is
    # checked
    assert done.stdout.startswith("5 violations, 0 warnings (open points)\n")
    assert 'VIOLATION f: The value "TRUE" is not a valid xsd:boolean.' in done.stdout


def test_ill_typed_literals_convert_to_rdflib_silently(make_kg, capfd, caplog) -> None:
    kg: KnowledgeGraph = make_kg('ex:a ex:d "2023-02-29"^^xsd:date ; ex:b "yes"^^xsd:boolean .')
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        graph = kg.to_rdflib()
    assert len(graph) == 2
    assert [str(w.message) for w in caught] == []
    assert capfd.readouterr() == ("", "")
    assert caplog.records == []


@pytest.mark.parametrize("engine", ["sparql", "pyshacl"])
def test_findings_quote_the_value_as_the_data_writes_it(make_kg, engine: str) -> None:
    kg = make_kg(
        'ex:b a schema:MonetaryAmount ; schema:value "TRUE"^^xsd:boolean ; schema:currency "EUR" .'
    )
    [finding] = validate(kg, engine=engine).findings
    assert (finding.shape, finding.value) == (
        "shapes:MonetaryAmountValue",
        "TRUE",
    )  # rdflib would write "true"
