"""Agenda-item outcomes without persons: the OParl ``result`` reduced to the result it states.

Servers send the result as free text: "Einstimmig beschlossen", but also vote tables flattened into
text (``JaNeinEnthaltungBM1CDU12…Gesamt232``), and names and addresses in the same field.
:func:`reduce_outcome` keeps what reads as the result and nothing else: the decision ("beschlossen",
"abgelehnt", "zur Kenntnis genommen" …), how it was taken ("einstimmig", "mehrheitlich", "geändert")
and the counts of yes, no and abstentions where each stands once next to its word. Names, addresses
and tables by faction or person stay out.
"""

from __future__ import annotations

import re

#: The result words (the first one in the text counts): pattern → how the outcome says it.
_RESULTS = (
    (r"beschlossen|beschlie(?:ß|ss)t", "beschlossen"),
    (r"abgelehnt", "abgelehnt"),
    (r"angenommen", "angenommen"),
    (r"zugestimmt", "zugestimmt"),
    (r"kenntnis\s+genommen|kenntnisnahme|zur\s+kenntnis", "zur Kenntnis genommen"),
    (r"empfohlen|empfiehlt", "empfohlen"),
    (r"vertagt|vertagung", "vertagt"),
    (r"zurückgestellt|zurückstellung", "zurückgestellt"),
    (r"zurückgezogen", "zurückgezogen"),
    (r"verwiesen|überwiesen|verweisung", "verwiesen"),
    (r"abgesetzt", "abgesetzt"),
    (r"erledigt", "erledigt"),
    (r"ohne\s+(?:votum|beschluss|abstimmung)", "ohne Votum"),
)
#: How the result was taken: at most one of each group, in this order before the result.
_MANNER = (
    ((r"einstimmig", "einstimmig"), (r"mehrheitlich|mit\s+(?:großer\s+)?mehrheit", "mehrheitlich")),
    ((r"ungeändert|unverändert", "ungeändert"), (r"geändert|mit\s+änderung(?:en)?", "geändert")),
)
#: The counts: word pattern → how the outcome names it.
_COUNTS = (
    (r"ja(?:-?stimmen)?|dafür", "Ja"),
    (r"nein(?:-?stimmen)?|gegenstimmen?|dagegen", "Nein"),
    (r"(?:stimm)?enthaltung(?:en)?", "Enthaltungen"),
)
_LETTER = r"[^\W\d_]"


def _word(pattern: str) -> re.Pattern[str]:
    """``pattern`` as a whole word: no letter right before or after it."""
    return re.compile(rf"(?<!{_LETTER})(?:{pattern})(?!{_LETTER})", re.IGNORECASE)


_RESULT_WORDS = [(_word(p), said) for p, said in _RESULTS]
_MANNER_WORDS = [[(_word(p), said) for p, said in group] for group in _MANNER]


def _count_words(side: str) -> str:
    """The count words as named groups ``<side><index>`` (which word a match read)."""
    return "|".join(f"(?P<{side}{n}>{pattern})" for n, (pattern, _) in enumerate(_COUNTS))


#: A count beside its word, separated by a space or a colon (digits that run into letters are a
#: flattened table); read left to right, so that in ``Ja: 20 Nein: 4`` the 20 is not read for Nein
#: as well.
_COUNT_WORDS = re.compile(
    rf"(?<!{_LETTER})(?:{_count_words('a')})(?:\s*[:=]\s*|\s+)(?P<a>\d{{1,3}})(?!\d)"
    rf"|(?<!\d)(?P<b>\d{{1,3}})\s+(?:{_count_words('b')})(?!{_LETTER})",
    re.IGNORECASE,
)


def reduce_outcome(text: str) -> str | None:
    """The result ``text`` states, e.g. ``Einstimmig beschlossen`` or ``Beschlossen (Ja 12, Nein 3,
    Enthaltungen 2)``; ``None`` when none can be read."""
    found = [
        (match.start(), said) for pattern, said in _RESULT_WORDS if (match := pattern.search(text))
    ]
    words = [
        said
        for group in _MANNER_WORDS
        for said in [next((said for pattern, said in group if pattern.search(text)), None)]
        if said
    ]
    words += [min(found)[1]] if found else []
    counts = _counts(text)
    if not words and not counts:
        return None
    if not words:
        return counts
    said = " ".join(words)
    said = said[0].upper() + said[1:]
    return f"{said} ({counts})" if counts else said


def _counts(text: str) -> str:
    """``Ja 12, Nein 3, Enthaltungen 2`` for the counts that stand once each beside their word (a
    word counted twice is a table by faction or person: then none)."""
    numbers: dict[int, list[int]] = {}
    for match in _COUNT_WORDS.finditer(text):
        side = "a" if match["a"] else "b"
        word = next(n for n in range(len(_COUNTS)) if match[f"{side}{n}"])
        numbers.setdefault(word, []).append(int(match[side]))
    if any(len(found) > 1 for found in numbers.values()):
        return ""
    return ", ".join(f"{_COUNTS[n][1]} {numbers[n][0]}" for n in sorted(numbers))
