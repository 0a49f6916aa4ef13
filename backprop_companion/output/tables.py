"""Tables: plain text for the terminal (text left-aligned, numbers aligned on the decimal point) and
Markdown for the docs."""

from __future__ import annotations

from collections.abc import Sequence


def format_table(headers: Sequence[str], rows: Sequence[Sequence[str]], indent: str = "  ") -> str:
    """Columns padded to their widest cell; a column of numbers lines up on the decimal point."""
    raw = [list(c) for c in zip(headers, *rows, strict=True)] if rows else [[h] for h in headers]
    columns = [_align_points(c) if _numeric(c[1:]) else c for c in raw]
    widths = [max(len(cell) for cell in column) for column in columns]
    lines = zip(*columns, strict=True)
    return "\n".join(
        (indent + "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True))).rstrip()
        for cells in lines
    )


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
