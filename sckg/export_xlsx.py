"""The graph back into the inventory template (xlsx): every sheet of
:data:`sckg.ingest.template.SHEETS`.

What the template can hold survives ``sckg export --format xlsx`` followed by ``sckg import table``
unchanged; IRIs of the city become short IDs (``<base><folder>/<ID>`` → ``ID``, another folder →
``folder/ID``), every other IRI is written out in full. What it cannot hold is listed on the sheet
``_Not in the template``.
"""

from __future__ import annotations

import datetime as dt
import warnings
from collections import Counter, defaultdict
from itertools import pairwise
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from .errors import DataWarning
from .formatting import number
from .ingest import city_base
from .ingest.cells import ID_PATTERN, KIND_CLASS_CHOICES, NAME_PATTERN, read_back
from .ingest.tables import SDG, choice_text, choices, record_of
from .ingest.template import (
    EXTRA_SHEETS,
    SHEET_ROWS,
    SHEETS_BY_KEY,
    Column,
    help_rows,
    workbook_bytes,
)
from .kg import label_rank
from .namespaces import (
    ACTOR_CLASSES,
    ADMS,
    DCTERMS,
    FIELD,
    LABEL_PROPERTIES,
    MODEL_GRAPH,
    OPARL,
    ORG,
    RDF,
    RDFS,
    SCHEMA,
    SCKG,
    SKOS,
    SOURCE_PROPERTIES,
    city_of,
    shorten,
    tail,
)
from .output import XmlCleaner
from .results import paused_gc, to_python
from .words import error_message, t

if TYPE_CHECKING:
    from collections.abc import Iterable

    from .ingest.cells import RawSheet
    from .kg import KnowledgeGraph

#: The workbook's name, as imports name it (in messages and in the source of rows that cite none).
_FILE = "inventory.xlsx"

#: Class → sheet, in order of precedence: the sheets with their own code, then the sheets described
#: by their columns (their first class, and the classes their type column offers).
_SHEET_OF = {
    SCKG + "Project": "projects",
    SCKG + "FieldOfAction": "fields",
    SCKG + "Vision": "goals",
    SCKG + "StrategicGoal": "goals",
    **dict.fromkeys(ACTOR_CLASSES, "actors"),
    **{sheet.classes[0]: sheet.key for sheet in EXTRA_SHEETS if sheet.classes},
    **{
        c.iri: sheet.key
        for sheet in EXTRA_SHEETS
        for col in sheet.columns
        if col.predicates == (RDF + "type",)
        for c in choices()[col.type]
    },
}
#: The classes of the rows of the Sources sheet that no statement needs to cite.
_SOURCE_CLASSES = (SCKG + "InterviewRecord", SCKG + "WorkshopRecord", OPARL + "Paper")
#: Text columns (German and English pair) per sheet: key → predicates, first found wins.
_TEXT: dict[str, dict[str, tuple[str, ...]]] = {
    "actors": {
        "name": (RDFS + "label",),
        "alt": (SKOS + "altLabel",),
        "comment": (RDFS + "comment",),
    },
    "projects": {
        "title": (DCTERMS + "title", RDFS + "label"),
        "description": (DCTERMS + "description",),
        "comment": (RDFS + "comment",),
    },
    "fields": {"name": (SKOS + "prefLabel", RDFS + "label"), "definition": (SKOS + "definition",)},
    "goals": {"name": (SKOS + "prefLabel", RDFS + "label"), "definition": (SKOS + "definition",)},
    "sources": {
        "title": (DCTERMS + "title", RDFS + "label"),
        "description": (DCTERMS + "description",),
    },
}
#: Reference columns per sheet: key → predicates.
_REFS: dict[str, dict[str, tuple[str, ...]]] = {
    "actors": {
        "owned_by": (SCKG + "ownedBy",),
        "partner_of": (SCKG + "partnerOf",),
    },
    "projects": {
        "managed_by": (SCKG + "managedBy",),
        "participants": (SCKG + "hasParticipant",),
        "contractors": (SCKG + "contractor",),
        "fields": (SCKG + "inFieldOfAction",),
        "goals": (SCKG + "contributesTo",),
        "funded_by": (SCKG + "fundedBy",),
    },
    "fields": {"scheme": (SKOS + "inScheme",)},
    "goals": {"broader": (SKOS + "broader",), "scheme": (SKOS + "inScheme",)},
}
#: The predicates that name an entity's sources (the Sources column).
_MULTI_TEXT = {"alt", "keywords"}


