"""The docs cannot drift: every console example in README.md, CONTRIBUTING.md and docs/*.md runs and
prints what the page says; every command's section of docs/commands.md is its ``--help``; every
local link and anchor resolves.

The convention is described in CONTRIBUTING.md ("Examples in the docs"). In short: in a fenced
``console`` block, a line ``$ sckg ARGS`` is a command and the lines up to the next ``$`` line are
its expected output (what a terminal shows: stdout and stderr). A line ``...`` stands for any number
of lines, ``...`` inside a line for any text; blank lines and trailing spaces are ignored. A command
with ``--format md``/``-f md`` that ends its block may have its table right below the block, as
rendered Markdown. Each block runs in-process (typer's CliRunner on ``sckg.cli.app``) in a fresh
folder that links the checkout's ``data/``, ``ontology/`` and ``tests/``, so files written by one
command can be read by the next, and nothing lands in the checkout.

``SCKG_UPDATE_DOCS=1 pytest tests/test_docs.py`` rewrites the expected outputs and the generated
sections in place (keeping ``...`` where the output still fits around it); review the diff before
committing.
"""

from __future__ import annotations

import os
import re
import shlex
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from sckg.cli import app

ROOT = Path(__file__).resolve().parent.parent
UPDATE = os.environ.get("SCKG_UPDATE_DOCS") == "1"
LINKED = ("data", "ontology", "tests")
#: Local link targets that are built, not committed: `make docs` writes the ontology's HTML
#: documentation.
GENERATED = {"docs/ontology/index.html"}
#: Pages another branch adds; each leaves this set when that branch is merged.
OPTIONS_START = re.compile(r"^<!-- options: (?P<name>[a-z -]+) -->$")
OPTIONS_END = "<!-- end options -->"


def doc_files() -> list[Path]:
    """The pages whose examples run: README.md, CONTRIBUTING.md and docs/*.md."""
    return [ROOT / "README.md", ROOT / "CONTRIBUTING.md", *sorted((ROOT / "docs").glob("*.md"))]


# --- console examples -----------------------------------------------------------------------------


@dataclass
class Example:
    """One ``$ sckg ...`` line of a console block and the lines the page expects it to print."""

    line: int  # index of the ``$`` line in the file
    argv: list[str]
    expected: list[str]
    start: int  # index of the first expected line (in the block)
    end: int  # index after the last expected line in the block
    table: tuple[int, int] | None = (
        None  # the Markdown table right below the block: [start, end) line indices
    )


@dataclass
class Block:
    """A fenced console block: its examples, in order."""

    fence: int  # index of the opening fence line
    examples: list[Example] = field(default_factory=list)


def _is_md(argv: list[str]) -> bool:
    pairs = zip(argv, [*argv[1:], ""], strict=True)
    return any(a in ("-f", "--format") and b == "md" for a, b in pairs) or "--format=md" in argv


def parse_blocks(lines: list[str]) -> list[Block]:
    """The console blocks of a page (``lines`` without line ends)."""
    blocks: list[Block] = []
    i = 0
    while i < len(lines):
        if lines[i].strip() != "```console":
            i += 1
            continue
        block, j = Block(i), i + 1
        while j < len(lines) and lines[j].strip() != "```":
            text = lines[j]
            if text.startswith("$ "):
                command = shlex.split(text[2:])
                assert command[:1] == ["sckg"], (
                    f"line {j + 1}: only '$ sckg ...' runs in a console block; use ```bash or "
                    f"```text for {text!r}"
                )
                block.examples.append(Example(j, command[1:], [], j + 1, j + 1))
            else:
                assert block.examples, (
                    f"line {j + 1}: output before the first '$ sckg' line of the block"
                )
                block.examples[-1].expected.append(text)
                block.examples[-1].end = j + 1
            j += 1
        assert block.examples, f"line {i + 1}: a console block without a '$ sckg' line"
        last = block.examples[-1]
        if (
            _is_md(last.argv)
            and j + 2 < len(lines)
            and not lines[j + 1].strip()
            and lines[j + 2].startswith("|")
        ):
            k = j + 2
            while k < len(lines) and lines[k].startswith("|"):
                k += 1
            last.table = (j + 2, k)
            last.expected += lines[j + 2 : k]
        blocks.append(block)
        i = j + 1
    return blocks


def _meaningful(lines: list[str]) -> list[str]:
    return [line.rstrip() for line in lines if line.strip()]


def _pattern(expected: list[str]) -> re.Pattern[str]:
    parts = []
    for line in _meaningful(expected):
        if line == "...":
            parts.append(r"(?:[^\n]*\n)*?")
        else:
            parts.append(".*?".join(map(re.escape, line.split("..."))) + r"\n")
    return re.compile("".join(parts))


