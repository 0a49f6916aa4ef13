"""L2 regularisation in sympy: the regularised BP4, the unchanged BP3, and the mistakes the verifier refutes.

The oracle is ``sympy.diff`` of the regularised cost :math:`C_0 + (λ/2m)Σw^2`, built from its
definition; the right-hand sides use the *unregularised* δ (defined by cutting the network).
"""

from __future__ import annotations

import pytest
from sympy import Rational

from symbolic import generic
from symbolic.controls import REGULARISED_CONTROLS, SHAPE, run_control
from symbolic.derivation import compare
from symbolic.equations import positions
from symbolic.exact import decide
from symbolic.generic_regularised import regularised_proofs
from symbolic.network import SymbolicNetwork
from symbolic.ng import accumulate
from symbolic.regularisation import (
    LAMBDA,
    REGULARISED_KINDS,
    M,
    bp4_regularised,
    penalty,
    regularised_cost,
    regularised_network,
    regularised_positions,
    regularised_truth,
)
from symbolic.sweep import check, sweep

# -- width-generic -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def proofs():
    return {p.label: p for p in regularised_proofs()}


def test_regularised_bp4_width_generic_is_derived_by_sympy(proofs):
    bp4 = proofs["BP4λ"]
    hows = [step.how for step in bp4.chains[0].steps]
    assert bp4.proven and hows[0] == "sympy.diff" and hows[-1] == "refine"
    assert "KroneckerDelta" in str(bp4.chains[0].steps[0].expr) and LAMBDA in bp4.chains[0].start.free_symbols


def test_regularised_bp3_width_generic_the_bias_gradient_is_unchanged(proofs):
    bp3 = proofs["BP3λ"]
    assert bp3.proven and bp3.chains[0].steps[0].how == "sympy.diff"
    assert bp3.chains[0].result == generic.layer_cost()[4][generic.j]  # δ^l_j, with no λ left in it


def test_the_regularised_generic_comparison_can_say_no(proofs):
    """λ/2m for λ/m in BP4, and a decayed bias in BP3, are not what sympy derives."""
    _, w, b, a, d, _, _, _ = generic.layer_cost()
    j, k = generic.j, generic.k
    assert compare(proofs["BP4λ"].chains[0].result, a[k] * d[j] + LAMBDA / (2 * M) * w[j, k]) == ""
    assert compare(proofs["BP4λ"].chains[0].result, a[k] * d[j]) == ""
    assert compare(proofs["BP3λ"].chains[0].result, d[j] + LAMBDA / M * b[j]) == ""


# -- the sweep ----------------------------------------------------------------------------------------

SAMPLE = [(1, 1), (3, 2), (2, 1, 3), (1, 3, 2), (2, 1, 2, 1)]
"""Depths 1-3, widths 1-3, in and out of square, with a bottleneck of 1 (as test_bp's sample, smaller)."""


def test_the_penalty_covers_every_weight_and_no_bias():
    net = SymbolicNetwork((2, 3, 1))
    weights = {w for l in (1, 2) for row in net.weights[l] for w in row}
    assert penalty(net).free_symbols == weights | {LAMBDA, M}
    assert penalty(net).xreplace({w: 1 for w in weights}) == LAMBDA / (2 * M) * len(weights)


def test_regularised_gradient_is_sympy_diff_of_the_whole_regularised_cost():
    """The sweep takes ∂(C_0 + penalty) term by term; here it is taken of the cost as one expression."""
    net = SymbolicNetwork((2, 1, 2))
    cost = regularised_cost(net)
    for kind in REGULARISED_KINDS:
        for l, j, k in regularised_positions(net, kind):
            parameter = net.w(l, j, k) if kind == "BP4λ" else net.b(l, j)
            assert decide(regularised_truth(net, kind, l, j, k), cost.diff(parameter)).proven


@pytest.mark.parametrize("kind", REGULARISED_KINDS)
def test_regularised_bp4_and_unchanged_bp3_on_a_sample_of_the_sweep(kind):
    for sizes in SAMPLE:
        net = SymbolicNetwork(sizes)
        for l, j, k in regularised_positions(net, kind):
            outcome = check(net, kind, l, j, k)
            assert outcome.decision.proven, outcome.where


def test_the_sweep_proves_the_regularised_statements_and_counts_them_apart():
    report = sweep(2, 2, only=[(2, 1, 2), (1, 2, 2)])
    nets = [SymbolicNetwork(s) for s in report.shapes]
    assert (report.regularised_failed, report.regularised_failures) == (0, [])
    assert {kind: r.proven for kind, r in report.regularised.items()} == {
        "BP3λ": sum(len(positions(n, "BP3")) for n in nets),
        "BP4λ": sum(len(positions(n, "BP4")) for n in nets),
    }
    assert report.proven == sum(len(positions(n, kind)) for n in nets for kind in report.kinds)


