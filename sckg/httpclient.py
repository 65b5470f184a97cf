"""sckg's HTTP client, for OParl crawls and SPARQL endpoints: urllib3 connection pools kept for a
whole crawl or endpoint (one kept-alive connection per server), the environment's proxies
(``http_proxy``, ``https_proxy``, ``no_proxy``; never for this machine's servers), a deadline for a
whole request, the pause a busy server asks for (``Retry-After``), and a repeatable request sent
again when its connection closed before any answer."""

from __future__ import annotations

import contextlib
import http.client
import socket
import threading
import urllib.parse
import urllib.request
from collections.abc import Iterator, Mapping

import urllib3
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import InvalidHeader
from urllib3.util import Retry

#: The longest pause a ``Retry-After`` header can impose (seconds): a server may not stall a crawl.
MAX_RETRY_AFTER = 120.0
_LOCAL = ("localhost", "127.0.0.1", "::1")
#: Methods a server may get twice with the effect of once (RFC 9110 §9.2.2).
IDEMPOTENT = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})


class Client:
    """HTTP requests over pooled connections; :meth:`deadline` bounds a whole request."""

    def __init__(self) -> None:
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._managers: dict[str, urllib3.PoolManager] = {}

    def request(
        self,
        method: str,
        url: str,
        *,
        headers: Mapping[str, str],
        timeout: float,
        body: bytes | None = None,
        repeatable: bool = False,
    ) -> urllib3.BaseHTTPResponse:
        """The answer to one request (no redirects followed), its body unread.

        A server may close a kept-alive connection that was idle just as the next request goes out
        on it; the request then gets no answer. An idempotent request (GET, HEAD, PUT, ...) or one
        the caller calls ``repeatable`` (a SPARQL query sent by POST) is then sent once more, on a
        new connection (RFC 9110 §9.2.2); any other, or a second failure, raises urllib3's
        ``ProtocolError``. Nothing is sent again after the :meth:`deadline`.
        """
        again = repeatable or method in IDEMPOTENT
        while True:
            try:
                return self._manager(url).request(
                    method,
                    url,
                    body=body,
                    headers=dict(headers),
                    timeout=urllib3.Timeout(connect=timeout, read=timeout),
                    retries=False,
                    redirect=False,
                    preload_content=False,
                )
            except urllib3.exceptions.ProtocolError:
                if not again or self.expired:
                    raise
                again = False  # the failed connection was discarded: the next one is new

    @contextlib.contextmanager
    def deadline(self, seconds: float) -> Iterator[None]:
        """Within the block, after ``seconds`` the connections are shut (a read waiting for the
        server returns) and :attr:`expired` is set."""
        self.expired = False
        timer = threading.Timer(seconds, self._expire)
        timer.daemon = True
        timer.start()
        try:
            yield
        finally:
            timer.cancel()

    def _expire(self) -> None:
        self.expired = True
        for sock in list(self._sockets):
            with contextlib.suppress(OSError):  # already closed
                sock.shutdown(socket.SHUT_RDWR)

    def _opening(self, sock: socket.socket) -> None:
        self._sockets = [s for s in self._sockets if s.fileno() != -1] + [sock]
        if self.expired:
            self._expire()

    def _manager(self, url: str) -> urllib3.PoolManager:
        """The pool manager for ``url``: direct, or through the environment's proxy."""
        parts = urllib.parse.urlsplit(url)
        proxy = urllib.request.getproxies().get(parts.scheme, "")
        host = parts.hostname or ""
        if proxy and (host in _LOCAL or urllib.request.proxy_bypass(host)):
            proxy = ""
        if proxy not in self._managers:
            manager = urllib3.ProxyManager(proxy) if proxy else urllib3.PoolManager()
            manager.pool_classes_by_scheme = _watched_pools(self)
            self._managers[proxy] = manager
        return self._managers[proxy]


def _watched_pools(client: Client) -> dict[str, type[HTTPConnectionPool]]:
    """Pool classes whose connections tell ``client`` their socket (to shut it at the deadline)."""

    class WatchedHTTP(HTTPConnection):
        def connect(self) -> None:
            super().connect()
            client._opening(self.sock)

    class WatchedHTTPS(HTTPSConnection):
        def connect(self) -> None:
            super().connect()
            client._opening(self.sock)

    class HTTPPool(HTTPConnectionPool):
        ConnectionCls = WatchedHTTP

    class HTTPSPool(HTTPSConnectionPool):
        ConnectionCls = WatchedHTTPS

    return {"http": HTTPPool, "https": HTTPSPool}


def retry_after(response: urllib3.BaseHTTPResponse) -> float:
    """The pause in seconds that the answer's ``Retry-After`` header asks for (seconds or an HTTP
    date; 0 without or with a malformed one), at most :data:`MAX_RETRY_AFTER`."""
    value = response.headers.get("Retry-After")
    if not value:
        return 0.0
    try:
        return min(float(Retry().parse_retry_after(value)), MAX_RETRY_AFTER)
    except InvalidHeader:
        return 0.0


def reason(exc: BaseException) -> str:
    """What went wrong with a connection: the innermost operating system error's text, or the
    text of the HTTP error under urllib3's ``ProtocolError`` ("Remote end closed connection
    without response")."""
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, OSError) and cause.strerror:
            return cause.strerror
        if isinstance(cause, http.client.HTTPException) and str(cause):
            return str(cause)
        inner = [arg for arg in cause.args if isinstance(arg, BaseException)]
        cause = cause.__cause__ or cause.__context__ or (inner[0] if inner else None)
    return str(exc)
