"""A typed value of any worked example graded against the stated rule, at the decimals typed.

The search over slips (:func:`~worked.diagnosis.diagnose`) knows Mazur's post by hand; for any other
example (or the post with a reader's own values) a value is graded by the rule alone: judged only with
enough significant figures (as many as the text prints for that key, if fewer than ``min_figures``,
with the reader's own values too), it
passes when the stated rule's value rounded to the typed decimals is the typed number, and a text's own
printed figure is recognised as such.
"""

from __future__ import annotations

from dataclasses import dataclass

from worked.core import InvalidInput
from worked.diagnosis.typed import MIN_FIGURES, Typed, parse
from worked.mazur import rounded
from worked.tutorial import Model

STATED_RULE, IMPRECISE, AS_PRINTED, NOT_REPRODUCED = (
    "stated rule",
    "too imprecise to judge",
    "as printed in the text",
    "not reproduced",
)
"""The grades: the only pass; too few figures; the text's own figure where the rule gives another; wrong
(``backprop_companion.json_schema.STATUSES["check --example"]`` describes them; a test keeps them equal)."""


@dataclass(frozen=True)
class Grade:
    """One typed value: its ``key``, the ``typed`` number, the stated rule's ``expected`` value, and the
    ``status`` (one of the module's grades); ``passed`` only for the stated rule's value."""

    key: str
    typed: Typed
    expected: float
    status: str

    @property
    def passed(self) -> bool:
        """The value is judged and is the stated rule's."""
        return self.status == STATED_RULE

    @property
    def expected_rounded(self) -> str:
        """The stated rule's value at the typed decimals."""
        return rounded(self.expected, self.typed.decimals)


def grade(model: Model, key: str, text: str, min_figures: int = MIN_FIGURES) -> Grade:
    """Grade ``text``, typed for the quantity ``key`` of ``model`` (any name of the grammar, or a printed
    key); :class:`~worked.core.InvalidInput` for an unknown key or a text that is not a bounded number."""
    if isinstance(min_figures, bool) or not isinstance(min_figures, int) or min_figures < 1:
        raise InvalidInput(f"min_figures must be a whole number >= 1, got {min_figures!r}")
    expected = model.value(key)
    typed = parse(text)
    printed = model.example.printed.get(key)
    # The text's precision for a key holds for a reader's own values too: the post prints w5 as 0.40,
    # so a drawn w5 typed as 0.67 (exact) is judged at its 2 figures, not refused as imprecise.
    needed = min(min_figures, parse(printed).figures) if printed else min_figures
    if typed.figures < needed:
        status = IMPRECISE
    elif rounded(expected, typed.decimals) == rounded(typed.number, typed.decimals):
        status = STATED_RULE
    elif printed is not None and not model.overridden and typed.number == parse(printed).number:
        status = AS_PRINTED
    else:
        status = NOT_REPRODUCED
    return Grade(key, typed, expected, status)
