"""German keyword matching: inflections by the Snowball stemmer, compounds by word parts.

A text is split into words at spaces, hyphens and punctuation ("E-Autos" → e, autos), compared case-
and umlaut-insensitively (ä → a, ß → ss). A keyword matches a word

- as the same word: equal, the same Snowball stem (Ladestationen ~ Ladestation), or the keyword plus
  an inflection ending (Autos ~ Auto, Ladesäulen ~ Ladesäule);
- as a compound's part, if the keyword has more than four letters: at its start, in its middle or at
  its end, followed by an ending or a linking element (s, n, en ...) and where the rest of the word
  is German words again (Digitalisierung → "Digitalisierungskonzeptes", Photovoltaik →
  "Flächenphotovoltaikanlage", Ladesäule → "Schnellladesäulen", Schule → "Grundschulen"). Never
  inside a part: E-Rechnung does not match "Gebührenbedarfsberechnung" ("Gebührenbedarfsb" is no
  word), Gründung not "Antragsbegründung", Kultur not "kulturelle". Which strings are German words
  says the German dictionary of simplemma (a compound's parts have at least three letters and are
  not articles or prepositions).

Keywords of up to four letters (WLAN, OZG, 5G, App) only match as the same word ("WLAN-Hotspots",
"Apps", not "SWLAN"). A keyword of several words matches them in a row, the last as the start of a
compound ("Open Data" → "Open-Data-Portal"), or written as one word ("Smart Meter" → "Smartmeter").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import snowballstemmer  # type: ignore[import-untyped]  # ships no type hints

#: Inflection endings (and linking elements) that may follow a keyword in the same word.
ENDINGS = frozenset({"", "e", "en", "n", "s", "es", "er", "ern", "ens", "nen", "se", "sen"})
SHORT = 4  #: keywords of up to this many letters match whole words only
MIN_PART = 3  #: the least letters a part of a compound must have
#: Suffixes that derive a word from another (kultur-ell, handel-nd): a keyword followed by one is
#: inside a part.
SUFFIXES = (
    "ell",
    "isch",
    "lich",
    "ig",
    "ung",
    "heit",
    "keit",
    "bar",
    "haft",
    "sam",
    "end",
    "nd",
    "ier",
    "ist",
    "ismus",
    "tion",
    "ität",
)
#: Short words that are no compound's part, though the dictionary knows them.
FUNCTION_WORDS = frozenset(
    {
        "den",
        "der",
        "die",
        "das",
        "dem",
        "des",
        "und",
        "ein",
        "eine",
        "einer",
        "einen",
        "mit",
        "von",
        "vom",
        "zum",
        "zur",
        "auf",
        "aus",
        "bei",
        "fur",
        "nach",
        "ihr",
        "ihre",
        "sie",
        "alle",
        "uber",
        "sowie",
        "oder",
        "durch",
        "beim",
        "unter",
        "ohne",
        "gegen",
        "als",
        "wie",
        "bis",
        "neue",
        "neuer",
        "neues",
        "neuen",
    }
)
_WORD = re.compile(r"[^\W_]+")
_TRUNCATED = re.compile(r"-\s+(?:und|oder|bzw\.|sowie)\s+([^\W_]+)")
_FOLD = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})
_STEMMER = snowballstemmer.stemmer("german")


def fold(word: str) -> str:
    """A word case- and umlaut-insensitive: ``Ladesäule`` → ``ladesaule``."""
    return word.casefold().translate(_FOLD)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The German Snowball stem of a folded word."""
    return str(_STEMMER.stemWord(word))


@dataclass(frozen=True)
class Token:
    """A word of a text: where it stands, its folded form and stem, and as written."""

    start: int
    end: int
    word: str
    stem: str = field(compare=False)
    text: str = field(compare=False, default="")


def tokens(text: str) -> list[Token]:
    """The words of ``text`` with their positions, folded and stemmed. A truncated compound
    ("Energie- und Klimaschutzagentur") is followed by the whole word it stands for
    (Energieagentur), at its own place."""
    found = []
    for m in _WORD.finditer(text):
        found.append(Token(m.start(), m.end(), w := fold(m.group(0)), stem(w), m.group(0)))
        if (after := _TRUNCATED.match(text, m.end())) and (tail := last_part(after.group(1))):
            whole = m.group(0) + tail
            found.append(Token(m.start(), m.end(), w := fold(whole), stem(w), whole))
    return found


def last_part(word: str) -> str:
    """The last part of a compound (``Klimaschutzagentur`` → ``agentur``), or "" if it is none."""
    return next(
        (
            word[i:]
            for i in range(MIN_PART, len(word) - MIN_PART + 1)
            if _known(word[i:]) and compound(word[:i])
        ),
        "",
    )


def _known(part: str) -> bool:
    """``part`` (as written) is a German word that can be a compound's part."""
    # 0.2 s to import, 2.5 s to load its German dictionary on first use: only when needed
    import simplemma

    return (
        len(part) >= MIN_PART
        and fold(part) not in FUNCTION_WORDS
        and simplemma.is_known(part, lang="de")
    )


