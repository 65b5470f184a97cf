"""Inventory spreadsheets to RDF.

:func:`import_table` reads a filled template (an ``.xlsx`` workbook, or a folder of CSV files named
after the sheets), checks every cell, resolves references between sheets by ID or name and returns
the triples. IRIs are stable: ``<city base><folder>/<ID>``. Every row's entity is
``sckg:documentedIn`` the sources named in its row (or, if none, the imported file itself). Every
problem of a file is collected; if there is any, a
:class:`TableError` lists them all and nothing is returned to write.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from ..errors import DataError, Message
from ..namespaces import ADMS, DCTERMS, KIND, OPARL, ORG, PROV, RDF, RDFS, SCHEMA, SCKG, SKOS, slug
from ..words import error_message
from . import XSD_BOOLEAN, XSD_DATE, XSD_DECIMAL, XSD_GYEAR, XSD_INTEGER, ImportResult, city_base
from .cells import (
    IRI_PATTERN,
    KIND_CLASS_CHOICES,
    Amount,
    CellError,
    RawSheet,
    TableError,
    checked_iri,
    choice_text,
    choices,
    column_notation,
    expected_of,
    parse_cell,
    read_sheets,
    text_of,
    vocab_iri,
)
from .template import (
    HELP_NAMES,
    HELP_SHEET,
    SHEETS,
    SHEETS_BY_KEY,
    UNSOURCED,
    Column,
    Sheet,
    sheet_named,
)
from .template import write_template as _write_template

__all__ = [
    "SDG",
    "CellError",
    "TableError",
    "choice_text",
    "choices",
    "import_table",
    "write_template",
]

#: SDG n is linked as ``skos:closeMatch <http://metadata.un.org/sdg/n>``.
SDG = "http://metadata.un.org/sdg/"

#: Organisation kind → the classes an actor of that kind gets (no kind: ``org:Organization``).
KIND_CLASSES: dict[str, tuple[str, ...]] = {
    "city-administration": (ORG + "FormalOrganization", OPARL + "Body"),
    **dict.fromkeys(
        ("council", "committee", "steering-group", "coordination-body"),
        (ORG + "Organization", OPARL + "Organization"),
    ),
    **dict.fromkeys(
        ("dezernat", "stabsstelle", "fachbereich", "amt", "eigenbetrieb"),
        (ORG + "OrganizationalUnit",),
    ),
    **dict.fromkeys(
        ("municipal-company", "contractor", "research-institution", "external-partner"),
        (ORG + "FormalOrganization",),
    ),
}


def write_template(folder: Path | str) -> list[Path]:
    """Write the empty inventory template (``inventory.xlsx``, one CSV per sheet, ``Help.csv``) into
    ``folder``."""
    return _write_template(folder, choice_text())


# --- checking cells -------------------------------------------------------------------------------


@dataclass
class Row:
    """A data row with its checked values by column key (references still as text)."""

    sheet: Sheet
    number: int
    values: dict[str, Any]
    iri: str = ""


@dataclass
class _Context:
    """What the checks of one file share: the file's name, the city base and the errors found so
    far."""

    base: str
    errors: list[CellError] = field(default_factory=list)
    columns: dict[tuple[str, str], str] = field(
        default_factory=dict
    )  # (sheet key, column key) → 'C 'Status''

    sheets: list[str] = field(default_factory=list)  # files and sheets in the order they were read

    def error(
        self, raw: RawSheet, row: int | None, column: str | None, value: Any, expected: str
    ) -> None:
        self.errors.append(CellError(raw.file, raw.name, row, column, text_of(value), expected))

    def sorted_errors(self) -> list[CellError]:
        """The errors in reading order: by sheet, row and column."""
        from openpyxl.utils import column_index_from_string

        def key(e: CellError) -> tuple[int, int, int]:
            position = (e.column or "").split(" ", 1)[0]
            column = (
                int(position)
                if position.isdigit()
                else (column_index_from_string(position) if position.isalpha() else 0)
            )
            return self.sheets.index(f"{e.file}/{e.sheet}"), e.row or 0, column

        return sorted(self.errors, key=key)


def _columns(raw: RawSheet, sheet: Sheet, ctx: _Context) -> dict[int, Column]:
    """Map the header row onto the sheet's columns; report unknown, repeated and missing columns."""
    header = raw.rows[0][1] if raw.rows else ()
    found: dict[int, Column] = {}
    for index, cell in enumerate(header):
        name = text_of(cell)
        label = raw.column(index, name)
        if not name:
            continue
        col = next((c for c in sheet.columns if name.casefold() in c.names()), None)
        if col is None:
            headers = ", ".join(c.header for c in sheet.columns)
            ctx.error(
                raw, 1, label, name, error_message("expected.template_column", headers=headers)
            )
        elif col in found.values():
            ctx.error(raw, 1, label, name, error_message("expected.column_once", header=col.header))
        else:
            found[index] = col
            ctx.columns[(sheet.key, col.key)] = label
    for col in sheet.columns:
        if col.required and col not in found.values():
            ctx.error(raw, 1, f"'{col.header}'", None, error_message("expected.required_column"))
    return found


