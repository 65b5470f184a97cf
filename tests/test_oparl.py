"""OParl import: the specification's examples to exact triples and counts, a messy OParl 1.0 folder
with its skip report, the paper → consultation → committee → meeting date chain, persons only on
request, and the URL mode against a local server (paging, cache, retries, timeouts, progress). No
internet."""

from __future__ import annotations

import datetime as dt
import json
import re
import threading
import time
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import pyoxigraph as ox
import pytest
from conftest import PREFIXES
from typer.testing import CliRunner

from sckg.cli import app
from sckg.errors import DataError, StoreError, UsageError
from sckg.ingest import ImportResult, write_turtle
from sckg.ingest.oparl import OparlReport, Skipped, oparl_type
from sckg.ingest.oparl import import_oparl as _import_oparl
from sckg.ingest.oparl_fetch import Fetcher
from sckg.kg import KnowledgeGraph
from sckg.validate import validate

ASSETS = Path(__file__).parent / "assets" / "oparl"
SPEC = ASSETS / "spec-1.1"
MESSY = ASSETS / "musterstadt-1.0"
SPEC_HOST = "https://oparl.example.org"
MESSY_HOST = "https://ris.musterstadt.example"
M = "https://ris.musterstadt.example/oparl/v1/"
runner = CliRunner()
NOW = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)


def import_oparl(*args: Any, **kwargs: Any) -> ImportResult[OparlReport]:
    """The import at a fixed time (the dataset description's prov:generatedAtTime)."""
    return _import_oparl(*args, now=NOW, **kwargs)


