r"""Random directions through parameter space, and the directional mode along them.

The mode looks at the cost along lines :math:`\theta + t d`. The directions are drawn per parameter,
all :math:`k` at once (:func:`draw`); the Taylor test draws its one line the same way (:mod:`line`).

The directional mode needs :math:`C(\theta \pm t d_i)` for :math:`i = 1..k`: :math:`2k` costs, which
:func:`slopes` evaluates as one forward pass over :math:`2k` copies of the batch, without ever forming
:math:`\theta \pm t d_i`. It can, because :math:`z^l = w^l a^{l-1} + b^l` is linear in
:math:`(w^l, b^l)`: at :math:`\theta + s\,d` (with :math:`d` split into :math:`(d_w^l, d_b^l)`),

.. math:: z^l = \bigl(w^l a^{l-1} + b^l\bigr) + s\,\bigl(d_w^l a^{l-1} + d_b^l\bigr),

where :math:`a^{l-1}` is the activation *at the moved point*. So each layer costs one product with
the network's own :math:`w^l` for all :math:`2k` copies at once, and one with each :math:`d_w^l`; in
the first layer the input is the same for all copies, so the network's part is the point's own
:math:`z^1` and the direction's part is shared by :math:`\pm`. Nothing of the parameters' size is
written, and for a small network the whole check is a few dozen numpy calls instead of :math:`2k`
forward passes' worth. The step taken is exactly :math:`\pm t d` (the parameters are never rounded
into storage), so backprop's side is exactly :math:`\langle\nabla C, d\rangle`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from worked.core import RELU, Array, regularisation, validation
from worked.gradcheck.checkpoint import Point
from worked.gradcheck.kept import Kept
from worked.gradcheck.numerical import central_difference, machine_epsilon
from worked.gradcheck.report import Comparison, Tolerance, own_error

DIRECTIONS = 3
"""Random directions in the directional mode; why three suffice is argued in :func:`directional`."""


@dataclass(frozen=True)
class Directions:
    r"""``k`` directions as the rows of ``flat`` (shape ``(k, P)``): every weight matrix, then every
    bias vector, each in C order. ``weights[l]`` (shape ``(k, n_l, n_{l-1})``) and ``biases[l]``
    (shape ``(k, n_l)``) are views of it, indexed like the network's."""

    flat: Array
    weights: list[Array]
    biases: list[Array]

    @property
    def k(self) -> int:
        return int(self.flat.shape[0])

    def row(self, i: int) -> list[Array]:
        """Direction ``i`` shaped like the parameters: weights, then biases."""
        return [w[i] for w in self.weights] + [b[i] for b in self.biases]


def _directions(point: Point, flat: Array) -> Directions:
    """``flat`` (``(k, P)``, weights then biases) with its views shaped like the parameters."""
    params = [*point.network.weights, *point.network.biases]
    views, at = [], 0
    for p in params:
        views.append(flat[:, at : at + p.size].reshape(flat.shape[0], *p.shape))
        at += p.size
    L = len(point.network.weights)
    return Directions(flat, views[:L], views[L:])


def groups(point: Point) -> list[tuple[str, int]]:
    """The parameter groups, each named as the books name it (``w^2``: the weights into layer 2, the
    input being layer 1) with its index in the list of weights then biases; in backprop's order
    from the input, weights before biases."""
    L = len(point.network.weights)
    return [(f"{kind}^{l + 2}", l + L * (kind == "b")) for l in range(L) for kind in ("w", "b")]


