"""The knowledge graph: RDF files loaded into a store, queried with SPARQL.

Every store is reached through SPARQL: ``memory`` (an in-memory Oxigraph store filled from files
each run), ``oxigraph:PATH`` (a persistent Oxigraph store on disk) and ``sparql:URL`` (any SPARQL
1.1 endpoint). Each data file is loaded into its own named graph (``file:`` IRI), the ontology and
vocabularies into ``MODEL_GRAPH``; queries see the union of all graphs as their default graph.
"""

from __future__ import annotations

import io
import os
import re
import sys
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any, Protocol, TypeVar, cast

import pyoxigraph as ox

from . import resources
from .errors import DataError, QueryError, StoreError
from .namespaces import LABEL_PROPERTIES, MODEL_GRAPH, PREFIXES, tail
from .results import Table, Term, solution_rows
from .sparql import bind_values, check_remote, is_update, syntax_error
from .storespec import StoreKind, StoreSpec, parse_store
from .words import error_message

RDF_FORMATS: dict[str, ox.RdfFormat] = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".n3": ox.RdfFormat.N3,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
    ".xml": ox.RdfFormat.RDF_XML,
    ".jsonld": ox.RdfFormat.JSON_LD,
}
#: The inventory tables ``sckg import table`` reads (sckg.ingest.cells.read_sheets): not RDF, but
#: turned into it.
TABLE_SUFFIXES = (".xlsx", ".xlsm", ".csv")
#: Within :meth:`KnowledgeGraph.cached`, results of up to this many rows are kept, at most
#: CACHED_RESULTS of them.
CACHED_ROWS = 20_000
CACHED_RESULTS = 256
T = TypeVar("T")
_BOM = b"\xef\xbb\xbf"
#: RDF/XML nested deeper than this is refused (libxml2's limit without XML_PARSE_HUGE; real files
#: need about ten levels).
MAX_XML_DEPTH = 256
#: JSON-LD nested deeper than this is refused (Oxigraph's parser needs time growing with the square
#: of the depth, 2,000 levels: 10 s, and crashes at a few thousand).
MAX_JSON_DEPTH = 64
#: A JSON string (its brackets are not nesting), and a string or a bracket.
_JSON_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"')
_JSON_TOKEN = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]')
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
_PARSE_POSITION = re.compile(r"line (\d+) (?:column|between columns) (\d+)")


class Backend(Protocol):
    """What a store must offer: SPARQL queries with variable bindings, and its graph names."""

    def select(self, query: str, bindings: Mapping[str, Term]) -> Table: ...
    def construct(self, query: str, bindings: Mapping[str, Term]) -> list[ox.Triple]: ...
    def ask(self, query: str, bindings: Mapping[str, Term]) -> bool: ...
    def graph_names(self) -> set[str]: ...
    def load_file(self, path: Path, graph: str) -> None: ...
    def drop_graph(self, graph: str) -> None: ...
    def close(self) -> None: ...


