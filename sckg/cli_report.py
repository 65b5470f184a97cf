"""Commands for the steering group: ``sckg diff`` (and the briefing, ``sckg report``)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .cli_common import (
    VOICE,
    DataOpt,
    Format,
    FormatOpt,
    Lang,
    LangOpt,
    StoreOpt,
    check_suffix,
    open_cities,
    open_with_previous,
    progress_bars,
    say,
    status,
)
from .words import t


def report(
    data: DataOpt = None,
    store: StoreOpt = "memory",
    out: Annotated[
        Path, typer.Option("--out", "-o", help="Folder for report.html and report.md.")
    ] = Path("out"),
    since: Annotated[
        str | None,
        typer.Option(
            help="The previous snapshot (file, folder, oxigraph:PATH or sparql:URL): what changed "
            "since then opens the briefing."
        ),
    ] = None,
    lang: LangOpt = Lang.de,
    title: Annotated[
        str | None, typer.Option(help="Title of the briefing (default: from the dataset).")
    ] = None,
    pdf: Annotated[
        Path | None,
        typer.Option(
            "--pdf",
            help="Also print the briefing to this A4 PDF file (needs Chromium and playwright).",
        ),
    ] = None,
    compare: Annotated[
        list[Path] | None,
        typer.Option(
            help="Another city's data (file or folder; repeatable): adds the benchmarking section.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Write the steering group's briefing: key figures, budgets, the overall map, the actors that
    hold the programme together, dependency chains, open points, silos and overlaps, one section per
    field of action, the decisions timeline, with --since what changed and with --compare the
    benchmarking with other cities. One offline HTML file (printable) and Markdown; with --pdf also
    an A4 PDF."""
    from .report import build_report, write_report

    if pdf is not None:
        from .pdf import check_engine

        check_suffix(pdf, "pdf", "pdf")

        check_engine()  # before anything is written
    with progress_bars(path=out) as progress:
        if progress:
            progress("reading", 0, None)
        kg, previous = open_with_previous(data, store, since)
        others = open_cities(compare)
        with kg.cached():  # the sections and the maps share projections: each read once
            briefing = build_report(
                kg, lang=lang.value, title=title, since=previous, compare=others, progress=progress
            )
            path = write_report(briefing, kg, out, progress=progress)
    status(briefing.title)
    for line in briefing.summary:
        status(f"  {line}")
    status(t("cli.report", VOICE.lang, path=path, md=path.with_suffix(".md").name))
    for note in briefing.notes:
        say(note)
    if pdf is not None:
        from .pdf import html_to_pdf

        status(t("cli.pdf", VOICE.lang, path=html_to_pdf(path, pdf)))


def diff(
    old: Annotated[
        str,
        typer.Argument(
            help="The previous snapshot: a file, a folder, oxigraph:PATH or sparql:URL."
        ),
    ],
    new: Annotated[
        str,
        typer.Argument(help="The current snapshot: a file, a folder, oxigraph:PATH or sparql:URL."),
    ],
    lang: LangOpt = Lang.de,
    fmt: FormatOpt = Format.table,
) -> None:
    """List what changed between two snapshots of the graph: entities, relations and attributes
    added, removed or changed (the ontology is not compared)."""
    from .diff import diff_snapshots
    from .output import emit

    result = diff_snapshots(old, new, lang=lang.value)
    if fmt is Format.json:
        import json

        doc = {
            "summary": result.summary(),
            "changes": [c.as_dict() for c in result.changes],
            "papers": [c.as_dict() for c in result.papers],
            "workshops": [w.as_dict() for w in result.workshops],
        }
        typer.echo(json.dumps(doc, ensure_ascii=False, indent=2))
        return
    rows = [
        [c.kind, c.change, c.subject_label, c.property, c.old, c.new, c.subject]
        for c in result.changes
    ]
    emit(["kind", "change", "entity", "property", "old", "new", "iri"], rows, fmt.value)
    from .words import t

    if result.papers:
        typer.echo(
            t("diff.new_papers", lang.value, n=len({c.subject for c in result.papers})), err=True
        )
    for found in result.workshops:
        entities = len({c.subject for c in found.changes})
        typer.echo(
            t(
                "diff.workshop",
                lang.value,
                workshop=found.label,
                n=len(found.changes),
                entities=entities,
            ),
            err=True,
        )


def register(app: typer.Typer) -> None:
    """Add the steering group's commands."""
    app.command("diff")(diff)
    app.command("report")(report)
