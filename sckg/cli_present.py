"""The meeting deck: ``sckg present``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .cli_common import (
    VOICE,
    DataOpt,
    Lang,
    LangOpt,
    StoreOpt,
    check_suffix,
    open_cities,
    open_with_previous,
    phases,
    say,
    status,
)
from .words import t


def present(
    data: DataOpt = None,
    store: StoreOpt = "memory",
    agenda: Annotated[
        Path | None,
        typer.Option(
            "--agenda",
            "-a",
            help="TOML file with the sequence of views (default: overview, each field "
            "with its open points, bottleneck actors, cycles and, with --since, what changed).",
        ),
    ] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="The deck's HTML file.")] = Path(
        "out/deck.html"
    ),
    since: Annotated[
        str | None,
        typer.Option(
            help="The previous snapshot (file, folder, oxigraph:PATH or sparql:URL) for the "
            "changes."
        ),
    ] = None,
    lang: LangOpt = Lang.de,
    title: Annotated[
        str | None, typer.Option(help="Title of the deck (default: the agenda's or the data's).")
    ] = None,
    pdf: Annotated[
        Path | None,
        typer.Option(
            "--pdf",
            help="Also write the handout: one slide with its notes per A4 page (needs Chromium).",
        ),
    ] = None,
    compare: Annotated[
        list[Path] | None,
        typer.Option(
            help="Another city's data (file or folder; repeatable): adds the benchmarking slide.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Write the meeting deck: one offline HTML file of slides (arrow keys or clicks to move, N for
    notes, P for the presenter view), each a still map or chart with its key figures, from an agenda
    file or the default agenda; the same agenda on the same data gives the same file."""
    from .present import build_deck, deck_summary, read_agenda, write_deck

    check_suffix(out, "out", "html")
    if pdf is not None:
        from .pdf import check_engine

        check_suffix(pdf, "pdf", "pdf")

        check_engine()  # before anything is written
    plan = read_agenda(agenda) if agenda is not None else None
    with phases() as phase:
        phase(t("cli.step.reading", VOICE.lang))
        kg, previous = open_with_previous(data, store, since)
        others = open_cities(compare)
        phase(t("cli.phase_deck", VOICE.lang))
        deck = build_deck(
            kg, lang=lang.value, agenda=plan, since=previous, title=title, compare=others
        )
        phase(t("cli.step.writing", VOICE.lang, path=out))
        path = write_deck(deck, out, pdf)
    status(deck.title)
    for line in deck_summary(deck):
        status(line)
    handout = t("cli.handout", VOICE.lang, path=pdf) if pdf is not None else ""
    status(t("cli.deck", VOICE.lang, path=path, n=len(deck.slides)) + handout)
    for note in deck.notes:
        say(note)


def register(app: typer.Typer) -> None:
    """Add the meeting deck's command."""
    app.command("present")(present)
