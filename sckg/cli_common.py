"""What every command shares: option types, the flag of a library parameter, and opening the graph.

Command modules (``cli_*.py``) import from here; like ``cli.py`` they import no heavy library at
module level.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from .choices import CsvDialect, Format, Lang
from .errors import Message
from .registry import SEED_HELP

if TYPE_CHECKING:
    from .kg import KnowledgeGraph
    from .output import Progress


__all__ = ["Format", "Lang", "flag", "open_graph", "status"]

#: Library parameters whose command-line flag is not ``--`` and the parameter's name with hyphens.
FLAGS = {
    "limit": "--top",
    "classes": "--class",
    "fields": "--field",
    "departments": "--department",
    "fmt": "--format",
    "method": "--layout",
    "target": "PROJECT",
    "max_bytes": "--max-response-mb",
    "previous": "--since",
}


def flag(param: str) -> str:
    """The command-line flag of a library function's parameter (``limit`` → ``--top``)."""
    return FLAGS.get(param, "--" + param.replace("_", "-"))


class Voice:
    """How the command line speaks on stderr during one command: ``quiet`` (``-q``: errors and notes
    only) and the language of its own words (status lines, the error boundary's)."""

    quiet = False
    lang = "de"
    #: the progress display of the command, while one is shown (:func:`progress_bars`)
    progress: Progress | None = None

    def reset(self, environ: Mapping[str, str]) -> None:
        """Before a command: not quiet; the language of the locale (LC_ALL, LC_MESSAGES or LANG):
        German when it is German or not set, else English (``C.UTF-8`` too)."""
        locale = next((environ[k] for k in ("LC_ALL", "LC_MESSAGES", "LANG") if environ.get(k)), "")
        self.quiet, self.lang = False, "de" if not locale or locale.startswith("de") else "en"
        self.progress = None


VOICE = Voice()


def reset_voice() -> None:
    """Reset :data:`VOICE` for the command about to run."""
    VOICE.reset(os.environ)


def status(message: str) -> None:
    """A status line on stderr (what was written, counts, addresses); ``-q`` silences it."""
    if not VOICE.quiet:
        say(message)


@contextmanager
def progress_bars(**values: object) -> Iterator[Progress | None]:
    """A library's ``progress(what, done, total)`` (:data:`sckg.output.Progress`) as one bar per
    step on stderr when it is a terminal and not ``-q`` (else None): named by the words
    ``cli.step.<what>`` (filled from ``values``) where there are some, else ``what`` itself; a step
    without a total as a pulsing bar; a new step finishes the ones before. Inside another
    ``progress_bars`` block it adds to its bars (one display at a time)."""
    if VOICE.progress is not None or VOICE.quiet or not sys.stderr.isatty():
        yield VOICE.progress
        return
    from rich.console import Console
    from rich.progress import Progress as Bars

    from .words import CATALOGUE, t

    tasks: dict[str, Any] = {}
    with Bars(console=Console(stderr=True), transient=True) as bars:

        def update(what: str, done: int, total: int | None) -> None:
            if what not in tasks:
                for task in tasks.values():
                    bars.update(task, total=1, completed=1)
                known = f"cli.step.{what}" in CATALOGUE
                name = t(f"cli.step.{what}", VOICE.lang, **values) if known else what
                tasks[what] = bars.add_task(name, total=total)
            bars.update(tasks[what], completed=done, total=total)

        VOICE.progress = update
        try:
            yield update
        finally:
            VOICE.progress = None


@contextmanager
def phases() -> Iterator[Callable[[str], None]]:
    """``phase(text)`` shows the step that runs now (a pulsing bar and its name) on stderr when it
    is a terminal and not ``-q``; elsewhere nothing (no progress in pipes, files, cron mail)."""
    with progress_bars() as progress:
        yield (lambda text: progress(text, 0, None)) if progress else (lambda _: None)


def _quiet(value: bool) -> None:
    if value:
        VOICE.quiet = True


