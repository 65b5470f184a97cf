"""SHACL Core shapes compiled to SPARQL, run on the store itself.

pySHACL needs the whole graph as an rdflib Graph: on a 100k-triple city, copying it there and
validating takes 15-20 s, and on a remote endpoint it pulls every triple. The shapes sckg uses need
only a small part of SHACL Core (targets by class, subjects and objects of a property; ``sh:class``,
``sh:minCount``, ``sh:maxCount``, ``sh:datatype``, ``sh:in``, ``sh:or`` of datatypes on a predicate
path, and SHACL-SPARQL constraints ``sh:sparql`` on a node shape, whose SELECT is used as it is),
and
each of those is one SPARQL query, answered by the store in milliseconds. :func:`compile_shapes`
raises :class:`NotCompiled` for a shapes graph using anything else; the caller then falls back to
pySHACL (the tests compare both on every dataset and on generated literals of every datatype below).

``sh:datatype`` follows XML Schema 1.1 Part 2: a literal of the datatype conforms only if its
lexical form is in the datatype's lexical space (no surrounding whitespace, no exponent in an
``xsd:decimal``) and names a value (no 30 February, no 29 February outside leap years; years may be
0000, negative or have more than four digits).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox

from .kg import KnowledgeGraph, OxigraphBackend
from .namespaces import MODEL_GRAPH, RDF, RDFS, SH, XSD, shorten

#: Result rows: focus node, severity IRI, source shape IRI, result path IRI or None, value term or
#: None.
Result = tuple[Any, str, str, str | None, Any]

_CONSTRAINTS = {
    SH + name for name in ("class", "minCount", "maxCount", "datatype", "in", "or", "sparql")
}
_TARGETS = {SH + name for name in ("targetClass", "targetSubjectsOf", "targetObjectsOf")}
_NOT_CONSTRAINTS = {
    RDF + "type",
    RDFS + "label",
    RDFS + "comment",
    SH + "name",
    SH + "message",
    SH + "description",
    SH + "severity",
    SH + "path",
    SH + "property",
    SH + "order",
    SH + "group",
    SH + "deactivated",
    *_TARGETS,
}
_INSTANCE = f"<{RDF}type>/<{RDFS}subClassOf>*"


def _same_term(variable: str, term: Any) -> str:
    """``sameTerm(variable, term)``, written out: on Virtuoso sameTerm of a stored literal and a
    literal in the query is false, and so is sameTerm of a stored IRI and an IRI in the query
    (docs/engines.md); ``=`` of two IRIs is the same test (RDF term equality)."""
    from rdflib import Literal

    if not isinstance(term, Literal):
        return f"{variable} = {term.n3()}"
    kind = (
        f'LANG({variable}) = "{term.language}"'
        if term.language
        else f"DATATYPE({variable}) = <{term.datatype or XSD + 'string'}>"
    )
    return f"(isLiteral({variable}) && STR({variable}) = {Literal(str(term)).n3()} && {kind})"


def _is_instance(node: str, cls: str) -> str:
    """``node rdf:type/rdfs:subClassOf* cls`` for use inside NOT EXISTS, written as a UNION:
    Virtuoso misses the zero-length step of ``*`` there (docs/engines.md)."""
    return (
        f"{{ {node} <{RDF}type> <{cls}> }} UNION {{ {node} <{RDF}type>/<{RDFS}subClassOf>+ "
        f"<{cls}> }}"
    )


# XSD 1.1 Part 2 lexical spaces (ASCII digits only; section numbers of the datatypes in the
# comments).
_YEAR = (
    r"(?P<year>-?(?:[1-9][0-9]{3,}|0[0-9]{3}))"  # yearFrag: four digits or more without a leading 0
)
_MONTH = r"(?P<month>0[1-9]|1[0-2])"
_DAY = r"(?P<day>0[1-9]|[12][0-9]|3[01])"
_TIMEZONE = r"(?:Z|[+-](?:(?:0[0-9]|1[0-3]):[0-5][0-9]|14:00))?"  # timezoneFrag: -14:00 to +14:00
# with endOfDayFrag
_TIME = r"(?:(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\.[0-9]+)?|24:00:00(?:\.0+)?)"
_DECIMAL = r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)"
_FLOAT = rf"(?:{_DECIMAL}(?:[eE][+-]?[0-9]+)?|[+-]?INF|NaN)"

#: The lexical space of each datatype whose literals are checked; ``None``: every string is a
#: lexical form.
LEXICAL: dict[str, re.Pattern[str] | None] = {
    XSD + "string": None,  # §3.3.1
    RDF + "langString": None,  # a language tag is required, checked by the datatype IRI
    XSD + "anyURI": None,  # §3.3.17: any character sequence
    XSD + "boolean": re.compile("true|false|1|0"),  # §3.3.2
    XSD + "decimal": re.compile(_DECIMAL),  # §3.3.3 decimalLexicalRep
    XSD + "integer": re.compile(r"[+-]?[0-9]+"),  # §3.4.13
    XSD + "float": re.compile(_FLOAT),  # §3.3.4
    XSD + "double": re.compile(_FLOAT),  # §3.3.5
    XSD + "dateTime": re.compile(f"{_YEAR}-{_MONTH}-{_DAY}T{_TIME}{_TIMEZONE}"),  # §3.3.7
    XSD + "time": re.compile(f"{_TIME}{_TIMEZONE}"),  # §3.3.8
    XSD + "date": re.compile(f"{_YEAR}-{_MONTH}-{_DAY}{_TIMEZONE}"),  # §3.3.9
    XSD + "gYearMonth": re.compile(f"{_YEAR}-{_MONTH}{_TIMEZONE}"),  # §3.3.10
    XSD + "gYear": re.compile(f"{_YEAR}{_TIMEZONE}"),  # §3.3.11
}


class NotCompiled(Exception):
    """The shapes use a SHACL feature this compiler lacks; the message names the feature and the
    shape."""


@dataclass
class Check:
    """One constraint of one shape, as a SPARQL SELECT of the ``?this`` (and ``?value``) that
    violate it."""

    shape: str
    severity: str
    path: str | None
    query: str
    datatypes: tuple[
        str, ...
    ] = ()  # for sh:datatype / sh:or: values of these types must be well formed


def compile_shapes(shapes: Any) -> list[Check]:
    """The checks of an rdflib shapes graph; :class:`NotCompiled` if a shape uses something this
    compiler lacks."""
    compiler = _Compiler(shapes)
    checks: list[Check] = []
    for shape in compiler.active_shapes():
        focus = compiler.focus_patterns(shape)
        if focus:
            checks += compiler.shape_checks(shape, focus)
    return checks


class _Compiler:
    """The steps of :func:`compile_shapes` over one shapes graph."""

    def __init__(self, shapes: Any) -> None:
        self.shapes = shapes
        self.parents: dict[Any, list[Any]] = {}
        for node_shape, property_shape in shapes.subject_objects(_sh("property")):
            self.parents.setdefault(property_shape, []).append(node_shape)

    def active_shapes(self) -> list[Any]:
        """Every shape (targeted, typed or a property shape) that is not deactivated, in a stable
        order."""
        from rdflib import BNode, Literal, URIRef

        shapes = self.shapes
        nodes = {s for target in _TARGETS for s in shapes.subjects(URIRef(target), None)}
        for kind in ("NodeShape", "PropertyShape"):
            nodes |= set(shapes.subjects(URIRef(RDF + "type"), _sh(kind)))
        nodes |= set(self.parents)
        active = []
        for shape in sorted(nodes, key=str):
            if shapes.value(shape, _sh("deactivated")) == Literal(True):
                continue
            parameters = {str(p) for p in shapes.predicates(shape)}
            if isinstance(shape, BNode):
                if parameters & _CONSTRAINTS:
                    raise NotCompiled("a shape without IRI that has constraints")
                continue
            unknown = sorted(parameters - _CONSTRAINTS - _NOT_CONSTRAINTS)
            if unknown:
                raise NotCompiled(f"{shorten(unknown[0])} in {shape}")
            active.append(shape)
        return active

    def focus_patterns(self, shape: Any) -> list[str]:
        """The graph patterns binding ``?this`` to the shape's focus nodes (its targets and its
        parents')."""
        patterns = []
        for owner in [shape, *self.parents.get(shape, [])]:
            for cls in self.shapes.objects(owner, _sh("targetClass")):
                patterns.append(f"?this {_INSTANCE} <{cls}> .")
            for prop in self.shapes.objects(owner, _sh("targetSubjectsOf")):
                patterns.append(f"?this <{prop}> [] .")
            for prop in self.shapes.objects(owner, _sh("targetObjectsOf")):
                patterns.append(f"[] <{prop}> ?this .")
        return patterns

    def shape_checks(self, shape: Any, patterns: list[str]) -> list[Check]:
        """One check per constraint of the shape."""
        from rdflib import URIRef

        focus = " UNION ".join(f"{{ {p} }}" for p in patterns)
        severity = str(self.shapes.value(shape, _sh("severity")) or _sh("Violation"))
        path = self.shapes.value(shape, _sh("path"))
        if path is not None and not isinstance(path, URIRef):
            raise NotCompiled(f"a path that is not a single property in {shape}")
        base = Check(str(shape), severity, str(path) if path is not None else None, "")
        constraints = [
            (str(c), v) for c, v in self.shapes.predicate_objects(shape) if str(c) in _CONSTRAINTS
        ]
        if path is None:
            return [self.node_check(base, focus, name, value) for name, value in constraints]
        return [self.value_check(base, focus, name, value) for name, value in constraints]

    def node_check(self, base: Check, focus: str, name: str, value: Any) -> Check:
        """A constraint on the focus node itself (a node shape): ``sh:class`` or ``sh:sparql``."""
        if name == SH + "sparql":
            return _with_query(base, self.sparql_query(base.shape, focus, value))
        if name != SH + "class":
            raise NotCompiled(f"{shorten(name)} on a node shape ({base.shape})")
        return _with_query(
            base,
            f"SELECT DISTINCT ?this (?this AS ?value) WHERE {{ {focus} "
            f"FILTER NOT EXISTS {{ {_is_instance('?this', value)} }} }}",
        )

    def sparql_query(self, shape: str, focus: str, constraint: Any) -> str:
        """A SHACL-SPARQL constraint's SELECT joined with the focus nodes: ``$this`` is the focus
        node, ``?value``
        the value it selects (the focus node if none). Its prefixes must be those every query knows
        (``namespaces.PREFIXES``); a prefixed name holding the word of a remote-access keyword
        (``schema:validFrom``) is written as an IRI."""
        from .namespaces import PREFIXES

        select = self.shapes.value(constraint, _sh("select"))
        if select is None or self.shapes.value(constraint, _sh("ask")) is not None:
            raise NotCompiled(f"sh:sparql without sh:select in {shape}")
        for declared in self.shapes.objects(constraint, _sh("prefixes")):
            for declaration in self.shapes.objects(declared, _sh("declare")):
                name = str(self.shapes.value(declaration, _sh("prefix")))
                if PREFIXES.get(name) != str(self.shapes.value(declaration, _sh("namespace"))):
                    raise NotCompiled(f"the prefix {name}: of {shape}, not one every query knows")
        query = str(select).replace("$this", "?this")
        found = f"SELECT ?this (?value AS ?found) WHERE {{ {{ {query} }} }}"
        return (  # a query that selects no ?value reports the focus node (as pySHACL does)
            f"SELECT DISTINCT ?this (COALESCE(?found, ?this) AS ?value) WHERE {{ "
            f"{{ SELECT DISTINCT ?this WHERE {{ {focus} }} }} {{ {found} }} }}"
        )

    def value_check(self, base: Check, focus: str, name: str, value: Any) -> Check:
        """A constraint on the values of the focus nodes along the shape's path."""
        from rdflib.collection import Collection

        path = base.path
        nodes = f"{{ SELECT DISTINCT ?this WHERE {{ {focus} }} }}"  # each focus node once
        # closed by each check
        values = f"SELECT DISTINCT ?this ?value WHERE {{ {nodes} ?this <{path}> ?value"
        if name == SH + "minCount":
            return _with_query(
                base,
                f"SELECT ?this WHERE {{ {nodes} OPTIONAL {{ ?this <{path}> ?v }} }} "
                f"GROUP BY ?this HAVING (COUNT(DISTINCT ?v) < {int(value)})",
            )
        if name == SH + "maxCount":
            return _with_query(
                base,
                f"SELECT ?this WHERE {{ {nodes} ?this <{path}> ?v }} "
                f"GROUP BY ?this HAVING (COUNT(DISTINCT ?v) > {int(value)})",
            )
        if name == SH + "in":  # RDF term equality: "EUR"@en and "EUR"^^xsd:token are not "EUR"
            same = " || ".join(
                _same_term("?value", term) for term in Collection(self.shapes, value)
            )
            return _with_query(base, f"{values} FILTER(!({same or 'false'})) }}")
        if name == SH + "class":
            return _with_query(
                base, f"{values} FILTER NOT EXISTS {{ {_is_instance('?value', value)} }} }}"
            )
        if name == SH + "datatype":
            types: tuple[str, ...] = (str(value),)
        else:  # sh:or of shapes that each hold one sh:datatype only
            alternatives = list(Collection(self.shapes, value))
            if any(
                {str(p) for p in self.shapes.predicates(a)} != {SH + "datatype"}
                for a in alternatives
            ):
                raise NotCompiled(f"sh:or of anything but datatypes in {base.shape}")
            types = tuple(str(self.shapes.value(a, _sh("datatype"))) for a in alternatives)
        unchecked = [t for t in types if t.startswith((XSD, RDF)) and t not in LEXICAL]
        if unchecked:
            raise NotCompiled(
                f"sh:datatype {shorten(unchecked[0])}, whose lexical forms are not checked"
            )
        check = _with_query(base, f"{values} }}")
        check.datatypes = types
        return check