def draw(
    point: Point, k: int, rng: np.random.Generator, group: int | None = None, kept: Kept | None = None
) -> Directions:
    r"""``k`` random directions :math:`d = s \odot u / \lVert u \rVert`, with :math:`u` standard normal.

    :math:`s_i = \max(1, |\theta_i|)`: every coordinate gets a random sign *and* size, scaled like the
    per-parameter step, and the step :math:`t = \epsilon^{1/3}` along :math:`d` then moves each
    parameter by about its own step. One array of :math:`kP` numbers is drawn and scaled in place.
    With ``group`` (an index into the weights then the biases, see :func:`groups`) the directions
    are zero outside that one parameter group. With ``kept`` (made for ``k`` directions at ``point``)
    they are written into its arrays, replacing its last draw, and nothing of the parameters' size
    is allocated; without, into new ones.
    """
    kept = Kept(point, k) if kept is None else kept
    if kept.flat.shape[0] != k:
        raise ValueError(f"kept holds {kept.flat.shape[0]} directions, not {k}")
    params, flat = [*point.network.weights, *point.network.biases], kept.flat
    flat[:, kept.drawn] = 0.0  # the last draw's columns: the rest is zero already
    if group is None:
        rng.standard_normal(dtype=flat.dtype, out=flat)
        kept.drawn = slice(0, flat.shape[1])
    else:
        at = sum(p.size for p in params[:group])
        kept.drawn = slice(at, at + params[group].size)
        normal = kept.normal[: k * params[group].size].reshape(k, -1)
        rng.standard_normal(out=normal)  # in float64, then rounded to the parameters' type
        flat[:, kept.drawn] = normal
    norms = np.sqrt(np.einsum("ij,ij->i", flat, flat, dtype=np.float64))
    at = 0
    for i, p in enumerate(params):
        if group is None or i == group:
            scale = kept.scale[: p.size].reshape(p.shape)
            np.abs(p, out=scale)
            np.maximum(scale, 1.0, out=scale)
            flat[:, at : at + p.size] *= scale.reshape(-1)
        at += p.size
    flat[:, kept.drawn] /= norms[:, np.newaxis]
    return _directions(point, flat)


def slopes(point: Point, directions: Directions) -> tuple[Array, Array, NDArray[np.bool_]]:
    r"""Backprop's :math:`\langle\nabla C, d_i\rangle` and the central difference along each :math:`d_i`,
    with whether each crossed a kink (see :func:`moved_costs`)."""
    analytic, costs, kinks = moved_costs(point, directions)
    t = machine_epsilon(point.precision) ** (1.0 / 3.0)
    numerical: Array = central_difference(lambda h: costs[0::2] if h > 0 else costs[1::2], t)
    return analytic, numerical, kinks


def moved_costs(
    point: Point, directions: Directions, kept: Kept | None = None
) -> tuple[Array, Array, NDArray[np.bool_]]:
    r"""Backprop's :math:`\langle\nabla C, d_i\rangle` and the central difference along each :math:`d_i`.

    Returns ``(analytic, costs, kinks)``: ``analytic`` and ``kinks`` of shape ``(k,)``, ``costs``
    of shape ``(2k,)`` (at :math:`\theta + t d_i`, then :math:`\theta - t d_i`, for each :math:`i`);
    ``kinks[i]`` says whether the step along :math:`d_i` crossed a ReLU kink. The :math:`2k` costs
    come from one forward pass over :math:`2k` copies of the batch (see the module's docstring):
    rows ``2im .. 2im + m - 1`` are at :math:`\theta + t d_i`, the next ``m`` at :math:`\theta - t d_i`.
    The L2 penalty, if any, moves the weights themselves: into ``kept``'s arrays when given.
    """
    net, xs, k = point.network, point.xs, directions.k
    m, L = xs.shape[0], len(net.weights)
    t = machine_epsilon(point.precision) ** (1.0 / 3.0)
    analytic: Array = directions.flat @ point.gradient  # the step is exactly t·d: nothing was rounded
    kinks = np.zeros(2 * k, dtype=bool)
    z = np.empty((2 * k * m, point.zs[0].shape[1]), dtype=xs.dtype)
    z.reshape(2 * k, m, -1)[...] = point.zs[0]  # the network's part of z^1: the same for every copy
    for l in range(L):
        d_w, d_b = directions.weights[l], directions.biases[l]
        if l == 0:  # the direction's part, d_w x + d_b, once for + and −
            step = xs @ d_w.transpose(0, 2, 1)
            step += d_b[:, np.newaxis, :]
            step *= t
            moved = z.reshape(k, 2, m, -1)
            moved[:, 0] += step
            moved[:, 1] -= step
        else:
            a = net.sigmas[l - 1].value(z).reshape(k, 2 * m, -1)
            z = net.weighted_input(l, a.reshape(2 * k * m, -1))  # the network's own w^l a + b^l
            step = a @ d_w.transpose(0, 2, 1)
            step += d_b[:, np.newaxis, :]
            step *= np.repeat(np.array([t, -t], dtype=xs.dtype), m).reshape(1, 2 * m, 1)
            z.reshape(k, 2 * m, -1)[...] += step
        if net.sigmas[l] is RELU:
            flipped = (z.reshape(2 * k, m, -1) > 0) != (point.zs[l] > 0)
            kinks |= flipped.reshape(2 * k, -1).any(axis=1)
    z_out = z.reshape(2 * k, m, -1)
    outputs = net.sigmas[L - 1].value(z_out)
    # Each copy's cost is the mean over its m examples of the per-example cost (Network.mean_cost).
    terms = net.cost_function.output_terms(z_out, outputs, point.ys, net.sigmas[L - 1])
    costs = terms.reshape(2 * k, -1).sum(axis=1) / m
    if point.l2:
        weights = [np.empty_like(w) for w in point.network.weights] if kept is None else kept.weights()
        costs += _penalties(point, directions, t, weights)
    return analytic, costs, kinks[0::2] | kinks[1::2]  # a kink on either side


