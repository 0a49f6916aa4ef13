"""``check --from FILE`` and ``check --seed N``: a class's worksheet graded cell by cell.

A filled sheet is the CSV that ``worksheet --format csv`` writes (rows ``key,value``: ``example`` and
``seed`` first, then one row per key), or a TOML file::

    example = "mazur"
    seed = 7

    [answers]
    net_h1 = "1.2770"      # strings keep the digits typed (a TOML number 0.10 would read as 0.1)
"""

from __future__ import annotations

import csv
import io
import re
import sys
import tomllib
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any

from backprop_companion.errors import EXIT_CHECK_FAILED, EXIT_OK, UsageError
from backprop_companion.output.tables import fill_prose, format_table
from backprop_companion.result import CommandResult

if TYPE_CHECKING:
    from worked.diagnosis.worksheet import Cell, Worksheet

MAX_SHEET_BYTES = 1 << 20
"""A filled sheet is a few kilobytes; a file over 1 MiB is not one, and is not read into memory."""


@dataclass(frozen=True)
class Filled:
    """A filled sheet as read: which example and seed, and the text typed in each cell by key."""

    example: str
    seed: int
    typed: dict[str, str]


def read(source: str) -> Filled:
    """The filled sheet at ``source`` (``-``: standard input), CSV or TOML (by its suffix, else by its
    content); anything unreadable is exit 2 naming the file, and the line or the key. An example named
    by a relative path is looked for beside the sheet first (where a teacher's files travel together)."""
    where = "standard input" if source == "-" else source
    text = _text(source, where)
    if source.endswith(".toml") or (not source.endswith(".csv") and _is_toml(text)):
        filled = _from_toml(text, where)
    else:
        filled = _from_csv(text, where)
    beside = Path(source).parent / filled.example
    if source != "-" and not Path(filled.example).is_absolute() and beside.is_file():
        return Filled(str(beside), filled.seed, filled.typed)
    return filled


def _text(source: str, where: str) -> str:
    try:
        if source == "-":
            data = sys.stdin.buffer.read(MAX_SHEET_BYTES + 1)
        else:
            with Path(source).open("rb") as handle:
                data = handle.read(MAX_SHEET_BYTES + 1)
    except OSError as error:
        raise UsageError(f"{where}: cannot read the sheet ({error.strerror or error})") from None
    if len(data) > MAX_SHEET_BYTES:
        raise UsageError(f"{where}: a filled sheet is at most {MAX_SHEET_BYTES:,} bytes")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UsageError(f"{where}: not a text file (UTF-8): save the sheet as CSV or TOML") from None


def _is_toml(text: str) -> bool:
    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return False
    return True


def _seed(value: object, where: str) -> int:
    digits = str(value).strip()
    if isinstance(value, bool) or not isinstance(value, (int, str)) or not re.fullmatch(r"[0-9]+", digits):
        raise UsageError(f"{where}: seed: expected a whole number, got {str(value)[:40]!r}")
    return int(digits)


def _from_toml(text: str, where: str) -> Filled:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise UsageError(f"{where}: not a TOML sheet ({error})") from None
    for key in ("example", "seed", "answers"):
        if key not in data:
            raise UsageError(f"{where}: {key}: missing (a sheet gives example, seed and [answers])")
    if unknown := sorted(set(data) - {"example", "seed", "answers"}):
        raise UsageError(f"{where}: {unknown[0]}: unknown (a sheet gives example, seed and [answers])")
    answers = data["answers"]
    if not isinstance(data["example"], str) or not isinstance(answers, dict):
        raise UsageError(f"{where}: example must be a name or a path, and [answers] a table")
    typed = {}
    for key, value in answers.items():
        if not isinstance(value, str):  # a TOML number 0.10 reads as 0.1: the digits typed are lost
            raise UsageError(
                f'{where}: answers.{key}: write the value as a string, e.g. {key} = "0.35891648", so that '
                "its digits are kept as typed"
            )
        typed[key] = value
    return Filled(data["example"], _seed(data["seed"], where), typed)


