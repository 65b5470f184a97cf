"""A council system of real size, end to end: the synthetic export (sckg.ingest.oparl_synth) through
the import, its dataset description, deleted stubs, the mapping a briefing needs, the skip report,
and the nightly sync."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sckg.cli import app
from sckg.ingest import ImportResult, write_turtle
from sckg.ingest.oparl import OparlReport, Skipped, import_oparl
from sckg.ingest.oparl_synth import ROOT, write_synthetic_export
from sckg.kg import KnowledgeGraph
from sckg.sources import DataInfo, Source, data_info

runner = CliRunner()
Imported = tuple[ImportResult[OparlReport], KnowledgeGraph]


@pytest.fixture(scope="module")
def export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("council") / "export"
    write_synthetic_export(folder, scale=0.1, seed=5)
    return folder


def test_deleted_stubs_without_type_are_reported_as_deleted(export: Path) -> None:
    result = import_oparl(export, "musterstadt")
    deleted = [s for s in result.report.skipped if s.reason == "deleted on the server"]
    assert deleted == [
        Skipped(f"{ROOT}meeting/{n}", "", "deleted on the server") for n in (36,)
    ] + [Skipped(f"{ROOT}paper/{n}", "", "deleted on the server") for n in range(201, 205)]
    assert not any(s.reason.startswith("unknown type") for s in result.report.skipped)


NOW = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)
SYSTEM = "https://ris.musterstadt-synthetisch.example/oparl/v1/"
DATASET = "https://w3id.org/sckg/id/musterstadt/oparl/dataset"


@pytest.fixture(scope="module")
def imported(export: Path, tmp_path_factory: pytest.TempPathFactory) -> Imported:
    result = import_oparl(export, "musterstadt", now=NOW)
    path = tmp_path_factory.mktemp("graph") / "council.ttl"
    write_turtle(result.triples, path)
    return result, KnowledgeGraph.open([path])


def test_counts_per_type_and_the_dataset_description(imported: Imported, export: Path) -> None:
    result, kg = imported
    assert result.report.imported == {
        "AgendaItem": 500,
        "Body": 1,
        "Consultation": 220,
        "File": 700,
        "LegislativeTerm": 2,
        "Location": 5,
        "Meeting": 35,
        "Organization": 20,
        "Paper": 200,
    }
    rows = kg.select(f"""PREFIX void: <http://rdfs.org/ns/void#>
        SELECT ?title ?source ?modified ?generated ?class ?n WHERE {{
        <{DATASET}> a sckg:Dataset ; dcterms:title ?title ; dcterms:source ?source ;\
 dcterms:modified ?modified ;
            prov:generatedAtTime ?generated ;
            void:classPartition [ void:class ?class ; void:entities ?n ] FILTER(lang(?title) =\
 "de") }}
        ORDER BY ?class""").records()
    assert {(r["title"], r["source"], str(r["modified"]), str(r["generated"])) for r in rows} == {
        (
            "Musterstadt (synthetisch): Ratsinformationen (OParl)",
            SYSTEM,
            "2025-12-16",
            "2026-01-02T03:04:05Z",
        )
    }
    stamps = [
        day
        for page in export.rglob("*.json")
        for day in re.findall(r'"modified":\s*"(\d{4}-\d\d-\d\d)', page.read_text(encoding="utf-8"))
    ]
    assert (
        max(stamps) == "2025-12-16"
    )  # the data date: the newest day an object was modified, not the import
    assert [(r["class"].rsplit("/", 1)[-1], r["n"]) for r in rows] == [
        ("AgendaItem", 500),
        ("Body", 1),
        ("Consultation", 220),
        ("File", 700),
        ("LegislativeTerm", 2),
        ("Location", 5),
        ("Meeting", 35),
        ("Organization", 20),
        ("Paper", 200),
    ]
    outside = kg.select(
        f"SELECT (COUNT(?s) AS ?n) WHERE {{ ?s sckg:documentedIn ?o "
        f"FILTER NOT EXISTS {{ ?s sckg:inDataset <{DATASET}> }} }}"
    ).rows[0][0]
    assert outside.value == "0"


def test_sources_name_the_council_system_not_its_objects(imported: Imported) -> None:
    assert data_info(imported[1]) == DataInfo(
        titles=["Musterstadt (synthetisch): Ratsinformationen (OParl)"],
        date="2025-12-16",
        sources=[Source(SYSTEM, "Musterstadt (synthetisch) – Ratsinformationssystem", None, 1683)],
        fictional=False,
        dated=[("Musterstadt (synthetisch): Ratsinformationen (OParl)", "2025-12-16")],
    )


def test_the_mapping_a_briefing_needs(imported: Imported) -> None:
    kg = imported[1]
    row = kg.select("""
        SELECT ?paper ?date ?committee ?kind ?meeting ?item ?outcome ?web ?keywords WHERE {
          ?c a oparl:Consultation ; sckg:paper ?p ; dcterms:date ?date ; sckg:committee ?org ;\
 sckg:meeting ?m ;
             sckg:agendaItem ?i .
          ?p dcterms:title ?paper ; schema:url ?web .
          { SELECT ?p (GROUP_CONCAT(?k; separator=", ") AS ?keywords) WHERE { ?p schema:keywords\
 ?k } GROUP BY ?p }
          ?org rdfs:label ?committee ; org:classification ?kind ; org:subOrganizationOf ?body .
          ?body a oparl:Body .
          ?m rdfs:label ?meeting ; schema:startDate ?date .
          ?i dcterms:isPartOf ?m ; sckg:outcome ?outcome ; rdfs:label ?item .
        } ORDER BY ?date ?paper LIMIT 1""").records()
    assert row == [
        {
            "paper": "Breitbandförderung – Kooperationsvertrag",
            "date": "2021-11-09",
            "committee": "Ausschuss für Wirtschaft, Tourismus und Kultur",
            "kind": "https://w3id.org/sckg/vocab/kind/committee",
            "meeting": "1. Sitzung: Ausschuss für Wirtschaft, Tourismus und Kultur",
            "item": "9 Breitbandförderung – Kooperationsvertrag",
            "outcome": "Einstimmig beschlossen",
            "web": "https://ris.musterstadt-synthetisch.example/ris/paper/92.html",
            "keywords": "Glasfaser, Breitband",
        }
    ]
    kinds = kg.select(
        "SELECT ?kind (COUNT(?o) AS ?n) WHERE { ?o a oparl:Organization ; org:classification ?kind "
        "} GROUP BY ?kind ORDER BY ?kind"
    ).rows
    assert [(k.value.rsplit("/", 1)[-1], int(n.value)) for k, n in kinds] == [
        ("administration-area", 3),
        ("committee", 11),
        ("council", 1),
        ("party-group", 5),
    ]
    resolutions = kg.select(
        "SELECT (COUNT(DISTINCT ?t) AS ?text) (COUNT(DISTINCT ?f) AS ?file) WHERE { "
        "{ ?t sckg:resolutionText ?x } UNION { ?f sckg:resolutionFile ?y } }"
    ).rows[0]
    assert [int(v.value) for v in resolutions] == [125, 89]
    where = kg.select(
        "SELECT ?label ?wkt WHERE { ?l a dcterms:Location ; rdfs:label ?label ; "
        "<http://www.opengis.net/ont/geosparql#hasGeometry>/"
        "<http://www.opengis.net/ont/geosparql#asWKT> ?wkt } ORDER BY ?label LIMIT 1"
    ).records()
    assert where == [
        {"label": "Bürgerhaus Nord, Lindenweg 4, 99999 Musterstadt", "wkt": "POINT(10.5105 52.281)"}
    ]


def _edit_papers(folder: Path) -> None:
    """Between two imports: paper 1 renamed, paper 2 deleted on the server (a stub), paper 9001
    added."""
    page = folder / "papers" / "page-0001.json"
    document = json.loads(page.read_text(encoding="utf-8"))
    papers = document["data"]
    papers[0]["name"] = "Öffentliches WLAN im Rathaus – geänderte Fassung"
    papers[1] = {"id": papers[1]["id"], "deleted": True, "modified": "2026-01-03T10:00:00+01:00"}
    papers.append(
        {
            "id": f"{ROOT}paper/9001",
            "type": "https://schema.oparl.org/1.1/Paper",
            "name": "Ladesäulen für E-Autos am Bahnhof",
            "reference": "2026/9001",
            "date": "2026-01-02",
            "modified": "2026-01-03T10:00:00+01:00",
        }
    )
    page.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")


def test_sync_of_a_folder_adds_changes_and_deletes(export: Path, tmp_path: Path) -> None:
    folder, out = tmp_path / "export", tmp_path / "council.ttl"
    shutil.copytree(export, folder)
    args = ["import", "oparl", str(folder), "--city", "musterstadt", "--out", str(out)]
    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    assert "Since the last import" not in first.stderr
    written = out.read_bytes()
    again = runner.invoke(app, args)
    assert again.stderr.splitlines()[:2] == [
        f"Unchanged: {out} (18065 triples): 1683 entities (AgendaItem 500, Body 1, Consultation "
        "220, File 700, LegislativeTerm 2, Location 5, Meeting 35, Organization 20, Paper 200).",
        "Nothing added, changed or deleted since the last import.",
    ]
    assert out.read_bytes() == written  # byte-identical, the import time kept
    german = runner.invoke(app, args, env={"LANG": "de_DE.UTF-8"})
    assert german.stderr.splitlines()[1] == (
        "Seit dem letzten Import nichts hinzugekommen, geändert oder gelöscht."
    )
    _edit_papers(folder)
    synced = runner.invoke(app, args)
    assert synced.stderr.splitlines()[:2] == [
        f"Wrote {out} (18037 triples): 1681 entities (AgendaItem 500, Body 1, Consultation 219, "
        "File 699, LegislativeTerm 2, Location 5, Meeting 35, Organization 20, Paper 200).",
        "Since the last import: added 1 (Paper 1); changed 1 (Paper 1); deleted 3 (Consultation 1, "
        "File 1, Paper 1).",
    ]
    kg = KnowledgeGraph.open([out])
    titles = kg.select("SELECT ?p ?t WHERE { ?p dcterms:title ?t } ORDER BY ?p").rows
    found = {p.value.rsplit("/", 1)[-1]: t.value for p, t in titles}
    assert found["1"] == "Öffentliches WLAN im Rathaus – geänderte Fassung"
    assert found["9001"] == "Ladesäulen für E-Autos am Bahnhof"
    assert "2" not in found
    assert not kg.ask(f"ASK {{ ?s sckg:documentedIn <{ROOT}paper/2> }}")


def test_a_file_of_an_older_import_gets_the_new_description_once(
    export: Path, tmp_path: Path
) -> None:
    """A file written before the dataset was dated by its newest record (its dcterms:modified the
    import time, the system named after the vendor's product) is rewritten by the next sync, though
    no record changed."""
    out = tmp_path / "council.ttl"
    args = ["import", "oparl", str(export), "--city", "musterstadt", "--out", str(out)]
    assert runner.invoke(app, args).exit_code == 0
    text = out.read_text(encoding="utf-8")
    old = re.sub(r'prov:generatedAtTime "[^"]*"\^\^xsd:dateTime', "", text)
    old = re.sub(
        r'dcterms:modified "[^"]*"\^\^xsd:date',
        'dcterms:modified "2026-01-02T03:04:05Z"^^xsd:dateTime',
        old,
    ).replace("Musterstadt (synthetisch) – Ratsinformationssystem", "SD.NET RIM")
    assert old != text
    out.write_text(old, encoding="utf-8")
    synced = runner.invoke(app, args)
    assert synced.stderr.splitlines()[:2] == [
        f"Wrote {out} (18065 triples): 1683 entities (AgendaItem 500, Body 1, Consultation 220, "
        "File 700, LegislativeTerm 2, Location 5, Meeting 35, Organization 20, Paper 200).",
        "Nothing added, changed or deleted since the last import.",
    ]
    info = data_info(KnowledgeGraph.open([out]))
    assert (info.date, [s.label for s in info.sources]) == (
        "2025-12-16",
        ["Musterstadt (synthetisch) – Ratsinformationssystem"],
    )
    assert runner.invoke(app, args).stderr.startswith(f"Unchanged: {out} (18065 triples)")
