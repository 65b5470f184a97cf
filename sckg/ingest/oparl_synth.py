"""A synthetic OParl 1.1 export of the shape of a real council information system, for tests and
benchmarks.

:func:`write_synthetic_export` writes a folder as a crawler stores it (``system.json``,
``body.json`` and list pages per list, like ``tests/assets/oparl``): one body (*Musterstadt
(synthetisch)*), at scale 1 2,000 papers, 350 meetings, 2,200 consultations, 5,000 agenda items,
7,000 files, 20 organizations (council, main committee, committees, party groups, administration), 2
legislative terms, 5 locations, and 2 % deleted stubs (``deleted: true`` without ``type``, as real
servers send them). Papers carry realistic German titles, keywords and ``web`` links; agenda items
carry the vote ``result`` and the resolution as text or file; consultations and agenda items refer
to each other. ``scale`` multiplies papers, meetings, consultations, agenda items and files. The
same seed always gives the same files. Everything is invented: no real person, paper or system.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ParameterError
from ..fileio import write_atomic
from ..words import error_message

HOST = "https://ris.musterstadt-synthetisch.example"
ROOT = f"{HOST}/oparl/v1/"
BODY = f"{ROOT}body/1"
V = "https://schema.oparl.org/1.1/"
PAGE_SIZE = 100

_COMMITTEES = (
    ("Hauptausschuss", "HA"),
    ("Ausschuss für Finanzen und Haushalt", "FiA"),
    ("Ausschuss für Digitalisierung und Organisation", "DigA"),
    ("Ausschuss für Planung, Bau und Umwelt", "PBU"),
    ("Ausschuss für Mobilität und Verkehr", "MoV"),
    ("Schul- und Bildungsausschuss", "SchA"),
    ("Ausschuss für Feuerwehr, Ordnung und Sicherheit", "FOS"),
    ("Ausschuss für Wirtschaft, Tourismus und Kultur", "WTK"),
    ("Ausschuss für Soziales, Jugend und Gesundheit", "SJG"),
    ("Rechnungsprüfungsausschuss", "RPA"),
    ("Ortsrat Nord", "OR-N"),
)
_GROUPS = (
    "Fraktion Musterstädter Liste",
    "Fraktion Grüne Mitte",
    "Fraktion Bürgerforum",
    "Fraktion Soziale Mitte",
    "Gruppe Freie Wähler Musterstadt",
)
_ADMIN = ("Fachbereich Digitalisierung und IT", "Fachbereich Finanzen", "Fachbereich Stadtplanung")

#: (title patterns, keywords, committee indexes that deliberate) per topic; ``{x}`` is filled from
#: the topic's list.
_TOPICS: tuple[tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[int, ...]], ...] = (
    (
        (
            "Öffentliches WLAN {x}",
            "WiFi4EU: Förderung für kostenloses WLAN {x}",
            "Ausbau des freien WLAN {x}",
        ),
        ("in der Innenstadt", "an Schulen", "im Rathaus", "in den Bürgerhäusern", "am Bahnhof"),
        ("WLAN", "Digitalisierung"),
        (2, 0),
    ),
    (
        (
            "Ladestationen für E-Autos {x}",
            "Errichtung von Ladesäulen {x}",
            "Elektromobilität: Ladeinfrastruktur {x}",
        ),
        ("im Stadtgebiet", "auf städtischen Parkplätzen", "am Rathaus", "in Wohngebieten"),
        ("Elektromobilität", "Klimaschutz"),
        (4, 3),
    ),
    (
        (
            "Erstellung eines Digitalisierungskonzeptes {x}",
            "Digitalisierungsstrategie {x}",
            "Umsetzung des OZG {x}",
        ),
        ("der Stadtverwaltung", "für die Schulen", "2025–2030", "– Sachstandsbericht"),
        ("Digitalisierung", "Verwaltung"),
        (2, 0),
    ),
    (
        ("Glasfaserausbau {x}", "Breitbandförderung {x}", "Gigabitausbau {x}"),
        (
            "in den Gewerbegebieten",
            "im ländlichen Ortsteil",
            "– Förderantrag",
            "– Kooperationsvertrag",
        ),
        ("Breitband", "Glasfaser"),
        (2, 7),
    ),
    (
        (
            "Beschaffung eines Löschfahrzeugs {x}",
            "Brandschutzbedarfsplan {x}",
            "Neubau Feuerwehrgerätehaus {x}",
        ),
        (
            "für die Ortsfeuerwehr Nord",
            "2024–2028",
            "der Freiwilligen Feuerwehr",
            "– Fortschreibung",
        ),
        ("Feuerwehr", "Sicherheit"),
        (6, 1),
    ),
    (
        ("Tourismuskonzept {x}", "Förderung des Stadtmarketings {x}", "Veranstaltungskalender {x}"),
        ("2025", "für die Altstadt", "– Zwischenbericht", "der Tourist-Information"),
        ("Tourismus", "Wirtschaft"),
        (7,),
    ),
    (
        (
            "Haushaltssatzung und Haushaltsplan {x}",
            "Jahresabschluss {x}",
            "Überplanmäßige Aufwendungen {x}",
        ),
        ("2024", "2025", "2026", "für das Haushaltsjahr 2023"),
        ("Haushalt", "Finanzen"),
        (1, 0),
    ),
    (
        (
            "Sanierung der Grundschule {x}",
            "Digitale Ausstattung der Schulen {x}",
            "Schulentwicklungsplan {x}",
        ),
        ("am Lindenweg", "Nord", "– DigitalPakt Schule", "2025–2030"),
        ("Schulen", "Bildung"),
        (5, 1),
    ),
    (
        (
            "Bebauungsplan Nr. {n} {x}",
            "Aufstellung des Bebauungsplans Nr. {n} {x}",
            "Änderung des Flächennutzungsplans {x}",
        ),
        ("„Am Mühlenbach“", "„Gewerbegebiet Süd“", "„Wohnen am Park“", "„Alte Ziegelei“"),
        ("Bebauungsplan", "Stadtentwicklung"),
        (3, 0),
    ),
    (
        ("Radverkehrskonzept {x}", "Sanierung der Kreisstraße {x}", "Parkraumbewirtschaftung {x}"),
        ("– Fortschreibung", "in der Innenstadt", "am Bahnhof"),
        ("Verkehr", "Mobilität"),
        (4,),
    ),
    (
        ("Kita-Bedarfsplanung {x}", "Zuschuss an den Sportverein {x}", "Jugendzentrum {x}"),
        ("2025", "– Erweiterung", "Nord"),
        ("Soziales", "Jugend"),
        (8,),
    ),
)
_PAPER_TYPES = (("Beschlussvorlage", 6), ("Mitteilungsvorlage", 2), ("Antrag", 2), ("Anfrage", 1))
_RESULTS = (
    ("Beschlossen", 6),
    ("Einstimmig beschlossen", 3),
    ("Geändert beschlossen", 1),
    ("Abgelehnt", 1),
    ("Zur Kenntnis genommen", 2),
    ("Vertagt", 1),
)
_ROUTINE_ITEMS = (
    "Eröffnung der Sitzung und Feststellung der Beschlussfähigkeit",
    "Feststellung der Tagesordnung",
    "Genehmigung der Niederschrift der letzten Sitzung",
    "Mitteilungen der Verwaltung",
    "Anfragen und Anregungen",
    "Einwohnerfragestunde",
)
_LOCATIONS = (
    ("Rathaus, Großer Sitzungssaal, Marktplatz 1, 99999 Musterstadt", 52.2601, 10.5212),
    ("Rathaus, Kleiner Sitzungssaal, Marktplatz 1, 99999 Musterstadt", 52.2602, 10.5213),
    ("Bürgerhaus Nord, Lindenweg 4, 99999 Musterstadt", 52.2810, 10.5105),
    ("Geltungsbereich Bebauungsplan „Am Mühlenbach“", 52.2455, 10.5390),
    ("Gewerbegebiet Süd", 52.2301, 10.5288),
)


@dataclass(frozen=True)
class SyntheticCounts:
    """How many objects of each type a synthetic export holds (deleted stubs not included)."""

    papers: int
    meetings: int
    consultations: int
    agenda_items: int
    files: int
    organizations: int
    legislative_terms: int
    locations: int
    deleted: int


def synthetic_counts(scale: float = 1.0) -> SyntheticCounts:
    """The counts :func:`write_synthetic_export` produces at ``scale``."""
    if not 0 < scale <= 100:
        raise ParameterError(error_message("error.scale", scale=scale))
    papers, meetings = round(2000 * scale), max(1, round(350 * scale))
    return SyntheticCounts(
        papers,
        meetings,
        round(2200 * scale),
        max(round(5000 * scale), 2 * meetings),
        round(7000 * scale),
        1 + len(_COMMITTEES) + len(_GROUPS) + len(_ADMIN),
        2,
        len(_LOCATIONS),
        round(0.02 * papers) + round(0.02 * meetings),
    )


def write_synthetic_export(
    folder: Path | str, *, scale: float = 1.0, seed: int = 1
) -> SyntheticCounts:
    """Write the synthetic export into ``folder`` (created; existing files of the same name are
    replaced)."""
    counts = synthetic_counts(scale)
    documents = _Generator(counts, seed).documents()
    folder = Path(folder)
    for name, document in documents.items():
        write_atomic(folder / name, json.dumps(document, ensure_ascii=False, indent=1) + "\n")
    return counts


def _weighted(rng: random.Random, choices: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([c for c, _ in choices], weights=[w for _, w in choices])[0]


def _stamp(day: dt.date, hour: int = 12) -> str:
    return f"{day.isoformat()}T{hour:02d}:00:00+01:00"


class _Generator:
    def __init__(self, counts: SyntheticCounts, seed: int) -> None:
        self.n = counts
        self.rng = random.Random(seed)
        self.files_left = counts.files
        self.file_no = 0

    def obj(self, kind: str, path: str, day: dt.date, **fields: Any) -> dict[str, Any]:
        ident = f"{ROOT}{path}"
        return {
            "id": ident,
            "type": V + kind,
            **fields,
            "web": f"{HOST}/ris/{path}.html",
            "created": _stamp(day, 9),
            "modified": _stamp(day, 17),
        }

    def file(self, name: str, day: dt.date) -> dict[str, Any] | None:
        if self.files_left <= 0:
            return None
        self.files_left -= 1
        self.file_no += 1
        n = self.file_no
        return self.obj(
            "File",
            f"file/{n}",
            day,
            name=name,
            fileName=f"dokument-{n}.pdf",
            mimeType="application/pdf",
            date=day.isoformat(),
            size=20_000 + (n * 7919) % 900_000,
            accessUrl=f"{HOST}/ris/file/{n}.pdf",
            downloadUrl=f"{HOST}/ris/file/{n}.pdf?download=1",
        )

    def documents(self) -> dict[str, Any]:
        system = {
            "id": ROOT,
            "type": V + "System",
            "oparlVersion": V,
            "name": "Musterstadt (synthetisch) – Ratsinformationssystem",
            "body": f"{ROOT}bodies",
            "website": f"{HOST}/ris/",
            "vendor": "https://example.org/synthetisch",
            "product": "https://example.org/synthetisch/ris",
        }
        terms = [
            self.obj(
                "LegislativeTerm",
                f"term/{i}",
                dt.date(y, 11, 1),
                body=BODY,
                name=f"Wahlperiode {y}–{y + 5}",
                startDate=f"{y}-11-01",
                endDate=f"{y + 5}-10-31",
            )
            for i, y in enumerate((2016, 2021), 1)
        ]
        body = self.obj(
            "Body",
            "body/1",
            dt.date(2016, 11, 1),
            system=ROOT,
            name="Musterstadt (synthetisch)",
            shortName="Musterstadt",
            ags="99999999",
            classification="Stadt",
            website=f"{HOST}/",
            organization=f"{ROOT}body/1/organizations",
            meeting=f"{ROOT}body/1/meetings",
            paper=f"{ROOT}body/1/papers",
            locationList=f"{ROOT}body/1/locations",
            legislativeTerm=terms,
        )
        locations = [
            self.obj(
                "Location",
                f"location/{i}",
                dt.date(2016, 11, 1),
                description=text,
                geojson={
                    "type": "Feature",
                    "geometry": {"type": "Point", "coordinates": [lon, lat]},
                },
            )
            for i, (text, lat, lon) in enumerate(_LOCATIONS, 1)
        ]
        founded = dt.date(2016, 11, 1)
        orgs = [
            self.obj(
                "Organization",
                "organization/1",
                founded,
                body=BODY,
                name="Rat der Stadt Musterstadt",
                shortName="Rat",
                organizationType="Gremium",
                classification="Rat",
                startDate="2016-11-01",
                keyword=["Rat"],
            )
        ]
        for i, (name, short) in enumerate(_COMMITTEES, 2):
            orgs.append(
                self.obj(
                    "Organization",
                    f"organization/{i}",
                    founded,
                    body=BODY,
                    name=name,
                    shortName=short,
                    organizationType="Gremium",
                    classification="Ausschuss",
                    startDate="2016-11-01",
                )
            )
        for name in _GROUPS:
            orgs.append(
                self.obj(
                    "Organization",
                    f"organization/{len(orgs) + 1}",
                    founded,
                    body=BODY,
                    name=name,
                    organizationType="Fraktion",
                    classification="Fraktion",
                    startDate="2016-11-01",
                )
            )
        for name in _ADMIN:
            orgs.append(
                self.obj(
                    "Organization",
                    f"organization/{len(orgs) + 1}",
                    founded,
                    body=BODY,
                    name=name,
                    organizationType="Verwaltungsbereich",
                    classification="Fachbereich",
                )
            )
        committees = [o["id"] for o in orgs[: 1 + len(_COMMITTEES)]]
        meetings = self.meetings(committees, locations)
        papers = self.papers(meetings, orgs)
        self.fill_agendas(meetings)
        self.add_files(papers, meetings)
        pages: dict[str, Any] = {"system.json": system, "body.json": body}
        for name, items in (
            ("organizations", orgs),
            ("locations", locations),
            ("meetings", meetings),
            ("papers", papers),
        ):
            items = self.with_stubs(name, items)
            total = max(1, -(-len(items) // PAGE_SIZE))
            for page in range(total):
                nxt = {"next": f"{ROOT}body/1/{name}?page={page + 2}"} if page + 1 < total else {}
                pages[f"{name}/page-{page + 1:04d}.json"] = {
                    "data": items[page * PAGE_SIZE : (page + 1) * PAGE_SIZE],
                    "links": nxt,
                    "pagination": {
                        "totalPages": total,
                        "currentPage": page + 1,
                        "elementsPerPage": PAGE_SIZE,
                    },
                }
        return pages

    def meetings(
        self, committees: list[str], locations: list[dict[str, Any]]
    ) -> list[dict[str, Any]]:
        start, days = dt.date(2021, 11, 8), (dt.date(2025, 12, 15) - dt.date(2021, 11, 8)).days
        out = []
        for i in range(1, self.n.meetings + 1):
            day = start + dt.timedelta(days=days * (i - 1) // max(1, self.n.meetings - 1))
            day += dt.timedelta(days=(1 - day.weekday()) % 7)  # council meetings on Tuesdays
            org_index = 0 if i % 6 == 0 else 1 + (i * 7) % len(_COMMITTEES)
            title = "Rat der Stadt Musterstadt" if org_index == 0 else _COMMITTEES[org_index - 1][0]
            number = 1 + i // (len(_COMMITTEES) + 1)
            meeting = self.obj(
                "Meeting",
                f"meeting/{i}",
                day,
                name=f"{number}. Sitzung: {title}",
                meetingState="durchgeführt" if day < dt.date(2025, 11, 1) else "eingeladen",
                start=_stamp(day, 17),
                end=_stamp(day, 20),
                organization=[committees[org_index]],
                location=locations[0 if org_index == 0 else 1 + i % 2]["id"],
                agendaItem=[],
            )
            meeting["keyword"] = ["Rat"] if org_index == 0 else []
            out.append(meeting)
        return out

    def papers(
        self, meetings: list[dict[str, Any]], orgs: list[dict[str, Any]]
    ) -> list[dict[str, Any]]:
        rng = self.rng
        twice = set(
            rng.sample(
                range(self.n.papers),
                min(self.n.papers, max(0, self.n.consultations - self.n.papers)),
            )
        )
        by_committee: dict[str, list[dict[str, Any]]] = {}
        for meeting in meetings:
            by_committee.setdefault(meeting["organization"][0], []).append(meeting)
        council = orgs[0]["id"]
        admin = [o["id"] for o in orgs if o.get("organizationType") == "Verwaltungsbereich"]
        groups = [o["id"] for o in orgs if o.get("organizationType") == "Fraktion"]
        out = []
        consultation_no = 0
        for i in range(1, self.n.papers + 1):
            patterns, places, keywords, deliberating = _TOPICS[rng.randrange(len(_TOPICS))]
            title = (
                rng.choice(patterns).format(x=rng.choice(places), n=rng.randint(10, 180)).strip()
            )
            paper_type = _weighted(rng, _PAPER_TYPES)
            wanted = 2 if i - 1 in twice else 1 if consultation_no < self.n.consultations else 0
            committee_ids = [orgs[1 + c]["id"] if c else council for c in deliberating][:wanted]
            if len(committee_ids) < wanted:
                committee_ids.append(council)
            meeting_list = [
                rng.choice(by_committee.get(c) or by_committee[council]) for c in committee_ids
            ]
            meeting_list.sort(key=lambda m: m["start"])
            first = (
                dt.date.fromisoformat(meeting_list[0]["start"][:10])
                if meeting_list
                else dt.date(2023, 1, 1)
            )
            day = first - dt.timedelta(days=rng.randint(7, 35))
            reference = f"{day.year}/{i:04d}"
            ident = f"paper/{i}"
            originator = (
                rng.choice(groups) if paper_type in ("Antrag", "Anfrage") else rng.choice(admin)
            )
            paper = self.obj(
                "Paper",
                ident,
                day,
                body=BODY,
                name=title,
                reference=reference,
                date=day.isoformat(),
                paperType=paper_type,
                originatorOrganization=[originator],
                keyword=list(keywords),
                consultation=[],
            )
            if "Bebauungsplan" in title or "Gewerbegebiet" in title:
                paper["location"] = [f"{ROOT}location/{4 + i % 2}"]
            for k, meeting in enumerate(meeting_list):
                consultation_no += 1
                authoritative = k == len(meeting_list) - 1 and paper_type != "Anfrage"
                paper["consultation"].append(
                    {
                        "id": f"{ROOT}consultation/{consultation_no}",
                        "type": V + "Consultation",
                        "paper": f"{ROOT}{ident}",
                        "meeting": meeting["id"],
                        "organization": meeting["organization"],
                        "authoritative": authoritative,
                        "role": "Entscheidung" if authoritative else "Vorberatung",
                        "agendaItem": f"{ROOT}agendaitem/c{consultation_no}",
                        "created": paper["created"],
                        "modified": paper["modified"],
                    }
                )
                meeting["agendaItem"].append(
                    self.obj(
                        "AgendaItem",
                        f"agendaitem/c{consultation_no}",
                        dt.date.fromisoformat(meeting["start"][:10]),
                        meeting=meeting["id"],
                        name=title,
                        public=rng.random() > 0.08,
                        consultation=f"{ROOT}consultation/{consultation_no}",
                    )
                )
            out.append(paper)
        return out

    def fill_agendas(self, meetings: list[dict[str, Any]]) -> None:
        rng = self.rng
        items = sum(len(m["agendaItem"]) for m in meetings)
        routine = self.n.agenda_items - items
        for index, meeting in enumerate(meetings):
            extra = routine // len(meetings) + (index < routine % len(meetings))
            day = dt.date.fromisoformat(meeting["start"][:10])
            head = [
                self.obj(
                    "AgendaItem",
                    f"agendaitem/m{index + 1}-{k + 1}",
                    day,
                    meeting=meeting["id"],
                    name=_ROUTINE_ITEMS[k % len(_ROUTINE_ITEMS)],
                    public=True,
                )
                for k in range(extra)
            ]
            agenda = head[:3] + meeting["agendaItem"] + head[3:]
            for number, item in enumerate(agenda, 1):
                item["number"] = str(number)
                item["order"] = number
                if "consultation" in item and day < dt.date(2025, 11, 1):
                    item["result"] = _weighted(rng, _RESULTS)
            meeting["agendaItem"] = agenda

    def add_files(self, papers: list[dict[str, Any]], meetings: list[dict[str, Any]]) -> None:
        rng = self.rng
        for paper in papers:
            day = dt.date.fromisoformat(paper["date"])
            if main := self.file(f"Vorlage {paper['reference']}", day):
                paper["mainFile"] = main
        for meeting in meetings:
            day = dt.date.fromisoformat(meeting["start"][:10])
            if invitation := self.file("Einladung", day - dt.timedelta(days=7)):
                meeting["invitation"] = invitation
            if day < dt.date(2025, 11, 1) and (
                protocol := self.file("Niederschrift", day + dt.timedelta(days=14))
            ):
                meeting["resultsProtocol"] = protocol
            for item in meeting["agendaItem"]:
                if "result" not in item:
                    continue
                if rng.random() < 0.4 and (
                    resolution := self.file(f"Beschluss zu TOP {item['number']}", day)
                ):
                    item["resolutionFile"] = resolution
                else:
                    item["resolutionText"] = f"{item['result']}: {item['name']}."
        while self.files_left > 0:  # the rest: attachments of papers
            paper = papers[rng.randrange(len(papers))]
            number = len(paper.get("auxiliaryFile", [])) + 1
            attachment = self.file(f"Anlage {number}", dt.date.fromisoformat(paper["date"]))
            paper.setdefault("auxiliaryFile", []).append(attachment)

    def with_stubs(self, name: str, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Deleted papers and meetings as servers send them: an id and ``deleted: true``, no
        type."""
        if name not in ("papers", "meetings"):
            return items
        count = round(0.02 * len(items))
        first = len(items) + 1
        kind = name[:-1]
        stubs = [
            {
                "id": f"{ROOT}{kind}/{first + k}",
                "deleted": True,
                "modified": _stamp(dt.date(2025, 6, 2)),
            }
            for k in range(count)
        ]
        return items + stubs
