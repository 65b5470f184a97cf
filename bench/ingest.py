"""Import rate: a 10,000-row inventory spreadsheet (xlsx and CSV) and 10,000 OParl objects (a
folder, and a local OParl server with paging, cold and with a warm cache), each to Turtle. Baselines
measured in the same run: reading the same cells with openpyxl (read-only) / csv, and json.load of
the same OParl files. Goal: each import under 20 s.

Run: .venv/bin/python bench/ingest.py [--repeat N]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from sckg.ingest import turtle
from sckg.ingest.oparl import import_oparl
from sckg.ingest.oparl_fetch import Fetcher
from sckg.ingest.tables import choice_text, import_table
from sckg.ingest.template import SHEETS, help_rows, workbook_bytes

ROWS = {
    "actors": 500,
    "goals": 100,
    "fields": 12,
    "projects": 9000,
    "dependencies": 388,
}  # 10,000 rows
STATUS = ["laufend", "geplant", "abgeschlossen", "beantragt"]
FIELDS = ["smart-mobility", "infrastructure", "e-government", "energy"]


def spreadsheet_rows() -> dict[str, list[list[Any]]]:
    """A synthetic inventory: actors, goals, fields, projects referring to them by ID and name,
    dependencies."""
    actors = [
        [
            f"a{i}",
            f"Akteur {i}",
            f"Actor {i}",
            "amt" if i else "city-administration",
            "a0" if i else None,
            None,
            None,
            None,
            f"{i:04d}",
            None,
            None,
            None,
            None,
            None,
            None,
        ]
        for i in range(ROWS["actors"])
    ]
    goals = [
        [
            f"g{i}",
            f"Ziel {i}",
            None,
            None if i else "Zielbild",
            "g0" if i else None,
            str(i % 17 + 1),
            None,
            None,
            None,
        ]
        for i in range(ROWS["goals"])
    ]
    fields = [
        [f"f{i}", f"Feld {i}", None, FIELDS[i % 4], i + 1, None, None, f"Wort{i}", None]
        for i in range(ROWS["fields"])
    ]
    projects = [
        [
            f"p{i}",
            f"Projekt {i}",
            f"Project {i}",
            f"Beschreibung {i}",
            None,
            f"a{i % 499 + 1}",
            f"Akteur {(i * 7) % 499 + 1}",
            None,
            f"f{i % 12}; {FIELDS[i % 4]}",
            f"g{i % 99 + 1}",
            STATUS[i % 4],
            dt.date(2024, 1 + i % 12, 1),
            f"{1 + i % 28:02d}.12.2026",
            1000 + i * 3.5,
            i % 2 == 0,
            None,
            None,
            None,
            None,
            None,
        ]
        for i in range(ROWS["projects"])
    ]
    dependencies = [[f"p{i}", f"p{i + 1}"] for i in range(ROWS["dependencies"])]
    return {
        "actors": actors,
        "goals": goals,
        "fields": fields,
        "projects": projects,
        "dependencies": dependencies,
    }


def write_csv_folder(rows: dict[str, list[list[Any]]], folder: Path) -> None:
    folder.mkdir()
    for sheet in SHEETS:
        with (folder / f"{sheet.name}.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow([c.header for c in sheet.columns])
            writer.writerows(
                [["" if v is None else v for v in row] for row in rows.get(sheet.key, [])]
            )


def oparl_folder(folder: Path, host: str) -> int:
    """10,000 OParl 1.1 objects: a body with a legislative term, 48 organizations, 1,000 meetings
    with 2 agenda items each, 2,400 papers with a consultation each and 2,150 with a main file; list
    pages of 100."""
    t = "https://schema.oparl.org/1.1/"
    body = {
        "id": f"{host}/body/1",
        "type": t + "Body",
        "name": "Stadt Benchstadt",
        "shortName": "Benchstadt",
        "organization": f"{host}/body/1/organizations",
        "meeting": f"{host}/body/1/meetings",
        "paper": f"{host}/body/1/papers",
        "legislativeTerm": [
            {
                "id": f"{host}/term/1",
                "type": t + "LegislativeTerm",
                "name": "1. Wahlperiode",
                "startDate": "2021-11-01",
                "endDate": "2026-10-31",
            }
        ],
    }
    organizations = [
        {
            "id": f"{host}/org/{i}",
            "type": t + "Organization",
            "body": body["id"],
            "name": f"Ausschuss {i}",
            "organizationType": "Gremium",
            "classification": "Ausschuss",
        }
        for i in range(48)
    ]
    meetings = [
        {
            "id": f"{host}/meeting/{i}",
            "type": t + "Meeting",
            "name": f"{i}. Sitzung",
            "start": f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}T17:00:00+01:00",
            "organization": [f"{host}/org/{i % 48}"],
            "agendaItem": [
                {
                    "id": f"{host}/item/{i}-{k}",
                    "type": t + "AgendaItem",
                    "meeting": f"{host}/meeting/{i}",
                    "number": str(k + 1),
                    "name": f"Punkt {k + 1}",
                    "public": True,
                }
                for k in range(2)
            ],
        }
        for i in range(1000)
    ]
    papers = []
    for i in range(2400):
        paper = {
            "id": f"{host}/paper/{i}",
            "type": t + "Paper",
            "name": f"Vorlage {i} zu WLAN und Ladesäulen",
            "reference": f"2024/{i:04d}",
            "date": "2024-02-01",
            "paperType": "Beschlussvorlage",
            "consultation": [
                {
                    "id": f"{host}/consultation/{i}",
                    "type": t + "Consultation",
                    "paper": f"{host}/paper/{i}",
                    "meeting": f"{host}/meeting/{i % 1000}",
                    "organization": [f"{host}/org/{i % 48}"],
                    "authoritative": i % 3 == 0,
                    "role": "Entscheidung" if i % 3 == 0 else "Vorberatung",
                }
            ],
        }
        if i < 2150:
            paper["mainFile"] = {
                "id": f"{host}/file/{i}",
                "type": t + "File",
                "name": f"Vorlage {i}",
                "mimeType": "application/pdf",
                "accessUrl": f"{host}/file/{i}.pdf",
            }
        papers.append(paper)
    folder.mkdir()
    system = {"id": f"{host}/", "type": t + "System", "body": f"{host}/bodies"}
    (folder / "system.json").write_text(json.dumps(system))
    lists = {
        "bodies": [body],
        "body/1/organizations": organizations,
        "body/1/meetings": meetings,
        "body/1/papers": papers,
    }
    for name, items in lists.items():
        pages = [items[i : i + 100] for i in range(0, len(items), 100)]
        for number, page in enumerate(pages, start=1):
            url = f"{host}/{name}" + (f"?page={number + 1}" if number < len(pages) else "")
            document = {"data": page, "links": {"next": url} if number < len(pages) else {}}
            (folder / f"{name.replace('/', '-')}-{number:03d}.json").write_text(
                json.dumps(document)
            )
    return 1 + 1 + len(organizations) + 3 * len(meetings) + 2 * len(papers) + 2150


class PagedServer:
    """Serves the generated list pages as the OParl system they describe (``?page=N`` → the N-th
    file)."""

    def __init__(self, folder: Path) -> None:
        pages = {}
        for path in folder.glob("*.json"):
            pages[path.name] = path.read_bytes()
        server = self

        class Handler(SimpleHTTPRequestHandler):
            def do_GET(self) -> None:
                path, _, query = self.path.partition("?")
                number = int(query.removeprefix("page=") or 1)
                name = (
                    "system.json"
                    if path == "/"
                    else f"{path.strip('/').replace('/', '-')}-{number:03d}.json"
                )
                body = server.pages.get(name, b"").replace(
                    b"https://ris.bench.example", server.base.encode()
                )
                self.send_response(200 if body else 404)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        self.pages = pages
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()


def median(run: Callable[[], Any], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def read_xlsx_cells(path: Path) -> int:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    count = sum(1 for ws in book.worksheets for _ in ws.iter_rows(values_only=True))
    book.close()
    return count


def read_csv_cells(folder: Path) -> int:
    return sum(1 for p in folder.glob("*.csv") for _ in csv.reader(p.open(encoding="utf-8-sig")))


def load_json(folder: Path) -> int:
    return sum(len(json.loads(p.read_bytes()).get("data", [1])) for p in folder.glob("*.json"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        rows = spreadsheet_rows()
        total_rows = sum(len(r) for r in rows.values())
        book = folder / "inventory.xlsx"
        book.write_bytes(workbook_bytes(rows, help_rows(choice_text())))
        write_csv_folder(rows, folder / "csv")
        objects = oparl_folder(folder / "oparl", "https://ris.bench.example")
        server = PagedServer(folder / "oparl")
        url = f"{server.base}/"
        cache = folder / "cache"
        import_oparl(url, "benchstadt", fetcher=Fetcher(cache_dir=cache))  # fill the cache once

        def table(path: Path) -> Callable[[], Any]:
            return lambda: turtle(import_table(path, "benchstadt").triples)

        def council(source: str | Path, cache_dir: Path | None) -> Callable[[], Any]:
            return lambda: turtle(
                import_oparl(source, "benchstadt", fetcher=Fetcher(cache_dir=cache_dir)).triples
            )

        cases = [
            (
                "openpyxl read-only, cells only (baseline)",
                "xlsx",
                total_rows,
                lambda: read_xlsx_cells(book),
            ),
            ("sckg import table inventory.xlsx", "xlsx", total_rows, table(book)),
            (
                "csv.reader, cells only (baseline)",
                "csv",
                total_rows,
                lambda: read_csv_cells(folder / "csv"),
            ),
            ("sckg import table csv-folder/", "csv", total_rows, table(folder / "csv")),
            (
                "json.load of the files (baseline)",
                "oparl",
                objects,
                lambda: load_json(folder / "oparl"),
            ),
            ("sckg import oparl folder/", "oparl", objects, council(folder / "oparl", None)),
            ("sckg import oparl URL (local, no cache)", "oparl", objects, council(url, None)),
            ("sckg import oparl URL (warm cache)", "oparl", objects, council(url, cache)),
        ]
        print(
            f"{total_rows} spreadsheet rows "
            f"({', '.join(f'{k} {len(v)}' for k, v in rows.items())}), {objects} OParl objects "
            f"(pages of 100); median of {args.repeat} runs, Python {sys.version.split()[0]}"
        )
        print(f"{'case':42} {'median s':>9} {'per s':>9} {'x baseline':>11}")
        baselines: dict[str, float] = {}
        worst = 0.0
        for name, group, count, run in cases:
            seconds = median(run, args.repeat)
            baselines.setdefault(group, seconds)
            if "sckg" in name:
                worst = max(worst, seconds)
            print(
                f"{name:42} {seconds:9.3f} {count / seconds:9.0f} "
                f"{seconds / baselines[group]:11.1f}"
            )
        server.httpd.shutdown()
        verdict = "met" if worst < 20 else "NOT met"
        print(f"\ngoal: each import under 20 s: {verdict} (slowest {worst:.2f} s)")


if __name__ == "__main__":
    main()