class _Entity:
    """The statements about one exported entity: predicate → values."""

    def __init__(self, iri: str) -> None:
        self.iri = iri
        self.values: dict[str, list[Any]] = {}  # read with .get: no key made by a lookup
        self.types: set[str] = set()

    def texts(self, predicates: tuple[str, ...], lang: str) -> list[str]:
        for p in predicates:
            found = sorted(v.value for v in self.values.get(p, []) if _lang(v) == lang)
            if found:
                return found
        return []

    def iris(self, *predicates: str) -> list[str]:
        return sorted(
            {
                v.value
                for p in predicates
                for v in self.values.get(p, [])
                if isinstance(v, ox.NamedNode)
            }
        )

    def first(self, predicate: str) -> Any:
        values = sorted(self.values.get(predicate, []), key=str)
        return to_python(values[0]) if values else None


def _lang(term: Any) -> str:
    """A literal's language, with untagged strings counted as German (the template's first
    language)."""
    return (term.language or "de") if isinstance(term, ox.Literal) else ""


def workbook(kg: KnowledgeGraph, lang: str = "de", city: str | None = None) -> bytes:
    """The graph's data as a filled template (what it cannot hold listed on the sheet ``_Not in the
    template``). Characters XML 1.0 forbids become U+FFFD, with a :class:`~sckg.errors.DataWarning`
    naming the entities."""
    with paused_gc():  # a large city's council data makes half a million objects here
        return _workbook(kg, lang, city)


def _workbook(kg: KnowledgeGraph, lang: str, city: str | None) -> bytes:
    entities = _entities(kg, _typed(kg, _SHEET_OF, data_only=True))
    sheets: dict[str, list[_Entity]] = defaultdict(list)
    for entity in entities.values():
        sheet = next(_SHEET_OF[c] for c in _SHEET_OF if c in entity.types)
        sheets[sheet].append(entity)
    # the records of the exported interviews and workshops are made by their rows, not the Sources
    # sheet
    records = _records(kg, {e.iri for k in ("interviews", "workshops") for e in sheets.get(k, ())})
    sources = sorted(
        (
            {s for e in entities.values() for s in e.iris(*SOURCE_PROPERTIES)}
            | set(_typed(kg, _SOURCE_CLASSES))
        )
        - set(entities)
        - set(records)
    )
    # a source the data says nothing about needs no row: the citing cell holds its IRI
    described = _entities(kg, sources)
    sources = [iri for iri in sources if iri in described]
    sheets["sources"] = [described[iri] for iri in sources]
    main = _main_city(entities)
    base = city_base(city or main or "city")
    if city is not None and main is not None and not any(iri.startswith(base) for iri in entities):
        message = error_message("xlsx.other_city", city=city, base=base, main=main)
        warnings.warn(DataWarning(message), stacklevel=3)
    ids = {
        e.iri: _short(e.iri, base, SHEETS_BY_KEY[key].folder)
        for key, group in sheets.items()
        for e in group
    }
    formal = {e.iri for e in sheets.get("actors", ()) if ORG + "FormalOrganization" in e.types}
    writer = _Rows(ids, lang, _inverse(kg), records, formal)
    rows = {
        key: [writer.row(key, e) for e in sorted(group, key=lambda e: ids[e.iri])]
        for key, group in sheets.items()
    }
    rows["dependencies"] = [
        [ids.get(e.iri, e.iri), ids.get(other, other)]
        for e in sorted(sheets.get("projects", ()), key=lambda e: ids[e.iri])
        for other in e.iris(SCKG + "dependsOn")
    ]
    cleaner = XmlCleaner("xlsx")
    for key, group in sheets.items():
        ordered = sorted(group, key=lambda e: ids[e.iri])
        rows[key] = [
            [cleaner.clean(v, e.iri) for v in row]
            for e, row in zip(ordered, rows[key], strict=True)
        ]
    lists = {kind: [c.label(lang) for c in values] for kind, values in choices().items()}
    content = None
    read = read_back(rows, _FILE)
    if read is None:  # a value whose trip through the file only writing and reading tells
        content = workbook_bytes(rows, help_rows(choice_text()), lists=lists)
        read = read_sheets_of(content)
    lost_lines, data = _lost(kg, read, base)
    if lost_lines:  # on a sheet nobody opens unless told
        warnings.warn(DataWarning(error_message("xlsx.lost", n=len(lost_lines))), stacklevel=3)
    lost = _listed(lost_lines, data, lang)
    lost = [[cleaner.clean(v, row[0]) for v in row] for row in lost]
    cleaner.warn()
    if not lost:
        return content or workbook_bytes(rows, help_rows(choice_text()), lists=lists)
    header = (
        ["subject", "predicate", "object"] if lang == "en" else ["Subjekt", "Prädikat", "Objekt"]
    )
    return workbook_bytes(rows, help_rows(choice_text()), lists=lists, remainder=[header, *lost])


