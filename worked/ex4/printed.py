"""What ex4.m prints as the value to expect, as data: each number as the exact string the exercise
prints, with where it prints it. Quoted beside computed values and compared with them; never used to
compute anything (as :mod:`worked.mazur`'s ``PRINTED`` is for Mazur's post)."""

from __future__ import annotations

from dataclasses import dataclass

SOURCE = "Ng, Machine Learning (Coursera), programming exercise 4, ex4.m"


@dataclass(frozen=True)
class Printed:
    """One number the exercise prints as the one to expect, and where."""

    value: str
    where: str


SIGMOID_GRADIENT: tuple[Printed, ...] = tuple(
    Printed(value, "part 5: 'Sigmoid gradient evaluated at [-1 -0.5 0 0.5 1]' (fprintf %f)")
    for value in ("0.196612", "0.235004", "0.250000", "0.235004", "0.196612")
)
RELATIVE_DIFFERENCE_BELOW = Printed(
    "1e-9", "checkNNGradients: 'Relative Difference: ... (should be less than 1e-9)'"
)
COSTS: dict[float, Printed] = {
    0.0: Printed("0.287629", "part 3: 'Cost at parameters (loaded from ex4weights)', 'about 0.287629'"),
    1.0: Printed("0.383770", "part 4: the same cost with regularization, λ = 1, 'about 0.383770'"),
    3.0: Printed(
        "0.576051", "part 6: 'Cost at (fixed) debugging parameters (w/ lambda = 3)', 'about 0.576051'"
    ),
}
"""The cost at the weights of ex4weights.mat on the examples of ex4data1.mat, by λ."""
