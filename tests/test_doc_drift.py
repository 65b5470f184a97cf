"""What the reference pages claim about the commands stays true (issue 26, item 8): every named
query in the table of docs/commands.md with its parameters, no flag a command lacks, the agenda
example of docs/report.md, the figures of docs/stores.md's push example."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

from sckg import resources
from sckg.cli import app
from sckg.queries import named_queries

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
runner = CliRunner()


def _section(page: Path, heading: str) -> str:
    text = page.read_text(encoding="utf-8")
    start = text.index(f"\n{heading}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end >= 0 else None]


def test_the_named_query_table_lists_every_named_query_with_its_parameters() -> None:
    rows = re.findall(
        r"^\| `([a-z-]+)` \| [^|]+ \|([^|]*)\|$",
        _section(DOCS / "commands.md", "## sckg queries"),
        re.M,
    )
    listed = {name: re.findall(r"`(\w+)`", params) for name, params in rows}
    assert listed == {q.name: [p.name for p in q.params] for q in named_queries().values()}


def _flags() -> dict[str, set[str]]:
    """Each command's (``viz``, ``analyze impact``) flags."""
    found: dict[str, set[str]] = {}
    todo: list[tuple[str, object]] = [("", typer.main.get_command(app))]
    while todo:
        prefix, group = todo.pop()
        for name, command in group.commands.items():  # type: ignore[attr-defined]
            if hasattr(command, "commands"):
                todo.append((f"{prefix}{name} ", command))
            else:
                found[prefix + name] = {o for p in command.params for o in getattr(p, "opts", [])}
                found[prefix + name] |= {
                    o for p in command.params for o in getattr(p, "secondary_opts", [])
                }
    return found


def test_the_pages_name_only_flags_the_commands_have() -> None:
    flags = _flags()
    wrong = []
    for page in [ROOT / "README.md", *sorted(DOCS.glob("*.md"))]:
        text = page.read_text(encoding="utf-8")
        for match in re.finditer(r"`sckg ((?:analyze |import |link )?[a-z-]+)((?: [^`]*)?)`", text):
            command, rest = match.groups()
            if command not in flags:
                continue
            for flag in re.findall(r"(?<![\w-])(--?[a-z][a-z-]*)", rest):
                if flag not in flags[command] | {"-h", "--help"}:
                    wrong.append(f"{page.name}: `sckg {command}{rest}`: no {flag}")
    assert wrong == []


@pytest.mark.slow
def test_the_agenda_example_runs_and_a_changes_slide_asks_for_since(tmp_path: Path) -> None:
    example = re.search(
        r"```toml\n(.*?)```", (DOCS / "report.md").read_text(encoding="utf-8"), re.S
    )
    assert example
    agenda = tmp_path / "agenda.toml"
    agenda.write_text(example.group(1), encoding="utf-8")
    musterstadt = str(resources.dataset("musterstadt"))
    args = ["present", "-d", musterstadt, "-a", str(agenda), "-o", str(tmp_path / "deck.html")]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    agenda.write_text('[[slide]]\nview = "changes"\n', encoding="utf-8")
    result = runner.invoke(app, [*args, "-l", "en"])
    assert (result.exit_code, result.stderr) == (
        1,
        f"Error: {agenda}, line 2, key 'view': a 'changes' slide needs a previous snapshot to "
        "compare with (--since)\n",
    )


class _Store(BaseHTTPRequestHandler):
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


def test_the_push_example_shows_the_figures_push_prints(endpoint: str) -> None:
    section = _section(DOCS / "stores.md", "## sckg push")
    shown = re.search(
        r"\$ sckg push --endpoint \S+ --data data/musterstadt\n(.*?)\n\$", section, re.S
    )
    assert shown
    result = runner.invoke(app, ["push", "--endpoint", endpoint, "--data", "data/musterstadt"])
    assert result.exit_code == 0, result.output
    seconds = re.compile(r"in \d+\.\d\d s")
    assert seconds.sub("in ... s", shown.group(1)) == seconds.sub("in ... s", result.stderr.strip())
