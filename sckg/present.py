"""The meeting deck: one offline HTML file of slides, built from an agenda (a TOML file naming a
sequence of views) or from a default agenda derived from the data.

Every slide is a still picture (a focused map drawn by :func:`sckg.viz.write.render_image`, or a
chart of the briefing) with its key figures, an optional table and speaker notes. The figures come
from the briefing (:func:`sckg.report.build_report`), so deck and briefing agree. The same agenda on
the same data gives the same bytes. An agenda file (see docs/report.md)::

    title = "Lenkungskreis März"
    [[slide]]
    view = "overview"
    notes = "Begrüßung"
    [[slide]]
    view = "field"
    field = "Smart Mobility"
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .choices import SlideView
from .errors import DataError, Message, SckgError
from .fileio import write_atomic
from .formatting import money_total, number
from .namespaces import CITY_FIELDS, SCKG, slug, tail
from .report.model import Chart, Report, ReportTable, Section
from .sources import Terms, terms_html
from .typed import amount
from .words import Words, error_message, t

if TYPE_CHECKING:
    from .kg import KnowledgeGraph

#: The key each view needs besides ``view`` (the others need none).
TARGET = {
    SlideView.field: "field",
    SlideView.project: "project",
    SlideView.query: "query",
    SlideView.chart: "chart",
}
#: Keys every slide may have.
COMMON = ("view", "title", "notes")
#: Rows a slide's table shows at most (the rest is counted below it), and the characters of a cell's
#: text: the sentences the deck writes (a finding with its question or fix, a cycle's projects) are
#: shorter and shown whole; a longer text from the data (a council paper's title) is cut between
#: words.
TABLE_ROWS = 10
CELL_TEXT = 160
#: What the side of a slide holds on the smallest screen a deck is shown on (1280 × 720): lines of
#: table text (586 px of 15 px), and the characters a line holds across the side beside a picture
#: and without one. A key figure takes two lines; a table row the lines its text needs across the
#: side, and a little padding.
SIDE_LINES = 38
SIDE_CHARS = {True: 54, False: 150}
_TEMPLATE_DIR = Path(__file__).parent


@dataclass(frozen=True)
class View:
    """One entry of an agenda: the view, its target (a field, project, query or chart), title and
    notes; the line of the agenda file it comes from (0 for the default agenda)."""

    view: SlideView
    target: str | None = None
    title: str | None = None
    notes: str | None = None
    line: int = 0
    target_line: int = 0
    source: str = ""

    def error(self, key: str, message: str) -> DataError:
        """An error about this entry, naming the agenda file, line and key."""
        if not self.source:
            return DataError(Message(message))
        line = self.line if key == "view" else self.target_line
        return DataError(
            error_message(
                "error.agenda_entry", path=self.source, line=line, key=key, message=message
            )
        )


@dataclass(frozen=True)
class Agenda:
    """A title (``None``: from the data) and a sequence of views."""

    title: str | None
    views: list[View]


@dataclass
class Slide:
    """One slide: title, a still picture (trusted inline SVG), key figures, a table, and speaker
    notes."""

    key: str
    title: str
    picture: str = ""
    facts: list[tuple[str, str]] = field(default_factory=list)
    table: ReportTable | None = None
    more: str = ""
    notes: str = ""
    caption: str = ""


@dataclass
class Deck:
    """The slides of a meeting, with the data's date and source line."""

    title: str
    lang: str
    source: str
    slides: list[Slide]
    #: What the deck left out, one line each: ill-typed values (sckg.typed.left_out).
    notes: list[str] = field(default_factory=list)
    #: The terms of reuse the datasets state, in small print on the first slide
    #: (:attr:`sckg.sources.DataInfo.terms`)
    terms: list[Terms] = field(default_factory=list)


# --- the agenda -----------------------------------------------------------------------------------


