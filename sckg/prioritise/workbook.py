"""The scoring workbook of the steering group: written as a template, read back as scores and
weights.

Sheets (names in German and English, read in either language):

- ``Bewertung (Scores)``: a row per item (its IRI in column A), a column per member and criterion:
  row 1 names the member (rename it to a role, never to a person), row 2 the criterion; scores 1
  (very low) to 5 (very high) from a drop-down. An empty cell is a missing score: reported, never
  read as 0.
- ``Gewichte (Weights)``: a weight per criterion (direct weights), or leave them empty and fill
- ``Vergleiche (Comparisons)``: per member and pair of criteria how much more important A is than B
  on Saaty's scale (9 ... 1 ... 1/9); the members' judgments are combined by their geometric mean
  (AHP).
- ``Skala (Scale)``: the scale's labels; ``Info``: whether the scores are fictional.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import DataError
from ..ingest.cells import CellError, TableError, read_sheets, text_of
from ..words import error_message, t
from .ahp import Pair, saaty_value

#: People's criteria: key → more is better (impact, urgency) or worse (effort, risk).
PEOPLE_CRITERIA = {"impact": True, "urgency": True, "effort": False, "risk": False}
SCORES, WEIGHTS, COMPARISONS, SCALE, INFO = (
    "Bewertung (Scores)",
    "Gewichte (Weights)",
    "Vergleiche (Comparisons)",
    "Skala (Scale)",
    "Info",
)
SAATY = (
    "9",
    "8",
    "7",
    "6",
    "5",
    "4",
    "3",
    "2",
    "1",
    "1/2",
    "1/3",
    "1/4",
    "1/5",
    "1/6",
    "1/7",
    "1/8",
    "1/9",
)
FICTIONAL = "fiktiv (fictional)"
_HEAD = 2  # header rows of the scores sheet


@dataclass
class Scores:
    """What the workbook holds: per item IRI, criterion and member a score; weights or judgments."""

    file: str
    members: list[str]
    criteria: list[str]
    values: dict[str, dict[str, dict[str, int]]] = field(default_factory=dict)
    weights: dict[str, float] = field(default_factory=dict)
    judgments: dict[str, dict[Pair, float]] = field(default_factory=dict)
    fictional: bool = False


def _label(key: str) -> str:
    return f"{t(f'prio.criterion.{key}', 'de')} / {t(f'prio.criterion.{key}', 'en')}"


def _scale_entry(i: int) -> str:
    return f"{i} – {t(f'prio.scale.{i}', 'de')} / {t(f'prio.scale.{i}', 'en')}"


def template_bytes(
    items: Sequence[tuple[str, str, str]], criteria: Sequence[str], members: Sequence[str]
) -> bytes:
    """The workbook for ``items`` (IRI, label, department), the weighted ``criteria`` and
    ``members``."""
    from io import BytesIO

    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = SCORES
    people = list(PEOPLE_CRITERIA)
    ws.append(
        ["ID", "Eintrag / item", "Abteilung / department"] + [m for m in members for _ in people]
    )
    ws.append(["", "", ""] + [_label(c) for _ in members for c in people])
    for iri, label, department in items:
        ws.append([iri, label, department])
    last = get_column_letter(3 + len(members) * len(people))
    scale = DataValidation(type="list", formula1=f"'{SCALE}'!$A$2:$A$6", allow_blank=True)
    ws.add_data_validation(scale)
    if items:
        scale.add(f"D{_HEAD + 1}:{last}{_HEAD + len(items)}")
    for row in ws.iter_rows(min_row=1, max_row=_HEAD):
        for cell in row:
            cell.font = Font(bold=True)
    ws.column_dimensions["A"].hidden = True
    ws.column_dimensions["B"].width = 45
    ws.freeze_panes = "D3"

    sheet = wb.create_sheet(SCALE)
    sheet.append(["Wert / value", "Deutsch", "English"])
    for i in range(1, 6):
        sheet.append([_scale_entry(i), t(f"prio.scale.{i}", "de"), t(f"prio.scale.{i}", "en")])

    weights = wb.create_sheet(WEIGHTS)
    weights.append(["Kriterium / criterion", "Bezeichnung / label", "Gewicht / weight"])
    for c in criteria:
        weights.append([c, _label(c), None])

    pairs = wb.create_sheet(COMPARISONS)
    pairs.append(
        [
            "Mitglied / member",
            "Kriterium A / criterion A",
            "Kriterium B / criterion B",
            "A gegenüber B (9 … 1 … 1/9) / A over B",
        ]
    )
    for member in members:
        for a, b in itertools.combinations(criteria, 2):
            pairs.append([member, a, b, None])
    saaty = wb.create_sheet("Saaty")
    saaty.append(["Wert / value"])
    for value in SAATY:
        saaty.append([value])
    judged = DataValidation(
        type="list", formula1=f"Saaty!$A$2:$A${len(SAATY) + 1}", allow_blank=True
    )
    pairs.add_data_validation(judged)
    judged.add(f"D2:D{max(2, pairs.max_row)}")

    info = wb.create_sheet(INFO)
    info.append([FICTIONAL, "nein"])
    buffer = BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def read_scores(
    path: Path,
    items: Sequence[str],
    criteria: Sequence[str],
    *,
    what: str = "projects",
    others: Collection[str] = (),
) -> Scores:
    """The scores, weights and judgments of a filled workbook for ``items`` (the IRIs of the
    ``what``: projects or fields); every bad cell is named (sheet, row, column). A workbook whose
    IDs are all ``others`` (the items of the other kind) is one :class:`DataError` saying so."""
    sheets = {s.name: s for s in read_sheets(Path(path))}
    name = Path(path).name
    if SCORES not in sheets:
        raise DataError(error_message("error.no_scores_sheet", name=name, sheet=SCORES))
    names = {k: k for k in [*criteria, *PEOPLE_CRITERIA]}
    names.update({_label(k).casefold(): k for k in names})
    scores = Scores(name, [], list(criteria))
    errors: list[CellError] = []
    rows = sheets[SCORES].rows
    columns = _score_columns(rows, names, scores, errors)
    _read_score_rows(rows[_HEAD:], columns, set(items), scores, errors)
    _other_kind(rows[_HEAD:], set(items), set(others), name, what)
    if WEIGHTS in sheets:
        _read_weights(sheets[WEIGHTS].rows[1:], names, scores, errors)
    if COMPARISONS in sheets:
        _read_comparisons(sheets[COMPARISONS].rows[1:], names, scores, errors)
    if INFO in sheets:
        scores.fictional = _fictional(sheets[INFO].rows)
    if errors:
        raise TableError(errors)
    if scores.weights and scores.judgments:
        raise DataError(error_message("error.weights_and_pairs", name=name))
    return scores


Rows = Sequence[tuple[int, Sequence[Any]]]


def _score_columns(
    rows: Rows, names: dict[str, str], scores: Scores, errors: list[CellError]
) -> dict[int, tuple[str, str]]:
    """Column → (member, criterion) from the two header rows (a member's name spans its columns);
    the members in ``scores``."""
    from openpyxl.utils import get_column_letter

    header = rows[0][1] if rows else ()
    kinds = rows[1][1] if len(rows) > 1 else ()
    columns: dict[int, tuple[str, str]] = {}
    member = ""
    for col in range(3, max(len(header), len(kinds))):
        member = text_of(header[col] if col < len(header) else None) or member
        kind = text_of(kinds[col] if col < len(kinds) else None)
        if not kind:
            continue
        key = names.get(kind) or names.get(kind.casefold())
        if key not in PEOPLE_CRITERIA or not member:
            errors.append(
                CellError(
                    scores.file,
                    SCORES,
                    2,
                    get_column_letter(col + 1),
                    kind,
                    error_message("expected.score_criterion"),
                )
            )
            continue
        columns[col] = (member, key)
        if member not in scores.members:
            scores.members.append(member)
    return columns


def _read_score_rows(
    rows: Rows,
    columns: dict[int, tuple[str, str]],
    known: set[str],
    scores: Scores,
    errors: list[CellError],
) -> None:
    """Each item's scores by criterion and member; an unknown ID or a bad score is an error."""
    from openpyxl.utils import get_column_letter

    first: dict[str, int] = {}
    for number, row in rows:
        iri = text_of(row[0] if row else None)
        if not iri:
            continue
        if iri in first or iri not in known:
            expected = (
                error_message("expected.score_item_once", row=first[iri])
                if iri in first
                else error_message("expected.score_item")
            )
            errors.append(CellError(scores.file, SCORES, number, "A", iri, expected))
            continue
        first[iri] = number
        for col, (who, key) in columns.items():
            value = _score(row[col] if col < len(row) else None)
            if value is None:
                continue
            if value < 0:
                errors.append(
                    CellError(
                        scores.file,
                        SCORES,
                        number,
                        get_column_letter(col + 1),
                        text_of(row[col]),
                        error_message("expected.score"),
                    )
                )
                continue
            scores.values.setdefault(iri, {}).setdefault(key, {})[who] = value


def _other_kind(rows: Rows, items: set[str], others: set[str], name: str, what: str) -> None:
    """A :class:`DataError` when every ID of the scores sheet is an item of the other kind (a
    workbook of projects read for fields, or the other way round)."""
    ids = {text_of(row[0]) for _number, row in rows if row and text_of(row[0])}
    if others and ids and ids <= others and not ids & items:
        other = "fields" if what == "projects" else "projects"
        raise DataError(error_message(f"error.scores_other_kind.{other}", name=name))


def _read_weights(
    rows: Rows, names: dict[str, str], scores: Scores, errors: list[CellError]
) -> None:
    """The direct weights: criterion in column A, weight in column C."""
    for number, row in rows:
        key = text_of(row[0] if row else None)
        weight = text_of(row[2] if len(row) > 2 else None)
        if not weight:
            continue
        try:
            scores.weights[names[key]] = _nonnegative(weight)
        except (KeyError, ValueError):
            column, bad = ("A", key) if key not in names else ("C", weight)
            errors.append(
                CellError(
                    scores.file,
                    WEIGHTS,
                    number,
                    column,
                    bad,
                    error_message("expected.weight"),
                )
            )


def _read_comparisons(
    rows: Rows, names: dict[str, str], scores: Scores, errors: list[CellError]
) -> None:
    """The pairwise judgments: member, criterion A, criterion B, A over B on Saaty's scale."""
    for number, row in rows:
        cells = [text_of(row[i] if i < len(row) else None) for i in range(4)]
        if not cells[3]:
            continue
        a, b = names.get(cells[1]), names.get(cells[2])
        if a is None or b is None or a == b:
            errors.append(
                CellError(
                    scores.file,
                    COMPARISONS,
                    number,
                    "B" if a is None else "C",
                    cells[1] if a is None else cells[2],
                    error_message("expected.two_criteria"),
                )
            )
            continue
        try:
            scores.judgments.setdefault(cells[0] or "?", {})[(a, b)] = saaty_value(cells[3])
        except (ValueError, ZeroDivisionError):
            errors.append(
                CellError(
                    scores.file,
                    COMPARISONS,
                    number,
                    "D",
                    cells[3],
                    error_message("expected.judgment"),
                )
            )


def _fictional(rows: Rows) -> bool:
    """Whether the Info sheet marks the scores as fictional (yes, ja, true)."""
    return any(
        row
        and text_of(row[0]) == FICTIONAL
        and text_of(row[1] if len(row) > 1 else None).casefold() in ("ja", "yes", "true")
        for _number, row in rows
    )


def _score(value: Any) -> int | None:
    """1 ... 5 from a number or a scale entry (``4 – hoch / high``); None when empty, -1 when not a
    score."""
    text = text_of(value)
    if not text:
        return None
    head = text.split("–", 1)[0].split("-", 1)[0].strip()
    return int(head) if head in ("1", "2", "3", "4", "5") else -1


def _nonnegative(text: str) -> float:
    """A weight: a finite number of 0 or more (``nan``, ``inf`` and 1e309 are none)."""
    value = float(text.replace(",", "."))
    if not math.isfinite(value) or value < 0:
        raise ValueError(text)
    return value