def _listed(lost: list[bytes], data: bytes, lang: str) -> list[list[str]]:
    """The rows of the sheet ``_Not in the template`` for the statements ``lost`` (see
    :func:`_lost`) of the N-Triples ``data``: those about the objects of a council system (a class
    of OParl's) counted per class, the others listed one by one in order, as many as a sheet holds;
    rows counting what is not listed come first."""
    council = _council_classes(data)
    by_subject: dict[bytes, list[bytes]] = {}
    for line in lost:  # a million lines on a large city's council data: one pass, no call
        subject = line[: line.index(b" ")]
        if subject in by_subject:
            by_subject[subject].append(line)
        else:
            by_subject[subject] = [line]
    counted: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    others = []
    for subject, lines in by_subject.items():
        found = council.get(subject)
        if found is None:
            others.extend(lines)
        else:
            counted[found][0] += 1
            counted[found][1] += len(lines)
    listed = _split(sorted(others))
    every = t("xlsx.all", lang)
    notes = [
        [
            shorten(cls),
            t(
                "xlsx.council",
                lang,
                entities=number(entities, lang),
                statements=number(statements, lang),
            ),
            every,
        ]
        for cls, (entities, statements) in sorted(counted.items())
    ]
    room = SHEET_ROWS - 1 - len(notes)  # below the header
    if len(listed) > room:
        more = len(listed) - room + 1
        rows = number(SHEET_ROWS, lang)
        notes.append(["", t("xlsx.more", lang, statements=number(more, lang), rows=rows), every])
        listed = listed[: room - 1]
    return [*notes, *listed]


def _council_classes(data: bytes) -> dict[bytes, str]:
    """Subject (``<IRI>``) → its first class of OParl's, for the subjects the N-Triples ``data``
    types so: found by splitting the text at each such type, not by a query (a hundred thousand
    objects on a large city's council data)."""
    found: dict[bytes, str] = {}
    pieces = data.split(f" <{RDF}type> <{OPARL}".encode())
    for before, after in pairwise(pieces):
        subject = before[before.rfind(b"\n") + 1 :]
        if b" " in subject or not subject.startswith(b"<"):
            continue  # the text in a literal, or a blank node
        cls = OPARL + after[: after.index(b">")].decode("utf-8")
        if subject not in found or cls < found[subject]:
            found[subject] = cls
    return found


def remainder(kg: KnowledgeGraph, sheets: list[RawSheet], base: str) -> list[list[str]]:
    """The statements of the data graphs that the workbook's ``sheets`` (as an import reads them)
    do not give back (as subject, predicate and object in N-Triples terms, a blank node as
    ``[]``), sorted: what the template cannot hold. Found by importing the sheets, so the list is
    exact by construction."""
    return _split(sorted(_lost(kg, sheets, base)[0]))