@pytest.mark.parametrize("sizes", [(2, 1, 2), (1, 2, 2, 1)])
def test_the_penalty_leaves_delta_and_bp1_to_bp3_unchanged(sizes):
    """On a network whose cost includes the penalty, every definition is taken afresh from it."""
    plain, net = SymbolicNetwork(sizes), regularised_network(sizes)
    assert LAMBDA in net.cost.free_symbols
    for l in range(1, net.L + 1):
        for j in range(1, sizes[l] + 1):
            assert decide(net.delta(l, j), plain.delta(l, j)).proven  # δ^l_j of C is δ^l_j of C_0
    for kind in ("BP1", "BP2", "BP3"):
        for l, j, k in positions(net, kind):
            assert check(net, kind, l, j, k).decision.proven, kind
    for l, j, k in regularised_positions(net, "BP4λ"):  # ∂C/∂w by diff of C as one expression
        assert decide(net.gradient_w(l, j, k), bp4_regularised(net, plain.delta, l, j, k)).proven
    assert not check(net, "BP4", 1, 1, 1).decision.proven  # the unregularised BP4 no longer holds


@pytest.mark.parametrize("control", REGULARISED_CONTROLS, ids=lambda c: f"{c.kind}-{c.name}")
def test_each_wrong_regularised_gradient_is_refuted_with_a_witness(control):
    result = run_control(control)
    assert result.passed and result.sizes == SHAPE
    first = result.refuted[0]
    assert first.where.startswith(f"{control.kind} at l=")
    assert first.witness is not None and first.witness.lhs != first.witness.rhs
    point = dict(first.witness.point)
    batch, strength = Rational(point["m"]), Rational(point["λ"])
    assert batch.is_integer and batch >= 1 and strength > 0  # a real batch and a real λ
    assert len(result.refuted) + len(result.coincide) == len(result.outcomes)


def test_regularising_the_bias_is_refuted_at_every_bias():
    (bias,) = [c for c in REGULARISED_CONTROLS if c.name == "bias regularised"]
    result = run_control(bias)
    assert len(result.refuted) == len(result.outcomes) == 2 + 2


def test_at_a_unit_weight_the_squared_penalty_coincides_and_the_halved_one_does_not():
    """The controls are refuted for the right reason: each wrong term is wrong as a function of w."""
    net = SymbolicNetwork((1, 1))
    w, named = net.w(1, 1, 1), {c.name: c for c in REGULARISED_CONTROLS}
    lhs = regularised_truth(net, "BP4λ", 1, 1, 1)
    squared = named["(λ/m) w² for (λ/m) w"].right_side(net, net.delta, 1, 1, 1)
    half = named["λ/2m for λ/m"].right_side(net, net.delta, 1, 1, 1)
    assert decide(lhs.xreplace({w: 1}), squared.xreplace({w: 1})).proven
    assert not decide(lhs.xreplace({w: 1}), half.xreplace({w: 1})).proven
    assert not decide(lhs, squared).proven and not decide(lhs, half).proven


# -- Ng's accumulation with λ ---------------------------------------------------------------------


def test_ng_regularised_D_is_the_gradient_of_the_regularised_mean_cost():
    """D = Δ/m + (λ/m)Θ for the weight columns, Δ/m for the bias column, against ∇(J + (λ/2m)Σw²)."""
    result = accumulate((2, 2, 2), 3, regularised=True)
    assert result.passed and result.regularised
    assert (result.weights_proven, result.biases_proven) == (4 + 4, 2 + 2)
    deeper = accumulate((2, 1, 3, 1), 2, regularised=True)
    assert deeper.passed and (deeper.weights_proven, deeper.biases_proven) == (2 + 3 + 3, 1 + 3 + 1)


def test_ng_regularising_the_bias_column_is_refuted_at_every_bias_with_a_witness():
    result = accumulate((2, 2, 2), 3, regularised=True, decay_biases=True)
    assert (result.weights_proven, result.biases_proven, result.failed) == (8, 0, 4)
    # Ng's Θ^(1): the bias column of the weights leaving layer 1
    assert result.first_failed == "D^(1)_{1,0}" and result.witness is not None
    assert Rational(dict(result.witness.point)["λ"]) > 0
    assert result.witness.lhs != result.witness.rhs


def test_ng_forgetting_one_over_m_is_refuted_with_the_penalty_too():
    assert accumulate((2, 2, 2), 2, mean=False, regularised=True).proven == 0


def test_ng_bias_decay_without_regularisation_is_refused():
    with pytest.raises(ValueError, match="regularised=True"):
        accumulate((1, 1), 1, decay_biases=True)
