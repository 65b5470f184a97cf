"""``build_site``: the programme site, written to a folder (docs/site.md). Every page is rendered
from the data of :mod:`.collect` and :mod:`.pages` by the templates of ``templates/``; the files are
written only when their bytes change, so the same input leaves the same site (byte for byte) and a
rebuild touches only what changed."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from ..errors import ParameterError
from ..export import canonical, jsonld_bytes
from ..fileio import write_atomic
from ..formatting import long_date
from ..ingest.cells import day_of_text
from ..namespaces import ADMS, DCTERMS, PREFIXES, SCKG
from ..sources import Terms, data_info, summary, terms_html
from ..words import Words, check_lang, error_message, t
from .collect import LANGS, Entity, SiteData, collect
from .maps import neighbourhood_maps, projection
from .pages import Describer, Value, by_kind, first_date, list_page, objects, page_meta
from .paths import SECTION_PAGES, page_file, relative
from .search import index_script

if TYPE_CHECKING:
    from jinja2 import Environment

    from ..kg import KnowledgeGraph
    from ..report.model import Section

_HERE = Path(__file__).resolve().parent
_VENDOR = _HERE.parent / "viz" / "vendor"
#: The home page lists this many recent papers, upcoming and overdue milestones.
SHOWN = 10
#: Lists linked from every page's navigation, in this order (when the graph has such entities).
NAVIGATION = ("project", "field", "goal", "actor", "paper", "decision")


@dataclass
class Site:
    """What :func:`build_site` wrote: the folder, the number of pages and files, and the time of
    each step."""

    out: Path
    pages: int
    files: int
    entities: int
    timings: dict[str, float] = field(default_factory=dict)


def build_site(
    kg: KnowledgeGraph,
    out: Path | str,
    *,
    lang: str = "de",
    since: str | date | None = None,
    today: str | date | None = None,
    title: str | None = None,
    compare: Sequence[KnowledgeGraph] = (),
) -> Site:
    """Write the static site of ``kg`` to the folder ``out``: pages in German and English (``lang``
    is the language of the pages without a language suffix), lists, search, each entity's data as
    Turtle and JSON-LD. ``since`` (a date) adds what happened since then to the home page; ``today``
    is the day milestones count as upcoming or overdue from (default: the data's date, so the same
    data gives the same site). The sections of the briefing about the whole programme that the graph
    has data for get a page each (:func:`section_pages`); ``compare`` (other cities, one graph each)
    adds the page ``benchmark``."""
    check_lang(lang)
    since_day = _day(since, "since")
    timings: dict[str, float] = {}
    started = time.perf_counter()
    with kg.cached():
        data = collect(kg)
        info = {code: data_info(kg, code, terms=True) for code in LANGS}
        graph = projection(kg)
        sections = {code: section_pages(kg, compare, data, code) for code in LANGS}
    undirected = graph.to_undirected(as_view=True)
    timings["read"] = time.perf_counter() - started
    # never the clock: without a data date (and --today) the milestones' day is unknown
    data_day = info["de"].date
    as_of = _day(today, "today") or (date.fromisoformat(data_day[:10]) if data_day else None)
    writer = _Writer(Path(out))
    started = time.perf_counter()
    maps = {iri: neighbourhood_maps(graph, undirected, data, iri) for iri in data.entities}
    timings["maps"] = time.perf_counter() - started
    started = time.perf_counter()
    for code in LANGS:
        site = _SiteContext(data, info[code], code, lang, title, sections[code])
        kinds = by_kind(data)
        for entity in data.entities.values():
            writer.page(
                site, "entity.html.j2", entity.path, **_entity_page(site, entity, maps[entity.iri])
            )
        for kind in sorted(kinds):
            writer.page(site, "list.html.j2", f"list/{kind}", page=list_page(data, kind, code))
        writer.page(site, "lists.html.j2", "list", counts=_counts(data, kinds, code))
        writer.page(site, "search.html.j2", "search")
        for key, section in sections[code].items():
            writer.page(
                site,
                "section.html.j2",
                key,
                section=section,
                chart_table=t("report.chart_table", code),
            )
        writer.page(site, "home.html.j2", "index", **_home(site, kinds, as_of, since_day))
    timings["pages"] = time.perf_counter() - started
    started = time.perf_counter()
    for entity in data.entities.values():
        triples = _description(data, entity, info["de"].terms)
        writer.bytes(f"{entity.path}.ttl", _turtle(triples))
        writer.bytes(f"{entity.path}.jsonld", jsonld_bytes(triples, indent=None))
    writer.bytes("assets/search-index.js", index_script(data).encode("utf-8"))
    for name in ("site.css", "site.js"):
        writer.bytes(f"assets/{name}", (_HERE / "assets" / name).read_bytes())
    for name in ("vis-network.min.js", "vis-network.css", "LICENSE-APACHE-2.0.txt", "NOTICE"):
        writer.bytes(f"assets/{name}", (_VENDOR / name).read_bytes())
    timings["data"] = time.perf_counter() - started
    return Site(Path(out), writer.pages, writer.files, len(data.entities), timings)


def _day(value: str | date | None, param: str) -> date | None:
    if value is None or isinstance(value, date):
        return value
    day = day_of_text(value.strip())
    if day is None:
        raise ParameterError(error_message("error.day", param=param, value=value))
    return day


class _SiteContext:
    """What every page of one language shares: words, the data, the navigation."""

    def __init__(
        self,
        data: SiteData,
        info: Any,
        lang: str,
        default: str,
        title: str | None,
        sections: dict[str, Section],
    ) -> None:
        self.data, self.lang, self.default = data, lang, default
        #: the pages of the briefing's sections: their paths and headings, for the navigation
        self.sections = [(key, section.heading) for key, section in sections.items()]
        self.w = Words("site", lang)
        self.describe = Describer(data, lang)
        self.title = title or info.title or self.w["title"]
        self.info = info
        self.date = long_date(info.date, lang) if info.date else None
        self.sources = summary(info.sources, lang)
        #: the terms of reuse the datasets state, in every page's footer
        self.terms = terms_html(info.terms, lang)
        kinds = by_kind(data)
        self.nav = [(k, data.kinds[k][lang]) for k in NAVIGATION if k in kinds]
        self.other = next(code for code in LANGS if code != lang)


class _Writer:
    """Writes the site's files, each only when its bytes differ from what is there."""

    def __init__(self, out: Path) -> None:
        self.out, self.pages, self.files = out, 0, 0

    def bytes(self, name: str, content: bytes) -> None:
        path = self.out / name
        self.files += 1
        if path.is_file() and path.read_bytes() == content:
            return
        write_atomic(path, content)

    def page(self, site: _SiteContext, template: str, path: str, **values: Any) -> None:
        here = page_file(path, site.lang, site.default)

        def link(target: str, lang: str | None = None) -> str:
            return relative(page_file(target, lang or site.lang, site.default), here)

        html = (
            _env()
            .get_template(template)
            .render(
                site=site,
                t=site.w,
                lang=site.lang,
                path=path,
                root=relative("", here),
                link=link,
                other_href=link(path, site.other),
                **values,
            )
        )
        self.pages += 1
        self.bytes(here, html.encode("utf-8"))


