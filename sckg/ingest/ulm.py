"""Ulm's Smart City strategy (Markdown, CC BY-SA 4.0) to sorted Turtle: the converter of data/ulm/.

The City of Ulm published its strategy as Markdown pages (github.com/loobopi/smart-city-strategie).
This module reads a copy of the pages and keeps only what they state: the fields of action
(``06_Handlungsfelder/*/index.md``), the goals they name as headings or numbered lists, the measures
of their tables (number and title; the description stays in the source, each measure links to its
table row), the projects they name, the actors (from a list of the units, companies and bodies to
look for) and the council papers (``GD 420/19``) where the text names them. Every entity is
``sckg:documentedIn`` the section or table row it comes from (a GitHub address at the commit, with
the line); the dataset names the source, the commit, the licence, the attribution and the city
(``dcterms:coverage``). The same pages and commit always give the same file.

Rebuild: ``python -m sckg.ingest.ulm SOURCE_DIR data/ulm/strategy.ttl --commit SHA --date DATE``.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from ..errors import DataError, SckgError
from ..namespaces import DCTERMS, FIELD, KIND, OPARL, ORG, PROV, RDF, RDFS, SCHEMA, SCKG, SKOS, slug
from ..words import error_message
from . import XSD_BOOLEAN, XSD_DATE, city_base, write_turtle
from .tables import KIND_CLASSES

REPOSITORY = "https://github.com/loobopi/smart-city-strategie"
LICENCE = "https://creativecommons.org/licenses/by-sa/4.0/"
BASE = city_base("ulm")
FIELD_PAGE = re.compile(r"^06_Handlungsfelder/(06\.\d\d)_[^/]+/index\.md$")
HEADING = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
GOAL_SECTION = re.compile(r"^(Ziele|Leiti?l?inien)$")  # the Mobilität page spells it "Leitinien"
BOLD_LINE = re.compile(r"^\*\*(?:Ziel:\s*)?(.+?):?\*\*\s*$")
NUMBERED = re.compile(r"^\d+\.\s+(.+?)\.?\s*$")
TABLE_ROW = re.compile(r"^\s*(\d+)\s*\|\s*([^|]*?)\s*\|")
PROJECT_LINE = re.compile(r"^(?:\*\s*)?\*\*(.+?):?\*\*")
PAPER = re.compile(
    r"\bGD ?(\d{2,3}) ?[/-] ?(\d{2})\b(?::\s*([^.]+)\.)?(?: vom (\d\d)\.(\d\d)\.(\d{4}))?"
)
UMLAUTS = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
)

#: The fields of action by chapter: IRI slug, English label, and the reference fields
#: (ontology/vocab/fields.ttl) they evidently match: close (same topic), broad (a wider field).
FIELDS: dict[str, tuple[str, str, tuple[str, ...], tuple[str, ...]]] = {
    "06.01": ("mobilitaet", "Mobility", ("smart-mobility",), ()),
    "06.02": ("bildung", "Education", ("digital-education",), ()),
    "06.03": ("kultur", "Culture", (), ("culture-tourism",)),
    "06.04": ("rettung-katastrophenschutz", "Rescue and disaster control", (), ("security",)),
    "06.05": ("sicherheit", "Safety and security", ("security",), ()),
    "06.06": (
        "staedtebau-gebaeude-wohnen",
        "Urban development, buildings and housing",
        ("smart-living",),
        (),
    ),
    "06.07": ("umwelt-klima", "Environment and climate", (), ("sustainability",)),
    "06.08": ("energie", "Energy", ("energy",), ()),
    "06.09": ("ver-entsorgung", "Utilities and waste disposal", (), ()),
    "06.10": ("handel-innenstadt-tourismus", "Retail, city centre and tourism", (), ()),
    "06.11": (
        "wirtschaft-forschung-entwicklung",
        "Economy, research and development",
        ("industry-4-0",),
        (),
    ),
    "06.12": ("gesundheit-pflege-sport", "Health, care and sport", ("health",), ()),
    "06.13": ("zusammenleben-gesellschaft", "Living together and society", (), ()),
}


#: The classes of each group of actors whose kind the text does not say (an actor of a kind has the
#: classes the inventory import gives that kind); ``unit`` is a unit of the city (``org:unitOf``),
#: ``place`` a unit the text does not place (e.g. the city library).
GROUPS: dict[str, tuple[str, ...]] = {
    "city": (ORG + "FormalOrganization", OPARL + "Body"),
    "body": (ORG + "Organization", OPARL + "Organization"),
    "unit": (ORG + "OrganizationalUnit",),
    "place": (ORG + "OrganizationalUnit",),
    "company": (ORG + "FormalOrganization",),
}
#: The units, companies, bodies and partners to look for: IRI slug, label, group, kind (``""`` where
#: the text does not say) and the pattern of their name; a name not found in the pages is left out.
ACTORS: tuple[tuple[str, str, str, str, str], ...] = (
    ("stadt-ulm", "Stadt Ulm", "city", "city-administration", r"\bStadt Ulm\b"),
    ("gemeinderat", "Gemeinderat", "body", "council", r"\bGemeinderat(?:s|es)?\b"),
    (
        "innovationsausschuss",
        "Innovationsausschuss",
        "body",
        "committee",
        r"\bInnovationsausschuss",
    ),
    (
        "fachbereichsausschuss-sbu",
        "Fachbereichsausschuss Stadtentwicklung, Bau und Umwelt",
        "body",
        "committee",
        r"\bFachbereichsausschuss Stadtentwicklung,? Bau und Umwelt",
    ),
    ("digitale-agenda", "Geschäftsstelle Digitale Agenda", "unit", "", r"\bDigitale[nr]? Agenda\b"),
    ("abteilung-mobilitaet", "Abteilung Mobilität", "unit", "", r"\bAbteilung Mobilität\b"),
    (
        "abteilung-sub",
        "Abteilung Stadtplanung, Umwelt und Baurecht (SUB)",
        "unit",
        "",
        r"\bAbteilung Stadtplanung, Umwelt und Baurecht\b|\bSUB\b",
    ),
    ("abteilung-soziales", "Abteilung Soziales", "unit", "", r"\bAbteilung Soziales\b"),
    (
        "fachbereich-bildung-soziales",
        "Fachbereich Bildung und Soziales",
        "unit",
        "fachbereich",
        r"\bFachbereich Bildung und Soziales\b",
    ),
    ("kulturabteilung", "Kulturabteilung", "unit", "", r"\bKulturabteilung\b"),
    (
        "feuerwehr",
        "Feuerwehr und Katastrophenschutz",
        "unit",
        "",
        r"\bFeuerwehr und Katastrophenschutz\b",
    ),
    ("bildungsbuero", "Bildungsbüro", "place", "", r"\bBildungsbüro\b"),
    ("stadtbibliothek", "Stadtbibliothek", "place", "", r"\bStadtbibliothek\b"),
    ("stadtarchiv", "Stadtarchiv Ulm", "place", "", r"\bStadtarchiv"),
    (
        "swu",
        "Stadtwerke Ulm/Neu-Ulm (SWU)",
        "company",
        "municipal-company",
        r"\bSWU\b|\bStadtwerke Ulm\b",
    ),
    (
        "ebu",
        "Entsorgungsbetriebe der Stadt Ulm (EBU)",
        "company",
        "eigenbetrieb",
        r"\bEntsorgungsbetriebe der Stadt Ulm\b|\bEBU\b",
    ),
    (
        "unt",
        "Ulm/Neu-Ulm Touristik GmbH (UNT)",
        "company",
        "municipal-company",
        r"\bUlm/Neu-Ulm Touristik GmbH\b|\bUNT\b",
    ),
    (
        "universitaet-ulm",
        "Universität Ulm",
        "company",
        "research-institution",
        r"\bUniversität Ulm\b",
    ),
    (
        "hochschule-ulm",
        "Technische Hochschule Ulm",
        "company",
        "research-institution",
        r"\b(?:Technische )?Hochschule Ulm\b",
    ),
    ("ihk-ulm", "IHK Ulm", "company", "external-partner", r"\bIHK Ulm\b"),
    (
        "ulmer-city-marketing",
        "Ulmer City Marketing",
        "company",
        "external-partner",
        r"\bUlmer City Marketing\b",
    ),
)
#: Projects the strategy names outside the fields' project lists (funding projects of the city).
NAMED_PROJECTS = (
    ("ulm4clevercity", "Ulm4CleverCity", r"\bUlm4CleverCity\b"),
    ("zukunftskommune-bw", "Zukunftskommune@bw", r"\bZukunftskommune@bw\b"),
    ("zukunftsstadt-2030", "Zukunftsstadt 2030", r"\bZukunftsstadt 2030\b"),
)


@dataclass
class Section:
    """A heading of a page with its lines: the unit every entity is documented in."""

    page: str
    level: int
    heading: str
    line: int  # 1-based line of the heading (0: the text before the first heading)
    lines: list[tuple[int, str]] = field(default_factory=list)
    parent: Section | None = None
    iri: str = ""


@dataclass(frozen=True)
class Counts:
    """How many entities of each kind the conversion found."""

    fields: int
    goals: int
    measures: int
    projects: int
    actors: int
    papers: int


def _node(path: str) -> ox.NamedNode:
    return ox.NamedNode(BASE + path)


def _key(text: str) -> str:
    return slug(text.translate(UMLAUTS))


def _page_key(page: str) -> str:
    """``06_Handlungsfelder/06.01_Mobilitaet/index.md`` → ``source/06-01-mobilitaet``."""
    return "source/" + _key(page.rsplit("/", 2)[-2])


def _sections(page: str, text: str) -> list[Section]:
    """The page split at its headings; each section knows its parent (the nearest higher one)."""
    sections = [Section(page, 0, "", 0)]
    stack: list[Section] = []
    for number, line in enumerate(text.splitlines(), start=1):
        match = HEADING.match(line)
        if match is None:
            sections[-1].lines.append((number, line))
            continue
        level = len(match.group(1))
        while stack and stack[-1].level >= level:
            stack.pop()
        sections.append(
            Section(
                page, level, match.group(2).strip(), number, parent=stack[-1] if stack else None
            )
        )
        stack.append(sections[-1])
    sections[0].iri = _page_key(page)  # the text before the first heading: the page itself
    used = {sections[0].iri}
    for section in sections[1:]:
        base = f"{_page_key(page)}-{_key(section.heading)}"
        section.iri, n = base, 2
        while section.iri in used:
            section.iri, n = f"{base}-{n}", n + 1
        used.add(section.iri)
    return sections


class _Converter:
    def __init__(self, commit: str) -> None:
        self.commit = commit
        self.triples: list[ox.Triple] = []
        self.dataset = _node("dataset")
        self.measures = self.goals = self.numbered = 0

    def add(self, s: ox.NamedNode, p: str, o: ox.NamedNode | ox.Literal) -> None:
        self.triples.append(ox.Triple(s, ox.NamedNode(p), o))

    def entity(
        self, s: ox.NamedNode, classes: tuple[str, ...], label: str, source: ox.NamedNode
    ) -> None:
        for cls in classes:
            self.add(s, RDF + "type", ox.NamedNode(cls))
        self.add(s, RDFS + "label", ox.Literal(label, language="de"))
        self.add(s, SCKG + "documentedIn", source)
        self.add(s, SCKG + "inDataset", self.dataset)

    def url(self, page: str, line: int) -> ox.NamedNode:
        return ox.NamedNode(
            f"{REPOSITORY}/blob/{self.commit}/{page}" + (f"#L{line}" if line else "")
        )

    def source(self, s: ox.NamedNode, title: str, part_of: ox.NamedNode, url: ox.NamedNode) -> None:
        self.add(s, RDF + "type", ox.NamedNode(PROV + "Entity"))
        self.add(s, DCTERMS + "title", ox.Literal(title, language="de"))
        self.add(s, RDFS + "label", ox.Literal(title, language="de"))
        self.add(s, DCTERMS + "isPartOf", part_of)
        self.add(s, SCHEMA + "url", url)

    def page(self, page: str, text: str) -> list[Section]:
        sections = _sections(page, text)
        title = next((s.heading for s in sections if s.level == 1), page)
        page_node = _node(_page_key(page))
        self.source(page_node, title, _node("source/strategie"), self.url(page, 0))
        for section in sections:
            if section.level:
                self.source(
                    _node(section.iri),
                    f"{title} – {section.heading}",
                    page_node,
                    self.url(page, section.line),
                )
        return sections

    def field(self, number: str, sections: list[Section]) -> None:
        key, english, close, broad = FIELDS[number]
        top = next(s for s in sections if s.level == 1)
        s = _node(f"field/{key}")
        self.numbered = 0  # the goals of this field so far
        self.entity(s, (SCKG + "FieldOfAction", SKOS + "Concept"), top.heading, _node(top.iri))
        self.add(s, SKOS + "prefLabel", ox.Literal(top.heading, language="de"))
        self.add(s, SKOS + "prefLabel", ox.Literal(english, language="en"))
        self.add(s, DCTERMS + "identifier", ox.Literal(number))
        for p, targets in ((SKOS + "closeMatch", close), (SKOS + "broadMatch", broad)):
            for target in targets:
                self.add(s, p, ox.NamedNode(FIELD + target))
        for scheme_p in (SKOS + "inScheme", SKOS + "topConceptOf"):
            self.add(s, scheme_p, _node("field/scheme"))
        for section in sections:
            if GOAL_SECTION.match(section.heading):
                self._goals(key, s, section)
            elif (
                section.parent is not None
                and GOAL_SECTION.match(section.parent.heading)
                and section.heading not in ("Projekte", "Maßnahmen")
            ):
                self.numbered += 1
                self._goal(f"{key}-{self.numbered}", section.heading, s, section, None)
            if section.heading == "Maßnahmen":
                self._measures(key, s, section)
            if section.heading == "Projekte":
                self._projects(s, section)

    def _goal(
        self,
        key: str,
        label: str,
        fld: ox.NamedNode,
        section: Section,
        broader: ox.NamedNode | None,
    ) -> ox.NamedNode:
        s = _node(f"goal/{key}")
        self.entity(s, (SCKG + "StrategicGoal", SKOS + "Concept"), label, _node(section.iri))
        self.add(s, SKOS + "prefLabel", ox.Literal(label, language="de"))
        self.add(s, SKOS + "inScheme", _node("goal/scheme"))
        self.add(s, SKOS + "related", fld)
        if broader is None:
            self.add(s, SKOS + "topConceptOf", _node("goal/scheme"))
        else:
            self.add(s, SKOS + "broader", broader)
        self.goals += 1
        return s

    def _goals(self, key: str, fld: ox.NamedNode, section: Section) -> None:
        """Goals named as bold lines, and numbered goals under such a line (``sicherheit-1-2``)."""
        current: ox.NamedNode | None = None
        sub = 0
        for _, line in section.lines:
            bold, numbered = BOLD_LINE.match(line.strip()), NUMBERED.match(line.strip())
            if bold:
                self.numbered, sub = self.numbered + 1, 0
                current = self._goal(
                    f"{key}-{self.numbered}", bold.group(1).strip(), fld, section, None
                )
            elif numbered and current is not None:
                sub += 1
                self._goal(
                    f"{key}-{self.numbered}-{sub}", numbered.group(1).strip(), fld, section, current
                )

    def _measures(self, key: str, fld: ox.NamedNode, section: Section) -> None:
        for line_no, line in section.lines:
            row = TABLE_ROW.match(line)
            if row is None:
                continue
            number, title = row.group(1).zfill(2), row.group(2).strip()
            source = _node(f"{section.iri}-{number}")
            self.source(
                source,
                f"{_page_title(section)} – Maßnahme {number}",
                _node(section.iri),
                self.url(section.page, line_no),
            )
            s = _node(f"measure/{key}-{number}")
            if title in ("", "-"):
                title = f"Maßnahme {number} ({_page_title(section)}, ohne Titel in der Quelle)"
                self.add(
                    s,
                    RDFS + "comment",
                    ox.Literal(
                        "Die Tabelle der Strategie nennt für diese Maßnahme keinen Titel, "
                        "nur eine Beschreibung.",
                        language="de",
                    ),
                )
            self.entity(s, (SCKG + "Project",), title, source)
            self.add(s, DCTERMS + "title", ox.Literal(title, language="de"))
            self.add(s, DCTERMS + "identifier", ox.Literal(number))
            self.add(s, SCKG + "inFieldOfAction", fld)
            self.add(s, SCKG + "partOfProgramme", _node("programme/smart-city-strategie"))
            self.measures += 1

    def _projects(self, fld: ox.NamedNode, section: Section) -> None:
        for _, line in section.lines:
            match = PROJECT_LINE.match(line.strip())
            if match:
                name = match.group(1).strip().rstrip(":").strip()
                s = self.project(_key(name), name, _node(section.iri))
                self.add(s, SCKG + "inFieldOfAction", fld)

    def project(self, key: str, name: str, source: ox.NamedNode) -> ox.NamedNode:
        s = _node(f"project/{key}")
        self.entity(s, (SCKG + "Project",), name, source)
        self.add(s, DCTERMS + "title", ox.Literal(name, language="de"))
        self.add(s, SCKG + "partOfProgramme", _node("programme/smart-city-strategie"))
        return s


def _page_title(section: Section) -> str:
    """The title of the page a section is on (its level-1 heading)."""
    top = section
    while top.parent is not None:
        top = top.parent
    return top.heading if top.level == 1 else section.page


def _pages(source: Path) -> Iterator[tuple[str, str]]:
    for path in sorted(source.rglob("index.md")):
        rel = path.relative_to(source).as_posix()
        if rel.count("/") >= 1:  # chapter pages, not the book's root index
            try:
                yield rel, path.read_text(encoding="utf-8")
            except UnicodeDecodeError as exc:
                raise DataError(
                    error_message(
                        "error.ulm_not_utf8",
                        path=path,
                        byte=f"0x{exc.object[exc.start]:02x}",
                        offset=exc.start,
                    )
                ) from None


def convert(source: Path | str, commit: str, date: str) -> tuple[list[ox.Triple], Counts]:
    """The triples of the strategy in ``source`` (a folder of its chapter folders) at ``commit``."""
    source = Path(source)
    if not re.fullmatch(r"[0-9a-f]{40}", commit):
        raise DataError(error_message("error.commit_hash", commit=commit))
    if not re.fullmatch(r"\d{4}-\d\d-\d\d", date):
        raise DataError(error_message("error.commit_date", date=date))
    pages = list(_pages(source))
    if not any(FIELD_PAGE.match(p) for p, _ in pages):
        raise DataError(error_message("error.ulm_no_pages", source=source))
    conv = _Converter(commit)
    all_sections: list[Section] = []
    fields = 0
    for page, text in pages:
        sections = conv.page(page, text)
        all_sections += sections
        match = FIELD_PAGE.match(page)
        if match and match.group(1) in FIELDS:
            conv.field(match.group(1), sections)
            fields += 1
    actors = _mentions(conv, all_sections)
    papers = _papers(conv, all_sections)
    for key, name, pattern in NAMED_PROJECTS:
        for section in all_sections:
            if section.level and any(re.search(pattern, line) for _, line in section.lines):
                conv.project(key, name, _node(section.iri))
    _frame(conv, commit, date)
    counts = Counts(
        fields,
        conv.goals,
        conv.measures,
        len(
            {str(t.subject) for t in conv.triples if str(t.subject).startswith(f"<{BASE}project/")}
        ),
        actors,
        papers,
    )
    return conv.triples, counts


def _mentions(conv: _Converter, sections: list[Section]) -> int:
    found = 0
    for key, label, group, kind, pattern in ACTORS:
        hits = [
            sec
            for sec in sections
            if re.search(pattern, sec.heading)
            or any(re.search(pattern, line) for _, line in sec.lines)
        ]
        if not hits:
            continue
        found += 1
        s = _node(f"actor/{key}")
        for section in hits:
            conv.entity(s, KIND_CLASSES[kind] if kind else GROUPS[group], label, _node(section.iri))
        if kind:
            conv.add(s, ORG + "classification", ox.NamedNode(KIND + kind))
        if group == "unit":
            conv.add(s, ORG + "unitOf", _node("actor/stadt-ulm"))
    return found


def _papers(conv: _Converter, sections: list[Section]) -> int:
    seen: set[str] = set()
    for section in sections:
        for _, line in section.lines:
            for match in PAPER.finditer(line):
                number, year, title = match.group(1).zfill(3), match.group(2), match.group(3)
                s = _node(f"paper/gd-{number}-{year}")
                conv.entity(
                    s, (OPARL + "Paper", PROV + "Entity"), f"GD {number}/{year}", _node(section.iri)
                )
                conv.add(s, DCTERMS + "identifier", ox.Literal(f"GD {number}/{year}"))
                if title:
                    conv.add(s, DCTERMS + "title", ox.Literal(title.strip(), language="de"))
                if match.group(4):
                    day = f"{match.group(6)}-{match.group(5)}-{match.group(4)}"
                    conv.add(s, DCTERMS + "date", ox.Literal(day, datatype=XSD_DATE))
                seen.add(s.value)
    return len(seen)


def _frame(conv: _Converter, commit: str, date: str) -> None:
    """The dataset, the strategy document, the programme and the two concept schemes."""
    city, doc = _node("actor/stadt-ulm"), _node("source/strategie")
    day = ox.Literal(date, datatype=XSD_DATE)
    title = "Smart City Strategie der Stadt Ulm"
    conv.add(doc, RDF + "type", ox.NamedNode(PROV + "Entity"))
    conv.add(doc, DCTERMS + "title", ox.Literal(title, language="de"))
    conv.add(doc, RDFS + "label", ox.Literal(title, language="de"))
    conv.add(doc, DCTERMS + "publisher", city)
    conv.add(doc, DCTERMS + "license", ox.NamedNode(LICENCE))
    conv.add(doc, DCTERMS + "date", day)
    conv.add(doc, SCHEMA + "url", ox.NamedNode(f"{REPOSITORY}/tree/{commit}"))
    conv.add(doc, SCHEMA + "version", ox.Literal(commit))
    ds = conv.dataset
    conv.add(ds, RDF + "type", ox.NamedNode(SCKG + "Dataset"))
    for p in (DCTERMS + "title", RDFS + "label"):
        conv.add(ds, p, ox.Literal(title, language="de"))  # Ulm published no English title
        english = f"{title} (the City of Ulm's smart city strategy, in German)"
        conv.add(ds, p, ox.Literal(english, language="en"))
    conv.add(
        ds,
        DCTERMS + "description",
        ox.Literal(
            "Handlungsfelder, Ziele, Maßnahmen (Nummer und Titel), Projekte, Akteure und "
            "Gemeinderatsdrucksachen, wie die Smart City Strategie der Stadt Ulm sie nennt; "
            "erzeugt von sckg.ingest.ulm aus den Markdown-"
            "Seiten der Strategie. Enthält nur, was die Strategie aussagt.",
            language="de",
        ),
    )
    conv.add(
        ds,
        DCTERMS + "description",
        ox.Literal(
            "Fields of action, goals, measures (number and title), projects, actors and council "
            "papers as the City of Ulm's smart city strategy names them; built by sckg.ingest.ulm "
            "from the strategy's Markdown "
            "pages. Holds only what the strategy states.",
            language="en",
        ),
    )
    conv.add(ds, DCTERMS + "source", doc)
    conv.add(ds, DCTERMS + "coverage", city)
    conv.add(ds, DCTERMS + "modified", day)
    conv.add(ds, DCTERMS + "license", ox.NamedNode(LICENCE))
    conv.add(ds, DCTERMS + "rightsHolder", city)
    conv.add(
        ds,
        DCTERMS + "bibliographicCitation",
        ox.Literal(
            "Stadt Ulm, Geschäftsstelle Digitale Agenda (Z/DA): "
            "Smart City Strategie der Stadt Ulm, "
            f"CC BY-SA 4.0, {REPOSITORY} (Commit {commit}); in RDF übertragen von sckg.",
            language="de",
        ),
    )
    conv.add(ds, SCKG + "fictional", ox.Literal("false", datatype=XSD_BOOLEAN))
    programme = _node("programme/smart-city-strategie")
    conv.entity(programme, (SCKG + "Programme",), title, doc)
    conv.add(programme, DCTERMS + "title", ox.Literal(title, language="de"))
    for scheme, de, en in (
        (
            "field/scheme",
            "Handlungsfelder der Smart City Ulm",
            "Fields of action of Smart City Ulm",
        ),
        (
            "goal/scheme",
            "Ziele der Handlungsfelder, Smart City Ulm",
            "Goals of the fields of action, Smart City Ulm",
        ),
    ):
        s = _node(scheme)
        conv.add(s, RDF + "type", ox.NamedNode(SKOS + "ConceptScheme"))
        for p in (SKOS + "prefLabel", RDFS + "label"):
            conv.add(s, p, ox.Literal(de, language="de"))
            conv.add(s, p, ox.Literal(en, language="en"))
        conv.add(s, SCKG + "documentedIn", doc)
        conv.add(s, SCKG + "inDataset", ds)


PREFIXES = {
    "ulm": BASE,
    "ulmfield": BASE + "field/",
    "ulmgoal": BASE + "goal/",
    "ulmmeasure": BASE + "measure/",
    "ulmproject": BASE + "project/",
    "ulmactor": BASE + "actor/",
    "ulmpaper": BASE + "paper/",
    "ulmsrc": BASE + "source/",
    "ulmprog": BASE + "programme/",
}


def build(source: Path | str, out: Path | str, commit: str, date: str) -> Counts:
    """Convert the strategy in ``source``, write sorted Turtle to ``out``; return the counts."""
    triples, counts = convert(source, commit, date)
    write_turtle(triples, out, PREFIXES)
    return counts


def main(argv: list[str] | None = None) -> None:
    """``python -m sckg.ingest.ulm SOURCE_DIR OUT.ttl --commit SHA --date YYYY-MM-DD``."""
    parser = argparse.ArgumentParser(
        prog="python -m sckg.ingest.ulm", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument(
        "source", help="folder holding the strategy's chapter folders (a checkout or git archive)"
    )
    parser.add_argument("out", help="the Turtle file to write, e.g. data/ulm/ulm.ttl")
    parser.add_argument("--commit", required=True, help="the source's full commit hash")
    parser.add_argument("--date", required=True, help="the commit's date, YYYY-MM-DD")
    args = parser.parse_args(argv)
    try:
        counts = build(args.source, args.out, args.commit, args.date)
    except SckgError as exc:
        raise SystemExit(f"Error: {exc}") from None
    print(", ".join(f"{name} {value}" for name, value in vars(counts).items()))


if __name__ == "__main__":
    main()
