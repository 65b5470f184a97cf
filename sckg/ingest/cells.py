"""Reading inventory spreadsheets and checking their cells: ``.xlsx`` workbooks and CSV files as raw
sheets, every cell checked against its column's type, the allowed values of the vocabulary columns,
and the errors (file, sheet, row, column, value, what was expected).
"""

from __future__ import annotations

import csv
import datetime as dt
import decimal
import io
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from .. import resources
from ..errors import DataError, Message
from ..kg import TABLE_SUFFIXES
from ..namespaces import (
    FIELD,
    FORMAT,
    KIND,
    LAW,
    OPARL,
    ORG,
    OUTPUT,
    PHASE,
    PROV,
    ROLE,
    SCHEMA,
    SCKG,
    SKOS,
    STATEMENT,
    STATUS,
    slug,
)
from ..words import error_message
from . import template
from .template import Column

_NAME = r"[A-Za-z0-9][A-Za-z0-9._~-]*"
#: A name alone (``wlan``): the ID of a row in its sheet's folder.
NAME_PATTERN = re.compile(rf"^{_NAME}$")
#: An ID: a name (``wlan``, IRI ``<city>/<folder of the sheet>/wlan``) or ``folder/name`` (IRI
#: ``<city>/folder/name``).
ID_PATTERN = re.compile(rf"^(?:{_NAME}/)?{_NAME}$")
IRI_PATTERN = re.compile(r"^https?://\S+$")
_GERMAN_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_TRUE = {"ja", "yes", "true", "wahr", "1", "x", "j", "y"}
_FALSE = {"nein", "no", "false", "falsch", "0", "n"}

#: Fixed choices of the goal and source type columns: IRI (class) → German and English word.
GOAL_TYPES = {
    SCKG + "StrategicGoal": ("Strategisches Ziel", "strategic goal"),
    SCKG + "Vision": ("Zielbild", "vision"),
}
#: Choices of the Kind column that name a class, not a ``kind:`` concept: IRI (class) → short name,
#: German and English word. An actor of such a choice gets the class and no ``org:classification``
#: (Ulm's units: the text does not say Amt or Fachbereich).
KIND_CLASS_CHOICES = {
    ORG + "OrganizationalUnit": ("unit", "Organisationseinheit", "organisational unit"),
}
SOURCE_TYPES = {
    PROV + "Entity": ("Dokument", "document"),
    OPARL + "Paper": ("Vorlage", "council paper"),
    SCKG + "InterviewRecord": ("Interview", "interview"),
    SCKG + "WorkshopRecord": ("Workshop", "workshop"),
}
BUDGET_TYPES = {
    SCHEMA + "MonetaryAmount": ("Betrag", "amount"),
    SCKG + "BudgetLine": ("Haushaltsansatz", "budget line"),
}
WORK_TYPES = {
    SCKG + "ProcessPhase": ("Phase", "phase"),
    SCKG + "Task": ("Aufgabe", "task"),
    SCKG + "Deliverable": ("Ergebnis", "deliverable"),
    SCKG + "Assessment": ("Prüfung", "assessment"),
}


#: What a cell of each column type must hold, as the error messages say it.
@dataclass(frozen=True)
class Choice:
    """One allowed value of a vocabulary column: the IRI it stands for, its short name and
    labels."""

    iri: str
    slug: str
    de: str
    en: str

    def label(self, lang: str) -> str:
        """The word for the choice in ``lang``."""
        return self.de if lang == "de" else self.en


