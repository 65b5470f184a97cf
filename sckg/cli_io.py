"""Commands that move data in and out: ``sckg import table|oparl``, ``sckg link papers``, ``sckg
export``, ``sckg generate``.

Like ``cli.py`` this module imports no heavy library at module level; each command calls one library
function.
"""

from __future__ import annotations

import inspect
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from .choices import CsvDialect, ExportFormat, ProjectionName
from .cli_common import (
    VOICE,
    CsvDialectOpt,
    DataOpt,
    DecisionsOpt,
    Format,
    FormatOpt,
    FormulaGuardOpt,
    Lang,
    LangOpt,
    ReviewOpt,
    SeedOpt,
    StoreOpt,
    check_suffix,
    cli_text,
    decided,
    open_graph,
    other_review,
    progress_bars,
    review_written,
    status,
)
from .words import error_message, t

if TYPE_CHECKING:
    from .ingest.oparl_sync import SyncResult
    from .registry import Importer

CityOpt = Annotated[
    str,
    typer.Option(
        help="Short name of the city (lower case, e.g. musterstadt): IRIs are "
        "https://w3id.org/sckg/id/<city>/..."
    ),
]
OutOpt = Annotated[Path, typer.Option("--out", "-o", help="The Turtle file to write.")]
#: ``--out -``: standard output, as no --out.
STDOUT = Path("-")
#: What the name of an export's file may end in, where not in the format's name.
_ENDINGS = {ExportFormat.jsonld: ("jsonld", "json")}

import_app = typer.Typer(
    help="Turn inventory spreadsheets or OParl council information into Turtle for sckg.",
    no_args_is_help=True,
)
link_app = typer.Typer(
    help="Propose links between entities from keyword rules.", no_args_is_help=True
)


def register(app: typer.Typer) -> None:
    """Add ``import`` (a command per registered importer), ``link``, ``export`` and ``generate``."""
    from .registry import IMPORTERS

    built = {c.name for c in import_app.registered_commands}
    for importer in IMPORTERS.values():
        if importer.name not in built:  # table and oparl have commands of their own below
            import_app.command(importer.name)(_import_command(importer))
    app.add_typer(import_app, name="import")
    app.add_typer(link_app, name="link")
    app.command("export")(export)
    app.command("generate")(generate)


def _import_command(importer: Importer) -> Any:
    """``sckg import NAME SOURCE --out FILE --city CITY`` for a registered importer."""

    def run(source: Path, out: Path, city: str) -> None:
        from .ingest import write_turtle

        check_suffix(out, "out", "ttl")
        result = importer.load()(source, city)
        write_turtle(result.triples, out, result.prefixes)
        counts = ", ".join(f"{kind} {n}" for kind, n in result.counts.items())
        triples = len(set(result.triples))
        nothing = t("cli.nothing", VOICE.lang)
        status(
            t("cli.wrote_import", VOICE.lang, out=out, triples=triples, counts=counts or nothing)
        )

    keyword = inspect.Parameter.KEYWORD_ONLY
    source = Annotated[Path, typer.Argument(help=importer.source)]
    params = [
        inspect.Parameter(name, keyword, annotation=annotation)
        for name, annotation in (("source", source), ("out", OutOpt), ("city", CityOpt))
    ]
    signature = inspect.Signature(params, return_annotation=None)
    run.__signature__ = signature  # type: ignore[attr-defined]
    run.__annotations__ = {p.name: p.annotation for p in params}
    run.__doc__ = importer.help
    return run


@import_app.command("table")
def import_table(
    source: Annotated[
        Path, typer.Argument(help="A filled template: an .xlsx file or a folder of CSV files.")
    ],
    out: OutOpt,
    city: CityOpt,
) -> None:
    """Turn a filled inventory template (data/templates/) into Turtle: one stable IRI per row ID,
    references between sheets resolved by ID or name, every row traced to its source. All errors of
    the file are listed at once (file, sheet, row, column, value, what was expected), and nothing is
    written when there is one."""
    from .ingest import write_turtle
    from .ingest.tables import import_table as run
    from .ingest.template import SHEETS

    check_suffix(out, "out", "ttl")
    result = run(source, city)
    write_turtle(result.triples, out, result.prefixes)
    lang = VOICE.lang
    names = {sheet.name: sheet.de if lang == "de" else sheet.name for sheet in SHEETS}
    rows = ", ".join(f"{names[sheet]} {count}" for sheet, count in result.counts.items())
    triples = len(set(result.triples))
    n = sum(result.counts.values())
    status(t("cli.wrote_rows", lang, out=out, triples=triples, n=n, rows=rows))


