"""The catalogue of words, the formatter, the choices and the parameter-naming errors: each defined
once.

The catalogue test reads sckg's source: every ``t("key", ...)`` and ``Words("group", ...)`` lookup
must name a key that exists, every key must be looked up somewhere, and every family of keys named
after a concept's values (``class.<key>``, ``gap.<kind>`` ...) must cover exactly those values.
"""

from __future__ import annotations

import ast
import re
import string
import typing
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

import sckg
from sckg import choices
from sckg.choices import Lang, PathWeight, ProjectionName
from sckg.cli import app
from sckg.cli_common import FLAGS, flag
from sckg.errors import Message, ParameterError
from sckg.formatting import long_date, money, money_total, number, percent
from sckg.network.coverage import GAP_KINDS
from sckg.network.projection import CLASS_KEYS
from sckg.report.build import FIGURES
from sckg.words import CATALOGUE, Words, t

SCKG = Path(sckg.__file__).parent
runner = CliRunner()


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _forms(key: str, lang: str) -> list[str]:
    text = CATALOGUE[key][lang]
    return list(text.values()) if isinstance(text, dict) else [text]


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_key_has_both_languages_with_the_same_placeholders(key: str) -> None:
    assert set(CATALOGUE[key]) == {"de", "en"}
    plural = [isinstance(CATALOGUE[key][lang], dict) for lang in ("de", "en")]
    assert plural in ([False, False], [True, True])
    if plural[0]:
        assert all(set(CATALOGUE[key][lang]) == {"one", "other"} for lang in ("de", "en"))
    found = {
        (lang, i): _placeholders(text)
        for lang in ("de", "en")
        for i, text in enumerate(_forms(key, lang))
    }
    names = set().union(*found.values())
    for placeholders in found.values():  # a plural form may leave out the count itself
        assert placeholders == names or (plural[0] and placeholders | {"n"} == names | {"n"}), (
            key,
            found,
        )


def _strings(node: ast.AST) -> set[str]:
    return {
        n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)
    }


def _assigned(tree: ast.AST, name: str, line: int) -> ast.AST:
    """The expression last assigned to ``name`` before ``line``."""
    found = [
        n.value
        for n in ast.walk(tree)
        if isinstance(n, ast.Assign)
        and n.lineno < line
        and any(isinstance(target, ast.Name) and target.id == name for target in n.targets)
    ]
    return max(found, key=lambda n: n.lineno)


def _lookups() -> tuple[set[str], set[str], dict[str, set[str]]]:
    """Keys looked up literally, prefixes looked up with a value (f-strings), and per group fetched
    with ``Words`` the string constants of the modules that fetch it."""
    keys: set[str] = set()
    prefixes: set[str] = set()
    groups: dict[str, set[str]] = {}
    for path in SCKG.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        constants = _strings(tree)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = (
                node.func.attr
                if isinstance(node.func, ast.Attribute)
                else getattr(node.func, "id", "")
            )
            first = node.args[0]
            if path.name == "words.py" and name == "t" and not isinstance(first, ast.Constant):
                continue  # words.py looks up the keys it is given
            if name == "choice" and len(node.args) == 4:  # choice(value, Enum, param, "key")
                keys.add(node.args[3].value)  # type: ignore[attr-defined]
            elif name == "reword":  # reword(text, "group", lang): every key of the group
                prefixes.add(node.args[1].value + ".")  # type: ignore[attr-defined]
            elif name in ("t", "error_message"):
                if isinstance(first, ast.Constant):
                    keys.add(first.value)
                elif isinstance(first, ast.JoinedStr) and isinstance(first.values[0], ast.Constant):
                    prefixes.add(first.values[0].value)
                elif isinstance(first, ast.BinOp) and isinstance(first.left, ast.Constant):
                    prefixes.add(first.left.value)
                elif isinstance(first, ast.IfExp):
                    keys.update(_strings(first))
                elif isinstance(first, ast.Name):  # a key chosen just before the call
                    keys.update(_strings(_assigned(tree, first.id, node.lineno)))
                else:
                    raise AssertionError(f"{path}:{node.lineno}: a key the test cannot read")
            elif name == "Words" and isinstance(first, ast.Constant):
                groups.setdefault(first.value, set()).update(constants)
                prefixes.update(  # words[f"cut.{kind}"]
                    f"{first.value}.{n.slice.values[0].value}"
                    for n in ast.walk(tree)
                    if isinstance(n, ast.Subscript)
                    and isinstance(n.slice, ast.JoinedStr)
                    and isinstance(n.slice.values[0], ast.Constant)
                )
    return keys, prefixes, groups


