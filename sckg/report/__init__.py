"""The steering group's briefing: computed from the graph, rendered as one offline HTML file and
Markdown."""

from ..sources import Source
from .build import build_report
from .model import Chart, MapSpec, Report, ReportTable, Section
from .render import render_html, render_markdown, write_report

__all__ = [
    "Chart",
    "MapSpec",
    "Report",
    "ReportTable",
    "Section",
    "Source",
    "build_report",
    "render_html",
    "render_markdown",
    "write_report",
]
