"""Reading OParl objects: from a folder of JSON files, or from a live OParl system over HTTP.

The HTTP side (:mod:`sckg.httpclient`: one kept-alive connection for the crawl) follows list pages
(``links.next``), retries failed requests with a growing pause (or the longer one a busy server's
``Retry-After`` asks for, at most two minutes), and keeps every answer in a local cache, so an
interrupted crawl resumes where it stopped. A server cannot hold it up or lead it astray: each
request has a total deadline (``timeout``: connecting, the headers and the whole body; a server
sending one byte at a time is cut off then), an answer may hold at most ``max_bytes``, a list at
most ``max_pages`` pages, the whole crawl (every list of every body, the body list too, from the
cache or not) at most ``max_total_pages`` pages and ``max_total_mb`` megabytes, and only http(s)
URLs on the origin (scheme, host and port) of the first URL are requested, links and redirects
alike, unless ``follow_other_hosts``. An answer is written to the cache as it arrives and read from
there, one page at a time.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import tempfile
import time
import urllib.parse
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import urllib3

from .. import __version__
from ..errors import DataError, StoreError
from ..httpclient import Client, reason, retry_after
from ..output import Progress
from ..words import error_message

# The crawl's progress (sckg.output.Progress): a list (or ``files``) and how many of its pages
# (files) are read; then ``RDF`` (converting) and, in a sync, ``Turtle`` (writing), with no total.

#: The lists of a Body that the crawler follows, with the type of their objects; persons only when
#: asked.
BODY_LISTS = (
    ("organization", "Organization"),
    ("meeting", "Meeting"),
    ("paper", "Paper"),
    ("locationList", "Location"),
)
PERSON_LISTS = (("person", "Person"), ("membership", "Membership"))
_RETRY_STATUS = {408, 425, 429, 500, 502, 503, 504}
#: Answers that mean "this list is not offered": the crawl reports the list and goes on.
_MISSING_STATUS = {403, 404, 410, 501}
_REDIRECT_STATUS = {301, 302, 303, 307, 308}
#: Redirects followed for one request (as many as the standard library's urllib follows).
MAX_REDIRECTS = 10
#: Defaults of the limits (see the module's docstring).
MAX_BYTES = 50_000_000
MAX_PAGES = 20_000
#: A crawl's memory is about four times what it reads (200 MB of small objects: about 800 MB).
MAX_TOTAL_PAGES = 20_000
MAX_TOTAL_MB = 200.0


class HttpStatusError(StoreError):
    """The server answered a request with an error status (``status``)."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


def parse_json(body: bytes, where: str) -> Any:
    """A JSON document; ``ValueError`` if it is not JSON, :class:`DataError` naming ``where`` if it
    is nested deeper than Python's parser can follow (a hostile file of ``[[[[…``)."""
    try:
        return json.loads(body)
    except RecursionError:
        raise DataError(error_message("error.oparl_deep", where=where)) from None