def _fact_names() -> set[str]:
    """The headline numbers the report's sections set (``Section.facts``): the words
    ``fact.<name>``."""
    found: set[str] = set()
    for path in SCKG.glob("report/*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Subscript) and getattr(node.value, "attr", "") == "facts":
                found |= _strings(node.slice)  # section.facts["chain"] = ...
            elif isinstance(node, ast.keyword) and node.arg == "facts":
                found |= _strings(
                    node.value
                )  # Section(..., facts={...}) or facts=dict(zip([...], ...))
            elif (
                isinstance(node, ast.Call)
                and getattr(node.func, "attr", "") == "update"
                and getattr(node.func.value, "attr", "") == "facts"
            ):
                found |= {k.arg for k in node.keywords if k.arg}  # section.facts.update(silos=...)
    return found


def _template_words() -> tuple[set[str], set[str]]:
    """Names the templates and the page script read from their words (``t.title``,
    ``ui.search``, ``t["data"]``, ``t("cut_in", n=...)``), and the prefixes they join a name
    to (``t["format" + fmt.suffix]``)."""
    names: set[str] = set()
    prefixes: set[str] = set()
    for path in [*SCKG.rglob("*.j2"), *SCKG.glob("viz/*.html"), *SCKG.glob("viz/*.js")]:
        text = path.read_text(encoding="utf-8")
        names |= set(re.findall(r"\b(?:t|ui)\.(\w+)", text))
        names |= set(re.findall(r"\bt[\[(]\s*[\"'](\w+)[\"']\s*[\]),]", text))
        prefixes |= set(re.findall(r"\bt\[\s*[\"'](\w+)[\"']\s*\+", text))
    return names, prefixes


def test_every_key_looked_up_exists_and_every_key_is_used() -> None:
    keys, prefixes, groups = _lookups()
    assert sorted(keys - set(CATALOGUE)) == []
    assert sorted(p for p in prefixes if not any(k.startswith(p) for k in CATALOGUE)) == []
    assert sorted(g for g in groups if not any(k.startswith(g + ".") for k in CATALOGUE)) == []
    templates, template_prefixes = _template_words()
    groups["fact"] = _fact_names() | set(FIGURES)  # the key figures are named in FIGURES
    groups["definition"] = set(FIGURES)  # each key figure says what it counts
    unused = []
    for key in CATALOGUE:
        group, _, name = key.partition(".")
        used = (
            key in keys
            or any(key.startswith(p) for p in prefixes)
            or (
                group in groups
                and (
                    name in groups[group]
                    or name in templates
                    or any(name.startswith(prefix + ".") for prefix in template_prefixes)
                )
            )
        )
        if not used:
            unused.append(key)
    assert unused == []


def _family(prefix: str) -> set[str]:
    return {k[len(prefix) :] for k in CATALOGUE if k.startswith(prefix)}


def test_families_of_keys_cover_exactly_their_concept() -> None:
    assert _family("class.") == set(CLASS_KEYS)
    assert _family("projection.") == set(ProjectionName)
    assert _family("gap.") == _family("gap_reason.") == set(GAP_KINDS)
    assert _family("cut.") == _family("report.cut.") == {"articulation-point", "bridge"}
    assert _family("path.longest.") == set(PathWeight)
    assert _family("month.") == {str(m) for m in range(1, 13)}
    assert _family("definition.") == set(FIGURES)
    assert _family("change.") == {
        "entity-added",
        "entity-removed",
        "relation-added",
        "relation-removed",
        "attribute-added",
        "attribute-removed",
        "attribute-changed",
    }


def test_t_fills_placeholders_and_picks_the_plural_form() -> None:
    assert t("count.projects", "de", n=1) == "1 Projekt"
    assert t("count.projects", "de", n=0) == "0 Projekte"
    assert t("count.projects", "en", n=2) == "2 projects"
    assert t("communities.isolated", "en", n=1) == "1 node without any link is left out."
    counted = {"projects": t("count.projects", "de", n=3), "actors": t("count.actors", "de", n=1)}
    assert t("report.field_summary", "de", **counted, budget="5,00 €") == (
        "3 Projekte, 1 Akteur, Budget 5,00 €."
    )
    with pytest.raises(KeyError):
        t("report.field_summary", "de", projects=3)
    with pytest.raises(ParameterError) as error:
        t("report.title", "fr")
    assert str(error.value) == "lang: unknown language 'fr'. Use one of: de, en."
    words = Words("map", "en")
    assert words["matches"] == "Match {i} of {n}"  # as written: the page's script fills it in
    assert words("matches", i=1, n=4) == "Match 1 of 4"
    assert "search" in words and "title" not in words


@pytest.mark.parametrize(
    ("value", "digits", "de", "en"),
    [
        (0, 0, "0", "0"),
        (1234567, 0, "1.234.567", "1,234,567"),
        (-1234.5, 1, "-1.234,5", "-1,234.5"),
        (
            2.675,
            2,
            "2,68",
            "2.68",
        ),  # half away from zero on the value as written (binary 2.67499...)
        (-2.5, 0, "-3", "-3"),
        (0.5, 0, "1", "1"),
        (-0.004, 2, "0,00", "0.00"),  # rounds to zero: no minus sign
        (Decimal("999999.995"), 2, "1.000.000,00", "1,000,000.00"),
        (0.1234, 4, "0,1234", "0.1234"),
    ],
)
def test_number(value, digits, de, en) -> None:
    assert number(value, "de", digits) == de
    assert number(value, "en", digits) == en


@pytest.mark.parametrize(
    ("value", "de", "en"),
    [
        (Decimal("1234.56"), "1.234,56 €", "€1,234.56"),
        (0, "0,00 €", "€0.00"),
        (-1234.56, "-1.234,56 €", "-€1,234.56"),
        (Decimal("64827.385"), "64.827,39 €", "€64,827.39"),
        (1_250_000_000, "1.250.000.000,00 €", "€1,250,000,000.00"),
        (None, "unbekannt", "unknown"),
    ],
)
def test_money(value, de, en) -> None:
    assert money(value, "de") == de
    assert money(value, "en") == en


def test_money_total_says_unknown_and_at_least() -> None:
    assert money_total([Decimal("250000"), 0.5], "de") == "250.000,50 €"
    assert money_total([Decimal("250000"), None], "de") == "mindestens 250.000,00 €"
    assert money_total([Decimal("250000"), None], "en", 0) == "at least €250,000"
    assert money_total([None, None], "de") == money_total([], "de") == "unbekannt"
    assert money_total([], "en") == "unknown"


def test_money_without_cents_and_percent() -> None:
    assert money(1234.5, "de", 0) == "1.235 €"
    assert money(-1234.5, "en", 0) == "-€1,235"
    assert percent(0.39949, "de") == "39,9 %"
    assert percent(0.39951, "en") == "40.0%"
    assert percent(0, "de") == "0,0 %"
    assert percent(-0.125, "en", 0) == "-13%"
    assert percent(12.5, "de", 0) == "1.250 %"


@pytest.mark.parametrize(
    ("value", "de", "en"),
    [
        (date(2026, 12, 2), "2. Dezember 2026", "2 December 2026"),
        ("2018-10-26", "26. Oktober 2018", "26 October 2018"),
        (datetime(2024, 3, 1, 23, 59), "1. März 2024", "1 March 2024"),
        ("2026-05-31T10:00:00", "31. Mai 2026", "31 May 2026"),
        ("2015", "2015", "2015"),  # a year alone stays as it is
    ],
)
def test_long_date(value, de, en) -> None:
    assert long_date(value, "de") == de
    assert long_date(value, "en") == en


def test_report_and_map_write_their_dates_out(braunschweig_path: Path, tmp_path: Path) -> None:
    from sckg.kg import KnowledgeGraph
    from sckg.report.build import build_report
    from sckg.report.render import render_markdown

    kg = KnowledgeGraph.open([braunschweig_path])
    report = build_report(kg, lang="de")
    assert report.data_date == "2018-10-26"
    assert "Datenstand (jüngster Eintrag): 26. Oktober 2018 · erstellt: " in render_markdown(report)
    report = build_report(kg, lang="en")
    assert "Data as of (newest record): 26 October 2018 · generated: " in render_markdown(report)


# --- choices: defined once in sckg.choices, the CLI offers exactly those --------------------------


def _commands(group: Any, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], Any]]:
    """Every command under ``group`` (typer's own click) with its path of names."""
    found = []
    for name, command in group.commands.items():
        if hasattr(command, "commands"):
            found += _commands(command, (*path, name))
        else:
            found.append(((*path, name), command))
    return found


