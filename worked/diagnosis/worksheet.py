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
from worked.core import InvalidInput, InvalidType
from worked.diagnosis.graded import IMPRECISE as GRADED_IMPRECISE
from worked.diagnosis.graded import STATED_RULE, grade
from worked.diagnosis.notation import canonical
from worked.diagnosis.typed import MIN_FIGURES, parse, quoted
from worked.examples import variant
from worked.mazur import rounded
from worked.tutorial import Model, load


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
        if not isinstance(typed, Mapping):
            raise InvalidType(
                f"a filled sheet maps keys to typed text, e.g. {{'net_h1': '1.2770'}}; got {typed!r:.60}"
            )
        if bad := [(k, v) for k, v in typed.items() if not (isinstance(k, str) and isinstance(v, str))]:
            raise InvalidType(f"keys and typed values are text, e.g. 'net_h1': '1.2770'; got {bad[0]!r:.60}")
        typed = {self.key(k): v for k, v in typed.items()}
        if unknown := [k for k in typed if k not in self.keys]:
            raise InvalidInput(
                f"not on the sheet: {', '.join(unknown)} (the sheet's keys: {', '.join(self.keys)})"
            )
        return tuple(grade_cell(self, key, typed.get(key, ""), min_figures) for key in self.keys)

    def key(self, name: str) -> str:
        """The sheet's key that ``name`` means in the post's or the books' notation (``w5+``, ``δ_o1``),
        or ``name`` itself."""
        read = canonical(name)
        return read if read in self.keys else name

    def answer_text(self, key: str) -> str:
        """The answer to ``key`` as the answer key prints it: to the text's decimals for that key, or more
        when those leave fewer than :data:`~worked.diagnosis.MIN_FIGURES` significant figures (a variant's
        w5 of 0.67 where the post's 0.40 had two). A value that is zero to the text's decimals (an error
        of 4e-31 after 10,000 steps: rounding noise) is written as that zero. A value not zero to ``d``
        decimals is at least half a unit there, so ``d`` + 3 decimals give it 3 figures."""
        value, places = self.model.value(key), self.decimals(key)
        if not Decimal(rounded(value, places)):
            return f"{0:.{places}f}"
        while parse(text := f"{value:.{places}f}").figures < MIN_FIGURES:
            places += 1
        return text


RIGHT, WRONG, IMPRECISE, BLANK, NOT_A_NUMBER = (
    "right",
    "wrong",
    "too imprecise to judge",
    "blank",
    "not a number",
)
GRADES = (RIGHT, WRONG, IMPRECISE, BLANK, NOT_A_NUMBER)
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
    that is not a number is graded :data:`NOT_A_NUMBER`."""
    if not text.strip():
        return Cell(key, "", BLANK, "")
    try:
        found = grade(sheet.model, key, text, min_figures)
    except InvalidInput:  # the cell, not the sheet: the other cells are still graded
        return Cell(key, quoted(text.strip()), NOT_A_NUMBER, sheet.answer_text(key))
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
