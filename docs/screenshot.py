"""Render the pictures of the docs in headless Chromium: the first page of a briefing (the picture
in the README), a page of its charts, a slide of the meeting deck, and a project's page of the
programme site.

Run: .venv/bin/python docs/screenshot.py [--data data/musterstadt] [--lang de] [--out
docs/report-page.png]
     [--charts-out docs/report-charts.png] [--slide-out docs/deck-slide.png] [--slide 12]
     [--site-out docs/site-page.png]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browser import chromium, open_offline, wait_until  # noqa: E402

from sckg.kg import KnowledgeGraph  # noqa: E402
from sckg.present import build_deck, write_deck  # noqa: E402
from sckg.report import build_report, write_report  # noqa: E402
from sckg.site import build_site  # noqa: E402

#: The site's page in the picture: a project with relations, map and downloads.
SITE_PAGE = "id/musterstadt/project/mobilstationen.html"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", default=str(ROOT / "data" / "musterstadt"))
    parser.add_argument("--lang", default="de")
    parser.add_argument(
        "--section", default="", help="id of a section to scroll to (default: the top)"
    )
    parser.add_argument("--out", default=str(ROOT / "docs" / "report-page.png"))
    parser.add_argument("--charts-out", default=str(ROOT / "docs" / "report-charts.png"))
    parser.add_argument("--slide-out", default=str(ROOT / "docs" / "deck-slide.png"))
    parser.add_argument(
        "--slide", type=int, default=12, help="number of the slide to render (default: a field)"
    )
    parser.add_argument("--site-out", default=str(ROOT / "docs" / "site-page.png"))
    args = parser.parse_args()
    kg = KnowledgeGraph.open([args.data])
    with tempfile.TemporaryDirectory() as tmp, chromium() as browser:
        path = write_report(build_report(kg, lang=args.lang), kg, tmp)
        view = open_offline(browser, path, viewport=(1280, 1650))
        for frame in view.page.frames[1:]:
            wait_until(frame, "window.sckgMap !== undefined && window.sckgMap.drawnAt !== null")
        if args.section:
            view.page.evaluate(f"document.getElementById({args.section!r}).scrollIntoView()")
        view.page.screenshot(path=args.out)
        print(
            f"{args.out} (outside requests: {len(view.outside)}, console errors: "
            f"{len(view.errors)})"
        )
        view.page.evaluate("document.getElementById('chart-status-by-field').scrollIntoView()")
        view.page.screenshot(path=args.charts_out)
        print(f"{args.charts_out} (the charts of the key figures)")
        deck = write_deck(build_deck(kg, lang=args.lang), Path(tmp) / "deck.html")
        slides = open_offline(browser, deck, viewport=(1280, 720))
        slides.page.evaluate(f"window.sckgDeck.show({args.slide - 1})")
        slides.page.screenshot(path=args.slide_out)
        print(
            f"{args.slide_out} (outside requests: {len(slides.outside)}, console errors: "
            f"{len(slides.errors)})"
        )
        build_site(kg, Path(tmp) / "site", lang=args.lang)
        site = open_offline(browser, Path(tmp) / "site" / SITE_PAGE, viewport=(1280, 1500))
        wait_until(site.page, "document.querySelector('#site-map canvas') !== null")
        site.page.wait_for_timeout(300)
        site.page.screenshot(path=args.site_out)
        print(
            f"{args.site_out} (outside requests: {len(site.outside)}, errors: {len(site.errors)})"
        )


if __name__ == "__main__":
    main()
