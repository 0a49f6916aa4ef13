"""``ex4`` as a reader sees it on a terminal: the exercise's prints, each beside its computation."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from backprop_companion.output.tables import format_table
from backprop_companion.present import GUARD_DIGITS

if TYPE_CHECKING:
    from backprop_companion.cmd_ex4 import Ex4Result
    from worked.ex4 import GradientCheck

OCTAVE_SHORT = "{: .4e}"
"""How ``disp([numgrad grad])`` shows the columns (Octave's format short: 5 significant digits)."""
NEEDS = "needs ex4data1.mat and ex4weights.mat: --data DIR"


@dataclass(frozen=True)
class Judged:
    """One printed number: where it is computed (``at``), the computed value, the print, the verdict."""

    at: float
    computed: float | None
    printed: str
    holds: bool | None  # None: not computed (no data)


def shown(judged: Judged) -> str:
    """The computed value with the printed decimals and the guard digits, or a dash."""
    from worked.mazur import decimals, rounded

    if judged.computed is None:
        return "—"
    return rounded(judged.computed, decimals(judged.printed) + GUARD_DIGITS)


def verdict(holds: bool | None) -> str:
    return {True: "✓", False: "✗", None: NEEDS}[holds]


def check_rows(check: GradientCheck) -> list[list[str]]:
    """One row per entry of nn_params: its position, Ng's and Nielsen's names, both columns."""
    from worked.ex4 import CHECK_SIZES, parameter_names

    names = parameter_names(CHECK_SIZES)
    return [
        [str(n.p), n.ng, n.nielsen, OCTAVE_SHORT.format(num), OCTAVE_SHORT.format(grad)]
        for n, num, grad in zip(names, check.numerical, check.analytic, strict=True)
    ]


def difference_line(result: Ex4Result, check: GradientCheck) -> str:
    sign = "<" if result.passes(check) else "is NOT below"
    mark = "✓" if result.passes(check) else "✗"
    difference = f"{check.relative_difference:.4g}"
    return f"Relative difference ‖num − grad‖ / ‖num + grad‖ = {difference} {sign} {result.bound} {mark}"


def as_text(result: Ex4Result) -> str:
    from worked.ex4 import CHECK_EXAMPLES, CHECK_SIZES, EPSILON, printed

    sizes = "-".join(map(str, CHECK_SIZES))
    out = [
        f"{printed.SOURCE}:",
        "each value it prints as the one to expect, recomputed by the general network; ✓ when the computed",
        f"value rounds to the printed digits (shown with {GUARD_DIGITS} more digits, to see how it rounds).",
        "",
        "sigmoidGradient: g'(z) = g(z)(1 − g(z)), printed with fprintf %f",
        format_table(
            ["z", "computed", "printed", ""],
            [[f"{j.at:g}", shown(j), j.printed, verdict(j.holds)] for j in result.sigmoid_gradient],
        ),
    ]
    for check in result.checks:
        out += [
            "",
            f"checkNNGradients(λ = {check.l2:g}): a {sizes} network from debugInitializeWeights, "
            f"{CHECK_EXAMPLES} examples;",
            f"central differences with e = {EPSILON:.0e} (numerical) beside backprop (analytic), "
            "as disp prints them",
            format_table(["p", "Ng", "Nielsen", "numerical", "analytic"], check_rows(check)),
            "  " + difference_line(result, check),
        ]
    where = f"in {result.data}" if result.data is not None else "(no --data given)"
    out += [
        "",
        f"nnCostFunction at the weights of ex4weights.mat, on the examples of ex4data1.mat {where}",
        format_table(
            ["λ", "computed", "printed", ""],
            [[f"{j.at:g}", shown(j), j.printed, verdict(j.holds)] for j in result.costs],
        ),
    ]
    return "\n".join(out)
