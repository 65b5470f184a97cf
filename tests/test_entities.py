"""The one entity resolver: every form it accepts, in the library and in every command that takes an
entity."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from sckg import resources
from sckg.cli import app
from sckg.entities import resolve
from sckg.errors import UsageError
from sckg.namespaces import as_iri, slug, tail

MUSTERSTADT = str(resources.dataset("musterstadt"))
MS = "https://w3id.org/sckg/id/musterstadt/"
FIELD = "https://w3id.org/sckg/vocab/field/"
EX = "http://example.org/"
SCKG = "https://w3id.org/sckg/ontology#"

SMALL = """
@prefix ex: <http://example.org/> .
@prefix sckg: <https://w3id.org/sckg/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
ex:wlan a sckg:Project ; rdfs:label "Öffentliches WLAN"@de , "Public WiFi"@en ; skos:altLabel\
 "WiFi4EU"@en .
ex:budget-wlan a sckg:BudgetLine ; rdfs:label "Budget WLAN"@de .
ex:amt-a a sckg:Project ; rdfs:label "Amt"@de .
ex:amt-b a sckg:Project ; rdfs:label "Amt"@de .
<http://example.org/things/wlan> a sckg:BudgetLine .
"""


@pytest.mark.parametrize(
    ("spec", "iri"),
    [
        (MS + "project/wlan", MS + "project/wlan"),
        (f" <{MS}project/wlan> ", MS + "project/wlan"),
        ("field:smart-mobility", FIELD + "smart-mobility"),
        ("musterstadt:project/wlan", MS + "project/wlan"),
        ("Öffentliches WLAN", None),
        ("WLAN: Phase 2", None),
        ("wlan", None),
    ],
)
def test_as_iri_expands_written_iris_only(spec, iri):
    assert as_iri(spec) == iri


def test_tail_and_slug():
    assert tail(MS + "project/wlan") == "wlan"
    assert tail("https://w3id.org/sckg/ontology#Project") == "Project"
    assert tail(MS + "project/") == "project"
    assert slug("Inventar 2024.xlsx") == "inventar-2024-xlsx"
    assert slug("!!!") == ""


@pytest.mark.parametrize(
    "spec",
    [EX + "wlan", "öffentliches wlan", "Public WiFi", "wifi4eu", "WLAN"],
)
def test_the_graph_resolves_iri_label_alias_and_tail(make_kg, spec):
    kg = make_kg(SMALL)
    assert resolve(spec, kg=kg, classes=(SCKG + "Project",)) == EX + "wlan"


def test_a_tail_shared_by_two_entities_is_ambiguous_unless_the_class_decides(make_kg):
    kg = make_kg(SMALL)
    with pytest.raises(UsageError) as error:
        resolve("wlan", kg=kg, param="project")
    assert str(error.value) == (
        f"project 'wlan' matches 2 entitys: wlan <{EX}things/wlan>; Öffentliches WLAN <{EX}wlan>. "
        "Give the IRI."
    )


def test_an_ambiguous_label_and_an_unknown_name(make_kg):
    kg = make_kg(SMALL)
    with pytest.raises(UsageError) as error:
        resolve("amt", kg=kg, what="project", param="target")
    assert (
        str(error.value)
        == f"target 'amt' matches 2 projects: Amt <{EX}amt-a>; Amt <{EX}amt-b>. Give the IRI."
    )
    with pytest.raises(UsageError) as error:
        resolve(
            "Öffentliches WLAM", kg=kg, what="project", param="target", classes=(SCKG + "Project",)
        )
    assert str(error.value) == (
        "target 'Öffentliches WLAM': no such project (give its IRI, prefixed name such as "
        "musterstadt:project/wlan, or label). Did you mean: 'Öffentliches WLAN'?"
    )


def test_data_wins_over_a_vocabulary_concept_of_the_same_name(make_kg):
    kg = make_kg(SMALL + 'ex:field a sckg:Project ; rdfs:label "Smart Mobility"@de .')
    assert resolve("Smart Mobility", kg=kg) == EX + "field"


def test_candidates_restrict_to_the_map():
    nodes = {EX + "a": "Parken", EX + "b": "Laden"}
    assert resolve("laden", candidates=nodes) == EX + "b"
    assert resolve("a", candidates=nodes) == EX + "a"
    with pytest.raises(UsageError) as error:
        resolve(EX + "c", candidates=nodes, what="node", param="focus")
    assert str(error.value) == (
        f"focus '{EX}c': no such node in this map (give its IRI, prefixed name such as "
        "musterstadt:project/wlan, or label)."
    )


PROJECT_FORMS = [
    MS + "project/urbane-datenplattform",
    f"<{MS}project/urbane-datenplattform>",
    "musterstadt:project/urbane-datenplattform",
    "urbane datenplattform musterstadt",
    "Musterstadt urban data platform",
    "urbane-datenplattform",
]
FIELD_FORMS = [
    FIELD + "smart-mobility",
    "field:smart-mobility",
    "Smart Mobility",
    "smart mobility",
    "smart-mobility",
]
DEPARTMENT_FORMS = [
    MS + "actor/dezernat-1",
    "musterstadt:actor/dezernat-1",
    "Dezernat I – Allgemeine Verwaltung, Digitalisierung und Kommunikation",
    "Department I – General Administration, Digitalisation and Communication",
    "dezernat-1",
]


def _outputs(tmp_path: Path, forms: list[str], command: list[str]) -> list[str]:
    """The output of ``command`` (``{}`` replaced by each form; a written map's HTML where there is
    ``OUT``)."""
    outputs = []
    for i, form in enumerate(forms):
        out = tmp_path / f"map{i}.html"
        args = [arg.replace("{}", form).replace("OUT", str(out)) for arg in command]
        result = CliRunner().invoke(app, [*args, "--data", MUSTERSTADT])
        assert result.exit_code == 0, (form, result.output)
        outputs.append(out.read_text(encoding="utf-8") if "OUT" in command else result.stdout)
    return outputs


@pytest.mark.parametrize(
    ("forms", "command"),
    [
        (PROJECT_FORMS, ["query", "dependencies-of-project", "-p", "project={}", "-f", "json"]),
        (PROJECT_FORMS, ["query", "actors-of-project", "-p", "project={}", "-f", "json"]),
        (PROJECT_FORMS, ["analyze", "impact", "{}", "--upstream", "-f", "json"]),
        (PROJECT_FORMS, ["viz", "--focus", "{}", "--out", "OUT"]),
        (FIELD_FORMS, ["query", "projects-by-field", "-p", "field={}", "-f", "json"]),
        (FIELD_FORMS, ["viz", "--field", "{}", "--out", "OUT"]),
        (DEPARTMENT_FORMS, ["query", "units-of-department", "-p", "department={}", "-f", "json"]),
        (DEPARTMENT_FORMS, ["viz", "--projection", "actors", "--department", "{}", "--out", "OUT"]),
    ],
)
def test_every_entity_taking_command_accepts_every_form(tmp_path, forms, command):
    outputs = _outputs(tmp_path, forms, command)
    assert outputs[0].strip() not in ("", "[]")
    assert all(output == outputs[0] for output in outputs[1:])


@pytest.mark.parametrize(
    ("command", "named"),
    [
        (
            ["viz", "--focus", "Nirgendwo", "--out", "x.html"],
            "--focus 'Nirgendwo': no such node in this map",
        ),
        (
            ["viz", "--field", "Nirgendwo", "--out", "x.html"],
            "--field 'Nirgendwo': no such field of action in this map",
        ),
        (["analyze", "impact", "Nirgendwo"], "PROJECT 'Nirgendwo': no such project"),
        (
            ["query", "actors-of-project", "-p", "project=Nirgendwo"],
            "project 'Nirgendwo': no such entity",
        ),
    ],
)
def test_the_command_line_names_its_flag_where_python_names_the_parameter(
    tmp_path, monkeypatch, command, named
):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, [*command, "--data", MUSTERSTADT])
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"Error: {named} (give its IRI, prefixed name such as musterstadt:project/wlan"
    )
    assert not (tmp_path / "x.html").exists()
