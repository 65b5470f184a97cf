"""Filling stores: bulk loading into a persistent Oxigraph store, and pushing graphs to a Graph
Store endpoint.

Each data file is its own named graph in a store (``file:`` IRI), so loading a file again replaces
exactly what it said before. A SPARQL endpoint gets one named graph per dataset instead
(``https://w3id.org/sckg/graph/<dataset>``, the dataset being the folder a file lies in), so that
pushing a city again from another machine or checkout replaces its graph rather than adding a second
copy.
"""

from __future__ import annotations

import signal
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from .errors import ParameterError, StoreError, UsageError
from .kg import KnowledgeGraph, OxigraphBackend, collect_files, graph_iri, open_backend
from .namespaces import MODEL_GRAPH, slug
from .remote import DEFAULT_TIMEOUT, check_http_url, http_request
from .storespec import StoreKind, parse_store
from .words import error_message

#: Where pushed datasets live on an endpoint: one named graph per dataset below this IRI.
GRAPH_BASE = MODEL_GRAPH.rsplit("/", 1)[0] + "/"


@dataclass(frozen=True)
class LoadReport:
    """What ``sckg load`` did."""

    store: str
    files: int
    triples: int  # in the graphs of the loaded files
    seconds: float  # loading, without counting afterwards
    graphs: int  # named graphs the store holds now, the model included
    store_triples: int  # triples the store holds now, the model included
    removed: int = 0  # data graphs dropped by ``replace``

    @property
    def rate(self) -> float:
        """Triples loaded per second."""
        return self.triples / self.seconds if self.seconds > 0 else float("inf")


def load_store(
    store: str,
    paths: Sequence[Path],
    *,
    replace: bool = False,
    progress: Callable[[Path], None] | None = None,
) -> LoadReport:
    """Bulk-load RDF files into a persistent Oxigraph store, each file into its own named graph.

    A file loaded before replaces its graph (loading is idempotent). With ``replace`` the store is
    left holding only these files (and a fresh copy of the ontology and vocabularies).

    Each file is loaded all or nothing: a malformed file leaves its previous graph as it was, and
    Ctrl-C stops before the next file (the message says which files were loaded and which keep their
    previous version) rather than leave a graph half-loaded or empty. A process killed while it
    replaces graphs leaves the store as it was: it is restored when the store is next opened
    (:meth:`OxigraphBackend.replacing`).
    """
    if parse_store(store).kind is not StoreKind.oxigraph:
        raise UsageError(error_message("error.load_needs_oxigraph", store=store))
    files = collect_files(paths)
    if not files:
        raise UsageError(error_message("error.load_nothing"))
    backend = open_backend(store)
    assert isinstance(backend, OxigraphBackend)
    kg = KnowledgeGraph(backend)
    loaded = {graph_iri(path) for path in files}
    try:
        start = time.perf_counter()
        removed = 0
        with (
            backend.replacing()
        ):  # killed at any moment: the store as it was comes back when next opened
            if replace:
                for graph in sorted(backend.graph_names() - loaded):
                    backend.drop_graph(graph)
                    removed += graph != MODEL_GRAPH
            # the triples loaded, counted cheaply: the store's growth, plus what the reloaded graphs
            # held before (a full count per graph would add a tenth to the time of a bulk load)
            present = backend.graph_names()
            before = len(backend.store) - sum(graph_size(kg, g) for g in sorted(loaded & present))
            with _interrupt_between_files() as interrupted:
                done = kg.load(files, progress=progress, stop=interrupted)
        if len(done) < len(files):
            raise StoreError(_interrupted(files, len(done), present))
        seconds = time.perf_counter() - start
        model = graph_size(kg, MODEL_GRAPH) if MODEL_GRAPH not in present else 0
        store_triples = len(backend.store)
        graphs = len(backend.graph_names())
    finally:
        kg.close()
    return LoadReport(
        store=store,
        files=len(files),
        triples=store_triples - before - model,
        seconds=seconds,
        graphs=graphs,
        store_triples=store_triples,
        removed=removed,
    )


@contextmanager
def _interrupt_between_files() -> Iterator[Callable[[], bool]]:
    """Within the block, Ctrl-C (SIGINT) does not stop a file half-way (its graph would be left
    incomplete or empty): it is noted, and ``interrupted()`` tells the loader to stop before the
    next file. A second Ctrl-C stops at once, as usual."""
    if threading.current_thread() is not threading.main_thread():
        yield lambda: False
        return
    pressed: list[int] = []

    def note(signum: int, frame: object) -> None:
        pressed.append(signum)
        signal.signal(signal.SIGINT, previous)

    previous = signal.signal(signal.SIGINT, note)
    try:
        yield lambda: bool(pressed)
    finally:
        signal.signal(signal.SIGINT, previous)


