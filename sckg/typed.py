"""Typed values for the outputs: charts, tables, slides and map tooltips read every typed literal
through
:func:`value` (or :func:`records`, :func:`amount`, :func:`day`), which checks it as validation does
(:func:`sckg.shacl_sparql.well_formed`) and skips an ill-typed one such as
``"1.450.000,00"^^xsd:decimal`` instead of failing on it; :func:`left_out` names what was skipped,
for the output's notes.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pyoxigraph as ox

from .kg import KnowledgeGraph
from .namespaces import shorten
from .results import Table, Term, to_python
from .shacl_sparql import ill_typed, well_formed
from .words import t

#: :func:`left_out` names this many ill-typed literals, then counts the rest.
NOTES = 10


def value(term: Term | None) -> Any:
    """A term as a plain value (:func:`sckg.results.to_python`); None for None and for an ill-typed
    literal."""
    if isinstance(term, ox.Literal) and not well_formed(term.value, term.datatype.value):
        return None
    return to_python(term)


def records(table: Table) -> list[dict[str, Any]]:
    """A query's rows as dictionaries of plain values, as :meth:`Table.records` gives them but each
    value read through :func:`value` (an ill-typed literal is None)."""
    return [dict(zip(table.columns, map(value, row), strict=True)) for row in table.rows]


def amount(term: Term | None) -> Decimal | int | float | None:
    """A number (a budget, a count), or None for anything else: an ill-typed literal, text, an
    IRI."""
    found = value(term)
    return (
        found if isinstance(found, Decimal | int | float) and not isinstance(found, bool) else None
    )


def day(term: Term | None) -> date | None:
    """The day of a date (or date-time) literal, or None when the term holds no ISO date."""
    found = value(term)
    if isinstance(found, str):
        try:
            return date.fromisoformat(found[:10])
        except ValueError:
            return None
    return None


def left_out(kg: KnowledgeGraph, lang: str) -> list[str]:
    """One note per ill-typed literal of the data, naming its entity, property, value and datatype:
    what the outputs skip (the first :data:`NOTES`, then a line for the rest)."""
    rows = ill_typed(kg)
    labels = kg.labels({s.value for s, _, _ in rows[:NOTES]}, lang, fallback=False)
    notes = [
        t(
            "typed.left_out",
            lang,
            value=o.value,
            property=shorten(p.value),
            datatype=shorten(o.datatype.value),
            entity=f"{labels[s.value]} ({shorten(s.value)})"
            if s.value in labels
            else shorten(s.value),
        )
        for s, p, o in rows[:NOTES]
    ]
    if len(rows) > NOTES:
        notes.append(t("typed.more", lang, n=len(rows) - NOTES))
    return notes
