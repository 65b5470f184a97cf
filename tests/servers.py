"""Real stores for tests: Oxigraph stores on disk and real Oxigraph servers on 127.0.0.1 (random
free port).

Any test module gets the fixtures ``sparql_server`` and ``oxigraph_store`` by importing them::

    from servers import oxigraph_store_fixture, sparql_server_fixture  # noqa: F401  (pytest
    fixtures)

``sparql_server("braunschweig")`` starts (once per test session and set of options) the Oxigraph
server of ``sckg serve`` over a store holding a bundled dataset and returns the running
:class:`SparqlServer`; every server is stopped at the end of the session.
``oxigraph_store("braunschweig")`` gives a ``KnowledgeGraph`` on an Oxigraph store on disk holding
that dataset. The three stores of a dataset hold the same graphs (the same ``file:`` graph names),
so any result must be the same on all three.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from sckg import resources
from sckg.kg import KnowledgeGraph
from sckg.serve import SparqlServer
from sckg.stores import load_store


class QuietHTTPServer(ThreadingHTTPServer):
    """A test's own HTTP server that leaves nothing behind: ``server_close()`` waits for every
    request, and a client that gave up (a timeout test) is no error. socketserver would print a
    traceback on whatever ``sys.stderr`` is when the late answer fails, which may be the captured
    output of a later test."""

    daemon_threads = False

    def handle_error(self, request: object, client_address: object) -> None:
        """Quiet (see the class)."""


@contextmanager
def serving(
    handler: type[BaseHTTPRequestHandler], *, wait_for_requests: bool = True
) -> Iterator[str]:
    """Run a test's own HTTP server with ``handler`` on a free port of 127.0.0.1; yield its base
    URL. Without ``wait_for_requests``, closing does not wait for requests still being answered (a
    server that drips)."""
    server = QuietHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = not wait_for_requests
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def fill_store(folder: Path, datasets: tuple[str, ...]) -> Path:
    """An Oxigraph store in ``folder/store`` holding the bundled ``datasets``."""
    path = folder / "store"
    load_store(f"oxigraph:{path}", [resources.dataset(name) for name in datasets])
    return path


@pytest.fixture(scope="session", name="sparql_server")
def sparql_server_fixture(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Callable[..., SparqlServer]]:
    """Start a real SPARQL server over bundled datasets: ``sparql_server("musterstadt",
    timeout=1)``."""
    servers: dict[tuple[Any, ...], SparqlServer] = {}

    def start(*datasets: str, **options: Any) -> SparqlServer:
        key = (datasets, tuple(sorted(options.items())))
        if key not in servers:
            path = fill_store(tmp_path_factory.mktemp("served"), datasets)
            servers[key] = SparqlServer(path, port=0, **options).start()
        return servers[key]

    yield start
    # each stop waits up to half a second for its listener's loop: the session's 25 servers at once
    stopping = [threading.Thread(target=server.stop) for server in servers.values()]
    for thread in stopping:
        thread.start()
    for thread in stopping:
        thread.join()


@pytest.fixture(scope="session", name="oxigraph_store")
def oxigraph_store_fixture(
    tmp_path_factory: pytest.TempPathFactory,
) -> Callable[..., KnowledgeGraph]:
    """A ``KnowledgeGraph`` on an Oxigraph store on disk holding bundled datasets (shared: do not
    modify)."""
    graphs: dict[tuple[str, ...], KnowledgeGraph] = {}

    def open_store(*datasets: str) -> KnowledgeGraph:
        if datasets not in graphs:
            path = fill_store(tmp_path_factory.mktemp("store"), datasets)
            graphs[datasets] = KnowledgeGraph.open(None, f"oxigraph:{path}")
        return graphs[datasets]

    return open_store