class OxigraphBackend:
    """An Oxigraph store in memory or on disk (at ``path``), queried in-process."""

    def __init__(self, store: ox.Store, path: Path | None = None) -> None:
        self.store, self.path = store, path
        self._replacing = 0

    @contextmanager
    def replacing(self) -> Iterator[None]:
        """Within the block, graphs of a store on disk may be dropped and loaded again as one
        change: a copy of the store as it was (a checkpoint: hard links, taken in a tenth of a
        second) is kept beside it until the block ends, and a process killed within the block leaves
        the store to be restored from it when the store is next opened (:func:`_recover`). In
        memory, and within an outer block, nothing is kept."""
        if self.path is None or self._replacing:
            yield
            return
        saving, previous = _beside(self.path, "saving"), _beside(self.path, "previous")
        _remove(saving)
        self.store.flush()
        self.store.backup(str(saving))
        saving.rename(previous)  # from here on, an unfinished replace is undone on opening
        self._replacing += 1
        try:
            yield
            self.store.flush()
        finally:
            self._replacing -= 1
        discard = _beside(self.path, "discard")
        previous.rename(discard)  # the new state is whole: nothing to undo any more
        _remove(discard)

    def _query(self, query: str, bindings: Mapping[str, Term]) -> Any:
        try:
            return self.store.query(
                bind_values(query, {name: str(term) for name, term in bindings.items()}),
                prefixes=PREFIXES,
                use_default_graph_as_union=True,
            )
        except SyntaxError as exc:
            if bindings:  # report the position in the text as written, without the bound values
                return self._query(query, {})
            raise syntax_error(query, str(exc)) from None
        except OSError as exc:
            raise QueryError(error_message("error.query_failed", reason=exc)) from None

    def select(self, query: str, bindings: Mapping[str, Term]) -> Table:
        result = self._query(query, bindings)
        if not isinstance(result, ox.QuerySolutions):
            raise QueryError(error_message("error.expected_form", form="SELECT"))
        columns = [v.value for v in result.variables]
        try:
            return Table(columns, solution_rows(result))
        except (OSError, RuntimeError) as exc:
            raise QueryError(error_message("error.query_failed", reason=exc)) from None

    def construct(self, query: str, bindings: Mapping[str, Term]) -> list[ox.Triple]:
        result = self._query(query, bindings)
        if not isinstance(result, ox.QueryTriples):
            raise QueryError(error_message("error.expected_form", form="CONSTRUCT or DESCRIBE"))
        try:
            return list(result)
        except (OSError, RuntimeError) as exc:
            raise QueryError(error_message("error.query_failed", reason=exc)) from None

    def ask(self, query: str, bindings: Mapping[str, Term]) -> bool:
        result = self._query(query, bindings)
        if not isinstance(result, ox.QueryBoolean):
            raise QueryError(error_message("error.expected_form", form="ASK"))
        return bool(result)

    def graph_names(self) -> set[str]:
        return {g.value for g in self.store.named_graphs() if isinstance(g, ox.NamedNode)}

    def load_file(self, path: Path, graph: str) -> None:
        fmt = rdf_format(path)
        refuse_hostile(path, fmt)
        try:
            with path.open("rb") as handle:
                if (
                    handle.read(3) == _BOM
                ):  # what Windows editors write first; the RDF parsers refuse it
                    self.store.bulk_load(input=handle, format=fmt, to_graph=ox.NamedNode(graph))
                    return
            self.store.bulk_load(path=str(path), format=fmt, to_graph=ox.NamedNode(graph))
        except SyntaxError as exc:
            raise DataError(_parse_error(path, str(exc))) from None
        except (OSError, ValueError) as exc:
            raise DataError(error_message("error.unreadable", path=path, reason=exc)) from None

    def drop_graph(self, graph: str) -> None:
        node = ox.NamedNode(graph)
        if self.store.contains_named_graph(node):
            # its triples deleted by an update first: 9.0 s for 482,873 against 14.1 s and less
            # memory than remove_graph alone, which then drops the empty graph's name
            self.store.update(f"DELETE WHERE {{ GRAPH {node} {{ ?s ?p ?o }} }}")
            self.store.remove_graph(node)

    def close(self) -> None:
        self.store.flush()


def rdf_format(path: Path) -> ox.RdfFormat:
    """The RDF format of a file, by its extension."""
    try:
        return RDF_FORMATS[path.suffix.lower()]
    except KeyError:
        if path.suffix.lower() in TABLE_SUFFIXES:
            out = path.with_suffix(".ttl")
            raise DataError(error_message("error.table_not_rdf", path=path, out=out)) from None
        known = ", ".join(sorted(RDF_FORMATS))
        raise DataError(
            error_message("error.rdf_type", path=path, suffix=path.suffix, known=known)
        ) from None


def check_parses(path: Path) -> None:
    """Read an RDF file without storing it: :class:`DataError` (as loading would raise it) if it is
    malformed. About a tenth of the time of loading; done before a file replaces its previous
    graph."""
    from collections import deque

    _parse(path, lambda triples: deque(triples, maxlen=0))


def ntriples(path: Path) -> bytes:
    """The triples of an RDF file as N-Triples (a line each, as the file writes its literals), read
    without storing them: half the time of loading. :class:`DataError` as loading would raise it."""
    return _parse(path, lambda triples: ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"")


