"""OParl council information systems to RDF (OParl 1.0 and 1.1).

:func:`import_oparl` reads OParl objects from a folder of JSON files or from a system URL, takes
embedded objects out of their parents, and maps Body, Organization, Meeting, AgendaItem, Paper,
Consultation, File and LegislativeTerm onto the sckg model (docs/model.md). Persons and memberships
are personal data: they are mapped only with ``with_persons``. Real servers leave fields out or send
empty strings; what cannot be mapped is skipped and reported with the reason, never guessed.

Every entity gets an IRI under the city base (``<base>oparl/<path of the OParl id>``),
``rdfs:label`` and ``sckg:documentedIn`` its OParl object (not ``prov:wasDerivedFrom``: bodies and
organisations are agents, not ``prov:Entity``).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pyoxigraph as ox

from ..errors import DataError
from ..fileio import write_atomic
from ..namespaces import (
    DCTERMS,
    FOAF,
    GEO,
    KIND,
    OPARL,
    ORG,
    PROV,
    RDF,
    RDFS,
    ROLE,
    SCHEMA,
    SCKG,
    SKOS,
    VOID,
    XSD,
    tail,
)
from ..output import Progress
from ..words import error_message
from . import XSD_BOOLEAN, XSD_DATE, XSD_INTEGER, ImportResult, city_base
from .oparl_fetch import Fetcher, crawl, read_folder
from .oparl_fields import ignored_fields, reason, wkt
from .oparl_outcome import reduce_outcome

_TYPE = re.compile(r"^https?://schema\.oparl\.org/1\.[01]/(\w+)/?$")
MAPPED = (
    "Body",
    "LegislativeTerm",
    "Organization",
    "Meeting",
    "AgendaItem",
    "Paper",
    "Consultation",
    "File",
    "Location",
)
PERSONAL = ("Person", "Membership")
#: OParl organizationType (case-folded) → the kind of organisation; a Gremium is the council or a
#: committee. Prefixes for the Turtle an import writes, besides the sckg ones.
OPARL_PREFIXES = {"geo": GEO, "void": VOID}
ORGANIZATION_KINDS = {
    "fraktion": "party-group",
    "partei": "party",
    "verwaltungsbereich": "administration-area",
    "externes gremium": "external-body",
}
_COUNCIL = re.compile(
    r"^(rat|stadtrat|gemeinderat|kreistag|ratsversammlung|stadtverordnetenversammlung|gemeindevertretung|"
    r"samtgemeinderat|bürgerschaft|rat "
    r"der stadt .*)$"
)
_FILE_KEYS = {
    "Paper": ("mainFile", "auxiliaryFile"),
    "Meeting": ("invitation", "resultsProtocol", "verbatimProtocol", "auxiliaryFile"),
    "AgendaItem": ("resolutionFile", "auxiliaryFile"),
}

SKIP_PERSONAL = error_message("oparl.skip.personal")
SKIP_DELETED = error_message("oparl.skip.deleted")
SKIP_NO_ID = error_message("oparl.skip.no_id")
SKIP_BAD_ID = error_message("oparl.skip.bad_id")
SKIP_NOT_JSON = error_message("oparl.skip.not_json")


@dataclass(frozen=True)
class Skipped:
    """An object that was not imported (or a field that was ignored), with the reason."""

    id: str
    type: str
    reason: str


@dataclass
class OparlReport:
    """What an import did: entities per OParl type, skipped objects, and notes on ignored fields and
    references to objects that are not in the source."""

    imported: dict[str, int] = field(default_factory=dict)
    skipped: list[Skipped] = field(default_factory=list)
    notes: list[Skipped] = field(default_factory=list)
    #: (OParl type, field) → on how many imported objects the field was not mapped
    ignored: Counter[tuple[str, str]] = field(default_factory=Counter)
    #: the IRI of the dataset description the import wrote
    dataset: str = ""
    requests: int = 0
    cache_hits: int = 0

    def skipped_by_reason(self) -> list[tuple[str, str, int]]:
        """(type, reason, count) of the skipped objects, most frequent first."""
        counts = Counter((s.type, s.reason) for s in self.skipped)
        return [
            (t, r, n) for (t, r), n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        ]

    def ignored_fields(self) -> list[tuple[str, str, int, str]]:
        """(type, field, objects, reason) of every field that was not imported, by type and
        field."""
        return [(kind, name, n, reason(name)) for (kind, name), n in sorted(self.ignored.items())]


def oparl_type(value: Any) -> str | None:
    """``https://schema.oparl.org/1.0/Paper`` (or ``1.1``) → ``Paper``; ``None`` for anything
    else."""
    match = _TYPE.match(value) if isinstance(value, str) else None
    return match.group(1) if match else None


def import_oparl(
    source: str | Path,
    city: str,
    *,
    with_persons: bool = False,
    fetcher: Fetcher | None = None,
    progress: Progress | None = None,
    now: dt.datetime | None = None,
    since: str | None = None,
    snapshot: Path | None = None,
) -> ImportResult[OparlReport]:
    """Import an OParl folder (``*.json``, searched recursively) or system URL as triples of
    ``city``, with one ``sckg:Dataset`` describing the import (``now``, default the current time, is
    its ``prov:generatedAtTime``; its ``dcterms:modified`` is the date of the newest record, see
    :meth:`_Mapper.describe`).

    From a URL, ``snapshot`` is a JSON file that keeps every object read: with ``since`` (the time
    of the last run) and an existing snapshot only what changed since then is fetched, and merged
    into the snapshot by id.
    """
    city_base(city)  # a bad city fails before anything is read
    collector = _Collector()
    text = str(source)
    if text.startswith(("http://", "https://")):
        fetcher = fetcher or Fetcher()

        def missing(url: str, kind: str, problem: str) -> None:
            collector.report.skipped.append(Skipped(url, kind, problem))

        incremental = since is not None and snapshot is not None and snapshot.is_file()
        items: Iterable[tuple[Any, str]] = crawl(
            text,
            fetcher,
            with_persons=with_persons,
            progress=progress,
            missing=missing,
            since=since if incremental else None,
        )
        if snapshot is not None:  # kept by id, not by page: memory follows the objects
            items = _merge_snapshot(snapshot, items, incremental)
        for obj, implied in items:
            collector.add(obj, implied, None, text)
    else:
        folder = Path(source)
        if not folder.is_dir():
            raise DataError(error_message("error.oparl_no_folder", folder=folder))
        for obj, implied, name in read_folder(folder, progress):
            if obj is None:
                collector.report.skipped.append(
                    Skipped(name, error_message("oparl.kind.json_file"), SKIP_NOT_JSON)
                )
            else:
                collector.add(obj, implied, None, name)
    origin = (
        text if text.startswith(("http://", "https://")) else None
    )  # a folder's path stays on this machine
    if progress:  # the objects are in; converting them can take longer than reading them
        progress("RDF", 0, None)
    mapper = _Mapper(collector, city, with_persons)
    triples = mapper.run()
    mapper.describe(origin, now or dt.datetime.now(dt.UTC))
    report = collector.report
    if fetcher:
        report.requests, report.cache_hits = fetcher.requests, fetcher.cache_hits
    return ImportResult(triples, report.imported, dict(OPARL_PREFIXES), report)


def _merge_snapshot(
    path: Path, items: Iterable[tuple[Any, str]], incremental: bool
) -> list[tuple[Any, str]]:
    """The objects of the snapshot at ``path`` replaced by ``items`` of the same id (all of them
    when not ``incremental``); written back to ``path``."""

    def key(obj: Any, n: int) -> str:
        ident = obj.get("id") if isinstance(obj, dict) else None
        return ident if isinstance(ident, str) else f"#{n}"  # kept, so the import reports it again

    kept: dict[str, tuple[Any, str]] = {}
    if incremental:
        try:
            kept = {
                key(obj, n): (obj, implied)
                for n, (obj, implied) in enumerate(json.loads(path.read_bytes()))
            }
        except (ValueError, TypeError):
            raise DataError(error_message("error.snapshot_damaged", path=path)) from None
    for obj, implied in items:
        kept[key(obj, len(kept))] = (obj, implied)
    merged = [kept[key] for key in sorted(kept)]
    write_atomic(path, json.dumps(merged, ensure_ascii=False, sort_keys=True))
    return merged


class _Collector:
    """Gathers objects by id (embedded ones too), with their type and the object they were embedded
    in."""

    def __init__(self) -> None:
        self.objects: dict[str, dict[str, Any]] = {}
        self.types: dict[str, str] = {}
        self.parents: dict[str, str] = {}
        self.report = OparlReport()
        self._skipped: set[str] = set()

    def add(self, obj: Any, implied: str, parent: str | None, origin: str) -> None:
        if not isinstance(obj, dict):
            return
        kind = oparl_type(obj.get("type")) or implied
        raw_id = obj.get("id")
        ident = raw_id if isinstance(raw_id, str) and raw_id.strip() else None
        if ident is None:
            if kind:
                self.report.skipped.append(Skipped(origin, kind, SKIP_NO_ID))
        elif not kind and obj.get("deleted") is not True:  # a deleted stub often has no type
            self._skip(
                ident, "", error_message("oparl.skip.unknown_type", type=obj.get("type", ""))
            )
        elif ident in self.objects:
            stored = self.objects[ident]
            for key, value in obj.items():  # embedded and listed copies complete each other
                if _present(value) and not _present(stored.get(key)):
                    stored[key] = value
        else:
            self.objects[ident] = dict(obj)
            self.types[ident] = kind
            if parent:
                self.parents[ident] = parent
        for key, value in obj.items():
            if key == "geojson":
                continue
            for child in value if isinstance(value, list) else [value]:
                if isinstance(child, dict):
                    self.add(child, "", ident or parent, origin)

    def _skip(self, ident: str, kind: str, reason: str) -> None:
        if ident not in self._skipped:
            self._skipped.add(ident)
            self.report.skipped.append(Skipped(ident, kind, reason))


def _present(value: Any) -> bool:
    return value not in (None, "", [], {})


def _str(obj: dict[str, Any], key: str) -> str | None:
    value = obj.get(key)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    return " ".join(value.split()) if isinstance(value, str) and value.strip() else None


def _refs(obj: dict[str, Any], key: str) -> list[str]:
    """The ids an object refers to under ``key``: a URL, a list of URLs or embedded objects."""
    value = obj.get(key)
    out = []
    for item in value if isinstance(value, list) else [value]:
        ident = item.get("id") if isinstance(item, dict) else item
        if isinstance(ident, str) and ident.strip():
            out.append(ident.strip())
    return out


def _bool(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    return None


def _german(day: dt.date) -> str:
    return f"{day.day:02d}.{day.month:02d}.{day.year}"


class _Mapper:
    """Turns the collected objects into triples, one OParl type at a time."""

    def __init__(self, collector: _Collector, city: str, with_persons: bool) -> None:
        self.c = collector
        self.city = city
        self.base = city_base(city)
        self.with_persons = with_persons
        self.triples: list[ox.Triple] = []
        self.dangling: dict[tuple[str, str], set[str]] = defaultdict(set)
        self.agenda_public: dict[str, bool] = {}
        self.agenda_of: dict[
            str, str
        ] = {}  # consultation id → its agenda item (from either side of the link)
        self.systems: list[str] = []
        self.dataset = ""
        self.entities: list[str] = []
        #: the days the imported objects were last modified on the server, and the days they record
        #: (papers, files, meetings): the dataset's date is the newest of the first, else of the
        #: second
        self.modified: list[dt.date] = []
        self.recorded: list[dt.date] = []
        self._iris: dict[str, str] = {}
        self._nodes: dict[str, ox.NamedNode] = {}

    # --- helpers ----------------------------------------------------------------------------------

    def iri(self, ident: str) -> str:
        """The entity IRI of an OParl id: the id's path (and query) under ``<base>oparl/``."""
        if (known := self._iris.get(ident)) is not None:
            return known
        parts = urlsplit(ident)
        path = parts.path + (f"-{parts.query}" if parts.query else "")
        path = re.sub(r"[^A-Za-z0-9._~/-]+", "-", path)
        path = re.sub(r"/{2,}", "/", path).strip("/-") or re.sub(
            r"[^A-Za-z0-9]+", "-", ident
        ).strip("-")
        self._iris[ident] = iri = f"{self.base}oparl/{path}"
        return iri

    def node(self, iri: str) -> ox.NamedNode:
        """The named node of an IRI (made once: the same subjects and predicates recur thousands of
        times)."""
        if (known := self._nodes.get(iri)) is None:
            self._nodes[iri] = known = ox.NamedNode(iri)
        return known

    def add(self, s: str, p: str, o: str | ox.Literal) -> None:
        self.triples.append(
            ox.Triple(self.node(s), self.node(p), self.node(o) if isinstance(o, str) else o)
        )

    def label(self, s: str, de: str, en: str | None = None) -> None:
        self.add(s, RDFS + "label", ox.Literal(de, language="de"))
        if en and en != de:
            self.add(s, RDFS + "label", ox.Literal(en, language="en"))

    def date(
        self, ident: str, obj: dict[str, Any], key: str, *, quiet: bool = False
    ) -> dt.date | None:
        """The date in a date or date-time field (its local date); a note when the field is not a
        date (unless ``quiet``: a field read a second time)."""
        value = _str(obj, key)
        if value is None:
            return None
        match = re.match(r"^(\d{4}-\d{2}-\d{2})(?:$|[T ])", value)
        try:
            return (
                dt.date.fromisoformat(match.group(1))
                if match
                else self._bad_date(ident, key, value, quiet)
            )
        except ValueError:
            return self._bad_date(ident, key, value, quiet)

    def _bad_date(self, ident: str, key: str, value: str, quiet: bool) -> dt.date | None:
        if not quiet:
            self.note(ident, error_message("oparl.note.bad_date", field=key, value=value))
        return None

    def date_literal(self, day: dt.date) -> ox.Literal:
        return ox.Literal(day.isoformat(), datatype=XSD_DATE)

    def note(self, ident: str, message: str) -> None:
        self.c.report.notes.append(Skipped(ident, self.c.types.get(ident, ""), message))

    def skip(self, ident: str, reason: str) -> None:
        self.c.report.skipped.append(Skipped(ident, self.c.types[ident], reason))

    def link(self, ident: str, s: str, p: str, targets: Iterable[str], expected: str) -> list[str]:
        """Link to other objects by id; a reference to an object not in the source is kept and
        noted."""
        linked = []
        for target in targets:
            if not _valid_iri(target):
                self.note(ident, error_message("oparl.note.bad_reference", target=target))
                continue
            if self.c.types.get(target) != expected:
                self.dangling[(ident, expected)].add(target)
            self.add(s, p, self.iri(target))
            linked.append(target)
        return linked

    def name(self, ident: str | None, *keys: str) -> str | None:
        obj = self.c.objects.get(ident or "")
        return next((v for v in (_str(obj, k) for k in keys) if v), None) if obj else None

    def parent_of(self, ident: str, kind: str) -> list[str]:
        parent = self.c.parents.get(ident)
        return [parent] if parent and self.c.types.get(parent) == kind else []

    # --- the run ----------------------------------------------------------------------------------

    def run(self) -> list[ox.Triple]:
        by_type: dict[str, list[str]] = defaultdict(list)
        for ident, kind in self.c.types.items():
            by_type[kind].append(ident)
        for ident, kind in self.c.types.items():
            if kind == "AgendaItem":
                public = _bool(self.c.objects[ident].get("public"))
                for consultation in _refs(self.c.objects[ident], "consultation"):
                    self.agenda_of.setdefault(consultation, ident)
                    if public is not None:
                        self.agenda_public[consultation] = public
        for kind in sorted(by_type):
            for ident in sorted(by_type[kind]):
                obj = self.c.objects[ident]
                if obj.get("deleted") is True:  # before the type: deleted stubs often have none
                    self.skip(ident, SKIP_DELETED)
                elif kind == "System":
                    self.systems.append(ident)  # the source of the dataset description
                elif kind in PERSONAL and not self.with_persons:
                    self.skip(ident, SKIP_PERSONAL)
                elif kind not in MAPPED and kind not in PERSONAL:
                    self.skip(
                        ident, error_message("oparl.skip.unknown_type", type=obj.get("type", ""))
                    )
                elif not _valid_iri(ident):
                    self.skip(ident, SKIP_BAD_ID)
                else:
                    self._map(kind, ident, obj)
        for (ident, expected), targets in sorted(self.dangling.items()):
            for target in sorted(targets):
                self.note(
                    ident,
                    error_message("oparl.note.dangling", expected=expected, target=target),
                )
        return self.triples

    def _map(self, kind: str, ident: str, obj: dict[str, Any]) -> None:
        before = len(self.triples)
        reason = getattr(self, f"_{kind.lower()}")(ident, obj, self.iri(ident))
        if reason:
            del self.triples[before:]
            self.skip(ident, reason)
            return
        s = self.iri(ident)
        self.add(s, SCKG + "documentedIn", ident)
        if modified := self.date(ident, obj, "modified"):
            self.modified.append(modified)
        if day := self.date(ident, obj, _RECORD_DATE.get(kind, ""), quiet=True):
            self.recorded.append(day)
        self.entities.append(s)
        self.c.report.imported[kind] = self.c.report.imported.get(kind, 0) + 1
        for key in _FILE_KEYS.get(kind, ()):
            self.link(ident, s, DCTERMS + "hasPart", _refs(obj, key), "File")
        if (web := _str(obj, "web")) and _valid_iri(web):
            self.add(s, SCHEMA + "url", web)
        keywords = obj.get("keyword")
        for keyword in sorted(
            {" ".join(k.split()) for k in keywords if isinstance(k, str) and k.strip()}
            if isinstance(keywords, list)
            else ()
        ):
            self.add(s, SCHEMA + "keywords", ox.Literal(keyword, language="de"))
        if kind in ("Body", "Meeting", "Paper", "Organization"):
            self.link(ident, s, DCTERMS + "spatial", _refs(obj, "location"), "Location")
        for name in ignored_fields(kind, obj):
            if _present(obj[name]):
                self.c.report.ignored[(kind, name)] += 1

    def describe(self, origin: str | None, now: dt.datetime) -> None:
        """One ``sckg:Dataset`` for the import: titled after the bodies (else the city), its source
        the OParl system (else ``origin``, else ``<base>oparl/system``: never a local path) named
        after them too, never after the vendor's product; ``dcterms:modified`` the newest record
        (the newest day an object was modified on the server, else the newest paper, file or meeting
        date; none after ``now``), ``prov:generatedAtTime`` ``now``; its city (``dcterms:coverage``,
        as the inventory's Dataset row names it) the bodies imported; entities per OParl class;
        every entity ``sckg:inDataset`` it."""
        system = (
            self.systems[0]
            if self.systems
            else next(
                (
                    ref
                    for ident, kind in sorted(self.c.types.items())
                    if kind == "Body"
                    for ref in _refs(self.c.objects[ident], "system")
                    if _valid_iri(ref)
                ),
                origin,
            )
        )
        system = system or f"{self.base}oparl/system"
        d = f"{self.base}oparl/dataset"
        self.dataset = self.c.report.dataset = d
        bodies = sorted(
            {
                name
                for ident, kind in self.c.types.items()
                if kind == "Body"
                and not self.c.objects[ident].get("deleted")
                and (name := self.name(ident, "name", "shortName"))
            }
        )
        where = " · ".join(bodies) or self.city
        self.add(d, RDF + "type", SCKG + "Dataset")
        for p in (RDFS + "label", DCTERMS + "title"):
            self.add(d, p, ox.Literal(f"{where}: Ratsinformationen (OParl)", language="de"))
            self.add(d, p, ox.Literal(f"{where}: council information (OParl)", language="en"))
        self.add(d, DCTERMS + "source", system)
        imported = set(self.entities)
        for ident, kind in sorted(self.c.types.items()):
            if kind == "Body" and (body := self.iri(ident)) in imported:
                self.add(d, DCTERMS + "coverage", body)
        stamp = now.astimezone(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
        self.add(
            d, PROV + "generatedAtTime", ox.Literal(stamp, datatype=ox.NamedNode(XSD + "dateTime"))
        )
        today = now.date()
        newest = max((day for day in self.modified if day <= today), default=None) or max(
            (day for day in self.recorded if day <= today), default=None
        )
        if newest:
            self.add(d, DCTERMS + "modified", self.date_literal(newest))
        self.add(system, RDF + "type", PROV + "Entity")
        self.label(
            system, f"{where} – Ratsinformationssystem", f"{where} – council information system"
        )
        if (website := self.name(system, "website")) and _valid_iri(website):
            self.add(system, SCHEMA + "url", website)
        for kind, count in sorted(self.c.report.imported.items()):
            part = f"{d}/{kind}"
            self.add(d, VOID + "classPartition", part)
            self.add(
                part,
                VOID + "class",
                OPARL + kind if kind not in PERSONAL else _PERSONAL_CLASS[kind],
            )
            self.add(part, VOID + "entities", ox.Literal(str(count), datatype=XSD_INTEGER))
        for s in self.entities:
            self.add(s, SCKG + "inDataset", d)

    # --- one method per OParl type: add the triples, or return why the object is skipped ----------

    def _body(self, ident: str, obj: dict[str, Any], s: str) -> str | None:
        name, short = _str(obj, "name"), _str(obj, "shortName")
        if not (name or short):
            return error_message("oparl.skip.no_name")
        for cls in (ORG + "FormalOrganization", OPARL + "Body"):
            self.add(s, RDF + "type", cls)
        self.add(s, ORG + "classification", KIND + "city-administration")
        self.label(s, name or short or "")
        if short and short != name:
            self.add(s, SKOS + "altLabel", ox.Literal(short, language="de"))
        if ags := _str(obj, "ags"):
            self.add(s, DCTERMS + "identifier", ox.Literal(ags))
        return None

    def _legislativeterm(self, ident: str, obj: dict[str, Any], s: str) -> str | None:
        start, end = self.date(ident, obj, "startDate"), self.date(ident, obj, "endDate")
        name = _str(obj, "name")
        if not name and not start:
            return error_message("oparl.skip.no_name_start")
        for cls in (OPARL + "LegislativeTerm", PROV + "Entity"):
            self.add(s, RDF + "type", cls)
        if name:
            self.label(s, name)
        elif start and end:
            self.label(
                s, f"Wahlperiode {_german(start)}–{_german(end)}", f"Legislative term {start}–{end}"
            )
        elif start:
            self.label(s, f"Wahlperiode ab {_german(start)}", f"Legislative term from {start}")
        self._dates(s, start, end)
        self.link(
            ident,
            s,
            DCTERMS + "isPartOf",
            _refs(obj, "body") or self.parent_of(ident, "Body"),
            "Body",
        )
        return None

    def _dates(self, s: str, start: dt.date | None, end: dt.date | None) -> None:
        if start:
            self.add(s, SCHEMA + "startDate", self.date_literal(start))
        if end:
            self.add(s, SCHEMA + "endDate", self.date_literal(end))

    def _organization(self, ident: str, obj: dict[str, Any], s: str) -> str | None:
        name, short = _str(obj, "name"), _str(obj, "shortName")
        if not (name or short):
            return error_message("oparl.skip.no_name")
        for cls in (ORG + "Organization", OPARL + "Organization"):
            self.add(s, RDF + "type", cls)
        if kind := _organization_kind(obj):
            self.add(s, ORG + "classification", KIND + kind)
        elif organization_type := _str(obj, "organizationType"):
            self.note(ident, error_message("oparl.note.no_kind", value=organization_type))
        self.label(s, name or short or "")
        if short and short != name:
            self.add(s, SKOS + "altLabel", ox.Literal(short, language="de"))
        self._dates(s, self.date(ident, obj, "startDate"), self.date(ident, obj, "endDate"))
        if parents := _refs(obj, "subOrganizationOf"):
            self.link(ident, s, ORG + "subOrganizationOf", parents[:1], "Organization")
        else:
            body = _refs(obj, "body") or self.parent_of(ident, "Body")
            self.link(ident, s, ORG + "subOrganizationOf", body, "Body")
        return None

    def _meeting(self, ident: str, obj: dict[str, Any], s: str) -> str | None:
        name, start = _str(obj, "name"), self.date(ident, obj, "start")
        if not name and not start:
            return error_message("oparl.skip.no_name_start")
        for cls in (OPARL + "Meeting", PROV + "Entity"):
            self.add(s, RDF + "type", cls)
        if name:
            self.label(s, name)
        elif start:
            self.label(s, f"Sitzung am {_german(start)}", f"Meeting on {start.isoformat()}")
        self._dates(s, start, self.date(ident, obj, "end"))
        self.link(ident, s, SCKG + "committee", _refs(obj, "organization"), "Organization")
        return None

    def _agendaitem(self, ident: str, obj: dict[str, Any], s: str) -> str | None:
        name, number = _str(obj, "name"), _str(obj, "number")
        if not name:
            return error_message("oparl.skip.no_name")
        for cls in (OPARL + "AgendaItem", PROV + "Entity"):
            self.add(s, RDF + "type", cls)
        self.label(s, f"{number} {name}" if number else name)
        if number:
            self.add(s, DCTERMS + "identifier", ox.Literal(number))
        meeting = _refs(obj, "meeting") or self.parent_of(ident, "Meeting")
        self.link(ident, s, DCTERMS + "isPartOf", meeting, "Meeting")
        if result := _str(obj, "result"):
            self._outcome(ident, s, result)
        if text := _str(obj, "resolutionText"):
            self.add(s, SCKG + "resolutionText", ox.Literal(text, language="de"))
        self.link(ident, s, SCKG + "resolutionFile", _refs(obj, "resolutionFile"), "File")
        if (public := _bool(obj.get("public"))) is not None:
            self.add(
                s,
                SCKG + "isPublic",
                ox.Literal("true" if public else "false", datatype=XSD_BOOLEAN),
            )
        return None

    def _outcome(self, ident: str, s: str, result: str) -> None:
        """The result an agenda item's ``result`` states (:func:`.oparl_outcome.reduce_outcome`);
        the text as sent (it may name persons) only with ``with_persons``."""
        outcome = reduce_outcome(result)
        if outcome:
            self.add(s, SCKG + "outcome", ox.Literal(outcome, language="de"))
        if self.with_persons and result != outcome:
            self.add(s, DCTERMS + "description", ox.Literal(result, language="de"))
        elif not outcome:
            self.note(ident, error_message("oparl.note.no_result"))

    def _paper(self, ident: str, obj: dict[str, Any], s: str) -> str | None:
        name, reference = _str(obj, "name"), _str(obj, "reference")
        if not (name or reference):
            return error_message("oparl.skip.no_name_reference")
        for cls in (OPARL + "Paper", PROV + "Entity"):
            self.add(s, RDF + "type", cls)
        self.label(s, name or reference or "")
        if name:
            self.add(s, DCTERMS + "title", ox.Literal(name, language="de"))
        if reference:
            self.add(s, DCTERMS + "identifier", ox.Literal(reference))
        if day := self.date(ident, obj, "date"):
            self.add(s, DCTERMS + "date", self.date_literal(day))
        if paper_type := _str(obj, "paperType"):
            self.add(s, SCKG + "paperType", ox.Literal(paper_type, language="de"))
        originators = dict.fromkeys(
            _refs(obj, "originatorOrganization") + _refs(obj, "underDirectionOf")
        )
        self.link(ident, s, SCKG + "originator", originators, "Organization")
        self.link(ident, s, DCTERMS + "relation", _refs(obj, "relatedPaper"), "Paper")
        if self.with_persons:
            self.link(ident, s, DCTERMS + "creator", _refs(obj, "originatorPerson"), "Person")
        return None

    def _consultation(self, ident: str, obj: dict[str, Any], s: str) -> str | None:
        papers = _refs(obj, "paper") or self.parent_of(ident, "Paper")
        meetings = _refs(obj, "meeting")
        if not papers:
            return error_message("oparl.skip.no_paper")
        if not meetings:
            return error_message("oparl.skip.no_meeting")
        meeting = self.c.objects.get(meetings[0])
        if meeting is None:
            return error_message("oparl.skip.meeting_missing")
        day = self.date(meetings[0], meeting, "start")
        if day is None:
            return error_message("oparl.skip.meeting_no_start")
        committees = _refs(obj, "organization") or _refs(meeting, "organization")
        if not committees:
            return error_message("oparl.skip.no_committee")
        for cls in (OPARL + "Consultation", PROV + "Entity"):
            self.add(s, RDF + "type", cls)
        self.link(ident, s, SCKG + "paper", papers[:1], "Paper")
        self.link(ident, s, SCKG + "meeting", meetings[:1], "Meeting")
        self.link(ident, s, SCKG + "committee", committees, "Organization")
        self.add(s, DCTERMS + "date", self.date_literal(day))
        role = _role(obj)
        if role:
            self.add(s, SCKG + "consultationRole", ROLE + role)
        items = _refs(obj, "agendaItem") or (
            [self.agenda_of[ident]] if ident in self.agenda_of else []
        )
        self.link(ident, s, SCKG + "agendaItem", items[:1], "AgendaItem")
        public = self.agenda_public.get(ident)
        for item in _refs(obj, "agendaItem"):
            item_public = _bool(self.c.objects.get(item, {}).get("public"))
            public = item_public if item_public is not None else public
        if public is not None:
            self.add(
                s,
                SCKG + "isPublic",
                ox.Literal("true" if public else "false", datatype=XSD_BOOLEAN),
            )
        paper = self.name(papers[0], "reference", "name") or papers[0].rsplit("/", 1)[-1]
        committee = self.name(committees[0], "name", "shortName")
        what_de = {"decision": "Entscheidung", "preliminary": "Vorberatung"}.get(
            role or "", "Beratung"
        )
        what_en = {"decision": "Decision", "preliminary": "Preliminary consultation"}.get(
            role or "", "Consultation"
        )
        where = f", {committee}" if committee else ""
        self.label(
            s,
            f"{what_de} {paper}{where}, {_german(day)}",
            f"{what_en} {paper}{where}, {day.isoformat()}",
        )
        return None

    def _file(self, ident: str, obj: dict[str, Any], s: str) -> str | None:
        name = _str(obj, "name") or _str(obj, "fileName")
        if not name:
            return error_message("oparl.skip.no_file_name")
        for cls in (OPARL + "File", PROV + "Entity"):
            self.add(s, RDF + "type", cls)
        self.label(s, name)
        if mime := _str(obj, "mimeType"):
            self.add(s, DCTERMS + "format", ox.Literal(mime))
        if day := self.date(ident, obj, "date"):
            self.add(s, DCTERMS + "date", self.date_literal(day))
        url = _str(obj, "accessUrl")
        if url and _valid_iri(url):
            self.add(s, SCHEMA + "contentUrl", url)
        return None

    def _location(self, ident: str, obj: dict[str, Any], s: str) -> str | None:
        address = ", ".join(
            filter(
                None,
                (
                    _str(obj, "streetAddress"),
                    " ".join(filter(None, (_str(obj, "postalCode"), _str(obj, "locality")))),
                ),
            )
        )
        name = _str(obj, "description") or address or None
        geometry, as_text = wkt(obj.get("geojson"))
        if not name and not geometry:
            return error_message("oparl.skip.no_place")
        for cls in (OPARL + "Location", DCTERMS + "Location", GEO + "Feature"):
            self.add(s, RDF + "type", cls)
        self.label(s, name or f"Ort {tail(ident)}", None if name else f"Location {tail(ident)}")
        if address:
            self.add(s, SCHEMA + "address", ox.Literal(address))
        if obj.get("geojson") is not None and geometry is None:
            self.note(ident, error_message("oparl.note.no_geometry"))
        if as_text:
            self.note(ident, error_message("oparl.note.text_coordinates"))
        if geometry:
            g = f"{s}/geometry"
            self.add(s, GEO + "hasGeometry", g)
            self.add(g, RDF + "type", GEO + "Geometry")
            self.add(
                g, GEO + "asWKT", ox.Literal(geometry, datatype=ox.NamedNode(GEO + "wktLiteral"))
            )
        return None

    def _person(self, ident: str, obj: dict[str, Any], s: str) -> str | None:
        name = _str(obj, "name") or " ".join(
            filter(None, (_str(obj, "givenName"), _str(obj, "familyName")))
        )
        if not name:
            return error_message("oparl.skip.no_name")
        self.add(s, RDF + "type", FOAF + "Person")
        self.add(s, FOAF + "name", ox.Literal(name))
        self.label(s, name)
        return None

    def _membership(self, ident: str, obj: dict[str, Any], s: str) -> str | None:
        persons = _refs(obj, "person") or self.parent_of(ident, "Person")
        organizations = _refs(obj, "organization")
        if not persons or not organizations:
            return error_message("oparl.skip.no_member")
        self.add(s, RDF + "type", ORG + "Membership")
        self.link(ident, s, ORG + "member", persons[:1], "Person")
        self.link(ident, s, ORG + "organization", organizations[:1], "Organization")
        self._dates(s, self.date(ident, obj, "startDate"), self.date(ident, obj, "endDate"))
        person = self.name(persons[0], "name", "familyName") or persons[0].rsplit("/", 1)[-1]
        organization = (
            self.name(organizations[0], "name", "shortName") or organizations[0].rsplit("/", 1)[-1]
        )
        role = _str(obj, "role")
        self.label(s, f"{person}: {role + ', ' if role else ''}{organization}")
        return None


_PERSONAL_CLASS = {"Person": FOAF + "Person", "Membership": ORG + "Membership"}
#: The field of each OParl type that dates what it records (the data date without ``modified``
#: stamps).
_RECORD_DATE = {"Paper": "date", "File": "date", "Meeting": "start"}


def _valid_iri(value: str) -> bool:
    try:
        ox.NamedNode(value)
    except ValueError:
        return False
    return "://" in value


def _organization_kind(obj: dict[str, Any]) -> str | None:
    """``council`` or ``committee`` for a Gremium (by classification or name), the kind of a party
    group, party, administration area or external body (:data:`ORGANIZATION_KINDS`), else no
    kind."""
    kind = (_str(obj, "organizationType") or "").casefold()
    classification = (_str(obj, "classification") or "").casefold()
    if kind in ORGANIZATION_KINDS:
        return ORGANIZATION_KINDS[kind]
    if kind != "gremium" and not (not kind and "ausschuss" in classification):
        return None
    names = {
        classification,
        (_str(obj, "name") or "").casefold(),
        (_str(obj, "shortName") or "").casefold(),
    }
    return "council" if any(_COUNCIL.match(n) for n in names) else "committee"


def _role(obj: dict[str, Any]) -> str | None:
    """``decision`` (authoritative, or the role says Entscheidung), ``preliminary`` (Vorberatung),
    else none."""
    authoritative = _bool(obj.get("authoritative"))
    text = (_str(obj, "role") or "").casefold()
    if authoritative is True or (
        authoritative is None and re.search(r"entscheid|beschlussfass", text)
    ):
        return "decision"
    if "vorberat" in text:
        return "preliminary"
    return None
