"""SPARQL helpers: what a query would fetch from other hosts (found by parsing it), friendly
syntax errors, terms as values.

The safety check parses with rdflib (imported when a text needs it); the others read the text.
"""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from typing import Any

from .errors import Message, QueryError
from .namespaces import PREFIXES, as_iri
from .words import error_message

_TOKEN = re.compile(
    r"""(?P<comment>\#[^\r\n]*)
      | (?P<string>'''(?:[^\\]|\\.)*?'''|\"\"\"(?:[^\\]|\\.)*?\"\"\"
          |'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")
      | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
      | (?P<variable>[?$][A-Za-z0-9_]+)
      | (?P<pname>(?:[A-Za-z][\w-]*(?:\.[\w-]+)*)?:  # \# is part of a local name, .x is not
          (?:(?:[\w%:-]|\\.)+(?:\.(?:[\w%:-]|\\.)+)*)?)
      | (?P<word>[A-Za-z_][A-Za-z0-9_-]*)
      | (?P<brace>\{)
      | (?P<paren>[()])
    """,
    re.VERBOSE | re.DOTALL,
)
#: Where an engine's parse error is: Oxigraph's "error at 4:2: …", or "SPARQL syntax error at line
#: 4, column 2: …" as sckg serve answers it (and :func:`syntax_error` writes it).
_ERROR_POSITION = re.compile(
    r"(?:error at (?P<line>\d+):(?P<column>\d+)|"
    r"^SPARQL syntax error at line (?P<at_line>\d+), column (?P<at_column>\d+)): (?P<detail>.*)",
    re.DOTALL,
)
_UPDATE_WORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY"}
#: Texts that mention SERVICE, LOAD or FROM are parsed up to this many characters to find out
#: whether they use them; a longer one is refused. rdflib's parser reads 7 (FILTER expressions) to
#: 450 (VALUES) KB per second of CPU.
PARSED_CHARACTERS = 10_000
#: An IRI token as SPARQL 1.1's grammar writes it (IRIREF), but without escapes, quotes and ``#``. A
#: word inside one is no keyword, and no use of SERVICE, LOAD or FROM fits inside one, nor in such a
#: span that starts in a string or at a ``<`` operator (each keyword is followed by a space, a
#: comment, ``<``, or a variable and ``{``, all outside it). So a text that mentions them only in
#: IRIs (a VALUES block of ``<…/buergerservice>``) is not parsed, however long; any other mention
#: is.
_IRIREF = re.compile(r"""<[^<>"'#{}|^`\\\x00-\x20]*>""")
#: Such a span with a ``#``: after the ``#`` it holds IRI (when ``<`` opens one) or comment (when
#: ``<`` is an operator: the comment runs to the line's end, past the ``>``), never a keyword in
#: use. So the fragment is dropped (``owl#differentFrom``) and the part before ``#`` stays to be
#: read: it may be code after a ``<`` operator.
_IRIREF_FRAGMENT = re.compile(r"""<([^<>"'#{}|^`\\\x00-\x20]*)#[^<>"'{}|^`\\\x00-\x20]*>""")
_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_IN_TOKENS = "-._~:/?@!$&()*+,;=%"  # escaped characters kept (with letters and digits)
_NEUTRAL = "`"  # any other escaped character: no SPARQL token has it (strings, comments do)
_FETCHING = {"ServiceGraphPattern": ("SERVICE",), "Load": ("LOAD",)}  # parse tree nodes that fetch
_PARSING = threading.Lock()  # pyparsing grammars are not documented as thread-safe


def _tokens(query: str) -> Iterator[tuple[str, str]]:
    """(kind, text) tokens of a query, comments dropped, as they are needed: enough to find
    keywords and IRIs."""
    return (
        (m.lastgroup or "", m.group()) for m in _TOKEN.finditer(query) if m.lastgroup != "comment"
    )