def matches(expected: list[str], actual: str) -> bool:
    """Whether ``actual`` output fits the expected lines (``...`` wildcards, blank lines
    ignored)."""
    text = "".join(line + "\n" for line in _meaningful(actual.splitlines()))
    return _pattern(expected).fullmatch(text) is not None


def updated(expected: list[str], actual: str) -> list[str]:
    """New expected lines for ``actual``: its lines, with a standalone ``...`` kept where the page
    had one (as many lines before and after it as before) and a line with an inline ``...`` kept
    while it still fits."""
    lines = [line.rstrip() for line in actual.rstrip("\n").splitlines()]
    real, old = _meaningful(lines), _meaningful(expected)
    if not any("..." in line for line in old):
        return lines
    if "..." in old:
        head, tail = old.index("..."), old[::-1].index("...")
        if len(real) <= head + tail:
            return lines
        real, old = (
            [*real[:head], "...", *real[len(real) - tail :]],
            [*old[:head], "...", *old[len(old) - tail :]],
        )
    elif len(real) != len(old):
        return lines
    return [o if "..." in o and matches([o], n) else n for o, n in zip(old, real, strict=True)]


def run(argv: list[str]) -> str:
    """Run one command in-process, as the page shows it: stdout and stderr interleaved."""
    result = CliRunner().invoke(app, argv, prog_name="sckg")
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(
            f"'sckg {shlex.join(argv)}' raised {result.exception!r}"
        ) from result.exception
    has_error = any(line.startswith("Error:") for line in result.output.splitlines())
    assert (result.exit_code != 0) == has_error or argv[:1] == ["validate"], (
        f"'sckg {shlex.join(argv)}' exited {result.exit_code}:\n{result.output}"
    )
    return result.output


def _trimmed(lines: list[str]) -> list[str]:
    while lines and not lines[-1].strip():
        lines = lines[:-1]
    return lines


def rewrite(lines: list[str], example: Example, actual: str) -> None:
    """Put ``actual`` in place of the example's expected output (in the block, or its table below
    it)."""
    new = updated(example.expected, actual)
    if example.table:
        rows = len(new)
        while rows and new[rows - 1].startswith("|"):
            rows -= 1
        inside, table = _trimmed(new[:rows]), new[rows:]
        lines[example.table[0] : example.table[1]] = table
    else:
        inside = new
    lines[example.start : example.end] = inside


