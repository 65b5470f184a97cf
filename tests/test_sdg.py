"""The SDG frame: ``ontology/vocab/sdg.ttl`` (built by ``sckg.ingest.sdg`` from the UN's SKOS)
holds the 17 goals, 169 targets and the indicators, and is loaded only when a job asks for it."""

from __future__ import annotations

from pathlib import Path

import pytest

from sckg import resources
from sckg.errors import DataError, ParameterError
from sckg.ingest import turtle
from sckg.ingest.sdg import CITATION, GERMAN_GOALS, PREFIXES, convert, main
from sckg.kg import KnowledgeGraph

COMMIT = "0ae578bacb1f4339596f5a6a19338457e4b22ba3"
SDG = "http://metadata.un.org/sdg/"
GOAL_COUNT = "SELECT (COUNT(?g) AS ?n) WHERE { ?g a <http://metadata.un.org/sdg/ontology#Goal> }"


def _source(tmp_path: Path, goals: int = 17) -> Path:
    """A source shaped like the UN's file: 17 goals, one target and one indicator under goal 11."""
    lines = [
        "@prefix sdg: <http://metadata.un.org/sdg/> .",
        "@prefix sdgo: <http://metadata.un.org/sdg/ontology#> .",
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .",
    ]
    for n in range(1, goals + 1):
        lines.append(
            f'sdg:{n} a sdgo:Goal, skos:Concept ; skos:prefLabel "Goal {n}"@en, "Objectif {n}"@fr ;'
            f' skos:altLabel "Short {n}"@en ; skos:note "Goal {n}"@en ;'
            f' skos:notation "{n}"^^sdgo:SDGCodeCompact, "{n:02}"^^sdgo:SDGCode .'
        )
    lines += [
        "sdg:11.2 a sdgo:Target, skos:Concept ; skos:broader sdg:11 ; skos:narrower sdg:C110201 ;"
        ' skos:prefLabel "By 2030, provide access to transport"@en ;'
        ' skos:notation "11.2"^^sdgo:SDGCodeCompact ; sdgo:isTargetOf sdg:11 .',
        "sdg:C110201 a sdgo:Indicator, skos:Concept ; skos:broader sdg:11.2 ;"
        ' sdgo:tier sdgo:tier_II ; skos:prefLabel "Proportion of population"@en ;'
        ' skos:notation "11.2.1"^^sdgo:SDGCodeCompact ; sdgo:custodianAgency "UN-Habitat" .',
    ]
    path = tmp_path / "sdg-kos.ttl"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def frame() -> KnowledgeGraph:
    kg = KnowledgeGraph.open([resources.dataset("ulm")])
    kg.use_vocabulary("sdg")
    return kg


def test_the_converter_keeps_kind_hierarchy_code_and_english_labels(tmp_path: Path) -> None:
    text = turtle(convert(_source(tmp_path), COMMIT), PREFIXES).decode("utf-8")
    indicator = text[text.index("sdg:C110201 ") :].split(" .\n")[0]
    assert indicator == (
        "sdg:C110201 a sdgo:Indicator , skos:Concept ;\n\tskos:broader sdg:11.2 ;\n"
        '\tskos:inScheme <http://metadata.un.org/sdg> ;\n\tskos:notation "11.2.1" ;\n'
        '\tskos:prefLabel "Proportion of population"@en'
    )
    for dropped in ("@fr", "skos:note", "narrower", "isTargetOf", "tier", "UN-Habitat", '"11"^^'):
        assert dropped not in text
    assert '"Nachhaltige Städte und Gemeinden"@de' in text
    assert text == turtle(convert(_source(tmp_path), COMMIT), PREFIXES).decode("utf-8")


def test_the_converter_refuses_another_file(tmp_path: Path) -> None:
    with pytest.raises(DataError) as error:
        convert(_source(tmp_path, goals=3), COMMIT)
    assert str(error.value) == (
        f"{tmp_path / 'sdg-kos.ttl'}: 3 goals, expected 17; "
        "give sdg-data/sdg-kos-goals-targets-indicators.ttl"
    )


def test_the_frame_is_not_in_every_graph() -> None:
    assert "sdg.ttl" not in [p.name for p in resources.model_files()]
    kg = KnowledgeGraph.open([resources.dataset("ulm")])
    assert kg.select(GOAL_COUNT).rows[0][0].value == "0"


SDGO = "PREFIX sdgo: <http://metadata.un.org/sdg/ontology#>\n"


def test_the_shipped_frame(frame: KnowledgeGraph) -> None:
    rows = frame.select(
        SDGO
        + """SELECT ?kind (COUNT(DISTINCT ?c) AS ?n)
        (COUNT(DISTINCT ?en) AS ?labelled) (COUNT(DISTINCT ?code) AS ?coded) WHERE {
        ?c a ?kind ; skos:inScheme <http://metadata.un.org/sdg> VALUES ?kind { sdgo:Goal
        sdgo:Target sdgo:Indicator } OPTIONAL { ?c skos:prefLabel ?en FILTER(LANG(?en) = "en") }
        OPTIONAL { ?c skos:notation ?code } } GROUP BY ?kind ORDER BY ?kind"""
    )
    # as in the source: ten indicators serve several targets and carry each target's code (244
    # codes), and target 12.3 has two English labels (a corrected and an uncorrected wording)
    assert [[t.value.rsplit("#")[-1] for t in row] for row in rows.rows] == [
        ["Goal", "17", "17", "17"],
        ["Indicator", "232", "232", "244"],
        ["Target", "169", "170", "169"],
    ]
    german = frame.select(
        SDGO
        + """SELECT ?code ?de WHERE { ?g a sdgo:Goal ; skos:notation ?code ;
        skos:prefLabel ?de FILTER(LANG(?de) = "de") } ORDER BY xsd:integer(?code)"""
    )
    assert [row[1].value for row in german.rows] == list(GERMAN_GOALS)
    orphans = frame.select(
        SDGO
        + """SELECT ?t WHERE { ?t a sdgo:Target
        FILTER NOT EXISTS { ?t skos:broader ?g . ?g a sdgo:Goal } }"""
    )
    assert orphans.rows == []
    citation = frame.select(
        "SELECT ?c WHERE { <http://metadata.un.org/sdg> dcterms:bibliographicCitation ?c }"
    )
    assert citation.rows[0][0].value == CITATION


def test_loading_the_frame_twice_and_the_data_stays_the_data(frame: KnowledgeGraph) -> None:
    frame.use_vocabulary("sdg")
    assert frame.select(GOAL_COUNT).rows[0][0].value == "17"
    assert frame.data_graphs() == [f"file://{resources.dataset('ulm') / 'strategy.ttl'}"]


def test_an_unknown_vocabulary(frame: KnowledgeGraph) -> None:
    with pytest.raises(ParameterError) as error:
        frame.use_vocabulary("iso")
    assert str(error.value) == "name 'iso' is no reference vocabulary; use one of: sdg, concepts"


def test_the_build_command_prints_one_line_errors(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as stop:
        main([str(_source(tmp_path, goals=2)), str(tmp_path / "sdg.ttl"), "--commit", COMMIT])
    assert stop.value.code == (
        f"Error: {tmp_path / 'sdg-kos.ttl'}: 2 goals, expected 17; "
        "give sdg-data/sdg-kos-goals-targets-indicators.ttl"
    )
    assert not (tmp_path / "sdg.ttl").exists()