@import_app.command("oparl")
def import_oparl(
    source: Annotated[
        str,
        typer.Argument(help="A folder of OParl JSON files, or the URL of an OParl system or body."),
    ],
    out: OutOpt,
    city: CityOpt,
    with_persons: Annotated[
        bool,
        typer.Option(
            help="Also import persons and memberships (personal data: only with a legal basis)."
        ),
    ] = False,
    timeout: Annotated[
        float,
        typer.Option(
            help="Seconds a request may take in all: connecting and reading the whole answer."
        ),
    ] = 30.0,
    retries: Annotated[
        int, typer.Option(help="How often to retry a failed request (with growing pauses).")
    ] = 3,
    max_pages: Annotated[
        int | None,
        typer.Option(
            help="Stop with an error when a list has more pages than this (an endless 'next'). "
            "Default: 20,000.",
            min=1,
            show_default=False,
        ),
    ] = None,
    max_response_mb: Annotated[
        float | None,
        typer.Option(
            help="Stop with an error when one answer is larger than this many megabytes. Default: "
            "50.",
            min=0.001,
            show_default=False,
        ),
    ] = None,
    max_total_pages: Annotated[
        int | None,
        typer.Option(
            help="Stop with an error when the whole crawl (every list of every body) has "
            "read more pages than this. Default: 20,000.",
            min=1,
            show_default=False,
        ),
    ] = None,
    max_total_mb: Annotated[
        float | None,
        typer.Option(
            help="Stop with an error when the whole crawl has read more megabytes than "
            "this (the import needs about four times as much memory). Default: 200.",
            min=0.001,
            show_default=False,
        ),
    ] = None,
    follow_other_hosts: Annotated[
        bool,
        typer.Option(
            help="Follow links and redirects to other hosts or ports than the system's own."
        ),
    ] = False,
    cache: Annotated[
        Path | None,
        typer.Option(help="Folder of the download cache. Default: ~/.cache/sckg/oparl."),
    ] = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Do not read or write the download cache.")
    ] = False,
    refresh: Annotated[
        bool, typer.Option(help="Download again even what the cache holds.")
    ] = False,
    report: Annotated[
        Path | None,
        typer.Option(help="Write every skipped object and ignored field to this CSV file."),
    ] = None,
) -> None:
    """Import council papers, consultations, meetings, committees, agenda items, files, locations
    and legislative terms from OParl 1.0 or 1.1 (a folder of JSON objects, or a live system: paging,
    timeouts, retries, a local cache), with a dataset description. An existing --out file is
    updated: from a live system only what changed since the last run is fetched; prints what was
    added, changed and deleted, and leaves the file as it is when nothing changed. Reports what it
    skipped and why. Persons and memberships only with --with-persons."""
    from .ingest import oparl_fetch as limits
    from .ingest.oparl_fetch import Fetcher, default_cache_dir
    from .ingest.oparl_sync import sync_oparl

    check_suffix(out, "out", "ttl")
    fetcher = Fetcher(
        timeout=timeout,
        retries=retries,
        max_pages=max_pages or limits.MAX_PAGES,
        max_bytes=round(max_response_mb * 1e6) if max_response_mb else limits.MAX_BYTES,
        max_total_pages=max_total_pages or limits.MAX_TOTAL_PAGES,
        max_total_mb=max_total_mb or limits.MAX_TOTAL_MB,
        follow_other_hosts=follow_other_hosts,
        cache_dir=None if no_cache else (cache or default_cache_dir()),
        max_age=0 if refresh else 24 * 3600,
    )
    with progress_bars() as progress:
        sync = sync_oparl(
            source, city, out, with_persons=with_persons, fetcher=fetcher, progress=progress
        )
    _print_oparl_report(sync, out)
    if report:
        from .fileio import write_atomic
        from .output import render

        result = sync.result
        rows = [
            ["skipped", cli_text(s.type), s.id, cli_text(s.reason)] for s in result.report.skipped
        ]
        rows += [
            ["field", kind, name, t("cli.oparl_field_objects", VOICE.lang, n=n, why=cli_text(why))]
            for kind, name, n, why in result.report.ignored_fields()
        ]
        rows += [["note", s.type, s.id, cli_text(s.reason)] for s in result.report.notes]
        write_atomic(report, render(["kind", "type", "id", "reason"], rows, "csv"))
        status(t("cli.wrote_full_report", VOICE.lang, path=report))


