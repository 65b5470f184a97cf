"""Query results as Python sees them: RDF terms, the :class:`Table` of a SELECT, and plain
values."""

from __future__ import annotations

import decimal
import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, cast

import pyoxigraph as ox

from .errors import SckgError
from .namespaces import XSD
from .words import error_message

Term = ox.NamedNode | ox.BlankNode | ox.Literal


@dataclass
class Table:
    """The result of a SELECT query: column names and rows of RDF terms (``None`` where unbound)."""

    columns: list[str]
    rows: list[tuple[Term | None, ...]] = field(default_factory=list)
    #: What a column holds when the query says so (:data:`COLUMN_KINDS`): the dtype of a column
    #: without values (an empty result keeps its dtypes).
    types: dict[str, str] = field(default_factory=dict)

    #: Rows shown by :meth:`_repr_html_`, and by ``repr()`` (and the characters of a cell there).
    HTML_ROWS = 50
    TEXT_ROWS = 10
    TEXT_CELL = 40

    def bound_rows(self) -> list[tuple[Term, ...]]:
        """:attr:`rows` typed without ``None``, for a query whose every variable is bound in every
        solution (each in a required pattern: no OPTIONAL, no UNION branch that leaves it out).
        Nothing is checked or copied: the query's author vouches for it, as the type checker cannot
        read SPARQL."""
        return cast(list[tuple[Term, ...]], self.rows)

    def records(self) -> list[dict[str, Any]]:
        """Rows as dictionaries of plain Python values (see :func:`to_python`)."""
        return [dict(zip(self.columns, map(to_python, row), strict=True)) for row in self.rows]

    def to_pandas(self) -> Any:
        """The rows as a ``pandas.DataFrame`` (pandas is optional: ``pip install pandas``).

        A column whose values are all of one kind gets its dtype: integers ``int64`` (``Int64`` with
        gaps), decimals and doubles ``float64``, dates ``datetime64[s]`` (also years and months,
        mixed with dates or not: a year as its first day), booleans ``bool`` (``boolean`` with
        gaps), IRIs and text ``str``. A column mixing kinds holds the plain values of
        :meth:`records`."""
        try:
            import pandas as pd
        except ImportError:
            raise SckgError(error_message("error.no_pandas")) from None
        columns = [[row[i] for row in self.rows] for i in range(len(self.columns))]
        return pd.DataFrame(
            {
                name: self._pandas_column(pd, terms, self.types.get(name, "text"))
                for name, terms in zip(self.columns, columns, strict=True)
            },
            columns=self.columns,
        )

    @staticmethod
    def _kind(term: Term) -> str:
        """What :meth:`to_pandas` makes of a term: ``integer``, ``float``, ``boolean``, ``date`` or
        ``text``."""
        if not isinstance(term, ox.Literal):
            return "text"
        datatype = term.datatype.value
        if datatype in _INTEGER_TYPES:
            return "integer"
        if datatype in (XSD + "decimal", XSD + "double", XSD + "float"):
            return "float"
        if datatype == XSD + "boolean":
            return "boolean"
        return "date" if datatype in _DATE_TYPES else "text"

    @classmethod
    def _pandas_column(cls, pd: Any, terms: list[Term | None], declared: str) -> Any:
        """One column of :meth:`to_pandas`: typed when all its values are of one kind, else plain
        values; without values of the ``declared`` kind."""
        values = [to_python(term) for term in terms]
        kinds = {cls._kind(term) for term in terms if term is not None}
        if not kinds:
            return pd.Series(values, dtype=_EMPTY_DTYPES[declared])
        gaps = None in values
        try:
            if kinds == {"date"}:
                return pd.Series(pd.to_datetime(values, format="ISO8601"), dtype="datetime64[s]")
            if kinds == {"integer"}:
                return pd.Series(values, dtype="Int64" if gaps else "int64")
            if kinds and kinds <= {"integer", "float"}:
                return pd.Series([None if v is None else float(v) for v in values], dtype="float64")
            if kinds == {"boolean"}:
                return pd.Series(values, dtype="boolean" if gaps else "bool")
            if kinds <= {"text"}:
                return pd.Series(values)
        except (
            ValueError,
            TypeError,
            OverflowError,
        ):  # a malformed literal or a number beyond int64
            pass
        return pd.Series(
            [float(v) if isinstance(v, decimal.Decimal) else v for v in values], dtype=object
        )

    def _repr_html_(self) -> str:
        """The table in Jupyter: an HTML table (text escaped, IRIs shortened with the full IRI as
        tooltip) of the first HTML_ROWS rows."""
        from html import escape

        from .namespaces import shorten

        def cell(term: Term | None) -> str:
            if isinstance(term, ox.NamedNode):
                return f'<td title="{escape(term.value)}">{escape(shorten(term.value))}</td>'
            return f"<td>{escape('' if term is None else str(to_python(term)))}</td>"

        head = "".join(f"<th>{escape(name)}</th>" for name in self.columns)
        body = "".join(f"<tr>{''.join(map(cell, row))}</tr>" for row in self.rows[: self.HTML_ROWS])
        shown = len(self.rows) > self.HTML_ROWS
        note = (
            f"<p>{self.HTML_ROWS} of {len(self.rows)} rows (Table.to_pandas() has all).</p>"
            if shown
            else ""
        )
        return (
            "<table "
            f'class="sckg-table"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{note}'
        )

    def __repr__(self) -> str:
        """A preview for the console: the size, then the first TEXT_ROWS rows as aligned text (IRIs
        shortened, values plain, long cells cut)."""
        rows = [self.columns] + [list(map(_text, row)) for row in self.rows[: self.TEXT_ROWS]]
        rows = [[_cut(cell, self.TEXT_CELL) for cell in row] for row in rows]
        widths = [max(len(row[i]) for row in rows) for i in range(len(self.columns))]
        lines = [
            "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in rows
        ]
        size = f"Table: {_count(len(self.rows), 'row')} × {_count(len(self.columns), 'column')}"
        if len(self.rows) > self.TEXT_ROWS:
            lines.append(
                f"… {len(self.rows) - self.TEXT_ROWS} more rows (Table.to_pandas() has all)"
            )
        return "\n".join([size, *lines])

    def __len__(self) -> int:
        return len(self.rows)