@cache
def choices() -> dict[str, tuple[Choice, ...]]:
    """The allowed values of the vocabulary columns: ``kind``, ``status``, ``field``, ``role``,
    ``phase``, ``law``, ``contract_type``, ``output``, ``statement``, ``format`` (from the sckg
    vocabularies), ``goal_type``, ``source_type``, ``budget_type`` and ``work_type`` (classes)."""
    store = ox.Store()
    for path in resources.model_files():
        store.bulk_load(path=str(path), format=ox.RdfFormat.TURTLE)
    found: dict[str, tuple[Choice, ...]] = {}
    for name, ns in (
        ("kind", KIND),
        ("status", STATUS),
        ("field", FIELD),
        ("role", ROLE),
        ("phase", PHASE),
        ("output", OUTPUT),
        ("statement", STATEMENT),
        ("format", FORMAT),
    ):
        rows = store.query(
            f"SELECT ?c ?de ?en WHERE {{ ?c skos:inScheme <{ns}scheme> ; skos:prefLabel ?de , ?en "
            ". "
            'FILTER(lang(?de) = "de" && lang(?en) = "en") }',
            prefixes={"skos": SKOS},
        )
        assert isinstance(rows, ox.QuerySolutions)  # a SELECT
        found[name] = tuple(
            sorted(
                {Choice(c.value, c.value[len(ns) :], de.value, en.value) for c, de, en in rows},
                key=_order(ns),
            )
        )
    for name, where in (
        ("law", "?c a sckg:LegalRequirement ."),
        (
            "contract_type",
            "?c skos:broader law:procurement FILTER NOT EXISTS { ?c a sckg:LegalRequirement }",
        ),
    ):
        rows = store.query(
            f"SELECT ?c ?de ?en WHERE "
            f"{{ {where} ?c skos:inScheme law:scheme ; skos:prefLabel ?de , ?en . "
            'FILTER(lang(?de) = "de" && lang(?en) = "en") }',
            prefixes={"skos": SKOS, "sckg": SCKG, "law": LAW},
        )
        assert isinstance(rows, ox.QuerySolutions)  # a SELECT
        found[name] = tuple(
            sorted(
                {Choice(c.value, c.value[len(LAW) :], de.value, en.value) for c, de, en in rows},
                key=_order(LAW),
            )
        )
    found["kind"] += tuple(
        Choice(iri, short, de, en) for iri, (short, de, en) in KIND_CLASS_CHOICES.items()
    )
    found["goal_type"] = tuple(
        Choice(iri, slug(en), de, en) for iri, (de, en) in GOAL_TYPES.items()
    )
    found["source_type"] = tuple(
        Choice(iri, en.split()[-1], de, en) for iri, (de, en) in SOURCE_TYPES.items()
    )
    for name, types in (("budget_type", BUDGET_TYPES), ("work_type", WORK_TYPES)):
        found[name] = tuple(Choice(iri, slug(en), de, en) for iri, (de, en) in types.items())
    return found


def _order(ns: str) -> Callable[[Choice], int]:
    """Vocabulary choices in the order of the scheme file (kept stable for the help sheet)."""
    text = "\n".join(p.read_text(encoding="utf-8") for p in resources.model_files())
    prefix = {
        KIND: "kind:",
        STATUS: "status:",
        FIELD: "field:",
        ROLE: "role:",
        PHASE: "phase:",
        LAW: "law:",
        OUTPUT: "output:",
        STATEMENT: "statement:",
        FORMAT: "format:",
    }[ns]
    return lambda c: text.find(f"\n{prefix}{c.slug}\n")


def choice_text() -> dict[str, str]:
    """The allowed values per column type, as shown on the help sheet: ``German label (short
    name)``."""
    return {
        kind: ", ".join(f"{c.de} ({c.slug})" for c in values) for kind, values in choices().items()
    }


# --- errors ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CellError:
    """One problem in a spreadsheet: where it is, what was found and what was expected."""

    file: str
    sheet: str
    row: int | None
    column: str | None
    value: str | None
    expected: str

    def message(self) -> Message:
        """Where the problem is, what was found and what was expected, in English and German."""
        row = "" if self.row is None else error_message("error.cell.row", row=self.row)
        column = (
            "" if self.column is None else error_message("error.cell.column", column=self.column)
        )
        got = f"'{self.value}'" if self.value else error_message("error.cell.nothing")
        return error_message(
            "error.cell",
            file=self.file,
            sheet=self.sheet,
            row=row,
            column=column,
            got=got,
            expected=self.expected,
        )

    def __str__(self) -> str:
        return str(self.message())


