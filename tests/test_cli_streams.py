"""The command line's streams (issue 26, item 5): results on stdout, everything else (status lines,
notes, progress) on stderr, for every command; ``-q/--quiet`` leaves only errors and notes; the
messages of the command line itself in German when asked (``--lang de`` or a German locale)."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

from sckg import resources
from sckg.cli import app
from sckg.ingest.oparl_synth import write_synthetic_export

runner = CliRunner()
BRAUNSCHWEIG = str(resources.dataset("braunschweig"))
MUSTERSTADT = str(resources.dataset("musterstadt"))
PROJECT = "https://w3id.org/sckg/id/musterstadt/project/lorawan-netz"


class _Store(BaseHTTPRequestHandler):
    """A Graph Store endpoint that takes every graph."""

    def do_PUT(self) -> None:
        self.rfile.read(int(self.headers["Content-Length"]))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def endpoint() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Store)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/store"
    server.shutdown()


def _inventory(tmp: Path) -> str:
    folder = tmp / "inventory"
    folder.mkdir()
    (folder / "Projekte.csv").write_text("Kennung;Titel (de)\nwifi;WLAN\n", encoding="utf-8")
    return str(folder)


def _snapshots(tmp: Path) -> list[str]:
    paths = []
    for name, title in (("old", "WLAN"), ("new", "WLAN Innenstadt")):
        path = tmp / f"{name}.ttl"
        path.write_text(
            "@prefix sckg: <https://w3id.org/sckg/ontology#> .\n"
            "@prefix dcterms: <http://purl.org/dc/terms/> .\n"
            f'<https://example.org/wlan> a sckg:Project ; dcterms:title "{title}"@de .\n',
            encoding="utf-8",
        )
        paths.append(str(path))
    return paths


def _oparl(tmp: Path) -> str:
    write_synthetic_export(tmp / "oparl", scale=0.02)
    return str(tmp / "oparl")


#: Commands that print their result on stdout, each with arguments that give one (notes about the
#: result may follow on stderr).
RESULTS: dict[str, Callable[[Path], list[str]]] = {
    "validate": lambda _: ["-d", MUSTERSTADT],
    "query": lambda _: ["projects-by-field"],
    "queries": lambda _: [],
    "stats": lambda _: [],
    "diff": _snapshots,
    "compare": lambda _: ["-d", BRAUNSCHWEIG, "-d", MUSTERSTADT],
    "prioritise": lambda _: ["-d", MUSTERSTADT],
    "analyze centrality": lambda _: [],
    "analyze bridges": lambda _: [],
    "analyze communities": lambda _: [],
    "analyze impact": lambda _: [PROJECT, "-d", MUSTERSTADT],
    "analyze cycles": lambda _: ["-d", MUSTERSTADT],
    "analyze critical-path": lambda _: ["-d", MUSTERSTADT],
    "analyze gaps": lambda _: [],
    "analyze silos": lambda _: ["-d", MUSTERSTADT],
    "analyze blind-spots": lambda _: ["-d", MUSTERSTADT],
    "analyze field-needs": lambda _: ["-d", MUSTERSTADT],
    "analyze named-partners": lambda _: ["-d", MUSTERSTADT],
    "analyze unanswered-needs": lambda _: ["-d", MUSTERSTADT],
    "analyze overlap": lambda _: ["-d", MUSTERSTADT],
    "link papers": lambda _: ["-d", MUSTERSTADT],
    "link actors": lambda _: ["-d", MUSTERSTADT],
}
#: Commands that write files or a store: nothing on stdout, their status lines on stderr.
STATUS: dict[str, Callable[[Path], list[str]]] = {
    "viz": lambda tmp: ["-o", str(tmp / "map.html")],
    "load": lambda tmp: ["--store", f"oxigraph:{tmp / 'store'}", MUSTERSTADT],
    "export": lambda tmp: ["-f", "ttl", "-o", str(tmp / "graph.ttl")],
    "generate": lambda tmp: ["--projects", "5", "-o", str(tmp / "city.ttl")],
    "report": lambda tmp: ["-o", str(tmp / "report")],
    "present": lambda tmp: ["-o", str(tmp / "deck.html")],
    "site": lambda tmp: ["-o", str(tmp / "site")],
    "import table": lambda tmp: [_inventory(tmp), "--city", "t", "-o", str(tmp / "t.ttl")],
    "import oparl": lambda tmp: [_oparl(tmp), "--city", "t", "-o", str(tmp / "o.ttl")],
}
#: ``sckg serve`` runs until stopped: tests/test_server.py reads its addresses from stdout.
ELSEWHERE = {"serve", "push"}


def _commands() -> set[str]:
    names: set[str] = set()
    todo: list[tuple[str, object]] = [("", typer.main.get_command(app))]
    while todo:
        prefix, group = todo.pop()
        for name, command in group.commands.items():  # type: ignore[attr-defined]
            if hasattr(command, "commands"):
                todo.append((f"{prefix}{name} ", command))
            else:
                names.add(prefix + name)
    return names


def test_every_command_has_its_streams_tested() -> None:
    assert _commands() == set(RESULTS) | set(STATUS) | ELSEWHERE


@pytest.mark.parametrize("command", sorted(RESULTS))
def test_a_result_goes_to_stdout_and_nothing_else(command: str, tmp_path: Path) -> None:
    result = runner.invoke(app, [*command.split(), *RESULTS[command](tmp_path)])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip()
    quiet = runner.invoke(app, [*command.split(), *RESULTS[command](tmp_path), "-q"])
    assert (quiet.exit_code, quiet.stdout) == (0, result.stdout)


@pytest.mark.parametrize("command", sorted(STATUS))
def test_a_status_goes_to_stderr_and_quiet_silences_it(command: str, tmp_path: Path) -> None:
    args = [*command.split(), *STATUS[command](tmp_path)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert (result.stdout, bool(result.stderr.strip())) == ("", True)
    for quiet in (["-q"], ["--quiet"]):
        again = runner.invoke(app, [*args, *quiet])
        assert (again.exit_code, again.stdout, again.stderr) == (0, "", "")
    before = runner.invoke(app, ["-q", *args])
    assert (before.exit_code, before.stdout, before.stderr) == (0, "", "")


def test_push_says_what_it_pushed_on_stderr(endpoint: str) -> None:
    result = runner.invoke(app, ["push", "--endpoint", endpoint, "-d", MUSTERSTADT])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert result.stderr.splitlines()[-1].startswith("Pushed 2 graphs, ")
    quiet = runner.invoke(app, ["push", "-q", "--endpoint", endpoint, "-d", MUSTERSTADT])
    assert (quiet.exit_code, quiet.stdout, quiet.stderr) == (0, "", "")


def test_quiet_keeps_errors() -> None:
    result = runner.invoke(app, ["stats", "-q", "--data", "no/such/file.ttl"])
    assert (result.exit_code, result.stderr) == (
        1,
        "Error: no/such/file.ttl: no such file or folder (check the --data path)\n",
    )


def test_the_command_line_speaks_german_when_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = str(tmp_path / "city.ttl")
    english = runner.invoke(app, ["generate", "--projects", "5", "-o", out])
    assert english.stderr == f"Wrote a synthetic city with 5 projects (seed 1) to {out}\n"
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    german = runner.invoke(app, ["generate", "--projects", "5", "-o", out])
    assert german.stderr == f"Synthetische Stadt mit 5 Projekten (Seed 1) geschrieben: {out}\n"
    german = runner.invoke(app, ["generate", "--projects", "1", "-o", out])
    assert german.stderr == f"Synthetische Stadt mit 1 Projekt (Seed 1) geschrieben: {out}\n"
    monkeypatch.setenv("LANG", "C.UTF-8")
    english = runner.invoke(app, ["generate", "--projects", "1", "-o", out])
    assert english.stderr == f"Wrote a synthetic city with 1 project (seed 1) to {out}\n"
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    error = runner.invoke(app, ["stats", "--data", "no/such/file.ttl"])
    assert error.stderr.startswith("Fehler: no/such/file.ttl: ")
    asked = runner.invoke(app, ["stats", "--lang", "en", "--data", "no/such/file.ttl"])
    assert asked.stderr.startswith("Error: no/such/file.ttl: ")
    monkeypatch.setenv("LANG", "C.UTF-8")
    flag = runner.invoke(app, ["viz", "-l", "de", "-o", str(tmp_path / "m.html")])
    assert flag.stderr.startswith(f"{tmp_path / 'm.html'}: 30 Knoten, 25 Verbindungen (")


def test_shell_completion_is_offered() -> None:
    # typer finds the shell among the command's parent processes, as in a user's terminal;
    # the `; true` keeps bash from replacing itself with the command
    sckg = Path(sys.executable).with_name("sckg")
    script = subprocess.run(
        ["bash", "-c", f"'{sckg}' --show-completion; true"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert "_SCKG_COMPLETE=complete_bash" in script.stdout, script.stdout + script.stderr


def test_an_oparl_import_names_the_steps_after_the_files(tmp_path: Path) -> None:
    from sckg.ingest.oparl_sync import sync_oparl

    calls: list[tuple[str, int, int | None]] = []
    sync_oparl(
        _oparl(tmp_path),
        "t",
        tmp_path / "o.ttl",
        progress=lambda what, done, total: calls.append((what, done, total)),
    )
    files = [call for call in calls if call[0] == "files"]
    assert files[-1][1:] == (files[-1][2], files[-1][2])
    assert calls[len(files) :] == [("RDF", 0, None), ("Turtle", 0, None)]


def test_phases_show_on_a_terminal_only(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from sckg.cli_common import VOICE, phases

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    for tty, quiet, shown in ((False, False, False), (True, True, False), (True, False, True)):
        stream = Terminal() if tty else io.StringIO()
        monkeypatch.setattr("sys.stderr", stream)
        VOICE.quiet = quiet
        with phases() as phase:
            phase("Building the briefing")
        assert ("Building the briefing" in stream.getvalue()) is shown
    VOICE.quiet = False


@pytest.mark.parametrize(
    "args",
    [
        ["viz", "--field", "Raumfahrt"],
        ["viz", "--class", "ufo"],
        ["viz", "--focus", "Datenplatform"],
        ["viz", "-p", "nope"],
        ["export", "-f", "odt"],
        ["stats", "--lang", "fr"],
        ["queries", "--show", "nope"],
        ["query", "nope"],
        ["query", "projects-by-field", "-p", "nope=1"],
        ["analyze", "impact", "Glasfaser-Backbon", "-d", MUSTERSTADT],
        ["analyze", "centrality", "--by", "nope"],
        ["validate", "--store", "mongo:x"],
    ],
)
def test_every_unknown_name_is_a_usage_error(args: list[str], tmp_path: Path) -> None:
    result = runner.invoke(app, [*args, "-o", str(tmp_path / "x")] if args[0] == "viz" else args)
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