def _parse(path: Path, use: Callable[[Iterator[Any]], T]) -> T:
    """``use`` applied to the triples (or quads) of an RDF file as they are parsed."""
    fmt = rdf_format(path)
    refuse_hostile(path, fmt)
    try:
        with path.open("rb") as handle:
            if handle.read(3) != _BOM:
                handle.seek(0)
            return use(ox.parse(handle, format=fmt))
    except SyntaxError as exc:
        raise DataError(_parse_error(path, str(exc))) from None
    except (OSError, ValueError) as exc:
        raise DataError(error_message("error.unreadable", path=path, reason=exc)) from None


def refuse_hostile(path: Path, fmt: ox.RdfFormat) -> None:
    """Refuse what a parser would take too long (or crash) on: see :func:`refuse_hostile_xml` and
    :func:`refuse_deep_json`."""
    if fmt == ox.RdfFormat.RDF_XML:
        refuse_hostile_xml(path)
    elif fmt == ox.RdfFormat.JSON_LD:
        refuse_deep_json(path)


def refuse_deep_json(path: Path) -> None:
    """Refuse JSON nested more than MAX_JSON_DEPTH levels deep. The depth is found without parsing:
    strings removed, brackets counted (in C); only a file that is too deep is scanned token by token
    for the line and column of the error."""
    import mmap
    from itertools import accumulate

    try:
        with path.open("rb") as handle:
            if path.stat().st_size == 0:
                return
            with mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as content:
                brackets = _JSON_STRING.sub(b"", content).translate(None, _NOT_BRACKETS)
                step = {ord("{"): 1, ord("["): 1, ord("}"): -1, ord("]"): -1}
                if max(accumulate(map(step.__getitem__, brackets)), default=0) <= MAX_JSON_DEPTH:
                    return
                depth, offset = 0, 0
                for token in _JSON_TOKEN.finditer(content):
                    depth += step.get(token[0][0], 0) if len(token[0]) == 1 else 0
                    if depth > MAX_JSON_DEPTH:
                        offset = token.start()
                        break
                line = content[:offset].count(b"\n") + 1
                start = content.rfind(b"\n", 0, offset) + 1
                column = len(content[start:offset].decode("utf-8", "replace")) + 1
    except OSError as exc:
        raise DataError(
            error_message("error.unreadable", path=path, reason=exc.strerror or exc)
        ) from None
    raise DataError(
        error_message("error.json_depth", path=path, line=line, column=column, depth=MAX_JSON_DEPTH)
    )


def refuse_hostile_xml(path: Path) -> None:
    """Refuse an XML file that declares entities or nests elements more than MAX_XML_DEPTH deep,
    before the RDF/XML parser reads it: nested entities ("billion laughs") make a file of a few
    bytes expand to gigabytes, and Oxigraph's parser takes time growing with the square of the
    depth (100,000 levels: minutes). Entities are found by a scan, the depth by one expat pass."""
    import mmap
    import pyexpat

    try:
        with path.open("rb") as handle:
            if path.stat().st_size == 0:
                return
            with mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as content:
                declares = content.find(b"<!ENTITY") >= 0
            if declares:
                raise DataError(error_message("error.xml_entities", path=path))
            handle.seek(0)
            parser = pyexpat.ParserCreate()
            depth = 0

            def start(name: str, attributes: list[str]) -> None:
                nonlocal depth
                depth += 1
                if depth > MAX_XML_DEPTH:
                    line, column = parser.CurrentLineNumber, parser.CurrentColumnNumber + 1
                    raise DataError(
                        error_message(
                            "error.xml_depth",
                            path=path,
                            line=line,
                            column=column,
                            depth=MAX_XML_DEPTH,
                        )
                    )

            def end(name: str) -> None:
                nonlocal depth
                depth -= 1

            parser.ordered_attributes = True
            parser.StartElementHandler = start
            parser.EndElementHandler = end
            parser.ParseFile(handle)
    except pyexpat.ExpatError:
        return  # malformed: the RDF/XML parser reports where
    except OSError as exc:
        raise DataError(
            error_message("error.unreadable", path=path, reason=exc.strerror or exc)
        ) from None


