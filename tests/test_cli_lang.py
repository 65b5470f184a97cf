"""The command line's messages in the chosen language (issue 26, item 5): German by default (no
locale, a German locale or ``--lang de``), English with an English locale or ``--lang en``; the
library's errors stay English for Python users."""

from __future__ import annotations

import ast
from collections import Counter
from functools import cache
from pathlib import Path

import pytest
from typer.testing import CliRunner

import sckg
from sckg.choices import Format
from sckg.cli import app
from sckg.errors import DataError, ParameterError, SckgError
from sckg.words import choice

runner = CliRunner()
SCKG = Path(sckg.__file__).parent


def _inventory(tmp: Path) -> str:
    folder = tmp / "inventory"
    folder.mkdir(exist_ok=True)
    (folder / "Projekte.csv").write_text(
        "Kennung;Titel (de);Beginn\nwifi;WLAN;gestern\n", encoding="utf-8"
    )
    return str(folder)


#: Wrong calls and what the command line answers on stderr, in German and in English.
WRONG: list[tuple[list[str], int, str, str]] = [
    (
        ["stats", "--data", "no/such.ttl"],
        1,
        "Fehler: no/such.ttl: keine solche Datei und kein solcher Ordner "
        "(Pfad bei --data prüfen)\n",
        "Error: no/such.ttl: no such file or folder (check the --data path)\n",
    ),
    (
        ["query", "projcts-by-field"],
        2,
        "Fehler: Unbekannte benannte Abfrage 'projcts-by-field'. Gemeint: projects-by-field, "
        "budget-by-field, projects-of-actor? 'sckg queries' zeigt die Liste.\n",
        "Error: Unknown named query 'projcts-by-field'. Did you mean: projects-by-field, "
        "budget-by-field, projects-of-actor? Run 'sckg queries' for the list.\n",
    ),
    (
        ["import", "table", "INVENTORY", "--city", "t", "-o", "OUT"],
        1,
        "Fehler: 1 Fehler in der Tabelle; nichts wurde geschrieben:\n"
        "Projekte.csv, Blatt Projekte, Zeile 2, Spalte 3 'Beginn': 'gestern' gefunden, erwartet: "
        "ein Datum wie 2024-03-31 oder 31.03.2024\n",
        "Error: 1 error in the spreadsheet; nothing was written:\n"
        "Projekte.csv, sheet Projekte, row 2, column 3 'Beginn': got 'gestern', expected a date "
        "like 2024-03-31 or 31.03.2024\n",
    ),
    (
        ["analyze", "nope"],
        2,
        "Aufruf: sckg analyze [OPTIONS] COMMAND [ARGS]...\nHilfe: 'sckg analyze -h'.\n\n"
        "Fehler: Befehl 'nope' gibt es nicht.\n",
        "Usage: sckg analyze [OPTIONS] COMMAND [ARGS]...\nTry 'sckg analyze -h' for help.\n\n"
        "Error: No such command 'nope'.\n",
    ),
    (
        ["stats", "-f", "odt"],
        2,
        "Aufruf: sckg stats [OPTIONS]\nHilfe: 'sckg stats -h'.\n\nFehler: Ungültiger Wert für "
        "'--format' / '-f': 'odt' ist keiner von 'table', 'csv', 'json', 'md'.\n",
        "Usage: sckg stats [OPTIONS]\nTry 'sckg stats -h' for help.\n\nError: Invalid value for "
        "'--format' / '-f': 'odt' is not one of 'table', 'csv', 'json', 'md'.\n",
    ),
    (
        ["validate", "--store", "mongo:x"],
        2,
        "Fehler: Unbekannter Speicher 'mongo:x'. Möglich: memory, oxigraph:PFAD oder sparql:URL.\n",
        "Error: Unknown store 'mongo:x'. Use memory, oxigraph:PATH or sparql:URL.\n",
    ),
]


def _args(args: list[str], tmp: Path) -> list[str]:
    names = {"INVENTORY": _inventory(tmp), "OUT": str(tmp / "out.ttl")}
    return [names.get(a, a) for a in args]


