r"""Gradient checking: backprop's gradient against central differences, four ways.

``exhaustive``
    Central differences on every parameter, with the step :math:`\epsilon^{1/3}\max(1,|\theta|)`
    of :mod:`worked.numerical`: :math:`2P` forward passes for :math:`P` parameters.
``directional``
    :math:`k` random directions :math:`d`, comparing backprop's directional derivative
    :math:`\langle\nabla C, d\rangle` with the central difference along :math:`d`: :math:`2k` forward
    passes whatever :math:`P` (:mod:`worked.directions` argues why :math:`k = 3` is enough).
``equations``
    BP1-BP4 one at a time, by perturbing :math:`z^l_j` itself (:mod:`worked.equations`), so that a
    failure names the equation and the layer.
``taylor``
    The tolerance-free remainder test of :mod:`worked.taylor`.

All four run on a :class:`~worked.checkpoint.Point`; :func:`gradcheck` puts the result in a
:class:`~worked.gradreport.Report`.
Randomness comes only from ``seed`` (an int or a ``numpy.random.Generator``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import numpy as np

from worked.activations import Array
from worked.checkpoint import Backward, Point, prepare
from worked.directions import DIRECTIONS, directional, taylor
from worked.equations import equations
from worked.gradreport import Comparison, Report, Tolerance, bias_names, step_rule, weight_names
from worked.network import Network
from worked.numerical import numerical_gradient

MODES = ("exhaustive", "directional", "equations", "taylor")

Progress = Callable[[int, int], None]


def _names(point: Point) -> list[tuple[str, str, int]]:
    """Nielsen's and Ng's name and the layer of every parameter, in the order of :func:`_flatten`."""
    names = []
    for l, w in enumerate(point.network.weights, start=1):
        names += [(*weight_names(l, j + 1, k + 1), l) for j in range(w.shape[0]) for k in range(w.shape[1])]
        names += [(*bias_names(l, j + 1), l) for j in range(w.shape[0])]
    return names


def _flatten(weights: list[Array], biases: list[Array]) -> Array:
    return np.concatenate([v.ravel() for w, b in zip(weights, biases, strict=True) for v in (w, b)])


def exhaustive(point: Point, progress: Progress | None = None) -> tuple[tuple[Comparison, ...], int]:
    """Every parameter by central differences (kinks crossed are reported, not failed); and the passes."""
    net = point.network
    shapes = [(w.shape, b.shape) for w, b in zip(net.weights, net.biases, strict=True)]

    def unpack(flat: Array) -> tuple[list[Array], list[Array]]:
        weights, biases, at = [], [], 0
        for (n, k), _ in shapes:
            weights.append(flat[at : at + n * k].reshape(n, k))
            biases.append(flat[at + n * k : at + n * k + n])
            at += n * k + n
        return weights, biases

    crossed: list[bool] = []

    def cost(flat: Array) -> float:
        value, kink = point.evaluate(*unpack(flat))
        crossed.append(kink)
        return value

    theta = _flatten(net.weights, net.biases)
    total = theta.size
    numerical, steps = numerical_gradient(
        cost, theta, None if progress is None else lambda i: progress(i + 1, total)
    )
    analytic = _flatten(point.nabla_w, point.nabla_b)
    tolerance, noise = Tolerance(point.precision), float(np.mean(point.noise))
    values = zip(_names(point), analytic.tolist(), numerical.tolist(), steps.tolist(), strict=True)
    comparisons = tuple(
        Comparison(
            name, ng, a, n, h, tolerance(a, n, noise), crossed[2 * i] or crossed[2 * i + 1], layer=layer
        )
        for i, ((name, ng, layer), a, n, h) in enumerate(values)
    )
    return comparisons, 2 * total


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
) -> Report:
    """Check ``backward`` (default ``Network.backward``) at ``network``, ``x``, ``y`` in one mode.

    ``with_taylor`` adds the Taylor test to the other modes (its slope then joins the verdict).
    Neither the network nor the inputs are changed.
    """
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}; choose one of: {', '.join(MODES)}")
    rng = np.random.default_rng(seed)
    point = prepare(network, x, y, backward, allow_float32)
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
