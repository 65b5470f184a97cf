"""Headless Chromium for the browser tests (and bench/viz.py): Debian's ``chromium`` driven by the
PyPI ``playwright`` package, with every request that is not ``file:``, ``data:`` or ``blob:``
aborted and recorded.

Never run ``playwright install`` (it downloads a browser); ``.ci/run`` installs Debian's chromium.
Without it the browser tests skip with a reason, or fail when ``SCKG_REQUIRE_BROWSER=1`` (set in
CI).

    with chromium() as browser:
        view = open_offline(browser, path)
        assert view.outside == [] and view.errors == []
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sckg.pdf import ARGS, LOCAL_SCHEMES  # the flags sckg's own PDF output uses

#: The browser binary (Debian's package); SCKG_CHROMIUM overrides it.
CHROMIUM = os.environ.get("SCKG_CHROMIUM", "/usr/bin/chromium")


def missing_reason() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    if not (Path(CHROMIUM).is_file() or shutil.which(CHROMIUM)):
        return (
            f"{CHROMIUM} not found: install Debian's chromium (apt-get install chromium), as "
            ".ci/run does"
        )
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is missing: pip install -e '.[test]'"
    return None


def require_browser() -> None:
    """Skip the calling test (or fail it in CI, where SCKG_REQUIRE_BROWSER=1) when the browser is
    missing."""
    import pytest

    reason = missing_reason()
    if reason is None:
        return
    if os.environ.get("SCKG_REQUIRE_BROWSER") == "1":
        pytest.fail(f"browser required (SCKG_REQUIRE_BROWSER=1) but {reason}", pytrace=False)
    pytest.skip(reason)


@contextmanager
def chromium() -> Iterator[Any]:
    """A headless Chromium (playwright ``Browser``), closed afterwards."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class OfflineView:
    """A page opened with the network cut off: what it tried to fetch from outside, and its
    errors."""

    page: Any
    outside: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def new_offline_page(browser: Any, viewport: tuple[int, int] = (1280, 800)) -> OfflineView:
    """A new page in its own context whose outside requests are aborted and recorded, and whose
    console errors and uncaught exceptions are recorded."""
    context = browser.new_context(
        viewport={"width": viewport[0], "height": viewport[1]}, service_workers="block"
    )
    page = context.new_page()
    view = OfflineView(page)

    def route(request_route: Any) -> None:
        if request_route.request.url.startswith(LOCAL_SCHEMES):
            request_route.continue_()
        else:
            request_route.abort()

    context.route("**/*", route)
    page.on(
        "request", lambda r: None if r.url.startswith(LOCAL_SCHEMES) else view.outside.append(r.url)
    )
    page.on("websocket", lambda ws: view.outside.append(ws.url))
    page.on("console", lambda m: view.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda exc: view.errors.append(str(exc)))
    return view


def open_offline(
    browser: Any, path: Path, viewport: tuple[int, int] = (1280, 800), wait_until: str = "load"
) -> OfflineView:
    """Open the local file ``path`` in a new offline page (see :func:`new_offline_page`)."""
    view = new_offline_page(browser, viewport)
    view.page.goto(Path(path).resolve().as_uri(), wait_until=wait_until)
    return view


def canvas_ink(page: Any, selector: str = "canvas") -> int:
    """How many pixels of the first canvas matching ``selector`` are not blank (not transparent or
    white)."""
    return page.evaluate(
        """(selector) => {
            const canvas = document.querySelector(selector);
            if (!canvas || !canvas.width || !canvas.height) return 0;
            const pixels = canvas.getContext("2d").getImageData(0, 0, canvas.width,\
 canvas.height).data;
            let ink = 0;
            for (let i = 0; i < pixels.length; i += 4) {
                if (pixels[i + 3] > 0 && (pixels[i] < 250 || pixels[i + 1] < 250 || pixels[i + 2]\
 < 250)) ink++;
            }
            return ink;
        }""",
        selector,
    )


def wait_until(page: Any, expression: str, timeout: float = 30.0) -> Any:
    """Poll ``expression`` in the page until it is truthy and return it (``page.wait_for_function``
    evaluates strings with ``eval``, which a page's Content-Security-Policy without 'unsafe-eval'
    refuses)."""
    import time

    deadline = time.monotonic() + timeout
    while True:
        value = page.evaluate(expression)
        if value:
            return value
        if time.monotonic() > deadline:
            raise TimeoutError(f"not true after {timeout} s: {expression}")
        page.wait_for_timeout(25)