def expected_of(exc: ValueError) -> str:
    """What a cell's value was expected to be, as a check raised it: in both languages where the
    check said so (a :class:`~sckg.errors.Message`)."""
    return exc.args[0] if exc.args and isinstance(exc.args[0], Message) else str(exc)


class TableError(DataError):
    """A spreadsheet has errors; ``errors`` lists every one of them."""

    def __init__(self, errors: Sequence[CellError]) -> None:
        self.errors = list(errors)
        lines = [error_message("error.table", n=len(errors)), *(e.message() for e in errors)]
        en, de = ("\n".join(line.in_lang(lang).template for line in lines) for lang in ("en", "de"))
        super().__init__(Message(en, de=de))


# --- reading --------------------------------------------------------------------------------------


#: Spreadsheets are read by what they hold, never by the size they declare (a file of a few KB
#: may declare A1:XFD1048576): at most MAX_CELLS cells (each row counted up to its last cell, an
#: empty row as one), from at most MAX_BYTES bytes (a CSV file; an xlsx file unpacked, so a zip
#: bomb is refused before it is read).
MAX_CELLS = 2_000_000
MAX_BYTES = 100_000_000


@dataclass
class RawSheet:
    """The cells of one sheet as read: header and data rows (with their spreadsheet row numbers)."""

    file: str
    name: str
    rows: list[tuple[int, tuple[Any, ...]]]
    letters: bool  # an xlsx sheet (columns have letters) or a CSV file
    #: The notation of amounts the file shows by itself: ``de`` for a CSV separated by ``;`` (what
    #: Excel and LibreOffice with German settings save: the comma is their decimal sign), else none.
    notation: str | None = None

    def column(self, index: int, name: str) -> str:
        """How an error names the column at ``index`` (from 0) headed ``name``: ``C 'Status'``
        (xlsx) or ``3 'Status'`` (CSV)."""
        from openpyxl.utils import get_column_letter

        return f"{get_column_letter(index + 1) if self.letters else index + 1} '{name}'"


def shown(value: str, limit: int = 60) -> str:
    """``value`` quoted for a one-line message: control characters escaped, a long text cut (with
    its length)."""
    if len(value) <= limit:
        return repr(value)
    return f"{value[:limit] + '…'!r} ({len(value):,} characters)"


def _sizes(path: Path, size: int) -> dict[str, object]:
    """The values of a message about a file too big to read: its path, its size and the limit."""
    return {"path": path, "mb": f"{size / 1e6:.1f}", "most": f"{MAX_BYTES / 1e6:g}"}


@dataclass(frozen=True)
class Formula:
    """A formula cell of a workbook without its computed value: openpyxl, pandas and scripts write
    a formula alone, Excel and LibreOffice save its value beside it. As text it is the formula."""

    text: str

    def __str__(self) -> str:
        return self.text


def _read_xlsx(path: Path) -> list[RawSheet]:
    import zipfile

    try:
        # sizes as declared: reading more than that fails the CRC check
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(item.file_size for item in archive.infolist())
    except zipfile.BadZipFile:
        raise DataError(error_message("error.not_xlsx_zip", path=path)) from None
    except OSError as exc:
        raise DataError(
            error_message("error.unreadable", path=path, reason=exc.strerror or exc)
        ) from None
    if unpacked > MAX_BYTES:
        raise DataError(error_message("error.workbook_too_big", **_sizes(path, unpacked)))
    try:  # reading the parts can fail however the archive is broken: a bad CRC, a bad stream
        with zipfile.ZipFile(path) as archive:
            formulas = _has_formulas(archive)
        sheets, blanks = _xlsx_values(path, formulas)
        if blanks:
            _xlsx_formulas(path, sheets, blanks)
    except DataError:
        raise
    except Exception as exc:  # openpyxl raises many types for a broken or foreign file
        raise DataError(error_message("error.bad_xlsx", path=path, reason=exc)) from None
    return sheets


#: The start of a formula element in a sheet's XML (with or without a namespace prefix).
_FORMULA_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s/>]")


