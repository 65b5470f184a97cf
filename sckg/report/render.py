"""Render the briefing: one self-contained, printable HTML file, and Markdown."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..fileio import write_all
from ..formatting import long_date
from ..output import Progress, md_text
from ..sources import SOURCES_SHOWN, summary, terms_html, terms_markdown
from ..viz.style import shorten_text
from ..words import Words
from .maps import MapRenderer, map_renderer
from .model import Link, MapSpec, Report, ReportTable, Section

if TYPE_CHECKING:
    from ..kg import KnowledgeGraph

_TEMPLATE_DIR = Path(__file__).parent


def render_html(report: Report, render_map: MapRenderer | None = None, head: str = "") -> str:
    """The briefing as one HTML page. ``render_map`` embeds interactive maps; ``head`` adds trusted
    ``<script>``/``<style>`` shared by the maps (inlined, never loaded from elsewhere)."""
    import jinja2
    from markupsafe import Markup

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(_TEMPLATE_DIR),
        autoescape=True,
        finalize=_cut,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    counter = iter(range(1, 10_000))

    def embed(spec: MapSpec) -> Markup:
        if render_map is None:
            return Markup("")
        return Markup(render_map(spec, f"map-{next(counter)}"))

    env.globals.update(embed=embed)
    template = env.get_template("template.html.j2")
    return template.render(
        report=report,
        t=Words("report", report.lang),
        data_date=data_date_text(report),
        sources=summary(report.sources, report.lang),
        terms=terms_html(report.terms, report.lang),
        head=Markup(head),
    )


#: Data values longer than this are cut (with an ellipsis) in the briefing: a label of megabytes is
#: shown as its beginning, and the page stays readable and small.
TEXT_LIMIT = 2000


def _cut(value: Any) -> Any:
    """A value printed by the page template: text from the data cut to :data:`TEXT_LIMIT` (trusted
    markup, the maps and scripts, is left whole)."""
    from markupsafe import Markup

    if isinstance(value, str) and not isinstance(value, Markup):
        return shorten_text(value, TEXT_LIMIT)
    return value


def data_date_text(report: Report) -> tuple[str, str]:
    """The data date as pages show it, its label and value: the newest record's date, or with
    several dated datasets each one's title and date (``16. Dezember 2025 (Rat) · 30. April 2024
    (Bestandsaufnahme)``)."""
    w = Words("report", report.lang)
    if len(report.data_dates) > 1:
        return w["data_dates"], " · ".join(
            f"{long_date(day, report.lang)} ({title})" for title, day in report.data_dates
        )
    return w["data_date"], long_date(report.data_date, report.lang) if report.data_date else "–"


def _md_escape(value: Any, *, block: bool = False) -> str:
    """A data value as Markdown text (:func:`sckg.output.md_text`), cut to :data:`TEXT_LIMIT`."""
    return md_text(shorten_text("" if value is None else str(value), TEXT_LIMIT), block=block)


def _md_link(iri: str) -> str:
    """An IRI as an autolink when it is a web address, else as escaped text (no ``javascript:``
    link)."""
    if re.fullmatch(r"https?://[^\s<>]+", iri):
        return f"<{iri}>"
    return _md_escape(f"<{iri}>")


def _md_cell(value: Any) -> str:
    if isinstance(value, Link):
        return f"[{_md_escape(value.text)}](<{value.url.replace('>', '%3E')}>)"
    return _md_escape(value)


def _md_table(table: ReportTable) -> list[str]:
    lines = [f"*{_md_escape(table.caption)}*", ""] if table.caption else []
    lines.append("| " + " | ".join(map(_md_escape, table.columns)) + " |")
    lines.append("|" + "---|" * len(table.columns))
    lines += ["| " + " | ".join(_md_cell(v) for v in row) + " |" for row in table.rows]
    return [*lines, ""]


def _md_section(section: Section, level: int) -> list[str]:
    lines = [f"{'#' * level} {_md_escape(section.heading)}", ""]
    for paragraph in section.paragraphs:
        lines += [_md_escape(paragraph, block=True), ""]
    if section.items:
        lines += [f"- {_md_escape(item, block=True)}" for item in section.items] + [""]
    for table in section.tables:
        lines += _md_table(table)
    for chart in section.charts:
        lines += _md_table(chart.table)
    for sub in section.subsections:
        lines += _md_section(sub, level + 1)
    return lines


def render_markdown(report: Report) -> str:
    """The briefing as Markdown (tables instead of charts and maps)."""
    t = Words("report", report.lang)
    lines = [f"# {_md_escape(report.title)}", ""]
    label, when = data_date_text(report)
    lines.append(f"{label}: {_md_escape(when)} · {t['generated']}: {_md_escape(report.generated)}")
    for line in terms_markdown(report.terms, report.lang):
        lines += ["", line]
    lines += ["", f"**{t['sources']}:**", ""]
    shown = report.sources[:SOURCES_SHOWN]
    lines += [
        f"- {_md_escape(s.label, block=True)} ({_md_escape(s.date or '–')}) {_md_link(s.iri)}"
        for s in shown
    ]
    lines += [
        f"- {_md_escape(line, block=True)}"
        for line in summary(report.sources, report.lang)[len(shown) :]
    ]
    lines.append("")
    for section in report.sections:
        lines += _md_section(section, 2)
    return "\n".join(lines).rstrip() + "\n"


def write_report(
    report: Report, kg: KnowledgeGraph, out: Path | str, *, progress: Progress | None = None
) -> Path:
    """Write ``report.html`` (one offline file with every interactive map and the static figure,
    drawn from ``kg``, the graph the report was built from) and ``report.md`` into the folder
    ``out`` (atomically); return the HTML path. ``progress`` is called as ``("maps", done, total)``
    before each map and ``("writing", 0, None)`` before the files are written."""
    from ..viz.render import shared_assets

    step = progress or (lambda *_: None)
    total = sum(len(s.maps) for s in _all_sections(report.sections))
    draw = map_renderer(kg, report.lang)
    drawn = 0

    def render_map(spec: MapSpec, element_id: str) -> str:
        nonlocal drawn
        step("maps", drawn, total)
        drawn += 1
        return draw(spec, element_id)

    with kg.cached():  # the maps share projections with each other (and with build_report)
        page = render_html(report, render_map, shared_assets())
    step("writing", 0, None)
    folder = Path(out)
    pages = {folder / "report.html": page, folder / "report.md": render_markdown(report)}
    return write_all(pages)[0]


def _all_sections(sections: list[Section]) -> Iterator[Section]:
    for section in sections:
        yield section
        yield from _all_sections(section.subsections)
