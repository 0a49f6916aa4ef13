"""Alternative computations that reproduce printed numbers the stated rule does not give.

Nothing here *declares* a number wrong. :mod:`worked.tutorial.verdicts` calls a printed number an erratum
only when the stated rule, computed, does not round to it; it then runs every alternative offered
for that key and reports those that do reproduce the printed digits. An alternative is a different
computation, run in full: another update order, another step count, rounding before multiplying.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal

from worked import mazur
from worked.mazur import decimals, rounded
from worked.tutorial.keys import KEYS
from worked.tutorial.model import Model


@dataclass(frozen=True)
class Alternative:
    """A way of computing ``key`` other than the stated rule, and why a reader might meet it."""

    name: str
    key: str
    how: str
    explanation: str | Callable[[Model, Model], str]  # words, or words made from the runs' numbers
    value: Callable[[Model, Model], float | Decimal]  # (stated-rule run, output-first run) -> value
    rounding: str = ROUND_HALF_EVEN
    """How the alternative's value is rounded to the printed digits: half-to-even, like every
    comparison here, unless the alternative is a hand calculation (then half away from zero)."""


def _same_key_output_first(key: str) -> Callable[[Model, Model], float]:
    spec = next(k for k in KEYS if k.key == key)
    return lambda stated, output_first: spec.value(output_first)


_OUTPUT_FIRST_HOW = (
    "the same computation with the update order of the tutorial's first script (2015-03-14): "
    "output weights updated first, hidden deltas then taken through the updated w5..w8"
)
_OUTPUT_FIRST_WHY = (
    "The post says every hidden-layer update uses the original output weights, and its script was "
    "changed to do so on 2015-03-15; these figures of the post (2015-03-17) match instead the earlier "
    "update order, which fed the already-updated output weights into the hidden deltas."
)


def _output_first_explained(stated: Model, output_first: Model) -> str:
    """The output-first explanation, and why the error after one step is no line the first script
    printed."""
    places = decimals(mazur.PRINTED["E_total_after_1"])
    printed_by_script = rounded(output_first.error_after(1) / len(mazur.NEURONS[-1]), places)
    return (
        f"{_OUTPUT_FIRST_WHY} The error after one step, {mazur.PRINTED['E_total_after_1']}, is that "
        "order's arithmetic with E_total as the post defines it, not a line of the first script: it "
        f"printed total_error / len(outputs), half of E_total ({printed_by_script} after one step)."
    )


def _double_rounded_path(stated: Model, output_first: Model) -> Decimal:
    # The post prints ∂E_o1/∂net_o1 to 9 decimals and works on with the printed figure; doing the
    # same for ∂E_o2/∂net_o2 and multiplying by w7 in exact decimal arithmetic, as by hand.
    delta_o2 = Decimal(rounded(stated.delta("o2"), _PLACES))
    return delta_o2 * Decimal(stated.w("w7"))  # w7 = 0.5 is exact in binary and in decimal


_PLACES = decimals(mazur.PRINTED["delta_o1"])


def _double_rounding_explained(stated: Model, output_first: Model) -> str:
    places = _PLACES
    delta_o2, w7 = stated.delta("o2"), stated.w("w7")
    factor = rounded(delta_o2, places)
    product = _double_rounded_path(stated, output_first)
    tie = (
        "a tie at the last printed decimal, "
        if len(str(product).rstrip("0").split(".")[1]) == places + 1
        else ""
    )
    return (
        f"∂E_o2/∂net_o2 = {rounded(delta_o2, places + 2)} rounds to {factor}; times w7 = {w7:g} that is "
        f"exactly {product}, {tie}which rounding by hand (half away from zero) makes "
        f"{rounded(product, places, ROUND_HALF_UP)}. Unrounded, the product is "
        f"{rounded(delta_o2 * w7, places + 2)}, which rounds to {rounded(delta_o2 * w7, places)}: "
        "the post rounded twice, and its last digit is one off."
    )


ALTERNATIVES: tuple[Alternative, ...] = (
    Alternative(
        "double rounding",
        "dEo2_dout_h1",
        f"∂E_o2/∂net_o2 rounded to {_PLACES} decimals first (as the post prints ∂E_o1/∂net_o1), times w7 "
        "exactly, and the product rounded half away from zero, as by hand",
        _double_rounding_explained,
        _double_rounded_path,
        rounding=ROUND_HALF_UP,
    ),
    *(
        Alternative(
            "output-first update order",
            key,
            _OUTPUT_FIRST_HOW,
            _output_first_explained,
            _same_key_output_first(key),
        )
        for key in (
            "E_total_after_1",
            "E_total_after_10000_2017",
            "out_o1_after_10000",
            "out_o2_after_10000",
        )
    ),
    Alternative(
        "off by one step",
        "E_total_after_10000",
        f"the stated rule's E_total after {mazur.STEPS - 1:,} updates instead of {mazur.STEPS:,}",
        f"The printed figure matches the stated rule's error after {mazur.STEPS - 1:,} updates, not "
        f"{mazur.STEPS:,}. It has {decimals(mazur.PRINTED['E_total_after_10000'])} decimals, so it is no "
        "line of the script, which prints round(E, 9). The post's closing outputs, by contrast, match "
        f"the first script's update order after {mazur.STEPS:,} updates (see the output-first errata): "
        "its closing error and its closing outputs match different runs.",
        lambda stated, output_first: stated.error_after(mazur.STEPS - 1),
    ),
)
"""Every alternative computation the walkthrough tries for a printed number the stated rule does not give."""
