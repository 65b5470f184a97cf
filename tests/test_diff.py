"""The change list between two hand-made snapshots."""

from pathlib import Path

import pytest
from typer.testing import CliRunner

from sckg import resources
from sckg.cli import app
from sckg.diff import diff

EX = "https://example.org/city/"

OLD = """
ex:it a org:OrganizationalUnit ; rdfs:label "IT-Amt"@de .
ex:sw a org:FormalOrganization ; rdfs:label "Stadtwerke"@de .
ex:wlan a sckg:Project ; dcterms:title "WLAN"@de ; sckg:managedBy ex:it ; adms:status\
 status:planned .
ex:old a sckg:Project ; dcterms:title "Altprojekt"@de .
"""
NEW = """
ex:it a org:OrganizationalUnit ; rdfs:label "IT-Amt"@de .
ex:sw a org:FormalOrganization ; rdfs:label "Stadtwerke"@de .
ex:wlan a sckg:Project ; dcterms:title "WLAN Innenstadt"@de ; sckg:managedBy ex:sw ;\
 sckg:hasParticipant ex:it ;
    adms:status status:running .
ex:lora a sckg:Project ; dcterms:title "LoRaWAN"@de ; sckg:dependsOn ex:wlan .
"""


def test_diff_of_two_snapshots(make_kg) -> None:
    result = diff(make_kg(OLD), make_kg(NEW), lang="de")
    rows = [(c.kind, c.change, c.subject_label, c.property, c.old, c.new) for c in result.changes]
    assert rows == [
        ("entity", "added", "LoRaWAN", "", "", "sckg:Project"),
        ("entity", "removed", "Altprojekt", "", "sckg:Project", ""),
        ("relation", "added", "WLAN Innenstadt", "federführend betreut von", "", "Stadtwerke"),
        ("relation", "added", "WLAN Innenstadt", "hat Beteiligten", "", "IT-Amt"),
        ("relation", "removed", "WLAN Innenstadt", "federführend betreut von", "IT-Amt", ""),
        (
            "attribute",
            "changed",
            "WLAN Innenstadt",
            "adms:status",
            "status:planned",
            "status:running",
        ),
        (
            "attribute",
            "changed",
            "WLAN Innenstadt",
            "dcterms:title",
            "WLAN@de",
            "WLAN Innenstadt@de",
        ),
    ]
    assert result.summary() == {
        "entity added": 1,
        "entity removed": 1,
        "relation added": 2,
        "relation removed": 1,
        "attribute changed": 2,
    }


def test_a_milestone_added_moved_or_reached_is_listed(make_kg) -> None:
    """Milestones need nothing of their own in the diff: a new one is a new entity, a moved or
    reached one a changed attribute."""
    project = 'ex:p a sckg:Project ; dcterms:title "Plattform"@de . '
    old = project + (
        'ex:m1 a sckg:Milestone ; rdfs:label "Zuschlag"@de ; dcterms:isPartOf ex:p ; '
        'dcterms:date "2025-03-31"^^xsd:date ; sckg:reached false .'
    )
    new = old.replace("2025-03-31", "2025-05-15").replace("false", "true") + (
        ' ex:m2 a sckg:Milestone ; rdfs:label "Abnahme"@de ; dcterms:isPartOf ex:p ; '
        'dcterms:date "2026-02-15"^^xsd:date .'
    )
    result = diff(make_kg(old), make_kg(new), lang="de")
    assert [
        (c.kind, c.change, c.subject_label, c.property, c.old, c.new) for c in result.changes
    ] == [
        ("entity", "added", "Abnahme", "", "", "sckg:Milestone"),  # a new entity is one line
        ("attribute", "changed", "Zuschlag", "dcterms:date", "2025-03-31", "2025-05-15"),
        ("attribute", "changed", "Zuschlag", "erreicht", "False", "True"),
    ]


def test_identical_snapshots_have_no_changes(make_kg) -> None:
    assert diff(make_kg(OLD), make_kg(OLD)).changes == []


def test_diff_command_csv(turtle_file) -> None:
    old: Path = turtle_file(OLD, "old.ttl")
    new: Path = turtle_file(NEW, "new.ttl")
    result = CliRunner().invoke(
        app, ["diff", str(old), str(new), "--format", "csv", "--lang", "en"]
    )
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "kind,change,entity,property,old,new,iri"
    assert lines[1] == f"entity,added,LoRaWAN,,,sckg:Project,{EX}lora"
    assert len(lines) == 8


def test_a_missing_snapshot_is_named_as_the_argument_it_is(turtle_file) -> None:
    """diff has no --data: the error told to check the --data path."""
    old: Path = turtle_file(OLD, "old.ttl")
    result = CliRunner().invoke(app, ["diff", str(old), "no/such.ttl", "--lang", "en"])
    assert (result.exit_code, result.stderr) == (
        1,
        "Error: no/such.ttl: no such file or folder (check the path given as NEW)\n",
    )
    result = CliRunner().invoke(app, ["diff", "no/such", str(old), "--lang", "en"])
    assert result.stderr.endswith("(check the path given as OLD)\n")
    result = CliRunner().invoke(app, ["diff", "", str(old), "--lang", "en"])
    assert (result.exit_code, result.stderr) == (
        2,
        "Error: OLD is empty: give a file, a folder, oxigraph:PATH or sparql:URL\n",
    )


