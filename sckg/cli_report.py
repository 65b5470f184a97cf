"""Commands for the steering group: ``sckg diff`` (and the briefing, ``sckg report``)."""

from __future__ import annotations

from typing import Annotated

import typer

from .cli_common import Format, FormatOpt, Lang, LangOpt


def diff(
    old: Annotated[str, typer.Argument(help="The previous snapshot: a file, a folder, oxigraph:PATH or sparql:URL.")],
    new: Annotated[str, typer.Argument(help="The current snapshot: a file, a folder, oxigraph:PATH or sparql:URL.")],
    lang: LangOpt = Lang.de,
    fmt: FormatOpt = Format.table,
) -> None:
    """List what changed between two snapshots of the graph: entities, relations and attributes added,
    removed or changed (the ontology is not compared)."""
    from .diff import diff as compute
    from .diff import open_snapshot
    from .output import emit

    result = compute(open_snapshot(old), open_snapshot(new), lang.value)
    if fmt is Format.json:
        import json

        doc = {"summary": result.summary(), "changes": [c.as_dict() for c in result.changes]}
        typer.echo(json.dumps(doc, ensure_ascii=False, indent=2))
        return
    rows = [[c.kind, c.change, c.subject_label, c.property, c.old, c.new, c.subject] for c in result.changes]
    emit(["kind", "change", "entity", "property", "old", "new", "iri"], rows, fmt.value)


def register(app: typer.Typer) -> None:
    """Add the steering group's commands."""
    app.command("diff")(diff)