def read_agenda(path: Path | str) -> Agenda:
    """The agenda in the TOML file ``path``: ``title`` and ``[[slide]]`` entries with ``view`` and,
    by view, ``field``, ``project``, ``query`` or ``chart``, and optional ``title`` and ``notes``. A
    bad file is a
    :class:`DataError` naming the line and key."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise DataError(
            error_message("error.agenda_unreadable", path=path, reason=error.strerror)
        ) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        before = raw[raw.rfind(b"\n", 0, error.start) + 1 : error.start]
        column = len(before.decode("utf-8", "replace")) + 1
        byte = f"0x{raw[error.start]:02x}"
        raise DataError(
            error_message("error.agenda_utf8", path=path, line=line, column=column, byte=byte)
        ) from None
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise DataError(error_message("error.agenda_toml", path=path, reason=error)) from None
    except RecursionError:
        raise DataError(error_message("error.agenda_deep", path=path)) from None
    lines = text.splitlines()
    for key in doc:
        if key not in ("title", "slide"):
            line = _line(lines, None, key)
            raise DataError(error_message("error.agenda_key", path=path, line=line, key=key))
    if "title" in doc and not isinstance(doc["title"], str):
        raise _entry_error(str(path), lines, None, "title", error_message("error.agenda_text"))
    slides = doc.get("slide", [])
    if not isinstance(slides, list) or not slides:
        no_slides = error_message("error.agenda_no_slides")
        raise _entry_error(str(path), lines, None, "slide", no_slides)
    views = [_view(entry, i, lines, str(path)) for i, entry in enumerate(slides)]
    return Agenda(doc.get("title"), views)


def _entry_error(
    source: str, lines: list[str], index: int | None, key: str, message: Message
) -> DataError:
    """What is wrong with ``key`` of the agenda (of its slide ``index``; None: at the top), at
    its line of the file."""
    line = _line(lines, index, key)
    return DataError(
        error_message("error.agenda_entry", path=source, line=line, key=key, message=message)
    )


def _view(entry: dict[str, Any], index: int, lines: list[str], source: str) -> View:
    def fail(key: str, message: Message) -> DataError:
        return _entry_error(source, lines, index, key, message)

    views = ", ".join(SlideView)
    if "view" not in entry:
        raise fail("view", error_message("error.agenda_no_view", views=views))
    try:
        view = SlideView(entry["view"])
    except ValueError:
        raise fail(
            "view", error_message("error.agenda_view", view=entry["view"], views=views)
        ) from None
    allowed = (*COMMON, *((TARGET[view],) if view in TARGET else ()))
    for key, value in entry.items():
        if key not in allowed:
            raise fail(
                key, error_message("error.agenda_slide_key", view=view, keys=", ".join(allowed))
            )
        if not isinstance(value, str):
            raise fail(key, error_message("error.agenda_text"))
    target = entry.get(TARGET[view]) if view in TARGET else None
    if view in TARGET and not target:
        raise fail("view", error_message("error.agenda_target", view=view, key=TARGET[view]))
    target_line = _line(lines, index, TARGET[view]) if view in TARGET else 0
    return View(
        view,
        target,
        entry.get("title"),
        entry.get("notes"),
        _line(lines, index, "view"),
        target_line,
        source,
    )


_HEADER = re.compile(r"\s*\[\[\s*slide\s*\]\]")


def _line(lines: list[str], index: int | None, key: str) -> int:
    """The line (1-based) of ``key`` in the ``index``-th ``[[slide]]`` block (None: before the
    first), else the block's header line."""
    headers = [i for i, line in enumerate(lines) if _HEADER.match(line)]
    start = headers[index] if index is not None else 0
    end = (
        next((i for i in headers if i > start), len(lines))
        if index is not None
        else (headers or [len(lines)])[0]
    )
    pattern = re.compile(rf"\s*{re.escape(key)}\s*=")
    found = next((i for i in range(start, end) if pattern.match(lines[i])), None)
    if found is None and index is None and key == "slide" and headers:
        found = headers[0]
    return (found if found is not None else start) + 1