def _print_oparl_report(sync: SyncResult, out: Path) -> None:
    report, lang = sync.result.report, VOICE.lang
    imported = sum(report.imported.values())
    kinds = ", ".join(f"{kind} {count}" for kind, count in sorted(report.imported.items()))
    done = "cli.wrote_oparl" if sync.written else "cli.unchanged_oparl"
    kinds = kinds or t("cli.none", lang)
    status(t(done, lang, out=out, triples=sync.triples, n=imported, kinds=kinds))
    if sync.since:
        status(t("cli.oparl_since", lang, since=sync.since))
    changes = (
        (t("cli.oparl_added", lang), sync.added),
        (t("cli.oparl_changed", lang), sync.changed),
        (t("cli.oparl_deleted", lang), sync.deleted),
    )
    parts = [
        f"{word} {sum(counts.values())} "
        f"({', '.join(f'{k} {n}' for k, n in sorted(counts.items()))})"
        for word, counts in changes
        if counts
    ]
    if sync.merged:
        status(
            t("cli.oparl_changes", lang, parts="; ".join(parts))
            if parts
            else t("cli.oparl_unchanged", lang)
        )
    if report.requests or report.cache_hits:
        status(t("cli.oparl_requests", lang, requests=report.requests, hits=report.cache_hits))
    if report.skipped:
        status(t("cli.oparl_skipped", lang, n=len(report.skipped)))
        for kind, reason, count in report.skipped_by_reason():
            kind = cli_text(kind) if kind else t("cli.oparl_no_type", lang)
            status(f"  {count:>5} {kind}: {cli_text(reason)}")
    fields: dict[tuple[str, str], list[str]] = {}
    for kind, name, count, why in report.ignored_fields():
        fields.setdefault((name, cli_text(why)), []).append(f"{kind} {count}")
    if fields:
        status(t("cli.oparl_fields", lang, n=len(fields)))
        for (name, why), where in sorted(fields.items()):
            status(f"        {name} ({', '.join(where)}): {why}")
    if report.notes:
        status(t("cli.oparl_notes", lang, n=len(report.notes)))
        for note in report.notes[:5]:
            status(f"        {note.id}: {cli_text(note.reason)}")


@link_app.command("papers")
def link_papers(
    data: DataOpt = None,
    store: StoreOpt = "memory",
    lang: LangOpt = Lang.de,
    fmt: FormatOpt = Format.table,
    min_score: Annotated[
        float,
        typer.Option(
            help="Show proposals scoring at least this (a match word in the title scores 1)."
        ),
    ] = 1.0,
    review: ReviewOpt = None,
    decisions: DecisionsOpt = None,
    accept: Annotated[
        str | None,
        typer.Option(
            help="Accept proposals: 'all' or their numbers, e.g. 1,3,4 (as listed without "
            "--accept)."
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="With --accept or --decisions: the Turtle file the decisions are added to.",
        ),
    ] = None,
) -> None:
    """Propose links from council papers to projects and fields of action, scored with their
    evidence: the SKOS keywords of fields and projects (ontology/vocab/fields.ttl, the Keywords
    column of the template), matched in German (inflections, compounds) in the title, paper type,
    committees and texts. --review writes a review file; --decisions FILE --out links.ttl keeps what
    a person accepted (dcterms:subject) and rejected (sckg:rejectedSubject); load links.ttl with the
    data and neither is proposed again."""
    from .errors import UsageError
    from .link import (
        accepted,
        propose_paper_links,
        read_review,
        select_proposals,
        write_decisions,
        write_review,
    )
    from .output import emit

    if (accept is not None or decisions is not None) and out is None:
        raise UsageError(error_message("error.accept_out"))
    if decisions is not None and out is not None:
        # the data finds the projects and fields named in the column other_target
        chosen = read_review(
            decisions,
            open_graph(data, store) if data else None,
            other_review("papers", decisions, out),
        )
    else:
        proposals = propose_paper_links(open_graph(data, store), lang.value, min_score)
        if review is not None:
            write_review(proposals, review, lang.value)
            command = f"sckg link papers --decisions {review} --out links.ttl"
            review_written(len(proposals), "proposals", review, command)
            return
        if accept is None:
            rows = [
                [
                    n,
                    f"{p.score:g}",
                    p.paper_label,
                    p.target_label,
                    p.kind,
                    p.evidence_text(lang.value),
                    p.paper,
                    p.target,
                ]
                for n, p in enumerate(proposals, start=1)
            ]
            emit(
                ["n", "score", "paper", "target", "kind", "evidence", "paper_iri", "target_iri"],
                rows,
                fmt.value,
            )
            return
        chosen = accepted(select_proposals(proposals, accept))
    assert out is not None
    links, rejected = write_decisions(chosen, out)
    taken = sum(d.decision == "accept" for d in chosen)
    decided(
        taken, len(chosen) - taken, "proposals", out, "links", accepted=links, rejected=rejected
    )


