"""SPARQL text helpers: safety checks, friendly syntax errors, terms as values.

Works on the query text only and imports neither rdflib nor pyoxigraph.
"""

from __future__ import annotations

import re

from .errors import QueryError

_TOKEN = re.compile(
    r"""(?P<comment>\#[^\n]*)
      | (?P<string>'''.*?'''|\"\"\".*?\"\"\"|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")
      | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
      | (?P<variable>[?$][A-Za-z0-9_]+)
      | (?P<pname>(?:[A-Za-z][\w-]*(?:\.[\w-]+)*)?:(?:[\w%-]+(?:\.[\w%-]+)*)?)  # a local name never starts with .
      | (?P<word>[A-Za-z_][A-Za-z0-9_-]*)
      | (?P<brace>\{)
      | (?P<paren>[()])
    """,
    re.VERBOSE | re.DOTALL,
)
_ERROR_POSITION = re.compile(r"error at (\d+):(\d+): (.*)", re.DOTALL)
_UPDATE_WORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY"}


def _tokens(query: str) -> list[tuple[str, str]]:
    """(kind, text) tokens of a query, comments dropped: enough to find keywords and their IRIs."""
    return [(m.lastgroup or "", m.group()) for m in _TOKEN.finditer(query) if m.lastgroup != "comment"]


def bind_values(query: str, bindings: dict[str, str]) -> str:
    """Pre-bind variables by a ``VALUES`` block at the start of the query's WHERE group and of every sub-select's.

    ``bindings`` maps variable names to terms already serialised in N-Triples syntax (escaped by the
    RDF library), so a value can never change the query's structure. Filters inside OPTIONAL see them, and so
    do sub-selects: SPARQL evaluates a sub-select on its own, so the outer block alone would not reach it.
    """
    if not bindings:
        return query
    names = sorted(bindings)
    block = f" VALUES ({' '.join('?' + n for n in names)}) {{ ({' '.join(bindings[n] for n in names)}) }} "
    starts = _where_groups(query)
    if not starts:
        raise QueryError("The query has no WHERE group to bind parameters in.")
    for start in reversed(starts):
        query = query[:start] + block + query[start:]
    return query


def _where_groups(query: str) -> list[int]:
    """Where the WHERE group of the query and of each sub-select opens (the offset after its brace)."""
    starts = []
    depth = 0  # parentheses: a brace inside a projected expression, as in (EXISTS { ... } AS ?x), is not the group
    waiting: tuple[str, int] | None = None  # the query form whose group comes next, at which depth
    for match in _TOKEN.finditer(query):
        kind, text = match.lastgroup, match.group()
        if kind == "paren":
            depth += 1 if text == "(" else -1
        elif kind == "word" and text.upper() in {"SELECT", "ASK", "DESCRIBE", "CONSTRUCT"}:
            waiting = (text.upper(), depth)
        elif kind == "word" and text.upper() == "WHERE" and waiting and waiting[0] == "CONSTRUCT":
            waiting = ("WHERE", waiting[1])  # the brace after CONSTRUCT was its template
        elif kind == "brace" and waiting and waiting[0] != "CONSTRUCT" and depth == waiting[1]:
            starts.append(match.end())
            waiting = None
    return starts


def remote_access(query: str) -> tuple[bool, list[str]]:
    """Whether the query uses ``SERVICE``, and the IRIs named by ``FROM`` / ``FROM NAMED``."""
    tokens = _tokens(query)
    uses_service = any(kind == "word" and text.upper() == "SERVICE" for kind, text in tokens)
    dataset_iris = []
    for i, (kind, text) in enumerate(tokens):
        if kind == "word" and text.upper() == "FROM":
            rest = tokens[i + 1 : i + 3]
            if rest and rest[0][0] == "word" and rest[0][1].upper() == "NAMED":
                rest = rest[1:]
            if rest and rest[0][0] == "iri":
                dataset_iris.append(rest[0][1][1:-1])
    return uses_service, dataset_iris


def keywords(query: str) -> set[str]:
    """The words of the query outside strings, IRIs, names and comments, in capitals (SERVICE, LOAD, ...)."""
    return {text.upper() for kind, text in _tokens(query) if kind == "word"}


def check_remote(query: str, known_graphs: set[str], allow_remote: bool) -> None:
    """Refuse ``SERVICE`` and ``FROM <iri>`` of graphs the store does not hold, unless allowed."""
    if allow_remote:
        return
    uses_service, dataset_iris = remote_access(query)
    if uses_service:
        raise QueryError(
            "The query uses SERVICE, which would send a request to another host. "
            "Refused by default; pass --allow-remote to permit it."
        )
    outside = [iri for iri in dataset_iris if iri not in known_graphs]
    if outside:
        raise QueryError(
            f"The query reads FROM <{outside[0]}>, a graph this store does not hold, which would be fetched "
            "from the network. Refused by default; pass --allow-remote to permit it."
        )


def query_form(query: str) -> str:
    """The query form: ``SELECT``, ``ASK``, ``CONSTRUCT``, ``DESCRIBE`` or, for an update, ``UPDATE``."""
    for kind, text in _tokens(query):
        word = text.upper()
        if kind != "word" or word in {"PREFIX", "BASE"}:
            continue
        if word in {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"}:
            return word
        if word in _UPDATE_WORDS | {"WITH"}:
            return "UPDATE"
    return "SELECT"


def is_update(query: str) -> bool:
    """Whether the text is a SPARQL UPDATE."""
    return query_form(query) == "UPDATE"


def syntax_error(query: str, message: str, line_offset: int = 0) -> QueryError:
    """Turn an engine's parse error into one that shows line, column and the offending line."""
    match = _ERROR_POSITION.search(message)
    if not match:
        return QueryError(f"SPARQL syntax error: {message}")
    line, column = int(match.group(1)) - line_offset, int(match.group(2))
    lines = query.splitlines() or [""]
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    pointer = " " * (max(column, 1) - 1) + "^"
    detail = match.group(3).strip().splitlines()[0]
    if len(detail) > 100:
        detail = detail[:100].rsplit(",", 1)[0] + ", …"
    return QueryError(f"SPARQL syntax error at line {line}, column {column}: {detail}\n  {text}\n  {pointer}")