def default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/sckg/oparl`` (``~/.cache/sckg/oparl``)."""
    root = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(root) / "sckg" / "oparl"


@dataclass
class Fetcher:
    """Gets JSON documents over HTTP with a deadline, limits, retries and a local cache
    (``cache_dir=None``: no cache); see the module's docstring. ``origin`` is set by the first
    request unless given."""

    timeout: float = 30.0
    retries: int = 3
    backoff: float = 1.0
    cache_dir: Path | None = None
    max_age: float = 24 * 3600
    max_bytes: int = MAX_BYTES
    max_pages: int = MAX_PAGES
    max_total_pages: int = MAX_TOTAL_PAGES
    max_total_mb: float = MAX_TOTAL_MB
    follow_other_hosts: bool = False
    origin: str | None = None
    requests: int = 0
    cache_hits: int = 0
    pages: int = 0  # pages read in all, from the server or the cache
    read_bytes: int = 0
    _client: Client = field(default_factory=Client, init=False, repr=False)

    def get(self, url: str, *, fresh: bool = False) -> Any:
        """The JSON document at ``url`` (from the cache if it is younger than ``max_age`` seconds
        and not ``fresh``)."""
        if not url.startswith(("http://", "https://")):
            raise DataError(error_message("error.oparl_not_http", url=url))
        self.origin = self.origin or _origin(url)
        if not self.follow_other_hosts and _origin(url) != self.origin:
            raise DataError(error_message("error.oparl_other_host", url=url, origin=self.origin))
        if self.pages >= self.max_total_pages:
            pages = f"{self.max_total_pages:,}"
            raise DataError(error_message("error.oparl_total_pages", url=url, pages=pages))
        cached = self._cache_path(url)
        if (
            cached
            and not fresh
            and cached.is_file()
            and time.time() - cached.stat().st_mtime < self.max_age
        ):
            self.cache_hits += 1
            body = cached.read_bytes()
            self._count(url, len(body))
            return parse_json(body, url)
        if cached:
            body = self._download_to(url, cached)
        else:
            sink = io.BytesIO()
            self._download(url, sink)
            body = sink.getvalue()
        try:
            return parse_json(body, url)
        except ValueError as exc:
            raise DataError(error_message("error.oparl_no_json", url=url, reason=exc)) from None

    def _count(self, url: str, size: int) -> None:
        """Count a page read against the crawl's limits."""
        self.pages += 1
        self.read_bytes += size
        if self.read_bytes > self.max_total_mb * 1e6:
            mb = f"{self.max_total_mb:g}"
            raise DataError(error_message("error.oparl_total_mb", url=url, mb=mb))

    def _download_to(self, url: str, cached: Path) -> bytes:
        """Download into the cache file ``cached`` (written as the answer arrives, put in place when
        whole) and return what it holds."""
        try:
            cached.parent.mkdir(parents=True, exist_ok=True)
            fd, temporary = tempfile.mkstemp(
                prefix=f".{cached.name}.", suffix=".tmp", dir=cached.parent
            )
        except OSError as exc:
            problem = exc.strerror or exc
            raise DataError(
                error_message("error.cache_unwritable", path=cached.parent, reason=problem)
            ) from None
        try:
            with os.fdopen(fd, "w+b") as sink:
                self._download(url, sink)
                sink.seek(0)
                body = sink.read()
            os.replace(temporary, cached)
        finally:
            Path(temporary).unlink(missing_ok=True)
        return body

    def _cache_path(self, url: str) -> Path | None:
        if self.cache_dir is None:
            return None
        return Path(self.cache_dir) / f"{hashlib.sha256(url.encode('utf-8')).hexdigest()}.json"

    def _download(self, url: str, sink: IO[bytes]) -> None:
        """Write the answer to ``url`` into ``sink`` (with retries, after the pause that a busy
        server's ``Retry-After`` asks for if it is longer than the backoff's); count it against the
        crawl's limits."""
        problem, status, asked = "", 0, 0.0
        attempts = 0
        for attempt in range(self.retries + 1):
            if attempt:
                time.sleep(max(self.backoff * 2 ** (attempt - 1), asked))
            self.requests += 1
            attempts += 1
            sink.seek(0)
            sink.truncate()
            try:
                self._count(url, self._fetch(url, sink))
                return
            except _StatusError as exc:
                problem, status, asked = f"HTTP {exc.status} {exc.reason}", exc.status, exc.wait
                if exc.status not in _RETRY_STATUS:
                    break
            except (urllib3.exceptions.HTTPError, OSError) as exc:
                problem = reason(exc)
                refused = isinstance(exc, urllib3.exceptions.NewConnectionError)
                timeout = (urllib3.exceptions.TimeoutError, TimeoutError)
                if (isinstance(exc, timeout) and not refused) or self._client.expired:
                    problem = error_message("error.fetch_late", seconds=f"{self.timeout:g}")
        resume = error_message(
            "error.fetch_resume_cached" if self.cache_dir is not None else "error.fetch_resume"
        )
        message = error_message(
            "error.fetch_failed", url=url, problem=problem, n=attempts, resume=resume
        )
        raise HttpStatusError(message, status) if status else StoreError(message)

    def _fetch(self, url: str, sink: IO[bytes]) -> int:
        """One request (following allowed redirects): the body written to ``sink`` within the
        deadline and the size cap; its size."""
        headers = {
            "Accept": "application/json",
            "User-Agent": f"sckg/{__version__} (OParl import)",
        }
        with self._client.deadline(self.timeout):
            target = url
            for _ in range(MAX_REDIRECTS + 1):
                response = self._client.request(
                    "GET", target, headers=headers, timeout=self.timeout
                )
                location = response.headers.get("Location")
                if response.status not in _REDIRECT_STATUS or not location:
                    break
                response.drain_conn()
                response.release_conn()
                new = urllib.parse.urljoin(target, location)
                self.check_redirect(target, new)
                target = new
            else:
                raise DataError(error_message("error.redirects", url=url, n=MAX_REDIRECTS))
            try:
                size = self._read(url, response, sink)
            except BaseException:
                response.close()  # the connection is not reused
                raise
            response.release_conn()
            return size

    def _read(self, url: str, response: urllib3.BaseHTTPResponse, sink: IO[bytes]) -> int:
        """The body of ``response`` written to ``sink``; its size. An error status raises
        :class:`_StatusError`."""
        if response.status >= 400:
            response.drain_conn()
            raise _StatusError(response.status, response.reason or "", retry_after(response))
        length = response.headers.get("Content-Length", "")
        if length.isdigit() and int(length) > self.max_bytes:
            raise self._too_big(url)
        size = 0
        for chunk in response.stream(65536):
            size += len(chunk)
            if size > self.max_bytes:
                raise self._too_big(url)
            try:
                sink.write(chunk)
            except OSError as exc:  # not the server's fault: no retry
                problem = exc.strerror or exc
                message = f"{url}: cannot write the download cache ({problem})"
                raise DataError(message) from None
        if self._client.expired:
            raise TimeoutError
        return size

    def _too_big(self, url: str) -> DataError:
        mb = f"{self.max_bytes / 1e6:g}"
        return DataError(error_message("error.oparl_page_size", url=url, mb=mb))

    def check_redirect(self, url: str, target: str) -> None:
        """Refuse a redirect to anything but http(s), or to another origin unless
        ``follow_other_hosts``."""
        if not target.startswith(("http://", "https://")):
            raise DataError(error_message("error.redirect_not_http", url=url, target=target))
        if not self.follow_other_hosts and _origin(target) != self.origin:
            raise DataError(
                error_message(
                    "error.redirect_other_host", url=url, target=target, origin=self.origin
                )
            )