def _penalties(point: Point, directions: Directions, t: float, moved: list[Array]) -> Array:
    r"""The L2 penalty :math:`\frac{\lambda}{2m}\sum w^2` at :math:`\theta \pm t d_i` for each direction, in
    the order of the costs (+ then − for each :math:`i`): the weights moved (into ``moved``, arrays
    shaped like them), the biases never counted."""
    m = point.xs.shape[0]
    values = np.empty(2 * directions.k)
    for i in range(directions.k):
        for s, sign in enumerate((1.0, -1.0)):
            for w, d, into in zip(point.network.weights, directions.weights, moved, strict=True):
                np.multiply(d[i], sign * t, out=into)
                into += w
            values[2 * i + s] = regularisation.penalty(moved, point.l2, m)
    return values


def compare(point: Point, directions: Directions, group: str = "") -> tuple[Comparison, ...]:
    """:func:`slopes` judged, one :class:`Comparison` per direction (see :func:`judge`)."""
    return judge(point, directions, group)[0]


def judge(
    point: Point, directions: Directions, group: str = "", kept: Kept | None = None
) -> tuple[tuple[Comparison, ...], int]:
    """:func:`slopes` judged, one :class:`Comparison` per direction, and the costs spent.

    With ``group`` (the parameter group the directions lie in, named as :func:`groups` names it) the
    group is judged at its own scale: where it vanishes, the slopes are taken again with twice the
    step, and their spread is the differences' own error (:meth:`Tolerance.group`). With ``kept``,
    everything of the parameters' size is written into its arrays (see :mod:`worked.gradcheck.kept`).
    """
    analytic, costs, kinks = moved_costs(point, directions, kept)
    t = machine_epsilon(point.precision) ** (1.0 / 3.0)
    numerical = central_difference(lambda h: costs[0::2] if h > 0 else costs[1::2], t)
    wide = analytic.astype(np.float64), numerical.astype(np.float64)  # tolerances in float64 always
    rule, noise, evaluations = Tolerance(point.precision), np.float64(point.mean_noise), 2 * directions.k
    spread = None
    if group and rule.vanishing(*wide, noise):
        # Along 2d with step t is along d with step 2t, twice over: halved, it is D(2t) along d.
        doubled = 2.0 * directions.flat if kept is None else kept.doubled(directions.flat)
        _, moved, _ = moved_costs(point, _directions(point, doubled), kept)
        twice = central_difference(lambda h: moved[0::2] if h > 0 else moved[1::2], t) / 2.0
        gap = float(np.max(np.abs(wide[1] - twice.astype(np.float64))))
        largest = max(float(np.mean(point.bare_noise)), float(np.max(np.abs(moved))))
        spread = own_error(gap, largest, t, point.precision)
        evaluations *= 2
    tolerances = rule.group(*wide, noise, spread)
    values = zip(*(v.tolist() for v in (*wide, tolerances, kinks)), strict=True)
    on = f" on {group}" if group else ""
    layer = int(group.split("^")[1]) if group else 0
    comparisons = tuple(
        Comparison(f"⟨∇C, d_{i}⟩{on}", "", a, n, t, tol, kink, layer=layer)
        for i, (a, n, tol, kink) in enumerate(values, 1)
    )
    return comparisons, evaluations


