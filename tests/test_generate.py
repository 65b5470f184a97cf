"""The synthetic city: deterministic, labelled synthetic, valid against the shapes, with hubs and
chains."""

from __future__ import annotations

import statistics
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sckg.cli import app
from sckg.errors import UsageError
from sckg.generate import generate
from sckg.kg import KnowledgeGraph
from sckg.network.dependencies import critical_path, cycles
from sckg.validate import validate


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    path = tmp_path_factory.mktemp("synthetic") / "city.ttl"
    path.write_text(generate(300, seed=5), encoding="utf-8")
    return KnowledgeGraph.open([path])


def test_same_seed_same_city_other_seed_other_city():
    assert generate(40, seed=3) == generate(40, seed=3)
    assert generate(40, seed=3) != generate(40, seed=4)


def test_size_and_labels(city: KnowledgeGraph):
    counts = city.select(
        "SELECT (COUNT(DISTINCT ?p) AS ?projects) (COUNT(DISTINCT ?synthetic) AS ?labelled) WHERE "
        "{ ?p a sckg:Project ; dcterms:title ?t . OPTIONAL { ?p dcterms:title ?s "
        "FILTER(CONTAINS(STR(?s), '(synthetisch)')) BIND(?p AS ?synthetic) } }"
    ).records()[0]
    assert counts == {"projects": 300, "labelled": 300}
    triples = city.select(
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), 'file:')) "
        "}"
    )
    assert 25 * 300 < triples.records()[0]["n"] < 30 * 300


def test_dataset_node_says_fictional(city: KnowledgeGraph):
    rows = city.select(
        "SELECT ?d ?title WHERE { ?d a sckg:Dataset ; sckg:fictional true ; dcterms:title ?title }"
    )
    assert sorted(r["title"] for r in rows.records()) == [
        "Synthetic city (300 projects, seed 5)",
        "Synthetische Stadt (300 Projekte, Seed 5)",
    ]


def test_valid_against_the_shapes(city: KnowledgeGraph):
    report = validate(city)
    assert report.violations == []
    assert report.conforms


def test_hubs_chains_and_a_cycle(city: KnowledgeGraph):
    per_actor = city.select(
        "SELECT ?a (COUNT(DISTINCT ?p) AS ?n) WHERE { VALUES ?t { org:OrganizationalUnit "
        "org:FormalOrganization } ?a a ?t OPTIONAL { ?p "
        "sckg:managedBy|sckg:hasParticipant|sckg:contractor ?a } } GROUP BY ?a"
    ).records()
    projects = sorted((r["n"] for r in per_actor), reverse=True)
    assert projects[0] >= 8 * statistics.median(
        projects
    )  # a few hubs, many small actors, some idle ones
    assert 0 in projects
    assert len(cycles(city)) == 1
    assert len(critical_path(city)) >= 4


def test_at_least_one_project():
    with pytest.raises(UsageError) as error:
        generate(0)
    assert str(error.value) == "projects must be at least 1, got 0"
    result = CliRunner().invoke(app, ["generate", "--projects", "0"])
    assert (result.exit_code, result.stderr) == (2, "Error: --projects must be at least 1, got 0\n")


def test_cli_writes_the_file(tmp_path: Path):
    out = tmp_path / "city.ttl"
    result = CliRunner().invoke(
        app, ["generate", "--projects", "20", "--seed", "2", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8") == generate(20, seed=2)
    assert "Wrote a synthetic city with 20 projects (seed 2) to" in result.output
