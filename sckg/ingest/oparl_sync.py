"""Importing OParl into an existing Turtle file: the nightly sync.

:func:`sync_oparl` imports (from a URL only what changed since the last run, see
:func:`.oparl.import_oparl`), replaces the previous import's entities in ``out`` with the new ones,
keeps every other triple of the file, and says what was added, changed and deleted, per OParl type.
When nothing changed the file is left as it is (the dataset description keeps the time of the last
change, which the next run asks the server from).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from ..errors import DataError
from ..namespaces import DCTERMS, GEO, OPARL, PROV, RDF, SCKG, VOID
from ..output import Progress
from . import ImportResult, city_base, turtle
from .oparl import OPARL_PREFIXES, OparlReport, import_oparl
from .oparl_fetch import Fetcher


@dataclass
class SyncResult:
    """What a sync did: the import, the entities added, changed and deleted per OParl type, and the
    file."""

    result: ImportResult[OparlReport]
    added: Counter[str] = field(default_factory=Counter)
    changed: Counter[str] = field(default_factory=Counter)
    deleted: Counter[str] = field(default_factory=Counter)
    triples: int = 0
    written: bool = False
    incremental: bool = False
    since: str | None = None
    merged: bool = False


def sync_oparl(
    source: str | Path,
    city: str,
    out: Path,
    *,
    with_persons: bool = False,
    fetcher: Fetcher | None = None,
    progress: Progress | None = None,
    now: dt.datetime | None = None,
) -> SyncResult:
    """Import ``source`` into the Turtle file ``out`` (created if missing), merging with a previous
    import."""
    out = Path(out)
    previous: list[ox.Triple] = []
    if out.is_file():
        try:
            previous = [q.triple for q in ox.parse(path=str(out), format=ox.RdfFormat.TURTLE)]
        except (SyntaxError, ValueError) as exc:
            raise DataError(f"{out}: not a Turtle file sckg can merge into ({exc})") from None
    dataset = f"{city_base(city)}oparl/dataset"
    stamps = {t.predicate.value: _value(t.object) for t in previous if _value(t.subject) == dataset}
    since = stamps.get(PROV + "generatedAtTime") or stamps.get(
        DCTERMS + "modified"
    )  # the last run (older files)
    text = str(source)
    snapshot = None
    if (
        text.startswith(("http://", "https://"))
        and fetcher is not None
        and fetcher.cache_dir is not None
    ):
        key = hashlib.sha256(f"{text}\n{city}\n{with_persons}".encode()).hexdigest()[:32]
        snapshot = Path(fetcher.cache_dir) / "sync" / f"{key}.json"
    incremental = bool(since and snapshot and snapshot.is_file() and previous)
    result = import_oparl(
        source,
        city,
        with_persons=with_persons,
        fetcher=fetcher,
        progress=progress,
        now=now,
        since=since if incremental else None,
        snapshot=snapshot,
    )
    old_groups, rest, old_description = _groups(previous, dataset)
    new_groups, _, new_description = _groups(result.triples, dataset)
    sync = SyncResult(
        result, incremental=incremental, since=since if incremental else None, merged=bool(previous)
    )
    for s in sorted(old_groups.keys() | new_groups.keys()):
        kind = _kind(new_groups.get(s) or old_groups[s])
        if s not in new_groups:
            sync.deleted[kind] += 1
        elif s not in old_groups:
            sync.added[kind] += 1
        elif new_groups[s] != old_groups[s]:
            sync.changed[kind] += 1
    if (
        previous
        and not (sync.added or sync.changed or sync.deleted)
        and old_description == new_description
    ):
        sync.triples = len(set(previous))
        return sync
    triples = [*rest, *result.triples]
    sync.triples = len(set(triples))
    if progress:
        progress("Turtle", 0, None)
    content = turtle(triples, OPARL_PREFIXES)
    if not out.is_file() or out.read_bytes() != content:
        from ..fileio import write_atomic

        write_atomic(out, content)
        sync.written = True
    return sync


def _value(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> str:
    """The text of a term (sckg writes no RDF-star triples as terms)."""
    assert not isinstance(term, ox.Triple), "an RDF-star term in an OParl import"
    return term.value


def _groups(
    triples: Iterable[ox.Triple], dataset: str
) -> tuple[dict[str, frozenset[ox.Triple]], list[ox.Triple], frozenset[ox.Triple]]:
    """The triples of each entity of ``dataset`` (its own and its geometry's), all triples of the
    rest, and the dataset's description but the time of its import (a file of an older sckg differs
    there, and is rewritten)."""
    triples = list(triples)
    members = {
        _value(t.subject)
        for t in triples
        if t.predicate.value == SCKG + "inDataset" and _value(t.object) == dataset
    }
    geometry = {
        _value(t.object): _value(t.subject)
        for t in triples
        if t.predicate.value == GEO + "hasGeometry" and _value(t.subject) in members
    }
    own = {dataset} | {
        _value(t.object)
        for t in triples
        if _value(t.subject) == dataset
        and t.predicate.value in (VOID + "classPartition", DCTERMS + "source")
    }
    groups: dict[str, set[ox.Triple]] = {m: set() for m in members}
    rest = []
    description = set()
    for t in triples:
        s = _value(t.subject)
        if s in members or s in geometry:
            groups[geometry.get(s, s)].add(t)
        elif s not in own:
            rest.append(t)
        elif t.predicate.value != PROV + "generatedAtTime":
            description.add(t)
    return {s: frozenset(g) for s, g in groups.items()}, rest, frozenset(description)


def _kind(group: frozenset[ox.Triple]) -> str:
    """The OParl type of an entity (by its rdf:type), e.g. ``Paper``."""
    types = sorted(_value(t.object) for t in group if t.predicate.value == RDF + "type")
    oparl = [t[len(OPARL) :] for t in types if t.startswith(OPARL)]
    return oparl[0] if oparl else (types[0].rsplit("/", 1)[-1].rsplit("#", 1)[-1] if types else "?")
