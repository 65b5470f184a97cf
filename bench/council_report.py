"""`sckg stats`, `sckg report` and the default map on a council graph (an OParl import), against loading it.

A synthetic OParl 1.1 export of one body is written as JSON (papers, meetings, consultations, agenda items,
files, organisations and deleted stubs in the proportions of a real council system: --papers 2000 gives about
127k triples) and imported with sckg's importer, so the graph has exactly the importer's shape. Then, each the
median of --repeat runs and each against the time to load the same Turtle in the same run:
  stats    sckg.stats.statistics
  report   build_report + write_report (report.html with its maps, report.md); size of report.html
  map      build_network (entity projection, the default of `sckg viz`) + render_html
Goals (issue 13): stats < 1 s, report < 10 s, map < 5 s, report.html < 2 MB. Two cases: the import as the
importer writes it, and the same with a dataset description (one ``sckg:Dataset`` naming the council system as
its source, which the importer is to write): without one every OParl object is a source.

Run: .venv/bin/python bench/council_report.py [--papers 2000] [--repeat 3]
(The lead merges these rows into bench/council.py, whose generator replaces :func:`write_export`.)
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sckg.ingest import write_turtle
from sckg.ingest.oparl import import_oparl
from sckg.kg import KnowledgeGraph
from sckg.report import build_report, write_report
from sckg.stats import statistics as graph_statistics
from sckg.viz import build_network
from sckg.viz.render import render_html

SYSTEM = "https://ris.example.org/oparl/v1/"
T = "https://schema.oparl.org/1.1/"
GOALS = {"stats": 1.0, "report": 10.0, "map": 5.0}
TOPICS = (
    "Ausbau des öffentlichen WLAN in der Innenstadt", "Ladestationen für E-Autos im Quartier {n}",
    "Sanierung der Grundschule {place}", "Bebauungsplan Nr. {n} „{place}“", "Haushaltssatzung {year}",
    "Erstellung eines Digitalisierungskonzeptes", "Beschaffung von Löschfahrzeugen für die Feuerwehr",
    "DigitalPakt Schule: Ausstattung der Schulen {place}", "Radverkehrskonzept {year}",
    "Förderprogramm WiFi4EU", "Breitbandausbau im Gewerbegebiet {place}", "Tourismuskonzept {year}",
    "Parkraumbewirtschaftung {place}", "Einführung der E-Akte in der Verwaltung", "Jahresabschluss {year}",
)
PLACES = ("Nord", "Süd", "Weststadt", "Am Markt", "Lindenhof", "Bahnhofsviertel", "Altstadt")
PAPER_TYPES = ("Beschlussvorlage", "Mitteilung", "Antrag", "Anfrage", "Beantwortung einer Anfrage")
RESULTS = ("ungeändert beschlossen", "geändert beschlossen", "zur Kenntnis genommen", "abgelehnt", "vertagt")


def write_export(folder: Path, papers: int = 2000, seed: int = 1) -> None:
    """A synthetic OParl export of one body as list files in ``folder`` (see the module description)."""
    rng = random.Random(seed)
    body = SYSTEM + "body/1"
    organizations = [{"id": SYSTEM + "organization/1", "type": T + "Organization", "body": body,
                      "name": "Rat der Stadt", "organizationType": "Gremium"}]
    committees = ("Finanzausschuss", "Bauausschuss", "Schulausschuss", "Ausschuss für Digitalisierung",
                  "Umweltausschuss", "Verkehrsausschuss", "Hauptausschuss", "Sozialausschuss", "Kulturausschuss",
                  "Jugendhilfeausschuss", "Betriebsausschuss")
    organizations += [{"id": SYSTEM + f"organization/{i}", "type": T + "Organization", "body": body, "name": name,
                       "organizationType": "Gremium", "classification": "Ausschuss"}
                      for i, name in enumerate(committees, 2)]
    groups = ("SPD", "CDU", "Grüne", "FDP", "Die Linke", "Freie Wähler", "AfD", "Volt")
    organizations += [{"id": SYSTEM + f"organization/{i}", "type": T + "Organization", "body": body,
                       "name": f"Fraktion {name}", "organizationType": "Fraktion", "classification": "Fraktion"}
                      for i, name in enumerate(groups, 2 + len(committees))]
    gremien = [o["id"] for o in organizations if o["organizationType"] == "Gremium"]
    meetings = []
    for i in range(1, papers * 7 // 40 + 1):
        day = f"{2014 + i % 10}-{1 + i % 12:02d}-{1 + i % 28:02d}"
        meetings.append({"id": SYSTEM + f"meeting/{i}", "type": T + "Meeting", "name": f"{i}. Sitzung",
                         "start": f"{day}T17:00:00+01:00", "organization": [rng.choice(gremien)]})
    paper_list, consultations, items, files = [], [], [], []
    for i in range(1, papers + 1):
        year = 2014 + i % 10
        title = rng.choice(TOPICS).format(n=i % 97, place=rng.choice(PLACES), year=year)
        file_ids = [SYSTEM + f"file/{i}-{k}" for k in range(1, 4 + i % 2)]  # 3.5 files a paper
        files += [{"id": f, "type": T + "File", "name": f"Anlage {k}", "fileName": f"anlage-{k}.pdf",
                   "mimeType": "application/pdf", "accessUrl": f + ".pdf", "date": f"{year}-03-01"}
                  for k, f in enumerate(file_ids, 1)]
        paper_list.append({"id": SYSTEM + f"paper/{i}", "type": T + "Paper", "body": body, "name": title,
                           "reference": f"{i:04d}/{year % 100:02d}", "date": f"{year}-02-{1 + i % 28:02d}",
                           "paperType": rng.choice(PAPER_TYPES), "mainFile": file_ids[0],
                           "auxiliaryFile": file_ids[1:], "web": f"https://ris.example.org/vo/{i}"})
    item_id = 0
    for i in range(1, papers * 11 // 10 + 1):
        paper, meeting = paper_list[(i - 1) % papers], rng.choice(meetings)
        item_id += 1
        consultation = {"id": SYSTEM + f"consultation/{i}", "type": T + "Consultation", "paper": paper["id"],
                        "meeting": meeting["id"], "organization": meeting["organization"],
                        "agendaItem": SYSTEM + f"agendaitem/{item_id}", "authoritative": i % 3 == 0,
                        "role": "Entscheidung" if i % 3 == 0 else "Vorberatung"}
        consultations.append(consultation)
        items.append({"id": SYSTEM + f"agendaitem/{item_id}", "type": T + "AgendaItem", "meeting": meeting["id"],
                      "number": str(1 + i % 30), "name": paper["name"], "public": i % 5 != 0,
                      "consultation": consultation["id"], "result": rng.choice(RESULTS)})
    for meeting in meetings:  # opening, minutes, other business: agenda items without a paper
        for k in range(8):
            item_id += 1
            items.append({"id": SYSTEM + f"agendaitem/{item_id}", "type": T + "AgendaItem", "meeting": meeting["id"],
                          "number": str(k + 1), "name": ("Eröffnung", "Niederschrift", "Mitteilungen",
                          "Anfragen", "Verschiedenes", "Einwohnerfragestunde", "Bericht", "Sonstiges")[k]})
    deleted = [{"id": SYSTEM + f"paper/deleted-{i}", "deleted": True} for i in range(papers // 50)]
    everything = {"body": [{"id": body, "type": T + "Body", "name": "Stadt Musterstadt", "shortName": "Musterstadt"}],
                  "organizations": organizations, "meetings": meetings, "papers": paper_list + deleted,
                  "consultations": consultations, "agendaitems": items, "files": files}
    folder.mkdir(parents=True, exist_ok=True)
    for name, objects in everything.items():
        (folder / f"{name}.json").write_text(json.dumps({"data": objects}, ensure_ascii=False), encoding="utf-8")


DATASET = f"""
@prefix sckg: <https://w3id.org/sckg/ontology#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<https://w3id.org/sckg/id/musterstadt/oparl/dataset> a sckg:Dataset ;
    rdfs:label "Ratsinformationssystem Musterstadt"@de ; dcterms:modified "2026-01-31"^^xsd:date ;
    dcterms:source <{SYSTEM}> .
