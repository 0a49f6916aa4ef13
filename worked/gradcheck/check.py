r"""Gradient checking: backprop's gradient against central differences, four ways.

``exhaustive``
    Central differences on every parameter, with the step :math:`\epsilon^{1/3}\max(1,|\theta|)`
    of :mod:`worked.gradcheck.numerical`: :math:`2P` forward passes for :math:`P` parameters, each on the
    parameters moved in place (:func:`differences`), and nothing per parameter but numbers until
    the report names them (:func:`comparisons`).
``directional``
    :math:`k` random directions :math:`d`, comparing backprop's directional derivative
    :math:`\langle\nabla C, d\rangle` with the central difference along :math:`d`: :math:`2k` costs
    whatever :math:`P`, evaluated together in one forward pass over :math:`2k` copies of the batch
    (:mod:`worked.gradcheck.moved` shows how; :mod:`worked.gradcheck.directions` argues why :math:`k = 3`
    is enough).
``equations``
    BP1-BP4 one at a time, by perturbing :math:`z^l_j` itself (:mod:`worked.gradcheck.by_equation`), so that a
    failure names the equation and the layer.
``taylor``
    The tolerance-free remainder test of :mod:`worked.gradcheck.taylor`.

All four run on a :class:`~worked.gradcheck.checkpoint.Point`; :func:`gradcheck` puts the result in a
:class:`~worked.gradcheck.report.Report`.
Randomness comes only from ``seed`` (an int or a ``numpy.random.Generator``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from worked.core import Array, InvalidInput, Network, validation
from worked.gradcheck.by_equation import equations
from worked.gradcheck.checkpoint import Backward, Point, prepare
from worked.gradcheck.directions import DIRECTIONS, directional
from worked.gradcheck.line import taylor
from worked.gradcheck.names import bias_names, weight_names
from worked.gradcheck.numerical import numerical_gradient
from worked.gradcheck.report import Comparison, Report, Tolerance, own_error, step_rule

MODES = ("exhaustive", "directional", "equations", "taylor")
"""The checker's modes: every parameter, random directions, per equation (BP1-BP4), a Taylor test."""

Progress = Callable[[int, int], None]


def _names(point: Point) -> list[tuple[str, str, int]]:
    """Nielsen's and Ng's name and the layer of every parameter (the layer it feeds, the input being
    layer 1 as in the books), in the order of :func:`_flatten`."""
    names = []
    for l, w in enumerate(point.network.weights, start=2):
        names += [(*weight_names(l, j + 1, k + 1), l) for j in range(w.shape[0]) for k in range(w.shape[1])]
        names += [(*bias_names(l, j + 1), l) for j in range(w.shape[0])]
    return names


def _flatten(weights: list[Array], biases: list[Array]) -> Array:
    return np.concatenate([v.ravel() for w, b in zip(weights, biases, strict=True) for v in (w, b)])


def _unflatten(flat: Array, network: Network) -> tuple[list[Array], list[Array]]:
    """Weights and biases shaped like ``network``'s, as views into ``flat`` (laid out as :func:`_flatten`)."""
    weights, biases, at = [], [], 0
    for n, k in (w.shape for w in network.weights):
        weights.append(flat[at : at + n * k].reshape(n, k))
        biases.append(flat[at + n * k : at + n * k + n])
        at += n * k + n
    return weights, biases


class _InPlace:
    """The cost at the working copy of θ that :func:`numerical_gradient` moves one entry at a time.

    The network's weights and biases are views into that copy, made on the first call (it is the
    same array on every call), so each forward pass sees the moved entry without anything being
    sliced, copied or allocated per call; whether each pass crossed a ReLU kink is recorded.
    """

    def __init__(self, point: Point) -> None:
        self.point, self.network = point, point.network
        self.theta: Array | None = None
        self.crossed: list[bool] = []
        self.largest = 0.0  # the largest |C| evaluated since last reset: the scale of its rounding

    def __call__(self, theta: Array) -> float:
        if theta is not self.theta:
            self.theta, self.network = theta, self.network.replace(*_unflatten(theta, self.network))
        cost, crossed = self.point.cost_at(self.network)
        self.crossed.append(crossed)
        self.largest = max(self.largest, abs(cost))
        return cost


def _layers(network: Network) -> list[tuple[slice, slice]]:
    """Each layer's weights and biases (its two parameter groups) as slices of :func:`_flatten`'s layout."""
    slices, at = [], 0
    for n, k in (w.shape for w in network.weights):
        slices.append((slice(at, at + n * k), slice(at + n * k, at + n * k + n)))
        at += n * k + n
    return slices


@dataclass(frozen=True)
class Differences:
    """The exhaustive check's numbers, one entry per parameter in the order of :func:`_flatten`;
    ``evaluations`` counts the costs computed (2P, and 2 more per parameter of a refined layer)."""

    analytic: Array
    numerical: Array
    steps: Array
    tolerance: Array
    kinks: NDArray[np.bool_]
    evaluations: int


