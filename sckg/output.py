"""Rows to text: a rich table for the terminal, CSV (formula-safe), JSON and Markdown."""

from __future__ import annotations

import csv
import decimal
import io
import json
from collections.abc import Sequence
from typing import Any

from .choices import Format
from .errors import choice
from .namespaces import shorten

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: Any) -> Any:
    """Neutralise a text cell a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@``) with a quote."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _json_default(value: Any) -> Any:
    if isinstance(value, decimal.Decimal):
        return float(value)
    return str(value)


def _cell(value: Any, short: bool) -> str:
    if value is None:
        return ""
    if isinstance(value, str) and short and "://" in value:
        return shorten(value)
    return str(value)


def render(columns: Sequence[str], rows: Sequence[Sequence[Any]], fmt: str) -> str:
    """Rows as CSV, JSON (a list of objects) or Markdown; ``table`` gives plain aligned text."""
    choice(fmt, Format, "fmt", "format")
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([csv_safe(_cell(v, short=False)) for v in row] for row in rows)
        return buffer.getvalue()
    if fmt == "json":
        records = [dict(zip(columns, row, strict=True)) for row in rows]
        return json.dumps(records, ensure_ascii=False, indent=2, default=_json_default) + "\n"
    if fmt == "md":
        def esc(text: str) -> str:
            return text.replace("|", "\\|").replace("\n", " ")

        lines = ["| " + " | ".join(map(esc, columns)) + " |", "|" + "---|" * len(columns)]
        lines += ["| " + " | ".join(esc(_cell(v, short=True)) for v in row) + " |" for row in rows]
        return "\n".join(lines) + "\n"
    cells = [list(columns)] + [[_cell(v, short=True) for v in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(columns))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines) + "\n"


def emit(columns: Sequence[str], rows: Sequence[Sequence[Any]], fmt: str, title: str | None = None) -> None:
    """Print rows to stdout: a rich table for ``table`` on a terminal, else :func:`render`."""
    if fmt == "table":
        from rich.console import Console
        from rich.table import Table
        from rich.text import Text

        console = Console()
        if console.is_terminal:
            table = Table(*columns, title=title, show_lines=False)
            for row in rows:
                table.add_row(*(Text(_cell(v, short=True)) for v in row))
            console.print(table)
            return
    print(render(columns, rows, fmt), end="")
