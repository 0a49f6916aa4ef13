"""Alternative computations that reproduce printed numbers the stated rule does not give.

Nothing here *declares* a number wrong. :mod:`worked.walkthrough` calls a printed number an erratum
only when the stated rule, computed, does not round to it; it then runs every alternative offered
for that key and reports those that do reproduce the printed digits. An alternative is a different
computation, run in full: another update order, another step count, rounding before multiplying.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from worked import tutorial
from worked.keys import KEYS, Run
from worked.printed import decimals, rounded


@dataclass(frozen=True)
class Alternative:
    """A way of computing ``key`` other than the stated rule, and why a reader might meet it."""

    name: str
    key: str
    how: str
    explanation: str
    value: Callable[[Run, Run], float]  # (stated-rule run, output-first run) -> value


def _same_key_output_first(key: str) -> Callable[[Run, Run], float]:
    spec = next(k for k in KEYS if k.key == key)
    return lambda stated, output_first: spec.value(output_first)


_OUTPUT_FIRST_HOW = (
    "the same computation with the update order of the tutorial's first script (2015-03-14): "
    "output weights updated first, hidden deltas then taken through the updated w5..w8"
)
_OUTPUT_FIRST_WHY = (
    "The post says every hidden-layer update uses the original output weights, and its script was "
    "changed to do so on 2015-03-15; the post (2015-03-17) kept the closing figures of the earlier "
    "script, which fed the already-updated output weights into the hidden deltas."
)


def _double_rounded_path(stated: Run, output_first: Run) -> float:
    # The post prints ∂E_o1/∂net_o1 to 9 decimals and works on with the printed figure; doing the
    # same for ∂E_o2/∂net_o2 before multiplying by w7 is the rounding that gives its last digit.
    delta_o2 = float(rounded(stated.delta("o2"), decimals(tutorial.PRINTED["delta_o1"])))
    return delta_o2 * stated.w("w7")


ALTERNATIVES: tuple[Alternative, ...] = (
    Alternative(
        "double rounding",
        "dEo2_dout_h1",
        "∂E_o2/∂net_o2 rounded to 9 decimals first (as the post prints ∂E_o1/∂net_o1), then times w7",
        "The exact product rounds to the next digit down; the post rounded an intermediate factor "
        "to 9 decimals before multiplying, so its last printed digit is off by one.",
        _double_rounded_path,
    ),
    *(
        Alternative(
            "output-first update order",
            key,
            _OUTPUT_FIRST_HOW,
            _OUTPUT_FIRST_WHY,
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
        f"the stated rule's E_total after {tutorial.STEPS - 1:,} updates instead of {tutorial.STEPS:,}",
        "The printed figure is the stated rule's error after 9,999 updates, not 10,000: the "
        "off-by-one of a loop that prints the error it computed before its last update.",
        lambda stated, output_first: stated.error_after(tutorial.STEPS - 1),
    ),
)
