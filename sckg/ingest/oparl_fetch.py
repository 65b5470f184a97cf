"""Reading OParl objects: from a folder of JSON files, or from a live OParl system over HTTP.

The HTTP side follows list pages (``links.next``), waits at most ``timeout`` seconds per request, retries
failed requests with a growing pause, and keeps every answer in a local cache, so an interrupted crawl
resumes where it stopped.
"""

from __future__ import annotations

import hashlib
import http.client
import json
import os
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import __version__
from ..errors import DataError, StoreError
from ..fileio import write_atomic

#: ``progress(what, done, total)``: a list (or ``files``) and how many of its pages (files) are read.
Progress = Callable[[str, int, int | None], None]

#: The lists of a Body that the crawler follows, with the type of their objects; persons only when asked.
BODY_LISTS = (("organization", "Organization"), ("meeting", "Meeting"), ("paper", "Paper"))
PERSON_LISTS = (("person", "Person"), ("membership", "Membership"))
_RETRY_STATUS = {408, 425, 429, 500, 502, 503, 504}
#: Answers that mean "this list is not offered": the crawl reports the list and goes on.
_MISSING_STATUS = {403, 404, 410, 501}


class HttpStatusError(StoreError):
    """The server answered a request with an error status (``status``)."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


def parse_json(body: bytes, where: str) -> Any:
    """A JSON document; ``ValueError`` if it is not JSON, :class:`DataError` naming ``where`` if it is nested
    deeper than Python's parser can follow (a hostile file of ``[[[[…``)."""
    try:
        return json.loads(body)
    except RecursionError:
        raise DataError(
            f"{where}: the JSON is nested too deeply (more than 1,000 levels); OParl objects are a few levels deep."
        ) from None


