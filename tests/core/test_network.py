"""The general network: shapes, the laws backprop must obey, and an independent numerical oracle.

The oracle is a cost written again from the definitions with Python floats and ``math`` (no numpy,
no shared code with ``worked``), differentiated by central differences.
"""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest

from tests import expected
from worked import mazur, tutorial
from worked.core.activations import ACTIVATIONS, get_activation
from worked.core.network import Network
from worked.core.training import step, train
from worked.core.validation import InvalidInput

CENTRAL_STEP = 1e-6
# Central differences at h = 1e-6 on costs of order 1: truncation O(h²·C''') ~ 1e-12, round-off
# O(ε·C/h) ~ 2e-10. A relative error of 1e-7 sits well above both and far below any real bug.
FD_RTOL = 1e-7
FD_ATOL = 1e-9
"""For partials near zero, where a relative error means nothing: 5x the round-off bound 2e-10."""

ROUNDOFF_RTOL = 1e-12
"""Two float64 computations of one quantity by different summation orders: a few ulps, times depth."""

REFERENCE_SIGMA = {
    "sigmoid": lambda z: 1.0 / (1.0 + math.exp(-z)),
    "tanh": math.tanh,
    "relu": lambda z: max(z, 0.0),
    "softplus": lambda z: math.log1p(math.exp(z)),
    "identity": lambda z: z,
}


def reference_cost(weights, biases, activations, cost, x_rows, y_rows):
    """Mean cost over examples, from the definitions, one neuron at a time."""
    total = 0.0
    for x, y in zip(x_rows, y_rows, strict=True):
        a = [float(v) for v in x]
        for w, b, name in zip(weights, biases, activations, strict=True):
            sigma = REFERENCE_SIGMA[name]
            a = [sigma(sum(w[j][k] * a[k] for k in range(len(a))) + b[j]) for j in range(len(b))]
        if cost == "quadratic":
            total += sum(0.5 * (aj - yj) ** 2 for aj, yj in zip(a, y, strict=True))
        else:
            total += -sum(
                yj * math.log(aj) + (1 - yj) * math.log(1 - aj) for aj, yj in zip(a, y, strict=True)
            )
    return total / len(x_rows)


def numerical_gradient(net, names, cost, x, y):
    weights = [w.tolist() for w in net.weights]
    biases = [b.tolist() for b in net.biases]

    def c():
        return reference_cost(weights, biases, names, cost, x, y)

    grads_w: list[np.ndarray] = []
    grads_b: list[np.ndarray] = []
    for params, grads in ((weights, grads_w), (biases, grads_b)):
        for layer in params:
            rows = layer if isinstance(layer[0], list) else [layer]
            g = np.zeros((len(rows), len(rows[0])))
            for j, row in enumerate(rows):
                for k in range(len(row)):
                    saved = row[k]
                    row[k] = saved + CENTRAL_STEP
                    up = c()
                    row[k] = saved - CENTRAL_STEP
                    down = c()
                    row[k] = saved
                    g[j, k] = (up - down) / (2 * CENTRAL_STEP)
            grads.append(g if isinstance(layer[0], list) else g[0])
    return grads_w, grads_b


CASES = [
    ([2, 2, 2], ["sigmoid", "sigmoid"], "quadratic"),
    ([3, 4, 2], ["tanh", "sigmoid"], "cross-entropy"),
    ([2, 5, 3, 1], ["relu", "softplus", "identity"], "quadratic"),
    ([4, 3, 3, 2], ["softplus", "tanh", "sigmoid"], "cross-entropy"),
]


