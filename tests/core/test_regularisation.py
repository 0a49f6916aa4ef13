"""L2 regularisation against independent facts: central differences of a separately written penalty,
Ng's accumulation loop with λ written out, Nielsen's decay step, and λ = 0 changing nothing at all."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from tests.strategies import TUTORIAL, Case, cases
from worked import tutorial
from worked.core import InvalidInput, InvalidType, Network, step, train
from worked.gradcheck import numerical_gradient

LAMBDAS = st.sampled_from([0.1, 1.0, 3.0])
"""λ of the size the books use (Ng's ex4: 1 and 3; Nielsen: 0.1 to 5 for n in the thousands)."""

FD_RTOL = 1e-5
"""Central differences with h = ε^(1/3)·max(1,|θ|) ≈ 6e-6: truncation O(h²)·|C'''| plus round-off
O(ε/h)·|C| ≈ 4e-11·|C|, far below 1e-5 of a part's largest gradient (the penalty adds no third
derivative). The scale has a floor of 1e-3 for a part whose gradient vanishes; the penalty's own term
λ/m·w is at least 0.02·|w| for the λ and m here, far above either."""

KINK_MARGIN = 1e-3
"""A ReLU's z this close to 0 may cross its kink under a step of h ≈ 6e-6 times a weight or input of
at most 2·6 (tests.strategies' bounds): there the cost has no derivative to compare with."""

LOOP_RTOL = 1e-10
"""Ng's loop and the batch's matrix form add the same products in another order (and BLAS may round a
one-row product differently), carried back through ≤ 4 layers of ≤ 6 neurons with |w| ≤ 2: about
1e-11 of max(1, |z|, |a|, |w|)·max(|δ|, λ/m), as argued for REORDER_RTOL in
tests/core/test_gradient_properties.py. A penalty put on a bias, or λ/2m for λ/m, moves an entry by
λ/(2m)·|θ|, far more wherever θ is not tiny."""

ROUND_OFF_RTOL = 1e-13
"""Two float64 evaluations of the same sum in a different order: a few ε (2.2e-16) per term, ≤ 200 terms."""


def penalty_written_here(network: Network, l2: float, m: int) -> float:
    """(λ/2m)·Σw² over every weight, no bias: Ng's ex4 regularisation term, written independently."""
    return l2 / (2 * m) * sum(float((w**2).sum()) for w in network.weights)


@given(case=cases(), l2=LAMBDAS)
@example(case=TUTORIAL, l2=1.0)
def test_the_regularised_gradient_equals_central_differences_of_the_regularised_cost(case: Case, l2: float):
    network, x, y = case
    m = np.atleast_2d(x).shape[0]
    got = network.backprop(x, y, l2=l2)
    relu_zs = [z for z, sigma in zip(got.zs, network.sigmas, strict=True) if sigma.name == "relu"]
    assume(all(np.abs(z).min() > KINK_MARGIN for z in relu_zs))  # no kink within the differences' reach
    shapes = [w.shape for w in network.weights] + [b.shape for b in network.biases]
    sizes = [int(np.prod(s)) for s in shapes]

    def unflatten(theta: np.ndarray) -> list[np.ndarray]:
        parts = np.split(theta, np.cumsum(sizes)[:-1])
        return [p.reshape(s) for p, s in zip(parts, shapes, strict=True)]

    def regularised_cost(theta: np.ndarray) -> float:
        params = unflatten(theta)
        L = len(network.weights)
        moved = network.replace(params[:L], params[L:])
        return moved.cost(x, y) + penalty_written_here(moved, l2, m)

    theta = np.concatenate([v.ravel() for v in (*network.weights, *network.biases)])
    numerical = unflatten(numerical_gradient(regularised_cost, theta)[0])
    analytic = [*got.nabla_w, *got.nabla_b]
    for part, (a, n) in enumerate(zip(analytic, numerical, strict=True)):
        # Each layer's weights and biases at their own scale, so a small layer is judged as small.
        scale = max(float(np.abs(n).max()), 1e-3)
        assert np.all(np.abs(a - n) <= FD_RTOL * scale), part


@given(case=cases(), l2=LAMBDAS)
@example(case=TUTORIAL, l2=3.0)
def test_ngs_loop_with_lambda_regularises_every_weight_and_no_bias(case: Case, l2: float):
    network, x, y = case
    xs, ys = np.atleast_2d(x), np.atleast_2d(y)
    m = xs.shape[0]
    # Ng's loop as taught: Δ := 0; for each example Δ += δ aᵀ (from that example alone); then
    # D = Δ/m + (λ/m)·Θ for the weight columns and Δ/m for the bias column.
    big_delta_w = [np.zeros_like(w) for w in network.weights]
    big_delta_b = [np.zeros_like(b) for b in network.biases]
    sizes, deltas = [1.0, *(float(np.abs(w).max()) for w in network.weights)], [0.0]
    for i in range(m):
        one = network.backprop(xs[i], ys[i])
        for l, delta in enumerate(one.deltas):
            big_delta_w[l] += np.outer(delta, one.activations[l])
            big_delta_b[l] += delta
        sizes += [float(np.abs(v).max()) for v in (*one.zs, *one.activations)]
        deltas += [float(np.abs(v).max()) for v in one.deltas]
    scale = max(sizes) * max(max(deltas), l2 / m)  # the size of the products the rounding is made in
    regularised = network.backprop(xs, ys, l2=l2)
    for l, w in enumerate(network.weights):
        expected_w, expected_b = big_delta_w[l] / m + (l2 / m) * w, big_delta_b[l] / m
        assert np.all(np.abs(regularised.nabla_w[l] - expected_w) <= LOOP_RTOL * scale)
        assert np.all(np.abs(regularised.nabla_b[l] - expected_b) <= LOOP_RTOL * scale)
    cost = network.cost(xs, ys, l2=l2)
    expected = network.cost(xs, ys) + penalty_written_here(network, l2, m)
    assert abs(cost - expected) <= ROUND_OFF_RTOL * max(1.0, abs(expected))


def test_lambda_zero_changes_no_bit():
    network, x, y = tutorial.network(), tutorial.x(), tutorial.y()
    assert network.cost(x, y, l2=0.0) == network.cost(x, y)  # exact on purpose: nothing may be added
    for got, plain in zip(network.backprop(x, y, l2=0).nabla_w, network.backprop(x, y).nabla_w, strict=True):
        assert np.array_equal(got, plain)
    trained = train(network, x, y, 0.5, 20, l2=0.0)
    assert np.array_equal(trained.errors, train(network, x, y, 0.5, 20).errors)


@pytest.mark.parametrize("order", ["simultaneous", "output-first"])
def test_a_step_decays_the_weights_as_nielsens_network2_does(order: str):
    network, x, y = tutorial.network(), tutorial.x(), tutorial.y()
    eta, l2, n = 0.5, 2.0, 40
    decayed = step(network, x, y, eta, order=order, l2=l2, n=n, train_biases=False)
    plain = step(network, x, y, eta, order=order, train_biases=False)
    # w ← (1 − ηλ/n)·w − η·∇C_0: the decay is the only difference, where the gradient is the same.
    # In the output-first order the hidden gradient runs through the decayed output weights, so only
    # the output layer's update is compared there.
    layers = range(len(network.weights)) if order == "simultaneous" else [len(network.weights) - 1]
    for l in layers:
        expected = plain.weights[l] - (eta * l2 / n) * network.weights[l]
        assert np.allclose(decayed.weights[l], expected, rtol=0, atol=ROUND_OFF_RTOL)


def test_full_batch_decay_is_gradient_descent_on_the_regularised_cost():
    network, x, y = tutorial.network(), tutorial.x(), tutorial.y()
    eta, l2 = 0.5, 1.0
    gradient = network.backprop(x, y, l2=l2).nabla_w
    after = step(network, x, y, eta, l2=l2, train_biases=False)
    for w, g, new in zip(network.weights, gradient, after.weights, strict=True):
        assert np.allclose(new, w - eta * g, rtol=0, atol=ROUND_OFF_RTOL)
    run = train(network, x, y, eta, 3, l2=l2)
    assert run.errors[0] == network.cost(x, y, l2=l2)  # the recorded cost is the regularised one
    assert run.errors[3] == run.network.cost(x, y, l2=l2)


@pytest.mark.parametrize(
    ("l2", "error", "words"),
    [
        (-1.0, InvalidInput, ">= 0"),
        (float("nan"), InvalidInput, "finite"),
        (float("inf"), InvalidInput, "finite"),
        ("1", InvalidType, "must be a number"),
        (True, InvalidType, "must be a number"),
    ],
)
def test_a_bad_lambda_is_refused_with_what_is_allowed(l2, error, words):
    network, x, y = tutorial.network(), tutorial.x(), tutorial.y()
    for call in (
        lambda: network.cost(x, y, l2=l2),
        lambda: network.backprop(x, y, l2=l2),
        lambda: train(network, x, y, 0.5, 1, l2=l2),
    ):
        with pytest.raises(error, match=words):
            call()


@pytest.mark.parametrize("n", [0, -3, 2.5, "10"])
def test_a_bad_training_set_size_is_refused(n):
    with pytest.raises(InvalidInput, match="training-set size"):
        step(tutorial.network(), tutorial.x(), tutorial.y(), 0.5, l2=1.0, n=n)
