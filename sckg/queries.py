"""The library of named questions (``ontology/queries/*.rq``) and safe parameter binding.

Each ``.rq`` file starts with a header comment::

    # title: Projects by field of action
    # title@de: Projekte nach Handlungsfeld
    # description: Every project with its field of action and status.
    # param: field iri  The field of action (IRI, prefixed name or label); all fields when left out

Parameters are bound as RDF terms through the store's variable substitution, never pasted into the
text. ``?lang`` is bound to the chosen language in every query that uses it.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pyoxigraph as ox

from . import resources
from .entities import resolve
from .errors import DataError, ParameterError, QueryError, UsageError
from .kg import KnowledgeGraph
from .namespaces import ACTOR_CLASSES, PREFIXES, XSD, as_iri
from .results import COLUMN_KINDS, Table, Term
from .sparql import query_form
from .words import error_message

PARAM_KINDS = ("iri", "string", "integer", "decimal", "date")
_HEADER = re.compile(r"^#\s*(title|description|param|column)(?:@(\w+))?\s*:\s*(.*)$")
#: ``iri(sckg:Project,org:Organization)``: an IRI parameter whose entity must be of one of these
#: classes (``actor`` stands for every actor class).
_KIND = re.compile(r"(\w+)(?:\(([^()]*)\))?")


@dataclass(frozen=True)
class Param:
    """A declared query parameter."""

    name: str
    kind: str
    description: str
    classes: tuple[str, ...] = ()


@dataclass
class NamedQuery:
    """A named question: its SPARQL text, titles and descriptions per language, and its
    parameters."""

    name: str
    text: str
    titles: dict[str, str] = field(default_factory=dict)
    descriptions: dict[str, str] = field(default_factory=dict)
    params: list[Param] = field(default_factory=list)
    origin: str | None = None  # the file it was read from (named in syntax errors)
    #: What a column holds (``# column: date date``), so that an empty result keeps its dtypes.
    columns: dict[str, str] = field(default_factory=dict)

    def title(self, lang: str = "en") -> str:
        """The title in ``lang`` (English if missing)."""
        return self.titles.get(lang) or self.titles.get("en", self.name)

    def description(self, lang: str = "en") -> str:
        """The description in ``lang`` (English if missing)."""
        return self.descriptions.get(lang) or self.descriptions.get("en", "")


def parse_named_query(path: Path) -> NamedQuery:
    """Read a ``.rq`` file and its header."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise QueryError(error_message("error.unreadable", path=path, reason=exc)) from None
    query = parse_query_text(path.stem, text, str(path))
    query.origin = str(path)
    return query


def parse_query_text(name: str, text: str, origin: str = "query") -> NamedQuery:
    """A query and the title, description and parameters declared in its header comment."""
    query = NamedQuery(name, text)
    for line in text.splitlines():
        match = _HEADER.match(line.strip())
        if not match:
            continue
        key, lang, value = match.group(1), match.group(2) or "en", match.group(3).strip()
        if key == "title":
            query.titles[lang] = value
        elif key == "description":
            query.descriptions[lang] = value
        elif key == "column":
            column, kind = [*value.split(None, 1), ""][:2]
            if kind.strip() not in COLUMN_KINDS:
                raise QueryError(
                    error_message(
                        "error.column_kind",
                        origin=origin,
                        column=column,
                        kind=kind.strip(),
                        kinds=", ".join(COLUMN_KINDS),
                    )
                )
            query.columns[column] = kind.strip()
        else:
            query.params.append(_param(origin, value))
    return query


def _param(origin: str, declaration: str) -> Param:
    """``project iri(sckg:Project)  The project …`` → its name, kind, description and classes."""
    name, kind, description = [*declaration.split(None, 2), "", ""][:3]
    match = _KIND.fullmatch(kind)
    if (
        not match
        or match.group(1) not in PARAM_KINDS
        or (match.group(2) is not None and match.group(1) != "iri")
    ):
        raise QueryError(
            error_message(
                "error.param_kind_unknown",
                origin=origin,
                name=name,
                kind=kind,
                kinds=", ".join(PARAM_KINDS),
            )
        )
    named = (match.group(2) or "").replace(",", " ").split()
    classes = tuple(
        iri for c in named for iri in (ACTOR_CLASSES if c == "actor" else (as_iri(c) or c,))
    )
    return Param(name, match.group(1), description, classes)


