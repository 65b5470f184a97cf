"""Rows to text: a rich table for the terminal, CSV (formula-safe), JSON and Markdown.

CSV comes in two dialects: ``standard`` (RFC 4180: comma, decimal point, UTF-8, for pandas, R, Gephi
and scripts) and ``excel`` (semicolon, decimal comma, UTF-8 with byte-order mark, CRLF: what Excel
with German settings opens as columns with the umlauts right). Every field holding a delimiter, a
quote, CR or LF is quoted. The formula guard (on by default) puts ``'`` before a text cell a
spreadsheet would run as a formula; machines reading the file want the values unchanged
(``formula_guard=False``).
"""

from __future__ import annotations

import decimal
import json
import math
import re
import sys
import warnings
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .choices import CsvDialect, Format
from .errors import DataWarning
from .namespaces import shorten
from .words import choice

#: ``progress(what, done, total)``: a long step tells what it does (``files``, ``sections``,
#: ``maps`` ...), how much of it is done, and how much there is (None: not known); the command line
#: shows it on a terminal.
Progress = Callable[[str, int, int | None], None]

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

#: What XML 1.0 does not allow in a document (its ``Char`` production): C0 controls but tab, LF and
#: CR, surrogates, U+FFFE and U+FFFF.
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
#: What a terminal acts on instead of showing: C0 controls but tab and LF, DEL and the C1 controls
#: (CSI, OSC).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
#: What CommonMark (and GitHub's tables and strikethrough) give a meaning inside a line: code,
#: emphasis, links and images (``[``), autolinks and HTML (``<``), entities (``&``), table cells
#: (``|``).
_MD_SPECIAL = re.compile(r"[\\`*_\[\]<>|&~]")
#: What makes a line a heading, a list item or a heading's underline: ``# ``, ``- ``, ``+ ``,
#: ``===``, ``1. ``.
_MD_BLOCK = re.compile(r"^(?:#{1,6}|[-+])(?=\s|$)|^=+$")
_MD_LIST = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")


def xml_text(text: str) -> str:
    """``text`` with each character XML 1.0 forbids replaced by U+FFFD (�), so any XML parser reads
    it."""
    return _NOT_XML.sub("\ufffd", text)


@dataclass
class XmlCleaner:
    """Makes the texts of entities fit for an XML format (:func:`xml_text`) and says whose texts it
    changed."""

    format_name: str
    changed: Counter[str] = field(default_factory=Counter)

    def clean(self, value: Any, entity: str) -> Any:
        """``value`` fit for XML; a changed text is counted for ``entity``."""
        if isinstance(value, str) and (cleaned := xml_text(value)) != value:
            self.changed[entity] += 1
            return cleaned
        return value

    def warn(self) -> None:
        """A :class:`DataWarning` naming the entities whose texts were changed, if any."""
        if not self.changed:
            return
        count, first = self.changed.total(), next(iter(self.changed))
        texts = f"{count} text{'s' if count > 1 else ''}"
        whose = (
            first if len(self.changed) == 1 else f"{len(self.changed)} entities (first: {first})"
        )
        warnings.warn(
            DataWarning(
                f"{texts} of {whose} held characters {self.format_name} does not allow; "
                "each was replaced by \ufffd."
            ),
            stacklevel=3,
        )


def terminal_text(text: str) -> str:
    """``text`` with each control character a terminal would act on (escape sequences) shown as
    ``?``."""
    return _CONTROL.sub("?", text)


def md_text(value: Any, *, block: bool = False) -> str:
    """A data value as Markdown text that every CommonMark renderer shows as it is, on one line: no
    HTML, link, image, entity or emphasis comes through (each such character gets a backslash), and
    with ``block`` (the value starts a paragraph or a list item) no heading or list marker
    either."""
    text = _MD_SPECIAL.sub(r"\\\g<0>", " ".join(("" if value is None else str(value)).split()))
    return _MD_LIST.sub(r"\g<1>\\\g<2>", _MD_BLOCK.sub(r"\\\g<0>", text)) if block else text


