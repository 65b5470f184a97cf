"""The command line's messages in the chosen language (issue 26, item 5): German by default (no
locale, a German locale or ``--lang de``), English with an English locale or ``--lang en``; the
library's errors stay English for Python users."""

from __future__ import annotations

import ast
from collections import Counter
from functools import cache
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from servers import serving
from typer.testing import CliRunner

import sckg
from sckg import resources
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


def _said(args: list[str], monkeypatch: pytest.MonkeyPatch) -> dict[str, tuple[int, str]]:
    """Exit code and stderr of ``args`` without a locale (German) and in an English one."""
    monkeypatch.delenv("LANG")
    said = {"default": runner.invoke(app, args)}
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    said["LANG=en"] = runner.invoke(app, args)
    return {name: (result.exit_code, result.stderr) for name, result in said.items()}


class _ReadOnly(BaseHTTPRequestHandler):
    """A Graph Store endpoint that refuses every upload, as a server started read-only does."""

    def do_PUT(self) -> None:
        self.rfile.read(int(self.headers["Content-Length"]))
        body = b"read-only"
        self.send_response(403)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        """Quiet."""


def test_an_endpoint_refusing_an_upload(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, musterstadt_path: Path
) -> None:
    with serving(_ReadOnly) as url:
        said = _said(
            ["push", "-q", "--endpoint", f"{url}/store", "-d", str(musterstadt_path)], monkeypatch
        )
    graph = f"{url}/store hat den Graphen <https://w3id.org/sckg/graph/musterstadt>"
    assert said == {
        "default": (
            1,
            f"Fehler: Der Endpunkt {graph} abgelehnt (HTTP 403: read-only). Den Server im "
            "Schreibmodus starten ('sckg serve --write').\n",
        ),
        "LANG=en": (
            1,
            f"Error: The endpoint {url}/store refused the graph "
            "<https://w3id.org/sckg/graph/musterstadt> (HTTP 403: read-only). Start the server in "
            "write mode ('sckg serve --write').\n",
        ),
    }


def test_a_scoring_workbook_without_weights(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, musterstadt_path: Path
) -> None:
    book = tmp_path / "scoring.xlsx"
    data = ["prioritise", "-d", str(musterstadt_path)]
    assert runner.invoke(app, [*data, "--template", str(book)]).exit_code == 0
    said = _said([*data, "--scores", str(book)], monkeypatch)
    monkeypatch.delenv("LANG")
    said["-l en"] = (lambda r: (r.exit_code, r.stderr))(
        runner.invoke(app, [*data, "-l", "en", "--scores", str(book)])
    )
    german = (
        "Fehler: scoring.xlsx: keine Gewichte: das Blatt 'Gewichte (Weights)' oder die paarweisen "
        "Vergleiche in 'Vergleiche (Comparisons)' ausfüllen\n"
    )
    english = (
        "Error: scoring.xlsx: no weights: fill in the sheet 'Gewichte (Weights)' or the pairwise "
        "comparisons of 'Vergleiche (Comparisons)'\n"
    )
    assert said == {"default": (1, german), "LANG=en": (1, english), "-l en": (1, english)}


def test_an_oparl_import_from_a_missing_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    said = _said(["import", "oparl", "no/such", "--city", "t", "-o", "out.ttl"], monkeypatch)
    assert said == {
        "default": (
            1,
            "Fehler: no/such: kein solcher Ordner (einen Ordner mit OParl-JSON-Dateien oder eine "
            "http(s)-URL angeben)\n",
        ),
        "LANG=en": (
            1,
            "Error: no/such: no such folder (give a folder of OParl JSON files or an http(s) "
            "URL)\n",
        ),
    }


def test_an_unknown_focus_of_the_map(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    said = _said(["viz", "--focus", "Wlan-Netz", "-o", "map.html"], monkeypatch)
    monkeypatch.delenv("LANG")
    said["--lang en"] = (lambda r: (r.exit_code, r.stderr))(
        runner.invoke(app, ["viz", "--lang", "en", "--focus", "Wlan-Netz", "-o", "map.html"])
    )
    english = (
        "Error: --focus 'Wlan-Netz': no such node in this map (give its IRI, prefixed name such "
        "as musterstadt:project/wlan, or label).\n"
    )
    assert said == {
        "default": (
            2,
            "Fehler: --focus 'Wlan-Netz': Knoten in dieser Karte nicht gefunden (die IRI, einen "
            "Präfixnamen wie musterstadt:project/wlan oder die Bezeichnung angeben).\n",
        ),
        "LANG=en": (2, english),
        "--lang en": (2, english),
    }
    assert not (tmp_path / "map.html").exists()


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
    """Per module, the errors made with a text written in place (a string or f-string): English
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


def test_every_error_has_a_german_and_an_english_text() -> None:
    """No error of sckg is raised with a text written in place: each comes from the catalogue
    (sckg/words.py), which gives every text in German and in English (tests/test_words.py)."""
    assert dict(_untranslated()) == {}


def test_every_error_class_is_an_sckg_error() -> None:
    assert {"DataError", "TableError", "Unreadable", "HttpStatusError"} <= _error_classes()
    assert issubclass(DataError, SckgError)


def test_an_agenda_entry_that_names_no_field(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    agenda = tmp_path / "agenda.toml"
    agenda.write_text('[[slide]]\nview = "field"\nfield = "Raumfahrt"\n', encoding="utf-8")
    said = _said(
        ["present", "--data", str(resources.dataset("musterstadt")), "--agenda", str(agenda)],
        monkeypatch,
    )
    where = f"{agenda}, "
    assert said == {
        "default": (
            1,
            f"Fehler: {where}Zeile 3, Schlüssel 'field': field 'Raumfahrt': Handlungsfeld nicht "
            "gefunden (die IRI, einen Präfixnamen wie musterstadt:project/wlan oder die "
            "Bezeichnung angeben).\n",
        ),
        "LANG=en": (
            1,
            f"Error: {where}line 3, key 'field': field 'Raumfahrt': no such field of action (give "
            "its IRI, prefixed name such as musterstadt:project/wlan, or label).\n",
        ),
    }