@cache
def _env() -> Environment:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    return Environment(
        loader=FileSystemLoader(_HERE / "templates"),
        autoescape=True,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=StrictUndefined,
    )


def section_pages(
    kg: KnowledgeGraph, others: Sequence[KnowledgeGraph], data: SiteData, lang: str
) -> dict[str, Section]:
    """The pages that show a section of the briefing in ``lang``, by path (in the order of
    :data:`~.paths.SECTION_PAGES`): each section the graph has data for, ``benchmark`` when there
    are ``others`` to compare with. A cell that names an entity with a label no other entity has
    links to its page."""
    from ..prioritise.section import priority_section
    from ..report.benchmark import benchmark_section
    from ..report.process import legal_section, process_section
    from ..report.strategy import strategy_section

    made = {
        "process": process_section(kg, lang),
        "strategy": strategy_section(kg, lang),
        "legal": legal_section(kg, lang),
        "priorities": priority_section(kg, lang),
        "benchmark": benchmark_section(kg, others, lang) if others else None,
    }
    sections = {key: found for key in SECTION_PAGES if (found := made[key]) is not None}
    pages: dict[str, list[str]] = {}
    for entity in data.entities.values():
        pages.setdefault(data.label(entity.iri, lang), []).append(entity.path)
    # the columns whose cells name an entity of the site: a project, a ranked project or field
    naming = {t("compare.column.project", lang), t("prio.chart.column.item", lang)}
    for section in sections.values():
        parts = [section, *section.subsections]
        for table in [x for p in parts for x in (*p.tables, *(c.table for c in p.charts))]:
            named = {i for i, name in enumerate(table.columns) if name in naming}
            table.rows = [
                [_cell(cell, pages if i in named else {}) for i, cell in enumerate(row)]
                for row in table.rows
            ]
    return sections


