"""The briefing's charts in headless Chromium: each drawn with its labels, no outside request, no
console error, the table behind each chart one click away."""

from pathlib import Path

import pytest
from browser import chromium, open_offline, require_browser

from sckg.kg import KnowledgeGraph
from sckg.report import build_report, render_html

pytestmark = pytest.mark.browser


def test_every_chart_is_drawn_with_its_labels(musterstadt: KnowledgeGraph, tmp_path: Path) -> None:
    require_browser()
    report = build_report(musterstadt, lang="en")
    charts = {c.key: c for s in report.sections for c in s.charts}
    path = tmp_path / "report.html"
    path.write_text(render_html(report), encoding="utf-8")
    with chromium() as browser:
        view = open_offline(browser, path, viewport=(1280, 900))
        page = view.page
        drawn = page.evaluate("""() =>\
 Array.from(document.querySelectorAll('figure.chart')).map(figure => {
            const svg = figure.querySelector('svg.chart-svg');
            const box = svg.getBoundingClientRect();
            const texts = Array.from(svg.querySelectorAll('text'))
                .filter(t => t.getBBox().width > 0).map(t => t.textContent);
            return [figure.id, Math.round(box.width), Math.round(box.height), texts];
        })""")
        assert [key for key, *_ in drawn] == [f"chart-{key}" for key in charts]
        for key, width, height, texts in drawn:
            chart = charts[key.removeprefix("chart-")]
            assert width > 600 and height > 150, key
            assert chart.title in texts, key
            # every row of the table the chart draws has its label drawn (cut to 47 characters; the
            # strategy tree's boxes to 29, a broken one marked ✕: its table holds them whole)
            cut = 29 if key == "chart-strategy" else 47
            labels = {t.removeprefix("▶ ").removeprefix("✕ ")[:cut] for t in texts}
            assert {str(row[0])[:cut] for row in chart.table.rows[:25]} <= labels, key
        page.click("#chart-roadmap summary")
        assert page.is_visible("#chart-roadmap details table")
        assert view.outside == [] and view.errors == []
