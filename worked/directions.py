r"""Random directions through parameter space: the directional mode and the Taylor test's line.

Both look at the cost along one line :math:`\theta + t d` at a time. The direction is drawn per
parameter (:func:`random_direction`), and the cost along the line is evaluated in preallocated
buffers (:class:`Line`), so a check of :math:`P` parameters allocates a few vectors of size
:math:`P` once and nothing of that size per forward pass.
"""

from __future__ import annotations

import numpy as np

from worked.activations import Array
from worked.checkpoint import Point
from worked.gradreport import Comparison, Tolerance
from worked.numerical import central_difference, machine_epsilon
from worked.taylor import TAYLOR_SNR, Taylor, taylor_test

DIRECTIONS = 3
"""Random directions in the directional mode; why three suffice is argued in :func:`directional`."""


def random_direction(point: Point, rng: np.random.Generator, out: list[Array], scratch: list[Array]) -> None:
    r"""Fill ``out`` (one array per weight matrix, then per bias vector) with a random direction.

    :math:`d_i = \max(1, |\theta_i|)\, u_i / \lVert u \rVert` with :math:`u` standard normal: every
    coordinate gets a random sign *and* size, scaled like the per-parameter step, and the step
    :math:`t = \epsilon^{1/3}` along :math:`d` then moves each parameter by about its own step.
    Written in place (``scratch`` is overwritten), so nothing of the parameters' size is allocated.
    """
    params = [*point.network.weights, *point.network.biases]
    for d in out:
        rng.standard_normal(dtype=d.dtype, out=d)
    norm = np.sqrt(sum(float(np.vdot(d, d)) for d in out))
    for p, d, s in zip(params, out, scratch, strict=True):
        np.abs(p, out=s)
        np.maximum(s, 1.0, out=s)
        d *= s
        d /= norm


class Line:
    """The cost along :math:`\theta + t d`, evaluated in buffers allocated once.

    ``direction`` and ``scratch`` are arrays shaped like the parameters (weights, then biases),
    for the caller to fill; ``crossed`` records whether any evaluation crossed a ReLU kink.
    """

    def __init__(self, point: Point) -> None:
        self.point = point
        self.params = [*point.network.weights, *point.network.biases]
        self.grads = [*point.nabla_w, *point.nabla_b]
        self.direction, self.scratch = self._like(), self._like()
        self.buffers = {1: self._like(), -1: self._like()}
        self.crossed = False

    def _like(self) -> list[Array]:
        return [np.empty_like(p) for p in self.params]

    def draw(self, rng: np.random.Generator) -> None:
        """A new random direction; forget the kinks of the last."""
        random_direction(self.point, rng, self.direction, self.scratch)
        self.crossed = False

    def cost(self, t: float) -> float:
        buffer = self.buffers[1 if t > 0 else -1]
        for p, d, b in zip(self.params, self.direction, buffer, strict=True):
            np.multiply(d, t, out=b)
            b += p
        L = len(self.point.network.weights)
        value, crossed = self.point.evaluate(buffer[:L], buffer[L:])
        self.crossed |= crossed
        return value

    def gradient_dot(self, minus: list[Array]) -> float:
        r""":math:`\langle\nabla C, \theta_+ - \theta_-\rangle` for the last :math:`\theta_+` evaluated:
        the step the computer actually took, rounding included."""
        total = 0.0
        for g, p, m, s in zip(self.grads, self.buffers[1], minus, self.scratch, strict=True):
            np.subtract(p, m, out=s)
            total += float(np.vdot(g, s))
        return total


def directional(
    point: Point, k: int = DIRECTIONS, seed: int | np.random.Generator = 0
) -> tuple[tuple[Comparison, ...], int]:
    r"""Backprop's :math:`\langle\nabla C, d\rangle` against the central difference along ``k`` directions.

    Cost: :math:`2k` forward passes, whatever the number of parameters :math:`P`; returns the
    comparisons and that count.

    Why :math:`k = 3` catches a wrong gradient. Let backprop's gradient be :math:`g + e`, with
    :math:`e \ne 0` its error. Along :math:`d` the check compares :math:`\langle g + e, d\rangle`
    with a central difference of :math:`\langle g, d\rangle`, and misses the bug only if
    :math:`|\langle e, d\rangle| \le \tau`, the tolerance. Draw :math:`d_i = s_i u_i` with
    :math:`u \sim N(0, I)` and :math:`s_i = \max(1,|\theta_i|) \ge 1`: then :math:`\langle e, d\rangle`
    is normal with mean 0 and standard deviation :math:`\sigma = \lVert s \odot e\rVert \ge
    \lVert e\rVert`. (The code then divides :math:`d` by :math:`\lVert u\rVert \approx \sqrt P`;
    that divides :math:`\langle e, d\rangle` and :math:`\tau` alike, so the argument runs with
    :math:`\tau \approx r|\langle g, d\rangle| + aN\sqrt P` for the undivided :math:`d`, with
    :math:`r, a, N` as in :mod:`worked.gradreport`.) A normal density never exceeds
    :math:`1/(\sigma\sqrt{2\pi})`, so one direction misses with probability at most
    :math:`\sqrt{2/\pi}\,\tau/\lVert e\rVert`, and :math:`k` independent directions all miss with
    probability at most :math:`(\sqrt{2/\pi}\,\tau/\lVert e\rVert)^k`. Every bug of
    :mod:`worked.bugs` makes :math:`\lVert e\rVert \ge 10^3\tau` on the test networks (the tests
    check it, with :math:`\tau` at three times its typical size), so one direction misses with
    probability below 8e-4 and three below 5e-10. Directions of :math:`\pm 1` entries would not
    do: two equal and opposite errors cancel with probability 1/2 per direction, 1/8 for
    :math:`k = 3`; hence the random sizes.
    """
    if isinstance(k, bool) or not isinstance(k, int | np.integer) or k < 1:
        raise ValueError(f"the number of directions must be a whole number >= 1, got {k!r}")
    rng = np.random.default_rng(seed)
    line = Line(point)
    t = machine_epsilon(point.precision) ** (1.0 / 3.0)
    tolerance, noise = Tolerance(point.precision), float(np.mean(point.noise))
    comparisons = []
    for i in range(1, k + 1):
        line.draw(rng)
        numerical = central_difference(line.cost, t)
        analytic = line.gradient_dot(line.buffers[-1]) / (2.0 * t)
        tol = tolerance(analytic, numerical, noise)
        comparisons.append(Comparison(f"⟨∇C, d_{i}⟩", "", analytic, numerical, t, tol, line.crossed))
    return tuple(comparisons), 2 * k


def taylor(point: Point, seed: int | np.random.Generator = 0) -> Taylor:
    """The Taylor-remainder test along one random direction (drawn as in :func:`directional`)."""
    line = Line(point)
    line.draw(np.random.default_rng(seed))

    def along(h: float) -> tuple[float, float, bool]:
        line.crossed = False
        value = line.cost(h)
        return value, line.gradient_dot(line.params), line.crossed

    floor = TAYLOR_SNR * machine_epsilon(point.precision) * float(np.mean(point.noise))
    return taylor_test(along, point.cost, floor)
