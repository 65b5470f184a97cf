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

if TYPE_CHECKING:  # the names below, for type checkers and editors (at run time they come from _LAZY)
    from .diff import diff as diff_graphs
    from .errors import DataError, EngineError, QueryError, SckgError, StoreError, UsageError
    from .export import export_graph
    from .ingest import write_turtle
    from .ingest.oparl import import_oparl
    from .ingest.tables import import_table
    from .kg import KnowledgeGraph
    from .network.coverage import gaps, overlap, silos
    from .network.dependencies import critical_path, cycles, impact
    from .network.metrics import bridges, centrality, communities
    from .network.projection import project
    from .pdf import html_to_pdf
    from .present import Deck, build_deck, read_agenda, write_deck
    from .queries import named_queries, run_named, run_query
    from .report import Report, build_report, write_report
    from .resources import dataset
    from .results import Table
    from .stats import statistics
    from .stores import load_store, push
    from .validate import ValidationReport
    from .validate import validate as validate_graph
    from .viz import CityMap, build_network, write_image, write_map

#: Public name → (module, name there). ``validate``, ``diff`` are also modules of this package, so their
#: functions are public as ``validate_graph`` and ``diff_graphs`` (importing a module rebinds its name here).
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
    "centrality": ("sckg.network.metrics", "centrality"),
    "bridges": ("sckg.network.metrics", "bridges"),
    "communities": ("sckg.network.metrics", "communities"),
    "impact": ("sckg.network.dependencies", "impact"),
    "cycles": ("sckg.network.dependencies", "cycles"),
    "critical_path": ("sckg.network.dependencies", "critical_path"),
    "gaps": ("sckg.network.coverage", "gaps"),
    "silos": ("sckg.network.coverage", "silos"),
    "overlap": ("sckg.network.coverage", "overlap"),
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
    "import_table": ("sckg.ingest.tables", "import_table"),
    "import_oparl": ("sckg.ingest.oparl", "import_oparl"),
    "write_turtle": ("sckg.ingest", "write_turtle"),
    "load_store": ("sckg.stores", "load_store"),
    "push": ("sckg.stores", "push"),
    "SckgError": ("sckg.errors", "SckgError"),
    "UsageError": ("sckg.errors", "UsageError"),
    "DataError": ("sckg.errors", "DataError"),
    "QueryError": ("sckg.errors", "QueryError"),
    "StoreError": ("sckg.errors", "StoreError"),
}

__all__ = [
    "CityMap",
    "DataError",
    "Deck",
    "EngineError",
    "KnowledgeGraph",
    "QueryError",
    "Report",
    "SckgError",
    "StoreError",
    "Table",
    "UsageError",
    "ValidationReport",
    "bridges",
    "build_deck",
    "build_network",
    "build_report",
    "centrality",
    "communities",
    "critical_path",
    "cycles",
    "dataset",
    "diff_graphs",
    "export_graph",
    "gaps",
    "html_to_pdf",
    "impact",
    "import_oparl",
    "import_table",
    "load_store",
    "named_queries",
    "open",
    "overlap",
    "project",
    "push",
    "read_agenda",
    "run_named",
    "run_query",
    "silos",
    "statistics",
    "validate_graph",
    "write_deck",
    "write_image",
    "write_map",
    "write_report",
    "write_turtle",
]


def open(
    data: str | os.PathLike[str] | Sequence[str | os.PathLike[str]] | None = None,
    store: str = "memory",
    *,
    allow_remote: bool = False,
) -> KnowledgeGraph:
    """Open a knowledge graph: the RDF files or folders in ``data`` (one path or several) loaded into ``store``
    (``memory``, ``oxigraph:PATH`` or ``sparql:URL``). Without ``data``, a memory store gets the bundled
    Braunschweig dataset and another store is used as it is. ``allow_remote`` lets queries use SERVICE and
    FROM other hosts."""
    from .kg import KnowledgeGraph

    paths = [data] if isinstance(data, str | os.PathLike) else data
    return KnowledgeGraph.open(None if paths is None else list(paths), store, allow_remote=allow_remote)


def __getattr__(name: str) -> Any:
    """Import a public name on first use (PEP 562) and keep it."""
    if name not in _LAZY:
        raise AttributeError(f"module 'sckg' has no attribute '{name}'")
    module, attribute = _LAZY[name]
    value = getattr(importlib.import_module(module), attribute)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})
