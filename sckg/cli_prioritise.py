"""Prioritising with the steering group: ``sckg prioritise``."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from .choices import PrioritiseView, PrioritiseWhat
from .cli_common import (
    VOICE,
    DataOpt,
    Format,
    FormatOpt,
    Lang,
    LangOpt,
    SeedOpt,
    StoreOpt,
    check_suffix,
    cli_text,
    open_graph,
    status,
)
from .words import t


def prioritise(
    what: Annotated[
        PrioritiseWhat, typer.Option(help="Rank the open projects or the fields of action.")
    ] = (PrioritiseWhat.projects),
    scores: Annotated[
        Path | None,
        typer.Option(
            help="The filled scoring workbook (.xlsx): the members' scores and the weights."
        ),
    ] = None,
    template: Annotated[
        Path | None,
        typer.Option(help="Write the scoring workbook for the items to this .xlsx file and stop."),
    ] = None,
    members: Annotated[int, typer.Option(help="Member columns in the template.", min=1)] = 3,
    show: Annotated[
        PrioritiseView,
        typer.Option(
            help="ranking (places, TOPSIS cross-check, places under weight changes), criteria "
            "(each value with its reason) or waves (half-years that respect dependencies)."
        ),
    ] = PrioritiseView.ranking,
    capacity: Annotated[
        int | None,
        typer.Option(help="Waves: at most this many projects per department and half-year.", min=1),
    ] = None,
    assessment: Annotated[
        Path | None,
        typer.Option(
            help="Also write the ranking as a PROV assessment in Turtle (for the graph and sckg "
            "diff)."
        ),
    ] = None,
    day: Annotated[
        str | None,
        typer.Option(
            "--date",
            help="The assessment's date, 2026-03-12 or 12.03.2026 (default: today).",
        ),
    ] = None,
    since: Annotated[
        Path | None,
        typer.Option(
            help="An earlier meeting's --assessment file: say where two items swapped places only "
            "because items were added or removed (rank reversal)."
        ),
    ] = None,
    chart: Annotated[
        Path | None,
        typer.Option(
            help="Also draw the impact × effort quadrant of the ranking to this file (.png or "
            ".svg)."
        ),
    ] = None,
    runs: Annotated[
        int, typer.Option(help="Random weight changes per spread (±10 %, ±25 %).", min=1)
    ] = 1000,
    seed: SeedOpt = 1,
    data: DataOpt = None,
    store: StoreOpt = "memory",
    lang: LangOpt = Lang.de,
    fmt: FormatOpt = Format.table,
) -> None:
    """Rank projects or fields of action for the steering group: criteria from the graph (goals,
    dependent projects, council mandate, budget, milestones due, readiness), each with its reason,
    and the members' scores and weights from a workbook (--template writes it, --scores reads it
    back); PROMETHEE II with TOPSIS as a cross-check, the places under random weight changes, and
    waves of half-years that never put a project before what it depends on."""
    from .output import emit
    from .prioritise import prioritise as run
    from .prioritise.criteria import GRAPH_CRITERIA, VOTES, items
    from .prioritise.workbook import PEOPLE_CRITERIA, template_bytes

    if show is PrioritiseView.waves and what is not PrioritiseWhat.projects:
        raise typer.BadParameter(
            t("cli.prio_waves_projects", VOICE.lang), param_hint="--show waves"
        )
    if template is not None:  # before any work, so nothing is written
        check_suffix(template, "template", "xlsx")
    when = _assessment_day(day)
    chart_format = None if chart is None else check_suffix(chart, "chart", "png", "svg")
    kg = open_graph(data, store)
    criteria = [*GRAPH_CRITERIA, *PEOPLE_CRITERIA]
    if template is not None:
        from .fileio import write_atomic

        found, _ = items(kg, what.value, lang.value)
        if any(VOTES in i.values for i in found):  # the workshops' dots can be weighted too
            criteria.insert(len(GRAPH_CRITERIA), VOTES)
        depts = kg.labels({i.department for i in found if i.department}, lang.value)
        word = "Mitglied" if lang is Lang.de else "Member"
        rows = [(i.iri, i.label, depts.get(i.department or "", "")) for i in found]
        write_atomic(
            template, template_bytes(rows, criteria, [f"{word} {n}" for n in range(1, members + 1)])
        )
        status(
            t(
                "cli.prio_template",
                VOICE.lang,
                path=template,
                n=len(rows),
                what=t(f"cli.prio_what.{what.value}", VOICE.lang),
                members=members,
                criteria=len(criteria),
            )
        )
        return
    result = run(kg, what.value, scores=scores, lang=lang.value, runs=runs, seed=seed)
    if show is PrioritiseView.waves:
        from dataclasses import astuple, fields

        from .prioritise.waves import WaveRow, waves

        planned = waves(kg, result.ranks(), capacity=capacity, lang=lang.value)
        emit([f.name for f in fields(WaveRow)], [list(astuple(r)) for r in planned], fmt.value)
    elif show is PrioritiseView.criteria or not result.rows:
        emit(*result.criteria_table(), fmt.value)
    else:
        from dataclasses import astuple, fields

        from .prioritise import RankRow

        emit([f.name for f in fields(RankRow)], [list(astuple(r)) for r in result.rows], fmt.value)
    for note in result.notes:
        typer.echo(cli_text(note), err=True)
    if since is not None:
        from .prioritise.assessment import rank_reversals

        try:
            previous = since.read_bytes()
        except OSError as exc:
            raise typer.BadParameter(
                t("cli.cannot_read", VOICE.lang, path=since, reason=exc.strerror),
                param_hint="--since",
            ) from None
        for line in rank_reversals(previous, result, lang.value, name=since.name):
            typer.echo(line, err=True)
    if chart is not None and chart_format is not None:
        from .fileio import write_atomic
        from .prioritise.chart import quadrant_image

        drawn = quadrant_image(result, kg, lang.value, "png" if chart_format == "png" else "svg")
        if drawn is None:
            raise typer.BadParameter(
                t("cli.prio_quadrant_scores", VOICE.lang), param_hint="--chart"
            )
        write_atomic(chart, drawn)
        status(t("cli.wrote", VOICE.lang, paths=chart))
    if assessment is not None:
        from .fileio import write_atomic
        from .prioritise.assessment import assessment_turtle

        write_atomic(assessment, assessment_turtle(result, day=when, lang=lang.value))
        what_text = t(f"cli.prio_what.{what.value}", VOICE.lang)
        status(
            t(
                "cli.prio_assessment",
                VOICE.lang,
                path=assessment,
                n=len(result.rows),
                what=what_text,
            )
        )


def register(app: typer.Typer) -> None:
    """Add the prioritisation command."""
    app.command("prioritise")(prioritise)


def _assessment_day(day: str | None) -> date:
    """The day of ``--date`` (today without one), or a usage error before any work."""
    from .ingest.cells import day_of_text

    if day is None:
        return date.today()
    found = day_of_text(day.strip())
    if found is None:
        raise typer.BadParameter(t("cli.prio_date", VOICE.lang, day=day), param_hint="--date")
    return found
