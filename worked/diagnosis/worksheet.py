"""A worksheet for a class: a variant of a worked example (initial values drawn from a seed by
:func:`worked.examples.variants.variant`), a blank cell for every key the text prints, and its answer
key computed by the general code.

    sheet = worksheet("mazur", seed=7)
    sheet.given                               # the drawn inputs, targets, weights and biases, and η
    sheet.answers()                           # every key -> its value, computed for this variant
    sheet.grade({"net_h1": "1.2770", ...})    # a filled sheet, cell by cell

A cell is graded as :mod:`worked.diagnosis.typed` reads a typed number: at the decimals typed, and
only with enough significant figures to decide anything (the fewer of ``min_figures`` and the figures
the text itself prints for the key).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from pathlib import Path

from worked import examples
from worked.core import InvalidInput
from worked.diagnosis.graded import IMPRECISE as GRADED_IMPRECISE
from worked.diagnosis.graded import STATED_RULE, grade
from worked.diagnosis.typed import MIN_FIGURES, parse
from worked.examples import variant
from worked.tutorial import Model, load

MAX_FIXED_DECIMALS = 12
"""The most decimals an answer is written with; past that, scientific notation is easier to copy."""
SCIENTIFIC_FIGURES = 9
"""Significant figures of an answer in scientific notation: as many as the post's 9 decimals give."""


@dataclass(frozen=True)
class Worksheet:
    """One student's sheet: the example, the seed, and the model computed from the drawn values."""

    example_name: str
    seed: int
    model: Model

    @property
    def given(self) -> dict[str, float]:
        """The drawn initial values by name, then ``eta`` (the example's own)."""
        return dict(self.model.initial)

    @cached_property
    def keys(self) -> tuple[str, ...]:
        """Every key the text prints that is a name of the grammar, in the text's order (the text's own
        extras, such as the post's rounded operand, belong to its numbers, not to a variant's)."""
        ex = self.model.example
        return tuple(k for k in ex.printed if k not in ex.extras)

    def decimals(self, key: str) -> int:
        """The decimals the text prints for ``key``: the answer key gives as many."""
        return self.model.decimals(key)

    def answers(self) -> dict[str, float]:
        """Every key with its value for this variant, computed by the general code."""
        return {key: self.model.value(key) for key in self.keys}

    def grade(self, typed: Mapping[str, str], min_figures: int = MIN_FIGURES) -> tuple[Cell, ...]:
        """Every key of the sheet graded, in the sheet's order (a key not typed is blank); a key that is
        not on the sheet is :class:`~worked.core.InvalidInput` naming it and the sheet's keys."""
        if unknown := [k for k in typed if k not in self.keys]:
            raise InvalidInput(
                f"not on the sheet: {', '.join(unknown)} (the sheet's keys: {', '.join(self.keys)})"
            )
        return tuple(grade_cell(self, key, typed.get(key, ""), min_figures) for key in self.keys)

    def answer_text(self, key: str) -> str:
        """The answer to ``key`` as the answer key prints it: to the text's decimals for that key, or more
        when those leave fewer than :data:`~worked.diagnosis.MIN_FIGURES` significant figures (a variant's
        w5 of 0.67 where the post's 0.40 had two); in scientific notation with
        :data:`SCIENTIFIC_FIGURES` figures when even :data:`MAX_FIXED_DECIMALS` decimals would not do (an
        error of 4e-31 after 10,000 steps)."""
        value = self.model.value(key)
        for places in range(self.decimals(key), MAX_FIXED_DECIMALS + 1):
            text = f"{value:.{places}f}"
            if parse(text).figures >= MIN_FIGURES:
                return text
        return f"{value:.{SCIENTIFIC_FIGURES - 1}e}"


RIGHT, WRONG, IMPRECISE, BLANK = "right", "wrong", "too imprecise to judge", "blank"
GRADES = (RIGHT, WRONG, IMPRECISE, BLANK)
"""A cell's grade: only a sheet whose every cell is right passes."""


@dataclass(frozen=True)
class Cell:
    """One graded cell: the key, what was typed (empty: blank), the grade, and the value computed for
    the variant, rounded to the decimals typed (empty for a blank cell)."""

    key: str
    typed: str
    grade: str
    expected: str


def grade_cell(sheet: Worksheet, key: str, text: str, min_figures: int = MIN_FIGURES) -> Cell:
    """Grade one cell of ``sheet`` as :func:`~worked.diagnosis.grade` grades any typed value; a text
    that is not a number is :class:`~worked.core.InvalidInput`, naming the key."""
    if not text.strip():
        return Cell(key, "", BLANK, "")
    try:
        found = grade(sheet.model, key, text, min_figures)
    except InvalidInput as error:
        raise InvalidInput(f"{key}: {error}") from None
    expected = found.expected_rounded
    if "e" in found.typed.text.lower():  # shown as typed: 3.94e-31 beside 3.94e-31, not 31 zeros
        expected = format(Decimal(expected), f".{max(found.typed.figures, 1) - 1}e")
    verdict = {STATED_RULE: RIGHT, GRADED_IMPRECISE: IMPRECISE}.get(found.status, WRONG)
    return Cell(key, found.typed.text, verdict, expected)


def worksheet(example: str | Path, seed: int) -> Worksheet:
    """The sheet of ``example`` (a shipped name or a TOML file) for ``seed``; a seed that is not a whole
    number 0 ... 2⁶³ − 1 is :class:`~worked.core.InvalidInput`."""
    model = load(example)
    try:
        drawn = variant(model.example, seed)
    except examples.InvalidExample as error:
        raise InvalidInput(str(error)) from None
    sheet = Worksheet(str(example), seed, model.with_values(drawn, complete=True))
    if not sheet.keys:
        raise InvalidInput(
            f"{model.example.file}: printed: the example prints no numbers: a sheet has no cells"
        )
    return sheet
