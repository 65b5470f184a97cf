"""Render the first page of a briefing to PNG in headless Chromium (the picture in the README).

Run: .venv/bin/python docs/screenshot.py [--data data/musterstadt] [--lang de] [--out docs/report-page.png]
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
from sckg.report import build_report, write_report  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", default=str(ROOT / "data" / "musterstadt"))
    parser.add_argument("--lang", default="de")
    parser.add_argument("--section", default="", help="id of a section to scroll to (default: the top)")
    parser.add_argument("--out", default=str(ROOT / "docs" / "report-page.png"))
    args = parser.parse_args()
    kg = KnowledgeGraph.open([args.data])
    with tempfile.TemporaryDirectory() as tmp, chromium() as browser:
        path = write_report(build_report(kg, args.lang), kg, tmp)
        view = open_offline(browser, path, viewport=(1280, 1650))
        for frame in view.page.frames[1:]:
            wait_until(frame, "window.sckgMap !== undefined && window.sckgMap.drawnAt !== null")
        if args.section:
            view.page.evaluate(f"document.getElementById({args.section!r}).scrollIntoView()")
        view.page.screenshot(path=args.out)
        print(f"{args.out} (outside requests: {len(view.outside)}, console errors: {len(view.errors)})")


if __name__ == "__main__":
    main()
