"""The gradient checker on fixed networks: what it reports, where it refuses, how kinks are treated."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from tests import expected
from worked import mazur, tutorial
from worked.core.network import Network
from worked.gradcheck import gradcheck
from worked.gradcheck.bugs import BUGS
from worked.gradcheck.names import bias_names, delta_names, weight_names
from worked.gradcheck.numerical import machine_epsilon
from worked.gradcheck.report import Comparison, Tolerance
from worked.mazur.printed import rounds_to

TAYLOR_SLOPE_TOL = 0.05
"""A smooth remainder c₂h² + c₃h³ fitted over h ≤ 1e-3 has slope 2 + O(h·c₃/c₂): well inside 0.05 here;
a wrong gradient's h·|⟨e, d⟩| gives 1 + O(h·c₂/|⟨e, d⟩|), as close to 1."""


Point = tuple[Network, np.ndarray, np.ndarray]


ROUNDING_SLACK = 1e-14
"""Two ways of computing the same quotient of powers differ by a few roundings, each ≤ ε ≈ 2.2e-16."""


def tutorial_point() -> Point:
    return tutorial.network(), tutorial.x(), tutorial.y()


def batch_of_three() -> Point:
    """The tutorial's network on three examples (so that a missing 1/m can show)."""
    rng = np.random.default_rng(7)
    return tutorial.network(), rng.uniform(-1, 1, (3, 2)), rng.uniform(0, 1, (3, 2))


def test_exhaustive_names_every_parameter_once_in_both_notations() -> None:
    report = gradcheck(*tutorial_point(), "exhaustive")
    names = [(c.name, c.ng) for c in report.comparisons]
    expected = []
    for l in (2, 3):  # the layers the weights feed; the input is layer 1
        expected += [weight_names(l, j, k) for j in (1, 2) for k in (1, 2)]
        expected += [bias_names(l, j) for j in (1, 2)]
    assert names == expected
    # Both books count the input as layer 1: Mazur's w5 is w^3_11 (into layer 3), Θ^(2)_11 (from layer 2).
    assert ("w^3_11", "Θ^(2)_11") in names
    assert ("b^2_2", "Θ^(1)_20") in names  # Ng's bias unit is column 0
    assert report.evaluations == 2 * 12
    assert report.passed, report.verdict


def test_exhaustive_reproduces_the_tutorials_printed_gradients() -> None:
    # An oracle independent of the code: the digits Mazur printed for ∂E_total/∂w5 and ∂E_total/∂w1.
    report = gradcheck(*tutorial_point(), "exhaustive")
    by_name = {c.name: c for c in report.comparisons}
    for name, key in (("w5", "dEtotal_dw5"), ("w1", "dEtotal_dw1")):
        n = mazur.NAMES[name]
        comparison = by_name[weight_names(n.layer, n.j, n.k)[0]]
        assert rounds_to(comparison.numerical, expected.PRINTED[key].value)
        assert rounds_to(comparison.analytic, expected.PRINTED[key].value)


def test_analytic_side_is_backprops_value_unchanged() -> None:
    network, x, y = tutorial_point()
    bp = network.backprop(x, y)
    report = gradcheck(network, x, y, "exhaustive")
    analytic = np.array([c.analytic for c in report.comparisons])
    expected = np.concatenate(
        [v.ravel() for w, b in zip(bp.nabla_w, bp.nabla_b, strict=True) for v in (w, b)]
    )
    # Exactness is the point: the report must quote backprop's numbers, not a recomputation.
    assert np.array_equal(analytic, expected)
    equations = gradcheck(network, x, y, "equations")
    deltas = {c.name: c.analytic for c in equations.comparisons if c.equation in ("BP1", "BP2")}
    for l, delta in enumerate(bp.deltas, start=2):  # deltas[0] is δ of layer 2, the input being layer 1
        for j, value in enumerate(delta, start=1):
            assert deltas[delta_names(l, j)[0]] == value  # exact, as above