def _rows(raw: RawSheet, sheet: Sheet, ctx: _Context) -> list[Row]:
    columns = _columns(raw, sheet, ctx)
    rows = []
    for number, cells in raw.rows[1:]:
        if not any(text_of(c) for c in cells):
            continue
        values: dict[str, Any] = {}
        for index, col in columns.items():
            value = cells[index] if index < len(cells) else None
            label = ctx.columns[(sheet.key, col.key)]
            try:
                values[col.key] = parse_cell(col, value)
            except ValueError as exc:
                ctx.error(raw, number, label, value, expected_of(exc))
                if (
                    col.type == "id"
                ):  # keep the row findable, so references to it do not fail as well
                    values["id"] = text_of(value)
                continue
            if col.required and not values[col.key]:
                ctx.error(raw, number, label, value, error_message("expected.required_value"))
        keys = {col.key for col in columns.values()}
        if sheet.key == "budgets":
            _budget_amount(raw, sheet, number, values, keys, ctx)
        _end_after_start(raw, sheet, number, cells, columns, values, ctx)
        rows.append(Row(sheet, number, values))
    for col in columns.values():
        if col.type == "decimal":
            _decide_amounts(raw, ctx.columns[(sheet.key, col.key)], col.key, rows, ctx)
    return rows


def _budget_amount(
    raw: RawSheet, sheet: Sheet, number: int, values: dict[str, Any], keys: set[str], ctx: _Context
) -> None:
    """A budget row of type amount (the type an empty cell stands for) needs its amount: a
    ``schema:MonetaryAmount`` has exactly one ``schema:value``. Cells that are errors already are
    not reported twice."""
    if "budget_type" in keys and "budget_type" not in values:
        return  # the type is an error
    if (values.get("budget_type") or choices()["budget_type"][0].iri) != SCHEMA + "MonetaryAmount":
        return  # a budget line
    if "amount" in keys and "amount" not in values:
        return  # the amount is an error
    if values.get("amount") is None:
        label = ctx.columns.get((sheet.key, "amount"), f"'{sheet.column('amount').header}'")
        ctx.error(raw, number, label, None, error_message("expected.budget_amount"))


def _end_after_start(
    raw: RawSheet,
    sheet: Sheet,
    number: int,
    cells: tuple[Any, ...],
    columns: dict[int, Column],
    values: dict[str, Any],
    ctx: _Context,
) -> None:
    """A row's end (column ``end``) is not before its start (column ``start``): an error at the end
    that names the start's column and cell as written."""
    start, end = values.get("start"), values.get("end")
    if not (isinstance(start, dt.date) and isinstance(end, dt.date) and end < start):
        return
    where = {col.key: index for index, col in columns.items()}
    shown = f"'{text_of(cells[where['start']])}'"
    ctx.error(
        raw,
        number,
        ctx.columns[(sheet.key, "end")],
        cells[where["end"]],
        error_message(
            "expected.end_after_start", column=ctx.columns[(sheet.key, "start")], start=shown
        ),
    )


def _decide_amounts(raw: RawSheet, label: str, key: str, rows: list[Row], ctx: _Context) -> None:
    """Replace the column's amounts written as text by their values; one that reads two ways is read
    in the notation of the column or file (:func:`column_notation`), else it is an error naming both
    readings."""
    written = [(row, row.values[key]) for row in rows if isinstance(row.values.get(key), Amount)]
    notation = column_notation([amount for _, amount in written], raw.notation)
    for row, amount in written:
        row.values[key] = amount.value(notation)
        if row.values[key] is None:
            ctx.error(raw, row.number, label, amount.text, amount.ambiguity())


