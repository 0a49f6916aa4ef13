r"""Ng's exercise 4 (Machine Learning, Coursera): its checks, computed by the general network.

The exercise's cost is the cross-entropy summed over the output units and averaged over the
:math:`m` examples, plus :math:`\frac{\lambda}{2m}\sum\Theta^2` over every weight but the bias
column: exactly ``Network.cost(x, y, l2=λ)`` of the sigmoid network whose ``Theta`` matrices they
are (:mod:`worked.ex4.thetas`). What this module adds is the exercise's own procedure:

- ``sigmoidGradient``, :math:`g'(z) = g(z)(1 - g(z))`, at the points the exercise prints;
- ``checkNNGradients``: a 3-5-3 network with weights from ``debugInitializeWeights`` (``sin(1..n)/10``
  laid out column-major), 5 examples built the same way, labels ``1 + mod(1..m, 3)``, and the
  gradient by central differences with :math:`e = 10^{-4}` over the unrolled parameters, beside
  backprop's, with the relative difference :math:`\lVert num - grad\rVert / \lVert num + grad\rVert`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from worked.core import SIGMOID, Array, InvalidInput, Network
from worked.ex4.thetas import from_thetas, roll, thetas, unroll

SIGMOID_GRADIENT_AT = (-1.0, -0.5, 0.0, 0.5, 1.0)
"""Where the exercise evaluates sigmoidGradient (ex4.m, part 5)."""

CHECK_SIZES = (3, 5, 3)
"""checkNNGradients' network: input_layer_size = 3, hidden_layer_size = 5, num_labels = 3."""
CHECK_EXAMPLES = 5
"""checkNNGradients' m."""
EPSILON = 1e-4
"""computeNumericalGradient's e: the exercise's fixed step (not this project's ε^(1/3) rule)."""


def sigmoid_gradient(z: Array) -> Array:
    """The exercise's ``sigmoidGradient``: the core's σ′ of the sigmoid, elementwise."""
    return SIGMOID.derivative(np.asarray(z, dtype=np.float64))


def debug_initialize_weights(fan_out: int, fan_in: int) -> Array:
    """``debugInitializeWeights``: ``sin(1..n)/10`` in a (fan_out, 1 + fan_in) matrix, column by column."""
    shape = (fan_out, 1 + fan_in)
    return np.sin(np.arange(1, shape[0] * shape[1] + 1)).reshape(shape, order="F") / 10


def one_hot(labels: Array, num_labels: int) -> Array:
    """Labels 1..K (Ng's; 10 is the digit 0 in the data set) as rows with a 1 in column label − 1."""
    y = np.asarray(labels).ravel()
    if not np.all((y >= 1) & (y <= num_labels) & (y == np.round(y))):
        raise InvalidInput(f"labels must be whole numbers from 1 to {num_labels}")
    rows: Array = np.eye(num_labels)[y.astype(int) - 1]
    return rows


@dataclass(frozen=True)
class GradientCheck:
    """One run of checkNNGradients: both columns as the exercise prints them, and their difference."""

    l2: float
    numerical: Array
    analytic: Array

    @property
    def relative_difference(self) -> float:
        """‖num − grad‖ / ‖num + grad‖; the exercise expects less than 1e-9."""
        return float(
            np.linalg.norm(self.numerical - self.analytic) / np.linalg.norm(self.numerical + self.analytic)
        )


def check_network() -> tuple[Network, Array, Array]:
    """checkNNGradients' network, inputs and one-hot targets."""
    n_in, n_hidden, n_labels = CHECK_SIZES
    network = from_thetas(
        [debug_initialize_weights(n_hidden, n_in), debug_initialize_weights(n_labels, n_hidden)]
    )
    x = debug_initialize_weights(CHECK_EXAMPLES, n_in - 1)  # "reusing debugInitializeWeights to generate X"
    labels = 1 + np.mod(np.arange(1, CHECK_EXAMPLES + 1), n_labels)
    return network, x, one_hot(labels, n_labels)


def gradient_check(l2: float) -> GradientCheck:
    """checkNNGradients(λ): backprop's unrolled gradient against computeNumericalGradient's."""
    network, x, y = check_network()
    params = unroll(thetas(network))

    def cost(vector: Array) -> float:
        return from_thetas(roll(vector, CHECK_SIZES)).cost(x, y, l2=l2)

    numerical = np.empty_like(params)
    for p in range(params.size):  # as computeNumericalGradient: loss2 at θ + e, loss1 at θ − e
        moved = params.copy()
        moved[p] = params[p] + EPSILON
        loss2 = cost(moved)
        moved[p] = params[p] - EPSILON
        loss1 = cost(moved)
        numerical[p] = (loss2 - loss1) / (2 * EPSILON)
    gradient = network.backprop(x, y, l2=l2)
    analytic = unroll(
        [np.column_stack([b, w]) for w, b in zip(gradient.nabla_w, gradient.nabla_b, strict=True)]
    )
    return GradientCheck(l2, numerical, analytic)
