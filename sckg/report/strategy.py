"""The strategy tree: vision → strategic goals → fields of action → projects → council decisions and
milestones, with its breaks (goals without a field, fields without a project, projects without a
decision).

:func:`strategy_tree` reads it from the strategy projection (:mod:`sckg.network.projection`, which
marks the
breaks) and the milestones; :func:`strategy_section` draws it as one chart in the report's style
(black and
white: lines and boxes, a break dashed and marked ✕) with its table.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from ..kg import KnowledgeGraph
from ..words import Words
from .charts import INK, WIDTH, _plain, _svg, source_line
from .model import Chart, ReportTable, Section

#: The chart draws up to this many rows (goals or fields); a larger tree is shown by its table
#: alone.
CHART_ROWS = 45


@dataclass
class FieldBranch:
    """A field of action in the tree: its projects, those without a decision, its milestones."""

    iri: str
    label: str
    projects: list[str] = field(default_factory=list)
    undecided: list[str] = field(default_factory=list)
    decisions: int = 0
    milestones: int = 0
    overdue: int = 0


@dataclass
class StrategyTree:
    """The tree read from the graph: labels of the visions and goals, each goal's fields, the
    fields."""

    visions: list[str]
    goals: dict[str, str]
    goal_fields: dict[str, list[str]]
    fields: dict[str, FieldBranch]
    projects_without_field: int
    #: the projects in no field of action, as a branch of their own (None when every project has a
    #: field): they can lack a decision too
    unfiled: FieldBranch | None = None

    @property
    def branches(self) -> list[FieldBranch]:
        """The fields' branches, then the branch of the projects without a field (if any)."""
        return [*self.fields.values(), *([self.unfiled] if self.unfiled else [])]

    @property
    def goals_without_fields(self) -> list[str]:
        """The labels of the goals linked to no field of action."""
        return sorted(self.goals[g] for g in self.goals if not self.goal_fields.get(g))

    @property
    def fields_without_projects(self) -> list[str]:
        """The labels of the fields of action in the tree that have no project."""
        return sorted(b.label for b in self.fields.values() if not b.projects)

    @property
    def projects_without_decision(self) -> int:
        """How many projects no decision is about, those in no field of action too."""
        return len({p for b in self.branches for p in b.undecided})


def strategy_tree(kg: KnowledgeGraph, lang: str = "de") -> StrategyTree:
    """The strategy tree of ``kg`` (see the module)."""
    from ..network.coverage import _overdue_milestones, milestones
    from ..network.projection import project

    graph = project(kg, "strategy", lang=lang, details=False)
    nodes: dict[str, dict[str, Any]] = {n: attrs for n, attrs in graph.nodes(data=True)}
    of: dict[str, list[str]] = defaultdict(list)  # class key → nodes
    for n, attrs in nodes.items():
        of[attrs["cls"]].append(n)
    goal_fields: dict[str, list[str]] = {
        g: sorted(
            (f for f in graph.successors(g) if nodes[f]["cls"] == "field"),
            key=lambda f: (nodes[f]["label"].casefold(), f),
        )
        for g in of["goal"]
    }
    projects_of = {
        f: sorted(p for p in graph.predecessors(f) if nodes[p]["cls"] == "project")
        for f in of["field"]
    }
    in_tree = set(of["field"])  # the city's fields, and the reference fields its data uses
    decided = {
        p for d in of["decision"] for p in graph.successors(d) if nodes[p]["cls"] == "project"
    }
    dated = milestones(kg)
    overdue = {m for m, *_ in _overdue_milestones(kg)}

    def branch(iri: str, label: str, projects: list[str]) -> FieldBranch:
        made = FieldBranch(iri, label, projects)
        made.undecided = [p for p in projects if p not in decided]
        made.decisions = len(projects) - len(made.undecided)
        mine = [m for m in dated if m.project in set(projects)]
        made.milestones, made.overdue = len(mine), sum(m.iri in overdue for m in mine)
        return made

    fields = {
        f: branch(f, nodes[f]["label"], projects_of.get(f, []))
        for f in sorted(in_tree, key=lambda f: (nodes[f]["label"].casefold(), f))
    }
    with_field = {p for ps in projects_of.values() for p in ps}
    unfiled = sorted(set(of["project"]) - with_field)
    return StrategyTree(
        sorted(nodes[v]["label"] for v in of["vision"]),
        {g: nodes[g]["label"] for g in of["goal"]},
        goal_fields,
        fields,
        len(unfiled),
        branch("", Words("strategy", lang)["no_field"], unfiled) if unfiled else None,
    )


def strategy_section(kg: KnowledgeGraph, lang: str) -> Section:
    """The briefing's strategy tree: the chart and its table, the breaks, or what is missing."""
    w = Words("strategy", lang)
    tree = strategy_tree(kg, lang)
    section = Section(
        "strategy",
        w["heading"],
        [w["intro"]],
        facts={
            "goals_without_fields": len(tree.goals_without_fields),
            "fields_without_projects": len(tree.fields_without_projects),
            "projects_without_decision": tree.projects_without_decision,
        },
    )
    if not tree.goals:
        section.paragraphs.append(w["no_goals"] if not tree.visions else w["no_goals_vision"])
        planned = _planned_goals(kg, lang)
        if planned:
            section.paragraphs.append(w("goals_planned", phase=planned))
    if not tree.goals and not tree.fields:
        return section
    section.items += [
        w("breaks_goals", n=len(tree.goals_without_fields)),
        w("breaks_fields", n=len(tree.fields_without_projects)),
        w("breaks_projects", n=tree.projects_without_decision),
    ]
    table = _table(tree, w)
    rows = max(len(tree.goals), len(tree.branches), 1)
    if rows <= CHART_ROWS:
        section.charts.append(_chart(tree, w, table, source_line(kg, lang)))
    else:
        section.paragraphs.append(w("too_large", n=rows, limit=CHART_ROWS))
        section.tables.append(table)
    return section