SPEC_EXPECTED = """
@base <https://w3id.org/sckg/id/koeln/oparl/> .
@prefix geo: <http://www.opengis.net/ont/geosparql#> .
@prefix void: <http://rdfs.org/ns/void#> .
<dataset> a sckg:Dataset ; rdfs:label "Stadt Köln, kreisfreie Stadt: Ratsinformationen (OParl)"@de ,
        "Stadt Köln, kreisfreie Stadt: council information (OParl)"@en ;
    dcterms:title "Stadt Köln, kreisfreie Stadt: Ratsinformationen (OParl)"@de ,
        "Stadt Köln, kreisfreie Stadt: council information (OParl)"@en ;
    dcterms:source <https://oparl.example.org/> ; dcterms:modified "2014-01-08"^^xsd:date ;
    dcterms:coverage <body/0> ;
    prov:generatedAtTime "2026-01-02T03:04:05Z"^^xsd:dateTime ;
    void:classPartition <dataset/AgendaItem> , <dataset/Body> , <dataset/File> ,\
 <dataset/LegislativeTerm> ,
        <dataset/Location> , <dataset/Meeting> , <dataset/Organization> , <dataset/Paper> .
<dataset/AgendaItem> void:class oparl:AgendaItem ; void:entities 1 .
<dataset/Body> void:class oparl:Body ; void:entities 1 .
<dataset/File> void:class oparl:File ; void:entities 2 .
<dataset/LegislativeTerm> void:class oparl:LegislativeTerm ; void:entities 1 .
<dataset/Location> void:class oparl:Location ; void:entities 2 .
<dataset/Meeting> void:class oparl:Meeting ; void:entities 1 .
<dataset/Organization> void:class oparl:Organization ; void:entities 1 .
<dataset/Paper> void:class oparl:Paper ; void:entities 1 .
<https://oparl.example.org/> a prov:Entity ; rdfs:label "Stadt Köln, kreisfreie Stadt –\
 Ratsinformationssystem"@de ,
    "Stadt Köln, kreisfreie Stadt – council information system"@en ; schema:url\
 <http://www.example.org/> .
<body/0> a org:FormalOrganization , oparl:Body ; org:classification kind:city-administration ;
    rdfs:label "Stadt Köln, kreisfreie Stadt"@de ; skos:altLabel "Köln"@de ; dcterms:identifier\
 "05315000" ;
    dcterms:spatial <location/0> ; sckg:documentedIn <https://oparl.example.org/body/0> ;\
 sckg:inDataset <dataset> .
<location/0> a oparl:Location , dcterms:Location , geo:Feature ;
    rdfs:label "Rathaus der Beispielstadt, Ratshausplatz 1, 12345 Beispielstadt"@de ;
    schema:address "Platz der Republik 1, 11011 Berlin" ; geo:hasGeometry <location/0/geometry> ;
    sckg:documentedIn <https://oparl.example.org/location/0> ; sckg:inDataset <dataset> .
<location/0/geometry> a geo:Geometry ; geo:asWKT "POINT(50.1234 10.4321)"^^geo:wktLiteral .
<locations/29856> a oparl:Location , dcterms:Location , geo:Feature ; rdfs:label "Honschaftsstraße\
 312, Köln"@de ;
    geo:hasGeometry <locations/29856/geometry> ;
    sckg:documentedIn <https://oparl.example.org/locations/29856> ; sckg:inDataset <dataset> .
<locations/29856/geometry> a geo:Geometry ; geo:asWKT "POINT(7.03291 50.98249)"^^geo:wktLiteral .
<term/21> a oparl:LegislativeTerm , prov:Entity ; rdfs:label "21. Wahlperiode"@de ;
    schema:startDate "2010-12-03"^^xsd:date ; schema:endDate "2013-12-03"^^xsd:date ;\
 dcterms:isPartOf <body/0> ;
    sckg:documentedIn <https://oparl.example.org/term/21> ; sckg:inDataset <dataset> .
<organization/34> a org:Organization , oparl:Organization ; org:classification kind:committee ;
    rdfs:label "Ausschuss für Haushalt und Finanzen"@de ; skos:altLabel "Finanzausschuss"@de ;
    schema:startDate "2012-07-17"^^xsd:date ; org:subOrganizationOf <bodies/1> ;
    schema:keywords "finanzen"@de , "haushalt"@de ; dcterms:spatial <location/0> ;
    sckg:documentedIn <https://oparl.example.org/organization/34> ; sckg:inDataset <dataset> .
<meeting/281> a oparl:Meeting , prov:Entity ; rdfs:label "4. Sitzung des Finanzausschusses"@de ;
    schema:startDate "2013-01-04"^^xsd:date ; schema:endDate "2013-01-04"^^xsd:date ;
    sckg:committee <organization/34> ; dcterms:hasPart <files/57739> ; dcterms:spatial\
 <location/0> ;
    sckg:documentedIn <https://oparl.example.org/meeting/281> ; sckg:inDataset <dataset> .
<agendaitem/3271> a oparl:AgendaItem , prov:Entity ; rdfs:label "10.1 Satzungsänderung für\
 Ausschreibungen"@de ;
    dcterms:identifier "10.1" ; dcterms:isPartOf <meeting/281> ; sckg:outcome "Geändert\
 beschlossen"@de ;
    sckg:resolutionText "Der Beschluss weicht wie folgt vom Antrag ab: ..."@de ; sckg:isPublic\
 true ;
    sckg:documentedIn <https://oparl.example.org/agendaitem/3271> ; sckg:inDataset <dataset> .
<paper/749> a oparl:Paper , prov:Entity ; rdfs:label "Antwort auf Anfrage 1200/2014"@de ;
    dcterms:title "Antwort auf Anfrage 1200/2014"@de ; dcterms:identifier "1234/2014" ;
    dcterms:date "2014-04-04"^^xsd:date ; sckg:paperType "Beantwortung einer Anfrage"@de ;
    sckg:originator <organization/1000> , <organization/2000> ; dcterms:relation <paper/699> ;
    dcterms:hasPart <files/57737> , <files/57739> ; dcterms:spatial <locations/29856> ;
    sckg:documentedIn <https://oparl.example.org/paper/749> ; sckg:inDataset <dataset> .
<files/57737> a oparl:File , prov:Entity ; rdfs:label "Anlage 1 zur Anfrage"@de ; dcterms:format\
 "application/pdf" ;
    dcterms:date "2013-01-04"^^xsd:date ; schema:contentUrl\
 <https://oparl.example.org/files/57737.pdf> ;
    sckg:documentedIn <https://oparl.example.org/files/57737> ; sckg:inDataset <dataset> .
<files/57739> a oparl:File , prov:Entity ; rdfs:label "Einladung"@de ; dcterms:format\
 "application/pdf" ;
    dcterms:date "2012-01-08"^^xsd:date ; schema:contentUrl\
 <https://oparl.example.org/files/57739.pdf> ;
    sckg:documentedIn <https://oparl.example.org/files/57739> ; sckg:inDataset <dataset> .
"""


def _nt(triples: Any) -> list[str]:
    return sorted(
        ox.serialize(list(set(triples)), format=ox.RdfFormat.N_TRIPLES).decode().splitlines()
    )


def _expected(text: str) -> list[str]:
    return _nt(ox.parse(PREFIXES + text, format=ox.RdfFormat.TURTLE))


def test_type_iris_of_1_0_and_1_1() -> None:
    assert oparl_type("https://schema.oparl.org/1.1/Paper") == "Paper"
    assert oparl_type("https://schema.oparl.org/1.0/AgendaItem") == "AgendaItem"
    assert oparl_type("https://schema.oparl.org/2.0/Paper") is None
    assert oparl_type("Paper") is None


# --- the specification's examples (OParl 1.1) -----------------------------------------------------