def _has_formulas(archive: Any) -> bool:
    """Whether a sheet of the workbook has a formula cell: only then are its values checked for
    formulas without one (a second reading)."""
    return any(
        _FORMULA_TAG.search(archive.read(name))
        for name in archive.namelist()
        if name.startswith("xl/worksheets/") and name.endswith(".xml")
    )


#: The cells of a file that hold nothing as values: sheet (from 0) → row → columns (from 0).
_Blanks = dict[int, dict[int, list[int]]]


def _xlsx_values(path: Path, formulas: bool) -> tuple[list[RawSheet], _Blanks]:
    """The sheets of a workbook as values (what a spreadsheet program computed and saved), and, if
    it has ``formulas``, the cells without a value that may hold one (in the file as numbers
    without a value: a formula's empty text is text)."""
    from openpyxl import load_workbook
    from openpyxl.cell.read_only import ReadOnlyCell

    sheets: list[RawSheet] = []
    blanks: _Blanks = {}
    cells = 0
    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        for index, ws in enumerate(workbook.worksheets):
            ws.reset_dimensions()  # the declared dimension is not trusted
            rows: list[tuple[int, tuple[Any, ...]]] = []
            read: Iterator[tuple[Any, ...]] = ws.iter_rows(values_only=not formulas)
            for number, row in enumerate(read, start=1):
                cells += max(len(row), 1)
                if cells > MAX_CELLS:
                    raise DataError(
                        error_message(
                            "error.workbook_cells",
                            path=path,
                            sheet=ws.title,
                            row=number,
                            most=f"{MAX_CELLS:,}",
                        )
                    )
                values = tuple(cell.value for cell in row) if formulas else row
                empty = (
                    [
                        column
                        for column, cell in enumerate(row)
                        if cell.value is None
                        and cell.data_type == "n"
                        and type(cell) is ReadOnlyCell
                    ]
                    if formulas
                    else []
                )
                if empty:
                    blanks.setdefault(index, {})[number] = empty
                if number == 1 or empty or any(value is not None for value in values):
                    rows.append((number, values))
            sheets.append(RawSheet(path.name, ws.title, rows, letters=True))
    finally:
        workbook.close()
    return sheets, blanks


def _xlsx_formulas(path: Path, sheets: list[RawSheet], blanks: _Blanks) -> None:
    """Put a :class:`Formula` into each of the ``blanks`` of ``sheets`` that holds a formula
    without its value (openpyxl reads the formulas), and leave out rows that hold nothing."""
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=False)
    try:
        for index, rows in blanks.items():
            ws = workbook.worksheets[index]
            ws.reset_dimensions()
            found: dict[int, dict[int, Formula]] = {}
            for number, row in enumerate(ws.iter_rows(max_row=max(rows)), start=1):
                for column in rows.get(number, ()):
                    cell = row[column] if column < len(row) else None
                    if cell is not None and cell.data_type == "f":
                        text = getattr(cell.value, "text", cell.value)
                        found.setdefault(number, {})[column] = Formula(
                            text if isinstance(text, str) else "="
                        )
            sheet = sheets[index]
            sheet.rows = [
                (number, _with_formulas(values, found.get(number, {})))
                for number, values in sheet.rows
                if number == 1 or number in found or any(v is not None for v in values)
            ]
    finally:
        workbook.close()


def _with_formulas(values: tuple[Any, ...], formulas: dict[int, Formula]) -> tuple[Any, ...]:
    """``values`` with the cells of ``formulas`` replaced."""
    if not formulas:
        return values
    return tuple(formulas.get(column, value) for column, value in enumerate(values))


