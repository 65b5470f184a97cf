"""German keyword matching (sckg.wordmatch): keywords match whole words or a compound's parts, never
inside a part; the cases come from real council titles (issue 21)."""

from __future__ import annotations

import pytest

from sckg.wordmatch import Keyword, tokens


def found(keyword: str, text: str) -> str | None:
    """The text the keyword matched, or None."""
    span = Keyword.of(keyword).find(tokens(text))
    return text[span[0] : span[1]] if span else None


def test_a_hyphenated_keyword_never_matches_inside_a_part() -> None:
    assert Keyword.of("E-Rechnung").find(tokens("Gebührenbedarfsberechnung")) is None
    assert found("E-Rechnung", "Einführung der E-Rechnung") == "E-Rechnung"
    assert found("E-Rechnung", "ERechnung") == "ERechnung"


@pytest.mark.parametrize(
    ("keyword", "text", "match"),
    [
        (
            "Photovoltaik",
            "Bau einer Flächenphotovoltaikanlage",
            "Flächenphotovoltaikanlage",
        ),  # a middle part
        ("Energie", "Ausweisung von Flächen für Windenergieanlagen", "Windenergieanlagen"),
        (
            "Wärme",
            "Großwärmepumpe im Klärwerk",
            "Großwärmepumpe",
        ),  # ß before the part: positions stay right
        (
            "Glasfaser",
            "Glasfaseranschlüsse für Schulen",
            "Glasfaseranschlüsse",
        ),  # the head, an umlaut in the tail
        ("Mobilität", "Mobilitätsstationen", "Mobilitätsstationen"),
    ],
)
def test_compound_heads_middles_and_tails_match(keyword: str, text: str, match: str) -> None:
    assert found(keyword, text) == match


@pytest.mark.parametrize(
    ("keyword", "text"),
    [
        ("Gründung", "Antragsbegründung"),  # "be" is a prefix, not a part
        ("Kultur", "kulturelle Vielfalt"),  # a derivation in the same part
        ("Parken", "Innovationspark Künstliche Intelligenz"),  # Park is not parken
        ("Schule", "Grundschulden"),
        ("Handel", "Handelnde Personen"),
    ],
)
def test_no_match_inside_a_part(keyword: str, text: str) -> None:
    assert found(keyword, text) is None


def test_a_truncated_compound_takes_the_last_part_of_the_next() -> None:
    """ "Energie- und Klimaschutzagentur" speaks of an Energieagentur."""
    text = "Energie- und Klimaschutzagentur"
    assert found("Energieagentur", text) == "Energie"
    assert found("Klimaschutz", text) == "Klimaschutzagentur"
    assert found("Gründungszentrum", "Gründungs- und Gewerbezentrum") == "Gründungs"
    assert [t.word for t in tokens("Rad- oder Fußverkehr")] == [
        "rad",
        "radverkehr",
        "oder",
        "fussverkehr",
    ]
    assert (
        found("Energieagentur", "Energie - und Agentur") is None
    )  # a dash between words is no truncation