def test_spec_examples_import_to_exact_triples_and_counts() -> None:
    result = import_oparl(SPEC, "koeln")
    assert _nt(result.triples) == _expected(SPEC_EXPECTED)
    assert result.report.imported == {
        "AgendaItem": 1,
        "Body": 1,
        "File": 2,
        "LegislativeTerm": 1,
        "Location": 2,
        "Meeting": 1,
        "Organization": 1,
        "Paper": 1,
    }
    e = SPEC_HOST
    assert result.report.skipped == [
        Skipped(
            f"{e}/consultation/47594", "Consultation", "no date: its meeting is not in the source"
        ),
        Skipped(
            f"{e}/memberships/385", "Membership", "personal data: imported only with with_persons"
        ),
        Skipped(
            f"{e}/memberships/693", "Membership", "personal data: imported only with with_persons"
        ),
        Skipped(f"{e}/person/29", "Person", "personal data: imported only with with_persons"),
    ]
    assert result.report.notes == [
        Skipped(
            f"{e}/organization/34",
            "Organization",
            f"refers to Body {e}/bodies/1, which is not in the source (link kept)",
        ),
        Skipped(
            f"{e}/paper/749",
            "Paper",
            f"refers to Organization {e}/organization/1000, which is not in the source (link kept)",
        ),
        Skipped(
            f"{e}/paper/749",
            "Paper",
            f"refers to Organization {e}/organization/2000, which is not in the source (link kept)",
        ),
        Skipped(
            f"{e}/paper/749",
            "Paper",
            f"refers to Paper {e}/paper/699, which is not in the source (link kept)",
        ),
    ]


def test_persons_and_memberships_only_with_persons() -> None:
    result = import_oparl(SPEC, "koeln", with_persons=True)
    assert result.report.imported["Person"] == 1
    assert result.report.imported["Membership"] == 2
    assert not any(s.type in ("Person", "Membership") for s in result.report.skipped)
    base = "https://w3id.org/sckg/id/koeln/oparl/"
    person = [t for t in result.triples if t.subject.value == f"{base}person/29"]
    assert _nt(person) == _expected(f"""
        @prefix foaf: <http://xmlns.com/foaf/0.1/> .
        <{base}person/29> a foaf:Person ; foaf:name "Prof. Dr. Max Mustermann" ;
            rdfs:label "Prof. Dr. Max Mustermann"@de ; sckg:documentedIn <{SPEC_HOST}/person/29> ;
            sckg:inDataset <{base}dataset> .
        """)
    labels = sorted(
        t.object.value
        for t in result.triples
        if t.predicate.value.endswith("#label") and "/memberships/" in t.subject.value
    )
    assert labels == [
        "Prof. Dr. Max Mustermann: Sachkundige Bürgerin, 9",
        "Prof. Dr. Max Mustermann: Vorsitzende, 5",
    ]
    without = import_oparl(SPEC, "koeln")
    assert not any(
        "person" in t.subject.value or "membership" in t.subject.value for t in without.triples
    )


# --- a messy OParl 1.0 folder ---------------------------------------------------------------------


def test_oparl_1_0_folder_with_gaps_imports_with_a_skip_report() -> None:
    result = import_oparl(MESSY, "musterstadt")
    assert result.report.imported == {
        "AgendaItem": 1,
        "Body": 1,
        "Consultation": 2,
        "File": 1,
        "LegislativeTerm": 1,
        "Location": 1,
        "Meeting": 4,
        "Organization": 3,
        "Paper": 3,
    }
    assert result.report.skipped == [
        Skipped("broken.json", "JSON file", "not valid JSON"),
        Skipped("papers-2.json", "Paper", "no id"),
        Skipped(f"{M}consultation/1002", "Consultation", "no date: its meeting has no start"),
        Skipped(
            f"{M}consultation/1003",
            "Consultation",
            "no meeting (the date of a consultation is the start of its meeting)",
        ),
        Skipped(
            f"{M}membership/70", "Membership", "personal data: imported only with with_persons"
        ),
        Skipped(f"{M}organization/4", "Organization", "no name"),
        Skipped(f"{M}paper/2024-020", "Paper", "deleted on the server"),
        Skipped(f"{M}person/7", "Person", "personal data: imported only with with_persons"),
    ]
    assert result.report.notes == [
        Skipped(
            f"{M}meeting/13", "Meeting", "field 'start' ignored: '14.05.2024' is not an ISO date"
        ),
    ]
    types = {t.object.value for t in result.triples if t.predicate.value.endswith("#type")}
    assert not any(
        "schema.oparl.org/1.0/" in t for t in types
    )  # 1.0 type IRIs become the 1.1 ones of the model
    assert "https://schema.oparl.org/1.1/Consultation" in types


