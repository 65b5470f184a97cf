"""German keyword matching: inflections by the Snowball stemmer, compounds by word parts.

A text is split into words at spaces, hyphens and punctuation ("E-Autos" → e, autos), compared case- and
umlaut-insensitively (ä → a, ß → ss). A keyword matches a word

- as the same word: equal, the same Snowball stem (Ladestationen ~ Ladestation), or the keyword plus an
  inflection ending (Autos ~ Auto, Ladesäulen ~ Ladesäule);
- as a word part, if the keyword has more than four letters: at the start of a compound followed by an
  ending or by at least three more letters (Digitalisierung → "Digitalisierungskonzeptes", Ladesäule →
  "Ladesäulenkonzept"), or at its end after at least three letters (Ladesäule → "Schnellladesäulen";
  there the keyword's stem is enough: Schule → "Grundschulen", but not "Schulden").

Keywords of up to four letters (WLAN, OZG, 5G, App) only match as the same word ("WLAN-Hotspots", "Apps",
not "SWLAN"). A keyword of several words matches them in a row, the last as the start of a compound
("Open Data" → "Open-Data-Portal"), or written as one word ("Smart Meter" → "Smartmeter").
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
MIN_PART = 3  #: the least letters the other part of a compound must have
_WORD = re.compile(r"[^\W_]+")
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
    """A word of a text: where it stands and its folded form."""

    start: int
    end: int
    word: str
    stem: str = field(compare=False)


def tokens(text: str) -> list[Token]:
    """The words of ``text`` with their positions, folded and stemmed."""
    return [Token(m.start(), m.end(), w := fold(m.group(0)), stem(w)) for m in _WORD.finditer(text)]


def same_word(key: str, key_stem: str, token: Token) -> bool:
    """``token`` is ``key`` in another inflection."""
    return _same_word(key, key_stem, token.word, token.stem)


@lru_cache(maxsize=1 << 20)
def _same_word(key: str, key_stem: str, word: str, word_stem: str) -> bool:
    if word == key or word_stem == key_stem:
        return True
    if word.startswith(key):
        return word[len(key):] in ENDINGS
    return key.startswith(word) and key[len(word):] in ENDINGS


def part_of(key: str, key_stem: str, token: Token, *, head: bool = True) -> bool:
    """``key`` is ``token`` or a part of it at a compound boundary (see the module description); ``head``
    allows it at the end of the compound too."""
    return _part_of(key, key_stem, token.word, token.stem, head)


@lru_cache(maxsize=1 << 20)
def _part_of(key: str, key_stem: str, word: str, word_stem: str, head: bool) -> bool:
    if _same_word(key, key_stem, word, word_stem):
        return True
    if len(key) <= SHORT:
        return False
    if word.startswith(key):
        rest = word[len(key):]
        if rest in ENDINGS or len(rest) >= MIN_PART:
            return True
    if not head:
        return False
    for base in {key, key_stem}:
        index = word.find(base, MIN_PART)
        while index >= 0:
            if word[index + len(base):] in ENDINGS:
                return True
            index = word.find(base, index + 1)
    return False


@dataclass(frozen=True)
class Keyword:
    """A keyword as folded words with their stems; :meth:`find` looks for it in the tokens of a text."""

    text: str
    words: tuple[str, ...]
    stems: tuple[str, ...]

    @property
    def clue(self) -> str:
        """A string every text that matches holds (folded): the first word's stem without its last three
        letters (a keyword matches the keyword less an ending of at most three letters); a quick filter."""
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
            return next(((t.start, t.end) for t in found if part_of(self.words[0], self.stems[0], t)), None)
        joined = "".join(self.words)
        count = len(self.words)
        for i, token in enumerate(found):
            if part_of(joined, stem(joined), token):
                return token.start, token.end
            window = found[i : i + count]
            if len(window) == count and all(
                same_word(w, s, t) for w, s, t in zip(self.words[:-1], self.stems[:-1], window, strict=False)
            ) and part_of(self.words[-1], self.stems[-1], window[-1], head=False):
                return token.start, window[-1].end
        return None
