"""The site's search index, built once with the word matcher (:mod:`sckg.wordmatch`) and read
offline by the search page's script: each word of an entity's labels, descriptions and keywords is
indexed folded (``ä`` → ``a``), by its Snowball stem and from each of its compound parts on
(``Schnellladesäulen`` is found as ``ladesäule``), so a search for a part or another inflection
finds it without stemming German in the browser."""

from __future__ import annotations

import json
from collections import defaultdict
from functools import lru_cache

import pyoxigraph as ox

from ..namespaces import DCTERMS, LABEL_PROPERTIES, SCKG, SKOS
from ..wordmatch import ENDINGS, MIN_PART, SHORT, compound, fold, stem, tokens
from .collect import DESCRIPTION_PROPERTIES, LANGS, SiteData

#: The literals an entity is found by: its names, descriptions and keywords.
SEARCHED = (
    *LABEL_PROPERTIES,
    SKOS + "altLabel",
    *DESCRIPTION_PROPERTIES,
    SCKG + "keyword",
    DCTERMS + "subject",
    SKOS + "hiddenLabel",
)


def keys(text: str) -> set[str]:
    """The index keys of the words of ``text``: each word folded, its stem, and the rest of the word
    from each place where a compound's part begins (only for words longer than the short keywords).
    """
    found: set[str] = set()
    for token in tokens(text):
        found.update((token.word, token.stem))
        found.update(_parts(token.text or token.word))
    return {key for key in found if key}


@lru_cache(maxsize=1 << 16)
def _parts(written: str) -> tuple[str, ...]:
    """The folded rests (and stems) of ``written`` from each place a compound's part begins."""
    if len(written) <= SHORT or not written.isalpha():
        return ()
    found = []
    for i in range(MIN_PART, len(written) - MIN_PART + 1):
        if compound(written[:i]) and compound(written[i:]):
            rest = fold(written[i:])
            found += [rest, stem(rest)]
    return tuple(found)


def search_index(data: SiteData) -> dict[str, object]:
    """The index the search page reads: the entities (path, labels and kind per language) and, for
    each key, the entities it finds; plus the endings a search word may lose (``Ladesäulen`` →
    ``ladesäule``)."""
    docs = []
    index: dict[str, set[int]] = defaultdict(set)
    for number, entity in enumerate(sorted(data.entities.values(), key=lambda e: e.iri)):
        docs.append(
            [entity.path]
            + [data.label(entity.iri, lang) for lang in LANGS]
            + [data.kinds[entity.kind][lang] for lang in LANGS]
        )
        texts = [o.value for p, o in entity.out if p in SEARCHED and isinstance(o, ox.Literal)] + [
            data.label(entity.iri, lang) for lang in LANGS
        ]
        for text in texts:
            for key in keys(text):
                index[key].add(number)
    return {
        "langs": list(LANGS),
        "endings": sorted((e for e in ENDINGS if e), key=lambda e: (-len(e), e)),
        "docs": docs,
        "keys": {key: sorted(found) for key, found in sorted(index.items())},
    }


def index_script(data: SiteData) -> str:
    """The index as a script setting ``window.SCKG_SEARCH`` (a script, not JSON: pages opened from
    the file system may not fetch files)."""
    text = json.dumps(search_index(data), ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return f"window.SCKG_SEARCH = {text};\n"
