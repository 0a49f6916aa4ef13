"""The README's table of commands, generated from the argument parser: one source for it and ``--help``.

Only the part between :data:`START` and :data:`END` is generated; the rest of README.md is prose
written by hand. ``backprop-companion docs`` rewrites the part, ``docs --check`` (and the test suite)
shows a diff when it differs from what the parser says now.
"""

from __future__ import annotations

import argparse
import difflib
from pathlib import Path

from backprop_companion.options import PROG, subparsers
from backprop_companion.output.tables import code, markdown_table

START = "<!-- commands:start: generated from the argument parser by `backprop-companion docs` -->"
END = "<!-- commands:end -->"
USAGE_WIDTH = 10_000
"""Wide enough that argparse never wraps a usage line, whatever the terminal (COLUMNS) says."""


def synopsis(parser: argparse.ArgumentParser) -> str:
    """``backprop-companion train [--steps STEPS] ...``: argparse's own usage line, without ``-h``."""
    formatter = argparse.HelpFormatter(parser.prog, width=USAGE_WIDTH)
    # argparse has no public way to format a usage line at a given width or without -h; these are
    # the same attributes its own format_usage() reads.
    shown = [a for a in parser._actions if not isinstance(a, argparse._HelpAction)]
    formatter.add_usage(None, shown, parser._mutually_exclusive_groups, prefix="")
    return " ".join(formatter.format_help().split())


def command_table(parser: argparse.ArgumentParser) -> str:
    """One row per command: its synopsis with every option, and its help text."""
    rows = [[code(synopsis(sub)), sub.description or ""] for sub in subparsers(parser).values()]
    return markdown_table(["command", "what it does"], rows)


def with_table(readme: str, table: str) -> str:
    """``readme`` with the text between the markers replaced by ``table``."""
    before, start, rest = readme.partition(START)
    _, end, after = rest.partition(END)
    if not start or not end:
        raise ValueError(f"README.md has no command table between {START!r} and {END!r}")
    return f"{before}{START}\n{table}\n{END}{after}"


def readme_drift(path: Path, parser: argparse.ArgumentParser) -> str:
    """A unified diff from README.md to README.md with the table the parser gives now ('' if none)."""
    old = path.read_text(encoding="utf-8")
    try:
        new = with_table(old, command_table(parser))
    except ValueError as error:
        return f"{path.name}: {error}\n"
    diff = difflib.unified_diff(
        old.splitlines(keepends=True),
        new.splitlines(keepends=True),
        fromfile=path.name,
        tofile=f"{path.name} (command table from the parser, {PROG} --help)",
    )
    return "".join(diff)
