"""Numbers, amounts of money, shares and dates as people read them in German and English, one
function each: ``1.234,56 €`` / ``€1,234.56``, ``39,9 %`` / ``39.9%``, ``2. Dezember 2026`` / ``2
December 2026``.

Rounding is commercial (half away from zero, on the decimal value as written: 2.675 → 2.68); a value
that rounds to zero shows no minus sign.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date as Date
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal

from .words import check_lang, t

Number = Decimal | float | int


def _rounded(value: Number, digits: int) -> Decimal:
    exact = value if isinstance(value, Decimal) else Decimal(str(value))
    rounded = exact.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    return rounded.copy_abs() if rounded.is_zero() else rounded


def rounded(value: Number, digits: int) -> int | float:
    """``value`` rounded to ``digits`` decimals as :func:`number` writes it, half up (0.25 → 0.3,
    where ``round`` gives 0.2): a number a program reads agrees with the table people read. An
    ``int`` stays as it is."""
    if isinstance(value, int):
        return value
    return float(_rounded(value, digits))


def number(value: Number, lang: str, digits: int = 0) -> str:
    """``value`` with ``digits`` decimals and thousands separators: ``-1.234,5`` / ``-1,234.5``."""
    text = f"{_rounded(value, digits):,.{digits}f}"
    if check_lang(lang) == "de":
        return text.translate(str.maketrans(",.", ".,"))
    return text


def money(value: Number | None, lang: str, digits: int = 2) -> str:
    """An amount in euros: ``1.234,56 €`` / ``€1,234.56``, ``-5,00 €`` / ``-€5.00``; None (not
    known) is ``unbekannt`` / ``unknown``."""
    if value is None:
        return t("money.unknown", lang)
    text = number(value, lang, digits)
    if lang == "de":
        return text + " €"
    return "-€" + text[1:] if text.startswith("-") else "€" + text


def money_total(values: Iterable[Number | None], lang: str, digits: int = 2) -> str:
    """The sum of amounts of which some may be unknown (None): ``unbekannt`` / ``unknown`` when none
    is known (or there are none), ``mindestens 250.000,00 €`` / ``at least €250,000.00`` when some
    are."""
    amounts = list(values)
    known = [v for v in amounts if v is not None]
    if not known:
        return money(None, lang)
    total = money(
        sum((Decimal(str(v)) if isinstance(v, float) else v for v in known), Decimal(0)),
        lang,
        digits,
    )
    return total if len(known) == len(amounts) else t("money.at_least", lang, amount=total)


def percent(share: Number, lang: str, digits: int = 1) -> str:
    """A share (0.399) in per cent: ``39,9 %`` / ``39.9%``."""
    text = number(Decimal(str(share)) * 100, lang, digits)
    return text + " %" if lang == "de" else text + "%"


def long_date(value: Date | str, lang: str) -> str:
    """A date written out: ``2. Dezember 2026`` / ``2 December 2026`` (from a date or an ISO string;
    a datetime counts by its date, text that is no ISO date is returned as it is)."""
    if isinstance(value, str):
        text = value
        try:
            value = Date.fromisoformat(text[:10])
        except ValueError:
            return text
    if isinstance(value, datetime):
        value = value.date()
    return t(
        "date.long", lang, day=value.day, month=t(f"month.{value.month}", lang), year=value.year
    )
