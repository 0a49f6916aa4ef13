r"""The Taylor-remainder test's line: the cost along :math:`\theta + h d` for one random direction.

The test needs :math:`C(\theta + h d)` for :math:`h` down to 1e-8, where the rounding of
:math:`\theta + h d` itself matters; :class:`Line` forms it in arrays it keeps for the whole test
(every group's direction is drawn into kept arrays too, :mod:`worked.gradcheck.kept`) and compares
with the step the computer actually took. The directions are drawn as the directional mode draws
its own (:func:`worked.gradcheck.directions.draw`), one in each parameter group: along a direction
through the whole network, the slope-1 term of a bug in a layer whose gradients vanish stays below
the rounding floor while the other layers' quadratic term rises above it, and the fit sees slope 2.
"""

from __future__ import annotations

import dataclasses
import math

import numpy as np

from worked.core import Array
from worked.gradcheck.checkpoint import Point
from worked.gradcheck.directions import draw, groups
from worked.gradcheck.kept import Kept
from worked.gradcheck.numerical import machine_epsilon
from worked.gradcheck.taylor import TAYLOR_SNR, Taylor, taylor_test


class Line:
    r"""The cost along :math:`\theta + t d` for the direction ``direction`` (shaped like the parameters,
    weights then biases; set it before evaluating, and again for another line), evaluated in arrays
    allocated once.

    ``crossed`` records whether any evaluation crossed a ReLU kink.
    """

    def __init__(self, point: Point) -> None:
        self.point = point
        self.params = [*point.network.weights, *point.network.biases]
        self.grads = [*point.nabla_w, *point.nabla_b]
        self.direction: list[Array] = []
        self.scratch, self.buffer = self._like(), self._like()
        self.crossed = False

    def _like(self) -> list[Array]:
        return [np.empty_like(p) for p in self.params]

    def cost(self, t: float) -> float:
        for p, d, b in zip(self.params, self.direction, self.buffer, strict=True):
            np.multiply(d, t, out=b)
            b += p
        L = len(self.point.network.weights)
        value, crossed = self.point.evaluate(self.buffer[:L], self.buffer[L:])
        self.crossed |= crossed
        return value

    def gradient_dot(self) -> float:
        r""":math:`\langle\nabla C, \theta_t - \theta\rangle` for the last :math:`\theta_t` evaluated:
        the step the computer actually took, rounding included."""
        total = 0.0
        for g, p, m, s in zip(self.grads, self.buffer, self.params, self.scratch, strict=True):
            np.subtract(p, m, out=s)
            total += float(np.vdot(g, s))
        return total


def taylor(point: Point, seed: int | np.random.Generator = 0) -> Taylor:
    """The Taylor-remainder test along one random direction in each parameter group (drawn as in
    :func:`directional`); the result is the worst group's (a failing one first, then the lowest
    slope), with the evaluations of all of them."""
    rng = np.random.default_rng(seed)
    floor = TAYLOR_SNR * machine_epsilon(point.precision) * point.mean_noise
    found, line, kept = [], Line(point), Kept(point, 1)  # one set of arrays for every group

    def along(h: float) -> tuple[float, float, bool]:
        line.crossed = False
        value = line.cost(h)
        return value, line.gradient_dot(), line.crossed

    for name, index in groups(point):
        line.direction = draw(point, 1, rng, index, kept).row(0)
        found.append(dataclasses.replace(taylor_test(along, point.cost, floor), group=name))
    worst = min(found, key=lambda t: (t.passed, math.inf if t.slope is None else t.slope))
    return dataclasses.replace(worst, evaluations=sum(t.evaluations for t in found))
