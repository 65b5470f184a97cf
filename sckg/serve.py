"""``sckg serve``: a real SPARQL 1.1 endpoint over a store, read-only by default, with a query time
limit and a memory cap, safe to open in a browser.

The engine is the Oxigraph server (PyPI package ``oxigraph``, the same engine as the in-process
stores), behind a small proxy that listens on the public address. Read-only, it is a pool of
``oxigraph serve-read-only`` processes on private loopback ports, each answering one request at a
time: a query that runs over its time limit, or over the memory cap, is stopped by killing its own
process, which is replaced, and every other query goes on. (Oxigraph's own ``--timeout-s`` reports a
stop by cutting off a ``200 OK`` answer, a sort only notices it when done, oxigraph/oxigraph#1871,
and it keeps a thread per query for the whole limit; no process can be told to stop one query. Only
the read-write process uses it.) The proxy holds each answer until it is complete and turns a stop
into ``504`` or ``503`` with a message. With ``--write`` there is one read-write process for
everything (a store has one writer), so stopping a query restarts it and interrupts what else it
runs (``502``, send again).

The proxy also refuses what would turn the endpoint against its host: ``SERVICE`` (and ``LOAD``),
which make the engine send requests elsewhere, unless ``allow_remote``; requests whose ``Host`` is
not a name of this server (DNS rebinding); requests from web pages of other sites unless ``cors``;
and any path but the endpoints and the query page. It decodes a SPARQL request once and sends
Oxigraph the text it checked (a header that could be read two ways, a compressed body, a second text
are refused), and bounds every connection: read timeouts, a body cap, connection caps. No answer
names the internal processes: the ``Host`` header goes through, so the service description names the
public URL.
"""

from __future__ import annotations

import errno
import gc
import http.client
import ipaddress
import itertools
import os
import queue
import random
import re
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import IO, Any
from urllib.parse import parse_qsl, urlencode, urlsplit

from . import resources
from .errors import ParameterError, StoreError, UsageError
from .formatting import number
from .linked_data import (
    BASE,
    FORMATS,
    HTML,
    VOID_PATHS,
    VOID_QUERY,
    Format,
    check_base,
    content_type,
    describe_query,
    description,
    html_page,
    iri_of,
    language,
    negotiate,
    rdf_bytes,
    site_file,
    split_suffix,
    void_triples,
)
from .remote import CANCELLED
from .sparql import Unreadable, remote_access, syntax_error
from .storespec import StoreKind, StoreSpec, parse_store
from .words import error_message

#: Seconds a query may run past its time limit before its Oxigraph process is killed to stop it.
GRACE = 0.5
#: Read-only Oxigraph processes by default: queries answered at the same time (more wait for a free
#: one).
DEFAULT_WORKERS = 8
#: Bytes a request body may have by default (a SPARQL text rarely has more than some KB).
DEFAULT_MAX_BODY = 1024**2
#: Seconds by default for a request's line and headers to arrive, and then for its body.
DEFAULT_HEADER_TIMEOUT = 10.0
DEFAULT_BODY_TIMEOUT = 60.0
#: Connections open at the same time by default: from all clients, and from one client address.
DEFAULT_MAX_CONNECTIONS = 128
DEFAULT_MAX_CLIENT_CONNECTIONS = 16
_WATCH_EVERY = 0.02  # seconds between two looks at the running queries and the processes' memory
#: A read-only query running longer than this gets the lowest CPU priority, so that the short
#: queries of other clients stay fast; its process is replaced when it is done (a priority cannot be
#: raised again unprivileged).
DEMOTE_AFTER = 0.5
#: The watcher stops the largest process at this share of the cap, and no process may take more: a
#: query allocates up to 1 GB/s, several may do so at once in their first half second (before they
#: are demoted), and a stopped one frees its memory slowly at the lowest priority, so what grows
#: until the stops take hold stays under the cap (bench/serve.py at 0.9: once 2.15 GB under 2 GiB).
_HEADROOM = 0.8
#: Only a process that grew by more than this share of the cap since it started is stopped for
#: memory (stopping one that holds what a fresh one holds frees nothing and fails its request), and
#: such a process is replaced when its request is done, so that the growth is always its request's.
#: Each process may always grow by this share (its data limit leaves room for it: a light query).
_GROWN = 0.02
_HOP_BY_HOP = {
    "connection",
    "keep-alive",
    "proxy-authenticate",
    "proxy-authorization",
    "te",
    "trailer",
    "trailers",
    "transfer-encoding",
    "upgrade",
    "content-length",
    "server",
    "date",  # the proxy sends its own
}
_BODY_HEADERS = {"content-type", "content-encoding"}  # the proxy sends its own
#: Headers a request may have only once: the proxy could check one copy and Oxigraph read another.
_SINGLE_HEADERS = (
    "host",
    "content-type",
    "content-length",
    "content-encoding",
    "transfer-encoding",
)
_QUERY_PATHS = {"/query", "/sparql"}
_FORM = "application/x-www-form-urlencoded"
_SPARQL_TYPES = {
    "/query": "application/sparql-query",
    "/sparql": "application/sparql-query",
    "/update": "application/sparql-update",
}
_SD = "http://www.w3.org/ns/sparql-service-description#"
_FEDERATED = _SD + "BasicFederatedQuery"
_PAGES = {"/", "/yasgui.min.js", "/yasgui.min.css", "/logo.svg"}  # the query page (YASGUI)
_UNLIMITED_PATHS = ("/update", "/store")  # writes and Graph Store downloads may take long
_FETCHING = ("SERVICE", "LOAD")  # what makes the engine send a request to another server
_SPOOL_IN_MEMORY = 32 * 1024 * 1024
#: The operating system's randomness: not the ``random`` module's generator, whose numbers can be
#: predicted from a few outputs and which a program (or a test) may have seeded.
_UNGUESSABLE = random.SystemRandom()
#: Seconds between attempts to start a process that failed to start (then the last, again).
_START_AGAIN = (0.1, 0.5, 1.0, 2.0, 5.0)
_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
#: Every Oxigraph process is started by this one thread, which lives as long as this Python process,
#: with a parent-death signal (``setpriv --pdeathsig``, util-linux): the kernel kills it when the
#: thread that started it ends, so a ``sckg serve`` killed without stopping its pool (``kill -9``,
#: the OOM killer) leaves no Oxigraph process behind. Where ``setpriv`` is missing, nothing changes.
_STARTER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sckg-serve-starter")
_SETPRIV = shutil.which("setpriv")
_END_WITH_PARENT = [_SETPRIV, "--pdeathsig", "KILL", "--"] if _SETPRIV else []
#: Bytes of a request line http.server reads (``BaseHTTPRequestHandler.handle_one_request``).
_MAX_LINE = 65536
#: Characters of a request line the proxy sends Oxigraph at most: it reads 8 KB of line and
#: headers (its answer to more is 400, "The headers size must fit in 8kb"); a GET's query that
#: makes the line longer goes to it as the body of a POST, which means the same (SPARQL 1.1
#: Protocol).
_ENGINE_LINE = 4096
#: Characters of an over-long request line that the log shows.
_LOGGED_LINE = 80
#: Seconds the proxy reads and drops what a client still sends after a refusal it answered.
_DRAIN = 1.0
_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([KMGT]?)i?B?\s*", re.IGNORECASE)