def _lost(kg: KnowledgeGraph, sheets: list[RawSheet], base: str) -> tuple[list[bytes], bytes]:
    """The statements of :func:`remainder` as N-Triples lines in UTF-8, a blank node as ``[]``,
    unsorted; and the data's N-Triples they were taken from."""
    from pathlib import Path

    from .ingest.tables import import_sheets

    city = base.rstrip("/").rsplit("/", 1)[-1]
    imported = import_sheets(sheets, city, Path(_FILE)).triples
    # both sides as N-Triples lines written by Oxigraph, compared as sets (in C): a city's data has
    # a hundred thousand lines; a statement made twice is one line
    back = set((ox.serialize(imported, format=ox.RdfFormat.N_TRIPLES) or b"").splitlines())
    text = kg.data_ntriples()
    data = text.splitlines()
    if len(kg.data_graphs()) != 1:  # a statement in two graphs is one line
        data = list(dict.fromkeys(data))
    if b"_:" not in text:
        return [line for line in data if line not in back], text
    lost = [line for line in data if line not in back and b"_:" not in line]
    # blank nodes differ per load: a statement with one is given back by any with the same terms
    blank = Counter(_blank_as_brackets(line) for line in back if b"_:" in line)
    for line in data:
        if b"_:" in line:
            key = _blank_as_brackets(line)
            if blank[key]:
                blank[key] -= 1
            else:
                lost.append(key)
    return lost, text


def _split(lines: list[bytes]) -> list[list[str]]:
    """N-Triples lines (see :func:`_lost`) as subject, predicate and object; in UTF-8 the lines
    sort as their characters do, and no term holds the space between them."""
    return [line.decode("utf-8").removesuffix(" .").split(" ", 2) for line in lines]


def read_sheets_of(content: bytes) -> list[RawSheet]:
    """The sheets of the workbook ``content`` as an import reads them from a file."""
    import tempfile
    from pathlib import Path

    from .ingest.cells import read_sheets

    with tempfile.TemporaryDirectory(prefix="sckg-xlsx-") as folder:
        path = Path(folder) / _FILE
        path.write_bytes(content)
        return read_sheets(path)


def _blank_as_brackets(line: bytes) -> bytes:
    """An N-Triples line with each blank node written ``[]``."""
    subject, predicate, obj = line.removesuffix(b" .").split(b" ", 2)
    terms = (b"[]" if term.startswith(b"_:") else term for term in (subject, predicate, obj))
    return b" ".join(terms) + b" ."


def _entities(kg: KnowledgeGraph, iris: Iterable[str]) -> dict[str, _Entity]:
    """Every statement about the entities ``iris``."""
    found: dict[str, _Entity] = {}
    rdf_type = RDF + "type"
    for iri, statements in kg.about(iris).items():
        entity = found[iri] = _Entity(iri)
        for predicate, value in statements:
            if predicate == rdf_type:
                entity.types.add(value.value)
            else:
                entity.values.setdefault(predicate, []).append(value)
    return found


def _records(kg: KnowledgeGraph, activities: set[str]) -> dict[str, str]:
    """Record → interview or workshop, for the records the rows of ``activities`` make
    (:func:`~sckg.ingest.tables.record_of`)."""
    rows = kg.select(
        "SELECT ?r ?a WHERE { ?r prov:wasGeneratedBy ?a . ?a a ?c "
        "VALUES ?c { sckg:Interview sckg:Workshop } }"
    ).bound_rows()
    return {
        r.value: a.value for r, a in rows if a.value in activities and r.value == record_of(a.value)
    }


def _typed(kg: KnowledgeGraph, classes: Iterable[str], *, data_only: bool = False) -> list[str]:
    """The IRIs typed with one of ``classes`` (in a data graph, if ``data_only``), sorted."""
    values = " ".join(f"<{c}>" for c in classes)
    where = f"GRAPH ?g {{ ?s a ?c }} FILTER(?g != <{MODEL_GRAPH}>)" if data_only else "?s a ?c"
    table = kg.select(
        f"SELECT DISTINCT ?s WHERE {{ VALUES ?c {{ {values} }} {where} FILTER(isIRI(?s)) }}"
    )
    return sorted(r[0].value for r in table.bound_rows())