def _parse_error(path: Path, message: str) -> str:
    position = _PARSE_POSITION.search(message)
    detail = re.sub(
        r"^Parser error at line \d+ (?:column \d+|between columns \d+ and \d+): ", "", message
    )
    detail = re.sub(r" \([^()]*, line \d+\)$", "", detail)
    if position:
        line, column = position.group(1), position.group(2)
        return error_message(
            "error.malformed_at", path=path, line=line, column=column, detail=detail
        )
    return error_message("error.malformed", path=path, detail=detail)


def collect_files(paths: Iterable[Path], param: str = "data") -> list[Path]:
    """The RDF files named by ``paths``: files as given, folders searched recursively, in sorted
    order. A path that does not exist is an error that names the parameter ``param`` it came
    from (an option by its name, ``data``; an argument by its metavar, ``OLD``)."""
    files: list[Path] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*") if p.suffix.lower() in RDF_FORMATS and p.is_file()
            )
            if not found:
                raise _no_rdf_files(path)
            files.extend(found)
        elif path.is_file():
            files.append(path)
        elif path.exists():
            raise DataError(error_message("error.not_file_or_folder", path=path))
        else:
            key = "error.no_such_argument" if param.isupper() else "error.no_such_path"
            raise DataError(error_message(key, path=path, param=param))
    return files


def _no_rdf_files(folder: Path) -> DataError:
    """The error for a folder without RDF files; if it holds inventory tables, it says how to turn
    them into RDF (the folder itself when its CSV files are in it, else its first table)."""
    tables = sorted(
        p for p in folder.rglob("*") if p.suffix.lower() in TABLE_SUFFIXES and p.is_file()
    )
    if not tables:
        known = ", ".join(sorted(RDF_FORMATS))
        return DataError(error_message("error.no_rdf_files", path=folder, known=known))
    csv = any(p.parent == folder and p.suffix.lower() == ".csv" for p in tables)
    source = folder if csv else tables[0]
    out = folder.with_name(f"{folder.name}.ttl") if csv else source.with_suffix(".ttl")
    return DataError(error_message("error.tables_not_rdf", path=folder, source=source, out=out))


def graph_iri(path: Path) -> str:
    """The named graph a data file is loaded into."""
    return path.resolve().as_uri()


def open_backend(store: str | StoreSpec, *, create: bool = True) -> Backend:
    """A backend for a store specification: ``memory``, ``oxigraph:PATH`` or ``sparql:URL``.

    With ``create=False`` a missing Oxigraph store is an error instead of a new, empty store.
    """
    spec = parse_store(store)
    if spec.kind is StoreKind.memory:
        return OxigraphBackend(ox.Store())
    if spec.kind is StoreKind.oxigraph:
        return OxigraphBackend(_open_oxigraph(spec.path, create), spec.path)
    from .remote import SparqlBackend

    return SparqlBackend(spec.location)


def _beside(path: Path, what: str) -> Path:
    """A folder beside the store at ``path`` that a replace uses (see
    :meth:`OxigraphBackend.replacing`)."""
    return path.with_name(f"{path.name}.sckg-{what}")


def _remove(folder: Path) -> None:
    import shutil

    shutil.rmtree(folder, ignore_errors=True)


def _recover(path: Path) -> None:
    """Undo a replace that a killed process left unfinished: the store as it was before comes
    back."""
    previous, discard = _beside(path, "previous"), _beside(path, "discard")
    if previous.is_dir():
        _remove(discard)
        if path.exists():
            path.rename(discard)
        previous.rename(path)
    _remove(discard)
    _remove(_beside(path, "saving"))


#: ``struct flock`` on Linux: type, whence, start, length, process id (and padding).
_FLOCK = "hhqqi4x"


