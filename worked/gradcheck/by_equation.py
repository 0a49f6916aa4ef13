r"""The per-equation check: BP1-BP4 tested one at a time, so a failure names its equation and layer.

:math:`\delta^l_j = \partial C / \partial z^l_j` is a derivative like any other, so it too can be
differenced: perturb :math:`z^l_j` itself, run the forward pass on from layer :math:`l`
(:meth:`Network.forward_from`) and difference the cost. Examples of a batch do not interact, so one
pair of passes perturbs :math:`z^l_j` in every example at once and differences each example's own
cost :math:`C_x` (each with its own step :math:`\epsilon^{1/3}\max(1, |z|)`), giving the numerical
:math:`\delta^l_j` of every example for :math:`2 n_l` passes per layer.

Then, layer by layer from the output down (the order backprop computes in):

- BP1 (:math:`l = L`) and BP2 (:math:`l < L`): backprop's :math:`\delta^l` against the numerical one.
  If :math:`\delta^{l+1}` passed and :math:`\delta^l` fails, the step from one to the other, BP2 at
  layer :math:`l`, is wrong.
- BP3: backprop's :math:`\partial C/\partial b^l_j` against the batch mean of the numerical
  :math:`\delta^l_j` (:math:`z^l_j` depends on :math:`b^l_j` with slope 1).
- BP4: backprop's :math:`\partial C/\partial w^l_{jk}` against the mean of numerical
  :math:`\delta^l_j` times :math:`a^{l-1}_k` (the slope of :math:`z^l_j` in :math:`w^l_{jk}`), plus,
  for an L2-regularised cost, the penalty's own slope in :math:`w^l_{jk}`, also differenced.

BP3 and BP4 thus lean on the forward definition :math:`z^l = w^l a^{l-1} + b^l` only, never on the
code's own :math:`\delta`: a wrong BP3 or BP4 fails on its own, and a wrong :math:`\delta` fails first.
A perturbation that flips the sign of a ReLU pre-activation crossed a kink: reported, not failed.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from worked.core import Array
from worked.gradcheck.checkpoint import Point
from worked.gradcheck.names import bias_names, delta_names, weight_names
from worked.gradcheck.numerical import central_difference, step_size
from worked.gradcheck.report import Comparison, Tolerance


def numerical_deltas(point: Point, l: int) -> tuple[Array, Array, NDArray[np.bool_]]:
    r"""Numerical :math:`\delta^{l+1}` for every example (``l`` indexes ``weights``), with steps and kinks.

    Returns ``(deltas, steps, kinks)``, each of shape ``(m, n_{l+1})``.
    """
    net, z = point.network, point.zs[l]
    steps = step_size(z, point.precision)
    deltas: Array = np.empty_like(z)
    kinks: NDArray[np.bool_] = np.zeros(z.shape, dtype=bool)
    for j in range(z.shape[1]):

        def costs(h: Array) -> Array:
            moved = z.copy()
            moved[:, j] += h  # noqa: B023 (called at once, inside this iteration)
            zs, activations = net.forward_from(l, moved)
            kinks[:, j] |= point.crossed(zs, start=l)  # noqa: B023
            per_example: Array = net.cost_function.output_value(
                zs[-1], activations[-1], point.ys, net.sigmas[-1]
            )
            return per_example

        deltas[:, j] = central_difference(costs, steps[:, j])
    return deltas, steps, kinks


def _penalty_slopes(point: Point, l: int) -> Array:
    r"""The L2 penalty's own slope in each weight of ``weights[l]``, by central differences of
    :math:`\frac{\lambda}{2m} w^2` (the rest of the sum does not move with that weight)."""
    w, m = point.network.weights[l], point.xs.shape[0]
    return central_difference(lambda h: point.l2 / (2 * m) * (w + h) ** 2, step_size(w, point.precision))


def equations(point: Point) -> tuple[tuple[Comparison, ...], int]:
    """Entries for BP1/BP2 (per example and neuron), BP3 and BP4, output layer first; and the passes."""
    tolerance, noise = Tolerance(point.precision), point.noise
    L = len(point.network.weights)
    comparisons: list[Comparison] = []
    evaluations = 0
    for l in range(L - 1, -1, -1):
        layer, equation = l + 2, "BP1" if l == L - 1 else "BP2"  # the books' layer: the input is 1
        numerical, steps, kinks = numerical_deltas(point, l)
        evaluations += 2 * numerical.shape[1]
        analytic = point.deltas[l]
        for x in range(numerical.shape[0]):
            for j in range(numerical.shape[1]):
                a, n = float(analytic[x, j]), float(numerical[x, j])
                tol = tolerance(a, n, float(noise[x]))
                name, ng = delta_names(layer, j + 1)
                kink, step = bool(kinks[x, j]), float(steps[x, j])
                comparisons.append(Comparison(name, ng, a, n, step, tol, kink, equation, layer, x + 1))
        kinked = [bool(kinks[:, j].any()) for j in range(kinks.shape[1])]
        mean_step: list[float] = steps.max(axis=0).tolist()
        biases = zip(point.nabla_b[l].tolist(), numerical.mean(axis=0).tolist(), strict=True)
        for j, (a, n) in enumerate(biases):
            tol = tolerance(a, n, float(np.mean(noise)))
            name, ng = bias_names(layer, j + 1)
            comparisons.append(Comparison(name, ng, a, n, mean_step[j], tol, kinked[j], "BP3", layer))
        a_prev = point.activations[l]
        expected = numerical.T @ a_prev / numerical.shape[0]
        if point.l2:
            expected += _penalty_slopes(point, l)
        scale = np.abs(a_prev).T @ noise / numerical.shape[0]  # mean over x of N_x·|a^{l-1}_k|
        scale = np.broadcast_to(scale, expected.shape)
        if point.l2:  # the penalty's difference rounds at the scale of that weight's own term
            scale = (
                scale
                + point.l2 / (2 * point.xs.shape[0]) * np.maximum(1.0, np.abs(point.network.weights[l])) ** 2
            )
        for j in range(expected.shape[0]):
            for k in range(expected.shape[1]):
                a, n = float(point.nabla_w[l][j, k]), float(expected[j, k])
                tol = tolerance(a, n, float(scale[j, k]))
                name, ng = weight_names(layer, j + 1, k + 1)
                comparisons.append(Comparison(name, ng, a, n, mean_step[j], tol, kinked[j], "BP4", layer))
    return tuple(comparisons), evaluations
