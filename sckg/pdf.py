"""Print an offline HTML page (the briefing, the deck's handout) to an A4 PDF with headless
Chromium.

The engine is the browser the system has (Debian's ``chromium``, or the one ``SCKG_CHROMIUM`` names)
driven by the PyPI ``playwright`` package; sckg never downloads a browser. Charts stay vectors
(inline SVG), page breaks come from the page's print CSS (``@page { size: A4 }``, ``break-before``).
Nothing is loaded from outside: every request that is not ``file:``, ``data:`` or ``blob:`` is
aborted.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from .errors import EngineError, Message
from .fileio import write_atomic
from .words import error_message

#: Where sckg looks for Chromium (SCKG_CHROMIUM first).
CANDIDATES = ("/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome")
#: Flags for a headless Chromium without sandbox, GPU or background traffic (the browser tests use
#: them too).
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOCAL_SCHEMES = ("file:", "data:", "blob:")


def chromium_path() -> str | None:
    """The Chromium binary to use, or None."""
    for name in filter(None, (os.environ.get("SCKG_CHROMIUM"), *CANDIDATES)):
        found = name if Path(name).is_file() else shutil.which(name)
        if found:
            return found
    return None


def engine_missing() -> Message | None:
    """What is missing for PDF output, or None when it can be made."""
    if chromium_path() is None:
        return error_message("error.no_chromium")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return error_message("error.no_playwright")
    return None


def check_engine() -> None:
    """An :class:`EngineError` that says what to install when PDF output cannot be made; call it
    before writing anything else."""
    missing = engine_missing()
    if missing:
        raise EngineError(error_message("error.pdf_engine", missing=missing))


def html_to_pdf(page: Path | str, out: Path | str, *, landscape: bool = False) -> Path:
    """Print the local HTML file ``page`` to the PDF ``out`` (A4, or the page's ``@page`` size;
    atomically) and return its path. :class:`EngineError` says what to install when no engine is
    there."""
    check_engine()
    from playwright.sync_api import Error, sync_playwright

    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=chromium_path(), args=ARGS, headless=True
            )
            try:
                context = browser.new_context(service_workers="block")
                context.route(
                    "**/*",
                    lambda route: (
                        route.continue_()
                        if route.request.url.startswith(LOCAL_SCHEMES)
                        else route.abort()
                    ),
                )
                tab = context.new_page()
                tab.goto(Path(page).resolve().as_uri(), wait_until="load")
                tab.emulate_media(media="print")
                data = tab.pdf(
                    format="A4",
                    landscape=landscape,
                    print_background=True,
                    prefer_css_page_size=True,
                )
            finally:
                browser.close()
    except Error as error:
        raise EngineError(
            error_message("error.pdf_print", page=page, reason=str(error).splitlines()[0])
        ) from None
    return write_atomic(Path(out), data)