@pytest.mark.parametrize(("sizes", "names", "cost"), CASES)
@pytest.mark.parametrize("batch", [1, 3])
def test_backprop_matches_central_differences_of_an_independent_cost(sizes, names, cost, batch):
    rng = np.random.default_rng(sum(sizes) * 10 + batch)
    net = Network.random(sizes, rng, names, cost)
    x = rng.uniform(-1, 1, (batch, sizes[0]))
    y = rng.uniform(0.05, 0.95, (batch, sizes[-1]))
    grads = net.backprop(x, y)
    num_w, num_b = numerical_gradient(net, names, cost, x.tolist(), y.tolist())
    for analytic, numeric in zip(grads.nabla_w + grads.nabla_b, num_w + num_b, strict=True):
        np.testing.assert_allclose(analytic, numeric, rtol=FD_RTOL, atol=FD_ATOL)
    assert net.cost(x, y) == pytest.approx(
        reference_cost(net.weights, net.biases, names, cost, x, y), rel=ROUNDOFF_RTOL
    )


def test_batch_gradient_is_the_mean_of_per_example_gradients():
    rng = np.random.default_rng(7)
    net = Network.random([3, 4, 2], rng, ["tanh", "sigmoid"], "cross-entropy")
    x, y = rng.uniform(-1, 1, (5, 3)), rng.uniform(0.1, 0.9, (5, 2))
    batch = net.backprop(x, y)
    singles = [net.backprop(xi, yi) for xi, yi in zip(x, y, strict=True)]
    for l in range(2):
        np.testing.assert_allclose(
            batch.nabla_w[l], np.mean([s.nabla_w[l] for s in singles], axis=0), rtol=ROUNDOFF_RTOL
        )
        np.testing.assert_allclose(
            batch.nabla_b[l], np.mean([s.nabla_b[l] for s in singles], axis=0), rtol=ROUNDOFF_RTOL
        )


def test_shapes_follow_the_parameters_and_the_input():
    rng = np.random.default_rng(0)
    net = Network.random([3, 5, 2], rng)
    one = net.backprop(np.zeros(3), np.zeros(2))
    many = net.backprop(np.zeros((4, 3)), np.zeros((4, 2)))
    for grads in (one, many):
        assert [g.shape for g in grads.nabla_w] == [w.shape for w in net.weights]
        assert [g.shape for g in grads.nabla_b] == [b.shape for b in net.biases]
    assert [d.shape for d in one.deltas] == [(5,), (2,)]
    assert [d.shape for d in many.deltas] == [(4, 5), (4, 2)]
    assert [a.shape for a in many.activations] == [(4, 3), (4, 5), (4, 2)]
    assert net.sizes == [3, 5, 2]


def test_the_network_keeps_its_own_copy_and_backprop_changes_nothing():
    weights = [np.ones((2, 2)), np.ones((1, 2))]
    biases = [np.zeros(2), np.zeros(1)]
    net = Network(weights, biases)
    weights[0][0, 0] = 5.0  # the caller's array, changed after construction
    assert net.weights[0][0, 0] == 1.0  # exact: a copied constant
    x, y = np.array([0.3, -0.2]), np.array([0.5])
    before = [w.copy() for w in net.weights] + [x.copy(), y.copy()]
    first, second = net.backprop(x, y), net.backprop(x, y)
    for a, b in zip(before, [*net.weights, x, y], strict=True):
        np.testing.assert_array_equal(a, b)
    for a, b in zip(first.nabla_w, second.nabla_w, strict=True):
        np.testing.assert_array_equal(a, b)  # deterministic: bit for bit


@pytest.mark.parametrize("name", sorted(ACTIVATIONS))
def test_activations_stay_finite_and_silent_at_extremes(name):
    z = np.array([-1e6, -1e4, -50.0, 0.0, 50.0, 1e4, 1e6])
    sigma = get_activation(name)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        # Underflow is allowed: e^(-1e4) rounds to 0, the correctly rounded value.
        with np.errstate(over="raise", divide="raise", invalid="raise"):
            a = sigma.value(z)
            prime = sigma.prime(z, a)
    assert np.all(np.isfinite(a)) and np.all(np.isfinite(prime))


def test_sigmoid_limits():
    sigma = get_activation("sigmoid")
    a = sigma.value(np.array([-1e4, 0.0, 1e4]))
    np.testing.assert_array_equal(a, [0.0, 0.5, 1.0])  # exact: e^-1e4 underflows to 0