def _lang_chosen(ctx: typer.Context, param: typer.CallbackParam, value: Lang) -> Lang:
    """``--lang`` given on the command line (or by its variable) also sets the messages'
    language."""
    if param.name and getattr(ctx.get_parameter_source(param.name), "name", "") != "DEFAULT":
        VOICE.lang = value.value
    return value


def say(message: str) -> None:
    """A message on stderr, as a terminal may show it: no control sequences, no password of an
    address."""
    from .errors import mask_password
    from .output import terminal_text

    typer.echo(terminal_text(mask_password(message)), err=True)


def review_written(n: int, what: str, review: Path, command: str, city: str = "") -> None:
    """Say that ``n`` proposals (``what``: proposals, candidates, targets, mapping) are in the
    review file ``review``, and the command that keeps the decisions made in it (for a file of the
    data of ``city``, if given)."""
    from .words import t

    lang = VOICE.lang
    kind = t(f"cli.review_what.{what}", lang)
    if city:
        command = f"{command} {t('cli.review_file_of', lang, city=city)}"
    status(t("cli.review_written", lang, n=n, what=kind, review=review, command=command))


def decided(taken: int, refused: int, what: str, out: Path, holds: str, **held: int) -> None:
    """Say how many of the decisions accepted (``taken``) and rejected (``refused``), and what
    ``out`` holds now (``holds``: links, matches, examples, targets, mapping; ``held``: accepted,
    rejected)."""
    from .words import t

    lang = VOICE.lang
    now = t(f"cli.holds.{holds}", lang, **held)
    kind = t(f"cli.decided_what.{what}", lang)
    status(t("cli.decided", lang, taken=taken, rejected=refused, what=kind, out=out, holds=now))


def cli_text(message: object) -> str:
    """A library message as the command line says it: in its language (where the message has
    both), with flags where it names parameters."""
    if isinstance(message, Message):
        return message.in_lang(VOICE.lang).with_flags(flag)
    return str(message)


ReviewOpt = Annotated[
    Path | None,
    typer.Option(
        help="Write the proposals to this review file (.csv or .xlsx) to accept or reject them."
    ),
]
DecisionsOpt = Annotated[
    Path | None,
    typer.Option(help="Read the decisions of a filled-in review file and write them to --out."),
]
DataOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--data",
        "-d",
        help="RDF files or folders to load (repeatable). Default: the bundled Braunschweig data "
        "(for a persistent store: what the store holds).",
        show_default=False,
    ),
]
StoreOpt = Annotated[
    str,
    typer.Option(
        help="Where the graph lives: memory, oxigraph:PATH (persistent store) or sparql:URL "
        "(endpoint; a login and time limit come from SCKG_ENDPOINT_USER/_PASSWORD or _TOKEN, and "
        "SCKG_ENDPOINT_TIMEOUT)."
    ),
]
LangOpt = Annotated[
    Lang,
    typer.Option("--lang", "-l", callback=_lang_chosen, help="Language of labels and messages."),
]
QUIET_HELP = "Print no status lines or progress on stderr (errors and notes still)."
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
SeedOpt = Annotated[int, typer.Option(help=SEED_HELP)]
CsvDialectOpt = Annotated[
    CsvDialect,
    typer.Option(
        help="For CSV: standard (comma, decimal point: for pandas, R, Gephi and scripts) or excel "
        "(semicolon, decimal comma, UTF-8 with BOM: for Excel with German settings)."
    ),
]
FormulaGuardOpt = Annotated[
    bool,
    typer.Option(
        help="For CSV: put ' before text a spreadsheet would run as a formula (=, +, -, @). Keep "
        "it for files people open in Excel or LibreOffice; --no-formula-guard gives the values "
        "unchanged for programs (pandas, Gephi, R)."
    ),
]
AllowRemoteOpt = Annotated[
    bool,
    typer.Option(
        help="Permit SERVICE and FROM clauses that fetch data from other hosts (refused by "
        "default)."
    ),
]


