"""sckg: the Smart City knowledge graph.

Load a city's Smart City inventory as RDF, validate it, ask it questions in SPARQL, analyse its
dependencies and draw its network. The public API for notebooks and scripts (see docs/api.md):

>>> import sckg
>>> kg = sckg.open(sckg.dataset("musterstadt"))
>>> sckg.validate_graph(kg, lang="en").conforms
>>> sckg.run_named(kg, "goals-without-projects", lang="en").to_pandas()
>>> sckg.impact(kg, "musterstadt:project/lorawan-netz")
>>> sckg.build_network(kg, "actors", color_by="community")           # shows inline in Jupyter
>>> sckg.write_report(sckg.build_report(kg, "en"), kg, "out")

Every name is imported on first use, so ``import sckg`` (and ``sckg --help``) stays fast.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"


def _public() -> dict[str, tuple[str, str]]:
    """Every public name → (module, name there): :data:`_LAZY`, then the analyses and importers
    of :mod:`sckg.registry` (read when a name is asked for: ``import sckg`` loads no module)."""
    from .registry import ANALYSES, IMPORTERS

    targets = [(a.api_name, a.function) for a in ANALYSES.values()]
    targets += [(i.api_name, i.function) for i in IMPORTERS.values()]
    return {**_LAZY, **{name: (f.partition(":")[0], f.partition(":")[2]) for name, f in targets}}


if TYPE_CHECKING:  # the names below, for type checkers and editors (at run time: _LAZY);
    # ``X as X`` and the assignments at the end export them under mypy --strict
    from .diff import diff as _diff_graphs
    from .errors import DataError as DataError
    from .errors import EngineError as EngineError
    from .errors import QueryError as QueryError
    from .errors import SckgError as SckgError
    from .errors import StoreError as StoreError
    from .errors import UsageError as UsageError
    from .export import export_graph as export_graph
    from .ingest import ImportResult as ImportResult
    from .ingest import write_turtle as write_turtle
    from .ingest.oparl import import_oparl as import_oparl
    from .ingest.tables import import_table as import_table
    from .kg import KnowledgeGraph as KnowledgeGraph
    from .network.coverage import gaps as gaps
    from .network.coverage import overlap as overlap
    from .network.coverage import silos as silos
    from .network.dependencies import critical_path as critical_path
    from .network.dependencies import cycles as cycles
    from .network.dependencies import impact as impact
    from .network.evidence import blind_spots as blind_spots
    from .network.evidence import field_needs as field_needs
    from .network.evidence import named_partners as named_partners
    from .network.evidence import unanswered_needs as unanswered_needs
    from .network.metrics import bridges as bridges
    from .network.metrics import centrality as centrality
    from .network.metrics import communities as communities
    from .network.projection import project as project
    from .pdf import html_to_pdf as html_to_pdf
    from .present import Deck as Deck
    from .present import build_deck as build_deck
    from .present import read_agenda as read_agenda
    from .present import write_deck as write_deck
    from .queries import named_queries as named_queries
    from .queries import run_named as run_named
    from .queries import run_query as run_query
    from .report import Report as Report
    from .report import build_report as build_report
    from .report import write_report as write_report
    from .resources import dataset as dataset
    from .results import Table as Table
    from .stats import statistics as statistics
    from .stores import load_store as load_store
    from .stores import push as push
    from .validate import ValidationReport as ValidationReport
    from .validate import validate as _validate_graph
    from .viz import CityMap as CityMap
    from .viz import build_network as build_network
    from .viz import write_image as write_image
    from .viz import write_map as write_map

    diff_graphs = _diff_graphs
    validate_graph = _validate_graph

#: Public name → (module, name there), besides the analyses and importers (:func:`_public`).
#: ``validate``, ``diff`` are also modules of this package, so their functions are public as
#: ``validate_graph`` and ``diff_graphs`` (importing a module rebinds its name here).
_LAZY: dict[str, tuple[str, str]] = {
    "KnowledgeGraph": ("sckg.kg", "KnowledgeGraph"),
    "Table": ("sckg.results", "Table"),
    "dataset": ("sckg.resources", "dataset"),
    "named_queries": ("sckg.queries", "named_queries"),
    "run_named": ("sckg.queries", "run_named"),
    "run_query": ("sckg.queries", "run_query"),
    "validate_graph": ("sckg.validate", "validate"),
    "ValidationReport": ("sckg.validate", "ValidationReport"),
    "statistics": ("sckg.stats", "statistics"),
    "diff_graphs": ("sckg.diff", "diff"),
    "project": ("sckg.network.projection", "project"),
    "build_network": ("sckg.viz", "build_network"),
    "write_map": ("sckg.viz", "write_map"),
    "write_image": ("sckg.viz", "write_image"),
    "CityMap": ("sckg.viz", "CityMap"),
    "build_report": ("sckg.report", "build_report"),
    "write_report": ("sckg.report", "write_report"),
    "Report": ("sckg.report", "Report"),
    "build_deck": ("sckg.present", "build_deck"),
    "write_deck": ("sckg.present", "write_deck"),
    "read_agenda": ("sckg.present", "read_agenda"),
    "Deck": ("sckg.present", "Deck"),
    "html_to_pdf": ("sckg.pdf", "html_to_pdf"),
    "EngineError": ("sckg.errors", "EngineError"),
    "export_graph": ("sckg.export", "export_graph"),
    "write_turtle": ("sckg.ingest", "write_turtle"),
    "load_store": ("sckg.stores", "load_store"),
    "push": ("sckg.stores", "push"),
    "SckgError": ("sckg.errors", "SckgError"),
    "UsageError": ("sckg.errors", "UsageError"),
    "DataError": ("sckg.errors", "DataError"),
    "QueryError": ("sckg.errors", "QueryError"),
    "StoreError": ("sckg.errors", "StoreError"),
    "ImportResult": ("sckg.ingest", "ImportResult"),
}


def open(
    data: str | os.PathLike[str] | Sequence[str | os.PathLike[str]] | None = None,
    store: str = "memory",
    *,
    allow_remote: bool = False,
) -> KnowledgeGraph:
    """Open a knowledge graph: the RDF files or folders in ``data`` (one path or several) loaded
    into ``store`` (``memory``, ``oxigraph:PATH`` or ``sparql:URL``). Without ``data``, a memory
    store gets the bundled Braunschweig dataset and another store is used as it is. ``allow_remote``
    lets queries use SERVICE and FROM other hosts."""
    from .kg import KnowledgeGraph

    paths = [data] if isinstance(data, str | os.PathLike) else data
    return KnowledgeGraph.open(
        None if paths is None else list(paths), store, allow_remote=allow_remote
    )


def __getattr__(name: str) -> Any:
    """Import a public name on first use (PEP 562) and keep it; ``__all__`` is every public name."""
    if name == "__all__":
        return sorted({"open", *_public()})
    public = _LAZY if name in _LAZY else _public()
    if name not in public:
        raise AttributeError(f"module 'sckg' has no attribute '{name}'")
    module, attribute = public[name]
    value = getattr(importlib.import_module(module), attribute)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_public()})
