"""``backprop-companion ex4``: every number Ng's exercise 4 prints as the one to expect, recomputed by the
general network and judged: sigmoidGradient, checkNNGradients at λ = 0 and 3, and (with the reader's own
data files) the cost at the given weights for λ = 0, 1, 3.

The expectations come from :mod:`worked.ex4.printed` (the exercise's print, as data); they are compared
with, never computed from. A value is judged as the walkthrough judges Mazur's: ✓ when the computed
value rounds to the printed digits (:func:`worked.mazur.rounds_to`); the relative difference must be
below the printed bound."""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from backprop_companion.errors import EXIT_CHECK_FAILED, EXIT_OK, UsageError
from backprop_companion.ex4_text import NEEDS, Judged
from backprop_companion.result import CommandResult

if TYPE_CHECKING:
    from worked.ex4 import GradientCheck

CHECK_LAMBDAS = (0.0, 3.0)
"""ex4.m runs checkNNGradients without regularisation (part 5) and with λ = 3 (part 6)."""


@dataclass(frozen=True)
class Ex4Result(CommandResult):
    """The exercise's checks; exit 1 when one shown verdict fails."""

    sigmoid_gradient: tuple[Judged, ...]
    checks: tuple[GradientCheck, ...]
    bound: str
    costs: tuple[Judged, ...]
    data: str | None

    def passes(self, check: GradientCheck) -> bool:
        return check.relative_difference < float(self.bound)

    @property
    def exit_status(self) -> int:
        verdicts = [j.holds for j in (*self.sigmoid_gradient, *self.costs) if j.holds is not None]
        verdicts += [self.passes(c) for c in self.checks]
        return EXIT_OK if all(verdicts) else EXIT_CHECK_FAILED

    def as_json(self) -> dict[str, Any]:
        from worked.ex4 import CHECK_SIZES, parameter_names, printed

        names = parameter_names(CHECK_SIZES)
        return {
            "source": printed.SOURCE,
            "sigmoid_gradient": [
                {"z": j.at, "computed": j.computed, "printed": j.printed, "verdict": j.holds}
                for j in self.sigmoid_gradient
            ],
            "checknngradients": [
                {
                    "lambda": c.l2,
                    "parameters": [n.ng for n in names],
                    "nielsen": [n.nielsen for n in names],
                    "numerical": c.numerical.tolist(),
                    "analytic": c.analytic.tolist(),
                    "relative_difference": c.relative_difference,
                    "below": self.bound,
                    "passed": self.passes(c),
                }
                for c in self.checks
            ],
            "costs": [
                {
                    "lambda": j.at,
                    "computed": j.computed,
                    "printed": j.printed,
                    "verdict": j.holds,
                    **({"needs": NEEDS} if j.computed is None else {}),
                }
                for j in self.costs
            ],
            "data": self.data,
        }

    def as_text(self) -> str:
        from backprop_companion.ex4_text import as_text

        return as_text(self)


def compute(data: str | None) -> Ex4Result:
    """Every check of the exercise; the costs only when ``data`` names a folder with its files."""
    import numpy as np

    from worked.ex4 import COST_LAMBDAS, SIGMOID_GRADIENT_AT, gradient_check, load, printed, sigmoid_gradient
    from worked.mazur import rounds_to

    values = sigmoid_gradient(np.array(SIGMOID_GRADIENT_AT))
    sigmoid = tuple(
        Judged(z, float(g), p.value, rounds_to(float(g), p.value))
        for z, g, p in zip(SIGMOID_GRADIENT_AT, values, printed.SIGMOID_GRADIENT, strict=True)
    )
    checks = tuple(gradient_check(l2) for l2 in CHECK_LAMBDAS)
    exercise = load(data) if data is not None else None
    costs = []
    for l2 in COST_LAMBDAS:
        expected = printed.COSTS[l2].value
        if exercise is None:
            costs.append(Judged(l2, None, expected, None))
        else:
            cost = exercise.cost(l2)
            costs.append(Judged(l2, cost, expected, rounds_to(cost, expected)))
    return Ex4Result(sigmoid, checks, printed.RELATIVE_DIFFERENCE_BELOW.value, tuple(costs), data)


def run(args: argparse.Namespace) -> Ex4Result:
    if args.data is not None and not args.data.strip():
        raise UsageError("--data: an empty folder name (give the folder that holds ex4data1.mat)")
    return compute(args.data)