def _inverse(kg: KnowledgeGraph) -> dict[tuple[str, str], list[str]]:
    """(predicate, object) → subjects, for the columns that hold the subjects of their predicate."""
    predicates = sorted(
        {p for sheet in EXTRA_SHEETS for c in sheet.columns if c.inverse for p in c.predicates}
    )
    found: dict[tuple[str, str], list[str]] = defaultdict(list)
    for p in predicates:
        for s, o in kg.select(
            f"SELECT ?s ?o WHERE {{ ?s <{p}> ?o FILTER(isIRI(?s) && isIRI(?o)) }}"
        ).bound_rows():
            found[(p, o.value)].append(s.value)
    return found


def _main_city(entities: dict[str, _Entity]) -> str | None:
    cities = Counter(city for iri in entities if (city := city_of(iri)))
    return cities.most_common(1)[0][0] if cities else None


def _short(iri: str, base: str, folder: str) -> str:
    """The ID that gives back ``iri`` in a sheet of ``folder``: ``name``, ``folder/name`` or the IRI
    itself."""
    prefix = f"{base}{folder}/" if folder else base
    rest = iri[len(prefix) :] if iri.startswith(prefix) else ""
    if NAME_PATTERN.match(rest):
        return rest
    rest = iri[len(base) :] if iri.startswith(base) else ""
    return rest if "/" in rest and ID_PATTERN.match(rest) else iri