def _enum_of(callback: object, param: str) -> type[Enum] | None:
    hint = typing.get_type_hints(callback, include_extras=True)[param]
    for arg in (hint, *typing.get_args(hint)):
        if isinstance(arg, type) and issubclass(arg, Enum):
            return arg
    return None


def test_every_cli_option_with_choices_uses_the_librarys_enum() -> None:
    root = typer.main.get_command(app)
    checked = 0
    for path, command in _commands(root):
        for param in command.params:
            if not hasattr(param.type, "choices"):
                continue
            enum = _enum_of(command.callback, param.name)
            assert enum is not None, (path, param.name)
            assert enum.__module__ == "sckg.choices" and getattr(choices, enum.__name__) is enum, (
                path,
                param.name,
            )
            assert list(param.type.choices) == [m.value for m in enum], (path, param.name)
            checked += 1
    assert checked >= 30
    for path in SCKG.glob("cli*.py"):
        assert "(StrEnum)" not in path.read_text(encoding="utf-8"), path


def test_library_checks_against_the_same_enums() -> None:
    from sckg.network.projection import PROJECTIONS

    assert list(PROJECTIONS) == list(ProjectionName)
    assert list(Lang) == ["de", "en"]


# --- errors: the Python API names the parameter, the command line names the flag ------------------