# --- resolving references -------------------------------------------------------------------------


def _sheet_names(keys: Sequence[str]) -> Message:
    """The sheets of ``keys`` as a message names them: the template's names joined by 'or', in
    German the German names joined by 'oder'."""
    sheets = [SHEETS_BY_KEY[key] for key in keys]
    return Message(" or ".join(s.name for s in sheets), de=" oder ".join(s.de for s in sheets))


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


_LABEL_KEYS = ("name_de", "name_en", "title_de", "title_en", "alt_de", "alt_en", "name")


@dataclass
class _Index:
    """IDs and names of the rows of every sheet, for resolving references."""

    ids: dict[str, dict[str, Row]] = field(default_factory=lambda: defaultdict(dict))
    names: dict[str, dict[str, list[Row]]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(list))
    )

    def add(self, row: Row) -> None:
        for key in _LABEL_KEYS:
            value = row.values.get(key)
            for name in value if isinstance(value, list) else [value] if value else []:
                rows = self.names[row.sheet.key][_norm(name)]
                if not rows or rows[-1] is not row:  # a row's names are added together
                    rows.append(row)

    def resolve(self, target: str, value: str) -> str:
        """The IRI a reference stands for, or raise ``ValueError`` with what was expected.
        ``target`` names the sheet, or several joined by ``+`` (the first that has the ID or name
        wins)."""
        if IRI_PATTERN.match(value):
            return checked_iri(value)
        targets = target.split("+")
        for key in targets:
            if value in self.ids[key]:
                return self.ids[key][value].iri
        for key in targets:
            rows = self.names[key].get(_norm(value), [])
            if len(rows) > 1:
                numbers = ", ".join(str(r.number) for r in rows)
                raise ValueError(
                    error_message("expected.unique_name", sheet=_sheet_names([key]), rows=numbers)
                )
            if rows:
                return rows[0].iri
        names = _sheet_names(targets)
        if "fields" not in targets:
            raise ValueError(error_message("expected.row", sheets=names))
        try:
            return vocab_iri("field", value)
        except ValueError:
            raise ValueError(error_message("expected.row_or_field", sheets=names)) from None


# --- building triples -----------------------------------------------------------------------------


class _Graph:
    """Collects triples with short helpers for IRIs and literals."""

    def __init__(self, formal: set[str]) -> None:
        self.triples: list[ox.Triple] = []
        self.nodes: dict[str, ox.NamedNode] = {}
        #: Actors typed org:FormalOrganization: the range of org:unitOf, so the only parents it may
        #: point to.
        self.formal = formal

    def node(self, iri: str) -> ox.NamedNode:
        node = self.nodes.get(iri)
        if node is None:
            node = self.nodes[iri] = ox.NamedNode(iri)
        return node

    def add(self, s: str, p: str, o: ox.NamedNode | ox.Literal | str) -> None:
        self.triples.append(
            ox.Triple(self.node(s), self.node(p), self.node(o) if isinstance(o, str) else o)
        )

    def text(self, s: str, p: str, value: str | list[str] | None, lang: str | None) -> None:
        for v in value if isinstance(value, list) else [value] if value else []:
            self.add(s, p, ox.Literal(v, language=lang) if lang else ox.Literal(v))

    def both(self, s: str, predicates: Sequence[str], values: dict[str, Any], key: str) -> None:
        for lang in ("de", "en"):
            for p in predicates:
                self.text(s, p, values.get(f"{key}_{lang}"), lang)


def _typed(value: Any) -> ox.Literal:
    if isinstance(value, bool):
        return ox.Literal("true" if value else "false", datatype=XSD_BOOLEAN)
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=XSD_GYEAR)
    return ox.Literal(value.isoformat(), datatype=XSD_DATE)


def import_table(path: Path | str, city: str) -> ImportResult[None]:
    """Read a filled inventory template (``.xlsx``, a CSV file or a folder of CSV files) as triples
    of the city.

    Raises :class:`TableError` with every problem of the file when there is any.
    """
    path = Path(path)
    return import_sheets(read_sheets(path), city, path)