def default_agenda(
    kg: KnowledgeGraph,
    lang: str = "de",
    *,
    since: bool = False,
    compare: bool = False,
    priorities: Sequence[SlideView] = (),
) -> Agenda:
    """The key points, overview, each field of action with its open points, bottleneck actors,
    cycles, the views of the stored prioritisation (``priorities``: ranking, sensitivity, waves),
    what the interviews say (when there are interviews or workshops), with ``since`` what changed
    and with ``compare`` the benchmarking with other cities."""
    fields = kg.select(f"SELECT DISTINCT ?field WHERE {{ {CITY_FIELDS} }}")
    iris = [row["field"] for row in fields.records()]
    labels = kg.labels(iris, lang)
    views = [View(SlideView.key_points), View(SlideView.overview)]
    views += [
        View(SlideView.field, iri) for iri in sorted(iris, key=lambda i: (labels[i].lower(), i))
    ]
    views += [View(SlideView.actors), View(SlideView.cycles)]
    views += [View(view) for view in priorities]
    if kg.ask("ASK { VALUES ?c { sckg:Interview sckg:Workshop } ?x a ?c }"):
        views.append(View(SlideView.interviews))
    if since:
        views.append(View(SlideView.changes))
    if compare:
        views.append(View(SlideView.benchmark))
    return Agenda(None, views)


# --- the slides -----------------------------------------------------------------------------------


def build_deck(
    kg: KnowledgeGraph,
    *,
    lang: str = "de",
    agenda: Agenda | None = None,
    since: KnowledgeGraph | None = None,
    title: str | None = None,
    compare: Sequence[KnowledgeGraph] = (),
) -> Deck:
    """The deck for ``agenda`` (default: :func:`default_agenda`) on ``kg``; ``since`` is the
    previous snapshot that the ``changes`` view compares with, ``compare`` the other cities of the
    ``benchmark`` view."""
    from .report import build_report
    from .report.charts import source_line

    with kg.cached():
        report = build_report(kg, lang=lang, since=since, compare=compare)
        agenda = agenda or default_agenda(
            kg,
            lang,
            since=since is not None,
            compare=bool(compare),
            priorities=_priority_views(report),
        )
        maker = _Slides(kg, lang, report, since)
        slides = [maker.slide(view, n) for n, view in enumerate(agenda.views, 1)]
        return Deck(
            title or agenda.title or report.title,
            lang,
            source_line(kg, lang),
            slides,
            report.notes,
            report.terms,
        )


def _priority_views(report: Report) -> list[SlideView]:
    """The views the briefing's priority section has material for: its charts and its waves."""
    section = next((s for s in report.sections if s.key == "priorities"), None)
    if section is None:
        return []
    keys = {c.key for c in section.charts} | {s.key for s in section.subsections}
    wanted = {
        "priorities": SlideView.priorities,
        "priorities-sensitivity": SlideView.sensitivity,
        "priorities-quadrant": SlideView.quadrant,
        "priority-waves": SlideView.waves,
    }
    return [view for key, view in wanted.items() if key in keys]


