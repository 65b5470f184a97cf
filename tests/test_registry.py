"""The tables of analyses and importers: the command line and the API follow from an entry, and the
worked example of CONTRIBUTING.md (a toy analysis registered from outside sckg) stays true."""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from sckg.errors import ParameterError
from sckg.registry import ANALYSES, IMPORTERS, Analysis, Importer, register_analysis
from sckg.registry import register_importer as add_importer
from sckg.words import CATALOGUE

ROOT = Path(__file__).resolve().parent.parent
LONER_EN = "depends on nothing, nothing depends on it"


def run_python(code: str, folder: Path) -> str:
    """Run ``code`` in a fresh interpreter in ``folder`` (its registrations stay out of others)."""
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_worked_example_of_contributing_adds_a_command_and_an_api_name(tmp_path: Path) -> None:
    page = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    marker = r"<!-- worked example: analysis -->\n```python\n(.*?)^```$"
    [example] = re.findall(marker, page, re.DOTALL | re.MULTILINE)
    (tmp_path / "loners.py").write_text(example, encoding="utf-8")
    output = run_python(
        f"""
        import loners, sckg
        from typer.testing import CliRunner
        from sckg.cli import app

        runner = CliRunner()
        print(runner.invoke(app, ["analyze", "--help"]).output.splitlines()[-1])
        data = {str(ROOT / "data" / "musterstadt")!r}
        args = ["analyze", "loners", "-d", data, "-l", "en", "-n", "2", "-f", "csv"]
        shown = runner.invoke(app, args)
        print(shown.exit_code, shown.output, end="")
        kg = sckg.open(sckg.dataset("musterstadt"))
        print(sckg.loners is loners.loners, "loners" in dir(sckg), len(sckg.loners(kg, lang="en")))
        print(runner.invoke(app, ["analyze", "loners", "--help"]).output.splitlines()[2])
    """,
        tmp_path,
    )
    assert output.splitlines() == [
        "  loners            Projects that stand alone: no project depends on them...",
        "0 project,reason",
        f'5G campus network in the northern business park,"{LONER_EN}"',
        f'Age-appropriate living with assistive technology,"{LONER_EN}"',
        "True True 30",
        "  Projects that stand alone: no project depends on them and they depend on none.",
    ]


def test_a_registered_importer_gets_an_import_command(tmp_path: Path) -> None:
    (tmp_path / "names.py").write_text(
        textwrap.dedent('''
        """A toy importer: one project per line of a text file."""
        import pyoxigraph as ox
        from sckg.ingest import ImportResult, city_base
        from sckg.namespaces import RDF, SCKG
        from sckg.registry import Importer, register_importer

        def import_names(source, city):
            names = source.read_text(encoding="utf-8").split()
            kind, project = ox.NamedNode(RDF + "type"), ox.NamedNode(SCKG + "Project")
            base = city_base(city) + "project/"
            triples = [ox.Triple(ox.NamedNode(base + n), kind, project) for n in names]
            return ImportResult(triples, {"projects": len(names)})

        register_importer(Importer("names", "names:import_names",
                                   "One project per line of a text file.",
                                   "A text file of project names."))
    '''),
        encoding="utf-8",
    )
    (tmp_path / "in.txt").write_text("alpha\nbeta\n", encoding="utf-8")
    output = run_python(
        """
        import names, sckg
        from typer.testing import CliRunner
        from sckg.cli import app

        runner = CliRunner()
        print(runner.invoke(app, ["import", "names", "--help"]).output.splitlines()[2])
        args = ["import", "names", "in.txt", "--out", "out.ttl", "--city", "toy"]
        done = runner.invoke(app, args)
        print(done.exit_code, done.output, end="")
        print(sckg.import_names is names.import_names)
    """,
        tmp_path,
    )
    assert output.splitlines() == [
        "  One project per line of a text file.",
        "0 Wrote out.ttl (2 triples) from projects 2.",
        "True",
    ]
    assert (tmp_path / "out.ttl").read_text(encoding="utf-8").splitlines()[-2:] == [
        "<https://w3id.org/sckg/id/toy/project/alpha> a sckg:Project .",
        "<https://w3id.org/sckg/id/toy/project/beta> a sckg:Project .",
    ]


def test_a_name_is_registered_once() -> None:
    with pytest.raises(ParameterError, match=r"^analysis 'gaps' is registered already$"):
        register_analysis(Analysis("gaps", "x:y", "x:Z", "Again."))
    with pytest.raises(ParameterError, match=r"^importer 'table' is registered already$"):
        add_importer(Importer("table", "x:y", "Again.", "A file."))


def test_every_entry_names_its_words_and_a_docs_section_that_exist() -> None:
    for entry in (*ANALYSES.values(), *IMPORTERS.values()):
        page, _, anchor = entry.docs.partition("#")
        text = (ROOT / "docs" / page).read_text(encoding="utf-8")
        titles = re.findall(r"^#+ (.+)$", text, re.MULTILINE)
        headings = {re.sub(r"[^\w\- ]", "", h.lower()).replace(" ", "-") for h in titles}
        assert anchor in headings, f"{entry.name}: no section #{anchor} in docs/{page}"
    for analysis in ANALYSES.values():
        words = analysis.words
        assert not words or any(k.startswith(words + ".") for k in CATALOGUE), analysis.name