def import_sheets(sheets: list[RawSheet], city: str, path: Path) -> ImportResult[None]:
    """:func:`import_table` of the ``sheets`` read from ``path`` (named in messages and in the
    source of rows that cite none)."""
    ctx = _Context(city_base(city))
    rows_by_sheet: dict[str, list[Row]] = {}
    raws: dict[str, RawSheet] = {}
    for raw in sheets:
        ctx.sheets.append(f"{raw.file}/{raw.name}")
        if raw.name in HELP_NAMES or raw.name == HELP_SHEET or raw.name.startswith("_"):
            continue
        sheet = sheet_named(raw.name)
        if sheet is None:
            names = ", ".join(s.name for s in SHEETS)
            ctx.error(
                raw, None, None, raw.name, error_message("expected.template_sheet", names=names)
            )
        elif sheet.key in rows_by_sheet:
            ctx.error(
                raw,
                None,
                None,
                raw.name,
                error_message(
                    "expected.sheet_once",
                    sheet=_sheet_names([sheet.key]),
                    other=raws[sheet.key].name,
                ),
            )
        else:
            raws[sheet.key] = raw
            rows_by_sheet[sheet.key] = _rows(raw, sheet, ctx)
    if not rows_by_sheet and not ctx.errors:
        raise DataError(
            error_message(
                "error.no_template_sheets", path=path, sheets=", ".join(s.name for s in SHEETS)
            )
        )
    index = _Index()
    for key, rows in rows_by_sheet.items():
        sheet = SHEETS_BY_KEY[key]
        if not any(c.type == "id" for c in sheet.columns):
            continue
        for row in rows:
            ident = row.values.get("id") or _derived_id(row)
            if not ident:
                continue
            row.iri = _row_iri(ctx.base, sheet.folder, ident)
            if ident in index.ids[key]:
                label = ctx.columns.get((key, "id"), f"'{sheet.column('id').header}'")
                ctx.error(
                    raws[key],
                    row.number,
                    label,
                    ident,
                    error_message("expected.new_id", row=index.ids[key][ident].number),
                )
                continue
            index.ids[key][ident] = row
            index.add(row)
    resolved = _resolve(rows_by_sheet, raws, index, ctx)
    if ctx.errors:
        raise TableError(ctx.sorted_errors())
    graph = _Graph(
        {
            row.iri
            for row in rows_by_sheet.get("actors", [])
            if ORG + "FormalOrganization" in _actor_classes(row)
        }
    )
    fallback = f"{ctx.base}source/{slug(path.name)}"
    used_fallback = False
    for key, rows in rows_by_sheet.items():
        for row in rows:
            refs = resolved[id(row)]
            if (
                key not in UNSOURCED
                and not refs.get("sources")
                and any(c.key == "sources" for c in row.sheet.columns)
            ):
                refs["sources"] = [fallback]
                used_fallback = True
            _BUILDERS.get(key, _entity)(graph, row, refs, ctx.base)
    if used_fallback:
        graph.add(fallback, RDF + "type", PROV + "Entity")
        for p in (RDFS + "label", DCTERMS + "title"):
            graph.text(fallback, p, f"Tabelle {path.name}", "de")
            graph.text(fallback, p, f"Spreadsheet {path.name}", "en")
    return ImportResult(
        graph.triples,
        {
            SHEETS_BY_KEY[k].name: len(v)
            for k, v in rows_by_sheet.items()
            if v or k in _FIRST_SHEETS
        },
        city_prefixes(ctx.base),
    )


_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def _derived_id(row: Row) -> str:
    """The ID of a row whose ID cell is empty: the slug of its name (German first), umlauts spelt
    out; a statement's from its text (at most 60 characters), a dot vote's from its workshop and
    item."""
    if row.sheet.key == "votes":
        parts = [row.values.get("workshop"), row.values.get("item")]
        texts = [p.rsplit("/", 1)[-1] for p in parts if isinstance(p, str)]
        return slug("-".join(texts).lower().translate(_UMLAUTS)) if len(texts) == 2 else ""
    for key in ("name_de", "title_de", "name", "name_en", "title_en", "text_de", "text_en"):
        value = row.values.get(key)
        if isinstance(value, str) and (ident := slug(value.lower().translate(_UMLAUTS))):
            return ident[:60].rstrip("-")
    return ""


def _row_iri(base: str, folder: str, ident: str) -> str:
    """The IRI of a row: a full IRI as it is, ``folder/name`` in the city, else ``name`` in the
    sheet's folder."""
    if IRI_PATTERN.match(ident):
        return ident
    return f"{base}{ident}" if "/" in ident or not folder else f"{base}{folder}/{ident}"


