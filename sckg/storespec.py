"""The one parser of store specifications: ``memory``, ``oxigraph:PATH`` and ``sparql:URL``."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from .errors import UsageError
from .words import error_message


class StoreKind(StrEnum):
    """Where a graph lives."""

    memory = "memory"  # parsed from files each run
    oxigraph = "oxigraph"  # a persistent Oxigraph store on disk (PATH)
    sparql = "sparql"  # any SPARQL 1.1 endpoint (URL)


@dataclass(frozen=True)
class StoreSpec:
    """A parsed store specification: its kind and, for oxigraph and sparql, the path or URL."""

    kind: StoreKind
    location: str = ""

    @property
    def path(self) -> Path:
        """The folder of an Oxigraph store."""
        return Path(self.location)

    def __str__(self) -> str:
        return (
            self.kind.value
            if self.kind is StoreKind.memory
            else f"{self.kind.value}:{self.location}"
        )


def parse_store(spec: str | StoreSpec) -> StoreSpec:
    """``"oxigraph:out/store"`` → ``StoreSpec(StoreKind.oxigraph, "out/store")``; anything else is a
    usage error."""
    if isinstance(spec, StoreSpec):
        return spec
    if spec == "memory":
        return StoreSpec(StoreKind.memory)
    kind, _, location = spec.partition(":")
    if kind in (StoreKind.oxigraph, StoreKind.sparql) and location:
        return StoreSpec(StoreKind(kind), location)
    raise UsageError(error_message("error.unknown_store", spec=spec))


def names_store(spec: str) -> bool:
    """Whether ``spec`` names a store (``oxigraph:PATH``, ``sparql:URL``) rather than a file or
    folder."""
    kind, sep, location = spec.partition(":")
    return bool(sep and location) and kind in (StoreKind.oxigraph, StoreKind.sparql)
