"""The sweep's differentiation gives ``sympy.diff``'s very expressions, and its δ is still the cut's.

:class:`symbolic.differentiate.Differentiator` applies sympy's own rules node by node, taking each
sub-expression once; these tests hold it to ``sympy.diff`` term for term (``==`` is sympy's
structural equality, not a proof of equivalence), on every parameter of every shape up to widths
2 and depth 3, with every activation and cost on one shape.
"""

from __future__ import annotations

import pytest
from sympy import Abs, Add, Max, Rational, Symbol, log

from symbolic.differentiate import Differentiator
from symbolic.functions import ACTIVATIONS, COSTS, Sigma
from symbolic.network import SymbolicNetwork
from symbolic.regularisation import penalty
from symbolic.sweep import shapes


def _parameters(net: SymbolicNetwork) -> list[Symbol]:
    return [s for s in net.symbols if s not in net.x and s not in net.y]


@pytest.mark.parametrize("sizes", shapes(2, 3), ids=lambda s: "-".join(map(str, s)))
def test_every_gradient_is_sympy_diff_of_the_full_cost(sizes):
    net = SymbolicNetwork(sizes)
    for parameter in _parameters(net):
        assert net.gradient(parameter) == net.cost.diff(parameter)


@pytest.mark.parametrize("activation", ACTIVATIONS)
@pytest.mark.parametrize("cost", COSTS)
def test_every_activation_and_cost_differentiates_as_sympy_does(activation, cost):
    net = SymbolicNetwork((2, 3, 2), ACTIVATIONS[activation], COSTS[cost])
    for parameter in _parameters(net):
        assert net.gradient(parameter) == net.cost.diff(parameter)


@pytest.mark.parametrize("sizes", [(2, 2, 2), (1, 3, 2, 2)], ids=lambda s: "-".join(map(str, s)))
def test_the_defined_delta_is_sympy_diff_of_the_cost_cut_at_each_layer(sizes):
    """δ^l_j: the full cost with z^l replaced by fresh symbols, ``sympy.diff`` by one, z^l put back."""
    net = SymbolicNetwork(sizes)
    for l in range(1, net.L + 1):
        zeta = {net.z(l, j): Symbol(f"cut_{j}") for j in range(1, sizes[l] + 1)}
        cut = net.cost.xreplace(zeta)
        back = {t: z for z, t in zeta.items()}
        for j, t in enumerate(zeta.values(), start=1):
            assert net.delta(l, j) == cut.diff(t).xreplace(back)


def test_the_penalty_differentiates_as_sympy_does():
    net = SymbolicNetwork((2, 2, 1))
    for parameter in _parameters(net):
        assert net.diff(penalty(net), parameter) == penalty(net).diff(parameter)


def test_nodes_with_rules_of_their_own_are_left_to_sympy():
    x, y = Symbol("x"), Symbol("y")
    expr = Abs(x) * Sigma(x * y) + Max(x, y) ** 2 + log(x) ** y
    for variable in (x, y):
        assert Differentiator()(expr, variable) == expr.diff(variable)
    assert Differentiator()(expr, Symbol("z")) == 0


def test_a_derivative_with_a_substitution_is_xreplace_of_the_derivative():
    x, y, t = Symbol("x"), Symbol("y"), Symbol("t")
    shared = Sigma(t + x)
    expr = shared * y + shared**2 * t + Sigma(shared * t) + Max(t, y) * log(t * y) ** 2
    for variable in (t, x):
        derivative = expr.diff(variable)
        assert Differentiator().at(expr, variable, {t: x * y}) == derivative.xreplace({t: x * y})
        assert Differentiator().at(expr, variable, {Symbol("z"): x}) == derivative


@pytest.mark.parametrize("regularised", [False, True], ids=["mean cost", "regularised mean cost"])
@pytest.mark.parametrize(("sizes", "m"), [((2, 2, 2), 3), ((2, 1, 3, 1), 2)], ids=["2-2-2", "2-1-3-1"])
def test_ngs_gradients_of_the_batch_cost_are_sympy_diff(regularised, sizes, m):
    """Ng's oracle: the mean cost of m examples (and its penalty) by every weight and bias, on the
    shapes the accumulation is proved on (symbolic.ng.accumulate in the lemma and regularisation tests)."""
    nets = [SymbolicNetwork(sizes, example=i) for i in range(1, m + 1)]
    cost = Rational(1, m) * Add(*(net.cost for net in nets)) + (penalty(nets[0], m) if regularised else 0)
    for parameter in _parameters(nets[0]):
        assert nets[0].diff(cost, parameter) == cost.diff(parameter)
