"""Commands for stores and servers: ``sckg load``, ``sckg serve``, ``sckg push``."""

from __future__ import annotations

import os
import socket
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .cli_common import VOICE, DataOpt, StoreOpt, open_graph, progress_bars, status
from .formatting import number
from .storespec import StoreKind, parse_store
from .words import t

if TYPE_CHECKING:
    from .output import Progress

TimeoutOpt = Annotated[float, typer.Option(help="Seconds to wait for the endpoint's answer.")]


def load(
    files: Annotated[
        list[Path], typer.Argument(help="RDF files or folders to load (folders are searched).")
    ],
    store: Annotated[
        str, typer.Option(help="The persistent store to fill: oxigraph:PATH (created if missing).")
    ],
    replace: Annotated[
        bool,
        typer.Option(
            help="Leave the store holding only these files (drop every other data graph)."
        ),
    ] = False,
) -> None:
    """Bulk-load RDF files into a persistent Oxigraph store, each file into its own named graph, and
    print a summary. Loading a file again replaces its graph, so reloading is idempotent."""
    from .kg import collect_files
    from .stores import load_store

    paths = collect_files(files, "FILES")
    with progress_bars() as progress:
        if progress is None:
            report = load_store(store, paths, replace=replace)
        else:
            with _bytes_read(paths, progress) as loaded:
                report = load_store(store, paths, replace=replace, progress=loaded)
    lang = VOICE.lang
    removed = t("cli.dropped", lang, n=report.removed) if report.removed else ""
    status(
        t(
            "cli.loaded",
            lang,
            n=report.files,
            triples=number(report.triples, lang),
            seconds=number(report.seconds, lang, 2),
            rate=number(report.rate, lang),
            removed=removed,
        )
    )
    triples = number(report.store_triples, lang)
    status(t("cli.store_holds", lang, store=report.store, triples=triples, n=report.graphs))


@contextmanager
def _bytes_read(paths: list[Path], progress: Progress) -> Iterator[Callable[[Path], None]]:
    """Show the bytes of ``paths`` Oxigraph has read (``loading``), while a thread looks at where it
    reads (see :func:`_position`); once all are read, ``indexing`` until the store has them. Yields
    the callback to call when a file is in."""
    sizes = {path: path.stat().st_size for path in paths}
    total, done, stop = sum(sizes.values()), [0, 0], threading.Event()  # files and bytes loaded

    seen: dict[Path, int] = {}  # how far each file was read: once closed, it is read whole

    def watch() -> None:
        while not stop.wait(0.2):
            path = paths[min(done[0], len(paths) - 1)]
            position = _position(path)
            if position is not None:
                seen[path] = max(seen.get(path, 0), position)
            elif path in seen:  # closed after reading: Oxigraph builds the indexes
                seen[path] = sizes[path]
            read = done[1] + seen.get(path, 0)
            if read < total:
                progress("loading", read, total)
            else:
                progress("indexing", 0, None)

    def loaded(path: Path) -> None:
        done[0] += 1
        done[1] += sizes[path]

    progress("loading", 0, total)
    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    try:
        yield loaded
    finally:
        stop.set()
        watcher.join()


def _position(path: Path) -> int | None:
    """How far this process has read the file ``path``: the offset of a descriptor open on it, as
    Linux shows it in ``/proc/self/fdinfo`` (None elsewhere, or when it is not open). Oxigraph reads
    a file by its path, in Rust: this sees its progress without slowing it down."""
    target = str(path.resolve())
    try:
        for entry in os.scandir("/proc/self/fd"):
            if os.readlink(entry.path) == target:
                info = Path(f"/proc/self/fdinfo/{entry.name}").read_text()
                return int(info.split("pos:", 1)[1].split()[0])
    except (OSError, IndexError, ValueError):  # no /proc, or the file closed meanwhile
        return None
    return None