def named_queries(
    folder: Path | None = None, *, extra: Path | None = None
) -> dict[str, NamedQuery]:
    """All named queries, by name: those of ``folder`` (sckg's own by default), then a city's own
    from the folder ``extra`` (``.rq`` files with the same header), which may not reuse a name."""
    folder = folder or resources.queries_dir()
    library = {q.name: q for q in map(parse_named_query, sorted(folder.glob("*.rq")))}
    if extra is None:
        return library
    if not extra.is_dir():
        raise DataError(error_message("error.no_query_folder", path=extra))
    own = sorted(extra.glob("*.rq"))
    if not own:
        raise DataError(error_message("error.no_queries_in_folder", path=extra))
    for path in own:
        query = parse_named_query(path)
        if query.name in library:
            raise QueryError(error_message("error.query_name_taken", path=path, name=query.name))
        library[query.name] = query
    return library


def get_named_query(name: str, queries: Path | None = None) -> NamedQuery:
    """A named query by name (also from a city's folder ``queries``); an unknown name raises an
    error listing the closest names."""
    library = named_queries(extra=queries)
    if name in library:
        return library[name]
    close = difflib.get_close_matches(name, library, n=3, cutoff=0.4)
    hint = error_message("error.did_you_mean", names=", ".join(close)) if close else ""
    raise UsageError(error_message("error.unknown_query", name=name, hint=hint))


def runnable_text(query: str) -> str:
    """``query`` with a ``PREFIX`` line for each predeclared prefix it uses, so it runs in any
    SPARQL client."""
    used = sorted(p for p in PREFIXES if re.search(rf"(?<![\w:-]){re.escape(p)}:", query))
    return "".join(f"PREFIX {p}: <{PREFIXES[p]}>\n" for p in used) + query


def parse_params(pairs: list[str]) -> dict[str, str]:
    """``["name=value", ...]`` → dict; a pair without ``=`` is a usage error."""
    params: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise ParameterError(error_message("error.param_pair", pair=pair))
        if name.strip() in params:
            raise ParameterError(error_message("error.param_twice", name=name.strip()))
        params[name.strip()] = value
    return params


def bind_params(
    kg: KnowledgeGraph, query: NamedQuery, values: Mapping[str, str]
) -> dict[str, Term]:
    """Turn ``name=value`` strings into RDF terms for the query's declared parameters (a value
    that is not a string, as Python callers may give, as its text: ``5``, ``2024-03-01``)."""
    values = {name: v if isinstance(v, str) else str(v) for name, v in values.items()}
    declared = {p.name: p for p in query.params}
    if not declared:  # an ad-hoc query: the names go into its text, so they are checked
        for name in values:
            if not _VARIABLE.fullmatch(name):
                raise ParameterError(error_message("error.param_name", name=name))
        return {name: _adhoc_term(name, value) for name, value in values.items()}
    unknown = sorted(set(values) - set(declared))
    if unknown:
        allowed = ", ".join(declared) or "none"
        raise UsageError(
            error_message("error.unknown_param", name=unknown[0], query=query.name, allowed=allowed)
        )
    return {name: to_term(kg, declared[name], value) for name, value in values.items()}


def to_term(kg: KnowledgeGraph, param: Param, value: str) -> Term:
    """One parameter value as an RDF term of the declared kind."""
    try:
        if param.kind == "iri":
            return _iri(resolve(value, kg=kg, param=param.name, classes=param.classes))
        if param.kind == "integer":
            return ox.Literal(str(int(value)), datatype=ox.NamedNode(XSD + "integer"))
        if param.kind == "decimal":
            return ox.Literal(_decimal(value), datatype=ox.NamedNode(XSD + "decimal"))
        if param.kind == "date":
            return ox.Literal(
                date.fromisoformat(value).isoformat(), datatype=ox.NamedNode(XSD + "date")
            )
    except ValueError:
        raise UsageError(
            error_message("error.param_kind", name=param.name, kind=param.kind, value=value)
        ) from None
    return ox.Literal(value)


def _decimal(value: str) -> str:
    """An xsd:decimal lexical form of exactly the number written (``1E-7`` → ``0.0000001``, every
    digit kept)."""
    try:
        number = Decimal(value.strip())
    except InvalidOperation:
        raise ValueError(value) from None
    if not number.is_finite():
        raise ValueError(value)
    return format(number, "f")


#: A SPARQL variable's name (VARNAME: letters, digits and _).
_VARIABLE = re.compile(r"\w+")
#: A number as Turtle and SPARQL write it without quotes, and its datatype.
_NUMBERS = (
    (re.compile(r"[+-]?\d+"), "integer"),
    (re.compile(r"[+-]?\d*\.\d+"), "decimal"),
    (re.compile(r"[+-]?(\d+\.?\d*|\.\d+)[eE][+-]?\d+"), "double"),
)


