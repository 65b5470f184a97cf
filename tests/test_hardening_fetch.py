"""Fetching from hostile or broken OParl servers (issue 14, item 12): a total deadline per request,
a size cap per answer, a page cap per list, only the system's own origin (unless asked) and only
http(s). The test server below plays each behaviour."""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler

import pytest
from servers import serving

from sckg.errors import DataError, StoreError
from sckg.ingest.oparl_fetch import Fetcher, list_items


class Hostile(BaseHTTPRequestHandler):
    """/drip: one byte every 0.4 s (headers too); /big: 3 MB without Content-Length; /endless?n=N: a
    list whose next page is ?n=N+1; /ftp: 302 to ftp://; /elsewhere: 302 to the same server by
    another name (localhost); /other-list: a list whose next page is on localhost; /ok: a small
    list."""

    protocol_version = "HTTP/1.0"

    def do_GET(self) -> None:
        path, _, query = self.path.partition("?")
        port = self.server.server_address[1]
        if path == "/drip":
            for byte in (
                b"HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n" + b'{"data": []}' * 100
            ):
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(0.4)
            return
        if path == "/big":
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(b'{"data": ["' + b"x" * 3_000_000 + b'"]}')
            return
        if path in ("/ftp", "/elsewhere"):
            target = (
                f"ftp://127.0.0.1:{port}/x" if path == "/ftp" else f"http://localhost:{port}/ok"
            )
            self.send_response(302)
            self.send_header("Location", target)
            self.end_headers()
            return
        if path == "/endless":
            n = int(query.removeprefix("n=") or 0)
            page = {
                "data": [{"id": f"x{n}"}],
                "links": {"next": f"http://127.0.0.1:{port}/endless?n={n + 1}"},
            }
        elif path == "/other-list":
            page = {"data": [{"id": "a"}], "links": {"next": f"http://localhost:{port}/ok"}}
        else:
            page = {"data": [{"id": "ok"}]}
        body = json.dumps(page).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        """Quiet."""


@pytest.fixture(scope="module")
def hostile() -> Iterator[str]:
    with serving(
        Hostile, wait_for_requests=False
    ) as url:  # the drip goes on after the client gave up
        yield url


def test_a_total_deadline_per_request(hostile: str) -> None:
    started = time.perf_counter()
    with pytest.raises(StoreError) as caught:
        Fetcher(timeout=1.5, retries=0).get(hostile + "/drip")
    assert (
        time.perf_counter() - started < 2.5
    )  # each byte came within 0.4 s: a timeout per read never fires
    assert str(caught.value).startswith(
        f"{hostile}/drip: no complete answer within 1.5 s (after 1 try)."
    )


def test_a_size_cap_per_answer(hostile: str) -> None:
    with pytest.raises(DataError) as caught:
        Fetcher(retries=0, max_bytes=1_000_000).get(hostile + "/big")
    assert str(caught.value) == (
        f"{hostile}/big: the answer is larger than 1 MB; an OParl page is far smaller "
        "(raise the limit with max_bytes)."
    )
    assert (
        Fetcher(retries=0, max_bytes=4_000_000).get(hostile + "/big")["data"][0] == "x" * 3_000_000
    )


def test_a_page_cap_per_list(hostile: str) -> None:
    fetcher = Fetcher(retries=0, max_pages=5)
    with pytest.raises(DataError) as caught:
        list(list_items(fetcher, hostile + "/endless?n=0", "paper", None))
    assert str(caught.value) == (
        f"{hostile}/endless?n=0: the list 'paper' has more than 5 pages; is the server's 'next' "
        "link endless? (raise the limit with max_pages)"
    )
    assert fetcher.requests == 5


def test_only_http_and_https(hostile: str) -> None:
    ftp = socket.socket()
    ftp.bind(("127.0.0.1", 0))
    ftp.listen()
    ftp.settimeout(0.5)
    with pytest.raises(DataError) as caught:
        Fetcher(retries=0).get(hostile + "/ftp")
    assert str(caught.value).startswith(f"{hostile}/ftp: redirects to ftp://127.0.0.1:")
    assert str(caught.value).endswith("; sckg follows only http:// and https:// links.")
    with pytest.raises(TimeoutError):
        ftp.accept()  # no connection was opened
    ftp.close()


def test_only_the_systems_own_origin(hostile: str) -> None:
    other = hostile.replace("127.0.0.1", "localhost")
    with pytest.raises(DataError) as caught:
        list(list_items(Fetcher(retries=0), hostile + "/other-list", "paper", None))
    assert str(caught.value) == (
        f"{other}/ok: on another host than the OParl system ({hostile}); sckg follows only links "
        "to the system's own host and port (follow_other_hosts allows others)."
    )
    with pytest.raises(
        DataError, match=r"/elsewhere: redirects to http://localhost:\d+/ok, another host than"
    ):
        Fetcher(retries=0).get(hostile + "/elsewhere")
    items = list(
        list_items(
            Fetcher(retries=0, follow_other_hosts=True), hostile + "/other-list", "paper", None
        )
    )
    assert items == [{"id": "a"}, {"id": "ok"}]
    assert Fetcher(retries=0, follow_other_hosts=True).get(hostile + "/elsewhere") == {
        "data": [{"id": "ok"}]
    }
