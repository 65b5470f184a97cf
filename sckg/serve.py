"""``sckg serve``: a real SPARQL 1.1 endpoint over a store, read-only by default, with a query time limit.

The endpoint is the Oxigraph server (PyPI package ``oxigraph``, the same engine as the in-process stores). It
runs on a private port of 127.0.0.1 behind a small proxy that listens on the public address, because its own
``--timeout-s`` is not enough on its own: Oxigraph reports a stopped query by cutting off a ``200 OK`` answer
with a line of text (clients see broken JSON), and a sort (``ORDER BY``) only notices the limit when it is
done (oxigraph/oxigraph#1871). The proxy holds each query's answer until it is complete, turns a cut-off
answer into ``504 Gateway Timeout`` with a clear message, and when a query still runs a moment after its
limit it stops it the only way there is, by restarting the Oxigraph server (queries running at that moment
fail with ``502`` and may be sent again). Updates and Graph Store requests have no time limit.
"""

from __future__ import annotations

import gc
import http.client
import ipaddress
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlsplit

from . import resources
from .errors import StoreError, UsageError
from .remote import CANCELLED
from .storespec import StoreKind, StoreSpec, parse_store

#: Seconds a query may run past its time limit before the Oxigraph server is restarted to stop it.
GRACE = 1.0
_HOP_BY_HOP = {
    "connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailer", "trailers",
    "transfer-encoding", "upgrade", "host", "content-length", "server", "date",  # the proxy sends its own
}
_UNLIMITED_PATHS = ("/update", "/store")  # writes and Graph Store downloads may take long
_SPOOL_IN_MEMORY = 32 * 1024 * 1024


def oxigraph_binary() -> str:
    """The ``oxigraph`` server command: beside this Python (a virtual environment), else on the PATH."""
    beside = Path(sys.executable).parent / "oxigraph"
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    found = shutil.which("oxigraph")
    if not found:
        raise StoreError("The Oxigraph server is not installed: run 'pip install oxigraph' (it provides 'oxigraph').")
    return found


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port that is free on ``host`` right now."""
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        probe.bind((host, 0))
        port: int = probe.getsockname()[1]
        return port


def is_loopback(host: str) -> bool:
    """Whether ``host`` is only reachable from this machine."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class OxigraphProcess:
    """The Oxigraph server on a private port of 127.0.0.1 over a store folder; it can be restarted."""

    def __init__(self, location: Path, *, write: bool = False, timeout: int = 30, cors: bool = False) -> None:
        self.location = location
        self.write = write
        self.timeout = timeout
        self.cors = cors
        self.port = free_port()
        self.generation = 0  # counts restarts, so two requests over their limit restart it once
        self._lock = threading.Lock()
        self._process: subprocess.Popen[bytes] | None = None
        self._log: IO[bytes] | None = None

    def command(self) -> list[str]:
        """The command line that starts the server."""
        command = [oxigraph_binary(), "serve" if self.write else "serve-read-only", "--location", str(self.location)]
        command += ["--bind", f"127.0.0.1:{self.port}", "--union-default-graph"]
        if self.timeout:
            command += ["--timeout-s", str(self.timeout)]
        return [*command, "--cors"] if self.cors else command

    def start(self, wait: float = 30.0) -> None:
        """Start the server and wait until it accepts connections."""
        self._log = tempfile.TemporaryFile()  # noqa: SIM115 - lives as long as the server process
        self._process = subprocess.Popen(self.command(), stdin=subprocess.DEVNULL, stdout=self._log, stderr=self._log)
        until = time.monotonic() + wait
        while time.monotonic() < until:
            if self._process.poll() is not None:
                raise StoreError(self._failure())
            with suppress(OSError), socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                return
            time.sleep(0.05)
        self.stop()
        raise StoreError(f"The Oxigraph server did not start within {wait:g} s.")

    def _failure(self) -> str:
        assert self._log is not None
        self._log.seek(0)
        lines = self._log.read().decode("utf-8", "replace").splitlines()
        error = next((line.removeprefix("Error: ") for line in lines if line.startswith("Error")), " ".join(lines[:2]))
        if "lock" in error.lower():
            return (
                f"{self.location}: the Oxigraph store is in use by another process (a running 'sckg serve --write' "
                "or 'sckg load'?); stop it first."
            )
        return f"The Oxigraph server did not start: {error}"

    def restart(self, generation: int) -> None:
        """Restart the server (stopping every query it runs), unless that already happened since ``generation``."""
        with self._lock:
            if generation != self.generation:
                return
            self.stop()
            self.start()
            self.generation += 1

    def stop(self) -> None:
        """Stop the server."""
        if self._process and self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(5)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        if self._log:
            self._log.close()
            self._log = None


