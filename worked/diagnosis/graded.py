"""A typed value of any worked example graded against the stated rule, at the decimals typed.

The search over slips (:func:`~worked.diagnosis.diagnose`) knows Mazur's post by hand; for any other
example (or the post with a reader's own values) a value is graded by the rule alone: judged only with
enough significant figures (as many as the text prints for that key, if fewer than ``min_figures``,
with the reader's own values too), it
passes when the stated rule's value rounded to the typed decimals is the typed number (at an exact tie,
either way), and a text's own printed figure is recognised as such. A value wrong even at the precision
typed is wrong, however few its figures; a value that is zero to the decimals the text prints (rounding
noise after a converged training run) is judged at those decimals.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal, localcontext

from worked.core import InvalidInput, InvalidType
from worked.diagnosis.notation import canonical
from worked.diagnosis.typed import MAX_DECIMALS, MAX_INTEGER_DIGITS, MIN_FIGURES, Typed, parse
from worked.examples import known
from worked.mazur import decimals, rounded
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


TIE_ULPS = 8
"""A value within 8 units in its last place (float64) of a half-way point is a tie: its few roundings
(a sum of products, a logistic) can land it either side, and 0.7765 computed as 0.77649999... must
accept the 0.777 a reader rounds by hand as well as the 0.776 the float rounds to."""


def matches(expected: float, typed: Decimal, places: int) -> bool:
    """``typed`` is ``expected`` rounded to ``places`` decimals; at an exact tie (within
    :data:`TIE_ULPS` of it), either way."""
    slack = TIE_ULPS * math.ulp(expected)
    with localcontext() as context:
        context.prec = MAX_INTEGER_DIGITS + MAX_DECIMALS + 2  # every digit a typed value may have
        at = typed.quantize(Decimal(1).scaleb(-places))
    return any(
        Decimal(rounded(value, places)) == at for value in (expected, expected - slack, expected + slack)
    )


def grade(model: Model, key: str, text: str, min_figures: int = MIN_FIGURES) -> Grade:
    """Grade ``text``, typed for the quantity ``key`` of ``model`` (any name of the grammar, or a printed
    key); :class:`~worked.core.InvalidInput` for an unknown key or a text that is not a bounded number."""
    if not isinstance(model, Model):
        raise InvalidType(f"grade needs a Model (tutorial.load('mazur')), got {type(model).__name__}")
    if not isinstance(text, str):
        raise InvalidType(f"a typed value is text, as typed (e.g. '0.35891648'), got {text!r:.60}")
    if isinstance(min_figures, bool) or not isinstance(min_figures, int) or min_figures < 1:
        raise InvalidInput(f"min_figures must be a whole number >= 1, got {min_figures!r}")
    if not known(key, model.example) and key not in model.example.extras:
        key = canonical(key)  # the post's and the books' notation: w5+, δ_o1, ∂E_total/∂w5
    expected = model.value(key)
    typed = parse(text)
    printed = model.example.printed.get(key)
    # The text's precision for a key holds for a reader's own values too: the post prints w5 as 0.40,
    # so a drawn w5 typed as 0.67 (exact) is judged at its 2 figures, not refused as imprecise.
    needed = min(min_figures, parse(printed).figures) if printed else min_figures
    places = typed.decimals
    if printed and typed.decimals >= decimals(printed) and not Decimal(rounded(expected, decimals(printed))):
        # Zero to the text's own decimals (an error of 4e-31 after 10,000 steps is rounding noise,
        # the sign and size of which another correct program gets otherwise): judged at those decimals.
        needed, places = 0, decimals(printed)
    if matches(expected, typed.number, places):
        status = IMPRECISE if typed.figures < needed else STATED_RULE
    elif printed is not None and not model.overridden and typed.number == parse(printed).number:
        status = AS_PRINTED
    else:
        status = NOT_REPRODUCED  # wrong even at the precision typed: wrong, however few its figures
    return Grade(key, typed, expected, status)