def _text(term: Term | None) -> str:
    """A term as a console shows it: an IRI shortened, a literal as its plain value, nothing for
    None."""
    from .namespaces import shorten

    if isinstance(term, ox.NamedNode):
        return shorten(term.value)
    return "" if term is None else " ".join(str(to_python(term)).split())


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _count(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def to_python(term: Term | None) -> Any:
    """An RDF term as a plain value: IRI → str, numbers → int/Decimal/float, boolean → bool, else
    the text."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    datatype = term.datatype.value
    try:
        if datatype in _INTEGER_TYPES:
            return int(term.value)
        if datatype == XSD + "decimal":
            number = decimal.Decimal(term.value)
            return number if number.is_finite() else term.value  # "NaN" is no xsd:decimal
        if datatype in (XSD + "double", XSD + "float"):
            return float(term.value)
        if datatype == XSD + "boolean":
            return term.value in ("true", "1")
    except (ValueError, decimal.InvalidOperation):
        pass
    return term.value


#: What a query may say a column holds (``# column: NAME KIND``), and the dtype of such a column
#: without values.
COLUMN_KINDS = ("integer", "decimal", "boolean", "date", "text")
_EMPTY_DTYPES = {
    "integer": "Int64",
    "decimal": "float64",
    "boolean": "boolean",
    "date": "datetime64[s]",
    "text": "str",
}
#: Columns of dates, years and months become dates (a year its first day, a month its first day).
_DATE_TYPES = {XSD + "date", XSD + "gYear", XSD + "gYearMonth"}
_INTEGER_TYPES = {
    XSD + t for t in ("integer", "int", "long", "short", "nonNegativeInteger", "positiveInteger")
}


def solution_rows(solutions: ox.QuerySolutions) -> list[tuple[Term | None, ...]]:
    """Every solution as a tuple of terms (with :func:`paused_gc`)."""
    with paused_gc():
        return list(map(tuple, solutions))


@contextmanager
def paused_gc() -> Iterator[None]:
    """Python's cyclic garbage collector paused within the block: while a hundred thousand objects
    are made and kept, it would scan them again and again (it nearly doubles the time of a query
    result of 100,000 rows, and took a fifth of an xlsx export of a large city's council data)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