def _cell(cell: Any, pages: dict[str, list[str]]) -> Any:
    """A cell of a briefing's table on the site: a link to a page elsewhere (a paper in the council
    system) as a :class:`Value` with its address; a name that one entity of ``pages`` has (by label)
    linked to its page; anything else as it is."""
    from ..report.model import Link

    if isinstance(cell, Link):
        return Value(cell.text, url=cell.url)
    found = pages.get(str(cell), [])
    return Value(str(cell), path=found[0]) if len(found) == 1 else cell


def _entity_page(site: _SiteContext, entity: Entity, maps: dict[str, str] | None) -> dict[str, Any]:
    facts, relations = site.describe.statements(entity)
    meta = page_meta(site.data, entity, site.lang)
    return {
        **meta,
        "entity": entity,
        "facts": [g for g in facts if g.label != site.describe.prop(DCTERMS + "description")],
        "relations": relations,
        "pointing": site.describe.pointing_here(entity),
        "council": _council(site, entity),
        "map_data": maps[site.lang] if maps else None,
    }


def _council(site: _SiteContext, entity: Entity) -> list[tuple[str, Value, Value, str, Value]]:
    """The council history of a project, field, paper or committee: the consultations of the papers
    about it (``dcterms:subject``), or of itself, in date order: date, committee, paper, role,
    result."""
    data, describe = site.data, site.describe
    papers = [
        s for s, p in entity.inc if p == DCTERMS + "subject" and data.entities[s].kind == "paper"
    ]
    if entity.kind == "paper":
        papers = [entity.iri]
    if entity.kind == "field":
        for project, p in entity.inc:
            if p == SCKG + "inFieldOfAction":
                papers += [
                    s
                    for s, q in data.entities[project].inc
                    if q == DCTERMS + "subject" and data.entities[s].kind == "paper"
                ]
    rows = []
    for paper in sorted(set(papers)):
        for s, p in data.entities[paper].inc:
            consultation = data.entities[s]
            if p != SCKG + "paper" or consultation.kind != "consultation":
                continue
            committee = objects(consultation, SCKG + "committee")
            role = objects(consultation, SCKG + "consultationRole")
            rows.append(
                (
                    first_date(consultation) or "",
                    describe.term(committee[0]) if committee else Value(""),
                    Value(data.label(paper, site.lang), path=data.entities[paper].path),
                    describe.term(role[0]).text if role else "",
                    Value(data.label(s, site.lang), path=consultation.path),
                )
            )
    return sorted(rows, key=lambda r: (r[0], r[2].text, r[4].text))


def _counts(
    data: SiteData, kinds: dict[str, list[Entity]], lang: str
) -> list[tuple[str, str, int]]:
    """(kind, its name, how many are listed), most first: of the fields the city's (a reference
    field its own map to has a page but is not counted)."""
    first = {kind: i for i, kind in enumerate(NAVIGATION)}
    listed = {kind: len(data.of_kind(kind)) for kind in kinds}
    return [
        (kind, data.kinds[kind][lang], listed[kind])
        for kind in sorted(kinds, key=lambda k: (first.get(k, len(first)), -listed[k], k))
    ]