def serve(
    data: DataOpt = None,
    store: Annotated[
        str,
        typer.Option(
            help="The store to serve: oxigraph:PATH, or memory (a temporary copy of --data)."
        ),
    ] = "memory",
    host: Annotated[
        str, typer.Option(help="Address to listen on (0.0.0.0: every network of this machine).")
    ] = ("127.0.0.1"),
    port: Annotated[int, typer.Option(help="Port to listen on (0: any free port).")] = 7878,
    write: Annotated[
        bool,
        typer.Option(help="Accept SPARQL UPDATE and Graph Store uploads (refused by default)."),
    ] = False,
    timeout: Annotated[
        int, typer.Option(help="Stop a query after this many seconds (0: no limit).")
    ] = 30,
    cors: Annotated[
        bool, typer.Option(help="Allow web pages of other sites to query (e.g. a hosted YASGUI).")
    ] = (False),
    log: Annotated[bool, typer.Option(help="Print every request on stderr.")] = False,
    allow_remote: Annotated[
        bool,
        typer.Option(
            help="Let queries use SERVICE (and updates LOAD): the server then sends requests to "
            "other servers for its clients."
        ),
    ] = False,
    workers: Annotated[
        int,
        typer.Option(
            help="Queries answered at the same time, each by its own read-only Oxigraph process."
        ),
    ] = 8,
    memory: Annotated[
        str | None,
        typer.Option(
            help="Memory cap of the whole server, e.g. 4G or 512M; a query over it is "
            "stopped (default: a quarter of this machine's memory)."
        ),
    ] = None,
    allow_host: Annotated[
        list[str] | None,
        typer.Option(
            help="Another name clients reach the server by (e.g. kg.example.org); "
            "requests naming any other host are refused."
        ),
    ] = None,
    max_body: Annotated[
        str,
        typer.Option(
            help="Largest request body, e.g. 1M or 64K; a larger one is refused with "
            "413 (Graph Store uploads with --write: any size)."
        ),
    ] = "1M",
    header_timeout: Annotated[
        float, typer.Option(help="Seconds for a request's line and headers to arrive (else 408).")
    ] = 10.0,
    body_timeout: Annotated[
        float,
        typer.Option(
            help="Seconds for a request's body to arrive once its headers are in (else 408)."
        ),
    ] = 60.0,
    max_connections: Annotated[
        int,
        typer.Option(help="Connections open at the same time, from all clients (more get 503)."),
    ] = 128,
    max_client_connections: Annotated[
        int,
        typer.Option(
            help="Connections open at the same time from one client address (more get 429)."
        ),
    ] = 16,
    base: Annotated[
        str,
        typer.Option(
            help="The IRI the server's root stands for: every IRI under it that the data "
            "describes is answered at the rest of its path (Linked Data)."
        ),
    ] = "https://w3id.org/sckg/",
    site: Annotated[
        Path | None,
        typer.Option(
            help="A folder written by 'sckg site': served as it is, and its pages answer "
            "browsers that open an entity IRI."
        ),
    ] = None,
) -> None:
    """Run a SPARQL 1.1 endpoint (Oxigraph servers behind a checking proxy) over the store until
    Ctrl-C: read-only unless --write, on 127.0.0.1 unless told otherwise, with a query time limit
    and a memory cap that stop only the query over it, no SERVICE unless --allow-remote, and every
    request bounded (read timeouts, body size, connections). Query it with '--store sparql:URL',
    YASGUI, Protégé or SPARQLWrapper. Every IRI under --base answers at its own path in Turtle,
    N-Triples, JSON-LD or HTML as asked (Linked Data), /.well-known/void describes the datasets."""
    import signal

    from .serve import SparqlServer, check_port, format_size, is_loopback, served_store

    def stop(*_: object) -> None:
        raise KeyboardInterrupt

    check_port(port)  # before the data is copied
    signal.signal(signal.SIGTERM, stop)
    with served_store(store, data) as location:
        server = SparqlServer(
            location,
            host=host,
            port=port,
            write=write,
            timeout=timeout,
            cors=cors,
            log=log,
            allow_remote=allow_remote,
            workers=workers,
            memory=memory,
            allow_hosts=allow_host or (),
            max_body=max_body,
            header_timeout=header_timeout,
            body_timeout=body_timeout,
            max_connections=max_connections,
            max_client_connections=max_client_connections,
            base=base,
            site=site,
        )
        with server:
            lang = VOICE.lang
            mode = t("cli.serve_read_write" if write else "cli.serve_read_only", lang)
            limit = (
                t("cli.serve_timeout", lang, seconds=timeout)
                if timeout
                else t("cli.serve_no_timeout", lang)
            )
            typer.echo(t("cli.serve_endpoint", lang, url=server.query_url, mode=mode, limit=limit))
            update = "cli.serve_update" if write else "cli.serve_update_refused"
            typer.echo(t(update, lang, url=server.update_url))
            typer.echo(t("cli.serve_store", lang, url=server.store_url))
            if site is None:
                typer.echo(t("cli.serve_query_page", lang, url=server.url))
            else:
                typer.echo(t("cli.serve_site", lang, url=server.url, site=site))
            typer.echo(t("cli.serve_linked_data", lang, url=server.url, base=base))
            typer.echo(t("cli.serve_void", lang, url=server.url))
            typer.echo(t("cli.serve_memory", lang, size=format_size(server.memory, lang)))
            if parse_store(store).kind is StoreKind.memory and write:
                typer.echo(t("cli.serve_temporary", lang), err=True)
            if not is_loopback(host):
                typer.echo(t("cli.serve_exposed", lang, host=host), err=True)
            if host in ("0.0.0.0", "::"):  # no address a client can use
                name = socket.gethostname()
                typer.echo(t("cli.serve_every_address", lang, host=host, name=name), err=True)
            typer.echo(t("cli.serve_stop_hint", lang), err=True)
            sys.stdout.flush()
            server.wait()
    typer.echo(t("cli.serve_stopped", VOICE.lang), err=True)


def push(
    endpoint: Annotated[
        str,
        typer.Option(
            help="Graph Store endpoint, e.g. http://127.0.0.1:7878/store (Fuseki: "
            ".../DATASET/data)."
        ),
    ],
    data: DataOpt = None,
    store: StoreOpt = "memory",
    dataset: Annotated[
        str | None, typer.Option(help="Put all data into one named graph for this dataset name.")
    ] = None,
    timeout: TimeoutOpt = 300.0,
) -> None:
    """Upload the graph to a SPARQL 1.1 Graph Store Protocol endpoint: one named graph per dataset
    (https://w3id.org/sckg/graph/<folder>) plus the ontology; each is replaced, so pushing again is
    idempotent. Read it back with --store sparql:QUERY-URL. An endpoint that asks for a login gets
    it from the environment: SCKG_ENDPOINT_USER and SCKG_ENDPOINT_PASSWORD, or
    SCKG_ENDPOINT_TOKEN."""
    from .stores import push as upload

    report = upload(open_graph(data, store), endpoint, dataset=dataset, timeout=timeout)
    lang = VOICE.lang
    for graph in report.graphs:
        status(t("cli.pushed_graph", lang, iri=graph.iri, triples=number(graph.triples, lang)))
    status(
        t(
            "cli.pushed",
            lang,
            n=len(report.graphs),
            triples=number(report.triples, lang),
            seconds=number(report.seconds, lang, 2),
        )
    )


def register(app: typer.Typer) -> None:
    """Add the store commands."""
    app.command("load")(load)
    app.command("serve")(serve)
    app.command("push")(push)