@pytest.mark.parametrize("mode", ["exhaustive", "directional", "equations", "taylor"])
def test_every_mode_passes_the_tutorial(mode: str) -> None:
    report = gradcheck(*tutorial_point(), mode, with_taylor=True)
    assert report.passed, report.verdict
    assert report.warnings == ()
    assert report.taylor is not None and report.taylor.slope is not None
    assert abs(report.taylor.slope - 2) < TAYLOR_SLOPE_TOL


def test_taylor_slope_is_one_for_a_wrong_gradient() -> None:
    report = gradcheck(*batch_of_three(), "taylor", backward=BUGS["missing-sigma-prime"].backward)
    assert report.taylor is not None and report.taylor.slope is not None
    assert abs(report.taylor.slope - 1) < TAYLOR_SLOPE_TOL
    assert not report.passed


def barely_coupled_hidden_biases() -> Point:
    """A [3, 5, 1] tanh-sigmoid network whose output weights are zero but one (0.066), at x = 0,
    y = 0: the cost depends on the hidden biases b^2 so little that only five steps of the Taylor
    test rise above the rounding floor, and along b^2 the h² and h³ terms of the one-sided
    remainder cancel near h = 0.03. A fit through that dip read this right gradient as slope 1.45
    (found by a random search of 3,000 such networks; the property test met one like it)."""
    weights = [
        np.array(
            [
                [-0.38843543025311345, 1.0160941425367334, -1.8748503914213765],
                [0.767847617139993, -1.3096484064864078, -1.7701874574897074],
                [0.9119834147169863, 0.37144917080059425, 1.0278620454798566],
                [1.7593272112942415, -1.249631250356837, -1.229254160337382],
                [0.7770632866834895, 1.6069471940258677, -0.12782463295934177],
            ]
        ),
        np.array([[0.0, 0.0, 0.06629892438987683, 0.0, 0.0]]),
    ]
    biases = [np.array([0.0, 0.0, 0.0, -1.8225111261366962, 0.0]), np.array([1.0196606540457447])]
    return Network(weights, biases, ["tanh", "sigmoid"]), np.zeros((1, 3)), np.zeros((1, 1))


def test_taylor_passes_a_right_gradient_whose_one_sided_remainder_dips() -> None:
    report = gradcheck(*barely_coupled_hidden_biases(), "taylor", l2=0.1)
    assert report.passed, report.verdict
    assert report.taylor is not None and report.taylor.slope is not None
    assert report.taylor.slope > 1.9, report.taylor.verdict  # the two-sided remainder: 2 and up


@pytest.mark.parametrize(
    "bug", [b for b in BUGS if b not in ("transposed-weight", "off-by-one-layer", "a-and-delta-swapped")]
)
def test_taylor_agrees_with_the_exhaustive_mode_on_every_bug_at_the_barely_coupled_point(bug: str) -> None:
    """The two-sided remainder hides no bug: at this point (m = 1, σ' = 1 wherever the output sees a
    hidden neuron) some bugs leave the gradient right (σ' dropped, 1/m) and others do not (the cost's
    sign, the bias axis), and Taylor must say which, as the exhaustive differences do. The three left
    out need other shapes to run at all."""
    backward = BUGS[bug].backward
    exhaustive = gradcheck(*barely_coupled_hidden_biases(), "exhaustive", l2=0.1, backward=backward)
    taylor = gradcheck(*barely_coupled_hidden_biases(), "taylor", l2=0.1, backward=backward)
    assert taylor.passed == exhaustive.passed, taylor.verdict


def test_per_equation_mode_labels_every_equation_output_first() -> None:
    report = gradcheck(*batch_of_three(), "equations")
    labels = list(dict.fromkeys((c.equation, c.layer) for c in report.comparisons))
    assert labels == [("BP1", 3), ("BP3", 3), ("BP4", 3), ("BP2", 2), ("BP3", 2), ("BP4", 2)]
    assert {c.example for c in report.comparisons if c.equation in ("BP1", "BP2")} == {1, 2, 3}
    assert report.evaluations == 2 * (2 + 2)  # 2 passes per neuron, whatever the batch
    assert report.passed, report.verdict


