"""Negative controls: the exact verifier must refute wrong versions of BP1-BP4, naming where."""

from __future__ import annotations

import pytest
from sympy import Add, Lambda, Mul, Rational, Symbol

from symbolic.controls import CONTROLS, REGULARISED_CONTROLS, SHAPE, run_control
from symbolic.equations import ground_truth
from symbolic.exact import FIELD, IDENTICAL, RING, decide, refute
from symbolic.functions import Cost, CostPartial, Sigma, SigmaPrime
from symbolic.network import SymbolicNetwork
from symbolic.regularisation import REGULARISED_KINDS, regularised_truth
from symbolic.sweep import check


@pytest.mark.parametrize("control", CONTROLS, ids=lambda c: f"{c.kind}-{c.name}")
def test_each_wrong_equation_is_refuted_with_statement_and_position(control):
    result = run_control(control)
    assert result.passed
    first = result.refuted[0]
    assert first.kind == control.kind and first.sizes == SHAPE
    assert first.where.startswith(f"{control.kind} at l=")
    assert first.witness is not None and first.witness.lhs != first.witness.rhs
    # every position is decided one way or the other: nothing is left "not proven"
    assert len(result.refuted) + len(result.coincide) == len(result.outcomes)


def test_swapping_j_and_k_is_harmless_exactly_on_the_diagonal():
    (swap,) = [c for c in CONTROLS if c.name == "j and k swapped"]
    result = run_control(swap)
    assert {(o.l, o.j, o.k) for o in result.coincide} == {(l, j, j) for l in (1, 2) for j in (1, 2)}


def test_a_true_statement_has_no_witness():
    net = SymbolicNetwork((2, 2))
    lhs = ground_truth(net, "BP4", 1, 2, 1)
    assert refute(lhs, net.a(0, 1) * net.delta(1, 2)) is None
    assert check(net, "BP4", 1, 2, 1).verdict == "proven"


def test_the_witness_is_a_real_counterexample():
    """Evaluate the dropped-σ′ BP1 by hand at the witness point: the sides differ there."""
    net = SymbolicNetwork((1, 1))
    witness = refute(net.delta(1, 1), net.nabla_a(1))
    assert witness is not None
    point = {Symbol(name): Rational(value) for name, value in witness.point}
    z = (net.w(1, 1, 1) * net.x[0] + net.b(1, 1)).xreplace(point)
    a, y = z + z**2 / 2 + z**3 / 3, point[net.y[0]]
    nabla = 2 * (a - y) + 1  # ∂/∂a of (2/2)(a − y)² + a, the witness cost for one output
    assert (str(nabla * (1 + z + z**2)), str(nabla)) == (witness.lhs, witness.rhs)


def _by_the_witness(expr, point):
    """``expr`` at ``point`` under the stated witness (σ(t) = t + t²/2 + t³/3, C(a, y) =
    Σ_j ((j+1)/2)(a_j − y_j)² + Π_j a_j), rewritten whole: the point, then each function in turn."""
    t = Symbol("t")
    sigma = t + t**2 / 2 + t**3 / 3

    def cost(*args):
        n = len(args) // 2
        a, y = args[:n], args[n:]
        return Add(*(Rational(j + 1, 2) * (a[j - 1] - y[j - 1]) ** 2 for j in range(1, n + 1))) + Mul(*a)

    def partial(j, *args):
        ts = [Symbol(f"s{i}") for i in range(len(args))]
        return cost(*ts).diff(ts[int(j) - 1]).xreplace(dict(zip(ts, args, strict=True)))

    value = expr.xreplace(point)
    for kind, function in (
        (Sigma, Lambda(t, sigma)),
        (SigmaPrime, Lambda(t, sigma.diff(t))),
        (Cost, cost),
        (CostPartial, partial),
    ):
        value = value.replace(kind, function)
    return value


@pytest.mark.parametrize("control", CONTROLS + REGULARISED_CONTROLS, ids=lambda c: f"{c.kind}-{c.name}")
def test_each_witness_shows_the_values_of_the_whole_expression_rewritten(control):
    """refute evaluates each shared part once, bottom up; the values are those of the plain rewrite."""
    net = SymbolicNetwork(SHAPE)
    first = run_control(control).refuted[0]
    witness = first.witness
    assert witness is not None
    truth = regularised_truth if control.kind in REGULARISED_KINDS else ground_truth
    lhs = truth(net, control.kind, first.l, first.j, first.k)
    rhs = control.right_side(net, net.delta, first.l, first.j, first.k)
    point = {Symbol(name): Rational(value) for name, value in witness.point}
    point = {s: point[Symbol(s.name)] for s in lhs.free_symbols | rhs.free_symbols}
    shown = (str(_by_the_witness(lhs, point)), str(_by_the_witness(rhs, point)))
    assert shown == (witness.lhs, witness.rhs)


def test_decide_treats_applications_as_variables():
    x, y = Symbol("x"), Symbol("y")
    assert decide(Sigma(x) ** 2 - 1, (Sigma(x) - 1) * (Sigma(x) + 1)).method == RING
    assert decide(Sigma(x) / Sigma(y), Sigma(x) * Sigma(x) / (Sigma(x) * Sigma(y))).method in (
        IDENTICAL,
        FIELD,
    )
    assert not decide(Sigma(x), SigmaPrime(x)).proven
    assert not decide(Cost(x, y), CostPartial(1, x, y)).proven
    assert not decide(Sigma(x + y), Sigma(x) + Sigma(y)).proven
