"""SHACL Core shapes compiled to SPARQL, run on the store itself.

pySHACL needs the whole graph as an rdflib Graph: on a 100k-triple city, copying it there and validating takes
15-20 s, and on a remote endpoint it pulls every triple. The shapes sckg uses need only a small part of SHACL
Core (targets by class, subjects and objects of a property; ``sh:class``, ``sh:minCount``, ``sh:maxCount``,
``sh:datatype``, ``sh:in``, and ``sh:or`` of datatypes on a predicate path), and each of those is one SPARQL
query, answered by the store in milliseconds. :func:`compile_shapes` returns ``None`` for a shapes graph using
anything else; the caller then falls back to pySHACL, the reference (the tests compare both on every dataset).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .kg import KnowledgeGraph
from .namespaces import RDF, RDFS, SH, XSD

#: Result rows: focus node, severity IRI, source shape IRI, result path IRI or None, value term or None.
Result = tuple[Any, str, str, str | None, Any]

_CONSTRAINTS = {SH + name for name in ("class", "minCount", "maxCount", "datatype", "in", "or")}
_TARGETS = {SH + name for name in ("targetClass", "targetSubjectsOf", "targetObjectsOf")}
_NOT_CONSTRAINTS = {
    RDF + "type", RDFS + "label", RDFS + "comment", SH + "name", SH + "message", SH + "description",
    SH + "severity", SH + "path", SH + "property", SH + "order", SH + "group", SH + "deactivated", *_TARGETS,
}
_INSTANCE = f"<{RDF}type>/<{RDFS}subClassOf>*"

#: Lexical forms of the XSD datatypes whose well-formedness is checked (SHACL: an ill-formed literal of the
#: datatype does not conform); other datatypes are compared by IRI only.
_LEXICAL = {
    XSD + "date": re.compile(r"-?\d{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(Z|[+-]\d\d:\d\d)?"),
    XSD + "gYear": re.compile(r"-?\d{4,}(Z|[+-]\d\d:\d\d)?"),
    XSD + "decimal": re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)"),
    XSD + "integer": re.compile(r"[+-]?\d+"),
    XSD + "boolean": re.compile(r"true|false|1|0"),
}


@dataclass
class Check:
    """One constraint of one shape, as a SPARQL SELECT of the ``?this`` (and ``?value``) that violate it."""

    shape: str
    severity: str
    path: str | None
    query: str
    datatypes: tuple[str, ...] = ()  # for sh:datatype / sh:or: values of these types must be well formed


def compile_shapes(shapes: Any) -> list[Check] | None:
    """The checks of an rdflib shapes graph, or ``None`` if a shape uses something this compiler lacks."""
    from rdflib import BNode, Literal, URIRef
    from rdflib.collection import Collection

    def one(subject: Any, name: str) -> Any:
        return shapes.value(subject, URIRef(SH + name))

    def targets(shape: Any) -> list[str]:
        patterns = []
        for cls in shapes.objects(shape, URIRef(SH + "targetClass")):
            patterns.append(f"?this {_INSTANCE} <{cls}> .")
        for prop in shapes.objects(shape, URIRef(SH + "targetSubjectsOf")):
            patterns.append(f"?this <{prop}> [] .")
        for prop in shapes.objects(shape, URIRef(SH + "targetObjectsOf")):
            patterns.append(f"[] <{prop}> ?this .")
        return patterns

    shape_nodes = {s for p in _TARGETS for s in shapes.subjects(URIRef(p), None)}
    shape_nodes |= set(shapes.subjects(URIRef(RDF + "type"), URIRef(SH + "NodeShape")))
    shape_nodes |= set(shapes.subjects(URIRef(RDF + "type"), URIRef(SH + "PropertyShape")))
    parents: dict[Any, list[Any]] = {}
    for node_shape, prop_shape in shapes.subject_objects(URIRef(SH + "property")):
        shape_nodes.add(prop_shape)
        parents.setdefault(prop_shape, []).append(node_shape)

    checks: list[Check] = []
    for shape in sorted(shape_nodes, key=str):
        if isinstance(shape, BNode) or one(shape, "deactivated") == Literal(True):
            if any(p in _CONSTRAINTS for p in shapes.predicates(shape)):
                return None  # anonymous shapes with constraints: leave to pySHACL
            continue
        if any(str(p) not in _CONSTRAINTS | _NOT_CONSTRAINTS for p in shapes.predicates(shape)):
            return None
        patterns = targets(shape) + [p for parent in parents.get(shape, []) for p in targets(parent)]
        if not patterns:
            continue
        focus = " UNION ".join(f"{{ {p} }}" for p in patterns)
        severity = str(one(shape, "severity") or URIRef(SH + "Violation"))
        path = one(shape, "path")
        if path is not None and not isinstance(path, URIRef):
            return None  # only predicate paths
        base = dict(shape=str(shape), severity=severity, path=str(path) if path is not None else None)
        nodes = f"{{ SELECT DISTINCT ?this WHERE {{ {focus} }} }}"  # each focus node once
        values = f"SELECT DISTINCT ?this ?value WHERE {{ {nodes} ?this <{path}> ?value"  # closed by each check
        for constraint, value in shapes.predicate_objects(shape):
            name = str(constraint)
            if name not in _CONSTRAINTS:
                continue
            if path is None:
                if name != SH + "class":
                    return None
                checks.append(Check(**base, query=(
                    f"SELECT DISTINCT ?this (?this AS ?value) WHERE {{ {focus} "
                    f"FILTER NOT EXISTS {{ ?this {_INSTANCE} <{value}> }} }}")))
            elif name == SH + "minCount":
                checks.append(Check(**base, query=(
                    f"SELECT ?this WHERE {{ {nodes} "
                    f"OPTIONAL {{ ?this <{path}> ?v }} }} GROUP BY ?this HAVING (COUNT(DISTINCT ?v) < {int(value)})")))
            elif name == SH + "maxCount":
                checks.append(Check(**base, query=(
                    f"SELECT ?this WHERE {{ {nodes} ?this <{path}> ?v }} "
                    f"GROUP BY ?this HAVING (COUNT(DISTINCT ?v) > {int(value)})")))
            elif name == SH + "in":
                members = ", ".join(term.n3() for term in Collection(shapes, value))
                checks.append(Check(**base, query=f"{values} FILTER(?value NOT IN ({members})) }}"))
            elif name == SH + "class":
                checks.append(Check(**base, query=f"{values} FILTER NOT EXISTS {{ ?value {_INSTANCE} <{value}> }} }}"))
            else:  # sh:datatype, or sh:or of shapes that each hold one sh:datatype only
                if name == SH + "datatype":
                    types = (str(value),)
                else:
                    alternatives = list(Collection(shapes, value))
                    if any(set(shapes.predicates(a)) != {URIRef(SH + "datatype")} for a in alternatives):
                        return None
                    types = tuple(str(one(a, "datatype")) for a in alternatives)
                checks.append(Check(**base, datatypes=types, query=f"{values} }}"))
    return checks


def run_checks(kg: KnowledgeGraph, checks: list[Check]) -> Iterator[Result]:
    """The violations of every check, asked in one SPARQL query (a UNION of the checks as sub-queries)."""
    if not checks:
        return
    branches = " UNION ".join(f"{{ {{ {check.query} }} BIND({i} AS ?check) }}" for i, check in enumerate(checks))
    table = kg.select(f"SELECT ?check ?this ?value WHERE {{ {branches} }}")
    for index, focus, value in table.rows:
        check = checks[int(index.value)]
        if check.datatypes and _conforms(value, check.datatypes):
            continue
        yield focus, check.severity, check.shape, check.path, value


def _conforms(term: Any, datatypes: tuple[str, ...]) -> bool:
    """Whether a value is a literal of one of the datatypes, well formed where the lexical form is known."""
    datatype = getattr(term, "datatype", None)
    if datatype is None or datatype.value not in datatypes or getattr(term, "language", None):
        return False
    pattern = _LEXICAL.get(datatype.value)
    return pattern is None or pattern.fullmatch(term.value) is not None