def test_one_step_is_parameters_minus_eta_times_gradient():
    net, x, y = tutorial.network(), tutorial.x(), tutorial.y()
    grads = net.backprop(x, y)
    after = step(net, x, y, 0.5, train_biases=True, shared_biases=False)  # per neuron, as Nielsen
    for new, old, g in zip(
        after.weights + after.biases, net.weights + net.biases, grads.nabla_w + grads.nabla_b, strict=True
    ):
        np.testing.assert_array_equal(new, old - 0.5 * g)  # exact: the same float operations


def test_output_first_takes_hidden_deltas_through_the_updated_output_weights():
    # Expected value from the issue: w1 after one output-first step.
    net = step(
        tutorial.network(), tutorial.x(), tutorial.y(), mazur.ETA, order="output-first", train_biases=False
    )
    assert f"{net.weights[0][0, 0]:.9f}" == expected.OUTPUT_FIRST_W1_NEW.value


@pytest.mark.parametrize(
    ("order", "out_o1", "out_o2"),
    [
        ("simultaneous", *(expected.STATED_RULE[f"out_{o}_after_10000"].value for o in ("o1", "o2"))),
        # the post's closing outputs are the output-first order's (its errata)
        ("output-first", *(expected.PRINTED[f"out_{o}_after_10000"].value for o in ("o1", "o2"))),
    ],
)
def test_ten_thousand_steps(order, out_o1, out_o2):
    trajectory = train(
        tutorial.network(), tutorial.x(), tutorial.y(), mazur.ETA, 10_000, order=order, train_biases=False
    )
    _, activations = trajectory.network.feedforward(tutorial.x())
    assert (f"{activations[-1][0]:.9f}", f"{activations[-1][1]:.9f}") == (out_o1, out_o2)
    assert np.all(np.diff(trajectory.errors) < 0), "the error falls at every step"


def test_shared_biases_stay_shared_when_trained():
    trajectory = train(
        tutorial.network(), tutorial.x(), tutorial.y(), mazur.ETA, 5, train_biases=True, shared_biases=True
    )
    for b in trajectory.network.biases:
        assert b[0] == b[1]  # exact: both get the same update
    assert trajectory.network.biases[0][0] != mazur.INITIAL["b1"]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: Network([], []), "at least one layer"),
        (lambda: Network([np.ones((2, 2))], []), "one bias vector per layer"),
        (lambda: Network([np.ones((2, 2)), np.ones((1, 3))], [np.ones(2), np.ones(1)]), "expected (1, 2)"),
        (lambda: Network([np.ones((2, 2))], [np.ones(3)]), "expected (2,)"),
        (lambda: Network([np.ones((2, 2))], [np.ones(2)], activation="sigmod"), "choose one of: sigmoid"),
        (lambda: Network([np.ones((2, 2))], [np.ones(2)], cost="mse"), "choose one of: quadratic"),
        (lambda: Network([np.ones((2, 2))], [np.ones(2)], activation=["tanh", "relu"]), "one per layer"),
        (lambda: tutorial.network().backprop(np.ones(3), np.ones(2)), "x has shape (3,)"),
        (lambda: tutorial.network().backprop(np.ones((2, 2)), np.ones((3, 2))), "2 examples but y has 3"),
        (lambda: Network.random([3], np.random.default_rng(0)), "at least two layers"),
        (
            lambda: step(tutorial.network(), tutorial.x(), tutorial.y(), 0.5, order="backwards"),
            "update order",
        ),
        (lambda: step(tutorial.network(), tutorial.x(), tutorial.y(), -1.0), "learning rate"),
    ],
)
def test_bad_input_is_refused_with_a_message_that_says_what_is_allowed(call, message):
    with pytest.raises(ValueError) as info:
        call()
    assert message in str(info.value)


