"""The links of a written HTML page as its HTML holds them (what a crawler of the files sees)."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit


@dataclass
class PageLinks:
    """The links (``a[href]``) of a page and the files it loads (``script[src]``, ``link[href]``),
    resolved against the page's address."""

    links: list[str] = field(default_factory=list)
    loaded: list[str] = field(default_factory=list)


class _Parser(HTMLParser):
    def __init__(self, url: str) -> None:
        super().__init__()
        self.url, self.found = url, PageLinks()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        target = dict(attrs).get({"a": "href", "script": "src", "link": "href"}.get(tag, ""))
        if target:
            kind = self.found.links if tag == "a" else self.found.loaded
            kind.append(urljoin(self.url, target))


def page_links(page: Path) -> PageLinks:
    """The links and loaded files of the HTML file ``page``."""
    parser = _Parser(page.as_uri())
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.found


def is_file(url: str) -> bool:
    """Whether the ``file:`` address ``url`` (without its query and fragment) names a file."""
    return Path(unquote(urlsplit(url).path)).is_file()
