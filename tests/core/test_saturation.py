"""A gradient that float64 rounds to exactly 0 through a saturated sigmoid or tanh is refused, naming
the layer; a zero that is the true derivative (a dead ReLU, a cross-entropy output) is not."""

from __future__ import annotations

import numpy as np
import pytest

from worked.core import InvalidInput, Network

X, Y = np.array([0.05, 0.1]), np.array([0.01, 0.99])


def _network(scale: float, activation: str | list[str], cost: str = "quadratic") -> Network:
    return Network(
        [np.full((2, 2), scale), np.full((2, 2), scale)], [np.zeros(2), np.zeros(2)], activation, cost
    )


@pytest.mark.parametrize("activation", ["sigmoid", "tanh"])
def test_weights_of_1e300_saturate_sigmoid_and_tanh_and_are_refused_naming_the_layer(activation):
    with pytest.raises(InvalidInput, match=r"^layer 3's \w+ is saturated: .* gradient of layers 2 to 3 is"):
        _network(1e300, activation).backprop(X, Y)
    assert np.all(_network(1.0, activation).backprop(X, Y).nabla_w[0] != 0.0)  # the control


def test_a_saturated_first_layer_under_a_live_output_is_named_alone():
    network = Network([np.full((2, 2), 1e300), np.full((2, 2), 1e-3)], [np.zeros(2), np.zeros(2)], "tanh")
    with pytest.raises(
        InvalidInput, match=r"^layer 2's tanh is saturated: .*gradient of layer 2 is exactly 0"
    ):
        network.backprop(X, Y)


def test_a_saturated_sigmoid_output_under_cross_entropy_is_no_saturation():
    """Cross-entropy's δ = a − y has no σ' in it: the output layer's gradient is the true one."""
    network = Network(
        [np.eye(2), np.full((2, 2), 1e300)], [np.zeros(2), np.zeros(2)], "sigmoid", "cross-entropy"
    )
    with np.errstate(divide="ignore"):
        gradient = network.backprop(X, Y)
    assert np.all(gradient.nabla_w[1] != 0.0)


def test_a_dead_relu_layer_is_a_true_zero_and_passes():
    network = Network([np.full((2, 2), -1e300), np.eye(2)], [np.zeros(2), np.zeros(2)], ["relu", "sigmoid"])
    assert not np.any(network.backprop(X, Y).nabla_w[0])


def test_one_saturated_neuron_beside_a_live_one_passes():
    weights = [np.array([[1e300, 1e300], [1.0, 1.0]]), np.eye(2)]
    gradient = Network(weights, [np.zeros(2), np.zeros(2)], "sigmoid").backprop(X, Y)
    assert np.any(gradient.nabla_w[0] != 0.0)