def oxigraph_binary() -> str:
    """The ``oxigraph`` server command: beside this Python (a virtual environment), else on the
    PATH."""
    beside = Path(sys.executable).parent / "oxigraph"
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    found = shutil.which("oxigraph")
    if not found:
        raise StoreError(error_message("error.no_oxigraph_server"))
    return found


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port that is free on ``host`` right now."""
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        probe.bind((host, 0))
        port: int = probe.getsockname()[1]
        return port


def check_port(port: int) -> int:
    """``port`` if it is a TCP port number (0: any free one), else a :class:`ParameterError`."""
    if not 0 <= port <= 65535:
        raise ParameterError(error_message("error.port_range", port=port))
    return port


def hold_store(location: Path) -> int | None:
    """Hold a shared lock on the ``LOCK`` file of the Oxigraph store at ``location`` for as long
    as the returned descriptor is open (Linux and other POSIX systems; elsewhere None). Oxigraph
    locks that file exclusively to write the store (RocksDB, ``fcntl``), so while a read-only server
    answers from it, ``sckg load`` or any other writer is refused, and every answer comes from one
    version of the data: the read-only processes read the store as it is, and a process started
    later (one replaces each stopped query) would read a changed store. The lock is the process's
    own: a server that is killed lets go of it. (A lock of this process does not keep out a writer
    in this same process: ``fcntl`` locks are per process.)"""
    try:
        import fcntl
    except ImportError:  # not POSIX
        return None
    try:
        descriptor = os.open(location / "LOCK", os.O_RDONLY)
    except FileNotFoundError:  # not an Oxigraph store on disk (yet): nothing to keep unchanged
        return None
    try:
        fcntl.lockf(descriptor, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except OSError:
        os.close(descriptor)
        raise StoreError(error_message("error.store_in_use", path=location)) from None
    return descriptor


def is_loopback(host: str) -> bool:
    """Whether ``host`` is only reachable from this machine."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def machine_memory() -> int:
    """Bytes of memory this machine has."""
    return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")


def parse_size(text: str, param: str = "memory") -> int:
    """Bytes of a size such as ``512M``, ``4G`` or ``1.5GB`` (powers of 1024; a plain number is
    bytes) given for the parameter ``param``."""
    match = _SIZE.fullmatch(text)
    if not match or float(match.group(1)) <= 0:
        raise ParameterError(error_message("error.size", param=param, text=text))
    return int(float(match.group(1)) * 1024 ** " KMGT".index(match.group(2).upper() or " "))


def format_size(size: int, lang: str = "en") -> str:
    """``64 KB``, ``300 MB``, ``5.9 GB`` (``5,9 GB`` in German; powers of 1024, as
    :func:`parse_size` reads them)."""
    if size >= 1024**3:
        text = number(size / 1024**3, lang, 1)
        return text.removesuffix(",0" if lang == "de" else ".0") + " GB"
    if size >= 1024**2:
        return f"{size / 1024**2:.0f} MB"
    return f"{size / 1024:.0f} KB" if size >= 1024 else f"{size} bytes"


def _private_address() -> str:
    """A loopback address for the internal processes: on Linux a random one of 127.0.0.0/8, so that
    neither a local port scan of 127.0.0.1 nor a web page guessing ports finds them."""
    if sys.platform.startswith("linux"):
        return "127." + ".".join(str(_UNGUESSABLE.randint(1, 254)) for _ in range(3))
    return "127.0.0.1"


def _environment() -> dict[str, str]:
    """A copy of this process's environment, taken while other threads may change it (a variable
    removed during the copy ends ``dict(os.environ)`` with a ``KeyError``)."""
    while True:
        with suppress(KeyError):
            return dict(os.environ)


def _memory(pid: int) -> tuple[int, int]:
    """Resident memory and data (what ``RLIMIT_DATA`` counts, with the stack) of a process in bytes
    (0 where /proc is not there or the process is gone)."""
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as statm:
            pages = statm.read().split()
        return int(pages[1]) * _PAGE, int(pages[5]) * _PAGE
    except (OSError, IndexError, ValueError):
        return 0, 0


def _rss(pid: int) -> int:
    """Resident memory of a process in bytes (0 where /proc is not there or the process is gone)."""
    return _memory(pid)[0]


