"""The Smart City thesaurus (ontology/vocab/concepts.ttl, sckg.concepts): its shape, and what
the word matcher finds with it."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from conftest import ROOT

from sckg.concepts import CONCEPT, concepts_in, field_targets, thesaurus

SDG = "http://metadata.un.org/sdg/"


def test_every_concept_has_german_and_english_labels_and_real_sdg_targets() -> None:
    concepts = thesaurus()
    assert len(concepts) == 74
    assert all(set(c.labels) == {"de", "en"} and c.keywords for c in concepts)
    sdg = {
        q.subject.value
        for q in ox.parse(path=str(ROOT / "ontology/vocab/sdg.ttl"), format=ox.RdfFormat.TURTLE)
        if q.object == ox.NamedNode("http://metadata.un.org/sdg/ontology#Target")
    }
    targets = {t for c in concepts for t in c.targets} | {
        t for found in field_targets().values() for t in found
    }
    assert targets <= sdg
    assert len(field_targets()) == 12  # every reference field of fields.ttl
    assert field_targets()["https://w3id.org/sckg/vocab/field/smart-mobility"] == (SDG + "11.2",)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a compound part, the word as written
        (
            "Gas- und Wasserstandssensoren",
            {"flooding": "Wasserstandssensoren", "sensor-network": "Gas"},
        ),
        ("Digitales Gründerzentrum", {"start-ups": "Gründerzentrum"}),
        # a keyword of two words, inflected
        ("Erhebung und Auswertung urbaner Daten", {"urban-data-platform": "urbaner Daten"}),
        # the first keyword of a concept that matches: "Parken" before "Parkraum"
        ("Parkraum und Parken", {"parking": "Parken"}),
        # general terms of the domain (not words of the labelled titles)
        (
            "Bodenfeuchtesensoren für Stadtbäume",
            {
                "climate-adaptation": "Bodenfeuchtesensoren",
                "sensor-network": "Bodenfeuchtesensoren",
                "urban-green": "Stadtbäume",
            },
        ),
        ("Radabstellanlagen am Bahnhof", {"cycling": "Radabstellanlagen"}),
        # no bare "Integration" (Daten|integration), "Sharing" (Desk-Sharing), "Betreuung"
        ("Datenintegration", {"urban-data-platform": "Datenintegration"}),
        ("Desk-Sharing im Rathaus", {"digital-work": "Desk-Sharing"}),
        ("Kinderbetreuung", {}),
        # not inside a word: "Gründung" names no start-up, "Sport" no part of "Transport"
        ("Gründung Abteilung Mobilität", {}),
        ("Transport", {}),
    ],
)
def test_concepts_in_a_text(text: str, found: dict[str, str]) -> None:
    assert concepts_in(text) == {CONCEPT + c: word for c, word in found.items()}