def _sh(name: str) -> Any:
    """The rdflib IRI of a SHACL term."""
    from rdflib import URIRef

    return URIRef(SH + name)


def _with_query(base: Check, query: str) -> Check:
    return Check(base.shape, base.severity, base.path, query)


def run_checks(kg: KnowledgeGraph, checks: list[Check]) -> Iterator[Result]:
    """The violations of every check, asked in one SPARQL query (a UNION of the checks as
    sub-queries)."""
    if not checks:
        return
    oxigraph = isinstance(kg.backend, OxigraphBackend)
    branches = " UNION ".join(
        f"{{ {{ {_unread(check) if oxigraph else check.query} }} BIND({i} AS ?check) }}"
        for i, check in enumerate(checks)
    )
    table = kg.select(f"SELECT ?check ?this ?value WHERE {{ {branches} }}")
    for index, focus, value in table.rows:
        assert index is not None  # bound by the BIND of every branch
        check = checks[int(index.value)]
        if check.datatypes and _conforms(value, check.datatypes):
            continue
        yield focus, check.severity, check.shape, check.path, value


def _unread(check: Check) -> str:
    """The query of ``check`` for an Oxigraph store: of a datatype check, only the values the store
    cannot read as a value of one of the datatypes (checked again by :func:`_conforms`), not the
    thousands of well-formed dates of a council system."""
    if not check.datatypes:
        return check.query
    types = ", ".join(f"<{iri}>" for iri in check.datatypes)
    return (
        f"SELECT ?this ?value WHERE {{ {{ {check.query} }} BIND(datatype(?value) AS ?t) "
        f"FILTER(!COALESCE(?t IN ({types}) && {_casts('?value', check.datatypes, 'true')}, "
        "false)) }"
    )