class _Rows:
    """Turns entities into the cells of their sheet."""

    def __init__(
        self,
        ids: dict[str, str],
        lang: str,
        inverse: dict[tuple[str, str], list[str]],
        records: dict[str, str],
        formal: set[str],
    ) -> None:
        self.ids = ids
        self.formal = formal
        self.records = records
        self.lang = lang
        self.inverse = inverse
        self.vocab = {c.iri: c.label(lang) for values in choices().values() for c in values}

    def ref(self, iri: str) -> str:
        if iri in self.ids:
            return self.ids[iri]
        if iri.startswith(FIELD):
            return f"field:{iri[len(FIELD) :]}"
        return iri

    def row(self, key: str, e: _Entity) -> list[Any]:
        cells: dict[str, Any] = {"id": self.ids[e.iri]}
        for column, predicates in _TEXT.get(key, {}).items():
            for lang in ("de", "en"):
                texts = e.texts(predicates, lang)
                cells[f"{column}_{lang}"] = (
                    "; ".join(texts) if column in _MULTI_TEXT else (texts[0] if texts else None)
                )
        for column, predicates in _REFS.get(key, {}).items():
            cells[column] = "; ".join(self.ref(i) for i in e.iris(*predicates)) or None
        for col in SHEETS_BY_KEY[key].columns:
            if col.predicates and col.key not in cells:
                cells[col.key] = self.cell(col, e)
        if hasattr(self, f"_{key}"):
            getattr(self, f"_{key}")(cells, e)
        return [cells.get(col.key) for col in SHEETS_BY_KEY[key].columns]

    def cell(self, col: Column, e: _Entity) -> Any:
        """The cell of a column described by its predicate: the values of its first predicate."""
        p = col.predicates[0]
        if col.type == "ref":
            iris = sorted(self.inverse.get((p, e.iri), [])) if col.inverse else e.iris(p)
            return "; ".join(self.ref(i) for i in iris) or None
        if col.type == "text":
            texts = (
                e.texts((p,), col.lang)
                if col.lang
                else sorted(
                    v.value
                    for v in e.values.get(p, [])
                    if isinstance(v, ox.Literal) and not v.language
                )
            )
            return ("; ".join(texts) if col.multi else texts[0]) if texts else None
        if col.type in choices() and col.multi:
            return "; ".join(self.vocab[i] for i in sorted(e.iris(p)) if i in self.vocab) or None
        if col.type in choices():  # only this column's choices (phase and output share a predicate)
            allowed = {c.iri for c in choices()[col.type]}
            iris = sorted(e.types) if p == RDF + "type" else e.iris(p)
            return self._vocab([i for i in iris if i in allowed])
        if col.type == "url":
            return next(iter(e.iris(p)), None)
        value = e.first(p)
        if col.type == "date":
            return _date(value)
        if col.type == "date_or_year":
            return int(value) if isinstance(value, str) and value.isdigit() else _date(value)
        return value

    def _vocab(self, iris: list[str]) -> str | None:
        known = [self.vocab[i] for i in iris if i in self.vocab]
        return known[0] if known else None

    def _actors(self, cells: dict[str, Any], e: _Entity) -> None:
        # a unit of no named kind: the Kind column's class choice (the import gives the class back)
        classes = [c for c in KIND_CLASS_CHOICES if c in e.types]
        cells["kind"] = self._vocab(e.iris(ORG + "classification")) or self._vocab(classes)
        cells["status"] = self._vocab(e.iris(ADMS + "status"))
        cells["publicly_owned"] = e.first(SCKG + "publiclyOwned")
        cells["identifier"] = e.first(DCTERMS + "identifier")
        # the import makes a part of a formal organisation org:unitOf, of anything else
        # org:subOrganizationOf: a parent the other way round is not held
        parents = [i for i in e.iris(ORG + "unitOf") if i in self.formal] + [
            i for i in e.iris(ORG + "subOrganizationOf") if i not in self.formal
        ]
        cells["unit_of"] = "; ".join(self.ref(i) for i in sorted(parents)) or None

    def _projects(self, cells: dict[str, Any], e: _Entity) -> None:
        cells["status"] = self._vocab(e.iris(ADMS + "status"))
        cells["start"] = _date(e.first(SCHEMA + "startDate"))
        cells["end"] = _date(e.first(SCHEMA + "endDate"))
        award = e.texts((SCKG + "awardProcedure",), "de")
        cells["award"] = award[0] if award else None

    def _fields(self, cells: dict[str, Any], e: _Entity) -> None:
        for key, p in (
            ("match", "exactMatch"),
            ("close_match", "closeMatch"),
            ("broad_match", "broadMatch"),
        ):
            cells[key] = self._vocab([i for i in e.iris(SKOS + p) if i.startswith(FIELD)])
        cells["priority"] = e.first(SCKG + "priority")
        cells["keywords"] = "; ".join(e.texts((SKOS + "hiddenLabel",), "de")) or None

    def _goals(self, cells: dict[str, Any], e: _Entity) -> None:
        cells["goal_type"] = self.vocab[SCKG + "Vision"] if SCKG + "Vision" in e.types else None
        sdgs = sorted(
            int(i[len(SDG) :]) for i in e.iris(SKOS + "closeMatch") if i[len(SDG) :].isdigit()
        )
        cells["sdg"] = "; ".join(map(str, sdgs)) or None

    def _statements(self, cells: dict[str, Any], e: _Entity) -> None:
        found = [self.records[r] for r in e.iris(SCKG + "documentedIn") if r in self.records]
        cells["source"] = self.ref(found[0]) if found else None

    def _sources(self, cells: dict[str, Any], e: _Entity) -> None:
        if not cells.get("title_de") and not cells.get("title_en"):
            # the label KnowledgeGraph.labels gives it, from the statements at hand
            ranks = [
                label_rank(p, v, self.lang) for p in LABEL_PROPERTIES for v in e.values.get(p, ())
            ]
            cells["title_de"] = min(ranks)[2] if ranks else tail(e.iri)
        kinds = [
            c
            for c in (OPARL + "Paper", SCKG + "InterviewRecord", SCKG + "WorkshopRecord")
            if c in e.types
        ]
        cells["source_type"] = self.vocab[kinds[0]] if kinds else None
        date = e.first(DCTERMS + "date")
        cells["date"] = int(date) if isinstance(date, str) and date.isdigit() else _date(date)
        for lang in ("de", "en"):
            if (
                DCTERMS + "title" in e.values
            ):  # a title only in the languages it has (not from the label)
                title = e.texts((DCTERMS + "title",), lang)
                cells[f"title_{lang}"] = title[0] if title else None
            label = e.texts((RDFS + "label",), lang)
            if label and label[0] != cells.get(f"title_{lang}"):
                cells[f"label_{lang}"] = label[0]
        urls = e.iris(SCHEMA + "url")
        cells["url"] = urls[0] if urls else None


def _date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None