def _read_csv(path: Path) -> RawSheet:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise DataError(error_message("error.csv_too_big", **_sizes(path, size)))
        raw = path.read_bytes()
    except OSError as exc:
        raise DataError(
            error_message("error.unreadable", path=path, reason=exc.strerror or exc)
        ) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as utf8:
        try:
            text = raw.decode("cp1252")  # "CSV" as saved by Excel on Windows
        except UnicodeDecodeError:
            line = raw.count(b"\n", 0, utf8.start) + 1
            byte = f"0x{raw[utf8.start]:02x}"
            raise DataError(
                error_message("error.not_utf8", path=path, row=line, byte=byte)
            ) from None
    first = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first.count)
    rows: list[tuple[int, tuple[Any, ...]]] = []
    cells = 0
    limit = csv.field_size_limit(MAX_BYTES)  # a cell may be as long as the file; restored below
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        for number, row in enumerate(reader, start=1):
            cells += max(len(row), 1)
            if cells > MAX_CELLS:
                raise DataError(
                    error_message("error.csv_cells", path=path, row=number, most=f"{MAX_CELLS:,}")
                )
            rows.append((number, tuple(row)))
    except csv.Error as exc:
        raise DataError(
            error_message("error.bad_csv_row", path=path, row=len(rows) + 1, reason=exc)
        ) from None
    finally:
        csv.field_size_limit(limit)
    notation = "de" if delimiter == ";" else None
    return RawSheet(path.name, path.stem, rows, letters=False, notation=notation)


def read_sheets(path: Path) -> list[RawSheet]:
    """The sheets of an ``.xlsx`` file, a CSV file or a folder of CSV files."""
    path = Path(path)
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix.lower() == ".csv" and p.is_file())
        if not files:
            raise DataError(error_message("error.no_csv_files", path=path))
        return [_read_csv(p) for p in files]
    if not path.is_file():
        raise DataError(error_message("error.no_such_file", path=path))
    suffix = path.suffix.lower()
    if suffix in TABLE_SUFFIXES and suffix != ".csv":
        return _read_xlsx(path)
    if suffix == ".csv":
        return [_read_csv(path)]
    if suffix in (".ods", ".xls", ".numbers"):
        raise DataError(error_message("error.save_as_xlsx", path=path, suffix=suffix))
    raise DataError(error_message("error.not_a_table", path=path))


# --- checking cells -------------------------------------------------------------------------------


