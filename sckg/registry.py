"""The tables of analyses and importers: the command line, the public API and the docs read them.

An entry names its function as ``"module:name"`` and imports it on first use, so reading the tables
(as ``sckg --help`` does) loads no heavy library. Adding an analysis is one :class:`Analysis` in
:data:`ANALYSES` (or :func:`register_analysis` from outside sckg); ``sckg analyze NAME``,
``sckg.NAME`` and the table in docs/api.md follow from it. Importers work alike (:class:`Importer`,
:data:`IMPORTERS`).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from .choices import Metric, PathWeight, ProjectionName
from .errors import ParameterError
from .words import error_message


def _load(target: str) -> Any:
    """The object a ``"module:name"`` reference names."""
    module, _, name = target.partition(":")
    return getattr(importlib.import_module(module), name)


@dataclass(frozen=True)
class Param:
    """One parameter of an analysis as the command line offers it (after the graph, before
    ``lang``).

    ``kind`` is the value's type (``int``, ``bool``, ``str``, a :class:`~enum.StrEnum` of
    :mod:`sckg.choices`); ``keyword`` the function's keyword for it (``None``: passed positionally,
    in order); ``flags`` the option's names when not ``--NAME``; ``argument`` makes it a positional
    command-line argument.
    """

    name: str
    kind: type
    default: Any
    help: str
    keyword: str | None = None
    flags: tuple[str, ...] = ()
    argument: bool = False
    optional: bool = False  # the value may be None (kind | None)
    show_default: bool = True

    def value(self, given: Any) -> Any:
        """The value the library function takes: a choice as its plain string."""
        return given.value if isinstance(given, StrEnum) else given


@dataclass(frozen=True)
class Analysis:
    """A network analysis: ``function(kg, *positional, **keywords, lang=...)`` returns a
    :class:`sckg.network.common.Result` of ``row`` rows.

    ``help`` is the command's ``--help``; ``words`` the prefix of its texts in :mod:`sckg.words`
    (``""`` when it has none of its own); ``docs`` its section, relative to docs/.
    """

    name: str
    function: str
    row: str
    help: str
    params: tuple[Param, ...] = ()
    words: str = ""
    docs: str = ""

    @property
    def api_name(self) -> str:
        """The function's name in the public API (``sckg.critical_path``)."""
        return self.name.replace("-", "_")

    def load(self) -> Any:
        """The library function."""
        return _load(self.function)

    def row_type(self) -> type:
        """The dataclass of the result's rows."""
        row: type = _load(self.row)
        return row

    def run(self, kg: Any, values: dict[str, Any], lang: str) -> Any:
        """Call the function on ``kg`` with the ``values`` of :attr:`params` by name."""
        args = [p.value(values[p.name]) for p in self.params if p.keyword is None]
        kwargs = {p.keyword: p.value(values[p.name]) for p in self.params if p.keyword is not None}
        return self.load()(kg, *args, **kwargs, lang=lang)


@dataclass(frozen=True)
class Importer:
    """A source format ``sckg import NAME`` reads: ``function(source, city)`` returns a
    :class:`sckg.ingest.ImportResult`. ``source`` says what to give it (the argument's help)."""

    name: str
    function: str
    help: str
    source: str
    docs: str = ""

    @property
    def api_name(self) -> str:
        """The function's name in the public API (``sckg.import_table``)."""
        return "import_" + self.name.replace("-", "_")

    def load(self) -> Any:
        """The library function."""
        return _load(self.function)


PROJECTION_HELP = (
    "entity (all entities and their links), actors (actors linked by shared projects), "
    "dependencies (dependsOn), coverage (projects with their goals and fields), strategy (vision, "
    "goals, fields, projects, decisions; breaks marked) or partners (who named whom in the "
    "interviews)."
)


def projection(default: ProjectionName = ProjectionName.actors) -> Param:
    """The projection an analysis runs on (first argument of the function)."""
    return Param(
        "projection", ProjectionName, default, PROJECTION_HELP, flags=("--projection", "-p")
    )


def top(default: int) -> Param:
    """How many rows to show (the function's ``limit``)."""
    return Param(
        "top",
        int,
        default,
        "Show the first N rows (0: all).",
        keyword="limit",
        flags=("--top", "-n"),
    )


SEED_HELP = "Random seed (same seed, same result)."
SEED = Param("seed", int, 42, SEED_HELP, keyword="seed")

_METRICS = "sckg.network.metrics:"
_DEPENDENCIES = "sckg.network.dependencies:"
_COVERAGE = "sckg.network.coverage:"
_EVIDENCE = "sckg.network.evidence:"