def _casts(variable: str, datatypes: Sequence[str], otherwise: str) -> str:
    """An expression (Oxigraph's) on a literal ``variable`` whose datatype is bound to ``?t``: for
    the datatypes of ``datatypes`` with a lexical space, whether the store casts it to its datatype
    (it casts only a well-formed one; one it cannot cast is checked again by :func:`well_formed`,
    and the tests compare both on every datatype); for any other datatype ``otherwise``."""
    checked = [iri for iri in datatypes if LEXICAL.get(iri) is not None]
    casts = "".join(f"IF(?t = <{iri}>, isLiteral(<{iri}>({variable})), " for iri in checked)
    return f"{casts}{otherwise}{')' * len(checked)}"


def _conforms(term: Any, datatypes: tuple[str, ...]) -> bool:
    """Whether a value is a literal of one of the datatypes, well formed where the lexical space is
    known."""
    datatype = getattr(term, "datatype", None)
    if datatype is None or datatype.value not in datatypes:
        return False
    return well_formed(term.value, datatype.value)


def well_formed(lexical: str, datatype: str) -> bool:
    """Whether ``lexical`` is a lexical form of ``datatype`` (XSD 1.1 Part 2) that names a value;
    datatypes without a known lexical space accept every string."""
    pattern = LEXICAL.get(datatype)
    if pattern is None:
        return True
    match = pattern.fullmatch(lexical)
    if match is None:
        return False
    groups = match.groupdict()
    if groups.get("day") is None:
        return True
    return int(groups["day"]) <= _days_in_month(int(groups["year"]), int(groups["month"]))