def serving_process(path: Path) -> int | None:
    """The process that serves the Oxigraph store at ``path`` read-only (``sckg serve``), if one
    does (Linux). Such a server holds a shared lock on the store's ``LOCK`` file, the file Oxigraph
    locks exclusively to write, so no process can change the store under it
    (:func:`sckg.serve.hold_store`); a writer holds an exclusive one."""
    if not sys.platform.startswith("linux"):
        return None
    import fcntl
    import struct

    try:
        descriptor = os.open(path / "LOCK", os.O_RDONLY)
    except OSError:
        return None
    try:
        asked = struct.pack(_FLOCK, fcntl.F_WRLCK, os.SEEK_SET, 0, 0, 0)
        kind, _, _, _, pid = struct.unpack(_FLOCK, fcntl.fcntl(descriptor, fcntl.F_GETLK, asked))
    except OSError:
        return None
    finally:
        os.close(descriptor)
    return int(pid) if kind == fcntl.F_RDLCK else None


def _open_oxigraph(path: Path, create: bool) -> ox.Store:
    _recover(path)
    if path.exists() and not path.is_dir():
        raise StoreError(error_message("error.store_is_file", path=path))
    if path.is_dir() and any(path.iterdir()) and not (path / "CURRENT").exists():
        raise StoreError(error_message("error.store_other_files", path=path))
    if not create and not (path / "CURRENT").exists():
        raise StoreError(error_message("error.no_store_yet", path=path))
    file = next((p for p in path.parents if p.exists() and not p.is_dir()), None)
    if file is not None:
        raise StoreError(error_message("error.store_under_file", path=path, file=file))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        return ox.Store(str(path))
    except OSError as exc:
        if "lock" in str(exc).lower():
            server = serving_process(path)
            if server is not None:
                raise StoreError(
                    error_message("error.store_served", path=path, pid=server)
                ) from None
            raise StoreError(error_message("error.store_in_use", path=path)) from None
        raise StoreError(error_message("error.store_unopened", path=path, reason=exc)) from None


@contextmanager
def quiet_rdflib() -> Iterator[None]:
    """Keep rdflib's and pySHACL's log lines and warnings from the user: an ill-typed literal
    (``"2023-02-29"^^ xsd:date``) makes rdflib log "Failed to convert Literal" with a traceback and
    warn about odd booleans; such a literal is reported as a validation finding instead."""
    import logging
    import warnings

    loggers = [logging.getLogger(name) for name in ("rdflib", "pyshacl")]
    levels = [logger.level for logger in loggers]
    try:
        for logger in loggers:
            logger.setLevel(logging.CRITICAL)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