@lru_cache(maxsize=65536)
def compound(text: str) -> bool:
    """``text`` is a German word or a compound of German words, perhaps ending in a linking element
    (s, n ...)."""
    if _known(text) or any(text.endswith(e) and _known(text[: -len(e)]) for e in ENDINGS if e):
        return True
    return any(
        _known(text[i:]) and compound(text[:i]) for i in range(MIN_PART, len(text) - MIN_PART + 1)
    )


def _written(text: str, index: int) -> int:
    """The index in ``text`` of the character at ``index`` of its folded form (ß folds to two
    letters)."""
    folded = 0
    for position, char in enumerate(text):
        if folded >= index:
            return position
        folded += len(fold(char))
    return len(text)


def same_word(key: str, key_stem: str, token: Token) -> bool:
    """``token`` is ``key`` in another inflection."""
    return _same_word(key, key_stem, token.word, token.stem)


@lru_cache(maxsize=1 << 20)
def _same_word(key: str, key_stem: str, word: str, word_stem: str) -> bool:
    if word == key or word_stem == key_stem:
        return True
    if word.startswith(key):
        return word[len(key) :] in ENDINGS
    return key.startswith(word) and key[len(word) :] in ENDINGS


def part_of(key: str, key_stem: str, token: Token, *, head: bool = True) -> bool:
    """``key`` is ``token`` or a part of it (see the module description); ``head`` allows it after
    other parts too, else only at the start."""
    return _part_of(key, key_stem, token.word, token.stem, token.text or token.word, head)


@lru_cache(maxsize=1 << 20)
def _part_of(key: str, key_stem: str, word: str, word_stem: str, text: str, head: bool) -> bool:
    if _same_word(key, key_stem, word, word_stem):
        return True
    if len(key) <= SHORT:
        return False
    index = word.find(key, 0 if head else -1) if head else (0 if word.startswith(key) else -1)
    while index >= 0:
        start, end = _written(text, index), _written(text, index + len(key))
        if (index == 0 or compound(text[:start])) and _rest(word[index + len(key) :], text[end:]):
            return True
        index = word.find(key, index + 1) if head else -1
    return False


def _rest(folded: str, text: str) -> bool:
    """What follows a keyword in a word is an ending, or an ending and more German words (not a
    suffix that makes another word of the keyword: kulturelle, handelnde)."""
    if folded in ENDINGS:
        return True
    return not folded.startswith(SUFFIXES) and any(
        folded.startswith(e)
        and len(folded) - len(e) >= MIN_PART
        and compound(text[_written(text, len(e)) :])
        for e in ENDINGS
    )


@dataclass(frozen=True)
class Keyword:
    """A keyword as folded words with their stems; :meth:`find` looks for it in the tokens of a
    text."""

    text: str
    words: tuple[str, ...]
    stems: tuple[str, ...]

    @property
    def clue(self) -> str:
        """A string every text that matches holds (folded): the first word's stem without its last
        three letters (a keyword matches the keyword less an ending of at most three letters); a
        quick filter."""
        first = self.stems[0] if self.stems else ""
        return first[: max(2, len(first) - 3)]

    @classmethod
    def of(cls, text: str) -> Keyword:
        """The keyword ``text`` (one word or several)."""
        words = tuple(t.word for t in tokens(text))
        return cls(text, words, tuple(stem(w) for w in words))

    def find(self, found: Sequence[Token]) -> tuple[int, int] | None:
        """The character span of the first match in the tokens of a text, or None."""
        if not self.words:
            return None
        if len(self.words) == 1:
            return next(
                ((t.start, t.end) for t in found if part_of(self.words[0], self.stems[0], t)), None
            )
        joined = "".join(self.words)
        count = len(self.words)
        for i, token in enumerate(found):
            if part_of(joined, stem(joined), token):
                return token.start, token.end
            window = found[i : i + count]
            if (
                len(window) == count
                and all(
                    same_word(w, s, t)
                    for w, s, t in zip(self.words[:-1], self.stems[:-1], window, strict=False)
                )
                and part_of(self.words[-1], self.stems[-1], window[-1], head=False)
            ):
                return token.start, window[-1].end
        return None


@dataclass(frozen=True)
class Name:
    """A long name (a project's title) by its significant words (not articles, prepositions ...):
    found in a text that holds at least half of them, and at least two, each as a keyword
    (:class:`Keyword`)."""

    text: str
    keywords: tuple[Keyword, ...]

    @classmethod
    def of(cls, text: str) -> Name:
        """The name ``text``."""
        words = dict.fromkeys(
            t.text for t in tokens(text) if len(t.word) >= MIN_PART and t.word not in FUNCTION_WORDS
        )
        return cls(text, tuple(Keyword.of(word) for word in words))

    @property
    def needed(self) -> int:
        """How many of its words a text must hold."""
        return min(len(self.keywords), max(2, -(-len(self.keywords) // 2)))

    @property
    def clue(self) -> str:
        """A string every text that matches holds (folded): none."""
        return ""

    def find(self, found: Sequence[Token]) -> tuple[int, int] | None:
        """The character span from the first to the last of its words found in the tokens of a text,
        or None."""
        spans = [span for keyword in self.keywords if (span := keyword.find(found))]
        if not spans or len(spans) < self.needed:
            return None
        return min(start for start, _ in spans), max(end for _, end in spans)
