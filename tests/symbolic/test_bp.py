"""BP1-BP4 in sympy: the width-generic derivations, a sample of the exact sweep, and a numeric cross-check.

The sweep's oracle is the definitions (δ by cutting the network, gradients by ``sympy.diff``); the
numeric cross-check compares the symbolic definitions with :mod:`worked`'s float64 backprop, an
implementation written separately, at random points.
"""

from __future__ import annotations

import numpy as np
import pytest
from sympy import IndexedBase, Rational, Sum, Symbol, exp

from symbolic import generic
from symbolic.derivation import compare
from symbolic.equations import EQUATIONS, KINDS, ground_truth, positions
from symbolic.functions import ACTIVATIONS, COSTS, Logistic, Sigma, SigmaPrime
from symbolic.network import SymbolicNetwork
from symbolic.sweep import check, shapes, sweep
from worked.core.network import Network

# -- the width-generic derivations -----------------------------------------------------------------


@pytest.fixture(scope="module")
def proofs():
    return {p.label: p for p in generic.proofs()}


def _hows(proof):
    return [step.how for chain in proof.chains for step in chain.steps]


def _derived_by_sympy(proof):
    """The first step differentiates (a Kronecker delta appears) and the last one is refined."""
    hows = _hows(proof)
    assert hows[0] == "sympy.diff" and "Sum.doit()" in hows and hows[-1] == "refine"
    assert "KroneckerDelta" in str(proof.chains[0].steps[0].expr)


def test_BP1_width_generic(proofs):
    bp1 = proofs["BP1"]
    assert bp1.proven
    _derived_by_sympy(bp1)
    z, G = IndexedBase("z^L"), IndexedBase("G")
    assert bp1.chains[0].result == G[generic.j] * SigmaPrime(z[generic.j])
    assert bp1.chains[1].result == G[generic.j]  # (∇_a C)_j, by differentiating the premise too


def test_BP2_width_generic_needs_two_rounds_of_sums(proofs):
    bp2 = proofs["BP2"]
    assert bp2.proven
    _derived_by_sympy(bp2)
    w, d, z = IndexedBase("w^{l+1}"), IndexedBase("delta^{l+1}"), IndexedBase("z^l")
    q, j = generic.q, generic.j
    m = Symbol("n_{l+1}", integer=True, positive=True)
    assert bp2.chains[0].result == Sum(d[q] * w[q, j] * SigmaPrime(z[j]), (q, 1, m))


def test_BP3_width_generic(proofs):
    bp3 = proofs["BP3"]
    assert bp3.proven
    _derived_by_sympy(bp3)


def test_BP4_width_generic_nested_sums_take_two_refines(proofs):
    bp4 = proofs["BP4"]
    assert bp4.proven
    _derived_by_sympy(bp4)
    assert sum(h == "refine" for h in _hows(bp4)) == 2


def test_the_generic_comparison_can_say_no():
    """w instead of wᵀ is not BP2 at symbolic widths: the comparison must not report it proven."""
    w, d, z = IndexedBase("w^{l+1}"), IndexedBase("delta^{l+1}"), IndexedBase("z^l")
    q, j = generic.q, generic.j
    m = Symbol("n_{l+1}", integer=True, positive=True)
    derived = generic.bp2().chains[0].result
    assert compare(derived, Sum(w[j, q] * d[q], (q, 1, m)) * SigmaPrime(z[j])) == ""
    assert compare(derived, Sum(w[q, j] * d[q], (q, 1, m))) == ""


# -- the exhaustive sweep, a sample -------------------------------------------------------------------

SAMPLE = [(1, 1), (3, 2), (2, 1, 3), (1, 3, 2), (3, 3, 3), (2, 1, 2, 1), (2, 3, 1, 2)]
"""Every width 1-3 at every depth 1-3 appears, in and out of square, with a bottleneck of 1."""


def _statement_counts(width, depth):
    counts = dict.fromkeys(KINDS, 0)
    for sizes in shapes(width, depth):
        net = SymbolicNetwork(sizes)  # positions need no expressions, so this is quick
        for kind in KINDS:
            counts[kind] += len(positions(net, kind))
    return counts


def test_the_sweeps_have_the_sizes_the_readme_states():
    assert len(shapes(3, 3)) == 117
    assert _statement_counts(3, 3) == {"BP1": 234, "BP2": 378, "BP3": 612, "BP4": 1224}  # 2,448
    assert len(shapes(4, 4)) == 1360
    assert sum(_statement_counts(4, 4).values()) == 56340


@pytest.mark.parametrize("kind", KINDS)
def test_BPn_on_a_sample_of_the_sweep(kind):
    for sizes in SAMPLE:
        net = SymbolicNetwork(sizes)
        for l, j, k in positions(net, kind):
            outcome = check(net, kind, l, j, k)
            assert outcome.decision.proven, outcome.where