@pytest.mark.parametrize(("args", "code", "german", "english"), WRONG, ids=lambda v: str(v)[:30])
def test_wrong_calls_are_answered_in_the_chosen_language(
    args: list[str],
    code: int,
    german: str,
    english: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("LANG")  # no locale: German, as the project decided
    asked = [("default", [])]
    if args[0] not in ("import", "analyze"):  # commands with --lang (analyze nope: no command)
        asked += [("--lang en", ["--lang", "en"]), ("--lang de", ["--lang", "de"])]
    said = {}
    for name, extra in asked:
        called = _args(args, tmp_path)  # --lang first: the parser stops at the first wrong value
        result = runner.invoke(app, [called[0], *extra, *called[1:]])
        said[name] = (result.exit_code, result.stdout, result.stderr)
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    result = runner.invoke(app, _args(args, tmp_path))
    said["LANG=en"] = (result.exit_code, result.stdout, result.stderr)
    expected = {"default": german, "--lang en": english, "--lang de": german, "LANG=en": english}
    assert said == {name: (code, "", expected[name]) for name in said}


def test_a_german_locale_speaks_german(monkeypatch: pytest.MonkeyPatch) -> None:
    said = []
    for lc_all, lang in (("de_AT.UTF-8", "C.UTF-8"), ("", "C.UTF-8"), ("", "de_DE"), ("", "")):
        monkeypatch.setenv("LC_ALL", lc_all)
        monkeypatch.setenv("LANG", lang)
        said.append(runner.invoke(app, ["stats", "--data", "no/such.ttl"]).stderr.split(":")[0])
    assert said == ["Fehler", "Error", "Fehler", "Fehler"]


def test_library_errors_stay_english_and_carry_the_german_text() -> None:
    with pytest.raises(DataError) as caught:
        sckg.open("no/such.ttl")
    message = caught.value.args[0]
    assert str(caught.value) == "no/such.ttl: no such file or folder (check the data path)"
    assert message.in_lang("de") == (
        "no/such.ttl: keine solche Datei und kein solcher Ordner (Pfad bei data prüfen)"
    )
    with pytest.raises(ParameterError) as wrong:
        choice("odt", Format, "fmt", "choice.format")
    assert str(wrong.value).startswith("fmt: unknown format 'odt'. Use one of: ")
    assert wrong.value.message.in_lang("de").startswith("fmt: Format 'odt' gibt es nicht. ")


@cache
def _trees() -> dict[Path, ast.Module]:
    return {p: ast.parse(p.read_text(encoding="utf-8")) for p in sorted(SCKG.rglob("*.py"))}


@cache
def _error_classes() -> frozenset[str]:
    """The names of SckgError and its subclasses defined in sckg."""
    found = {"SckgError"}
    classes = [
        node
        for tree in _trees().values()
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef)
    ]
    while True:
        more = {
            node.name
            for node in classes
            if any(getattr(b, "id", getattr(b, "attr", "")) in found for b in node.bases)
        }
        if more <= found:
            return frozenset(found)
        found |= more


def _untranslated() -> Counter[str]:
    """Per module, the errors raised with a text written in place (a string or f-string): English
    only, where the catalogue's :func:`sckg.words.error_message` gives both languages."""
    classes = _error_classes()
    counts: Counter[str] = Counter()
    for path, tree in _trees().items():
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            text = node.args[0]
            if isinstance(text, ast.Call) and getattr(text.func, "id", "") == "Message":
                text = text.args[0]
            if name in classes and isinstance(text, ast.Constant | ast.JoinedStr | ast.BinOp):
                counts[str(path.relative_to(SCKG))] += 1
    return counts


#: Modules whose errors still have an English text only (the command line shows it as it is, with
#: "Fehler:" in front). Convert a module's errors to keys of sckg/words.py and lower its count.
ENGLISH_ONLY = {
    "compare.py": 6,
    "entities.py": 2,
    "fileio.py": 1,
    "generate.py": 1,
    "ingest/__init__.py": 1,
    "ingest/cells.py": 3,
    "ingest/oparl.py": 2,
    "ingest/oparl_fetch.py": 4,
    "ingest/oparl_sync.py": 1,
    "ingest/oparl_synth.py": 1,
    "ingest/sdg.py": 3,
    "ingest/tables.py": 1,
    "ingest/template.py": 1,
    "ingest/ulm.py": 4,
    "link.py": 3,
    "linked_data.py": 1,
    "network/common.py": 1,
    "network/dependencies.py": 1,
    "network/metrics.py": 1,
    "network/projection.py": 1,
    "pdf.py": 2,
    "present.py": 5,
    "prioritise/__init__.py": 2,
    "prioritise/ahp.py": 3,
    "prioritise/assessment.py": 2,
    "prioritise/rank.py": 3,
    "prioritise/waves.py": 1,
    "prioritise/workbook.py": 2,
    "queries.py": 1,
    "registry.py": 2,
    "remote.py": 15,
    "resources.py": 1,
    "results.py": 1,
    "serve.py": 2,
    "site/build.py": 1,
    "sparql.py": 2,
    "stores.py": 1,
    "targets.py": 3,
    "validate.py": 1,
    "viz/build.py": 3,
    "viz/layout.py": 1,
    "viz/write.py": 2,
}


def test_no_error_gains_an_english_only_text() -> None:
    counts = _untranslated()
    assert {m: n for m, n in counts.items() if n > ENGLISH_ONLY.get(m, 0)} == {}
    assert dict(counts) == ENGLISH_ONLY  # a module converted: lower its count here


def test_every_error_class_is_an_sckg_error() -> None:
    assert {"DataError", "TableError", "Unreadable", "HttpStatusError"} <= _error_classes()
    assert issubclass(DataError, SckgError)