def bind_values(query: str, bindings: dict[str, str]) -> str:
    """Pre-bind variables by a ``VALUES`` block at the start of the query's WHERE group and of every
    sub-select's.

    ``bindings`` maps variable names to terms already serialised in N-Triples syntax (escaped by the
    RDF library), so a value can never change the query's structure. Filters inside OPTIONAL see
    them, and so do sub-selects: SPARQL evaluates a sub-select on its own, so the outer block alone
    would not reach it.
    """
    if not bindings:
        return query
    names = sorted(bindings)
    block = (
        f" VALUES ({' '.join('?' + n for n in names)}) {{ "
        f"({' '.join(bindings[n] for n in names)}) }} "
    )
    starts = _where_groups(query)
    if not starts:
        raise QueryError(error_message("error.no_where"))
    for start in reversed(starts):
        query = query[:start] + block + query[start:]
    return query


def _where_groups(query: str) -> list[int]:
    """Where the WHERE group of the query and of each sub-select opens (the offset after its
    brace)."""
    starts = []
    # parentheses: a brace inside a projected expression, as in (EXISTS { ... } AS ?x), is not the
    # group
    depth = 0
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


@dataclass(frozen=True)
class RemoteAccess:
    """What a query or update would fetch from other hosts, as its parse says."""

    uses: frozenset[str] = frozenset()  # SERVICE, LOAD
    datasets: tuple[str, ...] = ()  # the IRIs of FROM and FROM NAMED


class Unreadable(QueryError):
    """A text that mentions SERVICE, LOAD or FROM but cannot be parsed to find out whether it uses
    them."""

    def __init__(self, word: str, reason: str) -> None:
        self.word, self.reason = word, reason
        super().__init__(
            Message(
                f"The query mentions {word}, and sckg cannot tell whether it would send a request "
                f"to another host: {reason}. Refused by default; pass {{=allow_remote}} to permit "
                "it."
            )
        )


def remote_access(
    text: str, keywords: Collection[str] = ("SERVICE", "LOAD", "FROM")
) -> RemoteAccess:
    """Which of SERVICE and LOAD a query or update uses, and its FROM IRIs, found in its parse
    (rdflib's SPARQL 1.1 parser), never in its text. A text that mentions none of ``keywords``
    outside its IRI tokens cannot use them: it is not parsed.

    The parser reads the text as Oxigraph does: a ``\\uXXXX`` escape is a character of the string
    or IRI it stands in (one that would end it, such as ``\\u0022``, a neutral one), and a carriage
    return ends a comment. Outside them an escaped letter counts too (``\\u0053ERVICE``: SPARQL 1.1
    reads escapes before parsing, Oxigraph does not). Raises :class:`Unreadable` for a text that
    mentions one of ``keywords`` but cannot be parsed or is longer than ``PARSED_CHARACTERS``.
    """
    readable = _readable(text)
    # Unicode folding, a superset of the engine's (also ſervice), of the text without its IRI tokens
    folded = _readable(_IRIREF.sub("<>", _IRIREF_FRAGMENT.sub(r" \1 ", text))).casefold()
    mentioned = [
        word for word in ("SERVICE", "LOAD", "FROM") if word in keywords and word.lower() in folded
    ]
    if not mentioned:
        return RemoteAccess()
    if len(text) > PARSED_CHARACTERS:
        raise Unreadable(
            mentioned[0],
            f"the text has {len(text):,} characters, more than the "
            f"{PARSED_CHARACTERS:,} its SPARQL parser (rdflib) reads",
        )
    access = _parsed(readable, is_update(text))
    if isinstance(access, str):
        raise Unreadable(mentioned[0], access)
    return access


def _readable(text: str) -> str:
    """The text as :func:`remote_access` gives it to the parser (escapes replaced, CR as LF)."""

    def character(match: re.Match[str]) -> str:
        value = chr(min(int(match.group(1) or match.group(2), 16), 0x10FFFF))
        return value if value.isalnum() or value in _IN_TOKENS else _NEUTRAL

    return (_CODEPOINT.sub(character, text) if "\\" in text else text).replace("\r", "\n")