#: The sheets whose row count is reported also when they have no rows (the others only when they
#: have some).
_FIRST_SHEETS = ("actors", "projects", "fields", "goals", "dependencies", "sources")


def city_prefixes(base: str) -> dict[str, str]:
    """Turtle prefixes for the folders of a city's IRIs (``project:wlan``); ``cityfield:`` for its
    fields."""
    names = {
        "actor": "actor",
        "project": "project",
        "field": "cityfield",
        "goal": "goal",
        "source": "source",
        "budget": "budget",
    }
    return {name: f"{base}{folder}/" for folder, name in names.items()}


def _resolve(
    rows_by_sheet: dict[str, list[Row]], raws: dict[str, RawSheet], index: _Index, ctx: _Context
) -> dict[int, dict[str, list[str]]]:
    """The IRIs of every reference cell, by row; unresolved references become errors."""
    resolved: dict[int, dict[str, list[str]]] = {}
    for key, rows in rows_by_sheet.items():
        for row in rows:
            refs: dict[str, list[str]] = {}
            for col in row.sheet.columns:
                if col.type != "ref" or col.key not in row.values:
                    continue
                values = row.values[col.key]
                refs[col.key] = []
                for value in values if isinstance(values, list) else [values] if values else []:
                    try:
                        refs[col.key].append(index.resolve(col.target or "", value))
                    except ValueError as exc:
                        ctx.error(
                            raws[key],
                            row.number,
                            ctx.columns[(key, col.key)],
                            value,
                            expected_of(exc),
                        )
            if (
                key == "dependencies"
                and refs.get("project")
                and refs["project"][0] in refs.get("depends_on", [])
            ):
                ctx.error(
                    raws[key],
                    row.number,
                    ctx.columns[(key, "depends_on")],
                    row.values["project"],
                    error_message("expected.other_project"),
                )
            resolved[id(row)] = refs
    return resolved


def _common(g: _Graph, row: Row, refs: dict[str, list[str]]) -> None:
    """The statements of the row's columns that name their predicates (see :class:`Column`)."""
    for col in row.sheet.columns:
        if not col.predicates:
            continue
        objects = (
            refs.get(col.key, []) if col.type == "ref" else _objects(col, row.values.get(col.key))
        )
        for p in col.predicates:
            for o in objects:
                if col.inverse:
                    g.add(str(o), p, row.iri)
                else:
                    g.add(row.iri, p, o)
        if not objects and col.predicates == (
            RDF + "type",
        ):  # an empty type column: its first choice
            g.add(row.iri, RDF + "type", choices()[col.type][0].iri)


def _objects(col: Column, value: Any) -> list[ox.Literal | str]:
    """The RDF objects of a checked cell value (IRIs as strings)."""
    values = value if isinstance(value, list) else [] if value is None or value == "" else [value]
    if col.type == "text":
        return [ox.Literal(v, language=col.lang) if col.lang else ox.Literal(v) for v in values]
    if col.type in ("bool", "date", "date_or_year"):
        return [_typed(v) for v in values]
    if col.type == "int":
        return [ox.Literal(str(v), datatype=XSD_INTEGER) for v in values]
    if col.type == "decimal":
        return [ox.Literal(v, datatype=XSD_DECIMAL) for v in values]
    return [str(v) for v in values]  # url and vocabulary columns: IRIs


def _entity(g: _Graph, row: Row, refs: dict[str, list[str]], base: str) -> None:
    """A row of a sheet described by its columns alone: its classes and its columns' statements."""
    for cls in row.sheet.classes:
        g.add(row.iri, RDF + "type", cls)
    _common(g, row, refs)


def _budget(g: _Graph, row: Row, refs: dict[str, list[str]], base: str) -> None:
    _entity(g, row, refs, base)
    if row.values.get("amount") is not None and not row.values.get("currency"):
        g.text(row.iri, SCHEMA + "currency", "EUR", None)


