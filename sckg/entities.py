"""The one entity resolver: how a user names an entity, and which entity that is.

Every command and function that takes an entity (a project for ``impact``,
``focus``/``fields``/``departments`` of a map, an ``iri`` parameter of a named query) resolves it
here, so each accepts the same forms: a full IRI (with or without ``<>``), a prefixed name
(``field:smart-mobility``), the ``city:path`` short form the tables print
(``musterstadt:project/wlan``), a label in any language, or the IRI's last segment.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

from .errors import ParameterError
from .namespaces import (
    ALIAS_PROPERTIES,
    LABEL_PROPERTIES,
    MODEL_GRAPH,
    as_iri,
    sparql_values,
    tail,
)
from .words import CATALOGUE, error_message

if TYPE_CHECKING:
    from .kg import KnowledgeGraph


def resolve(
    spec: str,
    *,
    kg: KnowledgeGraph | None = None,
    candidates: Mapping[str, str] | None = None,
    what: str = "entity",
    param: str = "entity",
    classes: tuple[str, ...] = (),
) -> str:
    """The IRI of the entity ``spec`` names (see the module's docstring for the accepted forms).

    With ``candidates`` (IRI → label, e.g. the nodes of a map) only those are eligible, otherwise
    the entities of ``kg`` (of ``classes``, if given; one of the data wins over a vocabulary concept
    of the same name). With both, ``kg`` adds the candidates' labels in other languages. An unknown
    or ambiguous name is a :class:`ParameterError` naming ``param`` (``{=focus}`` for a function's
    parameter, which the CLI shows as its flag; see :class:`~sckg.errors.Message`), with
    suggestions.
    """
    if candidates is None and kg is None:
        raise ValueError("resolve() needs kg or candidates")
    iri = as_iri(spec)
    if iri is not None and (candidates is None or iri in candidates):
        return iri
    value, wanted = spec.strip(), spec.strip().casefold()
    by_label: set[str] = set()
    by_tail: set[str] = set()
    if candidates is not None:
        by_label = {i for i, label in candidates.items() if label.casefold() == wanted}
        by_tail = {i for i in candidates if tail(i).casefold() == wanted}
    if kg is not None:  # labels in every language; within ``candidates`` where given
        eligible = (lambda i: i in candidates) if candidates is not None else (lambda i: True)
        by_label |= set(filter(eligible, _labelled(kg, value, classes)))
        by_tail |= set() if by_label else set(filter(eligible, _by_tail(kg, value, classes)))
    for found in (sorted(by_label), sorted(by_tail)):
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            names = {**(kg.labels(found) if kg is not None else {}), **(candidates or {})}
            listed = "; ".join(f"{names.get(i, tail(i))} <{i}>" for i in found[:5])
            raise ParameterError(
                error_message(
                    "error.entity_ambiguous",
                    param=param,
                    value=_literal(spec),
                    n=len(found),
                    what=_what(what),
                    listed=listed,
                )
            )
    where = error_message("error.in_this_map") if candidates is not None else ""
    hint = _suggest(
        spec,
        sorted(set(candidates.values())) if candidates is not None else _all_labels(kg, classes),
    )
    raise ParameterError(
        error_message(
            "error.entity_unknown",
            param=param,
            value=_literal(spec),
            what=_what(what),
            where=where,
            hint=hint,
        )
    )


def _what(what: str) -> str:
    """The kind of entity ``what`` (``project``) in both languages, where the catalogue has it."""
    slug = what.replace(" ", "_")
    return error_message(f"error.what.{slug}") if f"error.what.{slug}" in CATALOGUE else what


def _literal(text: str) -> str:
    """``text`` as it may stand in a :class:`~sckg.errors.Message` (no ``{=…}`` of its own)."""
    return text.replace("{=", "{ =")


def _labelled(kg: KnowledgeGraph, value: str, classes: tuple[str, ...]) -> list[str]:
    """The entities with the label ``value`` (any language, any case); data before the
    vocabularies."""
    properties = sparql_values(LABEL_PROPERTIES + ALIAS_PROPERTIES)
    return _in_data_first(
        kg,
        f"VALUES ?p {{ {properties} }} GRAPH ?g {{ ?x ?p ?l }} FILTER(isIRI(?x) && LCASE(STR(?l)) "
        "= LCASE(?wanted))",
        value,
        classes,
    )


def _by_tail(kg: KnowledgeGraph, value: str, classes: tuple[str, ...]) -> list[str]:
    """The typed entities whose IRI ends in ``/value`` or ``#value`` (any case); data before the
    vocabularies."""
    if not re.fullmatch(r"[\w.~-]+", value):
        return []
    return _in_data_first(
        kg,
        "GRAPH ?g { ?x a ?type } FILTER(isIRI(?x)) BIND(LCASE(STR(?x)) AS ?s) FILTER(STRENDS(?s, "
        "CONCAT('/', LCASE(?wanted))) || STRENDS(?s, CONCAT('#', LCASE(?wanted))))",
        value,
        classes,
    )


def _in_data_first(
    kg: KnowledgeGraph, pattern: str, value: str, classes: tuple[str, ...]
) -> list[str]:
    """The ``?x`` of ``pattern`` (which binds ``?g`` and reads ``?wanted``), of ``classes`` if
    given; those of the data graphs if there are any, else those of the model."""
    import pyoxigraph as ox

    of_class = f" VALUES ?c {{ {sparql_values(classes)} }} ?x a ?c ." if classes else ""
    matches = kg.select(
        f"SELECT DISTINCT ?x ?g WHERE {{ {pattern} .{of_class} }}", {"wanted": ox.Literal(value)}
    )
    rows = [
        (row[0].value, row[1].value)
        for row in matches.rows
        if row[0] is not None and row[1] is not None
    ]
    in_data = [x for x, graph in rows if graph != MODEL_GRAPH]
    return in_data or [x for x, _ in rows]


def _all_labels(kg: KnowledgeGraph | None, classes: tuple[str, ...]) -> list[str]:
    if kg is None:
        return []
    of_class = f" VALUES ?c {{ {sparql_values(classes)} }} ?x a ?c ." if classes else ""
    table = kg.select(
        f"SELECT DISTINCT ?l WHERE {{ VALUES ?p {{ {sparql_values(LABEL_PROPERTIES)} }} ?x ?p ?l "
        f"FILTER(isIRI(?x)){of_class} }}"
    )
    return sorted({row[0].value for row in table.rows if row[0] is not None})


def _suggest(value: str, names: list[str]) -> str:
    """`` Did you mean: 'A', 'B'?`` for up to three close names, or names holding it with a typo or
    two (a part of a long label: 'Datenplatform' finds 'Offene Datenplattform Musterstadt'), else
    nothing."""
    from rapidfuzz import fuzz, process

    lower = {name.casefold(): name for name in names}
    wanted = value.strip().casefold()
    close = difflib.get_close_matches(wanted, lower, n=3, cutoff=0.6)
    if wanted and len(close) < 3:
        found = process.extract(
            wanted, list(lower), scorer=fuzz.partial_ratio, limit=6, score_cutoff=85
        )
        close += [n for n, _, _ in found if len(n) > len(wanted) and n not in close][
            : 3 - len(close)
        ]
    quoted = ", ".join(repr(lower[c]) for c in close)
    return error_message("error.did_you_mean", names=quoted) if close else ""