def default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/sckg/oparl`` (``~/.cache/sckg/oparl``)."""
    root = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(root) / "sckg" / "oparl"


@dataclass
class Fetcher:
    """Gets JSON documents over HTTP with a timeout, retries and a local cache (``cache_dir=None``: no cache)."""

    timeout: float = 30.0
    retries: int = 3
    backoff: float = 1.0
    cache_dir: Path | None = None
    max_age: float = 24 * 3600
    requests: int = 0
    cache_hits: int = 0

    def get(self, url: str) -> Any:
        """The JSON document at ``url`` (from the cache if it is younger than ``max_age`` seconds)."""
        if not url.startswith(("http://", "https://")):
            raise DataError(f"{url}: not an http(s) URL; OParl links must be web addresses")
        cached = self._cache_path(url)
        if cached and cached.is_file() and time.time() - cached.stat().st_mtime < self.max_age:
            self.cache_hits += 1
            return parse_json(cached.read_bytes(), url)
        body = self._download(url)
        try:
            document = parse_json(body, url)
        except ValueError as exc:
            raise DataError(f"{url}: the server sent no valid JSON ({exc}); is this an OParl system URL?") from None
        if cached:
            write_atomic(cached, body)
        return document

    def _cache_path(self, url: str) -> Path | None:
        if self.cache_dir is None:
            return None
        return Path(self.cache_dir) / f"{hashlib.sha256(url.encode('utf-8')).hexdigest()}.json"

    def _download(self, url: str) -> bytes:
        request = urllib.request.Request(
            url, headers={"Accept": "application/json", "User-Agent": f"sckg/{__version__} (OParl import)"}
        )
        problem, status = "", 0
        attempts = 0
        for attempt in range(self.retries + 1):
            if attempt:
                time.sleep(self.backoff * 2 ** (attempt - 1))
            self.requests += 1
            attempts += 1
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:
                    return response.read()
            except urllib.error.HTTPError as exc:
                problem, status = f"HTTP {exc.code} {exc.reason}", exc.code
                if exc.code not in _RETRY_STATUS:
                    break
            except (urllib.error.URLError, OSError, http.client.HTTPException) as exc:
                reason = getattr(exc, "reason", exc)
                problem = "no answer within the timeout" if isinstance(reason, TimeoutError) else str(reason)
        tries = "1 try" if attempts == 1 else f"{attempts} tries"
        message = (f"{url}: {problem} (after {tries}). Check the URL and your connection; pages already fetched are "
                   "cached, so running the import again continues from there (see --timeout, --retries).")
        raise HttpStatusError(message, status) if status else StoreError(message)


def list_items(
    fetcher: Fetcher, url: str, what: str, progress: Progress | None, first: Any = None
) -> Iterator[Any]:
    """The objects of an OParl list, page by page (``links.next``); ``first`` is its first page if already read."""
    seen: set[str] = set()
    next_url: str | None = url
    while next_url and next_url not in seen:
        seen.add(next_url)
        page = first if first is not None and next_url == url else fetcher.get(next_url)
        if isinstance(page, list):  # not OParl, but some servers answer with a bare array
            page = {"data": page}
        if not isinstance(page, dict):
            raise DataError(f"{next_url}: expected an OParl list page, got {type(page).__name__}")
        yield from page.get("data") or []
        links = page.get("links") if isinstance(page.get("links"), dict) else {}
        next_url = links.get("next") if isinstance(links.get("next"), str) else None
        pagination = page.get("pagination") if isinstance(page.get("pagination"), dict) else {}
        total = pagination.get("totalPages")
        if progress:
            progress(what, len(seen), total if isinstance(total, int) else None)


def crawl(
    url: str,
    fetcher: Fetcher,
    *,
    with_persons: bool,
    progress: Progress | None,
    missing: Callable[[str, str, str], None],
) -> Iterator[tuple[Any, str]]:
    """Every object of an OParl system (or one body, or one list) with the type its list implies.

    A list of a body that the server does not offer (HTTP 403, 404, 410, 501) is passed to
    ``missing(url, type, problem)`` and the crawl goes on.
    """
    root = fetcher.get(url)
    if isinstance(root, list) or (isinstance(root, dict) and "data" in root):
        yield from ((obj, "") for obj in list_items(fetcher, url, "objects", progress, first=root))
        return
    if not isinstance(root, dict):
        raise DataError(f"{url}: expected an OParl System, Body or list, got {type(root).__name__}")
    kind = str(root.get("type", "")).rstrip("/").rsplit("/", 1)[-1]
    if kind == "System":
        body_list = root.get("body")
        if not isinstance(body_list, str):
            raise DataError(f"{url}: the OParl System names no body list ('body')")
        bodies = list(list_items(fetcher, body_list, "body", progress))
    elif kind == "Body":
        bodies = [root]
    else:
        raise DataError(f"{url}: expected an OParl System or Body, got type '{root.get('type', '')}'")
    lists = BODY_LISTS + (PERSON_LISTS if with_persons else ())
    for body in bodies:
        yield body, "Body"
        if not isinstance(body, dict):
            continue
        for key, object_type in lists:
            if isinstance(body.get(key), str) and body[key]:
                try:
                    yield from ((obj, object_type) for obj in list_items(fetcher, body[key], key, progress))
                except HttpStatusError as exc:
                    if exc.status not in _MISSING_STATUS:
                        raise
                    missing(body[key], object_type, f"list not available: HTTP {exc.status}")


def read_folder(folder: Path, progress: Progress | None) -> Iterator[tuple[Any, str, str]]:
    """(object, implied type, file name) of every JSON file below ``folder``; list pages and arrays are opened.

    A file that is not JSON gives ``(None, "", name)`` so the caller can report it.
    """
    files = sorted(p for p in Path(folder).rglob("*.json") if p.is_file())
    if not files:
        raise DataError(f"{folder}: the folder holds no OParl JSON files (*.json)")
    for done, path in enumerate(files, start=1):
        name = str(path.relative_to(folder))
        try:
            document = parse_json(path.read_bytes(), str(path))
        except ValueError:
            yield None, "", name
            continue
        items = document if isinstance(document, list) else document.get("data") if (
            isinstance(document, dict) and isinstance(document.get("data"), list)) else [document]
        for item in items:
            yield item, "", name
        if progress:
            progress("files", done, len(files))