class _Proxy(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], oxigraph: OxigraphProcess, timeout: int, log: bool) -> None:
        self.address_family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        super().__init__(address, _Handler)
        self.oxigraph = oxigraph
        self.limit = timeout
        self.log = log
        self.requests = 0
        self.counting = threading.Lock()

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that hangs up is normal; another error is one line in the log (socketserver would print a
        traceback between two rulers to whatever ``sys.stderr`` is at that moment)."""
        error = sys.exc_info()[1]
        if self.log and not isinstance(error, ConnectionError):
            sys.stderr.write(f"sckg serve: a request from {client_address[0]} failed: {error}\n")


class _Handler(BaseHTTPRequestHandler):
    """Forwards one request to the Oxigraph server; holds query answers until complete (see the module doc)."""

    protocol_version = "HTTP/1.1"
    server: _Proxy

    def version_string(self) -> str:
        return "sckg-serve (Oxigraph)"

    def do_GET(self) -> None:
        self._forward()

    do_POST = do_PUT = do_DELETE = do_HEAD = do_OPTIONS = do_PATCH = do_GET

    def log_message(self, format: str, *args: Any) -> None:
        if self.server.log:
            super().log_message(format, *args)

    def _forward(self) -> None:
        with self.server.counting:
            self.server.requests += 1
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            self._reply(411, "Send the request with a Content-Length header (chunked requests are not supported).")
            return
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        headers = {k: v for k, v in self.headers.items() if k.lower() not in _HOP_BY_HOP}
        limited = bool(self.server.limit) and urlsplit(self.path).path not in _UNLIMITED_PATHS
        oxigraph = self.server.oxigraph
        generation = oxigraph.generation
        connection = http.client.HTTPConnection("127.0.0.1", oxigraph.port)
        expired = threading.Event()
        timer = threading.Timer(self.server.limit + GRACE, self._expire, (connection, expired)) if limited else None
        with tempfile.SpooledTemporaryFile(_SPOOL_IN_MEMORY) as spool:
            try:
                connection.connect()
                if timer:
                    timer.start()
                connection.request(self.command, self.path, body, headers)
                answer = connection.getresponse()
                while chunk := answer.read1(1 << 16):
                    spool.write(chunk)
            except (OSError, http.client.HTTPException) as exc:
                if not expired.is_set():
                    self._reply(502, f"The SPARQL server did not answer ({exc}). If another query was just stopped "
                                     "for running over its time limit, the server restarted: send the request again.")
                    return
            finally:
                if timer:
                    timer.cancel()
                connection.close()
            if expired.is_set():
                oxigraph.restart(generation)
                self._reply(504, self._stopped())
            elif limited and _ends_with(spool, CANCELLED):
                self._reply(504, self._stopped())
            else:
                self._relay(answer, spool)

    def _stopped(self) -> str:
        return (
            f"Query stopped: it ran over the time limit of {self.server.limit} s; narrow it down (more specific "
            "patterns, LIMIT) or start the server with a longer --timeout."
        )

    @staticmethod
    def _expire(connection: http.client.HTTPConnection, expired: threading.Event) -> None:
        expired.set()
        if connection.sock:
            with suppress(OSError):
                connection.sock.shutdown(socket.SHUT_RDWR)

    def _relay(self, answer: http.client.HTTPResponse, spool: IO[bytes]) -> None:
        size = spool.tell()
        spool.seek(0)
        with suppress(OSError):
            self.send_response(answer.status, answer.reason)
            for name, value in answer.getheaders():
                if name.lower() not in _HOP_BY_HOP:
                    self.send_header(name, value)
            self.send_header("Content-Length", str(size))
            self.end_headers()
            if self.command != "HEAD":
                shutil.copyfileobj(spool, self.wfile)

    def _reply(self, status: int, message: str) -> None:
        data = (message + "\n").encode("utf-8")
        with suppress(OSError):
            self.send_response(status)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)


def _ends_with(spool: IO[bytes], marker: bytes) -> bool:
    size = spool.tell()
    spool.seek(max(0, size - len(marker) - 16))
    tail = spool.read().rstrip()
    spool.seek(size)
    return tail.endswith(marker)


class SparqlServer:
    """A SPARQL 1.1 endpoint over an Oxigraph store folder (see the module doc). Use it as a context manager.

    >>> with SparqlServer(Path("city.db"), port=0) as server:
    ...     print(server.query_url)
    """

    def __init__(
        self,
        location: Path,
        *,
        host: str = "127.0.0.1",
        port: int = 7878,
        write: bool = False,
        timeout: int = 30,
        cors: bool = False,
        log: bool = False,
    ) -> None:
        if timeout < 0:
            raise UsageError("--timeout must be 0 (no limit) or more seconds.")
        self.host = host
        self.port = port
        self.write = write
        self.timeout = timeout
        self.log = log
        self.oxigraph = OxigraphProcess(location, write=write, timeout=timeout, cors=cors)
        self._proxy: _Proxy | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        """The server's base URL."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def query_url(self) -> str:
        """The SPARQL 1.1 query endpoint (for ``--store sparql:URL``, YASGUI, SPARQLWrapper)."""
        return self.url + "/query"

    @property
    def update_url(self) -> str:
        """The SPARQL 1.1 update endpoint (refused unless the server runs in write mode)."""
        return self.url + "/update"

    @property
    def requests(self) -> int:
        """How many HTTP requests the server has answered (to check that a client does not query per node)."""
        return self._proxy.requests if self._proxy else 0

    @property
    def store_url(self) -> str:
        """The SPARQL 1.1 Graph Store endpoint (for ``sckg push --endpoint``; writes need write mode)."""
        return self.url + "/store"

    def start(self) -> SparqlServer:
        """Start the Oxigraph server and the proxy in front of it."""
        self.oxigraph.start()
        try:
            self._proxy = _Proxy((self.host, self.port), self.oxigraph, self.timeout, self.log)
        except OSError as exc:
            self.oxigraph.stop()
            raise StoreError(f"Cannot listen on {self.host}:{self.port} ({exc.strerror or exc}); "
                             "choose another --port or --host.") from None
        self.port = self._proxy.server_address[1]
        self._thread = threading.Thread(target=self._proxy.serve_forever, name="sckg-serve", daemon=True)
        self._thread.start()
        return self

    def wait(self) -> None:
        """Serve until interrupted (Ctrl-C)."""
        try:
            while self._thread and self._thread.is_alive():
                self._thread.join(0.5)
        except KeyboardInterrupt:
            return

    def stop(self) -> None:
        """Stop the proxy and the Oxigraph server."""
        if self._proxy:
            self._proxy.shutdown()
            self._proxy.server_close()
            self._proxy = None
        self.oxigraph.stop()

    def __enter__(self) -> SparqlServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


@contextmanager
def served_store(store: str | StoreSpec, data: Sequence[Path] | None = None) -> Iterator[Path]:
    """The folder of the Oxigraph store to serve, with ``data`` loaded into it.

    ``oxigraph:PATH`` is served in place. ``memory`` becomes a temporary store (default data: the bundled
    Braunschweig dataset) that is removed afterwards, with whatever was written to it.
    """
    from .kg import KnowledgeGraph

    spec = parse_store(store)
    if spec.kind is StoreKind.memory:
        with tempfile.TemporaryDirectory(prefix="sckg-serve-") as folder:
            path = Path(folder) / "store"
            _release(KnowledgeGraph.open(list(data or [resources.dataset("braunschweig")]), f"oxigraph:{path}"))
            yield path
    elif spec.kind is StoreKind.oxigraph:
        _release(KnowledgeGraph.open(list(data) if data else None, spec))
        yield spec.path
    else:
        raise UsageError(
            f"'sckg serve' serves a store of this machine: use --store memory or oxigraph:PATH, not '{store}'."
        )


def _release(kg: Any) -> None:
    """Close the store, so that the server can open it (an Oxigraph store has one writer at a time)."""
    kg.close()
    del kg
    gc.collect()
