"""The programme site: ``sckg site``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .cli_common import VOICE, DataOpt, Lang, LangOpt, StoreOpt, open_cities, open_graph, status
from .formatting import number
from .words import t


def site(
    data: DataOpt = None,
    store: StoreOpt = "memory",
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the site.")] = Path(
        "out/site"
    ),
    since: Annotated[
        str | None,
        typer.Option(
            help="A date (2026-01-31 or 31.01.2026): the home page lists what happened since then."
        ),
    ] = None,
    today: Annotated[
        str | None,
        typer.Option(
            help="The day milestones count as upcoming or overdue from, 2026-01-31 or 31.01.2026 "
            "(default: the data's date)."
        ),
    ] = None,
    lang: LangOpt = Lang.de,
    title: Annotated[
        str | None, typer.Option(help="Title of the site (default: from the dataset).")
    ] = None,
    compare: Annotated[
        list[Path] | None,
        typer.Option(
            help="Another city's data (file or folder; repeatable): adds the page benchmark.html, "
            "the comparison with the other cities.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Write the programme site: a home page, one page per entity with its relations, council
    history, map and data (Turtle, JSON-LD), lists with filters and an offline search, in German and
    English (--lang is the language of the pages without a language suffix), and the briefing's
    pages on the whole programme: its process, strategy tree, legal frame, newest prioritisation
    and, with --compare, the comparison with other cities. Opens from the file system."""
    from .site import build_site

    kg = open_graph(data, store)
    others = open_cities(compare)
    built = build_site(
        kg, out, lang=lang.value, since=since, today=today, title=title, compare=others
    )
    status(
        t(
            "cli.site",
            VOICE.lang,
            index=built.out / "index.html",
            entities=number(built.entities, VOICE.lang),
            pages=number(built.pages, VOICE.lang),
            files=number(built.files, VOICE.lang),
        )
    )


def register(app: typer.Typer) -> None:
    """Add ``sckg site``."""
    app.command("site")(site)
