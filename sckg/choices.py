"""Every set of choices a function of sckg accepts, defined once: the library checks its arguments
against these enums (with :func:`sckg.words.choice`) and the command line offers them as its option
values.

They live together in this light module so that ``sckg --help`` does not import the analyses, the
stores or pyvis. Each is a ``StrEnum``: its members are the plain strings the functions take
(``"betweenness"``).
"""

from __future__ import annotations

from enum import StrEnum


class Lang(StrEnum):
    """The languages of labels and messages."""

    de = "de"
    en = "en"


class Format(StrEnum):
    """How result rows are written (:func:`sckg.output.render`)."""

    table = "table"
    csv = "csv"
    json = "json"
    md = "md"


class ValidationEngine(StrEnum):
    """How :func:`sckg.validate.validate` runs the shapes: as SPARQL on the store, with pySHACL, or
    SPARQL where the shapes allow it."""

    auto = "auto"
    sparql = "sparql"
    pyshacl = "pyshacl"


class ValidationFormat(StrEnum):
    """How ``sckg validate`` prints its findings: text for people, or the row formats."""

    text = "text"
    table = "table"
    csv = "csv"
    json = "json"
    md = "md"


class CsvDialect(StrEnum):
    """CSV dialects (sckg.output): ``standard`` for programs, ``excel`` for Excel with German
    settings."""

    standard = "standard"
    excel = "excel"


class ExportFormat(StrEnum):
    """What :func:`sckg.export.export_graph` writes: RDF, a network projection for Gephi, or the
    workbook."""

    ttl = "ttl"
    nt = "nt"
    jsonld = "jsonld"
    graphml = "graphml"
    gexf = "gexf"
    csv = "csv"
    xlsx = "xlsx"


class ProjectionName(StrEnum):
    """The named projections of :data:`sckg.network.projection.PROJECTIONS`."""

    entity = "entity"
    actors = "actors"
    dependencies = "dependencies"
    coverage = "coverage"
    strategy = "strategy"
    partners = "partners"


class Metric(StrEnum):
    """What ranks the rows of :func:`sckg.network.metrics.centrality`."""

    betweenness = "betweenness"
    degree = "degree"
    pagerank = "pagerank"
    closeness = "closeness"


class PathWeight(StrEnum):
    """What makes a dependency chain long in :func:`sckg.network.dependencies.critical_path`."""

    projects = "count"  # not named count: that would hide str.count
    duration = "duration"


class ColorBy(StrEnum):
    """What the colour of a map's nodes shows."""

    cls = "class"
    field = "field"
    department = "department"
    community = "community"


class SizeBy(StrEnum):
    """What the size of a map's nodes shows."""

    degree = "degree"
    betweenness = "betweenness"
    pagerank = "pagerank"
    budget = "budget"


class Layout(StrEnum):
    """How the nodes of a map are placed."""

    spring = "spring"
    kamada_kawai = "kamada-kawai"
    forceatlas2 = "forceatlas2"
    hierarchical = "hierarchical"


class ReviewDecision(StrEnum):
    """A person's decision on a proposed link in a review file (:mod:`sckg.link`)."""

    accept = "accept"
    reject = "reject"


class CompareView(StrEnum):
    """What ``sckg compare`` shows (:mod:`sckg.compare`)."""

    fields = "fields"
    sdg = "sdg"
    gaps = "gaps"
    best = "best"
    structure = "structure"
    targets = "targets"
    mapping = "mapping"


class SlideView(StrEnum):
    """What a slide of the meeting deck shows (:mod:`sckg.present`; the ``view`` of an agenda
    entry)."""

    key_points = "key-points"
    overview = "overview"
    field = "field"
    project = "project"
    open_points = "open-points"
    actors = "actors"
    cycles = "cycles"
    changes = "changes"
    decisions = "decisions"
    query = "query"
    chart = "chart"
    benchmark = "benchmark"
    priorities = "priorities"
    sensitivity = "sensitivity"
    quadrant = "quadrant"
    waves = "waves"
    interviews = "interviews"


class PrioritiseWhat(StrEnum):
    """What :func:`sckg.prioritise.prioritise` ranks: the open projects or the fields of action."""

    projects = "projects"
    fields = "fields"


class PrioritiseView(StrEnum):
    """What ``sckg prioritise`` prints: the ranking, the criteria with their reasons, or the
    waves."""

    ranking = "ranking"
    criteria = "criteria"
    waves = "waves"