def _home(
    site: _SiteContext, kinds: dict[str, list[Entity]], as_of: date | None, since: date | None
) -> dict[str, Any]:
    """The home page: counts, fields, status, the milestones not reached (upcoming and overdue as
    of ``as_of``; in one list when the day is unknown), recent papers, what is new since
    ``since``."""
    data, lang = site.data, site.lang
    counts = _counts(data, kinds, lang)
    fields = [
        (
            Value(data.label(f.iri, lang), path=f.path),
            sorted(
                (
                    Value(data.label(s, lang), path=data.entities[s].path)
                    for s, p in f.inc
                    if p == SCKG + "inFieldOfAction" and data.entities[s].kind == "project"
                ),
                key=lambda v: v.text.casefold(),
            ),
        )
        for f in data.of_kind("field")
    ]
    status: dict[str, int] = {}
    for project in kinds.get("project", []):
        found = [o for o in objects(project, ADMS + "status") if isinstance(o, ox.NamedNode)]
        for key in [data.label(o.value, lang) for o in found] or [site.w["no_status"]]:
            status[key] = status.get(key, 0) + 1
    milestones = []
    for m in kinds.get("milestone", []):
        day = first_date(m)
        reached = any(
            isinstance(o, ox.Literal) and o.value in ("true", "1")
            for o in objects(m, SCKG + "reached")
        )
        if day and not reached:
            milestones.append((day, Value(data.label(m.iri, lang), path=m.path)))
    milestones.sort(key=lambda r: (r[0], r[1].text))
    iso = as_of.isoformat() if as_of else None
    papers = sorted(
        (
            (first_date(p) or "", Value(data.label(p.iri, lang), path=p.path))
            for p in kinds.get("paper", [])
        ),
        key=lambda r: (r[0], r[1].text),
        reverse=True,
    )
    changed = (
        sorted(
            (
                (day, data.kinds[e.kind][lang], Value(data.label(e.iri, lang), path=e.path))
                for e in data.entities.values()
                if (day := first_date(e)) and since.isoformat() <= day <= (iso or day)
            ),
            key=lambda r: (r[0], r[2].text),
            reverse=True,
        )
        if since
        else None
    )
    return {
        "counts": counts,
        "fields": fields,
        "status": sorted(status.items(), key=lambda s: (-s[1], s[0])),
        "upcoming": [m for m in milestones if iso is None or m[0] >= iso][:SHOWN],
        "overdue": [m for m in milestones if iso and m[0] < iso][-SHOWN:],
        "papers": papers[:SHOWN],
        "as_of": iso,
        "since": since.isoformat() if since else None,
        "changed": changed,
    }


def _description(data: SiteData, entity: Entity, terms: Sequence[Terms] = ()) -> list[ox.Triple]:
    """The entity's statements, with those of the blank nodes they lead to (its budget ...), and
    the terms of reuse (licence, attribution, source) of the datasets its content comes from: those
    it is ``sckg:inDataset``, or every dataset that states terms when it names none."""
    subject = ox.NamedNode(entity.iri)
    found = [ox.Triple(subject, ox.NamedNode(p), o) for p, o in entity.out]
    within = {o.value for p, o in entity.out if p == SCKG + "inDataset"}
    for stated in terms:
        if not within or stated.dataset in within:
            found += stated.statements
    todo = [o for _, o in entity.out if isinstance(o, ox.BlankNode)]
    seen: set[ox.BlankNode] = set()
    while todo:
        node = todo.pop()
        if node in seen:
            continue
        seen.add(node)
        for x in data.blank.get(node, []):
            found.append(x)
            if isinstance(x.object, ox.BlankNode):
                todo.append(x.object)
    return canonical(found)


def _turtle(triples: list[ox.Triple]) -> bytes:
    return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES) or b""
