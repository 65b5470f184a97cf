"""The one reader of typed values for the outputs: well-formed literals as values, ill-typed ones
left out and named."""

from datetime import date
from decimal import Decimal

from pyoxigraph import Literal, NamedNode

from sckg.typed import amount, day, left_out, value

XSD = "http://www.w3.org/2001/XMLSchema#"


def typed(text: str, datatype: str) -> Literal:
    return Literal(text, datatype=NamedNode(XSD + datatype))


def test_well_formed_literals_are_values_and_ill_typed_ones_none() -> None:
    assert value(typed("1450000.00", "decimal")) == Decimal("1450000.00")
    assert value(typed("1.450.000,00", "decimal")) is None
    assert value(typed("1E3", "decimal")) is None  # XSD 1.1: no exponent in a decimal
    assert value(typed("ja", "boolean")) is None
    assert value(typed("true", "boolean")) is True
    assert value(NamedNode("https://example.org/a")) == "https://example.org/a"
    assert value(None) is None


def test_amounts_are_numbers_only_and_days_iso_dates_only() -> None:
    assert amount(typed("250000", "decimal")) == Decimal("250000")
    assert amount(typed("7", "integer")) == 7
    assert amount(Literal("250000")) is None  # text, not a number
    assert amount(typed("true", "boolean")) is None
    assert day(typed("2024-03-01", "date")) == date(2024, 3, 1)
    assert day(typed("2024-03-01T10:00:00", "dateTime")) == date(2024, 3, 1)
    assert day(typed("2024-13-01", "date")) is None
    assert day(Literal("März 2024")) is None


def test_left_out_names_each_ill_typed_value_up_to_ten_then_counts(make_kg) -> None:
    kg = make_kg(
        "\n".join(f'ex:b{n:02} schema:value "{n}.000,00"^^xsd:decimal .' for n in range(1, 13))
        + '\nex:b01 rdfs:label "Budget Parken"@de .'
    )
    notes = left_out(kg, "de")
    assert len(notes) == 11
    assert notes[0] == (
        'Ausgelassen: Budget Parken (https://example.org/city/b01), schema:value "1.000,00" ist '
        "kein gültiger Wert vom Typ xsd:decimal."
    )
    assert notes[9] == (
        'Ausgelassen: https://example.org/city/b10, schema:value "10.000,00" ist kein gültiger '
        "Wert vom Typ xsd:decimal."
    )
    assert notes[10] == "… und 2 weitere ungültige Werte (sckg validate nennt alle)."
    assert left_out(make_kg('ex:b schema:value "5"^^xsd:decimal .'), "en") == []
