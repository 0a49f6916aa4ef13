r"""Random directions through parameter space, and the directional mode along them.

The mode looks at the cost along lines :math:`\theta + t d`. The directions are drawn per parameter,
all :math:`k` at once (:func:`draw`); the Taylor test draws its one line the same way (:mod:`line`).
The directional mode needs :math:`C(\theta \pm t d_i)` for :math:`i = 1..k`: :math:`2k` costs, which
:func:`~worked.gradcheck.moved.moved_costs` evaluates as one forward pass over :math:`2k` copies of
the batch, without ever forming :math:`\theta \pm t d_i` (:mod:`worked.gradcheck.moved` shows how).
A check draws every group's directions into the same arrays (:class:`~worked.gradcheck.kept.Kept`).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from worked.core import Array, validation
from worked.gradcheck.checkpoint import Point
from worked.gradcheck.kept import Directions, Kept, fresh, shaped
from worked.gradcheck.moved import moved_costs
from worked.gradcheck.numerical import central_difference, machine_epsilon
from worked.gradcheck.report import Comparison, Tolerance, own_error

DIRECTIONS = 3
"""Random directions in the directional mode; why three suffice is argued in :func:`directional`."""


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
    return shaped(point, flat)


def slopes(point: Point, directions: Directions) -> tuple[Array, Array, NDArray[np.bool_]]:
    r"""Backprop's :math:`\langle\nabla C, d_i\rangle` and the central difference along each :math:`d_i`,
    with whether each crossed a kink (see :func:`~worked.gradcheck.moved.moved_costs`)."""
    analytic, costs, kinks = moved_costs(point, directions)
    t = machine_epsilon(point.precision) ** (1.0 / 3.0)
    numerical: Array = central_difference(lambda h: costs[0::2] if h > 0 else costs[1::2], t)
    return analytic, numerical, kinks


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
    the doubled directions and the pass's arrays are written into its arrays (:mod:`~worked.gradcheck.kept`).
    """
    analytic, costs, kinks = moved_costs(point, directions, kept)
    t = machine_epsilon(point.precision) ** (1.0 / 3.0)
    numerical = central_difference(lambda h: costs[0::2] if h > 0 else costs[1::2], t)
    wide = analytic.astype(np.float64), numerical.astype(np.float64)  # tolerances in float64 always
    rule, noise, evaluations = Tolerance(point.precision), np.float64(point.mean_noise), 2 * directions.k
    spread = None
    if group and rule.vanishing(*wide, noise):
        # Along 2d with step t is along d with step 2t, twice over: halved, it is D(2t) along d.
        new = fresh if kept is None else kept.scratch
        doubled = new("doubled", directions.flat.shape, directions.flat.dtype)
        np.multiply(directions.flat, 2.0, out=doubled)
        _, moved, _ = moved_costs(point, shaped(point, doubled), kept)
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