def _planned_goals(kg: KnowledgeGraph, lang: str) -> str | None:
    """The phase whose planned output the strategic goals are, if the data plans them."""
    from .process import planned_outputs

    return next((o.phase for o in planned_outputs(kg, lang) if o.evidence == "goals"), None)


def _table(tree: StrategyTree, w: Words) -> ReportTable:
    """Goal, field, projects, without decision, milestones, overdue: one row per goal and field."""
    none = "—"

    def cells(b: FieldBranch | None) -> list[object]:
        if b is None:
            return [none, 0, 0, 0, 0]
        return [b.label, len(b.projects), len(b.undecided), b.milestones, b.overdue]

    rows: list[list[object]] = []
    for g in sorted(tree.goals, key=lambda g: tree.goals[g].casefold()):
        fields: list[str | None] = [*tree.goal_fields.get(g, [])] or [None]
        rows += [[tree.goals[g], *cells(tree.fields.get(f) if f else None)] for f in fields]
    under = {f for fs in tree.goal_fields.values() for f in fs}
    rows += [[none, *cells(b)] for f, b in tree.fields.items() if f not in under]
    rows += [[none, *cells(tree.unfiled)]] if tree.unfiled else []
    return ReportTable(
        [
            w["goal"],
            w["field"],
            w["projects"],
            w["undecided"],
            w["milestones"],
            w["overdue"],
        ],
        rows,
        w["chart"],
    )


def _short(text: str, limit: int = 30) -> str:
    """A box's text, cut to ``limit`` characters with an ellipsis (the table holds it whole)."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _chart(tree: StrategyTree, w: Words, table: ReportTable, source: str) -> Chart:
    """The tree as one drawing: columns vision, goals, fields, projects, decisions and
    milestones."""
    from matplotlib.figure import Figure

    goals = sorted(tree.goals, key=lambda g: tree.goals[g].casefold())
    branches = tree.branches
    rows = max(len(goals), len(branches), 1)
    height = 0.9 + 0.3 * rows
    fig = Figure(figsize=(WIDTH, height))
    ax = fig.add_axes((0.0, 0.0, 1.0, 1.0 - 0.5 / height))
    ax.set_xlim(0, 5)
    ax.set_ylim(rows, -0.8)
    ax.axis("off")
    x = (0.45, 1.35, 2.45, 3.55, 4.45)
    for i, head in enumerate(
        (w["vision"], w["goals"], w["fields"], w["projects"], w["decisions_milestones"])
    ):
        ax.text(x[i], -0.55, head, ha="center", fontsize=8, fontweight="bold", color=INK)

    def y_of(index: int, count: int) -> float:
        return (index + 0.5) * rows / max(count, 1)

    def box(xi: float, y: float, text: str, broken: bool = False) -> None:
        ax.text(
            xi,
            y,
            _plain(_short(("✕ " if broken else "") + text)),
            ha="center",
            va="center",
            fontsize=6.5,
            color=INK,
            bbox={
                "boxstyle": "round,pad=0.25",
                "facecolor": "#e6e6e6" if broken else "#ffffff",
                "edgecolor": INK,
                "linestyle": "--" if broken else "-",
                "linewidth": 0.6,
            },
        )

    def line(x1: float, y1: float, x2: float, y2: float) -> None:
        ax.plot([x1, x2], [y1, y2], color="#8c8c8c", linewidth=0.5, zorder=0)

    vision_y = rows / 2
    box(x[0], vision_y, tree.visions[0] if tree.visions else w["no_vision"], not tree.visions)
    goal_y = {g: y_of(i, len(goals)) for i, g in enumerate(goals)}
    field_y = {b.iri: y_of(i, len(branches)) for i, b in enumerate(branches)}
    for g in goals:
        line(x[0], vision_y, x[1], goal_y[g])
        for f in tree.goal_fields.get(g, []):
            if f in field_y:
                line(x[1], goal_y[g], x[2], field_y[f])
        box(x[1], goal_y[g], tree.goals[g], not tree.goal_fields.get(g))
    if not goals:
        box(x[1], vision_y, w["no_goals_short"], True)
    for b in branches:
        y = field_y[b.iri]
        line(x[2], y, x[3], y)
        box(x[2], y, b.label, not b.projects or b is tree.unfiled)
        box(x[3], y, w("n_projects", n=len(b.projects)), not b.projects)
        if b.projects:
            line(x[3], y, x[4], y)
            box(
                x[4],
                y,
                w("n_decided", decided=b.decisions, n=len(b.projects), milestones=b.milestones),
                bool(b.undecided),
            )
    fig.text(0.01, 1 - 0.2 / height, _plain(w["chart"]), fontsize=10, color=INK)
    return Chart("strategy", w["chart"], "", source, table, _svg(fig, "strategy", w["chart"]))
