"""Comparing cities: ``sckg compare``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from .choices import CompareView
from .cli_common import (
    VOICE,
    DecisionsOpt,
    Format,
    FormatOpt,
    Lang,
    LangOpt,
    check_suffix,
    open_cities,
    other_review,
    review_written,
    status,
)
from .cli_common import decided as said_decided
from .words import t

if TYPE_CHECKING:
    from .compare import CityData, Comparison


def compare(
    data: Annotated[
        list[Path] | None,
        typer.Option(
            "--data",
            "-d",
            help="One city's RDF file or folder; repeat for each city (at least two).",
            show_default=False,
        ),
    ] = None,
    show: Annotated[
        CompareView,
        typer.Option(
            help="fields: city × reference field; sdg: city × SDG goal; gaps: where others act and "
            "--city has nothing; best: best-practice candidates for each project of --city; "
            "structure: the "
            "programmes side by side; targets: SDG targets proposed for each project and "
            "strategic goal of --city; "
            "mapping: reference fields proposed for each own field of action of --city (one "
            "--data is enough for both)."
        ),
    ] = CompareView.fields,
    city: Annotated[
        str | None,
        typer.Option(
            help="The city that is 'we' for gaps and best (its name or IRI; default: the first "
            "--data)."
        ),
    ] = None,
    lang: LangOpt = Lang.de,
    fmt: FormatOpt = Format.table,
    chart: Annotated[
        Path | None,
        typer.Option(help="With --show fields or sdg: also write the heat-map (.png or .svg)."),
    ] = None,
    top: Annotated[
        int | None,
        typer.Option(
            help="Best-practice candidates (default 2) or SDG targets (default: the best and one "
            "that ties with it) per project, at most.",
            show_default=False,
        ),
    ] = None,
    min_score: Annotated[
        float | None,
        typer.Option(
            help="Show candidates scoring at least this (default 0.75; SDG targets 0.5).",
            show_default=False,
        ),
    ] = None,
    review: Annotated[
        Path | None,
        typer.Option(
            help="Write the best-practice candidates to this review file (.csv or .xlsx)."
        ),
    ] = None,
    decisions: DecisionsOpt = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="With --decisions: the Turtle file of --city's data the decisions are added to.",
        ),
    ] = None,
) -> None:
    """Compare two or more cities (one --data each; each dataset names its city with
    dcterms:coverage, fictional ones are marked) through the reference fields of action and the
    SDGs: coverage, what others do that --city does not, the structure of the programmes, and
    best-practice candidates for each project with their evidence (shared word parts, the same
    reference field, the same SDG targets). --review writes the candidates to a review file;
    --decisions FILE --out FILE.ttl keeps what a person accepted (sckg:refersToExample to a
    sckg:BestPracticeExample) and rejected (sckg:rejectedExample); put FILE.ttl with --city's data
    and neither is proposed again."""
    from .errors import UsageError
    from .output import emit
    from .words import error_message

    chart_format = None if chart is None else _chart_format(chart, show)
    if decisions is not None and show in (CompareView.targets, CompareView.mapping):
        _proposal_decisions(show, decisions, out)
        return
    if decisions is not None:
        from .compare import BEST_PRACTICE_COLUMNS, write_decisions
        from .link import read_review_table

        if out is None:
            raise UsageError(error_message("error.decisions_out"))
        decided = read_review_table(
            decisions,
            BEST_PRACTICE_COLUMNS[6:9],
            written_by="sckg compare --show best --review",
            other_kind=other_review(CompareView.best.value, decisions, out),
        )
        examples, rejected = write_decisions(decided, out)
        taken = sum(r["decision"] == "accept" for r in decided)
        said_decided(
            taken,
            len(decided) - taken,
            "candidates",
            out,
            "examples",
            accepted=examples,
            rejected=rejected,
        )
        return
    if show == CompareView.targets and data and len(data) == 1:
        _targets(data[0], lang.value, top, min_score, review, fmt)
        return
    if show == CompareView.mapping:
        if not data or len(data) != 1:
            raise UsageError(error_message("error.mapping_one"))
        _mapping(data[0], lang.value, top, min_score, review, fmt)
        return
    if not data or len(data) < 2:
        raise UsageError(error_message("error.compare_two"))
    comparison = _comparison(data, lang.value)
    we = city or comparison.cities[0].city.iri
    if show == CompareView.targets:
        ours = comparison.city(we)
        _show_targets(ours, comparison.field_labels, lang.value, top, min_score, review, fmt)
        return
    if review is not None or show == CompareView.best:
        _best(comparison, we, top, min_score, review, fmt)
        return
    if show in (CompareView.fields, CompareView.sdg):
        from .compare import COVERAGE_COLUMNS, coverage

        frame = "field" if show == CompareView.fields else "sdg"
        emit(COVERAGE_COLUMNS, coverage(comparison, frame), fmt.value)
        if chart is not None and chart_format is not None:
            _chart(comparison, frame, chart, chart_format)
        return
    if show == CompareView.gaps:
        from .compare import GAP_COLUMNS, gaps

        emit(GAP_COLUMNS, gaps(comparison, we), fmt.value)
        return
    from .compare import structure, structure_values
    from .formatting import rounded

    if fmt in (Format.csv, Format.json):  # numbers under codes, as a program reads them
        cities = [c.city.name(comparison.lang) for c in comparison.cities]
        rows = [
            [key, *(None if v is None else rounded(v, 1) for v in values)]
            for key, values in structure_values(comparison)
        ]
        emit(["measure", *cities], rows, fmt.value)
        return
    columns, rows = structure(comparison)
    emit(columns, rows, fmt.value)


def _comparison(data: list[Path], lang: str) -> Comparison:
    from .compare import compare as compare_cities

    graphs = open_cities(data, "data")
    return compare_cities(graphs, [str(path) for path in data], lang)


def _best(
    comparison: Comparison,
    we: str,
    top: int | None,
    min_score: float | None,
    review: Path | None,
    fmt: Format,
) -> None:
    from .compare import THRESHOLD, TOP, best_practice, review_rows
    from .link import write_review_table
    from .output import emit

    candidates = best_practice(
        comparison,
        we,
        top if top is not None else TOP,
        min_score if min_score is not None else THRESHOLD,
    )
    if review is not None:
        from .compare import BEST_PRACTICE_COLUMNS

        write_review_table(BEST_PRACTICE_COLUMNS, review_rows(candidates, comparison), review)
        city = comparison.city(we).city.name(comparison.lang)
        command = f"sckg compare --decisions {review} --out FILE.ttl"
        review_written(len(candidates), "candidates", review, command, city)
        return
    rows = [
        [
            n,
            round(c.score, 2),
            c.project.title,
            c.example.title,
            c.city.name(comparison.lang),
            c.evidence(comparison),
            c.project.iri,
            c.example.iri,
        ]
        for n, c in enumerate(candidates, start=1)
    ]
    emit(
        ["n", "score", "project", "example", "city", "evidence", "project_iri", "example_iri"],
        rows,
        fmt.value,
    )


def _targets(
    data: Path,
    lang: str,
    top: int | None,
    min_score: float | None,
    review: Path | None,
    fmt: Format,
) -> None:
    from .compare import load_city

    (kg,) = open_cities([data], "data")
    city = load_city(kg, str(data), lang)
    labels = kg.labels(sorted({f for item in city.items for f in item.fields}), lang)
    _show_targets(city, labels, lang, top, min_score, review, fmt)


def _show_targets(
    city: CityData,
    field_labels: dict[str, str],
    lang: str,
    top: int | None,
    min_score: float | None,
    review: Path | None,
    fmt: Format,
) -> None:
    from . import targets

    proposals = targets.propose_targets(
        city,
        top if top is not None else targets.TOP,
        min_score if min_score is not None else targets.THRESHOLD,
        margin=targets.MARGIN if top is None else 0.0,  # --top N: the best N, tied or not
    )
    rows = targets.review_rows(proposals, lang, field_labels)
    _proposals(CompareView.targets, targets.TARGET_COLUMNS, rows, review, fmt, city.city.name(lang))


def _mapping(
    data: Path,
    lang: str,
    top: int | None,
    min_score: float | None,
    review: Path | None,
    fmt: Format,
) -> None:
    from . import field_matches
    from .compare import named_city

    (kg,) = open_cities([data], "data")
    proposals = field_matches.propose_field_matches(
        kg,
        lang,
        top if top is not None else field_matches.TOP,
        min_score if min_score is not None else field_matches.THRESHOLD,
    )
    rows = field_matches.review_rows(proposals, lang)
    # the city whose data the decisions go with, as the other reviews name it (data that names
    # none: its path)
    city = named_city(kg, str(data), lang) if review is not None else None
    name = city.name(lang) if city is not None else str(data)
    _proposals(CompareView.mapping, field_matches.MATCH_COLUMNS, rows, review, fmt, name)


def _proposals(
    show: CompareView,
    columns: tuple[str, ...],
    rows: list[list[Any]],
    review: Path | None,
    fmt: Format,
    city: str,
) -> None:
    """Proposals (SDG targets or reference fields) as a table, or into the review file
    ``review``."""
    from .link import write_review_table
    from .output import emit

    if review is None:
        emit(["n", *columns[1:]], [[n, *r[1:]] for n, r in enumerate(rows, 1)], fmt.value)
        return
    write_review_table(columns, rows, review)
    command = f"sckg compare --show {show.value} --decisions {review} --out FILE.ttl"
    review_written(len(rows), show.value, review, command, city)


def _proposal_decisions(show: CompareView, decisions: Path, out: Path | None) -> None:
    """Keep the decisions of a review file of SDG targets or of reference fields."""
    from . import field_matches, targets
    from .errors import UsageError
    from .link import read_review_table
    from .words import error_message

    if out is None:
        raise UsageError(error_message("error.decisions_out"))
    columns, write = (
        (targets.TARGET_COLUMNS, targets.write_decisions)
        if show == CompareView.targets
        else (field_matches.MATCH_COLUMNS, field_matches.write_decisions)
    )
    decided = read_review_table(
        decisions,
        columns[5:],
        written_by=f"sckg compare --show {show.value} --review",
        other_kind=other_review(show.value, decisions, out),
    )
    accepted, rejected = write(decided, out)
    taken = sum(r["decision"] == "accept" for r in decided)
    said_decided(
        taken,
        len(decided) - taken,
        show.value,
        out,
        show.value,
        accepted=accepted,
        rejected=rejected,
    )


def _chart_format(path: Path, show: CompareView) -> str:
    """The format of the heat-map ``path`` (png or svg); a usage error for another or for a view
    without a heat-map, before anything is printed."""
    from .errors import UsageError
    from .words import error_message

    if show not in (CompareView.fields, CompareView.sdg):
        raise UsageError(error_message("error.chart_show"))
    return check_suffix(path, "chart", "png", "svg")


def _chart(comparison: Comparison, frame: str, path: Path, fmt: str) -> None:
    from .compare import coverage_matrix
    from .fileio import write_atomic
    from .report.charts import matrix_image

    rows, columns, cells = coverage_matrix(comparison, frame)
    title = t(f"compare.heatmap.{frame}", comparison.lang)
    write_atomic(path, matrix_image(title, rows, columns, cells, comparison.lang, fmt))
    status(t("cli.wrote", VOICE.lang, paths=path))


def register(app: typer.Typer) -> None:
    """Add the comparison's command."""
    app.command("compare")(compare)