class _Slides:
    """Makes slides from views, sharing the briefing, the projections and the validation
    findings."""

    def __init__(
        self, kg: KnowledgeGraph, lang: str, report: Report, since: KnowledgeGraph | None
    ) -> None:
        self.kg, self.lang, self.report, self.since = kg, lang, report, since
        self.w = Words("deck", lang)
        self.r = Words("report", lang)
        self.projections: dict[str, Any] = {}
        self._warnings: list[Any] | None = None
        self._fields: dict[str, list[dict[str, Any]]] | None = None

    def slide(self, view: View, n: int) -> Slide:
        made: Slide = getattr(self, "_" + view.view.replace("-", "_"))(view)
        made.key = f"{n}-{made.key}"
        if view.title:
            made.title = view.title
        if view.notes is not None:
            made.notes = view.notes
        return made

    # helpers

    def chart(self, key: str) -> Chart | None:
        return next((c for s in self.report.sections for c in s.charts if c.key == key), None)

    def charts(self) -> list[str]:
        return [c.key for s in self.report.sections for c in s.charts]

    def map_picture(
        self,
        projection: str,
        key: str,
        title: str,
        *,
        focus: str | None = None,
        depth: int = 1,
        color_by: str = "class",
    ) -> str:
        from .network.projection import project
        from .report.charts import inline_svg, svg_context
        from .report.maps import LAYOUT
        from .viz import build_network
        from .viz.write import render_image

        if projection not in self.projections:
            self.projections[projection] = project(self.kg, projection, lang=self.lang)
        if not self.projections[
            projection
        ].number_of_nodes():  # e.g. council records alone: nothing to draw
            return ""
        net = build_network(
            self.kg,
            projection,
            projected=self.projections[projection],
            focus=focus,
            depth=depth,
            color_by=color_by,
            layout=LAYOUT.get(projection, "spring"),
            title=title,
            lang=self.lang,
        )
        with svg_context(key):
            return inline_svg(render_image(net, "svg").decode("utf-8"), title)

    def table(self, slide: Slide, table: ReportTable, rows: int = TABLE_ROWS) -> Slide:
        """The first rows of ``table`` on the slide (at most ``rows``, and as many as fit beside the
        slide's picture and figures: :data:`SIDE_LINES`), each cell as text of at most
        :data:`CELL_TEXT` characters, cut between words; the rest counted below it (``… 5 more of
        15``). Set the picture and figures first."""
        from .viz.style import shorten_text

        cells = [
            [
                cell
                if isinstance(cell, int)
                else shorten_text(
                    "" if cell is None else str(cell), CELL_TEXT - 1, whole_words=True
                )
                for cell in row
            ]
            for row in table.rows[:rows]
        ]
        width = SIDE_CHARS[bool(slide.picture)]
        free = (
            SIDE_LINES
            - (2 * len(slide.facts) + 1 if slide.facts else 0)
            - 1.5 * (1 + bool(table.caption))
        )
        free -= _lines(table.columns, width) + 0.5
        shown = 0
        for row in cells:
            free -= _lines(row, width) + 0.5
            if free < 0:
                break
            shown += 1
        slide.table = ReportTable(table.columns, cells[:shown], table.caption)
        if len(table.rows) > shown:
            slide.more = self.w("more_rows", n=len(table.rows) - shown, total=len(table.rows))
        return slide

    def field_projects(self) -> dict[str, list[dict[str, Any]]]:
        """The projects of every field with their budgets, asked once for all fields."""
        if self._fields is None:
            self._fields = {}
            for field_, project_, budget in self.kg.select(
                "SELECT ?field ?p ?budget WHERE { ?p a sckg:Project ; sckg:inFieldOfAction ?field "
                "OPTIONAL { ?p sckg:hasBudget/schema:value ?budget } }"
            ).rows:
                assert field_ is not None and project_ is not None  # ?budget alone is optional
                self._fields.setdefault(field_.value, []).append(
                    {"p": project_.value, "budget": amount(budget)}
                )
        return self._fields

    def dependencies(self) -> Any:
        """The dependency projection, made once."""
        if "dependencies" not in self.projections:
            from .network.projection import project

            self.projections["dependencies"] = project(self.kg, "dependencies", lang=self.lang)
        return self.projections["dependencies"]

    def warnings(self) -> list[Any]:
        if self._warnings is None:
            from .validate import validate

            self._warnings = validate(self.kg, lang=self.lang).warnings
        return self._warnings

    def facts(self, *keys: str) -> list[tuple[str, str]]:
        names = Words("fact", self.lang)
        facts = self.report.facts
        return [(names[k], number(facts[k], self.lang)) for k in keys if k in facts]

    # the views

    def _overview(self, view: View) -> Slide:
        slide = Slide("overview", self.report.title, caption=self.r["map"])
        slide.picture = self.map_picture("entity", "overview", self.r["map"])
        if not slide.picture:
            from .network.common import why_empty

            slide.more = why_empty(self.kg, self.projections["entity"], self.lang)
        slide.facts = self.facts(
            "projects", "actors", "fields", "goals", "decisions", "open_points"
        )
        from .report.render import data_date_text

        slide.notes = self.w("overview_notes", date=data_date_text(self.report)[1])
        return slide

    def _field(self, view: View) -> Slide:
        from .entities import resolve
        from .report.build import MAP_PROJECTS

        try:
            iri = resolve(
                view.target or "",
                kg=self.kg,
                what="field of action",
                param="field",
                classes=(SCKG + "FieldOfAction",),
            )
        except SckgError as error:
            raise view.error("field", error.args[0]) from None
        label = self.kg.labels([iri], self.lang)[iri]
        rows = self.field_projects().get(iri, [])
        projects = {r["p"] for r in rows}
        points = [f for f in self.warnings() if f.focus in projects]
        slide = Slide(f"field-{slug(tail(iri))}", label, caption=label)
        slide.facts = [
            (self.r["projects"], number(len(projects), self.lang)),
            (self.r["budget"], money_total((r["budget"] for r in rows), self.lang, 0)),
            (self.w["open_points"], number(len(points), self.lang)),
        ]
        if projects and len(projects) <= MAP_PROJECTS[-1][0]:
            depth = next(d for limit, d in MAP_PROJECTS if len(projects) <= limit)
            slide.picture = self.map_picture("entity", slide.key, label, focus=iri, depth=depth)
        elif not projects:
            slide.more = self.r["field_without_projects"]
        if points:
            self.table(
                slide,
                ReportTable(
                    [self.r["entity"], self.r["finding"]],
                    [[f.label, f.message] for f in points],
                    self.w["open_points"],
                ),
            )
        slide.notes = self.w("field_notes", name=label, projects=len(projects), n=len(points))
        return slide

    def _project(self, view: View) -> Slide:
        from .entities import resolve
        from .network.dependencies import impact

        try:
            iri = resolve(
                view.target or "",
                kg=self.kg,
                what="project",
                param="project",
                classes=(SCKG + "Project",),
            )
        except SckgError as error:
            raise view.error("project", error.args[0]) from None
        deps = self.dependencies()
        label = deps.nodes[iri]["label"]
        needed_by = impact(self.kg, iri, lang=self.lang, graph=deps)
        needs = impact(self.kg, iri, upstream=True, lang=self.lang, graph=deps)
        slide = Slide(f"project-{slug(tail(iri))}", label, caption=self.r["deps_heading"])
        slide.picture = self.map_picture("dependencies", slide.key, label, focus=iri, depth=2)
        slide.facts = [
            (self.w["needs"], number(len(needs), self.lang)),
            (self.w["needed_by"], number(len(needed_by), self.lang)),
        ]
        if needed_by:
            self.table(
                slide,
                ReportTable(
                    [self.r["depth"], self.r["project"], self.r["via"]],
                    [[r.depth, r.label, r.via] for r in needed_by],
                    self.w["needed_by"],
                ),
            )
        slide.notes = self.w(
            "project_notes", name=label, needs=len(needs), needed_by=len(needed_by)
        )
        return slide

    def _key_points(self, view: View) -> Slide:
        """The briefing's key points (:mod:`sckg.report.keypoints`), the same list."""
        section = self.report.section("key-points")
        slide = Slide("key-points", section.heading)
        if section.tables:
            self.table(slide, section.tables[0])
        else:
            slide.more = " ".join(section.paragraphs)
        slide.notes = self.w["key_points_notes"]
        return slide

    def _open_points(self, view: View) -> Slide:
        section = self.report.section("open-points")
        slide = Slide("open-points", section.heading)
        slide.facts = self.facts("violations", "open_points", "gaps")
        tables = [t for t in section.tables if t.rows]
        if tables:
            self.table(slide, tables[0])
        slide.notes = " ".join(section.paragraphs)
        return slide

    def _actors(self, view: View) -> Slide:
        section = self.report.section("actors")
        slide = Slide("actors", section.heading)
        slide.picture, slide.caption = self._chart_picture("actor-field")
        if section.tables:  # none when no actor works on a project (Ulm's strategy names no roles)
            table = section.tables[0]
            self.table(
                slide, ReportTable(table.columns[:4], [r[:4] for r in table.rows], table.caption), 6
            )
        else:  # nobody works with anybody: the reason
            slide.more = section.paragraphs[-1]
        slide.notes = " ".join(section.paragraphs)
        return slide

    def _cycles(self, view: View) -> Slide:
        section = self.report.section("dependencies")
        slide = Slide("cycles", section.heading, caption=self.r["deps_map"])
        slide.facts = self.facts("chain", "cycles")
        slide.picture = self.map_picture("dependencies", "cycles", self.r["deps_map"])
        found = [t for t in section.tables if t.caption == self.r["cycles"]]
        if found:  # beside the map: the picture first, so the table's rows are counted to fit
            self.table(slide, found[0])
        else:  # no cycles, or nothing to analyse (then the reason)
            slide.more = self.r["no_cycles"] if section.tables else section.paragraphs[-1]
        slide.notes = " ".join(section.paragraphs)
        return slide

    def _changes(self, view: View) -> Slide:
        if self.since is None:
            raise view.error("view", self.w["changes_need_since"])
        section = self.report.section("changes")
        slide = Slide("changes", section.heading)
        chart = self.chart("changes")
        if chart:
            slide.picture, slide.caption = chart.svg, chart.title
            slide.facts = list(chart.facts.items())
        else:
            slide.more = self.r["no_changes"]
        slide.notes = "; ".join(section.items)
        return slide

    def _benchmark(self, view: View) -> Slide:
        if not any(s.key == "benchmark" for s in self.report.sections):
            raise view.error("view", self.w["benchmark_needs_compare"])
        section = self.report.section("benchmark")
        slide = Slide("benchmark", section.heading)
        slide.picture, slide.caption = self._chart_picture("benchmark-fields")
        slide.facts = self.facts("benchmark_gaps", "best_practice")
        gaps = section.tables[0]  # without the frame column: the slide is narrow
        self.table(
            slide, ReportTable(gaps.columns[1:], [r[1:] for r in gaps.rows], gaps.caption), 6
        )
        slide.notes = " ".join(section.paragraphs)
        return slide

    def _interviews(self, view: View) -> Slide:
        if not any(s.key == "interviews" for s in self.report.sections):
            raise view.error("view", self.w["interviews_need_data"])
        section = self.report.section("interviews")
        slide = Slide("interviews", section.heading)
        slide.facts = self.facts("interviews", "statements", "unanswered_needs", "blind_spots")
        if section.tables:  # the needs no project answers first, else what there is
            unanswered = [t for t in section.tables if t.caption == self.r["interviews_unanswered"]]
            table = (unanswered or section.tables)[0]
            self.table(
                slide, ReportTable(table.columns[:3], [r[:3] for r in table.rows], table.caption)
            )
        slide.notes = " ".join(section.paragraphs)
        return slide

    def _decisions(self, view: View) -> Slide:
        section = self.report.section("decisions")
        slide = Slide("decisions", section.heading)
        slide.facts = self.facts("decisions")
        if self.chart("council"):
            slide.picture, slide.caption = self._chart_picture("council")
        ours = [
            t for t in section.tables if not t.collapsed
        ]  # the programme's, not all council business
        if ours:  # the latest first, without the session column (the slide has no room for it)
            self.table(
                slide,
                ReportTable(
                    ours[0].columns[:4], [r[:4] for r in ours[0].rows[::-1]], ours[0].caption
                ),
            )
        else:
            slide.more = section.paragraphs[-1]
        slide.notes = " ".join(section.paragraphs)
        return slide

    def _query(self, view: View) -> Slide:
        from .queries import named_queries, run_named

        name = view.target or ""
        known = named_queries()
        if name not in known:
            raise view.error(
                "query",
                error_message("error.agenda_query", name=name, known=", ".join(sorted(known))),
            )
        result = run_named(self.kg, name, lang=self.lang)
        import pyoxigraph as ox

        # IRI columns are for machines; a slide shows the labels beside them
        index = [
            i
            for i in range(len(result.columns))
            if not result.rows
            or not all(isinstance(row[i], ox.NamedNode | None) for row in result.rows)
        ]
        columns = [result.columns[i] for i in index]
        rows = [[_cell(row[i], self.lang) for i in index] for row in result.rows]
        slide = Slide(f"query-{name}", known[name].title(self.lang))
        self.table(slide, ReportTable(columns, rows), TABLE_ROWS + 4)
        slide.facts = [(self.w["rows"], number(len(rows), self.lang))]
        return slide

    def _chart(self, view: View) -> Slide:
        key = view.target or ""
        chart = self.chart(key)
        if chart is None:
            raise view.error(
                "chart",
                error_message("error.agenda_chart", key=key, known=", ".join(self.charts())),
            )
        slide = Slide(
            f"chart-{key}", chart.title, chart.svg, list(chart.facts.items()), caption=chart.source
        )
        if chart.aside_title:
            slide.more = chart.aside_title + (": " + ", ".join(chart.aside) if chart.aside else "")
        return slide

    def _ranking(self, view: View) -> tuple[Section, Chart | None, Chart | None]:
        """The priority section with its ranking and sensitivity charts, or an error naming the
        view."""
        section = next((s for s in self.report.sections if s.key == "priorities"), None)
        if section is None:
            raise view.error("view", self.w("needs_ranking", view=view.view))
        return section, self.chart("priorities"), self.chart("priorities-sensitivity")

    def _priorities(self, view: View) -> Slide:
        section, flows, stable = self._ranking(view)
        slide = Slide("priorities", section.heading)
        if flows:
            slide.picture, slide.caption = flows.svg, flows.title
            slide.facts = list(flows.facts.items())
        if stable:
            slide.facts += list(stable.facts.items())
        slide.notes = " ".join(section.paragraphs)
        return slide

    def _sensitivity(self, view: View) -> Slide:
        _, _, stable = self._ranking(view)
        if stable is None:  # places not readable: a ranking written by hand
            raise view.error("view", self.w("needs_ranking", view=view.view))
        slide = Slide("sensitivity", stable.title, stable.svg, list(stable.facts.items()))
        slide.caption = stable.source
        table = stable.table  # place, item, ±10 %, ±25 %, fragile: the fragile ones to discuss
        fragile = [r[:4] for r in table.rows if r[4]]
        if fragile:
            self.table(slide, ReportTable(table.columns[:4], fragile, stable.aside_title))
        slide.notes = (
            f"{stable.aside_title}: {', '.join(stable.aside) or t('prio.none', self.lang)}"
        )
        return slide

    def _quadrant(self, view: View) -> Slide:
        self._ranking(view)
        chart = self.chart("priorities-quadrant")
        if chart is None:  # no impact and effort among the stored values
            raise view.error("view", self.w["quadrant_needs_scores"])
        slide = Slide("quadrant", chart.title, chart.svg, list(chart.facts.items()))
        slide.caption = chart.source
        quick = t("prio.quadrant.quick-wins", self.lang)
        table = chart.table  # place, item, impact, effort, quadrant: the quick wins to discuss
        wins = [r[:4] for r in table.rows if r[4] == quick]
        if wins:
            self.table(slide, ReportTable(table.columns[:4], wins, quick))
        slide.notes = f"{quick}: {', '.join(str(r[1]) for r in wins) or t('prio.none', self.lang)}"
        return slide

    def _waves(self, view: View) -> Slide:
        section, _, _ = self._ranking(view)
        part = next((s for s in section.subsections if s.key == "priority-waves"), None)
        if part is None:
            raise view.error("view", self.w["waves_need_projects"])
        slide = Slide("waves", part.heading)
        if not part.tables:  # a dependency cycle: why there are none, and the map that shows it
            slide.more = " ".join(part.paragraphs)
            from .prioritise.waves import blocking_cycle

            cycle = blocking_cycle(self.kg, self.dependencies(), self.lang)
            slide.caption = self.r["deps_map"]
            slide.picture = self.map_picture(
                "dependencies",
                "waves",
                self.r["deps_map"],
                focus=cycle.iris[0] if cycle else None,
                depth=cycle.length if cycle else 1,
            )
            return slide
        table = part.tables[0]  # wave, half-year, place, project, department, critical, reason
        rows = [[r[0], r[1], r[3], r[5]] for r in table.rows]
        slide.facts = [
            (self.w["waves"], number(len({r[0] for r in rows}), self.lang)),
            (self.r["projects"], number(len(rows), self.lang)),
        ]
        slide.notes = table.caption
        self.table(
            slide, ReportTable([table.columns[i] for i in (0, 1, 3, 5)], rows), TABLE_ROWS + 4
        )
        return slide

    def _chart_picture(self, key: str) -> tuple[str, str]:
        chart = self.chart(key)
        return (chart.svg, chart.title) if chart else ("", "")