def text_of(value: Any) -> str:
    """A cell as trimmed text (whole numbers without ``.0``, dates as ISO dates)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    return str(value).strip()


#: What separates the values of a cell of several.
_PARTS = re.compile(r"[;\n]")


def _split(value: Any, multi: bool) -> list[str]:
    text = text_of(value)
    if not multi:
        return [text] if text else []
    return [part.strip() for part in _PARTS.split(text) if part.strip()]


def _canonical_decimal(value: decimal.Decimal) -> str:
    return format(value.normalize(), "f")  # 250000.00 → 250000, 64827.390 → 64827.39


def parse_cell(col: Column, value: Any) -> Any:
    """A checked cell value, or raise ``ValueError`` with what was expected. An amount written as
    text is an
    :class:`Amount`: whether it reads two ways is decided for its whole column
    (:func:`column_notation`)."""
    if isinstance(value, Formula):
        raise ValueError(error_message("expected.computed"))
    if col.type in ("id", "text", "ref"):
        values = _split(value, col.multi)
        if (
            col.type == "id"
            and values
            and not (ID_PATTERN.match(values[0]) or IRI_PATTERN.match(values[0]))
        ):
            raise ValueError(error_message("expected.id"))
        return values if col.multi else (values[0] if values else None)
    text = text_of(value)
    if not text:
        return [] if col.multi else None
    if col.type in ("date", "date_or_year"):
        return _date(value, text, col.type == "date_or_year")
    if col.type == "decimal":
        if isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0:
            # a number cell: exact, nothing to guess
            return _canonical_decimal(decimal.Decimal(repr(value)))
        return read_amount(text)
    if col.type == "bool":
        if isinstance(value, bool):
            return value
        if text.casefold() in _TRUE | _FALSE:
            return text.casefold() in _TRUE
        raise ValueError(error_message("expected.bool"))
    if col.type == "int":
        if re.fullmatch(r"\d+", text) and int(text) >= 1:
            return int(text)
        raise ValueError(error_message("expected.int"))
    if col.type == "url":
        if IRI_PATTERN.match(text):
            try:
                return checked_iri(text)
            except ValueError:
                pass
        raise ValueError(error_message("expected.url"))
    if col.type == "sdg":
        numbers = [
            re.sub(r"^sdg\s*", "", part, flags=re.IGNORECASE) for part in _split(value, True)
        ]
        if not all(n.isdigit() and 1 <= int(n) <= 17 for n in numbers):
            raise ValueError(error_message("expected.sdg"))
        return [int(n) for n in numbers]
    if col.multi:
        return [vocab_iri(col.type, part) for part in _split(value, True)]
    return vocab_iri(col.type, text)


#: The notations an amount written as text may be in (Babel locales), German first.
NOTATIONS = ("de", "en")
_CURRENCY = ("euro", "eur", "€")


@dataclass(frozen=True)
class Amount:
    """An amount written as text, with its value in each notation that reads it: ``250.000`` is
    250000 in German notation and 250 in English, ``1.250,50`` only German, ``250000`` both
    alike."""

    text: str
    readings: dict[str, decimal.Decimal]

    @property
    def notation(self) -> str | None:
        """The notation the text shows by itself: the only one that reads it."""
        return next(iter(self.readings)) if len(self.readings) == 1 else None

    def value(self, notation: str | None) -> str | None:
        """The amount as an xsd:decimal: the value all readings agree on, else its value in
        ``notation``; None while it reads two ways and ``notation`` does not decide."""
        values = {_canonical_decimal(v) for v in self.readings.values()}
        if len(values) == 1:
            return values.pop()
        if notation in self.readings:
            return _canonical_decimal(self.readings[notation])
        return None

    def ambiguity(self) -> Message:
        """What a cell must hold instead, naming both readings (each number in the notation of the
        message's language: 1.25 in English is 1,25 in German)."""
        german, english = (
            Message(value, de=value.replace(".", ","))
            for value in (_canonical_decimal(self.readings[n]) for n in NOTATIONS)
        )
        return error_message("expected.two_readings", german=german, english=english)


def read_amount(text: str) -> Amount:
    """An amount in euros in German or English notation (``250.000``, ``1.250,50``, ``1,250.50``,
    ``250000``, ``250 000``, ``250.000,- €``, ``EUR 1,250``), read by Babel's locale rules (strict:
    digit groups of three); ``ValueError`` with what was expected when no notation reads it."""
    from babel.numbers import NumberFormatError, get_group_symbol, parse_decimal

    number = text.strip()
    for sign in _CURRENCY:
        if number.casefold().startswith(sign):
            number = number[len(sign) :].strip()
        if number.casefold().endswith(sign):
            number = number[: -len(sign)].strip()
    notations = list(NOTATIONS)
    if number.endswith((",-", ",--")):  # German for whole euros: 250.000,-
        number, notations = number.rstrip("-")[:-1], ["de"]
    readings: dict[str, decimal.Decimal] = {}
    if number.isascii() and number.isdigit():  # no separator: the same in every notation (and fast)
        readings = dict.fromkeys(notations, decimal.Decimal(number))
    elif number and all(c in "0123456789.," or c.isspace() for c in number):
        for notation in notations:
            locale = _locale(notation)
            # a space between digit groups separates thousands in both notations
            grouped = get_group_symbol(locale).join(number.split())
            try:
                readings[notation] = parse_decimal(grouped, locale=locale, strict=True)
            except NumberFormatError:
                continue
    if not readings:
        raise ValueError(error_message("expected.decimal"))
    return Amount(text, readings)


@cache
def _locale(notation: str) -> Any:
    """Babel's locale of a notation, parsed once."""
    from babel import Locale

    return Locale.parse(notation)


def column_notation(amounts: Sequence[Amount], file_notation: str | None) -> str | None:
    """The notation in which a column's amounts that read two ways are read: the one its other
    amounts show (none when they show both), else the file's (:attr:`RawSheet.notation`)."""
    shown = {a.notation for a in amounts} - {None}
    if shown:
        return shown.pop() if len(shown) == 1 else None
    return file_notation


def _date(value: Any, text: str, year_ok: bool) -> dt.date | int:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if year_ok and re.fullmatch(r"\d{4}", text):
        return int(text)
    day = day_of_text(text)
    if day is None:
        raise ValueError(error_message("expected.date_or_year" if year_ok else "expected.date"))
    return day


def day_of_text(text: str) -> dt.date | None:
    """The day a text writes as 2024-03-31 or 31.03.2024 (German), or None for anything else."""
    german = _GERMAN_DATE.match(text)
    try:
        if german:
            return dt.date(int(german.group(3)), int(german.group(2)), int(german.group(1)))
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return dt.date.fromisoformat(text)
    except ValueError:
        pass
    return None


def _word(text: str) -> str:
    return re.sub(r"[\s_-]+", " ", text.casefold()).strip()


@cache
def _vocab_index(kind: str) -> dict[str, str]:
    """Every accepted spelling of a vocabulary column's values (short name, German, English) →
    IRI."""
    return {_word(w): c.iri for c in reversed(choices()[kind]) for w in (c.slug, c.de, c.en)}


def vocab_iri(kind: str, text: str) -> str:
    """The IRI of a vocabulary column's value (short name, ``prefix:name``, German or English
    label)."""
    iri = _vocab_index(kind).get(_word(text.split(":", 1)[-1]))
    if iri:
        return iri
    choices_of = ", ".join(f"{c.de} ({c.slug})" for c in choices()[kind])
    what = error_message(f"expected.{kind}")
    raise ValueError(error_message("expected.choice", what=what, choices=choices_of))


def checked_iri(value: str) -> str:
    """``value`` if it is a valid IRI, else ``ValueError`` with what an ID must look like."""
    try:
        return ox.NamedNode(value).value
    except ValueError:
        raise ValueError(error_message("expected.id")) from None


def read_back(rows: Mapping[str, Sequence[Sequence[Any]]], file: str) -> list[RawSheet] | None:
    """The template's sheets as reading :func:`workbook_bytes` ``(rows, ...)`` saved as ``file``
    gives them, without writing it: openpyxl's own number formatting and parsing, dates as
    datetimes, rows of nothing but empty cells left out. None when a value's trip through the file
    is not modelled here (such as a very long or error-like text, a carriage return, or a
    date in a text column): then only writing and reading tells."""
    import math

    from openpyxl.cell.cell import ERROR_CODES
    from openpyxl.compat import safe_string
    from openpyxl.utils.datetime import from_excel, to_excel
    from openpyxl.worksheet._reader import _cast_number  # type: ignore[attr-defined]

    def value(cell: Any, text: bool) -> Any:
        if cell is None or type(cell) is bool:
            return cell
        if cell == "":
            return None  # an empty cell
        if type(cell) is str:
            plain = len(cell) <= 32_767 and cell.strip() == cell
            unsafe = "\r" in cell or "_x" in cell or cell in ERROR_CODES
            return cell if plain and not unsafe else _UNMODELLED
        if (type(cell) is int and abs(cell) < 10**15) or type(cell) in (float, decimal.Decimal):
            return _cast_number(safe_string(cell)) if math.isfinite(cell) else _UNMODELLED
        if type(cell) is dt.date and not text and cell >= dt.date(1900, 3, 1):
            return from_excel(_cast_number(safe_string(to_excel(cell))))  # type: ignore[no-untyped-call]
        return _UNMODELLED

    sheets = []
    for sheet in template.SHEETS:
        text = [col.type in ("id", "text", "ref") for col in sheet.columns]
        read: list[tuple[int, tuple[Any, ...]]] = [(1, tuple(c.header for c in sheet.columns))]
        for number, row in enumerate(rows.get(sheet.key, ()), start=2):
            cells = tuple(value(cell, text[i]) for i, cell in enumerate(row))
            if _UNMODELLED in cells:
                return None
            if any(cell is not None for cell in cells):
                read.append((number, cells))
        sheets.append(RawSheet(file, sheet.name, read, letters=True))
    return sheets


#: A value :func:`read_back` does not model.
_UNMODELLED = object()