def directional(
    point: Point, k: int = DIRECTIONS, seed: int | np.random.Generator = 0
) -> tuple[tuple[Comparison, ...], int]:
    r"""Backprop's :math:`\langle\nabla C, d\rangle` against the central difference along ``k``
    directions in each parameter group (one layer's weights, one layer's biases).

    Cost: :math:`2k` evaluations of the cost per group, whatever the number of parameters :math:`P`
    (each group's made as one forward pass over :math:`2k` copies of the batch, see :func:`slopes`),
    and as many again for a vanishing group; returns the comparisons and that count. Directions
    through the whole network would hide a bug in a layer whose gradients vanish: its share of
    :math:`\langle\nabla C, d\rangle` drowns in the others' tolerance. Within one group it cannot.

    Why :math:`k = 3` catches a wrong gradient. Let backprop's gradient be :math:`g + e`, with
    :math:`e \ne 0` its error in a group. Along :math:`d` the check compares :math:`\langle g + e, d\rangle`
    with a central difference of :math:`\langle g, d\rangle`, and misses the bug only if
    :math:`|\langle e, d\rangle| \le \tau`, the tolerance. Draw :math:`d_i = s_i u_i` with
    :math:`u \sim N(0, I)` and :math:`s_i = \max(1,|\theta_i|) \ge 1`: then :math:`\langle e, d\rangle`
    is normal with mean 0 and standard deviation :math:`\sigma = \lVert s \odot e\rVert \ge
    \lVert e\rVert`. (The code then divides :math:`d` by :math:`\lVert u\rVert \approx \sqrt P`;
    that divides :math:`\langle e, d\rangle` and :math:`\tau` alike, so the argument runs with
    :math:`\tau \approx r|\langle g, d\rangle| + aN\sqrt P` for the undivided :math:`d`, with
    :math:`r, a, N` as in :mod:`worked.gradcheck.report`.) A normal density never exceeds
    :math:`1/(\sigma\sqrt{2\pi})`, so one direction misses with probability at most
    :math:`\sqrt{2/\pi}\,\tau/\lVert e\rVert`, and :math:`k` independent directions all miss with
    probability at most :math:`(\sqrt{2/\pi}\,\tau/\lVert e\rVert)^k`. Every bug of
    :mod:`worked.gradcheck.bugs` makes :math:`\lVert e\rVert \ge 10^3\tau` on the test networks (the tests
    check it, with :math:`\tau` at three times its typical size), so one direction misses with
    probability below 8e-4 and three below 5e-10. Directions of :math:`\pm 1` entries would not
    do: two equal and opposite errors cancel with probability 1/2 per direction, 1/8 for
    :math:`k = 3`; hence the random sizes.
    """
    k = validation.directions(k)
    rng = np.random.default_rng(seed)
    comparisons: list[Comparison] = []
    evaluations, kept = 0, Kept(point, k)  # one set of arrays for every group's directions and costs
    for name, index in groups(point):
        found, spent = judge(point, draw(point, k, rng, index, kept), name, kept)
        comparisons += found
        evaluations += spent
    return tuple(comparisons), evaluations