@pytest.mark.parametrize("k", [1, 3, 5])
def test_directional_mode_costs_2k_passes_per_parameter_group_whatever_the_size(k: int) -> None:
    rng = np.random.default_rng(0)
    network = Network.random([784, 30, 10], rng)
    x, y = rng.uniform(0, 1, (4, 784)), rng.uniform(0, 1, (4, 10))
    report = gradcheck(network, x, y, "directional", directions=k)
    groups = 4  # w^2, b^2, w^3, b^3: none vanishes here, so none is refined
    assert report.evaluations == 2 * k * groups
    assert len(report.comparisons) == k * groups
    assert [c.name.split(" on ")[1] for c in report.comparisons[::k]] == ["w^2", "b^2", "w^3", "b^3"]
    assert report.passed, report.verdict


def relu_at_its_kink() -> Point:
    """z^2 = 1·1 − 1·1 + 0 = 0 exactly: every step on layer 2 (the input is layer 1) straddles the kink."""
    weights, biases = [np.array([[1.0, -1.0]]), np.array([[2.0]])], [np.array([0.0]), np.array([0.5])]
    net = Network(weights, biases, ["relu", "identity"], "quadratic")
    return net, np.array([1.0, 1.0]), np.array([0.0])


@pytest.mark.parametrize(
    ("mode", "across"),
    [("exhaustive", {"w^2_11", "w^2_12", "b^2_1"}), ("equations", {"δ^2_1", "b^2_1", "w^2_11", "w^2_12"})],
)
def test_kinks_are_reported_not_failed(mode: str, across: set[str]) -> None:
    report = gradcheck(*relu_at_its_kink(), mode)
    assert {c.name for c in report.kinks} == across
    # Across the kink the two sides really differ (a one-sided slope against σ'(0) = 0) ...
    assert any(c.abs_error > c.tolerance for c in report.kinks)
    # ... and the verdict still holds, since nothing else is wrong.
    assert report.passed, report.verdict
    assert "kink" in report.verdict


def test_a_dead_network_is_flagged_as_a_weak_check() -> None:
    weights, biases = [np.array([[-1.0, -1.0]]), np.array([[1.0]])], [np.array([-1.0]), np.array([-1.0])]
    net = Network(weights, biases, "relu", "quadratic")
    report = gradcheck(net, np.array([1.0, 1.0]), np.array([0.5]), "exhaustive")
    assert report.passed
    assert any("exactly 0" in w for w in report.warnings)


def float32_tutorial() -> Network:
    net = tutorial.network()
    return net.replace(
        [w.astype(np.float32) for w in net.weights], [b.astype(np.float32) for b in net.biases]
    )


def test_float32_is_refused_unless_asked_with_the_reason() -> None:
    with pytest.raises(ValueError, match=r"float32.*ε = 1\.2e-7.*allow_float32=True"):
        gradcheck(float32_tutorial(), tutorial.x(), tutorial.y())
    with pytest.raises(ValueError, match="inputs in float32"):
        gradcheck(tutorial.network(), tutorial.x().astype(np.float32), tutorial.y())
    with pytest.raises(ValueError, match="float16"):
        gradcheck(tutorial.network(), tutorial.x().astype(np.float16), tutorial.y(), allow_float32=True)