@pytest.fixture(scope="module")
def messy_graph(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    path = tmp_path_factory.mktemp("oparl") / "messy.ttl"
    write_turtle(import_oparl(MESSY, "musterstadt").triples, path)
    return KnowledgeGraph.open([path])


def test_paper_consultation_committee_meeting_date(messy_graph: KnowledgeGraph) -> None:
    table = messy_graph.select("""
        SELECT ?reference ?role ?committee ?kind ?meeting ?date ?public WHERE {
          ?consultation a oparl:Consultation ; sckg:paper ?paper ; sckg:committee ?c ;\
 sckg:meeting ?m ;
                        dcterms:date ?date ; sckg:consultationRole ?role .
          ?paper dcterms:identifier ?reference .
          ?c rdfs:label ?committee ; org:classification ?kind .
          ?m rdfs:label ?meeting ; schema:startDate ?start .
          FILTER(?start = ?date && lang(?meeting) = "de")
          OPTIONAL { ?consultation sckg:isPublic ?public }
        } ORDER BY ?date""")
    assert table.records() == [
        {
            "reference": "2024/017",
            "role": "https://w3id.org/sckg/vocab/role/preliminary",
            "committee": "Ausschuss für Digitalisierung und Mobilität",
            "kind": "https://w3id.org/sckg/vocab/kind/committee",
            "meeting": "5. Sitzung des Ausschusses für Digitalisierung und Mobilität",
            "date": "2024-02-20",
            "public": True,
        },
        {
            "reference": "2024/017",
            "role": "https://w3id.org/sckg/vocab/role/decision",
            "committee": "Rat der Stadt Musterstadt",
            "kind": "https://w3id.org/sckg/vocab/kind/council",
            "meeting": "Sitzung am 14.03.2024",
            "date": "2024-03-14",
            "public": None,
        },
    ]
    labels = messy_graph.labels(
        [
            f"https://w3id.org/sckg/id/musterstadt/oparl/oparl/v1/consultation/{n}"
            for n in (1000, 1001)
        ],
        "en",
    )
    assert sorted(labels.values()) == [
        "Decision 2024/017, Rat der Stadt Musterstadt, 2024-03-14",
        "Preliminary consultation 2024/017, Ausschuss für Digitalisierung und Mobilität, "
        "2024-02-20",
    ]


def test_imported_council_data_conforms_to_the_shapes(messy_graph: KnowledgeGraph) -> None:
    report = validate(messy_graph)
    assert report.violations == []


def test_cli_import_with_report(tmp_path: Path) -> None:
    out, report = tmp_path / "council.ttl", tmp_path / "skipped.csv"
    result = runner.invoke(
        app,
        [
            "import",
            "oparl",
            str(MESSY),
            "--city",
            "musterstadt",
            "--out",
            str(out),
            "--report",
            str(report),
        ],
    )
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert lines[0] == (
        f"Wrote {out} (176 triples): 17 entities (AgendaItem 1, Body 1, Consultation 2, File 1, "
        "LegislativeTerm 1, Location 1, Meeting 4, Organization 3, Paper 3)."
    )
    assert lines[1:4] == [
        "Skipped 8 objects:",
        "      1 Consultation: no date: its meeting has no start",
        "      1 Consultation: no meeting (the date of a consultation is the start of its meeting)",
    ]
    rows = report.read_text(encoding="utf-8").splitlines()
    assert rows[0] == "kind,type,id,reason"
    assert (
        rows[-1]
        == f"note,Meeting,{M}meeting/13,field 'start' ignored: '14.05.2024' is not an ISO date"
    )
    assert (
        rows[-2]
        == "field,Body,created,1 object: creation time in the council system (the sync uses "
        "'modified')"
    )
    assert len(rows) == 1 + 8 + 1 + 1


def test_the_import_report_speaks_german_when_the_command_line_does(tmp_path: Path) -> None:
    """The import's report was English after its first line when the command line spoke German:
    what was skipped and why, the fields not imported, the notes, the full report's reasons."""
    out, report = tmp_path / "council.ttl", tmp_path / "report.csv"
    args = ["import", "oparl", str(MESSY), "--city", "musterstadt", "--out", str(out)]
    result = runner.invoke(app, [*args, "--report", str(report)], env={"LANG": "de_DE.UTF-8"})
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[1:] == [
        "8 Objekte übersprungen:",
        "      1 Consultation: kein Datum: ihre Sitzung hat keinen Beginn",
        "      1 Consultation: keine Sitzung (das Datum einer Beratung ist der Beginn ihrer "
        "Sitzung)",
        "      1 JSON-Datei: kein gültiges JSON",
        "      1 Membership: personenbezogene Daten: nur mit --with-persons importiert",
        "      1 Organization: kein Name",
        "      1 Paper: auf dem Server gelöscht",
        "      1 Paper: keine id",
        "      1 Person: personenbezogene Daten: nur mit --with-persons importiert",
        "Nicht importierte Felder (1):",
        "        created (Body 1): Zeitpunkt der Erstellung im Ratsinformationssystem (der "
        "Abgleich nutzt 'modified')",
        "1 Hinweis (ignorierte Felder, Verweise auf Objekte, die nicht in der Quelle sind), z. B.:",
        f"        {M}meeting/13: Feld 'start' ignoriert: '14.05.2024' ist kein ISO-Datum",
        f"Den vollständigen Bericht geschrieben: {report}.",
    ]
    rows = report.read_text(encoding="utf-8").splitlines()
    assert rows[1] == "skipped,JSON-Datei,broken.json,kein gültiges JSON"
    assert rows[-2] == (
        "field,Body,created,1 Objekt: Zeitpunkt der Erstellung im Ratsinformationssystem (der "
        "Abgleich nutzt 'modified')"
    )


def test_every_reason_of_the_import_report_has_its_german_text() -> None:
    """Each field the importer leaves out names a reason in both languages."""
    from sckg.ingest.oparl_fields import REASONS, reason

    for name in [*REASONS, "anything else"]:
        why = reason(name)
        assert why.in_lang("de") != why.in_lang("en"), name


def test_a_folder_without_body_or_system_is_named_by_the_city_never_by_its_path(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    meeting = {
        "id": f"{M}meeting/1",
        "type": "https://schema.oparl.org/1.1/Meeting",
        "name": "1. Sitzung",
        "start": "2021-03-04T17:00:00+01:00",
        "modified": "",
        "agendaItem": [
            {
                "id": f"{M}item/1",
                "type": "https://schema.oparl.org/1.1/AgendaItem",
                "name": "Punkt 1",
            }
        ],
    }
    paper = {
        "id": f"{M}paper/1",
        "type": "https://schema.oparl.org/1.1/Paper",
        "name": "WLAN",
        "date": "2021-02-11",
    }
    planned = {
        "id": f"{M}meeting/2",
        "type": "https://schema.oparl.org/1.1/Meeting",
        "name": "2. Sitzung",
        "start": "2026-05-04T17:00:00+01:00",
    }  # after the import: not a date of the data
    for name, obj in (("meeting", meeting), ("paper", paper), ("planned", planned)):
        (folder / f"{name}.json").write_text(json.dumps(obj), encoding="utf-8")
    result = import_oparl(folder, "beispiel")
    base = "https://w3id.org/sckg/id/beispiel/oparl/"
    dataset = [t for t in result.triples if t.subject.value in (f"{base}dataset", f"{base}system")]
    assert _nt(dataset) == _expected(f"""
        <{base}dataset> a sckg:Dataset ; rdfs:label "beispiel: Ratsinformationen (OParl)"@de ,
                "beispiel: council information (OParl)"@en ;
            dcterms:title "beispiel: Ratsinformationen (OParl)"@de , "beispiel: council\
 information (OParl)"@en ;
            dcterms:source <{base}system> ; dcterms:modified "2021-03-04"^^xsd:date ;
            prov:generatedAtTime "2026-01-02T03:04:05Z"^^xsd:dateTime ;
            <http://rdfs.org/ns/void#classPartition> <{base}dataset/AgendaItem> ,\
 <{base}dataset/Meeting> ,
                <{base}dataset/Paper> .
        <{base}system> a prov:Entity ; rdfs:label "beispiel – Ratsinformationssystem"@de ,
            "beispiel – council information system"@en .
        """)
    assert not [t for t in result.triples if "file:" in str(t) or str(tmp_path) in str(t)]


def test_the_data_date_is_the_newest_day_an_object_was_modified() -> None:
    modified = [
        t.object.value
        for t in import_oparl(MESSY, "musterstadt").triples
        if t.predicate.value == "http://purl.org/dc/terms/modified"
    ]
    assert modified == [
        "2024-03-14"
    ]  # no object says when it was modified: the newest meeting, not the import


def test_bad_city_and_missing_folder() -> None:
    with pytest.raises(
        UsageError, match=r"^city 'Muster Stadt': use lower-case letters, digits and hyphens"
    ):
        import_oparl(MESSY, "Muster Stadt")
    result = runner.invoke(
        app, ["import", "oparl", "no/such/folder", "--city", "x", "--out", "x.ttl"]
    )
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: no/such/folder: no such folder (give a folder of OParl JSON files or an "
        "http(s) URL)\n"
    )


# --- URL mode against a local server --------------------------------------------------------------


class OParlServer:
    """An OParl system on 127.0.0.1 (random port) serving objects and paged lists; counts every
    request."""

    def __init__(
        self, documents: dict[str, Any], lists: dict[str, list[Any]], page_size: int = 2
    ) -> None:
        self.documents, self.lists, self.page_size = documents, lists, page_size
        self.hits: Counter[str] = Counter()
        self.fail_once: set[str] = set()
        self.slow: dict[str, float] = {}
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.hits[self.path] += 1
                path = urlsplit(self.path).path
                if path in server.fail_once:
                    server.fail_once.discard(path)
                    return self._send(503, {"error": "busy"})
                if path in server.slow:
                    time.sleep(server.slow[path])
                document = server.page(self.path)
                self._send(404, {"error": "not found"}) if document is None else self._send(
                    200, document
                )

            def _send(self, status: int, document: Any) -> None:
                body = json.dumps(document).encode("utf-8")
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, *args: Any) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def page(self, target: str) -> Any:
        parts = urlsplit(target)
        if parts.path in self.documents:
            return self.documents[parts.path]
        if parts.path not in self.lists:
            return None
        query = parse_qs(parts.query)
        since = query.get("modified_since", [""])[
            0
        ]  # OParl: only what changed since then (deleted included)
        items = [
            i for i in self.lists[parts.path] if not since or i.get("modified", since) >= since
        ]
        number = int(query.get("page", ["1"])[0])
        pages = max(1, -(-len(items) // self.page_size))
        more = urlencode({**({"modified_since": since} if since else {}), "page": number + 1})
        links = {"next": f"{self.base}{parts.path}?{more}"} if number < pages else {}
        return {
            "data": items[(number - 1) * self.page_size : number * self.page_size],
            "links": links,
            "pagination": {
                "totalPages": pages,
                "currentPage": number,
                "elementsPerPage": self.page_size,
            },
        }

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def _load(folder: Path, host: str, base: str) -> dict[str, Any]:
    """The JSON files of a folder with their host replaced by the local server's."""
    return {
        p.name: json.loads(p.read_text(encoding="utf-8").replace(host, base))
        for p in folder.glob("*.json")
        if p.name != "broken.json"
    }


@pytest.fixture
def messy_server() -> Iterator[OParlServer]:
    server = OParlServer({}, {})
    files = _load(MESSY, MESSY_HOST, server.base)
    v1 = "/oparl/v1"
    server.documents = {f"{v1}/": files["system.json"]}
    server.lists = {
        f"{v1}/bodies": [files["body.json"]],
        f"{v1}/body/1/organizations": files["organizations.json"]["data"],
        f"{v1}/body/1/meetings": files["meetings.json"]["data"],
        f"{v1}/body/1/papers": files["papers-1.json"]["data"] + files["papers-2.json"]["data"],
        f"{v1}/body/1/persons": files["persons.json"]["data"],
    }
    yield server
    server.stop()


@pytest.fixture
def spec_server() -> Iterator[OParlServer]:
    server = OParlServer({}, {}, page_size=1)
    files = _load(SPEC, SPEC_HOST, server.base)
    server.documents = {"/": files["System-01.json"]}
    server.lists = {
        "/bodies": [files["Body-01.json"]],
        "/body/0/organizations/": [files["Organization-01.json"]],
        "/body/0/meetings/": [files["Meeting-01.json"]],
        "/body/0/papers/": [files["Paper-01.json"]],
        "/body/0/locations/": [files["Location-01.json"]],
        "/body/0/persons/": [files["Person-01.json"]],
    }
    yield server
    server.stop()


def _local(triples: list[ox.Triple], server: OParlServer, host: str) -> list[str]:
    return sorted(line.replace(server.base, host) for line in _nt(triples))


def test_url_mode_follows_pages_and_gives_the_folder_triples(messy_server: OParlServer) -> None:
    progress: list[tuple[str, int, int | None]] = []
    fetcher = Fetcher(backoff=0)
    result = import_oparl(
        f"{messy_server.base}/oparl/v1/",
        "musterstadt",
        fetcher=fetcher,
        progress=lambda *call: progress.append(call),
    )
    assert _local(result.triples, messy_server, MESSY_HOST) == _nt(
        import_oparl(MESSY, "musterstadt").triples
    )
    assert result.report.requests == 9 and result.report.cache_hits == 0
    assert sorted(messy_server.hits) == [
        "/oparl/v1/",
        "/oparl/v1/bodies",
        "/oparl/v1/body/1/meetings",
        "/oparl/v1/body/1/meetings?page=2",
        "/oparl/v1/body/1/organizations",
        "/oparl/v1/body/1/organizations?page=2",
        "/oparl/v1/body/1/papers",
        "/oparl/v1/body/1/papers?page=2",
        "/oparl/v1/body/1/papers?page=3",
    ]
    assert progress == [
        ("body", 1, 1),
        ("organization", 1, 2),
        ("organization", 2, 2),
        ("meeting", 1, 2),
        ("meeting", 2, 2),
        ("paper", 1, 3),
        ("paper", 2, 3),
        ("paper", 3, 3),
        ("RDF", 0, None),  # converting, after the last page
    ]


def test_url_mode_of_the_spec_examples(spec_server: OParlServer) -> None:
    result = import_oparl(spec_server.base + "/", "koeln", fetcher=Fetcher(backoff=0))
    assert _local(result.triples, spec_server, SPEC_HOST) == _expected(SPEC_EXPECTED)
    with_persons = import_oparl(
        spec_server.base + "/", "koeln", fetcher=Fetcher(backoff=0), with_persons=True
    )
    assert with_persons.report.imported["Person"] == 1
    assert spec_server.hits["/body/0/persons/"] == 1
    assert with_persons.report.skipped[
        0
    ] == Skipped(  # the body names a membership list the server lacks
        f"{spec_server.base}/body/0/memberships/", "Membership", "list not available: HTTP 404"
    )


def test_cache_serves_a_second_run_without_requests(
    messy_server: OParlServer, tmp_path: Path
) -> None:
    url = f"{messy_server.base}/oparl/v1/"
    first = import_oparl(url, "musterstadt", fetcher=Fetcher(cache_dir=tmp_path / "cache"))
    messy_server.stop()
    second = import_oparl(
        url, "musterstadt", fetcher=Fetcher(cache_dir=tmp_path / "cache", retries=0)
    )
    assert (second.report.requests, second.report.cache_hits) == (0, 9)
    assert _nt(second.triples) == _nt(first.triples)
    with pytest.raises(
        StoreError, match="after 1 try"
    ):  # an expired cache asks the server (which is gone)
        import_oparl(
            url, "musterstadt", fetcher=Fetcher(cache_dir=tmp_path / "cache", retries=0, max_age=0)
        )


def test_failed_requests_are_retried(messy_server: OParlServer) -> None:
    messy_server.fail_once = {"/oparl/v1/body/1/meetings"}
    result = import_oparl(
        f"{messy_server.base}/oparl/v1/", "musterstadt", fetcher=Fetcher(backoff=0)
    )
    assert result.report.requests == 10
    assert result.report.imported["Meeting"] == 4


def test_timeouts_and_http_errors_give_a_clear_message(
    messy_server: OParlServer, tmp_path: Path
) -> None:
    messy_server.slow = {"/oparl/v1/bodies": 1.0}
    url = f"{messy_server.base}/oparl/v1/bodies"
    with pytest.raises(StoreError) as caught:
        import_oparl(
            f"{messy_server.base}/oparl/v1/",
            "musterstadt",
            fetcher=Fetcher(timeout=0.2, retries=1, backoff=0),
        )
    assert str(caught.value) == (
        f"{url}: no complete answer within 0.2 s (after 2 tries). Check the URL and your "
        # without a cache: no promise that pages are kept
        "connection; then run the import again (see timeout, retries)."
    )
    with pytest.raises(
        StoreError,
        match=r"; pages already fetched are cached, so running the import again continues "
        r"from there \(see timeout, retries\)\.$",
    ):
        import_oparl(
            f"{messy_server.base}/oparl/v1/",
            "musterstadt",
            fetcher=Fetcher(timeout=0.2, retries=0, backoff=0, cache_dir=tmp_path / "cache"),
        )
    missing = f"{messy_server.base}/oparl/v2/"
    with pytest.raises(StoreError, match=r"/oparl/v2/: HTTP 404 Not Found \(after 1 try\)"):
        import_oparl(missing, "musterstadt", fetcher=Fetcher(backoff=0))
    assert messy_server.hits["/oparl/v2/"] == 1  # a 404 is not retried


def test_cli_url_mode_uses_the_cache_folder(messy_server: OParlServer, tmp_path: Path) -> None:
    args = [
        "import",
        "oparl",
        f"{messy_server.base}/oparl/v1/",
        "--city",
        "musterstadt",
        "--out",
        str(tmp_path / "c.ttl"),
        "--cache",
        str(tmp_path / "cache"),
    ]
    assert runner.invoke(app, args).exit_code == 0
    args[6] = str(
        tmp_path / "c2.ttl"
    )  # a new file: a full import (an existing one is synced, see test_oparl_council)
    again = runner.invoke(app, args)
    assert "0 requests, 9 answers from the cache." in again.stderr
    args[6] = str(tmp_path / "c3.ttl")
    refreshed = runner.invoke(app, [*args, "--refresh"])
    assert "9 requests, 0 answers from the cache." in refreshed.stderr
    assert len(list((tmp_path / "cache").glob("*.json"))) == 9


def test_url_of_a_body_or_of_something_else(messy_server: OParlServer) -> None:
    body = messy_server.lists["/oparl/v1/bodies"][0]
    messy_server.documents["/oparl/v1/body/1"] = body
    messy_server.documents["/oparl/v1/paper/2024-017"] = messy_server.lists[
        "/oparl/v1/body/1/papers"
    ][0]
    from_body = import_oparl(
        f"{messy_server.base}/oparl/v1/body/1", "musterstadt", fetcher=Fetcher(backoff=0)
    )
    assert _local(from_body.triples, messy_server, MESSY_HOST) == _nt(
        import_oparl(MESSY, "musterstadt").triples
    )
    paper = f"{messy_server.base}/oparl/v1/paper/2024-017"
    with pytest.raises(DataError) as caught:
        import_oparl(paper, "musterstadt", fetcher=Fetcher(backoff=0))
    assert str(caught.value) == (
        f"{paper}: expected an OParl System or Body, got type 'https://schema.oparl.org/1.0/Paper'"
    )


def test_url_of_a_list(messy_server: OParlServer) -> None:
    result = import_oparl(
        f"{messy_server.base}/oparl/v1/body/1/meetings", "musterstadt", fetcher=Fetcher()
    )
    assert result.report.imported == {"AgendaItem": 1, "Location": 1, "Meeting": 4}
    assert result.report.requests == 2  # two pages, the first one read once


def test_sync_from_a_live_system_asks_only_for_changes(
    messy_server: OParlServer, tmp_path: Path
) -> None:
    lists = messy_server.lists
    for items in lists.values():
        for item in items:
            item["modified"] = "2024-01-01T00:00:00+01:00"
    out = tmp_path / "council.ttl"
    args = [
        "import",
        "oparl",
        f"{messy_server.base}/oparl/v1/",
        "--city",
        "musterstadt",
        "--out",
        str(out),
        "--cache",
        str(tmp_path / "cache"),
    ]
    assert runner.invoke(app, args).exit_code == 0
    papers = lists["/oparl/v1/body/1/papers"]
    later = "2099-01-01T00:00:00+01:00"
    papers[0] = {
        **papers[0],
        "name": "Öffentliches WLAN in der ganzen Innenstadt",
        "modified": later,
    }
    papers[1] = {"id": papers[1]["id"], "deleted": True, "modified": later}
    papers.append(
        {
            "id": f"{messy_server.base}/oparl/v1/paper/2024-030",
            "type": "https://schema.oparl.org/1.0/Paper",
            "name": "Glasfaser für die Gewerbegebiete",
            "reference": "2024/030",
            "modified": later,
        }
    )
    messy_server.hits.clear()
    synced = runner.invoke(app, args)
    lines = synced.stderr.splitlines()
    since = lines[1].removeprefix("Asked the server only for what changed since ").removesuffix(".")
    assert re.fullmatch(r"20\d\d-\d\d-\d\dT\d\d:\d\d:\d\dZ", since)
    since = since.replace(":", "%3A")
    assert lines[2] == (
        "Since the last import: added 1 (Paper 1); changed 1 (Paper 1); "
        "deleted 2 (File 1, Paper 1)."
    )
    asked = sorted(path for path in messy_server.hits if "modified_since" in path)
    assert asked == [
        f"/oparl/v1/body/1/{name}?modified_since={stamp}"
        for name, stamp in (
            ("meetings", since),
            ("organizations", since),
            ("papers", since),
            ("papers", f"{since}&page=2"),
        )
    ]
    kg = KnowledgeGraph.open([out])
    titles = {
        row[0].value
        for row in kg.select("SELECT ?t WHERE { ?p a oparl:Paper ; rdfs:label ?t }").rows
    }
    assert titles == {
        "Öffentliches WLAN in der ganzen Innenstadt",
        "Glasfaser für die Gewerbegebiete",
        "Ausbau der Ladesäulen für Elektroautos und Handyparken in der Altstadt",
    }
    assert (
        runner.invoke(app, args).stderr.splitlines()[2]
        == "Nothing added, changed or deleted since the last import."
    )


def test_geojson_coordinates_given_as_numeric_text_are_read_with_a_note(tmp_path: Path) -> None:
    def location(number: int, geometry: dict[str, Any]) -> dict[str, Any]:
        return {
            "id": f"{M}location/{number}",
            "type": "https://schema.oparl.org/1.1/Location",
            "description": f"Ort {number}",
            "geojson": geometry,
        }

    objects = [
        location(1, {"type": "Point", "coordinates": ["8.317490", "49.005950"]}),
        location(
            2,
            {
                "type": "Feature",
                "geometry": {
                    "type": "Polygon",
                    "coordinates": [
                        [["8.3", "49.0"], [" 8.4 ", "49.0"], ["8.4", "49.1"], ["8.3", "49.0"]]
                    ],
                },
            },
        ),
        location(3, {"type": "Point", "coordinates": [8.31749, 49.00595]}),
        location(4, {"type": "Point", "coordinates": ["8,317490", "49,005950"]}),
        location(5, {"type": "Point", "coordinates": ["NaN", "49.0"]}),
    ]
    (tmp_path / "locations.json").write_text(json.dumps(objects), encoding="utf-8")
    result = import_oparl(tmp_path, "musterstadt")
    wkt = {
        t.subject.value.rsplit("/", 2)[-2]: t.object.value
        for t in result.triples
        if t.predicate.value.endswith("#asWKT")
    }
    assert wkt == {
        "1": "POINT(8.317490 49.005950)",
        "2": "POLYGON((8.3 49.0, 8.4 49.0, 8.4 49.1, 8.3 49.0))",
        "3": "POINT(8.31749 49.00595)",
    }
    ignored = (
        "field 'geojson' ignored: not a Point, LineString, Polygon, MultiPoint or MultiPolygon"
    )
    assert result.report.notes == [
        Skipped(
            f"{M}location/1",
            "Location",
            "field 'geojson': coordinates given as text, read as numbers",
        ),
        Skipped(
            f"{M}location/2",
            "Location",
            "field 'geojson': coordinates given as text, read as numbers",
        ),
        Skipped(f"{M}location/4", "Location", ignored),
        Skipped(f"{M}location/5", "Location", ignored),
    ]