def _from_csv(text: str, where: str) -> Filled:
    meta: dict[str, str] = {}
    typed: dict[str, str] = {}
    for line, row in enumerate(csv.reader(io.StringIO(text)), start=1):
        cells = [c.strip() for c in row]
        if not any(cells) or (line == 1 and cells[:2] == ["key", "value"]):
            continue
        if len(cells) != 2:
            hint = " (separated by ';'? save the sheet as CSV with commas)" if ";" in ",".join(cells) else ""
            raise UsageError(f"{where}: line {line}: expected two cells, key,value; got {len(cells)}{hint}")
        key, value = cells
        target = meta if key in ("example", "seed") else typed
        if key in target:
            raise UsageError(f"{where}: line {line}: {key} is given twice")
        target[key] = value
    for key in ("example", "seed"):
        if not meta.get(key):
            raise UsageError(f"{where}: {key}: missing (the sheet's first rows are example and seed)")
    return Filled(meta["example"], _seed(meta["seed"], where), typed)


def grade(filled: Filled, min_figures: int, whole: bool) -> SheetResult:
    """Grade ``filled`` against its variant; ``whole``: a key left out is a blank cell (a sheet), else
    only the keys typed are graded (``check --seed N KEY=VALUE``)."""
    from worked.core import InvalidInput
    from worked.diagnosis.worksheet import worksheet

    try:
        sheet = worksheet(filled.example, filled.seed)
        cells = sheet.grade(filled.typed, min_figures)
    except InvalidInput as error:
        raise UsageError(str(error)) from None
    typed = {sheet.key(k) for k in filled.typed}
    return SheetResult(sheet, cells if whole else tuple(c for c in cells if c.key in typed))


@dataclass(frozen=True)
class SheetResult(CommandResult):
    """A graded sheet: exit 1 unless every cell graded is right."""

    sheet: Worksheet
    cells: tuple[Cell, ...]

    @property
    def right(self) -> int:
        return sum(c.grade == "right" for c in self.cells)

    @property
    def exit_status(self) -> int:
        return EXIT_OK if self.right == len(self.cells) else EXIT_CHECK_FAILED

    def as_json(self) -> dict[str, Any]:
        from backprop_companion.json_schema import SCHEMA

        return {
            "schema": SCHEMA,
            "example": self.sheet.example_name,
            "seed": self.sheet.seed,
            "cells": [
                {"key": c.key, "typed": c.typed, "grade": c.grade, "expected": c.expected} for c in self.cells
            ],
            "right": self.right,
            "graded": len(self.cells),
            "passed": self.exit_status == EXIT_OK,
        }

    def as_text(self) -> str:
        from backprop_companion.cmd_worksheet import title

        rows = [[c.key, c.typed or "—", c.expected, _graded(c)] for c in self.cells]
        others = [c for c in self.cells if c.grade != "right"]
        counts = {g: sum(c.grade == g for c in others) for g in dict.fromkeys(c.grade for c in others)}
        summary = f"{self.right} of {len(self.cells)} {'cell' if len(self.cells) == 1 else 'cells'} right"
        if others:
            summary += "; " + ", ".join(f"{n} {grade}" for grade, n in counts.items())
            named = ", ".join(c.key for c in others[:SHOWN])
            summary += f": {named}" + (f" and {len(others) - SHOWN} more" if len(others) > SHOWN else "")
        return "\n".join(
            [
                title(self.sheet, answers=False).replace("Worksheet", "Graded worksheet", 1),
                "(each cell compared at the decimals typed; 'expected': this variant's value, so rounded)",
                "",
                format_table(["quantity", "typed", "expected", "grade"], rows),
                "",
                fill_prose(summary + "."),
            ]
        )


SHOWN = 8
"""Cells named in the summary line; the table above lists them all."""


def _graded(cell: Cell) -> str:
    """The grade, with a hint when a wrong value is one unit off in its last place (an intermediate
    rounded before it was used, as a hand calculation does)."""
    if cell.grade != "wrong" or "e" in cell.typed.lower():
        return cell.grade
    try:
        typed, expected = Decimal(cell.typed), Decimal(cell.expected)
    except InvalidOperation:
        return cell.grade
    exponent = typed.as_tuple().exponent
    assert isinstance(exponent, int)  # a typed cell is a finite number
    if abs(typed - expected) == Decimal(1).scaleb(exponent):
        return "wrong by 1 in the last place (an intermediate rounded?)"
    return cell.grade
