"""Other SPARQL engines for tests: OpenLink Virtuoso (Debian's ``virtuoso-opensource``) and Comunica
(npm's ``@comunica/query-sparql-file`` 4.x, in ``.cache/comunica``), each started on a free port
with fresh data.

    from engines import virtuoso_fixture, comunica_fixture  # noqa: F401  (pytest fixtures)

``virtuoso()`` starts (once per test session) a Virtuoso server in a temporary folder, from a copy
of the packaged ``virtuoso.ini`` with its SQL and HTTP ports and database paths changed, and returns
it; ``virtuoso.load(kg)`` fills it with every named graph of ``kg`` under the same graph names
(Graph Store Protocol, digest login). ``comunica(kg)`` serves ``kg``'s named graphs (written to an
N-Quads file) read-only with ``comunica-sparql-file-http --unionDefaultGraph``. Every server is
stopped at the end of the session.

Where an engine is not installed the tests skip with the reason; in CI (``SCKG_REQUIRE_ENGINES=1``,
set by ``.ci/run``, which installs both) they fail instead. ``make comunica`` installs Comunica.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
import urllib.parse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
import pytest

from sckg.errors import StoreError
from sckg.kg import KnowledgeGraph
from sckg.remote import PASSWORD_VARIABLE, USER_VARIABLE, http_request
from sckg.serve import free_port

ROOT = Path(__file__).resolve().parent.parent
VIRTUOSO = shutil.which("virtuoso-t") or "/usr/bin/virtuoso-t"
VIRTUOSO_INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")
COMUNICA = ROOT / ".cache" / "comunica" / "node_modules" / ".bin" / "comunica-sparql-file-http"
#: Virtuoso's administrator in a fresh database (the test servers only listen on 127.0.0.1 and live
#: minutes).
DBA = ("dba", "dba")
STARTUP_SECONDS = 60


def require(reason: str | None) -> None:
    """Skip the calling test when an engine is missing (``reason``), or fail it in CI
    (SCKG_REQUIRE_ENGINES=1)."""
    if reason is None:
        return
    if os.environ.get("SCKG_REQUIRE_ENGINES") == "1":
        pytest.fail(f"engine required (SCKG_REQUIRE_ENGINES=1) but {reason}", pytrace=False)
    pytest.skip(reason)


def virtuoso_missing() -> str | None:
    """Why Virtuoso cannot run here, or None."""
    if not Path(VIRTUOSO).is_file() or not VIRTUOSO_INI.is_file():
        return "Virtuoso is not installed: apt-get install virtuoso-opensource (as .ci/run does)"
    return None


def comunica_missing() -> str | None:
    """Why Comunica cannot run here, or None."""
    if not COMUNICA.is_file():
        return (
            f"Comunica is not installed in {COMUNICA.parents[2]}: run 'make comunica' (needs "
            "Node.js 18 or 20)"
        )
    return None


def wait_until_up(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    """Wait until a SPARQL endpoint answers ``ASK {}``; fail with the server's log when it dies or
    stays silent."""
    query = url + "?" + urllib.parse.urlencode({"query": "ASK {}"})
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(
                f"the server stopped (exit {process.returncode}): {log.read_text(errors='replace')}"
            )
        try:
            if http_request("GET", query, timeout=5).status == 200:
                return
        except StoreError:
            pass
        time.sleep(0.3)
    raise RuntimeError(
        f"the server did not answer within {STARTUP_SECONDS} s: {log.read_text(errors='replace')}"
    )


def stop(process: subprocess.Popen[bytes]) -> None:
    """Stop a server this module started (by its process id), killing it after 30 s."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def virtuoso_ini(folder: Path, sql_port: int, http_port: int) -> str:
    """The packaged ``virtuoso.ini``, with the database in ``folder`` and the two ports changed.

    The bulk loader may read files in ``folder``; results are not cut at the packaged 10,000 rows,
    queries are not refused by their estimated cost, and the memory is the file's value for 2 GB
    (docs/engines.md)."""
    text = VIRTUOSO_INI.read_text()
    text = re.sub(r"/var/lib/virtuoso-opensource-7/db/", f"{folder}/", text)
    text = re.sub(r"(?m)^(\[Parameters\][^\[]*?ServerPort\s*=\s*)\d+", rf"\g<1>{sql_port}", text)
    text = re.sub(r"(?m)^(\[HTTPServer\][^\[]*?ServerPort\s*=\s*)\d+", rf"\g<1>{http_port}", text)
    text = re.sub(r"(?m)^(DirsAllowed\s*=.*)$", rf"\1, {folder}", text)
    text = re.sub(r"(?m)^(ResultSetMaxRows\s*=\s*)\d+", r"\g<1>100000000", text)
    text = re.sub(r"(?m)^(MaxQueryCostEstimationTime\s*=\s*)\d+", r"\g<1>0", text)
    # the packaged 10,000 buffers (80 MB) stall a replace of a million-triple graph; the ini's value
    # for 2 GB
    text = re.sub(r"(?m)^NumberOfBuffers\s*=\s*\d+", "NumberOfBuffers = 170000", text)
    text = re.sub(r"(?m)^MaxDirtyBuffers\s*=\s*\d+", "MaxDirtyBuffers = 130000", text)
    return text