class OxigraphProcess:
    """One Oxigraph server on a private loopback port over a store folder, its memory limited to
    ``memory``."""

    def __init__(
        self,
        location: Path,
        *,
        write: bool = False,
        timeout: int = 30,
        cors: bool = False,
        memory: int = 0,
    ) -> None:
        self.location = location
        self.write = write
        self.timeout = timeout
        self.cors = cors
        self.memory = memory
        self.host = _private_address()
        self.port = free_port(self.host)
        self.stopped_for = ""  # "time" or "memory" once killed for a reason
        self.baseline = 0  # resident bytes once it accepts connections
        self.demoted = False
        self.retired = False  # a replacement has been started
        self.leased = memory  # its data limit now (see lease)
        self._process: subprocess.Popen[bytes] | None = None
        self._log: IO[bytes] | None = None

    def command(self) -> list[str]:
        """The command line that starts the server."""
        command = [
            oxigraph_binary(),
            "serve" if self.write else "serve-read-only",
            "--location",
            str(self.location),
        ]
        command += ["--bind", f"{self.host}:{self.port}", "--union-default-graph"]
        if self.timeout:
            command += ["--timeout-s", str(self.timeout)]
        return [*command, "--cors"] if self.cors else command

    def start(self, wait: float = 30.0) -> None:
        """Start the server and wait until it accepts connections."""
        self._log = tempfile.TemporaryFile()  # noqa: SIM115 - lives as long as the server process
        try:
            # The environment is passed as a copy: with ``vfork`` the child reads the parent's
            # ``environ`` while other threads run, and one that sets a variable may have moved and
            # freed it (EFAULT, issue 21).
            self._process = _STARTER.submit(
                subprocess.Popen,
                [*_END_WITH_PARENT, *self.command()],
                stdin=subprocess.DEVNULL,
                stdout=self._log,
                stderr=self._log,
                env=_environment(),
            ).result()
        except OSError as exc:
            self.stop()
            raise StoreError(error_message("error.server_failed", reason=exc)) from None
        if self.memory and hasattr(
            resource, "prlimit"
        ):  # Linux: an allocation over the limit ends the process
            with suppress(OSError):
                resource.prlimit(
                    self._process.pid, resource.RLIMIT_DATA, (self.memory, self.memory)
                )
        until = time.monotonic() + wait
        while time.monotonic() < until:
            if self._process.poll() is not None:
                raise StoreError(self._failure())
            with suppress(OSError), socket.create_connection((self.host, self.port), timeout=0.5):
                self.baseline = self.rss
                return
            time.sleep(0.02)
        self.stop()
        raise StoreError(error_message("error.server_late", seconds=f"{wait:g}"))

    def _output(self) -> str:
        if self._log is None or self._log.closed:
            return ""
        self._log.seek(0)
        return self._log.read().decode("utf-8", "replace")

    def _failure(self) -> str:
        lines = self._output().splitlines()
        error = next(
            (line.removeprefix("Error: ") for line in lines if line.startswith("Error")),
            " ".join(lines[:2]),
        )
        if "lock" in error.lower():
            return (
                f"{self.location}: the Oxigraph store is in use by another process (a running "
                "'sckg serve --write' or 'sckg load'?); stop it first."
            )
        return f"The Oxigraph server did not start: {error}"

    @property
    def alive(self) -> bool:
        """Whether the server process runs. Asked without reaping it (``WNOWAIT``): the kernel may
        take seconds to reap a process that ended (bench/serve.py: up to 2.5 s, in the thread that
        reaps), which is :meth:`stop`'s work, never the watcher's."""
        if self._process is None or self._process.returncode is not None:
            return False
        try:
            return (
                os.waitid(os.P_PID, self._process.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is None
            )
        except ChildProcessError:  # reaped by another thread just now
            return False

    @property
    def pid(self) -> int | None:
        """Its process id (None before it starts)."""
        return self._process.pid if self._process else None

    @property
    def rss(self) -> int:
        """Its resident memory in bytes."""
        return _rss(self._process.pid) if self.alive and self._process else 0

    @property
    def grown(self) -> int:
        """Resident bytes it took since it started."""
        return max(0, self.rss - self.baseline)

    def sizes(self) -> tuple[int, int]:
        """Its resident memory and its data in bytes (0 once it ended)."""
        return _memory(self._process.pid) if self.alive and self._process else (0, 0)

    def lease(self, data: int) -> None:
        """Let it hold at most ``data`` bytes of data, and never more than ``memory`` (Linux: its
        ``RLIMIT_DATA``; an allocation over it ends the process)."""
        data = min(data, self.memory)
        if self._process and data != self.leased and hasattr(resource, "prlimit"):
            with suppress(OSError):
                resource.prlimit(self._process.pid, resource.RLIMIT_DATA, (data, self.memory))
            self.leased = data

    def kill(self, reason: str) -> None:
        """Stop the process at once, and every query it runs, for ``reason`` ("time" or
        "memory")."""
        self.stopped_for = self.stopped_for or reason
        if self.alive and self._process:  # not reaped, so the process id is still its own
            with suppress(OSError):
                os.kill(
                    self._process.pid, signal.SIGKILL
                )  # Popen.kill() would reap it first if it ended

    def demote(self) -> None:
        """Give every thread of the process the lowest CPU priority (Linux; elsewhere nothing
        happens)."""
        self.demoted = True
        if self._process:
            with suppress(OSError):
                for thread in os.listdir(f"/proc/{self._process.pid}/task"):
                    os.setpriority(os.PRIO_PROCESS, int(thread), 19)

    def why_stopped(self) -> str:
        """Why the process stopped: "time" or "memory" (killed, or an allocation over its limit),
        else ""."""
        if not self.stopped_for and self._process:
            until = time.monotonic() + 2
            while self.alive and time.monotonic() < until:  # it may be writing why it ends
                time.sleep(0.01)
            if "memory allocation of" in self._output():
                self.stopped_for = "memory"
        return self.stopped_for

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


class Expired(Exception):
    """A request's time limit went by while it waited for a free process."""


@dataclass(eq=False)
class Running:
    """A request being answered by an Oxigraph process; ``expired`` once it ran :data:`GRACE` past
    ``deadline`` (its time limit)."""

    process: OxigraphProcess
    started: float
    deadline: float | None
    expired: threading.Event = field(default_factory=threading.Event)
    connection: http.client.HTTPConnection | None = None

    def cut(self) -> None:
        """Stop waiting for the answer (a killed process may take a while to end: its priority is
        low)."""
        if self.connection and self.connection.sock:
            with suppress(OSError):
                self.connection.sock.shutdown(socket.SHUT_RDWR)


class ProcessPool:
    """The Oxigraph processes of a server: ``workers`` read-only ones, each lent to one request at a
    time and replaced when it dies; or, with ``write``, one read-write process that every request
    shares. A watcher stops a query over its deadline by killing its process, gives a long query the
    lowest CPU priority, and keeps the memory of all processes together under ``memory`` bytes:
    each read-only process's data limit is its share of what the cap leaves free (:meth:`_lease`),
    and the watcher kills the largest near the cap."""

    def __init__(
        self, location: Path, *, write: bool, timeout: int, cors: bool, workers: int, memory: int
    ) -> None:
        self.location = location
        self.write = write
        self.timeout = timeout
        self.cors = cors
        self.workers = 1 if write else workers
        self.memory = memory
        self.processes: list[OxigraphProcess] = []
        self._idle: queue.SimpleQueue[OxigraphProcess] = queue.SimpleQueue()
        self._running: set[Running] = set()
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._watcher: threading.Thread | None = None
        self._measurable = Path("/proc/self/statm").exists()

    def _new(self) -> OxigraphProcess:
        """A started process. Oxigraph's own time limit keeps a thread (2 MB of stack) per query
        for as long as the limit, which a data limit counts: so the read-write process gets the time
        limit and no data limit, and a read-only one the data limit and no time limit (the watcher
        stops its queries; issue 21)."""
        process = OxigraphProcess(
            self.location,
            write=self.write,
            timeout=self.timeout if self.write else 0,
            cors=self.cors,
            memory=0 if self.write else int(self.memory * _HEADROOM),
        )
        process.start()
        return process

    def start(self) -> None:
        """Start the processes and the memory watcher."""
        try:
            for _ in range(self.workers):
                self.processes.append(self._new())
                self._idle.put(self.processes[-1])
        except StoreError:
            self.stop()
            raise
        self._watcher = threading.Thread(target=self._watch, name="sckg-serve-watch", daemon=True)
        self._watcher.start()

    @contextmanager
    def process(self, deadline: float | None) -> Iterator[Running]:
        """A process to send one request to (read-only: this request's alone until it is done),
        stopped when the request runs :data:`GRACE` past ``deadline`` (``time.monotonic()``, its
        time limit). A request still waiting for a free process at its deadline gets none:
        :class:`Expired`."""
        running = self._register(deadline)
        process = running.process
        try:
            yield running
        finally:
            self._running.discard(running)
            fresh = process.grown <= self.memory * _GROWN
            if self.write:
                if not process.alive:
                    self._restart(process)
            elif process.alive and not process.retired and not process.demoted and fresh:
                self._idle.put(process)
            else:
                self._discard(process)

    def _register(self, deadline: float | None) -> Running:
        """Take a process and count its request as running in one step for the memory watcher, which
        never stops a process in between (the request would fail without having run)."""
        while True:
            process = self._take(deadline)
            with self._lock:
                if self.write or not process.stopped_for:
                    running = Running(process, time.monotonic(), deadline)
                    self._running.add(running)
                    if self._measurable:
                        self._lease()
                    return running
            self._discard(process)

    def _take(self, deadline: float | None) -> OxigraphProcess:
        if self.write:
            return (
                self.processes[0] if self.processes[0].alive else self._restart(self.processes[0])
            )
        while True:
            wait = None if deadline is None else deadline - time.monotonic()
            if wait is not None and wait <= 0:
                raise Expired
            try:
                process = self._idle.get(timeout=wait)
            except queue.Empty:
                raise Expired from None
            if process.alive:
                return process
            self._discard(process)  # killed while idle by the memory watcher

    def _discard(self, process: OxigraphProcess) -> None:
        """Replace a read-only process that is done with (stopped, ended or demoted) and end it in
        the background: reaping it may take the kernel seconds, and no request nor the watcher may
        wait for that."""
        self._retire(process)
        threading.Thread(
            target=self._end, args=(process,), name="sckg-serve-end", daemon=True
        ).start()

    def _end(self, process: OxigraphProcess) -> None:
        process.stop()
        self._drop(process)

    def _retire(self, process: OxigraphProcess) -> None:
        """Start a fresh read-only process in the background to take this one's place (once per
        process): one that was stopped and may take a while to die, or one that is done with. A
        process running a long query is not replaced while it runs, so the pool never has more than
        ``workers`` processes answering."""
        with self._lock:
            if process.retired:
                return
            process.retired = True
        threading.Thread(target=self._add, name="sckg-serve-start", daemon=True).start()

    def _add(self) -> None:
        """Start a process for the pool, trying again (and saying so) until it starts or the server
        stops."""
        for pause in itertools.chain(_START_AGAIN, itertools.repeat(_START_AGAIN[-1])):
            try:
                fresh = self._new()
                break
            except Exception as exc:  # any: the pool must not lose a process without a word
                reason = str(exc) if isinstance(exc, StoreError) else f"{type(exc).__name__}: {exc}"
                sys.stderr.write(f"sckg serve: {reason} Trying again in {pause:g} s.\n")
                if self._stopping.wait(pause):
                    return
        with self._lock:
            if self._stopping.is_set():
                fresh.stop()
                return
            self.processes.append(fresh)
        self._idle.put(fresh)

    def _drop(self, process: OxigraphProcess) -> None:
        with self._lock:
            if process in self.processes:
                self.processes.remove(process)

    def _restart(self, dead: OxigraphProcess) -> OxigraphProcess:
        """Restart the read-write process (once, however many requests saw it die)."""
        with self._lock:
            if dead is self.processes[0]:
                dead.stop()
                self.processes[0] = self._new()
            return self.processes[0]

    def memory_used(self) -> int:
        """Resident bytes of the processes and the proxy together."""
        return _rss(os.getpid()) + sum(process.rss for process in list(self.processes))

    def _lease(self) -> int:
        """Share what the cap leaves free among the read-only processes as their data limits, and
        return the resident bytes used (called with the lock held). Each process may always grow
        to :data:`_GROWN` of the cap over what it held when it started (a light query needs
        little), and those running a request share what is left, so the kernel keeps them all
        under the cap however late the watcher looks: on a busy machine it looked up to 0.3 s late,
        and four queries that allocate 1 GB/s each grew to 715 MB under a 600 MB cap (issue 21).
        Data counts what a process reserved as well as what it holds, so it grows at least as fast
        as its resident memory."""
        sizes = {process: process.sizes() for process in self.processes}
        used = _rss(os.getpid()) + sum(resident for resident, _ in sizes.values())
        if self.write:
            return used
        growing = [process for process in sizes if process.alive and not process.stopped_for]
        running = {running.process for running in list(self._running)}.intersection(growing)
        reserved = {
            process: max(0, process.baseline + int(self.memory * _GROWN) - sizes[process][0])
            for process in growing
        }
        left = max(0, self.memory - used - sum(reserved.values())) // max(1, len(running))
        for process in growing:
            process.lease(
                sizes[process][1] + reserved[process] + (left if process in running else 0)
            )
        return used

    def _watch(self) -> None:
        while not self._stopping.wait(_WATCH_EVERY):
            now = time.monotonic()
            for running in list(self._running):
                late = running.deadline is not None and now > running.deadline + GRACE
                if late and not running.expired.is_set():
                    running.expired.set()
                    self._stop(running.process, "time")
                    running.cut()
                elif (
                    not self.write
                    and now - running.started > DEMOTE_AFTER
                    and not running.process.demoted
                ):
                    running.process.demote()  # replaced when its query is done
            if not self._measurable:
                continue
            with self._lock:
                used = self._lease()
            if used > self.memory * _HEADROOM:
                self._stop_largest()

    def _stop_largest(self) -> None:
        """Stop the process that grew the most, if it grew by more than :data:`_GROWN` of the cap;
        not one stopped already: it keeps its memory while it ends (slowly, at lowest priority)."""
        with self._lock:
            growth = {p: p.grown for p in self.processes if not p.stopped_for}
            victim = max(growth, key=growth.__getitem__, default=None)
            if victim is None or growth[victim] <= self.memory * _GROWN:
                return
            victim.kill("memory")
        if not self.write:
            self._retire(victim)
        for running in list(self._running):
            if running.process is victim:
                running.cut()

    def _stop(self, process: OxigraphProcess, reason: str) -> None:
        process.kill(reason)
        if not self.write:
            self._retire(process)

    def stop(self) -> None:
        """Stop every process."""
        with self._lock:
            self._stopping.set()
            processes = list(self.processes)
        for process in processes:
            process.stop()


class _Refused(Exception):
    """A request the proxy answers itself with ``status``, ``message`` and more ``headers``."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


class _Proxy(ThreadingHTTPServer):
    """The public listener: one thread per connection, at most ``max_connections`` of them (and
    ``max_client_connections`` per client address); a connection whose request does not arrive in
    time has its reading side shut, so that the thread reading it wakes up and answers ``408``."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], server: SparqlServer) -> None:
        self.address_family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        # connections the kernel holds until they are accepted (socketserver: 5; a client whose
        # connection does not fit waits a second, then three, before it tries again)
        self.request_queue_size = server.max_connections
        self._closing = threading.Event()  # before binding: a failed bind calls server_close
        super().__init__(address, _Handler)
        self.settings = server
        assert server.pool is not None
        self.pool = server.pool
        self.requests = 0
        self.counting = threading.Lock()
        self.open: dict[str, int] = {}  # open connections per client address
        self._deadlines: dict[socket.socket, float] = {}
        self._late: set[socket.socket] = set()
        # refused connections, closed once the client has read why
        self._lingering: list[tuple[float, socket.socket]] = []
        self._guard = threading.Lock()
        threading.Thread(target=self._reap, name="sckg-serve-read", daemon=True).start()

    def process_request(self, request: Any, client_address: Any) -> None:
        """Answer a connection in a thread of its own, or at once with ``429``/``503`` over the
        caps."""
        client, settings = client_address[0], self.settings
        with self._guard:
            mine, total = self.open.get(client, 0), sum(self.open.values())
            if mine < settings.max_client_connections and total < settings.max_connections:
                self.open[client] = mine + 1
                refusal = None
            elif mine >= settings.max_client_connections:
                refusal = (
                    429,
                    (
                        f"Refused: {client} has {mine} connections open to this server, as many as "
                        "one client may (--max-client-connections); close one or send over fewer."
                    ),
                )
            else:
                refusal = (
                    503,
                    (
                        f"Refused: this server has {total} connections open, as many as it takes "
                        "(--max-connections); try again shortly."
                    ),
                )
        if refusal:
            self._refuse(request, *refusal)
            return
        try:
            super().process_request(request, client_address)
        except BaseException:
            self._closed(client)
            raise

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._closed(client_address[0])
            with self._guard:
                self._deadlines.pop(request, None)
                self._late.discard(request)

    def _closed(self, client: str) -> None:
        with self._guard:
            left = self.open.get(client, 1) - 1
            if left > 0:
                self.open[client] = left
            else:
                self.open.pop(client, None)

    def _refuse(self, connection: socket.socket, status: int, message: str) -> None:
        """Answer without a thread and without waiting for the client: what does not fit its
        socket's buffer is lost (it never does: the answer is short)."""
        data = (message + "\n").encode("utf-8")
        reason = http.HTTPStatus(status).phrase
        head = (
            f"HTTP/1.1 {status} {reason}\r\nContent-Type: text/plain; charset=utf-8\r\n"
            f"Content-Length: {len(data)}\r\nConnection: close\r\nRetry-After: 1\r\n\r\n"
        )
        with suppress(OSError):
            connection.setblocking(False)
            connection.send(head.encode("ascii") + data)
            connection.shutdown(socket.SHUT_WR)
        # closed later: closing it with the client's request unread would reset the connection
        with self._guard:
            self._lingering.append((time.monotonic() + 1.0, connection))

    def expect(self, connection: socket.socket, deadline: float | None) -> None:
        """The time by which what the client sends must have arrived (None: nothing is awaited)."""
        with self._guard:
            if deadline is None:
                self._deadlines.pop(connection, None)
            else:
                self._deadlines[connection] = deadline

    def late(self, connection: socket.socket) -> bool:
        """Whether reading from the connection was cut off because the client was too slow."""
        with self._guard:
            late = connection in self._late
            self._late.discard(connection)
            return late

    def _reap(self) -> None:
        while not self._closing.wait(0.05):
            now = time.monotonic()
            with self._guard:
                late = [sock for sock, deadline in self._deadlines.items() if deadline <= now]
                for sock in late:
                    del self._deadlines[sock]
                    self._late.add(sock)
                done = [sock for until, sock in self._lingering if until <= now]
                self._lingering = [(until, sock) for until, sock in self._lingering if until > now]
            for sock in late:
                with suppress(OSError):
                    sock.shutdown(socket.SHUT_RD)  # the reading thread gets the end of the stream
            for sock in done:
                with suppress(OSError):
                    while sock.recv(1 << 16):
                        pass
                sock.close()

    def server_close(self) -> None:
        self._closing.set()
        super().server_close()

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that hangs up is normal; another error is one line in the log (socketserver
        would print a traceback between two rulers to whatever ``sys.stderr`` is at that moment)."""
        error = sys.exc_info()[1]
        if self.settings.log and not isinstance(error, ConnectionError):
            sys.stderr.write(f"sckg serve: a request from {client_address[0]} failed: {error}\n")


class _Handler(BaseHTTPRequestHandler):
    """Checks one request and forwards it to an Oxigraph process; holds query answers until
    complete."""

    protocol_version = "HTTP/1.1"
    #: TCP_NODELAY: the head and the body of an answer are written apart, and with Nagle's algorithm
    #: the body waited for the client's delayed ACK, 40 ms per answer on a kept-alive connection
    disable_nagle_algorithm = True
    server: _Proxy
    arrived = 0.0  # when the request line arrived: the time limit counts from here

    def version_string(self) -> str:
        return "sckg-serve (Oxigraph)"

    def do_GET(self) -> None:
        self._forward()

    do_POST = do_PUT = do_DELETE = do_HEAD = do_OPTIONS = do_PATCH = do_GET

    def log_message(self, format: str, *args: Any) -> None:
        if self.server.settings.log:
            super().log_message(format, *args)

    def handle_one_request(self) -> None:
        """Read and answer one request; its line and headers must arrive within the header
        timeout."""
        self.server.expect(self.connection, time.monotonic() + self.server.settings.header_timeout)
        try:
            super().handle_one_request()
        finally:
            self.server.expect(self.connection, None)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """Answer what http.server refuses itself (a request line over :data:`_MAX_LINE` bytes, a
        header it cannot read) as the proxy answers: one line of plain text, never its HTML
        page; then let the client send the rest of its request, unread, so that it gets the
        answer (closing with bytes unread resets the connection, and the client saw no answer)."""
        if code == http.HTTPStatus.REQUEST_URI_TOO_LONG:
            line = str(self.raw_requestline[:_LOGGED_LINE], "latin-1")  # type: ignore[attr-defined]
            self.requestline = line.rstrip("\r\n") + "… (cut off)"
            text = (
                "The request line is longer than this server takes "
                f"({format_size(_MAX_LINE)}): send a long query or update by POST, its text in the "
                f"body (up to {format_size(self.server.settings.max_body)}, --max-body)."
            )
        else:
            text = message or http.HTTPStatus(code).phrase
        self._reply(code, text, close=True)
        self._drain()

    def _drain(self) -> None:
        """Read and drop what the client still sends, until it closes the connection or for at most
        :data:`_DRAIN` seconds, after telling it that nothing more comes."""
        with suppress(OSError):
            self.wfile.flush()
            self.connection.shutdown(socket.SHUT_WR)
            self.server.expect(self.connection, time.monotonic() + _DRAIN)
            try:
                while self.rfile.read1(1 << 16):
                    pass
            finally:
                self.server.expect(self.connection, None)

    def parse_request(self) -> bool:
        """Parse the request line and headers, or answer ``408`` if the header timeout cut them
        off."""
        self.arrived = time.monotonic()
        if not self.server.late(self.connection):
            if not super().parse_request():
                return False  # answered with the error
            if not self.server.late(self.connection):
                self.server.expect(self.connection, None)
                return True
        else:  # the request line is incomplete
            self.command, self.request_version = "", "HTTP/1.1"
            line = self.raw_requestline  # type: ignore[attr-defined]
            self.requestline = str(line, "latin-1").rstrip("\r\n")
        self._reply(
            408,
            "The request did not arrive in time: its line and headers take at most "
            f"{self.server.settings.header_timeout:g} s (--header-timeout).",
            close=True,
        )
        return False

    def _forward(self) -> None:
        settings = self.server.settings
        with self.server.counting:
            self.server.requests += 1
        path = urlsplit(self.path).path
        read = False
        try:
            self._check_headers(path)
            length = self._content_length(path)
            body = self._read_body(length)
            read = True
            if not self._forwarded(path):
                body.close()
                self._answer_here(path)
                return
            sparql = None
            if path in _QUERY_PATHS | {"/update"}:
                given = self.headers.get("Content-Type")
                media_type = self.headers.get_content_type() if given else None
                charset = str(self.headers.get_param("charset") or "") if given else ""
                sparql = _sparql_request(self.command, self.path, media_type, charset, body.read())
                if sparql.text is not None and not sparql.text.strip():
                    kind = "update" if path == "/update" else "query"
                    raise _Refused(
                        400,
                        f"The {kind} is empty: send a SPARQL {kind} as the parameter {kind} "
                        "(GET) or in the body (POST).",
                    )
                self._check_fetching(sparql)
        except _Refused as refused:
            self._reply(refused.status, refused.message, close=not read, headers=refused.headers)
            return
        limited = bool(settings.timeout) and path not in _UNLIMITED_PATHS
        deadline = self.arrived + settings.timeout if limited else None
        dropped = _HOP_BY_HOP | _BODY_HEADERS
        headers = {k: v for k, v in self.headers.items() if k.lower() not in dropped}
        if sparql:
            request = _Request(sparql.method, sparql.target, sparql.body, headers)
            if request.body is not None:
                headers["Content-Type"] = _SPARQL_TYPES[path]
        else:
            if length:
                given = self.headers.get("Content-Type", "application/octet-stream")
                headers.update({"Content-Type": given, "Content-Length": str(length)})
            request = _Request(self.command, self.path, body if length else None, headers)
        describing = (
            sparql is not None
            and sparql.text is None
            and self.command == "GET"
            and not settings.allow_remote
        )
        with body, tempfile.SpooledTemporaryFile(_SPOOL_IN_MEMORY) as spool:
            try:
                with self.server.pool.process(deadline) as running:
                    answer = self._send(running, request, limited, spool)
            except Expired:
                answer = 504, self._stopped()
            # the process is free again: a client that reads slowly keeps only its own answer
            # waiting
            if isinstance(answer, http.client.HTTPResponse):
                if describing and answer.status == 200:
                    given = answer.getheader("Content-Type", "")
                    _drop_federation(spool, given, settings.url + path)
                if (shown := _syntax_error(answer, spool, sparql)) is not None:
                    self._reply(400, shown)
                else:  # the query page (YASGUI) asks no other server from the user's browser
                    self._relay(answer, spool, _QUERY_PAGE_POLICY if path == "/" else {})
            else:
                self._reply(*answer)

    def _check_headers(self, path: str) -> None:
        """Refuse what the proxy and Oxigraph could read differently, and requests this server does
        not serve."""
        settings = self.server.settings
        for name in _SINGLE_HEADERS:
            if len(self.headers.get_all(name) or []) > 1:
                raise _Refused(
                    400, f"The request has more than one {name.title()} header; send one."
                )
        host = self.headers.get("Host")
        origin = self.headers.get("Origin")
        if host is not None and not settings.names_this_server(host):
            raise _Refused(
                403,
                f"Refused: the request names the host '{host}', not this "
                f"server ({settings.url}); a web page that renamed itself (DNS "
                "rebinding) must not reach it.",
            )
        foreign = origin is not None and not settings.names_this_server(_netloc(origin))
        if foreign and not settings.cors:
            raise _Refused(
                403,
                f"Refused: a web page of {origin} may not query this server; start "
                "it with --cors to allow other sites.",
            )
        if self.headers.get("Transfer-Encoding") is not None:
            raise _Refused(
                411,
                "Send the request with a Content-Length header (chunked requests "
                "are not supported).",
            )
        encoding = self.headers.get("Content-Encoding", "").strip().lower()
        if encoding not in ("", "identity"):
            raise _Refused(
                415,
                f"Send the request body as it is: Content-Encoding '{encoding}' is not accepted.",
            )

    def _content_length(self, path: str) -> int:
        """The announced length of the body, checked: a number, and no more than the server
        takes."""
        text = self.headers.get("Content-Length", "0").strip()
        if not re.fullmatch(r"[0-9]{1,20}", text):
            raise _Refused(400, f"Content-Length must be a number of bytes, not '{text}'.")
        length, cap = int(text), self.server.settings.max_body
        uploading = self.server.settings.write and (path == "/store" or path.startswith("/store/"))
        if length > cap and not uploading:
            raise _Refused(
                413,
                f"The request body ({length:,} bytes) is larger than this server "
                f"takes ({format_size(cap)}, --max-body).",
            )
        return length

    def _read_body(self, length: int) -> IO[bytes]:
        """The whole body, spooled; it must arrive within the body timeout."""
        timeout = self.server.settings.body_timeout
        spool = tempfile.SpooledTemporaryFile(_SPOOL_IN_MEMORY)  # noqa: SIM115 - closed by the caller
        self.server.expect(self.connection, time.monotonic() + timeout)
        left = length
        try:
            while left and (chunk := self.rfile.read(min(left, 1 << 16))):
                spool.write(chunk)
                left -= len(chunk)
        finally:
            self.server.expect(self.connection, None)
        spool.seek(0)
        if not left:
            return spool
        spool.close()
        if self.server.late(self.connection):
            raise _Refused(
                408,
                f"The request body did not arrive in time ({length - left:,} of "
                f"{length:,} bytes in {timeout:g} s, --body-timeout).",
            )
        raise _Refused(400, f"The request body ended after {length - left:,} of {length:,} bytes.")

    def _check_fetching(self, sparql: _Sparql) -> None:
        """Refuse SERVICE and LOAD in the text Oxigraph will run, unless the server allows them."""
        if sparql.text is None or self.server.settings.allow_remote:
            return
        kind = "update" if sparql.target.startswith("/update") else "query"
        try:
            fetching = sorted(remote_access(sparql.text, _FETCHING).uses)
        except Unreadable as exc:
            raise _Refused(
                403,
                f"Refused: the {kind} mentions {exc.word}, and this server cannot "
                "tell whether it would make it send a request to another server: "
                f"{exc.reason}. Start it with --allow-remote to permit that.",
            ) from None
        if fetching:
            raise _Refused(
                403,
                f"Refused: the {kind} uses {fetching[-1]}, which would make this "
                "server send a request to another server. Start it with --allow-remote "
                "to permit that.",
            )

    def _send(
        self, running: Running, request: _Request, limited: bool, spool: IO[bytes]
    ) -> http.client.HTTPResponse | tuple[int, str]:
        """Send the request to the process and read its whole answer into ``spool``: the answer, or
        the status and message to reply with instead."""
        oxigraph, expired = running.process, running.expired
        if running.deadline is not None and time.monotonic() > running.deadline:  # went by before
            return 504, self._stopped()
        connection = running.connection = http.client.HTTPConnection(oxigraph.host, oxigraph.port)
        try:
            connection.connect()
            connection.request(request.method, request.target, request.body, request.headers)
            answer = connection.getresponse()
            while chunk := answer.read1(1 << 16):
                spool.write(chunk)
        except (OSError, http.client.HTTPException):
            reason = oxigraph.why_stopped()
            if reason == "memory":
                return 503, self._out_of_memory()
            if reason == "time" and expired.is_set():
                return 504, self._stopped()
            again = " (another request stopped the read-write server)" if oxigraph.write else ""
            return 502, f"The SPARQL server did not answer{again}; send the request again."
        finally:
            connection.close()
        if expired.is_set() or (limited and _ends_with(spool, CANCELLED)):
            return 504, self._stopped()
        return answer

    def _stopped(self) -> str:
        return (
            f"Query stopped: it ran over the time limit of {self.server.settings.timeout} s; "
            "narrow it down (more specific patterns, LIMIT) or start the server with a longer "
            "--timeout."
        )

    def _out_of_memory(self) -> str:
        return (
            "Query stopped: it needed more memory than this server may use "
            f"({format_size(self.server.pool.memory)}, --memory); narrow it down (more specific "
            "patterns, LIMIT)."
        )

    def _relay(
        self, answer: http.client.HTTPResponse, spool: IO[bytes], headers: dict[str, str]
    ) -> None:
        """Send Oxigraph's ``answer`` (its body in ``spool``), with ``headers`` added."""
        size = spool.tell()
        spool.seek(0)
        with suppress(OSError):
            self.send_response(answer.status, answer.reason)
            for name, value in [*answer.getheaders(), *headers.items()]:
                if name.lower() not in _HOP_BY_HOP:
                    self.send_header(name, value)
            self.send_header("Content-Length", str(size))
            self.end_headers()
            if self.command != "HEAD":
                shutil.copyfileobj(spool, self.wfile)

    def _reply(
        self,
        status: int,
        message: str,
        *,
        close: bool = False,
        headers: dict[str, str] | None = None,
    ) -> None:
        """Answer with ``message`` and ``headers``; ``close`` the connection after it (the rest of
        the request was not read)."""
        if close:
            self.close_connection = True
            headers = {**(headers or {}), "Connection": "close"}
        self._answer(status, "text/plain; charset=utf-8", (message + "\n").encode(), headers or {})

    def _answer(self, status: int, kind: str, data: bytes | Path, headers: dict[str, str]) -> None:
        """Send ``data`` (bytes, or a file's content) as ``kind`` with ``headers``."""
        size = data.stat().st_size if isinstance(data, Path) else len(data)
        with suppress(OSError):
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(size))
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            if self.command == "HEAD":
                return
            if isinstance(data, Path):
                with data.open("rb") as file:
                    shutil.copyfileobj(file, self.wfile)
            else:
                self.wfile.write(data)

    # --- what the proxy answers itself: Linked Data, the VoID description, the site ---------------

    def _forwarded(self, path: str) -> bool:
        """Whether a path goes to Oxigraph: the endpoints and the query page (``/``, unless a site
        is served: then it is the site's home)."""
        if path == "/" and self.server.settings.site is not None:
            return False
        served = _QUERY_PATHS | _PAGES | {"/update", "/store"}
        return path in served or path.startswith("/store/")

    def _answer_here(self, path: str) -> None:
        """Answer the VoID description, a file of the site or an entity IRI (GET and HEAD only)."""
        if self.command not in ("GET", "HEAD"):
            raise _Refused(405, f"{path} answers GET and HEAD only.", {"Allow": "GET, HEAD"})
        site = self.server.settings.site
        if path in VOID_PATHS:
            self._void()
        elif site is not None and path == "/":
            english = language(self.headers.get("Accept-Language")) == "en"
            home = site_file(site, "/index.en.html") if english else None
            home = home or site_file(site, "/index.html")
            if home is None:
                raise _Refused(404, "Not found: / (the site has no index.html)")
            self._answer(200, content_type(home), home, self._headers(Vary="Accept-Language"))
        elif site is not None and (found := site_file(site, path)):
            self._answer(200, content_type(found), found, self._headers())
        else:
            self._entity(path)

    def _entity(self, path: str) -> None:
        """Answer an entity IRI at its path (content negotiation), or at the path with a format's
        suffix (``x.ttl``, ``x.en.html``): the site's page, or the description from the store."""
        settings = self.server.settings
        stem, fmt, lang = split_suffix(path)
        iri = iri_of(stem, settings.base)
        if iri is None:
            raise _Refused(404, f"Not found: {path}")
        name = stem.rsplit("/", 1)[-1]
        headers = self._headers(
            Link=", ".join(
                f'<{name}{f.suffix}>; rel="alternate"; type="{f.media_type}"' for f in FORMATS
            )
        )
        if fmt is None:
            fmt, lang = self._negotiate(), language(self.headers.get("Accept-Language"))
            english = ".en" if fmt is HTML and lang == "en" else ""
            headers.update({"Vary": "Accept, Accept-Language"})
            headers["Content-Location"] = f"{name}{english}{fmt.suffix}"
        lang = lang or "de"
        if fmt is HTML and settings.site is not None:
            page = site_file(settings.site, f"{stem}{'.en' if lang == 'en' else ''}.html")
            if page is not None:
                self._answer(200, content_type(page), page, headers)
                return
        found = description(iri, self._select(describe_query(iri)))
        if not found.out:
            raise _Refused(404, f"Not found: {path}")
        if fmt is HTML:
            data = html_page(
                [*found.out, *found.incoming],
                title_iri=iri,
                base=settings.base,
                lang=lang,
                names=[*found.labels, *found.terms],
                cut=found.cut,
                alternates=name,
            )
            headers["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
        else:
            data = rdf_bytes(found.triples, fmt)
        self._answer(200, fmt.content_type, data, headers)

    def _void(self) -> None:
        """Answer the VoID/DCAT description of the served datasets."""
        fmt = self._negotiate()
        host = self.headers.get("Host")
        url = f"http://{host.strip()}" if host else self.server.settings.url
        triples = void_triples(self._select(VOID_QUERY), url)
        headers = self._headers(Vary="Accept")
        if fmt is HTML:
            data = html_page(triples, title_iri=url + "/dataset", base=self.server.settings.base)
            headers["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
        else:
            data = rdf_bytes(triples, fmt)
        self._answer(200, fmt.content_type, data, headers)

    def _negotiate(self) -> Format:
        """The format the ``Accept`` header asks for (``406`` if none is offered)."""
        accept = self.headers.get("Accept")
        try:
            fmt = negotiate(accept)
        except ValueError as exc:
            raise _Refused(400, str(exc)) from None
        if fmt is None:
            offered = ", ".join(f.media_type for f in reversed(FORMATS))
            raise _Refused(
                406,
                f"Not acceptable: '{accept}'; this resource is offered as {offered}.",
                {"Vary": "Accept, Accept-Language"},
            )
        return fmt

    def _headers(self, **more: str) -> dict[str, str]:
        """The headers of every answer the proxy gives itself (and ``more``)."""
        headers = {"X-Content-Type-Options": "nosniff", **more}
        if self.server.settings.cors:
            headers["Access-Control-Allow-Origin"] = "*"
        return headers

    def _select(self, text: str) -> bytes:
        """The JSON results of a SELECT the proxy asks an Oxigraph process itself, within the time
        limit of the request."""
        settings = self.server.settings
        deadline = self.arrived + settings.timeout if settings.timeout else None
        sent = {
            "Content-Type": _SPARQL_TYPES["/query"],
            "Accept": "application/sparql-results+json",
        }
        request = _Request("POST", "/query", text.encode("utf-8"), sent)
        with tempfile.SpooledTemporaryFile(_SPOOL_IN_MEMORY) as spool:
            try:
                with self.server.pool.process(deadline) as running:
                    answer = self._send(running, request, bool(settings.timeout), spool)
            except Expired:
                answer = 504, self._stopped()
            if isinstance(answer, tuple):
                raise _Refused(*answer)
            spool.seek(0)
            data = spool.read()
        if answer.status != 200:
            raise _Refused(502, f"The SPARQL server did not answer ({answer.status}); send again.")
        return data


#: Oxigraph's query page (YASGUI) fetches prefixes from prefix.cc and terms from the LOV service in
#: the user's browser; this server's pages connect to nothing but this server.
_QUERY_PAGE_POLICY = {"Content-Security-Policy": "connect-src 'self'"}
#: Oxigraph's answers to a syntax error are short texts; a longer 400 is relayed as it is.
_ERROR_TEXT = 1 << 16


def _syntax_error(
    answer: http.client.HTTPResponse, spool: IO[bytes], sparql: _Sparql | None
) -> str | None:
    """The syntax error of Oxigraph's ``answer`` (its body in ``spool``) as ``sckg query`` shows it
    (line, column, the line and a pointer), or None for any other answer."""
    if answer.status != 400 or sparql is None or sparql.text is None or spool.tell() > _ERROR_TEXT:
        return None
    spool.seek(0)
    message = spool.read().decode("utf-8", "replace")
    if not message.startswith("error at "):
        return None
    return str(syntax_error(sparql.text, message))


@dataclass(frozen=True)
class _Sparql:
    """A SPARQL request as Oxigraph gets it: ``text`` is the query or update the proxy checked, sent
    as the body of a POST (or in the URL of a GET), and nothing else holds SPARQL."""

    method: str
    target: str
    text: str | None

    @property
    def body(self) -> bytes | None:
        if self.method != "POST" or self.text is None:
            return None
        return self.text.encode("utf-8")


@dataclass(frozen=True)
class _Request:
    """What the proxy sends to an Oxigraph process."""

    method: str
    target: str
    body: bytes | IO[bytes] | None
    headers: dict[str, str]


def _sparql_request(
    method: str, target: str, media_type: str | None, charset: str, body: bytes
) -> _Sparql:
    """Decode a SPARQL request once, as Oxigraph would (SPARQL 1.1 Protocol): the text from the URL,
    a form or the body, UTF-8; the other parameters (``default-graph-uri``, ...) go on in the URL,
    encoded anew."""
    parts = urlsplit(target)
    field, other = ("update", "query") if parts.path == "/update" else ("query", "update")
    direct = _SPARQL_TYPES[parts.path]
    try:
        params = parse_qsl(parts.query, keep_blank_values=True, errors="strict")
        if method == "POST" and media_type == _FORM:
            params += parse_qsl(body.decode("utf-8"), keep_blank_values=True, errors="strict")
        elif method == "POST" and media_type == direct and charset.lower() in ("", "utf-8"):
            params.append((field, body.decode("utf-8")))
        elif method == "POST":
            given = f"{media_type}; charset={charset}" if charset else media_type
            raise _Refused(
                415,
                f"Send the {field} as {direct} (UTF-8) or as a form ({_FORM}), "
                f"not as {given or 'no Content-Type'}.",
            )
    except UnicodeDecodeError:
        raise _Refused(400, f"The {field} is not UTF-8 text.") from None
    if any(name == other for name, _ in params):
        raise _Refused(400, f"An {other} goes to /{other}, not to {parts.path}.")
    texts = [value for name, value in params if name == field]
    if len(texts) > 1:
        raise _Refused(400, f"The request holds {len(texts)} texts for '{field}'; send one.")
    text = texts[0] if texts else None
    if method in ("GET", "HEAD"):
        target = f"{parts.path}?{urlencode(params)}" if params else parts.path
        if text is None or len(target) <= _ENGINE_LINE or field != "query":  # GET runs no update
            return _Sparql(method, target, text)
        method = "POST"  # too long for Oxigraph's request line: the same request, the text as body
    if method != "POST":  # Oxigraph runs no SPARQL for them: they go on without body or parameters
        return _Sparql(method, parts.path, None)
    if text is None:
        raise _Refused(
            400, f"The request holds no {field}: send it as '{field}' in a form or as {direct}."
        )
    rest = urlencode([(name, value) for name, value in params if name != field])
    return _Sparql("POST", f"{parts.path}?{rest}" if rest else parts.path, text)


def _drop_federation(spool: IO[bytes], content_type: str, base: str) -> None:
    """Remove ``sd:feature sd:BasicFederatedQuery`` from the service description in ``spool``: the
    proxy refuses SERVICE, so the server does not offer federated queries."""
    import pyoxigraph as ox

    rdf_format = ox.RdfFormat.from_media_type(content_type)
    if rdf_format is None:
        return
    spool.seek(0)
    statements = [
        statement
        for statement in ox.parse(spool.read(), rdf_format, base_iri=base)
        if not (isinstance(statement.object, ox.NamedNode) and statement.object.value == _FEDERATED)
    ]
    if not rdf_format.supports_datasets:
        statements = [statement.triple for statement in statements]
    spool.seek(0)
    spool.truncate()
    ox.serialize(statements, spool, rdf_format, prefixes={"sd": _SD})


def _netloc(url: str) -> str:
    """The host and port of a URL (an ``Origin``), with the scheme's default port; "" for
    ``null``."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return ""
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        return ""
    return f"{parts.netloc.rsplit(':', 1)[0] if parts.port else parts.netloc}:{port}"


def _ends_with(spool: IO[bytes], marker: bytes) -> bool:
    size = spool.tell()
    spool.seek(max(0, size - len(marker) - 16))
    tail = spool.read().rstrip()
    spool.seek(size)
    return tail.endswith(marker)


class SparqlServer:
    """A SPARQL 1.1 endpoint over an Oxigraph store folder (see the module doc). Use it as a context
    manager.

    ``memory`` is the cap for the whole server in bytes or as ``"4G"`` (default: a quarter of the
    machine); ``allow_hosts`` are more names under which clients reach it (a DNS name of a server on
    the network). Every request is bounded: its line and headers must arrive within
    ``header_timeout`` seconds and its body within ``body_timeout`` (else ``408``), the body may
    have ``max_body`` bytes (``413``; Graph Store uploads to a ``write`` server any size), and one
    client may hold ``max_client_connections`` connections open (``429``), all clients together
    ``max_connections`` (``503``).

    Every IRI under ``base`` that the data describes is answered at the rest of its path, in Turtle,
    N-Triples, JSON-LD or HTML as the client asks; ``site`` is a folder written by ``sckg site``,
    served as it is, whose pages answer browsers (:mod:`sckg.linked_data`).

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
        allow_remote: bool = False,
        workers: int = DEFAULT_WORKERS,
        memory: int | str | None = None,
        allow_hosts: Sequence[str] = (),
        max_body: int | str = DEFAULT_MAX_BODY,
        header_timeout: float = DEFAULT_HEADER_TIMEOUT,
        body_timeout: float = DEFAULT_BODY_TIMEOUT,
        max_connections: int = DEFAULT_MAX_CONNECTIONS,
        max_client_connections: int = DEFAULT_MAX_CLIENT_CONNECTIONS,
        base: str = BASE,
        site: Path | str | None = None,
    ) -> None:
        if timeout < 0:
            raise ParameterError(error_message("error.timeout_value"))
        for name, count in (
            ("workers", workers),
            ("max_connections", max_connections),
            ("max_client_connections", max_client_connections),
        ):
            if count < 1:
                raise ParameterError(error_message("error.at_least_one", param=name))
        for name, seconds in (("header_timeout", header_timeout), ("body_timeout", body_timeout)):
            if not seconds > 0:
                raise ParameterError(error_message("error.positive_seconds", param=name))
        self.max_body = parse_size(max_body, "max_body") if isinstance(max_body, str) else max_body
        self.base = check_base(base)
        self.site = _site_folder(site)
        self.header_timeout = header_timeout
        self.body_timeout = body_timeout
        self.max_connections = max_connections
        self.max_client_connections = max_client_connections
        self.host = host
        self.port = check_port(port)
        self.write = write
        self.timeout = timeout
        self.cors = cors
        self.log = log
        self.allow_remote = allow_remote
        self.allow_hosts = {name.lower() for name in allow_hosts}
        cap = parse_size(memory) if isinstance(memory, str) else memory or machine_memory() // 4
        self.location = location
        self.pool: ProcessPool | None = ProcessPool(
            location, write=write, timeout=timeout, cors=cors, workers=workers, memory=cap
        )
        self._proxy: _Proxy | None = None
        self._store_lock: int | None = None  # read-only: see hold_store
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
    def store_url(self) -> str:
        """The SPARQL 1.1 Graph Store endpoint (for ``sckg push --endpoint``; writes need write
        mode)."""
        return self.url + "/store"

    @property
    def requests(self) -> int:
        """How many HTTP requests the server has answered (to check that a client does not query per
        node)."""
        return self._proxy.requests if self._proxy else 0

    @property
    def memory(self) -> int:
        """The memory cap of the whole server in bytes."""
        assert self.pool is not None
        return self.pool.memory

    @property
    def processes(self) -> list[OxigraphProcess]:
        """The Oxigraph processes running now."""
        return list(self.pool.processes) if self.pool else []

    def names_this_server(self, netloc: str) -> bool:
        """Whether a ``Host`` header (``name:port``) names this server: its port, and one of its
        addresses, ``localhost``, ``allow_hosts`` or, listening on every network, this machine's
        name or any IP address."""
        name, _, port = netloc.strip().lower().rpartition(":")
        if not name or "]" in port:  # no port: HTTP's default
            name, port = netloc.strip().lower(), "80"
        if port != str(self.port):
            return False
        names = {
            "localhost",
            "127.0.0.1",
            "[::1]",
            self.host.lower(),
            f"[{self.host.lower()}]",
        } | self.allow_hosts
        if self.host in ("0.0.0.0", "::", ""):
            names |= {socket.gethostname().lower(), socket.getfqdn().lower()}
            with suppress(ValueError):
                ipaddress.ip_address(name.strip("[]"))
                return True
        return name in names

    def start(self) -> SparqlServer:
        """Listen on the public address, then start the Oxigraph processes behind it: an address
        that cannot be listened on (a port in use, a host that is not this machine's) is a
        :class:`StoreError` before any process starts."""
        assert self.pool is not None
        try:
            proxy = _Proxy((self.host, self.port), self)
        except OSError as exc:
            key = "error.port_in_use" if exc.errno == errno.EADDRINUSE else "error.cannot_listen"
            reason = exc.strerror or exc
            raise StoreError(
                error_message(key, host=self.host, port=self.port, reason=reason)
            ) from None
        try:
            if not self.write:  # a read-write process holds the store itself
                self._store_lock = hold_store(self.location)
            self.pool.start()
        except BaseException:
            proxy.server_close()
            self._let_go()
            raise
        self._proxy = proxy
        self.port = proxy.server_address[1]
        self._thread = threading.Thread(
            target=self._proxy.serve_forever, name="sckg-serve", daemon=True
        )
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
        """Stop the proxy and the Oxigraph processes."""
        if self._proxy:
            self._proxy.shutdown()
            self._proxy.server_close()
            self._proxy = None
        if self.pool:
            self.pool.stop()
        self._let_go()

    def _let_go(self) -> None:
        """Release the store's lock (:func:`hold_store`)."""
        if self._store_lock is not None:
            os.close(self._store_lock)
            self._store_lock = None

    def __enter__(self) -> SparqlServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _site_folder(site: Path | str | None) -> Path | None:
    """The folder of a site written by ``sckg site``, checked."""
    if site is None:
        return None
    folder = Path(site)
    if not (folder / "index.html").is_file():
        raise ParameterError(error_message("error.site_folder", folder=folder))
    return folder.resolve()


@contextmanager
def served_store(store: str | StoreSpec, data: Sequence[Path] | None = None) -> Iterator[Path]:
    """The folder of the Oxigraph store to serve, with ``data`` loaded into it.

    ``oxigraph:PATH`` is served in place. ``memory`` becomes a temporary store (default data: the
    bundled Braunschweig dataset) that is removed afterwards, with whatever was written to it.
    """
    from .kg import KnowledgeGraph

    spec = parse_store(store)
    if spec.kind is StoreKind.memory:
        _remove_abandoned_copies()
        with tempfile.TemporaryDirectory(prefix=f"{_COPY_PREFIX}{os.getpid()}-") as folder:
            path = Path(folder) / "store"
            _release(
                _name_graphs_as_push(
                    KnowledgeGraph.open(
                        list(data or [resources.dataset("braunschweig")]), f"oxigraph:{path}"
                    )
                )
            )
            yield path
    elif spec.kind is StoreKind.oxigraph:
        _release(KnowledgeGraph.open(list(data) if data else None, spec))
        yield spec.path
    else:
        raise UsageError(error_message("error.serve_store", store=store))


#: The temporary copies of ``--store memory`` are named by this and the serving process's ID.
_COPY_PREFIX = "sckg-serve-"


def _remove_abandoned_copies() -> None:
    """Remove this user's temporary copies whose server is gone without removing them (``kill -9``,
    a power cut); a copy whose process runs, or whose name holds no process ID, stays."""
    pattern = re.compile(re.escape(_COPY_PREFIX) + r"([0-9]+)-")
    for folder in Path(tempfile.gettempdir()).glob(_COPY_PREFIX + "*"):
        found = pattern.match(folder.name)
        try:
            if not found or folder.lstat().st_uid != os.getuid() or not folder.is_dir():
                continue
            os.kill(int(found.group(1)), 0)
        except ProcessLookupError:
            shutil.rmtree(folder, ignore_errors=True)
        except OSError:  # another user's process, or the folder went meanwhile
            continue


def _name_graphs_as_push(kg: Any) -> Any:
    """Give the graphs the names ``sckg push`` gives them
    (``https://w3id.org/sckg/graph/<dataset>``), not the ``file:`` names of this machine's paths."""
    from .stores import push_targets

    for target, sources in push_targets(sorted(kg.backend.graph_names())).items():
        for source in sources:
            if source != target:
                kg.backend.store.update(
                    f"ADD GRAPH <{source}> TO GRAPH <{target}> ; DROP GRAPH <{source}>"
                )
    return kg


def _release(kg: Any) -> None:
    """Close the store, so that the server can open it (an Oxigraph store has one writer at a
    time)."""
    kg.close()
    del kg
    gc.collect()
