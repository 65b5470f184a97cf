"""How a map looks: one style table (colour and shape per class), the palette for categories, label
wrapping (the page's words are the ``map.*`` entries of :mod:`sckg.words`).

Colours are the Okabe-Ito palette (distinguishable with the common colour-vision deficiencies);
classes of one family share a colour and differ by shape, so no class depends on colour alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Okabe-Ito (2008): blue, orange, bluish green, reddish purple, sky blue, vermillion, yellow,
#: black.
OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
OTHER_COLOR = "#BBBBBB"
NONE_COLOR = "#E4E4E4"
EDGE_COLOR = "#8A8A8A"

_BLUE, _ORANGE, _GREEN, _PURPLE, _SKY, _RED, _YELLOW, _BLACK = OKABE_ITO


@dataclass(frozen=True)
class Style:
    """The look of one class: fill colour, border colour and vis-network shape."""

    color: str
    shape: str
    border: str = ""

    @property
    def outline(self) -> str:
        return self.border or darken(self.color)


#: Class key (``cls`` of a projection node) → style. Families: work (blue), strategy (orange/green),
#: administration (vermillion), bodies (yellow), companies and partners (purple), council business
#: (black), money, law and examples (sky blue).
STYLES: dict[str, Style] = {
    "project": Style(_BLUE, "dot"),
    "programme": Style(_BLUE, "hexagon"),
    "field": Style(_ORANGE, "diamond"),
    "goal": Style(_GREEN, "star"),
    "vision": Style(_GREEN, "hexagon"),
    "city-administration": Style(_RED, "hexagon"),
    "dezernat": Style(_RED, "square"),
    "stabsstelle": Style(_RED, "triangle"),
    "fachbereich": Style(_RED, "dot"),
    "amt": Style(_RED, "triangleDown"),
    "eigenbetrieb": Style(_RED, "diamond"),
    "council": Style(_YELLOW, "hexagon", "#8A7F00"),
    "committee": Style(_YELLOW, "triangleDown", "#8A7F00"),
    "steering-group": Style(_YELLOW, "star", "#8A7F00"),
    "coordination-body": Style(_YELLOW, "square", "#8A7F00"),
    "municipal-company": Style(_PURPLE, "square"),
    "contractor": Style(_PURPLE, "triangle"),
    "research-institution": Style(_PURPLE, "diamond"),
    "external-partner": Style(_PURPLE, "dot"),
    "actor": Style(_PURPLE, "hexagon"),
    "person": Style(_PURPLE, "star"),
    "decision": Style(_BLACK, "square", "#000000"),
    "paper": Style(_BLACK, "triangle", "#000000"),
    "consultation": Style(_BLACK, "triangleDown", "#000000"),
    "meeting": Style(_BLACK, "dot", "#000000"),
    "budget": Style(_SKY, "square"),
    "requirement": Style(_SKY, "triangle"),
    "example": Style(_SKY, "star"),
}
UNKNOWN_STYLE = Style("#999999", "dot", "#5F5F5F")
#: vis-network shapes whose label is drawn below the node (the others draw the label inside and grow
#: with it).
SHAPES = ("dot", "diamond", "square", "triangle", "triangleDown", "star", "hexagon")


def style(cls: str) -> Style:
    """The style of a class key (a grey dot for a class the table does not know)."""
    return STYLES.get(cls, UNKNOWN_STYLE)


def darken(color: str, factor: float = 0.65) -> str:
    """A darker shade of ``#RRGGBB`` (for node borders)."""
    r, g, b = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    return "#{:02X}{:02X}{:02X}".format(*(round(c * factor) for c in (r, g, b)))


def category_colors(count: int) -> list[str]:
    """Colours for ``count`` categories ordered by size: Okabe-Ito for the first eight; the rest
    share
    :data:`OTHER_COLOR` (the legend groups them as "other")."""
    return [OKABE_ITO[i] if i < len(OKABE_ITO) else OTHER_COLOR for i in range(count)]


def wrap_label(text: str, width: int = 24, lines: int = 3) -> str:
    """A label broken into at most ``lines`` lines of at most ``width`` characters: at spaces, after
    hyphens, and inside words longer than a line (marked with a hyphen); the rest is cut off with an
    ellipsis. Only the beginning of the text is read, so a label of megabytes takes no longer than a
    short one."""
    text = " ".join(shorten_text(text, lines * (width + 1) + 1).split())
    if len(text) <= width:
        return text
    rows: list[str] = []
    current = ""
    for word in text.split(" "):
        glue = " " if current else ""
        while len(current) + len(glue) + len(word) > width:
            room = width - len(current) - len(glue)
            cut = word.rfind("-", 0, room) + 1
            if not cut and not current:
                cut = width - 1
                rows.append(word[:cut] + "-")
            elif cut:
                rows.append(current + glue + word[:cut])
            else:
                rows.append(current)
            current, glue, word = "", "", word[cut:]
        current += glue + word
    rows.append(current)
    if len(rows) > lines:
        rows = rows[:lines]
        rows[-1] = rows[-1][: width - 1].rstrip(" -") + "…"
    return "\n".join(rows)


def shorten_text(text: str, limit: int, *, whole_words: bool = False) -> str:
    """The text as it is if it has at most ``limit`` characters; else its beginning, whitespace
    collapsed to single spaces, cut after ``limit`` characters with an ellipsis. With
    ``whole_words`` the cut falls between words (after the last word that fits; inside a word only
    when the first word alone is longer than ``limit``). Linear in ``limit``, not in the length of
    the text: only the words needed are read."""
    if len(text) <= limit:
        return text
    words: list[str] = []
    size = -1
    for match in _WORDS.finditer(text):
        word = match.group()
        words.append(word[: limit - size])
        size += 1 + len(word)
        if size > limit:
            head = " ".join(words)
            cut = head[:limit]
            if whole_words and head[limit] != " " and " " in cut:
                cut = cut[: cut.rfind(" ")]
            return cut.rstrip() + "…"
    return " ".join(words)


_WORDS = re.compile(r"\S+")
