"""Getting data in: inventory spreadsheets (:mod:`.tables`) and OParl council information systems
(:mod:`.oparl`) become RDF triples in the sckg model (docs/model.md).

Importers return an :class:`ImportResult`; :func:`turtle` writes its triples sorted, so the same
input always gives the same file. The importers are listed in :data:`sckg.registry.IMPORTERS`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, TypeVar

import pyoxigraph as ox

from ..errors import ParameterError
from ..fileio import write_atomic
from ..namespaces import ID, PREFIXES, XSD
from ..words import error_message

R = TypeVar("R")


@dataclass
class ImportResult(Generic[R]):
    """What every importer returns: the triples, how many things it read of each kind (rows per
    sheet, entities per OParl type), Turtle prefixes, and the importer's own ``report`` (for OParl
    what was fetched, skipped and ignored; ``None`` for a spreadsheet)."""

    triples: list[ox.Triple]
    counts: dict[str, int]
    prefixes: dict[str, str] = field(default_factory=dict)
    report: R = None  # type: ignore[assignment]  # None for importers without a report of their own


_CITY = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
XSD_DATE = ox.NamedNode(XSD + "date")
XSD_GYEAR = ox.NamedNode(XSD + "gYear")
XSD_DECIMAL = ox.NamedNode(XSD + "decimal")
XSD_BOOLEAN = ox.NamedNode(XSD + "boolean")
XSD_INTEGER = ox.NamedNode(XSD + "integer")


def city_base(city: str) -> str:
    """The base IRI of a city's data, e.g. ``https://w3id.org/sckg/id/musterstadt/``."""
    if not _CITY.match(city):
        raise ParameterError(error_message("error.city_name", city=city))
    return f"{ID}{city}/"


def turtle(triples: Iterable[ox.Triple], prefixes: dict[str, str] | None = None) -> bytes:
    """The triples as Turtle, sorted and without duplicates, with the sckg prefixes (and
    ``prefixes``)."""

    def key(t: ox.Triple) -> tuple[str, str, str]:
        assert not isinstance(t.subject, ox.Triple)  # no RDF-star in an import
        return (t.subject.value, t.predicate.value, str(t.object))

    unique = sorted(set(triples), key=key)
    return (
        ox.serialize(unique, format=ox.RdfFormat.TURTLE, prefixes={**PREFIXES, **(prefixes or {})})
        or b""
    )


def write_turtle(
    triples: Iterable[ox.Triple], out: Path | str, prefixes: dict[str, str] | None = None
) -> Path:
    """Write the triples as sorted Turtle to ``out`` (atomically)."""
    return write_atomic(out, turtle(triples, prefixes))