def csv_safe(value: Any) -> Any:
    """Neutralise a text cell a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@``) with
    a quote."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _json_default(value: Any) -> Any:
    if isinstance(value, decimal.Decimal):
        return _json_number(float(value))
    return str(value)


def _json_number(value: Any) -> Any:
    """A number as JSON holds it: NaN and the infinities, which JSON has no word for, as their
    lexical forms in XSD (``NaN``, ``INF``, ``-INF``)."""
    if isinstance(value, float) and not math.isfinite(value):
        return "NaN" if math.isnan(value) else ("INF" if value > 0 else "-INF")
    return value


def _cell(value: Any, short: bool) -> str:
    if value is None:
        return ""
    if isinstance(value, str) and short and "://" in value:
        return shorten(value)
    return str(value)


def render(
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    fmt: str,
    *,
    formula_guard: bool = True,
    csv_dialect: str = "standard",
    short_iris: bool = True,
) -> str:
    """Rows as CSV, JSON (a list of objects) or Markdown; ``table`` gives plain aligned text, and it
    and Markdown show IRIs as prefixed names unless ``short_iris`` is false. For CSV,
    ``csv_dialect`` and ``formula_guard`` as the module says."""
    choice(fmt, Format, "fmt", "choice.format")
    if fmt == "csv":
        return render_csv(columns, rows, formula_guard=formula_guard, csv_dialect=csv_dialect)
    if fmt == "json":
        records = [{c: _json_number(v) for c, v in zip(columns, row, strict=True)} for row in rows]
        return json.dumps(records, ensure_ascii=False, indent=2, default=_json_default) + "\n"
    if fmt == "md":
        lines = ["| " + " | ".join(map(md_text, columns)) + " |", "|" + "---|" * len(columns)]
        lines += [
            "| " + " | ".join(md_text(_cell(v, short=short_iris)) for v in row) + " |"
            for row in rows
        ]
        return "\n".join(lines) + "\n"
    cells = [list(columns)] + [[_cell(v, short=short_iris) for v in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(columns))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines) + "\n"


def render_csv(
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    formula_guard: bool = True,
    csv_dialect: str = "standard",
) -> str:
    """Rows as CSV in a dialect (see the module); a field is quoted when it holds the delimiter, a
    quote, CR or LF (Python's csv module leaves a lone CR unquoted, and readers then start a new row
    there)."""
    choice(csv_dialect, CsvDialect, "csv_dialect", "choice.csv_dialect")
    excel = csv_dialect == CsvDialect.excel
    delimiter, newline = (";", "\r\n") if excel else (",", "\n")
    special = (delimiter, '"', "\r", "\n")

    def field(value: Any) -> str:
        if excel and isinstance(value, (float, decimal.Decimal)):
            text = str(value).replace(".", ",")
        else:
            text = _cell(value, short=False)
            text = (
                csv_safe(text) if formula_guard and isinstance(value, str) else text
            )  # numbers are no formulas
        return '"' + text.replace('"', '""') + '"' if any(c in text for c in special) else text

    def line(values: Sequence[Any]) -> str:
        fields = [field(v) for v in values]
        return (delimiter.join(fields) if fields != [""] else '""') + newline

    return ("\ufeff" if excel else "") + line(columns) + "".join(line(row) for row in rows)


def emit(
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    fmt: str,
    title: str | None = None,
    **options: Any,
) -> None:
    """Print rows to stdout: a rich table for ``table`` on a terminal, else :func:`render`
    (``options``: its keyword options)."""
    if fmt == "table":
        from rich.console import Console
        from rich.table import Table
        from rich.text import Text

        console = Console()
        if console.is_terminal:
            table = Table(*columns, title=title, show_lines=False)
            for row in rows:
                short = options.get("short_iris", True)
                table.add_row(*(Text(terminal_text(_cell(v, short=short))) for v in row))
            console.print(table)
            return
    text = render(columns, rows, fmt, **options)
    print(terminal_text(text) if sys.stdout.isatty() else text, end="")
