"""``sckg serve`` as an operator meets it: a port or address it cannot listen on, a store that is
being served, an over-long request, a query with a syntax error."""

from __future__ import annotations

import socket
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from servers import fill_store
from typer.testing import CliRunner

from sckg import serve
from sckg.cli import app
from sckg.errors import ParameterError, StoreError
from sckg.serve import SparqlServer

pytestmark = pytest.mark.server


@pytest.fixture(name="busy_port")
def busy_port_fixture() -> Iterator[int]:
    """A port of 127.0.0.1 that another program listens on."""
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        yield holder.getsockname()[1]


@pytest.fixture(name="pool_starts")
def pool_starts_fixture(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Every start of a pool of Oxigraph processes, recorded (and done)."""
    starts: list[object] = []
    start = serve.ProcessPool.start

    def recorded(pool: serve.ProcessPool) -> None:
        starts.append(pool)
        start(pool)

    monkeypatch.setattr(serve.ProcessPool, "start", recorded)
    return starts


@pytest.mark.parametrize("port", ["70000", "-1", "65536"])
@pytest.mark.parametrize(
    ("locale", "said"),
    [
        (
            "C.UTF-8",
            "Error: --port must be a port number from 0 to 65535 (--port 0: any free one), "
            "not {port}.\n",
        ),
        (
            "de_DE.UTF-8",
            "Fehler: --port muss eine Portnummer von 0 bis 65535 sein (--port 0: ein freier), "
            "nicht {port}.\n",
        ),
    ],
)
def test_a_port_out_of_range_is_a_usage_error_before_any_work(
    port: str, locale: str, said: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_work(*args: object, **kwargs: object) -> None:
        raise AssertionError("the data was copied before the port was checked")

    monkeypatch.setattr(serve, "served_store", no_work)
    result = CliRunner().invoke(app, ["serve", "--port", port], env={"LANG": locale})
    assert result.exit_code == 2, result.output
    assert result.output == said.format(port=port)


def test_a_port_out_of_range_is_a_parameter_error_in_python(tmp_path: Path) -> None:
    with pytest.raises(ParameterError) as caught:
        SparqlServer(tmp_path / "store", port=70000)
    assert str(caught.value) == (
        "port must be a port number from 0 to 65535 (port=0: any free one), not 70000."
    )


def test_a_port_in_use_is_one_line_and_starts_no_oxigraph(
    busy_port: int, pool_starts: list[object], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # where the temporary copy goes
    result = CliRunner().invoke(
        app, ["serve", "--port", str(busy_port), "--workers", "2"], env={"LANG": "C.UTF-8"}
    )
    assert result.exit_code == 1, result.output
    assert result.output == (
        f"Error: Port {busy_port} of 127.0.0.1 is in use by another program; choose another "
        "--port, or --port 0 for a free one.\n"
    )
    assert pool_starts == []
    assert list(tmp_path.iterdir()) == []  # the temporary copy of the data is gone


def test_a_port_in_use_is_said_in_german(busy_port: int, pool_starts: list[object]) -> None:
    result = CliRunner().invoke(
        app, ["serve", "--port", str(busy_port)], env={"LANG": "de_DE.UTF-8"}
    )
    assert result.exit_code == 1, result.output
    assert result.output == (
        f"Fehler: Port {busy_port} von 127.0.0.1 ist von einem anderen Programm belegt; einen "
        "anderen --port wählen oder --port 0 für einen freien.\n"
    )
    assert pool_starts == []


@pytest.mark.parametrize(
    ("host", "reason"),
    [("999.1.1.1", "Name or service not known"), ("192.0.2.1", "Cannot assign requested address")],
)
def test_an_address_that_cannot_be_bound_is_one_line_and_starts_no_oxigraph(
    host: str, reason: str, pool_starts: list[object], tmp_path: Path
) -> None:
    store = fill_store(tmp_path, ("braunschweig",))
    result = CliRunner().invoke(
        app,
        ["serve", "--store", f"oxigraph:{store}", "--host", host, "--port", "0"],
        env={"LANG": "C.UTF-8"},
    )
    assert result.exit_code == 1, result.output
    assert result.output == (
        f"Error: Cannot listen on {host}:0 ({reason}); --host must be an address of this machine "
        "(127.0.0.1: this machine only, 0.0.0.0: every network), and --port a port it may use.\n"
    )
    assert pool_starts == []


def test_a_server_that_cannot_listen_leaves_no_process_in_python(
    busy_port: int, pool_starts: list[object], tmp_path: Path
) -> None:
    server = SparqlServer(fill_store(tmp_path, ("braunschweig",)), port=busy_port, workers=2)
    with pytest.raises(StoreError, match=f"Port {busy_port} of 127.0.0.1 is in use"):
        server.start()
    assert pool_starts == []
    assert server.processes == []
    server.stop()  # stopping a server that never started is harmless