def test_message_reads_as_parameter_or_as_flag() -> None:
    message = Message("{=limit} must be 0 or more; {=limit 0} shows all, {=color_by} too")
    assert message == "limit must be 0 or more; limit=0 shows all, color_by too"
    assert message.params == ["limit", "limit", "color_by"]
    assert message.with_flags(flag) == "--top must be 0 or more; --top 0 shows all, --color-by too"


def test_every_flag_of_a_renamed_parameter_exists() -> None:
    root = typer.main.get_command(app)
    options = {opt for _, command in _commands(root) for p in command.params for opt in p.opts}
    options |= {  # an argument is shown by its name in capitals, as in --help (PROJECT)
        p.name.upper()
        for _, command in _commands(root)
        for p in command.params
        if p.param_type_name == "argument"
    }
    assert sorted(set(FLAGS.values()) - options) == []


def test_python_api_error_names_the_parameter_and_cli_the_flag(braunschweig_path: Path) -> None:
    from sckg.kg import KnowledgeGraph
    from sckg.network.coverage import silos
    from sckg.network.metrics import centrality

    kg = KnowledgeGraph.open([braunschweig_path])
    with pytest.raises(ParameterError) as error:
        silos(kg, limit=-1)
    assert str(error.value) == "limit must be 0 (all) or more, got -1"
    result = runner.invoke(
        app, ["analyze", "silos", "--top", "-1", "--data", str(braunschweig_path)]
    )
    assert (result.exit_code, result.stderr) == (
        2,
        "Error: --top must be 0 (all) or more, got -1\n",
    )

    with pytest.raises(ParameterError) as error:
        centrality(kg, sample=-2)
    assert str(error.value) == "sample must be 0 (exact) or more, got -2"
    result = runner.invoke(
        app, ["analyze", "centrality", "--sample", "-2", "--data", str(braunschweig_path)]
    )
    assert (result.exit_code, result.stderr) == (
        2,
        "Error: --sample must be 0 (exact) or more, got -2\n",
    )


def test_notes_name_the_parameter_in_python_and_the_flag_on_the_command_line(
    braunschweig_path: Path,
) -> None:
    from sckg.kg import KnowledgeGraph
    from sckg.network.metrics import centrality

    kg = KnowledgeGraph.open([braunschweig_path])
    note = (
        "Betweenness estimated from 5 of {n} source nodes (random sample, seed 42); exact "
        "values with {flag}."
    )
    result = centrality(kg, sample=5, lang="en")
    n = result.notes[0].split(" of ")[1].split()[0]
    assert result.notes == [note.format(n=n, flag="sample=0")]
    cli = runner.invoke(
        app,
        ["analyze", "centrality", "--sample", "5", "-l", "en", "--data", str(braunschweig_path)],
    )
    assert cli.stderr == note.format(n=n, flag="--sample 0") + "\n"