def _actor(g: _Graph, row: Row, refs: dict[str, list[str]], base: str) -> None:
    v, s = row.values, row.iri
    kind = v.get("kind")
    for cls in _actor_classes(row):
        g.add(s, RDF + "type", cls)
    if kind and kind.startswith(KIND):  # not a class of the Kind column (KIND_CLASS_CHOICES)
        g.add(s, ORG + "classification", kind)
    g.both(s, [RDFS + "label"], v, "name")
    g.both(s, [SKOS + "altLabel"], v, "alt")
    g.both(s, [RDFS + "comment"], v, "comment")
    g.text(s, DCTERMS + "identifier", v.get("identifier"), None)
    if v.get("status"):
        g.add(s, ADMS + "status", v["status"])
    if v.get("publicly_owned") is not None:
        g.add(s, SCKG + "publiclyOwned", _typed(v["publicly_owned"]))
    for target in refs.get(
        "unit_of", []
    ):  # org:unitOf only to a formal organisation (its range), else the parent
        g.add(s, ORG + ("unitOf" if target in g.formal else "subOrganizationOf"), target)
    for key, p in (("owned_by", SCKG + "ownedBy"), ("partner_of", SCKG + "partnerOf")):
        for target in refs.get(key, []):
            g.add(s, p, target)
    _common(g, row, refs)


def _actor_classes(row: Row) -> tuple[str, ...]:
    kind = row.values.get("kind")
    if kind in KIND_CLASS_CHOICES:
        return (kind,)
    return KIND_CLASSES.get(kind[len(KIND) :] if kind else "", (ORG + "Organization",))


def _project(g: _Graph, row: Row, refs: dict[str, list[str]], base: str) -> None:
    v, s = row.values, row.iri
    g.add(s, RDF + "type", SCKG + "Project")
    g.both(s, [DCTERMS + "title", RDFS + "label"], v, "title")
    g.both(s, [DCTERMS + "description"], v, "description")
    g.both(s, [RDFS + "comment"], v, "comment")
    g.text(s, SCKG + "awardProcedure", v.get("award"), "de")
    for key, p in (
        ("managed_by", "managedBy"),
        ("participants", "hasParticipant"),
        ("contractors", "contractor"),
        ("fields", "inFieldOfAction"),
        ("goals", "contributesTo"),
        ("funded_by", "fundedBy"),
    ):
        for target in refs.get(key, []):
            g.add(s, SCKG + p, target)
    if v.get("status"):
        g.add(s, ADMS + "status", v["status"])
    for key, p in (("start", SCHEMA + "startDate"), ("end", SCHEMA + "endDate")):
        if v.get(key):
            g.add(s, p, _typed(v[key]))
    if v.get("budget") is not None:
        project_folder = f"{base}project/"
        budget = (
            f"{base}budget/{s[len(project_folder) :]}"
            if s.startswith(project_folder)
            else f"{s}/budget"
        )
        g.add(s, SCKG + "hasBudget", budget)
        g.add(budget, RDF + "type", SCHEMA + "MonetaryAmount")
        g.add(budget, SCHEMA + "value", ox.Literal(v["budget"], datatype=XSD_DECIMAL))
        g.text(budget, SCHEMA + "currency", "EUR", None)
        g.text(budget, RDFS + "label", f"Budget: {v['title_de']}", "de")
        if v.get("vat") is not None:
            g.add(budget, SCKG + "includesVAT", _typed(v["vat"]))
        for source in refs.get("sources", []):
            g.add(budget, SCKG + "documentedIn", source)
    _common(g, row, refs)


def _scheme(g: _Graph, iri: str, de: str, en: str) -> None:
    g.add(iri, RDF + "type", SKOS + "ConceptScheme")
    for p in (SKOS + "prefLabel", RDFS + "label"):
        g.text(iri, p, de, "de")
        g.text(iri, p, en, "en")


def _field(g: _Graph, row: Row, refs: dict[str, list[str]], base: str) -> None:
    v, s, scheme = row.values, row.iri, (refs.get("scheme") or [f"{base}fields"])[0]
    if not refs.get("scheme"):
        _scheme(g, scheme, "Handlungsfelder", "Fields of action")
    for cls in (SCKG + "FieldOfAction", SKOS + "Concept"):
        g.add(s, RDF + "type", cls)
    g.both(s, [SKOS + "prefLabel"], v, "name")
    g.both(s, [SKOS + "definition"], v, "definition")
    g.text(s, SKOS + "hiddenLabel", v.get("keywords"), "de")
    g.add(s, SKOS + "inScheme", scheme)
    g.add(s, SKOS + "topConceptOf", scheme)
    g.add(scheme, SKOS + "hasTopConcept", s)
    for key, p in (
        ("match", "exactMatch"),
        ("close_match", "closeMatch"),
        ("broad_match", "broadMatch"),
    ):
        if v.get(key):
            g.add(s, SKOS + p, v[key])
    if v.get("priority"):
        g.add(s, SCKG + "priority", ox.Literal(str(v["priority"]), datatype=XSD_INTEGER))
    _common(g, row, refs)


