"""Sources and data date: one rule (sckg.sources), the same answer in stats, report and map."""

from __future__ import annotations

import pytest
from council import meeting_graphs

from sckg.kg import KnowledgeGraph
from sckg.report import build_report
from sckg.sources import DataInfo, Source, data_info
from sckg.stats import statistics
from sckg.viz import build_network

EX = "http://example.org/"
ENTITIES = """
@prefix ex: <http://example.org/> .
ex:p1 a sckg:Project ; rdfs:label "P1"@de ; prov:wasDerivedFrom ex:doc-a .
ex:p2 a sckg:Project ; rdfs:label "P2"@de ; prov:wasDerivedFrom ex:doc-a , ex:doc-b .
ex:p3 a sckg:Project ; rdfs:label "P3"@de ; prov:hadPrimarySource ex:doc-b .
ex:doc-a rdfs:label "Dokument A"@de , "Document A"@en ; dcterms:date "2020-01-01"^^xsd:date ,\
 "2021-06-30"^^xsd:date .
ex:doc-b rdfs:label "Dokument B"@de .
"""
DATASET = """
ex:data a sckg:Dataset ; rdfs:label "Teststadt"@de ; dcterms:modified "2024-05-01"^^xsd:date ;
    sckg:fictional true ; dcterms:source ex:doc-b .
"""


def test_without_a_dataset_the_sources_are_what_entities_derive_from(make_kg):
    info = data_info(make_kg(ENTITIES), "en")
    assert info == DataInfo(
        titles=[],
        date="2021-06-30",
        sources=[
            Source(EX + "doc-b", "Dokument B", None, 2),
            Source(EX + "doc-a", "Document A", "2021-06-30", 2),
        ],
        fictional=False,
    )
    assert info.title is None
    assert [s.caption() for s in info.sources] == ["Dokument B", "Document A (2021-06-30)"]


def test_a_dataset_names_its_sources_title_and_date(make_kg):
    info = data_info(make_kg(ENTITIES + DATASET))
    assert info == DataInfo(
        ["Teststadt"],
        "2024-05-01",
        [Source(EX + "doc-b", "Dokument B", None, 2)],
        True,
        [("Teststadt", "2024-05-01")],
    )


def test_each_dataset_has_its_own_date_the_newest_is_the_data_date(tmp_path) -> None:
    paths = meeting_graphs(tmp_path)["combined"]
    info = data_info(KnowledgeGraph.open(paths))
    assert info.dated == [
        ("Musterstadt (synthetisch): Ratsinformationen (OParl)", "2025-12-16"),
        ("Musterstadt: Bestandsaufnahme", "2024-04-30"),
    ]
    assert info.date == "2025-12-16"
    council = data_info(KnowledgeGraph.open(meeting_graphs(tmp_path / "again")["council"]))
    assert (council.dated, council.date) == (
        [("Stadt Musterstadt: Ratsinformationen (OParl)", "2024-03-14")],
        "2024-03-14",
    )
    assert [s.label for s in council.sources] == ["Stadt Musterstadt – Ratsinformationssystem"]


@pytest.mark.parametrize("city", ["braunschweig", "musterstadt"])
def test_stats_report_and_map_show_the_same_sources_and_date(request, city):
    kg = request.getfixturevalue(city)
    info = data_info(kg)
    assert info.sources
    assert statistics(kg).sources == info.sources
    report = build_report(kg)
    assert (report.sources, report.data_date) == (info.sources, info.date)
    meta = build_network(kg, "actors").meta
    assert (meta.sources, meta.date) == ([s.caption() for s in info.sources], info.date)