def _interrupted(files: Sequence[Path], done: int, present: set[str]) -> str:
    """What an interrupted load left in the store, file by file."""
    missing = files[done:]
    kept = [p for p in missing if graph_iri(p) in present]
    new = [p for p in missing if graph_iri(p) not in present]
    message = f"Interrupted: {done} of {len(files)} files were loaded completely"
    if kept:
        message += f"; the store still holds the previous version of {_some(kept)}"
    if new:
        message += f"; not loaded: {_some(new)}"
    return message + ". Run the command again to load the rest."


def _some(paths: Sequence[Path], shown: int = 3) -> str:
    names = ", ".join(map(str, paths[:shown]))
    return names + (f" and {len(paths) - shown} more" if len(paths) > shown else "")


def graph_size(kg: KnowledgeGraph, graph: str) -> int:
    """The number of triples in one named graph."""
    table = kg.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
    return int(table.bound_rows()[0][0].value)


def graph_sizes(kg: KnowledgeGraph) -> dict[str, int]:
    """The number of triples in each named graph."""
    rows = kg.select(
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    ).bound_rows()
    return {g.value: int(n.value) for g, n in rows}


@dataclass(frozen=True)
class PushedGraph:
    """One named graph sent to the endpoint, and the store graphs it was made of."""

    iri: str
    triples: int
    sources: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class PushReport:
    """What ``sckg push`` did."""

    endpoint: str
    graphs: list[PushedGraph]
    seconds: float

    @property
    def triples(self) -> int:
        """Triples sent, over all graphs."""
        return sum(g.triples for g in self.graphs)


def dataset_name(graph: str) -> str | None:
    """The dataset of a store graph loaded from a file: its folder's name as a slug (``None`` for
    other graphs)."""
    if not graph.startswith("file:"):
        return None
    folder = Path(urllib.request.url2pathname(urllib.parse.urlsplit(graph).path)).parent.name
    return slug(folder) or "data"


def push_targets(graphs: Sequence[str], dataset: str | None = None) -> dict[str, list[str]]:
    """Which endpoint graph each store graph goes to: the model to the model graph, a file's graph
    to its dataset's graph (or all data to ``dataset``), any other graph to the same IRI."""
    if dataset is not None and not slug(dataset):
        raise ParameterError(error_message("error.dataset_name", dataset=dataset))
    targets: dict[str, list[str]] = {}
    for graph in sorted(graphs):
        if graph == MODEL_GRAPH:
            target = MODEL_GRAPH
        else:
            name = slug(dataset) if dataset is not None else dataset_name(graph)
            target = graph if name is None else GRAPH_BASE + name
            if target == MODEL_GRAPH:
                target = (
                    GRAPH_BASE + "data-model"
                )  # a dataset folder called "model" must not replace the model
        targets.setdefault(target, []).append(graph)
    return targets


def push(
    kg: KnowledgeGraph,
    endpoint: str,
    *,
    dataset: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    progress: Callable[[str], None] | None = None,
) -> PushReport:
    """Upload the graph to a SPARQL 1.1 Graph Store Protocol endpoint, one named graph per dataset.

    Each endpoint graph is replaced (HTTP PUT), so pushing again gives the same result. The model
    graph (ontology and vocabularies) goes too, so that queries on the endpoint find labels and
    classes.
    """
    check_http_url(endpoint, "a Graph Store endpoint, e.g. http://127.0.0.1:7878/store")
    targets = push_targets(sorted(kg.backend.graph_names()), dataset)
    if not [t for t in targets if t != MODEL_GRAPH]:
        raise UsageError(error_message("error.push_nothing"))
    start = time.perf_counter()
    pushed = []
    for target, sources in targets.items():
        values = " ".join(f"<{g}>" for g in sources)
        triples = kg.construct(
            f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }}"
        )
        body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
        separator = "&" if "?" in endpoint else "?"
        answer = http_request(
            "PUT",
            f"{endpoint}{separator}{urllib.parse.urlencode({'graph': target})}",
            data=body,
            headers={"Content-Type": "application/n-triples"},
            timeout=timeout,
        )
        if answer.status not in (200, 201, 204):
            hint = (
                " Start the server in write mode ('sckg serve --write')."
                if answer.status == 403
                else ""
            )
            raise StoreError(
                f"The endpoint {endpoint} refused the graph <{target}> (HTTP {answer.status}: "
                f"{answer.text()}).{hint}"
            )
        pushed.append(PushedGraph(target, len(set(triples)), sources))
        if progress:
            progress(target)
    return PushReport(endpoint, pushed, time.perf_counter() - start)