def check_suffix(path: Path, option: str, *endings: str) -> str:
    """The ending of ``path`` (lower case, without the dot) when it is one of ``endings``; else a
    usage error naming the option (``chart``: ``--chart``) and the endings, before any work, so
    that no file opens in the wrong program."""
    from .errors import UsageError
    from .words import error_message

    ending = path.suffix.lower().lstrip(".")
    if ending not in endings:
        dotted = [f".{e}" for e in endings]
        allowed: str | Message = dotted[0]
        if len(dotted) > 1:
            allowed = error_message("list.or", items=", ".join(dotted[:-1]), last=dotted[-1])
        raise UsageError(
            error_message("error.suffix", option=option, name=path.name, endings=allowed)
        )
    return ending


def open_cities(paths: list[Path] | None, param: str = "compare") -> list[KnowledgeGraph]:
    """One graph in memory per city: each of ``paths`` a file or folder of its data, given with the
    option ``param`` (``--compare``; ``sckg compare --data``)."""
    from .kg import KnowledgeGraph, collect_files

    return [KnowledgeGraph.open(collect_files([path], param)) for path in paths or []]


def open_with_previous(
    data: list[Path] | None, store: str, since: str | None
) -> tuple[KnowledgeGraph, KnowledgeGraph | None]:
    """The graph (:func:`open_graph`) and, with ``since``, the previous snapshot (``--since``),
    loaded side by side: Oxigraph parses without Python's lock, so on two cores the two loads take
    about the time of one."""
    from concurrent.futures import ThreadPoolExecutor

    from .diff import open_snapshot

    with ThreadPoolExecutor(1) as loader:
        previous = loader.submit(open_snapshot, since) if since is not None else None
        kg = open_graph(data, store)
        return kg, previous.result() if previous else None


def open_graph(data: list[Path] | None, store: str, allow_remote: bool = False) -> KnowledgeGraph:
    """Open the store and load the data, with a progress bar when there are many files."""
    from .kg import KnowledgeGraph, collect_files

    files = collect_files(data) if data else None
    if not files or len(files) < 20:
        return KnowledgeGraph.open(files, store, allow_remote=allow_remote)
    with progress_bars() as progress:
        if progress is None:
            return KnowledgeGraph.open(files, store, allow_remote=allow_remote)
        done = iter(range(1, len(files) + 1))
        return KnowledgeGraph.open(
            files,
            store,
            allow_remote=allow_remote,
            progress=lambda _: progress("files", next(done), len(files)),
        )


def _review_kinds(path: Path, out: Path) -> dict[str, tuple[tuple[str, ...], str]]:
    """The kinds of review file a person may give to a --decisions: kind → its IRI columns and the
    command that keeps its decisions."""
    from . import actor_match, field_matches, link, targets
    from .compare import BEST_PRACTICE_COLUMNS

    keep = f"--decisions {path} --out {out}"
    return {
        "best": (BEST_PRACTICE_COLUMNS[6:9], f"sckg compare {keep}"),
        "targets": (targets.TARGET_COLUMNS[5:], f"sckg compare --show targets {keep}"),
        "mapping": (field_matches.MATCH_COLUMNS[5:], f"sckg compare --show mapping {keep}"),
        "papers": (link.REVIEW_COLUMNS[7:9], f"sckg link papers {keep}"),
        "actors": (actor_match.REVIEW_COLUMNS[5:], f"sckg link actors {keep}"),
    }


def other_review(kind: str, path: Path, out: Path) -> Callable[[list[str]], Message | None]:
    """For the header of a review file that lacks the columns the decisions of ``kind`` (``best``,
    ``targets``, ``mapping``, ``papers``, ``actors``) need: the error naming the kind of review it
    is and the command that keeps its decisions (``None`` for a file of no known kind)."""
    from .words import error_message

    kinds = _review_kinds(path, out)

    def other(header: list[str]) -> Message | None:
        found = next(
            (
                name
                for name, (columns, _) in kinds.items()
                if name != kind and all(c in header for c in columns)
            ),
            None,
        )
        if found is None:
            return None
        return error_message(
            "error.review_other_kind",
            path=path,
            found=error_message(f"review.kind.{found}"),
            wanted=error_message(f"review.kind.{kind}"),
            command=kinds[found][1],
        )

    return other