@pytest.mark.slow
@pytest.mark.parametrize("page", doc_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_console_examples_print_what_the_page_says(
    page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = page.read_text(encoding="utf-8").splitlines()
    failures: list[str] = []
    rewrites: list[tuple[Example, str]] = []
    for number, block in enumerate(parse_blocks(lines)):
        folder = tmp_path / f"block{number}"
        folder.mkdir()
        for name in LINKED:
            (folder / name).symlink_to(ROOT / name, target_is_directory=True)
        monkeypatch.chdir(folder)
        for example in block.examples:
            actual = run(example.argv)
            if not matches(example.expected, actual):
                failures.append(
                    f"{page.name}:{example.line + 1}: $ sckg {shlex.join(example.argv)}\n"
                    f"--- the page says\n"
                    + "\n".join(_meaningful(example.expected))
                    + "\n--- it prints\n"
                    + actual
                )
                rewrites.append((example, actual))
    if UPDATE and rewrites:
        for example, actual in reversed(rewrites):
            rewrite(lines, example, actual)
        page.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return
    assert not failures, "\n\n".join(failures) + "\n\n(SCKG_UPDATE_DOCS=1 rewrites the pages)"


def test_the_convention_itself() -> None:
    page = [
        "```console",
        "$ sckg stats -f md",
        "A note",
        "```",
        "",
        "| a | b |",
        "|---|---|",
        "| 1 | 2 |",
        "",
        "```console",
        "$ sckg validate",
        "0 violations",
        "...",
        "fix: one",
        "$ sckg query x",
        "```",
    ]
    first, second = parse_blocks(page)
    assert first.examples[0].argv == ["stats", "-f", "md"]
    assert first.examples[0].expected == ["A note", "| a | b |", "|---|---|", "| 1 | 2 |"]
    assert first.examples[0].table == (5, 8)
    assert [e.argv for e in second.examples] == [["validate"], ["query", "x"]]
    assert matches(second.examples[0].expected, "0 violations\n\nWARNING a\n  fix: two\nfix: one\n")
    assert not matches(second.examples[0].expected, "1 violation\nfix: one\n")
    assert matches(["Wrote ... (2 s)."], "Wrote out/a.html (2 s).\n")
    assert not matches(["Wrote ... (2 s)."], "Wrote out/a.html (3 s).\n")
    assert updated(["0 violations", "...", "fix: one"], "1 violation\na\nb\nfix: two\n") == [
        "1 violation",
        "...",
        "fix: two",
    ]
    assert updated(["took ... s", "x"], "took 3 s\ny\n") == ["took ... s", "y"]
    with pytest.raises(AssertionError, match=re.escape("only '$ sckg ...' runs")):
        parse_blocks(["```console", "$ cat file", "```"])


# --- docs/commands.md: one section per command, its options generated from --help -----------------


def command_tree() -> dict[str, typer.core.TyperCommand]:
    """Every leaf command by its full name ('analyze centrality') with its click command."""
    found: dict[str, typer.core.TyperCommand] = {}

    def walk(command, prefix: str) -> None:
        children = getattr(command, "commands", None)
        if children:
            for name, child in children.items():
                walk(child, f"{prefix} {name}".strip())
        else:
            found[prefix] = command

    walk(typer.main.get_command(app), "")
    return dict(sorted(found.items()))


def _md_text(text: str) -> str:
    """Help text as one line of Markdown: ``<folder>`` stays text, not an HTML tag."""
    return " ".join(text.split()).replace("<", "&lt;").replace(">", "&gt;")


def options_section(name: str) -> list[str]:
    """The generated part of a command's section: usage, its help text and a table of its arguments
    and options."""
    command = typer.main.get_command(app)
    context = command.make_context("sckg", [], resilient_parsing=True)
    for part in name.split():
        command = command.commands[part]
        context = command.make_context(part, [], parent=context, resilient_parsing=True)
    usage = " ".join(["sckg", name, *command.collect_usage_pieces(context)])
    helptext = _md_text(command.help or "")
    out = [f"`{usage}`", "", helptext, "", "| argument or option | meaning |", "|---|---|"]
    for param in command.params:
        record = param.get_help_record(context)
        if record is None:
            continue
        opts, meaning = record
        if param.param_type_name == "argument":
            opts = opts.upper()
        meaning = _md_text(meaning).replace("|", "\\|")
        opts = opts.replace("|", "\\|")
        out.append(f"| `{opts}` | {meaning} |")
    return out


def test_every_command_section_of_commands_md_is_its_help() -> None:
    page = ROOT / "docs" / "commands.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    sections: dict[str, tuple[int, int]] = {}
    for i, line in enumerate(lines):
        match = OPTIONS_START.match(line)
        if match:
            sections[match["name"]] = (i + 1, lines.index(OPTIONS_END, i))
    commands = command_tree()
    assert set(sections) == set(commands), (
        f"missing in docs/commands.md: {sorted(set(commands) - set(sections))}; "
        f"not a command: {sorted(set(sections) - set(commands))}"
    )
    stale = [name for name, (a, b) in sections.items() if lines[a:b] != options_section(name)]
    if UPDATE and stale:
        for name, (a, b) in sorted(sections.items(), key=lambda item: -item[1][0]):
            lines[a:b] = options_section(name)
        page.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return
    assert not stale, (
        f"docs/commands.md differs from --help for: {stale} (SCKG_UPDATE_DOCS=1 rewrites it)"
    )


# --- links ----------------------------------------------------------------------------------------


def anchors(page: Path) -> set[str]:
    """GitHub's anchors of a page's headings (lower case, punctuation dropped, spaces as
    hyphens)."""
    found: set[str] = set()
    in_code = False
    for line in page.read_text(encoding="utf-8").splitlines():
        if line.startswith("```"):
            in_code = not in_code
        elif not in_code and line.startswith("#"):
            title = line.lstrip("#").strip().lower()
            found.add(re.sub(r"[^\w\- ]", "", title).replace(" ", "-"))
    return found


LINK = re.compile(r"\]\((?P<target>[^)\s]+)\)")


@pytest.mark.parametrize("page", doc_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_local_link_and_anchor_resolves(page: Path) -> None:
    broken = []
    for target in LINK.findall(page.read_text(encoding="utf-8")):
        if re.match(r"<?[a-z]+:", target):  # an address elsewhere (also as <https://…>)
            continue
        path, _, anchor = target.partition("#")
        file = (page.parent / path).resolve() if path else page
        relative = file.relative_to(ROOT).as_posix() if file.is_relative_to(ROOT) else str(file)
        if relative in GENERATED:
            continue
        if not file.exists() or (anchor and file.suffix == ".md" and anchor not in anchors(file)):
            broken.append(target)
    assert not broken, f"{page.name}: broken links {broken}"