#: The analyses, in the order of ``sckg analyze --help``.
ANALYSES: dict[str, Analysis] = {
    a.name: a
    for a in (
        Analysis(
            "centrality",
            _METRICS + "centrality",
            _METRICS + "CentralityRow",
            "Who holds the network together: degree, betweenness, PageRank and closeness of every "
            "node.",
            (
                projection(),
                Param(
                    "by",
                    Metric,
                    Metric.betweenness,
                    "The metric that ranks the rows.",
                    keyword="by",
                ),
                top(10),
                Param(
                    "sample",
                    int,
                    None,
                    "Estimate betweenness from K random source nodes (0: exact). Default: exact "
                    "for small graphs, estimated for large ones (the output says so).",
                    keyword="sample",
                    optional=True,
                    show_default=False,
                ),
                SEED,
            ),
            words="centrality",
            docs="analyses.md#centrality",
        ),
        Analysis(
            "bridges",
            _METRICS + "bridges",
            _METRICS + "CutRow",
            "Single points of failure: nodes (articulation points) and links (bridges) whose "
            "removal cuts part of the network off, with what they would cut off.",
            (projection(), top(20)),
            words="cut",
            docs="analyses.md#bridges",
        ),
        Analysis(
            "communities",
            _METRICS + "communities",
            _METRICS + "CommunityRow",
            "Groups of actors that work together (Louvain), and which of them cross department "
            "lines.",
            (projection(), top(20), SEED),
            words="communities",
            docs="analyses.md#communities",
        ),
        Analysis(
            "impact",
            _DEPENDENCIES + "impact",
            _DEPENDENCIES + "ImpactRow",
            "Everything that depends on a project, transitively, with the depth (1 = directly).",
            (
                Param(
                    "project",
                    str,
                    ...,
                    "The project: its label (any language), IRI or prefixed IRI.",
                    argument=True,
                ),
                Param(
                    "upstream",
                    bool,
                    False,
                    "List what the project depends on instead of what depends on it.",
                    keyword="upstream",
                ),
                top(0),
            ),
            words="impact",
            docs="analyses.md#impact",
        ),
        Analysis(
            "cycles",
            _DEPENDENCIES + "cycles",
            _DEPENDENCIES + "CycleRow",
            "Dependency cycles (projects that need each other in a circle), each listed once.",
            (top(0),),
            words="cycles",
            docs="analyses.md#cycles",
        ),
        Analysis(
            "critical-path",
            _DEPENDENCIES + "critical_path",
            _DEPENDENCIES + "PathRow",
            "The longest dependency chain, in the order its projects must be done.",
            (
                Param(
                    "by",
                    PathWeight,
                    PathWeight.projects,
                    "count: most projects; duration: most days (end − start) in total.",
                    keyword="by",
                ),
            ),
            words="path",
            docs="analyses.md#critical-path",
        ),
        Analysis(
            "gaps",
            _COVERAGE + "gaps",
            _COVERAGE + "GapRow",
            "Goals and fields without projects; projects without goal, field or managing actor; "
            "milestones overdue at the data date; idle actors.",
            (top(0),),
            words="gap",
            docs="analyses.md#gaps",
        ),
        Analysis(
            "silos",
            _COVERAGE + "silos",
            _COVERAGE + "SiloRow",
            "Fields where two departments run projects that share no actor and no dependency: who "
            "should be talking to whom.",
            (top(50),),
            words="silo",
            docs="analyses.md#silos",
        ),
        Analysis(
            "overlap",
            _COVERAGE + "overlap",
            _COVERAGE + "OverlapRow",
            "Pairs of projects of different departments with the same field and goal (possible "
            "duplicates).",
            (top(50),),
            words="overlap",
            docs="analyses.md#overlap",
        ),
        Analysis(
            "field-needs",
            _EVIDENCE + "field_needs",
            _EVIDENCE + "FieldNeedsRow",
            "Per field of action, how many units raised needs or problems about it in the "
            "interviews.",
            (top(0),),
            words="evidence",
            docs="interviews.md#sckg-analyze-field-needs",
        ),
        Analysis(
            "blind-spots",
            _EVIDENCE + "blind_spots",
            _EVIDENCE + "BlindSpotRow",
            "Existing activities named in interviews that no project of the inventory stands for.",
            (top(0),),
            words="evidence",
            docs="interviews.md#sckg-analyze-blind-spots",
        ),
        Analysis(
            "named-partners",
            _EVIDENCE + "named_partners",
            _EVIDENCE + "PartnerRow",
            "Who named whom as a partner in the interviews, and whether the two share a project "
            "yet.",
            (top(0),),
            words="evidence",
            docs="interviews.md#sckg-analyze-named-partners",
        ),
        Analysis(
            "unanswered-needs",
            _EVIDENCE + "unanswered_needs",
            _EVIDENCE + "NeedRow",
            "Needs from interviews and workshops that no project answers.",
            (top(0),),
            words="evidence",
            docs="interviews.md#sckg-analyze-unanswered-needs",
        ),
    )
}

#: The source formats of ``sckg import``.
IMPORTERS: dict[str, Importer] = {
    i.name: i
    for i in (
        Importer(
            "table",
            "sckg.ingest.tables:import_table",
            "An inventory spreadsheet (data/templates/) to triples.",
            "A filled template: an .xlsx file or a folder of CSV files.",
            docs="commands.md#sckg-import-table",
        ),
        Importer(
            "oparl",
            "sckg.ingest.oparl:import_oparl",
            "OParl 1.0 or 1.1 council information (a folder of JSON objects or a live system) to "
            "triples.",
            "A folder of OParl JSON files, or the URL of an OParl system or body.",
            docs="commands.md#sckg-import-oparl",
        ),
    )
}


def register_analysis(analysis: Analysis) -> Analysis:
    """Add ``analysis`` to :data:`ANALYSES` (before the command line is built)."""
    if analysis.name in ANALYSES:
        raise ParameterError(
            error_message("error.registered", param="analysis", name=analysis.name)
        )
    ANALYSES[analysis.name] = analysis
    return analysis


def register_importer(importer: Importer) -> Importer:
    """Add ``importer`` to :data:`IMPORTERS`."""
    if importer.name in IMPORTERS:
        raise ParameterError(
            error_message("error.registered", param="importer", name=importer.name)
        )
    IMPORTERS[importer.name] = importer
    return importer
