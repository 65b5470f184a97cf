"""Progress on long steps (issue 26, item 5): on a terminal each step shows its name on stderr
(``report``: reading, analyses and charts, maps, writing; ``viz``; ``load`` by the bytes read;
``import oparl`` after its files), never with ``-q`` and never when stderr is not a terminal (a
pipe, a file, cron's mail). The commands run as programs with stderr on a pseudo-terminal."""

from __future__ import annotations

import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest

from sckg.ingest.oparl_synth import write_synthetic_export

SCKG = str(Path(sys.executable).with_name("sckg"))
#: Cursor movements and colours of the progress display.
_CONTROL = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def _run(args: list[str], *, tty: bool, lang: str = "C.UTF-8") -> tuple[int, str]:
    """Exit code and stderr of ``sckg ARGS`` (without control sequences), stderr on a terminal
    if ``tty``."""
    env = {**os.environ, "LANG": lang, "COLUMNS": "120", "TERM": "xterm"}
    if not tty:
        done = subprocess.run([SCKG, *args], capture_output=True, env=env, check=False)
        return done.returncode, done.stderr.decode()
    master, slave = pty.openpty()
    process = subprocess.Popen(
        [SCKG, *args], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=slave, env=env
    )
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the program closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    return process.wait(), _CONTROL.sub("", b"".join(chunks).decode(errors="replace"))


def _shown(text: str, names: list[str]) -> list[str]:
    return [name for name in names if name in text]


REPORT = ["Reading the data", "Analyses and charts", "Maps", "Writing "]


@pytest.mark.slow
def test_a_report_shows_its_steps_on_a_terminal(tmp_path: Path) -> None:
    code, text = _run(["report", "-o", str(tmp_path / "r")], tty=True)
    assert code == 0, text
    assert _shown(text, REPORT) == REPORT
    assert re.search(r"Analyses and charts\s+━+\S*\s+\d+%", text)


@pytest.mark.slow
def test_no_progress_without_a_terminal_or_with_quiet(tmp_path: Path) -> None:
    code, piped = _run(["report", "-o", str(tmp_path / "r")], tty=False)
    assert code == 0
    assert (_shown(piped, REPORT), "\x1b" in piped) == ([], False)
    assert piped.splitlines()[-1] == f"Report: {tmp_path / 'r' / 'report.html'} (and report.md)"
    code, quiet = _run(["report", "-q", "-o", str(tmp_path / "r")], tty=True)
    assert (code, quiet) == (0, "")


def test_a_map_shows_its_steps(tmp_path: Path) -> None:
    code, text = _run(["viz", "-o", str(tmp_path / "m.html")], tty=True)
    steps = ["Reading the data", "Computing the map", f"Writing {tmp_path / 'm.html'}"]
    assert (code, _shown(text, steps)) == (0, steps)
    code, german = _run(["viz", "-o", str(tmp_path / "m.html")], tty=True, lang="de_DE.UTF-8")
    steps = ["Daten lesen", "Karte berechnen", f"{tmp_path / 'm.html'} schreiben"]
    assert (code, _shown(german, steps)) == (0, steps)


@pytest.mark.slow
@pytest.mark.timing  # a look every 0.2 s must fall inside the load: beside another pytest
# process every look fell before it once (0 % shown, then done)
def test_loading_one_large_file_shows_the_bytes_read(tmp_path: Path) -> None:
    data = tmp_path / "big.nt"
    with data.open("w", encoding="utf-8") as out:
        for i in range(400_000):
            out.write(f'<https://example.org/s{i}> <https://example.org/p> "value {i}" .\n')
    code, text = _run(["load", "--store", f"oxigraph:{tmp_path / 'store'}", str(data)], tty=True)
    assert code == 0, text
    shown = [int(p) for p in re.findall(r"Reading the RDF\s+\S+\s+(\d+)%", text)]
    assert any(0 < p < 100 for p in shown), shown  # not 0 % until the end
    assert shown == sorted(shown), shown  # it fell back to 0 % once the file was closed
    assert "Loaded 1 file, 400,000 triples" in text
    small = tmp_path / "small.nt"
    small.write_text('<https://example.org/s> <https://example.org/p> "v" .\n', encoding="utf-8")
    code, piped = _run(["load", "--store", f"oxigraph:{tmp_path / 'store'}", str(small)], tty=False)
    assert (code, "Reading the RDF" in piped, "\x1b" in piped) == (0, False, False)


def test_an_oparl_import_names_its_steps_after_the_files(tmp_path: Path) -> None:
    write_synthetic_export(tmp_path / "oparl", scale=0.02)
    args = [
        "import",
        "oparl",
        str(tmp_path / "oparl"),
        "--city",
        "t",
        "-o",
        str(tmp_path / "o.ttl"),
    ]
    code, text = _run(args, tty=True)
    steps = ["Reading the files", "Converting to RDF", "Writing Turtle"]
    assert (code, _shown(text, steps)) == (0, steps)
