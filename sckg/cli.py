"""The ``sckg`` command line. It parses options, calls one library function and formats the result.

Heavy libraries (rdflib, networkx, pyvis) are imported inside the commands, so ``sckg --help`` stays
fast.
"""

from __future__ import annotations

import os
import sys
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer._click.exceptions import NoArgsIsHelpError
from typer._click.exceptions import UsageError as ClickUsageError
from typer.core import TyperGroup, TyperOption
from typer.exceptions import TyperException

from . import __version__
from .choices import CsvDialect, ValidationEngine, ValidationFormat
from .cli_common import QUIET_HELP as _QUIET_HELP
from .cli_common import (
    VOICE,
    AllowRemoteOpt,
    CsvDialectOpt,
    DataOpt,
    Format,
    FormatOpt,
    FormulaGuardOpt,
    Lang,
    LangOpt,
    StoreOpt,
    _quiet,
    cli_text,
    open_graph,
    reset_voice,
    say,
)
from .errors import DataWarning, SckgError
from .words import reword, t

if TYPE_CHECKING:
    from typer._click import (
        Context as ClickContext,
    )  # the type TyperGroup.invoke declares (typer's own click)


class ErrorBoundary(TyperGroup):
    """The one place where library errors become a one-line message and an exit code (no traceback);
    a message naming a library parameter (``limit``) names its flag (``--top``) instead. It also
    gives every command ``-q/--quiet``."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        groups: list[Any] = [self]
        while groups:
            for command in groups.pop().commands.values():
                if hasattr(command, "commands"):
                    groups.append(command)
                elif "quiet" not in {p.name for p in command.params}:
                    command.params.append(_quiet_option())

    def invoke(self, ctx: ClickContext) -> Any:
        reset_voice()
        with warnings.catch_warnings():  # what an output changed in the data is a note on stderr
            warnings.simplefilter("always", DataWarning)
            shown = warnings.showwarning

            def note(
                message: Warning | str, category: type[Warning], *args: Any, **kwargs: Any
            ) -> None:
                if issubclass(category, DataWarning):  # a Message in the voice, as errors are
                    text = message.args[0] if isinstance(message, Warning) else message
                    say(t("cli.note", VOICE.lang, message=cli_text(text)))
                else:
                    shown(message, category, *args, **kwargs)

            warnings.showwarning = note
            return self._invoke(ctx)

    def make_context(self, *args: Any, **kwargs: Any) -> ClickContext:
        reset_voice()
        try:
            return super().make_context(*args, **kwargs)
        except ClickUsageError as exc:
            _usage_error(exc)
            raise typer.Exit(exc.exit_code) from None

    def _invoke(self, ctx: ClickContext) -> Any:
        try:
            return super().invoke(ctx)
        except ClickUsageError as exc:
            _usage_error(exc)
            ctx.exit(exc.exit_code)
        except SckgError as exc:
            say(t("cli.error", VOICE.lang, message=cli_text(exc.args[0] if exc.args else exc)))
            ctx.exit(exc.exit_code)
        except BrokenPipeError:  # output piped into `head` and the like
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keeps Python's exit flush quiet
            ctx.exit(0)
        except KeyboardInterrupt:  # Ctrl-C: the shell's convention, 128 + SIGINT
            say(t("cli.interrupted", VOICE.lang))
            ctx.exit(130)
        except (typer.Exit, typer.Abort, TyperException):
            raise
        except Exception as exc:
            if os.environ.get("SCKG_DEBUG"):
                raise
            say(t("cli.internal", VOICE.lang, kind=type(exc).__name__, message=exc))
            ctx.exit(1)


def _usage_error(exc: ClickUsageError) -> None:
    """What the parser says to a wrong call, in the messages' language (its own words are
    English)."""
    if isinstance(exc, NoArgsIsHelpError):  # a group called without a command: its help
        exc.show()
        return
    lang = VOICE.lang
    if exc.ctx is not None:
        usage = exc.ctx.get_usage().replace("Usage:", t("usage.usage", lang), 1)
        command = f"{exc.ctx.command_path} {exc.ctx.help_option_names[0]}"
        say(f"{usage}\n{t('usage.help', lang, command=command)}\n")
    say(t("cli.error", lang, message=reword(exc.format_message(), "usage", lang)))


def _quiet_option() -> TyperOption:
    return TyperOption(
        param_decls=["-q", "--quiet"],
        is_flag=True,
        expose_value=False,
        callback=lambda _ctx, _param, value: _quiet(value),
        help=_QUIET_HELP,
    )


app = typer.Typer(
    cls=ErrorBoundary,
    name="sckg",
    help="Smart City knowledge graph: who does what in a city's Smart City programme, and how it "
    "hangs together. Validate the inventory, ask it questions in SPARQL, analyse dependencies, "
    "draw maps.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"sckg {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help=_QUIET_HELP)] = False,
) -> None:
    """Smart City knowledge graph."""
    _quiet(quiet)


@app.command()
def validate(
    data: DataOpt = None,
    store: StoreOpt = "memory",
    lang: LangOpt = Lang.de,
    fmt: Annotated[
        ValidationFormat,
        typer.Option("--format", "-f", help="text (for people), json, csv, md or table."),
    ] = ValidationFormat.text,
    engine: Annotated[
        ValidationEngine,
        typer.Option(
            help="sparql (the shapes as SPARQL queries on the store, fast), pyshacl (the "
            "reference: copies the graph into rdflib) or auto (sparql when the shapes allow it)."
        ),
    ] = ValidationEngine.auto,
) -> None:
    """Check the graph against the SHACL shapes: violations (wrong structure) first, then warnings
    (open points of the inventory). Exit code 1 when there is a violation, 0 with warnings only."""
    from .output import emit
    from .validate import validate as run_validation

    report = run_validation(open_graph(data, store), lang=lang.value, engine=engine.value)
    if fmt is ValidationFormat.text:
        typer.echo("\n".join(report.text_lines(lang.value)))
    elif fmt is ValidationFormat.json:
        typer.echo(report.to_json())
    elif fmt is ValidationFormat.csv:  # for programs: the codes, in every language
        emit(*report.table(), fmt.value)
    else:  # md and table, for people: the words of --lang, as the text says them
        emit(*report.table(lang.value), fmt.value)
    if not report.conforms:
        raise typer.Exit(1)


QueriesOpt = Annotated[
    Path | None,
    typer.Option(
        help="A folder of the city's own named queries (.rq files with the header of "
        "ontology/queries/), used besides sckg's own.",
        show_default=False,
    ),
]


@app.command()
def query(
    sparql: Annotated[
        str,
        typer.Argument(help="Inline SPARQL, a path to a .rq file, or the name of a named query."),
    ],
    param: Annotated[
        list[str] | None,
        typer.Option("--param", "-p", help="name=value, bound as an RDF term (repeatable)."),
    ] = None,
    data: DataOpt = None,
    store: StoreOpt = "memory",
    lang: LangOpt = Lang.de,
    fmt: FormatOpt = Format.table,
    allow_remote: AllowRemoteOpt = False,
    timeout: Annotated[
        float,
        typer.Option(
            help="Stop the query after this many seconds with an error (0: no limit; scripts "
            "running long queries on purpose set it).",
            min=0,
        ),
    ] = 120.0,
    formula_guard: FormulaGuardOpt = True,
    csv_dialect: CsvDialectOpt = CsvDialect.standard,
    queries: QueriesOpt = None,
) -> None:
    """Run a SPARQL query (SELECT, ASK or CONSTRUCT) and print the result. The prefixes listed by
    'sckg queries --prefixes' are predeclared; ?lang is bound to --lang."""
    from .errors import UsageError
    from .queries import parse_params, resolve_query, run_any
    from .sparql import query_form
    from .words import error_message

    named = resolve_query(sparql, queries)
    form = query_form(named.text)
    if form in ("CONSTRUCT", "DESCRIBE") and fmt is not Format.table:
        raise UsageError(error_message("error.graph_format", fmt=fmt.value, form=form))
    values = parse_params(param or [])
    result = run_any(
        open_graph(data, store, allow_remote), named, values, lang.value, timeout=timeout or None
    )
    if isinstance(result, bool):
        typer.echo("true" if result else "false")
    elif isinstance(result, str):
        typer.echo(result, nl=False)
    else:
        from .output import emit

        emit(
            result.columns,
            [[_plain(v) for v in row] for row in result.rows],
            fmt.value,
            formula_guard=formula_guard,
            csv_dialect=csv_dialect.value,
        )


def _plain(term: Any) -> Any:
    from .results import to_python

    return to_python(term)


@app.command("queries")
def list_queries(
    lang: LangOpt = Lang.de,
    fmt: FormatOpt = Format.table,
    prefixes: Annotated[bool, typer.Option(help="List the predeclared prefixes instead.")] = False,
    show: Annotated[
        str | None,
        typer.Option(
            help="Print the named query NAME with its PREFIX lines: it runs in any SPARQL client "
            "(bind ?lang and its parameters there).",
            metavar="NAME",
        ),
    ] = None,
    queries: QueriesOpt = None,
) -> None:
    """List the named questions: name, title, parameters and description."""
    from .output import emit

    if show is not None:
        from .queries import get_named_query, runnable_text

        typer.echo(runnable_text(get_named_query(show, queries).text), nl=False)
        return
    if prefixes:
        from .namespaces import PREFIXES

        emit(["prefix", "namespace"], sorted(PREFIXES.items()), fmt.value, short_iris=False)
        return
    from .queries import named_queries

    rows = [
        [
            q.name,
            q.title(lang.value),
            " ".join(f"{p.name}({p.kind})" for p in q.params),
            q.description(lang.value),
        ]
        for q in named_queries(extra=queries).values()
    ]
    emit(["name", "title", "parameters", "description"], rows, fmt.value)


@app.command()
def stats(
    data: DataOpt = None,
    store: StoreOpt = "memory",
    lang: LangOpt = Lang.de,
    fmt: FormatOpt = Format.table,
) -> None:
    """Count the data: triples, entities per class, statements per property, and its sources."""
    from dataclasses import asdict

    from .formatting import number
    from .output import emit
    from .stats import statistics, stats_table

    result = statistics(open_graph(data, store), lang=lang.value)
    if fmt is Format.json:
        import json

        typer.echo(json.dumps(asdict(result), ensure_ascii=False, indent=2))
        return
    if fmt is Format.csv:  # one table, as a spreadsheet opens it
        emit(*stats_table(result), fmt.value)
        return
    typer.echo(t("stats.triples", lang.value, n=number(result.triples, lang.value)))
    tables = [
        (
            ["class", "label", "entities"],
            [[c.name, c.label, c.count] for c in result.classes],
            t("stats.classes", lang.value),
        ),
        (
            ["property", "label", "statements"],
            [[p.name, p.label, p.count] for p in result.properties],
            t("stats.properties", lang.value),
        ),
        (
            ["source", "date", "entities", "iri"],
            [[s.label, s.date or "", s.entities, s.iri] for s in result.sources],
            t("stats.sources", lang.value),
        ),
    ]
    if result.ill_typed:
        tables.append(
            (
                ["subject", "property", "value", "datatype"],
                [[i.subject, i.property, i.value, i.datatype] for i in result.ill_typed],
                t("stats.ill_typed", lang.value),
            )
        )
    for columns, rows, title in tables:
        if fmt is Format.md:  # a blank line ends a Markdown table
            typer.echo(f"\n**{title}**\n")
        emit(columns, rows, fmt.value, title)


# --- command groups: each cli_<area>.py adds its commands here, one line per module ---
from .cli_viz import register as register_viz  # noqa: E402

register_viz(app)
from .cli_analyze import register as register_analyze  # noqa: E402

register_analyze(app)
from .cli_stores import register as register_stores  # noqa: E402

register_stores(app)
from .cli_io import register as register_io  # noqa: E402

register_io(app)
from .cli_report import register as register_report  # noqa: E402

register_report(app)
from .cli_present import register as register_present  # noqa: E402

register_present(app)
from .cli_compare import register as register_compare  # noqa: E402

register_compare(app)
from .cli_prioritise import register as register_prioritise  # noqa: E402

register_prioritise(app)
from .cli_site import register as register_site  # noqa: E402

register_site(app)


def main() -> None:
    """Console-script entry point."""
    app(prog_name="sckg")
