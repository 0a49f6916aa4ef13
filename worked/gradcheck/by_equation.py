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
Each layer's :math:`\delta`, BP3 and BP4 are judged as groups at their own scale; in a layer where
one vanishes, the :math:`\delta` are differenced again with twice the step, and the spread of all
three between the two steps is that layer's own error estimate (:meth:`Tolerance.group`).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from worked.core import Array
from worked.gradcheck.checkpoint import Point
from worked.gradcheck.names import bias_names, delta_names, weight_names
from worked.gradcheck.numerical import central_difference, step_size
from worked.gradcheck.report import Comparison, Tolerance, own_error


def numerical_deltas(
    point: Point, l: int, factor: float = 1.0
) -> tuple[Array, Array, NDArray[np.bool_], float]:
    r"""Numerical :math:`\delta^{l+1}` for every example (``l`` indexes ``weights``), with steps and kinks.

    Returns ``(deltas, steps, kinks, largest)``, the first three of shape ``(m, n_{l+1})``, and the
    largest :math:`|C_x|` evaluated (the scale of its rounding); ``factor`` multiplies the steps
    (see :func:`step_size`).
    """
    net, z = point.network, point.zs[l]
    steps = step_size(z, point.precision, factor)
    deltas: Array = np.empty_like(z)
    kinks: NDArray[np.bool_] = np.zeros(z.shape, dtype=bool)
    met: list[float] = []
    for j in range(z.shape[1]):

        def costs(h: Array) -> Array:
            moved = z.copy()
            moved[:, j] += h  # noqa: B023 (called at once, inside this iteration)
            zs, activations = net.forward_from(l, moved)
            kinks[:, j] |= point.crossed(zs, start=l)  # noqa: B023
            per_example: Array = net.cost_function.output_value(
                zs[-1], activations[-1], point.ys, net.sigmas[-1]
            )
            met.append(float(np.max(np.abs(per_example))))
            return per_example

        deltas[:, j] = central_difference(costs, steps[:, j])
    return deltas, steps, kinks, max(met)


def _penalty_slopes(point: Point, l: int) -> Array:
    r"""The L2 penalty's own slope in each weight of ``weights[l]``, by central differences of
    :math:`\frac{\lambda}{2m} w^2` (the rest of the sum does not move with that weight)."""
    w, m = point.network.weights[l], point.xs.shape[0]
    return central_difference(lambda h: point.l2 / (2 * m) * (w + h) ** 2, step_size(w, point.precision))


def _derived(point: Point, l: int, deltas: Array) -> tuple[Array, Array]:
    r"""What numerical :math:`\delta` of ``weights[l]``'s layer say BP3 and BP4 must give: the batch
    means of :math:`\delta_j` and of :math:`\delta_j a^{l-1}_k` (plus the penalty's own slope)."""
    m = deltas.shape[0]
    nabla_w = deltas.T @ point.activations[l] / m
    if point.l2:
        nabla_w += _penalty_slopes(point, l)
    nabla_b: Array = deltas.mean(axis=0)
    return nabla_b, nabla_w


def _noise(point: Point, l: int) -> tuple[Array, Array, Array]:
    """The cost's rounding scale N behind each δ (per example), BP3 and BP4 entry of a layer."""
    noise, m = point.noise, point.xs.shape[0]
    a_prev = point.activations[l]
    scale: Array = np.broadcast_to(np.abs(a_prev).T @ noise / m, point.nabla_w[l].shape)  # mean N_x·|a_k|
    if point.l2:  # the penalty's difference rounds at the scale of that weight's own term
        scale = scale + point.l2 / (2 * m) * np.maximum(1.0, np.abs(point.network.weights[l])) ** 2
    per_example = np.broadcast_to(noise[:, np.newaxis], point.deltas[l].shape)
    return per_example, np.broadcast_to(np.mean(noise), point.nabla_b[l].shape), scale


def _tolerances(point: Point, l: int, numerical: Array) -> tuple[list[Array], bool]:
    """The tolerances of the layer's δ, BP3 and BP4 groups, each at its own scale (module docstring),
    and whether the layer was refined (differenced a second time)."""
    rule = Tolerance(point.precision)
    analytic = [point.deltas[l], point.nabla_b[l], point.nabla_w[l]]
    found = [numerical, *_derived(point, l, numerical)]
    noises = _noise(point, l)
    spread = None
    if any(rule.vanishing(a, n, e) for a, n, e in zip(analytic, found, noises, strict=True)):
        again, _, _, largest = numerical_deltas(point, l, 2.0)
        twice = [again, *_derived(point, l, again)]
        gap = max(float(np.max(np.abs(n - t))) for n, t in zip(found, twice, strict=True))
        step = float(np.min(step_size(point.zs[l], point.precision)))
        largest = max(largest, float(np.max(point.bare_noise)))
        spread = own_error(gap, largest, step, point.precision)
    tolerances = [rule.group(a, n, e, spread) for a, n, e in zip(analytic, found, noises, strict=True)]
    return tolerances, spread is not None


def equations(point: Point) -> tuple[tuple[Comparison, ...], int]:
    """Entries for BP1/BP2 (per example and neuron), BP3 and BP4, output layer first; and the passes."""
    L = len(point.network.weights)
    comparisons: list[Comparison] = []
    evaluations = 0
    for l in range(L - 1, -1, -1):
        layer, equation = l + 2, "BP1" if l == L - 1 else "BP2"  # the books' layer: the input is 1
        numerical, steps, kinks, _ = numerical_deltas(point, l)
        (tol_delta, tol_b, tol_w), refined = _tolerances(point, l, numerical)
        evaluations += 2 * numerical.shape[1] * (1 + refined)
        analytic = point.deltas[l]
        for x in range(numerical.shape[0]):
            for j in range(numerical.shape[1]):
                a, n = float(analytic[x, j]), float(numerical[x, j])
                name, ng = delta_names(layer, j + 1)
                kink, step, tol = bool(kinks[x, j]), float(steps[x, j]), float(tol_delta[x, j])
                comparisons.append(Comparison(name, ng, a, n, step, tol, kink, equation, layer, x + 1))
        kinked = [bool(kinks[:, j].any()) for j in range(kinks.shape[1])]
        mean_step: list[float] = steps.max(axis=0).tolist()
        expected_b, expected_w = _derived(point, l, numerical)
        biases = zip(point.nabla_b[l].tolist(), expected_b.tolist(), tol_b.tolist(), strict=True)
        for j, (a, n, tol) in enumerate(biases):
            name, ng = bias_names(layer, j + 1)
            comparisons.append(Comparison(name, ng, a, n, mean_step[j], tol, kinked[j], "BP3", layer))
        for j in range(expected_w.shape[0]):
            for k in range(expected_w.shape[1]):
                a, n = float(point.nabla_w[l][j, k]), float(expected_w[j, k])
                name, ng = weight_names(layer, j + 1, k + 1)
                tol = float(tol_w[j, k])
                comparisons.append(Comparison(name, ng, a, n, mean_step[j], tol, kinked[j], "BP4", layer))
    return tuple(comparisons), evaluations
