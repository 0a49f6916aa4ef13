r"""The directional mode's :math:`2k` costs :math:`C(\theta \pm t d_i)`, in one forward pass over
:math:`2k` copies of the batch, without ever forming :math:`\theta \pm t d_i`.

It can, because :math:`z^l = w^l a^{l-1} + b^l` is linear in :math:`(w^l, b^l)`: at
:math:`\theta + s\,d` (with :math:`d` split into :math:`(d_w^l, d_b^l)`),

.. math:: z^l = \bigl(w^l a^{l-1} + b^l\bigr) + s\,\bigl(d_w^l a^{l-1} + d_b^l\bigr),

where :math:`a^{l-1}` is the activation *at the moved point*. So each layer costs one product with
the network's own :math:`w^l` for all :math:`2k` copies at once, and one with each :math:`d_w^l`; in
the first layer the input is the same for all copies, so the network's part is the point's own
:math:`z^1` and the direction's part is shared by :math:`\pm`. Nothing of the parameters' size is
written, and for a small network the whole check is a few dozen numpy calls instead of :math:`2k`
forward passes' worth. The step taken is exactly :math:`\pm t d` (the parameters are never rounded
into storage), so backprop's side is exactly :math:`\langle\nabla C, d\rangle`.

Given the arrays a check keeps (:class:`~worked.gradcheck.kept.Kept`), the pass writes its own arrays
into them, and applies each activation a block of rows at a time (:data:`ROW_BLOCK`), so that a
check's groups after the first allocate nothing of the size of the :math:`2k` copies but the
network's own :math:`w^l a + b^l`.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from numpy.typing import DTypeLike, NDArray

from worked.core import RELU, Activation, Array, regularisation
from worked.gradcheck.checkpoint import Point
from worked.gradcheck.kept import Directions, Kept, fresh
from worked.gradcheck.numerical import machine_epsilon

New = Callable[[str, tuple[int, ...], DTypeLike], Array]
"""Where an array of the pass comes from: :meth:`Kept.scratch`, or :func:`~worked.gradcheck.kept.fresh`."""

ROW_BLOCK = 8192
"""Entries in each block of rows an activation is applied to (64 KiB in float64): its temporaries
then stay in cache, and small enough to come from the heap each time, where all 2k copies at once
(1.5 MiB at [512, 512, 512, 10], batch 64) would be fresh pages on every call. An activation acts
entry by entry, so every entry is the same number either way."""


def activated(sigma: Activation, z: Array, new: New) -> Array:
    r""":math:`\sigma(z)` for the rows ``z``, :data:`ROW_BLOCK` entries at a time, into ``new("a", ...)``."""
    rows = max(1, ROW_BLOCK // z.shape[1])
    first = sigma.value(z[:rows])
    a = new("a", z.shape, first.dtype)  # the activation's type: the identity gives float64 for float32
    a[:rows] = first
    for r in range(rows, z.shape[0], rows):
        a[r : r + rows] = sigma.value(z[r : r + rows])
    return a


def moved_costs(
    point: Point, directions: Directions, kept: Kept | None = None
) -> tuple[Array, Array, NDArray[np.bool_]]:
    r"""Backprop's :math:`\langle\nabla C, d_i\rangle` and the costs at :math:`\theta \pm t d_i`.

    Returns ``(analytic, costs, kinks)``: ``analytic`` and ``kinks`` of shape ``(k,)``, ``costs``
    of shape ``(2k,)`` (at :math:`\theta + t d_i`, then :math:`\theta - t d_i`, for each :math:`i`);
    ``kinks[i]`` says whether the step along :math:`d_i` crossed a ReLU kink. The :math:`2k` costs
    come from one forward pass over :math:`2k` copies of the batch (see the module's docstring):
    rows ``2im .. 2im + m - 1`` are at :math:`\theta + t d_i`, the next ``m`` at :math:`\theta - t d_i`.
    With ``kept``, the pass (and the L2 penalty's moved weights) write into its arrays.
    """
    net, xs, k = point.network, point.xs, directions.k
    m, L = xs.shape[0], len(net.weights)
    new: New = fresh if kept is None else kept.scratch
    t = machine_epsilon(point.precision) ** (1.0 / 3.0)
    analytic: Array = directions.flat @ point.gradient  # the step is exactly t·d: nothing was rounded
    kinks = np.zeros(2 * k, dtype=bool)
    z = new("z", (2 * k * m, point.zs[0].shape[1]), xs.dtype)
    z.reshape(2 * k, m, -1)[...] = point.zs[0]  # the network's part of z^1: the same for every copy
    for l in range(L):
        d_w, d_b = directions.weights[l], directions.biases[l]
        if l == 0:  # the direction's part, d_w x + d_b, once for + and −
            out = new("step", (k, m, d_w.shape[1]), np.result_type(xs, d_w))
            step = np.matmul(xs, d_w.transpose(0, 2, 1), out=out)
            step += d_b[:, np.newaxis, :]
            step *= t
            moved = z.reshape(k, 2, m, -1)
            moved[:, 0] += step
            moved[:, 1] -= step
        else:
            a = activated(net.sigmas[l - 1], z, new).reshape(k, 2 * m, -1)
            z = net.weighted_input(l, a.reshape(2 * k * m, -1))  # the network's own w^l a + b^l
            out = new("step", (k, 2 * m, d_w.shape[1]), np.result_type(a, d_w))
            step = np.matmul(a, d_w.transpose(0, 2, 1), out=out)
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
        weights = [new(f"w{l}", w.shape, w.dtype) for l, w in enumerate(net.weights)]
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
