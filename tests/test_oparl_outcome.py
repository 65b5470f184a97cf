"""Agenda-item outcomes without persons: what council systems send as the OParl ``result`` (invented
texts in the shapes real servers send: plain results, vote counts, flattened vote tables, names and
addresses) reduced to the result and the counts; the full text only with --with-persons."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sckg.ingest.oparl import Skipped, import_oparl
from sckg.ingest.oparl_outcome import reduce_outcome

ROOT = "https://ris.beispiel.example/oparl/"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Beschlossen", "Beschlossen"),
        ("einstimmig beschlossen", "Einstimmig beschlossen"),
        ("Geändert beschlossen", "Geändert beschlossen"),
        ("mehrheitlich abgelehnt", "Mehrheitlich abgelehnt"),
        ("Mit Mehrheit abgelehnt", "Mehrheitlich abgelehnt"),
        ("Kenntnisnahme", "Zur Kenntnis genommen"),
        ("Der Ausschuss nimmt den Bericht zur Kenntnis.", "Zur Kenntnis genommen"),
        ("vertagt", "Vertagt"),
        ("Von der Tagesordnung abgesetzt", "Abgesetzt"),
        (
            "Beschlossen mit 12 Ja-Stimmen, 3 Nein-Stimmen und 2 Enthaltungen",
            "Beschlossen (Ja 12, Nein 3, Enthaltungen 2)",
        ),
        (
            "Abstimmungsergebnis: Ja: 20 Nein: 4 Enthaltung: 1 – mehrheitlich beschlossen",
            "Mehrheitlich beschlossen (Ja 20, Nein 4, Enthaltungen 1)",
        ),
        ("mehrheitlich beschlossen bei 1 Gegenstimme", "Mehrheitlich beschlossen (Nein 1)"),
        # a vote table flattened into text: the result word is read, the digits run together and are
        # not
        (
            "JaNeinEnthaltungBM1CDU12SPD8GRÜNE4FDP2Gesamt232einstimmig beschlossen",
            "Einstimmig beschlossen",
        ),
        ("JaNeinEnthaltungBM1CDU12SPD8GRÜNE4FDP2Gesamt232", None),
        # names and an address in the same field: only the result is kept
        (
            "Beschlossen. Herr Erwin Beispielmann, Musterweg 7, 99999 Beispielstadt, erklärt sich "
            "für befangen.",
            "Beschlossen",
        ),
        (
            "Frau Petra Probe (Fraktion A) und Herr Otto Test (Fraktion B) stimmen dagegen; Ja 15, "
            "Nein 2",
            "Ja 15, Nein 2",
        ),
        # counts per faction: the same word twice cannot be the result's counts
        ("Fraktion A: Ja 10, Nein 0; Fraktion B: Ja 2, Nein 5 – beschlossen", "Beschlossen"),
        ("Frau Petra Probe, Musterweg 7", None),
        ("", None),
    ],
)
def test_outcomes_are_reduced_to_the_result(text: str, expected: str | None) -> None:
    assert reduce_outcome(text) == expected


def _export(folder: Path, results: list[str]) -> Path:
    """A body with one meeting whose agenda items carry ``results``."""
    items = [
        {
            "id": f"{ROOT}item/{n}",
            "type": "https://schema.oparl.org/1.1/AgendaItem",
            "name": f"Punkt {n}",
            "number": str(n),
            "result": result,
        }
        for n, result in enumerate(results, 1)
    ]
    meeting = {
        "id": f"{ROOT}meeting/1",
        "type": "https://schema.oparl.org/1.1/Meeting",
        "name": "1. Sitzung",
        "start": "2021-03-04T17:00:00+01:00",
        "agendaItem": items,
    }
    folder.mkdir()
    (folder / "meeting.json").write_text(json.dumps(meeting), encoding="utf-8")
    return folder


TABLE = "JaNeinEnthaltungBM1CDU12SPD8Gesamt232"
NAMES = (
    "Einstimmig beschlossen. Herr Erwin Beispielmann, Musterweg 7, 99999 Beispielstadt, befangen."
)


def _outcomes(triples: list, predicate: str) -> dict[str, str]:
    return {
        t.subject.value.rsplit("/", 1)[-1]: t.object.value
        for t in triples
        if t.predicate.value == predicate
    }


def test_the_import_keeps_the_result_and_notes_what_it_could_not_read(tmp_path: Path) -> None:
    result = import_oparl(_export(tmp_path / "export", ["Beschlossen", TABLE, NAMES]), "beispiel")
    outcome = "https://w3id.org/sckg/ontology#outcome"
    assert _outcomes(result.triples, outcome) == {"1": "Beschlossen", "3": "Einstimmig beschlossen"}
    assert _outcomes(result.triples, "http://purl.org/dc/terms/description") == {}
    assert not any(
        "Beispielmann" in str(t.object) or "CDU" in str(t.object) for t in result.triples
    )
    assert result.report.notes == [
        Skipped(
            f"{ROOT}item/2",
            "AgendaItem",
            "field 'result' ignored: no result could be read from it (the text "
            "is kept only with with_persons: it may name persons)",
        ),
    ]


def test_with_persons_the_full_text_is_kept_beside_the_result(tmp_path: Path) -> None:
    result = import_oparl(
        _export(tmp_path / "export", ["Beschlossen", TABLE, NAMES]), "beispiel", with_persons=True
    )
    assert _outcomes(result.triples, "https://w3id.org/sckg/ontology#outcome") == {
        "1": "Beschlossen",
        "3": "Einstimmig beschlossen",
    }
    assert _outcomes(result.triples, "http://purl.org/dc/terms/description") == {
        "2": TABLE,
        "3": NAMES,
    }
    assert result.report.notes == []