@dataclass
class Virtuoso:
    """A running Virtuoso server in ``folder``."""

    folder: Path
    sql_port: int
    http_port: int
    process: subprocess.Popen[bytes] | None = None
    loaded: set[str] = field(default_factory=set)

    @property
    def query_url(self) -> str:
        """The open SPARQL endpoint (read-only for the anonymous user)."""
        return f"http://127.0.0.1:{self.http_port}/sparql"

    @property
    def auth_query_url(self) -> str:
        """The SPARQL endpoint behind a digest login."""
        return f"http://127.0.0.1:{self.http_port}/sparql-auth"

    @property
    def store_url(self) -> str:
        """The Graph Store Protocol endpoint behind a digest login."""
        return f"http://127.0.0.1:{self.http_port}/sparql-graph-crud-auth"

    def start(self, tries: int = 3) -> Virtuoso:
        """Start the server; on ports that another process took between :func:`free_port` and
        Virtuoso's listen (seconds later, after its checkpoints: seen in CI on a busy machine,
        "Failed HTTP listen at 33157"), again on new ports."""
        self.folder.mkdir(parents=True, exist_ok=True)
        ini = self.folder / "virtuoso.ini"
        ini.write_text(virtuoso_ini(self.folder, self.sql_port, self.http_port))
        log = self.folder / "server.out"
        with log.open("wb") as out:
            self.process = subprocess.Popen(
                [VIRTUOSO, "+configfile", str(ini), "+foreground"],
                cwd=self.folder,
                stdout=out,
                stderr=out,
            )
        try:
            wait_until_up(self.query_url, self.process, self.folder / "virtuoso.log")
        except RuntimeError as error:
            taken = ("Failed HTTP listen", "Failed to start listening at SQL port")
            if tries == 1 or not any(text in str(error) for text in taken):
                raise
            stop(self.process)
            self.sql_port, self.http_port = free_port(), free_port()
            return self.start(tries - 1)
        return self

    def put(self, graph: str, triples: list[ox.Triple]) -> None:
        """Replace one named graph (Graph Store Protocol, as the administrator)."""
        body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
        url = f"{self.store_url}?{urllib.parse.urlencode({'graph': graph})}"
        with login(*DBA):
            answer = http_request(
                "PUT",
                url,
                data=body,
                headers={"Content-Type": "application/n-triples"},
                timeout=300,
            )
        assert answer.status in (200, 201, 204), answer.text()

    def clear(self, keep: set[str] | frozenset[str] = frozenset()) -> None:
        """Empty the graphs loaded before (but those in ``keep``)."""
        for graph in sorted(self.loaded - keep):
            self.put(graph, [])
        self.loaded &= keep

    def load(self, kg: KnowledgeGraph) -> None:
        """Replace every graph loaded before by the named graphs of ``kg``, under the same names."""
        graphs = kg.backend.graph_names()
        self.clear(graphs)
        for graph in sorted(graphs):
            self.put(
                graph,
                kg.construct(
                    f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
                ),
            )
        self.loaded = set(graphs)

    def stop(self) -> None:
        if self.process is not None:
            stop(self.process)


@contextmanager
def login(user: str, password: str) -> Iterator[None]:
    """The endpoint login of the environment (``SCKG_ENDPOINT_USER``/``_PASSWORD``) for a ``with``
    block."""
    values = {USER_VARIABLE: user, PASSWORD_VARIABLE: password}
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


@pytest.fixture(scope="session", name="virtuoso")
def virtuoso_fixture(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[[], Virtuoso]]:
    """``virtuoso()``: the session's Virtuoso server (started on first use); ``.load(kg)`` fills
    it."""
    servers: list[Virtuoso] = []

    def get() -> Virtuoso:
        require(virtuoso_missing())
        if not servers:
            servers.append(
                Virtuoso(tmp_path_factory.mktemp("virtuoso"), free_port(), free_port()).start()
            )
        return servers[0]

    yield get
    for server in servers:
        server.stop()


#: Comunica's query time limit (s): a whole command's questions on a busy machine.
TIMEOUT = ("--timeout", "300")


@dataclass
class Comunica:
    """A running Comunica endpoint serving one N-Quads file read-only."""

    port: int
    process: subprocess.Popen[bytes]

    @property
    def query_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/sparql"

    @classmethod
    def start(cls, data: Path, log: Path, port: int, tries: int = 3) -> Comunica:
        """Serve ``data`` on ``port``; when another process took the port between
        :func:`free_port` and Comunica's listen (seconds later on a busy machine: "Error: bind
        EADDRINUSE null:59809", and the server ends), again on a new port."""
        with log.open("wb") as out:
            process = subprocess.Popen(
                [str(COMUNICA), str(data), "--port", str(port), "--unionDefaultGraph", *TIMEOUT],
                stdout=out,
                stderr=out,
            )
        server = cls(port, process)
        try:
            wait_until_up(server.query_url, process, log)
        except RuntimeError as error:
            stop(process)
            if tries == 1 or "EADDRINUSE" not in str(error):
                raise
            return cls.start(data, log, free_port(), tries - 1)
        return server


@pytest.fixture(scope="session", name="comunica")
def comunica_fixture(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Callable[[KnowledgeGraph], Comunica]]:
    """``comunica(kg)``: a Comunica endpoint over the named graphs of ``kg`` (one per graph, kept
    for the session)."""
    servers: dict[int, Comunica] = {}

    def start(kg: KnowledgeGraph) -> Comunica:
        require(comunica_missing())
        if id(kg) not in servers:
            folder = tmp_path_factory.mktemp("comunica")
            data = folder / "data.nq"
            graphs = sorted(kg.backend.graph_names())
            quads = [
                ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(g))
                for g in graphs
                for t in kg.construct(
                    f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{g}> {{ ?s ?p ?o }} }}"
                )
            ]
            ox.serialize(quads, str(data), format=ox.RdfFormat.N_QUADS)
            servers[id(kg)] = Comunica.start(data, folder / "server.out", free_port())
        return servers[id(kg)]

    yield start
    for server in servers.values():
        stop(server.process)