def test_training_that_diverges_stops_and_names_the_step():
    # A linear network with a learning rate far past 2/λ_max grows geometrically until it overflows.
    net = Network([np.array([[3.0]])], [np.array([0.0])], activation="identity")
    with pytest.raises(FloatingPointError, match=r"diverged: the cost became .* after \d+ steps"):
        train(net, np.array([1.0]), np.array([0.0]), 10.0, 1000)


@pytest.mark.parametrize(("z", "expected"), [(-1e6, 0.3e6), (-40.0, 12.0), (40.0, 28.0), (1e6, 0.7e6)])
def test_cross_entropy_is_computed_from_the_logits_when_outputs_saturate(z, expected):
    # C = -[y ln σ(z) + (1-y) ln(1-σ(z))] with y = 0.3: for |z| ≥ 40 one log is e^-40 ≈ 4e-18 away
    # from 0, below float64's resolution of these values, so C is |z| times 0.3 or 0.7 to round-off.
    net = Network([np.array([[1.0]])], [np.array([0.0])], "sigmoid", "cross-entropy")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert net.cost(np.array([z]), np.array([0.3])) == pytest.approx(expected, rel=ROUNDOFF_RTOL)


def test_training_reports_progress_without_changing_the_numbers(monkeypatch):
    from worked.core import training

    monkeypatch.setattr(training, "PROGRESS_EVERY", 100)  # the same rule as every 10,000, in 2 % of the steps
    PROGRESS_EVERY = training.PROGRESS_EVERY
    steps = 2 * PROGRESS_EVERY + 3
    seen: list[int] = []
    args = (tutorial.network(), tutorial.x(), tutorial.y(), 0.5, steps)
    quiet = train(*args)
    reported = train(*args, progress=seen.append)
    assert seen == [PROGRESS_EVERY, 2 * PROGRESS_EVERY, steps]
    np.testing.assert_array_equal(reported.errors, quiet.errors)  # bit for bit: progress only observes


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), -float("inf")])
@pytest.mark.parametrize("column_of_zeros", [False, True])
def test_backprop_names_a_non_finite_input_where_it_is(bad, column_of_zeros):
    """backprop leaves x's finiteness to the weighted inputs it computes anyway (Network.as_batch):
    every such input is still named, also where its weights are 0 (infinity times 0 is NaN)."""
    rng = np.random.default_rng(3)
    network = Network.random([5, 4, 3], rng)
    if column_of_zeros:
        network.weights[0][:, 2] = 0.0
    x = rng.standard_normal((6, 5))
    x[4, 2] = bad
    with pytest.raises(InvalidInput, match=rf"^x must be finite, but has {bad} at index \(4, 2\)$"):
        network.backprop(x, rng.uniform(0, 1, (6, 3)))
    with pytest.raises(InvalidInput, match=rf"^x must be finite, but has {bad} at index 2$"):
        network.backprop(x[4], rng.uniform(0, 1, 3))


def test_not_finite_names_only_arrays_with_an_infinite_or_nan_entry():
    """backprop's one-pass finiteness check: totals that overflow from finite entries are no alarm."""
    from worked.core.network import _not_finite

    big = np.array([1e308, 1e308])  # its sum overflows; every entry is finite
    squares_overflow = np.full((3, 4), 1e200)  # a sum of squares overflows beyond 1e154; its sum would not
    with np.errstate(over="ignore", invalid="ignore"):
        assert _not_finite([big, big, np.array([-1e308])]) == []
        assert _not_finite([squares_overflow, -squares_overflow[:, ::2]]) == []  # a strided view too
        assert _not_finite([squares_overflow[:, ::2], np.array([[np.nan, 1.0]])]) == [1]
        assert _not_finite([np.ones(3), np.array([1.0, np.inf]), np.array([np.nan]), big]) == [1, 2]
        assert _not_finite([np.array([np.inf]), np.array([-np.inf])]) == [0, 1]  # inf - inf is NaN: both
        assert _not_finite([np.empty(0), np.ones((2, 0))]) == []