def differences(point: Point, progress: Progress | None = None) -> Differences:
    """Every parameter by central differences: :math:`2P` forward passes, judged as arrays, each
    parameter group at its own scale (:meth:`Tolerance.group`).

    A layer with a vanishing group is differenced again with twice the step, to estimate the
    differences' own error there. This is the check itself; :func:`comparisons` then makes one
    named entry per parameter for the report (the benchmark times the two apart).
    """
    cost = _InPlace(point)
    theta = _flatten(point.network.weights, point.network.biases)
    total = theta.size
    numerical, steps = numerical_gradient(
        cost, theta, None if progress is None else lambda i: progress(i + 1, total)
    )
    analytic = _flatten(point.nabla_w, point.nabla_b)
    crossed = np.array(cost.crossed, dtype=bool)
    kinks = crossed[0::2] | crossed[1::2]  # a kink on either side of the parameter
    noise = np.float64(point.mean_noise)
    a, n = analytic.astype(np.float64), numerical.astype(np.float64)  # tolerances in float64 always
    rule, tolerance, evaluations = Tolerance(point.precision), np.empty_like(a), 2 * total
    for weights, biases in _layers(point.network):
        layer, spread = slice(weights.start, biases.stop), None
        if any(rule.vanishing(a[g], n[g], noise) for g in (weights, biases)):
            indices, cost.largest = range(layer.start, layer.stop), float(np.mean(point.bare_noise))
            twice = numerical_gradient(cost, theta, indices=indices, factor=2.0)[0].astype(np.float64)
            spread = own_error(
                float(np.max(np.abs(n[layer] - twice))),
                cost.largest,  # N without its floor, or the largest cost met at θ ± 2h, if larger
                float(np.min(steps[layer])),
                point.precision,
            )
            evaluations += 2 * len(indices)
        for g in (weights, biases):
            tolerance[g] = rule.group(a[g], n[g], noise, spread)
    return Differences(analytic, numerical, steps, tolerance, kinks, evaluations)


def comparisons(point: Point, found: Differences) -> tuple[Comparison, ...]:
    """One :class:`Comparison` per parameter, named in both notations (kinks reported, not failed)."""
    values = zip(
        _names(point),
        found.analytic.tolist(),
        found.numerical.tolist(),
        found.steps.tolist(),
        found.tolerance.tolist(),
        found.kinks.tolist(),
        strict=True,
    )
    return tuple(
        Comparison(name, ng, a, n, h, tol, kink, layer=layer)
        for (name, ng, layer), a, n, h, tol, kink in values
    )


def exhaustive(point: Point, progress: Progress | None = None) -> tuple[tuple[Comparison, ...], int]:
    """Every parameter by central differences, as comparisons; and the forward passes spent."""
    found = differences(point, progress)
    return comparisons(point, found), found.evaluations


def _report(point: Point, mode: str, comparisons: tuple[Comparison, ...], evaluations: int) -> Report:
    m = point.xs.shape[0]
    network = f"{point.network!r}, batch of {m} example{'s' if m > 1 else ''}"
    rule = Tolerance(point.precision).explain()
    steps = step_rule(point.precision)
    return Report(
        mode, network, point.precision, comparisons, evaluations, steps, rule, None, point.warnings()
    )


def gradcheck(
    network: Network,
    x: Array,
    y: Array,
    mode: str = "exhaustive",
    *,
    directions: int = DIRECTIONS,
    seed: int | np.random.Generator = 0,
    backward: Backward | None = None,
    with_taylor: bool = False,
    allow_float32: bool = False,
    progress: Progress | None = None,
    l2: float = 0.0,
) -> Report:
    """Check ``backward`` (default ``Network.backward``) at ``network``, ``x``, ``y`` in one mode.

    ``l2`` = λ > 0 checks the gradient of the L2-regularised cost (see :mod:`worked.core.regularisation`).

    ``with_taylor`` adds the Taylor test to the other modes (its slope then joins the verdict).
    Neither the network nor the inputs are changed.
    """
    if mode not in MODES:
        raise InvalidInput(f"unknown mode {mode!r}; choose one of: {', '.join(MODES)}")
    rng = np.random.default_rng(seed if isinstance(seed, np.random.Generator) else validation.seed(seed))
    point = prepare(network, x, y, backward, allow_float32, l2)
    if mode == "taylor":
        report = _report(point, "taylor", (), 0)
        with_taylor = True
    elif mode == "exhaustive":
        report = _report(point, mode, *exhaustive(point, progress))
    elif mode == "directional":
        report = _report(point, mode, *directional(point, directions, rng))
    else:
        report = _report(point, mode, *equations(point))
    if not with_taylor:
        return report
    found = taylor(point, rng)
    return dataclasses.replace(report, taylor=found, evaluations=report.evaluations + found.evaluations)