def ill_typed(
    kg: KnowledgeGraph, among: Iterable[tuple[str, str]] | None = None
) -> list[tuple[Any, Any, Any]]:
    """(subject, property, literal) of every literal in the data graphs whose lexical form is not
    one of its datatype (XSD 1.1, as :func:`well_formed` judges it), e.g.
    ``"bad-decimal"^^xsd:decimal``; sorted. ``among``: the (property, datatype) pairs that the
    data holds, when the caller has counted them (``sckg stats``): only their statements are
    read, through the store's index of properties, not every literal."""
    datatypes = [iri for iri, pattern in LEXICAL.items() if pattern is not None]
    oxigraph = isinstance(kg.backend, OxigraphBackend)
    # Oxigraph casts a literal to its own datatype only if it is well formed: the store sends back
    # only those it cannot (checked again below), not every date of a council system's million
    # triples
    cast = f" FILTER(!COALESCE({_casts('?o', datatypes, 'false')}, false))" if oxigraph else ""
    if among is not None:
        pairs = sorted((p, d) for p, d in among if d in datatypes)
        if not pairs:
            return []
        values = " ".join(f"(<{p}> <{d}>)" for p, d in pairs)
        checked = f"VALUES (?p ?t) {{ {values} }}"
        kind = "FILTER(datatype(?o) = ?t)"
    elif oxigraph:
        checked = ""
        kind = f"BIND(datatype(?o) AS ?t) FILTER(?t IN ({', '.join(f'<{d}>' for d in datatypes)}))"
    else:
        checked = f"VALUES ?t {{ {' '.join(f'<{d}>' for d in datatypes)} }}"
        kind = "FILTER(datatype(?o) = ?t)"
    rows = kg.select(
        f"SELECT ?s ?p ?o WHERE {{ {checked} GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != "
        f"<{MODEL_GRAPH}> && isLiteral(?o)) {kind}{cast} }}"
    ).rows
    found = [
        (s, p, o)
        for s, p, o in rows
        if isinstance(o, ox.Literal) and not well_formed(o.value, o.datatype.value)
    ]
    return sorted(found, key=lambda row: tuple(map(str, row)))


def _days_in_month(year: int, month: int) -> int:
    """XSD 1.1 Part 2's daysInMonth: February has 29 days in years divisible by 4 but not by 100, or
    by 400 (year 0000 and -0004 included)."""
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31