def test_a_class_changed_gained_or_lost_is_told_from_an_entity_added_or_removed(make_kg) -> None:
    """The classes of the previous snapshot are those of the current one with the changes undone:
    an entity keeping a class is no new or removed entity, one losing every class is removed (with
    the classes it had), one typed anew is added; blank nodes count as one."""
    old = (
        'ex:sw a org:FormalOrganization ; rdfs:label "Stadtwerke"@de . '
        'ex:p a sckg:Project, sckg:Milestone ; dcterms:title "Plattform"@de . '
        'ex:gone a sckg:Project, prov:Activity ; dcterms:title "Altprojekt"@de . '
        'ex:typed rdfs:label "Später typisiert"@de . '
        "[] a schema:MonetaryAmount ; schema:value 5 ."
    )
    new = (
        'ex:sw a org:OrganizationalUnit ; rdfs:label "Stadtwerke"@de . '
        'ex:p a sckg:Project ; dcterms:title "Plattform"@de . '
        'ex:gone dcterms:title "Altprojekt"@de . '
        'ex:typed a sckg:Project ; rdfs:label "Später typisiert"@de . '
        "[] a schema:MonetaryAmount ; schema:value 6 ."
    )
    result = diff(make_kg(old), make_kg(new), lang="de")
    assert [
        (c.kind, c.change, c.subject_label, c.property, c.old, c.new) for c in result.changes
    ] == [
        ("entity", "added", "Später typisiert", "", "", "sckg:Project"),
        ("entity", "removed", "Altprojekt", "", "prov:Activity, sckg:Project", ""),
        ("attribute", "removed", "Plattform", "rdf:type", "sckg:Milestone", ""),
        (
            "attribute",
            "changed",
            "Stadtwerke",
            "rdf:type",
            "org:FormalOrganization",
            "org:OrganizationalUnit",
        ),
        ("attribute", "changed", "_:blank", "schema:value", "5", "6"),
    ]


def test_snapshots_in_files_are_compared_as_loaded_graphs_are(turtle_file, make_kg) -> None:
    """``diff_snapshots`` of files (not loaded: lines compared, only what the changes name loaded)
    gives what ``diff`` of the loaded graphs gives: changes, papers linked, workshops (a record as a
    blank node too); a typed literal written otherwise is no change
    ("01"^^xsd:integer is the store's "1")."""
    from test_interviews import AFTER, BEFORE

    from sckg.diff import diff_snapshots

    blank_record = AFTER.replace("ex:wr", "_:wr")
    blank_workshop = AFTER.replace("ex:w ", "_:w ")
    values = (
        'ex:p a sckg:Project ; sckg:budget "01"^^xsd:integer ; schema:value "1.50"^^xsd:decimal ; '
        'dcterms:date "2025-01-01"^^xsd:date ; sckg:publiclyOwned "1"^^xsd:boolean .'
    )
    moved = (
        'ex:p a sckg:Project ; sckg:budget "1"^^xsd:integer ; schema:value "2.0"^^xsd:decimal ; '
        'dcterms:date "2025-01-02"^^xsd:date ; sckg:publiclyOwned "true"^^xsd:boolean .'
    )
    paper = (
        'ex:paper a oparl:Paper ; dcterms:title "Antrag"@de ; dcterms:date "2025-02-01"^^xsd:date .'
    )
    cases = [
        (OLD, NEW),
        (BEFORE, AFTER),
        (BEFORE, blank_record),
        (BEFORE, blank_workshop),
        (AFTER, BEFORE),
        (values, moved),
        (paper, paper + " ex:paper dcterms:subject ex:wlan, field:energy . " + NEW),
    ]
    shown = []
    for number, (old, new) in enumerate(cases):
        old_file = turtle_file(old, f"old{number}.ttl")
        new_file = turtle_file(new, f"new{number}.ttl")
        found = diff_snapshots(str(old_file), str(new_file), lang="en")
        loaded = diff(make_kg(old), make_kg(new), lang="en")
        assert (found.changes, found.papers, found.workshops) == (
            loaded.changes,
            loaded.papers,
            loaded.workshops,
        ), number
        shown.append((len(found.changes), len(found.papers), len(found.workshops)))
    assert shown == [(7, 0, 0), (6, 0, 1), (6, 0, 1), (6, 0, 1), (6, 0, 1), (2, 0, 0), (6, 2, 0)]
    found = diff_snapshots(str(turtle_file(values, "v.ttl")), str(turtle_file(moved, "m.ttl")))
    assert [(c.property, c.old, c.new) for c in found.changes] == [
        ("dcterms:date", "2025-01-01", "2025-01-02"),
        ("schema:value", "1.5", "2"),
    ]


@pytest.mark.parametrize(
    ("old", "new"),
    [("braunschweig", "musterstadt"), ("musterstadt", "ulm"), ("ulm", "braunschweig")],
)
def test_bundled_cities_as_snapshots_give_what_the_loaded_graphs_give(old: str, new: str) -> None:
    """The bundled data as two versions of one city: every kind of entity, blank nodes, records,
    workshops and typed values of three real and fictional datasets."""
    from sckg.diff import diff_snapshots, open_snapshot

    before, after = str(resources.dataset(old)), str(resources.dataset(new))
    found = diff_snapshots(before, after, lang="en")
    loaded = diff(open_snapshot(before), open_snapshot(after), lang="en")
    assert found.changes == loaded.changes
    assert (found.papers, found.workshops) == (loaded.papers, loaded.workshops)
    assert len(found.changes) > 300