def _origin(url: str) -> str:
    """``scheme://host:port`` of a URL (the port only if the URL names it)."""
    parts = urllib.parse.urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.rsplit('@', 1)[-1].lower()}"


class _StatusError(Exception):
    """An answer with an error status; ``wait``: the seconds its ``Retry-After`` asks for."""

    def __init__(self, status: int, reason: str, wait: float) -> None:
        super().__init__(status)
        self.status, self.reason, self.wait = status, reason, wait


def list_items(
    fetcher: Fetcher,
    url: str,
    what: str,
    progress: Progress | None,
    first: Any = None,
    fresh: bool = False,
) -> Iterator[Any]:
    """The objects of an OParl list, page by page (``links.next``); ``first`` is its first page if
    already read; ``fresh``: never from the cache. A list of more than ``fetcher.max_pages`` pages
    is an error (an endless ``next`` chain)."""
    seen: set[str] = set()
    next_url: str | None = url
    while next_url and next_url not in seen:
        if len(seen) >= fetcher.max_pages:
            pages = f"{fetcher.max_pages:,}"
            raise DataError(
                error_message("error.oparl_list_pages", url=url, what=what, pages=pages)
            )
        seen.add(next_url)
        page = (
            first if first is not None and next_url == url else fetcher.get(next_url, fresh=fresh)
        )
        if isinstance(page, list):  # not OParl, but some servers answer with a bare array
            page = {"data": page}
        if not isinstance(page, dict):
            raise DataError(
                error_message("error.oparl_list_page", url=next_url, got=type(page).__name__)
            )
        yield from page.get("data") or []
        links = page.get("links")
        links = links if isinstance(links, dict) else {}
        next_url = links.get("next") if isinstance(links.get("next"), str) else None
        pagination = page.get("pagination")
        pagination = pagination if isinstance(pagination, dict) else {}
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
    since: str | None = None,
) -> Iterator[tuple[Any, str]]:
    """Every object of an OParl system (or one body, or one list) with the type its list implies.

    A list of a body that the server does not offer (HTTP 403, 404, 410, 501) is passed to
    ``missing(url, type, problem)`` and the crawl goes on. With ``since`` (an ISO time) the body's
    lists are asked only for what changed since then (OParl ``modified_since``; the answer includes
    deleted objects), never from the cache.
    """
    root = fetcher.get(url)
    if isinstance(root, list) or (isinstance(root, dict) and "data" in root):
        yield from ((obj, "") for obj in list_items(fetcher, url, "objects", progress, first=root))
        return
    if not isinstance(root, dict):
        raise DataError(error_message("error.oparl_root", url=url, got=type(root).__name__))
    kind = str(root.get("type", "")).rstrip("/").rsplit("/", 1)[-1]
    if kind == "System":
        yield root, "System"
        body_list = root.get("body")
        if not isinstance(body_list, str):
            raise DataError(error_message("error.oparl_no_body_list", url=url))
        bodies = list(list_items(fetcher, body_list, "body", progress))
    elif kind == "Body":
        bodies = [root]
        if isinstance(root.get("system"), str) and root["system"].startswith(
            ("http://", "https://")
        ):
            try:  # the system names the source of the import
                yield fetcher.get(root["system"]), "System"
            except HttpStatusError as exc:
                missing(
                    root["system"],
                    "System",
                    error_message("oparl.skip.unavailable", status=exc.status),
                )
    else:
        raise DataError(error_message("error.oparl_root_type", url=url, got=root.get("type", "")))
    lists = BODY_LISTS + (PERSON_LISTS if with_persons else ())
    for body in bodies:
        yield body, "Body"
        if not isinstance(body, dict):
            continue
        for key, object_type in lists:
            if isinstance(body.get(key), str) and body[key]:
                try:
                    url = (
                        body[key]
                        if since is None
                        else _with_query(body[key], "modified_since", since)
                    )
                    items = list_items(fetcher, url, key, progress, fresh=since is not None)
                    yield from ((obj, object_type) for obj in items)
                except HttpStatusError as exc:
                    if exc.status not in _MISSING_STATUS:
                        raise
                    missing(
                        body[key],
                        object_type,
                        error_message("oparl.skip.list_unavailable", status=exc.status),
                    )


def _with_query(url: str, name: str, value: str) -> str:
    return f"{url}{'&' if '?' in url else '?'}{urllib.parse.urlencode({name: value})}"


def read_folder(folder: Path, progress: Progress | None) -> Iterator[tuple[Any, str, str]]:
    """(object, implied type, file name) of every JSON file below ``folder``; list pages and arrays
    are opened.

    A file that is not JSON gives ``(None, "", name)`` so the caller can report it.
    """
    files = sorted(p for p in Path(folder).rglob("*.json") if p.is_file())
    if not files:
        raise DataError(error_message("error.oparl_no_files", path=folder))
    for done, path in enumerate(files, start=1):
        name = str(path.relative_to(folder))
        try:
            document = parse_json(path.read_bytes(), str(path))
        except ValueError:
            yield None, "", name
            continue
        items = (
            document
            if isinstance(document, list)
            else document["data"]
            if (isinstance(document, dict) and isinstance(document.get("data"), list))
            else [document]
        )
        for item in items:
            yield item, "", name
        if progress:
            progress("files", done, len(files))