"""


def median_time(job: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    """The median seconds of ``repeat`` runs of ``job`` and the last run's result."""
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = job()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def council_rows(turtle: Path, out: Path, repeat: int) -> list[tuple[str, float, float, str]]:
    """(job, seconds, ratio to loading, size or count) of stats, report and the default map on ``turtle``."""
    load, kg = median_time(lambda: KnowledgeGraph.open([turtle]), repeat)
    rows = []
    stats_s, stats = median_time(lambda: graph_statistics(kg, "de"), repeat)
    rows.append(("stats", stats_s, stats_s / load, f"{len(stats.sources)} sources"))

    def report() -> Path:
        with kg.cached():
            return write_report(build_report(kg, "de"), kg, out)

    report_s, path = median_time(report, repeat)
    rows.append(("report", report_s, report_s / load, f"{path.stat().st_size / 1e6:.2f} MB"))
    map_s, page = median_time(lambda: render_html(build_network(kg, "entity", lang="de")), repeat)
    rows.append(("map", map_s, map_s / load, f"{len(page) / 1e6:.2f} MB"))
    return [("load", load, 1.0, f"{len(kg.triples())} triples"), *rows]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--papers", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        export, turtle = Path(tmp) / "export", Path(tmp) / "council.ttl"
        write_export(export, args.papers)
        write_turtle(import_oparl(export, "musterstadt").triples, turtle)
        described = Path(tmp) / "described.ttl"
        described.write_text(turtle.read_text(encoding="utf-8") + DATASET, encoding="utf-8")
        print(f"{'case':22} {'job':8} {'seconds':>8} {'x load':>7} {'size':>18} {'goal':>14}")
        for case, path in (("as imported", turtle), ("with dataset", described)):
            for job, seconds, ratio, size in council_rows(path, Path(tmp) / "out", args.repeat):
                goal = f"< {GOALS[job]:g} s " + ("met" if seconds < GOALS[job] else "NOT met") if job in GOALS else ""
                print(f"{case:22} {job:8} {seconds:8.2f} {ratio:7.1f} {size:>18} {goal:>14}")


if __name__ == "__main__":
    main()