class KnowledgeGraph:
    """An RDF knowledge graph on a store, answering SPARQL. The entry point of the Python API.

    >>> kg = KnowledgeGraph.open()            # the bundled Braunschweig data, in memory
    >>> kg.select("SELECT (COUNT(*) AS ?n) WHERE { ?p a sckg:Project }").records()
    """

    def __init__(self, backend: Backend, *, allow_remote: bool = False) -> None:
        self.backend = backend
        self.allow_remote = allow_remote
        self.files: list[Path] = []  # the data files loaded through this object
        self._caching = 0
        self._results: OrderedDict[tuple[str, tuple[tuple[str, str], ...]], Table] = OrderedDict()
        self._labels: dict[tuple[str, str], tuple[int, int, str] | None] = {}
        self._made: dict[tuple[Any, ...], Any] = {}  # see remembered()
        self._vocabularies: set[str] = set()  # the reference vocabularies loaded here

    @contextmanager
    def cached(self) -> Iterator[KnowledgeGraph]:
        """Within this block, a SELECT asked again (same text and bindings) and labels looked up
        again are answered from memory: a job that asks the same question in several places (the
        report's sections and maps share projections) asks the store once. Only results of up to
        CACHED_ROWS rows are kept; the memory is freed when the outermost block ends."""
        self._caching += 1
        try:
            yield self
        finally:
            self._caching -= 1
            if not self._caching:
                self._results.clear()
                self._labels.clear()
                self._made.clear()

    def remembered(self, key: tuple[Any, ...], make: Callable[[], T]) -> T:
        """``make()``, made once per ``key`` within :meth:`cached` (a report's sections and its
        comparison ask for the same validation); outside it, made each time."""
        if not self._caching:
            return make()
        if key not in self._made:
            self._made[key] = make()
        return cast(T, self._made[key])

    @classmethod
    def open(
        cls,
        data: Sequence[str | os.PathLike[str]] | None = None,
        store: str | StoreSpec = "memory",
        *,
        allow_remote: bool = False,
        progress: Callable[[Path], None] | None = None,
    ) -> KnowledgeGraph:
        """Open ``store`` and load ``data`` (files or folders) into it.

        Without ``data``, a memory store gets the bundled Braunschweig dataset; other stores are
        used as they are. With data, the ontology and vocabularies are loaded too, unless the store
        already holds them.
        """
        if data is None and parse_store(store).kind is StoreKind.memory:
            data = [resources.dataset("braunschweig")]
        files = collect_files(Path(p) for p in data or [])
        kg = cls(open_backend(store, create=bool(files)), allow_remote=allow_remote)
        kg.load(files, progress=progress)
        return kg

    def load(
        self,
        files: Sequence[Path],
        *,
        progress: Callable[[Path], None] | None = None,
        stop: Callable[[], bool] | None = None,
    ) -> list[Path]:
        """Load RDF files, each into its own named graph (replacing that graph), plus the model if
        missing; return the files loaded (all, unless ``stop()`` said so between two files).

        Loading a file again gives the same graph. A file loaded again is read once first: if it is
        malformed, the error is raised and its previous graph stays as it was.
        """
        self._results.clear()
        self._labels.clear()
        self._made.clear()
        if files and MODEL_GRAPH not in self.backend.graph_names():
            for path in resources.model_files():
                self.backend.load_file(path, MODEL_GRAPH)
        loaded: list[Path] = []
        present = self.backend.graph_names() if files else set()
        backend = self.backend
        again = present & {graph_iri(f) for f in files}  # graphs replaced: all or nothing (on disk)
        with (
            backend.replacing() if again and isinstance(backend, OxigraphBackend) else nullcontext()
        ):
            self._load_files(files, present, loaded, progress, stop)
        return loaded

    def _load_files(
        self,
        files: Sequence[Path],
        present: set[str],
        loaded: list[Path],
        progress: Callable[[Path], None] | None,
        stop: Callable[[], bool] | None,
    ) -> None:
        """Load ``files`` (see :meth:`load`), appending each one loaded to ``loaded``."""
        for path in files:
            if stop is not None and stop():
                break
            self.files.append(path)
            graph = graph_iri(path)
            if graph in present:
                check_parses(path)
                self.backend.drop_graph(graph)
            try:
                self.backend.load_file(path, graph)
            except DataError:
                self.backend.drop_graph(graph)
                raise
            loaded.append(path)
            if progress:
                progress(path)

    def use_vocabulary(self, name: str) -> None:
        """Load a reference vocabulary (``resources.REFERENCE_VOCABULARIES``, e.g. ``"sdg"``: the
        UN's 17 goals, 169 targets and their indicators) into the model graph, once: jobs that
        compare against the frame call this; other graphs stay without it."""
        path = resources.reference_vocabulary(name)
        if name in self._vocabularies:
            return
        self.backend.load_file(path, MODEL_GRAPH)
        self._vocabularies.add(name)
        self._results.clear()
        self._labels.clear()
        self._made.clear()

    def _check(self, query: str) -> None:
        if is_update(query):
            raise QueryError(error_message("error.update_refused"))
        if not self.allow_remote:
            check_remote(query, self.backend.graph_names)

    def _checked(self, query: str, timeout: float | None, run: Callable[[], T]) -> T:
        """Check the query, then ``run()`` it, both within ``timeout`` (the check may parse)."""

        def checked() -> T:
            self._check(query)
            return run()

        return within(timeout, checked)

    def select(
        self,
        query: str,
        bindings: Mapping[str, Term] | None = None,
        *,
        timeout: float | None = None,
    ) -> Table:
        """Run a SELECT query; ``bindings`` pre-bind variables to RDF terms (never pasted into the
        text). With ``timeout`` (seconds), a query still running then raises :class:`QueryError`
        (see :func:`within`)."""
        values = dict(bindings or {})
        if not self._caching:
            return self._checked(query, timeout, lambda: self.backend.select(query, values))
        key = (query, tuple(sorted((name, str(term)) for name, term in (bindings or {}).items())))
        table = self._results.get(key)  # only checked queries have results here
        if table is None:
            table = self._checked(query, timeout, lambda: self.backend.select(query, values))
            if len(table.rows) > CACHED_ROWS:
                return table
            self._results[key] = table
            if len(self._results) > CACHED_RESULTS:
                self._results.popitem(last=False)
        self._results.move_to_end(key)
        return Table(table.columns, list(table.rows))

    def construct(
        self,
        query: str,
        bindings: Mapping[str, Term] | None = None,
        *,
        timeout: float | None = None,
    ) -> list[ox.Triple]:
        """Run a CONSTRUCT or DESCRIBE query (``timeout`` as for :meth:`select`)."""
        values = dict(bindings or {})
        return self._checked(query, timeout, lambda: self.backend.construct(query, values))

    def ask(
        self,
        query: str,
        bindings: Mapping[str, Term] | None = None,
        *,
        timeout: float | None = None,
    ) -> bool:
        """Run an ASK query (``timeout`` as for :meth:`select`)."""
        values = dict(bindings or {})
        return self._checked(query, timeout, lambda: self.backend.ask(query, values))

    def data_graphs(self) -> list[str]:
        """The named graphs holding data (every graph but the model), sorted."""
        return sorted(g for g in self.backend.graph_names() if g != MODEL_GRAPH)

    def require_data(self) -> None:
        """Raise :class:`DataError` when the data graphs hold no triple (the graph holds the model
        at most), so that a command drawing or reporting on the data says what is wrong instead of
        showing nothing."""
        # a SELECT, not an ASK: within cached() a report's many maps ask the store once
        if self.select(
            f"SELECT ?s WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != <{MODEL_GRAPH}>) }} LIMIT 1"
        ).rows:
            return
        where = (
            error_message("error.no_data.files", files=", ".join(map(str, self.files)))
            if self.files
            else error_message("error.no_data.store")
        )
        raise DataError(error_message("error.no_data", where=where))

    def triples(self, *, include_model: bool = False) -> list[ox.Triple]:
        """Every triple of the data graphs (and the model, if asked), without duplicates."""
        where = (
            "?s ?p ?o"
            if include_model
            else f"GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != <{MODEL_GRAPH}>)"
        )
        return self.construct(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ {where} }}")

    def about(self, iris: Iterable[str]) -> dict[str, dict[tuple[str, Term], None]]:
        """The statements (in any graph, once) about each of ``iris`` that has any: IRI →
        (predicate, object), in a dict for their order. On an Oxigraph store read from its index:
        the 221,000 statements about 14,000 council papers in 0.5-0.7 s, against 0.9-1.0 s for a
        VALUES query's rows, which would then still be grouped."""
        found: dict[str, dict[tuple[str, Term], None]] = {}
        if isinstance(self.backend, OxigraphBackend):
            store = self.backend.store
            for iri in iris:
                statements = {
                    (q.predicate.value, q.object): None
                    for q in store.quads_for_pattern(ox.NamedNode(iri), None, None)
                    if not isinstance(q.object, ox.Triple)  # RDF-star: not in sckg's data
                }
                if statements:
                    found[iri] = statements
            return found
        wanted = list(iris)
        for start in range(0, len(wanted), 1000):
            values = " ".join(f"<{iri}>" for iri in wanted[start : start + 1000])
            for t in self.construct(
                f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ VALUES ?s {{ {values} }} ?s ?p ?o }}"
            ):
                subject, value = t.subject, t.object
                if isinstance(subject, ox.NamedNode) and not isinstance(value, ox.Triple):
                    found.setdefault(subject.value, {})[(t.predicate.value, value)] = None
        return found

    def data_ntriples(self) -> bytes:
        """Every triple of the data graphs as N-Triples in UTF-8, a line each (``<s> <p> "o"@de .``;
        a triple in two graphs twice): on an Oxigraph store written in one go, so a million triples
        take seconds instead of a Python object each (compared as lines of bytes, decoded only where
        they differ; the text searched at once)."""
        data = io.BytesIO()
        if isinstance(self.backend, OxigraphBackend):
            for graph in self.data_graphs():
                self.backend.store.dump(
                    data, ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(graph)
                )
        else:
            ox.serialize(self.triples(), data, ox.RdfFormat.N_TRIPLES)
        return data.getvalue()

    def to_rdflib(self, *, include_model: bool = False) -> Any:
        """The graph as an ``rdflib.Graph`` (for pySHACL and the serialisers)."""
        import rdflib

        data = ox.serialize(
            self.triples(include_model=include_model), format=ox.RdfFormat.N_TRIPLES
        )
        graph = rdflib.Graph()
        with quiet_rdflib():
            graph.parse(data=data.decode("utf-8") if data else "", format="nt")
        return graph

    def labels(
        self, iris: Iterable[str], lang: str = "de", *, fallback: bool = True
    ) -> dict[str, str]:
        """The best label of each IRI in ``lang`` (then German, English, any); without one, the
        IRI's tail (or, with ``fallback=False``, no entry). In one language skos:prefLabel wins over
        rdfs:label, then dcterms:title, then foaf:name, so the choice does not depend on the order
        in which a store answers."""
        wanted = sorted(set(iris))
        best: dict[str, tuple[int, int, str]] = {}
        unknown = wanted
        if self._caching:
            known = {
                iri: self._labels[(iri, lang)] for iri in wanted if (iri, lang) in self._labels
            }
            best.update((iri, found) for iri, found in known.items() if found is not None)
            unknown = [iri for iri in wanted if iri not in known]
        # FILTER, not a second VALUES: Oxigraph joins two VALUES blocks with a scan of every triple
        # (2,000 IRIs took 2-3 s on a 128k-triple graph; with the FILTER 0.03 s).
        properties = ", ".join(f"<{p}>" for p in LABEL_PROPERTIES)
        for start in range(0, len(unknown), 2000):
            chunk = unknown[start : start + 2000]
            values = " ".join(f"<{iri}>" for iri in chunk)
            table = self.select(
                f"SELECT ?x ?p ?l WHERE {{ VALUES ?x {{ {values} }} ?x ?p ?l FILTER(?p IN "
                f"({properties})) }}"
            )
            for x, prop, label in table.bound_rows():
                rank = label_rank(prop.value, label, lang)
                if x.value not in best or rank < best[x.value]:
                    best[x.value] = rank
        if self._caching:
            self._labels.update(((iri, lang), best.get(iri)) for iri in unknown)
        if not fallback:
            return {iri: label for iri, (_, _, label) in best.items()}
        return {iri: best[iri][2] if iri in best else tail(iri) for iri in wanted}

    def close(self) -> None:
        """Flush and release the store."""
        self.backend.close()