@link_app.command("actors")
def link_actors(
    data: DataOpt = None,
    store: StoreOpt = "memory",
    lang: LangOpt = Lang.de,
    fmt: FormatOpt = Format.table,
    review: ReviewOpt = None,
    decisions: DecisionsOpt = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", "-o", help="With --decisions: the Turtle file the decisions are added to."
        ),
    ] = None,
) -> None:
    """Propose which actors of the inventory and organizations of the council records are the same:
    same name, one's short name, same kind. --review writes a review file; --decisions FILE --out
    same.ttl keeps what a person accepted (owl:sameAs: maps and analyses show one actor) and
    rejected (owl:differentFrom); load same.ttl with the data and neither is proposed again."""
    from .actor_match import (
        propose_actor_matches,
        read_actor_review,
        write_actor_decisions,
        write_actor_review,
    )
    from .errors import UsageError
    from .output import emit

    if decisions is not None:
        if out is None:
            raise UsageError(error_message("error.decisions_out"))
        chosen = read_actor_review(decisions, other_review("actors", decisions, out))
        same, different = write_actor_decisions(chosen, out)
        taken = sum(d.decision == "accept" for d in chosen)
        decided(
            taken,
            len(chosen) - taken,
            "proposals",
            out,
            "matches",
            accepted=same,
            rejected=different,
        )
        return
    matches = propose_actor_matches(open_graph(data, store), lang=lang.value)
    if review is not None:
        write_actor_review(matches, review)
        command = f"sckg link actors --decisions {review} --out same.ttl"
        review_written(len(matches), "proposals", review, command)
        return
    rows = [
        [m.score, m.actor_label, m.organization_label, m.evidence_text(), m.actor, m.organization]
        for m in matches
    ]
    emit(
        ["score", "actor", "organization", "evidence", "actor_iri", "organization_iri"],
        rows,
        fmt.value,
    )


def export(
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="Export format.")],
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="Output file (for csv: a folder for nodes.csv and edges.csv). "
            "Default for ttl, nt, jsonld, graphml, gexf: standard output.",
        ),
    ] = None,
    projection: Annotated[
        ProjectionName,
        typer.Option(help="For graphml, gexf and csv: the network projection to export."),
    ] = ProjectionName.entity,
    city: Annotated[
        str | None,
        typer.Option(
            help="For xlsx: the city whose IRIs become short IDs (default: the most common)."
        ),
    ] = None,
    with_papers: Annotated[
        bool,
        typer.Option(
            help="For graphml, gexf and csv of the entity projection: add the council papers "
            "linked to projects and fields, with their consultations and meetings (dated, for a "
            "timeline)."
        ),
    ] = False,
    data: DataOpt = None,
    store: StoreOpt = "memory",
    lang: LangOpt = Lang.de,
    formula_guard: FormulaGuardOpt = True,
    csv_dialect: CsvDialectOpt = CsvDialect.standard,
) -> None:
    """Export the graph: RDF (ttl, nt, jsonld with the sckg context), a network projection with
    labels, classes and metrics for Gephi (graphml, gexf, csv of nodes and edges, formula-safe), or
    the inventory spreadsheet template (xlsx, importable again with 'sckg import table')."""
    from .errors import UsageError
    from .export import export_graph

    out = None if out == STDOUT else out
    if out is None and fmt in (ExportFormat.csv, ExportFormat.xlsx):
        raise UsageError(
            error_message(
                "error.export_folder" if fmt is ExportFormat.csv else "error.export_file",
                fmt=fmt.value,
            )
        )
    if out is not None and fmt is not ExportFormat.csv:  # csv: a folder
        check_suffix(out, "out", *_ENDINGS.get(fmt, (fmt.value,)))
    result = export_graph(
        open_graph(data, store),
        fmt.value,
        projection=projection.value,
        lang=lang.value,
        city=city,
        with_papers=with_papers,
        formula_guard=formula_guard,
        csv_dialect=csv_dialect.value,
    )
    if out is None:
        sys.stdout.buffer.write(next(iter(result.values())))
        sys.stdout.flush()
        return
    from .fileio import write_atomic

    paths = [
        write_atomic(out / name if fmt is ExportFormat.csv else out, content)
        for name, content in result.items()
    ]
    status(t("cli.wrote", VOICE.lang, paths=", ".join(str(p) for p in paths)))


def generate(
    projects: Annotated[
        int, typer.Option(help="Number of projects (about 27 triples each).")
    ] = 100,
    seed: SeedOpt = 1,
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="The Turtle file to write (default: standard output)."),
    ] = None,
) -> None:
    """Write a synthetic city (clearly labelled synthetic, valid against the shapes) for tests and
    benchmarks: a few hub actors and many small ones, dependency chains, a cycle per 1,000
    projects."""
    from .generate import generate_chunks

    chunks = generate_chunks(projects, seed)
    if out is None or out == STDOUT:
        for chunk in chunks:
            typer.echo(chunk, nl=False)
        return
    from .fileio import write_atomic

    write_atomic(out, "".join(chunks))
    status(t("cli.generated", VOICE.lang, n=projects, seed=seed, out=out))