def _goal(g: _Graph, row: Row, refs: dict[str, list[str]], base: str) -> None:
    v, s, scheme = row.values, row.iri, (refs.get("scheme") or [f"{base}goals"])[0]
    if not refs.get("scheme"):
        _scheme(g, scheme, "Ziele", "Goals")
    cls = v.get("goal_type") or SCKG + "StrategicGoal"
    for c in (cls, SKOS + "Concept"):
        g.add(s, RDF + "type", c)
    g.both(s, [SKOS + "prefLabel"], v, "name")
    g.both(s, [SKOS + "definition"], v, "definition")
    g.add(s, SKOS + "inScheme", scheme)
    if cls == SCKG + "Vision":
        g.add(s, SKOS + "topConceptOf", scheme)
        g.add(scheme, SKOS + "hasTopConcept", s)
    for target in refs.get("broader", []):
        g.add(s, SKOS + "broader", target)
    for number in v.get("sdg") or []:
        g.add(s, SKOS + "closeMatch", f"{SDG}{number}")
    _common(g, row, refs)


def _dependency(g: _Graph, row: Row, refs: dict[str, list[str]], base: str) -> None:
    for project in refs.get("project", []):
        for other in refs.get("depends_on", []):
            g.add(project, SCKG + "dependsOn", other)


def _source(g: _Graph, row: Row, refs: dict[str, list[str]], base: str) -> None:
    v, s = row.values, row.iri
    g.add(s, RDF + "type", PROV + "Entity")
    if v.get("source_type") and v["source_type"] != PROV + "Entity":
        g.add(s, RDF + "type", v["source_type"])
    g.both(s, [DCTERMS + "title"], v, "title")
    for lang in ("de", "en"):
        g.text(s, RDFS + "label", v.get(f"label_{lang}") or v.get(f"title_{lang}"), lang)
    g.both(s, [DCTERMS + "description"], v, "description")
    if v.get("date"):
        g.add(s, DCTERMS + "date", _typed(v["date"]))
    if v.get("url"):
        g.add(s, SCHEMA + "url", v["url"])
    _common(g, row, refs)


#: The record of an interview or workshop: ``<activity>/record`` (what its statements are documented
#: in).
RECORD_CLASSES = {
    "interviews": (SCKG + "InterviewRecord", "Protokoll", "Record"),
    "workshops": (SCKG + "WorkshopRecord", "Protokoll", "Record"),
}


def record_of(activity: str) -> str:
    """The IRI of the record an interview or workshop row makes."""
    return f"{activity}/record"


def _activity(g: _Graph, row: Row, refs: dict[str, list[str]], base: str) -> None:
    """An interview or workshop (a prov:Activity) and its record (the prov:Entity it generated)."""
    _entity(g, row, refs, base)
    cls, de, en = RECORD_CLASSES[row.sheet.key]
    record = record_of(row.iri)
    g.add(record, RDF + "type", PROV + "Entity")
    g.add(record, RDF + "type", cls)
    g.add(record, PROV + "wasGeneratedBy", row.iri)
    name_de = row.values.get("name_de")
    g.text(record, RDFS + "label", f"{de}: {name_de}", "de")
    g.text(record, RDFS + "label", f"{en}: {row.values.get('name_en') or name_de}", "en")


def _statement(g: _Graph, row: Row, refs: dict[str, list[str]], base: str) -> None:
    """A statement, documented in the record of its interview or workshop."""
    _entity(g, row, refs, base)
    for activity in refs.get("source", []):
        g.add(row.iri, SCKG + "documentedIn", record_of(activity))


_BUILDERS = {
    "actors": _actor,
    "projects": _project,
    "fields": _field,
    "goals": _goal,
    "dependencies": _dependency,
    "sources": _source,
    "budgets": _budget,
    "interviews": _activity,
    "workshops": _activity,
    "statements": _statement,
}
