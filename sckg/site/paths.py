"""Where each page of the site lives: the path of its IRI after :data:`BASE`, or a stable slug under
``other/`` (docs/site.md, "Where each page lives": the contract ``sckg serve`` relies on)."""

from __future__ import annotations

import hashlib
import re

from ..namespaces import slug, tail

#: IRIs under this base keep their path in the site: ``BASE + "id/x/project/y"`` →
#: ``id/x/project/y.html``.
BASE = "https://w3id.org/sckg/"
#: The pages that show a section of the briefing (:func:`sckg.site.build.section_pages`), in the
#: navigation's order: the framework process, the strategy tree, the legal frame, the newest
#: prioritisation and the comparison with other cities.
SECTION_PAGES = ("process", "strategy", "legal", "priorities", "benchmark")
#: The first path segments the site uses itself (never an entity's).
RESERVED = frozenset({"assets", "list", "other", "search", "index", *SECTION_PAGES})
_SEGMENT = re.compile(r"[A-Za-z0-9_~-]+")


def page_path(iri: str) -> str:
    """The path of ``iri``'s page in the site, without suffix: ``id/musterstadt/project/x``, or
    ``other/<slug>`` for an IRI outside :data:`BASE` or whose path is no plain file path."""
    if iri.startswith(BASE):
        segments = iri[len(BASE) :].split("/")
        if segments[0] not in RESERVED and all(_SEGMENT.fullmatch(s) for s in segments):
            return "/".join(segments)
    digest = hashlib.sha256(iri.encode("utf-8")).hexdigest()[:10]
    return f"other/{slug(tail(iri)) or 'x'}-{digest}"


def page_file(path: str, lang: str, default: str) -> str:
    """The HTML file of the page ``path`` in ``lang``: ``x.html`` in the default language,
    ``x.en.html``."""
    return f"{path}.html" if lang == default else f"{path}.{lang}.html"


def relative(target: str, here: str) -> str:
    """The relative link from the file ``here`` to the file ``target`` (both relative to the site's
    root; ``target`` "" is the root folder, as ``../../``)."""
    if not target:
        return "../" * here.count("/")
    start, goal = here.split("/")[:-1], target.split("/")
    common = 0
    while common < min(len(start), len(goal) - 1) and start[common] == goal[common]:
        common += 1
    return "../" * (len(start) - common) + "/".join(goal[common:])