def _lines(cells: list[Any], width: int) -> int:
    """The lines a table row of ``cells`` takes across ``width`` characters (the browser gives long
    cells the room; words wrap whole, so a line holds four fifths of its width)."""
    import math

    return max(1, math.ceil(sum(len(str(cell)) + 2 for cell in cells) / (0.8 * width)))


def _cell(term: Any, lang: str) -> Any:
    """A query result's term for a slide's table: numbers in the language's format, the rest as
    text."""
    from decimal import Decimal

    from .typed import value as typed_value

    value = typed_value(term)  # an ill-typed literal is left out (and noted)
    if isinstance(value, bool) or value is None:
        return "" if value is None else str(value)
    if isinstance(value, Decimal | float):
        return number(value, lang, 2)
    return value if isinstance(value, int | str) else str(value)


# --- the page -------------------------------------------------------------------------------------


def render_deck(deck: Deck) -> str:
    """The deck as one offline HTML page (keys, clicks, notes and presenter view; prints as a
    handout)."""
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(_TEMPLATE_DIR),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env.get_template("present.html.j2").render(
        deck=deck, t=Words("deck", deck.lang), terms=terms_html(deck.terms, deck.lang)
    )


def write_deck(deck: Deck, out: Path | str, pdf: Path | str | None = None) -> Path:
    """Write the deck's page to ``out`` (atomically) and, with ``pdf``, its handout (A4 landscape,
    one slide with its notes per page); return the page's path. Without a PDF engine nothing is
    written (:func:`sckg.pdf.check_engine`)."""
    if pdf is not None:
        from .pdf import check_engine

        check_engine()
    path = write_atomic(Path(out), render_deck(deck))
    if pdf is not None:
        from .pdf import html_to_pdf

        html_to_pdf(path, pdf, landscape=True)
    return path


def deck_summary(deck: Deck) -> list[str]:
    """One line per slide: its number and title."""
    return [f"{n:3d}  {slide.title}" for n, slide in enumerate(deck.slides, 1)]
