"""``sckg analyze ...``: one command per analysis of :data:`sckg.registry.ANALYSES`.

Each command opens the graph, calls the analysis and prints its ranked rows with
:func:`sckg.output.emit`; notes (e.g. that betweenness was estimated) go to stderr. The commands are
built from the registry's parameters, and the analyses are imported when a command runs.
"""

from __future__ import annotations

import inspect
from typing import Annotated, Any

import typer

from .choices import ProjectionName
from .cli_common import DataOpt, Format, FormatOpt, Lang, LangOpt, StoreOpt, cli_text, open_graph
from .registry import ANALYSES, PROJECTION_HELP, Analysis, Param

analyze_app = typer.Typer(
    help="Network analyses: who is central, what depends on what, where the gaps and silos are. "
    "Each prints ranked rows with a plain-language reason.",
    no_args_is_help=True,
)

ProjectionOpt = Annotated[ProjectionName, typer.Option("--projection", "-p", help=PROJECTION_HELP)]

#: The options every analysis has after its own: (name, annotation, default).
_COMMON: tuple[tuple[str, Any, Any], ...] = (
    ("data", DataOpt, None),
    ("store", StoreOpt, "memory"),
    ("lang", LangOpt, Lang.de),
    ("fmt", FormatOpt, Format.table),
)


def register(app: typer.Typer) -> None:
    """Add ``analyze`` with a command per registered analysis to the main app."""
    for analysis in ANALYSES.values():
        analyze_app.command(analysis.name)(command(analysis))
    app.add_typer(analyze_app, name="analyze")


def _annotation(param: Param) -> Any:
    kind = param.kind | None if param.optional else param.kind
    if param.argument:
        return Annotated[kind, typer.Argument(help=param.help, show_default=param.show_default)]
    option = typer.Option(*param.flags, help=param.help, show_default=param.show_default)
    return Annotated[kind, option]


def command(analysis: Analysis) -> Any:
    """The typer command of ``analysis``: its parameters, then ``--data``, ``--store``, ``--lang``
    and ``--format``."""

    def run(**values: Any) -> None:
        kg = open_graph(values.pop("data"), values.pop("store"))
        lang, fmt = values.pop("lang"), values.pop("fmt")
        _show(analysis.run(kg, values, lang.value), analysis.row_type(), fmt)

    keyword = inspect.Parameter.KEYWORD_ONLY
    params = [
        inspect.Parameter(
            p.name,
            keyword,
            annotation=_annotation(p),
            default=inspect.Parameter.empty if p.default is ... else p.default,
        )
        for p in analysis.params
    ]
    params += [
        inspect.Parameter(name, keyword, default=default, annotation=annotation)
        for name, annotation, default in _COMMON
    ]
    signature = inspect.Signature(params, return_annotation=None)
    run.__signature__ = signature  # type: ignore[attr-defined]
    run.__annotations__ = {p.name: p.annotation for p in params}
    run.__doc__ = analysis.help
    run.__name__ = analysis.api_name
    return run


def _show(result: Any, row_type: type, fmt: Format) -> None:
    from .output import emit

    columns, rows = result.table(row_type)
    if rows or fmt.value != "table":  # an empty table says nothing: the note gives the reason
        emit(columns, rows, fmt.value)
    for note in result.notes:
        typer.echo(cli_text(note), err=True)