def _adhoc_term(name: str, value: str) -> Term:
    """A parameter of an ad-hoc query as Turtle reads it: ``<iri>`` or ``scheme://...`` an IRI, a
    number (``12``, ``1.5``, ``1e3``) a number of its datatype, a quoted literal
    (``"1.5"^^xsd:decimal``, ``"Text"@de``) that literal; anything else a string."""
    text = value.strip()
    iri = as_iri(value) if text.startswith("<") or "://" in value else None
    if iri is not None:
        return _iri(iri)
    for pattern, kind in _NUMBERS:
        if pattern.fullmatch(text):
            return ox.Literal(text, datatype=ox.NamedNode(XSD + kind))
    if text.startswith('"'):
        return _literal(name, text)
    return ox.Literal(value)


def _literal(name: str, text: str) -> ox.Literal:
    """The RDF literal ``text`` written as in Turtle, with the predeclared prefixes."""
    prefixes = "".join(f"@prefix {p}: <{iri}> .\n" for p, iri in PREFIXES.items())
    try:
        parsed = list(
            ox.parse(input=f"{prefixes}<urn:s> <urn:p> {text} .", format=ox.RdfFormat.TURTLE)
        )
    except SyntaxError:
        parsed = []
    if len(parsed) != 1 or not isinstance(parsed[0].object, ox.Literal):
        raise ParameterError(error_message("error.param_literal", name=name, value=text))
    return parsed[0].object


def _iri(value: str) -> ox.NamedNode:
    try:
        return ox.NamedNode(value)
    except ValueError:
        raise UsageError(error_message("error.not_iri", value=value)) from None


def run_query(
    kg: KnowledgeGraph,
    text: str,
    params: Mapping[str, Term] | None = None,
    *,
    lang: str = "de",
    timeout: float | None = None,
) -> Table:
    """Run a SELECT query, binding ``?lang`` when the query uses it; ``timeout`` as for
    ``KnowledgeGraph.select``."""
    bindings = dict(params or {})
    if re.search(r"[?$]lang\b", text):
        bindings.setdefault("lang", ox.Literal(lang))
    return kg.select(text, bindings, timeout=timeout)


def run_named(
    kg: KnowledgeGraph,
    name: str,
    params: Mapping[str, str] | None = None,
    *,
    lang: str = "de",
    queries: Path | None = None,
) -> Table:
    """Run a named query with ``name=value`` parameters; ``queries``: a folder of the city's own."""
    query = get_named_query(name, queries)
    table = run_query(kg, query.text, bind_params(kg, query, params or {}), lang=lang)
    table.types = dict(query.columns)
    return table


def resolve_query(argument: str, queries: Path | None = None) -> NamedQuery:
    """What ``sckg query ARG`` means: a ``.rq`` file, inline SPARQL, or the name of a named query
    (of sckg or of the folder ``queries``)."""
    path = Path(argument)
    if argument.endswith(".rq") or _is_file(path):
        if not path.is_file():
            raise QueryError(error_message("error.no_query_file", path=path))
        return parse_named_query(path)
    if re.search(r"[{\s]", argument.strip()):
        return parse_query_text("inline", argument)
    return get_named_query(argument, queries)


def _is_file(path: Path) -> bool:
    """Whether ``path`` names a file; a text no file could be named (too long) names none."""
    try:
        return path.is_file()
    except OSError:
        return False


def run_any(
    kg: KnowledgeGraph,
    query: NamedQuery,
    params: Mapping[str, str],
    lang: str = "de",
    *,
    timeout: float | None = None,
) -> Table | bool | str:
    """Run any query form: SELECT → Table, ASK → bool, CONSTRUCT/DESCRIBE → Turtle text. A syntax
    error in a query read from a file names the file."""
    try:
        return _run_any(kg, query, params, lang, timeout)
    except QueryError as exc:
        if query.origin and str(exc).startswith("SPARQL syntax error"):
            raise QueryError(
                error_message("error.in_query_file", origin=query.origin, error=exc.args[0])
            ) from None
        raise


def _run_any(
    kg: KnowledgeGraph,
    query: NamedQuery,
    params: Mapping[str, str],
    lang: str,
    timeout: float | None,
) -> Table | bool | str:
    bindings = bind_params(kg, query, params)
    form = query_form(query.text)
    if form == "SELECT":
        table = run_query(kg, query.text, bindings, lang=lang, timeout=timeout)
        table.types = dict(query.columns)
        return table
    if re.search(r"[?$]lang\b", query.text):
        bindings.setdefault("lang", ox.Literal(lang))
    if form == "ASK":
        return kg.ask(query.text, bindings, timeout=timeout)
    if form == "UPDATE":
        raise QueryError(error_message("error.update_not_run"))
    triples = kg.construct(query.text, bindings, timeout=timeout)
    return (ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES) or b"").decode(
        "utf-8"
    )