def within(timeout: float | None, work: Callable[[], T]) -> T:
    """``work()``, or :class:`QueryError` if it has not finished after ``timeout`` seconds (``None``
    or 0: no limit). The work runs in a worker thread (Oxigraph evaluates without holding Python's
    lock, an endpoint is waited for), so the caller gets control back on time and Ctrl-C works; the
    abandoned query ends with the process (pyoxigraph offers no way to cancel it), so a command
    exits after this error."""
    if not timeout:
        return work()
    outcome: list[Any] = []

    def run() -> None:
        try:
            outcome.append((True, work()))
        except BaseException as exc:  # handed to the caller's thread
            outcome.append((False, exc))

    worker = threading.Thread(target=run, name="sckg-query", daemon=True)
    worker.start()
    worker.join(timeout)
    if not outcome:
        raise QueryError(error_message("error.query_timeout", seconds=f"{timeout:g}"))
    done, value = outcome[0]
    if not done:
        raise value
    return cast(T, value)


def label_rank(prop: str, label: Term, lang: str) -> tuple[int, int, str]:
    """How good ``label``, a value of the label property ``prop``, is as a label in ``lang``: the
    lowest is the label :meth:`KnowledgeGraph.labels` chooses (its language: ``lang``, German,
    English, none, any; then the property's place in :data:`LABEL_PROPERTIES`; then the text)."""
    order = [lang, "de", "en", None]
    language = label.language if isinstance(label, ox.Literal) else None
    place = order.index(language) if language in order else len(order)
    return place, LABEL_PROPERTIES.index(prop), label.value