def test_float32_when_asked_is_checked_with_float32_tolerances() -> None:
    report = gradcheck(float32_tutorial(), tutorial.x(), tutorial.y(), allow_float32=True)
    assert report.precision == "float32"
    assert report.passed, report.verdict
    assert any("float32" in w for w in report.warnings)
    ratio = Tolerance("float32").rtol / Tolerance("float64").rtol
    expected = (machine_epsilon("float32") / machine_epsilon("float64")) ** (2 / 3)
    assert abs(ratio - expected) <= ROUNDING_SLACK * expected


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [({"mode": "fast"}, "unknown mode"), ({"mode": "directional", "directions": 0}, "directions")],
)
def test_bad_arguments_say_what_is_allowed(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        gradcheck(*tutorial_point(), **kwargs)


def test_cross_entropy_without_outputs_in_0_1_is_refused() -> None:
    # A tanh output can be negative, where ln a is undefined: the network itself refuses the pairing.
    with pytest.raises(ValueError, match="sigmoid output layer"):
        Network([np.array([[3.0, -3.0]])], [np.array([-1.0])], "tanh", "cross-entropy")


def test_cross_entropy_stays_exact_when_the_output_saturates() -> None:
    # At z = 40, σ(z) rounds to 1 and ln(1 - a) would be -inf; from the logits the cost is
    # softplus(40)·(1 - y) + softplus(-40)·y = 40·0.7 + 4e-18·0.3, and the gradient a - y checks out.
    net = Network([np.array([[40.0, 0.0]])], [np.array([0.0])], "sigmoid", "cross-entropy")
    x, y = np.array([1.0, 0.0]), np.array([0.3])
    assert net.cost(x, y) == pytest.approx(0.7 * 40.0, rel=1e-15)  # float64 round-off of one softplus
    assert gradcheck(net, x, y).passed


@pytest.mark.parametrize("mode", ["exhaustive", "directional", "equations", "taylor"])
def test_checking_changes_nothing_and_repeats_exactly(mode: str) -> None:
    network, x, y = batch_of_three()
    before = [w.copy() for w in (*network.weights, *network.biases, x, y)]
    first = gradcheck(network, x, y, mode, seed=11, with_taylor=True)
    second = gradcheck(network, x, y, mode, seed=np.random.default_rng(11), with_taylor=True)
    # Exactness is the point: same seed, same numbers; inputs untouched bit for bit.
    assert first == second
    for old, new in zip(before, (*network.weights, *network.biases, x, y), strict=True):
        assert np.array_equal(old, new)


def test_relative_error_and_ratio_of_a_comparison() -> None:
    # Exactness is the point: 1, 0.5 and 0.25 are binary fractions, so every quotient here is exact.
    both_zero = Comparison("w^2_11", "Θ^(1)_11", 0.0, 0.0, 1e-5, 0.0)
    assert both_zero.rel_error == 0.0 and both_zero.ratio == 0.0 and both_zero.passed
    off = Comparison("w^2_11", "Θ^(1)_11", 1.0, 0.5, 1e-5, 0.25)
    assert off.abs_error == 0.5 and off.rel_error == 0.5 and off.ratio == 2.0 and not off.passed
    assert Comparison("b", "", 1.0, 0.5, 1e-5, 0.25, kink=True).passed


def test_multi_digit_indices_are_separated() -> None:
    assert weight_names(3, 10, 3) == ("w^3_(10,3)", "Θ^(2)_(10,3)")
    assert bias_names(2, 12) == ("b^2_12", "Θ^(1)_(12,0)")
    assert delta_names(3, 3) == ("δ^3_3", "δ^(3)_3")


def underflowing_cost() -> Point:
    """A [1, 1, 1] network whose output is 6e-161: the cost, ½a² = 1.8e-321, is subnormal, and the
    gradient of b^2 (1.5e-321) moves it by less than the smallest float at any usable step, so central
    differences read 0 where the gradient is right (property-test find, a deeper network alike)."""
    weights = [np.zeros((1, 1)), np.array([[1e-160]])]
    biases = [np.zeros(1), np.array([1e-161])]
    return Network(weights, biases, ["sigmoid", "identity"]), np.zeros((1, 1)), np.zeros((1, 1))


@pytest.mark.parametrize("mode", ["exhaustive", "directional", "equations", "taylor"])
def test_a_gradient_below_what_differences_resolve_is_no_false_alarm(mode: str) -> None:
    report = gradcheck(*underflowing_cost(), mode)
    assert report.passed, report.verdict