@functools.lru_cache(maxsize=256)
def _parsed(text: str, update_first: bool) -> RemoteAccess | str:
    """What a readable text fetches, parsed as a query or as an update, or why neither parses."""
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql import parser

    grammars = [parser.Query, parser.UpdateUnit]
    reasons = []
    for grammar in reversed(grammars) if update_first else grammars:
        try:
            with _PARSING:  # not rdflib's parseQuery: it would expand the escapes again
                tree = grammar.parse_string(text, parse_all=True)
            return _access(tree, grammar is parser.Query)
        except ParseBaseException as exc:
            reasons.append(
                f"its SPARQL parser (rdflib) stops at line {exc.lineno}, column {exc.col}"
            )
        except RecursionError:
            return "it is nested too deeply for its SPARQL parser (rdflib)"
        except Exception as exc:  # a parse action or a prefix failed: whatever it was, refuse
            return f"its SPARQL parser (rdflib) fails: {exc}"
    return reasons[0]


def _access(tree: Any, query: bool) -> RemoteAccess:
    """What the parse tree of a query (or update) fetches."""
    from pyparsing import ParseResults
    from rdflib.plugins.sparql.algebra import translatePrologue
    from rdflib.plugins.sparql.parserutils import CompValue

    uses: set[str] = set()
    datasets: list[str] = []
    prologue = translatePrologue(tree[0], None, PREFIXES) if query else None
    nodes: list[Any] = [tree]
    while nodes:  # a loop, not recursion: the tree may be as deep as the parser went
        node = nodes.pop()
        if isinstance(node, CompValue):
            uses.update(_FETCHING.get(node.name, ()))
            if node.name == "DatasetClause" and prologue is not None:
                iri = node["default"] if "default" in node else node["named"]
                if isinstance(iri, CompValue):
                    iri = prologue.resolvePName(iri.prefix, iri.localname)
                datasets.append(str(prologue.absolutize(iri)))
            nodes.extend(node.values())
        elif isinstance(node, list | tuple | ParseResults):
            nodes.extend(node)
    return RemoteAccess(frozenset(uses), tuple(datasets))


def check_remote(query: str, graph_names: Callable[[], set[str]]) -> None:
    """Refuse ``SERVICE``, and ``FROM <iri>`` of a graph the store does not hold (not in
    ``graph_names()``)."""
    access = remote_access(query, ("SERVICE", "FROM"))
    if "SERVICE" in access.uses:
        raise QueryError(error_message("error.service_refused"))
    known = graph_names() if access.datasets else set()
    outside = [iri for iri in access.datasets if iri not in known]
    if outside:
        raise QueryError(error_message("error.from_refused", graph=outside[0]))


def query_form(query: str) -> str:
    """The query form: ``SELECT``, ``ASK``, ``CONSTRUCT``, ``DESCRIBE`` or, for an update,
    ``UPDATE``."""
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
        return QueryError(error_message("error.syntax", message=message))
    line = int(match["line"] or match["at_line"]) - line_offset
    column = int(match["column"] or match["at_column"])
    lines = query.splitlines() or [""]
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    pointer = " " * (max(column, 1) - 1) + "^"
    detail: Any = match["detail"].strip().splitlines()[0]
    unknown = _unknown_prefix(text, column) if "Prefix not found" in detail else None
    if unknown is not None:
        detail = unknown
    elif len(detail) > 100:
        detail = detail[:100].rsplit(",", 1)[0] + ", …"
    return QueryError(
        error_message(
            "error.syntax_at", line=line, column=column, detail=detail, text=text, pointer=pointer
        )
    )


def _unknown_prefix(text: str, column: int) -> Message | None:
    """What to say of the prefixed name at (or just before) ``column`` of the line ``text`` whose
    prefix the query does not declare: the prefix, and the full IRI to write where sckg knows it
    (a city's ``musterstadt:project/wlan``, as tables print it)."""
    for found in re.finditer(r"[^\s{}()<>;,]+", text):
        if found.start() < column <= found.end() + 1 and ":" in found.group():
            name = found.group().rstrip(".")
            prefix = name.split(":", 1)[0]
            if prefix in PREFIXES:
                return None
            iri = as_iri(name)
            hint = error_message("error.syntax_iri", iri=iri) if iri else ""
            return error_message("error.syntax_prefix", prefix=prefix, hint=hint)
    return None
