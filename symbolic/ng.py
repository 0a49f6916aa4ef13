r"""Ng's per-example loop: accumulate :math:`\Delta \mathrel{+}= \delta a^T`, then :math:`D = \Delta/m`.

Andrew Ng's course trains on a batch by looping over its :math:`m` examples: forward pass, the
errors by BP1 and BP2, then :math:`\Delta^l \leftarrow \Delta^l + \delta^l (a^{l-1})^T` (his
layer numbering is one off from Nielsen's: his :math:`\Delta^{(l)}` pairs :math:`\delta^{(l+1)}`
with :math:`a^{(l)}`; Nielsen's is used here), and finally :math:`D^l = \Delta^l / m` (no
regularisation). The claim is that :math:`D` is the gradient of the *mean* cost
:math:`J = \frac1m \sum_i C(a^{L,(i)}, y^{(i)})`. Here the errors come from the recursion
BP1-BP2 itself (:mod:`symbolic.equations`), and each entry of :math:`D` is decided exactly against
``sympy.diff`` of :math:`J`, with an undefined activation and cost and one symbol per input and
target of every example.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from sympy import Add, Expr, Rational

from symbolic.equations import bp1, bp2, bp4
from symbolic.exact import decide
from symbolic.network import SymbolicNetwork


@dataclass(frozen=True)
class Accumulation:
    """How many entries of :math:`D` (weights, then biases) equal the gradient of the mean cost."""

    sizes: tuple[int, ...]
    examples: int
    proven: int
    failed: int

    @property
    def passed(self) -> bool:
        return self.failed == 0 and self.proven > 0


def _recursion(net: SymbolicNetwork) -> Callable[[int, int], Expr]:
    """δ^l_j by BP1 at the output and BP2 below it, memoised."""

    @cache
    def delta(l: int, j: int) -> Expr:
        if l == net.L:
            return bp1(net, delta, l, j)
        return bp2(net, delta, l, j)

    return delta


def accumulate(sizes: tuple[int, ...] = (2, 2, 2), examples: int = 3, mean: bool = True) -> Accumulation:
    """Run Ng's loop over ``examples`` symbolic examples and check :math:`D` against :math:`\\nabla J`.

    ``mean=False`` forgets the :math:`1/m` (:math:`D = \\Delta`): a negative control, which must
    fail for more than one example.
    """
    if examples < 1:
        raise ValueError(f"a batch needs at least one example, got {examples}")
    nets = [SymbolicNetwork(sizes, example=i) for i in range(1, examples + 1)]
    first, scale = nets[0], Rational(1, examples) if mean else Rational(1)
    mean_cost = Rational(1, examples) * Add(*(net.cost for net in nets))
    big_delta_w: dict[tuple[int, int, int], Expr] = {}
    big_delta_b: dict[tuple[int, int], Expr] = {}
    for net in nets:
        delta = _recursion(net)
        for l in range(1, net.L + 1):
            for j in range(1, net.sizes[l] + 1):
                big_delta_b[l, j] = big_delta_b.get((l, j), 0) + delta(l, j)
                for k in range(1, net.sizes[l - 1] + 1):
                    big_delta_w[l, j, k] = big_delta_w.get((l, j, k), 0) + bp4(net, delta, l, j, k)
    checks = [(scale * v, mean_cost.diff(first.w(*key))) for key, v in big_delta_w.items()]
    checks += [(scale * v, mean_cost.diff(first.b(*key))) for key, v in big_delta_b.items()]
    proven = sum(decide(d, gradient).proven for d, gradient in checks)
    return Accumulation(first.sizes, examples, proven, len(checks) - proven)
