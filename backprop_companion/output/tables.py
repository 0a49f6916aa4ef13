"""Tables: plain text for the terminal (text left-aligned, numbers aligned on the decimal point) and
Markdown for the docs."""

from __future__ import annotations

import os
import re
import textwrap
from collections.abc import Sequence

WIDTH = 100
"""Columns of text output unless ``COLUMNS`` says otherwise (or the terminal is narrower)."""
NARROWEST = 16
"""A wrapped column is never made narrower than this: a formula split a word a line reads worse than a
line that overflows."""


def terminal_width() -> int:
    """``COLUMNS`` when set to a positive number, else the terminal's width up to :data:`WIDTH`, else
    :data:`WIDTH` (output to a file or a pipe)."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    try:
        return min(WIDTH, os.get_terminal_size().columns)
    except OSError:
        return WIDTH


def format_table(
    headers: Sequence[str], rows: Sequence[Sequence[str]], indent: str = "  ", width: int | None = None
) -> str:
    """Columns padded to their widest cell; a column of numbers lines up on the decimal point. With
    ``width``, a table wider than that has its text columns wrapped at spaces, widest first, until it
    fits or each is :data:`NARROWEST` (a name with no space in it is never split)."""
    raw = [list(c) for c in zip(headers, *rows, strict=True)] if rows else [[h] for h in headers]
    columns = [
        [[cell] for cell in _align_points(c)] if _numeric(c[1:]) else [[cell] for cell in c] for c in raw
    ]
    widths = [max(len(line) for cell in column for line in cell) for column in columns]
    text = sorted((i for i, c in enumerate(raw) if not _numeric(c[1:])), key=lambda i: -widths[i])
    for i in text if width is not None else ():
        overflow = len(indent) + sum(widths) + 2 * (len(widths) - 1) - (width or 0)
        if overflow <= 0:
            break
        narrower = max(NARROWEST, widths[i] - overflow)
        columns[i] = [textwrap.wrap(c[0], narrower, break_long_words=False) or [""] for c in columns[i]]
        widths[i] = max(len(line) for cell in columns[i] for line in cell)
    out = []
    for row in zip(*columns, strict=True):
        for n in range(max(len(cell) for cell in row)):
            cells = [cell[n] if n < len(cell) else "" for cell in row]
            out.append((indent + "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True))).rstrip())
    return "\n".join(out)


def _numeric(cells: Sequence[str]) -> bool:
    return len(cells) > 0 and all(_looks_numeric(cell) for cell in cells)


def _align_points(column: list[str]) -> list[str]:
    """Pad numbers (not the header) on the left so that their decimal points line up."""
    head, cells = column[0], column[1:]
    point = [c.find(".") if "." in c else len(c) for c in cells]
    most = max(point)
    return [head, *(" " * (most - p) + c for c, p in zip(cells, point, strict=True))]


def _looks_numeric(cell: str) -> bool:
    try:
        float(cell.replace(",", ""))
    except ValueError:
        return cell == ""
    return True


def markdown_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A GitHub-flavoured Markdown table; a ``|`` inside a cell is escaped."""

    def cells(row: Sequence[str]) -> str:
        return "| " + " | ".join(c.replace("|", "\\|") for c in row) + " |"

    return "\n".join([cells(headers), "| " + " | ".join("---" for _ in headers) + " |", *map(cells, rows)])


def code(text: str) -> str:
    """``text`` as inline code in Markdown."""
    return f"`{text}`"


def fill_prose(text: str, initial_indent: str = "", subsequent_indent: str = "") -> str:
    """``text`` wrapped at the prose width (:data:`WIDTH`), never inside a `command` (its spaces held
    together by no-break spaces, which textwrap does not split at) and never inside a word."""
    held = re.sub(r"`[^`]*`", lambda code: code[0].replace(" ", "\N{NO-BREAK SPACE}"), text)
    lines = textwrap.fill(
        held,
        WIDTH,
        break_long_words=False,
        break_on_hyphens=False,
        initial_indent=initial_indent,
        subsequent_indent=subsequent_indent,
    )
    return lines.replace("\N{NO-BREAK SPACE}", " ")