@pytest.mark.parametrize(("activation", "cost"), [("sigmoid", "cross-entropy"), ("tanh", "quadratic")])
def test_concrete_sweeps_prove_everything(activation, cost):
    report = sweep(2, 2, ACTIVATIONS[activation], COSTS[cost], only=[(2, 1, 2), (1, 2, 2)])
    assert report.failed == 0 and report.proven == sum(
        len(positions(SymbolicNetwork(s), k)) for s in report.shapes for k in KINDS
    )


def test_each_statement_is_checked_against_the_definitions_not_against_bp():
    net = SymbolicNetwork((1, 2, 1))
    assert ground_truth(net, "BP4", 1, 2, 1) == net.cost.diff(net.w(1, 2, 1))
    assert ground_truth(net, "BP3", 2, 1) == net.cost.diff(net.b(2, 1))
    # BP2's right side uses the *defined* δ^{l+1}, so BP2 is checked on its own.
    rhs = EQUATIONS["BP2"](net, net.delta, 1, 1, 0)
    assert rhs.has(net.delta(2, 1))


@pytest.mark.slow
def test_the_full_default_sweep(request):
    if "slow" not in (request.config.getoption("-m") or ""):
        pytest.skip("the full sweep (about 6 s) runs with -m slow; `derive --verify` runs it too")
    report = sweep(3, 3)
    assert (report.proven, report.failed, len(report.shapes)) == (2448, 0, 117)
    assert (report.regularised_proven, report.regularised_failed) == (612 + 1224, 0)  # BP3λ, BP4λ


# -- parameter names ----------------------------------------------------------------------------------


def test_parameter_names_are_collision_free():
    net = SymbolicNetwork((11, 11))
    assert net.w(1, 1, 11) != net.w(1, 11, 1)
    assert (net.w(1, 1, 11).name, net.w(1, 11, 1).name) == ("w^1_{1,11}", "w^1_{11,1}")
    names = [s.name for s in net.symbols]
    assert len(names) == len(set(names)) == 11 + 11 + 121 + 11
    naive = {f"w1{j}{k}" for j in range(1, 12) for k in range(1, 12)}
    assert len(naive) < 121  # what the separators prevent: w^1_{1,11} and w^1_{11,1} both "w11111"


@pytest.mark.parametrize("sizes", [[], [2], [2, 0], [2, -1], [2, 1.5], [True, 2]])
def test_bad_sizes_are_refused(sizes):
    with pytest.raises(ValueError, match="sizes"):
        SymbolicNetwork(sizes)


# -- the numeric cross-check against worked ---------------------------------------------------------

REL_TOL = 1e-11
"""worked computes each δ and gradient in float64 through a few dozen operations (each within
2^-53 relative) on inputs of size O(1); the symbolic value is exact at the same binary inputs.
1e-11 leaves a factor of about 10^4 for accumulation and cancellation."""
ABS_TOL = 1e-14
"""For values that happen to be near zero, where a relative bound says nothing."""


def _numeric(expr, point):
    value = expr.xreplace(point).replace(Logistic, lambda t: 1 / (1 + exp(-t)))
    return float(value.evalf(30))


@pytest.mark.parametrize(
    ("sizes", "cost", "seed"), [((2, 3, 2), "quadratic", 1), ((3, 2, 2, 1), "cross-entropy", 2)]
)
def test_symbolic_definitions_agree_with_worked_backprop(sizes, cost, seed):
    rng = np.random.default_rng(seed)
    numeric = Network.random(sizes, rng, activation="sigmoid", cost=cost)
    x, y = rng.standard_normal(sizes[0]), rng.uniform(0.1, 0.9, sizes[-1])
    result = numeric.backprop(x, y)
    net = SymbolicNetwork(sizes, ACTIVATIONS["sigmoid"], COSTS[cost])
    point = {s: Rational(float(v)) for s, v in zip(net.x, x, strict=True)}
    point |= {s: Rational(float(v)) for s, v in zip(net.y, y, strict=True)}
    for l in range(1, net.L + 1):
        for j in range(1, sizes[l] + 1):
            point[net.b(l, j)] = Rational(float(numeric.biases[l - 1][j - 1]))
            for k in range(1, sizes[l - 1] + 1):
                point[net.w(l, j, k)] = Rational(float(numeric.weights[l - 1][j - 1, k - 1]))
    for l in range(1, net.L + 1):
        for j in range(1, sizes[l] + 1):
            expected = [result.deltas[l - 1][j - 1], result.nabla_b[l - 1][j - 1]]
            got = [_numeric(net.delta(l, j), point), _numeric(net.gradient_b(l, j), point)]
            assert got == pytest.approx(expected, rel=REL_TOL, abs=ABS_TOL)
            for k in range(1, sizes[l - 1] + 1):
                value = _numeric(net.gradient_w(l, j, k), point)
                assert value == pytest.approx(result.nabla_w[l - 1][j - 1, k - 1], rel=REL_TOL, abs=ABS_TOL)


def test_sigma_is_undefined_and_its_derivative_is_named():
    t = Symbol("t")
    assert Sigma(t).diff(t) == SigmaPrime(t)
    assert "Subs" not in str(SymbolicNetwork((2, 2)).delta(1, 1))
